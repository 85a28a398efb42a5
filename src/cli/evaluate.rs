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
    /// A directory of gold JSON files, or an annotated corpus file (.jsonl, the
    /// PolNeAR/GGT format). Repeat it to score extraction on several sets side
    /// by side (with --extraction-only); there DIR@SPLIT takes one split of a
    /// gold directory (evaluation/gold@test).
    #[arg(long, default_value = "evaluation/gold")]
    gold: Vec<PathBuf>,
    /// Only articles of this split (train, dev or test); all when absent.
    /// Applies to gold directories.
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
    /// With several --gold sets: also write the table as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// With --extraction-only: also score another extractor, run as a command
    /// (through `sh -c`) once per set. It reads JSON lines {"id","text"} on
    /// stdin and writes one line per article, {"id","quotes":[{"start","end",
    /// "kind","speaker"}]}, byte offsets (bench/textacy_quotes.py).
    #[arg(long, value_name = "NAME=COMMAND", value_parser = parse_external)]
    external: Vec<(String, String)>,
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
            json,
            external,
            classifier,
        } = self;
        if gold.len() > 1 || !external.is_empty() {
            if !extraction_only {
                anyhow::bail!(
                    "several --gold sets, or --external extractors, are scored side by side for extraction only: add --extraction-only"
                );
            }
            return extraction_sets(&gold, split, errors, bootstrap, json.as_deref(), &external);
        }
        let gold = gold.into_iter().next().unwrap_or_default();
        if is_corpus_file(&gold) && !extraction_only {
            anyhow::bail!(
                "{} is an annotated corpus with no stance labels: add --extraction-only",
                gold.display()
            );
        }
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

/// `NAME=COMMAND` of `--external`.
fn parse_external(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((name, command)) if !name.trim().is_empty() && !command.trim().is_empty() => {
            Ok((name.trim().to_string(), command.to_string()))
        }
        _ => Err(format!(
            "`{value}`: expected NAME=COMMAND, e.g. textacy=\"python3 bench/textacy_quotes.py\""
        )),
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
    let set = ScoredSet::new(&split_name, load_set(gold_dir, split)?);
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
        print_errors(&scores.errors);
    }
    if extraction_only {
        return Ok(ExitCode::SUCCESS);
    }
    stance_scores(&set, out, bootstrap, args)
}

/// Every extraction and attribution mistake, one a line.
fn print_errors(errors: &[eval::extraction::ExtractionError]) {
    {
        for e in errors {
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
}

/// Stance and sentiment of every predictor on the set's gold quotes and end
/// to end, printed and (with `out`) written as reports.
fn stance_scores(
    set: &ScoredSet,
    out: Option<&Path>,
    bootstrap: usize,
    args: &ClassifierArgs,
) -> Result<ExitCode> {
    let (articles, extractions) = (&set.articles, &set.extractions);
    let split_name = set.name.clone();
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

/// `DIR@SPLIT` as the directory and its split; any other value as it is,
/// with the `--split` given.
fn split_suffix(
    value: &Path,
    split: Option<eval::Split>,
) -> Result<(PathBuf, Option<eval::Split>)> {
    let text = value.to_string_lossy();
    match text.rsplit_once('@') {
        Some((dir, s)) if !value.exists() => {
            let s = s.parse::<eval::Split>().map_err(anyhow::Error::msg)?;
            Ok((PathBuf::from(dir), Some(s)))
        }
        _ => Ok((value.to_path_buf(), split)),
    }
}

/// An annotated corpus file (the PolNeAR/GGT JSON Lines format), not a gold directory.
fn is_corpus_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl")
}

/// The gold articles of a `--gold` value: a corpus file, or a gold directory
/// (only `split` when given).
fn load_set(path: &Path, split: Option<eval::Split>) -> Result<Vec<eval::GoldArticle>> {
    if is_corpus_file(path) {
        Ok(eval::external::load_external(path)?)
    } else {
        Ok(eval::load_gold_dir(path, split)?)
    }
}

/// A short name for a set: the corpus's folder (`ggt`), or the gold
/// directory's with its split (`gold (test)`).
fn set_name(path: &Path, split: Option<eval::Split>) -> String {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    if is_corpus_file(path) {
        return path.parent().map(name).unwrap_or_else(|| name(path));
    }
    match split {
        Some(s) => format!("{} ({})", name(path), format!("{s:?}").to_lowercase()),
        None => name(path),
    }
}

/// One row of the side-by-side extraction table.
#[derive(serde::Serialize)]
struct ExtractionRow {
    set: String,
    method: String,
    articles: usize,
    gold_quoted: usize,
    gold_indirect: usize,
    quoted_precision: f64,
    quoted_recall: f64,
    /// `[value, 95% low, 95% high]`.
    quoted_f1: [f64; 3],
    indirect_f1: Option<[f64; 3]>,
    /// Speaker equal to gold after normalisation.
    attribution_strict: Option<[f64; 3]>,
    /// Also the same surname, or one name inside the other (a corpus that
    /// gives the mention as written, "Clinton", against "Hillary Clinton").
    attribution_lenient: Option<[f64; 3]>,
    /// Matched quotes with a gold speaker (the attribution's denominator).
    attributed: usize,
}

/// Extraction and attribution on several gold sets, the extractor beside
/// the plain quote-mark scanner, with 95% intervals over articles.
fn extraction_sets(
    paths: &[PathBuf],
    split: Option<eval::Split>,
    errors: bool,
    bootstrap: usize,
    json: Option<&Path>,
    external: &[(String, String)],
) -> Result<ExitCode> {
    let mut rows = Vec::new();
    for value in paths {
        let (path, split) = split_suffix(value, split)?;
        let name = set_name(&path, split);
        let articles = load_set(&path, split).with_context(|| format!("reading the set {name}"))?;
        eprintln!("{name}: {} articles", articles.len());
        use eval::extraction::{ExtractionCounts, ExtractionScores};
        let texts: Vec<(&str, &str)> = articles
            .iter()
            .map(|g| (g.id.as_str(), g.text.as_str()))
            .collect();
        // (name, its extraction of each article, whether it finds indirect speech)
        let mut methods: Vec<(String, Vec<quotestance::quotes::Extraction>, bool)> = vec![
            (
                "quotestance".into(),
                texts
                    .iter()
                    .map(|(_, t)| quotestance::quotes::extract(t))
                    .collect(),
                true,
            ),
            (
                "quote-mark scan".into(),
                texts
                    .iter()
                    .map(|(_, t)| eval::baseline::quote_mark_scan(t))
                    .collect(),
                false,
            ),
        ];
        for (method, command) in external {
            eprintln!("{name}: running {method} ({command})");
            let extractions = eval::command::extract_with_command(command, &texts)
                .with_context(|| format!("scoring {method} on {name}"))?;
            let indirect = extractions
                .iter()
                .flat_map(|e| &e.quotes)
                .any(|q| q.kind == quotestance::quotes::QuoteKind::Indirect);
            methods.push((method.clone(), extractions, indirect));
        }
        for (method, extractions, finds_indirect) in methods {
            let names_speakers = extractions.iter().any(|e| !e.speakers.is_empty());
            // Scored article by article: the intervals resample these counts.
            let scores: Vec<ExtractionScores> = articles
                .iter()
                .zip(&extractions)
                .map(|(g, e)| eval::score_extraction(&[(g, e)]))
                .collect();
            let per_article: Vec<_> = scores.iter().map(ExtractionCounts::from_scores).collect();
            let total = ExtractionCounts::sum(&per_article);
            let [quoted, indirect, strict, lenient] =
                eval::extraction::extraction_intervals(&per_article, bootstrap, 20261128);
            let triple = |(v, lo, hi): (f64, f64, f64)| [v, lo, hi];
            let prf = |c: [usize; 3]| eval::metrics::Prf::from_counts(c[0], c[1], c[2]);
            rows.push(ExtractionRow {
                set: name.clone(),
                method: method.clone(),
                articles: articles.len(),
                gold_quoted: total.quoted[2],
                gold_indirect: total.indirect[2],
                quoted_precision: prf(total.quoted).precision,
                quoted_recall: prf(total.quoted).recall,
                quoted_f1: triple(quoted),
                indirect_f1: (finds_indirect && total.indirect[2] > 0).then(|| triple(indirect)),
                attribution_strict: (names_speakers && total.attribution[0] > 0)
                    .then(|| triple(strict)),
                attribution_lenient: (names_speakers && total.attribution[0] > 0)
                    .then(|| triple(lenient)),
                attributed: total.attribution[0],
            });
            if errors && method == "quotestance" {
                println!("{name}:");
                let all: Vec<_> = scores.into_iter().flat_map(|s| s.errors).collect();
                print_errors(&all);
            }
        }
    }
    let cell = |v: &Option<[f64; 3]>| {
        v.map_or("-".to_string(), |[x, lo, hi]| {
            format!("{x:.3} ({lo:.3}–{hi:.3})")
        })
    };
    println!("extraction and attribution, 95% intervals from {bootstrap} resamples of articles");
    println!(
        "{:<22} {:<15} {:>8} {:>6} {:>6} {:>6} {:>21} {:>21} {:>21} {:>21}",
        "set",
        "method",
        "articles",
        "quotes",
        "P",
        "R",
        "quoted F1",
        "indirect F1",
        "attribution strict",
        "attribution lenient"
    );
    for r in &rows {
        println!(
            "{:<22} {:<15} {:>8} {:>6} {:>6.3} {:>6.3} {:>21} {:>21} {:>21} {:>21}",
            r.set,
            r.method,
            r.articles,
            r.gold_quoted,
            r.quoted_precision,
            r.quoted_recall,
            cell(&Some(r.quoted_f1)),
            cell(&r.indirect_f1),
            cell(&r.attribution_strict),
            cell(&r.attribution_lenient),
        );
    }
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&rows)? + "\n";
        quotestance::fsutil::write_atomic(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
