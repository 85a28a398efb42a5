//! The library's one error type. Messages state what went wrong and where;
//! what to do about it (which command or option) is the caller's to add.

use std::path::PathBuf;

pub use crate::article::IngestError;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A named encoder is in none of the places searched.
    #[error("model `{model}` not found; searched: {}", .searched.join("; "))]
    ModelNotFound {
        /// The encoder's short name.
        model: &'static str,
        /// Every place looked in, in order.
        searched: Vec<String>,
    },
    /// An explicit model directory is not a directory.
    #[error("{} is not a directory", .dir.display())]
    NotADirectory {
        /// The path given.
        dir: PathBuf,
    },
    /// A model file is absent.
    #[error("model file {} is missing", .path.display())]
    MissingFile {
        /// The file expected.
        path: PathBuf,
    },
    /// A pinned model file has the wrong size.
    #[error("model file {} has {actual} bytes, expected {expected} (truncated or wrong file)", .path.display())]
    WrongSize {
        /// The file.
        path: PathBuf,
        /// Its pinned size.
        expected: u64,
        /// Its size on disk.
        actual: u64,
    },
    /// A pinned file's sha256 differs from its pin.
    #[error("model file {} has sha256 {actual}, expected {expected}", .path.display())]
    Checksum {
        /// The file.
        path: PathBuf,
        /// The pinned sha256.
        expected: String,
        /// The sha256 on disk.
        actual: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Downloading a model failed.
    #[error("fetching the model failed: {0}")]
    Fetch(String),
    /// A model file could not be parsed or loaded.
    #[error("cannot load {}: {message}", .path.display())]
    Load {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The device asked for is unknown or not compiled in.
    #[error("device: {0}")]
    Device(String),
    /// Tokenizing or encoding failed.
    #[error("encoder: {0}")]
    Encode(String),
    /// A tensor operation failed in Candle.
    #[error("encoder: {0}")]
    Candle(#[from] candle_core::Error),
    /// A task file cannot be read.
    #[error("{}: cannot read the task file: {source}", .path.display())]
    TaskRead {
        /// The task file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A task file is not valid TOML for a task.
    #[error("{}: not a valid task file: {message}", .path.display())]
    TaskParse {
        /// The task file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A task's contents are inconsistent.
    #[error("task `{task}`: {message}")]
    TaskInvalid {
        /// The task's name.
        task: String,
        /// Why.
        message: String,
    },
    /// A heads directory has no readable card.
    #[error("{}: cannot read the head card ({message})", .path.display())]
    CardRead {
        /// The card file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// Heads trained for another encoder than the one loaded.
    #[error("{}: these heads were trained for encoder {expected} ({expected_dim}-d); the loaded encoder {found}", .path.display())]
    HeadsForOtherEncoder {
        /// The card file.
        path: PathBuf,
        /// The encoder the heads were trained on.
        expected: String,
        /// Its embedding size.
        expected_dim: usize,
        /// The encoder loaded instead.
        found: String,
    },
    /// A head file is missing or malformed.
    #[error("{}: {message}", .path.display())]
    HeadLoad {
        /// The head file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// No trained heads exist for this encoder and task.
    #[error("no trained heads for encoder `{encoder}` and task `{task}`; train them or choose another encoder")]
    NoHeads {
        /// The encoder's name.
        encoder: String,
        /// The task's name.
        task: String,
    },
    /// A gold file is malformed.
    #[error("{}: {message}", .path.display())]
    GoldFile {
        /// The gold file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// A gold quote is malformed.
    #[error("{}: quote {index}: {message}", .path.display())]
    GoldQuote {
        /// The gold file.
        path: PathBuf,
        /// The quote's index in the file.
        index: usize,
        /// Why.
        message: String,
    },
    /// A gold speaker row is malformed.
    #[error("{}: speaker {index}: {message}", .path.display())]
    GoldSpeaker {
        /// The gold file.
        path: PathBuf,
        /// The speaker's index in the file.
        index: usize,
        /// Why.
        message: String,
    },
    /// A line of training data is malformed.
    #[error("{}:{line}: {message}", .path.display())]
    TrainData {
        /// The data file.
        path: PathBuf,
        /// The line (1-based).
        line: usize,
        /// Why.
        message: String,
    },
    /// An extractor run as a command (`evaluate --external`) failed or
    /// answered out of protocol.
    #[error("extractor `{command}`: {message}")]
    ExternalExtractor {
        /// The command line.
        command: String,
        /// What went wrong.
        message: String,
    },
    /// Training cannot proceed with these data or settings.
    #[error("{0}")]
    Invalid(String),
    /// An input article could not be read.
    #[error(transparent)]
    Ingest(#[from] IngestError),
}
