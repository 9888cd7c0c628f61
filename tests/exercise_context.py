"""What each lesson's exercise cells see (the variables the lesson builds before its exercises), the
arguments each check takes, and a way to run a reference solution the way the student copy does."""

from __future__ import annotations

import ast
import importlib
import io
import re
from contextlib import redirect_stdout

#: The variables each check receives after the answer, as the lessons' exercise cells pass them.
CHECK_ARGS = {
    "lesson01": {"q1": ("corpus",), "q2": ("corpus",), "q3": ()},
    "lesson02": {"q1": ("toks",), "q2": ("toks",), "q3": ("toks",)},
    "lesson03": {"q1": ("coded", "themes_list"), "q2": ("units",), "q3": ("coded", "themes_list")},
    "lesson04": {"q1": ("chains", "corpus"), "q2": (), "q3": (), "q4": ("chains",)},
    "lesson05": {"q1": ("stats",), "q2": ("stats",), "q3": ("stats",)},
    "lesson06": {"q1": ("five",), "q2": ("my_codes", "five", "coded"), "q3": ("coded",), "q4": ("coded",),
                 "q5": ("my_codes", "five", "coded")},
}


def namespace(lesson: str, corpus) -> dict:
    """The variables lesson *lesson*'s exercise cells use, built from *corpus* as the lesson builds them."""
    import zhpolicy as zp

    ns = {"zp": zp, "corpus": corpus}
    if lesson == "lesson02":
        ns["toks"] = zp.tokens(corpus)
    elif lesson == "lesson03":
        from zhpolicy.analysis import themes

        codebook = themes.read_codebook()
        units = themes.theme_units(corpus)
        ns.update(codebook=codebook, themes_list=list(codebook["theme"]), units=units,
                  coded=themes.code_units(units, codebook))
    elif lesson == "lesson04":
        ns["chains"] = zp.extract_chains(corpus)
    elif lesson == "lesson05":
        ns["stats"] = zp.extract_statistics(corpus)
    elif lesson == "lesson06":
        from zhpolicy.extraction import instruments as I
        from zhpolicy.teaching.exercises import lesson06

        coded = I.code_clauses(I.policy_clauses(corpus))
        ns.update(I=I, coded=coded, five=lesson06.five_clauses(coded))
    return ns


def answer_name(solution: str) -> str:
    """The variable a reference solution leaves its answer in (its last assignment or function)."""
    last = ast.parse(solution).body[-1]
    if isinstance(last, ast.FunctionDef):
        return last.name
    if isinstance(last, ast.Assign):
        return last.targets[0].id
    raise AssertionError(f"a reference solution must end by assigning its answer: {solution!r}")


def run_solution(lesson: str, q: str, ns: dict) -> tuple[bool, str]:
    """Run the reference solution of *lesson*'s exercise *q* in *ns* (which keeps what it assigns,
    as a notebook does) and check its answer; returns ``(passed, printed)``."""
    exercise = getattr(importlib.import_module(f"zhpolicy.teaching.exercises.{lesson}"), q)
    exec(exercise.solution_code, ns)  # noqa: S102 - our own reference code
    answer = ns[answer_name(exercise.solution_code)]
    out = io.StringIO()
    with redirect_stdout(out):
        exercise.check(answer, *(ns[name] for name in CHECK_ARGS[lesson][q]))
    return exercise.passed, out.getvalue()


def run_all(corpus, lessons=None) -> dict[tuple[str, str], tuple[bool, str]]:
    """Every reference solution of *lessons* (default all) on *corpus*, in order (lesson 06's q1 first)."""
    results = {}
    for lesson, questions in CHECK_ARGS.items():
        if lessons is not None and lesson not in lessons:
            continue
        ns = namespace(lesson, corpus)
        for q in questions:
            results[(lesson, q)] = run_solution(lesson, q, ns)
    return results


def questions_of(lesson: str) -> list[str]:
    module = importlib.import_module(f"zhpolicy.teaching.exercises.{lesson}")
    return sorted(name for name in vars(module) if re.fullmatch(r"q\d+", name))


def check_printed(q, answer, *context, capsys) -> tuple[bool, str]:
    """Check *answer* with exercise *q*; return whether it passed and what it printed."""
    q.check(answer, *context)
    return q.passed, capsys.readouterr().out


def assert_named(q, cases, right: float, *context, capsys, places: int, secrets=()) -> int:
    """Feed each ``(mistaken answer, words of its diagnosis)`` of *cases* to *q* (rounded to
    *places*, as a student would write it) and assert the diagnosis is printed and none of
    *secrets* (the right answer, the right document) is. A mistake that happens to give the right
    answer on this corpus is skipped. Returns how many mistakes were fed."""
    fed = 0
    for answer, says in cases:
        if abs(float(answer) - right) < 0.5 * 10 ** -places:
            continue
        ok, out = check_printed(q, round(float(answer), places + 1), *context, capsys=capsys)
        assert not ok and says in out, (answer, out)
        assert not any(secret in out for secret in secrets), (answer, out)
        fed += 1
    return fed
