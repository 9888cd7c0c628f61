"""Figures stay readable and bounded whatever the corpus (teaching's plot functions)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import zhpolicy as zp  # noqa: E402
from zhpolicy.teaching import plots  # noqa: E402


@pytest.fixture(autouse=True)
def chinese_font():
    zp.use_chinese_font()
    yield
    plt.close("all")


def _titles(fig):
    return " ".join([ax.get_title() for ax in fig.axes] + ([fig._suptitle.get_text()] if fig._suptitle else []))


def test_heatmap_of_300_documents_is_capped_and_not_annotated_cell_by_cell():
    names = [f"doc{i:03d}" for i in range(300)]
    table = pd.DataFrame(np.random.default_rng(0).random((300, 300)), index=names, columns=names)
    fig = plots.heatmap(table, title="相似度", fmt="{:.2f}")
    ax = fig.axes[0]
    assert len(ax.get_xticks()) == 20 and len(ax.get_yticks()) == 20  # doc × doc stays square
    assert "共 300 行" in ax.get_title() and "共 300 列" in ax.get_title()
    fig = plots.heatmap(table.iloc[:, :10], title="主题")
    assert len(fig.axes[0].get_yticks()) == 30 and len(fig.axes[0].get_xticks()) == 10
    fig = plots.heatmap(table.iloc[:, :15], title="主题")
    assert len(fig.axes[0].texts) == 0  # 450 cells > annotate_max: colours only
    assert len(ax.texts) <= 400  # at most annotate_max annotations
    width, height = fig.get_size_inches()
    assert width <= 28 and height <= 20


def test_empty_figures_say_so():
    fig = plots.heatmap(pd.DataFrame(), title="空")
    assert "文本太少" in fig.axes[0].texts[0].get_text()
    fig = plots.keyness_figure(pd.DataFrame(columns=["doc_id", "term", "g2"]))
    assert "两篇" in fig.axes[0].texts[0].get_text()
    fig = plots.network_figure(nx.Graph())
    assert "文本太少" in fig.axes[0].texts[0].get_text()
    ax = plots.bar_chart([], [], title="空")
    assert "文本太少" in ax.texts[0].get_text()


def test_keyness_and_dispersion_figures_are_capped():
    table = pd.DataFrame([{"doc_id": f"d{i:03d}", "term": "词", "g2": float(i)} for i in range(40)])
    fig = plots.keyness_figure(table)
    assert sum(ax.axison for ax in fig.axes) == 9 and "共 40 篇" in _titles(fig)
    pos = pd.DataFrame([{"doc_id": f"d{i:03d}", "term": "科技", "start": 0, "relative": 0.5} for i in range(40)])
    fig = plots.dispersion_figure(pos, ["科技"], [f"d{i:03d}" for i in range(40)])
    assert len(fig.axes[0].get_yticks()) == 15 and "共 40 篇" in fig.axes[0].get_title()


def test_network_figure_says_what_it_leaves_out_and_spreads_labels(corpus):
    from zhpolicy.analysis import themes

    graph = themes.cooccurrence_network(corpus)
    parts = list(nx.connected_components(graph))
    fig = plots.network_figure(graph)
    title = fig.axes[0].get_title()
    assert f"{max(map(len, parts))} 个词" in title
    if len(parts) > 1:
        assert f"另有 {len(parts) - 1} 个" in title
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text() in graph.nodes]
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in labels]
    overlapping = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert overlapping == 0


def test_spread_labels_separates_labels_drawn_on_one_point():
    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    texts = [ax.text(0.5, 0.5, word, ha="center", va="center") for word in ["科技创新", "产业创新", "深度融合"]]
    assert plots.spread_labels(fig, ax, texts, anchors=[(0.5, 0.5)] * 3) == 0


def _concept_graph(edges):
    graph = nx.DiGraph()
    for a, b in edges:
        graph.add_edge(a, b, weight=1, kinds=["cycle"], docs=["d"], label="")
    return graph


def test_small_concept_graph_is_drawn_whole_and_parts_sit_together():
    parts = [[f"{letter}{k}" for letter in "ABC"] for k in (1, 2, 3)]  # names interleave the parts
    graph = _concept_graph([(p[i], p[(i + 1) % 3]) for p in parts for i in range(3)])
    drawn, total = plots.concept_subgraph(graph)
    assert sorted(drawn.nodes) == sorted(graph.nodes) and total == 9
    fig = plots.graph_figure(graph)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert set(graph.nodes) <= texts and _titles(fig).strip() == ""  # everything drawn: nothing to announce
    pos = plots._hub_layout(drawn, dict(drawn.degree()))
    ring = [n for n in sorted(pos, key=lambda n: np.arctan2(pos[n][1], pos[n][0])) if np.hypot(*pos[n]) > 0.5]
    assert sorted(ring + [n for n in pos if n not in ring]) == sorted(graph.nodes)
    for part in parts:  # each cycle's concepts on the outer ring form one arc
        on_ring = [i for i, n in enumerate(ring) if n in part]
        arcs = sum(1 for i in on_ring if (i - 1) % len(ring) not in on_ring)
        assert arcs == 1, (part, ring)


def test_large_concept_graph_draws_its_largest_part_and_says_so():
    big = [("枢纽", f"概念{i:02d}") for i in range(40)]
    pairs = [(f"甲{i}", f"乙{i}") for i in range(5)]
    graph = _concept_graph(big + pairs)
    drawn, total = plots.concept_subgraph(graph)
    assert total == 41 and drawn.number_of_nodes() == 30 and "枢纽" in drawn
    assert "只画出最大的连通部分里连接最多的 30 个概念（这部分共 41 个，全图 51 个）" in _titles(plots.graph_figure(graph))
    graph = _concept_graph(big[:20] + pairs)
    assert "只画出最大的连通部分：21 个概念（全图 31 个）" in _titles(plots.graph_figure(graph))
    assert plots.concept_subgraph(graph, components=6)[1] == 31
