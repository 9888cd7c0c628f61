"""Finding the figures of a sentence: number forms, magnitudes, units, ranges, ranks,
fractions, qualifiers, and the numbers that are not statistics (``data/stat_not_statistics.tsv``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ...numbers import MAGNITUDE, MAGNITUDES, UNIT_TABLE, read_rule_table, unit_at

# ---------------------------------------------------------------- building blocks

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: 廿, 卅, 卌 (20, 30, 40) as Taiwan's press writes them: 三百廿三亿美元 = 323亿美元.
_CN_TENS = {"廿": 20, "卅": 30, "卌": 40}
#: one Chinese numeral character, and a run of them
CN_NUMERAL = "[零〇一二两三四五六七八九十百千廿卅卌]"
CN = CN_NUMERAL + "+"

#: A number: 1234.5, 1,234.5, and Taiwan's budget grouping by ten thousands before the last three digits
#: (1089,0827,000元 = 10 890 827 000 元).
NUM = r"\d+(?:(?:,\d{4})+,\d{3}(?![\d,])|(?:,\d{3})*)(?:\.\d+)?"
#: A number with its thousands grouped by spaces as Hong Kong's and some PDFs' texts print them (30 000, 158 000:
#: groups of exactly three digits after a space, a no-break or a thin space), or written as :data:`NUM`.
NUM_SPACED = r"(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])|\d+(?:(?:,\d{4})+,\d{3}(?![\d,])|(?:,\d{3})*))(?:\.\d+)?"
#: What a sentence holding a space-grouped number holds (a quick test before the costlier pattern).
_SPACED_HINT = re.compile(r"\d[ \u00a0\u2009\u202f]\d{3}")
#: The characters that group thousands (dropped when reading a number).
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")
#: Magnitude words after a number and the power of ten each stands for: ``numbers.MAGNITUDES``
#: (``data/magnitudes.tsv``, shared with the tokenizer: 万, 亿, 万亿, compound ones such as 3千亿元,
#: and ``兆`` as Taiwan and Hong Kong write it, 4.72兆元 = 4.72万亿元; 兆瓦, 兆赫 … are not magnitudes).
MAGNITUDE_VALUES = MAGNITUDES
MAG = f"(?:{MAGNITUDE})"
_SP = r"[ \u3000\u00a0]?"

#: Words just before a figure that qualify it, and the label each gets (longest tried first).
QUALIFIERS_BEFORE = {
    "首次超过": "首次超过", "同比增长": "同比增长", "同比下降": "同比下降", "超过": "超过", "突破": "突破",
    "约为": "约", "大约": "约", "约": "约", "接近": "近", "将近": "近", "逼近": "近", "近": "近", "超": "超过",
    "已达到": "达到", "达到": "达到", "已达": "达到", "高达": "达到", "达": "达到",
    "仅为": "仅为", "仅": "仅为", "不足": "不足", "不到": "不足", "逾": "超过", "增长": "增长", "下降": "下降",
    "不超过": "不超过", "不高于": "不超过", "不低于": "不低于", "不少于": "不低于",
}
_QUALIFIERS_BEFORE_LONGEST_FIRST = tuple(sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
#: One of them ending a text (the leftmost match is the longest word)
_QUALIFIER_BEFORE = re.compile("(?:" + "|".join(map(re.escape, _QUALIFIERS_BEFORE_LONGEST_FIRST)) + ")$")
QUALIFIERS_AFTER = {"左右": "左右", "以上": "以上", "以下": "以下", "以内": "以内", "多": "多", "余": "多"}

_QUANTITY_TAIL = rf"(?:{_SP}(?P<a1>多|余))?(?:{_SP}(?P<mag>{MAG}))?(?P<a2>多|余)?"
_QUANTITY = re.compile(rf"(?<![\d.,])(?P<num>{NUM}){_QUANTITY_TAIL}")
_QUANTITY_SPACED = re.compile(rf"(?<![\d.,])(?P<num>{NUM_SPACED}){_QUANTITY_TAIL}")
_CN_QUANTITY = re.compile(rf"(?P<cn>{CN}){_SP}(?P<mag>{MAG})(?P<a2>多|余)?|(?P<cnx>{CN})(?P<unitx>倍|成)")
#: ``突破万亿元``, ``超千亿元``: a magnitude with no number (one 万亿, one 千亿) after a verb of reaching.
#: (上亿 means hundreds of millions, not one 亿: 亿 alone is no round amount; 百 is: 超百家.)
_ROUND_MAGNITUDES = {**MAGNITUDES, "百": 10**2}
_BARE_MAGNITUDE = re.compile(rf"(?:突破|超过|超|达到|达|破|逾|近|上)(?P<mag>(?!亿){MAGNITUDE}|百)")
#: Chinese-numeral decimals as Taiwan writes them: 一点七四, 二四点零七 (digits read one by one).
#: A zero may be written ○ (U+25CB) as well as 〇 and 零: ○点五七个百分点.
CN_DECIMAL = rf"[零〇○一二两三四五六七八九十百千廿卅卌]+[点.][零〇○一二三四五六七八九]+"  # 七二九．二 (．is . once cleaned)
#: ``三○○○元``, ``一二○万元``: a whole number written digit by digit with a zero sign, as Taiwan's press
#: writes amounts (a run without 〇/○ is left alone: 三五个 is "three or five").
_CN_DIGIT_RUN = re.compile(rf"(?<![零〇○一二两三四五六七八九十百千廿卅卌之点])(?P<run>[一二三四五六七八九][零〇○一二三四五六七八九]*"
                           rf"[〇○][零〇○一二三四五六七八九]*)(?!点){_SP}(?P<mag>{MAG})?")
_PERCENT_WORDS = re.compile(rf"百分之(?P<num>{NUM}|{CN_DECIMAL}|{CN})")
#: ``零点五七个百分点``: a Chinese-numeral decimal before a unit.
#: What every match of ``_CN_DECIMAL_QUANTITY`` holds: a Chinese numeral before 点 or a decimal point (a quick test).
_CN_POINT = re.compile(r"[零〇○一二两三四五六七八九十百千廿卅卌][点.]")
_CN_DECIMAL_QUANTITY = re.compile(rf"(?<![零〇○一二两三四五六七八九十百千廿卅卌之])(?P<cnd>{CN_DECIMAL})(?:{_SP}(?P<mag>{MAG}))?(?P<a2>多|余)?")
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
_RANK_TIED = re.compile(rf"并列第\s*(?P<n>\d+|{CN})\s*(?:位|名)?")
_RANK_PLAIN = re.compile(r"(?:排名|位列|位居|名列|居)?第\s*(?P<rank>\d+)\s*(?:位|名)")

_TITLE = re.compile(r"《[^》]*》")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*\d[A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*")
#: ``100GW``, ``3.5kWh``: a number with a Latin unit of units.tsv is a figure, not a code like 5G.
_LATIN_UNIT_FIGURE = re.compile(r"\d+(?:" + "|".join(u for u in UNIT_TABLE if u.isascii() and u.isalpha()) + ")")
_CITATION = re.compile(r"\[\d+(?:[,，\-–]\d+)*\]")
_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.]\d{1,2}[-/.]\d{1,2}|年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:[-—–至到]\d{1,2}\s*日)?|\d{1,2}\s*[-—–至到]\s*\d{1,2}\s*月")
_CN_YEAR = re.compile(r"(?P<y>[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年")
_CLAUSE_END = "，,；;：:。！？!?"


def cn_to_number(text: str) -> float:
    """A Chinese numeral with an optional decimal part (``一点七四`` → 1.74, ``二四点零七`` → 24.07,
    ``十五`` → 15): a whole part without 十/百/千 is read digit by digit, as is the decimal part."""
    whole, _, decimal = text.replace(".", "点").partition("点")
    if any(ch in _CN_UNITS or ch in _CN_TENS for ch in whole) or len(whole) <= 1:
        value = float(cn_to_int(whole))
    else:
        value = float("".join(str(_CN_DIGITS.get(ch, 0)) for ch in whole))
    if decimal:
        value += float("0." + "".join(str(_CN_DIGITS.get(ch, 0)) for ch in decimal))
    return value


def cn_to_int(text: str) -> int:
    """Convert a Chinese numeral below 10,000 (``十``, ``二十三``, ``一百零五``) to an int; one written digit
    by digit (``一七八〇``, ``二九五``, ``三○○○``: three digits or more, or a zero sign, and no 十百千) is read so."""
    if len(text) >= 2 and all(ch in _CN_DIGITS for ch in text) and (len(text) >= 3 or any(ch in "〇○零" for ch in text)):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        elif ch in _CN_TENS:
            total += _CN_TENS[ch]
            current = 0
    return total + current


_ARABIC_NUMBER = re.compile(NUM_SPACED)


def _number(text: str) -> float:
    if _ARABIC_NUMBER.fullmatch(text):
        return float(text.translate(_GROUPING))
    return cn_to_number(text) if "点" in text else float(cn_to_int(text))


def _scale(value: float, mag: str | None, unit: str | None) -> tuple[float, str]:
    """Apply a magnitude word and the unit's factor; return (value in base units, base unit)."""
    if mag:
        value *= MAGNITUDE_VALUES[mag]
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



# ---------------------------------------------------------------- finding the figures


def _masked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans no figure may overlap: titles, codes (5G, C919 but not 100GW), citation marks, dates."""
    spans = []
    for pattern, needs in _MASK_NEEDS:
        if any(ch in sentence for ch in needs):
            spans.extend(m.span() for m in pattern.finditer(sentence))
    for m in _CODE.finditer(sentence):
        if _LATIN_UNIT_FIGURE.fullmatch(m.group(0)):
            continue
        acronym = _ACRONYM_NUMBER.fullmatch(m.group(0))
        spans.append((m.start(), m.start() + len(acronym["letters"])) if acronym else m.span())
    return spans


#: ``GDP7.7%``: an upper-case acronym of three or more letters written against the number after it.
_ACRONYM_NUMBER = re.compile(r"(?P<letters>[A-Z]{3,})\d+")
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3,}$")


#: Each masking pattern of :func:`_masked_spans` with the characters one of which every match holds
#: (a quick test before it runs; tests/test_fast_paths.py checks them against the patterns).
_MASK_NEEDS = ((_TITLE, "《"), (_CITATION, "["), (_DATE, "年月-/."), (_CN_YEAR, "年"))


def _rule_masked_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans masked by the ``span`` rules of ``stat_not_statistics.tsv`` (百千万工程 …); a rank
    such as 百强县榜首 ignores these. A rule runs only on a sentence holding a character every match
    of it holds (岁 for age groups), when its pattern shows one."""
    return [m.span() for pattern, needs in _span_rules() if not needs or any(ch in sentence for ch in needs)
            for m in pattern.finditer(sentence)]


@lru_cache(maxsize=1)
def _span_rules() -> tuple[tuple[re.Pattern, str], ...]:
    """The patterns of the ``span`` rules of :func:`not_statistic_rules`, in file order, each with the
    characters one of which every match holds ("" when not known)."""
    return tuple((pattern, _needed_characters(pattern)) for _, where, pattern, _ in not_statistic_rules()
                 if where == "span")


def _needed_characters(pattern: re.Pattern) -> str:
    """The characters one of which every match of *pattern* holds, read from its first required
    literal or small class at the top level (``岁`` of ``\\d{1,3}\\s*岁…``); "" when there is none to read."""
    try:
        from re import _constants as c, _parser as p  # the standard library's own reading of a pattern
        items = p.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - another Python's internals: no quick test, same result
        return ""
    for op, arg in items:
        if op is c.LITERAL:
            return chr(arg)
        if op is c.IN and all(o is c.LITERAL for o, _ in arg) and len(arg) <= 12:
            return "".join(chr(a) for _, a in arg)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1 and len(arg[2]) == 1:
            sub_op, sub_arg = arg[2][0]
            if sub_op is c.LITERAL:
                return chr(sub_arg)
            if sub_op is c.IN and all(o is c.LITERAL for o, _ in sub_arg) and len(sub_arg) <= 12:
                return "".join(chr(a) for _, a in sub_arg)
    return ""


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return all(span[1] <= s or span[0] >= e for s, e in taken)


def _named_not_statistic(sentence: str, start: int, end: int, unit: str = "") -> bool:
    """Whether a rule of ``stat_not_statistics.tsv`` says the figure at [start, end) is a name,
    an ordinal, a class or a duration (千亿级, 第3批, 50人以下企业, 连续8个月) rather than a
    statistic. A rank is checked only against the rules that name ``rank`` in their units
    (争第一, 第一方阵, 第五次)."""
    after = before = None
    for where, pattern in _rules_for_unit(unit):
        if where == "sentence":
            if pattern.search(sentence):
                return True
        elif where == "after":
            after = sentence[end:end + 12] if after is None else after
            if pattern.search(after):
                return True
        elif where == "before":
            before = sentence[max(0, start - 4):start] if before is None else before
            if pattern.search(before):
                return True
    return False


@lru_cache(maxsize=None)
def _rules_for_unit(unit: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The rules of :func:`not_statistic_rules` that apply to a figure in *unit*, in file order:
    (where, pattern); ``span`` rules are applied to the sentence by :func:`_rule_masked_spans`."""
    out = []
    for name, where, pattern, units in not_statistic_rules():
        if name == "size_class" and unit in ("%", "‰", "成", "个百分点"):
            continue  # 七成以上的企业: a share of firms, not a class of firm
        if units and unit not in units or unit == "rank" and not units:
            continue
        if where in ("sentence", "after", "before"):
            out.append((where, pattern))
    return tuple(out)


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
    for m in (_QUANTITY_SPACED if _SPACED_HINT.search(sentence) else _QUANTITY).finditer(sentence):
        before, after = sentence[max(0, m.start() - 1):m.start()], sentence[m.end():m.end() + 1]
        unit, end = _unit_after(sentence, m.end())
        acronym = unit and _ACRONYM_BEFORE.search(sentence, 0, m.start())
        if before.isascii() and before.isalnum() and not acronym or (after.isascii() and after.isalpha() and not unit):
            continue  # part of a code such as G322 or 5G (GDP7.7% is a figure)
        if unit and unit.isascii() and sentence[end:end + 1].isascii() and sentence[end:end + 1].isalnum():
            continue  # 5GWh-like codes that only start like a unit
        per, end = _per_unit(sentence, end)
        approx = "多" if (m["a1"] or m["a2"]) else ""
        value, base = _scale(_number(m["num"]), m["mag"], unit)
        start = m.start()
        if before in _MINUS and _SIGNED_BEFORE.search(sentence, 0, start - 1):
            value, start = -value, start - 1  # 自然增长率-1.16‰ (not the dash of a range 5%-6%)
        found.append({"start": start, "end": end, "value": value, "unit": base + per, "qualifier": approx,
                      "bare": not unit and not m["mag"], "mag": m["mag"] or "", "factor": _factor(unit)})
    return _compounds(found, sentence)


def _factor(unit: str) -> float:
    """What a value in *unit* is multiplied by to be in its base unit (1 for no unit)."""
    return UNIT_TABLE[unit][1] if unit in UNIT_TABLE else 1


_MINUS = ("-", "−", "－")
#: What a minus sign of a negative figure follows: a word of measure or a linking word, a colon, an
#: opening bracket, or nothing (never a number or a unit, which make it the dash of a range).
_SIGNED_BEFORE = re.compile(r"(?:^|[率为是值：:（(，,、])\s*$")


def _compounds(found: list[dict], sentence: str) -> list[dict]:
    """Join ``4万951美元``, ``2兆667亿元`` and ``95亿2,401万2千元``: figures ending in a magnitude and no unit,
    each followed at once by one with a smaller magnitude, the last with a unit, are one figure
    (95亿 + 2401万 + 2千 元)."""
    out: list[dict] = []
    i = 0
    while i < len(found):
        j = i
        while (j + 1 < len(found) and found[j].get("mag") and not found[j]["unit"]
               and not sentence[found[j]["end"]:found[j + 1]["start"]].strip(" \u3000")  # 302 亿 1,292万9,000元
               and MAGNITUDE_VALUES.get(found[j + 1].get("mag"), 1) < MAGNITUDE_VALUES[found[j]["mag"]]
               and "value_high" not in found[j] and "value_high" not in found[j + 1]):
            j += 1
            if found[j]["unit"]:
                break
        if j > i and found[j]["unit"]:
            row = found[j]
            value = sum(r["value"] for r in found[i:j]) * row.get("factor", 1) + row["value"]
            out.append({**row, "start": found[i]["start"], "value": value,
                        "qualifier": row["qualifier"] or found[i]["qualifier"]})
            i = j + 1
            continue
        out.append(found[i])
        i += 1
    return out


def _per_unit(sentence: str, pos: int) -> tuple[str, int]:
    """``元/吨``, ``吨标准煤/万元``, ``公里/百平方公里``: a denominator written after a slash, kept as written."""
    if not sentence.startswith("/", pos):
        return "", pos
    m = _PER.match(sentence, pos)
    for prefix in ("", m["mag"] or ""):  # 元/千瓦时 is per 千瓦时, 元/万元 per 万 元
        unit = unit_at(sentence, m.end("space") + len(prefix))
        if unit:
            end = m.end("space") + len(prefix) + len(unit)
            return sentence[pos:end].replace(" ", ""), end
    return "", pos


_PER = re.compile(rf"/(?P<space>\s*)(?P<mag>{MAG}|百|千)?")


def _ranges(quantities: list[dict], sentence: str) -> list[dict]:
    """Join ``5%—6%``, ``5至6个百分点``, ``2000美元-2999美元`` into ranges (low, high)."""
    out, i = [], 0
    while i < len(quantities):
        lo = quantities[i]
        hi = quantities[i + 1] if i + 1 < len(quantities) else None
        joined = hi is not None and _RANGE_JOIN.match(sentence[lo["end"]:hi["start"]])
        if joined and lo["unit"] and lo["unit"] != "%" and _CHANGE_BEFORE.search(sentence, 0, lo["start"]):
            joined = None  # 减少约1,500人至3,830,100人: the change, then the level it reached
        if joined and not hi["bare"] and (not lo["unit"] or lo["unit"] == hi["unit"]):
            low = lo["value"]
            if not lo["unit"]:
                low, _ = _scale(low, None if lo["mag"] else (hi["mag"] or None), _unit_name(sentence, hi))
            out.append({**hi, "start": lo["start"], "value": low, "value_high": hi["value"], "qualifier": "range"})
            i += 2
            continue
        out.append(lo)
        i += 1
    return _shared_units(out, sentence)


#: A word of change right before a figure: 增加约1,500人至3,830,100人 is a change and a level, not a range
#: (增长5%至6% stays a range: a rate's change to a level is written in 个百分点).
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|上升|下降|下跌|回落|提高|降低|扩大|缩小|增长|减|增)了?(?:约|近|逾|超过)?\s*$")


#: What stands between the items of a list whose last item carries the unit: 0.7、1.4个百分点, 3.5和1.9个百分点.
_LIST_JOIN = re.compile(rf"^{_SP}[、和及与]{_SP}$")


def _shared_units(quantities: list[dict], sentence: str) -> list[dict]:
    """A bare number listed before a figure with a unit (``分别高0.7、1.4个百分点``) takes that unit."""
    if len(quantities) < 2 or not any(q["bare"] or q["unit"] == "个" for q in quantities[:-1]):
        return quantities
    for i in range(len(quantities) - 2, -1, -1):
        lo, hi = quantities[i], quantities[i + 1]
        if lo["unit"] == "个" and hi["unit"] in ("个百分点", "个千分点") and _LIST_JOIN.match(sentence[lo["end"]:hi["start"]]):
            quantities[i] = {**lo, "unit": hi["unit"]}  # 分别下降3.3个及1.6个百分点
            continue
        if lo["bare"] and not hi["bare"] and hi["unit"] and "value_high" not in hi and _LIST_JOIN.match(
                sentence[lo["end"]:hi["start"]]) and not _unit_after(sentence, lo["end"])[0]:
            value, _ = _scale(lo["value"], hi["mag"] or None, _unit_name(sentence, hi))
            quantities[i] = {**lo, "value": value, "unit": hi["unit"], "bare": False, "mag": hi["mag"],
                             "factor": hi.get("factor", 1)}
    return quantities


def _unit_name(sentence: str, row: dict) -> str:
    """The unit as written at the end of a figure (for scaling the bare low end of a range)."""
    for unit in UNIT_TABLE:
        if sentence[:row["end"]].endswith(unit):
            return unit
    return ""


#: Every rank pattern needs one of these characters (第, 首位, 榜首, 强, 前): a quick test before them.
_RANK_PIECE = re.compile("[第首榜强前]")
#: Every pattern of :func:`_chinese_quantities` needs one of these (a numeral, a magnitude, 分之, /, 番).
_CHINESE_PIECE = re.compile("[零〇○一二两三四五六七八九十百千廿卅卌万亿兆分/番]")


#: A Chinese numeral with a 万 section and a lower one (十九万一千八百一十六, 两万五千), perhaps before 亿
#: (一万一千七百八十四亿): the lower section holds 千, 百 or 十, so 三万亿 and 十万 are not it.
_CN_SECTIONED = re.compile(rf"(?:(?P<hi>{CN})万(?P<lo>零?{CN_NUMERAL}*[千百十廿卅卌]{CN_NUMERAL}*)"
                           rf"|(?P<thousands>{CN_NUMERAL}*千零?{CN_NUMERAL}*[百十廿卅卌]{CN_NUMERAL}*))(?P<mag>亿)?")
#: What every match of ``_CN_QUANTITY`` holds: a numeral before a magnitude, 倍 or 成 (a quick test).
_CN_QUANTITY_HINT = re.compile(rf"{CN_NUMERAL}{_SP}[万亿千百兆倍成]")


def _chinese_quantities(sentence: str) -> list[dict]:
    """Chinese-numeral figures: 三万亿元, 两倍, 三成, 百分之十五, 三分之一, 翻一番. Each pattern runs
    only where a piece every one of its matches holds occurs (tests/test_stats_speed.py checks)."""
    found = []
    if not _CHINESE_PIECE.search(sentence):
        return found
    numerals, sectioned = [], []
    for m in (_CN_SECTIONED.finditer(sentence) if "万" in sentence or "千" in sentence else ()):
        unit, end = _unit_after(sentence, m.end())
        if unit:  # 十九万一千八百一十六个, 一万一千七百八十四亿元: one number written in sections
            number = cn_to_int(m["hi"]) * 10_000 + cn_to_int(m["lo"]) if m["hi"] else cn_to_int(m["thousands"])
            value, base = _scale(float(number), m["mag"], unit)
            sectioned.append({"start": m.start(), "end": end, "value": value, "unit": base, "qualifier": "",
                              **({"lo": m["lo"], "lo_start": m.start("lo"), "lo_unit": unit} if m["hi"] and not m["mag"] else {})})
    for m in (_CN_QUANTITY.finditer(sentence) if _CN_QUANTITY_HINT.search(sentence) else ()):
        if any(x["start"] <= m.start() < x["end"] for x in sectioned):
            continue
        if m["cn"]:
            unit, end = _unit_after(sentence, m.end())
            value, base = _scale(float(cn_to_int(m["cn"])), m["mag"], unit)
            if re.fullmatch("[十百千]+", m["cn"]) and not unit:
                continue  # 百万, 千亿: a round name, not a figure (十亿元 is one)
            numerals.append({"start": m.start(), "end": end, "value": value, "unit": base,
                             "qualifier": "多" if m["a2"] else "", "mag": m["mag"], "factor": _factor(unit)})
        else:
            value, base = _scale(float(cn_to_int(m["cnx"])), None, m["unitx"])  # 七成 → 70 %
            numerals.append({"start": m.start(), "end": m.end(), "value": value, "unit": base, "qualifier": ""})
    for m in (_CN_DIGIT_RUN.finditer(sentence) if "〇" in sentence or "○" in sentence else ()):
        unit, end = _unit_after(sentence, m.end())
        if unit or m["mag"]:  # 十二兆七○一三亿元: a digit run may be the lower part of a compound
            value, base = _scale(cn_to_number(m["run"]), m["mag"], unit)
            numerals.append({"start": m.start(), "end": end, "value": value, "unit": base, "qualifier": "",
                             "mag": m["mag"], "factor": _factor(unit), "run": True})
            for i, x in enumerate(sectioned):  # 九○七五万五千元: the 五万五千 that starts inside the run is its tail
                if m.start() < x["start"] < end <= x["end"] and x.get("lo_start", x["end"]) >= end:
                    value, base = _scale(float(cn_to_int(x["lo"])), None, x["lo_unit"])
                    sectioned[i] = {**x, "start": x["lo_start"], "value": value, "unit": base}
    joined = _compounds(sorted(sectioned + numerals, key=lambda r: r["start"]), sentence)  # 三百四十五亿 + 七千一百八十三万三千元
    found += [r for r in joined if not r.get("run") or r["unit"]]  # a run with a magnitude and no unit is no figure
    for m in _BARE_MAGNITUDE.finditer(sentence):
        unit, end = _unit_after(sentence, m.end())
        if unit:
            value, base = _scale(float(_ROUND_MAGNITUDES[m["mag"]]), None, unit)
            found.append({"start": m.start("mag"), "end": end, "value": value, "unit": base, "qualifier": ""})
    for m in (_PERCENT_WORDS.finditer(sentence) if "百分之" in sentence else ()):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["num"]), "unit": "%", "qualifier": ""})
    for m in (_CN_DECIMAL_QUANTITY.finditer(sentence) if _CN_POINT.search(sentence) else ()):
        unit, end = _unit_after(sentence, m.end())
        if unit:
            value, base = _scale(cn_to_number(m["cnd"]), m["mag"], unit)  # 二七七点三一亿余元: more than
            found.append({"start": m.start(), "end": end, "value": value, "unit": base, "qualifier": "多" if m["a2"] else ""})
    for m in (_FRACTION.finditer(sentence) if "分之" in sentence else ()):
        value = 100 * _number(m["num"]) / _number(m["den"]) if _number(m["den"]) else 0.0
        found.append({"start": m.start(), "end": m.end(), "value": value, "unit": "%", "qualifier": ""})
    for m in (_SLASH_FRACTION.finditer(sentence) if "/" in sentence else ()):
        if 0 < int(m["num"]) < int(m["den"]):
            found.append({"start": m.start(), "end": m.end(), "value": 100 * int(m["num"]) / int(m["den"]),
                          "unit": "%", "qualifier": ""})
    for m in (_DOUBLING.finditer(sentence) if "番" in sentence else ()):
        times = 2 ** (cn_to_int(m["n"]) if m["n"] else 1)
        found.append({"start": m.start(), "end": m.end(), "value": float(times), "unit": "倍", "qualifier": ""})
    if len(found) > 1:  # 七二九.二亿美元: a figure inside a longer one (二亿美元) is part of it
        found = [f for f in found if not any(g["start"] <= f["start"] and f["end"] <= g["end"]
                                             and g["end"] - g["start"] > f["end"] - f["start"] for g in found)]
    return found


#: What every rank pattern's match holds: 第 or 前 before a numeral, a numeral before 强, 首位, 榜首.
_RANK_HINT = re.compile(rf"[第前]\s*(?:\d|{CN_NUMERAL})|(?:\d|{CN_NUMERAL})强|首位|榜首")


def _ranks(sentence: str) -> list[dict]:
    found = []
    if not _RANK_PIECE.search(sentence) or not _RANK_HINT.search(sentence):
        return found
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
    for m in _RANK_TIED.finditer(sentence):  # 重庆和云南并列第二
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["n"]), "unit": "rank", "qualifier": "并列"})
    for m in _RANK_TOP.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["top"]), "unit": "rank", "qualifier": "前"})
    for m in _RANK_PLAIN.finditer(sentence):
        found.append({"start": m.start(), "end": m.end(), "value": _number(m["rank"]), "unit": "rank", "qualifier": ""})
    return found


@lru_cache(maxsize=1)
def _score_contexts() -> dict[str, re.Pattern]:
    """For 分 and 点, a pattern of the words that make a sentence speak of scores or of an index
    (``stat_scores.tsv``)."""
    by_unit: dict[str, list[str]] = {}
    for r in read_rule_table("stat_scores.tsv"):
        by_unit.setdefault(r["unit"], []).append(r["context"])
    return {unit: re.compile("|".join(map(re.escape, words))) for unit, words in by_unit.items()}


#: a number of points: Arabic (37分, 97.95点) or Chinese (十八分, 两分); not 十分/万分 (adverbs), not a time
#: (3点半, 5分钟), a fraction (三分之一), a share (百分) or a part (分期, 分类…)
_SCORE = re.compile(rf"(?<![\d.,{CN_NUMERAL[1:-1]}])(?P<num>\d+(?:\.\d+)?|{CN})(?P<unit>分|点)"
                    rf"(?![钟之期别配析布类享红行区局数半多批项段散担摊流工支成拨层级解明外])")
_DAYTIME = re.compile("[午晚晨早夜]|时")
_CLOCK_AFTER = ("召开", "开始", "举行", "起", "至", "到", "前", "后", "左右", "许", "整")


def scored_sentence(sentence: str) -> bool:
    """Whether *sentence* holds 分 or 点 and a word of ``stat_scores.tsv`` (a quick test: :func:`_scores`
    then pairs each unit with its own words)."""
    return ("分" in sentence or "点" in sentence) and _any_score_context().search(sentence) is not None


@lru_cache(maxsize=1)
def _any_score_context() -> re.Pattern:
    return re.compile("|".join(pattern.pattern for pattern in _score_contexts().values()))


def _scores(sentence: str) -> list[dict]:
    """Scores (37分) and index points (97.95点) in a sentence that speaks of them (:func:`_score_contexts`)."""
    contexts = _score_contexts()
    units = [unit for unit, context in contexts.items() if unit in sentence and context.search(sentence)]
    if not units:
        return []
    found = []
    for m in _SCORE.finditer(sentence):
        num, unit = m["num"], m["unit"]
        if num in ("十", "万", "百", "千", "一") or unit not in units:
            continue  # 十分重要, 万分感谢, 一分耕耘: no score
        if unit == "点" and (_DAYTIME.search(sentence, max(0, m.start() - 3), m.start())
                            or sentence.startswith(_CLOCK_AFTER, m.end())):
            continue  # 下午2点召开: a time of day
        found.append({"start": m.start(), "end": m.end(), "value": _points(num), "unit": unit, "qualifier": ""})
    return found


#: An index's value written bare right after it (居民消费价格总指数为103.0, 工业生产指数一二九.六二、…): index points.
_INDEX_VALUE = re.compile(rf"指数(?:（[^（）]{{1,12}}）)?(?:为|是|达到|达|升至|降至|回升至|回落至|上升至|下降至|录得)?"
                          rf"(?P<num>\d{{2,3}}(?:\.\d+)?|{CN_DECIMAL})(?=[，,。；;、）)\s]|$)")


def _index_values(sentence: str) -> list[dict]:
    """Index values written with no unit right after the index's name (:data:`_INDEX_VALUE`), in 点."""
    return [{"start": m.start("num"), "end": m.end("num"), "value": _points(m["num"]), "unit": "点", "qualifier": ""}
            for m in _INDEX_VALUE.finditer(sentence)]


def _points(num: str) -> float:
    """The value of a score or an index written in Arabic (97.95) or Chinese digits (十八, 一二九.六二)."""
    return _number(num) if num[0].isdigit() else cn_to_number(num)


def _threshold(sentence: str, row: dict) -> None:
    """``<2000美元``: take a comparison sign just before the figure as its qualifier."""
    m = re.search(r"[<>＜＞≤≥]\s*$", sentence[max(0, row["start"] - 3):row["start"]])
    if m:
        sign = m.group(0).strip()
        row["qualifier"] = {"＜": "<", "＞": ">"}.get(sign, sign)
        row["start"] -= len(m.group(0))


#: An Arabic number is a figure only when a unit, a magnitude, 多/余 or a space follows its last
#: digit (else it is bare: a year, a list number): a quick test before :func:`_arabic_quantities`.
_DIGIT_THEN_UNIT = re.compile(r"\d[ \u3000\u00a0多余" + re.escape("".join(sorted({u[0] for u in [*MAGNITUDES, *UNIT_TABLE]}))) + "]")


#: A measured time, not a span the text is told over: a number of years, months, days or hours right after the
#: name of a time (轮候时间为6.1年, 审批时限压缩至3天) or a word that changes one (缩短约一年, 减少约9个半月).
#: Not 连续8个月 (how long a streak lasted), 35年来, 3年内, 5年后 (spans of the story).
_TIME_NAMES = "时间|时长|时数|时限|周期|期限|年限|工期|寿命|用时|耗时|轮候|等候"
_TIME_NAME = re.compile(_TIME_NAMES)
_TIMED = re.compile(_TIME_NAMES + "|缩短|延长|提前|压缩")  # what every measured time's sentence holds
_DURATION = re.compile(rf"(?P<num>{NUM}|[一二两三四五六七八九十]+|半)(?P<unit>个半月|个月|年半|年|天|个工作日|工作日|小时|周)"
                       r"(?![来内前后间底初度代级期中末以里])")
#: what may stand between a time's name and its value, or before a change of it
_TIME_BEFORE = re.compile(r"(?:(?:为|是|由|从|至|到|降至|减至|缩至|缩短至|压缩至|延长至|缩短到|压缩到|轮候|等候)|"
                          r"(?:缩短|延长|减少|增加|提前|压缩)了?)(?:约|近|逾|超过|大约|平均)?\s*$")
_DURATION_UNITS = {"个半月": "月", "个月": "月", "年半": "年", "年": "年", "天": "天", "个工作日": "工作日", "工作日": "工作日", "小时": "小时", "周": "周"}


def _durations(sentence: str) -> list[dict]:
    """Measured times (see :data:`_TIMED`): value in the unit written (9个半月 → 9.5 月, 一年半 → 1.5 年)."""
    found = []
    for m in _DURATION.finditer(sentence):
        before = sentence[_clause_start(sentence, m.start()):m.start()]
        change = _TIME_BEFORE.search(before)
        if change is None or sentence[max(0, m.start() - 2):m.start()] == "连续":
            continue
        verb = change.group().lstrip("为是由从至到")
        if not (_TIME_NAME.search(sentence, 0, m.start()) or verb.startswith(("缩短", "压缩"))):
            continue  # 减少9个月 with no time named: not known to be a measured time
        num = m["num"]
        value = 0.5 if num == "半" else _number(num) if num[0].isdigit() else float(cn_to_int(num))
        if "半" in m["unit"]:
            value += 0.5  # 9个半月, 一年半
        found.append({"start": m.start(), "end": m.end(), "value": value, "unit": _DURATION_UNITS[m["unit"]],
                      "qualifier": ""})
    return found


#: A ratio written with colons (9.4:44.1:46.5, 60:40, 2.73∶1), in a clause that names a ratio or a structure.
_RATIO = re.compile(r"(?<![\d.:：∶])(?P<a>\d+(?:\.\d+)?)\s*[:：∶]\s*\d+(?:\.\d+)?(?:\s*[:：∶]\s*\d+(?:\.\d+)?)*(?![\d.:：∶])")
_COLON = re.compile("[:：∶]")
_RATIO_NAMED = re.compile(r"(?<![对相])比(?![赛较上去同分])|结构|配比|配套")
#: the name of a ratio and its value(s) without a unit: 城乡居民收入比由2.71缩小到2.5, 性别比为98.5
_RATIO_VALUE = re.compile(r"(?:收入比|性别比|城乡比|比值|结构比)(?:[^，。；：\d]{0,6}?)(?P<a>\d+(?:\.\d+)?)(?![\d.%％万亿千百个人元:：∶])"
                          r"(?:[^，。；\d]{0,4}?(?:缩小到|缩小至|缩小为|降至|降到|降为|扩大到|扩大至|提高到|升至)(?P<b>\d+(?:\.\d+)?)(?![\d.%％万亿千百个人元]))?")


def _ratios(sentence: str) -> list[dict]:
    """Ratios (unit ``ratio``, the value its first term): colon-written in a clause naming a ratio or a structure
    (the 1 of 2.73∶1 is no figure of its own), and the bare values after a ratio's name."""
    found = []
    for m in _RATIO.finditer(sentence):
        clause = sentence[_clause_start(sentence, m.start()):m.start()]
        if _RATIO_NAMED.search(clause) or _RATIO_NAMED.match(sentence, m.end()) or len(_COLON.findall(m.group())) >= 2:
            found.append({"start": m.start(), "end": m.end(), "value": float(m["a"]), "unit": "ratio", "qualifier": ""})
    for m in _RATIO_VALUE.finditer(sentence):
        for g in ("a", "b"):
            if m[g]:
                found.append({"start": m.start(g), "end": m.end(g), "value": float(m[g]), "unit": "ratio", "qualifier": ""})
    return found


def _candidates(sentence: str) -> list[dict]:
    """Find the figures of one sentence, most specific pattern first, without overlaps."""
    arabic = _arabic_quantities(sentence) if _DIGIT_THEN_UNIT.search(sentence) else []
    rows = _ranks(sentence) + _ranges(arabic, sentence) + _chinese_quantities(sentence) + _scores(sentence)
    if _TIMED.search(sentence):
        rows = _durations(sentence) + rows  # 公屋轮候时间为6.1年: a measured time (before 9个 of 9个半月)
    if "比" in sentence or "结构" in sentence or "配套" in sentence:
        rows = _ratios(sentence) + rows  # 三次产业结构为9.4:44.1:46.5, 城乡居民收入比由2.71缩小到2.5
    if "指数" in sentence:
        rows += _index_values(sentence)
    if all(row.get("bare") for row in rows):
        return []  # nothing or only bare numbers (years, numbers without a unit): no figure
    rank_masked = _masked_spans(sentence)
    masked = rank_masked + _rule_masked_spans(sentence)
    taken: list[tuple[int, int]] = []
    found: list[dict] = []
    unitless_money: list[dict] = []  # amounts of 亿 without a unit (their currency needs the whole sentence's figures)
    for row in rows:
        span = (row["start"], row["end"])
        if row.pop("bare", False) or not _free(span, taken) or not _free(span, rank_masked if row["unit"] == "rank" else masked):
            continue
        if _named_not_statistic(sentence, *span, row["unit"]):
            continue
        if not row["unit"] and sentence[row["end"]:row["end"] + 1] in ("年", "月", "日"):
            continue  # 40多年 and other durations
        taken.append(span)
        mag = row.pop("mag", None)
        if mag in _MONEY_MAGNITUDES and not row["unit"]:
            unitless_money.append(row)
        elif mag and not row["unit"]:
            row["unit"] = _counted_unit(sentence, row)  # 924万农民工, 旅客吞吐量突破200万: people counted
        row.pop("factor", None)
        _threshold(sentence, row)
        found.append(row)
    for row in unitless_money:
        row["unit"] = _money_unit(sentence, found) or _counted_unit(sentence, row)  # 增拨60亿购买疫苗: money
    return sorted(found, key=lambda r: r["start"])


#: What a number of 万 or 亿 without a unit counts, from the noun right after it (924万农民工) or, else,
#: the last such noun of its clause before it (入境旅客人次…增长至828.2万, 人口规模超过1亿): trips or people.
_COUNTED_AFTER = re.compile(r"(?:人次|人口|农民工|劳动力|贫困人口|常住人口|户籍人口|职工|学生|游客|旅客)")
_COUNTED_BEFORE = re.compile(r"(?P<trips>人次|吞吐量|客流量?|游客|旅客)|(?P<people>人口|人数|农民工|劳动力|职工|就业)")


def _counted_unit(sentence: str, row: dict) -> str:
    after = _COUNTED_AFTER.match(sentence, row["end"])
    if after:
        return "人次" if after.group() in ("人次", "游客", "旅客") else "人"
    clause = sentence[_clause_start(sentence, row["start"]):row["start"]]
    found = list(_COUNTED_BEFORE.finditer(clause))
    if not found:
        return ""
    return "人次" if found[-1]["trips"] else "人"


#: Magnitudes so large that an amount of them without a unit, in a sentence about money, is money (60亿, 3.2万亿).
_MONEY_MAGNITUDES = frozenset({"亿", "万亿", "千亿", "百亿"})
#: Words of a sentence about public money (besides a figure in a currency).
_MONEY_WORDS = re.compile(r"预算|财政|财赤|赤字|收入|支出|开支|拨款|增拨|拨付|储备|税|资金|经费|投资|债务|债券|收益|基金|补助款"
                          r"|GDP|生产总值|增加值|销售额|营业额|交易额|成交额|出口额|进口额|贸易额|零售总额")


#: The currencies a figure may be reported in: the base units of the ``money`` group of ``data/units.tsv``.
_CURRENCIES = frozenset(base for base, _, group in UNIT_TABLE.values() if group == "money")


def _money_unit(sentence: str, found: list[dict]) -> str:
    """The currency of an amount written without one: that of another figure of the sentence (港元, 美元, 元),
    else 元 when the sentence is about money, else none."""
    currency = next((r["unit"] for r in found if r["unit"] in _CURRENCIES), "")
    return currency or ("元" if _MONEY_WORDS.search(sentence) else "")


@lru_cache(maxsize=1)
def currency_before() -> dict[str, str]:
    """Currencies named before the number (``data/stat_currency_before.tsv``): prefix → unit, longest first."""
    rows = read_rule_table("stat_currency_before.tsv")
    return {r["prefix"]: r["unit"] for r in sorted(rows, key=lambda r: -len(r["prefix"]))}


@lru_cache(maxsize=1)
def _currency_pattern() -> re.Pattern:
    """One of :func:`currency_before`'s prefixes ending a text, then at most one space."""
    return re.compile("(" + "|".join(map(re.escape, currency_before())) + ")[ \u3000\u00a0]?$")


def _currency_prefix(sentence: str, row: dict) -> None:
    """``港币500万元`` is 5,000,000 港元: a currency named before an amount in 元 gives the unit and
    joins the figure's span (``number_start`` keeps where the number begins)."""
    if row["unit"] != "元":
        return
    m = _currency_pattern().search(sentence, max(0, row["start"] - 4), row["start"])
    if m:
        row["number_start"] = row["start"]
        row["start"] = m.start()
        row["unit"] = currency_before()[m[1]]


def _extend_qualifiers(sentence: str, row: dict) -> None:
    """Widen the figure's span to take in a qualifier just before (超过) or after (左右) it
    (``number_start`` keeps where the number itself begins)."""
    _currency_prefix(sentence, row)
    row.setdefault("number_start", row["start"])
    head = sentence[max(0, row["start"] - 5):row["start"]]
    gap = len(head) - len(head.rstrip(" \u3000\u00a0"))
    head = head[:len(head) - gap]
    before = _QUALIFIER_BEFORE.search(head) if gap <= 1 else None  # the longest word ending the head
    if before is not None:
        word = before.group(0)
        if not row["qualifier"] or row["qualifier"] == "多":
            row["qualifier"] = QUALIFIERS_BEFORE[word]
        row["start"] -= len(word) + gap
    tail = sentence[row["end"]:row["end"] + 2]
    for word, label in QUALIFIERS_AFTER.items():
        if tail.startswith(word) and row["unit"] != "rank":
            row["qualifier"] = row["qualifier"] or label
            row["end"] += len(word)
            break



#: Everything up to the last clause-ending mark (greedy ``.*`` backs off to the last one).
_UP_TO_CLAUSE_END = re.compile(f".*[{_CLAUSE_END}]", re.S)


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding *pos* starts: just after the last clause-ending mark before it."""
    ends = _clause_ends(sentence)
    k = bisect_left(ends, pos)
    return ends[k - 1] + 1 if k else 0


@lru_cache(maxsize=64)
def _clause_ends(sentence: str) -> list[int]:
    """The positions of the clause-ending marks of a sentence (asked for again and again by the
    rules of its figures)."""
    return [m.start() for m in _CLAUSE_MARK.finditer(sentence)]


_CLAUSE_MARK = re.compile(f"[{_CLAUSE_END}]")

