"""What each view of the explorer shows, as plain tables and figures, and the code that makes them.

Every function here is one or two calls of the library (the calls the lessons make) on an
:class:`~.analyses.Analyses`; :func:`snippet` gives the same calls as code a student can copy and
run in a notebook (a test runs each snippet and compares its table with the view's). The rows
behind a clicked heatmap cell are the library's too (``themes.cell_units``,
``instruments.cell_clauses``), and so is the sheet made of two coders' copies
(``instruments.combine_sheets``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

import zhpolicy as zp
from zhpolicy.analysis import themes
from zhpolicy.extraction import instruments
from zhpolicy.extraction.chains.degrees import concept_degrees as degree_table
from zhpolicy.reading import corpus as reading
from zhpolicy.teaching.export import with_doc

from .analyses import Analyses


@dataclass(frozen=True)
class Lesson:
    """The lesson that teaches a view: notebook stem and title."""

    stem: str
    title: str


#: view key -> (tab title, the lesson that teaches it)
VIEWS = {
    "texts": ("你的文本", Lesson("01_corpus", "第 01 课 语料")),
    "words": ("词语", Lesson("02_term_frequency", "第 02 课 词频")),
    "themes": ("主题", Lesson("03_themes", "第 03 课 主题")),
    "statistics": ("统计数字", Lesson("05_statistics", "第 05 课 统计数字")),
    "chains": ("逻辑链", Lesson("04_logic_chains", "第 04 课 逻辑链")),
    "instruments": ("政策工具", Lesson("06_policy_instruments", "第 06 课 政策工具")),
}

# ---------------------------------------------------------------- your texts (lesson 01)

CORPUS_COLUMNS = ["doc_id", "file", "title", "title_source", "date", "date_source", "genre", "source", "n_chars"]


def corpus_table(a: Analyses) -> pd.DataFrame:
    """The documents read: title and date with their sources, genre, source, length."""
    return a.corpus[CORPUS_COLUMNS].reset_index(drop=True)


def skipped_table(a: Analyses) -> pd.DataFrame:
    """The files not read, with the reason (``skipped_files`` without the folder's catalog.csv, which is
    read as the documents' metadata: :func:`metadata_files`)."""
    skipped = reading.skipped_files(a.corpus)
    return skipped[~reading.read_as_metadata(skipped)].reset_index(drop=True)


def metadata_files(a: Analyses) -> pd.DataFrame:
    """The files read as the documents' metadata, not as documents (the folder's catalog.csv)."""
    skipped = reading.skipped_files(a.corpus)
    return skipped[reading.read_as_metadata(skipped)].reset_index(drop=True)


def catalog_table(a: Analyses, edited: pd.DataFrame | None = None) -> pd.DataFrame:
    """A ``catalog.csv`` for the folder (the columns of ``zhpolicy catalog``'s draft), with the titles and
    dates of *edited* (a :func:`corpus_table` the user changed) where given."""
    return reading.catalog_table(a.corpus, edited)


# ---------------------------------------------------------------- words (lesson 02)


def frequency_table(a: Analyses) -> pd.DataFrame:
    """Per-document frequencies: count, per 10,000 characters, document frequency, TF-IDF."""
    return a.term_frequencies


def cloud_frequencies(a: Analyses, doc_ids: list[str] | None = None) -> pd.DataFrame:
    """Corpus frequencies of the chosen documents (all when none), for the word cloud."""
    if not doc_ids:
        return a.corpus_frequencies
    return zp.corpus_frequencies(a.tokens[a.tokens["doc_id"].isin(doc_ids)])


def cloud_png(frequencies: pd.DataFrame, max_words: int = 100) -> bytes:
    """The word cloud of *frequencies* (``wordcloud_image``, fixed layout) as PNG bytes."""
    from zhpolicy.teaching.plots import wordcloud_image

    cloud = wordcloud_image(dict(zip(frequencies["term"], frequencies["count"])), zp.use_chinese_font(),
                            max_words=max_words)
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG")
    return buffer.getvalue()


def keyness_table(a: Analyses, target: list[str], reference: list[str] | None = None) -> pd.DataFrame:
    """Keyness of group *target* against *reference* (default: every other document)."""
    return zp.keyness(a.tokens, target, reference or None)


def kwic_table(a: Analyses, term: str, window: int = 15, sort_by: str | None = None) -> pd.DataFrame:
    """Keyword in context for *term*, sorted by its left or right context."""
    return zp.kwic(a.corpus, term, window=window, sort_by=sort_by)


def dispersion_table(a: Analyses, terms: list[str]) -> pd.DataFrame:
    """How evenly each term spreads over the documents (range, Gries's DP)."""
    return zp.dispersion(a.corpus, terms)


def dispersion_plot(a: Analyses, terms: list[str]):
    from zhpolicy.teaching.plots import dispersion_figure

    return dispersion_figure(zp.positions(a.corpus, terms), terms, list(a.corpus["doc_id"]), a.labels)


# ---------------------------------------------------------------- themes (lesson 03)


def codebook_for_editing(codebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """The codebook as its CSV file has it (terms joined by ``|``), to edit in a table."""
    book = themes.read_codebook() if codebook is None else codebook
    return book.assign(**{c: book[c].str.join("|") for c in ("terms", "all_of", "none_of")})


def codebook_from_editing(table: pd.DataFrame) -> pd.DataFrame:
    """An edited codebook table read back by the library's own reader (``read_codebook``); rows
    without a theme name or without terms are left out."""
    table = table.fillna("").astype(str)
    table = table[(table["theme"].str.strip() != "") & (table["terms"].str.strip() != "")]
    return themes.read_codebook(io.StringIO(table.to_csv(index=False)))


def theme_share(coded: pd.DataFrame, codebook: pd.DataFrame) -> pd.DataFrame:
    """Document × theme: the share of each document's paragraphs coded with the theme."""
    return themes.theme_summary(coded, codebook)


# ---------------------------------------------------------------- statistics (lesson 05)

#: The filters of the statistics table (the columns a reader narrows it by).
STATISTICS_FILTERS = ("doc", "kind", "year", "unit", "indicator")
STATISTICS_COLUMNS = ["doc", "sentence", "surface", "value", "unit", "year", "kind", "indicator"]


def statistics_table(a: Analyses) -> pd.DataFrame:
    """The statistics the texts cite, each with its sentence (``extract_statistics``)."""
    return a.statistics


def statistics_download(a: Analyses) -> pd.DataFrame:
    """The table ``zhpolicy stats --csv`` writes: ``doc_id`` and ``doc`` first."""
    return with_doc(a.statistics, a.corpus)


def flags_table(a: Analyses) -> pd.DataFrame:
    """The consistency flags (``check_consistency``), each with its reason."""
    return a.flags


def statistics_plot(a: Analyses):
    from zhpolicy.teaching.plots import statistics_figure

    flags = a.flags
    flagged = set(zip(flags["doc_id"], flags["surface"])) | set(zip(flags["other_doc_id"], flags["other_surface"]))
    return statistics_figure(a.statistics, flagged)


# ---------------------------------------------------------------- logic chains (lesson 04)

CHAIN_COLUMNS = ["doc", "chain", "kind", "sentence", "family", "count"]


def chains_table(a: Analyses, doc_id: str | None = None) -> pd.DataFrame:
    """The chains of one document (all documents when *doc_id* is None)."""
    chains = a.chains
    return chains if doc_id is None else chains[chains["doc_id"] == doc_id].reset_index(drop=True)


def concept_degrees(a: Analyses) -> pd.DataFrame:
    """The concepts of the merged graph with their number of links (as lesson 04 lists them)."""
    return degree_table(a.chain_graph).reset_index()


def concept_plot(a: Analyses):
    from zhpolicy.teaching.plots import graph_figure

    return graph_figure(a.chain_graph, max_nodes=30)


# ---------------------------------------------------------------- policy instruments (lesson 06)


def type_stage(a: Analyses) -> pd.DataFrame:
    """Instrument type × innovation-chain stage: measure clauses carrying both."""
    return instruments.type_stage_table(a.coded_clauses)


def intensity_tables(a: Analyses) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Policy intensity per document and per instrument type."""
    coded = a.coded_clauses
    return instruments.intensity_by_document(coded), instruments.intensity_by_type(coded)


def intensity_plot(a: Analyses):
    from zhpolicy.teaching.plots import intensity_figure

    per_doc, per_type = intensity_tables(a)
    shown = instruments.top_documents(a.coded_clauses, 12)
    return intensity_figure(per_doc.loc[shown], per_type, a.labels)


def coding_sheet(a: Analyses, n: int = 40, seed: int = 0) -> pd.DataFrame:
    """A stratified sample of clauses for two people to code (lesson 06's sheet)."""
    return instruments.coding_sheet(a.coded_clauses, n=n, seed=seed)


def agreement(sheet: pd.DataFrame, dimension: str = "type") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Agreement and κ per dimension, the confusion table and the disagreements of *dimension*."""
    table = instruments.agreement_table(sheet, "coder1", "coder2")
    rows = sheet[(sheet[f"coder1_{dimension}"].astype(str).str.strip() != "")
                 & (sheet[f"coder2_{dimension}"].astype(str).str.strip() != "")]
    confusion = instruments.confusion_table(rows[f"coder1_{dimension}"], rows[f"coder2_{dimension}"],
                                            names=("coder1", "coder2"))
    return table, confusion, instruments.disagreements(sheet, dimension, "coder1", "coder2")


# ---------------------------------------------------------------- the code behind each view

_SNIPPETS = {
    "texts": """import zhpolicy as zp
corpus = zp.load_corpus({folder!r})
skipped = zp.reading.corpus.skipped_files(corpus)   # 不是文档的文件及原因
unread = skipped[~zp.reading.corpus.read_as_metadata(skipped)]  # 没有读取的（catalog.csv 用作目录，不算）""",
    "frequencies": """toks = zp.tokens(corpus)
per_doc = zp.term_frequencies(toks)                 # 每篇文档的词频（每万字 per_10k）""",
    "cloud": """freqs = zp.corpus_frequencies(zp.tokens(corpus))    # 只看几篇：先按 doc_id 筛选分词表
cloud = zp.teaching.plots.wordcloud_image(dict(zip(freqs["term"], freqs["count"])), zp.use_chinese_font())""",
    "keyness": """toks = zp.tokens(corpus)
key = zp.keyness(toks, {target!r}, {reference!r})""",
    "kwic": """hits = zp.kwic(corpus, {term!r}, window={window}, sort_by={sort_by!r})""",
    "dispersion": """spread = zp.dispersion(corpus, {terms!r})
zp.use_chinese_font()                                # 图里的中文
fig = zp.teaching.plots.dispersion_figure(zp.positions(corpus, {terms!r}), {terms!r}, list(corpus["doc_id"]))""",
    "themes": """from zhpolicy.analysis import themes
codebook = themes.read_codebook()                   # 或你改过的编码表 CSV：themes.read_codebook("my_codebook.csv")
coded = themes.code_units(themes.theme_units(corpus), codebook)
share = themes.theme_summary(coded, codebook)        # 文档 × 主题：编码了该主题的段落比例""",
    "statistics": """stats = zp.extract_statistics(corpus)               # 每个数字带原句 sentence、年份、类型、指标
flags = zp.check_consistency(stats, corpus)          # 一致性检查""",
    "chains": """chains = zp.extract_chains(corpus)
graph = zp.chain_graph(chains)                       # 合并概念图（networkx）""",
    "instruments": """from zhpolicy.extraction import instruments as I
coded = I.code_clauses(I.policy_clauses(corpus))
grid = I.type_stage_table(coded)                     # 工具类型 × 创新链环节""",
    "agreement": """from zhpolicy.extraction import instruments as I
sheet = I.read_coding_sheet("coding_sheet.xlsx")     # coder1_… 与 coder2_… 两组列都填好的编码表
agreement = I.agreement_table(sheet, "coder1", "coder2")  # 一致率与 Cohen's κ""",
}

#: Which view's opening call a section's snippet continues from.
_OPENING = {"frequencies": "texts", "cloud": "texts", "keyness": "texts", "kwic": "texts", "dispersion": "texts", "themes": "texts",
            "statistics": "texts", "chains": "texts", "instruments": "texts"}


def snippet(name: str, *, folder: str = "seeds", opening: bool = True, **params) -> str:
    """The code a section of the explorer runs, to copy into a notebook: with the corpus loaded
    first (*opening*) and the view's current settings filled in."""
    code = _SNIPPETS[name].format(folder=folder, **params)
    if opening and name in _OPENING:
        code = _SNIPPETS[_OPENING[name]].format(folder=folder).split("\n")[:2] + [code]
        code = "\n".join(code)
    return code
