"""Helpers every lesson's figures share: short labels, labels pushed apart, the heat map."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def _short(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def heatmap(table: pd.DataFrame, *, title: str = "", fmt: str = "{:.0%}", cmap: str = "Blues", xlabel: str = "",
            ylabel: str = "", value_label: str = "", max_rows: int = 30, max_cols: int = 20, annotate_max: int = 400,
            empty: str = "没有可画的数据：文本太少，这一步无法计算。"):
    """A labelled heatmap of a small table (rows × columns), each cell annotated with its value;
    the colour bar is labelled *value_label* (what a cell's number is; “比例” or “数值” when not
    given) and shows percentages when *fmt* does.

    Bounded whatever the corpus: at most *max_rows* rows and *max_cols* columns are drawn (the
    first ones: sort the table first), the title says how many were left out; cells are
    annotated only when there are at most *annotate_max* of them. An empty table gives a
    figure with the sentence *empty*.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    n_rows, n_cols = table.shape
    if table.empty:
        fig, ax = plt.subplots(figsize=(6, 1.4))
        ax.axis("off")
        ax.text(0.5, 0.5, empty, ha="center", va="center")
        ax.set_title(title)
        return fig
    if table.shape[0] == table.shape[1] and list(table.index) == list(table.columns):
        max_rows = max_cols = min(max_rows, max_cols)  # a doc × doc table stays square, diagonal included
    table = table.iloc[:max_rows, :max_cols]
    cut = []
    if n_rows > table.shape[0]:
        cut.append(f"前 {table.shape[0]} 行，共 {n_rows} 行")
    if n_cols > table.shape[1]:
        cut.append(f"前 {table.shape[1]} 列，共 {n_cols} 列")
    fig, ax = plt.subplots(figsize=(min(1.25 * table.shape[1] + 3, 28), 0.45 * table.shape[0] + 1.6))
    image = ax.imshow(table.values.astype(float), cmap=cmap, aspect="auto")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=20, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    low, high = image.get_clim()
    if table.size <= annotate_max:
        for (r, c), value in np.ndenumerate(table.values):
            dark = (value - low) / (high - low) > 0.6 if high > low else False
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=9, color="white" if dark else "#222222")
    ax.set_title(title + (f"\n（只画出{'；'.join(cut)}）" if cut else ""))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    percent = fmt.rstrip("}").endswith("%")
    bar = fig.colorbar(image, ax=ax, shrink=0.8, format=(lambda v, _: f"{v:.0%}") if percent else None)
    bar.set_label(value_label or ("比例" if percent else "数值") + "（颜色越深越大）")
    fig.tight_layout()
    return fig


def spread_labels(fig, ax, texts, anchors=None, *, iterations: int = 60, pad: float = 2.0) -> int:
    """Push apart text labels whose boxes overlap (deterministic, no random numbers); when a
    label moved away from its anchor point, draw a thin grey line back to it. Returns how many
    pairs still overlap afterwards (0 when every label is free)."""
    if not texts:
        return 0
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    to_display, to_data = ax.transData.transform, ax.transData.inverted().transform
    centres = np.array([to_display(t.get_position()) for t in texts], dtype=float)
    sizes = np.array([[b.width + pad, b.height + pad] for b in (t.get_window_extent(renderer) for t in texts)])
    start = centres.copy()

    def overlaps():
        found = []
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                dx, dy = centres[j] - centres[i]
                ox = (sizes[i, 0] + sizes[j, 0]) / 2 - abs(dx)
                oy = (sizes[i, 1] + sizes[j, 1]) / 2 - abs(dy)
                if ox > 0 and oy > 0:
                    found.append((i, j, dx, dy, ox, oy))
        return found

    for _ in range(iterations):
        found = overlaps()
        if not found:
            break
        for i, j, dx, dy, ox, oy in found:
            if oy <= ox:  # cheaper to separate vertically
                step = (oy / 2 + 0.5) * (1 if dy > 0 or (dy == 0 and i < j) else -1)
                centres[i, 1] -= step
                centres[j, 1] += step
            else:
                step = (ox / 2 + 0.5) * (1 if dx > 0 or (dx == 0 and i < j) else -1)
                centres[i, 0] -= step
                centres[j, 0] += step
    for k, text in enumerate(texts):
        x, y = to_data(centres[k])
        text.set_position((x, y))
        if anchors is not None and np.hypot(*(centres[k] - start[k])) > 4:
            ax.plot([anchors[k][0], x], [anchors[k][1], y], color="#888888", linewidth=0.6, zorder=4)
    return len(overlaps())
