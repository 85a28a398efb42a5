//! The gold format (evaluation/README.md): one JSON file per article.

use crate::error::Error;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::quotes::QuoteKind;
use crate::text::Span;

/// The stance labels a gold quote or speaker may carry.
pub const STANCE_LABELS: [&str; 4] = ["optimistic", "skeptical", "critical", "neutral"];
/// The sentiment labels a gold quote may carry.
pub const SENTIMENT_LABELS: [&str; 3] = ["positive", "negative", "neutral"];

/// The part of the gold set an article belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Training articles (the real-news set has them; the written set keeps
    /// its training examples in evaluation/train/).
    Train,
    /// Development articles: for building the extractor and choosing settings.
    Dev,
    /// Held-out articles for reported numbers; never trained on or tuned to.
    Test,
}

impl std::str::FromStr for Split {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "train" => Ok(Split::Train),
            "dev" => Ok(Split::Dev),
            "test" => Ok(Split::Test),
            other => Err(format!("unknown split `{other}` (train, dev or test)")),
        }
    }
}

/// One labelled quote in a gold article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldQuote {
    /// Byte offset where the quote starts in the article text.
    pub start: usize,
    /// Byte offset just past the quote's end.
    pub end: usize,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Canonical speaker name; must be one of the article's speakers.
    pub speaker: String,
    /// Stance label, one of [`STANCE_LABELS`].
    pub stance: String,
    /// Sentiment label, one of [`SENTIMENT_LABELS`].
    pub sentiment: String,
    /// The quoted text, checked against the article at load.
    #[serde(default)]
    pub text: Option<String>,
}

impl GoldQuote {
    /// The quote's byte span in the article text.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A speaker in a gold article, with a stance over all their quotes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GoldSpeaker {
    /// `name`, or `speaker` as the real-news files write it.
    #[serde(alias = "speaker")]
    pub name: String,
    /// An empty role reads as none.
    #[serde(default, deserialize_with = "non_empty")]
    pub role: Option<String>,
    /// Speaker stance label, one of [`STANCE_LABELS`].
    pub stance: String,
}

fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let role: Option<String> = Option::deserialize(d)?;
    Ok(role.filter(|r| !r.trim().is_empty()))
}

/// The file as written.
#[derive(Debug, Clone, Deserialize)]
struct GoldFile {
    id: String,
    split: Split,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    text: Option<String>,
    quotes: Vec<GoldQuote>,
    speakers: Vec<GoldSpeaker>,
}

/// A loaded, validated gold article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// Article id from the file.
    pub id: String,
    /// The split the article belongs to.
    pub split: Split,
    /// Free-text description of the article's style (e.g. "wire copy"), if given.
    pub style: Option<String>,
    /// The gold file it was loaded from.
    pub path: PathBuf,
    /// The article text, inline or read from its source file (without a BOM).
    pub text: String,
    /// The labelled quotes, in file order.
    pub quotes: Vec<GoldQuote>,
    /// The labelled speakers, in file order.
    pub speakers: Vec<GoldSpeaker>,
}

/// Loads and validates one gold file.
pub fn load_gold_file(path: &Path) -> Result<GoldArticle, Error> {
    let file_err = |message: String| Error::GoldFile {
        path: path.to_path_buf(),
        message,
    };
    let raw = std::fs::read_to_string(path).map_err(|e| file_err(format!("cannot read: {e}")))?;
    let file: GoldFile =
        serde_json::from_str(&raw).map_err(|e| file_err(format!("not a gold file: {e}")))?;
    let text = match (&file.text, &file.source) {
        (Some(t), _) => t.clone(),
        (None, Some(src)) => {
            let src_path = path.parent().unwrap_or(Path::new(".")).join(src);
            let t = std::fs::read_to_string(&src_path).map_err(|e| {
                file_err(format!(
                    "cannot read its source {}: {e}",
                    src_path.display()
                ))
            })?;
            t.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(t)
        }
        (None, None) => return Err(file_err("needs \"text\" or \"source\"".into())),
    };
    for (index, q) in file.quotes.iter().enumerate() {
        let quote_err = |message: String| Error::GoldQuote {
            path: path.to_path_buf(),
            index,
            message,
        };
        if q.start > q.end || q.end > text.len() {
            return Err(quote_err(format!(
                "offsets {}..{} outside the text ({} bytes)",
                q.start,
                q.end,
                text.len()
            )));
        }
        if !text.is_char_boundary(q.start) || !text.is_char_boundary(q.end) {
            return Err(quote_err(format!(
                "offsets {}..{} are not on character boundaries",
                q.start, q.end
            )));
        }
        if let Some(expected) = &q.text {
            if &text[q.start..q.end] != expected {
                return Err(quote_err(format!(
                    "text does not match bytes {}..{} (run scripts/gold_offsets.py)",
                    q.start, q.end
                )));
            }
        }
        if !STANCE_LABELS.contains(&q.stance.as_str()) {
            return Err(quote_err(format!(
                "unknown stance label `{}` (one of {:?})",
                q.stance, STANCE_LABELS
            )));
        }
        if !SENTIMENT_LABELS.contains(&q.sentiment.as_str()) {
            return Err(quote_err(format!(
                "unknown sentiment label `{}` (one of {:?})",
                q.sentiment, SENTIMENT_LABELS
            )));
        }
        if !file.speakers.iter().any(|s| s.name == q.speaker) {
            return Err(quote_err(format!(
                "speaker `{}` is not in \"speakers\"",
                q.speaker
            )));
        }
    }
    for (index, s) in file.speakers.iter().enumerate() {
        if !STANCE_LABELS.contains(&s.stance.as_str()) {
            return Err(Error::GoldSpeaker {
                path: path.to_path_buf(),
                index,
                message: format!("unknown stance label `{}`", s.stance),
            });
        }
    }
    Ok(GoldArticle {
        id: file.id,
        split: file.split,
        style: file.style,
        path: path.to_path_buf(),
        text,
        quotes: file.quotes,
        speakers: file.speakers,
    })
}

/// Loads every `*.json` in `dir` (sorted), keeping those of `split` (all if None).
pub fn load_gold_dir(dir: &Path, split: Option<Split>) -> Result<Vec<GoldArticle>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::GoldFile {
        path: dir.to_path_buf(),
        message: format!("cannot read the gold directory: {e}"),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let g = load_gold_file(&p)?;
        if split.is_none_or(|s| s == g.split) {
            out.push(g);
        }
    }
    if out.is_empty() {
        return Err(Error::GoldFile {
            path: dir.to_path_buf(),
            message: "no gold articles (for this split)".into(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, body: &str) -> PathBuf {
        let p = dir.join("g.json");
        std::fs::write(&p, body).unwrap();
        p
    }

    const GOOD: &str = r#"{"id":"x","split":"dev","text":"“Hé,” he said.","quotes":[{"start":3,"end":6,"kind":"direct","speaker":"A","stance":"neutral","sentiment":"neutral","text":"Hé"}],"speakers":[{"name":"A","stance":"neutral"}]}"#;

    #[test]
    fn loads_a_valid_file() {
        let tmp = tempfile::tempdir().unwrap();
        let g = load_gold_file(&write(tmp.path(), GOOD)).unwrap();
        assert_eq!(g.quotes[0].span().text(&g.text), "Hé");
    }

    #[test]
    fn bad_offsets_labels_and_boundaries_name_file_and_item() {
        let tmp = tempfile::tempdir().unwrap();
        for (bad, expect) in [
            (GOOD.replace("\"end\":6", "\"end\":60"), "outside the text"),
            (
                GOOD.replace("\"end\":6", "\"end\":5"),
                "character boundaries",
            ),
            (
                GOOD.replace(
                    "\"stance\":\"neutral\",\"sentiment\"",
                    "\"stance\":\"hopeful\",\"sentiment\"",
                ),
                "unknown stance",
            ),
            (
                GOOD.replace("\"text\":\"Hé\"", "\"text\":\"He\""),
                "does not match",
            ),
            (
                GOOD.replace("\"speaker\":\"A\"", "\"speaker\":\"B\""),
                "not in \"speakers\"",
            ),
        ] {
            let err = load_gold_file(&write(tmp.path(), &bad))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("g.json") && err.contains("quote 0") && err.contains(expect),
                "{err}"
            );
        }
    }
}
