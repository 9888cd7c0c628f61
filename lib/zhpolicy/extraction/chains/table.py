"""The table of chains: every family run on every sentence, overlaps resolved, repeats counted."""

from __future__ import annotations

import pandas as pd

from ..._docs import iter_docs
from ...reading.structure import _structure  # the rows behind sentences(): see _sentence_rows
# importing the rule modules registers their families, in this order (it is the order of chain_patterns)
from . import sequences as _sequences  # noqa: F401,I001
from . import mutuals as _mutuals  # noqa: F401
from . import roles as _roles  # noqa: F401
from . import sides as _sides  # noqa: F401
from .cuepass import cue_masks
from .kinds import SCORED_KINDS
from .nodes import _mask_markup, _valid
from .registry import FAMILIES, Family


# ---------------------------------------------------------------- the table of chains

CHAIN_COLUMNS = ["doc_id", "doc", "family", "kind", "chain", "nodes", "roles", "subject", "surface", "sentence",
                 "start", "end", "count"]
_SPANNING = ("sequence", "cycle", "mutual")


def _chain_text(kind: str, nodes: list[str], roles) -> str:
    if kind == "triad":
        return " | ".join(f"{r}: {n}" for r, n in zip(roles, nodes))
    if kind in ("role", "relation") and roles:
        return f"{nodes[0]} —{roles[0]}→ {nodes[1]}" if len(nodes) > 1 else f"{roles[0]}: {nodes[0]}"
    return " > ".join(nodes)


def _key(kind: str, nodes: list[str]) -> tuple:
    if kind == "mutual":
        return kind, frozenset(nodes)
    return kind, tuple(nodes)


_ROUTES: dict[int, tuple[Family, ...]] = {}


def _route(cues: int) -> tuple[Family, ...]:
    """The families a sentence holding the cue lists *cues* goes to (few distinct masks: cached)."""
    families = _ROUTES.get(cues)
    if families is None:
        families = _ROUTES[cues] = tuple(f for f in FAMILIES if f.scope == "sentence" and f.routes(cues))
    return families


def _sentence_chains(text: str, cues: int) -> list[dict]:
    """Every chain of one sentence (which holds the cue lists *cues*), overlapping sequences,
    cycles and mutuals resolved (earliest first, then longest)."""
    families = _route(cues)
    if not families:
        return []
    masked = _mask_markup(text) if "<" in text or "&" in text or "（" in text else text
    aside = "\x01" in masked
    found: list[dict] = []
    for family in families:
        if family.gate is not None and not family.gate(masked):
            continue
        for row in family.find(masked, cues):
            row["family"] = family.name
            if aside:
                row["nodes"] = [n.replace("\x01", "") for n in row["nodes"]]
            found.append(row)
    if len(found) < 2:
        return [item for item in found if item["kind"] not in _SPANNING or _valid(item["nodes"], item["kind"], "terms" in item)]
    kept, taken = [], []
    for item in sorted(found, key=lambda r: (r["span"][0], -r["span"][1])):
        if item["kind"] in _SPANNING:
            if not _valid(item["nodes"], item["kind"], "terms" in item):
                continue
            start, end = item["span"]
            if any(start < e and end > b for b, e in taken):
                continue
            taken.append((start, end))
        kept.append(item)
    return kept


def _sentence_rows(docs) -> tuple[list[str], list[int], list[str], dict[str, str]]:
    """The ``doc_id``, ``start`` and ``text`` of every sentence, as :func:`zhpolicy.sentences` has
    them, read from the structure cache it builds its table from (no 60,000-row table to build),
    and each document's text."""
    ids: list[str] = []
    starts: list[int] = []
    texts: list[str] = []
    documents: dict[str, str] = {}
    for doc_id, text in iter_docs(docs):
        documents[doc_id] = text
        for row in _structure(doc_id, text)[2]:
            ids.append(row["doc_id"])
            starts.append(row["start"])
            texts.append(row["text"])
    return ids, starts, texts, documents


def _document_chains(ids, starts, texts, masks):
    """Rows of the families that read whole documents, as ``(doc_id, item)`` with spans in the
    document's text; run only on the documents some of whose sentences hold their cues."""
    families = [f for f in FAMILIES if f.scope == "document"]
    by_doc: dict[str, list[int]] = {}
    for index, doc_id in enumerate(ids):
        by_doc.setdefault(doc_id, []).append(index)
    for doc_id, rows in by_doc.items():
        held = 0
        for i in rows:
            held |= masks[i]  # the cue lists the document holds, in any of its sentences
        for family in families:
            if not family.routes(held):
                continue
            sentences = [(starts[i], texts[i], masks[i]) for i in rows]
            for item in family.find(sentences):
                item["family"] = family.name
                if _valid(item["nodes"], item["kind"]):
                    yield doc_id, item


def _doc_labels(docs) -> dict[str, str]:
    if isinstance(docs, pd.DataFrame) and "label" in docs.columns and "doc_id" in docs.columns:
        return dict(zip(docs["doc_id"].astype(str), docs["label"].astype(str)))
    return {doc_id: doc_id for doc_id, _ in iter_docs(docs)}


def extract_chains(docs) -> pd.DataFrame:
    """Find the logic chains of a text, a dict of texts or a corpus.

    One row per distinct chain in each document: ``doc_id`` and ``doc`` (the document's label
    when *docs* is a corpus, else its id), the rule ``family`` that found it (see
    :func:`chain_patterns`), ``kind``, ``chain`` (nodes joined by `` > ``; a triad as
    ``基础: X | 关键: Y``; a role or relation as ``A —verb→ B``), ``nodes`` (a list), ``roles``,
    the ``surface`` and ``sentence`` it was found in, ``start``/``end`` offsets in the cleaned
    text, and ``count`` — how often the same chain recurs in that document (a mutual relation
    counts once whichever way round it is said)."""
    labels = _doc_labels(docs)
    rows: list[dict] = []
    seen: dict[tuple, dict] = {}
    ids, starts, texts, documents = _sentence_rows(docs)
    masks = cue_masks(texts)
    found = [(doc_id, offset, text, item) for doc_id, offset, text, cues in zip(ids, starts, texts, masks)
             for item in _sentence_chains(text, cues)]
    found += [(doc_id, 0, documents[doc_id], item) for doc_id, item in _document_chains(ids, starts, texts, masks)]
    for doc_id, offset, text, item in found:
        key = (doc_id,) + _key(item["kind"], item["nodes"])
        if key in seen:
            seen[key]["count"] += 1
            continue
        start, end = item["span"]
        surface = text[start:end]
        seen[key] = row = {
            "doc_id": doc_id, "doc": labels.get(doc_id, doc_id), "family": item["family"],
            "kind": item["kind"], "chain": _chain_text(item["kind"], item["nodes"], item["roles"]),
            "nodes": item["nodes"], "roles": item["roles"] or [], "subject": item["subject"], "surface": surface,
            "sentence": surface if offset == 0 and text is documents.get(doc_id) else text,
            "start": offset + start, "end": offset + end, "count": 1,
        }
        rows.append(row)
    table = pd.DataFrame(rows, columns=CHAIN_COLUMNS)
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def chain_patterns() -> pd.DataFrame:
    """The rule families, one row per usual form: ``family, phrasing`` (the wording, in Chinese),
    ``kind``, a made-up ``example`` and what the rules ``extracts`` from it (computed now, so the
    table never lies)."""
    rows = []
    for f in FAMILIES:
        for phrasing, example in f.forms():
            table = extract_chains(example)
            hits = table[table["family"] == f.name]
            rows.append({"family": f.name, "phrasing": phrasing, "kind": f.kind, "example": example,
                         "extracts": "；".join(hits["chain"]) or "（无）"})
    return pd.DataFrame(rows, columns=["family", "phrasing", "kind", "example", "extracts"])


#: Traps (named in Chinese for lesson 04): phrasings that look like a chain but are not, each with a
#: made-up example.
TRAPS = (
    ("词里的“从”（从严、从而、服从……）", "从严从紧加强管理，从而推动经营到位。"),
    ("词里的“由”（由于、自由……）", "由于需求不足到年底库存增加。"),
    ("破折号连起来的一组并列词（没有说在流动）", "推动创新链—产业链—资金链—人才链深度融合。"),
    ("破折号连起来的两个词", "建设“科技—产业”创新集群。"),
    ("年份区间", "编制《2024—2026年行动方案》。"),
    ("数值变化", "研发人员由2012年的324万人年提高到2023年的635万人年。"),
    ("文本里残留的 HTML 标签", "从<b>实验室</b>到市场<br/>的通道。"),
    ("说程度的成语（从无到有、从小到大）", "推动新兴产业从无到有、从小到大、从大到强。"),
    ("两个单向关系，不是双向（以工补农、以城带乡）", "坚持以工补农、以城带乡。"),
    ("“一方面……另一方面……”说的不是同一对", "一方面，要加快数字技术产业化。另一方面，全球经济正转向新经济。"),
    ("名称只共用太泛的词（发展、建设）", "科技创新推动经济发展，文化发展促进科技进步。"),
    ("只有一个“第一”的角色陈述", "科技是第一生产力。"),
)


def chain_traps() -> pd.DataFrame:
    """The traps (:data:`TRAPS`) with what the rules find in each example (should be nothing
    among sequence, cycle, mutual and triad)."""
    rows = []
    for trap, example in TRAPS:
        table = extract_chains(example)
        chains = table[table["kind"].isin(SCORED_KINDS)]["chain"]
        rows.append({"trap": trap, "example": example, "extracts": "；".join(chains) or "（无）"})
    return pd.DataFrame(rows, columns=["trap", "example", "extracts"])
