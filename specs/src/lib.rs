//! # mwtyped-spec
//!
//! The spec model of the MediaWiki Action API, that is everything `action=paraminfo`
//! (formatversion=2) says of each module and parameter, and the committed captures of the
//! MediaWiki versions mwtyped supports, embedded so that the proc macros need no path
//! outside their package.
//!
//! The flow: `raw/` files as the wiki served them ([`ParamInfo`], [`Provenance`]) →
//! `normalise` → [`Spec`] (`spec.json`) → the generator.
//!
//! Reading raw captures and recorded answers, and writing specs, is the feature `capture`
//! (what `cargo xtask` does); without it the crate only reads the committed models, which is
//! all the proc macros need, and compiles in half the time in a user's build.

mod answers;
mod captures;
mod error;
mod model;
#[cfg(feature = "capture")]
mod normalise;
mod param_type;
#[cfg(feature = "capture")]
mod raw;
mod spec;

pub use answers::{
    AnswerModel, Coverage, ENVELOPE, Field, FieldCount, FreeFormPlaces, Shape, answer_key,
    exercised, facts,
};
#[cfg(feature = "capture")]
pub use answers::{DataPlace, Exchange, Recording, data_places, infer, prop_like};
pub use captures::CAPTURES;
pub use error::SpecError;
pub use model::{Example, Help, Info, Module, Origin, ParamType, Parameter};
#[cfg(feature = "capture")]
pub use normalise::{AttributionPart, CORE_PART, mark_wiki_values, normalise};
#[cfg(feature = "capture")]
pub use raw::{ParamInfo, Provenance};
pub use spec::{CaptureInfo, ExtensionInfo, Finding, ItemKey, PatchStep, Spec};

/// A committed capture, embedded in the crate.
#[derive(Debug, Clone, Copy)]
pub struct Capture {
    /// The folder name under `specs/`, e.g. `mediawiki-1.39`.
    pub name: &'static str,
    /// The normalised spec, as `cargo xtask regen` wrote it.
    pub spec_json: &'static str,
    /// The answer model regen inferred from the capture's recorded answers, if it has any.
    pub answers_json: Option<&'static str>,
}

impl Capture {
    pub fn spec(&self) -> Result<Spec, SpecError> {
        Spec::parse(&format!("specs/{}/spec.json", self.name), self.spec_json)
    }

    /// The answer model; an empty one (every answer untyped) when nothing was recorded.
    pub fn answers(&self) -> Result<AnswerModel, SpecError> {
        match self.answers_json {
            Some(text) => AnswerModel::parse(&format!("specs/{}/answers.json", self.name), text),
            None => Ok(AnswerModel::default()),
        }
    }
}

/// The committed capture of that name.
pub fn capture(name: &str) -> Option<&'static Capture> {
    CAPTURES.iter().find(|c| c.name == name)
}
