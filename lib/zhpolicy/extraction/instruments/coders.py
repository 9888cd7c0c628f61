"""Policy instruments coded by people: the coding sheet, its files, agreement (percent, Cohen's kappa,
confusion tables, disagreements) and the hand-coded sample of the seeds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ...paths import data_path
from .codes import DIMENSIONS, NONE, TYPES, read_instrument_codebook, read_intensity, read_stages


def _quota(sizes: pd.Series, n: int) -> pd.Series:
    """Split *n* over documents in proportion to their sizes (largest remainder, ties in document
    order); every document gets at least one when *n* allows it; never more than it has."""
    n = int(min(n, sizes.sum()))
    exact = sizes / sizes.sum() * n
    quota = np.floor(exact).astype(int)
    if n >= len(sizes):
        quota = quota.clip(lower=1)
    quota = np.minimum(quota, sizes)
    order = sorted(range(len(sizes)), key=lambda i: (-(exact.iloc[i] - np.floor(exact.iloc[i])), i))
    while quota.sum() < n:
        for i in order:
            if quota.sum() >= n:
                break
            if quota.iloc[i] < sizes.iloc[i]:
                quota.iloc[i] += 1
    while quota.sum() > n:  # the minimum of one pushed the total over n: take from the largest
        quota.iloc[int(np.argmax(quota.to_numpy()))] -= 1
    return quota


def coding_sheet(coded: pd.DataFrame, n: int = 60, *, seed: int = 0, coders=("coder1", "coder2")) -> pd.DataFrame:
    """A sample of *n* clauses for people to code, stratified by document: each document gets a
    share of *n* proportional to its number of clauses (at least one when *n* is at least the
    number of documents; fixed *seed*), in document order, with empty columns
    ``<coder>_<dimension>`` for each coder and a ``note`` column. The rules' codes are NOT
    included (coders should not see them).

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    if coded.empty:
        sample = coded.iloc[0:0]
    else:
        rng = np.random.default_rng(seed)
        sizes = coded.groupby("doc_id", sort=True).size()
        quota = _quota(sizes, n)
        picked = []
        for doc_id in sizes.index:
            idx = coded.index[coded["doc_id"] == doc_id].to_numpy()
            k = int(quota[doc_id])
            if k:
                picked.extend(sorted(rng.choice(idx, size=k, replace=False)))
        sample = coded.loc[picked]
    sheet = sample[["clause_id", "doc_id", "section_path", "start", "end", "text"]].reset_index(drop=True)
    for coder in coders:
        for dim in DIMENSIONS:
            sheet[f"{coder}_{dim}"] = ""
    sheet["note"] = ""
    return sheet


def top_documents(coded: pd.DataFrame, n: int = 12) -> list[str]:
    """The *n* documents with the most measure clauses (ties: document order), in document order:
    what a figure can show when a corpus has hundreds of documents.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    docs = list(dict.fromkeys(coded["doc_id"]))
    if len(docs) <= n:
        return docs
    counts = coded[coded["measure"] == "是"].groupby("doc_id").size().reindex(docs, fill_value=0)
    keep = set(sorted(docs, key=lambda d: (-counts[d], docs.index(d)))[:n])
    return [d for d in docs if d in keep]


def _choices() -> dict[str, list[str]]:
    return {"measure": ["是", "否"], "type": list(TYPES) + [NONE],
            "subtype": list(read_instrument_codebook()["subtype"]) + [NONE],
            "stage": list(read_stages()["stage"]) + [NONE], "intensity": ["4", "3", "2", "1", "0"]}


def export_coding_sheet(sheet: pd.DataFrame, name: str = "06_coding_sheet", folder=None) -> list[Path]:
    """Write *sheet* as ``<name>.xlsx`` (with drop-down lists of the allowed codes in the coder
    columns, and the codebook on a second sheet) and ``<name>.csv`` (UTF-8 with BOM) into the
    output folder (``zhpolicy.paths.output_dir()``) or *folder*. Returns both paths.

    A clause that starts like a formula (``=``, ``+``, ``-``, ``@`` …) stays text in both files
    (see :func:`zhpolicy.teaching.export.write_csv`); *sheet* itself is not changed.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from ...paths import output_dir
    from ...teaching.export import excel_text_cell, write_csv

    folder = Path(folder) if folder is not None else output_dir()
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = folder / f"{name}.csv", folder / f"{name}.xlsx"
    write_csv(sheet, csv_path)
    wb = Workbook()
    ws = wb.active
    ws.title = "coding"
    ws.append(list(sheet.columns))
    for row in sheet.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and np.isnan(v)) else (v.item() if hasattr(v, "item") else v)
                   for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    choices = _choices()
    for j, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = 60 if col == "text" else 14
        dim = col.split("_", 1)[1] if "_" in col else ""
        if dim in choices and len(sheet):
            dv = DataValidation(type="list", formula1='"' + ",".join(choices[dim]) + '"', allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{len(sheet) + 1}")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book = wb.create_sheet("codebook")
    book.append(["type", "subtype", "cue_words", "description"])
    for r in read_instrument_codebook().itertuples():
        book.append([r.type, r.subtype, "、".join(r.terms), r.description])
    book.append([])
    book.append(["stage", "", "cue_words", "description"])
    for r in read_stages().itertuples():
        book.append(["stage", r.stage, "、".join(r.terms), r.description])
    book.append([])
    book.append(["intensity", "tier", "words", "description"])
    for r in read_intensity().itertuples():
        book.append(["intensity", str(r.tier), "、".join(r.terms), r.description])
    for worksheet in (ws, book):
        for row in worksheet.iter_rows():
            for cell in row:
                excel_text_cell(cell)
    import datetime

    wb.properties.created = datetime.datetime(2000, 1, 1)  # no creation time (openpyxl stamps "modified" on save)
    wb.save(xlsx_path)
    return [xlsx_path, csv_path]


def read_coding_sheet(path) -> pd.DataFrame:
    """Read a coding sheet back from ``.xlsx`` (first sheet) or ``.csv``; every cell as text
    (empty cells are ``""``; an intensity typed as 3.0 becomes ``"3"``). A clause that began with
    ``= + - @`` reads back as written: the ``'`` :func:`export_coding_sheet` put before it in the CSV
    (so that Excel shows it as text) is taken off again.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    from ...teaching.export import csv_original

    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        table = pd.read_excel(path, sheet_name=0, dtype=str, engine="openpyxl").fillna("")
    else:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        table = table.map(csv_original).rename(columns=csv_original)
    for col in table.columns:
        table[col] = table[col].astype(str).str.strip().str.replace(r"^(\d+)\.0$", r"\1", regex=True)
    for col in ("start", "end"):
        if col in table.columns:
            table[col] = pd.to_numeric(table[col], errors="coerce").astype("Int64")
    return table


#: The coders of a coding sheet (:func:`coding_sheet`'s default).
CODERS = ("coder1", "coder2")


def filled_codes(sheet: pd.DataFrame, coder: str) -> int:
    """How many cells of *coder*'s columns (``<coder>_<dimension>``) are filled in *sheet*."""
    columns = [f"{coder}_{d}" for d in DIMENSIONS if f"{coder}_{d}" in sheet.columns]
    return int(sum((sheet[c].astype(str).str.strip() != "").sum() for c in columns))


def _copy_codes(sheet: pd.DataFrame, name: str) -> pd.DataFrame:
    """The codes of one person's copy, from whichever coder's columns it filled, as ``clause_id, <dimension>…``."""
    from ...errors import CorpusError

    if "clause_id" not in sheet.columns:
        raise CorpusError(f"{name} 里没有 clause_id 列：请上传下载的编码表（.xlsx 或 .csv），不要删改前几列。"
                          "（not a coding sheet）")
    counts = {coder: filled_codes(sheet, coder) for coder in CODERS}
    coder = max(CODERS, key=lambda c: (counts[c], c == "coder1"))
    if counts[coder] == 0:
        raise CorpusError(f"{name} 里还没有填写任何编码（coder1_… 或 coder2_… 列都是空的）。（sheet not filled）")
    columns = {f"{coder}_{d}": d for d in DIMENSIONS if f"{coder}_{d}" in sheet.columns}
    return sheet[["clause_id", *columns]].rename(columns=columns)


def combine_sheets(first: pd.DataFrame, second: pd.DataFrame | None = None,
                   names: tuple[str, str] = ("第一份", "第二份")) -> pd.DataFrame:
    """One coding sheet from two people's copies of lesson 06's sheet (:func:`coding_sheet`, read back with
    :func:`read_coding_sheet`), for :func:`agreement_table`: ``coder1_<dimension>`` from *first* and
    ``coder2_<dimension>`` from *second*, each taken from whichever coder's columns that copy filled (in
    class both people usually fill ``coder1``), joined on ``clause_id``, with the text columns of *first*.
    Given only *first*, it must hold both coders' codes already. A copy without ``clause_id``, with no code
    filled, or sharing no clause with the other raises :class:`~zhpolicy.errors.CorpusError` saying so."""
    from ...errors import CorpusError

    if second is None:
        if min(filled_codes(first, c) for c in CODERS) == 0:
            raise CorpusError(f"{names[0]}只有一位编码员的编码。请上传两位编码员各自的编码表，"
                              "或一份 coder1 和 coder2 两组列都填好的表。（one coder only）")
        return first
    a, b = _copy_codes(first, names[0]), _copy_codes(second, names[1])
    base = [c for c in first.columns if not c.startswith(CODERS)]
    sheet = first[base].merge(a.add_prefix("coder1_").rename(columns={"coder1_clause_id": "clause_id"}),
                              on="clause_id", how="inner")
    sheet = sheet.merge(b.add_prefix("coder2_").rename(columns={"coder2_clause_id": "clause_id"}),
                        on="clause_id", how="inner")
    if sheet.empty:
        raise CorpusError("两份编码表没有共同的条款（clause_id 对不上）：请确认两人编码的是同一份下载的编码表。"
                          "（no clause in common）")
    return sheet.reset_index(drop=True)


def _labels(values) -> pd.Series:
    s = pd.Series(values).astype(str).str.strip().str.replace(r"^(\d+)\.0$", r"\1", regex=True)
    return s.reset_index(drop=True)


def percent_agreement(a, b) -> float:
    """Share of units on which two codings give the same label (0–1)."""
    a, b = _labels(a), _labels(b)
    return float((a == b).mean()) if len(a) else float("nan")


def cohen_kappa(a, b) -> float:
    """Cohen's κ of two codings (scikit-learn): agreement corrected for the agreement expected by
    chance from each coder's label frequencies. NaN when it is undefined (no units, or both coders
    used one and the same label throughout).

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    from sklearn.metrics import cohen_kappa_score

    a, b = _labels(a), _labels(b)
    if len(a) == 0 or len(set(a) | set(b)) < 2:
        return float("nan")
    return float(cohen_kappa_score(a, b))


def confusion_table(a, b, *, names=("A", "B")) -> pd.DataFrame:
    """Cross-table of two codings: rows = labels of the first, columns = labels of the second.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    a, b = _labels(a), _labels(b)
    labels = sorted(set(a) | set(b))
    table = pd.crosstab(a.rename(names[0]), b.rename(names[1])).reindex(index=labels, columns=labels, fill_value=0)
    return table


def _coded_rows(sheet: pd.DataFrame, a: str, b: str, dim: str) -> pd.DataFrame:
    ca, cb = f"{a}_{dim}", f"{b}_{dim}"
    rows = sheet[(sheet[ca].astype(str).str.strip() != "") & (sheet[cb].astype(str).str.strip() != "")]
    return rows


def agreement_table(sheet: pd.DataFrame, a: str = "coder1", b: str = "coder2", dimensions=DIMENSIONS) -> pd.DataFrame:
    """Per dimension: ``clauses`` (clauses both coders coded), ``agreement`` (percent agreement, 0–1),
    ``kappa`` (Cohen's κ) and ``categories`` (distinct labels used). Columns ``<a>_<dimension>`` and
    ``<b>_<dimension>`` of *sheet* hold the codes; rows where either is empty are left out.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    rows = []
    for dim in dimensions:
        if f"{a}_{dim}" not in sheet.columns or f"{b}_{dim}" not in sheet.columns:
            continue
        sub = _coded_rows(sheet, a, b, dim)
        x, y = sub[f"{a}_{dim}"], sub[f"{b}_{dim}"]
        kappa = cohen_kappa(x, y)
        rows.append({"dimension": dim, "clauses": len(sub), "agreement": round(percent_agreement(x, y), 3) if len(sub) else np.nan,
                     "kappa": round(kappa, 3) if not np.isnan(kappa) else np.nan,
                     "categories": len(set(_labels(x)) | set(_labels(y)))})
    return pd.DataFrame(rows, columns=["dimension", "clauses", "agreement", "kappa", "categories"])


def disagreements(sheet: pd.DataFrame, dim: str, a: str = "coder1", b: str = "coder2") -> pd.DataFrame:
    """The clauses on which two codings differ in *dim*: ``clause_id, doc_id, text, <a>, <b>``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    sub = _coded_rows(sheet, a, b, dim)
    diff = sub[_labels(sub[f"{a}_{dim}"]).values != _labels(sub[f"{b}_{dim}"]).values]
    cols = [c for c in ("clause_id", "doc_id", "text") if c in sheet.columns]
    return diff[cols + [f"{a}_{dim}", f"{b}_{dim}"]].reset_index(drop=True)


# ---------------------------------------------------------------- the hand-coded sample


def hand_sample(path=None) -> pd.DataFrame:
    """The hand-coded seed clauses shipped with the library (``zhpolicy/data/instrument_sample.csv``):
    ``doc_id, text`` (the key) and the human codes ``human_<dimension>``, ``note``.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    table = pd.read_csv(path or data_path("instrument_sample.csv"), dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    return table


def match_sample(sample: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """Join hand-coded clauses to the rule coding by ``doc_id`` + clause text (so the sample survives
    changes in offsets). A hand-coded text that is part of a longer clause, or contains a shorter
    one, is matched too. Returns the sample rows found, with ``rules_<dimension>`` columns and the
    ``clause_id``; clauses of documents not in *coded* are dropped.

    Taught in lesson 06 (``06_policy_instruments.ipynb``)."""
    index = {}
    for row in coded.itertuples():
        index.setdefault(row.doc_id, []).append(row)
    out = []
    for s in sample.itertuples(index=False):
        candidates = index.get(s.doc_id, [])
        hit = next((r for r in candidates if r.text == s.text), None)
        hit = hit or next((r for r in candidates if s.text in r.text or r.text in s.text), None)
        if hit is None:
            continue
        row = s._asdict()
        row["clause_id"] = hit.clause_id
        for dim in DIMENSIONS:
            row[f"rules_{dim}"] = str(getattr(hit, dim))
        out.append(row)
    cols = list(sample.columns) + ["clause_id"] + [f"rules_{d}" for d in DIMENSIONS]
    return pd.DataFrame(out, columns=cols)
