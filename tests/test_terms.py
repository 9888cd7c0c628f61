"""Term statistics checked on small made-up texts whose counts can be verified by hand."""

import math

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.analysis import terms
from zhpolicy.teaching.export import export_figure, export_table
from zhpolicy.teaching.plots import wordcloud_image

DOCS = {
    "a": "科技创新推动产业创新。科技创新引领发展。",
    "b": "产业创新需要企业。企业是创新主体。",
}


@pytest.fixture(scope="module")
def toks():
    return zp.tokens(DOCS)


def test_tokens_of_the_toy_corpus(toks):
    assert list(toks[toks["doc_id"] == "a"]["token"]) == ["科技创新", "推动", "产业创新", "。", "科技创新", "引领", "发展", "。"]
    b = toks[toks["doc_id"] == "b"]
    assert list(b["token"]) == ["产业创新", "需要", "企业", "。", "企业", "是", "创新主体", "。"]
    assert list(b.loc[b["is_stopword"] & ~b["is_punct"], "token"]) == ["需要", "是"]


def test_term_frequencies_by_hand(toks):
    freqs = zp.term_frequencies(toks).set_index(["doc_id", "term"])
    assert freqs.loc[("a", "科技创新"), "count"] == 2
    # doc a has 20 non-space characters: 2 / 20 * 10,000 = 1000
    assert freqs.loc[("a", "科技创新"), "per_10k"] == 1000.0
    assert freqs.loc[("a", "产业创新"), "doc_freq"] == 2
    assert freqs.loc[("a", "产业创新"), "tfidf"] == 0.0  # in every document
    # tfidf = 2 / 6 content tokens × ln(2 documents / 1)
    assert freqs.loc[("a", "科技创新"), "tfidf"] == round(2 / 6 * math.log(2), 5)
    assert ("b", "是") not in freqs.index  # a stopword
    corpus_wide = zp.corpus_frequencies(toks)
    assert list(corpus_wide.head(3)["term"]) == ["产业创新", "企业", "科技创新"]  # 2, 2, 2: ties by term


def test_keyness_by_hand_including_a_term_absent_from_one_side(toks):
    table = zp.keyness(toks, "a", min_count=1).set_index("term")
    # 科技创新: a = 2 of c = 6 content tokens in "a", b = 0 of d = 4 in "b"
    a, b, c, d = 2, 0, 6, 4
    e1 = c * (a + b) / (c + d)
    assert table.loc["科技创新", "g2"] == round(2 * a * math.log(a / e1), 3)
    assert table.loc["科技创新", "direction"] == "over"
    assert table.loc["科技创新", "log_ratio"] == round(math.log2((a / c) / (0.5 / d)), 3)
    assert table.loc["企业", "direction"] == "under"
    assert table.loc["企业", "target_count"] == 0 and math.isfinite(table.loc["企业", "log_ratio"])
    assert table.loc["产业创新", "direction"] == "under"  # 1 of 6 against 1 of 4
    assert table.index[0] == "科技创新" and table.index[-1] == "企业"


def test_g2_matches_the_textbook_formula():
    # Rayson & Garside's example form: a=10 in c=1000, b=5 in d=2000
    a, b, c, d = 10, 5, 1000, 2000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    assert terms._g2(a, b, c, d) == pytest.approx(2 * (a * math.log(a / e1) + b * math.log(b / e2)))


def test_ngrams_do_not_cross_punctuation(toks):
    grams = zp.ngrams(toks, 2, min_count=1)
    assert "科技创新 推动" in set(grams["ngram"])
    assert "产业创新 科技创新" not in set(grams["ngram"])  # a full stop lies between them


def test_collocates_within_a_window():
    toy = zp.tokens({"x": "数据 要素 市场。数据 要素 流通。数据 安全。"})
    table = zp.collocates(toy, "数据", window=1, min_count=1).set_index("collocate")
    assert table.loc["要素", "cooccurrences"] == 2
    assert table.loc["安全", "cooccurrences"] == 1
    assert "市场" not in table.index  # two words away, outside a window of 1


def test_kwic_finds_terms_the_tokenizer_splits_and_sorts():
    docs = {"d": "推动深度融合。融合发展是方向。产业融合加快。"}
    hits = zp.kwic(docs, "融合", window=3)
    assert len(hits) == 3  # 深度融合 is one token, but KWIC still finds 融合 inside it
    assert list(hits["left"]) == ["动深度", "融合。", "。产业"]
    assert list(hits["sentence"]) == ["推动深度融合。", "融合发展是方向。", "产业融合加快。"]
    by_left = zp.kwic(docs, "融合", window=3, sort_by="left")
    assert list(by_left["left"]) == ["融合。", "。产业", "动深度"]  # read leftwards: 。合融, 业产。, 度深动
    by_right = zp.kwic(docs, "融合", window=3, sort_by="right")
    assert list(by_right["right"]) == ["。融合", "加快。", "发展是"]
    regex_hits = zp.kwic(docs, r"\w融合", regex=True)
    assert list(regex_hits["keyword"]) == ["度融合", "业融合"]


def test_kwic_across_a_line_break():
    hits = zp.kwic({"d": "第一段讲科技创新\n第二段讲产业"}, "创新", window=6)
    assert hits.iloc[0]["right"] == " ⏎ 第二段讲产"


def test_dispersion_by_hand():
    docs = {"a": "创新" + "。" * 8, "b": "创新" + "。" * 8, "c": "发展" + "。" * 8}
    table = zp.dispersion(docs, ["创新", "发展", "缺席"]).set_index("term")
    # equal sizes (1/3 each); 创新 shares (1/2, 1/2, 0): DP = 0.5 × (1/6 + 1/6 + 1/3) = 1/3
    assert table.loc["创新", "dp"] == round(1 / 3, 3)
    assert table.loc["创新", "range"] == 2
    assert table.loc["发展", "dp"] == round(2 / 3, 3)  # all in one third of the corpus
    assert table.loc["发展", "dp_norm"] == 1.0
    assert pd.isna(table.loc["缺席", "dp"])
    pos = zp.positions(docs, ["创新"])
    assert list(pos["relative"]) == [0.0, 0.0]


def test_wordcloud_is_deterministic_and_uses_the_chinese_font():
    font = zp.use_chinese_font()
    freqs = {"科技创新": 10, "产业创新": 8, "深度融合": 5, "企业": 5, "新质生产力": 3}
    one = wordcloud_image(freqs, font, width=300, height=200)
    two = wordcloud_image(freqs, font, width=300, height=200)
    assert one.layout_ == two.layout_
    assert one.font_path == font
    assert zp.missing_glyphs(font, "".join(freqs)) == []


def test_exports_go_to_the_output_folder(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path))
    path = export_table(pd.DataFrame({"词": ["科技创新"], "次数": [3]}), "t")
    assert path.parent == tmp_path and path.read_bytes().startswith(b"\xef\xbb\xbf")
    fig, ax = plt.subplots()
    ax.set_title("科技创新")
    first = [p.read_bytes() for p in export_figure(fig, "f")]
    second = [p.read_bytes() for p in export_figure(fig, "f")]
    plt.close(fig)
    assert first == second, "exported figures carry no timestamp"
    assert {p.suffix for p in tmp_path.iterdir()} == {".csv", ".png", ".svg"}


def test_keyness_by_document_needs_two_documents():
    import zhpolicy as zp

    table = zp.analysis.terms.keyness_by_document(zp.tokens({"only": "科技创新。科技创新。产业创新。产业创新。"}))
    assert table.empty and {"doc_id", "term", "g2", "direction"} <= set(table.columns)
