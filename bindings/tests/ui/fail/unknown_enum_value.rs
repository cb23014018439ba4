// `apfilterredir` takes `all`, `nonredirects` or `redirects`; a misspelt value is no variant.
use mwtyped::v1_43::query::{AllPages, AllPagesFilterRedir};

fn main() {
    let mut pages = AllPages::new();
    pages.filter_redir = Some(AllPagesFilterRedir::NonRedirect);
}
