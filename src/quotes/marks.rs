//! Quotation marks: pairing openers with closers, telling apostrophes from
//! single closing marks, and joining newspaper-style multi-paragraph quotes.

use crate::text::Span;

/// A stretch of quoted text found by its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkedQuote {
    /// The text between the marks (trimmed), possibly over several paragraphs.
    pub inner: Span,
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// Closed by a mark (false: cut off by the end of its paragraph or text).
    pub closed: bool,
    /// Single marks (‘ ’ or ') at the top level.
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight mark whose direction the context decides.
    Either,
}

fn double_mark(c: char) -> Option<Mark> {
    match c {
        '“' | '„' | '«' | '‟' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' | '＂' => Some(Mark::Either),
        _ => None,
    }
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘')
        }
    }
}

/// What a single-quote character is here.
fn single_mark(c: char, prev: Option<char>, next: Option<char>, single_open: bool) -> Option<Mark> {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    match c {
        '‘' => {
            // ‘90s written with the wrong mark is an elision, not a quote.
            if next.is_some_and(|n| n.is_ascii_digit()) && !single_open {
                None
            } else {
                Some(Mark::Open)
            }
        }
        '’' | '\'' => {
            if letter(prev) && letter(next) {
                return None; // it’s, China’s
            }
            if is_open_context(prev) {
                // ’90s, 'tis: elision; 'word: an opening straight mark.
                if c == '\'' && letter(next) && !next.is_some_and(|n| n.is_ascii_digit()) {
                    return Some(Mark::Open);
                }
                return None;
            }
            // After a letter and before a non-letter: a closing mark if one is open,
            // otherwise a plural possessive (the Marines’ base).
            if single_open {
                Some(Mark::Close)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Finds every top-level quotation in `text`, paragraph by paragraph.
/// `paragraphs` must be in order and not overlap.
pub fn find_marked_quotes(text: &str, paragraphs: &[Span]) -> Vec<MarkedQuote> {
    let mut out = Vec::new();
    // An open double quote carried into the next paragraph (newspaper convention).
    let mut carried: Option<usize> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let s = para.text(text);
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut open_double: Option<usize> = None;
        let mut open_single: Option<usize> = None;
        let mut start_at = 0;
        if let Some(open) = carried.take() {
            // The continuation paragraph starts with its own opening mark.
            if let Some(&(_, c)) = chars.first() {
                if matches!(double_mark(c), Some(Mark::Open | Mark::Either)) {
                    open_double = Some(open);
                    start_at = 1;
                }
            }
        }
        for idx in start_at..chars.len() {
            let (off, c) = chars[idx];
            let pos = para.start + off;
            let prev = idx.checked_sub(1).map(|i| chars[i].1);
            let next = chars.get(idx + 1).map(|&(_, c)| c);
            if let Some(mark) = double_mark(c) {
                let mark = match mark {
                    Mark::Either => {
                        if open_double.is_some() {
                            Mark::Close
                        } else if is_open_context(prev) {
                            Mark::Open
                        } else {
                            continue; // a stray closing mark: ignored
                        }
                    }
                    m => m,
                };
                match (mark, open_double) {
                    (Mark::Open, None) => {
                        // A top-level single quote still open is abandoned.
                        open_single = None;
                        open_double = Some(pos);
                    }
                    (Mark::Open, Some(_)) => {} // an unbalanced re-opening: keep the first
                    (Mark::Close, Some(open)) => {
                        push(text, open, pos + c.len_utf8(), true, false, &mut out);
                        open_double = None;
                        open_single = None;
                    }
                    (Mark::Close, None) | (Mark::Either, _) => {}
                }
                continue;
            }
            if let Some(mark) = single_mark(c, prev, next, open_single.is_some()) {
                if open_double.is_some() {
                    // Nested quotes stay inside the outer quote; track them only so
                    // their closing mark is not taken for an apostrophe.
                    match mark {
                        Mark::Open => open_single = Some(pos),
                        Mark::Close => open_single = None,
                        Mark::Either => {}
                    }
                    continue;
                }
                match (mark, open_single) {
                    (Mark::Open, None) => open_single = Some(pos),
                    (Mark::Close, Some(open)) => {
                        push(text, open, pos + c.len_utf8(), true, true, &mut out);
                        open_single = None;
                    }
                    _ => {}
                }
            }
        }
        if let Some(open) = open_double {
            let next_para_opens = paragraphs.get(pi + 1).is_some_and(|next| {
                next.text(text)
                    .chars()
                    .next()
                    .is_some_and(|c| matches!(double_mark(c), Some(Mark::Open | Mark::Either)))
            });
            if next_para_opens {
                carried = Some(open);
            } else {
                // Unbalanced: the quote runs to the end of its paragraph, no further.
                push(text, open, para.end, false, false, &mut out);
            }
        }
    }
    out
}

fn push(
    text: &str,
    open: usize,
    end: usize,
    closed: bool,
    single: bool,
    out: &mut Vec<MarkedQuote>,
) {
    let open_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let close_len = if closed {
        text[..end].chars().next_back().map_or(1, char::len_utf8)
    } else {
        0
    };
    let raw = Span::new(open + open_len, end - close_len);
    let inner = trim_inner(text, raw);
    if inner.is_empty() {
        return;
    }
    out.push(MarkedQuote {
        inner,
        outer: Span::new(open, end),
        closed,
        single,
    });
}

/// White space off both ends, and a trailing comma that stands for the full
/// stop (LABELING.md §7.4); a final . ? ! inside the marks stays.
fn trim_inner(text: &str, span: Span) -> Span {
    let t = span.trim(text);
    let s = t.text(text);
    let s2 = s.trim_end_matches([',', ';']).trim_end();
    Span::new(t.start, t.start + s2.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn quotes(text: &str) -> Vec<String> {
        find_marked_quotes(text, &paragraphs(text))
            .iter()
            .map(|q| q.inner.text(text).to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quotes("“It’s a slow thaw,” he said. \"We'll see,\" she said."),
            vec!["It’s a slow thaw", "We'll see"]
        );
    }

    #[test]
    fn nested_singles_stay_inside() {
        assert_eq!(
            quotes("“not going to be bamboozled by promises of ‘mutual respect’ and dialogue,” he said."),
            vec!["not going to be bamboozled by promises of ‘mutual respect’ and dialogue"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("China’s navy in the ’90s and the Marines’ base."),
            Vec::<String>::new()
        );
        assert_eq!(
            quotes("He said: ‘We have tried that.’ Then he left."),
            vec!["We have tried that."]
        );
        assert_eq!(
            quotes("Critics said: 'It won't work.'"),
            vec!["It won't work."]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let text = "“First part of it.\n“Second part of it.\n“Third part,” she said.\nNext.";
        let q = find_marked_quotes(text, &paragraphs(text));
        assert_eq!(q.len(), 1);
        assert!(q[0].closed);
        assert!(
            q[0].inner.text(text).starts_with("First part")
                && q[0].inner.text(text).ends_with("Third part")
        );
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph_end() {
        let text = "He said “this never closes.\nA new paragraph with “its own quote.”";
        assert_eq!(quotes(text), vec!["this never closes.", "its own quote."]);
    }

    #[test]
    fn trailing_comma_dropped_final_stop_kept() {
        assert_eq!(
            quotes("“A dream.” “Yes,” he said."),
            vec!["A dream.", "Yes"]
        );
    }
}
