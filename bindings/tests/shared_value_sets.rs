//! Parameters whose values are the same set share one enum: every other parameter's enum
//! name is an alias of it, usable as a type, in patterns and for its variants.

use mwtyped::ApiModule;
use mwtyped::v1_43::{CompareFromContentModel, CompareToContentModel, Edit, EditContentModel};

#[test]
fn one_value_set_is_one_type_under_every_parameter_s_name() {
    // The same type under three names: a value of one is a value of the others.
    let from: CompareFromContentModel = EditContentModel::Wikitext;
    let to: CompareToContentModel = from.clone();
    assert_eq!(to, CompareFromContentModel::Wikitext);
    let label = match to {
        EditContentModel::Wikitext => "wikitext",
        CompareToContentModel::Other(_) => "another wiki's",
        _ => "a captured one",
    };
    assert_eq!(label, "wikitext");
    assert_eq!(
        EditContentModel::from("sanitized-css"),
        CompareFromContentModel::Other("sanitized-css".into())
    );

    let mut edit = Edit::new(mwtyped::token::Token::new("+\\"));
    edit.title = Some("Sandbox".into());
    edit.content_model = Some(EditContentModel::Json);
    let request = edit.to_request().unwrap();
    assert!(request.form_pairs().contains(&("contentmodel", "json")));
}

#[test]
fn every_alias_names_an_enum_or_an_answer_struct_of_its_version() {
    for rendered in [
        include_str!("../rendered/mediawiki-1.39.rs"),
        include_str!("../rendered/mediawiki-1.43.rs"),
    ] {
        let aliases: Vec<&str> = rendered
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("pub type "))
            .collect();
        assert!(aliases.len() > 50, "{} aliases", aliases.len());
        for line in aliases {
            let (alias, target) = line["pub type ".len()..]
                .trim_end_matches(';')
                .split_once(" = ")
                .unwrap_or_else(|| panic!("an alias line: {line}"));
            let target = target.rsplit("::").next().unwrap_or(target);
            assert_ne!(alias, target, "{line}");
            // A parameter's value set shared with another's, or an answer object of the same
            // fields as another (`answer::QueryRedirects = MoveSubpages`).
            assert!(
                rendered.contains(&format!("pub enum {target} "))
                    || rendered.contains(&format!("    pub struct {target} ")),
                "{alias} is an alias of {target}, which is no enum or answer struct of its version"
            );
        }
    }
}

/// `$wgUrlProtocols` decides which protocols a wiki links to: a protocol neither capture (`ipfs`, which some wikis add)
/// lists is still a value (`Other`), sent as written.
#[test]
fn the_wikis_own_url_protocols_are_values() {
    use mwtyped::v1_43::query::{ExtLinks, ExtLinksProtocol};
    let mut links = ExtLinks::new();
    links.protocol = Some(ExtLinksProtocol::from("ipfs"));
    assert_eq!(links.protocol, Some(ExtLinksProtocol::Other("ipfs".into())));
    let mut query = mwtyped::v1_43::Query::new();
    query.select.add(links);
    let request = query.to_request().unwrap();
    assert!(request.form_pairs().contains(&("elprotocol", "ipfs")));
}
