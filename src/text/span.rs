use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's original UTF-8
/// text, always on char boundaries, so it can be cut back out of the source.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`; an `end` before `start` gives an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers ("" if it is not valid for `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the span is inside `text` and on char boundaries.
    pub fn is_valid_for(&self, text: &str) -> bool {
        self.start <= self.end && text.get(self.start..self.end).is_some()
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when byte offset `pos` is inside the span.
    pub fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Bytes shared with `other`.
    pub fn overlap_len(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The span without leading and trailing white space.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// The span without the given characters at either end (plus white space).
    pub fn trim_chars(&self, text: &str, chars: &[char]) -> Span {
        let s = self.text(text);
        let inner = s.trim_matches(|c: char| c.is_whitespace() || chars.contains(&c));
        if inner.is_empty() {
            return Span::new(self.start, self.start);
        }
        let lead = s.len()
            - s.trim_start_matches(|c: char| c.is_whitespace() || chars.contains(&c))
                .len();
        Span::new(self.start + lead, self.start + lead + inner.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_cuts() {
        let text = "  “Hi,” he said.  ";
        let s = Span::new(0, text.len()).trim(text);
        assert_eq!(s.text(text), "“Hi,” he said.");
        let inner = Span::new(2, 11).trim_chars(text, &['“', '”', ',']);
        assert_eq!(inner.text(text), "Hi");
        assert!(Span::new(0, 0).trim(text).is_empty());
    }

    #[test]
    fn invalid_spans_cut_to_nothing() {
        let text = "“a”";
        assert_eq!(Span::new(1, 3).text(text), "");
        assert!(!Span::new(1, 3).is_valid_for(text));
        assert!(Span::new(3, 4).is_valid_for(text));
        assert_eq!(Span::new(0, 10).text(text), "");
    }

    #[test]
    fn overlap() {
        let a = Span::new(0, 10);
        assert_eq!(a.overlap_len(Span::new(5, 20)), 5);
        assert!(!a.overlaps(Span::new(10, 12)));
    }
}
