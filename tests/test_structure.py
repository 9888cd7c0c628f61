import pytest

from zhpolicy import document_stats, outline, paragraphs, sentences


def headings(out, doc, level=None):
    rows = out[(out["doc_id"] == doc) & out["kind"].isin(["heading", "lead"])]
    if level is not None:
        rows = rows[rows["level"] == level]
    return rows


def test_000_official_outline(texts):
    out = outline({"000": texts["000"]})
    top = headings(out, "000", 1)
    assert list(top["marker"]) == ["一、", "二、"]
    second = headings(out, "000", 2)
    assert list(second["marker"]) == ["（一）", "（二）", "（三）", "（一）", "（二）", "（三）", "（四）"]
    assert second.iloc[0]["heading"] == "推动科技创新和产业创新深度融合是培育发展新质生产力的内在要求"
    assert out.iloc[0]["kind"] == "title"


def test_002_unnumbered_headings_and_lead_phrases(texts):
    out = outline({"002": texts["002"]})
    top = headings(out, "002", 1)
    assert list(top["heading"]) == [
        "科技创新和产业创新深度融合的内在逻辑",
        "推动科技创新和产业创新深度融合存在的卡点堵点",
        "协同发力形成科技创新和产业创新深度融合强大动力",
    ]
    parts = headings(out, "002", 2)
    in_second = parts[(parts["start"] > top.iloc[1]["start"]) & (parts["start"] < top.iloc[2]["start"])]
    in_third = parts[parts["start"] > top.iloc[2]["start"]]
    assert len(in_second) == 4 and len(in_third) == 4
    assert in_second.iloc[0]["heading"] == "科技创新体制机制障碍仍需突破"
    points = out[(out["kind"] == "point")]
    assert {"一是", "其一", "首先", "第一"} <= set(points["marker"])
    assert "坚持全国一盘棋" in set(points["heading"])


def test_004_markdown_lists(texts):
    out = outline({"004": texts["004"]})
    assert set(headings(out, "004", 3)["marker"]) == {"a.", "b.", "c."}
    assert "常见问题解答" in set(headings(out, "004", 1)["heading"])
    assert "引言" in set(headings(out, "004", 1)["heading"])
    paras = paragraphs({"004": texts["004"]})
    assert (paras["kind"] == "item").sum() >= 20


def test_001_and_003_unmarked_headings(texts):
    out = outline({"001": texts["001"], "003": texts["003"]})
    assert list(headings(out, "001", 1)["heading"]) == [
        "科技创新是高质量发展主引擎", "为现代化产业体系固本培元", "推动创新链产业链耦合发展",
    ]
    assert len(headings(out, "001", 2)) == 7
    assert len(headings(out, "003", 1)) == 3


def test_invented_outline_markers():
    text = "标题\n一、总体要求\n（一）指导思想\n正文很长的一段话，说明了很多内容，而且还有更多的内容。\n1. 第一点\n2. 第二点\n二、重点任务\n正文，内容。"
    out = outline(text)
    marked = out[out["kind"] == "heading"]
    assert list(zip(marked["marker"], marked["level"])) == [("一、", 1), ("（一）", 2), ("1.", 3), ("2.", 3), ("二、", 1)]


@pytest.mark.parametrize("table", [paragraphs, sentences, outline])
def test_offsets_point_into_the_cleaned_text(corpus, table):
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    rows = table(corpus)
    assert len(rows) > 0
    for row in rows.itertuples():
        span = texts[row.doc_id][row.start:row.end]
        expected = row.heading if table is outline else row.text
        assert span == expected


def test_sentences_split_after_closing_quote_and_citation():
    s = sentences("他指出：“要创新。”[5]科技创新是关键！真的吗？是的")
    assert list(s["text"]) == ["他指出：“要创新。”[5]", "科技创新是关键！", "真的吗？", "是的"]


def test_document_stats(corpus):
    stats = document_stats(corpus)
    assert list(stats["doc_id"]) == list(corpus["doc_id"])
    assert (stats["n_sentences"] > 20).all()
    assert (stats["n_chars"] == corpus["n_chars"].values).all()


# ---------------------------------------------------------------- the structure cache

def test_cached_structure_equals_a_fresh_one_and_is_bounded(texts, monkeypatch):
    from zhpolicy.reading import structure

    monkeypatch.setattr(structure, "_cache", type(structure._cache)())
    monkeypatch.setattr(structure, "_cache_chars", 0)
    first = sentences(texts)
    first.loc[0, "text"] = "changed by a student"  # a caller's edits never reach the cache
    again = sentences(texts)
    structure._cache.clear()
    structure._cache_chars = 0
    fresh = sentences(texts)
    assert again.equals(fresh) and outline(texts).equals(outline(dict(texts)))
    monkeypatch.setattr(structure, "CACHE_CHARS", max(len(t) for t in texts.values()))
    structure._cache.clear()
    structure._cache_chars = 0
    for doc_id, text in texts.items():
        sentences({doc_id: text})
    assert len(structure._cache) <= 2 and structure._cache_chars <= 2 * structure.CACHE_CHARS


LAW = """某某市科学技术进步条例
（2010年9月17日某某市人民代表大会常务委员会第二十一次会议通过
2024年5月10日某某市人民代表大会常务委员会第十三次会议修订）
第一章 总则
第一条 为了促进科学技术进步，制定本条例。
第二条 本条例适用于本市行政区域内的科学技术进步活动。
市人民政府应当加强对科技工作的领导。
第二章 基础研究
第一节 投入机制
第三条 本市建立稳定增长的财政科技投入机制，主要用于：
（一）基础研究；
（二）科技基础设施建设。
第四条 鼓励企业开展基础研究。
第三章 附则
第五条 本条例自2024年7月1日起施行。"""


def test_law_outline_is_chapters_sections_and_articles():
    """A law or regulation: 第X章/第X节/第X条 make the outline (articles are entries of kind article,
    their paragraphs stay body text), the revision notes under the title are front matter, and the
    paragraphs (款) and items (项) of an article are never headings or lead phrases."""
    docs = {"law": LAW}
    got = outline(docs)[["level", "marker", "kind", "heading"]].values.tolist()
    assert got == [
        [0, "", "title", "某某市科学技术进步条例"],
        [0, "", "front", "（2010年9月17日某某市人民代表大会常务委员会第二十一次会议通过"],
        [0, "", "front", "2024年5月10日某某市人民代表大会常务委员会第十三次会议修订）"],
        [1, "第一章", "heading", "总则"],
        [2, "第一条", "article", "第一条"], [2, "第二条", "article", "第二条"],
        [1, "第二章", "heading", "基础研究"],
        [2, "第一节", "heading", "投入机制"],
        [3, "第三条", "article", "第三条"], [3, "第四条", "article", "第四条"],
        [1, "第三章", "heading", "附则"],
        [2, "第五条", "article", "第五条"],
    ]
    paras = paragraphs(docs).set_index("text")
    assert paras.loc["市人民政府应当加强对科技工作的领导。", ["kind", "section", "section_title"]].tolist() == ["body", "1.2", "第二条"]
    assert paras.loc["第三条 本市建立稳定增长的财政科技投入机制，主要用于：", "kind"] == "body"
    assert paras.loc["（一）基础研究；", ["kind", "section_title"]].tolist() == ["item", "第三条"]


def test_a_lone_article_number_in_a_notice_is_not_an_outline():
    docs = {"notice": "关于调整补贴标准的通知\n根据条例第三条的规定，现通知如下。\n第三条 所称补贴，是指财政资金。\n一、提高补贴标准\n请遵照执行。"}
    kinds = outline(docs)["kind"].tolist()
    assert "article" not in kinds and kinds.count("heading") == 1
