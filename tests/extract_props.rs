//! No panic on any text, and every span is inside the text on char boundaries.

use proptest::prelude::*;
use quotestance::quotes::extract;

fn check(text: &str) {
    let ex = extract(text);
    for q in &ex.quotes {
        assert!(
            q.span.is_valid_for(text),
            "quote span {:?} invalid for {text:?}",
            q.span
        );
        assert!(!q.span.is_empty(), "empty quote span in {text:?}");
        if let Some(c) = q.cue {
            assert!(c.is_valid_for(text), "cue span {c:?} invalid");
        }
        for context in [q.sentence, q.paragraph] {
            assert!(context.is_valid_for(text), "context {context:?} invalid");
            assert!(
                context.start <= q.span.start,
                "context {context:?} starts after the quote {:?}",
                q.span
            );
        }
        if let Some(s) = q.speaker {
            assert!(s < ex.speakers.len());
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    for s in &ex.speakers {
        for m in &s.mentions {
            assert!(m.is_valid_for(text), "mention {m:?} invalid");
        }
    }
    for pair in ex.quotes.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "overlapping quotes in {text:?}"
        );
    }
}

/// Pieces that exercise the extractor: marks, names, verbs, punctuation, multibyte text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just("Mr. ".to_string()),
        Just("Adm. Jo Banner".to_string()),
        Just(" he ".to_string()),
        Just("the Pentagon".to_string()),
        Just("Q: ".to_string()),
        Just("BANNER: ".to_string()),
        Just("U.S.".to_string()),
        Just("—".to_string()),
        Just("国防部".to_string()),
        Just("🎉".to_string()),
        Just("\u{a0}".to_string()),
        "[a-zA-Z ]{1,12}",
        any::<String>(),
    ]
}

proptest! {
    // 3000 cases in CI; a long local run: PROPTEST_CASES=2000000 cargo test --release --test extract_props
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_are_always_valid(pieces in prop::collection::vec(piece(), 0..40)) {
        check(&pieces.concat());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn hand_picked_edge_cases() {
    for text in [
        "",
        "“",
        "”",
        "\"",
        "“”",
        "“ ”",
        "'",
        "’90s",
        "said",
        "Q:",
        "A: b",
        "“a\n“b\n“c",
        "he said: “",
        "“x,” said",
        "according to",
        "according to Mr.",
        ", said Mr. X",
        "— said the",
        "Mr. . . . said “.”",
    ] {
        check(text);
    }
    // Long lines and many quotes.
    check(&"“We tried,” he said. ".repeat(5000));
    check(&"a".repeat(200_000));
}

#[test]
fn regression_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crashers");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            check(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
            n += 1;
        }
    }
    assert!(n >= 2);
}
