"""PDF families of the second reading round (issue 23), each in a PDF the test writes itself with
fpdf2 and the bundled Noto Sans SC: tables drawn without rules, ruled tables with merged cells and a
table running over two pages, mirrored book margins, a table of contents, a bilingual gazette set in
two columns, a browser print of a web page, a PDF dated only by its creation date."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import zhpolicy as zp
from zhpolicy.reading.clean import clean_text
from zhpolicy.reading.readers import read_document
from zhpolicy.teaching.fonts import bundled_font_path

fpdf = pytest.importorskip("fpdf")

# Our own sentences and figures in the style of a statistical bulletin (no third-party text).
INTRO = "全年全市规模以上工业增加值比上年增长6.2%，高技术制造业增加值增长9.1%。主要指标完成情况如下表。"
HEADER = ["指标", "2020年", "2025年", "属性"]
ROWS = [["研发经费投入强度（%）", "2.4", "3.0", "预期性"],
        ["每万人口高价值发明专利拥有量（件）", "6.3", "12", "预期性"],
        ["数字经济核心产业增加值占比（%）", "7.8", "10", "预期性"],
        ["单位地区生产总值能耗降低（%）", "—", "13.5", "约束性"]]
OUTRO = "下一步，全市将继续加大科技投入，推动科技创新和产业创新深度融合。"


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


def _pdf(**meta):
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_font("noto", "", str(bundled_font_path()))
    pdf.add_font("noto", "B", str(bundled_font_path()))
    pdf.set_font("noto", size=11)
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(meta.get("created", __import__("datetime").datetime(2021, 3, 4, 10, 0)))
    if meta.get("creator"):
        pdf.set_creator(meta["creator"])
    if meta.get("producer"):
        pdf.set_producer(meta["producer"])
    return pdf


def _paragraph(pdf, x: float, y: float, text: str, per_line: int, indent: bool = False) -> float:
    """Set *text* in lines of *per_line* characters (full-width, so full lines end at the same
    place), the way a CJK typesetter breaks them; return the y below the paragraph."""
    first = per_line - 2 if indent else per_line
    pieces = [text[:first]] + [text[first + k: first + k + per_line] for k in range(0, len(text) - first, per_line)]
    for n, piece in enumerate(p for p in pieces if p):
        pdf.set_xy(x + (2 * pdf.font_size if indent and n == 0 else 0), y)
        pdf.cell(0, pdf.font_size, piece)
        y += 1.6 * pdf.font_size
    return y + 0.6 * pdf.font_size


def write_unruled_table_pdf(path: Path) -> None:
    """A bulletin page whose table has no rules at all: cells placed in columns, the second label
    wrapped onto a line of its own, a 合计-style row whose label sits below its figures."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("noto", size=18)
    pdf.set_xy(72, 70)
    pdf.cell(451, 24, "某某市2025年科技创新发展统计公报", align="C")
    pdf.set_font("noto", size=11)
    pdf.set_xy(72, 120)
    pdf.multi_cell(451, 18, INTRO)
    columns = (72, 300, 370, 440)
    y = 180
    for x, text in zip(columns, HEADER):
        pdf.set_xy(x, y)
        pdf.cell(60, 16, text)
    for row in ROWS:
        y += 22
        label = row[0]
        if len(label) > 14:  # wrapped: the figures stand on the first line, the rest of the label below
            pdf.set_xy(columns[0], y)
            pdf.cell(200, 16, label[:11])
            for x, text in zip(columns[1:], row[1:]):
                pdf.set_xy(x, y)
                pdf.cell(60, 16, text)
            y += 16
            pdf.set_xy(columns[0], y)
            pdf.cell(200, 16, label[11:])
            continue
        for x, text in zip(columns, row):
            pdf.set_xy(x, y)
            pdf.cell(200 if x == columns[0] else 60, 16, text)
    pdf.set_xy(72, y + 40)
    pdf.multi_cell(451, 18, OUTRO)
    pdf.output(str(path))


def test_pdf_table_without_rules_is_a_table_not_prose(tmp_path):
    write_unruled_table_pdf(tmp_path / "公报.pdf")
    corpus = _quiet(zp.load_corpus, tmp_path)
    lines = corpus.iloc[0]["text"].split("\n")
    assert lines == ["某某市2025年科技创新发展统计公报", INTRO, "[表1]", OUTRO]
    cells = zp.tables(corpus)
    grid = [list(g.sort_values("column")["text"]) for _, g in cells.groupby("row")]
    assert grid == [HEADER] + ROWS
    body = cells[(cells["row"] == 2) & (cells["column"] == 2)].iloc[0]
    assert body["text"] == "12" and body["row_header"] == ROWS[1][0] and body["column_header"] == "2025年"
    assert list(cells[cells["row"] == 0]["header_row"]) == [True] * 4


def test_prose_with_figures_is_never_a_table(tmp_path):
    """Justified paragraphs full of figures, a signature line with a wide gap and a letter-spaced
    heading stay prose."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_xy(72, 80)
    pdf.char_spacing = 8
    pdf.cell(300, 18, "主要指标")
    pdf.char_spacing = 0
    for n, y in enumerate((120, 200, 280)):
        pdf.set_xy(72, y)
        pdf.multi_cell(451, 18, f"第{n + 1}季度全市地区生产总值1,234.5亿元，增长5.{n}%，其中工业增加值456.7亿元，增长6.{n}%，"
                                f"服务业增加值678.9亿元，增长4.{n}%，固定资产投资增长3.{n}%，社会消费品零售总额增长7.{n}%。",
                       align="J")
    pdf.set_xy(300, 400)
    pdf.cell(100, 16, "某某市统计局")
    pdf.set_xy(300, 420)
    pdf.cell(100, 16, "2025年3月1日")
    pdf.output(str(tmp_path / "季报.pdf"))
    doc = read_document(tmp_path / "季报.pdf")
    assert doc.tables == []
    assert "[表" not in clean_text(doc.text)


def write_ruled_table_pdf(path: Path) -> None:
    """A ruled table whose first column merges rows (rowspan) and that runs over two pages with
    its header printed again on the second."""
    pdf = _pdf()
    pdf.set_auto_page_break(True, margin=60)
    pdf.add_page()
    pdf.set_xy(72, 60)
    pdf.cell(451, 20, "上市公司行业分类结果", align="C")
    pdf.set_xy(72, 100)
    with pdf.table(col_widths=(150, 80, 120), width=350, align="LEFT", line_height=18, repeat_headings=1) as table:
        header = table.row()
        for text in ("门类", "代码", "简称"):
            header.cell(text)
        for group in range(3):
            for k in range(15):
                row = table.row()
                if k == 0:
                    row.cell(f"门类{group + 1}", rowspan=15)
                row.cell(f"{600000 + group * 100 + k}")
                row.cell(f"公司{group}{k:02d}")
    pdf.output(str(path))


def test_ruled_table_merged_cells_and_continuation(tmp_path):
    write_ruled_table_pdf(tmp_path / "分类.pdf")
    doc = read_document(tmp_path / "分类.pdf")
    assert "\f" in doc.text, "the table runs over two pages"
    assert len(doc.tables) == 1, "a table continued on the next page is one table"
    table = doc.tables[0]
    assert table.cells[0] == ["门类", "代码", "简称"] and len(table.cells) == 46  # header once + 45 rows
    assert table.cells[1] == ["门类1", "600000", "公司000"] and table.merged[1] == [False, False, False]
    assert table.cells[2] == ["门类1", "600001", "公司001"] and table.merged[2] == [True, False, False]
    assert [r[1] for r in table.cells[1:]] == [str(600000 + g * 100 + k) for g in range(3) for k in range(15)]
    assert clean_text(doc.text).split("\n") == ["上市公司行业分类结果", "[表1]"]


# ---------------------------------------------------------------- page layout families

# The first line of each article holds no comma (a reader of the text alone would take it for a title).
BOOK = ("第十一条　本市依照宪法和法律规定的权限制定地方性法规并组织实施有关保障居民的基本权利和自由的制度，"
        "行政管理、立法和司法方面的制度，以及有关政策，均以本条例的规定为依据。")


def test_table_of_contents_entries_are_never_wrapped_lines():
    from zhpolicy.reading.pdf import Line, _wrapped

    entry = Line("第一章 总则 ........................................ 1", 72, 400, 700, 690, 10)
    following = Line("中华人民共和国主席令 ................................ 39", 72, 400, 684, 674, 10)
    prose = Line("本市依照宪法和法律规定的权限制定地方性法规并组织实施", 72, 400, 700, 690, 10)
    rest = Line("有关保障居民的基本权利和自由的制度。", 72, 300, 684, 674, 10)
    assert not _wrapped(entry, following, 72, 400, 10, 16, same_page=True)
    assert _wrapped(prose, rest, 72, 400, 10, 16, same_page=True)


def test_mirrored_book_margins(tmp_path):
    """Odd and even pages with different margins (a book or gazette): each page's wraps are joined."""
    pdf = _pdf()
    articles = [BOOK,
                "第十二条　市人民政府应当将科技创新纳入国民经济和社会发展规划并建立稳定增长的财政科技投入机制，"
                "保障重大科技任务、基础研究和科技基础设施建设的经费需要。",
                "第十三条　本市支持高等学校和科研机构围绕国家战略需求开展基础研究和应用基础研究，"
                "鼓励企业参与或者联合开展基础研究，推动形成多元投入格局。",
                "第十四条　市科技行政部门负责本市科技创新工作的统筹协调和监督管理，"
                "其他有关部门在各自职责范围内做好相关工作。"]
    for page, left in enumerate((72, 110)):  # mirrored: the even page's text block is shifted right
        pdf.add_page()
        y = _paragraph(pdf, left, 100, articles[2 * page], 26, indent=True)
        _paragraph(pdf, left, y, articles[2 * page + 1], 26, indent=True)
    pdf.output(str(tmp_path / "条例.pdf"))
    text = clean_text(read_document(tmp_path / "条例.pdf").text)
    lines = text.split("\n")
    assert lines == [article.replace("\u3000", " ") for article in articles]


def test_bilingual_gazette_columns_keep_their_own_wraps(tmp_path):
    """A gazette page with Chinese on the left and English on the right: the Chinese paragraph is
    joined within its column, never interleaved with the English one."""
    chinese = "因此本人现公布列于附表的条例自二〇二〇年六月三十日晚上十一时起在本区实施并由各部门遵照执行。"
    english = ("NOW, THEREFORE, the Chief Executive gives notice that the ordinance set out in the Schedule "
               "applies from 30 June 2020 and all departments shall comply with it.")
    pdf = _pdf()
    pdf.add_page()
    _paragraph(pdf, 60, 100, chinese, 18)
    pdf.set_xy(310, 100)
    pdf.multi_cell(220, 17.6, english, align="J")
    pdf.output(str(tmp_path / "宪报.pdf"))
    lines = clean_text(read_document(tmp_path / "宪报.pdf").text).split("\n")
    assert lines == [chinese, english]


# ---------------------------------------------------------------- browser prints and file dates

def test_browser_print_titled_by_its_page_title_and_not_dated_by_printing(tmp_path):
    pdf = _pdf(creator="Mozilla/5.0 (X11; Linux x86_64) Chrome/121.0", producer="Skia/PDF m121")
    bodies = ["人工智能亦称机器智能，指由人制造出来的机器所表现出来的智能，通常指通过普通计算机程序来呈现人类智能的技术。",
              "该词也指出研究这样的智能系统是否能够实现，以及如何实现的科学领域，同时也是一门交叉学科。",
              "人工智能的研究是高度技术性和专业的，各分支领域都是深入且各不相通的，因而涉及范围极广。",
              "早期的研究人员直接模仿人类进行逐步的推理，就像是玩棋盘游戏或进行逻辑推理时人类的思考模式。"]
    for n in (1, 2):
        pdf.add_page()
        pdf.set_font("noto", size=8)
        pdf.set_xy(30, 20)
        pdf.cell(400, 10, "2/2/24, 2:43 PM 人工智能 - 维基百科，自由的百科全书")
        pdf.set_xy(30, 810)
        pdf.cell(400, 10, f"https://zh.wikipedia.org/wiki/人工智能 {n}/2")
        pdf.set_font("noto", size=11)
        y = 100
        for body in bodies[2 * n - 2: 2 * n]:
            y = _paragraph(pdf, 72, y, body, 30)
    pdf.output(str(tmp_path / "ai_cn.pdf"))
    row = _quiet(zp.load_corpus, tmp_path).iloc[0]
    assert (row["title"], row["title_source"]) == ("人工智能", "print_header")
    assert (row["date"], row["date_source"]) == ("", "")
    assert row["text"].split("\n") == bodies


def test_date_from_file_properties_is_a_flagged_guess(tmp_path):
    pdf = _pdf(created=__import__("datetime").datetime(2018, 10, 12, 9, 0))
    pdf.add_page()
    pdf.set_xy(72, 80)
    pdf.multi_cell(451, 18, "本表列出各上市公司所属的行业门类和大类。")
    pdf.output(str(tmp_path / "名单.pdf"))
    with pytest.warns(UserWarning, match="取自文件属性"):
        row = zp.load_corpus(tmp_path).iloc[0]
    assert (row["date"], row["date_source"]) == ("2018-10-12", "pdf_metadata")
