"""Segmentation, the general path: any text, characters beyond U+FFFF included. Regexes find the
protected spans (numbers and citation marks, kept whole) and the lines where rjieba differs from
jieba (those go to jieba). Also the pieces both paths share: character classes, word lengths,
rjieba cut in pieces of whole lines. The fast path for the Basic Multilingual Plane is in
:mod:`.segment_fast`, and is tested against this one."""

from __future__ import annotations

import re
from functools import lru_cache

from .tokenizers import _PROTECTED, _RJIEBA_DIFFERS, plain_tokenizer, rjieba_tokenizer, tokenizer


_LINES = re.compile(r"[^\n]*\n|[^\n]+")


#: rjieba is given pieces of whole lines: each piece runs from this many characters on to the
#: end of its line (a text without line breaks goes whole). The words of each piece, one Python
#: string each, are read and freed before the next piece is cut, so their memory is reused
#: rather than asked anew from the kernel: one token table of the 10 MB benchmark corpus in a
#: fresh process took 27,600 page faults instead of 51,000 (kernel time 40–84 ms instead of
#: 112–139 ms).
CUT_CHARS = 8_000


def _cut_lengths(cut, text: str):
    """The lengths of the words ``cut(text)`` gives (see :func:`_word_lengths`), *text* given to
    *cut* in pieces of whole lines (see ``CUT_CHARS``; a word never spans a line break, so the
    words are the same), each piece's words freed before the next is cut."""
    import numpy as np

    if len(text) <= CUT_CHARS:
        return _word_lengths(cut(text, True))
    parts, pos = [], 0
    while pos < len(text):
        end = text.find("\n", pos + CUT_CHARS) + 1 or len(text)
        parts.append(_word_lengths(cut(text[pos:end], True)))
        pos = end
    return np.concatenate(parts)


def _cut_word_lengths(text: str, user_dict: bool, name: str):
    """The lengths of the words of *text* (see :func:`_word_lengths`; whitespace included, as jieba
    gives it), with jieba's default mode and HMM. The rjieba backend gives jieba's words: lines
    where the two differ go to jieba (neither joins words across a line break, so this is exact)."""
    import numpy as np

    if name == "jieba":
        return _word_lengths(list((tokenizer() if user_dict else plain_tokenizer()).cut(text, HMM=True)))
    fast = rjieba_tokenizer(user_dict).cut
    if _RJIEBA_DIFFERS.search(text) is None:
        return _cut_lengths(fast, text)
    slow = tokenizer() if user_dict else plain_tokenizer()
    parts = []
    batch: list[str] = []  # consecutive lines rjieba handles, cut together
    for line in _LINES.findall(text):
        if _RJIEBA_DIFFERS.search(line) is None:
            batch.append(line)
            continue
        if batch:
            parts.append(_cut_lengths(fast, "".join(batch)))
            batch = []
        parts.append(_word_lengths(list(slow.cut(line, HMM=True))))
    if batch:
        parts.append(_cut_lengths(fast, "".join(batch)))
    return np.concatenate(parts)  # not empty: the text has a line that goes to jieba


_SPACE, _DIGIT, _BEFORE, _ALNUM, _SYMBOL, _ODD, _BRACKET = 1, 2, 4, 8, 16, 32, 64


@lru_cache(maxsize=1)
def _char_classes():
    r"""One byte of flags per code point of the Basic Multilingual Plane: white space; a digit
    (``\d``); what may not precede a number (``[A-Za-z0-9.]``); an ASCII letter or digit; the
    symbols jieba and rjieba join differently (``+#&._%-``); the ideographs rjieba handles
    differently (U+3400–U+4DBF, U+9FD6–U+9FFF, U+F900–U+FAFF); ``[``."""
    import numpy as np

    bmp = "".join(map(chr, range(0x10000)))
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[i for i, ch in enumerate(bmp) if ch.isspace()]] |= _SPACE
    table[[m.start() for m in re.finditer(r"\d", bmp)]] |= _DIGIT
    table[[ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789."]] |= _BEFORE
    table[[ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"]] |= _ALNUM
    table[[ord(c) for c in "+#&._%-"]] |= _SYMBOL
    for low, high in ((0x3400, 0x4DBF), (0x9FD6, 0x9FFF), (0xF900, 0xFAFF)):
        table[low:high + 1] |= _ODD
    table[ord("[")] |= _BRACKET
    return table


def _classes(text: str):
    """``(flags, astral)``: the flags of each character (see :func:`_char_classes`), and whether
    the text has characters beyond U+FFFF (those get no flags; the callers then use regexes)."""
    import numpy as np

    units = _bmp_codes(text)
    if units is not None:
        return _char_classes()[units], False
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _char_classes()[np.minimum(codes, 0xFFFF)] * (codes < 0x10000), True


def _protected(text: str, flags, astral: bool) -> list[tuple[int, int]]:
    """The spans of numbers and citation marks (``_PROTECTED.finditer``), found fast: the
    pattern is tried only where a match can begin (``[``, or a digit not preceded by
    ``[A-Za-z0-9.]``)."""
    import numpy as np

    if astral:
        return [m.span() for m in _PROTECTED.finditer(text)]
    can = (flags & _DIGIT).astype(bool)
    can[1:] &= (flags[:-1] & _BEFORE) == 0
    can |= (flags & _BRACKET).astype(bool)
    found, end, match = [], 0, _PROTECTED.match
    for i in np.flatnonzero(can).tolist():
        if i >= end:
            m = match(text, i)
            if m:
                found.append(m.span())
                end = m.end()
    return found


def _rjieba_differs(flags, astral: bool) -> bool:
    """Could rjieba segment this text differently from jieba (``_RJIEBA_DIFFERS``, with numpy)?"""
    import numpy as np

    if astral:
        return True
    if len(flags) == 0:
        return False
    if (flags & _ODD).any():
        return True
    sym = ((flags & _SYMBOL) != 0).astype(np.int8)
    if not sym.any():
        return False
    # a run of symbols with an ASCII letter or digit on both sides
    edge = np.diff(np.concatenate([[0], sym, [0]]))
    first, last = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)  # run = [first, last)
    inside = (first > 0) & (last < len(flags))
    if not inside.any():
        return False
    first, last = first[inside], last[inside]
    return bool(((flags[first - 1] & flags[last]) & _ALNUM).any())


def _bmp_codes(text: str):
    """The UTF-16 code units of *text* (uint16), or None when it has characters beyond U+FFFF."""
    import numpy as np

    data = text.encode("utf-16-le", "surrogatepass")
    return np.frombuffer(data, dtype=np.uint16) if len(data) == 2 * len(text) else None


def _word_lengths(words: list[str]):
    """The length of each word as a numpy array: one byte per word when every word is shorter
    than 256 characters (the cheapest pass over the word objects: a bytearray fills faster than
    bytes, 28 against 35 ms for 1.5 million words), else int64."""
    import numpy as np

    try:
        return np.frombuffer(bytearray(map(len, words)), dtype=np.uint8)
    except ValueError:  # a word of 256 characters or more
        return np.fromiter(map(len, words), dtype=np.int64, count=len(words))


def _joined(texts: list[str]):
    """The texts joined by line breaks (one text: itself), and where each starts in the result."""
    import numpy as np

    return "\n".join(texts), np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])


def _segment_general(text: str, user_dict: bool, name: str):
    """:func:`_segment` for any text (the fast path handles texts without characters beyond
    U+FFFF): regexes find the protected spans, and rjieba's differing lines go to jieba."""
    import numpy as np

    flags, astral = _classes(text)
    matches = _protected(text, flags, astral)
    if matches:
        bounds = np.array(matches, dtype=np.int64)
        parts, pieces, pos = [], [], 0
        newline = np.array([_SPACE], dtype=np.uint8)
        for start, end in matches:
            parts.append(text[pos:start])
            pieces += [flags[pos:start], newline]
            pos = end
        parts.append(text[pos:])
        pieces.append(flags[pos:])
        work = "\n".join(parts)
        flags = np.concatenate(pieces)
    else:
        work = text
    if name == "rjieba" and not _rjieba_differs(flags, astral):
        lengths = _cut_lengths(rjieba_tokenizer(user_dict).cut, work)
    else:
        lengths = _cut_word_lengths(work, user_dict, name)
    ends = np.cumsum(lengths, dtype=np.int64)
    starts = ends - lengths
    if len(lengths):
        keep = (flags[starts] & _SPACE) == 0
        starts, ends = starts[keep], ends[keep]
    if not matches:
        return starts, ends
    # placeholder i sits at (start of match i) - (characters removed before it)
    removed = np.cumsum(bounds[:, 1] - bounds[:, 0] - 1)
    holder = bounds[:, 0] - np.concatenate([[0], removed[:-1]])
    shift = np.concatenate([[0], removed])[np.searchsorted(holder, starts, side="right")]
    all_starts = np.concatenate([starts + shift, bounds[:, 0]])
    order = np.argsort(all_starts, kind="stable")
    return all_starts[order], np.concatenate([ends + shift, bounds[:, 1]])[order]
