"""Figures of lessons 01 and 02: text lengths, bars, word clouds, keyness, dispersion."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


def length_figure(stats: pd.DataFrame, sents: pd.DataFrame, labels: pd.Series | None = None, *, top: int = 25):
    """Two panels: characters per document (bars) and sentence lengths per document (box plot).

    At most *top* documents are drawn (the longest, in their table order); the title says so.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    labels = labels if labels is not None else pd.Series(stats["doc_id"].values, index=stats["doc_id"])
    total = len(stats)
    if total > top:
        stats = stats[stats["doc_id"].isin(stats.nlargest(top, "n_chars")["doc_id"])]
    order = list(stats["doc_id"])
    names = [labels.get(d, d) for d in order]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 0.6 * max(len(order), 1) + 1.8))
    left.barh(names, stats["n_chars"], color="#4C72B0")
    left.invert_yaxis()
    left.set_xlabel("字数（不含空白）")
    left.set_title("每篇文本的长度" + (f"（最长的 {top} 篇，共 {total} 篇）" if total > top else ""))
    left.set_xlim(0, max(stats["n_chars"].max() if len(stats) else 0, 1) * 1.18)
    for y, value in enumerate(stats["n_chars"]):
        left.text(value, y, f" {value}", va="center", fontsize=9)
    lengths = [sents.loc[sents["doc_id"] == d, "text"].str.len().tolist() or [0] for d in order]
    if lengths:
        import inspect

        sideways = ({"orientation": "horizontal"} if "orientation" in inspect.signature(right.boxplot).parameters
                    else {"vert": False})  # matplotlib 3.10 renamed vert=False
        right.boxplot(lengths, tick_labels=names, **sideways)
        right.invert_yaxis()
        right.legend(handles=_box_key(), loc="best", fontsize=8, framealpha=0.9)
    right.set_xlabel("句子长度（字）")
    right.set_title("句子有多长（箱线图，图例说明各部分）")
    fig.suptitle("每篇文本的篇幅和句长", fontsize=12)
    fig.tight_layout()
    return fig


def _box_key():
    """Legend handles explaining a matplotlib box plot: median, box, whiskers, outliers (○)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    return [Line2D([], [], color="#ff7f0e", label="中位数"),
            Patch(facecolor="white", edgecolor="black", label="箱子：中间一半的句子"),
            Line2D([], [], color="black", label="须：伸到离箱子 1.5 个箱长以内最远的句子"),
            Line2D([], [], linestyle="", marker="o", markerfacecolor="none", markeredgecolor="black",
                   label="圆圈：特别长（或特别短）的句子")]


def bar_chart(labels, values, *, title: str = "", xlabel: str = "", ax=None, color: str | list = "#4C72B0",
              empty: str = "没有可画的数据：文本太少。"):
    """Horizontal bars, largest on top (*color* one colour or one per bar); returns the axes (a
    sentence instead when there is nothing to draw).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    labels, values = list(labels), list(values)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 0.32 * max(len(values), 3) + 1.2))
    if not values:
        ax.axis("off")
        ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes)
        ax.set_title(title)
        return ax
    ax.barh(labels, values, color=color)
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return ax


def wordcloud_image(frequencies: pd.Series | dict, font_path: str, *, max_words: int = 100,
                    width: int = 800, height: int = 450, random_state: int = 0, mask=None):
    """A :class:`wordcloud.WordCloud` drawn from computed frequencies (term → count).

    Ties are ordered by term so that the same frequencies always give the same picture;
    ``random_state`` fixes the layout; *font_path* must be a Chinese font
    (:func:`zhpolicy.use_chinese_font` returns one). With no words at all, a cloud of the
    single word “（无词）” is drawn instead of raising.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    from wordcloud import WordCloud

    items = sorted(dict(frequencies).items(), key=lambda kv: (-kv[1], kv[0]))[:max_words] or [("（无词）", 1)]
    cloud = WordCloud(
        font_path=font_path, width=width, height=height, background_color="white",
        max_words=max_words, random_state=random_state, mask=mask, colormap="viridis",
        prefer_horizontal=0.9, collocations=False,
    )
    return cloud.generate_from_frequencies(dict(items))


#: G² above which a difference is significant at p < 0.05 (one degree of freedom).
SIGNIFICANT_G2 = 3.84
#: Colours of the keyness bars: significant at p < 0.05, and not.
KEY_COLOUR, WEAK_COLOUR = "#C44E52", "#C8C8C8"


def keyness_figure(table: pd.DataFrame, labels: pd.Series | None = None, *, columns: int = 3, max_docs: int = 9):
    """Small multiples: the over-used terms of each document with their G² (from
    :func:`zhpolicy.analysis.terms.keyness_by_document`). A dashed line marks G² = 3.84 (p = 0.05)
    in every panel; bars below it are grey (the difference may be chance). Each panel has its
    own horizontal scale, and the title says so. At most *max_docs* panels (the documents with
    the largest G², in doc order); the figure's title says how many were left out.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    docs = list(dict.fromkeys(table["doc_id"])) if len(table) else []
    total = len(docs)
    if total > max_docs:
        strongest = table.groupby("doc_id")["g2"].max().sort_values(ascending=False, kind="stable")
        keep = set(strongest.index[:max_docs])
        docs = [d for d in docs if d in keep]
    if not docs:
        fig, ax = plt.subplots(figsize=(6, 1.4))
        ax.axis("off")
        ax.text(0.5, 0.5, "没有可比较的关键词：至少需要两篇文本，且词要出现两次以上。", ha="center", va="center")
        return fig
    columns = min(columns, len(docs))
    rows = -(-len(docs) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 2.6 * rows + 0.5), squeeze=False)
    for ax, doc_id in zip(axes.flat, docs):
        part = table[table["doc_id"] == doc_id]
        values = part["g2"].astype(float)
        bar_chart(part["term"], values, ax=ax, color=[KEY_COLOUR if v >= SIGNIFICANT_G2 else WEAK_COLOUR for v in values],
                  title=str(labels.get(doc_id, doc_id)) if labels is not None else doc_id, xlabel="G²（对数似然）")
        ax.axvline(SIGNIFICANT_G2, color="#555555", linestyle="--", linewidth=1)
        ax.set_xlim(0, max(float(values.max()) if len(values) else 0.0, SIGNIFICANT_G2) * 1.1)
    for ax in list(axes.flat)[len(docs):]:
        ax.axis("off")
    title = "每篇文本比其余文本“多用”得最显著的词：条越长（G² 越大），差异越不像偶然"
    if total > len(docs):
        title += f"\n只画出关键性最强的 {len(docs)} 篇（共 {total} 篇）"
    title += "\n每个小图的横轴刻度各不相同：只在小图之内比较条的长短"
    fig.suptitle(title, fontsize=12)
    fig.legend(handles=[Patch(color=KEY_COLOUR, label="G² ≥ 3.84：p < 0.05，差异不太像偶然"),
                        Patch(color=WEAK_COLOUR, label="G² < 3.84：差异可能是偶然"),
                        Line2D([], [], color="#555555", linestyle="--", label="虚线：G² = 3.84（p = 0.05）")],
               loc="lower center", ncol=3, frameon=False, fontsize=9)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def dispersion_figure(pos: pd.DataFrame, terms: list[str], doc_ids: list[str], labels: pd.Series | None = None,
                      *, max_docs: int = 15):
    """A dispersion plot (“x-ray”): one panel per term, one row per document, a tick at each
    occurrence; the horizontal axis runs from the start (0) to the end (1) of each text.

    The title says how the occurrences were counted (``pos.attrs["counting"]`` from
    :func:`zhpolicy.analysis.terms.positions`: whole tokens, as the frequency tables count, or
    substrings, as KWIC does), so its totals can be compared with the tables next to it.
    At most *max_docs* rows: the documents with the most occurrences (in the given order);
    the panel titles say how many documents are shown.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    from ...analysis.terms import COUNTING

    total = len(doc_ids)
    if total > max_docs:
        counts = pos.groupby("doc_id").size().reindex(doc_ids, fill_value=0)
        keep = set(counts.sort_values(ascending=False, kind="stable").index[:max_docs])
        doc_ids = [d for d in doc_ids if d in keep]
    terms = list(terms) or ["（无）"]
    fig, axes = plt.subplots(len(terms), 1, figsize=(9, 0.35 * max(len(doc_ids), 1) * len(terms) + 0.8 * len(terms) + 0.6),
                             sharex=True, squeeze=False)
    names = [str(labels.get(d, d)) if labels is not None else d for d in doc_ids]
    shown = f"；出现最多的 {len(doc_ids)} 篇，共 {total} 篇" if total > len(doc_ids) else ""
    counting = pos.attrs.get("counting", "substring")
    unit = "作为一个词" if counting == "token" else "作为字串"
    for ax, term in zip(axes[:, 0], terms):
        part = pos[pos["term"] == term]
        for row, doc_id in enumerate(doc_ids):
            xs = part.loc[part["doc_id"] == doc_id, "relative"]
            ax.vlines(xs, row - 0.35, row + 0.35, color="#4C72B0", linewidth=1)
        ax.set_yticks(range(len(doc_ids)), names)
        ax.set_ylim(len(doc_ids) - 0.5, -0.5)
        ax.set_title(f"“{term}”{unit}出现的位置（共 {len(part)} 次{shown}）", fontsize=10)
    axes[-1, 0].set_xlim(0, 1)
    axes[-1, 0].set_xlabel("在文本中的相对位置（0 = 开头，1 = 结尾）；每根竖线是一次出现")
    fig.suptitle(f"词在每篇文本中出现的位置\n{COUNTING[counting]}", fontsize=11)
    fig.tight_layout()
    return fig
