"""Fonts for the pages the course serves (JupyterLab, the HTML book), on machines without a Chinese
or an emoji font."""

from __future__ import annotations

from pathlib import Path

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
