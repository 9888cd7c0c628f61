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
    assert set(graph.nodes) <= texts and "只画出" not in _titles(fig)  # everything drawn: nothing to announce
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


# ---------------------------------------------------------------- figures that explain themselves (issue 25 §3)


@pytest.fixture(scope="module")
def seed_figures(corpus):
    """Every figure the lessons export, drawn from the seeds as the lessons draw them."""
    from zhpolicy.analysis import themes
    from zhpolicy.extraction import instruments as I

    zp.use_chinese_font()
    labels = corpus.set_index("doc_id")["label"]
    toks = zp.tokens(corpus)
    watch = ["科技创新", "新质生产力", "企业", "卡脖子"]
    chains = zp.extract_chains(corpus)
    stats = zp.extract_statistics(corpus)
    coded = I.code_clauses(I.policy_clauses(corpus))
    figures = {
        "01_length": plots.length_figure(zp.document_stats(corpus), zp.sentences(corpus), labels),
        "02_keyness": plots.keyness_figure(zp.analysis.terms.keyness_by_document(toks, top=5), labels),
        "02_dispersion": plots.dispersion_figure(zp.positions(corpus, watch, toks=toks), watch, list(corpus["doc_id"]),
                                                 labels),
        "03_network": plots.network_figure(themes.cooccurrence_network(corpus)),
        "04_chains": plots.chains_figure(chains, labels),
        "04_concept_graph": plots.graph_figure(zp.chain_graph(chains), max_nodes=30),
        "04_argument_moves": plots.argument_figure(zp.argument_outline(corpus), labels),
        "05_statistics": plots.statistics_figure(stats, set()),
        "06_instrument_mix": plots.instrument_mix_figure(I.instrument_mix(coded), I.instrument_mix(coded, by="subtype"),
                                                         I.read_instrument_codebook(), labels),
        "06_type_stage": plots.heatmap(I.type_stage_table(coded), fmt="{:.0f}", title="工具类型 × 创新链环节",
                                       value_label="措施条款数"),
        "06_intensity": plots.intensity_figure(I.intensity_by_document(coded), I.intensity_by_type(coded), labels),
    }
    yield figures
    plt.close("all")


def _all_text(fig) -> str:
    parts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return "\n".join(p for p in parts if p)


def test_every_exported_figure_has_a_title_and_draws_every_character(seed_figures):
    font = zp.use_chinese_font()
    for name, fig in seed_figures.items():
        title = (fig._suptitle.get_text() if fig._suptitle else "") + " ".join(ax.get_title() for ax in fig.axes)
        assert len(title.strip()) >= 6, f"{name} has no title saying what it shows"
        fig.canvas.draw()
        text = _all_text(fig)
        assert zp.missing_glyphs(font, "".join(ch for ch in text if ord(ch) > 0x2000)) == [], name


def test_chain_figure_legend_explains_its_signs(seed_figures):
    legend = seed_figures["04_chains"].axes[0].get_legend()
    entries = " ".join(t.get_text() for t in legend.get_texts())
    for sign in ("→", "⇄", "·", "循环"):
        assert sign in entries, sign
    assert "各篇文本的逻辑链" in seed_figures["04_chains"].axes[0].get_title()


def test_concept_graph_labels_are_wrapped_not_cut_without_a_key(seed_figures, corpus):
    labels, key = plots.wrapped_labels(["科技创新", "未来产业前瞻布局", "科技创新和产业创新融合", "推动科技创新和产业创新深度融合"])
    assert labels["科技创新"] == "科技创新" and labels["未来产业前瞻布局"] == "未来产业\n前瞻布局"
    assert labels["科技创新和产业创新融合"].replace("\n", "") == "科技创新和产业创新融合"
    assert key == [("①", "推动科技创新和产业创新深度融合")] and labels["推动科技创新和产业创新深度融合"].endswith("…①")
    fig = seed_figures["04_concept_graph"]
    shown = _all_text(fig)
    drawn, _ = plots.concept_subgraph(zp.chain_graph(zp.extract_chains(corpus)), max_nodes=30)
    for node in drawn.nodes:  # every concept is there whole: in its label, or in the key
        assert node in shown.replace("\n", "") or node in shown, node
    assert "名字太长、标签里截短了的概念" not in shown or "①" in shown


def test_coword_network_nodes_do_not_overlap(seed_figures):
    from matplotlib.collections import PathCollection

    fig = seed_figures["03_network"]
    ax = fig.axes[0]
    fig.canvas.draw()
    nodes = next(c for c in ax.collections if isinstance(c, PathCollection))
    centres = ax.transData.transform(nodes.get_offsets())
    radii = np.sqrt(nodes.get_sizes()) / 2 * fig.dpi / 72
    gaps = [np.hypot(*(centres[i] - centres[j])) - radii[i] - radii[j]
            for i in range(len(centres)) for j in range(i + 1, len(centres))]
    assert min(gaps) >= 0, f"{sum(g < 0 for g in gaps)} pairs of nodes overlap"


def test_subtype_styles_differ_within_a_type_and_keep_its_hue():
    import colorsys

    from zhpolicy.extraction import instruments as I

    book = I.read_instrument_codebook()
    styles = plots.subtype_styles(book)
    assert len(set(styles.values())) == len(styles) == book["subtype"].nunique()
    for kind, rows in book.groupby("type"):
        hues = [colorsys.rgb_to_hsv(*styles[s][0][:3])[0] for s in rows["subtype"]]
        assert max(hues) - min(hues) < 0.12, kind  # one hue family per type
        assert len({styles[s][1] for s in rows["subtype"]}) == rows["subtype"].nunique()  # a pattern each


def test_heatmap_colour_bar_says_what_the_colour_measures(seed_figures):
    fig = seed_figures["06_type_stage"]
    assert fig.axes[-1].get_ylabel() == "措施条款数"
    fig = plots.heatmap(pd.DataFrame([[0.2, 0.5]], index=["甲"], columns=["a", "b"]), title="比例")
    assert "比例" in fig.axes[-1].get_ylabel()


def test_dispersion_counts_as_the_frequency_table_and_says_so(corpus, seed_figures):
    toks = zp.tokens(corpus)
    freq = zp.corpus_frequencies(toks).set_index("term")["count"]
    table = zp.dispersion(corpus, ["企业", "科技创新"], toks=toks).set_index("term")
    assert table.loc["企业", "count"] == freq["企业"] and table.loc["科技创新", "count"] == freq["科技创新"]
    by_string = zp.dispersion(corpus, ["企业"]).set_index("term")
    assert by_string.loc["企业", "count"] > freq["企业"]  # 中小企业, 企业家 … count as strings
    fig = seed_figures["02_dispersion"]
    titles = _titles(fig)
    assert f"“企业”作为一个词出现的位置（共 {freq['企业']} 次）" in titles and "与词频表一致" in titles
    assert "与 KWIC 一致" in _titles(plots.dispersion_figure(zp.positions(corpus, ["企业"]), ["企业"],
                                                             list(corpus["doc_id"])))


# ---------------------------------------------------------------- review of issue 25, round 2


def test_keyness_figure_marks_significance_and_says_the_scales_differ():
    from matplotlib.colors import to_hex

    table = pd.DataFrame([{"doc_id": "甲", "term": "强", "g2": 12.0}, {"doc_id": "甲", "term": "弱", "g2": 1.3},
                          {"doc_id": "乙", "term": "中", "g2": 5.0}])
    fig = plots.keyness_figure(table)
    drawn = [ax for ax in fig.axes if ax.axison]
    for ax in drawn:  # a dashed line at G² = 3.84 in every panel
        assert any(line.get_linestyle() == "--" and list(line.get_xdata()) == [plots.SIGNIFICANT_G2] * 2
                   for line in ax.get_lines())
    colours = {tick.get_text(): to_hex(bar.get_facecolor())
               for ax in drawn for tick, bar in zip(ax.get_yticklabels(), ax.patches)}
    assert colours["弱"] != colours["强"] == colours["中"]  # not significant: grey
    legend = " ".join(t.get_text() for leg in fig.legends for t in leg.get_texts())
    assert "3.84" in legend and "偶然" in legend
    assert "刻度各不相同" in _titles(fig)


def test_box_plot_has_a_key_for_its_circles(seed_figures):
    legend = seed_figures["01_length"].axes[1].get_legend()
    entries = " ".join(t.get_text() for t in legend.get_texts())
    assert "圆圈" in entries and "中位数" in entries and "箱子" in entries


def test_statistics_figure_shows_red_only_when_a_drawn_figure_is_flagged(corpus):
    stats = zp.extract_statistics(corpus)
    flags = zp.check_consistency(stats, corpus)
    flagged = plots.flagged_figures(flags)
    joined = flags[flags["surface"].str.contains("、")]
    for row in joined.itertuples():  # a flag about several figures names each of them
        for part in row.surface.removesuffix("…").split("、"):
            assert (row.doc_id, part) in flagged
    assert all("、" not in surface and not surface.endswith("…") for _, surface in flagged)

    def legend_text(fig):
        return " ".join(t.get_text() for leg in fig.legends for t in leg.get_texts())

    assert "一致性检查标记的数字" in legend_text(plots.statistics_figure(stats, flagged))
    plain = plots.statistics_figure(stats, set())
    assert "需要核对" not in legend_text(plain)
    from matplotlib.colors import to_hex

    assert plots.FLAG_COLOUR.lower() not in {to_hex(p.get_facecolor()) for ax in plain.axes for p in ax.patches}
    assert "按指标名排序" in _titles(plain)
