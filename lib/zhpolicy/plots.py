"""Small plotting helpers that return matplotlib figures (call :func:`use_chinese_font` first)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
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
            ylabel: str = ""):
    """A labelled heatmap of a small table (rows × columns), each cell annotated with its value."""
    fig, ax = plt.subplots(figsize=(1.25 * table.shape[1] + 3, 0.45 * table.shape[0] + 1.6))
    image = ax.imshow(table.values.astype(float), cmap=cmap, aspect="auto")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=20, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    low, high = image.get_clim()
    for (r, c), value in np.ndenumerate(table.values):
        dark = (value - low) / (high - low) > 0.6 if high > low else False
        ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=9, color="white" if dark else "#222222")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.colorbar(image, ax=ax, shrink=0.8)
    fig.tight_layout()
    return fig


def network_figure(graph, *, seed: int = 3, size: tuple[float, float] = (11, 8.5)):
    """Draw the largest connected part of a co-word network (from
    :func:`zhpolicy.themes.cooccurrence_network`): node size ∝ frequency, colour = community,
    edge width ∝ Jaccard; spring layout with a fixed seed, so reruns give the same picture.
    Smaller separate parts are listed by :func:`zhpolicy.themes.network_table`."""
    import networkx as nx

    fig, ax = plt.subplots(figsize=size)
    ax.axis("off")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "共现网络为空", ha="center", va="center")
        return fig
    largest = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))[0]
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted((n, d) for n, d in graph.nodes(data=True) if n in largest))
    ordered.add_edges_from(sorted((a, b, d) for a, b, d in graph.edges(data=True) if a in largest))
    pos = nx.spring_layout(ordered, seed=seed, k=2.2 / max(ordered.number_of_nodes(), 1) ** 0.5, iterations=500)
    palette = plt.get_cmap("tab10")
    colours = [palette((ordered.nodes[n].get("community", 1) - 1) % 10) for n in ordered.nodes]
    freq = np.array([ordered.nodes[n].get("freq", 1) for n in ordered.nodes], dtype=float)
    widths = [1 + 8 * d.get("jaccard", 0.1) for _, _, d in ordered.edges(data=True)]
    nx.draw_networkx_edges(ordered, pos, width=widths, edge_color="#BBBBBB", ax=ax)
    nx.draw_networkx_nodes(ordered, pos, node_size=250 + 1300 * freq / freq.max(), node_color=colours, alpha=0.8, ax=ax)
    for node, (x, y) in pos.items():
        ax.text(x, y, node, ha="center", va="center", fontsize=10)
    fig.tight_layout()
    return fig


# ---- lesson 06 instruments

#: one colour family per instrument type: blues = supply, greens = environment, oranges = demand
INSTRUMENT_COLOURS = {"供给型": "Blues", "环境型": "Greens", "需求型": "Oranges"}


def _type_colours(subtypes: pd.DataFrame) -> dict[str, tuple]:
    """Subtype → colour: shades of its type's colour family (darker = earlier in the codebook)."""
    colours = {}
    for kind, cmap in INSTRUMENT_COLOURS.items():
        names = list(subtypes.loc[subtypes["type"] == kind, "subtype"])
        shades = plt.get_cmap(cmap)(np.linspace(0.85, 0.35, max(len(names), 1)))
        colours.update(zip(names, shades))
    return colours


def instrument_mix_figure(by_type: pd.DataFrame, by_subtype: pd.DataFrame, codebook: pd.DataFrame,
                          labels: pd.Series | None = None):
    """Two panels of stacked horizontal bars, one bar per document: left, the share of each
    instrument type among the codes of its measure clauses (bars sum to 100%); right, the number
    of codes of each subtype (colour family = type). Tables from :func:`zhpolicy.instruments.instrument_mix`."""
    labels = labels if labels is not None else pd.Series(dict(zip(by_type.index, by_type.index)))
    names = [str(labels.get(d, d)) for d in by_type.index]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 0.55 * len(names) + 3.2),
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
    left.set_title("三类工具的构成", pad=26)
    left.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False)
    colours = _type_colours(codebook)
    base = np.zeros(len(names))
    for sub in by_subtype.columns:
        values = by_subtype[sub].to_numpy()
        if values.sum() == 0:
            continue
        right.barh(names, values, left=base, color=colours.get(sub, "#999999"), label=sub, edgecolor="white", linewidth=0.5)
        base += values
    right.invert_yaxis()
    right.set_yticks(range(len(names)), [""] * len(names))
    right.set_xlabel("编码次数（一个条款可有多个编码）")
    right.set_title("工具子类", pad=26)
    if right.get_legend_handles_labels()[0]:
        right.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def intensity_figure(per_doc: pd.DataFrame, per_type: pd.DataFrame, labels: pd.Series | None = None):
    """Left: for each document, the share of its measure clauses in each intensity tier (4 = 必须/严禁
    … 1 = 探索/试点), with the mean tier written at the end of the bar; right: mean tier per
    instrument type. Tables from :func:`zhpolicy.instruments.intensity_by_document` and ``intensity_by_type``."""
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
