"""Years, kinds and figures after statistics rounds 11-15 (written examples, never the real texts): a release's
reported period, chart captions, ROC years in Chinese digits, the year of the clause before a figure, 当年, last
year's compared value, budget words of change, goal-list leads, work-report headings, a reposted speech's date,
two-year averages, and Chinese-digit decimals and compounds."""

import pandas as pd

import zhpolicy as zp

from .test_stats_round8 import _table


def test_the_period_a_release_reports_on_dates_its_undated_results():
    text = ("上半年全省实现地区生产总值1500.3亿元 同比增长4.2%\n\n"
            "7月20日，省人民政府新闻办公室举办新闻发布会，省统计局总统计师、新闻发言人出席，"
            "介绍2022年二季度全省国民经济运行情况并回答记者提问。\n\n"
            "发言人介绍，二季度以来，全省经济加速恢复。上半年全省实现地区生产总值1500.3亿元，同比增长4.2%。"
            "分产业看，第一产业增加值71.2亿元，增长5.0%。\n")
    t = _table(text)
    assert t.loc["71.2亿元", "year"] == "2022" and t.loc["71.2亿元", "year_source"] == "only_year"


def test_a_release_naming_no_period_gives_its_undated_results_no_year():
    text = ("上半年全省实现地区生产总值1500.3亿元 同比增长4.2%\n\n"
            "发言人介绍，二季度以来，全省经济加速恢复。上半年全省实现地区生产总值1500.3亿元，同比增长4.2%。"
            "分产业看，第一产业增加值71.2亿元，增长5.0%。\n")
    assert _table(text).loc["71.2亿元", "year"] == ""


def test_a_chart_caption_is_no_heading_and_scopes_nothing():
    text = ("2022年是极不平凡的一年。\n一、综合\n全年地区生产总值407.3亿元，比上年增长3.6%。\n"
            "图1 2018-2022年地区生产总值及其增长速度\n全盟城镇新增就业2770人。")
    t = _table(text)
    assert t.loc["2770人", "year"] == "2022"
    outline = zp.outline(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert not outline["heading"].str.startswith("图1").any()
    paragraphs = zp.paragraphs(pd.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert "caption" in set(paragraphs["kind"])  # kept as text, not dropped


def test_an_roc_year_written_in_chinese_digits():
    t = _table("县议会今日三读通过一一五年度总预算案，岁入三六六亿元、岁出三五一亿元。")
    assert t.loc["三六六亿元", "year"] == "2026"
    t = _table("主计总处预估一一四年经济成长率为百分之三点一。")
    assert t.loc["百分之三点一", "year"] == "2025"


def test_chinese_numerals_that_are_no_roc_year():
    t = _table("全村一一五户人家，共有一百一十五年历史，年收入二十万元。")
    assert t.loc["二十万元", "year"] == ""


def test_the_year_of_the_clause_just_before_a_figure():
    t = _table("县政府昨（二十四）日召开县务会议；其中，有关县府一一四年度总预算，岁出规模二七七点三一亿余元。")
    assert t.loc["二七七点三一亿余元", "year"] == "2025"
    assert t.loc["二七七点三一亿余元", "value"] == 27731000000 and t.loc["二七七点三一亿余元", "qualifier"] == "多"


def test_the_start_of_a_change_or_a_figure_between_dates_nothing_next():
    t = _table("近年赤字不断；其中，财政储备从2019年3月的11710亿元高位，大跌45%。")
    assert t.loc["45%", "year_source"] != "sentence"  # not taken from the start of the change
    t = _table("其中，在2017年至2020年间，预计平均每年实质增长3%。")
    assert t.loc["增长3%", "year"] != "2017"  # a period is no clause's single year


def test_dang_nian_without_a_year_before_it_is_the_year_in_question():
    text = ("2020年是极不平凡的一年。\n一、综合\n全年实现地区生产总值1315.05亿元，比上年增长5.9%。\n"
            "年末全地区城镇从业人员总数38.04万人。当年累计城镇新增就业3.98万人；年末城镇登记失业率1.28%。\n")
    t = _table(text, "2021-03-01")
    assert t.loc["3.98万人", "year"] == "2020" and t.loc["1.28%", "year"] == "2020"
    t = _table("从2010年开始实施，当年完成投资12亿元。", "2021-03-01")
    assert t.loc["12亿元", "year"] == "2010"


def test_last_years_value_compared_with_is_last_years():
    t = _table("2023年，全县财政收入累计完成99895万元，较上年同期110374万元下降9.5%。")
    assert t.loc["110374万元", "year"] == "2022" and t.loc["110374万元", "year_source"] == "compared"
    assert t.loc["99895万元", "year"] == "2023" and t.loc["下降9.5%", "year"] == "2023"
    t = _table("2023年，出厂价格同比上涨3.7%，涨幅比上年同期回落3.7个百分点，比上年增长5%。")
    assert t.loc["3.7个百分点", "year"] == "2023" and t.loc["增长5%", "year"] == "2023"


def test_budget_words_of_change_make_an_amount_a_comparison():
    t = _table("2023年，全县一般公共预算收入46900万元，超收392万元，同比增长6.8%，增收3003万元；"
               "政府性基金收入34519万元，同比减收11469万元；财政总支出526499万元，增支20985万元。")
    for surface in ("392万元", "3003万元", "11469万元", "20985万元"):
        assert t.loc[surface, "kind"] == "comparison", surface
    assert t.loc["46900万元", "kind"] == "achieved" and t.loc["同比增长6.8%", "kind"] == "achieved"


def test_a_goal_list_lead_makes_the_rest_of_its_paragraph_targets():
    text = ("2008年，全省经济社会发展取得新进步，全省生产总值增长9.5%。\n"
            "2009年全省经济社会发展的主要预期目标：全省生产总值增长9%。地方财政一般预算收入增长10%；"
            "城镇新增就业62万人，城镇登记失业率控制在4.5%以内。\n")
    t = _table(text, "2009-01-15")
    for surface in ("增长9%", "增长10%", "62万人", "4.5%以内"):
        assert t.loc[surface, "kind"] == "target" and t.loc[surface, "year"] == "2009", surface
    assert t.loc["增长9.5%", "kind"] == "achieved" and t.loc["增长9.5%", "year"] == "2008"


def test_the_year_lead_before_a_goal_list_stays_in_force_after_it():
    text = ("2023年，全区经济社会发展主要预期目标是：地区生产总值增长高于全市平均水平。\n"
            "力争固定资产投资增幅16%以上。\n"
            "全年城镇新增就业5000人。\n")
    t = _table(text)
    assert t.loc["16%以上", "year"] == "2023" and t.loc["5000人", "year"] == "2023"


def test_a_parameter_word_inside_a_quoted_programme_name_makes_no_plan():
    t = _table("2023年，私人消费上升12.1%，政府最终消费支出则由于“生活补贴计划”措施完结而下跌6.4%。")
    assert t.loc["6.4%", "kind"] == "achieved" and t.loc["12.1%", "kind"] == "achieved"
    t = _table("对新建项目给予最高200万元补贴。")
    assert t.loc["200万元", "kind"] == "plan"


def test_a_work_report_without_a_date_is_in_the_year_of_its_plan_part():
    text = ("今年经济社会发展主要预期目标是：全县地区生产总值增长8%左右，城镇调查失业率控制在5.5%以内。\n"
            "三、2024年主要工作安排\n围绕上述目标，重点抓好以下工作。\n")
    t = _table(text)
    assert t.loc["增长8%左右", "year"] == "2024" and t.loc["5.5%以内", "year"] == "2024"
    summary = "今年全县地区生产总值增长8%。\n一、2024年工作总结\n二、2024年主要工作安排\n"
    assert _table(summary).loc["增长8%", "year"] == ""  # a year-end summary: not said which year it sums up


def test_a_reposted_speech_speaks_from_its_own_date_line():
    text = ("2019年某旗人民政府工作报告（全文）\n公文搜 2021-07-27 17:24:44 政府报告\n"
            "2019年3月21日在某旗第十五届人民代表大会第二次会议上\n"
            "过去一年，全旗地区生产总值增长5.1%。\n")
    assert _table(text, "2021-07-27").loc["增长5.1%", "year"] == "2018"


def test_chinese_digit_decimals_with_a_point_and_a_compound_of_zhao_and_yi():
    t = _table("去年十二月工业生产指数年减七.九三%，全年营业额十二兆七○一三亿元、年增○.八八%。", "2023-01-20")
    assert t.loc["七.九三%", "value"] == 7.93
    assert t.loc["十二兆七○一三亿元", "value"] == 12_701_300_000_000 and t.loc["○.八八%", "value"] == 0.88


def test_a_target_lead_in_the_middle_of_a_paragraph_governs_the_rest_of_it():
    text = ("质量效益取得新跃升。到2025年，力争高技术制造业占比达到12%。制造业利润率达到7.2%，全员劳动生产率达到80万元/人。\n"
            "全省制造业增加值增长6%。\n")
    t = _table(text, "2021-05-11")
    assert t.loc["达到12%", "kind"] == "target"
    assert t.loc["达到7.2%", "kind"] == "target" and t.loc["达到7.2%", "year"] == "2025"
    assert t.loc["增长6%", "kind"] == "achieved"  # the next paragraph is not the lead's
    t = _table("到2025年，力争占比达到30%。2020年已达到25%。", "2021-05-11")
    assert t.loc["已达到25%", "kind"] == "achieved"  # a result dated before the text is not one of its goals


def test_a_bare_roc_year_before_a_budget_word():
    t = _table("报告114年总预算案 市长：量入为出推动市政\n市长今天赴市议会报告总预算案编制情形。净举借预算数52亿元。")
    assert t.loc["52亿元", "year"] == "2025"
    t = _table("114年岁出总额新台币1938.37亿元。")
    assert t.loc["1938.37亿元", "year"] == "2025"
    assert _table("建党100年来，累计投入52亿元。").loc["52亿元", "year"] == ""


def test_an_undated_release_comparing_with_two_years_before_is_of_that_year_plus_two():
    t = _table("一季度，全省地区生产总值743.88亿元，同比增长12.8%，比2019年一季度增长8.8%，两年平均增长4.3%。")
    assert t.loc["743.88亿元", "year"] == "2021"
    assert _table("一季度，全省地区生产总值743.88亿元，同比增长12.8%。").loc["743.88亿元", "year"] == ""


def test_a_period_named_as_the_base_of_a_comparison_dates_nothing_else():
    t = _table("比2019年一季度增长8.8%。\n一季度，全省地区生产总值743.88亿元。")
    assert t.loc["743.88亿元", "year"] != "2019"


def test_an_index_value_written_bare_after_the_index_is_in_points():
    t = _table("全年居民消费价格指数为102.5，比上年上涨2.5%。十二月工业生产指数一二九.六二、年减七.九三%。")
    assert t.loc["102.5", "unit"] == "点" and t.loc["一二九.六二", "value"] == 129.62
    assert len(_table("价格指数2024年起按新基期编制。")) == 0  # a year after 指数 is no value
    assert _table("制造业采购经理指数（PMI）为50.2%。").loc["50.2%", "unit"] == "%"


def test_the_year_of_what_is_published_and_not_the_day_of_a_speech():
    text = ("红网长沙2月17日讯（记者 某某）省统计局今日公布了2016年各市州经济运行情况。从总量上看，全省有12个市州GDP超过千亿元。")
    assert _table(text, "2017-02-20").loc["12个", "year"] == "2016"
    text = ("2021年4月13日在某县第十七届人民代表大会第一次会议上县长某某各位代表：现在，我代表县人民政府向大会作工作报告。"
            "一、2020年工作回顾2020年是极不平凡的一年。全县地区生产总值完成151.5亿元，同比增长7.9%。")
    assert _table(text, "2021-04-13").loc["151.5亿元", "year"] == "2020"


def test_a_chart_title_left_without_its_number_is_a_caption_too():
    text = ("2023年是全面贯彻党的二十大精神的开局之年。\n一、综合\n全年实现地区生产总值600.1亿元，比上年增长4.3%。\n"
            "2019—2023年地区生产总值及增速\n人口。年末户籍人口36.6万人。\n")
    assert _table(text).loc["36.6万人", "year"] == "2023"
    plan = "第一章 发展目标\n2021—2025年发展目标\n全市生产总值年均增长6%。\n"
    assert _table(plan).loc["增长6%", "year"] != ""  # a plan's heading naming its years still scopes


def test_a_year_in_an_aside_does_not_date_the_figure_after_it():
    t = _table("2023年主要预期目标：一般公共预算支出（扣除2022年灾后恢复重建专项资金支出外）增长3%以上。", "2023-01-10")
    assert t.loc["增长3%以上", "year"] == "2023"
    t = _table("未来五年（2023-24至2027-28年度）公营房屋建屋量将增至约158 000个单位。", "2022-10-19")
    assert t.loc["约158 000个", "year"] == "2027-2028"  # a bracket naming the figure's own period still dates it


def test_growth_compared_with_last_year_is_no_value_of_last_year():
    t = _table("2025年全年出口6407.5亿美元，较上年成长34.9%。")
    assert t.loc["34.9%", "year"] == "2025"


def test_growth_compared_with_a_named_year_is_no_value_of_that_year():
    # the twin of the rule above: a word of change between 较/比 + a year and the figure makes it the change
    t = _table("2025年全年出口6407.5亿美元，较2024年成长34.9%，增速较2024年回落2.1个百分点。")
    assert t.loc["34.9%", "year"] == "2025" and t.loc["34.9%", "year_source"] != "compared"
    assert t.loc["2.1个百分点", "year_source"] != "compared"
    base = _table("2025年岁出2000亿元，较2024年度法定预算数1800亿元增加200亿元。")
    assert base.loc["1800亿元", "year"] == "2024" and base.loc["1800亿元", "year_source"] == "compared"
