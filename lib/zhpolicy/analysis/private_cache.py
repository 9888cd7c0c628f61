"""The library's private cache folder as segmentation uses it: found once (a warning, never an
error, when it cannot be used), sub-folders made private (0700), files written atomically."""

from __future__ import annotations

from ..paths import cache_dir


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
