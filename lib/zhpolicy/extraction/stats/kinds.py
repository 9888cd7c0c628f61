"""The kind of a figure (comparison, plan, target, achieved) from the cue words of
``data/stat_kinds.tsv``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...numbers import read_rule_table
from .figures import _clause_start


@lru_cache(maxsize=1)
def kind_cues() -> tuple[tuple[str, str, str], ...]:
    """The cues of ``zhpolicy/data/stat_kinds.tsv``: (kind, scope, cue), in file order."""
    return tuple((r["kind"], r["scope"], r["cue"]) for r in read_rule_table("stat_kinds.tsv"))


#: Scopes of cues read in tables only (column headers, attribute cells: see :mod:`.cells`).
TABLE_SCOPES = ("column", "attribute")
#: Scopes of words that make a parameter cue part of a budget line's name (中央补助款, 上级补助收入), and of the
#: words of a budget bill (:func:`budget_bill`): no cues of a sentence.
LINE_SCOPES = ("line_before", "line_after", "bill", "bill_not", "bill_line")
BILL_CUE = "预算案（全文）"


@lru_cache(maxsize=None)
def _scope_words(scope: str) -> tuple[str, ...]:
    """The words of the rows of stat_kinds.tsv with *scope* (``line_before``, ``bill`` …), in file order."""
    return tuple(cue for _, row_scope, cue in kind_cues() if row_scope == scope)


@lru_cache(maxsize=1)
def _bill_words() -> dict[str, re.Pattern]:
    return {scope: re.compile("|".join(map(re.escape, _scope_words(scope)))) for scope in ("bill", "bill_not", "bill_line")}


def budget_bill(opening: str) -> bool:
    """Whether a document whose title and first lines are *opening* presents a budget bill (总预算案,
    财政预算案): rows ``bill`` of stat_kinds.tsv, and none of ``bill_not`` (决算, 执行情况: a report of
    what was spent)."""
    words = _bill_words()
    return bool(words["bill"].search(opening)) and not words["bill_not"].search(opening)


def bill_line(sentence: str) -> bool:
    """Whether *sentence* speaks of a budget's lines (岁出, 拨款, 编列 …: rows ``bill_line``)."""
    return bool(_bill_words()["bill_line"].search(sentence))


@lru_cache(maxsize=None)
def _cue_tests(kind: str) -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """The cues of :func:`kind_cues` for one kind, by scope (not those of tables): (scope, a pattern
    finding any of them, the cues). The pattern is a quick first test; the cues are then checked one by one."""
    by_scope: dict[str, list[str]] = {}
    for cue_kind, scope, cue in kind_cues():
        if cue_kind == kind and scope not in TABLE_SCOPES + LINE_SCOPES:
            by_scope.setdefault(scope, []).append(cue)
    return tuple((scope, re.compile("|".join(map(re.escape, cues))), tuple(cues)) for scope, cues in by_scope.items())


def _budget_line_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words right before / right after a parameter cue (补助, 补贴 …) that make it part of a
    budget line's name (中央补助款, 上级专项补助, 补助收入, 补贴支出): ``line_before`` / ``line_after`` rows."""
    return _scope_words("line_before"), _scope_words("line_after")


@lru_cache(maxsize=512)
def _cue_occurrences(sentence: str) -> dict[tuple[str, str], tuple[tuple[str, tuple[tuple[int, int], ...]], ...]]:
    """Every cue of :func:`kind_cues` that occurs in *sentence*, by (kind, scope), in file order,
    each with the (start, end) of all its occurrences: found once per sentence, then each figure
    only compares positions (:func:`_cue_in_window`)."""
    found: dict[tuple[str, str], list] = {}
    for key, (pattern, cues) in _cue_table().items():
        if not pattern.search(sentence):
            continue
        for cue in cues:
            spans, pos = [], sentence.find(cue)
            while pos >= 0:
                spans.append((pos, pos + len(cue)))
                pos = sentence.find(cue, pos + 1)
            if key == ("plan", "parameter"):  # 上级补助收入, 中央补助款: a budget line's name, not a parameter
                before, after = _budget_line_words()
                spans = [(s, e) for s, e in spans
                         if not sentence.startswith(after, e) and not sentence.endswith(before, 0, s)
                         and not _quoted(sentence, s, e)]
            if spans:
                found.setdefault(key, []).append((cue, tuple(spans)))
    return {key: tuple(value) for key, value in found.items()}


def _quoted(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` stands inside quotation marks (由于“生活补贴计划”措施完结而下跌6.4%: the name
    of a programme, not a parameter of the figure's own policy)."""
    for left, right in (("“", "”"), ("「", "」")):
        if left in sentence and sentence.rfind(left, 0, start) > sentence.rfind(right, 0, start) \
                and right in sentence[end:] and left not in sentence[end:sentence.find(right, end)]:
            return True
    return False


def _cue_in_window(cues: tuple, start: int, end: int, limit: int | None) -> str:
    """The first of *cues* (cue, occurrences) with an occurrence inside ``sentence[start:end]`` that
    ends at most *limit* characters before *end* (when given): what ``_cue_before`` finds in that text."""
    for cue, spans in cues:
        inside = [e for s, e in spans if s >= start and e <= end]
        if inside and (limit is None or end - max(inside) <= limit):
            return cue
    return ""


@lru_cache(maxsize=4096)
def _whole_text_cue(kind: str, scope: str, text: str) -> str:
    """:func:`_cue_found` for a scope whose text is a whole sentence or heading, remembered."""
    return _cue_found(text, *_cue_table()[kind, scope], None)


@lru_cache(maxsize=1)
def _cue_table() -> dict[tuple[str, str], tuple[re.Pattern, tuple[str, ...]]]:
    """:func:`_cue_tests` of every kind as one lookup: (kind, scope) → (pattern, cues)."""
    return {(kind, scope): (pattern, cues) for kind in ("plan", "target", "comparison", "achieved")
            for scope, pattern, cues in _cue_tests(kind)}


# ---------------------------------------------------------------- kind of figure


#: ``到2027年``, ``至2025年``: a year the figure is to be reached by (not 截至2023年底: as of).
#: Not the end of a span of dates (2022年12月至2023年2月, 1月至2023年3月: a period, not a goal), nor a base a
#: level is measured against (回复至2019年同期的77.4%).
_FUTURE_YEAR = re.compile(r"(?<!提高|提升|增长|下降|上升|扩大|减少|降低|下跌|回落|回升|上涨)(?<![增降升跌截月日])(?<!截止)(?<!月份)(?:到|至|于)\s*((?:19|20)\d{2})\s*年(?!同期|同季|的?水平的)")


def _cue_before(text: str, cue: str, limit: int | None = None) -> bool:
    pos = text.rfind(cue)
    return pos >= 0 and (limit is None or len(text) - pos - len(cue) <= limit)


def _any_cue_before(text: str, any_cue: re.Pattern, cues: tuple[str, ...], limit: int | None) -> bool:
    """Whether one of *cues* occurs in *text* (ending at most *limit* characters before its end,
    when given); *any_cue*, one pattern for all of them, is the quick first test."""
    window = text if limit is None else text[-(limit + max(map(len, cues))):]
    return bool(any_cue.search(window)) and any(_cue_before(text, cue, limit) for cue in cues)


def _future_year_named(sentence: str, row: dict, doc_year: int | None) -> str:
    """``到2027年`` before the figure (a year not before the document's), or anywhere in the
    sentence when the year is after the document's year: the words found, else ``""``."""
    for start, year, words in _future_years(sentence):
        if start < row["start"] and (doc_year is None or year >= doc_year):
            return words
        if doc_year is not None and year > doc_year:
            return words
    return ""


@lru_cache(maxsize=512)
def _future_years(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The ``到2027年`` of a sentence: (start, year, words), found once per sentence."""
    if "年" not in sentence:
        return ()
    return tuple((m.start(), int(m[1]), m.group(0)) for m in _FUTURE_YEAR.finditer(sentence))


def _cue_found(text: str, any_cue: re.Pattern, cues: tuple[str, ...], limit: int | None) -> str:
    """The first of *cues* (in file order) that :func:`_any_cue_before` would find, else ``""``."""
    if not _any_cue_before(text, any_cue, cues, limit):
        return ""
    return next(cue for cue in cues if _cue_before(text, cue, limit))


#: Words that estimate: in a text of November or December about its own year (预计全年增长5.5%), the
#: estimate of a result nearly over, not a goal.
ESTIMATES = ("预计", "预估")
#: Added to the kind_cue of an estimate told in a review (过去一年，…预计全年实现…).
IN_REVIEW = "（回顾）"
#: Added to the kind_cue of such an estimate.
YEAR_END_ESTIMATE = "（年末估计）"
#: The first month whose documents estimate their own year's results.
_YEAR_END_MONTH = 11


def _aimed(targeted: str, doc_year: int | None, doc_month: int | None, year: str) -> tuple[str, str]:
    """(kind, kind_cue) of a figure a target cue reaches: a target, unless the cue estimates (预计) and the
    figure is of the document's own year, written in its last two months (an estimated result)."""
    if targeted in ESTIMATES and doc_year and doc_month and doc_month >= _YEAR_END_MONTH and year == str(doc_year):
        return "achieved", targeted + YEAR_END_ESTIMATE
    return "target", targeted


#: The kind_cue of a figure whose year ends after the document's year (not yet realised when written).
LATER_THAN_DOCUMENT = "年份晚于文件日期"
#: A round figure (左右) of the document's own year in a text of its first months: a goal (kind_cue).
EARLY_ROUND = "左右（年初）"
_YEAR_START_MONTHS = 3
#: Units of a rate: a growth rate in these follows what it measures and is never a comparison.
RATE_UNITS = ("%", "‰", "倍", "成")
#: Qualifiers that are verbs of change (the figure's surface took them in: 增长1200亿元).
_CHANGE_QUALIFIERS = ("增长", "下降", "同比增长", "同比下降")
#: A verb of change followed by one of these is part of a noun (增加值, 增长率, 下降幅度).
_VERB_AS_NOUN = re.compile("值|率|额|量|速|幅|点")
#: A heading that holds a figure of its own is a headline (对实现全年增长5%左右的预期目标很有信心): its cue
#: words are about its own figure, not about the paragraphs below it.
_HEADLINE_FIGURE = re.compile(r"\d\s*(?:%|％|个百分点|[万亿]元)")
#: A verb of change followed by 到/至 names the level reached, not the difference (提高到3%).
_TO_LEVEL = re.compile(r"(?:到|至)\s*$")


#: A figure that is a distance from a goal: 高于年初预期目标0.3个百分点, 超出目标20亿元.
_ABOVE_GOAL = re.compile(r"(?:高于|低于|超出|超过|快于|慢于|好于)[^，。；\d]{0,10}目标[^，。；\d]{0,2}$")
#: What a place has now (全市现有整车企业8家) is no goal, whatever section it stands in.
_NOW_HELD = re.compile(r"现有|已有|目前|当前|已经|已")
#: Goal words that make a round figure (4000户左右) earlier in their sentence a target too.
_GOAL_VERBS = ("力争", "争取")
#: Clause cues that bound a figure (不低于40%): a policy's parameter when a share cue names a rule's ratio.
_BOUNDS = ("不低于", "不超过", "以内", "控制在", "不少于")
#: Deadlines (2024年底前建成, 年内完成): targets, unless a realised cue says the work is done.
_DEADLINES = ("年底前", "年末前", "底前", "年内")
_DONE = ("已", "累计", "共计")
#: Words after a goal that say it was met: 目标任务顺利完成, 全面完成…目标任务, 目标如期实现.
_MET = "(?:完成|实现|达成|超额完成|如期实现)"


def _goal_met(before: str, goal: str) -> bool:
    """Whether *before* (the sentence up to a figure) says the *goal* it names was met, before or after it."""
    return bool(re.search(_MET + r"[^，。；]{0,8}" + re.escape(goal), before)
                or re.search(re.escape(goal) + r"[^，。；]{0,6}" + _MET, before))


#: Words that make meeting a goal a commitment (确保完成全年目标), not a result.
_COMMITTED = re.compile(r"确保|力争|争取|预计|努力|[将要](?:全面|确保)?(?:完成|实现)")


#: Units that count the parts of a plan (20项主要指标, 109项重大工程); not 个 (26个指标中有20个实现增长: a result).
_CONTENT_UNITS = ("项", "条")


def _plan_content(sentence: str, row: dict, past: bool, found: dict) -> str:
    """A count of a plan's own parts (设定20项主要指标, 部署109项重大工程): the cue of scope ``content``
    right after the figure, for a count not dated before the document's year."""
    if past or row["unit"] not in _CONTENT_UNITS:
        return ""
    end = row.get("end", row["start"])
    return next((c for c, spans in found.get(("plan", "content"), ()) if any(s == end for s, _ in spans)), "")


def figure_kind(sentence: str, row: dict, heading: str = "", doc_year: int | None = None, year: str = "",
                scope: dict | None = None, change: str = "", doc_month: int | None = None,
                clause_over: bool = False) -> tuple[str, str]:
    """(kind, kind_cue) of a figure: ``plan``, ``target``, ``comparison`` or ``achieved``, and the cue
    of ``zhpolicy/data/stat_kinds.tsv`` that decided (see its header for the order). *scope* is the
    scope governing the sentence (a target list's lead, see :mod:`.scopes`), *change* ``start``
    for the X of 由X…到Y. A figure without any cue is ``achieved`` (cue ``""``), except a threshold
    or a definition range (``<2000美元``), which gets ``""``. *doc_month* is the month of the document's
    date: 预计 in November or December about the document's own year estimates a result. *clause_over*: the
    figure's clause names a part of a year already over (第2季 in August): cues before that clause do not reach it."""
    start = row.get("number_start", row["start"])  # cues may stand in the figure's own words (达到3%)
    clause_start = _clause_start(sentence, start)
    clause = sentence[clause_start:start]
    past = bool(doc_year and re.match(r"\d{4}", year) and int(year[-4:]) < doc_year) or bool(
        heading and ("achieved", "heading") in _cue_table() and _whole_text_cue("achieved", "heading", heading))
    #: scope -> (window start, window end, how close to the end a cue must end)
    windows = {"near": (clause_start, start, 8), "clause": (clause_start, start, None), "sentence": (0, start, None),
               "clause_open": (start, start, None) if past else (clause_start, start, None),
               "sentence_open": (start, start, None) if past else (clause_start if clause_over else 0, start, None),
               "parameter": (0, len(sentence), None),
               # 争取到位资金6.2亿元，其中专项债券资金1.8亿元: a part (其中) shares the realised cue of its whole
               "realised": (0 if clause.lstrip().startswith("其中") else clause_start, start, None),
               "verb": (clause_start, start, 2), "contribution": (clause_start, start, None),
               "budgeted": (clause_start, start, 0),
               "measure": (start, start, None) if past else (0, start, None), "share": (clause_start, start, 5)}
    found_in_sentence = _cue_occurrences(sentence)

    def cue(kind: str, *scopes: str) -> str:
        for scope_name in scopes:
            if scope_name == "heading":
                found = _whole_text_cue(kind, scope_name, heading) if (kind, scope_name) in _cue_table() else ""
            else:
                cues = found_in_sentence.get((kind, scope_name))
                found = _cue_in_window(cues, *windows[scope_name]) if cues else ""
            if found:
                return found
        return ""

    budgeted = cue("plan", "budgeted") if row["unit"] not in RATE_UNITS else ""
    if budgeted:
        return "plan", budgeted  # 完成预算92390万元的108.1%: the amount budgeted, though 完成 stands before it
    realised = cue("achieved", "realised")
    planned = (cue("plan", "clause", "parameter", "verb", "measure") or _plan_content(sentence, row, past, found_in_sentence)
               or cue("plan", "heading"))
    if realised and planned and realised in planned:
        realised = ""  # 计划完成投资1.2万亿元: a plan, though it holds 完成
    planned = "" if realised else planned
    if planned:
        return "plan", planned
    if change == "start":
        return "achieved", "由/从（起点）"
    if scope is not None and scope.get("kind") == "target" and not (past and doc_year and re.match(r"\d{4}", year)):
        return "target", scope["cue"] or "scope"  # (not 2020年已达到25% under 到2025年，力争…: a result before the text)
    end = row.get("end", start)
    named_after = next((c for c, spans in found_in_sentence.get(("target", "after"), ())
                        if any(0 <= s - end <= 2 for s, _ in spans)), "")
    if named_after:
        return "target", named_after  # 完成全年5%左右的预期目标: the figure is the target it names
    # a goal or work-plan section (发展目标, 2025年重点工作) speaks of the years ahead, not of one already over
    if _ABOVE_GOAL.search(clause):
        return "comparison", "高于/低于…目标"  # 高于年初预期目标0.3个百分点: the distance from a goal
    in_heading = "" if _HEADLINE_FIGURE.search(heading) or past or _NOW_HELD.search(clause) else cue("target", "heading")
    if in_heading and _goal_met(heading, in_heading):
        in_heading = ""  # 半年数据显示……为完成全年目标奠定良好基础: a goal the results serve, not a goal section
    targeted = "heading:" + in_heading if in_heading else cue("target", "clause", "clause_open")
    if "目标" in targeted and _goal_met(clause, targeted) and not _COMMITTED.search(clause):
        targeted = ""  # 完成年度目标任务的105%: how much of a goal was met
    if targeted and realised and (targeted in realised or targeted in _DEADLINES and realised in _DONE):
        targeted = ""  # 全年争取到位上级补助资金9.66亿元: obtained, not aimed at; 年内已完成: done
    if not in_heading and targeted in _BOUNDS and not _future_year_named(sentence, row, doc_year):
        share = cue("plan", "share")
        if share:
            return "plan", share  # 预留给中小企业的比例不低于40%: a rule's parameter, not a goal
    if targeted:
        return _aimed(targeted, doc_year, doc_month, year)
    future = _future_year_named(sentence, row, doc_year)
    if future:
        return "target", future
    if row["unit"] not in RATE_UNITS:
        compared = cue("comparison", "near")
        share = "" if compared else cue("achieved", "contribution")
        if share:
            return "achieved", share  # 对经济增长贡献0.64个百分点: a share of growth, not a difference
        verb = cue("comparison", "verb") or (row["qualifier"] if row["qualifier"] in _CHANGE_QUALIFIERS else "")
        if verb and (_TO_LEVEL.search(clause) or _VERB_AS_NOUN.match(clause, clause.rfind(verb) + len(verb))):
            verb = ""  # 提高到3% names a level; 增加值, 增长率 are nouns
        if compared or verb or row["unit"] == "个百分点":
            return "comparison", compared or verb or "个百分点"
    targeted = cue("target", "sentence", "sentence_open")
    if targeted and (_goal_met(sentence[:start], targeted) and not _COMMITTED.search(sentence, 0, start)
                     or targeted in _DEADLINES and realised in _DONE):
        targeted = ""  # 全面完成全年主要目标任务，其中生产总值增长6%: a result
    if targeted:
        return _aimed(targeted, doc_year, doc_month, year)
    if doc_year and re.fullmatch(r"\d{4}(?:-\d{4})?", year) and int(year[-4:]) > doc_year:
        return "target", LATER_THAN_DOCUMENT  # a year not yet over when the text was written
    achieved = realised or cue("achieved", "clause")
    if achieved:
        return "achieved", achieved
    if row["qualifier"] == "左右" and not past:
        end = row.get("end", start)  # 形成…企业4000户左右，力争…达到2.5万户左右: a round figure in a sentence of goals
        later = next((c for c, spans in found_in_sentence.get(("target", "sentence_open"), ())
                      if c in _GOAL_VERBS and any(s >= end for s, _ in spans)), "")
        if later:
            return "target", later + "（句中随后）"
        if doc_month is not None and doc_month <= _YEAR_START_MONTHS and year == str(doc_year):
            return "target", EARLY_ROUND  # 今年…粮食产量稳定在485亿斤左右 in a report of January: the year has only begun
    return ("", "") if row["qualifier"] in ("<", ">", "≤", "≥") else ("achieved", "")

