"""Figures in the written forms of Taiwan and Hong Kong texts: amounts in Chinese numerals written digit
by digit (三○○○元), Chinese numerals with a magnitude (十三亿元), a currency named before the number
(港币500万元), and Taiwan's 公尺."""

import pytest

import zhpolicy as zp


@pytest.mark.parametrize("text, surface, value, unit", [
    ("每户补助三○○○元。", "三○○○元", 3000, "元"),
    ("预算一二○万元。", "一二○万元", 1_200_000, "元"),
    ("中央补助十三亿元。", "十三亿元", 1_300_000_000, "元"),
    ("每间企业可获港币500万元资助。", "港币500万元", 5_000_000, "港元"),
    ("资助上限为港币100 万元。", "港币100 万元", 1_000_000, "港元"),
    ("补贴超过人民币3000元。", "超过人民币3000元", 3000, "元"),
    ("屋顶面积一○○○平方公尺。", "一○○○平方公尺", 1000, "平方米"),
    ("道路拓宽3.5公尺。", "3.5公尺", 3.5, "米"),
])
def test_written_forms_are_read(text, surface, value, unit):
    table = zp.extract_statistics(text)
    assert list(zip(table["surface"], table["value"], table["unit"])) == [(surface, value, unit)]


@pytest.mark.parametrize("text", ["二〇二五年起实施。", "实施百千万工程。", "“十三五”期间。", "第十三届运动会。"])
def test_years_plan_names_and_ordinals_stay_out(text):
    assert zp.extract_statistics(text).empty
