//! Quote extraction and speaker attribution, with no model involved.
//!
//! [`extract`] reads an article in order: it finds quotations by their marks
//! ([`marks`]), mentions of people, organisations and groups ([`mentions`]),
//! reporting-verb cues with their subjects, then attributes every quotation
//! through an ordered sieve and turns the remaining cues into indirect quotes.

mod coref;
mod cues;
mod extract;
mod headline;
mod indirect;
pub mod lexicon;
pub mod marks;
pub mod mentions;
mod sieve;

use serde::{Deserialize, Serialize};

use crate::text::{Segments, Span};
pub use extract::extract;
pub use lexicon::Gender;
pub use mentions::SpeakerKind;
pub use sieve::RULES;

/// Direct, partial or indirect (LABELING.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quotation in quotation marks.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
    /// Reported speech without marks: the clause after a reporting verb.
    Indirect,
}

impl QuoteKind {
    /// The kind's name as written out: `direct`, `partial` or `indirect`.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

impl std::str::FromStr for QuoteKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "direct" => Ok(QuoteKind::Direct),
            "partial" => Ok(QuoteKind::Partial),
            "indirect" => Ok(QuoteKind::Indirect),
            other => Err(format!(
                "unknown quote kind `{other}` (direct, partial, indirect)"
            )),
        }
    }
}

/// Which sieve rule attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// `“…,” Mr. X said` / `“…,” said Mr. X`.
    TrailingCue,
    /// `Mr. X said: “…”` / `…, he added, “…”`.
    LeadInCue,
    /// A partial quote inside a sentence whose cue is elsewhere in it.
    SentenceCue,
    /// An indirect quote: the clause governed by a reporting verb.
    ReportingVerb,
    /// `according to X`.
    AccordingTo,
    /// `NAME: answer` in a transcript.
    TranscriptLabel,
    /// A headline's `X says: …`, `…: X` or `…, X says` (no quotation marks).
    Headline,
    /// Another quote of the same paragraph has the speaker.
    SameParagraph,
    /// The previous paragraph ends with an attributed colon lead-in.
    ColonLeadIn,
    /// A quote-only paragraph continuing the previous paragraph's speaker.
    ContinuedParagraph,
    /// A quotation in a sentence that reports speech but names nobody the
    /// rules above could resolve: the nearest speaker before it.
    NearestSpeaker,
    /// Another extractor's attribution (scored beside quotestance's).
    External,
    /// No rule applied.
    Unattributed,
}

impl Attribution {
    /// The rule's name as written out, in snake case (`trailing_cue`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Attribution::TrailingCue => "trailing_cue",
            Attribution::LeadInCue => "lead_in_cue",
            Attribution::SentenceCue => "sentence_cue",
            Attribution::ReportingVerb => "reporting_verb",
            Attribution::AccordingTo => "according_to",
            Attribution::TranscriptLabel => "transcript_label",
            Attribution::Headline => "headline",
            Attribution::SameParagraph => "same_paragraph",
            Attribution::ColonLeadIn => "colon_lead_in",
            Attribution::ContinuedParagraph => "continued_paragraph",
            Attribution::NearestSpeaker => "nearest_speaker",
            Attribution::External => "external",
            Attribution::Unattributed => "unattributed",
        }
    }
}

/// One quote: its span in the article, kind, speaker and how it was attributed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Where the quote's words are in the article, quotation marks excluded.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Index into [`Extraction::speakers`].
    pub speaker: Option<usize>,
    /// The reporting verb (or label) that attributed it.
    pub cue: Option<Span>,
    /// The sieve rule that found the speaker (`Unattributed` when none did).
    pub attribution: Attribution,
    /// How sure the attribution is, 0–1.
    pub confidence: f32,
    /// The sentence(s) the quote touches.
    pub sentence: Span,
    /// The paragraph the quote starts in.
    pub paragraph: Span,
}

/// A speaker with a canonical name and every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// Canonical name: a person's name without titles, an organisation, or a group.
    pub name: String,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
    /// Role or title as the article gives it (an appositive or the titles before the name).
    pub role: Option<String>,
    /// Gender, when an honorific, a gendered title or a pronoun gives it.
    pub gender: Option<Gender>,
    /// Every mention of the speaker in the article, in text order.
    pub mentions: Vec<Span>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// In text order.
    pub quotes: Vec<Quote>,
    /// Only speakers with at least one quote, in order of their first quote.
    pub speakers: Vec<Speaker>,
    /// The article's paragraphs and sentences, as the extractor read them.
    #[serde(skip)]
    pub segments: Segments,
}

impl Extraction {
    /// The name of `quote`'s speaker, if it has one.
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote
            .speaker
            .and_then(|i| self.speakers.get(i))
            .map(|s| s.name.as_str())
    }
}
