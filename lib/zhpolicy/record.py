"""A run record: what a rerun needs to match to reproduce a notebook's results."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import corpus_fingerprint
from .paths import project_root
from .tokenize import resource_versions


def run_record(corpus: pd.DataFrame) -> pd.Series:
    """Return the library version, the corpus folder (relative to the project when inside it),
    a hash of the corpus files, and the versions/hashes of jieba, the stopwords and dictionaries."""
    from . import __version__

    folder = Path(corpus.attrs.get("folder", "."))
    root = project_root()
    try:
        shown = folder.resolve().relative_to(root).as_posix() if root else str(folder)
    except ValueError:
        shown = str(folder)
    record = {
        "zhpolicy": __version__,
        "corpus_folder": shown,
        "corpus_sha256": corpus_fingerprint(folder),
        "documents": len(corpus),
        **resource_versions(),
    }
    return pd.Series(record, name="run record")
