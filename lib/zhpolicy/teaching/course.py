"""Helpers the lessons call: short tables (``top_rows``, ``first_columns``), the glossary, and lesson 00's
table of lessons and environment check. The authoring tools live beside it: student copies and the HTML
book in :mod:`.book`, the 导航 lines in :mod:`.navigation`, the course's JupyterLab in :mod:`.lab`, their
command line in :mod:`.tools` (``python -m zhpolicy.teaching.course student|html|nav|lab`` still runs it).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from .book import student_copy  # noqa: F401  (callers of course.student_copy)
from .lab import LAB_CSS_MARK, LAB_ENV, LAB_FONT, LAB_SYMBOLS
from .navigation import lesson_time, lesson_title
from .notebooks import notebook_paths
from .tools import main


def lesson_table(functions: bool = False):
    """The lessons after the guide, one row each: ``notebook``, ``title`` and ``expected_time`` (预计用时),
    read from each notebook's header; with *functions*, also ``functions``: the library functions the
    lesson teaches (:func:`lesson_functions`). The notebooks are read as plain JSON: importing nbformat
    alone takes more than a second.

    Taught in lesson 00 (``00_guide.ipynb``)."""
    import pandas as pd

    rows = []
    for path in notebook_paths():
        if not path.name.startswith("00"):
            nb = json.loads(path.read_text(encoding="utf-8"))
            rows.append({"notebook": path.name, "title": lesson_title(nb), "expected_time": lesson_time(nb)})
    table = pd.DataFrame(rows, columns=["notebook", "title", "expected_time"])
    if functions:
        taught = lesson_functions()
        short = taught["function"].str.rsplit(".", n=1).str[-1]
        by_lesson = short.groupby(taught["lesson"]).agg(", ".join)
        table["functions"] = table["notebook"].str.removesuffix(".ipynb").map(by_lesson).fillna("")
    return table


_IMPORT = re.compile(r"^\s*from (zhpolicy[\w.]*) import ([^\n#]+)|^\s*import (zhpolicy[\w.]*)(?: as (\w+))?", re.M)
_CALL = re.compile(r"\b([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\s*\(")


def _called_functions(code: str) -> set:
    """The library functions *code* calls: ``zp.kwic(…)``, ``themes.code_units(…)`` after
    ``from zhpolicy.analysis import themes``, ``top_rows(…)`` after ``from zhpolicy.teaching.course import top_rows``."""
    import importlib
    import inspect

    names = {}
    for m in _IMPORT.finditer(code):
        if m.group(3):
            names[m.group(4) or m.group(3)] = importlib.import_module(m.group(3))
            continue
        module = importlib.import_module(m.group(1))
        for item in m.group(2).replace("(", " ").replace(")", " ").split(","):
            parts = item.split()
            if parts:
                names[parts[-1]] = getattr(module, parts[0], None)
    found = set()
    for m in _CALL.finditer(code):
        obj = names.get(m.group(1))
        for attr in m.group(2).split(".")[1:]:
            obj = getattr(obj, attr, None)
        if inspect.isfunction(obj) and obj.__module__.startswith("zhpolicy.") \
                and not obj.__module__.startswith("zhpolicy.teaching.exercises"):
            found.add(obj)
    return found


def lesson_functions():
    """The library functions the lessons call, one row per function: ``function`` (where it is defined,
    ``zhpolicy.analysis.terms.kwic``), ``lesson`` (the lesson that teaches it: the first after the guide
    that calls it) and ``also`` (the other lessons that call it). Read from the notebooks' code, so it is
    always what the lessons do; each function's docstring names its lesson (tests/test_teaching.py)."""
    import pandas as pd

    calls = {}
    for path in notebook_paths():
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        for function in _called_functions(code):
            calls.setdefault(f"{function.__module__}.{function.__qualname__}", []).append(path.stem)
    rows = []
    for name, stems in sorted(calls.items()):
        stems = sorted(stems)
        first = next((s for s in stems if not s.startswith("00")), stems[0])
        rows.append({"function": name, "lesson": first, "also": "、".join(s for s in stems if s != first)})
    return pd.DataFrame(rows, columns=["function", "lesson", "also"])


def top_rows(table, n: int = 15, what: str = "行"):
    """The first *n* rows of *table*; when there are more, print a sentence saying how many are
    shown, so a lesson on a large corpus stays readable (and says so).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    if len(table) > n:
        print(f"只列出前 {n} {what}（共 {len(table)} {what}）。")
        return table.head(n)
    return table


def first_columns(table, n: int = 8, what: str = "篇"):
    """The first *n* columns of *table*, with a sentence when some are left out.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    if table.shape[1] > n:
        print(f"只列出前 {n} {what}（共 {table.shape[1]} {what}）。")
        return table.iloc[:, :n]
    return table


def glossary():
    """The glossary of analysis terms (中文, English, lesson, one-line explanation) from
    ``zhpolicy/data/glossary.csv``.

    Taught in lesson 00 (``00_guide.ipynb``)."""
    import pandas as pd

    from ..paths import data_path

    return pd.read_csv(data_path("glossary.csv"), dtype=str, keep_default_na=False)


#: ``status`` of the environment check's last row: what only a browser can tell.
BROWSER_ONLY = "browser-only"
#: ``status`` of the JupyterLab rows when the lesson does not run in JupyterLab (nbconvert, a script).
NOT_APPLICABLE = "not-applicable"
#: What the JupyterLab rows say then.
NOT_IN_LAB = "不适用：这一次不是在 JupyterLab 里运行（例如用 nbconvert 或脚本运行），没有网页要显示；在 JupyterLab 里运行本课时才检查这一项"


def in_jupyter() -> bool:
    """Whether this kernel serves a notebook opened in Jupyter (JupyterLab or Notebook set
    ``JPY_SESSION_NAME`` for the kernels they start) or a headless run of the course
    (``tasks.py run`` sets the course's ``JUPYTER_CONFIG_DIR``): then the Lab rows of
    :func:`environment_check` apply. A plain ``jupyter nbconvert --execute`` or a script sets neither."""
    return bool(os.environ.get("JPY_SESSION_NAME") or os.environ.get(LAB_ENV))


def _served_fonts(custom: Path) -> tuple[list[str], list[str]]:
    """The font files ``custom.css`` points at (``url(...)``) and those of them missing or unreadable."""
    from fontTools.ttLib import TTFont, TTLibError

    css = (custom / "custom.css").read_text(encoding="utf-8") if (custom / "custom.css").is_file() else ""
    named = sorted(set(re.findall(r'url\("?([^")]+)"?\)', css)))
    broken = []
    for name in named:
        try:
            TTFont(str(custom / name), lazy=True).close()
        except (OSError, TTLibError, AssertionError):
            broken.append(name)
    return named, broken


def environment_check(corpus=None):
    """What a student will read, checked as far as files can tell: figures (matplotlib's Chinese font),
    JupyterLab (its custom CSS, the font files it points at, which of them draws each character of the
    lessons and of the corpus) and the corpus. One row per item: ``item``, ``status`` (``ok``,
    ``problem``, :data:`NOT_APPLICABLE` for the JupyterLab rows when the lesson is not run in Jupyter
    (see :func:`in_jupyter`), or :data:`BROWSER_ONLY` for the last row, which says what only a browser
    can see) and ``detail``. The Lab rows look at the configuration folder of the server running this
    kernel (``$JUPYTER_CONFIG_DIR``, set by ``python3 tasks.py lab``).

    Taught in lesson 00 (``00_guide.ipynb``)."""
    import pandas as pd

    from .fonts import chinese_font_path, missing_glyphs
    from .webfonts import WEB_FAMILY, coverage, lesson_characters

    lessons = lesson_characters()
    corpus_text = "".join(corpus["text"]) if corpus is not None else ""
    rows = []
    lab_rows = in_jupyter()

    def add(item, ok, detail, status=None, lab_only=False):
        if lab_only and not lab_rows:
            status, detail = NOT_APPLICABLE, NOT_IN_LAB
        rows.append({"item": item, "status": status or ("ok" if ok else "problem"), "detail": detail})

    def listed(chars: str) -> str:
        return chars[:20] + ("…" if len(chars) > 20 else "")

    hanzi = "".join(sorted({ch for ch in lessons + corpus_text if ord(ch) >= 0x3000 and not ch.isspace()} - {"\ufe0f"}))
    missing = [ch for ch in missing_glyphs(chinese_font_path(), hanzi) if ord(ch) < 0x1F000]
    add("图中的中文（matplotlib）", not missing, "字体有课程和语料中的全部汉字" if not missing else f"缺 {len(missing)} 个字：{''.join(missing[:20])}")
    folder = Path(os.environ.get(LAB_ENV, "")) if os.environ.get(LAB_ENV) else None
    custom = folder / "custom" if folder else None
    css = (custom / "custom.css").read_text(encoding="utf-8") if custom and (custom / "custom.css").is_file() else ""
    first = re.search(r'--jp-content-font-family:\s*"([^"]+)"', css)
    css_ok = LAB_CSS_MARK in css and bool(first) and first.group(1) == WEB_FAMILY
    add("JupyterLab 的中文样式（custom.css）", css_ok,
        "已启用，网页字体排在字体列表最前面" if css_ok else "没有找到：请用 python3 tasks.py lab 启动 JupyterLab，否则网页里的中文可能显示成方框",
        lab_only=True)
    try:
        enabled = json.loads((folder / "jupyter_lab_config.json").read_text(encoding="utf-8"))["LabApp"]["custom_css"] if folder else False
    except (OSError, ValueError, KeyError, TypeError):
        enabled = False
    add("JupyterLab 加载样式（LabApp.custom_css）", bool(enabled), "已打开" if enabled else "没有打开：请用 python3 tasks.py lab 启动",
        lab_only=True)
    named, broken = _served_fonts(custom) if custom else ([], [])
    subset = next((custom / name for name in named if name.endswith(".woff2")), None) if custom else None
    files_ok = bool(named) and not broken and subset is not None and LAB_FONT in named and LAB_SYMBOLS in named
    add("网页字体文件（custom.css 指向的文件）", files_ok,
        "都在：快速字体（常用字和课程里的字）、完整字体（生僻字）、符号字体" if files_ok else
        (f"缺少或读不出：{'、'.join(broken)}" if broken else "JupyterLab 没有自带字体可用：请用 python3 tasks.py lab 启动"),
        lab_only=True)
    if files_ok:
        found = coverage(lessons, subset, custom / LAB_FONT, custom / LAB_SYMBOLS)
        gaps = found["missing"] + found["slow"]
        add("快速网页字体覆盖课程文字", not gaps,
            "课程中的中文字符和标点都在快速字体里，打开就能显示" if not gaps
            else f"{len(gaps)} 个字不在快速字体里：{listed(gaps)}", lab_only=True)
        if corpus is not None:
            found = coverage(corpus_text, subset, custom / LAB_FONT, custom / LAB_SYMBOLS)
            detail = "语料中的中文字符和标点都在快速字体里" if not found["slow"] else (
                f"{len(found['slow'])} 个生僻字只在完整字体里（{listed(found['slow'])}），第一次显示时稍慢，但能显示")
            add("网页字体覆盖语料文字", not found["missing"],
                detail if not found["missing"] else f"{len(found['missing'])} 个字没有任何字体能显示，会是方框：{listed(found['missing'])}",
                lab_only=True)
    else:
        add("快速网页字体覆盖课程文字", False, "没有网页字体，无法检查", lab_only=True)
    symbols = "✅❌💡✏"
    sym = custom / LAB_SYMBOLS if custom else None
    sym_ok = sym is not None and sym.is_file() and not missing_glyphs(sym, symbols)
    add("练习用的符号 ✅ ❌ 💡 ✏️", sym_ok, "没有表情字体也能显示" if sym_ok else "可能显示成方框", lab_only=True)
    if corpus is not None:
        add("语料", len(corpus) > 0, f"{len(corpus)} 篇文本" if len(corpus) else "没有读到文本")
    add("浏览器里的实际显示", True, "以上只查了文件；字是否真的画了出来，只有浏览器看得到：请看本页有没有方框",
        status=BROWSER_ONLY)
    return pd.DataFrame(rows, columns=["item", "status", "detail"])


if __name__ == "__main__":
    sys.exit(main())
