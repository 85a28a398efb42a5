//! Extraction and attribution scores: quotes matched to gold by span.
//!
//! Overlap match: a predicted and a gold quote of the same group
//! (direct+partial, or indirect) match when the words they share are at least
//! half of the gold span's words and at least half of the predicted span's
//! words; matching is one-to-one, best overlap first. Exact match: the same
//! byte span.

use serde::Serialize;

use super::gold::{GoldArticle, GoldQuote};
use super::metrics::{percentile, Prf, SplitMix64};
use crate::quotes::{Extraction, QuoteKind};
use crate::text::{words, Span};

/// The two groups extraction is scored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteGroup {
    /// Direct and partial quotes, scored together.
    DirectPartial,
    /// Indirect (reported) speech.
    Indirect,
}

impl QuoteGroup {
    /// The group a quote of this kind is scored in.
    pub fn of(kind: QuoteKind) -> Self {
        match kind {
            QuoteKind::Direct | QuoteKind::Partial => QuoteGroup::DirectPartial,
            QuoteKind::Indirect => QuoteGroup::Indirect,
        }
    }
}

/// Share of words: (shared / gold words, shared / predicted words).
pub fn word_overlap(text: &str, gold: Span, pred: Span) -> (f64, f64) {
    let gw = words(text, gold);
    let pw = words(text, pred);
    if gw.is_empty() || pw.is_empty() {
        return (0.0, 0.0);
    }
    let shared = gw.iter().filter(|w| pred.contains(w.span)).count();
    (
        shared as f64 / gw.len() as f64,
        shared as f64 / pw.len() as f64,
    )
}

/// One-to-one overlap matching within each group: (gold index, predicted index).
pub fn match_quotes(text: &str, gold: &[GoldQuote], pred: &Extraction) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.quotes.iter().enumerate() {
            if QuoteGroup::of(g.kind) != QuoteGroup::of(p.kind) || !g.span().overlaps(p.span) {
                continue;
            }
            let (of_gold, of_pred) = word_overlap(text, g.span(), p.span);
            if of_gold >= 0.5 && of_pred >= 0.5 {
                candidates.push((of_gold.min(of_pred), gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.quotes.len()];
    let mut pairs = Vec::new();
    for (_, gi, pi) in candidates {
        if !used_g[gi] && !used_p[pi] {
            used_g[gi] = true;
            used_p[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs.sort();
    pairs
}

/// Speaker names compared after normalisation: case, titles, punctuation.
pub fn normalize_speaker(name: &str) -> String {
    const DROP: &[&str] = &[
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "adm",
        "gen",
        "capt",
        "sen",
        "rep",
        "president",
        "prof",
    ];
    let lower = name.to_lowercase().replace(['’', '\''], "");
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '(' | ')'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty() && !DROP.contains(w))
        .collect();
    // An indefinite article ("a U.S. official", "one U.S. official") and a
    // middle initial ("Paul C. Ridgeway") do not change who is meant.
    if words.len() > 1 && matches!(words[0], "a" | "an" | "one") {
        words.remove(0);
    }
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(k, w)| !(k > 0 && k < last && w.chars().count() == 1))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Strict: equal after normalisation. Lenient: also the same surname or
/// organisation head, or one name inside the other; a speaker written with
/// an appositive ("Moss, the head of the fund,", as PolNeAR gives its
/// sources) is compared by its part before the comma too.
pub fn speakers_match(gold: &str, pred: &str, lenient: bool) -> bool {
    let (g, p) = (normalize_speaker(gold), normalize_speaker(pred));
    if g == p {
        return true;
    }
    if !lenient || g.is_empty() || p.is_empty() {
        return false;
    }
    if let Some((head, _)) = gold.split_once(',') {
        if !head.trim().is_empty() && speakers_match(head, pred, true) {
            return true;
        }
    }
    let last = |s: &str| {
        s.split(' ')
            .next_back()
            .unwrap_or("")
            .trim_end_matches('s')
            .to_string()
    };
    last(&g) == last(&p) || g.contains(&p) || p.contains(&g)
}

/// Extraction scores of one quote group.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GroupScores {
    /// Precision, recall and F1 when only the identical byte span counts as a match.
    pub exact: Prf,
    /// Precision, recall and F1 under one-to-one word-overlap matching.
    pub overlap: Prf,
}

/// Speaker attribution on the quotes matched to gold by overlap.
#[derive(Debug, Clone, Serialize, Default)]
pub struct AttributionScores {
    /// Number of gold quotes matched to a predicted quote.
    pub matched: usize,
    /// Matched quotes whose predicted speaker equals gold after normalisation.
    pub strict_correct: usize,
    /// Matched quotes whose predicted speaker matches gold leniently.
    pub lenient_correct: usize,
    /// `strict_correct / matched`, 0–1 (0 when nothing matched).
    pub strict_accuracy: f64,
    /// `lenient_correct / matched`, 0–1 (0 when nothing matched).
    pub lenient_accuracy: f64,
}

/// One extraction or attribution mistake, for people to read.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractionError {
    /// Id of the article.
    pub article: String,
    /// Kind of mistake, e.g. "wrong speaker", "missed indirect" or "spurious direct/partial".
    pub kind: &'static str,
    /// Byte offset where the quote starts (the gold one, or the predicted one if spurious).
    pub start: usize,
    /// Byte offset just past the quote's end.
    pub end: usize,
    /// The quote's text.
    pub text: String,
    /// Gold speaker; none for a spurious quote.
    pub gold_speaker: Option<String>,
    /// Predicted speaker; none for a missed quote or an unattributed one.
    pub predicted_speaker: Option<String>,
}

/// Extraction and attribution scores over a set of articles.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ExtractionScores {
    /// Number of articles scored.
    pub articles: usize,
    /// Scores for direct and partial quotes.
    pub direct_partial: GroupScores,
    /// Scores for indirect quotes.
    pub indirect: GroupScores,
    /// Speaker attribution on matched quotes.
    pub attribution: AttributionScores,
    /// Every mistake, article by article.
    pub errors: Vec<ExtractionError>,
}

/// The counts behind the extraction scores, for one article or summed over many.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ExtractionCounts {
    /// Direct and partial: matched, predicted, gold (overlap match).
    pub quoted: [usize; 3],
    /// Indirect: matched, predicted, gold (overlap match).
    pub indirect: [usize; 3],
    /// Matched quotes with a gold speaker, those whose speaker is right
    /// (strict), and those right under the lenient match.
    pub attribution: [usize; 3],
}

impl ExtractionCounts {
    /// The counts behind scores already computed.
    pub fn from_scores(s: &ExtractionScores) -> Self {
        let c = |p: &Prf| [p.true_positives, p.predicted, p.gold];
        ExtractionCounts {
            quoted: c(&s.direct_partial.overlap),
            indirect: c(&s.indirect.overlap),
            attribution: [
                s.attribution.matched,
                s.attribution.strict_correct,
                s.attribution.lenient_correct,
            ],
        }
    }

    /// The counts of several articles together.
    pub fn sum(all: &[ExtractionCounts]) -> Self {
        all.iter().fold(ExtractionCounts::default(), |mut t, c| {
            t.add(c);
            t
        })
    }

    /// Adds another article's counts.
    pub fn add(&mut self, other: &ExtractionCounts) {
        for i in 0..3 {
            self.quoted[i] += other.quoted[i];
            self.indirect[i] += other.indirect[i];
        }
        for i in 0..3 {
            self.attribution[i] += other.attribution[i];
        }
    }

    /// Quoted F1, indirect F1, and strict and lenient attribution accuracy
    /// (0 when undefined).
    pub fn values(&self) -> [f64; 4] {
        let f1 = |c: [usize; 3]| Prf::from_counts(c[0], c[1], c[2]).f1;
        let [n, strict, lenient] = self.attribution;
        let acc = |right: usize| if n == 0 { 0.0 } else { right as f64 / n as f64 };
        [
            f1(self.quoted),
            f1(self.indirect),
            acc(strict),
            acc(lenient),
        ]
    }
}

/// Each of [`ExtractionCounts::values`] over all articles, with its 95%
/// interval from `resamples` resamples of articles (fixed seed): `(value, low, high)`.
pub fn extraction_intervals(
    per_article: &[ExtractionCounts],
    resamples: usize,
    seed: u64,
) -> [(f64, f64, f64); 4] {
    let total = ExtractionCounts::sum(per_article);
    let n = per_article.len();
    let mut rng = SplitMix64(seed);
    let mut samples: [Vec<f64>; 4] = Default::default();
    for _ in 0..if n == 0 { 0 } else { resamples } {
        let mut sum = ExtractionCounts::default();
        for _ in 0..n {
            sum.add(&per_article[(rng.next() % n as u64) as usize]);
        }
        for (k, v) in sum.values().into_iter().enumerate() {
            samples[k].push(v);
        }
    }
    let values = total.values();
    std::array::from_fn(|k| {
        let s = &mut samples[k];
        s.sort_by(f64::total_cmp);
        let (lo, hi) = if s.is_empty() {
            (values[k], values[k])
        } else {
            (percentile(s, 0.025), percentile(s, 0.975))
        };
        (values[k], lo, hi)
    })
}

/// Scores extraction and attribution over articles with their predictions.
pub fn score_extraction(items: &[(&GoldArticle, &Extraction)]) -> ExtractionScores {
    let mut counts = [[0usize; 3]; 4]; // [dp exact, dp overlap, ind exact, ind overlap] × [tp, pred, gold]
    let mut attr = AttributionScores::default();
    let mut errors = Vec::new();
    for (gold, pred) in items {
        let text = gold.text.as_str();
        let pairs = match_quotes(text, &gold.quotes, pred);
        for (group, base) in [(QuoteGroup::DirectPartial, 0), (QuoteGroup::Indirect, 2)] {
            let g_n = gold
                .quotes
                .iter()
                .filter(|q| QuoteGroup::of(q.kind) == group)
                .count();
            let p_n = pred
                .quotes
                .iter()
                .filter(|q| QuoteGroup::of(q.kind) == group)
                .count();
            let exact = gold
                .quotes
                .iter()
                .filter(|g| {
                    QuoteGroup::of(g.kind) == group
                        && pred
                            .quotes
                            .iter()
                            .any(|p| QuoteGroup::of(p.kind) == group && p.span == g.span())
                })
                .count();
            let overlap = pairs
                .iter()
                .filter(|(gi, _)| QuoteGroup::of(gold.quotes[*gi].kind) == group)
                .count();
            for (slot, tp) in [(base, exact), (base + 1, overlap)] {
                counts[slot][0] += tp;
                counts[slot][1] += p_n;
                counts[slot][2] += g_n;
            }
        }
        for &(gi, pi) in &pairs {
            let g = &gold.quotes[gi];
            let p = &pred.quotes[pi];
            let name = pred.speaker_name(p);
            // A gold quote with no speaker to compare with (a corpus that
            // names it only by a pronoun) counts for extraction only.
            if g.speaker.trim().is_empty() {
                continue;
            }
            attr.matched += 1;
            let strict = name.is_some_and(|n| speakers_match(&g.speaker, n, false));
            let lenient = name.is_some_and(|n| speakers_match(&g.speaker, n, true));
            attr.strict_correct += strict as usize;
            attr.lenient_correct += lenient as usize;
            if !strict {
                errors.push(ExtractionError {
                    article: gold.id.clone(),
                    kind: if lenient {
                        "speaker (lenient match only)"
                    } else {
                        "wrong speaker"
                    },
                    start: g.start,
                    end: g.end,
                    text: g.span().text(text).to_string(),
                    gold_speaker: Some(g.speaker.clone()),
                    predicted_speaker: name.map(str::to_string),
                });
            }
        }
        for (gi, g) in gold.quotes.iter().enumerate() {
            if !pairs.iter().any(|(x, _)| *x == gi) {
                errors.push(ExtractionError {
                    article: gold.id.clone(),
                    kind: if g.kind == QuoteKind::Indirect {
                        "missed indirect"
                    } else {
                        "missed direct/partial"
                    },
                    start: g.start,
                    end: g.end,
                    text: g.span().text(text).to_string(),
                    gold_speaker: Some(g.speaker.clone()),
                    predicted_speaker: None,
                });
            }
        }
        for (pi, p) in pred.quotes.iter().enumerate() {
            if !pairs.iter().any(|(_, x)| *x == pi) {
                errors.push(ExtractionError {
                    article: gold.id.clone(),
                    kind: if p.kind == QuoteKind::Indirect {
                        "spurious indirect"
                    } else {
                        "spurious direct/partial"
                    },
                    start: p.span.start,
                    end: p.span.end,
                    text: p.span.text(text).to_string(),
                    gold_speaker: None,
                    predicted_speaker: pred.speaker_name(p).map(str::to_string),
                });
            }
        }
    }
    let prf = |c: [usize; 3]| Prf::from_counts(c[0], c[1], c[2]);
    let acc = |a: usize, n: usize| if n == 0 { 0.0 } else { a as f64 / n as f64 };
    attr.strict_accuracy = acc(attr.strict_correct, attr.matched);
    attr.lenient_accuracy = acc(attr.lenient_correct, attr.matched);
    ExtractionScores {
        articles: items.len(),
        direct_partial: GroupScores {
            exact: prf(counts[0]),
            overlap: prf(counts[1]),
        },
        indirect: GroupScores {
            exact: prf(counts[2]),
            overlap: prf(counts[3]),
        },
        attribution: attr,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_normalisation() {
        // (gold, predicted, lenient, match)
        let cases = [
            ("Daniel Whitcombe", "daniel whitcombe", false, true),
            ("Biden", "President Biden", false, true),
            ("Daniel Whitcombe", "Whitcombe", false, false),
            ("Daniel Whitcombe", "Whitcombe", true, true),
            ("analysts", "some analysts", true, true),
            ("a U.S. official", "One U.S. official", false, true),
            ("Paul C. Ridgeway", "Paul Ridgeway", false, true),
            ("P. Ridgeway", "Ridgeway", false, false),
            ("one", "an", false, false),
            ("Victor Hale", "Thomas Lindqvist", true, false),
            // A source written with its appositive: the name before the comma.
            (
                "Hale, the head of the port board,",
                "Victor Hale",
                true,
                true,
            ),
            (
                "Hale, the head of the port board,",
                "Victor Hale",
                false,
                false,
            ),
            ("Moss, a port official,", "Victor Hale", true, false),
        ];
        for (gold, pred, lenient, expected) in cases {
            assert_eq!(
                speakers_match(gold, pred, lenient),
                expected,
                "{gold:?} vs {pred:?} (lenient: {lenient})"
            );
        }
    }

    #[test]
    fn overlap_is_by_words_both_ways() {
        let text = "alpha beta gamma delta epsilon";
        assert_eq!(
            word_overlap(text, Span::new(0, 16), Span::new(0, 10)),
            (2.0 / 3.0, 1.0)
        );
        assert_eq!(
            word_overlap(text, Span::new(0, 5), Span::new(0, 30)),
            (1.0, 0.2)
        );
    }
}
