"""Exercises for lesson 03: ``from zhpolicy.exercises import lesson03 as ex``."""

from __future__ import annotations

from . import Exercise


def _top_theme(answer, coded, themes_list) -> tuple[bool, str]:
    shares = (coded[themes_list] > 0).mean().sort_values(ascending=False)
    best = shares.index[0]
    if str(answer).strip() == best:
        return True, f"{shares.iloc[0]:.0%} 的段落编码了“{best}”。"
    return False, ""


def _new_theme(codebook) -> tuple[bool, str]:
    import pandas as pd

    if not isinstance(codebook, pd.DataFrame) or "theme" not in codebook.columns:
        return False, "请传入加了新主题之后的 codebook 表。"
    from ..themes import read_codebook

    base = set(read_codebook()["theme"])
    added = [t for t in codebook["theme"] if t not in base]
    if not added:
        return False, "codebook 里还没有新主题。"
    row = codebook[codebook["theme"] == added[0]].iloc[0]
    if not list(row["terms"]):
        return False, f"新主题“{added[0]}”还没有词。"
    return True, f"新主题“{added[0]}”有 {len(row['terms'])} 个词。"


q1 = Exercise(
    "编码了最多段落的主题是哪一个？（按编码段落所占比例）",
    _top_theme,
    "(coded[主题列] > 0).mean() 给出每个主题编码了多大比例的段落，再用 idxmax 或 sort_values。",
    '(coded[themes_list] > 0).mean().idxmax()',
)

q2 = Exercise(
    "给编码表加一个新主题（例如“新质生产力”，词表至少一个词），把新的 codebook 交给 check。",
    _new_theme,
    "new = pd.concat([codebook, pd.DataFrame([{...}])], ignore_index=True)；terms、all_of、none_of 都是列表。",
    'new = pd.concat([codebook, pd.DataFrame([{"theme": "新质生产力", "terms": ["新质生产力"],\n'
    '    "all_of": [], "none_of": [], "description": "新质生产力"}])], ignore_index=True)',
)
