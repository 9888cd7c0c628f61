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


def _ranked_pairs(coded, names):
    hits = coded[names] > 0
    counts = {(a, b): int((hits[a] & hits[b]).sum()) for a, b in itertools.combinations(names, 2)}
    return sorted(counts, key=lambda p: (-counts[p], p)), counts


def test_q1_pair_of_themes(setup, capsys):
    _, names, _, coded = setup
    ranked, counts = _ranked_pairs(coded, names)
    best = ranked[0]
    assert _run(lesson03.q1, list(best), coded, names, capsys=capsys)[0]
    assert _run(lesson03.q1, tuple(reversed(best)), coded, names, capsys=capsys)[0]
    assert _run(lesson03.q1, pd.Series(best), coded, names, capsys=capsys)[0]  # any list-like
    worse = next(p for p in ranked if counts[p] < counts[best])
    ok, out = _run(lesson03.q1, list(worse), coded, names, capsys=capsys)
    assert not ok and "不是同时出现最多的" in out and str(counts[worse]) not in out  # no count of the guess
    frequent = list((coded[names] > 0).sum().sort_values(ascending=False, kind="stable").index[:2])
    if counts[tuple(sorted(frequent, key=names.index))] < counts[best]:
        ok, out = _run(lesson03.q1, frequent, coded, names, capsys=capsys)
        assert not ok and "各自编码段落最多" in out
    ok, out = _run(lesson03.q1, "产业体系 企业主体", coded, names, capsys=capsys)
    assert not ok and "类型" in out and "✅" not in out
    ok, out = _run(lesson03.q1, ["产业体系"], coded, names, capsys=capsys)
    assert not ok and "两个" in out
    ok, out = _run(lesson03.q1, ["产业体系", "没有这个主题"], coded, names, capsys=capsys)
    assert not ok and "不是编码表里的主题名" in out


def test_q1_names_counting_hits_instead_of_paragraphs(capsys):
    # Paragraph 1 mentions 甲 and 乙 many times; paragraphs 2 and 3 have 甲 and 丙 once each.
    coded = pd.DataFrame({"doc_id": ["d"] * 3, "甲": [5, 1, 1], "乙": [5, 0, 0], "丙": [0, 1, 1]})
    assert _run(lesson03.q1, ["甲", "丙"], coded, ["甲", "乙", "丙"], capsys=capsys)[0]
    ok, out = _run(lesson03.q1, ["甲", "乙"], coded, ["甲", "乙", "丙"], capsys=capsys)
    assert not ok and "命中次数" in out


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
        (round(right, 1), "只保留了 1 位小数"),
    ]
    assert assert_named(lesson03.q3, cases, right, coded, names, capsys=capsys, places=2, secrets=(means.idxmin(),)) >= 4


def test_hints_are_graded():
    for q in (lesson03.q1, lesson03.q2, lesson03.q3):
        assert len(q.hints) >= 2 and q.expects in ("list", "table", "number")
