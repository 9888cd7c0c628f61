"""Scopes: a lead paragraph that sets the year (and the kind) of the paragraphs after it.

A statistical bulletin opens ``2023年，面对…`` and every figure below is 2023, across its numbered
sections, until another scope begins; a short stand-alone line ``2023年全县上下…交出了一份…答卷``
does the same. A target list's lead ``力争到2027年，…：`` governs the items after it (its year is the
lead's end year, its kind is target) until a paragraph that is not an item, or a heading. A figure
takes the nearer of its section heading's year and the scope above it (see :func:`frame`)."""

from __future__ import annotations

import re
from functools import lru_cache

from .kinds import kind_cues
from .years import FRAMING_COMMA, _short_line, _topic_token, _year_tokens, document_year_month, relative_year_words

#: A year lead names its year within its first characters (2023年，… 过去一年，…).
_LEAD_CHARS = 40

#: A paragraph that opens as an item of a list: （一） 一、 1. ① —— ● ◆ ■ • - 一是.
_ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.、．)）]"
                   r"|[①-⑳]|—{1,2}|[●◆■▲•·\-▪►]|[一二三四五六七八九十]是)")
#: A document announced, then its goals: 印发《…行动计划》，其中提到，到2025年，… (the lead's 到 follows).
_ANNOUNCED_GOALS = re.compile(r"(?:印发|发布|出台|公布|颁布)(?:了)?(?:《[^《》]{2,80}》|[^，,。《》]{2,40}?(?:意见|方案|规划|计划|纲要|措施|办法))"
                              r"[^。，,《]{0,8}[，,]\s*(?:(?:其中|文件|《[^《》]{1,40}》)?"
                              r"(?:提到|提出|明确|指出|要求|强调)(?:了)?[，,：:]?\s*)?(?:力争|争取)?")
_ANNOUNCING = re.compile("印发|发布|出台|公布|颁布")
#: How far into its sentence that announcement may end.
_ANNOUNCED_REACH = 200
#: A lead names its year after 到/至 within its opening words: 到2027年, 力争到“十四五”末.
_LEAD_YEAR = re.compile(r"(?:到|至)\s*(?:(?:19|20)\d{2}\s*年|“?十[一二三四五六七八九]五”?期?末)")
#: What follows the year of a lead that frames what comes after it: 2023年，… 2024年是… 2023年全县上下…
_FRAME = re.compile(r"\s*(?:[，,：:]|是|以来|全[县市省区国州]|我[国省市县区们]|面对|在)")
_OPENING_YEAR = re.compile(r"\s*.{0,2}?(?:(?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年")
_YEAR_IN_LEAD = re.compile(r"(?:19|20)\d{2}\s*年|“?十[一二三四五六七八九]五”?期?末")


@lru_cache(maxsize=1)
def _lead_words() -> re.Pattern:
    """The cue words that, before 到20XX年 at the start of a paragraph, make it a target list's
    lead (``zhpolicy/data/stat_kinds.tsv``, scope ``lead``), as one pattern."""
    cues = [cue for kind, scope, cue in kind_cues() if scope == "lead"]
    return re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _lead_hint() -> tuple[re.Pattern, re.Pattern]:
    r"""A quick test before a year lead is looked for: an explicit year, a plan period (五) or a
    relative word that names a whole year (今年, 过去一年, 未来五年 …; not 全年, 上半年, 今天).
    Two patterns, searched one after the other: an alternation whose every branch opens with a
    literal character is first located by those characters, one with a ``\d`` branch is tried
    branch by branch at every position (several times slower)."""
    words = [w for w, rule in relative_year_words().items()
             if not rule.startswith(("reporting", "period:", "date", "now", "anchor"))]
    return re.compile(r"\d{4}\s*年|[〇零○五]"), re.compile("|".join(map(re.escape, words)))


#: Words opening a vision of a later year (展望2035年，…).
_VISION = ("展望", "远景", "到", "至")


def is_item(sentence: str) -> bool:
    """Whether a paragraph whose first sentence is *sentence* is an item of a list."""
    return bool(_ITEM.match(sentence))


def target_lead_scope(sentence: str, start: int, date) -> dict | None:
    """The scope of a target list's lead (``力争到2027年，…``: kind target, year 2027), for the rest
    of its paragraph and the items after it; *sentence* is the paragraph's first, at offset *start*."""
    target = _target_lead(sentence, date)
    if target is None:
        return None
    return {**target, "start": start, "text": _short_line(sentence), "kind": "target", "items": True,
            "colon": sentence.rstrip().endswith(("：", ":"))}


def year_lead_scope(sentence: str, start: int, date, has_figures: bool = False) -> dict | None:
    """The scope of a year lead, a paragraph opening ``2023年，…``, ``2024年是…``, ``过去一年，…``
    (resolved against *date*) or, without figures, ``2023年全县上下…``: the year of everything
    after it, until another scope. *sentence* is the paragraph's first, at offset *start*; a
    paragraph with figures must open with the year and a comma (``2023年，全省…``), not a year
    that names something (``2023年全国第五次经济普查结果：…``)."""
    years, words = _lead_hint()
    if not (years.search(sentence, 0, _LEAD_CHARS) or words.search(sentence, 0, _LEAD_CHARS)):
        return None
    topic = _topic_token(sentence, _year_tokens(sentence, date))
    frame = FRAMING_COMMA if has_figures else _FRAME
    framed = topic is not None and (topic["source"].startswith("relative:") and not has_figures
                                    or frame.match(sentence, topic["end"]))
    if topic is None or not topic["year"] or topic["source"] == "document_date" or topic.get("now") or not framed:
        return None  # 2024年01月24日 (a date line), 2025年底召开的会议 (an event's date) set no scope
    doc_year = document_year_month(date)[0]
    ahead = (doc_year is not None and re.fullmatch(r"\d{4}", topic["year"]) and int(topic["year"]) > doc_year
             or sentence.lstrip().startswith(_VISION))
    # 展望2035年，…: a vision of a later year speaks for its own paragraph and items, not for the sections after it
    return {**topic, "start": start, "text": _short_line(sentence), "kind": "", "cue": "", "items": bool(ahead)}


#: After a year, the title of a document it names (2018年《施政报告》, 2023年的《决定》).
_NAMES_DOCUMENT = re.compile(r"\s*的?《")


def item_year_scope(sentence: str, start: int, date, outer: dict | None) -> dict | None:
    """The scope of a list item that opens with its year (``●2023年广东地区生产总值达到…``): the items
    after it (●广州经济总量突破3万亿元) are of the same year, until a paragraph that is not an item or a
    heading; then *outer*, the scope before the list, is in force again."""
    if not is_item(sentence):
        return None
    marker = _ITEM.match(sentence)
    rest = sentence[marker.end():]
    if not _OPENING_YEAR.match(rest):
        return None  # (a quick test: most items do not open with a year)
    topic = _topic_token(rest, _year_tokens(rest, date))
    if topic is None or not topic["year"] or topic.get("now") or topic["source"] or topic["start"] > 2:
        return None  # only an explicit year opening the item (not 今年, not a date)
    if _NAMES_DOCUMENT.match(rest, topic["end"]):
        return None  # 181. 二零一八年《施政报告》中宣布的…: the year names a document, not the items' time
    return {**topic, "start": start, "text": _short_line(sentence), "kind": "", "cue": "", "items": True, "outer": outer}


#: A paragraph opening with the lead of a year's goals (2009年全省经济社会发展的主要预期目标：…, 今年的主要目标是：…).
_GOAL_LIST_LEAD = re.compile(r"[^。；;：:%]{0,30}?(?P<word>(?:主要预期|主要|预期)目标)(?:是|为|如下)?[：:]")


def goal_list_scope(sentence: str, start: int, date) -> dict | None:
    """The scope of a paragraph that opens with the lead of a year's goals (``2009年…的主要预期目标：生产总值增长9%。
    城镇新增就业62万人…``): kind target for the rest of the paragraph and the items after it, and the year the lead
    names (2009, 今年 resolved by *date*), when it names one; *sentence* is the paragraph's first, at offset *start*."""
    if sentence.find("目标", 0, 40) < 0:
        return None  # (a quick test)
    m = _GOAL_LIST_LEAD.match(sentence)
    if m is None:
        return None
    tokens = [t for t in _year_tokens(sentence[:m.end()], date) if not t["weak"] and t["source"] != "document_date"]
    year = tokens[0]["year"] if len(tokens) == 1 and re.fullmatch(r"\d{4}", tokens[0]["year"] or "") else ""
    return {"year": year, "source": "scope", "weak": False, "cue": "预期目标" if "预期" in m["word"] else m["word"], "start": start,
            "text": _short_line(sentence), "kind": "target", "items": True, "colon": False, "goal_list": True}


#: A paragraph that spells out a goal named earlier: “五强”目标具体为：…, “三个一”目标包括…
_NAMED_GOAL = re.compile(r"\s*(“[^”“]{1,10}”)[^，。；：,;:]{0,6}目标(?:具体)?(?:为|是|包括|分别是|分别为|如下)")


def named_goal_scope(sentence: str, start: int, text: str, date) -> dict | None:
    """The scope of a paragraph that spells out a goal named earlier in *text* (``“五强”目标具体为：…`` after
    ``到2022年，…实现“五强”发展目标``): the year of the earlier mention (the last year before it in its
    ；-segment, not before the document's year) and kind target; *sentence* is the paragraph's first, at
    offset *start*."""
    m = _NAMED_GOAL.match(sentence)
    if m is None:
        return None
    mention = text.rfind(m[1], 0, start)
    if mention < 0:
        return None
    segment = max(text.rfind(ch, 0, mention) for ch in "；;。\n") + 1
    before = text[segment:mention]
    tokens = [t for t in _year_tokens(before, date) if not t["weak"] and re.fullmatch(r"\d{4}", t["year"] or "")]
    doc_year = document_year_month(date)[0]
    if not tokens or doc_year is not None and int(tokens[-1]["year"]) < doc_year:
        return None
    return {"year": tokens[-1]["year"], "source": "scope", "weak": False, "cue": m.group(0).strip()[:12],
            "start": start, "text": _short_line(text[segment:mention + len(m[1])]), "kind": "target", "items": True,
            "colon": False}


def _target_lead(sentence: str, date) -> dict | None:
    """``力争到2027年，…``, ``到“十四五”末，…``: a paragraph opening with a future year (not before the
    document's) after 到/至, with a lead cue or nothing before it."""
    m = _LEAD_YEAR.search(sentence, 0, 24)
    announced = None
    if m is None:
        # 某市印发《…三年行动计划》，其中提到，到2025年，…: the lead follows the document's announcement
        announced = _ANNOUNCED_GOALS.search(sentence, 0, _ANNOUNCED_REACH) if _ANNOUNCING.search(sentence) else None
        m = _LEAD_YEAR.match(sentence, announced.end()) if announced else None
        if m is None:
            return None
    before = "" if announced else sentence[:m.start()].strip(" 　，,")
    if before and not (_lead_words().search(before) and len(before) <= 16) and not is_item(sentence):
        return None
    tokens = [t for t in _year_tokens(sentence, date) if t["start"] <= m.end() and t["end"] >= m.start() + 1]
    if not tokens or not tokens[0]["year"]:
        return None
    year = tokens[0]["year"][-4:]
    doc_year = document_year_month(date)[0]
    if doc_year is not None and int(year) < doc_year:
        return None
    cue = (_lead_words().search(before).group(0) if before and _lead_words().search(before) else "") + m.group(0)
    return {"year": year, "source": "scope", "weak": False, "cue": cue}


def frame(heading: dict | None, heading_start: int, scope: dict | None) -> dict | None:
    """The nearer (later-starting) of the section heading that names a year (starting at
    *heading_start*) and the *scope* above a sentence, as the token its figures take their year from."""
    if scope is not None and scope.get("year") and (heading is None or scope["start"] > heading_start):
        return {**scope, "source": "scope"}
    if heading is not None:
        return {**heading, "source": heading["source"] or "heading"}
    return None
