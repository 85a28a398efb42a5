//! `quotestance quotes`: extraction only, no model.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use quotestance::output;

use super::*;

/// List every quote with its kind, speaker and byte span. Needs no model.
#[derive(Args)]
pub struct QuotesArgs {
    /// Articles: .txt or .jsonl files, directories (recursive), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// table, json (one array), jsonl (one article a line), csv (one quote a
    /// row), markdown (a table per article).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
}

impl QuotesArgs {
    pub fn run(self) -> Result<ExitCode> {
        let QuotesArgs {
            inputs,
            format,
            input,
        } = self;
        quotes(&inputs, format, &input)
    }
}

fn quotes(inputs: &[PathBuf], format: Format, args: &InputArgs) -> Result<ExitCode> {
    let (articles, failed, total) = read_articles(inputs, args);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut json_docs = Vec::new();
    if format == Format::Csv {
        writeln!(out, "{}", output::QUOTES_CSV_HEADER)?;
    }
    for art in &articles {
        let extraction = quotestance::quotes::extract(&art.text);
        let doc = output::QuotesDocument::new(art, &extraction);
        match format {
            Format::Table => output::write_quotes_table(&mut out, &doc)?,
            Format::Csv => output::write_quotes_csv(&mut out, &doc)?,
            Format::Markdown => output::write_quotes_markdown(&mut out, &doc)?,
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(&doc)?)?,
            Format::Json => json_docs.push(serde_json::to_value(&doc)?),
        }
    }
    if format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&json_docs)?)?;
    }
    out.flush()?;
    Ok(finish(failed, total))
}
