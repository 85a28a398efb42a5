//! The JSON card beside trained heads: what they were trained for and on,
//! how well, and which encoder they need.

use crate::Error;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::adapter::AdaptConfig;

use super::features::FeatureSpec;
use super::head::{LinearHead, TrainConfig};
use super::task::Task;

pub const CARD_FILE: &str = "card.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EncoderRef {
    pub id: String,
    pub weights_sha256: String,
    pub dim: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadFile {
    pub file: String,
    pub labels: Vec<String>,
    pub spec: FeatureSpec,
    pub config: TrainConfig,
}

/// Scores of one head under grouped cross-validation or on dev.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ScoreSummary {
    pub n: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub per_label_f1: BTreeMap<String, f64>,
}

/// One candidate setting measured on the dev split during model selection.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SelectionRow {
    pub head: String,
    pub spec: FeatureSpec,
    pub epochs: usize,
    pub weight_decay: f64,
    pub dev_macro_f1: f64,
    pub dev_accuracy: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TrainingInfo {
    pub data_files: Vec<String>,
    pub data_sha256: String,
    pub examples: usize,
    pub stance_counts: BTreeMap<String, usize>,
    pub sentiment_counts: BTreeMap<String, usize>,
    pub selection: Vec<SelectionRow>,
    /// Zero-shot temperature fitted on the dev split.
    pub zero_shot_temperature: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CrossValidation {
    pub folds: usize,
    pub grouped_by: String,
    pub stance: ScoreSummary,
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
    pub quotes: ScoreSummary,
    pub speakers: ScoreSummary,
}

/// Everything about a set of trained heads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HeadCard {
    pub name: String,
    pub task: Task,
    pub encoder: EncoderRef,
    pub stance: HeadFile,
    pub sentiment: HeadFile,
    /// The frozen-encoder baseline: quote embedding only, no structured signals.
    pub baseline: HeadFile,
    /// The encoder-adaptation experiment, when it was run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adaptation: Option<AdaptationReport>,
    /// With a kept adapter: the heads trained on the frozen encoder, for comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<FrozenHeads>,
    pub training: TrainingInfo,
    pub cross_validation: CrossValidation,
}

/// Stance and sentiment heads on the frozen encoder.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FrozenHeads {
    pub stance: HeadFile,
    pub sentiment: HeadFile,
}

/// Adapting the encoder (LoRA) against the frozen-encoder head, both scored
/// on the dev split after training on the written examples.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AdaptationReport {
    pub method: String,
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
