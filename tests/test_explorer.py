"""The explorer holds no analysis of its own: its tables are the library's, on the seeds; every
snippet it shows reproduces its table; downloads cannot become formulas; uploads stay in the
working folder; two coders' sheets combine into one."""

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
from zhpolicy.explorer.coders import combine_sheets  # noqa: E402
from zhpolicy.explorer.files import WorkingFolder, csv_bytes, spreadsheet_safe, xlsx_bytes  # noqa: E402

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
    pd.testing.assert_frame_equal(V.skipped_table(app), zp.reading.corpus.skipped_files(corpus))
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
    assert csv_bytes(V.statistics_download(app)) == csv_bytes(pd.read_csv(target, encoding="utf-8-sig", dtype=str,
                                                                            keep_default_na=False))


def test_the_catalog_download_is_the_draft_with_the_edits(app):
    draft = zp.reading.corpus.draft_catalog(SEEDS)
    pd.testing.assert_frame_equal(V.catalog_table(app), draft[V.catalog_table(app).columns].fillna(""))
    edited = V.corpus_table(app)
    edited.loc[1, ["title", "date"]] = ["改过的标题", "2024-01-02"]
    changed = V.catalog_table(app, edited)
    assert list(changed.loc[1, ["title", "date"]]) == ["改过的标题", "2024-01-02"]
    assert changed.drop(index=1).equals(V.catalog_table(app).drop(index=1))


@pytest.mark.parametrize("name, table", [
    ("texts", "skipped"), ("frequencies", "per_doc"), ("cloud", "freqs"), ("keyness", "key"), ("kwic", "hits"), ("dispersion", "spread"),
    ("themes", "share"), ("statistics", "flags"), ("chains", "chains"), ("instruments", "grid"),
])
def test_each_snippet_reproduces_its_view(app, name, table):
    first = list(app.corpus["doc_id"])[:1]
    params = {"keyness": dict(target=first, reference=None), "kwic": dict(term="企业", window=10, sort_by="right"),
              "dispersion": dict(terms=["企业", "融合"])}.get(name, {})
    namespace: dict = {}
    exec(V.snippet(name, folder=str(SEEDS), **params), namespace)  # the code the page shows, as a student runs it
    expected = {
        "skipped": V.skipped_table(app), "per_doc": V.frequency_table(app), "freqs": V.cloud_frequencies(app), "key": V.keyness_table(app, first),
        "hits": V.kwic_table(app, "企业", 10, "right"), "spread": V.dispersion_table(app, ["企业", "融合"]),
        "share": V.theme_share(app.coded_units(), themes.read_codebook()), "flags": V.flags_table(app),
        "chains": V.chains_table(app), "grid": V.type_stage(app),
    }[table]
    pd.testing.assert_frame_equal(namespace[table], expected)


def test_a_clicked_cell_lists_the_rows_it_counts(app):
    coded = app.coded_units()
    codebook = themes.read_codebook()
    share = V.theme_share(coded, codebook)
    units = coded.groupby("doc_id").size()
    for doc_id in share.index:
        for theme in codebook["theme"]:
            assert len(V.cell_units(coded, doc_id, theme)) == round(share.loc[doc_id, theme] * units[doc_id])
    grid = V.type_stage(app)
    for kind in grid.index:
        for stage in grid.columns:
            assert len(V.cell_clauses(app.coded_clauses, kind, stage)) == grid.loc[kind, stage]


def test_an_edited_codebook_is_read_by_the_librarys_reader():
    table = V.codebook_for_editing()
    assert V.codebook_from_editing(table).equals(themes.read_codebook())
    table.loc[len(table)] = {"theme": "新质生产力", "terms": "新质生产力|新动能", "all_of": "", "none_of": "", "description": ""}
    table.loc[len(table)] = {"theme": "", "terms": "半行", "all_of": "", "none_of": "", "description": ""}
    book = V.codebook_from_editing(table)
    assert book["theme"].iloc[-1] == "新质生产力" and book["terms"].iloc[-1] == ["新质生产力", "新动能"]
    assert "" not in set(book["theme"])


def test_downloads_cannot_become_formulas():
    from openpyxl import load_workbook

    risky = ["=1+1", "+86 10", "-2%", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]
    table = pd.DataFrame({"text": risky + ["平常的文字"], "n": [-1, 2, 3, 4, 5, 6, 7, 8]})
    safe = spreadsheet_safe(table)
    assert all(v.startswith("'") for v in safe["text"][:-1]) and safe["text"].iloc[-1] == "平常的文字"
    assert list(safe["n"]) == list(table["n"])  # numbers stay numbers
    text = csv_bytes(table).decode("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and "\n+" not in text
    book = load_workbook(io.BytesIO(xlsx_bytes({"t": table})))
    cells = [c for row in book["t"].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert book["t"]["B2"].value == -1


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


def test_two_coders_copies_make_one_sheet(app):
    sheet = V.coding_sheet(app, n=12)
    a, b = sheet.copy(), sheet.copy()
    a["coder1_type"] = ["供给型"] * 6 + ["环境型"] * 6
    b["coder1_type"] = ["供给型"] * 4 + ["需求型"] * 2 + ["环境型"] * 6  # both filled coder1, as in class
    both = combine_sheets(a, b.iloc[::-1])
    assert list(both["clause_id"]) == list(sheet["clause_id"])
    result, confusion, diff = V.agreement(both, "type")
    row = result.set_index("dimension").loc["type"]
    assert row["clauses"] == 12 and row["agreement"] == round(10 / 12, 3)
    assert len(diff) == 2 and set(diff["coder2_type"]) == {"需求型"}
    assert confusion.loc["供给型", "需求型"] == 2
    b2 = sheet.assign(coder2_type=b["coder1_type"])  # the second person used the coder2 columns
    pd.testing.assert_frame_equal(combine_sheets(a, b2)[["coder1_type", "coder2_type"]], both[["coder1_type", "coder2_type"]])
    with pytest.raises(CorpusError, match="还没有填写"):
        combine_sheets(a, sheet)
    with pytest.raises(CorpusError, match="clause_id"):
        combine_sheets(a, sheet.drop(columns="clause_id"))
    with pytest.raises(CorpusError, match="只有一位"):
        combine_sheets(a)
    with pytest.raises(CorpusError, match="共同"):
        combine_sheets(a, b.assign(clause_id="x"))


def test_analyses_are_computed_once(app, monkeypatch):
    fresh = Analyses(app.corpus)
    calls = []
    monkeypatch.setattr(zp, "extract_statistics", lambda corpus: calls.append(1) or pd.DataFrame({"x": [1]}))
    assert not fresh.ready("statistics")
    fresh.statistics, fresh.statistics
    assert calls == [1] and fresh.ready("statistics")
