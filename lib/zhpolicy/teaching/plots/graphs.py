"""Network figures of lessons 03 and 04: the co-word network and the concept graph, with labels
wrapped (or keyed) and nodes kept apart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .layout import spread_labels


#: Colours of the chain kinds, in concept graphs and chain figures (one distinct colour per kind;
#: Chinese names in :data:`KIND_NAMES`).
KIND_COLOURS = {"sequence": "#4C72B0", "cycle": "#55A868", "mutual": "#C44E52", "triad": "#8172B2",
                "role": "#DD8452", "relation": "#AAAAAA"}


def _hub_layout(graph, degree: dict) -> dict:
    """Hubs (the most linked concepts) on an inner ring, the rest on an outer ring ordered so
    that each sits near the hub it links to; outer labels alternate between two radii so that
    neighbours do not overlap; the concepts of a smaller connected part sit side by side.
    Deterministic: no random seed involved."""
    import math

    import networkx as nx

    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], n))
    hubs = [n for n in ranked if degree[n] >= 4][:6] or ranked[:1]
    order: list = []
    for hub in hubs:
        for n in sorted(set(graph.predecessors(hub)) | set(graph.successors(hub)), key=lambda n: (-degree[n], n)):
            if n not in hubs and n not in order:
                order.append(n)
    rest = [n for n in ranked if n not in hubs and n not in order]
    part_of = {n: i for i, part in enumerate(nx.weakly_connected_components(graph)) for n in part}
    rank = {n: i for i, n in enumerate(ranked)}
    first = {}
    for n in ranked:
        first.setdefault(part_of[n], rank[n])
    order += sorted(rest, key=lambda n: (first[part_of[n]], rank[n]))  # each part's concepts side by side
    pos = {}
    for ring, nodes, radius in ((0, hubs, 0.38), (1, order, 1.0)):
        for i, n in enumerate(nodes):
            angle = 2 * math.pi * i / max(len(nodes), 1) + (0.3 if ring == 0 else 0)
            r = radius * (1.0 if ring == 0 or i % 2 == 0 or len(nodes) < 12 else 1.22)
            pos[n] = (r * math.cos(angle), r * math.sin(angle))
    if len(hubs) == 1:
        pos[hubs[0]] = (0.0, 0.0)
    return pos


#: Marks of the concepts whose names are too long for their label (the figure's key gives them whole).
KEY_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def wrapped_labels(names, *, width: int = 7, lines: int = 2) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Labels for concept names: a name of at most *width* characters as it is, one of at most
    *width* × *lines* characters wrapped onto *lines* lines, a longer one wrapped, cut with “…”
    and marked (①, ② … in order of the names); returns the labels and the key ``(mark, whole
    name)`` of the marked ones. Nothing is cut without the key saying what it was."""
    def wrap(text: str) -> str:  # balanced lines: 未来产业前瞻布局 → 未来产业 / 前瞻布局
        step = -(-len(text) // -(-len(text) // width))
        return "\n".join(text[i:i + step] for i in range(0, len(text), step))

    labels, key = {}, []
    for name in names:
        if len(name) <= width * lines:
            labels[name] = wrap(name)
        else:
            mark = KEY_MARKS[len(key)] if len(key) < len(KEY_MARKS) else f"[{len(key) + 1}]"
            key.append((mark, name))
            labels[name] = wrap(name[:width * lines - 2]) + "…" + mark
    return labels, key


def graph_figure(graph, *, size: tuple[float, float] = (13, 9.5), components: int | None = None,
                 max_nodes: int = 30, label_chars: int = 7):
    """Draw a concept graph (from :func:`zhpolicy.extraction.chains.chain_graph`) with a deterministic ring
    layout (hubs inside), so reruns give the same picture.

    A graph of at most *max_nodes* concepts is drawn whole, every connected part; a larger one
    only in its largest connected part (or its *components* largest), and of that at most
    *max_nodes* concepts, the most linked first (:func:`concept_subgraph`; the title says how
    many are left out). Node size grows with the number of links; edge colour shows the kind of chain,
    with a Chinese legend (:data:`KIND_COLOURS`, :data:`KIND_NAMES`); names longer than
    *label_chars* characters are wrapped onto two lines, longer ones still cut and numbered, with
    a key giving them whole (:func:`wrapped_labels`).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    import networkx as nx
    from matplotlib.lines import Line2D

    whole = graph.number_of_nodes()
    graph, total = concept_subgraph(graph, components=components, max_nodes=max_nodes)
    fig, ax = plt.subplots(figsize=size)
    ax.axis("off")
    title = "逻辑链合成的概念图：箭头从前一环指向后一环，边的颜色是链条类型，圆越大连接越多"
    if graph.number_of_nodes() == 0:
        ax.set_title(title, fontsize=11)
        ax.text(0.5, 0.5, "没有可画的逻辑链", ha="center", va="center")
        return fig
    if whole > graph.number_of_nodes():
        title += "\n" + _graph_cut(graph.number_of_nodes(), total, whole, components)
    ax.set_title(title, fontsize=11)
    degree = dict(graph.degree())
    pos = _hub_layout(graph, degree)
    sizes = [250 + 160 * degree[n] for n in graph.nodes]
    for kind, colour in KIND_COLOURS.items():
        edges = [(a, b) for a, b, d in graph.edges(data=True) if d["kinds"][0] == kind]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, edge_color=colour, ax=ax, arrows=True, arrowsize=14,
                               width=1.8, node_size=sizes, connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_nodes(graph, pos, node_size=sizes, node_color="#F5F0E1", edgecolors="#888888", ax=ax)
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], n))
    labels, key = wrapped_labels(ranked, width=label_chars)
    for node, (x, y) in pos.items():
        ax.text(x, y, labels[node], ha="center", va="center", fontsize=10.5 if degree[node] > 2 else 8.5,
                linespacing=1.0, bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})
    present = {d["kinds"][0] for _, _, d in graph.edges(data=True)}
    handles = [Line2D([0], [0], color=c, lw=2.5, label=KIND_NAMES[k]) for k, c in KIND_COLOURS.items() if k in present]
    ax.legend(handles=handles, title="边的颜色：链条类型", loc="lower left", bbox_to_anchor=(-0.02, -0.04),
              frameon=False)
    if key:
        ax.text(1.0, -0.02, "名字太长、标签里截短了的概念：\n" + "\n".join(f"{m} {name}" for m, name in key),
                transform=ax.transAxes, ha="right", va="bottom", fontsize=9,
                bbox={"boxstyle": "round,pad=0.4", "fc": "#FAFAFA", "ec": "#CCCCCC"})
    fig.tight_layout()
    return fig


def network_figure(graph, *, seed: int = 3, size: tuple[float, float] = (11, 8.5)):
    """Draw the largest connected part of a co-word network (from
    :func:`zhpolicy.analysis.themes.cooccurrence_network`): node size ∝ frequency, colour = community
    (legend numbered as in :func:`zhpolicy.analysis.themes.network_table`), edge width ∝ Jaccard; spring
    layout with a fixed seed, so reruns give the same picture. Nodes whose circles would overlap
    are pushed apart (:func:`separate_nodes`). The title says what the picture shows, how many
    words and communities are drawn and how many smaller separate parts are left out. Labels that
    would overlap are pushed apart (:func:`spread_labels`), with a thin line back to their node.

    Taught in lesson 03 (``03_themes.ipynb``)."""
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
    palette = plt.get_cmap("tab10")
    community = {n: ordered.nodes[n].get("community", 1) for n in ordered.nodes}
    shown = sorted(set(community.values()))
    left_out = parts[1:]
    title = (f"共词网络：常在同一句话里出现的词连在一起（圆越大，词出现的句子越多；线越粗，一起出现得越多；颜色是社区）"
             f"\n只画出最大的连通部分：{len(largest)} 个词，{len(shown)} 个社区")
    if left_out:
        others = sorted({graph.nodes[n].get("community", 1) for p in left_out for n in p} - set(shown))
        title += (f"；另有 {len(left_out)} 个和它不相连的小部分（{sum(len(p) for p in left_out)} 个词"
                  + (f"，社区 {'、'.join(map(str, others))}" if others else "") + "）没有画出，见下表")
    ax.set_title(title, fontsize=10.5)
    handles = [Line2D([0], [0], marker="o", linestyle="", markersize=9, color=palette((c - 1) % 10), label=f"社区 {c}")
               for c in shown[:10]]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=9, ncol=min(len(handles), 5))
    fig.tight_layout()  # before anything is measured in screen units
    start = nx.spring_layout(ordered, seed=seed, k=2.2 / max(ordered.number_of_nodes(), 1) ** 0.5, iterations=500)
    pos = nx.kamada_kawai_layout(ordered, pos=start) if ordered.number_of_nodes() > 2 else start
    freq = np.array([ordered.nodes[n].get("freq", 1) for n in ordered.nodes], dtype=float)
    sizes = 250 + 1300 * freq / freq.max()
    pos = separate_nodes(fig, ax, pos, sizes)
    colours = [palette((community[n] - 1) % 10) for n in ordered.nodes]
    widths = [1 + 8 * d.get("jaccard", 0.1) for _, _, d in ordered.edges(data=True)]
    limits = ax.get_xlim(), ax.get_ylim()
    nx.draw_networkx_edges(ordered, pos, width=widths, edge_color="#BBBBBB", ax=ax)
    nx.draw_networkx_nodes(ordered, pos, node_size=sizes, node_color=colours, alpha=0.8, ax=ax)
    ax.set_xlim(*limits[0])
    ax.set_ylim(*limits[1])
    ax.axis("off")
    texts = [ax.text(x, y, node, ha="center", va="center", fontsize=10, zorder=5,
                     bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.6})
             for node, (x, y) in pos.items()]
    spread_labels(fig, ax, texts, anchors=list(pos.values()))
    return fig


def separate_nodes(fig, ax, pos: dict, sizes, *, gap: float = 10.0, rounds: int = 4, iterations: int = 300) -> dict:
    """Positions like *pos* in which no two node circles (marker areas *sizes*, in points², as
    networkx draws them) overlap on *ax*: overlapping pairs are pushed apart along the line
    joining them, in screen units (deterministic, no random numbers). Sets the axes' limits to
    frame the result (with a margin for the circles); returns the new positions."""
    nodes = list(pos)
    if len(nodes) < 2:
        return dict(pos)
    points = np.array([pos[n] for n in nodes], dtype=float)
    radii = np.sqrt(np.asarray(sizes, dtype=float)) / 2 * fig.dpi / 72 + gap / 2
    order = np.arange(len(nodes))
    for _ in range(rounds):
        low, high = points.min(axis=0), points.max(axis=0)
        margin = (high - low) * 0.08 + 1e-9
        ax.set_xlim(low[0] - margin[0], high[0] + margin[0])
        ax.set_ylim(low[1] - margin[1], high[1] + margin[1])
        to_screen, to_data = ax.transData.transform, ax.transData.inverted().transform
        centres = to_screen(points)
        moved = False
        for _ in range(iterations):
            diff = centres[None, :, :] - centres[:, None, :]
            dist = np.hypot(diff[..., 0], diff[..., 1])
            need = radii[:, None] + radii[None, :]
            clash = np.triu(dist < need, k=1)
            if not clash.any():
                break
            moved = True
            for i, j in zip(*np.nonzero(clash)):
                d = diff[i, j] if dist[i, j] > 1e-6 else np.array([1.0 if order[i] < order[j] else -1.0, 0.0])
                d = d / np.hypot(*d)
                push = (need[i, j] - dist[i, j]) / 2 + 0.5
                centres[i] -= d * push
                centres[j] += d * push
        points = to_data(centres)
        if not moved:
            break
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.maximum(high - low, 1e-9)
    ax.set_xlim(low[0] - span[0] * 0.08, high[0] + span[0] * 0.08)
    ax.set_ylim(low[1] - span[1] * 0.08, high[1] + span[1] * 0.08)
    return {n: tuple(p) for n, p in zip(nodes, points)}


#: Chinese names of the chain kinds, for legends.
KIND_NAMES = {"sequence": "顺序（A→B→C）", "cycle": "闭环（A→B→C→A）", "mutual": "双向（A⇄B）",
              "triad": "角色组（基础、关键……）", "role": "单个角色（X的关键是Y）", "relation": "关系（以A推动B）"}


def _graph_cut(drawn: int, total: int, whole: int, components: int | None) -> str:
    """The sentence that says how much of a concept graph of *whole* concepts is drawn."""
    if total == whole:
        return f"只画出连接最多的 {drawn} 个概念（全图 {whole} 个）"
    parts = "最大的连通部分" if (components or 1) == 1 else f"最大的 {components} 个连通部分"
    if drawn == total:
        return f"只画出{parts}：{drawn} 个概念（全图 {whole} 个）"
    return f"只画出{parts}里连接最多的 {drawn} 个概念（这部分共 {total} 个，全图 {whole} 个）"


def concept_subgraph(graph, *, components: int | None = None, max_nodes: int = 30):
    """The part of a concept graph :func:`graph_figure` draws: the *components* largest connected
    parts (by default: every part when the whole graph has at most *max_nodes* concepts, else
    the largest), then at most *max_nodes* concepts, the most linked first (ties by name).
    Returns the subgraph and how many concepts those parts hold before the cap.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    import networkx as nx

    parts = sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    if components is None:
        components = len(parts) if graph.number_of_nodes() <= max_nodes else 1
    parts = parts[:components]
    keep = sorted(set().union(*parts)) if parts else []
    degree = dict(graph.degree())
    capped = sorted(keep, key=lambda n: (-degree[n], n))[:max_nodes]
    return graph.subgraph(sorted(capped)).copy(), len(keep)
