//! The library façade: `Pipeline` gives what `quotestance classify` prints.

mod common;

use quotestance::{Error, Pipeline};

const FICTIONAL: &str = "Admiral Wren Tasker said the hotline must reopen.\n\
“We will keep calling until someone answers,” Tasker said on Monday.\n";

#[test]
fn a_pipeline_on_a_tiny_encoder_classifies_zero_shot_and_needs_heads_otherwise() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tiny_model(tmp.path());
    let dir = tmp.path().to_str().unwrap();
    let pipeline = Pipeline::builder()
        .model(dir)
        .offline(true)
        .zero_shot(true)
        .build()
        .unwrap();
    let result = pipeline.classify_text(FICTIONAL).unwrap();
    let extraction = pipeline.extract(FICTIONAL);
    assert_eq!(result.quotes.len(), extraction.quotes.len());
    assert!(!result.quotes.is_empty());
    assert_eq!(result.speakers.len(), 1);
    assert_eq!(result.speakers[0].name, "Wren Tasker");
    let labels = &pipeline.classifier().task.labels;
    assert!(labels.contains(&result.speakers[0].stance));

    // No heads for this encoder anywhere: a typed error, not a panic.
    let err = Pipeline::builder()
        .model(dir)
        .offline(true)
        .heads_root(tmp.path().join("no-heads-here"))
        .build()
        .err()
        .expect("no heads");
    assert!(matches!(err, Error::NoHeads { .. }), "{err}");
}

#[test]
fn the_pipeline_and_the_classify_command_agree_on_the_seed() {
    if !common::have_model(&quotestance::model::MINILM) {
        return;
    }
    let seed = common::root().join("seeds/000_military_channels.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let pipeline = Pipeline::builder()
        .model("minilm")
        .offline(true)
        .heads_root(common::root().join("models/heads"))
        .build()
        .unwrap();
    // Through text, as the command writes it (f32 scores print shortest).
    let ours = serde_json::to_string(&pipeline.classify_text(&text).unwrap()).unwrap();
    let ours: serde_json::Value = serde_json::from_str(&ours).unwrap();
    let out = common::output_ok(
        common::bin()
            .current_dir(common::root())
            .args([
                "classify",
                "--offline",
                "--model",
                "minilm",
                "--format",
                "json",
            ])
            .arg(&seed),
    );
    let theirs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in ["quotes", "speakers"] {
        assert_eq!(ours[field], theirs[0][field], "{field}");
    }
}
