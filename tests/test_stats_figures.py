"""Number forms and units of the statistics extractor, one written sentence per family (issue 24's
"Not statistics, and units"): computing and data units with their scale, compound units, negative
figures, numbers written across a magnitude (4万951美元), Taiwan's 兆 and Chinese-numeral decimals,
amounts written digit by digit (三○○○元), a currency named before the number (港币500万元),
acronyms written against a number; and what is not a statistic: durations, slogans, tiers,
ordinals and the sides of a ratio."""

import math

import pytest

from zhpolicy.extraction.stats import extract_statistics
from zhpolicy.numbers import read_rule_table


def only(sentence: str):
    table = extract_statistics(sentence)
    assert len(table) == 1, list(table["surface"])
    return table.iloc[0]


@pytest.mark.parametrize("sentence, surface, value, unit", [
    ("智能算力规模达到788EFLOPS。", "达到788EFLOPS", 788, "EFLOPS"),
    ("新建智算中心算力规模超2000PFLOPS。", "超2000PFLOPS", 2, "EFLOPS"),
    ("全国计算能力总量已超过140EFlops。", "超过140EFlops", 140, "EFLOPS"),
    ("存力总规模超过1680EB。", "超过1680EB", 1680, "EB"),
    ("新增存储容量300PB。", "300PB", 0.3, "EB"),
    ("骨干网带宽提升到400Gbps。", "400Gbps", 400, "Gbps"),
    ("细颗粒物平均浓度降至29微克/立方米。", "29微克/立方米", 29, "微克/立方米"),
    ("港口集装箱吞吐量达到3000万标准箱。", "达到3000万标准箱", 3e7, "标准箱"),
    ("新增风电装机12GW。", "12GW", 1.2e7, "千瓦"),
    ("新增光伏装机100GW。", "100GW", 1e8, "千瓦"),
    ("单位能耗0.45吨标准煤/万元。", "0.45吨标准煤/万元", 0.45, "吨标准煤/万元"),
    ("平均上网电价0.38元/千瓦时。", "0.38元/千瓦时", 0.38, "元/千瓦时"),
    ("人均预期寿命达到78.6岁。", "达到78.6岁", 78.6, "岁"),
    ("入选全国百强榜4席。", "4席", 4, "席"),
    ("国家枢纽节点间时延降低到20毫秒以内。", "20毫秒以内", 20, "毫秒"),
    ("铁路网密度达到507公里/万平方公里。", "达到507公里/万平方公里", 507, "公里/万平方公里"),
    ("高速公路密度达到5公里/百平方公里。", "达到5公里/百平方公里", 5, "公里/百平方公里"),
    # signs, numbers written across a magnitude, Taiwan's 兆, Chinese-numeral decimals, acronyms
    ("全县人口自然增长率-1.16‰。", "-1.16‰", -1.16, "‰"),
    ("工业品出厂价格涨幅为-2.5%。", "-2.5%", -2.5, "%"),
    ("预计每人GDP为4万951美元。", "4万951美元", 40951, "美元"),
    ("去年上海实现了4.72兆元的GDP总量。", "4.72兆元", 4.72e12, "元"),
    ("力争到2027年旅游收入突破兆元。", "突破兆元", 1e12, "元"),
    ("全年民间投资金额可望达到二兆六百六十七亿元。", "达到二兆六百六十七亿元", 2.0667e12, "元"),
    ("政府投入3千亿元扩大内需。", "3千亿元", 3e11, "元"),
    ("今年经济成长率下修至百分之一点七四。", "百分之一点七四", 1.74, "%"),
    ("较上年增加达百分之二四点零七。", "达百分之二四点零七", 24.07, "%"),
    ("大幅下修零点五七个百分点。", "零点五七个百分点", 0.57, "个百分点"),
    ("季增长率上调○点三八个百分点。", "○点三八个百分点", 0.38, "个百分点"),  # ○ (U+25CB) as a zero
    ("前年外销为四百廿六亿美元。", "四百廿六亿美元", 4.26e10, "美元"),  # 廿 = 20, 卅 = 30
    ("机械出口成长至一千卅二亿美元。", "一千卅二亿美元", 1.032e11, "美元"),
    ("人均收入增长超过了GDP7.7%的实际增速。", "7.7%", 7.7, "%"),
    # Taiwan and Hong Kong written forms: digits one by one with a zero sign, a numeral before a magnitude,
    # a currency named before the number, 公尺
    ("每户补助三○○○元。", "三○○○元", 3000, "元"),
    ("预算一二○万元。", "一二○万元", 1_200_000, "元"),
    ("中央补助十三亿元。", "十三亿元", 1_300_000_000, "元"),
    ("每间企业可获港币500万元资助。", "港币500万元", 5_000_000, "港元"),
    ("资助上限为港币100 万元。", "港币100 万元", 1_000_000, "港元"),
    ("补贴超过人民币3000元。", "超过人民币3000元", 3000, "元"),
    ("屋顶面积一○○○平方公尺。", "一○○○平方公尺", 1000, "平方米"),
    ("道路拓宽3.5公尺。", "3.5公尺", 3.5, "米"),
])
def test_number_forms_and_units_with_their_scale(sentence, surface, value, unit):
    assert_figure(sentence, surface, value, unit)


def assert_figure(sentence: str, surface: str, value: float, unit: str) -> None:
    """The sentence holds one figure, with this surface, unit and value (in base units)."""
    row = only(sentence)
    assert (row["surface"], row["unit"]) == (surface, unit)
    assert math.isclose(row["value"], value, rel_tol=1e-9)


def test_a_dash_between_two_figures_is_still_a_range():
    row = only("预期增长5%-6%。")
    assert (row["value"], row["value_high"], row["qualifier"]) == (5, 6, "range")


@pytest.mark.parametrize("text", [
    "规模以上工业增加值连续8个月保持增长。",      # a duration is not a count
    "发布会持续了1个多小时。",
    "经济运行已6个季度蝉联全省第一方阵。",          # nor is a tier a rank
    "改革开放35年来，城乡面貌发生巨变。",
    "全体干部争第一、创唯一，勇当排头兵。",        # a slogan is not a rank
    "2023年全国第五次经济普查结果已经公布。",      # an ordinal is not a rank
    "比赛以3:1获胜，会议于9:30开始。",              # a score and a clock time are no ratios
    "PM2.5浓度持续下降，G20峰会召开。",
    "二〇二五年起实施。",                          # a year, a plan's name and an ordinal in Chinese numerals
    "实施百千万工程。",
    "“十三五”期间。",
    "第十三届运动会。",
])
def test_not_statistics(text):
    assert extract_statistics(text).empty, list(extract_statistics(text)["surface"])


def test_a_target_rank_after_li_zheng_is_kept():
    assert list(extract_statistics("力争进入全国前10位。")["surface"]) == ["前10位"]


def test_every_new_not_statistic_rule_names_its_example():
    names = {r["name"] for r in read_rule_table("stat_not_statistics.tsv")}
    assert {"duration", "slogan_rank", "tier", "ordinal_rank"} <= names


@pytest.mark.parametrize("text, found", [
    ("比全省和全国平均水平分别高0.7、1.4个百分点。", [("0.7", 0.7, "个百分点"), ("1.4个百分点", 1.4, "个百分点")]),
    ("分别高于全国、全省3.5和1.9个百分点。", [("3.5", 3.5, "个百分点"), ("1.9个百分点", 1.9, "个百分点")]),
    ("重庆和云南并列第二。", [("并列第二", 2, "rank")]),
    ("2020、2021年全市增长5%。", [("增长5%", 5, "%")]),
])
def test_a_list_shares_the_unit_of_its_last_item_and_tied_ranks(text, found):
    table = extract_statistics(text)
    assert list(zip(table["surface"], table["value"], table["unit"])) == found


def test_respectively_pairs_only_within_its_clause():
    text = "战略性新兴产业、高新技术产业增加值分别增长10%、7.9%，新能源汽车、集成电路产量分别增长49.8%、11.9%。"
    assert list(extract_statistics(text)["indicator"]) == ["战略性新兴产业", "高新技术产业增加值", "新能源汽车", "集成电路产量"]


@pytest.mark.parametrize("text, surface, value", [
    ("城乡居民收入比为2.73∶1。", "2.73∶1", 2.73),             # a ratio is one figure, its first term (the 1 is none)
    ("补助资金市县按1:1比例承担。", "1:1", 1.0),
    ("三次产业结构调整为22.8:21.2:56.0。", "22.8:21.2:56.0", 22.8),
    ("城乡居民收入比由2.71缩小到2.5。", "2.5", 2.5),           # a ratio's value named without colons
])
def test_ratios_are_one_figure_each(text, surface, value):
    table = extract_statistics(text).set_index("surface")
    assert table.loc[surface, "value"] == value and table.loc[surface, "unit"] == "ratio"
    assert "1" not in table.index
