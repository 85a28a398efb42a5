//! `quotestance train`: data loading, model selection on the dev split,
//! grouped cross-validation, and the final fit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::card::{
    CrossValidation, EncoderRef, HeadCard, HeadFile, ScoreSummary, SelectionRow, TrainingInfo,
};
use super::features::{self, ContextMode, FeatureSpec, QuoteInput};
use super::head::{argmax, LinearHead, TrainConfig};
use super::task::Task;
use super::zeroshot::ZeroShot;
use super::{features_for, project, StanceError};
use crate::eval::extraction::match_quotes;
use crate::eval::gold::GoldArticle;
use crate::eval::metrics::Classification;
use crate::model::{Encoder, ModelError};
use crate::text::Segments;

/// One labelled quote with its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainExample {
    #[serde(flatten)]
    pub input: QuoteInput,
    pub stance: String,
    pub sentiment: String,
    /// Examples of one group (an article, a batch of written examples) stay in one fold.
    pub group: String,
}

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{}:{line}: {message}", .path.display())]
    Data {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Stance(#[from] StanceError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{0}")]
    Invalid(String),
}

/// Reads a JSON Lines file of [`TrainExample`]s, checking labels against the task.
pub fn load_examples(path: &Path, task: &Task) -> Result<Vec<TrainExample>, TrainError> {
    let text = std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let sentiment = Task::sentiment();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| TrainError::Data {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        };
        let ex: TrainExample = serde_json::from_str(line).map_err(|e| err(e.to_string()))?;
        if task.label_index(&ex.stance).is_none() {
            return Err(err(format!(
                "unknown stance `{}` for task {} ({:?})",
                ex.stance, task.name, task.labels
            )));
        }
        if sentiment.label_index(&ex.sentiment).is_none() {
            return Err(err(format!("unknown sentiment `{}`", ex.sentiment)));
        }
        if ex.input.quote.trim().is_empty() {
            return Err(err("empty quote".into()));
        }
        out.push(ex);
    }
    Ok(out)
}

/// Training examples from gold articles: each gold quote with its sentence,
/// paragraph, gold speaker and role, and the reporting verb the extractor found.
pub fn examples_from_gold(articles: &[GoldArticle]) -> Vec<TrainExample> {
    let mut out = Vec::new();
    for g in articles {
        let seg = Segments::new(&g.text);
        let ex = crate::quotes::extract(&g.text);
        let pairs = match_quotes(&g.text, &g.quotes, &ex);
        for (gi, q) in g.quotes.iter().enumerate() {
            let (sentence, paragraph) = features::context_spans(&seg, q.span());
            let cue = pairs
                .iter()
                .find(|(a, _)| *a == gi)
                .and_then(|(_, pi)| ex.quotes[*pi].cue)
                .map(|c| c.text(&g.text).to_string());
            let role = g
                .speakers
                .iter()
                .find(|s| s.name == q.speaker)
                .and_then(|s| s.role.clone());
            out.push(TrainExample {
                input: QuoteInput {
                    quote: q.span().text(&g.text).to_string(),
                    sentence: sentence.text(&g.text).to_string(),
                    paragraph: paragraph.text(&g.text).to_string(),
                    speaker: q.speaker.clone(),
                    role,
                    kind: q.kind,
                    cue,
                },
                stance: q.stance.clone(),
                sentiment: q.sentiment.clone(),
                group: g.id.clone(),
            });
        }
    }
    out
}

/// Stable fold of a group: groups sorted by name, dealt round-robin.
pub fn grouped_folds(groups: &[String], k: usize) -> Vec<usize> {
    let mut unique: Vec<&String> = groups.iter().collect();
    unique.sort();
    unique.dedup();
    groups
        .iter()
        .map(|g| unique.iter().position(|u| *u == g).unwrap_or(0) % k.max(1))
        .collect()
}

fn summary(labels: &[String], gold: &[usize], pred: &[usize]) -> ScoreSummary {
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

/// Everything `train` needs.
pub struct TrainJob<'a> {
    pub name: String,
    pub task: Task,
    pub encoder: &'a Encoder,
    pub encoder_id: String,
    pub weights_sha256: String,
    /// Written examples (never from the test split).
    pub written: Vec<TrainExample>,
    /// Examples from the dev gold articles: used to choose settings, then trained on.
    pub dev: Vec<TrainExample>,
    pub data_files: Vec<String>,
    pub folds: usize,
    /// Called with progress lines.
    pub progress: &'a dyn Fn(&str),
}

const EPOCH_CHOICES: [usize; 3] = [100, 200, 400];

/// Selects settings on dev, cross-validates, fits on everything and writes
/// heads and card to `out`.
pub fn train(job: &TrainJob, out: &Path) -> Result<HeadCard, TrainError> {
    if job.written.is_empty() || job.dev.is_empty() {
        return Err(TrainError::Invalid(
            "training needs written examples (--data) and dev gold articles (--gold)".into(),
        ));
    }
    let dim = job.encoder.dim();
    let sentiment_task = Task::sentiment();
    let full = FeatureSpec {
        context: ContextMode::QuoteSentenceSpeakerParagraph,
        structured: true,
    };
    let all: Vec<&TrainExample> = job.written.iter().chain(job.dev.iter()).collect();
    let inputs: Vec<QuoteInput> = all.iter().map(|e| e.input.clone()).collect();
    (job.progress)(&format!(
        "embedding {} examples ({} texts each)…",
        inputs.len(),
        full.context.texts()
    ));
    let (x_full, _) = features_for(job.encoder, &inputs, full)?;
    let full_w = full.dim(dim);
    let y_stance: Vec<usize> = all
        .iter()
        .map(|e| job.task.label_index(&e.stance).unwrap_or(0))
        .collect();
    let y_sent: Vec<usize> = all
        .iter()
        .map(|e| sentiment_task.label_index(&e.sentiment).unwrap_or(0))
        .collect();
    let n_written = job.written.len();
    let written_idx: Vec<usize> = (0..n_written).collect();
    let dev_idx: Vec<usize> = (n_written..all.len()).collect();
    let view = |spec: FeatureSpec, idx: &[usize]| -> Vec<f32> {
        idx.iter()
            .flat_map(|&i| project(&x_full[i * full_w..(i + 1) * full_w], full, spec, dim))
            .collect()
    };
    let fit = |labels: &[String], spec: FeatureSpec, idx: &[usize], y: &[usize], epochs: usize| {
        let cfg = TrainConfig {
            epochs,
            ..TrainConfig::default()
        };
        let yy: Vec<usize> = idx.iter().map(|&i| y[i]).collect();
        LinearHead::train(labels, spec, spec.dim(dim), &view(spec, idx), &yy, &cfg)
            .map_err(|e| TrainError::Invalid(e.to_string()))
    };
    let score_on = |head: &LinearHead, labels: &[String], idx: &[usize], y: &[usize]| {
        let xs = view(head.spec, idx);
        let w = head.spec.dim(dim);
        let pred: Vec<usize> = xs
            .chunks_exact(w)
            .map(|r| argmax(&head.predict(r)))
            .collect();
        let gold: Vec<usize> = idx.iter().map(|&i| y[i]).collect();
        summary(labels, &gold, &pred)
    };

    // 1. Choose settings: train on written examples, score on the dev split.
    let mut selection = Vec::new();
    let mut best_stance = (f64::MIN, full, EPOCH_CHOICES[0]);
    let mut best_sent = (f64::MIN, full, EPOCH_CHOICES[0]);
    for context in ContextMode::ALL {
        for structured in [false, true] {
            let spec = FeatureSpec {
                context,
                structured,
            };
            for epochs in EPOCH_CHOICES {
                for (name, labels, y, best) in [
                    ("stance", &job.task.labels, &y_stance, &mut best_stance),
                    ("sentiment", &sentiment_task.labels, &y_sent, &mut best_sent),
                ] {
                    let head = fit(labels, spec, &written_idx, y, epochs)?;
                    let s = score_on(&head, labels, &dev_idx, y);
                    (job.progress)(&format!("  {name:<9} {context:?} structured={structured} epochs={epochs}: dev macro-F1 {:.3}", s.macro_f1));
                    if s.macro_f1 > best.0 + 1e-9 {
                        *best = (s.macro_f1, spec, epochs);
                    }
                    selection.push(SelectionRow {
                        head: name.into(),
                        spec,
                        epochs,
                        dev_macro_f1: s.macro_f1,
                        dev_accuracy: s.accuracy,
                    });
                }
            }
        }
    }
    let baseline_spec = FeatureSpec {
        context: ContextMode::Quote,
        structured: false,
    };
    let baseline_epochs = selection
        .iter()
        .filter(|r| r.head == "stance" && r.spec == baseline_spec)
        .max_by(|a, b| {
            a.dev_macro_f1
                .total_cmp(&b.dev_macro_f1)
                .then(b.epochs.cmp(&a.epochs))
        })
        .map(|r| r.epochs)
        .unwrap_or(EPOCH_CHOICES[0]);

    // 2. Grouped cross-validation of the chosen settings over all examples.
    let groups: Vec<String> = all.iter().map(|e| e.group.clone()).collect();
    let folds = grouped_folds(&groups, job.folds);
    let cv = |labels: &[String],
              spec: FeatureSpec,
              epochs: usize,
              y: &[usize]|
     -> Result<ScoreSummary, TrainError> {
        let mut pred = vec![0usize; all.len()];
        for f in 0..job.folds {
            let train_idx: Vec<usize> = (0..all.len()).filter(|&i| folds[i] != f).collect();
            let test_idx: Vec<usize> = (0..all.len()).filter(|&i| folds[i] == f).collect();
            if train_idx.is_empty() || test_idx.is_empty() {
                continue;
            }
            let head = fit(labels, spec, &train_idx, y, epochs)?;
            let xs = view(spec, &test_idx);
            for (row, &i) in xs.chunks_exact(spec.dim(dim)).zip(&test_idx) {
                pred[i] = argmax(&head.predict(row));
            }
        }
        Ok(summary(labels, y, &pred))
    };
    (job.progress)("cross-validating the chosen settings…");
    let cv_stance = cv(&job.task.labels, best_stance.1, best_stance.2, &y_stance)?;
    let cv_sent = cv(&sentiment_task.labels, best_sent.1, best_sent.2, &y_sent)?;

    // 3. Final fit on everything.
    let everything: Vec<usize> = (0..all.len()).collect();
    let stance_head = fit(
        &job.task.labels,
        best_stance.1,
        &everything,
        &y_stance,
        best_stance.2,
    )?;
    let sent_head = fit(
        &sentiment_task.labels,
        best_sent.1,
        &everything,
        &y_sent,
        best_sent.2,
    )?;
    let baseline_head = fit(
        &job.task.labels,
        baseline_spec,
        &everything,
        &y_stance,
        baseline_epochs,
    )?;

    // Zero-shot temperature, fitted on the dev split.
    let mut zs = ZeroShot::new(&job.task, job.encoder)?;
    let dev_quote_emb: Vec<&[f32]> = dev_idx
        .iter()
        .map(|&i| &x_full[i * full_w..i * full_w + dim])
        .collect();
    let dev_y: Vec<usize> = dev_idx.iter().map(|&i| y_stance[i]).collect();
    zs.fit_temperature(&dev_quote_emb, &dev_y);

    std::fs::create_dir_all(out).map_err(|source| TrainError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let save = |head: &LinearHead, file: &str| {
        head.save(&out.join(file))
            .map_err(|e| TrainError::Invalid(e.to_string()))
    };
    save(&stance_head, "stance.safetensors")?;
    save(&sent_head, "sentiment.safetensors")?;
    save(&baseline_head, "baseline.safetensors")?;
    let counts = |labels: &[String], y: &[usize]| -> BTreeMap<String, usize> {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), y.iter().filter(|&&v| v == i).count()))
            .collect()
    };
    let mut hasher = Sha256::new();
    for e in &all {
        hasher.update(serde_json::to_string(e).unwrap_or_default().as_bytes());
        hasher.update(b"\n");
    }
    let card = HeadCard {
        name: job.name.clone(),
        task: job.task.clone(),
        encoder: EncoderRef {
            id: job.encoder_id.clone(),
            weights_sha256: job.weights_sha256.clone(),
            dim,
        },
        stance: HeadFile {
            file: "stance.safetensors".into(),
            labels: job.task.labels.clone(),
            spec: best_stance.1,
            config: TrainConfig {
                epochs: best_stance.2,
                ..TrainConfig::default()
            },
        },
        sentiment: HeadFile {
            file: "sentiment.safetensors".into(),
            labels: sentiment_task.labels.clone(),
            spec: best_sent.1,
            config: TrainConfig {
                epochs: best_sent.2,
                ..TrainConfig::default()
            },
        },
        baseline: HeadFile {
            file: "baseline.safetensors".into(),
            labels: job.task.labels.clone(),
            spec: baseline_spec,
            config: TrainConfig {
                epochs: baseline_epochs,
                ..TrainConfig::default()
            },
        },
        training: TrainingInfo {
            data_files: job.data_files.clone(),
            data_sha256: hex::encode(hasher.finalize()),
            examples: all.len(),
            stance_counts: counts(&job.task.labels, &y_stance),
            sentiment_counts: counts(&sentiment_task.labels, &y_sent),
            selection,
            zero_shot_temperature: zs.temperature,
        },
        cross_validation: CrossValidation {
            folds: job.folds,
            grouped_by: "article or written batch".into(),
            stance: cv_stance,
            sentiment: cv_sent,
        },
    };
    card.save(out).map_err(|source| TrainError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(card)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
