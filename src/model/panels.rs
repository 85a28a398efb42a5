//! Matrix products against weights packed once into panels of 16 outputs,
//! run by register tiles on CPUs with AVX-512: the f32 product of both
//! encoders' CPU fast paths ([`F32Panels`]) and the bf16 one (`model::bf16`).
//!
//! Why: a general product packs the weights on every call and reads them
//! with the matrix's row stride. With few rows (one sentence is ~20 tokens)
//! that costs more than the arithmetic: at batch 1 the general product
//! reached half the speed of these tiles (`make bench`). Packed once, each
//! panel is one contiguous run that the prefetcher streams, and a tile keeps
//! up to 8 rows × 3 panels of sums in registers.
//!
//! A matrix `[inputs, outputs]` is stored `[ceil(outputs / 16)][steps][16]`:
//! a step covers one input (f32) or a pair of inputs (bf16 pairs in a `u32`).

use rayon::prelude::*;

/// Outputs of one panel: one 512-bit register of f32 sums.
pub(crate) const PANEL: usize = 16;
/// Rows of one register tile.
const TILE_ROWS: usize = 8;
/// Panels of one register tile (8 × 3 sums in 24 of the 32 registers).
const TILE_PANELS: usize = 3;
/// Rows of one task: enough to reuse each weight panel, few enough that the
/// inputs stay in the core's L2 cache.
const BLOCK_ROWS: usize = 128;

/// A row-major `[inputs, outputs]` matrix of the right length, not empty.
pub(crate) fn check_shape(w: &[f32], inputs: usize, outputs: usize) -> Result<(), String> {
    if inputs == 0 || outputs == 0 {
        return Err(format!("packed weights: {inputs} × {outputs} is empty"));
    }
    if w.len() != inputs * outputs {
        return Err(format!(
            "packed weights: {} values for {inputs} × {outputs}",
            w.len()
        ));
    }
    Ok(())
}

/// A weight matrix in panels of elements `E` (see the module).
#[derive(Clone, Debug)]
pub(crate) struct Panels<E> {
    inputs: usize,
    outputs: usize,
    /// Steps per panel: `ceil(inputs / per_step)`.
    steps: usize,
    /// `[ceil(outputs / 16)][steps][16]`; the last panel padded with zeros.
    data: Vec<E>,
}

/// Runs one register tile of `rows` × `panels` (both at least 1, at most
/// [`TILE_ROWS`] and [`TILE_PANELS`]).
pub(crate) type TileFn<E> = unsafe fn(&Tile<'_, E>, usize, usize);

impl<E: Copy + Default + Send + Sync> Panels<E> {
    /// Packs a row-major `[inputs, outputs]` matrix (`y = x · w`); `elem`
    /// turns one output's `per_step` consecutive weights (zeros past the
    /// last input) into a step's element.
    pub(crate) fn pack(
        w: &[f32],
        inputs: usize,
        outputs: usize,
        per_step: usize,
        elem: impl Fn(&[f32]) -> E + Sync,
    ) -> Result<Self, String> {
        check_shape(w, inputs, outputs)?;
        let per_step = per_step.max(1);
        let steps = inputs.div_ceil(per_step);
        let mut data = vec![E::default(); outputs.div_ceil(PANEL) * PANEL * steps];
        data.par_chunks_mut(steps * PANEL)
            .enumerate()
            .for_each(|(p, panel)| {
                let mut values = vec![0f32; per_step];
                for (q, lanes) in panel.chunks_mut(PANEL).enumerate() {
                    for (j, lane) in lanes.iter_mut().enumerate() {
                        let col = p * PANEL + j;
                        if col >= outputs {
                            break;
                        }
                        for (t, v) in values.iter_mut().enumerate() {
                            let input = q * per_step + t;
                            *v = if input < inputs {
                                w[input * outputs + col]
                            } else {
                                0.0
                            };
                        }
                        *lane = elem(&values);
                    }
                }
            });
        Ok(Panels {
            inputs,
            outputs,
            steps,
            data,
        })
    }

    /// Width of an input row.
    pub(crate) fn inputs(&self) -> usize {
        self.inputs
    }

    /// Width of an output row.
    pub(crate) fn outputs(&self) -> usize {
        self.outputs
    }

    /// Steps per input row (the length of one row of `a` in [`Panels::product`]).
    pub(crate) fn steps(&self) -> usize {
        self.steps
    }

    /// Element of output `col` at step `q`.
    pub(crate) fn at(&self, q: usize, col: usize) -> E {
        self.data[((col / PANEL) * self.steps + q) * PANEL + col % PANEL]
    }

    /// `dst += a · W` (`a`: `[rows][steps]`, `dst`: `[rows][outputs]`).
    /// Tiles run on the thread pool.
    pub(crate) fn product_accumulate(
        &self,
        a: &[E],
        dst: &mut [f32],
        run: TileFn<E>,
    ) -> Result<(), String> {
        let rows = self.rows(a)?;
        if dst.len() != rows * self.outputs {
            return Err(format!(
                "packed product: {} outputs for {rows} rows of {}",
                dst.len(),
                self.outputs
            ));
        }
        // SAFETY: `dst` holds every row's outputs.
        unsafe { self.run_tasks(a, rows, SharedOut(dst.as_mut_ptr()), true, run) };
        Ok(())
    }

    /// `a · W`, `[rows][outputs]`, written without zeroing the buffer first
    /// (a fresh buffer's zeroing and page faults cost ~5% of a batch).
    pub(crate) fn product(&self, a: &[E], run: TileFn<E>) -> Result<Vec<f32>, String> {
        let rows = self.rows(a)?;
        let len = rows * self.outputs;
        let mut out = Vec::<f32>::with_capacity(len);
        // SAFETY: the buffer has room for every row's outputs.
        unsafe { self.run_tasks(a, rows, SharedOut(out.as_mut_ptr()), false, run) };
        // SAFETY: the tasks cover every row and output column, and each tile
        // stores all of its valid lanes.
        unsafe { out.set_len(len) };
        Ok(out)
    }

    /// Rows of `a`, whose length must be a whole number of rows.
    fn rows(&self, a: &[E]) -> Result<usize, String> {
        if !a.len().is_multiple_of(self.steps) {
            return Err(format!(
                "packed product: {} inputs are not rows of {}",
                a.len(),
                self.steps
            ));
        }
        Ok(a.len() / self.steps)
    }

    /// Every tile of `rows` rows, on the thread pool.
    ///
    /// # Safety
    /// `out` must have room for `rows` rows of `outputs` floats.
    unsafe fn run_tasks(
        &self,
        a: &[E],
        rows: usize,
        out: SharedOut,
        accumulate: bool,
        run: TileFn<E>,
    ) {
        let tasks = self.tasks(rows);
        let one = |&(r0, r1, p0, p1): &(usize, usize, usize, usize)| {
            // SAFETY: tasks cover disjoint (row range, panel range) tiles of
            // `out` (the caller's contract); `block` writes only inside its tile.
            unsafe { self.block(a, r0..r1, p0..p1, out, accumulate, run) };
        };
        if tasks.len() > 1 {
            tasks.par_iter().for_each(one);
        } else {
            tasks.iter().for_each(one);
        }
    }

    /// Tiles of (rows, panels): row blocks of [`BLOCK_ROWS`], and each split
    /// over panels when there are too few row blocks to keep every thread busy.
    fn tasks(&self, rows: usize) -> Vec<(usize, usize, usize, usize)> {
        let panels = self.outputs.div_ceil(PANEL);
        let row_blocks = rows.div_ceil(BLOCK_ROWS);
        let wanted = 4 * rayon::current_num_threads().max(1);
        let splits = wanted
            .div_ceil(row_blocks.max(1))
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
        a: &[E],
        rows: std::ops::Range<usize>,
        panels: std::ops::Range<usize>,
        out: SharedOut,
        accumulate: bool,
        run: TileFn<E>,
    ) {
        let mut p = panels.start;
        while p < panels.end {
            let np = (panels.end - p).min(TILE_PANELS);
            let mut r = rows.start;
            while r < rows.end {
                let nr = (rows.end - r).min(TILE_ROWS);
                let tile = Tile {
                    a: &a[r * self.steps..(r + nr) * self.steps],
                    b: &self.data[p * self.steps * PANEL..(p + np) * self.steps * PANEL],
                    steps: self.steps,
                    // SAFETY: row r, panel p is inside `out` (the caller's contract).
                    out: unsafe { out.0.add(r * self.outputs + p * PANEL) },
                    out_stride: self.outputs,
                    cols: self.outputs - p * PANEL,
                    accumulate,
                };
                // SAFETY: the caller's contract covers this tile.
                unsafe { run(&tile, nr, np) };
                r += nr;
            }
            p += np;
        }
    }
}

/// The output buffer, shared by tasks that write disjoint tiles.
#[derive(Clone, Copy)]
struct SharedOut(*mut f32);
// SAFETY: only ever used for disjoint writes (see `Panels::product`).
unsafe impl Send for SharedOut {}
unsafe impl Sync for SharedOut {}

/// One register tile: up to [`TILE_ROWS`] rows × [`TILE_PANELS`] panels.
pub(crate) struct Tile<'a, E> {
    /// The rows' steps, `[rows][steps]`.
    pub(crate) a: &'a [E],
    /// The panels' steps, `[panels][steps][16]`.
    pub(crate) b: &'a [E],
    pub(crate) steps: usize,
    /// The tile's first output; rows are `out_stride` apart.
    out: *mut f32,
    out_stride: usize,
    /// Outputs from the tile's first to the row's end: a panel past them
    /// is padding and stores only its first lanes.
    cols: usize,
    /// Add the sums to what `out` holds instead of overwriting it.
    accumulate: bool,
}

impl<E: Copy> Tile<'_, E> {
    /// Row `i`'s element at step `q`.
    #[inline(always)]
    pub(crate) fn input(&self, i: usize, q: usize) -> E {
        self.a[i * self.steps + q]
    }

    /// The 16 lanes of panel `p` at step `q`.
    #[inline(always)]
    pub(crate) fn lanes(&self, p: usize, q: usize) -> &[E] {
        &self.b[(p * self.steps + q) * PANEL..][..PANEL]
    }

    /// The inputs' and the panels' first elements, for kernels that read
    /// without a bounds check per element: every step of `R` rows and `P`
    /// panels is inside the slices (checked here, once a tile).
    #[inline(always)]
    pub(crate) fn pointers<const R: usize, const P: usize>(&self) -> (*const E, *const E) {
        assert!(self.a.len() >= R * self.steps && self.b.len() >= P * self.steps * PANEL);
        (self.a.as_ptr(), self.b.as_ptr())
    }

    /// The same sums by plain loops, with `dot` giving one step's product:
    /// the tiles' reference in tests, and the path of other CPUs.
    ///
    /// # Safety
    /// `out` must have `rows` rows of `min(16 · panels, cols)` writable floats.
    pub(crate) unsafe fn plain(&self, rows: usize, panels: usize, dot: impl Fn(E, E) -> f32) {
        for i in 0..rows {
            for p in 0..panels {
                let mut sums = [0f32; PANEL];
                for q in 0..self.steps {
                    let x = self.input(i, q);
                    for (s, &w) in sums.iter_mut().zip(self.lanes(p, q)) {
                        *s += dot(x, w);
                    }
                }
                let valid = self.cols.saturating_sub(p * PANEL).min(PANEL);
                for (j, s) in sums.into_iter().enumerate().take(valid) {
                    // SAFETY: inside the tile (the caller's contract).
                    unsafe {
                        let dst = self.out.add(i * self.out_stride + p * PANEL + j);
                        *dst = if self.accumulate { *dst + s } else { s };
                    }
                }
            }
        }
    }

    /// Writes (or adds) the tile's sums, only the valid lanes of a padded panel.
    ///
    /// # Safety
    /// As [`Tile::plain`]; the CPU has AVX-512F.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    pub(crate) unsafe fn store<const R: usize, const P: usize>(
        &self,
        acc: &[[std::arch::x86_64::__m512; P]; R],
    ) {
        use std::arch::x86_64::*;
        for (i, acc) in acc.iter().enumerate() {
            for (p, v) in acc.iter().enumerate() {
                let dst = self.out.wrapping_add(i * self.out_stride + p * PANEL);
                let valid = self.cols.saturating_sub(p * PANEL).min(PANEL);
                let mask = if valid == PANEL {
                    u16::MAX
                } else {
                    ((1u32 << valid) - 1) as u16
                };
                // SAFETY: inside the tile, only its valid lanes (the caller's contract).
                unsafe {
                    let v = if self.accumulate {
                        _mm512_add_ps(*v, _mm512_maskz_loadu_ps(mask, dst))
                    } else {
                        *v
                    };
                    _mm512_mask_storeu_ps(dst, mask, v)
                };
            }
        }
    }
}

/// Calls `$kernel::<R, P>($tile)` and returns for the tile shape
/// (`$rows`, `$panels`), up to 8 × 3; falls through for any other.
#[cfg(target_arch = "x86_64")]
macro_rules! dispatch_tiles {
    ($tile:expr, $rows:expr, $panels:expr, $kernel:ident) => {
        dispatch_tiles!(@ $tile, $rows, $panels, $kernel; 1 2 3 4 5 6 7 8)
    };
    (@ $tile:expr, $rows:expr, $panels:expr, $kernel:ident; $($r:literal)*) => {
        match ($rows, $panels) {
            $(
                ($r, 1) => return $kernel::<$r, 1>($tile),
                ($r, 2) => return $kernel::<$r, 2>($tile),
                ($r, 3) => return $kernel::<$r, 3>($tile),
            )*
            _ => {}
        }
    };
}
#[cfg(target_arch = "x86_64")]
pub(crate) use dispatch_tiles;

/// f32 weights in panels, for the fused-multiply-add tiles of AVX-512.
#[derive(Clone, Debug)]
pub(crate) struct F32Panels(Panels<f32>);

impl F32Panels {
    /// Whether this CPU runs the tiles (AVX-512F); elsewhere the general
    /// product keeps the weights as they are.
    pub(crate) fn available() -> bool {
        #[cfg(target_arch = "x86_64")]
        {
            std::arch::is_x86_feature_detected!("avx512f")
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            false
        }
    }

    /// Packs a row-major `[inputs, outputs]` matrix.
    pub(crate) fn pack(w: &[f32], inputs: usize, outputs: usize) -> Result<Self, String> {
        Panels::pack(w, inputs, outputs, 1, |v| v[0]).map(F32Panels)
    }

    /// Packs an `[inputs, outputs]` tensor where the tiles can use it (f32
    /// on a CPU with AVX-512); `None` elsewhere.
    pub(crate) fn from_tensor(
        weight_t: &candle_core::Tensor,
    ) -> candle_core::Result<Option<std::sync::Arc<Self>>> {
        if !weight_t.device().is_cpu()
            || weight_t.dtype() != candle_core::DType::F32
            || !Self::available()
        {
            return Ok(None);
        }
        let (inputs, outputs) = weight_t.dims2()?;
        let values = weight_t.flatten_all()?.to_vec1::<f32>()?;
        let panels = Self::pack(&values, inputs, outputs).map_err(candle_core::Error::msg)?;
        Ok(Some(std::sync::Arc::new(panels)))
    }

    /// Width of an input row.
    pub(crate) fn inputs(&self) -> usize {
        self.0.inputs()
    }

    /// Width of an output row.
    pub(crate) fn outputs(&self) -> usize {
        self.0.outputs()
    }

    /// `dst += x · W` (`x` `[rows, inputs]`, `dst` `[rows, outputs]`).
    pub(crate) fn matmul_accumulate(&self, dst: &mut [f32], x: &[f32]) -> Result<(), String> {
        self.0.product_accumulate(x, dst, f32_run)
    }

    /// `x · W`, `[rows, outputs]`.
    pub(crate) fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String> {
        self.0.product(x, f32_run)
    }

    /// The row-major `[inputs, outputs]` matrix back (for another precision).
    pub(crate) fn to_matrix(&self) -> Vec<f32> {
        let (inputs, outputs) = (self.inputs(), self.outputs());
        (0..inputs * outputs)
            .map(|i| self.0.at(i / outputs, i % outputs))
            .collect()
    }
}

/// A product computed on the host from f32 inputs, whatever the weights'
/// format: `[rows, inputs]` → `[rows, outputs]`, row-major.
pub(crate) trait HostProduct {
    fn inputs(&self) -> usize;
    fn outputs(&self) -> usize;
    fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String>;
}

impl HostProduct for F32Panels {
    fn inputs(&self) -> usize {
        F32Panels::inputs(self)
    }
    fn outputs(&self) -> usize {
        F32Panels::outputs(self)
    }
    fn matmul(&self, x: &[f32]) -> Result<Vec<f32>, String> {
        F32Panels::matmul(self, x)
    }
}

/// An f32 tile: the AVX-512 kernel where the CPU has it, else plain loops.
unsafe fn f32_run(tile: &Tile<'_, f32>, rows: usize, panels: usize) {
    #[cfg(target_arch = "x86_64")]
    if F32Panels::available() {
        // SAFETY: the CPU has AVX-512F; the caller's contract covers the tile.
        unsafe { dispatch_tiles!(tile, rows, panels, f32_tile) };
    }
    // SAFETY: the caller's contract.
    unsafe { tile.plain(rows, panels, |x, w| x * w) }
}

/// `R` rows × `P` panels in registers, one fused multiply-add per (row,
/// panel) and input.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn f32_tile<const R: usize, const P: usize>(tile: &Tile<'_, f32>) {
    use std::arch::x86_64::*;
    let steps = tile.steps;
    let (a, b) = tile.pointers::<R, P>();
    let mut acc = [[_mm512_setzero_ps(); P]; R];
    for q in 0..steps {
        // SAFETY: step q of panel p and of row i are inside `b` and `a` (`pointers`).
        let w: [__m512; P] =
            std::array::from_fn(|p| unsafe { _mm512_loadu_ps(b.add((p * steps + q) * PANEL)) });
        for (i, acc) in acc.iter_mut().enumerate() {
            let x = _mm512_set1_ps(unsafe { *a.add(i * steps + q) });
            for (acc, w) in acc.iter_mut().zip(&w) {
                *acc = _mm512_fmadd_ps(x, *w, *acc);
            }
        }
    }
    // SAFETY: the caller's contract.
    unsafe { tile.store(&acc) }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small deterministic pseudo-random matrix in [-1, 1).
    pub(crate) fn matrix(len: usize, seed: u32) -> Vec<f32> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (s >> 8) as f32 / (1u32 << 23) as f32 - 1.0
            })
            .collect()
    }

    /// Shapes with partial tiles, a padded panel, several row blocks and,
    /// for bf16, an odd input count.
    pub(crate) const SHAPES: [(usize, usize, usize); 6] = [
        (1, 7, 16),
        (5, 33, 48),
        (13, 64, 80),
        (70, 96, 160),
        (9, 6, 21),
        (300, 24, 40),
    ];

    /// A shape's inputs `[rows, k]` and weights `[k, n]`.
    pub(crate) fn operands((rows, k, n): (usize, usize, usize)) -> (Vec<f32>, Vec<f32>) {
        (matrix(rows * k, 7), matrix(k * n, 11))
    }

    /// `x · w` summed in f64, each operand first passed through `round`
    /// (the identity, or a lower precision's rounding).
    pub(crate) fn reference(
        x: &[f32],
        w: &[f32],
        (rows, k, n): (usize, usize, usize),
        round: impl Fn(f32) -> f32,
    ) -> Vec<f32> {
        let r = |v: f32| f64::from(round(v));
        let mut out = vec![0f32; rows * n];
        for i in 0..rows {
            for j in 0..n {
                let s: f64 = (0..k).map(|t| r(x[i * k + t]) * r(w[t * n + j])).sum();
                out[i * n + j] = s as f32;
            }
        }
        out
    }

    unsafe fn plain_only(tile: &Tile<'_, f32>, rows: usize, panels: usize) {
        unsafe { tile.plain(rows, panels, |x, w| x * w) }
    }

    #[test]
    fn f32_products_match_the_reference_for_every_tile_shape() {
        for &shape in &SHAPES {
            let (rows, k, n) = shape;
            let (x, w) = operands(shape);
            let packed = F32Panels::pack(&w, k, n).unwrap();
            let want = reference(&x, &w, shape, |v| v);
            let got = packed.matmul(&x).unwrap();
            let plain = packed.0.product(&x, plain_only).unwrap();
            // Accumulating onto ones adds one to every sum.
            let mut added = vec![1f32; rows * n];
            packed.matmul_accumulate(&mut added, &x).unwrap();
            for (((g, p), a), e) in got.iter().zip(&plain).zip(&added).zip(&want) {
                let tol = 1e-5 * (1.0 + e.abs());
                assert!((g - e).abs() <= tol, "{shape:?}: {g} vs {e}");
                assert!((p - e).abs() <= tol, "{shape:?} plain: {p} vs {e}");
                assert!(
                    (a - 1.0 - e).abs() <= tol,
                    "{shape:?} accumulated: {a} vs {e}"
                );
            }
            assert_eq!(packed.to_matrix(), w);
        }
    }

    #[test]
    fn bad_shapes_are_errors_not_panics() {
        assert!(F32Panels::pack(&[], 0, 4).is_err());
        assert!(F32Panels::pack(&[0.0; 16], 2, 16).is_err());
        let w = F32Panels::pack(&[0.0; 32], 2, 16).unwrap();
        assert!(w.matmul(&[1.0; 3]).is_err());
        assert!(w.matmul_accumulate(&mut [0.0; 15], &[1.0; 2]).is_err());
        assert_eq!(w.matmul(&[]).unwrap(), Vec::<f32>::new());
    }
}
