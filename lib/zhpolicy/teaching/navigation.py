"""The lessons' headers (title, 预计用时) and their previous/next navigation (the 导航 lines at the top and
bottom of each lesson), rewritten from the lesson order by ``python3 tasks.py nav``."""

from __future__ import annotations

import re
from pathlib import Path

from .notebooks import notebook_paths


def _cells(nb):
    """``(cell_type, source)`` of each cell of *nb*: a notebook read with nbformat, or the plain
    JSON of one (where a cell's source may be a list of lines)."""
    for cell in nb["cells"]:
        source = cell["source"]
        yield cell["cell_type"], source if isinstance(source, str) else "".join(source)


def lesson_title(nb) -> str:
    """The first Markdown heading of a notebook."""
    for kind, source in _cells(nb):
        if kind == "markdown":
            m = re.search(r"^#\s+(.+)$", source, re.MULTILINE)
            if m:
                return m.group(1).strip()
    return ""


def lesson_time(nb) -> str:
    """The 预计用时 given in a notebook's header table."""
    for _, source in _cells(nb):
        m = re.search(r"预计用时\s*\|\s*([^|\n]+)", source)
        if m:
            return m.group(1).strip()
    return ""


NAV_PREFIX = "**导航**："
_NAV_LINE = re.compile(r"^\*\*导航\*\*：.*$", re.MULTILINE)
CONTENTS_LINK = "[目录（README）](../README.md)"


def short_title(title: str) -> str:
    """The part of a lesson title before its colon: ``02 词频：分词……`` → ``02 词频``."""
    return re.split(r"[：:]", title, maxsplit=1)[0].strip()


def lesson_order(paths: list[Path] | None = None) -> list[tuple[str, str]]:
    """``(file name, short title)`` of the lessons ``notebooks/NN_*.ipynb``, in file-name order."""
    import nbformat

    paths = paths if paths is not None else notebook_paths()
    lessons = [p for p in sorted(paths, key=lambda p: p.name) if re.match(r"\d\d_", p.name)]
    return [(p.name, short_title(lesson_title(nbformat.read(p, as_version=4)) or p.stem)) for p in lessons]


def nav_lines(name: str, order: list[tuple[str, str]]) -> tuple[str, str]:
    """The top and bottom 导航 lines of lesson *name* in the series *order*."""
    names = [n for n, _ in order]
    i = names.index(name)
    prev = order[i - 1] if i > 0 else None
    nxt = order[i + 1] if i + 1 < len(order) else None
    link = lambda label, item: f"{label} [{item[1]}]({item[0]})"  # noqa: E731
    top = [CONTENTS_LINK] + ([link("上一课", prev)] if prev else []) + [f"本课 {order[i][1]}"]
    top += [link("下一课", nxt)] if nxt else []
    bottom = [CONTENTS_LINK] + ([link("上一课", prev)] if prev else [])
    if nxt:
        bottom.append(link("下一课", nxt))
    elif len(order) > 1:
        bottom.append(link("第一课", order[1] if order[0][0].startswith("00") and len(order) > 2 else order[0]))
    return NAV_PREFIX + " · ".join(top), NAV_PREFIX + " · ".join(bottom)


def with_navigation(nb, name: str, order: list[tuple[str, str]]):
    """Return *nb* with its top and bottom 导航 lines as :func:`nav_lines` writes them (in place).

    The top line is the first 导航 line of the first Markdown cell (added under the title if
    missing); the bottom line is the last 导航 line of the last Markdown cell that has one (added
    before the run record's heading of the last Markdown cell if missing)."""
    top, bottom = nav_lines(name, order)
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    if not markdown:
        return nb
    first = markdown[0]
    if _NAV_LINE.search(first.source):
        first.source = _NAV_LINE.sub(lambda m: top, first.source, count=1)
    else:
        lines = first.source.split("\n")
        at = next((k + 1 for k, line in enumerate(lines) if line.startswith("# ")), 0)
        first.source = "\n".join(lines[:at] + ["", top] + ([""] if at < len(lines) and lines[at].strip() else []) + lines[at:])
    holders = [c for c in markdown[1:] if _NAV_LINE.search(c.source)]
    if holders:
        last = holders[-1]
        matches = list(_NAV_LINE.finditer(last.source))
        m = matches[-1]
        last.source = last.source[:m.start()] + bottom + last.source[m.end():]
    elif len(markdown) > 1:
        last = markdown[-1]
        cut = last.source.find("\n---")
        cut = cut if cut >= 0 else len(last.source)
        last.source = last.source[:cut].rstrip("\n") + "\n\n" + bottom + "\n" + last.source[cut:]
    return nb


def write_navigation(paths: list[Path] | None = None, series: list[Path] | None = None) -> list[Path]:
    """Rewrite the 导航 lines of the notebooks *paths* (default: every lesson) from the lesson
    order of *series* (default ``notebooks/``); returns the notebooks that changed."""
    import nbformat

    series = series if series is not None else notebook_paths()
    order = lesson_order(series)
    changed = []
    for path in paths if paths is not None else series:
        nb = nbformat.read(path, as_version=4)
        before = [c.source for c in nb.cells]
        with_navigation(nb, path.name, order)
        if [c.source for c in nb.cells] != before:
            nbformat.write(nb, path)
            changed.append(path)
    return changed
