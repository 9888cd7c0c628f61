import zhpolicy as zp
from zhpolicy.exercises import lesson02


def test_lesson02_checks(corpus):
    toks = zp.tokens(corpus)
    lesson02.q1.check(zp.corpus_frequencies(toks).iloc[0]["term"], toks)
    assert lesson02.q1.passed
    lesson02.q1.check("的", toks)
    assert not lesson02.q1.passed
    longest = zp.terms.doc_lengths(toks).idxmax()
    freqs = zp.term_frequencies(toks)
    rate = freqs[(freqs["doc_id"] == longest) & (freqs["term"] == "科技创新")]["per_10k"].iloc[0]
    lesson02.q2.check(rate, toks)
    assert lesson02.q2.passed
    lesson02.q2.check(rate + 1, toks)
    assert not lesson02.q2.passed
