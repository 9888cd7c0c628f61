"""Reading speed, as ratios side by side in one process (never absolute seconds against another run).

    python bench/bench_reading.py PDF [PDF ...]   # zhpolicy's layout reader vs plain pypdf text extraction
    python bench/bench_reading.py --base main PDF [PDF ...]   # the same, beside lib/ as it is at a git ref
    python bench/bench_reading.py --nested        # a deeply nested 88 KB web page (issue 26)

Each PDF is read ROUNDS times by each reader in alternation; the median times and their ratio
are printed. The issue's bound: the layout reader within 1.5x of plain pypdf on a 195-page PDF.
With ``--base REF`` each round runs two child processes in turn (the ref's ``lib/`` and the working
tree's), each timing pypdf and the layout reader on the same machine state; the ratios are compared.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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


def _child(path: Path) -> None:
    """Time pypdf and the layout reader once, print both (run with the lib/ to measure on PYTHONPATH)."""
    print(_time(_pypdf, path), _time(_layout, path))


def bench_against(ref: str, paths: list[Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="zhpolicy-bench-reading-") as tmp:
        data = subprocess.run(["git", "archive", ref, "lib"], cwd=ROOT, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(tmp, filter="data")
        libs = {ref: str(Path(tmp) / "lib"), "working tree": str(ROOT / "lib")}
        for path in paths:
            runs: dict[str, list[tuple[float, float]]] = {label: [] for label in libs}
            for _ in range(ROUNDS):
                for label, lib in libs.items():
                    env = dict(os.environ, PYTHONPATH=lib)
                    out = subprocess.run([sys.executable, __file__, "--child", str(path)], env=env,
                                         capture_output=True, text=True, check=True).stdout.split()
                    runs[label].append((float(out[-2]), float(out[-1])))
            shown = [f"{label}: layout/pypdf {statistics.median(b / a for a, b in rows):.2f}" for label, rows in runs.items()]
            print(f"{path.name}: " + ", ".join(shown))


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
    if "--child" in args:
        _child(Path(args[-1]))
        sys.exit(0)
    if "--nested" in args:
        bench_nested()
    names = [a for a in args if not a.startswith("--")]
    if "--base" in args:
        ref = args[args.index("--base") + 1]
        bench_against(ref, [Path(n) for n in names if n != ref])
    else:
        for name in names:
            bench_pdf(Path(name))
