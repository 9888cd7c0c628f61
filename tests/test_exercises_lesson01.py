import re

from zhpolicy import document_stats
from zhpolicy.exercises import lesson01 as ex


def test_lesson01_checks_accept_right_and_reject_wrong_answers(corpus, capsys):
    stats = document_stats(corpus)
    right = stats.loc[stats["mean_sentence_chars"].idxmax(), "doc_id"]
    wrong = stats.loc[stats["mean_sentence_chars"].idxmin(), "doc_id"]
    ex.q1.check(right, corpus)
    assert ex.q1.passed
    ex.q1.check(wrong, corpus)
    assert not ex.q1.passed
    assert "提示" in capsys.readouterr().out
    ex.q2.check(10, corpus)
    assert ex.q2.passed
    ex.q2.check(9, corpus)
    assert not ex.q2.passed
    ex.q3.check(lambda t: re.sub(r"【[^】]*】", "", t))
    assert ex.q3.passed
    ex.q3.check(lambda t: re.sub(r"[【\[][^】\]]*[】\]]", "", t))  # also deletes [1]: wrong
    assert not ex.q3.passed
    ex.q3.check(None)
    assert not ex.q3.passed and "还没有作答" in capsys.readouterr().out
