//! EmbeddingGemma's encoder: the Gemma 3 text stack with bidirectional
//! attention, mean pooling over every token (the task prompt included), two
//! bias-free dense projections and L2 normalisation — what
//! sentence-transformers runs for `google/embeddinggemma-300m`.
//!
//! Candle's `gemma3` is a causal decoder with a key-value cache that returns
//! logits, so the encoder is written here on candle-nn. The token-embedding
//! table (262,144 × 768, over 800 MB in f32) is not loaded: the rows a batch
//! needs are read from the weights file.

use std::path::Path;

use candle_core::quantized::{GgmlDType, QMatMul, QTensor};
use candle_core::{DType, Device, Module, Result, Tensor};
use candle_nn::{Linear, VarBuilder};
use serde::Deserialize;

use super::bf16::Bf16Weights;
use super::panels::{F32Panels, HostProduct};
use super::weights::WeightsFile;

mod packed;

/// The fields of a Gemma 3 text `config.json` the encoder reads.
#[derive(Debug, Clone, Deserialize)]
pub struct GemmaConfig {
    /// Width of the hidden states and of the token embeddings.
    pub hidden_size: usize,
    /// Width of the feed-forward layer inside each block.
    pub intermediate_size: usize,
    /// Query heads per attention layer.
    pub num_attention_heads: usize,
    /// Key/value heads per layer, each shared by a group of query heads.
    pub num_key_value_heads: usize,
    /// Width of one attention head (even, for the rotary embedding).
    pub head_dim: usize,
    /// Number of transformer layers.
    pub num_hidden_layers: usize,
    /// Epsilon added inside every RMS normalisation.
    pub rms_norm_eps: f64,
    /// Rotary base frequency of the full-attention layers.
    pub rope_theta: f64,
    /// Rotary base frequency of the sliding-window layers.
    pub rope_local_base_freq: f64,
    /// Sliding-window size, in tokens, across both sides (see `attention_window`).
    pub sliding_window: usize,
    /// `sliding_attention` or `full_attention`, one per layer.
    pub layer_types: Vec<String>,
    /// Attention scores are scaled by this to the power -1/2.
    pub query_pre_attn_scalar: f64,
    /// Number of tokens in the vocabulary.
    pub vocab_size: usize,
    /// Longest sequence the encoder takes, in tokens.
    pub max_position_embeddings: usize,
    /// Feed-forward activation if given: `gelu_pytorch_tanh` or `gelu` (both run as tanh GELU).
    #[serde(default)]
    pub hidden_activation: Option<String>,
    /// Whether attention is bidirectional; `false` (a causal decoder) is refused.
    #[serde(default)]
    pub use_bidirectional_attention: Option<bool>,
}

impl GemmaConfig {
    /// Keys within this distance (exclusive) of a query are seen by a
    /// sliding-window layer. With bidirectional attention the configured
    /// window spans both sides, so each side gets half of it: transformers
    /// sets `sliding_window // 2 + 1` as an exclusive bound, which
    /// sentence-transformers' embeddings follow.
    pub fn attention_window(&self) -> usize {
        self.sliding_window / 2 + 1
    }

    fn check(&self) -> std::result::Result<(), String> {
        if self.layer_types.len() != self.num_hidden_layers {
            return Err(format!(
                "{} layer types for {} layers",
                self.layer_types.len(),
                self.num_hidden_layers
            ));
        }
        if self.num_key_value_heads == 0
            || !self
                .num_attention_heads
                .is_multiple_of(self.num_key_value_heads)
        {
            return Err(format!(
                "{} attention heads cannot share {} key/value heads",
                self.num_attention_heads, self.num_key_value_heads
            ));
        }
        if !self.head_dim.is_multiple_of(2) || self.head_dim == 0 {
            return Err(format!("head_dim {} must be even", self.head_dim));
        }
        if let Some(act) = &self.hidden_activation {
            if act != "gelu_pytorch_tanh" && act != "gelu" {
                return Err(format!("unsupported hidden_activation `{act}`"));
            }
        }
        if self.use_bidirectional_attention == Some(false) {
            return Err("a causal (decoder) Gemma is not an embedding model".into());
        }
        Ok(())
    }
}

/// A bias-free linear map. Full precision: on CPUs with AVX-512 the weights
/// are packed once into panels (`model::panels`); elsewhere stored transposed
/// and contiguous (`[in, out]`) with inputs flattened to 2-D, so each call is
/// one plain matrix product, without the broadcast and repacking of a
/// batched `[out, in]`ᵀ. Or, when asked for, 8-bit weights (Candle's Q8_0
/// blocks), or bf16 weights and inputs with f32 sums (`model::bf16`, CPU only).
#[derive(Clone)]
enum Proj {
    Full(Tensor),
    Panels(std::sync::Arc<F32Panels>),
    Int8(QMatMul),
    Bf16(std::sync::Arc<Bf16Weights>),
}

impl Proj {
    /// `[out, in]` weights (several are concatenated along `out`: one product
    /// computes them all).
    fn new(weights: &[Tensor]) -> Result<Self> {
        let w = Tensor::cat(weights, 0)?;
        let weight_t = w.t()?.contiguous()?;
        Ok(match F32Panels::from_tensor(&weight_t)? {
            Some(panels) => Proj::Panels(panels),
            None => Proj::Full(weight_t),
        })
    }

    /// The product computed on the host, for the panels and bf16 formats.
    fn host(&self) -> Option<&dyn HostProduct> {
        match self {
            Proj::Panels(w) => Some(w.as_ref()),
            Proj::Bf16(w) => Some(w.as_ref()),
            Proj::Full(_) | Proj::Int8(_) => None,
        }
    }

    /// The `[in, out]` weights of a full-precision product, whichever
    /// layout holds them (`None` for another precision).
    fn full_weights(&self) -> Result<Option<Tensor>> {
        Ok(match self {
            Proj::Full(weight_t) => Some(weight_t.clone()),
            Proj::Panels(p) => Some(Tensor::from_vec(
                p.to_matrix(),
                (p.inputs(), p.outputs()),
                &Device::Cpu,
            )?),
            Proj::Int8(_) | Proj::Bf16(_) => None,
        })
    }

    /// Switches the product to 8-bit weights (Candle's Q8_0 blocks of 32).
    fn quantize_int8(&mut self) -> Result<()> {
        if let Some(weight_t) = self.full_weights()? {
            let w = weight_t.t()?.contiguous()?;
            *self = Proj::Int8(QMatMul::from_qtensor(QTensor::quantize(
                &w,
                GgmlDType::Q8_0,
            )?)?);
        }
        Ok(())
    }

    /// Switches a full-precision product to bf16 weights and inputs.
    fn use_bf16(&mut self) -> Result<()> {
        if let Some(weight_t) = self.full_weights()? {
            let (inputs, outputs) = weight_t.dims2()?;
            let w = weight_t.flatten_all()?.to_vec1::<f32>()?;
            let packed = Bf16Weights::pack(&w, inputs, outputs).map_err(candle_core::Error::msg)?;
            *self = Proj::Bf16(std::sync::Arc::new(packed));
        }
        Ok(())
    }

    fn load(vb: &VarBuilder, names: &[&str], ins: usize, outs: &[usize]) -> Result<Self> {
        let ws = names
            .iter()
            .zip(outs)
            .map(|(n, &o)| vb.get((o, ins), &format!("{n}.weight")))
            .collect::<Result<Vec<_>>>()?;
        Proj::new(&ws)
    }
}

impl Module for Proj {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let dims = x.dims().to_vec();
        let ins = dims.last().copied().unwrap_or(0);
        let rows = x.elem_count() / ins.max(1);
        let x = x.reshape((rows, ins))?;
        let on_host = |w: &dyn HostProduct| -> Result<Tensor> {
            let flat = x.flatten_all()?.to_vec1::<f32>()?;
            let y = w.matmul(&flat).map_err(candle_core::Error::msg)?;
            Tensor::from_vec(y, (rows, w.outputs()), x.device())
        };
        let y = match self {
            Proj::Full(weight_t) => x.matmul(weight_t)?,
            Proj::Int8(q) => q.forward(&x.contiguous()?)?,
            Proj::Panels(w) => on_host(w.as_ref())?,
            Proj::Bf16(w) => on_host(w.as_ref())?,
        };
        let mut out_dims = dims;
        if let Some(last) = out_dims.last_mut() {
            *last = y.dim(1)?;
        }
        y.reshape(out_dims)
    }
}

/// Gemma's RMSNorm: `x / rms(x) · (1 + w)`, computed in f32.
#[derive(Clone)]
struct RmsNorm {
    scale: Tensor,
    eps: f64,
}

impl RmsNorm {
    fn load(dim: usize, eps: f64, vb: VarBuilder) -> Result<Self> {
        let weight = vb.get(dim, "weight")?;
        Ok(RmsNorm {
            scale: (weight.to_dtype(DType::F32)? + 1.0)?,
            eps,
        })
    }
}

impl Module for RmsNorm {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let dtype = x.dtype();
        let x = x.to_dtype(DType::F32)?.contiguous()?;
        candle_nn::ops::rms_norm(&x, &self.scale, self.eps as f32)?.to_dtype(dtype)
    }
}

/// Rotary tables for one base frequency: `[max_positions, head_dim / 2]`.
#[derive(Clone)]
struct Rope {
    cos: Tensor,
    sin: Tensor,
}

impl Rope {
    fn new(
        base: f64,
        head_dim: usize,
        positions: usize,
        dtype: DType,
        dev: &Device,
    ) -> Result<Self> {
        let inv: Vec<f32> = (0..head_dim)
            .step_by(2)
            .map(|i| (1.0 / base.powf(i as f64 / head_dim as f64)) as f32)
            .collect();
        let half = inv.len();
        let inv = Tensor::from_vec(inv, (1, half), dev)?;
        let t = Tensor::arange(0u32, positions as u32, dev)?
            .to_dtype(DType::F32)?
            .reshape((positions, 1))?;
        let freqs = t.matmul(&inv)?;
        Ok(Rope {
            cos: freqs.cos()?.to_dtype(dtype)?,
            sin: freqs.sin()?.to_dtype(dtype)?,
        })
    }

    fn apply(&self, x: &Tensor) -> Result<Tensor> {
        let (_, _, seq, _) = x.dims4()?;
        let cos = self.cos.narrow(0, 0, seq)?;
        let sin = self.sin.narrow(0, 0, seq)?;
        candle_nn::rotary_emb::rope(&x.contiguous()?, &cos, &sin)
    }
}

#[derive(Clone)]
struct Attention {
    /// Q, K and V in one product.
    qkv: Proj,
    o_proj: Proj,
    q_norm: RmsNorm,
    k_norm: RmsNorm,
    heads: usize,
    kv_heads: usize,
    head_dim: usize,
    scale: f64,
}

impl Attention {
    fn load(cfg: &GemmaConfig, vb: VarBuilder) -> Result<Self> {
        let (h, hd) = (cfg.hidden_size, cfg.head_dim);
        let (q, kv) = (cfg.num_attention_heads * hd, cfg.num_key_value_heads * hd);
        Ok(Attention {
            qkv: Proj::load(&vb, &["q_proj", "k_proj", "v_proj"], h, &[q, kv, kv])?,
            o_proj: Proj::load(&vb, &["o_proj"], q, &[h])?,
            q_norm: RmsNorm::load(hd, cfg.rms_norm_eps, vb.pp("q_norm"))?,
            k_norm: RmsNorm::load(hd, cfg.rms_norm_eps, vb.pp("k_norm"))?,
            heads: cfg.num_attention_heads,
            kv_heads: cfg.num_key_value_heads,
            head_dim: hd,
            scale: cfg.query_pre_attn_scalar.powf(-0.5),
        })
    }

    /// `x`: `[b, s, hidden]`; `bias`: additive, broadcastable to `[b, heads, s, s]`.
    fn forward(&self, x: &Tensor, bias: &Tensor, rope: &Rope) -> Result<Tensor> {
        let (b, s, _) = x.dims3()?;
        let qkv = self.qkv.forward(x)?;
        let (q_w, kv_w) = (self.heads * self.head_dim, self.kv_heads * self.head_dim);
        let split = |t: Tensor, n: usize| -> Result<Tensor> {
            t.reshape((b, s, n, self.head_dim))?.transpose(1, 2)
        };
        let q = split(qkv.narrow(2, 0, q_w)?, self.heads)?;
        let k = split(qkv.narrow(2, q_w, kv_w)?, self.kv_heads)?;
        let v = split(qkv.narrow(2, q_w + kv_w, kv_w)?, self.kv_heads)?;
        let q = rope.apply(&self.q_norm.forward(&q.contiguous()?)?)?;
        let k = rope.apply(&self.k_norm.forward(&k.contiguous()?)?)?;
        // Grouped-query attention without copying keys and values: the query
        // heads that share one key/value head are stacked along the sequence.
        let groups = self.heads / self.kv_heads;
        let q = q.reshape((b, self.kv_heads, groups * s, self.head_dim))?;
        let v = v.contiguous()?;
        let scores =
            (q.matmul(&k.t()?.contiguous()?)? * self.scale)?.reshape((b, self.heads, s, s))?;
        let probs = candle_nn::ops::softmax_last_dim(&scores.broadcast_add(bias)?)?;
        probs
            .reshape((b, self.kv_heads, groups * s, s))?
            .matmul(&v)?
            .reshape((b, self.heads, s, self.head_dim))?
            .transpose(1, 2)?
            .reshape((b, s, self.heads * self.head_dim))?
            .apply(&self.o_proj)
    }
}

#[derive(Clone)]
struct Mlp {
    /// Gate and up projections in one product.
    gate_up: Proj,
    down: Proj,
    inter: usize,
}

impl Mlp {
    fn load(cfg: &GemmaConfig, vb: VarBuilder) -> Result<Self> {
        let (h, i) = (cfg.hidden_size, cfg.intermediate_size);
        Ok(Mlp {
            gate_up: Proj::load(&vb, &["gate_proj", "up_proj"], h, &[i, i])?,
            down: Proj::load(&vb, &["down_proj"], i, &[h])?,
            inter: i,
        })
    }
}

impl Module for Mlp {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        // gelu_pytorch_tanh (Candle's `gelu` is the tanh approximation too).
        super::kernels::gelu_gate(&self.gate_up.forward(x)?, self.inter)?.apply(&self.down)
    }
}

#[derive(Clone)]
struct Layer {
    attn: Attention,
    mlp: Mlp,
    input_norm: RmsNorm,
    post_attn_norm: RmsNorm,
    pre_ff_norm: RmsNorm,
    post_ff_norm: RmsNorm,
    sliding: bool,
}

impl Layer {
    /// The layer's linear maps, the ones a precision option changes.
    fn projections(&self) -> [&Proj; 4] {
        [
            &self.attn.qkv,
            &self.attn.o_proj,
            &self.mlp.gate_up,
            &self.mlp.down,
        ]
    }

    fn projections_mut(&mut self) -> [&mut Proj; 4] {
        [
            &mut self.attn.qkv,
            &mut self.attn.o_proj,
            &mut self.mlp.gate_up,
            &mut self.mlp.down,
        ]
    }
}

impl Layer {
    fn load(cfg: &GemmaConfig, index: usize, vb: VarBuilder) -> Result<Self> {
        let norm = |name| RmsNorm::load(cfg.hidden_size, cfg.rms_norm_eps, vb.pp(name));
        Ok(Layer {
            attn: Attention::load(cfg, vb.pp("self_attn"))?,
            mlp: Mlp::load(cfg, vb.pp("mlp"))?,
            input_norm: norm("input_layernorm")?,
            post_attn_norm: norm("post_attention_layernorm")?,
            pre_ff_norm: norm("pre_feedforward_layernorm")?,
            post_ff_norm: norm("post_feedforward_layernorm")?,
            sliding: cfg.layer_types[index] == "sliding_attention",
        })
    }

    fn forward(&self, x: &Tensor, bias: &Tensor, rope: &Rope) -> Result<Tensor> {
        let h = self
            .attn
            .forward(&self.input_norm.forward(x)?, bias, rope)?;
        let x = (x + self.post_attn_norm.forward(&h)?)?;
        let h = self.mlp.forward(&self.pre_ff_norm.forward(&x)?)?;
        x + self.post_ff_norm.forward(&h)?
    }
}

/// Token-embedding rows read from the weights file as they are needed: the
/// table (over 800 MB in f32) is never held in memory, and reads go through
/// the page cache, not this process's resident memory.
struct EmbeddingTable {
    file: WeightsFile,
    name: &'static str,
    dim: usize,
}

impl EmbeddingTable {
    fn open(path: &Path, name: &'static str, dim: usize) -> std::result::Result<Self, String> {
        let file = WeightsFile::open(path)?;
        file.check_table(name, dim)?;
        Ok(EmbeddingTable { file, name, dim })
    }

    /// `[n, dim]` f32 rows for `ids`, times `scale`; an id past the table is an error.
    fn gather(&self, ids: &[u32], scale: f32, device: &Device) -> Result<Tensor> {
        let rows = self.file.rows(self.name, ids, scale)?;
        Tensor::from_vec(rows, (ids.len(), self.dim), device)
    }
}

/// The loaded encoder: Gemma layers, final norm, and the two dense projections.
pub struct Gemma {
    table: std::sync::Arc<EmbeddingTable>,
    layers: Vec<Layer>,
    norm: RmsNorm,
    dense: Vec<Linear>,
    rope_local: Rope,
    rope_global: Rope,
    config: GemmaConfig,
    out_dim: usize,
    dtype: DType,
    device: Device,
}

impl Clone for Gemma {
    fn clone(&self) -> Self {
        Gemma {
            table: self.table.clone(),
            layers: self.layers.clone(),
            norm: self.norm.clone(),
            dense: self.dense.clone(),
            rope_local: self.rope_local.clone(),
            rope_global: self.rope_global.clone(),
            config: self.config.clone(),
            out_dim: self.out_dim,
            dtype: self.dtype,
            device: self.device.clone(),
        }
    }
}

/// Where a Gemma encoder's weights are.
pub struct GemmaWeights<'a> {
    /// The parsed `config.json`.
    pub config: &'a GemmaConfig,
    /// The transformer's safetensors file (read tensor by tensor).
    pub transformer: &'a Path,
    /// The dense projections after pooling, in order (`2_Dense`, `3_Dense`).
    pub dense: &'a [&'a Path],
}

impl Gemma {
    /// Runs every linear map of the transformer layers with 8-bit weights
    /// (Q8_0): a quarter of the memory traffic, at some cost in accuracy.
    /// The embedding table, norms and dense projections stay as loaded.
    pub fn quantize_int8(&mut self) -> Result<()> {
        for layer in &mut self.layers {
            for proj in layer.projections_mut() {
                proj.quantize_int8()?;
            }
        }
        Ok(())
    }

    /// Runs every linear map of the transformer layers with bf16 weights and
    /// inputs, summed in f32: half the weight traffic, and twice the
    /// arithmetic rate on CPUs with AVX-512 BF16. CPU and f32 only.
    /// The embedding table, norms and dense projections stay as loaded.
    pub fn use_bf16(&mut self) -> Result<()> {
        if !self.device.is_cpu() || self.dtype != DType::F32 {
            candle_core::bail!("bf16 products run on the CPU with f32 weights only");
        }
        if !super::bf16::has_bf16_instructions() {
            tracing::warn!(
                "this CPU has no AVX-512 BF16 instructions: bf16 products run no faster \
                 than f32 (drop --bf16)"
            );
        }
        for layer in &mut self.layers {
            for proj in layer.projections_mut() {
                proj.use_bf16()?;
            }
        }
        Ok(())
    }

    /// Loads the transformer and the dense projections. Errors name
    /// the file at fault.
    pub fn load(
        w: &GemmaWeights,
        dtype: DType,
        device: &Device,
    ) -> std::result::Result<Self, (std::path::PathBuf, String)> {
        let cfg = w.config;
        let at = |e: String| (w.transformer.to_path_buf(), e);
        cfg.check().map_err(at)?;
        let table = EmbeddingTable::open(w.transformer, "embed_tokens.weight", cfg.hidden_size)
            .map_err(at)?;
        let weights = WeightsFile::open(w.transformer).map_err(at)?;
        let vb = VarBuilder::from_backend(Box::new(weights), dtype, device.clone());
        let load_stack = || -> Result<(Vec<Layer>, RmsNorm)> {
            let layers = (0..cfg.num_hidden_layers)
                .map(|i| Layer::load(cfg, i, vb.pp(format!("layers.{i}"))))
                .collect::<Result<Vec<_>>>()?;
            let norm = RmsNorm::load(cfg.hidden_size, cfg.rms_norm_eps, vb.pp("norm"))?;
            Ok((layers, norm))
        };
        let (layers, norm) =
            load_stack().map_err(|e| (w.transformer.to_path_buf(), e.to_string()))?;
        let mut dense = Vec::new();
        let mut width = cfg.hidden_size;
        for path in w.dense {
            let weight = candle_core::safetensors::load(path, device)
                .map_err(|e| (path.to_path_buf(), e.to_string()))?
                .remove("linear.weight")
                .ok_or_else(|| (path.to_path_buf(), "no `linear.weight` tensor".to_string()))?;
            let (out, inp) = weight
                .dims2()
                .map_err(|e| (path.to_path_buf(), e.to_string()))?;
            if inp != width {
                return Err((
                    path.to_path_buf(),
                    format!("dense layer takes {inp} inputs, the previous layer gives {width}"),
                ));
            }
            let weight = weight
                .to_dtype(dtype)
                .map_err(|e| (path.to_path_buf(), e.to_string()))?;
            dense.push(Linear::new(weight, None));
            width = out;
        }
        let positions = cfg.max_position_embeddings;
        let rope = |base| {
            Rope::new(base, cfg.head_dim, positions, dtype, device)
                .map_err(|e| (w.transformer.to_path_buf(), e.to_string()))
        };
        Ok(Gemma {
            table: std::sync::Arc::new(table),
            layers,
            norm,
            dense,
            rope_local: rope(cfg.rope_local_base_freq)?,
            rope_global: rope(cfg.rope_theta)?,
            config: cfg.clone(),
            out_dim: width,
            dtype,
            device: device.clone(),
        })
    }

    /// The configuration the encoder was loaded with.
    pub fn config(&self) -> &GemmaConfig {
        &self.config
    }

    /// Width of a pooled, projected embedding.
    pub fn dim(&self) -> usize {
        self.out_dim
    }

    /// Number of transformer layers.
    pub fn num_layers(&self) -> usize {
        self.layers.len()
    }

    /// Normalised sentence embeddings for one batch of token-id sequences
    /// (each at most `max_position_embeddings` long), `[n, dim]` row-major.
    pub fn embed(&self, batch: &[&[u32]]) -> Result<Vec<f32>> {
        let n = batch.len();
        if n == 0 {
            return Ok(Vec::new());
        }
        let width = batch.iter().map(|s| s.len()).max().unwrap_or(0).max(1);
        if width > self.config.max_position_embeddings {
            candle_core::bail!(
                "{width} tokens, more than the model's {} positions",
                self.config.max_position_embeddings
            );
        }
        let mut ids = vec![0u32; n * width];
        let mut mask = vec![0f32; n * width];
        for (r, seq) in batch.iter().enumerate() {
            ids[r * width..r * width + seq.len()].copy_from_slice(seq);
            mask[r * width..r * width + seq.len()].fill(1.0);
        }
        let scale = (self.config.hidden_size as f32).sqrt();
        let x = self
            .table
            .gather(&ids, scale, &self.device)?
            .reshape((n, width, self.config.hidden_size))?
            .to_dtype(self.dtype)?;
        let mask = Tensor::from_vec(mask, (n, width), &self.device)?;
        let (full_bias, sliding_bias) = self.attention_biases(&mask, width)?;
        let mut x = x;
        for layer in &self.layers {
            let (bias, rope) = if layer.sliding {
                (&sliding_bias, &self.rope_local)
            } else {
                (&full_bias, &self.rope_global)
            };
            x = layer.forward(&x, bias, rope)?;
        }
        let hidden = self.norm.forward(&x)?.to_dtype(DType::F32)?;
        self.project_pooled(super::bert::masked_mean(&hidden, &mask)?)
    }

    /// The dense projections and L2 normalisation of mean-pooled `[n, hidden]`
    /// states, `[n, dim]` row-major.
    fn project_pooled(&self, mut pooled: Tensor) -> Result<Vec<f32>> {
        for dense in &self.dense {
            pooled = dense
                .forward(&pooled.to_dtype(self.dtype)?)?
                .to_dtype(DType::F32)?;
        }
        super::bert::l2_normalize(&pooled)?
            .flatten_all()?
            .to_vec1::<f32>()
    }

    /// Additive attention biases, `[n, 1, s, s]`: padding keys masked in
    /// both; in the sliding one, also keys [`GemmaConfig::attention_window`]
    /// or more positions away on either side.
    fn attention_biases(&self, mask: &Tensor, width: usize) -> Result<(Tensor, Tensor)> {
        let n = mask.dim(0)?;
        // Large but finite: a fully masked (padding) row must stay finite, or its
        // values would turn the real rows into NaN through 0 · NaN.
        let neg = -1e9f32;
        let key_bias = ((mask.ones_like()? - mask)? * neg as f64)?
            .reshape((n, 1, 1, width))?
            .to_dtype(self.dtype)?;
        let full = key_bias.broadcast_as((n, 1, width, width))?.contiguous()?;
        let window = self.config.attention_window();
        if width <= window {
            return Ok((full.clone(), full));
        }
        let band: Vec<f32> = (0..width)
            .flat_map(|i| (0..width).map(move |j| if i.abs_diff(j) < window { 0.0 } else { neg }))
            .collect();
        let band =
            Tensor::from_vec(band, (1, 1, width, width), &self.device)?.to_dtype(self.dtype)?;
        let sliding = full.broadcast_add(&band)?;
        Ok((full, sliding))
    }
}

impl super::network::Network for Gemma {
    fn architecture(&self) -> super::network::Architecture {
        let c = &self.config;
        super::network::Architecture {
            model_type: "gemma3_text",
            hidden: c.hidden_size,
            layers: c.num_hidden_layers,
            heads: c.num_attention_heads,
            vocab: c.vocab_size,
            dim: self.out_dim,
        }
    }

    fn max_positions(&self) -> usize {
        self.config.max_position_embeddings
    }

    /// Without padding where it can ([`Gemma::embed_packed`]: f32 on the
    /// CPU), else the tensor pass.
    fn embed_ids(&self, batch: &[&[u32]], _device: &Device) -> Result<Vec<f32>> {
        if self.packable() {
            self.embed_packed(batch)
        } else {
            self.embed(batch)
        }
    }

    fn embed_padded(&self, batch: &[&[u32]], _device: &Device) -> Result<Vec<f32>> {
        self.embed(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::panels::tests::matrix;

    #[test]
    fn every_layout_of_full_precision_weights_gives_the_same_product() -> Result<()> {
        let dev = Device::Cpu;
        let (outs, ins) = (40, 24);
        let w = Tensor::from_vec(matrix(outs * ins, 3), (outs, ins), &dev)?;
        let x = Tensor::from_vec(matrix(2 * 5 * ins, 9), (2, 5, ins), &dev)?;
        let general = Proj::Full(w.t()?.contiguous()?);
        // Panels where the CPU has AVX-512, else the same general product.
        let loaded = Proj::new(std::slice::from_ref(&w))?;
        let (a, b) = (general.forward(&x)?, loaded.forward(&x)?);
        assert_eq!(a.dims(), &[2, 5, outs]);
        let diff = (a - b)?.abs()?.flatten_all()?.max(0)?.to_scalar::<f32>()?;
        assert!(diff < 1e-5, "{diff}");
        // Another precision starts from the same weights, whichever layout.
        let back = loaded.full_weights()?.expect("full precision");
        let same = (back - w.t()?)?
            .abs()?
            .flatten_all()?
            .max(0)?
            .to_scalar::<f32>()?;
        assert_eq!(same, 0.0);
        Ok(())
    }
}
