import zhpolicy as zp
from zhpolicy.exercises import lesson04


def test_lesson04_checks(corpus):
    chains = zp.extract_chains(corpus)
    lesson04.q1.check(int((chains["kind"] == "sequence").sum()), chains)
    assert lesson04.q1.passed
    lesson04.q2.check(r"从“[^”]+”迈向“[^”]+”")
    assert lesson04.q2.passed
    lesson04.q2.check(r"迈向")  # also matches the negative examples
    assert not lesson04.q2.passed
