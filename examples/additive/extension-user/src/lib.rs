//! Turns extension features on for the whole build, `core-user` included. See `../README.md`.

use mwtyped::v1_43::ChangeContentModelModel;

/// The content models the extensions this crate turns on add.
pub fn extension_models() -> [ChangeContentModelModel; 2] {
    [
        ChangeContentModelModel::Gadgetdefinition,
        ChangeContentModelModel::Scribunto,
    ]
}
