//! Shared test helpers: a tiny randomly initialised BERT written to a temp dir.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

use candle_core::{Device, Tensor};

pub const TINY_HIDDEN: usize = 8;
const TINY_VOCAB: [&str; 16] = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "talks", "will", "resume", "never",
    "hello", "world", ",", ".", "##s", "door",
];

/// Deterministic pseudo-random values (an LCG), so the tiny model is the same every run.
fn values(n: usize, seed: u64) -> Vec<f32> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.2
        })
        .collect()
}

fn tensor(shape: &[usize], seed: u64) -> Tensor {
    let n = shape.iter().product();
    Tensor::from_vec(values(n, seed), shape, &Device::Cpu).unwrap()
}

fn ones(n: usize) -> Tensor {
    Tensor::ones(n, candle_core::DType::F32, &Device::Cpu).unwrap()
}

/// Writes config.json, tokenizer.json and model.safetensors of a 2-layer,
/// 8-wide BERT into `dir`.
pub fn write_tiny_model(dir: &Path) {
    let (h, inter, layers, vocab, positions) = (TINY_HIDDEN, 16, 2, TINY_VOCAB.len(), 64);
    let config = serde_json::json!({
        "architectures": ["BertModel"], "hidden_act": "gelu", "hidden_size": h,
        "intermediate_size": inter, "num_attention_heads": 2, "num_hidden_layers": layers,
        "vocab_size": vocab, "max_position_embeddings": positions, "type_vocab_size": 2,
        "hidden_dropout_prob": 0.1, "initializer_range": 0.02, "layer_norm_eps": 1e-12,
        "pad_token_id": 0, "model_type": "bert"
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();

    let mut t: HashMap<String, Tensor> = HashMap::new();
    let mut seed = 1;
    let mut next = || {
        seed += 1;
        seed
    };
    t.insert(
        "embeddings.word_embeddings.weight".into(),
        tensor(&[vocab, h], next()),
    );
    t.insert(
        "embeddings.position_embeddings.weight".into(),
        tensor(&[positions, h], next()),
    );
    t.insert(
        "embeddings.token_type_embeddings.weight".into(),
        tensor(&[2, h], next()),
    );
    t.insert("embeddings.LayerNorm.weight".into(), ones(h));
    t.insert("embeddings.LayerNorm.bias".into(), tensor(&[h], next()));
    for l in 0..layers {
        let p = format!("encoder.layer.{l}");
        for name in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
        ] {
            t.insert(format!("{p}.{name}.weight"), tensor(&[h, h], next()));
            t.insert(format!("{p}.{name}.bias"), tensor(&[h], next()));
        }
        t.insert(
            format!("{p}.intermediate.dense.weight"),
            tensor(&[inter, h], next()),
        );
        t.insert(
            format!("{p}.intermediate.dense.bias"),
            tensor(&[inter], next()),
        );
        t.insert(
            format!("{p}.output.dense.weight"),
            tensor(&[h, inter], next()),
        );
        t.insert(format!("{p}.output.dense.bias"), tensor(&[h], next()));
        for ln in ["attention.output.LayerNorm", "output.LayerNorm"] {
            t.insert(format!("{p}.{ln}.weight"), ones(h));
            t.insert(format!("{p}.{ln}.bias"), tensor(&[h], next()));
        }
    }
    candle_core::safetensors::save(&t, dir.join("model.safetensors")).unwrap();
    std::fs::write(dir.join("tokenizer.json"), tiny_tokenizer_json()).unwrap();
}

fn tiny_tokenizer_json() -> String {
    let vocab: serde_json::Map<String, serde_json::Value> = TINY_VOCAB
        .iter()
        .enumerate()
        .map(|(i, w)| (w.to_string(), serde_json::json!(i)))
        .collect();
    let special =
        |name: &str, id: usize| serde_json::json!({"id": name, "ids": [id], "tokens": [name]});
    serde_json::json!({
        "version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": special("[CLS]", 2), "[SEP]": special("[SEP]", 3)}
        },
        "decoder": null,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": vocab}
    })
    .to_string()
}

/// The built `quotestance` binary.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("quotestance").unwrap()
}

/// Runs `cmd`, fails the test with its stderr unless it exits 0, and returns
/// its output.
pub fn output_ok(cmd: &mut assert_cmd::Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The source tree (for seeds/, evaluation/, models/).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// For each text, the largest per-value difference between the encoder's
/// CPU `embed` (the padding-free pass) and its padded tensor pass.
pub fn packed_vs_padded(enc: &quotestance::model::Encoder, texts: &[&str]) -> Vec<f32> {
    let packed = enc.embed(texts).unwrap();
    let tokenized = enc.tokenize(texts).unwrap();
    let ids: Vec<&[u32]> = tokenized.iter().map(|(ids, _)| ids.as_slice()).collect();
    let padded = enc.forward_pooled_padded(&ids).unwrap();
    padded
        .chunks_exact(enc.dim())
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .zip(packed.row(i))
                .map(|(a, b)| (a - b).abs())
                .fold(0f32, f32::max)
        })
        .collect()
}

/// The real encoder `spec` from the per-user cache (never downloaded), or
/// `None` after printing one line that says how to get it: tests that need
/// real weights skip instead of failing on a machine that has none.
pub fn real_encoder(
    spec: &'static quotestance::model::ModelSpec,
    options: quotestance::model::EncoderOptions,
) -> Option<quotestance::model::Encoder> {
    use quotestance::model::{source, Encoder, ModelQuery};
    let query = ModelQuery {
        use_hub_cache: true,
        allow_download: false,
        ..ModelQuery::standard(spec, None, true)
    };
    match source::locate(&query) {
        Ok(files) => {
            assert!(files.pinned, "{} must be the pinned files", spec.hub_id);
            Some(Encoder::load(&files, &candle_core::Device::Cpu, options).unwrap())
        }
        Err(err) => {
            skipped(&format!(
                "{} is not in the model cache ({err}); `make model` fetches it",
                spec.hub_id
            ));
            None
        }
    }
}

/// Says why a test did nothing, past the harness's output capture.
pub fn skipped(reason: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {reason}");
}

/// Whether the real encoder `spec` is in the model cache; says how to get it
/// when not, so a test that needs it can return early instead of failing.
pub fn have_model(spec: &'static quotestance::model::ModelSpec) -> bool {
    use quotestance::model::{source, ModelQuery};
    let query = ModelQuery {
        allow_download: false,
        ..ModelQuery::standard(spec, None, true)
    };
    match source::locate(&query) {
        Ok(_) => true,
        Err(err) => {
            skipped(&format!(
                "{} is not in the model cache ({err}); `make model` fetches it",
                spec.hub_id
            ));
            false
        }
    }
}

/// Writes a 2-layer, 8-wide random Gemma 3 encoder in the sentence-transformers
/// layout (one sliding-window layer with a 3-token reach, one full layer, two
/// dense projections 8→12→6, a task prompt) into `dir`.
pub fn write_tiny_gemma(dir: &Path) {
    let (h, inter, heads, head_dim, vocab) = (TINY_HIDDEN, 16, 2, 4, TINY_VOCAB.len());
    let config = serde_json::json!({
        "architectures": ["Gemma3TextModel"], "model_type": "gemma3_text",
        "hidden_size": h, "intermediate_size": inter, "num_attention_heads": heads,
        "num_key_value_heads": 1, "head_dim": head_dim, "num_hidden_layers": 2,
        "layer_types": ["sliding_attention", "full_attention"], "sliding_window": 4,
        "rms_norm_eps": 1e-6, "rope_theta": 1_000_000.0, "rope_local_base_freq": 10_000.0,
        "query_pre_attn_scalar": head_dim, "vocab_size": vocab, "max_position_embeddings": 64,
        "hidden_activation": "gelu_pytorch_tanh", "use_bidirectional_attention": true
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    let mut t: HashMap<String, Tensor> = HashMap::new();
    let mut seed = 100;
    let mut next = || {
        seed += 1;
        seed
    };
    t.insert("embed_tokens.weight".into(), tensor(&[vocab, h], next()));
    t.insert("norm.weight".into(), tensor(&[h], next()));
    for l in 0..2 {
        let p = format!("layers.{l}");
        let mut put = |name: &str, shape: &[usize]| {
            t.insert(format!("{p}.{name}"), tensor(shape, next()));
        };
        put("self_attn.q_proj.weight", &[heads * head_dim, h]);
        put("self_attn.k_proj.weight", &[head_dim, h]);
        put("self_attn.v_proj.weight", &[head_dim, h]);
        put("self_attn.o_proj.weight", &[h, heads * head_dim]);
        put("self_attn.q_norm.weight", &[head_dim]);
        put("self_attn.k_norm.weight", &[head_dim]);
        put("mlp.gate_proj.weight", &[inter, h]);
        put("mlp.up_proj.weight", &[inter, h]);
        put("mlp.down_proj.weight", &[h, inter]);
        for norm in [
            "input_layernorm",
            "post_attention_layernorm",
            "pre_feedforward_layernorm",
            "post_feedforward_layernorm",
        ] {
            put(&format!("{norm}.weight"), &[h]);
        }
    }
    candle_core::safetensors::save(&t, dir.join("model.safetensors")).unwrap();
    for (sub, shape, seed) in [("2_Dense", [12, h], 7), ("3_Dense", [6, 12], 8)] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        let dense = HashMap::from([("linear.weight".to_string(), tensor(&shape, seed))]);
        candle_core::safetensors::save(&dense, dir.join(sub).join("model.safetensors")).unwrap();
    }
    let st = serde_json::json!({"prompts": {"Classification": "talks ", "STS": "door "}});
    std::fs::write(
        dir.join("config_sentence_transformers.json"),
        st.to_string(),
    )
    .unwrap();
    std::fs::write(dir.join("tokenizer.json"), tiny_tokenizer_json()).unwrap();
}

/// Loads the encoder in `dir` as `--model DIR` would (never the pinned
/// files), on the CPU.
pub fn load_dir(
    dir: &Path,
    batch_size: usize,
    max_tokens: usize,
) -> Result<quotestance::model::Encoder, quotestance::Error> {
    use quotestance::model::{source, Encoder, EncoderOptions, ModelOrigin, ModelQuery, MINILM};
    let files = source::locate(&ModelQuery::standard(
        &MINILM,
        Some(dir.to_path_buf()),
        true,
    ))?;
    assert_eq!(files.origin, ModelOrigin::Explicit);
    assert!(!files.pinned);
    Encoder::load(
        &files,
        &Device::Cpu,
        EncoderOptions {
            batch_size,
            max_tokens,
        },
    )
}
