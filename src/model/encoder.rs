//! Sentence embeddings behind one interface, whichever model the files hold:
//! tokenise (after the model's task prompt, if it has one), run the encoder
//! with the attention mask, mean-pool over real tokens only, project (Gemma's
//! dense layers), L2-normalise — what sentence-transformers does for
//! all-MiniLM-L6-v2 and for EmbeddingGemma.

use crate::error::Error;
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::Config;

use super::bert::{Bert, BertNetwork, Lora};
use super::gemma::{Gemma, GemmaConfig, GemmaWeights};
pub use super::network::Architecture;
use super::network::{pad, Network};
use super::weights::WeightsFile;
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use super::source::ModelFiles;

/// Tokens per text by default, specials and prompt included: MiniLM's
/// sentence-transformers `max_seq_length` (the shipped tokenizer.json says
/// 128, which would silently cut longer quotes), and ample for a quote, its
/// sentence or its paragraph with EmbeddingGemma.
pub const DEFAULT_MAX_TOKENS: usize = 256;

/// The sentence-transformers prompt used for classification features.
pub const CLASSIFICATION_PROMPT: &str = "Classification";

/// How the encoder batches and truncates.
#[derive(Debug, Clone, Copy)]
pub struct EncoderOptions {
    /// Sequences per forward pass.
    pub batch_size: usize,
    /// Tokens per sequence, special tokens and the prompt included.
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
    /// Width of one row (floats per embedding).
    pub dim: usize,
    /// All rows back to back: `len() * dim` floats.
    pub data: Vec<f32>,
    /// Indices of inputs cut at `max_tokens` (reported, never silent).
    pub truncated: Vec<usize>,
}

impl Embeddings {
    /// Number of rows (embedded texts).
    pub fn len(&self) -> usize {
        self.data.len().checked_div(self.dim).unwrap_or(0)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The embedding of input `i` (panics when `i` is out of range).
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    /// Every row, in input order.
    pub fn rows(&self) -> impl Iterator<Item = &[f32]> {
        self.data.chunks_exact(self.dim.max(1))
    }
}

/// The loaded encoder.
pub struct Encoder {
    network: Box<dyn Network>,
    tokenizer: Tokenizer,
    device: Device,
    options: EncoderOptions,
    /// Prepended to every text (EmbeddingGemma's task prompt; empty for MiniLM).
    prompt: String,
    prompts: Vec<(String, String)>,
    cache: Option<std::sync::Arc<super::cache::EmbeddingCache>>,
}

#[derive(serde::Deserialize)]
struct ModelType {
    model_type: String,
}

#[derive(serde::Deserialize, Default)]
struct SentenceTransformersConfig {
    #[serde(default)]
    prompts: std::collections::BTreeMap<String, String>,
}

impl Encoder {
    /// Loads config, tokenizer and weights from `files` onto `device`;
    /// the architecture is the one config.json names (`bert` or `gemma3_text`).
    pub fn load(
        files: &ModelFiles,
        device: &Device,
        options: EncoderOptions,
    ) -> Result<Self, Error> {
        // The tokenizer first: parsing Gemma's (half a million merges) needs
        // transient memory that the weights can reuse once it is freed.
        let mut tokenizer = load_tokenizer(files)?;
        let text = read(&files.config)?;
        let kind: ModelType =
            serde_json::from_str(&text).map_err(|e| load_err(&files.config, e))?;
        let network: Box<dyn Network> = match kind.model_type.as_str() {
            "bert" => {
                let config: Config =
                    serde_json::from_str(&text).map_err(|e| load_err(&files.config, e))?;
                let weights =
                    WeightsFile::open(&files.weights).map_err(|e| load_err(&files.weights, e))?;
                let vb = VarBuilder::from_backend(
                    Box::new(weights),
                    compute_dtype(device),
                    device.clone(),
                );
                let model = Bert::load(vb, &config).map_err(|e| load_err(&files.weights, e))?;
                Box::new(BertNetwork { model, config })
            }
            "gemma3_text" => {
                let config: GemmaConfig =
                    serde_json::from_str(&text).map_err(|e| load_err(&files.config, e))?;
                let dense = files.dense();
                let dense: Vec<&std::path::Path> = dense.iter().map(|p| p.as_path()).collect();
                let weights = GemmaWeights {
                    config: &config,
                    transformer: &files.weights,
                    dense: &dense,
                };
                // Gemma's activations overflow float16: f32 on every device.
                let model = Gemma::load(&weights, DType::F32, device)
                    .map_err(|(path, e)| load_err(&path, e))?;
                Box::new(model)
            }
            other => {
                return Err(load_err(
                    &files.config,
                    format!("model_type `{other}` is not supported (bert or gemma3_text)"),
                ))
            }
        };
        let max_tokens = options.max_tokens.min(network.max_positions()).max(2);
        truncate_at(&mut tokenizer, max_tokens).map_err(|e| load_err(&files.tokenizer, e))?;
        let prompts: Vec<(String, String)> = match files.sentence_transformers_config() {
            Some(path) => {
                let st: SentenceTransformersConfig =
                    serde_json::from_str(&read(&path)?).map_err(|e| load_err(&path, e))?;
                st.prompts.into_iter().collect()
            }
            None => Vec::new(),
        };
        let prompt = prompts
            .iter()
            .find(|(name, _)| name == CLASSIFICATION_PROMPT)
            .map(|(_, p)| p.clone())
            .unwrap_or_default();
        Ok(Encoder {
            network,
            tokenizer,
            device: device.clone(),
            options: EncoderOptions {
                batch_size: options.batch_size.max(1),
                max_tokens,
            },
            prompt,
            prompts,
            cache: None,
        })
    }

    /// Keeps embeddings in `dir` across runs ([`super::cache`]); `model`
    /// names the weights (their sha256, say).
    pub fn enable_cache(&mut self, dir: &std::path::Path, model: &str) -> Result<(), Error> {
        let cache = super::cache::EmbeddingCache::open(dir, model, self.dim())?;
        self.cache = Some(std::sync::Arc::new(cache));
        Ok(())
    }

    /// Width of an embedding.
    pub fn dim(&self) -> usize {
        self.network.dim()
    }

    /// The sizes of the loaded network.
    pub fn architecture(&self) -> Architecture {
        self.network.architecture()
    }

    /// The device the network runs on.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// The batch size and token limit in use.
    pub fn options(&self) -> EncoderOptions {
        self.options
    }

    /// The prompt put before every text ("" when the model has none).
    pub fn prompt(&self) -> &str {
        &self.prompt
    }

    /// The model's named prompts (sentence-transformers' `prompts`).
    pub fn prompts(&self) -> &[(String, String)] {
        &self.prompts
    }

    /// Puts `prompt` before every text from now on (an empty one: none).
    pub fn set_prompt(&mut self, prompt: &str) {
        self.prompt = prompt.to_string();
    }

    /// The BERT network, which LoRA adaptation needs; an error for other models.
    pub fn bert(&self) -> Result<&Bert, Error> {
        self.network
            .as_any()
            .downcast_ref::<BertNetwork>()
            .map(|b| &b.model)
            .ok_or_else(|| {
                Error::Encode(
                    "LoRA adaptation is implemented for the MiniLM (BERT) encoder only".into(),
                )
            })
    }

    /// The loaded EmbeddingGemma, or an error saying that `what` is
    /// implemented for it only.
    fn gemma_mut(&mut self, what: &str) -> Result<&mut super::gemma::Gemma, Error> {
        self.network
            .as_any_mut()
            .downcast_mut::<super::gemma::Gemma>()
            .ok_or_else(|| Error::Encode(format!("{what} are implemented for EmbeddingGemma only")))
    }

    /// EmbeddingGemma's transformer linear maps in 8 bits (Q8_0) from now on;
    /// an error for other encoders.
    pub fn quantize_int8(&mut self) -> Result<(), Error> {
        Ok(self.gemma_mut("8-bit weights")?.quantize_int8()?)
    }

    /// EmbeddingGemma's transformer linear maps with bf16 weights and inputs
    /// (f32 sums) from now on; an error for other encoders and devices.
    pub fn use_bf16(&mut self) -> Result<(), Error> {
        Ok(self.gemma_mut("bf16 products")?.use_bf16()?)
    }

    /// Folds low-rank adapters into the loaded weights (the files stay
    /// untouched). An embedding cache is dropped: its entries are the
    /// unadapted encoder's.
    pub fn merge_lora(&mut self, lora: &Lora) -> Result<(), Error> {
        match self.network.as_any_mut().downcast_mut::<BertNetwork>() {
            Some(b) => {
                b.model.merge_lora(lora)?;
                self.cache = None;
                Ok(())
            }
            None => Err(Error::Encode(
                "LoRA adapters apply to the MiniLM (BERT) encoder only".into(),
            )),
        }
    }

    /// Each text's hidden states after the first `layers` layers, `[len, hidden]`
    /// without padding, in input order: the frozen part of adapter training.
    pub fn hidden_states(&self, texts: &[&str], layers: usize) -> Result<Vec<Tensor>, Error> {
        let bert = self.bert()?;
        let tokenized = self.tokenize(texts)?;
        let mut out: Vec<Option<Tensor>> = vec![None; texts.len()];
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| (tokenized[i].0.len(), i));
        for chunk in order.chunks(self.options.batch_size) {
            let ids: Vec<&[u32]> = chunk.iter().map(|&i| tokenized[i].0.as_slice()).collect();
            let (ids_t, mask_t) = pad(&ids, &self.device)?;
            let hidden = bert.forward_to(&ids_t, &mask_t, layers)?;
            for (r, &i) in chunk.iter().enumerate() {
                out[i] = Some(hidden.get(r)?.narrow(0, 0, ids[r].len())?.contiguous()?);
            }
        }
        out.into_iter()
            .map(|t| t.ok_or_else(|| Error::Encode("missing hidden state".into())))
            .collect()
    }

    /// Token ids for each text (prompt and special tokens included,
    /// truncated), and whether each was truncated.
    pub fn tokenize(&self, texts: &[&str]) -> Result<Vec<(Vec<u32>, bool)>, Error> {
        let inputs: Vec<String> = texts
            .iter()
            .map(|t| format!("{}{t}", self.prompt))
            .collect();
        let encodings = self
            .tokenizer
            .encode_batch(inputs, true)
            .map_err(|e| Error::Encode(format!("tokenizer: {e}")))?;
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
    pub fn embed(&self, texts: &[&str]) -> Result<Embeddings, Error> {
        let Some(cache) = &self.cache else {
            return self.embed_uncached(texts);
        };
        use super::cache::EmbeddingCache;
        let keys: Vec<_> = texts
            .iter()
            .map(|t| EmbeddingCache::key(&self.prompt, self.options.max_tokens, t))
            .collect();
        let cached: Vec<_> = keys.iter().map(|k| cache.get(k)).collect();
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| cached[i].is_none()).collect();
        let fresh = self.embed_uncached(&missing.iter().map(|&i| texts[i]).collect::<Vec<_>>())?;
        let new: Vec<_> = missing
            .iter()
            .enumerate()
            .map(|(r, &i)| (keys[i], fresh.row(r), fresh.truncated.contains(&r)))
            .collect();
        cache.put(&new)?;
        let dim = self.dim();
        let mut out = Embeddings {
            dim,
            data: vec![0f32; texts.len() * dim],
            truncated: Vec::new(),
        };
        let mut fresh_rows = missing.iter().zip(new.iter());
        for (i, hit) in cached.into_iter().enumerate() {
            let (row, truncated) = match hit {
                Some((row, t)) => (row, t),
                None => match fresh_rows.next() {
                    Some((_, (_, row, t))) => (row.to_vec(), *t),
                    None => return Err(Error::Encode("embedding cache out of step".into())),
                },
            };
            out.data[i * dim..(i + 1) * dim].copy_from_slice(&row);
            if truncated {
                out.truncated.push(i);
            }
        }
        Ok(out)
    }

    fn embed_uncached(&self, texts: &[&str]) -> Result<Embeddings, Error> {
        // Run on a worker of the thread pool: the calling thread then sleeps
        // instead of competing for the cores with the pool's workers.
        if self.device.is_cpu() && rayon::current_thread_index().is_none() {
            return rayon::join(|| self.embed_sorted(texts), || ()).0;
        }
        self.embed_sorted(texts)
    }

    fn embed_sorted(&self, texts: &[&str]) -> Result<Embeddings, Error> {
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
        let lens: Vec<usize> = order.iter().map(|&i| tokenized[i].0.len()).collect();
        let started = std::time::Instant::now();
        for range in batch_ranges(&lens, self.options.batch_size) {
            let chunk = &order[range];
            let ids: Vec<&[u32]> = chunk.iter().map(|&i| tokenized[i].0.as_slice()).collect();
            let pooled = self.forward_pooled(&ids)?;
            for (row, &i) in pooled.chunks_exact(dim).zip(chunk) {
                data[i * dim..(i + 1) * dim].copy_from_slice(row);
            }
        }
        tracing::debug!(
            texts = texts.len(),
            tokens = lens.iter().sum::<usize>(),
            seconds = started.elapsed().as_secs_f64(),
            "encoded"
        );
        Ok(Embeddings {
            dim,
            data,
            truncated,
        })
    }

    /// One batch through the network's fastest pass; normalised pooled rows.
    fn forward_pooled(&self, batch: &[&[u32]]) -> Result<Vec<f32>, Error> {
        Ok(self.network.embed_ids(batch, &self.device)?)
    }

    /// One padded batch through the network's tensor forward pass, any device.
    pub fn forward_pooled_padded(&self, batch: &[&[u32]]) -> Result<Vec<f32>, Error> {
        Ok(self.network.embed_padded(batch, &self.device)?)
    }
}

impl Clone for Encoder {
    fn clone(&self) -> Self {
        Encoder {
            network: self.network.boxed_clone(),
            tokenizer: self.tokenizer.clone(),
            device: self.device.clone(),
            options: self.options,
            prompt: self.prompt.clone(),
            prompts: self.prompts.clone(),
            cache: self.cache.clone(),
        }
    }
}

/// BERT's dtype: f32 on the CPU; half precision on a GPU (f16: every CUDA
/// GPU and Metal device runs it, bf16 needs compute capability 8.0).
pub fn compute_dtype(device: &Device) -> DType {
    if device.is_cpu() {
        DType::F32
    } else {
        DType::F16
    }
}

/// Padded tokens a batch may hold per text of `batch_size`: long texts go in
/// smaller batches, so activation memory stays bounded (a full batch of
/// 512-token texts would need over half a gigabyte) at no loss of speed.
const TOKENS_PER_BATCH_SLOT: usize = 128;

/// Consecutive batches over texts sorted by ascending length `lens`: at most
/// `batch_size` texts and `batch_size × TOKENS_PER_BATCH_SLOT` padded tokens
/// each (a longer text still gets a batch of its own).
fn batch_ranges(lens: &[usize], batch_size: usize) -> Vec<std::ops::Range<usize>> {
    let batch_size = batch_size.max(1);
    let budget = batch_size * TOKENS_PER_BATCH_SLOT;
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, &len) in lens.iter().enumerate() {
        let count = i - start + 1;
        if i > start && (count > batch_size || count * len > budget) {
            ranges.push(start..i);
            start = i;
        }
    }
    if start < lens.len() {
        ranges.push(start..lens.len());
    }
    ranges
}

fn load_err(path: &std::path::Path, e: impl std::fmt::Display) -> Error {
    Error::Load {
        path: path.to_path_buf(),
        message: format!("{e} (if the file is damaged, delete it and fetch it again)"),
    }
}

fn read(path: &std::path::Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn load_tokenizer(files: &ModelFiles) -> Result<Tokenizer, Error> {
    let mut tokenizer =
        Tokenizer::from_file(&files.tokenizer).map_err(|e| load_err(&files.tokenizer, e))?;
    // The shipped file pads every input to 128 and truncates at 128: padding
    // is done per batch here, truncation at the model's real limit.
    tokenizer.with_padding(None);
    Ok(tokenizer)
}

fn truncate_at(tokenizer: &mut Tokenizer, max_tokens: usize) -> tokenizers::Result<()> {
    tokenizer.with_truncation(Some(TruncationParams {
        max_length: max_tokens,
        strategy: TruncationStrategy::LongestFirst,
        stride: 0,
        direction: TruncationDirection::Right,
    }))?;
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_to_their_size_and_token_budget() {
        // Short texts fill batches of 4; long ones share the 4 × 128 budget.
        let lens = [3, 5, 5, 9, 20, 100, 120, 130, 300, 600];
        let ranges = batch_ranges(&lens, 4);
        assert_eq!(ranges, vec![0..4, 4..7, 7..8, 8..9, 9..10]);
        for r in &ranges {
            let widest = lens[r.end - 1];
            assert!(r.len() <= 4);
            assert!(r.len() == 1 || r.len() * widest <= 4 * TOKENS_PER_BATCH_SLOT);
        }
        assert!(batch_ranges(&[], 4).is_empty());
        assert_eq!(batch_ranges(&[1, 1, 1], 0), vec![0..1, 1..2, 2..3]);
    }
}
