//! Bad inputs, broken heads, interrupted runs, huge articles, determinism.

mod common;
use common::{bin, output_ok, root};
use predicates::prelude::*;

const GOOD: &str =
    "Capt. Rosa Lind said the talks must resume.\n“We will keep calling,” Lind said.\n";

/// A directory with one of each kind of bad input, and good ones around them.
fn mixed_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a_good.txt"), GOOD).unwrap();
    std::fs::write(
        d.join("b_latin1.txt"),
        b"Caf\xe9 owner said the talks failed.",
    )
    .unwrap();
    std::fs::write(d.join("c_empty.txt"), "  \n").unwrap();
    std::fs::write(d.join("d_binary.txt"), b"\x7fELF\0\0\x01").unwrap();
    std::fs::write(d.join("e_big.txt"), "word ".repeat(60_000)).unwrap();
    std::fs::write(
        d.join("f_feed.jsonl"),
        "{\"id\":\"feed-1\",\"text\":\"“Yes,” Bo Lin said.\"}\n{\"id\":\"x\",\"text\":\n{\"id\":\"feed-3\"}\n",
    )
    .unwrap();
    std::fs::write(d.join("g_marks.txt"), "He said “this never closes.\n« Autre », dit-il. „Quote“ and ‘odd’ ' marks \" everywhere.\n").unwrap();
    std::fs::write(d.join("notes.md"), "not an article").unwrap();
    tmp
}

#[test]
fn every_bad_input_is_named_and_every_good_one_is_classified() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = mixed_dir();
    let empty_dir = tmp.path().join("nothing_here");
    std::fs::create_dir(&empty_dir).unwrap();
    std::fs::write(empty_dir.join("readme.md"), "no articles").unwrap();
    let out = bin()
        .current_dir(root())
        .args([
            "classify",
            "--offline",
            "--model",
            "minilm",
            "--format",
            "jsonl",
            "--max-bytes",
            "200000",
        ])
        .arg(tmp.path())
        .arg("/no/such/dir")
        .arg(&empty_dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "b_latin1.txt: not UTF-8 text (invalid byte at offset 3)",
        "c_empty.txt: empty article",
        "d_binary.txt: looks binary (NUL byte at offset 4)",
        "e_big.txt: 300000 bytes is over the 200000-byte limit; raise it with --max-bytes",
        "f_feed.jsonl:2: not valid JSON",
        "f_feed.jsonl:3: JSON object has no string field \"text\"",
        "/no/such/dir: no such file or directory",
        "nothing_here: directory holds no .txt or .jsonl articles",
        "skipped",
        "8 of 11 inputs failed",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, vec!["a_good", "feed-1", "g_marks"]);
}

#[test]
fn fail_fast_stops_at_the_first_bad_input() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = mixed_dir();
    let out = bin()
        .current_dir(root())
        .args(["quotes", "--fail-fast", "--format", "jsonl"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b_latin1.txt") && stderr.contains("--fail-fast"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("c_empty.txt"),
        "went past the first failure: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "only the article before the failure: {stdout}"
    );
}

#[test]
fn out_dir_writes_one_result_per_input_and_resume_skips_done_ones() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let inputs = tempfile::tempdir().unwrap();
    std::fs::write(inputs.path().join("one.txt"), GOOD).unwrap();
    std::fs::write(
        inputs.path().join("two.jsonl"),
        "{\"id\":\"a/b:c\",\"text\":\"“Fine,” Bo Lin said.\"}\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    bin()
        .current_dir(root())
        .args(["classify", "--offline", "--model", "minilm", "--out"])
        .arg(out.path())
        .arg(inputs.path())
        .assert()
        .success();
    let mut files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    files.sort();
    assert_eq!(files, vec!["a_b_c.json", "one.json"]);
    let one: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("one.json")).unwrap()).unwrap();
    assert_eq!(one["speakers"][0]["name"], "Rosa Lind");
    // A rerun with --resume leaves finished results alone.
    std::fs::write(out.path().join("one.json"), "sentinel").unwrap();
    let run = bin()
        .current_dir(root())
        .args([
            "classify",
            "--offline",
            "--model",
            "minilm",
            "--resume",
            "--out",
        ])
        .arg(out.path())
        .arg(inputs.path())
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("2 articles already have results"));
    assert_eq!(
        std::fs::read(out.path().join("one.json")).unwrap(),
        b"sentinel"
    );
}

#[test]
fn notes_on_stderr_count_in_the_singular_too() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let inputs = tempfile::tempdir().unwrap();
    // One quote of about 400 word pieces: more than the encoder's 256.
    let long = "the channel must stay open ".repeat(80);
    std::fs::write(
        inputs.path().join("long.txt"),
        format!("Capt. Rosa Lind said: “{}.”\n", long.trim()),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = output_ok(
        bin()
            .current_dir(root())
            .args(["classify", "--offline", "--model", "minilm", "--out"])
            .arg(out.path())
            .arg(inputs.path()),
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("wrote 1 result to"), "{stderr}");
    assert!(
        stderr.contains("note: 1 quote was longer than 256 word pieces and was cut"),
        "{stderr}"
    );
    let rerun = output_ok(
        bin()
            .current_dir(root())
            .args([
                "classify",
                "--offline",
                "--model",
                "minilm",
                "--resume",
                "--out",
            ])
            .arg(out.path())
            .arg(inputs.path()),
    );
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains("resume: 1 article already has results"),
        "{stderr}"
    );
}

#[test]
fn json_output_is_identical_across_runs_and_thread_counts() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let run = |threads: &str| {
        let out = bin()
            .current_dir(root())
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "classify",
                "--offline",
                "--model",
                "minilm",
                "--format",
                "json",
                "seeds/",
                "evaluation/articles/",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let a = run("2");
    assert!(a == run("2"), "two runs differ");
    assert!(a == run("1"), "one thread and two threads differ");
}

#[test]
fn huge_articles_finish() {
    let tmp = tempfile::tempdir().unwrap();
    // 5 MB on one line, and 100,000 quotes.
    let line = "The talks, officials said, would resume in May after a long pause. ".repeat(75_000);
    std::fs::write(tmp.path().join("long_line.txt"), &line).unwrap();
    let many = "“We tried,” Ana Polk said. ".repeat(100_000);
    std::fs::write(tmp.path().join("many_quotes.txt"), &many).unwrap();
    let out = output_ok(bin().args(["quotes", "--format", "jsonl"]).arg(tmp.path()));
    let docs: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["quotes"].as_array().unwrap().len(), 100_000);
}

#[test]
fn broken_heads_are_clear_errors() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let heads = tmp.path().join("heads");
    std::fs::create_dir(&heads).unwrap();
    let committed = root().join("models/heads/minilm/us-china-mil-talks");
    for entry in std::fs::read_dir(&committed).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, heads.join(path.file_name().unwrap())).unwrap();
    }
    // Classifying the seed with these heads: a setup error (exit 2) whose
    // message names `file`.
    let fails_naming = |file: &str| {
        let out = bin()
            .current_dir(root())
            .args([
                "classify",
                "--offline",
                "--model",
                "minilm",
                "seeds/",
                "--heads",
            ])
            .arg(&heads)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(file), "{stderr}");
        stderr.into_owned()
    };
    // A damaged adapter is named too (the card is made to name one, since
    // the committed heads may not keep an adapter).
    let card_path = heads.join("card.json");
    let good_card = std::fs::read(&card_path).unwrap();
    let mut card: serde_json::Value = serde_json::from_slice(&good_card).unwrap();
    card["adaptation"]["kept"] = true.into();
    card["adaptation"]["file"] = "adapter.safetensors".into();
    std::fs::write(&card_path, serde_json::to_vec(&card).unwrap()).unwrap();
    std::fs::write(
        heads.join("adapter.safetensors"),
        b"\x40\0\0\0\0\0\0\0{\"lora",
    )
    .unwrap();
    assert!(fails_naming("adapter.safetensors").contains("make train"));
    std::fs::write(&card_path, &good_card).unwrap();
    // Put back the committed adapter, if the committed heads keep one.
    let adapter = committed.join("adapter.safetensors");
    if adapter.exists() {
        std::fs::copy(&adapter, heads.join("adapter.safetensors")).unwrap();
    } else {
        std::fs::remove_file(heads.join("adapter.safetensors")).unwrap();
    }

    let bytes = std::fs::read(heads.join("stance.safetensors")).unwrap();
    std::fs::write(heads.join("stance.safetensors"), &bytes[..bytes.len() / 3]).unwrap();
    assert!(fails_naming("stance.safetensors").contains("make train"));

    std::fs::write(heads.join("card.json"), "{").unwrap();
    fails_naming("card.json");
}

#[test]
fn a_missing_model_is_a_setup_error_that_names_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    bin()
        .current_dir(tmp.path())
        .args(["classify", "--offline", "--model"])
        .arg(tmp.path().join("nowhere"))
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("nowhere").and(predicates::str::contains(
                "--model takes a directory holding config.json",
            )),
        );
    // A named model in no cache: the command that fetches it.
    bin()
        .current_dir(tmp.path())
        .env("QUOTESTANCE_MODELS", tmp.path().join("models"))
        .env("HF_HOME", tmp.path().join("hf"))
        .args(["classify", "--offline", "--model", "minilm", "-"])
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "model `minilm` not found; searched: ",
        ))
        .stderr(predicates::str::contains(
            ". To get it, run `make model` (or `quotestance model fetch`)",
        ));
}
