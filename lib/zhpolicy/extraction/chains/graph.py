"""Comparing and graphing chains: node synonyms, chains shared by documents, the concept graph."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .cues import _word_table
from .kinds import GRAPH_KINDS, SCORED_KINDS
from .nodes import _node


def node_synonyms() -> pd.DataFrame:
    """The node names unified before chains are compared or graphed
    (``zhpolicy/data/node_synonyms.tsv``, small on purpose: extend it): ``variant, canonical``."""
    return _word_table("node_synonyms.tsv").copy()


@lru_cache(maxsize=1)
def _synonym_map() -> dict[str, str]:
    table = _word_table("node_synonyms.tsv")
    return dict(zip(table["variant"], table["canonical"]))


def normalise_node(node: str) -> str:
    """Map a node to its canonical name (see :func:`node_synonyms`)."""
    node = _node(node)
    return _synonym_map().get(node, node)


def shared_chains(chains: pd.DataFrame, kinds=SCORED_KINDS) -> pd.DataFrame:
    """Chains that two or more documents share (same kind, same nodes after normalisation;
    a node matches when one name contains the other). Returns ``chain, kind, documents, n_docs``.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    rows = chains[chains["kind"].isin(kinds)].to_dict("records")
    groups: list[dict] = []
    for row in rows:
        nodes = [normalise_node(n) for n in row["nodes"]]
        for group in groups:
            if group["kind"] == row["kind"] and len(group["nodes"]) == len(nodes) and all(
                a in b or b in a for a, b in zip(group["nodes"], nodes)
            ):
                group["docs"].add(row["doc_id"])
                break
        else:
            groups.append({"kind": row["kind"], "nodes": nodes, "chain": row["chain"], "docs": {row["doc_id"]}})
    out = [
        {"chain": g["chain"], "kind": g["kind"], "documents": "、".join(sorted(g["docs"])), "n_docs": len(g["docs"])}
        for g in groups if len(g["docs"]) > 1
    ]
    table = pd.DataFrame(out, columns=["chain", "kind", "documents", "n_docs"])
    return table.sort_values(["n_docs", "chain"], ascending=[False, True]).reset_index(drop=True)


def chain_graph(chains: pd.DataFrame, kinds=GRAPH_KINDS):
    """A :class:`networkx.DiGraph` of concepts: an edge for each step of a sequence (and from
    the last node back to the first for a cycle), both directions for a mutual relation, and
    subject → value for triads, roles and relations. Node names are normalised with
    :func:`node_synonyms`; each edge records its ``kinds``, ``docs`` and ``weight``.

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    import networkx as nx

    graph = nx.DiGraph()

    def add(a: str, b: str, kind: str, doc_id: str, label: str = "") -> None:
        a, b = normalise_node(a), normalise_node(b)
        if not a or not b or a == b:
            return
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            data["weight"] += 1
            data["kinds"] = sorted(set(data["kinds"]) | {kind})
            data["docs"] = sorted(set(data["docs"]) | {doc_id})
        else:
            graph.add_edge(a, b, weight=1, kinds=[kind], docs=[doc_id], label=label)

    for row in chains[chains["kind"].isin(kinds)].sort_values(["doc_id", "start"]).itertuples():
        nodes = list(row.nodes)
        if row.kind in ("sequence", "cycle"):
            for a, b in zip(nodes, nodes[1:]):
                add(a, b, row.kind, row.doc_id)
            if row.kind == "cycle":
                add(nodes[-1], nodes[0], row.kind, row.doc_id)
        elif row.kind == "mutual":
            add(nodes[0], nodes[1], row.kind, row.doc_id)
            add(nodes[1], nodes[0], row.kind, row.doc_id)
        elif row.kind == "triad":
            if not row.subject:
                continue  # 以A为引领、以B为主体 names no subject to draw from
            for role, value in zip(row.roles, nodes):
                subject = row.subject
                add(subject, value, row.kind, row.doc_id, role)
        elif len(nodes) >= 2:
            add(nodes[0], nodes[1], row.kind, row.doc_id, row.roles[0] if len(row.roles) else "")
    return graph
