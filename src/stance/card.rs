//! The JSON card beside trained heads: what they were trained for and on,
//! how well, and which encoder they need.

use crate::error::Error;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::adapter::AdaptConfig;

use super::features::FeatureSpec;
use super::head::{LinearHead, TrainConfig};
use super::task::Task;

/// File name of the card in a heads directory.
pub const CARD_FILE: &str = "card.json";

/// The encoder the heads were trained on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EncoderRef {
    /// The encoder's hub id, or its local directory when it is not a known model.
    pub id: String,
    /// SHA-256 of the encoder's weights file, in hex.
    pub weights_sha256: String,
    /// Width of the encoder's embeddings.
    pub dim: usize,
}

/// One saved head: its file, its labels and how its input is built.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadFile {
    /// The head's safetensors file, relative to the card's directory.
    pub file: String,
    /// The head's labels, in the order of its outputs.
    pub labels: Vec<String>,
    /// How the head's feature rows are built.
    pub spec: FeatureSpec,
    /// The training settings the head was fitted with.
    pub config: TrainConfig,
}

/// Scores of one head under grouped cross-validation or on dev.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ScoreSummary {
    /// Number of examples scored.
    pub n: usize,
    /// Share of examples predicted correctly, 0–1.
    pub accuracy: f64,
    /// Macro-averaged F1 over the labels, 0–1.
    pub macro_f1: f64,
    /// F1 of each label, 0–1, keyed by label.
    pub per_label_f1: BTreeMap<String, f64>,
}

/// One candidate setting measured on the dev split during model selection.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SelectionRow {
    /// Which head: `stance` or `sentiment`.
    pub head: String,
    /// The feature setting tried.
    pub spec: FeatureSpec,
    /// Training epochs tried.
    pub epochs: usize,
    /// AdamW weight decay tried.
    pub weight_decay: f64,
    /// Macro-F1 on the dev split, 0–1.
    pub dev_macro_f1: f64,
    /// Accuracy on the dev split, 0–1.
    pub dev_accuracy: f64,
}

/// What the heads were trained on, and how their settings were chosen.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TrainingInfo {
    /// The files and directories the examples came from, with the splits used.
    pub data_files: Vec<String>,
    /// SHA-256 (hex) of all examples, one line of JSON each, in training order.
    pub data_sha256: String,
    /// Number of examples, dev included.
    pub examples: usize,
    /// Number of examples per stance label.
    pub stance_counts: BTreeMap<String, usize>,
    /// Number of examples per sentiment label.
    pub sentiment_counts: BTreeMap<String, usize>,
    /// Every setting tried on the dev split, with its dev scores.
    pub selection: Vec<SelectionRow>,
    /// Zero-shot temperature fitted on the dev split.
    pub zero_shot_temperature: f32,
}

/// Grouped cross-validation of the chosen settings over all examples.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CrossValidation {
    /// Number of folds.
    pub folds: usize,
    /// What keeps examples together in one fold ("article or written batch").
    pub grouped_by: String,
    /// Scores of the stance head's pooled out-of-fold predictions.
    pub stance: ScoreSummary,
    /// Scores of the sentiment head's pooled out-of-fold predictions.
    pub sentiment: ScoreSummary,
    /// The stance head's out-of-fold predictions on the dev articles alone
    /// (comparable across changes to the written examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dev_articles: Option<DevArticleScores>,
}

/// Out-of-fold stance predictions scored on the dev articles only: per quote,
/// and per gold speaker (their quotes aggregated as `classify` does).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DevArticleScores {
    /// Scores per quote.
    pub quotes: ScoreSummary,
    /// Scores per gold speaker.
    pub speakers: ScoreSummary,
}

/// Everything about a set of trained heads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadCard {
    /// Name of the set of heads (the task's name).
    pub name: String,
    /// The task the stance head was trained for: target, labels, hypotheses.
    pub task: Task,
    /// The encoder the heads need.
    pub encoder: EncoderRef,
    /// The stance head.
    pub stance: HeadFile,
    /// The sentiment head.
    pub sentiment: HeadFile,
    /// The frozen-encoder baseline: quote embedding only, no structured signals.
    pub baseline: HeadFile,
    /// The encoder-adaptation experiment, when it was run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adaptation: Option<AdaptationReport>,
    /// With a kept adapter: the heads trained on the frozen encoder, for comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<FrozenHeads>,
    /// The training data and the model selection on dev.
    pub training: TrainingInfo,
    /// Grouped cross-validated scores of the chosen settings.
    pub cross_validation: CrossValidation,
}

/// Stance and sentiment heads on the frozen encoder.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FrozenHeads {
    /// The frozen-encoder stance head.
    pub stance: HeadFile,
    /// The frozen-encoder sentiment head.
    pub sentiment: HeadFile,
}

/// Adapting the encoder (LoRA) against the frozen-encoder head, both scored
/// on the dev split after training on the written examples.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AdaptationReport {
    /// The adaptation method (`lora`).
    pub method: String,
    /// The adapter's training settings.
    pub config: AdaptConfig,
    /// How the epoch count and the keep-or-drop decision were made.
    pub selected_by: String,
    /// Grouped cross-validated stance macro-F1 after each epoch (pooled
    /// out-of-fold predictions, the frozen head's folds).
    pub cv_macro_f1_per_epoch: Vec<f64>,
    /// The frozen-encoder stance head's grouped cross-validated macro-F1.
    pub frozen_cv_macro_f1: f64,
    /// Dev macro-F1 after each epoch of an adapter trained on the written examples.
    pub dev_macro_f1_per_epoch: Vec<f64>,
    /// The frozen head's dev macro-F1 (trained on the written examples).
    pub frozen_dev_macro_f1: f64,
    /// The chosen epoch's out-of-fold predictions on the dev articles alone
    /// (compare `cross_validation.dev_articles`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv_dev_articles: Option<DevArticleScores>,
    /// Epochs of the kept adapter (1-based; the best cross-validated epoch).
    pub best_epoch: usize,
    /// Whether the adapter, at `best_epoch`, beat the frozen head both in
    /// cross-validation and on the dev articles' out-of-fold quotes, and was kept.
    pub kept: bool,
    /// Softmax temperature for the adapted stance head, fitted on the chosen
    /// epoch's out-of-fold probabilities (already divided into the saved
    /// head's weights).
    pub temperature: f64,
    /// The adapter's file, when kept.
    pub file: Option<String>,
}

impl HeadCard {
    /// Reads the card in `dir`.
    pub fn load(dir: &Path) -> Result<HeadCard, Error> {
        let path = dir.join(CARD_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::CardRead {
            path: path.clone(),
            message: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| Error::CardRead {
            path,
            message: e.to_string(),
        })
    }

    /// Writes the card to `dir` as pretty-printed JSON.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(CARD_FILE), json + "\n")
    }

    /// The heads need the encoder they were trained on: same width, and the
    /// same weights when the loaded encoder's checksum is known.
    pub fn check_encoder(&self, weights_sha256: Option<&str>, dim: usize) -> Result<(), Error> {
        let mismatch = |found: String| Error::HeadsForOtherEncoder {
            path: PathBuf::from(CARD_FILE),
            expected: format!(
                "{} (sha256 {}…)",
                self.encoder.id,
                &self.encoder.weights_sha256[..12.min(self.encoder.weights_sha256.len())]
            ),
            expected_dim: self.encoder.dim,
            found,
        };
        if dim != self.encoder.dim {
            return Err(mismatch(format!("is {dim}-d")));
        }
        if let Some(sha) = weights_sha256 {
            if sha != self.encoder.weights_sha256 {
                return Err(mismatch(format!(
                    "has weights sha256 {}…",
                    &sha[..12.min(sha.len())]
                )));
            }
        }
        Ok(())
    }

    /// The kept adapter, if the card names one.
    pub fn load_adapter(
        &self,
        dir: &Path,
        num_layers: usize,
    ) -> Result<Option<crate::model::bert::Lora>, Error> {
        let Some(report) = self.adaptation.as_ref().filter(|a| a.kept) else {
            return Ok(None);
        };
        let Some(file) = &report.file else {
            return Ok(None);
        };
        let cfg = report.config;
        let from = num_layers.saturating_sub(cfg.layers);
        Ok(Some(super::adapter::load_lora(
            &dir.join(file),
            from,
            num_layers,
            cfg.alpha / cfg.rank.max(1) as f64,
        )?))
    }

    /// Loads the stance and sentiment heads the card names from `dir`.
    pub fn load_heads(
        &self,
        dir: &Path,
        encoder_dim: usize,
    ) -> Result<(LinearHead, LinearHead), Error> {
        Ok((
            self.load_head(dir, &self.stance, encoder_dim)?,
            self.load_head(dir, &self.sentiment, encoder_dim)?,
        ))
    }

    /// Loads one head the card names from `dir`, for an encoder of width `encoder_dim`.
    pub fn load_head(
        &self,
        dir: &Path,
        file: &HeadFile,
        encoder_dim: usize,
    ) -> Result<LinearHead, Error> {
        LinearHead::load(
            &dir.join(&file.file),
            &file.labels,
            file.spec,
            file.spec.dim(encoder_dim),
        )
    }
}
