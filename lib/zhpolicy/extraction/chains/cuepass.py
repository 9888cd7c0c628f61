"""The one cue pass: which cue lists each sentence holds, found for all rule families at once.

Every rule family names the cue lists it needs (:mod:`.cues`; ``needs`` in :func:`.registry._family`):
``从A到B`` needs a word of the list ``from`` and one of ``to``; a role group needs a role word, or
作为, or 以 with 为. One pass over a sentence with an Aho-Corasick automaton built over the words of
every list some family needs gives the set of lists the sentence holds (a bitmask, one bit a list);
each sentence then goes only to the families whose needs it meets, and each family runs only the
patterns whose cues are there. No family scans every sentence on its own.

The automaton comes from ``ahocorasick-rs`` (Apache-2.0, a compiled extension: on the benchmark corpus it
is about 20% faster than ``pyahocorasick`` and ten times faster than one regex alternation of the same
words); where it cannot be imported, the regex alternation does the same job (``bench/bench_extract.py
--cue-pass`` times both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cues import ROLES, _cues

try:  # pragma: no cover - exercised through whichever engine is installed
    import ahocorasick_rs as _ahocorasick
except ImportError:  # pragma: no cover
    _ahocorasick = None

#: Lists made in code from the data files (a role word followed by 是, …); filled by the rule modules.
_DERIVED: dict[str, tuple[str, ...]] = {}
#: Every list some rule family needs, in the order first asked for (its bit is its position).
_NEEDED: list[str] = []


def derive(name: str, words: Iterable[str]) -> str:
    """Register a cue list made from other lists (``role_said``: 基础是, 关键在…); returns *name*."""
    _DERIVED[name] = tuple(dict.fromkeys(w for w in words if w))
    return name


def list_words(name: str) -> tuple[str, ...]:
    """The words of the cue list *name*: a list of ``chain_cues.tsv``, ``role`` (the role words of
    ``chain_roles.tsv``) or a derived list."""
    if name in _DERIVED:
        return _DERIVED[name]
    if name == "role":
        return ROLES
    return _cues(name)


#: A cue mask holds three fields of this many bits: the lists a sentence holds, those it holds at
#: least twice, and those it holds at least three times.
WIDTH = 64


def need(name: str, times: int = 1) -> int:
    """The bit that says a sentence holds words of the cue list *name* (at least *times* of them,
    1 to 3, counting every occurrence), registering the list as one the cue pass looks for. Rule
    modules call it when they are imported, so every list is known before the first pass."""
    if not 1 <= times <= 3:
        raise ValueError("the cue pass counts a list's words up to three times")
    if name not in _NEEDED:
        list_words(name)  # fail now on a list that does not exist
        if len(_NEEDED) == WIDTH:
            raise ValueError(f"the cue pass holds at most {WIDTH} lists")
        _NEEDED.append(name)
        CuePass.current = None  # the automaton is rebuilt with the new list
    return 1 << (_NEEDED.index(name) + (times - 1) * WIDTH)


class CuePass:
    """An automaton over the words of every needed cue list, each word mapped to the bits of the
    lists that hold it (a word may be in several). ``engine`` is ``"aho"`` (ahocorasick-rs) or
    ``"regex"`` (one alternation, longest words first)."""

    current: CuePass | None = None

    def __init__(self, engine: str | None = None):
        bits: dict[str, int] = {}
        for index, name in enumerate(_NEEDED):
            for word in list_words(name):
                bits[word] = bits.get(word, 0) | (1 << index)
        self.bits = bits
        self.engine = engine or ("aho" if _ahocorasick is not None else "regex")
        if self.engine == "aho":
            if _ahocorasick is None:
                raise ImportError("the cue pass engine 'aho' needs the package ahocorasick-rs")
            # a DFA: the fastest search of the three automata (about a quarter faster than the default here);
            # the words found come back as the stored strings (no (index, start, end) tuples to build)
            automaton = _ahocorasick.AhoCorasick(list(bits), implementation=_ahocorasick.Implementation.DFA,
                                                 store_patterns=True)
            self._find = automaton.find_matches_as_strings
        elif self.engine == "regex":
            # every position's longest word, in a lookahead (so matches may overlap); a word also
            # carries the bits of the cue words it starts with (的基础上 holds 的 and 的基础)
            words = sorted(bits, key=lambda w: (-len(w), w))
            self.bits = {w: self._with_prefixes(w, bits) for w in words}
            self._findall = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))").findall
        else:
            raise ValueError(f"unknown cue pass engine {engine!r} (aho or regex)")

    @staticmethod
    def _with_prefixes(word: str, bits: dict[str, int]) -> int:
        value = 0
        for end in range(1, len(word) + 1):
            value |= bits.get(word[:end], 0)
        return value

    @classmethod
    def get(cls) -> CuePass:
        if cls.current is None:
            cls.current = cls()
        return cls.current

    def masks(self, texts: Iterable[str]) -> list[int]:
        """The cue lists each of *texts* holds: once, twice and three times (see :func:`need`)."""
        out: list[int] = []
        if self.engine == "aho":
            find, bits = self._find, self.bits
            for text in texts:
                once = twice = thrice = 0
                for word in find(text, overlapping=True):
                    value = bits[word]
                    thrice |= twice & value
                    twice |= once & value
                    once |= value
                out.append(once | (twice << WIDTH) | (thrice << 2 * WIDTH) if twice else once)
        else:
            findall, bits = self._findall, self.bits
            for text in texts:
                once = twice = thrice = 0
                for word in findall(text):
                    value = bits[word]
                    thrice |= twice & value
                    twice |= once & value
                    once |= value
                out.append(once | (twice << WIDTH) | (thrice << 2 * WIDTH) if twice else once)
        return out

    def mask(self, text: str) -> int:
        return self.masks([text])[0]


def cue_masks(texts: Iterable[str], engine: str | None = None) -> list[int]:
    """The cue lists each text holds, as bitmasks (see :func:`need`): the one cue pass (*engine* as in
    :class:`CuePass`)."""
    cue_pass = CuePass.get() if engine is None else CuePass(engine)
    return cue_pass.masks(texts)
