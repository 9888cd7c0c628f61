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
machine; ``--scheduler tcp://host:8786`` sends the same tasks to an existing cluster (started
by ``dask scheduler``/``dask worker``, dask-jobqueue or a Kubernetes operator), whose workers
must have zhpolicy installed and see FOLDER and DIR at the same paths (a shared file system).
``scheduler="serial"`` runs the same tasks one after another in this process, without Dask.

A file that cannot be read, or a document on which a stage fails, is left out and listed in
the ``skipped`` table with the reason; the run goes on. :func:`read_batch` gives back the
tables the lessons use, equal to what the library's functions give on the same folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

#: The tables written per partition (one Parquet dataset each).
TABLES = ("corpus", "documents", "sentences", "token_counts", "statistics", "chains", "coded_units", "skipped")
#: The stages each document goes through, in order (the keys of the run record's timings).
STAGES = ("read_clean", "sentences", "tokens", "statistics", "chains", "themes")
#: Target size of a partition: a few MB keeps every worker busy and a task's memory small.
PARTITION_MB = 4.0
#: At most this many files in one partition.
PARTITION_FILES = 2000

_SKIPPED_COLUMNS = ["file", "reason"]
_COUNT_COLUMNS = ["doc_id", "term", "count"]
_DOCUMENT_COLUMNS = ["doc_id", "n_tokens", "token_chars"]


# ---------------------------------------------------------------- partitions


def partitions(files: list[Path], *, megabytes: float = PARTITION_MB, max_files: int = PARTITION_FILES) -> list[list[Path]]:
    """Cut a sorted list of files into consecutive groups of about *megabytes* MB."""
    groups: list[list[Path]] = []
    current: list[Path] = []
    size = 0
    limit = max(1, int(megabytes * 1_000_000))
    for path in files:
        try:
            length = path.stat().st_size
        except OSError:
            length = 0
        if current and (size + length > limit or len(current) >= max_files):
            groups.append(current)
            current, size = [], 0
        current.append(path)
        size += length
    if current:
        groups.append(current)
    return groups


# ---------------------------------------------------------------- one partition (runs on a worker)


def _load(folder: Path, documents: dict[str, str]) -> tuple[pd.DataFrame, list[dict]]:
    """Read and clean some documents of *folder* (``{relative path: doc_id}``) with
    :func:`zhpolicy.load_corpus`, with the ids the whole folder gives them; a bad file is
    skipped with its reason and fails only itself."""
    from .reading.corpus import load_corpus

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(folder, files=documents, errors="warn")
    except Exception as exc:  # noqa: BLE001 - no document of the partition could be read
        reason = str(exc) or type(exc).__name__
        return pd.DataFrame(), [{"file": rel, "reason": reason} for rel in documents]
    return corpus, [{"file": s["file"], "reason": s["reason"]} for s in corpus.attrs.get("skipped", [])]


def _stages(corpus: pd.DataFrame, timings: dict, cache: bool) -> dict[str, pd.DataFrame]:
    """Run every stage after reading on the documents of *corpus* (the library's functions)."""
    import importlib

    from .extraction.chains import extract_chains
    from .extraction.stats import extract_statistics
    from .reading.structure import sentences
    from .analysis.terms import content_tokens
    from .analysis.themes import code_units, theme_units

    tokenize = importlib.import_module("zhpolicy.analysis.tokenize")
    out: dict[str, pd.DataFrame] = {}

    def timed(stage, func, *args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
        return result

    out["sentences"] = timed("sentences", sentences, corpus)
    toks = timed("tokens", tokenize.tokens, corpus, cache=cache)
    start = time.perf_counter()
    lengths = toks.assign(n=toks["token"].str.len()).groupby("doc_id", sort=False).agg(
        n_tokens=("n", "size"), token_chars=("n", "sum"))
    out["documents"] = lengths.reindex(corpus["doc_id"], fill_value=0).reset_index()[_DOCUMENT_COLUMNS]
    counts = content_tokens(toks).groupby(["doc_id", "token"], sort=True).size()
    out["token_counts"] = counts.rename("count").reset_index().rename(columns={"token": "term"})[_COUNT_COLUMNS]
    timings["tokens"] += time.perf_counter() - start
    del toks
    out["statistics"] = timed("statistics", extract_statistics, corpus)
    out["chains"] = timed("chains", extract_chains, corpus)
    out["coded_units"] = timed("themes", lambda c: code_units(theme_units(c)), corpus)
    return out


def process_partition(folder: str, documents: dict[str, str], out: str, index: int, cache: bool = True) -> dict:
    """Run all stages on one partition (``{relative path: doc_id}`` of *folder*) and write its
    Parquet parts; return a small summary (counts, seconds per stage, characters, and the merged
    term counts of the partition)."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    files = [Path(folder) / rel for rel in documents]
    corpus, skipped = _load(Path(folder), documents)
    timings["read_clean"] = time.perf_counter() - start
    tables: dict[str, pd.DataFrame] = {}
    if len(corpus):
        try:
            tables = _stages(corpus, timings, cache)
        except Exception:  # noqa: BLE001 - find the document(s) a stage fails on
            parts: list[dict] = []
            for i in range(len(corpus)):
                one = corpus.iloc[i:i + 1].reset_index(drop=True)
                try:
                    parts.append(_stages(one, timings, cache))
                except Exception as exc:  # noqa: BLE001
                    skipped.append({"file": one.at[0, "file"], "reason": f"处理失败（{type(exc).__name__}: {exc}）"})
                    corpus = corpus[corpus["file"] != one.at[0, "file"]]
            corpus = corpus.reset_index(drop=True)
            tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in parts[0]} if parts else {}
    tables["corpus"] = corpus
    tables["skipped"] = pd.DataFrame(skipped, columns=_SKIPPED_COLUMNS)
    root = Path(out)
    for name, table in tables.items():
        if len(table):
            table.to_parquet(root / name / f"part-{index:05d}.parquet", index=False)
    counts = tables.get("token_counts", pd.DataFrame(columns=_COUNT_COLUMNS))
    terms = counts.groupby("term", sort=False).agg(count=("count", "sum"), doc_freq=("doc_id", "nunique")) if len(counts) else None
    return {
        "index": index,
        "documents": len(corpus),
        "skipped": len(skipped),
        "chars": int(corpus["text"].str.len().sum()) if len(corpus) else 0,
        "bytes": sum(Path(f).stat().st_size for f in files if Path(f).is_file()),
        "rows": {name: len(table) for name, table in tables.items()},
        "token_chars": int(tables["documents"]["token_chars"].sum()) if "documents" in tables else 0,
        "tokens": int(tables["documents"]["n_tokens"].sum()) if "documents" in tables else 0,
        "seconds": timings,
        "terms": terms,
    }


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


def _prepare_out(folder: Path, out: Path) -> None:
    """Create *out*, refusing a place inside the input folder; remove the tables of an
    earlier run there (only the files this module writes)."""
    from .errors import CorpusError

    out_resolved, folder_resolved = out.resolve(), folder.resolve()
    if out_resolved == folder_resolved or folder_resolved in out_resolved.parents:
        raise CorpusError(f"输出文件夹不能放在输入文件夹里：{out}（the output must not be inside the input folder）")
    if out.exists() and not out.is_dir():
        raise CorpusError(f"输出位置已有一个文件：{out}（the output must be a folder）")
    out.mkdir(parents=True, exist_ok=True)
    for name in (*TABLES, "corpus_frequencies.parquet", "run.json"):
        target = out / name
        if target.is_dir():
            for part in target.glob("part-*.parquet"):
                part.unlink()
        elif target.is_file():
            target.unlink()
    for name in TABLES:
        (out / name).mkdir(exist_ok=True)


def _client(scheduler, workers: int | None):
    """A dask.distributed Client: on *scheduler* (an address or a Client), else on a new
    LocalCluster of *workers* single-threaded processes.
    Returns ``(client, cluster or None, whether this module must close the client)``."""
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None, False  # a Client the caller made (and closes)
    if scheduler:
        return Client(scheduler), None, True
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster, True


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


def run_batch(folder, out, scheduler=None, workers: int | None = None, *, partition_mb: float | None = None,
              cache: bool = True, progress: bool = True) -> dict[str, Path]:
    """Run every per-document stage over *folder* and write the tables to *out*.

    *scheduler*: ``None`` (a LocalCluster of *workers* processes, default one per core), a
    scheduler address such as ``"tcp://host:8786"`` or a ``dask.distributed.Client`` (an existing
    cluster; the same code path), or ``"serial"`` (no Dask: the same tasks in this process).
    *partition_mb*: the size of a partition (default: about six partitions per worker thread,
    at most :data:`PARTITION_MB`). Returns ``{table: path}`` for every table,
    ``corpus_frequencies`` and ``run`` (the record)."""
    from .reading.corpus import corpus_fingerprint, document_ids, scan_folder
    from .errors import CorpusError

    started = time.perf_counter()
    folder, out = Path(folder), Path(out)
    found, not_read = scan_folder(folder)
    if not found:
        raise CorpusError(f"文件夹里没有 .txt 或 .md 等可读取的文档：{folder}（no text files）")
    relative = [rel for _, rel in found]
    ids = dict(zip(relative, document_ids(relative)))  # as load_corpus(folder) gives them
    files = [path for path, _ in found]
    _prepare_out(folder, out)
    not_documents = pd.DataFrame(not_read, columns=_SKIPPED_COLUMNS)
    if len(not_documents):
        not_documents.to_parquet(out / "skipped" / "part-scan.parquet", index=False)
    client = cluster = None
    owned = False
    if scheduler != "serial":
        client, cluster, owned = _client(scheduler, workers)
    try:
        if partition_mb is None:
            # about 6 partitions per worker thread keeps all busy to the end; a few MB at most
            slots = sum(client.nthreads().values()) if client is not None else 1
            total = sum(p.stat().st_size for p in files if p.is_file()) / 1e6
            partition_mb = min(PARTITION_MB, max(0.25, total / (6 * max(slots, 1))))
        groups = partitions(files, megabytes=partition_mb)
        rel_of = {path: rel for path, rel in found}
        jobs = [(str(folder.resolve()), {rel_of[p]: ids[rel_of[p]] for p in group}, str(out.resolve()), i, cache)
                for i, group in enumerate(groups)]
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(files), unit="篇", desc="批处理", file=sys.stderr)
        summaries: list[dict] = []
        if client is None:
            for job in jobs:
                summaries.append(process_partition(*job))
                if bar:
                    bar.update(len(job[1]))
            where = "serial"
        else:
            from dask.distributed import as_completed

            where = (f"LocalCluster({len(client.scheduler_info()['workers'])} workers)" if cluster is not None
                     else str(client.scheduler.address))
            futures = [client.submit(process_partition, *job, key=f"zhpolicy-partition-{job[3]:05d}-{_token()}",
                                     pure=False) for job in jobs]
            for future in as_completed(futures):
                summary = future.result()
                summaries.append(summary)
                if bar:
                    bar.update(len(jobs[summary["index"]][1]))
    finally:
        if owned:
            client.close()
        if cluster is not None:
            cluster.close()
    if bar:
        bar.close()
    summaries.sort(key=lambda s: s["index"])
    token_chars = sum(s["token_chars"] for s in summaries)
    frequencies = _merge_terms(summaries, token_chars)
    frequencies.to_parquet(out / "corpus_frequencies.parquet", index=False)
    try:
        fingerprint = corpus_fingerprint(folder)
    except Exception as exc:  # noqa: BLE001 - the record says why instead
        fingerprint = f"unavailable: {exc}"
    seconds: dict[str, float] = {}
    for s in summaries:
        for stage, value in s["seconds"].items():
            seconds[stage] = seconds.get(stage, 0.0) + value
    megabytes = sum(s["bytes"] for s in summaries) / 1e6
    record = {
        "folder": str(folder),
        "corpus_sha256": fingerprint,
        "versions": _versions(),
        "scheduler": where,
        "partitions": len(groups),
        "files": len(files),
        "megabytes": round(megabytes, 3),
        "counts": {
            "documents": sum(s["documents"] for s in summaries),
            "skipped": sum(s["skipped"] for s in summaries) + len(not_documents),
            **{name: sum(s["rows"].get(name, 0) for s in summaries)
               for name in ("sentences", "token_counts", "statistics", "chains", "coded_units")},
            "tokens": sum(s["tokens"] for s in summaries),
            "terms": len(frequencies),
        },
        "stage_seconds": {stage: round(seconds.get(stage, 0.0), 3) for stage in STAGES},
        "stage_seconds_per_mb": {stage: round(seconds.get(stage, 0.0) / megabytes, 4) if megabytes else None
                                 for stage in STAGES},
        "seconds": round(time.perf_counter() - started, 3),
    }
    (out / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths = {name: out / name for name in TABLES}
    paths["corpus_frequencies"] = out / "corpus_frequencies.parquet"
    paths["run"] = out / "run.json"
    return paths


def _token() -> str:
    return hashlib.sha1(os.urandom(8)).hexdigest()[:8]


# ---------------------------------------------------------------- reading the results back


def _read_table(out: Path, name: str) -> pd.DataFrame:
    parts = sorted((Path(out) / name).glob("part-*.parquet"))
    if not parts:
        return pd.DataFrame()
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)


def _empty(name: str) -> pd.DataFrame:
    """The table a stage gives for no documents (its columns), from the library's own function."""
    from .extraction.chains import extract_chains
    from .extraction.stats import extract_statistics
    from .reading.structure import sentences
    from .analysis.themes import code_units, theme_units

    makers = {"sentences": sentences, "statistics": extract_statistics, "chains": extract_chains,
              "coded_units": lambda docs: code_units(theme_units(docs))}
    try:
        return makers[name]({}) if name in makers else pd.DataFrame()
    except Exception:  # noqa: BLE001 - a stage that cannot take no documents: no columns then
        return pd.DataFrame()


def _lists(table: pd.DataFrame, columns) -> pd.DataFrame:
    for column in columns:
        if column in table.columns:
            table[column] = [list(v) if v is not None else [] for v in table[column]]
    return table


def term_frequencies_from_counts(counts: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per-document term frequencies (``doc_id, term, count, per_10k, doc_freq, tfidf``, as
    :func:`zhpolicy.analysis.terms.term_frequencies` gives them) from token counts and document lengths."""
    import numpy as np

    columns = ["doc_id", "term", "count", "per_10k", "doc_freq", "tfidf"]
    if not len(counts):
        return pd.DataFrame(columns=columns)
    lengths = documents.set_index("doc_id")["token_chars"]
    table = counts[["doc_id", "term", "count"]].copy()
    n_docs = int((documents["n_tokens"] > 0).sum())
    table["per_10k"] = (table["count"] / table["doc_id"].map(lengths) * 10_000).round(2)
    table["doc_freq"] = table.groupby("term")["doc_id"].transform("nunique")
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["tfidf"] = (table["count"] / totals * np.log(n_docs / table["doc_freq"])).round(5)
    table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])
    return table.reset_index(drop=True)[columns]


def read_batch(out) -> dict:
    """Read a batch run's outputs back as the tables the lessons use.

    Returns a dict: ``corpus`` (as :func:`zhpolicy.load_corpus` gives it, skipped files in
    ``attrs["skipped"]``), ``sentences``, ``term_frequencies`` (as :func:`zhpolicy.analysis.terms.term_frequencies`
    on the token table), ``token_counts`` (``doc_id, term, count``), ``corpus_frequencies``,
    ``statistics``, ``chains``, ``coded_units``, ``skipped`` and ``run`` (the run record)."""
    from .reading.corpus import CORPUS_COLUMNS, distinct_labels

    out = Path(out)
    if not (out / "run.json").is_file():
        from .errors import CorpusError

        raise CorpusError(f"这里没有批处理结果：{out}（no run.json; run `zhpolicy batch` first）")
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    tables = {name: _read_table(out, name) for name in TABLES}
    for name, table in tables.items():
        if not len(table.columns):
            tables[name] = _empty(name)
    corpus = tables["corpus"]
    corpus = corpus.reindex(columns=CORPUS_COLUMNS) if len(corpus) else pd.DataFrame(columns=CORPUS_COLUMNS)
    if len(corpus):  # labels are distinct within a partition; make them distinct over the corpus
        corpus["label"] = distinct_labels(list(corpus["label"]), list(corpus["doc_id"]))
        label = dict(zip(corpus["doc_id"], corpus["label"]))
        for table in tables.values():
            if "doc" in table.columns and "doc_id" in table.columns and len(table):
                table["doc"] = table["doc_id"].map(label).fillna(table["doc"])
    skipped = tables["skipped"] if len(tables["skipped"]) else pd.DataFrame(columns=_SKIPPED_COLUMNS)
    corpus.attrs["folder"] = record.get("folder", "")
    corpus.attrs["skipped"] = skipped.to_dict("records")
    counts = tables["token_counts"] if len(tables["token_counts"]) else pd.DataFrame(columns=_COUNT_COLUMNS)
    documents = tables["documents"] if len(tables["documents"]) else pd.DataFrame(columns=_DOCUMENT_COLUMNS)
    chains = _lists(tables["chains"], ("nodes", "roles"))
    if len(chains):
        chains = chains.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    freq_path = out / "corpus_frequencies.parquet"
    return {
        "corpus": corpus,
        "sentences": tables["sentences"],
        "token_counts": counts,
        "documents": documents,
        "term_frequencies": term_frequencies_from_counts(counts, documents),
        "corpus_frequencies": pd.read_parquet(freq_path) if freq_path.is_file() else pd.DataFrame(),
        "statistics": tables["statistics"],
        "chains": chains,
        "coded_units": tables["coded_units"],
        "skipped": skipped,
        "run": record,
    }


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """``zhpolicy batch FOLDER --out DIR [--scheduler ADDRESS] [--workers N]``."""
    from .errors import CorpusError

    parser = argparse.ArgumentParser(
        prog="zhpolicy batch",
        description="对一个文件夹的全部文本运行读取清洗、分句、分词计数、统计数字、逻辑链和主题编码，结果写成 Parquet。"
                    "（run every per-document stage over a folder on Dask）")
    parser.add_argument("folder", help="语料文件夹（.txt/.md）")
    parser.add_argument("--out", required=True, help="输出文件夹（不能在语料文件夹里）")
    parser.add_argument("--scheduler", default=None,
                        help="已有 Dask 集群的调度器地址，如 tcp://host:8786；不给则在本机启动 LocalCluster；serial 表示不用 Dask")
    parser.add_argument("--workers", type=int, default=None, help="本机 LocalCluster 的工作进程数（默认每核一个）")
    parser.add_argument("--partition-mb", type=float, default=None,
                        help=f"每个分区的大小（MB；默认按工作进程数自动选择，最多 {PARTITION_MB}）")
    parser.add_argument("--no-cache", action="store_true", help="不读写分词缓存")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers 至少为 1")
    try:
        paths = run_batch(args.folder, args.out, scheduler=args.scheduler, workers=args.workers,
                          partition_mb=args.partition_mb, cache=not args.no_cache, progress=not args.quiet)
    except CorpusError as exc:
        print(f"zhpolicy batch: {exc}", file=sys.stderr)
        return 2
    record = json.loads(paths["run"].read_text(encoding="utf-8"))
    counts = record["counts"]
    print(f"完成：{counts['documents']} 篇文档（跳过 {counts['skipped']} 篇），{record['megabytes']:.1f} MB，"
          f"{record['seconds']:.1f} 秒，{record['partitions']} 个分区；结果在 {args.out}")
    if counts["skipped"]:
        print(f"被跳过的文件见 {paths['skipped']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
