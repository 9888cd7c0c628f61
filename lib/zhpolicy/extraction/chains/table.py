"""The table of chains: every family run on every sentence, overlaps resolved, repeats counted."""

from __future__ import annotations

import gc
from functools import reduce
from operator import or_
from contextlib import contextmanager

import pandas as pd

from ..._docs import iter_docs
from ...reading.structure import document_structure
# importing the rule modules registers their families, in this order (it is the order of chain_patterns)
from . import sequences as _sequences  # noqa: F401,I001
from . import mutuals as _mutuals  # noqa: F401
from . import roles as _roles  # noqa: F401
from . import sides as _sides  # noqa: F401
from .cuepass import cue_masks
from .kinds import SCORED_KINDS
from .nodes import _mask_markup, _valid
from .registry import BLOCK, FAMILIES


# ---------------------------------------------------------------- the table of chains

CHAIN_COLUMNS = ["doc_id", "doc", "family", "kind", "chain", "nodes", "roles", "subject", "surface", "sentence",
                 "start", "end", "count"]
_SPANNING = frozenset(("sequence", "cycle", "mutual"))


def _chain_text(kind: str, nodes: list[str], roles) -> str:
    if kind == "triad":
        return " | ".join(f"{r}: {n}" for r, n in zip(roles, nodes))
    if kind in ("role", "relation") and roles:
        return f"{nodes[0]} —{roles[0]}→ {nodes[1]}" if len(nodes) > 1 else f"{roles[0]}: {nodes[0]}"
    return " > ".join(nodes)


def _key(kind: str, nodes: list[str], roles=None) -> tuple:
    """What makes two found chains the same: a mutual relation either way round; a role group with
    its roles (教育是基础、科技是动力 and 教育是根本、科技是实力 are two groups of the same nodes)."""
    if kind == "mutual":
        return kind, frozenset(nodes)
    if kind == "triad":
        return kind, tuple(nodes), tuple(roles or ())
    return kind, tuple(nodes)


#: the families a cue mask routes to, as ``(name, finder, gate)`` (few distinct masks: cached)
_ROUTES: dict[int, tuple[tuple[str, object, object], ...]] = {}


def _route(cues: int) -> tuple[tuple[str, object, object], ...]:
    """The families a sentence holding the cue lists *cues* goes to, as ``(name, find, gate)``."""
    routed = _ROUTES.get(cues)
    if routed is None:
        routed = _ROUTES[cues] = tuple((f.name, f.find, f.gate) for f in FAMILIES
                                       if f.scope == "sentence" and f.routes(cues))
    return routed


def _sentence_chains(text: str, cues: int) -> list[dict]:
    """Every chain of one sentence (which holds the cue lists *cues*), overlapping sequences,
    cycles and mutuals resolved (earliest first, then longest)."""
    found, asides = _found_in([text], [cues])
    return _resolved(found[0] or [], bool(asides))


def _found_in(texts: list[str], masks: list[int]) -> tuple[list[list[dict] | None], set[int]]:
    """The rows every sentence-scope family finds in each of *texts* (whose cue lists are *masks*),
    in family order (None for a sentence where none finds anything), and the sentences that hold
    bracketed asides. Block by block (:data:`.registry.BLOCK` sentences), family by family: each family
    runs over all the block's sentences routed to it in one go, so its code and patterns stay warm."""
    found: list[list[dict] | None] = [None] * len(texts)
    asides: set[int] = set()
    masked = list(texts)
    for block in range(0, len(texts), BLOCK):
        routed_to = _routed(masks, block, min(block + BLOCK, len(texts)))
        for i in range(block, min(block + BLOCK, len(texts))):  # (those no family gets are never read)
            text = texts[i]
            if "<" in text or "&" in text or "（" in text or "(" in text:
                masked[i] = text = _mask_markup(text)
                if "\x01" in text:
                    asides.add(i)
        for family in FAMILIES:
            indices = routed_to[family.name]
            if not indices:
                continue
            name, find, gate = family.name, family.find, family.gate
            for i in indices:
                text = masked[i]
                if gate is not None and not gate(text):
                    continue
                rows = find(text, masks[i])
                if rows:
                    for row in rows:
                        row["family"] = name
                    if found[i] is None:
                        found[i] = rows
                    else:
                        found[i] += rows
    return found, asides


def _routed(masks: list[int], start: int, stop: int) -> dict[str, list[int]]:
    """The sentences *start* to *stop* each family gets (the indices, in order), those holding the
    same cue lists taken together."""
    by_mask: dict[int, list[int]] = {}
    for i, cues in enumerate(masks[start:stop], start):
        same = by_mask.get(cues)
        if same is None:
            by_mask[cues] = [i]
        else:
            same.append(i)
    routed_to: dict[str, list[int]] = {f.name: [] for f in FAMILIES}
    for cues, indices in by_mask.items():
        for name, _, _ in _route(cues):
            routed_to[name] += indices
    for indices in routed_to.values():
        indices.sort()
    return routed_to


def _resolved(found: list[dict], aside: bool = False) -> list[dict]:
    """The rows of one sentence with overlapping sequences, cycles and mutuals resolved (earliest
    first, then longest) and invalid ones dropped; *aside*: the sentence held bracketed asides,
    which no node keeps."""
    if not found:
        return found
    if aside:
        for row in found:
            row["nodes"] = [n.replace("\x01", "") for n in row["nodes"]]
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


def _sentence_rows(docs) -> tuple[list[str], list[int], list[str], dict[str, tuple[str, int, int]]]:
    """The ``doc_id``, ``start`` and ``text`` of every sentence, as :func:`zhpolicy.sentences` has
    them, read from the structure cache it builds its table from (no 60,000-row table to build),
    and each document's text with the range of its sentences in those lists."""
    ids: list[str] = []
    starts: list[int] = []
    texts: list[str] = []
    documents: dict[str, tuple[str, int, int]] = {}
    for doc_id, text in iter_docs(docs):
        first = len(texts)
        for row in document_structure(doc_id, text).sentences:
            starts.append(row["start"])
            texts.append(row["text"])
        ids += [doc_id] * (len(texts) - first)
        documents[doc_id] = (text, first, len(texts))
    return ids, starts, texts, documents


def _document_chains(documents, starts, texts, masks):
    """Rows of the families that read whole documents, as ``(doc_id, item)`` with spans in the
    document's text; run only on the documents some of whose sentences hold their cues."""
    families = [f for f in FAMILIES if f.scope == "document"]
    for doc_id, (_, first, last) in documents.items():
        held = reduce(or_, masks[first:last], 0)  # the cue lists the document holds, in any of its sentences
        sentences = None  # built once, for the first family the document goes to
        for family in families:
            if not family.routes(held):
                continue
            if sentences is None:
                sentences = list(zip(starts[first:last], texts[first:last], masks[first:last]))
            for item in family.find(sentences):
                item["family"] = family.name
                if _valid(item["nodes"], item["kind"]):
                    yield doc_id, item


def _doc_labels(docs) -> dict[str, str]:
    if isinstance(docs, pd.DataFrame) and "label" in docs.columns and "doc_id" in docs.columns:
        return dict(zip(docs["doc_id"].astype(str), docs["label"].astype(str)))
    return {doc_id: doc_id for doc_id, _ in iter_docs(docs)}


@contextmanager
def _no_cycle_collection():
    """The rule passes make many small lists, dicts and matches and no reference cycles (reference
    counting frees them all); the cyclic garbage collector, triggered by their number, would walk the
    whole heap (the corpus with it) again and again for nothing. It is paused meanwhile, and enabled
    again after only if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_chains(docs) -> pd.DataFrame:
    """Find the logic chains of a text, a dict of texts or a corpus.

    One row per distinct chain in each document: ``doc_id`` and ``doc`` (the document's label
    when *docs* is a corpus, else its id), the rule ``family`` that found it (see
    :func:`chain_patterns`), ``kind``, ``chain`` (nodes joined by `` > ``; a triad as
    ``基础: X | 关键: Y``; a role or relation as ``A —verb→ B``), ``nodes`` (a list), ``roles``,
    the ``surface`` and ``sentence`` it was found in, ``start``/``end`` offsets in the cleaned
    text, and ``count`` — how often the same chain recurs in that document (a mutual relation
    counts once whichever way round it is said).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    with _no_cycle_collection():
        return _chain_table(docs)


def _chain_table(docs) -> pd.DataFrame:
    labels = _doc_labels(docs)
    rows: list[list] = []
    seen: dict[tuple, list] = {}
    ids, starts, texts, documents = _sentence_rows(docs)
    masks = cue_masks(texts)
    per_sentence, asides = _found_in(texts, masks)
    found = [(ids[i], starts[i], texts[i], item) for i, rows in enumerate(per_sentence) if rows
             for item in _resolved(rows, i in asides)]
    found += [(doc_id, 0, documents[doc_id][0], item) for doc_id, item in _document_chains(documents, starts, texts, masks)]
    for doc_id, offset, text, item in found:
        key = (doc_id,) + _key(item["kind"], item["nodes"], item["roles"])
        if key in seen:
            seen[key][-1] += 1
            continue
        start, end = item["span"]
        surface = text[start:end]
        seen[key] = row = [  # in the order of CHAIN_COLUMNS
            doc_id, labels.get(doc_id, doc_id), item["family"], item["kind"],
            _chain_text(item["kind"], item["nodes"], item["roles"]), item["nodes"], item["roles"] or [],
            item["subject"], surface, surface if offset == 0 and text is documents[doc_id][0] else text,
            offset + start, offset + end, 1,
        ]
        rows.append(row)
    table = _frame(rows)
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _frame(rows: list[list]) -> pd.DataFrame:
    """The table of *rows* (lists in the order of :data:`CHAIN_COLUMNS`), built column by column
    (a third of the time pandas takes to read the same rows as dicts); the same dtypes."""
    if not rows:
        return pd.DataFrame([], columns=CHAIN_COLUMNS)
    columns = list(zip(*rows))
    data = {name: list(values) for name, values in zip(CHAIN_COLUMNS, columns)}
    return pd.DataFrame(data, columns=CHAIN_COLUMNS)


def chain_patterns() -> pd.DataFrame:
    """The rule families, one row per usual form: ``family, phrasing`` (the wording, in Chinese),
    ``kind``, a made-up ``example`` and what the rules ``extracts`` from it (computed now, so the
    table never lies).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
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
    ("两个分句的宾语是破折号连起来的一对（说的是三方轮流，不是一对互相作用）",
     "优质的数据支撑算法—算力协同，充足的算力驱动数据—算法融合。"),
    ("词里的“因”（因为、因此、因地制宜）", "因地制宜发展产业，因此产业因时而变。"),
    ("“A是X、B是Y”并列，但没有一个是角色词（前提、关键、支撑……）", "今天是周一、明天是周二、后天是周三。"),
    ("“循环利用”“循环经济”说的是一种用法，不是几项之间的循环", "推进废旧家电、报废汽车、废旧纺织品的循环利用。"),
    ("几个“从A到B的N”并列，N 不是变化（转变、历程……）：举例，不是阶段",
     "从江南水乡的评弹表演到西北大漠的篝火晚会，从岭南古镇的醒狮巡游到东北林海的冰雪节庆，乡村文化焕发活力。"),
    ("冒号前说的是“方面”而不是“阶段”，或者数目与列举的项数不同", "改革包括三个方面：完善制度、优化服务、加强监管。"),
    ("破折号连起来的几项后面说它们是“领域”（不是环节、步骤）", "科技—产业—金融，是三个重要领域。"),
    ("分号前后主语互换，但后一半说的是“依靠”（同一个方向说了两遍，不是双向）",
     "要推动科技创新，支撑产业发展；产业发展要依靠科技创新。"),
    ("“从A吹到B”说的是从一地传到另一地（范围），不是阶段", "这股消费热潮从小县城吹到了一线城市。"),
    ("“从A，到B”只有两个分句、没有引号：常常只是列举地方", "从城市，到乡村，处处都是新气象。"),
)


def chain_traps() -> pd.DataFrame:
    """The traps (:data:`TRAPS`) with what the rules find in each example (should be nothing
    among sequence, cycle, mutual and triad).

    Taught in lesson 04 (``04_logic_chains.ipynb``)."""
    rows = []
    for trap, example in TRAPS:
        table = extract_chains(example)
        chains = table[table["kind"].isin(SCORED_KINDS)]["chain"]
        rows.append({"trap": trap, "example": example, "extracts": "；".join(chains) or "（无）"})
    return pd.DataFrame(rows, columns=["trap", "example", "extracts"])
