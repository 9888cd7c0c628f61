"""Years a reader takes from the whole document (written examples, after round 7): the one year a
title names, the document a notice announces, the quarter before an undated quarter, a plain-text
table's row years, and the latest quarter of a dated release."""


import pandas as pd

import zhpolicy as zp


def _table(text: str, date: str = "") -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [date]})
    return zp.extract_statistics(corpus).set_index("surface")


def _titled(title: str, body: str, source: str = "heading") -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [body], "date": [""], "title": [title],
                           "title_source": [source], "label": ["d"]})
    return zp.extract_statistics(corpus).set_index("surface")


def test_the_one_year_a_title_names_dates_what_nothing_else_dates():
    t = _titled("多省份公布2024年经济增长目标", "从已公布的目标看，甲省为6%左右，乙省为5.5%以上。")
    assert t.loc["6%左右", "year"] == "2024" and t.loc["6%左右", "year_source"] == "title"
    assert t.loc["6%左右", "year_line"] == "多省份公布2024年经济增长目标"


def test_a_goal_year_in_a_title_dates_targets_only():
    t = _titled("某市：到2027年数字经济规模力争达到1000亿元", "目前全市数字经济规模为620亿元，力争年均增长12%。")
    assert t.loc["620亿元", "year"] == "" and t.loc["620亿元", "kind"] == "achieved"
    assert t.loc["增长12%", "year"] == "2027" and t.loc["增长12%", "year_source"] == "title"


def test_a_title_with_a_full_date_or_two_years_or_from_the_file_name_dates_nothing():
    body = "全县生产总值增长5.1%。"
    assert _titled("——2024年1月18日在某县人民代表大会上", body).loc["增长5.1%", "year"] == ""
    assert _titled("某区2023年预算执行情况和2024年预算草案的报告", body).loc["增长5.1%", "year"] == ""
    assert _titled("report_2023", body, source="file_name").loc["增长5.1%", "year"] == ""


def test_the_document_a_notice_announces_gives_its_year():
    t = _table("各镇人民政府，各街道办事处：\n《关于加快某产业发展的若干措施（2024年修订）》已经市政府常务会议"
               "审议通过，现予以公布。\n一、对新认定的龙头企业，给予一次性20万元奖励。")
    assert t.loc["20万元", "year"] == "2024" and t.loc["20万元", "year_source"] == "title"
    assert t.loc["20万元", "kind"] == "plan"


def test_an_undated_quarter_after_the_quarter_it_is_compared_with():
    t = _table("初步核算，一季度全国国内生产总值25.6万亿元，同比增长4.5%，比2019年四季度环比增长0.6%。"
               "一季度规模以上工业增加值同比增长6.1%。")
    assert t.loc["25.6万亿元", "year"] == "2020" and t.loc["同比增长6.1%", "year"] == "2020"
    t = _table("三季度全市生产总值增长4.9%，比2020年二季度环比增长0.7%。")
    assert t.loc["增长4.9%", "year"] == "2020"
    t = _table("一季度全市生产总值增长4.9%，比2020年三季度环比增长0.7%。")  # not the quarter before
    assert t.loc["增长4.9%", "year"] == ""


def test_rows_of_a_plain_text_table_that_open_with_a_taiwan_year():
    t = _table("历年补助情形如下表：\n年度 中央补助 地方编列\n98年 312万5,000元 41万元\n105年 1,204万元 -")
    assert t.loc["312万5,000元", "year"] == "2009" and t.loc["41万元", "year"] == "2009"
    assert t.loc["1,204万元", "year"] == "2016"
    t = _table("近30年 来，补助共计1万元。")  # a span of years, not a row
    assert t.loc["1万元", "year"] == ""


def test_the_latest_quarter_of_a_dated_release():
    t = _table("统计处今日公布，最新一季经季节性调整的失业率为3.1%，劳动人口为三百八十万人。", date="2024-05-17")
    assert t.loc["3.1%", "year"] == "2024" and t.loc["三百八十万人", "year"] == "2024"


def test_the_one_year_the_other_figures_name_dates_the_rest_but_not_a_policys_amounts():
    t = _table("2023年全县粮食产量12.5万吨。\n\n全县新增城镇就业3200人。\n\n对新建冷库给予每吨50元补助。")
    assert t.loc["3200人", "year"] == "2023" and t.loc["3200人", "year_source"] == "only_year"
    assert t.loc["50元", "kind"] == "plan" and t.loc["50元", "year"] == ""
    t = _table("2022年全县粮食产量12.1万吨。2023年全县粮食产量12.5万吨。\n\n全县新增城镇就业3200人。")
    assert t.loc["3200人", "year"] == ""  # two years named: which one is not known


def test_a_goal_year_is_not_the_one_year_of_a_texts_results():
    t = _table("到2027年，全市力争新增专精特新企业80家。\n\n全市现有专精特新企业215家。")
    assert t.loc["215家", "year"] == ""


def test_together_with_a_year_is_no_comparison_base():
    t = _table("连同2023/24年度政府债券发行额约650亿元，年度赤字预计为544亿元。")
    assert t.loc["约650亿元", "year"] == "2023-2024"
    t = _table("全市生产总值同2022年相比增长5.1%。")
    assert t.loc["增长5.1%", "year"] != "2022"


def test_a_budgets_one_fiscal_year_dates_its_estimates_and_a_targets_the_other_targets_year():
    t = _table("财政司司长预料，2025/26年度经常开支将上升2.1%至6100亿元。\n\n地价收入预计为330亿元，较上年度修订预算上升10%。")
    assert t.loc["330亿元", "year"] == "2025-2026" and t.loc["330亿元", "year_source"] == "only_year"
    t = _table("2026年全市生产总值预期增长5.5%左右。\n\n城镇新增就业力争达到3万人。")
    assert t.loc["达到3万人", "kind"] == "target" and t.loc["达到3万人", "year"] == "2026"


def test_a_heading_reporting_work_done_makes_results_even_when_it_names_goals():
    t = _table("今年以来工作情况\n\n一、各项目标任务完成情况\n\n全年完成建设里程88公里，完成投资7.6亿元。\n\n"
               "二、明年工作目标\n\n计划完成投资8亿元。")
    assert t.loc["88公里", "kind"] == "achieved" and t.loc["7.6亿元", "kind"] == "achieved"
    assert t.loc["8亿元", "kind"] in ("target", "plan")


# ---------------------------------------------------------------- round 8 (written examples of its families)


def test_taiwan_amounts_in_yi_wan_and_qian_and_grouped_by_ten_thousands():
    t = _table("基金预算案编列83亿4,512万3千元，其中营运资金12亿705万1千元。")
    assert t.loc["83亿4,512万3千元", "value"] == 8345123000 and t.loc["12亿705万1千元", "value"] == 1207051000
    t = _table("114年度岁入预算数2310,4567,000元，较上年度减少5,0213,000元。")
    assert t.loc["2310,4567,000元", "value"] == 23104567000 and t.loc["2310,4567,000元", "kind"] == "plan"
    assert t.loc["5,0213,000元", "value"] == 50213000
    assert _table("全年完成1,234,567元。").loc["1,234,567元", "value"] == 1234567


def test_age_groups_are_not_figures():
    t = _table("全县0-14岁、15-64岁、65岁及以上常住人口分别占16.2%、66.1%、17.7%。")
    assert list(t.index) == ["16.2%", "66.1%", "17.7%"]


def test_a_target_lead_after_the_announcement_of_the_plan_in_the_same_sentence():
    t = _table("6月1日，某市印发《制造业数字化转型三年行动计划（2024-2026年）》，其中提出，到2026年，"
               "规上工业企业数字化改造覆盖率达到90%。\n——智能工厂加快建设。建成智能工厂30家，数字化车间120个。")
    assert t.loc["达到90%", "kind"] == "target" and t.loc["达到90%", "year"] == "2026"
    assert t.loc["30家", "kind"] == "target" and t.loc["30家", "year"] == "2026"


# ---------------------------------------------------------------- round 9 (written examples of its families)


def test_chinese_numerals_written_digit_by_digit():
    t = _table("明年度总预算一六三〇亿元，约二八五亿元用于建设。")
    assert t.loc["一六三〇亿元", "value"] == 163_000_000_000 and t.loc["约二八五亿元", "value"] == 28_500_000_000


def test_an_amount_of_yi_without_a_unit_in_a_sentence_about_money():
    t = _table("政府向卫生部门增拨45亿添置设备。")
    assert t.loc["45亿", "unit"] == "元" and t.loc["45亿", "value"] == 4_500_000_000
    assert _table("全国14亿人民团结奋斗。").loc["14亿", "unit"] == ""


def test_parts_of_an_amount_apart_by_spaces():
    assert _table("岁出215 亿 3,201万2,000元。").loc["215 亿 3,201万2,000元", "value"] == 21_532_012_000


def test_a_span_of_months_ending_in_a_year_is_no_goal():
    t = _table("失业率由2023年12月至2024年2月的3.0%下降至2024年1月至3月的2.9%。")
    assert set(t["kind"]) == {"achieved"}


def test_a_year_lead_after_a_speakers_colon():
    t = _table("县长向大会作报告。在回顾2019年和“十三五”工作时，他说：2019年，全县上下奋力拼搏。全县生产总值完成98.6亿元，增长7.2%。")
    assert t.loc["98.6亿元", "year"] == "2019" and t.loc["增长7.2%", "year"] == "2019"


def test_the_value_of_the_year_compared_with_takes_that_year():
    t = _table("岁出预算编列268.4亿元，较113年度法定预算数251.2亿元，增加17.2亿元。", date="2024-10-20")
    assert t.loc["251.2亿元", "year"] == "2024" and t.loc["251.2亿元", "year_source"] == "compared"
    t = _table("全市生产总值650亿元，比2020年的600亿元增加50亿元。全市生产总值比2020年增长8.3%。")
    assert t.loc["600亿元", "year"] == "2020" and t.loc["650亿元", "year"] == "" and t.loc["增长8.3%", "year"] != "2020"


def test_now_in_an_undated_text_takes_no_guessed_year():
    t = _table("2025年全市生产总值增长5%。\n\n目前，主要发达国家的科技进步贡献率已经达到80%左右。")
    assert t.loc["达到80%左右", "year"] == ""


def test_an_amount_in_chinese_numerals_written_in_yi_and_wan_sections():
    t = _table("岁入二百一十六亿四千零五十二万八千元。")
    assert t.loc["二百一十六亿四千零五十二万八千元", "value"] == 21_640_528_000


def test_an_undated_release_opening_on_a_month_of_a_named_year():
    t = _table("国发会今召开113年5月景气灯号记者会。\n\n综合判断分数较上月增加2分，出口值年增3.1%。")
    assert t.loc["3.1%", "year"] == "2024"
    t = _table("2023年5月份，全国规模以上工业增加值同比增长3.5%。\n\n社会消费品零售总额增长12.7%。")
    assert t.loc["增长12.7%", "year"] == "2023"


def test_a_review_since_the_district_was_founded_a_year_ago():
    t = _table("区成立一年以来，经济平稳发展。预计地区生产总值超过900亿元，增长8%左右。", date="2019-01-20")
    assert t.loc["超过900亿元", "year"] == "2018" and t.loc["超过900亿元", "kind"] == "achieved"


def test_this_fiscal_year_is_the_fiscal_year_that_holds_the_documents_date():
    text = "政府公布，本财政年度首9个月录得705亿元赤字。今个财政年度首10个月赤字599亿元。"
    january = _table(text, "2025-01-28")
    assert january.loc["705亿元", "year"] == "2024-2025" and january.loc["705亿元", "year_source"] == "relative:本财政年度"
    assert january.loc["599亿元", "year"] == "2024-2025"
    assert _table(text, "2024-05-02").loc["705亿元", "year"] == "2024-2025"
    assert _table(text, "2025").loc["705亿元", "year"] == ""  # the month decides which fiscal year


def test_a_release_dated_by_its_own_day_dates_the_rest_of_its_results():
    text = ("统计处今日发表的最新数字显示，失业率由6月至8月的3.7%上升至7月至9月的3.9%。\n"
            "两段时间相比，总就业人数减少约6100人，失业人数增加约4600人。")
    t = _table(text, "2025-10-20")
    assert t.loc["3.9%", "year_source"] == "document_date"
    assert t.loc["约6100人", "year"] == "2025" and t.loc["约6100人", "year_source"] == "only_year"
    undated = "统计处发表的数字显示，失业率为3.9%。\n两段时间相比，总就业人数减少约6100人。"
    assert _table(undated, "2025-10-20").loc["约6100人", "year"] == ""  # nothing says when


def test_scores_and_index_points_where_the_sentence_speaks_of_them():
    t = _table("景气对策信号综合判断分数为37分，较上月增加2分；领先指标为97.95点。机械设备灯号分数减少两分。", "2025-03-27")
    assert (t.loc["37分", "value"], t.loc["37分", "unit"]) == (37, "分")
    assert t.loc["2分", "kind"] == "comparison" and t.loc["两分", "value"] == 2
    assert (t.loc["97.95点", "value"], t.loc["97.95点", "unit"]) == (97.95, "点")
    other = _table("这一点十分重要，会议开了5分钟，下午3点召开，指数评审会下午2点开始。", "2025-03-27")
    assert not set(other["unit"]) & {"分", "点"}


def test_a_target_lead_after_an_announced_plan_without_title_marks_and_a_dateline():
    t = _table("某社5月20日电，某省人民政府办公厅发布进一步加快新能源汽车产业发展的指导意见，到2025年，"
               "新能源汽车年产量突破150万辆。全省设施规模显著提升，建成集中式充电站5000座以上。", "2022-05-20")
    assert t.loc["突破150万辆", "year"] == "2025"
    assert (t.loc["5000座以上", "year"], t.loc["5000座以上", "kind"]) == ("2025", "target")


def test_the_first_quarter_or_year_of_a_plan_named_by_its_opening():
    t = _table("“十四五”开局首季，某省经济迎来“开门红”。全省地区生产总值6575亿元，同比增长18.4%。")
    assert t.loc["6575亿元", "year"] == "2021"
    last = _table("2025年是“十四五”收官之年。全市生产总值增长5%。")
    assert last.loc["增长5%", "year"] == "2025"
    period = _table("“十四五”时期，全市数字经济年均增长10%以上。", "2021-05-19")
    assert period["year"].tolist() == ["2021-2025"]


def test_an_ascii_zero_among_chinese_digits_is_read_as_their_zero():
    t = _table("收入合计四八三亿一六0五万九千元，其中税收二00三万元。")
    assert t.loc["四八三亿一六0五万九千元", "value"] == 48316059000  # the surface stays as written
    assert t.loc["二00三万元", "value"] == 20030000


def test_a_paragraph_reporting_what_the_announced_plan_says_holds_its_targets():
    text = ("某网讯：3月23日，某市人民政府发布关于印发《某市能源保障行动方案(2023—2027年)》的通知。\n"
            "《方案》指出，构建多元现代的能源保障体系。电力装机超过4000万千瓦，天然气产量达到200亿立方米。\n"
            "另据统计，2022年全市电力装机为3500万千瓦。")
    t = _table(text, "2023-03-27")
    assert (t.loc["超过4000万千瓦", "year"], t.loc["超过4000万千瓦", "kind"]) == ("2027", "target")
    assert t.loc["超过4000万千瓦", "kind_cue"] == "《方案》指出"
    assert (t.loc["3500万千瓦", "year"], t.loc["3500万千瓦", "kind"]) == ("2022", "achieved")  # the next paragraph


def test_the_period_a_release_reports_on_dates_its_undated_half_year():
    text = ("7月20日，省政府新闻办举办新闻发布会，介绍2022年二季度全省国民经济运行情况。\n"
            "上半年，全省实现地区生产总值15252.34亿元，同比增长4.2%。")
    t = _table(text)
    assert t.loc["15252.34亿元", "year"] == "2022" and t.loc["15252.34亿元", "year_source"] == "earlier"
    based = _table("一季度国内生产总值270178亿元，比2021年四季度环比增长1.3%。")
    assert based.loc["增长1.3%", "year"] == "2022"  # a base compared with is not the period reported
