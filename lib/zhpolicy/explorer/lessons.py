"""The lessons as pages the explorer serves (``/lessons/NN_name.html``), for its “open the lesson” links.

The committed notebooks (with their outputs) are rendered with nbconvert's ``basic`` template: the
cells and outputs only, with no script or style fetched from the internet, and the page's font
from :func:`.files.page_fonts` (preloaded). Each page is rendered once per server.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from zhpolicy.paths import project_root

from .files import FONT_STACK, page_fonts

_NAME = re.compile(r"^(\d\d_[A-Za-z0-9_-]+)\.html$")

_STYLE = """
body {{ font-family: {stack}; max-width: 60em; margin: 1.5em auto; padding: 0 1em; line-height: 1.7; color: #222; }}
pre, code {{ font-family: "DejaVu Sans Mono", Menlo, Consolas, {stack}; font-size: 13px; }}
.jp-InputArea pre, .highlight pre {{ background: #f6f8fa; padding: 8px; border-radius: 4px; white-space: pre-wrap; }}
.jp-OutputArea pre {{ white-space: pre-wrap; }}
.jp-InputPrompt, .jp-OutputPrompt {{ display: none; }}
table {{ border-collapse: collapse; font-size: 13px; }} td, th {{ border: 1px solid #ddd; padding: 2px 6px; }}
img {{ max-width: 100%; }}
"""


def lesson_path(name: str):
    """The notebook behind the page *name* (``02_term_frequency.html``), or None."""
    match = _NAME.match(name)
    root = project_root()
    if not match or root is None:
        return None
    path = root / "notebooks" / f"{match.group(1)}.ipynb"
    return path if path.is_file() else None


@lru_cache(maxsize=16)
def lesson_page(name: str) -> str | None:
    """The HTML page of the lesson *name*, or None when there is no such lesson."""
    path = lesson_path(name)
    if path is None:
        return None
    import nbformat
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="basic").from_notebook_node(nbformat.read(path, as_version=4))
    fonts = page_fonts()
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(path.stem)}</title>'
            f"{fonts.preload}<style>{fonts.css}{_STYLE.format(stack=FONT_STACK)}</style></head><body>"
            f'<p><a href="/">← 回到浏览器</a> · 笔记本文件：notebooks/{html.escape(path.name)}'
            "（用 <code>python3 tasks.py lab</code> 打开它，自己运行每个单元格）</p>"
            f"{body}</body></html>")


def handler():
    """A tornado handler serving :func:`lesson_page`."""
    from tornado.web import RequestHandler

    class LessonHandler(RequestHandler):
        def get(self, name: str) -> None:
            page = lesson_page(name)
            if page is None:
                self.set_status(404)
                self.finish("没有这一课（找不到 notebooks/ 里的笔记本）。")
                return
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page)

    return LessonHandler
