"""The year of a figure and where it came from (``year_source``): its clause, its sentence, its
paragraph, the heading or the scope above it (a lead paragraph such as ``2023年，…`` or
``力争到2027年，…：``), or a relative word (``data/stat_years.tsv``) resolved against the document's
date. :data:`YEAR_SOURCES` lists the values of ``year_source``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ...numbers import read_rule_table
from ...reading.dates import ROC_ERA, ROC_OFFSET
from .figures import _CN_YEAR, _TITLE, _clause_start, _free, cn_to_int
from .indicators import SOURCE_PATTERNS

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?(?:\s*\d{1,2}\s*月(?:份)?)?\s*[-—–至到]\s*((?:19|20)\d{2})\s*年|(?<!\d)((?:19|20)\d{2})\s*年")
#: A year of the Republic of China calendar (Taiwan; ROC year + 1911 = the common era): always after 民国 /
#: 中华民国; a bare three-digit year (100–149) only where a period or a Taiwan release's wording follows it
#: (112年第1季, 112年上半年, 107年全年, 111年12月, 112年及113年, 113年经济成长率, 111年每户, 自113年起), never a duration
#: (建党100年, 100年来, 近110年的历史); and right after a county or city or an opening quote, naming a programme
#: (屏东县114年家用厨余机补助, 「114年度计划」).
_ROC_AFTER = (r"(?=\s*(?:第\s*[一二三四1-4]|[上下]半年|全年|度|底|初|\d{1,2}\s*(?:[至到\-—~～]\s*\d{1,2}\s*)?月|[及和与至到、-]\s*1[0-4]\d\s*年"
              r"|经济|GDP|国内生产毛额|平均|预测|预估|每户|每人|起|总预算|总决算|岁出|岁入))")
#: The ROC year written digit by digit in Chinese numerals (一一五年度总预算, 一一四年第一季), 100–149, with the
#: same words after it as a bare year.
_CN_ROC = r"(?P<cn>一[〇零○一二三四][〇零○一二三四五六七八九])"
_ROC_YEAR = re.compile(ROC_ERA + r"(?P<y>\d{2,3})\s*年|(?<=[县市乡镇「“])(?<![建设撤][县市乡镇])(?P<y3>1[0-4]\d)\s*年(?![前来代间])"
                       r"|(?<![\d.近约逾多第])(?P<bare>1[0-4]\d)\s*年" + _ROC_AFTER +
                       r"|(?<![〇零○一二三四五六七八九十百千万亿第])" + _CN_ROC + r"\s*年" + _ROC_AFTER)
#: A row of a table written as plain text that opens with its year, two or three digits being a Taiwan (ROC)
#: year: ``97年 1,030万6,880元 - 1,030万6,880元``, ``113年度  2.4%  3.1%``.
_ROW_YEAR = re.compile(r"\s*(?P<y>[4-9]\d|1[0-4]\d)\s*年度?[ \t\u3000]+(?=[-—\d])")
#: ``今（113）年``, ``去(2023)年``, ``明（114）年``: a relative word with its year in brackets, as Taiwan's press and
#: some mainland reports write it; a year of two or three digits is an ROC year.
_BRACKETED_YEAR = re.compile(r"[今去明前本上]\s*[（(]\s*(?P<y>(?:19|20)\d{2}|1[0-4]\d|[1-9]\d)\s*[)）]\s*年"
                             # 去年（112年）, 今年(2024年): the year in brackets after the word
                             r"|[今去明前本上]年度?\s*[（(]\s*(?:民[国國]\s*)?(?P<y2>(?:19|20)\d{2}|1[0-4]\d)\s*年?\s*[)）]")
#: ``2024-25年度``, ``2023/24财政年度``, ``2024至25年度``: a fiscal year (Hong Kong's April to March), both years.
_FISCAL_YEAR = re.compile(r"(?<![\d〇零○一二三四五六七八九])(?P<a>(?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*[-—–/／至]\s*"
                          r"(?P<b>\d{2}|[〇零○一二三四五六七八九]{2})\s*(?:财政)?年度")
#: ``二零二二年十二月至二零二三年二月``: a span of months written in Chinese digits, across two years or in one
_CN_MONTH_SPAN = re.compile(r"(?P<a>[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年[一二三四五六七八九十]{1,3}月"
                            r"\s*至\s*(?P<b>[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年")


#: ``2019/20至2023/24年度``, ``2022-23至2031-32年度``: a span of fiscal years
_FISCAL_SPAN = re.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*[-—–/／]\s*\d{2}\s*(?:年度)?\s*至\s*"
                          r"(?P<b>(?:19|20)\d{2})\s*[-—–/／]\s*(?P<b2>\d{2})\s*(?:财政)?年度")
#: after a fiscal year, the years counted from it: 2026/27年度起的五年
_YEARS_ON = re.compile(r"\s*(?:起|开始)的?(?P<n>\d{1,2}|[二三四五六七八九十])个?(?:财政)?年")


def _bracketed_year(m: re.Match) -> str:
    """The common-era year of a :data:`_BRACKETED_YEAR` match (113 is an ROC year: 2024)."""
    return _common_era(m["y"] or m["y2"])


def _common_era(year: str) -> str:
    """A year as written, four digits or a Taiwan (ROC) year of two or three (113 → 2024), in the common era."""
    number = int(year)
    return str(number if number > 1900 else number + ROC_OFFSET)


#: What every match of ``_ROC_YEAR`` holds (a quick test first).
_ROC_HINT = re.compile(r"民[国國]|1\d\d\s*年|一[〇零○一二三四][〇零○一二三四五六七八九]\s*年")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_PLAN_PERIOD = re.compile(r"“?(十[一二三四五六七八九]|[六七八九十])五”?(?=时期|期间|规划|以来|末|”)")
#: After a plan's name, words naming its first or last year or a part of it (“十四五”开局首季, 开局之年, 收官之年).
_PLAN_OPENING = re.compile(r"”?(?:规划)?(?P<which>开局|起步|开篇|收官)(?:之年|首季|之季|首月|第一季度?|首年|之际)")
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月")
#: A sentence opening with its year and a comma (2023年，… / 2024年是…) frames what follows it.
FRAMING_COMMA = re.compile(r"\s*(?:[，,]|是)")
#: ``截至6月底``, ``到9月末``: a month without a day (the year comes from the document's date).
_MONTH_END = re.compile(r"(?:截至|截止到?|到|至)\s*(?P<month>\d{1,2})\s*月(?:份)?(?:底|末)?|(?<![\d年])(?P<month2>\d{1,2})\s*月(?:底|末)")
#: ``5月份``, ``1-10月份``, ``1至8月``, ``前10个月``: a month or the months of a year up to one, written without the
#: year (a monthly release: the year comes from the document's date; 同比 there is not last year's).
_MONTH_PERIOD = re.compile(r"(?<![\d年月.])(?:1\s*[-—–~～至到]\s*(?P<upto>\d{1,2})\s*月(?:份)?(?!\s*\d{1,2}\s*日)"
                           r"|(?P<month>\d{1,2})\s*月份|前\s*(?P<first>\d{1,2}|[一二三四五六七八九十]{1,2})\s*个?月(?![日号份])"
                           # 公布11月外销订单: a month alone before what was measured in it (not 3月5日, 6月底)
                           r"|(?:(?<=[公布发表及和、，,])|^)(?P<bare>\d{1,2})\s*月(?=[\u4e00-\u9fff])(?![日号份底末初中起以]))")

#: A news dateline opening a sentence: 新华社北京6月1日电, 中评社北京9月5日电／, 本报讯, 经济通通讯社19日专讯.
_DATELINE = re.compile(r"^\s*(?:【[^】]{0,20}】)?[^，。；\n]{0,16}?(?:\d{1,2}\s*月)?\d{1,2}\s*日\s*(?:电|讯|专讯)\s*[／/]?\s*"
                       r"|^\s*本报讯\s*[（(][^）)]{0,20}[）)]?\s*"
                       # a speech's salutation: 各位代表：过去一年，… (the year after it opens the sentence)
                       r"|^\s*(?:各位[^，。；：:]{0,14}|同志们|女士们、先生们|朋友们)\s*[：:，,！!]\s*")

#: ``由目前的``, ``从当前的``: the start of a change written as "now".
_NOW_AS_START = re.compile(r"(?:由|从)(?P<now>目前|当前|现在)的?")
#: ``至今``, ``迄今``: a span that ends now (not 截至今年, 至今年).
_SPAN_TO_NOW = re.compile(r"(?:至今|迄今)(?![年日天])(?:为止)?")

#: A year that qualifies a superlative (“十四五”期间投资最大的项目, 2010年以来最高) is no time of the sentence.
_SUPERLATIVE = re.compile(r"(?:期间|时期|以来)?[^，,。；\d]{0,4}最")
#: A goal's words just before 全年 (力争全年, 确保全年, 预计全年): the year is the document's own.
_GOAL_BEFORE = re.compile(r"(?:力争|确保|争取|预计|预期|目标是?)[^，。；]{0,4}$")

#: The values of ``year_source`` (``relative:`` is followed by the word, 今年, 全年 …), each told to a student.
YEAR_SOURCES = {
    "clause": "数字所在的分句写明了年份",
    "sentence": "句子开头（或同一句前面的分句）写明了年份",
    "paragraph": "同一段前面的句子写明了年份，这一句沿用它",
    "heading": "句子本身没写年份，取自上方写明年份的章节标题（或文件标题）",
    "scope": "句子本身没写年份，取自上方一段开头写明的年份（如“2023年，…”“力争到2027年，…”），它管到下一个这样的段落或标题",
    "document_date": "句中只写了月日、“截至6月底”、“由目前的”或“日前、今天”，按文件日期推算",
    "relative": "句中说“今年、去年、上半年、目前”等，按文件日期推算（“上一年、当年”按句中前面写明的年份推算；"
                "文件没有日期而写了“今年是“十四五”开局之年”的，按这句话推算）",
    "earlier": "句中只说“上半年”等而文件没有日期，取自前文写明年份的同一时期（或前文说明本文报告的时期，如“介绍2022年二季度……运行情况”）",
    "repeated": "标题里的数字没写年份，取正文里同一个数字的年份（标题重复了正文）",
    "title": "句子、段落和章节都没写年份，取自文件标题（或通知开头公布的《文件》名）里唯一的年份；"
             "标题写的是“到2027年”或一个时期时，只用于目标",
    "compared": "数字紧跟在“较/比+年份”之后，是被比较的那一年的数值（“较114年度法定预算数277.27亿元，增加……”里的 277.27 亿元是 114 年度的；“较上年同期110374万元下降9.5%”里的 110374 万元是本句年份的上一年）",
    "only_year": "句子、段落、章节和标题都没写年份：实际数取全文其他实际数字唯一的年份（包括句中说“今日发表”而按文件日期定下的年份，和按本文报告的时期如“介绍2022年二季度……”定下的年份），"
                 "目标取其他目标唯一的年份（推测；政策条款里的金额和“目前”不取；预算案的各项收支按实际数取）",
    "cell": "表格单元格里自己写明了年份（如“2.4（2019年）”）",
    "column_header": "表格的列标题写明了年份（如“2025年”“2020”）；“年均”“累计”列取表中年份之间的时期",
    "row_header": "表格的行标题写明了年份（年份按行排列的表）",
    "caption": "表格的标题或表格上方的短行写明了年份（如“2014年1-3季度主要农产品……”）",
}


@lru_cache(maxsize=1)
def relative_year_words() -> dict[str, str]:
    """The words of ``zhpolicy/data/stat_years.tsv`` (今年, 去年, 全年 …) and their rule, longest first."""
    rows = read_rule_table("stat_years.tsv")
    return dict(sorted(((r["word"], r["rule"]) for r in rows), key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _relative_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in relative_year_words()))



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
    if rule in ("date", "now"):
        return str(year)
    if rule.startswith("anchor:"):
        return str(year + int(rule.split(":")[1]))  # no year named before it: count from the document's
    if rule.startswith(("review", "reporting", "period:")):
        ends = int(rule.split(":")[1]) if rule.startswith("period:") else 12
        if month is None:
            return ""
        last = year if month >= ends else year - 1
        span = int(rule.split(":")[1]) if rule.startswith("review:") else 1
        if span > 1 and 3 < month < 12:
            return ""  # 五年来 in a mid-year text: which five years is not clear
        return str(last) if span == 1 else f"{last - span + 1}-{last}"
    if rule.startswith("next:"):
        return f"{year + 1}-{year + int(rule.split(':')[1])}"
    if rule.startswith("fiscal:"):
        if month is None:
            return ""
        first = year if month >= int(rule.split(":")[1]) else year - 1
        return f"{first}-{first + 1}"
    return str(year + int(rule))


_MONTH_DAY = re.compile(r"(?<![\d年])(?P<month>\d{1,2})\s*月\s*\d{1,2}\s*日")


def _month_day_year(month: int, date) -> str:
    """The year of ``3月30日`` written without a year: the document's year, or the year before
    when the month is later than the document's month; ``""`` without a dated document."""
    year, doc_month = document_year_month(date)
    if year is None:
        return ""
    return str(year - 1 if doc_month is not None and month > doc_month else year)


#: An undated text that says which year of a five-year plan "this year" is: 今年是“十四五”规划开局之年 (its first
#: year), 今年是“十四五”收官之年 (its last), 奋力实现“十五五”良好开局 (a report of the plan's first year; not
#: 为“十五五”良好开局打下基础, written the year before).
_PLAN_YEAR_OF_TEXT = re.compile(
    r"(?:今年|本年)是[^。；]{0,24}?“?(?P<a>十[一二三四五六七八九]|[六七八九十])五”?[^。；，]{0,8}?(?P<which>开局|起步|开篇|收官)之年"
    r"|(?<![为為])(?:奋力|全力|努力|确保)?实现“?(?P<b>十[一二三四五六七八九]|[六七八九十])五”?(?:规划)?良好开局(?![打奠])")
#: How far into an undated text that sentence is looked for.
_PLAN_YEAR_LIMIT = 4000


#: Where 今年（2024年） or 今（113）年 may begin (a quick test before :data:`_BRACKETED_YEAR`).
_THIS_YEAR_BRACKETED = re.compile(r"[今本]年?度?\s*[（(]\s*\d")


def own_year_of_text(text: str, headings: Iterable[str] = ()) -> str:
    """The year an undated text is written in, when it says so near its start: 今年（2024年）, 今（113）年
    (:data:`_BRACKETED_YEAR`), or which year of a five-year plan this is (:data:`_PLAN_YEAR_OF_TEXT`);
    "" otherwise. Relative words (今年, 去年) resolve against it."""
    head = text[:_PLAN_YEAR_LIMIT]
    hint = _THIS_YEAR_BRACKETED.search(head)
    this = next((m for m in _BRACKETED_YEAR.finditer(head, hint.start()) if m.group(0)[0] in "今本"), None) if hint else None
    if this:
        return _bracketed_year(this)
    m = _PLAN_YEAR_OF_TEXT.search(head) if "五" in head and ("之年" in head or "开局" in head) else None
    if not m:
        return _work_report_year(text, headings) or _two_year_average_year(text)
    period = _plan_period(m["a"] or m["b"])
    return period[5:] if period and m["which"] == "收官" else period[:4]


#: The headings of a work report's two parts: the review of last year (一、2023年工作回顾, 回顾2023年工作成果) and
#: the plan for this one (三、2024年主要工作安排, 展望2024年工作目标), as the outline gives them (without 一、).
_WORK_PART = re.compile(r"(?:回顾|展望)?(?P<y>(?:19|20)\d{2})\s*年(?:政府)?(?:(?P<review>(?:工作)?(?:回顾|成果|工作成果))"
                        r"|(?:主要|重点)?工作(?:安排|任务|重点|目标))")
#: How many characters (an emoji, a colon) may follow such a heading.
_WORK_TAIL = 6


#: 比2019年一季度增长12.8%，两年平均增长6.2%: a release that compares with two years before (as 2021's did with 2019).
_TWO_YEAR_AVERAGE = re.compile(r"比((?:19|20)\d{2})\s*年[^。；\n]{0,40}?两年平均")


@lru_cache(maxsize=8)
def _two_year_average_year(text: str) -> str:
    """The year of an undated release that compares with the same period two years before and gives the two-year
    average (比2019年一季度增长12.8%，两年平均增长6.2% → 2021), or ""; "" when its mentions disagree. It is the
    year of the data, so the parts of a year the release names (一季度, 全年) are of it (see :func:`reporting_period`,
    which asks again for the same text: remembered)."""
    if "两年平均" not in text:
        return ""
    years = {str(int(m[1]) + 2) for m in _TWO_YEAR_AVERAGE.finditer(text)}
    return next(iter(years)) if len(years) == 1 else ""


def _work_report_year(text: str, headings: Iterable[str]) -> str:
    """The year a work report (政府工作报告) is given in, from its part headings when its date is not known: the year
    its plan part names, the year after the one its review part names; "" when they disagree, when the text
    has neither, or when it is a year-end summary (工作总结: its 今年 is the year it sums up)."""
    years = set()
    for heading in headings:
        m = _WORK_PART.match(heading) if "工作" in heading or "回顾" in heading or "成果" in heading else None
        if m and len(heading) - m.end() <= _WORK_TAIL and "，" not in heading:
            years.add(str(int(m["y"]) + 1) if m["review"] else m["y"])
    return next(iter(years)) if len(years) == 1 and "工作总结" not in text else ""


def _plan_period(numeral: str) -> str:
    """The years of a five-year plan from its number (十四五 → 2021-2025; from the sixth plan on)."""
    n = cn_to_int(numeral)
    if n < 6:
        return ""
    start = 1981 + 5 * (n - 6)
    return f"{start}-{start + 4}"


def _year_tokens(sentence: str, date) -> list[dict]:
    """Years, periods and relative words of a sentence, outside 《titles》, skipping the base of a
    comparison (比2012年, 与2020年相比). Each: start, end, year, source, weak, rule (of a relative word)."""
    if not _may_name_year(sentence):
        return []
    titles = [m.span() for m in _TITLE.finditer(sentence)]
    tokens = []
    has_year, has_month = "年" in sentence, "月" in sentence  # quick tests before the patterns that need them
    for m in (_YEAR.finditer(sentence) if has_year else ()):
        tokens.append({"start": m.start(), "end": m.end(), "year": f"{m[1]}-{m[2]}" if m[1] else m[3], "source": "",
                       "weak": False, "period": bool(m[1])})
    for m in (_ROC_YEAR.finditer(sentence) if has_year and _ROC_HINT.search(sentence) else ()):
        tokens.append({"start": m.start(), "end": m.end(), "year": _common_era(m["y"] or m["y3"] or m["bare"]
                                                                         or m["cn"].translate(_CN_YEAR_DIGITS)),
                       "source": "", "weak": False})
    m = _ROW_YEAR.match(sentence) if has_year else None
    if m and not m["y"].startswith(("19", "20")):  # 97年 1,030万元 - 1,030万元: a table row in plain text
        tokens.append({"start": m.start("y"), "end": m.end(), "year": _common_era(m["y"]), "source": "",
                       "weak": False})
    for m in (_BRACKETED_YEAR.finditer(sentence) if has_year and ("（" in sentence or "(" in sentence) else ()):
        tokens.append({"start": m.start(), "end": m.end(), "year": _bracketed_year(m), "source": "", "weak": False})
    spans = list(_FISCAL_SPAN.finditer(sentence)) if "年度" in sentence and "至" in sentence else []
    for m in spans:  # 2019/20至2023/24年度: from the first fiscal year's start to the last one's end
        first, last = int(m["a"]), int(m["b"]) // 100 * 100 + int(m["b2"])
        tokens.append({"start": m.start(), "end": m.end(), "year": f"{first}-{last}", "source": "", "weak": False,
                       "period": True})
    for m in (_FISCAL_YEAR.finditer(sentence) if "年度" in sentence else ()):
        if any(x.start() <= m.start() < x.end() for x in spans):
            continue
        first = int(m["a"].translate(_CN_YEAR_DIGITS))
        last = first // 100 * 100 + int(m["b"].translate(_CN_YEAR_DIGITS))
        if last == first + 1:
            years_on = _YEARS_ON.match(sentence, m.end())  # 2026/27年度起的五年: five fiscal years from it
            if years_on:
                last = first + cn_to_int(years_on["n"]) if not years_on["n"].isdigit() else first + int(years_on["n"])
            tokens.append({"start": m.start(), "end": years_on.end() if years_on else m.end(), "year": f"{first}-{last}",
                           "source": "", "weak": False, "period": True})
    cn_spans = list(_CN_MONTH_SPAN.finditer(sentence)) if has_year and "至" in sentence else []
    for m in cn_spans:  # 二零二二年十二月至二零二三年二月: three months across two years
        first, last = m["a"].translate(_CN_YEAR_DIGITS), m["b"].translate(_CN_YEAR_DIGITS)
        tokens.append({"start": m.start(), "end": m.end(), "year": first if first == last else f"{first}-{last}",
                       "source": "", "weak": False, "period": first != last})
    for m in (_CN_YEAR.finditer(sentence) if has_year else ()):
        if any(x.start() <= m.start() < x.end() for x in cn_spans):
            continue
        tokens.append({"start": m.start(), "end": m.end(), "year": m["y"].translate(_CN_YEAR_DIGITS), "source": "", "weak": False})
    for m in (_PLAN_PERIOD.finditer(sentence) if "五" in sentence else ()):
        if sentence[max(0, m.start() - 1):m.start()] != "第" and _plan_period(m[1]):
            years = _plan_period(m[1])
            end = re.match(r"”?期?末", sentence[m.end():])  # “十四五”末: the plan's last year
            first = None if end else _PLAN_OPENING.match(sentence, m.end())  # “十四五”开局首季: its first year
            tokens.append({"start": m.start(), "end": m.end() + (end.end() if end else first.end() - m.end() if first else 0),
                           "year": years[5:] if end or first and first["which"] == "收官" else years[:4] if first else years,
                           "source": "", "weak": False})
    for m in (_MONTH_DAY.finditer(sentence) if has_month else ()):
        tokens.append({"start": m.start(), "end": m.end(), "year": _month_day_year(int(m["month"]), date),
                       "source": "document_date", "weak": False})
    for m in (_NOW_AS_START.finditer(sentence) if "前" in sentence or "现在" in sentence else ()):
        # 由目前的3.5万元增长到5.3万元: the start is the document's year
        year = document_year_month(date)[0]
        tokens.append({"start": m.start("now"), "end": m.end(), "year": str(year) if year else "",
                       "source": "document_date", "weak": False, "now": True})
    for m in (_MONTH_END.finditer(sentence) if has_month else ()):
        if not any(t["start"] <= m.start("month") < t["end"] for t in tokens if m["month"]):
            month = int(m["month"] or m["month2"])
            tokens.append({"start": m.start(), "end": m.end(), "year": _month_day_year(month, date),
                           "source": "document_date", "weak": False})
    for m in (_MONTH_PERIOD.finditer(sentence) if has_month else ()):
        if not any(t["start"] <= m.start() < t["end"] or m.start() <= t["start"] < m.end() for t in tokens):
            month = m["upto"] or m["month"] or m["first"] or m["bare"]
            month = int(month) if month.isdigit() else cn_to_int(month)
            if 1 <= month <= 12:
                tokens.append({"start": m.start(), "end": m.end(), "year": _month_day_year(month, date),
                               "source": "document_date", "weak": False})
    explicit_ends = {t["end"] for t in tokens}
    explicit = sorted((t for t in tokens if re.fullmatch(r"\d{4}", t["year"]) and not t["source"]), key=lambda t: t["start"])
    for m in _relative_pattern().finditer(sentence):
        if any(m.start() - e in (0, 1) for e in explicit_ends):
            continue  # 2023年全年: the explicit year already says it
        if any(t["start"] <= m.start() < t["end"] for t in tokens):
            continue  # 由目前的: already read as the start of a change
        rule = relative_year_words()[m.group(0)]
        source = "document_date" if rule == "date" else f"relative:{m.group(0)}"
        year = resolve_relative_year(m.group(0), date)
        weak = rule == "reporting" or rule.startswith("period:")
        if rule.startswith("anchor:"):
            named = [t for t in explicit if t["end"] <= m.start()]
            year = str(int(named[-1]["year"]) + int(rule.split(":")[1])) if named else year
            weak = not named and rule == "anchor:0"  # 当年累计新增就业 under 2020年…: the year in question, the scope's
        if rule == "reporting" and m.group(0) == "全年" and _GOAL_BEFORE.search(sentence, 0, m.start()):
            own = document_year_month(date)[0]  # 力争全年增长6%: the year the goal is set for, not the last one over
            year = str(own) if own else year
        tokens.append({"start": m.start(), "end": m.end(), "year": year, "now": rule == "now",
                       "source": source, "weak": weak, "rule": rule})
    ends = {t["end"] for t in tokens}
    periods = [t for t in tokens if t.get("rule", "").startswith("period:") and t["year"]
               and not {t["start"], t["start"] - 1} & ends]  # not 今年一季度, 去年四季度: their year is written
    if len({t["year"] for t in periods}) > 1:
        # 第一季…第二季…第三季…第四季 in March: the quarters of one year, the last one not yet over this year
        earliest = min(t["year"] for t in periods)
        for t in periods:
            t["year"] = earliest
    for m in (_SPAN_TO_NOW.finditer(sentence) if "今" in sentence else ()):
        # 从2020年1月24日至今，累计…: the span ends now; the year that began it is not the figures' year
        clause = _clause_start(sentence, m.start())
        tokens = [t for t in tokens if not clause <= t["start"] < m.start()]
        year = document_year_month(date)[0]
        tokens.append({"start": m.start(), "end": m.end(), "year": str(year) if year else "", "now": True,
                       "span": True, "source": f"relative:{m.group(0)}", "weak": False, "rule": "now"})
    kept = [t for t in tokens if _free((t["start"], t["end"]), titles) and not _comparison_base(sentence, t["start"])
            and not _LEVEL_OF_BASE.match(sentence, t["end"])
            and not _FORECAST_MADE.match(sentence, t["end"])]
    return _merged_tokens(sentence, sorted(kept, key=lambda t: t["start"]))


#: 对上年同季 (Taiwan's 比上年同期): after 对 these words name the base of a change; 对明年的展望 and
#: 对当年认定的 name the figures' own year.
_BASE_AFTER_DUI = ("上年", "去年", "上季", "上月", "前一年")


#: After a year, the month a forecast was made in (从去年11月预测3.54%上修为7.71%): the year dates the forecast,
#: not the figure it forecasts.
_FORECAST_MADE = re.compile(r"\s*\d{1,2}\s*月份?[初中底]?的?(?:所作的?)?(?:预测|预估|概估|估计)")


def _comparison_base(sentence: str, start: int) -> bool:
    """Whether the year at *start* is the base of a comparison (比2012年, 与2020年相比, 对上年同季), not
    the time of the sentence's figures."""
    before = sentence[start - 1:start] if start else ""
    if before == "同" and sentence[max(0, start - 2):start - 1] in _NOT_BASE_TONG:
        return False  # 连同2023/24年度…, 会同, 协同: "together with", no comparison
    return before in ("比", "较", "与", "同") or before == "对" and sentence.startswith(_BASE_AFTER_DUI, start)


#: after a year, what makes it the base a level is measured against (回复至2019年同期的77.4%,
#: 相当于2019年同期数字的83.5%, 恢复到2019年水平的九成): the figure is of the sentence's own time
_LEVEL_OF_BASE = re.compile(r"(?:同期|同季)(?:数字|水平)?的|(?:的)?水平的")


#: the characters before 同 that make it "together" (连同, 会同, 协同, 一同, 共同), not "compared with"
_NOT_BASE_TONG = frozenset("连会协一共陪")


#: Every year pattern needs one of these: a digit (_YEAR, _MONTH_DAY), 年 (_CN_YEAR) or 五 (_PLAN_PERIOD)
#: (or a relative word, or 至今: see :func:`_may_name_year`).
_YEAR_CHARACTER = re.compile(r"[\d年五]")


def _may_name_year(sentence: str) -> bool:
    """A cheap test before the year patterns run: False when the sentence holds neither a character
    every year pattern needs nor a relative word nor 至今 (most sentences of a long text)."""
    return bool(_YEAR_CHARACTER.search(sentence) or _relative_pattern().search(sentence)
                or "今" in sentence and _SPAN_TO_NOW.search(sentence))


def _merged_tokens(sentence: str, tokens: list[dict]) -> list[dict]:
    """Join a year with the period words right after it (``今年上半年``, ``今年全年``, ``2023年底``,
    ``2023年以来``)."""
    merged: list[dict] = []
    for t in tokens:
        word = t["source"].split(":", 1)[1] if t["source"].startswith("relative:") else ""
        part_of_year = t.get("rule", "").startswith(("period:", "reporting")) and word != "同比"
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
    attribution (``据《…》，2024年，…``, ``…数据显示，2025年，…``, ``县长…说：2015年，…``)."""
    dateline = _DATELINE.match(sentence)
    offset = dateline.end() if dateline else 0  # 新华社北京6月1日电 今年以来，…: the year after the dateline
    strong = [t for t in tokens if not t["weak"] and t["start"] >= offset]
    dated = [t for t in tokens if t["end"] <= offset and t["source"] == "document_date"]
    if not strong:
        part = [t for t in tokens if t.get("rule", "").startswith("period:") and t["year"] and t["start"] >= offset]
        clause_end = _first_clause_end(sentence, offset)
        if part and part[0]["end"] <= clause_end and len(sentence[offset:part[0]["start"]]) <= 12 and not re.search(
                r"\d", sentence[offset:part[0]["start"]]):
            return part[0]  # 上半年，全市实现生产总值…: a dated part of a year opening the sentence
        return dated[0] if dated else None  # else the dateline's own date
    first_clause_end = _first_clause_end(sentence, offset)
    opening = [t for t in strong if t["end"] <= first_clause_end and not _SUPERLATIVE.match(sentence, t["end"])
               and not _SPOKEN_DAY.match(sentence, t["end"])]  # 2021年4月13日在…会议上: the day of a speech
    if len(opening) > 1 and any(t["source"] == "document_date" for t in opening):
        m = _PUBLISHED_YEAR.search(sentence, offset, first_clause_end)
        told = next((t for t in opening if m and t["start"] == m.start("y") and not t["source"]), None)
        if told is not None:
            return told  # 统计局今日公布了2016年各市州经济运行情况: the year of what is published, not the day
    if len(opening) > 1 and re.match(r"\s*是", sentence[opening[0]["end"]:]):
        opening = opening[:1]  # 2021年是“十四五”开局之年: the later years say what the year is, not the sentence's time
    if len(opening) == 1 and opening[0].get("span"):
        return opening[0]  # 从2020年1月24日至今，…: the span that ends now is the sentence's time
    if (len(opening) == 1 and sentence[offset:opening[0]["start"]].strip() in ("从", "自")
            and re.match(r"(?:开始|起)[，,]", sentence[opening[0]["end"]:])):
        return opening[0]  # 从2010年开始，…: the time the sentence tells of
    if len(opening) == 1 and not re.search(r"\d", sentence[offset:opening[0]["start"]]):
        lead = sentence[offset:opening[0]["start"]]
        if len(lead) <= 12 and "由" not in lead and "从" not in lead:
            framed = not lead.strip() and bool(FRAMING_COMMA.match(sentence, opening[0]["end"]))
            return {**opening[0], "frame": framed, "text": sentence[:30]} if framed else opening[0]
    for t in strong:
        before = sentence[:t["start"]]
        rest = "，" if re.match(r"[^，,。；]{0,6}[，,]", sentence[t["end"]:]) or FRAMING_COMMA.match(sentence, t["end"]) else ""
        if rest and (re.search(r"(?:显示|数据|》|表示|介绍|获悉|了解到|透露|公布|指出|强调|说|称)[，,：:](?:截至|截止到?|到|在)?$", before)
                                     or before.endswith(("，", ",")) and len(before) <= 30
                                     and any(p.search(before) for p in SOURCE_PATTERNS)):
            return t
    return dated[0] if dated else None


_CLAUSE_COMMA = re.compile("[，,：:]")
#: After a year, the rest of a speech's date line (2021年4月13日在…会议上): the day it was given, no topic.
_SPOKEN_DAY = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^，。；]{2,50}?(?:会议|大会|会)上")
#: A verb of publishing and the year of what is published (今日公布了2016年…情况).
_PUBLISHED_YEAR = re.compile(r"(?:公布|发布|通报|介绍|发表)了?(?P<y>(?:19|20)\d{2})\s*年")


def _first_clause_end(sentence: str, offset: int) -> int:
    """Where the first clause from *offset* on ends: its first comma or colon, else the sentence's end."""
    m = _CLAUSE_COMMA.search(sentence, max(offset, 0))
    return m.start() if m else len(sentence)


#: Everything up to the last ；(or colon) (greedy ``.*`` backs off to the last one): see :func:`_after_last`.
_UP_TO_SEGMENT = re.compile("(?s:.*)[；;]")
_UP_TO_SEGMENT_OR_COLON = re.compile("(?s:.*)[；;：:]")


def _after_last(up_to_mark: re.Pattern, sentence: str, end: int) -> int:
    """Where the text after the last mark of *up_to_mark* before *end* starts (0 without one): what
    ``max(sentence.rfind(mark, 0, end) for mark in marks) + 1`` gives, in one search."""
    m = up_to_mark.match(sentence, 0, end)
    return m.end() if m else 0


def _running_topic(sentence: str, row: dict, tokens: list[dict]) -> dict | None:
    """The nearest earlier year that opens a clause of the same ；-segment (``根据…，2021年全区…，
    比上年增长6.2%``; ``到2025年，A达到…，B提高到…``): it carries on over commas, not over ；."""
    segment = _after_last(_UP_TO_SEGMENT_OR_COLON, sentence, row["start"])
    for t in reversed(tokens):
        if t["weak"] or t["start"] < segment or t["end"] > row["start"] or not t["year"] and t.get("rule", "").startswith("review"):
            continue
        lead = sentence[_clause_start(sentence, t["start"]):t["start"]]
        if len(lead) <= 3 and not re.search(r"[由从比较\d]", lead):
            return t
    if segment and sentence[segment - 1] in "：:":  # 2023年经济社会发展的主要预期目标是：A增长6%，B…
        lead_in = _clause_start(sentence, segment - 1)
        bullets = [m.end() for m in _INLINE_BULLET.finditer(sentence, lead_in, segment)]
        lead_in = bullets[-1] if bullets else lead_in  # …打好基础 [4] - 创新驱动：…: the item's own label only
        named = [t for t in tokens if not t["weak"] and lead_in <= t["start"] and t["end"] < segment]
        if named:
            return named[-1]
    return None


#: Items of a list run together in one line: a citation mark [4] or a spaced dash or bullet between them.
_INLINE_BULLET = re.compile(r"\[\d{1,3}\]|\s[-–—•·▪]\s")


def _clause_year(sentence: str, row: dict, tokens: list[dict]) -> dict | None:
    """The year of the figure's own clause: ``2025年的324.7万人年``, else the nearest year
    before the figure in the same clause."""
    for t in tokens:
        if not t["weak"] and 0 <= row["start"] - t["end"] <= 2 and sentence[t["end"]:row["start"]] in ("", "的"):
            return t
    clause = _clause_start(sentence, row["start"])
    inside = [t for t in tokens if not t["weak"] and clause <= t["start"] and t["end"] <= row["start"]
              and not _in_aside(sentence, t, row["start"])]
    return inside[-1] if inside else None


def _in_aside(sentence: str, token: dict, before: int) -> bool:
    """Whether *token* stands in brackets that say more than the year and close before *before*
    (支出（扣除2022年灾后恢复重建专项资金支出外）增长3%: an exception, not the figure's year)."""
    if "（" not in sentence and "(" not in sentence:
        return False
    opened = max(sentence.rfind("（", 0, token["start"]), sentence.rfind("(", 0, token["start"]))
    if opened < 0 or max(sentence.rfind("）", 0, token["start"]), sentence.rfind(")", 0, token["start"])) > opened:
        return False
    closes = [i for i in (sentence.find("）", token["end"]), sentence.find(")", token["end"])) if i >= 0]
    close = min(closes) if closes else -1
    if not 0 <= close < before:
        return False
    words = re.sub(r"(?:19|20)\d{2}|\d{1,2}|[年度至到\-—–/~]|\s", "", sentence[opened + 1:close])
    return len(words) > 4  # (2023-24至2027-28年度) names the figure's time; (扣除2022年…支出外) says something else


def _known(token: dict | None) -> bool:
    """Whether *token* gives a year. A relative word that cannot be resolved (no document date)
    still decides when it is 今年, 去年 or 明年 (the figure's year is unknown, not another one)."""
    return token is not None and bool(token["year"] or str(token.get("rule", "")).lstrip("-").isdigit())


def _year_and_source(token: dict | None, level: str) -> tuple[str, str, str]:
    if token is None or not token["year"]:
        return "", "", ""
    source = token["source"] or level
    return token["year"], source, token.get("text", "") if source in ("heading", "scope", "earlier") else ""


def _figure_year(sentence: str, row: dict, tokens: list[dict], context: dict, change: str | None = None
                 ) -> tuple[str, str, str]:
    """(year, year_source, year_line) of a figure; a figure at either end of a change over a period
    (``2020年至2024年期间，由31.3万亿元攀升至40.5万亿元``) takes the period's first or last year.
    ``year_line`` is the line that set a heading's or a scope's year (or the earlier mention).
    "Now" (目前, 由目前的) never dates the end of a change; the start of a change whose year would
    come from a heading or scope naming a later year (从107家增加到500家 under 未来五年主要目标) is
    the level of the document's own year."""
    change = _change_end(sentence, row) if change is None else change
    if change == "end":  # neither now nor the year after 由/从 (从上一年的3.33倍下降到3.23倍) dates the end
        tokens = [t for t in tokens if not t.get("now") and not _starts_change(sentence, t)]
        context = {**context, "topic": _not_now(context["topic"]), "paragraph": _not_now(context["paragraph"])}
    year, source, line = _context_year(sentence, row, tokens, context)
    if change and re.fullmatch(r"\d{4}-\d{4}", year) and any(t.get("period") and t["year"] == year for t in tokens):
        year = year[:4] if change == "start" else year[5:]
    doc_year = context.get("doc_year")
    if (change == "start" and source != "clause" and doc_year and re.match(r"\d{4}", year)
            and int(year[-4:]) > doc_year):
        return str(doc_year), "document_date", ""
    return year, source, line


def _starts_change(sentence: str, token: dict) -> bool:
    """A year that dates the start of a change: 由2020年的…, 从上一年的3.33倍 (not 从2010年开始, not a period)."""
    return (not token.get("period") and sentence[token["start"] - 1:token["start"]] in ("由", "从")
            and bool(re.match(r"(?:末|底)?(?:的|\d)", sentence[token["end"]:token["end"] + 2])))


def _not_now(token: dict | None) -> dict | None:
    return None if token is not None and token.get("now") else token


_CHANGE_START = re.compile(r"(?:由|从)(?:(?:19|20)\d{2}\s*年|目前|当前|现在|上年|去年)?(?:末|底)?的?\s*$")
_CHANGE_END = re.compile(r"(?:提高|提升|增长|增加|攀升|上升|扩大|下降|降低|减少|降|增)?(?:至|到)\s*$")


#: 分别提升至34.6%和16.3%: every figure after a verb of change + 至/到 in its clause is an end value.
_CHANGE_TO = re.compile(r"(?:提高|提升|增长|增加|攀升|上升|扩大|下降|降低|减少)(?:至|到)[^，。；由从]*$")


def _change_end(sentence: str, row: dict) -> str:
    """``start`` for the X of 由X…至Y, ``end`` for its Y (达到Y too), else ``""``."""
    start = row.get("number_start", row["start"])  # 从目前的2%以上达到2.8%以上: the surface took 达到
    before = sentence[max(0, start - 12):start]
    if _CHANGE_START.search(before):
        return "start"
    clause = sentence[_clause_start(sentence, start):start]
    if _CHANGE_END.search(before) and re.search(r"(?:由|从)[^，。；]*$", clause) or _CHANGE_TO.search(clause):
        return "end"
    return ""


def _context_year(sentence: str, row: dict, tokens: list[dict], context: dict) -> tuple[str, str, str]:
    """(year, year_source, year_line) of a figure, in order: its clause; its sentence (the opening
    year, else the nearest year opening a clause of its ；-segment); its paragraph; the frame above
    it (the nearer of the section heading that names a year and the scope of a lead paragraph); a
    period word of its own segment (首季, 全年); a year of an earlier ；-segment; any weak word of the
    sentence; last, for a period word the document's date cannot resolve, the same period named
    with its year earlier in the text (``2021年上半年`` … ``上半年``)."""
    clause = _clause_year(sentence, row, tokens)
    if _known(clause):
        return _this_year_of_frame(clause, context, row) or _year_and_source(clause, "clause")
    if clause is not None and clause.get("rule", "").startswith("review"):
        return "", "", ""  # 近五年…年均增速超过30% in a mid-year text: its own years, not known, not borrowed
    topic, running = context["topic"], _running_topic(sentence, row, tokens)
    if topic is not None and topic["source"] == "document_date" and _known(running):
        topic = None  # 据今日公布的数据，2014年…: the date of publishing is not the data's year
    if topic is not None and running is not None and running["start"] > topic["start"] and _known(running):
        topic = None  # 到2025年，A…，到2027年，B达到10%: the later year opens B's part of the sentence
    paragraph = context["paragraph"]
    if context.get("frame") is not None and context["frame"].get("year"):
        # 一、2021年经济运行情况 / 一季度、上半年…增速分别为…: a part of a year defers to the heading's year
        topic, paragraph = (None if t is not None and t.get("weak") else t for t in (topic, paragraph))
    for token, level in ((topic, "sentence"), (running, "sentence"), (paragraph, "paragraph")):
        if _known(token):
            return _this_year_of_frame(token, context, row) or _year_and_source(token, level)
    if context.get("frame") is not None:
        return _year_and_source(context["frame"], context["frame"]["source"])
    segment = _after_last(_UP_TO_SEGMENT, sentence, row["start"])
    before = [t for t in tokens if t["weak"] and t["end"] <= row["start"]]
    own = [t for t in before if t["start"] >= segment]
    if own:
        return _weak_year(_nearest_weak(own), row, context)
    topic = _topic_of_next_clause(sentence, row, tokens, segment)
    if topic is not None:
        return _year_and_source(topic, "sentence")
    earlier = [t for t in tokens if not t["weak"] and t["end"] <= segment and t["year"]]
    if earlier:
        return _year_and_source(earlier[-1], "sentence")
    weak = before or [t for t in tokens if t["weak"]]
    if weak:
        return _weak_year(_nearest_weak(weak), row, context)
    period = context.get("period")
    if period:
        return period["year"], "scope", period["text"]
    return _only_year(tokens, sentence)


#: Between a year naming a clause's topic and a figure of the next clause: one clause break, no digit.
_NEXT_CLAUSE = re.compile(r"[^，,；;：:。\d]*[，,：:][^，,；;：:。\d]*")


def _topic_of_next_clause(sentence: str, row: dict, tokens: list[dict], segment: int) -> dict | None:
    """A single year (not a period) in the clause just before the figure's, with no figure between them
    (其中，有关县府一一四年度总预算，岁出规模二七七点三一亿余元): the year of what the figure measures. Not the
    start of a change (从2019年3月的…大跌45%)."""
    for t in reversed(tokens):
        if t["end"] > row["start"] or t["start"] < segment:
            continue
        if (t["weak"] or not re.fullmatch(r"\d{4}", t["year"]) or sentence[max(0, t["start"] - 1):t["start"]] in ("从", "由")
                or not _NEXT_CLAUSE.fullmatch(sentence, t["end"], row["start"])):
            return None
        return t
    return None


def _only_year(tokens: list[dict], sentence: str = "") -> tuple[str, str, str]:
    """The year of a sentence that names one year only, in whatever place (主计总处今天上修今年…预测至3.9%，
    较5月预测增加0.47个百分点: 今天 and 今年 agree), for a figure nothing nearer dates; else nothing. A year
    opening a span (2022年以来) dates the span, not the sentence."""
    strong = [t for t in tokens if not t["weak"] and not sentence[t["end"]:t["end"] + 2] == "以来"
              and not sentence[t["start"]:t["end"]].endswith("以来")]
    years = {t["year"] for t in strong}
    if len(years) == 1 and re.fullmatch(r"\d{4}", next(iter(years))):  # not when 目前 or 今年 cannot be placed
        return next(iter(years)), "sentence", ""
    return "", "", ""


def _this_year_of_frame(token: dict, context: dict, row: dict | None = None) -> tuple[str, str, str] | None:
    """For 今年 that the document's date cannot resolve (an undated text): 今年一季度 when the text named
    2018年一季度 earlier (that year, ``earlier``); else the year of the heading or scope above it
    (二、2024年工作安排 … 今年的主要预期目标是：…), unless that is a review (…工作回顾: 今年 is then the
    year after it); None otherwise."""
    if not token["year"] and token.get("rule") == "0" and row is not None and context.get("earlier"):
        word = token["source"].split(":", 1)[1] if token["source"].startswith("relative:") else ""
        part = word[2:] if word.startswith(("今年", "本年")) else ""
        found = context["earlier"](part, row) if part and relative_year_words().get(part, "").startswith("period:") else None
        if found and found[0]:
            return found
    frame = context.get("frame")
    if (token["year"] or token.get("rule") != "0" or frame is None or not re.fullmatch(r"\d{4}", frame.get("year") or "")
            or re.search(r"回顾|过去|以来", frame.get("text", ""))):
        return None
    return _year_and_source(frame, frame["source"])


def _weak_year(token: dict, row: dict, context: dict) -> tuple[str, str, str]:
    """A weak word's year; for a period word the document's date cannot resolve (上半年 with no
    date), the same period named with its year earlier in the text, when there is one; for 同比,
    比上年 (rule reporting) in a text about a part of a year (今年上半年, 前三季度 at its start), that
    part's year, not the last whole year's."""
    if not token["year"] and token.get("rule", "").startswith("period:") and context.get("earlier"):
        found = context["earlier"](token["source"].split(":", 1)[1], row)
        if found[0] or not context.get("period"):
            return found
    if token.get("rule") == "reporting" and context.get("period"):
        return context["period"]["year"], token["source"], ""
    if not token["year"] and token.get("rule", "").startswith("period:") and context.get("period"):
        return context["period"]["year"], "scope", context["period"]["text"]  # 三季度 in a text on 今年前三季度
    return _year_and_source(token, "relative")


def reporting_period(text: str, date, limit: int = 400) -> dict | None:
    """The part of a year a text reports on, when it names one near its start (``今年上半年，全市…``,
    ``前三季度国内生产总值…``): {year, text}, resolved against *date*; None otherwise. Its year dates
    the text's 同比 and figures that nothing else dates."""
    if document_year_month(date)[1] is None and "两年平均" in text:
        year = _two_year_average_year(text)  # 比2019年一季度…两年平均: the data's year dates its parts of a year
        if year:
            return {"year": year, "text": "两年平均（比两年前）"}
    head = text[:limit]
    month = _month_period(head, date)
    unresolved = ""  # 举行一季度…发布会，介绍2016年一季度…情况: the same part named again with its year
    for m in _relative_pattern().finditer(head[:month["at"]] if month else head):
        if unresolved and m.group(0) != unresolved:
            continue
        if relative_year_words()[m.group(0)].startswith("period:"):
            named = re.search(r"(?<![比较与同])((?:19|20)\d{2})\s*年$", head[max(0, m.start() - 7):m.start()])
            year = named[1] if named else resolve_relative_year(m.group(0), date)  # 2020年前三季度 names its year
            start = head.rfind("\n", 0, m.start()) + 1
            if not year and document_year_month(date)[0] is None and head[max(0, m.start() - 2):m.start()] == "今年":
                # 定于2010年10月21日举行发布会，介绍今年前三季度…: an undated text's 今年 is the year of the full
                # date its own sentence names before it
                dated = _FULL_DATE.findall(head[max(start, _sentence_start(head, m.start())):m.start()])
                year = dated[-1] if dated else ""
            if year:
                return {"year": year, "text": _short_line(head[start:head.find("\n", m.start()) if "\n" in head[m.start():] else len(head)])}
            if document_year_month(date)[0] is not None:
                return None
            if unresolved:
                break
            unresolved = m.group(0)
    if unresolved:
        return _after_base_period(text[:_BASE_PERIOD_LIMIT], unresolved)
    return {k: v for k, v in month.items() if k != "at"} if month else None


#: The base of a quarter-on-quarter change, with its year: 比2021年四季度环比增长1.3%, 较2019年第三季度.
_BASE_QUARTER = re.compile(r"(?:比|较|与)\s*((?:19|20)\d{2})\s*年\s*(第?[一二三四1-4]\s*季度?)")
#: How far into an undated text that base is looked for.
_BASE_PERIOD_LIMIT = 2000


def _after_base_period(head: str, word: str) -> dict | None:
    """The year of an undated text's quarter (一季度) from the quarter it is compared with, named with its
    year (比2021年四季度环比增长: the quarter after 2021's fourth is 2022's first); None when no such base
    is the quarter just before."""
    rule = relative_year_words().get(word, "")
    if not rule.startswith("period:") or int(rule[7:]) % 3 or word.startswith(("前", "上", "下", "全")):
        return None
    for m in _BASE_QUARTER.finditer(head):
        base = relative_year_words().get(m[2].replace(" ", ""), "")
        if base.startswith("period:") and (int(base[7:]) % 12) + 3 == int(rule[7:]):
            year = int(m[1]) + (int(base[7:]) == 12)
            start = head.rfind("\n", 0, m.start()) + 1
            return {"year": str(year), "text": _short_line(head[start:m.end()])}
    return None


def _short_line(line: str, limit: int = 30) -> str:
    """The opening of a line, as ``year_line`` and a scope's ``text`` show it."""
    line = line.strip()
    return line if len(line) <= limit else line[:limit] + "…"


def _month_period(head: str, date) -> dict | None:
    """The first month a text names near its start (``国家统计局发布5月份经济运行数据``), when the
    document's date gives its year, or, in an undated text, with its year written before it
    (``国发会今召开114年2月景气灯号记者会``: a Taiwan year): {year, text, at}."""
    if document_year_month(date)[0] is None:
        named = _NAMED_MONTH.search(head, 0, _NAMED_MONTH_REACH)
        if named is not None:
            year = _common_era(named["y"] or named["roc"])
            return {"year": year, "text": _short_line(head[head.rfind("\n", 0, named.start()) + 1:][:40]), "at": named.start()}
    m = next((m for m in _MONTH_PERIOD.finditer(head) if not m["bare"]), None) if "月" in head else None
    # (every match holds 月; 5月份 sets a period, a month alone as in 看好1月订单 does not)
    if m is None or re.search(r"(?:19|20)\d{2}\s*年\s*$", head[max(0, m.start() - 6):m.start()]):
        return None
    month = m["upto"] or m["month"] or m["first"]
    month = int(month) if month.isdigit() else cn_to_int(month)
    year = _month_day_year(month, date) if 1 <= month <= 12 else ""
    if not year:
        return None
    start = head.rfind("\n", 0, m.start()) + 1
    return {"year": year, "text": _short_line(head[start:head.find("\n", m.start()) if "\n" in head[m.start():] else len(head)]),
            "at": m.start()}


#: A month with its year written before it, as the subject of a release (114年2月景气灯号, 2023年5月份国民经济),
#: not a full date (2024年3月5日) nor a span's end.
_NAMED_MONTH = re.compile(r"(?:(?P<y>(?:19|20)\d{2})|(?<![\d.])(?P<roc>1[0-4]\d))\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月份?"
                          r"(?!\s*\d{1,2}\s*[日号])(?![至到\-—])")
#: How far into an undated text that month is looked for (its first sentence or two).
_NAMED_MONTH_REACH = 60


_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in "。！？!?\n") + 1


def _nearest_weak(tokens: list[dict]) -> dict:
    """Of weak words, the last part of a year (上半年, 首季), else the last of them (全年, 同比)."""
    periods = [t for t in tokens if t.get("rule", "").startswith("period:")]
    return (periods or tokens)[-1]


def _heading_years(doc_outline: list[tuple], date) -> list[tuple[int, int, dict | None, str]]:
    """For each title and section heading of a document's outline rows (kind, heading, marker,
    level, start): (start offset, level, the year token it names or None, ``numbered``/``plain``/``title``)."""
    rows = []
    for kind, heading, marker, level, start in doc_outline:
        if kind not in ("heading", "title", "front"):
            continue  # front: a subtitle under the title (未来五年主要目标任务), read as a plain heading
        tokens = [{**t, "text": heading, "line_start": start} for t in _year_tokens(heading, date)
                  if not t["weak"] and t["source"] != "document_date"  # a dateline (12月27日讯) is no section year
                  and not _MONTH_AFTER.match(heading, t["end"])]  # nor a date line (2024年01月24日 星期三)
        if kind in ("title", "front") and len(tokens) != 1:
            continue
        style = "title" if kind in ("title", "front") else ("numbered" if str(marker) else "plain")
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
        elif style == "plain" and ceiling is not None and level >= ceiling:
            continue  # (a plain heading above the numbered ones, a level up, is their parent)
        if token is not None:
            return token
    return None
