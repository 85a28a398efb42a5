//! Indirect speech: the clause a reporting verb governs, outside quotation
//! marks (LABELING.md §2, §8).

use super::cues::{is_quote_char, quote_between, skip_adverbials, CueForm, Sentence};
use super::lexicon::*;
use super::sieve::Draft;
use super::{Attribution, QuoteKind};
use crate::text::{words, Span, Word};

/// A verb in the third person singular after its subject ("the mechanism
/// covers", "Beijing wants"): a lower-case `-s` word after a word that
/// cannot end a subject. Looser than [`is_clause`] (a plural noun after an
/// adjective passes too), so only for words an attribution already frames
/// as speech ("…, the ministry said.").
fn has_present_tense_verb(text: &str, ws: &[Word]) -> bool {
    const NOT_BEFORE_VERB: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "and",
        "or",
        "to",
        "with",
        "by",
        "from",
        "at",
        "its",
        "their",
        "his",
        "her",
        "our",
        "these",
        "those",
        "many",
        "some",
        "several",
        "other",
        "such",
        "more",
        "most",
        "all",
        "both",
        "new",
        "two",
        "three",
        "military",
        "bilateral",
    ];
    ws.windows(2).any(|pair| {
        let (prev, w) = (pair[0].text(text).to_lowercase(), pair[1].text(text));
        w.len() > 3
            && !pair[1].is_capitalized(text)
            && w.ends_with('s')
            && !["ss", "us", "is", "’s", "'s", "ics"]
                .iter()
                .any(|e| w.ends_with(e))
            && !NOT_BEFORE_VERB.contains(&prev.as_str())
            && !pair[0].comma_after()
    })
}

/// A clause opening with a short subject and its verb in the third person
/// singular: "Beijing welcomes …", "the council objects …", "the U.S. wants
/// …". Stricter than [`has_present_tense_verb`]: the subject is a name, or
/// "the" and one word or a name, so a noun phrase ("eight countermeasures",
/// "multiple sources") is not a clause.
fn subject_and_present_verb(text: &str, ws: &[Word]) -> bool {
    (1..ws.len().min(4)).any(|j| {
        let verb = ws[j].text(text);
        let lower = verb.to_lowercase();
        let subject = &ws[..j];
        let named = |w: &[Word]| !w.is_empty() && w.iter().all(|x| x.is_capitalized(text));
        let subject_ok = named(subject)
            || (subject[0].text(text).eq_ignore_ascii_case("the")
                && (named(&subject[1..]) || (j == 2 && !subject[1].is_capitalized(text))));
        subject_ok
            && verb.len() > 3
            && !ws[j].is_capitalized(text)
            && lower.ends_with('s')
            && !["ss", "us", "is", "’s", "'s", "ics", "news"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !subject.iter().any(|w| {
                // "explained China’s objections": a possessive opens a noun phrase.
                let t = w.text(text);
                w.comma_after() || t.ends_with("’s") || t.ends_with("'s")
            })
    })
}

pub(super) fn is_clause(text: &str, ws: &[Word]) -> bool {
    ws.iter().take(60).enumerate().any(|(i, w)| {
        let lower = w.text(text).to_lowercase();
        // Contracted auxiliaries: "he’d", "they’re", "won’t", "it’s".
        let contracted = [
            "’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve", "n’t", "n't",
        ]
        .iter()
        .any(|c| lower.ends_with(c))
            || matches!(
                lower.as_str(),
                "he’s"
                    | "he's"
                    | "she’s"
                    | "she's"
                    | "it’s"
                    | "it's"
                    | "that’s"
                    | "that's"
                    | "there’s"
                    | "there's"
            );
        contracted
            || FINITE.contains(&lower.as_str())
            || IRREGULAR_PAST.contains(&lower.as_str())
            || (i > 0 && PLURAL_PRESENT.contains(&lower.as_str()))
            || (lower.len() > 4
                && lower.ends_with("ed")
                && !(i == 0 && w.is_capitalized(text))
                && !matches!(
                    lower.as_str(),
                    "united"
                        | "limited"
                        | "armed"
                        | "advanced"
                        | "based"
                        | "interested"
                        | "concerned"
                        | "sophisticated"
                        | "detailed"
                        | "indeed"
                        | "speed"
                        | "need"
                ))
    })
}

/// Where a clause boundary before `pos` lets an indirect quote end (", and", "; ").
pub(super) fn clause_boundary_before(text: &str, from: usize, pos: usize) -> Option<usize> {
    let region = text.get(from..pos)?;
    // "said A but warned that B": the conjunction right before the next verb.
    let head = region.trim_end();
    for conj in [" and", " but"] {
        if let Some(rest) = head.strip_suffix(conj) {
            return Some(from + rest.len());
        }
    }
    let mut best = None;
    for pat in [
        ", and ",
        " and that ",
        ", but ",
        "; ",
        ", while ",
        ", which ",
        " — ",
        ", as ",
        ", so ",
        ", after ",
        ", before ",
        ", although ",
        ", though ",
        ", even as ",
    ] {
        if let Some(i) = region.rfind(pat) {
            best = Some(best.map_or(i, |b: usize| b.max(i)));
        }
    }
    best.map(|i| from + i)
}

/// Indirect quotes: the clause each cue governs, on either side of it.
pub(super) fn indirect_quotes(
    text: &str,
    sentences: &[Sentence],
    quoted: &[Span],
    is_person: &dyn Fn(usize) -> bool,
) -> Vec<Draft> {
    let mut out = Vec::new();
    for s in sentences {
        let ws = &s.words;
        // (draft, governs from outside: a trailing cue or "according to", its entity is a person)
        let mut found: Vec<(Draft, bool)> = Vec::new();
        for (ci, c) in s.cues.iter().enumerate() {
            // "would not confirm that …" reports no speech.
            let before_verb = ws.partition_point(|w| w.span.end <= c.verb.start);
            let negated = ws[..before_verb]
                .iter()
                .rev()
                .take(2)
                .any(|w| NEGATIONS.contains(&w.text(text).to_lowercase().as_str()));
            if c.complement.quotes_only() || negated {
                continue;
            }
            let sentence_end = sentence_content_end(text, s.span);
            // Verbs with a listener before what was said ("told reporters that",
            // "assured Austin that").
            let telling = text.get(c.verb.start..c.verb.end).is_some_and(|v| {
                let v = v.to_lowercase();
                ["tel", "told", "assur", "inform", "remind", "promis"]
                    .iter()
                    .any(|p| v.starts_with(p))
            });
            let after_cue = skip_adverbials(text, ws, c.end_word, telling);
            // "…, said a U.S. official familiar with the matter, who …": a
            // modifier of the inverted source, up to a comma.
            let modifier_end = (c.form == CueForm::Inverted)
                .then(|| {
                    (after_cue..(after_cue + 6).min(ws.len()))
                        .take_while(|&j| {
                            let w = ws[j].text(text).to_lowercase();
                            !FINITE.contains(&w.as_str()) && reporting_verb(&w).is_none()
                        })
                        .find(|&j| ws[j].comma_after())
                })
                .flatten();
            // "…, the Navy said." and the parenthetical "…, the Navy said, just
            // days after …" (or "…, said a commentator on Thursday, but …").
            let closed_by = modifier_end.map_or(after_cue, |j| j + 1);
            let parenthetical = closed_by >= c.end_word
                && closed_by < ws.len()
                && ws[closed_by - 1].comma_after()
                && c.form != CueForm::AccordingTo;
            // The cue's first word, with a "the" before its subject ("…, the Navy said").
            let lead = if c.first_word > 1
                && ws[c.first_word - 1].text(text).eq_ignore_ascii_case("the")
            {
                c.first_word - 1
            } else {
                c.first_word
            };
            // "…, spokesperson Lina Varga said.": lower-case titles before the name.
            let mut lead = lead;
            while lead > 1
                && !ws[lead - 1].is_capitalized(text)
                && !ws[lead - 1].comma_after()
                && (TITLE_WORDS.contains(&ws[lead - 1].text(text).to_lowercase().as_str())
                    || ws[lead - 1].text(text).eq_ignore_ascii_case("the"))
            {
                lead -= 1;
            }
            let rest = &ws[c.end_word.min(ws.len())..];
            // "…, according to two people familiar with the plan.": a
            // modifier of the source, not a clause, closes the sentence.
            // So does one after an inverted source ("…, said a lawmaker leading
            // a delegation.").
            let source_modifier = matches!(c.form, CueForm::AccordingTo | CueForm::Inverted)
                && !rest.is_empty()
                && rest.iter().all(|w| !w.comma_after())
                && (!is_clause(text, rest)
                    // "…, according to a study which is released on Monday",
                    // "…, according to officials speaking on condition of anonymity".
                    || (c.form == CueForm::AccordingTo && {
                        let first = rest[0].text(text);
                        matches!(first, "which" | "who" | "that")
                            || (!rest[0].is_capitalized(text)
                                && (first.ends_with("ed") || first.ends_with("ing")))
                    }));
            // "The time has come, he said, to repair …", "The silence,
            // analysts say, reflects …": an attribution inside the sentence governs
            // what follows it (an adverbial after it does not: "…, the Navy
            // said, just days after …").
            let before_lead = &ws[..lead.min(ws.len())];
            let mid_sentence = parenthetical
                && c.form == CueForm::Subject
                && lead > 0
                && ws[lead - 1].comma_after()
                && rest.len() >= 3
                && (rest[0].text(text) == "to"
                    || (!is_clause(text, before_lead)
                        && (is_clause(text, rest) || {
                            // The subject's verb right after: "…, experts say, underscores …".
                            let verb = rest[0].text(text);
                            !rest[0].is_capitalized(text)
                                && (verb.ends_with('s') || verb.ends_with("ed"))
                        })))
                && (rest[0].text(text) == "to" || !starts_with_preposition(text, rest))
                // "…, Lind said, adding that …": the reporter's participle, not the clause's verb.
                && !rest[0].text(text).ends_with("ing")
                && !AFTER_ATTRIBUTION_ADVERBIALS
                    .contains(&rest[0].text(text).to_lowercase().as_str());
            // "…, said two officials who spoke on condition of anonymity."
            let relative_after = c.form == CueForm::Inverted
                && ws
                    .get(after_cue)
                    .is_some_and(|w| matches!(w.text(text), "who" | "which"));
            let trailing =
                (after_cue >= ws.len() || parenthetical || source_modifier || relative_after)
                    && !mid_sentence
                    && lead > 0
                    && (ws[lead - 1].comma_after()
                        || quote_between(text, ws[lead - 1].span.end, ws[lead].span.start))
                    && c.form != CueForm::Participle;
            let mut has_that = false;
            let region = if c.form == CueForm::AccordingTo {
                if c.first_word == 0 {
                    // "According to X, <clause>."
                    let start = ws
                        .get(c.end_word)
                        .map(|w| w.span.start)
                        .unwrap_or(sentence_end);
                    Span::new(start, sentence_end)
                } else if trailing {
                    Span::new(s.span.start, ws[lead - 1].span.end)
                } else {
                    // "China, according to sources, is demanding …": the whole sentence.
                    Span::new(s.span.start, sentence_end)
                }
            } else if trailing {
                Span::new(s.span.start, ws[lead - 1].span.end)
            } else if mid_sentence {
                has_that = true;
                Span::new(rest[0].span.start, sentence_end)
            } else {
                let mut start_word = after_cue;
                if ws
                    .get(start_word)
                    .is_some_and(|w| w.text(text).eq_ignore_ascii_case("that"))
                {
                    start_word += 1;
                    has_that = true;
                }
                // Another cue later in the sentence ends this clause ("…, adding that …").
                let end = s.cues[ci + 1..]
                    .iter()
                    .find(|n| {
                        // Only a cue joined by a comma, "and" or "but" starts a new
                        // clause; one inside the complement ("said the navy had
                        // proposed …") does not.
                        n.first_word > start_word
                            && !n.complement.quotes_only()
                            && (ws[n.first_word - 1].comma_after()
                                || matches!(
                                    ws[n.first_word - 1].text(text).to_lowercase().as_str(),
                                    "and" | "but" | "while" | "whereas"
                                ))
                    })
                    .and_then(|n| {
                        clause_boundary_before(
                            text,
                            ws[start_word.min(ws.len() - 1)].span.start,
                            ws[n.first_word].span.start,
                        )
                        .or(Some(ws[n.first_word].span.start))
                    })
                    .unwrap_or(sentence_end);
                // "While the club said A, its manager defended …": a subordinate
                // clause opening the sentence ends at its comma.
                let subordinate = lead > 0
                    && lead <= 2
                    && matches!(
                        ws[0].text(text).to_lowercase().as_str(),
                        "while" | "although" | "though" | "whereas"
                    );
                let end = if subordinate {
                    ws.get(start_word..)
                        .and_then(|rest| rest.iter().find(|w| w.comma_after()))
                        .map_or(end, |w| end.min(w.span.end))
                } else {
                    end
                };
                match ws.get(start_word) {
                    Some(w) => Span::new(w.span.start, end),
                    None => continue,
                }
            };
            // "said the ship had made an “unsafe” maneuver and that B": B is a clause
            // of its own after the fragment (LABELING.md §7.2, §8.2).
            let mut regions = vec![(region, has_that)];
            if !trailing {
                if let Some(b) = that_clause_after_fragment(text, region, quoted) {
                    regions.push((b, true));
                }
            }
            for (region, has_that) in regions {
                let Some(span) = cut_before_quotes(text, region, quoted, !trailing) else {
                    continue;
                };
                let mut span = trim_clause(text, span, trailing);
                let mut inner_words = words(text, span);
                // "sounded the alarm over a rise in near misses": what was said is the object.
                if c.complement == Complement::Phrase
                    && !trailing
                    && inner_words.len() > 2
                    && matches!(
                        inner_words[0].text(text).to_lowercase().as_str(),
                        "over" | "about"
                    )
                {
                    span = Span::new(inner_words[1].span.start, span.end);
                    inner_words.remove(0);
                }
                // "said two officials who spoke on condition of anonymity": a
                // relative clause about the source is not what it said.
                if inner_words
                    .first()
                    .is_some_and(|w| matches!(w.text(text).to_lowercase().as_str(), "who" | "whom"))
                {
                    continue;
                }
                // "When asked whether …, Lind said, “…”": the question's
                // circumstance, not what was said.
                let lower_at = |k: usize| inner_words.get(k).map(|w| w.text(text).to_lowercase());
                let asked = |w: Option<String>| {
                    w.is_some_and(|w| {
                        matches!(w.as_str(), "asked" | "told" | "pressed" | "questioned")
                    })
                };
                if trailing
                    && (asked(lower_at(0))
                        || (lower_at(0).as_deref() == Some("when") && asked(lower_at(1))))
                {
                    continue;
                }
                // "vowed to step up exchanges": a promise's infinitive is what was said.
                let promised = !trailing
                    && inner_words.len() >= 3
                    && inner_words[0].text(text) == "to"
                    && text.get(c.verb.start..c.verb.end).is_some_and(|v| {
                        let v = v.to_lowercase();
                        v.starts_with("vow") || v.starts_with("pledg")
                    });
                // "added another goal when …", "denied a request by …": verbs
                // that often take an object; without "that", their clause's
                // verb comes within a few words ("added the talks were …").
                let object_prone = text.get(c.verb.start..c.verb.end).is_some_and(|v| {
                    let v = v.to_lowercase();
                    ["add", "deni", "deny", "blame", "conclud"]
                        .iter()
                        .any(|p| v.starts_with(p))
                });
                let late_verb = object_prone
                    && !trailing
                    && !mid_sentence
                    && !has_that
                    && !{
                        // ("added the caveat that …": a clause after its noun.)
                        let head = &inner_words[..inner_words.len().min(6)];
                        is_clause(text, head)
                            || has_present_tense_verb(text, head)
                            || head.iter().any(|w| w.text(text) == "that")
                    };
                let valid = match c.complement {
                    Complement::Clause if promised => true,
                    Complement::Clause if late_verb => false,
                    Complement::Clause => {
                        inner_words.len() >= 2
                            && (has_that
                                || is_clause(text, &inner_words)
                                || (trailing && has_present_tense_verb(text, &inner_words))
                                || (!trailing && subject_and_present_verb(text, &inner_words)))
                            && (trailing
                                || mid_sentence
                                || has_that
                                || !starts_with_preposition(text, &inner_words))
                    }
                    Complement::Phrase => inner_words.len() >= 2,
                    Complement::QuoteOnly | Complement::Fragment => false,
                };
                if !valid || span.is_empty() {
                    continue;
                }
                if promised {
                    // The promise ends where another clause begins ("…, but there were reports").
                    let inner = span.text(text);
                    if let Some(cut) = [", but ", ", while ", "; ", ", although "]
                        .iter()
                        .filter_map(|p| inner.find(p))
                        .min()
                    {
                        span = Span::new(span.start, span.start + cut);
                    }
                }
                let attribution = c.attribution(if c.form == CueForm::AccordingTo {
                    Attribution::AccordingTo
                } else {
                    Attribution::ReportingVerb
                });
                let outside = trailing || c.form == CueForm::AccordingTo;
                for part in split_coordinated(text, span) {
                    found.push((
                        Draft {
                            span: part,
                            outer: part,
                            kind: QuoteKind::Indirect,
                            entity: c.entity,
                            cue: Some(c.verb),
                            attribution,
                            confidence: c.confidence(attribution),
                        },
                        outside,
                    ));
                }
            }
        }
        // Nested attribution (LABELING.md §7.7, §8.5): a cue governing from outside
        // gives way to a cue inside its clause; "according to" a person lends that
        // person to an organisation's statement.
        let mut keep = vec![true; found.len()];
        for i in 0..found.len() {
            if !found[i].1 {
                continue;
            }
            let inner: Vec<usize> = (0..found.len())
                .filter(|&j| j != i && !found[j].1 && found[i].0.span.overlaps(found[j].0.span))
                .collect();
            if inner.is_empty() {
                continue;
            }
            keep[i] = false;
            let lender = found[i].0.entity;
            if found[i].0.attribution == Attribution::AccordingTo && lender.is_some_and(is_person) {
                let borrowers: Vec<usize> = inner
                    .into_iter()
                    .filter(|&j| !found[j].0.entity.is_some_and(is_person))
                    .collect();
                for j in borrowers {
                    found[j].0.attribution = Attribution::AccordingTo;
                    found[j].0.entity = lender;
                }
            }
        }
        out.extend(
            found
                .into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|((d, _), _)| d),
        );
    }
    out
}

/// "X said A, and that B": two quotes (LABELING.md §8.2); a trailing
/// "-ing" clause after a comma ("…, pointing to …") is the reporter's (§8.7).
pub(super) fn split_coordinated(text: &str, span: Span) -> Vec<Span> {
    let s = span.text(text);
    let mut end = s.len();
    for p in REPORTER_PARTICIPLES {
        if let Some(i) = s.find(p) {
            end = end.min(i);
        }
    }
    // "…, which U.S. officials regard as …": a relative clause with a subject of
    // its own, closing the span, is the reporter's (LABELING.md §8.13).
    if let Some(i) = s.find(", which ") {
        let next = s[i + ", which ".len()..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let reporter_subject = next.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                next,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "both" | "many" | "some"
            );
        if reporter_subject {
            end = end.min(i);
        }
    }
    // "…, with the ministry blasting …", "…, like the spy balloon …": a new
    // subject or an example closes the span.
    for joint in [", with ", ", like "] {
        if let Some(i) = s[..end].find(joint) {
            let next = s[i + joint.len()..].split_whitespace().next().unwrap_or("");
            if next.chars().next().is_some_and(char::is_uppercase)
                || matches!(next, "the" | "a" | "an" | "its" | "their")
            {
                end = end.min(i);
            }
        }
    }
    for article in [", a ", ", an "] {
        if let Some(i) = s[..end].find(article) {
            let noun = s[i + article.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            if SPEECH_NOUNS.contains(&noun) {
                end = end.min(i);
            }
        }
    }
    let s = &s[..end];
    for sep in [", and that ", " and that ", ", but that ", " but that "] {
        if let Some(i) = s.find(sep) {
            let first = Span::new(span.start, span.start + i);
            let second = Span::new(span.start + i + sep.len(), span.start + s.len());
            // "…, but that is questionable": a demonstrative, the reporter's comment.
            let next = second.text(text).split_whitespace().next().unwrap_or("");
            if sep.contains("but") && FINITE.contains(&next) {
                return vec![first];
            }
            return vec![first, second]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    vec![Span::new(span.start, span.start + s.len())]
}

pub(super) fn starts_with_preposition(text: &str, ws: &[Word]) -> bool {
    ws.first().is_some_and(|w| {
        matches!(
            w.text(text).to_lowercase().as_str(),
            "about"
                | "of"
                | "to"
                | "with"
                | "on"
                | "against"
                | "for"
                | "from"
                | "at"
                | "by"
                | "into"
                | "over"
        )
    })
}

/// The sentence without its final full stop (and any closing mark after it).
pub(super) fn sentence_content_end(text: &str, s: Span) -> usize {
    let t = s.text(text);
    let trimmed =
        t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…'));
    s.start + trimmed.len()
}

/// An indirect region that runs into a quotation ends at the last clause
/// boundary before it (LABELING.md §7.2); without one there is no indirect quote.
/// The clause after the last " and that " that follows the first quotation in
/// `region`, when no quotation overlaps it.
pub(super) fn that_clause_after_fragment(
    text: &str,
    region: Span,
    quoted: &[Span],
) -> Option<Span> {
    let q = quoted[first_overlapping(quoted, region)?];
    let after = text.get(q.end..region.end)?;
    let sep = " and that ";
    let i = after.rfind(sep)?;
    let b = Span::new(q.end + i + sep.len(), region.end);
    first_overlapping(quoted, b).is_none().then_some(b)
}

/// The part of `region` before its first quoted span. `adjunct`: whether the
/// clause before an adjunct fragment may stand alone; not under a trailing
/// cue, whose words before the marks are the reporter's frame for them
/// ("… sought agreement on “…,” Roy said").
pub(super) fn cut_before_quotes(
    text: &str,
    region: Span,
    quoted: &[Span],
    adjunct: bool,
) -> Option<Span> {
    let first = first_overlapping(quoted, region).map(|i| quoted[i].start);
    match first {
        None => Some(region),
        Some(q) if q <= region.start => None,
        Some(q) => clause_boundary_before(text, region.start, q)
            .map(|end| Span::new(region.start, end))
            .or_else(|| {
                adjunct
                    .then(|| adjunct_fragment_cut(text, region.start, q))
                    .flatten()
            }),
    }
}

/// "said the fleets will restart visits “on the basis of trust”", "said the
/// rules would settle disputes over “near misses”": a fragment that is only an
/// adjunct (a preposition opens or precedes it) after a long clause of the
/// paraphrase's own leaves that clause as an indirect quote (LABELING.md §8.2).
fn adjunct_fragment_cut(text: &str, start: usize, quote: usize) -> Option<Span> {
    const PREPOSITIONS: &[&str] = &[
        "on", "over", "about", "with", "in", "for", "of", "at", "by", "from", "under", "without",
    ];
    let before = Span::new(start, quote);
    let ws = words(text, before);
    let after = text.get(quote..)?.trim_start_matches(is_quote_char);
    let first_inside = after.split_whitespace().next().unwrap_or("");
    let lower = |i: usize| ws[i].text(text).to_lowercase();
    // "disputes over “near misses”", but not "are of “…”" or "on the basis of “…”",
    // where the clause needs the fragment.
    let preposition_before = ws.len() >= 2
        && PREPOSITIONS.contains(&lower(ws.len() - 1).as_str())
        && !matches!(
            lower(ws.len() - 2).as_str(),
            "basis" | "part" | "one" | "of" | "is" | "are" | "was" | "were" | "be"
        );
    let adjunct =
        preposition_before || PREPOSITIONS.contains(&first_inside.to_lowercase().as_str());
    (adjunct && ws.len() >= 8 && is_clause(text, &ws)).then(|| before.trim_chars(text, &[' ', ',']))
}

/// Edges of an indirect span: no leading conjunction, no trailing punctuation.
pub(super) fn trim_clause(text: &str, span: Span, strip_conjunction: bool) -> Span {
    let mut span = span.trim_chars(text, &[',', ';', ':', '—', '–']);
    // A dateline ("TOKYO (Wire) — ") is not part of what was said.
    if let Some(i) = span.text(text).find(" — ") {
        let head = &span.text(text)[..i];
        if head.len() < 60
            && head
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
        {
            span = Span::new(span.start + i + " — ".len(), span.end);
        }
    }
    if strip_conjunction {
        let s = span.text(text);
        for conj in [
            "But ",
            "And ",
            "So ",
            "Yet ",
            "Or ",
            "However, ",
            "Still, ",
            "Instead, ",
        ] {
            if let Some(rest) = s.strip_prefix(conj) {
                span = Span::new(span.end - rest.len(), span.end);
                break;
            }
        }
    }
    let s = span.text(text);
    let trimmed =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    Span::new(span.start, span.start + trimmed.len())
}

/// Index of the first span of `sorted` (in order, not overlapping) that overlaps `span`.
pub(super) fn first_overlapping(sorted: &[Span], span: Span) -> Option<usize> {
    let i = sorted.partition_point(|q| q.end <= span.start);
    sorted.get(i).filter(|q| q.overlaps(span)).map(|_| i)
}
