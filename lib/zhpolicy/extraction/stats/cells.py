"""Statistics from table cells (the tables of :func:`zhpolicy.tables`).

A table's figures are read the way a careful reader reads a 主要指标 table or a bulletin's table:
the row's label names the indicator; the column's header gives the year (``2025年``, ``2014``,
``2021—2025年``) and often the kind (``2025年目标`` → target, ``2020年基期`` → achieved, ``比上年增减`` →
comparison); an attribute column (``属性``: 预期性/约束性) makes the row's figures for its latest year
targets; the unit comes from the cell itself (``6.5%``), else the column header (``比上年增长（%）``),
the row label (``研发经费投入强度（%）``) or a unit column (``单位``: 万吨), the block the row stands in
(``总产出指数(上年=100)`` over the rows below it) or the table's caption (``单位：亿元``). A cell's own
year (``2.4（2019年）``) wins over its column's. The year's source is ``cell``, ``column_header``,
``row_header`` or ``caption`` (the caption or a short line just above the table), else that of the
place the table stands in the text (its heading or scope). Each figure keeps its ``table``, ``row``
and ``column``; its ``sentence`` reads ``caption｜row label｜column header：cell`` and its
``start``/``end`` are those of the table's ``[表N]`` line in the text.

Only body cells are read (not header rows, label columns or merged copies), and not columns of codes
or serial numbers (序号, 代码 …, or 1, 2, 3 … down the column). A number without any unit is kept only
where the table is one of figures (a column names a year or a kind, or the row stands in an index block).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ...reading.clean import to_simplified
from ...reading.corpus import tables as corpus_tables

from ...numbers import MAGNITUDE
from .figures import _candidates, _clean_value, _extend_qualifiers
from .kinds import LATER_THAN_DOCUMENT, RATE_UNITS, TABLE_SCOPES, kind_cues
from .years import _year_tokens, document_year_month

#: Column headers of columns that hold codes, serial numbers or notes, never statistics.
_NOT_FIGURES = re.compile(r"序号|编号|代码|代号|邮编|电话|页码|备注|说明|责任单位|牵头单位|联系人|网址")
#: Headers of a unit column (单位, 计量单位) and of an attribute column (属性, 指标属性, 指标性质).
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
_ATTRIBUTE_HEADER = re.compile(r"^(?:指标)?(?:属性|性质|类型)$")
#: A unit in brackets at the end of a label or header: 研发经费投入强度（%）, 总量(亿元), 2020年（万人）.
_BRACKETED_UNIT = re.compile(r"[（(]\s*(?:单位[:：]\s*)?([^（）()]{1,12}?)\s*[）)]\s*$")
#: A unit line: 单位：亿元, 计量单位:万吨 (in a caption or a line above the table).
_UNIT_LINE = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s，,；;。]{1,10})")
#: A header that is a year alone: 2014, 2020年, 2020年末, 2025年底.
_BARE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*(?:末|底|度)?\s*$")
#: Headers of columns that cover a period: 年均增长, 累计, 五年累计.
_PERIOD_HEADER = re.compile(r"年均|累计|平均每年")
#: Headers of columns of growth rates: 比上年增长（%）, 增速, 增幅.
_GROWTH_HEADER = re.compile(r"增长|增速|增幅|涨幅|[升降]幅")
#: Brackets around a cumulative figure of a plan period (〔18〕, [13.5]).
_CUMULATIVE = re.compile(r"^\s*[〔［\[]\s*(.+?)\s*[〕］\]]\s*$")
#: A number (with an optional magnitude) that a unit can follow.
_NUMBER = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s*(?:{MAGNITUDE}))?(?![\d.年月日号])")
_CELL_NUMBER = re.compile(r"\d")
_ANY_UNIT_TEXT = re.compile(r"[^\d\s.,，。:：/]")


@lru_cache(maxsize=1)
def _table_cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """The cues of ``stat_kinds.tsv`` for tables, by scope (``column``, ``attribute``): (kind, cue)."""
    found: dict[str, list] = {}
    for kind, scope, cue in kind_cues():
        if scope in TABLE_SCOPES:
            found.setdefault(scope, []).append((kind, cue))
    return {scope: tuple(sorted(cues, key=lambda kc: -len(kc[1]))) for scope, cues in found.items()}


def _cue(scope: str, text: str) -> tuple[str, str]:
    for kind, cue in _table_cues().get(scope, ()):
        if cue in text:
            return kind, cue
    return "", ""


def _unit_text(label: str) -> str:
    """The unit a label or header gives in brackets (``研发经费投入强度（%）`` → ``%``), ``""`` for a
    bracket that names no unit (``(上年=100)``), None when it has no bracket at its end."""
    m = _BRACKETED_UNIT.search(label)
    if m is None:
        m = _UNIT_LINE.search(label)
        return m[1] if m else None
    return m[1].strip() if _reads_as_unit(m[1].strip()) else ""


@lru_cache(maxsize=2048)
def _reads_as_unit(text: str) -> bool:
    """Whether *text* is a unit of ``units.tsv`` (with a magnitude or a denominator: 亿元, 万人, 元/吨)."""
    found = _candidates("1" + text)
    return bool(found) and found[0]["start"] == 0 and found[0]["end"] == len(text) + 1 and found[0]["unit"] != ""


def _strip_unit(label: str) -> str:
    return _BRACKETED_UNIT.sub("", label).strip(" ：:") if label else ""


def _header_year(header: str, date) -> tuple[str, str]:
    """(year, its text) a column or row header names: ``2025年`` → 2025, a bare ``2014``, a period
    ``2021—2025年``, a relative word resolved against *date* (本年, 上年); ("", "") when none."""
    if not header:
        return "", ""
    m = _BARE_YEAR.match(header)
    if m:
        return m[1], header
    tokens = [t for t in _year_tokens(header, date) if t["year"] and not t["weak"]]  # not 比上年增长
    if tokens:
        return tokens[0]["year"], header
    return "", ""


def _is_serial(values: list[str]) -> bool:
    """1, 2, 3 … down a column: a column of serial numbers."""
    numbers = [v.strip().rstrip(".、") for v in values if v.strip()]
    return len(numbers) >= 2 and all(n.isdigit() for n in numbers) and [int(n) for n in numbers] == list(
        range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _is_label(text: str) -> bool:
    """A cell that names something rather than holding a figure (no digit, or more words than digits)."""
    digits = len(_CELL_NUMBER.findall(text))
    return bool(text) and (digits == 0 or len(re.findall(r"[\u4e00-\u9fff]", text)) > 2 * digits + 2)


class _Grid:
    """One table's body cells as a grid, with its columns' roles and headers."""

    def __init__(self, cells: pd.DataFrame):
        self.caption = str(cells["caption"].iloc[0] or "")
        body = cells[~cells["header_row"]]
        self.header_of = {int(c): str(h or "") for c, h in zip(cells["column"], cells["column_header"])}
        self.rows: dict[int, dict[int, dict]] = {}
        for r in body.to_dict("records"):
            self.rows.setdefault(int(r["row"]), {})[int(r["column"])] = r
        columns = sorted({int(c) for c in cells["column"]})
        values = {c: [str(row[c]["text"]) for row in self.rows.values() if c in row and not row[c]["merged"]]
                  for c in columns}
        self.unit_column = next((c for c in columns if _UNIT_HEADER.match(self.header_of.get(c, ""))), None)
        self.attribute_column = next((c for c in columns if _ATTRIBUTE_HEADER.match(self.header_of.get(c, ""))
                                      or values[c] and all(_cue("attribute", v)[0] or not v for v in values[c])
                                      and any(values[c])), None)
        self.skipped = {c for c in columns if _NOT_FIGURES.search(self.header_of.get(c, "")) or _is_serial(values[c])}
        self.skipped |= {c for c in (self.unit_column, self.attribute_column) if c is not None}
        self.label_columns = {c for c in columns if c not in self.skipped and values[c] and (
            sum(_is_label(v) for v in values[c]) >= max(1, len([v for v in values[c] if v])) * 0.8
            or all(_BARE_YEAR.match(v) for v in values[c] if v))}  # 2017年, 2018年 …: rows by year
        self.columns = columns

    def row_label(self, row: int, column: int) -> str:
        """The row's label: its label cells left of *column*, the nearest last (a category before it)."""
        cells = self.rows.get(row, {})
        labels = [str(cells[c]["text"]) for c in sorted(cells) if c < column and (
            cells[c]["header_column"] or c in self.label_columns) and str(cells[c]["text"]).strip()]
        if not labels:
            return str(next(iter(cells.values()))["row_header"]) if cells else ""
        return labels[-1].strip()


def table_rows(cells: pd.DataFrame, doc: dict, marker: dict | None, lines_above: str) -> list[dict]:
    """The statistics of one table (its cells, as :func:`zhpolicy.tables` gives them) as rows of the
    statistics table. *doc*: ``doc``, ``doc_id``, ``date``; *marker*: where its ``[表N]`` line stands
    (``start``, ``end``) and the year of that place (``frame``: a year token, or None);
    *lines_above*: the short lines just above it."""
    grid = _Grid(cells)
    date = doc.get("date", "")
    doc_year = document_year_month(date)[0]
    caption = grid.caption or (lines_above.split("\n")[-1] if lines_above else "")
    caption_year, caption_line = _caption_year(grid.caption, lines_above, date)
    caption_unit = next((u for u in (_unit_text(grid.caption or ""), *(_unit_text(x) for x in lines_above.split("\n")))
                         if u), "")
    column_years = {c: _header_year(grid.header_of.get(c, ""), date) for c in grid.columns}
    years = sorted({y for y, _ in column_years.values() if re.fullmatch(r"\d{4}", y)})
    year_columns = [(y, h) for y, h in column_years.values() if re.fullmatch(r"\d{4}", y)]
    latest = years[-1] if years else ""
    figures_table = bool(years) or any(_cue("column", h)[0] for h in grid.header_of.values())
    out, block_unit = [], None
    for row in sorted(grid.rows):
        cells = grid.rows[row]
        label = grid.row_label(row, max(cells) + 1)
        own = _unit_text(label)
        if own is not None:
            block_unit = own  # a row naming its unit starts a block: the rows after it without one take it
        row_unit = grid.rows[row][grid.unit_column]["text"] if grid.unit_column in cells else None
        attribute = str(cells[grid.attribute_column]["text"]) if grid.attribute_column in cells else ""
        row_year, row_year_line = _header_year(_strip_unit(label), date) if not _BARE_YEAR.match(label or "") else (
            _BARE_YEAR.match(label)[1], label)
        for column in sorted(cells):
            cell = cells[column]
            text = str(cell["text"]).strip()
            if (cell["merged"] or cell["header_column"] or column in grid.skipped or column in grid.label_columns
                    or not _CELL_NUMBER.search(text)):
                continue
            header = grid.header_of.get(column, "")
            unit = next((u for u in (_unit_text(header), row_unit if row_unit is not None else None,
                                     own, block_unit, caption_unit) if u is not None), "")
            found = _cell_figures(text, unit, index_ok=figures_table or (block_unit == ""))
            if not found:
                continue
            c_label = row_label_for(grid, row, column, label)
            year, source, line = _cell_year(text, date, _column_year(header, column_years[column], years, year_columns),
                                            (row_year, row_year_line), (caption_year, caption_line), marker,
                                            several_years=len(years) >= 2)
            kind, kind_cue = _cell_kind(header, attribute, year, latest, doc_year, unit, (marker or {}).get("scope"))
            sentence = "｜".join(x for x in (caption or f"表{cell['table']}", c_label, header) if x) + f"：{text}"
            for figure in found:
                out.append({
                    "doc": doc["doc"], "doc_id": doc["doc_id"], "surface": text, "value": _clean_value(figure["value"]),
                    "value_high": _clean_value(figure["value_high"]) if "value_high" in figure else np.nan,
                    "unit": figure["unit"], "year": year, "year_source": source, "year_line": line,
                    "kind": kind, "kind_cue": kind_cue,
                    "qualifier": figure["qualifier"] or ("增长" if _GROWTH_HEADER.search(header) else ""),
                    "indicator": _strip_unit(c_label), "source": "",
                    "sentence": sentence, "start": marker["start"] if marker else -1, "end": marker["end"] if marker else -1,
                    "table": int(cell["table"]), "row": row, "column": column,
                })
    return out


def row_label_for(grid: _Grid, row: int, column: int, label: str) -> str:
    """The label of the figure at (*row*, *column*): the row's label, or, in a table whose rows are
    years (2019年, 2020年 …), the column's header."""
    if _BARE_YEAR.match(label or "") or not label:
        return grid.header_of.get(column, "") or label
    return grid.row_label(row, column) or label


def _caption_year(caption: str, lines_above: str, date) -> tuple[str, str]:
    for line in ([caption] if caption else []) + list(reversed([x for x in lines_above.split("\n") if x])):
        tokens = [t for t in _year_tokens(line, date) if t["year"] and not t["weak"]]
        if tokens:
            return tokens[0]["year"], line
    return "", ""


def _column_year(header: str, own: tuple[str, str], years: list[str], year_columns: list) -> tuple[str, str]:
    """The year of a column: its header's; for a 年均/累计 column, the period between the table's
    first and last years (2020年, 2025年 → 2021-2025); in a table with one year column, that year
    (比上年增长 beside 2023年)."""
    if own[0]:
        return own
    if _PERIOD_HEADER.search(header) and len(years) >= 2:
        return f"{int(years[0]) + 1}-{years[-1]}", f"{header}（表中 {years[0]}—{years[-1]}年）"
    if len(year_columns) == 1:
        return year_columns[0]
    return "", ""


def _cell_year(text, date, column, row, caption, marker, several_years: bool = False) -> tuple[str, str, str]:
    """(year, year_source, year_line) of a cell's figure: the cell's own year, its column's, its
    row's, the caption's, else that of the place the table stands in the text; none for a column
    without a year in a table whose columns name several years (which one is not said)."""
    own = [t for t in _year_tokens(text, date) if t["year"] and not t["weak"]]
    if own:
        return own[0]["year"], "cell", text
    for (year, line), source in ((column, "column_header"), (row, "row_header")):
        if year:
            return year, source, line
    if several_years:
        return "", "", ""
    if caption[0]:
        return caption[0], "caption", caption[1]
    frame = (marker or {}).get("frame")
    if frame is not None and frame.get("year"):
        return frame["year"], frame.get("source") or "heading", frame.get("text", "")
    return "", "", ""


def _cell_kind(header: str, attribute: str, year: str, latest: str, doc_year: int | None, unit: str,
               scope: dict | None = None) -> tuple[str, str]:
    """(kind, kind_cue) of a cell's figures: the column header's cue (目标, 基期, 增减 …; a rate is never
    a comparison); the row's attribute (预期性/约束性) for the table's latest year and its period
    columns; a year after the document's; an earlier year column of a table with attributes (a base
    year); a target list's lead above the table (*scope*) for its latest year; else achieved."""
    kind, cue = _cue("column", header)
    if kind == "comparison" and unit in RATE_UNITS:
        kind = ""
    if kind:
        return kind, f"列标题:{cue}"
    if unit == "个百分点":
        return "comparison", "个百分点"
    end = year[-4:] if re.fullmatch(r"\d{4}(?:-\d{4})?", year or "") else ""
    latest_or_period = not end or end == latest or "-" in year
    target_attribute = _cue("attribute", attribute)
    if target_attribute[0] and (latest_or_period or doc_year and int(end) > doc_year):
        return "target", f"属性:{target_attribute[1]}"
    if end and doc_year and int(end) > doc_year:
        return "target", LATER_THAN_DOCUMENT
    if target_attribute[0]:
        return "achieved", "基期（属性表中较早的年份）"
    if scope is not None and scope.get("kind") == "target" and latest_or_period:
        return "target", scope.get("cue") or "scope"
    return "achieved", ""


def _cell_figures(text: str, unit: str, index_ok: bool) -> list[dict]:
    """The figures of one cell: the cell as written when it carries its unit (6.5%, 3200万元), else
    with *unit* after each number (``184.26`` + ``万头``); a number without any unit only when
    *index_ok* (a table of figures)."""
    cumulative = _CUMULATIVE.match(text)
    body = cumulative[1] if cumulative else text
    own = [f for f in _parsed(body) if f["unit"]]
    if own:
        found = own
    elif unit and _ANY_UNIT_TEXT.search(unit):
        found = [f for f in _parsed(_NUMBER.sub(lambda m: m.group(0) + unit, body)) if f["unit"]]
    else:
        found = _bare_numbers(body) if index_ok else []
    for f in found:
        if cumulative:
            f["qualifier"] = f["qualifier"] or "累计"
    return found


def _parsed(text: str) -> list[dict]:
    found = _candidates(text)
    for row in found:
        _extend_qualifiers(text, row)
    return found


_BARE = re.compile(r"(?P<sign>[-−－])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)")


def _bare_numbers(text: str) -> list[dict]:
    """Numbers without a unit (an index, 110.40): value, unit ``""``, a comparison sign as qualifier."""
    out = []
    for m in _BARE.finditer(text):
        if _DATE_LIKE.search(text):
            break
        value = float(m["num"].replace(",", "")) * (-1 if m["sign"] else 1)
        sign = re.search(r"[<>＜＞≤≥]\s*$", text[:m.start()])
        out.append({"start": m.start(), "end": m.end(), "value": value, "unit": "",
                    "qualifier": {"＜": "<", "＞": ">"}.get(sign.group(0).strip(), sign.group(0).strip()) if sign else ""})
    return out


_DATE_LIKE = re.compile(r"(?:19|20)\d{2}\s*[年\-/.]\s*\d")


# ---------------------------------------------------------------- a corpus's tables


def table_cells(docs, tables=None) -> dict[str, pd.DataFrame]:
    """The table cells to read, by document: *tables* when it is a table of cells; none when it is
    ``False`` or *docs* is not a corpus; else the corpus's own (:func:`zhpolicy.tables`). Cells of a
    table written in Traditional script are converted as the corpus's text is (unless the corpus
    was loaded with ``simplify=False``)."""
    if tables is False or tables is None and not isinstance(docs, pd.DataFrame):
        return {}
    if tables is None:
        if "tables" not in docs.attrs and not (docs.attrs.get("folder") and "file" in docs.columns):
            return {}
        tables = corpus_tables(docs)
    if not isinstance(tables, pd.DataFrame) or tables.empty:
        return {}
    simplify = not (isinstance(docs, pd.DataFrame) and "to_simplified" in docs.attrs.get("cleaning_skip", ()))
    return {str(doc_id): _simplified(cells) if simplify else cells
            for doc_id, cells in tables.groupby(tables["doc_id"].astype(str), sort=False)}


_TEXT_COLUMNS = ("caption", "text", "row_header", "column_header")


def _simplified(cells: pd.DataFrame) -> pd.DataFrame:
    """*cells* with their texts in Simplified script when the table reads as Traditional."""
    joined = "\n".join("\n".join(map(str, cells[c].fillna(""))) for c in _TEXT_COLUMNS)
    converted = to_simplified(joined)
    if converted == joined:
        return cells
    parts = converted.split("\n")
    out, n = cells.copy(), len(cells)
    for k, column in enumerate(_TEXT_COLUMNS):
        out[column] = parts[k * n:(k + 1) * n]
    return out


def document_table_rows(cells: pd.DataFrame, doc: dict, text: str, markers: dict) -> list[dict]:
    """The statistics of every table of one document (its *cells*), each table read with the place
    its ``[表N]`` line takes in *text* (*markers*, from the prose pass) and the short lines above it."""
    out = []
    for number, table in cells.groupby("table", sort=True):
        marker = markers.get(int(number))
        out += table_rows(table, doc, marker, _lines_above(text, marker["start"]) if marker else "")
    return out


def _lines_above(text: str, pos: int, count: int = 2, longest: int = 40) -> str:
    """Up to *count* short lines just above *pos* that read as a caption (表1 主要指标, 单位：亿元,
    2022年上半年), not as a sentence of the prose (no ，。；, not ending in ：)."""
    kept = []
    for line in reversed(text[:pos].rstrip("\n").split("\n")[-count:]):
        line = line.strip()
        if not line or len(line) > longest or line.startswith("[表") or (
                not _UNIT_LINE.search(line) and re.search(r"[，,。；;！？]|[：:]$", line)):
            break  # the caption lines stand right above the table
        kept.insert(0, line)
    return "\n".join(kept)
