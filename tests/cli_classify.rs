//! End-to-end runs of `quotestance classify` and `train` with the real model
//! (fetched by `make model`) and the committed heads.

use predicates::prelude::*;

mod common;
use common::{bin, output_ok, root};

/// `quotestance classify seeds/ --offline --model MODEL OPTIONS…` from the
/// project root.
fn classify_seeds(model: &str, options: &[&str]) -> assert_cmd::Command {
    let mut cmd = bin();
    cmd.current_dir(root())
        .args(["classify", "seeds/", "--offline", "--model", model])
        .args(options);
    cmd
}

fn classify_json(args: &[&str]) -> serde_json::Value {
    let out = output_ok(bin().current_dir(root()).arg("classify").args(args).args([
        "--format",
        "json",
        "--offline",
        "--model",
        "minilm",
    ]));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The seed's five main speakers as the committed heads of `model` classify
/// them, against LABELING.md §6. The seed is test data, so no model choice
/// is made on it; this pins the documented result (README, the model cards)
/// so a change to it is seen.
fn seed_speakers_as_documented(
    model: &'static quotestance::model::ModelSpec,
    options: &[&str],
    expected: [(&str, &str, &str); 5],
) {
    if !common::have_model(model) {
        return;
    }
    let out = output_ok(classify_seeds(model.name, options).args(["--format", "json"]));
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let speakers = docs[0]["speakers"].as_array().unwrap();
    let mut right = 0;
    for (name, gold, documented) in expected {
        let s = speakers
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(s["stance"], documented, "{name}");
        right += usize::from(s["stance"] == gold);
        assert!(s["evidence"]["text"].is_string());
        let c = s["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
    }
    eprintln!(
        "{}: {right} of 5 seed speakers as in LABELING.md §6",
        model.name
    );
}

/// (name, LABELING.md §6, what the heads say.) MiniLM: Ridgeway, who backs
/// talks but rejects concessions, comes out optimistic.
#[test]
fn seed_speakers_with_minilm_are_as_documented() {
    seed_speakers_as_documented(
        &quotestance::model::MINILM,
        &[],
        [
            ("Daniel Whitcombe", "optimistic", "optimistic"),
            ("Maren Castell", "optimistic", "optimistic"),
            ("Paul Ridgeway", "critical", "optimistic"),
            ("Thomas Lindqvist", "critical", "critical"),
            ("Victor Hale", "skeptical", "skeptical"),
        ],
    );
}

/// EmbeddingGemma: the same four of five; Ridgeway optimistic too.
const GEMMA_SEED_SPEAKERS: [(&str, &str, &str); 5] = [
    ("Daniel Whitcombe", "optimistic", "optimistic"),
    ("Maren Castell", "optimistic", "optimistic"),
    ("Paul Ridgeway", "critical", "optimistic"),
    ("Thomas Lindqvist", "critical", "critical"),
    ("Victor Hale", "skeptical", "skeptical"),
];

#[test]
fn seed_speakers_with_gemma_are_as_documented() {
    seed_speakers_as_documented(&quotestance::model::GEMMA, &[], GEMMA_SEED_SPEAKERS);
}

/// `--bf16` changes the arithmetic, not the result.
#[test]
fn seed_speakers_with_gemma_in_bf16_are_the_same() {
    seed_speakers_as_documented(&quotestance::model::GEMMA, &["--bf16"], GEMMA_SEED_SPEAKERS);
}

#[test]
fn bf16_is_refused_for_minilm_as_a_setup_error() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    classify_seeds("minilm", &["--bf16"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("EmbeddingGemma only"));
}

#[test]
fn json_schema_and_offsets() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let docs = classify_json(&["seeds/000_military_channels.txt"]);
    let text = std::fs::read_to_string(root().join("seeds/000_military_channels.txt")).unwrap();
    let doc = &docs[0];
    assert_eq!(doc["id"], "000_military_channels");
    for q in doc["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(q["text"], &text[s..e]);
        for key in [
            "kind",
            "speaker",
            "stance",
            "stance_scores",
            "sentiment",
            "sentiment_scores",
            "attribution",
        ] {
            assert!(q.get(key).is_some(), "quote lacks {key}");
        }
        let total: f64 = q["stance_scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["score"].as_f64().unwrap())
            .sum();
        assert!((total - 1.0).abs() < 0.01);
    }
    for key in ["name", "role", "stance", "scores", "confidence", "evidence"] {
        assert!(doc["speakers"][0].get(key).is_some(), "speaker lacks {key}");
    }
}

#[test]
fn other_formats() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    classify_seeds("minilm", &["--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "article,speaker,kind,role,stance,confidence,quotes,evidence\n",
        ))
        .stdout(predicate::str::contains(
            "000_military_channels,Daniel Whitcombe,person",
        ));
    classify_seeds("minilm", &["--format", "markdown", "--per-quote"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| kind | speaker | stance | sentiment | quote |",
        ));
    let out = classify_seeds("minilm", &["--format", "jsonl"])
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    assert_eq!(line.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 23);
}

#[test]
fn a_custom_task_works_end_to_end() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let article = "Sen. Amy Roe said arms sales to Taiwan deter an invasion and must continue.\n\
                   “Selling weapons to Taiwan is a dangerous provocation,” said Wu Lin, a Chinese spokesman.\n";
    let out = output_ok(
        bin()
            .current_dir(root())
            .args([
                "classify",
                "-",
                "--task",
                "evaluation/tasks/taiwan-arms-sales.toml",
                "--format",
                "json",
                "--offline",
                "--model",
                "minilm",
            ])
            .write_stdin(article),
    );
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let labels = ["supportive", "opposed", "neutral"];
    let speakers = docs[0]["speakers"].as_array().unwrap();
    assert_eq!(speakers.len(), 2);
    for s in speakers {
        assert!(labels.contains(&s["stance"].as_str().unwrap()), "{s}");
    }
    let stance_of =
        |name: &str| speakers.iter().find(|s| s["name"] == name).unwrap()["stance"].clone();
    assert_eq!(stance_of("Amy Roe"), "supportive");
    assert_eq!(stance_of("Wu Lin"), "opposed");
}

#[test]
fn heads_for_another_encoder_are_refused() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    bin()
        .current_dir(root())
        .args(["classify", "seeds/", "--offline", "--model"])
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("trained for encoder")
                .and(predicate::str::contains("make train")),
        );
}

#[test]
fn a_bad_task_file_is_a_setup_error() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let task = tmp.path().join("bad.toml");
    std::fs::write(&task, "name = \"x\"\nlabels = [\"a\"]\n").unwrap();
    classify_seeds("minilm", &["--task"])
        .arg(&task)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml"));
}

/// A bad `--oof-out` is refused before any training work.
#[test]
fn train_refuses_an_oof_out_in_a_missing_directory() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    bin()
        .current_dir(root())
        .args(["train", "--offline", "--model", "minilm", "--out"])
        .arg(tempfile::tempdir().unwrap().path())
        .args(["--oof-out", "no-such-dir/oof.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--oof-out: the directory no-such-dir does not exist",
        ));
}

/// `oof-scores` reads a `train --oof-out` file and scores the chosen groups,
/// speakers from the gold dev articles included; no model is loaded.
#[test]
fn oof_scores_score_the_chosen_groups_and_their_gold_speakers() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("oof.jsonl");
    let line = |group: &str, speaker: &str, stance: &str, frozen: [f32; 4]| {
        serde_json::json!({"group": group, "speaker": speaker, "quote": "words",
            "stance": stance, "frozen": frozen})
        .to_string()
    };
    let critical = [0.1, 0.1, 0.7, 0.1];
    let lines = [
        r#"{"labels":["optimistic","skeptical","critical","neutral"]}"#.to_string(),
        line("b01_us_officials", "", "optimistic", critical),
        line(
            "dev_02_feature_sailor",
            "Marisol Hargrove",
            "critical",
            critical,
        ),
        line(
            "dev_02_feature_sailor",
            "Brendan Achebe",
            "skeptical",
            critical,
        ),
    ];
    std::fs::write(&file, lines.join("\n")).unwrap();
    bin()
        .current_dir(root())
        .args(["oof-scores", "--groups", "dev_0[0-2]_"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 quotes in 1 groups matching"))
        .stdout(predicate::str::is_match(r"frozen +0\.333 +0\.500 +1/2 \(0\.500\)").unwrap());
    // A missing file: exit 2, the path and the reason once.
    let out = bin()
        .current_dir(root())
        .args(["oof-scores", "no-such-oof.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-oof.jsonl"), "{stderr}");
    assert_eq!(stderr.matches("No such file").count(), 1, "{stderr}");
}

/// Training is deterministic: two runs on a small fixed subset (every
/// written batch's first examples, three dev gold articles, a small settings
/// grid, no adapter) write
/// the same files byte for byte, and the card says what was chosen. The full
/// byte-for-byte reproduction of the committed heads is
/// `training_reproduces_the_committed_heads` (`make test-slow`).
#[test]
fn training_on_a_small_subset_is_deterministic() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("subset.jsonl");
    let mut per_group = std::collections::HashMap::new();
    let subset: Vec<&str> = include_str!("../evaluation/train/train.jsonl")
        .lines()
        .filter(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let n = per_group
                .entry(v["group"].as_str().unwrap().to_string())
                .or_insert(0);
            *n += 1;
            *n <= 6
        })
        .collect();
    std::fs::write(&data, subset.join("\n")).unwrap();
    let gold = tmp.path().join("gold");
    std::fs::create_dir(&gold).unwrap();
    for id in ["dev_01_wire_hotline", "dev_05_opinion", "dev_08_pronouns"] {
        let text: serde_json::Value = serde_json::from_slice(
            &std::fs::read(root().join(format!("evaluation/gold/{id}.json"))).unwrap(),
        )
        .unwrap();
        let mut file = text.clone();
        if let Some(src) = text["source"].as_str() {
            let article = root().join("evaluation/gold").join(src);
            file["text"] = std::fs::read_to_string(article).unwrap().into();
        }
        std::fs::write(gold.join(format!("{id}.json")), file.to_string()).unwrap();
    }
    let run = |out: &std::path::Path| {
        output_ok(
            bin()
                .current_dir(root())
                .args([
                    "train",
                    "--offline",
                    "--model",
                    "minilm",
                    "--no-real",
                    "--adapt-epochs",
                    "0",
                    "--small-grid",
                ])
                .args(["--folds", "3", "--data"])
                .arg(&data)
                .arg("--gold")
                .arg(&gold)
                .arg("--out")
                .arg(out),
        )
    };
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let out = run(&a);
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote heads to"));
    run(&b);
    let mut files: Vec<String> = std::fs::read_dir(&a)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "baseline.safetensors",
            "card.json",
            "sentiment.safetensors",
            "stance.safetensors"
        ]
    );
    for f in &files {
        assert!(
            std::fs::read(a.join(f)).unwrap() == std::fs::read(b.join(f)).unwrap(),
            "{f} differs between two runs"
        );
    }
    let card: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.join("card.json")).unwrap()).unwrap();
    assert_eq!(card["cross_validation"]["folds"], 3);
    assert_eq!(
        card["encoder"]["id"],
        "sentence-transformers/all-MiniLM-L6-v2"
    );
    assert_eq!(card["training"]["selection"].as_array().unwrap().len(), 10);
}

/// `make train` reproduces the committed heads byte for byte; `--oof-out`
/// writes every example's out-of-fold probabilities on the way.
#[test]
#[ignore = "slow (retrains every head, ~20 minutes): `make test-slow`"]
fn training_reproduces_the_committed_heads() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let oof = tmp.path().join("oof.jsonl");
    bin()
        .current_dir(root())
        .args([
            "train",
            "--offline",
            "--model",
            "minilm",
            "--no-real",
            "--out",
        ])
        .arg(tmp.path())
        .arg("--oof-out")
        .arg(&oof)
        .assert()
        .success()
        .stdout(predicate::str::contains("grouped 5-fold CV"));
    let committed = root().join("models/heads/minilm/us-china-mil-talks");
    let names = |dir: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "oof.jsonl" && !n.ends_with(".md"))
            .collect();
        v.sort();
        v
    };
    // The same files (an adapter and the frozen heads beside it only when the
    // adapter is kept), each byte for byte.
    let files = names(tmp.path());
    assert_eq!(files, names(&committed), "rerun `make train`");
    for f in ["stance.safetensors", "sentiment.safetensors", "card.json"] {
        assert!(files.iter().any(|n| n == f), "{f} missing");
    }
    for f in &files {
        let a = std::fs::read(tmp.path().join(f)).unwrap();
        let b = std::fs::read(committed.join(f)).unwrap();
        assert!(
            a == b,
            "{f} differs from the committed file: rerun `make train`"
        );
    }
    // One line of labels, then one line per written and dev example, each with
    // out-of-fold distributions from both models.
    let card: serde_json::Value =
        serde_json::from_slice(&std::fs::read(committed.join("card.json")).unwrap()).unwrap();
    let n = card["cross_validation"]["stance"]["n"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(&oof).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["labels"].as_array().unwrap().len(), 4);
    assert_eq!(lines.len(), n + 1);
    for row in &lines[1..] {
        for model in ["frozen", "adapter"] {
            let total: f64 = row[model]
                .as_array()
                .unwrap_or_else(|| panic!("{model} missing: {row}"))
                .iter()
                .map(|p| p.as_f64().unwrap())
                .sum();
            assert!((total - 1.0).abs() < 1e-3, "{row}");
        }
    }
}
