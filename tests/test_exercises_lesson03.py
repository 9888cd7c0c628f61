"""Lesson 03 exercises: typed answers, messages that say what is off without the answer."""

import itertools

import pandas as pd
import pytest

from zhpolicy.analysis import themes
from zhpolicy.teaching.exercises import lesson03


@pytest.fixture(scope="module")
def setup(corpus):
    codebook = themes.read_codebook()
    names = list(codebook["theme"])
    units = themes.theme_units(corpus)
    return codebook, names, units, themes.code_units(units, codebook)


def _best_pair(coded, names):
    hits = coded[names] > 0
    counts = {(a, b): int((hits[a] & hits[b]).sum()) for a, b in itertools.combinations(names, 2)}
    ranked = sorted(counts, key=lambda p: (-counts[p], p))
    return ranked, counts


def test_q1_pair_of_themes(setup, capsys):
    _, names, _, coded = setup
    ranked, counts = _best_pair(coded, names)
    lesson03.q1.check(list(ranked[0]), coded, names)
    assert lesson03.q1.passed
    lesson03.q1.check(list(reversed(ranked[0])), coded, names)
    assert lesson03.q1.passed
    worse = next(p for p in ranked if counts[p] < counts[ranked[0]])
    lesson03.q1.check(list(worse), coded, names)
    out = capsys.readouterr().out
    assert not lesson03.q1.passed and "更多" in out
    lesson03.q1.check("产业体系 企业主体", coded, names)  # a string where a list is expected
    out = capsys.readouterr().out
    assert not lesson03.q1.passed and "❌" in out and "类型" in out and "✅" not in out
    lesson03.q1.check(["产业体系"], coded, names)
    assert not lesson03.q1.passed and "两个" in capsys.readouterr().out
    lesson03.q1.check(["产业体系", "没有这个主题"], coded, names)
    assert not lesson03.q1.passed and "不是编码表里的主题名" in capsys.readouterr().out


def _with(codebook, **row):
    base = {"theme": "新质生产力", "terms": ["新质生产力"], "all_of": [], "none_of": [], "description": ""}
    return pd.concat([codebook, pd.DataFrame([{**base, **row}])], ignore_index=True)


def test_q2_new_theme_must_be_a_table_with_list_cells(setup, capsys):
    codebook, _, units, _ = setup
    lesson03.q2.check(_with(codebook), units)
    assert lesson03.q2.passed and "编码了" in capsys.readouterr().out
    lesson03.q2.check(codebook, units)
    assert not lesson03.q2.passed and "还没有新主题" in capsys.readouterr().out
    lesson03.q2.check(_with(codebook, terms="新质生产力"), units)  # a string where a list is expected
    out = capsys.readouterr().out
    assert not lesson03.q2.passed and "列表" in out and "str" in out
    lesson03.q2.check("新质生产力", units)
    assert not lesson03.q2.passed and "类型" in capsys.readouterr().out
    lesson03.q2.check(_with(codebook, terms=["一个语料里没有的词组"]), units)
    assert not lesson03.q2.passed and "一个段落也没有" in capsys.readouterr().out


def test_q3_most_focused_document(setup, capsys):
    _, names, _, coded = setup
    means = (coded[names] > 0).sum(axis=1).groupby(coded["doc_id"]).mean()
    lesson03.q3.check(means.idxmin(), coded, names)
    assert lesson03.q3.passed
    lesson03.q3.check(means.idxmax(), coded, names)
    out = capsys.readouterr().out
    assert not lesson03.q3.passed and "还有更少的" in out and means.idxmin() not in out


def test_hints_are_graded():
    for q in (lesson03.q1, lesson03.q2, lesson03.q3):
        assert len(q.hints) >= 2 and q.expects in ("list", "table", "text")
