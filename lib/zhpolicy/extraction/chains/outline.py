"""The moves of an argument: which top-level section says why, what, what is wrong, how."""

from __future__ import annotations

import pandas as pd

from ...reading.structure import outline as outline_table
from ...reading.structure import paragraphs as paragraph_table
from .cues import _word_table


HEADING_WEIGHT = 10


def argument_moves() -> pd.DataFrame:
    """The cue words of the moves policy texts make (``zhpolicy/data/argument_moves.tsv``), one
    cue a row: ``move, cue, scope``. The moves come in the order of their first row; ``scope`` is
    ``heading`` for the moves recognised from headings only (导语, 结语), else ``any``."""
    return _word_table("argument_moves.tsv").copy()


def argument_outline(docs, moves: pd.DataFrame | None = None) -> pd.DataFrame:
    """Map each top-level section of each document to a move: 意义 (why it matters),
    要求 (requirements and goals), 问题 (problems, blockages), 路径 (measures), plus 导语 and
    结语 for introductions and conclusions.

    A cue word in a section's heading counts 10; in its body, once per 1,000 characters. The
    move with the highest score wins (ties: the order of the moves). Text before the first
    heading is ``导语``. Returns ``doc_id, section, heading, move, chars, start`` and one score
    column per move. The cue words are :func:`argument_moves`; pass an edited copy as *moves*
    to try other cues.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    table = argument_moves() if moves is None else moves
    cues: dict[str, list[str]] = {}
    for move, cue in zip(table["move"], table["cue"]):
        cues.setdefault(move, []).append(cue)
    heading_only = set(table.loc[table["scope"] == "heading", "move"])
    order = list(cues)
    paras = paragraph_table(docs)
    heads = outline_table(docs)
    rows = []
    paras = paras[paras["kind"] != "signature"]  # the 落款 (office, date) is no part of the argument
    for doc_id, group in paras.groupby("doc_id", sort=True):
        top = group["section"].str.split(".").str[0]
        for section, part in group.groupby(top, sort=False):
            heading_rows = heads[(heads["doc_id"] == doc_id) & (heads["level"] == 1) & heads["para_id"].isin(part["para_id"])]
            heading = heading_rows["heading"].iloc[0] if len(heading_rows) else ""
            body = "".join(part.loc[~part["kind"].isin(["title", "front"]), "text"])
            chars = max(len(body), 1)
            scores = {
                move: round(HEADING_WEIGHT * sum(heading.count(w) for w in words)
                            + (0 if move in heading_only else 1000 * sum(body.count(w) for w in words) / chars), 2)
                for move, words in cues.items()
            }
            if not section or scores.get("导语"):
                move = "导语"
            elif scores.get("结语"):
                move = "结语"
            else:
                move = max(order, key=scores.__getitem__)  # ties: the first in order
            rows.append({"doc_id": doc_id, "section": section, "heading": heading, "move": move,
                         "chars": len(body), "start": int(part["start"].min()), **scores})
    return pd.DataFrame(rows, columns=["doc_id", "section", "heading", "move", "chars", "start", *order])
