"""Chinese word segmentation with jieba, a domain user dictionary and stopwords: the public calls
(:func:`tokenize`, :func:`token_spans`, :func:`tokens`, :func:`segmentation_check`) and the way a
corpus is segmented (cache first, then batches of documents, or pieces in worker processes).

Numbers (``3.6万亿元``, ``23.4%``, ``2024年``) and citation marks (``[1]``) are kept whole. The
work is spread over small modules: :mod:`.tokenizers` (jieba, rjieba, backends, stopwords),
:mod:`.segment` and :mod:`.segment_fast` (the two segmentation paths), :mod:`.token_cache` (the
per-user cache), :mod:`.token_table` (the table built with numpy and Arrow).
"""

from __future__ import annotations

import pandas as pd

from .._docs import iter_docs
from .segment import _joined
from .segment_fast import _segment, _segment_coded
from .token_cache import _cache_key, _TokenCache, _valid_spans
from .token_table import _token_bytes, _token_table, _without_huge_pages
# re-exported: the names lessons and users reach as zhpolicy.analysis.tokenize.<name>
from .tokenizers import (BACKENDS, backend, config_hash, is_punct, plain_tokenizer, resource_versions,  # noqa: F401
                         rjieba_tokenizer, stopwords, tokenizer, user_dictionary)



def _spans(text: str, user_dict: bool = True) -> list[tuple[str, int, int]]:
    """Segment *text*; return ``(token, start, end)`` with numbers and citations kept whole."""
    starts, ends = _segment(text, user_dict)
    return [(text[s:e], s, e) for s, e in zip(starts.tolist(), ends.tolist())]


def tokenize(text: str, *, user_dict: bool = True, drop_stopwords: bool = False, drop_punct: bool = True) -> list[str]:
    """Segment one text into a list of words.

    ``user_dict=False`` uses jieba's own dictionary only (to see what the domain terms change).

    Taught in lesson 02 (``02_term_frequency.ipynb``).
    """
    stops = stopwords() if drop_stopwords else frozenset()
    return [
        w for w, _, _ in _spans(text, user_dict)
        if not (drop_punct and is_punct(w)) and w not in stops
    ]


#: Target size of the pieces a long text is cut into (at line breaks) for parallel work.
PIECE_CHARS = 200_000


#: Size of the batches documents are segmented in, serially (see :func:`_batches`): each batch
#: costs a few dozen numpy calls, so fewer, larger batches cost less (rjieba itself is given
#: pieces of ``CUT_CHARS``). Token table of the 10 MB benchmark corpus, in one process, the sizes
#: taking turns for 10 rounds, fastest round of each, over three such runs: 406–428 ms with
#: batches of 500,000–1,000,000 characters, 426–458 ms with 64,000.
BATCH_CHARS = 500_000


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


def _batches(items, size: int = BATCH_CHARS):
    """Group ``(index, text)`` items into batches of about *size* characters: lists of ``(index,
    offset, piece)``, a text longer than *size* cut into pieces first (see :func:`_pieces`).
    Segmenting a batch in one call, its pieces joined by line breaks, saves the per-call costs of
    many short documents and gives the same tokens (nothing is joined across a line break)."""
    batch, total = [], 0
    for index, text in items:
        for offset, piece in (_pieces(text, size) if len(text) > size else [(0, text)]):
            if batch and total + len(piece) > size:
                yield batch
                batch, total = [], 0
            batch.append((index, offset, piece))
            total += len(piece) + 1
    if batch:
        yield batch


def _segment_batch(batch, user_dict: bool, name: str, with_bytes: bool = False):
    """Segment the pieces of *batch* (see :func:`_batches`) in one call: ``(starts, ends,
    counts, token_bytes)``, the int32 offsets of every token in its own piece, the number of
    tokens of each piece, and (*with_bytes*) the tokens' UTF-8 bytes (see :func:`_token_bytes`)."""
    import numpy as np

    joined, bases = _joined([piece for _, _, piece in batch])
    starts, ends, codes = _segment_coded(joined, user_dict, name)
    found = _token_bytes(joined, starts, ends, codes) if with_bytes else None
    if len(batch) == 1:
        return starts.astype(np.int32, copy=False), ends.astype(np.int32, copy=False), [len(starts)], found
    counts = np.diff(np.concatenate([[0], np.searchsorted(starts, bases[1:]), [len(starts)]]))
    shift = np.repeat(bases.astype(starts.dtype), counts)
    return ((starts - shift).astype(np.int32, copy=False), (ends - shift).astype(np.int32, copy=False),
            counts.tolist(), found)


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit as soon as the parent process is gone (even SIGKILLed, when it
    cannot tell its workers to stop). Linux is told directly (PR_SET_PDEATHSIG); a daemon thread
    polling the parent's id covers the rest."""
    import os
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except Exception:
            pass
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="zhpolicy-parent-watch", daemon=True).start()


def _worker_pool(workers: int):
    """A process pool whose workers exit when this process dies."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),))


def _piece_spans(args: tuple[int, str, bool, str]):
    """Segment one piece (in a worker process): int32 ``(starts, ends)`` shifted by its offset."""
    import numpy as np

    offset, piece, user_dict, name = args
    starts, ends = _segment(piece, user_dict, name)
    return (starts + offset).astype(np.int32), (ends + offset).astype(np.int32)


def _segment_docs(docs, *, user_dict: bool, workers: int, cache: bool, progress: bool,
                  token_bytes: bool = False):
    """``[(doc_id, text, starts, ends, token_bytes or None)]``, *starts* and *ends* int32
    arrays (for the documents segmented here, views into the arrays of their batch); with
    *token_bytes*, the documents this process segmented itself also get the tokens' UTF-8
    bytes ``(data, sizes)`` (see :func:`_token_bytes`: the table need not find them again)."""
    import numpy as np

    docs = list(iter_docs(docs))
    name = backend()
    found: dict[int, tuple] = {}
    todo: list[tuple[int, str, str | None]] = []
    store = _TokenCache.open() if cache else None
    for index, (doc_id, text) in enumerate(docs):
        key = _cache_key(text, user_dict) if store else None
        hit = store.load(key) if store else None
        if hit is not None and _valid_spans(hit[0], hit[1], len(text)):
            found[index] = (hit[0], hit[1], None)
        else:
            todo.append((index, text, key))
    bar = None
    if progress and todo:
        from tqdm.auto import tqdm

        bar = tqdm(total=sum(len(text) for _, text, _ in todo), unit="字", unit_scale=True, desc="分词")
    if workers > 1 and len(todo) > 0:
        jobs = [(index, (offset, piece, user_dict, name)) for index, text, _ in todo for offset, piece in _pieces(text)]
    else:
        jobs = []
    if len(jobs) > 1:
        parts: dict[int, list] = {index: [] for index, _, _ in todo}
        with _worker_pool(workers) as pool:
            # small chunks keep both workers busy to the end (a big last chunk would leave one idle)
            outputs = pool.map(_piece_spans, [args for _, args in jobs], chunksize=max(1, len(jobs) // (workers * 64)))
            for (index, args), out in zip(jobs, outputs):
                parts[index].append(out)
                if bar:
                    bar.update(len(args[1]))
        for index, _, _ in todo:
            chunks = parts[index]
            starts = np.concatenate([c[0] for c in chunks]) if chunks else np.zeros(0, dtype=np.int32)
            ends = np.concatenate([c[1] for c in chunks]) if chunks else np.zeros(0, dtype=np.int32)
            found[index] = (starts, ends, None)
    else:
        parts: dict[int, list] = {}
        for batch in _batches(((index, text) for index, text, _ in todo), BATCH_CHARS):
            starts, ends, counts, found_bytes = _segment_batch(batch, user_dict, name, token_bytes)
            bounds = np.cumsum([0] + counts).tolist()
            if found_bytes is not None:
                data, sizes = found_bytes
                data = memoryview(data)
                at = np.concatenate([[0], np.cumsum(sizes)])[bounds].tolist()
            for k, (index, offset, piece) in enumerate(batch):
                a, b = bounds[k], bounds[k + 1]
                chunk = (starts[a:b] + offset, ends[a:b] + offset) if offset else (starts[a:b], ends[a:b])
                parts.setdefault(index, []).append(
                    (*chunk, (data[at[k]:at[k + 1]], sizes[a:b]) if found_bytes is not None else None))
                if bar:
                    bar.update(len(piece))
        for index, _, _ in todo:
            chunks = parts[index]
            if len(chunks) == 1:
                found[index] = chunks[0]
            else:
                found[index] = (np.concatenate([c[0] for c in chunks]), np.concatenate([c[1] for c in chunks]),
                                (b"".join([c[2][0] for c in chunks]), np.concatenate([c[2][1] for c in chunks]))
                                if token_bytes else None)
    if bar:
        bar.close()
    if store:
        for index, _, key in todo:
            store.save(key, found[index][0], found[index][1])
    return [(doc_id, text, *found[index]) for index, (doc_id, text) in enumerate(docs)]


def token_spans(docs, *, user_dict: bool = True, workers: int = 1, cache: bool = True,
                progress: bool = False) -> dict:
    """Segment documents into token offsets: ``{doc_id: (starts, ends)}`` (int32 numpy arrays;
    token *i* is ``text[starts[i]:ends[i]]``). The compact form for large corpora.

    ``cache=True`` reads and writes the per-user cache (keyed by the text's SHA-256 and
    :func:`config_hash`); ``workers > 1`` segments in that many processes (the output is
    identical to the serial path, in the same order); ``progress=True`` shows a tqdm bar."""
    import numpy as np

    done = _segment_docs(docs, user_dict=user_dict, workers=workers, cache=cache, progress=progress)
    return {doc_id: (starts.astype(np.int32, copy=False), ends.astype(np.int32, copy=False))
            for doc_id, _, starts, ends, _ in done}


def tokens(docs, *, user_dict: bool = True, workers: int = 1, cache: bool = True) -> pd.DataFrame:
    """Segment documents into a long table, one row per token:
    ``doc_id, position, token, start, end, is_stopword, is_punct``.

    ``start``/``end`` are offsets into the text, so every token can be traced back. ``position``,
    ``start`` and ``end`` are int32, as the offsets of :func:`token_spans` and the cache are (a
    document holds fewer than 2³¹ characters): on the 100 MB benchmark corpus the table takes
    0.76 GB, against 0.96 GB with int64. Results are cached per user (see :func:`token_spans`);
    ``workers`` > 1 segments in parallel.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    with _without_huge_pages():
        done = _segment_docs(docs, user_dict=user_dict, workers=workers, cache=cache, progress=False, token_bytes=True)
        return _token_table(done, BATCH_CHARS)


def token_counts(docs, *, user_dict: bool = True, cache: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the batch runner keeps of :func:`tokens`, counted without building the token table:
    ``(documents, counts)``. *documents*: ``doc_id, n_tokens, token_chars`` (each document's tokens
    and their characters, in the order of *docs*); *counts*: ``doc_id, term, count``, the content
    tokens (:func:`zhpolicy.analysis.terms.content_tokens`) counted per document, sorted by
    ``doc_id`` and ``term``. Equal to what the token table gives (``tokens(docs)`` grouped)."""
    import re

    from .terms import _MARK, content_tokens
    from .token_table import _count_tables

    with _without_huge_pages():
        done = _segment_docs(docs, user_dict=user_dict, workers=1, cache=cache, progress=False, token_bytes=True)
        found = _count_tables(done, BATCH_CHARS, re.compile(_MARK).fullmatch)
        if found is not None:
            return found
        toks = _token_table(done, BATCH_CHARS)  # no token: the table's own (empty) groups
    lengths = toks.assign(n=toks["token"].str.len()).groupby("doc_id", sort=False).agg(
        n_tokens=("n", "size"), token_chars=("n", "sum")).reset_index()
    counts = content_tokens(toks).groupby(["doc_id", "token"], sort=True).size()
    return lengths, counts.rename("count").reset_index().rename(columns={"token": "term"})


def segmentation_check(terms: list[str] | None = None) -> pd.DataFrame:
    """For each dictionary term, show how jieba splits it without and with the user dictionary.

    Returns ``term, without_userdict, with_userdict, split_without, whole_with``; the terms
    with ``split_without == True`` are those the user dictionary rescues.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
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
