"""One definition of units and magnitudes (data/units.tsv, data/magnitudes.tsv), read by the
tokenizer's number pattern and by the statistics alike."""

import re

import pytest

from zhpolicy import extract_statistics, tokenize
from zhpolicy.analysis import tokenizers
from zhpolicy.numbers import MAGNITUDES, NUMBER, TIME_WORDS, UNIT_TABLE, read_rule_table, trie_pattern, unit_at


@pytest.mark.parametrize("text, whole", [
    ("粮食产量稳定在1.4万亿斤以上。", "1.4万亿斤"),
    ("集装箱吞吐量达到3.6万标准箱。", "3.6万标准箱"),
    ("实际使用外资12.5亿美元。", "12.5亿美元"),
    ("算力总规模达到230EFLOPS。", "230EFLOPS"),
    ("细颗粒物浓度降至28微克/立方米。", "28微克/立方米"),
    ("全省完成投资3千亿元。", "3千亿元"),
    ("去年GDP为4.72兆元。", "4.72兆元"),
])
def test_the_tokenizer_keeps_every_unit_of_the_units_file_whole(text, whole):
    assert whole in tokenize(text)
    row = extract_statistics(text).iloc[0]
    assert whole in row["surface"]


def test_units_come_from_the_units_file_alone():
    units = {r["unit"] for r in read_rule_table("units.tsv")}
    assert set(UNIT_TABLE) == units
    assert not units & set(TIME_WORDS)  # 年/月/日 are never units
    for unit in units:
        m = NUMBER.fullmatch("12" + unit)
        assert m is not None, unit
    # a time word stays with its number in the tokenizer, but is not a unit for the statistics
    assert "2024年" in tokenize("2024年全省经济稳中有进。")
    assert extract_statistics("2024年全省经济稳中有进。").empty


def test_magnitudes_are_defined_once():
    assert MAGNITUDES == {r["magnitude"]: 10 ** int(r["power"]) for r in read_rule_table("magnitudes.tsv")}
    from zhpolicy.extraction.stats import figures

    assert figures.MAGNITUDE_VALUES is MAGNITUDES
    for word, value in MAGNITUDES.items():
        assert NUMBER.fullmatch(f"3{word}元"), word
        assert extract_statistics(f"全年投资3{word}元。").iloc[0]["value"] == 3 * value
    # 千 before 瓦 and 兆 before 瓦 are units, not magnitudes
    assert extract_statistics("装机容量5千瓦。").iloc[0][["value", "unit"]].tolist() == [5, "千瓦"]
    assert extract_statistics("装机容量5兆瓦。").iloc[0][["value", "unit"]].tolist() == [5000, "千瓦"]


@pytest.mark.parametrize("text, surface, unit, rest", [
    ("完成110万人年度任务。", "110万人", "人", "年度"),       # 人年 must not swallow 年度
    ("投入研发人员635.4万人年，增长5%。", "635.4万人年", "人年", None),
    ("新增就业3个人。", None, None, None),                   # 个人 is a word, not 个 + 人
    ("新设2部门。", None, None, None),
    ("1月1日元旦放假。", None, None, None),                   # 日元 must not swallow 元旦
])
def test_a_unit_does_not_swallow_the_start_of_the_next_word(text, surface, unit, rest):
    found = extract_statistics(text)
    if surface is None:
        assert found.empty, list(found["surface"])
    else:
        assert found.iloc[0]["surface"] == surface and found.iloc[0]["unit"] == unit
    words = tokenize(text)
    if rest:
        assert surface in words and rest in "".join(words[words.index(surface) + 1:])


def test_unit_at_follows_the_not_before_column():
    assert unit_at("110万人年度任务", 4) == "人"
    assert unit_at("635.4万人年，", 6) == "人年"
    assert unit_at("3个人", 1) == ""
    assert unit_at("3个百分点", 1) == "个百分点"


def test_trie_pattern_tries_longest_first_and_falls_back():
    pattern = re.compile(trie_pattern({"人年": ("度",), "人次": (), "人": ("才",)}))
    assert pattern.match("人年底").group(0) == "人年"
    assert pattern.match("人年度").group(0) == "人"
    assert pattern.match("人次").group(0) == "人次"
    assert pattern.match("人才") is None


def test_the_cache_key_changes_with_the_number_pattern(monkeypatch):
    before = tokenizers._config_hash(True, "jieba", tokenizers.data_path)
    monkeypatch.setattr(tokenizers, "_PROTECTED", re.compile(tokenizers._PROTECTED.pattern + "|万标准箱"))
    tokenizers._config_hash.cache_clear()
    try:
        assert tokenizers._config_hash(True, "jieba", tokenizers.data_path) != before
    finally:
        monkeypatch.undo()
        tokenizers._config_hash.cache_clear()
    assert tokenizers._config_hash(True, "jieba", tokenizers.data_path) == before
