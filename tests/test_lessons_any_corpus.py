"""Lessons finish on any corpus: ONE one-line document, and 300 short documents
(capped tables and figures, bounded memory, a sentence when there is too little text); every
exercise's reference solution passes on the seeds, the mixed-format folder and 300 documents."""

import json
import resource

import pytest

from zhpolicy.teaching import notebooks

from .conftest import ROOT
from .corpora import many_short_corpus, one_line_corpus

LESSONS = [ROOT / "notebooks" / name for name in ("02_term_frequency.ipynb", "03_themes.ipynb", "04_logic_chains.ipynb",
                                                  "05_statistics.ipynb", "06_policy_instruments.ipynb")]
#: Lessons whose steps say in a sentence when there is too little text, or that a table is cut.
SAYS_WHAT_IT_LEFT_OUT = {"02_term_frequency.ipynb", "03_themes.ipynb"}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpora")
    return {"one_line": one_line_corpus(base / "one_line"), "300_docs": many_short_corpus(base / "many", 300)}


def _texts(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", "") or "".join(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.parametrize("kind", ["one_line", "300_docs"])
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_finishes_on_any_corpus(path, kind, corpora, tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(corpora[kind]))
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    nb = notebooks.execute(path)
    assert notebooks.problems(nb) == []
    size = len(json.dumps(nb))
    assert size < 3_000_000, f"{path.name} on {kind}: {size:,} bytes of outputs (figures not capped?)"
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2_000, f"a kernel used {peak_mb:.0f} MB"
    if kind == "300_docs":
        for index, cell in enumerate(nb.cells):
            if "solution" in cell.metadata.get("tags", []) and ".check(" in cell.source:
                printed = "".join(o.get("text", "") for o in cell.outputs)
                assert "✅" in printed, f"{path.name} cell {index}: the reference solution fails: {printed[:300]}"
    if path.name not in SAYS_WHAT_IT_LEFT_OUT:
        return
    text = _texts(nb)
    if kind == "one_line":
        assert any(s in text for s in ("文本太少", "只有一篇", "跳过")), "say in a sentence when a step has too little text"
    else:
        assert "只列出前" in text, "say in a sentence that a table shows only its first rows"



@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    import warnings

    import zhpolicy as zp

    from .test_readers import build_mixed_folder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zp.load_corpus(build_mixed_folder(tmp_path_factory.mktemp("mixed") / "my_texts"))


@pytest.mark.parametrize("kind", ["seeds", "mixed", "300_docs"])
def test_every_reference_solution_passes(kind, corpus, mixed_corpus, corpora):
    """The reference solution of every exercise, run as the student copy runs it, passes its
    own check on the seeds, on the mixed-format folder (Word, PDF, web page, GBK, Big5 …) and on
    300 short documents."""
    import zhpolicy as zp

    from .exercise_context import CHECK_ARGS, questions_of, run_all

    chosen = {"seeds": corpus, "mixed": mixed_corpus, "300_docs": None}[kind]
    if chosen is None:
        chosen = zp.load_corpus(corpora["300_docs"])
    results = run_all(chosen)
    assert {lesson: sorted(q for (l, q) in results if l == lesson) for lesson in CHECK_ARGS} == \
        {lesson: questions_of(lesson) for lesson in CHECK_ARGS}, "every exercise is run"
    failing = {key: printed for key, (passed, printed) in results.items() if not passed}
    assert failing == {}
