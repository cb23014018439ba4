// `apfilterredir` takes `all`, `nonredirects` or `redirects`; a misspelt value is no variant.
use mwtyped::v1_43::query::{AllPages, AllPagesFilterredir};

fn main() {
    let mut pages = AllPages::new();
    pages.filterredir = Some(AllPagesFilterredir::NonRedirect);
}
