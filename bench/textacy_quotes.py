"""textacy's direct-quotation extractor behind quotestance's extractor protocol.

Reads JSON lines `{"id": ..., "text": ...}` on stdin and writes one line per
article, `{"id": ..., "quotes": [{"start", "end", "kind", "speaker"}]}`, with
UTF-8 byte offsets of the words inside the quotation marks. Run by

    quotestance evaluate --extraction-only --gold SET \
        --external textacy=".venv-textacy/bin/python bench/textacy_quotes.py"

(`bash bench/textacy.sh` sets up the environment and runs it on every set.)

textacy 0.10 reads straight double quotes only, so curly ones are straightened
first, as its own preprocessing (`normalize_quotation_marks`) does; each is one
character either way, so character offsets hold.
"""

import json
import sys

import en_core_web_sm
import textacy.extract

CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
MARKS = "\"'` "


def byte_offset(text: str, char: int) -> int:
    return len(text[:char].encode("utf-8"))


def quotes(nlp, text: str) -> list:
    straight = text.translate(CURLY)
    doc = nlp(straight)
    found = []
    for speaker, _verb, quote in textacy.extract.direct_quotations(doc):
        start, end = quote.start_char, quote.end_char
        while start < end and straight[start] in MARKS:
            start += 1
        while end > start and straight[end - 1] in MARKS:
            end -= 1
        if start == end:
            continue
        found.append(
            {
                "start": byte_offset(text, start),
                "end": byte_offset(text, end),
                "kind": "direct",
                "speaker": speaker.text,
            }
        )
    return found


def main() -> None:
    nlp = en_core_web_sm.load()
    for line in sys.stdin:
        if not line.strip():
            continue
        article = json.loads(line)
        out = {"id": article["id"], "quotes": quotes(nlp, article["text"])}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
