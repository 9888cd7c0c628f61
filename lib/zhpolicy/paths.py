"""Where things live: packaged data files, the per-user cache, the default corpus."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

#: Environment variable naming the corpus folder the notebooks read.
CORPUS_ENV = "ZHPOLICY_CORPUS"
#: Environment variable overriding the per-user cache directory.
CACHE_ENV = "ZHPOLICY_CACHE_DIR"
#: Environment variable naming the folder notebooks export tables and figures to.
OUTPUT_ENV = "ZHPOLICY_OUTPUT"


def data_path(name: str) -> Path:
    """Return the path of a data file shipped inside the package (``zhpolicy/data``)."""
    return Path(str(files("zhpolicy") / "data" / name))


class CacheUnavailable(OSError):
    """The cache directory cannot be used (the library then runs without a cache)."""


def cache_dir() -> Path:
    """Return (and create) the per-user cache directory, private to this user (mode 0700).

    ``$ZHPOLICY_CACHE_DIR`` if set, else the platform's user cache folder
    (``~/.cache/zhpolicy`` on Linux, which follows ``$XDG_CACHE_HOME``). Never ``/tmp`` shared
    by all users, never ``seeds/``. Raises :class:`CacheUnavailable` (an ``OSError``) with a
    message saying why when the folder cannot be created, is not a folder, belongs to another
    user or cannot be written.
    """
    path = Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("zhpolicy")).expanduser()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        raise CacheUnavailable(f"缓存位置不是文件夹：{path}（cache path is not a folder）") from None
    except OSError as exc:
        raise CacheUnavailable(f"无法创建缓存文件夹 {path}：{exc.strerror or exc}（cannot create the cache folder）") from None
    if not path.is_dir():
        raise CacheUnavailable(f"缓存位置不是文件夹：{path}（cache path is not a folder）")
    if hasattr(os, "getuid"):
        info = path.stat()
        if info.st_uid != os.getuid():
            raise CacheUnavailable(f"缓存文件夹属于另一个用户：{path}（cache folder owned by another user）")
        if info.st_mode & 0o077:
            try:
                path.chmod(0o700)
            except OSError as exc:
                raise CacheUnavailable(f"无法把缓存文件夹设为仅本人可用：{path}（{exc.strerror}）") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise CacheUnavailable(f"缓存文件夹不可写：{path}（cache folder is read-only）")
    return path


def project_root() -> Path | None:
    """Return the checkout's root folder (the one holding ``seeds/``), if the package runs from one.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "seeds").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return None


#: Environment variable a runner may set to the folder relative paths are meant from.
LAUNCH_DIR_ENV = "ZHPOLICY_LAUNCH_DIR"


def launch_dir() -> Path:
    """The folder the user's command was started from.

    A notebook kernel runs inside ``notebooks/``, but ``ZHPOLICY_CORPUS=my_texts jupyter nbconvert …``
    means ``my_texts`` next to where the command was typed. That folder is ``$ZHPOLICY_LAUNCH_DIR``
    when a runner sets it, else the shell's ``$PWD`` (which the kernel inherits unchanged), else
    the current working directory."""
    for value in (os.environ.get(LAUNCH_DIR_ENV), os.environ.get("PWD")):
        if value and os.path.isabs(value) and os.path.isdir(value):
            return Path(value)
    return Path.cwd()


def resolve_user_path(value: str | Path) -> Path:
    """An absolute path for a folder the user typed: ``~`` expanded, a relative path taken from
    :func:`launch_dir` (or from the working directory, if only that one has it)."""
    path = Path(value).expanduser()
    if path.is_absolute():
        return path
    launched = launch_dir() / path
    if not launched.exists() and (Path.cwd() / path).exists():
        return Path.cwd() / path
    return launched


def shown_path(path: str | Path) -> str:
    """The absolute form of *path*, for error messages (what was typed, resolved)."""
    return os.path.abspath(os.fspath(path))


def default_corpus_dir() -> Path:
    """Return the corpus folder: ``$ZHPOLICY_CORPUS`` if set (a relative path counts from the
    folder the command was started in, see :func:`launch_dir`), else the project's ``seeds/``."""
    env = os.environ.get(CORPUS_ENV)
    if env:
        return resolve_user_path(env)
    root = project_root()
    return (root / "seeds") if root else Path("seeds").resolve()


def is_within(path: str | Path, folder: str | Path) -> bool:
    """Whether *path* is *folder* or lies inside it (symbolic links resolved on both sides)."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def corpus_folders() -> list[Path]:
    """The folders holding input texts that outputs must never go into: ``$ZHPOLICY_CORPUS``
    (or the default corpus) and the project's ``seeds/``."""
    folders = [default_corpus_dir()]
    root = project_root()
    if root is not None:
        folders.append(root / "seeds")
    return folders


def output_dir() -> Path:
    """Return (and create) the folder for exported tables and figures: ``$ZHPOLICY_OUTPUT``
    (relative paths as for the corpus), else ``output/`` at the project root.

    Raises :class:`zhpolicy.errors.CorpusError` when that folder is a corpus folder or inside one
    (see :func:`corpus_folders`): exports never go in among the texts."""
    env = os.environ.get(OUTPUT_ENV)
    root = project_root()
    path = resolve_user_path(env) if env else ((root / "output") if root else Path("output").resolve())
    for corpus in corpus_folders():
        if is_within(path, corpus):
            from .errors import CorpusError

            raise CorpusError(f"输出文件夹 {shown_path(path)} 在语料文件夹 {shown_path(corpus)} 里面；表格和图不会写进"
                              f"放文本的文件夹。请把 {OUTPUT_ENV} 设成别的文件夹，例如 {shown_path(corpus.parent / 'output')}。"
                              "（refusing to write into the corpus folder）")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from .errors import CorpusError

        raise CorpusError(f"无法创建输出文件夹：{shown_path(path)}（{exc.strerror}）。"
                          "请检查 ZHPOLICY_OUTPUT。（cannot create output folder）") from None
    return path
