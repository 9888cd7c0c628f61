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
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import jieba
import pandas as pd

from .._docs import iter_docs
from ..numbers import CITATION, NUMBER
from ..paths import cache_dir, data_path

_PROTECTED = re.compile(f"{CITATION.pattern}|{NUMBER.pattern}")


def _read_list(name: str) -> list[str]:
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def user_dictionary() -> pd.DataFrame:
    """Return the domain user dictionary (``zhpolicy/data/userdict.txt``) as a table ``term, freq, tag``."""
    rows = []
    for line in _read_list("userdict.txt"):
        parts = line.split()
        rows.append({
            "term": parts[0],
            "freq": int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None,
            "tag": parts[2] if len(parts) > 2 else None,
        })
    return pd.DataFrame(rows, columns=["term", "freq", "tag"])


def _jieba_dir():
    """Where jieba keeps its dictionary cache: ``jieba-<version>/`` in the library's private
    cache folder, or a private temporary folder when there is no usable cache (never the
    shared ``/tmp`` jieba would use by default)."""
    root = _cache_root()
    folder = _private_dir(root, f"jieba-{jieba.__version__}") if root is not None else None
    if folder is None:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="zhpolicy-jieba-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _new_tokenizer() -> jieba.Tokenizer:
    """A fresh jieba tokenizer whose dictionary cache is checked: jieba loads its cache file
    without checking it, so the library records the SHA-256 of the file jieba wrote and
    deletes (jieba then rebuilds) any cache file that does not match the record."""
    jieba.setLogLevel(logging.WARNING)
    folder = _jieba_dir()
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(folder)
    cache, record = folder / "jieba.cache", folder / "jieba.cache.sha256"
    try:
        if cache.exists() and (not record.is_file() or record.read_text().strip() != _file_digest(cache)):
            cache.unlink()
    except OSError:
        pass
    level = jieba.default_logger.level
    jieba.default_logger.setLevel(logging.CRITICAL)  # a failed cache write is not the user's problem
    try:
        tk.initialize()
    finally:
        jieba.default_logger.setLevel(level)
    try:
        if cache.is_file():
            digest = _file_digest(cache)
            if not record.is_file() or record.read_text().strip() != digest:
                record.write_text(digest + "\n")
    except OSError:
        pass
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
    """Return the stopword set: stopwordsiso's Chinese list plus ``zhpolicy/data/stopwords_policy.txt``."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh")) | frozenset(_read_list("stopwords_policy.txt"))


def resource_versions() -> dict[str, str]:
    """Return versions/hashes of what segmentation depends on (for a run record)."""
    import stopwordsiso  # noqa: F401
    from importlib.metadata import version

    def digest(name: str) -> str:
        return hashlib.sha256(data_path(name).read_bytes()).hexdigest()[:12]

    found = {"jieba": version("jieba")}
    name = backend()
    found["backend"] = f"rjieba {version('rjieba')}" if name == "rjieba" else "jieba"
    return {
        **found,
        "stopwordsiso": version("stopwordsiso"),
        "userdict.txt": digest("userdict.txt"),
        "stopwords_policy.txt": digest("stopwords_policy.txt"),
    }


def is_punct(token: str) -> bool:
    """True when *token* consists only of punctuation, symbols or spaces."""
    return all(unicodedata.category(ch)[0] in "PSZ" or ch.isspace() for ch in token)


#: Segmentation backends: ``rjieba`` (the Rust port of jieba, the default when installed: about
#: 20× faster, and made to segment exactly like jieba, see :func:`_cut_word_lengths`) and ``jieba``
#: (the reference, pure Python; the lessons teach jieba's API).
BACKENDS = ("jieba", "rjieba")


@lru_cache(maxsize=1)
def _rjieba_available() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def backend() -> str:
    """The segmentation backend: ``$ZHPOLICY_BACKEND`` (``jieba`` or ``rjieba``); by default
    ``rjieba`` when it is installed, else ``jieba``. Both give the same tokens."""
    import os

    default = "rjieba" if _rjieba_available() else "jieba"
    name = os.environ.get("ZHPOLICY_BACKEND", default).strip().lower() or default
    if name not in BACKENDS:
        raise ValueError(f"ZHPOLICY_BACKEND 只能是 {' 或 '.join(BACKENDS)}，不能是 {name!r}")
    if name == "rjieba" and not _rjieba_available():
        raise RuntimeError("ZHPOLICY_BACKEND=rjieba 需要先安装 rjieba（pip install rjieba）")
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
        for term, freq in _userdict_freqs().items():
            fast.add_word(term, freq, None)
    return fast


def _userdict_freqs() -> dict:
    """The frequency jieba gives each user-dictionary term (after ``add_word``/``suggest_freq``),
    in dictionary order. Kept in a small file in the private cache, so that a process using
    rjieba need not load jieba's dictionary (a second or more) unless a line needs jieba."""
    import json

    terms = list(user_dictionary()["term"])
    root = _cache_root()
    path = root / f"userdict-freqs-{_config_hash(True, 'freqs', data_path)}.json" if root is not None else None
    if path is not None:
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if (isinstance(found, list) and [t for t, _ in found] == terms
                    and all(f is None or (isinstance(f, int) and f > 0) for _, f in found)):
                return dict(found)
        except (OSError, ValueError, TypeError):
            pass
    tk = tokenizer()
    freqs = {term: tk.FREQ.get(term) for term in terms}
    if path is not None:
        try:
            _write_atomically(path, lambda handle: handle.write(
                json.dumps(list(freqs.items()), ensure_ascii=False).encode("utf-8")))
        except OSError:
            pass
    return freqs


def _write_atomically(path, write) -> None:
    """Write *path* through ``write(binary_handle)`` into a temporary file beside it, then move
    it into place, so a crash mid-write never leaves a half-written file. Raises OSError (and
    removes the temporary file) when writing fails."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


#: Where rjieba (jieba-rs) and jieba 0.42.1 disagree: rjieba takes CJK Extension A/B–G,
#: the newest unified ideographs (U+9FD6–U+9FFF) and compatibility ideographs as Chinese
#: characters (jieba treats them as single symbols), and keeps ``7-1``, ``a_b``, ``Z.Y`` whole
#: (jieba splits them). Lines containing any of these are segmented by jieba itself.
_RJIEBA_DIFFERS = re.compile(
    "[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
    r"|[A-Za-z0-9][+#&._%\-]+[A-Za-z0-9]"
)
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


def _spans(text: str, user_dict: bool = True) -> list[tuple[str, int, int]]:
    """Segment *text*; return ``(token, start, end)`` with numbers and citations kept whole."""
    starts, ends = _segment(text, user_dict)
    return [(text[s:e], s, e) for s, e in zip(starts.tolist(), ends.tolist())]


def tokenize(text: str, *, user_dict: bool = True, drop_stopwords: bool = False, drop_punct: bool = True) -> list[str]:
    """Segment one text into a list of words.

    ``user_dict=False`` uses jieba's own dictionary only (to see what the domain terms change).
    """
    stops = stopwords() if drop_stopwords else frozenset()
    return [
        w for w, _, _ in _spans(text, user_dict)
        if not (drop_punct and is_punct(w)) and w not in stops
    ]


# ---------------------------------------------------------------- cache and parallel segmentation

#: Target size of the pieces a long text is cut into (at line breaks) for parallel work.
PIECE_CHARS = 200_000

#: Size of the batches documents are segmented in, serially (see :func:`_batches`): each batch
#: costs a few dozen numpy calls, so fewer, larger batches cost less (rjieba itself is given
#: pieces of ``CUT_CHARS``). Token table of the 10 MB benchmark corpus, in one process, the sizes
#: taking turns for 10 rounds, fastest round of each, over three such runs: 406–428 ms with
#: batches of 500,000–1,000,000 characters, 426–458 ms with 64,000.
BATCH_CHARS = 500_000


#: Bumped when the way tokens are made changes (2: rjieba lines where it differs go to jieba).
_SEGMENTATION_SCHEME = "2"


def config_hash(user_dict: bool = True) -> str:
    """A hash of everything segmentation depends on: library, jieba (and rjieba) versions, the
    backend, the user dictionary, and the number/citation patterns. Part of every cache key."""
    return _config_hash(user_dict, backend(), data_path)


@lru_cache(maxsize=8)
def _config_hash(user_dict: bool, name: str, find_data) -> str:
    from importlib.metadata import version

    from .. import __version__

    digest = hashlib.sha256()
    parts = [__version__, jieba.__version__, name, str(user_dict), _PROTECTED.pattern, _SEGMENTATION_SCHEME]
    if name == "rjieba":
        parts += [version("rjieba"), _RJIEBA_DIFFERS.pattern]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    if user_dict:
        digest.update(find_data("userdict.txt").read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(text: str, user_dict: bool) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "-" + config_hash(user_dict)


#: Cache files are plain int32 ``.npy`` arrays: a header (magic number, format version,
#: token count, the 64-character cache key) followed by the start and end offsets. They are
#: read with ``allow_pickle=False``, checked against the key, and their offsets are checked
#: against the text (ascending, not overlapping, inside it), so a corrupt, foreign or crafted
#: file is simply rebuilt.
_MAGIC, _FORMAT, _KEY_LEN = 0x7A68706F, 1, 64

_warned: set[str] = set()


def _warn_once(topic: str, message: str) -> None:
    """Warn about a cache problem once per process and topic; the work goes on without it."""
    import warnings

    if topic not in _warned:
        _warned.add(topic)
        warnings.warn(message, RuntimeWarning, stacklevel=3)


def _cache_root():
    """The cache folder, or None (with one warning) when it cannot be used."""
    from ..paths import CacheUnavailable

    try:
        return cache_dir()
    except CacheUnavailable as exc:
        _warn_once("dir", f"{exc}；本次不使用缓存，结果不受影响。（running without a cache）")
        return None


def _private_dir(root, name: str):
    """``root/name``, created private (0700) if missing; None when that fails."""
    folder = root / name
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder if folder.is_dir() else None
    except OSError:
        return None


def _cache_path(key: str):
    root = _cache_root()
    if root is None:
        return None
    return root / "tokens" / key[:2] / f"{key}.npy"


def _key_codes(key: str):
    import numpy as np

    return np.frombuffer(key.encode("ascii").ljust(_KEY_LEN, b" ")[:_KEY_LEN], dtype=np.uint8).astype(np.int32)


def _valid_spans(starts, ends, length: int) -> bool:
    """True when token offsets are possible for a text of *length* characters: each token
    non-empty and inside the text, tokens in order and not overlapping."""
    import numpy as np

    if len(starts) != len(ends):
        return False
    if not len(starts):
        return True
    return bool(starts[0] >= 0 and ends[-1] <= length and np.all(ends > starts)
                and np.all(starts[1:] >= ends[:-1]))


def _load_cached(key: str, path=None):
    """Return cached (starts, ends) for *key*, or None. Anything unreadable, foreign or
    inconsistent is ignored (and later overwritten); nothing is ever unpickled."""
    import numpy as np

    path = path or _cache_path(key)
    try:
        if path is None or not path.is_file():
            return None
        data = np.load(path, allow_pickle=False)
        head = 3 + _KEY_LEN
        if data.dtype != np.int32 or data.ndim != 1 or len(data) < head:
            return None
        magic, version, n = (int(x) for x in data[:3])
        if magic != _MAGIC or version != _FORMAT or n < 0 or len(data) != head + 2 * n:
            return None
        if not np.array_equal(data[3:head], _key_codes(key)):
            return None
        return data[head:head + n].copy(), data[head + n:].copy()
    except Exception:  # a corrupt or foreign file: rebuild it
        return None


def _save_cached(key: str, starts, ends, path=None, made: set | None = None) -> bool:
    """Write the cache file atomically: a crash mid-write never leaves a half-written file.
    A failure to write (read-only folder, full disk …) warns once and returns False.
    *made*: folders already created in this call (saves a system call per file)."""
    import numpy as np

    path = path or _cache_path(key)
    if path is None:
        return False
    try:
        if made is None or path.parent not in made:
            for folder in (path.parent.parent, path.parent):
                folder.mkdir(mode=0o700, exist_ok=True)
            if made is not None:
                made.add(path.parent)
        header = np.concatenate([np.array([_MAGIC, _FORMAT, len(starts)], dtype=np.int32), _key_codes(key)])
        data = np.concatenate([header, np.asarray(starts, dtype=np.int32), np.asarray(ends, dtype=np.int32)])
        _write_atomically(path, lambda handle: np.save(handle, data, allow_pickle=False))
        return True
    except OSError as exc:
        _warn_once("write", f"无法写入分词缓存（{path.parent}：{exc.strerror or exc}）；本次不再写缓存，结果不受影响。"
                            "（cache write failed; going on without it）")
        return False


class _TokenCache:
    """The token cache for one call: its folder is checked once; after a failed write the
    rest of the call goes on without writing."""

    def __init__(self, root):
        self.root = root
        self.writable = True
        self.made: set = set()

    @classmethod
    def open(cls):
        root = _cache_root()
        return cls(root) if root is not None else None

    def path(self, key: str):
        return self.root / "tokens" / key[:2] / f"{key}.npy"

    def load(self, key: str):
        return _load_cached(key, self.path(key))

    def save(self, key: str, starts, ends) -> None:
        if self.writable:
            self.writable = _save_cached(key, starts, ends, self.path(key), self.made)


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


def _joined(texts: list[str]):
    """The texts joined by line breaks (one text: itself), and where each starts in the result."""
    import numpy as np

    return "\n".join(texts), np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])


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


def _token_array(done):
    """The ``token`` column: one Arrow large-string array of every token of *done* (see
    :func:`_segment_docs`). The bytes of the documents that have none yet are found in batches
    of about ``BATCH_CHARS`` characters."""
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
        if total >= BATCH_CHARS:
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


def tokens(docs, *, user_dict: bool = True, workers: int = 1, cache: bool = True) -> pd.DataFrame:
    """Segment documents into a long table, one row per token:
    ``doc_id, position, token, start, end, is_stopword, is_punct``.

    ``start``/``end`` are offsets into the text, so every token can be traced back. ``position``,
    ``start`` and ``end`` are int32, as the offsets of :func:`token_spans` and the cache are (a
    document holds fewer than 2³¹ characters): on the 100 MB benchmark corpus the table takes
    0.76 GB, against 0.96 GB with int64. Results are cached per user (see :func:`token_spans`);
    ``workers`` > 1 segments in parallel."""
    with _without_huge_pages():
        return _token_table(docs, user_dict=user_dict, workers=workers, cache=cache)


def _token_table(docs, *, user_dict: bool, workers: int, cache: bool) -> pd.DataFrame:
    """The table of :func:`tokens`."""
    import numpy as np
    import pyarrow as pa

    done = _segment_docs(docs, user_dict=user_dict, workers=workers, cache=cache, progress=False, token_bytes=True)
    if not done:
        return pd.DataFrame(columns=_TOKEN_COLUMNS)
    counts = np.array([len(starts) for _, _, starts, _, _ in done], dtype=np.int64)
    total = int(counts.sum())
    words = _token_array(done)
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
