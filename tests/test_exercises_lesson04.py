"""Lesson 04 exercises: the reference solutions pass, wrong answers fail without giving the answer."""

import re

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson04 as ex


@pytest.fixture(scope="module")
def chains(corpus):
    return zp.extract_chains(corpus)


def run_solution(exercise, **names):
    scope = dict(names)
    exec(exercise.solution_code, scope)
    return scope


def test_q1_densest_document(corpus, chains, capsys):
    answer = run_solution(ex.q1, chains=chains, corpus=corpus)["answer"]
    ex.q1.check(answer, chains, corpus)
    assert ex.q1.passed
    counts = chains[chains["kind"].isin(ex.SCORED)].groupby("doc_id").size()
    most = counts.idxmax()
    ex.q1.check(most if most != answer else counts.drop(answer).idxmax(), chains, corpus)
    assert not ex.q1.passed
    ex.q1.check("no-such-doc", chains, corpus)
    assert not ex.q1.passed and "不是语料里的 doc_id" in capsys.readouterr().out
    ex.q1.check(["列表"], chains, corpus)
    assert not ex.q1.passed


def test_q1_on_a_corpus_without_chains():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["一句话。"]})
    ex.q1.check("a", zp.extract_chains(corpus), corpus)
    assert ex.q1.passed


def test_q2_pattern(capsys):
    ex.q2.check(run_solution(ex.q2)["pattern"])
    assert ex.q2.passed
    for wrong in (r"迈向", r"从.+迈向.+", r"从“", r"[", "从“[^”]*”迈向"):
        ex.q2.check(wrong)
        assert not ex.q2.passed, wrong
    out = capsys.readouterr().out
    assert "[^”]+" not in out  # the answer is never printed


def test_q3_flow_function(capsys):
    flows = run_solution(ex.q3)["flows"]
    ex.q3.check(flows)
    assert ex.q3.passed
    ex.q3.check(lambda text: "—" in text)
    assert not ex.q3.passed
    ex.q3.check("不是函数")
    assert not ex.q3.passed
    assert "FLOW_WORDS" not in capsys.readouterr().out


def test_q4_role_words(chains, capsys):
    answer = run_solution(ex.q4, chains=chains)["answer"]
    ex.q4.check(answer, chains)
    assert ex.q4.passed
    ex.q4.check(answer[:-1] + ["不存在的角色"], chains)
    out = capsys.readouterr().out
    assert not ex.q4.passed and "少了 1 个" in out and "多了 1 个" in out
    ex.q4.check("基础", chains)
    assert not ex.q4.passed


def test_hints_do_not_contain_the_solutions():
    for q in (ex.q1, ex.q2, ex.q3, ex.q4):
        assert len(q.hints) >= 2
        body = [line for line in q.solution_code.splitlines() if line.strip() and not line.startswith("import")]
        for hint in q.hints:
            assert not any(line.strip() in hint for line in body), hint
    assert not re.search(r"\[\^”\]\+", " ".join(ex.q2.hints))
