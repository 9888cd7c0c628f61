"""Cleaning with an audit trail.

Each step is a plain function ``str -> str`` that can be tested on its own;
:func:`clean_text` runs them in the order of :data:`CLEANING_STEPS`, and
:func:`cleaning_audit` reports what every step changed in every document.
Cleaning works on strings in memory: it never touches the files it was read from.

The cleaned text has one paragraph per line, no blank lines, full-width Chinese
punctuation (，；：（）！？) and half-width digits, Latin letters and ``% . - < > [ ]``
(the convention of GB/T 15834; NFKC is *not* used because it would turn ，；：（）
into ASCII while leaving 。、“” alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

from .._docs import iter_docs
from ..paths import data_path
from .markup import ENTITY, strip_tags
from .pdf import PRINT_HEAD, SOFT_BREAK
from .regions import conversion_label, simplify

# ---------------------------------------------------------------- character classes

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·"
_CJK_CLASS = re.compile(f"[{_HAN}{_CJK_PUNCT}]")

#: Characters after which a line is a complete paragraph (never joined to the next line).
TERMINAL = "。！？；：…”’」』】》）!?;:"

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_FULL_PUNCT_NO_SPACE = "，。、；：？！（）“”‘’《》【】"

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_OUTLINE_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[a-zA-Z][.．]\s|[•·*]\s)"
)
_NUMBER_END = re.compile(r"\d(?:\.\d*)?$")
_UNIT_START = re.compile(r"^[万亿千百%‰元人件个项家倍吨美]")
_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…+)$")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CLASS.match(ch))


# ---------------------------------------------------------------- the steps


def strip_html_markup(text: str) -> str:
    """Remove HTML markup left in a ``.txt``/``.md`` file saved from a web page (tags, comments,
    entities such as ``&nbsp;``). Only real markup is removed: a ``<`` that does not open a tag
    (``不得嵌入<script>标签`` in a sentence, ``a<b``) and escaped text (``&lt;script&gt;``) stay text.
    Text without HTML tags is left as it is. The pinyin of ruby annotations that a saved page spells out
    after each character (``經(jīng)濟(jì)``, ``预（yù）计``, from ``<ruby>…<rt>jīng</rt>``) is removed too:
    it splits the words the extractors look for."""
    text = strip_tags(text)
    return _RUBY_PINYIN.sub("", text) if _TONE_MARK.search(text) else text


#: Tone-marked pinyin vowels: every syllable of a ruby annotation has one (a neutral tone is rare and is kept).
_TONE_MARK = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
#: A pinyin syllable in brackets right after a Han character: 經(jīng), 预（yù）.
_RUBY_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\s*[)）]")


#: A line that is only a page number: "- 3 -", "— 3 —", "第 3 页", "第3页 共10页", "3/10", "3".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－·•]?\s*\d{1,4}\s*[-—–－·•]?|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)


#: How many lines at the top and at the bottom of each PDF page are looked at for running heads and
#: feet (a gazette prints its title, the notice number and the page code there, in both languages).
EDGE_LINES = 4

#: Furniture a browser prints on every page of a saved web page: the time stamp and page title at
#: the top (``2024/6/17 16:07 标题 - 网站``), the address and page count at the bottom.
_PRINT_HEAD = PRINT_HEAD
_PRINT_FOOT = re.compile(r"^\s*(?:(?:https?://|www\.|file:/)\S*\s*)?\d{1,4}\s*/\s*\d{1,4}\s*$|^\s*(?:https?://|www\.|file:/)\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?\s*$", re.IGNORECASE)


def drop_page_furniture(text: str) -> str:
    """For text from a PDF (pages separated by form feeds): drop page numbers, the running heads
    and feet that repeat at the top or bottom of most pages, and what a browser prints on every
    page of a saved web page (time stamp and page title at the top, address and ``1/2`` at the
    bottom); join the pages. A PDF read without layout (no line marked as wrapped) also has a
    line that runs to the full width of the page without closing punctuation joined to the next
    one. Text without page breaks is left as it is."""
    if "\f" not in text:
        return text
    pages = [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")]
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())
    repeated: set[str] = set()
    if len(pages) >= 2:
        edges: dict[str, int] = {}
        for page in pages:
            for line in {key(x) for x in page[:EDGE_LINES] + page[-EDGE_LINES:]}:
                edges[line] = edges.get(line, 0) + 1
        repeated = {line for line, n in edges.items() if n >= max(2, (len(pages) + 1) // 2)}
    out = []
    for page in pages:
        keep = list(page)
        for end in (0, -1):  # from the top, then from the bottom (a browser may write its header last)
            for _ in range(EDGE_LINES + 1):
                line = keep[end].replace(SOFT_BREAK, "") if keep else ""
                if keep and (_PAGE_NUMBER.match(line) or key(keep[end]) in repeated
                             or _PRINT_HEAD.match(line) or _PRINT_FOOT.match(line)):
                    dropped = keep.pop(end)
                    if end == -1 and dropped.endswith(SOFT_BREAK) and keep:
                        keep[-1] = keep[-1].rstrip(SOFT_BREAK) + SOFT_BREAK
        out.extend(keep)
    if any(SOFT_BREAK in line for line in out):
        return "\n".join(out)  # read by layout: the wrapped lines are marked, joined by the next step
    return "\n".join(_join_full_width(out))


def _join_full_width(lines: list[str]) -> list[str]:
    """Join each line as long as a full line of the page (≥ 90 % of the length most body lines
    reach), not ending in closing punctuation, to the line after it (unless that one starts an
    outline item)."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 10)
    if len(lengths) < 4:
        return lines
    full = lengths[int(len(lengths) * 0.8)]
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and out and not _OUTLINE_START.match(line.strip()):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
        tail = out[-1].rstrip()
        joining = len(line.strip()) >= 0.9 * full and bool(tail) and tail[-1] not in TERMINAL
    return out


_URL = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_URL_START = re.compile(r"^\s*(?:https?://|www\.)", re.IGNORECASE)
_SOFT_JOIN = re.compile(f"{SOFT_BREAK}\n?")


#: Characters that count 2 in a line's display width (CJK and everything above U+2E80).
_NARROW = re.compile("[\x00-\u2e80]+")


def _width(line: str) -> int:
    """Display width of a line: a CJK character counts 2, others 1 (counted in C: the narrow
    characters removed, what is left counts twice)."""
    line = line.strip()
    return len(line) + len(_NARROW.sub("", line))


def _glue(left: str, right: str) -> str:
    a, b = left.rstrip(), right.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def hard_wrap_width(lines: list[str]) -> int:
    """The width at which a text was hard-wrapped (lines broken at a fixed number of characters,
    as in text copied from a PDF or an e-mail), from the document's own line-length profile:
    the most common display width, when at least 40 % of its lines (and at least 5) end within
    3 of it; 0 when the text is not hard-wrapped."""
    widths = [_width(line) for line in lines if line.strip()]
    if len(widths) < 5:
        return 0
    counts: dict[int, int] = {}
    for w in widths:
        if w >= 30:
            counts[w] = counts.get(w, 0) + 1
    if not counts:
        return 0
    best = max(counts, key=lambda w: (sum(counts.get(w - d, 0) for d in range(3)), w))
    near = sum(1 for w in widths if best - 3 <= w <= best)
    return best if near >= 5 and near >= 0.4 * len(widths) else 0


def join_wrapped_lines(text: str) -> str:
    """Join the lines that the layout, not the author, broke: lines a reader marked as wrapped
    (the PDF reader writes U+2028 where a line ran to the right margin and the next continued the
    paragraph) and, in a plain text that is hard-wrapped (see :func:`hard_wrap_width`), a full
    line to the next. Never across a blank line, after the first (title) line, after a line that
    ends in a web address, or before an outline item (一、 （一） 1. …)."""
    if SOFT_BREAK in text:
        parts = _SOFT_JOIN.split(text)
        joined = parts[0]
        for part in parts[1:]:
            joined = _glue(joined, part)
        return joined
    lines = text.split("\n")
    width = hard_wrap_width(lines)
    if not width:
        return text
    out: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        if joining and line.strip() and not _OUTLINE_START.match(line.strip()) and not _URL_START.match(line):
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
        last = out[-1].rstrip()
        joining = (i > 0 and bool(last) and _width(line) >= width - 3 and not _URL.search(last)
                   and last[-1] not in "。！？!?")
    return "\n".join(out)


@lru_cache(maxsize=1)
def _opencc_t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _traditional(text: str) -> bool:
    from .textio import looks_traditional

    sample = text[:20_000] + text[len(text) // 2: len(text) // 2 + 20_000] if len(text) > 40_000 else text
    return looks_traditional(sample)


def to_simplified(text: str) -> str:
    """Convert a text in Traditional script to Simplified; a text that does not look Traditional
    is left as it is. A text from Taiwan or Hong Kong is also put into Mainland vocabulary
    (人工智慧→人工智能, 數位→数字, 資訊科技→信息技术, 創科→创新科技), so that the cue lists of the
    extractors find its words; see :mod:`zhpolicy.reading.regions`. Any other Traditional text
    is converted with OpenCC ``t2s``, in script only.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    if not _traditional(text):
        return text
    return simplify(text)


def simplified_how(text: str) -> str:
    """How :func:`to_simplified` converts *text* (``OpenCC t2s``, ``OpenCC tw2s + 台湾用语…``),
    or "" when it leaves the text as it is."""
    return conversion_label(text) if _traditional(text) else ""


#: Unicode space separators (category Zs) and other blanks, all turned into one ASCII space.
_BLANKS = re.compile("[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalize_whitespace(text: str) -> str:
    """Unify line endings (CRLF, CR → LF) and spaces (U+3000, NBSP, tabs → one space);
    drop zero-width characters; strip each line; drop blank lines (one paragraph per line). In a
    long line whose breaks were lost (a web page copied as one line), the space after its title and
    the spaces around a run-in heading are line breaks again (:func:`restore_lost_breaks`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if _ODD_SPACE.search(text):  # most texts hold none: the three passes would change nothing
        text = _MANY_SPACES.sub(" ", _BLANKS.sub(" ", _ZERO_WIDTH.sub("", text)))  # never across a line break
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(restore_lost_breaks(line) if len(line) >= LOST_BREAKS_MIN and " " in line else line
                     for line in lines if line)


#: Lines at least this long may be a whole page run together (a paragraph of a policy text rarely is).
LOST_BREAKS_MIN = 200
_DOC_TYPES = ("公报|报告|通知|决定|意见|方案|办法|规划|纲要|措施|细则|条例|通告|公告|讲话|决议|白皮书"
              "|公報|報告|決定|意見|辦法|規劃|綱要|細則|條例|講話|決議|白皮書")  # before to_simplified
#: ``2023年某县国民经济和社会发展统计公报 2023年，…``: a title (no punctuation, ending in a document type)
#: followed by a space at the start of a long line.
_RUN_IN_TITLE = re.compile(rf"^([^，。；：！？\s]{{4,60}}(?:{_DOC_TYPES})) (?=\S)")
#: ``…回升向好。 一、综合 初步核算，…``: a numbered heading of a few words between two spaces.
_RUN_IN_HEADING = re.compile(r"(?<=\S) ((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
                             r"[^，。；：！？、\s]{1,15}) (?=\S)")


def restore_lost_breaks(line: str) -> str:
    """The line breaks of a page saved as one long line, where spaces stand for them: after a
    title at the start (``…统计公报 2023年，…``) and around a run-in numbered heading
    (``。 一、综合 初步核算``). Other spaces stay (they may be letter spacing or a table row)."""
    line = _RUN_IN_TITLE.sub(r"\1\n", line)
    return _RUN_IN_HEADING.sub(r"\n\1\n", line)


_MANY_SPACES = re.compile(" {2,}")
#: What one of normalize_whitespace's passes would change: a zero-width character, a blank, two spaces.
_ODD_SPACE = re.compile(f"{_ZERO_WIDTH.pattern}|{_BLANKS.pattern}|  ")


#: Full-width forms of ASCII (U+FF01–FF5E) except the Chinese punctuation kept full-width.
_FULL_FORMS = re.compile("[" + "".join(chr(c) for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0) not in _HALF_TO_FULL) + "]")
_ASCII_PUNCT = re.compile(r"[,;:?!()]")
#: Small form variants (U+FE50–FE6B), as some pages print punctuation and symbols: the usual forms. A small
#: full stop between digits is a decimal point (1﹒1%), elsewhere a full stop.
_SMALL_FORMS = re.compile("[\ufe50-\ufe6b]")
_SMALL_POINT = re.compile(r"(?<=\d)\ufe52(?=\d)")
_SMALL_FORM_TABLE = str.maketrans("﹐﹑﹒﹔﹕﹖﹗﹙﹚﹛﹜﹝﹞﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫",
                                  "，、。；：？！（）｛｝〔〕#&*+-<>=\\$%@")


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character before (step -1) or after (step 1) *index* that is neither a space
    nor another convertible ASCII mark, within the same line; "" if there is none."""
    index += step
    while 0 <= index < len(text) and (text[index] == " " or text[index] in _HALF_TO_FULL):
        index += step
    if 0 <= index < len(text) and text[index] != "\n":
        return text[index]
    return ""


#: An HTML entity (:data:`.markup.ENTITY`) ending at a ``;``.
_ENTITY_END = re.compile(ENTITY.pattern + "$")


def _to_full_width(match: re.Match) -> str:
    text, ch, i = match.string, match.group(0), match.start()
    prev, nxt = _neighbour(text, i, -1), _neighbour(text, i, 1)
    if ch in ",:" and prev.isdigit() and nxt.isdigit():
        return ch  # 1,000 or 10:30
    if ch == ";" and _ENTITY_END.search(text, max(0, i - 40), i + 1):
        return ch  # &lt;p&gt; written out in a text (an HTML entity keeps its ;)
    return _HALF_TO_FULL[ch] if (_is_cjk(prev) or _is_cjk(nxt)) else ch


def unify_punctuation(text: str) -> str:
    """Full-width digits/letters/symbols (０-９, Ａ-Ｚ, ％, ［］ …) become half-width;
    half-width ``, ; : ? ! ( )`` next to Chinese become full-width; spaces beside
    full-width punctuation are dropped. ``。、“”`` are left as they are.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    text = _FULL_FORMS.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    if _SMALL_FORMS.search(text):  # 按年上升1﹒1%: Hong Kong pages write the decimal point as a small full stop
        text = _SMALL_POINT.sub(".", text).translate(_SMALL_FORM_TABLE)
    if not _ASCII_PUNCT.search(text):
        # no mark to make full-width, no bracket to pair (most texts): one pass drops the spaces, and
        # a second would change nothing (dropping spaces after a mark never puts one before a mark)
        return _drop_spaces_by_full(text) if " " in text else text
    # A mark that became full-width makes its neighbour "next to Chinese" too (the “(” of “((”):
    # repeat until nothing changes, so that cleaning twice gives the same text. Each round only
    # turns half-width marks into full-width ones or drops spaces, so this ends (a few rounds).
    while True:
        before = text
        text = _ASCII_PUNCT.sub(_to_full_width, text)
        # brackets come in pairs: when one half became full-width, so does the other
        text = _HALF_OPEN.sub(r"（\1）", text)
        text = _HALF_CLOSE.sub(r"（\1）", text)
        if " " in text:
            text = _drop_spaces_by_full(text)
        if text == before:
            return text


_HALF_OPEN = re.compile(r"\(([^()（）\n]*)）")
_HALF_CLOSE = re.compile(r"（([^()（）\n]*)\)")
_SPACES = re.compile(" +")


def _drop_space_run(match: re.Match) -> str:
    start, end = match.span()
    text = match.string
    if (start and text[start - 1] in _FULL_PUNCT_NO_SPACE) or (end < len(text) and text[end] in _FULL_PUNCT_NO_SPACE):
        return ""
    return match.group(0)


def _drop_spaces_by_full(text: str) -> str:
    """Drop the spaces before and after full-width punctuation (``re.sub(" +(?=[，。…])", "")`` and
    then ``re.sub("(?<=[，。…]) +", "")``: each run of spaces goes when a mark stands on either
    side of it), in one pass over the runs of spaces."""
    return _SPACES.sub(_drop_space_run, text)


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    scope: str  # "line" or "span"
    pattern: re.Pattern


@lru_cache(maxsize=None)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """Return the boilerplate rules of ``zhpolicy/data/boilerplate.tsv``."""
    rules = []
    for raw in data_path("boilerplate.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        name, scope, pattern = raw.split("\t", 2)
        rules.append(BoilerplateRule(name, scope, re.compile(pattern, re.IGNORECASE | re.MULTILINE)))
    return tuple(rules)


def boilerplate_matches(text: str) -> pd.DataFrame:
    """Return the boilerplate found in *text*: one row per match with the rule's name."""
    rows = []
    for rule in boilerplate_rules():
        for m in rule.pattern.finditer(text):
            if m.group(0).strip():
                rows.append({"rule": rule.name, "scope": rule.scope, "text": m.group(0), "start": m.start()})
    return pd.DataFrame(rows, columns=["rule", "scope", "text", "start"])


def strip_boilerplate(text: str) -> str:
    """Remove site and print boilerplate (watermarks, Word bookmarks, 下转第N版, □ bylines,
    中图分类号 lines, 责编/美编, 元描述 …) by the rules in ``zhpolicy/data/boilerplate.tsv``."""
    # a rule that matches nowhere in the (line-stripped) text is skipped without splitting it
    # into lines: on a 200 MB file this is most of the step's time
    stripped = not _unstripped(text)
    anchored, combined = _anchored_rules()
    clear = None  # whether no rule of `anchored` matches the text as it is now (looked up when it matters)
    for rule in boilerplate_rules():
        if stripped:
            if rule in anchored:
                if clear is None:
                    clear = not combined.search(text)
                if clear:
                    continue
            if not rule.pattern.search(text):
                continue
        if rule.scope == "line":
            lines = text.split("\n")
            changed = "\n".join(line for line in lines if not rule.pattern.match(line.strip()))
        else:
            changed = "\n".join(rule.pattern.sub("", line).strip() for line in text.split("\n"))
        if changed != text:
            text, clear = changed, None
    if "\n\n" not in text and not text.startswith("\n") and not text.endswith("\n"):
        return text  # no blank line to drop
    return "\n".join(line for line in text.split("\n") if line)


def _unstripped(text: str) -> bool:
    """Whether a line of *text* starts or ends with a space or tab (``^[ \\t]|[ \\t]$`` in
    multi-line mode, found by substring search)."""
    return (text.startswith((" ", "\t")) or text.endswith((" ", "\t"))
            or "\n " in text or "\n\t" in text or " \n" in text or "\t\n" in text)


#: What keeps two patterns from being joined by ``|``: a numbered or named back reference, an inline flag group.
_UNCOMBINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]+\)")


@lru_cache(maxsize=None)
def _anchored_rules() -> tuple[frozenset[BoilerplateRule], re.Pattern | None]:
    """The boilerplate rules whose pattern opens with ``^`` (most of them), and one
    pattern that matches where any of them does: ``(?:^A)|(?:^B)|…``. Most texts hold no
    boilerplate: one search for it costs about what one of these rules' searches does (each is
    tried at every position of the text), against one search per rule. (Joining a rule that is
    not anchored makes the search as slow as all of them.) No rules when fewer than two
    can be joined (a back reference or an inline flag group keeps a rule apart)."""
    rules = [r for r in boilerplate_rules() if r.pattern.pattern.startswith("^")
             and not _UNCOMBINABLE.search(r.pattern.pattern)]
    try:
        combined = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules), re.IGNORECASE | re.MULTILINE)
    except re.error:
        rules = []
    if len(rules) < 2:
        return frozenset(), None
    return frozenset(rules), combined


def _matched_share(core: str, following: str) -> float:
    blocks = SequenceMatcher(None, core, following, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / max(len(core), 1)


#: A teaser is looked for only among the first lines of a document (where reposting sites put it).
TEASER_LINES = 6


def truncated_teasers(text: str, min_chars: int = 20, threshold: float = 0.9) -> list[tuple[int, str, str]]:
    """Find the truncated excerpt that reposting sites put above an article: one of the first
    :data:`TEASER_LINES` lines, ending with ``...``/``…``, whose text (≥ 90 % of it) is the
    opening of what follows it, written out in full (the following lines do not end in an ellipsis
    themselves). A line further down, a line that does not copy the text right after it, or one
    of a list of items each cut short, is never a teaser. Linear in the length of the text.

    Returns ``(line index, the line without its ellipsis, the text that follows)`` for each."""
    lines = text.split("\n", TEASER_LINES + 4)[: TEASER_LINES + 4]
    found = []
    for i, line in enumerate(lines[:TEASER_LINES]):
        m = _ELLIPSIS_END.search(line)
        core = line[: m.start()] if m else ""
        if m and len(core) >= min_chars:
            used, size = [], 0
            for nxt in lines[i + 1 : i + 4]:
                if size >= len(core):
                    break
                used.append(nxt)
                size += len(nxt)
            if any(_ELLIPSIS_END.search(x) for x in used):
                continue  # what follows is cut short too: a list of items, not the full text
            following = "".join(lines[i + 1 : i + 4])[: len(core) + 10]
            if _matched_share(core, following) >= threshold:
                found.append((i, core, following))
                break
    return found


def drop_truncated_teaser(text: str, min_chars: int = 20, threshold: float = 0.9) -> str:
    """Drop the truncated excerpt of the document's opening that reposting sites put above the
    article (see :func:`truncated_teasers`); nothing else."""
    found = truncated_teasers(text, min_chars, threshold)
    if not found:
        return text
    lines = text.split("\n", TEASER_LINES + 4)
    drop = {i for i, _, _ in found}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def drop_repeated_lines(text: str) -> str:
    """Drop a line that repeats the line just before it (reposting sites often print the
    title twice)."""
    out: list[str] = []
    for line in text.split("\n"):
        if not out or line != out[-1]:
            out.append(line)
    return "\n".join(out)


_LABEL_LINE = re.compile(r"^[^，。；！？]{1,12}[：:]")


def _title_like(line: str) -> bool:
    """A short line with at most one comma and no full stop: a title, a name, a heading."""
    return len(line) <= 40 and line.count("，") + line.count(",") <= 1 and not re.search(r"[。！？]", line)


def _continues(line: str, nxt: str, first: bool = False) -> bool:
    """True when *line* was broken mid-sentence and *nxt* carries on the same sentence."""
    if not line or not nxt or line[-1] in TERMINAL or _OUTLINE_START.match(nxt):
        return False
    if _URL.search(line) or _URL_START.match(nxt) or _LABEL_LINE.match(nxt):
        return False  # a web address, a field label (来源：…) or a salutation (同志们：) stands alone
    if line[-1] in "，,、（(“《":
        return True  # the sentence goes on
    if _NUMBER_END.search(line) and _UNIT_START.match(nxt):
        return True  # 635.4 / 万人年
    if _title_like(line):
        return False  # a title, a speaker's name, a heading
    body = _OUTLINE_START.sub("", line)
    return "，" in body or "," in body or len(body) >= 60


def rejoin_broken_lines(text: str) -> str:
    """Join a line to the next when it stops mid-sentence: it has no closing punctuation and
    reads as body text (it ends in a comma or an opening bracket, or it is long or holds commas,
    or it ends in a number whose unit starts the next line). The first line (the title), short
    title-like lines (names, headings), lines ending in a web address, a next line that is a
    web address, a field label (来源：…), a salutation (同志们：) or an outline item are left alone.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and _continues(out[-1], line, first=len(out) == 1 and i == 1):
            sep = " " if (out[-1][-1].isascii() and out[-1][-1].isalpha() and line[0].isascii() and line[0].isalpha()) else ""
            joined = out[-1] + sep + line
            if _ASCII_PUNCT.search(joined):
                # ASCII punctuation may now have Chinese beside it (",⏎科技" → "，科技"), or a
                # bracket its full-width partner from the other line ("(…⏎）" → "（…）")
                joined = unify_punctuation(joined)
            out[-1] = joined
        else:
            out.append(line)
    return "\n".join(out)


#: The cleaning steps, in the order :func:`clean_text` applies them.
CLEANING_STEPS = (
    strip_html_markup,
    drop_page_furniture,
    join_wrapped_lines,
    normalize_whitespace,
    to_simplified,
    unify_punctuation,
    strip_boilerplate,
    drop_truncated_teaser,
    drop_repeated_lines,
    rejoin_broken_lines,
)


def clean_text(text: str, *, before=None, skip=(), start=None) -> str:
    """Apply the steps of :data:`CLEANING_STEPS` to *text* and return the cleaned text: all of
    them, or only those that come before the step function *before*, or only those from the step
    function *start* on; steps named in *skip* (e.g. ``("to_simplified",)``) are left out.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    started = start is None
    for step in CLEANING_STEPS:
        if step is before:
            break
        started = started or step is start
        if not started:
            continue
        if step.__name__ not in skip:
            text = step(text)
    return text


# ---------------------------------------------------------------- the audit


def text_changes(before: str, after: str) -> list[tuple[str, str]]:
    """Return the edits that turn *before* into *after* as ``(removed, added)`` pairs."""
    a_lines, b_lines = before.split("\n"), after.split("\n")
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        old = "\n".join(a_lines[i1:i2])
        new = "\n".join(b_lines[j1:j2])
        # include the line break that joins the block to its neighbours
        if tag == "delete" and i2 < len(a_lines):
            old += "\n"
        if tag == "insert" and j2 < len(b_lines):
            new += "\n"
        if tag != "replace":
            changes.append((old, new))
            continue
        for t2, k1, k2, l1, l2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if t2 != "equal":
                changes.append((old[k1:k2], new[l1:l2]))
    return changes


def _show(s: str, width: int = 24) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= width else s[: width - 1] + "…"


def cleaning_audit(texts, skip=None) -> pd.DataFrame:
    """Run the cleaning steps on each raw text and report what each step changed.

    *texts* is a dict or Series of raw texts, or a corpus from :func:`zhpolicy.load_corpus`
    (its ``raw`` column is used).

    Returns one row per document and step: ``doc_id, step, changes, chars_removed,
    chars_added, chars_after, example`` (the first change, shown as ``'old' → 'new'``,
    with ⏎ for a line break) and ``detail`` (for ``to_simplified``: which conversion ran, e.g.
    ``OpenCC tw2s + 台湾用语（标记：新臺幣、人工智慧）``). Steps named in *skip* (default: those the
    corpus was loaded without, ``corpus.attrs["cleaning_skip"]``, and per document
    ``corpus.attrs["cleaning_skip_docs"]``: markup removal runs on .txt files only) are listed with no changes.

    Taught in lesson 01 (``01_corpus.ipynb``).
    """
    per_doc = {}
    if skip is None:
        skip = texts.attrs.get("cleaning_skip", ()) if isinstance(texts, pd.DataFrame) else ()
        per_doc = texts.attrs.get("cleaning_skip_docs", {}) if isinstance(texts, pd.DataFrame) else {}
    rows = []
    docs = iter_docs(texts, "raw") if isinstance(texts, pd.DataFrame) else iter_docs(texts)
    for doc_id, text in docs:
        skipped = per_doc.get(doc_id, skip)
        for step in CLEANING_STEPS:
            after = text if step.__name__ in skipped else step(text)
            changes = text_changes(text, after) if after != text else []
            rows.append(
                {
                    "doc_id": doc_id,
                    "step": step.__name__,
                    "changes": len(changes),
                    "chars_removed": sum(len(old) for old, _ in changes),
                    "chars_added": sum(len(new) for _, new in changes),
                    "chars_after": len(after),
                    "example": (f"'{_show(changes[0][0])}' → '{_show(changes[0][1])}'" if changes else ""),
                    "detail": simplified_how(text) if step is to_simplified and changes else "",
                }
            )
            text = after
    return pd.DataFrame(rows)


def cleaning_summary(audit: pd.DataFrame) -> pd.DataFrame:
    """Pivot an audit into a step × document table of change counts.

    Taught in lesson 01 (``01_corpus.ipynb``)."""
    table = audit.pivot(index="step", columns="doc_id", values="changes")
    order = [s.__name__ for s in CLEANING_STEPS]
    return table.reindex(order)
