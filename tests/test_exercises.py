"""The Exercise mechanics shared by every lesson (per-lesson checks live in test_exercises_lessonNN.py)."""

from zhpolicy.teaching.exercises import Exercise


def _equals_three(answer):
    return (answer == 3, "" if answer == 3 else ("太大了。" if answer > 3 else "太小了。"))


def test_check_rejects_the_wrong_type_clearly(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.check("3")
    out = capsys.readouterr().out
    assert not q.passed and "❌" in out and "类型" in out and "✅" not in out
    q.check(True)  # a bool is not a number
    assert not q.passed


def test_check_never_prints_a_hint_or_the_answer(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.check(5)
    out = capsys.readouterr().out
    assert not q.passed and "太大了" in out and "想想加法" not in out and "1 + 2" not in out
    q.check(3)
    assert q.passed


def test_hints_are_graded_and_on_request(capsys):
    q = Exercise("1 + 2 = ?", _equals_three, ("想想加法。", "结果比 2 大 1。"), "1 + 2", expects="integer")
    q.hint()
    q.hint()
    q.hint()
    out = capsys.readouterr().out
    assert out.index("1/2") < out.index("2/2") and out.count("2/2") == 2
    q.solution()
    assert "1 + 2" in capsys.readouterr().out
