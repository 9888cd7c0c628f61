"""Tables read from documents (.docx, PDF, web pages, Markdown), kept as tables.

A table is never glued into the prose: the reader puts a marker line ``[表N]`` where the table
stood (N counts the document's tables from 1) and keeps the cells here. :func:`tables` gives every
table of a corpus as one long table, one row per cell:

=================  ==========================================================================
``doc_id``         the document (as in the corpus)
``table``          the table's number in its document (1, 2, …), as in the marker ``[表N]``
``caption``        the caption line just above the table (``表1 主要指标``), or ""
``row``            the cell's row, from 0 (the first row is usually the header)
``column``         the cell's column, from 0
``text``           the cell's text (white space normalised, one line)
``header_row``     True when the cell is in a header row (``<th>``/``<thead>``, a Word header
                   row, or a first row of labels above columns that hold figures)
``header_column``  True when the cell is in the label column (the first column, when its
                   cells are labels and the other columns hold figures)
``row_header``     the row's label: the text of its header-column cell(s), joined by " / "
``column_header``  the column's label: the text of its header-row cell(s), joined by " / "
                   (``2025年`` for a plan's 主要指标 table; merged headers repeat over the
                   columns they span)
``merged``         True when the cell repeats a merged cell's text (its grid place is covered
                   by a cell that starts in another row or column); count figures only where
                   ``merged`` is False
``source``         ``docx``, ``pdf``, ``html`` or ``markdown``
=================  ==========================================================================

Statistics are meant to be read from the body cells (``header_row`` and ``header_column``
False, ``merged`` False) with ``row_header`` as the indicator and ``column_header`` as the
year or kind (``2025年`` → 2025; ``目标``/``预期性``/``约束性`` → a target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

TABLE_COLUMNS = ["doc_id", "table", "caption", "row", "column", "text", "header_row", "header_column",
                 "row_header", "column_header", "merged", "source"]

#: The line a reader puts in the prose where a table stood.
MARKER = "[表{n}]"
MARKER_LINE = re.compile(r"^\[表(\d+)\]$")

_NUMBER_CELL = re.compile(r"^[\s\-−–+~～约<>≤≥]*\d[\d,，.．]*\s*(?:%|‰|[万亿千百]?[元人个件项家台吨米公里亩户辆套次所座天年倍]*)?\s*$")
_CAPTION = re.compile(r"^(?:附?表\s*[0-9一二三四五六七八九十]+|[^。！？]{2,40}(?:表|情况|指标|一览)\s*$)")


_YEAR = re.compile(r"(?:19|20)\d\d\s*年?(?:末|底|目标|预期)?")


@dataclass
class Table:
    """One table: a grid of cell texts (merged cells repeat their text over the grid places they
    cover, with ``merged`` True there), the header rows and columns, and its caption."""

    cells: list[list[str]]
    merged: list[list[bool]] = field(default_factory=list)
    header_rows: int = -1      # -1: decide from the cells (see :func:`guess_headers`)
    header_columns: int = -1
    caption: str = ""
    source: str = ""

    def __post_init__(self):
        width = max((len(r) for r in self.cells), default=0)
        self.cells = [[clean_cell(c) for c in r] + [""] * (width - len(r)) for r in self.cells]
        if not self.merged:
            self.merged = [[False] * width for _ in self.cells]
        self.merged = [list(r) + [False] * (width - len(r)) for r in self.merged]
        if self.header_rows < 0 or self.header_columns < 0:
            rows, columns = guess_headers(self.cells)
            self.header_rows = rows if self.header_rows < 0 else self.header_rows
            self.header_columns = columns if self.header_columns < 0 else self.header_columns

    def is_empty(self) -> bool:
        return not any(c for r in self.cells for c in r)

    def text_lines(self) -> list[str]:
        """The table as lines of text (cells joined by " | "), for a reader who wants to see it."""
        return [" | ".join(r) for r in self.cells]

    def rows(self, doc_id: str, number: int) -> list[dict]:
        """The table's cells as rows of :data:`TABLE_COLUMNS`."""
        out = []
        hr, hc = self.header_rows, self.header_columns
        for i, row in enumerate(self.cells):
            row_header = _join_labels(row[:hc]) if i >= hr else ""
            for j, text in enumerate(row):
                column_header = _join_labels([self.cells[k][j] for k in range(min(hr, len(self.cells)))]) if j >= hc else ""
                out.append({
                    "doc_id": doc_id, "table": number, "caption": self.caption, "row": i, "column": j,
                    "text": text, "header_row": i < hr, "header_column": j < hc and i >= hr,
                    "row_header": row_header, "column_header": column_header,
                    "merged": bool(self.merged[i][j]), "source": self.source,
                })
        return out


def clean_cell(text) -> str:
    """A cell's text on one line: white space (line breaks, U+3000, NBSP) collapsed; spaces kept
    only between Latin letters or digits."""
    text = re.sub(r"[\s\u3000\u00a0]+", " ", str(text or "")).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


def _join_labels(labels: list[str]) -> str:
    out: list[str] = []
    for label in labels:
        if label and (not out or out[-1] != label):
            out.append(label)
    return " / ".join(out)


def is_number_cell(text: str) -> bool:
    """True when a cell holds a figure (``120``, ``6.5%``, ``1,234.5``, ``-3.2``, ``约5万人``)."""
    return bool(_NUMBER_CELL.match(text)) and any(ch.isdigit() for ch in text)


def guess_headers(cells: list[list[str]]) -> tuple[int, int]:
    """How many header rows and label columns a table without explicit headers has: the first
    row is a header when it holds no figure while a later row does (or when every row below is
    labels only, for a table of text); the first column is a label column when its body cells hold
    no figures while other columns do."""
    if len(cells) < 2:
        return 0, 0
    numeric = [[is_number_cell(c) for c in row] for row in cells]
    # a year (2020年, 2025) above a column is a label, not a figure
    first_has_numbers = any(n and not _YEAR.fullmatch(c) for n, c in zip(numeric[0][1:], cells[0][1:]))
    body_numbers = any(any(r) for r in numeric[1:])
    header_rows = 1 if not first_has_numbers or not body_numbers else 0
    body = numeric[header_rows:]
    first_col_numbers = any(r[0] for r in body if r)
    other_numbers = any(any(r[1:]) for r in body)
    header_columns = 1 if other_numbers and not first_col_numbers else 0
    return header_rows, header_columns


def table_rows(doc_id: str, doc_tables: list[Table]) -> list[dict]:
    """All cells of one document's tables as rows of :data:`TABLE_COLUMNS`."""
    rows: list[dict] = []
    for n, table in enumerate(doc_tables, start=1):
        rows.extend(table.rows(doc_id, n))
    return rows


def caption_above(lines: list[str]) -> str:
    """The caption of a table from the prose line just above it (``表1 主要指标``, ``…情况表``)."""
    for line in reversed(lines[-2:]):
        line = line.strip()
        if line and len(line) <= 40 and _CAPTION.match(line):
            return line
    return ""


def empty_tables() -> pd.DataFrame:
    return pd.DataFrame(columns=TABLE_COLUMNS)
