"""Read the formats people keep their texts in: plain text, Word ``.docx``, PDF with a text
layer, and web pages (``.html``/``.htm``).

Each reader is a small function ``path -> Document`` (the text plus what the file itself says
about its title and date). Files that are not documents (``README``, ``LICENSE``, the catalog,
hidden files, images, legacy ``.doc``, scanned or encrypted PDFs …) get a reason in Chinese that
says what the file is and what to do: :func:`skip_reason` for what is known from the name alone,
a :class:`~zhpolicy.errors.CorpusError` from the reader for what is only known after opening it.

Libraries: python-docx (paragraphs and tables of ``.docx``), pypdf (text layer and metadata of
PDFs; pure Python), BeautifulSoup with Python's own ``html.parser`` (web pages, and HTML tags left
in ``.txt``/``.md`` files). The main text of a web page is found by a small readability step:
navigation, headers, footers, scripts and forms are dropped, and the element whose paragraphs hold
the most text wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError
from .textio import decode_bytes, read_bytes

#: Endings read as plain text (UTF-8, GB18030/GBK, Big5 …; HTML tags inside are removed in cleaning).
TEXT_SUFFIXES = (".txt", ".md")
#: All endings read as documents.
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf", ".html", ".htm")

#: File names (lower case, before the first dot) that describe a folder rather than belong to it.
NOT_DOCUMENT_NAMES = ("readme", "license", "licence", "copying", "changelog", "authors", "notice")

#: Endings that are known but not read, with what the user should do.
UNREAD_KINDS = {
    ".doc": "这是旧版 Word 文件（.doc），无法直接读取。请在 Word 或 WPS 里“另存为” .docx 或 .txt 后再放进来。",
    ".wps": "这是 WPS 文字文件（.wps），无法直接读取。请在 WPS 里“另存为” .docx 或 .txt 后再放进来。",
    ".rtf": "这是 RTF 文件，无法直接读取。请另存为 .docx 或 .txt。",
    ".odt": "这是 OpenDocument 文件（.odt），无法直接读取。请另存为 .docx 或 .txt。",
    ".pptx": "这是演示文稿，不作为文本读取。需要的话把文字复制到 .txt 里。",
    ".ppt": "这是演示文稿，不作为文本读取。需要的话把文字复制到 .txt 里。",
    ".xlsx": "这是表格文件，不作为文本读取。",
    ".xls": "这是表格文件，不作为文本读取。",
    ".csv": "这是表格文件，不作为文本读取（只有名为 catalog.csv 的目录文件会被用作元数据）。",
    ".zip": "这是压缩包。请先解压，再把里面的文本放进来。",
    ".rar": "这是压缩包。请先解压，再把里面的文本放进来。",
    ".7z": "这是压缩包。请先解压，再把里面的文本放进来。",
    ".caj": "这是知网 CAJ 文件，无法直接读取。请用 CAJViewer 导出为 PDF（带文字）或 .txt。",
    ".ofd": "这是 OFD 版式文件，无法直接读取。请另存为 PDF（带文字）或 .txt。",
}
_IMAGE = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic")
for _ending in _IMAGE:
    UNREAD_KINDS[_ending] = "这是图片。需要先做文字识别（OCR），把识别出的文字存成 .txt 再放进来。"


@dataclass
class Document:
    """What a reader returns: the text and what the file itself says about it."""

    text: str
    encoding: str
    title: str = ""
    title_source: str = ""
    date: str = ""
    date_source: str = ""


def skip_reason(path: Path, relative: str | None = None) -> str | None:
    """Why the file *path* is not read as a document (from its name alone), or None to read it.

    *relative* is the path inside the corpus folder (used to spot hidden subfolders)."""
    parts = Path(relative).parts if relative else (path.name,)
    if any(part.startswith((".", "~$")) for part in parts):
        return "隐藏文件或临时文件，不是文档。"
    name = path.name.lower()
    if name == "catalog.csv":
        if len(parts) > 1:
            return "子文件夹里的 catalog.csv 不会被使用：目录文件要放在语料文件夹的最上层。"
        return "这是目录文件：它的内容用作各篇文档的元数据（标题、日期等），本身不是文档。"
    if name.split(".", 1)[0] in NOT_DOCUMENT_NAMES:
        return "这是说明文件（README/LICENSE 等），不是文档。要把它当文档分析，请改个文件名。"
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return None
    if suffix in UNREAD_KINDS:
        return UNREAD_KINDS[suffix]
    return f"不是能读取的文档类型（“{path.suffix or '无扩展名'}”）。能读取的是 .txt .md .docx .pdf .html .htm。"


# ---------------------------------------------------------------- plain text


def read_plain(path: Path) -> Document:
    """A ``.txt``/``.md`` file, decoded by :func:`zhpolicy.reading.textio.decode_bytes`."""
    text, encoding = decode_bytes(read_bytes(path), str(path))
    return Document(text, encoding)


# ---------------------------------------------------------------- HTML

#: Tags after which a line ends when HTML is turned into text.
BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "main", "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "hr", "td", "th",
    "title", "figcaption", "center",
)
#: Elements that are never part of an article's text.
NOISE_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
              "form", "iframe", "button", "select", "input", "head")
_NOISE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|head|breadcrumbs?|crumb|sidebar|side|share|"
    r"copyright|banner|login|search|toolbar|related|recommend|ad|ads|comment|comments|position|location|weizhi)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_HTML_DATE_META = ("pubdate", "publishdate", "article:published_time", "og:published_time", "datepublished",
                   "dc.date", "dcterms.issued", "firstpublishedtime", "publish_date", "date")
_HTML_TITLE_META = ("articletitle", "og:title", "dc.title", "title")
_TEXTY = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def _soup(markup: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "html.parser")


def _soup_text(node) -> str:
    """The text of a BeautifulSoup node, one block element a line, inline tags joined."""
    for br in node.find_all("br"):
        br.replace_with("\n")
    for tag in node.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = node.get_text("")
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


def _main_node(soup):
    """The element holding the article: the one whose paragraphs carry the most text."""
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for para in soup.find_all(("p", "td", "pre", "blockquote", "div", "li")):
        if para.name in ("div", "td", "li") and para.find(("p", "div", "table", "ul")):
            continue  # a container, scored through its paragraphs
        # text inside links (menus, "related news" lists) does not count: articles are not links
        linked = sum(len(_TEXTY.findall(a.get_text(""))) for a in para.find_all("a"))
        length = len(_TEXTY.findall(para.get_text(""))) - linked
        if length < 10:
            continue
        for share, anc in ((1.0, para.parent), (0.5, para.parent.parent if para.parent else None)):
            if anc is None or anc.name in ("[document]", "html"):
                continue
            scores[id(anc)] = scores.get(id(anc), 0.0) + share * length
            nodes[id(anc)] = anc
    if not scores:
        return soup.body or soup
    best = max(scores, key=lambda k: (scores[k], -len(nodes[k].get_text(""))))
    return nodes[best]


def _strip_noise(soup) -> None:
    for tag in soup.find_all(NOISE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue  # inside an element removed already
        names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if names.strip() and _NOISE_NAME.search(names) and tag.name not in ("body", "html", "article", "main"):
            tag.decompose()


def _html_encoding(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii").lower() if m else None


def read_html(path: Path) -> Document:
    """A web page: the article's main text, with the page's title and publication date."""
    data = read_bytes(path)
    declared = _html_encoding(data)
    markup = None
    if declared and declared not in ("gb2312", "gbk", "gb18030", "big5"):
        try:
            markup, encoding = data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            markup = None
    if markup is None:
        markup, encoding = decode_bytes(data, str(path))
    soup = _soup(markup)
    title, title_source = _meta(soup, _HTML_TITLE_META), "html_meta"
    if not title and soup.title and soup.title.get_text(strip=True):
        # "关于…的通知_政策文件_某某网" or "某某网 - 关于…的通知": the heading the page title
        # repeats, else its longest part, names the article
        page_title = soup.title.get_text(strip=True)
        h1 = soup.find("h1")
        h1_text = h1.get_text(strip=True) if h1 is not None else ""
        parts = re.split(r"\s*(?:_|｜|\||——| - | — )\s*", page_title)
        title = h1_text if len(h1_text) >= 4 and h1_text in page_title else max(parts, key=len)
        title_source = "html_title"
    date = _meta(soup, _HTML_DATE_META)
    date_source = "html_meta" if date else ""
    page = _soup(markup)
    page_text = _soup_text(page.body or page)
    if not date:
        from .corpus import find_date  # the same date rules as for texts

        date = find_date(page_text)
        date_source = "html_text" if date else ""
    else:
        from .corpus import normalise_date

        date = normalise_date(date)
    _strip_noise(soup)
    heading = soup.find("h1")
    text = _soup_text(_main_node(soup))
    if heading is not None and heading.get_text(strip=True) and heading.get_text(strip=True) not in text[:200]:
        text = heading.get_text(strip=True) + "\n" + text
    elif title and title not in text[:200]:
        text = title + "\n" + text
    if not _TEXTY.search(text):
        raise CorpusError(f"网页里没有找到正文文字：{path}。（no text in web page）")
    return Document(text, f"html ({encoding})", title, title_source if title else "", date, date_source)


# ---------------------------------------------------------------- Word


def read_docx(path: Path) -> Document:
    """A Word ``.docx`` file: paragraphs and table cells in document order, its core title/date."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise CorpusError(
            f"无法打开这个 Word 文件（可能已损坏，或是改了扩展名的旧版 .doc）：{path}。"
            f"请在 Word 或 WPS 里打开后“另存为” .docx。（{type(exc).__name__}）"
        ) from None
    except Exception as exc:  # zip errors and the like
        raise CorpusError(f"无法读取这个 Word 文件：{path}（{type(exc).__name__}: {exc}）") from None
    lines, heading = [], ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            if text:
                lines.append(text)
                style = (para.style.name if para.style is not None else "") or ""
                if not heading and (style.startswith(("Title", "Heading 1", "标题")) or style == "Heading"):
                    heading = text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen = []
                for cell in row.cells:
                    text = cell.text.strip()
                    if text and text not in seen:  # merged cells repeat their text
                        seen.append(text)
                lines.extend(seen)
    props = document.core_properties
    title, title_source = (props.title or "").strip(), "docx_properties"
    if not title and heading:
        title, title_source = heading, "heading"
    created = props.created
    # python-docx's own template carries 2013-12-23 23:15: a file made by a script, not a date
    placeholder = created is not None and (created.year, created.month, created.day, created.hour) == (2013, 12, 23, 23)
    date = created.date().isoformat() if created and created.year > 1980 and not placeholder else ""
    return Document("\n".join(lines), "docx", title, title_source if title else "",
                    date, "docx_properties" if date else "")


# ---------------------------------------------------------------- PDF

#: Separator between PDF pages in the raw text (a form feed); the cleaning step
#: :func:`zhpolicy.reading.clean.drop_page_furniture` uses it to find running heads and page numbers.
PAGE_BREAK = "\f"


def _pdf_date(value) -> str:
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not m or not (1980 < int(m.group(1)) < 2100):
        return ""
    return "-".join(g for g in m.groups() if g)


def read_pdf(path: Path) -> Document:
    """A PDF with a text layer: the pages' text (pages separated by form feeds) and its metadata.

    A scanned PDF (no text layer) or a PDF that needs a password is refused with what to do."""
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - missing crypto support counts as locked
                ok = 0
            if not ok:
                raise CorpusError(
                    f"这个 PDF 加了密码，无法读取文字：{path}。请用密码打开后另存一份不加密的 PDF，"
                    "或把文字复制到 .txt。（encrypted PDF）"
                )
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata or {}
    except CorpusError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise CorpusError(f"无法读取这个 PDF（文件可能已损坏）：{path}（{type(exc).__name__}: {exc}）") from None
    chars = sum(len(_TEXTY.findall(p)) for p in pages)
    if chars < 10 * max(len(pages), 1) / 2:
        raise CorpusError(
            f"这是扫描件（PDF 里没有文字层，只有图片）：{path}。需要先做文字识别（OCR），"
            "把识别出的文字存成 .txt 再放进来。（scanned PDF, no text layer）"
        )
    title = str(meta.get("/Title") or "").strip()
    date = _pdf_date(meta.get("/CreationDate"))
    return Document(PAGE_BREAK.join(pages), "pdf", title, "pdf_metadata" if title else "",
                    date, "pdf_metadata" if date else "")


READERS = {".txt": read_plain, ".md": read_plain, ".docx": read_docx, ".pdf": read_pdf,
           ".html": read_html, ".htm": read_html}


def read_document(path: str | Path) -> Document:
    """Read one document with the reader for its ending; raise :class:`CorpusError` with a
    reason the user can act on when it cannot be read."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CorpusError(f"{skip_reason(path) or '不是文档'}：{path}")
    doc = reader(path)
    if not doc.text.strip():
        raise CorpusError(f"文件里没有可分析的文字：{path}（empty document）")
    return doc
