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


def test_a_years_work_report_tells_the_results_of_the_year_before():
    from .test_stats_round8 import _titled
    t = _titled("2026年青海省政府工作报告", "一般公共预算支出2164.2亿元，一产增加值增长5.5%。今年将新建高标准农田60万亩。")
    assert t.loc["2164.2亿元", "year"] == "2025" and t.loc["2164.2亿元", "year_source"] == "title"
    assert t.loc["增长5.5%", "year"] == "2025"


def test_a_span_since_a_year_does_not_date_the_figures_before_it():
    t = _table("全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，经济增速2022年以来保持在全国前列。")
    assert t.loc["达到13697.5亿元", "year"] != "2022"
    assert t.loc["9323.1亿元", "year"] == "2020" and t.loc["9323.1亿元", "year_source"] == "compared"


def test_a_level_measured_against_a_base_year_is_of_its_own_year():
    t = _table("2023年第3季入境旅客人次按年增长8.2倍至828.2万，相当于2019年同期数字的83.5%，整体经济回复至2019年同期的77.4%。")
    assert t.loc["83.5%", "year"] == "2023" and t.loc["77.4%", "year"] == "2023"
    assert t.loc["77.4%", "kind"] == "achieved"  # 回复至2019年 is no deadline


def test_a_span_of_fiscal_years_dates_by_its_first_and_last_year():
    t = _table("在2019/20至2023/24年度的五年内，公营房屋总建屋量合共约为10.04万个单位。", "2024-02-28")
    assert t.loc["约为10.04万个", "year"] == "2019-2024"
    t = _table("在2026/27年度起的五年，公营房屋建屋量将达18.9万个。", "2025-09-17")
    assert t.loc["达18.9万个", "year"] == "2030-2031"  # a target: the span's last fiscal year


def test_the_growth_rate_after_a_planned_lines_difference_is_plan():
    t = _table("岁入预算编列304.42亿元，较114年度法定预算数279.61亿元，增加24.81亿元，增幅8.87%。", "2025-11-11")
    assert t.loc["8.87%", "kind"] == "plan"


def test_an_undated_bill_dates_its_past_figures_as_results():
    text = ("主计总处113年度预算案编列62万8千元，办理地方预算业务。惟查111年度各市县自筹财源占岁出比例平均数为52.2%。")
    t = _table(text)
    assert t.loc["52.2%", "kind"] == "achieved" and t.loc["52.2%", "year"] == "2022"


@pytest.mark.parametrize("sentence, surface, unit", [
    ("2023年全省实现GDP超3.2万亿，增长5.0%。", "超3.2万亿", "元"),  # an output value is money
    ("全年帮助924万农民工返岗。", "924万", "人"),  # the noun after the number
    ("机场旅客吞吐量突破200万大关。", "突破200万", "人次"),  # the noun before it in its clause
    ("地区人口规模超过1亿。", "超过1亿", "人"),
    ("全年的人均本地生产总值为55.9万澳门元。", "55.9万澳门元", "澳门元"),
    ("政府已觅得135幅用地。", "135幅", "幅"),
])
def test_units_a_reader_supplies(sentence, surface, unit):
    assert _table(sentence).loc[surface, "unit"] == unit


def test_a_number_of_wan_with_no_counted_noun_keeps_no_unit():
    t = _table("全市新增市场主体达到5万。")
    assert t.iloc[0]["unit"] == ""


def test_a_councils_cut_to_a_budget_is_a_comparison():
    t = _table("高雄市115年度岁入预算删减7529万7千元，岁出预算删减1亿9867万3千元。", "2026-02-06")
    assert set(t["kind"]) == {"comparison"}


def test_a_subsidy_paid_to_lower_governments_is_a_budget_line_not_a_parameter():
    t = _table("2023年市本级一般公共预算收入938.4亿元，增长2.1%，完成预算的100%，加上上级补助收入646亿元，"
               "减去补助区级支出812亿元。", "2024-01-10")
    assert t.loc["812亿元", "kind"] == "achieved" and t.loc["938.4亿元", "kind"] == "achieved"


def test_an_estimate_for_a_year_just_past_is_a_result():
    t = _table("报告指出，刚刚过去的2022年，预计全省生产总值增长3.5%左右，固定资产投资增长9%左右。")
    assert t.loc["增长3.5%左右", "kind"] == "achieved" and t.loc["增长3.5%左右", "year"] == "2022"


def test_a_speechs_salutation_does_not_hide_the_year_that_leads_its_paragraph():
    text = ("各位代表！刚刚过去的2025年，是全省发展具有重要意义的一年。完成地区生产总值32765亿元、增长4.1%。\n"
            "（一）经济运行顶住压力、稳中有进。\n向民间资本推介项目325个、总投资近2400亿元。")
    t = _table(text, "2026-02-03")
    assert t.loc["325个", "year"] == "2025" and t.loc["325个", "year_source"] == "scope"


def test_a_hong_kong_decimal_written_with_a_small_full_stop():
    import zhpolicy as zp
    t = _table(zp.clean_text("12月零售业总销货量按年跌0﹒7%，比11月修订后跌5﹒3%为佳。"), "2023-02-03")  # as read
    assert set(t["value"]) == {0.7, 5.3}


def test_a_measured_time_is_a_statistic_a_span_of_the_story_is_not():
    t = _table("上任时公屋轮候时间为6.1年，现已减少约9个半月。审批时限压缩至3个工作日，平均办理时间缩短一年半。"
               "工业连续8个月保持增长，35年来成绩显著，力争3年内建成，提前一年完成规划目标。", "2025-07-01")
    assert t.loc["6.1年", "value"] == 6.1 and t.loc["6.1年", "unit"] == "年"
    assert t.loc["约9个半月", "value"] == 9.5 and t.loc["约9个半月", "unit"] == "月"
    assert t.loc["约9个半月", "kind"] == "comparison"
    assert t.loc["3个工作日", "unit"] == "工作日" and t.loc["一年半", "value"] == 1.5
    assert not set(t.index) & {"8个", "8个月", "35年", "3年", "一年"}


def test_taiwans_kilowatt_character():
    t = _table("今年预计新增燃气机组逾331万瓩。", "2025-09-01")
    assert t.iloc[0]["value"] == 3310000 and t.iloc[0]["unit"] == "千瓦"


def test_what_a_work_report_proposes_is_a_goal_of_its_own_year():
    from .test_stats_round8 import _titled
    t = _titled("北京2026年政府工作报告", "在京津冀协同发展方面，政府工作报告提出，疏解提质一般制造业企业80家。")
    assert t.loc["80家", "kind"] == "target" and t.loc["80家", "year"] == "2026"


def test_chinese_digit_runs_and_round_tens_with_a_unit():
    t = _table("岁出增加十八亿九○七五万五千元，岁入增加十亿元，实施百万人才计划。", "2025-10-01")
    assert t.loc["十八亿九○七五万五千元", "value"] == 1_890_755_000  # the 五 of 九○七五 is not counted twice
    assert t.loc["十亿元", "value"] == 1_000_000_000  # a round ten with its unit is a figure
    assert "百万" not in "".join(t.index)  # 百万人才计划 names a programme


def test_bare_yuan_in_a_hong_kong_or_macau_text_is_the_local_dollar():
    t = _table("澳门特区政府公布，澳门今年前3季的本地生产毛额为3013.3亿元（约新台币1.17兆元）。澳门向每名永久居民发放1万元。",
               "2025-11-18")
    assert t.loc["3013.3亿元", "unit"] == "澳门元" and t.loc["1万元", "unit"] == "澳门元"
    assert t.loc["1.17兆元", "unit"] == "元"  # another currency named before it
    hk = _table("财政司司长表示，本港今年财政赤字约为1000亿元，香港特区政府将发行绿色债券。", "2025-02-20")
    assert hk.iloc[0]["unit"] == "港元"
    mainland = _table("内地与香港的贸易额为1000亿元，香港居民在内地消费200亿元。", "2025-11-18")
    assert set(mainland["unit"]) == {"元"}  # no word that only such texts use


def test_a_span_of_months_in_chinese_digits_and_a_two_year_average():
    t = _table("失业人数由二零二二年十二月至二零二三年二月的11.2万人上升。", "2023-03-16")
    assert t.loc["11.2万人", "year"] == "2022-2023"
    t = _table("1-11月，工业增加值同比增长6.8%，两年平均增长7.0%。", "2021-12-20")
    assert t.loc["增长7.0%", "year"] == "2020-2021" and t.loc["同比增长6.8%", "year"] == "2021"
