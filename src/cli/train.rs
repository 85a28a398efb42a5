//! `quotestance train`: trains the stance and sentiment heads.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotestance::eval;
use quotestance::stance::{self, Task};
use quotestance::train;

use super::*;

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
#[derive(Args)]
pub struct TrainArgs {
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
}

impl TrainArgs {
    pub fn run(self) -> Result<ExitCode> {
        let TrainArgs {
            data,
            gold,
            real,
            no_real,
            written,
            task,
            out,
            folds,
            adapt_epochs,
            adapt_layers,
            adapt_rank,
            adapt_contrastive,
            dev_errors,
            oof_out,
            features_out,
            small_grid,
            model,
        } = self;
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
