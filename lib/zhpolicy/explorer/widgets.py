"""Small pieces every view of the explorer uses: tables, figures as PNG, notes, headings, the code box
that shows the library calls behind a view, and the page's CSS."""

from __future__ import annotations

import html
import io
import json
import threading

import pandas as pd
import panel as pn

from zhpolicy.teaching.labels import zh

from .files import FONT_STACK, MONO_STACK, page_fonts

#: Figures are drawn one at a time (matplotlib's pyplot is not thread-safe).
_FIGURES = threading.Lock()
PAGE_SIZE = 15
#: Tabulator's own words (pagination), in Chinese.
TABLE_LOCALE = {"locale": "zh-cn", "langs": {"zh-cn": {"pagination": {
    "first": "首页", "first_title": "第一页", "last": "末页", "last_title": "最后一页", "prev": "上一页",
    "prev_title": "上一页", "next": "下一页", "next_title": "下一页", "all": "全部", "page_size": "每页行数"}}}}


def page_css() -> str:
    """The page's CSS: the course's web fonts (:func:`.files.page_fonts`) first in every element's font list."""
    return page_fonts().css + f"""
:root, :host, body {{ --bokeh-base-font: {FONT_STACK} !important; --base-font: {FONT_STACK} !important;
  --body-font: {FONT_STACK} !important; --bs-font-sans-serif: {FONT_STACK} !important;
  --bs-body-font-family: {FONT_STACK} !important; --bokeh-mono-font: {MONO_STACK} !important;
  --mono-font: {MONO_STACK} !important; }}
body, body * {{ font-family: {FONT_STACK} !important; }}
body pre, body code, .zp-code pre {{ font-family: {MONO_STACK} !important; }}
.zp-code pre {{ font-size: 13px; background: #f6f8fa; padding: 8px 10px; border-radius: 4px; white-space: pre-wrap; }}
.zp-note {{ color: #555; font-size: 14px; }}
"""


def png(figure_function, *args) -> bytes:
    """Draw a figure of the library (``zhpolicy.teaching.plots``) and return it as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import zhpolicy as zp

    with _FIGURES:
        zp.use_chinese_font()
        fig = figure_function(*args)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        plt.close(fig)
    return buffer.getvalue()


def image(data: bytes, width: int | None = None):
    return pn.pane.PNG(data, width=width, sizing_mode="fixed" if width else "scale_width", max_width=1100)


def table(frame: pd.DataFrame, *, page_size: int = PAGE_SIZE, wrap: tuple[str, ...] = (), editable: tuple[str, ...] = (),
          filters: tuple[str, ...] = (), chinese: bool = True, formatters: dict | None = None,
          **kwargs) -> pn.widgets.Tabulator:
    """A paged table (Chinese headers via ``zh``); *wrap* columns show long text on several lines,
    *editable* columns can be typed in, *filters* get a filter box under their header; *formatters*
    (by the frame's own column names) format numbers."""
    shown = zh(frame) if chinese else frame
    names = dict(zip(frame.columns, shown.columns))
    formatters = {names[c]: {"type": "textarea"} for c in wrap if c in names} | {
        names[c]: f for c, f in (formatters or {}).items() if c in names}
    widths = {names[c]: 380 for c in wrap if c in names}
    editors = {name: (None if column not in editable else {"type": "input"}) for column, name in names.items()}
    header_filters = {names[c]: {"type": "input", "func": "like", "placeholder": "筛选…"} for c in filters if c in names}
    options = dict(pagination="remote", page_size=page_size, show_index=False, formatters=formatters, widths=widths,
                   editors=editors, header_filters=header_filters or False, sizing_mode="stretch_width",
                   layout="fit_data_stretch" if not wrap else "fit_data_table", configuration=TABLE_LOCALE)
    options.update(kwargs)
    return pn.widgets.Tabulator(shown.reset_index(drop=True), **options)


def code_box(code: str, lesson_stem: str, lesson_title: str) -> pn.Column:
    """The library calls behind a view, with a copy button and a link to the lesson that teaches them."""
    copy = pn.widgets.Button(name="复制代码", button_type="light", width=100)
    copy.js_on_click(code=f"navigator.clipboard.writeText({json.dumps(code)});")
    link = pn.pane.HTML(f'<span class="zp-note">在笔记本里这样做（{html.escape(lesson_title)}讲解这些函数）：'
                        f'<a href="/lessons/{lesson_stem}.html" target="_blank">打开{html.escape(lesson_title)}</a></span>')
    return pn.Column(link, pn.pane.HTML(f'<div class="zp-code"><pre>{html.escape(code)}</pre></div>'), copy,
                     sizing_mode="stretch_width")


def working(message: str) -> pn.Row:
    """The progress indicator shown while a computation runs."""
    return pn.Row(pn.indicators.LoadingSpinner(value=True, size=28, name=""),
                  pn.pane.HTML(f'<span class="zp-note zp-working">{html.escape(message)}</span>'),
                  sizing_mode="stretch_width")


#: Background and text colour of a note, by kind (Bootstrap's alert colours).
_NOTE_COLOURS = {"info": ("#cff4fc", "#055160"), "warning": ("#fff3cd", "#664d03"), "danger": ("#f8d7da", "#842029")}


def note(text: str, kind: str = "info") -> pn.pane.HTML:
    """A coloured note: *text* shown as written (plain text, not Markdown, so file names with ``_`` or ``*`` and
    amounts with ``$`` stay as they are)."""
    background, colour = _NOTE_COLOURS.get(kind, _NOTE_COLOURS["info"])
    return pn.pane.HTML(f'<div class="zp-alert" role="alert">{html.escape(text)}</div>', sizing_mode="stretch_width",
                        stylesheets=[f".zp-alert {{ background: {background}; color: {colour}; padding: 10px 14px; "
                                     "border-radius: 6px; white-space: pre-wrap; margin: 4px 0; }"])


def heading(text: str, level: int = 3) -> pn.pane.HTML:
    return pn.pane.HTML(f"<h{level}>{html.escape(text)}</h{level}>", sizing_mode="stretch_width", margin=(10, 5, 0, 5))
