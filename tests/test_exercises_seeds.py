"""On the seeds, the mistakes an exercise names must be mistakes a student can make there: a named
mistake whose value (or set of documents, or pair of themes) equals the right answer on the seeds
would pass as right, so its diagnosis could never be seen. The few that cannot be told apart on
the seeds are listed with the reason (the seeds lack what the mistake leaves out)."""

from __future__ import annotations

import importlib
import math

import pytest

from zhpolicy.teaching.exercises import within

from .exercise_context import CHECK_ARGS, answer_name, namespace

#: Named mistakes that give the right answer on the seeds, by the start of their message, and why.
SAME_ON_THE_SEEDS = {
    ("lesson01", "q2", "这是删掉的字数最多的那一篇"):
        "the seeds' messiest text (001) is both the one that lost most characters and the one that lost the largest "
        "share; the count itself (192, also a likely slip) is named instead",
    ("lesson05", "q2", "你只找了相对词"):
        "no seed figure takes its year from a heading: the relative words are the only context years",
    ("lesson05", "q2", "document_date"):
        "no seed figure takes its year from the document's date",
}


def _context(lesson: str, corpus) -> dict:
    ns = namespace(lesson, corpus)
    if lesson == "lesson06":  # q2 and q5 use the codes of q1: the reference coding
        q1 = importlib.import_module("zhpolicy.teaching.exercises.lesson06").q1
        exec(q1.solution_code, ns)  # noqa: S102 - our own reference code
        ns["my_codes"] = ns[answer_name(q1.solution_code)]
    return ns


def _same(value, right) -> bool:
    """Whether a named mistake gives the right answer (numbers to 8 places; sets of documents; pairs)."""
    if value is None:
        return False
    if isinstance(right, set):
        value = set(value)
        if right and isinstance(next(iter(right)), frozenset):  # pairs of themes: any right pair
            return bool(value & right)
        return {str(v) for v in value} == {str(r) for r in right}
    value = float(value)
    return not math.isnan(value) and within(value, float(right), 8)


def _diagnosed():
    for lesson, questions in CHECK_ARGS.items():
        module = importlib.import_module(f"zhpolicy.teaching.exercises.{lesson}")
        for q in questions:
            if getattr(module, q).diagnoses is not None:
                yield lesson, q


def test_every_exercise_with_a_number_or_a_set_for_answer_lists_its_diagnoses():
    """The questions whose check compares a number or a set take their named mistakes from one
    function (``Exercise.diagnoses``), so this test sees all of them."""
    found = set(_diagnosed())
    for lesson, questions in CHECK_ARGS.items():
        module = importlib.import_module(f"zhpolicy.teaching.exercises.{lesson}")
        for q in questions:
            if getattr(module, q).expects in ("number", "integer") or (lesson, q) in {("lesson03", "q1"), ("lesson04", "q4"), ("lesson05", "q2")}:
                assert (lesson, q) in found, (lesson, q)


@pytest.mark.parametrize("lesson, q", sorted(_diagnosed()))
def test_named_mistakes_can_be_seen_on_the_seeds(lesson, q, corpus):
    ns = _context(lesson, corpus)
    exercise = getattr(importlib.import_module(f"zhpolicy.teaching.exercises.{lesson}"), q)
    right, mistakes = exercise.diagnoses(*(ns[name] for name in CHECK_ARGS[lesson][q]))
    same = [message for value, message in mistakes if _same(value, right)]
    unexplained = [m for m in same if not any(m.startswith(start) for (l, n, start) in SAME_ON_THE_SEEDS
                                              if (l, n) == (lesson, q))]
    assert unexplained == [], f"{lesson} {q}: these diagnoses give the right answer on the seeds: {unexplained}"
    assert len(mistakes) - len(same) >= 2, f"{lesson} {q}: fewer than two diagnoses can be seen on the seeds"
