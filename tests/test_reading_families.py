"""Each defect family of the reading stage (issues 23 and 26), reproduced by a file the test writes
itself, with the exact text, title, date and table cells the reader must give."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

import zhpolicy as zp
from zhpolicy.errors import CorpusError
from zhpolicy.reading import readers
from zhpolicy.reading.clean import clean_text
from zhpolicy.reading.readers import read_document
from zhpolicy.teaching.fonts import bundled_font_path

# Our own sentences in the style of policy texts (no third-party text).
PDF_TITLE = "某某市2024年国民经济和社会发展统计公报"
PARAGRAPH = ("初步核算，全年全市地区生产总值比上年增长" "6.5%，其中第一产业增加值增长3.1%，第二产业增加值增长"
             "7.2%，第三产业增加值增长6.4%。全年城镇新增就业12万人，城镇调查失业率为5.1%。")
TABLE = [["指标", "2020年", "2025年", "属性"], ["研发经费投入强度（%）", "2.4", "3.0", "预期性"],
         ["每万人口高价值发明专利拥有量（件）", "6.3", "12", "预期性"]]


def _quiet(func, *args, **kwargs):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


def write_bulletin_pdf(path: Path) -> None:
    """Two pages: a running head and page numbers, a large title and its date, a justified paragraph
    whose lines break before figures, a letter-spaced heading, and a ruled table."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_font("noto", "", str(bundled_font_path()))
    pdf.add_font("noto", "B", str(bundled_font_path()))
    pdf.set_auto_page_break(False)
    size = 12
    for number in (1, 2):
        pdf.add_page()
        pdf.set_font("noto", size=9)
        pdf.set_xy(72, 30)
        pdf.cell(200, 12, "某某市统计局")
        pdf.set_xy(280, 800)
        pdf.cell(40, 12, f"- {number} -")
        pdf.set_font("noto", size=size)
        if number == 1:
            pdf.set_font("noto", size=20)
            pdf.set_xy(72, 80)
            pdf.cell(451, 30, PDF_TITLE, align="C")
            pdf.set_font("noto", size=size)
            pdf.set_xy(72, 115)
            pdf.cell(451, 16, "（2025年3月1日）", align="C")
            pdf.set_xy(72, 150)
            pdf.multi_cell(20 * size + 0.5, 18, PARAGRAPH, align="J")
        else:
            pdf.char_spacing = 10
            pdf.set_xy(72, 80)
            pdf.cell(300, 18, "主要指标")
            pdf.char_spacing = 0
            pdf.set_xy(72, 110)
            with pdf.table(col_widths=(190, 60, 60, 60), width=370, align="LEFT", line_height=18) as table:
                for row in TABLE:
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
    pdf.output(str(path))


def test_pdf_by_layout_joins_wraps_before_figures_and_drops_furniture(tmp_path):
    write_bulletin_pdf(tmp_path / "公报.pdf")
    doc = read_document(tmp_path / "公报.pdf")
    assert "\u2028" in doc.text, "the wrapped lines are marked as such in the raw text"
    text = clean_text(doc.text)
    lines = text.split("\n")
    assert PARAGRAPH in lines, text
    assert "某某市统计局" not in text and "- 1 -" not in text and "- 2 -" not in text
    assert "主要指标" in lines  # letter-spaced heading closed up
    assert "[表1]" in lines and "研发经费" not in text
    corpus = _quiet(zp.load_corpus, tmp_path)
    row = corpus.iloc[0]
    assert row["title"] == PDF_TITLE and row["title_source"] == "heading"
    assert row["date"] == "2025-03-01" and row["date_source"] == "text_header"
    audit = zp.cleaning_audit(corpus).set_index("step")["changes"]
    assert audit["join_wrapped_lines"] >= 3  # every join is counted


def test_pdf_table_cells_with_headers(tmp_path):
    write_bulletin_pdf(tmp_path / "公报.pdf")
    cells = zp.tables(_quiet(zp.load_corpus, tmp_path))
    grid = [list(g.sort_values("column")["text"]) for _, g in cells.groupby("row")]
    assert grid == TABLE
    body = cells[(cells["row"] == 1) & (cells["column"] == 2)].iloc[0]
    assert body["row_header"] == "研发经费投入强度（%）" and body["column_header"] == "2025年"
    assert not body["header_row"] and not body["merged"] and body["source"] == "pdf"


def write_docx_with_table(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("在全市科技创新大会上的讲话")
    document.add_paragraph("（2024年5月20日）")
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开全市科技创新大会，主要任务是部署下一阶段工作。")
    table = document.add_table(rows=3, cols=3)
    values = [["项目", "2023年", "2024年"], ["研发投入", "120", "120"], ["合计", "", ""]]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "240"
    document.add_paragraph("请大家抓好落实。")
    document.save(str(path))


def test_docx_table_kept_apart_and_equal_cells_both_kept(tmp_path):
    write_docx_with_table(tmp_path / "讲话.docx")
    corpus = _quiet(zp.load_corpus, tmp_path)
    row = corpus.iloc[0]
    assert row["title"] == "在全市科技创新大会上的讲话"  # never the salutation
    assert row["date"] == "2024-05-20" and row["date_source"] == "text_header"
    assert row["text"].split("\n") == ["在全市科技创新大会上的讲话", "（2024年5月20日）", "同志们：",
                                       "今天召开全市科技创新大会，主要任务是部署下一阶段工作。", "[表1]", "请大家抓好落实。"]
    cells = zp.tables(corpus)
    research = cells[cells["row"] == 1]
    assert list(research["text"]) == ["研发投入", "120", "120"]  # the second 120 is a cell of its own
    assert list(research["merged"]) == [False, False, False]
    total = cells[cells["row"] == 2]
    assert list(total["text"]) == ["合计", "240", "240"] and list(total["merged"]) == [False, False, True]
    assert list(cells[cells["row"] == 1]["column_header"])[1:] == ["2023年", "2024年"]


def test_markdown_front_matter_and_comments(tmp_path):
    (tmp_path / "声明.md").write_text(
        "---\ntitle: 关于数据开放的声明\ndate: 2024-06-01\nauthor: 某某研究中心\n---\n\n"
        "<!-- 内部备注：不要发布 -->\n\n# 关于数据开放的声明\n\n## 一、总体要求\n\n"
        "本中心**依法**公开[数据目录](https://example.org)。\n\n| 指标 | 2025年 |\n|---|---|\n| 开放数据集 | 300 |\n",
        encoding="utf-8")
    corpus = _quiet(zp.load_corpus, tmp_path)
    row = corpus.iloc[0]
    assert row["title"] == "关于数据开放的声明" and row["title_source"] == "front_matter"
    assert row["date"] == "2024-06-01" and row["date_source"] == "front_matter"
    assert row["author"] == "某某研究中心"
    assert row["text"].split("\n") == ["关于数据开放的声明", "一、总体要求", "本中心依法公开数据目录。", "[表1]"]
    outline = zp.outline(corpus)
    assert "一、总体要求" in set(outline["marker"] + outline["heading"])
    cells = zp.tables(corpus)
    assert list(cells["text"]) == ["指标", "2025年", "开放数据集", "300"]
    assert list(cells["header_row"]) == [True, True, False, False]


def test_export_header_becomes_metadata(tmp_path):
    (tmp_path / "导出.txt").write_text(
        "    【法宝引证码】 CLI.12.000001\n原文链接：https://www.example.org/lar/abc.html\n"
        "某某市人民政府关于印发科技创新促进办法的通知\n某某市人民政府关于印发科技创新促进办法的通知\n\n"
        "（某府发〔2023〕5号）\n\n各区人民政府：\n　　现将《某某市科技创新促进办法》印发给你们，请认真执行。\n"
        "　　二〇二三年三月八日\n", encoding="utf-8")
    row = _quiet(zp.load_corpus, tmp_path).iloc[0]
    assert row["title"] == "某某市人民政府关于印发科技创新促进办法的通知"
    assert row["date"] == "2023-03-08" and row["date_source"] == "text_end"
    assert "法宝引证码" not in row["text"] and "example.org" not in row["text"]
    assert row["text"].split("\n")[0] == "某某市人民政府关于印发科技创新促进办法的通知"


def test_export_header_date_field(tmp_path):
    (tmp_path / "a.txt").write_text("【标 题】关于推进数字经济发展的意见\n【发布部门】某某省人民政府\n【发布日期】2022.05.06\n"
                                    "【法宝引证码】CLI.12.2\n\n各市人民政府：为推进数字经济发展，提出如下意见。\n", encoding="utf-8")
    row = _quiet(zp.load_corpus, tmp_path).iloc[0]
    assert (row["title"], row["title_source"]) == ("关于推进数字经济发展的意见", "export_header")
    assert (row["date"], row["date_source"]) == ("2022-05-06", "export_header")
    assert row["source"] == "某某省人民政府"
    assert row["text"] == "各市人民政府：为推进数字经济发展，提出如下意见。"


NEWS = """<html><head><meta charset="utf-8"><title>某某区召开科技创新推进会-某某新闻网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>
<div class="article"><h1>某某区召开科技创新推进会</h1><div class="info"><span>2024-06-01 09:30</span> 来源：某某日报</div>
<div class="content"><p>6月1日，某某区召开科技创新推进会，部署全年重点任务。</p>
<p>会议指出，要坚持不得嵌入<script>标签的要求，网页上也写作&lt;script&gt;，全年研发投入增长12%。</p>
<p>（责任编辑：王某）</p></div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/1">另一条新闻的标题写在这里</a></li></ul></div></div>
<div class="footer">版权所有 某某新闻网</div></body></html>"""


def test_html_editor_line_date_beside_headline_and_script_in_text(tmp_path):
    # the body mentions a <script> tag in plain words: a parser sees an unclosed script element,
    # so the page is written with the mention escaped the way an editor would; a .txt keeps it raw
    page = NEWS.replace("不得嵌入<script>标签", "不得嵌入&lt;script&gt;标签")
    (tmp_path / "新闻.html").write_text(page, encoding="utf-8")
    row = _quiet(zp.load_corpus, tmp_path).iloc[0]
    assert (row["title"], row["date"], row["date_source"]) == ("某某区召开科技创新推进会", "2024-06-01", "html_text")
    assert row["text"].split("\n") == [
        "某某区召开科技创新推进会", "6月1日，某某区召开科技创新推进会，部署全年重点任务。",
        "会议指出，要坚持不得嵌入<script>标签的要求，网页上也写作<script>，全年研发投入增长12%。"]


def test_a_less_than_sign_that_opens_no_markup_is_text(tmp_path):
    body = "各单位不得嵌入<script>标签，页面写作&lt;script&gt;时也一样，a<b时取值为3。\n全年研发投入增长12%。"
    (tmp_path / "a.txt").write_text(f"关于网页安全的通知\n{body}\n<p>末段</p>\n", encoding="utf-8")
    text = _quiet(zp.load_corpus, tmp_path).iloc[0]["text"]
    assert text.split("\n") == ["关于网页安全的通知", "各单位不得嵌入<script>标签，页面写作<script>时也一样，a<b时取值为3。",
                                "全年研发投入增长12%。", "末段"]


def test_html_declared_charset_that_does_not_fit_the_bytes(tmp_path):
    page = "<html><head><meta charset=\"{}\"><title>关于开展科技活动周的通知</title></head><body><p>各单位：定于5月开展科技活动周，请认真组织。</p></body></html>"
    (tmp_path / "a.html").write_bytes(page.format("gb2312").encode("utf-8"))
    (tmp_path / "b.html").write_bytes(page.format("utf-8").encode("gbk"))
    corpus = _quiet(zp.load_corpus, tmp_path)
    for text in corpus["text"]:
        assert "各单位：定于5月开展科技活动周，请认真组织。" in text


def test_utf16_without_bom_is_text_not_binary(tmp_path):
    (tmp_path / "a.txt").write_bytes("关于推进科技创新的通知\n各单位：请认真落实。\n".encode("utf-16-le"))
    corpus = _quiet(zp.load_corpus, tmp_path)
    assert corpus.iloc[0]["text"] == "关于推进科技创新的通知\n各单位：请认真落实。"


def test_deeply_nested_page_is_read(tmp_path):
    depth = 3000
    page = "<html><body>" + "<div>" * depth + "<p>各单位：请认真落实科技创新政策，确保各项措施落地见效。</p>" + "</div>" * depth + "</body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert "各单位：请认真落实科技创新政策，确保各项措施落地见效。" in doc.text


def test_links_are_listed_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("不属于语料的文字，共有三句话。", encoding="utf-8")
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("关于科技创新的通知\n请认真落实。", encoding="utf-8")
    try:
        os.symlink(outside / "secret.txt", corpus_dir / "link.txt")
        os.symlink(outside, corpus_dir / "linked_folder")
    except OSError:
        pytest.skip("symbolic links cannot be made here")
    corpus = _quiet(zp.load_corpus, corpus_dir)
    assert list(corpus["doc_id"]) == ["a"]
    reasons = {s["file"]: s["reason"] for s in corpus.attrs["skipped"]}
    assert "符号链接" in reasons["link.txt"] and "follow_links=True" in reasons["link.txt"]
    assert "符号链接" in reasons["linked_folder/"]
    both = _quiet(zp.load_corpus, corpus_dir, follow_links=True)
    assert set(both["doc_id"]) == {"a", "link", "linked_folder/secret"}


def test_file_name_with_bytes_that_are_not_utf8(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("关于科技创新的通知\n请认真落实。", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(corpus_dir), b"bad\xff\xfe.txt"), "wb") as handle:
            handle.write("一篇文件名坏了的文档。".encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses such names")
    corpus = _quiet(zp.load_corpus, corpus_dir)
    assert list(corpus["doc_id"]) == ["a"]
    skipped = corpus.attrs["skipped"][0]
    assert "\\xff" in skipped["file"] and "改个名字" in skipped["reason"]
    assert zp.corpus_fingerprint(corpus_dir)


def test_docx_that_unpacks_too_far_is_refused(tmp_path, monkeypatch):
    write_docx_with_table(tmp_path / "a.docx")
    monkeypatch.setattr(readers, "MAX_DOCX_XML_BYTES", 1000)
    with pytest.raises(CorpusError, match="上限"):
        read_document(tmp_path / "a.docx")


def _ole(stream: str) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + stream.encode("utf-16-le") + bytes(400)


def test_what_a_misnamed_office_file_really_is(tmp_path):
    with zipfile.ZipFile(tmp_path / "表格.docx", "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    (tmp_path / "加密.docx").write_bytes(_ole("EncryptedPackage"))
    (tmp_path / "旧版.docx").write_bytes(_ole("WordDocument"))
    (tmp_path / "空.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                      b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    reasons = {}
    for name in ("表格.docx", "加密.docx", "旧版.docx", "空.pdf"):
        with pytest.raises(CorpusError) as info:
            read_document(tmp_path / name)
        reasons[name] = str(info.value)
    assert "Excel" in reasons["表格.docx"]
    assert "密码" in reasons["加密.docx"]
    assert "旧版 Word" in reasons["旧版.docx"]
    assert "扫描件" not in reasons["空.pdf"]


def test_every_file_skipped_lists_the_reasons(tmp_path):
    (tmp_path / "a.doc").write_bytes(_ole("WordDocument"))
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(10))
    with pytest.raises(CorpusError) as info:
        _quiet(zp.load_corpus, tmp_path)
    message = str(info.value)
    assert "a.doc" in message and "另存为" in message and "b.png" in message and "文字识别" in message


def test_notice_docx_is_a_document_but_notice_txt_is_not(tmp_path):
    assert readers.skip_reason(Path("notice.docx")) is None
    assert readers.skip_reason(Path("NOTICE.txt"))
    assert readers.skip_reason(Path("NOTICE"))


def test_xlsx_advice():
    reason = readers.skip_reason(Path("数据.xlsx"))
    assert ".docx" in reason and "read_excel" in reason


def test_short_gbk_catalog_is_read_as_chinese(tmp_path):
    (tmp_path / "a.txt").write_text("正文第一句。", encoding="utf-8")
    (tmp_path / "catalog.csv").write_bytes("file,title\na.txt,科技创新工作报告\n".encode("gbk"))
    corpus = _quiet(zp.load_corpus, tmp_path)
    assert corpus.iloc[0]["title"] == "科技创新工作报告" and corpus.attrs["catalog_problems"] == []


def test_pdf_with_image_pages_warns(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image

    picture = tmp_path / "p.png"
    Image.new("RGB", (60, 60), "white").save(picture)
    pdf = fpdf.FPDF(unit="pt")
    pdf.add_font("noto", "", str(bundled_font_path()))
    pdf.add_page()
    pdf.set_font("noto", size=12)
    pdf.set_xy(72, 72)
    pdf.multi_cell(400, 18, "关于科技创新工作的报告。" * 8)
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(picture), x=72, y=72, w=400)
    pdf.output(str(tmp_path / "a.pdf"))
    doc = read_document(tmp_path / "a.pdf")
    assert doc.warnings and "2 页" in doc.warnings[0]


def test_catalog_command_lists_skipped_files(tmp_path, capsys):
    from zhpolicy.cli import main

    (tmp_path / "a.txt").write_text("关于科技创新的通知\n请认真落实。", encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(b"PK")
    assert main(["catalog", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "b.xlsx" in err and "Excel" in err


@pytest.mark.parametrize("head, iso, where", [
    ("date 2024-06-01\n关于推进科技创新的通知\n正文第一句。", "2024-06-01", "text_header"),
    ("关于推进科技创新的通知\n发布时间：2022-05-06 09:30:00\n正文第一句。", "2022-05-06", "text_header"),
    ("关于推进科技创新的通知\n来源：某某日报 2021-07-08\n正文第一句。", "2021-07-08", "text_header"),
    ("关于2020年2月1日—2020年2月29日审批决定的公告\n（2020年）\n正文第一句。", "2020", "text_header"),
])
def test_document_date_from_its_own_lines(tmp_path, head, iso, where):
    (tmp_path / "a.txt").write_text(head, encoding="utf-8")
    row = _quiet(zp.load_corpus, tmp_path).iloc[0]
    assert (row["date"], row["date_source"]) == (iso, where)


def test_hard_wrapped_text_is_rejoined_only_where_wrapped(tmp_path):
    wrapped = ["关于加快推进科技创新和产业创新深度融合的实施意见",
               "各区人民政府，市政府各部门，各有关单位：为深入贯彻落实",
               "党中央、国务院决策部署，加快推进科技创新和产业创新深度",
               "融合，现提出如下意见。",
               "",
               "一、总体要求",
               "到2027年，全市研发经费投入强度达到百分之三点五以上，高",
               "新技术企业数量达到一万家，科技成果转化水平明显提升。",
               "详见https://www.example.org/a",
               "附件下载"]
    (tmp_path / "a.txt").write_text("\n".join(wrapped), encoding="utf-8")
    text = _quiet(zp.load_corpus, tmp_path).iloc[0]["text"]
    assert text.split("\n") == [
        "关于加快推进科技创新和产业创新深度融合的实施意见",
        "各区人民政府，市政府各部门，各有关单位：为深入贯彻落实党中央、国务院决策部署，加快推进科技创新和产业创新深度融合，现提出如下意见。",
        "一、总体要求",
        "到2027年，全市研发经费投入强度达到百分之三点五以上，高新技术企业数量达到一万家，科技成果转化水平明显提升。",
        "详见https://www.example.org/a",
        "附件下载"]
