//! What the classifier sees for one quote: texts for the encoder (the quote,
//! its sentence, its speaker, its paragraph) and a few structured signals.

use serde::{Deserialize, Serialize};

use crate::quotes::{Extraction, QuoteKind};
use crate::text::{Segments, Span};

/// One quote with its context, from an article or a training file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteInput {
    pub quote: String,
    /// The sentence(s) around the quote, attribution included.
    #[serde(default)]
    pub sentence: String,
    /// The paragraph around the quote.
    #[serde(default)]
    pub paragraph: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub role: Option<String>,
    pub kind: QuoteKind,
    /// The reporting verb, if any ("warned").
    #[serde(default)]
    pub cue: Option<String>,
}

/// Which context goes to the encoder (measured on dev; see the head's card).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextMode {
    Quote,
    QuoteSentence,
    QuoteSentenceSpeaker,
    QuoteSentenceSpeakerParagraph,
}

impl ContextMode {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureSpec {
    pub context: ContextMode,
    /// Add the structured signals (kind, verb class, speaker side, negation, hedges).
    pub structured: bool,
}

impl FeatureSpec {
    pub fn dim(&self, embedding_dim: usize) -> usize {
        self.context.texts() * embedding_dim + if self.structured { STRUCTURED_DIM } else { 0 }
    }
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
    pub index: Vec<Vec<usize>>,
}

impl TextTable {
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

    pub fn as_strs(&self) -> Vec<&str> {
        self.texts.iter().map(String::as_str).collect()
    }
}

pub const STRUCTURED_DIM: usize = 3 + 4 + 6 + 3;

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

/// Which side a speaker speaks for, from their name and role words.
fn side(input: &QuoteInput) -> usize {
    let s = format!(
        " {} {} ",
        input.speaker,
        input.role.as_deref().unwrap_or("")
    )
    .to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&[
        "chinese",
        "china",
        "beijing",
        "pla",
        "people’s liberation",
        "people's liberation",
        "central military",
        "xinhua",
        "state news agency",
        "state-run",
    ]) {
        0
    } else if has(&[
        "senator",
        "congressman",
        "congresswoman",
        "representative",
        "lawmaker",
        "republican",
        "democrat",
        " rep.",
        "house ",
    ]) {
        2
    } else if has(&[
        "analyst",
        "scholar",
        "professor",
        "fellow",
        "researcher",
        "institute",
        "expert",
        "historian",
        "university",
        "think tank",
        "commentator",
        "former",
        "retired",
    ]) {
        3
    } else if has(&[
        "u.s.",
        "pentagon",
        "state department",
        "department of defense",
        "department of state",
        "secretary",
        "white house",
        "administration",
        "navy",
        "american",
        "command",
        "u.s",
    ]) {
        1
    } else if has(&[
        "japan",
        "philippine",
        "australia",
        "vietnam",
        "india",
        "singapore",
        "korea",
        "taiwan",
        "asean",
        "british",
        "european",
    ]) {
        4
    } else {
        5
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

/// The structured signals: kind (3), reporting verb class (4), speaker side (6),
/// and rates of negation, hedging and hostile words (3).
pub fn structured(input: &QuoteInput) -> [f32; STRUCTURED_DIM] {
    let mut f = [0f32; STRUCTURED_DIM];
    f[match input.kind {
        QuoteKind::Direct => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Indirect => 2,
    }] = 1.0;
    f[3 + verb_class(input.cue.as_deref())] = 1.0;
    f[7 + side(input)] = 1.0;
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
    let seg = Segments::new(text);
    extraction
        .quotes
        .iter()
        .map(|q| {
            let (sentence, paragraph) = context_spans(&seg, q.span);
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

/// The sentences a span touches, and the paragraph it starts in.
pub fn context_spans(seg: &Segments, span: Span) -> (Span, Span) {
    let Some((p, s)) = seg.locate(span.start) else {
        return (span, span);
    };
    let sentences = &seg.sentences[p];
    let last = sentences
        .iter()
        .rposition(|x| x.start < span.end.max(span.start + 1))
        .unwrap_or(s)
        .max(s);
    let sentence = Span::new(
        sentences[s].start,
        sentences[last].end.max(span.end.min(seg.paragraphs[p].end)),
    );
    (sentence, seg.paragraphs[p])
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
        let f = structured(&input(
            "they will never agree, and it may not happen",
            "Wu Li",
            "Chinese Defense Ministry spokesman",
            Some("warned"),
        ));
        assert_eq!(f[2], 1.0, "indirect");
        assert_eq!(f[3 + 2], 1.0, "contentious verb");
        assert_eq!(f[7], 1.0, "Chinese side");
        assert!(f[13] > 0.0 && f[14] > 0.0);
        let g = structured(&input(
            "ok",
            "Ann Bell",
            "Republican senator",
            Some("urged"),
        ));
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
}
