"""Figures of lesson 04: the chains of each document and its argument moves."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ...extraction.chains.kinds import SCORED_KINDS
from .graphs import KIND_COLOURS
from .layout import _short

#: Colours of the argument moves in argument strips.
MOVE_COLOURS = {"导语": "#DDDDDD", "意义": "#4C72B0", "要求": "#55A868", "问题": "#C44E52", "路径": "#DD8452", "结语": "#937860"}


#: The signs of :func:`chains_figure` and what they say, for its legend.
CHAIN_SIGNS = {"sequence": ("→", "顺序：前一环在先，后一环在后（从A到B）"),
               "cycle": ("→ … 循环", "闭环：依次经过各环，最后一环回到第一环"),
               "mutual": ("⇄", "双向：两者互相作用（A为B……，B为A……）"),
               "triad": ("·", "角色组：几个并列的角色陈述（基础·关键·途径），没有先后")}


def chains_figure(chains: pd.DataFrame, labels: pd.Series | None = None, *, min_nodes: int = 3,
                  max_rows: int = 40):
    """The chains of each document side by side: one row per chain, its nodes as boxes joined by
    arrows (“循环” marks a cycle, ⇄ a mutual relation, · separates the roles of a triad), with a
    title and a legend saying what each sign means (:data:`CHAIN_SIGNS`). Chains with fewer than
    *min_nodes* nodes (mutual relations aside) are left out to keep the figure readable, and at
    most *max_rows* chains are drawn (in document order; the title says when some are left out).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    from matplotlib.lines import Line2D

    rows = chains[chains["kind"].isin(SCORED_KINDS)]
    rows = rows[(rows["nodes"].str.len() >= min_nodes) | (rows["kind"] == "mutual")]
    total, rows = len(rows), rows.head(max_rows)
    fig, ax = plt.subplots(figsize=(13, 0.5 * len(rows) + 2.2))
    title = f"各篇文本的逻辑链：一行一条（{min_nodes} 个以上环节的链和全部双向关系），左边是它出自哪篇文本"
    if total > len(rows):
        title += f"\n只画出前 {len(rows)} 条链（共 {total} 条）"
    ax.set_title(title, fontsize=11, pad=42 if len(rows) else 6)
    ax.axis("off")
    if rows.empty:
        ax.text(0.5, 0.5, "没有找到逻辑链", ha="center", va="center")
        return fig
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y, row in enumerate(rows.itertuples()):
        name = str(labels.get(row.doc_id, row.doc_id)) if labels is not None else row.doc_id
        ax.text(0.0, y, _short(name, 14), ha="left", va="center", fontsize=9, color="#555555")
        nodes = list(row.nodes) if row.kind != "mutual" else list(row.nodes[:2])
        if row.kind == "triad":
            nodes = [f"{r}：{n}" for r, n in zip(row.roles, row.nodes)]
        step = 0.8 / len(nodes)
        colour = KIND_COLOURS[row.kind]
        for i, node in enumerate(nodes):
            x = 0.16 + step * (i + 0.5)
            ax.text(x, y, node if len(node) <= 16 else node[:15] + "…", ha="center", va="center", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": colour})
            if i < len(nodes) - 1:
                arrow = "⇄" if row.kind == "mutual" else ("·" if row.kind == "triad" else "→")
                ax.text(x + step / 2, y, arrow, ha="center", va="center", fontsize=16 if arrow == "·" else 12,
                        color=colour)
        if row.kind == "cycle":
            ax.text(0.998, y, "循环", ha="right", va="center", fontsize=10, color=colour)
    present = [k for k in CHAIN_SIGNS if k in set(rows["kind"])]
    handles = [Line2D([0], [0], color=KIND_COLOURS[k], lw=2.5, label=f"{CHAIN_SIGNS[k][0]}  {CHAIN_SIGNS[k][1]}")
               for k in present]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize=9,
              handlelength=1.5)
    fig.tight_layout()
    return fig


def argument_figure(moves: pd.DataFrame, labels: pd.Series | None = None, *, max_docs: int = 30):
    """One strip per document: its sections in order, width ∝ length, colour = move. At most
    *max_docs* documents are drawn (the first ones; the title says when some are left out).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    from matplotlib.patches import Patch

    every = list(dict.fromkeys(moves["doc_id"]))
    docs = every[:max_docs]
    fig, ax = plt.subplots(figsize=(11, 0.7 * len(docs) + 1.8))
    title = "各篇文本的论证步骤：每一段是一个一级章节，宽度按篇幅，颜色是这一节在做的事"
    if len(every) > len(docs):
        title += f"\n只画出前 {len(docs)} 篇（共 {len(every)} 篇）"
    ax.set_title(title, fontsize=11)
    for row, doc_id in enumerate(docs):
        part = moves[moves["doc_id"] == doc_id]
        total = max(part["chars"].sum(), 1)
        left = 0.0
        for section in part.itertuples():
            width = section.chars / total
            ax.barh(row, width, left=left, color=MOVE_COLOURS.get(section.move, "#999999"), edgecolor="white")
            if width > 0.06:
                ax.text(left + width / 2, row, section.move, ha="center", va="center", fontsize=9, color="white"
                        if section.move not in ("导语",) else "#333333")
            left += width
    ax.set_yticks(range(len(docs)), [str(labels.get(d, d)) if labels is not None else d for d in docs])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("在文本中的位置（按篇幅，0 = 开头，1 = 结尾）")
    ax.legend(handles=[Patch(color=c, label=m) for m, c in MOVE_COLOURS.items()],
              loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=len(MOVE_COLOURS), frameon=False)
    fig.tight_layout()
    return fig
