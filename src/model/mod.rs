//! The encoders: where their files come from, which device runs them, and
//! the Candle forward passes (MiniLM's BERT, EmbeddingGemma's Gemma 3) with
//! sentence-transformers pooling, behind one [`Encoder`].

pub mod bert;
pub mod cache;
pub mod device;
pub mod encoder;
pub mod fetch;
pub mod gemma;
pub mod source;
pub mod spec;

use std::path::PathBuf;

pub use device::DeviceSpec;
pub use encoder::{Embeddings, Encoder, EncoderOptions};
pub use source::{ModelFiles, ModelOrigin, ModelQuery, ModelSpec, GEMMA, MINILM};

/// Everything that can go wrong finding, fetching or running the model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model `{model}` not found; searched: {}. To get it, {}", .searched.join("; "), source::FETCH_HINT)]
    NotFound {
        model: &'static str,
        searched: Vec<String>,
    },
    #[error("{} is not a directory (--model takes a directory holding config.json, tokenizer.json and model.safetensors)", .dir.display())]
    NotADirectory { dir: PathBuf },
    #[error("model file {} is missing; {}", .path.display(), source::FETCH_HINT)]
    MissingFile { path: PathBuf },
    #[error("model file {} has {actual} bytes, expected {expected} (truncated or wrong file); {}", .path.display(), source::FETCH_HINT)]
    WrongSize {
        path: PathBuf,
        expected: u64,
        actual: u64,
    },
    #[error("model file {} has sha256 {actual}, expected {expected}; delete it and {}", .path.display(), source::FETCH_HINT)]
    Checksum {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("fetching the model failed: {0}")]
    Fetch(String),
    #[error("cannot load {}: {message}", .path.display())]
    Load { path: PathBuf, message: String },
    #[error("device: {0}")]
    Device(String),
    #[error("encoder: {0}")]
    Encode(String),
}

impl From<candle_core::Error> for ModelError {
    fn from(err: candle_core::Error) -> Self {
        ModelError::Encode(err.to_string())
    }
}
