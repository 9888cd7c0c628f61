"""track_targets: what a corpus promised set against what it reports as done (issue 28), on a
written three-year corpus of one government's reports (a renamed indicator, a missing year, a target
met only within 左右), beside another government's, and one written pair per qualifier rule."""

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.extraction.stats import extract_statistics, track_targets, verdict_rules
from zhpolicy.extraction.stats.targets import judge

REPORTS = {
    "示范省政府工作报告2022.txt": ("2022-01-20", "一、2021年工作回顾\n全省地区生产总值增长8.0%，城镇新增就业120万人。\n"
                                   "二、2022年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业110万人以上；"
                                   "城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右；粮食产量1200万吨以上。"),
    "示范省政府工作报告2023.txt": ("2023-01-18", "一、2022年工作回顾\n全省GDP增长5.6%，城镇新增就业105万人，"
                                   "城镇调查失业率平均为5.6%，居民消费价格上涨2.1%，粮食产量1250万吨。\n"
                                   "二、2023年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%以上；"
                                   "研发投入强度达到2.5%。"),
    "示范省政府工作报告2025.txt": ("2025-01-16", "一、2024年工作回顾\n全省生产总值增长5.2%。"),
    "邻省政府工作报告2023.txt": ("2023-01-15", "一、2022年工作回顾\n全省地区生产总值增长7.5%。\n"
                                 "二、2023年工作安排\n今年主要预期目标：地区生产总值增长6.5%左右。"),
    "邻省政府工作报告2024.txt": ("2024-01-20", "一、2023年工作回顾\n全省地区生产总值增长4.0%。"),
}


@pytest.fixture(scope="module")
def tracked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    catalog = ["file,title,date"]
    for name, (date, text) in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        catalog.append(f"{name},{name[:-4]},{date}")
    (folder / "catalog.csv").write_text("\n".join(catalog) + "\n", encoding="utf-8")
    corpus = zp.load_corpus(folder)
    return track_targets(extract_statistics(corpus), corpus)


def row(tracked, indicator, year, target_doc_part):
    hit = tracked[(tracked["indicator"] == indicator) & (tracked["year"] == year)
                  & tracked["target_doc"].str.contains(target_doc_part)]
    assert len(hit) == 1, tracked[["indicator", "year", "target_doc", "result"]]
    return hit.iloc[0]


def test_a_renamed_indicator_is_paired_through_the_synonym_table(tracked):
    gdp = row(tracked, "地区生产总值", "2022", "示范省")
    assert (gdp["target"], gdp["result"], gdp["confidence"]) == ("增长6%左右", "增长5.6%", "high")
    assert "示范省政府工作报告2023" in gdp["result_doc"] and "同义词表" in gdp["pairing"]
    assert gdp["target_sentence"] != gdp["result_sentence"]


def test_a_target_met_only_within_zuoyou(tracked):
    gdp = row(tracked, "地区生产总值", "2022", "示范省")
    assert gdp["verdict"] == "达到" and "左右" in gdp["rule"]  # 5.6% is short of 6% but within 左右


@pytest.mark.parametrize("indicator, verdict", [
    ("城镇新增就业", "未达到"),       # 105万人 < 110万人以上
    ("城镇调查失业率", "未达到"),     # 5.6% > 5.5%以内
    ("居民消费价格", "达到"),         # 2.1% under a ceiling of 3%左右
    ("粮食产量", "达到"),             # 1250万吨 >= 1200万吨以上
])
def test_each_qualifier_rule_on_the_written_corpus(tracked, indicator, verdict):
    assert row(tracked, indicator, "2022", "示范省")["verdict"] == verdict


def test_a_missing_year_leaves_the_target_unjudged(tracked):
    for indicator in ("地区生产总值", "研发投入强度"):  # no report of 2024 tells 2023's results
        missing = row(tracked, indicator, "2023", "示范省")
        assert (missing["result"], missing["verdict"]) == ("", "无法判断")
        assert "没有找到" in missing["rule"]


def test_another_governments_results_are_never_used(tracked):
    neighbour = row(tracked, "地区生产总值", "2023", "邻省")
    assert (neighbour["result"], neighbour["verdict"]) == ("增长4.0%", "未达到")
    assert "邻省" in neighbour["result_doc"]


@pytest.mark.parametrize("target, result, bound, better, verdict", [
    ({"value": 5, "value_high": None}, {"value": 5.1, "surface": "5.1%", "qualifier": ""}, "以上", "higher", "达到"),
    ({"value": 5, "value_high": None}, {"value": 4.9, "surface": "4.9%", "qualifier": ""}, "不低于", "higher", "未达到"),
    ({"value": 5.5, "value_high": None}, {"value": 5.6, "surface": "5.6%", "qualifier": ""}, "以内", "lower", "未达到"),
    ({"value": 3, "value_high": None}, {"value": 0.2, "surface": "0.2%", "qualifier": ""}, "左右", "lower", "达到"),
    ({"value": 5, "value_high": None}, {"value": 4.6, "surface": "4.6%", "qualifier": ""}, "左右", "higher", "达到"),
    ({"value": 5, "value_high": None}, {"value": 4.4, "surface": "4.4%", "qualifier": ""}, "左右", "higher", "未达到"),
    ({"value": 5, "value_high": 6}, {"value": 5.5, "surface": "5.5%", "qualifier": ""}, "range", "higher", "达到"),
    ({"value": 5, "value_high": 6}, {"value": 4.5, "surface": "4.5%", "qualifier": ""}, "range", "higher", "未达到"),
    ({"value": 5, "value_high": None}, {"value": 5, "surface": "增长5%", "qualifier": "增长"}, "", "higher", "达到"),
    ({"value": 2.5, "value_high": None}, {"value": 3, "surface": "超过3%", "qualifier": "超过"}, "左右", "higher", "达到"),
    ({"value": 5, "value_high": None}, {"value": 3, "surface": "超过3%", "qualifier": "超过"}, "以上", "higher", "无法判断"),
])
def test_one_pair_per_qualifier_rule(target, result, bound, better, verdict):
    got, rule = judge(target, result, bound, better)
    assert got == verdict and rule


def test_every_rule_of_the_verdict_file_is_explained():
    rules = verdict_rules()
    assert {"以上", "不低于", "以内", "左右", "range", ""} <= set(rules)
    assert all(explanation for _, _, explanation in rules.values())


def test_the_targets_command_writes_the_table(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "reports"
    folder.mkdir()
    for name, (date, text) in list(REPORTS.items())[:2]:
        (folder / name).write_text(f"date {date}\n{text}", encoding="utf-8")
    (folder / "catalog.csv").write_text("file,title,date\n" + "\n".join(
        f"{name},{name[:-4]},{date}" for name, (date, _) in list(REPORTS.items())[:2]) + "\n", encoding="utf-8")
    out = tmp_path / "targets.csv"
    subprocess.run([sys.executable, "-m", "zhpolicy.cli", "targets", str(folder), "--csv", str(out)],
                   check=True, capture_output=True)
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert {"indicator", "year", "target", "result", "verdict", "rule", "confidence"} <= set(table.columns)
    gdp = table[(table["indicator"] == "地区生产总值") & (table["year"] == "2022")].iloc[0]
    assert (gdp["result"], gdp["verdict"]) == ("增长5.6%", "达到")
    printed = subprocess.run([sys.executable, "-m", "zhpolicy.cli", "targets", str(folder)],
                             check=True, capture_output=True, text=True).stdout
    assert "地区生产总值" in printed and "达到" in printed
