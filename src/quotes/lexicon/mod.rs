//! Every word list the extractor relies on (reporting verbs, titles, role
//! nouns, organisations, the words around quotes), and the lookups over them.
//! Lower case throughout.

mod names;
mod verbs;
mod words;

use serde::{Deserialize, Serialize};

pub use names::*;
pub use verbs::*;
pub use words::*;

/// A person's gender, as an honorific, a gendered role noun or a pronoun shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Male (Mr., spokesman, he).
    Male,
    /// Female (Ms., spokeswoman, she).
    Female,
}

/// A reporting verb: its forms and what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// Takes a reported clause (say, warn, insist …).
    Clause,
    /// Takes a noun phrase as what was said (call for, push for, urge …).
    Phrase,
    /// Only introduces a quotation or a fragment (describe … as).
    QuoteOnly,
    /// A verb of expression (bemoan, cite, promise): makes a quoted fragment
    /// its subject's words only where no reporting verb does.
    Fragment,
}

impl Complement {
    /// Introduces quotations only, never reported speech without marks.
    pub fn quotes_only(self) -> bool {
        matches!(self, Complement::QuoteOnly | Complement::Fragment)
    }
}

/// Looks a word up as a reporting verb; returns the particle it needs and its
/// complement. A verb that reports speech only with a noun ("made the case",
/// "sounded the alarm") is no reporting verb alone.
pub fn reporting_verb(word: &str) -> Option<(&'static str, Complement)> {
    let lower = word.to_lowercase();
    REPORTING_VERBS
        .iter()
        .filter(|(_, particle, _)| !NOUN_PARTICLES.contains(particle))
        .find(|(forms, _, _)| forms.contains(&lower.as_str()))
        .map(|(_, particle, complement)| (*particle, *complement))
}

/// All particles a verb form can take (call → for / "").
pub fn reporting_verb_variants(word: &str) -> Vec<(&'static str, Complement)> {
    let lower = word.to_lowercase();
    REPORTING_VERBS
        .iter()
        .filter(|(forms, _, _)| forms.contains(&lower.as_str()))
        .map(|(_, particle, complement)| (*particle, *complement))
        .collect()
}

/// Role nouns that carry a gender.
pub fn role_gender(noun: &str) -> Option<Gender> {
    use Gender;
    match noun {
        "spokesman" | "chairman" | "congressman" => Some(Gender::Male),
        "spokeswoman" | "chairwoman" | "congresswoman" => Some(Gender::Female),
        _ => None,
    }
}
