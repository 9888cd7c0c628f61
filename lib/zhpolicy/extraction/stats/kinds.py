"""The kind of a figure (comparison, plan, target, achieved) from the cue words of
``data/stat_kinds.tsv``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...numbers import read_rule_table
from .figures import _clause_start


@lru_cache(maxsize=1)
def kind_cues() -> tuple[tuple[str, str, str], ...]:
    """The cues of ``zhpolicy/data/stat_kinds.tsv``: (kind, scope, cue), in file order."""
    return tuple((r["kind"], r["scope"], r["cue"]) for r in read_rule_table("stat_kinds.tsv"))


@lru_cache(maxsize=None)
def _cue_tests(kind: str) -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """The cues of :func:`kind_cues` for one kind, by scope: (scope, a pattern finding any of
    them, the cues). The pattern is a quick first test; the cues are then checked one by one."""
    by_scope: dict[str, list[str]] = {}
    for cue_kind, scope, cue in kind_cues():
        if cue_kind == kind:
            by_scope.setdefault(scope, []).append(cue)
    return tuple((scope, re.compile("|".join(map(re.escape, cues))), tuple(cues)) for scope, cues in by_scope.items())



# ---------------------------------------------------------------- kind of figure


_FUTURE_YEAR = re.compile(r"(?<!提高|提升|增长|下降|上升|扩大|减少|降低)(?<![增降])(?:到|至|于)\s*((?:19|20)\d{2})\s*年")


def _cue_before(text: str, cue: str, limit: int | None = None) -> bool:
    pos = text.rfind(cue)
    return pos >= 0 and (limit is None or len(text) - pos - len(cue) <= limit)


def _any_cue_before(text: str, any_cue: re.Pattern, cues: tuple[str, ...], limit: int | None) -> bool:
    """Whether one of *cues* occurs in *text* (ending at most *limit* characters before its end,
    when given); *any_cue*, one pattern for all of them, is the quick first test."""
    window = text if limit is None else text[-(limit + max(map(len, cues))):]
    return bool(any_cue.search(window)) and any(_cue_before(text, cue, limit) for cue in cues)


def _future_year_named(sentence: str, row: dict, doc_year: int | None) -> bool:
    """``到2027年`` before the figure (a year not before the document's), or anywhere in the
    sentence when the year is after the document's year."""
    for m in _FUTURE_YEAR.finditer(sentence):
        year = int(m[1])
        if m.start() < row["start"] and (doc_year is None or year >= doc_year):
            return True
        if doc_year is not None and year > doc_year:
            return True
    return False


def figure_kind(sentence: str, row: dict, heading: str = "", doc_year: int | None = None, year: str = "") -> str:
    """``comparison``, ``plan``, ``target`` or ``achieved`` from the cue words of
    ``zhpolicy/data/stat_kinds.tsv`` (first kind found wins, in that order); ``到2027年`` with a year not
    before the document's year also makes a target. A figure without any cue is ``achieved``,
    except a threshold or a definition range (``<2000美元``), which gets ``""``."""
    clause = sentence[_clause_start(sentence, row["start"]):row["start"]]
    before = sentence[:row["start"]]
    past = bool(doc_year and re.match(r"\d{4}", year) and int(year[-4:]) < doc_year)
    scopes = {"near": (clause, 8), "clause": (clause, None), "sentence": (before, None), "heading": (heading, None),
              "clause_open": ("" if past else clause, None)}
    for kind in ("comparison", "plan", "target", "achieved"):
        for scope, any_cue, cues in _cue_tests(kind):
            text, limit = scopes[scope]
            if _any_cue_before(text, any_cue, cues, limit):
                return kind
        if kind == "comparison" and (row["qualifier"] in ("同比增长", "同比下降")
                                     or row["qualifier"] in ("增长", "下降") and "同比" in before):
            return kind
        if kind == "target" and _future_year_named(sentence, row, doc_year):
            return kind
    return "" if row["qualifier"] in ("<", ">", "≤", "≥") else "achieved"
