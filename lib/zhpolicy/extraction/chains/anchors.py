"""Patterns tried only where a match can start: before an anchor character.

A pattern that opens with a run of 2 to *hi* characters of a class that excludes the anchor
characters, followed by an anchor (``A与B…``: A, then 与/和/同; ``A为B提供…``: A, then 为), has its
first run end at the first anchor after its start. Whatever follows that anchor is the same wherever
in the run the match starts, so only the earliest possible start before each anchor is tried, not
every character: the same matches as ``finditer``, found with one attempt an anchor.
"""

from __future__ import annotations

import re


def anchored_matches(pattern: re.Pattern, sentence: str, anchors: re.Pattern, run_char, hi: int, lo: int = 2,
                     not_after: str = ""):
    """What ``pattern.finditer(sentence)`` finds, for a *pattern* that opens with ``lo`` to ``hi``
    characters matched by *run_char* (a compiled one-character class, as its ``match``) followed by a
    character matched by *anchors* (none of which *run_char* matches); *not_after*: characters a
    lookbehind at the start of *pattern* forbids before it (``(?<![以为])``)."""
    pos = 0
    for anchor in anchors.finditer(sentence):
        end = anchor.start()
        if end - pos < lo:
            continue
        start = end
        while start > pos and end - start < hi and run_char(sentence, start - 1):
            start -= 1
        if not_after and start and sentence[start - 1] in not_after:
            start += 1
        if end - start < lo:
            continue
        m = pattern.match(sentence, start)
        if m is not None:
            yield m
            pos = m.end()
