//! The command line, one file a command; this file holds what several
//! commands share: argument groups, input reading, exit codes, logging.

pub mod bench;
pub mod classify;
pub mod compare;
pub mod embed;
pub mod evaluate;
pub mod model;
pub mod oof_scores;
pub mod quotes;
pub mod scored;
pub mod train;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};

use quotestance::article::{self, Article, IngestError, ReadOptions};
use quotestance::model::{
    source, DeviceSpec, Encoder, EncoderOptions, ModelFiles, ModelQuery, ModelSpec, MINILM,
};
use quotestance::stance::{self, Classifier, Task};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

/// Options for reading inputs.
#[derive(Args, Clone)]
pub struct InputArgs {
    /// Largest input file read, in bytes.
    #[arg(long, default_value_t = article::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Stop at the first input that cannot be read (exit code 1); inputs
    /// before it are still processed.
    #[arg(long)]
    fail_fast: bool,
}

/// Options shared by every command that loads the encoder.
#[derive(Args, Clone)]
pub struct ModelArgs {
    /// The encoder: `minilm` (all-MiniLM-L6-v2, fast), `gemma`
    /// (EmbeddingGemma-300M, more accurate), or a directory holding
    /// config.json, tokenizer.json and model.safetensors. A named model is
    /// looked for in the per-user cache, the Hugging Face cache, then
    /// downloaded.
    #[arg(long, value_name = "NAME|DIR", default_value = DEFAULT_ENCODER)]
    model: String,
    /// auto, cpu, cuda, cuda:N, metal (auto = best compiled-in device present).
    #[arg(long, default_value = "auto")]
    device: DeviceSpec,
    /// Never try to download the model.
    #[arg(long)]
    offline: bool,
    /// Sentences per encoder batch.
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
    /// EmbeddingGemma with 8-bit (Q8_0) weights in its transformer layers:
    /// an experiment, not the shipped setting (see the gemma model card).
    #[arg(long, hide = true)]
    int8: bool,
    /// EmbeddingGemma's transformer products in bf16 (f32 sums), CPU only:
    /// about 1.7x faster on CPUs with AVX-512 BF16, embeddings within cosine
    /// 0.9998 of f32 on real news (see the gemma model card).
    #[arg(long, conflicts_with = "int8")]
    bf16: bool,
    /// A task prompt other than the model's `Classification` one: a prompt
    /// name from the model's sentence-transformers config, or the literal
    /// text (an experiment: heads are trained with the default).
    #[arg(long, hide = true, value_name = "NAME|TEXT")]
    prompt: Option<String>,
}

/// Which classifier to use.
#[derive(Args, Clone)]
pub struct ClassifierArgs {
    /// Trained heads directory (default: models/heads/<model>/<task name>).
    #[arg(long, value_name = "DIR")]
    heads: Option<PathBuf>,
    /// A task TOML file (target, labels, hypotheses); see evaluation/tasks/.
    #[arg(long, value_name = "FILE")]
    task: Option<PathBuf>,
    /// Use zero-shot similarity to the task's hypotheses instead of trained heads.
    #[arg(long)]
    zero_shot: bool,
    #[command(flatten)]
    model: ModelArgs,
}

/// Where trained heads are looked for: `./models/heads`, then the source
/// tree this binary was built from (so it runs from any directory).
pub fn heads_roots() -> Vec<PathBuf> {
    vec![
        PathBuf::from("models/heads"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("models/heads"),
    ]
}

/// The real-news gold directory, when present: `$QUOTESTANCE_REALNEWS`, else
/// `.cache/realnews-gold` (what `make realnews` writes).
fn realnews_dir() -> Option<PathBuf> {
    std::env::var_os("QUOTESTANCE_REALNEWS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from(".cache/realnews-gold")).filter(|p| p.is_dir()))
}

/// `cpu`, `cuda` or `metal`: cached embeddings are kept apart per device.
fn device_name(device: &candle_core::Device) -> &'static str {
    match device {
        candle_core::Device::Cpu => "cpu",
        candle_core::Device::Cuda(_) => "cuda",
        candle_core::Device::Metal(_) => "metal",
    }
}

/// The encoder used when `--model` is not given.
const DEFAULT_ENCODER: &str = quotestance::pipeline::DEFAULT_MODEL;

impl ModelArgs {
    /// The named model, or the directory `--model` names (with the default
    /// model's spec, used only for its name).
    fn query(&self) -> ModelQuery {
        match ModelSpec::by_name(&self.model) {
            Some(spec) => ModelQuery::standard(spec, None, self.offline),
            None => ModelQuery::standard(&MINILM, Some(PathBuf::from(&self.model)), self.offline),
        }
    }

    fn files(&self) -> Result<ModelFiles> {
        Ok(source::locate(&self.query())?)
    }

    /// The name heads are filed under for this encoder (`models/heads/<name>/`);
    /// a `--model DIR` counts as the default encoder.
    fn heads_key(&self) -> &'static str {
        ModelSpec::by_name(&self.model)
            .map(|s| s.name)
            .unwrap_or(DEFAULT_ENCODER)
    }

    fn load(&self) -> Result<(Encoder, ModelFiles)> {
        let device = self.device.open()?;
        let files = self.files()?;
        let options = EncoderOptions {
            batch_size: self.batch_size,
            ..EncoderOptions::default()
        };
        let mut encoder = Encoder::load(&files, &device, options)?;
        if self.int8 {
            encoder.quantize_int8()?;
        }
        if self.bf16 {
            encoder.use_bf16()?;
        }
        if let Some(prompt) = &self.prompt {
            let text = encoder
                .prompts()
                .iter()
                .find(|(name, _)| name == prompt)
                .map_or(prompt.clone(), |(_, text)| text.clone());
            encoder.set_prompt(&text);
        }
        // Development runs may keep embeddings across runs (never on by default).
        if let Some(dir) = std::env::var_os("QUOTESTANCE_EMBEDDING_CACHE").filter(|v| !v.is_empty())
        {
            let name = format!(
                "{}-{}{}",
                files.weights_sha256()?.get(..16).unwrap_or(""),
                device_name(&device),
                match (self.int8, self.bf16) {
                    (true, _) => "-int8",
                    (_, true) => "-bf16",
                    _ => "",
                }
            );
            encoder.enable_cache(Path::new(&dir), &name)?;
        }
        Ok((encoder, files))
    }
}

impl ClassifierArgs {
    fn task(&self) -> Result<Option<Task>> {
        self.task
            .as_ref()
            .map(|p| Task::from_toml_file(p).map_err(anyhow::Error::from))
            .transpose()
    }

    fn load(&self) -> Result<Classifier> {
        let (encoder, files) = self.model.load()?;
        let task = self.task()?;
        let task_name = task
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_else(|| Task::default_stance().name);
        if self.zero_shot {
            return Ok(Classifier::zero_shot(
                encoder,
                task.unwrap_or_else(Task::default_stance),
            )?);
        }
        let encoder_key = self.model.heads_key();
        let heads = self
            .heads
            .clone()
            .or_else(|| stance::find_heads(&heads_roots(), encoder_key, &task_name));
        match heads {
            Some(dir) => {
                let c = Classifier::with_heads(encoder, &dir, files.pinned_weights_sha256())
                    .with_context(|| format!("loading heads from {}", dir.display()))?;
                if let Some(t) = task {
                    if t.labels != c.task.labels {
                        bail!("the heads in {} were trained for labels {:?}, the task file has {:?}", dir.display(), c.task.labels, t.labels);
                    }
                }
                Ok(c)
            }
            None if task.is_some() => {
                tracing::warn!("no trained heads for task `{task_name}`: using zero-shot");
                Ok(Classifier::zero_shot(encoder, task.unwrap_or_else(Task::default_stance))?)
            }
            None => bail!("no trained heads for task `{task_name}` and encoder `{encoder_key}` under models/heads/; run `make train`, or pass --zero-shot"),
        }
    }
}

/// The error and its causes joined by `: `, skipping a cause whose text the
/// message already ends with (library errors print their own source, as in
/// `path: No such file or directory`, and would otherwise say it twice).
pub fn error_chain(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.ends_with(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    if let Some(advice) = err
        .chain()
        .find_map(|e| e.downcast_ref::<quotestance::Error>())
        .and_then(advice)
    {
        message.push_str(advice);
    }
    message
}

/// What to do about a library error, in this command line's terms (the
/// library's messages say what went wrong, not which command fixes it).
fn advice(err: &quotestance::Error) -> Option<&'static str> {
    use quotestance::Error as E;
    Some(match err {
        E::ModelNotFound { .. } => ". To get it, run `make model` (or `quotestance model fetch`)",
        E::NotADirectory { .. } => {
            " (--model takes a directory holding config.json, tokenizer.json and model.safetensors)"
        }
        E::MissingFile { .. } | E::WrongSize { .. } => {
            "; run `make model` (or `quotestance model fetch`)"
        }
        E::Checksum { .. } => "; delete it and run `make model` (or `quotestance model fetch`)",
        E::CardRead { .. } => "; train heads with `make train`",
        E::HeadsForOtherEncoder { .. } => {
            ". Use --model with that encoder, or retrain with `make train`"
        }
        E::HeadLoad { .. } => "; retrain with `make train`",
        E::Ingest(e) => return ingest_advice(e),
        _ => return None,
    })
}

fn ingest_advice(err: &IngestError) -> Option<&'static str> {
    matches!(err, IngestError::TooLarge { .. }).then_some("; raise it with --max-bytes")
}

/// An input's error as printed: the library's message and what to do.
fn ingest_message(err: &IngestError) -> String {
    format!("{err}{}", ingest_advice(err).unwrap_or(""))
}

pub fn init_logging(verbose: u8) {
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

/// Reads inputs, printing each failure; returns the articles and the failure count.
fn read_articles(inputs: &[PathBuf], args: &InputArgs) -> (Vec<Article>, usize, usize) {
    let results = article::read_inputs(
        inputs,
        ReadOptions {
            max_bytes: args.max_bytes,
        },
    );
    let total = results.len();
    let mut ok = Vec::new();
    let mut failed = 0;
    for r in results {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => {
                failed += 1;
                eprintln!("error: {}", ingest_message(&e));
                if args.fail_fast {
                    // Inputs before the failure are still processed; nothing after it.
                    eprintln!("stopping at the first failed input (--fail-fast)");
                    break;
                }
            }
        }
    }
    (ok, failed, total)
}

fn finish(failed: usize, total: usize) -> ExitCode {
    if failed > 0 {
        eprintln!("{failed} of {total} inputs failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
