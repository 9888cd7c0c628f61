"""The token table (:func:`zhpolicy.tokens`) built from segmented documents: the token column from
the texts' bytes, the doc_id column, and the stopword and punctuation flags, with numpy and Arrow
(no Python object per token beyond the words segmentation itself makes)."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache

import pandas as pd

from .segment import _bmp_codes, _joined
from .tokenizers import is_punct, stopwords


_TOKEN_COLUMNS = ["doc_id", "position", "token", "start", "end", "is_stopword", "is_punct"]


def _token_bytes(text: str, starts, ends, codes=None):
    """The tokens ``text[start:end]`` as UTF-8: ``(data, sizes)``, their bytes one after the
    other (bytes or a memoryview) and the size of each, found with numpy (no Python string per
    token). *codes*: the text's UTF-16 code units when known (see :func:`_bmp_codes`)."""
    import numpy as np

    raw = text.encode("utf-8", "surrogatepass")
    n = len(starts)
    if n == 0:
        return b"", ends - starts
    gaps = np.flatnonzero(starts[1:] != ends[:-1])  # white space between tokens i and i + 1
    if len(raw) == len(text):  # ASCII only: characters are bytes
        first, last = starts, ends
    else:
        if codes is None:
            codes = _bmp_codes(text)
        if codes is not None:  # UTF-8 size of each code unit (a lone surrogate, written with surrogatepass: 3)
            width = 1 + (codes >= 0x80).view(np.uint8) + (codes >= 0x800).view(np.uint8)
        else:
            points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            width = 1 + (points >= 0x80).astype(np.uint8) + (points >= 0x800) + (points >= 0x10000)
        where = np.empty(len(text) + 1, dtype=np.int32 if len(raw) < 2**31 else np.int64)
        where[0] = 0
        np.add.accumulate(width, dtype=where.dtype, out=where[1:])
        last = where.take(ends)
        first = np.empty_like(last)  # a token starts where the one before it ends, except after a gap
        first[0] = where[starts[0]]
        first[1:] = last[:-1]
        first[gaps + 1] = where.take(starts[gaps + 1])
    sizes = last - first
    if len(gaps) * 8 <= n:  # few gaps: copy the runs of adjacent tokens
        view = memoryview(raw)
        runs = zip(first[np.concatenate([[0], gaps + 1])].tolist(), last[np.concatenate([gaps, [n - 1]])].tolist())
        return b"".join([view[a:b] for a, b in runs]), sizes
    inside = np.cumsum(np.bincount(first, minlength=len(raw) + 1) - np.bincount(last, minlength=len(raw) + 1))
    return np.frombuffer(raw, dtype=np.uint8)[inside[:-1] > 0].tobytes(), sizes


def _token_array(done, batch_chars: int):
    """The ``token`` column: one Arrow large-string array of every token of *done* (see
    :func:`~.tokenize._segment_docs`). The bytes of the documents that have none yet are found in
    batches of about *batch_chars* characters."""
    import numpy as np
    import pyarrow as pa

    datas, sizes, group, total = [], [], [], 0

    def flush():
        if len(group) == 1:
            _, joined, starts, ends, _ = done[group[0]]
        else:
            joined, bases = _joined([done[i][1] for i in group])
            starts = np.concatenate([done[i][2] + base for i, base in zip(group, bases)], dtype=np.int64)
            ends = np.concatenate([done[i][3] + base for i, base in zip(group, bases)], dtype=np.int64)
        data, size = _token_bytes(joined, starts, ends)
        datas.append(data)
        sizes.append(size)

    for index, (_, text, starts, _, found) in enumerate(done):
        if found is not None or not len(starts):
            if group:
                flush()
                group, total = [], 0
            if found is not None:
                datas.append(found[0])
                sizes.append(found[1])
            continue
        group.append(index)
        total += len(text) + 1
        if total >= batch_chars:
            flush()
            group, total = [], 0
    if group:
        flush()
    total = sum(map(len, sizes))
    offsets = np.zeros(total + 1, dtype=np.int64)
    if total:
        np.concatenate(sizes, out=offsets[1:])
        np.cumsum(offsets[1:], out=offsets[1:])
    return pa.LargeStringArray.from_buffers(total, pa.py_buffer(offsets), pa.py_buffer(b"".join(datas)))


@lru_cache(maxsize=1)
def _punct_codes():
    """True for each code point of the Basic Multilingual Plane that :func:`is_punct` accepts."""
    import numpy as np

    return np.array([is_punct(ch) for ch in map(chr, range(0x10000))])


def _vocabulary_flags(vocabulary: list[str]):
    """``(is_stopword, is_punct)`` of each word of *vocabulary*, as numpy bool arrays."""
    import numpy as np

    stops = stopwords()
    is_stop = np.array([w in stops for w in vocabulary], dtype=bool)
    joined = "".join(vocabulary)
    units = joined.encode("utf-16-le", "surrogatepass")
    lengths = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary))
    if len(units) != 2 * len(joined) or not lengths.all():
        return is_stop, np.array([is_punct(w) for w in vocabulary], dtype=bool)
    other = ~_punct_codes()[np.frombuffer(units, dtype=np.uint16)]
    firsts = np.cumsum(lengths) - lengths
    return is_stop, np.add.reduceat(other, firsts) == 0 if len(firsts) else np.zeros(0, dtype=bool)


def _repeated(values: list[str], counts):
    """An Arrow large-string array with ``values[i]`` repeated ``counts[i]`` times. The offsets are
    summed from the sizes in their smallest type; the bytes are written into the array's buffer
    about a megabyte at a time (one big join would copy them twice into fresh memory)."""
    import numpy as np
    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    total = int(counts.sum())
    offsets = np.empty(total + 1, dtype=np.int64)
    offsets[0] = 0
    narrow = sizes.astype(np.min_scalar_type(int(sizes.max()) if len(sizes) else 0))
    np.cumsum(np.repeat(narrow, counts), dtype=np.int64, out=offsets[1:])
    data = np.empty(int(offsets[-1]), dtype=np.uint8)
    pending, size, at = [], 0, 0
    for value, count in zip(encoded, counts.tolist()):
        pending.append(value * count)
        size += len(value) * count
        if size >= 1 << 20:
            data[at:at + size] = np.frombuffer(b"".join(pending), dtype=np.uint8)
            pending, at, size = [], at + size, 0
    if size:
        data[at:at + size] = np.frombuffer(b"".join(pending), dtype=np.uint8)
    return pa.LargeStringArray.from_buffers(total, pa.py_buffer(offsets), pa.py_buffer(data))


@contextmanager
def _without_huge_pages():
    """numpy's advice to the kernel to back arrays of 4 MB or more with huge pages, switched off
    while the token table is built and restored afterwards. With Linux's usual setting
    (``transparent_hugepage/defrag = madvise``) such a page fault may wait for the kernel to
    compact memory, which is slow when the page cache is full, as after reading a large corpus;
    the table's arrays are written once, so huge pages bring nothing to them. Measured on 100 MB:
    kernel time of the table 1.3–1.6 s with the advice, 0.3–0.5 s without. Where numpy offers no
    such switch (it is private to numpy), nothing changes."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            _set_madvise_hugepage = None
    previous = _set_madvise_hugepage(False) if _set_madvise_hugepage else None
    try:
        yield
    finally:
        if _set_madvise_hugepage:
            _set_madvise_hugepage(previous)


def _token_table(done, batch_chars: int) -> pd.DataFrame:
    """The table of :func:`~.tokenize.tokens` from the segmented documents *done* (see
    :func:`~.tokenize._segment_docs`)."""
    import numpy as np
    import pyarrow as pa

    if not done:
        return pd.DataFrame(columns=_TOKEN_COLUMNS)
    counts = np.array([len(starts) for _, _, starts, _, _ in done], dtype=np.int64)
    total = int(counts.sum())
    words = _token_array(done, batch_chars)
    pa.array([doc_id for doc_id, *_ in done], type=pa.large_string())  # fails as before on an id Arrow refuses
    ids = _repeated([doc_id for doc_id, *_ in done], counts)
    if total:
        coded = words.dictionary_encode()
        is_stop, is_pun = _vocabulary_flags(coded.dictionary.to_pylist())
        # one Arrow take of both flags (bit 0: stopword, bit 1: punctuation) by the word codes
        both = pa.array(is_stop.astype(np.uint8) | (is_pun.astype(np.uint8) << 1)).take(coded.indices).to_numpy()
        is_stop, is_pun = (both & 1).view(bool), (both >> 1).view(bool)
    else:
        is_stop = is_pun = np.zeros(0, dtype=bool)
    steps = np.arange(int(counts.max()) if total else 0, dtype=np.int32)
    position = np.concatenate([steps[:c] for c in counts.tolist()]) if total else np.zeros(0, dtype=np.int32)
    columns = {
        "doc_id": pd.array(ids, dtype="str"),
        "position": position,
        "token": pd.array(words, dtype="str"),
        "start": np.concatenate([d[2] for d in done], dtype=np.int32),
        "end": np.concatenate([d[3] for d in done], dtype=np.int32),
        "is_stopword": is_stop,
        "is_punct": is_pun,
    }
    # copy=False: the columns are fresh arrays; pandas need not copy them into 2-D blocks
    return pd.DataFrame(columns, copy=False)


def _count_tables(done, batch_chars: int, is_mark) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """What ``zhpolicy batch`` keeps of the token table of *done* (see :func:`~.tokenize._segment_docs`),
    without building it: ``(lengths, counts)``, where *lengths* gives each document's ``n_tokens``
    and ``token_chars`` (its tokens and their characters, in the order of *done*) and *counts*
    the content tokens (:func:`zhpolicy.analysis.terms.content_tokens`) counted by ``doc_id, term``,
    sorted by both, as ``content_tokens(table).groupby(["doc_id", "token"]).size()`` gives them.
    Everything is counted on the word codes of one Arrow dictionary; *is_mark* tells, for a
    word, whether it is an outline or citation mark. None when there is no token."""
    import numpy as np
    import pyarrow as pa

    sizes = np.array([len(starts) for _, _, starts, _, _ in done], dtype=np.int64)
    if not len(done) or not int(sizes.sum()):
        return None
    coded = _token_array(done, batch_chars).dictionary_encode()
    vocabulary = coded.dictionary.to_pylist()
    codes = coded.indices.to_numpy()
    is_stop, is_pun = _vocabulary_flags(vocabulary)
    chars = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary))
    keep = ~is_pun & (chars >= 1) & ~np.array([bool(is_mark(w)) for w in vocabulary], dtype=bool) & ~is_stop
    doc = np.repeat(np.arange(len(done), dtype=np.int64), sizes)
    token_chars = np.bincount(doc, weights=chars[codes], minlength=len(done)).astype(np.int64)
    ids = [doc_id for doc_id, *_ in done]
    lengths = pd.DataFrame({"doc_id": pd.array(ids, dtype="str"), "n_tokens": sizes, "token_chars": token_chars})
    kept = keep[codes]
    doc, codes = doc[kept], codes[kept].astype(np.int64)
    id_order = sorted(range(len(ids)), key=ids.__getitem__)  # the order groupby(sort=True) gives
    word_order = sorted(range(len(vocabulary)), key=vocabulary.__getitem__)
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[id_order] = np.arange(len(ids))
    word_rank = np.empty(len(vocabulary), dtype=np.int64)
    word_rank[word_order] = np.arange(len(vocabulary))
    keys, found = np.unique(id_rank[doc] * len(vocabulary) + word_rank[codes], return_counts=True)
    sorted_ids = pa.array([ids[i] for i in id_order], type=pa.large_string())
    sorted_words = pa.array([vocabulary[i] for i in word_order], type=pa.large_string())
    counts = pd.DataFrame({
        "doc_id": pd.array(sorted_ids.take(pa.array(keys // len(vocabulary))), dtype="str"),
        "term": pd.array(sorted_words.take(pa.array(keys % len(vocabulary))), dtype="str"),
        "count": found.astype(np.int64),
    })
    return lengths, counts
