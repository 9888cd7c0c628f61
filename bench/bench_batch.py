#!/usr/bin/env python3
"""Benchmark the batch runner (``zhpolicy batch``): the same folder processed serially (the same
tasks, one after another, no Dask) and on a Dask LocalCluster of N worker processes, measured
side by side in one run on synthetic corpora built from the seed documents.

    .venv/bin/python bench/bench_batch.py --sizes 10          # 10 MB (about a minute)
    .venv/bin/python bench/bench_batch.py --sizes 100         # 100 MB (several minutes)
    .venv/bin/python bench/bench_batch.py --sizes 1000 --cluster-only   # 1 GB, cluster only
    .venv/bin/python bench/bench_batch.py --sizes 20 --base main --rounds 3   # serial, main's library beside this one

Each run is a fresh process with a fresh token cache (cold). Peak memory is each process's
max RSS: the client's, and every Dask worker's. The outputs of both runs are read back with
``read_batch`` and compared table by table. Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_tokenize import build_corpus  # noqa: E402


def child(mode: str, folder: str, out: str, workers: int) -> dict:
    from zhpolicy.batch import run_batch

    start, cpu_start = time.perf_counter(), _cpu()
    worker_peaks: list[float] = []
    if mode == "serial":
        run_batch(folder, out, scheduler="serial", progress=False)
    else:
        from zhpolicy.batch import _client

        # the runner's own LocalCluster (127.0.0.1, scratch in the cache folder, workers ignore Ctrl+C)
        client, cluster, _ = _client(None, workers)
        try:
            client.wait_for_workers(workers)
            start = time.perf_counter()  # the cluster's start-up is reported separately
            run_batch(folder, out, scheduler=client, progress=False)
            seconds = time.perf_counter() - start
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            worker_peaks = [v / 1024 for v in peaks.values()]
            worker_cpu = sum(client.run(_cpu).values())
            task_cpu = sum(client.run(_task_thread_cpu).values())
        finally:
            client.close()
            cluster.close()
        record = json.loads((Path(out) / "run.json").read_text())
        return {"mode": mode, "seconds": seconds, "client_peak_mb": _peak(), "worker_peak_mb": worker_peaks,
                "cpu_seconds": _cpu() - cpu_start + worker_cpu, "client_cpu_seconds": _cpu() - cpu_start,
                "worker_cpu_seconds": worker_cpu, "task_cpu_seconds": task_cpu, "record": record}
    seconds = time.perf_counter() - start
    record = json.loads((Path(out) / "run.json").read_text())
    return {"mode": mode, "seconds": seconds, "client_peak_mb": _peak(), "worker_peak_mb": worker_peaks,
            "cpu_seconds": _cpu() - cpu_start, "record": record}


def _cpu() -> float:
    """CPU seconds (user + system) this process has used: unlike wall time, barely changed by
    other programs sharing the cores."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _task_thread_cpu() -> float:
    """CPU seconds (user + system) of the Dask task threads of this worker process (Linux: read from
    /proc; elsewhere NaN): the rest of a worker's CPU time is its event loop, imports and Dask's
    own threads."""
    import threading

    try:
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for thread in threading.enumerate():
            if "Dask-Default-Threads" in thread.name and thread.native_id:
                fields = Path(f"/proc/self/task/{thread.native_id}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        return total
    except (OSError, ValueError, AttributeError):
        return float("nan")


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(mode: str, folder: Path, out: Path, workers: int, cache: Path, lib: Path | None = None) -> dict:
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(cache))
    if lib is not None:
        env["PYTHONPATH"] = str(lib)  # the library of another git ref (--base)
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), str(out), str(workers)],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_tables(a: Path, b: Path) -> bool:
    from zhpolicy.batch import read_batch

    x, y = read_batch(a), read_batch(b)
    for name in ("corpus", "sentences", "token_counts", "documents", "term_frequencies", "corpus_frequencies",
                 "statistics", "chains", "coded_units", "skipped"):
        if list(x[name].columns) != list(y[name].columns) or not x[name].equals(y[name]):  # every column
            print(f"   table {name} differs")
            return False
    return True


def compare_with_base(base: str, folder: Path, work: Path, rounds: int, mode: str = "serial", workers: int = 1) -> None:
    """Batches of *folder* (*mode* ``serial`` or ``cluster``) by the library at git ref *base* and by
    the working tree's, alternating, each in a fresh process with a cold token cache: CPU seconds per
    MB and stage (the lowest of the rounds) side by side, and whether every table is the same."""
    from bench_extract import lib_at

    shutil.rmtree(work / "base", ignore_errors=True)  # (a library exported by an earlier run)
    libs = {"old": lib_at(base, work / "base"), "new": None}
    runs: dict[str, list[dict]] = {name: [] for name in libs}
    for round_ in range(rounds):
        for name, lib in (libs.items() if round_ % 2 == 0 else reversed(libs.items())):
            out, cache = work / f"out_{name}", work / f"cache_{name}"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            runs[name].append(run(mode, folder, out, workers, cache, lib))
    same = same_tables(work / "out_old", work / "out_new")
    stages = list(runs["new"][0]["record"]["stage_cpu_seconds_per_mb"])
    best = {name: {stage: min(r["record"]["stage_cpu_seconds_per_mb"][stage] for r in rs) for stage in stages}
            for name, rs in runs.items()}
    mb = runs["new"][0]["record"]["megabytes"]
    print(f"{mode} batch, old = {base}, {rounds} rounds alternating; CPU seconds per MB (lowest of the rounds)")
    print(f"{'stage':12s} {'old':>7s} {'new':>7s} {'new/old':>8s}")
    for stage in stages:
        old, new = best["old"][stage], best["new"][stage]
        print(f"{stage:12s} {old:7.3f} {new:7.3f} {new / old if old else float('nan'):8.2f}")
    process = {name: min(r["cpu_seconds"] for r in rs) / mb for name, rs in runs.items()}
    print(f"{'stages':12s} {sum(best['old'].values()):7.3f} {sum(best['new'].values()):7.3f} "
          f"{sum(best['new'].values()) / sum(best['old'].values()):8.2f}")
    print(f"{'process':12s} {process['old']:7.3f} {process['new']:7.3f} {process['new'] / process['old']:8.2f}"
          f"   (the whole run: reading, stages, Parquet, record{'; client and workers' if mode == 'cluster' else ''})")
    seconds = {name: min(r["seconds"] for r in rs) for name, rs in runs.items()}
    print(f"{'wall s':12s} {seconds['old']:7.1f} {seconds['new']:7.1f} {seconds['new'] / seconds['old']:8.2f}"
          f"   (fastest round; depends on what else runs)")
    print(f"every table identical: {same}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10], help="corpus sizes in MB")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cluster-only", action="store_true", help="skip the serial run (for 1 GB)")
    parser.add_argument("--file-kb", type=int, default=10, help="size of each generated file")
    parser.add_argument("--work", default=None, help="where to build the corpora (default: a temporary folder)")
    parser.add_argument("--base", help="a git ref whose library runs batches beside the working tree's "
                                       "(serial; on the cluster with --cluster-only)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of old and new with --base")
    args = parser.parse_args()
    import psutil

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
          f"load average {os.getloadavg()[0]:.1f} at start")
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="zhpolicy-bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            size = int(size) if float(size).is_integer() else size
            folder = work / f"corpus_{size}mb"
            if not folder.exists():
                started = time.perf_counter()
                files = build_corpus(folder, size, file_kb=args.file_kb)
                print(f"\n== {size} MB corpus: {files} files of about {args.file_kb} KB "
                      f"(built in {time.perf_counter() - started:.0f} s) ==")
            else:
                print(f"\n== {size} MB corpus (reused): {len(list(folder.iterdir()))} files ==")
            if args.base:
                compare_with_base(args.base, folder, work / f"base_{size}", args.rounds,
                                  "cluster" if args.cluster_only else "serial", args.workers)
                continue
            results = {}
            if not args.cluster_only:
                results["serial"] = run("serial", folder, work / f"out_{size}_serial", 1, work / f"cache_{size}_s")
            results["cluster"] = run("cluster", folder, work / f"out_{size}_cluster", args.workers, work / f"cache_{size}_c")
            mb = results["cluster"]["record"]["megabytes"]
            print(f"{'run':36s} {'seconds':>8s} {'MB/s':>6s} {'CPU s':>7s} {'client peak MB':>15s} {'worker peak MB':>15s}")
            for key, r in results.items():
                label = "serial batch (no Dask)" if key == "serial" else f"LocalCluster, {args.workers} workers"
                peaks = "/".join(f"{p:.0f}" for p in r["worker_peak_mb"]) or "-"
                print(f"{label:36s} {r['seconds']:8.1f} {mb / r['seconds']:6.2f} {r['cpu_seconds']:7.1f} "
                      f"{r['client_peak_mb']:15.0f} {peaks:>15s}")
            counts = results["cluster"]["record"]["counts"]
            print(f"documents {counts['documents']:,}, sentences {counts['sentences']:,}, tokens {counts['tokens']:,}, "
                  f"statistics {counts['statistics']:,}, chains {counts['chains']:,}, units {counts['coded_units']:,}")
            key = "serial" if "serial" in results else "cluster"
            record = results[key]["record"]
            per_mb, total = record["stage_seconds_per_mb"], sum(record["stage_seconds"].values())
            print(f"seconds per MB and stage ({key} run, one core each): "
                  + ", ".join(f"{stage} {value:.3f}" for stage, value in per_mb.items()))
            cpu_per_mb = record.get("stage_cpu_seconds_per_mb")
            if cpu_per_mb:
                print(f"CPU seconds per MB and stage ({key} run, the task's thread; barely changed by other programs): "
                      + ", ".join(f"{stage} {value:.3f}" for stage, value in cpu_per_mb.items())
                      + f"; sum {sum(cpu_per_mb.values()):.3f}")
            print("share of the stages' time: " + ", ".join(
                f"{stage} {seconds / total:.0%}" for stage, seconds in record["stage_seconds"].items()))
            if "serial" in results:
                speedup = results["serial"]["seconds"] / results["cluster"]["seconds"]
                same = same_tables(work / f"out_{size}_serial", work / f"out_{size}_cluster")
                print(f"LocalCluster ({args.workers} workers) vs serial batch: {speedup:.2f}×   (target ≥ 1.7×; "
                      f"identical tables: {same})")
                extra = results["cluster"]["cpu_seconds"] / results["serial"]["cpu_seconds"]
                print(f"CPU seconds, cluster (client + workers) / serial: {extra:.2f}  (the work Dask adds; on "
                      f"{args.workers} idle cores the speed-up is at most {args.workers}/{extra:.2f} = "
                      f"{args.workers / extra:.2f}×)")
            c = results["cluster"]
            if "task_cpu_seconds" in c:
                print(f"CPU seconds of the cluster run: workers' task threads {c['task_cpu_seconds']:.1f}, the workers' "
                      f"other threads {c['worker_cpu_seconds'] - c['task_cpu_seconds']:.1f} (event loop, imports, Dask), "
                      f"client {c['client_cpu_seconds']:.1f} (scheduler, scan, fingerprint, merge)")
            worst = max(results["cluster"]["worker_peak_mb"])
            print(f"peak memory of a worker: {worst:.0f} MB   (target < 1024 MB)")
            print(f"load average at the end: {os.getloadavg()[0]:.1f} (other processes share these cores)")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
