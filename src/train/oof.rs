//! The out-of-fold file `train --oof-out FILE` writes (one line per example:
//! its stance probabilities from the frozen head and the adapter, each from a
//! fold that did not train on it), and `quotestance oof-scores`, which scores
//! it on any subset of its groups — per quote (macro-F1) and, for dev gold
//! articles, per speaker (aggregated as `classify` does). Training's own
//! summary covers all dev articles at once; this answers "how does the model
//! do on these articles?" without retraining.

use crate::error::Error;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::select::{speaker_summary, summary};
use super::SpeakerLabel;
use crate::stance::card::ScoreSummary;
use crate::stance::task::Task;

/// One example's out-of-fold stance probabilities: a line of an `--oof-out`
/// file after its header.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutOfFoldLine {
    /// The example's group (its article's id, or its batch of written examples).
    pub group: String,
    /// The speaker's name.
    pub speaker: String,
    /// The quote's text.
    pub quote: String,
    /// Gold stance label.
    pub stance: String,
    /// The frozen-encoder head's, in the task's label order.
    pub frozen: Vec<f32>,
    /// The adapter's at its chosen epoch, if adaptation ran.
    #[serde(default)]
    pub adapter: Option<Vec<f32>>,
}

/// The first line: the task's labels, in the order of every probability list.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    labels: Vec<String>,
}

/// Writes an `--oof-out` file (atomically): the header, then one line each.
pub fn write(path: &Path, labels: &[String], lines: &[OutOfFoldLine]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut out = String::new();
    let header = Header {
        labels: labels.to_vec(),
    };
    let json = std::iter::once(serde_json::to_string(&header))
        .chain(lines.iter().map(serde_json::to_string));
    for line in json {
        out.push_str(&line.map_err(|e| io(std::io::Error::other(e)))?);
        out.push('\n');
    }
    crate::fsutil::write_atomic(path, out.as_bytes()).map_err(io)
}

/// An `--oof-out` file, read and checked.
#[derive(Debug, Clone)]
pub struct OutOfFold {
    /// The file read.
    pub path: PathBuf,
    /// The task's labels, in the order of every probability list.
    pub labels: Vec<String>,
    lines: Vec<OutOfFoldLine>,
}

/// One model's scores on the chosen groups.
#[derive(Debug, Clone)]
pub struct OutOfFoldScore {
    /// `frozen`, `adapter`, or `mean` (of the two; an ensemble `classify` does not run).
    pub model: &'static str,
    /// Scores per quote.
    pub quotes: ScoreSummary,
    /// Over the gold speakers of the chosen groups that have a scored quote;
    /// `None` when there are none (written batches have no gold speakers).
    pub speakers: Option<ScoreSummary>,
}

impl OutOfFold {
    /// Reads the file; a bad line is an error naming the file and line.
    pub fn read(path: &Path) -> Result<OutOfFold, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(path, &text)
    }

    fn parse(path: &Path, text: &str) -> Result<OutOfFold, Error> {
        let bad = |line: usize, message: String| Error::TrainData {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut rows = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((i, first)) = rows.next() else {
            return Err(bad(
                1,
                "empty file (expected the out-of-fold probabilities training writes)".into(),
            ));
        };
        let header: Header = serde_json::from_str(first).map_err(|e| {
            bad(
                i + 1,
                format!(
                    "expected the header line {{\"labels\": [...]}} that training writes ({e})"
                ),
            )
        })?;
        let k = header.labels.len();
        let mut lines = Vec::new();
        for (i, l) in rows {
            let line: OutOfFoldLine = serde_json::from_str(l)
                .map_err(|e| bad(i + 1, format!("not an out-of-fold line ({e})")))?;
            if !header.labels.contains(&line.stance) {
                return Err(bad(
                    i + 1,
                    format!("stance `{}` is not one of the header's labels", line.stance),
                ));
            }
            let widths_ok =
                line.frozen.len() == k && line.adapter.as_ref().is_none_or(|a| a.len() == k);
            if !widths_ok {
                return Err(bad(i + 1, format!("expected {k} probabilities per model")));
            }
            lines.push(line);
        }
        Ok(OutOfFold {
            path: path.to_path_buf(),
            labels: header.labels,
            lines,
        })
    }

    /// The distinct groups whose lines `keep` accepts, sorted, and how many lines they hold.
    pub fn groups(&self, keep: &dyn Fn(&str) -> bool) -> (Vec<String>, usize) {
        let mut groups: Vec<String> = Vec::new();
        let mut n = 0;
        for l in self.lines.iter().filter(|l| keep(&l.group)) {
            n += 1;
            groups.push(l.group.clone());
        }
        groups.sort();
        groups.dedup();
        (groups, n)
    }

    /// Scores every model in the file on the lines of the groups `keep`
    /// accepts. `task` must have the file's labels (its precedence orders
    /// near-ties between a speaker's labels); `speakers` are the gold speakers.
    pub fn score(
        &self,
        task: &Task,
        keep: &dyn Fn(&str) -> bool,
        speakers: &[SpeakerLabel],
    ) -> Result<Vec<OutOfFoldScore>, Error> {
        if task.labels != self.labels {
            return Err(Error::Invalid(format!(
                "{}: labels {:?}, but the task `{}` has {:?}; score it with the task it was trained with",
                self.path.display(),
                self.labels,
                task.name,
                task.labels
            )));
        }
        let chosen: Vec<&OutOfFoldLine> = self.lines.iter().filter(|l| keep(&l.group)).collect();
        if chosen.is_empty() {
            return Err(Error::Invalid(format!(
                "{}: no line's group matches; groups look like `{}`",
                self.path.display(),
                self.lines
                    .first()
                    .map(|l| l.group.as_str())
                    .unwrap_or("dev_01_…")
            )));
        }
        let gold: Vec<usize> = chosen
            .iter()
            .map(|l| task.label_index(&l.stance).unwrap_or(0))
            .collect();
        let speakers: Vec<SpeakerLabel> = speakers
            .iter()
            .filter(|s| keep(&s.group))
            .cloned()
            .collect();
        let mut models: Vec<(&'static str, Vec<Vec<f32>>)> =
            vec![("frozen", chosen.iter().map(|l| l.frozen.clone()).collect())];
        if let Some(adapter) = chosen
            .iter()
            .map(|l| l.adapter.clone())
            .collect::<Option<Vec<_>>>()
        {
            let mean = chosen
                .iter()
                .zip(&adapter)
                .map(|(l, a)| l.frozen.iter().zip(a).map(|(f, a)| (f + a) / 2.0).collect())
                .collect();
            models.push(("adapter", adapter));
            models.push(("mean", mean));
        }
        Ok(models
            .into_iter()
            .map(|(model, probs)| {
                let pred: Vec<usize> = probs
                    .iter()
                    .map(|p| crate::stance::head::argmax(p))
                    .collect();
                let quotes = chosen
                    .iter()
                    .map(|l| (l.group.as_str(), l.speaker.as_str(), l.quote.len()));
                let by_speaker = speaker_summary(task, quotes, &speakers, &probs);
                OutOfFoldScore {
                    model,
                    quotes: summary(&task.labels, &gold, &pred),
                    speakers: (by_speaker.n > 0).then_some(by_speaker),
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(
        group: &str,
        speaker: &str,
        stance: &str,
        frozen: [f32; 4],
        adapter: [f32; 4],
    ) -> String {
        serde_json::json!({
            "group": group, "speaker": speaker, "quote": "q", "stance": stance,
            "frozen": frozen, "adapter": adapter,
        })
        .to_string()
    }

    const OPT: [f32; 4] = [0.7, 0.1, 0.1, 0.1];
    const SKEP: [f32; 4] = [0.1, 0.7, 0.1, 0.1];

    fn file() -> String {
        [
            r#"{"labels":["optimistic","skeptical","critical","neutral"]}"#.to_string(),
            line("b01_batch", "", "optimistic", OPT, OPT),
            line("dev_01_a", "Ann Bell", "skeptical", OPT, SKEP),
            line("dev_01_a", "Ann Bell", "skeptical", SKEP, SKEP),
            line("dev_02_b", "Wu Li", "optimistic", OPT, SKEP),
        ]
        .join("\n")
    }

    fn speaker(group: &str, name: &str, stance: &str) -> SpeakerLabel {
        SpeakerLabel {
            group: group.into(),
            speaker: name.into(),
            stance: stance.into(),
        }
    }

    #[test]
    fn scores_each_model_on_the_chosen_groups_only() {
        let oof = OutOfFold::parse(Path::new("oof.jsonl"), &file()).unwrap();
        let dev = |g: &str| g.starts_with("dev_");
        assert_eq!(
            oof.groups(&dev),
            (vec!["dev_01_a".into(), "dev_02_b".into()], 3)
        );
        let speakers = [
            speaker("dev_01_a", "Ann Bell", "skeptical"),
            speaker("dev_02_b", "Wu Li", "optimistic"),
        ];
        let scores = oof.score(&Task::default_stance(), &dev, &speakers).unwrap();
        let names: Vec<&str> = scores.iter().map(|s| s.model).collect();
        assert_eq!(names, ["frozen", "adapter", "mean"]);
        // Frozen: 2 of 3 quotes right; Ann Bell's quotes tie, and the more
        // marked label (skeptical) wins, so both speakers are right.
        assert!((scores[0].quotes.accuracy - 2.0 / 3.0).abs() < 1e-9);
        let frozen_speakers = scores[0].speakers.as_ref().unwrap();
        assert_eq!((frozen_speakers.n, frozen_speakers.accuracy), (2, 1.0));
        // Adapter: 2 of 3 quotes, and Wu Li comes out skeptical.
        assert!((scores[1].speakers.as_ref().unwrap().accuracy - 0.5).abs() < 1e-9);
        // Written batches alone have no gold speakers.
        let written = oof
            .score(
                &Task::default_stance(),
                &|g: &str| g.starts_with('b'),
                &speakers,
            )
            .unwrap();
        assert!(written[0].speakers.is_none());
        assert_eq!(written[0].quotes.n, 1);
    }

    #[test]
    fn a_written_file_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("oof.jsonl");
        let labels: Vec<String> = ["optimistic", "skeptical", "critical", "neutral"]
            .map(String::from)
            .to_vec();
        let line = |adapter: Option<Vec<f32>>| OutOfFoldLine {
            group: "dev_01_a".into(),
            speaker: "Ann Bell".into(),
            quote: "q".into(),
            stance: "skeptical".into(),
            frozen: SKEP.to_vec(),
            adapter,
        };
        write(&path, &labels, &[line(Some(OPT.to_vec())), line(None)]).unwrap();
        let oof = OutOfFold::read(&path).unwrap();
        assert_eq!(oof.labels, labels);
        assert_eq!(oof.lines.len(), 2);
        assert_eq!(oof.lines[0].adapter.as_deref(), Some(&OPT[..]));
        assert!(oof.lines[1].adapter.is_none());
    }

    #[test]
    fn bad_files_name_the_line_and_what_is_wrong() {
        let path = Path::new("oof.jsonl");
        let err = |text: &str| OutOfFold::parse(path, text).unwrap_err().to_string();
        assert!(err("").contains("oof.jsonl:1: empty file"));
        assert!(err("{\"group\":1}").contains("oof.jsonl:1: expected the header line"));
        let mut text = file();
        text.push_str("\n{\"group\": \"dev_03\"}");
        assert!(err(&text).contains("oof.jsonl:6: not an out-of-fold line"));
        let wrong_label = file().replace("\"stance\":\"skeptical\"", "\"stance\":\"upbeat\"");
        assert!(err(&wrong_label).contains("oof.jsonl:3: stance `upbeat`"));
        let oof = OutOfFold::parse(path, &file()).unwrap();
        let none = oof
            .score(&Task::default_stance(), &|g: &str| g == "dev_99", &[])
            .unwrap_err();
        assert!(none.to_string().contains("no line's group matches"));
    }
}
