//! The attribution sieve for quotations in marks, one function a rule, tried
//! in the order of [`RULES`].

use super::cues::{is_quote_char, Cue, Sentence};
use super::lexicon::*;
use super::marks::MarkedQuote;
use super::mentions::{Entities, SpeakerKind};
use super::{Attribution, QuoteKind};
use crate::text::Span;

/// A quote being built.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) span: Span,
    pub(super) outer: Span,
    pub(super) kind: QuoteKind,
    pub(super) entity: Option<usize>,
    pub(super) cue: Option<Span>,
    pub(super) attribution: Attribution,
    pub(super) confidence: f32,
}

pub(super) fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.start <= pos);
    let i = i.checked_sub(1)?;
    (pos <= sentences[i].span.end).then_some(i)
}

/// `NAME: answer` paragraphs of a transcript (a question line `Q:` is the interviewer's, not a quote).
pub(super) fn transcript_label(
    text: &str,
    para: Span,
    entities: &mut Entities,
) -> Option<(Span, Span, usize)> {
    let s = para.text(text);
    let colon = s.find(':')?;
    let label = s[..colon].trim();
    if label.is_empty() || label.len() > 40 || s[colon + 1..].trim().is_empty() {
        return None;
    }
    let label_words: Vec<&str> = label.split_whitespace().collect();
    if label_words.len() > 4
        || !label_words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return None;
    }
    let lower = label.to_lowercase();
    if matches!(
        lower.as_str(),
        "q" | "question" | "interviewer" | "host" | "moderator"
    ) || CAPTION_LABELS
        .iter()
        .any(|caption| lower.starts_with(caption))
    {
        return None;
    }
    // The label must name someone already in the article (by a name token).
    let last = label_words.last()?.trim_end_matches('.').to_lowercase();
    let entity = entities
        .list
        .iter()
        .rposition(|e| e.kind == SpeakerKind::Person && e.name_tokens.contains(&last))?;
    let label_span = Span::new(para.start, para.start + colon);
    let body = Span::new(para.start + colon + 1, para.end).trim(text);
    entities.list[entity].mentions.push(label_span);
    Some((label_span, body, entity))
}

/// The sieve's rules in the order they are tried; the README's description of
/// the extractor lists the same. The first three look at the quotation's own
/// sentence; the last three give a speaker to quotes those left without one.
pub const RULES: &[(Attribution, &str)] = &[
    (
        Attribution::TranscriptLabel,
        "`NAME: answer` paragraphs of a transcript",
    ),
    (
        Attribution::TrailingCue,
        "a cue right after the closing mark: `“…,” Mr. X said`, `“…,” said Mr. X`",
    ),
    (
        Attribution::LeadInCue,
        "the nearest cue before the opening mark in its sentence: `Mr. X said: “…”`",
    ),
    (
        Attribution::SentenceCue,
        "a partial quote (or a whole sentence before a long description of its speaker) whose cue is elsewhere in its sentence",
    ),
    (
        Attribution::SameParagraph,
        "another attributed quote of the same paragraph",
    ),
    (
        Attribution::ColonLeadIn,
        "the previous paragraph ends with an attributed colon lead-in",
    ),
    (
        Attribution::ContinuedParagraph,
        "a quote-only paragraph continues the previous paragraph's speaker",
    ),
    (
        Attribution::NearestSpeaker,
        "a quotation still without a speaker: the nearest speaker before it",
    ),
];

/// Where a marked quotation sits among the sentences and its neighbours.
struct Site<'a> {
    text: &'a str,
    q: &'a MarkedQuote,
    sentences: &'a [Sentence],
    /// The sentences holding the opening and the closing mark.
    open: usize,
    close: usize,
    /// The end of the previous quotation in the opening sentence, else its start.
    prev_end: usize,
    /// The start of the next quotation.
    next_start: usize,
}

/// Rule: a trailing cue starts right after the closing mark.
fn trailing_cue<'a>(site: &Site<'a>) -> Option<&'a Cue> {
    let (text, q) = (site.text, site.q);
    let close_sentence = &site.sentences[site.close];
    close_sentence
        .cues
        .iter()
        .find(|c| {
            let first = close_sentence
                .words
                .get(c.first_word)
                .map(|w| w.span.start)
                .unwrap_or(0);
            first >= q.outer.end
                && first < site.next_start
                && text.get(q.outer.end..first).is_some_and(|between| {
                    let rest = between.trim_start_matches(|ch: char| {
                        ch.is_whitespace() || matches!(ch, ',' | '—' | '–' | '-' | ':')
                    });
                    rest.is_empty() || is_lowercase_title(rest) || is_body_and_title(rest)
                })
        })
        .or_else(|| cue_in_next_sentence(site))
}

/// `“… this time?” Castellanos asked.` The segmenter ends a sentence after
/// `?”`/`!”` before a capital; a short next sentence that starts with its cue
/// is the quote's attribution all the same.
fn cue_in_next_sentence<'a>(site: &Site<'a>) -> Option<&'a Cue> {
    let (text, q) = (site.text, site.q);
    if !q.inner.text(text).trim_end().ends_with(['?', '!']) {
        return None;
    }
    let next = site.sentences.get(site.close + 1)?;
    let gap = text.get(q.outer.end..next.span.start)?;
    if next.span.start >= site.next_start
        || gap.contains('\n')
        || !gap.chars().all(char::is_whitespace)
        || next.words.len() > 8
    {
        return None;
    }
    next.cues.iter().find(|c| c.first_word == 0)
}

/// Rule: the nearest cue before the opening mark in its sentence.
fn lead_in_cue<'a>(site: &Site<'a>) -> Option<&'a Cue> {
    site.sentences[site.open]
        .cues
        .iter()
        .rfind(|c| c.verb.end <= site.q.outer.start && c.verb.start >= site.prev_end)
}

/// The first cue after the quotation in its sentence.
fn cue_after<'a>(site: &Site<'a>) -> Option<&'a Cue> {
    site.sentences[site.close]
        .cues
        .iter()
        .find(|c| c.verb.start >= site.q.outer.end && c.verb.start < site.next_start)
}

/// Rule (fragments): any cue after the quotation in its sentence, else the
/// lead-in, else the nearest cue before it even across an earlier quotation
/// ("said the report was “confusing” and that talks had “good momentum”").
fn sentence_cue<'a>(site: &Site<'a>, lead_in: Option<&'a Cue>) -> Option<&'a Cue> {
    cue_after(site).or(lead_in).or_else(|| {
        site.sentences[site.open]
            .cues
            .iter()
            .rfind(|c| c.verb.end <= site.q.outer.start)
    })
}

/// A lower-case reporting verb in the quotation's sentence, outside it.
fn speech_verb_in_sentence(site: &Site) -> bool {
    let (text, q) = (site.text, site.q);
    let start = site.sentences[site.open].span.start;
    let end = site.sentences[site.close].span.end;
    let before = text
        .get(start.min(q.outer.start)..q.outer.start)
        .unwrap_or("");
    let after = text.get(q.outer.end.min(end)..end).unwrap_or("");
    has_reporting_verb(before) || has_reporting_verb(after)
}

/// Direct or partial, decided by the words around the marks, not by whether
/// the speaker could be resolved.
fn is_direct(site: &Site, trailing: Option<&Cue>) -> bool {
    let (text, q) = (site.text, site.q);
    let before = text.get(site.prev_end..q.outer.start).unwrap_or("").trim();
    let after_end = site.sentences[site.close].span.end.min(site.next_start);
    let after = text
        .get(q.outer.end.min(after_end)..after_end)
        .unwrap_or("");
    let after_bare = after.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || is_quote_char(c) || c == '—'
    });
    let starts_upper = q.inner.text(text).chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '[' | '(' | '‘' | '\'' | '…')
    });
    let lead_in_ok = before.is_empty()
        || before.ends_with(':')
        || ((before.ends_with(',') || before.ends_with(" that")) && has_reporting_verb(before));
    let after_is_attribution = trailing.is_some()
        || (after_bare.split_whitespace().count() <= 12 && has_reporting_verb(after_bare));
    // A whole sentence of six words or more, closed by its own punctuation
    // inside the marks, is speech whatever follows ("“…,” read one provision"):
    // titles and terms are shorter and end without punctuation.
    // The marks' own text: the inner span has lost its closing comma.
    let inner = q.outer.text(text).trim_end_matches(is_quote_char);
    let whole_sentence = q.closed
        && before.is_empty()
        && inner.ends_with([',', '.', '?', '!'])
        && inner.split_whitespace().count() >= 6;
    starts_upper && lead_in_ok && (after_bare.is_empty() || after_is_attribution || whole_sentence)
}

/// Attributes the quotations found by their marks (the sieve), and decides
/// direct vs partial and scare quotes.
pub(super) fn attribute_marked(
    text: &str,
    marked: &[MarkedQuote],
    sentences: &[Sentence],
    transcript: &[(Span, usize, Span)],
) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for (qi, q) in marked.iter().enumerate() {
        if transcript.iter().any(|(body, _, _)| body.overlaps(q.outer)) {
            continue;
        }
        let Some(open) = sentence_at(sentences, q.outer.start) else {
            continue;
        };
        let close = sentence_at(sentences, q.outer.end.saturating_sub(1)).unwrap_or(open);
        let prev_end = qi
            .checked_sub(1)
            .map(|i| marked[i].outer.end)
            .filter(|&e| e > sentences[open].span.start)
            .unwrap_or(sentences[open].span.start);
        let next_start = marked
            .get(qi + 1)
            .map(|n| n.outer.start)
            .unwrap_or(usize::MAX);
        let site = Site {
            text,
            q,
            sentences,
            open,
            close,
            prev_end,
            next_start,
        };

        let trailing = trailing_cue(&site);
        let lead_in = lead_in_cue(&site);
        let direct = is_direct(&site, trailing);
        let kind = if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let (cue, attribution) = match (trailing, lead_in) {
            (Some(c), _) => (Some(c), Attribution::TrailingCue),
            (None, Some(c)) if direct => (Some(c), Attribution::LeadInCue),
            _ if kind == QuoteKind::Partial => {
                (sentence_cue(&site, lead_in), Attribution::SentenceCue)
            }
            // A whole sentence whose speaker comes after a long description
            // ("…,” Office of Harbour Defence spokesperson Col. Ada Moss said").
            _ if direct => (cue_after(&site), Attribution::SentenceCue),
            _ => (None, Attribution::Unattributed),
        };
        let attribution = cue.map_or(attribution, |c| c.attribution(attribution));
        let speech = cue.is_some() || speech_verb_in_sentence(&site);
        if kind == QuoteKind::Partial && (is_scare_quote(text, q, speech) || !speech) {
            // Scare quotes and titles are not speech; a fragment in a sentence with no
            // reporting verb is not a quote, even if a later rule (same paragraph) could
            // find a speaker for it. One whose verb's subject was not resolved ("a
            // rowing coach says she is “thrilled”") is kept, for the later rules to attribute.
            continue;
        }
        if q.single && cue.is_none() {
            continue;
        }
        let confidence = cue.map_or(0.0, |c| c.confidence(attribution));
        drafts.push(Draft {
            span: q.inner,
            outer: q.outer,
            kind,
            entity: cue.and_then(|c| c.entity),
            cue: cue.map(|c| c.verb),
            attribution,
            confidence,
        });
    }
    continue_speakers(text, &mut drafts, sentences);
    drafts
}

/// "foreign ministry spokeswoman " before a name: up to five lower-case words
/// that are not function words, so "…,” and then Mary Jones said" is not one.
pub(super) fn is_lowercase_title(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (1..=5).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars()
                .all(|c| c.is_lowercase() || matches!(c, '-' | '’' | '\''))
                && !TITLE_STOP_WORDS.contains(w)
                && !FINITE.contains(w)
        })
}

/// "Foreign Ministry spokesman ", "Pentagon press secretary " before a name:
/// up to four capitalised words (the body) then a lower-case title.
fn is_body_and_title(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    let body = ws
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (1..=4).contains(&body) && body < ws.len() && is_lowercase_title(&ws[body..].join(" "))
}

pub(super) fn has_reporting_verb(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|w| {
        !w.is_empty()
            && reporting_verb(w).is_some()
            && w.chars().next().is_some_and(|c| c.is_lowercase())
    })
}

/// What a continuation rule decided for one quote.
enum Verdict {
    /// This speaker, with this confidence.
    Speaker(Option<usize>, f32),
    /// The quote stays unattributed; later rules are not tried.
    Stop,
    /// This rule does not apply; try the next.
    Next,
}

/// What the continuation rules look at: the drafts so far, each one's
/// paragraph, and the sentences.
struct Continuation<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    paras: Vec<Option<usize>>,
}

/// A quote that opens its paragraph, and the paragraph before.
struct Opening<'a> {
    /// The quote's sentence.
    sentence: usize,
    prev_para: usize,
    prev_para_sentences: &'a [Sentence],
}

type ContinuationRule = fn(&Continuation, &[Draft], usize) -> Verdict;

/// Rules 4–6 in order (the last three of [`RULES`]).
const CONTINUATION_RULES: &[(Attribution, ContinuationRule)] = &[
    (Attribution::SameParagraph, same_paragraph),
    (Attribution::ColonLeadIn, colon_lead_in),
    (Attribution::ContinuedParagraph, continued_paragraph),
    (Attribution::NearestSpeaker, nearest_speaker),
];

impl<'a> Continuation<'a> {
    fn para_sentences(&self, para: usize) -> &'a [Sentence] {
        let a = self.sentences.partition_point(|s| s.para < para);
        let b = self.sentences.partition_point(|s| s.para <= para);
        &self.sentences[a..b]
    }

    /// `None` when the quote does not open its paragraph, or opens the article.
    fn opening(&self, draft: &Draft) -> Option<Opening<'a>> {
        let sentences = self.sentences;
        let si = sentence_at(sentences, draft.outer.start)?;
        let opens_para = sentences[si].span.start == draft.outer.start
            && si
                .checked_sub(1)
                .is_none_or(|p| sentences[p].para != sentences[si].para);
        if !opens_para || si == 0 {
            return None;
        }
        let prev_para = sentences[si - 1].para;
        Some(Opening {
            sentence: si,
            prev_para,
            prev_para_sentences: self.para_sentences(prev_para),
        })
    }
}

/// Rule 4: an earlier attributed quote of the same paragraph, or the next one right after.
fn same_paragraph(ctx: &Continuation, drafts: &[Draft], i: usize) -> Verdict {
    let para = ctx.paras[i];
    let earlier = (0..i)
        .rev()
        .take_while(|&j| ctx.paras[j] == para)
        .find(|&j| drafts[j].entity.is_some() && drafts[j].kind != QuoteKind::Indirect);
    if let Some(j) = earlier {
        return Verdict::Speaker(drafts[j].entity, 0.85 * drafts[j].confidence.max(0.5));
    }
    let later = drafts.get(i + 1).filter(|n| {
        ctx.paras[i + 1] == para
            && n.entity.is_some()
            && ctx
                .text
                .get(drafts[i].outer.end..n.outer.start)
                .is_some_and(|s| s.trim().is_empty())
    });
    match later {
        Some(n) => Verdict::Speaker(n.entity, 0.85 * n.confidence.max(0.5)),
        None => Verdict::Next,
    }
}

/// Rule 5: the quote opens its paragraph and the paragraph before ends with
/// an attributed colon lead-in ("He said:" with nobody to name leaves it unattributed).
fn colon_lead_in(ctx: &Continuation, drafts: &[Draft], i: usize) -> Verdict {
    let Some(opening) = ctx.opening(&drafts[i]) else {
        return Verdict::Next;
    };
    let Some(last) = opening.prev_para_sentences.last() else {
        return Verdict::Next;
    };
    if last.span.text(ctx.text).trim_end().ends_with(':') {
        if let Some(c) = last.cues.last() {
            return match c.entity {
                Some(_) => Verdict::Speaker(c.entity, 0.8 * c.certainty),
                None => Verdict::Stop,
            };
        }
    }
    Verdict::Next
}

/// Rule 6: a quote-only paragraph continues the previous paragraph's speaker:
/// its last attributed quote, else its last cue; failing both, whoever the
/// story is about at that point.
fn continued_paragraph(ctx: &Continuation, drafts: &[Draft], i: usize) -> Verdict {
    let Some(opening) = ctx.opening(&drafts[i]) else {
        return Verdict::Next;
    };
    let sentences = ctx.sentences;
    let para_has_cue = ctx
        .para_sentences(sentences[opening.sentence].para)
        .iter()
        .any(|s| !s.cues.is_empty());
    if para_has_cue {
        return Verdict::Next;
    }
    let para = ctx.paras[i];
    let prev_quote = (0..i)
        .rev()
        .skip_while(|&j| ctx.paras[j] == para)
        .take_while(|&j| ctx.paras[j] == Some(opening.prev_para))
        .find(|&j| drafts[j].entity.is_some())
        .map(|j| (drafts[j].entity, 0.7));
    let prev_cue = || {
        opening
            .prev_para_sentences
            .iter()
            .rev()
            .find_map(|s| s.cues.iter().rev().find(|c| c.entity.is_some()))
            .map(|c| (c.entity, 0.65 * c.certainty))
    };
    let story_subject = || {
        sentences[opening.sentence]
            .salient_before
            .map(|e| (Some(e), 0.5))
    };
    match prev_quote.or_else(prev_cue).or_else(story_subject) {
        Some((entity, confidence)) => Verdict::Speaker(entity, confidence),
        None => Verdict::Next,
    }
}

/// Last rule: the speaker of the nearest attributed quotation before, in this
/// paragraph or the one before; else whoever the story is about when the
/// quotation's sentence starts.
fn nearest_speaker(ctx: &Continuation, drafts: &[Draft], i: usize) -> Verdict {
    let Some(para) = ctx.paras[i] else {
        return Verdict::Next;
    };
    let near = |p: &Option<usize>| p.is_some_and(|p| p + 1 >= para && p <= para);
    let earlier = (0..i)
        .rev()
        .take_while(|&j| near(&ctx.paras[j]))
        .find(|&j| drafts[j].entity.is_some() && drafts[j].kind != QuoteKind::Indirect)
        .map(|j| (drafts[j].entity, 0.4));
    let subject = || {
        let si = sentence_at(ctx.sentences, drafts[i].outer.start)?;
        ctx.sentences[si].salient_before.map(|e| (Some(e), 0.3))
    };
    match earlier.or_else(subject) {
        Some((entity, confidence)) => Verdict::Speaker(entity, confidence),
        None => Verdict::Next,
    }
}

/// Runs the continuation rules on every quote still without a speaker.
fn continue_speakers(text: &str, drafts: &mut [Draft], sentences: &[Sentence]) {
    // Drafts are in text order, so one paragraph's drafts are contiguous; every
    // rule walks only the neighbouring paragraphs (linear overall).
    let ctx = Continuation {
        text,
        sentences,
        paras: drafts
            .iter()
            .map(|d| sentence_at(sentences, d.outer.start).map(|s| sentences[s].para))
            .collect(),
    };
    for i in 0..drafts.len() {
        if drafts[i].entity.is_some() {
            continue;
        }
        for (attribution, rule) in CONTINUATION_RULES {
            match rule(&ctx, drafts, i) {
                Verdict::Speaker(entity, confidence) => {
                    drafts[i].entity = entity;
                    drafts[i].attribution = *attribution;
                    drafts[i].confidence = confidence;
                    break;
                }
                Verdict::Stop => break,
                Verdict::Next => {}
            }
        }
    }
}

/// A quoted fragment that names a thing rather than reports speech.
pub(super) fn is_scare_quote(text: &str, q: &MarkedQuote, speech: bool) -> bool {
    let inner = q.inner.text(text);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let last = words
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    // "“freedom of navigation operations”": a named policy or programme,
    // unless its sentence reports speech and it opens lower case with an
    // evaluation ("called it a “reckless act”").
    let opens_lower = words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_lowercase);
    if NAME_LIKE_FRAGMENT_ENDINGS.contains(&last.as_str())
        && words.len() <= 6
        && !(speech && opens_lower && words.len() >= 2)
    {
        return true;
    }
    // "treating each meeting as a “gift”": a word or two used as a noun is a term.
    let prev_is_article = text
        .get(..q.outer.start)
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    // In a sentence that reports speech ("called it a “pacing challenge” for
    // the US") the words are the speaker's, unless they modify the noun after
    // them ("the “so-called” plan").
    let next_word = text
        .get(q.outer.end..)
        .and_then(|a| a.split_whitespace().next())
        .unwrap_or("");
    // A comma inside or after the marks closes the phrase ("as a “pleasant
    // daydream,” unless …").
    let modifies_next = text.get(q.outer.end..).is_some_and(|a| a.starts_with(' '))
        && !q
            .outer
            .text(text)
            .trim_end_matches(is_quote_char)
            .ends_with(',')
        && next_word.chars().next().is_some_and(char::is_lowercase)
        && !MODIFIER_STOP_WORDS.contains(&next_word.trim_end_matches([',', '.', ';', ':']))
        // (a past participle after it, "the “damage” inflicted by", is no noun)
        && !(next_word.len() > 5 && next_word.ends_with("ed"));
    if prev_is_article
        && words.len() <= 2
        && !inner.ends_with(['.', '?', '!'])
        && (!speech || modifies_next)
    {
        return true;
    }
    let before = text.get(..q.outer.start).unwrap_or("");
    let prev_word = before
        .split_whitespace()
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .unwrap_or_default();
    // "the ferry, simply called ‘Gull,’", "a plan, called “Harbour”": a name
    // given, not words said ("called it a “pacing challenge”" is speech).
    let naming_call = prev_word == "called" && {
        let mut back = before.split_whitespace().rev().skip(1);
        back.next().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with(',')
                || (w.len() > 3 && w.ends_with("ly"))
                || matches!(
                    w.as_str(),
                    "is" | "was" | "are" | "were" | "be" | "been" | "being" | "also"
                )
        })
    };
    if naming_call
        || TERM_MARKERS.contains(&prev_word.as_str())
        || (prev_word == "as" && before.trim_end().to_lowercase().ends_with("known as"))
    {
        return true;
    }
    // "on Harbour TV’s “Morning Watch.”": Title Case after a name's
    // possessive is a programme's or a work's title, even at the sentence end.
    let title_case = words.iter().filter(|w| w.len() > 3).all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    // (Also after "on": "said on “Harbour Morning.”".)
    let title_slot = before.split_whitespace().last().is_some_and(|w| {
        (w.chars().next().is_some_and(char::is_uppercase)
            && (w.ends_with("’s") || w.ends_with("'s")))
            || (w == "on" && words.len() >= 2)
    });
    if title_slot
        && title_case
        && words.len() <= 6
        && !inner.ends_with(['?', '!'])
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return true;
    }
    // Title Case with no closing punctuation: a title or a name ("“Oh, God,”",
    // with a comma inside, is an exclamation).
    words.len() >= 2
        && !inner.trim_end_matches(',').contains(',')
        && words
            .iter()
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !inner.ends_with(['.', '?', '!'])
}
