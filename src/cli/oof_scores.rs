//! `quotestance oof-scores`: scores a file of out-of-fold probabilities.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;

use quotestance::eval;
use quotestance::stance::Task;
use quotestance::train;

/// Score the out-of-fold stance probabilities `train --oof-out FILE`
/// wrote, on the groups (dev articles, written batches) a pattern picks:
/// quote macro-F1 and, for dev gold articles, speaker accuracy (speakers
/// aggregated as `classify` does), for the frozen head, the adapter and
/// their mean. No model is needed.
#[derive(Args)]
pub struct OofScoresArgs {
    /// The file `train --oof-out` wrote.
    file: PathBuf,
    /// A regular expression a group's name must match from its start, e.g.
    /// 'dev_(2[7-9]|3)' for dev_27 to dev_31, or 'b' for the written batches.
    #[arg(long, default_value = "dev_")]
    groups: String,
    /// Gold directory, for the dev articles' speakers.
    #[arg(long, default_value = "evaluation/gold")]
    gold: PathBuf,
    /// The task the file was trained with (default: the built-in task).
    #[arg(long)]
    task: Option<PathBuf>,
}

impl OofScoresArgs {
    pub fn run(self) -> Result<ExitCode> {
        let OofScoresArgs {
            file,
            groups,
            gold,
            task,
        } = self;
        oof_scores(&file, &groups, &gold, task.as_deref())
    }
}

fn oof_scores(file: &Path, groups: &str, gold: &Path, task: Option<&Path>) -> Result<ExitCode> {
    let task = match task {
        Some(p) => Task::from_toml_file(p)?,
        None => Task::default_stance(),
    };
    let pattern = regex::Regex::new(&format!("^(?:{groups})"))
        .with_context(|| format!("--groups {groups:?} is not a regular expression"))?;
    let keep = |g: &str| pattern.is_match(g);
    let oof = quotestance::train::oof::OutOfFold::read(file)?;
    let articles = eval::load_gold_dir(gold, None)?;
    let speakers = train::speaker_labels_from_gold(&articles);
    let scores = oof.score(&task, &keep, &speakers)?;
    let (names, n) = oof.groups(&keep);
    println!(
        "{}: {n} quotes in {} groups matching `{groups}`",
        file.display(),
        names.len()
    );
    println!("model    quote macro-F1  accuracy  speakers");
    for s in &scores {
        let speakers = s.speakers.as_ref().map_or("-".to_string(), |sp| {
            let right = (sp.accuracy * sp.n as f64).round() as usize;
            format!("{right}/{} ({:.3})", sp.n, sp.accuracy)
        });
        println!(
            "{:<8} {:>14.3}  {:>8.3}  {speakers}",
            s.model, s.quotes.macro_f1, s.quotes.accuracy
        );
    }
    Ok(ExitCode::SUCCESS)
}
