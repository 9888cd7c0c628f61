import zhpolicy as zp
from zhpolicy.exercises import lesson05


def test_lesson05_checks(corpus):
    stats = zp.extract_statistics(corpus)
    lesson05.q1.check(int((stats["unit"] == "元").sum()), stats)
    assert lesson05.q1.passed
    lesson05.q2.check(24590.7 * 10**4, None)
    assert not lesson05.q2.passed
    lesson05.q2.check(2_459_070_000_000)
    assert lesson05.q2.passed
