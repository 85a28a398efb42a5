//! Matrix products with bf16 weights and inputs and f32 sums: an option for
//! EmbeddingGemma's linear maps on the CPU (`--bf16`).
//!
//! Why: on CPUs with AVX-512 BF16 one `vdpbf16ps` adds two bf16 products a
//! lane, twice the work of an f32 fused multiply-add, and the weights take
//! half the memory traffic. Elsewhere the general f32 product runs on the
//! bf16-rounded weights and inputs: the same numbers up to the order of the
//! sums, at f32 speed, so the option works everywhere.
//! (The same tiles in f32 lost to the general product at 32 sentences a
//! batch and tied at one, so full precision keeps the general product.)
//!
//! Weights are packed once into panels of 16 outputs: for each pair of
//! inputs `(2q, 2q + 1)`, 16 `u32`s, each holding output `j`'s two weights
//! as bf16 with the even input in the low half (the operand layout
//! `vdpbf16ps` reads). Inputs are rounded to pairs the same way and
//! broadcast.

use rayon::prelude::*;

/// Outputs of one panel: one 512-bit register of f32 sums.
const PANEL: usize = 16;
/// Rows of one register tile.
const TILE_ROWS: usize = 8;
/// Panels of one register tile (8 × 3 sums in 24 of the 32 registers).
const TILE_PANELS: usize = 3;
/// Rows of one task: enough to reuse each weight panel, few enough that the
/// rounded inputs stay in the core's L2 cache.
const BLOCK_ROWS: usize = 128;

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

/// A `[inputs, outputs]` weight matrix in bf16 panels (see the module).
#[derive(Clone, Debug)]
pub struct Bf16Weights {
    inputs: usize,
    outputs: usize,
    /// Input pairs: `ceil(inputs / 2)` (an odd last input gets a zero partner).
    steps: usize,
    /// `[ceil(outputs / 16)][steps][16]`; empty when `rounded` is set.
    panels: Vec<u32>,
    /// Without AVX-512 BF16: the rounded weights as f32 `[inputs, outputs]`,
    /// for the general product (then no panels are packed).
    rounded: Option<Vec<f32>>,
}

/// A row-major `[inputs, outputs]` matrix of the right length, not empty.
fn check_shape(w: &[f32], inputs: usize, outputs: usize) -> Result<(), String> {
    if inputs == 0 || outputs == 0 {
        return Err(format!("bf16 weights: {inputs} × {outputs} is empty"));
    }
    if w.len() != inputs * outputs {
        return Err(format!(
            "bf16 weights: {} values for {inputs} × {outputs}",
            w.len()
        ));
    }
    Ok(())
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
        check_shape(w, inputs, outputs)?;
        Ok(Bf16Weights {
            inputs,
            outputs,
            steps: inputs.div_ceil(2),
            panels: Vec::new(),
            rounded: Some(w.iter().map(|&v| from_bf16(to_bf16(v))).collect()),
        })
    }

    /// The panels, on any CPU (the tiles' own layout).
    fn pack_panels(w: &[f32], inputs: usize, outputs: usize) -> Result<Bf16Weights, String> {
        check_shape(w, inputs, outputs)?;
        let steps = inputs.div_ceil(2);
        let mut panels = vec![0u32; outputs.div_ceil(PANEL) * PANEL * steps];
        panels
            .par_chunks_mut(steps * PANEL)
            .enumerate()
            .for_each(|(p, panel)| {
                for (q, lanes) in panel.chunks_mut(PANEL).enumerate() {
                    for (j, lane) in lanes.iter_mut().enumerate() {
                        let col = p * PANEL + j;
                        if col >= outputs {
                            break;
                        }
                        let odd = w.get((2 * q + 1) * outputs + col).copied();
                        *lane = pair(w[2 * q * outputs + col], odd.unwrap_or(0.0));
                    }
                }
            });
        Ok(Bf16Weights {
            inputs,
            outputs,
            steps,
            panels,
            rounded: None,
        })
    }

    /// Width of an input row.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Width of an output row.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// `x · w` for `x` row-major `[rows, inputs]`: `[rows, outputs]`, with
    /// `x` rounded to bf16 like `w` and the products summed in f32.
    pub fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String> {
        if !x.len().is_multiple_of(self.inputs) {
            return Err(format!(
                "bf16 product: {} inputs are not rows of {}",
                x.len(),
                self.inputs
            ));
        }
        let rows = x.len() / self.inputs;
        if let Some(w) = &self.rounded {
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
            return Ok(out);
        }
        let fast = has_bf16_instructions();
        let mut a = vec![0u32; rows * self.steps];
        a.par_chunks_mut(self.steps)
            .zip(x.par_chunks(self.inputs))
            .for_each(|(dst, row)| round_row(row, dst, fast));
        if rows == 0 {
            return Ok(Vec::new());
        }
        // Every output is written by exactly one tile: no zeroing pass.
        let mut out = Vec::<f32>::with_capacity(rows * self.outputs);
        let dst = SharedOut(out.as_mut_ptr());
        self.tasks(rows).par_iter().for_each(|&(r0, r1, p0, p1)| {
            // SAFETY: tasks cover disjoint (row range, panel range) tiles of
            // `out`'s capacity, which outlives the loop; `block` writes only
            // inside its tile.
            unsafe { self.block(&a, r0..r1, p0..p1, dst, fast) };
        });
        // SAFETY: the tasks cover every row and every output column, and
        // each tile stores all of its valid lanes.
        unsafe { out.set_len(rows * self.outputs) };
        Ok(out)
    }

    /// Tiles of (rows, panels): row blocks of [`BLOCK_ROWS`], and each split
    /// over panels when there are too few row blocks to keep every thread busy.
    fn tasks(&self, rows: usize) -> Vec<(usize, usize, usize, usize)> {
        let panels = self.outputs.div_ceil(PANEL);
        let row_blocks = rows.div_ceil(BLOCK_ROWS);
        let wanted = 4 * rayon::current_num_threads().max(1);
        let splits = wanted
            .div_ceil(row_blocks)
            .clamp(1, panels.div_ceil(TILE_PANELS));
        let per = panels.div_ceil(splits).next_multiple_of(TILE_PANELS);
        let mut tasks = Vec::new();
        for r0 in (0..rows).step_by(BLOCK_ROWS) {
            for p0 in (0..panels).step_by(per) {
                tasks.push((r0, (r0 + BLOCK_ROWS).min(rows), p0, (p0 + per).min(panels)));
            }
        }
        tasks
    }

    /// One task: every register tile of its rows and panels, panel group by
    /// panel group so each group's weights are read from cache by all rows.
    ///
    /// # Safety
    /// `out` must have room for `rows.end` rows of `outputs` floats, and no
    /// other thread may touch this task's tile.
    unsafe fn block(
        &self,
        a: &[u32],
        rows: std::ops::Range<usize>,
        panels: std::ops::Range<usize>,
        out: SharedOut,
        fast: bool,
    ) {
        let mut p = panels.start;
        while p < panels.end {
            let np = (panels.end - p).min(TILE_PANELS);
            let mut r = rows.start;
            while r < rows.end {
                let nr = (rows.end - r).min(TILE_ROWS);
                let tile = Tile {
                    a: &a[r * self.steps..(r + nr) * self.steps],
                    b: &self.panels[p * self.steps * PANEL..(p + np) * self.steps * PANEL],
                    steps: self.steps,
                    // SAFETY: row r, panel p is inside `out` (the caller's contract).
                    out: unsafe { out.0.add(r * self.outputs + p * PANEL) },
                    out_stride: self.outputs,
                    cols: self.outputs - p * PANEL,
                };
                // SAFETY: the caller's contract covers this tile.
                unsafe { tile.run(nr, np, fast) };
                r += nr;
            }
            p += np;
        }
    }
}

/// The output buffer, shared by tasks that write disjoint tiles.
#[derive(Clone, Copy)]
struct SharedOut(*mut f32);
// SAFETY: only ever used for disjoint writes (see `Bf16Weights::matmul`).
unsafe impl Send for SharedOut {}
unsafe impl Sync for SharedOut {}

/// One register tile: up to [`TILE_ROWS`] rows × [`TILE_PANELS`] panels.
struct Tile<'a> {
    /// The rows' input pairs, `[rows][steps]`.
    a: &'a [u32],
    /// The panels' weight pairs, `[panels][steps][16]`.
    b: &'a [u32],
    steps: usize,
    /// The tile's first output; rows are `out_stride` apart.
    out: *mut f32,
    out_stride: usize,
    /// Outputs from the tile's first to the row's end: a panel past them
    /// is padding and stores only its first lanes.
    cols: usize,
}

impl Tile<'_> {
    /// # Safety
    /// `out` must have `rows` rows of `min(16 · panels, cols)` writable floats.
    unsafe fn run(&self, rows: usize, panels: usize, fast: bool) {
        #[cfg(target_arch = "x86_64")]
        if fast {
            macro_rules! dispatch {
                ($($r:literal)*) => {
                    match (rows, panels) {
                        $(
                            ($r, 1) => return unsafe { self.avx512::<$r, 1>() },
                            ($r, 2) => return unsafe { self.avx512::<$r, 2>() },
                            ($r, 3) => return unsafe { self.avx512::<$r, 3>() },
                        )*
                        _ => {}
                    }
                };
            }
            dispatch!(1 2 3 4 5 6 7 8);
        }
        let _ = fast;
        unsafe { self.plain(rows, panels) }
    }

    /// The same products, summed in f32 by plain loops: the tiles' reference
    /// in tests (`pack` gives CPUs without the instructions the general product).
    unsafe fn plain(&self, rows: usize, panels: usize) {
        let unpack = |v: u32| (from_bf16(v as u16), from_bf16((v >> 16) as u16));
        for i in 0..rows {
            for p in 0..panels {
                let mut sums = [0f32; PANEL];
                for q in 0..self.steps {
                    let (x0, x1) = unpack(self.a[i * self.steps + q]);
                    let lanes = &self.b[(p * self.steps + q) * PANEL..][..PANEL];
                    for (s, &w) in sums.iter_mut().zip(lanes) {
                        let (w0, w1) = unpack(w);
                        *s += x0 * w0 + x1 * w1;
                    }
                }
                let valid = self.cols.saturating_sub(p * PANEL).min(PANEL);
                for (j, s) in sums.into_iter().enumerate().take(valid) {
                    // SAFETY: inside the tile (the caller's contract).
                    unsafe { *self.out.add(i * self.out_stride + p * PANEL + j) = s };
                }
            }
        }
    }

    /// `R` rows × `P` panels in registers, one `vdpbf16ps` (two products a
    /// lane) per (row, panel) and input pair.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bf16")]
    unsafe fn avx512<const R: usize, const P: usize>(&self) {
        use std::arch::x86_64::*;
        let mut acc = [[_mm512_setzero_ps(); P]; R];
        for q in 0..self.steps {
            let w = self.weights::<P>(q);
            for (i, acc) in acc.iter_mut().enumerate() {
                // SAFETY: row i's step q is inside `a` ([rows][steps]).
                let x =
                    _mm512_set1_epi32(unsafe { *self.a.as_ptr().add(i * self.steps + q) } as i32);
                for (acc, w) in acc.iter_mut().zip(&w) {
                    *acc = _mm512_dpbf16_ps(
                        *acc,
                        std::mem::transmute::<__m512i, __m512bh>(x),
                        std::mem::transmute::<__m512i, __m512bh>(*w),
                    );
                }
            }
        }
        // SAFETY: the caller's contract.
        unsafe { self.store(&acc) }
    }

    /// Step `q`'s 16 lanes of each of the `P` panels.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn weights<const P: usize>(&self, q: usize) -> [std::arch::x86_64::__m512i; P] {
        use std::arch::x86_64::*;
        std::array::from_fn(|p| {
            let lanes = &self.b[(p * self.steps + q) * PANEL..][..PANEL];
            // SAFETY: `lanes` holds 16 u32s; AVX-512F is enabled in every caller.
            unsafe { _mm512_loadu_si512(lanes.as_ptr().cast()) }
        })
    }

    /// Writes the tile's sums, only the valid lanes of a padded panel.
    ///
    /// # Safety
    /// As [`Tile::run`]; the CPU has AVX-512F.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn store<const R: usize, const P: usize>(
        &self,
        acc: &[[std::arch::x86_64::__m512; P]; R],
    ) {
        use std::arch::x86_64::*;
        for (i, acc) in acc.iter().enumerate() {
            for (p, v) in acc.iter().enumerate() {
                let dst = self.out.wrapping_add(i * self.out_stride + p * PANEL);
                let valid = self.cols.saturating_sub(p * PANEL).min(PANEL);
                // SAFETY: inside the tile, only its valid lanes (the caller's contract).
                unsafe {
                    if valid == PANEL {
                        _mm512_storeu_ps(dst, *v)
                    } else {
                        _mm512_mask_storeu_ps(dst, ((1u32 << valid) - 1) as u16, *v)
                    }
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random matrix in [-1, 1).
    fn matrix(len: usize, seed: u32) -> Vec<f32> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (s >> 8) as f32 / (1u32 << 23) as f32 - 1.0
            })
            .collect()
    }

    /// The product of the bf16-rounded operands, summed in f64.
    fn reference(x: &[f32], w: &[f32], (rows, k, n): (usize, usize, usize)) -> Vec<f32> {
        let r = |v: f32| f64::from(from_bf16(to_bf16(v)));
        let mut out = vec![0f32; rows * n];
        for i in 0..rows {
            for j in 0..n {
                let s: f64 = (0..k).map(|t| r(x[i * k + t]) * r(w[t * n + j])).sum();
                out[i * n + j] = s as f32;
            }
        }
        out
    }

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
        for &shape in &[
            (1, 7, 16),
            (5, 33, 48),
            (13, 64, 80),
            (70, 96, 160),
            (9, 6, 21),
        ] {
            let (rows, k, n) = shape;
            let x = matrix(rows * k, 7);
            let w = matrix(k * n, 11);
            let got = Bf16Weights::pack(&w, k, n).unwrap().matmul(&x).unwrap();
            let want = reference(&x, &w, shape);
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
        let a: Vec<u32> = x
            .chunks(k)
            .flat_map(|row| row.chunks(2).map(|p| pair(p[0], p[1])))
            .collect();
        let mut plain = vec![0f32; rows * n];
        let dst = SharedOut(plain.as_mut_ptr());
        // SAFETY: one task covers the whole output.
        unsafe { w.block(&a, 0..rows, 0..n.div_ceil(PANEL), dst, false) };
        // And the general product on the rounded weights (the path of CPUs
        // without the instructions).
        let general = Bf16Weights {
            rounded: Some(
                matrix(k * n, 5)
                    .iter()
                    .map(|&v| from_bf16(to_bf16(v)))
                    .collect(),
            ),
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
