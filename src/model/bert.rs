//! A BERT encoder forward pass for inference, loaded from the same weights as
//! Candle's `BertModel` and giving the same outputs, with the work arranged
//! for speed: one fused Q·K·V projection per layer, the fused last-dimension
//! softmax, fused layer norms, and a vectorisable GELU on the CPU. On the CPU
//! `classify` and `embed` use the padding-free pass in `bert/packed.rs`; the tensor
//! pass here serves GPUs and adapter training.

use candle_core::{CpuStorage, CustomOp1, DType, Device, Layout, Module, Result, Shape, Tensor, D};
use candle_nn::{Embedding, LayerNorm, VarBuilder};
use candle_transformers::models::bert::{Config, HiddenAct};

use super::panels::F32Panels;

mod packed;

/// erf(x) by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): one exp,
/// no branches but the sign, so the loop over a slice vectorises.
#[inline(always)]
fn erf(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [
        0.254_829_6,
        -0.284_496_74,
        1.421_413_7,
        -1.453_152_1,
        1.061_405_4,
    ];
    let s = x.signum();
    let a = x.abs();
    let t = 1.0 / (1.0 + P * a);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    s * (1.0 - poly * super::kernels::exp(-a * a))
}

/// GELU, exact (erf) form: `x · Φ(x)`.
#[inline(always)]
fn gelu_erf(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// GELU with the exact (erf) form, as a CPU op over contiguous f32 data.
struct FastGelu;

impl CustomOp1 for FastGelu {
    fn name(&self) -> &'static str {
        "fast-gelu-erf"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let CpuStorage::F32(data) = storage else {
            candle_core::bail!("fast-gelu-erf: f32 only");
        };
        let Some((start, end)) = layout.contiguous_offsets() else {
            candle_core::bail!("fast-gelu-erf: contiguous input only");
        };
        let mut out = data[start..end].to_vec();
        super::kernels::map_in_place(&mut out, gelu_erf);
        Ok((CpuStorage::F32(out), layout.shape().clone()))
    }
}

fn gelu(xs: &Tensor) -> Result<Tensor> {
    if xs.device().is_cpu() && xs.dtype() == DType::F32 && xs.is_contiguous() {
        xs.apply_op1_no_bwd(&FastGelu)
    } else {
        xs.gelu_erf()
    }
}

/// A linear layer whose weight is stored transposed and contiguous (`[in, out]`),
/// the layout the matrix kernels read fastest; on CPUs with AVX-512 also
/// packed into panels for the fast path's product (`model::panels`). The
/// tensor stays: training and adapters take the tensor pass.
#[derive(Clone)]
struct Dense {
    weight_t: Tensor,
    bias: Tensor,
    panels: Option<std::sync::Arc<F32Panels>>,
}

impl Dense {
    fn new(weight: Tensor, bias: Tensor) -> Result<Self> {
        let weight_t = weight.t()?.contiguous()?;
        Ok(Dense {
            panels: F32Panels::from_tensor(&weight_t)?,
            weight_t,
            bias,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let dims = x.dims().to_vec();
        let k = dims[dims.len() - 1];
        let rows: usize = dims[..dims.len() - 1].iter().product();
        let y = x
            .reshape((rows, k))?
            .matmul(&self.weight_t)?
            .broadcast_add(&self.bias)?;
        let mut out_dims = dims;
        let last = out_dims.len() - 1;
        out_dims[last] = self.weight_t.dim(1)?;
        y.reshape(out_dims)
    }
}

#[derive(Clone)]
struct Layer {
    qkv: Dense,
    attn_out: Dense,
    attn_norm: LayerNorm,
    inter: Dense,
    out: Dense,
    out_norm: LayerNorm,
}

/// The encoder stack.
#[derive(Clone)]
pub struct Bert {
    word: Embedding,
    position: Embedding,
    token_type: Embedding,
    emb_norm: LayerNorm,
    layers: Vec<Layer>,
    heads: usize,
    head_dim: usize,
    eps: f64,
    act: HiddenAct,
}

fn linear(vb: &VarBuilder, inp: usize, out: usize) -> Result<Dense> {
    Dense::new(vb.get((out, inp), "weight")?, vb.get(out, "bias")?)
}

fn layer_norm(vb: &VarBuilder, size: usize, eps: f64) -> Result<LayerNorm> {
    Ok(LayerNorm::new(
        vb.get(size, "weight")?,
        vb.get(size, "bias")?,
        eps,
    ))
}

impl Bert {
    /// Loads the weights (with or without a leading `bert.`).
    pub fn load(vb: VarBuilder, config: &Config) -> Result<Self> {
        let vb = if vb.contains_tensor("bert.embeddings.word_embeddings.weight") {
            vb.pp("bert")
        } else {
            vb
        };
        let (h, i, eps) = (
            config.hidden_size,
            config.intermediate_size,
            config.layer_norm_eps,
        );
        if config.num_attention_heads == 0 || h % config.num_attention_heads != 0 {
            candle_core::bail!(
                "hidden size {h} is not divisible by {} heads",
                config.num_attention_heads
            );
        }
        let e = vb.pp("embeddings");
        let word = Embedding::new(e.get((config.vocab_size, h), "word_embeddings.weight")?, h);
        let position = Embedding::new(
            e.get(
                (config.max_position_embeddings, h),
                "position_embeddings.weight",
            )?,
            h,
        );
        let token_type = Embedding::new(
            e.get((config.type_vocab_size, h), "token_type_embeddings.weight")?,
            h,
        );
        let emb_norm = layer_norm(&e.pp("LayerNorm"), h, eps)?;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for l in 0..config.num_hidden_layers {
            let v = vb.pp(format!("encoder.layer.{l}"));
            let a = v.pp("attention.self");
            // One projection for queries, keys and values: [3h, h].
            let w = Tensor::cat(
                &[
                    a.get((h, h), "query.weight")?,
                    a.get((h, h), "key.weight")?,
                    a.get((h, h), "value.weight")?,
                ],
                0,
            )?;
            let b = Tensor::cat(
                &[
                    a.get(h, "query.bias")?,
                    a.get(h, "key.bias")?,
                    a.get(h, "value.bias")?,
                ],
                0,
            )?;
            layers.push(Layer {
                qkv: Dense::new(w, b)?,
                attn_out: linear(&v.pp("attention.output.dense"), h, h)?,
                attn_norm: layer_norm(&v.pp("attention.output.LayerNorm"), h, eps)?,
                inter: linear(&v.pp("intermediate.dense"), h, i)?,
                out: linear(&v.pp("output.dense"), i, h)?,
                out_norm: layer_norm(&v.pp("output.LayerNorm"), h, eps)?,
            });
        }
        Ok(Bert {
            word,
            position,
            token_type,
            emb_norm,
            layers,
            heads: config.num_attention_heads,
            head_dim: h / config.num_attention_heads,
            eps,
            act: config.hidden_act,
        })
    }

    /// Number of transformer layers.
    pub fn num_layers(&self) -> usize {
        self.layers.len()
    }

    /// Hidden states `[batch, len, hidden]` for token ids `[batch, len]` with
    /// an attention mask (1 real token, 0 padding) of the same shape.
    pub fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        self.forward_to(ids, mask, self.layers.len())
    }

    /// Hidden states after the embeddings and the first `layers` layers.
    pub fn forward_to(&self, ids: &Tensor, mask: &Tensor, layers: usize) -> Result<Tensor> {
        let (_, len) = ids.dims2()?;
        let device: &Device = ids.device();
        let positions = Tensor::arange(0u32, len as u32, device)?;
        let types = Tensor::zeros(len, DType::U32, device)?;
        let emb = self
            .word
            .forward(ids)?
            .broadcast_add(&self.position.forward(&positions)?)?
            .broadcast_add(&self.token_type.forward(&types)?)?;
        let mut x = self.emb_norm.forward(&emb)?;
        let bias = attention_bias(mask, x.dtype())?;
        for layer in self.layers.iter().take(layers) {
            x = self.layer_forward(layer, &x, &bias, None)?;
        }
        Ok(x)
    }

    /// Runs layers `from..` on hidden states `x` with low-rank adapters, using
    /// only differentiable operations so the adapters can be trained.
    pub fn forward_from_with_lora(&self, x: &Tensor, mask: &Tensor, lora: &Lora) -> Result<Tensor> {
        let bias = attention_bias(mask, x.dtype())?;
        let mut x = x.clone();
        for (i, layer) in self.layers.iter().enumerate().skip(lora.from_layer) {
            let adapters = lora.layers.get(i - lora.from_layer);
            x = self.layer_forward(layer, &x, &bias, adapters.map(|a| (a, lora.scale)))?;
        }
        Ok(x)
    }

    /// Folds adapters into the weights: `W += scale · A·B`. Afterwards the
    /// plain forward pass gives what [`Bert::forward_from_with_lora`] gave.
    pub fn merge_lora(&mut self, lora: &Lora) -> Result<()> {
        if lora.from_layer + lora.layers.len() != self.layers.len() {
            candle_core::bail!(
                "adapter covers layers {}..{}, the model has {}",
                lora.from_layer,
                lora.from_layer + lora.layers.len(),
                self.layers.len()
            );
        }
        for (layer, adapters) in self.layers[lora.from_layer..].iter_mut().zip(&lora.layers) {
            for (dense, ab) in [
                &mut layer.qkv,
                &mut layer.attn_out,
                &mut layer.inter,
                &mut layer.out,
            ]
            .into_iter()
            .zip(adapters.iter())
            {
                let delta = (ab.a.matmul(&ab.b)? * lora.scale)?;
                // Adapters load on the CPU; the weights may live on a GPU in f16.
                let delta = delta
                    .to_device(dense.weight_t.device())?
                    .to_dtype(dense.weight_t.dtype())?;
                dense.weight_t = (&dense.weight_t + delta)?.contiguous()?;
                dense.panels = F32Panels::from_tensor(&dense.weight_t)?;
            }
        }
        Ok(())
    }

    /// One transformer layer. With adapters it avoids the fused CPU kernels
    /// (which have no gradients) in favour of plain tensor operations.
    fn layer_forward(
        &self,
        layer: &Layer,
        x: &Tensor,
        bias: &Tensor,
        adapters: Option<(&LayerLora, f64)>,
    ) -> Result<Tensor> {
        let (b, len, h) = x.dims3()?;
        let dense = |d: &Dense, x: &Tensor, k: usize| -> Result<Tensor> {
            let y = d.forward(x)?;
            match adapters {
                Some((a, scale)) => y + (a[k].forward(x)? * scale)?,
                None => Ok(y),
            }
        };
        let norm = |n: &LayerNorm, x: &Tensor| -> Result<Tensor> {
            match (adapters, n.bias()) {
                (Some(_), Some(beta)) => {
                    candle_nn::ops::layer_norm_slow(x, n.weight(), beta, self.eps as f32)
                }
                _ => n.forward(x),
            }
        };
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let qkv = dense(&layer.qkv, x, 0)?; // [b, len, 3h]
        let qkv = qkv
            .reshape((b, len, 3, self.heads, self.head_dim))?
            .permute((2, 0, 3, 1, 4))?; // [3, b, heads, len, d]
        let q = (qkv.get(0)?.contiguous()? * scale)?;
        let k = qkv.get(1)?.contiguous()?;
        let v = qkv.get(2)?.contiguous()?;
        let scores = q.matmul(&k.t()?)?.broadcast_add(bias)?;
        let probs = if adapters.is_some() {
            candle_nn::ops::softmax(&scores, D::Minus1)?
        } else {
            candle_nn::ops::softmax_last_dim(&scores)?
        };
        let ctx = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((b, len, h))?;
        let attn = dense(&layer.attn_out, &ctx, 1)?;
        let x = norm(&layer.attn_norm, &(attn + x)?)?;
        let inter = dense(&layer.inter, &x, 2)?;
        let inter = match self.act {
            HiddenAct::Gelu if adapters.is_none() => gelu(&inter)?,
            HiddenAct::Gelu => inter.gelu_erf()?,
            HiddenAct::GeluApproximate => inter.gelu()?,
            HiddenAct::Relu => inter.relu()?,
        };
        let out = dense(&layer.out, &inter, 3)?;
        norm(&layer.out_norm, &(out + x)?)
    }

    /// Shapes `(in, out)` of the four adapted maps of a layer, in [`LayerLora`] order.
    pub fn adapted_shapes(&self) -> Result<[(usize, usize); 4]> {
        let layer = self
            .layers
            .first()
            .ok_or_else(|| candle_core::Error::Msg("model has no layers".into()))?;
        let shape = |d: &Dense| -> Result<(usize, usize)> { d.weight_t.dims2() };
        Ok([
            shape(&layer.qkv)?,
            shape(&layer.attn_out)?,
            shape(&layer.inter)?,
            shape(&layer.out)?,
        ])
    }
}

/// Padding gets a large negative score before the softmax: `[b, 1, 1, len]`,
/// in the model's dtype (-1e4 in half precision, whose range ends at 65504).
fn attention_bias(mask: &Tensor, dtype: DType) -> Result<Tensor> {
    let (b, len) = mask.dims2()?;
    let big = if dtype == DType::F32 { 1e9 } else { 1e4 };
    ((mask.to_dtype(DType::F32)? - 1.0)? * big)?
        .to_dtype(dtype)?
        .reshape((b, 1, 1, len))
}

/// A low-rank update `x·A·B` of one linear map (`A`: `[in, rank]`, `B`: `[rank, out]`).
#[derive(Debug, Clone)]
pub struct LowRank {
    /// Down-projection `A`: `[in, rank]`.
    pub a: Tensor,
    /// Up-projection `B`: `[rank, out]`.
    pub b: Tensor,
}

impl LowRank {
    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let dims = x.dims().to_vec();
        let k = dims[dims.len() - 1];
        let rows: usize = dims[..dims.len() - 1].iter().product();
        let y = x.reshape((rows, k))?.matmul(&self.a)?.matmul(&self.b)?;
        let mut out_dims = dims;
        let last = out_dims.len() - 1;
        out_dims[last] = self.b.dim(1)?;
        y.reshape(out_dims)
    }
}

/// Adapters of one layer: Q·K·V, attention output, intermediate, output.
pub type LayerLora = [LowRank; 4];

/// Low-rank adapters (LoRA) on the linear maps of the top layers.
#[derive(Debug, Clone)]
pub struct Lora {
    /// First adapted layer; every layer from it to the top is adapted.
    pub from_layer: usize,
    /// `alpha / rank`.
    pub scale: f64,
    /// The adapters of each adapted layer, from `from_layer` to the top.
    pub layers: Vec<LayerLora>,
}

/// Sum over the sequence of hidden states weighted by the mask, divided by the
/// number of real tokens: `[batch, hidden]`.
pub fn masked_mean(hidden: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let m = mask.to_dtype(hidden.dtype())?.unsqueeze(2)?;
    let summed = hidden.broadcast_mul(&m)?.sum(1)?;
    let counts = m.sum(1)?.clamp(1e-9, f64::INFINITY)?;
    summed.broadcast_div(&counts)
}

/// Rows scaled to unit length.
pub fn l2_normalize(x: &Tensor) -> Result<Tensor> {
    let norm = x
        .sqr()?
        .sum_keepdim(D::Minus1)?
        .sqrt()?
        .clamp(1e-12, f64::INFINITY)?;
    x.broadcast_div(&norm)
}

/// MiniLM's network with its config, as an [`Network`](super::network::Network).
#[derive(Clone)]
pub struct BertNetwork {
    /// The forward passes.
    pub model: Bert,
    /// Its config.json.
    pub config: Config,
}

impl super::network::Network for BertNetwork {
    fn architecture(&self) -> super::network::Architecture {
        let c = &self.config;
        super::network::Architecture {
            model_type: "bert",
            hidden: c.hidden_size,
            layers: c.num_hidden_layers,
            heads: c.num_attention_heads,
            vocab: c.vocab_size,
            dim: c.hidden_size,
        }
    }

    fn max_positions(&self) -> usize {
        self.config.max_position_embeddings
    }

    /// On the CPU (always f32) without padding ([`Bert::embed_packed`]);
    /// elsewhere padded to the longest member.
    fn embed_ids(&self, batch: &[&[u32]], device: &Device) -> Result<Vec<f32>> {
        if device.is_cpu() {
            self.model.embed_packed(batch)
        } else {
            self.embed_padded(batch, device)
        }
    }

    fn embed_padded(&self, batch: &[&[u32]], device: &Device) -> Result<Vec<f32>> {
        let (ids, mask) = super::network::pad(batch, device)?;
        // The mask always goes in: without it padded batches attend to padding,
        // and the mean must not count padding either. Pooling in f32 whatever
        // the model's dtype.
        let hidden = self.model.forward(&ids, &mask)?.to_dtype(DType::F32)?;
        let normalised = l2_normalize(&masked_mean(&hidden, &mask)?)?;
        normalised
            .to_dtype(DType::F32)?
            .flatten_all()?
            .to_vec1::<f32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_is_close_to_the_real_thing() {
        // Reference values of erf.
        for (x, want) in [
            (0.0, 0.0),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-1.5, -0.966_105_1),
            (3.0, 0.999_977_9),
        ] {
            assert!(
                (erf(x) - want).abs() < 5e-7, // A&S bound 1.5e-7, plus f32 rounding
                "erf({x}) = {} not {want}",
                erf(x)
            );
        }
    }

    #[test]
    fn fast_gelu_matches_candle() {
        let xs = Tensor::new(
            &[-4.0f32, -1.0, -0.1, 0.0, 0.3, 1.0, 2.5, 8.0],
            &Device::Cpu,
        )
        .unwrap();
        let a = gelu(&xs).unwrap().to_vec1::<f32>().unwrap();
        let b = xs.gelu_erf().unwrap().to_vec1::<f32>().unwrap();
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-6, "{a:?} vs {b:?}");
        }
    }
}
