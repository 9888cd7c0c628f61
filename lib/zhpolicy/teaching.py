"""For teachers: student copies of the lessons and a static HTML book.

    python -m zhpolicy.teaching student [--out build/student]   # solutions emptied, outputs cleared
    python -m zhpolicy.teaching html [--out build/html]         # the executed series as HTML pages

Both read the notebooks in ``notebooks/`` and never change them.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

from .fonts import bundled_font_path
from .notebooks import notebook_paths
from .paths import project_root

SOLUTION_TAG = "solution"
PLACEHOLDER = "# ✏️ 这里原来是参考答案，学生版已移除。\n# 先自己完成上面的练习；需要时可以运行 ex.q1.hint() 看提示（q1 换成相应的题号）。"


def _root() -> Path:
    return project_root() or Path.cwd()


def lesson_title(nb) -> str:
    """The first Markdown heading of a notebook."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                return m.group(1).strip()
    return ""


def lesson_time(nb) -> str:
    """The 预计用时 given in a notebook's header table."""
    for cell in nb.cells:
        m = re.search(r"预计用时\s*\|\s*([^|\n]+)", cell.source)
        if m:
            return m.group(1).strip()
    return ""


def glossary():
    """The glossary of analysis terms (中文, English, lesson, one-line explanation) from ``data/glossary.csv``."""
    import pandas as pd

    from .paths import data_path

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


_FONT_CSS = """
<style>
@font-face { font-family: "Noto Sans SC"; src: url("fonts/NotoSansSC-Regular.ttf") format("truetype"); }
:root { --jp-content-font-family: "Noto Sans SC", sans-serif; --jp-ui-font-family: "Noto Sans SC", sans-serif;
        --jp-code-font-family: ui-monospace, "DejaVu Sans Mono", monospace, "Noto Sans SC"; }
body, .jp-RenderedHTMLCommon, .jp-RenderedText, table, th, td { font-family: "Noto Sans SC", sans-serif !important; }
pre, code, kbd, samp, .jp-RenderedHTMLCommon code, .jp-InputArea-editor, .highlight, .highlight pre {
  font-family: ui-monospace, "DejaVu Sans Mono", monospace, "Noto Sans SC" !important; }
.zp-nav { font-family: "Noto Sans SC", sans-serif; display: flex; justify-content: space-between; gap: 1em;
          padding: 0.8em 1.2em; margin: 0 0 1em 0; background: #f5f0e1; border-bottom: 1px solid #ddd; }
.zp-nav a { color: #2a5599; text-decoration: none; }
</style>
"""


def _nav(prev: tuple[str, str] | None, nxt: tuple[str, str] | None) -> str:
    left = f'<a href="{prev[0]}">← {html.escape(prev[1])}</a>' if prev else "<span></span>"
    right = f'<a href="{nxt[0]}">{html.escape(nxt[1])} →</a>' if nxt else "<span></span>"
    return f'<nav class="zp-nav">{left}<a href="index.html">目录</a>{right}</nav>'


def build_html_book(src: Path | None = None, out: Path | None = None) -> list[Path]:
    """Render the executed notebooks to HTML pages in *out* (default ``build/html``), with an
    index page, previous/next links, and the Chinese font shipped alongside (so browsers on
    machines without a Chinese font show the text too)."""
    import nbformat
    from nbconvert import HTMLExporter

    out = out or _root() / "build" / "html"
    (out / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundled_font_path(), out / "fonts" / "NotoSansSC-Regular.ttf")
    licence = bundled_font_path().parent / "OFL.txt"
    if licence.is_file():
        shutil.copyfile(licence, out / "fonts" / "OFL.txt")
    paths = notebook_paths([str(src)] if src else None)
    books = [(p, nbformat.read(p, as_version=4)) for p in paths]
    pages = [(p.with_suffix(".html").name, lesson_title(nb) or p.stem) for p, nb in books]
    exporter = HTMLExporter(template_name="lab")
    written = []
    for i, (path, nb) in enumerate(books):
        body, _ = exporter.from_notebook_node(nb)
        nav = _nav(pages[i - 1] if i else None, pages[i + 1] if i + 1 < len(pages) else None)
        body = body.replace("</head>", _FONT_CSS + "</head>", 1)
        body = re.sub(r"(<body[^>]*>)", r"\1" + nav.replace("\\", "\\\\"), body, count=1)
        body = body.replace("</body>", nav + "</body>", 1)
        target = out / pages[i][0]
        target.write_text(body, encoding="utf-8")
        written.append(target)
    items = "\n".join(
        f'<li><a href="{name}">{html.escape(title)}</a> <span class="time">{html.escape(lesson_time(nb))}</span></li>'
        for (name, title), (_, nb) in zip(pages, books)
    )
    index = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>中文政策文本分析 · 课程目录</title>{_FONT_CSS}
<style>body {{ max-width: 52em; margin: 2em auto; line-height: 1.7; padding: 0 1em; }} .time {{ color: #777; }}</style>
</head><body>
<h1>中文政策文本分析 · 课程目录</h1>
<p>五篇关于“推动科技创新和产业创新深度融合”的中文文本，一组从语料到统计数字的课程。每一课都是执行过的 Jupyter 笔记本。</p>
<ol>
{items}
</ol>
<p>字体：思源黑体 Noto Sans SC（SIL Open Font License，见 fonts/OFL.txt）。</p>
</body></html>
"""
    (out / "index.html").write_text(index, encoding="utf-8")
    return [out / "index.html", *written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zhpolicy.teaching", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["student", "html"])
    parser.add_argument("--out", type=Path, help="output folder (default build/student or build/html)")
    parser.add_argument("--src", type=Path, help="folder of notebooks (default notebooks/)")
    args = parser.parse_args(argv)
    build = build_student_copies if args.action == "student" else build_html_book
    written = build(args.src, args.out)
    print(f"已生成 {len(written)} 个文件：{written[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
