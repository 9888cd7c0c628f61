"""Lesson 02 exercises: right answers pass, wrong ones say what is off without the answer."""

import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson02


@pytest.fixture(scope="module")
def toks(corpus):
    return zp.tokens(corpus)


def _run(q, answer, *context, capsys):
    q.check(answer, *context)
    return q.passed, capsys.readouterr().out


def test_q1_share_of_the_two_terms(toks, capsys):
    content = zp.analysis.terms.content_tokens(toks)
    right = content["token"].isin(["科技创新", "产业创新"]).sum() / len(content) * 100
    ok, out = _run(lesson02.q1, round(right, 2), toks, capsys=capsys)
    assert ok and "✅" in out
    ok, out = _run(lesson02.q1, right / 100, toks, capsys=capsys)  # a proportion, not a percentage
    assert not ok and "百分数" in out
    ok, out = _run(lesson02.q1, right + 1, toks, capsys=capsys)
    assert not ok and "偏大" in out and f"{right:.2f}" not in out
    ok, out = _run(lesson02.q1, right - 1, toks, capsys=capsys)
    assert not ok and "偏小" in out
    ok, out = _run(lesson02.q1, "4.6", toks, capsys=capsys)
    assert not ok and "类型" in out


def test_q2_richest_vocabulary(toks, capsys):
    content = zp.analysis.terms.content_tokens(toks)
    by_doc = content.groupby("doc_id")["token"]
    ttr = by_doc.nunique() / by_doc.size()
    ok, out = _run(lesson02.q2, ttr.idxmax(), toks, capsys=capsys)
    assert ok
    ok, out = _run(lesson02.q2, ttr.idxmin(), toks, capsys=capsys)
    assert not ok and "还有更高的" in out and ttr.idxmax() not in out
    ok, out = _run(lesson02.q2, "999_nope", toks, capsys=capsys)
    assert not ok and "不是语料里的 doc_id" in out
    ok, _ = _run(lesson02.q2, ["x"], toks, capsys=capsys)
    assert not ok


def test_q3_least_used_term_of_the_last_document(toks, capsys):
    last = sorted(toks["doc_id"].unique())[-1]
    table = zp.keyness(toks, last)
    under = table[table["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])
    ok, out = _run(lesson02.q3, under["term"].iloc[0], toks, capsys=capsys)
    assert ok
    ok, out = _run(lesson02.q3, table[table["direction"] == "over"]["term"].iloc[0], toks, capsys=capsys)
    assert not ok and "多用" in out and under["term"].iloc[0] not in out
    ok, out = _run(lesson02.q3, under["term"].iloc[1], toks, capsys=capsys)
    assert not ok and "不是 G² 最大" in out


def test_one_document_corpus_gets_a_sentence_not_a_crash(capsys):
    toks = zp.tokens({"only": "推动科技创新和产业创新深度融合。推动科技创新。"})
    lesson02.q3.check("科技创新", toks)
    assert not lesson02.q3.passed and "只有一篇" in capsys.readouterr().out


def test_hints_are_graded_and_never_the_solution():
    for q in (lesson02.q1, lesson02.q2, lesson02.q3):
        assert len(q.hints) >= 2 and q.expects
        for hint in q.hints:
            assert q.solution_code.splitlines()[-1] not in hint
