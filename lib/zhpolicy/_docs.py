"""Accept one text, a mapping of texts, or a corpus DataFrame wherever documents are expected."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd


def iter_docs(docs, text_column: str = "text") -> Iterator[tuple[str, str]]:
    """Yield ``(doc_id, text)`` pairs from a str, a dict, a Series or a corpus DataFrame."""
    if isinstance(docs, str):
        yield "doc", docs
    elif isinstance(docs, pd.DataFrame):
        ids = docs["doc_id"] if "doc_id" in docs.columns else docs.index.astype(str)
        for doc_id, text in zip(ids, docs[text_column]):
            yield str(doc_id), text
    elif isinstance(docs, (pd.Series, Mapping)):
        for doc_id, text in docs.items():
            yield str(doc_id), text
    else:
        raise TypeError(f"expected a text, a dict of texts or a corpus DataFrame, not {type(docs).__name__}")


def count_chars(text: str) -> int:
    """Characters other than white space (``str.split`` and ``\\s`` know the same white space)."""
    return sum(map(len, text.split()))
