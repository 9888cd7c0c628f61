"""The statistics a text cites: find them, normalise them, trace them, cross-check them.

:func:`extract_statistics` finds every cited figure with rules a student can read:

* a **quantity** — a number, an optional magnitude (万, 亿, 万亿) and a unit
  (``3.6万亿元``, ``635.4万人年``, ``近41万件``, ``23.4%``, ``143个``);
* a **range** or **threshold** — ``2000美元-2999美元``, ``<2000美元``, ``>17000美元``;
* a **rank** — ``排名全球第10位``, ``位居世界第一``, ``稳居世界首位``, ``前10位``.

Values are converted to base units (``3.6万亿元`` → 3.6e12 ``元``); percentages keep the
number with unit ``%``; ranks get unit ``rank``. Numbers that are *not* statistics are left
out by construction: years and dates (``2024年``, ``2025-12-19``), ordinal names of meetings
and plans (二十届四中全会, 十五五, 第十一次), page references (第9版), codes (G322,
Z251100007625003), citation marks ([1]), anything inside a title 《…》, bare numbers without a
unit (从0到1, list numbers), and small Chinese numerals used to count categories (五个发展阶段,
九项重点任务). :func:`check_consistency` then compares the figures with each other.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from .numbers import MAGNITUDES
from .structure import sentences as sentence_table

# ---------------------------------------------------------------- building blocks

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN = "[零〇一二两三四五六七八九十百千]+"

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
MAG = "(?:万亿|亿|万|千)"
#: Units of measure for quantities (longest first). Years, months and days are dates, not units.
QUANTITY_UNITS = (
    "个百分点", "百分点", "千瓦时", "平方公里", "人年", "人次", "美元", "欧元", "日元", "港元", "元",
    "公里", "千瓦", "%", "‰", "件", "个", "项", "家", "倍", "吨", "人", "所", "座", "台", "套",
    "名", "种", "条", "亩", "辆", "户", "篇", "部",
)
UNIT = "(?:" + "|".join(re.escape(u) for u in QUANTITY_UNITS) + ")"

#: Words just before a figure that qualify it, longest first, and the label each gets.
QUALIFIERS_BEFORE = {
    "首次超过": "首次超过", "同比增长": "同比增长", "同比下降": "同比下降", "超过": "超过", "突破": "突破",
    "约为": "约", "大约": "约", "约": "约", "接近": "近", "将近": "近", "近": "近",
    "已达到": "达到", "达到": "达到", "已达": "达到", "高达": "达到", "达": "达到",
    "仅为": "仅为", "仅": "仅为", "不足": "不足", "逾": "超过", "增长": "增长", "下降": "下降",
}
QUALIFIERS_AFTER = {"左右": "左右", "以上": "以上", "以下": "以下", "多": "多"}

_RANGE = re.compile(
    rf"(?P<lo>{NUM})(?P<lomag>{MAG})?(?P<lounit>{UNIT})?\s*[-—–~～至到]\s*(?P<hi>{NUM})(?P<himag>{MAG})?(?P<unit>{UNIT})"
)
_THRESHOLD = re.compile(rf"(?P<op>[<>＜＞≤≥])\s*(?P<num>{NUM})(?P<mag>{MAG})?(?P<unit>{UNIT})")
_RANK_WORLD = re.compile(
    rf"(?:连续(?:多|\d+|{CN})年)?(?:位居|稳居|居于|居|排名|排在|位列|名列)?(?:世界|全球|全国)"
    rf"(?:第\s*(?P<rank>\d+|{CN})\s*(?:位|名)?|(?P<first>首位))"
)
_RANK_TOP = re.compile(rf"前\s*(?P<top>\d+|{CN})\s*(?:位|名)")
_RANK_PLAIN = re.compile(r"(?:排名|位列|位居|名列|居)?第\s*(?P<rank>\d+)\s*(?:位|名)")
_QUANTITY = re.compile(rf"(?P<num>{NUM})(?P<mag>{MAG})?(?P<unit>{UNIT})?")
_CN_QUANTITY = re.compile(rf"(?P<cn>{CN})(?P<mag>{MAG})(?P<unit>{UNIT})?|(?P<cnx>{CN})(?P<unitx>倍|成)")

_TITLE = re.compile(r"《[^》]*》")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*")
_CITATION = re.compile(r"\[\d+(?:[,，\-–]\d+)*\]")
_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.]\d{1,2}[-/.]\d{1,2}|年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–至到]\s*((?:19|20)\d{2})\s*年|(?<!\d)((?:19|20)\d{2})\s*年")
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


def _number(text: str) -> float:
    return float(text.replace(",", "")) if re.fullmatch(NUM, text) else float(cn_to_int(text))


def _scale(value: float, mag: str | None, unit: str | None) -> tuple[float, str]:
    """Apply a magnitude word; return (value in base units, base unit)."""
    if mag:
        value *= MAGNITUDES[mag]
    return value, (unit or "")


def format_value(value: float) -> str:
    """Show a value without scientific notation: 3600000000000.0 → 3,600,000,000,000; 2.54 → 2.54."""
    if value != value:  # NaN
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def _clean_value(value: float):
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------- finding the figures


def _masked_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (_TITLE, _CODE, _CITATION, _DATE):
        spans.extend(m.span() for m in pattern.finditer(sentence))
    return spans


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in taken)


def _candidates(sentence: str) -> list[dict]:
    """Find the figures of one sentence, most specific pattern first, without overlaps."""
    masked = _masked_spans(sentence)
    taken: list[tuple[int, int]] = []
    found: list[dict] = []

    def add(m, **row):
        span = m.span()
        if _free(span, taken) and _free(span, masked):
            taken.append(span)
            found.append({"start": span[0], "end": span[1], **row})

    for m in _RANGE.finditer(sentence):
        lo, unit = _scale(_number(m["lo"]), m["lomag"] or m["himag"], m["unit"])
        hi, _ = _scale(_number(m["hi"]), m["himag"], m["unit"])
        add(m, value=lo, value_high=hi, unit=unit, qualifier="range")
    for m in _THRESHOLD.finditer(sentence):
        value, unit = _scale(_number(m["num"]), m["mag"], m["unit"])
        op = {"＜": "<", "＞": ">"}.get(m["op"], m["op"])
        add(m, value=value, unit=unit, qualifier=op)
    for m in _RANK_WORLD.finditer(sentence):
        add(m, value=1 if m["first"] else _number(m["rank"]), unit="rank", qualifier="")
    for m in _RANK_TOP.finditer(sentence):
        add(m, value=_number(m["top"]), unit="rank", qualifier="前")
    for m in _RANK_PLAIN.finditer(sentence):
        add(m, value=_number(m["rank"]), unit="rank", qualifier="")
    for m in _QUANTITY.finditer(sentence):
        before = sentence[max(0, m.start() - 1):m.start()]
        after = sentence[m.end():m.end() + 1]
        if before.isascii() and before.isalnum() or (after.isascii() and after.isalpha()):
            continue  # part of a code such as G322 or 5G
        if not m["unit"] and not m["mag"]:
            continue  # a bare number: a list mark, an idiom (从0到1), a code
        if not m["unit"] and after in ("年", "月", "日"):
            continue  # 40多年 and other durations and dates
        value, unit = _scale(_number(m["num"]), m["mag"], m["unit"])
        add(m, value=value, unit=unit, qualifier="")
    for m in _CN_QUANTITY.finditer(sentence):
        if m["cn"]:
            value, unit = _scale(float(cn_to_int(m["cn"])), m["mag"], m["unit"])
        else:
            value, unit = float(cn_to_int(m["cnx"])), m["unitx"]
        add(m, value=value, unit=unit, qualifier="")
    return sorted(found, key=lambda r: r["start"])


def _extend_qualifiers(sentence: str, row: dict) -> None:
    """Widen the figure's span to take in a qualifier just before (超过) or after (左右) it."""
    head = sentence[max(0, row["start"] - 4):row["start"]]
    for word in sorted(QUALIFIERS_BEFORE, key=len, reverse=True):
        if head.endswith(word):
            if not row["qualifier"]:
                row["qualifier"] = QUALIFIERS_BEFORE[word]
            row["start"] -= len(word)
            break
    tail = sentence[row["end"]:row["end"] + 2]
    for word, label in QUALIFIERS_AFTER.items():
        if tail.startswith(word) and row["unit"] != "rank":
            row["qualifier"] = row["qualifier"] or label
            row["end"] += len(word)
            break


# ---------------------------------------------------------------- years, indicators, sources


def _clause_start(sentence: str, pos: int) -> int:
    i = pos
    while i > 0 and sentence[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _years(sentence: str) -> list[tuple[int, int, str]]:
    """Years and periods of a sentence, outside 《titles》: (start, end, "2024" or "2026-2030")."""
    titles = [m.span() for m in _TITLE.finditer(sentence)]
    out = []
    for m in _YEAR.finditer(sentence):
        if not _free(m.span(), titles):
            continue
        label = f"{m[1]}-{m[2]}" if m[1] else m[3]
        out.append((m.start(), m.end(), label))
    return out


def _topic_year(sentence: str, years: list[tuple[int, int, str]]) -> str:
    """A year standing as the topic of the whole sentence: ``2024年，…`` at its start, or right
    after an attribution (``据《…》，2024年，…``, ``…数据显示，2025年，…``)."""
    for start, end, label in years:
        before = sentence[:start]
        rest = sentence[end:end + 1]
        if rest not in "，," or not rest:
            continue
        if not before.strip() or re.search(r"(?:显示|数据|》|表示|介绍)[，,]$", before) or before.endswith(("，", ",")) and len(before) <= 30 and any(p.search(before) for p in SOURCE_PATTERNS):
            return label
    return ""


def _year_for(sentence: str, row: dict, years, topic: str) -> str:
    # a) "2025年的324.7万人年": the year modifies the figure directly
    for start, end, label in years:
        if 0 <= row["start"] - end <= 2 and sentence[end:row["start"]] in ("", "的"):
            return label
    # b) the nearest year earlier in the same clause
    clause = _clause_start(sentence, row["start"])
    inside = [label for start, end, label in years if clause <= start and end <= row["start"]]
    if inside:
        return inside[-1]
    # c) the year that is the topic of the whole sentence
    return topic


_LEADING = re.compile(r"^(?:其中|同时|目前|当前|此外|另外|而且|并且|我国|全国共?|中国共?|全球|世界)+")
_TRAILING = re.compile(
    r"(?:已经|已|均|共|分别|的|为|是|达到|达|超过|突破|提高到|提升到|提升至|提高至|增至|增加到|降至|下降到|约为|约|近|仅为|仅|"
    r"首次超过|首次|同比增长|增长|大关|占比|位列|排名|位居|稳居|居|年均增速约为)+$"
)


_COUNT_UNITS = ("个", "项", "家", "件", "人", "名", "所", "座", "台", "套", "种", "条", "户", "辆", "篇", "部")


def _indicator(sentence: str, row: dict, previous: str) -> str:
    """The phrase naming what was measured: for a count, the noun it counts (``143个经济体``);
    for a figure in parentheses, the item the parentheses follow; otherwise the subject of the
    figure's clause, with years, qualifiers and linking verbs removed. A clause with no
    subject of its own (``，稳居世界首位``) takes the indicator of the figure before it."""
    if row["unit"] in _COUNT_UNITS:
        after = re.match(r"[^，。；：、（）“”\[]{1,8}?(?=分为|是|为|在|和|与|的|，|。|；|：|$)", sentence[row["end"]:])
        if after:
            return after.group(0)
    clause_start = _clause_start(sentence, row["start"])
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
    text = re.sub(r"(?:19|20)\d{2}年?[-—–至到]?(?:(?:19|20)\d{2}年)?的?", "", text)
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    text = re.sub(r"^.*?(?:期间|之后|以来)", "", text) if re.search(r"期间|之后|以来", text) else text
    text = _LEADING.sub("", text.strip("“”\"' "))
    text = re.sub(r"(?:由|从)$", "", _TRAILING.sub("", text))
    text = re.sub(r"(?:连续(?:多|\d+|[一二三四五六七八九十]+)年)$", "", text)
    text = _TRAILING.sub("", text).strip("，、 ")
    return text or previous


def _source(sentence: str, end: int | None = None) -> str:
    """The attribution a sentence gives (据《…》, 根据…数据, …数据显示, …发布的…显示, …表示),
    else the first citation mark after the figure ending at *end*, else any in the sentence."""
    for pattern in SOURCE_PATTERNS:
        m = pattern.search(sentence)
        if m:
            return m.group(1).strip()
    cites = list(_CITATION.finditer(sentence))
    after = [c.group(0) for c in cites if end is not None and c.start() >= end]
    if after:
        return f"注释{after[0]}"
    return f"注释{''.join(c.group(0) for c in cites)}" if cites else ""


# ---------------------------------------------------------------- the public functions

STAT_COLUMNS = [
    "doc", "doc_id", "surface", "value", "value_high", "unit", "year", "qualifier", "indicator", "source",
    "sentence", "start", "end",
]


def extract_statistics(docs) -> pd.DataFrame:
    """Find the statistics cited in a text, a dict of texts, or a corpus.

    Returns one row per figure: ``doc`` (the document's label), ``doc_id``, ``surface`` (the
    exact span of the cleaned text, ``text[start:end]``), ``value`` in base units
    (``value_high`` for the top of a range), ``unit`` (``元``, ``%``, ``人年``, ``rank`` …),
    ``year`` (``2024`` or a period ``2026-2030``: from ``2025年的…``, else from the same clause,
    else from a year opening the sentence; empty when the text gives none), ``qualifier``
    (超过, 突破, 近, 约, 左右, 达到, 仅为, 首次超过, 同比增长, ``<``, ``>``, ``range``, 前),
    ``indicator`` (what was measured), ``source`` (the attribution the sentence gives, or its
    citation marks), and the ``sentence`` with its ``start``/``end`` offsets.
    """
    labels = {}
    if isinstance(docs, pd.DataFrame) and "label" in docs.columns:
        labels = dict(zip(docs["doc_id"], docs["label"]))
    sents = sentence_table(docs)
    rows = []
    for s in sents.itertuples():
        sentence = s.text
        found = _candidates(sentence)
        if not found:
            continue
        years = _years(sentence)
        topic = _topic_year(sentence, years)
        previous = ""
        for row in found:
            _extend_qualifiers(sentence, row)
            indicator = _indicator(sentence, row, previous)
            previous = indicator
            rows.append({
                "doc": labels.get(s.doc_id, s.doc_id), "doc_id": s.doc_id,
                "surface": sentence[row["start"]:row["end"]],
                "value": _clean_value(row["value"]),
                "value_high": _clean_value(row["value_high"]) if "value_high" in row else np.nan,
                "unit": row["unit"], "year": _year_for(sentence, row, years, topic),
                "qualifier": row["qualifier"], "indicator": indicator, "source": _source(sentence, row["end"]),
                "sentence": sentence, "start": s.start + row["start"], "end": s.start + row["end"],
            })
    return pd.DataFrame(rows, columns=STAT_COLUMNS)


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

_CHANGE = re.compile(
    r"(?:由|从)\s*(?P<y1>(?:19|20)\d{2})\s*年的?[^，。；]*?(?:提高到|提升到|增至|增加到|增长到|降至|下降到|扩大到|减少到|到)"
    r"\s*(?P<y2>(?:19|20)\d{2})\s*年"
)
_CORRUPT = re.compile(r"[A-Za-z]+[\u4e00-\u9fff]{1,2}[A-Za-z]+|万万|亿亿|%%")
_FLAG_COLUMNS = ["check", "doc_id", "surface", "year", "other_doc_id", "other_surface", "other_year", "reason"]


def normalise_indicator(text: str) -> str:
    """Unify synonyms (研究与试验发展 → 研发 …) and drop spaces, for comparing indicators."""
    for old, new in INDICATOR_SYNONYMS.items():
        text = text.replace(old, new)
    return re.sub(r"\s+", "", text)


def _same_indicator(a: str, b: str) -> bool:
    a, b = normalise_indicator(a), normalise_indicator(b)
    return len(a) >= 3 and len(b) >= 3 and (a in b or b in a)


def _year_text(year: str) -> str:
    return f"{year}年" if year else "年份未注明"


def _flag(check, row, reason, other=None) -> dict:
    return {
        "check": check, "doc_id": row["doc_id"], "surface": row["surface"], "year": row["year"],
        "other_doc_id": other["doc_id"] if other is not None else "",
        "other_surface": other["surface"] if other is not None else "",
        "other_year": other["year"] if other is not None else "",
        "reason": reason,
    }


def _pairs(stats: pd.DataFrame):
    rows = stats.to_dict("records")
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["unit"] == b["unit"] and a["unit"] != "rank" and _same_indicator(a["indicator"], b["indicator"]):
                yield a, b


def _year_number(year: str) -> int | None:
    return int(year) if re.fullmatch(r"\d{4}", str(year)) else None


def _cross_document_flags(stats: pd.DataFrame) -> list[dict]:
    flags = []
    for a, b in _pairs(stats):
        growing = any(w in normalise_indicator(a["indicator"] + b["indicator"]) for w in GROWING_INDICATOR_WORDS)
        ya, yb = _year_number(a["year"]), _year_number(b["year"])
        if a["doc_id"] != b["doc_id"] and (a["value"] != b["value"] or a["year"] != b["year"]):
            note = "时期也不同，先核对是全年还是部分时期、是哪一年" if a["year"] != b["year"] else "年份相同而数值不同，至少有一处可能有误"
            flags.append(_flag(
                "same_indicator_differs", a,
                f"同一指标“{b['indicator'] if len(b['indicator']) <= len(a['indicator']) else a['indicator']}”在两篇文本中说法不同："
                f"{a['doc_id'][:3]} 为“{a['surface']}”（{_year_text(a['year'])}），"
                f"{b['doc_id'][:3]} 为“{b['surface']}”（{_year_text(b['year'])}）；{note}。",
                b,
            ))
        if growing and ya and yb and ya != yb:
            early, late = (a, b) if ya < yb else (b, a)
            if late["value"] < early["value"]:
                flags.append(_flag(
                    "later_value_smaller", late,
                    f"{late['year']}年的“{late['surface']}”比更早的{early['year']}年的“{early['surface']}”还小；"
                    f"“{late['indicator']}”这类规模指标通常逐年增长，至少一处年份或数值可能有误。",
                    early,
                ))
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
    for row in stats.to_dict("records"):
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


def _header_flags(stats: pd.DataFrame, corpus: pd.DataFrame) -> list[dict]:
    """Compare a repost's header (page date, truncated teaser) with its body."""
    from .clean import clean_text, drop_truncated_teaser, truncated_teasers

    flags = []
    for doc in corpus.itertuples():
        # a) the teaser above the article disagrees with the article itself
        for _, core, following in truncated_teasers(clean_text(doc.raw, before=drop_truncated_teaser)):
            ops = SequenceMatcher(None, core, following, autojunk=False).get_opcodes()
            for tag, i1, i2, j1, j2 in ops:
                if tag == "replace" and re.search(r"\d", core[i1:i2]) and re.search(r"\d", following[j1:j2]):
                    head = _number_context(core, i1, i2)
                    body = _number_context(following, j1, j2)
                    flags.append({
                        "check": "header_disagrees_with_body", "doc_id": doc.doc_id, "surface": body, "year": "",
                        "other_doc_id": doc.doc_id, "other_surface": head, "other_year": "",
                        "reason": f"页首摘要写“{head}”，正文同一处却写“{body}”：转载时数字被改动过，正文的年份需要核对。",
                    })
        # b) annual figures for the very year the page is dated
        date = re.fullmatch(r"((?:19|20)\d{2})-\d{2}-\d{2}", str(getattr(doc, "date", "") or ""))
        if date:
            mine = stats[(stats["doc_id"] == doc.doc_id) & (stats["year"].astype(str) >= date[1])]
            if len(mine):
                flags.append({
                    "check": "data_year_not_before_page_date", "doc_id": doc.doc_id,
                    "surface": "、".join(mine["surface"].head(4)) + ("…" if len(mine) > 4 else ""),
                    "year": date[1], "other_doc_id": "", "other_surface": "", "other_year": "",
                    "reason": f"页面日期是{doc.date}，却有 {len(mine)} 个数字标为{date[1]}年或更晚；"
                              f"全年统计数据一般到次年才公布，这些年份需要逐一核对（例如与其他文本或原始统计公报对照）。",
                })
    return flags


def check_consistency(stats: pd.DataFrame, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Cross-check extracted statistics; return one row per flag with a reason a student can read.

    Checks: ``same_indicator_differs`` (the same indicator, in two documents, with a different
    value or year), ``later_value_smaller`` (a size indicator that shrinks from an earlier to a
    later year), ``same_start_and_end_year`` (``由2025年的…提高到2025年的…``), ``corrupted_token``
    (``G党P`` and the like next to a figure). With the *corpus* (for raw headers and dates):
    ``header_disagrees_with_body`` (a repost's teaser and body give different numbers) and
    ``data_year_not_before_page_date`` (annual figures for the year the page is dated)."""
    flags: list[dict] = []
    if len(stats):
        flags += _same_year_change_flags(stats)
        flags += _cross_document_flags(stats)
        flags += _corruption_flags(stats)
    if corpus is not None:
        flags += _header_flags(stats, corpus)
    return pd.DataFrame(flags, columns=_FLAG_COLUMNS)
