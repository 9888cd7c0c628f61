"""Web pages (``.html``/``.htm``): the article's main text, its headline, its date and its tables.

Steps (all linear in the size of the page, whatever its nesting depth):

1. **Encoding from the bytes.** Valid UTF-8 with non-ASCII characters is UTF-8 whatever the page
   declares (a GBK page rarely is valid UTF-8); otherwise the declared legacy charset (GB2312 is
   read as its superset GB18030) when it decodes, unless the bytes read as Chinese only in another
   (Big5 bytes declared GB2312 decode as GB18030 nonsense); otherwise the scored detection of
   :func:`zhpolicy.reading.textio.decode_bytes`.
2. **Main text.** Navigation, headers, footers, scripts, forms and elements named like menus,
   share bars, breadcrumbs or related-article lists are dropped; each paragraph's text (text inside
   links does not count) is credited to its parent (and half to its grandparent); the element with
   the most text wins. This small readability step was measured against trafilatura on saved pages
   of government and news sites (docs/reading.md).
3. **Headline and date.** The page's ``<meta>`` (ArticleTitle, og:title, PubDate …) first; else the
   headline element that the page ``<title>`` repeats, or the line printed just above the
   ``发布时间``/``来源`` line; the date printed beside the headline (``发布日期：2016-11-22``,
   ``2019-12-10 07:57:40``).
4. **Tables.** Data tables of the article (not tables used for page layout) become
   :class:`~zhpolicy.reading.tables.Table` objects with a ``[表N]`` marker in the text.
"""

from __future__ import annotations

import re

from ..errors import CorpusError
from .dates import normalise_date
from .tables import MARKER, Table
from .textio import decode_bytes, legacy_reading
from .titles import clean_site_title

#: Tags after which a line ends when HTML is turned into text.
BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "main", "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "hr", "td", "th",
    "title", "figcaption", "center",
)
#: Elements that are never part of an article's text.
NOISE_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
              "iframe", "button", "select", "input", "head", "textarea")  # not <form>: some sites wrap the page in one
_NOISE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|head|breadcrumbs?|crumb|sidebar|side|share|bdshare|"
    r"copyright|banner|login|search|toolbar|related|recommend|ad|ads|comment|comments|position|location|weizhi|"
    r"print|font|fontsize|zoom_tool|editor_name|pages_print|hot|tuijian|xgxw|xiangguan)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_HTML_DATE_META = ("pubdate", "publishdate", "article:published_time", "og:published_time", "datepublished",
                   "dc.date", "dcterms.issued", "firstpublishedtime", "publish_date", "date", "publishtime")
_HTML_TITLE_META = ("articletitle", "og:title", "dc.title", "title")
_TEXTY = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_PARA_TAGS = frozenset(("p", "td", "pre", "blockquote", "div", "li", "section", "article", "dd", "font", "center",
                        "span", "th", "main"))
_DATE_LINE = re.compile(r"(?:发布时间|发布日期|发表时间|时间|日期|来源|发稿时间|信息来源|作者|發布時間|發布日期|發佈日期|"
                        r"發表時間|時間|來源|資料來源|發稿時間|更新日期)\s*[：:]|"
                        r"^\s*(?:19|20)\d\d[-年/.]\d{1,2}[-月/.]\d{1,2}|^\s*(?:中華民國|中华民国|民國|民国)?\s*1\d\d\s*[-年/.]\d{1,2}[-月/.]\d{1,2}")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Cells longer than this, or holding a nested table, mark a table used for page layout.
LAYOUT_CELL_CHARS = 200


def _soup(markup: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "html.parser")


def _soup_text(node) -> str:
    """The text of a BeautifulSoup node, one block element a line, inline tags joined. One
    iterative walk over the tree (no recursion, nothing inserted), so nesting depth costs nothing."""
    from bs4 import CData, NavigableString, Tag

    out: list[str] = []
    stack: list[tuple[object, bool]] = [(node, False)]
    blocks = frozenset(BLOCK_TAGS)
    while stack:
        item, closing = stack.pop()
        if closing:
            out.append("\n")
            continue
        if isinstance(item, Tag):
            if item.name == "br":
                out.append("\n")
                continue
            if item.name in blocks:
                out.append("\n")
                stack.append((item, True))
            stack.extend((child, False) for child in reversed(item.contents))
        elif type(item) in (NavigableString, CData):
            out.append(str(item))
    text = "".join(out)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def html_to_text(markup: str) -> str:
    """Remove HTML tags from *markup* with an HTML parser and return its text (block elements
    on their own lines, entities like ``&nbsp;`` decoded, scripts and styles dropped)."""
    soup = _soup(markup)
    for tag in soup.find_all(("script", "style", "noscript", "template")):
        tag.decompose()
    return _soup_text(soup)


def _meta(soup, names: tuple[str, ...]) -> str:
    for tag in soup.find_all("meta"):
        key = (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower()
        if key in names and (tag.get("content") or "").strip():
            return tag["content"].strip()
    return ""


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """The text of a web page's bytes and the encoding used, decided from the bytes (see the
    module's documentation); the declaration is trusted only when it fits them."""
    if not data.strip():
        raise CorpusError(f"文件是空的，没有可分析的文字：{name}（empty file）")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, name)
    try:
        text = data.decode("utf-8")
        if not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    legacy = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5", "x-gbk": "gb18030"}
    if declared in legacy:
        try:
            text, encoding = data.decode(legacy[declared]), legacy[declared]
        except UnicodeDecodeError:
            pass
        else:  # Big5 bytes also decode as GB18030 (as nonsense): the bytes decide when only they read as Chinese
            found = legacy_reading(data)
            return found if found is not None and found[1] != encoding else (text, encoding)
    try:
        return decode_bytes(data, name)
    except CorpusError:
        if declared and declared not in ("utf-8", "utf8"):
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
        raise


def _strip_noise(soup) -> None:
    """Drop navigation, headers, footers, scripts and elements named like menus or share bars.
    Only the outermost such elements are removed (one pass, whatever the nesting depth)."""
    found = []
    for tag in soup.find_all(True):
        if tag.name in NOISE_TAGS:
            found.append(tag)
            continue
        names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if names.strip() and _NOISE_NAME.search(names) and tag.name not in ("body", "html", "article", "main"):
            found.append(tag)
    marked = {id(tag) for tag in found}
    outermost = []
    for tag in found:
        parent = tag.parent
        while parent is not None and id(parent) not in marked:
            parent = parent.parent
        if parent is None:
            outermost.append(tag)
    for tag in outermost:
        tag.decompose()


_EDITOR = re.compile(r"^\s*[（(【\[]?\s*(?:责任编辑|责编|编辑|来源|責任編輯|責編|編輯|來源)\s*[：:]")


def _drop_editor_lines(soup) -> None:
    """Drop the editor's credit (``责任编辑： 尹世杰``) even when the name sits in its own element."""
    for string in soup.find_all(string=_EDITOR):
        node = string.parent
        for _ in range(2):
            if node is not None and node.parent is not None and len(node.parent.get_text(strip=True)) <= 40:
                node = node.parent
        if node is not None and node.name not in ("body", "html", "[document]") and len(node.get_text(strip=True)) <= 40:
            node.decompose()


def _main_node(soup):
    """The element holding the article: the one whose paragraphs carry the most text. One pass
    over the page's strings (each walks up at most a few levels), so nesting depth costs nothing."""
    para_len: dict[int, int] = {}
    paras: dict[int, object] = {}
    for string in soup.find_all(string=True):
        n = len(_TEXTY.findall(string))
        if not n:
            continue
        node, linked, steps = string.parent, False, 0
        while node is not None and node.name not in _PARA_TAGS and steps < 6:
            linked = linked or node.name == "a"
            node, steps = node.parent, steps + 1
        if node is None or node.name not in _PARA_TAGS or linked:
            continue
        para_len[id(node)] = para_len.get(id(node), 0) + n
        paras[id(node)] = node
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for key, length in para_len.items():
        if length < 10:
            continue
        para = paras[key]
        for share, anc in ((1.0, para.parent), (0.5, para.parent.parent if para.parent else None)):
            if anc is None or anc.name in ("[document]", "html"):
                continue
            scores[id(anc)] = scores.get(id(anc), 0.0) + share * length
            nodes[id(anc)] = anc
    if not scores:
        return soup.body or soup
    best = max(scores, key=lambda k: scores[k])
    return nodes[best]


def _cell_grid(table) -> tuple[list[list[str]], list[list[bool]], int] | None:
    """A data table's grid (rowspan/colspan expanded, merged places marked) and its number of
    header rows; None for a table used for page layout."""
    if table.find("table"):
        return None
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    header_rows = 0
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for i, tr in enumerate(rows):
        j = 0
        cells = tr.find_all(("td", "th"), recursive=False)
        if cells and all(c.name == "th" for c in cells) or tr.find_parent("thead") is not None:
            header_rows = i + 1
        for cell in cells:
            while (i, j) in grid:
                j += 1
            text = " ".join(cell.get_text(" ").split())
            if len(text) > LAYOUT_CELL_CHARS:
                return None
            try:
                rowspan = max(1, min(int(cell.get("rowspan", 1) or 1), 100))
                colspan = max(1, min(int(cell.get("colspan", 1) or 1), 100))
            except ValueError:
                rowspan = colspan = 1
            for di in range(rowspan):
                for dj in range(colspan):
                    grid[(i + di, j + dj)] = (text, di > 0 or dj > 0)
            j += colspan
    if not grid:
        return None
    height = max(i for i, _ in grid) + 1
    width = max(j for _, j in grid) + 1
    if height < 2 or width < 2:
        return None
    cells = [[grid.get((i, j), ("", False))[0] for j in range(width)] for i in range(height)]
    merged = [[grid.get((i, j), ("", False))[1] for j in range(width)] for i in range(height)]
    return cells, merged, header_rows


def _take_tables(node) -> list[Table]:
    """Replace the data tables under *node* by marker lines; return them."""
    found: list[Table] = []
    for table in node.find_all("table"):
        if table.decomposed or table.find_parent("table") is not None:
            continue
        grid = _cell_grid(table)
        if grid is None:
            continue
        cells, merged, header_rows = grid
        found.append(Table(cells, merged, header_rows=header_rows if header_rows else -1, source="html"))
        table.replace_with(f"\n{MARKER.format(n=len(found))}\n")
    return found


def _title_parts(page_title: str) -> list[str]:
    parts = re.split(r"\s*(?:_|｜|\||——|--| - | — |(?<=[^\d\s])-(?=[^\d\s]))\s*", page_title)
    return [p for p in parts if p.strip()]


def _line_above(lines: list[str]) -> str:
    """The headline among the (up to three) lines above a date line, nearest first: a line of 4 to 100
    characters with Chinese in it (not a breadcrumb, a date line or a document code such as
    ``A 13/14-24``), or a title set in short lines (``立法会`` / ``议程``), joined."""
    short: list[str] = []
    for prev in reversed(lines):
        chinese = bool(_HAN.search(prev))
        if chinese and len(prev) < 4 and not _DATE_LINE.search(prev):
            short.insert(0, prev)
            continue
        if short:
            break
        if (4 <= len(prev) <= 100 and chinese and ">" not in prev and not _DATE_LINE.search(prev)
                and not prev.startswith(("首页", "首頁"))):
            return prev
    joined = "".join(short)
    return joined if len(joined) >= 4 else ""


def _headline(soup, page_lines: list[str], page_title: str) -> tuple[str, int]:
    """The article's headline and its line number in the page text (-1 when not found there)."""
    candidates = []
    for tag in soup.find_all(("h1", "h2", "h3")):
        text = tag.get_text(" ", strip=True)
        if 4 <= len(text) <= 100:
            candidates.append(text)
    above = ""
    for i, line in enumerate(page_lines):
        if _DATE_LINE.search(line) and len(line) <= 120:
            above = _line_above(page_lines[max(0, i - 3):i])
            if above:
                break
    in_title = [c for c in candidates if c in page_title]
    parts = _title_parts(page_title)
    if in_title:
        best = max(in_title, key=len)
    elif above and (above in page_title or not page_title):
        best = above
    elif above and max((len(p) for p in parts), default=0) <= 12:
        best = above  # the page title names only the site and the column (新闻动态--某某学会官网)
    else:
        best = ""
    if not best and page_title:
        best = clean_site_title(page_title)
        if above and (above in best or best in above) and len(above) > len(best) / 2:
            best = above if len(above) <= len(best) else best
    line = next((i for i, x in enumerate(page_lines) if best and (x == best or best in x and len(x) < len(best) + 10)), -1)
    return best, line


def _date_near(page_lines: list[str], start: int) -> str:
    """The first full date printed within a few lines after the headline."""
    for line in page_lines[max(start, 0): max(start, 0) + 8]:
        if len(line) <= 120:
            date = normalise_date(line)
            if len(date) == 10:
                return date
    return ""


def read_html_page(data: bytes, name: str) -> dict:
    """A web page's main text (with ``[表N]`` markers), tables, headline and date with their
    sources, as a dict for :func:`zhpolicy.reading.readers.read_html`."""
    markup, encoding = decode_page(data, name)
    soup = _soup(markup)
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    meta_title = _meta(soup, _HTML_TITLE_META)
    meta_date = normalise_date(_meta(soup, _HTML_DATE_META))
    for tag in soup.find_all(("script", "style", "noscript", "template")):
        tag.decompose()
    page_lines = _soup_text(soup.body or soup).split("\n") if not meta_title or not meta_date else []
    headline, at = ("", -1)
    if not meta_title or not meta_date:
        headline, at = _headline(soup, page_lines, page_title)
    title, title_source = (meta_title, "html_meta") if meta_title else (headline, "html_title")
    if meta_date:
        date, date_source = meta_date, "html_meta"
    else:
        date = _date_near(page_lines, at) if at >= 0 else ""
        date_source = "html_text" if date else ""
    _strip_noise(soup)
    _drop_editor_lines(soup)
    main = _main_node(soup)
    found = _take_tables(main)
    text = _soup_text(main)
    if title and title not in text.split("\n", 5)[:5]:
        text = title + "\n" + text
    if not _TEXTY.search(text):
        raise CorpusError(f"网页里没有找到正文文字：{name}。（no text in web page）")
    return {"text": text, "encoding": f"html ({encoding})", "title": title, "title_source": title_source if title else "",
            "date": date, "date_source": date_source, "tables": found}
