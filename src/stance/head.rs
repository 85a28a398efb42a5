//! A softmax head on the encoder's features: trained with Candle (AdamW,
//! class weights, fixed initialisation, full batches: deterministic on CPU),
//! saved as a small safetensors file, applied with plain arithmetic.

use crate::error::Error;
use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor, Var, D};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use serde::{Deserialize, Serialize};

use super::features::FeatureSpec;

/// A trained linear head: `softmax(x · W + b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearHead {
    /// Output labels, in order.
    pub labels: Vec<String>,
    /// How its input rows are built.
    pub spec: FeatureSpec,
    /// Width of an input row.
    pub dim: usize,
    /// Row-major `[dim × labels]`.
    pub weight: Vec<f32>,
    /// One bias per label.
    pub bias: Vec<f32>,
}

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Optimiser steps, each over all training rows at once.
    pub epochs: usize,
    /// AdamW learning rate.
    pub learning_rate: f64,
    /// AdamW weight decay.
    pub weight_decay: f64,
    /// Weight each class by the inverse of its frequency.
    pub class_weights: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 300,
            learning_rate: 0.01,
            weight_decay: 0.01,
            class_weights: true,
        }
    }
}

/// Rounds to a grid so tiny float differences (thread counts, CPUs) do not
/// change what is trained or saved.
pub fn quantize(x: f32, step: f32) -> f32 {
    (x / step).round() * step
}

/// The tensors of a safetensors file on the CPU, or an error naming the file.
pub fn read_safetensors(path: &Path) -> Result<HashMap<String, Tensor>, Error> {
    candle_core::safetensors::load(path, &Device::Cpu).map_err(|e| Error::HeadLoad {
        path: path.to_path_buf(),
        message: format!("not a readable safetensors file ({e})"),
    })
}

/// Per-class loss weights: the inverse of each class's frequency in `y`
/// (all 1 when `enabled` is false).
pub fn class_weights(y: &[usize], k: usize, enabled: bool) -> Vec<f32> {
    let n = y.len();
    let mut counts = vec![0usize; k];
    for &c in y {
        counts[c.min(k.saturating_sub(1))] += 1;
    }
    counts
        .iter()
        .map(|&c| {
            if enabled && c > 0 {
                n as f32 / (k as f32 * c as f32)
            } else {
                1.0
            }
        })
        .collect()
}

impl LinearHead {
    /// Class probabilities for one feature vector.
    pub fn predict(&self, x: &[f32]) -> Vec<f32> {
        let k = self.labels.len();
        let mut logits = self.bias.clone();
        for (i, &xi) in x.iter().enumerate().take(self.dim) {
            if xi == 0.0 {
                continue;
            }
            let row = &self.weight[i * k..(i + 1) * k];
            for (l, w) in logits.iter_mut().zip(row) {
                *l += xi * w;
            }
        }
        softmax(&logits)
    }

    /// Trains on rows of `x` (each `dim` long) with labels `y`.
    pub fn train(
        labels: &[String],
        spec: FeatureSpec,
        dim: usize,
        x: &[f32],
        y: &[usize],
        config: &TrainConfig,
    ) -> Result<LinearHead, Error> {
        let n = y.len();
        let k = labels.len();
        if n == 0 || x.len() != n * dim {
            return Err(Error::Invalid(format!(
                "{n} labels for {} feature values of width {dim}",
                x.len()
            )));
        }
        let device = Device::Cpu;
        let xs = Tensor::from_vec(
            x.iter().map(|&v| quantize(v, 1e-4)).collect::<Vec<f32>>(),
            (n, dim),
            &device,
        )?;
        let ys = Tensor::from_vec(
            y.iter().map(|&v| v as u32).collect::<Vec<u32>>(),
            n,
            &device,
        )?;
        let class_w = class_weights(y, k, config.class_weights);
        let sample_w: Vec<f32> = y.iter().map(|&c| class_w[c.min(k - 1)]).collect();
        let sample_w = Tensor::from_vec(sample_w, n, &device)?;
        let total_w = sample_w.sum_all()?;
        let w = Var::from_tensor(&Tensor::zeros((dim, k), DType::F32, &device)?)?;
        let b = Var::from_tensor(&Tensor::zeros(k, DType::F32, &device)?)?;
        let params = ParamsAdamW {
            lr: config.learning_rate,
            weight_decay: config.weight_decay,
            ..Default::default()
        };
        let mut opt = AdamW::new(vec![w.clone(), b.clone()], params)?;
        for _ in 0..config.epochs {
            let logits = xs.matmul(w.as_tensor())?.broadcast_add(b.as_tensor())?;
            let log_probs = candle_nn::ops::log_softmax(&logits, D::Minus1)?;
            let picked = log_probs.gather(&ys.unsqueeze(1)?, 1)?.squeeze(1)?;
            let loss = (picked.mul(&sample_w)?.sum_all()?.neg()? / &total_w)?;
            opt.backward_step(&loss)?;
        }
        let weight: Vec<f32> = w
            .as_tensor()
            .flatten_all()?
            .to_vec1::<f32>()?
            .into_iter()
            .map(|v| quantize(v, 1e-6))
            .collect();
        let bias: Vec<f32> = b
            .as_tensor()
            .to_vec1::<f32>()?
            .into_iter()
            .map(|v| quantize(v, 1e-6))
            .collect();
        Ok(LinearHead {
            labels: labels.to_vec(),
            spec,
            dim,
            weight,
            bias,
        })
    }

    /// Writes the weights as safetensors (`weight` `[dim, labels]`, `bias` `[labels]`).
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let k = self.labels.len();
        let mut tensors = HashMap::new();
        tensors.insert(
            "weight".to_string(),
            Tensor::from_vec(self.weight.clone(), (self.dim, k), &Device::Cpu)?,
        );
        tensors.insert(
            "bias".to_string(),
            Tensor::from_vec(self.bias.clone(), k, &Device::Cpu)?,
        );
        candle_core::safetensors::save(&tensors, path)?;
        Ok(())
    }

    /// Reads weights saved by [`save`](Self::save), checking their shapes.
    pub fn load(
        path: &Path,
        labels: &[String],
        spec: FeatureSpec,
        dim: usize,
    ) -> Result<LinearHead, Error> {
        let err = |message: String| Error::HeadLoad {
            path: path.to_path_buf(),
            message,
        };
        let tensors = read_safetensors(path)?;
        let get = |name: &str| {
            tensors
                .get(name)
                .ok_or_else(|| err(format!("no `{name}` tensor")))
        };
        let (w, b) = (get("weight")?, get("bias")?);
        let k = labels.len();
        if w.dims() != [dim, k] || b.dims() != [k] {
            return Err(err(format!(
                "weights have shape {:?} and {:?}, expected [{dim}, {k}] and [{k}] for this encoder and label set",
                w.dims(),
                b.dims()
            )));
        }
        let flat = |t: &Tensor| {
            t.to_dtype(DType::F32)
                .and_then(|t| t.flatten_all())
                .and_then(|t| t.to_vec1::<f32>())
        };
        Ok(LinearHead {
            labels: labels.to_vec(),
            spec,
            dim,
            weight: flat(w).map_err(|e| err(e.to_string()))?,
            bias: flat(b).map_err(|e| err(e.to_string()))?,
        })
    }
}

/// Probabilities from logits (softmax, shifted by the maximum for stability).
pub fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.into_iter()
        .map(|e| e / sum.max(f32::MIN_POSITIVE))
        .collect()
}

/// Index of the largest value (the first on ties; 0 when empty).
pub fn argmax(p: &[f32]) -> usize {
    p.iter()
        .enumerate()
        .fold(0, |best, (i, &v)| if v > p[best] { i } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stance::features::ContextMode;

    fn spec() -> FeatureSpec {
        FeatureSpec {
            context: ContextMode::Quote,
            structured: false,
            lexical: false,
        }
    }

    fn toy() -> (Vec<f32>, Vec<usize>) {
        // Two separable clusters in 3-d.
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            let c = i % 2;
            let j = i as f32 * 0.01;
            if c == 0 {
                x.extend([1.0, 0.1 + j, 0.0]);
            } else {
                x.extend([0.0, 0.1 - j, 1.0]);
            }
            y.push(c);
        }
        (x, y)
    }

    #[test]
    fn learns_a_separable_problem_and_is_deterministic() {
        let (x, y) = toy();
        let labels = vec!["a".to_string(), "b".to_string()];
        let cfg = TrainConfig {
            epochs: 100,
            ..Default::default()
        };
        let h1 = LinearHead::train(&labels, spec(), 3, &x, &y, &cfg).unwrap();
        let h2 = LinearHead::train(&labels, spec(), 3, &x, &y, &cfg).unwrap();
        assert_eq!(h1, h2);
        assert_eq!(argmax(&h1.predict(&[1.0, 0.1, 0.0])), 0);
        assert_eq!(argmax(&h1.predict(&[0.0, 0.1, 1.0])), 1);
        let p = h1.predict(&[0.5, 0.0, 0.5]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn save_load_round_trip_and_shape_errors() {
        let (x, y) = toy();
        let labels = vec!["a".to_string(), "b".to_string()];
        let h = LinearHead::train(
            &labels,
            spec(),
            3,
            &x,
            &y,
            &TrainConfig {
                epochs: 5,
                ..Default::default()
            },
        )
        .unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("h.safetensors");
        h.save(&p).unwrap();
        assert_eq!(LinearHead::load(&p, &labels, spec(), 3).unwrap(), h);
        let three = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let err = LinearHead::load(&p, &three, spec(), 3)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("expected [3, 3]") && err.contains("h.safetensors"),
            "{err}"
        );
        std::fs::write(&p, b"garbage").unwrap();
        let err = LinearHead::load(&p, &labels, spec(), 3)
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a readable safetensors"), "{err}");
    }
}
