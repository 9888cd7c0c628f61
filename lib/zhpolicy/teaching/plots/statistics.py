"""Figures of lesson 05: the statistics, one panel per kind of quantity."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .layout import _short


def statistics_figure(stats: pd.DataFrame, flagged: set | None = None, *, max_bars: int = 15):
    """Cited figures, one panel per kind of quantity so that no axis mixes unlike things:
    amounts in 元 (shown in 亿元), then percentages split into growth rates, shares, ratios and
    intensities, and other percentages (see :func:`zhpolicy.extraction.stats.percent_kind`).

    One bar per figure, labelled ``doc indicator（year）``, the bars of each panel sorted by
    indicator name; figures in *flagged* (a set of ``(doc_id, surface)``, see
    :func:`flagged_figures`) are red, and a legend says so when a red bar is drawn. Each panel
    draws at most *max_bars* bars and its title says how many were left out.

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    return _statistics_panels(stats, flagged or set(), max_bars)


def flagged_figures(flags: pd.DataFrame) -> set[tuple[str, str]]:
    """The ``(doc_id, surface)`` of every figure the consistency flags name, both sides of each
    flag. A flag about several figures of one document lists them joined by “、”
    (``前10位、3%左右、突破3万亿元、2.54%…``): each listed figure is taken; a list cut short with
    “…” names only its first figures.

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    found = set()
    for doc_col, surface_col in (("doc_id", "surface"), ("other_doc_id", "other_surface")):
        for doc_id, surface in zip(flags[doc_col].astype(str), flags[surface_col].astype(str)):
            for part in surface.split("、"):
                part = part.strip().removesuffix("…")
                if doc_id and part:
                    found.add((doc_id, part))
    return found


#: Panels of the statistics figure: (title, x-axis label, scale) by unit or percentage kind.
STAT_PANELS = {
    "money": ("金额", "亿元", 1e8),
    "growth": ("增速与变化（增长、下降……）", "%", 1.0),
    "share": ("占比（占……的比重、比例）", "%", 1.0),
    "intensity": ("比率与强度（强度、……率）", "%", 1.0),
    "other": ("其他百分比", "%", 1.0),
}


FLAG_COLOUR, PLAIN_COLOUR = "#C44E52", "#4C72B0"


def _statistics_parts(stats: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    from ...extraction.stats import normalise_indicator, percent_kinds

    single = stats[~stats["qualifier"].isin(["range", "<", ">"])]
    single = single.assign(_panel=percent_kinds(single).where(single["unit"] == "%", ""))
    single.loc[single["unit"] == "元", "_panel"] = "money"
    single = single.assign(_key=single["indicator"].map(normalise_indicator))
    parts = []
    for panel in STAT_PANELS:
        part = single[single["_panel"] == panel].sort_values(["_key", "year", "doc_id"], kind="stable")
        if len(part):
            parts.append((panel, part))
    return parts


def _statistics_panels(stats: pd.DataFrame, flagged: set, max_bars: int):
    from matplotlib.patches import Patch

    parts = _statistics_parts(stats) if len(stats) else []
    if not parts:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "没有以“元”或“%”为单位的统计数字", ha="center", va="center")
        return fig
    heights = [0.36 * min(len(p), max_bars) + 1.3 for _, p in parts]
    fig, axes = plt.subplots(len(parts), 1, figsize=(10, sum(heights) + 0.6), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, (panel, part) in zip(axes[:, 0], parts):
        _statistics_panel(ax, panel, part, flagged, max_bars)
    total = sum(heights) + 1.1
    fig.set_size_inches(10, total)
    fig.suptitle("文本引用的统计数字：换算到同一单位，按指标名排序（每根条是一个数字，标签是“文本 指标（年份）”）",
                 fontsize=11, y=1 - 0.12 / total)
    red = any((doc, surface) in flagged for _, part in parts
              for doc, surface in zip(part["doc_id"].head(max_bars), part["surface"].head(max_bars)))
    handles = [Patch(color=PLAIN_COLOUR, label="未被标记的数字" if red else "统计数字（一致性检查没有标记这里画出的数字）")]
    if red:
        handles.insert(0, Patch(color=FLAG_COLOUR, label="一致性检查标记的数字（需要核对）"))
    fig.legend(handles=handles, loc="upper center", ncol=2, frameon=False, bbox_to_anchor=(0.5, 1 - 0.45 / total))
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.7 / total))
    return fig


def _statistics_panel(ax, panel: str, part: pd.DataFrame, flagged: set, max_bars: int) -> None:
    title, xlabel, scale = STAT_PANELS[panel]
    shown = part.head(max_bars)
    names = [f"{_doc_tag(d)} {_short(i, 16)}（{y or '年份不详'}）" for d, i, y in zip(shown["doc_id"], shown["indicator"], shown["year"])]
    names = [f"{n} #{k + 1}" if names.count(n) > 1 else n for k, n in enumerate(names)]
    colours = [FLAG_COLOUR if (d, s) in flagged else PLAIN_COLOUR for d, s in zip(shown["doc_id"], shown["surface"])]
    values = shown["value"].astype(float) / scale
    ax.barh(names, values, color=colours)
    ax.invert_yaxis()
    more = f"（共 {len(part)} 个，只画前 {max_bars} 个）" if len(part) > max_bars else ""
    ax.set_title(title + more, fontsize=11, loc="left")
    ax.set_xlabel(xlabel)
    ax.tick_params(axis="y", labelsize=9)
    for y, (value, surface) in enumerate(zip(values, shown["surface"])):
        ax.text(max(value, 0), y, f" {surface}", va="center", fontsize=8)
    top = float(values.max()) if len(values) else 1.0
    ax.set_xlim(min(0.0, float(values.min())), (top if top > 0 else 1.0) * 1.45)


def _doc_tag(doc_id: str) -> str:
    """A short document tag for bar labels: ``000`` for ids like ``000_9f4c…``, else the id (at most 10 characters)."""
    import re

    return doc_id[:3] if re.match(r"\d{3}_", doc_id) else _short(doc_id, 10)
