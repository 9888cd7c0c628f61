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
    """The cue words of the chain rules (``zhpolicy/data/chain_cues.tsv``): ``family, cue, note``."""
    return _word_table("chain_cues.tsv")


def role_words() -> pd.DataFrame:
    """The role words of role groups (``zhpolicy/data/chain_roles.tsv``): ``role, meaning``."""
    return _word_table("chain_roles.tsv")


def _cues(family: str) -> tuple[str, ...]:
    table = chain_cues()
    return tuple(table.loc[table["family"] == family, "cue"])


def _alt(words) -> str:
    """A regex alternation, longest words first (so 全链条各环节 wins over 全链条)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ROLES = tuple(role_words()["role"])
