//! EmbeddingGemma through Candle matches sentence-transformers (written by
//! scripts/reference_embeddings_gemma.py) to cosine ≥ 0.9999 on short, long,
//! non-ASCII and over-window texts, each with one of the model's prompts.
//! Needs the real weights (`make model`); skips with a note without them.

mod common;

use quotestance::model::encoder::cosine;
use quotestance::model::{EncoderOptions, GEMMA};

#[derive(serde::Deserialize)]
struct Reference {
    items: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    text: String,
    prompt: String,
    tokens: usize,
    embedding: Vec<f32>,
}

fn reference() -> Reference {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reference_embeddings_gemma.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The reference texts of at most `longest` tokens, in one call per prompt,
/// at `batch_size`, with room for the longest (1,578 tokens: past the
/// 512-token sliding window).
fn check(batch_size: usize, longest: usize) {
    let Some(mut enc) = common::real_encoder(
        &GEMMA,
        EncoderOptions {
            batch_size,
            max_tokens: 2048,
        },
    ) else {
        return;
    };
    let mut reference = reference();
    assert!(reference.items.iter().any(|i| i.tokens > 512));
    reference.items.retain(|i| i.tokens <= longest);
    let mut prompts: Vec<&str> = reference.items.iter().map(|i| i.prompt.as_str()).collect();
    prompts.sort();
    prompts.dedup();
    for prompt in prompts {
        enc.set_prompt(prompt);
        let items: Vec<&Item> = reference
            .items
            .iter()
            .filter(|i| i.prompt == prompt)
            .collect();
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        let tokens = enc.tokenize(&texts).unwrap();
        let got = enc.embed(&texts).unwrap();
        assert!(got.truncated.is_empty());
        for (r, item) in items.iter().enumerate() {
            assert_eq!(tokens[r].0.len(), item.tokens, "{:?}", item.text);
            let c = cosine(got.row(r), &item.embedding);
            assert!(c >= 0.9999, "{prompt:?} {:?}: cosine {c}", item.text);
            let norm: f32 = got.row(r).iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-4, "not normalised: {norm}");
        }
    }
}

#[test]
fn one_by_one_matches_sentence_transformers() {
    check(1, usize::MAX);
}

#[test]
fn mixed_length_batches_match_sentence_transformers() {
    // Padding is what batching changes; the longest text alone would only
    // repeat the one-by-one check, slowly.
    check(8, 600);
}

#[test]
fn the_classification_prompt_is_the_default_and_cuts_are_counted() {
    let Some(enc) = common::real_encoder(&GEMMA, EncoderOptions::default()) else {
        return;
    };
    assert_eq!(enc.prompt(), "task: classification | query: ");
    assert_eq!(enc.dim(), 768);
    let long = "word ".repeat(400);
    let got = enc.embed(&["short", &long]).unwrap();
    assert_eq!(got.truncated, vec![1]);
    assert_eq!(enc.tokenize(&[&long]).unwrap()[0].0.len(), 256);
}
