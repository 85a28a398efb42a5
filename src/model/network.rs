//! The one interface every encoder network implements for [`super::Encoder`]:
//! token ids in, one normalised sentence embedding per text out. MiniLM's
//! BERT ([`super::bert`]) and EmbeddingGemma's Gemma 3 ([`super::gemma`])
//! implement it; a new encoder is one more implementation.

use std::any::Any;

use candle_core::{Device, Result, Tensor};

/// The sizes `model info` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Architecture {
    /// `bert` or `gemma3_text`.
    pub model_type: &'static str,
    /// Width of the hidden states.
    pub hidden: usize,
    /// Transformer layers.
    pub layers: usize,
    /// Attention (query) heads per layer.
    pub heads: usize,
    /// Tokens in the vocabulary.
    pub vocab: usize,
    /// Width of an embedding (after any projection).
    pub dim: usize,
}

/// An encoder network: token ids in, pooled, normalised embeddings out.
/// (`as_any` and `boxed_clone` come with every `Clone` network.)
pub trait Network: NetworkObject + Send + Sync {
    /// The network's sizes.
    fn architecture(&self) -> Architecture;

    /// Width of an embedding.
    fn dim(&self) -> usize {
        self.architecture().dim
    }

    /// The longest sequence the network takes, in tokens.
    fn max_positions(&self) -> usize;

    /// One batch of token-id sequences → `[n, dim]` row-major normalised
    /// embeddings, by the fastest pass for `device`.
    fn embed_ids(&self, batch: &[&[u32]], device: &Device) -> Result<Vec<f32>> {
        self.embed_padded(batch, device)
    }

    /// The same through the padded tensor pass (any device).
    fn embed_padded(&self, batch: &[&[u32]], device: &Device) -> Result<Vec<f32>>;
}

/// What a boxed network needs of its concrete type; implemented for every
/// `Clone` network, so a network only writes [`Network`]'s own methods.
pub trait NetworkObject {
    /// The concrete network, for what only one kind supports (LoRA on BERT).
    fn as_any(&self) -> &dyn Any;

    /// The same, mutable.
    fn as_any_mut(&mut self) -> &mut dyn Any;

    /// A copy behind a new box (the weights themselves are shared).
    fn boxed_clone(&self) -> Box<dyn Network>;
}

impl<T: Network + Clone + 'static> NetworkObject for T {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }

    fn boxed_clone(&self) -> Box<dyn Network> {
        Box::new(self.clone())
    }
}

/// Right-padded ids and the attention mask, `[n, longest]` each.
pub fn pad(batch: &[&[u32]], device: &Device) -> Result<(Tensor, Tensor)> {
    let n = batch.len();
    let width = batch.iter().map(|ids| ids.len()).max().unwrap_or(0).max(1);
    let mut ids = vec![0u32; n * width];
    let mut mask = vec![0u32; n * width];
    for (r, seq) in batch.iter().enumerate() {
        ids[r * width..r * width + seq.len()].copy_from_slice(seq);
        mask[r * width..r * width + seq.len()].fill(1);
    }
    Ok((
        Tensor::from_vec(ids, (n, width), device)?,
        Tensor::from_vec(mask, (n, width), device)?,
    ))
}
