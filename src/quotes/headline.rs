//! Headlines and related-link titles that attribute words without quotation
//! marks (evaluation/LABELING.md §9.5): `SPEAKER says: TEXT` is direct;
//! `TEXT: SPEAKER` and `TEXT, SPEAKER says` are indirect.

use crate::text::Span;

use super::lexicon::is_role_noun;
use super::QuoteKind;

/// The words a headline attributes, and to whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct HeadlineQuote {
    pub(super) quote: Span,
    pub(super) speaker: Span,
    pub(super) kind: QuoteKind,
}

/// Labels that open a headline without naming a speaker ("Analysis: …").
const NOT_SPEAKERS: &[&str] = &[
    "analysis",
    "breaking",
    "comment",
    "commentary",
    "editorial",
    "exclusive",
    "explainer",
    "factbox",
    "feature",
    "interview",
    "live",
    "opinion",
    "photos",
    "q&a",
    "timeline",
    "update",
    "updated",
    "video",
    "watch",
    "a",
    "an",
    "the",
    "how",
    "why",
    "what",
    "when",
    "where",
    "who",
];

/// Labels of related links, before the linked title.
const LINK_LABELS: &[&str] = &[
    "read more:",
    "see also",
    "related:",
    "also read:",
    "read also:",
];

/// Plural source nouns that speak for someone unnamed ("…, reports say").
const SOURCE_NOUNS: &[&str] = &[
    "reports",
    "officials",
    "sources",
    "analysts",
    "experts",
    "diplomats",
    "media",
];

/// The attributions in `para`'s lines that read as headlines.
pub(super) fn headline_quotes(text: &str, para: Span) -> Vec<HeadlineQuote> {
    let mut start = para.start;
    let mut found = Vec::new();
    for line in para.text(text).split('\n') {
        // A related-link label ("READ MORE: …", "See also …") is not part of the title.
        let title = LINK_LABELS
            .iter()
            .find_map(|label| {
                line.get(..label.len())
                    .filter(|head| head.eq_ignore_ascii_case(label))
                    .map(|_| label.len())
            })
            .unwrap_or(0);
        let title_start = start + title + (line.len() - title - line[title..].trim_start().len());
        found.extend(headline_quote(
            text,
            Span::new(title_start, start + line.len()),
        ));
        start += line.len() + 1;
    }
    found
}

/// The attribution in `line` when it reads as a headline: at most 25 words,
/// no quotation marks and no full stop at its end.
fn headline_quote(text: &str, para: Span) -> Option<HeadlineQuote> {
    let line = para.text(text);
    let trimmed = line.trim_end();
    if trimmed.ends_with(['.', '?', '!', '"', '”', '’', '\''])
        || line.contains('@')
        || line.contains("http")
        || line.contains(['"', '“', '”'])
        || line.split_whitespace().count() > 25
    {
        return None;
    }
    let at = |a: usize, b: usize| Span::new(para.start + a, para.start + b).trim(text);
    // SPEAKER says: TEXT
    if let Some(colon) = line.find(": ") {
        let head = &line[..colon];
        let body = &line[colon + 2..];
        for verb in [" says", " Says", " said", " Said"] {
            if let Some(who) = head.strip_suffix(verb) {
                if is_speaker(who) && body.split_whitespace().count() >= 3 {
                    return Some(HeadlineQuote {
                        quote: at(colon + 2, trimmed.len()),
                        speaker: at(0, who.len()),
                        kind: QuoteKind::Direct,
                    });
                }
            }
        }
    }
    // TEXT: SPEAKER
    if let Some(colon) = trimmed.rfind(": ") {
        let who = &trimmed[colon + 2..];
        if is_speaker(who) && trimmed[..colon].split_whitespace().count() >= 4 {
            return Some(HeadlineQuote {
                quote: at(0, colon),
                speaker: at(colon + 2, trimmed.len()),
                kind: QuoteKind::Indirect,
            });
        }
    }
    // TEXT, SPEAKER says
    let comma = trimmed.rfind(", ")?;
    let tail = &trimmed[comma + 2..];
    let who = tail
        .strip_suffix(" says")
        .or_else(|| tail.strip_suffix(" say"))?;
    (is_speaker(who) && trimmed[..comma].split_whitespace().count() >= 3).then(|| HeadlineQuote {
        quote: at(0, comma),
        speaker: at(comma + 2, comma + 2 + who.len()),
        kind: QuoteKind::Indirect,
    })
}

/// One to five words, no digits, not a section label; capitalised unless it
/// is a plain group of sources ("reports", "officials") or a role of up to
/// three words ("defense spokesperson").
fn is_speaker(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    // Agency credits under photographs ("… : AFP", "REUTERS") are not speakers.
    let credit = s
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3 && !w.chars().any(char::is_lowercase));
    words.len() <= 5
        && !credit
        && !s.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | ',' | '|' | '(' | ')'))
        && !NOT_SPEAKERS.contains(&first.to_lowercase().as_str())
        // "Remembering the victims" is a subtitle, not a speaker.
        && !first.ends_with("ing")
        && (first.chars().next().is_some_and(char::is_uppercase)
            || (words.len() <= 2
                && words
                    .last()
                    .is_some_and(|w| SOURCE_NOUNS.contains(&w.to_lowercase().as_str())))
            || (words.len() <= 3
                && words.last().is_some_and(|w| is_role_noun(&w.to_lowercase()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(&str, &str, QuoteKind)> {
        let span = Span::new(0, line.len());
        headline_quote(line, span).map(|h| (h.quote.text(line), h.speaker.text(line), h.kind))
    }

    #[test]
    fn the_three_attributing_forms() {
        assert_eq!(
            parts("Nolan Says: Reopening the hotline is a signal of calmer ties"),
            Some((
                "Reopening the hotline is a signal of calmer ties",
                "Nolan",
                QuoteKind::Direct
            ))
        );
        assert_eq!(
            parts("Harbour talks a step toward stability: Premier Vasko"),
            Some((
                "Harbour talks a step toward stability",
                "Premier Vasko",
                QuoteKind::Indirect
            ))
        );
        // A role in lower case names a speaker too.
        assert_eq!(
            parts("Harbour contacts help mutual understanding: port spokesperson"),
            Some((
                "Harbour contacts help mutual understanding",
                "port spokesperson",
                QuoteKind::Indirect
            ))
        );
        assert_eq!(
            parts("Norland won’t return the minister’s calls, reports say"),
            Some((
                "Norland won’t return the minister’s calls",
                "reports",
                QuoteKind::Indirect
            ))
        );
    }

    #[test]
    fn each_line_of_a_paragraph_is_looked_at() {
        let text = "Nolan Says: Reopening the hotline is a signal of calmer ties\nBy: Staff | Published: May 2";
        let found = headline_quotes(text, Span::new(0, text.len()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].speaker.text(text), "Nolan");
        let text = "READ MORE: Harbour talks a step toward stability: Premier Vasko";
        let found = headline_quotes(text, Span::new(0, text.len()));
        assert_eq!(
            found[0].quote.text(text),
            "Harbour talks a step toward stability"
        );
    }

    #[test]
    fn ordinary_lines_and_section_labels_are_not_attributions() {
        assert_eq!(parts("Analysis: why the harbour talks stalled again"), None);
        assert_eq!(parts("Harbour talks resume: what to expect"), None);
        assert_eq!(parts("Harbour talks resume: the new ferry timetable"), None);
        assert_eq!(parts("The talks resumed on Monday, officials said."), None);
        assert_eq!(parts("Talks resume: “a new chapter”, Vasko says"), None);
        assert_eq!(parts("Updated: 12 May 2024"), None);
        assert_eq!(parts("Norland: A Short History Of The Coast Guard"), None);
        assert_eq!(
            parts("Harbour rail against ferry line: inaccurate comparisons"),
            None
        );
        assert_eq!(
            parts("Harbour vigil for the flood: Remembering the victims"),
            None
        );
        assert_eq!(
            parts("• Email: desk@example.org | Twitter: HarbourDesk"),
            None
        );
        assert_eq!(
            parts("The minister (r.) meets his counterpart on the coast: AFP/Ola Berg"),
            None
        );
    }
}
