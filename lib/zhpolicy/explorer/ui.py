"""The explorer's page: one Panel session per browser tab, six views built when first opened.

Work that may take more than a moment (reading a folder, tokenizing, extracting) runs in a worker
thread while the view shows a spinner and says what it is doing; the results are kept in
:class:`~.analyses.Analyses`, so a view opens instantly the second time. Figures are drawn to
PNG in the worker thread (one at a time: matplotlib's pyplot is not thread-safe).
"""

from __future__ import annotations

import asyncio
import html
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import panel as pn

from . import panels
from .analyses import Analyses, AnalysesCache
from .files import WorkingFolder, page_fonts
from .views import VIEWS
from .widgets import code_box, page_css, working  # noqa: F401 - page_css: the server's

#: Worker threads for the views' computations (the event loop stays free to show progress).
EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="zhpolicy-explorer")


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


# ---------------------------------------------------------------- a session


class Session:
    """One browser tab: the corpus it shows and its six views."""

    def __init__(self, explorer: Explorer, analyses: Analyses):
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
    session = Session(explorer, explorer.load(explorer.default_folder))
    session.containers["texts"][:] = panels.texts_content(session)  # the first view, at once
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
