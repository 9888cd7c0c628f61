"""The kind of every figure and the cue that decided it (issue 28), one written sentence or short
document per family: policy parameters and planned measures are plan; the items of a goal list are
target; the growth of a realised outcome is achieved; a difference in points, places or the
quantity's own units is comparison."""

import pandas as pd
import pytest

from zhpolicy.extraction.stats import extract_statistics, kind_cues


def kinds(text: str, date: str = "2024-03-05") -> list[tuple]:
    table = extract_statistics(pd.DataFrame({"doc_id": ["d"], "date": [date], "text": [text]}))
    return list(zip(table["surface"], table["kind"], table["kind_cue"]))


@pytest.mark.parametrize("text, expected", [
    ("对新引进先进制造业固定资产投资1000万元以上的，按固定资产投资额的10%给予最高2000万元补贴。",
     [("1000万元以上", "plan", "给予"), ("10%", "plan", "给予"), ("2000万元", "plan", "给予")]),
    ("对新认定的国家级创新中心给予50万元一次性奖补，每个企业最高不超过20万元。",
     [("50万元", "plan", "给予"), ("不超过20万元", "plan", "给予")]),
    ("今年拟安排地方政府专项债券4.4万亿元、比上年增加5000亿元。",
     [("4.4万亿元", "plan", "拟安排"), ("5000亿元", "plan", "拟安排")]),
    ("引进项目470个，计划投资额近900亿元。", [("470个", "achieved", ""), ("近900亿元", "plan", "计划投资")]),
    ("全年发放稳岗补贴30亿元。", [("30亿元", "achieved", "发放")]),  # a subsidy paid out is a result
])
def test_policy_parameters_and_planned_measures_are_plan(text, expected):
    assert kinds(text) == expected


def test_the_items_of_a_goal_section_are_targets():
    text = "（二）发展目标\n到2025年，全市培育国家级专精特新“小巨人”企业3家、省级专精特新企业20家、创新型中小企业100家。"
    assert [k for _, k, _ in kinds(text, "2023-03-01")] == ["target"] * 3
    text = "主要目标：\n到2027年，全区发展再上台阶：\n1. 高新技术企业突破75家。\n2. 科技型企业超过690家。"
    assert kinds(text, "2023-06-16") == [("突破75家", "target", "到2027年"), ("超过690家", "target", "到2027年")]


@pytest.mark.parametrize("text, date, expected", [
    ("今年发展主要预期目标是：国内生产总值增长5%左右。", "2024-03-05", ("增长5%左右", "target", "预期目标")),
    ("力争全社会研发投入强度达到3%。", "2024-03-05", ("达到3%", "target", "力争")),
    ("至于明年，主计总处预测GDP成长3.54%。", "2025-11-28", ("3.54%", "target", "预测")),
    ("预计2024年全省地区生产总值突破14万亿元。", "2025-01-15", ("突破14万亿元", "achieved", "突破")),
])
def test_goals_and_forecasts_of_a_period_not_over_are_targets(text, date, expected):
    assert kinds(text, date) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("2023年，全县地区生产总值同比增长6.0%。", ("同比增长6.0%", "achieved", "")),
    ("居民人均可支配收入增长6.1%，城镇调查失业率平均为5.2%。", ("增长6.1%", "achieved", "")),
])
def test_the_growth_of_a_realised_outcome_is_achieved(text, expected):
    assert kinds(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("研发投入强度比上年提高0.7个百分点。", ("0.7个百分点", "comparison", "比上年")),
    ("营商环境评价排名上升15位。", ("15位", "comparison", "上升")),
    ("粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤。", ("10.1斤", "comparison", "提升")),
    ("技术合同成交额比上年增加1200亿元。", ("1200亿元", "comparison", "比上年")),
    ("上调今年经济成长率，较8月预测上修2.92个百分点。", ("2.92个百分点", "comparison", "上修")),
])
def test_a_difference_is_a_comparison(text, expected):
    assert kinds(text)[-1] == expected


def test_the_start_of_a_planned_change_is_the_level_reached_so_far():
    found = kinds("力争城镇居民人均可支配收入由目前的3.5万元增长到5.3万元左右。", "2022-12-26")
    assert found == [("3.5万元", "achieved", "由/从（起点）"), ("5.3万元左右", "target", "力争")]


def test_a_target_level_over_a_plan_period_takes_the_end_year():
    table = extract_statistics(pd.DataFrame({"doc_id": ["d"], "date": ["2021-05-19"], "text": [
        "“十四五”时期，全市数字经济规模将达到3万亿元，年均增长10%以上。"]}))
    assert list(zip(table["year"], table["kind"])) == [("2025", "target"), ("2021-2025", "target")]


def test_every_kind_and_scope_of_the_cue_file_is_read():
    assert {kind for kind, _, _ in kind_cues()} == {"plan", "target", "comparison", "achieved"}
    assert {scope for _, scope, _ in kind_cues()} == {
        "near", "verb", "clause", "parameter", "sentence", "sentence_open", "clause_open", "heading", "lead", "realised",
        "column", "attribute", "after", "contribution", "measure", "share", "content", "line_before", "line_after", "bill", "bill_not", "bill_line", "budgeted"}


@pytest.mark.parametrize("text", [
    "中央补助款增加42亿元，一般性转移支付收入5.3亿元。",
    "加上上级专项补助36.4亿元、地方政府一般债务收入7.7亿元。",
    "其中：均衡性转移支付15.3亿元、结算补助收入4.3亿元、固定数额补助3.8亿元。",
])
def test_a_budget_line_named_for_subsidies_is_no_policy_parameter(text):
    assert all(cue not in ("补助", "奖补") for _, _, cue in kinds(text, "2024-03-01"))


def test_a_subsidy_the_policy_grants_is_still_a_parameter():
    assert kinds("对新认定的企业按投资额专项补助50万元。")[-1][1:] == ("plan", "补助")


def kinds_of(text: str, date: str = "") -> list[tuple[str, str]]:
    table = extract_statistics(pd.DataFrame({"doc_id": ["d"], "date": [date], "text": [text]}))
    return list(zip(table["surface"], table["kind"]))


def test_estimates_in_a_review_section_are_results_even_without_a_date():
    text = ("一、2023年工作回顾\n预计全县地区生产总值增长5.5%左右，城镇登记失业率控制在3.2%以内。\n"
            "二、2024年主要预期目标\n地区生产总值增长6%左右。")
    assert kinds_of(text) == [("增长5.5%左右", "achieved"), ("3.2%以内", "achieved"), ("增长6%左右", "target")]
    assert kinds_of("各位代表：\n20XX年工作回顾\n预计实现地区生产总值210亿元，增长6.1%。") == [
        ("210亿元", "achieved"), ("增长6.1%", "achieved")]


def test_a_share_of_growth_in_points_is_a_result_not_a_difference():
    text = "消费拉动经济增长3.1个百分点，投资对经济增长贡献0.8个百分点，增速比上年提高0.4个百分点。"
    assert kinds_of(text) == [("增长3.1个百分点", "achieved"), ("0.8个百分点", "achieved"),
                              ("0.4个百分点", "comparison")]


def test_a_figure_that_names_the_goal_after_it_is_a_target_and_a_headline_does_not_govern():
    text = ("对完成全年6%左右的预期目标充满信心\n前三季度，全市生产总值同比增长6.3%，为实现全年6%左右的目标奠定基础。")
    assert kinds_of(text, "2023-10-20") == [("6%左右", "target"), ("同比增长6.3%", "achieved"), ("6%左右", "target")]


def test_you_wang_is_a_forecast_for_its_own_clause_only():
    text = "夏粮增产2.8%，秋粮有望再获丰收；工业增加值同比增长7.6%。今年粮食产量有望稳定在650亿斤以上。"
    assert kinds_of(text, "2022-11-16") == [("2.8%", "achieved"), ("同比增长7.6%", "achieved"),
                                             ("650亿斤以上", "target")]


def test_a_goal_stated_by_a_document_governs_its_paragraph():
    text = ("《行动方案》提出，到2026年全市数字经济核心产业增加值超过3000亿元。培育形成5个千亿级产业集群，"
            "规模以上企业超过1.2万家。")
    found = extract_statistics(pd.DataFrame({"doc_id": ["d"], "date": [""], "text": [text]}))
    assert list(zip(found["year"], found["kind"])) == [("2026", "target")] * 3


def test_funds_obtained_are_results_not_plans_or_targets():
    text = "全年争取到位上级补助资金6.2亿元，其中专项债券资金1.8亿元。力争争取上级资金8亿元以上。"
    assert kinds_of(text, "2024-02-20") == [("6.2亿元", "achieved"), ("1.8亿元", "achieved"), ("8亿元以上", "target")]


def full(text: str, date: str) -> list[tuple]:
    """(surface, value, unit, year, year_source, kind, kind_cue) of every figure of a written document."""
    table = extract_statistics(pd.DataFrame({"doc_id": ["d"], "date": [date], "text": [text]}))
    return list(zip(table["surface"], table["value"], table["unit"], table["year"], table["year_source"],
                    table["kind"], table["kind_cue"]))


def test_sub_items_under_a_goal_heading_are_targets_though_each_reads_as_a_heading():
    text = ("（三）发展目标\n（1）全区规模以上工业企业达到800家。\n（2）高新技术企业数量突破300家。\n"
            "（四）保障措施\n上年全区新增企业120家。")
    assert full(text, "2024-02-01") == [
        ("达到800家", 800, "家", "", "", "target", "heading:目标"),
        ("突破300家", 300, "家", "", "", "target", "heading:目标"),
        ("120家", 120, "家", "2023", "relative:上年", "achieved", "新增")]


def test_a_work_plan_section_of_the_year_ahead_is_targets_and_its_review_is_not():
    text = ("一、2024年工作回顾\n过去一年，全市新建5G基站2500个。\n"
            "二、2025年重点工作\n新建5G基站3000个，改造老旧小区120个。")
    assert full(text, "2025-01-15") == [
        ("2500个", 2500, "个", "2024", "relative:过去一年", "achieved", ""),
        ("3000个", 3000, "个", "2025", "heading", "target", "heading:重点工作"),
        ("120个", 120, "个", "2025", "heading", "target", "heading:重点工作")]
    # a figure of a year already over keeps its kind under a work-plan heading
    assert full("三、重点任务\n2022年全市新增企业1200家。", "2023-05-10")[0][5:] == ("achieved", "新增")


def test_a_lead_ending_with_a_colon_governs_goal_paragraphs_until_the_next_section():
    text = ("二、主要目标\n力争到2027年，全市数字经济实现跨越发展，具体目标如下：\n"
            "产业规模持续壮大。数字经济核心产业增加值达到1500亿元。\n"
            "创新能力显著增强。培育省级以上研发平台60个。\n"
            "三、保障措施\n全市已建成研发平台45个。")
    found = full(text, "2023-05-10")
    assert found[:2] == [("达到1500亿元", 1.5e11, "元", "2027", "scope", "target", "力争到2027年"),
                         ("60个", 60, "个", "2027", "scope", "target", "力争到2027年")]
    assert found[2][3:] == ("", "", "achieved", "已")


@pytest.mark.parametrize("text, date, expected", [
    # a planned measure: what 计划实施 opens holds for the whole sentence (总投资 of the planned projects)
    ("今年计划实施重点项目200个，总投资1500亿元。", "2024-03-01",
     [("200个", 200, "个", "2024", "relative:今年", "plan", "计划实施"),
      ("1500亿元", 1.5e11, "元", "2024", "relative:今年", "plan", "计划实施")]),
    # money set aside for a purpose
    ("省级财政统筹资金10亿元，支持中小企业开展数字化改造。", "", [("10亿元", 1e9, "元", "", "", "plan", "统筹资金")]),
    ("每年引导金融机构为科技型企业提供信贷资金200亿元。", "", [("200亿元", 2e10, "元", "", "", "plan", "每年引导")]),
    # a proposed budget line and its growth
    ("2024年全区一般公共预算收入安排86亿元，增长5%。", "2024-01-20",
     [("86亿元", 8.6e9, "元", "2024", "clause", "plan", "安排"), ("增长5%", 5, "%", "2024", "sentence", "plan", "安排")]),
    # a rule's ratio with a bound is a parameter of the policy
    ("面向中小企业预留的采购份额比例不低于40%。", "", [("不低于40%", 40, "%", "", "", "plan", "比例")]),
    # a count of the plan's own parts
    ("规划设定了涵盖五个方面的16项主要指标，部署了60项重大工程。", "2026-03-06",
     [("16项", 16, "项", "", "", "plan", "主要指标"), ("60项", 60, "项", "", "", "plan", "重大工程")]),
])
def test_planned_measures_budget_lines_rule_ratios_and_plan_parts_are_plan(text, date, expected):
    assert full(text, date) == expected


def test_a_ratio_in_a_goal_list_stays_a_target_and_parts_done_in_a_review_are_achieved():
    assert full("到2025年，新建建筑中绿色建筑的比例不低于70%。", "2022-05-01")[0][5:] == ("target", "到2025年")
    assert full("2023年，全市完成了12项重点任务。", "2024-01-20")[0][5:] == ("achieved", "完成")
    assert full("5月份，26个指标中有20个指标实现增长。", "2024-06-15")[0][5:] == ("achieved", "")


def test_a_goal_restated_as_met_in_a_review_is_a_result():
    assert full("过去一年，市人代会确定的目标任务顺利完成，全市地区生产总值达到3200亿元。", "2025-01-15") == [
        ("达到3200亿元", 3.2e11, "元", "2024", "relative:过去一年", "achieved", "达到")]


def test_goals_under_sub_headings_keep_the_lead_whose_paragraph_ends_with_a_colon():
    text = ("二、发展目标\n到2025年，全市制造业高质量发展取得显著成效。具体目标：\n（一）产业规模\n"
            "规上工业营业收入突破1万亿元，年均增长8%。\n（二）创新能力\n研发投入强度达到2.8%。\n"
            "三、重点任务\n（一）做强产业集群\n新培育千亿级产业集群3个。")
    assert full(text, "2022-03-01") == [
        ("突破1万亿元", 1e12, "元", "2025", "scope", "target", "到2025年"),
        ("增长8%", 8, "%", "2025", "scope", "target", "到2025年"),
        ("达到2.8%", 2.8, "%", "2025", "scope", "target", "到2025年"),
        ("3个", 3, "个", "", "", "target", "heading:重点任务")]


def test_dash_items_that_read_as_headings_stay_in_their_list():
    text = ("二、发展目标\n到2025年，全市制造业高质量发展取得显著成效。\n——规上工业营业收入突破1万亿元；\n"
            "——高新技术企业超过3000家。")
    assert [r[3:] for r in full(text, "2022-03-01")] == [("2025", "scope", "target", "到2025年")] * 2


def test_a_planned_total_over_a_plan_period_and_its_growth_are_plan_over_the_period():
    assert full("“十四五”期间，全市计划完成固定资产投资1.2万亿元，年均增长6%。", "2021-06-01") == [
        ("1.2万亿元", 1.2e12, "元", "2021-2025", "sentence", "plan", "计划完成"),
        ("增长6%", 6, "%", "2021-2025", "sentence", "plan", "计划完成")]


def test_a_budget_for_next_year_and_its_changes_are_plan():
    text = "2024年市本级一般公共预算支出预算为125亿元，比2023年预算增加6.2亿元，增长5.2%。"
    assert [r[3:] for r in full(text, "2023-12-20")] == [
        ("2024", "clause", "plan", "预算为"), ("2024", "sentence", "plan", "预算为"), ("2024", "sentence", "plan", "预算为")]


def test_a_distance_from_the_goal_is_a_comparison():
    assert full("2024年全市地区生产总值增长6.3%，高于年初预期目标0.3个百分点。", "2025-01-15")[1] == (
        "0.3个百分点", 0.3, "个百分点", "2024", "sentence", "comparison", "高于/低于…目标")


def test_a_goal_for_the_whole_year_is_for_the_documents_own_year():
    assert full("力争全年地区生产总值增长6%，一般公共预算收入增长5%。", "2024-03-01") == [
        ("增长6%", 6, "%", "2024", "relative:全年", "target", "力争"),
        ("增长5%", 5, "%", "2024", "relative:全年", "target", "力争")]


def test_a_cumulative_level_is_reached_at_the_end_of_the_plan_period():
    found = full("一、“十四五”时期发展目标\n5G基站累计达到5万个，累计新增就业30万人。", "2022-06-01")
    assert [r[3] for r in found] == ["2025", "2021-2025"]


def test_a_round_figure_in_a_sentence_of_goals_is_a_target():
    text = "每年培育专精特新中小企业500户左右，力争全市规模以上工业企业达到1.2万户左右。"
    assert [r[5:] for r in full(text, "2022-09-25")] == [("target", "力争（句中随后）"), ("target", "力争")]
    # a result stated with 左右 keeps its kind
    assert full("全年新增市场主体3000户左右，力争明年再增5%。", "2024-12-20")[0][5:] == ("achieved", "新增")


@pytest.mark.parametrize("text, date, expected", [
    # deadlines are goals, unless the work is said to be done
    ("2024年底前，全市建成5G基站1万个；年内完成老旧小区改造100个。", "2024-03-01",
     [("1万个", 1e4, "个", "2024", "sentence", "target", "年底前"), ("100个", 100, "个", "2024", "sentence", "target", "年内")]),
    ("年内已完成老旧小区改造100个。", "2024-11-20", [("100个", 100, "个", "", "", "achieved", "已")]),
    # will-do sentences
    ("全市将新建充电桩5000个。", "2023-02-10", [("5000个", 5000, "个", "", "", "target", "将新建")]),
    # the conditions and rates of a policy
    ("二、申报条件\n（一）申报企业上年度营业收入不低于2000万元。", "2024-03-01",
     [("不低于2000万元", 2e7, "元", "2023", "relative:上年", "plan", "申报条件")]),
    ("三、支持标准\n对认定的市级工程技术研究中心，一次性支持50万元。", "2024-03-01",
     [("50万元", 5e5, "元", "", "", "plan", "一次性支持")]),
    # a year's work programme
    ("三、2022年工作重点\n（一）稳增长。全年新开工项目200个，其中亿元以上项目80个。", "2022-01-15",
     [("200个", 200, "个", "2022", "heading", "target", "heading:工作重点"),
      ("80个", 80, "个", "2022", "heading", "target", "heading:工作重点")]),
])
def test_deadlines_will_do_sentences_policy_conditions_and_work_programmes(text, date, expected):
    assert full(text, date) == expected


def test_a_colon_lead_under_a_general_goal_governs_the_specific_goals_section_and_stops_at_the_tasks():
    text = ("二、发展目标\n（一）总体目标\n到2025年，全市新能源汽车产业显著壮大，主要目标如下：\n（二）具体目标\n"
            "1.产业规模。整车产能达到50万辆。\n2.创新能力。建成省级以上创新平台20个。\n"
            "三、重点任务\n（一）壮大整车企业\n全市现有整车企业8家。")
    assert full(text, "2023-06-01") == [
        ("达到50万辆", 5e5, "辆", "2025", "scope", "target", "到2025年"),
        ("20个", 20, "个", "2025", "scope", "target", "到2025年"),
        ("8家", 8, "家", "", "", "achieved", "")]


@pytest.mark.parametrize("text, expected", [
    ("符合条件的企业最高可获得100万元支持。", [("100万元", 1e6, "元", "", "", "plan", "最高可")]),
    ("单户企业贷款额度不超过1000万元，担保费率不超过1%。",
     [("不超过1000万元", 1e7, "元", "", "", "plan", "额度"), ("不超过1%", 1, "%", "", "", "plan", "额度")]),
    ("对符合条件的企业，按照实际缴纳社保费的50%予以返还。", [("50%", 50, "%", "", "", "plan", "予以")]),
    ("设立规模20亿元的天使投资引导基金。", [("20亿元", 2e9, "元", "", "", "plan", "设立规模")]),
])
def test_more_ways_of_writing_a_policy_parameter_are_plan(text, expected):
    assert full(text, "2024-03-01") == expected


def test_a_rate_of_consumption_in_a_goal_section_is_no_fee_rate():
    text = "二、主要目标\n居民消费率明显提高，数字经济核心产业增加值占比达到12.5%。"
    assert full(text, "2026-03-06")[0][5:] == ("target", "heading:目标")


def test_how_much_of_a_goal_was_met_is_a_result_and_a_level_reached_over_five_years_is_the_last_years():
    assert full("全年完成固定资产投资800亿元，完成年度目标任务的105%。", "2024-01-12")[1][5:] == ("achieved", "完成")
    assert full("确保完成年度目标任务，全市固定资产投资增长8%。", "2024-01-12")[0][5:] == ("target", "目标任务")
    assert full("过去五年，全市地区生产总值年均增长6.8%，达到2100亿元。", "2024-01-12") == [
        ("增长6.8%", 6.8, "%", "2019-2023", "relative:过去五年", "achieved", ""),
        ("达到2100亿元", 2.1e11, "元", "2023", "relative:过去五年", "achieved", "达到")]


def test_the_lines_of_a_budget_bill_the_document_presents_are_plans():
    text = ("某县政府向议会报告明年度总预算案。\n岁出编列约70亿元，岁入约65亿元，岁入岁出差短约5亿元。"
            "相较今年，岁出增约3亿元。教育支出约20亿元，占岁出总额28.6%。")
    found = {surface: (kind, cue) for surface, kind, cue in kinds(text, "2025-10-22")}
    assert found["约65亿元"] == ("plan", "预算案（全文）") and found["约5亿元"] == ("plan", "预算案（全文）")
    assert found["约20亿元"] == ("plan", "预算案（全文）") and found["28.6%"] == ("plan", "预算案（全文）")
    assert found["约3亿元"] == ("comparison", "增约")  # a change of a line is a difference


def test_a_report_of_what_a_budget_spent_is_no_bill():
    text = "某县2024年预算执行情况和2025年总预算案的报告。\n全县一般公共预算收入完成30亿元，岁出约45亿元。"
    assert {kind for _, kind, _ in kinds(text, "2025-01-10")} == {"achieved"}
    news = "前三季度，全县地方财政预算收入4.47亿元，增长31.2%。"  # 财政预算收入 is a result, no bill
    assert [kind for _, kind, _ in kinds(news, "2018-10-20")] == ["achieved", "achieved"]


@pytest.mark.parametrize("text, surface", [
    ("陈茂波表示，预期今年将回复正增长，估计增长3.5%至5.5%。", "增长3.5%至5.5%"),
    ("本港今年经济增长料为2%至3.5%。", "2%至3.5%"),
    ("经济部看好AI需求，1月外销订单上看720亿美元。", "720亿美元"),
])
def test_a_forecast_of_the_year_in_course_is_a_target(text, surface):
    assert dict((s, k) for s, k, _ in kinds(text, "2025-02-23"))[surface] == "target"


def test_a_heading_line_saying_the_results_serve_the_years_goal_makes_no_targets():
    text = ("近日，某省公布了上半年成绩单。\n半年数据显示经济整体向好，为完成全年目标奠定良好基础。\n"
            "去年，全省粮食总产816.16亿斤，增产8.32亿斤。")
    assert {kind for _, kind, _ in kinds(text, "2023-07-29")} <= {"achieved", "comparison"}


def test_the_amount_budgeted_is_a_plan_even_after_completed():
    found = kinds("一般公共预算收入46900万元，完成年初预算46508万元的100.8%，超收392万元。", "2024-03-01")
    assert found[0][1] == "achieved" and found[1][1:] == ("plan", "预算")
    assert found[2][1] == "achieved"  # the rate of completion is a result


def test_a_round_figure_of_the_year_just_begun_is_a_goal():
    text = "报告指出，今年粮食产量稳定在485亿斤左右。"
    assert kinds(text, "2026-01-25")[0][1:] == ("target", "左右（年初）")
    assert kinds(text, "2026-12-20")[0][1] == "achieved"  # at the year's end: a result
