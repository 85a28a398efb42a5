//! Writers for every output format, from plain result types.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::quotes::{Extraction, SpeakerKind};

/// One quote as written out (`quotes` command).
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub speaker: Option<&'a str>,
    pub attribution: &'static str,
    pub confidence: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<&'a str>,
}

/// One speaker as written out.
#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    pub name: &'a str,
    pub kind: SpeakerKind,
    pub role: Option<&'a str>,
    pub quotes: usize,
}

/// The `quotes` result for one article.
#[derive(Debug, Serialize)]
pub struct QuotesDocument<'a> {
    pub id: &'a str,
    pub source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub quotes: Vec<QuoteRecord<'a>>,
    pub speakers: Vec<SpeakerRecord<'a>>,
}

impl<'a> QuotesDocument<'a> {
    pub fn new(article: &'a Article, extraction: &'a Extraction) -> Self {
        let text = article.text.as_str();
        let quotes = extraction
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                start: q.span.start,
                end: q.span.end,
                text: q.span.text(text),
                kind: q.kind.as_str(),
                speaker: extraction.speaker_name(q),
                attribution: q.attribution.as_str(),
                confidence: (q.confidence * 100.0).round() / 100.0,
                cue: q.cue.map(|c| c.text(text)),
            })
            .collect();
        let speakers = extraction
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| SpeakerRecord {
                name: &s.name,
                kind: s.kind,
                role: s.role.as_deref(),
                quotes: extraction
                    .quotes
                    .iter()
                    .filter(|q| q.speaker == Some(i))
                    .count(),
            })
            .collect();
        QuotesDocument {
            id: &article.id,
            source: &article.source,
            line: article.line,
            quotes,
            speakers,
        }
    }
}

/// Shortens `s` to at most `max` characters, marking the cut with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut out: String = flat.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// A readable table of one article's quotes.
pub fn write_quotes_table(out: &mut dyn Write, doc: &QuotesDocument) -> io::Result<()> {
    writeln!(
        out,
        "{} — {} quotes, {} speakers",
        doc.source,
        doc.quotes.len(),
        doc.speakers.len()
    )?;
    let name_w = doc
        .quotes
        .iter()
        .map(|q| q.speaker.unwrap_or("?").chars().count().min(26))
        .max()
        .unwrap_or(7)
        .max(7);
    writeln!(
        out,
        "  {}  {}  {}  quote",
        pad("kind", 8),
        pad("speaker", name_w),
        pad("bytes", 11)
    )?;
    for q in &doc.quotes {
        writeln!(
            out,
            "  {}  {}  {}  {}",
            pad(q.kind, 8),
            pad(&shorten(q.speaker.unwrap_or("?"), 26), name_w),
            pad(&format!("{}–{}", q.start, q.end), 11),
            shorten(q.text, 90)
        )?;
    }
    writeln!(out, "  speakers:")?;
    for s in &doc.speakers {
        let role = s
            .role
            .map(|r| format!(" — {}", shorten(r, 60)))
            .unwrap_or_default();
        let plural = if s.quotes == 1 { "" } else { "s" };
        writeln!(out, "    {} ({} quote{plural}){role}", s.name, s.quotes)?;
    }
    Ok(())
}
