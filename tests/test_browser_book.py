"""The HTML book in a real browser (Chromium, no Chinese font on the machine): every glyph on the first screen
of the index and of lessons 00, 02 and 06 is drawn by a font that has it, the web fonts load, and the check
itself fails on a book whose font has no Chinese."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from tests.browser import FACES_JS, glyph_audit, rerendered, screenshot_folder, served_fonts
from zhpolicy.teaching import book as htmlbook
from zhpolicy.teaching.webfonts import WEB_FAMILY, coverage, symbol_font_source

from .conftest import ROOT

PAGES = ["index.html", "00_guide.html", "02_term_frequency.html", "06_policy_instruments.html"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    htmlbook.build_html_book(ROOT / "notebooks", out)
    return out


def _open(browser, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page


def _audit_until_clean(page, fonts, seconds: float = 15.0):
    """The glyph audit, repeated for a while: during ``font-display: block`` text waits for its font."""
    problems = glyph_audit(page, fonts)
    for _ in range(int(seconds / 0.5)):
        if not problems:
            break
        page.wait_for_timeout(500)
        problems = glyph_audit(page, fonts)
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_book_page_shows_every_character(browser, book, name, tmp_path):
    shots = screenshot_folder(tmp_path)
    fonts = served_fonts(book / "fonts")
    context, page = _open(browser, book / name)
    try:
        problems = _audit_until_clean(page, fonts)
        page.screenshot(path=str(shots / f"book-{name[:-5]}.png"))
        assert problems == [], f"{name}: characters drawn without a glyph (boxes): {problems[:5]}"
        faces = page.evaluate(FACES_JS, WEB_FAMILY)
        assert "loaded" in faces and "error" not in faces, f"{name}: the web fonts did not load: {faces}"
        subset = next(book.glob("fonts/*subset*.woff2"))
        found = coverage(page.evaluate("document.body.innerText"), subset, book / "fonts" / htmlbook.BOOK_FONT,
                         book / "fonts" / htmlbook.BOOK_SYMBOLS)
        assert found["missing"] == "", f"{name}: characters no served font has: {found['missing']}"
        assert found["fast"], f"{name}: no Chinese drawn by the fast subset"
        differ = rerendered(page, "h1", shots, f"book-{name[:-5]}-title")
        assert differ["again"] < 0.002, f"{name}: the title drawn before its font arrived differs from a fresh drawing"
        assert differ["bare"] > 0.01, f"{name}: the title looks the same without the web fonts (boxes either way?)"
    finally:
        context.close()


def test_the_check_fails_on_a_book_without_a_chinese_font(browser, tmp_path, monkeypatch):
    """The negative control: a book whose web font is Latin-only (DejaVu Sans) must fail the audit and the
    coverage check, so a passing run means the glyphs are there."""
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    nb = new_notebook(cells=[new_markdown_cell("# 01 语料：推动科技创新\n\n| 项目 | 内容 |\n|---|---|\n| 描述 | 产业创新深度融合 |")])
    nbformat.write(nb, lessons / "01_demo.ipynb")
    monkeypatch.setenv("ZHPOLICY_WEB_FONT", str(symbol_font_source()))
    htmlbook.build_html_book(lessons, tmp_path / "book")
    fonts = served_fonts(tmp_path / "book" / "fonts")
    context, page = _open(browser, tmp_path / "book" / "01_demo.html")
    try:
        problems = glyph_audit(page, fonts)
        page.screenshot(path=str(screenshot_folder(tmp_path) / "book-latin-only-font.png"))
        assert any("项" in p["missing"] for p in problems), problems
        subset = next((tmp_path / "book" / "fonts").glob("*subset*.woff2"))
        found = coverage(page.evaluate("document.body.innerText"), subset, tmp_path / "book" / "fonts" / htmlbook.BOOK_FONT)
        assert "项" in found["missing"]
    finally:
        context.close()
