//! Stance and sentiment scores: quote level (with gold quotes given, so the
//! classifier is scored apart from extraction, and end to end on matched
//! quotes) and speaker level, for several predictors side by side.

use serde::Serialize;

use super::extraction::{match_quotes, speakers_match};
use super::gold::GoldArticle;
use super::metrics::Classification;
use crate::quotes::Extraction;
use crate::stance::{aggregate, head::argmax, QuotePrediction, Task};

/// Scores of one predictor.
#[derive(Debug, Clone, Serialize)]
pub struct PredictorScores {
    /// Name of the predictor.
    pub name: String,
    /// Gold quotes given (oracle extraction).
    pub quote_stance: Classification,
    /// Quote sentiment, gold quotes given (oracle extraction).
    pub quote_sentiment: Classification,
    /// Gold speakers, stance aggregated over their gold quotes.
    pub speaker_stance: Classification,
    /// End to end: extracted quotes matched to gold.
    pub end_to_end_quote_stance: Option<Classification>,
    /// End to end: speakers as extracted, matched to gold by name.
    pub end_to_end_speaker_stance: Option<Classification>,
    /// Expected calibration error of the stance probabilities (oracle quotes).
    pub stance_ece: f64,
}

/// Six decimals: the digits past them follow the order in which the CPU's
/// matrix kernels summed, and reports are compared byte for byte.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Reliability diagram points: (mean confidence, accuracy, count) for each
/// non-empty bin of 10 equal-width confidence bins; confidences to six
/// decimals.
pub fn reliability(probs: &[Vec<f32>], gold: &[usize]) -> Vec<(f64, f64, usize)> {
    let mut bins = [(0usize, 0f64, 0f64); 10];
    for (p, &g) in probs.iter().zip(gold) {
        let label = argmax(p);
        let conf = p[label] as f64;
        let b = ((conf * 10.0) as usize).min(9);
        bins[b].0 += 1;
        bins[b].1 += conf;
        bins[b].2 += (label == g) as u8 as f64;
    }
    bins.iter()
        .filter(|b| b.0 > 0)
        .map(|b| (round6(b.1 / b.0 as f64), b.2 / b.0 as f64, b.0))
        .collect()
}

/// Expected calibration error: the count-weighted gap between confidence and
/// accuracy over the reliability bins.
pub fn expected_calibration_error(probs: &[Vec<f32>], gold: &[usize]) -> f64 {
    let n = probs.len().max(1) as f64;
    reliability(probs, gold)
        .iter()
        .map(|&(conf, acc, count)| (count as f64 / n) * (conf - acc).abs())
        .sum()
}

/// A gold speaker's quotes as (length, stance probabilities), for aggregation.
pub fn gold_speaker_items(
    g: &GoldArticle,
    preds: &[QuotePrediction],
    speaker: &str,
) -> Vec<(usize, Vec<f32>)> {
    g.quotes
        .iter()
        .zip(preds)
        .filter(|(q, _)| q.speaker == speaker)
        .map(|(q, p)| (q.end - q.start, p.stance.clone()))
        .collect()
}

/// Predictions for the gold quotes of each article (oracle) and for the
/// extracted quotes (end to end, optional).
pub struct StanceRun<'a> {
    /// Name of the predictor.
    pub name: String,
    /// The gold articles, in the same order as the predictions.
    pub gold: &'a [GoldArticle],
    /// Per article, one prediction per gold quote.
    pub oracle: Vec<Vec<QuotePrediction>>,
    /// Per article, the extraction and one prediction per extracted quote.
    pub end_to_end: Option<Vec<(Extraction, Vec<QuotePrediction>)>>,
}

/// Scores one predictor's stance and sentiment against gold, with `task`'s labels.
pub fn score_stance(task: &Task, run: &StanceRun) -> PredictorScores {
    let labels: Vec<&str> = task.labels.iter().map(String::as_str).collect();
    let sentiment = Task::sentiment();
    let sent_labels: Vec<&str> = sentiment.labels.iter().map(String::as_str).collect();
    let idx = |t: &Task, l: &str| t.label_index(l).unwrap_or(0);
    let mut stance_pairs = Vec::new();
    let mut sent_pairs = Vec::new();
    let mut speaker_pairs = Vec::new();
    let mut probs = Vec::new();
    let mut gold_labels = Vec::new();
    for (g, preds) in run.gold.iter().zip(&run.oracle) {
        for (q, p) in g.quotes.iter().zip(preds) {
            stance_pairs.push((idx(task, &q.stance), argmax(&p.stance)));
            sent_pairs.push((idx(&sentiment, &q.sentiment), argmax(&p.sentiment)));
            probs.push(p.stance.clone());
            gold_labels.push(idx(task, &q.stance));
        }
        for s in &g.speakers {
            let items = gold_speaker_items(g, preds, &s.name);
            if !items.is_empty() {
                speaker_pairs.push((idx(task, &s.stance), aggregate(task, &items).label));
            }
        }
    }
    let (e2e_quote, e2e_speaker) = match &run.end_to_end {
        None => (None, None),
        Some(items) => {
            let mut qp = Vec::new();
            let mut sp = Vec::new();
            for (g, (ex, preds)) in run.gold.iter().zip(items) {
                for (gi, pi) in match_quotes(&g.text, &g.quotes, ex) {
                    qp.push((idx(task, &g.quotes[gi].stance), argmax(&preds[pi].stance)));
                }
                for s in &g.speakers {
                    let found = ex
                        .speakers
                        .iter()
                        .position(|x| speakers_match(&s.name, &x.name, false));
                    let predicted = found.map(|si| {
                        let items: Vec<(usize, Vec<f32>)> = ex
                            .quotes
                            .iter()
                            .zip(preds)
                            .filter(|(q, _)| q.speaker == Some(si))
                            .map(|(q, p)| (q.span.len(), p.stance.clone()))
                            .collect();
                        aggregate(task, &items).label
                    });
                    // A gold speaker the extractor missed counts as wrong (label index past the end).
                    sp.push((idx(task, &s.stance), predicted.unwrap_or(usize::MAX)));
                }
            }
            let sp_scored: Vec<(usize, usize)> = sp
                .iter()
                .map(|&(g, p)| {
                    (
                        g,
                        if p == usize::MAX {
                            (g + 1) % labels.len()
                        } else {
                            p
                        },
                    )
                })
                .collect();
            (
                Some(Classification::new(&labels, &qp)),
                Some(Classification::new(&labels, &sp_scored)),
            )
        }
    };
    PredictorScores {
        name: run.name.clone(),
        quote_stance: Classification::new(&labels, &stance_pairs),
        quote_sentiment: Classification::new(&sent_labels, &sent_pairs),
        speaker_stance: Classification::new(&labels, &speaker_pairs),
        end_to_end_quote_stance: e2e_quote,
        end_to_end_speaker_stance: e2e_speaker,
        stance_ece: round6(expected_calibration_error(&probs, &gold_labels)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ece_by_hand() {
        // Two predictions at 0.9 confidence, one right: |0.9 - 0.5| = 0.4.
        let probs = vec![vec![0.9, 0.1], vec![0.9, 0.1]];
        assert!((expected_calibration_error(&probs, &[0, 1]) - 0.4).abs() < 1e-6);
        assert!(expected_calibration_error(&probs, &[0, 0]) - 0.1 < 1e-6);
        // The f32 0.9 (0.89999997…) to six decimals.
        assert_eq!(reliability(&probs, &[0, 1]), vec![(0.9, 0.5, 2)]);
    }
}
