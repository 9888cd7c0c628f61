"""Themes: codebook rules, topic-model and network determinism, reused phrasing."""

import pandas as pd
import pytest

from zhpolicy.analysis import themes


def test_and_rule():
    assert themes.theme_hits("高校与企业联合攻关，高校出题。", ["高校", "科研院所"], all_of=["企业"]) == 2
    assert themes.theme_hits("高校加强基础研究。", ["高校"], all_of=["企业"]) == 0


def test_not_rule_deletes_phrases_before_matching():
    terms = ["区域", "地方"]
    assert themes.theme_hits("破除地方保护和市场分割。", terms, none_of=["地方保护"]) == 0
    assert themes.theme_hits("地方保护要破除，地方特色要发挥。", terms, none_of=["地方保护"]) == 1
    assert themes.theme_hits("区域协同，地方联动。", terms, none_of=["地方保护"]) == 2


def test_longest_term_wins_without_double_counting():
    assert themes.theme_hits("战略性新兴产业和新兴产业", ["新兴产业", "战略性新兴产业"]) == 2


def test_code_units_and_summary_by_hand():
    codebook = pd.DataFrame({
        "theme": ["企业", "区域"], "terms": [["企业"], ["区域", "地方"]], "all_of": [[], []],
        "none_of": [[], ["地方保护"]], "description": ["", ""],
    })
    units = pd.DataFrame({"doc_id": ["a", "a", "b"], "text": ["企业和企业", "破除地方保护", "区域企业"]})
    coded = themes.code_units(units, codebook)
    assert list(coded["企业"]) == [2, 0, 1] and list(coded["区域"]) == [0, 0, 1]
    share = themes.theme_summary(coded, codebook)
    assert share.loc["a", "企业"] == 0.5 and share.loc["b", "区域"] == 1.0
    per_10k = themes.theme_summary(coded, codebook, measure="per_10k")
    assert per_10k.loc["a", "企业"] == round(2 / 11 * 10_000, 1)  # 2 hits in 5 + 6 characters


def test_shipped_codebook_has_rules(corpus):
    codebook = themes.read_codebook()
    assert len(codebook) >= 9
    assert any(codebook["all_of"].str.len() > 0) and any(codebook["none_of"].str.len() > 0)
    coded = themes.code_units(themes.theme_units(corpus), codebook)
    assert (coded[list(codebook["theme"])].sum() > 0).all()


@pytest.fixture(scope="module")
def units(corpus):
    return themes.theme_units(corpus)


def test_topic_model_is_deterministic(units):
    one, w1 = themes.topic_model(units, 4)
    two, w2 = themes.topic_model(units, 4)
    assert one.equals(two) and w1.equals(w2)
    r1, _ = themes.topic_model(units, 4, init="random", seed=1)
    r2, _ = themes.topic_model(units, 4, init="random", seed=1)
    assert r1.equals(r2)
    assert (w1[list(one["topic"])].sum(axis=1).round(3).isin([0.0, 1.0])).all()


def test_compare_k(units):
    table = themes.compare_k(units, ks=[3, 4], seeds=(0, 1))
    assert list(table["k"]) == [3, 4]
    assert table["stability"].between(0, 1.0001).all() and (table["coherence"] <= 0).all()


def test_cooccurrence_network_by_hand_and_deterministic():
    docs = {"t": "数据要素市场建设。数据要素流通。算力网络建设。算力网络布局。数据要素安全。"}
    graph = themes.cooccurrence_network(docs, top_terms=10, min_cooccurrence=2, max_share=1.0)
    # 数据 and 要素 share 3 sentences and occur in no other: Jaccard 1
    assert graph.edges["数据", "要素"]["jaccard"] == 1.0 and graph.edges["数据", "要素"]["weight"] == 3
    assert graph.nodes["数据"]["community"] != graph.nodes["算力"]["community"]
    again = themes.cooccurrence_network(docs, top_terms=10, min_cooccurrence=2, max_share=1.0)
    assert themes.network_table(graph).equals(themes.network_table(again))


def test_reused_passages_on_made_up_texts():
    quote = "融合的基础是增加高质量科技供给，融合的关键是强化企业主体地位"
    docs = {"a": f"开头不同的话。{quote}。后面也不同。", "b": f"另一篇文章先说别的，再引用：“{quote}”，然后结束。", "c": "毫无关系的一段文字，没有任何重复的句子在这里出现。"}
    table = themes.reused_passages(docs, min_chars=12)
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["doc_a"], row["doc_b"]) == ("a", "b") and quote in row["text"]
    assert docs["a"][row["start_a"]:row["start_a"] + row["chars"]] == row["text"]
    assert docs["b"][row["start_b"]:row["start_b"] + row["chars"]] == row["text"]


def test_reuse_stops_at_paragraph_breaks():
    docs = {"a": "第一段最后一句话相同\n第二段开头也相同的文字", "b": "第一段最后一句话相同\n第二段开头也相同的文字"}
    table = themes.reused_passages(docs, min_chars=8)
    assert all("\n" not in t for t in table["text"]) and len(table) == 2


def test_document_similarity(corpus):
    import zhpolicy as zp

    sim = themes.document_similarity(zp.tokens(corpus))
    assert (sim.values.diagonal() == 1.0).all()
    assert (sim.values == sim.values.T).all()


def test_topic_model_with_too_little_text_returns_no_topics():
    empty_units = themes.theme_units({"one": "推动科技创新和产业创新深度融合。"})
    topics, weights = themes.topic_model(empty_units, 6)
    assert topics.empty and list(topics.columns) == ["topic", "top_terms", "weight"] and weights.empty
    assert themes.compare_k(empty_units).empty
    assert themes.topics_vs_codebook(weights, themes.code_units(empty_units)).empty


def test_topic_labels_name_topics_by_their_top_words():
    topics = pd.DataFrame({"topic": ["T1", "T2"], "top_terms": ["产业链 领域 产业 安全", "企业 创新"], "weight": [1.0, 2.0]})
    labels = themes.topic_labels(topics)
    assert labels["T1"] == "T1 产业链·领域·产业" and labels["T2"] == "T2 企业·创新"
