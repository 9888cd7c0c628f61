import pandas as pd

from zhpolicy import themes
from zhpolicy.exercises import lesson03


def test_lesson03_checks(corpus):
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
