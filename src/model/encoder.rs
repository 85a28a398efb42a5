//! Sentence embeddings with Candle's BERT: tokenise, run the encoder with the
//! attention mask, mean-pool over real tokens only, L2-normalise — what
//! sentence-transformers does for all-MiniLM-L6-v2.

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::Config;

use super::bert::{l2_normalize, masked_mean, Bert, Lora};
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use super::source::ModelFiles;
use super::ModelError;

/// sentence-transformers' `max_seq_length` for this model (the shipped
/// tokenizer.json says 128, which would silently cut longer quotes).
pub const DEFAULT_MAX_TOKENS: usize = 256;

/// How the encoder batches and truncates.
#[derive(Debug, Clone, Copy)]
pub struct EncoderOptions {
    /// Sequences per forward pass.
    pub batch_size: usize,
    /// Word pieces per sequence, [CLS] and [SEP] included.
    pub max_tokens: usize,
}

impl Default for EncoderOptions {
    fn default() -> Self {
        EncoderOptions {
            batch_size: 32,
            max_tokens: DEFAULT_MAX_TOKENS,
        }
    }
}

/// Row-major embeddings, one row per input text, in input order.
#[derive(Debug, Clone, PartialEq)]
pub struct Embeddings {
    pub dim: usize,
    pub data: Vec<f32>,
    /// Indices of inputs cut at `max_tokens` (reported, never silent).
    pub truncated: Vec<usize>,
}

impl Embeddings {
    pub fn len(&self) -> usize {
        self.data.len().checked_div(self.dim).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    pub fn rows(&self) -> impl Iterator<Item = &[f32]> {
        self.data.chunks_exact(self.dim.max(1))
    }
}

/// The loaded encoder.
#[derive(Clone)]
pub struct Encoder {
    model: Bert,
    tokenizer: Tokenizer,
    device: Device,
    config: Config,
    options: EncoderOptions,
}

impl Encoder {
    /// Loads config, tokenizer and mmap'd weights from `files` onto `device`.
    pub fn load(
        files: &ModelFiles,
        device: &Device,
        options: EncoderOptions,
    ) -> Result<Self, ModelError> {
        let config = load_config(files)?;
        let max_tokens = options
            .max_tokens
            .min(config.max_position_embeddings)
            .max(2);
        let tokenizer = load_tokenizer(files, max_tokens)?;
        // SAFETY: the weights file is mmap'd read-only; quotestance never
        // writes to it, and a file changed underneath is the user's act.
        let vb = unsafe {
            VarBuilder::from_mmaped_safetensors(&[&files.weights], compute_dtype(device), device)
        }
        .map_err(|e| load_err(&files.weights, e))?;
        let model = Bert::load(vb, &config).map_err(|e| load_err(&files.weights, e))?;
        Ok(Encoder {
            model,
            tokenizer,
            device: device.clone(),
            config,
            options: EncoderOptions {
                batch_size: options.batch_size.max(1),
                max_tokens,
            },
        })
    }

    /// Width of an embedding.
    pub fn dim(&self) -> usize {
        self.config.hidden_size
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    pub fn options(&self) -> EncoderOptions {
        self.options
    }

    pub fn bert(&self) -> &Bert {
        &self.model
    }

    /// Folds low-rank adapters into the loaded weights (the files stay untouched).
    pub fn merge_lora(&mut self, lora: &Lora) -> Result<(), ModelError> {
        Ok(self.model.merge_lora(lora)?)
    }

    /// Each text's hidden states after the first `layers` layers, `[len, hidden]`
    /// without padding, in input order: the frozen part of adapter training.
    pub fn hidden_states(&self, texts: &[&str], layers: usize) -> Result<Vec<Tensor>, ModelError> {
        let tokenized = self.tokenize(texts)?;
        let mut out: Vec<Option<Tensor>> = vec![None; texts.len()];
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| (tokenized[i].0.len(), i));
        for chunk in order.chunks(self.options.batch_size) {
            let ids: Vec<&[u32]> = chunk.iter().map(|&i| tokenized[i].0.as_slice()).collect();
            let (ids_t, mask_t) = self.pad(&ids)?;
            let hidden = self.model.forward_to(&ids_t, &mask_t, layers)?;
            for (r, &i) in chunk.iter().enumerate() {
                out[i] = Some(hidden.get(r)?.narrow(0, 0, ids[r].len())?.contiguous()?);
            }
        }
        out.into_iter()
            .map(|t| t.ok_or_else(|| ModelError::Encode("missing hidden state".into())))
            .collect()
    }

    /// Right-padded ids and the mask, `[n, longest]` each.
    fn pad(&self, batch: &[&[u32]]) -> Result<(Tensor, Tensor), ModelError> {
        let n = batch.len();
        let width = batch.iter().map(|ids| ids.len()).max().unwrap_or(0).max(1);
        let mut ids = vec![0u32; n * width];
        let mut mask = vec![0u32; n * width];
        for (r, seq) in batch.iter().enumerate() {
            ids[r * width..r * width + seq.len()].copy_from_slice(seq);
            mask[r * width..r * width + seq.len()].fill(1);
        }
        Ok((
            Tensor::from_vec(ids, (n, width), &self.device)?,
            Tensor::from_vec(mask, (n, width), &self.device)?,
        ))
    }

    /// Word-piece ids for each text (with [CLS]/[SEP], truncated), and
    /// whether each was truncated.
    pub fn tokenize(&self, texts: &[&str]) -> Result<Vec<(Vec<u32>, bool)>, ModelError> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| ModelError::Encode(format!("tokenizer: {e}")))?;
        Ok(encodings
            .into_iter()
            .map(|enc| {
                let truncated = !enc.get_overflowing().is_empty();
                (enc.get_ids().to_vec(), truncated)
            })
            .collect())
    }

    /// Embeds `texts`: sorted by length so each batch pads to its longest
    /// member, then returned in input order.
    pub fn embed(&self, texts: &[&str]) -> Result<Embeddings, ModelError> {
        // Run on a worker of the thread pool: the calling thread then sleeps
        // instead of competing for the cores with the pool's workers.
        if self.device.is_cpu() && rayon::current_thread_index().is_none() {
            return rayon::join(|| self.embed_sorted(texts), || ()).0;
        }
        self.embed_sorted(texts)
    }

    fn embed_sorted(&self, texts: &[&str]) -> Result<Embeddings, ModelError> {
        let tokenized = self.tokenize(texts)?;
        let dim = self.dim();
        let mut data = vec![0f32; texts.len() * dim];
        let truncated = tokenized
            .iter()
            .enumerate()
            .filter(|(_, (_, t))| *t)
            .map(|(i, _)| i)
            .collect();
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| (tokenized[i].0.len(), i));
        for chunk in order.chunks(self.options.batch_size) {
            let ids: Vec<&[u32]> = chunk.iter().map(|&i| tokenized[i].0.as_slice()).collect();
            let pooled = self.forward_pooled(&ids)?;
            for (row, &i) in pooled.chunks_exact(dim).zip(chunk) {
                data[i * dim..(i + 1) * dim].copy_from_slice(row);
            }
        }
        Ok(Embeddings {
            dim,
            data,
            truncated,
        })
    }

    /// One batch through BERT; returns normalised mean-pooled rows. On the
    /// CPU (always f32) without padding ([`Bert::embed_packed`]); elsewhere padded
    /// to the longest member ([`Encoder::forward_pooled_padded`]).
    fn forward_pooled(&self, batch: &[&[u32]]) -> Result<Vec<f32>, ModelError> {
        if self.device.is_cpu() {
            return Ok(self.model.embed_packed(batch)?);
        }
        self.forward_pooled_padded(batch)
    }

    /// One padded batch through BERT's tensor forward pass, any device.
    pub fn forward_pooled_padded(&self, batch: &[&[u32]]) -> Result<Vec<f32>, ModelError> {
        let (ids, mask) = self.pad(batch)?;
        // The mask always goes in: without it padded batches attend to padding,
        // and the mean must not count padding either.
        // Pooling in f32 whatever the model's dtype.
        let hidden = self.model.forward(&ids, &mask)?.to_dtype(DType::F32)?;
        let normalised = l2_normalize(&masked_mean(&hidden, &mask)?)?;
        Ok(normalised
            .to_dtype(DType::F32)?
            .flatten_all()?
            .to_vec1::<f32>()?)
    }
}

/// f32 on the CPU; half precision on a GPU (f16: every CUDA GPU and Metal
/// device runs it, bf16 needs compute capability 8.0).
pub fn compute_dtype(device: &Device) -> DType {
    if device.is_cpu() {
        DType::F32
    } else {
        DType::F16
    }
}

fn load_err(path: &std::path::Path, e: impl std::fmt::Display) -> ModelError {
    ModelError::Load {
        path: path.to_path_buf(),
        message: format!("{e} (if the file is damaged, delete it and run `make model`)"),
    }
}

fn load_config(files: &ModelFiles) -> Result<Config, ModelError> {
    let text = std::fs::read_to_string(&files.config).map_err(|source| ModelError::Io {
        path: files.config.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| load_err(&files.config, e))
}

fn load_tokenizer(files: &ModelFiles, max_tokens: usize) -> Result<Tokenizer, ModelError> {
    let mut tokenizer =
        Tokenizer::from_file(&files.tokenizer).map_err(|e| load_err(&files.tokenizer, e))?;
    // The shipped file pads every input to 128 and truncates at 128: padding
    // is done per batch here, truncation at the model's real limit.
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: max_tokens,
            strategy: TruncationStrategy::LongestFirst,
            stride: 0,
            direction: TruncationDirection::Right,
        }))
        .map_err(|e| load_err(&files.tokenizer, e))?;
    Ok(tokenizer)
}

/// Cosine similarity of two vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}
