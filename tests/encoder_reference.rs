//! The real model through Candle matches sentence-transformers (written by
//! scripts/reference_embeddings.py) to cosine ≥ 0.9999, one by one and in a
//! mixed-length batch. Needs the real weights (`make model`); skips with a
//! note without them.

mod common;

use quotestance::model::encoder::cosine;
use quotestance::model::{Encoder, EncoderOptions, MINILM};

#[derive(serde::Deserialize)]
struct Reference {
    max_seq_length: usize,
    items: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    text: String,
    tokens: usize,
    embedding: Vec<f32>,
}

fn reference() -> Reference {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reference_embeddings.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The real MiniLM, or `None` (with a note) where it has not been fetched.
fn encoder(batch_size: usize) -> Option<Encoder> {
    common::real_encoder(
        &MINILM,
        EncoderOptions {
            batch_size,
            ..Default::default()
        },
    )
}

fn assert_matches(reference: &Reference, got: &quotestance::model::Embeddings) {
    assert_eq!(got.len(), reference.items.len());
    for (i, item) in reference.items.iter().enumerate() {
        let c = cosine(got.row(i), &item.embedding);
        assert!(c >= 0.9999, "sentence {i} {:?}: cosine {c}", item.text);
        let norm: f32 = got.row(i).iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!(
            (norm - 1.0).abs() < 1e-4,
            "sentence {i} not normalised: {norm}"
        );
    }
}

#[test]
fn one_by_one_matches_sentence_transformers() {
    let reference = reference();
    let Some(enc) = encoder(1) else { return };
    assert_eq!(enc.options().max_tokens, reference.max_seq_length);
    let texts: Vec<&str> = reference.items.iter().map(|i| i.text.as_str()).collect();
    let got = enc.embed(&texts).unwrap();
    assert_matches(&reference, &got);
}

#[test]
fn mixed_length_batch_matches_sentence_transformers() {
    let reference = reference();
    let Some(enc) = encoder(64) else { return };
    let texts: Vec<&str> = reference.items.iter().map(|i| i.text.as_str()).collect();
    let got = enc.embed(&texts).unwrap();
    assert_matches(&reference, &got);
}

#[test]
fn truncation_is_counted_not_silent() {
    let reference = reference();
    let Some(enc) = encoder(8) else { return };
    let texts: Vec<&str> = reference.items.iter().map(|i| i.text.as_str()).collect();
    let got = enc.embed(&texts).unwrap();
    let expected: Vec<usize> = reference
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.tokens > reference.max_seq_length)
        .map(|(i, _)| i)
        .collect();
    assert!(
        !expected.is_empty(),
        "the fixture must hold an over-long sentence"
    );
    assert_eq!(got.truncated, expected);
}

#[test]
fn the_padding_free_cpu_path_matches_the_padded_tensor_path() {
    // `embed` on the CPU stacks a batch's real tokens without padding
    // (`Bert::embed_packed`); the tensor path pads to the longest member.
    let reference = reference();
    let Some(enc) = encoder(64) else { return };
    let texts: Vec<&str> = reference.items.iter().map(|i| i.text.as_str()).collect();
    for (i, worst) in common::packed_vs_padded(&enc, &texts).iter().enumerate() {
        assert!(*worst < 1e-5, "sentence {i}: largest difference {worst}");
    }
}
