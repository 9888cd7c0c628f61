"""Words for a student: how a figure's year was found, and what a percentage measures
(``data/stat_percent_kinds.tsv``)."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ...numbers import read_rule_table
from .years import YEAR_SOURCES


def year_explanation(row, date: str = "") -> str:
    """One Chinese sentence saying how a figure's year was found (or why it stays empty).

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    year, source = str(row["year"] or ""), str(row["year_source"] or "")
    if not year:
        return f"“{row['surface']}”：文本没有给出能确定的年份，留空（不猜）。"
    if source.startswith("relative:"):
        word = source.split(":", 1)[1]
        when = f"文件日期（{date}）" if date else "文件日期"
        return f"“{row['surface']}”：句中说“{word}”，按{when}推算为 {year}。"
    line = str(row.get("year_line", "") or "") if hasattr(row, "get") else ""
    where = f"（“{line}”）" if line else ""
    return f"“{row['surface']}”：{YEAR_SOURCES.get(source, source)}{where}——{year}。"


# ---------------------------------------------------------------- what a percentage measures


@lru_cache(maxsize=1)
def percent_kind_cues() -> tuple[tuple[str, str], ...]:
    """The cues of ``zhpolicy/data/stat_percent_kinds.tsv``: (kind, cue), in file order."""
    return tuple((r["kind"], r["cue"]) for r in read_rule_table("stat_percent_kinds.tsv"))


def percent_kind(row) -> str:
    """``growth`` (增长5%), ``share`` (占…比重18%), ``intensity`` (研发投入强度2.54%) or ``other``
    for a percentage; ``""`` for other units. Looks at the qualifier, the indicator and the eight
    characters before the figure in its sentence."""
    if row["unit"] not in ("%", "个百分点", "‰", "成"):
        return ""
    sentence, surface = str(row["sentence"]), str(row["surface"])
    at = sentence.find(surface)
    near = sentence[max(0, at - 8):at] if at >= 0 else ""
    if row["unit"] == "个百分点":
        return "growth"
    near = re.sub(r"(?:提高|提升|上升|下降|降低)(?:到|至)", "", near)  # 提升到2.54%: a level, not a change
    for text in (str(row["indicator"]), str(row["qualifier"]) + surface + near):
        for kind, cue in percent_kind_cues():
            if cue in text:
                return kind
    return "other"


def percent_kinds(stats: pd.DataFrame) -> pd.Series:
    """:func:`percent_kind` for every row of a statistics table (same index); a percentage with no
    cue of its own (其中，纺织业为3.67%) takes the kind of the percentage before it in its sentence."""
    kinds, last = [], ("", "")
    for r in stats.to_dict("records"):
        kind = percent_kind(r)
        if kind == "other" and last[0] == r["sentence"]:
            kind = last[1]
        if kind:
            last = (r["sentence"], kind)
        kinds.append(kind)
    return pd.Series(kinds, index=stats.index, dtype=object)
