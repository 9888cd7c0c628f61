"""Plotting helpers that return matplotlib figures (call :func:`zhpolicy.use_chinese_font` first),
one module per lesson group: :mod:`.words` (01, 02), :mod:`.graphs` (03, 04 networks),
:mod:`.chains` (04), :mod:`.statistics` (05), :mod:`.instruments` (06), and :mod:`.layout`
(labels and heat maps every lesson shares). Every name is available here as
``zhpolicy.teaching.plots.<name>``."""

from __future__ import annotations

from .chains import CHAIN_SIGNS, MOVE_COLOURS, argument_figure, chains_figure
from .graphs import (KEY_MARKS, KIND_COLOURS, KIND_NAMES, _hub_layout, concept_subgraph, graph_figure,
                     network_figure, separate_nodes, wrapped_labels)
from .instruments import INSTRUMENT_COLOURS, SUBTYPE_HATCHES, intensity_figure, instrument_mix_figure, subtype_styles
from .layout import _short, heatmap, spread_labels  # noqa: F401  (_short, _hub_layout: tests use them)
from .statistics import FLAG_COLOUR, PLAIN_COLOUR, STAT_PANELS, flagged_figures, statistics_figure
from .words import SIGNIFICANT_G2, bar_chart, dispersion_figure, keyness_figure, length_figure, wordcloud_image

__all__ = [
    "CHAIN_SIGNS", "FLAG_COLOUR", "INSTRUMENT_COLOURS", "KEY_MARKS", "KIND_COLOURS", "KIND_NAMES", "MOVE_COLOURS",
    "PLAIN_COLOUR", "SIGNIFICANT_G2", "STAT_PANELS", "SUBTYPE_HATCHES", "argument_figure", "bar_chart",
    "chains_figure", "concept_subgraph", "dispersion_figure", "flagged_figures", "graph_figure", "heatmap", "intensity_figure",
    "instrument_mix_figure", "keyness_figure", "length_figure", "network_figure", "separate_nodes",
    "spread_labels", "statistics_figure", "subtype_styles", "wordcloud_image", "wrapped_labels",
]
