import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson05


def test_lesson05_right_and_wrong_answers(corpus, capsys):
    stats = zp.extract_statistics(corpus)
    lesson05.q1.check(float((stats["kind"] == "target").mean()), stats)
    assert lesson05.q1.passed
    lesson05.q1.check(1.5, stats)
    assert not lesson05.q1.passed
    lesson05.q1.check("0.1", stats)
    assert not lesson05.q1.passed and "类型" in capsys.readouterr().out
    source = stats["year_source"].astype(str)
    right = sorted(set(stats.loc[(source == "heading") | source.str.startswith("relative"), "doc_id"]))
    lesson05.q2.check(right, stats)
    assert lesson05.q2.passed
    lesson05.q2.check(right + ["zzz"], stats)
    assert not lesson05.q2.passed
    money = stats.loc[stats["unit"] == "元", "value"]
    lesson05.q3.check(money.max() / money.min(), stats)
    assert lesson05.q3.passed
    lesson05.q3.check(money.max() / money.min() * 3, stats)
    assert not lesson05.q3.passed


def test_hints_never_contain_the_solution():
    for q in (lesson05.q1, lesson05.q2, lesson05.q3):
        assert len(q.hints) >= 2
        assert all(q.solution_code not in h for h in q.hints)


def test_lesson05_exercises_on_a_corpus_without_statistics():
    empty = zp.extract_statistics("没有数字的一句话。")
    lesson05.q1.check(0.0, empty)
    assert lesson05.q1.passed
    lesson05.q2.check([], empty)
    assert lesson05.q2.passed
    lesson05.q3.check(1.0, empty)
    assert lesson05.q3.passed
