//! Training the stance and sentiment heads: examples, setting selection,
//! LoRA adapters, out-of-fold scores. Inference (`crate::stance`) never
//! imports this module.

mod adapter;
mod examples;
pub mod lora;
pub mod oof;
mod run;
mod select;

pub use examples::{
    examples_from_gold, examples_from_gold_article, load_examples, speaker_labels_from_gold,
    SpeakerLabel, TrainExample,
};
pub use run::{train, TrainJob};
