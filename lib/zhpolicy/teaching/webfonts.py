"""Fonts for the pages the course serves (JupyterLab, the HTML book), on machines without a Chinese
or an emoji font.

One font family, :data:`WEB_FAMILY`, listed first by every page, has three faces:

- a WOFF2 subset of Noto Sans SC (about 1 MB) with every character of GB 2312 and of the course
  (lessons with their outputs, the library's messages and data files, the demo corpus), which the
  browser gets at once;
- the whole Noto Sans SC (10.5 MB) for rarer characters, fetched only when a page shows one;
- a few-kB symbol font for ✅ ❌ 💡 ✏️ (:func:`build_symbol_font`).

Each face declares the characters it is for (``unicode-range``): Chinese characters and punctuation
(:data:`CJK_RANGES`, plus the subset's own symbols), so Latin text keeps the page's fonts. Listing the
family first matters: Chromium does not redraw a character that fell past an installed font while a
web font further down the list was still loading (it stays a box), which is what the Lab showed with
the bundled font listed after ``system-ui``. First in the list, a character waits for its face
(``font-display: block``) and is drawn once it arrives.

The subset is built with fontTools (WOFF2 needs ``brotli``) from :func:`web_font_source` the first time
it is needed, about 20 s, and kept in the cache folder under a name derived from its inputs
(:func:`subset_font`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..paths import CacheUnavailable, cache_dir, data_path, project_root
from .fonts import _cmap, bundled_font_path, font_named_by

#: The family name of the course's web fonts (subset, whole font and symbols).
WEB_FAMILY = "zhpolicy Noto Sans SC"
#: ``$ZHPOLICY_WEB_FONT`` names another font file for the pages (default: the bundled Noto Sans SC).
WEB_FONT_ENV = "ZHPOLICY_WEB_FONT"
#: Characters routed to the web fonts whatever the subset holds: CJK punctuation, radicals, kana,
#: bopomofo, enclosed and compatibility forms, the unified ideographs (all extensions), full-width forms.
CJK_RANGES = ((0x00B7, 0x00B7), (0x2010, 0x2027), (0x2030, 0x203B), (0x2E80, 0x2FFF), (0x3000, 0x9FFF),
              (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3134F))
#: Never routed: box drawing and block elements stay in the page's monospace font (progress bars, tables).
KEEP_LOCAL = (0x2500, 0x259F)
#: Bump when the way the subset is built changes (part of its cache key).
SUBSET_BUILD = 1


def web_font_source() -> Path:
    """The font the pages serve: ``$ZHPOLICY_WEB_FONT`` if set, else the bundled Noto Sans SC."""
    return font_named_by(WEB_FONT_ENV) or bundled_font_path()


def gb2312_characters() -> str:
    """The 7,445 characters of GB 2312 (6,763 hanzi, punctuation, symbols, kana, Greek, Cyrillic)."""
    found = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(found)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def lesson_characters(root: Path | None = None) -> str:
    """Every character of the lessons ``notebooks/*.ipynb``: sources and outputs (read as JSON)."""
    root = root or project_root() or Path.cwd()
    found: set[str] = set()
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        found.update("".join(_strings(json.loads(path.read_text(encoding="utf-8")))))
    return "".join(sorted(found))


def course_characters(root: Path | None = None) -> str:
    """The characters a page of the course shows: the lessons, the library's messages and data files
    (labels, codebooks, glossary), and the demo corpus (``seeds/*.txt``)."""
    root = root or project_root() or Path.cwd()
    found = set(lesson_characters(root))
    library = Path(data_path("glossary.csv")).parent.parent
    for path in [*sorted(library.rglob("*.py")), *sorted((library / "data").iterdir()), *sorted((root / "seeds").glob("*.txt"))]:
        if path.is_file() and path.suffix in (".py", ".csv", ".tsv", ".txt", ".css"):
            found.update(path.read_text(encoding="utf-8", errors="replace"))
    return "".join(sorted(found))


def subset_characters(root: Path | None = None) -> str:
    """What the fast subset holds (where the source font has it): printable ASCII, GB 2312 and
    :func:`course_characters`."""
    return "".join(sorted(set(map(chr, range(0x20, 0x7F))) | set(gb2312_characters()) | set(course_characters(root))))


def _font_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def subset_name(source: Path, codepoints: list[int]) -> str:
    """The subset's file name: its inputs (source font, characters, fontTools, build version) hashed."""
    import fontTools

    key = hashlib.sha256(json.dumps([SUBSET_BUILD, fontTools.version, _font_digest(source), codepoints]).encode())
    return f"zhpolicy-NotoSansSC-subset-{key.hexdigest()[:16]}.woff2"


def _build_subset(source: Path, codepoints: list[int], target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    codepoints = sorted(set(codepoints) & _cmap(str(source)))  # only what the font has (the rest: its whole face)
    options = subset.Options(flavor="woff2", layout_features=["*"], name_IDs=["*"], notdef_outline=True)
    font = TTFont(str(source), recalcTimestamp=False, fontNumber=0)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    family = font["name"].getDebugName(1) or "font"
    for record in font["name"].names:  # a modified font gets a name of its own (and the audits can tell it apart)
        if record.nameID in (1, 4, 16):
            record.string = f"{family} zhpolicy subset"
        elif record.nameID == 6:
            record.string = f"{family.replace(' ', '')}-zhpolicySubset"
    font.flavor = "woff2"
    tmp = target.with_name(target.name + ".tmp")
    font.save(str(tmp))
    os.replace(tmp, target)


def subset_font(folder: str | Path, source: str | Path | None = None, characters: str | None = None) -> Path:
    """Write the fast subset of *source* (default :func:`web_font_source`) holding *characters* (default
    :func:`subset_characters`) into *folder* and return its path. The subset is built once per set of
    inputs and kept in the cache folder (``<cache>/webfonts``); other subsets in *folder* are removed."""
    source = Path(source) if source else web_font_source()
    characters = subset_characters() if characters is None else characters
    codepoints = sorted({ord(ch) for ch in characters})
    name = subset_name(source, codepoints)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.is_file():
        try:
            store = cache_dir() / "webfonts"
            store.mkdir(exist_ok=True)
        except (CacheUnavailable, OSError):
            store = None
        if store is None:
            print("正在生成网页字体（约半分钟）…", flush=True)
            _build_subset(source, codepoints, target)
        else:
            if not (store / name).is_file():
                print("正在生成网页字体（只在第一次需要，约半分钟）…", flush=True)
                _build_subset(source, codepoints, store / name)
            tmp = target.with_name(target.name + ".tmp")
            shutil.copyfile(store / name, tmp)
            os.replace(tmp, target)
    for old in folder.glob("zhpolicy-NotoSansSC-subset-*.woff2"):
        if old.name != name:
            old.unlink()
    return target


def routed_codepoints(subset_cmap) -> list[int]:
    """The characters the pages send to :data:`WEB_FAMILY`: :data:`CJK_RANGES` and every symbol the subset
    holds from U+2000 up, box drawing and blocks aside (:data:`KEEP_LOCAL`)."""
    points = {cp for low, high in CJK_RANGES for cp in range(low, high + 1)}
    points |= {cp for cp in subset_cmap if cp >= 0x2000 and not KEEP_LOCAL[0] <= cp <= KEEP_LOCAL[1]}
    return sorted(points)


def unicode_range(codepoints) -> str:
    """A CSS ``unicode-range`` value for *codepoints*: runs merged, ``U+4E00-9FFF, U+FF0C``."""
    runs: list[list[int]] = []
    for cp in sorted(set(codepoints)):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def font_face_css(subset: str | Path, subset_url: str, full_url: str, symbols_url: str) -> str:
    """The ``@font-face`` rules of :data:`WEB_FAMILY`: the whole font first, then the subset, then the
    symbols (for a character several faces cover, browsers try the face declared last first, so the
    whole font is fetched only for a character the subset lacks)."""
    routed = unicode_range(routed_codepoints(_cmap(str(subset))))
    symbols = unicode_range(SYMBOL_GLYPHS)
    face = ('@font-face {{\n  font-family: "{family}";\n  src: url("{url}") format("{fmt}");\n'
            '  font-display: block;\n  unicode-range: {ranges};\n}}\n')
    return "".join(face.format(family=WEB_FAMILY, url=url, fmt=fmt, ranges=ranges) for url, fmt, ranges in (
        (full_url, "truetype", routed), (subset_url, "woff2", routed), (symbols_url, "truetype", symbols)))


def coverage(text: str, subset: str | Path, full: str | Path, symbols: str | Path | None = None) -> dict[str, str]:
    """Which face draws each distinct character of *text* (spaces and invisible marks aside), as the pages
    route them: ``fast`` (the subset), ``slow`` (only the whole font has it: fetched when shown), ``symbols``,
    ``missing`` (routed to the web fonts but in none of them: a box), ``local`` (not routed: Latin and
    other scripts the browser draws with its own fonts, which only the browser can check)."""
    import unicodedata

    fast, whole = _cmap(str(subset)), _cmap(str(full))
    drawn_by_symbols = _cmap(str(symbols)) if symbols else frozenset()
    routed = set(routed_codepoints(fast))
    found: dict[str, set[str]] = {"fast": set(), "slow": set(), "symbols": set(), "missing": set(), "local": set()}
    for ch in set(text):
        cp = ord(ch)
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn"):
            continue
        if cp in SYMBOL_GLYPHS and cp in drawn_by_symbols:
            found["symbols"].add(ch)
        elif cp not in routed:
            found["local"].add(ch)
        elif cp in fast:
            found["fast"].add(ch)
        elif cp in whole:
            found["slow"].add(ch)
        else:
            found["missing"].add(ch)
    return {kind: "".join(sorted(chars)) for kind, chars in found.items()}


def place_fonts(folder: str | Path, full_name: str, symbols_name: str, licence_name: str = "OFL.txt") -> Path:
    """Put the three faces a page serves into *folder*: the fast subset (:func:`subset_font`, returned), the
    whole font as *full_name*, the symbol font as *symbols_name* (built once), and the font's licence as
    *licence_name* (the Lab's configuration folder, the explorer's font folder)."""
    folder = Path(folder)
    source = web_font_source()
    subset = subset_font(folder, source)
    copy_if_changed(source, folder / full_name)
    licence = source.parent / "OFL.txt"
    if licence.is_file():
        copy_if_changed(licence, folder / licence_name)
    if not (folder / symbols_name).is_file():
        build_symbol_font(folder / symbols_name)
    return subset


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy *source* to *target* unless a file of the same size is there already (atomically)."""
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)

#: The symbols the lessons print (✅ ❌ 💡 ✏️ …), each drawn with a look-alike glyph of DejaVu Sans
#: (shipped by matplotlib), for browsers on machines without an emoji font.
SYMBOL_GLYPHS = {
    0x2705: 0x2714,   # ✅ white heavy check mark  -> ✔ heavy check mark
    0x274C: 0x2718,   # ❌ cross mark               -> ✘ heavy ballot x
    0x1F4A1: 0x263C,  # 💡 electric light bulb      -> ☼ white sun with rays
    0x270F: 0x270F,   # ✏ pencil
    0xFE0F: 0xFE0F,   # variation selector-16 (✏️), drawn as nothing
    0x2713: 0x2713, 0x2714: 0x2714, 0x2717: 0x2717, 0x2718: 0x2718,  # ✓ ✔ ✗ ✘
    0x26A0: 0x26A0,   # ⚠
    0x25B6: 0x25B6,   # ▶
}
SYMBOL_FAMILY = "zhpolicy symbols"


def symbol_font_source() -> Path:
    """DejaVu Sans as shipped by matplotlib (free licence: Bitstream Vera / public domain changes)."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def build_symbol_font(target: str | Path) -> Path:
    """Write a small TrueType font (a few kB) whose glyphs draw the lessons' symbols
    (:data:`SYMBOL_GLYPHS`), made from DejaVu Sans: ✅ shows as ✔, ❌ as ✘, 💡 as ☼.

    Browsers without an emoji font show these emoji as empty boxes; pages list this font after
    the text fonts, so it is used only for these characters. Renamed (DejaVu's licence asks
    modified fonts not to use its name)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    font = TTFont(str(symbol_font_source()))
    cmap = font.getBestCmap()
    glyphs = {cp: cmap[src] for cp, src in SYMBOL_GLYPHS.items() if src in cmap}
    options = subset.Options(notdef_outline=True, name_IDs=["*"], layout_features=[])
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(set(glyphs.values())))
    subsetter.subset(font)
    tables = []
    for platform, encoding, fmt in ((0, 3, 4), (3, 1, 4), (3, 10, 12)):
        table = CmapSubtable.newSubtable(fmt)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = {cp: g for cp, g in glyphs.items() if cp <= 0xFFFF or fmt == 12}
        tables.append(table)
    font["cmap"].tables = tables
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = SYMBOL_FAMILY
        elif record.nameID == 6:
            record.string = SYMBOL_FAMILY.replace(" ", "-")
        elif record.nameID == 3:
            record.string = f"{SYMBOL_FAMILY} (from DejaVu Sans)"
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return target
