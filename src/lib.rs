//! quotestance: find the quotes in news articles, attribute their speakers,
//! and classify each speaker's stance toward a target.
//!
//! The pipeline, one module a stage:
//! ingest ([`article`]) → segment ([`text`]) → extract and attribute
//! ([`quotes`]) → encode ([`model`]) → classify and aggregate ([`stance`]) →
//! report ([`output`], [`eval`]).
//!
//! ```no_run
//! use quotestance::{article, model, stance};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let files = model::source::locate(&model::ModelQuery::standard(None, true))?;
//! let encoder = model::Encoder::load(&files, &candle_core::Device::Cpu, Default::default())?;
//! let dir = stance::default_heads_dir("us-china-mil-talks").ok_or("run make train")?;
//! let classifier = stance::Classifier::with_heads(encoder, &dir, None)?;
//! let inputs = article::read_inputs(&["seeds".into()], Default::default());
//! let articles: Vec<_> = inputs.into_iter().filter_map(Result::ok).collect();
//! for result in classifier.classify(&articles.iter().collect::<Vec<_>>())? {
//!     for s in &result.speakers {
//!         println!("{}: {}", s.name, s.stance);
//!     }
//! }
//! # Ok(()) }
//! ```

pub mod article;
pub mod eval;
pub mod fsutil;
pub mod model;
pub mod output;
pub mod quotes;
pub mod stance;
pub mod text;
