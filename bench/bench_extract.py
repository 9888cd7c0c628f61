#!/usr/bin/env python3
"""Benchmark the two rule extractors, ``extract_statistics`` and ``extract_chains``, on one core,
and (with ``--base REF``) the same extractors as they were at a git ref, side by side in one run.

    .venv/bin/python bench/bench_extract.py --sizes 10                # the working tree's extractors
    .venv/bin/python bench/bench_extract.py --sizes 10 --base main    # ... beside main's, alternating
    .venv/bin/python bench/bench_extract.py --sizes 10 --cue-pass     # the chains' cue pass, both engines
    .venv/bin/python bench/bench_extract.py --only instruments --sizes 3 --base main --rounds 3

``--only instruments`` times lesson 06's coding, ``code_clauses(policy_clauses(corpus))`` (not in the
default set: before it was sped up it ran at about 0.02 MB/s).

The corpus is the batch benchmark's (seed paragraphs shuffled into ~10 KB files). Each version runs
in a child process of its own: it reads and cleans the corpus and builds the sentence table first
(not timed: the batch runner shares them between stages), then times each extractor over
``--rounds`` rounds, old and new alternating round by round, so a machine whose speed drifts affects
both alike. It prints MB/s (fastest round and median, wall clock and, because the machine may be
shared, the process's CPU time) and the new/old ratio, and checks that both versions return identical
tables (when they differ, it prints the first rows that do). Nothing here is a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import statistics as stats_mod
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

EXTRACTORS = ("statistics", "chains")
#: Timed only when asked for (``--only``).
OPTIONAL = ("instruments",)


def child(folder: str, extractor: str, dump: str = "") -> dict:
    """One timed round of *extractor* on *folder* (structure built first, untimed); the table is
    written to *dump* as CSV when a path is given."""
    import zhpolicy as zp

    corpus = zp.load_corpus(folder)
    zp.sentences(corpus)
    from zhpolicy.extraction import instruments

    func = {"statistics": zp.extract_statistics, "chains": zp.extract_chains,
            "instruments": lambda c: instruments.code_clauses(instruments.policy_clauses(c))}[extractor]
    start, cpu = time.perf_counter(), time.process_time()
    table = func(corpus)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    text = table.to_csv(index=False)
    if dump:
        Path(dump).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    megabytes = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "rows": len(table), "digest": digest,
            "megabytes": megabytes}


def cue_pass_child(folder: str) -> dict:
    """The chains' cue pass over every sentence of *folder*, timed with each engine (best of 3)."""
    import zhpolicy as zp
    from zhpolicy.extraction.chains.cuepass import CuePass

    texts = zp.sentences(zp.load_corpus(folder))["text"].tolist()
    out = {"megabytes": sum(len(t.encode("utf-8")) for t in texts) / 1e6}
    for engine in ("aho", "regex"):
        cue_pass = CuePass(engine)
        best = min(_timed(cue_pass.masks, texts) for _ in range(3))
        out[engine] = best
    return out


def _timed(func, *args) -> float:
    start = time.process_time()
    func(*args)
    return time.process_time() - start


def lib_at(ref: str, target: Path) -> Path:
    """Export ``lib/`` as it is at git *ref* into *target*; returns the folder to put on PYTHONPATH."""
    data = subprocess.run(["git", "archive", ref, "lib"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target / "lib"


def run_child(folder: Path, extractor: str, lib: Path | None, cache: Path, dump: Path | None = None) -> dict:
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    if lib is not None:
        env["PYTHONPATH"] = str(lib)
    done = subprocess.run([sys.executable, __file__, "--child", str(folder), extractor, str(dump or "")],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{extractor} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_differences(old: Path, new: Path, limit: int = 5) -> list[str]:
    """The first lines in which two CSV tables differ."""
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    out = [f"  old {x[:160]}\n  new {y[:160]}" for x, y in zip(a, b) if x != y][:limit]
    if len(a) != len(b):
        out.append(f"  old has {len(a)} lines, new {len(b)}")
    return out


def summary(runs: list[dict]) -> dict:
    seconds = [r["seconds"] for r in runs]
    cpu = [r["cpu_seconds"] for r in runs]
    mb = runs[0]["megabytes"]
    return {"best_mb_s": mb / min(seconds), "median_mb_s": mb / stats_mod.median(seconds),
            "cpu_mb_s": mb / min(cpu),
            "rows": runs[0]["rows"], "digest": runs[0]["digest"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[10.0], help="corpus sizes in MB")
    parser.add_argument("--base", help="a git ref whose extractors run beside the working tree's")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=EXTRACTORS + OPTIONAL, help="time one extractor only")
    parser.add_argument("--cue-pass", action="store_true",
                        help="time only the chains' cue pass, Aho-Corasick beside one regex alternation")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--cue-pass-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    if args.cue_pass_child:
        print(json.dumps(cue_pass_child(args.cue_pass_child)))
        return 0

    from bench_tokenize import build_corpus

    extractors = (args.only,) if args.only else EXTRACTORS
    with tempfile.TemporaryDirectory(prefix="zhpolicy-bench-extract-") as tmp:
        tmp = Path(tmp)
        versions: dict[str, Path | None] = {"new": None}
        if args.base:
            versions = {"old": lib_at(args.base, tmp / "base"), "new": None}
        for size in args.sizes:
            folder = tmp / f"corpus_{size:g}mb"
            files = build_corpus(folder, size)
            if args.cue_pass:
                print(f"\n{size:g} MB, {files} files: the chains' cue pass (CPU time, best of 3)")
                done = subprocess.run([sys.executable, __file__, "--cue-pass-child", str(folder)], capture_output=True,
                                      text=True, env=dict(os.environ, ZHPOLICY_CACHE_DIR=str(tmp / "cache_new")))
                if done.returncode:
                    raise SystemExit(done.stderr[-3000:])
                r = json.loads(done.stdout.strip().splitlines()[-1])
                print(f"  Aho-Corasick {r['megabytes'] / r['aho']:7.1f} MB/s   regex alternation "
                      f"{r['megabytes'] / r['regex']:7.1f} MB/s   ({r['regex'] / r['aho']:.1f}x)")
                continue
            print(f"\n{size:g} MB, {files} files, {args.rounds} rounds" + (f", old = {args.base}" if args.base else ""))
            for extractor in extractors:
                runs: dict[str, list[dict]] = {name: [] for name in versions}
                dumps = {name: tmp / f"{extractor}_{name}.csv" for name in versions}
                for round_ in range(args.rounds):
                    for name, lib in versions.items():
                        dump = dumps[name] if round_ == 0 else None
                        runs[name].append(run_child(folder, extractor, lib, tmp / f"cache_{name}", dump))
                result = {name: summary(r) for name, r in runs.items()}
                for name, s in result.items():
                    print(f"  {extractor:<10} {name}: {s['best_mb_s']:6.2f} MB/s (median {s['median_mb_s']:6.2f}; "
                          f"CPU time {s['cpu_mb_s']:6.2f}), {s['rows']} rows")
                if "old" in result:
                    old, new = result["old"], result["new"]
                    same = old["digest"] == new["digest"]
                    print(f"  {'':<10} new/old speed: {new['best_mb_s'] / old['best_mb_s']:.2f}x (fastest rounds), "
                          f"{new['median_mb_s'] / old['median_mb_s']:.2f}x (medians), "
                          f"{new['cpu_mb_s'] / old['cpu_mb_s']:.2f}x (CPU time); "
                          f"tables {'identical' if same else 'DIFFERENT'}")
                    if not same:
                        print("\n".join(first_differences(dumps["old"], dumps["new"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
