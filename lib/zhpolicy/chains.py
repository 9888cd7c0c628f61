"""The logic chains policy texts argue with: transparent rules a student can read and extend.

Kinds (``extract_chains``):

* ``sequence`` — ordered stages: ``从A到B(、C)(再到D)``, ``从A走向/转向/迈向B``, ``由A转向/向/到B``,
  ``(的/进入)A向B转变/转型``, dash-joined terms that the text says flow (``科技—产业—市场一体联动``),
  enumerations named as stages (``…等阶段``, ``…等链式环节``, ``经历A、B、C过程``), and
  ``在突破“A”的基础上逐步突破“B”“C”``;
* ``cycle`` — a dash-joined sequence the text calls 闭环, 循环 or 良性循环;
* ``mutual`` — two-way relations: ``A为B提供…，B为A创造…``, ``A牵引B、B创造A``,
  ``围绕A部署B，围绕B布局A``;
* ``triad`` — two or more role statements about one subject in one sentence
  (``融合的基础是…，融合的关键是…，融合的途径是…``);
* ``role`` — a single role statement (``X的关键是Y``) and ``relation`` — a directed edge
  (``以A推动B``, ``A为B提供C``, ``A赋能B``, ``通过A实现B``, ``A是B的核心要素``): both feed the
  concept graph.

**Sets are not chains.** A dash-joined series is read as a sequence only when the text says
it flows (闭环/循环 → cycle; 联动/传导/链条/链路/转化/流程/过程 → sequence). Otherwise it is a set:
dimensions (``主体—要素—环境”的耦合``), place names (``深圳—香港—广州``), pairs (``“科技—产业”创新集群``).
Year and number ranges (``2014—2015年``, ``2000美元-2999美元``) and value changes
(``由2025年的…提高到…``) are never chains: a node may not hold a year or a number with a unit.
"""

from __future__ import annotations

import re

import pandas as pd

from .structure import outline as outline_table
from .structure import paragraphs as paragraph_table
from .structure import sentences as sentence_table

_PUNCT = "，,。；;：:！？!?（）()《》【】"
_NODE = rf"[^{_PUNCT}、“”]{{1,20}}?"
_QNODE = r"“?[^，。；：、“”]{1,20}?”?"

_FROM_TO = re.compile(
    rf"(?:从|由)(?P<a>“?[^{_PUNCT}“”]{{1,16}}?”?)到(?P<b>“?[^{_PUNCT}“”]{{1,40}}?”?)(?P<more>(?:再到“?[^{_PUNCT}“”]{{1,16}}?”?)*)"
    rf"(?=的|[{_PUNCT}]|$|转变|转型|跃升|跨越)"
)
_FROM_TOWARDS = re.compile(
    rf"(?:从|由)(?P<a>[^{_PUNCT}“”]{{1,20}}?)(?:走向|转向|迈向|转变为|过渡到|向)(?P<b>[^{_PUNCT}“”]{{1,24}}?)"
    rf"(?=的|转变|转型|[{_PUNCT}]|$)"
)
_STATE_CHANGE = re.compile(
    rf"(?:(?<=的)|(?<=进入)|(?<=实现))(?P<a>[^{_PUNCT}、“”的]{{2,12}}?)向(?P<b>[^{_PUNCT}、“”的]{{2,12}}?)(?:转变|转型)"
)
_DASHED = re.compile(r"“?(?P<body>[^，。；：、“”\s—–\-]{1,12}(?:\s*[—–\-]{1,2}\s*[^，。；：、“”\s—–\-]{1,12}){1,8})”?(?P<after>.{0,6})")
_STAGES = re.compile(
    r"(?P<body>[^，。；：“”]{2,}?(?:、[^，。；：“”]{2,}?){2,})(?:等(?P<head>阶段|链式环节|步骤|流程)|(?P<process>过程|流程))"
)
_BUILD_ON = re.compile(r"在(?:突破|实现|完成)?(?P<a>“[^”]{1,12}”)的基础上(?:逐步|进一步|再)?(?:突破|实现|完成)?(?P<rest>(?:“[^”]{1,12}”[、和]?){1,5})")
_MUTUAL_FOR = re.compile(
    rf"(?P<a>{_NODE})为(?P<b>{_NODE})(?:提供|创造|拓展|注入|开辟|奠定|搭建)[^，。；]{{0,20}}[，；](?P<b2>{_NODE})为(?P<a2>{_NODE})(?:提供|创造|拓展|注入|开辟|奠定|搭建)"
)
_VERBS = "牵引|创造|带动|促进|推动|支撑|引领|赋能|反哺|驱动|拉动|引导"
_MUTUAL_VERB = re.compile(
    rf"(?P<a>[^{_PUNCT}、“”]{{2,6}}?)(?:{_VERBS})(?P<b>[^{_PUNCT}、“”]{{2,6}}?)[、，](?P<b2>[^{_PUNCT}、“”]{{2,6}}?)(?:{_VERBS})(?P<a2>[^{_PUNCT}、“”]{{2,6}}?)(?=[{_PUNCT}、”]|的|$)"
)
_AROUND = re.compile(
    rf"围绕(?P<a>{_NODE})(?:部署|布局|构建|打造)(?P<b>{_NODE})[，、；]围绕(?P<b2>{_NODE})(?:部署|布局|构建|打造)(?P<a2>{_NODE})(?=[{_PUNCT}、]|$)"
)
ROLES = ("基础", "关键", "途径", "核心", "抓手", "重点", "根本", "前提", "目标", "方向", "保障", "动力", "路径", "本质")
_ROLE = re.compile(
    rf"(?P<subject>[^{_PUNCT}、“”]{{1,20}}?)的(?:重要|根本|主要)?(?P<role>{'|'.join(ROLES)})(?:在于|是)(?P<value>[^{_PUNCT}“”]{{2,30}}?)(?=[{_PUNCT}“”]|$)"
)
_RELATIONS = [
    re.compile(rf"以(?P<a>[^{_PUNCT}、“”]{{2,16}}?)(?P<verb>推动|引领|带动|催生|驱动|支撑|促进|赋能)(?P<b>[^{_PUNCT}、“”]{{2,16}}?)(?=[{_PUNCT}、“”]|的|是|既|$)"),
    re.compile(rf"(?<![以为])(?P<a>[^{_PUNCT}、“”为以]{{2,10}}?)为(?P<b>[^{_PUNCT}、“”]{{2,12}}?)(?P<verb>提供|创造|注入|拓展)(?P<what>[^{_PUNCT}]{{2,16}}?)(?=[{_PUNCT}]|$)"),
    re.compile(rf"通过(?P<a>[^{_PUNCT}、“”]{{2,16}}?)(?P<verb>实现|推动|促进|带动)(?P<b>[^{_PUNCT}、“”]{{2,16}}?)(?=[{_PUNCT}、“”]|的|$)"),
    re.compile(rf"(?P<a>[^{_PUNCT}、“”]{{2,16}}?)(?:成为|是|为)(?P<b>[^{_PUNCT}、“”]{{2,16}}?)的(?P<verb>内在要求|必然选择|核心要素|关键载体|关键要素|基本路径|重要引擎|根本动力)"),
]

_FLOW_AFTER = ("联动", "传导", "链条", "链路", "转化", "流程", "过程", "一体化")
_CYCLE_AFTER = ("闭环", "良性循环", "循环")
#: Verbs that introduce a list: strong ones anywhere in the first item, weak ones only at its start.
_LIST_VERBS = re.compile(r"包括|包含|经历|经过|历经|围绕|涵盖|覆盖|贯穿")
_LEADING_VERBS = re.compile(r"^(?:要|需要|需|将|把|对|在|打通|强化|加强|推动|促进|实现|形成|完善|构建|打造|畅通)+")
_FLOW_WORDS = re.compile(r"一体联动|一体化|联动|传导|链条|链路|转化|流程|过程|闭环|良性循环|循环")


def _strip_lead(first: str) -> str:
    """Drop the verb that introduces a list (要经历概念验证 → 概念验证, 推动科技 → 科技)."""
    quote = first.rfind("“")
    if quote >= 0:
        return first[quote + 1:]
    hits = list(_LIST_VERBS.finditer(first))
    if hits:
        first = first[hits[-1].end():]
    return _LEADING_VERBS.sub("", first) or first
_BAD_NODE = re.compile(r"(?:19|20)\d{2}年|\d+(?:\.\d+)?(?:万亿|亿|万)?(?:元|美元|%|人|件|个|年)")


def _node(text: str) -> str:
    """Tidy a node: drop quotes, citation marks and a trailing 的/等."""
    text = re.sub(r"\[\d+\]", "", text)
    text = text.strip("“”\"' ")
    text = re.sub(r"(?:的|等)$", "", text)
    return text.strip("“”\"' ")


def _valid(nodes: list[str]) -> bool:
    return len(nodes) >= 2 and all(nodes) and not any(_BAD_NODE.search(n) for n in nodes) and len(set(nodes)) > 1


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _same(a: str, b: str) -> bool:
    a, b = _node(a), _node(b)
    short, long = sorted((a, b), key=len)
    return bool(short) and (short in long or _subsequence(short, long))


def _shorter(a: str, b: str) -> str:
    a, b = _node(a), _node(b)
    return a if len(a) <= len(b) else b


def _row(kind, nodes, m, roles=None) -> dict:
    return {"kind": kind, "nodes": nodes, "roles": roles, "span": m.span() if hasattr(m, "span") else m}


def _sequences(sentence: str) -> list[dict]:
    found = []
    for m in _FROM_TO.finditer(sentence):
        nodes = [_node(m["a"])] + [_node(x) for x in m["b"].split("、")]
        nodes += [_node(x) for x in re.findall(r"再到(“?[^再]+?”?)(?=再到|$)", m["more"])]
        found.append(_row("sequence", nodes, m))
    for m in _FROM_TOWARDS.finditer(sentence):
        if "到" in m["a"]:
            continue  # 由A到B的…向C转变 is handled by the state-change rule
        found.append(_row("sequence", [_node(m["a"]), _node(m["b"])], m))
    for m in _STATE_CHANGE.finditer(sentence):
        found.append(_row("sequence", [_node(m["a"]), _node(m["b"])], m))
    for m in _DASHED.finditer(sentence):
        parts = re.split(r"\s*[—–\-]{1,2}\s*", m["body"])
        flow = _FLOW_WORDS.search(parts[-1])
        after = (parts[-1][flow.start():] if flow else "") + m["after"]
        if flow:
            parts[-1] = parts[-1][:flow.start()]
        parts[0] = _strip_lead(parts[0])
        parts = [_node(p) for p in parts]
        if len(parts) < 3 and not after.startswith(_CYCLE_AFTER):
            continue  # a pair such as “科技—产业” is a collaboration, not a chain
        if after.startswith(_CYCLE_AFTER) or after.lstrip("”").startswith(_CYCLE_AFTER):
            found.append(_row("cycle", parts, m))
        elif any(word in after for word in _FLOW_AFTER):
            found.append(_row("sequence", parts, m))
    for m in _STAGES.finditer(sentence):
        first, _, rest = m["body"].partition("、")
        body = _strip_lead(first) + "、" + rest
        items = [_node(x) for x in re.split(r"、|和(?=[^、]*$)", body)]
        if len(items) >= 3 and all(2 <= len(x) <= 16 for x in items):
            found.append(_row("sequence", items, m))
    for m in _BUILD_ON.finditer(sentence):
        rest = [_node(x) for x in re.findall(r"“[^”]+”", m["rest"])]
        found.append(_row("sequence", [_node(m["a"])] + rest, m))
    return found


def _mutuals(sentence: str) -> list[dict]:
    found = []
    for pattern in (_MUTUAL_FOR, _MUTUAL_VERB, _AROUND):
        for m in pattern.finditer(sentence):
            a, b, b2, a2 = (_node(m[k]) for k in ("a", "b", "b2", "a2"))
            a = re.sub(r"^.*(?:，|、)", "", a)
            if len(a) < 2 or len(b) < 2 or not (_same(a, a2) and _same(b, b2)) or _same(a, b):
                continue
            first, second = _shorter(a, a2), _shorter(b, b2)
            found.append(_row("mutual", [first, second, first], m))
    return found


def _roles(sentence: str) -> list[dict]:
    hits = list(_ROLE.finditer(sentence))
    found = []
    groups: list[list] = []
    for m in hits:
        if _QUESTION.search(m["value"]):
            continue  # 融合的本质是什么？ asks, it does not state
        subject = _LIST_MARK.sub("", re.sub(r"^.*?(?:强调|指出|认为)", "", m["subject"]).strip("“”"))
        last = groups[-1][-1][0] if groups else None
        if last and (last.endswith(subject) or subject.endswith(last)):
            groups[-1].append((subject, m))
        else:
            groups.append([(subject, m)])
    for group in groups:
        if len(group) >= 2:
            roles = [m["role"] for _, m in group]
            values = [_node(m["value"]) for _, m in group]
            span = (group[0][1].start(), group[-1][1].end())
            row = _row("triad", values, span, roles=roles)
            found.append(row)
        else:
            subject, m = group[0]
            row = _row("role", [_node(subject), _node(m["value"])], m, roles=[m["role"]])
            found.append(row)
    return found


_ADVERBS = re.compile(r"(?:深度|全面|有效|加快|大力|持续|进一步|更好|充分)$")
_QUESTION = re.compile(r"什么|哪些|如何|怎样|怎么|为何")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.．、]|[a-zA-Z][.．]|[•*])\s*")


def _relations(sentence: str) -> list[dict]:
    found = []
    for pattern in _RELATIONS:
        for m in pattern.finditer(sentence):
            a, b = _ADVERBS.sub("", _node(m["a"])), _node(m["b"])
            a = re.sub(r"^(?:要|必须|需要|坚持|着力)+(?=..)", "", a)
            if len(a) >= 2 and len(b) >= 2:
                row = _row("relation", [a, b], m, roles=[m["verb"]])
                found.append(row)
    return found


CHAIN_COLUMNS = ["doc_id", "kind", "chain", "nodes", "roles", "surface", "sentence", "start", "end", "count"]


def _chain_text(kind: str, nodes: list[str], roles) -> str:
    if kind == "triad":
        return " | ".join(f"{r}: {n}" for r, n in zip(roles, nodes))
    if kind in ("role", "relation") and roles:
        return f"{nodes[0]} —{roles[0]}→ {nodes[1]}"
    return " > ".join(nodes)


def _key(kind: str, nodes: list[str]) -> tuple:
    if kind == "mutual":
        return kind, frozenset(nodes)
    return kind, tuple(nodes)


def extract_chains(docs) -> pd.DataFrame:
    """Find the logic chains of a text, a dict of texts or a corpus.

    One row per distinct chain in each document: ``doc_id, kind, chain`` (nodes joined by
    `` > ``; a triad as ``基础: X | 关键: Y``; a role or relation as ``A —verb→ B``), ``nodes``
    (a list), ``roles``, the ``surface`` and ``sentence`` it was found in, ``start``/``end``
    offsets in the cleaned text, and ``count`` — how often the same chain recurs in that document
    (a mutual relation counts once whichever way round it is said)."""
    rows: list[dict] = []
    seen: dict[tuple, dict] = {}
    for s in sentence_table(docs).itertuples():
        found = _sequences(s.text) + _mutuals(s.text) + _roles(s.text) + _relations(s.text)
        taken: list[tuple[int, int]] = []
        for item in sorted(found, key=lambda r: (r["span"][0], -r["span"][1])):
            nodes = [n for n in item["nodes"]]
            if item["kind"] not in ("triad", "role", "relation") and not _valid(nodes):
                continue
            if item["kind"] in ("sequence", "cycle", "mutual"):
                start, end = item["span"]
                if any(start < e and end > b for b, e, _ in taken):
                    continue
                taken.append((start, end, item["kind"]))
            key = (s.doc_id,) + _key(item["kind"], nodes)
            if key in seen:
                seen[key]["count"] += 1
                continue
            start, end = item["span"]
            row = {
                "doc_id": s.doc_id, "kind": item["kind"], "chain": _chain_text(item["kind"], nodes, item["roles"]),
                "nodes": nodes, "roles": item["roles"] or [], "surface": s.text[start:end], "sentence": s.text,
                "start": s.start + start, "end": s.start + end, "count": 1,
            }
            seen[key] = row
            rows.append(row)
    table = pd.DataFrame(rows, columns=CHAIN_COLUMNS)
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- comparing and graphing chains

#: Node names unified before chains are compared or graphed (documented and small: extend it).
NODE_SYNONYMS = {
    "科技创新成果转化": "科技成果转化",
    "科技成果转化应用": "科技成果转化",
    "科技成果高效转化应用": "科技成果转化",
    "促进科技成果转化应用": "科技成果转化",
    "成果转化": "科技成果转化",
    "产业高质量发展": "产业发展",
    "科技自立自强": "高水平科技自立自强",
    "融合": "科技创新和产业创新融合",
    "科技创新和产业创新深度融合": "科技创新和产业创新融合",
}


def normalise_node(node: str) -> str:
    """Map a node to its canonical name (see :data:`NODE_SYNONYMS`)."""
    node = _node(node)
    return NODE_SYNONYMS.get(node, node)


def shared_chains(chains: pd.DataFrame, kinds=("sequence", "cycle", "mutual", "triad")) -> pd.DataFrame:
    """Chains that two or more documents share (same kind, same nodes after normalisation;
    a node matches when one name contains the other). Returns ``chain, kind, documents, n_docs``."""
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


def chain_graph(chains: pd.DataFrame, kinds=("sequence", "cycle", "mutual", "triad", "role", "relation")):
    """A :class:`networkx.DiGraph` of concepts: an edge for each step of a sequence (and from
    the last node back to the first for a cycle), both directions for a mutual relation, and
    subject → value for triads, roles and relations. Node names are normalised with
    :data:`NODE_SYNONYMS`; each edge records its ``kinds``, ``docs`` and ``weight``."""
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
            subject = re.sub(r"^.*?(?:强调|指出)", "", row.surface.split("的", 1)[0]) or "融合"
            for role, value in zip(row.roles, nodes):
                add(subject, value, row.kind, row.doc_id, role)
        else:
            add(nodes[0], nodes[1], row.kind, row.doc_id, row.roles[0] if len(row.roles) else "")
    return graph


# ---------------------------------------------------------------- the moves of an argument

#: Cue words for the moves policy texts make, in the order they usually come. 导语 and 结语
#: are recognised from headings only.
MOVES = {
    "导语": ("引言", "前言", "导语", "摘要"),
    "意义": ("意义", "重要性", "必要性", "必然要求", "内在要求", "必然选择", "战略之举", "大势所趋", "必由之路",
             "逻辑", "为什么", "关键支撑", "重要动力", "引擎", "基本路径"),
    "要求": ("总体要求", "要求", "目标", "原则", "方向", "遵循", "指南", "坚持", "把握"),
    "问题": ("问题", "堵点", "卡点", "障碍", "短板", "不足", "挑战", "难题", "制约", "有待", "瓶颈", "偏低", "脱节", "薄弱"),
    "路径": ("路径", "举措", "措施", "对策", "着力", "加快", "强化", "布局", "构建", "完善", "健全",
             "培育", "打造", "建设", "发力", "激活", "畅通", "部署"),
    "结语": ("结论", "结语", "结束语", "总结"),
}
HEADING_WEIGHT = 10
_HEADING_ONLY = ("导语", "结语")


def argument_outline(docs) -> pd.DataFrame:
    """Map each top-level section of each document to a move: 意义 (why it matters),
    要求 (requirements and goals), 问题 (problems, blockages), 路径 (measures), plus 导语 and
    结语 for introductions and conclusions.

    A cue word in a section's heading counts 10; in its body, once per 1,000 characters. The
    move with the highest score wins (ties: the order of :data:`MOVES`). Text before the first
    heading is ``导语``. Returns ``doc_id, section, heading, move, chars, start`` and one score
    column per move. The cue words are in :data:`MOVES`: read them, and change them."""
    paras = paragraph_table(docs)
    heads = outline_table(docs)
    rows = []
    for doc_id, group in paras.groupby("doc_id", sort=True):
        top = group["section"].str.split(".").str[0]
        for section, part in group.groupby(top, sort=False):
            heading_rows = heads[(heads["doc_id"] == doc_id) & (heads["level"] == 1) & heads["para_id"].isin(part["para_id"])]
            heading = heading_rows["heading"].iloc[0] if len(heading_rows) else ""
            body = "".join(part.loc[~part["kind"].isin(["title", "front"]), "text"])
            chars = max(len(body), 1)
            scores = {
                move: round(HEADING_WEIGHT * sum(heading.count(w) for w in words)
                            + (0 if move in _HEADING_ONLY else 1000 * sum(body.count(w) for w in words) / chars), 2)
                for move, words in MOVES.items()
            }
            if not section or scores["导语"]:
                move = "导语"
            elif scores["结语"]:
                move = "结语"
            else:
                move = max(MOVES, key=lambda m: (scores[m], -list(MOVES).index(m)))
            rows.append({"doc_id": doc_id, "section": section, "heading": heading, "move": move,
                         "chars": len(body), "start": int(part["start"].min()), **scores})
    return pd.DataFrame(rows, columns=["doc_id", "section", "heading", "move", "chars", "start", *MOVES])
