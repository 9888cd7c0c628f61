"""Split cleaned documents into sections → paragraphs → sentences, with character offsets.

The cleaned text (see :mod:`zhpolicy.reading.clean`) has one paragraph per line. Each line is
classified as ``title``, ``front`` (what stands between the title and the text: subtitle, byline,
dateline ``——2025年1月10日在…会议上``, ``（2025年1月10日）``, ``在…会议上的讲话``, a speaker
``区长 张三``, ``（摘要）``, a page date ``发布日期：…``/``date 2025-09-05``, a salutation
``同志们：``/``各区人民政府：``), ``meta`` (摘要/关键词), ``caption`` (a chart's caption
``图1 2018-2022年地区生产总值``: kept as text, never a heading),
``heading``, ``item`` (bullet), ``table`` (the ``[表N]`` line where a table stood), ``signature``
(the 落款 at the end: issuing office, date, ``（此件公开发布）``, never a heading) or ``body``.
Headings are recognised from:

* outline markers of Chinese official documents and laws: ``第一章`` ``第一节`` ``一、`` ``（一）``
  ``1.`` ``（1）`` ``a.``;
* unmarked headings: a short line with no closing full stop, followed by text; or a short
  one-sentence line followed by a much longer paragraph;
* lead phrases: a paragraph whose first sentence is short (``科技创新体制机制障碍仍需突破。``)
  when at least two paragraphs of the same section open this way;
* enumerations inside a paragraph — 一是/二是, 其一/其二, 首先/其次/再次/最后, 第一/第二 —
  are listed as ``point`` entries of the outline.

Levels are inferred the way Markdown numbering is: the first kind of marker met is level 1,
a new kind met under it is one level deeper, and a kind met again returns to its level.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import NamedTuple

import pandas as pd

from .._docs import count_chars, iter_docs
from .dates import is_date_line

_MARKERS = [
    ("volume", re.compile(r"^第[一二三四五六七八九十百零〇]{1,4}[编編]\s*")),
    ("chapter", re.compile(r"^第[一二三四五六七八九十百零〇]{1,4}章\s*")),
    ("part", re.compile(r"^第[一二三四五六七八九十百零〇]{1,4}[节節]\s*")),
    ("article", re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,6}[条條](?:之[一二三四五六七八九十]{1,3})?(?=[\s　]|$)\s*")),
    ("cn_num", re.compile(r"^[一二三四五六七八九十]{1,3}、")),
    ("cn_paren", re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")),
    ("arabic_paren", re.compile(r"^[（(]\d{1,2}[)）]")),
    ("arabic_dot", re.compile(r"^\d{1,2}(?:[.．](?!\d)|、)\s*")),
    ("latin_dot", re.compile(r"^[a-zA-Z][.．)）]\s*")),
]
_TABLE_MARKER = re.compile(r"^\[表\d+\]$")
#: A list item: a bullet glyph in front (● ■ ◆ ▲ ★ ▶ …), or • · * - – followed by text. □/■ with a
#: short name only is a newspaper byline (□ 张三), not an item.
_DASH_BULLET = re.compile(r"^[•·*\-–]\s*")
_BULLET = re.compile(r"^(?:[•·*\-–]\s*|[●○◆◇▲△▶►★☆◎※➢➤■□](?!\s*[\u4e00-\u9fff]{2,4}$)\s*)")
_META = re.compile(r"^(?:摘\s*要|关\s*键\s*词|关键字|Abstract|Keywords)\s*[：:]", re.IGNORECASE)
#: A chart's caption (图1 2018-2022年地区生产总值及其增长速度): it names what a figure shows, it heads no section.
_CAPTION = re.compile(r"^[图圖]\s*[0-9０-９]{1,2}(?:[-－—.．][0-9０-９]{1,2})?[\s　：:、]"
                      # a chart's title left without its number: 2019—2023年地区生产总值及增速
                      r"|^(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)\d{2}\s*年[^，。；：,;:\n]{2,30}?"
                      r"(?:及其?增长速度|及其?增速|增长速度|及构成|构成|比重|占比|走势)\s*$")
_SENTENCE_END = re.compile(r"(?:[。！？!?]+|…{2,})(?:[”’」』）》】]|\[\d+(?:[-–,，]\d+)*\])*")
_OPENERS = ("当前", "目前", "近年来", "同时", "因此", "此外", "另外", "下一步", "其中", "但是", "然而", "总之")

#: In-paragraph enumerations: family name → pattern of its markers at a clause start.
_POINT_FAMILIES = {
    "一是": re.compile(r"(?:(?<=^)|(?<=[。；：]))([一二三四五六七八九十]是)"),
    "其一": re.compile(r"(?:(?<=^)|(?<=[。；：]))(其[一二三四五六七八九十])[，、]"),
    "首先": re.compile(r"(?:(?<=^)|(?<=[。；：]))(首先|其次|再次|最后)[，、]"),
    "第一": re.compile(r"(?:(?<=^)|(?<=[。；：]))(第[一二三四五六七八九十])[，、]"),
}
#: The same markers without the clause start (``^`` or after 。；：), which :func:`_points` tests
#: itself: a pattern that opens with a look-behind is tried at every position of the text, one that
#: opens with a character class jumps to its candidates. (No two candidates overlap, so the
#: matches kept are those of :data:`_POINT_FAMILIES`.)
_POINT_MARKERS = {name: re.compile(pattern.pattern.split("))", 1)[1]) for name, pattern in _POINT_FAMILIES.items()}
_CLAUSE_END = "。；："

MAX_HEADING_CHARS = 40
#: A line ending in one of these does not stop short (it is not a heading).
_STOPS = tuple("。！？!?；;")
MAX_LEAD_CHARS = 28


#: :data:`_MARKERS` as one pattern (an alternation tries its branches in order: the first kind that matches wins).
_ANY_MARKER = re.compile("|".join(f"(?P<{name}>{pattern.pattern})" for name, pattern in _MARKERS))


def _marker(line: str) -> tuple[str, str]:
    m = _ANY_MARKER.match(line)
    if m:
        return m.lastgroup, m.group(0).strip()
    return "", ""


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.end()] if m else text


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of one paragraph (those not blank)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    spans = list(zip([0, *ends], ends))  # each ends in its end mark: never blank
    start = ends[-1] if ends else 0
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _heading_text(line: str, marker: str) -> str:
    rest = line[len(marker):].strip() if marker else line
    if len(rest) <= MAX_HEADING_CHARS and len(_split_sentences(rest)) <= 1:
        return rest.rstrip("。：:")
    m = re.search(r"[。：:？?]", rest)
    return rest[: m.start()] if m else rest[:MAX_HEADING_CHARS]


def _is_lead(para: str, spans: list[tuple[int, int]] | None = None) -> bool:
    spans = _split_sentences(para) if spans is None else spans
    if len(spans) < 2:
        return False
    first = para[spans[0][0]:spans[0][1]]
    return first.endswith("。") and len(first) - 1 <= MAX_LEAD_CHARS and not first.startswith(_OPENERS)


#: A document with at least this many lines opening with 第…条 is a law or regulation: its outline is
#: 编/章/节/条 (articles are outline entries of kind "article", their paragraphs stay body text), and
#: its other paragraphs (the 款 of an article) are never taken for unmarked headings or lead phrases.
MIN_ARTICLES = 3
_REVISION = re.compile(r"(?:19|20)\d\d\s*年.{0,60}(?:通过|通過|修正|修订|修訂|公布|批准|施行|发布|發布)|^[（(].{0,80}(?:通过|通過|修正|修订|修訂)")
_DATE_LINE = re.compile(r"^[（(]?\s*(?:(?:19|20)\d\d|[〇○Ｏ零一二三四五六七八九]{4})\s*年[\d〇○零一二三四五六七八九十\s]{1,3}月[\d〇○零一二三四五六七八九十\s]{1,3}日?\s*[)）]?$")


#: Lines standing between a title and its text (front matter of the outline, never headings): a
#: subtitle or dateline led by a dash, the meeting a speech or report was given at, an edition
#: note, a speaker with the office held.
_FRONT = re.compile(
    r"^(?:——|—|－－|--)"
    r"|^[（(]?[^，。；！？]{0,60}(?:会议|大会|全会|常委会|论坛|座谈会|典礼|仪式|开幕式|报告会|研讨会|年会|峰会|发布会|工作会)上"
    r"(?:的(?:讲话|报告|发言|致辞|主旨演讲|演讲|工作报告|总结讲话))?[）)]?$"
    r"|^[（(](?:摘要|摘登|节选|全文|草案|征求意见稿|送审稿|试行|代拟稿)[）)]$"
    r"|^[^，。；：:！？]{0,24}(?:长|书记|主任|主席|委员|部长|厅长|局长|院长|会长|理事长|经理|秘书长|教授|研究员|记者|通讯员)"
    r"[\s　]*[\u4e00-\u9fff·]{2,4}$"
)
#: The issuing office of a signature (落款): one or more names of offices, each ending in a word
#: that names an office (局、委员会、人民政府、办公室、中心、公司 …), with a seal note at most.
_OFFICE = (r"[^，。；：:！？、\s]{1,30}(?:局|厅|委|委员会|办公室|办公厅|人民政府|政府|部|院|会|中心|公司|集团|协会|学会|"
           r"联合会|處|处|所|署|小组|党委|党组|银行|大学|学院|管委会|指挥部|支队|大队)")
_ISSUER = re.compile(f"^(?!.*(?:机会|社会|体会|全部|内部|外部|局部|东部|西部|中部|好处|到处|场所|住所)$)"
                     f"(?:{_OFFICE}[\\s　]*)+(?:[（(](?:印章|盖章|公章|章)[）)])?$")  # 机会, 全部 … name no office
#: Notes set under a signature (附注) and the print note of an official document (版记).
_SIGNATURE_NOTE = re.compile(r"^[（(](?:此件|本件|联系人|联系电话)[^）)]{0,60}[）)]$|^(?:抄送|印发|主题词)[：:]|印发$")
MAX_SIGNATURE_LINES = 8
#: The salutation under a title: 同志们：, 各位代表：, 各区人民政府，市政府各部门： (front, never a heading).
_SALUTATION = re.compile(
    r"^(?:同志们|朋友们|女士们、先生们|(?:尊敬的)?各位[^，。；：:]{0,20}"
    r"|各[^。；：:]{1,60}|[^。；：:]{0,60}(?:人民政府|委员会|各部门|各单位|各有关单位|各直属机构))[：:]$"
)


def _signature_line(line: str) -> bool:
    line = line.strip()
    if len(line) > 60:
        return False
    m = re.match(r"^(.*?)[\s　]+(\S+)$", line)  # 市科学技术局　2025年2月18日 on one line
    if m and _ISSUER.match(m.group(1)) and is_date_line(m.group(2)):
        return True
    return bool(is_date_line(line) or _ISSUER.match(line) or _SIGNATURE_NOTE.search(line))


def _signature_start(lines: list[str], info: list[dict]) -> int:
    """Index of the first line of the signature block (落款) at the end of a document, or
    ``len(lines)``: trailing lines that are offices, dates or notes (at most
    :data:`MAX_SIGNATURE_LINES`), holding an office or a date, under body text."""
    start = len(lines)
    while start > 0 and len(lines) - start < MAX_SIGNATURE_LINES and _signature_line(lines[start - 1]):
        start -= 1
    block = lines[start:]
    if not block or not any(is_date_line(x) or _ISSUER.match(x.strip()) or re.search(r"\d日$", x) for x in block):
        return len(lines)
    if not any(row["kind"] in ("body", "item", "table") for row in info[:start]):
        return len(lines)  # a document that is all signature-like lines has none
    return start


def _classify(lines: list[str], spans: list[list[tuple[int, int]]] | None = None) -> list[dict]:
    """Classify each line; return dicts with kind, marker type, marker and heading text.
    *spans*: the sentence spans of each line (:func:`_split_sentences`), when known."""
    info = []
    n = len(lines)
    seen_body = False
    markers = [_marker(line) for line in lines] + [("", "")]  # the last: the line after the last one
    if spans is None:
        spans = [_split_sentences(line) for line in lines]
    law = sum(1 for mtype, _ in markers if mtype == "article") >= MIN_ARTICLES
    in_law = False  # past the first chapter or article of a law
    for i, line in enumerate(lines):
        mtype, marker = markers[i]
        if law and mtype in ("volume", "chapter", "part", "article"):
            in_law = True
        if mtype == "article":
            if law:
                info.append({"kind": "body", "mtype": "article", "marker": marker, "heading": marker, "article": True})
                seen_body = True
                continue
            mtype, marker = "", ""  # a lone 第三条 in a notice is body text
        if not seen_body and (_REVISION.search(line) or _DATE_LINE.match(line)) and i > 0 and len(line) <= 120:
            info.append({"kind": "front", "mtype": "", "marker": "", "heading": ""})  # 2024年…通过 / 修订
            continue
        if (not seen_body and not mtype and len(line) <= 120 and (i == 0 or all(r["kind"] in ("title", "front") for r in info))
                and (is_date_line(line) or (i > 0 and (_FRONT.search(line) or _SALUTATION.match(line))))):
            # a date line at the top (date 2025-09-05, 发布日期：…) or under the title, a dateline, a speaker,
            # a salutation
            info.append({"kind": "front", "mtype": "", "marker": "", "heading": ""})
            continue
        if in_law and mtype not in ("", "volume", "chapter", "part"):
            info.append({"kind": "item", "mtype": "", "marker": marker, "heading": ""})  # 项 of an article
            continue
        if _DATE_LINE.match(line) or (in_law and not mtype):
            info.append({"kind": "body", "mtype": "", "marker": "", "heading": ""})
            seen_body = seen_body or not _DATE_LINE.match(line)
            continue
        nxt = lines[i + 1] if i + 1 < n else ""
        nxt_marked = bool(markers[i + 1][0])  # _marker(nxt)[0]
        no_stop = not (line.endswith(_STOPS) or (line.endswith("\n") and line[:-1].endswith(_STOPS)))  # [。！？!?；;]$
        short = len(line) <= MAX_HEADING_CHARS
        # a line ending in a colon that introduces a numbered or dash list is body text, not a heading;
        # over a list of ● ◆ items (今年的主要预期目标是：) it stays a heading, as statistics take the
        # list's kind (目标) and year from the heading above it
        lead_in = line.endswith(("：", ":")) and bool(nxt_marked or _DASH_BULLET.match(nxt))
        row = {"kind": "body", "mtype": "", "marker": marker, "heading": ""}
        if _TABLE_MARKER.match(line):
            row["kind"] = "table"  # where a table stood (its cells are in zhpolicy.tables)
        elif _META.match(line):
            row["kind"] = "meta"
        elif _CAPTION.match(line):
            row["kind"] = "caption"
        elif _BULLET.match(line):
            row["kind"] = "item"
        elif mtype:
            row.update(kind="heading", mtype=mtype, heading=_heading_text(line, marker))
        elif (i == 0 or (not seen_body and all(r["kind"] == "front" for r in info))) and short and no_stop and "。" not in line:
            row.update(kind="title")  # the first line, or the first after the date lines at the top
        elif (
            not seen_body and short and no_stop and not line.endswith(("：", ":"))
            and not nxt_marked and i > 0 and any(r["kind"] == "title" for r in info)
        ):
            row.update(kind="front")
        elif short and no_stop and not lead_in and "，" not in line and nxt:
            row.update(kind="heading", mtype="plain", heading=line.rstrip("：:"))
        elif (
            len(spans[i]) == 1 and line.endswith("。") and len(line) <= 60
            and nxt and not nxt_marked and len(nxt) >= 1.5 * len(line) and not _META.match(nxt)
        ):
            row.update(kind="heading", mtype="plain", heading=line.rstrip("。"))
        if row["kind"] in ("body", "item", "meta"):
            seen_body = True
        info.append(row)
    for i in range(_signature_start(lines, info), n):
        info[i] = {"kind": "signature", "mtype": "", "marker": "", "heading": ""}
    # lead phrases: accepted when ≥ 2 paragraphs of the same section open with one
    groups: list[list[int]] = [[]]
    for i, (line, row) in enumerate(zip(lines, info)):
        if row["kind"] == "heading":
            groups.append([])
        elif row["kind"] == "body" and _is_lead(line, spans[i]):
            groups[-1].append(i)
    for group in groups if not law else ():
        if len(group) >= 2:
            for i in group:
                first = _first_sentence(lines[i])
                label = "lead_label" if "：" in first else "lead"
                info[i].update(kind="heading", mtype=label, heading=first.rstrip("。"), lead=True)
    return info


def _points(para: str) -> list[tuple[str, int, str]]:
    """Return in-paragraph enumeration points as (marker, heading offset, heading)."""
    families = [[m for m in pattern.finditer(para) if not m.start() or para[m.start() - 1] in _CLAUSE_END]
                for pattern in _POINT_MARKERS.values()]
    return _point_entries(para, families)


def _point_entries(para: str, families: list[list[re.Match]]) -> list[tuple[str, int, str]]:
    """The points of the families of marker matches that have at least two, with their headings."""
    found = []
    for hits in families:
        if len(hits) < 2:
            continue
        for m in hits:
            start = m.end(1)
            while start < len(para) and para[start] in "，、":
                start += 1
            stop = re.search(r"[，。；：]", para[start:])
            heading = para[start:start + stop.start()] if stop else para[start:start + MAX_HEADING_CHARS]
            found.append((m.group(1), start, heading))
    return sorted(found, key=lambda t: t[1])


def _doc_structure(doc_id: str, text: str) -> tuple[list[dict], list[dict], list[dict]]:
    lines = text.split("\n")
    spans = [_split_sentences(line) for line in lines]
    info = _classify(lines, spans)
    paragraphs, outline, sentences = [], [], []
    stack: list[str] = []  # marker types, index = level - 1
    path: list[str] = []  # heading texts along the stack
    counters: list[int] = []
    offset = 0
    numbered = ""  # the section number of the heading path, made again at each heading
    for para_id, (line, row) in enumerate(zip(lines, info)):
        start, end = offset, offset + len(line)
        offset = end + 1
        if row["kind"] == "heading" or row.get("article"):
            mtype = row["mtype"]
            if mtype in stack:
                level = stack.index(mtype) + 1
            else:
                level = len(stack) + 1
            del stack[level - 1:], path[level - 1:]
            counters = counters[:level] + [0] * max(0, level - len(counters))
            counters[level - 1] += 1
            stack.append(mtype)
            path.append(row["heading"])
            numbered = ".".join(str(c) for c in counters[: len(stack)])
            h_start = start + (line.find(row["heading"]) if row["heading"] in line else 0)
            outline.append({
                "doc_id": doc_id, "level": level, "marker": row["marker"],
                "kind": "lead" if row.get("lead") else "article" if row.get("article") else "heading",
                "heading": row["heading"], "para_id": para_id,
                "start": h_start, "end": h_start + len(row["heading"]),
            })
        elif row["kind"] in ("title", "front", "signature"):
            outline.append({
                "doc_id": doc_id, "level": 0, "marker": "", "kind": row["kind"], "heading": line,
                "para_id": para_id, "start": start, "end": end,
            })
        section = numbered
        section_title = path[-1] if path else ""
        if row["kind"] == "signature":  # the 落款 belongs to the whole document, not to its last section
            section, section_title = "", ""
        paragraphs.append({
            "doc_id": doc_id, "para_id": para_id, "kind": row["kind"], "level": len(stack) if section else 0,
            "section": section, "section_title": section_title, "start": start, "end": end, "text": line,
        })
        if row["kind"] in ("body", "item") or row.get("lead"):
            for marker, pos, heading in _points(line):
                outline.append({
                    "doc_id": doc_id, "level": len(stack) + 1, "marker": marker, "kind": "point",
                    "heading": heading, "para_id": para_id,
                    "start": start + pos, "end": start + pos + len(heading),
                })
        for s, e in spans[para_id]:
            raw = line[s:e]
            opened = raw.lstrip()  # never blank (see _split_sentences): raw.strip() is opened.rstrip()
            lead = len(raw) - len(opened)
            stripped = opened.rstrip()
            sentences.append({
                "doc_id": doc_id, "para_id": para_id, "sent_id": len(sentences),
                "section": section, "section_title": section_title,
                "start": start + s + lead, "end": start + s + lead + len(stripped), "text": stripped,
            })
    return paragraphs, outline, sentences


_OUTLINE_COLS = ["doc_id", "level", "marker", "kind", "heading", "para_id", "start", "end"]
_PARA_COLS = ["doc_id", "para_id", "kind", "level", "section", "section_title", "start", "end", "text"]
_SENT_COLS = ["doc_id", "para_id", "sent_id", "section", "section_title", "start", "end", "text"]


#: The structures of the documents read last, so that paragraphs, outline and sentences of the
#: same documents (statistics, chains and themes each ask for them) are worked out once. The
#: cache holds at most this many characters of text; the rows it hands out are never changed.
CACHE_CHARS = 4_000_000
_cache: OrderedDict[tuple[str, str], tuple[list[dict], list[dict], list[dict]]] = OrderedDict()
_cache_chars = 0
_cache_lock = threading.Lock()


def _structure(doc_id: str, text: str) -> tuple[list[dict], list[dict], list[dict]]:
    """:func:`_doc_structure`, remembered for the documents read last (see :data:`CACHE_CHARS`)."""
    global _cache_chars
    key = (doc_id, text)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    value = _doc_structure(doc_id, text)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = value
            _cache_chars += len(text)
        while _cache_chars > CACHE_CHARS and len(_cache) > 1:
            (_, old_text), _ = _cache.popitem(last=False)
            _cache_chars -= len(old_text)
    return value


class DocumentStructure(NamedTuple):
    """The structure of one cleaned document as row dicts: ``paragraphs`` and ``sentences`` with the
    columns of :func:`paragraphs` and :func:`sentences`, ``outline`` with those of :func:`outline`
    (in the order found, not yet sorted by ``start``)."""

    paragraphs: list[dict]
    outline: list[dict]
    sentences: list[dict]


def document_structure(doc_id: str, text: str) -> DocumentStructure:
    """The paragraph, outline and sentence rows of one cleaned document, from the cache that
    :func:`paragraphs`, :func:`outline` and :func:`sentences` share: an extractor that walks a corpus
    document by document reads them without building tables or splitting a document twice. The rows
    are shared with every other caller: read them, never change them."""
    return DocumentStructure(*_structure(doc_id, text))


def _collect(docs, which: int, columns: list[str]) -> pd.DataFrame:
    rows = []
    for doc_id, text in iter_docs(docs):
        rows.extend(_structure(doc_id, text)[which])
    return pd.DataFrame(rows, columns=columns)


def paragraph_columns() -> list[str]:
    """The columns of :func:`paragraphs`, in order."""
    return list(_PARA_COLS)


def paragraphs(docs) -> pd.DataFrame:
    """One row per paragraph: ``doc_id, para_id, kind, level, section, section_title, start, end, text``.

    ``start``/``end`` are offsets into the cleaned text; ``section`` numbers the heading path
    (``"2.3"`` = third subsection of the second section)."""
    return _collect(docs, 0, _PARA_COLS)


def outline(docs) -> pd.DataFrame:
    """One row per title, front line, heading, lead phrase, enumeration point or signature line:
    ``doc_id, level, marker, kind, heading, para_id, start, end``. Titles, front lines (subtitle,
    dateline, speaker) and signature lines (落款) have level 0; the first kind of heading is level 1.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    table = _collect(docs, 1, _OUTLINE_COLS)
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def sentences(docs) -> pd.DataFrame:
    """One row per sentence (split after 。！？ and any closing quote or citation mark).

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    return _collect(docs, 2, _SENT_COLS)


def document_stats(docs) -> pd.DataFrame:
    """One row per document: characters, paragraphs, headings, sentences and sentence length.

    ``n_chars`` counts characters other than white space; sentence lengths are in characters.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    paras = paragraphs(docs)
    sents = sentences(docs)
    sents = sents.assign(chars=sents["text"].str.len())
    rows = []
    for doc_id, text in iter_docs(docs):
        p = paras[paras["doc_id"] == doc_id]
        s = sents[sents["doc_id"] == doc_id]
        rows.append({
            "doc_id": doc_id,
            "n_chars": count_chars(text),
            "n_paragraphs": int((p["kind"] != "title").sum()),
            "n_headings": int((p["kind"] == "heading").sum()),
            "n_sentences": len(s),
            "mean_sentence_chars": round(float(s["chars"].mean()), 1) if len(s) else 0.0,
            "max_sentence_chars": int(s["chars"].max()) if len(s) else 0,
        })
    return pd.DataFrame(rows)
