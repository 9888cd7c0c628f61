"""The statistics table: :func:`extract_statistics` walks the sentences of each document and
gives every figure its year, kind, indicator and source."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
import pandas as pd

from ..._docs import iter_docs
from ...reading.structure import _structure
from ...reading.tables import MARKER_LINE
from .cells import document_table_rows, table_cells
from .figures import CN_NUMERAL, _SP, _candidates, _clause_start, _clean_value, _extend_qualifiers, scored_sentence
from .indicators import _attribution, _indicator, _respectively, _source
from .kinds import BILL_CUE, ESTIMATES, IN_REVIEW, LATER_THAN_DOCUMENT, bill_line, budget_bill, figure_kind
from .scopes import frame, goal_list_scope, is_item, item_year_scope, named_goal_scope, target_lead_scope, year_lead_scope
from .years import (_FISCAL_YEAR, _FULL_DATE, _NOW_AS_START, _change_end, _common_era, _figure_year, _plan_period, _heading_year_at, _heading_years,
                    _short_line, _topic_token, _year_tokens, document_year_month, own_year_of_text, relative_year_words,
                    reporting_period)

# ---------------------------------------------------------------- the public functions

STAT_COLUMNS = [
    "doc", "doc_id", "surface", "value", "value_high", "unit", "year", "year_source", "year_line", "kind", "kind_cue",
    "qualifier",
    "indicator", "source", "sentence", "start", "end", "table", "row", "column",
]
#: The columns that place a figure read from a table cell (empty for figures of the prose).
CELL_COLUMNS = ("table", "row", "column")


#: A speech's date line near its start: 2019年3月21日在正蓝旗第十五届人民代表大会第二次会议上.
_SPOKEN_ON = re.compile(r"(?m)^[—\s（(]*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^\n。]{2,50}?(?:会议|大会|会)上")
_SPOKEN_LIMIT = 1500


def _spoken_date(text: str, date: str) -> str:
    """The date a report speaks from: the date line of a speech near its start (——2019年3月21日在…会议上) when it is
    earlier than *date* (a page that reposts the report in 2021 does not make its 今年 2021), else *date*."""
    m = _SPOKEN_ON.search(text, 0, _SPOKEN_LIMIT) if (text.find("会上", 0, _SPOKEN_LIMIT) >= 0
                                                  or text.find("会议上", 0, _SPOKEN_LIMIT) >= 0) else None
    if m is None:
        return date
    spoken = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return spoken if not date or spoken < str(date)[:10] else date


def _document_dates(docs) -> dict[str, str]:
    if isinstance(docs, pd.DataFrame) and "date" in docs.columns and "doc_id" in docs.columns:
        return {str(d): ("" if pd.isna(v) else str(v)) for d, v in zip(docs["doc_id"], docs["date"])}
    return {}


#: Every match of a pattern of ``_ranks`` or ``_chinese_quantities`` holds a digit or one of these
#: pieces (keep it in step when a pattern changes: tests/test_stats_speed.py checks).
#: Each piece as (the character or class it opens with, what follows).
_FIGURE_PIECES = (
    ("第", ""), ("首", "位"), ("榜", "首"), ("前", r"\s*" + CN_NUMERAL), (CN_NUMERAL, "强"),  # ranks
    (CN_NUMERAL, _SP + "[万亿千兆]"), (CN_NUMERAL, "[倍成]"),  # 三万亿元, 两倍, 三成, 二兆元
    ("[零〇○一二两三四五六七八九十百千廿卅卌]", "[点.][零〇○一二三四五六七八九]"),  # 零点五七个百分点, ○点五七, 七.九三%
    ("[破过超到达逾近上]", "[万亿千百兆]"),  # 突破万亿元 (a verb of reaching before a bare magnitude)
    ("分", "之"), ("翻", "[一两二三四]?番"),  # 百分之十五, 三分之一, 翻一番
)
#: What any figure needs: a digit, one of the pieces above, or Chinese digits written one by one with a
#: zero sign (三○○○元).
_NEEDED_PIECES = (("\\d", ""), *_FIGURE_PIECES, ("[一二三四五六七八九〇○]", "[〇○]"))


def _any_piece(pieces: tuple[tuple[str, str], ...]) -> re.Pattern:
    """One pattern finding any of *pieces* (opening, rest), written ``[all openings](?:(?<=opening)rest|…)``:
    the regex engine then skips to the opening characters, where the plain alternation
    ``opening rest|…``, some of whose branches open with a class, is tried branch by branch at every
    position (several times slower on sentences without a figure). Both find a piece in the same texts."""
    openings = "".join(opening.strip("[]") for opening, _ in pieces)
    return re.compile(f"[{openings}](?:" + "|".join(f"(?<={opening}){rest}" for opening, rest in pieces) + ")")


#: A sentence in which this finds nothing is given no figure (most sentences of a long text).
_ANY_FIGURE_PIECE = _any_piece(_NEEDED_PIECES)


def _may_hold_figure(sentence: str) -> bool:
    """False for a sentence that is given no figure (most sentences of a long text): one where no
    figure pattern can match, because it holds none of the pieces every match holds (a score in Chinese
    numerals, 十八分, only in a sentence that speaks of scores: :func:`.figures.scored_sentence`)."""
    return bool(_ANY_FIGURE_PIECE.search(sentence)) or scored_sentence(sentence)


def _sentence_figures(sentence: str) -> list[dict]:
    """The figures of a sentence, each with its qualifiers (none when :func:`_may_hold_figure` says so)."""
    if not _may_hold_figure(sentence):
        return []
    return _figures_found(sentence)


#: An ASCII 0 written among Chinese digits (四八三億一六0五萬): the Chinese zero, for finding figures only.
_ZERO_AMONG_CHINESE = re.compile("0(?:(?<=[一二三四五六七八九〇○零]0)(?=[一二三四五六七八九〇○零0])|(?<=[一二三四五六七八九〇○零]00))")


def _figures_found(sentence: str) -> list[dict]:
    # the surface stays as written: the zero is read as 〇 on a copy of the same length
    found = _candidates(_ZERO_AMONG_CHINESE.sub("〇", sentence) if "0" in sentence else sentence)
    for row in found:
        _extend_qualifiers(sentence, row)
    return found


#: A sentence opening with "now" (目前，全省已有…) tells the present, not an item of the target list above it.
_NOW_OPENING = re.compile(r"\s*(?:目前|当前|现在|如今|截至目前|截止目前|迄今|至今)")
#: A sentence opening with its own time (目前, 近年来 …) does not take the year of its paragraph.
_OWN_TIME = re.compile(r"(?:目前|当前|现在|如今|近年来|近些年|长期以来|截至目前|迄今|未来)")


#: Sentences longer than this are read in pieces of at most this many characters, each cut after
#: the last ； in its second half, else the last space (the cells of a table run together), else the
#: last ，：、, else where no number is split. A sentence of a
#: policy text is rarely over 500 characters; a longer one is a table or a list run together
#: without a 。, and reading it whole would cost time and memory that grow with its square (each
#: figure's row repeats its sentence). A piece is read as a sentence of the same paragraph.
MAX_SENTENCE_CHARS = 1000
#: Where a piece may end, most preferred first.
_PIECE_ENDS = ("；;", " \u3000\t", "，,：:、")


def _pieces(sents: list[tuple], limit: int = MAX_SENTENCE_CHARS):
    """(para_id, start, text) for each sentence (para_id, start, end, text), with every one longer
    than *limit* cut into pieces."""
    for para_id, start, _, text in sents:
        if len(text) <= limit:
            yield para_id, start, text
            continue
        pos = 0
        while len(text) - pos > limit:
            cut = next((cut for marks in _PIECE_ENDS
                        if (cut := max(text.rfind(mark, pos + limit // 2, pos + limit) for mark in marks) + 1)), 0)
            if cut <= 0:
                cut = pos + limit
                while cut > pos + limit // 2 and text[cut - 1].isdigit() and text[cut].isdigit():
                    cut -= 1
            yield para_id, start + pos, text[pos:cut]
            pos = cut
        yield para_id, start + pos, text[pos:]


#: how much of a document's start tells what it presents (a budget bill): its title and first lines
_OPENING = 300


def _paragraph_topic(earlier: list[str], topic: dict | None, date) -> dict | None:
    """The year topic a sentence inherits from its paragraph: that of the last of the *earlier*
    sentences (those without figures since the last sentence read) to open with a year, else
    *topic*, the paragraph topic as it stood before them. Read backwards and only when a sentence
    with figures needs it, so most sentences of a long text are never looked at for years."""
    for text in reversed(earlier):
        found = _topic_token(text, _year_tokens(text, date))
        if found is not None:
            return found
    return topic


def _doc_rows(doc_id: str, label: str, date: str, text: str, sents: list[tuple], doc_outline: list[tuple],
              markers: dict | None = None, title: str = "") -> list[dict]:
    """The statistics of one document, sentence by sentence (para_id, start, end, text), with the
    paragraph, heading and scope context (see :mod:`.scopes`). *markers*, when given, receives for
    each table marker line ``[表N]`` its place and the year and scope in force there (see :mod:`.cells`)."""
    headings = _heading_years(doc_outline, date)
    heading_texts = sorted((start, heading, level) for kind, heading, _, level, start in doc_outline
                           if kind in ("heading", "front"))
    heading_starts = {start for start, _, _ in heading_texts}
    heading_starts_sorted = [start for start, _, _ in heading_texts]
    heading_paths: dict[int, str] = {}  # the headings above each heading's section (see _heading_path)
    sections = _section_levels(text, heading_texts)
    sent_starts = [start for _, start, _, _ in sents]
    doc_year, doc_month = document_year_month(date)
    doc = {"doc": label, "doc_id": doc_id, "year": doc_year, "month": doc_month,
           "bill": budget_bill(title + "\n" + text[:_OPENING])}
    if doc["bill"] and doc_year is None:  # an undated bill's own year: 主计总处113年度预算案… (see _bill_year)
        doc["bill_year"] = _bill_year(title + "\n" + text[:_OPENING])
    period = reporting_period(text, date)
    plan_end = _plan_end_year(title, text, doc_year)
    rows, para, para_topic, earlier = [], None, None, []

    def place(lead: dict | None, start: int) -> dict | None:
        """A paragraph's lead with where it stands: whether its paragraph ends with a colon (到2025年，…。
        具体目标：) and the level of the section it opens under."""
        if lead is not None:
            lead["colon"] = lead["colon"] or _ends_with_colon(sents, bisect_left(sent_starts, start))
            lead["level"] = _section_level_at(heading_texts, bisect_right(heading_starts_sorted, start))
        return lead

    first, has_figures, first_has_figures, scope, para_scope = None, False, False, None, None
    second = False
    for para_id, sent_start, sentence in _pieces(sents):
        if para_id != para:
            carried = para_scope if para_scope is not None and not para_scope.get("paragraph_only") else None
            if carried is not None and carried.get("goal_list"):  # 2023年，…主要预期目标是：… the year lead stays after the list
                carried["outer"] = _after_paragraph(scope, first, has_figures and (first_has_figures or para_topic), date)
            scope = carried or _after_paragraph(scope, first, has_figures and (first_has_figures or para_topic), date)
            if markers is not None and sentence.startswith("[表"):
                _mark_table(markers, sentence, sent_start, headings, scope)
            is_heading = sent_start in heading_starts
            an_item = is_item(sentence)
            if scope is not None and scope["items"] and _list_ends(scope, is_heading, an_item, sections.get(sent_start)):
                scope = scope.get("outer")
            para, para_topic, earlier, first, has_figures = para_id, None, [], (sent_start, sentence), False
            second = True  # the next sentence is the paragraph's second
            first_has_figures = False
            para_scope = None if is_heading else place(target_lead_scope(sentence, sent_start, date)
                                                        or goal_list_scope(sentence, sent_start, date)
                                                        or named_goal_scope(sentence, sent_start, text, date)
                                                        or _plan_says_scope(sentence, sent_start, plan_end), sent_start)
            if (an_item and para_scope is None and not is_heading
                    and not (scope is not None and scope["items"] and scope["kind"])):
                item = item_year_scope(sentence, sent_start, date, scope.get("outer", scope) if scope else None)
                scope = item or scope  # ●2023年…: the items after it are of that year
        elif second:
            second = False
            if _SALUTATION_ONLY.match(first[1]):
                first = (sent_start, sentence)  # 各位代表！刚刚过去的2025年，…: the lead follows the salutation
            if para_scope is None and not first_has_figures and _ANNOUNCES.search(first[1]):
                # 某省印发《…方案》。其中提出，到2027年，…：the lead after a sentence announcing the document
                para_scope = place(target_lead_scope(sentence, sent_start, date), sent_start)
        found = (_figures_found(sentence) if _ANY_FIGURE_PIECE.search(sentence)
                 or (("分" in sentence or "点" in sentence) and scored_sentence(sentence)) else ())  # (_may_hold_figure)
        if not found:
            earlier.append(sentence)
            continue
        if para_scope is None and sent_start != first[0] and sentence.find("到", 0, 24) >= 0:
            lead = target_lead_scope(sentence, sent_start, date)  # …取得新跃升。到2025年，力争达到12%。A达到7.2%:
            if lead is not None:  # the rest of the paragraph after a lead (with figures) in its middle is of its goals
                para_scope = {**lead, "paragraph_only": True, "mid": True}
        first_has_figures = first_has_figures or (sent_start, sentence) == first
        has_figures = True
        inherited, earlier = _paragraph_topic(earlier, para_topic, date), []
        tokens = _year_tokens(sentence, date)
        topic = _topic_token(sentence, tokens)
        para_topic = topic if topic is not None else inherited
        # a month the document's date cannot place (11月份 in an undated text) takes the paragraph's year
        own_time = any(not t["weak"] and (t["year"] or t["source"] != "document_date") for t in tokens) or _OWN_TIME.match(sentence)
        heading_token = _heading_year_at(headings, sent_start)
        governing = para_scope or scope
        if governing is para_scope and para_scope is not None and ("goal_list" in para_scope or "mid" in para_scope):
            if para_scope.get("goal_list") and para_scope["start"] == sent_start:
                governing = scope  # …主要预期目标是：…: the lead's own figures are read by their own words, as before
            elif para_scope.get("mid") and own_time and para_scope["start"] != sent_start:
                governing = scope  # 到2025年，力争…。2023年已达到25%: a sentence with its own time is not of the goals
        if governing is not None and governing["kind"] and _NOW_OPENING.match(sentence):
            governing = None  # 到2025年，…。目前，全省已有…: the present, not an item of the target list
        if (governing is not None and governing["kind"] == "target" and inherited is not None
                and inherited["source"] == "document_date"):
            inherited = None  # 某社5月20日电，…发布…意见，到2025年，…。建成…: the list's year, not the dateline's
        context = {"topic": topic, "paragraph": None if own_time else inherited, "doc_year": doc["year"], "period": period,
                   "frame": frame(heading_token, heading_token["line_start"] if heading_token else -1,
                                  None if own_time and governing is scope else governing),
                   "earlier": lambda word, row, pos=sent_start: _earlier_mention(text, pos + row["start"], word),
                   "scope": governing if governing is not None and governing["kind"] else None}
        above = bisect_right(heading_starts_sorted, sent_start)
        if above not in heading_paths:
            heading_paths[above] = _heading_path(heading_texts, above)
        heading = " ".join([heading_paths[above], (heading_token or {}).get("text", "")])
        rows += _sentence_rows(sentence, sent_start, found, tokens, context, heading, doc)
    return _local_currency(_document_years(_title_years(rows, doc_outline), title, text, date), title + "\n" + text)


#: A text of Hong Kong's or Macau's government (or about it): its name twice, and a word only such texts use.
_LOCAL_MARKS = {"港元": ("香港|本港", "香港特区|香港特别行政区|特区政府|港元|港币|财政司|政府统计处|立法会|施政报告|财政预算案|本港"),
                "澳门元": ("澳门|本澳", "澳门特区|澳门特别行政区|特区政府|澳门元|澳门币|统计暨普查局|施政报告|行政长官|本澳")}
_LOCAL_RE = {unit: (re.compile(name), re.compile(words)) for unit, (name, words) in _LOCAL_MARKS.items()}
#: a currency named right before an amount's 元 keeps it (人民币100亿元, 约新台币1.17兆元)
_OTHER_CURRENCY = re.compile(r"(?:人民币|新台币|台币|美元|港币|澳门币)[^，。；、]{0,3}$")
_NAMED_CURRENCY = re.compile(r"人民币|新台币|台币")


def _local_currency(rows: list[dict], text: str) -> list[dict]:
    """In a text of Hong Kong or Macau (not both), an amount written in bare 元 is in that place's dollars:
    港元 or 澳门元 (the unit a reader gives it: 本港…1,000亿元); an amount that names another currency keeps it."""
    if not any(row["unit"] == "元" for row in rows):
        return rows
    local = [unit for unit, (name, words) in _LOCAL_RE.items()
             if len(name.findall(text)) >= 2 and words.search(text)]
    if len(local) != 1:
        return rows
    for row in rows:
        if row["unit"] != "元" or _NAMED_CURRENCY.search(row["surface"]):
            continue
        at = row["sentence"].find(row["surface"])
        if not _OTHER_CURRENCY.search(row["sentence"], 0, max(at, 0)):
            row["unit"] = local[0]
    return rows


#: A sentence announcing a document (``某省人民政府办公厅发布《…工作方案》``, ``日前，…印发《…》``); when it holds
#: no figure, the lead of a target list may open the paragraph's second sentence.
_ANNOUNCES = re.compile(r"(?:发布|印发|出台|公布|颁布|发出)(?:了)?《(?P<t>[^》]{2,80})》")


def _ends_with_colon(sents: list[tuple], index: int) -> bool:
    """Whether the paragraph of ``sents[index]`` (para_id, start, end, text) ends with a colon."""
    para_id = sents[index][0]
    while index + 1 < len(sents) and sents[index + 1][0] == para_id:
        index += 1
    return sents[index][3].rstrip().endswith(("：", ":"))


def _section_levels(text: str, heading_texts: list[tuple[int, str, int]]) -> dict[int, int]:
    """The level of each heading that names a section (one without a figure), by the start of its line
    (a numbered heading's text starts after its marker: 三、重点任务)."""
    return {text.rfind("\n", 0, start) + 1: (level, heading) for start, heading, level in heading_texts
            if not _FIGURE_IN_HEADING.search(heading)}


def _section_level_at(heading_texts: list[tuple[int, str, int]], above: int) -> int | None:
    """The level of the nearest heading naming a section among the first *above* headings, else None."""
    return next((level for _, heading, level in reversed(heading_texts[:above])
                 if not _FIGURE_IN_HEADING.search(heading)), None)


def _list_ends(scope: dict, is_heading: bool, an_item: bool, section: tuple[int, str] | None) -> bool:
    """Whether a target list's or a year's items end at a paragraph: at a heading or a paragraph that is not
    an item; for a lead that ends with a colon (具体目标如下：), whose goals may run on in paragraphs of
    their own, only at a section heading as high as the lead's own section that is not itself about goals
    (（二）具体目标 goes on, 三、重点任务 ends it). *section*: the (level, text) of the heading the
    paragraph opens with, if any."""
    if scope.get("colon"):
        return (section is not None and (scope.get("level") is None or section[0] <= scope["level"])
                and not _GOAL_HEADING.search(section[1]))
    return is_heading and section is not None or not an_item  # (a heading holding a figure is an item)


#: A heading about goals: the goals of a colon lead run on under it.
_GOAL_HEADING = re.compile(r"目标|指标")


#: A figure in a heading (达到800家, not 2025年): the heading is an item of a list, not a section's name.
_FIGURE_IN_HEADING = re.compile(r"(?<![\dXx.])\d(?![\dXx.]*\s*[年月日号季])")


def _heading_path(heading_texts: list[tuple[int, str, int]], above: int) -> str:
    """The section headings a sentence stands under, for its kind: the nearest heading above it (the
    first *above* of *heading_texts*, (start, text, level)) and its parents, a level up each, nearest
    first. A heading that holds a figure (（1）规模以上工业企业达到800家) is an item of a list: it names
    no section, so the sentences under it take their parents' (（三）发展目标: targets)."""
    path, ceiling = [], None
    for _, text, level in reversed(heading_texts[:above]):
        if ceiling is not None and level >= ceiling:
            continue
        ceiling = level
        if not _FIGURE_IN_HEADING.search(text):
            path.append(text)
        if level <= 1 or len(path) == 3:
            break
    return " ".join(path)


def _title_years(rows: list[dict], doc_outline: list[tuple]) -> list[dict]:
    """A figure of the document's title (or a line under it) without a year takes the year of the same
    figure (value and unit) in the text below, where the headline repeats it (``…收入比首次缩小至3倍以下`` over
    ``2014年…首次降至“3”倍以下``); ``year_source`` ``repeated``."""
    head = [start + len(heading) for kind, heading, _, _, start in doc_outline if kind in ("title", "front")]
    title_end = max(head, default=-1)  # the title and the lines under it (a subtitle, a second headline)
    for row in rows:
        if row["start"] >= title_end:
            break
        if row["year"]:
            continue
        same = next((r for r in rows if r["start"] >= title_end and r["year"] and r["unit"] == row["unit"]
                     and abs(r["value"] - row["value"]) <= 1e-9 * max(abs(r["value"]), 1)), None)
        if same is not None:
            row.update(year=same["year"], year_source="repeated", year_line=_short_line(same["sentence"]))
            if row["kind"] == "achieved" and not row["kind_cue"] and same["kind"] == "target":
                row.update(kind="target", kind_cue="repeated")  # …3年翻番 over 到2024年底…实现翻番
    return rows


#: A year the title names as a goal (浙江：到2025年数字经济…), a full date (——2016年1月6日在…会议上) or a period.
_TITLE_GOAL_YEAR = re.compile(r"(?:到|至|力争|目标)\s*$")


def _title_year(title: str, date) -> tuple[str, bool]:
    """The one year the document's *title* names and whether it dates targets only (a goal year, a
    period): ("", False) when it names none, more than one, or a full date (a speech's date line)."""
    if not title or _FULL_DATE.search(title):
        return "", False
    tokens = [t for t in _year_tokens(title, date) if not t["weak"] and t["year"]]
    if len({t["year"] for t in tokens}) != 1:
        return "", False
    year = tokens[0]["year"]
    return year, "-" in year or bool(_TITLE_GOAL_YEAR.search(title, 0, tokens[0]["start"]))


#: A paragraph that opens by reporting what the plan says (《方案》指出，…; 《规划》提出：…).
_PLAN_SAYS = re.compile(r"\s*《[^《》]{1,24}》(?:中)?(?:指出|提出|明确|要求|强调|提到|显示)(?:了)?[，,：:]")
#: What a plan is called at the end of its title (…行动方案(2023—2027年) names a plan).
_PLAN_NAME = re.compile(r"(?:方案|规划|计划|纲要|意见|措施|行动)[（(]?[^《》（）()]{0,16}[)）]?$")


def _plan_end_year(title: str, text: str, doc_year: int | None) -> str:
    """The last year of the plan a text presents, from its title or the plan it announces at its start
    (《…行动方案（2023—2027年）》 → 2027), when that title names a period or a goal year not before the
    document's; else ""."""
    for name in (title, *(m["t"] for m in _ANNOUNCES.finditer(text[:_ANNOUNCED_LIMIT]))):  # …印发《…(2023—2027年)》的通知
        if not name or not _PLAN_NAME.search(name.strip()):
            continue
        year, targets_only = _title_year(name, doc_year and str(doc_year) or "")
        if year and targets_only:
            end = year[-4:]
            if doc_year is None or int(end) >= doc_year:
                return end
    return ""


def _plan_says_scope(sentence: str, start: int, plan_end: str) -> dict | None:
    """The scope of a paragraph that reports what the text's plan says (《方案》指出，…建成…达到…): its
    figures are the plan's targets, of the plan's last year."""
    says = _PLAN_SAYS.match(sentence) if plan_end else None
    if says is None:
        return None
    cue = says.group(0).strip(" ，,：:")
    return {"year": plan_end, "source": "scope", "weak": False, "cue": cue, "start": start,
            "text": _short_line(sentence), "kind": "target", "items": False, "colon": False, "paragraph_only": True}


#: A notice's opening that announces the document it carries: 《…》已经…通过，现予以公布 / 现将《…》印发给你们.
_ANNOUNCED = re.compile(r"《(?P<t>[^《》]{4,80})》(?:[^。《]{0,40}?(?:通过|同意|批准)[^。《]{0,12}?)?[，,]?\s*(?:现(?:予以|予|将其)?|特此)?(?:印发|公布|发布|颁布)"
                        r"|(?:现将|特将|兹将)《(?P<u>[^《》]{4,80})》(?:印发|发布|公布)")
#: How far into a text that opening is looked for.
_ANNOUNCED_LIMIT = 300


def _announced_title(text: str) -> str:
    """The title of the document a notice announces at its start, or ""."""
    m = _ANNOUNCED.search(text[:_ANNOUNCED_LIMIT])
    return (m["t"] or m["u"]) if m else ""


def _document_years(rows: list[dict], title: str, text: str, date) -> list[dict]:
    """A figure nothing in its sentence, paragraph or sections dates takes the one year the document's
    title names (``year_source`` ``title``), or, when the title names none, the 《document》 a notice
    announces at its start (《关于…的若干意见（2023年修订）》已经…通过，现予以公布); a goal year or a period
    there (到2025年, 2023—2025年) dates only targets, a period's by its end, a fiscal year (2023/24年度) every
    figure. Else (``only_year``; a guess a reader makes too: a text that names only 2023 is about 2023) a
    result or a change takes the one year the document's other results were dated by in their own sentences
    or paragraphs, and a target the one year of its other targets (or the one fiscal year of its results: a
    budget's estimates); a policy's amount takes none, nor a figure whose own time word (目前 in an
    undated text) cannot be placed."""
    if not rows or all(row["year"] for row in rows):
        return rows
    year, targets_only = _title_year(title, date)
    if not year:
        title = _announced_title(text)
        year, targets_only = _title_year(title, date)
    if year:
        fiscal = _fiscal(year)
        reviewed = str(int(year) - 1) if re.fullmatch(r"\d{4}", year) and _WORK_REPORT_TITLE.search(title) else ""
        for row in rows:
            if not row["year"] and (fiscal or not targets_only or row["kind"] == "target"):
                # 2026年青海省政府工作报告: the report of 2026 tells the results of 2025 and the goals of 2026
                own = reviewed if reviewed and row["kind"] in _RESULTS else year if fiscal or "-" not in year else year[5:]
                row.update(year=own, year_source="title", year_line=_short_line(title))
        return rows
    results, goals = _only_year_of_rows(rows, _RESULTS), _only_year_of_rows(rows, ("target",))
    goals = goals or (results if _fiscal(results) else "")
    for row in rows:
        if row["year"] or _told_as_now(row["year_source"]) or _now_before(row):
            continue  # 目前 in an undated text: its own time, not known
        year = results if _dated_as_result(row) else goals if row["kind"] == "target" else ""
        if year:
            row.update(year=year, year_source="only_year", year_line="")
    return rows


#: A title naming a year's government work report (2026年青海省政府工作报告): delivered early in that year.
_WORK_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年[^，。；（(]{0,16}政府工作报告")


#: The kinds the one year of a document's results dates (not a goal, not a policy's amount).
_RESULTS = ("achieved", "comparison")


def _dated_as_result(row: dict) -> bool:
    """Whether the one year of a document's results dates *row*: a result or a change, or a line of the
    budget bill the document presents (its year is the bill's, as its results' is)."""
    return row["kind"] in _RESULTS or row.get("kind_cue") == BILL_CUE


def _told_as_now(year_source: str) -> bool:
    """Whether a figure's time is "now" (目前, 当前: rule ``now`` of ``stat_years.tsv``)."""
    return year_source.startswith("relative:") and relative_year_words().get(year_source[9:]) == "now"


def _now_before(row: dict) -> bool:
    """Whether a word of "now" (目前, 当前, 如今: rule ``now``) stands before the figure in its sentence."""
    at = row["sentence"].find(row["surface"])
    return at > 0 and _now_words().search(row["sentence"], 0, at) is not None


@lru_cache(maxsize=1)
def _now_words() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w, rule in relative_year_words().items() if rule == "now"))


def _fiscal(year: str) -> bool:
    """Whether *year* is a fiscal year, two consecutive years (2023-2024)."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", year)
    return m is not None and int(m[2]) == int(m[1]) + 1


def _only_year_of_rows(rows: list[dict], kinds: tuple[str, ...]) -> str:
    """The one year (or fiscal year) that dates a document's figures of *kinds* in their own sentences or
    paragraphs, or by the document's date where their sentence says the text speaks of its own day (今日发表的
    数字: ``document_date``), or ""."""
    as_results = kinds == _RESULTS
    years = {row["year"] for row in rows if row["year"] and (_dated_as_result(row) if as_results else row["kind"] in kinds)
             and row["year_source"] in ("clause", "sentence", "paragraph", "document_date", "earlier")}
    if len(years) != 1:
        return ""
    year = next(iter(years))
    return year if re.fullmatch(r"\d{4}", year) or _fiscal(year) else ""


def _mark_table(markers: dict, sentence: str, start: int, headings: list, scope: dict | None) -> None:
    """Note where a table's marker line stands, with the year (heading or scope) and the scope in force."""
    m = MARKER_LINE.match(sentence.strip())
    if m is None:
        return
    heading_token = _heading_year_at(headings, start)
    markers[int(m[1])] = {"start": start, "end": start + len(sentence.rstrip()),
                          "frame": frame(heading_token, heading_token["line_start"] if heading_token else -1, scope),
                          "scope": scope}


#: A first sentence that is only a speech's salutation (各位代表！): the paragraph's lead is the next one.
_SALUTATION_ONLY = re.compile(r"\s*(?:各位[^，。；：:！!]{0,14}|同志们|女士们、先生们|朋友们)\s*[：:，,！!]\s*$")


def _after_paragraph(scope: dict | None, first: tuple | None, figures, date) -> dict | None:
    """The scope after a paragraph (not a target list's lead) whose first sentence is *first*
    (start, text): the year a year lead sets (see :func:`.scopes.year_lead_scope`), else *scope*
    unchanged. *figures* is falsy for a paragraph without figures; for one whose figures come after a
    first sentence without any that opens ``2023年，…``, the year in effect at its last figure
    (``2023年，全省经济持续恢复。初步统计，全省地区生产总值增长4.5%``); ``True`` when its first
    sentence holds figures (``2014年我国城镇居民人均可支配收入28844元``: no scope)."""
    if first is None or figures is True:
        return scope
    new = year_lead_scope(first[1], first[0], date, has_figures=bool(figures))
    if new is not None and figures and figures.get("frame") and figures["year"]:
        new = {**new, "year": figures["year"], "source": figures["source"]}  # the latest frame of the paragraph
    return new if new is not None else scope


def _earlier_mention(text: str, pos: int, word: str) -> tuple[str, str, str]:
    """For a period word (上半年) the document's date cannot resolve: the year of the last
    ``YYYY年上半年`` before *pos* in the document *text*, as (year, ``earlier``, the mention)."""
    last = None
    for m in re.finditer(rf"((?:19|20)\d{{2}})\s*年(?:的)?{re.escape(word)}", text[:pos]):
        if text[m.start() - 1:m.start()] in ("比", "较", "与", "同"):
            continue  # 比2019年一季度增长8.8%: the base compared with, not the period told of
        last = m
    if last is None:  # 介绍2022年二季度…运行情况 … 上半年: the period the text reports on names its year
        ends, mentions = _period_mentions(text)
        at = bisect_right(ends, pos)
        if at:
            return mentions[at - 1]
    return (last[1], "earlier", last.group(0)) if last else ("", "", "")


@lru_cache(maxsize=8)
def _period_mentions(text: str) -> tuple[list[int], list[tuple[str, str, str]]]:
    """Every year named with a part of it in *text* (:data:`_YEAR_OF_A_PERIOD`), found once per document:
    where each ends, and each as (year, ``earlier``, the mention)."""
    found = list(_YEAR_OF_A_PERIOD.finditer(text))
    return [m.end() for m in found], [(m[1], "earlier", m.group(0)) for m in found]


#: A year named with a part of it (2022年二季度, 2022年1—6月, 2022年上半年): the year of the period a text reports on
#: (not a base it is compared with: 比2021年四季度环比增长).
_YEAR_OF_A_PERIOD = re.compile(r"(?<![比较与同])((?:19|20)\d{2})\s*年(?:的)?(?:[一二三四1-4]季度|第[一二三四1-4]季度|上半年|下半年|前三季度|"
                               r"1\s*[-—–~至到]\s*\d{1,2}\s*月)")


def _sentence_rows(sentence: str, offset: int, found: list[dict], tokens: list[dict], context: dict,
                   heading: str, doc: dict) -> list[dict]:
    """One table row per figure of a sentence (indicator, year and its source, kind and its cue, source …)."""
    rows, previous, previous_end = [], "", 0
    attribution = _attribution(sentence)
    compares = "年" in sentence and ("较" in sentence or "比" in sentence or "与" in sentence)  # (_BASE_VALUE needs them)
    compares_last = compares and ("上年" in sentence or "去年" in sentence or "上一年" in sentence)
    for row in found:
        clause_start = _clause_start(sentence, row["start"])
        indicator = (_respectively(sentence, row, found)
                     or _indicator(sentence, row, previous, previous_end if previous_end > clause_start else 0))
        previous, previous_end = indicator, row["end"]
        change = _change_end(sentence, row)
        base = _BASE_VALUE.search(sentence, clause_start, row.get("number_start", row["start"])) if compares else None
        plan_end = _BASE_PLAN_END.search(sentence, clause_start, row.get("number_start", row["start"])) \
            if base is None and "五" in sentence and ("较" in sentence or "比" in sentence) else None
        if base is not None:  # 较114年度法定预算数277.27亿元，增加…: the value of the year compared with
            year, year_source, year_line = _common_era(base["y"]), "compared", ""
        elif plan_end is not None and _plan_period(plan_end["n"]):  # 较“十三五”末的9323.1亿元: the plan's last year
            year, year_source, year_line = _plan_period(plan_end["n"])[5:], "compared", ""
        else:
            year, year_source, year_line = _figure_year(sentence, row, tokens, context, change)
            if compares_last and row["unit"] != "个百分点" and re.fullmatch(r"\d{4}", year) and _LAST_YEAR_VALUE.search(
                    sentence, clause_start, row.get("number_start", row["start"])):
                year, year_source, year_line = str(int(year) - 1), "compared", ""  # 较上年同期110374万元下降9.5%
        kind, kind_cue = figure_kind(sentence, row, heading, doc["year"], year, context["scope"], change,
                                      doc.get("month"), _clause_period_over(sentence, row, tokens, doc))
        if kind == "target" and kind_cue in ESTIMATES and _in_review(context, tokens, row, sentence):
            kind, kind_cue = "achieved", kind_cue + IN_REVIEW  # 过去一年，…预计全年实现…: an estimated result
        if change == "end" and kind in ("achieved", "comparison") and _NOW_AS_START.search(
                sentence, _clause_start(sentence, row["start"]), row["start"]):
            kind, kind_cue = "target", "由目前…到（终点）"  # a change that starts now ends in the future
        if kind in ("achieved", "comparison", "target") and rows and rows[-1]["kind"] == "plan" and _CHANGE_OF_PREVIOUS.match(
                sentence, rows[-1]["end"] - offset, row.get("number_start", row["start"])):
            kind, kind_cue = "plan", rows[-1]["kind_cue"]  # 预算收入安排280亿元，增长5%: the growth of a planned line
        if (kind == "achieved" and not kind_cue or kind_cue == LATER_THAN_DOCUMENT) and doc["bill"] \
                and year_source != "compared" and bill_line(sentence) \
                and not ((ref := _reference_year(doc)) and re.match(r"\d{4}", year) and int(year[-4:]) < ref):
            kind, kind_cue = "plan", BILL_CUE  # 总预算案…歲出707億元: a line of the budget the document presents
        if re.fullmatch(r"\d{4}", year) and _TWO_YEAR_AVERAGE.search(sentence, clause_start, row.get("number_start", row["start"])):
            year = f"{int(year) - 1}-{year}"  # 两年平均增长7.0%: an average over the year and the one before
        if kind == "target" or kind == "achieved" and _LEVEL_AT_END.search(sentence, 0, row.get("number_start", row["start"])):
            year = _target_year(sentence, row, year, year_line)  # 过去五年，…达到2100亿元: the level at the span's end
        rows.append({
            "doc": doc["doc"], "doc_id": doc["doc_id"], "surface": sentence[row["start"]:row["end"]],
            "value": _clean_value(row["value"]),
            "value_high": _clean_value(row["value_high"]) if "value_high" in row else np.nan,
            "unit": row["unit"], "year": year, "year_source": year_source, "year_line": year_line,
            "kind": kind, "kind_cue": kind_cue,
            "qualifier": row["qualifier"], "indicator": indicator, "source": _source(sentence, row["end"], attribution),
            "sentence": sentence, "start": offset + row["start"], "end": offset + row["end"],
        })
    return rows


#: the year of the bill an undated text presents: 113年度预算案, 2024年度总预算案
_BILL_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2}|1[0-4]\d)\s*年度?(?:中央政府)?总?预算案")


def _bill_year(opening: str) -> int | None:
    m = _BILL_YEAR.search(opening)
    return int(_common_era(m["y"])) if m else None


def _reference_year(doc: dict) -> int | None:
    """The year a budget bill's figures are told from: the document's, else the bill's own (undated)."""
    return doc["year"] or doc.get("bill_year")


def _clause_period_over(sentence: str, row: dict, tokens: list[dict], doc: dict) -> bool:
    """Whether the figure's own clause names a part of a year already over by the document's date
    (…预测至3.9%，第2季经济成长率为5.09% in August): a result, whatever goal words the sentence began with."""
    if not (doc.get("year") and doc.get("month")):
        return False
    clause = _clause_start(sentence, row["start"])
    for t in tokens:
        rule = str(t.get("rule", ""))
        if clause <= t["start"] and t["end"] <= row["start"] and rule.startswith("period:") and t["year"]:
            if int(t["year"]) < doc["year"] or int(t["year"]) == doc["year"] and doc["month"] >= int(rule[7:]):
                return True
    return False


#: a year named as just past before a figure: 刚刚过去的2022年，预计…增长3.5%左右 (an estimate of a result)
_PAST_NAMED_YEAR = re.compile(r"(?:刚刚|刚)过去的(?:(?:19|20)\d{2}\s*年|一年)")


def _in_review(context: dict, tokens: list[dict], row: dict, sentence: str) -> bool:
    """Whether the figure is told in a review (过去一年, 一年来 before it in its sentence, or opening its
    paragraph): an estimate there (预计全年实现…) is of a result, even when the text is undated."""
    before = [t for t in tokens if t["end"] <= row["start"]]
    return any(t is not None and str(t.get("rule", "")).startswith("review")
               for t in (*before, context.get("topic"), context.get("paragraph"))) \
        or bool(_PAST_NAMED_YEAR.search(sentence, 0, row["start"]))


#: a two-year average right before a figure: 两年平均增长7.0% (the growth of two years over the one before them)
_TWO_YEAR_AVERAGE = re.compile(r"两年平均(?:增长|增速|下降|为|达)?\s*$")


#: What may not stand between the year compared with and its value: a clause mark, a digit, or the first
#: character of a word of change (增长, 回落, 加快, 放缓, 上涨, 成长, 衰退 …): then the figure is the change.
_NOT_BEFORE_BASE_VALUE = r"，,。；：\d增减提降上下扩缩多少高低回快慢缓涨跌成衰"


#: The value of the year a figure is compared with, named right before it: 较114年度法定预算数277.27亿元（，增加…）,
#: 比2020年的300亿元 (no word of change between the year and the value: 比2020年增长5% is this year's growth).
_BASE_VALUE = re.compile(r"(?:较|比|与)\s*(?P<y>(?:19|20)\d{2}|1[0-4]\d)\s*年度?(?:的|[^%s]{0,10})$" % _NOT_BEFORE_BASE_VALUE)


#: The value at the end of a five-year plan a figure is compared with: 较“十三五”末的9323.1亿元（增加…）.
_BASE_PLAN_END = re.compile(r"(?:较|比|与)\s*“?(?P<n>十[一二三四五六七八九]|[六七八九十])五”?(?:时期|期)?末(?:的|[^%s]{0,6})$"
                            % _NOT_BEFORE_BASE_VALUE)


#: Last year's value a figure of the year is compared with, named right before it: 较上年同期110374万元（下降9.5%）,
#: 比去年的300亿元 (not 比上年增长5%, 比上年同期回落3.7个百分点: a word of change stands between; points are a change).
_LAST_YEAR_VALUE = re.compile(r"(?:较|比|与)\s*(?:上年|去年|上一年)(?:同期)?(?:的|[^%s]{0,6})$" % _NOT_BEFORE_BASE_VALUE)


#: The words between a planned figure and the next one when the next is its change: ，增长5%, 、比上年预算增加.
_CHANGE_OF_PREVIOUS = re.compile(r"[，,、]?\s*(?:(?:比|较)(?:上年|去年|(?:19|20)\d\d年)?[^，,。；\d]{0,6}|同比|年均)?"
                                 r"(?:增长|下降|增加|减少|提高|降低|增幅|减幅|降幅)(?:为|约|达)?\s*$")



#: A level reached (达到2100亿元, 提高到3%) at the end of a span of years, not a total or an average over it.
_LEVEL_AT_END = re.compile(r"(?:达到|突破|超过|提高到|提升到|增加到|增长到|上升到|达)\s*$")
#: 累计达到, 累计突破 just before a figure: a level reached by the end of the period, not a total over it.
_LEVEL_REACHED = re.compile(r"累计(?:达到|突破|超过|达)\s*$")
#: Words before a figure that make it an average or a total over its period (年均增长6%).
_OVER_A_PERIOD = re.compile(r"年均|平均|累计|每年|期间|共")


def _target_year(sentence: str, row: dict, year: str, year_line: str = "") -> str:
    """A target's year is its end year: a period (2021-2025, from “十四五” or a heading) becomes its
    last year, unless the figure is an average or a total over the period (年均增长6%), or the period
    is a fiscal year (2019/20年度, in the sentence or the heading or lead that gave the year)."""
    if not re.fullmatch(r"\d{4}-\d{4}", year) or int(year[5:]) == int(year[:4]) + 1 and "年度" in sentence + year_line:
        return year  # 2024-25年度: a fiscal year is one period, not a span that ends in its last year
    if "年度" in sentence + year_line and _FISCAL_YEAR.search(sentence + "\n" + year_line):
        return f"{int(year[5:]) - 1}-{year[5:]}"  # 2023-24至2027-28年度: the last fiscal year of the span
    clause = sentence[_clause_start(sentence, row["start"]):row["start"]]
    clause = clause[clause.rfind("、") + 1:]  # 年均增长1万元、从目前的14.4万元增加到20万元: 20万元 is a level
    if _LEVEL_REACHED.search(sentence, 0, row.get("number_start", row["start"])):
        return year[5:]  # 累计达到5万个: the stock at the period's end
    return year if _OVER_A_PERIOD.search(clause) else year[5:]


def extract_statistics(docs, *, tables=None) -> pd.DataFrame:
    """Find the statistics cited in a text, a dict of texts, or a corpus.

    Returns one row per figure: ``doc`` (the document's label), ``doc_id``, ``surface`` (the
    exact span of the cleaned text, ``text[start:end]``), ``value`` in base units
    (``value_high`` for the top of a range), ``unit`` (``元``, ``%``, ``个百分点``, ``人年``,
    ``rank`` …), ``year`` (``2024`` or a period ``2026-2030``; empty when it cannot be known),
    ``year_source`` (``clause``, ``sentence``, ``paragraph``, ``heading``, ``scope``,
    ``document_date``, ``relative:今年``, ``earlier``, ``title``: see ``years.YEAR_SOURCES``) and ``year_line``
    (the heading or lead line that set a heading's or a scope's year), ``kind`` (achieved, target,
    plan, comparison) and ``kind_cue`` (the cue word of ``data/stat_kinds.tsv`` that decided it),
    ``qualifier`` (超过, 近, 约, 左右, 多, 达到, 不超过, ``<``, ``range`` …), ``indicator`` (what was
    measured), ``source`` (the attribution or the citation marks), and the ``sentence`` with its
    ``start``/``end`` offsets.

    Figures in the tables of a corpus (:func:`zhpolicy.tables`: .docx, PDF, web pages, Markdown)
    are read too, with the row and column headers as indicator, year and kind (:mod:`.cells`):
    ``table``, ``row`` and ``column`` say which cell (empty for figures of the prose), ``surface``
    is the cell's text, ``sentence`` reads ``caption｜row label｜column header：cell`` and
    ``start``/``end`` are those of the table's ``[表N]`` line. *tables*: the cells to read (a table
    as :func:`zhpolicy.tables` gives it), ``False`` for the prose alone; by default a corpus's own.

    Relative words (今年, 去年, 过去一年, 全年, 同比) are resolved against the ``date`` column of
    a corpus (from ``catalog.csv`` or the text's header); a text without a date keeps them empty.
    A lead paragraph (``2023年，…``, ``力争到2027年，…：``) sets the year of what follows it
    (:mod:`.scopes`). Taught in lesson 05 (``05_statistics.ipynb``).
    """
    labels, titles = {}, {}
    if isinstance(docs, pd.DataFrame) and "label" in docs.columns:
        labels = dict(zip(docs["doc_id"].astype(str), docs["label"]))
    if isinstance(docs, pd.DataFrame) and "title_source" in docs.columns:  # a title the text or catalog gave
        titles = {str(d): str(t) for d, t, s in zip(docs["doc_id"], docs["title"], docs["title_source"])
                  if s != "file_name" and isinstance(t, str)}
    dates = _document_dates(docs)
    cells = table_cells(docs, tables)
    rows = []
    for doc_id, text in iter_docs(docs):
        sents, doc_outline = _document_structure(doc_id, text)
        markers = {} if doc_id in cells else None
        date = _spoken_date(text, dates.get(doc_id, "")) or own_year_of_text(
            text, (heading for kind, heading, *_ in doc_outline if kind == "heading"))  # 今年（2024年）, 二、2024年工作安排
        found = _doc_rows(doc_id, labels.get(doc_id, doc_id), date, text, sents, doc_outline, markers, titles.get(doc_id, ""))
        if markers is not None:
            doc = {"doc": labels.get(doc_id, doc_id), "doc_id": doc_id, "date": date}
            found = sorted(found + document_table_rows(cells[doc_id], doc, text, markers), key=lambda r: r["start"])
        rows += found
    if not rows:
        return pd.DataFrame(rows, columns=STAT_COLUMNS).astype({column: "Int64" for column in CELL_COLUMNS})
    columns = {column: [row[column] for row in rows] for column in STAT_COLUMNS if column not in CELL_COLUMNS}
    for column in CELL_COLUMNS:  # Int64: empty for the figures of the prose
        columns[column] = pd.array([row.get(column) for row in rows] if cells else [None] * len(rows), dtype="Int64")
    return pd.DataFrame(columns, columns=STAT_COLUMNS)


def _document_structure(doc_id: str, text: str) -> tuple[list[tuple], list[tuple]]:
    """One document's sentences (para_id, start, end, text) and outline rows (kind, heading, marker,
    level, start; in text order), as :func:`zhpolicy.sentences` and :func:`zhpolicy.outline` give
    them, taken from the structure cache of :mod:`zhpolicy.reading.structure` document by document:
    building those two tables for a whole corpus took a fifth of the extractor's time."""
    _, outline_rows, sentence_rows = _structure(doc_id, text)
    sents = [(r["para_id"], r["start"], r["end"], r["text"]) for r in sentence_rows]
    outline = sorted(((r["kind"], r["heading"], r["marker"], r["level"], r["start"]) for r in outline_rows),
                     key=lambda r: r[4])
    return sents, outline
