//! Text geometry: byte spans into the original article, paragraphs,
//! abbreviation-aware sentences, and word tokens.

mod segment;
mod span;
mod words;

pub use segment::{is_abbreviation, is_boilerplate, paragraphs, sentences, Segments};
pub use span::Span;
pub use words::{words, Word};
