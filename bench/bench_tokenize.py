#!/usr/bin/env python3
"""Benchmark: segmentation speed, parallel speed-up, cache speed-up and peak memory, measured
side by side in one run on synthetic corpora built from the seed documents.

    .venv/bin/python bench/bench_tokenize.py            # 10 MB and 100 MB corpora (a few minutes)
    .venv/bin/python bench/bench_tokenize.py --sizes 10  # only 10 MB

Each measurement runs in a fresh process, so its peak memory (max RSS, including worker
processes) is its own. The corpora and the cache are written to a temporary folder and
removed afterwards. Nothing here is a test: it prints numbers and ratios.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Rounds of raw cut / token table for the wrapper's cost: with 9, the fastest of each settles.
ROUNDS = 9


# ---------------------------------------------------------------- building the corpora


def build_corpus(folder: Path, megabytes: float, file_kb: int = 10, seed: int = 0) -> int:
    """Write about *megabytes* MB of UTF-8 text in files of about *file_kb* KB, made by
    shuffling the paragraphs of the cleaned seed documents (fixed seed). Returns the file count."""
    import zhpolicy

    paragraphs = [p for text in zhpolicy.load_corpus(ROOT / "seeds")["text"] for p in text.split("\n") if len(p) > 20]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    target, written, index = megabytes * 1_000_000, 0, 0
    while written < target:
        chunk, size = [], 0
        while size < file_kb * 1000:
            p = rng.choice(paragraphs)
            chunk.append(p)
            size += len(p.encode("utf-8")) + 1
        data = ("\n".join(chunk) + "\n").encode("utf-8")
        (folder / f"doc_{index:05d}.txt").write_bytes(data)
        written += len(data)
        index += 1
    return index


def read_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


# ---------------------------------------------------------------- one measurement (in a child process)


def measure(step: str, folder: Path, workers: int, rounds: int = ROUNDS) -> dict:
    texts = read_texts(folder)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    digest = hashlib.sha256()
    start = time.perf_counter()
    if step == "jieba":
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
        start = time.perf_counter()
        count = sum(len(tk.lcut(t)) for t in texts)
    elif step == "rjieba":
        import rjieba

        start = time.perf_counter()
        count = sum(len(rjieba.cut(t)) for t in texts)
    elif step == "wrapper":
        return measure_wrapper(texts, megabytes, rounds)
    else:
        import importlib

        ztk = importlib.import_module("zhpolicy.analysis.tokenize")
        ztk.tokenizer()  # load the dictionaries before the clock starts, as jieba's step does
        if ztk.backend() == "rjieba":
            ztk.rjieba_tokenizer(True)
        start = time.perf_counter()
        spans = ztk.token_spans({str(i): t for i, t in enumerate(texts)}, workers=workers, cache=True)
        count = 0
        for starts, ends in spans.values():
            digest.update(starts.tobytes() + ends.tobytes())
            count += len(starts)
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"step": step, "seconds": seconds, "mb": megabytes, "tokens": count, "peak_mb": peak / 1024,
            "digest": digest.hexdigest()[:16]}


def measure_wrapper(texts: list[str], megabytes: float, rounds: int = ROUNDS) -> dict:
    """The wrapper's cost: the library's token table against the raw backend's ``cut`` on the same
    texts, in one process, alternating for *rounds* rounds; then, apart, the raw backend's
    ``tokenize`` (words with offsets) and the library's offsets alone (``token_spans``).

    The table and ``cut`` alternate with nothing between them: a step that leaves millions of
    objects behind (``tokenize`` makes a tuple per word) changes the heap the next step works in,
    and on a shared machine the speed drifts from minute to minute, so the ratio is given as the
    ratio of the fastest rounds, and as the median and the range of each round's own ratio."""
    import importlib
    import statistics

    ztk = importlib.import_module("zhpolicy.analysis.tokenize")
    name = ztk.backend()
    docs = {str(i): t for i, t in enumerate(texts)}
    if name == "rjieba":
        fast = ztk.rjieba_tokenizer(True)
        raw_cut = lambda: [fast.cut(t, True) for t in texts]  # noqa: E731
        raw_tokenize = lambda: [fast.tokenize(t, "default", True) for t in texts]  # noqa: E731
    else:
        slow = ztk.tokenizer()
        raw_cut = lambda: [slow.lcut(t) for t in texts]  # noqa: E731
        raw_tokenize = lambda: [list(slow.tokenize(t)) for t in texts]  # noqa: E731

    def timed(func) -> float:
        start = time.perf_counter()
        func()  # the result is dropped inside the timing: freeing it is part of the cost
        return time.perf_counter() - start

    ztk.tokens(dict(list(docs.items())[:20]), cache=False)  # stopwords and tables loaded before the clock
    main = {"raw_cut": [], "table": []}
    for _ in range(rounds):
        main["raw_cut"].append(timed(raw_cut))
        main["table"].append(timed(lambda: ztk.tokens(docs, cache=False)))
    extra = {"raw_tokenize": [], "spans": []}
    for _ in range(max(1, rounds // 2)):
        extra["raw_tokenize"].append(timed(raw_tokenize))
        extra["spans"].append(timed(lambda: ztk.token_spans(docs, cache=False)))
    best = {key: min(values) for key, values in {**main, **extra}.items()}
    ratios = [t / r for r, t in zip(main["raw_cut"], main["table"])]
    return {"step": "wrapper", "backend": name, "mb": megabytes, "rounds": rounds, "median_ratio": statistics.median(ratios),
            "low_ratio": min(ratios), "high_ratio": max(ratios), **best}


def run_child(step: str, folder: Path, workers: int, cache: Path, backend: str = "jieba", rounds: int = ROUNDS) -> dict:
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(cache), ZHPOLICY_BACKEND=backend)
    out = subprocess.run([sys.executable, __file__, "--child", step, str(folder), str(workers), str(rounds)],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- rjieba: same segmentation?


def compare_rjieba() -> dict:
    """Segment the seeds with the library's tokenizer and with rjieba given the same user
    dictionary (same words, same frequencies); count the tokens that differ."""
    try:
        import rjieba
    except ImportError:
        return {"available": False}
    import importlib

    import zhpolicy

    tk = importlib.import_module("zhpolicy.analysis.tokenize").tokenizer()
    fast = rjieba.Jieba()
    for term in zhpolicy.user_dictionary()["term"]:
        fast.add_word(term, tk.FREQ.get(term), None)
    same = differ = 0
    examples = []
    for text in zhpolicy.load_corpus(ROOT / "seeds")["text"]:
        for line in text.split("\n"):
            ours = [w for w in tk.lcut(line)]
            theirs = fast.cut(line, True)
            if ours == theirs:
                same += 1
            else:
                differ += 1
                if len(examples) < 3:
                    a, b = set(ours) - set(theirs), set(theirs) - set(ours)
                    examples.append(f"jieba {sorted(a)[:4]} ≠ rjieba {sorted(b)[:4]}")
    return {"available": True, "lines_same": same, "lines_differ": differ, "examples": examples}


def print_wrapper(w: dict) -> None:
    print(f"wrapper cost ({w['backend']}, {w['rounds']} rounds of raw cut / token table alternating, fastest of each): "
          f"raw cut {w['raw_cut']:.2f} s, tokens table {w['table']:.2f} s; apart: raw tokenize {w['raw_tokenize']:.2f} s, "
          f"token_spans {w['spans']:.2f} s")
    print(f"  token table / raw cut:      {w['table'] / w['raw_cut']:.2f}× fastest rounds, "
          f"{w['median_ratio']:.2f}× median of the rounds ({w['low_ratio']:.2f}–{w['high_ratio']:.2f}×)   (target ≤ 1.25×)")
    print(f"  token table / raw tokenize: {w['table'] / w['raw_tokenize']:.2f}×   (words with offsets, as the table has)")
    print(f"  token_spans / raw cut:      {w['spans'] / w['raw_cut']:.2f}×")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 100], help="corpus sizes in MB")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-jieba-backend", action="store_true", help="do not time the library with the jieba backend")
    parser.add_argument("--wrapper-only", action="store_true",
                        help="time only the wrapper's cost (token table vs raw backend), not the other steps")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"rounds of raw cut / token table for the wrapper's cost (default {ROUNDS}: the fastest "
                             "of each settles; on a shared machine single rounds drift by 10–40%%)")
    args = parser.parse_args()
    import platform

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    work = Path(tempfile.mkdtemp(prefix="zhpolicy-bench-"))
    try:
        for size in args.sizes:
            size = int(size) if float(size).is_integer() else size
            folder = work / f"corpus_{size}mb"
            files = build_corpus(folder, size)
            cache = work / f"cache_{size}mb"
            print(f"\n== {size} MB corpus: {files} files ==")
            if args.wrapper_only:
                try:
                    import rjieba  # noqa: F401

                    print_wrapper(run_child("wrapper", folder, 1, work / "unused", backend="rjieba", rounds=args.rounds))
                except ImportError:
                    print_wrapper(run_child("wrapper", folder, 1, work / "unused", backend="jieba", rounds=args.rounds))
                continue
            rows = [run_child("jieba", folder, 1, work / "unused")]
            try:
                import rjieba  # noqa: F401

                rows.append(run_child("rjieba", folder, 1, work / "unused"))
            except ImportError:
                pass
            default = "rjieba" if any(r["step"] == "rjieba" for r in rows) else "jieba"
            rows.append(run_child("serial", folder, 1, cache, backend=default))  # cold: segments, writes the cache
            parallel = run_child("serial", folder, args.workers, work / f"cache_{size}mb_parallel", backend=default)
            rows.append({**parallel, "step": "parallel"})
            cached = run_child("serial", folder, 1, cache, backend=default)  # the same cache again: a rerun
            rows.append({**cached, "step": "cached"})
            if default == "rjieba" and not args.skip_jieba_backend:
                slow = run_child("serial", folder, 1, work / f"cache_{size}mb_jieba", backend="jieba")
                rows.append({**slow, "step": "slow"})
            by = {r["step"]: r for r in rows}
            labels = {"jieba": "plain jieba.lcut, serial", "rjieba": "plain rjieba.cut, serial",
                      "serial": f"zhpolicy serial, cold, default backend ({default})",
                      "parallel": f"zhpolicy parallel, {args.workers} workers, cold",
                      "cached": "zhpolicy rerun, read from the cache", "slow": "zhpolicy serial, cold, jieba backend"}
            print(f"{'step':46s} {'seconds':>8s} {'MB/s':>7s} {'tokens':>11s} {'peak MB':>8s}")
            for r in rows:
                print(f"{labels[r['step']]:46s} {r['seconds']:8.2f} {r['mb'] / r['seconds']:7.2f} {r['tokens']:11,d} {r['peak_mb']:8.0f}")
            print(f"zhpolicy serial cold ({default}) vs bare jieba.lcut: "
                  f"{by['jieba']['seconds'] / by['serial']['seconds']:.1f}× the speed   (target ≥ 10×)")
            print(f"parallel vs serial speed-up:   {by['serial']['seconds'] / by['parallel']['seconds']:.2f}×"
                  f"  (identical output: {by['parallel']['digest'] == by['serial']['digest']})")
            print(f"cached rerun vs cold:          {by['serial']['seconds'] / by['cached']['seconds']:.1f}×"
                  f"  (identical output: {by['cached']['digest'] == by['serial']['digest']})")
            if "slow" in by:
                print(f"rjieba backend vs jieba backend: {by['slow']['seconds'] / by['serial']['seconds']:.1f}×"
                      f"  (identical output: {by['slow']['digest'] == by['serial']['digest']})")
            if "rjieba" in by:
                print(f"rjieba vs plain jieba:         {by['jieba']['seconds'] / by['rjieba']['seconds']:.1f}× the speed")
            print_wrapper(run_child("wrapper", folder, 1, work / "unused", backend=default, rounds=args.rounds))
        report = compare_rjieba() if not args.wrapper_only else {"available": False}
        if report["available"]:
            print(f"\nrjieba with the same user dictionary on the seeds: {report['lines_same']} lines identical, "
                  f"{report['lines_differ']} differ")
            for example in report["examples"]:
                print("   ", example)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
