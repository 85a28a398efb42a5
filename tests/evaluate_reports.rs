//! `quotestance evaluate --out`: the three reports, reproducible byte for byte.

mod common;
use common::{bin, output_ok, root};

/// `make eval` reproduces the committed reports.
#[test]
fn reports_are_reproducible_and_match_the_committed_ones() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = output_ok(
        bin()
            .current_dir(root())
            .args([
                "evaluate",
                "--split",
                "test",
                "--offline",
                "--model",
                "minilm",
                "--out",
            ])
            .arg(tmp.path()),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The shipped model's row; with a kept adapter, the frozen heads beside it.
    let card: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("models/heads/minilm/us-china-mil-talks/card.json")).unwrap(),
    )
    .unwrap();
    let model_rows: &[&str] = if card["adaptation"]["kept"] == true {
        &[
            "trained head + LoRA-adapted encoder (context + signals)",
            "frozen-encoder head (context + signals)",
        ]
    } else {
        &["trained head (context + signals)"]
    };
    for row in model_rows {
        assert!(stdout.contains(row), "no `{row}` row:\n{stdout}");
    }
    assert!(
        stdout.contains("frozen-encoder head (quote only)") && stdout.contains("95% CI"),
        "{stdout}"
    );
    for f in ["report.md", "report.json", "report.html"] {
        let fresh = std::fs::read(tmp.path().join(f)).unwrap();
        let committed = std::fs::read(root().join("evaluation/reports/latest").join(f)).unwrap();
        assert!(
            fresh == committed,
            "{f} differs from evaluation/reports/latest: run `make eval`"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("report.json")).unwrap()).unwrap();
    for key in [
        "headline",
        "extraction",
        "stance",
        "reliability",
        "speakers",
        "per_article",
        "stance_errors",
        "bootstrap",
    ] {
        assert!(json.get(key).is_some(), "report.json lacks {key}");
    }
    // The per-article rows add up to the shipped model's quote accuracy.
    let rows = json["per_article"].as_array().unwrap();
    let count = |key: &str| -> f64 { rows.iter().map(|r| r[key].as_f64().unwrap()).sum() };
    assert_eq!(rows.len() as u64, json["articles"].as_u64().unwrap());
    assert_eq!(count("quotes") as u64, json["quotes"].as_u64().unwrap());
    let shipped = json["stance"].as_array().unwrap().last().unwrap();
    let accuracy = shipped["quote_stance"]["accuracy"].as_f64().unwrap();
    assert!(
        (count("stance_correct") / count("quotes") - accuracy).abs() < 1e-9,
        "per-article stance counts disagree with accuracy {accuracy}"
    );
    let names: Vec<&str> = json["stance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    // Majority, zero-shot, the quote-only head, then the shipped model (and,
    // with a kept adapter, the frozen context head before it).
    assert_eq!(names.len(), 3 + model_rows.len(), "{names:?}");
    assert_eq!(
        names.last(),
        model_rows.first(),
        "the shipped model comes last"
    );
}

#[test]
fn html_report_is_self_contained_and_holds_the_charts() {
    let html =
        std::fs::read_to_string(root().join("evaluation/reports/latest/report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("<link") && !html.contains("@import") && !html.contains("src=\"http"),
        "no external resources"
    );
    for chart in [
        "class=\"chart confusion\"",
        "class=\"chart prf\"",
        "class=\"chart reliability\"",
        "class=\"chart speakers\"",
    ] {
        assert!(html.contains(chart), "missing {chart}");
    }
    // Balanced elements: every opened svg, table, tr, td, text closes.
    for tag in [
        "svg", "table", "tr", "td", "th", "text", "h1", "h2", "p", "div",
    ] {
        let opened =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let closed = html.matches(&format!("</{tag}>")).count();
        assert_eq!(
            opened, closed,
            "<{tag}> opened {opened} times, closed {closed}"
        );
    }
}

/// Several sets side by side: a gold directory's split and an annotated
/// corpus file (written here, fictional), each beside the quote-mark scanner.
#[test]
fn extraction_on_several_sets_side_by_side_with_intervals() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus").join("dev.jsonl");
    std::fs::create_dir_all(corpus.parent().unwrap()).unwrap();
    let text = "“We will talk,” Ana Polk said. Officials said the “so-called” plan failed.";
    let start = text.find("We").unwrap();
    let doc = serde_json::json!({
        "doc_id": "fictional-1", "text": text,
        "quotes": [{"byte_start": start, "byte_end": start + "We will talk".len(),
                    "speaker": "Polk", "speaker_is_pronoun": false}],
        "indirect_quotes": [],
    });
    std::fs::write(&corpus, format!("{doc}\n")).unwrap();
    let json = tmp.path().join("rows.json");
    let out = common::output_ok(
        common::bin()
            .current_dir(common::root())
            .args(["evaluate", "--extraction-only", "--bootstrap", "50"])
            .args(["--gold", "evaluation/gold@test", "--gold"])
            .arg(&corpus)
            .arg("--json")
            .arg(&json),
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("gold (test)") && stdout.contains("corpus"),
        "{stdout}"
    );
    let rows: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 4, "two sets × (extractor, scanner)");
    let corpus_rows: Vec<_> = rows.iter().filter(|r| r["set"] == "corpus").collect();
    // The extractor finds the one quote and names its speaker (lenient: "Polk");
    // the scanner also takes the scare quote.
    assert_eq!(corpus_rows[0]["quoted_f1"][0], 1.0);
    assert_eq!(corpus_rows[0]["attribution_lenient"][0], 1.0);
    assert!(corpus_rows[1]["quoted_precision"].as_f64().unwrap() < 1.0);

    // A corpus has no stance labels: scoring stance on it is refused.
    common::bin()
        .current_dir(common::root())
        .args(["evaluate", "--gold"])
        .arg(&corpus)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("add --extraction-only"));
}
