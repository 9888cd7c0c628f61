"""Two coders' copies of a coding sheet, as the one sheet the agreement functions read.

Lesson 06 hands out one sheet (``instruments.coding_sheet``) with columns for ``coder1`` and
``coder2``. In class each person codes a copy of their own, and usually fills the ``coder1``
columns of it. :func:`combine_sheets` takes, from each uploaded copy, the coder whose columns
are filled, and joins the two copies on ``clause_id`` into ``coder1_*`` / ``coder2_*`` columns
for :func:`zhpolicy.extraction.instruments.agreement_table` and its companions.
(Not analysis, only bookkeeping; a candidate for ``zhpolicy.extraction.instruments``.)
"""

from __future__ import annotations

import pandas as pd

from zhpolicy.errors import CorpusError
from zhpolicy.extraction.instruments import DIMENSIONS

CODERS = ("coder1", "coder2")


def filled(sheet: pd.DataFrame, coder: str) -> int:
    """How many cells of *coder*'s columns are filled in *sheet*."""
    columns = [f"{coder}_{d}" for d in DIMENSIONS if f"{coder}_{d}" in sheet.columns]
    return int(sum((sheet[c].astype(str).str.strip() != "").sum() for c in columns))


def _codes(sheet: pd.DataFrame, name: str) -> tuple[str, pd.DataFrame]:
    """The filled coder of one copy and its codes, renamed to ``<dimension>``."""
    if "clause_id" not in sheet.columns:
        raise CorpusError(f"{name} 里没有 clause_id 列：请上传从这里下载的编码表（.xlsx 或 .csv），不要删改前几列。"
                          "（not a coding sheet）")
    counts = {coder: filled(sheet, coder) for coder in CODERS}
    coder = max(CODERS, key=lambda c: (counts[c], c == "coder1"))
    if counts[coder] == 0:
        raise CorpusError(f"{name} 里还没有填写任何编码（coder1_… 或 coder2_… 列都是空的）。（sheet not filled）")
    columns = {f"{coder}_{d}": d for d in DIMENSIONS if f"{coder}_{d}" in sheet.columns}
    return coder, sheet[["clause_id", *columns]].rename(columns=columns)


def combine_sheets(first: pd.DataFrame, second: pd.DataFrame | None = None,
                   names: tuple[str, str] = ("第一份", "第二份")) -> pd.DataFrame:
    """One sheet with ``coder1_<dimension>`` from *first* and ``coder2_<dimension>`` from *second*
    (each taken from whichever coder's columns that copy filled), joined on ``clause_id``, with the
    text columns of *first*. Given only *first*, it must hold both coders' codes already."""
    if second is None:
        if min(filled(first, c) for c in CODERS) == 0:
            raise CorpusError(f"{names[0]}只有一位编码员的编码。请上传两位编码员各自的编码表，"
                              "或一份 coder1 和 coder2 两组列都填好的表。（one coder only）")
        return first
    _, a = _codes(first, names[0])
    _, b = _codes(second, names[1])
    base = [c for c in first.columns if not c.startswith(CODERS)]
    sheet = first[base].merge(a.add_prefix("coder1_").rename(columns={"coder1_clause_id": "clause_id"}),
                              on="clause_id", how="inner")
    sheet = sheet.merge(b.add_prefix("coder2_").rename(columns={"coder2_clause_id": "clause_id"}),
                        on="clause_id", how="inner")
    if sheet.empty:
        raise CorpusError("两份编码表没有共同的条款（clause_id 对不上）：请确认两人编码的是同一份下载的编码表。"
                          "（no clause in common）")
    return sheet.reset_index(drop=True)
