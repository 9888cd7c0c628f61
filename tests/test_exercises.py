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


def test_lesson02_and_lesson05_checks(corpus):
    import zhpolicy as zp
    from zhpolicy.exercises import lesson02, lesson05

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
    stats = zp.extract_statistics(corpus)
    lesson05.q1.check(int((stats["unit"] == "元").sum()), stats)
    assert lesson05.q1.passed
    lesson05.q2.check(24590.7 * 10**4, None)
    assert not lesson05.q2.passed
    lesson05.q2.check(2_459_070_000_000)
    assert lesson05.q2.passed


def test_lesson03_and_lesson04_checks(corpus):
    import pandas as pd

    import zhpolicy as zp
    from zhpolicy import themes
    from zhpolicy.exercises import lesson03, lesson04

    codebook = themes.read_codebook()
    names = list(codebook["theme"])
    coded = themes.code_units(themes.theme_units(corpus), codebook)
    lesson03.q1.check((coded[names] > 0).mean().idxmax(), coded, names)
    assert lesson03.q1.passed
    lesson03.q2.check(codebook)  # nothing added yet
    assert not lesson03.q2.passed
    extended = pd.concat([codebook, pd.DataFrame([{"theme": "新", "terms": ["新质生产力"], "all_of": [], "none_of": [],
                                                   "description": ""}])], ignore_index=True)
    lesson03.q2.check(extended)
    assert lesson03.q2.passed
    chains = zp.extract_chains(corpus)
    lesson04.q1.check(int((chains["kind"] == "sequence").sum()), chains)
    assert lesson04.q1.passed
    lesson04.q2.check(r"从“[^”]+”迈向“[^”]+”")
    assert lesson04.q2.passed
    lesson04.q2.check(r"迈向")  # also matches the negative examples
    assert not lesson04.q2.passed
