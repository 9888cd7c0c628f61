import re

import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson01 as ex


def test_q1_total_characters_removed(corpus, capsys):
    right = int(zp.cleaning_audit(corpus)["chars_removed"].sum())
    ex.q1.check(right, corpus)
    assert ex.q1.passed
    ex.q1.check(right + 1, corpus)
    assert not ex.q1.passed
    out = capsys.readouterr().out
    assert "多了" in out and str(right) not in out.split("❌")[-1]  # a wrong answer never shows the right one
    ex.q1.check(right // 2, corpus)
    assert not ex.q1.passed and "少了" in capsys.readouterr().out
    ex.q1.check("12", corpus)
    assert not ex.q1.passed and "类型" in capsys.readouterr().out


def test_q2_document_that_shrank_most(corpus, capsys):
    share = 1 - corpus["n_chars"] / corpus["n_chars_raw"]
    right = corpus.loc[share.idxmax(), "doc_id"]
    wrong = corpus.loc[share.idxmin(), "doc_id"]
    ex.q2.check(right, corpus)
    assert ex.q2.passed
    ex.q2.check(wrong, corpus)
    assert not ex.q2.passed
    out = capsys.readouterr().out
    assert right not in out.split("❌")[-1]
    ex.q2.check("no_such_doc", corpus)
    assert not ex.q2.passed and "不是语料里的" in capsys.readouterr().out


def test_q3_strip_brackets(capsys):
    ex.q3.check(lambda t: re.sub(r"【[^】]*】", "", t))
    assert ex.q3.passed
    ex.q3.check(lambda t: re.sub(r"[【\[][^】\]]*[】\]]", "", t))  # also deletes [1]: wrong
    assert not ex.q3.passed
    ex.q3.check(lambda t: re.sub(r"【.*】", "", t))  # greedy: deletes the text between two pairs
    assert not ex.q3.passed and "删多了" in capsys.readouterr().out
    ex.q3.check(None)
    assert not ex.q3.passed and "还没有作答" in capsys.readouterr().out


@pytest.mark.parametrize("q", [ex.q1, ex.q2, ex.q3])
def test_hints_are_graded_and_never_the_solution(q):
    assert len(q.hints) >= 2
    for hint in q.hints:
        assert q.solution_code.strip() not in hint
        assert "[^】]" not in hint


def test_checks_work_on_a_one_line_corpus(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("只有一行字。", encoding="utf-8")
    corpus = zp.load_corpus(tmp_path)
    ex.q1.check(int(zp.cleaning_audit(corpus)["chars_removed"].sum()), corpus)
    assert ex.q1.passed
    ex.q2.check("a", corpus)
    assert ex.q2.passed


def test_the_student_copy_of_lesson01_runs(tmp_path):
    """In the student copy the solution cells are emptied: every exercise cell must still run
    (it holds its own imports): q1 and q2 say no answer was given yet, q3 checks the unchanged
    function and says it is not right yet."""
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
    assert "留下了应该删掉的文字" in printed
