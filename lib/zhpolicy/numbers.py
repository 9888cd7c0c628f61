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
