"""The explorer's page: one Panel session per browser tab, six views built when first opened.

Work that may take more than a moment (reading a folder, tokenizing, extracting) runs in a worker
thread while the view shows a spinner and says what it is doing; the results are kept in
:class:`~.analyses.Analyses`, so a view opens instantly the second time. Figures are drawn to
PNG in the worker thread (one at a time: matplotlib's pyplot is not thread-safe).
"""

from __future__ import annotations

import asyncio
import html
import io
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import panel as pn

from zhpolicy.teaching.labels import zh

from .analyses import Analyses, AnalysesCache
from .files import FONT_STACK, MONO_STACK, WorkingFolder, page_fonts
from .views import VIEWS

#: Worker threads for the views' computations (the event loop stays free to show progress).
EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="zhpolicy-explorer")
_FIGURES = threading.Lock()
PAGE_SIZE = 15
#: Tabulator's own words (pagination), in Chinese.
TABLE_LOCALE = {"locale": "zh-cn", "langs": {"zh-cn": {"pagination": {
    "first": "首页", "first_title": "第一页", "last": "末页", "last_title": "最后一页", "prev": "上一页",
    "prev_title": "上一页", "next": "下一页", "next_title": "下一页", "all": "全部", "page_size": "每页行数"}}}}


@dataclass
class Explorer:
    """What every session shares: the cache of analyses, the working folder, the default corpus."""

    default_folder: Path
    work: WorkingFolder
    cache: AnalysesCache = field(default_factory=AnalysesCache)
    stop: threading.Event = field(default_factory=threading.Event)

    def load(self, folder) -> Analyses:
        return self.cache.load(folder)

    def warm(self, analyses: Analyses) -> None:
        """Compute the other views' tables in the background (the first view is already shown),
        once per corpus however many pages open it."""
        if getattr(analyses, "warming", None) is None:
            analyses.warming = threading.Thread(target=analyses.warm, kwargs={"stop": self.stop}, daemon=True,
                                                name="zhpolicy-explorer-warm")
            analyses.warming.start()


# ---------------------------------------------------------------- small pieces every view uses


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


# ---------------------------------------------------------------- a session


class Session:
    """One browser tab: the corpus it shows and its six views."""

    def __init__(self, explorer: Explorer, analyses: Analyses):
        from . import panels

        self.explorer = explorer
        self.analyses = analyses
        self.status = pn.pane.HTML(sizing_mode="stretch_width")
        self.builders = {key: getattr(panels, f"{key}_view") for key in VIEWS}
        self.containers = {key: pn.Column(sizing_mode="stretch_width", name=title) for key, (title, _) in VIEWS.items()}
        self.built: dict[str, Analyses] = {}
        self.upload_notes: list[str] = []
        self.tabs = pn.Tabs(*[(VIEWS[key][0], self.containers[key]) for key in VIEWS], sizing_mode="stretch_width",
                            dynamic=False)
        self.tabs.param.watch(self._on_tab, "active")
        self._show_status()

    @property
    def key(self) -> str:
        return list(VIEWS)[self.tabs.active]

    def _show_status(self) -> None:
        from .views import metadata_files, skipped_table

        corpus = self.analyses.corpus
        unread, metadata = len(skipped_table(self.analyses)), metadata_files(self.analyses)
        catalog = "、".join(metadata["file"])
        self.status.object = (f'<span class="zp-note">语料：{html.escape(str(self.analyses.folder))} · {len(corpus)} 篇文档'
                              + (f" · 目录 {html.escape(catalog)}（用作元数据）" if catalog else "")
                              + (f" · 未读取 {unread} 个文件" if unread else "") + "</span>")

    def _on_tab(self, event) -> None:
        pn.state.execute(self.show)

    async def show(self, key: str | None = None) -> None:
        """Build the view *key* (default: the open tab) for the current corpus, unless it is built."""
        key = key or self.key
        if self.built.get(key) is self.analyses:
            return
        self.built[key] = self.analyses
        container = self.containers[key]
        await self.builders[key](self, container)

    async def use(self, analyses: Analyses) -> None:
        """Switch to another corpus: every view is rebuilt when next opened."""
        self.analyses = analyses
        self.built = {}
        self._show_status()
        self.explorer.warm(analyses)
        await self.show()

    def code(self, view: str, name: str, **params) -> pn.Column:
        from .views import snippet

        folder = str(self.analyses.folder)
        title, lesson = VIEWS[view]
        return code_box(snippet(name, folder=folder, **params), lesson.stem, lesson.title)

    async def compute(self, container: pn.Column, message: str, function, *args, ready: bool = False):
        """Run *function* in a worker thread; meanwhile *container* shows a spinner, *message* and
        the seconds elapsed (unless *ready*: the result is kept and comes back at once)."""
        future = asyncio.get_running_loop().run_in_executor(EXECUTOR, function, *args)
        if ready:
            return await future
        row = working(message)
        container[:] = [row]
        started = time.monotonic()
        while not future.done():
            await asyncio.wait([future], timeout=1)
            elapsed = int(time.monotonic() - started)
            if elapsed and not future.done():
                row[1].object = f'<span class="zp-note zp-working">{html.escape(message)}（已用 {elapsed} 秒）</span>'
        return future.result()


def page(explorer: Explorer):
    """A new session's page (what ``pn.serve`` calls for each browser tab); once it is shown, the other
    views' tables are computed in the background."""
    template, session = build_page(explorer)
    pn.state.onload(lambda: explorer.warm(session.analyses))
    return template


def build_page(explorer: Explorer):
    """The page of a new session, with its first view (your texts) built: ``(template, session)``."""
    from .panels import texts_content

    session = Session(explorer, explorer.load(explorer.default_folder))
    session.containers["texts"][:] = texts_content(session)  # the first view, at once
    session.built["texts"] = session.analyses
    template = pn.template.BootstrapTemplate(title="中文政策文本浏览器 · zhpolicy", header_background="#2f5d8a",
                                             main=[session.status, session.tabs])
    return with_preload(template, page_fonts().preload), session


def rehearse(explorer: Explorer) -> None:
    """Build one page into a document nobody sees, before the server takes requests: the first visitor then
    does not wait for the modules, templates and caches a first page loads (about half the server's work
    for it)."""
    from bokeh.document import Document

    try:
        template, _ = build_page(explorer)
        template.server_doc(Document())
    except Exception:  # noqa: BLE001 - only a head start: a page that fails here fails visibly when opened
        pass


def without_mathjax() -> None:
    """Leave Bokeh's MathJax bundle (1.8 MB of script) out of the explorer's pages: Panel adds it to any
    page with an HTML pane, and no view shows formulas (every HTML pane keeps ``disable_math``).
    Guarded: with another Panel, pages keep the bundle."""
    from panel.io import resources

    if hasattr(resources, "_panel_use_mathjax"):
        resources._panel_use_mathjax = lambda roots: False


_PRELOADING: dict[str, object] = {}


def with_preload(template, markup: str):
    """*template* whose page carries *markup* (the font subset's ``<link rel="preload">``) in its ``<head>``,
    so that the browser fetches the font while Panel's scripts load: Panel's own page template extended by
    one block. Without the expected template (another Panel version) the page works without the preload."""
    try:
        from panel.io.resources import _env

        if markup not in _PRELOADING:
            _env.get_template(_PANEL_PAGE)
            _PRELOADING[markup] = _env.from_string(
                f'{{% extends "{_PANEL_PAGE}" %}}{{% block preamble %}}{{{{ super() }}}}{markup}{{% endblock %}}')
        template.template = _PRELOADING[markup]
    except Exception:  # noqa: BLE001 - a missing or changed Panel template: no preload, nothing else lost
        pass
    return template


#: Panel's page template of :class:`pn.template.BootstrapTemplate` (its ``preamble`` block is in ``<head>``).
_PANEL_PAGE = "bootstrap/bootstrap.html"
