//! The plain quote-mark scanner: every stretch of text between double
//! quotation marks is a quote, with no speaker. The floor any extractor
//! should beat on recall of quoted speech, and the measure of how much quoted
//! text in a corpus is not speech (scare quotes, titles).

use crate::quotes::marks::find_marked_quotes;
use crate::quotes::{Attribution, Extraction, Quote, QuoteKind};
use crate::text::{Segments, Span};

/// A quote another extractor found at `span`, placed in its sentence and
/// paragraph, with no cue or confidence of quotestance's own.
pub(crate) fn found_quote(
    segments: &Segments,
    span: Span,
    kind: QuoteKind,
    speaker: Option<usize>,
    attribution: Attribution,
) -> Quote {
    let (sentence, paragraph) = segments.context(span);
    Quote {
        span,
        kind,
        speaker,
        cue: None,
        attribution,
        confidence: 0.0,
        sentence,
        paragraph,
    }
}

/// Every double-quoted stretch of `text` as a direct quote with no speaker.
pub fn quote_mark_scan(text: &str) -> Extraction {
    let segments = Segments::new(text);
    let quotes = find_marked_quotes(text, &segments.paragraphs)
        .into_iter()
        .filter(|q| !q.single && !q.inner.is_empty())
        .map(|q| {
            found_quote(
                &segments,
                q.inner,
                QuoteKind::Direct,
                None,
                Attribution::Unattributed,
            )
        })
        .collect();
    Extraction {
        quotes,
        speakers: Vec::new(),
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_double_quoted_stretch_is_taken_and_nothing_else() {
        let text = "The “so-called” deal, Lu said, is “dead.” He called it 'odd'.";
        let ex = quote_mark_scan(text);
        let spans: Vec<&str> = ex.quotes.iter().map(|q| q.span.text(text)).collect();
        assert_eq!(spans, ["so-called", "dead."]);
        assert!(ex.quotes.iter().all(|q| q.speaker.is_none()));
    }
}
