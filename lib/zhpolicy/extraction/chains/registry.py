"""The registry of rule families: each family registers its finder with a made-up example and the
cue lists it needs (the cue pass of :mod:`.cuepass` sends it only the sentences that hold them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .cuepass import need


@dataclass(frozen=True)
class Family:
    """One family of phrasing: its id, Chinese name, kind, a made-up example, its finder
    ``(sentence, cues) -> [row]``, more ``(phrasing, example)`` pairs for the other usual forms it
    covers, the cue lists it ``needs`` (alternatives, each a tuple of lists that must all be there)
    and a cheap ``gate`` on the sentence for what the lists cannot say (为 at least twice). A family of
    ``scope="document"`` reads a whole document's sentences ``[(offset, text, cues)]`` at once
    (a relation told across sentences)."""

    name: str
    label: str
    kind: str
    example: str
    find: Callable[[str, int], list[dict]]
    more: tuple[tuple[str, str], ...] = ()
    needs: tuple[tuple[str, ...], ...] = ()
    gate: Callable[[str], object] | None = None
    scope: str = "sentence"
    masks: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "masks", tuple(sum(_bit(name) for name in alt) for alt in self.needs))

    def routes(self, cues: int) -> bool:
        """Whether a sentence holding the cue lists *cues* (a bitmask) has what the family needs."""
        return not self.masks or any(cues & mask == mask for mask in self.masks)

    def scan(self, sentence: str, cues: int) -> list[dict]:
        """The family's rows for *sentence* (whose cue lists are *cues*): the finder runs only
        when the sentence holds the lists the family needs and passes its gate."""
        if not self.routes(cues) or (self.gate is not None and not self.gate(sentence)):
            return []
        return self.find(sentence, cues)

    def forms(self) -> list[tuple[str, str]]:
        """Every ``(phrasing, example)`` of the family, the main one first."""
        return [(self.label, self.example), *self.more]


def _bit(name: str) -> int:
    """The cue-mask bit of a need: a list name, or ``name*2`` / ``name*3`` for words of the list at
    least twice / three times in the sentence."""
    name, _, times = name.partition("*")
    return need(name, int(times or 1))


FAMILIES: list[Family] = []

#: The families run block by block over this many sentences (each family over the block's sentences
#: routed to it, then the next family); what several families read of one sentence (its clauses, its
#: dash-joined series) is cached for a block.
BLOCK = 2048


def _family(name: str, label: str, kind: str, example: str, *more: tuple[str, str],
            needs: tuple[tuple[str, ...], ...] = (), gate=None, scope: str = "sentence"):
    """Register a finder ``(sentence, cues) -> [row]`` as the rule of one family (*more*: further
    ``(phrasing, example)`` forms it covers, shown in :func:`chain_patterns`; *needs*: the cue lists
    every match needs, as alternatives (``(("from", "to"),)``: a word of ``from`` and one of ``to``;
    ``"by*2"``: two words of ``by``);
    *gate*: a cheap test true of every sentence the finder can match, for what lists cannot say)."""
    def register(find):
        FAMILIES.append(Family(name, label, kind, example, find, tuple(more), tuple(needs), gate, scope))
        return find
    return register


def _row(kind, nodes, span, roles=None, subject="", terms=False) -> dict:
    """A found chain; *terms*: every node was quoted, so even one character is a stage (从“治”到“兴”)."""
    span = span.span() if hasattr(span, "span") else span
    row = {"kind": kind, "nodes": nodes, "roles": roles, "span": span, "subject": subject}
    if terms:
        row["terms"] = True
    return row
