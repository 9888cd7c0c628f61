"""Figures of lesson 06: the instrument mix and policy intensity."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


#: one colour family per instrument type: blues = supply, greens = environment, oranges = demand
INSTRUMENT_COLOURS = {"供给型": "Blues", "环境型": "Greens", "需求型": "Oranges"}


#: Patterns that tell apart the subtypes of one type (its colours are shades of one hue).
SUBTYPE_HATCHES = ("", "///", "...", "xxx", "\\\\\\", "ooo", "---")


def subtype_styles(subtypes: pd.DataFrame) -> dict[str, tuple[tuple, str]]:
    """Subtype → ``(colour, hatch)``: each type keeps its hue family (:data:`INSTRUMENT_COLOURS`),
    its subtypes get shades spread from dark to light and, so that neighbours never look alike,
    a fill pattern each (:data:`SUBTYPE_HATCHES`), in codebook order."""
    styles = {}
    for kind, cmap in INSTRUMENT_COLOURS.items():
        names = list(dict.fromkeys(subtypes.loc[subtypes["type"] == kind, "subtype"]))
        shades = plt.get_cmap(cmap)(np.linspace(0.9, 0.3, max(len(names), 1)))
        for i, (name, shade) in enumerate(zip(names, shades)):
            styles[name] = (tuple(shade), SUBTYPE_HATCHES[i % len(SUBTYPE_HATCHES)])
    return styles


def instrument_mix_figure(by_type: pd.DataFrame, by_subtype: pd.DataFrame, codebook: pd.DataFrame,
                          labels: pd.Series | None = None):
    """Two panels of stacked horizontal bars, one bar per document: left, the share of each
    instrument type among the codes of its measure clauses (bars sum to 100%); right, the number
    of codes of each subtype, one hue family per type with a pattern per subtype
    (:func:`subtype_styles`) and one legend per type. Tables from
    :func:`zhpolicy.extraction.instruments.instrument_mix`.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    labels = labels if labels is not None else pd.Series(dict(zip(by_type.index, by_type.index)))
    names = [str(labels.get(d, d)) for d in by_type.index]
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 0.55 * len(names) + 3.6),
                                      gridspec_kw={"width_ratios": [1, 1.5]})
    shares = by_type.div(by_type.sum(axis=1).replace(0, np.nan), axis=0).fillna(0)
    base = np.zeros(len(names))
    for kind in by_type.columns:
        colour = plt.get_cmap(INSTRUMENT_COLOURS.get(kind, "Greys"))(0.7)
        left.barh(names, shares[kind], left=base, color=colour, label=kind)
        for y, (b, v) in enumerate(zip(base, shares[kind])):
            if v >= 0.08:
                left.text(b + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=8, color="white")
        base += shares[kind].to_numpy()
    left.invert_yaxis()
    left.set_xlim(0, 1)
    left.set_xlabel("占本文工具编码的比例")
    left.set_title("三类工具的构成（每行加起来是 100%）", pad=26)
    left.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False)
    styles = subtype_styles(codebook)
    base = np.zeros(len(names))
    drawn = []
    for sub in by_subtype.columns:
        values = by_subtype[sub].to_numpy()
        if values.sum() == 0:
            continue
        colour, hatch = styles.get(sub, ("#999999", ""))
        right.barh(names, values, left=base, color=colour, hatch=hatch, label=sub, edgecolor="white", linewidth=0.5)
        base += values
        drawn.append(sub)
    right.invert_yaxis()
    right.set_yticks(range(len(names)), [""] * len(names))
    right.set_xlabel("编码次数（一个条款可有多个编码）")
    right.set_title("工具子类：同一类型同一色系，花纹区分子类", pad=26)
    from matplotlib.patches import Patch

    handles, subs = right.get_legend_handles_labels()
    by_sub = dict(zip(subs, handles))
    entries = []
    for kind in INSTRUMENT_COLOURS:  # one block per type, headed by the type's name
        mine = [s for s in dict.fromkeys(codebook.loc[codebook["type"] == kind, "subtype"]) if s in by_sub]
        if mine:
            entries += [(Patch(visible=False), f"【{kind}】")] + [(by_sub[s], s) for s in mine]
    if entries:
        right.legend(*zip(*entries), loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False,
                     handleheight=1.3)
    fig.suptitle("各篇文本用了哪些政策工具（措施条款的编码）", fontsize=12)
    fig.tight_layout(rect=(0, 0, 0.88, 1))  # the right margin holds the subtype legend
    return fig


def intensity_figure(per_doc: pd.DataFrame, per_type: pd.DataFrame, labels: pd.Series | None = None):
    """Left: for each document, the share of its measure clauses in each intensity tier (4 = 必须/严禁
    … 1 = 探索/试点), with the mean tier written at the end of the bar; right: mean tier per
    instrument type. Tables from :func:`zhpolicy.extraction.instruments.intensity_by_document`
    and ``intensity_by_type``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    labels = labels if labels is not None else pd.Series(dict(zip(per_doc.index, per_doc.index)))
    names = [str(labels.get(d, d)) for d in per_doc.index]
    tiers = {4: ("4 强制", "#8c2d04"), 3: ("3 明确要求", "#d94801"), 2: ("2 鼓励引导", "#fd8d3c"),
             1: ("1 探索试点", "#fdd0a2"), 0: ("0 无强度词", "#eeeeee")}
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 0.55 * len(names) + 2.8), gridspec_kw={"width_ratios": [2, 1]})
    total = per_doc["measures"].replace(0, np.nan)
    base = np.zeros(len(names))
    for tier, (name, colour) in tiers.items():
        share = (per_doc[f"tier_{tier}"] / total).fillna(0).to_numpy()
        left.barh(names, share, left=base, color=colour, label=name)
        base += share
    for y, (m, n) in enumerate(zip(per_doc["mean_intensity"], per_doc["measures"])):
        left.text(1.01, y, f"均值 {m:.2f}（{n} 条）" if n else "没有措施条款", va="center", fontsize=9)
    left.invert_yaxis()
    left.set_xlim(0, 1)
    left.set_xlabel("占本文措施条款的比例")
    left.set_title("每篇文本措施条款的强度构成", pad=26)
    left.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, frameon=False, fontsize=9)
    kinds = list(per_type.index)
    colours = [plt.get_cmap(INSTRUMENT_COLOURS.get(k, "Greys"))(0.7) for k in kinds]
    right.bar(kinds, per_type["mean_intensity"].fillna(0), color=colours)
    for x, (m, n) in enumerate(zip(per_type["mean_intensity"], per_type["measures"])):
        right.text(x, (0 if pd.isna(m) else m) + 0.05, "—" if pd.isna(m) else f"{m:.2f}\n（{n} 条）",
                   ha="center", va="bottom", fontsize=9)
    right.set_ylim(0, 4.6)
    right.set_ylabel("平均强度（0–4）")
    right.set_title("按工具类型的平均强度", pad=26)
    fig.tight_layout()
    return fig
