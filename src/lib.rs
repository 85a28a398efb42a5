//! quotestance: find the quotes in news articles, attribute their speakers,
//! and classify each speaker's stance toward a target.
//!
//! The pipeline, one module a stage:
//! ingest ([`article`]) → segment ([`text`]) → extract and attribute
//! ([`quotes`]) → encode ([`model`]) → classify → aggregate → report.

pub mod article;
pub mod eval;
pub mod model;
pub mod output;
pub mod quotes;
pub mod stance;
pub mod text;
