#!/usr/bin/env python3
"""Benchmark: how fast the explorer's views open, on the seeds and on a 300-document folder, in a
real browser (Playwright driving the system's Chromium), side by side in one run.

    .venv/bin/python bench/bench_explorer.py                  # seeds and 300 documents of about 10 KB
    .venv/bin/python bench/bench_explorer.py --base main      # ... and the explorer of a git ref beside it
    .venv/bin/python bench/bench_explorer.py --docs 100 --seeds-only

For each corpus and version: the time from starting ``tasks.py explore`` to its URL (reading the
folder), the first view (page opened -> corpus table shown; ``--pages`` fresh pages, each opened
after the previous one is closed), and each view's time from its tab click to its last progress
note gone, first (computed; the background thread has been computing since the first page opened)
and again in a new page (kept). With ``--base REF`` the explorer of that git ref (its ``lib/`` on
PYTHONPATH) runs the same steps right before the working tree's, corpus by corpus, so both see the
same machine. The server's CPU seconds (process time) are printed beside: the machine may be shared.
Nothing here is a test: it prints numbers and ratios.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

VIEWS = [("词语", "每万字频次"), ("主题", "主题 × 文档热图"), ("统计数字", "一致性检查"), ("逻辑链", "合并概念图"),
         ("政策工具", "一致率")]
VIEW_TIMEOUT_MS = 900_000  # the old instruments view of 300 documents took minutes


def lib_at(ref: str, target: Path) -> Path:
    """Export ``lib/`` as it is at git *ref* into *target*; returns the folder to put on PYTHONPATH."""
    data = subprocess.run(["git", "archive", ref, "lib"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return target / "lib"


def cpu_seconds(pid: int) -> float:
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def open_view(page, tab: str, expect: str) -> None:
    from tests.test_explorer_browser import idle

    page.locator(".bk-tab", has_text=tab).first.click()
    page.get_by_text(expect).first.wait_for(timeout=VIEW_TIMEOUT_MS)
    idle(page, VIEW_TIMEOUT_MS)


def measure(folder: Path, first_text: str, browser, pages: int, env: dict | None) -> dict:
    from tests.test_explorer_server import explorer

    started = time.perf_counter()
    with explorer("--corpus", str(folder), env=env) as (process, url, _lines):
        result = {"start_to_url_s": round(time.perf_counter() - started, 2), "first_view_s": [], "views": {}}
        result["cpu_at_url_s"] = round(cpu_seconds(process.pid), 2)
        for round_ in range(pages):
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            t0 = time.perf_counter()
            page.goto(url)
            page.get_by_text(first_text).first.wait_for(timeout=120_000)
            result["first_view_s"].append(round(time.perf_counter() - t0, 2))
            for tab, expect in VIEWS if round_ < 2 else ():
                t0 = time.perf_counter()
                open_view(page, tab, expect)
                result["views"].setdefault(tab, []).append(round(time.perf_counter() - t0, 2))
            page.close()
        result["cpu_total_s"] = round(cpu_seconds(process.pid), 2)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--base", help="a git ref whose explorer runs beside the working tree's")
    parser.add_argument("--pages", type=int, default=3, help="fresh pages opened per server (default 3)")
    parser.add_argument("--seeds-only", action="store_true", help="leave out the large folder")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    import zhpolicy as zp
    from bench_tokenize import build_corpus
    from tests.browser import launch

    os.environ.setdefault("ZHPOLICY_CACHE_DIR", tempfile.mkdtemp(prefix="zhpolicy-bench-cache-"))
    try:  # the web fonts are built once per machine (about 20 s), not by each start: build them before timing
        from zhpolicy.explorer.files import page_fonts

        page_fonts()
    except ImportError:
        pass
    seeds = ROOT / "seeds"
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="zhpolicy-bench-explorer-") as tmp:
        versions: dict[str, dict | None] = {"new": None}
        if args.base:
            versions = {"old": {"PYTHONPATH": str(lib_at(args.base, Path(tmp) / "base"))}, "new": None}
        corpora = {"seeds": (seeds, zp.load_corpus(seeds)["title"].iloc[1])}
        if not args.seeds_only:
            folder = Path(tmp) / "corpus"
            build_corpus(folder, args.docs * 0.0105, file_kb=10)  # about args.docs files
            corpora[f"{len(list(folder.glob('*.txt')))} documents"] = (folder, zp.load_corpus(folder)["title"].iloc[0])
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                for name, (folder, first_text) in corpora.items():
                    for version, env in versions.items():
                        runs[f"{name} · {version}"] = measure(folder, first_text, browser, args.pages, env)
                        print(f"{name} · {version}:", json.dumps(runs[f'{name} · {version}'], ensure_ascii=False),
                              flush=True)
            finally:
                browser.close()
    print(json.dumps({"load_average": os.getloadavg(), "base": args.base}, ensure_ascii=False))
    print(f"\n{'':<24}{'start':>7}{'first view (min-max)':>22}" + "".join(f"{tab:>10}" for tab, _ in VIEWS) + f"{'CPU s':>8}")
    for key, run in runs.items():
        views = "".join(f"{run['views'][tab][0]:>12.1f}" for tab, _ in VIEWS)
        first = f"{min(run['first_view_s']):.2f}-{max(run['first_view_s']):.2f}"
        print(f"{key:<24}{run['start_to_url_s']:>8.1f}{first:>18}{views}{run['cpu_total_s']:>9.1f}")
    if args.base:
        for name in corpora:
            old, new = runs[f"{name} · old"], runs[f"{name} · new"]
            print(f"{name}: new/old first view {min(new['first_view_s']) / min(old['first_view_s']):.2f}, "
                  + ", ".join(f"{tab} {new['views'][tab][0] / old['views'][tab][0]:.2f}" for tab, _ in VIEWS)
                  + f"; server CPU {new['cpu_total_s'] / old['cpu_total_s']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
