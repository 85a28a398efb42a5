//! A LoRA adapter on the encoder's top layers, as the head card records it:
//! its settings and the loader. Training it is `crate::train::lora`.

use crate::error::Error;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::head::read_safetensors;
use crate::model::bert::{LayerLora, Lora, LowRank};

/// Adapter training settings (stored in the card).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AdaptConfig {
    /// How many of the top layers get adapters.
    pub layers: usize,
    /// Rank of each low-rank update (the inner width of its two factors).
    pub rank: usize,
    /// LoRA scale numerator: the updates are multiplied by `alpha / rank`.
    pub alpha: f64,
    /// Most epochs tried; the best on dev is kept.
    pub max_epochs: usize,
    /// AdamW learning rate.
    pub learning_rate: f64,
    /// AdamW weight decay.
    pub weight_decay: f64,
    /// Examples per step.
    pub batch: usize,
    /// Seed for the adapters' initial values and the example order.
    pub seed: u64,
    /// Weight of a supervised contrastive term on the quotes' pooled
    /// embeddings, added to the cross-entropy (0: none). Omitted from cards
    /// when 0, so cards written before it read and compare the same.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub contrastive: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// Temperature of the contrastive term (cosine similarities divided by it),
/// the usual value for supervised contrastive learning.
pub const CONTRASTIVE_TEMPERATURE: f64 = 0.1;

impl Default for AdaptConfig {
    fn default() -> Self {
        AdaptConfig {
            layers: 2,
            rank: 8,
            alpha: 16.0,
            max_epochs: 6,
            learning_rate: 1e-3,
            weight_decay: 0.01,
            batch: 32,
            seed: 20261128,
            contrastive: 0.0,
        }
    }
}

/// The adapter's file name next to the heads.
pub const ADAPTER_FILE: &str = "adapter.safetensors";

/// Names of the adapter tensors in the safetensors file.
pub(crate) fn tensor_name(layer: usize, map: usize, part: &str) -> String {
    const MAPS: [&str; 4] = ["qkv", "attn_out", "inter", "out"];
    format!("layer.{layer}.{}.{part}", MAPS[map])
}

/// Reads an adapter written by `crate::train::lora::save_lora` for a model of `num_layers` layers.
pub fn load_lora(
    path: &Path,
    from_layer: usize,
    num_layers: usize,
    scale: f64,
) -> Result<Lora, Error> {
    let err = |message: String| Error::HeadLoad {
        path: path.to_path_buf(),
        message,
    };
    let tensors = read_safetensors(path)?;
    let mut layers = Vec::new();
    for layer in from_layer..num_layers {
        let mut maps = Vec::with_capacity(4);
        for m in 0..4 {
            let get = |part: &str| {
                let name = tensor_name(layer, m, part);
                tensors
                    .get(&name)
                    .cloned()
                    .ok_or_else(|| err(format!("no `{name}` tensor")))
            };
            maps.push(LowRank {
                a: get("a")?,
                b: get("b")?,
            });
        }
        let maps: LayerLora = maps
            .try_into()
            .map_err(|_| err("four adapted maps per layer".into()))?;
        layers.push(maps);
    }
    Ok(Lora {
        from_layer,
        scale,
        layers,
    })
}
