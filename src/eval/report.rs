//! The evaluation report: one in-memory result with every score, interval,
//! per-article row and mistake ([`super::render`] writes it out).
//! Deterministic: fixed bootstrap seed, stable order, no timestamps.

use serde::Serialize;

use super::extraction::{score_extraction, ExtractionScores};
use super::gold::GoldArticle;
use super::metrics::{percentile, SplitMix64};
use super::stance::{gold_speaker_items, reliability, score_stance, PredictorScores, StanceRun};
use crate::quotes::Extraction;
use crate::stance::{aggregate, head::argmax, QuotePrediction, Task};

/// One predictor's outputs on the gold articles.
pub struct Predictions {
    /// Name of the predictor, as shown in the report.
    pub name: String,
    /// Per article, one prediction per gold quote.
    pub oracle: Vec<Vec<QuotePrediction>>,
    /// Per article, one prediction per extracted quote.
    pub end_to_end: Vec<Vec<QuotePrediction>>,
}

/// Everything an evaluation report is built from.
pub struct EvalInput<'a> {
    /// The gold articles.
    pub gold: &'a [GoldArticle],
    /// One extraction per gold article, in the same order.
    pub extractions: &'a [Extraction],
    /// The stance task: target and labels.
    pub task: &'a Task,
    /// Side by side; the last is the one the errors and charts describe.
    pub predictors: Vec<Predictions>,
    /// Name of the split, shown in the report.
    pub split: String,
    /// Number of bootstrap resamples for the 95% intervals.
    pub bootstrap: usize,
    /// Seed of the bootstrap's random generator.
    pub seed: u64,
}

/// One headline number with its 95% bootstrap interval.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// What is measured.
    pub name: String,
    /// The measure on all articles, 0–1.
    pub value: f64,
    /// Lower end of the 95% interval (2.5th percentile of the resamples).
    pub ci_low: f64,
    /// Upper end of the 95% interval (97.5th percentile of the resamples).
    pub ci_high: f64,
}

/// One gold speaker's stance, gold and as predicted from their gold quotes.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    /// Id of the article.
    pub article: String,
    /// Speaker name.
    pub speaker: String,
    /// Number of the speaker's gold quotes.
    pub quotes: usize,
    /// Gold stance label.
    pub gold: String,
    /// Stance label aggregated from the predictions on the speaker's quotes.
    pub predicted: String,
}

/// How the last predictor did on one article (gold quotes given): shows
/// whether errors are spread out or concentrated in a few articles.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    /// Id of the article.
    pub article: String,
    /// Number of gold quotes.
    pub quotes: usize,
    /// Quotes whose predicted stance is right.
    pub stance_correct: usize,
    /// Quotes whose predicted sentiment is right.
    pub sentiment_correct: usize,
    /// Gold speakers with at least one gold quote.
    pub speakers: usize,
    /// Of those, speakers whose aggregated stance is right.
    pub speakers_correct: usize,
}

/// A gold quote whose stance or sentiment the last predictor got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct StanceMistake {
    /// Id of the article.
    pub article: String,
    /// Byte offset where the quote starts.
    pub start: usize,
    /// Byte offset just past the quote's end.
    pub end: usize,
    /// The quote's text.
    pub text: String,
    /// Gold speaker name.
    pub speaker: String,
    /// Gold stance label.
    pub gold_stance: String,
    /// Predicted stance label.
    pub predicted_stance: String,
    /// Gold sentiment label.
    pub gold_sentiment: String,
    /// Predicted sentiment label.
    pub predicted_sentiment: String,
    /// Probability of the predicted stance, 0–1, rounded to three decimals.
    pub probability: f32,
}

/// The full evaluation result, as written to report.json.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Tool name and version that produced the report.
    pub tool: String,
    /// Name of the split scored.
    pub split: String,
    /// Number of gold articles.
    pub articles: usize,
    /// Number of gold quotes.
    pub quotes: usize,
    /// The stance target, in words.
    pub task: String,
    /// The stance labels, in index order.
    pub labels: Vec<String>,
    /// How the 95% intervals were computed.
    pub bootstrap: BootstrapInfo,
    /// Headline numbers (extraction, and the last predictor) with 95% intervals.
    pub headline: Vec<Headline>,
    /// Extraction and attribution scores.
    pub extraction: ExtractionScores,
    /// Stance and sentiment scores, one entry per predictor, in input order.
    pub stance: Vec<PredictorScores>,
    /// (mean confidence, accuracy, count) per bin, for the last predictor.
    pub reliability: Vec<(f64, f64, usize)>,
    /// Per gold speaker, gold and predicted stance, for the last predictor.
    pub speakers: Vec<SpeakerRow>,
    /// Per-article results of the last predictor, gold quotes given.
    pub per_article: Vec<ArticleRow>,
    /// Gold quotes the last predictor got wrong (stance or sentiment).
    pub stance_errors: Vec<StanceMistake>,
}

/// Settings of the bootstrap behind the 95% intervals.
#[derive(Debug, Clone, Serialize)]
pub struct BootstrapInfo {
    /// Number of resamples.
    pub resamples: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// What is resampled ("article").
    pub unit: String,
}

/// The headline numbers for a subset of articles (by index).
fn headline_values(input: &EvalInput, idx: &[usize]) -> Vec<f64> {
    let gold: Vec<GoldArticle> = idx.iter().map(|&i| input.gold[i].clone()).collect();
    let items: Vec<(&GoldArticle, &Extraction)> = idx
        .iter()
        .map(|&i| (&input.gold[i], &input.extractions[i]))
        .collect();
    let ex = score_extraction(&items);
    let mut v = vec![
        ex.direct_partial.overlap.f1,
        ex.indirect.overlap.f1,
        ex.attribution.strict_accuracy,
    ];
    if let Some(p) = input.predictors.last() {
        let run = StanceRun {
            name: p.name.clone(),
            gold: &gold,
            oracle: idx.iter().map(|&i| p.oracle[i].clone()).collect(),
            end_to_end: Some(
                idx.iter()
                    .map(|&i| (input.extractions[i].clone(), p.end_to_end[i].clone()))
                    .collect(),
            ),
        };
        let s = score_stance(input.task, &run);
        v.push(s.quote_stance.macro_f1);
        v.push(s.end_to_end_quote_stance.map(|c| c.macro_f1).unwrap_or(0.0));
        v.push(s.speaker_stance.accuracy);
        v.push(s.quote_sentiment.macro_f1);
    }
    v
}

const HEADLINE_NAMES: [&str; 7] = [
    "direct + partial extraction F1 (overlap)",
    "indirect extraction F1 (overlap)",
    "attribution accuracy (strict)",
    "quote stance macro-F1 (gold quotes)",
    "quote stance macro-F1 (end to end)",
    "speaker stance accuracy (gold quotes)",
    "quote sentiment macro-F1 (gold quotes)",
];

/// The headline numbers (extraction, and the last predictor's stance and
/// sentiment) with 95% intervals from `input.bootstrap` resamples of articles.
pub fn headlines(input: &EvalInput) -> Vec<Headline> {
    let n = input.gold.len();
    let all: Vec<usize> = (0..n).collect();
    let values = headline_values(input, &all);
    let mut rng = SplitMix64(input.seed);
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(input.bootstrap); values.len()];
    for _ in 0..input.bootstrap {
        let idx: Vec<usize> = (0..n)
            .map(|_| (rng.next() % n.max(1) as u64) as usize)
            .collect();
        for (k, v) in headline_values(input, &idx).into_iter().enumerate() {
            samples[k].push(v);
        }
    }
    values
        .iter()
        .enumerate()
        .map(|(k, &value)| {
            let mut s = samples[k].clone();
            s.sort_by(f64::total_cmp);
            Headline {
                name: HEADLINE_NAMES[k].to_string(),
                value,
                ci_low: percentile(&s, 0.025),
                ci_high: percentile(&s, 0.975),
            }
        })
        .collect()
}

/// Scores everything and bootstraps 95% intervals by resampling articles.
pub fn build_report(input: &EvalInput) -> EvalReport {
    let headline = headlines(input);
    let items: Vec<(&GoldArticle, &Extraction)> =
        input.gold.iter().zip(input.extractions).collect();
    let extraction = score_extraction(&items);
    let stance: Vec<PredictorScores> = input
        .predictors
        .iter()
        .map(|p| {
            score_stance(
                input.task,
                &StanceRun {
                    name: p.name.clone(),
                    gold: input.gold,
                    oracle: p.oracle.clone(),
                    end_to_end: Some(
                        input
                            .extractions
                            .iter()
                            .cloned()
                            .zip(p.end_to_end.iter().cloned())
                            .collect(),
                    ),
                },
            )
        })
        .collect();
    let sentiment = Task::sentiment();
    let (mut speakers, mut stance_errors, mut rel) = (Vec::new(), Vec::new(), Vec::new());
    let mut per_article = Vec::new();
    if let Some(p) = input.predictors.last() {
        let mut probs = Vec::new();
        let mut gold_labels = Vec::new();
        for (g, preds) in input.gold.iter().zip(&p.oracle) {
            let mut row = ArticleRow {
                article: g.id.clone(),
                quotes: g.quotes.len(),
                stance_correct: 0,
                sentiment_correct: 0,
                speakers: 0,
                speakers_correct: 0,
            };
            for (q, pr) in g.quotes.iter().zip(preds) {
                let label = argmax(&pr.stance);
                probs.push(pr.stance.clone());
                gold_labels.push(input.task.label_index(&q.stance).unwrap_or(0));
                let sent = &sentiment.labels[argmax(&pr.sentiment)];
                row.stance_correct += usize::from(input.task.labels[label] == q.stance);
                row.sentiment_correct += usize::from(*sent == q.sentiment);
                if input.task.labels[label] != q.stance || *sent != q.sentiment {
                    stance_errors.push(StanceMistake {
                        article: g.id.clone(),
                        start: q.start,
                        end: q.end,
                        text: q.span().text(&g.text).to_string(),
                        speaker: q.speaker.clone(),
                        gold_stance: q.stance.clone(),
                        predicted_stance: input.task.labels[label].clone(),
                        gold_sentiment: q.sentiment.clone(),
                        predicted_sentiment: sent.clone(),
                        probability: (pr.stance[label] * 1000.0).round() / 1000.0,
                    });
                }
            }
            for s in &g.speakers {
                let items = gold_speaker_items(g, preds, &s.name);
                if items.is_empty() {
                    continue;
                }
                let predicted = input.task.labels[aggregate(input.task, &items).label].clone();
                row.speakers += 1;
                row.speakers_correct += usize::from(predicted == s.stance);
                speakers.push(SpeakerRow {
                    article: g.id.clone(),
                    speaker: s.name.clone(),
                    quotes: items.len(),
                    gold: s.stance.clone(),
                    predicted,
                });
            }
            per_article.push(row);
        }
        rel = reliability(&probs, &gold_labels);
    }
    EvalReport {
        tool: format!("quotestance {}", env!("CARGO_PKG_VERSION")),
        split: input.split.clone(),
        articles: input.gold.len(),
        quotes: input.gold.iter().map(|g| g.quotes.len()).sum(),
        task: input.task.target.clone(),
        labels: input.task.labels.clone(),
        bootstrap: BootstrapInfo {
            resamples: input.bootstrap,
            seed: input.seed,
            unit: "article".into(),
        },
        headline,
        extraction,
        stance,
        reliability: rel,
        speakers,
        per_article,
        stance_errors,
    }
}
