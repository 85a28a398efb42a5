//! Training the stance and sentiment heads: examples, setting selection,
//! LoRA adapters, out-of-fold scores. Inference (`crate::stance`) never
//! imports this module.

mod adapter;
mod examples;
pub mod lora;
pub mod oof;
mod run;
mod select;

use std::path::PathBuf;

use crate::model::ModelError;
use crate::stance::StanceError;

pub use examples::{
    examples_from_gold, load_examples, speaker_labels_from_gold, SpeakerLabel, TrainExample,
};
pub use run::{train, TrainJob};

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{}:{line}: {message}", .path.display())]
    Data {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Stance(#[from] StanceError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{0}")]
    Invalid(String),
}
