//! Articles in: plain-text files, JSON Lines, directories of both, stdin.
//! Every bad input is its own error naming the file (and line); the others still run.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Default largest input file, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// One article: its id, its text, and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Identifier: the file stem, or for JSON Lines the `id` field (else `stem:line`).
    pub id: String,
    /// The text all spans index into (a leading BOM removed; nothing else changed).
    pub text: String,
    /// The file it came from (`-` for stdin).
    pub source: String,
    /// Line number in a JSON Lines file.
    pub line: Option<usize>,
    /// Extra JSON Lines fields, passed through untouched.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Article {
    /// An article from a text in memory; `id` is also its source.
    pub fn from_text(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            text: text.to_string(),
            source: id.to_string(),
            line: None,
            extra: Default::default(),
        }
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum IngestError {
    /// The input path does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The file path as given.
        path: String,
    },
    /// The input exists but could not be read.
    #[error("{path}: cannot read: {message}")]
    Unreadable {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// The operating system's error message.
        message: String,
    },
    /// The input is not valid UTF-8.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first")]
    NotUtf8 {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// Byte offset of the first invalid UTF-8 byte.
        offset: usize,
    },
    /// The input holds a NUL byte, so it looks like a binary file.
    #[error(
        "{path}: looks binary (NUL byte at offset {offset}); only UTF-8 text articles are read"
    )]
    Binary {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input holds no text (only whitespace, or no JSON Lines records).
    #[error("{path}: empty article (no text)")]
    Empty {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
    },
    /// The input is bigger than the size limit.
    #[error("{path}: {size} bytes is over the {limit}-byte limit")]
    TooLarge {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// Size of the input, in bytes.
        size: u64,
        /// The largest size allowed, in bytes.
        limit: u64,
    },
    /// A JSON Lines line is not valid JSON or not a JSON object.
    #[error("{path}:{line}: not valid JSON: {message}")]
    BadJson {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// 1-based line number in the JSON Lines input.
        line: usize,
        /// The JSON parser's error message.
        message: String,
    },
    /// A JSON Lines object has no string `text` field.
    #[error("{path}:{line}: JSON object has no string field \"text\"")]
    NoText {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// 1-based line number in the JSON Lines input.
        line: usize,
    },
    /// A JSON Lines object's `text` is empty or only whitespace.
    #[error("{path}:{line}: empty \"text\"")]
    EmptyJsonText {
        /// Input as shown to the user: the file path, or `-` for stdin.
        path: String,
        /// 1-based line number in the JSON Lines input.
        line: usize,
    },
    /// A directory holds no article files (`.txt`, `.text`, `.jsonl`, `.ndjson`).
    #[error("{path}: directory holds no .txt or .jsonl articles")]
    EmptyDirectory {
        /// The directory as named on the command line.
        path: String,
    },
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Largest input accepted, in bytes; larger files or stdin are refused.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// One input: an article or the error that replaced it.
pub type Input = Result<Article, IngestError>;

/// Reads every article under `paths` (files, directories recursively in
/// sorted order, `-` for stdin), one result per article or per failure.
pub fn read_inputs(paths: &[PathBuf], options: ReadOptions) -> Vec<Input> {
    plan_inputs(paths)
        .iter()
        .flat_map(|s| s.read(options))
        .collect()
}

/// Where articles come from, before anything is read: lets a long run read
/// one file at a time and keep memory flat.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Standard input (`-`), read as JSON Lines if it starts with `{`.
    Stdin,
    /// One file, read as JSON Lines if its extension is `.jsonl` or `.ndjson`.
    File(PathBuf),
    /// A named input that yields no file (an empty directory).
    Failed(IngestError),
}

impl Source {
    /// The articles (or failures) this source holds.
    pub fn read(&self, options: ReadOptions) -> Vec<Input> {
        match self {
            Source::Stdin => {
                let mut bytes = Vec::new();
                match std::io::stdin()
                    .take(options.max_bytes + 1)
                    .read_to_end(&mut bytes)
                {
                    Ok(_) => parse_bytes("-", "stdin", &bytes, options, looks_like_jsonl(&bytes)),
                    Err(e) => vec![Err(IngestError::Unreadable {
                        path: "-".into(),
                        message: e.to_string(),
                    })],
                }
            }
            Source::File(path) => read_file(path, options),
            Source::Failed(e) => vec![Err(e.clone())],
        }
    }
}

/// The sources under `paths`, in order: directories expanded recursively in
/// sorted order, `-` for stdin.
pub fn plan_inputs(paths: &[PathBuf]) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            collect_dir(path, &mut files);
            if files.is_empty() {
                out.push(Source::Failed(IngestError::EmptyDirectory {
                    path: path.display().to_string(),
                }));
            }
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::File(path.clone()));
        }
    }
    out
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "text" | "jsonl" | "ndjson")
    )
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("jsonl" | "ndjson")
    )
}

fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if p.is_dir() {
            collect_dir(&p, out);
        } else if is_article_file(&p) {
            out.push(p);
        } else {
            // Said, not silently dropped: only .txt and .jsonl files are articles.
            tracing::warn!("skipped {} (not a .txt or .jsonl article)", p.display());
        }
    }
}

/// Reads one file: a `.jsonl` gives one article a line, anything else one article.
pub fn read_file(path: &Path, options: ReadOptions) -> Vec<Input> {
    let shown = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return vec![Err(IngestError::Missing { path: shown })]
        }
        Err(e) => {
            return vec![Err(IngestError::Unreadable {
                path: shown,
                message: e.to_string(),
            })]
        }
    };
    if meta.len() > options.max_bytes {
        return vec![Err(IngestError::TooLarge {
            path: shown,
            size: meta.len(),
            limit: options.max_bytes,
        })];
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return vec![Err(IngestError::Unreadable {
                path: shown,
                message: e.to_string(),
            })]
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| shown.clone());
    parse_bytes(&shown, &stem, &bytes, options, is_jsonl(path))
}

/// Decodes and splits the bytes of one input.
pub fn parse_bytes(
    shown: &str,
    stem: &str,
    bytes: &[u8],
    options: ReadOptions,
    jsonl: bool,
) -> Vec<Input> {
    if bytes.len() as u64 > options.max_bytes {
        return vec![Err(IngestError::TooLarge {
            path: shown.into(),
            size: bytes.len() as u64,
            limit: options.max_bytes,
        })];
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return vec![Err(IngestError::Binary {
            path: shown.into(),
            offset,
        })];
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return vec![Err(IngestError::NotUtf8 {
                path: shown.into(),
                offset: e.valid_up_to(),
            })]
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if jsonl {
        return parse_jsonl(shown, stem, text);
    }
    if text.trim().is_empty() {
        return vec![Err(IngestError::Empty { path: shown.into() })];
    }
    vec![Ok(Article {
        id: stem.to_string(),
        text: text.to_string(),
        source: shown.to_string(),
        line: None,
        extra: serde_json::Map::new(),
    })]
}

fn parse_jsonl(shown: &str, stem: &str, text: &str) -> Vec<Input> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.push(Err(IngestError::BadJson {
                    path: shown.into(),
                    line: line_no,
                    message: e.to_string(),
                }));
                continue;
            }
        };
        let serde_json::Value::Object(mut map) = value else {
            out.push(Err(IngestError::BadJson {
                path: shown.into(),
                line: line_no,
                message: "expected a JSON object".into(),
            }));
            continue;
        };
        let Some(serde_json::Value::String(body)) = map.remove("text") else {
            out.push(Err(IngestError::NoText {
                path: shown.into(),
                line: line_no,
            }));
            continue;
        };
        if body.trim().is_empty() {
            out.push(Err(IngestError::EmptyJsonText {
                path: shown.into(),
                line: line_no,
            }));
            continue;
        }
        let id = match map.remove("id") {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{line_no}"),
        };
        out.push(Ok(Article {
            id,
            text: body,
            source: shown.into(),
            line: Some(line_no),
            extra: map,
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::Empty { path: shown.into() }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8], jsonl: bool) -> Vec<Input> {
        parse_bytes("f", "f", bytes, ReadOptions::default(), jsonl)
    }

    #[test]
    fn text_with_bom_and_crlf() {
        let got = parse("\u{feff}Line one.\r\nLine two.".as_bytes(), false);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.text, "Line one.\r\nLine two.");
        assert_eq!(a.id, "f");
    }

    #[test]
    fn bad_bytes_are_named_errors() {
        assert!(matches!(
            parse(b"abc\xff", false)[0],
            Err(IngestError::NotUtf8 { offset: 3, .. })
        ));
        assert!(matches!(
            parse(b"ab\0c", false)[0],
            Err(IngestError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            parse(b"  \n ", false)[0],
            Err(IngestError::Empty { .. })
        ));
        let small = ReadOptions { max_bytes: 3 };
        let err = parse_bytes("f", "f", b"abcd", small, false)
            .remove(0)
            .unwrap_err();
        assert!(err.to_string().contains("3-byte limit"), "{err}");
    }

    #[test]
    fn jsonl_lines_each_stand_alone() {
        let input = b"{\"id\":\"a\",\"text\":\"Hi.\",\"url\":\"u\"}\nnot json\n{\"id\":2}\n\n{\"text\":\"\"}\n{\"text\":\"Yo.\"}\n";
        let got = parse(input, true);
        assert_eq!(got.len(), 5);
        let a = got[0].as_ref().unwrap();
        assert_eq!(
            (
                a.id.as_str(),
                a.line,
                a.extra.get("url").and_then(|v| v.as_str())
            ),
            ("a", Some(1), Some("u"))
        );
        assert!(matches!(got[1], Err(IngestError::BadJson { line: 2, .. })));
        assert!(matches!(got[2], Err(IngestError::NoText { line: 3, .. })));
        assert!(matches!(
            got[3],
            Err(IngestError::EmptyJsonText { line: 5, .. })
        ));
        assert_eq!(got[4].as_ref().unwrap().id, "f:6");
    }
}
