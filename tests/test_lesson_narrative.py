"""Lessons that fit the corpus they run on (issue 25 §4): narrative true only of the seeds is shown
only for the seeds (teaching.lessons.seeds_note) or says that it speaks of the seeds; what is true of
any corpus is computed from it."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.teaching import lessons

from .conftest import ROOT, SEEDS

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-6]_*.ipynb"))
#: How the narrative names a seed document: by its number, 000 … 004.
SEED_NAMES = re.compile(r"(?<![\d.#\-/])00[0-4](?![\d_])")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_that_names_a_seed_document_says_it_speaks_of_the_seeds(path):
    """A markdown cell is shown on every corpus: if it names a seed document (000 … 004),
    it must say that it speaks of the seed corpus (种子); readings of the seeds go in seeds_note."""
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown" or index == 0:  # the header describes the series' own corpus
            continue
        text = re.sub(r"\[[^\]]*\]\([^)]*\)", "", cell.source)  # links to other lessons
        found = SEED_NAMES.search(text)
        assert not found or "种子" in text, f"{path.name} cell {index} ({cell.get('id')}): {text[max(found.start() - 40, 0):found.end() + 40]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_seed_notes_hide_their_source(path):
    """A seeds_note cell shows its text as output: its source is folded in the Lab and left out of
    the HTML book, so the text is not read twice."""
    nb = nbformat.read(path, as_version=4)
    notes = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("seeds_note(")]
    for cell in notes:
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.get("id")
        assert cell.metadata.get("transient", {}).get("remove_source") is True, cell.get("id")


def test_seeds_note_shows_seed_text_only_on_the_seeds(corpus, tmp_path):
    assert lessons.on_seeds(corpus)
    shown = lessons.seeds_note(corpus, "种子语料里 001 是转载稿。", otherwise="你的语料请自己读。")
    assert "001" in shown.data
    (tmp_path / "a.txt").write_text("一篇自己的文本，推动科技创新。", encoding="utf-8")
    own = zp.load_corpus(tmp_path)
    assert not lessons.on_seeds(own)
    assert lessons.seeds_note(own, "种子语料里 001 是转载稿。", otherwise="你的语料请自己读。").data == "你的语料请自己读。"
    assert lessons.seeds_note(own, "种子语料里 001 是转载稿。") is None
    copy = tmp_path / "seeds_copy"
    copy.mkdir()
    for path in SEEDS.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    assert not lessons.on_seeds(zp.load_corpus(copy))  # a copy may be edited: only seeds/ itself is the seeds


def test_skipped_report_keeps_every_reason_whole():
    long = "这是旧版 Word 文件（.doc），无法直接读取。请在 Word 或 WPS 里“另存为” .docx 或 .txt 后再放进来。" * 2
    table = pd.DataFrame([{"file": "旧文件.doc", "reason": long}, {"file": "catalog.csv", "reason": "目录文件"}])
    report = lessons.skipped_report(table, width=30)
    assert all(len(line) <= 34 for line in report.splitlines()[1:])
    assert long.replace(" ", "") in report.replace("\n", "").replace(" ", "")
    assert "旧文件.doc" in report and "catalog.csv" in report
    many = pd.DataFrame([{"file": f"f{i}.png", "reason": "这是图片。"} for i in range(25)])
    assert "前 20 个" in lessons.skipped_report(many) and "f20.png" not in lessons.skipped_report(many)
    assert "都读取了" in lessons.skipped_report(pd.DataFrame(columns=["file", "reason"]))


def test_strings_and_words_explains_the_two_counts(corpus):
    toks = zp.tokens(corpus)
    table = lessons.strings_and_words(corpus, toks, ["企业", "融合"]).set_index("term")
    freq = zp.corpus_frequencies(toks).set_index("term")["count"]
    assert table.loc["企业", "as_word"] == freq["企业"]
    assert table.loc["企业", "as_string"] == len(zp.kwic(corpus, "企业"))
    assert table.loc["企业", "inside_longer"] == table.loc["企业", "as_string"] - freq["企业"] > 0


def test_length_sentence_is_computed_from_the_corpus(corpus):
    stats = zp.document_stats(corpus)
    sentence = lessons.longest_and_shortest(stats, corpus.set_index("doc_id")["label"])
    longest = stats.loc[stats["n_chars"].idxmax()]
    assert str(longest["n_chars"]) in sentence and corpus.set_index("doc_id").loc[longest["doc_id"], "label"] in sentence
    assert "不到两篇" in lessons.longest_and_shortest(stats.head(1), corpus.set_index("doc_id")["label"])
