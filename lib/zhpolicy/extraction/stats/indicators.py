"""What a figure measures (its indicator) and whom it is credited to (its source)."""

from __future__ import annotations

import re

from ...numbers import UNIT_TABLE
from .figures import _CITATION, _clause_start

#: Attribution patterns (the source a figure is credited to), tried in order.
SOURCE_PATTERNS = (
    re.compile(r"据(《[^》]+》)"),
    re.compile(r"根据([^，。；“”]{2,20}?)(?:的)?数据"),
    re.compile(r"([^，。；“”]{2,20}?)(?:的)?(?:数据|统计)显示"),
    re.compile(r"([^，。；“”]{2,24}?发布的[^，。；“”]{2,30}?)显示"),
    re.compile(r"([^，。；“”]{2,30}?)(?:表示|介绍)[，：]"),
)



# ---------------------------------------------------------------- indicators and sources


_LEADING = re.compile(r"^(?:[和与及、●◆■▲•·▪►]|以及|[比较](?:上年末?|去年|上年同期|同期)(?:增加|增长|下降|减少|提高)?|其中|同时|目前|当前|此外|另外|而且|并且|我国|全国共?|中国共?|全球|世界|全年|今年|去年|上年|力争|争取|预计)+")
_TRAILING = re.compile(
    r"(?:已经|已|均|共|分别|的|为|是|达到|达|超过|突破|提高到|提升到|提升至|提高至|增至|增加到|降至|下降到|约为|约|近|仅为|仅|"
    r"首次超过|首次|同比增长|同比下降|同比|比上年增长|比上年|较上年|增长|下降|增加|减少|提高|降低|上涨|大关|占比|位列|排名|位居|稳居|居|"
    r"年均增速约为|平均为|平均|年均|累计|总计|合计|共计|实际|预计|力争|保持在|稳定在|控制在|保持|实现|完成|超|逾|以上|左右|在|"
    r"(?:攀升|增长|上升|扩大|下降|降低|减少|提升|提高|增加|跃升|跃上)(?:至|到)?|已逼近|逼近|共有|拥有|"
    r"今年|去年|上年|全年|当年|了|于|将|更是|更|也|还|又|却|则|都)+$"
)
_COUNTED_NOUN = re.compile(r"[^，。；：、（）“”\[\d]{1,8}?(?=分为|是|为|在|和|与|的|，|。|；|：|$)")
_IN_SUFFIX = re.compile(r"(?:中|里|内)$")
_LIST_MARKS = re.compile(r"[、，：；]")
_CHANGE_IN_CLAUSE = re.compile(r"(?:由|从)(?:(?:19|20)\d{2}年的?)?[^，。]*?(?:提高到|提升到|增至|增加到|降至|下降到|扩大到|减少到)")
_YEARS_IN_TEXT = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–至到]?\s*(?:(?:19|20)\d{2}\s*年)?(?:底|末|上半年|前三季度|全年)?的?")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_BEFORE_A_PERIOD_WORD = re.compile(r"^.*?(?:期间|之后|以来)")
_CHANGE_FROM_END = re.compile(r"(?:由|从)$")
_YEARS_RUNNING_END = re.compile(r"(?:连续(?:多|\d+|[一二三四五六七八九十]+)年)$")
_A_YEAR = re.compile(r"(?:19|20)\d{2}年的?")
_COUNT_UNITS = {u for u, (_, _, group) in UNIT_TABLE.items() if group == "count"}
_LIST_SPLIT = re.compile(r"[、和与及]|以及")


def _respectively(sentence: str, row: dict, clause_rows: list[dict]) -> str:
    """``A和B分别增长12.5%和8.3%``: the list item (A or B) that goes with this figure."""
    clause_start = _clause_start(sentence, row["start"])
    head = sentence[clause_start:row["start"]]
    if "分别" not in head:
        return ""
    subject = head[:head.index("分别")]
    subject = _A_YEAR.sub("", subject)
    items = [i.strip() for i in _LIST_SPLIT.split(subject) if i.strip()]
    at = clause_start + head.index("分别")
    clause_end = next((i for i in range(row["end"], len(sentence)) if sentence[i] in "，,；;。"), len(sentence))
    after = [r for r in clause_rows if at < r["start"] < clause_end]  # 分别增长10%、7.9%，新能源汽车…: this clause only
    if len(items) >= 2 and len(items) == len(after) and row in after:
        return _TRAILING.sub("", items[after.index(row)]) or items[after.index(row)]
    return ""


def _indicator(sentence: str, row: dict, previous: str, previous_end: int = 0) -> str:
    """The phrase naming what was measured: for a count, the noun it counts (``143个经济体``);
    for a figure in parentheses, the item the parentheses follow; otherwise the subject of the
    figure's clause (never reaching back over an earlier figure), with years, qualifiers and
    linking verbs removed. A clause with no subject of its own takes the previous indicator."""
    if row["unit"] in _COUNT_UNITS:
        after = _COUNTED_NOUN.match(sentence, row["end"])
        noun = _IN_SUFFIX.sub("", after.group(0)) if after else ""
        if noun:
            return noun
    clause_start = max(_clause_start(sentence, row["start"]), previous_end)
    text = sentence[clause_start:row["start"]]
    open_paren = max(text.rfind("（"), text.rfind("("))
    if open_paren > max(text.rfind("）"), text.rfind(")")):
        text = _LIST_MARKS.split(text[:open_paren])[-1]
    text = _CITATION.sub("", text)
    change = _CHANGE_IN_CLAUSE.search(text)
    if change:
        text = text[:change.start()]
    if row["unit"] == "rank" and "位列" in text:
        text = text[text.index("位列") + 2:]
    text = _YEARS_IN_TEXT.sub("", text)
    text = _BRACKETED.sub("", text)
    text = _BEFORE_A_PERIOD_WORD.sub("", text, count=1)
    text = _LEADING.sub("", text.strip("“”\"'、 "))
    text = _CHANGE_FROM_END.sub("", _TRAILING.sub("", text))
    text = _YEARS_RUNNING_END.sub("", text)
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
