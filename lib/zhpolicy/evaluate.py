"""Measure an extractor against reference annotations that the caller supplies.

The library never reads the reference files itself: tests and the notebooks load them and
pass them in, so the extractors cannot peek at the answers."""

from __future__ import annotations

import math

import pandas as pd


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
    """Precision, recall and F1 of *found* against *gold* (see :func:`match_statistics`)."""
    matched = int(match_statistics(found, gold, with_year=with_year)["matched"].sum())
    precision = matched / len(found) if len(found) else 0.0
    recall = matched / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return pd.Series({"found": len(found), "reference": len(gold), "matched": matched,
                      "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)})
