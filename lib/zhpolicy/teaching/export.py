"""Save tables and figures into the output folder (``output/`` at the project root, or
``$ZHPOLICY_OUTPUT``), never into ``seeds/`` or the corpus folder. Files carry no timestamps, so a
rerun writes identical files.

Every CSV and .xlsx the project writes goes through :func:`write_csv` (:func:`csv_bytes` for a
download), :func:`xlsx_bytes` or :func:`excel_text_cell`:
a cell whose text starts with a character that makes a spreadsheet read it as a formula
(``= + - @``, tab, carriage return, and their full-width forms) cannot become one (OWASP's advice
on CSV injection). In a CSV such a cell gets a leading ``'``; in an .xlsx it is stored as text
with Excel's own "quote prefix" (shown unchanged, never calculated). The tables in memory are
never changed; :func:`csv_original` undoes the apostrophe when the project reads its own CSV back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..paths import output_dir

#: What a spreadsheet takes as the start of a formula (OWASP: = + - @ tab CR; full-width forms
#: too, which Excel in Chinese and Japanese settings may also take as formula signs).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def formula_like(value) -> bool:
    """Whether *value* is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _needs_apostrophe(value) -> bool:
    return formula_like(value) or _quoted_formula(value)


def _neutralised(value):
    return "'" + value if _needs_apostrophe(value) else value


def _quoted_formula(value) -> bool:
    """Text that is apostrophes followed by a formula sign (``'=1``): it gets one more apostrophe too,
    so that :func:`csv_original` can take the added one off and give back exactly what was written."""
    return isinstance(value, str) and value.startswith("'") and formula_like(value.lstrip("'"))


def csv_original(value):
    """The text a CSV cell held before :func:`write_csv` neutralised it: ``'=1+1`` -> ``=1+1`` (one
    apostrophe taken off text that is apostrophes and a formula sign); anything else unchanged. For
    reading back a table the project wrote (the coding sheet of lesson 06)."""
    return value[1:] if _quoted_formula(value) else value


def excel_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of *table* for a CSV meant for Excel: each text cell (and column name) that
    :func:`formula_like` flags gets a leading ``'`` (so does the rare text that is apostrophes and a
    formula sign already, ``'=1``, to be read back exactly); numbers and other cells are unchanged."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            values = out[column]
            if values.map(_needs_apostrophe, na_action="ignore").fillna(False).astype(bool).any():
                out[column] = values.map(_neutralised, na_action="ignore").astype(object)
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.MultiIndex.from_tuples([tuple(_neutralised(v) for v in c) for c in out.columns],
                                                names=out.columns.names)
    else:
        out.columns = [_neutralised(c) for c in out.columns]
    return out


def with_doc(table: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """*table* (statistics, chains: one row per finding with its ``doc_id``) with ``doc_id`` and ``doc``, the
    document's label from *corpus*, as its first columns: the table ``zhpolicy stats --csv`` and ``zhpolicy
    chains --csv`` write (lessons 04 and 05 name the commands; the explorer's statistics download)."""
    out = table.copy()
    if "doc" not in out.columns and "doc_id" in out.columns:
        labels = dict(zip(corpus["doc_id"], corpus["label"]))
        out.insert(0, "doc", out["doc_id"].map(labels))
    first = [c for c in ("doc_id", "doc") if c in out.columns]
    return out[first + [c for c in out.columns if c not in first]]


def csv_bytes(table: pd.DataFrame) -> bytes:
    """*table* as the bytes of a CSV for Excel (UTF-8 with BOM, no index, CRLF line ends so that a cell
    holding a line break of any kind is quoted), neutralised by :func:`excel_safe`: what :func:`write_csv`
    writes, for a download."""
    return excel_safe(table).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write *table* as a CSV for Excel (:func:`csv_bytes`)."""
    path = Path(path)
    path.write_bytes(csv_bytes(table))
    return path


def xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per table (sheet name -> table; names cut to Excel's 31
    characters), every text cell kept text by :func:`excel_text_cell` (for a download)."""
    import io

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in tables.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
        for sheet in writer.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    excel_text_cell(cell)
    return buffer.getvalue()


def excel_text_cell(cell) -> None:
    """Keep an openpyxl *cell* whose text :func:`formula_like` flags a text cell (openpyxl would
    store ``=…`` as a formula), with Excel's quote prefix: shown as written, never calculated."""
    if formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _target(name: str, suffix: str) -> Path:
    """``<output>/<name><suffix>``, refusing a *name* that would leave the output folder."""
    from ..errors import CorpusError

    if not name or Path(name).name != name or name in (".", ".."):
        raise CorpusError(f"导出的文件名只能是一个名字，不能含文件夹：{name!r}（name must be a plain file name）")
    return output_dir() / f"{name}{suffix}"


def export_table(table: pd.DataFrame, name: str) -> Path:
    """Write *table* as ``<output>/<name>.csv`` (UTF-8 with BOM so that Excel shows Chinese; text
    that Excel would take for a formula is neutralised, see :func:`write_csv`).

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    return write_csv(table, _target(name, ".csv"))


def export_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write a matplotlib figure as ``<output>/<name>.png`` and ``.svg``.

    Taught in lesson 02 (``02_term_frequency.ipynb``)."""
    import matplotlib as mpl

    paths = []
    with mpl.rc_context({"svg.hashsalt": "zhpolicy", "svg.fonttype": "path"}):
        for fmt in formats:
            path = _target(name, f".{fmt}")
            meta = {"Date": None} if fmt in ("svg", "pdf") else {}
            fig.savefig(path, format=fmt, dpi=150, bbox_inches="tight", metadata=meta)
            paths.append(path)
    return paths


def export_wordcloud(cloud, name: str) -> Path:
    """Write a :class:`wordcloud.WordCloud` image as ``<output>/<name>.png``."""
    path = _target(name, ".png")
    cloud.to_image().save(path, format="PNG")
    return path
