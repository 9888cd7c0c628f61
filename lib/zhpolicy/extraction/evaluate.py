"""Measure an extractor against reference annotations that the caller supplies.

The library never reads the reference files itself: tests and the notebooks load them and
pass them in, so the extractors cannot peek at the answers."""

from __future__ import annotations

import math
import re

import pandas as pd

from .chains.kinds import SCORED_KINDS

def match_statistics(found: pd.DataFrame, gold: pd.DataFrame, *, with_year: bool = False) -> pd.DataFrame:
    """Pair each reference statistic with at most one extracted one (same document, unit and
    value; and year, with ``with_year``). Returns the reference rows with a ``matched`` column
    and the ``surface`` that matched. Reference columns: ``doc, value, unit, year``."""
    used: set[int] = set()
    rows = []
    found_rows = list(found.itertuples())
    for g in gold.itertuples():
        hit = None
        for i, f in enumerate(found_rows):
            if i in used or f.doc_id != g.doc or f.unit != g.unit:
                continue
            if not math.isclose(float(f.value), float(g.value), rel_tol=1e-9):
                continue
            if with_year and str(f.year) != ("" if pd.isna(g.year) else str(g.year)):
                continue
            hit = i
            break
        if hit is not None:
            used.add(hit)
        rows.append({**g._asdict(), "matched": hit is not None,
                     "found_surface": found_rows[hit].surface if hit is not None else ""})
    return pd.DataFrame(rows).drop(columns="Index")


def precision_recall(found: pd.DataFrame, gold: pd.DataFrame, *, with_year: bool = False) -> pd.Series:
    """Precision, recall and F1 of *found* against *gold* (see :func:`match_statistics`).

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    matched = int(match_statistics(found, gold, with_year=with_year)["matched"].sum())
    return _scores(len(found), len(gold), matched)


def _scores(found: int, reference: int, matched: int) -> pd.Series:
    """found / reference / matched counts with precision, recall and F1 (rounded to 3 places)."""
    precision = matched / found if found else 0.0
    recall = matched / reference if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return pd.Series({"found": found, "reference": reference, "matched": matched,
                      "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)})


def reference_chain_nodes(kind: str, chain: str) -> list[str]:
    """Nodes of a reference chain: ``A > B > C``, or ``基础: X | 关键: Y`` for a triad."""
    if kind == "triad":
        return [part.split(":", 1)[-1].strip() for part in chain.split("|")]
    return [part.strip() for part in chain.split(">")]


#: what a node is compared without: quotation marks anywhere in it, and a short bracketed aside (the extractor
#: reads 「需求侧（面）经济学」 as 需求侧经济学, 以“量”取胜 as 以量取胜)
_NOT_COMPARED = re.compile(r"[“”\"'「」『』]|[（(][^（）()]{0,12}[)）]")


def _tidy(node: str) -> str:
    return _NOT_COMPARED.sub("", str(node)).strip()


def _same_chain(found_nodes, reference_nodes, kind: str = "") -> bool:
    """Same number of nodes, each containing or contained in its counterpart, in order; a mutual
    relation (A > B > A) also matches the other way round (B > A > B)."""
    found = [_tidy(n) for n in found_nodes]
    reference = [_tidy(n) for n in reference_nodes]
    if len(found) != len(reference) or not all(found) or not all(reference):
        return False
    if all(a in b or b in a for a, b in zip(found, reference)):
        return True
    return kind == "mutual" and len(found) == 3 and _same_chain(found[1:] + found[1:2], reference)


def match_chains(found: pd.DataFrame, gold: pd.DataFrame,
                 kinds=SCORED_KINDS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pair reference chains (``doc, kind, chain``) with extracted ones: same document, same number
    of nodes, and each node containing or contained in its counterpart (a mutual relation either
    way round). Returns the reference rows with ``matched`` and the extracted rows (of *kinds*)
    with ``matched``.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    found = found[found["kind"].isin(kinds)].reset_index(drop=True)
    used: set[int] = set()
    flags = []
    for g in gold.itertuples():
        nodes = reference_chain_nodes(g.kind, g.chain)
        hit = next((i for i, f in enumerate(found.itertuples())
                    if i not in used and f.doc_id == g.doc and _same_chain(list(f.nodes), nodes, g.kind)), None)
        if hit is not None:
            used.add(hit)
        flags.append(hit is not None)
    return gold.assign(matched=flags), found.assign(matched=[i in used for i in range(len(found))])


def chain_scores(found: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """Precision, recall and F1 of extracted chains against reference chains (see :func:`match_chains`).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    reference, extracted = match_chains(found, gold)
    return _scores(len(extracted), len(reference), int(reference["matched"].sum()))
