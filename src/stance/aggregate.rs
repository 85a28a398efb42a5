//! Speaker stance from the speaker's quotes (LABELING.md §4, §7.12).

use serde::Serialize;

use super::head::argmax;
use super::task::Task;

/// One speaker's stance, with the quote that carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerStance {
    /// Index of the speaker's stance in the task's labels.
    pub label: usize,
    /// Share of the speaker's weighted quote length per label (sums to 1).
    pub scores: Vec<f32>,
    /// Length-weighted mean probability of the winning label over the speaker's quotes.
    pub confidence: f32,
    /// Index (into the quotes given) of the quote that carries the stance most.
    pub evidence: Option<usize>,
}

/// Aggregates quotes given as (length in bytes, label probabilities):
/// each quote weighs its length times the probability of its predicted label;
/// neutral only when every quote is neutral; when the top two non-neutral
/// labels are within 15%, the more marked one (task precedence) wins.
pub fn aggregate(task: &Task, quotes: &[(usize, Vec<f32>)]) -> SpeakerStance {
    let k = task.labels.len();
    let neutral = task.neutral_index();
    let mut weight = vec![0f32; k];
    let mut best_quote: Vec<Option<(f32, usize)>> = vec![None; k];
    for (i, (len, probs)) in quotes.iter().enumerate() {
        let label = argmax(probs);
        let w = *len as f32 * probs.get(label).copied().unwrap_or(0.0);
        weight[label] += w;
        if best_quote[label].is_none_or(|(bw, _)| w > bw) {
            best_quote[label] = Some((w, i));
        }
    }
    let total: f32 = weight.iter().sum();
    let scores: Vec<f32> = weight
        .iter()
        .map(|w| {
            if total > 0.0 {
                w / total
            } else {
                1.0 / k as f32
            }
        })
        .collect();
    let mut ranked: Vec<usize> = (0..k)
        .filter(|&l| l != neutral && weight[l] > 0.0)
        .collect();
    ranked.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
    let label = match ranked.as_slice() {
        [] => neutral,
        [only] => *only,
        [first, second, ..] => {
            if weight[*second] >= 0.85 * weight[*first]
                && task.precedence_rank(&task.labels[*second])
                    < task.precedence_rank(&task.labels[*first])
            {
                *second
            } else {
                *first
            }
        }
    };
    // Confidence: the length-weighted mean probability of the winning label
    // over all the speaker's quotes (a lone, sure quote is not certainty).
    let total_len: f32 = quotes.iter().map(|(len, _)| *len as f32).sum();
    let confidence = if total_len > 0.0 {
        quotes
            .iter()
            .map(|(len, p)| *len as f32 * p.get(label).copied().unwrap_or(0.0))
            .sum::<f32>()
            / total_len
    } else {
        0.0
    };
    SpeakerStance {
        label,
        confidence,
        scores,
        evidence: best_quote[label].map(|(_, i)| i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: usize) -> Vec<f32> {
        let mut v = vec![0.0; 4];
        v[label] = 1.0;
        v
    }

    #[test]
    fn neutral_only_when_all_quotes_are() {
        let t = Task::default_stance();
        assert_eq!(aggregate(&t, &[(100, p(3)), (10, p(3))]).label, 3);
        assert_eq!(aggregate(&t, &[(100, p(3)), (10, p(0))]).label, 0);
    }

    #[test]
    fn length_weighted_with_marked_tie_break() {
        let t = Task::default_stance();
        // optimistic 324 vs critical 295: within 15% → critical (a commander who backs talks
        // but rejects concessions).
        let s = aggregate(
            &t,
            &[
                (62, p(0)),
                (95, p(0)),
                (167, p(0)),
                (121, p(2)),
                (174, p(2)),
            ],
        );
        assert_eq!(s.label, 2);
        assert_eq!(s.evidence, Some(4));
        // 192 optimistic vs 84 critical: optimistic (a hopeful spokeswoman).
        assert_eq!(
            aggregate(&t, &[(88, p(0)), (98, p(0)), (6, p(0)), (84, p(2))]).label,
            0
        );
        let s = aggregate(&t, &[(50, p(1))]);
        assert_eq!((s.label, s.confidence), (1, 1.0));
    }
}
