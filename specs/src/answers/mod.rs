//! The answers side of a capture: what the test wikis answered ([`Recording`], under
//! `specs/NAME/answers/`), and the model inferred from it ([`AnswerModel`], `answers.json`).

mod infer;
mod model;
mod recording;

pub use infer::{ENVELOPE, answer_key, infer};
pub use model::{AnswerModel, Coverage, Field, FieldCount, Shape};
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
