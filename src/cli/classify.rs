//! `quotestance classify`: the main job.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotestance::article::{self, Article, ReadOptions};
use quotestance::output;
use quotestance::stance::{self};

use super::*;

/// Classify every speaker's stance and every quote's sentiment (the main job).
/// Inputs: .txt files, .jsonl files (one {"id","text",...} a line),
/// directories of both (recursively, sorted), or - for stdin.
#[derive(Args)]
pub struct ClassifyArgs {
    /// Articles: .txt or .jsonl files, directories (recursive), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// table (one row per speaker), json, jsonl (one article a line), csv, markdown.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// List quotes (stance and sentiment each) instead of speakers.
    #[arg(long)]
    per_quote: bool,
    #[command(flatten)]
    classifier: ClassifierArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Articles whose quotes go to the encoder together (bounds memory).
    #[arg(long, default_value_t = 64)]
    batch_articles: usize,
    /// Write one JSON result per article into DIR (<id>.json, written
    /// atomically) instead of printing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// With --out: skip articles whose result file already exists.
    #[arg(long, requires = "out")]
    resume: bool,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

impl ClassifyArgs {
    pub fn run(self) -> Result<ExitCode> {
        let ClassifyArgs {
            inputs,
            format,
            per_quote,
            classifier,
            input,
            batch_articles,
            out,
            resume,
            quiet,
        } = self;
        classify(
            &inputs,
            &classifier,
            &input,
            &ClassifyRun {
                format,
                per_quote,
                batch: batch_articles,
                quiet,
                out_dir: out,
                resume,
            },
        )
    }
}

/// How `classify` runs and where its results go.
struct ClassifyRun {
    format: Format,
    per_quote: bool,
    batch: usize,
    quiet: bool,
    out_dir: Option<PathBuf>,
    resume: bool,
}

/// Where `classify` writes: stdout in one format, or one JSON file per article.
struct ClassifySink<'a> {
    out: std::io::BufWriter<std::io::StdoutLock<'a>>,
    run: &'a ClassifyRun,
    first: bool,
    truncated: usize,
    written: usize,
}

impl ClassifySink<'_> {
    fn emit(&mut self, r: &stance::ArticleResult, target: Option<&Path>) -> Result<()> {
        self.truncated += r.truncated_inputs;
        if let Some(path) = target {
            let json = serde_json::to_string_pretty(r)? + "\n";
            quotestance::fsutil::write_atomic(path, json.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            self.written += 1;
            return Ok(());
        }
        let (out, per_quote) = (&mut self.out, self.run.per_quote);
        match self.run.format {
            Format::Table => output::write_classify_table(out, r, per_quote)?,
            Format::Markdown => output::write_classify_markdown(out, r, per_quote)?,
            Format::Csv => output::write_classify_csv(out, r, per_quote)?,
            Format::Jsonl => writeln!(out, "{}", serde_json::to_string(r)?)?,
            Format::Json => {
                let sep = if self.first { "" } else { ",\n" };
                write!(out, "{sep}{}", serde_json::to_string_pretty(r)?)?;
            }
        }
        self.first = false;
        Ok(())
    }
}

/// Unique result file names (`ID.json`, then `ID-2.json`, …) in input order.
#[derive(Default)]
struct ResultNames(std::collections::HashMap<String, usize>);

impl ResultNames {
    fn next(&mut self, id: &str) -> String {
        let stem = quotestance::fsutil::safe_file_stem(id);
        let n = self
            .0
            .entry(stem.clone())
            .and_modify(|n| *n += 1)
            .or_insert(1usize);
        if *n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        }
    }
}

/// Reads one input file at a time and classifies articles in batches of
/// `--batch-articles`, so memory stays flat however many articles come in.
fn classify(
    inputs: &[PathBuf],
    args: &ClassifierArgs,
    input: &InputArgs,
    run: &ClassifyRun,
) -> Result<ExitCode> {
    let classifier = args.load()?;
    let sources = article::plan_inputs(inputs);
    let options = ReadOptions {
        max_bytes: input.max_bytes,
    };
    if let Some(dir) = &run.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let progress =
        (!run.quiet && sources.len() > 1 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(sources.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files {per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let to_stdout = run.out_dir.is_none();
    let mut sink = ClassifySink {
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        run,
        first: true,
        truncated: 0,
        written: 0,
    };
    if to_stdout && run.format == Format::Csv {
        writeln!(sink.out, "{}", output::csv_header(run.per_quote))?;
    }
    if to_stdout && run.format == Format::Json {
        writeln!(sink.out, "[")?;
    }
    let mut names = ResultNames::default();
    let (mut total, mut failed, mut skipped) = (0usize, 0usize, 0usize);
    let mut pending: Vec<(Article, Option<PathBuf>)> = Vec::new();
    let flush = |pending: &mut Vec<(Article, Option<PathBuf>)>, sink: &mut ClassifySink| {
        let refs: Vec<&Article> = pending.iter().map(|(a, _)| a).collect();
        let results = classifier.classify(&refs)?;
        for (r, (_, target)) in results.iter().zip(pending.iter()) {
            sink.emit(r, target.as_deref())?;
        }
        pending.clear();
        anyhow::Ok(())
    };
    let mut stop = false;
    for source in &sources {
        for item in source.read(options) {
            total += 1;
            match item {
                Ok(a) => {
                    let target = run.out_dir.as_ref().map(|d| d.join(names.next(&a.id)));
                    if run.resume && target.as_ref().is_some_and(|p| p.is_file()) {
                        skipped += 1;
                        continue;
                    }
                    pending.push((a, target));
                    if pending.len() >= run.batch.max(1) {
                        flush(&mut pending, &mut sink)?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {}", ingest_message(&e));
                    if input.fail_fast {
                        // Inputs before the failure are still processed; nothing after it.
                        eprintln!("stopping at the first failed input (--fail-fast)");
                        stop = true;
                        break;
                    }
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        if stop {
            break;
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut sink)?;
    }
    if to_stdout && run.format == Format::Json {
        writeln!(sink.out, "\n]")?;
    }
    sink.out.flush()?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if skipped > 0 {
        eprintln!(
            "resume: {} already {} results in the output directory",
            output::count(skipped, "article"),
            if skipped == 1 { "has" } else { "have" }
        );
    }
    if let Some(dir) = &run.out_dir {
        eprintln!(
            "wrote {} to {}",
            output::count(sink.written, "result"),
            dir.display()
        );
    }
    if sink.truncated > 0 {
        let verb = if sink.truncated == 1 { "was" } else { "were" };
        eprintln!(
            "note: {} {verb} longer than {} word pieces and {verb} cut for the encoder",
            output::count(sink.truncated, "quote"),
            classifier.encoder.options().max_tokens
        );
    }
    Ok(finish(failed, total))
}
