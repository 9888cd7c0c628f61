import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from zhpolicy.teaching import fonts  # noqa: E402

LABELS = "每篇文本的长度句子有多长字数（不含空白）句子长度（字）词频关键性语境共现—…“”《》【】％"


def test_font_path_exists_and_draws_chinese_without_missing_glyphs(tmp_path):
    path = fonts.use_chinese_font()
    assert Path(path).is_file()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("推动科技创新和产业创新深度融合")
        ax.bar(["科技创新", "产业创新"], [3.6, -1.2])
        ax.set_xlabel("万亿元（负数用 − 号）")
        fig.savefig(tmp_path / "zh.png")
        plt.close(fig)


def test_font_covers_every_character_of_the_corpus(corpus):
    path = fonts.chinese_font_path()
    text = "".join(corpus["raw"]) + "".join(corpus["text"]) + LABELS
    assert fonts.missing_glyphs(path, text) == []


def test_missing_glyphs_detects_a_gap():
    # the bundled font has no glyphs for this private-use character
    assert fonts.missing_glyphs(fonts.bundled_font_path(), "科\ue000") == ["\ue000"]


def test_bundled_font_is_the_fallback():
    assert fonts.bundled_font_path().name == "NotoSansSC-Regular.ttf"


def test_font_override(monkeypatch, tmp_path):
    fonts.chinese_font_path.cache_clear()
    monkeypatch.setenv(fonts.FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(RuntimeError, match="字体文件不存在"):
        fonts.chinese_font_path()
    monkeypatch.setenv(fonts.FONT_ENV, str(fonts.bundled_font_path()))
    fonts.chinese_font_path.cache_clear()
    assert fonts.chinese_font_path() == fonts.bundled_font_path()
    fonts.chinese_font_path.cache_clear()


def test_symbol_font_draws_the_exercise_symbols(tmp_path):
    from zhpolicy.teaching.fonts import bundled_font_path, missing_glyphs
    from zhpolicy.teaching.webfonts import SYMBOL_FAMILY, build_symbol_font

    symbols = "✅❌💡✏✓✗⚠▶"
    assert missing_glyphs(bundled_font_path(), "✅❌💡"), "the Chinese font lacks the emoji (why the symbol font exists)"
    path = build_symbol_font(tmp_path / "symbols.ttf")
    assert missing_glyphs(path, symbols) == []
    assert path.stat().st_size < 100_000
    from fontTools.ttLib import TTFont

    assert TTFont(str(path))["name"].getDebugName(1) == SYMBOL_FAMILY


def test_web_font_subset_is_deterministic_and_keyed_by_its_inputs(tmp_path, monkeypatch):
    from zhpolicy.teaching.fonts import bundled_font_path, covers, missing_glyphs
    from zhpolicy.teaching.webfonts import _build_subset, subset_font

    monkeypatch.setenv("ZHPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    first = subset_font(tmp_path / "a", characters="推动科技创新abc")
    cached = subset_font(tmp_path / "b", characters="推动科技创新abc")
    assert cached.name == first.name and cached.read_bytes() == first.read_bytes()
    _build_subset(bundled_font_path(), sorted(map(ord, "推动科技创新abc")), tmp_path / "again.woff2")
    assert (tmp_path / "again.woff2").read_bytes() == first.read_bytes(), "a rebuild must give the same bytes"
    assert covers(first, "推动科技创新abc") and missing_glyphs(first, "融") == ["融"]
    wider = subset_font(tmp_path / "a", characters="推动科技创新abc融")
    assert wider.name != first.name and not first.exists(), "new inputs, new name; the old subset is removed"


def test_unicode_range_merges_runs():
    from zhpolicy.teaching.webfonts import CJK_RANGES, routed_codepoints, unicode_range

    assert unicode_range([0x4E01, 0x4E00, 0x4E03, 0x1F4A1]) == "U+4E00-4E01, U+4E03, U+1F4A1"
    routed = set(routed_codepoints({0x41, 0x2192, 0x2500}))
    assert 0x2192 in routed and 0x41 not in routed and 0x2500 not in routed, "Latin and box drawing stay local"
    assert all(cp in routed for low, high in CJK_RANGES for cp in (low, high))
