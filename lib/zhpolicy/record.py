"""A run record: what a rerun needs to match to reproduce a notebook's results."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .reading.corpus import add_catalog_bytes
from .paths import project_root

#: Chinese names of the run record's rows.
RECORD_LABELS = {
    "zhpolicy": "zhpolicy 版本",
    "corpus_folder": "语料文件夹",
    "corpus_sha256": "已读取文档的哈希（SHA-256 前 16 位）",
    "documents": "已读取的文档",
    "not_loaded": "未读取的文件",
    "python_packages": "其他依赖",
}
#: How many names of files not loaded the record lists.
MAX_LISTED = 5


def loaded_fingerprint(corpus: pd.DataFrame) -> str:
    """A short SHA-256 of the documents that were loaded: their relative paths and raw texts
    (and the catalog's bytes). Never raises: only what is in memory is hashed, plus the catalog
    when it can be read."""
    digest = hashlib.sha256()
    for file, raw in zip(corpus["file"], corpus["raw"]):
        digest.update(str(file).encode("utf-8") + b"\0" + str(raw).encode("utf-8") + b"\0")
    add_catalog_bytes(digest, corpus.attrs.get("folder", "."))
    return digest.hexdigest()[:16]


def run_record_values(corpus: pd.DataFrame) -> pd.Series:
    """The run record as a Series with English keys: library version, corpus folder (relative to
    the project when inside it), a hash of what was loaded, how many documents, the files not
    loaded, and the versions/hashes of jieba, the stopwords and dictionaries."""
    from . import __version__
    from .analysis.tokenize import resource_versions

    folder = Path(corpus.attrs.get("folder", "."))
    root = project_root()
    try:
        shown = folder.resolve().relative_to(root).as_posix() if root else str(folder)
    except (ValueError, OSError):
        shown = str(folder)
    # the catalog is used (and fingerprinted): not listed among the files not loaded
    skipped = [s for s in corpus.attrs.get("skipped", []) or [] if s.get("file") != "catalog.csv"]
    names = "、".join(str(s.get("file", "")) for s in skipped[:MAX_LISTED])
    not_loaded = "无" if not skipped else (
        f"{len(skipped)} 个：{names}" + (f" 等（只列出前 {MAX_LISTED} 个；全部见 corpus.attrs['skipped']）"
                                          if len(skipped) > MAX_LISTED else ""))
    record = {
        "zhpolicy": __version__,
        "corpus_folder": shown,
        "corpus_sha256": loaded_fingerprint(corpus),
        "documents": str(len(corpus)),
        "not_loaded": not_loaded,
    }
    try:
        record.update({k: str(v) for k, v in resource_versions().items()})
    except Exception as exc:  # noqa: BLE001 - a record must never stop a lesson
        record["python_packages"] = f"无法读取（{type(exc).__name__}）"
    return pd.Series(record, name="run record")


def run_record(corpus: pd.DataFrame) -> pd.DataFrame:
    """The run record as a two-column table for display: ``项目`` (each item in Chinese, then its
    key in :func:`run_record_values`) and ``内容`` (Chinese headers).

    Never raises on a corpus folder with unreadable files or dangling links: what was loaded is
    fingerprinted, the rest is listed. :func:`run_record_values` gives the same as a Series.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    values = run_record_values(corpus)
    table = pd.DataFrame({"内容": [str(v) for v in values.values]},
                         index=[f"{RECORD_LABELS[k]} {k}" if k in RECORD_LABELS else k for k in values.index])
    table.columns.name = "项目"  # shown in the header's corner: one header row, two columns
    return table
