"""Markup out, structure in: what plain-text files carry besides their text.

* :func:`strip_tags` removes HTML markup left in a ``.txt``/``.md`` file — only real markup: a
  ``<`` that does not open a tag is text (``不得嵌入<script>标签``), escaped text stays escaped
  text (``&lt;script&gt;`` becomes ``<script>``, never removed), comments are dropped;
* :func:`split_front_matter` reads YAML front matter (``---`` … ``---`` at the top) as metadata;
* :func:`markdown_text` turns Markdown into text with markdown-it-py (CommonMark): headings,
  paragraphs and list items become lines, emphasis and link markup go, HTML comments are dropped,
  tables become :class:`~zhpolicy.reading.tables.Table` objects with a ``[表N]`` marker;
* :func:`split_export_header` reads the header that legal databases put above a text
  (北大法宝: ``【法宝引证码】``, ``原文链接：``, ``【发布部门】``, ``【发文字号】``, ``【发布日期】``,
  ``制定机关：``, ``公布日期：`` …) as metadata, never as text.
"""

from __future__ import annotations

import html
import re

from .tables import MARKER, Table, caption_above

# ---------------------------------------------------------------- HTML tags in text

#: Element names that real HTML in a saved text uses (a tag with another name is left as text).
HTML_NAMES = frozenset(
    "a abbr address article aside b big blockquote body br caption center cite code col colgroup dd del details "
    "dfn div dl dt em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img ins "
    "kbd label li link main mark meta nav noscript ol p pre q s samp script section select small source span "
    "strike strong style sub summary sup table tbody td template textarea tfoot th thead title tr tt u ul var "
    "video o:p".split())
#: A tag: its attribute names are ASCII (``<b 且 c>`` in ``a<b 且 c>d`` is text, not a tag).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:]*)((?:\s+[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*)\s*(/?)>")
_NAMES = "|".join(sorted((re.escape(n) for n in HTML_NAMES), key=len, reverse=True))
#: A known tag that opens or closes a line: markup laid out as a saved page lays it out.
_LINE_TAG = re.compile(rf"(?mi)^[ \t]*</?(?:{_NAMES})\b[^<>\n]*>|</?(?:{_NAMES})\b[^<>\n]*>[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote pre dd dt dl hr "
                   "title header footer center figcaption".split())
_DROP_CONTENT = re.compile(r"<(script|style|noscript|template)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_RAW_TEXT = frozenset(("script", "style", "title", "textarea", "template", "noscript"))
#: An HTML entity (&lt;, &#60;, &#x3C;): the one definition (clean.unify_punctuation reads it too).
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def has_markup(text: str) -> bool:
    """True when *text* holds real HTML markup (a known tag, a comment or an entity)."""
    if "<!--" in text:
        return True
    for m in _TAG.finditer(text):
        if m.group(2).lower() in HTML_NAMES:
            return True
    return bool(ENTITY.search(text))


def looks_like_html(text: str) -> bool:
    """True when the known tags in *text* are markup rather than words about markup: some tag opens
    or closes a line (``<p>一、……</p>``, ``<br>``), as in a page saved as text. Tags named inside
    sentences (``不得嵌入<script>标签……所有</script>结束标签``, ``不得使用<iframe>``) are text."""
    return bool(_LINE_TAG.search(text))


def strip_tags(text: str) -> str:
    """Remove HTML markup from a text, keeping everything that is text. Comments always go; when the
    text is laid out as markup (:func:`looks_like_html`), tags of known HTML elements go (block
    elements end a line) and script/style contents go; otherwise tags named in sentences stay, with
    everything between them. Entities are decoded once (``&nbsp;`` → space, ``&lt;script&gt;`` →
    ``<script>``, which stays). A ``<`` that does not open a known tag is left as it is. Linear in the
    length of the text."""
    if not has_markup(text):
        return text
    text = _COMMENT.sub("", text)
    if not looks_like_html(text):
        text = _BREAK.sub("\n", text)  # a line break left inline by an editor is markup wherever it stands
        text = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        return "\n".join(line.strip() for line in text.split("\n") if line.strip())
    text = _DROP_CONTENT.sub("", text)
    lowered = text.lower()

    def closed(name: str, at: int) -> bool:
        return lowered.find(f"</{name}", at) >= 0

    def tag(m: re.Match) -> str:
        name = m.group(2).lower()
        if name not in HTML_NAMES or (name in _RAW_TEXT and m.group(1) == "" and not closed(name, m.end())):
            return m.group(0)  # not markup (an unclosed <script> in a sentence is text)
        return "\n" if name in _BLOCK else ""

    text = _TAG.sub(tag, text)
    text = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


# ---------------------------------------------------------------- front matter

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
#: Front matter longer than this is not read as metadata (it stays text).
MAX_FRONT_MATTER = 64_000


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter at the top of *text* as a dict (keys in lower case), and the text after
    it. Text without front matter, or whose "front matter" is not a YAML mapping, is returned
    whole with ``{}``."""
    m = _FRONT.match(text)
    if not m or len(m.group(1)) > MAX_FRONT_MATTER:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return {str(k).strip().lower(): v for k, v in data.items()}, text[m.end():]


def front_matter_field(meta: dict, *names: str) -> str:
    """The first of *names* that *meta* has, as text ("" when none)."""
    for name in names:
        value = meta.get(name)
        if value not in (None, "", [], {}):
            return str(value).strip()
    return ""


# ---------------------------------------------------------------- export headers

#: Header fields of legal-database exports, with the metadata name each one gives.
EXPORT_FIELDS = {
    "法宝引证码": "citation_code", "原文链接": "url", "URL": "url", "标题": "title", "标 题": "title",
    "发布部门": "issuer", "制定机关": "issuer", "发文字号": "doc_number", "发布日期": "date", "公布日期": "date",
    "实施日期": "effective", "施行日期": "effective", "时效性": "validity", "效力级别": "level", "效力位阶": "level",
    "法规类别": "category", "文献号": "record", "来源": "source", "下载日期": "downloaded",
}
_EXPORT_LINE = re.compile(
    r"^\s*(?:【\s*(" + "|".join(re.escape(k) for k in EXPORT_FIELDS) + r")\s*】|(" +
    "|".join(re.escape(k) for k in EXPORT_FIELDS if " " not in k) + r")\s*[：:])\s*(.*?)\s*$")
#: Lines of a legal-database page that are not text (the database's own notes).
_EXPORT_NOISE = re.compile(r"^\s*(?:©\s*北大法宝.*|.*附件预览|引用本篇|本篇引用)\s*$")


def split_export_header(text: str) -> tuple[dict, str]:
    """The header (and footer) fields of a legal-database export (北大法宝 and the like:
    ``【法宝引证码】``, ``原文链接：``, ``【发布部门】``, ``公布日期：`` …) as metadata, and the text without
    them. Only a text that has at least one field that only such exports have (法宝引证码, 原文链接,
    【标 题】-style brackets, 下载日期) is treated as an export; fields are read in its first 15 and last
    10 lines."""
    lines = text.split("\n")
    head, tail = set(range(min(15, len(lines)))), set(range(max(0, len(lines) - 10), len(lines)))
    found: dict[int, tuple[str, str]] = {}
    for i in sorted(head | tail):
        m = _EXPORT_LINE.match(lines[i])
        if m:
            label = (m.group(1) or m.group(2)).replace(" ", "") if m.group(1) else m.group(2)
            found[i] = (EXPORT_FIELDS.get(m.group(1) or m.group(2), label), m.group(3))
    labels = {lines[i].strip()[:6] for i in found}
    is_export = any(("法宝引证码" in lines[i] or "原文链接" in lines[i] or "下载日期" in lines[i]
                     or lines[i].lstrip().startswith("【")) for i in found)
    if not is_export:
        return {}, text
    del labels
    meta: dict[str, str] = {}
    for _, (name, value) in sorted(found.items()):
        if value and name not in meta:
            meta[name] = value
    keep = [line for i, line in enumerate(lines) if i not in found and not _EXPORT_NOISE.match(line)]
    return meta, "\n".join(keep)


# ---------------------------------------------------------------- Markdown


#: Fenced blocks in these languages hold data or program code, not text (a fence without a language,
#: or ``text``/``markdown``, is kept as text).
DATA_FENCES = frozenset("json jsonc yaml yml toml xml html css javascript js typescript ts python py r sql bash sh "
                        "shell console csv ini".split())


def markdown_text(text: str) -> tuple[str, list[Table], list[tuple[int, str]]]:
    """Markdown to text with markdown-it-py: one line per heading, paragraph and list item (a
    line break inside a paragraph stays a line break), inline markup removed (links keep their
    text, images their description), fenced blocks of data or code (```json …```, see
    :data:`DATA_FENCES`) dropped, HTML comments dropped and other HTML stripped of its tags,
    tables taken out as :class:`~zhpolicy.reading.tables.Table` objects (a ``[表N]`` line marks
    each). Returns the text, the tables and the headings as ``(level, text)``."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    out: list[str] = []
    found: list[Table] = []
    headings: list[tuple[int, str]] = []
    row: list[str] | None = None
    rows: list[list[str]] = []
    header_rows = 0
    in_head = False
    item_prefix: list[str] = []
    level = 0
    for tok in tokens:
        kind = tok.type
        if kind == "table_open":
            rows, header_rows = [], 0
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            rows.append(row or [])
            header_rows += 1 if in_head else 0
            row = None
        elif kind == "table_close":
            table = Table(rows, header_rows=header_rows, source="markdown", caption=caption_above(out))
            if not table.is_empty():
                found.append(table)
                out.append(MARKER.format(n=len(found)))
        elif kind == "inline":
            value = _inline_text(tok)
            if row is not None:
                row.append(value)
            elif value.strip():
                prefix = item_prefix[-1] if item_prefix else ""
                for k, piece in enumerate(value.split("\n")):
                    if piece.strip():
                        out.append((prefix if k == 0 else "") + piece.strip())
                if item_prefix:
                    item_prefix[-1] = ""
        elif kind == "heading_open":
            level = int(tok.tag[1])
        elif kind == "bullet_list_open":
            pass
        elif kind == "list_item_open":
            item_prefix.append(f"{tok.info}{tok.markup} " if tok.info else "• ")
        elif kind == "list_item_close":
            item_prefix.pop()
        elif kind in ("html_block",):
            body = strip_tags(_COMMENT.sub("", tok.content)).strip()
            if body:
                out.extend(line for line in body.split("\n") if line.strip())
        elif kind in ("code_block", "fence"):
            if kind == "fence" and tok.info.strip().split(" ")[0].lower() in DATA_FENCES:
                continue  # machine data or code (```json {"sitting": 6} ```), not the document's text
            out.extend(line for line in tok.content.split("\n") if line.strip())
        if kind == "inline" and level and out:
            headings.append((level, out[-1]))
        if kind == "heading_close":
            level = 0
    return "\n".join(out), found, headings


def _inline_text(tok) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content or "")
        elif kind == "html_inline":
            if not child.content.startswith("<!--"):
                parts.append(strip_tags(child.content) if has_markup(child.content) else child.content)
    return "".join(parts)
