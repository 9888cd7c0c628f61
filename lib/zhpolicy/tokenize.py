"""Chinese word segmentation with jieba, a domain user dictionary and stopwords.

The library owns its own :class:`jieba.Tokenizer` (never jieba's global one, whose user
dictionary would leak across a notebook kernel), keeps jieba's cache in the per-user cache
directory, silences jieba's start-up log, and keeps numbers (``3.6万亿元``, ``23.4%``,
``2024年``) and citation marks (``[1]``) whole.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import lru_cache

import jieba
import pandas as pd

from ._docs import iter_docs
from .numbers import CITATION, NUMBER
from .paths import cache_dir, data_path

_PROTECTED = re.compile(f"{CITATION.pattern}|{NUMBER.pattern}")


def _read_list(name: str) -> list[str]:
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def user_dictionary() -> pd.DataFrame:
    """Return the domain user dictionary (``data/userdict.txt``) as a table ``term, freq, tag``."""
    rows = []
    for line in _read_list("userdict.txt"):
        parts = line.split()
        rows.append({
            "term": parts[0],
            "freq": int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None,
            "tag": parts[2] if len(parts) > 2 else None,
        })
    return pd.DataFrame(rows, columns=["term", "freq", "tag"])


def _new_tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir())
    tk.initialize()
    return tk


@lru_cache(maxsize=1)
def plain_tokenizer() -> jieba.Tokenizer:
    """Return a jieba tokenizer with jieba's own dictionary only (for comparison)."""
    return _new_tokenizer()


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """Return the library's jieba tokenizer, with the domain user dictionary loaded."""
    tk = _new_tokenizer()
    for row in user_dictionary().itertuples():
        if row.freq:
            tk.add_word(row.term, row.freq, row.tag)
        else:
            tk.add_word(row.term, tag=row.tag)
            tk.suggest_freq(row.term, tune=True)
    return tk


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the stopword set: stopwordsiso's Chinese list plus ``data/stopwords_policy.txt``."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(_read_list("stopwords_policy.txt"))


def resource_versions() -> dict[str, str]:
    """Return versions/hashes of what segmentation depends on (for a run record)."""
    import stopwordsiso  # noqa: F401
    from importlib.metadata import version

    def digest(name: str) -> str:
        return hashlib.sha256(data_path(name).read_bytes()).hexdigest()[:12]

    return {
        "jieba": version("jieba"),
        "stopwordsiso": version("stopwordsiso"),
        "userdict.txt": digest("userdict.txt"),
        "stopwords_policy.txt": digest("stopwords_policy.txt"),
    }


def is_punct(token: str) -> bool:
    """True when *token* consists only of punctuation, symbols or spaces."""
    return all(unicodedata.category(ch)[0] in "PSZ" or ch.isspace() for ch in token)


def _spans(text: str, tk: jieba.Tokenizer) -> list[tuple[str, int, int]]:
    """Segment *text*; return ``(token, start, end)`` with numbers and citations kept whole."""
    out: list[tuple[str, int, int]] = []
    pos = 0

    def run(segment: str, base: int) -> None:
        if segment:
            for word, start, end in tk.tokenize(segment):
                if not word.isspace():
                    out.append((word, base + start, base + end))

    for m in _PROTECTED.finditer(text):
        run(text[pos:m.start()], pos)
        out.append((m.group(0), m.start(), m.end()))
        pos = m.end()
    run(text[pos:], pos)
    return out


def tokenize(text: str, *, user_dict: bool = True, drop_stopwords: bool = False, drop_punct: bool = True) -> list[str]:
    """Segment one text into a list of words.

    ``user_dict=False`` uses jieba's own dictionary only (to see what the domain terms change).
    """
    tk = tokenizer() if user_dict else plain_tokenizer()
    stops = stopwords() if drop_stopwords else frozenset()
    return [
        w for w, _, _ in _spans(text, tk)
        if not (drop_punct and is_punct(w)) and w not in stops
    ]


def tokens(docs, *, user_dict: bool = True) -> pd.DataFrame:
    """Segment documents into a long table, one row per token:
    ``doc_id, position, token, start, end, is_stopword, is_punct``.

    ``start``/``end`` are offsets into the text, so every token can be traced back."""
    tk = tokenizer() if user_dict else plain_tokenizer()
    stops = stopwords()
    rows = []
    for doc_id, text in iter_docs(docs):
        for position, (word, start, end) in enumerate(_spans(text, tk)):
            rows.append((doc_id, position, word, start, end, word in stops, is_punct(word)))
    return pd.DataFrame(rows, columns=["doc_id", "position", "token", "start", "end", "is_stopword", "is_punct"])


def segmentation_check(terms: list[str] | None = None) -> pd.DataFrame:
    """For each dictionary term, show how jieba splits it without and with the user dictionary.

    Returns ``term, without_userdict, with_userdict, split_without, whole_with``; the terms
    with ``split_without == True`` are those the user dictionary rescues."""
    terms = list(user_dictionary()["term"]) if terms is None else list(terms)
    rows = []
    for term in terms:
        plain = tokenize(term, user_dict=False, drop_punct=False)
        tuned = tokenize(term, user_dict=True, drop_punct=False)
        rows.append({
            "term": term,
            "without_userdict": " / ".join(plain),
            "with_userdict": " / ".join(tuned),
            "split_without": len(plain) > 1,
            "whole_with": tuned == [term],
        })
    return pd.DataFrame(rows)
