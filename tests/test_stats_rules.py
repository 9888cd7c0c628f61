"""Every rule family of the statistics extractor, on made-up sentences in the style of policy texts."""

import math

import pandas as pd
import pytest

from zhpolicy.numbers import read_rule_table

from zhpolicy.extraction.stats import check_consistency, extract_statistics, resolve_relative_year


def dated(text: str, date: str = "", doc_id: str = "d") -> pd.DataFrame:
    """A one-document corpus with a date, as load_corpus gives it."""
    return pd.DataFrame({"doc_id": [doc_id], "label": [doc_id], "date": [date], "text": [text]})


# ---------------------------------------------------------------- number forms


@pytest.mark.parametrize("sentence, surface, value, unit, qualifier", [
    ("全市地区生产总值达到 56.3 万亿元。", "达到 56.3 万亿元", 5.63e13, "元", "达到"),
    ("社会消费品零售总额增长 5 %。", "增长 5 %", 5, "%", "增长"),
    ("全省新增城镇就业3200多万人。", "3200多万人", 3.2e7, "人", "多"),
    ("累计培育科技型中小企业1500余家。", "1500余家", 1500, "家", "多"),
    ("新开通5G基站超10万个。", "超10万个", 1e5, "个", "超过"),
    ("研发投入强度提高0.3个百分点。", "0.3个百分点", 0.3, "个百分点", ""),
    ("粮食产量稳定在1.3万亿斤以上。", "1.3万亿斤以上", 1.3e12, "斤", "以上"),
    ("全年发电量达9.4万亿千瓦时。", "达9.4万亿千瓦时", 9.4e12, "千瓦时", "达到"),
    ("港口集装箱吞吐量3.1亿标准箱。", "3.1亿标准箱", 3.1e8, "标准箱", ""),
    ("新建高标准农田8000万亩。", "8000万亩", 8e7, "亩", ""),
    ("风电装机容量3.7 亿千瓦。", "3.7 亿千瓦", 3.7e8, "千瓦", ""),
    ("技术合同成交额突破万亿元。", "突破万亿元", 1e12, "元", "突破"),
    ("企业研发费用约占三分之二。", "三分之二", 200 / 3, "%", ""),
    ("农民收入十年翻一番。", "翻一番", 2, "倍", ""),
    ("七成以上的企业开展了数字化改造。", "七成以上", 70, "%", "以上"),
    ("累计收集古籍45万余份。", "45万余份", 4.5e5, "份", "多"),
])
def test_number_forms(sentence, surface, value, unit, qualifier):
    row = extract_statistics(sentence).iloc[0]
    assert (row["surface"], row["unit"], row["qualifier"]) == (surface, unit, qualifier)
    assert math.isclose(row["value"], value, rel_tol=1e-6)


@pytest.mark.parametrize("sentence, low, high, unit", [
    ("预期增长5%—6%。", 5, 6, "%"),
    ("比重提高5至6个百分点。", 5, 6, "个百分点"),
    ("新增就业1100万—1200万人。", 1.1e7, 1.2e7, "人"),
])
def test_ranges(sentence, low, high, unit):
    row = extract_statistics(sentence).iloc[0]
    assert (row["qualifier"], row["unit"]) == ("range", unit)
    assert math.isclose(row["value"], low) and math.isclose(row["value_high"], high)


@pytest.mark.parametrize("sentence, value", [
    ("全区科技创新指数位列全省第一。", 1),
    ("综合实力居全市第二。", 2),
    ("连续三年荣登全国县域经济百强县榜首。", 1),
    ("首次跻身全国先进制造业20强。", 20),
    ("在年度评价中，营商环境第3、开放水平第5。", 3),
])
def test_ranks_at_every_scope(sentence, value):
    table = extract_statistics(sentence)
    assert table.iloc[0]["unit"] == "rank" and table.iloc[0]["value"] == value


# ---------------------------------------------------------------- not statistics: one sentence per rule


def test_every_not_statistic_rule_has_an_example_that_it_removes():
    for rule in read_rule_table("stat_not_statistics.tsv"):
        assert extract_statistics(rule["example"]).empty, (rule["name"], list(extract_statistics(rule["example"])["surface"]))


@pytest.mark.parametrize("text", [
    "深入实施“百千万工程”，开展“万企兴万村”行动。",
    "打造三个千亿级产业集群，实施百万人才计划。",
    "第十五届全国运动会在广州举行，这是第3批试点。",
    "对50人以下企业给予补贴，营业收入2000万元以上的工业企业纳入统计。",
    "加快6G研发，C919大飞机实现商业运营。",
    "2025年3月5日，会议于9:30开幕；国发〔2024〕7号文件印发。",
    "每10万人口拥有执业医师数持续提高。",
])
def test_names_ordinals_classes_codes_and_dates(text):
    assert extract_statistics(text).empty, list(extract_statistics(text)["surface"])


def test_a_unit_character_that_starts_a_word_is_not_a_unit():
    assert extract_statistics("培育3个人才团队的经验值得推广。").empty


# ---------------------------------------------------------------- years and their source


def test_year_from_a_numbered_heading_not_from_a_sibling_section():
    text = "一、2023年工作回顾\n国内生产总值增长5.2%，城镇新增就业1244万人。\n二、政府工作任务\n城镇新增就业1200万人左右。"
    table = extract_statistics(dated(text))
    assert list(table["year"]) == ["2023", "2023", ""]
    assert list(table["year_source"]) == ["heading", "heading", ""]


def test_year_from_an_unnumbered_heading():
    text = "2024年工作回顾\n粮食产量达到1.4万亿斤。\n外汇储备超过3.2万亿美元。\n2025年主要预期目标\n城镇新增就业1200万人以上。"
    table = extract_statistics(dated(text, "2025-03-05"))
    assert list(table["year"]) == ["2024", "2024", "2025"]
    assert table.iloc[2]["kind"] == "target"


@pytest.mark.parametrize("sentence, date, year, source", [
    ("今年上半年，全市登记技术合同1.2万件。", "2024-08-01", "2024", "relative:今年上半年"),
    ("去年全省技术合同成交额突破5000亿元。", "2024-03-01", "2023", "relative:去年"),
    ("过去一年，全国新增减税降费超过2.2万亿元。", "2024-03-05", "2023", "relative:过去一年"),
    ("前三季度全区规上工业增加值增长6.1%。", "2022-07-18", "2021", "relative:前三季度"),
    ("全年新开工改造城镇老旧小区5.3万个。", "2023-12-28", "2023", "relative:全年"),
    ("今年上半年，全市登记技术合同1.2万件。", "", "", ""),
])
def test_relative_years_against_the_document_date(sentence, date, year, source):
    row = extract_statistics(dated(sentence, date)).iloc[0]
    assert (row["year"], row["year_source"]) == (year, source)


def test_year_carries_over_commas_but_not_over_semicolons():
    text = "根据统一核算结果，2021年全区实现生产总值752.1亿元，比上年增长6.2%；全年新增市场主体1.2万户。"
    table = extract_statistics(dated(text, "2022-07-18"))
    assert list(table["year"]) == ["2021", "2021", "2021"]
    assert table.iloc[2]["year_source"] == "relative:全年"


def test_year_of_a_paragraph_carries_to_its_later_sentences():
    table = extract_statistics("2023年，全市经济稳中向好。规上工业增加值增长6.5%。")
    assert (table.iloc[0]["year"], table.iloc[0]["year_source"]) == ("2023", "paragraph")


def test_ends_of_a_change_over_a_period_take_its_first_and_last_year():
    text = "数据显示，2020年至2024年期间，全省工业增加值由3.1万亿元攀升至4.0万亿元。"
    assert list(extract_statistics(text)["year"]) == ["2020", "2024"]


def test_a_comparison_base_is_not_the_figures_year():
    table = extract_statistics("全年研发经费比2012年增长了2倍。")
    assert list(table["year"]) == [""]


def test_five_year_plan_periods():
    table = extract_statistics("“十四五”期间，数字经济核心产业增加值年均增长10%以上。")
    assert table.iloc[0]["year"] == "2021-2025"


def test_resolving_needs_the_month_for_review_words():
    assert resolve_relative_year("去年", "2025") == "2024"
    assert resolve_relative_year("全年", "2025") == ""
    assert resolve_relative_year("全年", "2025-03-05") == "2024"


# ---------------------------------------------------------------- kind of figure


@pytest.mark.parametrize("sentence, kind", [
    ("全市地区生产总值完成1560亿元。", "achieved"),
    ("今年发展主要预期目标是：国内生产总值增长5%左右。", "target"),
    ("力争到2027年全社会研发投入强度达到3%。", "target"),
    ("拟安排地方政府专项债券4.4万亿元。", "plan"),
    ("技术合同成交额比上年增加1200亿元。", "comparison"),
    ("规上工业增加值同比增长6.1%。", "achieved"),  # a growth rate follows what it measures (issue 28)
])
def test_kind_of_figure(sentence, kind):
    assert extract_statistics(dated(sentence, "2025-03-05")).iloc[0]["kind"] == kind


# ---------------------------------------------------------------- indicators


def test_respectively_pairs_items_with_figures():
    table = extract_statistics("高技术制造业和装备制造业增加值分别增长12.5%和8.3%。")
    assert list(table["indicator"]) == ["高技术制造业", "装备制造业增加值"]


def test_indicator_never_stops_mid_word_or_swallows_the_previous_figure():
    table = extract_statistics("研发投入强度平均为2.1%。")
    assert table.iloc[0]["indicator"] == "研发投入强度"
    table = extract_statistics("全区生产总值达到520亿元、规上工业增加值增长7.1%。")
    assert "520" not in table.iloc[1]["indicator"]


# ---------------------------------------------------------------- consistency at scale


def test_consistency_is_grouped_by_indicator_and_capped():
    docs = {f"d{i:03d}": f"{2000 + i % 20}年，全社会研发经费投入为{1000 - i}亿元。" for i in range(200)}
    stats = extract_statistics(docs)
    flags = check_consistency(stats, max_per_check=5)
    assert (flags["check"] == "later_value_smaller").sum() == 6  # five flags and one row counting the rest
    assert flags.attrs["hidden"]["later_value_smaller"] > 0
    everything = check_consistency(stats, max_per_check=None)
    assert len(everything) > len(flags)


def test_chinese_numeral_years_and_spans_of_years():
    row = extract_statistics("二〇二三年，全县粮食产量12.5万吨。").iloc[0]
    assert (row["year"], row["year_source"]) == ("2023", "sentence")
    row = extract_statistics(dated("过去五年，累计减税降费4.2万亿元。", "2023-03-05")).iloc[0]
    assert (row["year"], row["year_source"]) == ("2018-2022", "relative:过去五年")


@pytest.mark.parametrize("sentence, kind", [
    ("全年地区生产总值同比（下同）增长4.5%，固定资产投资增长9.1%。", "achieved"),
    ("降幅较前三季度扩大1.5个百分点。", "comparison"),
    ("据预测，“十四五”期间，全省数字经济规模将达到3万亿元。", "target"),
    ("安排超长期特别国债3000亿元支持设备更新。", "plan"),
])
def test_kind_cues_across_the_sentence(sentence, kind):
    assert extract_statistics(dated(sentence, "2024-03-05")).iloc[-1]["kind"] == kind


def test_a_part_of_a_year_defers_to_the_heading_that_names_the_year():
    text = "一、2021年经济运行情况\n一季度、上半年、前三季度和全年增速分别为18.8%、9.6%、8.7%和6.2%。"
    table = extract_statistics(dated(text, "2022-07-18"))
    assert set(table["year"]) == {"2021"} and set(table["year_source"]) == {"heading"}


def test_a_span_of_years_needs_a_report_dated_at_the_turn_of_the_year():
    assert resolve_relative_year("五年来", "2023-03-05") == "2018-2022"
    assert resolve_relative_year("五年来", "2025-09-09") == ""


@pytest.mark.parametrize("sentence, value, unit", [
    ("全市近千家企业参与了数字化改造。", 1000, "家"),
    ("超百家科研机构入驻园区。", 100, "家"),
])
def test_round_magnitudes_without_a_number(sentence, value, unit):
    row = extract_statistics(sentence).iloc[0]
    assert (row["value"], row["unit"]) == (value, unit)


def test_compact_and_chinese_document_dates():
    from zhpolicy.extraction.stats import document_year_month

    assert document_year_month("20240305") == (2024, 3)
    assert document_year_month("2024年3月5日") == (2024, 3)
    assert document_year_month("2024") == (2024, None)


def test_levels_reached_at_the_end_of_a_period_take_its_last_year():
    text = "2020年至2024年，高技术制造业和装备制造业占规上工业的比重分别提升至16.3%和34.6%。"
    assert list(extract_statistics(text)["year"]) == ["2024", "2024"]


def test_a_limit_kept_in_a_past_year_is_a_result():
    text = "一、2023年工作回顾\n城镇调查失业率控制在5.5%以内。\n二、2024年主要目标\n城镇调查失业率控制在5.5%左右。"
    assert list(extract_statistics(dated(text, "2024-01-22"))["kind"]) == ["achieved", "target"]


def test_a_connector_is_never_an_indicator():
    table = extract_statistics("城乡居民人均可支配收入分别增长5.1%和7.2%。")
    assert "和" not in set(table["indicator"])


def test_a_year_after_a_reporters_attribution_is_the_sentence_topic():
    text = "记者从市科技局获悉，截至今年6月底，全市有效发明专利达到8.6万件。每万人口发明专利拥有量为32.1件。"
    table = extract_statistics(dated(text, "2024-07-08"))
    assert list(table["year"]) == ["2024", "2024"]


def test_a_comparison_phrase_is_not_an_indicator():
    table = extract_statistics("年末全市常住人口1234.5万人，比上年末增加12.3万人。")
    assert list(table["indicator"]) == ["年末全市常住人口", "年末全市常住人口"]
    assert table.iloc[1]["kind"] == "comparison"


def test_a_studys_own_sample_is_not_a_statistic():
    assert extract_statistics("基于2010—2020年30个省份的面板数据，本文发现效应为正。").empty


@pytest.mark.parametrize("text, date, year", [
    ("3月30日，峰会在京举行，共有600余位代表参会。", "2024-04-01", "2024"),
    ("12月28日，年会在京举行，共有300余位代表参会。", "2025-01-05", "2024"),
    ("日前，全市已建成充电桩1.2万个。", "2024-05-20", "2024"),
    ("3月30日，峰会在京举行，共有600余位代表参会。", "", ""),
])
def test_a_month_and_day_or_a_news_word_take_the_documents_year(text, date, year):
    row = extract_statistics(dated(text, date)).iloc[0]
    assert row["year"] == year and row["year_source"] == ("document_date" if year else "")


def test_a_dateline_is_not_a_section_year():
    text = "新华社12月27日讯 全国工作会议在京召开\n会议指出，全国累计建成5G基站419万个。"
    assert extract_statistics(dated(text, "2024-12-27")).iloc[0]["year"] == ""


@pytest.mark.parametrize("sentence, surface, value, unit", [
    ("民营企业贡献了约1/3的研发投入。", "约1/3", 100 / 3, "%"),
    ("全市3成以上企业完成数字化改造。", "3成以上", 30, "%"),
])
def test_slash_fractions_and_arabic_tenths(sentence, surface, value, unit):
    row = extract_statistics(sentence).iloc[0]
    assert (row["surface"], row["unit"]) == (surface, unit) and math.isclose(row["value"], value, rel_tol=1e-6)


def test_percent_kinds_for_the_chart():
    from zhpolicy.extraction.stats import percent_kinds

    table = extract_statistics("研发投入强度为2.6%，营业收入利润率为5.8%，其中，纺织业为3.7%。数字经济占比达到42%。出口增长7.1%。")
    assert list(percent_kinds(table)) == ["intensity", "intensity", "intensity", "share", "growth"]


@pytest.mark.parametrize("sentence, indicators", [
    ("全省工业增加值由3.1万亿元攀升至4.0万亿元。", ["全省工业增加值", "全省工业增加值"]),
    ("其中制造业增加值更是从2.6万亿元增长至3.3万亿元。", ["制造业增加值", "制造业增加值"]),
    ("制造业在全球的比重已逼近30%。", ["制造业在全球的比重"]),
    ("2022 年全区研发经费占GDP比重达3.02%。", ["全区研发经费占GDP比重"]),
    ("在全球504种主要工业产品中，多数产品产量居世界第一。", ["主要工业产品", "多数产品产量"]),
])
def test_indicators_stop_at_word_boundaries(sentence, indicators):
    assert list(extract_statistics(sentence)["indicator"]) == indicators


def test_related_indicators_are_found_without_comparing_all_pairs():
    from zhpolicy.extraction.stats import related_indicator_keys

    pairs = related_indicator_keys(["研发经费投入", "全社会研发经费投入", "技术合同成交额"])
    assert ("研发经费投入", "全社会研发经费投入") in pairs and ("技术合同成交额", "技术合同成交额") in pairs
    general = related_indicator_keys(["增加值"] + [f"第{i}产业增加值" for i in range(30)])
    assert not any(part == "增加值" and key != "增加值" for part, key in general)


def test_the_quick_test_of_each_span_rule_holds_in_every_match_of_its_example():
    from zhpolicy.extraction.stats.figures import _span_rules

    examples = [rule["example"] for rule in read_rule_table("stat_not_statistics.tsv") if rule["where"] == "span"]
    examples += ["60岁及以上人口、18-59岁劳动力", "会议于9:30开始，百千万工程", "国发〔2024〕3号"]
    assert examples
    for pattern, needs in _span_rules():
        for text in examples:
            for m in pattern.finditer(text):
                assert not needs or any(ch in m.group(0) for ch in needs), (pattern.pattern, m.group(0), needs)
