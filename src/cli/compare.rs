//! `quotestance compare`: every predictor on the written test split and the real-news dev split.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotestance::eval;
use quotestance::model::source;
use quotestance::stance::{self, Classifier, Predictor, Task};

use super::scored::ScoredSet;
use super::*;

/// Side by side, on the written test split and on the real-news dev split
/// (when present): the majority class, zero-shot and the trained heads of
/// each encoder, with 95% intervals from resampling articles.
#[derive(Args)]
pub struct CompareArgs {
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
    device: DeviceSpec,
}

impl CompareArgs {
    pub fn run(self) -> Result<ExitCode> {
        let CompareArgs {
            gold,
            real,
            bootstrap,
            json,
            offline,
            device,
        } = self;
        compare(
            &gold,
            real.or_else(realnews_dir).as_deref(),
            bootstrap,
            json.as_deref(),
            offline,
            device,
        )
    }
}

fn compare(
    gold: &Path,
    real: Option<&Path>,
    bootstrap: usize,
    json: Option<&Path>,
    offline: bool,
    device: DeviceSpec,
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
            device,
            offline,
            batch_size: 32,
            int8: false,
            bf16: false,
            prompt: None,
        };
        let (encoder, files) = match args.load() {
            Ok(loaded) => loaded,
            Err(err) => {
                eprintln!("skipping {}: {}", spec.name, error_chain(&err));
                continue;
            }
        };
        eprintln!("loaded {} ({})", spec.hub_id, files.dir().display());
        let heads = stance::find_heads(&heads_roots(), spec.name, &task.name);
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
