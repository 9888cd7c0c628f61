"""The course around the lessons. For teachers: student copies of the lessons, a static HTML
book, the course's JupyterLab, and the previous/next navigation of the lessons. For the lessons
themselves: short tables (``top_rows``, ``first_columns``), the glossary, and lesson 00's table
of lessons and environment check.

    python -m zhpolicy.teaching.course lab [JUPYTER-LAB-OPTIONS]     # the course JupyterLab (zhpolicy.teaching.lab)
    python -m zhpolicy.teaching.course student [--out build/student] # solutions emptied, outputs cleared
    python -m zhpolicy.teaching.course html [--student] [--out DIR]  # the executed series as HTML pages
    python -m zhpolicy.teaching.course nav [NOTEBOOK ...]            # rewrite the 导航 lines from the lesson order

``student`` and ``html`` read the notebooks in ``notebooks/`` and never change them; ``nav``
rewrites only the navigation lines of the notebooks it is given.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sys
from pathlib import Path

from .lab import LAB_CSS_MARK, LAB_ENV, LAB_FONT, LAB_SYMBOLS
from .lab import main as lab_main
from .notebooks import notebook_paths
from .webfonts import WEB_FAMILY, build_symbol_font, copy_if_changed, font_face_css, subset_font, web_font_source
from ..paths import project_root

SOLUTION_TAG = "solution"
PLACEHOLDER = "# ✏️ 这里原来是参考答案，学生版已移除。\n# 先自己完成上面的练习；需要时可以运行 ex.q1.hint() 看提示（q1 换成相应的题号）。"


def _root() -> Path:
    return project_root() or Path.cwd()


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


def lesson_table():
    """The lessons after the guide, one row each: ``notebook``, ``title`` and ``expected_time`` (预计用时),
    read from each notebook's header. The notebooks are read as plain JSON: importing nbformat
    alone takes more than a second."""
    import pandas as pd

    rows = []
    for path in notebook_paths():
        if not path.name.startswith("00"):
            nb = json.loads(path.read_text(encoding="utf-8"))
            rows.append({"notebook": path.name, "title": lesson_title(nb), "expected_time": lesson_time(nb)})
    return pd.DataFrame(rows, columns=["notebook", "title", "expected_time"])


def top_rows(table, n: int = 15, what: str = "行"):
    """The first *n* rows of *table*; when there are more, print a sentence saying how many are
    shown, so a lesson on a large corpus stays readable (and says so)."""
    if len(table) > n:
        print(f"只列出前 {n} {what}（共 {len(table)} {what}）。")
        return table.head(n)
    return table


def first_columns(table, n: int = 8, what: str = "篇"):
    """The first *n* columns of *table*, with a sentence when some are left out."""
    if table.shape[1] > n:
        print(f"只列出前 {n} {what}（共 {table.shape[1]} {what}）。")
        return table.iloc[:, :n]
    return table


def glossary():
    """The glossary of analysis terms (中文, English, lesson, one-line explanation) from
    ``zhpolicy/data/glossary.csv``."""
    import pandas as pd

    from ..paths import data_path

    return pd.read_csv(data_path("glossary.csv"), dtype=str, keep_default_na=False)


def student_copy(nb):
    """Return a copy of *nb* with every cell tagged ``solution`` emptied (a placeholder note
    instead) and all outputs and execution counts cleared, using nbconvert's preprocessors."""
    import copy

    from nbconvert.preprocessors import ClearMetadataPreprocessor, ClearOutputPreprocessor, Preprocessor

    class EmptySolutions(Preprocessor):
        def preprocess_cell(self, cell, resources, index):
            if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
                cell.source = PLACEHOLDER
            return cell, resources

    nb = copy.deepcopy(nb)
    resources: dict = {}
    for pre in (EmptySolutions(), ClearOutputPreprocessor(), ClearMetadataPreprocessor(preserve_cell_metadata_mask={"tags"})):
        nb, resources = pre.preprocess(nb, resources)
    return nb


def build_student_copies(src: Path | None = None, out: Path | None = None) -> list[Path]:
    """Write student copies of every lesson into *out* (default ``build/student``)."""
    import nbformat

    out = out or _root() / "build" / "student"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebook_paths([str(src)] if src else None):
        target = out / path.name
        nbformat.write(student_copy(nbformat.read(path, as_version=4)), target)
        written.append(target)
    return written


#: The book's fonts (in ``fonts/`` beside the pages): the whole font, the symbol font and the licence;
#: the fast subset is named by its inputs (:func:`.webfonts.subset_font`).
BOOK_FONT = "NotoSansSC-Regular.ttf"
BOOK_SYMBOLS = "zhpolicy-symbols.ttf"
_STACK = f'"{WEB_FAMILY}", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif'
_CODE_STACK = f'"{WEB_FAMILY}", ui-monospace, "DejaVu Sans Mono", monospace'
_BOOK_RULES = """
:root { --jp-content-font-family: STACK; --jp-ui-font-family: STACK; --jp-code-font-family: CODE; }
body, .jp-RenderedHTMLCommon, .jp-RenderedText, table, th, td { font-family: STACK !important; }
pre, code, kbd, samp, .jp-RenderedHTMLCommon code, .jp-InputArea-editor, .highlight, .highlight pre {
  font-family: CODE !important; }
.zp-nav { font-family: STACK; display: flex; justify-content: space-between; gap: 1em;
          padding: 0.8em 1.2em; margin: 0 0 1em 0; background: #f5f0e1; border-bottom: 1px solid #ddd; }
.zp-nav a { color: #2a5599; text-decoration: none; }
.zp-sym { display: inline-block; min-width: 1.35em; padding: 0 0.25em; margin-right: 0.15em; border-radius: 0.7em;
          font: bold 0.85em/1.35em STACK; text-align: center; color: #fff; }
.zp-ok { background: #2e7d32; } .zp-bad { background: #c62828; } .zp-hint { background: #f9a825; color: #222; }
.zp-todo { background: #1565c0; }
.zp-student { background: #e3f2fd; padding: 0.4em 1.2em; font-family: STACK; }
""".replace("STACK", _STACK).replace("CODE", _CODE_STACK)


def book_fonts(out: Path) -> str:
    """Put the book's fonts into ``out/fonts`` (the fast subset, the whole font, the symbol font, the
    licence) and return the ``<head>`` markup that preloads the subset and declares the fonts."""
    fonts = out / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    source = web_font_source()
    subset = subset_font(fonts, source)
    copy_if_changed(source, fonts / BOOK_FONT)
    build_symbol_font(fonts / BOOK_SYMBOLS)
    licence = source.parent / "OFL.txt"
    if licence.is_file():
        shutil.copyfile(licence, fonts / "OFL.txt")
    faces = font_face_css(subset, f"fonts/{subset.name}", f"fonts/{BOOK_FONT}", f"fonts/{BOOK_SYMBOLS}")
    return (f'\n<link rel="preload" href="fonts/{subset.name}" as="font" type="font/woff2" crossorigin>\n'
            f"<style>\n{faces}{_BOOK_RULES}</style>\n")


#: Emoji the lessons print, as badges drawn with characters the book's fonts have (no emoji font needed).
SYMBOL_BADGES = {
    "✏": '<span class="zp-sym zp-todo" title="作答">✏</span>',
    "✅": '<span class="zp-sym zp-ok" title="正确">✓</span>',
    "❌": '<span class="zp-sym zp-bad" title="不对">×</span>',
    "💡": '<span class="zp-sym zp-hint" title="提示">i</span>',
}


def badge_symbols(page: str) -> str:
    """Replace ✅ ❌ 💡 ✏️ in an HTML page by coloured badges (text the bundled fonts can draw)."""
    pattern = "(" + "|".join(map(re.escape, SYMBOL_BADGES)) + ")\ufe0f?"
    return re.sub(pattern, lambda m: SYMBOL_BADGES[m.group(1)], page)


def book_links(page: str) -> str:
    """Point the lessons' links at the book's own pages: ``../README.md`` → ``index.html``,
    ``NN_name.ipynb`` → ``NN_name.html`` (anchors kept)."""
    page = re.sub(r'href="(?:\.\./)?README\.md(#[^"]*)?"', lambda m: f'href="index.html{m.group(1) or ""}"', page)
    return re.sub(r'href="(?:\./)?(?:notebooks/)?(\d\d_[\w-]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', page)


def _nav(prev: tuple[str, str] | None, nxt: tuple[str, str] | None) -> str:
    left = f'<a href="{prev[0]}">← {html.escape(prev[1])}</a>' if prev else "<span></span>"
    right = f'<a href="{nxt[0]}">{html.escape(nxt[1])} →</a>' if nxt else "<span></span>"
    return f'<nav class="zp-nav">{left}<a href="index.html">目录</a>{right}</nav>'


def student_book_copy(nb):
    """The executed notebook for the student book: solution cells emptied (placeholder, no
    outputs), every other output kept."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
            cell.source = PLACEHOLDER
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
    return nb


def build_html_book(src: Path | None = None, out: Path | None = None, *, student: bool = False) -> list[Path]:
    """Render the executed notebooks to HTML pages in *out* (default ``build/html``, or
    ``build/html-student`` for the student book), with an index page, previous/next links, the
    lessons' own links pointing at the book's pages, and the Chinese font shipped alongside (so
    browsers on machines without a Chinese font show the text too). ✅ ❌ 💡 ✏️ become coloured
    badges. ``student=True`` leaves the reference solutions out."""
    import nbformat
    from nbconvert import HTMLExporter


    out = out or _root() / "build" / ("html-student" if student else "html")
    head = book_fonts(out)
    paths = notebook_paths([str(src)] if src else None)
    books = [(p, nbformat.read(p, as_version=4)) for p in paths]
    if student:
        books = [(p, student_book_copy(nb)) for p, nb in books]
    pages = [(p.with_suffix(".html").name, lesson_title(nb) or p.stem) for p, nb in books]
    exporter = HTMLExporter(template_name="lab")
    banner = ('<div class="zp-student">学生版：参考答案已移除。练习请在 JupyterLab 中打开学生版笔记本完成。</div>'
              if student else "")
    written = []
    for i, (path, nb) in enumerate(books):
        body, _ = exporter.from_notebook_node(nb)
        nav = _nav(pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
        body = badge_symbols(book_links(body))
        body = body.replace("</head>", head + "</head>", 1)
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav + banner, body, count=1)
        body = body.replace("</body>", nav + "</body>", 1)
        target = out / pages[i][0]
        target.write_text(body, encoding="utf-8")
        written.append(target)
    items = "\n".join(
        f'<li><a href="{name}">{html.escape(title)}</a> <span class="time">{html.escape(lesson_time(nb))}</span></li>'
        for (name, title), (_, nb) in zip(pages, books)
    )
    edition = "学生版（不含参考答案）" if student else "教师版（含参考答案）"
    index = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>中文政策文本分析 · 课程目录</title>{head}
<style>body {{ max-width: 52em; margin: 2em auto; line-height: 1.7; padding: 0 1em; }} .time {{ color: #777; }}</style>
</head><body>
<h1>中文政策文本分析 · 课程目录</h1>
<p>五篇关于“推动科技创新和产业创新深度融合”的中文文本，一组从语料、词频、主题、逻辑链、统计数字到政策工具的课程。每一课都是执行过的 Jupyter 笔记本。本书是{edition}。</p>
<ol>
{items}
</ol>
<p>字体：思源黑体 Noto Sans SC（SIL Open Font License，见 fonts/OFL.txt）；练习中的符号用由 DejaVu Sans 生成的小字体显示。</p>
</body></html>
"""
    (out / "index.html").write_text(index, encoding="utf-8")
    return [out / "index.html", *written]


#: ``status`` of the environment check's last row: what only a browser can tell.
BROWSER_ONLY = "browser-only"


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
    ``problem``, or :data:`BROWSER_ONLY` for the last row, which says what only a browser can see) and
    ``detail``. The Lab rows look at the configuration folder of the server running this kernel
    (``$JUPYTER_CONFIG_DIR``, set by ``python3 tasks.py lab``)."""
    import pandas as pd

    from .fonts import chinese_font_path, missing_glyphs
    from .webfonts import WEB_FAMILY, coverage, lesson_characters

    lessons = lesson_characters()
    corpus_text = "".join(corpus["text"]) if corpus is not None else ""
    rows = []

    def add(item, ok, detail, status=None):
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
        "已启用，网页字体排在字体列表最前面" if css_ok else "没有找到：请用 python3 tasks.py lab 启动 JupyterLab，否则网页里的中文可能显示成方框")
    try:
        enabled = json.loads((folder / "jupyter_lab_config.json").read_text(encoding="utf-8"))["LabApp"]["custom_css"] if folder else False
    except (OSError, ValueError, KeyError, TypeError):
        enabled = False
    add("JupyterLab 加载样式（LabApp.custom_css）", bool(enabled), "已打开" if enabled else "没有打开：请用 python3 tasks.py lab 启动")
    named, broken = _served_fonts(custom) if custom else ([], [])
    subset = next((custom / name for name in named if name.endswith(".woff2")), None) if custom else None
    files_ok = bool(named) and not broken and subset is not None and LAB_FONT in named and LAB_SYMBOLS in named
    add("网页字体文件（custom.css 指向的文件）", files_ok,
        "都在：快速字体（常用字和课程里的字）、完整字体（生僻字）、符号字体" if files_ok else
        (f"缺少或读不出：{'、'.join(broken)}" if broken else "JupyterLab 没有自带字体可用：请用 python3 tasks.py lab 启动"))
    if files_ok:
        found = coverage(lessons, subset, custom / LAB_FONT, custom / LAB_SYMBOLS)
        gaps = found["missing"] + found["slow"]
        add("快速网页字体覆盖课程文字", not gaps,
            "课程中的中文字符和标点都在快速字体里，打开就能显示" if not gaps
            else f"{len(gaps)} 个字不在快速字体里：{listed(gaps)}")
        if corpus is not None:
            found = coverage(corpus_text, subset, custom / LAB_FONT, custom / LAB_SYMBOLS)
            detail = "语料中的中文字符和标点都在快速字体里" if not found["slow"] else (
                f"{len(found['slow'])} 个生僻字只在完整字体里（{listed(found['slow'])}），第一次显示时稍慢，但能显示")
            add("网页字体覆盖语料文字", not found["missing"],
                detail if not found["missing"] else f"{len(found['missing'])} 个字没有任何字体能显示，会是方框：{listed(found['missing'])}")
    else:
        add("快速网页字体覆盖课程文字", False, "没有网页字体，无法检查")
    symbols = "✅❌💡✏"
    sym = custom / LAB_SYMBOLS if custom else None
    sym_ok = sym is not None and sym.is_file() and not missing_glyphs(sym, symbols)
    add("练习用的符号 ✅ ❌ 💡 ✏️", sym_ok, "没有表情字体也能显示" if sym_ok else "可能显示成方框")
    if corpus is not None:
        add("语料", len(corpus) > 0, f"{len(corpus)} 篇文本" if len(corpus) else "没有读到文本")
    add("浏览器里的实际显示", True, "以上只查了文件；字是否真的画了出来，只有浏览器看得到：请看本页有没有方框",
        status=BROWSER_ONLY)
    return pd.DataFrame(rows, columns=["item", "status", "detail"])


# ---------------------------------------------------------------- previous/next navigation

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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "lab":
        return lab_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m zhpolicy.teaching.course", description=__doc__.split("\n\n")[0],
                                     epilog="lab [--config-dir DIR] [JUPYTER-LAB-OPTIONS]: JupyterLab that shows "
                                            "Chinese on any machine (its options go to jupyter lab unchanged)")
    parser.add_argument("action", choices=["student", "html", "nav"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="nav: notebooks to rewrite (default: all)")
    parser.add_argument("--out", type=Path, help="output folder (default build/student, build/html, build/html-student)")
    parser.add_argument("--src", type=Path, help="folder of notebooks (default notebooks/)")
    parser.add_argument("--student", action="store_true", help="html: the student book, without solutions")
    args = parser.parse_args(argv)
    if args.action == "nav":
        series = notebook_paths([str(args.src)] if args.src else None)
        changed = write_navigation(args.notebooks or None, series)
        print(f"导航已更新：{len(changed)} 个笔记本" + (f"（{', '.join(p.name for p in changed)}）" if changed else "（都已是最新）"))
        return 0
    if args.action == "student":
        written = build_student_copies(args.src, args.out)
    else:
        written = build_html_book(args.src, args.out, student=args.student)
    print(f"已生成 {len(written)} 个文件：{written[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
