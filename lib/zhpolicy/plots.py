"""Small plotting helpers that return matplotlib figures (call :func:`use_chinese_font` first)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


def length_figure(stats: pd.DataFrame, sents: pd.DataFrame, labels: pd.Series | None = None):
    """Two panels: characters per document (bars) and sentence lengths per document (box plot)."""
    labels = labels if labels is not None else pd.Series(stats["doc_id"].values, index=stats["doc_id"])
    order = list(stats["doc_id"])
    names = [labels.get(d, d) for d in order]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 0.6 * len(order) + 1.8))
    left.barh(names, stats["n_chars"], color="#4C72B0")
    left.invert_yaxis()
    left.set_xlabel("字数（不含空白）")
    left.set_title("每篇文本的长度")
    left.set_xlim(0, max(stats["n_chars"].max(), 1) * 1.18)
    for y, value in enumerate(stats["n_chars"]):
        left.text(value, y, f" {value}", va="center", fontsize=9)
    lengths = [sents.loc[sents["doc_id"] == d, "text"].str.len().tolist() or [0] for d in order]
    right.boxplot(lengths, vert=False, tick_labels=names)
    right.invert_yaxis()
    right.set_xlabel("句子长度（字）")
    right.set_title("句子有多长")
    fig.tight_layout()
    return fig


def bar_chart(labels, values, *, title: str = "", xlabel: str = "", ax=None, color: str = "#4C72B0"):
    """Horizontal bars, largest on top; returns the axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 0.32 * len(values) + 1.2))
    ax.barh(list(labels), list(values), color=color)
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return ax


def wordcloud_image(frequencies: pd.Series | dict, font_path: str, *, max_words: int = 100,
                    width: int = 800, height: int = 450, random_state: int = 0, mask=None):
    """A :class:`wordcloud.WordCloud` drawn from computed frequencies (term → count).

    Ties are ordered by term so that the same frequencies always give the same picture;
    ``random_state`` fixes the layout; *font_path* must be a Chinese font
    (:func:`zhpolicy.use_chinese_font` returns one)."""
    from wordcloud import WordCloud

    items = sorted(dict(frequencies).items(), key=lambda kv: (-kv[1], kv[0]))[:max_words]
    cloud = WordCloud(
        font_path=font_path, width=width, height=height, background_color="white",
        max_words=max_words, random_state=random_state, mask=mask, colormap="viridis",
        prefer_horizontal=0.9, collocations=False,
    )
    return cloud.generate_from_frequencies(dict(items))


def keyness_figure(table: pd.DataFrame, labels: pd.Series | None = None, *, columns: int = 3):
    """Small multiples: the over-used terms of each document with their G² (from
    :func:`zhpolicy.terms.keyness_by_document`)."""
    docs = list(dict.fromkeys(table["doc_id"]))
    rows = -(-len(docs) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 2.6 * rows), squeeze=False)
    for ax, doc_id in zip(axes.flat, docs):
        part = table[table["doc_id"] == doc_id]
        bar_chart(part["term"], part["g2"], ax=ax, color="#C44E52",
                  title=str(labels.get(doc_id, doc_id)) if labels is not None else doc_id, xlabel="G²（对数似然）")
    for ax in list(axes.flat)[len(docs):]:
        ax.axis("off")
    fig.tight_layout()
    return fig


def dispersion_figure(pos: pd.DataFrame, terms: list[str], doc_ids: list[str], labels: pd.Series | None = None):
    """A dispersion plot (“x-ray”): one panel per term, one row per document, a tick at each
    occurrence; the horizontal axis runs from the start (0) to the end (1) of each text."""
    fig, axes = plt.subplots(len(terms), 1, figsize=(9, 0.35 * len(doc_ids) * len(terms) + 0.8 * len(terms)),
                             sharex=True, squeeze=False)
    names = [str(labels.get(d, d)) if labels is not None else d for d in doc_ids]
    for ax, term in zip(axes[:, 0], terms):
        part = pos[pos["term"] == term]
        for row, doc_id in enumerate(doc_ids):
            xs = part.loc[part["doc_id"] == doc_id, "relative"]
            ax.vlines(xs, row - 0.35, row + 0.35, color="#4C72B0", linewidth=1)
        ax.set_yticks(range(len(doc_ids)), names)
        ax.set_ylim(len(doc_ids) - 0.5, -0.5)
        ax.set_title(f"“{term}”出现的位置（共 {len(part)} 次）", fontsize=10)
    axes[-1, 0].set_xlim(0, 1)
    axes[-1, 0].set_xlabel("在文本中的相对位置（0 = 开头，1 = 结尾）")
    fig.tight_layout()
    return fig


def _short(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def statistics_figure(stats: pd.DataFrame, flagged: set | None = None):
    """Cited figures by indicator and year: amounts in 元 (shown in 亿元) and percentages.

    One bar per figure, labelled ``doc indicator（year）``; figures in *flagged*
    (a set of ``(doc_id, surface)``) are drawn in red."""
    flagged = flagged or set()
    panels = [("元", "金额（亿元）", 1e8), ("%", "百分比（%）", 1.0)]
    parts = [(unit, title, scale, stats[(stats["unit"] == unit) & ~stats["qualifier"].isin(["range", "<", ">"])])
             for unit, title, scale in panels]
    parts = [p for p in parts if len(p[3])]
    if not parts:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "没有以“元”或“%”为单位的统计数字", ha="center", va="center")
        return fig
    heights = [0.38 * len(p[3]) + 1.2 for p in parts]
    fig, axes = plt.subplots(len(parts), 1, figsize=(10, sum(heights)), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, (unit, title, scale, part) in zip(axes[:, 0], parts):
        from .stats import normalise_indicator

        part = part.assign(_key=part["indicator"].map(normalise_indicator))
        part = part.sort_values(["_key", "year", "doc_id"], kind="stable")
        names = [f"{d[:3]} {_short(i)}（{y or '—'}）" for d, i, y in zip(part["doc_id"], part["indicator"], part["year"])]
        colors = ["#C44E52" if (d, s) in flagged else "#4C72B0" for d, s in zip(part["doc_id"], part["surface"])]
        values = part["value"].astype(float) / scale
        ax.barh(names, values, color=colors)
        ax.invert_yaxis()
        ax.set_title(title)
        for y, (value, surface) in enumerate(zip(values, part["surface"])):
            ax.text(value, y, f" {surface}", va="center", fontsize=8)
        ax.set_xlim(0, values.max() * 1.35)
    fig.tight_layout()
    return fig
