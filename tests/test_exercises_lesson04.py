"""Lesson 04 exercises: the reference solutions pass; each typical mistake, made the way a student
would, gets the diagnosis that names it; wrong answers never give the answer."""

import re

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson04 as ex
from .exercise_context import assert_named, check_printed as _run


@pytest.fixture(scope="module")
def chains(corpus):
    return zp.extract_chains(corpus)


def run_solution(exercise, **names):
    scope = dict(names)
    exec(exercise.solution_code, scope)
    return scope


def test_q1_densest_document(corpus, chains, capsys):
    answer = run_solution(ex.q1, chains=chains, corpus=corpus)["answer"]
    ok, out = _run(ex.q1, answer, chains, corpus, capsys=capsys)
    assert ok
    chars = pd.Series(corpus["n_chars"].values, index=corpus["doc_id"])
    main = chains[chains["kind"].isin(ex.SCORED)]
    counts = main.groupby("doc_id").size().reindex(chars.index, fill_value=0)
    every = chains.groupby("doc_id").size().reindex(chars.index, fill_value=0)
    occurrences = main.groupby("doc_id")["count"].sum().reindex(chars.index, fill_value=0)
    lengths = pd.Series(corpus["text"].str.len().values, index=corpus["doc_id"])
    cases = [
        ((1000 * every / chars).max(), "所有类型"),
        (counts.max(), "这是链条的条数"),
        ((1000 * occurrences / chars).max(), "count 列"),
        ((counts / chars).max(), "每个字的条数"),
        ((1000 * counts / lengths).max(), "换行和空格"),
        ((10000 * counts / chars).max(), "每万字"),
        (round(answer, 1), "只保留了 1 位小数"),
    ]
    assert assert_named(ex.q1, cases, answer, chains, corpus, capsys=capsys, places=2, secrets=(f"{answer:.2f}",)) >= 6
    ok, out = _run(ex.q1, round(answer + 0.3), chains, corpus, capsys=capsys)  # a whole number near the answer
    assert not ok and "数值对了" not in out and "2 位小数" in out
    ok, out = _run(ex.q1, counts.idxmax(), chains, corpus, capsys=capsys)
    assert not ok and "类型" in out  # a doc_id: the question asks for the density


def test_q1_on_a_corpus_without_chains(capsys):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["一句话。"], "n_chars": [4]})
    ok, out = _run(ex.q1, 0.0, zp.extract_chains(corpus), corpus, capsys=capsys)
    assert ok and "没有找到" in out


@pytest.mark.parametrize("pattern, says", [
    (r"从(.+)迈向(.+)", "没有引号的句子也匹配了"),
    (r"从“[^”]*”迈向“[^”]*”", "用 + 而不是 *"),
    (r"从“.+”迈向“.+”", "越过了右引号"),
    (r"从“[^”]+”.*迈向“[^”]+”", "右引号”后面要紧跟“迈向”"),
    (r'从"[^"]+"迈向"[^"]+"', "中文引号"),
    (r"迈向", "没有引号的句子也匹配了"),
    (r"[", "不是合法的正则表达式"),
    (r"从“[^”]+”迈向", "B 也要在引号“”里"),
    (r"从“[^”]+”迈向“[^”]*”", "B 的引号里是空的"),
])
def test_q2_pattern_mistakes(pattern, says, capsys):
    ok, out = _run(ex.q2, pattern, capsys=capsys)
    assert not ok and says in out, out
    assert "[^”]+”迈向" not in out  # the answer is never printed


def test_q2_pattern_right(capsys):
    assert _run(ex.q2, run_solution(ex.q2)["pattern"], capsys=capsys)[0]


FLOW = ("闭环", "循环", "联动", "链条")


@pytest.mark.parametrize("func, says", [
    (lambda text: "—" in text, "凡是有破折号的句子都判成了链条"),
    (lambda text: any(word in text for word in FLOW), "在破折号串前面"),
    (lambda text: False, "一个链条也没有认出来"),
    (lambda text: "联动" in text, "判断反了"),
])
def test_q3_flow_function_mistakes(func, says, capsys):
    ok, out = _run(ex.q3, func, capsys=capsys)
    assert not ok and says in out, out
    assert "FLOW_WORDS" not in out


def test_q3_flow_function_right(capsys):
    assert _run(ex.q3, run_solution(ex.q3)["flows"], capsys=capsys)[0]
    ok, out = _run(ex.q3, "不是函数", capsys=capsys)
    assert not ok and "类型" in out


def test_q4_role_words(chains, capsys):
    answer = run_solution(ex.q4, chains=chains)["answer"]
    assert _run(ex.q4, answer, chains, capsys=capsys)[0]
    roles = chains["roles"]
    assert _run(ex.q4, pd.Series(answer).unique(), chains, capsys=capsys)[0]  # an Arrow-backed array
    ok, out = _run(ex.q4, answer[:-1] + ["不存在的角色"], chains, capsys=capsys)
    assert not ok and "少了 1 个" in out and "多了 1 个" in out
    triad_only = sorted({r for rs in roles[chains["kind"] == "triad"] for r in rs})
    if set(triad_only) != set(answer):
        ok, out = _run(ex.q4, triad_only, chains, capsys=capsys)
        assert not ok and "只看了 triad" in out
    role_only = sorted({r for rs in roles[chains["kind"] == "role"] for r in rs})
    if set(role_only) != set(answer):
        ok, out = _run(ex.q4, role_only, chains, capsys=capsys)
        assert not ok and "只看了 role" in out
    nodes = sorted({n for ns in chains.loc[chains["kind"].isin(["triad", "role"]), "nodes"] for n in ns})
    ok, out = _run(ex.q4, nodes, chains, capsys=capsys)
    assert not ok and "节点" in out
    from zhpolicy.extraction.chains import role_words

    ok, out = _run(ex.q4, list(role_words()["role"]), chains, capsys=capsys)
    assert not ok and "角色词表里的全部词" in out
    ok, out = _run(ex.q4, chains.loc[chains["kind"].isin(["triad", "role"]), "roles"].tolist(), chains, capsys=capsys)
    assert not ok and "先把每行的 roles 展开" in out
    ok, out = _run(ex.q4, "基础", chains, capsys=capsys)
    assert not ok and "类型" in out


def test_hints_do_not_contain_the_solutions():
    for q in (ex.q1, ex.q2, ex.q3, ex.q4):
        assert len(q.hints) >= 2
        body = [line for line in q.solution_code.splitlines() if line.strip() and not line.startswith("import")]
        for hint in q.hints:
            assert not any(line.strip() in hint for line in body), hint
    assert not re.search(r"\[\^”\]\+", " ".join(ex.q2.hints))
