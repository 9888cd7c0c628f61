"""The library functions the explorer used to compute by itself (issue 27: no analysis logic in the app),
each tested on its own: the rows behind a heatmap cell (themes, instruments), the catalog of a loaded
corpus, the files read as metadata, the concept degrees of lesson 04, the doc-labelled table of
``zhpolicy stats --csv``, and one coding sheet from two coders' copies."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.analysis import themes
from zhpolicy.errors import CorpusError
from zhpolicy.extraction import instruments as I
from zhpolicy.extraction.chains.degrees import concept_degrees
from zhpolicy.reading.corpus import catalog_table, read_as_metadata, skipped_files
from zhpolicy.teaching.export import with_doc

from tests.conftest import SEEDS

POLICY = "\n".join([
    "关于加快科技成果转化的若干措施",
    "一、重点任务",
    "设立省级科技成果转化专项资金，对中试项目给予后补助。",
    "鼓励金融机构开发知识产权质押贷款产品。",
    "实行首台套产品政府采购，支持新技术先试先用。",
    "支持企业建设中试基地，推动科技成果产业化。",
    "严禁以任何名义截留转化收益。",
    "加大对基础研究的财政投入，建设重大科技基础设施。",
    "完善科技成果转化人才培养机制，引进高层次人才。",
    "开放城市应用场景，推广新技术新产品。",
])


def test_cell_units_are_the_units_a_theme_share_counts():
    units = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "section": ["1", "2", "3", "1"],
                          "text": ["推动科技创新", "发展数字经济", "科技创新和数字经济", "人才"]})
    book = pd.DataFrame({"theme": ["创新", "数字"], "terms": [["科技创新"], ["数字经济"]], "all_of": [[], []],
                         "none_of": [[], []], "description": ["", ""]})
    coded = themes.code_units(units, book)
    rows = themes.cell_units(coded, "a", "创新")
    assert rows["text"].tolist() == ["推动科技创新", "科技创新和数字经济"] and rows["hits"].tolist() == [1, 1]
    assert list(rows.columns) == ["doc_id", "section", "text", "hits"]
    assert themes.theme_summary(coded, book).loc["a", "创新"] == round(len(rows) / 3, 3)
    assert themes.cell_units(coded, "b", "数字").empty


def test_cell_clauses_are_the_clauses_a_type_stage_cell_counts():
    coded = I.code_clauses(I.policy_clauses({"d1": POLICY, "d2": POLICY.replace("省级", "市级")}))
    grid = I.type_stage_table(coded)
    assert grid.to_numpy().sum() > 0
    for kind in grid.index:
        for stage in grid.columns:
            rows = I.cell_clauses(coded, kind, stage)
            assert len(rows) == grid.loc[kind, stage], (kind, stage)
            assert list(rows.columns) == ["doc_id", "section_path", "text", "cues", "intensity_word"]


def test_catalog_table_of_a_loaded_corpus_takes_the_edits():
    corpus = zp.load_corpus(SEEDS)
    draft = zp.reading.corpus.draft_catalog(SEEDS)
    table = catalog_table(corpus)
    pd.testing.assert_frame_equal(table, draft[table.columns].fillna(""))
    edited = corpus[["file", "title", "date"]].copy()
    edited.loc[1, ["title", "date"]] = ["改过的标题", "2024-01-02"]
    changed = catalog_table(corpus, edited)
    assert list(changed.loc[1, ["title", "date"]]) == ["改过的标题", "2024-01-02"]
    assert changed.drop(index=1).equals(table.drop(index=1))


def test_only_the_top_catalog_is_read_as_metadata(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("推动科技创新。\n", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("推动产业创新。\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("file,title\na.txt,甲\n", encoding="utf-8")
    (tmp_path / "sub" / "catalog.csv").write_text("file,title\nb.txt,乙\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("说明\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        skipped = skipped_files(zp.load_corpus(tmp_path))
    flags = dict(zip(skipped["file"], read_as_metadata(skipped)))
    assert flags == {"catalog.csv": True, "sub/catalog.csv": False, "README.md": False}


def test_concept_degrees_count_links_in_and_out_most_first():
    graph = nx.DiGraph([("科技创新", "产业创新"), ("产业创新", "科技创新"), ("科技创新", "新质生产力"), ("人才", "企业")])
    degrees = concept_degrees(graph)
    assert degrees.to_dict() == {"科技创新": 3, "产业创新": 2, "新质生产力": 1, "人才": 1, "企业": 1}
    assert list(degrees.index) == ["科技创新", "产业创新", "新质生产力", "人才", "企业"]  # ties in node order
    assert degrees.name == "links" and degrees.index.name == "concept"
    assert concept_degrees(nx.DiGraph()).empty


def test_with_doc_puts_the_document_first_as_the_command_line_writes_it():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "label": ["甲", "乙"]})
    table = pd.DataFrame({"surface": ["8%", "3家"], "doc_id": ["b", "a"]})
    assert with_doc(table, corpus).columns.tolist() == ["doc_id", "doc", "surface"]
    assert with_doc(table, corpus)["doc"].tolist() == ["乙", "甲"]
    labelled = table.assign(doc=["自带", "标签"])
    assert with_doc(labelled, corpus)["doc"].tolist() == ["自带", "标签"]  # a table's own labels are kept
    pd.testing.assert_frame_equal(table, pd.DataFrame({"surface": ["8%", "3家"], "doc_id": ["b", "a"]}))


def test_two_coders_copies_make_one_sheet():
    coded = I.code_clauses(I.policy_clauses({"d1": POLICY, "d2": POLICY.replace("省级", "市级")}))
    sheet = I.coding_sheet(coded, n=12)
    assert len(sheet) == 12
    a, b = sheet.copy(), sheet.copy()
    a["coder1_type"] = ["供给型"] * 6 + ["环境型"] * 6
    b["coder1_type"] = ["供给型"] * 4 + ["需求型"] * 2 + ["环境型"] * 6  # both filled coder1, as in class
    both = I.combine_sheets(a, b.iloc[::-1])
    assert list(both["clause_id"]) == list(sheet["clause_id"])
    row = I.agreement_table(both, "coder1", "coder2").set_index("dimension").loc["type"]
    assert row["clauses"] == 12 and row["agreement"] == round(10 / 12, 3)
    diff = I.disagreements(both, "type")
    assert len(diff) == 2 and set(diff["coder2_type"]) == {"需求型"}
    b2 = sheet.assign(coder2_type=b["coder1_type"])  # the second person used the coder2 columns
    pd.testing.assert_frame_equal(I.combine_sheets(a, b2)[["coder1_type", "coder2_type"]],
                                  both[["coder1_type", "coder2_type"]])
    with pytest.raises(CorpusError, match="还没有填写"):
        I.combine_sheets(a, sheet)
    with pytest.raises(CorpusError, match="clause_id"):
        I.combine_sheets(a, sheet.drop(columns="clause_id"))
    with pytest.raises(CorpusError, match="只有一位"):
        I.combine_sheets(a)
    with pytest.raises(CorpusError, match="共同"):
        I.combine_sheets(a, b.assign(clause_id="x"))


def test_lesson_01_and_the_catalog_command_name_the_catalog_as_metadata(capsys):
    """“跳过 1 个文件” read as a lost document: the seeds' catalog.csv is named as the catalog instead."""
    from zhpolicy.cli import main
    from zhpolicy.teaching.lessons import skipped_report

    report = skipped_report(skipped_files(zp.load_corpus(SEEDS)))
    assert report.startswith("catalog.csv 用作目录（元数据）") and "没有读取" not in report and "都读取了" in report
    assert main(["catalog", str(SEEDS)]) == 0
    err = capsys.readouterr().err
    assert "catalog.csv 用作目录（元数据）" in err and "未读取" not in err
