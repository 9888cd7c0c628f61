"""Years and kinds of families probed before round 5 (written examples): 截至 is "as of", a year
framed by 是 beside a plan period, 预期增长 as a target cue."""

import pandas as pd

import zhpolicy as zp


def _table(text: str, date: str = "") -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [date]})
    return zp.extract_statistics(corpus).set_index("surface")


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
