"""The segmenters and word lists: the library's own jieba tokenizers (with and without the domain
user dictionary), rjieba given the same dictionary, the backend choice, stopwords, and the hash
of everything segmentation depends on.

The library owns its own :class:`jieba.Tokenizer` (never jieba's global one, whose user
dictionary would leak across a notebook kernel), keeps jieba's cache in the per-user cache
directory and silences jieba's start-up log.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jieba
import pandas as pd

from ..numbers import CITATION, NUMBER
from ..paths import data_path
from .private_cache import _cache_root, _private_dir, _write_atomically


_PROTECTED = re.compile(f"{CITATION.pattern}|{NUMBER.pattern}")


#: Where rjieba (jieba-rs) and jieba 0.42.1 disagree: rjieba takes CJK Extension A/B–G,
#: the newest unified ideographs (U+9FD6–U+9FFF) and compatibility ideographs as Chinese
#: characters (jieba treats them as single symbols), and keeps ``7-1``, ``a_b``, ``Z.Y`` whole
#: (jieba splits them). Lines containing any of these are segmented by jieba itself.
_RJIEBA_DIFFERS = re.compile(
    "[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
    r"|[A-Za-z0-9][+#&._%\-]+[A-Za-z0-9]"
)


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
