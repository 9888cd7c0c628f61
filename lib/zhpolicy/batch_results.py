"""The layout of a batch run's output folder, and reading it back as the tables the lessons use.

:func:`zhpolicy.batch.run_batch` writes one Parquet dataset per table in :data:`TABLES`
(``OUT/<table>/part-*.parquet``), ``corpus_frequencies.parquet`` and ``run.json``;
:func:`read_batch` gives them back equal to what the library's functions give on the same folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .errors import CorpusError

#: The tables written per partition (one Parquet dataset each).
TABLES = ("corpus", "documents", "sentences", "token_counts", "statistics", "chains", "coded_units", "skipped")
_SKIPPED_COLUMNS = ["file", "reason"]
_COUNT_COLUMNS = ["doc_id", "term", "count"]
_DOCUMENT_COLUMNS = ["doc_id", "n_tokens", "token_chars"]
#: Tables whose rows the library gives in the corpus's document order (chains: by doc_id, start).
_IN_DOCUMENT_ORDER = ("sentences", "token_counts", "documents", "statistics", "coded_units")


def _read_table(out: Path, name: str) -> pd.DataFrame:
    parts = sorted((Path(out) / name).glob("part-*.parquet"))
    if not parts:
        return pd.DataFrame()
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)


def _empty(name: str) -> pd.DataFrame:
    """The table a stage gives for no documents (its columns), from the library's own function."""
    from .extraction.chains import extract_chains
    from .extraction.stats import extract_statistics
    from .reading.structure import sentences
    from .analysis.themes import code_units, theme_units

    makers = {"sentences": sentences, "statistics": extract_statistics, "chains": extract_chains,
              "coded_units": lambda docs: code_units(theme_units(docs))}
    try:
        return makers[name]({}) if name in makers else pd.DataFrame()
    except Exception:  # noqa: BLE001 - a stage that cannot take no documents: no columns then
        return pd.DataFrame()


def _lists(table: pd.DataFrame, columns) -> pd.DataFrame:
    for column in columns:
        if column in table.columns:
            table[column] = [list(v) if v is not None else [] for v in table[column]]
    return table


def term_frequencies_from_counts(counts: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per-document term frequencies (``doc_id, term, count, per_10k, doc_freq, tfidf``, as
    :func:`zhpolicy.analysis.terms.term_frequencies` gives them) from token counts and document lengths."""
    import numpy as np

    columns = ["doc_id", "term", "count", "per_10k", "doc_freq", "tfidf"]
    if not len(counts):
        return pd.DataFrame(columns=columns)
    lengths = documents.set_index("doc_id")["token_chars"]
    table = counts[["doc_id", "term", "count"]].copy()
    n_docs = int((documents["n_tokens"] > 0).sum())
    table["per_10k"] = (table["count"] / table["doc_id"].map(lengths) * 10_000).round(2)
    table["doc_freq"] = table.groupby("term")["doc_id"].transform("nunique")
    totals = table.groupby("doc_id")["count"].transform("sum")
    table["tfidf"] = (table["count"] / totals * np.log(n_docs / table["doc_freq"])).round(5)
    table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True])
    return table.reset_index(drop=True)[columns]


def _in_folder_order(table: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """*table* with its documents in the folder's order (rows of one document keep theirs)."""
    if not len(table) or "doc_id" not in table.columns:
        return table
    place = table["doc_id"].map(order)
    if place.is_monotonic_increasing:
        return table
    return table.iloc[place.argsort(kind="stable")].reset_index(drop=True)


def read_batch(out) -> dict:
    """Read a batch run's outputs back as the tables the lessons use.

    Returns a dict: ``corpus`` (as :func:`zhpolicy.load_corpus` gives it, skipped files in
    ``attrs["skipped"]``), ``sentences``, ``term_frequencies`` (as :func:`zhpolicy.analysis.terms.term_frequencies`
    on the token table), ``token_counts`` (``doc_id, term, count``), ``corpus_frequencies``,
    ``statistics``, ``chains``, ``coded_units``, ``skipped`` and ``run`` (the run record)."""
    from .reading.corpus import CORPUS_COLUMNS, distinct_labels

    out = Path(out)
    if not (out / "run.json").is_file():
        raise CorpusError(f"这里没有批处理结果：{out}（no run.json; run `zhpolicy batch` first）")
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    tables = {name: _read_table(out, name) for name in TABLES}
    for name, table in tables.items():
        if not len(table.columns):
            tables[name] = _empty(name)
    corpus = tables["corpus"]
    if len(corpus) and "position" in corpus.columns:  # partitions may hold documents out of order
        corpus = corpus.sort_values("position", kind="stable").reset_index(drop=True)
        order = dict(zip(corpus["doc_id"], range(len(corpus))))
        for name in _IN_DOCUMENT_ORDER:
            tables[name] = _in_folder_order(tables[name], order)
    corpus = corpus.reindex(columns=CORPUS_COLUMNS) if len(corpus) else pd.DataFrame(columns=CORPUS_COLUMNS)
    if len(corpus):  # labels made distinct over the whole folder, as load_corpus makes them
        corpus["label"] = distinct_labels(list(corpus["label"]), list(corpus["doc_id"]))
        label = dict(zip(corpus["doc_id"], corpus["label"]))
        for table in tables.values():
            if "doc" in table.columns and "doc_id" in table.columns and len(table):
                table["doc"] = table["doc_id"].map(label).fillna(table["doc"])
    skipped = tables["skipped"] if len(tables["skipped"]) else pd.DataFrame(columns=_SKIPPED_COLUMNS)
    corpus.attrs["folder"] = record.get("folder", "")
    corpus.attrs["skipped"] = skipped.to_dict("records")
    counts = tables["token_counts"] if len(tables["token_counts"]) else pd.DataFrame(columns=_COUNT_COLUMNS)
    documents = tables["documents"] if len(tables["documents"]) else pd.DataFrame(columns=_DOCUMENT_COLUMNS)
    chains = _lists(tables["chains"], ("nodes", "roles"))
    if len(chains):
        chains = chains.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    freq_path = out / "corpus_frequencies.parquet"
    return {
        "corpus": corpus,
        "sentences": tables["sentences"],
        "token_counts": counts,
        "documents": documents,
        "term_frequencies": term_frequencies_from_counts(counts, documents),
        "corpus_frequencies": pd.read_parquet(freq_path) if freq_path.is_file() else pd.DataFrame(),
        "statistics": tables["statistics"],
        "chains": chains,
        "coded_units": tables["coded_units"],
        "skipped": skipped,
        "run": record,
    }
