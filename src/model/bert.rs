//! A BERT encoder forward pass for inference, loaded from the same weights as
//! Candle's `BertModel` and giving the same outputs, with the work arranged
//! for speed: one fused Q·K·V projection per layer, the fused last-dimension
//! softmax, fused layer norms, and a vectorisable GELU on the CPU.

use candle_core::{CpuStorage, CustomOp1, DType, Device, Layout, Module, Result, Shape, Tensor, D};
use candle_nn::{Embedding, LayerNorm, VarBuilder};
use candle_transformers::models::bert::{Config, HiddenAct};

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
    s * (1.0 - poly * (-a * a).exp())
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
        const FRAC_1_SQRT_2: f32 = std::f32::consts::FRAC_1_SQRT_2;
        let out: Vec<f32> = data[start..end]
            .iter()
            .map(|&x| 0.5 * x * (1.0 + erf(x * FRAC_1_SQRT_2)))
            .collect();
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
/// the layout the matrix kernels read fastest.
struct Dense {
    weight_t: Tensor,
    bias: Tensor,
}

impl Dense {
    fn new(weight: Tensor, bias: Tensor) -> Result<Self> {
        Ok(Dense {
            weight_t: weight.t()?.contiguous()?,
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

struct Layer {
    qkv: Dense,
    attn_out: Dense,
    attn_norm: LayerNorm,
    inter: Dense,
    out: Dense,
    out_norm: LayerNorm,
}

/// The encoder stack.
pub struct Bert {
    word: Embedding,
    position: Embedding,
    token_type: Embedding,
    emb_norm: LayerNorm,
    layers: Vec<Layer>,
    heads: usize,
    head_dim: usize,
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
            act: config.hidden_act,
        })
    }

    /// Hidden states `[batch, len, hidden]` for token ids `[batch, len]` with
    /// an attention mask (1 real token, 0 padding) of the same shape.
    pub fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (b, len) = ids.dims2()?;
        let device: &Device = ids.device();
        let positions = Tensor::arange(0u32, len as u32, device)?;
        let types = Tensor::zeros(len, DType::U32, device)?;
        let emb = self
            .word
            .forward(ids)?
            .broadcast_add(&self.position.forward(&positions)?)?
            .broadcast_add(&self.token_type.forward(&types)?)?;
        let mut x = self.emb_norm.forward(&emb)?;
        // Padding gets a large negative score before the softmax: [b, 1, 1, len].
        let bias = ((mask.to_dtype(DType::F32)? - 1.0)? * 1e9)?.reshape((b, 1, 1, len))?;
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let h = self.heads * self.head_dim;
        for layer in &self.layers {
            let qkv = layer.qkv.forward(&x)?; // [b, len, 3h]
            let qkv = qkv
                .reshape((b, len, 3, self.heads, self.head_dim))?
                .permute((2, 0, 3, 1, 4))?; // [3, b, heads, len, d]
            let q = (qkv.get(0)?.contiguous()? * scale)?;
            let k = qkv.get(1)?.contiguous()?;
            let v = qkv.get(2)?.contiguous()?;
            let scores = q.matmul(&k.t()?)?.broadcast_add(&bias)?;
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let ctx = probs
                .matmul(&v)?
                .transpose(1, 2)?
                .contiguous()?
                .reshape((b, len, h))?;
            let attn = layer.attn_out.forward(&ctx)?;
            x = layer.attn_norm.forward(&(attn + &x)?)?;
            let inter = layer.inter.forward(&x)?;
            let inter = match self.act {
                HiddenAct::Gelu => gelu(&inter)?,
                HiddenAct::GeluApproximate => inter.gelu()?,
                HiddenAct::Relu => inter.relu()?,
            };
            let out = layer.out.forward(&inter)?;
            x = layer.out_norm.forward(&(out + &x)?)?;
        }
        Ok(x)
    }
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
