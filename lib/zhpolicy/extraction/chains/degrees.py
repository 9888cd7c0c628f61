"""How many links each concept of the chains' concept graph has (lesson 04's table of the concepts
the chains connect most; the explorer's chains view lists the same table)."""

from __future__ import annotations

import pandas as pd


def concept_degrees(graph) -> pd.Series:
    """Each concept (node) of a concept graph (:func:`~zhpolicy.extraction.chains.chain_graph`) with its
    number of links (edges in and out), most linked first, ties in the graph's node order: a Series
    named ``links`` indexed by ``concept``. Lesson 04 shows the first eight of it; ``.reset_index()``
    gives a table of two columns."""
    degree = pd.Series(dict(graph.degree()), name="links", dtype=int).sort_values(ascending=False, kind="stable")
    return degree.rename_axis("concept")
