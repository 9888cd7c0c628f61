"""Small plotting helpers that return matplotlib figures (call :func:`use_chinese_font` first)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd


def length_figure(stats: pd.DataFrame, sents: pd.DataFrame, labels: pd.Series | None = None, *, top: int = 25):
    """Two panels: characters per document (bars) and sentence lengths per document (box plot).

    At most *top* documents are drawn (the longest, in their table order); the title says so."""
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
        right.boxplot(lengths, vert=False, tick_labels=names)
        right.invert_yaxis()
    right.set_xlabel("句子长度（字）")
    right.set_title("句子有多长")
    fig.tight_layout()
    return fig


def bar_chart(labels, values, *, title: str = "", xlabel: str = "", ax=None, color: str = "#4C72B0",
              empty: str = "没有可画的数据：文本太少。"):
    """Horizontal bars, largest on top; returns the axes (a sentence instead when there is nothing to draw)."""
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
    single word “（无词）” is drawn instead of raising."""
    from wordcloud import WordCloud

    items = sorted(dict(frequencies).items(), key=lambda kv: (-kv[1], kv[0]))[:max_words] or [("（无词）", 1)]
    cloud = WordCloud(
        font_path=font_path, width=width, height=height, background_color="white",
        max_words=max_words, random_state=random_state, mask=mask, colormap="viridis",
        prefer_horizontal=0.9, collocations=False,
    )
    return cloud.generate_from_frequencies(dict(items))


def keyness_figure(table: pd.DataFrame, labels: pd.Series | None = None, *, columns: int = 3, max_docs: int = 9):
    """Small multiples: the over-used terms of each document with their G² (from
    :func:`zhpolicy.terms.keyness_by_document`). At most *max_docs* panels (the documents
    with the largest G², in doc order); the figure's title says how many were left out."""
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
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 2.6 * rows), squeeze=False)
    for ax, doc_id in zip(axes.flat, docs):
        part = table[table["doc_id"] == doc_id]
        bar_chart(part["term"], part["g2"], ax=ax, color="#C44E52",
                  title=str(labels.get(doc_id, doc_id)) if labels is not None else doc_id, xlabel="G²（对数似然）")
    for ax in list(axes.flat)[len(docs):]:
        ax.axis("off")
    if total > len(docs):
        fig.suptitle(f"只画出关键性最强的 {len(docs)} 篇（共 {total} 篇）", fontsize=11)
    fig.tight_layout()
    return fig


def dispersion_figure(pos: pd.DataFrame, terms: list[str], doc_ids: list[str], labels: pd.Series | None = None,
                      *, max_docs: int = 15):
    """A dispersion plot (“x-ray”): one panel per term, one row per document, a tick at each
    occurrence; the horizontal axis runs from the start (0) to the end (1) of each text.

    At most *max_docs* rows: the documents with the most occurrences (in the given order);
    the panel titles say how many documents are shown."""
    total = len(doc_ids)
    if total > max_docs:
        counts = pos.groupby("doc_id").size().reindex(doc_ids, fill_value=0)
        keep = set(counts.sort_values(ascending=False, kind="stable").index[:max_docs])
        doc_ids = [d for d in doc_ids if d in keep]
    terms = list(terms) or ["（无）"]
    fig, axes = plt.subplots(len(terms), 1, figsize=(9, 0.35 * max(len(doc_ids), 1) * len(terms) + 0.8 * len(terms)),
                             sharex=True, squeeze=False)
    names = [str(labels.get(d, d)) if labels is not None else d for d in doc_ids]
    shown = f"；出现最多的 {len(doc_ids)} 篇，共 {total} 篇" if total > len(doc_ids) else ""
    for ax, term in zip(axes[:, 0], terms):
        part = pos[pos["term"] == term]
        for row, doc_id in enumerate(doc_ids):
            xs = part.loc[part["doc_id"] == doc_id, "relative"]
            ax.vlines(xs, row - 0.35, row + 0.35, color="#4C72B0", linewidth=1)
        ax.set_yticks(range(len(doc_ids)), names)
        ax.set_ylim(len(doc_ids) - 0.5, -0.5)
        ax.set_title(f"“{term}”出现的位置（共 {len(part)} 次{shown}）", fontsize=10)
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


#: Colours of the edge kinds in concept graphs and of the moves in argument strips.
KIND_COLOURS = {"sequence": "#4C72B0", "cycle": "#55A868", "mutual": "#C44E52", "triad": "#8172B2",
                "role": "#8172B2", "relation": "#BBBBBB"}
MOVE_COLOURS = {"导语": "#DDDDDD", "意义": "#4C72B0", "要求": "#55A868", "问题": "#C44E52", "路径": "#DD8452", "结语": "#937860"}


def _hub_layout(graph, degree: dict) -> dict:
    """Hubs (the most linked concepts) on an inner ring, the rest on an outer ring ordered so
    that each sits near the hub it links to. Deterministic: no random seed involved."""
    import math

    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], n))
    hubs = [n for n in ranked if degree[n] >= 4][:6] or ranked[:1]
    order: list = []
    for hub in hubs:
        for n in sorted(set(graph.predecessors(hub)) | set(graph.successors(hub)), key=lambda n: (-degree[n], n)):
            if n not in hubs and n not in order:
                order.append(n)
    order += [n for n in ranked if n not in hubs and n not in order]
    pos = {}
    for ring, nodes, radius in ((0, hubs, 0.35), (1, order, 1.0)):
        for i, n in enumerate(nodes):
            angle = 2 * math.pi * i / max(len(nodes), 1) + (0.3 if ring == 0 else 0)
            pos[n] = (radius * math.cos(angle), radius * math.sin(angle))
    if len(hubs) == 1:
        pos[hubs[0]] = (0.0, 0.0)
    return pos


def graph_figure(graph, *, size: tuple[float, float] = (13, 9), components: int = 1):
    """Draw the largest connected parts of a concept graph (from
    :func:`zhpolicy.chains.chain_graph`) with a deterministic ring layout (hubs inside), so
    reruns give the same picture.

    Node size grows with the number of links; edge colour shows the kind of chain
    (:data:`KIND_COLOURS`). Only the *components* largest connected parts are drawn: the many
    two-node transitions (从A到B) read better as a table."""
    import networkx as nx
    from matplotlib.lines import Line2D

    parts = sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), sorted(c)))[:components]
    graph = graph.subgraph(sorted(set().union(*parts))) if parts else graph
    fig, ax = plt.subplots(figsize=size)
    ax.axis("off")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "没有可画的逻辑链", ha="center", va="center")
        return fig
    degree = dict(graph.degree())
    pos = _hub_layout(graph, degree)
    sizes = [250 + 160 * degree[n] for n in graph.nodes]
    for kind, colour in KIND_COLOURS.items():
        edges = [(a, b) for a, b, d in graph.edges(data=True) if d["kinds"][0] == kind]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, edge_color=colour, ax=ax, arrows=True, arrowsize=14,
                               width=1.8, node_size=sizes, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(graph, pos, node_size=sizes, node_color="#F5F0E1", edgecolors="#888888", ax=ax)
    for node, (x, y) in pos.items():
        ax.text(x, y, node, ha="center", va="center", fontsize=10 if degree[node] > 2 else 8.5,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75})
    handles = [Line2D([0], [0], color=c, lw=2, label=k) for k, c in KIND_COLOURS.items()
               if any(d["kinds"][0] == k for _, _, d in graph.edges(data=True))]
    ax.legend(handles=handles, loc="lower left", frameon=False)
    fig.tight_layout()
    return fig


def chains_figure(chains: pd.DataFrame, labels: pd.Series | None = None, *, min_nodes: int = 3):
    """The chains of each document side by side: one row per chain, its nodes as boxes joined by
    arrows (“循环” marks a cycle, ⇄ a mutual relation). Chains with fewer than *min_nodes* nodes
    (mutual relations aside) are left out to keep the figure readable."""
    rows = chains[chains["kind"].isin(["sequence", "cycle", "mutual", "triad"])]
    rows = rows[(rows["nodes"].str.len() >= min_nodes) | (rows["kind"] == "mutual")]
    fig, ax = plt.subplots(figsize=(13, 0.5 * len(rows) + 1))
    ax.axis("off")
    if rows.empty:
        ax.text(0.5, 0.5, "没有找到逻辑链", ha="center", va="center")
        return fig
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y, row in enumerate(rows.itertuples()):
        name = str(labels.get(row.doc_id, row.doc_id)) if labels is not None else row.doc_id
        ax.text(0.0, y, name, ha="left", va="center", fontsize=9, color="#555555")
        nodes = list(row.nodes) if row.kind != "mutual" else list(row.nodes[:2])
        if row.kind == "triad":
            nodes = [f"{r}：{n}" for r, n in zip(row.roles, row.nodes)]
        step = 0.84 / len(nodes)
        colour = KIND_COLOURS[row.kind]
        for i, node in enumerate(nodes):
            x = 0.16 + step * (i + 0.5)
            ax.text(x, y, node if len(node) <= 16 else node[:15] + "…", ha="center", va="center", fontsize=9,
                    bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": colour})
            if i < len(nodes) - 1:
                arrow = "⇄" if row.kind == "mutual" else ("·" if row.kind == "triad" else "→")
                ax.text(x + step / 2, y, arrow, ha="center", va="center", fontsize=11, color=colour)
        if row.kind == "cycle":
            ax.text(0.998, y, "循环", ha="right", va="center", fontsize=9, color=colour)
    fig.tight_layout()
    return fig


def argument_figure(moves: pd.DataFrame, labels: pd.Series | None = None):
    """One strip per document: its sections in order, width ∝ length, colour = move."""
    from matplotlib.patches import Patch

    docs = list(dict.fromkeys(moves["doc_id"]))
    fig, ax = plt.subplots(figsize=(11, 0.7 * len(docs) + 1.4))
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


def heatmap(table: pd.DataFrame, *, title: str = "", fmt: str = "{:.0%}", cmap: str = "Blues", xlabel: str = "",
            ylabel: str = "", max_rows: int = 30, max_cols: int = 20, annotate_max: int = 400,
            empty: str = "没有可画的数据：文本太少，这一步无法计算。"):
    """A labelled heatmap of a small table (rows × columns), each cell annotated with its value.

    Bounded whatever the corpus: at most *max_rows* rows and *max_cols* columns are drawn (the
    first ones: sort the table first), the title says how many were left out; cells are
    annotated only when there are at most *annotate_max* of them. An empty table gives a
    figure with the sentence *empty*."""
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
    fig.colorbar(image, ax=ax, shrink=0.8)
    fig.tight_layout()
    return fig


def network_figure(graph, *, seed: int = 3, size: tuple[float, float] = (11, 8.5)):
    """Draw the largest connected part of a co-word network (from
    :func:`zhpolicy.themes.cooccurrence_network`): node size ∝ frequency, colour = community
    (legend numbered as in :func:`zhpolicy.themes.network_table`), edge width ∝ Jaccard; spring
    layout with a fixed seed, so reruns give the same picture. The title says how many words
    and communities are drawn and how many smaller separate parts are left out. Labels that
    would overlap are pushed apart (:func:`spread_labels`), with a thin line back to their node."""
    import networkx as nx
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=size)
    ax.axis("off")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "共现网络为空：文本太少，没有一起出现两次以上的词。", ha="center", va="center")
        return fig
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    largest = parts[0]
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted((n, d) for n, d in graph.nodes(data=True) if n in largest))
    ordered.add_edges_from(sorted((a, b, d) for a, b, d in graph.edges(data=True) if a in largest))
    pos = nx.spring_layout(ordered, seed=seed, k=2.2 / max(ordered.number_of_nodes(), 1) ** 0.5, iterations=500)
    palette = plt.get_cmap("tab10")
    community = {n: ordered.nodes[n].get("community", 1) for n in ordered.nodes}
    colours = [palette((community[n] - 1) % 10) for n in ordered.nodes]
    freq = np.array([ordered.nodes[n].get("freq", 1) for n in ordered.nodes], dtype=float)
    widths = [1 + 8 * d.get("jaccard", 0.1) for _, _, d in ordered.edges(data=True)]
    nx.draw_networkx_edges(ordered, pos, width=widths, edge_color="#BBBBBB", ax=ax)
    nx.draw_networkx_nodes(ordered, pos, node_size=250 + 1300 * freq / freq.max(), node_color=colours, alpha=0.8, ax=ax)
    texts = [ax.text(x, y, node, ha="center", va="center", fontsize=10, zorder=5,
                     bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.6})
             for node, (x, y) in pos.items()]
    spread_labels(fig, ax, texts, anchors=list(pos.values()))
    shown = sorted(set(community.values()))
    left_out = parts[1:]
    title = f"共词网络：只画出最大的连通部分（{len(largest)} 个词，{len(shown)} 个社区）"
    if left_out:
        others = sorted({graph.nodes[n].get("community", 1) for p in left_out for n in p} - set(shown))
        title += (f"\n另有 {len(left_out)} 个和它不相连的小部分（{sum(len(p) for p in left_out)} 个词"
                  + (f"，社区 {'、'.join(map(str, others))}" if others else "") + "）没有画出，见下表")
    ax.set_title(title, fontsize=11)
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=9, color=palette((c - 1) % 10), label=f"社区 {c}")
               for c in shown[:10]]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=9, ncol=min(len(handles), 5))
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- teaching: helpers for readable figures


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
