"""Years and kinds of families probed before round 5 (written examples): 截至 is "as of", a year
framed by 是 beside a plan period, 预期增长 as a target cue."""

import warnings

import pandas as pd

import zhpolicy as zp


def _table(text: str, date: str = "") -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [date]})
    return zp.extract_statistics(corpus).set_index("surface")


def _loaded_table(folder, text: str) -> pd.DataFrame:
    """The statistics of *text* saved as a file in *folder* and read as a corpus is (a Traditional text
    is converted: the notice saying so is silenced)."""
    (folder / "tw.txt").write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zp.extract_statistics(zp.load_corpus(folder))


def test_as_of_a_year_is_not_a_target():
    t = _table("截至2023年底，全省共有高新技术企业1.2万家，比上年末增加1500家。截止到2022年末，累计建成基站3.1万个。")
    assert t.loc["1.2万家", "kind"] == "achieved" and t.loc["1.2万家", "year"] == "2023"
    assert t.loc["1500家", "kind"] == "comparison"
    assert t.loc["3.1万个", "kind"] == "achieved" and t.loc["3.1万个", "year"] == "2022"


def test_a_target_year_after_to_still_counts():
    t = _table("到2025年，全省高新技术企业达到1.5万家。")
    assert t.loc["达到1.5万家", "kind"] == "target" and t.loc["达到1.5万家", "year"] == "2025"


def test_a_year_framed_by_shi_beside_a_plan_period_frames_its_paragraph():
    t = _table("各位代表：\n2020年是极不平凡的一年。全县生产总值完成210亿元，增长3.5%。\n"
               "2021年是“十四五”开局之年。全县生产总值预期增长7%以上，一般公共预算收入增长6%。")
    assert t.loc["210亿元", "year"] == "2020"
    assert t.loc["增长7%以上", "year"] == "2021" and t.loc["增长6%", "year"] == "2021"
    assert t.loc["增长7%以上", "year_source"] == "paragraph"


def test_expected_growth_is_a_target_but_better_than_expected_is_not():
    t = _table("2021年，全县生产总值预期增长7%以上，一般公共预算收入增长6%。")
    assert set(t["kind"]) == {"target"} and t.loc["增长6%", "kind_cue"] == "预期增长"
    t = _table("2023年，全市经济运行好于预期，增长5.2%。")
    assert t.loc["增长5.2%", "kind"] == "achieved"


def test_a_relative_word_with_its_year_in_brackets():
    t = _table("主计总处今（20）日公布，今（113）年第1季经济成长率为6.56%，去（112）年全年为1.31%，明(2025)年预测为3.1%。")
    assert [t.loc[s, "year"] for s in ("6.56%", "1.31%", "3.1%")] == ["2024", "2023", "2025"]
    assert t.loc["3.1%", "kind"] == "target"


def test_a_fiscal_year_keeps_both_years():
    t = _table("政府预计2024-25年度的综合赤字为481亿元。2023/24年度的开支为7,800亿元。")
    assert t.loc["481亿元", "year"] == "2024-2025" and t.loc["481亿元", "kind"] == "target"
    assert t.loc["7,800亿元", "year"] == "2023-2024"


def test_a_month_an_undated_text_cannot_place_takes_its_paragraphs_year():
    t = _table("2023年1—11月，全市规上工业增加值增长4.5%。11月份，全市社会消费品零售总额增长8.1%。")
    assert t.loc["增长8.1%", "year"] == "2023" and t.loc["增长8.1%", "year_source"] == "paragraph"


def test_an_estimate_at_the_years_end_is_a_result_and_mid_year_a_goal():
    december = _table("今年全市地区生产总值预计增长5.5%。", "2023-12-20")
    july = _table("今年全市地区生产总值预计增长5.5%。", "2023-07-20")
    assert december.loc["增长5.5%", "kind"] == "achieved" and december.loc["增长5.5%", "kind_cue"].startswith("预计")
    assert july.loc["增长5.5%", "kind"] == "target"


def test_a_short_traditional_release_is_converted_and_a_count_granted_is_a_result(tmp_path):
    t = _loaded_table(tmp_path, "102年度施政績效報告\n本年度共補助中小企業1,250家，補助金額新臺幣3.2億元。").set_index("value")
    assert t.loc[320000000, "unit"] == "元" and t.loc[320000000, "year"] == "2013"
    assert t.loc[1250, "kind"] == "achieved" and t.loc[1250, "kind_cue"] == "共补助"


def test_a_salutation_does_not_hide_the_review_year():
    t = _table("政府工作报告\n各位代表：过去一年，面对复杂形势，全市上下攻坚克难。预计全年实现地区生产总值2350亿元，增长5.5%。",
               "2024-01-22")
    assert set(t["year"]) == {"2023"} and set(t["kind"]) == {"achieved"}


def test_an_estimate_in_a_review_is_a_result_even_undated():
    t = _table("各位代表：过去一年，全市上下攻坚克难。预计全年实现地区生产总值2350亿元，增长5.5%。")
    assert set(t["kind"]) == {"achieved"} and t.loc["2350亿元", "kind_cue"] == "预计（回顾）"


def test_budget_lines_named_with_subsidy_words_follow_their_section():
    t = _table("一、2023年预算执行情况\n全县一般公共预算收入完成11.8亿元。上级补助收入5.6亿元。\n"
               "二、2024年预算草案\n全县一般公共预算收入预算为12.5亿元。上级补助收入4.8亿元。收入总计21.3亿元。")
    assert t.loc["5.6亿元", "kind"] == "achieved"
    assert t.loc["4.8亿元", "kind"] == "plan" and t.loc["21.3亿元", "kind"] == "plan"


def test_now_after_a_target_list_is_the_present():
    t = _table("到2025年，全省力争新增上市公司50家，其中科创板10家。目前，全省已有上市公司320家。")
    assert t.loc["50家", "kind"] == "target" and t.loc["10家", "year"] == "2025"
    assert t.loc["320家", "kind"] == "achieved" and t.loc["320家", "year"] != "2025"


def test_roc_years_in_brackets_after_a_relative_word_and_before_a_month_range():
    t = _table("我国112年经济成长率为1.31%，去年（112年）平均每人GDP为3万2,339美元。112年1至11月外销订单金额为5,142亿美元。")
    assert set(t["year"]) == {"2023"}


def test_a_sentence_naming_one_year_dates_its_other_figures():
    t = _table("主计总处今天上修今年经济成长率预测至3.9%，较5月预测增加0.47个百分点，第2季经济成长率为5.09%。", "2024-08-16")
    assert set(t["year"]) == {"2024"}
    assert t.loc["3.9%", "kind"] == "target" and t.loc["0.47个百分点", "kind"] == "comparison"
    assert t.loc["5.09%", "kind"] == "achieved"  # the second quarter is over in August: a result


def test_a_one_line_traditional_budget_line(tmp_path):
    t = _loaded_table(tmp_path, "本（113）年度中央政府總預算歲出編列2兆8,818億元。")
    assert t["value"].tolist() == [2881800000000] and t["year"].tolist() == ["2024"] and t["kind"].tolist() == ["plan"]


def test_an_undated_report_that_names_its_year_of_the_plan():
    t = _table("政府工作报告\n今年市政府工作总体要求是：…奋力实现“十五五”良好开局。今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。")
    assert t.loc["增长5.5%左右", "year"] == "2026"
    t = _table("今年是“十四五”规划收官之年，也是为“十五五”良好开局打好基础的关键之年。全市地区生产总值预期增长6%。")
    assert t.loc["增长6%", "year"] == "2025"
    t = _table("今年是“十四五”规划收官之年。全市地区生产总值预期增长6%。", "2024-01-10")  # a date wins
    assert t.loc["增长6%", "year"] == "2024"


# ---------------------------------------------------------------- families of round 5's texts (written examples)


def test_chinese_numerals_written_in_sections():
    t = _table("编制增至十九万一千八百一十六个职位，较上年度增加三千四百八十一个，储备为一万一千七百八十四亿元，另有两万五千人。"
               "三万亿元和三千亿元照旧。")
    assert t["value"].tolist() == [191816, 3481, 1178400000000, 25000, 3e12, 3e11]


def test_thousands_grouped_by_spaces():
    t = _table("共兴建30 000个单位，另有158 000个，合计1 234.5亿元；2023 年增长5%。")
    assert t["value"].tolist() == [30000, 158000, 123450000000, 5]


def test_an_undated_text_that_writes_this_years_number():
    t = _table("省长表示，今年(2024年)发展面临的有利条件强于不利因素，预期地区生产总值增长5%。\n"
               "今年经济社会发展的主要预期目标是：固定资产投资增长4%。")
    assert set(t["year"]) == {"2024"} and set(t["kind"]) == {"target"}


def test_the_month_a_forecast_was_made_is_not_the_figures_year():
    t = _table("主计总处修正预测，将今年经济成长率从去年11月预测3.54%，一举上修为7.71%。", "2026-02-13")
    assert set(t["year"]) == {"2026"} and set(t["kind"]) == {"target"}


def test_the_quarters_of_one_year_listed_in_march_are_last_years():
    t = _table("分季度观察，第一季 GDP 年增 5.4%，第二季成长 5.2%，第四季则放缓至 4.5%。", "2026-03-02")
    assert set(t["year"]) == {"2025"}
    t = _table("今年一季度，全省GDP增长5.4%，去年四季度增长4%。", "2026-04-20")
    assert t["year"].tolist() == ["2026", "2025"]


def test_a_fiscal_year_heading_dates_a_budget_speech():
    t = _table("二零一九/二零年度财政预算\n181. 二零一八年《施政报告》中宣布的措施，共涉及约七百五十三亿元经营开支。\n"
               "182. 总收入预计为六千二百六十一亿元。入息及利得税预计为二千三百五十九亿元。")
    assert set(t["year"]) == {"2019-2020"}  # not 2018 (a document's name), not 2020 (a fiscal year is whole)


def test_a_dateline_with_a_space_after_the_agency():
    t = _table("中新网 北京6月25日电(记者 张素)财政部部长25日表示，2023年，中央一般公共预算收入99566.7亿元。"
               "加上调入资金1500亿元，收入总量为107416.7亿元。", "2024-11-18")
    assert set(t["year"]) == {"2023"}


def test_allocations_and_future_levels():
    t = _table("今年安排省级财政资金1042.8亿元。"
               "公务员编制将减至约18.8万个职位。经济部看好明年1月外销订单金额稳收700亿美元。", "2026-02-23")
    assert t.loc["1042.8亿元", "kind"] == "plan"
    assert t.loc["约18.8万个", "kind"] == "target" and t.loc["700亿美元", "kind"] == "target"


# ---------------------------------------------------------------- families of round 6's texts (written examples)


def test_chinese_numerals_with_a_decimal_point_as_taiwan_prints_them(tmp_path):
    t = _loaded_table(tmp_path, "經濟部統計處公布十月外銷訂單五八三．六億美元，年增二十一．七％，減少〇．八％。")
    assert t["value"].tolist() == [58360000000, 21.7, 0.8] and t["unit"].tolist() == ["美元", "%", "%"]


def test_per_mille_points_rank_places_and_metric_tons():
    t = _table("出生率下降0.75个千分点，排名前移1个位次，回收厨余359公吨。")
    assert t["unit"].tolist() == ["个千分点", "位次", "吨"]
    assert t["kind"].tolist()[:2] == ["comparison", "comparison"]


def test_a_month_alone_and_the_first_months_take_the_documents_year():
    t = _table("经济部统计处昨公布11月外销订单729.2亿美元。单月729.2亿美元、前11月6666.5亿美元。", "2025-12-24")
    assert set(t["year"]) == {"2025"}
    t = _table("3月5日，全市举行会议。", "2025-12-24")
    assert t.empty


def test_a_forecast_of_a_budget_year_is_a_target():
    t = _table("财政司司长在新一份预算案中预料，2023/24年度经常开支将轻微上升3.3%至5602亿元。整体开支将会下降6%至7610亿元。")
    assert set(t["kind"]) == {"target"} and t.loc["5602亿元", "year"] == "2023-2024"


def test_an_roc_year_naming_a_county_programme_but_not_an_anniversary():
    t = _table("屏东县政府规划「屏东县114年家用厨余机补助」方案，每台可补助40%、上限6000元。")
    assert set(t["year"]) == {"2025"} and set(t["kind"]) == {"plan"}
    t = _table("庆祝建市120年，全市GDP增长5%。")
    assert t["year"].tolist() == [""]


def test_this_years_quarter_in_an_undated_text_that_named_it_with_its_year():
    t = _table("中新网4月17日电 发言人今天表示，2018年一季度中国经济运行的特点是稳。今年一季度我国经济增长6.8%。")
    assert t.loc["增长6.8%", "year"] == "2018" and t.loc["增长6.8%", "year_source"] == "earlier"


def test_an_undated_release_that_names_its_quarter_with_the_year_after_naming_it_without():
    t = _table("国新办举行一季度国民经济运行情况新闻发布会，介绍2016年一季度国民经济运行情况。\n"
               "分产业看，第一产业增加值8803亿元，同比增长2.9%。")
    assert set(t["year"]) == {"2016"}
