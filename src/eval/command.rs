//! Another extractor, run as a command, scored like quotestance's own: the
//! way to put a Python tool (textacy, `bench/textacy_quotes.py`) beside it on
//! the same gold sets with the same matching.
//!
//! Protocol: the command reads JSON lines `{"id": ..., "text": ...}` on stdin
//! and writes, for each, one line `{"id": ..., "quotes": [{"start": B, "end": B,
//! "kind": "direct"|"partial"|"indirect", "speaker": NAME|null}]}` on stdout,
//! with UTF-8 byte offsets into the text as given.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::error::Error;
use crate::eval::baseline::found_quote;
use crate::quotes::{Attribution, Extraction, QuoteKind, Speaker, SpeakerKind};
use crate::text::{Segments, Span};

#[derive(Deserialize)]
struct Answer {
    id: String,
    quotes: Vec<AnswerQuote>,
}

#[derive(Deserialize)]
struct AnswerQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
}

fn failure(command: &str, message: impl Into<String>) -> Error {
    Error::ExternalExtractor {
        command: command.to_string(),
        message: message.into(),
    }
}

/// Runs `command` (through `sh -c`) once on all `articles` (`(id, text)`) and
/// returns its extraction of each, in the same order.
pub fn extract_with_command(
    command: &str,
    articles: &[(&str, &str)],
) -> Result<Vec<Extraction>, Error> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| failure(command, format!("cannot start it: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failure(command, "no stdin"))?;
    let input: Vec<String> = articles
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    // Written from a thread: the command may answer before it has read all.
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        for line in input {
            stdin.write_all(line.as_bytes())?;
        }
        Ok(())
    });
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| failure(command, "no stdout"))?;
    let mut answers = Vec::with_capacity(articles.len());
    for (n, line) in BufReader::new(stdout).lines().enumerate() {
        let line = line.map_err(|e| failure(command, format!("reading its output: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let answer: Answer = serde_json::from_str(&line)
            .map_err(|e| failure(command, format!("output line {}: {e}", n + 1)))?;
        answers.push(answer);
    }
    let status = child
        .wait()
        .map_err(|e| failure(command, format!("waiting for it: {e}")))?;
    let written = writer.join();
    if !status.success() {
        return Err(failure(command, format!("exited with {status}")));
    }
    if let Ok(Err(e)) = written {
        return Err(failure(command, format!("writing its input: {e}")));
    }
    if answers.len() != articles.len() {
        return Err(failure(
            command,
            format!("answered {} of {} articles", answers.len(), articles.len()),
        ));
    }
    articles
        .iter()
        .zip(answers)
        .map(|(&(id, text), answer)| {
            if answer.id != id {
                return Err(failure(
                    command,
                    format!("answered `{}` where `{id}` was next", answer.id),
                ));
            }
            to_extraction(text, answer.quotes).map_err(|m| failure(command, format!("{id}: {m}")))
        })
        .collect()
}

/// The command's quotes as an [`Extraction`]: one speaker per distinct name.
fn to_extraction(text: &str, found: Vec<AnswerQuote>) -> Result<Extraction, String> {
    let segments = Segments::new(text);
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(found.len());
    for (i, q) in found.into_iter().enumerate() {
        if q.start >= q.end
            || q.end > text.len()
            || !text.is_char_boundary(q.start)
            || !text.is_char_boundary(q.end)
        {
            return Err(format!(
                "quote {i}: {}..{} is not a span of the text ({} bytes, on character boundaries)",
                q.start,
                q.end,
                text.len()
            ));
        }
        let kind = match q.kind.as_deref() {
            None | Some("direct") => QuoteKind::Direct,
            Some("partial") => QuoteKind::Partial,
            Some("indirect") => QuoteKind::Indirect,
            Some(other) => return Err(format!("quote {i}: unknown kind `{other}`")),
        };
        let speaker = q
            .speaker
            .filter(|name| !name.trim().is_empty())
            .map(|name| {
                let name = name.trim().to_string();
                speakers
                    .iter()
                    .position(|s| s.name == name)
                    .unwrap_or_else(|| {
                        speakers.push(Speaker {
                            name,
                            kind: SpeakerKind::Person,
                            role: None,
                            gender: None,
                            mentions: Vec::new(),
                        });
                        speakers.len() - 1
                    })
            });
        let attribution = if speaker.is_some() {
            Attribution::External
        } else {
            Attribution::Unattributed
        };
        quotes.push(found_quote(
            &segments,
            Span::new(q.start, q.end),
            kind,
            speaker,
            attribution,
        ));
    }
    quotes.sort_by_key(|q| q.span.start);
    Ok(Extraction {
        quotes,
        speakers,
        segments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "“The ferry talks resume,” said Mira Vasko. Pell disagreed.";

    #[test]
    fn a_command_answer_becomes_an_extraction() {
        // A shell stand-in for the Python tool: answers one fixed quote.
        let command = r#"read -r line; echo '{"id":"a","quotes":[{"start":3,"end":25,"speaker":"Mira Vasko"}]}'"#;
        let out = extract_with_command(command, &[("a", ARTICLE)]).unwrap();
        let ex = &out[0];
        assert_eq!(ex.quotes.len(), 1);
        assert_eq!(ex.quotes[0].span.text(ARTICLE), "The ferry talks resume");
        assert_eq!(ex.speaker_name(&ex.quotes[0]), Some("Mira Vasko"));
    }

    #[test]
    fn bad_answers_name_the_command_and_the_fault() {
        let inside_a_char = r#"cat >/dev/null; echo '{"id":"a","quotes":[{"start":1,"end":5}]}'"#;
        let err = extract_with_command(inside_a_char, &[("a", ARTICLE)]).unwrap_err();
        assert!(err.to_string().contains("character boundaries"), "{err}");
        let too_few = "cat >/dev/null";
        let err = extract_with_command(too_few, &[("a", ARTICLE)]).unwrap_err();
        assert!(err.to_string().contains("answered 0 of 1"), "{err}");
        let failing = "cat >/dev/null; exit 3";
        let err = extract_with_command(failing, &[("a", ARTICLE)]).unwrap_err();
        assert!(err.to_string().contains("exited"), "{err}");
    }
}
