"""For teachers: student copies of the lessons (solutions emptied, outputs cleared) and the static HTML
book of the executed lessons (teacher's or student's), with the course's web fonts beside the pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .navigation import lesson_time, lesson_title
from .notebooks import notebook_paths
from .webfonts import WEB_FAMILY, font_face_css, place_fonts
from ..paths import data_path, project_root

SOLUTION_TAG = "solution"
PLACEHOLDER = "# ✏️ 这里原来是参考答案，学生版已移除。\n# 先自己完成上面的练习；需要时可以运行 ex.q1.hint() 看提示（q1 换成相应的题号）。"


def _root() -> Path:
    return project_root() or Path.cwd()


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
    subset = place_fonts(fonts, BOOK_FONT, BOOK_SYMBOLS)
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
    exporter = HTMLExporter(template_name="lab", template_file="book_page.html.j2", language_code="zh",
                            extra_template_paths=[str(data_path("book_page.html.j2").parent)])
    banner = ('<div class="zp-student">学生版：参考答案已移除。练习请在 JupyterLab 中打开学生版笔记本完成。</div>'
              if student else "")
    written = []
    for i, (path, nb) in enumerate(books):
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": pages[i][1]}})
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
