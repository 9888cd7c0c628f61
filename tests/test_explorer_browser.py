"""The explorer in a real browser (Playwright driving the system's Chromium, see tests/browser.py).

Starts the app as ``tasks.py explore --no-browser --port N`` does, opens every view, checks that
every character on the page is drawn by a font that has it (the course's web fonts, as in the Lab
and the book: Chromium's own record of the fonts it shaped each element with, inside Panel's shadow
roots too), clicks a heatmap cell, downloads the statistics CSV and compares it with ``zhpolicy
stats``, then uploads two files of different formats and does the same on them; no request may
leave 127.0.0.1.

Set ``ZHPOLICY_EXPLORER_SHOTS=docs/img`` to write the README's screenshots of each view there.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

pytest.importorskip("panel", reason="the explorer needs Panel (python3 tasks.py setup)")

from zhpolicy.explorer.files import FONT_FAMILY, FULL_FONT, SYMBOL_FONT, page_fonts  # noqa: E402

from tests.conftest import SEEDS  # noqa: E402
from tests.test_explorer_server import explorer  # noqa: E402

SHOTS = os.environ.get("ZHPOLICY_EXPLORER_SHOTS")
VIEW_TIMEOUT_MS = 180_000  # a shared machine: the first tokenization and extraction can be slow

#: Text of the page: the light DOM and every shadow root (Panel draws its widgets in shadow roots).
PAGE_TEXT = """() => {
  const out = [];
  const walk = (root) => {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = w.nextNode())) {
      const tag = n.parentElement ? n.parentElement.tagName : "";
      if (tag !== "SCRIPT" && tag !== "STYLE") out.push(n.textContent);
    }
    root.querySelectorAll("*").forEach(e => { if (e.shadowRoot) walk(e.shadowRoot); });
  };
  walk(document.body);
  return out.join("");
}"""


def _same_image(a: bytes, b: bytes) -> bool:
    from PIL import Image, ImageChops

    first, second = Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(b)).convert("RGB")
    return first.size == second.size and ImageChops.difference(first, second).getbbox() is None


def check_chinese(page) -> str:
    """Every character on the page (shadow roots included) is drawn by a font that has it; the served
    faces load (the subset at least, none fails) and hold every character the page shows; the title is
    drawn with the web fonts: its screenshot equals the title drawn with them alone and differs from the
    title drawn without them (boxes on a machine with no Chinese font). Returns the page's CJK text."""
    from tests.browser import FACES_JS, glyph_audit, served_fonts
    from zhpolicy.teaching.webfonts import CJK_RANGES, coverage

    page.evaluate("document.fonts.ready")
    fonts = page_fonts()
    statuses = page.evaluate(FACES_JS, FONT_FAMILY)
    assert "loaded" in statuses and "error" not in statuses, statuses
    problems = glyph_audit(page, served_fonts(fonts.folder), pierce=True)  # Panel's shadow roots too
    for _ in range(20):  # font-display: block: a character waits for its face for a moment
        if not problems:
            break
        page.wait_for_timeout(500)
        problems = glyph_audit(page, served_fonts(fonts.folder), pierce=True)
    audited = page.evaluate("window.__zpGlyphs.length")
    assert audited > 20 and problems == [], f"characters drawn without a glyph (boxes): {problems[:5]}"
    text = page.evaluate(PAGE_TEXT)
    chinese = "".join(sorted({ch for ch in text if any(lo <= ord(ch) <= hi for lo, hi in CJK_RANGES)}))
    assert len(chinese) > 50
    subset = next(fonts.folder.glob("*subset*.woff2"))
    found = coverage(text, subset, fonts.folder / FULL_FONT, fonts.folder / SYMBOL_FONT)
    assert found["missing"] == "", f"characters no served font has: {found['missing']}"
    title = page.locator("a.title")
    shown = title.screenshot()
    drawn = {}
    for name, family in (("ours", f'"{FONT_FAMILY}", sans-serif'), ("without", "sans-serif")):
        title.evaluate(f"e => e.style.setProperty('font-family', {family!r}, 'important')")
        page.wait_for_timeout(200)
        drawn[name] = title.screenshot()
    title.evaluate("e => e.style.removeProperty('font-family')")
    assert _same_image(shown, drawn["ours"]), "the title is not drawn with the web fonts"
    assert not _same_image(shown, drawn["without"])
    return chinese


def idle(page, timeout_ms: int = VIEW_TIMEOUT_MS) -> None:
    """Wait until no progress indicator is shown (twice in a row, half a second apart)."""
    waited, quiet = 0, 0
    while quiet < 2:
        busy = page.locator(".zp-working").count()
        quiet = 0 if busy else quiet + 1
        page.wait_for_timeout(500)
        waited += 500
        assert waited < timeout_ms, "a view did not finish computing"


def open_view(page, tab: str, expect: str):
    page.locator(".bk-tab", has_text=tab).first.click()
    page.get_by_text(expect).first.wait_for(timeout=VIEW_TIMEOUT_MS)
    idle(page)


def shoot(page, name: str, anchor: str | None = None) -> None:
    if not SHOTS:
        return
    if anchor:
        page.get_by_text(anchor).first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"explorer-{name}.png"))


def download_statistics(page, target: Path) -> pd.DataFrame:
    with page.expect_download(timeout=VIEW_TIMEOUT_MS) as download:
        page.locator("button", has_text="下载 CSV").first.click()
    download.value.save_as(target)
    return target.read_bytes()


def cli_statistics(paths: list[Path], target: Path) -> bytes:
    """The file ``zhpolicy stats PATHS --csv TARGET`` writes (the download must be the same bytes)."""
    from zhpolicy.cli import main

    assert main(["stats", *map(str, paths), "--csv", str(target)]) == 0
    return target.read_bytes()


def _as_table(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def two_files(folder: Path) -> list[Path]:
    """A Word file and a web page of our own sentences, each citing statistics."""
    from docx import Document

    folder.mkdir(parents=True, exist_ok=True)
    word = Document()
    word.add_heading("关于加快推进科技成果转化的实施意见", level=1)
    word.add_paragraph("2024年，全市研究与试验发展经费投入达到120.5亿元，同比增长8.3%。")
    word.add_paragraph("到2027年，高新技术企业数量力争突破3000家，技术合同成交额达到300亿元。")
    word.save(folder / "实施意见.docx")
    (folder / "工作简报.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>科技创新工作简报</title>"
        "<meta name='PubDate' content='2025-07-15'></head><body><nav>首页 | 新闻</nav><article>"
        "<h1>科技创新工作简报</h1><p>今年上半年，全区技术合同成交额达到45.6亿元，同比增长12.1%。</p>"
        "<p>推动科技创新和产业创新深度融合，新建中试基地5个，培育专精特新企业28家。</p></article></body></html>",
        encoding="utf-8")
    return [folder / "实施意见.docx", folder / "工作简报.html"]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with explorer("--work", str(tmp_path_factory.mktemp("explorer-work"))) as (_, url, _lines):
        yield url


def test_the_explorer_in_a_real_browser(browser, app_url, tmp_path):
    import zhpolicy as zp
    from zhpolicy.analysis import themes


    page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_default_timeout(VIEW_TIMEOUT_MS)
    try:
        corpus = zp.load_corpus(SEEDS)
        page.goto(app_url)
        page.get_by_text(corpus["title"].iloc[1]).first.wait_for()  # the first view: the corpus table
        idle(page)
        shoot(page, "texts")

        open_view(page, "词语", "每万字频次")
        for section, expect in (("词云", None), ("关键性", "A 组"), ("KWIC 检索", "出现"), ("离散度", "zp.dispersion")):
            page.locator(".bk-tab", has_text=section).first.click()
            idle(page)
            if expect:
                page.get_by_text(expect).first.wait_for()
            if section == "KWIC 检索":
                shoot(page, "words")

        # themes: click the cell of the first document's strongest theme; its paragraphs are listed
        open_view(page, "主题", "主题 × 文档热图")
        coded = themes.code_units(themes.theme_units(corpus), themes.read_codebook())
        share = themes.theme_summary(coded)
        first = corpus["doc_id"].iloc[0]
        theme = share.loc[first].idxmax()
        expected = len(themes.cell_units(coded, first, theme))
        cell = page.locator(f'.tabulator-cell[tabulator-field="{theme}"]').first
        cell.scroll_into_view_if_needed()
        cell.click()
        page.get_by_text(f"中编码为“{theme}”的段落（{expected} 段）").first.wait_for()
        shoot(page, "themes", "主题 × 文档热图")

        open_view(page, "统计数字", "一致性检查")
        shoot(page, "statistics")
        assert download_statistics(page, tmp_path / "app.csv") == cli_statistics([SEEDS], tmp_path / "cli.csv")

        open_view(page, "逻辑链", "合并概念图")
        shoot(page, "chains")
        open_view(page, "政策工具", "一致率")
        shoot(page, "instruments")
        check_chinese(page)

        # two uploaded files of different formats become the corpus
        files = two_files(tmp_path / "upload")
        open_view(page, "你的文本", "选择文本")
        page.locator("input[type=file]").first.set_input_files([str(p) for p in files])
        page.get_by_text("读取了 2 篇文档").first.wait_for()
        idle(page)
        for title in ("关于加快推进科技成果转化的实施意见", "科技创新工作简报"):
            page.get_by_text(title).first.wait_for()
        open_view(page, "统计数字", "一致性检查")
        app, cli = download_statistics(page, tmp_path / "app2.csv"), cli_statistics(files, tmp_path / "cli2.csv")
        assert app == cli
        surfaces = " ".join(_as_table(app)["surface"])
        assert all(figure in surfaces for figure in ("120.5亿元", "45.6亿元", "28家"))
        check_chinese(page)
    finally:
        page.close()
    outside = sorted({u for u in requests if urlparse(u).hostname not in ("127.0.0.1", None) and
                      not u.startswith(("data:", "blob:"))})
    assert outside == [], f"requests that left 127.0.0.1: {outside}"
