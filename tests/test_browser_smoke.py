"""The browser harness itself: Playwright drives the system's Chromium and loads the bundled font."""

from __future__ import annotations

from zhpolicy.teaching.fonts import bundled_font_path


def test_chromium_renders_text_in_the_bundled_font(browser, tmp_path):
    font = bundled_font_path()
    page_file = tmp_path / "page.html"
    page_file.write_text(
        "<!doctype html><meta charset='utf-8'><style>"
        f"@font-face {{ font-family: 'ZhBundled'; src: url('{font.as_uri()}'); font-display: block; }}"
        "body { font: 32px 'ZhBundled'; }</style><body><p id='t'>推动科技创新和产业创新深度融合</p></body>",
        encoding="utf-8",
    )
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate("[...document.fonts].filter(f => f.family.includes('ZhBundled')).map(f => f.status)")
        assert loaded == ["loaded"]
        assert page.evaluate("document.fonts.check(\"32px 'ZhBundled'\", '推动科技创新')")
    finally:
        page.close()
