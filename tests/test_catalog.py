"""Catalogs as Excel writes them (issue 16 §5), and drafting one (issue 12 §5)."""

from __future__ import annotations

import warnings

import pytest

import zhpolicy as zp
from zhpolicy.reading.corpus import draft_catalog, read_catalog


def _folder(tmp_path, catalog: bytes | None):
    (tmp_path / "a.txt").write_text("关于甲的通知\n正文，内容。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("关于乙的通知\n正文，内容。", encoding="utf-8")
    if catalog is not None:
        (tmp_path / "catalog.csv").write_bytes(catalog)
    return tmp_path


def _load(folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = zp.load_corpus(folder)
    return corpus, " ".join(str(w.message) for w in caught)


CSV = "file,title,date\na.txt,甲文件标题,2024年3月5日\nb.txt,乙文件标题,2025-01\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_catalog_in_any_encoding_excel_writes(tmp_path, encoding):
    corpus, _ = _load(_folder(tmp_path, CSV.encode(encoding)))
    meta = corpus.set_index("doc_id")
    assert meta.loc["a", "title"] == "甲文件标题" and meta.loc["a", "date"] == "2024-03-05"
    assert meta.loc["b", "date"] == "2025-01"
    assert set(meta["title_source"]) == {"catalog"}


def test_headers_with_spaces_and_capitals(tmp_path):
    corpus, _ = _load(_folder(tmp_path, " File , Title \na.txt , 甲 \n".encode("utf-8")))
    assert corpus.set_index("doc_id").loc["a", "title"] == "甲"


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "空"),
        (b"title,date\n\xe7\x94\xb2,2024\n", "缺少 file 列"),
        ("file,title\na.txt,\"没有闭合的引号\nb.txt,乙\n".encode("utf-8"), "引号"),
        ("file,title\na.txt,甲\na.txt,甲二\n".encode("utf-8"), "第 3 行与第 2 行是同一个文件"),
        ("file,title\nmissing.txt,无\n".encode("utf-8"), "第 2 行的文件 missing.txt"),
        ("file,title\na.txt,甲,多余,列\n".encode("utf-8"), "第 2 行比表头多出 2 列"),
        ("file,title\n,无名\n".encode("utf-8"), "第 2 行没有文件名"),
        (b"\x00\x01\x02\xff" * 20, "无法读取"),
    ],
)
def test_what_cannot_be_used_is_named_by_row(tmp_path, content, words):
    corpus, messages = _load(_folder(tmp_path, content))
    assert len(corpus) == 2  # the documents load whatever the catalog
    problems = " ".join(corpus.attrs["catalog_problems"])
    assert words in problems and words in messages
    for column in ("title", "author", "date"):  # never dict reprs or NaN in the metadata
        assert all(isinstance(v, str) and "{" not in v for v in corpus[column])


def test_ragged_short_rows_are_filled(tmp_path):
    corpus, _ = _load(_folder(tmp_path, "file,title,author\na.txt,甲\n".encode("utf-8")))
    assert corpus.set_index("doc_id").loc["a", "author"] == ""


def test_read_catalog_returns_plain_columns(tmp_path):
    table = read_catalog(_folder(tmp_path, CSV.encode("utf-8")))
    assert {"file", "title", "date"} <= set(table.columns)


def test_draft_catalog_from_the_files(tmp_path):
    (tmp_path / "a.txt").write_text("关于甲的通知\n发布时间：2025-03-06\n正文，内容。", encoding="utf-8")
    table = draft_catalog(tmp_path)
    row = table.iloc[0]
    assert row["file"] == "a.txt" and row["title"] == "关于甲的通知" and row["date"] == "2025-03-06"
    assert row["date_source"] == "text_header"
    assert not (tmp_path / "catalog.csv").exists()
