"""Numbers as written in Chinese texts: digits, magnitude words (万, 亿, 万亿) and units.

One definition for the whole library: units come from ``data/units.tsv`` and magnitude words from
``data/magnitudes.tsv``, and both the tokenizer (which keeps ``3.6万亿元``, ``1.4万亿斤`` and
``23.4%`` as one token, see :data:`NUMBER`) and the statistics extractor (:func:`unit_at`,
:data:`MAGNITUDES`) read them from there. A unit or magnitude is not read where it begins a longer
word (the files' ``not_before`` column: ``3个人``, ``110万人年度任务`` is 110万人 + 年度任务).
"""

from __future__ import annotations

import re


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file of the package (``#`` lines are comments, first row = header)."""
    from .paths import data_path

    lines = [line.rstrip("\n") for line in data_path(name).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def read_rule_table(name: str) -> list[dict[str, str]]:
    """A rule table of ``data/`` (``units.tsv``, ``stat_kinds.tsv`` …) as a list of row dicts."""
    return _read_tsv(name)


def _not_before(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(w for w in (row.get("not_before") or "").split("|") if w)


def unit_table() -> dict[str, tuple[str, float, str]]:
    """Units from ``data/units.tsv``: unit → (base unit, factor, group), longest unit first."""
    rows = _read_tsv("units.tsv")
    table = {r["unit"]: (r["base"], float(r["factor"]), r["group"]) for r in rows}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


def magnitude_table() -> dict[str, int]:
    """Magnitude words from ``data/magnitudes.tsv`` and the power of ten each stands for
    (万 → 10⁴, 万亿 → 10¹², 兆 → 10¹² as Taiwan and Hong Kong write it), longest first."""
    rows = _read_tsv("magnitudes.tsv")
    return dict(sorted(((r["magnitude"], 10 ** int(r["power"])) for r in rows), key=lambda item: -len(item[0])))


def _words_not_before(name: str, column: str) -> dict[str, tuple[str, ...]]:
    return {r[column]: _not_before(r) for r in _read_tsv(name)}


def trie_pattern(words: dict[str, tuple[str, ...]]) -> str:
    """A regular expression matching any of *words* (each with the strings that may not follow
    it), longest first: ``人年`` is tried before ``人``, and ``人年`` followed by ``度`` falls back to
    ``人``. Built as a trie (``人(?:年(?!度)|次|(?!才))``), so a match costs a few character tests
    rather than one per word."""
    trie: dict = {}
    for word, excluded in words.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = excluded

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items(), key=lambda kv: kv[0]) if ch]
        if "" in node:
            excluded = node[""]
            branches.append(f"(?!{'|'.join(map(re.escape, excluded))})" if excluded else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie) if trie else "(?!)"


#: Units (``data/units.tsv``): unit → (base unit, factor, group), longest first.
UNIT_TABLE = unit_table()
#: Magnitude words (``data/magnitudes.tsv``): word → power of ten, longest first.
MAGNITUDES = magnitude_table()
#: A unit of ``units.tsv`` where it stands (not where it begins a longer word), longest first.
UNIT = trie_pattern(_words_not_before("units.tsv", "unit"))
#: A magnitude word of ``magnitudes.tsv`` where it stands as one (not 千瓦, 兆赫).
MAGNITUDE = trie_pattern(_words_not_before("magnitudes.tsv", "magnitude"))
#: Words the tokenizer keeps with a number although they are not units: dates and days
#: (``2024年``, ``6月``, ``30日``, ``15天``). The statistics read them as dates, never as units.
TIME_WORDS = ("年", "月", "日", "天")

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"

#: A number with optional magnitude and unit (or time word), e.g. ``3.6万亿元``, ``635.4万人年``,
#: ``1.4万亿斤``, ``2.54%``, ``2024年``: the tokenizer keeps each as one token.
NUMBER = re.compile(rf"(?<![A-Za-z0-9.]){_DIGITS}(?:{MAGNITUDE})?(?:{UNIT}|{'|'.join(TIME_WORDS)})?(?![A-Za-z\d])")

#: A citation mark such as ``[1]`` or ``[2,3]``.
CITATION = re.compile(r"\[\d+(?:[,，\-–]\d+)*\]")

_UNIT_HERE = re.compile(UNIT)


def unit_at(text: str, pos: int, units: dict | None = None) -> str:
    """The longest unit of ``units.tsv`` starting at ``text[pos]`` that does not begin a longer
    ordinary word (``3个人`` gives no unit, ``110万人年度`` gives 人), else ``""``. With *units*
    (a dict whose keys are units of ``units.tsv``), only those units are tried."""
    if units is None:
        m = _UNIT_HERE.match(text, pos)
        return m.group(0) if m else ""
    for unit in sorted(units, key=len, reverse=True):
        if text.startswith(unit, pos) and not any(text.startswith(w, pos + len(unit)) for w in _UNIT_NOT_BEFORE.get(unit, ())):
            return unit
    return ""


_UNIT_NOT_BEFORE = _words_not_before("units.tsv", "unit")
