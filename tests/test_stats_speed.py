"""The shortcuts that make the statistics extractor fast change nothing: each quick test
(skip a sentence, try fewer units, group the cue words) gives what the full rules give."""

import random
import re

import pandas as pd
import pytest

from zhpolicy.extraction.stats import figures, kinds, table, years
from zhpolicy.numbers import UNIT_TABLE, _UNIT_NOT_BEFORE, unit_at
from zhpolicy.extraction.stats import extract_statistics
from zhpolicy.extraction.stats.table import MAX_SENTENCE_CHARS
from zhpolicy.reading.structure import sentences

#: Pieces that figures, years and their near misses are made of.
PIECES = [
    "2024年", "2019-2023年", "二〇二三年", "3月30日", "十四五", "“十三五”时期", "今年", "上半年", "同比", "去年",
    "1", "23", "3.6", "1,234", "０５", "一", "两", "三", "十", "百", "千", "万", "亿", "万亿", "千亿", "多", "余",
    "%", "‰", "个百分点", "元", "美元", "人", "个人", "家", "家庭", "亩", "吨", "/吨", "千瓦时", "GW", "5G", "C919",
    "倍", "成", "成为", "番", "翻一番", "第", "第3", "首位", "榜首", "强", "前", "位", "名", "分之", "百分之",
    "突破", "超过", "达到", "近", "上", "约", "左右", "以上", "至", "—", "-", "/", " ", "<", "≥", "《", "》",
    "[1]", "据", "数据显示", "表示，", "全国", "全球", "排名", "位居", "分别", "和", "增长", "下降", "到", "提高到",
    "目标", "力争", "，", "。", "；", "：", "（", "）", "企业", "工程", "计划", "级", "以下企业", "号", "9:30",
    "世界", "第一", "第十", "居", "连续多年", "五强", "前十名", "稳居", "荣登", "进入", "百强", "翻两番", "三分之一",
    "上万人", "逾千家", "进入全国十强", "跻身全球百强", "前 三位", "全国前十名", "三 万亿元", "五　亿",
    "并列第二", "、", "目前", "至今", "上一年", "当年", "5年内", "●", "人年", "年度", "日元", "元旦",
    "兆", "兆元", "点", "零点五七", "一点七四", "二四点零七", "-", "率-", "GDP", "GDP7", "PM2.5", "EFLOPS", "PFLOPS",
    "EB", "微克/立方米", "/百", "个月", "个多小时", "方阵", "次", "争", "4万951", "二兆六百", "千亿", "3千亿元",
]


def made_up_sentences(n: int, seed: int, digits: bool = True) -> list[str]:
    """Random strings of the pieces above (fixed seed): odd, but full of edge cases."""
    rng = random.Random(seed)
    pieces = [p for p in PIECES if digits or not any(ch.isdigit() for ch in p)]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.fixture(scope="module")
def seed_sentences(corpus):
    return sorted(set(sentences(corpus)["text"]))


def test_skipping_sentences_changes_no_figure(monkeypatch, seed_sentences):
    texts = seed_sentences + made_up_sentences(2000, seed=1) + made_up_sentences(2000, seed=4, digits=False)
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts,
                          "date": ["2025-06-30"] * len(texts)})
    # the same sentences again, several to a document and paragraph
    grouped = ["。".join(texts[i:i + 7]) + "。\n" + "；".join(texts[i + 7:i + 12]) for i in range(0, len(texts), 12)]
    frame = pd.concat([frame, pd.DataFrame({"doc_id": [f"g{i}" for i in range(len(grouped))], "text": grouped,
                                            "date": ["2025-06-30"] * len(grouped)})], ignore_index=True)
    fast = extract_statistics(frame)
    monkeypatch.setattr(table, "_may_hold_figure", lambda sentence: True)
    monkeypatch.setattr(table, "_ANY_FIGURE_PIECE", re.compile(""))
    monkeypatch.setattr(years, "_may_name_year", lambda sentence: True)
    monkeypatch.setattr(figures, "_RANK_PIECE", re.compile(""))
    monkeypatch.setattr(figures, "_CHINESE_PIECE", re.compile(""))
    monkeypatch.setattr(figures, "_RANK_HINT", re.compile(""))
    monkeypatch.setattr(figures, "_CN_QUANTITY_HINT", re.compile(""))
    full = extract_statistics(frame)
    assert len(fast) > 1000
    pd.testing.assert_frame_equal(fast, full)


def test_the_quick_tests_really_skip_sentences():
    assert not table._may_hold_figure("坚持创新驱动，形成良性循环。")
    assert not table._may_hold_figure("部分企业成为行业龙头。")  # 分, 成 but no figure can match
    assert table._may_hold_figure("增长了两成。")
    assert not years._may_name_year("推动科技创新和产业创新深度融合。")
    assert years._may_name_year("去年增长较快。")


def unit_trying_every_unit(text: str, pos: int) -> str:
    """unit_at as the rule reads: every unit of units.tsv in turn, longest first."""
    for unit in UNIT_TABLE:
        if text.startswith(unit, pos):
            if any(text.startswith(w, pos + len(unit)) for w in _UNIT_NOT_BEFORE[unit]):
                continue
            return unit
    return ""


def test_unit_lookup_by_first_character_equals_trying_every_unit(seed_sentences):
    """At every position of made-up sentences, and after every digit of the seeds."""
    places = [(text, pos) for text in made_up_sentences(300, seed=2) for pos in range(len(text) + 1)]
    places += [(text, pos + 1) for text in seed_sentences for pos, ch in enumerate(text) if ch.isdigit()]
    assert len(places) > 5000
    assert sum(unit_trying_every_unit(text, pos) != "" for text, pos in places) > 500
    for text, pos in places:
        assert unit_at(text, pos) == unit_trying_every_unit(text, pos), (text, pos)
        assert unit_at(text, pos, UNIT_TABLE) == unit_trying_every_unit(text, pos), (text, pos)


@pytest.mark.parametrize("limit", [None, 8])
def test_grouped_cue_test_equals_trying_every_cue(limit):
    rng = random.Random(3)
    cues = [cue for _, _, cue in kinds.kind_cues()]
    texts = ["".join(rng.choice(cues + PIECES) for _ in range(rng.randint(0, 6))) for _ in range(2000)]
    for kind in ("comparison", "plan", "target", "achieved"):
        for _, any_cue, kind_cues in kinds._cue_tests(kind):
            for text in texts:
                expected = any(kinds._cue_before(text, cue, limit) for cue in kind_cues)
                assert kinds._any_cue_before(text, any_cue, kind_cues, limit) == expected, (kind, text)


def test_cue_positions_found_once_per_sentence_equal_trying_every_cue():
    """figure_kind compares a figure's window with the cue occurrences of its sentence, found once:
    the same cue as looking for each cue, in file order, in the window's text."""
    rng = random.Random(6)
    cues = [cue for _, _, cue in kinds.kind_cues()]
    for _ in range(1500):
        sentence = "".join(rng.choice(cues + PIECES) for _ in range(rng.randint(0, 8)))
        occurrences = kinds._cue_occurrences(sentence)
        for (kind, scope), (_, scope_cues) in kinds._cue_table().items():
            for start, end in [(0, len(sentence)), (len(sentence) // 3, len(sentence)), (0, len(sentence) // 2)]:
                for limit in (None, 2, 8):
                    text = sentence[start:end]
                    expected = next((c for c in scope_cues if _counted_cue_before(sentence, start, end, c, limit, (kind, scope))), "")
                    got = kinds._cue_in_window(occurrences.get((kind, scope), ()), start, end, limit)
                    assert got == expected, (sentence, kind, scope, start, end, limit)


def _counted_cue_before(sentence, start, end, cue, limit, key):
    """kinds._cue_before on sentence[start:end], but a parameter cue naming a budget line (补助收入, 中央补助)
    does not count."""
    text = sentence[start:end]
    if key != ("plan", "parameter"):
        return kinds._cue_before(text, cue, limit)
    before, after = kinds._budget_line_words()
    ends = [p + len(cue) for p in range(len(text)) if text.startswith(cue, p)
            and not sentence.startswith(after, start + p + len(cue)) and not sentence[:start + p].endswith(before)]
    return bool(ends) and (limit is None or len(text) - max(ends) <= limit)


def test_clause_start_is_just_after_the_last_clause_mark():
    def walking_back(sentence, pos):
        while pos > 0 and sentence[pos - 1] not in "，,；;：:。！？!?":
            pos -= 1
        return pos

    for sentence in made_up_sentences(300, seed=5):
        for pos in range(len(sentence) + 1):
            assert figures._clause_start(sentence, pos) == walking_back(sentence, pos), (sentence, pos)


def test_a_sentence_whose_only_figure_is_a_rank_is_read():
    """前十名 / 五强 alone once fell through the first quick test (no digit, no 第)."""
    assert list(extract_statistics("我省位居全国前十名。")["surface"]) == ["前十名"]
    assert list(extract_statistics("综合实力进入全国五强。")["surface"]) == ["进入全国五强"]


def test_a_long_line_without_a_full_stop_is_read_in_pieces():
    """A table or list run together without a 。 (here 56,000 characters) is read in pieces of at
    most MAX_SENTENCE_CHARS, cut at a clause mark or a space: every figure is still found whole,
    and the rows do not repeat the whole line (which made the time and memory grow with its square)."""
    cell = "2023年产值12.5亿元，增长13.1%，企业25家 "
    found = extract_statistics(cell * 2000)
    assert len(found) == 3 * 2000
    assert found["sentence"].str.len().max() <= MAX_SENTENCE_CHARS
    assert sorted(set(found["value"])) == [13.1, 25, 1.25e9] and set(found["year"]) == {"2023"}
    digits = ("12345678 " * 400).strip() + "万元"  # no mark or space near the cap: a number is not split
    assert list(extract_statistics(digits)["surface"]) == ["12345678万元"]


def test_the_paragraph_year_is_looked_up_only_when_a_figure_needs_it():
    """Sentences without figures are read for years only when a later sentence of the paragraph
    has a figure: the latest year that opened one of them still carries (and a new one replaces it)."""
    text = ("2023年，全市经济稳中向好。结构持续优化。新动能加快成长。规上工业增加值增长6.5%。"
            "2024年，形势更加复杂。各方面共同努力。投资增长3.1%。\n结构优化。出口增长2.0%。")
    found = extract_statistics(text)
    assert list(found["year"]) == ["2023", "2024", "2024"]  # the last carries on as a scope
    assert list(found["year_source"]) == ["paragraph", "paragraph", "scope"]
