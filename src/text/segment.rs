use super::{words, Span};

/// Abbreviations whose final dot does not end a sentence (lower case, no dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "adm", "capt", "col", "lt", "sgt", "sen", "rep", "gov",
    "maj", "cmdr", "brig", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "a.m", "p.m", "ret", "gens", "adms", "reps", "sens", "fig", "approx", "dept", "mt",
    "ft",
];

/// Paragraphs and their sentences, computed once per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segments {
    /// The article's paragraphs (non-empty lines, trimmed), in text order.
    pub paragraphs: Vec<Span>,
    /// Sentences of each paragraph.
    pub sentences: Vec<Vec<Span>>,
}

impl Segments {
    /// Splits `text` into paragraphs and their sentences.
    pub fn new(text: &str) -> Self {
        let paragraphs = paragraphs(text);
        let sentences = paragraphs.iter().map(|&p| sentences(text, p)).collect();
        Segments {
            paragraphs,
            sentences,
        }
    }

    /// (paragraph index, sentence index) of the sentence holding `pos`.
    pub fn locate(&self, pos: usize) -> Option<(usize, usize)> {
        let p = self.paragraph_at(pos)?;
        let s = self.sentences[p]
            .iter()
            .rposition(|s| s.start <= pos)
            .unwrap_or(0);
        Some((p, s))
    }

    /// The sentences a span touches, and the paragraph it starts in (the
    /// span itself twice when it lies before every paragraph).
    pub fn context(&self, span: Span) -> (Span, Span) {
        let Some((p, s)) = self.locate(span.start) else {
            return (span, span);
        };
        let sentences = &self.sentences[p];
        let last = sentences
            .iter()
            .rposition(|x| x.start < span.end.max(span.start + 1))
            .unwrap_or(s)
            .max(s);
        let sentence = Span::new(
            sentences[s].start,
            sentences[last]
                .end
                .max(span.end.min(self.paragraphs[p].end)),
        );
        (sentence, self.paragraphs[p])
    }

    /// Index of the paragraph holding `pos` (or the last one starting before it).
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let idx = self.paragraphs.partition_point(|p| p.start <= pos);
        idx.checked_sub(1)
    }
}

/// Non-empty lines, trimmed: news text puts one paragraph on a line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            push_trimmed(text, Span::new(start, i), &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
}

fn is_sentence_start(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '“' | '"' | '‘' | '\'' | '[' | '(' | '«' | '„' | '—' | '•'
        )
}

/// Sentences of `para`: a boundary after . ? ! (and any closing marks) when
/// white space and a capital, digit or opening mark follow, unless the dot
/// belongs to an abbreviation or an initial.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let s = para.text(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    // A dateline ("BEIJING (Wire) — ") is not part of the first sentence: its
    // words would otherwise join the subject ("BEIJING (Wire) — China’s …").
    let mut start = dateline_len(s);
    let mut i = chars.partition_point(|&(pos, _)| pos < start);
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '?' | '!' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '?' | '!') || is_closing(chars[j].1))
            {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { s.len() };
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let boundary = k > j
                && k < chars.len()
                && is_sentence_start(chars[k].1)
                && !(c == '.' && is_abbreviation_dot(s, pos));
            if boundary {
                push_trimmed(
                    text,
                    Span::new(para.start + start, para.start + end),
                    &mut out,
                );
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, Span::new(para.start + start, para.end), &mut out);
    out
}

/// Bytes of a leading dateline: an upper-case place of up to four words (with
/// an optional state or country after a comma and an optional "(Outlet)"),
/// then a dash and white space. 0 when there is none.
fn dateline_len(s: &str) -> usize {
    let Some((dash, width)) = [" — ", " – ", " -- "]
        .iter()
        .filter_map(|d| s.find(d).map(|i| (i, d.len())))
        .min()
    else {
        return 0;
    };
    if dash > 60 {
        return 0;
    }
    let head = &s[..dash];
    let place = head.split(" (").next().unwrap_or(head);
    let place = place.split(',').next().unwrap_or(place);
    let words: Vec<&str> = place.split_whitespace().collect();
    let all_caps = |w: &&str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    let outlet_ok = head.find(" (").is_none_or(|i| {
        head.strip_suffix(')')
            .and_then(|h| h.get(i + 2..))
            .is_some_and(|outlet| !outlet.contains(['(', ')', '—']))
    });
    if (1..=4).contains(&words.len())
        && words.iter().all(all_caps)
        && words.iter().map(|w| w.len()).sum::<usize>() >= 3
        && outlet_ok
    {
        dash + width
    } else {
        0
    }
}

/// Is `word` (with or without its dot) an abbreviation whose dot ends no sentence?
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Is the dot at `dot` (byte in `s`) the end of an abbreviation or initial?
fn is_abbreviation_dot(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '—'))
        .map(|i| i + before[i..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if is_abbreviation(&lower) {
        return true;
    }
    // A single capital letter: an initial (Carl F. Brenner).
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Lines that are not speech: related-link lines, comment policies,
/// contact lines, bylines, photo credits and short section headings.
pub fn is_boilerplate(text: &str, para: Span) -> bool {
    let s = para.text(text).trim();
    let lower = s.to_lowercase();
    const PREFIXES: &[&str] = &[
        "see also:",
        "related:",
        "read more:",
        "read also:",
        "also read:",
        "please read our comment policy",
        "photo:",
        "photograph:",
        "image:",
        "(photo",
        "copyright",
        "©",
        "follow us",
        "sign up",
        "subscribe",
        "editor's note:",
        "editor’s note:",
        "correction:",
        "click here",
        "watch:",
    ];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if lower.contains("can be reached at")
        || lower.contains("comment policy")
        || lower.contains("all rights reserved")
    {
        return true;
    }
    if s.starts_with('•') && (lower.contains('@') || lower.contains("reached")) {
        return true;
    }
    // A heading or headline (up to twenty words): no closing punctuation, no quotation
    // marks, no trailing attribution ("…, Beijing says" is speech: LABELING.md §7.6).
    let word_count = words(text, para).len();
    let has_quote = s.chars().any(|c| matches!(c, '"' | '“' | '”' | '‘' | '\''));
    let ends_like_sentence = s.ends_with(['.', '?', '!', '”', '"', ':', ';', ',']);
    // The last line of an excerpt cut off mid-sentence is prose, not a heading.
    let cut_off = para.end >= text.trim_end().len()
        && !text.ends_with(['\n', '\r'])
        && word_count >= 6
        && s.split_whitespace()
            .skip(1)
            .filter(|w| w.starts_with(char::is_lowercase))
            .count()
            * 2
            >= word_count;
    word_count > 0
        && word_count <= 20
        && !has_quote
        && !ends_like_sentence
        && !ends_with_attribution(s)
        && !cut_off
}

/// "…, U.S. military says": a comma, at most four words, then a reporting verb
/// closing the line.
fn ends_with_attribution(line: &str) -> bool {
    const HEADLINE_VERBS: &[&str] = &[
        "says", "said", "warns", "insists", "claims", "urges", "tells", "argues", "admits",
    ];
    let Some((_, tail)) = line.rsplit_once(", ") else {
        return false;
    };
    let tail: Vec<&str> = tail.split_whitespace().collect();
    (2..=5).contains(&tail.len())
        && tail
            .last()
            .is_some_and(|v| HEADLINE_VERBS.contains(&v.to_lowercase().as_str()))
        && tail[0].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let p = Span::new(0, text.len());
        sentences(text, p).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn a_dateline_is_not_part_of_the_first_sentence() {
        assert_eq!(
            sents("BEIJING (Wire) — China’s foreign ministry said it would wait. It waited."),
            vec!["China’s foreign ministry said it would wait.", "It waited."]
        );
        assert_eq!(
            sents("WASHINGTON, D.C. — The admiral spoke."),
            vec!["The admiral spoke."]
        );
        // A dash later in a sentence, or after ordinary words, is not a dateline.
        assert_eq!(
            sents("The talks — long stalled — resumed."),
            vec!["The talks — long stalled — resumed."]
        );
        assert_eq!(
            sents("US — and China — met."),
            vec!["US — and China — met."]
        );
    }

    #[test]
    fn a_headline_with_a_trailing_attribution_is_speech() {
        let line = "Talks must resume soon, Beijing says";
        assert!(!is_boilerplate(line, Span::new(0, line.len())));
        let line = "Chinese warship came close to U.S. destroyer, U.S. military says";
        assert!(!is_boilerplate(line, Span::new(0, line.len())));
        let line = "Talks, ships and planes";
        assert!(is_boilerplate(line, Span::new(0, line.len())));
        let line = "Pentagon No. 2 heads to Asia forum";
        assert!(is_boilerplate(line, Span::new(0, line.len())));
    }

    #[test]
    fn splits_on_terminal_punctuation_with_closing_marks() {
        assert_eq!(
            sents(
                "“We’ve tried that for decades,” he said. “We have to understand.” Then he left."
            ),
            vec![
                "“We’ve tried that for decades,” he said.",
                "“We have to understand.”",
                "Then he left."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. Whitcombe met Adm. Paul Ridgeway in the U.S. Navy office. Carl F. Brenner spoke."),
            vec!["Mr. Whitcombe met Adm. Paul Ridgeway in the U.S. Navy office.", "Carl F. Brenner spoke."]
        );
    }

    #[test]
    fn paragraphs_are_trimmed_lines_with_crlf() {
        let text = "First line.\r\n\r\n  Second\tline. \nThird";
        let p: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(p, vec!["First line.", "Second\tline.", "Third"]);
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "SEE ALSO: China weighs putting military troops in Cuba, according to report",
            "Please read our comment policy before commenting.",
            "• Jane Roe can be reached at jroe@example.com.",
            "Bargaining chip",
            "By Jane Roe",
        ] {
            assert!(is_boilerplate(line, Span::new(0, line.len())), "{line}");
        }
        let speech = "“It’s a slow thaw,” he said.";
        assert!(!is_boilerplate(speech, Span::new(0, speech.len())));
    }

    #[test]
    fn locate_finds_sentence() {
        let text = "A b. C d.\nE f.";
        let seg = Segments::new(text);
        assert_eq!(seg.locate(0), Some((0, 0)));
        assert_eq!(seg.locate(6), Some((0, 1)));
        assert_eq!(seg.locate(11), Some((1, 0)));
    }
}
