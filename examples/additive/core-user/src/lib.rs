//! Written against mwtyped's core 1.43 bindings only: no `ext-…` feature. See
//! `../README.md`.

use mwtyped::token::{CsrfToken, Token};
use mwtyped::v1_43::{ChangeContentModelModel, Edit};

/// What a content model holds, by a `match` with an arm for each model this crate cares
/// about; the enum is `#[non_exhaustive]`, so the rest fall to the last arm.
pub fn kind_of(model: ChangeContentModelModel) -> &'static str {
    match model {
        ChangeContentModelModel::Wikitext => "wiki page",
        ChangeContentModelModel::Css => "style sheet",
        ChangeContentModelModel::Javascript => "script",
        ChangeContentModelModel::Json => "data",
        ChangeContentModelModel::Text => "plain text",
        _ => "another model",
    }
}

/// An edit built the only way a struct of mwtyped is built: `new`, then its fields.
pub fn edit(title: &str, text: &str) -> Edit {
    let mut edit = Edit::new(Token::<CsrfToken>::new("+\\"));
    edit.title = Some(title.to_owned());
    edit.text = Some(text.to_owned());
    edit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extensions_values_are_there_without_its_feature() {
        assert_eq!(kind_of(ChangeContentModelModel::Css), "style sheet");
        // Scribunto's content model, with `ext-scribunto` off in this crate.
        assert_eq!(kind_of(ChangeContentModelModel::Scribunto), "another model");
        assert_eq!(ChangeContentModelModel::Scribunto.as_str(), "Scribunto");
    }
}
