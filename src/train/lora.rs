//! Adapting the encoder itself: low-rank adapters (LoRA) on the linear maps of
//! its top layers, trained jointly with the stance head on the same features
//! the frozen head uses. The layers below stay frozen, so their hidden states
//! are computed once and cached; each step runs only the adapted layers.
//!
//! `train` runs this after choosing the frozen head's settings, scores each
//! epoch on the dev split and in grouped cross-validation, and keeps the
//! adapter only if its best cross-validated epoch beats the frozen head there
//! and on the dev articles' share of it; the card reports both either way.
//! An optional supervised contrastive term (SetFit's idea, in batch form) can
//! be added to the cross-entropy.

use crate::error::Error;
use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor, Var, D};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use serde::{Deserialize, Serialize};

use crate::model::bert::{l2_normalize, masked_mean, Bert, LayerLora, Lora, LowRank};
use crate::model::Encoder;
use crate::stance::features::{self, FeatureSpec, QuoteInput};
use crate::stance::head::{class_weights, quantize, LinearHead, TrainConfig};
use crate::stance::task::Task;

use crate::stance::adapter::*;

/// The frozen part of every example: cached hidden states below the adapters.
pub struct Prepared {
    pub(crate) spec: FeatureSpec,
    pub(crate) texts: usize,
    /// One `[len, hidden]` tensor per distinct text.
    pub(crate) hidden: Vec<Tensor>,
    /// Per example, its texts' indices into `hidden`.
    pub(crate) index: Vec<Vec<usize>>,
    /// Per example, the blocks after the encoder's (structured, lexical).
    pub(crate) extra: Vec<Vec<f32>>,
    pub(crate) from_layer: usize,
}

impl Prepared {
    /// Runs the frozen layers once over every distinct text of `inputs`.
    pub fn new(
        encoder: &Encoder,
        inputs: &[QuoteInput],
        spec: FeatureSpec,
        task: &Task,
        adapted_layers: usize,
    ) -> Result<Prepared, Error> {
        if !encoder.device().is_cpu() {
            return Err(Error::Device(
                "adapter training runs on the CPU only".into(),
            ));
        }
        let total = encoder.bert()?.num_layers();
        let from_layer = total.saturating_sub(adapted_layers.max(1));
        let table = features::TextTable::new(inputs, spec.context);
        let hidden = encoder.hidden_states(&table.as_strs(), from_layer)?;
        Ok(Prepared {
            spec,
            texts: spec.context.texts(),
            hidden,
            index: table.index,
            extra: inputs
                .iter()
                .map(|input| features::extra_features(input, spec, task))
                .collect(),
            from_layer,
        })
    }

    /// Feature rows `[n, spec.dim]` of examples `idx`, through the adapted layers.
    fn features(&self, bert: &Bert, lora: &Lora, idx: &[usize]) -> candle_core::Result<Tensor> {
        let seqs: Vec<&Tensor> = idx
            .iter()
            .flat_map(|&e| self.index[e].iter().map(|&u| &self.hidden[u]))
            .collect();
        let device = Device::Cpu;
        // Quotes are short and sentences long: padding them all to the longest
        // wastes about half the work, so the texts run in groups of similar
        // length and their pooled rows are put back in order.
        let mut by_length: Vec<usize> = (0..seqs.len()).collect();
        by_length.sort_by_key(|&i| (seqs[i].dim(0).unwrap_or(0), i));
        let groups = (seqs.len() / MIN_GROUP).max(1);
        let group_size = seqs.len().div_ceil(groups).max(1);
        let mut pooled_groups = Vec::with_capacity(groups);
        for members in by_length.chunks(group_size) {
            let longest = members
                .iter()
                .map(|&i| seqs[i].dim(0).unwrap_or(0))
                .max()
                .unwrap_or(1)
                .max(1);
            let padded: Vec<Tensor> = members
                .iter()
                .map(|&i| {
                    let t = seqs[i];
                    t.pad_with_zeros(0, 0, longest - t.dim(0).unwrap_or(0))
                })
                .collect::<candle_core::Result<_>>()?;
            let x = Tensor::stack(&padded, 0)?;
            let mut mask = vec![0u32; members.len() * longest];
            for (r, &i) in members.iter().enumerate() {
                let len = seqs[i].dim(0)?;
                mask[r * longest..r * longest + len].fill(1);
            }
            let mask = Tensor::from_vec(mask, (members.len(), longest), &device)?;
            let out = bert.forward_from_with_lora(&x, &mask, lora)?;
            pooled_groups.push(l2_normalize(&masked_mean(&out, &mask)?)?);
        }
        let sorted = Tensor::cat(&pooled_groups, 0)?;
        let mut position = vec![0u32; seqs.len()];
        for (rank, &i) in by_length.iter().enumerate() {
            position[i] = rank as u32;
        }
        let position = Tensor::from_vec(position, seqs.len(), &device)?;
        let pooled = sorted.index_select(&position, 0)?;
        let hidden = pooled.dim(1)?;
        let rows = pooled.reshape((idx.len(), self.texts * hidden))?;
        let width = self.spec.extra_dim();
        if width == 0 {
            return Ok(rows);
        }
        let extra: Vec<f32> = idx
            .iter()
            .flat_map(|&e| self.extra[e].iter().copied())
            .collect();
        let extra = Tensor::from_vec(extra, (idx.len(), width), &device)?;
        Tensor::cat(&[&rows, &extra], 1)
    }
}

/// Fewest texts in one length group of a training batch.
pub(crate) const MIN_GROUP: usize = 16;

/// A trained adapter and the stance head trained with it.
pub struct Adapted {
    /// The trained low-rank adapters.
    pub lora: Lora,
    /// The stance head trained along with them.
    pub head: LinearHead,
}

/// What an adapter run measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdaptRun {
    /// Dev macro-F1 after each epoch (empty when there was no dev set).
    pub dev_macro_f1: Vec<f64>,
    /// Epoch (1-based) with the best dev score.
    pub best_epoch: usize,
}

/// Small deterministic generator for the adapters' initial values and the
/// example order (xorshift64*).
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [-1, 1).
    fn symmetric(&mut self) -> f32 {
        ((self.next() >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    }

    fn shuffle(&mut self, xs: &mut [usize]) {
        for i in (1..xs.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            xs.swap(i, j);
        }
    }
}

pub(crate) struct Params {
    pub(crate) vars: Vec<Var>,
    pub(crate) lora: Lora,
    pub(crate) w: Var,
    pub(crate) b: Var,
}

impl Params {
    fn new(
        bert: &Bert,
        from_layer: usize,
        head: &LinearHead,
        cfg: &AdaptConfig,
    ) -> candle_core::Result<Params> {
        let device = Device::Cpu;
        let shapes = bert.adapted_shapes()?;
        let mut rng = Rng(cfg.seed | 1);
        let mut vars = Vec::new();
        let mut layers = Vec::new();
        for _ in from_layer..bert.num_layers() {
            let mut maps = Vec::with_capacity(4);
            for &(input, output) in &shapes {
                // A random (bound 1/√in, as LoRA's Kaiming init), B zero: the
                // adapted model starts exactly as the frozen one.
                let bound = 1.0 / (input as f32).sqrt();
                let a: Vec<f32> = (0..input * cfg.rank)
                    .map(|_| rng.symmetric() * bound)
                    .collect();
                let a = Var::from_tensor(&Tensor::from_vec(a, (input, cfg.rank), &device)?)?;
                let b = Var::from_tensor(&Tensor::zeros((cfg.rank, output), DType::F32, &device)?)?;
                maps.push(LowRank {
                    a: a.as_tensor().clone(),
                    b: b.as_tensor().clone(),
                });
                vars.push(a);
                vars.push(b);
            }
            let maps: LayerLora = maps
                .try_into()
                .map_err(|_| candle_core::Error::Msg("four adapted maps per layer".into()))?;
            layers.push(maps);
        }
        let k = head.labels.len();
        let w = Var::from_tensor(&Tensor::from_vec(
            head.weight.clone(),
            (head.dim, k),
            &device,
        )?)?;
        let b = Var::from_tensor(&Tensor::from_vec(head.bias.clone(), k, &device)?)?;
        Ok(Params {
            vars,
            lora: Lora {
                from_layer,
                scale: cfg.alpha / cfg.rank as f64,
                layers,
            },
            w,
            b,
        })
    }

    fn all_vars(&self) -> Vec<Var> {
        let mut v = self.vars.clone();
        v.push(self.w.clone());
        v.push(self.b.clone());
        v
    }

    /// A frozen copy, rounded to a grid so it saves and reloads identically.
    fn snapshot(&self, template: &LinearHead) -> candle_core::Result<Adapted> {
        let round = |t: &Tensor| -> candle_core::Result<Tensor> {
            let dims = t.dims().to_vec();
            let v: Vec<f32> = t
                .flatten_all()?
                .to_vec1::<f32>()?
                .into_iter()
                .map(|x| quantize(x, 1e-6))
                .collect();
            Tensor::from_vec(v, dims, &Device::Cpu)
        };
        let mut layers = Vec::new();
        for l in &self.lora.layers {
            let maps: Vec<LowRank> = l
                .iter()
                .map(|m| {
                    Ok(LowRank {
                        a: round(&m.a)?,
                        b: round(&m.b)?,
                    })
                })
                .collect::<candle_core::Result<_>>()?;
            let maps: LayerLora = maps
                .try_into()
                .map_err(|_| candle_core::Error::Msg("four adapted maps per layer".into()))?;
            layers.push(maps);
        }
        let mut head = template.clone();
        head.weight = round(self.w.as_tensor())?.flatten_all()?.to_vec1()?;
        head.bias = round(self.b.as_tensor())?.to_vec1()?;
        Ok(Adapted {
            lora: Lora {
                from_layer: self.lora.from_layer,
                scale: self.lora.scale,
                layers,
            },
            head,
        })
    }
}

/// Class probabilities for examples `idx` with an adapter and head.
pub fn predict_probs(
    bert: &Bert,
    prepared: &Prepared,
    adapted: &Adapted,
    idx: &[usize],
) -> Result<Vec<Vec<f32>>, Error> {
    let mut out = Vec::with_capacity(idx.len());
    for chunk in idx.chunks(64) {
        let x = prepared.features(bert, &adapted.lora, chunk)?;
        let rows: Vec<Vec<f32>> = x.to_vec2()?;
        out.extend(rows.iter().map(|r| adapted.head.predict(r)));
    }
    Ok(out)
}

/// The softmax temperature (0.5–5) that minimises the negative log-likelihood
/// of `gold` under `probs` re-tempered: `softmax(ln p / T)`.
pub fn fit_temperature(probs: &[Vec<f32>], gold: &[usize]) -> f32 {
    let nll = |t: f32| -> f32 {
        probs
            .iter()
            .zip(gold)
            .map(|(p, &c)| {
                let logits: Vec<f32> = p.iter().map(|&q| q.max(1e-12).ln() / t).collect();
                let tempered = crate::stance::head::softmax(&logits);
                -tempered.get(c).copied().unwrap_or(0.0).max(1e-12).ln()
            })
            .sum()
    };
    let mut best = (f32::INFINITY, 1.0);
    for i in 10..=100 {
        let t = i as f32 * 0.05;
        let v = nll(t);
        if v < best.0 - 1e-6 {
            best = (v, t);
        }
    }
    best.1
}

/// Divides a head's weights and bias by `t`: the same argmax, probabilities
/// softened (t > 1) or sharpened (t < 1).
pub fn temper(head: &mut LinearHead, t: f32) {
    for w in head.weight.iter_mut().chain(head.bias.iter_mut()) {
        *w = quantize(*w / t, 1e-6);
    }
}

/// Held-out examples scored after every epoch: what to call them in progress
/// lines, their indices, and a scorer of their class probabilities (macro-F1).
pub struct HeldOut<'a> {
    /// What to call the held-out set in progress lines.
    pub name: &'a str,
    /// Indices of the held-out examples.
    pub idx: &'a [usize],
    /// Macro-F1 of their class probabilities, 0–1.
    pub score: &'a dyn Fn(&[Vec<f32>]) -> f64,
}

/// Trains adapters and the stance head (warm-started from `head`, the frozen
/// head on the same data) on examples `train_idx`. With `dev` (indices and a
/// scorer), scores every epoch and returns the best epoch's weights;
/// without, returns the weights after `cfg.max_epochs`.
#[allow(clippy::too_many_arguments)]
pub fn train_adapter(
    bert: &Bert,
    prepared: &Prepared,
    head: &LinearHead,
    y: &[usize],
    train_idx: &[usize],
    dev: Option<HeldOut>,
    cfg: &AdaptConfig,
    progress: &dyn Fn(&str),
) -> Result<(Adapted, AdaptRun), Error> {
    if train_idx.is_empty() {
        return Err(Error::Invalid("no examples to adapt on".into()));
    }
    let device = Device::Cpu;
    let k = head.labels.len();
    let params = Params::new(bert, prepared.from_layer, head, cfg)?;
    let y_train: Vec<usize> = train_idx.iter().map(|&i| y[i]).collect();
    let weights = class_weights(&y_train, k, TrainConfig::default().class_weights);
    let mut opt = AdamW::new(
        params.all_vars(),
        ParamsAdamW {
            lr: cfg.learning_rate,
            weight_decay: cfg.weight_decay,
            ..Default::default()
        },
    )?;
    let mut rng = Rng(cfg.seed.rotate_left(17) | 1);
    let mut order = train_idx.to_vec();
    let mut run = AdaptRun {
        dev_macro_f1: Vec::new(),
        best_epoch: cfg.max_epochs,
    };
    let mut best: Option<(f64, Adapted)> = None;
    for epoch in 1..=cfg.max_epochs {
        rng.shuffle(&mut order);
        let mut loss_sum = 0.0;
        for batch in order.chunks(cfg.batch.max(1)) {
            let x = prepared.features(bert, &params.lora, batch)?;
            let logits = x
                .matmul(params.w.as_tensor())?
                .broadcast_add(params.b.as_tensor())?;
            let ys: Vec<u32> = batch.iter().map(|&i| y[i] as u32).collect();
            let ys = Tensor::from_vec(ys, batch.len(), &device)?;
            let sw: Vec<f32> = batch.iter().map(|&i| weights[y[i].min(k - 1)]).collect();
            let sw = Tensor::from_vec(sw, batch.len(), &device)?;
            let log_probs = candle_nn::ops::log_softmax(&logits, D::Minus1)?;
            let picked = log_probs.gather(&ys.unsqueeze(1)?, 1)?.squeeze(1)?;
            let mut loss = (picked.mul(&sw)?.sum_all()?.neg()? / sw.sum_all()?)?;
            if cfg.contrastive > 0.0 {
                // The quote's pooled embedding is the first block of the row.
                let hidden = (x.dim(1)? - prepared.spec.extra_dim()) / prepared.texts.max(1);
                let labels: Vec<usize> = batch.iter().map(|&i| y[i]).collect();
                if let Some(c) = supervised_contrastive(
                    &x.narrow(1, 0, hidden)?,
                    &labels,
                    CONTRASTIVE_TEMPERATURE,
                )? {
                    loss = (loss + (c * cfg.contrastive)?)?;
                }
            }
            loss_sum += loss.to_scalar::<f32>()? as f64 * batch.len() as f64;
            opt.backward_step(&loss)?;
        }
        let mean_loss = loss_sum / order.len() as f64;
        match &dev {
            Some(held_out) => {
                let snap = params.snapshot(head)?;
                let f1 = (held_out.score)(&predict_probs(bert, prepared, &snap, held_out.idx)?);
                progress(&format!(
                    "  adapter epoch {epoch}: loss {mean_loss:.4}, {} macro-F1 {f1:.3}",
                    held_out.name
                ));
                run.dev_macro_f1.push(f1);
                if best.as_ref().is_none_or(|(b, _)| f1 > *b + 1e-9) {
                    run.best_epoch = epoch;
                    best = Some((f1, snap));
                }
            }
            None => progress(&format!("  adapter epoch {epoch}: loss {mean_loss:.4}")),
        }
    }
    let adapted = match best {
        Some((_, a)) => a,
        None => params.snapshot(head)?,
    };
    Ok((adapted, run))
}

/// Supervised contrastive loss (Khosla et al., 2020) over a batch of unit
/// rows `z` `[n, d]`: each row that shares its label with another is pulled
/// towards those rows and away from the rest (softmax over its cosine
/// similarities to every other row, divided by `temperature`). The batch
/// form of SetFit's same-label / different-label pairs. `None` when no two
/// rows share a label.
pub fn supervised_contrastive(
    z: &Tensor,
    labels: &[usize],
    temperature: f64,
) -> candle_core::Result<Option<Tensor>> {
    let n = labels.len();
    let device = z.device();
    let mut positive = vec![0f32; n * n];
    let mut not_self = vec![0f32; n * n];
    let mut per_anchor = vec![0f32; n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                // Excluded from the softmax: exp(-1e9) is 0.
                not_self[i * n + j] = -1e9;
            } else if labels[i] == labels[j] {
                positive[i * n + j] = 1.0;
                per_anchor[i] += 1.0;
            }
        }
    }
    let anchors: Vec<f32> = per_anchor.iter().map(|&c| f32::from(c > 0.0)).collect();
    let n_anchors: f32 = anchors.iter().sum();
    if n_anchors == 0.0 {
        return Ok(None);
    }
    let counts: Vec<f32> = per_anchor.iter().map(|&c| c.max(1.0)).collect();
    let sim = (z.matmul(&z.t()?)? / temperature)?;
    let sim = sim.broadcast_add(&Tensor::from_vec(not_self, (n, n), device)?)?;
    let log_p = candle_nn::ops::log_softmax(&sim, D::Minus1)?;
    let positive = Tensor::from_vec(positive, (n, n), device)?;
    let mean_positive = (log_p.mul(&positive)?.sum(1)? / Tensor::from_vec(counts, n, device)?)?;
    let anchors = Tensor::from_vec(anchors, n, device)?;
    let loss = (mean_positive.mul(&anchors)?.sum_all()?.neg()? / f64::from(n_anchors))?;
    Ok(Some(loss))
}

/// Writes the adapter as safetensors (`layer.L.MAP.a` `[in, rank]`, `.b` `[rank, out]`).
pub fn save_lora(lora: &Lora, path: &Path) -> Result<(), Error> {
    let mut tensors = HashMap::new();
    for (i, maps) in lora.layers.iter().enumerate() {
        for (m, ab) in maps.iter().enumerate() {
            let layer = lora.from_layer + i;
            tensors.insert(tensor_name(layer, m, "a"), ab.a.clone());
            tensors.insert(tensor_name(layer, m, "b"), ab.b.clone());
        }
    }
    candle_core::safetensors::save(&tensors, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stance::head::argmax;
    use candle_nn::{VarBuilder, VarMap};
    use candle_transformers::models::bert::Config;

    /// A tiny randomly initialised BERT (2 layers, 16 wide).
    fn tiny_bert() -> Bert {
        let config: Config = serde_json::from_str(
            r#"{"vocab_size": 30, "hidden_size": 16, "num_hidden_layers": 2,
                "num_attention_heads": 2, "intermediate_size": 32, "hidden_act": "gelu",
                "hidden_dropout_prob": 0.0, "max_position_embeddings": 32,
                "type_vocab_size": 2, "initializer_range": 0.02, "layer_norm_eps": 1e-12,
                "pad_token_id": 0}"#,
        )
        .unwrap();
        let map = VarMap::new();
        let vb = VarBuilder::from_varmap(&map, DType::F32, &Device::Cpu);
        // Creating the variables (all zero), then filling them at random.
        Bert::load(vb.clone(), &config).unwrap();
        let mut rng = Rng(11);
        for v in map.all_vars() {
            let vals: Vec<f32> = (0..v.elem_count()).map(|_| rng.symmetric() * 0.5).collect();
            v.set(&Tensor::from_vec(vals, v.shape(), &Device::Cpu).unwrap())
                .unwrap();
        }
        Bert::load(vb, &config).unwrap()
    }

    fn head(dim: usize) -> LinearHead {
        LinearHead {
            labels: vec!["a".into(), "b".into()],
            spec: FeatureSpec {
                context: features::ContextMode::Quote,
                structured: false,
                lexical: false,
            },
            dim,
            weight: vec![0.0; dim * 2],
            bias: vec![0.0; 2],
        }
    }

    /// A trained-looking adapter: random A and B (B is zero after init, so
    /// a few training steps on random data stand in for training).
    fn trained_adapter(bert: &Bert) -> Lora {
        let cfg = AdaptConfig {
            layers: 1,
            rank: 2,
            ..Default::default()
        };
        let params = Params::new(bert, 1, &head(16), &cfg).unwrap();
        let mut rng = Rng(7);
        for v in &params.vars {
            let n = v.elem_count();
            let vals: Vec<f32> = (0..n).map(|_| rng.symmetric() * 0.3).collect();
            v.set(&Tensor::from_vec(vals, v.shape(), &Device::Cpu).unwrap())
                .unwrap();
        }
        params.snapshot(&head(16)).unwrap().lora
    }

    #[test]
    fn merged_adapter_equals_adapter_forward_and_round_trips() {
        let bert = tiny_bert();
        let lora = trained_adapter(&bert);
        let ids = Tensor::new(&[[2u32, 5, 9, 3], [2, 7, 3, 0]], &Device::Cpu).unwrap();
        let mask = Tensor::new(&[[1u32, 1, 1, 1], [1, 1, 1, 0]], &Device::Cpu).unwrap();
        let below = bert.forward_to(&ids, &mask, 1).unwrap();
        let with_adapter = bert.forward_from_with_lora(&below, &mask, &lora).unwrap();
        let plain = bert.forward(&ids, &mask).unwrap();
        let diff = |a: &Tensor, b: &Tensor| {
            (a - b)
                .unwrap()
                .abs()
                .unwrap()
                .max_all()
                .unwrap()
                .to_scalar::<f32>()
                .unwrap()
        };
        assert!(
            diff(&with_adapter, &plain) > 1e-3,
            "the adapter changes the output"
        );

        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(ADAPTER_FILE);
        save_lora(&lora, &path).unwrap();
        let loaded = load_lora(&path, 1, 2, lora.scale).unwrap();
        let mut merged = bert.clone();
        merged.merge_lora(&loaded).unwrap();
        let after = merged.forward(&ids, &mask).unwrap();
        assert!(
            diff(&after, &with_adapter) < 1e-4,
            "merge = adapter forward"
        );
        // The original model is untouched by merging a clone.
        assert!(diff(&bert.forward(&ids, &mask).unwrap(), &plain) == 0.0);
        // A wrong layer count is refused.
        assert!(load_lora(&path, 0, 2, lora.scale).is_err());
    }

    #[test]
    fn length_grouped_batches_give_each_example_its_own_features() {
        // 40 texts of lengths 2..=9 run in length groups (40 / MIN_GROUP = 2);
        // every row must equal the example run alone, in the caller's order.
        let bert = tiny_bert();
        let lora = trained_adapter(&bert);
        let mut rng = Rng(5);
        let hidden: Vec<Tensor> = (0..40)
            .map(|i| {
                let len = 2 + (i * 7) % 8;
                let ids: Vec<u32> = (0..len).map(|_| 1 + (rng.next() % 28) as u32).collect();
                let ids = Tensor::from_vec(ids, (1, len), &Device::Cpu).unwrap();
                let mask = Tensor::ones((1, len), DType::U32, &Device::Cpu).unwrap();
                bert.forward_to(&ids, &mask, 1).unwrap().squeeze(0).unwrap()
            })
            .collect();
        let prepared = Prepared {
            spec: FeatureSpec {
                context: features::ContextMode::Quote,
                structured: false,
                lexical: false,
            },
            texts: 1,
            hidden,
            index: (0..40).map(|i| vec![i]).collect(),
            extra: vec![Vec::new(); 40],
            from_layer: 1,
        };
        let order: Vec<usize> = (0..40).rev().collect();
        let together: Vec<Vec<f32>> = prepared
            .features(&bert, &lora, &order)
            .unwrap()
            .to_vec2()
            .unwrap();
        for (row, &e) in together.iter().zip(&order) {
            let alone: Vec<Vec<f32>> = prepared
                .features(&bert, &lora, &[e])
                .unwrap()
                .to_vec2()
                .unwrap();
            let d = row
                .iter()
                .zip(&alone[0])
                .map(|(a, b)| (a - b).abs())
                .fold(0f32, f32::max);
            assert!(d < 1e-5, "example {e} differs by {d}");
        }
    }

    #[test]
    fn a_fresh_adapter_leaves_the_model_as_it_was() {
        let bert = tiny_bert();
        let cfg = AdaptConfig::default();
        let params = Params::new(&bert, 1, &head(16), &cfg).unwrap();
        let ids = Tensor::new(&[[2u32, 5, 9, 3]], &Device::Cpu).unwrap();
        let mask = Tensor::new(&[[1u32, 1, 1, 1]], &Device::Cpu).unwrap();
        let below = bert.forward_to(&ids, &mask, 1).unwrap();
        let a = bert
            .forward_from_with_lora(&below, &mask, &params.lora)
            .unwrap();
        let b = bert.forward(&ids, &mask).unwrap();
        let d = (a - b).unwrap().abs().unwrap().max_all().unwrap();
        assert!(d.to_scalar::<f32>().unwrap() < 1e-5);
    }

    #[test]
    fn temperature_softens_overconfidence_and_keeps_the_argmax() {
        // Confident (0.97) and right 3 times in 5: the fitted temperature is > 1.
        let probs: Vec<Vec<f32>> = (0..5).map(|_| vec![0.97, 0.02, 0.01]).collect();
        let gold = [0, 0, 0, 1, 2];
        let t = fit_temperature(&probs, &gold);
        assert!(t > 1.5, "{t}");
        let mut h = head(2);
        h.weight = vec![2.0, -1.0, 0.5, 0.5];
        h.bias = vec![0.1, -0.1];
        let before = h.predict(&[1.0, 0.0]);
        temper(&mut h, t);
        let after = h.predict(&[1.0, 0.0]);
        assert_eq!(argmax(&before), argmax(&after));
        assert!(after[0] < before[0]);
        // Calibrated already: stays near 1.
        let probs: Vec<Vec<f32>> = vec![vec![0.6, 0.4]; 10];
        let gold = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        assert!((fit_temperature(&probs, &gold) - 1.0).abs() < 0.1);
    }

    #[test]
    fn supervised_contrastive_matches_its_definition() {
        let mut rng = Rng(5);
        let n = 6;
        let d = 4;
        let mut rows: Vec<Vec<f32>> = (0..n)
            .map(|_| (0..d).map(|_| rng.symmetric()).collect())
            .collect();
        for r in &mut rows {
            let norm = r.iter().map(|x| x * x).sum::<f32>().sqrt();
            r.iter_mut().for_each(|x| *x /= norm);
        }
        // Label 2 has one row: not an anchor, but in every other denominator.
        let labels = [0, 1, 0, 1, 1, 2];
        let z = Tensor::from_vec(rows.concat(), (n, d), &Device::Cpu).unwrap();
        let got: f32 = supervised_contrastive(&z, &labels, 0.5)
            .unwrap()
            .unwrap()
            .to_scalar()
            .unwrap();
        let sim = |i: usize, j: usize| -> f64 {
            rows[i]
                .iter()
                .zip(&rows[j])
                .map(|(a, b)| (a * b) as f64)
                .sum::<f64>()
                / 0.5
        };
        let mut total = 0.0;
        let mut anchors = 0.0;
        for i in 0..n {
            let positives: Vec<usize> = (0..n)
                .filter(|&j| j != i && labels[j] == labels[i])
                .collect();
            if positives.is_empty() {
                continue;
            }
            let denom: f64 = (0..n).filter(|&j| j != i).map(|j| sim(i, j).exp()).sum();
            let mean: f64 = positives
                .iter()
                .map(|&p| (sim(i, p).exp() / denom).ln())
                .sum::<f64>()
                / positives.len() as f64;
            total -= mean;
            anchors += 1.0;
        }
        let want = total / anchors;
        assert!((got as f64 - want).abs() < 1e-4, "{got} vs {want}");
        // Rows that sit with their own label score lower than rows that do not.
        let grouped =
            Tensor::from_vec(vec![1f32, 0., 1., 0., 0., 1., 0., 1.], (4, 2), &Device::Cpu).unwrap();
        let loss = |labels: &[usize]| -> f32 {
            supervised_contrastive(&grouped, labels, 0.1)
                .unwrap()
                .unwrap()
                .to_scalar()
                .unwrap()
        };
        assert!(loss(&[0, 0, 1, 1]) < loss(&[0, 1, 0, 1]));
        // No two rows share a label: nothing to pull together.
        assert!(supervised_contrastive(&grouped, &[0, 1, 2, 3], 0.1)
            .unwrap()
            .is_none());
    }

    #[test]
    fn shuffles_are_deterministic_permutations() {
        let mut a: Vec<usize> = (0..50).collect();
        let mut b = a.clone();
        Rng(3).shuffle(&mut a);
        Rng(3).shuffle(&mut b);
        assert_eq!(a, b);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(a, sorted);
    }
}
