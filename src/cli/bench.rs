//! `quotestance bench-encoder` (hidden): encoder throughput for `make bench`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::*;

/// Encoder throughput for `make bench`: sentences per second at each batch
/// size over a file of sentences (model loading not timed), as JSON.
#[derive(Args)]
pub struct BenchEncoderArgs {
    input: PathBuf,
    #[arg(long, value_delimiter = ',', default_value = "1,8,32,128")]
    batch_sizes: Vec<usize>,
    /// Timed passes per batch size (the median is reported).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    #[command(flatten)]
    model: ModelArgs,
}

impl BenchEncoderArgs {
    pub fn run(self) -> Result<ExitCode> {
        let BenchEncoderArgs {
            input,
            batch_sizes,
            repeat,
            model,
        } = self;
        bench_encoder(&input, &batch_sizes, repeat, &model)
    }
}

fn bench_encoder(
    input: &Path,
    batch_sizes: &[usize],
    repeat: usize,
    args: &ModelArgs,
) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(input).with_context(|| format!("reading {}", input.display()))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut results = Vec::new();
    for &bs in batch_sizes {
        let mut args = args.clone();
        args.batch_size = bs;
        let (encoder, _) = args.load()?;
        let tokens: usize = encoder
            .tokenize(&lines)?
            .iter()
            .map(|(ids, _)| ids.len())
            .sum();
        encoder.embed(&lines[..lines.len().min(64)])?; // warm-up
        let mut times = Vec::new();
        for _ in 0..repeat.max(1) {
            let start = std::time::Instant::now();
            let e = encoder.embed(&lines)?;
            times.push(start.elapsed().as_secs_f64());
            std::hint::black_box(e);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        results.push(serde_json::json!({
            "batch_size": bs,
            "sentences": lines.len(),
            "tokens": tokens,
            "seconds": median,
            "sentences_per_second": lines.len() as f64 / median,
        }));
    }
    println!(
        "{}",
        serde_json::json!({ "impl": "quotestance (Candle)", "threads": rayon::current_num_threads(), "results": results })
    );
    Ok(ExitCode::SUCCESS)
}
