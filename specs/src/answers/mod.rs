//! The answers side of a capture: what the test wikis answered ([`Recording`], under
//! `specs/NAME/answers/`), and the model inferred from it ([`AnswerModel`], `answers.json`).

pub mod facts;
// Inferring the model from recordings is regen's work (feature `capture`); the macros only
// read the model.
#[cfg(feature = "capture")]
mod infer;
mod model;
#[cfg(feature = "capture")]
mod places;
#[cfg(feature = "capture")]
mod recording;

#[cfg(feature = "capture")]
pub use infer::infer;
pub use model::{AnswerModel, Coverage, Field, FieldCount, FreeFormPlaces, Shape};
#[cfg(feature = "capture")]
pub use places::{DataPlace, data_places, prop_like};
#[cfg(feature = "capture")]
pub use recording::{Exchange, Recording};

use crate::Module;

/// Why a module gets no request of its own: `main` is every request, an output format is how
/// any answer is written.
pub fn exercised(module: &Module) -> Result<(), &'static str> {
    match module.group.as_deref() {
        None => Err("the root of every request"),
        Some("format") => Err("an output format, not an answer of its own"),
        _ => Ok(()),
    }
}

/// Keys of every answer that are not the module's data: the client reads them (warnings,
/// continuation, `batchcomplete`, limits), and they are the same for every module.
pub const ENVELOPE: &[&str] = &[
    "batchcomplete",
    "continue",
    "curtimestamp",
    "docref",
    "errorlang",
    "errors",
    "limits",
    "requestid",
    "servedby",
    "uselang",
    "warnings",
];

/// Whose answer a module's is: every query submodule answers as `query`.
pub fn answer_key(path: &str) -> &str {
    if path.starts_with("query+") {
        "query"
    } else {
        path
    }
}
