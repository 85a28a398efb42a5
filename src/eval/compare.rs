//! Predictors side by side on several gold sets: per (set, predictor) the
//! quote stance macro-F1 (gold quotes given), speaker stance accuracy and
//! quote sentiment macro-F1, each with a 95% interval from resampling
//! articles, the end-to-end quote stance macro-F1, and the per-label stance F1.

use serde::Serialize;

use super::gold::GoldArticle;
use super::report::{headlines, EvalInput, Headline, Predictions};
use super::stance::{score_stance, StanceRun};
use crate::quotes::Extraction;
use crate::stance::Task;

/// One predictor on one set.
#[derive(Debug, Clone, Serialize)]
pub struct CompareRow {
    /// Name of the gold set.
    pub set: String,
    /// Name of the predictor.
    pub predictor: String,
    /// Number of articles in the set.
    pub articles: usize,
    /// Number of gold quotes in the set.
    pub quotes: usize,
    /// Quote stance macro-F1 with gold quotes given, 0–1, with its 95% interval.
    pub quote_stance_macro_f1: Headline,
    /// Quote stance macro-F1 on extracted quotes matched to gold, 0–1, with its 95%
    /// interval.
    pub end_to_end_quote_stance_macro_f1: Headline,
    /// Speaker stance accuracy from gold quotes, 0–1, with its 95% interval.
    pub speaker_stance_accuracy: Headline,
    /// Quote sentiment macro-F1 with gold quotes given, 0–1, with its 95% interval.
    pub quote_sentiment_macro_f1: Headline,
    /// Per stance label, F1 with gold quotes given.
    pub stance_f1_per_label: Vec<(String, f64)>,
}

/// Scores each predictor on one set (`gold` with its `extractions`).
pub fn compare_set(
    set: &str,
    gold: &[GoldArticle],
    extractions: &[Extraction],
    task: &Task,
    predictors: Vec<Predictions>,
    bootstrap: usize,
) -> Vec<CompareRow> {
    let quotes = gold.iter().map(|a| a.quotes.len()).sum();
    predictors
        .into_iter()
        .map(|p| {
            let run = StanceRun {
                name: p.name.clone(),
                gold,
                oracle: p.oracle.clone(),
                end_to_end: None,
            };
            let scores = score_stance(task, &run);
            let per_label = task
                .labels
                .iter()
                .cloned()
                .zip(scores.quote_stance.per_label.iter().map(|l| l.f1))
                .collect();
            let name = p.name.clone();
            let h = headlines(&EvalInput {
                gold,
                extractions,
                task,
                predictors: vec![p],
                split: set.to_string(),
                bootstrap,
                seed: 20261128,
            });
            // headlines(): extraction (3), then stance gold, stance end to
            // end, speakers, sentiment.
            let pick = |k: usize| {
                h.get(k).cloned().unwrap_or(Headline {
                    name: String::new(),
                    value: f64::NAN,
                    ci_low: f64::NAN,
                    ci_high: f64::NAN,
                })
            };
            CompareRow {
                set: set.to_string(),
                predictor: name,
                articles: gold.len(),
                quotes,
                quote_stance_macro_f1: pick(3),
                end_to_end_quote_stance_macro_f1: pick(4),
                speaker_stance_accuracy: pick(5),
                quote_sentiment_macro_f1: pick(6),
                stance_f1_per_label: per_label,
            }
        })
        .collect()
}

fn cell(h: &Headline) -> String {
    format!("{:.3} ({:.2}–{:.2})", h.value, h.ci_low, h.ci_high)
}

/// The rows as a Markdown table, one line per (set, predictor).
pub fn to_markdown(rows: &[CompareRow]) -> String {
    let mut out = String::from(
        "| set | predictor | quote stance F1 | speaker accuracy | sentiment F1 | end-to-end stance F1 | stance F1 per label |\n|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let labels: Vec<String> = r
            .stance_f1_per_label
            .iter()
            .map(|(l, f)| format!("{} {f:.2}", &l[..l.len().min(4)]))
            .collect();
        out.push_str(&format!(
            "| {} ({} art., {} q.) | {} | {} | {} | {} | {:.3} | {} |\n",
            r.set,
            r.articles,
            r.quotes,
            r.predictor,
            cell(&r.quote_stance_macro_f1),
            cell(&r.speaker_stance_accuracy),
            cell(&r.quote_sentiment_macro_f1),
            r.end_to_end_quote_stance_macro_f1.value,
            labels.join(", ")
        ));
    }
    out
}
