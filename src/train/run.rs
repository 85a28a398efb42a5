//! `quotestance train`: data loading, model selection on the dev split,
//! grouped cross-validation, and the final fit.

use crate::error::Error;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::lora::{predict_probs, save_lora, temper, train_adapter, HeldOut, Prepared};
use super::oof::OutOfFoldLine;
use crate::model::Encoder;
use crate::stance::adapter::{AdaptConfig, ADAPTER_FILE};
use crate::stance::card::{
    CrossValidation, DevArticleScores, EncoderRef, FrozenHeads, HeadCard, ScoreSummary,
    SelectionRow, TrainingInfo,
};
use crate::stance::features::{ContextMode, FeatureSpec, QuoteInput};
use crate::stance::head::{argmax, LinearHead};
use crate::stance::task::Task;
use crate::stance::zeroshot::ZeroShot;
use crate::stance::{features_for, project};

use super::adapter::*;
use super::examples::*;
use super::select::*;

/// Everything `train` needs.
pub struct TrainJob<'a> {
    /// Name of the heads, written to the card.
    pub name: String,
    /// The stance task to train for.
    pub task: Task,
    /// The encoder whose embeddings the heads read.
    pub encoder: &'a Encoder,
    /// The encoder's hub id or directory, written to the card.
    pub encoder_id: String,
    /// SHA-256 (hex) of the encoder's weights, written to the card.
    pub weights_sha256: String,
    /// Written examples (never from the test split).
    pub written: Vec<TrainExample>,
    /// Examples from the dev gold articles: used to choose settings (and
    /// trained on in the final fit when `fit_on_dev`).
    pub dev: Vec<TrainExample>,
    /// Whether the final fit includes the dev examples. False keeps dev held
    /// out, so the shipped heads can be scored on it.
    pub fit_on_dev: bool,
    /// The dev articles' gold speakers, for speaker-level scores on dev.
    pub dev_speakers: Vec<SpeakerLabel>,
    /// Where the examples came from, written to the card.
    pub data_files: Vec<String>,
    /// Number of folds for grouped cross-validation.
    pub folds: usize,
    /// Called with progress lines.
    pub progress: &'a dyn Fn(&str),
    /// Try adapting the encoder (LoRA) with these settings.
    pub adapt: Option<AdaptConfig>,
    /// Also print the dev-phase models' confusion matrix and mistakes on dev
    /// (for error analysis that never looks at the test split).
    pub show_dev_errors: bool,
    /// Search a small settings grid (two contexts, one epoch count and weight
    /// decay): for quick checks of the training code, not for shipped heads.
    pub small_grid: bool,
    /// Write every example's full feature row here (JSON Lines: group, dev,
    /// labels, features), for analysis outside the tool.
    pub features_out: Option<PathBuf>,
    /// Write every example's out-of-fold stance probabilities here (JSON Lines),
    /// so any subset of groups can be scored afterwards (`quotestance oof-scores`).
    pub oof_out: Option<PathBuf>,
}

/// Selects settings on dev, cross-validates, fits on everything and writes
/// heads and card to `out`.
pub fn train(job: &TrainJob, out: &Path) -> Result<HeadCard, Error> {
    if job.written.is_empty() || job.dev.is_empty() {
        return Err(Error::Invalid(
            "training needs written examples and dev gold articles".into(),
        ));
    }
    let dim = job.encoder.dim();
    let sentiment_task = Task::sentiment();
    let full = FeatureSpec {
        context: ContextMode::QuoteSentenceSpeakerParagraph,
        structured: true,
        lexical: true,
    };
    let all: Vec<&TrainExample> = job.written.iter().chain(job.dev.iter()).collect();
    let inputs: Vec<QuoteInput> = all.iter().map(|e| e.input.clone()).collect();
    (job.progress)(&format!(
        "embedding {} examples ({} texts each)…",
        inputs.len(),
        full.context.texts()
    ));
    let (x_full, _) = features_for(job.encoder, &inputs, full, &job.task)?;
    let full_w = full.dim(dim);
    if let Some(path) = &job.features_out {
        let mut text = String::new();
        for (i, e) in all.iter().enumerate() {
            let row = serde_json::json!({
                "group": e.group, "dev": i >= job.written.len(), "stance": e.stance,
                "sentiment": e.sentiment, "speaker": e.input.speaker, "dim": dim,
                "x": &x_full[i * full_w..(i + 1) * full_w],
            });
            text.push_str(&row.to_string());
            text.push('\n');
        }
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
    }
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
    let view_of = |x: &[f32], spec: FeatureSpec, idx: &[usize]| -> Vec<f32> {
        idx.iter()
            .flat_map(|&i| project(&x[i * full_w..(i + 1) * full_w], full, spec, dim))
            .collect()
    };
    let view = |spec: FeatureSpec, idx: &[usize]| view_of(&x_full, spec, idx);
    let fit_on = |x: &[f32],
                  labels: &[String],
                  spec: FeatureSpec,
                  idx: &[usize],
                  y: &[usize],
                  s: Setting| {
        let cfg = s.config();
        let yy: Vec<usize> = idx.iter().map(|&i| y[i]).collect();
        LinearHead::train(
            labels,
            spec,
            spec.dim(dim),
            &view_of(x, spec, idx),
            &yy,
            &cfg,
        )
        .map_err(|e| Error::Invalid(e.to_string()))
    };
    let fit = |labels: &[String], spec: FeatureSpec, idx: &[usize], y: &[usize], s: Setting| {
        fit_on(&x_full, labels, spec, idx, y, s)
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
    // One selection row per epochs × weight decay for a head and spec.
    let select_rows = |name: &str,
                       labels: &[String],
                       y: &[usize],
                       spec: FeatureSpec|
     -> Result<Vec<SelectionRow>, Error> {
        let mut rows = Vec::new();
        let (epoch_choices, decay_choices): (&[usize], &[f64]) = if job.small_grid {
            (&EPOCH_CHOICES[..1], &WEIGHT_DECAY_CHOICES[1..2])
        } else {
            (&EPOCH_CHOICES, &WEIGHT_DECAY_CHOICES)
        };
        for &epochs in epoch_choices {
            for &weight_decay in decay_choices {
                let setting = Setting {
                    spec,
                    epochs,
                    weight_decay,
                };
                let head = fit(labels, spec, &written_idx, y, setting)?;
                let s = score_on(&head, labels, &dev_idx, y);
                (job.progress)(&format!(
                    "  {name:<9} {:?} structured={} lexical={} epochs={epochs} wd={weight_decay}: dev macro-F1 {:.3}",
                    spec.context, spec.structured, spec.lexical, s.macro_f1
                ));
                rows.push(SelectionRow {
                    head: name.into(),
                    spec,
                    epochs,
                    weight_decay,
                    dev_macro_f1: s.macro_f1,
                    dev_accuracy: s.accuracy,
                });
            }
        }
        Ok(rows)
    };
    let mut selection = Vec::new();
    let first = Setting {
        spec: full,
        epochs: EPOCH_CHOICES[0],
        weight_decay: WEIGHT_DECAY_CHOICES[0],
    };
    let contexts: &[ContextMode] = if job.small_grid {
        &ContextMode::ALL[..2]
    } else {
        &ContextMode::ALL
    };
    for &context in contexts {
        for structured in [false, true] {
            let spec = FeatureSpec {
                context,
                structured,
                lexical: false,
            };
            for (name, labels, y) in [
                ("stance", &job.task.labels, &y_stance),
                ("sentiment", &sentiment_task.labels, &y_sent),
            ] {
                selection.extend(select_rows(name, labels, y, spec)?);
            }
        }
    }
    // The lexical block (8,192 columns) is tried only with each head's best
    // encoder context: the full grid with it would double `make train`.
    for (name, labels, y) in [
        ("stance", &job.task.labels, &y_stance),
        ("sentiment", &sentiment_task.labels, &y_sent),
    ] {
        if let Some((_, best)) = choose_setting(&selection, name) {
            let spec = FeatureSpec {
                lexical: true,
                ..best.spec
            };
            selection.extend(select_rows(name, labels, y, spec)?);
        }
    }
    let best_stance = choose_setting(&selection, "stance").unwrap_or((f64::MIN, first));
    let best_sent = choose_setting(&selection, "sentiment").unwrap_or((f64::MIN, first));
    let baseline_spec = FeatureSpec {
        context: ContextMode::Quote,
        structured: false,
        lexical: false,
    };
    let baseline = selection
        .iter()
        .filter(|r| r.head == "stance" && r.spec == baseline_spec)
        .max_by(|a, b| {
            a.dev_macro_f1
                .total_cmp(&b.dev_macro_f1)
                .then(b.epochs.cmp(&a.epochs))
                .then(b.weight_decay.total_cmp(&a.weight_decay))
        })
        .map(|r| Setting {
            spec: baseline_spec,
            epochs: r.epochs,
            weight_decay: r.weight_decay,
        })
        .unwrap_or(Setting {
            spec: baseline_spec,
            ..first
        });

    // The chosen stance head's settings, fitted on examples `idx`.
    let fit_stance = |idx: &[usize]| {
        fit(
            &job.task.labels,
            best_stance.1.spec,
            idx,
            &y_stance,
            best_stance.1,
        )
    };
    let dev_examples: Vec<&TrainExample> = dev_idx.iter().map(|&i| all[i]).collect();
    let dev_stance: Vec<usize> = dev_idx.iter().map(|&i| y_stance[i]).collect();
    if job.show_dev_errors {
        // Each chosen head, trained on the written examples, on the dev split.
        for (name, labels, y, setting) in [
            ("stance", &job.task.labels, &y_stance, best_stance.1),
            ("sentiment", &sentiment_task.labels, &y_sent, best_sent.1),
        ] {
            let head = fit(labels, setting.spec, &written_idx, y, setting)?;
            let pred: Vec<usize> = view(head.spec, &dev_idx)
                .chunks_exact(head.spec.dim(dim))
                .map(|r| argmax(&head.predict(r)))
                .collect();
            let gold: Vec<usize> = dev_idx.iter().map(|&i| y[i]).collect();
            let what = format!("the chosen frozen-encoder {name} head");
            for line in dev_error_lines(&what, labels, &dev_examples, &gold, &pred) {
                (job.progress)(&line);
            }
        }
    }

    // 2. Grouped cross-validation of the chosen settings over all examples
    // (before the adapter, which is measured on the same folds).
    let groups: Vec<String> = all.iter().map(|e| e.group.clone()).collect();
    let folds = grouped_folds(&groups, job.folds);
    // Pooled out-of-fold probabilities of a setting, one per example.
    let cv = |labels: &[String],
              setting: Setting,
              y: &[usize]|
     -> Result<(ScoreSummary, Vec<Vec<f32>>), Error> {
        let mut probs = vec![Vec::new(); all.len()];
        for f in 0..job.folds {
            let Some((train_idx, test_idx)) = fold_split(&folds, f) else {
                continue;
            };
            let head = fit(labels, setting.spec, &train_idx, y, setting)?;
            let xs = view(setting.spec, &test_idx);
            for (row, &i) in xs.chunks_exact(setting.spec.dim(dim)).zip(&test_idx) {
                probs[i] = head.predict(row);
            }
        }
        let pred: Vec<usize> = probs.iter().map(|p| argmax(p)).collect();
        Ok((summary(labels, y, &pred), probs))
    };
    (job.progress)("cross-validating the chosen settings…");
    let (cv_stance, cv_stance_probs) = cv(&job.task.labels, best_stance.1, &y_stance)?;
    let (cv_sent, _) = cv(&sentiment_task.labels, best_sent.1, &y_sent)?;
    // Out-of-fold probabilities (one per example) scored on the dev articles alone.
    // The dev articles' rows of per-example probabilities.
    let dev_rows = |probs: &[Vec<f32>]| -> Vec<Vec<f32>> {
        dev_idx.iter().map(|&i| probs[i].clone()).collect()
    };
    let dev_articles = |probs: &[Vec<f32>]| {
        let dev_probs = dev_rows(probs);
        let pred: Vec<usize> = dev_probs.iter().map(|p| argmax(p)).collect();
        DevArticleScores {
            quotes: summary(&job.task.labels, &dev_stance, &pred),
            speakers: dev_speaker_summary(&job.task, &dev_examples, &job.dev_speakers, &dev_probs),
        }
    };
    let cv_dev_articles = dev_articles(&cv_stance_probs);

    // 3. Adapting the encoder: LoRA on its top layers, trained with the
    // stance head. Scored two ways against the frozen head: trained on the
    // written examples and scored on dev after every epoch (as the frozen head's
    // settings were chosen), and by grouped cross-validation over written + dev
    // on the same folds as the frozen head's. One dev curve over ~160 quotes
    // swings by several points from epoch to epoch, so the epoch count and the
    // keep-or-drop decision come from the pooled out-of-fold predictions.
    let mut keep_adapter = None;
    let mut adapter_oof: Option<Vec<Vec<f32>>> = None;
    let mut adaptation = match job.adapt {
        None => None,
        Some(cfg) if cfg.max_epochs == 0 => {
            return Err(Error::Invalid(
                "adapting the encoder needs at least one epoch".into(),
            ))
        }
        Some(cfg) => {
            (job.progress)(&format!(
                "adapting the encoder (LoRA rank {} on the top {} layer(s)), scored on dev…",
                cfg.rank, cfg.layers
            ));
            let prepared = Prepared::new(
                job.encoder,
                &inputs,
                best_stance.1.spec,
                &job.task,
                cfg.layers,
            )?;
            let frozen = fit_stance(&written_idx)?;
            let dev_score = |probs: &[Vec<f32>]| macro_f1_of(&job.task.labels, &dev_stance, probs);
            let (dev_adapted, dev_run) = train_adapter(
                job.encoder.bert()?,
                &prepared,
                &frozen,
                &y_stance,
                &written_idx,
                Some(HeldOut {
                    name: "dev",
                    idx: &dev_idx,
                    score: &dev_score,
                }),
                &cfg,
                job.progress,
            )
            .map_err(|e| Error::Invalid(e.to_string()))?;
            if job.show_dev_errors {
                let probs = predict_probs(job.encoder.bert()?, &prepared, &dev_adapted, &dev_idx)
                    .map_err(|e| Error::Invalid(e.to_string()))?;
                let pred: Vec<usize> = probs.iter().map(|p| argmax(p)).collect();
                let what = format!("the adapter (best dev epoch {})", dev_run.best_epoch);
                for line in
                    dev_error_lines(&what, &job.task.labels, &dev_examples, &dev_stance, &pred)
                {
                    (job.progress)(&line);
                }
            }

            (job.progress)(&format!(
                "cross-validating the adapter ({} folds, as the frozen head)…",
                job.folds
            ));
            let adapter_cv = cross_validate_adapter(
                job.encoder.bert()?,
                &prepared,
                &job.task.labels,
                &y_stance,
                (&folds, job.folds),
                &fit_stance,
                &cfg,
                job.progress,
            )?;
            // Per epoch only the quote score decides; the speakers are scored
            // once, for the chosen epoch, below.
            let dev_articles_per_epoch: Vec<f64> = adapter_cv
                .probs
                .iter()
                .map(|p| macro_f1_of(&job.task.labels, &dev_stance, &dev_rows(p)))
                .collect();
            let mut decision = decide_adapter(
                &cfg,
                &adapter_cv,
                &y_stance,
                &dev_run.dev_macro_f1,
                &dev_articles_per_epoch,
                FrozenScores {
                    cv: cv_stance.macro_f1,
                    dev: best_stance.0,
                    cv_dev_articles: cv_dev_articles.quotes.macro_f1,
                },
            );
            let r = &mut decision.report;
            r.cv_dev_articles = adapter_cv
                .probs
                .get(r.best_epoch - 1)
                .map(|chosen| dev_articles(chosen));
            (job.progress)(&format!(
                "  adapter epoch {}: grouped-CV macro-F1 {:.3} vs frozen head {:.3}; on the dev articles {:.3} vs {:.3}; dev {:.3} vs {:.3}: {}",
                r.best_epoch,
                decision.best_cv,
                cv_stance.macro_f1,
                r.cv_dev_articles
                    .as_ref()
                    .map_or(f64::NAN, |d| d.quotes.macro_f1),
                cv_dev_articles.quotes.macro_f1,
                decision.dev_at_best,
                best_stance.0,
                if r.kept { "kept" } else { "not kept" }
            ));
            adapter_oof = adapter_cv.probs.get(r.best_epoch - 1).cloned();
            if r.kept {
                keep_adapter = Some((
                    AdaptConfig {
                        max_epochs: r.best_epoch,
                        ..cfg
                    },
                    prepared,
                    decision.temperature,
                ));
            }
            Some(decision.report)
        }
    };

    if let Some(path) = &job.oof_out {
        let lines: Vec<OutOfFoldLine> = all
            .iter()
            .enumerate()
            .map(|(i, e)| OutOfFoldLine {
                group: e.group.clone(),
                speaker: e.input.speaker.clone(),
                quote: e.input.quote.clone(),
                stance: e.stance.clone(),
                frozen: cv_stance_probs[i].clone(),
                adapter: adapter_oof.as_ref().map(|a| a[i].clone()),
            })
            .collect();
        super::oof::write(path, &job.task.labels, &lines)?;
    }

    // 4. Final fit on everything (or on the training examples alone, which
    // keeps dev held out).
    let everything: Vec<usize> = if job.fit_on_dev {
        (0..all.len()).collect()
    } else {
        written_idx.clone()
    };
    let stance_head = fit_stance(&everything)?;
    let mut sent_head = fit(
        &sentiment_task.labels,
        best_sent.1.spec,
        &everything,
        &y_sent,
        best_sent.1,
    )?;
    // A kept adapter is retrained on everything for its best dev epoch count,
    // with the stance head; the sentiment head is refitted on adapted features.
    let mut stance_head = stance_head;
    let mut adapter = None;
    let mut frozen_heads = None;
    if let Some((cfg, prepared, temperature)) = &keep_adapter {
        (job.progress)("training the kept adapter on all examples…");
        let (adapted, _) = train_adapter(
            job.encoder.bert()?,
            prepared,
            &stance_head,
            &y_stance,
            &everything,
            None,
            cfg,
            job.progress,
        )
        .map_err(|e| Error::Invalid(e.to_string()))?;
        let mut adapted_encoder = job.encoder.clone();
        adapted_encoder.merge_lora(&adapted.lora)?;
        let (x_adapted, _) = features_for(&adapted_encoder, &inputs, full, &job.task)?;
        let sent_adapted = fit_on(
            &x_adapted,
            &sentiment_task.labels,
            best_sent.1.spec,
            &everything,
            &y_sent,
            best_sent.1,
        )?;
        let mut adapted_head = adapted.head;
        temper(&mut adapted_head, *temperature);
        let frozen_stance = std::mem::replace(&mut stance_head, adapted_head);
        let frozen_sent = std::mem::replace(&mut sent_head, sent_adapted);
        frozen_heads = Some((frozen_stance, frozen_sent));
        adapter = Some(adapted.lora);
    }
    let baseline_head = fit(
        &job.task.labels,
        baseline_spec,
        &everything,
        &y_stance,
        baseline,
    )?;

    // Zero-shot temperature, fitted on the dev split.
    let mut zs = ZeroShot::new(&job.task, job.encoder)?;
    let dev_quote_emb: Vec<&[f32]> = dev_idx
        .iter()
        .map(|&i| &x_full[i * full_w..i * full_w + dim])
        .collect();
    let dev_y: Vec<usize> = dev_idx.iter().map(|&i| y_stance[i]).collect();
    zs.fit_temperature(&dev_quote_emb, &dev_y);

    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let save = |head: &LinearHead, file: &str| {
        head.save(&out.join(file))
            .map_err(|e| Error::Invalid(e.to_string()))
    };
    save(&stance_head, "stance.safetensors")?;
    save(&sent_head, "sentiment.safetensors")?;
    save(&baseline_head, "baseline.safetensors")?;
    // With an adapter, the frozen-encoder heads are kept too, so evaluations
    // show both side by side.
    let frozen = match &frozen_heads {
        Some((st, se)) => {
            save(st, FROZEN_STANCE_FILE)?;
            save(se, FROZEN_SENTIMENT_FILE)?;
            Some(FrozenHeads {
                stance: head_file(FROZEN_STANCE_FILE, &job.task.labels, best_stance.1),
                sentiment: head_file(FROZEN_SENTIMENT_FILE, &sentiment_task.labels, best_sent.1),
            })
        }
        None => None,
    };
    if let (Some(lora), Some(report)) = (&adapter, adaptation.as_mut()) {
        save_lora(lora, &out.join(ADAPTER_FILE)).map_err(|e| Error::Invalid(e.to_string()))?;
        report.file = Some(ADAPTER_FILE.into());
    } else {
        remove_adapter_files(out)?;
    }
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
        stance: head_file("stance.safetensors", &job.task.labels, best_stance.1),
        sentiment: head_file("sentiment.safetensors", &sentiment_task.labels, best_sent.1),
        baseline: head_file("baseline.safetensors", &job.task.labels, baseline),
        adaptation,
        frozen,
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
            dev_articles: Some(cv_dev_articles),
        },
    };
    card.save(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(card)
}
