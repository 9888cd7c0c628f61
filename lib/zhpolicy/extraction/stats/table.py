"""The statistics table: :func:`extract_statistics` walks the sentences of each document and
gives every figure its year, kind, indicator and source."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ...reading.structure import outline as outline_table
from ...reading.structure import sentences as sentence_table
from .figures import CN_NUMERAL, _SP, _candidates, _clause_start, _clean_value, _extend_qualifiers
from .indicators import _attribution, _indicator, _respectively, _source
from .kinds import figure_kind
from .years import _figure_year, _heading_year_at, _heading_years, _topic_token, _year_tokens, document_year_month

# ---------------------------------------------------------------- the public functions

STAT_COLUMNS = [
    "doc", "doc_id", "surface", "value", "value_high", "unit", "year", "year_source", "kind", "qualifier",
    "indicator", "source", "sentence", "start", "end",
]


def _document_dates(docs) -> dict[str, str]:
    if isinstance(docs, pd.DataFrame) and "date" in docs.columns and "doc_id" in docs.columns:
        return {str(d): ("" if pd.isna(v) else str(v)) for d, v in zip(docs["doc_id"], docs["date"])}
    return {}


#: A sentence without any of these characters has no figure (a cheap test before the rules run).
_MAY_HOLD_FIGURE = re.compile(r"[\d万亿千百倍成番第首分前强]")
#: Every match of a pattern of ``_ranks`` or ``_chinese_quantities`` holds a digit or one of these
#: pieces (a second cheap test; keep it in step when a pattern changes: tests/test_stats_speed.py checks).
_CHINESE_FIGURE_PIECE = re.compile(
    "|".join([
        "第", "首位", "榜首", r"前\s*" + CN_NUMERAL, CN_NUMERAL + "强",  # ranks
        CN_NUMERAL + _SP + "[万亿千]", CN_NUMERAL + "[倍成]",  # 三万亿元, 两倍, 三成
        "[破过超到达逾近上][万亿千百]",  # 突破万亿元 (a verb of reaching before a bare magnitude)
        "分之", "翻[一两二三四]?番",  # 百分之十五, 三分之一, 翻一番
    ])
)
_DIGIT = re.compile(r"\d")


def _may_hold_figure(sentence: str) -> bool:
    """False for a sentence that is given no figure (most sentences of a long text): one without
    the characters of ``_MAY_HOLD_FIGURE``, or one where no figure pattern can match."""
    if not _MAY_HOLD_FIGURE.search(sentence):
        return False
    return bool(_DIGIT.search(sentence) or _CHINESE_FIGURE_PIECE.search(sentence))


def _sentence_figures(sentence: str) -> list[dict]:
    if not _may_hold_figure(sentence):
        return []
    found = _candidates(sentence)
    for row in found:
        _extend_qualifiers(sentence, row)
    return found


#: A sentence opening with its own time (目前, 近年来 …) does not take the year of its paragraph.
_OWN_TIME = re.compile(r"(?:目前|当前|现在|如今|近年来|近些年|长期以来|截至目前|迄今|未来)")


def _doc_rows(doc_id: str, label: str, date: str, sents: list[tuple], doc_outline: list[tuple]) -> list[dict]:
    """The statistics of one document, sentence by sentence (para_id, start, text), with the
    paragraph and heading context."""
    headings = _heading_years(doc_outline, date)
    heading_texts = sorted((start, heading) for kind, heading, _, _, start in doc_outline if kind == "heading")
    doc = {"doc": label, "doc_id": doc_id, "year": document_year_month(date)[0]}
    rows, para, para_topic = [], None, None
    for para_id, sent_start, text in sents:
        tokens = _year_tokens(text, date)
        topic = _topic_token(text, tokens)
        if para_id != para:
            para, para_topic = para_id, None
        found = _sentence_figures(text)
        inherited, para_topic = para_topic, topic if topic is not None else para_topic
        if not found:
            continue
        own_time = any(not t["weak"] for t in tokens) or _OWN_TIME.match(text)
        context = {"topic": topic, "heading": _heading_year_at(headings, sent_start),
                   "paragraph": None if own_time else inherited}
        heading = " ".join([next((h for start, h in reversed(heading_texts) if start <= sent_start), ""),
                            (context["heading"] or {}).get("text", "")])
        rows += _sentence_rows(text, sent_start, found, tokens, context, heading, doc)
    return rows


def _sentence_rows(sentence: str, offset: int, found: list[dict], tokens: list[dict], context: dict,
                   heading: str, doc: dict) -> list[dict]:
    """One table row per figure of a sentence (indicator, year and its source, kind, source …)."""
    rows, previous, previous_end = [], "", 0
    attribution = _attribution(sentence)
    for row in found:
        clause_start = _clause_start(sentence, row["start"])
        indicator = (_respectively(sentence, row, found)
                     or _indicator(sentence, row, previous, previous_end if previous_end > clause_start else 0))
        previous, previous_end = indicator, row["end"]
        year, year_source = _figure_year(sentence, row, tokens, context)
        rows.append({
            "doc": doc["doc"], "doc_id": doc["doc_id"], "surface": sentence[row["start"]:row["end"]],
            "value": _clean_value(row["value"]),
            "value_high": _clean_value(row["value_high"]) if "value_high" in row else np.nan,
            "unit": row["unit"], "year": year, "year_source": year_source,
            "kind": figure_kind(sentence, row, heading, doc["year"], year),
            "qualifier": row["qualifier"], "indicator": indicator, "source": _source(sentence, row["end"], attribution),
            "sentence": sentence, "start": offset + row["start"], "end": offset + row["end"],
        })
    return rows


def extract_statistics(docs) -> pd.DataFrame:
    """Find the statistics cited in a text, a dict of texts, or a corpus.

    Returns one row per figure: ``doc`` (the document's label), ``doc_id``, ``surface`` (the
    exact span of the cleaned text, ``text[start:end]``), ``value`` in base units
    (``value_high`` for the top of a range), ``unit`` (``元``, ``%``, ``个百分点``, ``人年``,
    ``rank`` …), ``year`` (``2024`` or a period ``2026-2030``; empty when it cannot be known) and
    ``year_source`` (``clause``, ``sentence``, ``paragraph``, ``heading``, ``relative:今年`` …),
    ``kind`` (achieved, target, plan, comparison), ``qualifier`` (超过, 近, 约, 左右, 多, 达到,
    ``<``, ``range`` …), ``indicator`` (what was measured), ``source`` (the attribution or the
    citation marks), and the ``sentence`` with its ``start``/``end`` offsets.

    Relative words (今年, 去年, 过去一年, 全年, 同比) are resolved against the ``date`` column of
    a corpus (from ``catalog.csv`` or the text's header); a text without a date keeps them empty.
    """
    labels = {}
    if isinstance(docs, pd.DataFrame) and "label" in docs.columns:
        labels = dict(zip(docs["doc_id"].astype(str), docs["label"]))
    dates = _document_dates(docs)
    sents = _records_by_doc(sentence_table(docs), ["para_id", "start", "text"])
    outlines = _records_by_doc(outline_table(docs), ["kind", "heading", "marker", "level", "start"])
    rows = []
    for doc_id, doc_sents in sents.items():
        label, date, doc_outline = labels.get(doc_id, doc_id), dates.get(doc_id, ""), outlines.get(doc_id, [])
        rows += _doc_rows(doc_id, label, date, doc_sents, doc_outline)
    return pd.DataFrame(rows, columns=STAT_COLUMNS)


def _records_by_doc(table: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """The rows of a sentence or outline table as plain tuples of *columns*, grouped by ``doc_id``
    (documents in order of first appearance, rows in table order): cheaper than pandas row access."""
    grouped: dict[str, list[tuple]] = {}
    for doc_id, row in zip(table["doc_id"].tolist(), zip(*(table[c].tolist() for c in columns))):
        grouped.setdefault(doc_id, []).append(row)
    return grouped
