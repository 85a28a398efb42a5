//! Matrix products with bf16 weights and inputs and f32 sums: an option for
//! EmbeddingGemma's linear maps on the CPU (`--bf16`).
//!
//! Why: on CPUs with AVX-512 BF16 one `vdpbf16ps` adds two bf16 products a
//! lane, twice the work of an f32 fused multiply-add, and the weights take
//! half the memory traffic. Elsewhere the general f32 product runs on the
//! bf16-rounded weights and inputs: the same numbers up to the order of the
//! sums, at f32 speed, so the option works everywhere.
//!
//! Weights are packed once into panels of 16 outputs (`model::panels`, whose
//! f32 tiles these mirror): for each pair of inputs `(2q, 2q + 1)`, 16 `u32`s, each holding output `j`'s two weights
//! as bf16 with the even input in the low half (the operand layout
//! `vdpbf16ps` reads). Inputs are rounded to pairs the same way and
//! broadcast.

use rayon::prelude::*;

#[cfg(target_arch = "x86_64")]
use super::panels::dispatch_tiles;
use super::panels::{Panels, Tile, TileFn, PANEL};

/// One row of inputs as bf16 pairs (`dst`: `ceil(row.len() / 2)` lanes).
fn round_row(row: &[f32], dst: &mut [u32], fast: bool) {
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if fast {
        // SAFETY: the CPU has AVX-512 BF16 (`fast`); only whole runs of 16
        // inputs (8 lanes) inside both slices are read and written.
        done = unsafe { round_row_avx512(row, dst) };
    }
    let _ = fast;
    for (d, xs) in dst[done / 2..].iter_mut().zip(row[done..].chunks(2)) {
        *d = pair(xs[0], xs.get(1).copied().unwrap_or(0.0));
    }
}

/// Rounds the row's whole runs of 16 inputs with `vcvtneps2bf16` (nearest
/// even, as [`to_bf16`]; subnormals go to zero); returns how many it did.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bf16")]
unsafe fn round_row_avx512(row: &[f32], dst: &mut [u32]) -> usize {
    use std::arch::x86_64::*;
    let runs = (row.len() / 16).min(dst.len() / 8);
    for r in 0..runs {
        // SAFETY: run r's 16 inputs and 8 lanes are inside the slices.
        unsafe {
            let v = _mm512_loadu_ps(row.as_ptr().add(16 * r));
            let b = _mm512_cvtneps_pbh(v);
            _mm256_storeu_si256(
                dst.as_mut_ptr().add(8 * r).cast(),
                std::mem::transmute::<__m256bh, __m256i>(b),
            );
        }
    }
    16 * runs
}

/// `f32` → bf16, rounding to nearest even (what `vcvtneps2bf16` does for
/// finite numbers).
pub fn to_bf16(x: f32) -> u16 {
    let bits = x.to_bits();
    if x.is_nan() {
        return ((bits >> 16) | 0x40) as u16;
    }
    let round = 0x7fff + ((bits >> 16) & 1);
    (bits.wrapping_add(round) >> 16) as u16
}

/// bf16 → `f32` (exact).
pub fn from_bf16(b: u16) -> f32 {
    f32::from_bits(u32::from(b) << 16)
}

fn pair(even: f32, odd: f32) -> u32 {
    u32::from(to_bf16(even)) | (u32::from(to_bf16(odd)) << 16)
}

/// Whether this CPU runs `vdpbf16ps` (AVX-512 BF16); without it the
/// products take the general f32 product on rounded numbers.
pub fn has_bf16_instructions() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// A `[inputs, outputs]` weight matrix as bf16, for [`Bf16Weights::matmul`].
#[derive(Clone, Debug)]
pub struct Bf16Weights {
    inputs: usize,
    outputs: usize,
    repr: Repr,
}

#[derive(Clone, Debug)]
enum Repr {
    /// Panels of input pairs (see the module), for the AVX-512 BF16 tiles.
    Panels(Panels<u32>),
    /// Without AVX-512 BF16: the rounded weights as f32 `[inputs, outputs]`,
    /// for the general product.
    Rounded(Vec<f32>),
}

impl Bf16Weights {
    /// Packs a row-major `[inputs, outputs]` matrix (`y = x · w`); the last
    /// panel is padded with zeros when the outputs are not a multiple of 16.
    /// Without AVX-512 BF16 it keeps the rounded weights for the general
    /// product instead.
    pub fn pack(w: &[f32], inputs: usize, outputs: usize) -> Result<Bf16Weights, String> {
        if has_bf16_instructions() {
            return Self::pack_panels(w, inputs, outputs);
        }
        super::panels::check_shape(w, inputs, outputs)?;
        Ok(Bf16Weights {
            inputs,
            outputs,
            repr: Repr::Rounded(w.iter().map(|&v| from_bf16(to_bf16(v))).collect()),
        })
    }

    /// The panels, on any CPU (the tiles' own layout).
    fn pack_panels(w: &[f32], inputs: usize, outputs: usize) -> Result<Bf16Weights, String> {
        let panels = Panels::pack(w, inputs, outputs, 2, |v| pair(v[0], v[1]))?;
        Ok(Bf16Weights {
            inputs,
            outputs,
            repr: Repr::Panels(panels),
        })
    }

    /// `x · w` for `x` row-major `[rows, inputs]`: `[rows, outputs]`, with
    /// `x` rounded to bf16 like `w` and the products summed in f32.
    pub fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String> {
        self.matmul_with(x, bf16_run)
    }

    fn matmul_with(&self, x: &[f32], run: TileFn<u32>) -> Result<Vec<f32>, String> {
        if !x.len().is_multiple_of(self.inputs) {
            return Err(format!(
                "bf16 product: {} inputs are not rows of {}",
                x.len(),
                self.inputs
            ));
        }
        let rows = x.len() / self.inputs;
        match &self.repr {
            Repr::Rounded(w) => {
                let x: Vec<f32> = x.iter().map(|&v| from_bf16(to_bf16(v))).collect();
                let mut out = vec![0f32; rows * self.outputs];
                crate::model::kernels::matmul_accumulate(
                    &mut out,
                    &x,
                    w,
                    rows,
                    self.inputs,
                    self.outputs,
                );
                Ok(out)
            }
            Repr::Panels(panels) => {
                let fast = has_bf16_instructions();
                let mut a = vec![0u32; rows * panels.steps()];
                a.par_chunks_mut(panels.steps())
                    .zip(x.par_chunks(self.inputs))
                    .for_each(|(dst, row)| round_row(row, dst, fast));
                panels.product(&a, run)
            }
        }
    }
}

impl super::panels::HostProduct for Bf16Weights {
    fn inputs(&self) -> usize {
        self.inputs
    }
    fn outputs(&self) -> usize {
        self.outputs
    }
    fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String> {
        Bf16Weights::matmul(self, x)
    }
}

/// A bf16 tile: `vdpbf16ps` where the CPU has AVX-512 BF16, else plain loops.
unsafe fn bf16_run(tile: &Tile<'_, u32>, rows: usize, panels: usize) {
    #[cfg(target_arch = "x86_64")]
    if has_bf16_instructions() {
        // SAFETY: the CPU has AVX-512 BF16; the caller's contract covers the tile.
        unsafe { dispatch_tiles!(tile, rows, panels, bf16_tile) };
    }
    // SAFETY: the caller's contract.
    unsafe { bf16_plain(tile, rows, panels) }
}

/// The same products, summed in f32 by plain loops: the tiles' reference in
/// tests (`pack` gives CPUs without the instructions the general product).
unsafe fn bf16_plain(tile: &Tile<'_, u32>, rows: usize, panels: usize) {
    let unpack = |v: u32| (from_bf16(v as u16), from_bf16((v >> 16) as u16));
    // SAFETY: the caller's contract.
    unsafe {
        tile.plain(rows, panels, |x, w| {
            let ((x0, x1), (w0, w1)) = (unpack(x), unpack(w));
            x0 * w0 + x1 * w1
        })
    }
}

/// `R` rows × `P` panels in registers, one `vdpbf16ps` (two products a
/// lane) per (row, panel) and input pair.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bf16")]
unsafe fn bf16_tile<const R: usize, const P: usize>(tile: &Tile<'_, u32>) {
    use std::arch::x86_64::*;
    let steps = tile.steps;
    let (a, b) = tile.pointers::<R, P>();
    let mut acc = [[_mm512_setzero_ps(); P]; R];
    for q in 0..steps {
        // SAFETY: step q of panel p and of row i are inside `b` and `a` (`pointers`).
        let w: [__m512i; P] = std::array::from_fn(|p| unsafe {
            _mm512_loadu_si512(b.add((p * steps + q) * PANEL).cast())
        });
        for (i, acc) in acc.iter_mut().enumerate() {
            let x = _mm512_set1_epi32(unsafe { *a.add(i * steps + q) } as i32);
            for (acc, w) in acc.iter_mut().zip(&w) {
                // SAFETY: bit casts between 512-bit vector types.
                *acc = _mm512_dpbf16_ps(
                    *acc,
                    unsafe { std::mem::transmute::<__m512i, __m512bh>(x) },
                    unsafe { std::mem::transmute::<__m512i, __m512bh>(*w) },
                );
            }
        }
    }
    // SAFETY: the caller's contract.
    unsafe { tile.store(&acc) }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::panels::tests::{matrix, operands, reference, SHAPES};

    #[test]
    fn rounding_is_to_nearest_even() {
        assert_eq!(to_bf16(1.0), 0x3f80);
        // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7: ties go to even (1).
        assert_eq!(from_bf16(to_bf16(1.0 + 1.0 / 256.0)), 1.0);
        // 1 + 3·2^-8 is halfway between 1 + 2^-7 and 1 + 2^-6: even is the upper.
        assert_eq!(from_bf16(to_bf16(1.0 + 3.0 / 256.0)), 1.0 + 1.0 / 64.0);
        assert_eq!(from_bf16(to_bf16(-2.5)), -2.5);
        assert!(from_bf16(to_bf16(f32::NAN)).is_nan());
        assert_eq!(from_bf16(to_bf16(f32::INFINITY)), f32::INFINITY);
    }

    #[test]
    fn rows_round_alike_with_and_without_the_instructions() {
        // 37 inputs: two whole runs of 16 and a tail, with ties and signs.
        let mut row = matrix(37, 17);
        row[3] = 1.0 + 1.0 / 256.0;
        row[20] = -(1.0 + 3.0 / 256.0);
        let (mut fast, mut plain) = (vec![0u32; 19], vec![0u32; 19]);
        round_row(&row, &mut fast, has_bf16_instructions());
        round_row(&row, &mut plain, false);
        assert_eq!(fast, plain);
        assert_eq!(plain[18], pair(row[36], 0.0));
    }

    #[test]
    fn products_match_the_rounded_reference_for_every_tile_shape() {
        // Odd inputs (a zero partner), rows and panels that leave partial
        // tiles, a padded panel, and several row blocks.
        for &shape in &SHAPES {
            let (_, k, n) = shape;
            let (x, w) = operands(shape);
            let got = Bf16Weights::pack(&w, k, n).unwrap().matmul(&x).unwrap();
            let want = reference(&x, &w, shape, |v| from_bf16(to_bf16(v)));
            for (g, e) in got.iter().zip(&want) {
                assert!(
                    (g - e).abs() <= 1e-4 * (1.0 + e.abs()),
                    "{shape:?}: {g} vs {e}"
                );
            }
        }
    }

    #[test]
    fn every_path_gives_what_the_instructions_give() {
        let (rows, k, n) = (11, 40, 72);
        let x = matrix(rows * k, 3);
        let w = Bf16Weights::pack_panels(&matrix(k * n, 5), k, n).unwrap();
        let fast = w.matmul(&x).unwrap();
        let plain = w.matmul_with(&x, bf16_plain).unwrap();
        // And the general product on the rounded weights (the path of CPUs
        // without the instructions).
        let rounded = matrix(k * n, 5)
            .iter()
            .map(|&v| from_bf16(to_bf16(v)))
            .collect();
        let general = Bf16Weights {
            repr: Repr::Rounded(rounded),
            ..w.clone()
        }
        .matmul(&x)
        .unwrap();
        for ((f, p), g) in fast.iter().zip(&plain).zip(&general) {
            assert!((f - p).abs() <= 1e-5 * (1.0 + p.abs()));
            assert!((f - g).abs() <= 1e-5 * (1.0 + g.abs()));
        }
    }

    #[test]
    fn bad_shapes_are_errors_not_panics() {
        assert!(Bf16Weights::pack(&[], 0, 4).is_err());
        assert!(Bf16Weights::pack(&[0.0; 16], 2, 16).is_err());
        let w = Bf16Weights::pack(&[0.0; 32], 2, 16).unwrap();
        assert!(w.matmul(&[1.0; 3]).is_err());
        assert_eq!(w.matmul(&[]).unwrap(), Vec::<f32>::new());
    }
}
