"""The per-user token cache: each document's token offsets, keyed by the SHA-256 of its text and
:func:`~.tokenizers.config_hash`, in a checked int32 ``.npy`` file (never unpickled)."""

from __future__ import annotations

import hashlib

from .private_cache import _cache_root, _warn_once, _write_atomically
from .tokenizers import config_hash


def _cache_key(text: str, user_dict: bool) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + "-" + config_hash(user_dict)


#: Cache files are plain int32 ``.npy`` arrays: a header (magic number, format version,
#: token count, the 64-character cache key) followed by the start and end offsets. They are
#: read with ``allow_pickle=False``, checked against the key, and their offsets are checked
#: against the text (ascending, not overlapping, inside it), so a corrupt, foreign or crafted
#: file is simply rebuilt.
_MAGIC, _FORMAT, _KEY_LEN = 0x7A68706F, 1, 64


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
