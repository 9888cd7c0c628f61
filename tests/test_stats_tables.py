"""Statistics from table cells: a .docx, a web page and a Markdown file written here (a 十四五-style
主要指标 table: 指标 / 2020年 / 2025年 / 属性), and one written table per family of headers."""

import warnings

import docx
import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.extraction.stats import YEAR_SOURCES, extract_statistics
from zhpolicy.extraction.stats.explain import percent_kind

PLAN = [["指标", "2020年", "2025年", "属性"],
        ["研发经费投入强度（%）", "2.4", "3.0", "预期性"],
        ["每万人口高价值发明专利拥有量（件）", "6.3", "12", "预期性"],
        ["单位地区生产总值能源消耗降低（%）", "—", "〔13.5〕", "约束性"],
        ["城镇调查失业率（%）", "5.2", "<5.5", "预期性"]]


def write_docx(path, rows, before=("某市“十四五”规划", "表1 主要指标"), after="到2025年，全市科技创新能力显著增强。"):
    document = docx.Document()
    for line in before:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(after)
    document.save(path)


def html_table(rows, caption=""):
    head = "".join(f"<th>{h}</th>" for h in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows[1:])
    return f"<p>{caption}</p><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if caption else (
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def write_html(path, rows, caption="表1 主要指标", title="某市“十四五”规划", date="2021-03-01", after="<p>全市上下共同努力。</p>"):
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='article'>"
        f"<h1>{title}</h1><p>发布时间：{date}</p><p>“十四五”时期，全市经济社会发展的主要目标如下，坚持稳中求进。</p>"
        f"{html_table(rows, caption)}{after}</div></body></html>", encoding="utf-8")


def write_markdown(path, rows, caption="表1 主要指标", title="某市“十四五”规划"):
    lines = [f"# {title}", "", caption, "", "| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    path.write_text("\n".join(lines + ["", "以上指标由市发展改革委牵头落实。", ""]), encoding="utf-8")


def load(folder, catalog=None):
    if catalog:
        (folder / "catalog.csv").write_text("file,title,date\n" + "".join(f"{f},,{d}\n" for f, d in catalog.items()),
                                            encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zp.load_corpus(folder)


def cells_of(stats):
    return stats[stats["table"].notna()].reset_index(drop=True)


@pytest.mark.parametrize("writer, name", [(write_docx, "plan.docx"), (write_html, "plan.html"), (write_markdown, "plan.md")])
def test_a_plans_main_indicator_table_in_every_format(tmp_path, writer, name):
    writer(tmp_path / name, PLAN)
    corpus = load(tmp_path, {name: "2021-03-01"})
    stats = extract_statistics(corpus)
    found = cells_of(stats)
    got = {(r.indicator, r.year): (r.value, r.unit, r.kind, r.qualifier) for r in found.itertuples()}
    assert got == {
        ("研发经费投入强度", "2020"): (2.4, "%", "achieved", ""),
        ("研发经费投入强度", "2025"): (3.0, "%", "target", ""),
        ("每万人口高价值发明专利拥有量", "2020"): (6.3, "件", "achieved", ""),
        ("每万人口高价值发明专利拥有量", "2025"): (12, "件", "target", ""),
        ("单位地区生产总值能源消耗降低", "2025"): (13.5, "%", "target", "累计"),
        ("城镇调查失业率", "2020"): (5.2, "%", "achieved", ""),
        ("城镇调查失业率", "2025"): (5.5, "%", "target", "<"),
    }
    assert set(found["year_source"]) == {"column_header"} and set(found["year_line"]) == {"2020年", "2025年"}
    assert set(found.loc[found["kind"] == "target", "kind_cue"]) == {"属性:预期性", "属性:约束性"}
    # each figure traced to its cell, as a prose figure is to its sentence
    first = found.iloc[0]
    assert (first["table"], first["row"], first["column"], first["surface"]) == (1, 1, 1, "2.4")
    assert first["sentence"] == "表1 主要指标｜研发经费投入强度（%）｜2020年：2.4"
    text = corpus.set_index("doc_id").loc[first["doc_id"], "text"]
    assert text[first["start"]:first["end"]] == "[表1]"
    # the prose around the table is read as before, in text order
    assert stats["start"].is_monotonic_increasing


def test_the_prose_alone_when_asked_and_for_plain_texts(tmp_path):
    write_docx(tmp_path / "plan.docx", PLAN)
    corpus = load(tmp_path)
    assert cells_of(extract_statistics(corpus, tables=False)).empty
    assert len(cells_of(extract_statistics(corpus))) == 7
    plain = extract_statistics({"a": "全市地区生产总值增长5.2%。"})
    assert plain["table"].isna().all() and str(plain["table"].dtype) == "Int64"
    # the cells of zp.tables can be given (e.g. filtered)
    cells = zp.tables(corpus)
    assert len(cells_of(extract_statistics(corpus, tables=cells[cells["row"] <= 1]))) == 2


def test_a_bulletins_table_units_from_caption_blocks_and_unit_column(tmp_path):
    rows = [["项目", "2013", "2014"],
            ["总产出(亿元)", "61780.20", "70742.78"],
            ["第一产业", "3170.16", "3400.90"],
            ["总产出指数(上年=100)", "116.20", "110.50"],
            ["第一产业", "104.40", "104.40"],
            ["总产出构成(%)", "100.00", "100.00"],
            ["第一产业", "5.10", "4.80"]]
    write_markdown(tmp_path / "yearbook.md", rows, caption="单位:亿元", title="2-3 总产出")
    found = cells_of(extract_statistics(load(tmp_path)))
    assert list(zip(found["indicator"], found["year"], found["value"], found["unit"])) == [
        ("总产出", "2013", 6178020000000, "元"), ("总产出", "2014", 7074278000000, "元"),
        ("第一产业", "2013", 317016000000, "元"), ("第一产业", "2014", 340090000000, "元"),
        ("总产出指数", "2013", 116.2, ""), ("总产出指数", "2014", 110.5, ""),   # an index: no unit
        ("第一产业", "2013", 104.4, ""), ("第一产业", "2014", 104.4, ""),
        ("总产出构成", "2013", 100, "%"), ("总产出构成", "2014", 100, "%"),
        ("第一产业", "2013", 5.1, "%"), ("第一产业", "2014", 4.8, "%")]
    assert set(found["kind"]) == {"achieved"}


def test_a_unit_column_growth_columns_and_the_year_above_the_table(tmp_path):
    rows = [["指标", "单位", "1-3季度全市", "比去年同期增长(%)"],
            ["生猪出栏", "万头", "184.26", "3.6"],
            ["家禽出栏", "万只", "1522.62", "-22.1"]]
    write_docx(tmp_path / "agri.docx", rows, before=("2014年1-3季度主要农产品生产和存栏情况",), after="注：数据为初步统计。")
    found = cells_of(extract_statistics(load(tmp_path, {"agri.docx": "2014-10-30"})))
    assert list(zip(found["value"], found["unit"], found["year"], found["year_source"], found["qualifier"])) == [
        (1842600, "头", "2014", "caption", ""), (3.6, "%", "2014", "caption", "增长"),
        (15226200, "只", "2014", "caption", ""), (-22.1, "%", "2014", "caption", "增长")]
    growth = found[found["unit"] == "%"]
    assert [percent_kind(r) for r in growth.to_dict("records")] == ["growth", "growth"]
    assert set(found["kind"]) == {"achieved"}


def test_headers_that_decide_the_kind(tmp_path):
    plan = [["指标", "2023年基期", "2027年目标"], ["数字经济核心产业增加值占比（%）", "8.5", "12"]]
    bulletin = [["指标", "2023年", "比上年增长（%）", "比上年增减（个百分点）"],
                ["地区生产总值（亿元）", "12000", "5.2", "—"], ["常住人口城镇化率（%）", "65.2", "—", "0.9"]]
    projects = [["项目", "计划总投资（亿元）"], ["新材料产业园", "35"], ["智能制造基地", "12"]]
    (tmp_path / "p.html").write_text(
        "<html><head><meta charset='utf-8'><title>某市工作要点</title></head><body><div class='article'>"
        "<h1>某市工作要点</h1><p>发布时间：2024-01-10</p><p>全市上下坚持稳中求进工作总基调，扎实推动高质量发展。</p>"
        + html_table(plan, "表1 目标指标") + html_table(bulletin, "表2 经济发展情况") + html_table(projects, "表3 重点项目")
        + "<p>各单位抓好落实。</p></div></body></html>", encoding="utf-8")
    found = cells_of(extract_statistics(load(tmp_path, {"p.html": "2024-01-10"})))
    assert list(zip(found["table"], found["surface"], found["kind"], found["kind_cue"], found["unit"], found["year"])) == [
        (1, "8.5", "achieved", "列标题:基期", "%", "2023"), (1, "12", "target", "列标题:目标", "%", "2027"),
        (2, "12000", "achieved", "", "元", "2023"), (2, "5.2", "achieved", "", "%", "2023"),
        (2, "65.2", "achieved", "", "%", "2023"), (2, "0.9", "comparison", "列标题:个百分点", "个百分点", "2023"),
        (3, "35", "plan", "列标题:计划总投资", "元", ""), (3, "12", "plan", "列标题:计划总投资", "元", "")]


def test_period_columns_a_cells_own_year_and_a_table_of_years_in_rows(tmp_path):
    plan = [["指标", "2020年", "2025年", "年均增长（%）", "属性"],
            ["地区生产总值（亿元）", "10200", "14000", "6.5左右", "预期性"],
            ["森林覆盖率（%）", "45.1（2019年）", "46", "—", "约束性"]]
    write_markdown(tmp_path / "plan.md", plan)
    years = [["年份", "工业增加值（亿元）", "比上年增长（%）"], ["2017年", "8749.14", "9.4"], ["2018年", "9245.0", "9.0"]]
    write_markdown(tmp_path / "series.md", years, caption="表3 2017-2018年全部工业增加值", title="工业")
    stats = cells_of(extract_statistics(load(tmp_path, {"plan.md": "2021-02-01", "series.md": "2019-03-01"})))
    plan_rows = stats[stats["doc_id"] == "plan"]
    assert list(zip(plan_rows["surface"], plan_rows["year"], plan_rows["year_source"], plan_rows["kind"],
                    plan_rows["qualifier"])) == [
        ("10200", "2020", "column_header", "achieved", ""), ("14000", "2025", "column_header", "target", ""),
        ("6.5左右", "2021-2025", "column_header", "target", "左右"),
        ("45.1（2019年）", "2019", "cell", "achieved", ""), ("46", "2025", "column_header", "target", "")]
    series = stats[stats["doc_id"] == "series"]
    assert list(zip(series["indicator"], series["year"], series["year_source"], series["unit"])) == [
        ("工业增加值", "2017", "row_header", "元"), ("比上年增长", "2017", "row_header", "%"),
        ("工业增加值", "2018", "row_header", "元"), ("比上年增长", "2018", "row_header", "%")]
    assert {"cell", "column_header", "row_header", "caption"} <= set(YEAR_SOURCES)


def test_codes_serial_numbers_and_label_tables_give_no_figures(tmp_path):
    codes = [["序号", "行业大类代码", "上市公司代码", "上市公司简称"], ["1", "01", "000998", "隆平高科"],
             ["2", "02", "600354", "敦煌种业"], ["3", "03", "600467", "好当家"]]
    write_html(tmp_path / "codes.html", codes, caption="上市公司行业分类结果", date="2018-10-12")
    labels = [["一级指标", "二级指标"], ["经济实力", "X1:人均GDP (万元/人)"], ["产业结构", "X5:第一产业增加值占GDP比重(%)"]]
    write_markdown(tmp_path / "labels.md", labels, caption="表1 评价指标")
    serial = [["序号", "项目名称", "总投资（亿元）"], ["1", "新材料产业园", "12.5"], ["2", "智能制造基地", "8"]]
    write_docx(tmp_path / "projects.docx", serial, before=("重点项目表",), after="以上项目按计划推进。")
    stats = cells_of(extract_statistics(load(tmp_path)))
    assert list(zip(stats["doc_id"], stats["surface"], stats["value"], stats["indicator"])) == [
        ("projects", "12.5", 1250000000, "新材料产业园"), ("projects", "8", 800000000, "智能制造基地")]


def test_a_target_lead_above_a_table_and_the_heading_year(tmp_path):
    rows = [["指标", "数值（家）"], ["高新技术企业", "2000"], ["专精特新企业", "300"]]
    document = docx.Document()
    document.add_paragraph("某县2025年工作要点")
    document.add_paragraph("力争到2027年，全县创新主体实现倍增，主要指标如下：")
    table = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("各乡镇要抓好落实。")
    document.save(tmp_path / "plan.docx")
    found = cells_of(extract_statistics(load(tmp_path, {"plan.docx": "2025-02-01"})))
    assert list(zip(found["value"], found["unit"], found["year"], found["year_source"], found["kind"])) == [
        (2000, "家", "2027", "scope", "target"), (300, "家", "2027", "scope", "target")]


def test_a_traditional_table_is_read_as_its_text_is(tmp_path):
    rows = [["", "總量(億元)", "比上年同期增長(%)"], ["地區生產總值", "19349.31", "-5.7"], ["第三產業", "14862.01", "-3.1"]]
    (tmp_path / "sh.html").write_text(
        "<html><head><meta charset='utf-8'><title>上海市生產總值</title></head><body><div class='article'>"
        "<h1>2022年上半年上海市生產總值</h1><p>發布時間：2022-07-19 來源：市統計局</p><p>2022年上半年</p>"
        + html_table(rows) + "<p>註：地區生產總值按現價計算，增長速度按不變價格計算。</p></div></body></html>", encoding="utf-8")
    found = cells_of(extract_statistics(load(tmp_path)))
    assert list(zip(found["indicator"], found["unit"], found["year"])) == [
        ("地区生产总值", "元", "2022"), ("地区生产总值", "%", "2022"), ("第三产业", "元", "2022"), ("第三产业", "%", "2022")]
    assert list(found["value"]) == pytest.approx([1934931000000, -5.7, 1486201000000, -3.1])
    assert not found["sentence"].str.contains("億").any()


def test_table_figures_in_the_cli_and_track_targets(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write_docx(folder / "plan2021.docx", PLAN)
    (folder / "review2026.txt").write_text(
        "2026年政府工作报告\n一、“十四五”时期工作回顾\n2025年，研发经费投入强度达到3.1%，每万人口高价值发明专利拥有量达到12.5件。",
        encoding="utf-8")
    corpus = load(folder, {"plan2021.docx": "2021-03-01", "review2026.txt": "2026-01-20"})
    stats = extract_statistics(corpus)
    tracked = zp.track_targets(stats, corpus, by=None)
    met = tracked[tracked["result"] != ""]
    assert set(zip(met["target"], met["result_value"], met["verdict"])) == {("3.0", 3.1, "达到"), ("12", 12.5, "达到")}
    from zhpolicy.cli import main

    out = tmp_path / "out.csv"
    assert main(["stats", str(folder), "--csv", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert {"table", "row", "column"} <= set(table.columns) and table["table"].notna().sum() == 7
