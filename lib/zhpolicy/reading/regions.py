"""Traditional texts from Taiwan and Hong Kong, converted to Simplified in Mainland vocabulary.

OpenCC's plain ``t2s`` changes the script only: a Taiwan text keeps 人工智慧, 数位, 软体, 网路, 资讯,
and the cue lists of the extractors (written in Mainland vocabulary) miss them. So the conversion
depends on where a text comes from:

* :func:`text_region` tells it from the words the text uses (``data/regional_markers.tsv``):
  Taiwan (新臺幣, 行政院, 人工智慧, 數位, an ROC date such as 113年5月20日 …), Hong Kong or Macau
  (特區政府, 立法會, 港元, 創科, 數碼, Cantonese 嘅/咗 …), else none. Mainland words printed in
  Traditional script (人工智能, 軟件, 國務院 …) hold Taiwan's conversion back, so that a Mainland
  text in Traditional script is only changed in script.
* :func:`simplify` converts a Taiwan text with OpenCC ``tw2sp`` (phrases: 人工智慧→人工智能,
  数位→数字, 软体→软件, 网路→网络 …), a Hong Kong text with ``hk2s`` and any other with ``t2s``;
  for Taiwan and Hong Kong the regional words of ``data/regional_phrases.tsv`` (育成中心→孵化中心,
  產學合作→产学研合作, 資訊科技→信息技术, 創科→创新科技 …) are written the Mainland way first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..paths import data_path
from .dates import _roc_date

#: OpenCC configuration for each region ("" = not known to be Taiwan or Hong Kong).
OPENCC_CONFIGS = {"tw": "tw2s", "hk": "hk2s", "": "t2s"}
REGION_NAMES = {"tw": "台湾", "hk": "香港", "": ""}
#: A region needs at least this many different markers, and more than the competing regions.
MIN_MARKERS = 2
#: Characters read to tell the region (the start and the middle of a long text).
SAMPLE_CHARS = 20_000


def _rows(name: str) -> list[list[str]]:
    rows = []
    for raw in data_path(name).read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append(raw.split("\t"))
    return rows


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of all markers (longest first) and the region of each marker."""
    region_of = {word: region for region, word in _rows("regional_markers.tsv")}
    pattern = re.compile("|".join(re.escape(w) for w in sorted(region_of, key=len, reverse=True)))
    return pattern, region_of


@dataclass(frozen=True)
class _Phrases:
    pattern: re.Pattern
    replacements: tuple[str, ...]  # one per group of the pattern


@lru_cache(maxsize=None)
def _phrases(region: str) -> _Phrases | None:
    rows = sorted(((p, m) for r, p, m in _rows("regional_phrases.tsv") if r == region),
                  key=lambda row: len(re.sub(r"\(\?<?[!=][^)]*\)", "", row[0])), reverse=True)
    if not rows:
        return None
    return _Phrases(re.compile("|".join(f"({p})" for p, _ in rows)), tuple(m for _, m in rows))


def _sample(text: str) -> str:
    if len(text) <= 2 * SAMPLE_CHARS:
        return text
    middle = len(text) // 2
    return text[:SAMPLE_CHARS] + "\n" + text[middle: middle + SAMPLE_CHARS]


def region_markers(text: str) -> dict[str, list[str]]:
    """The different markers of each region (``tw``, ``hk``, ``cn``) found in *text* (its start and
    middle when long), in the order met; an ROC date counts as a marker of Taiwan."""
    sample = _sample(text)
    pattern, region_of = _markers()
    found: dict[str, list[str]] = {"tw": [], "hk": [], "cn": []}
    for m in pattern.finditer(sample):
        words = found[region_of[m.group()]]
        if m.group() not in words:
            words.append(m.group())
    if _roc_date(sample)[0] >= 0:
        found["tw"].append("民國紀年")
    return found


def text_region(text: str) -> str:
    """``"tw"`` for a text in Taiwan's vocabulary, ``"hk"`` for Hong Kong's (or Macau's), else ``""``.

    A region needs :data:`MIN_MARKERS` different markers (``data/regional_markers.tsv``) and more
    than the other region; Taiwan also more than the Mainland words printed in Traditional script."""
    found = region_markers(text)
    tw, hk, cn = (len(found[r]) for r in ("tw", "hk", "cn"))
    if tw >= MIN_MARKERS and tw > hk and tw > cn:
        return "tw"
    if hk >= MIN_MARKERS and hk > tw:
        return "hk"
    return ""


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def simplify(text: str, region: str | None = None) -> str:
    """*text* (Traditional script) in Simplified script and, for Taiwan and Hong Kong, in Mainland
    vocabulary. *region* defaults to :func:`text_region` of the text."""
    region = text_region(text) if region is None else region
    convert = _opencc(OPENCC_CONFIGS[region]).convert
    phrases = _phrases(region) if region else None
    if phrases is None:
        return convert(text)
    out, last = [], 0
    for m in phrases.pattern.finditer(text):
        out.append(convert(text[last:m.start()]))
        out.append(phrases.replacements[m.lastindex - 1])
        last = m.end()
    out.append(convert(text[last:]))
    return "".join(out)


def conversion_label(text: str) -> str:
    """How :func:`simplify` converts *text*, for the cleaning audit and the reading warnings:
    ``OpenCC t2s``, or ``OpenCC tw2sp + 台湾用语（标记：新臺幣、人工智慧、數位）``."""
    region = text_region(text)
    label = f"OpenCC {OPENCC_CONFIGS[region]}"
    if not region:
        return label
    shown = "、".join(region_markers(text)[region][:5])
    return f"{label} + {REGION_NAMES[region]}用语（标记：{shown}）"
