"""Dates: what a document says about when it was written, issued or published.

One module for every reader and for the corpus (statistics will use it too):

* :func:`normalise_date` turns ``2024年3月5日``, ``2024-03-05 10:00``, ``二〇二四年三月五日``,
  ``2024.3.5`` into ISO ``2024-03-05`` (or ``2024-03`` / ``2024`` when only that is known);
* :func:`find_date_with_place` finds the document's own date in its text: a labelled line near the
  top (``date 2024-06-01``, ``发布时间：2022-05-06 09:30:00``, ``来源：新华社 2021-07-08``,
  ``发布日期：…``), a date line under the title (``——2024年3月5日在…会议上``, ``（2019年3月4日）``),
  or the date under the signature at the end (落款, ``二〇一二年一月九日``);
* :data:`DATE_SOURCES` ranks where a date can come from, best first, so that a document dated in
  its catalog row, front matter, web page meta or its own text is never dated by a PDF's or Word
  file's creation time (that is the last resort, and ``date_source`` says so).
"""

from __future__ import annotations

import re

#: Where a document date can come from, best first (the ``date_source`` column says which).
DATE_SOURCES = (
    "catalog",          # the corpus folder's catalog.csv
    "front_matter",     # YAML front matter of a Markdown/text file
    "export_header",    # 【发布日期】 / 公布日期： of a 北大法宝-style export
    "html_meta",        # <meta name="PubDate" …> and the like
    "text_header",      # a dated line at the top (发布时间：…, date …, ——2024年3月5日…)
    "html_text",        # a date printed beside the headline of a web page
    "text_end",         # the signature date (落款) at the end
    "docx_properties",  # the Word file's creation date (last resort)
    "pdf_metadata",     # the PDF's creation date (last resort)
)

_CN_DIGITS = {"〇": 0, "○": 0, "Ｏ": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_NUM = "〇○Ｏ零一二三四五六七八九十"
#: Years of the Republic of China calendar (民国/民國, used in Taiwan): ROC year + 1911 = Gregorian year.
ROC_OFFSET = 1911
#: The era name before an ROC year (中华民国, 民國 …), as a pattern (also read by the statistics' years).
ROC_ERA = r"(?:中华|中華)?民[国國]\s*"
DATE_PATTERNS = (
    # 2024年3月5日, 2024-03-05, 2024/3/5, 2024.3.5 (optionally with a time after it)
    re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})(?!\d)"),
    # 二〇二四年三月五日
    re.compile(f"([{_CN_NUM}]{{4}})\\s*年\\s*([{_CN_NUM}]{{1,3}})\\s*月\\s*([{_CN_NUM}]{{1,3}})\\s*日"),
)
#: ROC dates: 中华民国113年5月20日, 民國113年5月20日, 113年5月20日 (a three-digit year is always ROC),
#: 113/05/20, 113.5.20, 民國一百十三年五月二十日.
ROC_PATTERNS = (
    re.compile(ROC_ERA + r"(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
    re.compile(r"(?<![\d.,\-/])(1\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[/.\-](\d{1,2})[/.\-](\d{1,2})(?![\d.\-/]))"),
    re.compile(ROC_ERA + f"([{_CN_NUM}百]{{1,5}})年([{_CN_NUM}]{{1,3}})月([{_CN_NUM}]{{1,3}})日"),
)
_ROC_HINT = re.compile(r"(?<![\d.,])1\d\d\s*[年/.\-]")
_ROC_MONTH = re.compile(ROC_ERA + r"(\d{1,3})\s*年\s*(\d{1,2})\s*月(?![\d份])|(?<![\d.])(1\d\d)\s*年\s*(\d{1,2})\s*月(?![\d份日])")
_MONTH_PATTERN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?![\d份])")
#: How many lines at the top (and bottom, for the 落款 of official documents) are searched for a date.
DATE_HEAD_LINES = 8
DATE_TAIL_LINES = 4

#: A labelled date line: the label says the date is the document's (publication, issue, release).
_LABELS = ("发布时间", "发布日期", "发文日期", "成文日期", "公布日期", "印发日期", "发稿时间", "时间", "日期", "更新时间",
           "更新日期", "来源", "發布時間", "發布日期", "發佈日期", "發佈時間", "發文日期", "公布日期", "發稿時間", "時間",
           "更新時間", "來源", "資料來源")
DATE_LABEL = re.compile(
    r"^\s*(?:date|published|pubdate|" + "|".join(r"\s*".join(label) for label in _LABELS) + r")\s*[：:]?\s*",
    re.IGNORECASE)
#: A web page's metadata line holds several labelled fields, the date not always first:
#: ``【字体：大 中 小】 2024-03-05 来源：市政府办``, ``新华社北京3月5日电 发布时间：2024-03-05``,
#: ``作者：张三 发布日期：2024年3月5日 浏览次数：120``. A field label after a space, 】 or | (or at the start).
_META_FIELD = re.compile(
    r"(?:^|[\s】|｜])(?:" + "|".join(r"\s*".join(label) for label in _LABELS)
    + r"|作者|字体|字號|字号|浏览|瀏覽|点击|點擊|阅读|閱讀|编辑|編輯|责任编辑|責任編輯|文章来源|信息来源|稿源)(?:次数|次數|量)?\s*[：:]")
#: The longest metadata line read for a date.
_META_LINE_MAX = 100
#: Lines that carry a date the document talks about, not its own date (施行日期 is a later date).
_NOT_OWN_DATE = re.compile(r"施行|生效|实施日期|實施日期|截止|截至|有效期|报名|報名|开幕|開幕|举行|舉行|召开|召開")


_STACKED = re.compile(r"^((?:19|20)\d\d)\n(?:[^\n]{1,80}\n)?(\d{1,2})/(\d{1,2})$", re.MULTILINE)


def _cn_number(text: str) -> int:
    """二〇二四 → 2024 (digit by digit); 十二 → 12; 二十三 → 23; 一百十三 → 113; 一百零一 → 101."""
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        rest = rest.lstrip("零〇")
        return (_CN_DIGITS[hundreds] if hundreds else 1) * 100 + (_cn_number(rest) if rest else 0)
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _roc_date(value: str) -> tuple[int, str]:
    """The first ROC (民国) date in *value*: ``(where it starts, ISO date)``, or ``(-1, "")``."""
    found = []
    for pattern in ROC_PATTERNS:
        for m in pattern.finditer(value):
            parts = [g for g in m.groups() if g]
            try:
                year, month, day = (int(g) if g.isdigit() else _cn_number(g) for g in parts)
            except (KeyError, ValueError):
                continue
            if 1 <= year <= 200 and 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), f"{year + ROC_OFFSET:04d}-{month:02d}-{day:02d}"))
                break
    if found:
        return min(found)
    m = _ROC_MONTH.search(value)
    if m:
        year, month = (int(g) for g in m.groups() if g)
        if 1 <= year <= 200 and 1 <= month <= 12:
            return m.start(), f"{year + ROC_OFFSET:04d}-{month:02d}"
    return -1, ""


def _gregorian_date(value: str) -> tuple[int, str]:
    """The first full Gregorian date in *value*: ``(where it starts, ISO date)``, or ``(-1, "")``."""
    found = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(value):
            try:
                year, month, day = (int(g) if g.isdigit() else _cn_number(g) for g in m.groups())
            except (KeyError, ValueError):
                continue
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), f"{year:04d}-{month:02d}-{day:02d}"))
                break
    return min(found) if found else (-1, "")


def normalise_date(value) -> str:
    """Return *value* as ISO ``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` when only that is known),
    or "" when it holds no date. Accepts 2024年3月5日, 2024-03-05 10:00, 二〇二四年三月五日, and the
    ROC calendar of Taiwan: 中华民国113年5月20日, 民國113年5月20日, 113年5月20日, 113/05/20 (year + 1911).
    When a value holds several dates, the first one counts."""
    value = str(value or "").strip()
    at, date = _gregorian_date(value)
    if "民" in value or _ROC_HINT.search(value):
        roc_at, roc = _roc_date(value)
        if roc and (not date or roc_at < at) and (len(roc) == 10 or not date):
            return roc
    if date:
        return date
    m = _MONTH_PATTERN.search(value) or re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    m = re.fullmatch(r"[（(]?((?:19|20)\d\d)\s*年?[)）]?", value)
    return m.group(1) if m else ""


def _line_date(line: str) -> str:
    """The full date (YYYY-MM-DD) a header or signature line gives the document, or ""."""
    if _NOT_OWN_DATE.search(line):
        return ""
    labelled = _labelled(line)
    if not labelled and len(line) > 80 and not re.match(r"^(?:——|—|（|\()", line):
        return ""  # a date inside a body paragraph is what the text talks about, not its date
    if not labelled:
        # unlabelled, the date must lead the line (——2024年3月5日在…, （2019年3月4日）, 2024年3月5日 通过)
        # or be most of it: a date inside a title or a sentence is what the text talks about
        if not _LEADING_DATE.match(line) and len(_rest(line)) > 6:
            return ""
    date = normalise_date(line)  # looked for last: the tests above are cheaper
    return date if len(date) == 10 else ""


def _labelled(line: str) -> bool:
    """Whether a header line says its date is the document's: a date label opens it
    (``发布时间：…``), or it is a short metadata line of labelled fields (:data:`_META_FIELD`)."""
    return bool(DATE_LABEL.match(line) or len(line) <= _META_LINE_MAX and _META_FIELD.search(line))


_LEADING_DATE = re.compile(r"^\s*(?:——|—|（|\(|\[)?\s*(?:(?:19|20)\d\d|[〇○Ｏ零一二三四五六七八九]{4}|(?:中华|中華)?民[国國]|1\d\d\s*年)")
_VERSION = re.compile(r"^(?:版本?|修订版|修訂版|印发|印發|发布|發布|出版|编|編)?$")


def _rest(line: str) -> str:
    """A line without its date characters (digits, 年月日, Chinese numerals, 民国, brackets)."""
    return re.sub(r"[\s\d年月日时分秒時:/.\-（）()——〇○Ｏ零一二三四五六七八九十百中华華民国國星期]", "", line)


def _line_month(line: str, tail: bool) -> str:
    """A month (YYYY-MM) a short date line gives the document: ``2020年7月版本`` under a title, or a
    signature ``2020 年 7 月 保安局局长`` at the end; "" otherwise (a month inside a title or a
    sentence is what the text talks about)."""
    if _NOT_OWN_DATE.search(line) or not _LEADING_DATE.match(line):
        return ""
    date = normalise_date(line)
    if len(date) != 7:
        return ""
    rest = _rest(line)
    if _VERSION.match(rest) or (tail and len(rest) <= 12 and not re.search(r"[，。；、]", rest)):
        return date
    return ""


def find_date_with_place(text: str) -> tuple[str, str]:
    """The document's own date from its header lines (``date 2024-06-01``,
    ``发布时间：2022-05-06 09:30:00``, ``来源：… 2021-07-08``, ``——2024年3月5日在…会议上``,
    ``（2019年3月4日）``), else from its last lines (the date under an official document's
    signature); with where it was found (``text_header``/``text_end``). ``("", "")`` when none.

    In the header, a labelled line (发布时间：…) wins over an unlabelled one (a date line under
    the title); the first date of a header that lists several (a law's revision history) is
    the oldest, so a header whose dated lines are a list of revisions gives the last one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head = lines[:DATE_HEAD_LINES]
    stacked = _STACKED.search("\n".join(lines[:2 * DATE_HEAD_LINES]))
    if stacked:  # a web page's date printed in two lines: 2023 / 12/06
        return f"{stacked.group(1)}-{int(stacked.group(2)):02d}-{int(stacked.group(3)):02d}", "text_header"
    # in a short text the last lines (the signature date) may fall among the first ones
    end_zone = max(3, len(lines) - DATE_TAIL_LINES)
    dated = [(line, _line_date(line)) for line in head[:end_zone]]
    dated = [(line, date) for line, date in dated if date]
    if dated:
        labelled = [date for line, date in dated if _labelled(line)]
        if labelled:
            return labelled[0], "text_header"
        if len(dated) >= 2 and all(re.search(r"通过|修正|修订|公布|通過|修訂", line) for line, _ in dated):
            return max(date for _, date in dated), "text_header"  # 1983年…通过, …, 2024年…修正
        return dated[0][1], "text_header"
    for line in reversed(lines[-DATE_TAIL_LINES:]):
        date = _line_date(line)
        if date:
            return date, "text_end"
    for line in head[:end_zone]:  # only a month is printed: 2020年7月版本
        date = _line_month(line, tail=False)
        if date:
            return date, "text_header"
    for line in reversed(lines[max(1, len(lines) - DATE_TAIL_LINES):]):  # never the title line
        date = _line_month(line, tail=True)
        if date:
            return date, "text_end"
    return "", ""


#: A label in front of a date that is not one of :data:`DATE_LABEL`'s: 【发布日期】, Date:, 日期 …
_OTHER_LABEL = re.compile(r"^\s*(?:【[^】]{1,8}】|[A-Za-z]{2,12}\s*[：:]?|[\u4e00-\u9fff]{1,6}\s*[：:])\s*")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def is_date_line(line: str) -> bool:
    """True for a line that only gives a date, perhaps labelled and with a time or weekday:
    ``2025年1月10日``, ``（2025年1月10日）``, ``date 2025-09-05``, ``发布日期：2022-12-26``,
    ``【发布日期】2022.12.26``, ``2024年01月24日 星期三``, ``19/09/2025 17:43``, ``民國113年5月20日``,
    ``二〇二五年二月十八日``. A line that says more (``——2025年1月10日在…会议上``) is not one."""
    line = line.strip()
    rest = DATE_LABEL.sub("", line, count=1) if DATE_LABEL.match(line) else _OTHER_LABEL.sub("", line, count=1)
    if not rest:
        return False
    if _NUMERIC_DATE.match(rest):
        return True
    return bool(normalise_date(rest)) and len(_rest(rest)) <= 2 and not re.search(r"[，。；]", rest)


def find_date(text: str) -> str:
    """The document's own date (see :func:`find_date_with_place`); "" when there is none."""
    return find_date_with_place(text)[0]


def year_only(value) -> str:
    """A year written alone as a document's date: ``（2020年）`` under a title → ``2020``."""
    m = re.fullmatch(r"\s*[（(]\s*((?:19|20)\d\d)\s*年?\s*[)）]\s*", str(value or ""))
    return m.group(1) if m else ""


def rank(source: str) -> int:
    """The rank of a date source in :data:`DATE_SOURCES` (lower is better; unknown sources last)."""
    return DATE_SOURCES.index(source) if source in DATE_SOURCES else len(DATE_SOURCES)


def pdf_date(value) -> str:
    """The date of a PDF metadata value such as ``D:20240208203412+08'00'``; "" when none."""
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not m or not (1980 < int(m.group(1)) < 2100):
        return ""
    return "-".join(g for g in m.groups() if g)
