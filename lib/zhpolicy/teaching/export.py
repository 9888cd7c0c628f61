"""Save tables and figures into the output folder (``output/`` at the project root, or
``$ZHPOLICY_OUTPUT``), never into ``seeds/`` or the corpus folder. Files carry no timestamps, so a
rerun writes identical files.

Every CSV and .xlsx the project writes goes through :func:`write_csv` or :func:`excel_text_cell`:
a cell whose text starts with a character that makes a spreadsheet read it as a formula
(``= + - @``, tab, carriage return, and their full-width forms) cannot become one (OWASP's advice
on CSV injection). In a CSV such a cell gets a leading ``'``; in an .xlsx it is stored as text
with Excel's own "quote prefix" (shown unchanged, never calculated). The tables in memory are
never changed."""

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


def _neutralised(value):
    return "'" + value if formula_like(value) else value


def excel_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of *table* for a CSV meant for Excel: each text cell (and column name) that
    :func:`formula_like` flags gets a leading ``'``; numbers and other cells are unchanged."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            values = out[column]
            if values.map(formula_like, na_action="ignore").fillna(False).astype(bool).any():
                out[column] = values.map(_neutralised, na_action="ignore").astype(object)
    if isinstance(out.columns, pd.MultiIndex):
        out.columns = pd.MultiIndex.from_tuples([tuple(_neutralised(v) for v in c) for c in out.columns],
                                                names=out.columns.names)
    else:
        out.columns = [_neutralised(c) for c in out.columns]
    return out


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write *table* as a CSV for Excel (UTF-8 with BOM, no index, CRLF line ends so that a cell
    holding a line break of any kind is quoted), neutralised by :func:`excel_safe`."""
    path = Path(path)
    excel_safe(table).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path


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
    that Excel would take for a formula is neutralised, see :func:`write_csv`)."""
    return write_csv(table, _target(name, ".csv"))


def export_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write a matplotlib figure as ``<output>/<name>.png`` and ``.svg``."""
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
