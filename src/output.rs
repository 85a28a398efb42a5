//! Writers for every output format, from plain result types.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::quotes::{Extraction, SpeakerKind};

/// One quote as written out (`quotes` command).
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// Byte offset where the quote starts in the article text (quotation marks excluded).
    pub start: usize,
    /// Byte offset one past the quote's last byte in the article text.
    pub end: usize,
    /// The quote itself (the article's bytes `start..end`), without its quotation marks.
    pub text: &'a str,
    /// `direct`, `partial` or `indirect`.
    pub kind: &'static str,
    /// The speaker's name, or `null` when no speaker could be found.
    pub speaker: Option<&'a str>,
    /// The sieve rule that attributed the quote (`lead_in_cue`, …, `unattributed`).
    pub attribution: &'static str,
    /// How sure the attribution is, 0–1, rounded to two decimals (0 when unattributed).
    pub confidence: f32,
    /// The reporting verb or label that attributed the quote; omitted when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<&'a str>,
}

/// One speaker as written out.
#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    /// The speaker's canonical name: a person without titles, an organisation or a group.
    pub name: &'a str,
    /// `person`, `organization` or `group`.
    pub kind: SpeakerKind,
    /// The speaker's role or title as the article gives it, or `null`.
    pub role: Option<&'a str>,
    /// How many of the article's quotes are attributed to this speaker.
    pub quotes: usize,
}

/// The `quotes` result for one article.
#[derive(Debug, Serialize)]
pub struct QuotesDocument<'a> {
    /// The article's id (the file stem, or the JSON Lines `id`).
    pub id: &'a str,
    /// The file the article came from (`-` for stdin).
    pub source: &'a str,
    /// Line number in a JSON Lines input; omitted for other inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Every quote found, in text order.
    pub quotes: Vec<QuoteRecord<'a>>,
    /// Speakers with at least one quote, in order of their first quote.
    pub speakers: Vec<SpeakerRecord<'a>>,
}

impl<'a> QuotesDocument<'a> {
    /// The record of `article` and what was extracted from it.
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

/// `1 quote`, `2 quotes`, `0 quotes`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A readable table of one article's quotes.
pub fn write_quotes_table(out: &mut dyn Write, doc: &QuotesDocument) -> io::Result<()> {
    writeln!(
        out,
        "{} — {}, {}",
        doc.source,
        count(doc.quotes.len(), "quote"),
        count(doc.speakers.len(), "speaker")
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
        writeln!(out, "    {} ({}){role}", s.name, count(s.quotes, "quote"))?;
    }
    Ok(())
}

use crate::stance::ArticleResult;

/// The CSV header of `quotes --format csv`.
pub const QUOTES_CSV_HEADER: &str =
    "article,start,end,kind,speaker,attribution,confidence,cue,text";

/// CSV rows of one article's quotes (no header).
pub fn write_quotes_csv(out: &mut dyn Write, doc: &QuotesDocument) -> io::Result<()> {
    for q in &doc.quotes {
        writeln!(
            out,
            "{},{},{},{},{},{},{:.2},{},{}",
            csv_field(doc.id),
            q.start,
            q.end,
            q.kind,
            csv_field(q.speaker.unwrap_or("")),
            q.attribution,
            q.confidence,
            csv_field(q.cue.unwrap_or("")),
            csv_field(q.text)
        )?;
    }
    Ok(())
}

/// One article's quotes as a Markdown table.
pub fn write_quotes_markdown(out: &mut dyn Write, doc: &QuotesDocument) -> io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    writeln!(out, "### {}\n", cell(doc.id))?;
    writeln!(
        out,
        "| bytes | kind | speaker | attribution | quote |\n|---|---|---|---|---|"
    )?;
    for q in &doc.quotes {
        writeln!(
            out,
            "| {}–{} | {} | {} | {} | {} |",
            q.start,
            q.end,
            q.kind,
            cell(q.speaker.unwrap_or("")),
            q.attribution,
            cell(q.text)
        )?;
    }
    writeln!(out)
}

/// The stance table of one article: one row per speaker.
pub fn write_classify_table(
    out: &mut dyn Write,
    r: &ArticleResult,
    per_quote: bool,
) -> io::Result<()> {
    writeln!(
        out,
        "{} — {}, {}",
        r.source,
        count(r.quotes.len(), "quote"),
        count(r.speakers.len(), "speaker")
    )?;
    if per_quote {
        writeln!(
            out,
            "  {}  {}  {}  {}  quote",
            pad("kind", 8),
            pad("speaker", 24),
            pad("stance", 10),
            pad("sentiment", 9)
        )?;
        for q in &r.quotes {
            writeln!(
                out,
                "  {}  {}  {}  {}  {}",
                pad(q.kind, 8),
                pad(&shorten(q.speaker.as_deref().unwrap_or("?"), 24), 24),
                pad(&q.stance, 10),
                pad(&q.sentiment, 9),
                shorten(&q.text, 70)
            )?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "  {}  {}  {}  {}  {}  evidence",
        pad("speaker", 24),
        pad("role", 30),
        pad("stance", 10),
        pad("conf", 4),
        pad("quotes", 6)
    )?;
    for s in &r.speakers {
        writeln!(
            out,
            "  {}  {}  {}  {:.2}  {}  {}",
            pad(&shorten(&s.name, 24), 24),
            pad(&shorten(s.role.as_deref().unwrap_or("—"), 30), 30),
            pad(&s.stance, 10),
            s.confidence,
            pad(&s.quotes.to_string(), 6),
            s.evidence
                .as_ref()
                .map(|e| shorten(&e.text, 60))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

/// Markdown: one table per article.
pub fn write_classify_markdown(
    out: &mut dyn Write,
    r: &ArticleResult,
    per_quote: bool,
) -> io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    writeln!(out, "### {}\n", cell(&r.id))?;
    if per_quote {
        writeln!(
            out,
            "| kind | speaker | stance | sentiment | quote |\n|---|---|---|---|---|"
        )?;
        for q in &r.quotes {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                q.kind,
                cell(q.speaker.as_deref().unwrap_or("")),
                q.stance,
                q.sentiment,
                cell(&q.text)
            )?;
        }
    } else {
        writeln!(out, "| speaker | role | stance | confidence | quotes | evidence |\n|---|---|---|---|---|---|")?;
        for s in &r.speakers {
            writeln!(
                out,
                "| {} | {} | {} | {:.2} | {} | {} |",
                cell(&s.name),
                cell(s.role.as_deref().unwrap_or("")),
                s.stance,
                s.confidence,
                s.quotes,
                cell(
                    &s.evidence
                        .as_ref()
                        .map(|e| shorten(&e.text, 100))
                        .unwrap_or_default()
                )
            )?;
        }
    }
    writeln!(out)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV header for `per_quote` or per-speaker rows.
pub fn csv_header(per_quote: bool) -> &'static str {
    if per_quote {
        "article,start,end,kind,speaker,stance,stance_score,sentiment,sentiment_score,attribution,text"
    } else {
        "article,speaker,kind,role,stance,confidence,quotes,evidence"
    }
}

/// CSV rows of one article (no header).
pub fn write_classify_csv(
    out: &mut dyn Write,
    r: &ArticleResult,
    per_quote: bool,
) -> io::Result<()> {
    let top = |scores: &[crate::stance::LabelScore], label: &str| {
        scores
            .iter()
            .find(|s| s.label == label)
            .map(|s| s.score)
            .unwrap_or(0.0)
    };
    if per_quote {
        for q in &r.quotes {
            writeln!(
                out,
                "{},{},{},{},{},{},{:.3},{},{:.3},{},{}",
                csv_field(&r.id),
                q.start,
                q.end,
                q.kind,
                csv_field(q.speaker.as_deref().unwrap_or("")),
                q.stance,
                top(&q.stance_scores, &q.stance),
                q.sentiment,
                top(&q.sentiment_scores, &q.sentiment),
                q.attribution,
                csv_field(&q.text)
            )?;
        }
    } else {
        for s in &r.speakers {
            let kind = serde_json::to_value(s.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            writeln!(
                out,
                "{},{},{},{},{},{:.3},{},{}",
                csv_field(&r.id),
                csv_field(&s.name),
                kind,
                csv_field(s.role.as_deref().unwrap_or("")),
                s.stance,
                s.confidence,
                s.quotes,
                csv_field(s.evidence.as_ref().map(|e| e.text.as_str()).unwrap_or(""))
            )?;
        }
    }
    Ok(())
}
