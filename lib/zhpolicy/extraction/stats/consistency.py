"""Figures checked against each other: :func:`check_consistency`."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pandas as pd

from ...reading.clean import clean_text, drop_truncated_teaser, truncated_teasers


# ---------------------------------------------------------------- consistency checks

#: Synonyms unified before indicators are compared (documented, small, extend as needed).
INDICATOR_SYNONYMS = {
    "研究与试验发展": "研发",
    "研究与开发": "研发",
    "国内生产总值": "GDP",
    "规模以上": "规上",
    "科技创新成果": "科技成果",
}
#: Words marking an indicator of size (spending, totals, counts) that normally grows year on year.
GROWING_INDICATOR_WORDS = ("投入", "总量", "规模", "数量", "成交额", "人员", "经费", "累计", "总额", "人数")
#: At most this many flags of one check are listed; a last row counts the rest.
MAX_FLAGS_PER_CHECK = 20
#: An indicator contained in more indicators than this is not compared with them (too general).
MAX_CONTAINING_KEYS = 20

_CHANGE = re.compile(
    r"(?:由|从)\s*(?P<y1>(?:19|20)\d{2})\s*年的?[^，。；]*?(?:提高到|提升到|增至|增加到|增长到|降至|下降到|扩大到|减少到|到)"
    r"\s*(?P<y2>(?:19|20)\d{2})\s*年"
)
_CORRUPT = re.compile(r"[A-Za-z]+[\u4e00-\u9fff]{1,2}[A-Za-z]+|万万|亿亿|%%")
_FLAG_COLUMNS = ["check", "doc", "doc_id", "surface", "year", "other_doc_id", "other_surface", "other_year", "reason"]


def normalise_indicator(text: str) -> str:
    """Unify synonyms (研究与试验发展 → 研发 …) and drop spaces, for comparing indicators."""
    for old, new in INDICATOR_SYNONYMS.items():
        text = text.replace(old, new)
    return re.sub(r"\s+", "", text)


def _year_text(year: str) -> str:
    return f"{year}年" if year else "年份未注明"


def _flag(check, row, reason, other=None) -> dict:
    return {
        "check": check, "doc": row.get("doc", row["doc_id"]), "doc_id": row["doc_id"], "surface": row["surface"],
        "year": row["year"],
        "other_doc_id": other["doc_id"] if other is not None else "",
        "other_surface": other["surface"] if other is not None else "",
        "other_year": other["year"] if other is not None else "",
        "reason": reason,
    }


def _year_number(year: str) -> int | None:
    return int(year) if re.fullmatch(r"\d{4}", str(year)) else None


def related_indicator_keys(keys) -> list[tuple[str, str]]:
    """Pairs of indicator keys where one contains the other (``研发经费投入`` ⊂
    ``全社会研发经费投入``), each key paired with itself too. Found by looking every substring
    of a key up in a set, so the cost grows with the number of keys, not its square."""
    keys = sorted({k for k in keys if len(k) >= 3})
    known = set(keys)
    pairs = []
    for key in keys:
        inside = {key[i:j] for i in range(len(key)) for j in range(i + 3, len(key) + 1)} & known
        pairs += [(part, key) for part in sorted(inside)]
    containers: dict[str, int] = {}
    for part, key in pairs:
        containers[part] = containers.get(part, 0) + (part != key)
    # a key inside very many others (增加值, 增长率) is too general to say two figures measure the same thing
    return [(part, key) for part, key in pairs if part == key or containers[part] <= MAX_CONTAINING_KEYS]


def _variants(stats: pd.DataFrame) -> dict[tuple[str, str], list[dict]]:
    """(unit, indicator key) → the distinct (value, year, doc) figures, first occurrence of each."""
    table = stats[stats["unit"] != "rank"].assign(_key=stats["indicator"].map(normalise_indicator))
    table = table.drop_duplicates(["unit", "_key", "value", "year", "doc_id"])
    return {key: group.to_dict("records") for key, group in table.groupby(["unit", "_key"], sort=True)}


def _differs_reason(a: dict, b: dict) -> str:
    note = "时期也不同，先核对是全年还是部分时期、是哪一年" if a["year"] != b["year"] else "年份相同而数值不同，至少有一处可能有误"
    name = b["indicator"] if len(b["indicator"]) <= len(a["indicator"]) else a["indicator"]
    return (f"同一指标“{name}”在两篇文本中说法不同：{_doc_name(a)} 为“{a['surface']}”（{_year_text(a['year'])}），"
            f"{_doc_name(b)} 为“{b['surface']}”（{_year_text(b['year'])}）；{note}。")


def _doc_name(row: dict) -> str:
    """How a reason names a document: its label (``000 部长署名文章``), else its id."""
    return str(row.get("doc") or row["doc_id"])


def _differs_flags(rows: list[dict]) -> list[dict]:
    """Neighbouring figures (sorted by year and value) of one indicator that come from
    different documents and differ in value or year."""
    ordered = sorted(rows, key=lambda r: (str(r["year"]), float(r["value"]), r["doc_id"]))
    flags = []
    for a, b in zip(ordered, ordered[1:]):
        if a["doc_id"] != b["doc_id"] and (a["value"] != b["value"] or a["year"] != b["year"]):
            flags.append(_flag("same_indicator_differs", a, _differs_reason(a, b), b))
    return flags


#: A figure for part of a year (上半年, 前三季度, 1-8月) is not compared with whole years.
_PARTIAL_YEAR = re.compile(r"上半年|下半年|季度|前[一二三四五六七八九十\d]+个月|\d{1,2}\s*[-—–至到]\s*\d{1,2}\s*月")


def _shrinking_flags(rows: list[dict]) -> list[dict]:
    """A size indicator whose value in a later year is smaller than the largest earlier one."""
    if not any(w in normalise_indicator(r["indicator"]) for r in rows for w in GROWING_INDICATOR_WORDS):
        return []
    dated = sorted((r for r in rows if _year_number(r["year"]) and not _PARTIAL_YEAR.search(r["sentence"])), key=lambda r: (_year_number(r["year"]), -float(r["value"])))
    flags, largest = [], None
    for late in dated:
        early = largest
        if early is not None and _year_number(early["year"]) < _year_number(late["year"]) and late["value"] < early["value"]:
            flags.append(_flag(
                "later_value_smaller", late,
                f"{late['year']}年的“{late['surface']}”比更早的{early['year']}年的“{early['surface']}”还小；"
                f"“{late['indicator']}”这类规模指标通常逐年增长，至少一处年份或数值可能有误。",
                early,
            ))
        if largest is None or late["value"] > largest["value"]:
            largest = late
    return flags


def _cross_document_flags(stats: pd.DataFrame) -> list[dict]:
    """Compare figures of related indicators (one containing the other, same unit): grouped by
    indicator, never all pairs of the corpus."""
    variants = _variants(stats)
    by_unit: dict[str, list[str]] = {}
    for unit, key in variants:
        by_unit.setdefault(unit, []).append(key)
    flags = []
    for unit, keys in sorted(by_unit.items()):
        for small, large in related_indicator_keys(keys):
            rows = variants[(unit, large)] + (variants[(unit, small)] if small != large else [])
            flags += _differs_flags(rows) + _shrinking_flags(rows)
    return flags


def _same_year_change_flags(stats: pd.DataFrame) -> list[dict]:
    flags = []
    for (doc_id, sentence), group in stats.groupby(["doc_id", "sentence"], sort=False):
        for m in _CHANGE.finditer(sentence):
            if m["y1"] != m["y2"]:
                continue
            inside = [r for r in group.to_dict("records") if m.start() <= sentence.find(r["surface"]) < m.end() + 40]
            first = inside[0] if inside else group.iloc[0].to_dict()
            other = inside[1] if len(inside) > 1 else None
            flags.append(_flag(
                "same_start_and_end_year", first,
                f"“{m.group(0)}…”：变化的起止年份都是{m['y1']}年，同一年里谈不上“由…提高到…”；起始年份很可能写错了。",
                other,
            ))
    return flags


def _corruption_flags(stats: pd.DataFrame) -> list[dict]:
    flags = []
    for row in stats.drop_duplicates(["doc_id", "sentence"]).to_dict("records"):
        m = _CORRUPT.search(row["sentence"])
        if m:
            flags.append(_flag(
                "corrupted_token", row,
                f"数字所在的句子里有疑似错字或乱码“{m.group(0)}”（字母缩写中夹了汉字，或量词重复），引用前应核对原始出处。",
            ))
    return flags


def _number_context(text: str, start: int, end: int) -> str:
    """The whole number around text[start:end] and the two characters after it (2024年底)."""
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    while end < len(text) and text[end].isdigit():
        end += 1
    return text[start:end + 2]


def _teaser_flags(doc) -> list[dict]:
    """A repost's truncated teaser above the article disagrees with the article itself."""
    flags = []
    for _, core, following in truncated_teasers(clean_text(doc.raw, before=drop_truncated_teaser)):
        ops = SequenceMatcher(None, core, following, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in ops:
            if tag == "replace" and re.search(r"\d", core[i1:i2]) and re.search(r"\d", following[j1:j2]):
                head, body = _number_context(core, i1, i2), _number_context(following, j1, j2)
                flags.append({
                    "check": "header_disagrees_with_body", "doc": getattr(doc, "label", doc.doc_id),
                    "doc_id": doc.doc_id, "surface": body, "year": "",
                    "other_doc_id": doc.doc_id, "other_surface": head, "other_year": "",
                    "reason": f"页首摘要写“{head}”，正文同一处却写“{body}”：转载时数字被改动过，正文的年份需要核对。",
                })
    return flags


def _page_date_flags(doc, mine: pd.DataFrame) -> list[dict]:
    """Annual figures for the very year the page is dated."""
    date = re.fullmatch(r"((?:19|20)\d{2})-\d{2}-\d{2}", str(getattr(doc, "date", "") or ""))
    if not date:
        return []
    mine = mine[mine["year"].astype(str) >= date[1]]
    if "year_source" in mine.columns:
        mine = mine[~mine["year_source"].astype(str).str.startswith("relative")]
    if not len(mine):
        return []
    return [{
        "check": "data_year_not_before_page_date", "doc": getattr(doc, "label", doc.doc_id), "doc_id": doc.doc_id,
        "surface": "、".join(mine["surface"].head(4)) + ("…" if len(mine) > 4 else ""),
        "year": date[1], "other_doc_id": "", "other_surface": "", "other_year": "",
        "reason": f"页面日期是{doc.date}，却有 {len(mine)} 个数字标为{date[1]}年或更晚；"
                  f"全年统计数据一般到次年才公布，这些年份需要逐一核对（例如与其他文本或原始统计公报对照）。",
    }]


def _header_flags(stats: pd.DataFrame, corpus: pd.DataFrame) -> list[dict]:
    """Compare a repost's header (page date, truncated teaser) with its body."""
    by_doc = dict(tuple(stats.groupby("doc_id", sort=False))) if len(stats) else {}
    flags = []
    for doc in corpus.itertuples():
        flags += _teaser_flags(doc)
        flags += _page_date_flags(doc, by_doc.get(doc.doc_id, stats.iloc[0:0]))
    return flags


def _capped(flags: list[dict], limit: int | None) -> tuple[list[dict], dict[str, int]]:
    """At most *limit* flags per check, and for each check cut short a last row counting the rest."""
    if limit is None:
        return flags, {}
    kept, hidden, seen = [], {}, {}
    for flag in flags:
        seen[flag["check"]] = seen.get(flag["check"], 0) + 1
        if seen[flag["check"]] <= limit:
            kept.append(flag)
        else:
            hidden[flag["check"]] = hidden.get(flag["check"], 0) + 1
    for check, count in hidden.items():
        kept.append({"check": check, "doc": "", "doc_id": "", "surface": "", "year": "", "other_doc_id": "",
                     "other_surface": "", "other_year": "",
                     "reason": f"另有 {count} 条“{check}”标记未列出（每类最多列 {limit} 条；"
                               f"用 check_consistency(..., max_per_check=None) 查看全部）。"})
    return kept, hidden


def check_consistency(stats: pd.DataFrame, corpus: pd.DataFrame | None = None, *,
                      max_per_check: int | None = MAX_FLAGS_PER_CHECK) -> pd.DataFrame:
    """Cross-check extracted statistics; return one row per flag with a reason a student can read.

    Checks: ``same_indicator_differs`` (the same indicator, in two documents, with a different
    value or year), ``later_value_smaller`` (a size indicator that shrinks from an earlier to a
    later year), ``same_start_and_end_year`` (``由2025年的…提高到2025年的…``), ``corrupted_token``
    (``G党P`` and the like next to a figure). With the *corpus* (for raw headers and dates):
    ``header_disagrees_with_body`` (a repost's teaser and body give different numbers) and
    ``data_year_not_before_page_date`` (annual figures for the year the page is dated).

    Figures are grouped by indicator (one indicator containing the other counts as the same), so
    the time grows about linearly with the corpus. At most *max_per_check* flags of each check are
    listed, then one row saying how many more there are (``attrs["hidden"]`` has the counts).

    Taught in lesson 05 (``05_statistics.ipynb``)."""
    flags: list[dict] = []
    if len(stats):
        flags += _same_year_change_flags(stats)
        flags += _cross_document_flags(stats)
        flags += _corruption_flags(stats)
    if corpus is not None:
        flags += _header_flags(stats, corpus)
    kept, hidden = _capped(flags, max_per_check)
    table = pd.DataFrame(kept, columns=_FLAG_COLUMNS)
    table.attrs["hidden"] = hidden
    return table
