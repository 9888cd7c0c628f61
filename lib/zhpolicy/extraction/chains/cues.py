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
    _ASKED.add(name)
    table = chain_cues()
    words = tuple(table.loc[table["list"] == name, "cue"])
    if not words:
        raise KeyError(f"chain_cues.tsv has no list {name!r}")
    return words


def _listed(name: str) -> str:
    """The list *name* as a regex alternation in the order of the file, each cue followed by a
    guard against its ``not_before`` characters (要(?![素求…]))."""
    _ASKED.add(name)
    table = chain_cues()
    rows = table[table["list"] == name]
    if rows.empty:
        raise KeyError(f"chain_cues.tsv has no list {name!r}")
    return "|".join(re.escape(cue) + (f"(?![{re.escape(nb)}])" if nb else "")
                    for cue, nb in zip(rows["cue"], rows["not_before"]))


def _chars(name: str) -> str:
    """The one-character cues of the list *name*, escaped for a regex character class."""
    return "".join(re.escape(c) for c in _cues(name))


def _alt(words) -> str:
    """A regex alternation, longest words first (so 全链条各环节 wins over 全链条)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ROLES = tuple(role_words()["role"])
