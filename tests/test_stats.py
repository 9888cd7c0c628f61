"""The statistics extractor: measured against the reference annotations, and tested on
made-up sentences it has never seen."""

import math
import subprocess
import sys

import pandas as pd
import pytest

from zhpolicy.extraction.evaluate import match_statistics, precision_recall
from zhpolicy.extraction.stats import check_consistency, cn_to_int, extract_statistics

from .conftest import DATA, SEEDS, accuracy_floor


@pytest.fixture(scope="module")
def found(corpus):
    return extract_statistics(corpus)


@pytest.fixture(scope="module")
def gold():
    return pd.read_csv(DATA / "seeds_statistics.csv", dtype={"year": str})


#: Items the reference annotations call borderline: neither required nor penalised.
BORDERLINE = {"九项重点任务", "改革开放40多年", "3个国际科技创新中心"}


def scored(found: pd.DataFrame, corpus) -> pd.DataFrame:
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    keep = []
    for f in found.itertuples():
        context = texts[f.doc_id][max(0, f.start - 6):f.end + 8]
        keep.append(not any(b in context and f.surface in b for b in BORDERLINE))
    return found[keep]


def test_precision_and_recall_against_the_reference(found, gold, corpus):
    score = precision_recall(scored(found, corpus), gold)
    print(f"\nstatistics (doc + value + unit):\n{score.to_string()}")
    assert score["recall"] >= accuracy_floor("statistics", "recall")
    assert score["precision"] >= accuracy_floor("statistics", "precision")


#: Documented corrections to the reference years: 003 dates its figures with 今年上半年 and its
#: catalog date is 2025, so they are 2025 (the reference left them empty when relative years were
#: not resolved); 001's three undated figures stand in a sentence opening 目前 (now) and 001 is dated
#: 2025-12-19, so they are 2025 (目前/当前 name the document's year, data/stat_years.tsv rule now).
#: Asked for in the notes so that the shared reference can be updated.
YEAR_CORRECTIONS = {("003_dd093aed7fc08f9e", ""): "2025", ("001_effeab6a5a37e459", ""): "2025"}


def corrected(gold: pd.DataFrame) -> pd.DataFrame:
    years = [YEAR_CORRECTIONS.get((d, "" if pd.isna(y) else y), y) for d, y in zip(gold["doc"], gold["year"])]
    return gold.assign(year=years)


def test_years_agree_with_the_reference(found, gold, corpus):
    score = precision_recall(scored(found, corpus), corrected(gold), with_year=True)
    print(f"\nstatistics (doc + value + unit + year):\n{score.to_string()}")
    assert score["recall"] >= accuracy_floor("statistics", "year_recall")


def test_matching_counts_each_reference_once():
    found = pd.DataFrame({"doc_id": ["a", "a", "a"], "value": [3.0, 3.0, 5.0], "unit": ["%", "%", "元"],
                          "year": ["2024", "2025", ""], "surface": ["3%", "3%", "5元"]})
    gold = pd.DataFrame({"doc": ["a", "a", "b"], "value": [3.0, 5.0, 1.0], "unit": ["%", "元", "rank"],
                         "year": ["2023", None, None]})
    assert list(match_statistics(found, gold)["matched"]) == [True, True, False]
    score = precision_recall(found, gold)
    assert (score["matched"], score["precision"], score["recall"]) == (2, round(2 / 3, 3), round(2 / 3, 3))
    assert precision_recall(found, gold, with_year=True)["matched"] == 1  # neither 3% is dated 2023


def test_non_statistics_are_left_out(found, corpus):
    negatives = pd.read_csv(DATA / "seeds_not_statistics.csv")
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for row in negatives.itertuples():
        text = texts[row.doc]
        start = text.find(row.surface)
        if start < 0:
            continue  # removed by cleaning (e.g. the page reference 下转第9版)
        end = start + len(row.surface)
        overlapping = found[(found["doc_id"] == row.doc) & (found["start"] < end) & (found["end"] > start)]
        assert overlapping.empty, f"{row.surface} ({row.why}) was extracted as {list(overlapping['surface'])}"


def test_every_figure_traces_back_to_its_sentence(found, corpus):
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for f in found.itertuples():
        assert texts[f.doc_id][f.start:f.end] == f.surface
        assert f.surface in f.sentence


@pytest.mark.parametrize(
    "sentence, surface, value, unit, qualifier",
    [
        ("全社会研发经费投入超过3.6万亿元。", "超过3.6万亿元", 3.6e12, "元", "超过"),
        ("集成电路进口额为24590.7亿元。", "24590.7亿元", 2.45907e12, "元", ""),
        ("研发人员全时当量为324.7万人年。", "324.7万人年", 3_247_000, "人年", ""),
        ("全国共登记技术合同近41万件。", "近41万件", 410_000, "件", "近"),
        ("研发投入强度提升到2.54%。", "2.54%", 2.54, "%", ""),
        ("出口增长约为4.3%左右。", "约为4.3%左右", 4.3, "%", "约"),
        ("我国创新能力排名全球第10位。", "排名全球第10位", 10, "rank", ""),
        ("论文数量位居世界第一。", "位居世界第一", 1, "rank", ""),
        ("研发人员总量稳居世界首位。", "稳居世界首位", 1, "rank", ""),
        ("高被引科学家数量排名世界第二。", "排名世界第二", 2, "rank", ""),
        ("十个经济体位列前10位。", "前10位", 10, "rank", "前"),
        ("要素驱动（<2000美元）。", "<2000美元", 2000, "美元", "<"),
        ("创新驱动（>17000美元）。", ">17000美元", 17000, "美元", ">"),
        ("效率驱动（3000美元-8999美元）。", "3000美元-8999美元", 3000, "美元", "range"),
        ("产值增长了两倍。", "两倍", 2, "倍", ""),
        ("新增贷款三万亿元。", "三万亿元", 3e12, "元", ""),
        ("用户规模达10.8亿人，同比增长7.2个百分点。", "达10.8亿人", 1.08e9, "人", "达到"),
    ],
)
def test_values_are_normalised_to_base_units(sentence, surface, value, unit, qualifier):
    row = extract_statistics(sentence).iloc[0]
    assert (row["surface"], row["unit"], row["qualifier"]) == (surface, unit, qualifier)
    assert math.isclose(row["value"], value)


def test_range_keeps_both_ends():
    row = extract_statistics("效率驱动向创新驱动转型（9000美元-17000美元）。").iloc[0]
    assert (row["value"], row["value_high"]) == (9000, 17000)


@pytest.mark.parametrize(
    "text",
    [
        "党的二十届三中全会和二十届中央财经委员会第一次会议作出部署。",
        "“十五五”时期要编制好第十五个五年规划。",
        "中共中央政治局第十一次集体学习时强调。",
        "2025年12月，中央经济工作会议召开。更新时间：2025-12-19",
        "详见第3页和（下转第9版）的内容，【中图分类号】G322，项目编号Z251100007625003。",
        "推动工业互联网、5G、云服务发展，参加G20峰会。",
        "实现“从0到1”的突破。\n1. 原创性技术突破\na. 培育企业",
        "划分为五个发展阶段，坚持“四个面向”，列为九项重点任务之首。",
        "习近平总书记指出[1]，科技是第一生产力、人才是第一资源。",
        "构建深圳—香港—广州科技集群，改革开放40多年来成就显著。",
        "见《中国统计年鉴2025》和《2014—2015年全球竞争力报告》。",
    ],
)
def test_non_statistics_in_unseen_sentences(text):
    assert extract_statistics(text).empty, list(extract_statistics(text)["surface"])


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("2024年，我国研发经费投入超过3.6万亿元，技术合同成交额达到6.8万亿元。", "2024"),
        ("据《中国统计年鉴2025》，2024年，有研发活动的企业占比为31.3%。", "2024"),
        ("世界银行数据显示，2023年，研发支出占比为3%左右。", "2023"),
        ("预测“十五五”期间（2026年-2030年）年均增速约为4.3%。", "2026-2030"),
        ("目前，主要发达国家的科技进步贡献率已经达到80%左右。", ""),
        ("今年上半年，全国共登记技术合同近41万件。", ""),
    ],
)
def test_years_come_from_the_clause_or_the_sentence_topic(sentence, year):
    assert set(extract_statistics(sentence)["year"]) == {year}


def test_year_attached_with_de_wins_over_the_clause():
    table = extract_statistics("研发人员全时当量由2012年的324.7万人年提高到2023年的635.4万人年，稳居世界首位。")
    assert list(table["year"]) == ["2012", "2023", ""]
    assert list(table["indicator"]) == ["研发人员全时当量"] * 3


def test_indicator_and_source():
    table = extract_statistics("根据海关总署数据，2025年，我国集成电路进口额为24590.7亿元。")
    assert table.iloc[0]["indicator"] == "集成电路进口额"
    assert table.iloc[0]["source"] == "海关总署"
    table = extract_statistics("2025年，中国人均国内生产总值为13953美元[7]，增速约为4.3%[8]。")
    assert list(table["source"]) == ["注释[7]", "注释[8]"]
    table = extract_statistics("按人均国内生产总值等指标将全球143个经济体分为五个发展阶段。")
    assert (table.iloc[0]["indicator"], table.iloc[0]["value"], table.iloc[0]["unit"]) == ("经济体", 143, "个")


def test_chinese_numerals():
    assert [cn_to_int(t) for t in ["一", "十", "十二", "二十", "一百零五", "两千"]] == [1, 10, 12, 20, 105, 2000]


# ---------------------------------------------------------------- consistency


def test_consistency_flags_on_made_up_documents():
    docs = {
        "a": "2024年，全社会研究与试验发展经费投入超过3.6万亿元。",
        "b": "2025年，全社会研发经费投入突破3万亿元，研发人员由2025年的300万人年提高到2025年的600万人年。",
        "c": "世界银行数据显示，高收入国家研发支出占G党P的比重为3%左右。",
    }
    flags = check_consistency(extract_statistics(docs))
    checks = set(flags["check"])
    assert {"same_indicator_differs", "later_value_smaller", "same_start_and_end_year", "corrupted_token"} <= checks
    smaller = flags[flags["check"] == "later_value_smaller"].iloc[0]
    assert (smaller["doc_id"], smaller["other_doc_id"]) == ("b", "a")
    assert all(len(r) > 20 for r in flags["reason"])


def test_consistent_documents_raise_no_flags():
    docs = {"a": "2023年，研发经费投入为3.3万亿元。", "b": "2024年，研发经费投入为3.6万亿元。"}
    flags = check_consistency(extract_statistics(docs))
    assert "later_value_smaller" not in set(flags["check"])


def test_seed_flags(corpus, found):
    flags = check_consistency(found, corpus)
    checks = flags.groupby("check")["doc_id"].apply(lambda s: sorted(set(d[:3] for d in s))).to_dict()
    assert checks["same_start_and_end_year"] == ["001"]
    assert checks["later_value_smaller"] == ["001"]
    assert checks["corrupted_token"] == ["001"]
    assert checks["header_disagrees_with_body"] == ["001"]
    teaser = flags[flags["check"] == "header_disagrees_with_body"].iloc[0]
    assert teaser["other_surface"].startswith("2024年") and teaser["surface"].startswith("2025年")


def test_cli_prints_writes_and_checks(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("2024年，全社会研发经费投入超过3.6万亿元。".encode("gb18030"))
    out = tmp_path / "stats.csv"
    run = [sys.executable, "-m", "zhpolicy.cli", "stats"]
    result = subprocess.run(run + [str(gbk)], capture_output=True, text=True, check=True)
    assert "超过3.6万亿元" in result.stdout and "3,600,000,000,000" in result.stdout
    subprocess.run(run + [str(SEEDS), "--csv", str(out)], check=True, capture_output=True)
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert len(table) >= 36 and {"surface", "value", "unit", "year", "indicator", "source"} <= set(table.columns)
    result = subprocess.run(run + ["--check", str(SEEDS)], capture_output=True, text=True, check=True)
    assert "same_start_and_end_year" in result.stdout
    result = subprocess.run(run + [str(tmp_path / "missing")], capture_output=True, text=True)
    assert result.returncode == 2 and "找不到" in result.stderr
