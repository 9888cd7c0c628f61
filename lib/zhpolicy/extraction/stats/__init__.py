"""The statistics a text cites: find them, normalise them, date them, trace them, cross-check them.

:func:`extract_statistics` finds every cited figure with rules a student can read:

* a **quantity** — a number, an optional magnitude (万, 亿, 万亿) and a unit from
  ``zhpolicy/data/units.tsv`` (``3.6万亿元``, ``56.3 万亿元``, ``3200多万人``, ``1500余家``, ``23.4%``);
* a **range** or **threshold** — ``5%—6%``, ``5至6个百分点``, ``<2000美元``;
* a **rank** — ``排名全球第10位``, ``位居世界第一``, ``前10位``;
* a **multiple or fraction** — ``两倍``, ``翻一番``, ``三成``, ``三分之一``, ``百分之十五``.

Values are converted to base units (``3.6万亿元`` → 3.6e12 ``元``). Each figure gets a
``year`` and the ``year_source`` that gave it (the figure's clause, its sentence, its
paragraph, the section heading above it, or a relative word such as 今年/去年 resolved against
the document's date) and a ``kind`` (achieved, target, plan, comparison). Numbers that are *not*
statistics are left out by the rules of ``zhpolicy/data/stat_not_statistics.tsv`` and by construction
(years and dates, ordinals, codes such as 5G or C919, citation marks, anything inside 《…》,
bare numbers without a unit, programme names such as 百千万工程).
:func:`check_consistency` then compares the figures with each other.

The package, by concern: :mod:`.figures` (number forms and units), :mod:`.years`, :mod:`.kinds`,
:mod:`.indicators` (what is measured, and the source), :mod:`.table` (:func:`extract_statistics`),
:mod:`.explain` (words for a student), :mod:`.consistency` (:func:`check_consistency`), :mod:`.scopes`
(lead paragraphs that set the year and kind of what follows), :mod:`.targets` (:func:`track_targets`:
promised against done).
"""

from .consistency import (GROWING_INDICATOR_WORDS, INDICATOR_SYNONYMS, check_consistency, normalise_indicator,
                          related_indicator_keys)
from .explain import percent_kind, percent_kind_cues, percent_kinds, year_explanation
from .figures import QUALIFIERS_AFTER, QUALIFIERS_BEFORE, cn_to_int, format_value, not_statistic_rules
from .indicators import SOURCE_PATTERNS
from .kinds import figure_kind, kind_cues
from .table import STAT_COLUMNS, extract_statistics
from .targets import TARGET_COLUMNS, indicator_table, track_targets, verdict_rules
from .years import YEAR_SOURCES, document_year_month, relative_year_words, resolve_relative_year

__all__ = [
    "GROWING_INDICATOR_WORDS", "INDICATOR_SYNONYMS", "QUALIFIERS_AFTER", "QUALIFIERS_BEFORE", "SOURCE_PATTERNS",
    "STAT_COLUMNS", "TARGET_COLUMNS", "YEAR_SOURCES", "check_consistency", "cn_to_int", "document_year_month", "extract_statistics", "figure_kind",
    "format_value", "kind_cues", "normalise_indicator", "not_statistic_rules", "percent_kind", "percent_kind_cues",
    "percent_kinds", "related_indicator_keys", "relative_year_words", "resolve_relative_year", "year_explanation",
    "indicator_table", "track_targets", "verdict_rules",
]
