//! End-to-end runs of the `quotestance quotes` binary on real files.

mod common;
use common::{bin, output_ok, root};
use predicates::prelude::*;
use quotestance::eval::gold::load_gold_file;

#[test]
fn every_seed_quote_is_found_and_attributed() {
    let out = output_ok(
        bin()
            .current_dir(root())
            .args(["quotes", "seeds/", "--format", "json"]),
    );
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = docs[0]["quotes"].as_array().unwrap();
    let gold =
        load_gold_file(&root().join("evaluation/gold/seed_000_military_channels.json")).unwrap();
    assert_eq!(quotes.len(), gold.quotes.len(), "no spurious quotes either");
    for g in &gold.quotes {
        let found = quotes.iter().find(|q| {
            q["start"].as_u64() == Some(g.start as u64) && q["end"].as_u64() == Some(g.end as u64)
        });
        let q = found.unwrap_or_else(|| panic!("missed {:?}", g.text));
        assert_eq!(q["kind"], g.kind.as_str(), "{:?}", g.text);
        assert_eq!(q["speaker"], g.speaker.as_str(), "{:?}", g.text);
        // The span cuts the quote back out of the source.
        let text = std::fs::read_to_string(root().join("seeds/000_military_channels.txt")).unwrap();
        assert_eq!(q["text"], &text[g.start..g.end]);
    }
    let speakers: Vec<&str> = docs[0]["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for name in [
        "Daniel Whitcombe",
        "Maren Castell",
        "Paul Ridgeway",
        "Thomas Lindqvist",
        "Victor Hale",
    ] {
        assert!(speakers.contains(&name), "{name} in {speakers:?}");
    }
}

/// The JSON Lines output for the seed is the product: kept as a golden file.
/// Regenerate with `UPDATE_GOLDEN=1 cargo test --test cli_quotes`.
#[test]
fn seed_jsonl_matches_golden() {
    let out = bin()
        .current_dir(root())
        .args(["quotes", "seeds/", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let golden = root().join("tests/golden/seed_quotes.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &out.stdout).unwrap();
    }
    let expected = std::fs::read(&golden).expect("golden file; run with UPDATE_GOLDEN=1 to create");
    assert!(
        out.stdout == expected,
        "output differs from {}",
        golden.display()
    );
}

#[test]
fn table_output_reads_well() {
    bin()
        .current_dir(root())
        .args(["quotes", "seeds/000_military_channels.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("23 quotes"))
        .stdout(predicate::str::contains(
            "Each time we ask for talks, Beijing raises the price.",
        ))
        .stdout(predicate::str::contains("Victor Hale (3 quotes)"));
    // One of a thing is not "1 quotes".
    bin()
        .args(["quotes", "-"])
        .write_stdin("“We will talk,” Ana Polk said.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("— 1 quote, 1 speaker\n"))
        .stdout(predicate::str::contains("Ana Polk (1 quote)"));
}

#[test]
fn stdin_and_jsonl_inputs() {
    bin()
        .args(["quotes", "-", "--format", "jsonl"])
        .write_stdin("“We will talk,” Ana Polk said.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"speaker\":\"Ana Polk\""));
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("a.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"x1\",\"text\":\"“Yes,” Bo Lin said.\",\"url\":\"u\"}\n",
    )
    .unwrap();
    bin()
        .arg("quotes")
        .arg(&f)
        .args(["--format", "jsonl"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\":\"x1\"").and(predicate::str::contains("Bo Lin")));
}

#[test]
fn speech_with_an_unnamed_speaker_is_reported_not_dropped() {
    // A story that starts mid-way: "He" has no antecedent in the text.
    let out = output_ok(
        bin()
            .args(["quotes", "-", "--format", "jsonl"])
            .write_stdin(
                "He said the talks were good. She called them “a start,” and they agreed.\n",
            ),
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = line["quotes"].as_array().unwrap();
    let got: Vec<(&str, &str, bool, &str)> = quotes
        .iter()
        .map(|q| {
            (
                q["kind"].as_str().unwrap(),
                q["text"].as_str().unwrap(),
                q["speaker"].is_null(),
                q["attribution"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("indirect", "the talks were good", true, "unattributed"),
            ("partial", "a start", true, "unattributed"),
        ]
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("a_good.txt"), "“We will talk,” Ana Polk said.").unwrap();
    std::fs::write(d.join("b_latin1.txt"), b"caf\xe9 said").unwrap();
    std::fs::write(d.join("c_empty.txt"), "").unwrap();
    std::fs::write(d.join("d_binary.txt"), b"ab\0cd").unwrap();
    std::fs::write(
        d.join("e_lines.jsonl"),
        "{\"text\":\"“Fine,” Bo Lin said.\"}\n{oops\n{\"id\":1}\n",
    )
    .unwrap();
    let assert = bin()
        .arg("quotes")
        .arg(d)
        .args(["--format", "jsonl"])
        .assert()
        .code(1);
    let out = assert.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stderr.contains("b_latin1.txt: not UTF-8"), "{stderr}");
    assert!(stderr.contains("c_empty.txt: empty article"), "{stderr}");
    assert!(stderr.contains("d_binary.txt: looks binary"), "{stderr}");
    assert!(
        stderr.contains("e_lines.jsonl:2: not valid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("e_lines.jsonl:3: JSON object has no string field \"text\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("5 of 7 inputs failed") || stderr.contains("inputs failed"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Ana Polk") && stdout.contains("Bo Lin"),
        "{stdout}"
    );
}

#[test]
fn missing_path_is_an_error_with_exit_1() {
    bin()
        .args(["quotes", "/no/such/article.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "/no/such/article.txt: no such file or directory",
        ));
}

#[test]
fn help_explains_inputs() {
    bin()
        .args(["quotes", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("directories").and(predicate::str::contains("stdin")));
}

#[test]
fn evaluate_scores_an_external_extractor_beside_its_own() {
    // A stand-in extractor that finds nothing: its row scores zero recall.
    let silent = "nothing=python3 -c \"import sys, json; \
                  [print(json.dumps({'id': json.loads(l)['id'], 'quotes': []})) for l in sys.stdin]\"";
    let out = output_ok(bin().current_dir(root()).args([
        "evaluate",
        "--extraction-only",
        "--gold",
        "evaluation/gold@test",
        "--bootstrap",
        "10",
        "--external",
        silent,
    ]));
    let table = String::from_utf8(out.stdout).unwrap();
    let row = |method: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {method} ")))
            .unwrap_or_else(|| panic!("no {method} row in\n{table}"))
            .to_string()
    };
    assert!(row("quotestance").contains("1.000"), "{table}");
    assert!(row("nothing").contains(" 0.000 "), "{table}");
    // A command that breaks the protocol is named, with the set.
    bin()
        .current_dir(root())
        .args([
            "evaluate",
            "--extraction-only",
            "--gold",
            "evaluation/gold@test",
            "--external",
            "broken=cat >/dev/null",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("broken").and(predicate::str::contains("answered 0 of")));
}
