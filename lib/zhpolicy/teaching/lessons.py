"""What keeps a lesson's narrative true on any corpus it runs on.

The lessons are written with the seeds in view, but teachers and students run them on folders of
their own. Narrative that is true only of the seeds is shown only for the seeds
(:func:`seeds_note`, in a code cell whose output is the Markdown text); narrative about the
corpus at hand is computed (:func:`longest_and_shortest` and friends, used in the lessons' cells).
Lesson 01 loads its corpus with :func:`lesson_corpus`, which lists the reasons when no file of
the folder can be read and still lets the lesson run to its end, and shows the files not read
with their whole reasons (:func:`skipped_report`).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd


def seed_folder() -> Path | None:
    """The project's ``seeds/`` folder (``None`` outside a checkout)."""
    from ..paths import project_root

    root = project_root()
    return root / "seeds" if root else None


def on_seeds(corpus: pd.DataFrame) -> bool:
    """Whether *corpus* was loaded from the project's ``seeds/`` folder (the texts every lesson's
    seed-specific narrative was written for)."""
    folder, seeds = corpus.attrs.get("folder"), seed_folder()
    if not folder or seeds is None:
        return False
    try:
        return Path(folder).resolve() == seeds.resolve()
    except OSError:
        return False


def seeds_note(corpus: pd.DataFrame, text: str, otherwise: str = ""):
    """Markdown to show in a lesson: *text* (which describes the seeds) when *corpus* is the seeds,
    else *otherwise* (a sentence true of any corpus; nothing when empty). Returns an
    ``IPython.display.Markdown`` (a notebook shows it as the cell's output) or ``None``.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    from IPython.display import Markdown

    shown = text if on_seeds(corpus) else otherwise
    return Markdown(textwrap.dedent(shown).strip()) if shown.strip() else None


# ---------------------------------------------------------------- lesson 01: loading and skipped files


def _reasons(folder: Path) -> list[dict]:
    """Every file of *folder* with the reason it cannot be used (the files that are not documents,
    then the documents that cannot be read), as ``load_corpus`` would list them."""
    from ..errors import CorpusError
    from ..reading.corpus import scan_folder
    from ..reading.readers import read_document

    try:
        documents, skipped = scan_folder(folder)
    except CorpusError:
        return []
    skipped = list(skipped)
    for path, rel in documents:
        try:
            read_document(path)
        except CorpusError as exc:
            skipped.append({"file": rel, "reason": str(exc)})
    return skipped


def lesson_corpus(folder=None) -> pd.DataFrame:
    """:func:`zhpolicy.load_corpus` for a lesson that must run to its end: when the folder cannot
    be used or no file in it can be read, print the library's message and return an empty corpus
    (the usual columns, no rows) whose ``attrs["skipped"]`` lists every file with its reason, so
    the lesson shows why and is still written.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    from ..errors import CorpusError
    from ..paths import default_corpus_dir, resolve_user_path
    from ..reading.corpus import CORPUS_COLUMNS, load_corpus

    try:
        return load_corpus(folder)
    except CorpusError as error:
        path = resolve_user_path(folder) if folder is not None else default_corpus_dir()
        skipped = getattr(error, "skipped", None) or _reasons(path)
        print(f"⚠️ 这个文件夹里没有能读取的文档，本课下面的表和图都会是空的。\n{error}")
        empty = pd.DataFrame(columns=CORPUS_COLUMNS)
        empty.attrs.update(folder=str(path), skipped=list(skipped), catalog_problems=[], cleaning_skip=[])
        return empty


def catalog_note(name: str = "catalog.csv") -> str:
    """What the folder's catalog file is for, in one sentence (lesson 01 and the explorer say it alike)."""
    return f"{name} 用作目录（元数据）：它登记的文档的标题、日期等以它为准；它本身不是文档。"


def skipped_report(skipped: pd.DataFrame, *, limit: int = 20, width: int = 60) -> str:
    """The files not read and why, one block per file, each reason whole and wrapped at *width*
    characters (a table would cut it); at most *limit* files, with a sentence saying how many more.
    The folder's catalog.csv is read, as the documents' metadata (:func:`~zhpolicy.reading.corpus.read_as_metadata`):
    it is named first as such, not counted among the files not read.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    from ..reading.corpus import read_as_metadata

    metadata = read_as_metadata(skipped) if len(skipped) else pd.Series(dtype=bool)
    lines = [catalog_note(name) for name in skipped.loc[metadata, "file"]] if len(skipped) else []
    skipped = skipped[~metadata] if len(skipped) else skipped
    if skipped.empty:
        return "\n".join(lines + [f"文件夹里的{'其他' if lines else ''}文件都读取了，没有跳过的。"])
    lines.append(f"有 {len(skipped)} 个文件没有读取" + (f"（下面列出前 {limit} 个）" if len(skipped) > limit else "") + "：")
    for row in skipped.head(limit).itertuples(index=False):
        lines.append(f"• {row.file}")
        lines.extend(textwrap.wrap(str(row.reason), width, initial_indent="    ", subsequent_indent="    ") or ["    "])
    return "\n".join(lines)


# ---------------------------------------------------------------- sentences computed from the corpus at hand


def longest_and_shortest(stats: pd.DataFrame, labels: pd.Series) -> str:
    """A sentence comparing the longest and the shortest document of *stats* (``doc_id, n_chars``).

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    if "n_chars" not in stats:
        return "语料里没有文本，无从比较篇幅。"
    sized = stats[stats["n_chars"] > 0]
    if len(sized) < 2:
        return "语料里不到两篇有文字的文本，无从比较篇幅。"
    long, short = sized.loc[sized["n_chars"].idxmax()], sized.loc[sized["n_chars"].idxmin()]
    name = lambda row: labels.get(row["doc_id"], row["doc_id"])  # noqa: E731
    return (f"在这份语料中，最长的是 {name(long)}（{long['n_chars']} 字），最短的是 {name(short)}（{short['n_chars']} 字），"
            f"前者约是后者的 {long['n_chars'] / short['n_chars']:.1f} 倍。")


def strings_and_words(corpus: pd.DataFrame, toks: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """For each term, how often it occurs as a string of characters (as KWIC finds it) and as a
    word of the token table (as the frequency tables count it), and the difference: the
    occurrences inside longer words (“企业” in “中小企业”). Columns ``term, as_string, as_word, inside_longer``.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    from ..analysis.terms import dispersion

    strings = dispersion(corpus, terms).set_index("term")["count"]
    words = dispersion(corpus, terms, toks=toks).set_index("term")["count"]
    table = pd.DataFrame({"term": terms, "as_string": strings.reindex(terms).to_numpy(),
                          "as_word": words.reindex(terms).to_numpy()})
    table["inside_longer"] = table["as_string"] - table["as_word"]
    return table


#: The demo plan's 主要指标 table (lessons 01 and 05): header row, then one row per indicator.
PLAN_TABLE = [["指标", "2020年", "2025年", "属性"],
              ["研发经费投入强度（%）", "2.4", "3.0", "预期性"],
              ["每万人口高价值发明专利拥有量（件）", "6.3", "12", "预期性"]]


def write_plan_docx(folder) -> Path:
    """Write ``规划.docx`` into *folder*: a made-up city plan with a title, a table caption, the
    主要指标 table :data:`PLAN_TABLE` and one sentence after it, as colleagues' Word files have
    them. Lesson 01 reads it to show ``zp.tables``; the lessons write it into a temporary folder,
    never into the corpus.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    import docx

    document = docx.Document()
    document.add_paragraph("某某市科技创新发展规划")
    document.add_paragraph("表1 主要指标")
    table = document.add_table(rows=len(PLAN_TABLE), cols=len(PLAN_TABLE[0]))
    for r, row in enumerate(PLAN_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("到2025年，全市科技创新能力显著增强。")
    path = Path(folder) / "规划.docx"
    document.save(path)
    return path


# ---------------------------------------------------------------- lesson 03: the number of topics, similarity


#: Lesson 03 takes the number of topics from the table of ``themes.compare_k``: among the k whose
#: topics come out alike from every starting point (stability at least this), the best coherence.
STABLE_ENOUGH = 0.95
#: The number of topics when the table is empty (too few paragraphs to compare).
DEFAULT_K = 6


def chosen_k(comparison: pd.DataFrame, stable: float = STABLE_ENOUGH) -> int:
    """The number of topics lesson 03 uses, read off *comparison* (``k, coherence, stability``):
    among the k with ``stability >= stable``, the one with the highest coherence (the smaller k on
    a tie); when none is that stable, the most stable k. :data:`DEFAULT_K` for an empty table.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    if comparison.empty:
        return DEFAULT_K
    stable_rows = comparison[comparison["stability"] >= stable]
    pool = stable_rows if len(stable_rows) else comparison[comparison["stability"] == comparison["stability"].max()]
    best = pool.sort_values(["coherence", "k"], ascending=[False, True], kind="stable").iloc[0]
    return int(best["k"])


def k_reason(comparison: pd.DataFrame, k: int, stable: float = STABLE_ENOUGH) -> str:
    """A sentence saying why lesson 03 uses *k* topics, read off the same table.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    if comparison.empty:
        return f"段落太少，无法比较不同的 k：先取 k = {k}。"
    stable_rows = comparison[comparison["stability"] >= stable]
    row = comparison.set_index("k").loc[k]
    if len(stable_rows):
        ks = "、".join(str(int(v)) for v in stable_rows["k"])
        return (f"稳定性不低于 {stable} 的 k 有 {ks}；其中 k = {k} 的连贯性最高（{row['coherence']:.3f}），"
                f"所以取 k = {k}。")
    return f"没有哪个 k 的稳定性达到 {stable}：取最稳定的 k = {k}（稳定性 {row['stability']:.3f}），它的主题要格外小心解读。"


def similarity_range(sim: pd.DataFrame) -> str:
    """A sentence giving the lowest and the highest similarity of two different documents of *sim*
    (a square document × document table), and which pairs they are.

    Taught in lesson 03 (``03_themes.ipynb``)."""
    names = list(sim.index)
    pairs = [(float(sim.iloc[i, j]), names[i], names[j]) for i in range(len(names)) for j in range(i + 1, len(names))]
    if not pairs:
        return "语料里不到两篇文本，没有可以比较的两篇。"
    low, high = min(pairs), max(pairs)
    return (f"这份语料中，两篇不同文本之间的相似度最低是 {low[0]:.2f}（{low[1]} 与 {low[2]}），"
            f"最高是 {high[0]:.2f}（{high[1]} 与 {high[2]}）。")


# ---------------------------------------------------------------- lesson 05: targets


def targets_sentence(stats: pd.DataFrame, promised: pd.DataFrame) -> str:
    """A sentence counting the corpus's targets, those with a single year (the ones ``track_targets``
    can pair with a result of that year) and those paired with a result.

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    targets = int((stats["kind"] == "target").sum()) if "kind" in stats else 0
    paired = int((promised["result"].astype(str) != "").sum()) if len(promised) else 0
    other = targets - len(promised)
    return (f"语料里有 {targets} 个目标（kind 为 target），其中 {len(promised)} 个带单一年份，可以和那一年的实际数对照"
            + (f"（另外 {other} 个的年份是一个时期，如“2026-2030”，或者没有年份）" if other > 0 else "")
            + f"；{paired} 个在语料中找到了实际数。")
