//! Fused CPU kernels for the element-wise work around the encoders' matrix
//! products. Candle runs `gelu(gate) · up` as three passes over freshly
//! allocated buffers and its tanh-approximate GELU calls libm's `tanhf` per
//! element; here it is one pass, vectorised where the CPU allows, split over
//! threads. Other devices and dtypes keep Candle's own operations.

use candle_core::{
    bail, CpuStorage, CustomOp1, DType, Layout, Result, Shape, Storage, StorageRef, Tensor,
};
use rayon::prelude::*;

/// `gelu_tanh(gate) · up` for a `[…, 2·inter]` tensor whose last dimension
/// holds the gate then the up projection; returns `[…, inter]`.
pub fn gelu_gate(gate_up: &Tensor, inter: usize) -> Result<Tensor> {
    let last = gate_up.rank().saturating_sub(1);
    if gate_up.device().is_cpu() && gate_up.dtype() == DType::F32 {
        return gate_up.contiguous()?.apply_op1_no_bwd(&GeluGate { inter });
    }
    let gate = gate_up.narrow(last, 0, inter)?.gelu()?;
    let up = gate_up.narrow(last, inter, inter)?;
    gate * up
}

struct GeluGate {
    inter: usize,
}

impl CustomOp1 for GeluGate {
    fn name(&self) -> &'static str {
        "gelu-gate"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> Result<(CpuStorage, Shape)> {
        let inter = self.inter;
        let src = match (storage, layout.contiguous_offsets()) {
            (CpuStorage::F32(data), Some((start, end))) => &data[start..end],
            _ => candle_core::bail!("gelu-gate: expects a contiguous f32 tensor"),
        };
        let mut dims = layout.dims().to_vec();
        match dims.last_mut() {
            Some(last) if *last == 2 * inter && inter > 0 => *last = inter,
            _ => candle_core::bail!("gelu-gate: last dimension is not 2 × {inter}"),
        }
        let mut out = vec![0f32; src.len() / 2];
        out.par_chunks_mut(inter)
            .zip(src.par_chunks(2 * inter))
            .for_each(|(out, row)| {
                let (gate, up) = row.split_at(inter);
                gelu_gate_row(gate, up, out);
            });
        Ok((CpuStorage::F32(out), Shape::from(dims)))
    }
}

pub(crate) fn gelu_gate_row(gate: &[f32], up: &[f32], out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked for AVX2.
        unsafe { gelu_gate_row_avx2(gate, up, out) };
        return;
    }
    gelu_gate_row_plain(gate, up, out);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn gelu_gate_row_avx2(gate: &[f32], up: &[f32], out: &mut [f32]) {
    gelu_gate_row_plain(gate, up, out);
}

/// Written so the compiler can vectorise it (no calls, no branches).
#[inline(always)]
fn gelu_gate_row_plain(gate: &[f32], up: &[f32], out: &mut [f32]) {
    for ((o, &g), &u) in out.iter_mut().zip(gate).zip(up) {
        *o = gelu_tanh(g) * u;
    }
}

/// GELU, tanh approximation: `0.5·x·(1 + tanh(k)) = x / (1 + e^(−2k))`
/// with `k = √(2/π)·(x + 0.044715·x³)`.
#[inline(always)]
fn gelu_tanh(x: f32) -> f32 {
    const SQRT_2_OVER_PI: f32 = 0.797_884_6;
    let k = SQRT_2_OVER_PI * (x + 0.044_715 * x * x * x);
    x / (1.0 + exp(-2.0 * k))
}

/// `f` on every element of `xs` in place, compiled for AVX2 where the CPU
/// has it so that a branch-free `f` (built on [`exp`]) runs eight lanes wide.
pub(crate) fn map_in_place(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has just been checked for AVX2.
        unsafe { map_in_place_avx2(xs, f) };
        return;
    }
    map_in_place_plain(xs, f);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn map_in_place_avx2(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    map_in_place_plain(xs, f);
}

#[inline(always)]
fn map_in_place_plain(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    for v in xs {
        *v = f(*v);
    }
}

/// `e^x` to about 2 ulp: `2^n · p(r)` with `r = x − n·ln 2`, `|r| ≤ ln 2 / 2`,
/// and a degree-7 Taylor polynomial. Inputs are clamped to the range whose
/// result is a normal f32.
#[inline(always)]
pub(crate) fn exp(x: f32) -> f32 {
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let x = x.clamp(-87.0, 88.0);
    let n = (x * std::f32::consts::LOG2_E).round_ties_even();
    let r = x - n * LN2_HI - n * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r / 5040.0))))));
    p * f32::from_bits(((n as i32 + 127) as u32) << 23)
}

/// Below this many floats a pass over rows stays on the calling thread:
/// splitting it costs more than it saves.
pub(crate) const PARALLEL_MIN_FLOATS: usize = 4 * 1024;

/// A tensor's f32 data on the CPU, borrowed under its read lock.
pub(crate) struct CpuF32<'a> {
    guard: StorageRef<'a>,
    start: usize,
    end: usize,
}

impl<'a> CpuF32<'a> {
    pub(crate) fn new(t: &'a Tensor) -> Result<Self> {
        let (guard, layout) = t.storage_and_layout();
        let Some((start, end)) = layout.contiguous_offsets() else {
            bail!("packed forward: weights must be contiguous");
        };
        if !matches!(&*guard, Storage::Cpu(CpuStorage::F32(_))) {
            bail!("packed forward: f32 weights on the CPU only");
        }
        Ok(CpuF32 { guard, start, end })
    }

    pub(crate) fn data(&self) -> &[f32] {
        match &*self.guard {
            Storage::Cpu(CpuStorage::F32(v)) => &v[self.start..self.end],
            _ => &[],
        }
    }
}

/// `dst += lhs · rhs`, all row-major and contiguous: `[m, k] · [k, n]`.
/// The callers size every buffer from the same `m`, `k`, `n`.
pub(crate) fn matmul_accumulate(
    dst: &mut [f32],
    lhs: &[f32],
    rhs: &[f32],
    m: usize,
    k: usize,
    n: usize,
) {
    assert!(dst.len() == m * n && lhs.len() == m * k && rhs.len() == k * n);
    if m == 0 || n == 0 {
        return;
    }
    let threads = candle_core::utils::get_num_threads();
    let parallelism = if threads > 1 {
        gemm::Parallelism::Rayon(threads)
    } else {
        gemm::Parallelism::None
    };
    // SAFETY: the assert above bounds every row and column the strides reach
    // (row strides n, k, n; column stride 1).
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            n as isize,
            true,
            lhs.as_ptr(),
            1,
            k as isize,
            rhs.as_ptr(),
            1,
            n as isize,
            1.0,
            1.0,
            false,
            false,
            false,
            parallelism,
        );
    }
}

/// `f` on each `width`-long row of `buf`, on the thread pool when it is big.
pub(crate) fn par_rows(buf: &mut [f32], width: usize, f: impl Fn(&mut [f32]) + Send + Sync) {
    if buf.len() < PARALLEL_MIN_FLOATS {
        buf.chunks_mut(width).for_each(f);
    } else {
        buf.par_chunks_mut(width).with_min_len(8).for_each(f);
    }
}

/// `f` on each `width`-long row of `buf` with the matching `per_row`-long
/// run of `other`, on the thread pool when `buf` is big.
pub(crate) fn par_rows_with<T: Sync>(
    buf: &mut [f32],
    width: usize,
    other: &[T],
    per_row: usize,
    f: impl Fn(&mut [f32], &[T]) + Send + Sync,
) {
    if buf.len() < PARALLEL_MIN_FLOATS {
        buf.chunks_mut(width)
            .zip(other.chunks(per_row))
            .for_each(|(a, b)| f(a, b));
    } else {
        buf.par_chunks_mut(width)
            .zip(other.par_chunks(per_row))
            .with_min_len(8)
            .for_each(|(a, b)| f(a, b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    #[test]
    fn exp_matches_the_standard_library() {
        for i in -870..=880 {
            let x = i as f32 / 10.0;
            let (fast, exact) = (exp(x), x.exp());
            assert!(
                ((fast - exact) / exact).abs() < 1e-6,
                "exp({x}): {fast} vs {exact}"
            );
        }
    }

    #[test]
    fn map_in_place_applies_the_function_to_every_element() {
        // Long enough for the vector loop and its scalar tail.
        let mut xs: Vec<f32> = (0..37).map(|i| i as f32 / 4.0 - 4.0).collect();
        let want: Vec<f32> = xs.iter().map(|x| x.exp()).collect();
        map_in_place(&mut xs, exp);
        for (got, want) in xs.iter().zip(&want) {
            assert!(((got - want) / want).abs() < 1e-6, "{got} vs {want}");
        }
    }

    #[test]
    fn fused_gelu_gate_matches_candles_three_passes() -> Result<()> {
        let dev = Device::Cpu;
        let (rows, inter) = (5, 37);
        let values: Vec<f32> = (0..rows * 2 * inter)
            .map(|i| ((i * 7919) % 401) as f32 / 20.0 - 10.0)
            .collect();
        let x = Tensor::from_vec(values, (1, rows, 2 * inter), &dev)?;
        let fused = gelu_gate(&x, inter)?;
        let gate = x.narrow(2, 0, inter)?.gelu()?;
        let reference = (gate * x.narrow(2, inter, inter)?)?;
        assert_eq!(fused.dims(), &[1, rows, inter]);
        let diff = (fused - &reference)?.abs()?.flatten_all()?.max(0)?;
        let scale = reference.abs()?.flatten_all()?.max(0)?;
        assert!(diff.to_scalar::<f32>()? <= 1e-6 * scale.to_scalar::<f32>()?);
        Ok(())
    }

    #[test]
    fn gelu_gate_refuses_a_wrong_width() {
        let x = Tensor::zeros((2, 10), DType::F32, &Device::Cpu).unwrap();
        assert!(x.apply_op1_no_bwd(&GeluGate { inter: 4 }).is_err());
    }
}
