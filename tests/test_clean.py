import unicodedata

import pytest

from zhpolicy.reading import clean
from zhpolicy.reading.clean import (
    cleaning_audit,
    cleaning_summary,
    drop_repeated_lines,
    drop_truncated_teaser,
    normalize_whitespace,
    rejoin_broken_lines,
    strip_boilerplate,
    unify_punctuation,
)


def test_normalize_whitespace():
    raw = "\u3000\u3000第一段，有全角空格。\r\n\r\n  第二段\u00a0有\t不间断空格。 \r第三段\u200b。\n\n\n"
    assert normalize_whitespace(raw) == "第一段，有全角空格。\n第二段 有 不间断空格。\n第三段。"


def test_unify_punctuation_goes_to_full_width_next_to_chinese():
    assert unify_punctuation("推动,融合;发展:创新(一)好?是!") == "推动，融合；发展：创新（一）好？是！"
    # Chinese punctuation that NFKC would damage stays full-width
    assert unify_punctuation("，；：（）。、“”") == "，；：（）。、“”"
    assert unicodedata.normalize("NFKC", "，；：（）") == ",;:()"  # the trap we avoid


def test_unify_punctuation_keeps_numbers_and_latin_half_width():
    assert unify_punctuation("３．６万亿元，增长２３．４％") == "3.6万亿元，增长23.4%"
    assert unify_punctuation("共1,000件，10:30开会") == "共1,000件，10:30开会"
    assert unify_punctuation("见文献［１］。") == "见文献[1]。"
    assert unify_punctuation("Hello, world") == "Hello, world"
    assert unify_punctuation("机制: 建立") == "机制：建立"
    assert unify_punctuation("(WEF)发布") == "（WEF）发布"


def test_small_form_variants_read_as_the_usual_marks():
    # some Hong Kong pages print the decimal point as a small full stop (U+FE52) and commas as small commas
    assert unify_punctuation("按年上升1﹒1%﹐较上月跌0﹒7﹪﹒") == "按年上升1.1%，较上月跌0.7%。"
    assert unify_punctuation(unify_punctuation("上升0﹒9%")) == "上升0.9%"


@pytest.mark.parametrize(
    "line, kept",
    [
        ("范文网 028GTXX.CN\n正文。", "正文。"),
        ("[bookmark: _Toc1]统筹推进科技创新", "统筹推进科技创新"),
        ("最后一句。（下转第9版）", "最后一句。"),
        ("□ 阴和俊\n正文。", "阴和俊\n正文。"),
        ("【中图分类号】G322【文献标识码】A\n正文。", "正文。"),
        ("正文。\n责编：石 晶/美编：石 玉", "正文。"),
        ("元描述：深入探讨……\n正文。", "正文。"),
        ("来源：网络 作者：落梅无痕 更新时间：2025-12-19\n正文。", "正文。"),
    ],
)
def test_strip_boilerplate(line, kept):
    assert strip_boilerplate(line) == kept


def test_strip_boilerplate_leaves_ordinary_text_alone():
    text = "习近平总书记指出，“科技创新是核心要素”[1]。\n关键词：科技创新 产业创新"
    assert strip_boilerplate(text) == text


def test_drop_truncated_teaser_removes_a_near_copy_only():
    body = "2025年底召开的中央经济工作会议将“以科技创新引领现代化产业体系建设”列为九项重点任务之首。"
    teaser = "2024年底召开的中央经济工作会议将“以科技创新引领现代化产业体系建设”列为九项..."
    assert drop_truncated_teaser(f"{teaser}\n{body}") == body
    other = "这是一段完全不同的文字，作者在这里故意省略了后面的部分……"
    assert drop_truncated_teaser(f"{other}\n{body}") == f"{other}\n{body}"


def test_drop_repeated_lines():
    assert drop_repeated_lines("标题\n标题\n正文。\n正文。") == "标题\n正文。"


def test_rejoin_broken_lines():
    assert rejoin_broken_lines("由2025年的324.7万人年提高到2025年的635.4\n万人年，稳居世界首位。") == (
        "由2025年的324.7万人年提高到2025年的635.4万人年，稳居世界首位。"
    )
    assert rejoin_broken_lines("国际经验表明，随着一个国家进入工业化后期，科技创\n新取代土地。") == (
        "国际经验表明，随着一个国家进入工业化后期，科技创新取代土地。"
    )
    # a heading (short, no comma) is not joined to the text under it
    assert rejoin_broken_lines("科技创新是高质量发展主引擎\n当前，新一轮科技革命加速演进。") == (
        "科技创新是高质量发展主引擎\n当前，新一轮科技革命加速演进。"
    )
    # nor is a finished sentence, nor a line followed by an outline item
    assert rejoin_broken_lines("第一句结束了。\n第二句。") == "第一句结束了。\n第二句。"
    assert rejoin_broken_lines("包括以下方面，例如\n（一）第一项") == "包括以下方面，例如\n（一）第一项"


def test_seed_artefacts_are_repaired(texts):
    assert "635.4万人年" in texts["001"]
    assert "24590.7亿元" in texts["001"]
    assert "科技创新取代土地" in texts["001"]
    assert "实现更多技术革命性突破" in texts["000"]
    assert "国际专利申请量" in texts["000"]
    assert "以下几个方面" in texts["000"]
    for junk in ["028GTXX", "bookmark", "下转第9版", "□", "中图分类号", "责编", "美编", "元描述", "更新时间", "..."]:
        assert all(junk not in t for t in texts.values()), junk
    assert texts["001"].count("2024年底召开") == 0  # the teaser is gone, the body stays
    assert texts["001"].count("2025年底召开") == 1
    assert "[1]" in texts["002"] and "[10]" in texts["002"]
    assert all("\u3000" not in t and "\r" not in t and "\n\n" not in t for t in texts.values())


def test_cleaning_is_idempotent(corpus):
    for text in corpus["text"]:
        assert clean.clean_text(text) == text


def test_audit_counts_what_each_step_did(corpus):
    audit = cleaning_audit(corpus)
    assert len(audit) == len(corpus) * len(clean.CLEANING_STEPS)
    table = cleaning_summary(audit)
    assert list(table.index) == [s.__name__ for s in clean.CLEANING_STEPS]
    assert table.loc["rejoin_broken_lines", "001_effeab6a5a37e459"] == 3
    assert table.loc["rejoin_broken_lines", "000_9f4c6a053cd126f6"] == 3
    assert table.loc["drop_truncated_teaser", "001_effeab6a5a37e459"] == 1
    assert table.loc["strip_boilerplate", "003_dd093aed7fc08f9e"] == 0
    # the audit replays the same pipeline: its last text is the corpus text
    last = audit.groupby("doc_id")["chars_after"].last()
    assert (last.values == corpus["text"].str.len().values).all()


@pytest.mark.parametrize("text", ["((-责编)</p>", "责编(#,) ", "(【1),", "科技创新(a)\u3000)", "(#，#\n)来源：", "，(\n-),",
                                  "<p>(,-</p>）"])
def test_cleaning_twice_changes_nothing_when_marks_turn_full_width_in_turn(text):
    once = clean.clean_text(text)
    assert clean.clean_text(once) == once
