use super::Span;

/// A word: letters, digits and the marks that live inside words
/// (apostrophes, hyphens, the dots of U.S.), with what surrounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The word itself, without surrounding punctuation (a final abbreviation dot excluded).
    pub span: Span,
    /// The word is followed directly by a full stop.
    pub dot: bool,
    /// The first non-space character after the word (after its dot, if any).
    pub next: Option<char>,
}

impl Word {
    /// The word's text, cut out of the article `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }

    /// Starts with an upper-case letter (or a digit-free capital like "U.S").
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }

    /// Followed by a comma (after its dot, if any).
    pub fn comma_after(&self) -> bool {
        self.next == Some(',')
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&')
}

/// The words of `span` in `text`.
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let s = span.text(text);
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            // Joiners stay inside the word only when a word character follows them ("U.S.-China").
            let mut k = j;
            while k < chars.len() && k < j + 2 && is_joiner(chars[k].1) {
                k += 1;
            }
            if k > j && k < chars.len() && is_word_char(chars[k].1) {
                j = k;
                continue;
            }
            break;
        }
        let end = if j < chars.len() { chars[j].0 } else { s.len() };
        let mut dot = false;
        let mut k = j;
        if k < chars.len() && chars[k].1 == '.' {
            dot = true;
            k += 1;
        }
        // "U.S." keeps its inner dots; the final one is reported as `dot`.
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let next = chars.get(k).map(|&(_, c)| c);
        out.push(Word {
            span: Span::new(span.start + start, span.start + end),
            dot,
            next: if dot && next.is_none() { None } else { next },
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.text(text))
            .collect()
    }

    #[test]
    fn keeps_inner_marks() {
        assert_eq!(
            texts("Mr. Whitcombe’s U.S.-China talks, the ’90s; it's “mil-to-mil.”"),
            vec![
                "Mr",
                "Whitcombe’s",
                "U.S.-China",
                "talks",
                "the",
                "90s",
                "it's",
                "mil-to-mil"
            ]
        );
    }

    #[test]
    fn reports_dots_and_commas() {
        let text = "Adm. Paul Ridgeway, commander";
        let w = words(text, Span::new(0, text.len()));
        assert!(w[0].dot);
        assert!(w[2].comma_after());
        assert!(!w[1].dot);
    }
}
