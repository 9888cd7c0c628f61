"""The statistics a text cites: find them, normalise them, date them, trace them, cross-check them.

:func:`extract_statistics` finds every cited figure with rules a student can read:

* a **quantity** — a number, an optional magnitude (万, 亿, 万亿) and a unit from
  ``zhpolicy/data/units.tsv`` (``3.6万亿元``, ``56.3 万亿元``, ``3200多万人``, ``1500余家``, ``23.4%``);
* a **range** or **threshold** — ``5%—6%``, ``5至6个百分点``, ``<2000美元``;
* a **rank** — ``排名全球第10位``, ``位居世界第一``, ``前10位``;
* a **multiple or fraction** — ``两倍``, ``翻一番``, ``三成``, ``三分之一``, ``百分之十五``.

Values are converted to base units (``3.6万亿元`` → 3.6e12 ``元``). Each figure gets a
``year`` and the ``year_source`` that gave it (the figure's clause, its sentence, its
paragraph, the section heading above it, or a relative word such as 今年/去年 resolved against
the document's date) and a ``kind`` (achieved, target, plan, comparison). Numbers that are *not*
statistics are left out by the rules of ``zhpolicy/data/stat_not_statistics.tsv`` and by construction
(years and dates, ordinals, codes such as 5G or C919, citation marks, anything inside 《…》,
bare numbers without a unit, programme names such as 百千万工程).
:func:`check_consistency` then compares the figures with each other.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd

from ..numbers import MAGNITUDES, UNIT_TABLE, read_rule_table, unit_at
from ..reading.structure import outline as outline_table
from ..reading.structure import sentences as sentence_table

# ---------------------------------------------------------------- building blocks

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: one Chinese numeral character, and a run of them
CN_NUMERAL = "[零〇一二两三四五六七八九十百千]"
CN = CN_NUMERAL + "+"

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
MAG = "(?:万亿|亿|万|千(?![瓦米克]))"
_SP = r"[ \u3000\u00a0]?"

#: Words just before a figure that qualify it, and the label each gets (longest tried first).
QUALIFIERS_BEFORE = {
    "首次超过": "首次超过", "同比增长": "同比增长", "同比下降": "同比下降", "超过": "超过", "突破": "突破",
    "约为": "约", "大约": "约", "约": "约", "接近": "近", "将近": "近", "逼近": "近", "近": "近", "超": "超过",
    "已达到": "达到", "达到": "达到", "已达": "达到", "高达": "达到", "达": "达到",
    "仅为": "仅为", "仅": "仅为", "不足": "不足", "不到": "不足", "逾": "超过", "增长": "增长", "下降": "下降",
}
QUALIFIERS_AFTER = {"左右": "左右", "以上": "以上", "以下": "以下", "以内": "以内", "多": "多", "余": "多"}

_QUANTITY = re.compile(rf"(?<![\d.,])(?P<num>{NUM})(?:{_SP}(?P<a1>多|余))?(?:{_SP}(?P<mag>{MAG}))?(?P<a2>多|余)?")
_CN_QUANTITY = re.compile(rf"(?P<cn>{CN}){_SP}(?P<mag>{MAG})(?P<a2>多|余)?|(?P<cnx>{CN})(?P<unitx>倍|成)")
#: ``突破万亿元``, ``超千亿元``: a magnitude with no number (one 万亿, one 千亿) after a verb of reaching.
_ROUND_MAGNITUDES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6,
                     "万": 10**4, "千": 10**3, "百": 10**2}
_BARE_MAGNITUDE = re.compile(r"(?:突破|超过|超|达到|达|破|逾|近|上)(?P<mag>万亿|千亿|百亿|千万|百万|万|千(?![瓦米克])|百)")
_PERCENT_WORDS = re.compile(rf"百分之(?P<num>{NUM}|{CN})")
_FRACTION = re.compile(rf"(?P<den>{NUM}|[一二三四五六七八九十]+)分之(?P<num>{NUM}|[一二三四五六七八九十]+)")
#: ``约1/3``, ``超过2/3``: a fraction written with a slash after a word of amount (dates are masked first).
_SLASH_FRACTION = re.compile(r"(?<=[约近超过占达为逾的足])(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d/])")
_DOUBLING = re.compile(r"翻(?P<n>[一两二三四])?番")
_RANGE_JOIN = re.compile(rf"^{_SP}[-—–~～至到]{{1,2}}{_SP}$")
#: Where a rank is counted: the world, the country, a province, a city, a district or county.
_RANK_SCOPE = "(?:世界|全球|全国|全省|全市|全区|全县|全州|省内|市内|国内|全行业|同类城市)"
_RANK_WORLD = re.compile(
    rf"(?:连续(?:多|\d+|{CN})年)?(?:位居|稳居|居于|居|排名|排在|位列|名列)?{_RANK_SCOPE}"
    rf"(?:第\s*(?P<rank>\d+|{CN})\s*(?:位|名)?|(?P<first>首位))"
)
_RANK_TOP_OF_LIST = re.compile(r"(?:荣登|位居|稳居|居于|位列|名列|登上|居)[^，。；、]{0,14}?榜首")
_RANK_STRONG = re.compile(rf"(?:跻身|进入|位列|挺进|迈入|晋级)[^，。；、]{{0,8}}?{_RANK_SCOPE}[^，。；、]{{0,6}}?(?P<n>\d+|{CN})强")
#: ``投资潜力第3、城镇化质量第4``: a bare 第N closing a list item, in a sentence about ranking.
_RANK_LISTED = re.compile(r"(?<=[\u4e00-\u9fff])第\s*(?P<n>\d+|[一二三四五六七八九十]+)(?=[、，,。；;）)]|$)")
_RANKING_CUE = re.compile(r"排名|排行|榜|位居|位列|名列|评价|指数|强")
_RANK_TOP = re.compile(rf"前\s*(?P<top>\d+|{CN})\s*(?:位|名)")
_RANK_PLAIN = re.compile(r"(?:排名|位列|位居|名列|居)?第\s*(?P<rank>\d+)\s*(?:位|名)")

_TITLE = re.compile(r"《[^》]*》")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*")
#: ``100GW``, ``3.5kWh``: a number with a Latin unit of units.tsv is a figure, not a code like 5G.
_LATIN_UNIT_FIGURE = re.compile(r"\d+(?:" + "|".join(u for u in UNIT_TABLE if u.isascii() and u.isalpha()) + ")")
_CITATION = re.compile(r"\[\d+(?:[,，\-–]\d+)*\]")
_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.]\d{1,2}[-/.]\d{1,2}|年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:[-—–至到]\d{1,2}\s*日)?|\d{1,2}\s*[-—–至到]\s*\d{1,2}\s*月")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–至到]\s*((?:19|20)\d{2})\s*年|(?<!\d)((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(r"(?P<y>[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_PLAN_PERIOD = re.compile(r"“?(十[一二三四五六七八九]|[六七八九十])五”?(?=时期|期间|规划|以来|末|”)")
_CLAUSE_END = "，,；;：:。！？!?"

#: Attribution patterns (the source a figure is credited to), tried in order.
SOURCE_PATTERNS = (
    re.compile(r"据(《[^》]+》)"),
    re.compile(r"根据([^，。；“”]{2,20}?)(?:的)?数据"),
    re.compile(r"([^，。；“”]{2,20}?)(?:的)?(?:数据|统计)显示"),
    re.compile(r"([^，。；“”]{2,24}?发布的[^，。；“”]{2,30}?)显示"),
    re.compile(r"([^，。；“”]{2,30}?)(?:表示|介绍)[，：]"),
)


def cn_to_int(text: str) -> int:
    """Convert a Chinese numeral below 10,000 (``十``, ``二十三``, ``一百零五``) to an int."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current


_ARABIC_NUMBER = re.compile(NUM)


def _number(text: str) -> float:
    return float(text.replace(",", "")) if _ARABIC_NUMBER.fullmatch(text) else float(cn_to_int(text))


def _scale(value: float, mag: str | None, unit: str | None) -> tuple[float, str]:
    """Apply a magnitude word and the unit's factor; return (value in base units, base unit)."""
    if mag:
        value *= MAGNITUDES[mag]
    if unit and unit in UNIT_TABLE:
        base, factor, _ = UNIT_TABLE[unit]
        return value * factor, base
    return value, (unit or "")


def format_value(value: float) -> str:
    """Show a value without scientific notation: 3600000000000.0 → 3,600,000,000,000; 2.54 → 2.54."""
    if value != value:  # NaN
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def _clean_value(value: float):
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------- rule tables (data files)


@lru_cache(maxsize=1)
def not_statistic_rules() -> tuple[tuple[str, str, re.Pattern, frozenset], ...]:
    """The rules of ``zhpolicy/data/stat_not_statistics.tsv``: (name, where, compiled pattern, units it applies to)."""
    return tuple((r["name"], r["where"], re.compile(r["pattern"]), frozenset(filter(None, r["units"].split(","))))
                 for r in read_rule_table("stat_not_statistics.tsv"))


@lru_cache(maxsize=1)
def kind_cues() -> tuple[tuple[str, str, str], ...]:
    """The cues of ``zhpolicy/data/stat_kinds.tsv``: (kind, scope, cue), in file order."""
    return tuple((r["kind"], r["scope"], r["cue"]) for r in read_rule_table("stat_kinds.tsv"))


@lru_cache(maxsize=None)
def _cue_tests(kind: str) -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """The cues of :func:`kind_cues` for one kind, by scope: (scope, a pattern finding any of
    them, the cues). The pattern is a quick first test; the cues are then checked one by one."""
    by_scope: dict[str, list[str]] = {}
    for cue_kind, scope, cue in kind_cues():
        if cue_kind == kind:
            by_scope.setdefault(scope, []).append(cue)
    return tuple((scope, re.compile("|".join(map(re.escape, cues))), tuple(cues)) for scope, cues in by_scope.items())


@lru_cache(maxsize=1)
def relative_year_words() -> dict[str, str]:
    """The words of ``zhpolicy/data/stat_years.tsv`` (今年, 去年, 全年 …) and their rule, longest first."""
    rows = read_rule_table("stat_years.tsv")
    return dict(sorted(((r["word"], r["rule"]) for r in rows), key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in relative_year_words()))


# ---------------------------------------------------------------- finding the figures


def _masked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans no figure may overlap: titles, codes (5G, C919 but not 100GW), citation marks, dates."""
    spans = []
    for pattern in (_TITLE, _CITATION, _DATE, _CN_YEAR):
        spans.extend(m.span() for m in pattern.finditer(sentence))
    spans.extend(m.span() for m in _CODE.finditer(sentence) if not _LATIN_UNIT_FIGURE.fullmatch(m.group(0)))
    return spans


def _rule_masked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans masked by the ``span`` rules of ``stat_not_statistics.tsv`` (百千万工程 …); a rank
    such as 百强县榜首 ignores these."""
    return [m.span() for _, where, pattern, _ in not_statistic_rules() if where == "span"
            for m in pattern.finditer(sentence)]


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in taken)


def _named_not_statistic(sentence: str, start: int, end: int, unit: str = "") -> bool:
    """Whether a rule of ``stat_not_statistics.tsv`` says the figure at [start, end) is a name,
    an ordinal or a class (千亿级, 第3批, 50人以下企业) rather than a statistic."""
    for name, where, pattern, units in not_statistic_rules():
        if name == "size_class" and unit in ("%", "‰", "成", "个百分点"):
            continue  # 七成以上的企业: a share of firms, not a class of firm
        if units and unit not in units:
            continue
        if where == "sentence" and pattern.search(sentence):
            return True
        if where == "after" and pattern.search(sentence[end:end + 12]):
            return True
        if where == "before" and pattern.search(sentence[max(0, start - 4):start]):
            return True
    return False


def _unit_after(sentence: str, pos: int) -> tuple[str, int]:
    """The unit at *pos* (one space allowed before it) and the position after it."""
    for skip in (0, 1):
        if skip and not (pos < len(sentence) and sentence[pos] in " \u3000\u00a0"):
            break
        unit = unit_at(sentence, pos + skip)
        if unit:
            return unit, pos + skip + len(unit)
    return "", pos


def _arabic_quantities(sentence: str) -> list[dict]:
    """Every Arabic number with its magnitude, 多/余 and unit (bare numbers included, marked)."""
    found = []
    for m in _QUANTITY.finditer(sentence):
        before, after = sentence[max(0, m.start() - 1):m.start()], sentence[m.end():m.end() + 1]
        unit, end = _unit_after(sentence, m.end())
        if before.isascii() and before.isalnum() or (after.isascii() and after.isalpha() and not unit):
            continue  # part of a code such as G322 or 5G
        if unit and unit.isascii() and sentence[end:end + 1].isascii() and sentence[end:end + 1].isalnum():
            continue  # 5GWh-like codes that only start like a unit
        per, end = _per_unit(sentence, end)
        approx = "多" if (m["a1"] or m["a2"]) else ""
        value, base = _scale(_number(m["num"]), m["mag"], unit)
        found.append({"start": m.start(), "end": end, "value": value, "unit": base + per, "qualifier": approx,
                      "bare": not unit and not m["mag"], "mag": m["mag"] or ""})
    return found


def _per_unit(sentence: str, pos: int) -> tuple[str, int]:
    """``元/吨``, ``吨标准煤/万元``: a denominator written after a slash, kept as written."""
    if not sentence.startswith("/", pos):
        return "", pos
    m = re.match(rf"/\s*(?:{MAG})?", sentence[pos:pos + 4])
    if not m:
        return "", pos
    unit = unit_at(sentence, pos + m.end())
    if not unit:
        return "", pos
    end = pos + m.end() + len(unit)
    return sentence[pos:end].replace(" ", ""), end


def _ranges(quantities: list[dict], sentence: str) -> list[dict]:
    """Join ``5%—6%``, ``5至6个百分点``, ``2000美元-2999美元`` into ranges (low, high)."""
    out, i = [], 0
    while i < len(quantities):
        lo = quantities[i]
        hi = quantities[i + 1] if i + 1 < len(quantities) else None
        joined = hi is not None and _RANGE_JOIN.match(sentence[lo["end"]:hi["start"]])
        if joined and not hi["bare"] and (not lo["unit"] or lo["unit"] == hi["unit"]):
            low = lo["value"]
            if not lo["unit"]:
                low, _ = _scale(low, None if lo["mag"] else (hi["mag"] or None), _unit_name(sentence, hi))
            out.append({**hi, "start": lo["start"], "value": low, "value_high": hi["value"], "qualifier": "range"})
            i += 2
            continue
        out.append(lo)
        i += 1
    return out


def _unit_name(sentence: str, row: dict) -> str:
    """The unit as written at the end of a figure (for scaling the bare low end of a range)."""
    for unit in UNIT_TABLE:
        if sentence[:row["end"]].endswith(unit):
            return unit
    return ""


def _chinese_quantities(sentence: str) -> list[dict]:
    """Chinese-numeral figures: 三万亿元, 两倍, 三成, 百分之十五, 三分之一, 翻一番."""
    found = []
    for m in _CN_QUANTITY.finditer(sentence):
        if m["cn"]:
            unit, end = _unit_after(sentence, m.end())
            value, base = _scale(float(cn_to_int(m["cn"])), m["mag"], unit)
            if re.fullmatch("[十百千]+", m["cn"]):
                continue  # 百万, 千亿: a round name, not a figure
            found.append({"start": m.start(), "end": end, "value": value, "unit": base,
                          "qualifier": "多" if m["a2"] else ""})
        else:
            found.append({"start": m.start(), "end": m.end(), "value": float(cn_to_int(m["cnx"])),
                          "unit": m["unitx"], "qualifier": ""})
    for m in _BARE_MAGNITUDE.finditer(sentence):
        unit, end = _unit_after(sentence, m.end())
        if unit:
            value, base = _scale(float(_ROUND_MAGNITUDES[m["mag"]]), None, unit)
            found.append({"start": m.start("mag"), "end": end, "value": value, "unit": base, "qualifier": ""})
    for m in _PERCENT_WORDS.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["num"]), "unit": "%", "qualifier": ""})
    for m in _FRACTION.finditer(sentence):
        value = 100 * _number(m["num"]) / _number(m["den"]) if _number(m["den"]) else 0.0
        found.append({"start": m.start(), "end": m.end(), "value": value, "unit": "%", "qualifier": ""})
    for m in _SLASH_FRACTION.finditer(sentence):
        if 0 < int(m["num"]) < int(m["den"]):
            found.append({"start": m.start(), "end": m.end(), "value": 100 * int(m["num"]) / int(m["den"]),
                          "unit": "%", "qualifier": ""})
    for m in _DOUBLING.finditer(sentence):
        times = 2 ** (cn_to_int(m["n"]) if m["n"] else 1)
        found.append({"start": m.start(), "end": m.end(), "value": float(times), "unit": "倍", "qualifier": ""})
    return found


def _ranks(sentence: str) -> list[dict]:
    found = []
    for m in _RANK_WORLD.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": 1 if m["first"] else _number(m["rank"]),
                      "unit": "rank", "qualifier": ""})
    for m in _RANK_TOP_OF_LIST.finditer(sentence):  # the surface is 榜首 itself: the list's name (百强县) is no figure
        found.append({"start": m.end() - 2, "end": m.end(), "value": 1, "unit": "rank", "qualifier": ""})
    for m in _RANK_STRONG.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["n"]), "unit": "rank", "qualifier": "前"})
    if _RANKING_CUE.search(sentence):
        for m in _RANK_LISTED.finditer(sentence):
            found.append({"start": m.start(), "end": m.end(), "value": _number(m["n"]), "unit": "rank", "qualifier": ""})
    for m in _RANK_TOP.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["top"]), "unit": "rank", "qualifier": "前"})
    for m in _RANK_PLAIN.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["rank"]), "unit": "rank", "qualifier": ""})
    return found


def _threshold(sentence: str, row: dict) -> None:
    """``<2000美元``: take a comparison sign just before the figure as its qualifier."""
    m = re.search(r"[<>＜＞≤≥]\s*$", sentence[max(0, row["start"] - 3):row["start"]])
    if m:
        sign = m.group(0).strip()
        row["qualifier"] = {"＜": "<", "＞": ">"}.get(sign, sign)
        row["start"] -= len(m.group(0))


def _candidates(sentence: str) -> list[dict]:
    """Find the figures of one sentence, most specific pattern first, without overlaps."""
    rows = _ranks(sentence) + _ranges(_arabic_quantities(sentence), sentence) + _chinese_quantities(sentence)
    if all(row.get("bare") for row in rows):
        return []  # nothing or only bare numbers (years, numbers without a unit): no figure
    rank_masked = _masked_spans(sentence)
    masked = rank_masked + _rule_masked_spans(sentence)
    taken: list[tuple[int, int]] = []
    found: list[dict] = []
    for row in rows:
        span = (row["start"], row["end"])
        if row.pop("bare", False) or not _free(span, taken) or not _free(span, rank_masked if row["unit"] == "rank" else masked):
            continue
        if row["unit"] != "rank" and _named_not_statistic(sentence, *span, row["unit"]):
            continue
        if not row["unit"] and sentence[row["end"]:row["end"] + 1] in ("年", "月", "日"):
            continue  # 40多年 and other durations
        taken.append(span)
        row.pop("mag", None)
        _threshold(sentence, row)
        found.append(row)
    return sorted(found, key=lambda r: r["start"])


def _extend_qualifiers(sentence: str, row: dict) -> None:
    """Widen the figure's span to take in a qualifier just before (超过) or after (左右) it."""
    head = sentence[max(0, row["start"] - 5):row["start"]]
    gap = len(head) - len(head.rstrip(" \u3000\u00a0"))
    head = head[:len(head) - gap]
    for word in sorted(QUALIFIERS_BEFORE, key=len, reverse=True):
        if head.endswith(word) and gap <= 1:
            if not row["qualifier"] or row["qualifier"] == "多":
                row["qualifier"] = QUALIFIERS_BEFORE[word]
            row["start"] -= len(word) + gap
            break
    tail = sentence[row["end"]:row["end"] + 2]
    for word, label in QUALIFIERS_AFTER.items():
        if tail.startswith(word) and row["unit"] != "rank":
            row["qualifier"] = row["qualifier"] or label
            row["end"] += len(word)
            break


# ---------------------------------------------------------------- years and where they come from


def document_year_month(date) -> tuple[int | None, int | None]:
    """The year and month of a document date (``2024-03-05``, ``2024年3月``, ``2024``), or None."""
    m = re.match(r"\s*((?:19|20)\d{2})(?:\s*[-年/.]\s*(\d{1,2})|(\d{2})(?=\d{2}\b))?", str(date or ""))
    if not m:
        return None, None
    month = m[2] or m[3]
    return int(m[1]), int(month) if month and 1 <= int(month) <= 12 else None


def resolve_relative_year(word: str, date) -> str:
    """The year a relative word (今年, 去年, 过去一年, 全年, 同比 …) names in a document of *date*;
    ``""`` when the date (or, for review words, its month) is unknown."""
    rule = relative_year_words().get(word, "")
    year, month = document_year_month(date)
    if year is None or not rule:
        return ""
    if rule == "date":
        return str(year)
    if rule.startswith(("review", "reporting", "period:")):
        ends = int(rule.split(":")[1]) if rule.startswith("period:") else 12
        if month is None:
            return ""
        last = year if month >= ends else year - 1
        span = int(rule.split(":")[1]) if rule.startswith("review:") else 1
        if span > 1 and 3 < month < 12:
            return ""  # 五年来 in a mid-year text: which five years is not clear
        return str(last) if span == 1 else f"{last - span + 1}-{last}"
    return str(year + int(rule))


_MONTH_DAY = re.compile(r"(?<![\d年])(?P<month>\d{1,2})\s*月\s*\d{1,2}\s*日")


def _month_day_year(month: int, date) -> str:
    """The year of ``3月30日`` written without a year: the document's year, or the year before
    when the month is later than the document's month; ``""`` without a dated document."""
    year, doc_month = document_year_month(date)
    if year is None:
        return ""
    return str(year - 1 if doc_month is not None and month > doc_month else year)


def _plan_period(numeral: str) -> str:
    """The years of a five-year plan from its number (十四五 → 2021-2025; from the sixth plan on)."""
    n = cn_to_int(numeral)
    if n < 6:
        return ""
    start = 1981 + 5 * (n - 6)
    return f"{start}-{start + 4}"


def _year_tokens(sentence: str, date) -> list[dict]:
    """Years, periods and relative words of a sentence, outside 《titles》, skipping the base of a
    comparison (比2012年, 与2020年相比). Each: start, end, year, source, weak."""
    if not _may_name_year(sentence):
        return []
    titles = [m.span() for m in _TITLE.finditer(sentence)]
    tokens = []
    for m in _YEAR.finditer(sentence):
        tokens.append({"start": m.start(), "end": m.end(), "year": f"{m[1]}-{m[2]}" if m[1] else m[3], "source": "",
                       "weak": False, "period": bool(m[1])})
    for m in _CN_YEAR.finditer(sentence):
        tokens.append({"start": m.start(), "end": m.end(), "year": m["y"].translate(_CN_YEAR_DIGITS), "source": "", "weak": False})
    for m in _PLAN_PERIOD.finditer(sentence):
        if sentence[max(0, m.start() - 1):m.start()] != "第" and _plan_period(m[1]):
            tokens.append({"start": m.start(), "end": m.end(), "year": _plan_period(m[1]), "source": "", "weak": False})
    for m in _MONTH_DAY.finditer(sentence):
        tokens.append({"start": m.start(), "end": m.end(), "year": _month_day_year(int(m["month"]), date),
                       "source": "document_date", "weak": False})
    explicit_ends = {t["end"] for t in tokens}
    for m in _relative_pattern().finditer(sentence):
        if any(m.start() - e in (0, 1) for e in explicit_ends):
            continue  # 2023年全年: the explicit year already says it
        rule = relative_year_words()[m.group(0)]
        source = "document_date" if rule == "date" else f"relative:{m.group(0)}"
        tokens.append({"start": m.start(), "end": m.end(), "year": resolve_relative_year(m.group(0), date),
                       "source": source, "weak": rule == "reporting" or rule.startswith("period:")})
    kept = [t for t in tokens if _free((t["start"], t["end"]), titles)
            and not re.search(r"(?:比|较|与|同)$", sentence[max(0, t["start"] - 1):t["start"]])]
    return _merged_tokens(sentence, sorted(kept, key=lambda t: t["start"]))


#: Every year pattern needs one of these: a digit (_YEAR, _MONTH_DAY), 年 (_CN_YEAR) or 五 (_PLAN_PERIOD).
_YEAR_CHARACTER = re.compile(r"[\d年五]")


def _may_name_year(sentence: str) -> bool:
    """A cheap test before the year patterns run: False when the sentence holds neither a character
    every year pattern needs nor a relative word (most sentences of a long text)."""
    return bool(_YEAR_CHARACTER.search(sentence) or _relative_pattern().search(sentence))


def _merged_tokens(sentence: str, tokens: list[dict]) -> list[dict]:
    """Join a year with the period words right after it (``今年上半年``, ``2023年底``, ``2023年以来``)."""
    merged: list[dict] = []
    for t in tokens:
        word = t["source"].split(":", 1)[1] if t["source"].startswith("relative:") else ""
        part_of_year = relative_year_words().get(word, "").startswith("period:")
        if merged and t["start"] == merged[-1]["end"] and not merged[-1]["weak"] and (not t["weak"] or part_of_year):
            merged[-1]["end"] = t["end"]
            if merged[-1]["source"].startswith("relative:") and word:
                merged[-1]["source"] += word
            continue
        merged.append(dict(t))
    for t in merged:
        tail = re.match(r"(?:年底|年末|底|末|以来|初|期间|时期)", sentence[t["end"]:])
        if tail:
            t["end"] += tail.end()
    return merged


def _topic_token(sentence: str, tokens: list[dict]) -> dict | None:
    """A year standing as the topic of the whole sentence: the only year of an opening clause
    before any figure (``2024年，…``, ``截至2023年底，…``, ``今年上半年，…``), or right after an
    attribution (``据《…》，2024年，…``, ``…数据显示，2025年，…``)."""
    strong = [t for t in tokens if not t["weak"]]
    if not strong:
        return None
    first_clause_end = next((i for i, ch in enumerate(sentence) if ch in "，,：:"), len(sentence))
    opening = [t for t in strong if t["end"] <= first_clause_end]
    if len(opening) == 1 and not re.search(r"\d", sentence[:opening[0]["start"]]):
        lead = sentence[:opening[0]["start"]]
        if len(lead) <= 12 and "由" not in lead and "从" not in lead:
            return opening[0]
    for t in strong:
        before = sentence[:t["start"]]
        rest = "，" if re.match(r"[^，,。；]{0,6}[，,]", sentence[t["end"]:]) else ""
        if rest and (re.search(r"(?:显示|数据|》|表示|介绍|获悉|了解到|透露|公布)[，,](?:截至|截止到?|到|在)?$", before)
                                     or before.endswith(("，", ",")) and len(before) <= 30
                                     and any(p.search(before) for p in SOURCE_PATTERNS)):
            return t
    return None


def _running_topic(sentence: str, row: dict, tokens: list[dict]) -> dict | None:
    """The nearest earlier year that opens a clause of the same ；-segment (``根据…，2021年全区…，
    比上年增长6.2%``; ``到2025年，A达到…，B提高到…``): it carries on over commas, not over ；."""
    segment = max(sentence.rfind(ch, 0, row["start"]) for ch in "；;：:") + 1
    for t in reversed(tokens):
        if t["weak"] or t["start"] < segment or t["end"] > row["start"]:
            continue
        lead = sentence[_clause_start(sentence, t["start"]):t["start"]]
        if len(lead) <= 3 and not re.search(r"[由从比较\d]", lead):
            return t
    return None


#: Everything up to the last clause-ending mark (greedy ``.*`` backs off to the last one).
_UP_TO_CLAUSE_END = re.compile(f".*[{_CLAUSE_END}]", re.S)


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding *pos* starts: just after the last clause-ending mark before it."""
    m = _UP_TO_CLAUSE_END.match(sentence, 0, pos)
    return m.end() if m else 0


def _clause_year(sentence: str, row: dict, tokens: list[dict]) -> dict | None:
    """The year of the figure's own clause: ``2025年的324.7万人年``, else the nearest year
    before the figure in the same clause."""
    for t in tokens:
        if not t["weak"] and 0 <= row["start"] - t["end"] <= 2 and sentence[t["end"]:row["start"]] in ("", "的"):
            return t
    clause = _clause_start(sentence, row["start"])
    inside = [t for t in tokens if not t["weak"] and clause <= t["start"] and t["end"] <= row["start"]]
    return inside[-1] if inside else None


def _year_and_source(token: dict | None, level: str) -> tuple[str, str]:
    if token is None:
        return "", ""
    if not token["year"]:
        return "", ""
    return token["year"], token["source"] or level


def _figure_year(sentence: str, row: dict, tokens: list[dict], context: dict) -> tuple[str, str]:
    """(year, year_source) of a figure; a figure at either end of a change over a period
    (``2020年至2024年期间，由31.3万亿元攀升至40.5万亿元``) takes the period's first or last year."""
    year, source = _context_year(sentence, row, tokens, context)
    change = _change_end(sentence, row)
    if change and re.fullmatch(r"\d{4}-\d{4}", year) and any(t.get("period") and t["year"] == year for t in tokens):
        year = year[:4] if change == "start" else year[5:]
    return year, source


_CHANGE_START = re.compile(r"(?:由|从)\s*$")
_CHANGE_END = re.compile(r"(?:提高|提升|增长|增加|攀升|上升|扩大|下降|降低|减少|降|增)?(?:至|到)\s*$")


#: 分别提升至34.6%和16.3%: every figure after a verb of change + 至/到 in its clause is an end value.
_CHANGE_TO = re.compile(r"(?:提高|提升|增长|增加|攀升|上升|扩大|下降|降低|减少)(?:至|到)[^，。；由从]*$")


def _change_end(sentence: str, row: dict) -> str:
    """``start`` for the X of 由X…至Y, ``end`` for its Y, else ``""``."""
    before = sentence[max(0, row["start"] - 4):row["start"]]
    if _CHANGE_START.search(before):
        return "start"
    clause = sentence[_clause_start(sentence, row["start"]):row["start"]]
    if _CHANGE_END.search(before) and re.search(r"(?:由|从)[^，。；]*$", clause) or _CHANGE_TO.search(clause):
        return "end"
    return ""


def _context_year(sentence: str, row: dict, tokens: list[dict], context: dict) -> tuple[str, str]:
    """(year, year_source) of a figure, in order: its clause, its sentence, its paragraph, the
    section heading above it, and last a weak word (全年, 同比) resolved against the date."""
    token = _clause_year(sentence, row, tokens)
    if token is not None:
        return _year_and_source(token, "clause")
    if context["topic"] is not None:
        return _year_and_source(context["topic"], "sentence")
    running = _running_topic(sentence, row, tokens)
    if running is not None:
        return _year_and_source(running, "sentence")
    if context["paragraph"] is not None:
        return _year_and_source(context["paragraph"], "paragraph")
    if context["heading"] is not None:
        return _year_and_source(context["heading"], "heading")
    clause = _clause_start(sentence, row["start"])
    weak = [t for t in tokens if t["weak"] and t["start"] >= clause] or [t for t in tokens if t["weak"]]
    return _year_and_source(weak[0], "relative") if weak else ("", "")


def _heading_years(doc_outline: list[tuple], date) -> list[tuple[int, int, dict | None, str]]:
    """For each title and section heading of a document's outline rows (kind, heading, marker,
    level, start): (start offset, level, the year token it names or None, ``numbered``/``plain``/``title``)."""
    rows = []
    for kind, heading, marker, level, start in doc_outline:
        if kind not in ("heading", "title"):
            continue
        tokens = [{**t, "text": heading} for t in _year_tokens(heading, date)
                  if not t["weak"] and t["source"] != "document_date"]  # a dateline (12月27日讯) is no section year
        if kind == "title" and len(tokens) != 1:
            continue
        style = "title" if kind == "title" else ("numbered" if str(marker) else "plain")
        rows.append((start, level, tokens[0] if tokens else None, style))
    return rows


def _heading_year_at(headings: list[tuple[int, int, dict | None, str]], pos: int) -> dict | None:
    """The year named by the nearest heading above *pos* that names one. Numbered headings
    (一、（一）1.) are followed up their path (a sibling section's heading does not count);
    unnumbered headings and the title count when no numbered heading stands in between."""
    ceiling = None
    for start, level, token, style in reversed([h for h in headings if h[0] <= pos]):
        if style == "numbered":
            if ceiling is not None and level >= ceiling:
                continue
            ceiling = level
        elif style == "plain" and ceiling is not None:
            continue
        if token is not None:
            return token
    return None


# ---------------------------------------------------------------- kind of figure


_FUTURE_YEAR = re.compile(r"(?<!提高|提升|增长|下降|上升|扩大|减少|降低)(?<![增降])(?:到|至|于)\s*((?:19|20)\d{2})\s*年")


def _cue_before(text: str, cue: str, limit: int | None = None) -> bool:
    pos = text.rfind(cue)
    return pos >= 0 and (limit is None or len(text) - pos - len(cue) <= limit)


def _any_cue_before(text: str, any_cue: re.Pattern, cues: tuple[str, ...], limit: int | None) -> bool:
    """Whether one of *cues* occurs in *text* (ending at most *limit* characters before its end,
    when given); *any_cue*, one pattern for all of them, is the quick first test."""
    window = text if limit is None else text[-(limit + max(map(len, cues))):]
    return bool(any_cue.search(window)) and any(_cue_before(text, cue, limit) for cue in cues)


def _future_year_named(sentence: str, row: dict, doc_year: int | None) -> bool:
    """``到2027年`` before the figure (a year not before the document's), or anywhere in the
    sentence when the year is after the document's year."""
    for m in _FUTURE_YEAR.finditer(sentence):
        year = int(m[1])
        if m.start() < row["start"] and (doc_year is None or year >= doc_year):
            return True
        if doc_year is not None and year > doc_year:
            return True
    return False


def figure_kind(sentence: str, row: dict, heading: str = "", doc_year: int | None = None, year: str = "") -> str:
    """``comparison``, ``plan``, ``target`` or ``achieved`` from the cue words of
    ``zhpolicy/data/stat_kinds.tsv`` (first kind found wins, in that order); ``到2027年`` with a year not
    before the document's year also makes a target. A figure without any cue is ``achieved``,
    except a threshold or a definition range (``<2000美元``), which gets ``""``."""
    clause = sentence[_clause_start(sentence, row["start"]):row["start"]]
    before = sentence[:row["start"]]
    past = bool(doc_year and re.match(r"\d{4}", year) and int(year[-4:]) < doc_year)
    scopes = {"near": (clause, 8), "clause": (clause, None), "sentence": (before, None), "heading": (heading, None),
              "clause_open": ("" if past else clause, None)}
    for kind in ("comparison", "plan", "target", "achieved"):
        for scope, any_cue, cues in _cue_tests(kind):
            text, limit = scopes[scope]
            if _any_cue_before(text, any_cue, cues, limit):
                return kind
        if kind == "comparison" and (row["qualifier"] in ("同比增长", "同比下降")
                                     or row["qualifier"] in ("增长", "下降") and "同比" in before):
            return kind
        if kind == "target" and _future_year_named(sentence, row, doc_year):
            return kind
    return "" if row["qualifier"] in ("<", ">", "≤", "≥") else "achieved"


# ---------------------------------------------------------------- indicators and sources


_LEADING = re.compile(r"^(?:[和与及、]|以及|[比较](?:上年末?|去年|上年同期|同期)(?:增加|增长|下降|减少|提高)?|其中|同时|目前|当前|此外|另外|而且|并且|我国|全国共?|中国共?|全球|世界|全年|今年|去年|上年|力争|争取|预计)+")
_TRAILING = re.compile(
    r"(?:已经|已|均|共|分别|的|为|是|达到|达|超过|突破|提高到|提升到|提升至|提高至|增至|增加到|降至|下降到|约为|约|近|仅为|仅|"
    r"首次超过|首次|同比增长|同比下降|同比|比上年增长|比上年|较上年|增长|下降|增加|减少|提高|降低|上涨|大关|占比|位列|排名|位居|稳居|居|"
    r"年均增速约为|平均为|平均|年均|累计|总计|合计|共计|实际|预计|力争|保持在|稳定在|控制在|保持|实现|完成|超|逾|以上|左右|在|"
    r"(?:攀升|增长|上升|扩大|下降|降低|减少|提升|提高|增加|跃升|跃上)(?:至|到)?|已逼近|逼近|共有|拥有|"
    r"今年|去年|上年|全年|当年|了|于|将|更是|更|也|还|又|却|则|都)+$"
)
_COUNT_UNITS = {u for u, (_, _, group) in UNIT_TABLE.items() if group == "count"}
_LIST_SPLIT = re.compile(r"[、和与及]|以及")


def _respectively(sentence: str, row: dict, clause_rows: list[dict]) -> str:
    """``A和B分别增长12.5%和8.3%``: the list item (A or B) that goes with this figure."""
    clause_start = _clause_start(sentence, row["start"])
    head = sentence[clause_start:row["start"]]
    if "分别" not in head:
        return ""
    subject = head[:head.index("分别")]
    subject = re.sub(r"(?:19|20)\d{2}年的?", "", subject)
    items = [i.strip() for i in _LIST_SPLIT.split(subject) if i.strip()]
    after = [r for r in clause_rows if r["start"] > clause_start + head.index("分别")]
    if len(items) >= 2 and len(items) == len(after) and row in after:
        return _TRAILING.sub("", items[after.index(row)]) or items[after.index(row)]
    return ""


def _indicator(sentence: str, row: dict, previous: str, previous_end: int = 0) -> str:
    """The phrase naming what was measured: for a count, the noun it counts (``143个经济体``);
    for a figure in parentheses, the item the parentheses follow; otherwise the subject of the
    figure's clause (never reaching back over an earlier figure), with years, qualifiers and
    linking verbs removed. A clause with no subject of its own takes the previous indicator."""
    if row["unit"] in _COUNT_UNITS:
        after = re.match(r"[^，。；：、（）“”\[\d]{1,8}?(?=分为|是|为|在|和|与|的|，|。|；|：|$)", sentence[row["end"]:])
        noun = re.sub(r"(?:中|里|内)$", "", after.group(0)) if after else ""
        if noun:
            return noun
    clause_start = max(_clause_start(sentence, row["start"]), previous_end)
    text = sentence[clause_start:row["start"]]
    open_paren = max(text.rfind("（"), text.rfind("("))
    if open_paren > max(text.rfind("）"), text.rfind(")")):
        text = re.split(r"[、，：；]", text[:open_paren])[-1]
    text = _CITATION.sub("", text)
    change = re.search(r"(?:由|从)(?:(?:19|20)\d{2}年的?)?[^，。]*?(?:提高到|提升到|增至|增加到|降至|下降到|扩大到|减少到)", text)
    if change:
        text = text[:change.start()]
    if row["unit"] == "rank" and "位列" in text:
        text = text[text.index("位列") + 2:]
    text = re.sub(r"(?:19|20)\d{2}\s*年?\s*[-—–至到]?\s*(?:(?:19|20)\d{2}\s*年)?(?:底|末|上半年|前三季度|全年)?的?", "", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    text = re.sub(r"^.*?(?:期间|之后|以来)", "", text) if re.search(r"期间|之后|以来", text) else text
    text = _LEADING.sub("", text.strip("“”\"'、 "))
    text = re.sub(r"(?:由|从)$", "", _TRAILING.sub("", text))
    text = re.sub(r"(?:连续(?:多|\d+|[一二三四五六七八九十]+)年)$", "", text)
    text = _TRAILING.sub("", text).strip("，、 ")
    return text or previous


#: Every pattern of SOURCE_PATTERNS holds one of these words (a cheap test before they run).
_ATTRIBUTION_WORD = re.compile("据|显示|表示|介绍")


def _attribution(sentence: str) -> str | None:
    """The attribution a sentence gives (据《…》, 根据…数据, …数据显示, …发布的…显示, …表示), else None."""
    if not _ATTRIBUTION_WORD.search(sentence):
        return None
    for pattern in SOURCE_PATTERNS:
        m = pattern.search(sentence)
        if m:
            return m.group(1).strip()
    return None


def _source(sentence: str, end: int | None, attribution: str | None) -> str:
    """The sentence's *attribution* (its :func:`_attribution`, found once for all its figures),
    else the first citation mark after the figure ending at *end*, else any in the sentence."""
    if attribution is not None:
        return attribution
    cites = list(_CITATION.finditer(sentence))
    after = [c.group(0) for c in cites if end is not None and c.start() >= end]
    if after:
        return f"注释{after[0]}"
    return f"注释{''.join(c.group(0) for c in cites)}" if cites else ""


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


#: How each year source is told to a student.
_YEAR_SOURCE_WORDS = {
    "clause": "数字所在的分句写明了年份",
    "sentence": "句子开头（或同一分号段里前面的分句）写明了年份",
    "paragraph": "同一段前面的句子写明了年份，这一句沿用它",
    "heading": "句子本身没写年份，取自上方写明年份的章节标题（或文件标题）",
    "document_date": "句中只写了月日或“日前、今天”，按文件日期推算",
}


def year_explanation(row, date: str = "") -> str:
    """One Chinese sentence saying how a figure's year was found (or why it stays empty)."""
    year, source = str(row["year"] or ""), str(row["year_source"] or "")
    if not year:
        return f"“{row['surface']}”：文本没有给出能确定的年份，留空（不猜）。"
    if source.startswith("relative:"):
        word = source.split(":", 1)[1]
        when = f"文件日期（{date}）" if date else "文件日期"
        return f"“{row['surface']}”：句中说“{word}”，按{when}推算为 {year}。"
    return f"“{row['surface']}”：{_YEAR_SOURCE_WORDS.get(source, source)}——{year}。"


# ---------------------------------------------------------------- what a percentage measures


@lru_cache(maxsize=1)
def percent_kind_cues() -> tuple[tuple[str, str], ...]:
    """The cues of ``zhpolicy/data/stat_percent_kinds.tsv``: (kind, cue), in file order."""
    return tuple((r["kind"], r["cue"]) for r in read_rule_table("stat_percent_kinds.tsv"))


def percent_kind(row) -> str:
    """``growth`` (增长5%), ``share`` (占…比重18%), ``intensity`` (研发投入强度2.54%) or ``other``
    for a percentage; ``""`` for other units. Looks at the qualifier, the indicator and the eight
    characters before the figure in its sentence."""
    if row["unit"] not in ("%", "个百分点", "‰", "成"):
        return ""
    sentence, surface = str(row["sentence"]), str(row["surface"])
    at = sentence.find(surface)
    near = sentence[max(0, at - 8):at] if at >= 0 else ""
    if row["unit"] == "个百分点":
        return "growth"
    near = re.sub(r"(?:提高|提升|上升|下降|降低)(?:到|至)", "", near)  # 提升到2.54%: a level, not a change
    for text in (str(row["indicator"]), str(row["qualifier"]) + surface + near):
        for kind, cue in percent_kind_cues():
            if cue in text:
                return kind
    return "other"


def percent_kinds(stats: pd.DataFrame) -> pd.Series:
    """:func:`percent_kind` for every row of a statistics table (same index); a percentage with no
    cue of its own (其中，纺织业为3.67%) takes the kind of the percentage before it in its sentence."""
    kinds, last = [], ("", "")
    for r in stats.to_dict("records"):
        kind = percent_kind(r)
        if kind == "other" and last[0] == r["sentence"]:
            kind = last[1]
        if kind:
            last = (r["sentence"], kind)
        kinds.append(kind)
    return pd.Series(kinds, index=stats.index, dtype=object)


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
    from ..reading.clean import clean_text, drop_truncated_teaser, truncated_teasers

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
    listed, then one row saying how many more there are (``attrs["hidden"]`` has the counts)."""
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
