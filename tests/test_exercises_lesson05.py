"""Lesson 05 exercises: the reference solutions pass on the seeds and on tables with the traps of
real corpora (a “0.00元”, amounts in 万/亿); each typical mistake, made the way a student would, gets
the diagnosis that names it; a wrong answer never shows the right one."""

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson05 as ex

from .exercise_context import check_printed as _run, run_solution


@pytest.fixture(scope="module")
def stats(corpus):
    return zp.extract_statistics(corpus)


def _table(rows):
    """A statistics table with the columns the exercises read (the rest left out)."""
    columns = ["doc_id", "doc", "surface", "value", "unit", "year", "year_source", "kind"]
    return pd.DataFrame(rows, columns=columns)


#: Six figures of three documents: a target, a plan, a dated and an undated result, a heading-dated
#: and a relative-dated figure, amounts written in 万亿/亿/万 and one “0.00元”.
TRAPS = _table([
    ("a_1", "甲 规划", "3.6万亿元", 3.6e12, "元", "2027", "clause", "target"),
    ("a_1", "甲 规划", "24590.7亿元", 2.45907e12, "元", "2024", "sentence", "achieved"),
    ("a_1", "甲 规划", "0.00元", 0.0, "元", "", "", "achieved"),
    ("b_2", "乙 报告", "拟安排2亿元", 2e8, "元", "2025", "relative:今年", "plan"),
    ("b_2", "乙 报告", "15000万元", 1.5e8, "元", "2025", "relative:去年", "achieved"),
    ("d_4", "丁 总结", "一、2024年工作回顾", 9e8, "元", "2024", "heading", "achieved"),
    ("c_3", "丙 通知", "增长5%", 5.0, "%", "2025", "document_date", "comparison"),
])


def test_q1_largest_share_of_undated_figures(stats, capsys):
    undated = (stats["year"] == "").groupby(stats["doc_id"]).mean() * 100
    right = float(undated.max())
    ok, out = _run(ex.q1, round(right, 1), stats, capsys=capsys)
    assert ok and undated.idxmax() in out
    counts = (stats["year"] == "").groupby(stats["doc_id"]).sum()
    cases = [
        (round(right / 100, 4), "百分数"),
        (0.0, "不是 NaN"),  # stats["year"].isna(): the empty year is "", so nothing is found
        (round((stats["year"] == "").mean() * 100, 1), "整个语料的比例"),
        (int(counts.max()), "个数"),
        (round(100 * counts.max() / len(stats), 1), "分母用错了"),
        (round(float((100 - undated).max()), 1), "有年份的数字"),
        (round(right), "1 位小数"),
    ]
    seen = set()
    for answer, says in cases:
        ok, out = _run(ex.q1, answer, stats, capsys=capsys)
        assert not ok and f"{right:.1f}" not in out and undated.idxmax() not in out
        if answer in seen:  # two mistakes give the same number on this corpus: the first diagnosis wins
            continue
        seen.add(answer)
        assert says in out, (answer, out)
    ok, out = _run(ex.q1, "0.1", stats, capsys=capsys)
    assert not ok and "类型" in out


def test_q1_when_every_figure_has_a_year(capsys):
    dated = TRAPS[TRAPS["year"] != ""]
    ok, out = _run(ex.q1, 0.0, dated, capsys=capsys)
    assert ok and "每个统计数字都有年份" in out and "没有年份：" not in out


def test_q1_on_a_table_with_the_traps(capsys):
    assert _run(ex.q1, 33.3, TRAPS, capsys=capsys)[0]  # 甲 规划 (a_1): one undated figure of its three
    passed, printed = run_solution("lesson05", "q1", {"zp": zp, "stats": TRAPS})
    assert passed, printed


def test_q2_documents_with_years_from_context(stats, corpus, capsys):
    source = stats["year_source"].astype(str)
    chosen = stats[(source == "heading") | source.str.startswith("relative")]
    for answer in (chosen["doc_id"].unique(), list(chosen["doc_id"]), sorted(set(chosen["doc_id"])), chosen["doc_id"]):
        assert _run(ex.q2, answer, stats, capsys=capsys)[0], type(answer)
    ok, out = _run(ex.q2, list(chosen["doc"].unique()), stats, capsys=capsys)  # labels, not doc_ids
    assert not ok and "label" in out and "年份" not in out
    ok, out = _run(ex.q2, [d[:3] for d in chosen["doc_id"].unique()], stats, capsys=capsys)
    assert not ok and "开头几个字符" in out
    ok, out = _run(ex.q2, list(chosen["doc_id"].unique()) + [corpus["doc_id"].iloc[-1]], stats, capsys=capsys)
    assert not ok and "个数不对" in out


def test_q2_single_guesses_tell_nothing_about_each_document(capsys):
    """Guessing one document at a time gets the same message whether or not it is one of the
    right documents: only the size of the guess is compared (a guess that is one of the named
    mistakes, such as “heading only”, gets that diagnosis instead)."""
    rows = [(doc, doc, "1万元", 1e4, "元", "2024", source, "achieved")
            for doc, source in (("h1", "heading"), ("h2", "heading"), ("r1", "relative:今年"), ("r2", "relative:去年"),
                                ("s1", "sentence"), ("c1", "clause"))]
    table = _table(rows)
    assert _run(ex.q2, ["h1", "h2", "r1", "r2"], table, capsys=capsys)[0]
    said = {doc: _run(ex.q2, [doc], table, capsys=capsys)[1] for doc in ("h1", "r2", "s1", "c1")}
    assert len(set(said.values())) == 1, said
    assert "少了" not in said["h1"] and "多了" not in said["h1"]
    same_size = {pair: _run(ex.q2, list(pair), table, capsys=capsys)[1]
                 for pair in (("h1", "r1"), ("s1", "c1"), ("h1", "c1"))}
    assert len(set(same_size.values())) == 1 and "个数不对" in same_size[("h1", "r1")]
    four = {docs: _run(ex.q2, list(docs), table, capsys=capsys)[1] for docs in (("h1", "h2", "r1", "s1"), ("s1", "c1", "h1", "r2"))}
    assert len(set(four.values())) == 1 and "个数对了" in four[("h1", "h2", "r1", "s1")]


@pytest.mark.parametrize("answer, says", [
    (TRAPS.loc[(TRAPS["year_source"] == "heading") | (TRAPS["year_source"] == "relative"), "doc_id"].unique(),
     "startswith"),
    (["b_2", "c_3", "d_4"], "document_date"),
    (TRAPS.loc[~TRAPS["year_source"].isin(["clause", "sentence"]), "doc_id"].unique(), "年份留空"),
    (["甲 规划"], "label"),
])
def test_q2_mistakes(answer, says, capsys):
    assert _run(ex.q2, ["b_2", "d_4"], TRAPS, capsys=capsys)[0]
    ok, out = _run(ex.q2, answer, TRAPS, capsys=capsys)
    assert not ok and says in out, out


def test_q2_names_one_source_of_two(capsys):
    ok, out = _run(ex.q2, ["d_4"], TRAPS, capsys=capsys)  # what == "relative" finds
    assert not ok and "只找到了章节标题" in out and "startswith" in out
    ok, out = _run(ex.q2, ["b_2"], TRAPS, capsys=capsys)
    assert not ok and "只找了相对词" in out


def test_q3_spread_of_amounts_within_a_document(stats, capsys):
    money = stats[(stats["unit"] == "元") & (stats["value"] > 0)].groupby("doc_id")["value"]
    spread = (money.max() / money.min())[money.size() >= 2]
    right = spread.max()
    assert _run(ex.q3, round(right, 2), stats, capsys=capsys)[0]
    ok, out = _run(ex.q3, round(right, 1), stats, capsys=capsys)  # right, rounded too far
    assert not ok and "只保留了 1 位小数" in out and "换算" not in out


def test_q3_on_a_table_with_a_zero_amount(capsys):
    passed, printed = run_solution("lesson05", "q3", {"zp": zp, "stats": TRAPS})
    assert passed, printed
    right = 3.6e12 / 2.45907e12
    money = TRAPS[TRAPS["unit"] == "元"]
    digits = money.assign(d=money["surface"].str.extract(r"(\d+(?:\.\d+)?)")[0].astype(float))
    digits = digits[digits["value"] > 0].groupby("doc_id")["d"]
    positive = money.loc[money["value"] > 0, "value"]
    cases = [
        ((digits.max() / digits.min()).max(), "数字部分"),  # 24590.7 / 3.6: the digits before converting
        (positive.max() / positive.min(), "整个语料"),
        (2e8 / 1.5e8, "倍数最小的一篇"),
        (2.45907e12 / 3.6e12, "min / max"),
        (1.0, "倍数是 1"),
        (round(right, 1), "只保留了 1 位小数"),
        (float("inf"), "除以了 0"),
    ]
    for value, says in cases:
        ok, out = _run(ex.q3, round(value, 2) if value != float("inf") else value, TRAPS, capsys=capsys)
        assert not ok and says in out, (value, out)
        assert f"{right:.2f}" not in out
    assert _run(ex.q3, round(right, 2), TRAPS, capsys=capsys)[0]


def test_q3_names_dollars_taken_for_yuan(capsys):
    dollars = pd.concat([TRAPS, _table([("a_1", "甲 规划", "100美元", 100.0, "美元", "2024", "sentence", "achieved")])],
                        ignore_index=True)
    right = 3.6e12 / 2.45907e12
    assert _run(ex.q3, round(right, 2), dollars, capsys=capsys)[0]
    ok, out = _run(ex.q3, round(3.6e12 / 100, 2), dollars, capsys=capsys)  # str.contains("元") takes 美元 too
    assert not ok and "美元" in out and "== \"元\"" in out


def test_q3_when_no_document_cites_two_amounts(capsys):
    table = TRAPS[TRAPS["doc_id"] == "c_3"]
    assert _run(ex.q3, 0, table, capsys=capsys)[0]
    passed, printed = run_solution("lesson05", "q3", {"zp": zp, "stats": table})
    assert passed, printed


def test_hints_never_contain_the_solution():
    for q in (ex.q1, ex.q2, ex.q3):
        assert len(q.hints) >= 2
        assert all(q.solution_code not in h for h in q.hints)
        assert all(line not in h for h in q.hints for line in q.solution_code.splitlines())


def test_lesson05_exercises_on_a_corpus_without_statistics(capsys):
    empty = zp.extract_statistics("没有数字的一句话。")
    ok, out = _run(ex.q1, 0.0, empty, capsys=capsys)
    assert not ok and "没有统计数字" in out
    assert "无法检查" in out and "❌" not in out  # the corpus, not the student, is short
    assert _run(ex.q2, [], empty, capsys=capsys)[0]
    assert _run(ex.q3, 0.0, empty, capsys=capsys)[0]
