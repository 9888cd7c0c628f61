"""Readers for the formats users have (issue 12): a mixed folder as it really comes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import zhpolicy as zp
from zhpolicy.reading.clean import drop_page_furniture, strip_html_markup
from zhpolicy.reading.corpus import skipped_files
from zhpolicy.errors import CorpusError
from zhpolicy.reading.readers import read_document, skip_reason

from .conftest import folder_digest

# Our own sentences in the style of policy texts (no third-party text).
DOCX_TITLE = "关于加快推进数字政府建设的实施意见"
DOCX_BODY = ["各区人民政府，市政府各部门：", "为加快推进数字政府建设，提升政务服务效能，现提出如下意见。",
             "一、总体要求", "到2025年，政务服务事项网上可办率达到95%以上。"]
DOCX_TABLE = [["指标", "2024年", "2025年"], ["网上可办率", "90%", "95%"]]
PDF_TITLE = "某某市2024年国民经济和社会发展统计公报"
PDF_PAGES = [
    ["初步核算，全年地区生产总值达到5000亿元，", "比上年增长5.2%。", "全年城镇新增就业12万人。"],
    ["全年居民消费价格比上年上涨0.3%，", "其中食品价格下降1.1%。", "年末常住人口800万人。"],
    ["全年规模以上工业增加值比上年增长6.1%，", "高技术制造业增加值增长9.4%。", "全年粮食产量50万吨。"],
]
HTML_TITLE = "关于开展2025年春季植树活动的通知"
HTML_BODY = ["各街道办事处、区直各部门：", "为改善城区生态环境，经研究，决定于3月中旬开展春季植树活动。",
             "请各单位高度重视，精心组织，确保活动取得实效。"]
GBK_TEXT = "关于做好2025年高校毕业生就业工作的通知\n各有关单位：为促进高校毕业生高质量充分就业，现将有关事项通知如下。\n"
BIG5_TEXT = "關於推動創新科技發展的報告\n特區政府將繼續推動創新科技發展，加強與內地合作，提升市民生活質素。\n"
MD_TEXT = ("# 关于优化营商环境的若干措施\n\n<p>为进一步<strong>优化营商环境</strong>，激发市场主体活力，"
           "制定以下措施。</p>\n<p><span style=\"color:red\">一、</span>压缩企业开办时间至1个工作日以内。</p>\n")


def _font():
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(zp.chinese_font_path()))


def write_pdf(path: Path, pages: list[list[str]], title: str = "", text_layer: bool = True) -> None:
    """A PDF with a Chinese text layer (matplotlib, TrueType fonts embedded), a running head and
    page numbers; or, with text_layer=False, one that holds only a picture (like a scan)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        with PdfPages(path, metadata={"Title": title or None, "CreationDate": None}) as pdf:
            for number, lines in enumerate(pages, 1):
                fig = plt.figure(figsize=(8.27, 11.69))
                if text_layer:
                    fig.text(0.1, 0.95, "某某市统计局", fontproperties=_font())
                    if number == 1:
                        fig.text(0.1, 0.88, title, fontproperties=_font(), size=14)
                    for i, line in enumerate(lines):
                        fig.text(0.1, 0.8 - 0.03 * i, line, fontproperties=_font())
                    fig.text(0.48, 0.03, f"- {number} -", fontproperties=_font())
                else:
                    ax = fig.add_axes((0, 0, 1, 1))
                    ax.imshow([[0, 1], [1, 0]], cmap="gray")
                    ax.axis("off")
                pdf.savefig(fig)
                plt.close(fig)


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading(DOCX_TITLE, level=0)
    for text in DOCX_BODY[:3]:
        document.add_paragraph(text)
    table = document.add_table(rows=len(DOCX_TABLE), cols=3)
    for r, row in enumerate(DOCX_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(DOCX_BODY[3])
    document.add_paragraph("某某市人民政府办公室")
    document.add_paragraph("2024年3月5日")
    document.save(str(path))


def write_html(path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in HTML_BODY)
    path.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HTML_TITLE}_通知公告_某某区人民政府网</title>
<meta name="PubDate" content="2025-03-06 09:30"></head><body>
<div class="header"><a href="/">首页</a> <a href="/gk">政务公开</a> <a href="/bs">办事服务</a> <a href="/hd">互动交流</a></div>
<nav><ul><li>机构设置</li><li>政策文件</li><li>通知公告</li><li>新闻动态</li></ul></nav>
<div class="position">当前位置：首页 &gt; 通知公告</div>
<div class="article"><h1>{HTML_TITLE}</h1><div class="info">发布时间：2025-03-06 来源：区绿化办</div>
<div id="zoom">{body}</div></div>
<div class="footer"><p>主办单位：某某区人民政府办公室 版权所有 地址：某某路1号 联系电话：12345678</p></div>
<script>var x = "不应出现的脚本文字";</script></body></html>""",
        encoding="utf-8",
    )


def build_mixed_folder(folder: Path) -> Path:
    """The folder of issue 12's test: Word, PDF, web page, GBK, Big5 Traditional, Markdown with HTML
    tags, a README, a legacy .doc, a scanned PDF and an image, and a subfolder."""
    folder.mkdir(parents=True, exist_ok=True)
    write_docx(folder / "实施意见.docx")
    write_pdf(folder / "统计公报.pdf", PDF_PAGES, PDF_TITLE)
    write_pdf(folder / "扫描件.pdf", [[]], text_layer=False)
    write_html(folder / "植树通知.html")
    (folder / "就业通知.txt").write_bytes(GBK_TEXT.encode("gbk"))
    (folder / "創科報告.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (folder / "营商环境.md").write_text(MD_TEXT, encoding="utf-8")
    (folder / "README.md").write_text("# 我的语料\n这些文件来自各个政府网站。\n", encoding="utf-8")
    (folder / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (folder / "照片.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "子目录").mkdir(exist_ok=True)
    (folder / "子目录" / "就业通知.txt").write_text("关于做好退役军人就业工作的通知\n各单位：请认真落实有关政策，做好就业服务。\n",
                                                  encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = build_mixed_folder(tmp_path_factory.mktemp("mixed") / "my_texts")
    before = folder_digest(folder)
    with pytest.warns(UserWarning):
        corpus = zp.load_corpus(folder)
    assert folder_digest(folder) == before, "loading must never modify the corpus folder"
    return corpus


def test_each_document_is_read_right(mixed):
    texts = dict(zip(mixed["doc_id"], mixed["text"]))
    assert sorted(texts) == sorted(["創科報告", "子目录/就业通知", "实施意见", "就业通知", "植树通知", "统计公报", "营商环境"])
    # Word: paragraphs in order, a marker where the table stood, its cells in zp.tables
    docx_text = texts["实施意见"]
    order = [DOCX_TITLE, *DOCX_BODY[:3], "[表1]", DOCX_BODY[3]]
    positions = [docx_text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "90%" not in docx_text
    cells = zp.tables(mixed)
    cells = cells[cells["doc_id"] == "实施意见"]
    assert [list(g["text"]) for _, g in cells.groupby("row")] == DOCX_TABLE
    # PDF: the body, lines rejoined; no running head, no page numbers
    pdf_text = texts["统计公报"]
    assert "初步核算，全年地区生产总值达到5000亿元，比上年增长5.2%。" in pdf_text
    assert "高技术制造业增加值增长9.4%" in pdf_text
    assert "某某市统计局" not in pdf_text and "- 2 -" not in pdf_text
    # web page: the article only
    html_text = texts["植树通知"]
    assert html_text.split("\n")[0] == HTML_TITLE
    for p in HTML_BODY:
        assert p in html_text
    for junk in ["首页", "机构设置", "版权所有", "当前位置", "脚本"]:
        assert junk not in html_text, junk
    # GBK, Big5 Traditional (converted), Markdown with tags
    assert texts["就业通知"] == GBK_TEXT.strip().replace("\n", "\n")
    assert "特区政府将继续推动创新科技发展" in texts["創科報告"]
    raw = dict(zip(mixed["doc_id"], mixed["raw"]))
    assert "特區政府" in raw["創科報告"]  # the original stays in raw
    md = texts["营商环境"]
    assert "<" not in md and "strong" not in md and "span" not in md
    assert "为进一步优化营商环境，激发市场主体活力，制定以下措施。" in md


def test_everything_else_is_skipped_with_a_reason(mixed):
    skipped = skipped_files(mixed).set_index("file")["reason"]
    assert set(skipped.index) == {"README.md", "旧文件.doc", "照片.png", "扫描件.pdf"}
    assert "说明文件" in skipped["README.md"]
    assert "另存为" in skipped["旧文件.doc"] and ".docx" in skipped["旧文件.doc"]
    assert "文字识别" in skipped["照片.png"]
    assert "扫描件" in skipped["扫描件.pdf"] and "文字识别" in skipped["扫描件.pdf"]


def test_titles_and_dates_say_where_they_come_from(mixed):
    meta = mixed.set_index("doc_id")
    assert meta.loc["实施意见", "title"] == DOCX_TITLE
    assert meta.loc["实施意见", "date"] == "2024-03-05"
    assert meta.loc["实施意见", "date_source"] == "text_end"
    assert meta.loc["植树通知", "title"] == HTML_TITLE and meta.loc["植树通知", "title_source"] == "html_title"
    assert meta.loc["植树通知", "date"] == "2025-03-06" and meta.loc["植树通知", "date_source"] == "html_meta"
    assert meta.loc["统计公报", "title"] == PDF_TITLE
    assert meta.loc["营商环境", "title"] == "关于优化营商环境的若干措施"
    assert meta.loc["就业通知", "title_source"] == "heading"
    assert mixed["label"].is_unique
    assert meta.loc["植树通知", "label"] == HTML_TITLE  # the whole title, not a cut-off fragment


def test_cleaning_audit_names_the_new_steps(mixed):
    audit = zp.cleaning_audit(mixed).set_index(["doc_id", "step"])["changes"]
    assert audit[("創科報告", "to_simplified")] > 0
    assert audit[("营商环境", "strip_html_markup")] == 0  # Markdown is read by a parser: no tags reach the text
    assert audit[("统计公报", "drop_page_furniture")] > 0
    assert audit[("就业通知", "to_simplified")] == 0


def test_traditional_conversion_can_be_turned_off(tmp_path):
    (tmp_path / "a.txt").write_bytes(BIG5_TEXT.encode("big5"))
    with pytest.warns(UserWarning, match="繁体"):
        corpus = zp.load_corpus(tmp_path, simplify=False)
    assert "特區政府" in corpus.iloc[0]["text"]
    audit = zp.cleaning_audit(corpus).set_index("step")["changes"]
    assert audit["to_simplified"] == 0


def test_skip_reasons_from_names():
    assert skip_reason(Path("README.txt")) and skip_reason(Path("LICENSE"))
    assert skip_reason(Path("x/.hidden.txt"), ".git/x.txt")
    assert skip_reason(Path("~$temp.docx"))
    assert skip_reason(Path("catalog.csv"))
    assert skip_reason(Path("a.txt")) is None and skip_reason(Path("a.HTM")) is None
    assert "OCR" in skip_reason(Path("scan.JPG"))


def test_encrypted_pdf_is_skipped_with_what_to_do(tmp_path):
    import pypdf

    write_pdf(tmp_path / "plain.pdf", PDF_PAGES[:1], PDF_TITLE)
    writer = pypdf.PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"pypdf cannot encrypt here: {exc}")
    with open(tmp_path / "locked.pdf", "wb") as handle:
        writer.write(handle)
    with pytest.raises(CorpusError, match="密码"):
        read_document(tmp_path / "locked.pdf")


def test_html_tags_are_removed_with_a_parser_not_left_in_plain_text():
    assert strip_html_markup("增速<5%，目标>3%。") == "增速<5%，目标>3%。"  # not HTML: untouched
    assert strip_html_markup("<p>甲&nbsp;乙</p><p>丙&amp;丁</p>") == "甲\xa0乙\n丙&丁"
    assert strip_html_markup('<p>为<strong>加快</strong>发展<span style="x">，</span>现通知如下。</p>') == "为加快发展，现通知如下。"


def test_page_furniture_is_removed_only_at_page_edges():
    pages = ["公报\n正文一，\n- 1 -", "公报\n正文二。\n12\n- 2 -", "公报\n正文三。\n- 3 -"]
    assert drop_page_furniture("\f".join(pages)) == "正文一，\n正文二。\n正文三。"
    assert drop_page_furniture("没有分页\n1\n") == "没有分页\n1\n"


def test_ids_are_unique_whatever_the_endings_and_subfolders(tmp_path):
    for rel in ["a.txt", "a.md", "A.TXT", "x/报告.txt", "y/报告.txt", "b.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"关于{rel}的报告\n这是正文，内容各不相同：{rel}。", encoding="utf-8")
    corpus = zp.load_corpus(tmp_path)
    assert corpus["doc_id"].is_unique and corpus["label"].is_unique
    assert set(corpus["doc_id"]) == {"a.txt", "a.md", "A.TXT", "x/报告", "y/报告", "b"}
    again = zp.load_corpus(tmp_path)
    assert list(again["doc_id"]) == list(corpus["doc_id"])  # stable
    tokens = zp.tokens(corpus)
    assert set(tokens["doc_id"]) == set(corpus["doc_id"])


def test_300_files_named_doc_get_300_labels(tmp_path):
    for i in range(300):
        (tmp_path / f"doc{i:03d}.txt").write_text("关于做好有关工作的通知\n各单位：请按要求落实。", encoding="utf-8")
    corpus = zp.load_corpus(tmp_path)
    assert corpus["label"].nunique() == 300


def test_relative_corpus_path_counts_from_the_launch_folder(tmp_path, monkeypatch):
    from zhpolicy.paths import default_corpus_dir, output_dir

    (tmp_path / "my_texts").mkdir()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv("PWD", str(tmp_path))
    monkeypatch.chdir(tmp_path / "notebooks")  # where a kernel runs
    monkeypatch.setenv("ZHPOLICY_CORPUS", "my_texts")
    monkeypatch.setenv("ZHPOLICY_OUTPUT", "my_results")
    assert default_corpus_dir() == tmp_path / "my_texts"
    assert output_dir() == tmp_path / "my_results" and (tmp_path / "my_results").is_dir()
    monkeypatch.setenv("ZHPOLICY_CORPUS", "nope")
    with pytest.raises(CorpusError, match=str(tmp_path / "nope")):
        zp.load_corpus()


def test_run_record_never_raises_on_a_dangling_link(tmp_path):
    (tmp_path / "a.txt").write_text("关于某事的通知\n正文，内容。", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    with pytest.warns(UserWarning):
        corpus = zp.load_corpus(tmp_path)
    record = zp.run_record(corpus)
    assert "dangling.txt" in record.loc["未读取的文件 not_loaded", "内容"]
    assert record.loc["已读取的文档 documents", "内容"] == "1"


def test_relative_folder_argument_counts_from_the_launch_folder(tmp_path, monkeypatch):
    (tmp_path / "my_texts").mkdir()
    (tmp_path / "my_texts" / "a.txt").write_text("关于某事的通知\n正文，内容。", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv("PWD", str(tmp_path))
    monkeypatch.chdir(tmp_path / "notebooks")
    assert list(zp.load_corpus("my_texts")["doc_id"]) == ["a"]


def test_broken_or_empty_files_of_each_kind_are_skipped_with_a_reason(tmp_path):
    import docx

    docx.Document().save(str(tmp_path / "empty.docx"))
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\ngarbage")
    (tmp_path / "nav.html").write_text("<html><body><nav>首页</nav></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("正文，内容。", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = zp.load_corpus(tmp_path)
    assert list(corpus["doc_id"]) == ["ok"]
    reasons = skipped_files(corpus).set_index("file")["reason"]
    assert "没有可分析的文字" in reasons["empty.docx"]
    assert "PDF" in reasons["bad.pdf"] and "损坏" in reasons["bad.pdf"]
    assert "正文" in reasons["nav.html"]


def test_a_pipe_named_like_a_text_is_not_read_and_a_too_long_path_is_explained(tmp_path):
    (tmp_path / "a.txt").write_text("正文，内容。", encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")  # reading it would block for ever
    with pytest.warns(UserWarning):
        corpus = zp.load_corpus(tmp_path)
    assert list(corpus["doc_id"]) == ["a"]
    assert "不是普通文件" in skipped_files(corpus).set_index("file")["reason"]["x.txt"]
    assert zp.corpus_fingerprint(tmp_path)  # does not block either
    with pytest.raises(CorpusError, match="路径"):
        zp.load_corpus(tmp_path / ("长" * 3000))


def test_web_page_with_a_long_list_of_related_links(tmp_path):
    related = "".join(f'<li><a href="/n{i}">关于做好第{i}批重点项目建设工作的通知（全文）</a></li>' for i in range(30))
    (tmp_path / "p.htm").write_text(
        f"""<html><head><meta charset="gb2312"><title>某某局关于开展安全检查的通知</title></head><body>
<table><tr><td class="left"><ul class="list">{related}</ul></td>
<td><div class="TRS_Editor"><p>各有关单位：</p><p>为切实做好安全生产工作，决定开展一次全面检查，请认真落实。</p></div></td></tr></table>
</body></html>""".replace("gb2312", "utf-8"), encoding="utf-8")
    doc = read_document(tmp_path / "p.htm")
    assert "决定开展一次全面检查" in doc.text
    assert "重点项目" not in doc.text
    assert doc.title == "某某局关于开展安全检查的通知"


def test_gbk_web_page(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f'<title>{HTML_TITLE}</title></head><body><div id="content">'
            + "".join(f"<p>{p}</p>" for p in HTML_BODY) + "</div></body></html>")
    (tmp_path / "gbk.html").write_bytes(page.encode("gbk"))
    doc = read_document(tmp_path / "gbk.html")
    assert HTML_BODY[1] in doc.text and doc.encoding == "html (gb18030)"


def test_pdf_lines_broken_by_the_layout_are_joined_even_without_a_comma():
    page1 = ("通知\n为深入贯彻落实党中央国务院关于加快数字经济发展的决策部署\n进一步推动数字技术与实体经济深度融合，现提出如下意见。\n"
             "一、总体要求\n到二〇二七年全市数字经济核心产业增加值占地区生产总值比重\n达到百分之十五左右。\n- 1 -")
    page2 = "二、重点任务\n加快建设新型基础设施统筹推进算力网络和数据中心布局建设工作\n提升数据要素供给能力。\n- 2 -"
    text = drop_page_furniture(page1 + "\f" + page2)
    assert "决策部署进一步推动数字技术" in text
    assert "比重达到百分之十五左右。" in text
    assert "布局建设工作提升数据要素供给能力。" in text
    assert "通知\n" in text and "\n一、总体要求\n" in text and "\n二、重点任务\n" in text


@pytest.mark.parametrize("page_title", [f"{HTML_TITLE}_通知公告_某某区人民政府网", f"某某区人民政府网 - {HTML_TITLE}",
                                        f"{HTML_TITLE}｜某某网"])
def test_web_page_title_is_the_articles_whatever_the_site_adds(tmp_path, page_title):
    (tmp_path / "p.html").write_text(f"<html><head><title>{page_title}</title></head><body><div>"
                                     + "".join(f"<p>{p}</p>" for p in HTML_BODY) + "</div></body></html>",
                                     encoding="utf-8")
    assert read_document(tmp_path / "p.html").title == HTML_TITLE


def test_docx_without_a_date_in_its_text_gets_no_template_date(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于某事的通知")
    document.add_paragraph("各单位：请认真落实。")
    document.save(str(tmp_path / "a.docx"))
    doc = read_document(tmp_path / "a.docx")
    assert doc.date == "" and doc.date_source == ""


def test_one_list_of_readable_formats():
    """Every ending in DOCUMENT_SUFFIXES has a reader, every reader's ending is listed, and the
    message for an unknown ending names exactly those endings."""
    from zhpolicy.reading import readers

    assert set(readers.READERS) == set(readers.DOCUMENT_SUFFIXES)
    message = readers.skip_reason(Path("表格.xyz"))
    assert all(suffix in message for suffix in readers.DOCUMENT_SUFFIXES)
