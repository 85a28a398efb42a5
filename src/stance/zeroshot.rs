//! Zero-shot: similarity of a quote to each label's hypotheses, turned into
//! probabilities by a temperature (fitted on labelled dev quotes when there are some).

use super::head::softmax;
use super::task::Task;
use crate::error::Error;
use crate::model::Encoder;

/// Default temperature when nothing was fitted.
pub const DEFAULT_TEMPERATURE: f32 = 0.05;

/// Zero-shot classifier: an embedding's similarity to each label's prototype,
/// turned into probabilities.
#[derive(Debug, Clone, PartialEq)]
pub struct ZeroShot {
    /// The labels, in the order of the prototypes and of the output.
    pub labels: Vec<String>,
    /// One normalised prototype per label: the mean of its hypothesis embeddings.
    pub prototypes: Vec<Vec<f32>>,
    /// Softmax temperature: similarities are divided by it (lower is sharper).
    pub temperature: f32,
}

impl ZeroShot {
    /// Builds the prototypes by embedding each label's hypotheses in `task`.
    pub fn new(task: &Task, encoder: &Encoder) -> Result<Self, Error> {
        let mut prototypes = Vec::with_capacity(task.labels.len());
        for label in &task.labels {
            let hyps: Vec<&str> = task
                .hypotheses_for(label)
                .iter()
                .map(String::as_str)
                .collect();
            let emb = encoder.embed(&hyps)?;
            let mut mean = vec![0f32; emb.dim];
            for row in emb.rows() {
                for (m, v) in mean.iter_mut().zip(row) {
                    *m += v;
                }
            }
            let norm = mean.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
            prototypes.push(mean.into_iter().map(|v| v / norm).collect());
        }
        Ok(ZeroShot {
            labels: task.labels.clone(),
            prototypes,
            temperature: DEFAULT_TEMPERATURE,
        })
    }

    /// Label probabilities for a normalised embedding.
    pub fn predict(&self, embedding: &[f32]) -> Vec<f32> {
        let t = self.temperature.max(1e-4);
        let logits: Vec<f32> = self
            .prototypes
            .iter()
            .map(|p| p.iter().zip(embedding).map(|(a, b)| a * b).sum::<f32>() / t)
            .collect();
        softmax(&logits)
    }

    /// Picks the temperature that minimises the negative log-likelihood of `y`.
    pub fn fit_temperature(&mut self, embeddings: &[&[f32]], y: &[usize]) {
        if embeddings.is_empty() {
            return;
        }
        let mut best = (f32::INFINITY, self.temperature);
        for i in 1..=200 {
            let t = i as f32 * 0.0025;
            self.temperature = t;
            let nll: f32 = embeddings
                .iter()
                .zip(y)
                .map(|(e, &c)| -self.predict(e)[c].max(1e-9).ln())
                .sum();
            if nll < best.0 {
                best = (nll, t);
            }
        }
        self.temperature = best.1;
    }
}
