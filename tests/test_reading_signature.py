"""Front matter (dateline, meeting, speaker, page date), the signature block (落款) at the end of a
document, and list bullets: each family written here as a small invented text."""

from zhpolicy import argument_outline, outline, paragraphs, sentences
from zhpolicy.analysis.themes import theme_units
from zhpolicy.reading.dates import is_date_line

NOTICE = "\n".join([
    "关于开展2025年科技企业评价工作的通知",
    "各区科技主管部门：",
    "为推动科技创新和产业创新深度融合，现将有关事项通知如下。",
    "一、工作安排",
    "（一）企业自评",
    "企业于2025年3月31日前完成自评，研发投入增长12.5%。",
    "二、工作要求",
    "各单位要高度重视，认真组织实施，确保按时完成各项任务。",
    "某市科学技术局",
    "某市财政局",
    "2025年2月18日",
    "（此件公开发布）",
])


def kinds(text: str, doc: str = "d") -> list[str]:
    return list(paragraphs({doc: text})["kind"])


def test_signature_block_office_date_and_note():
    paras = paragraphs({"n": NOTICE})
    assert list(paras["kind"][-4:]) == ["signature"] * 4
    sig = paras[paras["kind"] == "signature"]
    assert list(sig["text"]) == ["某市科学技术局", "某市财政局", "2025年2月18日", "（此件公开发布）"]
    assert set(sig["section"]) == {""} and set(sig["level"]) == {0}  # the whole document's, not 二、's
    # the last section keeps its own heading and nothing of the signature
    body = paras[paras["section"] == "2"]
    assert list(body["text"]) == ["二、工作要求", "各单位要高度重视，认真组织实施，确保按时完成各项任务。"]
    out = outline({"n": NOTICE})
    assert "某市科学技术局" not in set(out.loc[out["kind"] == "heading", "heading"])
    assert list(out.loc[out["kind"] == "signature", "heading"]) == list(sig["text"])


def test_signature_office_and_date_on_one_line():
    text = "\n".join([
        "关于做好科技成果转化工作的通知",
        "现就有关事项通知如下，请认真贯彻执行并抓好落实。",
        "某市科学技术局　2025年2月18日",
    ])
    assert kinds(text) == ["title", "body", "signature"]


def test_signature_text_is_kept_not_dropped():
    """Text is classified, never dropped: every line is a paragraph, offsets cover the text, and
    the signature's date is still a sentence (statistics and chains read sentences)."""
    paras = paragraphs({"n": NOTICE})
    assert "\n".join(paras["text"]) == NOTICE
    assert all(NOTICE[s:e] == t for s, e, t in zip(paras["start"], paras["end"], paras["text"]))
    sents = sentences({"n": NOTICE})
    assert "2025年2月18日" in set(sents["text"])
    assert "企业于2025年3月31日前完成自评，研发投入增长12.5%。" in set(sents["text"])


def test_no_signature_without_office_or_date():
    text = "\n".join([
        "科技创新工作要点",
        "今年的工作重点如下，各单位要抓好落实。",
        "把握科技革命带来的新机会",  # ends like an office (…会) but names none
    ])
    assert "signature" not in kinds(text)
    # a document of signature-like lines only has no signature
    assert "signature" not in kinds("某市科学技术局\n2025年2月18日")


def test_signature_left_out_of_themes_and_argument_outline():
    units = theme_units({"n": NOTICE}, min_chars=1)
    assert not set(units["text"]) & {"某市科学技术局", "2025年2月18日", "（此件公开发布）"}
    moves = argument_outline({"n": NOTICE})
    assert list(moves["section"]) == ["", "1", "2"]
    last = moves[moves["section"] == "2"].iloc[0]
    assert last["chars"] == len("二、工作要求各单位要高度重视，认真组织实施，确保按时完成各项任务。")


def test_top_section_title_names_the_top_heading():
    units = theme_units({"n": NOTICE}, min_chars=10)
    row = units[units["text"].str.startswith("企业于")].iloc[0]
    assert (row["section"], row["top_section"], row["top_section_title"]) == ("1.1", "1", "工作安排")


def test_front_dateline_and_speaker_before_a_numbered_heading():
    text = "\n".join([
        "在全市科技创新暨产业创新深度融合推进大会上的讲话",
        "——2025年1月10日在全市科技创新暨产业创新深度融合推进大会上",
        "区长 张三",
        "一、过去一年的工作",
        "去年全市研发投入增长8%，成效明显。",
        "二、今年的任务",
        "今年研发投入要增长10%，各单位要抓好落实。",
    ])
    paras = paragraphs({"s": text})
    assert list(paras["kind"][:4]) == ["title", "front", "front", "heading"]
    out = outline({"s": text})
    top = out[(out["kind"] == "heading") & (out["level"] == 1)]
    assert list(top["heading"]) == ["过去一年的工作", "今年的任务"]  # the speaker is no heading


def test_front_dateline_right_before_a_heading():
    text = "\n".join([
        "在全市科技创新大会上的讲话",
        "——2025年1月10日在全市科技创新大会上",
        "一、过去一年的工作",
        "去年全市研发投入增长8%，成效明显。",
    ])
    assert kinds(text) == ["title", "front", "heading", "body"]


def test_page_date_above_the_title():
    text = "\n".join([
        "发布日期：2025-01-10",
        "关于做好科技成果转化工作的通知",
        "（2025年1月10日）",
        "一、总体要求",
        "现就有关事项通知如下，请认真贯彻执行并抓好落实。",
    ])
    assert kinds(text) == ["front", "title", "front", "heading", "body"]


def test_bullet_glyphs_are_items_and_a_byline_is_not():
    text = "\n".join([
        "科技创新工作要点",
        "□ 李四",
        "● 加强基础研究",
        "■ 推动成果转化",
        "◆ 培育科技企业",
        "各单位要按照要求认真组织实施。",
    ])
    assert kinds(text) == ["title", "front", "item", "item", "item", "body"]


def test_is_date_line():
    for line in ["2025年2月18日", "（2025年1月10日）", "发布日期：2025-01-10", "二〇二五年二月十八日",
                 "2025年2月18日 星期二", "【发布日期】2025.01.10"]:
        assert is_date_line(line), line
    for line in ["——2025年1月10日在全市大会上", "2025年工作要点", "一、2025年工作回顾",
                 "2025年2月18日，市政府召开常务会议。"]:
        assert not is_date_line(line), line


def test_salutation_is_front_not_a_heading():
    text = "\n".join([
        "在全市科技创新大会上的讲话",
        "同志们：",
        "今天召开大会，主要任务是部署今年的科技创新工作。",
        "一、过去一年的工作",
        "去年全市研发投入增长8%，成效明显。",
    ])
    assert kinds(text) == ["title", "front", "body", "heading", "body"]
    out = outline({"s": text})
    assert list(out.loc[out["kind"] == "heading", "level"]) == [1]  # 一、 is level 1, not under 同志们
    notice = "关于开展科技企业评价工作的通知\n各区人民政府，市政府各部门：\n现将有关事项通知如下：\n一、工作安排\n企业于3月底前完成自评。"
    assert kinds(notice)[:3] == ["title", "front", "body"]  # a lead-in (…如下：) is the text's own


def test_a_glyph_list_keeps_the_heading_that_names_its_kind():
    """Over ◆ items, 今年的主要预期目标是： stays a heading: the statistics below it are targets."""
    from zhpolicy import extract_statistics
    text = "政府工作报告\n去年经济运行总体平稳，各项工作取得新进展。\n今年的主要预期目标是：\n◆地区生产总值增长5%左右；\n◆城镇新增就业110万人以上。"
    assert kinds(text) == ["title", "body", "heading", "item", "item"]
    found = extract_statistics({"r": text})
    assert list(found["kind"]) == ["target", "target"]
