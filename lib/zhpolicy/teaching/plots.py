"""Small plotting helpers that return matplotlib figures (call :func:`zhpolicy.use_chinese_font` first)."""

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
        import inspect

        sideways = ({"orientation": "horizontal"} if "orientation" in inspect.signature(right.boxplot).parameters
                    else {"vert": False})  # matplotlib 3.10 renamed vert=False
        right.boxplot(lengths, tick_labels=names, **sideways)
        right.invert_yaxis()
    right.set_xlabel("句子长度（字）")
    right.set_title("句子有多长（箱线图：箱子是中间一半的句子，竖线是中位数）")
    fig.suptitle("每篇文本的篇幅和句长", fontsize=12)
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
    :func:`zhpolicy.analysis.terms.keyness_by_document`). At most *max_docs* panels (the documents
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
    title = "每篇文本比其余文本“多用”得最显著的词：条越长（G² 越大），差异越不像偶然"
    if total > len(docs):
        title += f"\n只画出关键性最强的 {len(docs)} 篇（共 {total} 篇）"
    fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    return fig


def dispersion_figure(pos: pd.DataFrame, terms: list[str], doc_ids: list[str], labels: pd.Series | None = None,
                      *, max_docs: int = 15):
    """A dispersion plot (“x-ray”): one panel per term, one row per document, a tick at each
    occurrence; the horizontal axis runs from the start (0) to the end (1) of each text.

    The title says how the occurrences were counted (``pos.attrs["counting"]`` from
    :func:`zhpolicy.analysis.terms.positions`: whole tokens, as the frequency tables count, or
    substrings, as KWIC does), so its totals can be compared with the tables next to it.
    At most *max_docs* rows: the documents with the most occurrences (in the given order);
    the panel titles say how many documents are shown."""
    from ..analysis.terms import COUNTING

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


def _short(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def statistics_figure(stats: pd.DataFrame, flagged: set | None = None, *, max_bars: int = 15):
    """Cited figures, one panel per kind of quantity so that no axis mixes unlike things:
    amounts in 元 (shown in 亿元), then percentages split into growth rates, shares, ratios and
    intensities, and other percentages (see :func:`zhpolicy.extraction.stats.percent_kind`).

    One bar per figure, labelled ``doc indicator（year）``; figures in *flagged* (a set of
    ``(doc_id, surface)``) are red, and a legend says so. Each panel draws at most *max_bars*
    bars and its title says how many were left out."""
    return _statistics_panels(stats, flagged or set(), max_bars)


#: Colours of the edge kinds in concept graphs (one distinct colour per kind; Chinese names in
#: :data:`KIND_NAMES`) and of the moves in argument strips.
KIND_COLOURS = {"sequence": "#4C72B0", "cycle": "#55A868", "mutual": "#C44E52", "triad": "#8172B2",
                "role": "#DD8452", "relation": "#AAAAAA"}
MOVE_COLOURS = {"导语": "#DDDDDD", "意义": "#4C72B0", "要求": "#55A868", "问题": "#C44E52", "路径": "#DD8452", "结语": "#937860"}


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
    a key giving them whole (:func:`wrapped_labels`)."""
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
    most *max_rows* chains are drawn (in document order; the title says when some are left out)."""
    from matplotlib.lines import Line2D

    rows = chains[chains["kind"].isin(["sequence", "cycle", "mutual", "triad"])]
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
    *max_docs* documents are drawn (the first ones; the title says when some are left out)."""
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


def heatmap(table: pd.DataFrame, *, title: str = "", fmt: str = "{:.0%}", cmap: str = "Blues", xlabel: str = "",
            ylabel: str = "", value_label: str = "", max_rows: int = 30, max_cols: int = 20, annotate_max: int = 400,
            empty: str = "没有可画的数据：文本太少，这一步无法计算。"):
    """A labelled heatmap of a small table (rows × columns), each cell annotated with its value;
    the colour bar is labelled *value_label* (what a cell's number is; “比例” or “数值” when not
    given) and shows percentages when *fmt* does.

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
    percent = fmt.rstrip("}").endswith("%")
    bar = fig.colorbar(image, ax=ax, shrink=0.8, format=(lambda v, _: f"{v:.0%}") if percent else None)
    bar.set_label(value_label or ("比例" if percent else "数值") + "（颜色越深越大）")
    fig.tight_layout()
    return fig


def network_figure(graph, *, seed: int = 3, size: tuple[float, float] = (11, 8.5)):
    """Draw the largest connected part of a co-word network (from
    :func:`zhpolicy.analysis.themes.cooccurrence_network`): node size ∝ frequency, colour = community
    (legend numbered as in :func:`zhpolicy.analysis.themes.network_table`), edge width ∝ Jaccard; spring
    layout with a fixed seed, so reruns give the same picture. Nodes whose circles would overlap
    are pushed apart (:func:`separate_nodes`). The title says what the picture shows, how many
    words and communities are drawn and how many smaller separate parts are left out. Labels that
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


# ---------------------------------------------------------------- statistics (lesson 05)

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
    from ..extraction.stats import normalise_indicator, percent_kinds

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
    fig.suptitle("文本引用的统计数字：换算到同一单位，同一指标排在一起（每根条是一个数字，标签是“文本 指标（年份）”）",
                 fontsize=11, y=1 - 0.12 / total)
    fig.legend(handles=[Patch(color=FLAG_COLOUR, label="一致性检查标记的数字（需要核对）"),
                        Patch(color=PLAIN_COLOUR, label="未被标记的数字")],
               loc="upper center", ncol=2, frameon=False, bbox_to_anchor=(0.5, 1 - 0.45 / total))
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


# ---------------------------------------------------------------- chains (lesson 04)

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
    Returns the subgraph and how many concepts those parts hold before the cap."""
    import networkx as nx

    parts = sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    if components is None:
        components = len(parts) if graph.number_of_nodes() <= max_nodes else 1
    parts = parts[:components]
    keep = sorted(set().union(*parts)) if parts else []
    degree = dict(graph.degree())
    capped = sorted(keep, key=lambda n: (-degree[n], n))[:max_nodes]
    return graph.subgraph(sorted(capped)).copy(), len(keep)


# ---- lesson 06 instruments

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
    :func:`zhpolicy.extraction.instruments.instrument_mix`."""
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
    and ``intensity_by_type``."""
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
