"""Segmentation, the fast path (texts without characters beyond U+FFFF: one numpy pass finds
every character that matters), and :func:`_segment`, which sends each text down the fast or the
general path (:mod:`.segment`)."""

from __future__ import annotations

from .segment import (_ALNUM, _BEFORE, _BRACKET, _DIGIT, _ODD, _SPACE, _SYMBOL, _bmp_codes, _char_classes,
                      _cut_lengths, _cut_word_lengths, _segment_general, _word_lengths)
from .tokenizers import _PROTECTED, _RJIEBA_DIFFERS, backend, plain_tokenizer, rjieba_tokenizer, tokenizer


def _segment(text: str, user_dict: bool, name: str | None = None):
    """Segment *text*: ``(starts, ends)`` (int64 offsets), whitespace left out, numbers and
    citation marks kept whole.

    Each protected span is replaced by one line break (which jieba and rjieba never join with
    anything), the whole text is segmented in one call, and the offsets are mapped back with
    numpy: the same tokens as segmenting the stretches between numbers one by one. Texts of the
    Basic Multilingual Plane take the fast path (:func:`_segment_bmp`); others the general one."""
    return _segment_coded(text, user_dict, name)[:2]


def _segment_coded(text: str, user_dict: bool, name: str | None = None):
    """:func:`_segment`, and the text's UTF-16 code units (None for a text with characters
    beyond U+FFFF, see :func:`_bmp_codes`): ``(starts, ends, codes)``."""
    name = name or backend()
    codes = _bmp_codes(text)
    if codes is not None:
        return (*_segment_bmp(text, codes, user_dict, name), codes)
    return (*_segment_general(text, user_dict, name), None)


def _inside(positions, bounds):
    """For each position, whether it lies inside one of the sorted, disjoint spans *bounds*."""
    import numpy as np

    k = np.searchsorted(bounds[:, 0], positions, side="right") - 1
    return (k >= 0) & (positions < bounds[np.maximum(k, 0), 1])


def _protected_at(text: str, flags, candidates) -> list[int]:
    """The spans of numbers and citation marks (``_PROTECTED.finditer``) as one flat list
    ``[start, end, start, end, …]``, trying the pattern only where a match can begin: ``[``, or
    a digit not preceded by ``[A-Za-z0-9.]``. *candidates*: the positions of the digits and
    ``[``, in order."""
    import numpy as np

    if not len(candidates):
        return []
    before = flags[np.maximum(candidates - 1, 0)]
    can = candidates[((flags[candidates] & _BRACKET) != 0) | ((before & _BEFORE) == 0) | (candidates == 0)]
    found: list[int] = []
    end, match = 0, _PROTECTED.match
    for i in can.tolist():
        if i >= end:
            m = match(text, i)
            if m:
                end = m.end()
                found += (i, end)
    return found


def _differing_positions(flags, marks, kinds, bounds):
    """Positions of *text* (sorted) where rjieba may segment differently from jieba once the
    protected spans *bounds* are replaced by line breaks (see ``_RJIEBA_DIFFERS``): the odd
    ideographs, and the first symbol of each run of ``+#&._%-`` with an ASCII letter or digit on
    both sides, the run and its two neighbours outside the spans.

    A span starts with a digit or ``[`` (never inside such a run) and, replaced by a line break,
    cuts any run it touches: so only the runs of the text itself, lying wholly outside the spans
    with neighbours outside them, are runs once the spans are replaced."""
    import numpy as np

    odd = marks[(kinds & _ODD) != 0]
    sym = marks[(kinds & _SYMBOL) != 0]
    if not len(sym):
        return odd
    breaks = np.flatnonzero(np.diff(sym) != 1)
    first = sym[np.concatenate([[0], breaks + 1])]
    left, right = first - 1, sym[np.concatenate([breaks, [len(sym) - 1]])] + 1
    ok = (left >= 0) & (right < len(flags))
    first, left, right = first[ok], left[ok], right[ok]
    both = (flags.take(left) & flags.take(right) & _ALNUM) != 0
    first, left, right = first[both], left[both], right[both]
    if len(first) and len(bounds):
        first = first[~(_inside(first, bounds) | _inside(left, bounds) | _inside(right, bounds))]
    if not len(first):
        return odd
    return np.union1d(odd, first)


def _rjieba_lengths(work: str, suspects: list[int], user_dict: bool):
    """The lengths of the words of *work* (see :func:`_word_lengths`), segmented with rjieba,
    except the lines where rjieba differs from jieba (those that ``_RJIEBA_DIFFERS`` matches,
    all among the lines of the *suspects* positions), which jieba segments: the words of
    :func:`_cut_word_lengths`, without scanning every line."""
    import numpy as np

    fast = rjieba_tokenizer(user_dict).cut
    if not suspects:
        return _cut_lengths(fast, work)
    slow = tokenizer() if user_dict else plain_tokenizer()
    parts = []
    pos = checked = 0
    for q in suspects:
        if q < checked:
            continue
        start = work.rfind("\n", 0, q) + 1
        end = work.find("\n", q)
        end = len(work) if end < 0 else end + 1
        checked = end
        line = work[start:end]
        if _RJIEBA_DIFFERS.search(line) is None:
            continue
        if start > pos:
            parts.append(_cut_lengths(fast, work[pos:start]))
        parts.append(_word_lengths(list(slow.cut(line, HMM=True))))
        pos = end
    if pos == 0:
        return _cut_lengths(fast, work)
    if pos < len(work):
        parts.append(_cut_lengths(fast, work[pos:]))
    return np.concatenate(parts)


def _segment_bmp(text: str, codes, user_dict: bool, name: str):
    """:func:`_segment` for a text without characters beyond U+FFFF (*codes*: its UTF-16 code
    units). One pass of numpy finds every character that matters (digits, ``[``, the symbols and
    ideographs where rjieba differs); the rest works on those few positions."""
    import numpy as np

    flags = _char_classes().take(codes)
    marks = np.flatnonzero((flags & (_DIGIT | _BRACKET | _ODD | _SYMBOL)) != 0)  # (a bool array: much faster)
    kinds = flags[marks]
    found = _protected_at(text, flags, marks[(kinds & (_DIGIT | _BRACKET)) != 0])
    index = np.int32 if len(text) < 2**31 else np.int64  # offsets: half the memory traffic when they fit
    bounds = np.array(found, dtype=index).reshape(-1, 2)
    if found:
        cuts = [0, *found, len(text)]
        work = "\n".join([text[a:b] for a, b in zip(cuts[::2], cuts[1::2])])
        removed = np.zeros(len(bounds) + 1, dtype=index)
        np.cumsum(bounds[:, 1] - bounds[:, 0] - 1, out=removed[1:])
        holder = bounds[:, 0] - removed[:-1]  # where each span's line break sits in *work*
    else:
        work = text
    if name == "rjieba":
        suspects = _differing_positions(flags, marks, kinds, bounds)
        if len(suspects) and found:
            suspects = suspects - removed[np.searchsorted(bounds[:, 0], suspects, side="right")]
        lengths = _rjieba_lengths(work, suspects.tolist(), user_dict)
    else:
        lengths = _cut_word_lengths(work, user_dict, name)
    ends = np.cumsum(lengths, dtype=index)
    starts = ends - lengths
    if not found:
        keep = (flags.take(starts) & _SPACE) == 0
        return starts[keep], ends[keep]
    # tokens after the line break of span i move right by the characters removed up to span i
    cut = np.searchsorted(starts, holder, side="right")
    shift = np.repeat(removed, np.diff(np.concatenate([[0], cut, [len(starts)]])))
    at = cut - 1  # the token holding each span's line break
    alone = bool(np.all((starts[at] == holder) & (ends[at] == holder + 1)))
    starts += shift
    ends += shift
    keep = (flags.take(starts) & _SPACE) == 0
    if alone:  # each line break is a token of its own: it becomes the span
        starts[at], ends[at] = bounds[:, 0], bounds[:, 1]
        keep[at] = True
        return starts[keep], ends[keep]
    keep[at[starts[at] - shift[at] == holder]] = False  # the tokens that are such a line break
    starts, ends = starts[keep], ends[keep]
    where = np.searchsorted(starts, bounds[:, 0])
    return np.insert(starts, where, bounds[:, 0]), np.insert(ends, where, bounds[:, 1])
