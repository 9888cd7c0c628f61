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
