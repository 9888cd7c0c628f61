"""PDF by layout: the text layer read with each character's position, so that the reader knows
which line breaks the page layout made and which the author made.

Library choice (measured on real government PDFs, see docs/reading.md): **pypdfium2** (PDFium,
BSD/Apache) gives every character with its box and font size, several times faster than
pdfminer.six-based readers and faster than pypdf's own text extraction; **pdfplumber** (MIT, on
pdfminer.six) finds ruled tables, and is only asked about pages that have ruling lines. PyMuPDF is
AGPL and not used.

What the reader does with the geometry:

* a line that runs to the right margin of the text block, followed by a line that starts at the
  left margin without indent, at the usual line spacing, in the same font size and not opening an
  outline item (一、 （一） 1. 第一条 …), is *wrapped*: the break is written as U+2028 (LINE
  SEPARATOR) in the raw text, and the cleaning step ``drop_page_furniture`` joins it (counted in
  the cleaning audit); every other break is a paragraph break ``\\n``;
* a line whose CJK characters are spread out (``第 一 产 业``, justified or letter-spaced headings)
  is closed up;
* pages are separated by form feeds ``\\f`` so that the cleaning step can drop page numbers, running
  heads and browser-print furniture (time stamp, page title, URL, ``1/2``);
* tables with ruling lines become :class:`~zhpolicy.reading.tables.Table` objects and a marker
  line ``[表N]`` in the prose;
* Kangxi radicals that some PDF producers write instead of the ideographs (``⼈⼯`` for 人工) are
  mapped back;
* a PDF whose pages are mostly images with no text is refused as a scan; one with some image-only
  pages is read, with a warning naming how many pages had no text.
"""

from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from dataclasses import dataclass

from ..errors import CorpusError
from .dates import pdf_date
from .tables import MARKER, Table

#: Separator between PDF pages in the raw text (a form feed).
PAGE_BREAK = "\f"
#: The break the reader writes where the layout, not the author, ended a line.
SOFT_BREAK = "\u2028"

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_OUTLINE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百零\d]+[章节条部分]|"
    r"[•·●■◆▪\-—]\s*|附件|[A-Za-z][.．)]\s)")
_KANGXI = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")
#: Pages with fewer non-space characters than this count as "no text" (image or blank pages).
MIN_PAGE_CHARS = 20


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float       # PDF coordinates: y grows upwards
    bottom: float
    size: float      # font size

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def _close_spacing(text: str) -> str:
    """Close up a line whose CJK characters are each separated by spaces (letter-spaced)."""
    pairs = re.findall(r"(?<=[^\x00-\x7f])( ?)(?=[^\x00-\x7f])", text)
    spaced = sum(1 for p in pairs if p)
    if spaced >= 2 and spaced >= 0.6 * len(pairs):
        text = re.sub(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", "", text)
        text = re.sub(r"(?<=[A-Za-z]) +(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) +(?=[A-Za-z])", "", text)
    return text


def _map_radicals(text: str) -> str:
    return _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _page_lines(textpage) -> list[Line]:
    """The lines of one page (PDFium's own line breaks), each with its box and font size."""
    import pypdfium2.raw as pdfium_c

    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: read one by one
        text = "".join(textpage.get_text_range(i, 1) or " " for i in range(n))
    lines: list[Line] = []
    chars: list[str] = []
    boxes: list[tuple] = []
    sizes: list[float] = []

    def flush():
        if boxes and "".join(chars).strip():
            body = [(b, s) for ch, b, s in zip(chars, boxes, sizes) if not ch.isspace()]
            x0 = min(b[0] for b, _ in body)
            x1 = max(b[2] for b, _ in body)
            bottom = statistics.median(b[1] for b, _ in body)
            top = statistics.median(b[3] for b, _ in body)
            size = statistics.median(s for _, s in body)
            lines.append(Line("".join(chars).strip(), x0, x1, top, bottom, size))
        chars.clear(), boxes.clear(), sizes.clear()

    for i, ch in enumerate(text):
        if ch in "\r\n":
            if ch == "\n" or (i + 1 < n and text[i + 1] != "\n"):
                flush()
            continue
        if ch == "\x02" or ch == "\ufffe":  # PDFium's soft hyphen marker
            continue
        chars.append(ch)
        if ch.isspace():
            boxes.append(None)
            sizes.append(0.0)
        else:
            boxes.append(textpage.get_charbox(i, loose=True))
            sizes.append(pdfium_c.FPDFText_GetFontSize(textpage, i) or 0.0)
        if ch.isspace():
            boxes[-1] = boxes[-2] if len(boxes) > 1 and boxes[-2] else (0, 0, 0, 0)
    flush()
    return lines


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    """The lines top to bottom (left to right on the same baseline), unless the page is set in
    columns (two long lines side by side), where the producer's order is kept."""
    if len(lines) < 2:
        return lines
    long = [ln for ln in lines if ln.x1 - ln.x0 > 0.3 * width]
    for a in long:
        for b in long:
            if a is not b and a.x1 < b.x0 and min(a.top, b.top) - max(a.bottom, b.bottom) > 0:
                return lines  # side by side: columns
    return sorted(lines, key=lambda ln: (-round((ln.top + ln.bottom) / 2 / 3), ln.x0))


def _rules(page, flat: list | None = None) -> tuple[int, int]:
    """How many horizontal and vertical ruling lines a page draws (the horizontal ones' boxes are
    added to *flat*)."""
    import pypdfium2.raw as pdfium_c

    horizontal = vertical = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if h <= 2.5 and w >= 30:
            horizontal += 1
            if flat is not None:
                flat.append((x0, y0, x1, y1))
        elif w <= 2.5 and h >= 8:
            vertical += 1
        elif w >= 30 and h >= 8 and w * h < 400_000:
            horizontal += 2  # a rectangle: cell or table border
            vertical += 2
    return horizontal, vertical


def _image_count(page) -> int:
    import pypdfium2.raw as pdfium_c

    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))


def _find_tables(path, page_numbers: dict[int, tuple[int, int]], heights: dict[int, float]):
    """Tables on the given pages (found by pdfplumber from their ruling lines): ``{page: [(box in
    PDF coordinates, Table)]}``."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    found: dict[int, list] = {}
    with pdfplumber.open(str(path)) as pdf:
        for index, (horizontal, vertical) in page_numbers.items():
            page = pdf.pages[index]
            settings = ({"vertical_strategy": "lines", "horizontal_strategy": "lines"} if vertical >= 2
                        else {"vertical_strategy": "text", "horizontal_strategy": "lines"})
            try:
                candidates = page.find_tables(settings)
            except Exception:  # noqa: BLE001 - a page pdfplumber cannot analyse keeps its text
                continue
            for candidate in candidates:
                rows = candidate.extract()
                rows = [[cell or "" for cell in row] for row in rows if any((cell or "").strip() for cell in row)]
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                filled = sum(1 for r in rows for c in r if c.strip())
                if filled < 0.4 * sum(len(r) for r in rows):
                    continue
                x0, top, x1, bottom = candidate.bbox
                height = heights[index]
                box = (x0, height - bottom, x1, height - top)
                cells = [[_map_radicals(_close_spacing(c.replace("\n", " "))) for c in r] for r in rows]
                found.setdefault(index, []).append((box, Table(cells, source="pdf")))
    return found


def _rule_tables(lines: list[Line], rules: list[tuple]) -> list:
    """Tables drawn with horizontal rules only (booktabs style: a rule above, one under the
    header, one below): the lines between the top and bottom rule of a group of rules with the same
    extent, cells split where the text has gaps. ``[(box, Table)]``."""
    groups: list[list[tuple]] = []
    for rule in sorted(rules, key=lambda r: (round(r[0]), round(r[2]), -r[1])):
        for group in groups:
            if abs(group[0][0] - rule[0]) <= 6 and abs(group[0][2] - rule[2]) <= 6:
                group.append(rule)
                break
        else:
            groups.append([rule])
    found = []
    for group in groups:
        if len(group) < 2:
            continue
        ys = sorted((r[1] + r[3]) / 2 for r in group)
        low, high = ys[0], ys[-1]
        rows = [ln for ln in lines if low < (ln.top + ln.bottom) / 2 < high and ln.x0 >= group[0][0] - 6
                and ln.x1 <= group[0][2] + 6]
        cells = [ln.text.split() for ln in rows]
        if len(cells) < 2:
            continue
        counts = [len(c) for c in cells]
        width = max(set(counts), key=counts.count)
        if width < 2 or counts.count(width) < 0.6 * len(cells):
            continue
        header = 0
        if len(ys) >= 3:
            middle = ys[-2]
            header = sum(1 for ln in rows if (ln.top + ln.bottom) / 2 > middle)
        box = (group[0][0], low, group[0][2], high)
        found.append((box, Table(cells, header_rows=header if 0 < header < len(cells) else -1, source="pdf")))
    return found


def _inside(line: Line, box) -> bool:
    x0, y0, x1, y1 = box
    cy = (line.top + line.bottom) / 2
    cx = (line.x0 + line.x1) / 2
    return y0 - 2 <= cy <= y1 + 2 and x0 - 2 <= cx <= x1 + 2


def _margins(pages: list[list[Line]]) -> tuple[float, float, float, float]:
    """Left and right margin of the text block, the body font size and line pitch."""
    long = [ln for page in pages for ln in page if len(ln.text) >= 12]
    if not long:
        long = [ln for page in pages for ln in page]
    if not long:
        return 0.0, 0.0, 10.0, 12.0
    size = statistics.median(ln.size for ln in long) or 10.0
    long = [ln for ln in long if 0.85 * size <= ln.size <= 1.15 * size] or long  # body text, not titles
    lefts = sorted(round(ln.x0) for ln in long)
    left = statistics.mode(lefts) if lefts else 0.0
    rights = [round(ln.x1 / 2) * 2 for ln in long]
    common = max(set(rights), key=rights.count)
    if rights.count(common) >= 2 and common >= sorted(rights)[len(rights) // 2]:
        right = float(common)  # justified text: many lines end at the same place
    else:
        right = sorted(ln.x1 for ln in long)[int(len(long) * 0.9)]
    pitches = []
    for page in pages:
        for a, b in zip(page, page[1:]):
            d = a.bottom - b.bottom
            if 0 < d < 4 * size:
                pitches.append(d)
    pitch = statistics.median(pitches) if pitches else 1.5 * size
    return float(left), float(right), float(size), float(pitch)


def _wrapped(line: Line, nxt: Line, left: float, right: float, size: float, pitch: float, same_page: bool) -> bool:
    """True when the layout, not the author, broke *line* before *nxt*."""
    width = size or 10.0
    if line.x1 < right - 1.6 * width:
        return False  # a short line: the author ended it
    if nxt.x0 > left + 0.8 * width:
        return False  # the next line is indented: a new paragraph
    if same_page and not (0 < line.bottom - nxt.bottom <= 1.45 * pitch):
        return False  # a gap: a new paragraph (or the next line is not below this one)
    if nxt.size and line.size and not 0.8 <= nxt.size / line.size <= 1.25:
        return False
    return not _OUTLINE.match(nxt.text)


def _body(page: list[Line], size: float, height: float) -> list[int]:
    """Indexes of a page's body lines (not in the top or bottom 6 % of the page in a small font)."""
    out = []
    for i, ln in enumerate(page):
        edge = ln.top > 0.94 * height or ln.bottom < 0.06 * height
        if edge and (ln.size < 0.9 * size or len(ln.text) < 40):
            continue
        out.append(i)
    return out


def _open(path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise CorpusError(
                f"这个 PDF 加了密码，无法读取文字：{path}。请用密码打开后另存一份不加密的 PDF，"
                "或把文字复制到 .txt。（encrypted PDF）") from None
        raise CorpusError(f"无法读取这个 PDF（文件可能已损坏或不完整）：{path}（{message}）") from None


def read_pdf_layout(path) -> dict:
    """The text of a PDF with its layout breaks marked (see the module's documentation), its
    tables, metadata and warnings, as a dict for :func:`zhpolicy.reading.readers.read_pdf`."""
    pdf = _open(path)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise CorpusError(f"这个 PDF 没有任何页面（文件可能不完整或已损坏）：{path}。请重新下载或另存一份。（PDF with no pages）")
        meta = pdf.get_metadata_dict(skip_empty=True)
        pages: list[list[Line]] = []
        heights: dict[int, float] = {}
        ruled: dict[int, tuple[int, int]] = {}
        booktabs: dict[int, list] = {}
        image_pages = 0
        for index in range(n_pages):
            page = pdf[index]
            heights[index] = page.get_height()
            textpage = page.get_textpage()
            lines = _reading_order(_page_lines(textpage), page.get_width())
            for ln in lines:
                ln.text = _map_radicals(_close_spacing(ln.text))
            pages.append(lines)
            chars = sum(len(ln.text.replace(" ", "")) for ln in lines)
            if chars < MIN_PAGE_CHARS and _image_count(page):
                image_pages += 1
            flat: list[tuple] = []
            horizontal, vertical = _rules(page, flat)
            if horizontal >= 3 and vertical >= 2 and chars >= MIN_PAGE_CHARS:
                ruled[index] = (horizontal, vertical)
            elif len(flat) >= 2 and chars >= MIN_PAGE_CHARS:
                booktabs[index] = _rule_tables(lines, flat)
    finally:
        pdf.close()
    tables_by_page = _find_tables(path, ruled, heights) if ruled else {}
    for index, found in booktabs.items():
        if found:
            tables_by_page.setdefault(index, []).extend(found)
    total = sum(len(ln.text.replace(" ", "")) for page in pages for ln in page)
    if total < 10 * n_pages / 2:
        raise CorpusError(
            f"这是扫描件（PDF 里没有文字层，只有图片）：{path}。需要先做文字识别（OCR），"
            "把识别出的文字存成 .txt 再放进来。（scanned PDF, no text layer）")
    warnings = []
    if image_pages:
        warnings.append(
            f"{path} 有 {image_pages} 页（共 {n_pages} 页）只有图片、没有文字层，这些页的文字没有读到；"
            "需要的话先做文字识别（OCR）。（image-only pages）")
    prose = [[ln for ln in lines if not any(_inside(ln, box) for box, _ in tables_by_page.get(i, []))]
             for i, lines in enumerate(pages)]
    left, right, size, pitch = _margins(prose)
    doc_tables: list[Table] = []
    page_entries: list[list[list]] = []  # per page: [text, end, is_body Line or None]
    for index, lines in enumerate(pages):
        found = tables_by_page.get(index, [])
        items: list[Line | Table] = []
        placed = set()
        for ln in lines:
            hit = next((k for k, (box, _) in enumerate(found) if _inside(ln, box)), None)
            if hit is None:
                items.append(ln)
            elif hit not in placed:
                placed.add(hit)
                items.append(found[hit][1])
        line_items = [x for x in items if isinstance(x, Line)]
        body_ids = {id(line_items[i]) for i in _body(line_items, size, heights[index])}
        entries: list[list] = []
        for k, item in enumerate(items):
            if isinstance(item, Table):
                doc_tables.append(item)
                entries.append([MARKER.format(n=len(doc_tables)), "\n", None])
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            body = item if id(item) in body_ids else None
            soft = (body is not None and isinstance(nxt, Line) and id(nxt) in body_ids
                    and _wrapped(item, nxt, left, right, size, pitch, same_page=True))
            entries.append([item.text, SOFT_BREAK if soft else "\n", body])
        page_entries.append(entries)
    for this, following in zip(page_entries, page_entries[1:]):
        last = next((e for e in reversed(this) if e[2] is not None), None)
        first = next((e for e in following if e[2] is not None), None)
        if last is not None and first is not None and last[1] == "\n" and \
                _wrapped(last[2], first[2], left, right, size, pitch, same_page=False):
            last[1] = SOFT_BREAK + "\n"  # runs on over the page break (the cleaning joins it)
    raw = PAGE_BREAK.join("".join(text + end for text, end, _ in entries).rstrip("\n") for entries in page_entries)
    title = _map_radicals(str(meta.get("Title") or "").strip())
    return {
        "text": raw, "tables": doc_tables, "warnings": warnings, "title": title,
        "date": pdf_date(meta.get("CreationDate")), "pages": n_pages, "title_lines": _title_lines(pages[0] if pages else [], size),
    }


def _title_lines(lines: list[Line], size: float) -> str:
    """The title printed large at the top of the first page (two lines of the same large size are
    joined), or ""."""
    big = [ln for ln in lines[:12] if ln.size >= 1.25 * size and 2 <= len(ln.text) <= 60]
    if not big:
        return ""
    best = max(ln.size for ln in big)
    group = []
    for ln in lines[:12]:
        if ln in big and abs(ln.size - best) < 0.5:
            group.append(ln.text)
        elif group:
            break
    return "".join(group)
