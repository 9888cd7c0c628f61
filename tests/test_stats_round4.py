"""Kinds and years of the round-4 families (written examples): a target lead after a sentence that
announces the document, budget sections and planned measures."""

import pandas as pd

import zhpolicy as zp


def _table(text: str) -> pd.DataFrame:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    return zp.extract_statistics(corpus).set_index("surface")


def test_a_target_lead_after_the_sentence_announcing_the_plan():
    t = _table("某省人民政府办公厅印发《某省产业集群发展工作方案》。其中提出，到2027年，基本形成发展格局："
               "即营业收入超500亿元的5个，超100亿元的20个。县域产业加快升级：即争创3-5个领军型产业。")
    assert set(t["year"]) == {"2027"} and set(t["kind"]) == {"target"}
    assert t.loc["3-5个", "year_source"] == "scope"


def test_budget_sections_are_plans():
    t = _table("二、一般公共预算收支安排情况\n1.收入安排情况\n地方一般公共预算收入116059万元，增长6%；"
               "税收收入占一般公共预算收入的比重为71.1%。")
    assert set(t["kind"]) == {"plan"} and t.loc["116059万元", "kind_cue"] == "收支安排"


def test_a_first_budget_line_and_the_funds_available_are_plans():
    t = _table("综合以上因素，初步安排一般公共预算收入243500万元，增长8%。加上转移支付等，预计总财力744016万元。")
    assert t.loc["243500万元", "kind"] == "plan" and t.loc["744016万元", "kind"] == "plan"


def test_a_review_of_budget_execution_stays_achieved():
    t = _table("一、2023年预算执行情况\n全县一般公共预算收入完成225463万元，增长7.2%。")
    assert set(t["kind"]) == {"achieved"}


def test_planned_recruitment_is_a_plan():
    t = _table("2013年，全县计划招引20个以上过亿项目。")
    assert t.loc["20个以上", "kind"] == "plan"
