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


# ---------------------------------------------------------------- review of issue 25, round 2


def _cell(name: str, cell_id: str) -> str:
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return next(c.source for c in nb.cells if c.get("id") == cell_id)


@pytest.mark.parametrize("name", ["01_corpus.ipynb", "03_themes.ipynb", "04_logic_chains.ipynb", "06_policy_instruments.ipynb"])
def test_lesson_headers_do_not_count_five_texts(name):
    """The title, 描述 and 学习目标 are shown on any corpus: they speak of the texts at hand and
    name the five seed texts only as the series' example."""
    header = nbformat.read(ROOT / "notebooks" / name, as_version=4).cells[0].source
    title = header.splitlines()[0]
    assert "五篇" not in title
    for line in header.splitlines():
        if "五篇" in line:
            assert "示例" in line or "种子" in line, line


def test_kwic_rows_after_words_drop_hits_after_punctuation():
    table = zp.kwic({"d": "鼓励企业创新。企业是主体，“企业家精神”，中小企业\n企业"}, "企业", window=4, sort_by="left")
    kept = zp.analysis.terms.after_words(table)
    assert set(kept["left"].str[-1]) == {"励", "小"}
    assert len(table) == 5 and len(kept) == 2
    assert list(kept.index) == sorted(kept.index)  # the order of the table is kept
    none = zp.analysis.terms.after_words(zp.kwic({"d": "没有这个词。"}, "企业"))
    assert none.empty and list(none.columns) == list(table.columns)  # still a table with its columns


def test_the_number_of_topics_is_read_off_the_table():
    table = pd.DataFrame({"k": [3, 4, 5, 6, 8], "coherence": [-1.21, -1.07, -1.13, -1.10, -1.22],
                          "stability": [1.0, 1.0, 0.91, 0.87, 0.95]})
    assert lessons.chosen_k(table) == 4  # the stable ones are 3, 4, 8; 4 is the most coherent
    assert "3、4、8" in lessons.k_reason(table, 4) and "k = 4" in lessons.k_reason(table, 4)
    shaky = table.assign(stability=[0.6, 0.7, 0.9, 0.8, 0.5])
    assert lessons.chosen_k(shaky) == 5 and "最稳定" in lessons.k_reason(shaky, 5)
    assert lessons.chosen_k(table.iloc[0:0]) == lessons.DEFAULT_K


def test_similarity_range_is_computed(corpus):
    from zhpolicy.analysis import themes

    sim = themes.document_similarity(zp.tokens(corpus))
    values = [sim.iloc[i, j] for i in range(len(sim)) for j in range(i + 1, len(sim))]
    sentence = lessons.similarity_range(sim)
    assert f"{min(values):.2f}" in sentence and f"{max(values):.2f}" in sentence
    assert "不到两篇" in lessons.similarity_range(sim.iloc[:1, :1])


def test_targets_sentence_counts_targets_with_a_single_year():
    stats = pd.DataFrame({"kind": ["target", "target", "achieved"], "year": ["2027", "2026-2030", "2024"]})
    promised = pd.DataFrame({"result": [""]})
    sentence = lessons.targets_sentence(stats, promised)
    assert "2 个目标" in sentence and "1 个带单一年份" in sentence and "另外 1 个" in sentence and "0 个在语料中" in sentence


def test_environment_check_outside_jupyter_marks_the_lab_rows_not_applicable(corpus, monkeypatch):
    from zhpolicy.teaching import course, lab

    monkeypatch.delenv(lab.LAB_ENV, raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    table = course.environment_check(corpus).set_index("item")
    lab_rows = [item for item in table.index if "JupyterLab" in item or "网页字体" in item or "符号" in item]
    assert len(lab_rows) >= 5
    assert (table.loc[lab_rows, "status"] == course.NOT_APPLICABLE).all()
    assert not (table["status"] == "problem").any()
    assert table.loc["图中的中文（matplotlib）", "status"] == "ok"
    assert "不适用" in set(zh_status(table))
    monkeypatch.setenv("JPY_SESSION_NAME", "00_guide.ipynb")  # a Jupyter that is not the course's: the rows say so
    inside = course.environment_check(corpus).set_index("item")
    assert (inside.loc[lab_rows[:3], "status"] == "problem").all()


def zh_status(table):
    from zhpolicy.teaching.labels import zh

    return zh(table.reset_index())["结果"]


def test_guide_runs_own_corpus_with_its_own_output_folder():
    text = _cell("00_guide.ipynb", "cell-003")
    command = text[text.index("ZHPOLICY_CORPUS=my_texts"):]
    assert "ZHPOLICY_OUTPUT=" in command.split("```")[0]
    for suffix in (".txt", ".md", ".docx", ".pdf", ".html"):
        assert suffix in text


def test_glossary_follows_the_lessons():
    from zhpolicy.teaching.course import glossary

    table = glossary()
    order = table["课"].str[:2]
    assert list(order) == sorted(order), "the glossary is read in lesson order"
    assert {"Jaccard 系数", "中心性"} <= set(table["中文"])  # the terms lesson 03's network and exercise use


def test_statistics_accuracy_in_the_lesson_is_the_one_docs_give():
    """Lesson 05 quotes the first run on the newest held-out set of docs/statistics.md (its last row
    named 新留出: texts annotated before the rules first ran on them; the first number of each cell)."""
    docs = (ROOT / "docs" / "statistics.md").read_text(encoding="utf-8")
    row = [line for line in docs.splitlines() if line.startswith("| ") and "新留出" in line.split("|")[1]][-1]
    cells = [c.strip() for c in row.strip("|").split("|")]
    first = [re.search(r"\d\.\d+", c).group(0) for c in cells[3:7]]
    texts, recall, precision, years, kinds = cells[1], *first
    nb = nbformat.read(ROOT / "notebooks" / "05_statistics.ipynb", as_version=4)
    lesson = next(c.source for c in nb.cells if c.cell_type == "markdown" and "真实的政策文本" in c.source)
    assert f"最近的一批 {texts} 篇" in lesson
    assert f"查全率 {recall}" in lesson and f"查准率 {precision}" in lesson
    assert f"{round(float(years) * 100)}%" in lesson and f"{round(float(kinds) * 100)}%" in lesson
