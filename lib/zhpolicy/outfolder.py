"""The batch runner's output folder: which folders and files it made, and may therefore replace.

``zhpolicy batch … --out DIR`` never writes into the input folder or around it, and in DIR touches
only what it made: the folder and each table folder carry a marker file (:data:`MARKER`), the run
record says ``"tool": "zhpolicy batch"``, the corpus frequencies carry a mark in their Parquet
metadata. Anything else there (the user's own files, a table folder replaced by a link) makes it
refuse with a message, before it writes or deletes anything. See ``docs/reliability.md``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

#: The file that marks the output folder, and each table folder in it, as made by the runner.
MARKER = ".zhpolicy-batch"
#: What the runner writes into its marker files, its run record ("tool") and its Parquet metadata.
TOOL = "zhpolicy batch"
_MARK_TEXT = (f"{TOOL}\n本文件夹由 zhpolicy batch 建立：重新运行时它只替换自己写的结果文件，不动别的文件。\n"
              "(made by zhpolicy batch: a rerun replaces only the result files it wrote here)\n")


def _refuse(message: str):
    from .errors import CorpusError

    raise CorpusError(message)


def _is_marked(path: Path) -> bool:
    """Whether *path* (a folder, not a link) holds this runner's marker file."""
    marker = path / MARKER
    try:
        return (not path.is_symlink() and path.is_dir() and not marker.is_symlink() and marker.is_file()
                and marker.read_text(encoding="utf-8", errors="replace").startswith(TOOL))
    except OSError:
        return False


def _mark(path: Path) -> None:
    path.mkdir(exist_ok=True)
    (path / MARKER).write_text(_MARK_TEXT, encoding="utf-8")


def _is_our_record(path: Path) -> bool:
    try:
        return (not path.is_symlink() and path.is_file()
                and json.loads(path.read_text(encoding="utf-8")).get("tool") == TOOL)
    except (OSError, ValueError, AttributeError):
        return False


def _is_our_frequencies(path: Path) -> bool:
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except Exception:  # noqa: BLE001 - not a Parquet file: not ours
        return False
    return not path.is_symlink() and meta.get(b"zhpolicy") == TOOL.encode()


def prepare_out(folder: Path, out: Path, tables: tuple[str, ...]) -> None:
    """Make *out* ready for a run, or refuse (:class:`CorpusError`) without touching anything.

    *out* may not be the input folder, inside it or hold it. A new folder is created and marked;
    an existing one is used when it is marked (an earlier run) or holds none of the names the
    runner writes. In it, only table folders the runner made (marked, not symbolic links) have
    their ``part-*.parquet`` files removed, and only the runner's own ``run.json`` and
    ``corpus_frequencies.parquet`` are replaced; anything else there is left alone."""
    from .paths import is_within, shown_path

    if is_within(out, folder):
        _refuse(f"输出文件夹不能是语料文件夹或在它里面：{shown_path(out)}（语料文件夹 {shown_path(folder)}）。"
                "请换一个在语料文件夹之外的位置。（the output must not be inside the input folder）")
    if is_within(folder, out):
        _refuse(f"输出文件夹 {shown_path(out)} 包含语料文件夹 {shown_path(folder)}：结果会和文本混在一起。"
                "请换一个不包含语料的文件夹，例如一个新的空文件夹。（the output must not contain the input folder）")
    if out.is_symlink() and not out.exists():
        _refuse(f"输出位置是一个指向不存在位置的链接：{shown_path(out)}。请换一个文件夹。（dangling link）")
    if out.exists() and not out.is_dir():
        _refuse(f"输出位置已有一个文件：{shown_path(out)}。请给一个文件夹。（the output must be a folder）")
    names = [*tables, "corpus_frequencies.parquet", "run.json"]
    if out.is_dir() and not _is_marked(out):
        present = [n for n in (*names, MARKER) if (out / n).exists() or (out / n).is_symlink()]
        if present:
            _refuse(f"输出文件夹 {shown_path(out)} 不是 zhpolicy batch 建立的，里面已有 {'、'.join(present)}；"
                    "为免覆盖你的文件，什么也没有写。请换一个新的（或空的）文件夹。（refusing to overwrite files it did not write）")
    if _is_marked(out):
        for name in tables:
            table = out / name
            if (table.exists() or table.is_symlink()) and not _is_marked(table):
                _refuse(f"输出文件夹里的 {shown_path(table)} 不是 zhpolicy batch 建立的表格文件夹（或是一个链接）；"
                        "为免删改你的文件，什么也没有写。请移走它，或换一个新的文件夹。（not a table folder it made）")
        for name, ours in (("run.json", _is_our_record), ("corpus_frequencies.parquet", _is_our_frequencies)):
            path = out / name
            if (path.exists() or path.is_symlink()) and not ours(path):
                _refuse(f"输出文件夹里的 {shown_path(path)} 不是 zhpolicy batch 写的；为免覆盖，什么也没有写。"
                        "请移走它，或换一个新的文件夹。（refusing to overwrite a file it did not write）")
    out.mkdir(parents=True, exist_ok=True)
    _mark(out)
    for name in ("run.json", "corpus_frequencies.parquet"):
        (out / name).unlink(missing_ok=True)
    for name in tables:
        table = out / name
        if table.is_dir():
            for part in table.glob("part-*.parquet"):
                part.unlink()
        _mark(table)


def scratch_dir(out: Path | None = None) -> Path:
    """Where a LocalCluster's workers spill and keep their scratch files: the private cache
    folder (``<cache>/dask-scratch``), else ``<out>/.dask-scratch``; never the system temp folder."""
    from .paths import CacheUnavailable, cache_dir

    try:
        path = cache_dir() / "dask-scratch"
    except CacheUnavailable:
        if out is None:
            raise
        path = out / ".dask-scratch"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def write_frequencies(table: pd.DataFrame, path: Path) -> None:
    """Write the corpus frequencies with a mark in the Parquet metadata (so a rerun knows it is ours)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(table, preserve_index=False)
    pq.write_table(arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), b"zhpolicy": TOOL.encode()}),
                   path)
