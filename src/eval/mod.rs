//! Scoring against the hand-labelled gold set: the gold format, span
//! matching, and metrics.

pub mod baseline;
pub mod command;
pub mod compare;
pub mod external;
pub mod extraction;
pub mod gold;
pub mod metrics;
pub mod render;
pub mod report;
pub mod stance;

pub use extraction::{score_extraction, ExtractionScores};
pub use gold::{load_gold_dir, GoldArticle, GoldQuote, GoldSpeaker, Split};
