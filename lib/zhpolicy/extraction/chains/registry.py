"""The registry of rule families: each family registers its finder with a made-up example."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """One family of phrasing: its id, Chinese name, kind, a made-up example, its finder, and
    more ``(phrasing, example)`` pairs for the other usual forms it covers."""

    name: str
    label: str
    kind: str
    example: str
    find: Callable[[str], list[dict]]
    more: tuple[tuple[str, str], ...] = ()
    gate: Callable[[str], object] | None = None

    def scan(self, sentence: str) -> list[dict]:
        """The family's rows for *sentence*; the finder runs only when the gate (a cheap test
        of words every match of the family needs) lets the sentence through."""
        return self.find(sentence) if self.gate is None or self.gate(sentence) else []

    def forms(self) -> list[tuple[str, str]]:
        """Every ``(phrasing, example)`` of the family, the main one first."""
        return [(self.label, self.example), *self.more]


FAMILIES: list[Family] = []


def _family(name: str, label: str, kind: str, example: str, *more: tuple[str, str], gate=None):
    """Register a finder ``sentence -> [row]`` as the rule of one family (*more*: further
    ``(phrasing, example)`` forms it covers, shown in :func:`chain_patterns`; *gate*: a cheap
    test that is true of every sentence the finder can match, to skip the others fast)."""
    def register(find):
        FAMILIES.append(Family(name, label, kind, example, find, tuple(more), gate))
        return find
    return register


def _row(kind, nodes, span, roles=None, subject="") -> dict:
    span = span.span() if hasattr(span, "span") else span
    return {"kind": kind, "nodes": nodes, "roles": roles, "span": span, "subject": subject}
