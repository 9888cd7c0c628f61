"""Lesson 03 exercises: typed answers; each typical mistake, made the way a student would, gets
the diagnosis that names it; a wrong answer never shows the right one."""

import itertools

import pandas as pd
import pytest

from zhpolicy.analysis import themes
from zhpolicy.teaching.exercises import lesson03
from .exercise_context import assert_named, check_printed as _run


@pytest.fixture(scope="module")
def setup(corpus):
    codebook = themes.read_codebook()
    names = list(codebook["theme"])
    units = themes.theme_units(corpus)
    return codebook, names, units, themes.code_units(units, codebook)


def _jaccard(coded, names):
    hits = coded[names] > 0
    return {(a, b): (hits[a] & hits[b]).sum() / max((hits[a] | hits[b]).sum(), 1) for a, b in itertools.combinations(names, 2)}


def _top(scores):
    top = max(scores.values())
    return [pair for pair, score in scores.items() if score == top]


def test_q1_pair_of_themes_with_the_highest_jaccard(setup, capsys):
    _, names, _, coded = setup
    jaccard = _jaccard(coded, names)
    best = _top(jaccard)
    for pair in best:  # ties: any of them is right
        ok, out = _run(lesson03.q1, list(pair), coded, names, capsys=capsys)
        assert ok and "Jaccard" in out
    assert _run(lesson03.q1, tuple(reversed(best[0])), coded, names, capsys=capsys)[0]
    assert _run(lesson03.q1, pd.Series(best[0]), coded, names, capsys=capsys)[0]  # any list-like
    assert _run(lesson03.q1, [f" {best[0][0]}", best[0][1]], coded, names, capsys=capsys)[0]  # a space typed
    worse = min(jaccard, key=jaccard.get)
    ok, out = _run(lesson03.q1, list(worse), coded, names, capsys=capsys)
    assert not ok and "不是最高的" in out and f"{jaccard[worse]:.3f}" not in out  # nothing about the guess
    ok, out = _run(lesson03.q1, "产业体系 企业主体", coded, names, capsys=capsys)
    assert not ok and "类型" in out and "✅" not in out
    ok, out = _run(lesson03.q1, ["产业体系"], coded, names, capsys=capsys)
    assert not ok and "两个" in out
    ok, out = _run(lesson03.q1, ["产业体系", "没有这个主题"], coded, names, capsys=capsys)
    assert not ok and "不是编码表里的主题名" in out


def test_q1_names_each_likely_mistake_on_the_seeds(setup, capsys):
    """On the seeds each diagnosis gives a pair other than the right one, so a student sees it."""
    _, names, _, coded = setup
    hits = coded[names] > 0
    best = {frozenset(p) for p in _top(_jaccard(coded, names))}
    counts = {(a, b): (hits[a] & hits[b]).sum() for a, b in itertools.combinations(names, 2)}
    size = hits.sum()
    overlap = {(a, b): counts[(a, b)] / min(size[a], size[b]) for a, b in counts}
    cases = [
        (_top(counts)[0], "同时出现的段落最多"),
        (list(size.sort_values(ascending=False, kind="stable").index[:2]), "各自编码段落最多"),
        (list(hits.groupby(coded["doc_id"]).mean().mean().nlargest(2).index), "Jaccard"),  # the heatmap's two darkest rows
        (_top(overlap)[0], "较少的那个"),
    ]
    for pair, says in cases:
        assert frozenset(pair) not in best, pair
        ok, out = _run(lesson03.q1, list(pair), coded, names, capsys=capsys)
        assert not ok and says in out, (pair, out)


def test_q1_on_a_small_table(capsys):
    # 甲 is everywhere, so it co-occurs most with 乙; 丙 and 丁 always come together.
    coded = pd.DataFrame({"doc_id": ["d"] * 6, "甲": [1, 1, 1, 1, 1, 1], "乙": [1, 1, 1, 0, 0, 0],
                          "丙": [0, 0, 0, 0, 1, 1], "丁": [0, 0, 0, 0, 1, 1]})
    names = ["甲", "乙", "丙", "丁"]
    assert _run(lesson03.q1, ["丙", "丁"], coded, names, capsys=capsys)[0]
    ok, out = _run(lesson03.q1, ["甲", "乙"], coded, names, capsys=capsys)
    assert not ok and "同时出现的段落最多" in out


def _with(codebook, **row):
    base = {"theme": "新质生产力", "terms": ["新质生产力"], "all_of": [], "none_of": [], "description": ""}
    return pd.concat([codebook, pd.DataFrame([{**base, **row}])], ignore_index=True)


def test_q2_new_theme_must_be_a_table_with_list_cells(setup, capsys):
    codebook, _, units, _ = setup
    ok, out = _run(lesson03.q2, _with(codebook), units, capsys=capsys)
    assert ok and "编码了" in out
    ok, out = _run(lesson03.q2, codebook, units, capsys=capsys)
    assert not ok and "还没有新主题" in out
    ok, out = _run(lesson03.q2, _with(codebook, theme="企业主体"), units, capsys=capsys)
    assert not ok and "已有的主题名" in out
    ok, out = _run(lesson03.q2, _with(codebook).tail(1), units, capsys=capsys)  # only the new row
    assert not ok and "原来的主题少了" in out
    ok, out = _run(lesson03.q2, _with(codebook, terms="新质生产力"), units, capsys=capsys)  # a string, not a list
    assert not ok and "列表" in out and "str" in out
    ok, out = _run(lesson03.q2, _with(codebook, terms=("新质生产力",), all_of=(), none_of=()), units, capsys=capsys)
    assert ok and "编码了" in out  # tuples are list-likes too
    ok, out = _run(lesson03.q2, "新质生产力", units, capsys=capsys)
    assert not ok and "类型" in out
    ok, out = _run(lesson03.q2, _with(codebook, terms=["一个语料里没有的词组"]), units, capsys=capsys)
    assert not ok and "一个段落也没有" in out
    ok, out = _run(lesson03.q2, _with(codebook, all_of=["一个语料里没有的词组"]), units, capsys=capsys)
    assert not ok and "all_of / none_of 把它们都排除了" in out


def test_q3_most_focused_document(setup, capsys):
    _, names, _, coded = setup
    counts = (coded[names] > 0).sum(axis=1)
    means = counts.groupby(coded["doc_id"]).mean()
    right = float(means.min())
    ok, out = _run(lesson03.q3, round(right, 2), coded, names, capsys=capsys)
    assert ok and means.idxmin() in out
    cases = [
        (coded[names].sum(axis=1).groupby(coded["doc_id"]).mean().min(), "命中次数加起来"),
        (means.max(), "最大的平均数"),
        (counts.mean(), "整个语料"),
        (counts[counts > 0].groupby(coded["doc_id"]).mean().min(), "一个主题也没编码的段落去掉了"),
        (counts.groupby(coded["doc_id"]).median().min(), "中位数"),
        (round(right, 1), "只保留了 1 位小数"),
    ]
    assert assert_named(lesson03.q3, cases, right, coded, names, capsys=capsys, places=2, secrets=(means.idxmin(),)) >= 5
    ok, out = _run(lesson03.q3, round(right), coded, names, capsys=capsys)  # a whole number: never “the value is right”
    assert not ok and "数值对了" not in out


def test_hints_are_graded():
    for q in (lesson03.q1, lesson03.q2, lesson03.q3):
        assert len(q.hints) >= 2 and q.expects in ("list", "table", "number")
