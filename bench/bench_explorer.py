#!/usr/bin/env python3
"""Benchmark: how fast the explorer's views open, on the seeds and on a 300-document folder, in a
real browser (Playwright driving the system's Chromium), side by side in one run.

    .venv/bin/python bench/bench_explorer.py            # seeds and 300 documents of about 10 KB
    .venv/bin/python bench/bench_explorer.py --docs 100

For each corpus: the time from starting ``tasks.py explore`` to its URL (reading the folder), the
first view (page opened -> corpus table shown; three fresh pages, fastest and slowest), and each
view's time from its tab click to its last progress note gone, first (computed) and again in a new
page (kept). Nothing here is a test: it prints numbers and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

VIEWS = [("词语", "每万字频次"), ("主题", "主题 × 文档热图"), ("统计数字", "一致性检查"), ("逻辑链", "合并概念图"),
         ("政策工具", "一致率")]


def measure(folder: Path, first_text: str, browser) -> dict:
    from tests.test_explorer_browser import open_view
    from tests.test_explorer_server import explorer

    started = time.perf_counter()
    with explorer("--corpus", str(folder)) as (_, url, _lines):
        result = {"start_to_url_s": round(time.perf_counter() - started, 2), "first_view_s": [], "views": {}}
        for round_ in range(3):
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
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    import zhpolicy as zp
    from bench_tokenize import build_corpus
    from tests.browser import launch

    os.environ.setdefault("ZHPOLICY_CACHE_DIR", tempfile.mkdtemp(prefix="zhpolicy-bench-cache-"))
    seeds = ROOT / "seeds"
    with tempfile.TemporaryDirectory(prefix="zhpolicy-bench-explorer-") as tmp:
        folder = Path(tmp) / "corpus"
        build_corpus(folder, args.docs * 0.0105, file_kb=10)  # about args.docs files
        n_files = len(list(folder.glob("*.txt")))
        big_first = zp.load_corpus(folder)["title"].iloc[0]
        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                runs = {"seeds": measure(seeds, zp.load_corpus(seeds)["title"].iloc[1], browser),
                        f"{n_files} documents": measure(folder, big_first, browser)}
            finally:
                browser.close()
    print(json.dumps({"load_average": os.getloadavg(), **runs}, ensure_ascii=False, indent=1))
    small, big = runs.values()
    print("ratios (300 documents / seeds): start", round(big["start_to_url_s"] / small["start_to_url_s"], 2),
          "first view", round(min(big["first_view_s"]) / min(small["first_view_s"]), 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
