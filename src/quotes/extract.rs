//! The reading pass: segments the article once, finds quotation marks,
//! mentions and cues sentence by sentence, then runs the sieve and the
//! indirect-speech pass and assembles the [`Extraction`].

use super::coref::{refers_back, resolve_pronoun, resolve_reference, SALIENCE_WINDOW};
use super::cues::{find_cues, Sentence};
use super::headline::headline_quotes;
use super::indirect::{first_overlapping, indirect_quotes};
use super::lexicon::*;
use super::marks::find_marked_quotes;
use super::mentions::{
    determiner_and_head, find_mentions, Entities, Mention, MentionKind, SpeakerKind,
};
use super::sieve::{attribute_marked, transcript_label, Draft};
use super::{Attribution, Extraction, Quote, QuoteKind, Speaker};
use crate::text::{is_boilerplate, words, Segments, Span, Word};

/// Finds every quote in `text` and attributes it. Never panics, on any text.
pub fn extract(text: &str) -> Extraction {
    let seg = Segments::new(text);
    let speech: Vec<usize> = (0..seg.paragraphs.len())
        .filter(|&p| !is_boilerplate(text, seg.paragraphs[p]))
        .collect();
    let speech_spans: Vec<Span> = speech.iter().map(|&p| seg.paragraphs[p]).collect();
    let marked = find_marked_quotes(text, &speech_spans);
    // Marked quotes are in text order and do not overlap: look them up by bisection.
    let outers: Vec<Span> = marked.iter().map(|q| q.outer).collect();
    let in_quote = |span: Span| first_overlapping(&outers, span).is_some();

    let mut entities = Entities::default();
    let mut salient: Vec<usize> = Vec::new();
    let mut persons_seen: Vec<usize> = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut transcript: Vec<(Span, usize, Span)> = Vec::new();
    // Who issued each document noun's latest mention ("a report by Harbourwire
    // said …"): what "the report" means later, whoever was the subject between.
    let mut issued: Vec<(String, usize)> = Vec::new();

    // Headlines are not speech paragraphs, but may attribute words.
    let headlines: Vec<_> = seg
        .paragraphs
        .iter()
        .flat_map(|&p| headline_quotes(text, p))
        .collect();
    for &p in &speech {
        // An interviewer's question is not a quote, and its words attribute nothing.
        let para_text = seg.paragraphs[p].text(text);
        if para_text.starts_with("Q:") || para_text.starts_with("Question:") {
            continue;
        }
        if let Some((label, body, entity)) =
            transcript_label(text, seg.paragraphs[p], &mut entities)
        {
            transcript.push((body, entity, label));
            salient.push(entity);
            continue;
        }
        for &s in &seg.sentences[p] {
            let ws = words(text, s);
            let mut ms = find_mentions(text, &ws);
            ms.retain(|m| !in_quote(m.span));
            // Leading function words ("But", "For", "In Beijing,") before the subject.
            let starters = ws
                .iter()
                .take_while(|w| SENTENCE_STARTERS.contains(&w.text(text).to_lowercase().as_str()))
                .count();
            // "Within an hour, Moss …": the subject after a short opening phrase.
            let after_opening = ws
                .first()
                .map(|w| w.text(text).to_lowercase())
                .filter(|w| {
                    SENTENCE_STARTERS.contains(&w.as_str())
                        && !matches!(w.as_str(), "the" | "a" | "an")
                })
                .and_then(|_| ws.iter().take(8).position(Word::comma_after))
                .map(|j| j + 1);
            let at_subject =
                |m: &Mention| m.words.0 <= starters || Some(m.words.0) == after_opening;
            let salient_before = salient.last().copied();
            for k in 0..ms.len() {
                // "Ada Moss, a spokeswoman for the port, said": the appositive's
                // description is the person it follows, not a source of its own.
                let apposed_person = ms[..k]
                    .iter()
                    .rev()
                    .find(|a| a.appositive.is_some_and(|ap| ap.start == ms[k].span.start))
                    .and_then(|a| a.entity)
                    .filter(|&e| entities.list[e].kind == SpeakerKind::Person);
                let m = &mut ms[k];
                if let (Some(person), MentionKind::Group | MentionKind::RoleNoun(_)) =
                    (apposed_person, &m.kind)
                {
                    m.entity = Some(person);
                    entities.list[person].mentions.push(m.span);
                    continue;
                }
                match m.kind {
                    MentionKind::Group if refers_back(text, m).is_some() => {
                        m.entity = refers_back(text, m)
                            .and_then(|noun| {
                                let noun = noun.to_lowercase();
                                issued
                                    .iter()
                                    .rev()
                                    .find(|(n, _)| *n == noun)
                                    .map(|&(_, e)| e)
                                    .or_else(|| resolve_reference(&entities, &salient, &noun))
                            })
                            .or_else(|| entities.resolve_named(text, &ws, m));
                        if let Some(e) = m.entity {
                            entities.list[e].mentions.push(m.span);
                        }
                    }
                    MentionKind::Name | MentionKind::Org | MentionKind::Group => {
                        m.entity = entities
                            .resolve_named(text, &ws, m)
                            .or_else(|| lone_name_entity(text, &ws, m, &mut entities));
                        if let Some(e) = m.entity {
                            if entities.list[e].kind == SpeakerKind::Person {
                                persons_seen.push(e);
                            }
                            // "… with a Harbour Times report that …": an issuer is
                            // what "the report" means next.
                            let issuer = m.kind == MentionKind::Org && m.reach > m.words.1;
                            if at_subject(m) || issuer {
                                salient.push(e);
                            }
                        }
                    }
                    MentionKind::Pronoun { gender, plural } => {
                        m.entity = resolve_pronoun(&entities, &salient, gender, plural);
                        // "he" fixes the gender of a name that had none.
                        if let Some(e) = m.entity {
                            if entities.list[e].gender.is_none() && !plural {
                                entities.list[e].gender = gender;
                            }
                        }
                    }
                    MentionKind::RoleNoun(noun) => {
                        // "the official" after "a U.S. defense official": the anonymous
                        // source, before any named person whose title might fit.
                        let group_first = GROUP_NOUNS
                            .contains(&noun)
                            .then(|| {
                                entities.list.iter().rposition(|e| {
                                    e.kind == SpeakerKind::Group
                                        && e.name.to_lowercase().ends_with(noun)
                                })
                            })
                            .flatten();
                        let recent =
                            &persons_seen[persons_seen.len().saturating_sub(SALIENCE_WINDOW)..];
                        m.entity =
                            group_first
                                .or_else(|| entities.role_match(noun, recent))
                                .or_else(|| {
                                    // "the official" after "a senior U.S. official": the same anonymous source.
                                    entities.list.iter().rposition(|e| {
                                        e.kind == SpeakerKind::Group
                                            && e.name.to_lowercase().ends_with(noun)
                                    })
                                })
                                .or_else(|| {
                                    // "the Harbour official added" with no official
                                    // before it: the person who just spoke, whatever
                                    // their title.
                                    let definite =
                                        m.span.text(text).to_lowercase().starts_with("the ");
                                    let generic = matches!(noun, "official" | "diplomat" | "envoy");
                                    (definite && generic)
                                        .then(|| {
                                            salient.iter().rev().take(4).copied().find(|&e| {
                                                entities.list[e].kind == SpeakerKind::Person
                                            })
                                        })
                                        .flatten()
                                });
                        if m.entity.is_none() {
                            m.entity = Some(entities.group(m.span.text(text), m.span));
                        }
                        if let Some(e) = m.entity {
                            entities.list[e].mentions.push(m.span);
                            // "On Monday, the mayor raised it again": the subject.
                            if at_subject(m) {
                                salient.push(e);
                            }
                        }
                    }
                }
            }
            let cues = find_cues(text, &ws, &ms, starters, &in_quote);
            for c in &cues {
                let Some(e) = c.entity else { continue };
                let word = |j: usize| ws[j].text(text).to_lowercase();
                if c.first_word >= 2
                    && matches!(word(c.first_word - 1).as_str(), "by" | "from")
                    && DOCUMENT_NOUNS.contains(&word(c.first_word - 2).as_str())
                {
                    issued.push((word(c.first_word - 2), e));
                }
            }
            for c in &cues {
                // "said Defense Ministry spokesman Tao Renfei": the ministry is
                // salient too ("the statement said" next is the ministry's).
                let issuers = ms.iter().filter(|m| {
                    m.kind == MentionKind::Org
                        && m.entity != c.entity
                        && m.words.0 >= c.first_word
                        && m.words.1 <= c.end_word
                });
                salient.extend(issuers.filter_map(|m| m.entity));
                salient.extend(c.entity);
            }
            sentences.push(Sentence {
                para: p,
                salient_before,
                span: s,
                words: ws,
                cues,
            });
        }
    }

    let mut quotes = attribute_marked(text, &marked, &sentences, &transcript);
    for (body, entity, label) in &transcript {
        quotes.push(Draft {
            span: *body,
            outer: *body,
            kind: QuoteKind::Direct,
            entity: Some(*entity),
            cue: Some(*label),
            attribution: Attribution::TranscriptLabel,
            confidence: 0.9,
        });
    }
    for h in headlines {
        // A headline names by surname ("Hu Says: …") someone the body names in full.
        let surname = h
            .speaker
            .text(text)
            .split_whitespace()
            .last()
            .map(str::to_lowercase)
            .unwrap_or_default();
        let named = entities
            .list
            .iter()
            .rposition(|e| e.mentions.iter().any(|m| h.speaker.contains(*m)))
            .or_else(|| {
                entities
                    .list
                    .iter()
                    .position(|e| e.kind == SpeakerKind::Person && e.name_tokens.contains(&surname))
            })
            .or_else(|| headline_role_person(&entities, &surname));
        let entity = named.unwrap_or_else(|| entities.group(h.speaker.text(text), h.speaker));
        quotes.push(Draft {
            span: h.quote,
            outer: h.quote,
            kind: h.kind,
            entity: Some(entity),
            cue: Some(h.speaker),
            attribution: Attribution::Headline,
            confidence: 0.8,
        });
    }
    let mut direct_spans: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
    direct_spans.sort();
    let is_person = |e: usize| {
        entities
            .list
            .get(e)
            .is_some_and(|x| x.kind == SpeakerKind::Person)
    };
    let mut indirect = indirect_quotes(text, &sentences, &direct_spans, &is_person);
    quotes.append(&mut indirect);
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    // Spans never overlap: an indirect quote that still overlaps another quote goes.
    let mut kept: Vec<Draft> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if let Some(last) = kept.last() {
            if last.outer.overlaps(q.outer) || last.span.overlaps(q.span) {
                if q.kind == QuoteKind::Indirect {
                    continue;
                }
                if last.kind == QuoteKind::Indirect {
                    kept.pop();
                }
            }
        }
        kept.push(q);
    }
    name_described_roles(&mut kept, &entities);
    name_delayed_identification(text, &mut kept, &entities);
    // "“It could be,” I said": the writer's own words are nobody's quote
    // (LABELING.md §8.14).
    kept.retain(|d| {
        d.entity
            .and_then(|e| entities.list.get(e))
            .is_none_or(|e| e.kind != SpeakerKind::Person || e.name != "I")
    });
    finish(seg, kept, &entities)
}

/// How far after a lede's description the person it describes may be named.
const DELAYED_NAME_WINDOW: usize = 800;

/// Characters after a description read for a note that the source is anonymous.
const ANONYMITY_WINDOW: usize = 200;

/// A lede that describes its first speaker and names them just after ("The
/// top naval commander said … Adm. Ada Moss told reporters"):
/// the description's quotes are that person's. Only for a singular,
/// ranked description ("top", "senior", "prominent") that speaks before any
/// named person or organisation (plural groups may speak before it), and a
/// person first named within a few paragraphs after it who also speaks;
/// never for a source the article says is anonymous.
fn name_delayed_identification(text: &str, drafts: &mut [Draft], entities: &Entities) {
    // The first singular description that speaks (groups of people before it
    // are other sources).
    let singular_group = |e: usize| {
        entities.list.get(e).is_some_and(|g| {
            g.kind == SpeakerKind::Group
                && determiner_and_head(&g.name).is_some_and(|(first, head)| {
                    matches!(first.as_str(), "a" | "an" | "the") && !head.ends_with('s')
                })
        })
    };
    let Some(first) = drafts
        .iter()
        .filter(|d| d.attribution != Attribution::Headline)
        .filter_map(|d| d.entity)
        .find(|&e| {
            singular_group(e)
                || entities
                    .list
                    .get(e)
                    .is_some_and(|x| x.kind != SpeakerKind::Group)
        })
    else {
        return;
    };
    let Some(group) = entities.list.get(first).filter(|_| singular_group(first)) else {
        return;
    };
    let ranked = group.name.to_lowercase().split_whitespace().any(|w| {
        matches!(
            w,
            "top" | "senior" | "prominent" | "leading" | "high-ranking"
        )
    });
    if !ranked {
        return;
    }
    let Some(described_at) = group.mentions.iter().map(|m| m.start).min() else {
        return;
    };
    // "…, briefing reporters on condition of anonymity, said": anonymous on purpose.
    let sentence = text
        .get(described_at..)
        .and_then(|rest| rest.split('\n').next())
        .map(|line| line.chars().take(ANONYMITY_WINDOW).collect::<String>())
        .unwrap_or_default()
        .to_lowercase();
    if [
        "anonymity",
        "not authorized",
        "not authorised",
        "not to be named",
    ]
    .iter()
    .any(|w| sentence.contains(w))
    {
        return;
    }
    let speaks = |e: usize| drafts.iter().any(|d| d.entity == Some(e));
    let named = entities
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == SpeakerKind::Person)
        .filter_map(|(i, e)| Some((e.mentions.iter().map(|m| m.start).min()?, i)))
        .filter(|&(at, i)| {
            at > described_at && at - described_at < DELAYED_NAME_WINDOW && speaks(i)
        })
        .min();
    if let Some((_, person)) = named {
        for d in drafts.iter_mut().filter(|d| d.entity == Some(first)) {
            d.entity = Some(person);
        }
    }
}

/// A headline's speaker named by role ("…: PM", "…: defense spokesperson"),
/// from its last word: the one person the article gives that role.
fn headline_role_person(entities: &Entities, last_word: &str) -> Option<usize> {
    let role = match last_word.trim_end_matches('.') {
        "pm" => "prime",
        "fm" => "foreign",
        w if is_role_noun(w) => w,
        // "…: Chinese defense ministry" is the ministry, not its spokesperson.
        _ => return None,
    };
    entities.only_person_with_role(role)
}

/// A lone capitalised word no entity bears: an outlet after "according to"
/// ("According to Harbourwire, …"), a person known by surname alone as the
/// subject of a reporting verb ("Ostrander told … that", "quoted Ostrander as
/// saying"), else nobody.
fn lone_name_entity(
    text: &str,
    ws: &[Word],
    m: &Mention,
    entities: &mut Entities,
) -> Option<usize> {
    if m.kind != MentionKind::Name || m.words.1 != m.words.0 + 1 {
        return None;
    }
    let word = |j: usize| ws.get(j).map(|w| w.text(text));
    let after_according_to = m.words.0 >= 2
        && word(m.words.0 - 2).is_some_and(|w| w.eq_ignore_ascii_case("according"))
        && word(m.words.0 - 1) == Some("to");
    // "A report by Harbourwire said": the issuer of a document.
    let issuer = m.words.0 >= 2
        && word(m.words.0 - 1).is_some_and(|w| matches!(w, "by" | "from"))
        && word(m.words.0 - 2).is_some_and(|w| DOCUMENT_NOUNS.contains(&w.to_lowercase().as_str()));
    if after_according_to || issuer {
        return entities.outlet(m.span.text(text), m.span);
    }
    let reporting = |j: usize| {
        word(j).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && reporting_verb(w).is_some()
        })
    };
    // "Harbourline has said": a perfect's auxiliary before the verb.
    let perfect = matches!(word(m.words.1), Some("has" | "had"))
        && matches!(word(m.words.1 + 1), Some("said" | "told" | "stated"));
    let verb_next = reporting(m.words.1)
        || perfect
        || (word(m.words.1) == Some("as") && word(m.words.1 + 1) == Some("saying"));
    (verb_next && !ws[m.words.0].comma_after())
        .then(|| entities.surname_person(m.span.text(text), m.span))
        .flatten()
}

/// "a spokesman", "the expert": an unnamed role is the person the article
/// names in that role, when it names exactly one (LABELING.md: the speaker is
/// the named person whenever the article gives the name).
fn name_described_roles(drafts: &mut [Draft], entities: &Entities) {
    for d in drafts.iter_mut() {
        let Some(e) = d.entity.map(|e| &entities.list[e]) else {
            continue;
        };
        if e.kind != SpeakerKind::Group {
            continue;
        }
        let Some((first, head)) = determiner_and_head(&e.name) else {
            continue;
        };
        let head = head.as_str();
        if matches!(first.as_str(), "a" | "an" | "the") && is_role_noun(head) {
            // The role word itself, else the one person whose title it
            // stands for ("a U.S. lawmaker" for the one representative named;
            // not "an official", who is often anonymous on purpose).
            if let Some(person) = entities.only_person_with_role(head).or_else(|| {
                matches!(head, "lawmaker" | "legislator")
                    .then(|| entities.only_person_licensed(head))
                    .flatten()
            }) {
                d.entity = Some(person);
            }
        }
    }
}

/// Renumbers the entities that speak, in order of their first quote.
pub(super) fn finish(seg: Segments, drafts: Vec<Draft>, entities: &Entities) -> Extraction {
    let mut order: Vec<usize> = Vec::new();
    let mut quotes = Vec::with_capacity(drafts.len());
    for d in drafts {
        let (sentence, paragraph) = seg.context(d.span);
        let speaker = d.entity.filter(|&e| e < entities.list.len()).map(|e| {
            order.iter().position(|&x| x == e).unwrap_or_else(|| {
                order.push(e);
                order.len() - 1
            })
        });
        quotes.push(Quote {
            span: d.span,
            kind: d.kind,
            speaker,
            cue: d.cue,
            attribution: if speaker.is_some() {
                d.attribution
            } else {
                Attribution::Unattributed
            },
            confidence: if speaker.is_some() { d.confidence } else { 0.0 },
            sentence,
            paragraph,
        });
    }
    let speakers = order
        .iter()
        .map(|&e| {
            let ent = &entities.list[e];
            Speaker {
                name: ent.name.clone(),
                kind: ent.kind,
                role: ent.role.clone(),
                gender: ent.gender,
                mentions: {
                    let mut m = ent.mentions.clone();
                    m.sort();
                    m.dedup();
                    m
                },
            }
        })
        .collect();
    Extraction {
        quotes,
        speakers,
        segments: seg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, quote text, speaker) for every quote of `text`.
    fn run(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        let ex = extract(text);
        ex.quotes
            .iter()
            .map(|q| {
                (
                    q.kind,
                    q.span.text(text).to_string(),
                    ex.speaker_name(q).map(str::to_string),
                )
            })
            .collect()
    }

    /// Asserts the quotes found in `text` and their speakers, in order.
    fn assert_quotes_and_speakers(text: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = run(text)
            .into_iter()
            .map(|q| (q.1, q.2.unwrap_or_default()))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(q, s)| (q.to_string(), s.to_string()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn real_wire_attributions_met_in_dev_27_to_31() {
        // (text, expected quotes and speakers), one fault of the extractor each.
        let cases: &[(&str, &[(&str, &str)])] = &[
            // A dateline before the subject, and a ministry written in lower case.
            (
                "BEIJING (Wire) — China’s foreign ministry on Tuesday rejected the request, saying the talks would wait.",
                &[("the talks would wait", "Chinese Ministry of Foreign Affairs")],
            ),
            // Not a longer description that ends in a ministry's name.
            (
                "Officials at the defense ministry said the talks would wait.",
                &[("the talks would wait", "Officials")],
            ),
            // A lower-case title between the closing mark and the name.
            (
                "“China has never closed the door,” foreign ministry spokeswoman Fang Yue said at a briefing.",
                &[("China has never closed the door", "Fang Yue")],
            ),
            // "told reporters that A, but said B" with the subject after an opening phrase.
            (
                "In Tokyo, Vice Minister Kenji Nakamura told reporters that Japan welcomed the call, but said Japan would raise its own concerns.",
                &[
                    ("Japan welcomed the call", "Kenji Nakamura"),
                    ("Japan would raise its own concerns", "Kenji Nakamura"),
                ],
            ),
            // "said on social media that"; "in a statement posted online" is no clause.
            (
                "Sen. Brian Lowell said on social media that the administration was right to keep asking.\n\
                 “We will defend our waters,” Col. Tian Lei said in a statement posted online.",
                &[
                    ("the administration was right to keep asking", "Brian Lowell"),
                    ("We will defend our waters", "Tian Lei"),
                ],
            ),
            // A fragment in the first clause, a clause of its own after "and that".
            (
                "The command said the ship had made an “unsafe and unprofessional” maneuver and that the U.S. ship had been in international waters.",
                &[
                    ("unsafe and unprofessional", "The command"),
                    ("the U.S. ship had been in international waters", "The command"),
                ],
            ),
            // The reporter's relative clause closing the span is left out (LABELING.md §8.13);
            // a relative clause whose subject is a government is not that government's speech.
            (
                "Rebecca Hollings said she would raise the need for calls between commanders, which U.S. officials regard as urgent.\n\
                 Tian did not mention the hotline, which Washington has urged Beijing to use after such incidents.",
                &[("she would raise the need for calls between commanders", "Rebecca Hollings")],
            ),
            // A plural subject's present tense; a reporting verb inside the appositive's
            // relative clause; a possessive after the verb opens the clause, unless a
            // name follows it.
            (
                "Lin Qiao, a researcher in Shanghai, says the military channels matter more now.\n\
                 Guo Xin, a former attaché who now writes commentary, says Beijing’s caution is a reaction.\n\
                 “We will talk,” said Beijing’s envoy Li Wei.",
                &[
                    ("the military channels matter more now", "Lin Qiao"),
                    ("Beijing’s caution is a reaction", "Guo Xin"),
                    ("We will talk", "Li Wei"),
                ],
            ),
            // An appositive naming the speech closes the span.
            (
                "Xu Lan said U.S. restrictions on students were unfair, a complaint she has raised repeatedly.",
                &[("U.S. restrictions on students were unfair", "Xu Lan")],
            ),
            // A headline with a trailing attribution.
            (
                "Military talks must wait, Beijing says\nThe ships left port on Monday.",
                &[("Military talks must wait", "Beijing")],
            ),
        ];
        for (text, expected) in cases {
            assert_quotes_and_speakers(text, expected);
        }
    }

    fn one(text: &str) -> (QuoteKind, String, Option<String>) {
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        got.into_iter().next().unwrap()
    }

    fn attributed(text: &str) -> Attribution {
        extract(text).quotes[0].attribution
    }

    #[test]
    fn trailing_cue_subject_then_verb() {
        let text = "Dana Reyes runs the office.\n“We will keep trying,” Ms. Reyes said.";
        assert_eq!(
            one(text),
            (
                QuoteKind::Direct,
                "We will keep trying".into(),
                Some("Dana Reyes".into())
            )
        );
        assert_eq!(attributed(text), Attribution::TrailingCue);
    }

    #[test]
    fn question_then_attribution_sentence() {
        let (kind, quote, speaker) =
            one("“What is different this time?” Maria Castellanos asked. The room went quiet.");
        assert_eq!(kind, QuoteKind::Direct);
        assert_eq!(quote, "What is different this time?");
        assert_eq!(speaker.as_deref(), Some("Maria Castellanos"));
        // A question followed by the reporter's own sentence stays unattributed.
        let (_, _, speaker) = one("“Who would answer?” The phone rang twice.");
        assert_eq!(speaker, None);
    }

    #[test]
    fn trailing_cue_inverted() {
        let text = "“It is a dream,” said Miles Corra, a former negotiator.";
        assert_eq!(one(text).2.as_deref(), Some("Miles Corra"));
    }

    #[test]
    fn lead_in_with_colon_and_comma() {
        let text = "Adm. Jo Banner said: “We are ready.” Later, Banner added, “So are they.”";
        let got = run(text);
        assert_eq!(got.len(), 2);
        assert!(got
            .iter()
            .all(|q| q.0 == QuoteKind::Direct && q.2.as_deref() == Some("Jo Banner")));
        assert_eq!(attributed(text), Attribution::LeadInCue);
    }

    #[test]
    fn appositive_between_subject_and_verb() {
        let text = "Lena Ortiz, a former State Department official, said the talks were overdue.";
        assert_eq!(
            one(text),
            (
                QuoteKind::Indirect,
                "the talks were overdue".into(),
                Some("Lena Ortiz".into())
            )
        );
    }

    #[test]
    fn hyphenated_ranks_and_an_institution_of_affiliation_are_not_the_name() {
        let text = "“The line is open,” Lt-Col Mara Quill said.\n\
                    Lieutenant-Colonel Mara Quill added that talks would follow.\n\
                    “Talks are icy,” Tomas Brek of the Centre for Harbour Security said.";
        assert_quotes_and_speakers(
            text,
            &[
                ("The line is open", "Mara Quill"),
                ("talks would follow", "Mara Quill"),
                ("Talks are icy", "Tomas Brek"),
            ],
        );
    }

    #[test]
    fn an_appositive_runs_on_through_a_place_between_commas() {
        let text = "A prominent Norland expert doubted the talks.\n\
                    “There are still obstacles,” Tavo Rennick, a senior fellow at the Harbour \
                    Institute and professor at the School of Policy, Norland University, told a \
                    reporter.";
        assert_quotes_and_speakers(text, &[("There are still obstacles", "Tavo Rennick")]);
    }

    #[test]
    fn pronoun_resolves_to_last_speaker_not_last_mention() {
        let text = "Capt. Ray Dunn said the line was dead.\n\
                    The statement by Mr. Corbin shows “no understanding of the problem,” he said.";
        let got = run(text);
        assert_eq!(
            got[1],
            (
                QuoteKind::Partial,
                "no understanding of the problem".into(),
                Some("Ray Dunn".into())
            )
        );
    }

    #[test]
    fn pronoun_with_no_antecedent_keeps_the_quote_without_a_speaker() {
        // A story that starts mid-way: the speech is reported, nobody can be named.
        let indirect = "He said the talks were good.";
        assert_eq!(
            one(indirect),
            (QuoteKind::Indirect, "the talks were good".into(), None)
        );
        assert_eq!(attributed(indirect), Attribution::Unattributed);
        let partial = "She said “the talks are a good thing,” adding nothing.";
        assert_eq!(
            one(partial),
            (
                QuoteKind::Partial,
                "the talks are a good thing".into(),
                None
            )
        );
        assert_eq!(attributed(partial), Attribution::Unattributed);
        let direct = "“The talks are a good thing,” he said.";
        assert_eq!(one(direct).2, None);
        assert_eq!(attributed(direct), Attribution::Unattributed);
        let colon = "He said:\n“The talks are a good thing.”";
        assert_eq!(one(colon).2, None);
        assert_eq!(attributed(colon), Attribution::Unattributed);
        // With a name before it, the pronoun resolves as always.
        assert_eq!(
            one("Kim Lee spoke.\nHe said the talks were good.")
                .2
                .as_deref(),
            Some("Kim Lee")
        );
    }

    #[test]
    fn role_noun_resolves_by_title() {
        let text = "Adm. Kate Rourke met the press. Defense Secretary Paul Ng spoke next.\n\
                    The admiral said the fleet was ready.";
        assert_eq!(one(text).2.as_deref(), Some("Kate Rourke"));
    }

    #[test]
    fn same_paragraph_second_quote() {
        let text = "“We tried,” Tomas Vey said. “Nobody answered.”";
        let got = run(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].2.as_deref(), Some("Tomas Vey"));
        assert_eq!(
            extract(text).quotes[1].attribution,
            Attribution::SameParagraph
        );
    }

    #[test]
    fn quote_only_paragraph_continues_previous_speaker() {
        let text = "Ana Polk said the talks were stalled.\n“Nothing moves without Beijing.”";
        let ex = extract(text);
        let q = ex
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .unwrap();
        assert_eq!(ex.speaker_name(q), Some("Ana Polk"));
        assert_eq!(q.attribution, Attribution::ContinuedParagraph);
    }

    #[test]
    fn colon_lead_in_paragraph() {
        let text = "Gen. Ada Frost told the panel:\n“We need a hotline that works.”";
        let ex = extract(text);
        assert_eq!(ex.speaker_name(&ex.quotes[0]), Some("Ada Frost"));
        assert_eq!(ex.quotes[0].attribution, Attribution::ColonLeadIn);
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let text = "Jon Hale said he had a warning.\n“First.\n“Second.\n“Third,” Hale said.";
        let got: Vec<_> = run(text)
            .into_iter()
            .filter(|q| q.0 == QuoteKind::Direct)
            .collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].1.starts_with("First.") && got[0].1.ends_with("Third"));
        assert_eq!(got[0].2.as_deref(), Some("Jon Hale"));
    }

    #[test]
    fn indirect_trailing_and_according_to() {
        let text = "The talks will resume in May, Rita Sol said.\n\
                    Beijing is demanding concessions, according to defense sources.";
        let got = run(text);
        assert_eq!(
            got[0],
            (
                QuoteKind::Indirect,
                "The talks will resume in May".into(),
                Some("Rita Sol".into())
            )
        );
        assert_eq!(got[1].1, "Beijing is demanding concessions");
        assert_eq!(got[1].2.as_deref(), Some("defense sources"));
    }

    #[test]
    fn indirect_clause_before_a_fragment_and_coordinated_that() {
        let text = "Mr. Blane said talks are needed, and the trip may help “unlock” progress.\n\
                    Ms. Tao said the ships had left and that the talks would go on.";
        let got = run(text);
        let texts: Vec<&str> = got.iter().map(|q| q.1.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "talks are needed",
                "unlock",
                "the ships had left",
                "the talks would go on"
            ]
        );
    }

    #[test]
    fn a_second_reporting_verb_after_and_or_but_starts_a_second_quote() {
        let text = "Qiao Lan said the talks were useful, but added that the U.S. side must stop provocations.\n\
                    Qiao said the meeting was frank and warned that patience was running out.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the talks were useful", "Qiao Lan"),
                ("the U.S. side must stop provocations", "Qiao Lan"),
                ("the meeting was frank", "Qiao Lan"),
                ("patience was running out", "Qiao Lan"),
            ],
        );
    }

    #[test]
    fn a_name_in_apposition_to_a_role_noun_is_the_speaker() {
        let text = "China’s defense ministry spokesman, Senior Col. Zhang Kai, said in a statement that the two sides had agreed to talk.\n\
                    But Zhang also said the United States bore responsibility for the freeze.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the two sides had agreed to talk", "Zhang Kai"),
                (
                    "the United States bore responsibility for the freeze",
                    "Zhang Kai",
                ),
            ],
        );
    }

    #[test]
    fn a_mention_followed_by_a_verb_is_not_an_inverted_subject() {
        let text = "Samuel Otieno, a senior fellow, spoke after the call.\n\
                    He said the fact that the call took place at all, after months of refusals, suggested Beijing had changed its mind.";
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("Samuel Otieno"));
        assert!(got[0].1.ends_with("suggested Beijing had changed its mind"));
    }

    #[test]
    fn the_listener_after_told_is_not_part_of_the_quote() {
        let text =
            "Vice Adm. Dong Jianhua told Chinese state television that the navy was ready.\n\
                    Dong told the official Xinhua News Agency on Monday that talks should resume.\n\
                    Dong told reporters the ships that had sailed were Chinese.";
        let texts: Vec<String> = run(text).into_iter().map(|q| q.1).collect();
        assert_eq!(
            texts,
            vec![
                "the navy was ready",
                "talks should resume",
                "the ships that had sailed were Chinese"
            ]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        for text in [
            "The navy runs “freedom of navigation operations” near the islands.",
            "Critics of the so-called “peace dividend” were loud, analysts said.",
            "He read “The Art of War” twice.",
            "The navy said it would keep up “Freedom of Navigation Operations” there.",
        ] {
            assert!(
                run(text).iter().all(|q| q.0 == QuoteKind::Indirect),
                "{text}: {:?}",
                run(text)
            );
        }
    }

    #[test]
    fn evaluative_fragments_in_reported_speech_are_quotes() {
        // A lower-case evaluation ending in a naming word ("line", "campaign")
        // is the speaker's, when its sentence reports speech; a comma closing
        // the fragment means it does not modify the next word.
        for (text, fragment, speaker) in [
            (
                "Minister Ode Varga described the ferry route as the first “hard boundary line” of the talks.",
                "hard boundary line",
                "Ode Varga",
            ),
            (
                "Ines Marlo accused the harbour board of “a slow and careless campaign” against fishermen.",
                "a slow and careless campaign",
                "Ines Marlo",
            ),
            (
                "Analyst Teo Brand dismissed the proposal as a “pleasant daydream,” unless both ports give ground.",
                "pleasant daydream",
                "Teo Brand",
            ),
        ] {
            let got = run(text);
            assert!(
                got.iter().any(|q| q.0 == QuoteKind::Partial
                    && q.1 == fragment
                    && q.2.as_deref() == Some(speaker)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn outlets_of_reports_and_numbered_appositives() {
        assert_quotes_and_speakers(
            "According to a report in The Harbour Times, the envoy shelved her trip to the islands.\n\n\
             According to the defence ministry spokesman Ivo Lanz, the capital is open to more ferry talks.\n\n\
             “The tariff will only harden positions,” Representative Ela Stone, the panel’s No. 2 member \
             on fisheries, said on Tuesday.",
            &[
                ("the envoy shelved her trip to the islands", "Harbour Times"),
                ("the capital is open to more ferry talks", "Ivo Lanz"),
                ("The tariff will only harden positions", "Ela Stone"),
            ],
        );
    }

    #[test]
    fn long_descriptions_documents_and_dates_before_the_verb() {
        assert_quotes_and_speakers(
            "The drill ended.\n\n\
             “Ruritania’s steady build-up on the reefs can only make every patrol riskier,” \
             Office of Harbour Defence spokesperson Lieutenant Colonel Ada Moss said in a written note.\n\n\
             Minister Ola Pine cancelled the hearings.\n\n\
             “We have had letters from residents who feel unwelcome at the meetings,” her note read.\n\n\
             The Pentagon on Friday said the call was useful.",
            &[
                (
                    "Ruritania’s steady build-up on the reefs can only make every patrol riskier",
                    "Ada Moss",
                ),
                ("We have had letters from residents who feel unwelcome at the meetings", "Ola Pine"),
                ("the call was useful", "U.S. Department of Defense"),
            ],
        );
    }

    #[test]
    fn any_described_subject_of_a_reporting_verb_speaks() {
        assert_quotes_and_speakers(
            "Another coach says he knows the season will be hard.\n\n\
             Pell’s staff later said the budget figure was outdated.\n\n\
             Tara Lund, a co-author of the report, says there is a rising demand for night ferries.\n\n\
             Harbor Logistics Inc. said profits fell.\n\n\
             The company said its shipping volumes could recover by spring.\n\n\
             The budget claims were false, and the two sides agreed to meet.",
            &[
                ("he knows the season will be hard", "Another coach"),
                ("the budget figure was outdated", "Pell’s staff"),
                ("there is a rising demand for night ferries", "Tara Lund"),
                ("profits fell", "Harbor Logistics Inc"),
                ("its shipping volumes could recover by spring", "Harbor Logistics Inc"),
            ],
        );
        assert_quotes_and_speakers(
            "The ferry terminal is due to shut in May, according to the city.\n\n\
             According to a study, night routes are the busiest for students.",
            &[
                ("The ferry terminal is due to shut in May", "the city"),
                ("night routes are the busiest for students", "a study"),
            ],
        );
    }

    #[test]
    fn a_paraphrase_keeps_its_clause_before_an_adjunct_fragment() {
        assert_quotes_and_speakers(
            "Analyst Ola Berg said the new rules would help both navies to settle disputes over “near misses”.\n\n\
             Wen Lu said the two sides will restart regular visits between the fleets “on the basis of trust.”\n\n\
             Rea Soto said the talks were held on the basis of “shared interests”.\n\n\
             He said the quarrels involve several harbours.",
            &[
                ("the new rules would help both navies to settle disputes over", "Ola Berg"),
                ("near misses", "Ola Berg"),
                ("the two sides will restart regular visits between the fleets", "Wen Lu"),
                ("on the basis of trust.", "Wen Lu"),
                ("shared interests", "Rea Soto"),
                ("the quarrels involve several harbours", "Rea Soto"),
            ],
        );
    }

    #[test]
    fn a_ranked_lede_description_is_the_person_named_next() {
        assert_quotes_and_speakers(
            "The top Ruritanian naval commander said Friday he wants to reopen the radio channel.\n\n\
             The fleet chief, Adm. Ada Moss, told reporters in Port Lune that it is “long overdue”.",
            &[
                ("he wants to reopen the radio channel", "Ada Moss"),
                ("long overdue", "Ada Moss"),
            ],
        );
        assert_quotes_and_speakers(
            "The nation’s top navy official said the delay was a danger.\n\n\
             Secretary Ida Moss spoke in Port Lune.\n\n\
             “I regret that very much,” Moss said. The DOD said it would respond.",
            &[
                ("the delay was a danger", "Ida Moss"),
                ("I regret that very much", "Ida Moss"),
                ("it would respond", "U.S. Department of Defense"),
            ],
        );
        // A source the lede says is anonymous stays anonymous.
        assert_quotes_and_speakers(
            "A senior U.S. official, speaking on condition of anonymity, said talks would resume.\n\n\
             Ivo Brant said he disagreed.",
            &[
                ("talks would resume", "A senior U.S. official"),
                ("he disagreed", "Ivo Brant"),
            ],
        );
        // An anonymous official later in the story stays anonymous.
        assert_quotes_and_speakers(
            "Gen. Ada Moss said the hotline matters.\n\n\
             A senior official said talks were unlikely.\n\n\
             Ivo Brant said he disagreed.",
            &[
                ("the hotline matters", "Ada Moss"),
                ("talks were unlikely", "A senior official"),
                ("he disagreed", "Ivo Brant"),
            ],
        );
    }

    #[test]
    fn the_writers_own_words_are_not_quotes() {
        let text = "My neighbour Ola Brant pointed at the ship.\n\n\
                    “It could be a frigate,” I said.\n\n\
                    “It is a ferry,” Brant said.";
        assert_quotes_and_speakers(text, &[("It is a ferry", "Ola Brant")]);
    }

    #[test]
    fn organisations_groups_and_back_references() {
        let text = "The Pentagon said the call would happen soon.\n\
                    “Lines must stay open,” the statement said.\n\
                    China’s Defense Ministry said talks depended on Washington.\n\
                    The ministry said it was ready.";
        let names: Vec<Option<String>> = run(text).into_iter().map(|q| q.2).collect();
        assert_eq!(
            names,
            vec![
                Some("U.S. Department of Defense".into()),
                Some("U.S. Department of Defense".into()),
                Some("Chinese Ministry of National Defense".into()),
                Some("Chinese Ministry of National Defense".into()),
            ]
        );
    }

    #[test]
    fn nested_attribution_goes_to_the_innermost_speaker() {
        let text =
            "According to a readout, Zhou Lan stressed that the U.S. side bears responsibility.";
        assert_eq!(one(text).2.as_deref(), Some("Zhou Lan"));
        let text = "The embassy said talks must wait, according to spokesperson Sun Wei.";
        assert_eq!(one(text).2.as_deref(), Some("Sun Wei"));
    }

    #[test]
    fn transcript_labels() {
        let text = "Retired Adm. Ida Moss spoke with us.\nQ: Will talks resume?\nMOSS: Not this year, I think.";
        let ex = extract(text);
        assert_eq!(ex.quotes.len(), 1);
        assert_eq!(ex.quotes[0].span.text(text), "Not this year, I think.");
        assert_eq!(ex.quotes[0].attribution, Attribution::TranscriptLabel);
    }

    #[test]
    fn boilerplate_is_not_speech() {
        let text = "SEE ALSO: Officials say talks will resume, according to report\n\
                    • Jo Lee can be reached at jo@example.com.";
        assert!(run(text).is_empty());
    }

    #[test]
    fn a_noun_use_of_a_reporting_verb_is_not_a_cue() {
        assert!(
            run("The deal met a Chinese government demand not to release the data.").is_empty()
        );
    }

    #[test]
    fn unattributed_direct_quote_is_kept_without_speaker() {
        let got = run("“Nobody picks up the phone.”");
        assert_eq!(
            got,
            vec![(QuoteKind::Direct, "Nobody picks up the phone.".into(), None)]
        );
    }

    #[test]
    fn a_fragment_whose_verb_has_no_resolved_subject_is_still_a_quote() {
        let text = "Mara Quill, a fictional envoy, spoke first.\n\n\
                    A junior rowing coach from the valley says she is “thrilled to bits” with it.\n\n\
                    The “so-called” plan was shelved.";
        let ex = extract(text);
        let quoted: Vec<&str> = ex.quotes.iter().map(|q| q.span.text(text)).collect();
        assert!(quoted.contains(&"thrilled to bits"), "{quoted:?}");
        // No reporting verb in its sentence: a scare quote, not speech.
        assert!(!quoted.contains(&"so-called"), "{quoted:?}");
    }

    #[test]
    fn a_time_between_subject_and_verb_and_a_listener_before_that() {
        let text = "Admiral Rosa Lind on Saturday said the hotline would reopen.\n\n\
                    Lind assured Wren Tasker that the channel stays open.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the hotline would reopen", "Rosa Lind"),
                ("the channel stays open", "Rosa Lind"),
            ],
        );
    }

    #[test]
    fn news_verbs_of_saying_beyond_said() {
        let text = "“The ledgers were mostly kept in order,” Radio Vela reported.\n\n\
                    Ada Munt shouted, “Open the gates!”\n\n\
                    Councillor Ines Paravi testified that the gates had stayed shut.\n\n\
                    Paravi did not mention the ledgers.";
        assert_quotes_and_speakers(
            text,
            &[
                ("The ledgers were mostly kept in order", "Radio Vela"),
                ("Open the gates!", "Ada Munt"),
                ("the gates had stayed shut", "Ines Paravi"),
            ],
        );
    }

    #[test]
    fn a_body_and_title_before_the_trailing_speaker() {
        let text = "“We expect the visit to go ahead,” Foreign Ministry spokesman Tavo Rennick said.\n\n\
                    ‘Plans are in place for an early meeting,’ Harbour Authority press officer Lina Osk said.";
        assert_quotes_and_speakers(
            text,
            &[
                ("We expect the visit to go ahead", "Tavo Rennick"),
                ("Plans are in place for an early meeting", "Lina Osk"),
            ],
        );
    }

    #[test]
    fn headline_attributions_without_quotation_marks() {
        let text = "Nolan Says: Reopening the hotline is a signal of calmer ties\n\n\
                    Harbour talks a step toward stability: Premier Vasko\n\n\
                    The commentator Ivo Nolan said the talks would resume.";
        let ex = extract(text);
        let got: Vec<(QuoteKind, &str, Option<&str>)> = ex
            .quotes
            .iter()
            .map(|q| (q.kind, q.span.text(text), ex.speaker_name(q)))
            .collect();
        assert_eq!(
            got,
            [
                (
                    QuoteKind::Direct,
                    "Reopening the hotline is a signal of calmer ties",
                    Some("Ivo Nolan")
                ),
                (
                    QuoteKind::Indirect,
                    "Harbour talks a step toward stability",
                    Some("Premier Vasko")
                ),
                (
                    QuoteKind::Indirect,
                    "the talks would resume",
                    Some("Ivo Nolan")
                ),
            ]
        );
    }

    #[test]
    fn an_unnamed_role_is_the_one_person_named_in_it() {
        let text = "A spokesman said on Monday that the harbour talks would go ahead.\n\n\
                    “We are ready,” said Tavo Rennick, the ministry’s spokesman.\n\n\
                    An official said the date was not fixed.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the harbour talks would go ahead", "Tavo Rennick"),
                ("We are ready", "Tavo Rennick"),
                // Nobody is named as an official: the source stays anonymous.
                ("the date was not fixed", "An official"),
            ],
        );
    }

    #[test]
    fn a_surname_alone_subject_of_a_reporting_verb_is_a_person() {
        let text = "Ostrander told the envoy that both navies share the same worries.\n\n\
                    While Ostrander’s visit touched on old disputes, his speech stressed trust. \
                    The time has come, he said, to stop counting grievances.\n\n\
                    Norland said the date was not fixed.";
        assert_quotes_and_speakers(
            text,
            &[
                ("both navies share the same worries", "Ostrander"),
                // "he" now has an antecedent; an attribution inside the
                // sentence governs what follows it (LABELING.md §9).
                ("to stop counting grievances", "Ostrander"),
                // A place speaking for its government keeps its name (LABELING.md §9.7).
                ("the date was not fixed", "Norland"),
            ],
        );
    }

    #[test]
    fn a_crowd_speaks_as_a_group() {
        let text = "Ada Munt addressed the rally.\n\nProtesters shouted, “Open the gates!”";
        assert_quotes_and_speakers(text, &[("Open the gates!", "Protesters")]);
    }

    #[test]
    fn quoted_as_saying_names_the_one_quoted() {
        let text = "Radio Vela quoted Ines Paravi as saying that the gates would stay shut.\n\n\
                    The agency quoted Ostrander as saying that the navies should talk more.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the gates would stay shut", "Ines Paravi"),
                ("the navies should talk more", "Ostrander"),
            ],
        );
    }

    #[test]
    fn affiliations_and_party_tags_after_a_name_are_not_speakers() {
        let text = "Senator Dana Whitlock of New Hampshire, the chairman of the Armed Services \
                    Committee, said the channel “must reopen soon.”\n\n\
                    Rep. Carl Fenner (R-ND) said that the ministry had ignored every request.";
        assert_quotes_and_speakers(
            text,
            &[
                ("must reopen soon.", "Dana Whitlock"),
                ("the ministry had ignored every request", "Carl Fenner"),
            ],
        );
    }

    #[test]
    fn a_spokesman_speaks_for_the_ministry_named_before_him() {
        let text = "“We see no reason for delay,” said Northland Defense Ministry spokesman \
                    Tao Renfei.\n\n“The door stays open,” the statement said.\n\n\
                    The drills will end soon, according to the statement from chief navy \
                    spokesman Ivo Brandt.";
        let got = run(text);
        assert_eq!(got[0].2.as_deref(), Some("Tao Renfei"));
        // The statement is the ministry's, not the spokesman's.
        let ministry = got[1].2.clone().unwrap_or_default();
        assert!(ministry.contains("Ministry"), "{got:?}");
        assert_eq!(got[2].1, "The drills will end soon");
        assert_eq!(got[2].2.as_deref(), Some("Ivo Brandt"));
    }

    #[test]
    fn a_participle_after_a_reporting_verb_keeps_its_speaker() {
        let text = "Harbour ties are steady, Tao said, adding that the next round is set.\n\n\
                    At the talks Admiral Mara Quist restated the plan, stating that \
                    “both fleets will keep their distance.”\n\n\
                    “The pier must be fixed,” the harbour chief stressed, arguing that repairs \
                    are “not optional.”";
        assert_quotes_and_speakers(
            text,
            &[
                ("Harbour ties are steady", "Tao"),
                ("the next round is set", "Tao"),
                ("both fleets will keep their distance.", "Mara Quist"),
                ("The pier must be fixed", "the harbour chief"),
                ("not optional.", "the harbour chief"),
            ],
        );
    }

    #[test]
    fn indirect_speech_in_news_patterns() {
        let text = "Ivo Lanz spoke to cadets. The time has come, he said, to repair the old pier.\n\n\
                    The silence, analysts say, reflects deep mistrust between the ports.\n\n\
                    The harbour should reopen soon, spokesperson Lina Varga said.\n\n\
                    According to Harbourwire, the envoy’s view is that the ferry cannot restart.\n\n\
                    Safety experts regularly warn that fog can close the channel.\n\n\
                    Governor Tomas Brel announced on Twitter on Friday that the harbour would close early.\n\n\
                    Norland media reported the port would reopen in spring.\n\n\
                    The port board has delayed the vote, according to two people familiar with the plan.\n\n\
                    Safety experts have sounded the alarm over a rise in near misses.\n\n\
                    Governor Ivo Lanz said he hoped the new ferry would link the two islands by next sum";
        assert_quotes_and_speakers(
            text,
            &[
                ("to repair the old pier", "Ivo Lanz"),
                ("reflects deep mistrust between the ports", "analysts"),
                ("The harbour should reopen soon", "Lina Varga"),
                (
                    "the envoy’s view is that the ferry cannot restart",
                    "Harbourwire",
                ),
                ("fog can close the channel", "Safety experts"),
                ("the harbour would close early", "Tomas Brel"),
                ("the port would reopen in spring", "Norland media"),
                (
                    "The port board has delayed the vote",
                    "two people familiar with the plan",
                ),
                ("a rise in near misses", "Safety experts"),
                // An excerpt cut off mid-sentence still reports speech.
                (
                    "he hoped the new ferry would link the two islands by next sum",
                    "Ivo Lanz",
                ),
            ],
        );
    }

    #[test]
    fn more_reported_speech_of_news_writing() {
        let text = "Tomas Brel urged the navy to stop the drills. He called on both ports \
                    to share their charts.\n\n\
                    Lawmakers accused the defense secretary of weakening the fleet.\n\n\
                    Brel, also the head of the council, said the ferry mattered most.\n\n\
                    The ministry said at the time that it’d not treat the delay as a failure.\n\n\
                    Harbour talks could ease tension, said a Norland commentator on Friday, but \
                    whether they last is unclear.\n\n\
                    The envoy has left his post, said a Norland official familiar with the \
                    talks, who asked not to be named.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the navy to stop the drills", "Tomas Brel"),
                ("both ports to share their charts", "Tomas Brel"),
                ("weakening the fleet", "Lawmakers"),
                ("the ferry mattered most", "Tomas Brel"),
                ("it’d not treat the delay as a failure", "The ministry"),
                ("Harbour talks could ease tension", "a Norland commentator"),
                (
                    "The envoy has left his post",
                    "a Norland official familiar with the talks",
                ),
            ],
        );
    }

    #[test]
    fn what_is_not_reported_speech() {
        let text = "The Norland ministry would not confirm that the envoy had resigned.\n\n\
                    Talks went well, said two officials who spoke on condition of anonymity.\n\n\
                    “We need talks,” Admiral Mara Quist said at an event hosted by the Harbour Institute.\n\n\
                    Lawmakers accused the envoy of answering threats too softly, like the \
                    drone that crossed the bay.\n\n\
                    When Secretary Ivo Lanz called the port office on Monday, nobody answered.";
        assert_quotes_and_speakers(
            text,
            &[
                ("Talks went well", "two officials"),
                ("We need talks", "Mara Quist"),
                ("answering threats too softly", "Lawmakers"),
            ],
        );
    }

    #[test]
    fn that_clauses_opening_with_a_phrase_or_running_into_a_fragment() {
        let text = "Governor Ivo Lanz has made the case that the ferry must keep running.\n\n\
                    Lanz told the board that after three hard winters, the port has finally \
                    recovered.\n\n\
                    Lanz announced that he will tour the islands in May, even as rivals mock his \
                    “ferry dream” on the radio.";
        assert_quotes_and_speakers(
            text,
            &[
                ("the ferry must keep running", "Ivo Lanz"),
                (
                    "after three hard winters, the port has finally recovered",
                    "Ivo Lanz",
                ),
                ("he will tour the islands in May", "Ivo Lanz"),
                ("ferry dream", "Ivo Lanz"),
            ],
        );
    }

    #[test]
    fn authorities_ministries_and_names_given_in_quotation_marks() {
        let text = "A Harbourtown man attacked two people in their home, authorities said Saturday.\n\n\
                    In a statement on Friday, Harbour Affairs said the ferry schedule is under review.\n\n\
                    Tomas Brel says the ferry, simply called ‘Gull,’ is ready for spring.";
        assert_quotes_and_speakers(
            text,
            &[
                (
                    "A Harbourtown man attacked two people in their home",
                    "authorities",
                ),
                ("the ferry schedule is under review", "Harbour Affairs"),
                // A name given in marks is no quote of its own (LABELING.md §9.2).
                (
                    "the ferry, simply called ‘Gull,’ is ready for spring",
                    "Tomas Brel",
                ),
            ],
        );
    }

    #[test]
    fn promises_quoted_sources_organisations_and_headline_roles() {
        let text = "Ferry talks a step toward stability: PM\n\n\
                    Prime Minister Ola Sen said he expected that the ferry talks would calm the \
                    harbour.\n\n\
                    Mayor Ivo Lanz vowed to restore the night crossings, but rivals doubted him. \
                    Lanz later confirmed to Mr. Brel that the ferry had sailed.\n\n\
                    The Harbour Gazette cited harbour pilot Mira Dahl as saying that the channel is safe. \
                    It said the new timetable starts in May.\n\n\
                    Multiple anonymous Harbourtown officials said the pier would close.";
        assert_quotes_and_speakers(
            text,
            &[
                // A role in a headline is the one person the article gives it.
                ("Ferry talks a step toward stability", "Ola Sen"),
                // A short title word ending a name is a surname ("Sen").
                (
                    "he expected that the ferry talks would calm the harbour",
                    "Ola Sen",
                ),
                // A promise's infinitive, up to the next clause.
                ("to restore the night crossings", "Ivo Lanz"),
                // A listener after "to" before the clause.
                ("the ferry had sailed", "Ivo Lanz"),
                // "cited X as saying" with a description before the name.
                ("the channel is safe", "Mira Dahl"),
                // "It said": the organisation just named.
                ("the new timetable starts in May", "Harbour Gazette"),
                // A quantifier stays in an anonymous source's name.
                (
                    "the pier would close",
                    "Multiple anonymous Harbourtown officials",
                ),
            ],
        );
    }

    #[test]
    fn described_sources_resolve_to_the_one_they_describe() {
        let text = "The ferry lines are talking past each other, said a Norland lawmaker \
                    leading a delegation to Harbourtown.\n\n\
                    Rep. Ivo Lanz said the aim of the trip is to restore the night crossings.\n\n\
                    Several maritime experts said the pier was too old. The experts said \
                    repairs would take a year.";
        assert_quotes_and_speakers(
            text,
            &[
                // "a lawmaker" is the one representative the article names.
                ("The ferry lines are talking past each other", "Ivo Lanz"),
                (
                    "the aim of the trip is to restore the night crossings",
                    "Ivo Lanz",
                ),
                ("the pier was too old", "Several maritime experts"),
                // "The experts" are the experts just quoted.
                ("repairs would take a year", "Several maritime experts"),
            ],
        );
        // An official stays anonymous even where one official is named.
        assert_quotes_and_speakers(
            "A Norland official said the pier would close.\n\n\
             Harbour Secretary Ola Berg said nothing had been decided.",
            &[
                ("the pier would close", "A Norland official"),
                ("nothing had been decided", "Ola Berg"),
            ],
        );
    }

    #[test]
    fn appositive_roles_place_modified_sources_credits_and_opening_phrases() {
        // The appositive's "a spokeswoman" is Moss, so "the spokesman" is the
        // spokesman named last.
        assert_quotes_and_speakers(
            "Lt. Col. Ada Moss, a spokeswoman for the port board, said the ferry would sail.\n\n\
             Colonel Bo Lind, the ministry’s spokesman, said the drills were routine.\n\n\
             “Our radios stay on day and night,” said the spokesman.",
            &[
                ("the ferry would sail", "Ada Moss"),
                ("the drills were routine", "Bo Lind"),
                ("Our radios stay on day and night", "Bo Lind"),
            ],
        );
        // A place may modify a new source's noun; "Coach" is a title, and
        // "a coach" the one coach named. A photo credit names nobody.
        assert_quotes_and_speakers(
            "A Norland ferry captain said the crossing was rough.\n\n\
             The rowers lined up on the jetty. Rory Vance/The Harbour Press\n\n\
             A Harbour rowing coach says she’s “over the moon” about the new boathouse.\n\n\
             Coach Dana Pell said the club had waited ten years.",
            &[
                ("the crossing was rough", "A Norland ferry captain"),
                ("over the moon", "Dana Pell"),
                ("the club had waited ten years", "Dana Pell"),
            ],
        );
        // The subject after a short opening phrase is who "she" is next.
        assert_quotes_and_speakers(
            "The budget passed by two votes.\n\n\
             Within an hour, Ms. Ola Berg called the result fair. \
             “I am staying on,” she told the council.",
            &[("I am staying on", "Ola Berg")],
        );
    }

    #[test]
    fn affiliations_owner_appositives_and_a_trailing_cues_frame() {
        assert_quotes_and_speakers(
            "Ada Moss with the Harbour Ferry Authority says fog caused most of the late sailings.\n\n\
             “Safety comes before the timetable,” she said.\n\n\
             Ahead of the meeting, dock managers wanted the unions to sign up to “a shared \
             rota for the night shifts,” Ben Roy, Lund’s deputy port adviser, said.",
            &[
                ("fog caused most of the late sailings", "Ada Moss"),
                ("Safety comes before the timetable", "Ada Moss"),
                // The words before the marks are the reporter's, not Roy's.
                ("a shared rota for the night shifts", "Ben Roy"),
            ],
        );
    }

    #[test]
    fn a_document_is_its_issuers() {
        assert_quotes_and_speakers(
            "The ferry rules changed last week, the Harbour Board said.\n\n\
             The change came with a Norland Courier report that the port would close.\n\n\
             The report said the closure would last a month.\n\n\
             “Who pays for this?” the Norland Courier said in a commentary.\n\n\
             Several shipping experts said the rules were overdue.\n\n\
             “The board must explain itself,” the article said.",
            &[
                ("The ferry rules changed last week", "Harbour Board"),
                // "the report" is the paper's whose report came last.
                ("the closure would last a month", "Norland Courier"),
                ("Who pays for this?", "Norland Courier"),
                ("the rules were overdue", "Several shipping experts"),
                // The article is the paper's, not the experts' it quotes.
                ("The board must explain itself", "Norland Courier"),
            ],
        );
    }

    #[test]
    fn a_role_opening_with_a_capital_and_a_with_clause_subject() {
        assert_quotes_and_speakers(
            "“Toll bridges pay for themselves within a decade,” Ada Moss, Transport \
             research lead at the Lund Institute, told the paper.\n\n\
             Mayor Bo Lind and Governor Ivo Lanz toured the site, the city said, with \
             Lind praising “the speed of the crews” in a short speech.\n\n\
             Lanz met Lind at a lunch with Senator Ola Berg, saying the county \
             would “match every dollar” of the cost.",
            &[
                (
                    "Toll bridges pay for themselves within a decade",
                    "Ada Moss",
                ),
                (
                    "Mayor Bo Lind and Governor Ivo Lanz toured the site",
                    "the city",
                ),
                ("the speed of the crews", "Bo Lind"),
                // "a lunch with Berg, saying": the sentence's subject speaks.
                ("match every dollar", "Ivo Lanz"),
            ],
        );
    }

    #[test]
    fn a_ranked_lede_description_after_a_plural_source_is_the_person_named_next() {
        assert_quotes_and_speakers(
            "All spring Harbour officials have said the pier repairs are late. \
             But a senior Norland Coast Guard officer said she thinks the delay is a \
             “paperwork problem.”\n\n\
             “The steel is here; the permits are not,” Rear Adm. Ada Moss said on a podcast.",
            &[
                ("the pier repairs are late", "Harbour officials"),
                ("paperwork problem.", "Ada Moss"),
                ("The steel is here; the permits are not", "Ada Moss"),
            ],
        );
    }

    #[test]
    fn a_definite_official_with_no_official_before_is_who_just_spoke() {
        assert_quotes_and_speakers(
            "Standing next to Norland Secretary of Trade Ada Moss at a fair in Lund, Harbour \
             Trade Minister and Deputy Premier Bo Lind called the tariff “a needless own goal.”\n\n\
             “Farmers on both sides will pay for it,” the Harbour official added.",
            &[
                ("a needless own goal.", "Bo Lind"),
                ("Farmers on both sides will pay for it", "Bo Lind"),
            ],
        );
    }

    #[test]
    fn a_listener_in_apposition_before_that() {
        assert_quotes_and_speakers(
            "Secretary Ada Moss phoned her Norland counterpart on Friday.\n\n\
             Moss told Norland’s Minister of Fisheries, Captain Bo Lind, that the quota \
             talks can wait until spring, the ministry said.",
            // The inner cue speaks, not the ministry reporting it (LABELING.md §7.7).
            &[("the quota talks can wait until spring", "Ada Moss")],
        );
    }

    #[test]
    fn he_may_be_a_described_source_and_a_role_after_an_opening_phrase() {
        assert_quotes_and_speakers(
            "Admiral Bo Lind opened the new dock on Monday.\n\n\
             One retired harbour official said the dock was built for show.\n\n\
             “Half the cranes have never moved,” he said.",
            &[
                (
                    "the dock was built for show",
                    "One retired harbour official",
                ),
                (
                    "Half the cranes have never moved",
                    "One retired harbour official",
                ),
            ],
        );
        assert_quotes_and_speakers(
            "Mayor Doug Hale said the tram would pay its way.\n\n\
             “We were never asked for figures,” a spokesperson said.\n\n\
             By Thursday, the mayor had a new pitch.\n\n\
             “Fares will cover the running costs,” he said.",
            &[
                ("the tram would pay its way", "Doug Hale"),
                ("We were never asked for figures", "a spokesperson"),
                ("Fares will cover the running costs", "Doug Hale"),
            ],
        );
    }

    #[test]
    fn a_determiner_that_inside_a_source() {
        assert_quotes_and_speakers(
            "According to people familiar with the seating plan for that dinner, the two \
             envoys will sit apart.",
            &[(
                "the two envoys will sit apart",
                "people familiar with the seating plan for that dinner",
            )],
        );
    }

    #[test]
    fn the_source_and_a_report_by_an_outlet() {
        assert_quotes_and_speakers(
            "One retired harbour official said the dock was built for show.\n\n\
             “Half the cranes have never moved,” the retired official said.\n\n\
             In the first winter, the night crews had no heating at all, the source said.\n\n\
             According to a report in the Harbour Times, Moss sold her boat.\n\n\
             A report by Norland Wire said the sale closed in March.",
            &[
                (
                    "the dock was built for show",
                    "One retired harbour official",
                ),
                (
                    "Half the cranes have never moved",
                    "One retired harbour official",
                ),
                (
                    "In the first winter, the night crews had no heating at all",
                    "One retired harbour official",
                ),
                ("Moss sold her boat", "Harbour Times"),
                // The issuer after "by", not the paper named before.
                ("the sale closed in March", "Norland Wire"),
            ],
        );
    }

    #[test]
    fn the_report_is_its_issuers_whoever_spoke_between() {
        assert_quotes_and_speakers(
            "A report by Harbourwire published on Tuesday revealed that Northland is \
             struggling to resume talks with Portvale.\n\n\
             Northland’s navy has brushed off every offer, according to Portvale sources.\n\n\
             The report states that the aim is to avoid a clash at sea.\n\n\
             Ravi Lind said the meeting was a gesture, and revealed little about what comes next.",
            &[
                (
                    "Northland is struggling to resume talks with Portvale",
                    "Harbourwire",
                ),
                (
                    "Northland’s navy has brushed off every offer",
                    "Portvale sources",
                ),
                ("the aim is to avoid a clash at sea", "Harbourwire"),
                // "revealed" without "that" takes an object: still Lind's clause.
                (
                    "the meeting was a gesture, and revealed little about what comes next",
                    "Ravi Lind",
                ),
            ],
        );
    }

    #[test]
    fn clauses_after_a_perfect_a_subordinator_or_but_that() {
        assert_quotes_and_speakers(
            "Harbourline has said it signed deals with every town on the route.\n\n\
             Sources familiar with the talks have said the port was hoping to settle by March.\n\n\
             City staff confirmed there are no plans to keep both rinks open.\n\n\
             While the Rockets said they would not speak to the lawsuit, the club’s manager \
             defended the league.\n\n\
             Moss assured Dunn that Portvale seeks no conflict, but that it will not give up \
             an inch of its coast.\n\n\
             The board says the goal is calm, but that is doubtful.",
            &[
                (
                    "it signed deals with every town on the route",
                    "Harbourline",
                ),
                (
                    "the port was hoping to settle by March",
                    "Sources familiar with the talks",
                ),
                ("there are no plans to keep both rinks open", "City staff"),
                ("they would not speak to the lawsuit", "Rockets"),
                ("Portvale seeks no conflict", "Moss"),
                ("it will not give up an inch of its coast", "Moss"),
                // "but that is …": a demonstrative, the reporter's comment.
                ("the goal is calm", "The board"),
            ],
        );
    }

    #[test]
    fn a_short_subject_and_its_present_tense_verb_make_a_clause() {
        assert_quotes_and_speakers(
            "Mr. Cal Dunn spoke on Tuesday.\n\n\
             He said the council objects to the plan.\n\n\
             He said Portvale wants calm.\n\n\
             Moss explained Portvale’s objections to the drills.\n\n\
             The envoy stressed eight countermeasures.",
            &[
                ("the council objects to the plan", "Cal Dunn"),
                ("Portvale wants calm", "Cal Dunn"),
            ],
        );
    }

    #[test]
    fn a_trailing_cue_then_a_participle_keeps_the_clause_before_it() {
        assert_quotes_and_speakers(
            "Each of the charges against Moss carries a penalty of 30 years, Lind said, \
             adding that more charges are possible.",
            &[
                (
                    "Each of the charges against Moss carries a penalty of 30 years",
                    "Lind",
                ),
                ("more charges are possible", "Lind"),
            ],
        );
    }

    #[test]
    fn the_company_is_the_one_word_name_that_spoke() {
        assert_quotes_and_speakers(
            "In a statement, Harbourline said it is fixing the cranes. The company noted \
             that the outage had no effect on its ferries.",
            &[
                ("it is fixing the cranes", "Harbourline"),
                ("the outage had no effect on its ferries", "Harbourline"),
            ],
        );
    }

    #[test]
    fn verbs_that_take_an_object_need_a_clause_verb_early() {
        assert_quotes_and_speakers(
            "The Sharks added another goal late in the third when Lind scored.\n\n\
             The board denied a request by the club to rebuild the old rink next spring.\n\n\
             Moss added the talks were useful.\n\n\
             Night shifts are the hardest to fill, according to a report by Harbour \
             Works which is released on Monday.",
            &[
                ("the talks were useful", "Moss"),
                ("Night shifts are the hardest to fill", "Harbour Works"),
            ],
        );
    }

    #[test]
    fn fragments_with_verbs_of_expression_titles_and_exclamations() {
        assert_quotes_and_speakers(
            "Senator Ada Lind bemoaned a harbour in which crews “never trust each other” \
             after dark.\n\n\
             Harbour chief Tom Reyes said his office welcomed any contact, but added that two \
             ferries had been “held up for hours” this month.\n\n\
             Cal Dunn spoke first. While the rowing champions race for the cup, the guests \
             row for fun.\n\n\
             “It is harder than it looks,” he said.\n\n\
             “Less traffic helps,” Bo Moss said on Harbour TV’s “Morning Watch.”\n\n\
             Vice Mayor Kit Hale blurted out, “Oh, no,” at the mention of the pier.\n\n\
             Jo Vance says she is determined to end a “closed shop” where the old crews keep \
             every berth.\n\n\
             Former aides traded messages, fuming at the “needless delay” caused by their \
             captain.\n\n\
             Thousands of self-described “Harbour Hawks” marched on Sunday.",
            &[
                // A verb of expression makes the fragment its subject's words…
                ("never trust each other", "Ada Lind"),
                // …but never outranks a reporting verb ("welcomed" is not the cue).
                ("his office welcomed any contact", "Tom Reyes"),
                ("held up for hours", "Tom Reyes"),
                // "champions" before a verb is a noun, not a speaker's verb.
                ("It is harder than it looks", "Cal Dunn"),
                // A programme's title after a possessive is no quote.
                ("Less traffic helps", "Bo Moss"),
                // An exclamation with a comma inside is no title.
                ("Oh, no", "Kit Hale"),
                // "where" after the marks: the fragment names nothing.
                ("closed shop", "Jo Vance"),
                // Nor does a participle after them ("caused by").
                ("needless delay", "Former aides"),
            ],
        );
    }

    #[test]
    fn a_titled_name_after_a_team_name_speaks() {
        assert_quotes_and_speakers(
            "“We lost the middle of the ice,” said Harbour Sharks head coach Ken Dale.",
            &[("We lost the middle of the ice", "Ken Dale")],
        );
    }

    #[test]
    fn sources_after_according_to_and_places_after_the_verb() {
        assert_quotes_and_speakers(
            "Such delays could leave a ferry stranded for a night, Brandvold explained \
             from Port Avery.\n\n\
             The ferry will stay in service all winter, according to harbour officials \
             speaking on condition of anonymity.\n\n\
             According to the latest figures from Harbour Statistics, ferry delays doubled \
             last winter.",
            &[
                (
                    "Such delays could leave a ferry stranded for a night",
                    "Brandvold",
                ),
                ("The ferry will stay in service all winter", "officials"),
                ("ferry delays doubled last winter", "Harbour Statistics"),
            ],
        );
        // The reported clause after the opening source is not its description.
        let text = "According to Harbour Statistics, ferry delays doubled last winter.";
        let ex = extract(text);
        assert!(
            ex.speakers.iter().all(|s| s.role.is_none()),
            "{:?}",
            ex.speakers
        );
    }

    #[test]
    fn plural_determiners_and_participle_postmodifiers_of_sources() {
        assert_quotes_and_speakers(
            "Several observers quoted anonymously in the inquiry said the tower had gone \
             quiet.\n\n\
             All those involved say the schedule is too tight.",
            &[
                ("the tower had gone quiet", "Several observers"),
                ("the schedule is too tight", "those involved"),
            ],
        );
    }

    #[test]
    fn a_confession_is_reported_speech() {
        assert_quotes_and_speakers(
            "Tilde Moss confessed that she had never sailed before.",
            &[("she had never sailed before", "Tilde Moss")],
        );
    }

    #[test]
    fn a_question_s_circumstance_before_a_cue_is_not_speech() {
        assert_quotes_and_speakers(
            "When asked on Monday whether the ferry would run late, Moss said, \
             “The tide decides that.”",
            &[("The tide decides that.", "Moss")],
        );
    }

    #[test]
    fn a_source_after_a_preposition_and_an_article_or_in_a_description() {
        assert_quotes_and_speakers(
            "In a short reply, the Harbour Consulate in the Isles said the Isles should \
             reopen the ferry.\n\n\
             The worry is the buoy itself, with retired Captain Jo Vance, a former harbour \
             master in the Northern Fleet warning the crews might come to rely on it.",
            &[
                ("the Isles should reopen the ferry", "Harbour Consulate"),
                ("the crews might come to rely on it", "Jo Vance"),
            ],
        );
    }
}
