"""The logic-chain extractor: scored against the reference chains, and tested on made-up sentences."""

import pandas as pd
import pytest

from zhpolicy.extraction.chains import extract_chains
from zhpolicy.extraction.chains.kinds import SCORED_KINDS
from zhpolicy.extraction.evaluate import chain_scores, match_chains

from .conftest import DATA, accuracy_floor

SCORED = SCORED_KINDS


@pytest.fixture(scope="module")
def chains(corpus):
    return extract_chains(corpus)


#: Chains the reference file lacks, each read in its sentence and found to be a chain by the
#: definitions of lesson 04 (issue 30 report): the reference (also /work/shared/gold) was written
#: for the 基础/关键/途径 triad and the first mutual relations; these stand beside it until it is amended.
NOT_IN_REFERENCE = pd.DataFrame([
    ("000_9f4c6a053cd126f6", "triad", "第一生产力: 科技 | 第一资源: 人才 | 第一动力: 创新",
     "必须坚持科技是第一生产力、人才是第一资源、创新是第一动力"),  # a role group whose role word follows the node
    ("002_4353c1ad041446f5", "triad", "目标: 建成世界重要科技中心、人才中心和创新高地 | 牵引: 抢占科技产业竞争制高点",
     "以建成……为目标，以抢占……为牵引"),  # a role group (以A为B、以C为D)
    ("002_4353c1ad041446f5", "mutual", "国内 > 国际 > 国内", "国内国际双循环相互促进"),  # a two-way word
    ("004_26a89a08871415a0", "mutual", "科技创新 > 产业创新 > 科技创新", "推动科技创新和产业创新相互促进"),
    ("001_effeab6a5a37e459", "mutual", "技术供给 > 场景需求 > 技术供给", "形成技术供给和场景需求互动演进的持续创新能力"),
    # a named pair said to loop: a two-node cycle (round 5's annotators' convention: the text says 循环)
    ("004_26a89a08871415a0", "cycle", "科技创新 > 产业创新", "形成科技创新与产业创新的良性循环"),
    ("004_26a89a08871415a0", "cycle", "科技 > 产业", "实现科技与产业间的良性循环"),
    # a named pair said to close a loop (2026-12-08: A与B形成闭环)
    ("002_4353c1ad041446f5", "cycle", "价值创造 > 价值实现", "形成价值创造与价值实现闭环"),
], columns=["doc", "kind", "chain", "surface"])


def test_precision_and_recall_against_the_reference(chains):
    gold = pd.read_csv(DATA / "seeds_chains.csv")
    scores = chain_scores(chains, gold)
    reference, extracted = match_chains(chains, gold)
    missed = list(reference.loc[~reference["matched"], "chain"])
    extra = list(extracted.loc[~extracted["matched"], "chain"])
    amended = chain_scores(chains, pd.concat([gold, NOT_IN_REFERENCE], ignore_index=True))
    print(f"\nchains:\n{scores.to_string()}\nmissed: {missed}\nnot in the reference: {extra}"
          f"\nwith the chains the reference lacks: precision {amended['precision']:.3f}, recall {amended['recall']:.3f}")
    assert scores["recall"] >= accuracy_floor("chains", "recall")
    assert amended["precision"] >= accuracy_floor("chains", "amended_precision")
    assert amended["recall"] >= accuracy_floor("chains", "amended_recall")
    assert scores["precision"] >= accuracy_floor("chains", "precision")  # the extra finds: NOT_IN_REFERENCE


def test_matching_needs_every_node_in_order():
    found = pd.DataFrame({"doc_id": ["a", "a"], "kind": ["sequence", "mutual"],
                          "nodes": [["科技创新", "产业化应用"], ["需求", "供给", "需求"]], "chain": ["x", "y"]})
    gold = pd.DataFrame({"doc": ["a", "a", "a"], "kind": ["sequence", "mutual", "sequence"],
                         "chain": ["科技创新 > 产业化", "需求 > 供给 > 需求", "产业化 > 科技创新"]})
    reference, _ = match_chains(found, gold)
    assert list(reference["matched"]) == [True, True, False]  # 产业化 ⊂ 产业化应用; order matters


def test_offsets_trace_back(chains, corpus):
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for row in chains.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface
        assert row.surface in row.sentence


def kinds(text: str) -> list[tuple[str, str]]:
    table = extract_chains(text)
    return list(zip(table["kind"], table["chain"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("打通从实验室到生产线、市场的通道。", ("sequence", "实验室 > 生产线 > 市场")),
        ("实现从跟跑到并跑再到领跑的跨越。", ("sequence", "跟跑 > 并跑 > 领跑")),
        ("创新模式从封闭式创新走向开放式创新。", ("sequence", "封闭式创新 > 开放式创新")),
        ("我国经济由要素驱动转向创新驱动。", ("sequence", "要素驱动 > 创新驱动")),
        ("推动形成“研发—中试—量产”良性循环。", ("cycle", "研发 > 中试 > 量产")),
        ("推动形成“产业需求—科技创新—新需求”闭环。", ("cycle", "产业需求 > 科技创新 > 新需求")),
        ("需要打通科技—产业—市场一体联动。", ("sequence", "科技 > 产业 > 市场")),
        ("构建“人才—技术—产业”联动机制。", ("sequence", "人才 > 技术 > 产业")),
        ("要经历立项、研发、验证、推广等阶段。", ("sequence", "立项 > 研发 > 验证 > 推广")),
        ("高校为企业输送人才，企业为高校提供应用场景。", ("mutual", "高校 > 企业 > 高校")),
        ("教育为产业提供人才支撑，产业为教育创造实践机会。", ("mutual", "教育 > 产业 > 教育")),
        ("围绕需求部署研发，围绕研发布局需求。", ("mutual", "需求 > 研发 > 需求")),
        ("数据驱动决策、决策牵引数据。", ("mutual", "数据 > 决策 > 数据")),
        ("改革的核心是激发活力，改革的关键是完善机制。", ("triad", "核心: 激发活力 | 关键: 完善机制")),
    ],
)
def test_unseen_sentences(text, expected):
    found = kinds(text)
    scored = [k for k in found if k[0] in SCORED]
    if expected is None:
        assert scored == [] or all(k[0] != "mutual" for k in scored)
    else:
        assert expected in scored, found


@pytest.mark.parametrize(
    "text",
    [
        "世界经济论坛发布《2014—2015年全球竞争力报告》。",
        "“十五五”期间（2026年-2030年）年均增速约为4.3%。",
        "效率驱动（3000美元-8999美元）。",
        "我国拥有深圳—香港—广州、北京、上海—苏州等科技创新集群。",
        "创新生态耦合包括“主体—要素—环境”的耦合。",
        "是“科技—产业”创新集群的竞争。",
        "研发人员由2012年的324.7万人年提高到2023年的635.4万人年。",
        "高效配置知识、技术、人才、资本等各类创新要素。",
        "加强科技研发、产品迭代升级、应用场景建设等环节融通创新。",
    ],
)
def test_sets_ranges_and_value_changes_are_not_chains(text):
    assert [k for k in kinds(text) if k[0] in SCORED] == []


def test_repeated_mutual_counts_once_whichever_way_round():
    table = extract_chains("形成需求牵引供给、供给创造需求的循环。需要供给创造需求、需求牵引供给的能力。")
    mutual = table[table["kind"] == "mutual"]
    assert len(mutual) == 1 and mutual.iloc[0]["count"] == 2
    assert mutual.iloc[0]["chain"] == "需求 > 供给 > 需求"


def test_argument_outline_of_the_seeds(corpus):
    from zhpolicy.extraction.chains import argument_outline

    moves = argument_outline(corpus)
    by_doc = {d[:3]: list(g["move"]) for d, g in moves.groupby("doc_id")}
    assert by_doc["002"] == ["导语", "意义", "问题", "路径"]
    assert by_doc["000"] == ["导语", "意义", "要求"]
    assert by_doc["004"][1] == "导语" and by_doc["004"][-1] == "结语"  # 引言 … 结论
    assert set(by_doc["003"][1:]) == {"路径"}


def test_argument_outline_on_a_made_up_text():
    from zhpolicy.extraction.chains import argument_outline

    text = ("标题\n一、重大意义\n这是必然要求，意义重大，具有重要性。\n二、存在问题\n存在短板和堵点，有待突破。"
            "\n三、主要举措\n要加快布局，完善机制，健全体系。")
    assert list(argument_outline(text)["move"]) == ["导语", "意义", "问题", "路径"]


def test_argument_moves_are_a_table_a_student_can_extend():
    import pandas as pd

    from zhpolicy.extraction.chains import argument_moves, argument_outline

    moves = argument_moves()
    assert list(dict.fromkeys(moves["move"])) == ["导语", "意义", "要求", "问题", "路径", "结语"]
    assert set(moves.loc[moves["scope"] == "heading", "move"]) == {"导语", "结语"}
    assert not moves.duplicated(["move", "cue"]).any() and set(moves["scope"]) == {"heading", "any"}
    text = "标题\n一、风险研判\n当前风险较多，风险传导加快。"
    assert list(argument_outline(text)["move"]) == ["导语", "路径"]  # 加快 is the only cue
    more = pd.concat([moves, pd.DataFrame([{"move": "问题", "cue": "风险", "scope": "any"}])], ignore_index=True)
    assert list(argument_outline(text, moves=more)["move"]) == ["导语", "问题"]
    assert "风险" not in set(argument_moves()["cue"])  # the library's own table is unchanged


def test_node_synonyms_come_from_the_data_file():
    from zhpolicy.extraction.chains import node_synonyms, normalise_node

    table = node_synonyms()
    assert list(table.columns) == ["variant", "canonical"] and table["variant"].is_unique
    for variant, canonical in zip(table["variant"], table["canonical"]):
        assert normalise_node(variant) == canonical
        assert normalise_node(canonical) == canonical  # one step: canonical names are not variants


def test_graph_merges_synonyms_and_shares(chains):
    from zhpolicy.extraction.chains import chain_graph, normalise_node, shared_chains

    assert normalise_node("科技创新成果转化") == normalise_node("科技成果转化") == "科技成果转化"
    graph = chain_graph(chains)
    assert graph.has_edge("科技创新", "产业创新") and graph.has_edge("产业创新", "科技创新")
    assert "科技创新成果转化" not in graph.nodes
    edge = graph.edges["科技创新", "产业创新"]
    assert edge["weight"] >= 2 and "mutual" in edge["kinds"]
    shared = shared_chains(chains)
    assert (shared["n_docs"] >= 2).all()
    assert any(c.startswith("基础:") for c in shared["chain"])  # the triad quoted in 000 and 002
    assert "高速增长阶段 > 高质量发展阶段" in set(shared["chain"])


def test_graph_is_deterministic(chains):
    import networkx as nx

    from zhpolicy.extraction.chains import chain_graph

    one, two = chain_graph(chains), chain_graph(chains)
    assert list(one.nodes) == list(two.nodes) and nx.utils.graphs_equal(one, two)


def test_cli_chains(tmp_path):
    import subprocess
    import sys

    from .conftest import SEEDS

    result = subprocess.run([sys.executable, "-m", "zhpolicy.cli", "chains", str(SEEDS)],
                            capture_output=True, text=True, check=True)
    assert "产业需求 > 科技创新 > 科技成果转化 > 产业创新 > 新需求" in result.stdout
    out = tmp_path / "chains.csv"
    subprocess.run([sys.executable, "-m", "zhpolicy.cli", "chains", str(SEEDS), "--csv", str(out)], check=True,
                   capture_output=True)
    assert "cycle" in pd.read_csv(out, encoding="utf-8-sig")["kind"].tolist()


def test_a_mutual_relation_matches_either_way_round():
    found = pd.DataFrame({"doc_id": ["a"], "kind": ["mutual"], "nodes": [["供给", "需求", "供给"]], "chain": ["x"]})
    gold = pd.DataFrame({"doc": ["a", "a"], "kind": ["mutual", "sequence"],
                         "chain": ["需求 > 供给 > 需求", "需求 > 供给 > 需求"]})
    reference, _ = match_chains(found, gold)
    assert list(reference["matched"]) == [True, False]  # a sequence keeps its direction


def test_every_chain_kind_has_its_sign_colour_and_name():
    """The kinds are defined once (extraction.chains.kinds); the figures' legends name each of them
    and the extractor gives no other kind."""
    from zhpolicy.extraction.chains.kinds import GRAPH_KINDS
    from zhpolicy.teaching.plots.chains import CHAIN_SIGNS
    from zhpolicy.teaching.plots.graphs import KIND_COLOURS, KIND_NAMES

    assert set(CHAIN_SIGNS) == set(SCORED_KINDS)
    assert set(KIND_COLOURS) == set(KIND_NAMES) == set(GRAPH_KINDS)
    from zhpolicy.extraction.chains import FAMILIES

    assert {family.kind for family in FAMILIES} <= set(GRAPH_KINDS)


def test_nodes_are_compared_without_quotes_and_bracketed_asides():
    found = pd.DataFrame({"doc_id": ["d", "d"], "kind": ["sequence", "sequence"],
                          "nodes": [["以量取胜", "以质取胜"], ["需求侧经济学", "供给侧经济学"]]})
    gold = pd.DataFrame({"doc": ["d", "d"], "kind": ["sequence", "sequence"],
                         "chain": ["以“量”取胜 > 以“质”取胜", "需求侧(面)经济学 > 供给侧（面）经济学"]})
    reference, _ = match_chains(found, gold)
    assert reference["matched"].all()
    gold = pd.DataFrame({"doc": ["d"], "kind": ["sequence"], "chain": ["以量取胜 > 创新驱动"]})
    assert not match_chains(found, gold)[0]["matched"].any()
