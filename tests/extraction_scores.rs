//! The extraction targets on the held-out test split (evaluation/README.md):
//! direct+partial F1 ≥ 0.95, indirect F1 ≥ 0.80, attribution ≥ 0.90 (overlap match).

use std::path::Path;

use quotestance::eval::{load_gold_dir, score_extraction, Split};
use quotestance::quotes::extract;

#[test]
fn test_split_meets_the_extraction_targets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("evaluation/gold");
    let gold = load_gold_dir(&dir, Some(Split::Test)).unwrap();
    assert!(
        gold.iter().any(|g| g.id.starts_with("seed_")),
        "the seed is in the test split"
    );
    let predictions: Vec<_> = gold.iter().map(|g| extract(&g.text)).collect();
    let items: Vec<_> = gold.iter().zip(predictions.iter()).collect();
    let s = score_extraction(&items);
    assert!(
        s.direct_partial.overlap.f1 >= 0.95,
        "direct+partial F1 {}",
        s.direct_partial.overlap.f1
    );
    assert!(
        s.indirect.overlap.f1 >= 0.80,
        "indirect F1 {}",
        s.indirect.overlap.f1
    );
    assert!(
        s.attribution.strict_accuracy >= 0.90,
        "attribution {}",
        s.attribution.strict_accuracy
    );
}

#[test]
fn every_gold_file_loads_and_splits_are_disjoint() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("evaluation/gold");
    let all = load_gold_dir(&dir, None).unwrap();
    let quotes: usize = all.iter().map(|g| g.quotes.len()).sum();
    assert!(
        all.len() >= 21 && quotes >= 300,
        "{} articles, {quotes} quotes",
        all.len()
    );
    let dev: Vec<&str> = all
        .iter()
        .filter(|g| g.split == Split::Dev)
        .map(|g| g.id.as_str())
        .collect();
    let test: Vec<&str> = all
        .iter()
        .filter(|g| g.split == Split::Test)
        .map(|g| g.id.as_str())
        .collect();
    assert!(dev.iter().all(|d| !test.contains(d)));
    for label in ["optimistic", "skeptical", "critical", "neutral"] {
        let n = all
            .iter()
            .flat_map(|g| &g.quotes)
            .filter(|q| q.stance == label)
            .count();
        assert!(n * 10 >= quotes, "{label}: {n} of {quotes}");
    }
}
