"""Figures, years and kinds after statistics rounds 18-19 (written examples, never the real texts): 成 as tens of
per cent, a change followed by the level it reached (减少约1,500人至3,830,100人), 个 before a listed 个百分点, a
period of months across two years, a fall to a period (下跌至2023年1月至3月的…) and policy packages named by
their count (“21条”)."""

import pandas as pd
import pytest

from .test_stats_round8 import _table


@pytest.mark.parametrize("sentence, surface, value", [
    ("2024年第三产业比重近七成。", "近七成", 70.0),
    ("增幅逾7成。", "逾7成", 70.0),
    ("九成地区实现增长。", "九成", 90.0),
])
def test_tenths_are_per_cent(sentence, surface, value):
    t = _table(sentence)
    assert t.loc[surface, "value"] == value and t.loc[surface, "unit"] == "%"


def test_a_change_then_the_level_it_reached_is_two_figures_not_a_range():
    t = _table("同期的总劳动人口减少约1,500人至3,830,100人。失业人数增加约4,600人至155,600人。", "2025-11-18")
    assert t.loc["约1,500人", "value"] == 1500 and pd.isna(t.loc["约1,500人", "value_high"])
    assert t.loc["约1,500人", "kind"] == "comparison"
    assert t.loc["3,830,100人", "value"] == 3830100 and t.loc["3,830,100人", "kind"] == "achieved"
    assert "155,600人" in t.index


def test_a_growth_range_stays_a_range():
    t = _table("预计2026年增长5%至6%。")
    assert len(t) == 1 and t.iloc[0]["value"] == 5 and t.iloc[0]["value_high"] == 6


@pytest.mark.parametrize("sentence, first", [
    ("两项比重比2013年分别提高2.1个和7.0个百分点。", "2.1个"),
    ("平均数分别下降3.3个及1.6个百分点。", "下降3.3个"),
])
def test_a_count_listed_before_percentage_points_is_in_points(sentence, first):
    assert _table(sentence).loc[first, "unit"] == "个百分点"


def test_a_period_of_months_across_two_years_is_dated_by_both():
    t = _table("就业不足率亦由2022年12月至2023年2月的1.3%下跌至2023年1月至3月的1.2%。", "2023-04-24")
    assert t.loc["1.3%", "year"] == "2022-2023"
    assert t.loc["1.2%", "year"] == "2023" and t.loc["1.2%", "kind"] == "achieved"  # a fall to a period, no deadline


def test_policy_packages_named_by_their_count_are_no_statistics():
    t = _table("出台稳增长“21条”“18条”等政策，落实推动创新创业高质量发展20条措施，新增就业12万人。")
    assert list(t.index) == ["12万人"]
