//! `quotestance evaluate`: scores against a gold set, with reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotestance::eval;
use quotestance::output;
use quotestance::stance::{self, Classifier, Predictor, Task};

use super::scored::ScoredSet;
use super::*;

/// Score against the hand-labelled gold set (evaluation/README.md):
/// extraction, attribution, and (unless --extraction-only) stance and
/// sentiment for the majority class, zero-shot, the frozen-encoder
/// baseline head and the trained heads, side by side.
#[derive(Args)]
pub struct EvaluateArgs {
    /// Directory of gold JSON files.
    #[arg(long, default_value = "evaluation/gold")]
    gold: PathBuf,
    /// Only articles of this split (train, dev or test); all when absent.
    #[arg(long)]
    split: Option<eval::Split>,
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
}

impl EvaluateArgs {
    pub fn run(self) -> Result<ExitCode> {
        let EvaluateArgs {
            gold,
            split,
            errors,
            extraction_only,
            out,
            bootstrap,
            classifier,
        } = self;
        evaluate(
            &gold,
            split,
            errors,
            extraction_only,
            out.as_deref(),
            bootstrap,
            &classifier,
        )
    }
}

fn evaluate(
    gold_dir: &Path,
    split: Option<eval::Split>,
    errors: bool,
    extraction_only: bool,
    out: Option<&Path>,
    bootstrap: usize,
    args: &ClassifierArgs,
) -> Result<ExitCode> {
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
        .or_else(|| stance::find_heads(&heads_roots(), args.model.heads_key(), &task.name));
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
        eval::render::write_reports(&report, dir)
            .with_context(|| format!("writing reports to {}", dir.display()))?;
        println!(
            "\nwrote {0}/report.md, {0}/report.json, {0}/report.html",
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn majority_label(args: &ClassifierArgs, task: &Task) -> usize {
    let card = args
        .heads
        .clone()
        .or_else(|| stance::find_heads(&heads_roots(), args.model.heads_key(), &task.name))
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
