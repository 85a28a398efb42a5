#!/usr/bin/env python3
"""The Python reference process for the cold-start comparison: import
sentence-transformers, load the same model, embed every paragraph of an article.
(A Python stance tool needs at least this much before it can classify.)"""
import sys
from pathlib import Path

from sentence_transformers import SentenceTransformer

model = SentenceTransformer(sys.argv[2], device="cpu")
paragraphs = [p for p in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if p.strip()]
emb = model.encode(paragraphs, normalize_embeddings=True)
print(emb.shape)
