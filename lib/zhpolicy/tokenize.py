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


#: Segmentation backends: ``jieba`` (default) or ``rjieba`` (opt-in: the Rust port of jieba,
#: about 25× faster here, given the same user dictionary and frequencies; install ``rjieba``).
BACKENDS = ("jieba", "rjieba")


def backend() -> str:
    """The segmentation backend: ``$ZHPOLICY_BACKEND`` (``jieba`` or ``rjieba``), default ``jieba``."""
    import os

    name = os.environ.get("ZHPOLICY_BACKEND", "jieba").strip().lower() or "jieba"
    if name not in BACKENDS:
        raise ValueError(f"ZHPOLICY_BACKEND 只能是 {' 或 '.join(BACKENDS)}，不能是 {name!r}")
    return name


@lru_cache(maxsize=2)
def rjieba_tokenizer(user_dict: bool = True):
    """An ``rjieba.Jieba`` given the same user dictionary, with the same word frequencies as
    the library's jieba tokenizer, so that it segments the same way."""
    try:
        import rjieba
    except ImportError:
        raise RuntimeError("ZHPOLICY_BACKEND=rjieba 需要先安装 rjieba（pip install rjieba）") from None
    fast = rjieba.Jieba()
    if user_dict:
        tk = tokenizer()
        for term in user_dictionary()["term"]:
            fast.add_word(term, tk.FREQ.get(term), None)
    return fast


class _RjiebaAdapter:
    """Give an rjieba.Jieba the ``tokenize`` method of a jieba.Tokenizer (default mode, HMM on)."""

    def __init__(self, fast):
        self.fast = fast

    def tokenize(self, text: str):
        return self.fast.tokenize(text, "default", True)


def _segmenter(user_dict: bool):
    if backend() == "rjieba":
        return _RjiebaAdapter(rjieba_tokenizer(user_dict))
    return tokenizer() if user_dict else plain_tokenizer()


def _spans(text: str, tk) -> list[tuple[str, int, int]]:
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
    stops = stopwords() if drop_stopwords else frozenset()
    return [
        w for w, _, _ in _spans(text, _segmenter(user_dict))
        if not (drop_punct and is_punct(w)) and w not in stops
    ]


# ---------------------------------------------------------------- cache and parallel segmentation

#: Target size of the pieces a long text is cut into (at line breaks) for parallel work.
PIECE_CHARS = 200_000


def config_hash(user_dict: bool = True) -> str:
    """A hash of everything segmentation depends on: library and jieba versions, the user
    dictionary, and the number/citation patterns. Part of every cache key."""
    from . import __version__

    digest = hashlib.sha256()
    for part in (__version__, jieba.__version__, backend(), str(user_dict), _PROTECTED.pattern):
        digest.update(part.encode("utf-8") + b"\0")
    if user_dict:
        digest.update(data_path("userdict.txt").read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(text: str, user_dict: bool) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "-" + config_hash(user_dict)


#: Cache files are plain int32 ``.npy`` arrays: a header (magic number, format version,
#: token count, the 64-character cache key) followed by the start and end offsets. They are
#: read with ``allow_pickle=False`` and checked against the key, so a corrupt or foreign file
#: is simply rebuilt.
_MAGIC, _FORMAT, _KEY_LEN = 0x7A68706F, 1, 64


def _cache_path(key: str):
    folder = cache_dir() / "tokens" / key[:2]
    return folder / f"{key}.npy"


def _key_codes(key: str):
    import numpy as np

    return np.frombuffer(key.encode("ascii").ljust(_KEY_LEN, b" ")[:_KEY_LEN], dtype=np.uint8).astype(np.int32)


def _load_cached(key: str):
    """Return cached (starts, ends) for *key*, or None. Anything unreadable, foreign or
    inconsistent is ignored (and later overwritten); nothing is ever unpickled."""
    import numpy as np

    path = _cache_path(key)
    if not path.is_file():
        return None
    try:
        data = np.load(path, allow_pickle=False)
        head = 3 + _KEY_LEN
        if data.dtype != np.int32 or data.ndim != 1 or len(data) < head:
            return None
        magic, version, n = (int(x) for x in data[:3])
        if magic != _MAGIC or version != _FORMAT or len(data) != head + 2 * n:
            return None
        if not np.array_equal(data[3:head], _key_codes(key)):
            return None
        return data[head:head + n].copy(), data[head + n:].copy()
    except Exception:  # a corrupt or foreign file: rebuild it
        return None


def _save_cached(key: str, starts, ends) -> None:
    """Write the cache file atomically: a crash mid-write never leaves a half-written file."""
    import os
    import tempfile

    import numpy as np

    path = _cache_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = np.concatenate([np.array([_MAGIC, _FORMAT, len(starts)], dtype=np.int32), _key_codes(key)])
    data = np.concatenate([header, np.asarray(starts, dtype=np.int32), np.asarray(ends, dtype=np.int32)])
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npy")
    try:
        with os.fdopen(fd, "wb") as handle:
            np.save(handle, data, allow_pickle=False)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut *text* into pieces of about *size* characters at line breaks. jieba never joins
    words across a line break, so segmenting the pieces gives exactly the same tokens."""
    pieces, start = [], 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _piece_spans(args: tuple[int, str, bool]):
    import numpy as np

    offset, piece, user_dict, name = args
    import os

    os.environ["ZHPOLICY_BACKEND"] = name  # worker processes follow the parent's choice
    spans = _spans(piece, _segmenter(user_dict))
    starts = np.fromiter((s for _, s, _ in spans), dtype=np.int32, count=len(spans)) + np.int32(offset)
    ends = np.fromiter((e for _, _, e in spans), dtype=np.int32, count=len(spans)) + np.int32(offset)
    return starts, ends


def token_spans(docs, *, user_dict: bool = True, workers: int = 1, cache: bool = True,
                progress: bool = False) -> dict:
    """Segment documents into token offsets: ``{doc_id: (starts, ends)}`` (int32 numpy arrays;
    token *i* is ``text[starts[i]:ends[i]]``). The compact form for large corpora.

    ``cache=True`` reads and writes the per-user cache (keyed by the text's SHA-256 and
    :func:`config_hash`); ``workers > 1`` segments in that many processes (the output is
    identical to the serial path, in the same order); ``progress=True`` shows a tqdm bar."""
    import numpy as np

    docs = list(iter_docs(docs))
    result: dict = {}
    todo: list[tuple[str, str, str]] = []
    for doc_id, text in docs:
        key = _cache_key(text, user_dict)
        hit = _load_cached(key) if cache else None
        if hit is not None:
            result[doc_id] = hit
        else:
            todo.append((doc_id, text, key))
    name = backend()
    jobs = [(doc_id, (offset, piece, user_dict, name)) for doc_id, text, _ in todo for offset, piece in _pieces(text)]
    bar = None
    if progress and jobs:
        from tqdm.auto import tqdm

        bar = tqdm(total=sum(len(text) for _, text, _ in todo), unit="字", unit_scale=True, desc="分词")
    parts: dict[str, list] = {doc_id: [] for doc_id, _, _ in todo}
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            # small chunks keep both workers busy to the end (a big last chunk would leave one idle)
            outputs = pool.map(_piece_spans, [args for _, args in jobs], chunksize=max(1, len(jobs) // (workers * 64)))
            for (doc_id, args), out in zip(jobs, outputs):
                parts[doc_id].append(out)
                if bar:
                    bar.update(len(args[1]))
    else:
        for doc_id, args in jobs:
            parts[doc_id].append(_piece_spans(args))
            if bar:
                bar.update(len(args[1]))
    if bar:
        bar.close()
    for doc_id, _, key in todo:
        chunks = parts[doc_id]
        starts = np.concatenate([c[0] for c in chunks]) if chunks else np.zeros(0, dtype=np.int32)
        ends = np.concatenate([c[1] for c in chunks]) if chunks else np.zeros(0, dtype=np.int32)
        result[doc_id] = (starts, ends)
        if cache:
            _save_cached(key, starts, ends)
    return {doc_id: result[doc_id] for doc_id, _ in docs}


def tokens(docs, *, user_dict: bool = True, workers: int = 1, cache: bool = True) -> pd.DataFrame:
    """Segment documents into a long table, one row per token:
    ``doc_id, position, token, start, end, is_stopword, is_punct``.

    ``start``/``end`` are offsets into the text, so every token can be traced back. Results
    are cached per user (see :func:`token_spans`); ``workers`` > 1 segments in parallel."""
    stops = stopwords()
    texts = dict(iter_docs(docs))
    spans = token_spans(texts, user_dict=user_dict, workers=workers, cache=cache)
    frames = []
    for doc_id, (starts, ends) in spans.items():
        text = texts[doc_id]
        words = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
        frames.append(pd.DataFrame({
            "doc_id": doc_id, "position": range(len(words)), "token": words,
            "start": starts.astype(int), "end": ends.astype(int),
            "is_stopword": [w in stops for w in words], "is_punct": [is_punct(w) for w in words],
        }))
    columns = ["doc_id", "position", "token", "start", "end", "is_stopword", "is_punct"]
    if not frames:
        return pd.DataFrame(columns=columns)
    table = pd.concat(frames, ignore_index=True)
    return table[columns]


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
