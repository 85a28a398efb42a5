//! The loading code on a tiny random BERT: no real weights needed.

mod common;

use quotestance::model::encoder::cosine;
use quotestance::model::Encoder;

fn load(dir: &std::path::Path, batch_size: usize) -> Result<Encoder, quotestance::Error> {
    common::load_dir(dir, batch_size, 256)
}

#[test]
fn tiny_model_embeds_normalised_vectors_and_batching_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let texts = [
        "hello world",
        "the talks will never resume, the door .",
        "",
        "talks",
    ];
    let single = load(tmp.path(), 1).unwrap().embed(&texts).unwrap();
    let batched = load(tmp.path(), 16).unwrap().embed(&texts).unwrap();
    assert_eq!(single.dim, common::TINY_HIDDEN);
    assert_eq!(single.len(), texts.len());
    for i in 0..texts.len() {
        let norm: f32 = single.row(i).iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "row {i} norm {norm}");
        // Padding is masked out of attention and pooling, so a padded batch gives the same vectors.
        let c = cosine(single.row(i), batched.row(i));
        assert!(c > 0.99999, "row {i}: cosine {c}");
    }
    assert_ne!(single.row(0), single.row(1));
    // Truncation at the model's position limit (64 here) is reported.
    let long = "talks ".repeat(100);
    let got = load(tmp.path(), 4)
        .unwrap()
        .embed(&["talks", &long])
        .unwrap();
    assert_eq!(got.truncated, vec![1]);
}

#[test]
fn truncated_weights_are_a_load_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let weights = tmp.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail").to_string();
    assert!(
        err.contains("model.safetensors") && err.contains("fetch it again"),
        "{err}"
    );
}

#[test]
fn wrong_shapes_are_a_load_error() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let config_path = tmp.path().join("config.json");
    let config = std::fs::read_to_string(&config_path)
        .unwrap()
        .replace("\"hidden_size\":8", "\"hidden_size\":12");
    std::fs::write(&config_path, config).unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail").to_string();
    assert!(
        err.contains("model.safetensors") && err.contains("shape"),
        "{err}"
    );
}

#[test]
fn unparsable_tokenizer_and_config_are_errors_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    std::fs::write(tmp.path().join("tokenizer.json"), "{ not json").unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail").to_string();
    assert!(err.contains("tokenizer.json"), "{err}");

    common::write_tiny_model(tmp.path());
    std::fs::write(tmp.path().join("config.json"), "[]").unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail").to_string();
    assert!(err.contains("config.json"), "{err}");
}

#[test]
fn a_missing_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    std::fs::remove_file(tmp.path().join("tokenizer.json")).unwrap();
    let err = load(tmp.path(), 1).err().expect("must fail");
    assert!(matches!(err, quotestance::Error::MissingFile { .. }));
    assert!(err.to_string().contains("tokenizer.json"));
}

#[test]
fn tiny_model_padding_free_and_padded_paths_agree() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let enc = load(tmp.path(), 16).unwrap();
    let long = "the talks will resume ".repeat(5);
    let texts = ["", "talks", "the door is open, they said .", long.as_str()];
    for (i, worst) in common::packed_vs_padded(&enc, &texts).iter().enumerate() {
        assert!(*worst < 1e-5, "text {i}: largest difference {worst}");
    }
}

#[test]
fn an_adapter_merged_after_the_embedding_cache_is_enabled_is_not_served_stale_rows() {
    use candle_core::{Device, Tensor};
    use quotestance::model::bert::{Lora, LowRank};
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let cache = tempfile::tempdir().unwrap();
    let texts = ["the talks will resume", "no calls were answered"];
    let mut cached = load(tmp.path(), 4).unwrap();
    cached.enable_cache(cache.path(), "tiny").unwrap();
    let frozen = cached.embed(&texts).unwrap();
    // A non-zero adapter on the top layer.
    let bert = cached.bert().unwrap();
    let top = bert.num_layers() - 1;
    let shapes = bert.adapted_shapes().unwrap();
    let low = |(i, o): (usize, usize)| LowRank {
        a: Tensor::ones((i, 2), candle_core::DType::F32, &Device::Cpu).unwrap(),
        b: (Tensor::ones((2, o), candle_core::DType::F32, &Device::Cpu).unwrap() * 0.5).unwrap(),
    };
    let lora = Lora {
        from_layer: top,
        scale: 1.0,
        layers: vec![shapes.map(low)],
    };
    cached.merge_lora(&lora).unwrap();
    let adapted = cached.embed(&texts).unwrap();
    let mut fresh = load(tmp.path(), 4).unwrap();
    fresh.merge_lora(&lora).unwrap();
    let expected = fresh.embed(&texts).unwrap();
    for i in 0..texts.len() {
        assert!(cosine(adapted.row(i), expected.row(i)) > 0.99999, "row {i}");
        assert!(
            cosine(adapted.row(i), frozen.row(i)) < 0.9999,
            "row {i}: adapter had no effect"
        );
    }
}
