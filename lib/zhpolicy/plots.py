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
