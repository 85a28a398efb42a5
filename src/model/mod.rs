//! The encoders: where their files come from, which device runs them, and
//! the Candle forward passes (MiniLM's BERT, EmbeddingGemma's Gemma 3) with
//! sentence-transformers pooling, behind one [`Encoder`].

pub mod bert;
mod bf16;
pub mod cache;
pub mod device;
pub mod encoder;
pub mod fetch;
pub mod gemma;
mod kernels;
pub mod network;
mod panels;
pub mod source;
pub mod spec;
mod weights;

pub use device::DeviceSpec;
pub use encoder::{Embeddings, Encoder, EncoderOptions};
pub use source::{ModelFiles, ModelOrigin, ModelQuery, ModelSpec, GEMMA, MINILM};
