//! Choosing settings: grouped folds, dev scores, and the rule that picks a setting.

use std::collections::BTreeMap;

use crate::eval::metrics::Classification;
use crate::stance::card::{HeadFile, ScoreSummary, SelectionRow};
use crate::stance::features::FeatureSpec;
use crate::stance::head::{argmax, TrainConfig};
use crate::stance::task::Task;

use super::examples::*;

/// Speaker-level stance accuracy on dev: each gold speaker's quotes (by
/// article and name) aggregated as `classify` does, from `probs` (one per dev
/// example; empty ones are skipped). Speakers with no scored quote are left out.
pub(crate) fn dev_speaker_summary(
    task: &Task,
    dev: &[&TrainExample],
    speakers: &[SpeakerLabel],
    probs: &[Vec<f32>],
) -> ScoreSummary {
    let quotes = dev.iter().map(|e| {
        (
            e.group.as_str(),
            e.input.speaker.as_str(),
            e.input.quote.len(),
        )
    });
    speaker_summary(task, quotes, speakers, probs)
}

/// [`dev_speaker_summary`] over any quotes given as (group, speaker, quote
/// length in bytes), one per entry of `probs`.
pub(crate) fn speaker_summary<'a>(
    task: &Task,
    quotes: impl IntoIterator<Item = (&'a str, &'a str, usize)>,
    speakers: &[SpeakerLabel],
    probs: &[Vec<f32>],
) -> ScoreSummary {
    // Each speaker's scored quotes, in order, gathered in one pass.
    let mut by_speaker: BTreeMap<(&str, &str), Vec<QuoteWeight>> = BTreeMap::new();
    for ((group, speaker, len), p) in quotes.into_iter().zip(probs).filter(|(_, p)| !p.is_empty()) {
        by_speaker
            .entry((group, speaker))
            .or_default()
            .push((len, p.clone()));
    }
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for s in speakers {
        let Some(items) = by_speaker.get(&(s.group.as_str(), s.speaker.as_str())) else {
            continue;
        };
        gold.push(task.label_index(&s.stance).unwrap_or(0));
        pred.push(crate::stance::aggregate(task, items).label);
    }
    summary(&task.labels, &gold, &pred)
}

/// The fold of each example's group: groups sorted by name and dealt
/// round-robin within their family (the name's leading letters: `b` for
/// written batches, `dev` for dev articles). Adding a written batch or a dev
/// article then leaves every other group in its fold, so cross-validated
/// scores stay comparable when data is added.
pub fn grouped_folds(groups: &[String], k: usize) -> Vec<usize> {
    let family = |g: &str| -> String { g.chars().take_while(char::is_ascii_alphabetic).collect() };
    let mut unique: Vec<&String> = groups.iter().collect();
    unique.sort();
    unique.dedup();
    let mut dealt: BTreeMap<String, usize> = BTreeMap::new();
    let fold_of: BTreeMap<&String, usize> = unique
        .into_iter()
        .map(|g| {
            let next = dealt.entry(family(g)).or_insert(0);
            let fold = *next % k.max(1);
            *next += 1;
            (g, fold)
        })
        .collect();
    groups
        .iter()
        .map(|g| fold_of.get(g).copied().unwrap_or(0))
        .collect()
}

pub(crate) fn summary(labels: &[String], gold: &[usize], pred: &[usize]) -> ScoreSummary {
    let names: Vec<&str> = labels.iter().map(String::as_str).collect();
    let pairs: Vec<(usize, usize)> = gold.iter().copied().zip(pred.iter().copied()).collect();
    let c = Classification::new(&names, &pairs);
    ScoreSummary {
        n: c.n,
        accuracy: c.accuracy,
        macro_f1: c.macro_f1,
        per_label_f1: labels
            .iter()
            .cloned()
            .zip(c.per_label.iter().map(|p| p.f1))
            .collect(),
    }
}

/// One point of the selection grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Setting {
    pub(crate) spec: FeatureSpec,
    pub(crate) epochs: usize,
    pub(crate) weight_decay: f64,
}

impl Setting {
    pub(crate) fn config(&self) -> TrainConfig {
        TrainConfig {
            epochs: self.epochs,
            weight_decay: self.weight_decay,
            ..TrainConfig::default()
        }
    }
}

pub(crate) fn head_file(file: &str, labels: &[String], setting: Setting) -> HeadFile {
    HeadFile {
        file: file.into(),
        labels: labels.to_vec(),
        spec: setting.spec,
        config: setting.config(),
    }
}

pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Progress lines: confusion matrix (rows gold, columns predicted) and every
/// dev quote the model got wrong.
pub(crate) fn dev_error_lines(
    what: &str,
    labels: &[String],
    examples: &[&TrainExample],
    gold: &[usize],
    pred: &[usize],
) -> Vec<String> {
    let mut lines = vec![format!(
        "dev errors of {what} (rows gold, columns predicted):"
    )];
    lines.push(format!(
        "  {:<12}{}",
        "",
        labels
            .iter()
            .map(|l| format!("{:>12}", l))
            .collect::<String>()
    ));
    for (g, label) in labels.iter().enumerate() {
        let row: String = (0..labels.len())
            .map(|p| {
                let n = gold
                    .iter()
                    .zip(pred)
                    .filter(|&(&a, &b)| a == g && b == p)
                    .count();
                format!("{n:>12}")
            })
            .collect();
        lines.push(format!("  {label:<12}{row}"));
    }
    for ((e, &g), &p) in examples.iter().zip(gold).zip(pred) {
        if g != p {
            let quote: String = e.input.quote.chars().take(110).collect();
            lines.push(format!(
                "  [{}] {} → {}  {} ({}): {}",
                e.group,
                labels.get(g).map_or("?", |s| s.as_str()),
                labels.get(p).map_or("?", |s| s.as_str()),
                e.input.speaker,
                e.input.role.as_deref().unwrap_or("-"),
                quote
            ));
        }
    }
    lines
}

/// Training and held-out examples of fold `f`, or `None` when either is empty.
pub(crate) fn fold_split(folds: &[usize], f: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let (held_out, train): (Vec<usize>, Vec<usize>) =
        (0..folds.len()).partition(|&i| folds[i] == f);
    (!train.is_empty() && !held_out.is_empty()).then_some((train, held_out))
}

/// Macro-F1 of the most probable labels against `gold`.
pub(crate) fn macro_f1_of(labels: &[String], gold: &[usize], probs: &[Vec<f32>]) -> f64 {
    let pred: Vec<usize> = probs.iter().map(|p| argmax(p)).collect();
    summary(labels, gold, &pred).macro_f1
}

/// Index of the first maximum (ties go to the earlier, cheaper epoch).
pub(crate) fn first_best(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] + 1e-9 {
            best = i;
        }
    }
    best
}

/// Dev macro-F1 a setting may give up for encoding fewer texts per quote
/// (about one dev quote's worth): every extra text (speaker, paragraph) is
/// encoded for every quote `classify` sees.
pub(crate) const COST_MARGIN: f64 = 0.005;

/// The setting a head is trained with: among the grid rows within
/// [`COST_MARGIN`] of the best dev macro-F1, the one that encodes the fewest
/// texts, then the best scoring, then the first in grid order.
pub(crate) fn choose_setting(rows: &[SelectionRow], head: &str) -> Option<(f64, Setting)> {
    let rows: Vec<&SelectionRow> = rows.iter().filter(|r| r.head == head).collect();
    let best = rows.iter().map(|r| r.dev_macro_f1).fold(f64::MIN, f64::max);
    rows.into_iter()
        .filter(|r| r.dev_macro_f1 >= best - COST_MARGIN - 1e-9)
        .min_by(|a, b| {
            a.spec
                .context
                .texts()
                .cmp(&b.spec.context.texts())
                .then(b.dev_macro_f1.total_cmp(&a.dev_macro_f1))
        })
        .map(|r| {
            (
                r.dev_macro_f1,
                Setting {
                    spec: r.spec,
                    epochs: r.epochs,
                    weight_decay: r.weight_decay,
                },
            )
        })
}

pub(crate) const EPOCH_CHOICES: [usize; 3] = [100, 200, 400];

pub(crate) const WEIGHT_DECAY_CHOICES: [f64; 3] = [0.01, 0.1, 1.0];

#[cfg(test)]
mod tests {
    use super::super::adapter::*;
    use super::super::examples::*;
    use super::*;
    use crate::stance::adapter::{AdaptConfig, ADAPTER_FILE};
    use crate::stance::features::{ContextMode, FeatureSpec, QuoteInput};
    use crate::stance::task::Task;

    #[test]
    fn folds_keep_groups_together() {
        let g: Vec<String> = ["b", "a", "b", "c", "a", "d"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let f = grouped_folds(&g, 2);
        assert_eq!(f[0], f[2]);
        assert_eq!(f[1], f[4]);
        assert_eq!(f, grouped_folds(&g, 2), "stable");
    }

    #[test]
    fn a_setting_that_encodes_fewer_texts_wins_within_the_cost_margin() {
        let row = |head: &str, context: ContextMode, epochs: usize, f1: f64| SelectionRow {
            head: head.into(),
            spec: FeatureSpec {
                context,
                structured: false,
                lexical: false,
            },
            epochs,
            weight_decay: 0.01,
            dev_macro_f1: f1,
            dev_accuracy: f1,
        };
        let rows = [
            row("sentiment", ContextMode::Quote, 100, 0.730),
            row("sentiment", ContextMode::Quote, 200, 0.735),
            row(
                "sentiment",
                ContextMode::QuoteSentenceSpeakerParagraph,
                200,
                0.738,
            ),
            row("stance", ContextMode::Quote, 100, 0.750),
            row("stance", ContextMode::QuoteSentence, 100, 0.793),
            row("stance", ContextMode::QuoteSentence, 200, 0.793),
        ];
        // 0.735 is within 0.005 of 0.738 and reads one text instead of four.
        let (f1, s) = choose_setting(&rows, "sentiment").unwrap();
        assert_eq!(
            (f1, s.spec.context, s.epochs),
            (0.735, ContextMode::Quote, 200)
        );
        // The quote alone is 0.043 behind: the better, costlier setting wins;
        // of two equal ones, the first in grid order.
        let (f1, s) = choose_setting(&rows, "stance").unwrap();
        assert_eq!(
            (f1, s.spec.context, s.epochs),
            (0.793, ContextMode::QuoteSentence, 100)
        );
        assert!(choose_setting(&rows, "other").is_none());
    }

    #[test]
    fn adding_a_group_leaves_the_other_groups_in_their_folds() {
        let names = |v: &[&str]| -> Vec<String> { v.iter().map(|s| s.to_string()).collect() };
        let before = names(&["b01", "b02", "dev_01", "dev_02", "dev_03"]);
        let after = names(&["b01", "b02", "b03", "dev_01", "dev_02", "dev_03", "dev_04"]);
        let (f0, f1) = (grouped_folds(&before, 3), grouped_folds(&after, 3));
        for (i, g) in before.iter().enumerate() {
            let j = after.iter().position(|a| a == g).unwrap();
            assert_eq!(f0[i], f1[j], "{g} moved");
        }
        // Each family is dealt round-robin on its own.
        assert_eq!(f1, vec![0, 1, 2, 0, 1, 2, 0]);
    }

    #[test]
    fn bad_training_lines_name_file_and_line() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("t.jsonl");
        std::fs::write(&p, "{\"quote\":\"q\",\"kind\":\"direct\",\"stance\":\"optimistic\",\"sentiment\":\"positive\",\"group\":\"g\"}\n{\"quote\":\"q\",\"kind\":\"direct\",\"stance\":\"happy\",\"sentiment\":\"positive\",\"group\":\"g\"}\n").unwrap();
        let err = load_examples(&p, &Task::default_stance())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("t.jsonl:2") && err.contains("unknown stance `happy`"),
            "{err}"
        );
    }

    #[test]
    fn dev_error_lines_count_the_matrix_and_list_each_mistake() {
        let p = tempfile::tempdir().unwrap();
        let path = p.path().join("t.jsonl");
        std::fs::write(&path, "{\"quote\":\"We will keep talking.\",\"speaker\":\"Ada Lee\",\"kind\":\"direct\",\"stance\":\"optimistic\",\"sentiment\":\"positive\",\"group\":\"dev_x\"}\n{\"quote\":\"It will never happen.\",\"speaker\":\"Bo Chan\",\"kind\":\"direct\",\"stance\":\"skeptical\",\"sentiment\":\"negative\",\"group\":\"dev_x\"}\n").unwrap();
        let task = Task::default_stance();
        let examples = load_examples(&path, &task).unwrap();
        let refs: Vec<&TrainExample> = examples.iter().collect();
        // Gold optimistic, skeptical; predicted optimistic, optimistic.
        let lines = dev_error_lines("m", &task.labels, &refs, &[0, 1], &[0, 0]);
        assert!(lines[2].starts_with("  optimistic") && lines[2].contains("           1"));
        let skeptical_row: Vec<&str> = lines[3].split_whitespace().collect();
        assert_eq!(skeptical_row, ["skeptical", "1", "0", "0", "0"]);
        let mistakes: Vec<&String> = lines.iter().filter(|l| l.contains(" → ")).collect();
        assert_eq!(mistakes.len(), 1);
        assert!(mistakes[0].contains("skeptical → optimistic") && mistakes[0].contains("Bo Chan"));
    }

    #[test]
    fn dev_speakers_are_scored_per_article_from_their_quotes() {
        let task = Task::default_stance();
        let example = |group: &str, speaker: &str, quote: &str| TrainExample {
            input: QuoteInput {
                quote: quote.into(),
                sentence: String::new(),
                paragraph: String::new(),
                speaker: speaker.into(),
                role: None,
                kind: crate::quotes::QuoteKind::Direct,
                cue: None,
            },
            stance: "neutral".into(),
            sentiment: "neutral".into(),
            group: group.into(),
        };
        // Ada speaks in two articles; only her quotes in dev_a count for dev_a.
        let dev = [
            example("dev_a", "Ada", "a long quote that reads as optimistic"),
            example("dev_a", "Ada", "short, neutral"),
            example("dev_b", "Ada", "a critical quote in another article"),
            example("dev_a", "Bo", "never held out"),
        ];
        let refs: Vec<&TrainExample> = dev.iter().collect();
        let label = |group: &str, speaker: &str, stance: &str| SpeakerLabel {
            group: group.into(),
            speaker: speaker.into(),
            stance: stance.into(),
        };
        let speakers = [
            label("dev_a", "Ada", "optimistic"),
            label("dev_b", "Ada", "optimistic"),
            label("dev_a", "Bo", "neutral"),
        ];
        let probs = vec![
            vec![0.7, 0.1, 0.1, 0.1],
            vec![0.1, 0.1, 0.1, 0.7],
            vec![0.1, 0.1, 0.7, 0.1],
            Vec::new(),
        ];
        let s = dev_speaker_summary(&task, &refs, &speakers, &probs);
        // Bo has no scored quote and is left out; Ada is right in dev_a only.
        assert_eq!((s.n, s.accuracy), (2, 0.5));
    }

    #[test]
    fn the_adapter_is_kept_only_when_its_best_cv_epoch_beats_the_frozen_head_in_cv_and_on_dev_articles(
    ) {
        // Three examples, two epochs; example 2 was never held out.
        let y = [0usize, 1, 1];
        let right = |c: usize| {
            if c == 0 {
                vec![0.9, 0.1]
            } else {
                vec![0.1, 0.9]
            }
        };
        let cv = AdapterCv {
            macro_f1_per_epoch: vec![0.5, 1.0],
            scored: vec![0, 1],
            probs: vec![
                vec![right(0), right(0), Vec::new()],
                vec![right(0), right(1), Vec::new()],
            ],
        };
        let cfg = AdaptConfig::default();
        let frozen = |cv: f64, cv_dev_articles: f64| FrozenScores {
            cv,
            dev: 0.65,
            cv_dev_articles,
        };
        let dev_articles = [0.55, 0.75];
        let d = decide_adapter(&cfg, &cv, &y, &[0.6, 0.7], &dev_articles, frozen(0.8, 0.7));
        assert_eq!(d.report.best_epoch, 2);
        assert!(d.report.kept);
        assert_eq!(d.dev_at_best, 0.7);
        assert_eq!(d.report.dev_macro_f1_per_epoch, vec![0.6, 0.7]);
        assert!(d.temperature > 0.0);
        // A frozen head as good as the best epoch keeps the encoder frozen.
        let d = decide_adapter(&cfg, &cv, &y, &[0.6, 0.7], &dev_articles, frozen(1.0, 0.7));
        assert!(!d.report.kept);
        assert_eq!(d.report.best_epoch, 2);
        // A CV win that the dev articles do not confirm keeps it frozen too
        // (epoch 1's better dev-article score does not count: epoch 2 was chosen).
        let d = decide_adapter(&cfg, &cv, &y, &[0.6, 0.7], &[0.9, 0.7], frozen(0.8, 0.75));
        assert!(!d.report.kept);
        assert_eq!(d.report.best_epoch, 2);
    }

    #[test]
    fn a_run_without_an_adapter_removes_an_earlier_runs_adapter_files() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            ADAPTER_FILE,
            "frozen-stance.safetensors",
            "stance.safetensors",
        ] {
            std::fs::write(dir.path().join(f), b"x").unwrap();
        }
        remove_adapter_files(dir.path()).unwrap();
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["stance.safetensors"]);
        // Nothing to remove is fine too.
        remove_adapter_files(dir.path()).unwrap();
    }

    #[test]
    fn the_first_best_epoch_wins_ties() {
        assert_eq!(first_best(&[0.7, 0.8, 0.8, 0.75]), 1);
        assert_eq!(first_best(&[0.9]), 0);
        assert_eq!(first_best(&[]), 0);
    }
}
