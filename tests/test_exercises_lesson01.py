"""Lesson 01 exercises: the reference answers pass; each typical mistake, made the way a student
would make it, gets the diagnosis that names it; a wrong answer never shows the right one."""

import re

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson01 as ex
from .exercise_context import check_printed as _run


def test_q1_total_characters_removed(corpus, capsys):
    audit = zp.cleaning_audit(corpus)
    right = int(audit["chars_removed"].sum())
    assert _run(ex.q1, right, corpus, capsys=capsys)[0]
    ok, out = _run(ex.q1, right - int(audit["chars_added"].sum()), corpus, capsys=capsys)  # net change
    assert not ok and "chars_added" in out and str(right) not in out
    ok, out = _run(ex.q1, int((corpus["n_chars_raw"] - corpus["n_chars"]).sum()), corpus, capsys=capsys)
    assert not ok and "n_chars_raw − n_chars" in out and "不计空白" in out
    ok, out = _run(ex.q1, int((corpus["raw"].str.len() - corpus["text"].str.len()).sum()), corpus, capsys=capsys)
    assert not ok and "len(raw) − len(text)" in out and "chars_removed" in out
    ok, out = _run(ex.q1, int(audit["changes"].sum()), corpus, capsys=capsys)
    assert not ok and "改动处数" in out
    removal = audit[audit["step"].isin(["strip_boilerplate", "drop_truncated_teaser", "drop_repeated_lines"])]
    ok, out = _run(ex.q1, int(removal["chars_removed"].sum()), corpus, capsys=capsys)
    assert not ok and "removal_steps" in out
    one_doc = audit.groupby("doc_id")["chars_removed"].sum().iloc[0]
    ok, out = _run(ex.q1, int(one_doc), corpus, capsys=capsys)
    assert not ok and "其中一篇" in out
    ok, out = _run(ex.q1, right + 7, corpus, capsys=capsys)
    assert not ok and "多了" in out
    ok, out = _run(ex.q1, "12", corpus, capsys=capsys)
    assert not ok and "类型" in out


def test_q2_largest_share_removed(corpus, capsys):
    share = (1 - corpus["n_chars"] / corpus["n_chars_raw"]) * 100
    right = float(share.max())
    assert _run(ex.q2, round(right, 1), corpus, capsys=capsys)[0]
    assert _run(ex.q2, right, corpus, capsys=capsys)[0]  # unrounded is fine
    ok, out = _run(ex.q2, round(right / 100, 3), corpus, capsys=capsys)
    assert not ok and "比例（0–1）" in out and f"{right:.1f}" not in out
    ok, out = _run(ex.q2, round(100 - right, 1), corpus, capsys=capsys)
    assert not ok and "保留下来的比例" in out
    removed = corpus["n_chars_raw"] - corpus["n_chars"]
    ok, out = _run(ex.q2, round(float((removed / corpus["n_chars"]).max() * 100), 1), corpus, capsys=capsys)
    assert not ok and "分母用错了" in out
    ok, out = _run(ex.q2, round(float(share.min()), 1), corpus, capsys=capsys)
    assert not ok and "最小的一篇" in out
    by_len = (1 - corpus["text"].str.len() / corpus["raw"].str.len()).max() * 100
    ok, out = _run(ex.q2, round(float(by_len), 1), corpus, capsys=capsys)
    assert not ok and "len()" in out and "n_chars_raw" in out
    ok, out = _run(ex.q2, int(removed.max()), corpus, capsys=capsys)  # a count of characters, not a share
    assert not ok and "删掉的字数" in out and "除以 n_chars_raw" in out
    ok, out = _run(ex.q2, round(right, 0), corpus, capsys=capsys)  # a whole number is never “the right value”
    assert not ok and "数值对了" not in out and "1 位小数" in out
    ok, out = _run(ex.q2, 5.2 if abs(right - 5.2) > 0.05 else 5.4, corpus, capsys=capsys)
    assert not ok and "数值对了" not in out


def test_q2_names_the_document_that_lost_most_characters_but_not_the_largest_share(capsys):
    corpus = pd.DataFrame({"doc_id": ["long", "short"], "n_chars_raw": [1000, 100], "n_chars": [900, 80]})
    assert _run(ex.q2, 20.0, corpus, capsys=capsys)[0]
    ok, out = _run(ex.q2, 10.0, corpus, capsys=capsys)  # 100 characters removed, the most, but 10 %
    assert not ok and "删掉的字数最多" in out


def _no_return(text):
    re.sub(r"【[^】]*】", "", text)


@pytest.mark.parametrize("func, says", [
    (lambda t: re.sub(r"【.*】", "", t), ".* 会一直匹配到最后一个】"),
    (lambda t: re.sub(r"[【\[][^】\]]*[】\]]", "", t), "半角方括号 [1] 也删了"),
    (lambda t: t.replace("【", "").replace("】", ""), "只删了括号本身"),
    (lambda t: t, "什么也没改"),
    (_no_return, "忘了写 return"),
    (lambda t: len(t), "而不是 int"),
])
def test_q3_strip_brackets_mistakes(func, says, capsys):
    ok, out = _run(ex.q3, func, capsys=capsys)
    assert not ok and says in out, out
    assert "[^】]" not in out


def test_q3_strip_brackets_right(capsys):
    assert _run(ex.q3, lambda t: re.sub(r"【[^】]*】", "", t), capsys=capsys)[0]
    ok, out = _run(ex.q3, None, capsys=capsys)
    assert not ok and "还没有作答" in out


@pytest.mark.parametrize("q", [ex.q1, ex.q2, ex.q3])
def test_hints_are_graded_and_never_the_solution(q):
    assert len(q.hints) >= 2
    for hint in q.hints:
        assert q.solution_code.strip() not in hint
        assert "[^】]" not in hint


def test_checks_work_on_a_one_line_corpus(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("只有一行字。", encoding="utf-8")
    corpus = zp.load_corpus(tmp_path)
    assert _run(ex.q1, int(zp.cleaning_audit(corpus)["chars_removed"].sum()), corpus, capsys=capsys)[0]
    assert _run(ex.q2, 0.0, corpus, capsys=capsys)[0]


def test_the_student_copy_of_lesson01_runs(tmp_path):
    """In the student copy the solution cells are emptied: every exercise cell must still run
    (it holds its own imports): q1 and q2 say no answer was given yet, q3 checks the unchanged
    function and says it changed nothing."""
    from pathlib import Path

    import nbformat

    from zhpolicy.teaching import notebooks, course

    root = Path(__file__).resolve().parents[1]
    nb = course.student_copy(nbformat.read(root / "notebooks" / "01_corpus.ipynb", as_version=4))
    path = tmp_path / "01_corpus.ipynb"
    nbformat.write(nb, path)
    done = notebooks.execute(path)
    assert notebooks.problems(done) == []
    printed = "".join(o.get("text", "") for c in done.cells if c.cell_type == "code" for o in c.outputs)
    assert printed.count("还没有作答") == 2
    assert "什么也没改" in printed


def test_an_empty_corpus_is_not_the_students_mistake(capsys):
    empty = pd.DataFrame(columns=["doc_id", "raw", "text", "n_chars_raw", "n_chars"])  # every file skipped
    for question, answer in ((ex.q1, 0), (ex.q2, 0.0)):
        ok, out = _run(question, answer, empty, capsys=capsys)
        assert not ok and "无法检查" in out and "语料里没有文本" in out
        assert "❌" not in out and ".hint()" not in out
