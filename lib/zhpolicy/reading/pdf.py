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
from dataclasses import dataclass, field

from ..errors import CorpusError
from .dates import pdf_date
from .tables import MARKER, Table, is_number_cell
from .titles import TITLE_END

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
#: A gap between two characters of a line wider than this many font sizes separates two cells of a
#: table drawn without rules (justified and letter-spaced text stay below it).
SEGMENT_GAP = 0.6
#: Cells of a table drawn without rules are short; a longer run of text is prose or a menu bar.
MAX_STREAM_CELL = 40
#: A font size below this is a scaled unit font (InDesign and others draw text at size 1 and scale
#: it by the text matrix): the size is then taken from the glyph boxes.
MIN_FONT_SIZE = 2.0
#: What a browser prints at the top of every page of a saved web page: the time of printing, then the
#: page's title (``2024/6/17 16:07 标题 - 网站``, ``2/2/24, 2:43 PM 人工智能 - 维基百科``).
PRINT_HEAD = re.compile(r"^\s*\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\s*,?\s*(?:[上下]午)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s(.*))?$",
                        re.IGNORECASE)
_BROWSER = re.compile(r"Mozilla/|Skia/PDF|Chromium|HeadlessChrome", re.IGNORECASE)
#: A line ending in leader dots and a page number (``第一章 总则 ………… 3``) is a table-of-contents
#: entry: complete, never wrapped into the next one.
_LEADER_END = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,}|_{4,})\s*[\dⅰ-ⅹⅠ-ⅫivxlcIVXLC]{1,6}$")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float       # PDF coordinates: y grows upwards
    bottom: float
    size: float      # font size
    column: int = 0  # 0, or 1 for the right-hand column of a page set in two columns
    boxed: bool = False  # the size was measured from the glyph boxes (a scaled unit font): ±8 %
    segments: list = field(default_factory=list)  # (x0, x1, text) runs split at gaps wider than SEGMENT_GAP

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


def _segments(chars: list[str], boxes: list, size: float) -> list[tuple[float, float, str]]:
    """The runs of a line's characters separated by gaps wider than :data:`SEGMENT_GAP` em (the cells
    of a table row drawn without rules); the em is the width of the line's Chinese characters as
    drawn (a font's nominal size can be far from it), else its font size."""
    wide = [b[2] - b[0] for ch, b in zip(chars, boxes) if b and ord(ch) > 0x2e80 and not ch.isspace()]
    size = statistics.median(wide) if wide else size
    out: list[list] = []
    space = False
    for ch, box in zip(chars, boxes):
        if ch.isspace() or not box:
            space = True
            continue
        if out and box[0] - out[-1][1] <= SEGMENT_GAP * size:
            out[-1][1] = max(out[-1][1], box[2])
            out[-1][2] += (" " if space else "") + ch
        else:
            out.append([box[0], box[2], ch])
        space = False
    return [(a, b, t) for a, b, t in out]


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
            boxed = size < MIN_FONT_SIZE
            if boxed:  # text drawn at size 1 and scaled by its matrix: use the glyph boxes
                size = statistics.median(b[3] - b[1] for b, _ in body)
            lines.append(Line("".join(chars).strip(), x0, x1, top, bottom, size, boxed=boxed,
                              segments=_segments(chars, boxes, size)))
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
                split = (a.x1 + b.x0) / 2  # side by side: columns (each keeps its own margins)
                for ln in lines:
                    ln.column = 0 if ln.x0 < split else 1
                return lines
    return _join_baseline(sorted(lines, key=lambda ln: (-round((ln.top + ln.bottom) / 2 / 3), ln.x0)))


def _join_baseline(lines: list[Line]) -> list[Line]:
    """Lines that PDFium cut on one baseline (a justified line whose only space was stretched wide:
    ``第十一条          根据…``) joined again; cells of tables are told apart later by their segments."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and abs((prev.top + prev.bottom) / 2 - (ln.top + ln.bottom) / 2) < 0.3 * ln.size
                and prev.x1 <= ln.x0 and abs(prev.size - ln.size) <= 0.1 * max(prev.size, ln.size)):
            out[-1] = Line(f"{prev.text} {ln.text}", prev.x0, ln.x1, max(prev.top, ln.top), min(prev.bottom, ln.bottom),
                           prev.size, prev.column, prev.boxed, prev.segments + ln.segments)
        else:
            out.append(ln)
    return out


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
                grid = _merged_grid(candidate)
                if grid is None:
                    continue
                rows, merged = grid
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                real = [c for r, m in zip(rows, merged) for c, f in zip(r, m) if not f]
                if sum(1 for c in real if c.strip()) < 0.4 * len(real):
                    continue  # mostly empty cells: a layout grid, not a table
                x0, top, x1, bottom = candidate.bbox
                height = heights[index]
                box = (x0, height - bottom, x1, height - top)
                cells = [[_map_radicals(_close_spacing(c.replace("\n", " "))) for c in r] for r in rows]
                found.setdefault(index, []).append((box, Table(cells, merged, source="pdf")))
    return found


def _merged_grid(candidate) -> tuple[list[list[str]], list[list[bool]]] | None:
    """A pdfplumber table's cell texts on its full grid: a place covered by a merged cell (pdfplumber
    gives None there) repeats that cell's text and is marked merged; empty rows are dropped."""
    try:
        texts = candidate.extract()
        rows, columns = candidate.rows, candidate.columns
    except Exception:  # noqa: BLE001 - a table pdfplumber cannot extract keeps its text
        return None
    origin: dict[tuple, tuple[int, int]] = {}
    for i, row in enumerate(rows):
        for j, cell in enumerate(row.cells):
            if cell is not None:
                origin.setdefault(tuple(cell), (i, j))
    cells, merged = [], []
    for i, row in enumerate(texts):
        out, flags = [], []
        for j, text in enumerate(row):
            if text is not None:
                out.append(text)
                flags.append(False)
                continue
            cover = None
            if i < len(rows) and j < len(columns) and rows[i].bbox and columns[j].bbox:
                cx = (columns[j].bbox[0] + columns[j].bbox[2]) / 2
                cy = (rows[i].bbox[1] + rows[i].bbox[3]) / 2
                cover = next((where for box, where in origin.items()
                              if box[0] <= cx <= box[2] and box[1] <= cy <= box[3]), None)
            if cover is not None and cover != (i, j) and texts[cover[0]][cover[1]]:
                out.append(texts[cover[0]][cover[1]])
                flags.append(True)
            else:
                out.append("")
                flags.append(False)
        if any(t.strip() for t, f in zip(out, flags) if not f):
            cells.append(out)
            merged.append(flags)
    return cells, merged


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


def _continues(table: Table, following: Table) -> bool:
    """True when *following*, the first thing on a page, goes on with *table*, the last thing on the
    page before: as many columns, and the same header row printed again, or no header row at all."""
    if not table.cells or not following.cells or len(table.cells[0]) != len(following.cells[0]):
        return False
    return following.cells[0] == table.cells[0] or following.header_rows == 0


def _append_rows(table: Table, following: Table) -> None:
    """Add the rows of *following* (without its repeated header row) to *table*."""
    skip = 1 if following.cells[0] == table.cells[0] else 0
    table.cells.extend(following.cells[skip:])
    table.merged.extend(following.merged[skip:])


def _visual_rows(lines: list[Line], size: float) -> list[list[Line]]:
    """The lines of a page grouped by baseline (PDFium may cut one table row into several lines)."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (-(ln.top + ln.bottom) / 2, ln.x0)):
        middle = (ln.top + ln.bottom) / 2
        if rows and abs((rows[-1][0].top + rows[-1][0].bottom) / 2 - middle) < 0.35 * size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _row_cells(row: list[Line]) -> list[tuple[float, float, str]]:
    return sorted((seg for ln in row for seg in ln.segments), key=lambda seg: seg[0])


def _numeric_row(cells: list[tuple[float, float, str]]) -> bool:
    return len(cells) >= 2 and any(is_number_cell(text) for _, _, text in cells[1:])


def _stream_tables(lines: list[Line], size: float, pitch: float) -> list:
    """Tables drawn without any rules, found from the alignment of their text: at least three rows
    in a block whose lines are cut by wide gaps into two or more cells, most of them holding figures,
    the cells of each column in the same place; the row above the block with as many labels is its
    header. A label wrapped onto a line of its own goes with the row above. ``[(box, Table)]``."""
    rows = [(row, _row_cells(row)) for row in _visual_rows(lines, size)]
    found = []
    i = 0
    while i < len(rows):
        block: list[int] = []
        j = i
        while j < len(rows):
            row, cells = rows[j]
            if any(_LEADER_END.search(ln.text) for ln in row):
                break
            if block and _row_bottom(rows[block[-1]][0]) - _row_top(row) > 2.2 * max(pitch, size):
                break  # a gap: the block ends
            if _numeric_row(cells):
                block.append(j)
            elif block and len(cells) == 1 and not is_number_cell(cells[0][2]) and _label_run(rows, j):
                block.append(j)  # a wrapped label (or a group label) between two rows of figures
            else:
                break
            j += 1
        numeric = [k for k in block if _numeric_row(rows[k][1])]
        if len(numeric) >= 3:
            table = _stream_table(rows, block, size)
            if table is not None:
                found.append(table)
                i = j
                continue
        i = max(j, i + 1)
    return found


def _group_label(cells: list, columns: list, size: float) -> bool:
    """A short label on a line of its own, set left of the row labels: it names the group of rows
    under it (第二届 / 第三届), it does not continue a row label."""
    return (len(cells) == 1 and cells[0][0] < columns[0][0] - 0.5 * size and len(cells[0][2]) <= 12
            and not is_number_cell(cells[0][2]) and not re.search(r"[：:，。；]$", cells[0][2]))


def _label_run(rows: list, j: int, most: int = 3) -> bool:
    """True when rows *j* … are at most *most* single labels followed by a row of figures."""
    for k in range(j, min(len(rows), j + most + 1)):
        cells = rows[k][1]
        if _numeric_row(cells):
            return k > j
        if len(cells) != 1 or is_number_cell(cells[0][2]):
            return False
    return False


def _row_top(row: list[Line]) -> float:
    return max(ln.top for ln in row)


def _row_bottom(row: list[Line]) -> float:
    return min(ln.bottom for ln in row)


def _stream_table(rows: list, block: list[int], size: float):
    """Build the table of a block of aligned rows (see :func:`_stream_tables`), or None."""
    body = [rows[k][1] for k in block if _numeric_row(rows[k][1])]
    counts = [len(cells) for cells in body]
    width = max(set(counts), key=lambda n: (counts.count(n), n))
    if width < 2 or counts.count(width) < 0.6 * len(body):
        return None
    full = [cells for cells in body if len(cells) == width]
    columns = [(min(c[j][0] for c in full), max(c[j][1] for c in full)) for j in range(width)]
    if any(columns[j][1] > columns[j + 1][0] + 0.5 * size for j in range(width - 1)):
        return None  # the columns overlap: not a grid

    def place(cells):
        out = [""] * width
        for x0, x1, text in cells:
            j = max(range(width), key=lambda k: (min(x1, columns[k][1]) - max(x0, columns[k][0]),
                                                -abs((x0 + x1) / 2 - sum(columns[k]) / 2)))
            out[j] = f"{out[j]} {text}".strip()
        return out

    if any(len(text) > MAX_STREAM_CELL for cells in body for _, _, text in cells):
        return None  # long runs of text: prose or a menu bar, not cells

    grid: list[list[str]] = []
    used = list(block)
    pending = ""  # a label line that starts the next row (hanging indent: the figures are on its last line)
    for n, k in enumerate(block):
        cells = rows[k][1]
        if len(cells) == 1 and not _numeric_row(cells):
            following = rows[block[n + 1]][1] if n + 1 < len(block) else []
            indented = following and following[0][0] > cells[0][0] + 0.5 * size
            if _group_label(cells, columns, size):
                grid.append([cells[0][2]] + [""] * (width - 1))  # a group of rows (第三届 …)
            elif grid and not indented and not pending:
                grid[-1][0] += cells[0][2]  # the row label wrapped under its row
            else:
                pending += cells[0][2]
            continue
        grid.append(place(cells))
        if pending:
            grid[-1][0] = pending + grid[-1][0]
            pending = ""
    after = block[-1] + 1
    if after < len(rows) and grid:
        cells = rows[after][1]
        gap = _row_bottom(rows[block[-1]][0]) - _row_top(rows[after][0])
        if len(cells) == 1 and not is_number_cell(cells[0][2]) and cells[0][0] < columns[0][1]:
            if not grid[-1][0] and gap <= 2.2 * size:
                grid[-1][0] = cells[0][2]  # the label of the last row (合计) set below its figures
                used.append(after)
            elif grid[-1][0] and gap <= size and len(cells[0][2]) <= 12 and abs(cells[0][0] - columns[0][0]) < size \
                    and not re.search(r"[。；：]", cells[0][2]):
                grid[-1][0] += cells[0][2]  # the last row's label, wrapped
                used.append(after)
    header = 0
    above = block[0] - 1
    if above >= 0 and _group_label(rows[above][1], columns, size) and \
            _row_bottom(rows[above][0]) - _row_top(rows[block[0]][0]) <= 2.2 * size:
        grid.insert(0, [rows[above][1][0][2]] + [""] * (width - 1))  # the first group's label (第二届)
        used.insert(0, above)
        above -= 1
    if above >= 0:
        cells = rows[above][1]
        gap = _row_bottom(rows[above][0]) - _row_top(rows[block[0]][0])
        if 2 <= len(cells) <= width and not _numeric_row(cells) and gap <= 2.2 * size \
                and cells[0][0] >= columns[0][0] - 2 * size:
            grid.insert(0, place(cells))
            used.insert(0, above)
            header = 1
    lines = [ln for k in used for ln in rows[k][0]]
    box = (min(ln.x0 for ln in lines), min(ln.bottom for ln in lines), max(ln.x1 for ln in lines),
           max(ln.top for ln in lines))
    return box, Table(grid, header_rows=header if header else -1, source="pdf")


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


def _page_margins(page: list[Line], left: float, right: float, size: float) -> tuple[float, float]:
    """The left and right margin of one page's text block: books and gazettes mirror their margins
    on odd and even pages, so the document's margins do not fit every page. A page (or column)
    with fewer than two full body lines keeps the document's margins."""
    long = [ln for ln in page if len(ln.text) >= 12 and 0.85 * size <= ln.size <= 1.15 * size]
    if len(long) < 2:
        return left, right
    lefts = [round(ln.x0) for ln in long]
    rights = [round(ln.x1 / 2) * 2 for ln in long]
    page_left = max(set(lefts), key=lambda x: (lefts.count(x), -x))
    common = max(set(rights), key=lambda x: (rights.count(x), x))
    # few lines (a short column): the longest line runs to the margin, the leftmost starts at it
    page_right = float(common) if rights.count(common) >= 2 else float(max(ln.x1 for ln in long))
    if lefts.count(page_left) < 2:
        page_left = float(min(lefts))
    return float(page_left), page_right


def _wrapped(line: Line, nxt: Line, left: float, right: float, size: float, pitch: float, same_page: bool) -> bool:
    """True when the layout, not the author, broke *line* before *nxt* (*right*: the right margin of
    *line*'s page, *left*: the left margin of *nxt*'s page)."""
    width = size or 10.0
    word = re.match(r"[A-Za-z0-9][\w\-.,/:]*", nxt.text)
    room = right - line.x1  # a Latin word too long for the rest of the line was carried over whole
    if room > 1.6 * width and not (word and line.text[-1:].isascii() and room < (len(word.group()) * 0.6 + 1) * width):
        return False  # a short line: the author ended it
    if _LEADER_END.search(line.text):
        return False  # a table-of-contents entry: 第一章 总则 ………… 3
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
        raise CorpusError(f"无法读取这个 PDF（文件可能已损坏、不完整，或其实不是 PDF）：{path}。请用 PDF 阅读器打开看看；"
                          f"能打开的话，“另存为”一份新的 PDF 再试。（damaged PDF: {message}）") from None


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
    _, _, doc_size, doc_pitch = _margins(pages)
    for index, lines in enumerate(pages):  # tables drawn without rules, among the lines left
        boxes = [box for box, _ in tables_by_page.get(index, [])]
        free = [ln for ln in lines if not any(_inside(ln, box) for box in boxes)]
        found = _stream_tables([free[i] for i in _body(free, doc_size, heights[index])], doc_size, doc_pitch)
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
    margins = {(i, column): _page_margins([ln for ln in page if ln.column == column], left, right, size)
               for i, page in enumerate(prose) for column in (0, 1)}
    doc_tables: list[Table] = []
    page_entries: list[list[list]] = []  # per page: [text, end, is_body Line or None]
    open_table: Table | None = None  # the table that ended the previous page (it may go on here)
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
        body_items = [x for x in items if isinstance(x, Table) or id(x) in body_ids]
        for k, item in enumerate(items):
            if isinstance(item, Table):
                if open_table is not None and body_items and item is body_items[0] and _continues(open_table, item):
                    _append_rows(open_table, item)  # the same table, continued from the previous page
                    continue
                doc_tables.append(item)
                entries.append([MARKER.format(n=len(doc_tables)), "\n", None])
                continue
            nxt = items[k + 1] if k + 1 < len(items) else None
            body = item if id(item) in body_ids else None
            soft = (body is not None and isinstance(nxt, Line) and id(nxt) in body_ids
                    and _wrapped(item, nxt, margins[index, nxt.column][0], margins[index, item.column][1], size, pitch,
                             same_page=True))
            entries.append([item.text, SOFT_BREAK if soft else "\n", body])
        page_entries.append(entries)
        if body_items and isinstance(body_items[-1], Table):
            open_table = doc_tables[-1] if doc_tables else None
        elif body_items:
            open_table = None
    for index, (this, following) in enumerate(zip(page_entries, page_entries[1:])):
        last = next((e for e in reversed(this) if e[2] is not None), None)
        first = next((e for e in following if e[2] is not None), None)
        if last is not None and first is not None and last[1] == "\n" and \
                _wrapped(last[2], first[2], margins[index + 1, first[2].column][0], margins[index, last[2].column][1],
                         size, pitch, same_page=False):
            last[1] = SOFT_BREAK + "\n"  # runs on over the page break (the cleaning joins it)
    raw = PAGE_BREAK.join("".join(text + end for text, end, _ in entries).rstrip("\n") for entries in page_entries)
    title = _map_radicals(str(meta.get("Title") or "").strip())
    heads = [PRINT_HEAD.match(page[0].text) for page in pages if page]
    printed = [m.group(1).strip() for m in heads if m and m.group(1)]
    browser = bool(_BROWSER.search(f"{meta.get('Creator', '')} {meta.get('Producer', '')}")) or \
        len(printed) >= max(1, len(pages) / 2)
    return {
        "text": raw, "tables": doc_tables, "warnings": warnings, "title": title,
        # a browser's PDF was made when someone printed the page: its creation date is not the page's date
        "date": "" if browser else pdf_date(meta.get("CreationDate")), "pages": n_pages,
        "title_lines": _title_lines(pages[0] if pages else [], size),
        "print_title": max(set(printed), key=printed.count) if printed else "", "browser_print": browser,
    }


_SUBTITLE = ("——", "—", "（", "(")
_BASIS = ("依据", "依據", "根据", "根據", "依照", "按照")


def _title_lines(lines: list[Line], size: float) -> str:
    """The title printed large at the top of the first page, or "": the consecutive lines of the
    largest size are joined, with a space after a line that is a whole title itself (a cover naming
    two laws); a subtitle starting with —— or a bracket, or a line after a complete title that gives
    its legal basis (依据《…》…而发出), is not part of it."""
    big = [ln for ln in lines[:12] if ln.size >= 1.25 * size and 2 <= len(ln.text) <= 60
           and not ln.text.endswith(("。", "；", "！", "？"))]  # a sentence is not a title
    if not big:
        return ""
    best = max(ln.size for ln in big)
    group: list[str] = []
    for ln in lines[:12]:
        same = abs(ln.size - best) <= (0.08 * best if ln.boxed else 0.5)
        subtitle = ln.text.startswith(_SUBTITLE) or (group and TITLE_END.search(group[-1]) and ln.text.startswith(_BASIS))
        if ln in big and same and not subtitle:
            group.append(ln.text)
        elif group:
            break
    title = ""
    for part in group:
        title += (" " if title and TITLE_END.search(title) else "") + part
    return title
