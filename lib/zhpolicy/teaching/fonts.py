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


def font_named_by(variable: str) -> Path | None:
    """The font file the environment variable *variable* names, None when it is unset; a clear error
    when the file is not there."""
    named = os.environ.get(variable)
    if not named:
        return None
    path = Path(named).expanduser()
    if not path.is_file():
        raise RuntimeError(f"${variable} 指向的字体文件不存在：{path}")
    return path


@lru_cache(maxsize=1)
def chinese_font_path() -> Path:
    """Return the path of the Chinese font to use: ``$ZHPOLICY_FONT``, else an installed CJK
    font from :data:`PREFERRED_FAMILIES`, else the bundled Noto Sans SC."""
    named = font_named_by(FONT_ENV)
    if named:
        return named
    from matplotlib import font_manager

    by_name = {}
    for entry in font_manager.fontManager.ttflist:
        by_name.setdefault(entry.name, entry.fname)
    for family in PREFERRED_FAMILIES:
        if family in by_name and covers(by_name[family], "科技创新和产业创新深度融合"):
            return Path(by_name[family])
    return bundled_font_path()


def _cmap(path: str) -> frozenset[int]:
    """The code points *path* has glyphs for (read once per version of the file)."""
    info = os.stat(path)
    return _cmap_of(path, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=16)
def _cmap_of(path: str, mtime_ns: int, size: int) -> frozenset[int]:
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
    Call it again after a style change (seaborn styles reset fonts).

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    import matplotlib as mpl
    from matplotlib import font_manager

    path = chinese_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name] + [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    mpl.rcParams["axes.unicode_minus"] = False
    return str(path)
