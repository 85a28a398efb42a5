//! What the classifier sees for one quote: texts for the encoder (the quote,
//! its sentence, its speaker, its paragraph) and a few structured signals.

use serde::{Deserialize, Serialize};

use super::task::{Task, SPEAKER_SIDE_SLOTS};
use crate::quotes::{Extraction, QuoteKind};

/// One quote with its context, from an article or a training file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInput {
    /// The quoted text.
    pub quote: String,
    /// The sentence(s) around the quote, attribution included.
    #[serde(default)]
    pub sentence: String,
    /// The paragraph around the quote.
    #[serde(default)]
    pub paragraph: String,
    /// The speaker's name (empty when unattributed).
    #[serde(default)]
    pub speaker: String,
    /// The speaker's role or title, if known.
    #[serde(default)]
    pub role: Option<String>,
    /// Direct, partial or indirect quote.
    pub kind: QuoteKind,
    /// The reporting verb, if any ("warned").
    #[serde(default)]
    pub cue: Option<String>,
}

/// Which context goes to the encoder (measured on dev; see the head's card).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextMode {
    /// The quote alone.
    Quote,
    /// The quote and its sentence.
    QuoteSentence,
    /// The quote, its sentence and the speaker (name and role).
    QuoteSentenceSpeaker,
    /// The quote, its sentence, the speaker and the paragraph.
    QuoteSentenceSpeakerParagraph,
}

impl ContextMode {
    /// Every mode, from the fewest encoder texts to the most.
    pub const ALL: [ContextMode; 4] = [
        ContextMode::Quote,
        ContextMode::QuoteSentence,
        ContextMode::QuoteSentenceSpeaker,
        ContextMode::QuoteSentenceSpeakerParagraph,
    ];

    /// How many encoder texts each quote needs.
    pub fn texts(&self) -> usize {
        match self {
            ContextMode::Quote => 1,
            ContextMode::QuoteSentence => 2,
            ContextMode::QuoteSentenceSpeaker => 3,
            ContextMode::QuoteSentenceSpeakerParagraph => 4,
        }
    }
}

/// How a feature vector is built; stored with a trained head.
///
/// A row is the encoder blocks (one per context text), then the structured
/// signals if `structured`, then the quote's hashed words if `lexical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureSpec {
    /// Which texts are embedded, one encoder block each.
    pub context: ContextMode,
    /// Add the structured signals (kind, verb class, speaker side, negation, hedges).
    pub structured: bool,
    /// Add the quote's words and word pairs, hashed ([`lexical`]). Heads
    /// trained before this block existed read as `false`.
    #[serde(default)]
    pub lexical: bool,
}

impl FeatureSpec {
    /// Width of a feature row for an encoder of width `embedding_dim`.
    pub fn dim(&self, embedding_dim: usize) -> usize {
        self.context.texts() * embedding_dim + self.extra_dim()
    }

    /// Width of the blocks after the encoder's (structured and lexical).
    pub fn extra_dim(&self) -> usize {
        (if self.structured { STRUCTURED_DIM } else { 0 })
            + if self.lexical { LEXICAL_DIM } else { 0 }
    }

    /// The smallest spec whose rows hold everything `self` and `other` use,
    /// so one feature build serves both ([`super::project`] cuts it down).
    pub fn union(&self, other: &FeatureSpec) -> FeatureSpec {
        FeatureSpec {
            context: if self.context.texts() >= other.context.texts() {
                self.context
            } else {
                other.context
            },
            structured: self.structured || other.structured,
            lexical: self.lexical || other.lexical,
        }
    }
}

/// The blocks after the encoder's for one input, as `spec` asks.
pub fn extra_features(input: &QuoteInput, spec: FeatureSpec, task: &Task) -> Vec<f32> {
    let mut out = Vec::with_capacity(spec.extra_dim());
    if spec.structured {
        out.extend_from_slice(&structured(input, task));
    }
    if spec.lexical {
        let start = out.len();
        out.resize(start + LEXICAL_DIM, 0.0);
        for (bucket, value) in lexical(&input.quote) {
            out[start + bucket] = value;
        }
    }
    out
}

/// The encoder texts of one quote, in the order the feature vector uses them.
pub fn encoder_texts(input: &QuoteInput, mode: ContextMode) -> Vec<String> {
    let speaker = match &input.role {
        Some(r) if !r.is_empty() => format!("{}, {}", input.speaker, r),
        _ => input.speaker.clone(),
    };
    let sentence = if input.sentence.is_empty() {
        input.quote.clone()
    } else {
        input.sentence.clone()
    };
    let paragraph = if input.paragraph.is_empty() {
        sentence.clone()
    } else {
        input.paragraph.clone()
    };
    let all = [input.quote.clone(), sentence, speaker, paragraph];
    all.into_iter().take(mode.texts()).collect()
}

/// The distinct encoder texts of many quotes, each encoded once, and per
/// quote the indices of its texts (in [`encoder_texts`] order).
pub struct TextTable {
    /// Sorted, without duplicates.
    pub texts: Vec<String>,
    /// Per quote, the indices into `texts` of its encoder texts.
    pub index: Vec<Vec<usize>>,
}

impl TextTable {
    /// Collects the encoder texts of `inputs` under `mode`.
    pub fn new(inputs: &[QuoteInput], mode: ContextMode) -> TextTable {
        let per_input: Vec<Vec<String>> = inputs.iter().map(|i| encoder_texts(i, mode)).collect();
        let mut texts: Vec<String> = per_input.iter().flatten().cloned().collect();
        texts.sort_unstable();
        texts.dedup();
        let index = per_input
            .iter()
            .map(|ts| {
                ts.iter()
                    .map(|t| texts.binary_search(t).unwrap_or(0))
                    .collect()
            })
            .collect();
        TextTable { texts, index }
    }

    /// The texts as string slices, for the encoder.
    pub fn as_strs(&self) -> Vec<&str> {
        self.texts.iter().map(String::as_str).collect()
    }
}

/// Width of the structured block (see [`structured`]).
pub const STRUCTURED_DIM: usize = 3 + 4 + (SPEAKER_SIDE_SLOTS + 1) + 3;

/// Buckets of the lexical block.
pub const LEXICAL_DIM: usize = 8192;

/// The quote's words and adjacent word pairs, lower-cased, each hashed to one
/// of [`LEXICAL_DIM`] buckets: a bucket is present or not, and the row has unit
/// length. Returned sparse, as `(bucket, value)` sorted by bucket.
///
/// Why: the sentence embedding is dominated by topic (every quote is about the
/// same talks), while stance often turns on a few words ("doubted", "expected
/// little", "a seatbelt"); a linear head on the words beside the embedding
/// catches them. Words are runs of two or more letters or digits (an
/// apostrophe splits `don’t` into `don` and `t`, and `t` is dropped).
pub fn lexical(quote: &str) -> Vec<(usize, f32)> {
    let lower = quote.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .collect();
    let mut buckets: Vec<usize> = words
        .iter()
        .map(|w| bucket_of(&[w.as_bytes()]))
        .chain(
            words
                .windows(2)
                .map(|p| bucket_of(&[p[0].as_bytes(), b" ", p[1].as_bytes()])),
        )
        .collect();
    buckets.sort_unstable();
    buckets.dedup();
    let value = 1.0 / (buckets.len().max(1) as f32).sqrt();
    buckets.into_iter().map(|b| (b, value)).collect()
}

/// FNV-1a (32-bit) over the parts, folded into the lexical block: stable
/// across runs, platforms and versions, unlike the standard library's hasher.
fn bucket_of(parts: &[&[u8]]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &byte in parts.iter().flat_map(|p| p.iter()) {
        h ^= u32::from(byte);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % LEXICAL_DIM
}

const ADVOCACY_VERBS: &[&str] = &[
    "urge",
    "call",
    "propose",
    "advocate",
    "push",
    "tout",
    "vow",
    "recommend",
    "predict",
    "pledge",
    "promise",
];
const CONTENTIOUS_VERBS: &[&str] = &[
    "warn", "caution", "complain", "claim", "deny", "demand", "insist", "accuse", "question",
    "concede", "admit", "argue", "contend", "scoff", "assert",
];

fn verb_class(cue: Option<&str>) -> usize {
    let Some(cue) = cue else { return 3 };
    let lower = cue.to_lowercase();
    let stem = lower.split_whitespace().next().unwrap_or("");
    let matches = |list: &[&str]| list.iter().any(|v| stem.starts_with(&v[..v.len().min(5)]));
    if matches(ADVOCACY_VERBS) {
        1
    } else if matches(CONTENTIOUS_VERBS) {
        2
    } else {
        0
    }
}

const NEGATIONS: &[&str] = &[
    "not", "never", "no", "nothing", "nobody", "none", "n't", "n’t", "cannot", "refuse", "refused",
];
const HEDGES: &[&str] = &[
    "may",
    "might",
    "doubt",
    "unlikely",
    "perhaps",
    "remains",
    "seen",
    "if",
    "hope",
    "could",
    "skeptical",
    "sceptical",
    "wonder",
];
const HOSTILE: &[&str] = &[
    "provocation",
    "provocative",
    "blame",
    "responsibility",
    "concession",
    "naive",
    "naïve",
    "bamboozled",
    "hostage",
    "reward",
    "bargaining",
    "irresponsible",
    "dangerous",
    "must",
    "stop",
];

/// The structured signals: kind (3), reporting verb class (4), speaker side
/// (6: the task's sides, then none), and rates of negation, hedging and
/// hostile words (3).
pub fn structured(input: &QuoteInput, task: &Task) -> [f32; STRUCTURED_DIM] {
    let mut f = [0f32; STRUCTURED_DIM];
    f[match input.kind {
        QuoteKind::Direct => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Indirect => 2,
    }] = 1.0;
    f[3 + verb_class(input.cue.as_deref())] = 1.0;
    f[7 + task.speaker_side(&input.speaker, input.role.as_deref())] = 1.0;
    let lower = input.quote.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let rate = |list: &[&str]| {
        let n = words
            .iter()
            .filter(|w| {
                list.iter()
                    .any(|x| w == &x || (x.starts_with('n') && w.ends_with(x)))
            })
            .count();
        (n as f32 / 3.0).min(1.0)
    };
    f[13] = rate(NEGATIONS);
    f[14] = rate(HEDGES);
    f[15] = rate(HOSTILE);
    f
}

/// Builds a classifier input for every quote of an extraction.
pub fn inputs_from_extraction(text: &str, extraction: &Extraction) -> Vec<QuoteInput> {
    extraction
        .quotes
        .iter()
        .map(|q| {
            let (sentence, paragraph) = (q.sentence, q.paragraph);
            let speaker = q.speaker.and_then(|i| extraction.speakers.get(i));
            QuoteInput {
                quote: q.span.text(text).to_string(),
                sentence: sentence.text(text).to_string(),
                paragraph: paragraph.text(text).to_string(),
                speaker: speaker.map(|s| s.name.clone()).unwrap_or_default(),
                role: speaker.and_then(|s| s.role.clone()),
                kind: q.kind,
                cue: q.cue.map(|c| c.text(text).to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(quote: &str, speaker: &str, role: &str, cue: Option<&str>) -> QuoteInput {
        QuoteInput {
            quote: quote.into(),
            sentence: String::new(),
            paragraph: String::new(),
            speaker: speaker.into(),
            role: Some(role.into()),
            kind: QuoteKind::Indirect,
            cue: cue.map(str::to_string),
        }
    }

    #[test]
    fn structured_signals() {
        let f = structured(
            &input(
                "they will never agree, and it may not happen",
                "Wu Li",
                "Chinese Defense Ministry spokesman",
                Some("warned"),
            ),
            &Task::default_stance(),
        );
        assert_eq!(f[2], 1.0, "indirect");
        assert_eq!(f[3 + 2], 1.0, "contentious verb");
        assert_eq!(f[7], 1.0, "Chinese side");
        assert!(f[13] > 0.0 && f[14] > 0.0);
        let g = structured(
            &input("ok", "Ann Bell", "Republican senator", Some("urged")),
            &Task::default_stance(),
        );
        assert_eq!(g[3 + 1], 1.0);
        assert_eq!(g[7 + 2], 1.0);
    }

    #[test]
    fn texts_follow_the_mode_and_fill_gaps() {
        let i = input("q", "S", "r", None);
        assert_eq!(
            encoder_texts(&i, ContextMode::QuoteSentenceSpeakerParagraph),
            vec!["q", "q", "S, r", "q"]
        );
        assert_eq!(encoder_texts(&i, ContextMode::Quote).len(), 1);
    }

    #[test]
    fn inputs_carry_sentence_paragraph_and_speaker() {
        let text = "Intro line here.\nAna Polk said the talks were stalled. Then she left.";
        let ex = crate::quotes::extract(text);
        let inputs = inputs_from_extraction(text, &ex);
        assert_eq!(inputs[0].quote, "the talks were stalled");
        assert_eq!(inputs[0].sentence, "Ana Polk said the talks were stalled.");
        assert_eq!(
            inputs[0].paragraph,
            "Ana Polk said the talks were stalled. Then she left."
        );
        assert_eq!(inputs[0].speaker, "Ana Polk");
        assert_eq!(inputs[0].cue.as_deref(), Some("said"));
    }

    #[test]
    fn lexical_rows_are_unit_length_case_blind_and_stable() {
        let row = lexical("She DOUBTED either side was ready.");
        // Six words of two letters or more and five pairs (two may share a bucket).
        assert!(row.len() <= 11 && row.len() >= 10, "{row:?}");
        let norm: f32 = row.iter().map(|(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert!(row.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(row.iter().all(|&(b, _)| b < LEXICAL_DIM));
        assert_eq!(row, lexical("she doubted either side was ready"));
        // The hash is fixed: a trained head's columns depend on it.
        assert_eq!(
            bucket_of(&[b"doubted"]),
            fnv1a(b"doubted") as usize % LEXICAL_DIM
        );
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        // Word order matters through the pairs.
        assert_ne!(lexical("not ready, hopeful"), lexical("ready, not hopeful"));
        // No words: an empty row, not a division by zero.
        assert!(lexical("— “ ” a").is_empty());
    }

    fn fnv1a(bytes: &[u8]) -> u32 {
        bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
    }

    #[test]
    fn extra_blocks_follow_the_spec() {
        let i = input("they doubted it", "Wu Li", "analyst", Some("said"));
        let spec = |structured, lexical| FeatureSpec {
            context: ContextMode::Quote,
            structured,
            lexical,
        };
        assert!(extra_features(&i, spec(false, false), &Task::default_stance()).is_empty());
        assert_eq!(
            extra_features(&i, spec(true, false), &Task::default_stance()),
            structured(&i, &Task::default_stance()).to_vec()
        );
        let both = extra_features(&i, spec(true, true), &Task::default_stance());
        assert_eq!(both.len(), STRUCTURED_DIM + LEXICAL_DIM);
        assert_eq!(
            &both[..STRUCTURED_DIM],
            &structured(&i, &Task::default_stance())[..]
        );
        let lex = &both[STRUCTURED_DIM..];
        for (b, v) in lexical(&i.quote) {
            assert_eq!(lex[b], v);
        }
        assert_eq!(
            lex.iter().filter(|v| **v != 0.0).count(),
            lexical(&i.quote).len()
        );
        assert_eq!(
            spec(true, true).dim(384),
            384 + STRUCTURED_DIM + LEXICAL_DIM
        );
    }

    #[test]
    fn the_union_of_two_specs_holds_both() {
        let a = FeatureSpec {
            context: ContextMode::QuoteSentence,
            structured: true,
            lexical: false,
        };
        let b = FeatureSpec {
            context: ContextMode::QuoteSentenceSpeaker,
            structured: false,
            lexical: true,
        };
        let u = a.union(&b);
        assert_eq!(u, b.union(&a));
        assert_eq!(u.context, ContextMode::QuoteSentenceSpeaker);
        assert!(u.structured && u.lexical);
    }

    #[test]
    fn heads_saved_before_the_lexical_block_read_without_it() {
        let spec: FeatureSpec =
            serde_json::from_str(r#"{"context":"quote_sentence","structured":true}"#)
                .expect("an old card's spec parses");
        assert!(!spec.lexical);
    }
}
