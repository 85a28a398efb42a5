//! Mentions of speakers in a sentence (names, organisations, groups,
//! pronouns, role nouns) and the entities they cluster into.

use serde::{Deserialize, Serialize};

use super::lexicon::*;
use crate::text::{Span, Word};

/// What kind of speaker an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, or a government named by its country or capital.
    Organization,
    /// An anonymous or collective source ("analysts", "a U.S. official").
    Group,
}

/// What kind of expression a mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A personal name, possibly a surname after a title.
    Name,
    /// An organisation or a government by metonymy.
    Org,
    /// A description of an anonymous or collective source.
    Group,
    /// he / she / they.
    Pronoun {
        /// The pronoun's gender (`None` for they).
        gender: Option<Gender>,
        /// True for they.
        plural: bool,
    },
    /// "the admiral", "the spokeswoman".
    RoleNoun(&'static str),
}

/// One mention in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The mention's words in the article text (titles included).
    pub span: Span,
    /// Name, organisation, group, pronoun or role noun.
    pub kind: MentionKind,
    /// Index of the first and one past the last word in the sentence's words.
    pub words: (usize, usize),
    /// One past the last word read with the mention: past `words.1` when a
    /// place of affiliation or a parenthesised tag follows a name.
    pub reach: usize,
    /// The entity, once resolved.
    pub entity: Option<usize>,
    /// An appositive right after the mention (", a former negotiator,").
    pub appositive: Option<Span>,
}

impl Mention {
    /// A mention of `words[start..end]`, read no further and not yet resolved.
    fn over(words: &[Word], kind: MentionKind, start: usize, end: usize) -> Mention {
        Mention {
            span: Span::new(words[start].span.start, words[end - 1].span.end),
            kind,
            words: (start, end),
            reach: end,
            entity: None,
            appositive: None,
        }
    }
}

/// A speaker: every mention of one person, organisation or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name: a person's fullest name without titles, an organisation, a group.
    pub name: String,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
    /// Role or title as the article gives it (an appositive or the titles before the name).
    pub role: Option<String>,
    /// Gender, when an honorific, a gendered title or a pronoun gives it.
    pub gender: Option<Gender>,
    /// Title words seen with the name, lower case without dots.
    pub titles: Vec<String>,
    /// Name tokens (persons), for surname matching.
    pub name_tokens: Vec<String>,
    /// Every mention linked to the entity so far, in the order they were linked.
    pub mentions: Vec<Span>,
}

/// A description's first word and head noun, lower case ("A senior U.S.
/// official" → `("a", "official")`).
pub fn determiner_and_head(desc: &str) -> Option<(String, String)> {
    let lower = desc.to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next()?.to_string();
    let head = words
        .next_back()
        .map_or_else(|| first.clone(), str::to_string);
    Some((first, head))
}

/// "#LindSays": a word right after '#' is a hashtag, which names nobody.
fn is_hashtag(text: &str, word: &Word) -> bool {
    text[..word.span.start].ends_with('#')
}

fn norm(word: &str) -> String {
    let w = word.trim_end_matches("’s").trim_end_matches("'s");
    w.to_lowercase().trim_end_matches('.').to_string()
}

fn is_title(word: &str) -> bool {
    let n = norm(word);
    let one = |n: &str| {
        TITLE_WORDS.contains(&n) || HONORIFICS_MALE.contains(&n) || HONORIFICS_FEMALE.contains(&n)
    };
    // Hyphenated ranks: "Lt-Col", "Lieutenant-Colonel", "Vice-Admiral".
    one(&n) || (n.contains('-') && n.split('-').all(|part| !part.is_empty() && one(part)))
}

fn honorific_gender(word: &str) -> Option<Gender> {
    let n = norm(word);
    if HONORIFICS_MALE.contains(&n.as_str()) {
        Some(Gender::Male)
    } else if HONORIFICS_FEMALE.contains(&n.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A word whose final dot is part of it (a title, an initial, U.S.).
fn is_abbreviation(word: &str) -> bool {
    let n = norm(word);
    is_title(word)
        || n.contains('.')
        || word.chars().count() == 1
        || crate::text::is_abbreviation(word)
}

fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(&norm(word).as_str())
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

/// Finds the mentions among `words` (one sentence's words).
pub fn find_mentions(text: &str, words: &[Word]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].text(text);
        let lower = w.to_lowercase();
        // Pronouns.
        let pronoun = match lower.as_str() {
            "he" => Some((Some(Gender::Male), false)),
            "she" => Some((Some(Gender::Female), false)),
            "they" => Some((None, true)),
            // "It said …": an organisation or a report, never a person.
            "it" if words
                .get(i + 1)
                .is_some_and(|next| reporting_verb(next.text(text)).is_some()) =>
            {
                Some((None, true))
            }
            _ => None,
        };
        if let Some((gender, plural)) = pronoun {
            out.push(Mention::over(
                words,
                MentionKind::Pronoun { gender, plural },
                i,
                i + 1,
            ));
            i += 1;
            continue;
        }
        // Group descriptions and role nouns, found at their head noun.
        let head = norm(w);
        let is_group_head = GROUP_NOUNS.contains(&head.as_str());
        let role_head = ROLE_NOUNS.iter().find(|(n, _)| *n == head).map(|(n, _)| *n);
        // Group heads are lower case, except at the start of a sentence ("Analysts said").
        let sentence_initial_group = i == 0 && is_group_head && role_head.is_none();
        if (is_group_head || role_head.is_some())
            && (!words[i].is_capitalized(text) || sentence_initial_group)
        {
            // "A Harbour rowing coach": the longer reading of a source's description.
            let start = group_start(text, words, i);
            // ("plans that engineers say": "that" opens a clause, not a description.)
            let start = described_subject_start(text, words, i)
                .filter(|&d| !words[d].text(text).eq_ignore_ascii_case("that"))
                .map_or(start, |d| d.min(start));
            // A role noun directly before a capitalised name is that name's title.
            let before_name =
                words.get(i + 1).is_some_and(|n| n.is_capitalized(text)) && !words[i].comma_after();
            if !before_name {
                let first = words[start].text(text).to_lowercase();
                let kind = match role_head {
                    Some(noun) if first == "the" => MentionKind::RoleNoun(noun),
                    _ if is_group_head => MentionKind::Group,
                    Some(noun) => MentionKind::RoleNoun(noun),
                    None => MentionKind::Group,
                };
                // "a Navy statement", "A Harbour Board readout": a document speaks
                // for the organisation that issued it.
                let issuer = DOCUMENT_NOUNS
                    .contains(&head.as_str())
                    .then(|| {
                        let first = (start..i).find(|&j| {
                            words[j].is_capitalized(text)
                                && !SENTENCE_STARTERS
                                    .contains(&words[j].text(text).to_lowercase().as_str())
                        })?;
                        (first..i)
                            .all(|j| words[j].is_capitalized(text))
                            .then_some(first)
                    })
                    .flatten();
                if let Some(first) = issuer {
                    out.retain(|m: &Mention| m.words.1 <= first);
                    out.push(Mention {
                        reach: i + 1,
                        ..Mention::over(words, MentionKind::Org, first, i)
                    });
                    i += 1;
                    continue;
                }
                // "officials familiar with the talks": the source's description.
                let last = group_postmodifier(text, words, i + 1).unwrap_or(i);
                // Drop any mention this one swallows (a capitalised modifier).
                let mut mention = Mention {
                    appositive: appositive_after(text, words, last + 1),
                    ..Mention::over(words, kind, start, last + 1)
                };
                if let Some(p) = participle_postmodifier(text, words, last + 1) {
                    mention.reach = p + 1;
                }
                out.retain(|m: &Mention| !mention.span.contains(m.span));
                out.push(mention);
                i = last + 1;
                continue;
            }
        }
        if let Some(start) = described_subject_start(text, words, i) {
            let mention = Mention::over(words, MentionKind::Group, start, i + 1);
            out.retain(|m: &Mention| !mention.span.contains(m.span));
            out.push(mention);
            i += 1;
            continue;
        }
        if words[i].is_capitalized(text) && is_hashtag(text, &words[i]) {
            i += 1;
            continue;
        }
        if words[i].is_capitalized(text) {
            let (mut end, mention) = capitalized_run(text, words, i);
            if let Some(mut m) = mention {
                // "Rep. Carl Fenner (R-ND) said": a party and state tag in
                // parentheses after a name is not a mention of its own.
                if m.kind == MentionKind::Name && words[m.words.1 - 1].next == Some('(') {
                    if let Some(close) = (m.words.1..(m.words.1 + 4).min(words.len()))
                        .find(|&j| words[j].next == Some(')'))
                    {
                        end = end.max(close + 1);
                    }
                }
                // The appositive follows what the run read (a place of
                // affiliation, a tag), not the name's last word.
                m.reach = end.max(m.words.1);
                m.appositive = appositive_after(text, words, m.reach);
                out.push(m);
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    // "According to Harbour Statistics, the rate is …": what follows the
    // opening source's comma is the reported clause, not its description.
    let according_to = words.len() > 2
        && words[0].text(text).eq_ignore_ascii_case("according")
        && words[1].text(text) == "to";
    if let Some(comma) = words
        .iter()
        .position(|w| w.comma_after())
        .filter(|_| according_to)
    {
        for m in out.iter_mut().filter(|m| m.reach <= comma + 1) {
            m.appositive = None;
        }
    }
    out
}

/// "The player says", "another resident told", "Pell’s staff later said": a
/// noun phrase opened by a determiner right before a reporting verb speaks,
/// whatever its noun; so does one after "according to" up to a comma or the
/// sentence's end. Returns where the phrase starts, if `head` ends one.
fn described_subject_start(text: &str, words: &[Word], head: usize) -> Option<usize> {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "another", "one", "this", "that", "these", "those", "some", "many",
        "several", "each", "every",
    ];
    let w = &words[head];
    let lower = w.text(text).to_lowercase();
    let noun_like = |x: &Word, l: &str| {
        !x.is_capitalized(text)
            && l.len() > 2
            && l.chars().all(|c| c.is_alphabetic() || c == '-')
            && !l.ends_with("ly")
            && !FINITE.contains(&l)
            && !AUXILIARIES.contains(&l)
            && !TITLE_STOP_WORDS.contains(&l)
            && reporting_verb(l).is_none()
    };
    if !noun_like(w, &lower) {
        return None;
    }
    // The verb, after at most two adverbs ("later", "repeatedly").
    let mut v = head + 1;
    while v < words.len() && v <= head + 2 {
        let l = words[v].text(text).to_lowercase();
        if TRAILING_ADVERBS.contains(&l.as_str()) || (l.len() > 4 && l.ends_with("ly")) {
            v += 1;
        } else {
            break;
        }
    }
    // Only verbs that are never plural nouns ("budget claims", "the newest
    // reports") and always report speech ("the two sides agreed to" does not).
    let verb_follows = !w.comma_after()
        && words
            .get(v)
            .is_some_and(|verb| DESCRIBED_SUBJECT_VERBS.contains(&verb.text(text)));
    // "…, according to the city." / "according to a study, …": the phrase
    // after "according to" ends at a comma or the sentence's end.
    let phrase_ends = w.comma_after() || w.next.is_none_or(|c| matches!(c, '.' | ';'));
    if !verb_follows && !phrase_ends {
        return None;
    }
    // Back over modifiers to the determiner (or an owner: "Pell’s staff").
    for start in (head.saturating_sub(4)..head).rev() {
        let x = &words[start];
        if x.comma_after() {
            return None;
        }
        let l = x.text(text).to_lowercase();
        let owner = x.is_capitalized(text) && (l.ends_with("’s") || l.ends_with("'s"));
        if !verb_follows {
            let according_to = start >= 2
                && words[start - 2]
                    .text(text)
                    .eq_ignore_ascii_case("according")
                && words[start - 1].text(text) == "to";
            if according_to && DETERMINERS.contains(&l.as_str()) {
                return Some(start);
            }
            if !noun_like(x, &l) {
                return None;
            }
            continue;
        }
        if DETERMINERS.contains(&l.as_str()) || owner {
            // "who briefed reporters after the meeting said": the object of a
            // preposition is not the subject.
            let object = start > 0 && {
                let before = words[start - 1].text(text).to_lowercase();
                super::cues::is_preposition(&before)
                    || matches!(
                        before.as_str(),
                        "after" | "before" | "during" | "about" | "over" | "into" | "against"
                    )
            };
            return (!object).then_some(start);
        }
        // "A Harbour rowing coach says": a place or organisation may modify a
        // new source's noun ("the Harbour coach" points back to a named one).
        let indefinite = words[head.saturating_sub(4)..start]
            .iter()
            .any(|d| matches!(d.text(text).to_lowercase().as_str(), "a" | "an" | "another"));
        let proper_modifier = indefinite
            && x.is_capitalized(text)
            && l.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.');
        if !noun_like(x, &l) && !proper_modifier {
            return None;
        }
    }
    None
}

/// Where a group description that ends at `head` starts.
fn group_start(text: &str, words: &[Word], head: usize) -> usize {
    let mut start = head;
    while start > 0 && head - start < 6 {
        let prev = &words[start - 1];
        if prev.comma_after() {
            break;
        }
        let p = prev.text(text);
        let lower = p.to_lowercase();
        // "officials and experts say": two groups joined speak as one.
        if matches!(lower.as_str(), "and" | "or")
            && start >= 2
            && GROUP_NOUNS.contains(&words[start - 2].text(text).to_lowercase().as_str())
            && !words[start - 2].comma_after()
        {
            start -= 2;
            continue;
        }
        // "the nation’s top navy official": an owner in lower case too.
        let owner = lower.ends_with("’s") || lower.ends_with("'s");
        let ok = GROUP_MODIFIERS.contains(&lower.as_str())
            || (prev.is_capitalized(text) && !SENTENCE_STARTERS.contains(&lower.as_str()))
            || lower == "u.s"
            || owner;
        if !ok {
            break;
        }
        start -= 1;
    }
    start
}

/// Where "with (the) Organisation" after a name ends, when a reporting verb
/// follows it ("… with the Harbour Board says").
fn affiliation_with(text: &str, words: &[Word], at: usize) -> Option<usize> {
    if words.get(at)?.text(text) != "with" || words[at - 1].comma_after() {
        return None;
    }
    let mut j = at + 1;
    if words.get(j)?.text(text) == "the" {
        j += 1;
    }
    let first = j;
    while words
        .get(j)
        .is_some_and(|w| w.is_capitalized(text) || (j > first && w.text(text) == "of"))
    {
        if words[j].comma_after() {
            return None;
        }
        j += 1;
    }
    let org = words[first..j].iter().any(|w| is_org_word(w.text(text)));
    (j > first && org && reporting_verb(words.get(j)?.text(text)).is_some()).then_some(j)
}

/// A run of capitalised words from `i`: returns where it ends and the mention it makes.
fn capitalized_run(text: &str, words: &[Word], i: usize) -> (usize, Option<Mention>) {
    let (end, mention) = capitalized_run_alone(text, words, i);
    // "Ada Moss with the Harbour Ferry Authority says": the organisation she
    // is with is read past, so the verb's subject is the name.
    match mention {
        Some(m) if m.kind == MentionKind::Name && m.words.1 == end => {
            (affiliation_with(text, words, end).unwrap_or(end), Some(m))
        }
        other => (end, other),
    }
}

/// [`capitalized_run`] without an affiliation after it.
fn capitalized_run_alone(text: &str, words: &[Word], i: usize) -> (usize, Option<Mention>) {
    let mut end = i + 1;
    while end < words.len() {
        let prev = &words[end - 1];
        if prev.comma_after()
            || matches!(
                prev.next,
                Some('(' | ')' | ':' | ';' | '—' | '“' | '”' | '"')
            )
        {
            break;
        }
        // Sentence-internal full stops end a run, except after titles and initials.
        if prev.dot
            && !is_title(prev.text(text))
            && prev.text(text).chars().count() > 1
            && norm(prev.text(text)) != "u.s"
        {
            break;
        }
        let w = words[end].text(text);
        // "Bo Lind #LindSays": a hashtag is no part of a name.
        if is_hashtag(text, &words[end]) {
            break;
        }
        if words[end].is_capitalized(text) {
            end += 1;
        } else if w == "of" && words.get(end + 1).is_some_and(|n| n.is_capitalized(text)) {
            end += 2;
        } else if w == "of"
            && words.get(end + 1).is_some_and(|n| n.text(text) == "the")
            && words.get(end + 2).is_some_and(|n| n.is_capitalized(text))
        {
            end += 3;
        } else if let Some(skip) = institution_connector(text, words, i, end) {
            end += skip;
        } else {
            break;
        }
    }
    // "Sen. Garrett Bolling of Montana": "of" and a place after a name are an
    // affiliation, read past so the place ("New Hampshire") is no mention of its own.
    let run_end = end;
    if let Some(of) = (i + 1..end).rev().find(|&j| words[j].text(text) == "of") {
        let tail = &words[of + 1..end];
        let before = words[of - 1].text(text);
        // Place words that also qualify titles ("New", "South") may lead the place.
        let institution = tail.iter().any(|w| is_org_word(w.text(text)));
        if tail
            .last()
            .is_some_and(|w| institution || !is_title(w.text(text)))
            && !is_title(before)
            && !is_org_word(before)
        {
            end = of;
        }
    }
    // "Rory Vance/The Harbour Press": a photo credit, not a mention.
    if words[i..end.saturating_sub(1)]
        .iter()
        .any(|w| w.next == Some('/'))
    {
        return (end, None);
    }
    // Leading function words ("But", "The") are not part of a name.
    let mut start = i;
    while start < end
        && SENTENCE_STARTERS.contains(&words[start].text(text).to_lowercase().as_str())
    {
        start += 1;
    }
    // "Knowing Lind was a fan, …", "Finally Moss …": a sentence's opening
    // participle or adverb before a name is not part of it.
    if start == 0 && end >= 2 && opening_modifier(&words[0].text(text).to_lowercase()) {
        start = 1;
    }
    if start >= end {
        return (end, None);
    }
    let run: Vec<&str> = words[start..end].iter().map(|w| w.text(text)).collect();
    let lower_run = run.join(" ").to_lowercase();
    let make = |kind, s: usize, e: usize| Mention::over(words, kind, s, e);
    // Organisations with a canonical name, matched on the run's tail.
    if ORG_CANONICAL.iter().any(|(alias, _)| {
        lower_run.ends_with(alias) || lower_run.trim_end_matches("’s").ends_with(alias)
    }) {
        return (end, Some(make(MentionKind::Org, start, end)));
    }
    // A person: a trailing run of name words after any titles.
    let name_start = start + name_start_in(&run, true);
    let titled = name_start > start && is_title(words[name_start - 1].text(text))
        || lowercase_title_before(text, words, start);
    let org_like = run.iter().any(|w| is_org_word(w));
    if name_start < end && (end - name_start >= 2 || titled) && !(org_like && name_start == start) {
        // Title words before the name belong to this mention (they give its
        // role); a place of affiliation after it is read with it.
        return (run_end, Some(make(MentionKind::Name, start, end)));
    }
    if name_start < end && end - name_start == 1 && !org_like {
        // A lone capitalised word: a surname if an entity has it (decided later), a place otherwise.
        let lone = strip_possessive(&lower_run).to_string();
        if PLACE_SPEAKERS.contains(&lone.as_str()) {
            return (end, Some(make(MentionKind::Org, start, end)));
        }
        return (end, Some(make(MentionKind::Name, start, end)));
    }
    if org_like {
        return (end, Some(make(MentionKind::Org, start, end)));
    }
    let stripped = strip_possessive(&lower_run).to_string();
    if PLACE_SPEAKERS.contains(&stripped.as_str())
        || PLACE_SPEAKERS.contains(&format!("the {stripped}").as_str())
    {
        return (end, Some(make(MentionKind::Org, start, end)));
    }
    (end, None)
}

/// Where the name starts in a capitalised run: after the last title,
/// organisation word or non-name word (and, if `digits_end_name`, word with
/// a digit); `run.len()` when the run ends in one.
/// An opening participle (`knowing`, `overstating`: seven letters or more,
/// fewer would take names like `Ewing`) or sentence adverb.
fn opening_modifier(lower: &str) -> bool {
    (lower.len() >= 7 && lower.ends_with("ing")) || SENTENCE_ADVERBS.contains(&lower)
}

fn name_start_in(run: &[&str], digits_end_name: bool) -> usize {
    let surname_title = ends_with_title_surname(run);
    let mut start = run.len();
    while start > 0 {
        let w = run[start - 1];
        if (is_title(w) && !(start == run.len() && surname_title))
            || is_org_word(w)
            || NOT_PERSON_WORDS.contains(&norm(w).as_str())
            || (digits_end_name && w.chars().any(|c| c.is_ascii_digit()))
        {
            break;
        }
        start -= 1;
    }
    start
}

/// The one item `found` yields; none when it yields several or none.
fn the_only(mut found: impl Iterator<Item = usize>) -> Option<usize> {
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// "Prime Minister Ola Sen said": a short title word without its dot ("Sen",
/// "Gen") ending a run right after a name word is a surname; a title
/// precedes the name it goes with.
fn ends_with_title_surname(run: &[&str]) -> bool {
    match run {
        [.., before, last] => {
            !last.ends_with('.')
                && last.chars().count() <= 3
                && is_title(last)
                && !is_title(before)
                && !is_org_word(before)
                && before.chars().count() > 1
        }
        _ => false,
    }
}

/// "spokeswoman Maren Castell": a lower-case title word right before the run.
fn lowercase_title_before(text: &str, words: &[Word], start: usize) -> bool {
    start > 0 && {
        let prev = &words[start - 1];
        !prev.comma_after()
            && !prev.is_capitalized(text)
            && is_title(prev.text(text))
            && !matches!(
                norm(prev.text(text)).as_str(),
                "of" | "the" | "and" | "for" | "state"
            )
    }
}

/// "Pilots grounded last week said": a participle and up to four words, with
/// no comma, up to a reporting verb; returns the phrase's last word. The
/// source reaches over it, its name does not.
fn participle_postmodifier(text: &str, words: &[Word], at: usize) -> Option<usize> {
    let first = words.get(at)?.text(text).to_lowercase();
    if first.len() <= 4 || !first.ends_with("ed") || reporting_verb(&first).is_some() {
        return None;
    }
    (at + 1..(at + 6).min(words.len()))
        .take_while(|&j| !words[j - 1].comma_after())
        .find(|&j| DESCRIBED_SUBJECT_VERBS.contains(&words[j].text(text)))
        .map(|v| v - 1)
}

/// The last word of a phrase that says how an anonymous source knows
/// ("familiar with the matter", "with knowledge of the talks") starting at
/// `words[at]`: up to a comma, `who`/`that`, or the reporting verb.
fn group_postmodifier(text: &str, words: &[Word], at: usize) -> Option<usize> {
    const OPENERS: &[&[&str]] = &[
        &["familiar", "with"],
        &["with", "knowledge", "of"],
        &["with", "direct", "knowledge", "of"],
        &["briefed", "on"],
        &["close", "to"],
        &["knowledgeable", "about"],
    ];
    let lower = |j: usize| words.get(j).map(|w| w.text(text).to_lowercase());
    let opener = OPENERS.iter().find(|o| {
        o.iter()
            .enumerate()
            .all(|(k, w)| lower(at + k).as_deref() == Some(*w))
    })?;
    if words[at..at + opener.len()].iter().any(|w| w.comma_after()) {
        return None;
    }
    let mut last = at + opener.len() - 1;
    let from = last + 1;
    for (j, w) in words.iter().enumerate().skip(from).take(12) {
        let l = w.text(text).to_lowercase();
        // "that" after a preposition is a determiner ("the seating plan for that dinner").
        let determiner_that = l == "that"
            && lower(j - 1).is_some_and(|p| super::cues::is_preposition(&p))
            && words.get(j + 1).is_some_and(|n| !n.is_capitalized(text));
        // "… familiar with the talks have said": the auxiliary is the verb's.
        let auxiliary = matches!(l.as_str(), "has" | "have" | "had")
            && words
                .get(j + 1)
                .is_some_and(|n| reporting_verb(n.text(text)).is_some());
        if matches!(l.as_str(), "who" | "that" | "said" | "says") && !determiner_that
            || auxiliary
            || (reporting_verb(w.text(text)).is_some() && j > at + opener.len())
        {
            break;
        }
        last = j;
        if w.comma_after() || w.next.is_some_and(|c| matches!(c, '.' | ';' | ':' | ')')) {
            break;
        }
    }
    (last >= at + opener.len()).then_some(last)
}

/// How many words a connector inside an institution's name takes ("Centre
/// for a New Security", "Council on Harbour Relations", "Centre for Ports and
/// Shipping"): the connector, an article, and the capitalised word after them.
fn institution_connector(text: &str, words: &[Word], start: usize, end: usize) -> Option<usize> {
    let w = words[end].text(text);
    let in_institution = words[start..end].iter().any(|x| is_org_word(x.text(text)));
    let joined = words[start..end]
        .iter()
        .any(|x| matches!(x.text(text), "for" | "on"));
    if !(matches!(w, "for" | "on") && in_institution || w == "and" && joined) {
        return None;
    }
    let article = words
        .get(end + 1)
        .is_some_and(|n| matches!(n.text(text), "a" | "the"));
    let name = end + 1 + usize::from(article);
    // "The Pentagon on Friday said": a date, not part of the name.
    words
        .get(name)
        .is_some_and(|n| {
            n.is_capitalized(text)
                && !words[end].comma_after()
                && !WEEKDAYS.contains(&n.text(text).to_lowercase().as_str())
        })
        .then_some(name - end + 1)
}

/// ", Transport research lead at the Lund Institute, told": a short run with a
/// lower-case word, closed by a comma right before a reporting verb, is a
/// role however it opens.
fn role_before_verb(text: &str, words: &[Word], after: usize) -> bool {
    let Some(close) = (after..(after + 10).min(words.len())).find(|&j| words[j].comma_after())
    else {
        return false;
    };
    let lower = words[after..=close].iter().any(|w| !w.is_capitalized(text));
    let verb = words
        .get(close + 1)
        .is_some_and(|v| DESCRIBED_SUBJECT_VERBS.contains(&v.text(text)));
    lower && verb
}

/// ", a former State Department China policymaker," after a name.
fn appositive_after(text: &str, words: &[Word], after: usize) -> Option<Span> {
    let last = words.get(after.checked_sub(1)?)?;
    if !last.comma_after() {
        return None;
    }
    let first = words.get(after)?;
    let f = first.text(text).to_lowercase();
    let starts_role = matches!(
        f.as_str(),
        "a" | "an" | "the" | "former" | "retired" | "who" | "one" | "now" | "also"
    ) || is_title(first.text(text))
        || !first.is_capitalized(text)
        // ", Lund’s deputy adviser,": an owner's role.
        || f.ends_with("’s")
        || f.ends_with("'s")
        || role_before_verb(text, words, after);
    if !starts_role {
        return None;
    }
    let relative = f == "who";
    for (j, w) in words.iter().enumerate().skip(after).take(30) {
        let sentence_dot = w.dot && !is_abbreviation(w.text(text));
        if w.comma_after()
            || j + 1 == words.len()
            || matches!(w.next, Some('.' | ';' | '—' | ':')) && !w.dot
            || sentence_dot
        {
            let span = Span::new(first.span.start, w.span.end);
            // A reporting verb inside means this was a clause, not an appositive.
            // ("…, a former attaché who now writes commentary, says": a verb in a
            // relative clause of the appositive does not count.)
            let inner = &words[after..=j];
            let inner = match inner.iter().position(|x| x.text(text) == "who") {
                Some(who) => &inner[..who],
                None => inner,
            };
            // After a determiner the word is a noun ("a co-author of the report").
            let determiner = |k: usize| {
                k > 0
                    && matches!(
                        inner[k - 1].text(text).to_lowercase().as_str(),
                        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "this" | "that"
                    )
            };
            if !relative
                && inner.iter().enumerate().any(|(k, x)| {
                    !x.is_capitalized(text)
                        && reporting_verb(x.text(text)).is_some()
                        && x.text(text) != "state"
                        // "a former official writing for the Forum": a modifier.
                        && !(k > 0 && x.text(text).ends_with("ing"))
                        && !determiner(k)
                })
            {
                return None;
            }
            // A place or institution after the role belongs to it: "…, a professor
            // at the School of Public Policy, Norland University, told".
            let mut end = j;
            while let Some(place) = place_after_comma(text, words, end) {
                end = place;
            }
            return Some(Span::new(span.start, words[end].span.end));
        }
    }
    None
}

/// The last word of a short capitalised name between commas after `words[at]`
/// (", Norland University,") when a lower-case word (the verb) follows it.
fn place_after_comma(text: &str, words: &[Word], at: usize) -> Option<usize> {
    if !words.get(at)?.comma_after() {
        return None;
    }
    let connector = |w: &Word| matches!(w.text(text), "of" | "the" | "and" | "for" | "de");
    for (k, w) in words.iter().enumerate().skip(at + 1).take(5) {
        if !(w.is_capitalized(text) || (k > at + 1 && connector(w))) || w.dot {
            return None;
        }
        if w.comma_after() {
            let next = words.get(k + 1)?;
            return (!next.is_capitalized(text) && w.is_capitalized(text)).then_some(k);
        }
    }
    None
}

/// A group's identity: its description without a leading determiner or quantifier.
fn group_key(desc: &str) -> String {
    let lower = desc.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.len() > 1
        && matches!(
            words[0],
            "a" | "an" | "the" | "many" | "some" | "several" | "most" | "other" | "one"
        )
    {
        words.remove(0);
    }
    words.join(" ")
}

/// The registry of entities built while reading an article in order.
#[derive(Debug, Default, Clone)]
pub struct Entities {
    /// Every entity so far, in order of creation; an entity's index is its id.
    pub list: Vec<Entity>,
}

impl Entities {
    /// Links a name/org/group mention to an entity (creating one if new).
    /// Returns None for a lone capitalised word that names no known person.
    pub fn resolve_named(&mut self, text: &str, words: &[Word], m: &Mention) -> Option<usize> {
        let run: Vec<&str> = words[m.words.0..m.words.1]
            .iter()
            .map(|w| w.text(text))
            .collect();
        match m.kind {
            MentionKind::Org => Some(self.org(m, &run)),
            MentionKind::Group => {
                let desc = m.span.text(text).to_string();
                Some(self.group(&desc, m.span))
            }
            MentionKind::Name => self.person(text, words, m, &run),
            _ => None,
        }
    }

    fn org(&mut self, m: &Mention, run: &[&str]) -> usize {
        let joined = run.join(" ");
        // British and American spellings name the same ministry.
        let lower = joined.to_lowercase().replace("defence", "defense");
        // "Taiwan’s Ministry of National Defense" is not China's: another owner keeps the name as written.
        let other_owner = run.first().is_some_and(|w| {
            let n = w.to_lowercase();
            (n.ends_with("’s") || n.ends_with("'s")) && !n.starts_with("china")
        });
        let canonical = ORG_CANONICAL
            .iter()
            .find(|(alias, _)| {
                !other_owner
                    && (lower.ends_with(alias) || lower.trim_end_matches("’s").ends_with(alias))
            })
            .map(|(_, c)| c.to_string())
            .unwrap_or_else(|| strip_possessive(&joined).to_string());
        self.organization(canonical, m.span)
    }

    /// The organisation entity of this canonical name, created if new.
    fn organization(&mut self, canonical: String, span: Span) -> usize {
        if let Some(i) = self
            .list
            .iter()
            .position(|e| e.kind == SpeakerKind::Organization && e.name == canonical)
        {
            self.list[i].mentions.push(span);
            return i;
        }
        self.list.push(Entity {
            name: canonical,
            kind: SpeakerKind::Organization,
            role: None,
            gender: None,
            titles: Vec::new(),
            name_tokens: Vec::new(),
            mentions: vec![span],
        });
        self.list.len() - 1
    }

    /// A group by its description; "the official" later links to "a U.S. official".
    /// A ministry written in lower case ("China’s foreign ministry") is the
    /// organisation of its canonical name (LABELING.md §7.9).
    pub fn group(&mut self, desc: &str, span: Span) -> usize {
        let key = group_key(desc);
        let other_owner = key
            .split_whitespace()
            .next()
            .is_some_and(|w| (w.ends_with("’s") || w.ends_with("'s")) && !w.starts_with("china"));
        let canonical = ORG_CANONICAL
            .iter()
            .find(|(alias, _)| {
                // The alias, or one owner word before it ("china’s"), not a
                // longer description ("officials at the defense ministry").
                key.strip_suffix(alias).is_some_and(|owner| {
                    owner.is_empty() || (owner.ends_with(' ') && !owner.trim_end().contains(' '))
                })
            })
            .filter(|_| !other_owner);
        if let Some((_, canonical)) = canonical {
            return self.organization(canonical.to_string(), span);
        }
        // "The company said": the organisation last named before it, or a
        // one-word name that spoke with no title, role or gender ("Harbourline
        // said …"), which news prose gives a company, not a person.
        if desc.to_lowercase().starts_with("the ") && matches!(key.as_str(), "company" | "firm") {
            let last_org = self
                .list
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == SpeakerKind::Organization
                        || (e.kind == SpeakerKind::Person
                            && e.name_tokens.len() == 1
                            && e.titles.is_empty()
                            && e.role.is_none()
                            && e.gender.is_none())
                })
                .filter_map(|(i, e)| {
                    let last = e
                        .mentions
                        .iter()
                        .filter(|m| m.end <= span.start)
                        .map(|m| m.end)
                        .max()?;
                    Some((last, i))
                })
                .max();
            if let Some((_, i)) = last_org {
                self.list[i].mentions.push(span);
                return i;
            }
        }
        if let Some(i) = self
            .list
            .iter()
            .position(|e| e.kind == SpeakerKind::Group && group_key(&e.name) == key)
        {
            self.list[i].mentions.push(span);
            return i;
        }
        self.list.push(Entity {
            name: desc.to_string(),
            kind: SpeakerKind::Group,
            role: None,
            gender: None,
            titles: Vec::new(),
            name_tokens: Vec::new(),
            mentions: vec![span],
        });
        self.list.len() - 1
    }

    fn person(&mut self, text: &str, words: &[Word], m: &Mention, run: &[&str]) -> Option<usize> {
        // Split titles from the name.
        let name_start = name_start_in(run, false);
        let name_words: Vec<String> = run[name_start..]
            .iter()
            .map(|w| strip_possessive(w).to_string())
            .collect();
        if name_words.is_empty() {
            return None;
        }
        let mut titles: Vec<String> = run[..name_start].iter().map(|w| norm(w)).collect();
        let mut gender = run[..name_start].iter().find_map(|w| honorific_gender(w));
        let lower_title = if m.words.0 > 0 && lowercase_title_before(text, words, m.words.0) {
            Some(words[m.words.0 - 1].text(text))
        } else {
            None
        };
        if let Some(t) = lower_title {
            titles.push(norm(t));
            gender = gender.or_else(|| role_gender(&norm(t)));
        }
        let prefix_role = {
            let prefix: Vec<&str> = run[..name_start]
                .iter()
                .copied()
                .filter(|w| honorific_gender(w).is_none())
                .collect();
            let mut role = prefix.join(" ");
            if let Some(t) = lower_title {
                role = if role.is_empty() {
                    t.to_string()
                } else {
                    format!("{t} {role}")
                };
            }
            (!role.is_empty()).then_some(role)
        };
        let role = m
            .appositive
            .map(|a| a.text(text).to_string())
            .or(prefix_role.map(|r| r.replace(" .", ".")));
        let tokens_lower: Vec<String> = name_words.iter().map(|w| w.to_lowercase()).collect();
        let existing = if tokens_lower.len() >= 2 {
            self.list.iter().position(|e| {
                e.kind == SpeakerKind::Person
                    && (e.name_tokens == tokens_lower
                        || (e.name_tokens.len() == 1
                            && tokens_lower.last() == e.name_tokens.last()))
            })
        } else {
            // A surname: the most recent person with that name token (last, then any).
            let t = &tokens_lower[0];
            self.list
                .iter()
                .rposition(|e| e.kind == SpeakerKind::Person && e.name_tokens.last() == Some(t))
                .or_else(|| {
                    self.list
                        .iter()
                        .rposition(|e| e.kind == SpeakerKind::Person && e.name_tokens.contains(t))
                })
        };
        let titled = !titles.is_empty();
        match existing {
            Some(i) => {
                let e = &mut self.list[i];
                if tokens_lower.len() > e.name_tokens.len() {
                    e.name = name_words.join(" ");
                    e.name_tokens = tokens_lower;
                }
                e.mentions.push(m.span);
                e.gender = e.gender.or(gender);
                for t in titles {
                    if !e.titles.contains(&t) {
                        e.titles.push(t);
                    }
                }
                if e.role.is_none() || m.appositive.is_some() {
                    if let Some(r) = role {
                        if m.appositive.is_some() || e.role.is_none() {
                            e.role = Some(r);
                        }
                    }
                }
                Some(i)
            }
            None if tokens_lower.len() >= 2 || titled => {
                self.list.push(Entity {
                    name: name_words.join(" "),
                    kind: SpeakerKind::Person,
                    role,
                    gender,
                    titles,
                    name_tokens: tokens_lower,
                    mentions: vec![m.span],
                });
                Some(self.list.len() - 1)
            }
            None => None,
        }
    }

    /// A person known by one name only (a surname as the subject of a
    /// reporting verb); none for a place that speaks for its government.
    pub fn surname_person(&mut self, word: &str, span: Span) -> Option<usize> {
        let name = strip_possessive(word).to_string();
        let lower = name.to_lowercase();
        if PLACE_SPEAKERS.contains(&lower.as_str())
            || NOT_PERSON_WORDS.contains(&lower.as_str())
            || is_org_word(&name)
            || !name.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
        // Someone already named with more words ("Maj Gen Zhang Hui of …").
        if let Some(i) = self.list.iter().rposition(|e| {
            e.name
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(&name))
        }) {
            self.list[i].mentions.push(span);
            return Some(i);
        }
        self.list.push(Entity {
            name,
            kind: SpeakerKind::Person,
            role: None,
            gender: None,
            titles: Vec::new(),
            name_tokens: vec![lower],
            mentions: vec![span],
        });
        Some(self.list.len() - 1)
    }

    /// A news outlet or other source cited by a name no person of the
    /// article bears ("according to Harbourwire"); none for a common word.
    pub fn outlet(&mut self, word: &str, span: Span) -> Option<usize> {
        let name = strip_possessive(word).to_string();
        let lower = name.to_lowercase();
        if NOT_PERSON_WORDS.contains(&lower.as_str()) || !name.chars().all(char::is_alphabetic) {
            return None;
        }
        Some(self.organization(name, span))
    }

    /// The most recent person (by the `recent` order given) whose titles license `noun`.
    pub fn role_match(&self, noun: &str, recent: &[usize]) -> Option<usize> {
        recent
            .iter()
            .rev()
            .copied()
            .find(|&i| self.licenses(i, noun))
    }

    /// The one person of the article whose titles or role name `noun`
    /// ("a spokesman" when the article names exactly one spokesman); none
    /// when there are several or none.
    pub fn only_person_with_role(&self, noun: &str) -> Option<usize> {
        // The role word itself, not every title it could stand for ("an
        // official" is not the one minister the article names).
        let same_role =
            |w: &str| w == noun || (noun.starts_with("spokes") && w.starts_with("spokes"));
        the_only((0..self.list.len()).filter(|&i| self.person_fits(i, &same_role, &same_role)))
    }

    /// The one person of the article whose titles or role license `noun`
    /// ("a lawmaker" when the article names exactly one senator or
    /// representative); none when there are several or none.
    pub fn only_person_licensed(&self, noun: &str) -> Option<usize> {
        the_only((0..self.list.len()).filter(|&i| self.licenses(i, noun)))
    }

    /// Whether person `i`'s titles or role license the role noun `noun`.
    fn licenses(&self, i: usize, noun: &str) -> bool {
        let licensing = ROLE_NOUNS
            .iter()
            .find(|(n, _)| *n == noun)
            .map(|(_, t)| *t)
            .unwrap_or(&[]);
        self.person_fits(i, &|t| licensing.contains(&t), &|w| {
            w == noun || licensing.contains(&w)
        })
    }

    /// Whether entity `i` is a person with a title, or a word in its role,
    /// that fits.
    fn person_fits(
        &self,
        i: usize,
        title_fits: &dyn Fn(&str) -> bool,
        role_word_fits: &dyn Fn(&str) -> bool,
    ) -> bool {
        let e = &self.list[i];
        e.kind == SpeakerKind::Person
            && (e.titles.iter().any(|t| title_fits(t))
                || e.role.as_ref().is_some_and(|r| {
                    r.to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .any(role_word_fits)
                }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn mentions(text: &str) -> Vec<(String, MentionKind)> {
        let w = words(text, Span::new(0, text.len()));
        find_mentions(text, &w)
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.kind))
            .collect()
    }

    #[test]
    fn names_titles_and_orgs() {
        let m = mentions(
            "Secretary of State Daniel Whitcombe met Chinese President Liang Shoumin at the Pentagon.",
        );
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Secretary of State Daniel Whitcombe",
                "Chinese President Liang Shoumin",
                "Pentagon"
            ]
        );
        assert_eq!(m[2].1, MentionKind::Org);
    }

    #[test]
    fn groups_pronouns_and_roles() {
        let m = mentions(
            "But the four-star admiral said he agreed, and U.S. officials say analysts doubt it.",
        );
        let got: Vec<(&str, &MentionKind)> = m.iter().map(|(s, k)| (s.as_str(), k)).collect();
        assert_eq!(
            got[0],
            ("the four-star admiral", &MentionKind::RoleNoun("admiral"))
        );
        assert!(matches!(
            got[1].1,
            MentionKind::Pronoun {
                gender: Some(Gender::Male),
                ..
            }
        ));
        assert_eq!(got[2], ("U.S. officials", &MentionKind::Group));
        assert_eq!(got[3], ("analysts", &MentionKind::Group));
    }

    #[test]
    fn a_hashtag_is_no_name() {
        let m = mentions("It matters, wrote Harbour Times commentator Bo Lind #LindSays");
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, vec!["Harbour Times", "Bo Lind"]);
    }

    #[test]
    fn an_opening_participle_or_adverb_is_no_part_of_a_name() {
        for (text, want) in [
            (
                "Knowing Lind was a sailor, Moss spoke of boats.",
                vec!["Lind", "Moss"],
            ),
            ("Finally Nora Quist agreed to meet.", vec!["Nora Quist"]),
            ("Besides Mara Quist, nobody spoke.", vec!["Mara Quist"]),
            (
                "Neither Cal Dunn nor Bo Lind replied.",
                vec!["Cal Dunn", "Bo Lind"],
            ),
            // A short -ing word can be a name: it stays.
            ("Ewing Tarr said the port was ready.", vec!["Ewing Tarr"]),
        ] {
            let m = mentions(text);
            let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
            assert_eq!(names, want, "{text}");
        }
    }

    #[test]
    fn joined_groups_are_one_source() {
        let m = mentions("Officials and experts say the talks could resume.");
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, vec!["Officials and experts"]);
    }

    #[test]
    fn places_and_non_persons() {
        let m = mentions(
            "Beijing sent ships to the South China Sea and the Taiwan Strait during the Cold War.",
        );
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, vec!["Beijing"]);
    }

    #[test]
    fn entities_cluster_surnames_and_appositives() {
        let text = "Victor Hale, a former State Department China policymaker, said it. Mr. Hale agreed. Capt. Thomas Lindqvist spoke.";
        let w = words(text, Span::new(0, text.len()));
        let ms = find_mentions(text, &w);
        let mut ents = Entities::default();
        let ids: Vec<(String, Option<usize>)> = ms
            .iter()
            .map(|m| {
                (
                    m.span.text(text).to_string(),
                    ents.resolve_named(text, &w, m),
                )
            })
            .collect();
        let id_of = |s: &str| {
            ids.iter()
                .find(|(t, _)| t == s)
                .and_then(|(_, id)| *id)
                .unwrap_or_else(|| panic!("{s} in {ids:?}"))
        };
        assert_eq!(id_of("Victor Hale"), id_of("Mr. Hale"));
        let hale = id_of("Victor Hale");
        assert_eq!(ents.list[hale].name, "Victor Hale");
        assert_eq!(
            ents.list[hale].role.as_deref(),
            Some("a former State Department China policymaker")
        );
        assert_eq!(ents.list[hale].gender, Some(Gender::Male));
        let lindqvist = id_of("Capt. Thomas Lindqvist");
        assert_eq!(ents.list[lindqvist].name, "Thomas Lindqvist");
        assert!(ents.list[lindqvist].titles.contains(&"capt".to_string()));
    }
}
