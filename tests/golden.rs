//! Golden outputs: what `quotes`, `classify` and `evaluate` print on every
//! written gold article and the seed, so a change of layout that changes a
//! result fails here. `QUOTESTANCE_UPDATE_GOLDEN=1 cargo test --test golden`
//! rewrites the files (then read the diff before committing it).
//!
//! Extraction output is compared byte for byte. Model output is compared by
//! its labels and discrete scores (rounded to 3 places), not raw
//! probabilities, whose last digits may differ between CPUs.

mod common;

use std::path::PathBuf;

use common::{bin, output_ok, root};
use serde_json::Value;

fn golden(name: &str) -> PathBuf {
    root().join("tests/golden").join(name)
}

/// Compares `actual` with the golden file, or rewrites it when asked.
fn check(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("QUOTESTANCE_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; set QUOTESTANCE_UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  now:    {:?}",
            first + 1,
            expected.lines().nth(first).unwrap_or(""),
            actual.lines().nth(first).unwrap_or("")
        );
    }
}

fn stdout(args: &[&str]) -> String {
    let out = output_ok(bin().current_dir(root()).args(args));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn quotes_match_the_golden_file() {
    let json = stdout(&[
        "quotes",
        "--format",
        "jsonl",
        "evaluation/articles",
        "seeds",
    ]);
    check("quotes.jsonl", &json);
}

#[test]
fn extraction_scores_and_errors_match_the_golden_file() {
    let text = stdout(&["evaluate", "--extraction-only", "--errors"]);
    check("evaluate-extraction.txt", &text);
}

/// One line a quote and a line a speaker: what `classify` decided.
fn classify_summary(results: &Value) -> String {
    let mut out = String::new();
    for article in results.as_array().unwrap() {
        let id = article["id"].as_str().unwrap();
        for q in article["quotes"].as_array().unwrap() {
            out.push_str(&format!(
                "{id}\tquote\t{}\t{}\t{}\t{}\t{}\t{}\n",
                q["start"], q["end"], q["kind"], q["speaker"], q["stance"], q["sentiment"]
            ));
        }
        for s in article["speakers"].as_array().unwrap() {
            out.push_str(&format!(
                "{id}\tspeaker\t{}\t{}\t{}\n",
                s["name"], s["stance"], s["quotes"]
            ));
        }
    }
    out
}

#[test]
fn classify_matches_the_golden_file() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let json = stdout(&[
        "classify",
        "--quiet",
        "--offline",
        "--model",
        "minilm",
        "--format",
        "json",
        "evaluation/articles",
        "seeds",
    ]);
    let results: Value = serde_json::from_str(&json).unwrap();
    check("classify-minilm.tsv", &classify_summary(&results));
}

#[test]
fn evaluate_matches_the_golden_file() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().to_str().unwrap();
    stdout(&[
        "evaluate",
        "--offline",
        "--model",
        "minilm",
        "--split",
        "test",
        "--out",
        out_dir,
    ]);
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("report.json")).unwrap())
            .unwrap();
    // Scores that follow from the predicted labels alone (not ECE).
    let mut summary = String::new();
    for row in report["stance"].as_array().unwrap() {
        let f = |v: &Value| v.as_f64().map_or("-".to_string(), |x| format!("{x:.3}"));
        summary.push_str(&format!(
            "{}\tquote acc {}\tquote F1 {}\tspeaker acc {}\te2e F1 {}\tsentiment F1 {}\n",
            row["name"].as_str().unwrap(),
            f(&row["quote_stance"]["accuracy"]),
            f(&row["quote_stance"]["macro_f1"]),
            f(&row["speaker_stance"]["accuracy"]),
            f(&row["end_to_end_quote_stance"]["macro_f1"]),
            f(&row["quote_sentiment"]["macro_f1"]),
        ));
    }
    check("evaluate-minilm-test.tsv", &summary);
}

/// The README describes the sieve's rules in the order the code tries them.
#[test]
fn the_readme_lists_the_sieve_rules_in_their_order() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut from = 0;
    for (rule, _) in quotestance::quotes::RULES {
        let name = format!("`{}`", rule.as_str());
        let at = readme[from..]
            .find(&name)
            .unwrap_or_else(|| panic!("README.md does not list {name} after the rule before it"));
        from += at + name.len();
    }
}
