"""The word lists of the chain rules, read from data files a teacher can read and extend."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ...paths import data_path


@lru_cache(maxsize=None)
def _word_table(name: str) -> pd.DataFrame:
    """A tab-separated word list of ``zhpolicy/data`` (``#`` lines are comments), read once."""
    return pd.read_csv(data_path(name), sep="\t", comment="#", dtype=str, keep_default_na=False)


def chain_cues() -> pd.DataFrame:
    """The cue words of the chain rules (``zhpolicy/data/chain_cues.tsv``): ``list, cue, not_before,
    note``. A *list* is a named set of cue words (``from_trap``, ``flow``, ``reciprocity``…); a rule
    family uses the lists named in its note; ``not_before`` holds characters that must not follow
    the cue for it to count (要 but not 要素)."""
    return _word_table("chain_cues.tsv")


def role_words() -> pd.DataFrame:
    """The role words of role groups (``zhpolicy/data/chain_roles.tsv``): ``role, meaning``.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    return _word_table("chain_roles.tsv")


#: the lists the rules have asked for (a test checks that the file holds no list nobody reads)
_ASKED: set[str] = set()


def _cues(name: str) -> tuple[str, ...]:
    """The cue words of the list *name*, in the order of the file."""
    return tuple(cue for cue, _ in _list_rows(name))


def _listed(name: str) -> str:
    """The list *name* as a regex alternation in the order of the file, each cue followed by a
    guard against its ``not_before`` characters (要(?![素求…]))."""
    return "|".join(re.escape(cue) + (f"(?![{re.escape(nb)}])" if nb else "") for cue, nb in _list_rows(name))


@lru_cache(maxsize=None)
def _lists() -> dict[str, list[tuple[str, str]]]:
    """Every list of ``chain_cues.tsv`` as ``(cue, not_before)`` rows in the order of the file (the
    rule modules ask for a hundred lists when they are imported: one pass, not a table filter each)."""
    table = chain_cues()
    lists: dict[str, list[tuple[str, str]]] = {}
    for name, cue, not_before in zip(table["list"], table["cue"], table["not_before"]):
        lists.setdefault(name, []).append((cue, not_before))
    return lists


def _list_rows(name: str) -> list[tuple[str, str]]:
    """The ``(cue, not_before)`` rows of the list *name*, noting that a rule asked for it."""
    _ASKED.add(name)
    rows = _lists().get(name)
    if not rows:
        raise KeyError(f"chain_cues.tsv has no list {name!r}")
    return rows


def _chars(name: str) -> str:
    """The one-character cues of the list *name*, escaped for a regex character class."""
    return "".join(re.escape(c) for c in _cues(name))


def _alt(words) -> str:
    """A regex alternation, longest words first (so 全链条各环节 wins over 全链条)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ROLES = tuple(role_words()["role"])
