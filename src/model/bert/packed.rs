//! The CPU fast path for inference: a padding-free forward pass.
//!
//! A batch's real tokens are stacked into one `[tokens, hidden]` matrix, so
//! every linear map is a single matrix product over real tokens only (no
//! padding rows), and attention runs per sequence. Bias and residual are
//! written into the destination before the product accumulates onto them;
//! layer norm and the activation are one pass over rows on the thread pool,
//! so both cores stay busy between the matrix products. Gives what
//! [`Bert::forward`] plus masked mean pooling and L2 normalisation give
//! (tested to 1e-5).

use candle_core::{bail, Result};
use candle_nn::LayerNorm;
use candle_transformers::models::bert::HiddenAct;
use rayon::prelude::*;

use super::{gelu_erf, Bert, Dense, Layer};
use crate::model::kernels::{
    exp, map_in_place, matmul_accumulate, par_rows, par_rows_with, CpuF32,
};
use crate::model::panels::F32Panels;

/// A linear map's transposed weight `[in, out]` (and its panels, if
/// packed) and bias `[out]`.
struct DenseF32<'a> {
    weight_t: CpuF32<'a>,
    panels: Option<&'a F32Panels>,
    bias: CpuF32<'a>,
}

impl<'a> DenseF32<'a> {
    fn new(d: &'a Dense) -> Result<Self> {
        Ok(DenseF32 {
            weight_t: CpuF32::new(&d.weight_t)?,
            panels: d.panels.as_deref(),
            bias: CpuF32::new(&d.bias)?,
        })
    }

    /// `init[r] + bias + x[r] · W` for every row `r` of `x` (`[rows, in]`);
    /// `init` is the residual, or `None` for zero.
    fn apply(&self, x: &[f32], inp: usize, init: Option<&[f32]>) -> Result<Vec<f32>> {
        let bias = self.bias.data();
        let out = bias.len();
        let w = self.weight_t.data();
        if inp == 0 || out == 0 || !x.len().is_multiple_of(inp) || w.len() != inp * out {
            bail!(
                "packed forward: {} inputs of width {inp} for a [{inp}, {out}] map of {} weights",
                x.len(),
                w.len()
            );
        }
        let rows = x.len() / inp;
        let mut dst = vec![0f32; rows * out];
        match init {
            Some(res) if res.len() == dst.len() => {
                par_rows_with(&mut dst, out, res, out, |d, r| {
                    for ((d, r), b) in d.iter_mut().zip(r).zip(bias) {
                        *d = r + b;
                    }
                });
            }
            Some(_) => bail!("packed forward: residual of the wrong size"),
            None => par_rows(&mut dst, out, |d| d.copy_from_slice(bias)),
        }
        match self.panels {
            Some(p) => p
                .matmul_accumulate(&mut dst, x)
                .map_err(candle_core::Error::msg)?,
            None => matmul_accumulate(&mut dst, x, w, rows, inp, out),
        }
        Ok(dst)
    }
}

/// Layer norm of every row of `x` in place.
fn layer_norm_rows(x: &mut [f32], norm: &LayerNorm) -> Result<()> {
    let gamma = CpuF32::new(norm.weight())?;
    let beta = match norm.bias() {
        Some(b) => Some(CpuF32::new(b)?),
        None => None,
    };
    let (gamma, beta) = (gamma.data(), beta.as_ref().map(|b| b.data()));
    let width = gamma.len();
    if width == 0 || !x.len().is_multiple_of(width) || beta.is_some_and(|b| b.len() != width) {
        bail!(
            "packed forward: layer norm of width {width} on {} values",
            x.len()
        );
    }
    let (eps, remove_mean) = (norm.eps() as f32, norm.remove_mean());
    par_rows(x, width, |row| {
        let n = row.len() as f32;
        let mean = if remove_mean {
            row.iter().sum::<f32>() / n
        } else {
            0.0
        };
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
        let inv = 1.0 / (var + eps).sqrt();
        for (i, v) in row.iter_mut().enumerate() {
            let b = beta.map_or(0.0, |b| b[i]);
            *v = (*v - mean) * inv * gamma[i] + b;
        }
    });
    Ok(())
}

/// The feed-forward activation in place.
fn activate(x: &mut [f32], width: usize, act: HiddenAct) {
    match act {
        HiddenAct::Gelu => par_rows(x, width, |row| map_in_place(row, gelu_erf)),
        HiddenAct::GeluApproximate => par_rows(x, width, |row| {
            const C: f32 = 0.797_884_6; // sqrt(2 / pi)
            for v in row {
                let u = *v;
                *v = 0.5 * u * (1.0 + (C * (u + 0.044_715 * u * u * u)).tanh());
            }
        }),
        HiddenAct::Relu => par_rows(x, width, |row| {
            for v in row {
                *v = v.max(0.0);
            }
        }),
    }
}

/// The dot product of two equally long slices, in eight lanes so it vectorises.
#[inline(always)]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Softmax attention of each sequence (rows `offsets[s]..offsets[s + 1]` of
/// `qkv`, which holds Q, K and V side by side) over itself, into `ctx`. Each
/// (sequence, head) pair is one task on the thread pool, so a single long
/// sequence still uses every core.
fn attention(qkv: &[f32], ctx: &mut [f32], offsets: &[usize], heads: usize, head_dim: usize) {
    let h = heads * head_dim;
    let tasks: Vec<(usize, usize)> = (0..offsets.len().saturating_sub(1))
        .flat_map(|s| (0..heads).map(move |head| (s, head)))
        .collect();
    let one = |&(s, head): &(usize, usize)| -> Vec<f32> {
        let rows = offsets[s]..offsets[s + 1];
        attend(qkv, rows, head * head_dim, h, head_dim)
    };
    let results: Vec<Vec<f32>> = if tasks.len() > 1 {
        tasks.par_iter().with_min_len(4).map(one).collect()
    } else {
        tasks.iter().map(one).collect()
    };
    for (&(s, head), out) in tasks.iter().zip(&results) {
        let col = head * head_dim;
        for (i, row) in out.chunks_exact(head_dim).enumerate() {
            ctx[(offsets[s] + i) * h + col..][..head_dim].copy_from_slice(row);
        }
    }
}

/// One head (columns `col..col + head_dim` of Q, K and V, each `h` wide) of
/// one sequence (`rows` of `qkv`): `[len, head_dim]`. Compiled for AVX2
/// where the CPU has it, so the dot products and the weighted sums run eight
/// lanes wide.
fn attend(
    qkv: &[f32],
    rows: std::ops::Range<usize>,
    col: usize,
    h: usize,
    head_dim: usize,
) -> Vec<f32> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked for AVX2.
        return unsafe { attend_avx2(qkv, rows, col, h, head_dim) };
    }
    attend_plain(qkv, rows, col, h, head_dim)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn attend_avx2(
    qkv: &[f32],
    rows: std::ops::Range<usize>,
    col: usize,
    h: usize,
    head_dim: usize,
) -> Vec<f32> {
    attend_plain(qkv, rows, col, h, head_dim)
}

#[inline(always)]
fn attend_plain(
    qkv: &[f32],
    rows: std::ops::Range<usize>,
    col: usize,
    h: usize,
    head_dim: usize,
) -> Vec<f32> {
    let h3 = 3 * h;
    let scale = 1.0 / (head_dim as f32).sqrt();
    let (start, len) = (rows.start, rows.len());
    let mut out = vec![0f32; len * head_dim];
    let mut scores = vec![0f32; len];
    for (i, o) in out.chunks_exact_mut(head_dim).enumerate() {
        let q = &qkv[(start + i) * h3 + col..][..head_dim];
        let mut max = f32::NEG_INFINITY;
        for (j, sc) in scores.iter_mut().enumerate() {
            *sc = dot(q, &qkv[(start + j) * h3 + h + col..][..head_dim]) * scale;
            max = max.max(*sc);
        }
        for sc in scores.iter_mut() {
            *sc = exp(*sc - max);
        }
        let inv = 1.0 / scores.iter().sum::<f32>();
        for (j, &p) in scores.iter().enumerate() {
            let v = &qkv[(start + j) * h3 + 2 * h + col..][..head_dim];
            let p = p * inv;
            for (o, v) in o.iter_mut().zip(v) {
                *o += p * v;
            }
        }
    }
    out
}

impl Bert {
    /// Normalised mean-pooled embeddings of `seqs` (word-piece ids with
    /// `[CLS]`/`[SEP]`), `[seqs, hidden]` row-major. f32 weights on the CPU only.
    pub fn embed_packed(&self, seqs: &[&[u32]]) -> Result<Vec<f32>> {
        let word = CpuF32::new(self.word.embeddings())?;
        let position = CpuF32::new(self.position.embeddings())?;
        let token_type = CpuF32::new(self.token_type.embeddings())?;
        let (word, position, token_type) = (word.data(), position.data(), token_type.data());
        let h = self.heads * self.head_dim;
        if h == 0 {
            bail!("packed forward: the model's hidden size is 0");
        }
        let mut offsets = Vec::with_capacity(seqs.len() + 1);
        offsets.push(0);
        let mut tokens: Vec<(usize, usize)> = Vec::new(); // (id, position)
        for seq in seqs {
            if seq.is_empty() {
                bail!("packed forward: an empty sequence (the tokenizer adds [CLS] and [SEP])");
            }
            for (p, &id) in seq.iter().enumerate() {
                let id = id as usize;
                if (id + 1) * h > word.len() || (p + 1) * h > position.len() {
                    bail!("packed forward: token id {id} at position {p} is outside the model's tables");
                }
                tokens.push((id, p));
            }
            offsets.push(tokens.len());
        }
        let mut x = vec![0f32; tokens.len() * h];
        let type0 = token_type.get(..h).unwrap_or(&[]);
        if type0.len() != h {
            bail!("packed forward: the model has no token type embeddings");
        }
        par_rows_with(&mut x, h, &tokens, 1, |row, token| {
            let (id, p) = token[0];
            let w = &word[id * h..(id + 1) * h];
            let q = &position[p * h..(p + 1) * h];
            for (((o, w), q), t) in row.iter_mut().zip(w).zip(q).zip(type0) {
                *o = w + q + t;
            }
        });
        layer_norm_rows(&mut x, &self.emb_norm)?;
        for layer in &self.layers {
            x = self.packed_layer(layer, &x, &offsets)?;
        }
        // Mean over each sequence's tokens, then unit length.
        let mut pooled = vec![0f32; seqs.len() * h];
        for (s, out) in pooled.chunks_mut(h).enumerate() {
            let rows = &x[offsets[s] * h..offsets[s + 1] * h];
            for row in rows.chunks(h) {
                for (o, v) in out.iter_mut().zip(row) {
                    *o += v;
                }
            }
            let n = (offsets[s + 1] - offsets[s]) as f32;
            let mut norm = 0.0;
            for o in out.iter_mut() {
                *o /= n;
                norm += *o * *o;
            }
            let inv = 1.0 / norm.sqrt().max(1e-12);
            out.iter_mut().for_each(|o| *o *= inv);
        }
        Ok(pooled)
    }

    fn packed_layer(&self, layer: &Layer, x: &[f32], offsets: &[usize]) -> Result<Vec<f32>> {
        let h = self.heads * self.head_dim;
        let qkv = DenseF32::new(&layer.qkv)?.apply(x, h, None)?;
        let mut ctx = vec![0f32; x.len()];
        attention(&qkv, &mut ctx, offsets, self.heads, self.head_dim);
        drop(qkv);
        let mut y = DenseF32::new(&layer.attn_out)?.apply(&ctx, h, Some(x))?;
        layer_norm_rows(&mut y, &layer.attn_norm)?;
        let inter_map = DenseF32::new(&layer.inter)?;
        let width = inter_map.bias.data().len();
        let mut inter = inter_map.apply(&y, h, None)?;
        activate(&mut inter, width, self.act);
        let mut out = DenseF32::new(&layer.out)?.apply(&inter, width, Some(&y))?;
        layer_norm_rows(&mut out, &layer.out_norm)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Tensor;

    /// Attention written out plainly: scores, softmax, weighted values.
    fn naive_attention(qkv: &[f32], offsets: &[usize], heads: usize, d: usize) -> Vec<f32> {
        let h = heads * d;
        let t = *offsets.last().unwrap();
        let mut out = vec![0f32; t * h];
        for s in offsets.windows(2) {
            for head in 0..heads {
                for i in s[0]..s[1] {
                    let q: Vec<f32> = (0..d).map(|c| qkv[i * 3 * h + head * d + c]).collect();
                    let scores: Vec<f32> = (s[0]..s[1])
                        .map(|j| {
                            (0..d)
                                .map(|c| q[c] * qkv[j * 3 * h + h + head * d + c])
                                .sum::<f32>()
                                / (d as f32).sqrt()
                        })
                        .collect();
                    let max = scores.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
                    let e: Vec<f32> = scores.iter().map(|x| (x - max).exp()).collect();
                    let z: f32 = e.iter().sum();
                    for (jj, j) in (s[0]..s[1]).enumerate() {
                        for c in 0..d {
                            out[i * h + head * d + c] +=
                                e[jj] / z * qkv[j * 3 * h + 2 * h + head * d + c];
                        }
                    }
                }
            }
        }
        out
    }

    fn pseudo_random(n: usize, seed: u32) -> Vec<f32> {
        let mut x = seed.wrapping_mul(2_654_435_761).max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x % 2000) as f32 / 1000.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn attention_matches_the_plain_formula_per_sequence() {
        let (heads, d) = (3, 10); // 10: the dot product's 8-lane loop has a remainder
                                  // Three sequences of 1, 4 and 2 tokens, and a single one alone.
        for offsets in [vec![0, 1, 5, 7], vec![0, 6]] {
            let t = *offsets.last().unwrap();
            let qkv = pseudo_random(t * 3 * heads * d, t as u32);
            let mut ctx = vec![0f32; t * heads * d];
            attention(&qkv, &mut ctx, &offsets, heads, d);
            let want = naive_attention(&qkv, &offsets, heads, d);
            for (a, b) in ctx.iter().zip(&want) {
                assert!((a - b).abs() < 1e-5, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn matmul_accumulates_onto_the_destination() {
        let (m, k, n) = (3, 4, 5);
        let a = pseudo_random(m * k, 1);
        let b = pseudo_random(k * n, 2);
        let init = pseudo_random(m * n, 3);
        let mut dst = init.clone();
        matmul_accumulate(&mut dst, &a, &b, m, k, n);
        for r in 0..m {
            for c in 0..n {
                let want =
                    init[r * n + c] + (0..k).map(|i| a[r * k + i] * b[i * n + c]).sum::<f32>();
                assert!((dst[r * n + c] - want).abs() < 1e-5);
            }
        }
    }

    #[test]
    fn layer_norm_rows_matches_candle() {
        let (rows, width) = (70, 384); // over PARALLEL_MIN_FLOATS: the pooled branch
        let x = pseudo_random(rows * width, 4);
        let gamma = Tensor::new(pseudo_random(width, 5), &candle_core::Device::Cpu).unwrap();
        let beta = Tensor::new(pseudo_random(width, 6), &candle_core::Device::Cpu).unwrap();
        let norm = LayerNorm::new(gamma, beta, 1e-12);
        let mut got = x.clone();
        layer_norm_rows(&mut got, &norm).unwrap();
        let want = candle_core::Module::forward(
            &norm,
            &Tensor::from_vec(x, (rows, width), &candle_core::Device::Cpu).unwrap(),
        )
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
        for (a, b) in got.iter().zip(&want) {
            assert!((a - b).abs() < 1e-4, "{a} vs {b}");
        }
    }
}
