"""Reused passages: stretches of identical text shared by two documents (quotations, copied
phrasing), found through one index of every document's character shingles.

The result is the one the plain method gives (index document *a*'s shingles, walk document *b*
from the left, at each place where a shingle of *b* occurs in *a* keep the longest agreement
and jump past it), but the pairs of documents are never enumerated: every *min_chars*-character
shingle of every document is hashed (two 64-bit polynomial hashes, vectorised with NumPy), the
hashes are sorted once, and only shingles that occur in two or more documents are looked at.
The work is the corpus size (hashing and one sort) plus the number of shared shingle
occurrences (which is about the size of the output), instead of every pair of documents.
Each passage found is checked against the texts character by character; a pair of documents
where a hash collision would have changed a passage is redone with the plain method.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._docs import iter_docs

COLUMNS = ["doc_a", "doc_b", "text", "chars", "start_a", "start_b"]

_BASES = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F))
_NEWLINE = 10


def reused_passages(docs, *, min_chars: int = 18) -> pd.DataFrame:
    """Passages of at least *min_chars* identical characters shared by two documents (quotations,
    copied phrasing). Returns ``doc_a, doc_b, text, chars, start_a, start_b``, longest first.

    Each passage is maximal: it is extended as far as both texts agree, but never across a
    paragraph break. The default of 18 characters is just above the length of the corpus's
    shared topic phrase (推动科技创新和产业创新深度融合, 15 characters), which every text repeats.

    The time grows with the corpus size and with the amount of shared text, not with the number
    of pairs of documents (2,000 documents take seconds, not hours); a phrase that many documents
    share still gives one row per pair of documents that share it.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    if min_chars < 1:
        raise ValueError("min_chars must be at least 1")
    items = sorted(dict(iter_docs(docs)).items())
    ids = [doc_id for doc_id, _ in items]
    texts = [text if isinstance(text, str) else "" for _, text in items]
    rows = _passages(texts, min_chars)
    if not rows[0]:
        return pd.DataFrame([], columns=COLUMNS)
    table = pd.DataFrame({"doc_a": [ids[a] for a in rows[0]], "doc_b": [ids[b] for b in rows[1]],
                          "text": [texts[b][j:j + n] for b, j, n in zip(rows[1], rows[3], rows[4])],
                          "chars": rows[4], "start_a": rows[2], "start_b": rows[3]}, columns=COLUMNS)
    return table.sort_values(["chars", "doc_a", "doc_b", "start_a"],
                             ascending=[False, True, True, True]).reset_index(drop=True)


class _Shingles:
    """Every *k*-character window of every text, concatenated: two hashes, whether the window is
    free of line breaks, its document and its start; ``first[d]`` is document d's first window."""

    def __init__(self, texts: list[str], k: int):
        h1s, h2s, valids, docs, starts = [], [], [], [], []
        for d, text in enumerate(texts):
            n = len(text) - k + 1
            if n <= 0:
                continue
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
            h1, h2 = np.zeros(n, np.uint64), np.zeros(n, np.uint64)
            for t in range(k):
                window = codes[t:t + n]
                h1 = h1 * _BASES[0] + window
                h2 = h2 * _BASES[1] + (window ^ np.uint64(0x5BD1E995))
            breaks = np.concatenate(([0], np.cumsum(codes == _NEWLINE)))
            h1s.append(h1)
            h2s.append(h2)
            valids.append(breaks[k:k + n] == breaks[:n])
            docs.append(np.full(n, d, np.int32))
            starts.append(np.arange(n, dtype=np.int32))
        join = (lambda parts, dtype: np.concatenate(parts) if parts else np.zeros(0, dtype))
        self.h1, self.h2 = join(h1s, np.uint64), join(h2s, np.uint64)
        self.valid, self.doc, self.pos = join(valids, bool), join(docs, np.int32), join(starts, np.int32)

    def neighbour(self, step: int):
        """For each window, the key of the window *step* places on in the same document (-1, +1):
        ``(has one, hash 1, hash 2)``; a missing or line-crossing neighbour has no key."""
        n = len(self.h1)
        index = np.arange(n) + step
        inside = (index >= 0) & (index < n)
        index = np.clip(index, 0, max(n - 1, 0))
        has = inside & (self.doc[index] == self.doc) & self.valid[index] if n else np.zeros(0, bool)
        return has, np.where(has, self.h1[index], 0), np.where(has, self.h2[index], 0)


def _shared_windows(sh: _Shingles):
    """Indices of the line-free windows whose text occurs in at least two documents, with a
    group number per distinct text."""
    candidates = np.flatnonzero(sh.valid)
    h1 = sh.h1[candidates]
    order = np.argsort(h1, kind="stable")
    sorted_h = h1[order]
    repeated = np.zeros(len(order), bool)
    if len(order) > 1:
        same = sorted_h[1:] == sorted_h[:-1]
        repeated[1:] |= same
        repeated[:-1] |= same
    picked = candidates[order[repeated]]
    if not len(picked):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    picked = picked[np.lexsort((sh.doc[picked], sh.h2[picked], sh.h1[picked]))]
    new = np.ones(len(picked), bool)
    new[1:] = (sh.h1[picked][1:] != sh.h1[picked][:-1]) | (sh.h2[picked][1:] != sh.h2[picked][:-1])
    group = np.cumsum(new) - 1
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(picked)) - 1
    docs = sh.doc[picked]
    keep = (docs[first] != docs[last])[group]  # sorted by document within a group
    return picked[keep], group[keep]


def _edges(sh: _Shingles, windows, group, step: int):
    """Pairs of equal windows in two documents whose neighbours (*step* -1: the windows before;
    +1: after) differ: the starts (or ends) of the diagonal runs of equal windows.
    Returns ``(a, b, i, j)`` with document a < b."""
    has, n1, n2 = sh.neighbour(step)
    has, n1, n2 = has[windows], n1[windows], n2[windows]
    # a window without a neighbour gets a class of its own: it pairs with every other one
    alone = np.where(has, 0, np.arange(1, len(windows) + 1))
    order = np.lexsort((sh.pos[windows], sh.doc[windows], n2, n1, alone, group))
    windows, group, has, n1, n2, alone = (v[order] for v in (windows, group, has, n1, n2, alone))
    doc = sh.doc[windows]
    # segments: one document, one neighbour class, one group
    new_class = np.ones(len(windows), bool)
    new_class[1:] = (group[1:] != group[:-1]) | (alone[1:] != alone[:-1]) | (n1[1:] != n1[:-1]) | (n2[1:] != n2[:-1])
    new_seg = new_class.copy()
    new_seg[1:] |= doc[1:] != doc[:-1]
    seg_start = np.flatnonzero(new_seg)
    seg_len = np.diff(np.append(seg_start, len(windows)))
    seg_group = group[seg_start]
    seg_class = np.cumsum(new_class)[seg_start]
    group_end = np.searchsorted(seg_group, seg_group, side="right")
    class_end = np.searchsorted(seg_class, seg_class, side="right")
    # every segment with every segment of a later neighbour class in its group
    after = group_end - class_end
    x = np.repeat(np.arange(len(seg_start)), after)
    y = np.repeat(class_end, after) + _ramp(after)
    sizes = seg_len[x] * seg_len[y]
    r = _ramp(sizes)
    px, py = np.repeat(x, sizes), np.repeat(y, sizes)
    ly = seg_len[py]
    wx, wy = windows[seg_start[px] + r // ly], windows[seg_start[py] + r % ly]
    dx, dy = sh.doc[wx], sh.doc[wy]
    differ = dx != dy
    wx, wy, dx, dy = wx[differ], wy[differ], dx[differ], dy[differ]
    swap = dx > dy
    a, b = np.where(swap, dy, dx), np.where(swap, dx, dy)
    i, j = np.where(swap, sh.pos[wy], sh.pos[wx]), np.where(swap, sh.pos[wx], sh.pos[wy])
    return a, b, i, j


def _ramp(counts):
    """0, 1, … counts[0]-1, 0, 1, … counts[1]-1, …"""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, np.int64)
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total, dtype=np.int64) - offsets


def _runs(sh: _Shingles):
    """The diagonal runs of equal windows of every pair of documents: ``(a, b, diagonal,
    first j, last j)`` sorted by pair and first j (None if starts and ends do not match up)."""
    windows, group = _shared_windows(sh)
    a, b, i, j = _edges(sh, windows, group, -1)
    ea, eb, ei, ej = _edges(sh, windows, group, +1)
    if len(a) != len(ea):
        return None
    order, end_order = np.lexsort((j, j - i, b, a)), np.lexsort((ej, ej - ei, eb, ea))
    a, b, diag, first = a[order], b[order], (j - i)[order], j[order]
    ea, eb, ediag, last = ea[end_order], eb[end_order], (ej - ei)[end_order], ej[end_order]
    if not (np.array_equal(a, ea) and np.array_equal(b, eb) and np.array_equal(diag, ediag)
            and (last >= first).all()):
        return None
    order = np.lexsort((-diag, -last, first, b, a))
    return a[order], b[order], diag[order], first[order], last[order]


def _walk(a, b, diag, first, last, k):
    """The passages the left-to-right walk of document b keeps, from the runs of each pair:
    at the first place a run covers, the run reaching furthest (the earliest start in a on a
    tie), then on from its end. Returns (a, b, i, j, n) lists in pair order."""
    out = ([], [], [], [], [])
    if not len(a):
        return out
    pair_new = np.ones(len(a), bool)
    pair_new[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    # most pairs share passages that do not overlap in b: every run is a passage
    overlap = np.zeros(len(a), bool)
    overlap[1:] = ~pair_new[1:] & (first[1:] < last[:-1] + k)
    pair = np.cumsum(pair_new) - 1
    tangled = np.zeros(pair[-1] + 1, bool)
    tangled[pair[overlap]] = True
    simple = ~tangled[pair]
    for out_list, values in zip(out, (a[simple], b[simple], (first - diag)[simple], first[simple],
                                        (last - first + k)[simple])):
        out_list.extend(values.tolist())
    starts = np.flatnonzero(pair_new & tangled[pair])
    ends = np.append(np.flatnonzero(pair_new)[1:], len(a))
    end_of = dict(zip(np.flatnonzero(pair_new).tolist(), ends.tolist()))
    for s in starts.tolist():
        runs = list(zip(diag[s:end_of[s]].tolist(), first[s:end_of[s]].tolist(), last[s:end_of[s]].tolist()))
        pos = 0
        while True:
            live = [r for r in runs if r[2] >= pos]
            if not live:
                break
            at = min(max(f, pos) for _, f, _ in live)
            d, _, end = max((r for r in live if r[1] <= at), key=lambda r: (r[2], r[0]))
            for out_list, value in zip(out, (int(a[s]), int(b[s]), at - d, at, end - at + k)):
                out_list.append(value)
            pos = end + k
    arrays = [np.asarray(values, dtype=np.int64) for values in out]
    order = np.lexsort((arrays[3], arrays[1], arrays[0]))
    return tuple(values[order].tolist() for values in arrays)


def _passages(texts: list[str], k: int):
    """Rows (a, b, start_a, start_b, chars) as lists, in pair order and start in b."""
    runs = _runs(_Shingles(texts, k))
    if runs is None:  # hash collisions: every pair the plain way
        return _plain(texts, k, None)
    a, b, i, j, n = _walk(*runs, k)
    wrong = {(x, y) for x, y, s, t, m in zip(a, b, i, j, n) if texts[x][s:s + m] != texts[y][t:t + m]}
    if not wrong:
        return a, b, i, j, n
    kept = [r for r in zip(a, b, i, j, n) if (r[0], r[1]) not in wrong]
    return _merge(kept, _plain(texts, k, wrong))


def _plain(texts, k, pairs):
    """The plain method on *pairs* (every pair when None), as row lists."""
    if pairs is None:
        pairs = [(x, y) for x in range(len(texts)) for y in range(x + 1, len(texts))]
    rows = [(x, y, s, t, m) for x, y in pairs for s, t, m in pair_passages(texts[x], texts[y], k)]
    return _merge(rows, ([],) * 5)


def _merge(rows, lists):
    rows = sorted(list(rows) + list(zip(*lists)), key=lambda r: (r[0], r[1], r[3]))
    return tuple(list(v) for v in zip(*rows)) if rows else ([], [], [], [], [])


def pair_passages(ta: str, tb: str, k: int) -> list[tuple[int, int, int]]:
    """The plain method for one pair of texts: ``(start_a, start_b, chars)`` in order of start_b."""
    index: dict[str, list[int]] = {}
    for i in range(len(ta) - k + 1):
        shingle = ta[i:i + k]
        if "\n" not in shingle:
            index.setdefault(shingle, []).append(i)
    out, j = [], 0
    while j <= len(tb) - k:
        starts = index.get(tb[j:j + k])
        if not starts:
            j += 1
            continue
        best = (0, 0)
        for i in starts:
            n = k
            while i + n < len(ta) and j + n < len(tb) and ta[i + n] == tb[j + n] != "\n":
                n += 1
            best = max(best, (n, -i))
        n, i = best[0], -best[1]
        out.append((i, j, n))
        j += n
    return out
