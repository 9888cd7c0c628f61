"""Run the per-document stages over a whole folder on Dask, and read the results back.

    zhpolicy batch FOLDER --out DIR [--scheduler ADDRESS] [--workers N]
    python -m zhpolicy.batch FOLDER --out DIR ...

The folder's files are cut into partitions (a few MB each, in file-name order); each partition
runs, in one task, the library's own functions: :func:`zhpolicy.load_corpus` (read + clean),
:func:`zhpolicy.sentences`, :func:`zhpolicy.tokens` (kept as token counts, term × document),
:func:`zhpolicy.extract_statistics`, :func:`zhpolicy.extract_chains` and
:func:`zhpolicy.analysis.themes.code_units` (theme coding of :func:`zhpolicy.analysis.themes.theme_units`). Each
task writes its part of every table as Parquet (``DIR/<table>/part-00000.parquet`` …); the
client merges the corpus frequencies and writes a run record (``DIR/run.json``).

By default the tasks run on a :class:`dask.distributed.LocalCluster` of worker processes on this
machine, listening on 127.0.0.1 only, with its scratch space in the cache folder;
``--scheduler tcp://host:8786`` sends the same tasks to an existing cluster (started by
``dask scheduler``/``dask worker``, dask-jobqueue or a Kubernetes operator), whose workers must
have zhpolicy installed and see FOLDER and DIR at the same paths (a shared file system).
``scheduler="serial"`` runs the same tasks one after another in this process, without Dask.

A file that cannot be read, a document on which a stage fails, one longer than
:data:`MAX_DOCUMENT_CHARS`, or one during which a worker dies (memory exhausted) is left out and
listed in the ``skipped`` table with the reason; the run goes on. Ids, labels and catalog
metadata are those :func:`zhpolicy.load_corpus` gives over the whole folder, whatever the
partitions. :func:`read_batch` gives back the tables the lessons use, equal to what the
library's functions give on the same folder.

The output folder is never the input folder, inside it or around it; the runner writes only
files and folders it made and marked (:mod:`zhpolicy.outfolder`), and refuses, with a message,
to touch anything else there. See ``docs/reliability.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from .batch_results import (  # noqa: F401 - read_batch and term_frequencies_from_counts: part of the API
    _COUNT_COLUMNS, _DOCUMENT_COLUMNS, _SKIPPED_COLUMNS, TABLES, read_batch, term_frequencies_from_counts)
from .outfolder import MARKER, TOOL, prepare_out, scratch_dir, write_frequencies  # noqa: F401 - MARKER: part of the API

#: The stages each document goes through, in order (the keys of the run record's timings).
STAGES = ("read_clean", "sentences", "tokens", "statistics", "chains", "themes")
#: Target size of a partition: a few MB keeps every worker busy and a task's memory small.
PARTITION_MB = 4.0
#: At most this many files in one partition.
PARTITION_FILES = 2000
#: A document whose text, as read, is longer than this many characters is skipped (with the
#: reason) rather than processed: about 30 MB of Chinese text, which takes a worker about 1 GB
#: of memory through all stages. ``--max-chars`` changes it.
MAX_DOCUMENT_CHARS = 10_000_000
#: A worker death retried this many times before the task counts as failed (LocalCluster only).
ALLOWED_FAILURES = 1
#: Plain-text files hold at least one character per 4 bytes: a bigger file is over the limit unread.
_PLAIN_SUFFIXES = (".txt", ".md")



# ---------------------------------------------------------------- partitions


def partitions(files: list[Path], *, megabytes: float = PARTITION_MB, max_files: int = PARTITION_FILES,
               units: list[list[int]] | None = None) -> list[list[Path]]:
    """Cut a sorted list of files into groups of about *megabytes* MB, in order.

    *units* (lists of indices into *files*, in order of their first member) are never split;
    by default every file is a unit of its own."""
    units = [[n] for n in range(len(files))] if units is None else units
    groups: list[list[Path]] = []
    current: list[int] = []
    size = 0
    limit = max(1, int(megabytes * 1_000_000))
    for unit in units:
        length = sum(_size(files[n]) for n in unit)
        if current and (size + length > limit or len(current) + len(unit) > max_files):
            groups.append([files[n] for n in sorted(current)])
            current, size = [], 0
        current.extend(unit)
        size += length
    if current:
        groups.append([files[n] for n in sorted(current)])
    return groups


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def catalog_units(relative: list[str], catalog_files: set[str]) -> list[list[int]]:
    """Indices of *relative* grouped so that a partition reads the catalog as the whole folder does.

    :func:`zhpolicy.load_corpus` applies a catalog row naming a bare file name (``报告.txt``) only
    when exactly one document of the folder has that name. Documents sharing a bare name that
    the catalog lists therefore travel in twos (a three at the end): in every partition, as in the
    whole folder, the name is ambiguous and the row is not applied. Every other document is a
    unit of its own. Units come in order of their first member."""
    by_name: dict[str, list[int]] = {}
    for n, rel in enumerate(relative):
        by_name.setdefault(rel.rsplit("/", 1)[-1], []).append(n)
    bundled: dict[int, list[int]] = {}
    for name, members in by_name.items():
        if len(members) > 1 and name in catalog_files:
            chunks = [members[i:i + 2] for i in range(0, len(members), 2)]
            if len(chunks[-1]) == 1:
                chunks[-2:] = [chunks[-2] + chunks[-1]]
            for chunk in chunks:
                for n in chunk:
                    bundled[n] = chunk
    units, placed = [], set()
    for n in range(len(relative)):
        if n in placed:
            continue
        unit = bundled.get(n, [n])
        placed.update(unit)
        units.append(unit)
    return units


# ---------------------------------------------------------------- one partition (runs on a worker)


def _load_all(folder: Path, documents: dict[str, str], errors: str = "warn") -> tuple[pd.DataFrame, list[dict]]:
    """:func:`zhpolicy.load_corpus` on some documents of *folder* (``{relative path: doc_id}``),
    with the ids the whole folder gives them; raises what it raises."""
    from .reading.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder, files=documents, errors=errors)
    return corpus, [{"file": s["file"], "reason": s["reason"]} for s in corpus.attrs.get("skipped", [])]


def _load(folder: Path, documents: dict[str, str], units: list[list[str]]) -> tuple[pd.DataFrame, list[dict]]:
    """Read and clean the documents of a partition. When that fails as a whole (no file readable,
    or an unexpected error in one file), read unit by unit, then file by file, so that a bad file
    fails only itself and is skipped with its own reason."""
    try:
        return _load_all(folder, documents)
    except Exception:  # noqa: BLE001 - find the file(s) it fails on
        pass
    parts, skipped = [], []
    for unit in units:
        if len(unit) > 1:
            try:
                parts.append(_load_all(folder, {rel: documents[rel] for rel in unit}))
                continue
            except Exception:  # noqa: BLE001
                pass
        for rel in unit:
            try:
                parts.append(_load_all(folder, {rel: documents[rel]}, errors="raise"))
            except Exception as exc:  # noqa: BLE001
                skipped.append({"file": rel, "reason": _failure(exc)})
    corpus = pd.concat([p[0] for p in parts], ignore_index=True) if parts else pd.DataFrame()
    corpus.attrs["tables"] = [cell for p in parts for cell in p[0].attrs.get("tables", [])]  # the statistics read them
    return corpus, [s for p in parts for s in p[1]] + skipped


def _failure(exc: BaseException) -> str:
    from .errors import CorpusError

    if isinstance(exc, CorpusError):
        return str(exc)
    return f"处理失败（{type(exc).__name__}: {exc}）"


def _too_long(corpus: pd.DataFrame, max_chars: int) -> tuple[pd.DataFrame, list[dict]]:
    """Leave out the documents whose text as read is longer than *max_chars* characters."""
    if not len(corpus):
        return corpus, []
    lengths = corpus["raw"].str.len()
    over = lengths > max_chars
    skipped = [{"file": rel, "reason": _too_long_reason(n, max_chars)}
               for rel, n in zip(corpus.loc[over, "file"], lengths[over])]
    return corpus[~over].reset_index(drop=True), skipped


def _too_long_reason(chars: int, max_chars: int, unread: bool = False) -> str:
    amount = f"至少 {chars:,} 字" if unread else f"{chars:,} 字"
    return (f"文档太长（{amount}），超过批处理的单篇上限 {max_chars:,} 字，已跳过：这么长的文档会耗尽一个工作进程的内存。"
            "可以把它拆成几个文件，或用 --max-chars 调高上限。（document over the batch size limit）")


def _base_labels(corpus: pd.DataFrame) -> list[str]:
    """Each document's label before labels are made distinct (as :func:`zhpolicy.load_corpus`
    makes it from the catalog's genre or the title); the distinct ones are made over the whole
    folder by :func:`read_batch`."""
    from .reading.corpus import CATALOG_COLUMNS, doc_label

    return [doc_label(doc_id, dict(zip(CATALOG_COLUMNS, values)))
            for doc_id, *values in corpus[["doc_id", *CATALOG_COLUMNS]].itertuples(index=False)]


def _stages(corpus: pd.DataFrame, timings: dict, cache: bool, cpu: dict | None = None) -> dict[str, pd.DataFrame]:
    """Run every stage after reading on the documents of *corpus* (the library's functions); add
    each stage's seconds to *timings* and the CPU seconds of this thread to *cpu*."""
    cpu = {} if cpu is None else cpu
    import importlib

    from .extraction.chains import extract_chains
    from .extraction.stats import extract_statistics
    from .reading.structure import sentences
    from .analysis.themes import code_units, theme_units

    tokenize = importlib.import_module("zhpolicy.analysis.tokenize")
    out: dict[str, pd.DataFrame] = {}

    def timed(stage, func, *args, **kwargs):
        start, tick = time.perf_counter(), time.thread_time()
        result = func(*args, **kwargs)
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
        cpu[stage] = cpu.get(stage, 0.0) + time.thread_time() - tick
        return result

    out["sentences"] = timed("sentences", sentences, corpus)
    # the token table's groups (document lengths, content token counts), counted without the table
    lengths, counts = timed("tokens", tokenize.token_counts, corpus, cache=cache)
    start, tick = time.perf_counter(), time.thread_time()
    lengths = lengths.set_index("doc_id")
    out["documents"] = lengths.reindex(corpus["doc_id"], fill_value=0).reset_index()[_DOCUMENT_COLUMNS]
    out["token_counts"] = counts[_COUNT_COLUMNS]
    timings["tokens"] += time.perf_counter() - start
    cpu["tokens"] += time.thread_time() - tick
    out["statistics"] = timed("statistics", extract_statistics, corpus)
    out["chains"] = timed("chains", extract_chains, corpus)
    out["coded_units"] = timed("themes", lambda c: code_units(theme_units(c)), corpus)
    return out


def process_partition(folder: str, documents: dict[str, str], out: str, index: int, cache: bool = True, *,
                      positions: dict[str, int] | None = None, units: list[list[str]] | None = None,
                      max_chars: int = MAX_DOCUMENT_CHARS) -> dict:
    """Run all stages on one partition (``{relative path: doc_id}`` of *folder*) and write its
    Parquet parts; return a small summary (counts, seconds per stage, characters, and the merged
    term counts of the partition).

    *positions* gives each document's place in the whole folder (kept in the corpus table, so
    that :func:`read_batch` restores the folder's order); *units* are the groups of documents
    read together (see :func:`catalog_units`); *max_chars* is :data:`MAX_DOCUMENT_CHARS`."""
    timings: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds of this thread per stage: barely changed by other programs
    start, tick = time.perf_counter(), time.thread_time()
    files = [Path(folder) / rel for rel in documents]
    skipped: list[dict] = []
    unread = {rel for rel in documents if rel.lower().endswith(_PLAIN_SUFFIXES)
              and _size(Path(folder) / rel) > 4 * max_chars}
    for rel in unread:
        skipped.append({"file": rel, "reason": _too_long_reason(_size(Path(folder) / rel) // 4, max_chars, True)})
    wanted = {rel: doc_id for rel, doc_id in documents.items() if rel not in unread}
    units = [[rel for rel in unit if rel in wanted] for unit in (units or [[rel] for rel in documents])]
    corpus, more = _load(Path(folder), wanted, [u for u in units if u]) if wanted else (pd.DataFrame(), [])
    skipped += more
    corpus, more = _too_long(corpus, max_chars)
    skipped += more
    timings["read_clean"] = time.perf_counter() - start
    cpu["read_clean"] = time.thread_time() - tick
    tables: dict[str, pd.DataFrame] = {}
    if len(corpus):
        corpus["label"] = _base_labels(corpus)
        try:
            tables = _stages(corpus, timings, cache, cpu)
        except Exception:  # noqa: BLE001 - find the document(s) a stage fails on
            parts: list[dict] = []
            for i in range(len(corpus)):
                one = corpus.iloc[i:i + 1].reset_index(drop=True)
                try:
                    parts.append(_stages(one, timings, cache, cpu))
                except Exception as exc:  # noqa: BLE001
                    skipped.append({"file": one.at[0, "file"], "reason": _failure(exc)})
                    corpus = corpus[corpus["file"] != one.at[0, "file"]]
            corpus = corpus.reset_index(drop=True)
            tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in parts[0]} if parts else {}
        if positions is not None:
            corpus["position"] = corpus["file"].map(positions).astype("int64")
    tables["corpus"] = corpus
    tables["skipped"] = _skipped_table(skipped)
    write_parts(out, index, tables)
    counts = tables.get("token_counts", pd.DataFrame(columns=_COUNT_COLUMNS))
    terms = counts.groupby("term", sort=False).agg(count=("count", "sum"), doc_freq=("doc_id", "nunique")) if len(counts) else None
    return {
        "index": index,
        "documents": len(corpus),
        "skipped": len(skipped),
        "chars": int(corpus["text"].str.len().sum()) if len(corpus) else 0,
        "bytes": sum(_size(f) for f in files if f.is_file()),
        "rows": {name: len(table) for name, table in tables.items()},
        "token_chars": int(tables["documents"]["token_chars"].sum()) if "documents" in tables else 0,
        "tokens": int(tables["documents"]["n_tokens"].sum()) if "documents" in tables else 0,
        "seconds": timings,
        "cpu_seconds": cpu,
        "terms": terms,
    }


def _skipped_table(rows: list[dict]) -> pd.DataFrame:
    """The skipped rows as a table; a file name that is not valid Unicode is shown with escapes."""
    table = pd.DataFrame(rows, columns=_SKIPPED_COLUMNS)
    table["file"] = [_printable(f) for f in table["file"]]
    return table


def _printable(name) -> str:
    name = str(name)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write_parts(out, index: int, tables: dict[str, pd.DataFrame]) -> None:
    """Write the non-empty *tables* as ``out/<table>/part-<index>.parquet``."""
    root = Path(out)
    for name, table in tables.items():
        if len(table):
            table.to_parquet(root / name / f"part-{index:05d}.parquet", index=False)


def remove_parts(out, index: int) -> None:
    """Remove what a failed task may have written (``out/<table>/part-<index>.parquet``)."""
    for name in TABLES:
        (Path(out) / name / f"part-{index:05d}.parquet").unlink(missing_ok=True)


# ---------------------------------------------------------------- running the whole folder


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    found = {"zhpolicy": __version__, "python": sys.version.split()[0]}
    for name in ("jieba", "rjieba", "pandas", "pyarrow", "dask", "distributed"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    return found


def _client(scheduler, workers: int | None, *, scratch: Path | None = None, dashboard: bool = False):
    """A dask.distributed Client: on *scheduler* (an address or a Client), else on a new
    LocalCluster of *workers* single-threaded processes that listens on 127.0.0.1 only, keeps
    its scratch files in *scratch* (default :func:`scratch_dir`) and serves a dashboard only when
    *dashboard* is asked for.
    Returns ``(client, cluster or None, whether this module must close the client)``."""
    import logging

    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None, False  # a Client the caller made (and closes)
    if scheduler:
        try:
            return Client(scheduler, timeout=20), None, True
        except (OSError, ValueError, TypeError) as exc:
            _refuse(f"无法连接到 Dask 调度器 {scheduler}（{exc}）。地址的形式是 tcp://主机:8786；"
                    "不加 --scheduler 则在本机运行。（cannot connect to the scheduler）")
    if scratch is None:
        scratch = scratch_dir()
    config = {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES, "temporary-directory": str(scratch)}
    with dask.config.set(config):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:8787" if dashboard else "127.0.0.1:0",
                               scheduler_kwargs={"dashboard": bool(dashboard)},
                               local_directory=str(scratch),
                               preload=[__name__], silence_logs=logging.CRITICAL)
    return Client(cluster), cluster, True


def dask_setup(worker) -> None:
    """Run by Dask in each LocalCluster worker process as it starts (``preload``): Ctrl+C in the
    terminal reaches the whole process group, and the runner, not the workers, handles it (the
    runner then closes the cluster), so a worker ignores it instead of printing a traceback."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _merge_terms(summaries: list[dict], token_chars: int) -> pd.DataFrame:
    """Corpus frequencies from the partitions' term counts (as ``corpus_frequencies`` gives them)."""
    parts = [s["terms"] for s in summaries if s["terms"] is not None]
    if not parts:
        return pd.DataFrame(columns=["term", "count", "per_10k", "doc_freq"])
    merged = pd.concat(parts).groupby(level=0, sort=False).sum()  # documents never span partitions
    table = merged.rename_axis("term").reset_index()
    table["per_10k"] = (table["count"] / token_chars * 10_000).round(2)
    table = table.sort_values(["count", "term"], ascending=[False, True]).reset_index(drop=True)
    return table[["term", "count", "per_10k", "doc_freq"]]


def _worker_died_reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return ("处理这篇文档时 Dask 工作进程退出了（多半是内存耗尽：文档太大或结构太复杂），已跳过；"
                "其余文档照常完成。可以把它拆成几个文件再试。（KilledWorker: the worker died on this document）")
    return _failure(exc)


def _failed_summary(out: Path, index: int, rel: str, reason: str) -> dict:
    table = _skipped_table([{"file": rel, "reason": reason}])
    write_parts(out, index, {"skipped": table})
    return {"index": index, "documents": 0, "skipped": 1, "chars": 0, "bytes": 0, "rows": {"skipped": 1},
            "token_chars": 0, "tokens": 0, "seconds": {}, "cpu_seconds": {}, "terms": None}


def _run_jobs(client, jobs: list[dict], out: Path, bar) -> list[dict]:
    """Run the partition jobs on *client*; a partition whose task fails (a worker killed by a
    document that exhausts its memory, or any other error) is rerun unit by unit, and a unit
    that fails alone goes to ``skipped`` with the reason, so the run always completes."""
    from dask.distributed import as_completed

    def submit(job):
        return client.submit(process_partition, job["folder"], job["documents"], job["out"], job["index"],
                             job["cache"], positions=job["positions"], units=job["units"],
                             max_chars=job["max_chars"], key=f"zhpolicy-partition-{job['index']:05d}-{_token()}",
                             pure=False, retries=0)

    futures = {submit(job): job for job in jobs}
    pending = as_completed(list(futures))
    summaries: list[dict] = []
    next_index = len(jobs)
    for future in pending:
        job = futures.pop(future)
        try:
            summary = future.result()
        except Exception as exc:  # noqa: BLE001 - isolate the document(s) it fails on
            remove_parts(out, job["index"])
            pieces = job["units"] if len(job["units"]) > 1 else [[rel] for rel in job["units"][0]]
            if len(pieces) > 1:
                for piece in pieces:
                    one = {**job, "index": next_index, "units": [piece],
                           "documents": {rel: job["documents"][rel] for rel in piece}}
                    next_index += 1
                    new = submit(one)
                    futures[new] = one
                    pending.add(new)
                continue
            rel = pieces[0][0]
            summary = _failed_summary(out, job["index"], rel, _worker_died_reason(exc))
        summaries.append(summary)
        if bar:
            bar.update(len(job["documents"]))
    return summaries


def _jobs(folder: Path, out: Path, found: list[tuple[Path, str]], ids: dict[str, str], groups: list[list[Path]],
          units: list[list[int]], *, cache: bool, max_chars: int) -> list[dict]:
    """One job per partition: its documents ``{relative path: doc_id}``, their places in the
    folder, the units read together, and where to write."""
    place = {path: n for n, (path, _) in enumerate(found)}
    unit_of = {n: unit for unit in units for n in unit}
    jobs = []
    for i, group in enumerate(groups):
        numbers = [place[p] for p in group]
        group_units = sorted({tuple(unit_of[n]) for n in numbers})
        jobs.append({"folder": str(folder.resolve()), "out": str(out.resolve()), "index": i, "cache": cache,
                     "documents": {found[n][1]: ids[found[n][1]] for n in numbers},
                     "positions": {found[n][1]: n for n in numbers},
                     "units": [[found[n][1] for n in unit] for unit in group_units], "max_chars": max_chars})
    return jobs


def _run_serial(job: dict, bar) -> dict:
    summary = process_partition(job["folder"], job["documents"], job["out"], job["index"], job["cache"],
                                positions=job["positions"], units=job["units"], max_chars=job["max_chars"])
    if bar:
        bar.update(len(job["documents"]))
    return summary


def _fingerprint_thread(folder: Path):
    """Start working out the corpus fingerprint of *folder* (it reads every file again) in a thread
    of this process, which mostly waits while the workers run; returns a function that gives it."""
    import threading

    from .reading.corpus import corpus_fingerprint

    found: dict[str, str] = {}

    def work() -> None:
        try:
            found["value"] = corpus_fingerprint(folder)
        except Exception as exc:  # noqa: BLE001 - the record says why instead
            found["value"] = f"unavailable: {exc}"

    thread = threading.Thread(target=work, name="zhpolicy-fingerprint", daemon=True)
    thread.start()

    def result() -> str:
        thread.join()
        return found["value"]

    return result


def _record(folder: Path, summaries: list[dict], *, where: str, partitions: int, files: int, skipped: int,
            terms: int, max_chars: int, started: float, fingerprint: str) -> dict:
    """The run record (``run.json``): versions, the corpus fingerprint, counts and seconds per stage."""
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for s in summaries:
        for stage, value in s["seconds"].items():
            seconds[stage] = seconds.get(stage, 0.0) + value
        for stage, value in s.get("cpu_seconds", {}).items():
            cpu[stage] = cpu.get(stage, 0.0) + value
    megabytes = sum(s["bytes"] for s in summaries) / 1e6
    record = {
        "tool": TOOL,
        "folder": str(folder),
        "corpus_sha256": fingerprint,
        "versions": _versions(),
        "scheduler": where,
        "partitions": partitions,
        "files": files,
        "megabytes": round(megabytes, 3),
        "max_chars": max_chars,
        "counts": {
            "documents": sum(s["documents"] for s in summaries),
            "skipped": sum(s["skipped"] for s in summaries) + skipped,
            **{name: sum(s["rows"].get(name, 0) for s in summaries)
               for name in ("sentences", "token_counts", "statistics", "chains", "coded_units")},
            "tokens": sum(s["tokens"] for s in summaries),
            "terms": terms,
        },
        "stage_seconds": {stage: round(seconds.get(stage, 0.0), 3) for stage in STAGES},
        "stage_seconds_per_mb": {stage: round(seconds.get(stage, 0.0) / megabytes, 4) if megabytes else None
                                 for stage in STAGES},
        # CPU seconds of the task's thread: what a stage costs even when other programs share the cores
        "stage_cpu_seconds_per_mb": {stage: round(cpu.get(stage, 0.0) / megabytes, 4) if megabytes else None
                                     for stage in STAGES},
        "seconds": round(time.perf_counter() - started, 3),
    }
    return record


def _refuse(message: str):
    from .errors import CorpusError

    raise CorpusError(message)


def _check_sizes(partition_mb, max_chars) -> None:
    if partition_mb is not None and not (isinstance(partition_mb, (int, float)) and math.isfinite(partition_mb)
                                         and partition_mb > 0):
        _refuse(f"分区大小必须是一个大于 0 的数（MB），这里是 {partition_mb}。（--partition-mb must be a positive number）")
    if not (isinstance(max_chars, int) and max_chars > 0):
        _refuse(f"单篇上限必须是一个大于 0 的整数（字数），这里是 {max_chars}。（--max-chars must be a positive integer）")


def _default_partition_mb(client, files: list[Path]) -> float:
    """About 6 partitions per worker thread keeps all busy to the end; a few MB at most."""
    slots = sum(client.nthreads().values()) if client is not None else 1
    total = sum(_size(p) for p in files) / 1e6
    return min(PARTITION_MB, max(0.25, total / (6 * max(slots, 1))))


def run_batch(folder, out, scheduler=None, workers: int | None = None, *, partition_mb: float | None = None,
              cache: bool = True, progress: bool = True, max_chars: int = MAX_DOCUMENT_CHARS,
              dashboard: bool = False) -> dict[str, Path]:
    """Run every per-document stage over *folder* and write the tables to *out*.

    *scheduler*: ``None`` (a LocalCluster of *workers* processes, default one per core), a
    scheduler address such as ``"tcp://host:8786"`` or a ``dask.distributed.Client`` (an existing
    cluster; the same code path), or ``"serial"`` (no Dask: the same tasks in this process).
    *partition_mb*: the size of a partition (default: about six partitions per worker thread,
    at most :data:`PARTITION_MB`). *max_chars*: documents longer than this are skipped
    (:data:`MAX_DOCUMENT_CHARS`). *dashboard*: serve the LocalCluster's dashboard on
    127.0.0.1:8787 (needs bokeh). Returns ``{table: path}`` for every table,
    ``corpus_frequencies`` and ``run`` (the record)."""
    from .reading.corpus import document_ids, read_catalog, scan_folder

    started = time.perf_counter()
    folder, out = Path(folder), Path(out)
    _check_sizes(partition_mb, max_chars)
    found, not_read = scan_folder(folder)
    if not found:
        _refuse(f"文件夹里没有 .txt 或 .md 等可读取的文档：{folder}（no text files）")
    relative = [rel for _, rel in found]
    ids = dict(zip(relative, document_ids(relative)))  # as load_corpus(folder) gives them
    files = [path for path, _ in found]
    units = catalog_units(relative, set(read_catalog(folder)["file"]))
    client = cluster = None
    owned = False
    if isinstance(scheduler, str) and scheduler != "serial":  # an address: fail before touching the output
        client, cluster, owned = _client(scheduler, workers)
    try:
        prepare_out(folder, out, TABLES)
    except BaseException:
        if owned:
            client.close()
        raise
    fingerprint = _fingerprint_thread(folder)
    not_documents = _skipped_table(not_read)
    if len(not_documents):
        not_documents.to_parquet(out / "skipped" / "part-scan.parquet", index=False)
    bar = None
    try:
        if client is None and scheduler != "serial":
            client, cluster, owned = _client(scheduler, workers, scratch=scratch_dir(out), dashboard=dashboard)
            if dashboard and cluster is not None:
                print(f"Dask 仪表盘（只在本机可见）：{client.dashboard_link}", file=sys.stderr)
        groups = partitions(files, megabytes=partition_mb or _default_partition_mb(client, files), units=units)
        jobs = _jobs(folder, out, found, ids, groups, units, cache=cache, max_chars=max_chars)
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(files), unit="篇", desc="批处理", file=sys.stderr)
        if client is None:
            summaries = [_run_serial(job, bar) for job in jobs]
            where = "serial"
        else:
            where = (f"LocalCluster({len(client.scheduler_info()['workers'])} workers)" if cluster is not None
                     else str(client.scheduler.address))
            summaries = _run_jobs(client, jobs, out, bar)
    finally:
        if bar:
            bar.close()
        if owned:
            client.close()
        if cluster is not None:
            cluster.close()
    summaries.sort(key=lambda s: s["index"])
    token_chars = sum(s["token_chars"] for s in summaries)
    frequencies = _merge_terms(summaries, token_chars)
    write_frequencies(frequencies, out / "corpus_frequencies.parquet")
    record = _record(folder, summaries, where=where, partitions=len(groups), files=len(files),
                     skipped=len(not_documents), terms=len(frequencies), max_chars=max_chars, started=started,
                     fingerprint=fingerprint())
    (out / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths = {name: out / name for name in TABLES}
    paths["corpus_frequencies"] = out / "corpus_frequencies.parquet"
    paths["run"] = out / "run.json"
    return paths


def _token() -> str:
    return hashlib.sha1(os.urandom(8)).hexdigest()[:8]


# ---------------------------------------------------------------- command line


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"要一个大于 0 的数，这里是 {text!r}（must be a positive number）")
    return value


def _positive_integer(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"要一个大于 0 的整数，这里是 {text!r}（must be a positive integer）")
    return value


class _Parser(argparse.ArgumentParser):
    """Argument errors in one line (what is wrong, and where to read more), exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message}（用 --help 查看用法）\n")


def main(argv: list[str] | None = None) -> int:
    """``zhpolicy batch FOLDER --out DIR [--scheduler ADDRESS] [--workers N]``."""
    from .errors import CorpusError

    parser = _Parser(
        prog="zhpolicy batch",
        description="对一个文件夹的全部文本运行读取清洗、分句、分词计数、统计数字、逻辑链和主题编码，结果写成 Parquet。"
                    "（run every per-document stage over a folder on Dask）")
    parser.add_argument("folder", help="语料文件夹（.txt/.md/.docx/.pdf/.html）")
    parser.add_argument("--out", required=True, help="输出文件夹（新的或空的文件夹；不能在语料文件夹里，也不能包含它）")
    parser.add_argument("--scheduler", default=None,
                        help="已有 Dask 集群的调度器地址，如 tcp://host:8786；不给则在本机启动 LocalCluster；serial 表示不用 Dask")
    parser.add_argument("--workers", type=_positive_integer, default=None, help="本机 LocalCluster 的工作进程数（默认每核一个）")
    parser.add_argument("--partition-mb", type=_positive_number, default=None,
                        help=f"每个分区的大小（MB；默认按工作进程数自动选择，最多 {PARTITION_MB}）")
    parser.add_argument("--max-chars", type=_positive_integer, default=MAX_DOCUMENT_CHARS,
                        help=f"单篇文档的字数上限，超过的写进 skipped（默认 {MAX_DOCUMENT_CHARS:,}）")
    parser.add_argument("--dashboard", action="store_true",
                        help="打开本机 LocalCluster 的 Dask 仪表盘（只在 127.0.0.1:8787 上，需要 bokeh）")
    parser.add_argument("--no-cache", action="store_true", help="不读写分词缓存")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    args = parser.parse_args(argv)
    try:
        paths = run_batch(args.folder, args.out, scheduler=args.scheduler, workers=args.workers,
                          partition_mb=args.partition_mb, cache=not args.no_cache, progress=not args.quiet,
                          max_chars=args.max_chars, dashboard=args.dashboard)
    except CorpusError as exc:
        print(f"zhpolicy batch: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"zhpolicy batch: 已中断（Ctrl+C）。工作进程已关闭；{args.out} 里的结果不完整（没有 run.json），"
              "请重新运行。（interrupted）", file=sys.stderr)
        return 130
    record = json.loads(paths["run"].read_text(encoding="utf-8"))
    counts = record["counts"]
    print(f"完成：{counts['documents']} 篇文档（跳过 {counts['skipped']} 篇），{record['megabytes']:.1f} MB，"
          f"{record['seconds']:.1f} 秒，{record['partitions']} 个分区；结果在 {args.out}")
    if counts["skipped"]:
        print(f"被跳过的文件见 {paths['skipped']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
