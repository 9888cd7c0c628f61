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


def cache_dir() -> Path:
    """Return (and create) the per-user cache directory.

    ``$ZHPOLICY_CACHE_DIR`` if set, else the platform's user cache folder
    (``~/.cache/zhpolicy`` on Linux). Never ``/tmp`` shared by all users, never ``seeds/``.
    """
    path = Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("zhpolicy"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def project_root() -> Path | None:
    """Return the checkout's root folder (the one holding ``seeds/``), if the package runs from one."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "seeds").is_dir() and (parent / "pyproject.toml").is_file():
            return parent
    return None


def default_corpus_dir() -> Path:
    """Return the corpus folder: ``$ZHPOLICY_CORPUS`` if set, else the project's ``seeds/``."""
    env = os.environ.get(CORPUS_ENV)
    if env:
        return Path(env).expanduser()
    root = project_root()
    return (root / "seeds") if root else Path("seeds")


def output_dir() -> Path:
    """Return (and create) the folder for exported tables and figures (``output/`` at the project root)."""
    env = os.environ.get(OUTPUT_ENV)
    root = project_root()
    path = Path(env) if env else ((root / "output") if root else Path("output"))
    path.mkdir(parents=True, exist_ok=True)
    return path
