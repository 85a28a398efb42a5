//! Back-references: pronouns and descriptions ("he", "the ministry", "the
//! statement") resolved to the entities read so far.

use super::lexicon::*;
use super::mentions::{determiner_and_head, Entities, Mention, SpeakerKind};

/// How far back pronouns and back-references look for their antecedent.
pub(super) const SALIENCE_WINDOW: usize = 200;

/// "the statement", "the ministry": a short description that points back to
/// an organisation already named; returns its head noun.
pub(super) fn refers_back<'a>(text: &'a str, m: &Mention) -> Option<&'a str> {
    let t = m.span.text(text);
    let mut words = t.split_whitespace();
    let first = words.next()?.to_lowercase();
    let head = t.split_whitespace().next_back()?;
    let head_lower = head.to_lowercase();
    let document = DOCUMENT_NOUNS.contains(&head_lower.as_str());
    let org_noun = ANAPHORIC_ORG_NOUNS.contains(&head_lower.as_str())
        && first == "the"
        && t.split_whitespace().count() <= 2;
    // "The experts said" after "several military experts said"; "the
    // source said" after "the former official said".
    let same_group = first == "the"
        && t.split_whitespace().count() == 2
        && matches!(
            head_lower.as_str(),
            "experts" | "analysts" | "officials" | "sources" | "diplomats" | "observers" | "source"
        );
    (document
        && matches!(
            first.as_str(),
            "the" | "a" | "its" | "their" | "his" | "her"
        )
        || org_noun
        || same_group)
        .then_some(head)
}

/// Plural heads of a group of people.
const PEOPLE_NOUNS: &[&str] = &[
    "experts",
    "analysts",
    "officials",
    "sources",
    "diplomats",
    "observers",
    "scholars",
    "researchers",
    "people",
];

/// The most recent salient organisation (or group) a back-reference can mean.
pub(super) fn resolve_reference(
    entities: &Entities,
    salient: &[usize],
    noun: &str,
) -> Option<usize> {
    let noun = noun.to_lowercase();
    let is_doc = DOCUMENT_NOUNS.contains(&noun.as_str());
    let candidates = salient
        .iter()
        .rev()
        .take(SALIENCE_WINDOW)
        .copied()
        .filter(|&e| {
            let ent = &entities.list[e];
            !DOCUMENT_NOUNS
                .iter()
                .any(|d| ent.name.to_lowercase().ends_with(d))
        });
    if is_doc {
        // The issuer: the latest organisation or group that spoke, was the
        // subject or issued a document ("a Harbour Times report"); a group of
        // people only when there is no other (experts quote articles, they
        // seldom issue them).
        let candidates: Vec<usize> = candidates
            .filter(|&e| entities.list[e].kind != SpeakerKind::Person)
            .collect();
        let people = |e: usize| {
            let name = entities.list[e].name.to_lowercase();
            PEOPLE_NOUNS.iter().any(|n| name.ends_with(n))
        };
        return candidates
            .iter()
            .copied()
            .find(|&e| !people(e))
            .or_else(|| candidates.first().copied());
    }
    if noun == "source" {
        // "one source … the source": that source; else the latest one
        // person, named or described ("the former official said … the
        // source said").
        let recent = || salient.iter().rev().take(SALIENCE_WINDOW).copied();
        return recent()
            .find(|&e| {
                let name = entities.list[e].name.to_lowercase();
                singular_description(&name) && name.ends_with("source")
            })
            .or_else(|| {
                recent().find(|&e| {
                    let ent = &entities.list[e];
                    ent.kind == SpeakerKind::Person || singular_description(&ent.name)
                })
            });
    }
    let by_name = salient
        .iter()
        .rev()
        .take(SALIENCE_WINDOW)
        .copied()
        .find(|&e| {
            let ent = &entities.list[e];
            ent.kind != SpeakerKind::Person && ent.name.to_lowercase().contains(&noun)
        });
    by_name.or_else(|| {
        entities.list.iter().rposition(|e| {
            e.kind == SpeakerKind::Organization && e.name.to_lowercase().contains(&noun)
        })
    })
}

pub(super) fn resolve_pronoun(
    entities: &Entities,
    salient: &[usize],
    gender: Option<Gender>,
    plural: bool,
) -> Option<usize> {
    // Antecedents are recent: look back a bounded distance (keeps long texts linear).
    salient
        .iter()
        .rev()
        .take(SALIENCE_WINDOW)
        .copied()
        .find(|&e| {
            let ent = &entities.list[e];
            if plural {
                ent.kind != SpeakerKind::Person
            } else {
                // "One former official said … “…,” he said": a singular
                // description is a person too.
                (ent.kind == SpeakerKind::Person || singular_description(&ent.name))
                    && (ent.gender.is_none() || ent.gender == gender)
            }
        })
}

/// "a senior official", "One former U.S. defense official": one person
/// described, not named.
fn singular_description(name: &str) -> bool {
    determiner_and_head(name).is_some_and(|(first, head)| {
        matches!(first.as_str(), "a" | "an" | "one" | "another")
            && (super::lexicon::is_role_noun(&head) || head == "source")
    })
}
