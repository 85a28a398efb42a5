//! Annotated news corpora in the shared JSON Lines format (PolNeAR, GGT:
//! one document a line with its quotes and indirect quotes; see the corpora's
//! README), read as gold articles for extraction and attribution scores.
//!
//! Their quotes are double-quoted segments attributed to a speaker, scored
//! with the direct and partial quotes; their indirect quotes with the
//! indirect ones. A speaker given only as a pronoun (PolNeAR has no
//! coreference) or not at all leaves the quote out of the attribution score.
//! These sets carry no stance labels: only `--extraction-only` applies.

use std::path::Path;

use serde::Deserialize;

use super::gold::{GoldArticle, GoldQuote, Split};
use crate::error::Error;
use crate::quotes::QuoteKind;

#[derive(Deserialize)]
struct Document {
    doc_id: String,
    text: String,
    #[serde(default)]
    quotes: Vec<Unit>,
    #[serde(default)]
    indirect_quotes: Vec<Unit>,
}

#[derive(Deserialize)]
struct Unit {
    byte_start: usize,
    byte_end: usize,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_is_pronoun: bool,
}

/// Reads every document of a corpus file; errors name the file and line.
pub fn load_external(path: &Path) -> Result<Vec<GoldArticle>, Error> {
    let raw = std::fs::read_to_string(path).map_err(|e| Error::GoldFile {
        path: path.to_path_buf(),
        message: format!("cannot read: {e}"),
    })?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| Error::GoldFile {
            path: path.to_path_buf(),
            message: format!("line {}: {message}", i + 1),
        };
        let doc: Document =
            serde_json::from_str(line).map_err(|e| err(format!("not a corpus document: {e}")))?;
        let mut quotes = Vec::new();
        for (units, kind) in [
            (&doc.quotes, QuoteKind::Direct),
            (&doc.indirect_quotes, QuoteKind::Indirect),
        ] {
            for u in units {
                let ok =
                    u.byte_start < u.byte_end && doc.text.get(u.byte_start..u.byte_end).is_some();
                if !ok {
                    return Err(err(format!(
                        "span {}..{} is not inside the text on character boundaries",
                        u.byte_start, u.byte_end
                    )));
                }
                let speaker = match &u.speaker {
                    Some(s) if !u.speaker_is_pronoun => s.trim().to_string(),
                    _ => String::new(),
                };
                quotes.push(GoldQuote {
                    start: u.byte_start,
                    end: u.byte_end,
                    kind,
                    speaker,
                    stance: "neutral".into(),
                    sentiment: "neutral".into(),
                    text: None,
                });
            }
        }
        quotes.sort_by_key(|q| (q.start, q.end));
        out.push(GoldArticle {
            id: doc.doc_id,
            split: Split::Dev,
            style: None,
            path: path.to_path_buf(),
            text: doc.text,
            quotes,
            speakers: Vec::new(),
        });
    }
    if out.is_empty() {
        return Err(Error::GoldFile {
            path: path.to_path_buf(),
            message: "no documents".into(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_lines_become_gold_articles() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("set.jsonl");
        let text = "“We will talk,” Ana Polk said. He said talks would resume.";
        let doc = serde_json::json!({
            "doc_id": "d1", "text": text,
            "quotes": [{"byte_start": 3, "byte_end": 15, "speaker": "Ana Polk",
                        "speaker_is_pronoun": false}],
            "indirect_quotes": [{"byte_start": 43, "byte_end": 62, "speaker": "He",
                                 "speaker_is_pronoun": true}],
        });
        std::fs::write(&p, format!("{doc}\n")).unwrap();
        let gold = load_external(&p).unwrap();
        assert_eq!(gold.len(), 1);
        let q = &gold[0].quotes;
        assert_eq!(q[0].span().text(text), "We will talk");
        assert_eq!(
            (q[0].kind, q[0].speaker.as_str()),
            (QuoteKind::Direct, "Ana Polk")
        );
        assert_eq!(q[1].span().text(text), "talks would resume.");
        assert_eq!(
            (q[1].kind, q[1].speaker.as_str()),
            (QuoteKind::Indirect, "")
        );

        std::fs::write(&p, "{\"doc_id\": \"d\", \"text\": \"ab\", \"quotes\": [{\"byte_start\": 1, \"byte_end\": 9}]}\n").unwrap();
        let err = load_external(&p).unwrap_err().to_string();
        assert!(err.contains("set.jsonl") && err.contains("line 1"), "{err}");
    }
}
