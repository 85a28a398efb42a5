//! Precision, recall, F1, accuracy, macro-F1 and confusion matrices.

use serde::Serialize;

/// Precision, recall and F1 from counts; every ratio is 0 when undefined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Prf {
    /// True positives over predicted, 0–1.
    pub precision: f64,
    /// True positives over gold, 0–1.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0–1.
    pub f1: f64,
    /// Predicted items that match a gold item.
    pub true_positives: usize,
    /// Number of predicted items.
    pub predicted: usize,
    /// Number of gold items.
    pub gold: usize,
}

impl Prf {
    /// Computes the ratios from the true-positive, predicted and gold counts.
    pub fn from_counts(true_positives: usize, predicted: usize, gold: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(true_positives, predicted);
        let recall = ratio(true_positives, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            true_positives,
            predicted,
            gold,
        }
    }
}

/// Per-label scores, accuracy, macro-F1 and the confusion matrix of a labelling.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    /// Label names, in index order.
    pub labels: Vec<String>,
    /// Number of (gold, predicted) pairs scored.
    pub n: usize,
    /// Share of pairs where the prediction equals gold, 0–1 (0 when `n` is 0).
    pub accuracy: f64,
    /// Mean F1 over labels that occur in gold or predictions.
    pub macro_f1: f64,
    /// Precision, recall and F1 per label, in the order of `labels`.
    pub per_label: Vec<Prf>,
    /// `confusion[gold][predicted]`.
    pub confusion: Vec<Vec<usize>>,
}

impl Classification {
    /// Scores `pairs` of (gold, predicted) label indices.
    pub fn new(labels: &[&str], pairs: &[(usize, usize)]) -> Self {
        let k = labels.len();
        let mut confusion = vec![vec![0usize; k]; k];
        for &(g, p) in pairs {
            if g < k && p < k {
                confusion[g][p] += 1;
            }
        }
        let n = pairs.len();
        let correct: usize = (0..k).map(|i| confusion[i][i]).sum();
        let per_label: Vec<Prf> = (0..k)
            .map(|i| {
                let predicted = (0..k).map(|g| confusion[g][i]).sum();
                let gold = confusion[i].iter().sum();
                Prf::from_counts(confusion[i][i], predicted, gold)
            })
            .collect();
        let present: Vec<&Prf> = per_label
            .iter()
            .filter(|p| p.gold + p.predicted > 0)
            .collect();
        let macro_f1 = if present.is_empty() {
            0.0
        } else {
            present.iter().map(|p| p.f1).sum::<f64>() / present.len() as f64
        };
        Classification {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            n,
            accuracy: if n == 0 {
                0.0
            } else {
                correct as f64 / n as f64
            },
            macro_f1,
            per_label,
            confusion,
        }
    }
}

/// SplitMix64: a small, fixed, portable generator for the bootstrap.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

pub(crate) fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_by_hand() {
        let p = Prf::from_counts(3, 4, 6);
        assert!((p.precision - 0.75).abs() < 1e-12);
        assert!((p.recall - 0.5).abs() < 1e-12);
        assert!((p.f1 - 0.6).abs() < 1e-12);
        let zero = Prf::from_counts(0, 0, 0);
        assert_eq!((zero.precision, zero.recall, zero.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn classification_by_hand() {
        // gold: a a b b c ; predicted: a b b b a
        let pairs = [(0, 0), (0, 1), (1, 1), (1, 1), (2, 0)];
        let c = Classification::new(&["a", "b", "c"], &pairs);
        assert!((c.accuracy - 0.6).abs() < 1e-12);
        // a: P 1/2 R 1/2 F .5; b: P 2/3 R 1 F .8; c: P 0 R 0 F 0 → macro .4333…
        assert!((c.per_label[1].f1 - 0.8).abs() < 1e-12);
        assert!((c.macro_f1 - (0.5 + 0.8 + 0.0) / 3.0).abs() < 1e-12);
        assert_eq!(c.confusion[2][0], 1);
    }

    #[test]
    fn perfect_empty_and_absent_labels() {
        let c = Classification::new(&["a", "b", "c"], &[(0, 0), (1, 1)]);
        assert_eq!(c.accuracy, 1.0);
        assert_eq!(
            c.macro_f1, 1.0,
            "an absent label does not drag macro-F1 down"
        );
        let e = Classification::new(&["a"], &[]);
        assert_eq!((e.accuracy, e.macro_f1, e.n), (0.0, 0.0, 0));
    }
}
