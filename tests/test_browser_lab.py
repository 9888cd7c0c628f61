"""The course's JupyterLab in a real browser (Chromium, no Chinese font on the machine), started as
`python3 tasks.py lab` starts it: lessons 00, 02 and 06 open with every glyph on their first screen drawn by a
font that has it (Chromium's own record of the fonts it used, checked against their character maps), the web
fonts loaded, every character of the lesson covered by a served font, and the lesson's header table looking
the same as a copy of it drawn after the fonts arrived (a glyph drawn as a box before its font came and never
redrawn would differ) and different from a copy drawn without them.

Run with ``ZHPOLICY_WEB_FONT=/path/to/a/latin-only.ttf`` (or a missing file) to see it fail."""

from __future__ import annotations

import json

import pytest

from tests.browser import FACES_JS, glyph_audit, rerendered, screenshot_folder, served_fonts
from tests.labserver import Lab
from zhpolicy.teaching import lab
from zhpolicy.teaching.webfonts import WEB_FAMILY, _strings, coverage

from .conftest import ROOT

LESSONS = ["00_guide.ipynb", "02_term_frequency.ipynb", "06_policy_instruments.ipynb"]
#: The lesson's first cell as JupyterLab renders it (its header table: 项目, 描述, 预计用时 …), no kernel needed.
HEADER = ".jp-Notebook .jp-Cell:first-child .jp-RenderedMarkdown"


@pytest.fixture(scope="module")
def course_lab(tmp_path_factory, browser):
    """The Lab, serving a copy of the lessons (a browser that opens a notebook may save it: autosave, checkpoints)."""
    import shutil

    folder = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", folder / "root" / "notebooks", ignore=shutil.ignore_patterns(".*"))
    server = Lab(folder / "config", options=(f"--ServerApp.root_dir={folder / 'root'}",))
    with server:
        yield server
    assert server.leftovers() == [], f"left running after the Lab stopped: {server.leftovers()}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_lab_lesson_shows_every_character(browser, course_lab, lesson, tmp_path):
    shots = screenshot_folder(tmp_path)
    custom = course_lab.config / "custom"
    fonts = served_fonts(custom)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(course_lab.url(f"lab/tree/notebooks/{lesson}?reset"))
        # wait without DevTools agents: an agent attached before the first render changes how Chromium redraws
        page.wait_for_selector(f"{HEADER} table", timeout=180_000)
        problems = glyph_audit(page, fonts)
        for _ in range(30):  # font-display: block keeps text waiting for its font for up to 3 s
            if not problems:
                break
            page.wait_for_timeout(500)
            problems = glyph_audit(page, fonts)
        page.screenshot(path=str(shots / f"lab-{lesson[:2]}.png"))
        assert problems == [], f"{lesson}: characters drawn without a glyph (boxes): {problems[:5]}"
        faces = page.evaluate(FACES_JS, WEB_FAMILY)
        assert "loaded" in faces and "error" not in faces, f"{lesson}: the web fonts did not load: {faces}"
        notebook = json.loads((ROOT / "notebooks" / lesson).read_text(encoding="utf-8"))
        text = "".join(_strings(notebook)) + page.evaluate("document.body.innerText")
        found = coverage(text, next(custom.glob("*subset*.woff2")), custom / lab.LAB_FONT, custom / lab.LAB_SYMBOLS)
        assert found["missing"] == "", f"{lesson}: characters no served font has: {found['missing']}"
        assert found["slow"] == "", f"{lesson}: characters only the 10 MB font has (not in the fast subset): {found['slow']}"
        differ = rerendered(page, f"{HEADER} table", shots, f"lab-{lesson[:2]}-header")
        assert differ["again"] < 0.002, f"{lesson}: the header table differs from a copy drawn after the fonts arrived"
        assert differ["bare"] > 0.01, f"{lesson}: the header table looks the same without the web fonts"
    finally:
        context.close()
