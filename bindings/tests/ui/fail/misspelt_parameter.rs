// `aplimit` is the field `limit`; a misspelt name is no field.
use mwtyped::Limit;
use mwtyped::v1_43::query::AllPages;

fn main() {
    let mut pages = AllPages::new();
    pages.limt = Some(Limit::Max);
}
