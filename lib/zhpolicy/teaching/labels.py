"""Chinese column names (and a few coded values) for the tables students read.

The library's tables keep short English column names (stable for code and CSV files); a
lesson shows ``zh(table)``, the same table with Chinese headers and values such as
``over``/``under`` spelt out. The names live in ``zhpolicy/data/labels.csv`` (``column,value,label``:
an empty ``value`` labels the column itself), so a teacher can change them without code.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..paths import data_path


@lru_cache(maxsize=1)
def label_table() -> pd.DataFrame:
    """The label rules of ``zhpolicy/data/labels.csv`` (lines starting with ``#`` are comments)."""
    table = pd.read_csv(data_path("labels.csv"), dtype=str, keep_default_na=False, comment=None,
                        skip_blank_lines=True)
    return table[~table["column"].str.startswith("#")].reset_index(drop=True)


def column_labels() -> dict[str, str]:
    """English column name -> Chinese header."""
    t = label_table()
    return dict(zip(t.loc[t["value"] == "", "column"], t.loc[t["value"] == "", "label"]))


def value_labels() -> dict[str, dict[str, str]]:
    """English column name -> {coded value -> Chinese wording}."""
    t = label_table()
    out: dict[str, dict[str, str]] = {}
    for column, value, label in t.loc[t["value"] != "", ["column", "value", "label"]].itertuples(index=False):
        out.setdefault(column, {})[value] = label
    return out


def zh(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Return a copy of *table* with Chinese column names and coded values spelt out in Chinese.

    Columns without a label keep their name; the table's rows and numbers are unchanged.

    Taught in lesson 01 (``01_corpus.ipynb``).
    """
    if isinstance(table, pd.Series):
        return zh(table.to_frame()).iloc[:, 0]
    out = table.copy()
    for column, mapping in value_labels().items():
        if column in out.columns and not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v)
    names = column_labels()
    out.columns = [names.get(c, c) if isinstance(c, str) else c for c in out.columns]
    if isinstance(out.index.name, str):
        out.index.name = names.get(out.index.name, out.index.name)
    return out
