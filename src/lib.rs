//! quotestance: find the quotes in news articles, attribute their speakers,
//! and classify each speaker's stance toward a target.
//!
//! The pipeline, one module a stage:
//! ingest ([`article`]) → segment ([`text`]) → extract and attribute
//! ([`quotes`]) → encode ([`model`]) → classify and aggregate ([`stance`]) →
//! report ([`output`], [`eval`]).
//!
//! The shortest way in is [`Pipeline`]:
//!
//! ```no_run
//! # fn main() -> Result<(), quotestance::Error> {
//! let pipeline = quotestance::Pipeline::builder().heads_root("models/heads").build()?;
//! let result = pipeline.classify_text("“We will talk,” said Ana Polk, a fictional envoy.")?;
//! println!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod article;
pub mod error;
pub mod eval;
pub mod fsutil;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod stance;
pub mod text;
pub mod train;

pub use error::Error;
pub use pipeline::{Pipeline, PipelineBuilder};
