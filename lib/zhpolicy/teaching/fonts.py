"""Chinese fonts for matplotlib and wordcloud, on any machine.

:func:`use_chinese_font` prefers a CJK font installed on the system (Noto Sans CJK,
Source Han Sans, WenQuanYi, PingFang, Microsoft YaHei, SimHei …) and otherwise uses the
Noto Sans SC font shipped by the ``zhplot`` package (SIL Open Font License), so a fresh
machine with no Chinese font still draws Chinese. ``$ZHPOLICY_FONT`` may name a font file
to use instead (e.g. to make figures identical across machines).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

#: Installed font families tried first, in order.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "SimHei", "Heiti SC", "Noto Sans CJK JP",
)

FONT_ENV = "ZHPOLICY_FONT"


def bundled_font_path() -> Path:
    """Return the path of the Noto Sans SC font shipped by the ``zhplot`` package."""
    spec = importlib.util.find_spec("zhplot")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("未安装 zhplot，无法获得中文字体（pip install zhplot）")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NotoSansSC-Regular.ttf"
    if not path.is_file():
        raise RuntimeError(f"zhplot 的字体文件不存在：{path}")
    return path


@lru_cache(maxsize=1)
def chinese_font_path() -> Path:
    """Return the path of the Chinese font to use: ``$ZHPOLICY_FONT``, else an installed CJK
    font from :data:`PREFERRED_FAMILIES`, else the bundled Noto Sans SC."""
    env = os.environ.get(FONT_ENV)
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise RuntimeError(f"${FONT_ENV} 指向的字体文件不存在：{path}")
        return path
    from matplotlib import font_manager

    by_name = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, entry.fname)
    for family in PREFERRED_FAMILIES:
        if family in by_name and covers(by_name[family], "科技创新和产业创新深度融合"):
            return Path(by_name[family])
    return bundled_font_path()


@lru_cache(maxsize=8)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    if path.lower().endswith((".ttc", ".otc")):
        with TTCollection(path) as collection:
            return frozenset(collection.fonts[0].getBestCmap() or {})
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def missing_glyphs(font_path: str | Path, text: str) -> list[str]:
    """Return the distinct characters of *text* (spaces aside) that the font cannot draw."""
    cmap = _cmap(str(font_path))
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})


def covers(font_path: str | Path, text: str) -> bool:
    """True when the font has a glyph for every character of *text*."""
    return not missing_glyphs(font_path, text)


def use_chinese_font() -> str:
    """Make matplotlib draw Chinese and return the font file's path (for wordcloud's ``font_path``).

    Registers the font with matplotlib, puts it first in ``font.sans-serif``, selects the
    sans-serif family and keeps the minus sign drawable (``axes.unicode_minus = False``).
    Call it again after a style change (seaborn styles reset fonts)."""
    import matplotlib as mpl
    from matplotlib import font_manager

    path = chinese_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name] + [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["axes.unicode_minus"] = False
    return str(path)


# ---------------------------------------------------------------- symbols for pages (teaching)

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
