"""Promised against done: :func:`track_targets` pairs each target a corpus states (a work report's
增长5%左右 for its year) with the achieved figure for the same indicator and year (usually in the
next year's report), and says whether it was met.

Indicators are matched by the synonym table ``zhpolicy/data/stat_indicators.tsv`` (国内生产总值 ≈
地区生产总值 ≈ GDP) and, for indicators it does not know, by the indicator text itself (one containing
the other) - never by where a figure stands in a text. The verdict (达到 / 未达到 / 无法判断) follows
the rule of the target's qualifier in ``zhpolicy/data/stat_verdicts.tsv`` (左右, 以上, 以内, 不低于,
ranges …), stated beside each verdict.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ...numbers import read_rule_table
from .consistency import normalise_indicator
from .explain import percent_kind
from .figures import format_value

#: The columns of :func:`track_targets`.
TARGET_COLUMNS = [
    "indicator", "year", "target", "target_value", "target_value_high", "unit", "qualifier", "target_doc",
    "target_sentence", "result", "result_value", "result_doc", "result_sentence", "confidence", "pairing",
    "verdict", "rule",
]
#: The verdicts, as a student reads them.
MET, NOT_MET, UNDECIDED = "达到", "未达到", "无法判断"

#: Bounds written in a figure's surface: before the number, and after it.
_BOUND_BEFORE = re.compile(r"^(?:不低于|不少于|不超过|不高于|首次超过|超过|突破|达到|已达|高达|达|超|逾|约为|大约|约|接近|将近|近|不足|不到)")
_BOUND_AFTER = re.compile(r"(?:左右|以上|以下|以内|多|余)$")
_BOUND_WORDS = {"不少于": "不低于", "不高于": "不超过", "首次超过": "超过", "超": "超过", "逾": "超过", "已达": "达到",
                "高达": "达到", "达": "达到", "约为": "约", "大约": "约", "接近": "近", "将近": "近", "不到": "不足",
                "余": "多"}
#: A figure for part of a year is not set against a whole year's target (and the other way round).
_PART_OF_YEAR = re.compile(r"上半年|下半年|季度|首季|次季|前[一二三四五六七八九十\d]+个月|\d{1,2}\s*[-—–至到]\s*\d{1,2}\s*月")
#: Units whose figures may be a rate of change or a level (set apart before pairing).
_GROWTH_UNITS = ("%", "‰")


@lru_cache(maxsize=1)
def indicator_table() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The rows of ``zhpolicy/data/stat_indicators.tsv``: (key, better, names longest first)."""
    return tuple((r["key"], r["better"], tuple(sorted(r["names"].split("|"), key=len, reverse=True)))
                 for r in read_rule_table("stat_indicators.tsv"))


@lru_cache(maxsize=1)
def verdict_rules() -> dict[str, tuple[str, float, str]]:
    """The rules of ``zhpolicy/data/stat_verdicts.tsv``: qualifier → (rule, tolerance, explanation);
    the qualifier ``""`` is a target written without one."""
    return {r["qualifier"]: (r["rule"], float(r["tolerance"]), r["explanation"])
            for r in read_rule_table("stat_verdicts.tsv")}


def indicator_key(text: str) -> tuple[str, str]:
    """(key, better) of the synonym-table indicator whose longest name occurs in *text*, else ("", "")."""
    best = ("", "", 0)
    for key, better, names in indicator_table():
        for name in names:
            if len(name) > best[2] and name in text:
                best = (key, better, len(name))
                break
    return best[0], best[1]


def figure_bound(surface: str, qualifier: str = "") -> str:
    """The bound a figure's words put on it: 左右, 以上, 以内, 不低于, 超过, 约, 近, range …, or ``""``."""
    if qualifier == "range":
        return "range"
    after = _BOUND_AFTER.search(surface)
    if after:
        return _BOUND_WORDS.get(after.group(0), after.group(0))
    before = _BOUND_BEFORE.match(surface)
    return _BOUND_WORDS.get(before.group(0), before.group(0)) if before else ""


def track_targets(stats: pd.DataFrame, corpus: pd.DataFrame | None = None, *, by: str | None = "series"
                  ) -> pd.DataFrame:
    """For each target of a statistics table (``kind == "target"`` with a year), the achieved figure
    for the same indicator, year and unit found in the corpus, with both sentences, how sure the
    pairing is (``confidence`` high / medium / low, and ``pairing`` saying why) and a verdict
    (达到 / 未达到 / 无法判断) whose ``rule`` is stated per qualifier. A target with no result
    keeps an empty result and the verdict 无法判断.

    With the *corpus*, results from documents dated after the target's are preferred, and a target
    is paired only with results of its own series of documents (one government's reports): the
    corpus column *by* (``series`` when there is one; else the first two characters of the
    documents' titles (or labels) without years, digits and brackets - the place or body that
    issued them, so 广东省政府工作报告2023 and 广东省2024年计划执行情况 are one series - unless that makes
    every document a series of its own; ``by="source"`` or ``"author"`` groups by that catalog
    column). ``by=None`` pairs across all documents.
    Taught in lesson 05 (section 承诺与兑现)."""
    if stats.empty:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    dates = _document_dates(corpus)
    series = _series(stats, corpus, by)
    rows = stats.to_dict("records")
    targets = [r for r in rows if r.get("kind") == "target" and re.fullmatch(r"\d{4}", str(r.get("year", "")))]
    results = [r for r in rows if r.get("kind") == "achieved" and re.fullmatch(r"\d{4}", str(r.get("year", "")))]
    by_key: dict[tuple, list[dict]] = {}
    for result in results:
        by_key.setdefault((series.get(result["doc_id"]), str(result["year"]), result["unit"], _growth(result)),
                          []).append(result)
    out, seen = [], set()
    for target in targets:
        key, better = indicator_key(str(target["indicator"]))
        bound = figure_bound(str(target["surface"]), str(target["qualifier"]))
        signature = (series.get(target["doc_id"]), key or normalise_indicator(str(target["indicator"])),
                     str(target["year"]), target["unit"], target["value"], bound)
        if signature in seen:
            continue  # the same target said twice (a headline and the list)
        seen.add(signature)
        candidates = by_key.get((series.get(target["doc_id"]), str(target["year"]), target["unit"], _growth(target)), [])
        best = _best_result(target, key, candidates, dates)
        out.append(_pair_row(target, key, better, bound, best))
    return pd.DataFrame(out, columns=TARGET_COLUMNS)


def _document_dates(corpus) -> dict[str, str]:
    if isinstance(corpus, pd.DataFrame) and {"doc_id", "date"} <= set(corpus.columns):
        return {str(d): ("" if pd.isna(v) else str(v)) for d, v in zip(corpus["doc_id"], corpus["date"])}
    return {}


#: The series of a document, when the corpus has no ``series`` column: the first characters of its
#: label once years, digits and brackets are taken out (广东省政府工作报告2024 → 广东; 国务院政府工作报告 → 国务).
SERIES_CHARS = 2
_NOT_SERIES = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]|\d+|年|[\s_\-—.·，,、：:]")


def _series(stats: pd.DataFrame, corpus, by: str | None) -> dict[str, str]:
    """doc_id → the series of documents it belongs to (see :func:`track_targets`)."""
    docs = dict(zip(stats["doc_id"], stats["doc"] if "doc" in stats.columns else stats["doc_id"]))
    if by is None:
        return {d: "" for d in docs}
    if isinstance(corpus, pd.DataFrame) and by in corpus.columns:
        return {str(d): str(s) for d, s in zip(corpus["doc_id"], corpus[by].fillna(""))}
    if by != "series":
        raise ValueError(f"the corpus has no column {by!r} to group its documents by")
    names = dict(docs)
    if isinstance(corpus, pd.DataFrame):
        for column in ("label", "title"):  # the title, where the catalog gives one, else the label
            if column in corpus.columns:
                names.update({d: n for d, n in zip(corpus["doc_id"], corpus[column]) if isinstance(n, str) and n.strip()})
    derived = {str(d): _NOT_SERIES.sub("", str(names.get(d, d)))[:SERIES_CHARS] for d in docs}
    if len(set(derived.values())) == len(derived):
        return {d: "" for d in docs}  # every document its own series: the labels say nothing
    return derived


def _growth(row: dict) -> str:
    """Whether a percentage is a rate of change (增长5%) rather than a level (失业率5.5%)."""
    if row["unit"] not in _GROWTH_UNITS:
        return ""
    return "growth" if percent_kind(row) == "growth" else "level"


def _best_result(target: dict, key: str, candidates: list[dict], dates: dict[str, str]):
    """The most likely result for *target*: (result, confidence, why) or None. Same indicator
    (synonym-table key, else one indicator text containing the other), same year, unit and kind of
    percentage, not a part of a year unless the target is one; preferred: another document dated
    after the target's, then a figure without a bound (超过, 近), then the longer shared indicator."""
    target_part = bool(_PART_OF_YEAR.search(str(target["sentence"])))
    target_text = normalise_indicator(str(target["indicator"]))
    scored = []
    for result in candidates:
        if bool(_PART_OF_YEAR.search(str(result["sentence"]))) != target_part:
            continue
        result_text = normalise_indicator(str(result["indicator"]))
        result_key, _ = indicator_key(str(result["indicator"]))
        if key and result_key == key:
            how, sure = f"同义词表“{key}”", 2
        elif not key and not result_key and len(target_text) >= 4 and len(result_text) >= 4 and (
                target_text in result_text or result_text in target_text):
            how, sure = "指标名称相互包含", 1
        else:
            continue
        later = _is_later(result, target, dates)
        other_doc = result["doc_id"] != target["doc_id"]
        exact = not figure_bound(str(result["surface"]), str(result["qualifier"]))
        shared = min(len(target_text), len(result_text))
        scored.append(((sure, later, other_doc, exact, shared), result, how, later, other_doc))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0], reverse=True)
    _, result, how, later, other_doc = scored[0]
    confidence = "high" if how.startswith("同义词表") and (later or other_doc) else "medium" if later or other_doc else "low"
    where = "后来的文件" if later else "另一篇文件" if other_doc else "同一篇文件"
    return result, confidence, f"{how}；同一年份、单位；结果见{where}"


def _is_later(result: dict, target: dict, dates: dict[str, str]) -> bool:
    a, b = dates.get(str(result["doc_id"]), ""), dates.get(str(target["doc_id"]), "")
    return bool(a and b and a > b)


def _pair_row(target: dict, key: str, better: str, bound: str, best) -> dict:
    row = {
        "indicator": key or target["indicator"], "year": target["year"], "target": target["surface"],
        "target_value": target["value"], "target_value_high": target.get("value_high"), "unit": target["unit"],
        "qualifier": bound, "target_doc": target.get("doc", target["doc_id"]), "target_sentence": target["sentence"],
        "result": "", "result_value": float("nan"), "result_doc": "", "result_sentence": "",
        "confidence": "", "pairing": "", "verdict": UNDECIDED,
        "rule": "语料中没有找到同一指标、同一年份、同一单位的实际数",
    }
    if best is None:
        return row
    result, confidence, why = best
    verdict, rule = judge(target, result, bound, better)
    row.update({"result": result["surface"], "result_value": result["value"],
                "result_doc": result.get("doc", result["doc_id"]), "result_sentence": result["sentence"],
                "confidence": confidence, "pairing": why, "verdict": verdict, "rule": rule})
    return row


def judge(target: dict, result: dict, bound: str = "", better: str = "higher") -> tuple[str, str]:
    """(verdict, rule) for one pair: the rule of the target's qualifier *bound* (see
    ``stat_verdicts.tsv``), applied to the result's value; a result with a bound of its own
    (超过X, 近X) decides only when every value it allows gives the same verdict."""
    rule, tolerance, explanation = verdict_rules().get(bound, verdict_rules()[""])
    low, high = float(target["value"]), float(target.get("value_high") or target["value"])
    if high != high:  # NaN
        high = low
    better = better or "higher"
    values = _possible_values(float(result["value"]), figure_bound(str(result["surface"]), str(result["qualifier"])))
    verdicts = {_met(rule, tolerance, low, high, v, better) for v in values}
    verdict = (MET if verdicts == {True} else NOT_MET if verdicts == {False} else UNDECIDED)
    written = target.get("surface") or f"{format_value(low)}{'-' + format_value(high) if high != low else ''}"
    shown = f"目标 {written}，实际 {result['surface']}"
    if verdict == UNDECIDED:
        return verdict, f"{explanation}；实际数本身是“{result['surface']}”，不能确定是否达到（{shown}）"
    return verdict, f"{explanation}（{shown}）"


def _possible_values(value: float, bound: str) -> list[float]:
    """The values a result written with *bound* may have, as the two ends that matter: 超过X is
    just over X or far over it; 近X and 不足X just under X or far under; 约X and X左右 ±10%."""
    if bound in ("超过", "以上", "多", "突破"):
        return [value * 1.000001, value * 1000]
    if bound in ("近", "不足", "以下", "以内"):
        return [value * 0.999999, value / 1000 if value > 0 else value - 1000]
    if bound in ("约", "左右"):
        return [value * 0.9, value * 1.1] if value >= 0 else [value * 1.1, value * 0.9]
    return [value]


def _met(rule: str, tolerance: float, low: float, high: float, value: float, better: str) -> bool:
    if rule == "by_direction":
        rule = "at_most" if better == "lower" else "at_least"
    if rule == "at_least":
        return value >= low
    if rule == "above":
        return value > low
    if rule == "at_most":
        return value <= high
    if rule == "about":
        margin = abs(low) * tolerance
        if better == "lower":
            return value <= low + margin
        return value >= low - margin
    if rule == "within":
        if better == "lower":
            return value <= high
        return value >= low
    raise ValueError(f"unknown verdict rule {rule!r} in stat_verdicts.tsv")
