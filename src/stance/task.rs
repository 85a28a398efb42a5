//! A task: a target, its labels, and natural-language hypotheses per label.

use crate::error::Error;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// What stance (or sentiment) is classified toward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// A short machine name ("us-china-mil-talks").
    pub name: String,
    /// The target in words.
    pub target: String,
    /// The labels, in a fixed order. The last listed "neutral"-like label is
    /// the one a speaker gets only when all their quotes carry it.
    pub labels: Vec<String>,
    /// The label meaning "not about the target / no stance".
    pub neutral: String,
    /// Per label, sentences a quote with that label would entail (zero-shot).
    pub hypotheses: Vec<LabelHypotheses>,
    /// When two labels weigh within 15% for a speaker, the more marked wins:
    /// earlier in this list is more marked (LABELING.md §7.12).
    #[serde(default)]
    pub precedence: Vec<String>,
    /// The sides a speaker can speak for, tried in this order on their name
    /// and role; the first with a word in them gives the speaker's side (a
    /// structured signal of the trained heads). None: every speaker is "other".
    #[serde(default)]
    pub speaker_sides: Vec<SpeakerSide>,
}

/// One side a speaker can speak for ("china", "lawmaker" …), by the words
/// that give it away in a name or role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSide {
    /// A short name.
    pub name: String,
    /// Its position among the side signals, 0 to [`SPEAKER_SIDE_SLOTS`] − 1.
    pub slot: usize,
    /// Lower-case words or phrases, matched inside " name role " (so a
    /// leading or trailing space makes a word boundary).
    pub words: Vec<String>,
}

/// Side signals in a feature row; one more slot holds "no side found".
pub const SPEAKER_SIDE_SLOTS: usize = 5;

/// The built-in task's sides, in the order they are tried.
fn talks_speaker_sides() -> Vec<SpeakerSide> {
    let side = |name: &str, slot: usize, words: &[&str]| SpeakerSide {
        name: name.into(),
        slot,
        words: words.iter().map(|w| w.to_string()).collect(),
    };
    vec![
        side(
            "china",
            0,
            &[
                "chinese",
                "china",
                "beijing",
                "pla",
                "people’s liberation",
                "people's liberation",
                "central military",
                "xinhua",
                "state news agency",
                "state-run",
            ],
        ),
        side(
            "lawmaker",
            2,
            &[
                "senator",
                "congressman",
                "congresswoman",
                "representative",
                "lawmaker",
                "republican",
                "democrat",
                " rep.",
                "house ",
            ],
        ),
        side(
            "analyst",
            3,
            &[
                "analyst",
                "scholar",
                "professor",
                "fellow",
                "researcher",
                "institute",
                "expert",
                "historian",
                "university",
                "think tank",
                "commentator",
                "former",
                "retired",
            ],
        ),
        side(
            "united states",
            1,
            &[
                "u.s.",
                "pentagon",
                "state department",
                "department of defense",
                "department of state",
                "secretary",
                "white house",
                "administration",
                "navy",
                "american",
                "command",
                "u.s",
            ],
        ),
        side(
            "third country",
            4,
            &[
                "japan",
                "philippine",
                "australia",
                "vietnam",
                "india",
                "singapore",
                "korea",
                "taiwan",
                "asean",
                "british",
                "european",
            ],
        ),
    ]
}

/// One label's hypotheses for zero-shot classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelHypotheses {
    /// The label they describe.
    pub label: String,
    /// Sentences a quote with this label would entail.
    pub hypotheses: Vec<String>,
}

impl Task {
    /// The built-in task: stance toward restoring U.S.–China military-to-military talks.
    pub fn default_stance() -> Task {
        let h = |label: &str, hs: &[&str]| LabelHypotheses {
            label: label.into(),
            hypotheses: hs.iter().map(|s| s.to_string()).collect(),
        };
        Task {
            name: "us-china-mil-talks".into(),
            target: "restoring U.S.–China military-to-military talks".into(),
            labels: vec!["optimistic".into(), "skeptical".into(), "critical".into(), "neutral".into()],
            neutral: "neutral".into(),
            hypotheses: vec![
                h("optimistic", &[
                    "The speaker supports restoring military talks between the United States and China.",
                    "The speaker is hopeful that military communication will resume and make progress.",
                    "The door to dialogue is open and the talks are a step forward.",
                ]),
                h("skeptical", &[
                    "The speaker doubts that military talks will resume or change anything.",
                    "Talks between the two militaries are unlikely to work; it remains to be seen.",
                    "The hotline will not be answered in a crisis; we have tried this before.",
                ]),
                h("critical", &[
                    "The speaker condemns the other side's conduct over the military talks.",
                    "The speaker attacks concessions made to get talks and says the country is being played.",
                    "The speaker blames the other country for the suspension of military dialogue.",
                ]),
                h("neutral", &[
                    "The speaker states facts about schedules, meetings or procedures.",
                    "The statement is not about military talks.",
                    "A factual announcement about who met whom and when.",
                ]),
            ],
            precedence: vec!["critical".into(), "skeptical".into(), "optimistic".into()],
            speaker_sides: talks_speaker_sides(),
        }
    }

    /// Sentiment of the quote itself (LABELING.md §5).
    pub fn sentiment() -> Task {
        let h = |label: &str, hs: &[&str]| LabelHypotheses {
            label: label.into(),
            hypotheses: hs.iter().map(|s| s.to_string()).collect(),
        };
        Task {
            name: "sentiment".into(),
            target: "the tone of the quote".into(),
            labels: vec!["positive".into(), "negative".into(), "neutral".into()],
            neutral: "neutral".into(),
            hypotheses: vec![
                h(
                    "positive",
                    &[
                        "This is good news and the speaker sounds hopeful and pleased.",
                        "A warm, upbeat, constructive remark.",
                    ],
                ),
                h(
                    "negative",
                    &[
                        "This is bad news and the speaker sounds angry, worried or disappointed.",
                        "A harsh, gloomy, hostile remark.",
                    ],
                ),
                h(
                    "neutral",
                    &[
                        "A plain factual statement with no emotion.",
                        "A matter-of-fact remark about procedure.",
                    ],
                ),
            ],
            precedence: vec![],
            speaker_sides: vec![],
        }
    }

    /// Loads a task from TOML (format in evaluation/tasks/README.md).
    pub fn from_toml_file(path: &Path) -> Result<Task, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::TaskRead {
            path: path.to_path_buf(),
            source,
        })?;
        let task: Task = toml::from_str(&text).map_err(|e| Error::TaskParse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        task.validate()?;
        Ok(task)
    }

    /// Labels unique and non-empty, neutral among them, hypotheses for every label.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |message: String| Error::TaskInvalid {
            task: self.name.clone(),
            message,
        };
        if self.labels.len() < 2 {
            return Err(bad("needs at least two labels".into()));
        }
        for (i, l) in self.labels.iter().enumerate() {
            if l.trim().is_empty() || self.labels[..i].contains(l) {
                return Err(bad(format!("label `{l}` is empty or repeated")));
            }
        }
        if !self.labels.contains(&self.neutral) {
            return Err(bad(format!(
                "neutral label `{}` is not one of the labels {:?}",
                self.neutral, self.labels
            )));
        }
        for l in &self.labels {
            let ok = self
                .hypotheses
                .iter()
                .any(|h| &h.label == l && !h.hypotheses.is_empty());
            if !ok {
                return Err(bad(format!("label `{l}` has no hypotheses")));
            }
        }
        for h in &self.hypotheses {
            if !self.labels.contains(&h.label) {
                return Err(bad(format!("hypotheses for unknown label `{}`", h.label)));
            }
        }
        for p in &self.precedence {
            if !self.labels.contains(p) {
                return Err(bad(format!("precedence names unknown label `{p}`")));
            }
        }
        for (i, s) in self.speaker_sides.iter().enumerate() {
            if s.slot >= SPEAKER_SIDE_SLOTS
                || self.speaker_sides[..i].iter().any(|t| t.slot == s.slot)
            {
                return Err(bad(format!(
                    "speaker side `{}`: slot {} is repeated or not below {SPEAKER_SIDE_SLOTS}",
                    s.name, s.slot
                )));
            }
            if s.words.is_empty() || s.words.iter().any(|w| w.trim().is_empty()) {
                return Err(bad(format!("speaker side `{}` has an empty word", s.name)));
            }
        }
        Ok(())
    }

    /// Position of `label` among the labels, if it is one.
    pub fn label_index(&self, label: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == label)
    }

    /// Position of the neutral label (the last label if it is missing).
    pub fn neutral_index(&self) -> usize {
        self.label_index(&self.neutral)
            .unwrap_or(self.labels.len() - 1)
    }

    /// The hypotheses of `label` (empty when it has none).
    pub fn hypotheses_for(&self, label: &str) -> &[String] {
        self.hypotheses
            .iter()
            .find(|h| h.label == label)
            .map(|h| h.hypotheses.as_slice())
            .unwrap_or(&[])
    }

    /// The side slot of a speaker (see [`SpeakerSide`]); [`SPEAKER_SIDE_SLOTS`]
    /// when no side's word is in their name or role.
    pub fn speaker_side(&self, speaker: &str, role: Option<&str>) -> usize {
        let s = format!(" {speaker} {} ", role.unwrap_or("")).to_lowercase();
        self.speaker_sides
            .iter()
            .find(|side| side.words.iter().any(|w| s.contains(w.as_str())))
            .map_or(SPEAKER_SIDE_SLOTS, |side| side.slot)
    }

    /// Rank for tie-breaking: lower is more marked; unlisted labels come last.
    pub fn precedence_rank(&self, label: &str) -> usize {
        self.precedence
            .iter()
            .position(|p| p == label)
            .unwrap_or(self.precedence.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_tasks_are_valid() {
        Task::default_stance().validate().unwrap();
        Task::sentiment().validate().unwrap();
    }

    #[test]
    fn toml_round_trip_and_errors_name_the_problem() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("t.toml");
        std::fs::write(&p, toml::to_string(&Task::default_stance()).unwrap()).unwrap();
        assert_eq!(Task::from_toml_file(&p).unwrap(), Task::default_stance());

        let mut t = Task::default_stance();
        t.neutral = "none".into();
        std::fs::write(&p, toml::to_string(&t).unwrap()).unwrap();
        let err = Task::from_toml_file(&p).unwrap_err().to_string();
        assert!(err.contains("neutral label `none`"), "{err}");

        std::fs::write(&p, "name = 3").unwrap();
        let err = Task::from_toml_file(&p).unwrap_err().to_string();
        assert!(
            err.contains("t.toml") && err.contains("not a valid task file"),
            "{err}"
        );
    }

    #[test]
    fn speaker_sides_are_tried_in_order_and_checked() {
        let t = Task::default_stance();
        // "former" (analyst) is tried before "U.S." (the United States).
        assert_eq!(t.speaker_side("Dana Roe", Some("former U.S. envoy")), 3);
        assert_eq!(t.speaker_side("Dana Roe", Some("U.S. envoy")), 1);
        assert_eq!(t.speaker_side("Wu Li", Some("PLA spokesman")), 0);
        assert_eq!(t.speaker_side("Ann Bell", None), SPEAKER_SIDE_SLOTS);
        assert_eq!(
            Task::sentiment().speaker_side("Wu Li", Some("PLA")),
            SPEAKER_SIDE_SLOTS
        );

        let mut bad = Task::default_stance();
        bad.speaker_sides[1].slot = bad.speaker_sides[0].slot;
        let err = bad.validate().unwrap_err().to_string();
        assert!(err.contains("slot 0 is repeated"), "{err}");
    }
}
