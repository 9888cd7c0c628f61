"""Real-browser tests: Playwright for Python driving the system's Chromium (Debian's ``chromium``).

Playwright's own browser download is never used (classroom and CI networks are closed); the tests
drive the Chromium the machine has. Where none is installed, or Playwright is missing, every browser
test is skipped with a message that says how to enable it. ``.ci/run`` installs Chromium with apt.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: Where to look for a Chromium, first match wins; ``ZHPOLICY_CHROMIUM`` names another executable.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

HOW_TO_ENABLE = (
    "browser tests skipped: no Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
    "or set ZHPOLICY_CHROMIUM to a Chromium/Chrome executable, then rerun `python3 tasks.py test`."
)

#: Flags for a closed network and a root user (the machine's own probe uses the same set).
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """The Chromium executable to drive, or None when the machine has none."""
    named = os.environ.get("ZHPOLICY_CHROMIUM")
    if named:
        return named if Path(named).exists() else shutil.which(named)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright):
    """A headless Chromium from ``playwright.chromium``, or a skip with the message above."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(HOW_TO_ENABLE)
    return playwright.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session (skipped with a message when unavailable)."""
    if chromium_path() is None:
        pytest.skip(HOW_TO_ENABLE)
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests skipped: Playwright is not installed (`python3 tasks.py setup`)")
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


# ---------------------------------------------------------------- which font drew each character on a page

#: Marks every visible element that shows text of its own (in the viewport) with ``data-zp-glyphs``
#: and returns their texts, in the order of the marks; with *pierce*, inside shadow roots too (Panel draws
#: its widgets in them). The elements are kept in ``window.__zpGlyphs`` in the same order.
_MARK_TEXT_JS = """([selector, pierce]) => {
  for (const old of document.querySelectorAll('[data-zp-glyphs]')) old.removeAttribute('data-zp-glyphs');
  const root = selector ? document.querySelector(selector) : document.body;
  if (!root) return null;
  const texts = new Map();
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, el = node.parentElement;
      if (!el || !node.nodeValue.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA'].includes(el.tagName)) continue;
      const box = el.getBoundingClientRect(), style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight ||
          box.left >= innerWidth || style.visibility !== 'visible' || style.opacity === '0') continue;
      texts.set(el, (texts.get(el) || '') + node.nodeValue);
    }
    if (pierce) root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) visit(e.shadowRoot); });
  };
  visit(root);
  let i = 0;
  for (const el of texts.keys()) el.setAttribute('data-zp-glyphs', String(i++));
  window.__zpGlyphs = [...texts.keys()];
  return [...texts.values()];
}"""


def system_font_files() -> dict[str, str]:
    """PostScript name → font file of the fonts installed on this machine (fontconfig's list)."""
    import subprocess

    try:
        listing = subprocess.run(["fc-list", "--format", "%{postscriptname}\t%{file}\n"], capture_output=True,
                                 text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return dict(line.split("\t", 1) for line in listing.splitlines() if "\t" in line)


def _cmap(path: str) -> frozenset[int]:
    from zhpolicy.teaching.fonts import _cmap as cached_cmap

    return cached_cmap(path)


def _drawable(ch: str) -> bool:
    """Characters that must be drawn by a glyph (not spaces, controls or invisible format marks)."""
    import unicodedata

    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp")


def glyph_audit(page, fonts: dict[str, str], within: str | None = None, pierce: bool = False) -> list[dict] | None:
    """Which font Chromium used for the text of every visible element of *page*, checked against the
    fonts' character maps. *fonts* maps the PostScript name of each font the page serves to its file;
    installed fonts are found with fontconfig. Returns one row per element with a character that no font
    it was drawn with has (a box, or a glyph drawn before its font arrived and never redrawn):
    ``text``, ``missing`` (those characters) and ``fonts`` (the PostScript names Chromium reports).
    *within* (a CSS selector) limits the audit to one element; None when the page has no such element.
    *pierce* audits the text inside shadow roots too (Panel's widgets).

    ``document.fonts.check()`` cannot see this: it answers true for installed families even where their
    glyphs are boxes. Chromium's own record of the fonts it shaped each text node with (DevTools
    ``CSS.getPlatformFontsForNode``) can."""
    texts = page.evaluate(_MARK_TEXT_JS, [within, pierce])
    if texts is None:
        return None
    files = {**system_font_files(), **fonts}
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1 if pierce else 0, "pierce": pierce})["root"]["nodeId"]
        if pierce:  # document.querySelector cannot reach into shadow roots: the elements kept by the script
            array = cdp.send("Runtime.evaluate", {"expression": "window.__zpGlyphs"})["result"]["objectId"]
            handles = {int(p["name"]): p["value"]["objectId"] for p in
                       cdp.send("Runtime.getProperties", {"objectId": array, "ownProperties": True})["result"]
                       if p["name"].isdigit()}
        problems = []
        for index, text in enumerate(texts):
            if pierce:
                node = cdp.send("DOM.requestNode", {"objectId": handles[index]})["nodeId"]
            else:
                node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-zp-glyphs="{index}"]'})["nodeId"]
            if not node:
                continue
            used = [f["postScriptName"] or f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
            covered = set().union(*(_cmap(files[name]) for name in used if name in files))
            missing = sorted({ch for ch in text if _drawable(ch) and ord(ch) not in covered})
            if missing:
                problems.append({"text": text.strip()[:80], "missing": "".join(missing), "fonts": used})
        return problems
    finally:
        cdp.detach()


def served_fonts(folder) -> dict[str, str]:
    """PostScript name → file of the fonts in *folder* (what a page serves), for :func:`glyph_audit`."""
    from fontTools.ttLib import TTFont

    found = {}
    for path in sorted(Path(folder).iterdir()):
        if path.suffix in (".ttf", ".otf", ".woff", ".woff2"):
            with TTFont(str(path), lazy=True) as font:
                found[font["name"].getDebugName(6)] = str(path)
    return found


#: ``document.fonts`` faces of one family and their status (``loaded``, ``error``, ``unloaded``, ``loading``).
FACES_JS = "family => [...document.fonts].filter(f => f.family.replace(/\"/g, '') === family).map(f => f.status)"

_COPIES_JS = """(selector) => {
  const original = document.querySelector(selector);
  if (!original) return false;
  for (const old of document.querySelectorAll('[data-zp-copy]')) if (old !== original) old.remove();
  original.setAttribute('data-zp-copy', 'original');
  const again = original.cloneNode(true), bare = original.cloneNode(true);
  again.setAttribute('data-zp-copy', 'again');
  bare.setAttribute('data-zp-copy', 'bare');
  if (!document.getElementById('zp-bare-style')) {
    const style = document.createElement('style');
    style.id = 'zp-bare-style';
    style.textContent = '[data-zp-copy=bare], [data-zp-copy=bare] * { font-family: sans-serif !important; }';
    document.head.append(style);
  }
  original.after(again);
  again.after(bare);
  return true;
}"""


def _differing_share(first, second) -> float:
    """Share of the pixels that differ between two PNG screenshots of the same text, the smaller image's
    area compared at the best of the offsets up to 1 px (element boxes round to whole pixels differently)."""
    import io

    from PIL import Image, ImageChops

    a, b = (Image.open(io.BytesIO(png)).convert("L") for png in (first, second))
    width, height = min(a.width, b.width) - 1, min(a.height, b.height) - 1
    if width <= 0 or height <= 0 or abs(a.width - b.width) > 2 or abs(a.height - b.height) > 2:
        return 1.0
    best = 1.0
    for dx in (0, 1):
        for dy in (0, 1):
            for left, right in ((a, b), (b, a)):
                diff = ImageChops.difference(left.crop((dx, dy, dx + width, dy + height)), right.crop((0, 0, width, height)))
                best = min(best, diff.point(lambda v: 255 if v > 64 else 0).histogram()[255] / (width * height))
    return best


def rerendered(page, selector: str, shots: Path, name: str) -> dict[str, float]:
    """Screenshot the element *selector* as the page drew it, beside two copies inserted after it now that
    the fonts have arrived: ``again`` (the same styles, laid out afresh: a glyph drawn before its font
    arrived and never redrawn makes the original differ from it) and ``bare`` (the page's fonts taken away,
    ``sans-serif`` only: on a machine without a Chinese font, boxes). Writes ``<name>-original.png`` and the
    copies' screenshots into *shots*; returns the share of differing pixels of each copy against the original."""
    if not page.evaluate(_COPIES_JS, selector):
        raise AssertionError(f"no element {selector!r} on the page")
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))")
    shots.mkdir(parents=True, exist_ok=True)
    images = {}
    for copy in ("original", "again", "bare"):
        images[copy] = page.locator(f"[data-zp-copy={copy}]").screenshot(path=str(shots / f"{name}-{copy}.png"))
    page.evaluate("() => { for (const c of document.querySelectorAll('[data-zp-copy=again], [data-zp-copy=bare]')) c.remove(); }")
    return {copy: _differing_share(images["original"], images[copy]) for copy in ("again", "bare")}


def screenshot_folder(tmp_path) -> Path:
    """Where browser tests keep their screenshots: ``$ZHPOLICY_SCREENSHOTS`` (to look at them), else *tmp_path*."""
    named = os.environ.get("ZHPOLICY_SCREENSHOTS")
    folder = Path(named) if named else Path(tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
