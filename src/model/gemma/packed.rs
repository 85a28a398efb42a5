//! The CPU fast path for EmbeddingGemma: a padding-free forward pass, as
//! `bert/packed.rs` is for MiniLM.
//!
//! A batch's real tokens are stacked into one `[tokens, hidden]` matrix, so
//! every linear map is a single matrix product over real tokens only, and
//! attention runs per (sequence, query head), each task one strided matrix
//! product for the scores and one for the mix. Norms, rotary embedding and
//! the gated activation are single passes over rows on the thread pool.
//! Gives what [`Gemma::embed`]'s tensor pass gives (tested to 1e-5).

use candle_core::{bail, Result, Tensor};
use rayon::prelude::*;

use super::{Gemma, Layer, Proj, RmsNorm, Rope};
use crate::model::kernels::{
    exp, gelu_gate_row, matmul_accumulate, par_rows, par_rows_with, CpuF32,
};

/// `x · W` for a full-precision or bf16 projection: `[rows, in] → [rows, out]`.
fn project(proj: &Proj, x: &[f32], inp: usize) -> Result<Vec<f32>> {
    if let Some(w) = proj.host() {
        if w.inputs() != inp {
            bail!("packed forward: width {inp} for weights of {}", w.inputs());
        }
        return w.matmul(x).map_err(candle_core::Error::msg);
    }
    let weight_t = match proj {
        Proj::Full(weight_t) => weight_t,
        _ => bail!("packed forward: 8-bit weights take the tensor pass"),
    };
    let w = CpuF32::new(weight_t)?;
    let w = w.data();
    if inp == 0 || !x.len().is_multiple_of(inp) || !w.len().is_multiple_of(inp) {
        bail!(
            "packed forward: {} inputs of width {inp} for {} weights",
            x.len(),
            w.len()
        );
    }
    let (rows, out) = (x.len() / inp, w.len() / inp);
    let mut dst = vec![0f32; rows * out];
    matmul_accumulate(&mut dst, x, w, rows, inp, out);
    Ok(dst)
}

/// Gemma's RMS norm of every `width`-long run of `x`, in place.
fn rms_norm_rows(x: &mut [f32], norm: &RmsNorm) -> Result<()> {
    let scale = CpuF32::new(&norm.scale)?;
    let scale = scale.data();
    let width = scale.len();
    if width == 0 || !x.len().is_multiple_of(width) {
        bail!(
            "packed forward: RMS norm of width {width} on {} values",
            x.len()
        );
    }
    let eps = norm.eps as f32;
    par_rows(x, width, |row| rms_norm_row(row, scale, eps));
    Ok(())
}

#[inline(always)]
fn rms_norm_row(row: &mut [f32], scale: &[f32], eps: f32) {
    let mean_sq = row.iter().map(|v| v * v).sum::<f32>() / row.len() as f32;
    let inv = 1.0 / (mean_sq + eps).sqrt();
    for (v, s) in row.iter_mut().zip(scale) {
        *v *= inv * s;
    }
}

/// Rotary embedding of one head in place (the halves layout of
/// `candle_nn::rotary_emb::rope`): `cos`, `sin` are the position's rows.
#[inline(always)]
fn rope_head(head: &mut [f32], cos: &[f32], sin: &[f32]) {
    let (a, b) = head.split_at_mut(cos.len());
    for (((a, b), c), s) in a.iter_mut().zip(b.iter_mut()).zip(cos).zip(sin) {
        let (x1, x2) = (*a, *b);
        *a = x1 * c - x2 * s;
        *b = x2 * c + x1 * s;
    }
}

/// The shapes one layer's attention works with.
struct Heads {
    heads: usize,
    kv_heads: usize,
    head_dim: usize,
    scale: f32,
    /// Keys at this distance or more are not seen (sliding-window layers).
    window: Option<usize>,
}

impl Heads {
    fn q_width(&self) -> usize {
        self.heads * self.head_dim
    }

    fn row_width(&self) -> usize {
        (self.heads + 2 * self.kv_heads) * self.head_dim
    }
}

/// Q and K of every token normalised per head and rotated by its position,
/// in place in `qkv` (`[tokens, (heads + 2·kv_heads)·head_dim]`).
fn norm_and_rotate(
    qkv: &mut [f32],
    positions: &[usize],
    shape: &Heads,
    attn: (&RmsNorm, &RmsNorm),
    rope: &Rope,
) -> Result<()> {
    let (q_scale, k_scale) = (CpuF32::new(&attn.0.scale)?, CpuF32::new(&attn.1.scale)?);
    let (q_scale, k_scale) = (q_scale.data(), k_scale.data());
    let (cos, sin) = (CpuF32::new(&rope.cos)?, CpuF32::new(&rope.sin)?);
    let (cos, sin) = (cos.data(), sin.data());
    let d = shape.head_dim;
    let half = d / 2;
    if q_scale.len() != d || k_scale.len() != d || half == 0 {
        bail!("packed forward: head norms do not match head_dim {d}");
    }
    if positions.iter().any(|&p| (p + 1) * half > cos.len()) {
        bail!("packed forward: a position is past the rotary table");
    }
    let (q_w, kv_w) = (shape.q_width(), shape.kv_heads * d);
    let (eps_q, eps_k) = (attn.0.eps as f32, attn.1.eps as f32);
    par_rows_with(qkv, shape.row_width(), positions, 1, |row, p| {
        let (c, s) = (&cos[p[0] * half..][..half], &sin[p[0] * half..][..half]);
        for head in row[..q_w].chunks_exact_mut(d) {
            rms_norm_row(head, q_scale, eps_q);
            rope_head(head, c, s);
        }
        for head in row[q_w..q_w + kv_w].chunks_exact_mut(d) {
            rms_norm_row(head, k_scale, eps_k);
            rope_head(head, c, s);
        }
    });
    Ok(())
}

/// `dst = lhs · rhs` on the calling thread, with explicit strides
/// (`[m, k] · [k, n]`; row and column strides of each operand).
///
/// # Safety
/// Every index the strides reach must be inside the slices' buffers.
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_strided(
    m: usize,
    n: usize,
    k: usize,
    dst: *mut f32,
    (dst_rs, dst_cs): (isize, isize),
    lhs: *const f32,
    (lhs_rs, lhs_cs): (isize, isize),
    rhs: *const f32,
    (rhs_rs, rhs_cs): (isize, isize),
    alpha: f32,
) {
    gemm::gemm(
        m,
        n,
        k,
        dst,
        dst_cs,
        dst_rs,
        false,
        lhs,
        lhs_cs,
        lhs_rs,
        rhs,
        rhs_cs,
        rhs_rs,
        0.0,
        alpha,
        false,
        false,
        false,
        gemm::Parallelism::None,
    );
}

/// Attention of each sequence over itself into `ctx` (`[tokens, heads·head_dim]`).
fn attention(qkv: &[f32], offsets: &[usize], shape: &Heads) -> Vec<f32> {
    let d = shape.head_dim;
    let (q_w, kv_w, row) = (shape.q_width(), shape.kv_heads * d, shape.row_width());
    let groups = shape.heads / shape.kv_heads.max(1);
    let tasks: Vec<(usize, usize)> = (0..offsets.len().saturating_sub(1))
        .flat_map(|s| (0..shape.heads).map(move |h| (s, h)))
        .collect();
    let one = |&(s, h): &(usize, usize)| -> Vec<f32> {
        let (start, len) = (offsets[s], offsets[s + 1] - offsets[s]);
        let kv = h / groups.max(1);
        let q = &qkv[start * row + h * d..];
        let k = &qkv[start * row + q_w + kv * d..];
        let v = &qkv[start * row + q_w + kv_w + kv * d..];
        let mut scores = vec![0f32; len * len];
        let mut out = vec![0f32; len * d];
        // Bounds: rows start..start+len of qkv, columns inside one head;
        // `offsets` come from the token count qkv was sized by.
        let reach = (len.max(1) - 1) * row + d;
        assert!(q.len() >= reach && k.len() >= reach && v.len() >= reach);
        let row = row as isize;
        // SAFETY: the assert bounds every element the strides reach.
        unsafe {
            gemm_strided(
                len,
                len,
                d,
                scores.as_mut_ptr(),
                (len as isize, 1),
                q.as_ptr(),
                (row, 1),
                k.as_ptr(),
                (1, row),
                shape.scale,
            );
        }
        for (i, sc) in scores.chunks_exact_mut(len).enumerate() {
            if let Some(w) = shape.window {
                for (j, v) in sc.iter_mut().enumerate() {
                    if i.abs_diff(j) >= w {
                        *v = f32::NEG_INFINITY;
                    }
                }
            }
            let max = sc.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
            crate::model::kernels::map_in_place(sc, |v| {
                if v == f32::NEG_INFINITY {
                    0.0
                } else {
                    exp(v - max)
                }
            });
            let inv = 1.0 / sc.iter().sum::<f32>();
            sc.iter_mut().for_each(|v| *v *= inv);
        }
        // SAFETY: as above; `scores` is [len, len], `out` [len, d].
        unsafe {
            gemm_strided(
                len,
                d,
                len,
                out.as_mut_ptr(),
                (d as isize, 1),
                scores.as_ptr(),
                (len as isize, 1),
                v.as_ptr(),
                (row, 1),
                1.0,
            );
        }
        out
    };
    let results: Vec<Vec<f32>> = if tasks.len() > 1 {
        tasks.par_iter().map(one).collect()
    } else {
        tasks.iter().map(one).collect()
    };
    let mut ctx = vec![0f32; offsets.last().copied().unwrap_or(0) * q_w];
    for (&(s, h), out) in tasks.iter().zip(&results) {
        for (i, r) in out.chunks_exact(d).enumerate() {
            ctx[(offsets[s] + i) * q_w + h * d..][..d].copy_from_slice(r);
        }
    }
    ctx
}

/// `x += norm(y)`, row by row.
fn add_normed(x: &mut [f32], mut y: Vec<f32>, norm: &RmsNorm) -> Result<()> {
    rms_norm_rows(&mut y, norm)?;
    let width = norm.scale.dim(0)?;
    par_rows_with(x, width, &y, width, |x, y| {
        x.iter_mut().zip(y).for_each(|(x, y)| *x += y)
    });
    Ok(())
}

impl Gemma {
    /// Whether [`Gemma::embed_packed`] can run: f32 weights, full precision
    /// or bf16 products, on the CPU.
    pub(super) fn packable(&self) -> bool {
        self.device.is_cpu()
            && self.dtype == candle_core::DType::F32
            && self.layers.iter().all(|l| {
                l.projections()
                    .iter()
                    .all(|p| matches!(p, Proj::Full(_) | Proj::Panels(_) | Proj::Bf16(_)))
            })
    }

    /// Normalised embeddings of `seqs`, `[seqs, dim]` row-major, without padding.
    pub fn embed_packed(&self, seqs: &[&[u32]]) -> Result<Vec<f32>> {
        let cfg = &self.config;
        let h = cfg.hidden_size;
        let mut offsets = Vec::with_capacity(seqs.len() + 1);
        offsets.push(0);
        let mut ids = Vec::new();
        let mut positions = Vec::new();
        for seq in seqs {
            if seq.is_empty() || seq.len() > cfg.max_position_embeddings {
                bail!(
                    "packed forward: a sequence of {} tokens (1 to {} allowed)",
                    seq.len(),
                    cfg.max_position_embeddings
                );
            }
            ids.extend_from_slice(seq);
            positions.extend(0..seq.len());
            offsets.push(ids.len());
        }
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let scale = (h as f32).sqrt();
        let mut x = self.table.file.rows(self.table.name, &ids, scale)?;
        for layer in &self.layers {
            self.packed_layer(layer, &mut x, &offsets, &positions)?;
        }
        rms_norm_rows(&mut x, &self.norm)?;
        let mut pooled = vec![0f32; seqs.len() * h];
        for (s, out) in pooled.chunks_mut(h).enumerate() {
            for row in x[offsets[s] * h..offsets[s + 1] * h].chunks(h) {
                out.iter_mut().zip(row).for_each(|(o, v)| *o += v);
            }
            let n = (offsets[s + 1] - offsets[s]) as f32;
            out.iter_mut().for_each(|o| *o /= n);
        }
        let pooled = Tensor::from_vec(pooled, (seqs.len(), h), &self.device)?;
        self.project_pooled(pooled)
    }

    fn packed_layer(
        &self,
        layer: &Layer,
        x: &mut [f32],
        offsets: &[usize],
        positions: &[usize],
    ) -> Result<()> {
        let cfg = &self.config;
        let h = cfg.hidden_size;
        let a = &layer.attn;
        let shape = Heads {
            heads: a.heads,
            kv_heads: a.kv_heads,
            head_dim: a.head_dim,
            scale: a.scale as f32,
            window: layer.sliding.then(|| cfg.attention_window()),
        };
        let rope = if layer.sliding {
            &self.rope_local
        } else {
            &self.rope_global
        };
        let mut normed = x.to_vec();
        rms_norm_rows(&mut normed, &layer.input_norm)?;
        let mut qkv = project(&a.qkv, &normed, h)?;
        norm_and_rotate(&mut qkv, positions, &shape, (&a.q_norm, &a.k_norm), rope)?;
        let ctx = attention(&qkv, offsets, &shape);
        drop(qkv);
        add_normed(
            x,
            project(&a.o_proj, &ctx, shape.q_width())?,
            &layer.post_attn_norm,
        )?;

        normed.copy_from_slice(x);
        rms_norm_rows(&mut normed, &layer.pre_ff_norm)?;
        let gate_up = project(&layer.mlp.gate_up, &normed, h)?;
        // The widest buffers of the pass follow: free what is no longer read.
        drop(normed);
        let inter = layer.mlp.inter;
        let mut act = vec![0f32; positions.len() * inter];
        par_rows_with(&mut act, inter, &gate_up, 2 * inter, |out, row| {
            let (gate, up) = row.split_at(inter);
            gelu_gate_row(gate, up, out);
        });
        drop(gate_up);
        add_normed(
            x,
            project(&layer.mlp.down, &act, inter)?,
            &layer.post_ff_norm,
        )
    }
}
