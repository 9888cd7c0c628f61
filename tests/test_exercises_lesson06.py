"""Lesson 06 exercises: the reference solutions pass; each typical mistake, made the way a student
would, gets the diagnosis that names it; a wrong answer never shows the right one."""

import math

import pandas as pd
import pytest

from zhpolicy.extraction import instruments as I
from zhpolicy.teaching.exercises import lesson06
from .exercise_context import assert_named, check_printed as _run


@pytest.fixture(scope="module")
def coded(corpus):
    return I.code_clauses(I.policy_clauses(corpus))


@pytest.fixture(scope="module")
def five(coded):
    return lesson06.five_clauses(coded)


MINE = ["无", "环境型", "供给型", "供给型", "无"]


def test_five_clauses_hide_the_rules(coded, five):
    assert len(five) == 5 and list(five.columns) == ["clause_id", "doc_id", "text"]
    assert five.equals(lesson06.five_clauses(coded))


def test_q1_checks_the_form_of_a_coding(five, capsys):
    ok, out = _run(lesson06.q1, ["供给型"] * 4, five, capsys=capsys)
    assert not ok and "5 个编码" in out
    ok, out = _run(lesson06.q1, ["供给型", "环境型", "需求型", "无", "政策"], five, capsys=capsys)
    assert not ok and "政策" in out
    ok, out = _run(lesson06.q1, ["供给", "环境型", "需求", "无", ""], five, capsys=capsys)
    assert not ok and "写全称" in out and "“供给型”" in out and "“无”" in out
    ok, out = _run(lesson06.q1, ["供给型", "环境型", "需求型", "无", "环境型"], five, capsys=capsys)
    assert ok and "已记录" in out and "正确！" not in out and "没有标准答案" in out  # a format check, not a verdict
    assert _run(lesson06.q1, pd.Series(MINE), five, capsys=capsys)[0]  # any list-like
    ok, out = _run(lesson06.q1, ["无 ", "环境型", "供给型", "供给型", "\u3000无"], five, capsys=capsys)
    assert not ok and "多了空格" in out and "'无 '" in out


def test_q2_kappa_with_the_rules(coded, five, capsys):
    rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()
    right = I.cohen_kappa(MINE, rules)
    assert not math.isnan(right)
    assert _run(lesson06.q2, round(right, 2), MINE, five, coded, capsys=capsys)[0]
    p_o, p_e = lesson06.agreement_parts(MINE, rules)
    cases = [(p_o, "一致率 p_o"), (p_e, "偶然一致率 p_e"), (p_o - p_e, "还要除以 (1 − p_e)"),
             (float(sum(a == b for a, b in zip(MINE, rules))), "一致的条款数")]
    assert assert_named(lesson06.q2, cases, right, MINE, five, coded, capsys=capsys, places=2,
                        secrets=(f"{right:.2f}",)) >= 3
    every_type = coded.set_index("clause_id").loc[five["clause_id"], "types"].tolist()
    with_types = I.cohen_kappa(MINE, every_type)
    ok, out = _run(lesson06.q2, round(with_types, 2), MINE, five, coded, capsys=capsys)
    assert not ok and "types 列" in out, out
    for zero in (0, 0.0):  # κ = 0 is not “the right value with too few decimals”
        ok, out = _run(lesson06.q2, zero, MINE, five, coded, capsys=capsys)
        assert not ok and "数值对了" not in out and f"{right:.2f}" not in out
    ok, out = _run(lesson06.q2, 0.5, None, five, coded, capsys=capsys)
    assert not ok and "先完成上一题" in out
    ok, out = _run(lesson06.q2, float("nan"), rules, five, coded, capsys=capsys)  # identical codings
    assert ok == math.isnan(I.cohen_kappa(rules, rules))


def test_q3_share_of_strategic_measures(coded, capsys):
    share = I.instrument_mix(coded, by="subtype", share=True)["策略性措施"]
    right = share.max() * 100
    ok, out = _run(lesson06.q3, round(right, 1), coded, capsys=capsys)
    assert ok and share.idxmax() in out
    measures = coded[coded["measure"] == "是"]
    per_clause = measures["subtypes"].str.split("|").map(lambda s: "策略性措施" in s).groupby(measures["doc_id"]).mean()
    cases = [
        (right / 100, "百分数"),
        (I.instrument_mix(coded, by="subtype")["策略性措施"].max(), "编码次数"),
        (per_clause.max() * 100, "措施条款的比例"),
        (I.instrument_mix(coded, share=True)["环境型"].max() * 100, "“环境型”整类"),
        (round(right, 0), "1 位小数"),  # a whole number: a reminder of the decimals, not “the value is right”
    ]
    for answer, says in cases:
        ok, out = _run(lesson06.q3, round(float(answer), 3), coded, capsys=capsys)
        assert not ok and says in out and "数值对了，但只保留了 0" not in out, (answer, out)
        assert share.idxmax() not in out


def test_q4_clauses_with_several_types(coded, capsys):
    types = coded["types"]
    right = int((types.str.count(r"\|") >= 1).sum())
    assert _run(lesson06.q4, right, coded, capsys=capsys)[0]
    cases = [
        (int((coded["subtypes"].str.count(r"\|") >= 1).sum()), "subtypes"),
        (int((types != "").sum()), "至少有一种"),
        (int((types.str.count(r"\|") >= 2).sum()), "三种类型都有"),
        (int(types.str.count(r"\|").sum()), "“|”的个数加起来"),
        (int(types.str.contains("|").sum()), "regex=False"),  # “|” read as “or”: every clause
        (int(coded.loc[coded["measure"] == "是", "types"].str.contains("|").sum()), "regex=False"),
        (right + 3, "太多了"),
    ]
    for answer, says in cases:
        if answer == right:
            continue
        ok, out = _run(lesson06.q4, answer, coded, capsys=capsys)
        assert not ok and says in out, (answer, out)


def test_q5_chance_agreement(coded, five, capsys):
    rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()
    p_o, right = lesson06.agreement_parts(MINE, rules)
    ok, out = _run(lesson06.q5, round(right, 2), MINE, five, coded, capsys=capsys)
    assert ok
    mine = pd.Series(MINE).value_counts(normalize=True)
    theirs = pd.Series(rules).value_counts(normalize=True)
    cases = [(p_o, "一致率 p_o"), ((mine ** 2).sum(), "你自己这一边"), ((theirs ** 2).sum(), "规则这一边"),
             (1 / len(set(MINE) | set(rules)), "1/类别数"), (1.5, "0 到 1 之间")]
    assert assert_named(lesson06.q5, cases, right, MINE, five, coded, capsys=capsys, places=2) >= 3


def test_exercises_on_a_corpus_without_clauses(capsys):
    coded = I.code_clauses(I.policy_clauses({"x": "标题"}))
    five = lesson06.five_clauses(coded)
    assert len(five) == 0
    ok, out = _run(lesson06.q1, ["无"], five, capsys=capsys)
    assert not ok and "没有条款" in out
    assert "无法检查" in out and "❌" not in out  # the corpus, not the student, is short
