//! The EmbeddingGemma code path on a tiny random Gemma 3 encoder: loading,
//! shapes, prompts, padding, the sliding window and load errors. No real
//! weights needed.

mod common;

use candle_core::Device;
use quotestance::model::encoder::cosine;
use quotestance::model::Encoder;

fn load(dir: &std::path::Path, batch_size: usize) -> Result<Encoder, quotestance::Error> {
    common::load_dir(dir, batch_size, 64)
}

#[test]
fn tiny_gemma_embeds_projected_normalised_vectors_whatever_the_batching() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let one = load(tmp.path(), 1).unwrap();
    assert_eq!(one.dim(), 6, "the last dense projection sets the width");
    assert_eq!(one.architecture().model_type, "gemma3_text");
    assert_eq!(
        one.prompt(),
        "talks ",
        "the Classification prompt by default"
    );
    // Long enough to pass the 3-token sliding reach, short ones padded beside it.
    let long = "the talks will resume , never the door . ".repeat(3);
    let texts = ["hello", "the talks will resume", &long, "world .", ""];
    let a = one.embed(&texts).unwrap();
    let b = load(tmp.path(), 8).unwrap().embed(&texts).unwrap();
    assert_eq!(a.len(), texts.len());
    for i in 0..texts.len() {
        let norm: f32 = a.row(i).iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "row {i}: norm {norm}");
        let c = cosine(a.row(i), b.row(i));
        assert!(c > 0.99999, "row {i}: batch 1 vs 8 cosine {c}");
    }
}

#[test]
fn tiny_gemma_padding_free_and_padded_paths_agree() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let enc = load(tmp.path(), 16).unwrap();
    // Past the 3-token sliding reach, beside short and empty texts.
    let long = "the talks will resume , never the door . ".repeat(3);
    let texts = ["", "talks", "the door is open , they said .", long.as_str()];
    for (i, worst) in common::packed_vs_padded(&enc, &texts).iter().enumerate() {
        assert!(*worst < 1e-5, "text {i}: largest difference {worst}");
    }
}

/// `--bf16`: both forward passes take the bf16 products and give what each
/// other gives, close to f32 (tiny random weights, so only 0.999).
#[test]
fn bf16_products_stay_close_to_f32_on_both_paths() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let full = load(tmp.path(), 16).unwrap();
    let mut bf16 = full.clone();
    bf16.use_bf16().unwrap();
    let long = "the talks will resume , never the door . ".repeat(3);
    let texts = ["talks", "the door is open , they said .", long.as_str()];
    let (a, b) = (full.embed(&texts).unwrap(), bf16.embed(&texts).unwrap());
    for i in 0..texts.len() {
        let c = cosine(a.row(i), b.row(i));
        assert!((0.999..1.0 - 1e-9).contains(&c), "text {i}: cosine {c}");
    }
    for (i, worst) in common::packed_vs_padded(&bf16, &texts).iter().enumerate() {
        assert!(*worst < 1e-5, "text {i}: largest difference {worst}");
    }
}

#[test]
fn the_prompt_is_part_of_the_input() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let mut enc = load(tmp.path(), 4).unwrap();
    let with = enc.tokenize(&["hello"]).unwrap()[0].0.clone();
    let default = enc.embed(&["hello world"]).unwrap();
    enc.set_prompt("");
    let without = enc.tokenize(&["hello"]).unwrap()[0].0.clone();
    assert_eq!(with.len(), without.len() + 1, "the prompt adds one token");
    let bare = enc.embed(&["hello world"]).unwrap();
    assert!(cosine(default.row(0), bare.row(0)) < 0.99999);
    assert_eq!(enc.prompts().len(), 2);
}

#[test]
fn a_dense_layer_of_the_wrong_width_is_a_load_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let bad = std::collections::HashMap::from([(
        "linear.weight".to_string(),
        candle_core::Tensor::zeros((6, 5), candle_core::DType::F32, &Device::Cpu).unwrap(),
    )]);
    candle_core::safetensors::save(&bad, tmp.path().join("3_Dense/model.safetensors")).unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail");
    let msg = err.to_string();
    assert!(msg.contains("3_Dense") && msg.contains("5 inputs"), "{msg}");
}

#[test]
fn missing_gemma_weights_and_a_causal_config_are_errors_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_gemma(tmp.path());
    let config_path = tmp.path().join("config.json");
    let mut config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&config_path).unwrap()).unwrap();
    config["use_bidirectional_attention"] = false.into();
    std::fs::write(&config_path, config.to_string()).unwrap();
    let msg = load(tmp.path(), 1).err().expect("causal").to_string();
    assert!(msg.contains("not an embedding model"), "{msg}");

    common::write_tiny_gemma(tmp.path());
    let weights = tmp.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let msg = load(tmp.path(), 1).err().expect("truncated").to_string();
    assert!(msg.contains("model.safetensors"), "{msg}");

    config["model_type"] = "t5".into();
    common::write_tiny_gemma(tmp.path());
    std::fs::write(&config_path, config.to_string()).unwrap();
    let msg = load(tmp.path(), 1).err().expect("unknown type").to_string();
    assert!(msg.contains("`t5` is not supported"), "{msg}");
}
