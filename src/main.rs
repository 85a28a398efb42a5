//! The `quotestance` command line: parse arguments and dispatch to one file
//! a command under `cli/`.
//!
//! Exit codes: 0 all inputs processed; 1 some inputs failed (each named on
//! stderr, the rest still processed); 2 usage or setup error (bad option,
//! model or heads missing or broken, bad task file).

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Find the quotes in news articles, attribute each to its speaker, and
/// classify every speaker's stance toward a target (by default: restoring
/// U.S.–China military-to-military talks) and the sentiment of each quote.
///
/// Exit codes: 0 success; 1 some inputs failed (named on stderr, the rest
/// processed); 2 usage or setup error (model, heads or task file).
#[derive(Parser)]
#[command(name = "quotestance", version, about, long_about)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Classify(cli::classify::ClassifyArgs),
    Quotes(cli::quotes::QuotesArgs),
    Evaluate(cli::evaluate::EvaluateArgs),
    Train(cli::train::TrainArgs),
    Compare(cli::compare::CompareArgs),
    OofScores(cli::oof_scores::OofScoresArgs),
    /// Get, inspect or verify the encoder model.
    #[command(subcommand)]
    Model(cli::model::ModelCommand),
    #[command(hide = true)]
    BenchEncoder(cli::bench::BenchEncoderArgs),
    Embed(cli::embed::EmbedArgs),
}

fn main() -> ExitCode {
    // Candle asks for the thread count on every matrix product and, without
    // RAYON_NUM_THREADS, works it out from /proc each time: settle it once.
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        let n = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
    }
    let cli = Cli::parse();
    cli::init_logging(cli.verbose);
    let result = match cli.command {
        Command::Classify(args) => args.run(),
        Command::Quotes(args) => args.run(),
        Command::Evaluate(args) => args.run(),
        Command::Train(args) => args.run(),
        Command::Compare(args) => args.run(),
        Command::OofScores(args) => args.run(),
        Command::Model(command) => command.run(),
        Command::BenchEncoder(args) => args.run(),
        Command::Embed(args) => args.run(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", cli::error_chain(&err));
            ExitCode::from(2)
        }
    }
}
