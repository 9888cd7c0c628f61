"""The explorer holds no analysis of its own: its tables are the library's, on the seeds; every
snippet it shows reproduces its table; the rows behind a clicked cell are the ones the cell counts;
the catalog is shown as metadata, not as a skipped file; downloads cannot become formulas; uploads
stay in the working folder."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

pytest.importorskip("panel", reason="the explorer needs Panel (python3 tasks.py setup)")

import zhpolicy as zp  # noqa: E402
from zhpolicy.analysis import themes  # noqa: E402
from zhpolicy.errors import CorpusError  # noqa: E402
from zhpolicy.extraction import instruments as I  # noqa: E402
from zhpolicy.explorer import views as V  # noqa: E402
from zhpolicy.explorer.analyses import Analyses, AnalysesCache  # noqa: E402
from zhpolicy.explorer.files import WorkingFolder, csv_bytes, xlsx_bytes  # noqa: E402

from tests.conftest import SEEDS  # noqa: E402


@pytest.fixture(scope="module")
def app():
    return AnalysesCache().load(SEEDS)


@pytest.fixture(scope="module")
def lib():
    """The seeds' tables computed as the lessons compute them, independently of the explorer."""
    corpus = zp.load_corpus(SEEDS)
    toks = zp.tokens(corpus)
    codebook = themes.read_codebook()
    coded = themes.code_units(themes.theme_units(corpus), codebook)
    stats = zp.extract_statistics(corpus)
    clauses = I.code_clauses(I.policy_clauses(corpus))
    return {"corpus": corpus, "toks": toks, "codebook": codebook, "coded": coded, "stats": stats,
            "flags": zp.check_consistency(stats, corpus), "chains": zp.extract_chains(corpus), "clauses": clauses}


def test_the_views_tables_are_the_librarys(app, lib):
    corpus = lib["corpus"]
    pd.testing.assert_frame_equal(V.corpus_table(app), corpus[V.CORPUS_COLUMNS])
    skipped = zp.reading.corpus.skipped_files(corpus)
    pd.testing.assert_frame_equal(V.skipped_table(app), skipped[skipped["file"] != "catalog.csv"].reset_index(drop=True))
    pd.testing.assert_frame_equal(V.catalog_table(app), zp.reading.corpus.catalog_table(corpus))
    pd.testing.assert_frame_equal(V.frequency_table(app), zp.term_frequencies(lib["toks"]))
    first = corpus["doc_id"].iloc[0]
    pd.testing.assert_frame_equal(V.keyness_table(app, [first]), zp.keyness(lib["toks"], first))
    pd.testing.assert_frame_equal(V.kwic_table(app, "融合", 15, "left"), zp.kwic(corpus, "融合", sort_by="left"))
    pd.testing.assert_frame_equal(V.dispersion_table(app, ["企业", "科技创新"]), zp.dispersion(corpus, ["企业", "科技创新"]))
    pd.testing.assert_frame_equal(V.theme_share(app.coded_units(), lib["codebook"]),
                                  themes.theme_summary(lib["coded"], lib["codebook"]))
    pd.testing.assert_frame_equal(V.statistics_table(app), lib["stats"])
    pd.testing.assert_frame_equal(V.flags_table(app), lib["flags"])
    pd.testing.assert_frame_equal(V.chains_table(app), lib["chains"])
    pd.testing.assert_frame_equal(V.type_stage(app), I.type_stage_table(lib["clauses"]))
    per_doc, per_type = V.intensity_tables(app)
    pd.testing.assert_frame_equal(per_doc, I.intensity_by_document(lib["clauses"]))
    pd.testing.assert_frame_equal(per_type, I.intensity_by_type(lib["clauses"]))
    pd.testing.assert_frame_equal(V.coding_sheet(app), I.coding_sheet(lib["clauses"], n=40, seed=0))
    assert len(lib["stats"]) and len(lib["chains"]) and V.type_stage(app).to_numpy().sum() > 0  # not empty tables


def test_the_statistics_download_is_what_the_command_line_writes(app, lib, tmp_path):
    from zhpolicy.cli import main

    target = tmp_path / "stats.csv"
    assert main(["stats", str(SEEDS), "--csv", str(target)]) == 0
    assert csv_bytes(V.statistics_download(app)) == target.read_bytes()  # one writer: the same bytes


@pytest.mark.parametrize("name, table", [
    ("texts", "unread"), ("frequencies", "per_doc"), ("cloud", "freqs"), ("keyness", "key"), ("kwic", "hits"), ("dispersion", "spread"),
    ("themes", "share"), ("statistics", "flags"), ("chains", "chains"), ("instruments", "grid"),
])
def test_each_snippet_reproduces_its_view(app, name, table):
    first = list(app.corpus["doc_id"])[:1]
    params = {"keyness": dict(target=first, reference=None), "kwic": dict(term="企业", window=10, sort_by="right"),
              "dispersion": dict(terms=["企业", "融合"])}.get(name, {})
    namespace: dict = {}
    exec(V.snippet(name, folder=str(SEEDS), **params), namespace)  # the code the page shows, as a student runs it
    expected = {
        "unread": V.skipped_table(app), "per_doc": V.frequency_table(app), "freqs": V.cloud_frequencies(app), "key": V.keyness_table(app, first),
        "hits": V.kwic_table(app, "企业", 10, "right"), "spread": V.dispersion_table(app, ["企业", "融合"]),
        "share": V.theme_share(app.coded_units(), themes.read_codebook()), "flags": V.flags_table(app),
        "chains": V.chains_table(app), "grid": V.type_stage(app),
    }[table]
    pd.testing.assert_frame_equal(namespace[table], expected)


def test_a_clicked_cell_lists_the_rows_it_counts(app):
    """themes.cell_units and instruments.cell_clauses (the rows the explorer lists under a clicked cell)
    return, for every cell of the seeds' heatmaps, as many rows as the cell counts."""
    coded = app.coded_units()
    codebook = themes.read_codebook()
    share = V.theme_share(coded, codebook)
    units = coded.groupby("doc_id").size()
    for doc_id in share.index:
        for theme in codebook["theme"]:
            rows = themes.cell_units(coded, doc_id, theme)
            assert len(rows) == round(share.loc[doc_id, theme] * units[doc_id])
            assert (rows["doc_id"] == doc_id).all() and (rows["hits"] > 0).all()
    grid = V.type_stage(app)
    for kind in grid.index:
        for stage in grid.columns:
            rows = I.cell_clauses(app.coded_clauses, kind, stage)
            assert len(rows) == grid.loc[kind, stage]
    assert grid.to_numpy().sum() > 0


def test_the_catalog_is_metadata_not_a_skipped_file(app, tmp_path):
    """The seeds' catalog.csv is read (as the documents' metadata): the explorer lists it as such and
    says no file was skipped; a catalog.csv in a subfolder is not used and is listed as not read."""
    from zhpolicy.explorer.ui import Explorer, Session
    from zhpolicy.explorer.files import WorkingFolder

    assert list(V.metadata_files(app)["file"]) == ["catalog.csv"] and V.skipped_table(app).empty
    session = Session(Explorer(default_folder=SEEDS, work=WorkingFolder(tmp_path / "w")), app)
    assert "目录 catalog.csv（用作元数据）" in session.status.object and "跳过" not in session.status.object
    assert "未读取" not in session.status.object
    (tmp_path / "texts" / "sub").mkdir(parents=True)
    (tmp_path / "texts" / "a.txt").write_text("推动科技创新和产业创新深度融合。\n", encoding="utf-8")
    (tmp_path / "texts" / "catalog.csv").write_text("file,title\na.txt,标题甲\n", encoding="utf-8")
    (tmp_path / "texts" / "sub" / "catalog.csv").write_text("file,title\n", encoding="utf-8")
    other = AnalysesCache().load(tmp_path / "texts")
    assert list(V.metadata_files(other)["file"]) == ["catalog.csv"]
    assert "sub/catalog.csv" in set(V.skipped_table(other)["file"]) and "catalog.csv" not in set(V.skipped_table(other)["file"])
    assert other.corpus["title"].tolist() == ["标题甲"]


def test_an_edited_codebook_is_read_by_the_librarys_reader():
    table = V.codebook_for_editing()
    assert V.codebook_from_editing(table).equals(themes.read_codebook())
    table.loc[len(table)] = {"theme": "新质生产力", "terms": "新质生产力|新动能", "all_of": "", "none_of": "", "description": ""}
    table.loc[len(table)] = {"theme": "", "terms": "半行", "all_of": "", "none_of": "", "description": ""}
    book = V.codebook_from_editing(table)
    assert book["theme"].iloc[-1] == "新质生产力" and book["terms"].iloc[-1] == ["新质生产力", "新动能"]
    assert "" not in set(book["theme"])


def test_downloads_cannot_become_formulas():
    """The downloads are written by the library's spreadsheet-safe writers (teaching.export), the ones
    every CSV and .xlsx of the project goes through."""
    from openpyxl import load_workbook

    from zhpolicy.teaching import export

    assert csv_bytes is export.csv_bytes and xlsx_bytes is export.xlsx_bytes
    risky = ["=1+1", "+86 10", "-2%", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")", "＝1"]
    table = pd.DataFrame({"text": risky + ["平常的文字"], "n": [-1, 2, 3, 4, 5, 6, 7, 8, 9]})
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["text"].tolist() == ["'" + r for r in risky] + ["平常的文字"]
    assert back["n"].tolist() == [str(n) for n in table["n"]]  # numbers stay numbers
    book = load_workbook(io.BytesIO(xlsx_bytes({"t": table, "=sheet": table.rename(columns={"text": "=text"})})))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [book["t"].cell(row=i + 2, column=1).value for i in range(len(table))] == table["text"].tolist()  # shown as written
    assert book["t"]["A2"].quotePrefix and book["t"]["B2"].value == -1
    assert book["=sheet"]["A1"].value == "=text" and book["=sheet"]["A1"].data_type == "s"


class _GBKName(zipfile.ZipInfo):
    """A member name as Windows in Chinese writes it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def _zip(members: dict[str, bytes], utf8: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name) if utf8 else _GBKName(name), data)
    return buffer.getvalue()


def test_uploads_go_to_the_working_folder_only(tmp_path):
    work = WorkingFolder(tmp_path / "work")
    text = "推动科技创新和产业创新深度融合。\n".encode("utf-8")
    folder, notes = work.save({"一.txt": text, "../逃逸.txt": text})
    assert folder.parent == work.root and sorted(p.name for p in folder.iterdir()) == ["一.txt", "逃逸.txt"]
    folder, notes = work.save({"语料.zip": _zip({"子/二.txt": text, "../../出去.txt": text, "/abs.txt": text})})
    assert (folder / "子" / "二.txt").read_bytes() == text
    assert len(notes) == 2 and all("不安全" in n for n in notes)
    assert not list(tmp_path.glob("出去.txt")) and not (tmp_path / "work" / "出去.txt").exists()
    folder, _ = work.save({"gbk.zip": _zip({"政策/三.txt": text}, utf8=False)})
    assert (folder / "政策" / "三.txt").is_file()
    folder, notes = work.save({"坏.zip": b"not a zip"})
    assert "不是有效的 .zip" in notes[0]
    corpus = zp.load_corpus(work.root / "upload-2")
    assert list(corpus["doc_id"]) == ["子/二"]
    with pytest.raises(CorpusError):
        work.save({})
    temporary = WorkingFolder()
    temporary.save({"a.txt": text})
    temporary.cleanup()
    assert not temporary.root.exists()
    work.cleanup()
    assert work.root.exists()  # a folder the user named is kept


def test_analyses_are_computed_once(app, monkeypatch):
    fresh = Analyses(app.corpus)
    calls = []
    monkeypatch.setattr(zp, "extract_statistics", lambda corpus: calls.append(1) or pd.DataFrame({"x": [1]}))
    assert not fresh.ready("statistics")
    fresh.statistics, fresh.statistics
    assert calls == [1] and fresh.ready("statistics")
