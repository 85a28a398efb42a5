//! Reporting-verb cues: a verb with its resolved subject ("Mr. Hale said",
//! "said Mr. Hale", "…, telling reporters", "according to X").

use super::lexicon::*;
use super::mentions::{Mention, MentionKind};
use super::Attribution;
use crate::text::{Span, Word};

/// How a cue's subject stands to its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueForm {
    /// Subject before the verb: "Mr. Hale said".
    Subject,
    /// Verb before the subject: "said Mr. Hale".
    Inverted,
    /// "…, telling CBS News": the sentence's subject.
    Participle,
    /// "according to X".
    AccordingTo,
}

/// A reporting verb with a resolved subject.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub(super) verb: Span,
    /// Word indices: first word of the whole cue, verb word, one past the cue's last word.
    pub(super) first_word: usize,
    pub(super) end_word: usize,
    /// `None`: the subject is a pronoun with no antecedent in the text (a story
    /// that starts mid-way); its quotes are kept with no speaker.
    pub(super) entity: Option<usize>,
    pub(super) complement: Complement,
    pub(super) form: CueForm,
    /// How the subject was found (names are surer than pronouns).
    pub(super) certainty: f32,
}

impl Cue {
    /// The attribution of a quote this cue introduces: `named` when the cue names
    /// its speaker, `Unattributed` for "he said" with no antecedent (speech, but
    /// nobody to name).
    pub(super) fn attribution(&self, named: Attribution) -> Attribution {
        if self.entity.is_some() {
            named
        } else {
            Attribution::Unattributed
        }
    }

    /// How sure a quote attributed by this cue is; 0 when it is unattributed.
    pub(super) fn confidence(&self, attribution: Attribution) -> f32 {
        let by_rule = match attribution {
            Attribution::TrailingCue => 0.95,
            Attribution::LeadInCue => 0.9,
            Attribution::ReportingVerb | Attribution::AccordingTo => 0.85,
            Attribution::SentenceCue => 0.8,
            _ => 0.0,
        };
        by_rule * self.certainty
    }
}

/// Finds the reporting verbs of a sentence that have a subject.
pub(super) fn find_cues(
    text: &str,
    ws: &[Word],
    ms: &[Mention],
    starters: usize,
    in_quote: &dyn Fn(Span) -> bool,
) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut expression_cues = Vec::new();
    let mention_ending = |end: usize| {
        ms.iter()
            .find(|m| (m.words.1 == end || m.reach == end) && m.entity.is_some())
    };
    let mention_starting =
        |start: usize| ms.iter().find(|m| m.words.0 == start && m.entity.is_some());
    for v in 0..ws.len() {
        let w = &ws[v];
        if in_quote(w.span) {
            continue;
        }
        let word = w.text(text);
        let lower = word.to_lowercase();
        if lower == "according" && ws.get(v + 1).is_some_and(|n| n.text(text) == "to") {
            // "according to spokesperson Sun Jiawei": a lower-case title may come first.
            let m = according_to_document(text, ws, ms, v + 2).or_else(|| {
                (v + 2..(v + 5).min(ws.len()))
                    .take_while(|&j| j == v + 2 || !ws[j - 1].is_capitalized(text))
                    .find_map(&mention_starting)
            });
            if let Some(m) = m.map(|m| titled_name_after(text, ws, ms, m)) {
                cues.push(Cue {
                    verb: Span::new(w.span.start, ws[v + 1].span.end),
                    first_word: v,
                    end_word: m.reach.max(m.words.1),
                    entity: m.entity,
                    complement: Complement::Clause,
                    form: CueForm::AccordingTo,
                    certainty: certainty(m),
                });
            }
            continue;
        }
        if word.chars().next().is_some_and(|c| c.is_uppercase()) && v != 0 {
            continue;
        }
        let variants = reporting_verb_variants(word);
        if variants.is_empty() {
            continue;
        }
        // "revealed that …" reports; "revealed little about …" does not.
        if word.to_lowercase().starts_with("reveal")
            && !ws
                .get(v + 1)
                .is_some_and(|n| n.text(text).eq_ignore_ascii_case("that"))
        {
            continue;
        }
        // A particle verb ("call for") needs its particle next (maybe after one
        // adverb); "of" may follow a longer object ("accused the port board
        // of …"); "on" comes right after the verb ("called on
        // both ports to …", not "called the office on Monday").
        let particle_at = |p: &str| {
            let window = match p {
                "of" => 8,
                "on" => 2,
                _ => 3,
            };
            (v + 1..(v + window).min(ws.len()))
                .take_while(|&j| j == v + 1 || !ws[j - 1].comma_after())
                .find(|&j| ws[j].text(text).eq_ignore_ascii_case(p))
        };
        let mut chosen = None;
        for (particle, complement) in &variants {
            if particle.is_empty() {
                if chosen.is_none() {
                    chosen = Some((v + 1, *complement));
                }
            } else if let Some(j) = particle_at(particle) {
                chosen = Some((j + 1, *complement));
                break;
            }
        }
        let Some((verb_end, complement)) = chosen else {
            continue;
        };
        // Subject before the verb, over auxiliaries ("has also said").
        // …and adverbs ("regularly warn", "has time and again blamed").
        let mut k = v;
        loop {
            if k >= 3
                && ws[k - 3..k]
                    .iter()
                    .map(|w| w.text(text))
                    .eq(["time", "and", "again"])
            {
                k -= 3;
                continue;
            }
            let skip = k > 0 && !ws[k - 1].comma_after() && {
                let prev = ws[k - 1].text(text).to_lowercase();
                AUXILIARIES.contains(&prev.as_str())
                    || matches!(prev.as_str(), "here" | "still" | "now")
                    || (prev.len() > 5 && prev.ends_with("ly") && !ws[k - 1].is_capitalized(text))
            };
            if !skip {
                break;
            }
            k -= 1;
        }
        // A time between subject and verb: "Beijing on Saturday announced",
        // "the ministry last week said", "Lind later told".
        k = skip_time_back(text, ws, k);
        // "Zhou was quoted as saying".
        if lower == "saying"
            && k >= 3
            && ws[k - 1].text(text) == "as"
            && ws[k - 2].text(text) == "quoted"
            && matches!(ws[k - 3].text(text), "was" | "is" | "were" | "are")
        {
            k -= 3;
        }
        // "Xinhua quoted Xi as saying": the speaker is the one quoted.
        let quoted_as = (lower == "saying" && k >= 2 && ws[k - 1].text(text) == "as")
            .then(|| mention_ending(k - 1))
            .flatten()
            .filter(|m| {
                // Up to three words of description between: "cited Republican
                // congressman Tod Varley as saying".
                let quoting = (m.words.0.saturating_sub(4)..m.words.0).rev().find(|&j| {
                    matches!(
                        ws[j].text(text).to_lowercase().as_str(),
                        "quoted" | "quoting" | "cited" | "citing"
                    )
                });
                quoting.is_some_and(|j| (j..m.words.0).all(|i| !ws[i].comma_after()))
            });
        let mut found: Option<(&Mention, CueForm)> = quoted_as.map(|m| (m, CueForm::Subject));
        if found.is_none()
            && k > 0
            && !ws[k - 1].comma_after()
            && !quote_between(text, ws[k - 1].span.end, ws[k].span.start)
        {
            // "He said …" with no "he" earlier still reports speech.
            let unresolved_pronoun = || {
                ms.iter().find(|m| {
                    m.words.1 == k
                        && m.entity.is_none()
                        && matches!(m.kind, MentionKind::Pronoun { .. })
                })
            };
            found = mention_ending(k)
                .or_else(unresolved_pronoun)
                .map(|m| (m, CueForm::Subject));
        }
        if found.is_none() && k > 0 && ws[k - 1].comma_after() {
            // An appositive between subject and verb: "Victor Hale, a former policymaker, said".
            let end = ws[k - 1].span.end;
            found = ms
                .iter()
                .find(|m| m.entity.is_some() && m.appositive.is_some_and(|a| a.end == end))
                .map(|m| (m, CueForm::Subject));
            // A name in apposition: "The navy’s spokesman, Mateo Salcedo, told …";
            // the name wins over the role noun it explains ("China’s defense
            // ministry spokesman, Senior Col. Zhang Kai, said").
            if found.is_none_or(|(m, _)| m.kind != MentionKind::Name) {
                let name = ms
                    .iter()
                    .find(|m| m.words.1 == k && m.entity.is_some() && m.kind == MentionKind::Name)
                    .map(|m| (m, CueForm::Subject));
                found = name.or(found);
            }
        }
        // A second verb of the same subject: "She paused, and then added:", "Qiao
        // said A, but added that B". The cue starts at its verb, so the first
        // verb's clause ends before it.
        let mut coordinated = false;
        // A perfect ("… and had urged") marks a verb inside the reported clause;
        // an adverb ("and then added") does not.
        if found.is_none()
            && !(k..v).any(|j| {
                matches!(
                    ws[j].text(text).to_lowercase().as_str(),
                    "had" | "has" | "have"
                )
            })
            && k > 0
            && matches!(ws[k - 1].text(text).to_lowercase().as_str(), "and" | "but")
        {
            // The subject opens the sentence or is an earlier cue's subject ("In
            // Tokyo, Vice Minister Kenji Nakamura told reporters that A, but said B").
            let earlier_subject = cues
                .iter()
                .rev()
                .find(|c| c.form == CueForm::Subject && c.end_word < k)
                .and_then(|c| {
                    ms.iter()
                        .find(|m| m.words.0 == c.first_word && m.entity == c.entity)
                });
            found = earlier_subject
                .or_else(|| {
                    ms.iter()
                        .find(|m| m.words.0 <= starters && m.entity.is_some() && m.words.1 < k)
                })
                .map(|m| (m, CueForm::Subject));
            coordinated = found.is_some();
        }
        // "An Asian diplomat based in Beijing, who …, said": a place after a preposition
        // is not the subject; the noun phrase before the prepositional phrase is.
        if let Some((m, form)) = found {
            let p = m.words.0;
            // "…, with Moss stressing …": "with" opens a clause whose subject speaks.
            let with_clause = p > 0
                && ws[p - 1].text(text).eq_ignore_ascii_case("with")
                && lower.ends_with("ing")
                && m.words.1 == k
                && !ws[k - 1].comma_after();
            // "A report by Harbourwire said": the issuer after "by" speaks.
            let issuer_by = p > 1
                && matches!(ws[p - 1].text(text), "by" | "from")
                && DOCUMENT_NOUNS.contains(&ws[p - 2].text(text).to_lowercase().as_str())
                && matches!(m.kind, MentionKind::Name | MentionKind::Org);
            // ("the Harbour Consulate in the Isles said": over an article too.)
            let p = if p > 1
                && matches!(
                    ws[p - 1].text(text).to_lowercase().as_str(),
                    "the" | "a" | "an"
                )
                && is_preposition(ws[p - 2].text(text))
            {
                p - 1
            } else {
                p
            };
            if p > 0 && is_preposition(ws[p - 1].text(text)) && !with_clause && !issuer_by {
                let at = ws[p].span.start;
                found = ms
                    .iter()
                    .find(|x| x.entity.is_some() && (x.words.1 == p - 1 || x.words.1 + 1 == p - 1))
                    .or_else(|| {
                        // "Jo Vance, a former harbour master in the Northern
                        // Fleet warning …": the name the description belongs to.
                        ms.iter().find(|x| {
                            x.entity.is_some()
                                && x.kind == MentionKind::Name
                                && x.appositive.is_some_and(|a| a.start <= at && at < a.end)
                        })
                    })
                    .map(|x| (x, form));
            }
        }
        // "the hotline, which Washington has urged Beijing to use": the verb's
        // object is the relative pronoun, so what follows is not what was said.
        // ("which Beijing claimed violated …" keeps its clause: there the pronoun
        // is the reported clause's subject.)
        if let Some((m, CueForm::Subject)) = found {
            if complement == Complement::Phrase
                && m.words.0 > 0
                && matches!(
                    ws[m.words.0 - 1].text(text).to_lowercase().as_str(),
                    "which" | "whom"
                )
            {
                continue;
            }
        }
        // "the U.S. said" is a speaker; a bare "U.S." before a noun ("U.S. calls for") is not.
        if let Some((m, CueForm::Subject)) = found {
            let t = m.span.text(text);
            let preceded_by_the =
                m.words.0 > 0 && ws[m.words.0 - 1].text(text).eq_ignore_ascii_case("the");
            if matches!(t, "U.S" | "U.S." | "US") && !preceded_by_the {
                found = None;
            }
        }
        let after_comma_or_quote = v == 0
            || ws[v - 1].comma_after()
            || quote_between(text, ws[v - 1].span.end, w.span.start);
        // "told CBS News": the noun after tell is the listener; "-ing" forms never invert.
        let can_invert = !lower.starts_with("tel") && lower != "told" && !lower.ends_with("ing");
        if found.is_none() && after_comma_or_quote && can_invert {
            // "…, said Mr. Hale" but not "…, suggested Beijing had decided": a
            // mention followed by a verb is the subject of the reported clause.
            // A possessive opens the clause ("…, says Beijing’s caution is …")
            // unless a name follows it ("…,” said Beijing’s envoy Li Wei).
            let not_followed_by_verb = |m: &&Mention| {
                ws.get(m.words.1)
                    .is_none_or(|n| !FINITE.contains(&n.text(text).to_lowercase().as_str()))
            };
            let possessive = |m: &Mention| {
                let t = m.span.text(text);
                t.ends_with(['’', '\'']) || t.ends_with("’s") || t.ends_with("'s")
            };
            found = mention_starting(verb_end.min(v + 1))
                .filter(not_followed_by_verb)
                .and_then(|m| {
                    if !possessive(m) {
                        return Some(m);
                    }
                    (m.words.1..(m.words.1 + 3).min(ws.len()))
                        .find_map(&mention_starting)
                        .filter(|n| n.kind == MentionKind::Name)
                        .filter(not_followed_by_verb)
                })
                .map(|m| (titled_name_after(text, ws, ms, m), CueForm::Inverted));
        }
        if found.is_none() && lower.ends_with("ing") && v > 0 && ws[v - 1].comma_after() {
            // "…, Tao said, adding that", "Brel says the port has asked …,
            // calling": the speaker of the sentence's first reporting verb;
            // else its opening subject; else, with no verb before, the first
            // name followed by a verb of its own ("At the talks Mara Quist
            // restated the position, stating that"), not one modifying a noun
            // ("the harbour chief stressed, arguing").
            let previous_cue = cues.first().filter(|c| c.end_word <= v);
            let previous_speaker = previous_cue.and_then(|c| {
                ms.iter()
                    .find(|m| c.entity.is_some() && m.entity == c.entity)
            });
            found = previous_speaker
                .or_else(|| {
                    ms.iter()
                        .find(|m| m.words.0 <= starters && m.entity.is_some() && m.words.1 <= v)
                })
                .or_else(|| {
                    let verb_next = |m: &Mention| {
                        ws.get(m.reach).is_some_and(|n| {
                            let w = n.text(text).to_lowercase();
                            !n.is_capitalized(text)
                                && (w.ends_with("ed")
                                    || FINITE.contains(&w.as_str())
                                    || reporting_verb(&w).is_some())
                        })
                    };
                    ms.iter().filter(|_| previous_cue.is_none()).find(|m| {
                        m.entity.is_some()
                            && m.words.1 <= v
                            && matches!(m.kind, MentionKind::Name | MentionKind::Org)
                            && (m.words.0 == 0 || !is_preposition(ws[m.words.0 - 1].text(text)))
                            && verb_next(m)
                    })
                })
                .map(|m| (m, CueForm::Participle));
        }
        let Some((m, form)) = found else { continue };
        // "the league champions compete", "his offers were": a verb of
        // expression in -s before a verb is a plural noun.
        if complement == Complement::Fragment && lower.ends_with('s') {
            let next = ws.get(verb_end).map(|n| n.text(text).to_lowercase());
            if next.is_some_and(|n| {
                PLURAL_PRESENT.contains(&n.as_str())
                    || AUXILIARIES.contains(&n.as_str())
                    || FINITE.contains(&n.as_str())
            }) {
                continue;
            }
        }
        // A bare base form after a singular subject is a noun ("a government demand"),
        // not a verb: "analysts say" and "they say" are fine.
        if form == CueForm::Subject && k == v && is_base_form(&lower) && !is_plural(text, m) {
            continue;
        }
        let (first_word, end_word) = match form {
            CueForm::Subject if coordinated => (k, verb_end),
            CueForm::Subject => (m.words.0, verb_end),
            CueForm::Inverted => (v, m.words.1.max(verb_end)),
            _ => (v, verb_end),
        };
        let cue = Cue {
            verb: Span::new(w.span.start, ws[verb_end - 1].span.end),
            first_word,
            end_word,
            entity: m.entity,
            complement,
            form,
            certainty: certainty(m),
        };
        if complement == Complement::Fragment {
            expression_cues.push(cue);
        } else {
            cues.push(cue);
        }
    }
    // A verb of expression speaks for a fragment only where no reporting verb
    // does (and is never the earlier cue a later verb leans on).
    if cues.is_empty() {
        expression_cues
    } else {
        cues
    }
}

/// "said Northland Defense Ministry spokesman Tao Renfei": an organisation
/// followed by a lower-case title and a name speaks through that person.
fn titled_name_after<'m>(
    text: &str,
    ws: &[Word],
    ms: &'m [Mention],
    m: &'m Mention,
) -> &'m Mention {
    // "the defence ministry spokesman Ivo Lanz": a ministry in lower case too;
    // "Harbour Sharks head coach Ken Dale": a team read as a name.
    if !matches!(
        m.kind,
        MentionKind::Org | MentionKind::Group | MentionKind::Name
    ) {
        return m;
    }
    let titles_between = |from: usize, to: usize| {
        (from..to).all(|j| {
            let w = ws[j].text(text);
            !ws[j].is_capitalized(text)
                && !ws[j].comma_after()
                && TITLE_WORDS.contains(&w.to_lowercase().as_str())
        })
    };
    ms.iter()
        .find(|n| {
            n.kind == MentionKind::Name
                && n.entity.is_some()
                && n.words.0 >= m.words.1
                && n.words.0 <= m.words.1 + 3
                && !ws[m.words.1 - 1].comma_after()
                && titles_between(m.words.1, n.words.0)
        })
        .unwrap_or(m)
}

/// The source of a document after "according to" (from word `from`): "the
/// statement from chief navy spokesman Ivo Brandt", "a report in The Harbour
/// Times", "a Navy readout".
fn according_to_document<'m>(
    text: &str,
    ws: &[Word],
    ms: &'m [Mention],
    from: usize,
) -> Option<&'m Mention> {
    let lower = |j: usize| ws.get(j).map(|w| w.text(text).to_lowercase());
    let mut j = from;
    if matches!(lower(j).as_deref(), Some("a" | "an" | "the")) {
        j += 1;
    }
    // "the statement from chief navy spokesman Ivo Brandt"; after "according
    // to", figures and studies speak for their source too ("the most recent
    // numbers from Harbour Statistics").
    let doc = |j: usize| {
        lower(j).is_some_and(|w| {
            DOCUMENT_NOUNS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "study" | "survey" | "poll" | "figures" | "numbers" | "data" | "estimates"
                )
        })
    };
    let adjective = |j: usize| {
        lower(j).is_some_and(|w| {
            matches!(
                w.as_str(),
                "official"
                    | "written"
                    | "joint"
                    | "brief"
                    | "separate"
                    | "most"
                    | "recent"
                    | "latest"
                    | "new"
                    | "annual"
                    | "preliminary"
            )
        })
    };
    let mut d = j;
    while d < j + 3 && adjective(d) {
        d += 1;
    }
    if doc(d)
        && matches!(
            lower(d + 1).as_deref(),
            Some("from" | "by" | "of" | "in" | "issued")
        )
    {
        let mut after = if lower(d + 1).as_deref() == Some("issued") {
            d + 3
        } else {
            d + 2
        };
        // "a report in The Harbour Times": the outlet's name after its article.
        if lower(after).as_deref() == Some("the") {
            after += 1;
        }
        // The person when one is named ("from chief navy spokesman Ivo Brandt").
        let sources: Vec<&Mention> = (after..(after + 5).min(ws.len()))
            .take_while(|&k| {
                k == after || !ws[k - 1].is_capitalized(text) && !ws[k - 1].comma_after()
            })
            .filter_map(|k| ms.iter().find(|m| m.words.0 == k && m.entity.is_some()))
            .collect();
        return sources
            .iter()
            .find(|m| m.kind == MentionKind::Name)
            .or(sources.first())
            .copied();
    }
    // "a Navy statement", "the Harbour Board readout"
    let m = ms.iter().find(|m| m.words.0 == j && m.entity.is_some())?;
    let mut e = m.words.1;
    if adjective(e) {
        e += 1;
    }
    (doc(e) && m.kind == MentionKind::Org).then_some(m)
}

pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "in" | "at"
            | "from"
            | "of"
            | "to"
            | "on"
            | "for"
            | "with"
            | "near"
            | "by"
            | "inside"
            | "outside"
    )
}

pub(super) fn is_base_form(lower: &str) -> bool {
    REPORTING_VERBS
        .iter()
        .any(|(forms, _, _)| forms.first() == Some(&lower))
}

pub(super) fn is_plural(text: &str, m: &Mention) -> bool {
    match m.kind {
        MentionKind::Pronoun { plural, .. } => plural,
        // ("those involved say", "all three say")
        MentionKind::Group => {
            let t = m.span.text(text);
            t.ends_with('s')
                || t.split_whitespace().next().is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "those" | "these" | "all" | "both" | "many" | "several" | "some"
                    )
                })
        }
        _ => false,
    }
}

pub(super) fn certainty(m: &Mention) -> f32 {
    match m.kind {
        MentionKind::Name | MentionKind::Org | MentionKind::Group => 1.0,
        MentionKind::Pronoun { .. } => 0.9,
        MentionKind::RoleNoun(_) => 0.85,
    }
}

/// Words that may follow a trailing cue to the end of its sentence
/// ("…, Ms. Singh told reporters on Monday.").
pub(super) fn skip_adverbials(text: &str, ws: &[Word], mut i: usize, mut telling: bool) -> usize {
    if telling {
        if let Some(that) = listener_before_that(text, ws, i) {
            return that;
        }
    }
    // "confirmed to Mr. Hale that", "explained to reporters that".
    if ws.get(i).is_some_and(|w| w.text(text) == "to") {
        if let Some(that) = listener_before_that(text, ws, i + 1) {
            return that;
        }
    }
    loop {
        let Some(w) = ws.get(i) else { return i };
        let lower = w.text(text).to_lowercase();
        if TRAILING_ADVERBS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str()) {
            i += 1;
            continue;
        }
        if matches!(
            lower.as_str(),
            "last" | "this" | "on" | "next" | "early" | "late"
        ) && ws.get(i + 1).is_some_and(|n| {
            let n = n.text(text).to_lowercase();
            matches!(
                n.as_str(),
                "week"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "weekend"
                    | "spring"
                    | "summer"
                    | "fall"
                    | "autumn"
                    | "winter"
            ) || WEEKDAYS.contains(&n.as_str())
        }) {
            i += 2;
            continue;
        }
        // "explained from Port Avery", "said in Harbour City", "wrote in December":
        // a place or a month, capitalised, up to three words.
        if matches!(lower.as_str(), "from" | "in")
            && ws.get(i + 1).is_some_and(|n| {
                n.is_capitalized(text) && !matches!(n.text(text), "The" | "A" | "An" | "I")
            })
        {
            let mut j = i + 1;
            while j < ws.len() && j < i + 4 && ws[j].is_capitalized(text) {
                j += 1;
                if ws[j - 1].comma_after() {
                    break;
                }
            }
            i = j;
            continue;
        }
        if matches!(
            lower.as_str(),
            "in" | "at" | "during" | "on" | "via" | "through"
        ) {
            // "in a statement", "at a regular news conference": up to five words to an occasion noun.
            if let Some(j) = (i + 1..(i + 6).min(ws.len()))
                .find(|&j| OCCASIONS.contains(&ws[j].text(text).to_lowercase().as_str()))
            {
                i = j + 1;
                if !ws[j].comma_after()
                    && ws.get(i).is_some_and(|n| {
                        OCCASION_PARTICIPLES.contains(&n.text(text).to_lowercase().as_str())
                    })
                {
                    i += 1;
                    if ws.get(i).is_some_and(|n| {
                        matches!(
                            n.text(text).to_lowercase().as_str(),
                            "online" | "late" | "early"
                        )
                    }) {
                        i += 1;
                    }
                }
                continue;
            }
            return i;
        }
        if telling && TELL_OBJECTS.contains(&lower.as_str()) {
            if matches!(lower.as_str(), "an" | "a" | "the") {
                // "told the committee", "told a forum": a short noun phrase.
                i += 2.min(ws.len() - i);
                telling = false;
                continue;
            }
            // One listener: "told reporters the ships …" starts the clause at "the".
            i += 1;
            telling = false;
            continue;
        }
        if telling && w.is_capitalized(text) {
            // "told CBS News", "told The Daily Ledger".
            while ws.get(i).is_some_and(|x| x.is_capitalized(text)) {
                i += 1;
                if ws[i - 1].comma_after() {
                    break;
                }
            }
            telling = false;
            continue;
        }
        return i;
    }
}

/// After "told": a listener of up to eight words ("Chinese state television",
/// "the official Xinhua News Agency", "reporters in Beijing on Monday") ending
/// at "that"; returns the index of "that". Not when the words look like the
/// start of the reported clause ("told reporters the ships that had …"): no
/// verb-like word, no comma or quotation mark, and "the"/"a"/"an" only first or
/// after a preposition.
pub(super) fn listener_before_that(text: &str, ws: &[Word], from: usize) -> Option<usize> {
    let that = (from + 1..(from + 15).min(ws.len()))
        .find(|&j| ws[j].text(text).eq_ignore_ascii_case("that"))?;
    // "told Norland’s minister, Adm. Bo Lind, that": a listener in apposition,
    // its commas closing right before "that".
    let apposed = that > from + 1
        && ws[that - 1].comma_after()
        && (from..that).filter(|&j| ws[j].comma_after()).count() == 2;
    if that > from + 8 && !apposed {
        return None;
    }
    let listener_like = (from..that).all(|j| {
        let lower = ws[j].text(text).to_lowercase();
        let article_ok = j == from
            || is_preposition(&ws[j - 1].text(text).to_lowercase())
            || (apposed && ws[j - 1].comma_after());
        !FINITE.contains(&lower.as_str())
            && lower != "not"
            && (!ws[j].comma_after()
                || (apposed && !lower.ends_with("ing") && reporting_verb(&lower).is_none()))
            && !quote_between(text, ws[j].span.end, ws[j + 1].span.start)
            && (article_ok || !matches!(lower.as_str(), "the" | "a" | "an"))
    });
    listener_like.then_some(that)
}

/// From word `k`, back over a time phrase that separates a subject from its
/// verb ("on Saturday", "last week", "earlier"); `k` itself when there is none.
fn skip_time_back(text: &str, ws: &[Word], k: usize) -> usize {
    let lower = |j: usize| ws[j].text(text).to_lowercase();
    let clean = |j: usize| joined_to_next(text, ws, j);
    let k = skip_dated_time_back(text, ws, k);
    // "A report by Harbourwire published on Tuesday said": the document's
    // participle sits between its issuer and the verb.
    if k >= 3
        && clean(k - 1)
        && matches!(lower(k - 1).as_str(), "published" | "released" | "issued")
        && matches!(lower(k - 3).as_str(), "by" | "from")
    {
        return k - 1;
    }
    k
}

/// Word `j` runs on into the next, with no comma or quotation mark between.
fn joined_to_next(text: &str, ws: &[Word], j: usize) -> bool {
    !ws[j].comma_after() && !quote_between(text, ws[j].span.end, ws[j + 1].span.start)
}

/// [`skip_time_back`] without the document participle.
fn skip_dated_time_back(text: &str, ws: &[Word], k: usize) -> usize {
    let lower = |j: usize| ws[j].text(text).to_lowercase();
    let clean = |j: usize| joined_to_next(text, ws, j);
    if k >= 2 && clean(k - 1) && clean(k - 2) {
        let (a, b) = (lower(k - 2), lower(k - 1));
        let time_word = WEEKDAYS.contains(&b.as_str())
            || matches!(
                b.as_str(),
                "week" | "month" | "year" | "weekend" | "morning" | "night"
            );
        if (a == "on" && WEEKDAYS.contains(&b.as_str()))
            || (matches!(a.as_str(), "last" | "this" | "earlier" | "later") && time_word)
        {
            return k - 2;
        }
    }
    if k >= 1
        && clean(k - 1)
        && matches!(
            lower(k - 1).as_str(),
            "earlier" | "later" | "previously" | "recently" | "yesterday" | "today" | "also"
        )
    {
        return k - 1;
    }
    k
}

pub(super) fn quote_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| s.chars().any(is_quote_char))
}

pub(super) fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„')
}

pub(super) struct Sentence {
    pub(super) para: usize,
    /// The most salient entity when the sentence starts (for quote-only paragraphs).
    pub(super) salient_before: Option<usize>,
    pub(super) span: Span,
    pub(super) words: Vec<Word>,
    pub(super) cues: Vec<Cue>,
}
