//! `quotestance embed`: one embedding per line of text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use super::*;

/// Embed lines of text (FILE or - for stdin), one JSON object per line:
/// {"text", "tokens", "truncated", "embedding"}.
#[derive(Args)]
pub struct EmbedArgs {
    /// A text file with one sentence a line, or - for stdin.
    input: PathBuf,
    #[command(flatten)]
    model: ModelArgs,
}

impl EmbedArgs {
    pub fn run(self) -> Result<ExitCode> {
        let EmbedArgs { input, model } = self;
        embed(&input, &model)
    }
}

fn embed(input: &Path, args: &ModelArgs) -> Result<ExitCode> {
    let text = if input.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading stdin")?
    } else {
        std::fs::read_to_string(input).with_context(|| format!("reading {}", input.display()))?
    };
    let lines: Vec<&str> = text.lines().collect();
    let (encoder, _) = args.load()?;
    let tokens = encoder.tokenize(&lines)?;
    let embeddings = encoder.embed(&lines)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, line) in lines.iter().enumerate() {
        let record = serde_json::json!({
            "text": line,
            "tokens": tokens[i].0.len(),
            "truncated": tokens[i].1,
            "embedding": embeddings.row(i),
        });
        writeln!(out, "{record}")?;
    }
    if !embeddings.truncated.is_empty() {
        eprintln!(
            "note: {} of {} lines were cut at {} word pieces",
            embeddings.truncated.len(),
            lines.len(),
            encoder.options().max_tokens
        );
    }
    Ok(ExitCode::SUCCESS)
}
