"""Titles: the label of every table and chart, so never a salutation, a delimiter, a site name or
a field label.

Candidates are ranked by where they come from (:data:`TITLE_SOURCES`, best first): the catalog;
front matter, a web page's meta or headline, an export header's 【标 题】; the title lines of the
document itself (a two-line title joined); the PDF/Word file properties; the file name.
:func:`find_title` reads the title lines of a cleaned text, skipping what comes above a title in
real documents: the issuing office's letterhead (红头), the document number (文号), a signer's
name, dates, bylines, breadcrumbs and menus of saved web pages, field labels (来源：…, 【文献号】…).
"""

from __future__ import annotations

import re

from .dates import normalise_date

TITLE_SOURCES = ("catalog", "front_matter", "html_meta", "export_header", "html_title", "heading", "pdf_layout",
                 "print_header", "docx_properties", "pdf_metadata", "file_name")

_SALUTATION = re.compile(r"^[^，。！？]{1,40}[：:]$")
_DELIMITER = re.compile(r"^[-—=_*~·.。•\s#]{2,}$")
_FIELD = re.compile(r"^(?:【[^】]{1,10}】\s*[\w.\-]*$|(?:来源|作者|发布时间|发布日期|发文日期|时间|日期|字体|字号|浏览次数|点击数|阅读|编辑|"
                    r"责任编辑|责编|记者|通讯员|分享到?|打印|关闭|收藏|索引号|主题分类|发文机关|成文日期|文号|签发人|位置|当前位置|"
                    r"您的位置|URL|原文链接)\s*[：:]?)")
_FURNITURE = re.compile(r"分享|打印|收藏|返回|首页|登录|注册|无障碍|繁体|简体|English|ENGLISH|客户端|扫一扫|主办|承办|版权")
_SITE = re.compile(r"^.{1,14}(?:网|网站|频道|官网|门户|在线|之窗|日报|晚报|新闻)$")
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20|2X|20X)[\dX]{0,2}\s*[〕\]］)）]\s*[\dX第]*\s*号|^[（(]?[^，。]{1,20}\d+号[)）]?$"
                         r"|^(?:19|20)\d\d\s*年\s*第\s*\d+\s*[号號][^，。]{0,8}$|第\s*\d+\s*卷\s*第\s*\d+\s*期")
_LETTERHEAD = re.compile(r"^.{1,30}(?:文件|办公室|办公厅|委员会|人民政府|常务委员会|局|厅|部|党组|单位|集团)$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_LABEL_VALUE = re.compile(r"^[^，。：:]{1,8}[：:]\s*[\w\-./: ]{0,30}$", re.ASCII)
_DATE_ONLY = re.compile(r"^[\d\s:/.\-年月日时分秒〇○一二三四五六七八九十（）()]+$")
_MENU = re.compile(r"^(?:\S{1,8}\s+){3,}\S{1,8}$")
TITLE_END = re.compile(r"(?:通知|意见|办法|规定|决定|方案|规划|报告|公报|公告|通告|批复|函|纲要|条例|细则|要点|计划|讲话|致辞|"
                        r"决议|指引|指南|清单|法|措施|实施意见|工作要点|白皮书|说明|解读|答记者问|发言|命令|令)$")
_MARKER = re.compile(r"^\[表\d+\]$")


def _skip(line: str, previous_skipped: str) -> bool:
    """True for a line that stands above or beside a title but is not one."""
    if (_SALUTATION.match(line) or _DELIMITER.match(line) or _FIELD.match(line) or _DATE_ONLY.match(line)
            or _LABEL_VALUE.match(line)
            or ">" in line or "»" in line or _DOC_NUMBER.search(line)):
        return True
    if len(line) <= 24 and (_FURNITURE.search(line) or _SITE.match(line)):
        return True
    if _MENU.match(line) and not re.search(r"[，。；]", line):
        return True  # a menu bar of a saved web page: 首页 新闻 政务 …
    if len(line) <= 20 and _LETTERHEAD.match(line) and not TITLE_END.search(line):
        return True
    if _NAME.match(line) and previous_skipped:
        return True  # the signer's name under the document number
    date = normalise_date(line)
    return bool(date) and len(re.sub(r"[\s\d年月日:/.\-（）()]", "", line)) <= 2


def find_title(text: str, max_lines: int = 12) -> str:
    """The title printed at the top of a cleaned text, or "" when the text starts with its body.

    Lines above the title that are not titles (see the module's documentation) are skipped; a
    title broken over two lines (``关于印发《…》`` / ``的通知``) is joined; a subtitle starting with
    ``——`` is not part of it."""
    lines = [line.strip().lstrip("#").strip() for line in text.split("\n")[: max_lines * 2] if line.strip()]
    skipped = ""
    head = lines[:max_lines]
    for i, line in enumerate(head):
        if _MARKER.match(line):
            return ""
        if _skip(line, skipped) or (len(line) <= 8 and head.count(line) >= 2):
            # (a short line printed twice at the top is a section or column name: 院会纪录)
            skipped = line
            continue
        if len(line) > 80 or line.endswith(("。", "；")) or line.count("，") > 2 or (len(line) > 40 and "，" in line):
            return ""  # body text: no title line
        title = line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (nxt and not TITLE_END.search(title) and len(nxt) <= 40 and not nxt.startswith(("——", "—", "（", "("))
                and not re.search(r"[。，；：:]", nxt) and (TITLE_END.search(nxt) or nxt.startswith("的"))
                and not _skip(nxt, "")):
            title += nxt
        return title
    return ""


def unbracket(title: str) -> str:
    """A title that is one name in book-title marks, ``《2020年全国性法律公布》``, without the marks."""
    title = title.strip()
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1].strip()
    return title


_SITE_NAME = re.compile(r"(?:网|網|网站|網站|频道|頻道|官网|官網|门户|門戶|在线|之窗|日报|晚报|新闻|新聞|百科|百科全书|百科全書|"
                        r"博客|论坛|論壇|平台|客户端|人民政府|政府网|政府網)$")


def clean_site_title(title: str) -> str:
    """A page title without the site name beside it (``标题- 新华网内蒙古频道`` → ``标题``,
    ``人工智能 - 维基百科，自由的百科全书`` → ``人工智能``): the longest part that is not named like
    a site (…网, …频道, …百科全书, …人民政府), or the longest part when all are."""
    parts = [p.strip() for p in re.split(r"\s*(?:_|｜|\||——|--| - | — |(?<=[^\d\s])-(?=[^\d\s])|- )\s*", title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    named = [p for p in parts if not _SITE_NAME.search(p)] or parts
    return max(named, key=len)


_JUNK_TITLE = re.compile(r"^(?:microsoft word|untitled|无标题|文档\d*|document\d*|新建)|\.(?:docx?|pdf|txt)$",
                         re.IGNORECASE)


def is_junk_title(title: str) -> bool:
    """True for a file property title that names no document (``Microsoft Word - 文档1``, ``a.pdf``)."""
    return not title.strip() or bool(_JUNK_TITLE.search(title.strip())) or _skip(title.strip(), "")
