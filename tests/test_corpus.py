import pandas as pd
import pytest

import zhpolicy
from zhpolicy import CorpusError, load_corpus

from .conftest import SEEDS, folder_digest


def test_seeds_load_with_catalog_metadata(corpus):
    assert len(corpus) == 5
    assert list(corpus["doc_id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    row = corpus.set_index("doc_id").loc["000_9f4c6a053cd126f6"]
    assert row["author"] == "阴和俊"
    assert row["genre"] == "部长署名文章"
    assert set(corpus["encoding"]) == {"utf-8"}
    assert (corpus["n_chars"] > 1000).all()
    assert (corpus["n_chars"] <= corpus["n_chars_raw"]).all()
    assert corpus.attrs["skipped"] == [{"file": "catalog.csv", "reason": corpus.attrs["skipped"][0]["reason"]}]
    assert "元数据" in corpus.attrs["skipped"][0]["reason"]
    for col in ["title", "author", "source", "genre", "date", "label", "raw", "text"]:
        assert col in corpus.columns


def test_default_folder_comes_from_environment(monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("标题\n正文第一句，很长的一句话。", encoding="utf-8")
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(tmp_path))
    assert list(load_corpus()["doc_id"]) == ["a"]


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="找不到语料文件夹"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="没有 .txt"):
        load_corpus(tmp_path)
    (tmp_path / "x.txt").write_text("文字", encoding="utf-8")
    assert list(load_corpus(tmp_path / "x.txt")["doc_id"]) == ["x"]  # a single file is a corpus too
    with pytest.raises(CorpusError, match="不是文件夹"):
        zhpolicy.reading.corpus.corpus_files(tmp_path / "x.txt")


def test_mixed_encodings_and_bad_files(tmp_path):
    (tmp_path / "a_utf8.txt").write_text("科技创新推动产业创新。", encoding="utf-8")
    (tmp_path / "b_gbk.txt").write_bytes("科技创新推动产业创新。".encode("gb18030"))
    (tmp_path / "c_bom.md").write_bytes("\ufeff科技创新推动产业创新。".encode("utf-8"))
    (tmp_path / "d_empty.txt").write_bytes(b"")
    (tmp_path / "e_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # a broken Word file: skipped with a reason
    before = folder_digest(tmp_path)
    with pytest.warns(UserWarning, match="已跳过"):
        corpus = load_corpus(tmp_path)
    assert list(corpus["doc_id"]) == ["a_utf8", "b_gbk", "c_bom"]
    assert list(corpus["encoding"]) == ["utf-8", "gb18030", "utf-8-sig"]
    assert corpus["text"].nunique() == 1
    assert [s["file"] for s in corpus.attrs["skipped"]] == ["d_empty.txt", "e_binary.txt", "notes.docx"]
    assert "Word" in corpus.attrs["skipped"][2]["reason"]
    with pytest.raises(CorpusError, match="d_empty.txt"):
        load_corpus(tmp_path, errors="raise")
    assert folder_digest(tmp_path) == before, "loading must never modify the corpus folder"


def test_document_without_catalog_row_gets_metadata_from_its_text(tmp_path):
    (tmp_path / "post.txt").write_text(
        "某某网 ABC123.COM\n统筹推进科技创新\n来源：网络  作者：张三  更新时间：2025-12-19\n正文，第一段很长的文字。",
        encoding="utf-8",
    )
    row = load_corpus(tmp_path).iloc[0]
    assert row["title"] == "统筹推进科技创新"
    assert row["author"] == "张三"
    assert row["date"] == "2025-12-19"


def test_source_signals_find_the_evidence(corpus):
    signals = zhpolicy.source_signals(corpus).set_index("doc_id")
    assert signals.loc["002_4353c1ad041446f5", "citation_marks"] == 10
    assert "site_watermark" in signals.loc["001_effeab6a5a37e459", "boilerplate"]
    assert "meta_description" in signals.loc["004_26a89a08871415a0", "boilerplate"]
    assert signals.loc["004_26a89a08871415a0", "citation_marks"] == 0


def test_run_record_is_stable(corpus):
    first, second = zhpolicy.run_record(corpus), zhpolicy.run_record(corpus)
    assert first.equals(second)
    assert list(first.columns) == ["内容"] and first.columns.name == "项目"
    assert first.to_string().splitlines()[0].split() == ["项目", "内容"]  # one header row
    values = zhpolicy.record.run_record_values(corpus)
    assert values["corpus_folder"] == "seeds"
    assert values["documents"] == "5"
    assert isinstance(values, pd.Series)
