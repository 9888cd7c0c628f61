"""The kinds of row :func:`zhpolicy.extraction.chains.extract_chains` gives, defined once.

``SCORED_KINDS`` are the chains proper (scored against reference annotations, drawn in lesson 04's
chain figure and counted by its exercises); ``role`` and ``relation`` rows feed only the concept
graph (:data:`GRAPH_KINDS`)."""

SCORED_KINDS = ("sequence", "cycle", "mutual", "triad")
GRAPH_KINDS = SCORED_KINDS + ("role", "relation")
