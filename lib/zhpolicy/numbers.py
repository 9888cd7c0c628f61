"""Numbers as written in Chinese texts: digits, magnitude words (万, 亿, 万亿) and units.

Shared by the tokenizer (which keeps ``3.6万亿元`` and ``23.4%`` as one token) and by the
statistics extractor.
"""

from __future__ import annotations

import re

#: Magnitude words and the power of ten each stands for.
MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}

#: Units that may follow a number, longest first so that 人年 wins over 人.
UNITS = (
    "个百分点", "百分点", "千瓦时", "平方公里", "人年", "人次", "美元", "欧元", "日元", "港元", "元",
    "公里", "千瓦", "%", "‰", "件", "个", "项", "家", "倍", "吨", "人", "位", "年", "月", "日",
    "所", "座", "台", "套", "名", "次", "种", "条", "亩", "天",
)

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in UNITS)

#: A number with optional magnitude and unit, e.g. ``3.6万亿元``, ``635.4万人年``, ``2.54%``.
NUMBER = re.compile(rf"(?<![A-Za-z0-9.]){_DIGITS}(?:{_MAG})?(?:{_UNIT})?(?![A-Za-z\d])")

#: A citation mark such as ``[1]`` or ``[2,3]``.
CITATION = re.compile(r"\[\d+(?:[,，\-–]\d+)*\]")


# ---------------------------------------------------------------- units for the statistics extractor


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


def unit_table() -> dict[str, tuple[str, float, str]]:
    """Units from ``data/units.tsv``: unit → (base unit, factor, group), longest unit first."""
    rows = _read_tsv("units.tsv")
    table = {r["unit"]: (r["base"], float(r["factor"]), r["group"]) for r in rows}
    return dict(sorted(table.items(), key=lambda item: -len(item[0])))


#: Words that begin with a unit character but are not a unit (个人, 部门, 人才 …).
NOT_UNIT_WORDS = (
    "个人", "个体", "个性", "个别", "部门", "部署", "部分", "部委", "部队", "次要", "口岸", "口径", "片区",
    "期间", "期限", "场景", "场所", "支持", "支撑", "支付", "支出", "处理", "处置", "处于", "间接", "位于",
    "位置", "条件", "条例", "只有", "只要", "只是", "头部", "方面", "方式", "方向", "方案", "方法", "人才",
    "人民", "家庭", "家居", "家电", "项目", "台阶", "所有", "所以", "名单", "名称", "名牌", "户籍", "块状",
    "批准", "笔者", "例如", "套餐", "张力", "座谈", "元素", "元年", "架构", "种类", "种植", "种业", "米粮",
    "件事", "条线", "股份", "宗旨", "片面", "棵树", "台湾", "台州", "家乡", "人工", "人类", "人们",
    "成为", "成果", "成本", "成效", "成立", "成员", "成交", "成熟", "成绩", "成就", "成长", "成都", "成功", "成型",
)


def unit_at(text: str, pos: int, units: dict | None = None) -> str:
    """The longest unit of :func:`unit_table` starting at ``text[pos]`` that does not begin a
    longer ordinary word (``3个人`` still gives 个… unless the text reads ``个人``), else ``""``."""
    if units is None:  # the units of units.tsv: only those starting with the character at pos are tried
        candidates = _UNITS_BY_FIRST_CHARACTER.get(text[pos:pos + 1], ())
    else:
        candidates = tuple((unit, _longer_words(unit)) for unit in units)
    for unit, longer_words in candidates:
        if text.startswith(unit, pos):
            if longer_words and text.startswith(longer_words, pos):
                continue
            return unit
    return ""


def _longer_words(unit: str) -> tuple[str, ...]:
    """The ordinary words of :data:`NOT_UNIT_WORDS` that begin with *unit* and are longer (个 → 个人 …)."""
    return tuple(w for w in NOT_UNIT_WORDS if w.startswith(unit) and len(w) > len(unit))


def _units_by_first_character(units: dict) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The units grouped by their first character, in table order (longest first), each with its
    :func:`_longer_words`: :func:`unit_at` then tries a handful of units instead of all of them."""
    grouped: dict[str, list] = {}
    for unit in units:
        grouped.setdefault(unit[0], []).append((unit, _longer_words(unit)))
    return {first: tuple(pairs) for first, pairs in grouped.items()}


UNIT_TABLE = unit_table()
_UNITS_BY_FIRST_CHARACTER = _units_by_first_character(UNIT_TABLE)
