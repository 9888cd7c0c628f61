"""Reading speed, as ratios side by side in one process (never absolute seconds against another run).

    python bench/bench_reading.py PDF [PDF ...]   # zhpolicy's layout reader vs plain pypdf text extraction
    python bench/bench_reading.py --nested        # a deeply nested 88 KB web page (issue 26)

Each PDF is read ROUNDS times by each reader in alternation; the median times and their ratio
are printed. The issue's bound: the layout reader within 1.5x of plain pypdf on a 195-page PDF.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROUNDS = 3


def _pypdf(path: Path) -> int:
    import pypdf

    return sum(len(page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages)


def _layout(path: Path) -> int:
    from zhpolicy.reading.pdf import read_pdf_layout

    return len(read_pdf_layout(path)["text"])


def _time(func, arg) -> float:
    start = time.perf_counter()
    func(arg)
    return time.perf_counter() - start


def bench_pdf(path: Path) -> None:
    times: dict[str, list[float]] = {"pypdf": [], "zhpolicy": []}
    for _ in range(ROUNDS):
        times["pypdf"].append(_time(_pypdf, path))
        times["zhpolicy"].append(_time(_layout, path))
    old, new = statistics.median(times["pypdf"]), statistics.median(times["zhpolicy"])
    print(f"{path.name}: pypdf {old:.2f} s, zhpolicy layout reader {new:.2f} s, ratio {new / old:.2f}")


def bench_nested() -> None:
    from zhpolicy.reading.web import read_html_page

    depth = 88_000 // 11
    page = ("<html><body>" + "<div>" * depth + "<p>各单位：请认真落实科技创新政策。</p>" + "</div>" * depth
            + "</body></html>").encode("utf-8")
    start = time.perf_counter()
    read_html_page(page, "nested.html")
    print(f"nested page of {len(page) // 1024} KB ({depth} levels): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--nested" in args:
        bench_nested()
    for name in (a for a in args if not a.startswith("--")):
        bench_pdf(Path(name))
