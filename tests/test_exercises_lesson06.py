import math

import pytest

from zhpolicy.extraction import instruments as I
from zhpolicy.teaching.exercises import lesson06


@pytest.fixture(scope="module")
def coded(corpus):
    return I.code_clauses(I.policy_clauses(corpus))


def test_five_clauses_hide_the_rules(coded):
    five = lesson06.five_clauses(coded)
    assert len(five) == 5 and list(five.columns) == ["clause_id", "doc_id", "text"]
    assert five.equals(lesson06.five_clauses(coded))


def test_q1_checks_the_form_of_a_coding(coded, capsys):
    five = lesson06.five_clauses(coded)
    lesson06.q1.check(["供给型"] * 4, five)
    assert not lesson06.q1.passed and "5 个编码" in capsys.readouterr().out
    lesson06.q1.check(["供给型", "环境型", "需求型", "无", "政策"], five)
    assert not lesson06.q1.passed and "政策" in capsys.readouterr().out
    lesson06.q1.check(["供给型", "环境型", "需求型", "无", "环境型"], five)
    assert lesson06.q1.passed


def test_q2_kappa_with_the_rules(coded, capsys):
    five = lesson06.five_clauses(coded)
    rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()
    mine = ["供给型", "环境型", "需求型", "无", "环境型"]
    right = I.cohen_kappa(mine, rules)
    lesson06.q2.check(right + 0.2 if not math.isnan(right) else 0.5, mine, five, coded)
    assert not lesson06.q2.passed
    assert str(round(right, 2)) not in capsys.readouterr().out
    lesson06.q2.check(right, mine, five, coded)
    assert lesson06.q2.passed
    lesson06.q2.check(float("nan"), rules, five, coded)  # identical codings: kappa 1 or undefined
    assert lesson06.q2.passed == math.isnan(I.cohen_kappa(rules, rules))


def test_q3_to_q5(coded, corpus, capsys):
    share = I.instrument_mix(coded, by="subtype", share=True)["策略性措施"]
    lesson06.q3.check(share.idxmin(), coded)
    assert not lesson06.q3.passed
    lesson06.q3.check(share.idxmax(), coded)
    assert lesson06.q3.passed
    n = int((coded["types"].str.count(r"\|") >= 1).sum())
    lesson06.q4.check(n + 3, coded)
    assert not lesson06.q4.passed and "太多" in capsys.readouterr().out
    lesson06.q4.check(n, coded)
    assert lesson06.q4.passed
    matched = I.match_sample(I.hand_sample(), coded)
    lesson06.q5.check(0.9, matched)
    assert not lesson06.q5.passed
    pa = matched["human_type"].value_counts(normalize=True)
    pb = matched["rules_type"].value_counts(normalize=True)
    lesson06.q5.check(float((pa * pb).fillna(0).sum()), matched)
    assert lesson06.q5.passed


def test_exercises_on_a_corpus_without_clauses(capsys):
    coded = I.code_clauses(I.policy_clauses({"x": "标题"}))
    five = lesson06.five_clauses(coded)
    assert len(five) == 0
    lesson06.q1.check(["无"], five)
    assert not lesson06.q1.passed and "没有条款" in capsys.readouterr().out
