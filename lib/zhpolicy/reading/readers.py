"""Read the formats people keep their texts in: plain text, Word ``.docx``, PDF with a text
layer, and web pages (``.html``/``.htm``).

Each reader is a small function ``path -> Document`` (the text plus what the file itself says
about its title and date). Files that are not documents (``README``, ``LICENSE``, the catalog,
hidden files, images, legacy ``.doc``, scanned or encrypted PDFs …) get a reason in Chinese that
says what the file is and what to do: :func:`skip_reason` for what is known from the name alone,
a :class:`~zhpolicy.errors.CorpusError` from the reader for what is only known after opening it.

Libraries: python-docx (paragraphs and tables of ``.docx``, merged cells kept apart from equal
neighbours), pypdfium2 and pdfplumber (PDF by layout, see :mod:`zhpolicy.reading.pdf`),
BeautifulSoup with Python's own ``html.parser`` (web pages, see :mod:`zhpolicy.reading.web`),
markdown-it-py and PyYAML (Markdown and front matter, see :mod:`zhpolicy.reading.markup`).
Tables come out as :class:`~zhpolicy.reading.tables.Table` objects, never glued into the prose.

Limits on what a single file may cost (each refused with a message naming the limit):
:data:`MAX_DOCX_XML_BYTES` of XML unpacked from one ``.docx``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError
from . import markup
from .dates import normalise_date
from .pdf import PAGE_BREAK, read_pdf_layout
from .tables import MARKER, Table, caption_above
from .textio import decode_bytes, read_bytes
from .web import html_to_text, read_html_page

__all__ = ["Document", "PAGE_BREAK", "html_to_text", "read_document", "skip_reason"]

#: The most XML a ``.docx`` may unpack to (its text and styles; images do not count). A report of
#: a thousand pages holds about 20 MB; a file that unpacks to more is refused, not read for minutes.
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024

#: Endings read as plain text (UTF-8, GB18030/GBK, Big5 …; HTML tags inside are removed in cleaning).
TEXT_SUFFIXES = (".txt", ".md")
#: All endings read as documents: the one list of readable formats (``READERS`` gives each its reader;
#: messages, the catalog draft and the explorer's upload filter are made from this list).
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
    ".xlsx": "这是 Excel 表格文件，不作为文本读取。如果里面是文字，请复制到 Word 另存为 .docx 或 .txt；"
             "如果是数据表，请用 pandas.read_excel 读取。",
    ".xls": "这是 Excel 表格文件，不作为文本读取。如果里面是文字，请复制到 Word 另存为 .docx 或 .txt；"
            "如果是数据表，请用 pandas.read_excel 读取。",
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
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


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
    if name.split(".", 1)[0] in NOT_DOCUMENT_NAMES and path.suffix.lower() in ("", ".txt", ".md"):
        return "这是说明文件（README/LICENSE 等），不是文档。要把它当文档分析，请改个文件名。"
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return None
    if suffix in UNREAD_KINDS:
        return UNREAD_KINDS[suffix]
    return f"不是能读取的文档类型（“{path.suffix or '无扩展名'}”）。能读取的是 {' '.join(DOCUMENT_SUFFIXES)}。"


# ---------------------------------------------------------------- plain text


def _front_matter_fields(meta: dict) -> dict:
    out = {}
    title = markup.front_matter_field(meta, "title", "标题", "题目")
    date = normalise_date(markup.front_matter_field(meta, "date", "日期", "pubdate", "published", "发布日期", "发布时间"))
    for key, names in (("author", ("author", "作者")), ("source", ("source", "来源", "publisher", "发布机关"))):
        value = markup.front_matter_field(meta, *names)
        if value:
            out[key] = value
    return {"title": title, "date": date, **out}


def read_plain(path: Path) -> Document:
    """A ``.txt``/``.md`` file, decoded by :func:`zhpolicy.reading.textio.decode_bytes`; YAML front
    matter and legal-database export headers become metadata; a ``.md`` file is read with a
    Markdown parser (headings, lists and tables kept, markup and HTML comments dropped)."""
    text, encoding = decode_bytes(read_bytes(path), str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    doc = Document(text, encoding)
    front, body = markup.split_front_matter(text)
    if front:
        fields = _front_matter_fields(front)
        doc.meta.update({k: v for k, v in fields.items() if k in ("author", "source") and v})
        if fields["title"]:
            doc.title, doc.title_source = fields["title"], "front_matter"
        if fields["date"]:
            doc.date, doc.date_source = fields["date"], "front_matter"
        text = body
    export, body = markup.split_export_header(text)
    if export:
        doc.meta.update({k: v for k, v in export.items() if k in ("issuer", "doc_number", "url", "citation_code")})
        if export.get("issuer") and "source" not in doc.meta:
            doc.meta["source"] = export["issuer"]
        if export.get("title") and not doc.title:
            doc.title, doc.title_source = export["title"], "export_header"
        date = normalise_date(export.get("date", ""))
        if date and not doc.date:
            doc.date, doc.date_source = date, "export_header"
        text = body.lstrip("\n")
    if path.suffix.lower() == ".md":
        text, doc.tables, _ = markup.markdown_text(text)
    doc.text = text
    return doc


# ---------------------------------------------------------------- HTML


def read_html(path: Path) -> Document:
    """A web page: the article's main text, with the page's title and publication date, and its
    data tables (see :mod:`zhpolicy.reading.web`)."""
    page = read_html_page(read_bytes(path), str(path))
    return Document(page["text"], page["encoding"], page["title"], page["title_source"], page["date"],
                    page["date_source"], tables=page["tables"])


# ---------------------------------------------------------------- what a misnamed file is

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def what_file_is(path: Path) -> str:
    """What a file that does not open as its ending says really is, from its first bytes: a
    renamed Excel/PowerPoint file, a password-protected Office file, a legacy .doc, a PDF …;
    "" when it cannot be told."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        return ""
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return "damaged"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("ppt/") for n in names):
            return "pptx"
        if "word/document.xml" not in names:
            return "zip"
        return ""
    if head.startswith(_OLE):
        try:
            data = path.read_bytes()[: 4 * 1024 * 1024]
        except OSError:
            return ""
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        if "Workbook".encode("utf-16-le") in data:
            return "xls"
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    return ""


_KIND_ADVICE = {
    "xlsx": "这其实是 Excel 表格文件（.xlsx），只是扩展名写成了 {ext}。表格不作为文本读取；如果里面是文字，请复制到 Word 另存为 .docx。",
    "xls": "这其实是旧版 Excel 表格文件（.xls），只是扩展名写成了 {ext}。表格不作为文本读取；如果里面是文字，请复制到 Word 另存为 .docx。",
    "pptx": "这其实是 PowerPoint 演示文稿（.pptx），只是扩展名写成了 {ext}。需要的话把文字复制到 .txt 里。",
    "encrypted": "这个 Office 文件加了密码（已加密），无法读取。请用密码打开后“另存为”一份不加密的 .docx。",
    "doc": "这其实是旧版 Word 文件（.doc），只是扩展名写成了 {ext}。请在 Word 或 WPS 里打开后“另存为” .docx。",
    "pdf": "这其实是 PDF 文件，只是扩展名写成了 {ext}。请把扩展名改成 .pdf。",
    "zip": "这是一个压缩包，不是 Word 文件。请先解压，再把里面的文本放进来。",
}


def _unreadable_office(path: Path, exc: Exception | None = None) -> CorpusError:
    kind = what_file_is(path)
    if kind in _KIND_ADVICE:
        return CorpusError(f"{_KIND_ADVICE[kind].format(ext=path.suffix)}：{path}（{kind}）")
    detail = f"（{type(exc).__name__}）" if exc is not None else ""
    return CorpusError(f"无法打开这个 Word 文件，文件可能已损坏或不完整：{path}。请在 Word 或 WPS 里打开后“另存为” .docx。{detail}")


# ---------------------------------------------------------------- Word


def _check_docx_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            xml = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable_office(path, exc) from None
    if xml > MAX_DOCX_XML_BYTES:
        raise CorpusError(
            f"这个 Word 文件解压后的文字部分有 {xml / 1024 / 1024:.0f} MB，超过单个文件的上限 "
            f"{MAX_DOCX_XML_BYTES // 1024 // 1024} MB（正常的几百页报告也只有二三十 MB；可能是异常或恶意构造的文件）：{path}。"
            "如果确实需要，请在 Word 里打开后分成几个文件另存。（docx too large when unpacked）")


def _docx_table(table) -> Table:
    """A Word table with merged cells told apart from equal neighbours: a cell that spans grid
    places (gridSpan, vMerge) fills them with its text and ``merged`` True; two cells that merely
    hold the same text (``120 | 120``) are both kept."""
    cells, merged = [], []
    header_rows = 0
    seen: set[int] = set()
    alive = []  # keeps every cell element referenced, so that no id() is reused while we look
    for i, row in enumerate(table.rows):
        texts, flags = [], []
        tr_pr = row._tr.trPr
        if tr_pr is not None and any(child.tag.endswith("tblHeader") for child in tr_pr) and header_rows == i:
            header_rows = i + 1
        for cell in row.cells:
            alive.append(cell._tc)
            key = id(cell._tc)
            texts.append(cell.text)
            flags.append(key in seen)
            seen.add(key)
        cells.append(texts)
        merged.append(flags)
    return Table(cells, merged, header_rows=header_rows or -1, source="docx")


def read_docx(path: Path) -> Document:
    """A Word ``.docx`` file: paragraphs in document order with a ``[表N]`` line where each table
    stood (the tables themselves in ``Document.tables``), its title style and core properties."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    _check_docx_size(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise _unreadable_office(path, exc) from None
    except Exception as exc:  # noqa: BLE001 - lxml and zip errors of all kinds
        raise _unreadable_office(path, exc) from None
    lines: list[str] = []
    found: list[Table] = []
    heading = ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = para.text.strip()
            if text:
                style = (para.style.name if para.style is not None else "") or ""
                if not heading and not lines and style in ("Title", "标题", "Heading 1", "标题 1"):
                    heading = text
                elif not heading and style in ("Title", "标题"):
                    heading = text
                lines.append(text)
        elif tag == "tbl":
            table = _docx_table(DocxTable(child, document))
            if table.is_empty():
                continue
            if len(table.cells) < 2 or len(table.cells[0]) < 2:
                lines.extend(" ".join(c for c in row if c) for row in table.cells if any(table.cells))
                continue
            table.caption = caption_above(lines)
            found.append(table)
            lines.append(MARKER.format(n=len(found)))
    props = document.core_properties
    title, title_source = (props.title or "").strip(), "docx_properties"
    if heading:
        title, title_source = heading, "heading"
    created = props.created
    # python-docx's own template carries 2013-12-23 23:15: a file made by a script, not a date
    placeholder = created is not None and (created.year, created.month, created.day, created.hour) == (2013, 12, 23, 23)
    date = created.date().isoformat() if created and created.year > 1980 and not placeholder else ""
    return Document("\n".join(lines), "docx", title, title_source if title else "",
                    date, "docx_properties" if date else "", tables=found)


# ---------------------------------------------------------------- PDF


def read_pdf(path: Path) -> Document:
    """A PDF with a text layer, read by layout (see :mod:`zhpolicy.reading.pdf`): pages separated
    by form feeds, wrapped lines marked, tables taken out, metadata as a last resort.

    A scanned PDF (no text layer), a PDF that needs a password or has no pages is refused with what
    to do; one with some image-only pages is read with a warning."""
    if what_file_is(path) not in ("pdf", ""):
        raise _unreadable_office(path)
    try:
        page = read_pdf_layout(path)
    except CorpusError:
        raise
    except Exception as exc:  # noqa: BLE001 - PDFium and pdfplumber raise many kinds on broken files
        raise CorpusError(f"无法读取这个 PDF（文件可能已损坏）：{path}。请用 PDF 阅读器打开看看；能打开的话，“另存为”一份新的 PDF "
                          f"再试。（damaged PDF: {type(exc).__name__}: {exc}）") from None
    doc = Document(page["text"], "pdf", page["title"], "pdf_metadata" if page["title"] else "",
                   page["date"], "pdf_metadata" if page["date"] else "", tables=page["tables"],
                   warnings=page["warnings"])
    for key in ("title_lines", "print_title", "browser_print"):
        if page.get(key):
            doc.meta[key] = page[key]
    return doc


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
    if not doc.text.strip() and not doc.tables:
        raise CorpusError(f"文件里没有可分析的文字：{path}（empty document）")
    return doc
