"""The logic chains policy texts argue with: transparent rules a student can read and extend.

Every rule belongs to a **family** (a usual way of phrasing a chain) and is registered with
:func:`_family`, with a made-up example sentence; :func:`chain_patterns` lists them all with what
each extracts from its example. Kinds (``extract_chains``):

* ``sequence`` — ordered stages: ``从A到B再到C``, ``从A走向/转向/迈向B``, ``由A向B转变/转型``,
  ``实现从A到B的跨越``, dash-joined terms the text says flow (``“科技—产业—市场”一体联动``),
  enumerations named as stages (``A、B、C各环节/全链条/全过程``, ``…等阶段``);
* ``cycle`` — a dash-joined sequence the text calls 闭环, 循环 or 良性循环;
* ``mutual`` — two-way relations: ``A为B提供…，B为A…``; ``A促进B，B保障A``; ``在A中B，在B中A``;
  ``以A促B、以B带A``; ``A与B相互促进/互为支撑/良性互动/双向赋能``;
* ``triad`` — a role group: two or more role statements in a row (``X的基础是A，关键是B``;
  ``以A为引领、以B为主体``; ``根本在A，关键在B``);
* ``role`` — a single role statement and ``relation`` — a directed edge (``以A推动B``,
  ``通过A实现B``): both feed the concept graph but are not chains.

The word lists live in data files a teacher can read and extend: ``zhpolicy/data/chain_roles.tsv`` (role
words) and ``zhpolicy/data/chain_cues.tsv`` (traps, flow and cycle words, stage tails, verbs and
reciprocity words).

**Traps.** 从 inside a word (从严, 从而, 从事, 从中…) and 由 inside a word (由于, 自由…) start no
chain. A dash-joined series is a chain only when the text says it flows or loops; otherwise it
is a set (``创新链—产业链—资金链—人才链``, ``“主体—要素—环境”的耦合``, place names, pairs).
Year and number ranges and value changes are never chains (a node may not hold a year or a
number with a unit). HTML tags and entities left in a text are boundaries no node crosses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .._docs import iter_docs
from ..paths import data_path
from ..reading.structure import outline as outline_table
from ..reading.structure import paragraphs as paragraph_table
from ..reading.structure import sentences as sentence_table


# ---------------------------------------------------------------- word lists (data files)

@lru_cache(maxsize=None)
def _word_table(name: str) -> pd.DataFrame:
    """A tab-separated word list of ``zhpolicy/data`` (``#`` lines are comments), read once."""
    return pd.read_csv(data_path(name), sep="\t", comment="#", dtype=str, keep_default_na=False)


def chain_cues() -> pd.DataFrame:
    """The cue words of the chain rules (``zhpolicy/data/chain_cues.tsv``): ``family, cue, note``."""
    return _word_table("chain_cues.tsv")


def role_words() -> pd.DataFrame:
    """The role words of role groups (``zhpolicy/data/chain_roles.tsv``): ``role, meaning``."""
    return _word_table("chain_roles.tsv")


def _cues(family: str) -> tuple[str, ...]:
    table = chain_cues()
    return tuple(table.loc[table["family"] == family, "cue"])


def _alt(words) -> str:
    """A regex alternation, longest words first (so 全链条各环节 wins over 全链条)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


ROLES = tuple(role_words()["role"])

# \x00 marks HTML left in a text (see _mask_markup): like punctuation, no node crosses it.
_PUNCT = "，,。；;：:！？!?（）()《》【】<>\x00"
_P = re.escape(_PUNCT)
_END = rf"(?=[{_P}、“”]|$)"
_MARKUP = re.compile(r"<[^<>\n]{0,200}>|&(?:[a-zA-Z]{2,8}|#\d{1,5});")


_ASIDE = re.compile(r"（[^（）\n]{1,60}）")


def _mask_markup(text: str) -> str:
    """Replace HTML tags and entities by \\x00 of the same length (offsets stay right), and short
    asides in brackets (``技术的开发（或引进、消化吸收）、生产``) by \\x01, which nodes may span
    and which :func:`_node` drops."""
    text = _MARKUP.sub(lambda m: "\x00" * len(m.group()), text)
    return _ASIDE.sub(lambda m: "\x01" * len(m.group()), text)


# ---------------------------------------------------------------- the registry of rule families

@dataclass(frozen=True)
class Family:
    """One family of phrasing: its id, Chinese name, kind, a made-up example, its finder, and
    more ``(phrasing, example)`` pairs for the other usual forms it covers."""

    name: str
    label: str
    kind: str
    example: str
    find: Callable[[str], list[dict]]
    more: tuple[tuple[str, str], ...] = ()
    gate: Callable[[str], object] | None = None

    def scan(self, sentence: str) -> list[dict]:
        """The family's rows for *sentence*; the finder runs only when the gate (a cheap test
        of words every match of the family needs) lets the sentence through."""
        return self.find(sentence) if self.gate is None or self.gate(sentence) else []

    def forms(self) -> list[tuple[str, str]]:
        """Every ``(phrasing, example)`` of the family, the main one first."""
        return [(self.label, self.example), *self.more]


FAMILIES: list[Family] = []


def _family(name: str, label: str, kind: str, example: str, *more: tuple[str, str], gate=None):
    """Register a finder ``sentence -> [row]`` as the rule of one family (*more*: further
    ``(phrasing, example)`` forms it covers, shown in :func:`chain_patterns`; *gate*: a cheap
    test that is true of every sentence the finder can match, to skip the others fast)."""
    def register(find):
        FAMILIES.append(Family(name, label, kind, example, find, tuple(more), gate))
        return find
    return register


def _row(kind, nodes, span, roles=None, subject="") -> dict:
    span = span.span() if hasattr(span, "span") else span
    return {"kind": kind, "nodes": nodes, "roles": roles, "span": span, "subject": subject}


_BAD_NODE = re.compile(r"(?:19|20)\d{2}年|\d+(?:\.\d+)?(?:万亿|亿|万)?(?:元|美元|%|人|件|个|年|月|日|号|天|周|季度)|[<>\x00]")


def _node(text: str) -> str:
    """Tidy a node: drop quotes, citation marks, bracketed asides and a trailing 的/等."""
    text = re.sub(r"\[\d+\]|[\x01“”]", "", text)
    text = text.strip("“”\"' ")
    text = re.sub(r"(?:的|等)$", "", text)
    return text.strip("“”\"' ")


def _valid(nodes: list[str], kind: str = "") -> bool:
    return (len(nodes) >= 2 and all(nodes) and not any(_BAD_NODE.search(n) for n in nodes) and len(set(nodes)) > 1
            and not (kind == "sequence" and any(_ONE_HAN.fullmatch(n) for n in nodes)))


#: Trap (degree idioms): a sequence step of one Chinese character is no stage — 从无到有、从小到大、
#: 从有到优、从大到强 describe growth. (Digits stay: 从0到1 names a stage of innovation; two-way
#: relations keep one-character sides: 以城带乡、以乡促城.)
_ONE_HAN = re.compile(r"[\u4e00-\u9fff]")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _same(a: str, b: str) -> bool:
    """One name inside the other (需求 / 需求的循环), or an abridged form that keeps both ends
    (产业发展 / 产业高质量发展) — but not 创新 / 创造新价值."""
    a, b = _node(a), _node(b)
    short, long = sorted((a, b), key=len)
    if not short:
        return False
    return short in long or (_subsequence(short, long) and long[0] == short[0] and long[-1] == short[-1])


def _shorter(a: str, b: str) -> str:
    a, b = _node(a), _node(b)
    return a if len(a) <= len(b) else b


# ---------------------------------------------------------------- sequences: 从A到B, 由A向B, stages

_FROM_TRAPS = _cues("from_trap")
_FROM_OK = _cues("from_ok")
_BY_TRAPS = _cues("by_trap")


def _trap_at(sentence: str, i: int) -> bool:
    """Whether the 从/由 at *i* is inside a word (从严, 服从, 由于…) rather than starting a chain."""
    if any(sentence.startswith(ok, i) for ok in _FROM_OK):
        return False
    words = _FROM_TRAPS if sentence[i] == "从" else _BY_TRAPS
    return any(sentence.startswith(w, i - w.index(sentence[i])) for w in words if sentence[i] in w
               and i - w.index(sentence[i]) >= 0)


# family: from … to … (again to …)
#: after 从A到B, how long it takes (新药从研发到成品要10年以上)
_TAKES = (r"(?:要|需|需要|仅需|只需|仅用|只用|用了|历时|耗时|长达)(?=[\d一二三四五六七八九十几数多近约])|周期|时间"
          r"|全程|全过程|全链条|全流程|全周期|各环节")
_FROM_TO = re.compile(
    rf"(?:从|由)(?P<a>[^{_P}到]{{1,20}}?)到(?P<b>(?:(?!、[从由])[^{_P}]){{1,40}}?)(?P<more>(?:，?再到[^{_P}]{{1,16}}?)*)"
    rf"(?=的|[{_P}]|$|转变|转型|跃升|跨越|、[从由]|{_TAKES})"
)
# the same with 再到, whose B may hold a 的 (从A到技术的开发、生产再到产业化)
_FROM_TO_AGAIN = re.compile(
    rf"(?:从|由)(?P<a>[^{_P}到]{{1,20}}?)到(?P<b>(?:(?!、[从由]|再到)[^{_P}]){{1,40}}?)(?P<more>(?:，?再到[^{_P}]{{1,16}}?)+)"
    rf"(?=的|[{_P}]|$|转变|转型|跃升|跨越|、[从由]|{_TAKES})"
)


_RISE = re.compile(r"(?<=..)(?:上升|提升|跃升|转变|升级|延伸|拓展|扩展|演进|深化|转移)$")


def _again(b: str) -> str:
    """从A到B到C: a further 到 in B starts a node when both sides are words (not 落实到位)."""
    parts = b.split("到")
    return "、".join(parts) if len(parts) > 1 and all(len(p) >= 2 for p in parts) else b


@_family("from_to", "从A到B（再到C）", "sequence", "推动创新链条实现从实验室到生产线再到市场的贯通。",
         ("实现从A到B的跨越", "实现从跟跑到领跑的跨越。"),
         gate=lambda s: "到" in s and ("从" in s or "由" in s))
def _from_to(sentence: str) -> list[dict]:
    found = []
    for m in [*_FROM_TO_AGAIN.finditer(sentence), *_FROM_TO.finditer(sentence)]:
        if _trap_at(sentence, m.start()):
            continue
        nodes = [_RISE.sub("", _node(m["a"]))] + [_node(x) for x in _again(m["b"]).split("、")]
        nodes += [_node(x) for x in re.findall(r"再到([^再，]+?)(?=，?再到|$)", m["more"])]
        found.append(_row("sequence", nodes, m))
    return found


# family: from … towards … (从A走向B, 由A转向B, 从A向B转变)
_SHIFT = _alt(w for w in _cues("shift") if w != "向")
_TOWARD_TAIL = _alt(_cues("toward_tail"))
_FROM_TOWARDS = re.compile(
    rf"(?:从|由)(?P<a>[^{_P}]{{1,20}}?)(?:(?:{_SHIFT})(?P<b>[^{_P}]{{1,24}}?)(?=的|转变|转型|[{_P}]|$)"
    rf"|向(?P<b2>[^{_P}]{{1,24}}?)(?={_TOWARD_TAIL}))"
)


@_family("from_towards", "从A走向B / 由A向B转变", "sequence", "推动发展方式由规模扩张向质量效益转变。",
         gate=lambda s: "从" in s or "由" in s)
def _from_towards(sentence: str) -> list[dict]:
    found = []
    for m in _FROM_TOWARDS.finditer(sentence):
        if "到" in m["a"] or _trap_at(sentence, m.start()):
            continue  # 由A到B的…向C转变 is handled by the state-change rule
        found.append(_row("sequence", [_node(m["a"]), _node(m["b"] or m["b2"])], m))
    return found


# family: a state changes (…的A向B转变, 实现A向B转型)
_STATE_CHANGE = re.compile(
    rf"(?:(?<=的)|(?<=进入)|(?<=实现))(?P<a>[^{_P}、“”的]{{2,12}}?)向(?P<b>[^{_P}、“”的]{{2,12}}?)(?:转变|转型)"
)


@_family("state_change", "…的A向B转变", "sequence", "推动经济增长的要素驱动向创新驱动转变。",
         gate=lambda s: "向" in s and ("转变" in s or "转型" in s))
def _state_change(sentence: str) -> list[dict]:
    return [_row("sequence", [_node(m["a"]), _node(m["b"])], m) for m in _STATE_CHANGE.finditer(sentence)]


# families: dash-joined terms that flow (sequence) or loop (cycle); otherwise a set, not a chain
_PART = r"[^，。；：、“”\s—–\-－→\x00\x01<>]{1,12}\x01*"
_DASHED = re.compile(rf"“?(?P<body>{_PART}(?:\s*(?:[—–\-－]{{1,2}}|→)\s*{_PART}){{1,8}})”?(?P<after>.{{0,8}})")
_FLOW = _cues("flow")
_CYCLE = _cues("cycle")
_FLOW_OR_CYCLE_LONGEST_FIRST = tuple(sorted(_FLOW + _CYCLE, key=len, reverse=True))
_HAS_DASH = re.compile(r"[—–\-－→]").search
_LOOPS = re.compile(rf"“?[^，。；、“”]{{0,4}}?(?:{_alt(_CYCLE)})")
#: Verbs that introduce a list: strong ones anywhere in the first item, weak ones only at its start.
_LIST_VERBS = re.compile(r"包括|包含|经历|经过|历经|围绕|涵盖|覆盖|贯穿|贯通")
_LEADING_VERBS = re.compile(r"^(?:要(?![素求件点务害])|需要|需(?!求)|将|把|对(?![外接标口])|在(?![线职地])|打通|强化|加强|推动|促进|实现|形成|完善|构建|打造|畅通|健全|建立)+")


def _strip_lead(first: str) -> str:
    """Drop the verb that introduces a list (要经历概念验证 → 概念验证, 推动科技 → 科技)."""
    quote = first.rfind("“")
    if quote >= 0:
        return first[quote + 1:]
    hits = list(_LIST_VERBS.finditer(first))
    if hits:
        first = first[hits[-1].end():]
    return _LEADING_VERBS.sub("", first) or first


@lru_cache(maxsize=8)
def _dashed(sentence: str) -> tuple[tuple[str, list[str], tuple[int, int]], ...]:
    """Dash-joined series with what the text says about them: ``cycle``, ``sequence`` or ``set``.
    Cached for the sentence at hand: the cycle and the flow families both read it."""
    out = []
    for m in _DASHED.finditer(sentence):
        arrows = "→" in m["body"]
        parts = re.split(r"\s*(?:[—–\-－]{1,2}|→)\s*", m["body"])
        flow = next((w for w in _FLOW_OR_CYCLE_LONGEST_FIRST
                     if parts[-1].endswith(w) and len(parts[-1]) > len(w)), "")
        after = flow + m["after"]
        parts[-1] = parts[-1][:len(parts[-1]) - len(flow)]
        parts[-1] = parts[-1].split("的")[0]  # 销售的产业链条: the series ends before its head noun
        parts = [_node(p) for p in [_strip_lead(parts[0])] + parts[1:]]
        after = re.sub(r"^[”\"]?[的等]?(?:完整|良性)?", "", after)
        span = (m.start(), m.end("body") + (sentence[m.end("body"):].startswith("”")))
        if len(parts) >= 4 and parts[0] == parts[-1] and (arrows or after):
            out.append(("cycle", parts[:-1], span))  # 需求→研发→产品→需求 comes back to its start
        elif _LOOPS.match(after):
            out.append(("cycle", parts, span))
        elif len(parts) >= 3 and (arrows or any(after.startswith(w) for w in _FLOW)):
            out.append(("sequence", parts, span))  # a pair such as “科技—产业” is a collaboration, not a chain
    return tuple(out)


@_family("dashed_cycle", "“A—B—C”闭环/良性循环", "cycle", "推动形成“研发—转化—再研发”的良性循环。",
         ("A→B→C→A（回到起点）", "形成需求→研发→产品→需求的链条。"), gate=_HAS_DASH)
def _dashed_cycles(sentence: str) -> list[dict]:
    return [_row(kind, list(parts), m) for kind, parts, m in _dashed(sentence) if kind == "cycle"]


@_family("dashed_flow", "“A—B—C”联动/链条", "sequence", "打通“基础研究—技术攻关—成果转化”全链条。",
         ("A→B→C", "形成原料→加工→物流→销售的产业链条。"), gate=_HAS_DASH)
def _dashed_flows(sentence: str) -> list[dict]:
    return [_row(kind, list(parts), m) for kind, parts, m in _dashed(sentence) if kind == "sequence"]


# family: enumerations named as stages (A、B、C各环节/全过程, …等阶段, 经历A、B、C过程)
_STAGE_TAILS = _alt(_cues("stage_tail"))
_STAGE_TAIL = re.compile(_STAGE_TAILS)
_STAGES = re.compile(
    rf"(?P<body>[^，。；：、“”\x00]{{2,30}}(?:、[^，。；：、“”\x00]{{2,20}}?){{1,}}?(?:(?:和|及|与|以及)[^，。；：、“”\x00]{{2,16}}?)?)"
    rf"(?:{_STAGE_TAILS})"
)


#: 、 between items, or 和/及/与 before the last one (not inside a word: 普及, 参与者)
_LAST_JOIN = re.compile(r"、|(?<=[^、]{2})(?:以及|和|及|与)(?=[^、]{2,}$)")


@_family("stages", "A、B、C各环节/全过程/等阶段", "sequence", "贯通研发设计、生产制造、市场推广各环节。",
         ("经历A、B、C三个阶段", "经历试点、推广、普及三个阶段。"),
         gate=lambda s: "、" in s and _STAGE_TAIL.search(s))
def _stages(sentence: str) -> list[dict]:
    found = []
    for m in _STAGES.finditer(sentence):
        if m.group().endswith("过程") and sentence.startswith("中", m.end()):
            continue  # 在推进A、B、C过程中: things done side by side, not stages
        first, _, rest = m["body"].partition("、")
        body = _strip_lead(first) + "、" + rest
        items = [_node(x) for x in _LAST_JOIN.split(body)]
        if len(items) >= 3 and all(2 <= len(x) <= 16 for x in items):
            found.append(_row("sequence", items, m))
    return found


# family: a list the text says loops (畅通教育、科技、人才的良性循环)
_LOOP_WORD = re.compile(_alt(_CYCLE + ("良性循环", "闭环")))
_LISTED_CYCLE = re.compile(
    rf"(?P<body>[^，。；：、“”\x00]{{2,30}}(?:、[^，。；：、“”\x00]{{1,16}}?){{1,}}(?:(?:和|与|及)[^，。；：、“”\x00]{{1,16}}?)?)(?:(?:之间)?的(?:{_alt(_CYCLE)})|良性循环|闭环)"
)


@_family("listed_cycle", "A、B、C的良性循环", "cycle", "推动资金、技术、人才的良性循环。",
         gate=lambda s: "、" in s and _LOOP_WORD.search(s))
def _listed_cycle(sentence: str) -> list[dict]:
    found = []
    for m in _LISTED_CYCLE.finditer(sentence):
        first, _, rest = m["body"].partition("、")
        items = [_node(x) for x in [_strip_lead(first)] + _LAST_JOIN.split(rest)]
        if len(items) >= 3 and all(2 <= len(x) <= 16 for x in items):
            found.append(_row("cycle", items, m))
    return found


# family: building one stage on another (在突破“A”的基础上逐步突破“B”“C”)
_BUILD_ON = re.compile(r"在(?:突破|实现|完成|攻克)?(?P<a>“[^”]{1,12}”)的基础上(?:逐步|进一步|再)?(?:突破|实现|完成|攻克)?(?P<rest>(?:“[^”]{1,12}”[、和]?){1,5})")


@_family("build_on", "在“A”的基础上突破“B”“C”", "sequence", "在攻克“材料关”的基础上逐步攻克“工艺关”“成本关”。",
         gate=lambda s: "的基础上" in s)
def _build_on(sentence: str) -> list[dict]:
    found = []
    for m in _BUILD_ON.finditer(sentence):
        rest = [_node(x) for x in re.findall(r"“[^”]+”", m["rest"])]
        found.append(_row("sequence", [_node(m["a"])] + rest, m))
    return found


# ---------------------------------------------------------------- mutual relations

_LEAD = re.compile(r"^(?:要(?![素求件点务害])|必须|需要|坚持|着力|推动|促进|形成|实现|加快|推进|既|又|也|更(?![新加])|让|"
                   r"使(?![用命])|用(?![户工地])|以(?![上下来后前外及])|围绕|注重|强化|加强|充分|发挥)+(?=..)")


def _pair(a, b, b2, a2, span, *, shortest: int = 2):
    """A mutual row when A…B is answered by B…A (names may be shortened), else None."""
    a, a2 = a.split("“")[-1], a2.split("”")[0]  # “科技赋能工业、工业反哺科技”的良性循环
    a, b, b2, a2 = (_LEAD.sub("", _node(x)) for x in (a, b, b2, a2))
    if min(len(a), len(b)) < shortest or not (_same(a, a2) and _same(b, b2)) or _same(a, b):
        return None
    first, second = _shorter(a, a2), _shorter(b, b2)
    return _row("mutual", [first, second, first], span)


_CLAUSE = re.compile(rf"[^，；、,;{_P}]+")


@lru_cache(maxsize=8)
def _clause_matches(sentence: str) -> tuple[re.Match, ...]:
    """The clauses of a sentence, as matches (cached: five families read them)."""
    return tuple(_CLAUSE.finditer(sentence))


def _clauses(sentence: str, *, window: int = 2):
    """Pairs of clauses (the second at most *window* clauses after the first), as matches."""
    parts = _clause_matches(sentence)
    for i, one in enumerate(parts):
        for two in parts[i + 1:i + 1 + window]:
            yield one, two


# family: A为B提供…，B为A创造…
_PROVIDE = _alt(_cues("provide"))
_HAS_PROVIDE = re.compile(_PROVIDE).search
_FOR_ONE = re.compile(rf"^(?P<a>.{{1,20}}?)为(?P<b>.{{1,20}}?)(?:{_PROVIDE})")
_FOR_TWO = re.compile(r"^(?P<b>.{1,20}?)为(?P<rest>.+)$")


@_family("provide_for", "A为B提供…，B为A…", "mutual", "高校为企业输送创新人才，企业为高校开放实践岗位。",
         gate=lambda s: s.count("为") >= 2 and _HAS_PROVIDE(s))
def _provide_for(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence):
        m1, m2 = _FOR_ONE.match(one.group()), _FOR_TWO.match(two.group())
        if not (m1 and m2):
            continue
        a = re.sub(r"^.*?(?:坚持|推动|促进|既|要)", "", m1["a"])
        a2 = m2["rest"][:len(_node(a)) + 2]
        row = _pair(a, m1["b"], m2["b"], a2 if _same(_node(a), a2[:len(_node(a))]) else "", (one.start(), two.end()))
        if row:
            found.append(row)
    return found


# family: A acts on B, B acts back on A (A促进B，B保障A; 需求牵引供给、供给创造需求)
_MUTUAL_VERB = re.compile(_alt(_cues("mutual_verb")))


@_family("reciprocal_verbs", "A促进B，B保障A", "mutual", "绿色转型促进产业升级，产业升级支撑绿色转型。")
def _reciprocal_verbs(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=1):
        for v1 in _MUTUAL_VERB.finditer(one.group()):
            for v2 in _MUTUAL_VERB.finditer(two.group()):
                a, b = one.group()[:v1.start()], one.group()[v1.end():]
                b2, a2 = two.group()[:v2.start()], two.group()[v2.end():]
                a = re.sub(r"^.*(?:围绕|以)", "", a)
                row = _pair(a, b, re.sub(r"^.*(?:围绕|以)", "", b2), a2, (one.start(), two.end()))
                if row and len(a2) <= len(a) + 8:
                    found.append(row)
        if not found:
            found += _crossing(one, two)
    return found[:1] if found else []


def _crossing(one: re.Match, two: re.Match) -> list[dict]:
    """Verb-free A…B / B…A: the second clause starts with the first's end and ends with its start."""
    if two.group()[:2] not in one.group()[1:]:
        return []  # no B: the second clause does not start with a piece of the first
    c1, c2 = _LEAD.sub("", one.group()), two.group()
    if c1[:2] not in c2:
        return []  # no A: the second clause does not end with the first's start
    b = next((c1[i:] for i in range(1, len(c1) - 1) if c2.startswith(c1[i:])), "")
    a = next((c1[:i] for i in range(len(c1) - len(b), 1, -1) if c2.endswith(c1[:i])), "")
    gaps = (len(c1) - len(a) - len(b), len(c2) - len(a) - len(b))
    if len(a) >= 2 and len(b) >= 2 and all(1 <= g <= 4 for g in gaps):
        return [_row("mutual", [a, b, a], (one.start(), two.end()))]
    return []


# family: paired locative clauses (在发展中保障安全，在安全中促进发展)
_IN = re.compile(r"在(?P<a>[^在中]{1,10})中(?P<rest>.{1,20})$")


@_family("paired_in", "在A中B，在B中A", "mutual", "在保护中开发，在开发中保护。",
         gate=lambda s: "中" in s and s.count("在") >= 2)
def _paired_in(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=1):
        m1, m2 = _IN.search(one.group()), _IN.search(two.group())
        if m1 and m2 and m2["a"] in m1["rest"] and m1["a"] in m2["rest"] and m1["a"] != m2["a"]:
            found.append(_row("mutual", [m1["a"], m2["a"], m1["a"]], (one.start(), two.end())))
    return found


# family: 以A促B、以B带A (short nodes allowed: the frame is strict)
_BY = re.compile(rf"以(?P<a>.{{1,8}}?)(?:{_alt(_cues('short_verb') + _cues('mutual_verb'))})(?P<b>.{{1,8}})$")


@_family("paired_by", "以A促B、以B带A", "mutual", "坚持以大带小、以小促大。",
         gate=lambda s: s.count("以") >= 2)
def _paired_by(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=1):
        m1, m2 = _BY.search(one.group()), _BY.search(two.group())
        if m1 and m2:
            row = _pair(m1["a"], m1["b"], m2["a"], m2["b"], (one.start(), two.end()), shortest=1)
            if row:
                found.append(row)
    return found


# family: words that state reciprocity (A与B相互促进, A和B互为支撑, 良性互动, 双向赋能)
_RECIPROCITY = _alt(_cues("reciprocity"))
_HAS_RECIPROCITY = re.compile(_RECIPROCITY).search
_RECIPROCAL = re.compile(
    rf"(?P<a>[^{_P}、“”与和同]{{2,16}}?)(?:与|和|同)(?P<b>[^{_P}、“”与和同]{{2,16}}?)(?:之间)?的?(?:[^{_P}、与和]{{1,6}}?[与和])?"
    rf"(?:{_RECIPROCITY})"
)


# …and two halves of one pair (国内国际双循环相互促进, 线上线下两个渠道互为补充)
_PAIR_RECIPROCAL = re.compile(
    rf"(?P<a>[^{_P}、“”与和同的]{{2}})(?P<b>[^{_P}、“”与和同的]{{2}})(?:双|两个|两种|两大)[^{_P}、“”]{{1,3}}?"
    rf"(?:{_RECIPROCITY})"
)


@_family("reciprocity_word", "A与B相互促进/互为支撑/良性互动/双向赋能", "mutual", "推动数字经济与实体经济相互促进。",
         ("AB双循环相互促进", "推动线上线下两个渠道互为补充。"), gate=_HAS_RECIPROCITY)
def _reciprocity(sentence: str) -> list[dict]:
    found = [_row("mutual", [m["a"], m["b"], m["a"]], m) for m in _PAIR_RECIPROCAL.finditer(sentence)
             if m["a"] != m["b"]]
    for m in _RECIPROCAL.finditer(sentence):
        a, b = _LEAD.sub("", _node(m["a"])), _node(m["b"])
        a = _LEAD.sub("", re.sub(r"^.*?(?:推动|促进|实现|形成|坚持|加强)", "", a) or a)
        if len(a) >= 2 and len(b) >= 2 and not _same(a, b):
            found.append(_row("mutual", [a, b, a], m))
    return found


# family: each is the other's role (A是B发展的动力源…；B是A落地的载体)
_IS_OF = re.compile(r"^(?P<a>[^是为]{2,12}?)(?:是|为|成为)(?P<rest>.{2,30})的[^的]{1,8}$")


@_family("paired_roles", "A是B的X，B是A的Y", "mutual", "人才是产业发展的第一资源，产业是人才成长的广阔舞台。",
         gate=lambda s: "的" in s and s.count("是") + s.count("为") >= 2)
def _paired_roles(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=4):
        m1, m2 = _IS_OF.match(_LEAD.sub("", one.group())), _IS_OF.match(_LEAD.sub("", two.group()))
        if m1 and m2 and m1["rest"].startswith(m2["a"]) and m2["rest"].startswith(m1["a"]) and m1["a"] != m2["a"]:
            found.append(_row("mutual", [m1["a"], m2["a"], m1["a"]], (one.start(), two.end())))
    return found


# family: a cycle told clause by clause (A促进B，B促进C，C又提升A)
_ACTS = re.compile(rf"^(?P<x>.{{2,24}}?)(?:又|也|还|进而|有效地|反过来)*(?:{_alt(_cues('mutual_verb'))})(?P<y>.{{2,16}})$")


def _common(a: str, b: str) -> str:
    """The longest run of two or more characters that *a* and *b* share (else '')."""
    for size in range(min(len(a), len(b)), 1, -1):
        for i in range(len(a) - size + 1):
            if a[i:i + size] in b:
                return a[i:i + size]
    return ""


@_family("clause_cycle", "A促进B，B带动C，C又提升A", "cycle", "教育培养人才，人才推动科技创新，科技进步又提升教育水平。",
         gate=lambda s: len(_MUTUAL_VERB.findall(s)) >= 3)
def _clause_cycle(sentence: str) -> list[dict]:
    parts = [(c, _ACTS.match(c.group())) for c in re.finditer(rf"[^，；,;{_P}]+", sentence)]
    for i in range(len(parts) - 2):
        run = parts[i:i + 4]
        for n in (4, 3):
            steps = [m for _, m in run[:n]]
            if len(steps) < n or not all(steps) or any(re.search("[—–-]", m.group()) for m in steps):
                continue  # a dash-joined object (教育—人才) is a pair, not a node
            links = [_common(steps[k]["y"], steps[(k + 1) % n]["x"]) for k in range(n)]
            if all(links):
                nodes = [links[-1]] + links[:-1]
                return [_row("cycle", nodes, (run[0][0].start(), run[n - 1][0].end()))]
    return []


# ---------------------------------------------------------------- role groups (triads) and roles

_ROLE = _alt(ROLES)
#: what every role pattern needs: a role word said to be something (基础是, 关键在) or named as
#: one (为主体, 是关键, 的核心), or the loose forms (以A为中心, 把A作为B)
_ROLE_GATE = re.compile(rf"(?:{_ROLE})就?(?:是|在)|[为是的].{{0,3}}(?:{_ROLE})|作为|以.*?为", re.S).search
_DEGREE = r"(?:重要|根本|主要|首要|基本|核心|第一|最大)?"
_ROLE_PATTERNS = [
    # role_of: 融合的基础是A / 关键在于B / 根本在C (subject optional)
    re.compile(rf"(?:(?P<subject>[^{_P}、“”]{{1,20}}?)的|(?:^|(?<=[，；：、]))(?:而|其|更|最|首先|同时)?)"
               rf"{_DEGREE}(?P<role>{_ROLE})(?:就是|在于|是|在)(?P<value>[^{_P}“”]{{2,30}}?){_END}"),
    # take_as: 以创新为引领、以企业为主体
    re.compile(rf"以(?P<value>[^{_P}“”以为]{{1,40}}?)为(?P<role>[^{_P}、“”以为]{{0,3}}?(?:{_ROLE}))(?=[{_P}、“”]|的|$)"),
    # take_as with 把/将…作为: 把创新作为第一动力
    re.compile(rf"(?:把|将)(?P<value>[^{_P}“”把将作]{{1,30}}?)作为(?P<role>[^{_P}、“”作为]{{0,8}}?(?:{_ROLE})){_END}"),
    # the same with a role noun not in the list: kept only inside a group
    re.compile(rf"(?:把|将)(?P<value>[^{_P}“”把将作]{{1,30}}?)作为(?P<loose>[^{_P}、“”作为的]{{1,4}}){_END}"),
    # value first, subject named: 人才是创新的根基 (grouped only with the same subject)
    re.compile(rf"(?:^|(?<=[，；、]))(?P<value>[^{_P}、“”是]{{1,16}}?)是(?P<subject>[^{_P}、“”是]{{1,16}}?)的{_DEGREE}"
               rf"(?P<role>{_ROLE}){_END}"),
    # take_as with a role noun not in the list (以A为中心，以B为动力): kept only inside a group
    re.compile(rf"以(?P<value>[^{_P}“”以为]{{1,40}}?)为(?P<loose>[^{_P}、“”以为的]{{1,4}})(?=[{_P}、“”]|的|$)"),
    # take_as continued or value first: 企业为主体、市场为导向; 教育是基础、科技是关键
    re.compile(rf"(?:^|(?<=[，；、]))(?:坚持|以|建立|构建|形成|健全|完善|打造)?(?P<value>[^{_P}、“”以为是]{{1,12}}?)"
               rf"(?:为|是|作为){_DEGREE}"
               rf"(?P<role>{_ROLE})(?=[{_P}、“”]|的|$)"),
]
_QUESTION = re.compile(r"什么|哪些|如何|怎样|怎么|为何")
_PRONOUNS = {"此", "这", "其", "之", "它", "这些", "此为"}
_NOT_ROLES = set(_cues("loose_not"))
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.．、]|[a-zA-Z][.．]|[•*])\s*")
_GAP = re.compile(r"^[，、；,;\s]*(?:和|以及|并|同时|而|坚持|要|必须|以[^，。；为]{1,30}[，；、])?[，、；]?$")


def _role_hits(sentence: str) -> list[re.Match]:
    hits = sorted((m for p in _ROLE_PATTERNS for m in p.finditer(sentence)), key=lambda m: (m.start(), -m.end()))
    kept: list[re.Match] = []
    for m in hits:
        not_role = m.groupdict().get("loose") in _NOT_ROLES
        if _QUESTION.search(m["value"]) or m["value"] in _PRONOUNS or not_role or (kept and m.start() < kept[-1].end()):
            continue  # 融合的本质是什么？ asks, it does not state; 以此为契机 names nothing
        kept.append(m)
    return kept


def _role(m: re.Match) -> str:
    return m.groupdict().get("role") or m["loose"]


def _subject(m: re.Match) -> str:
    subject = (m.groupdict().get("subject") or "").strip("“”")
    return _LIST_MARK.sub("", re.sub(r"^.*?(?:强调|指出|认为)", "", subject))


def _role_groups(sentence: str) -> list[list[tuple[str, re.Match]]]:
    groups: list[list[tuple[str, re.Match]]] = []
    for m in _role_hits(sentence):
        subject = _subject(m)
        if groups:
            last_subject, last = groups[-1][-1]
            same = not subject or not last_subject or last_subject.endswith(subject) or subject.endswith(last_subject)
            if same and _GAP.match(sentence[last.end():m.start()]):
                groups[-1].append((subject or last_subject, m))
                continue
        groups.append([(subject, m)])
    return groups


@_family("role_group", "X的基础是A，关键是B，根本在于C", "triad",
         "乡村振兴的基础是产业兴旺，关键是人才振兴，根本在于深化改革。",
         ("以A为引领、以B为主体", "坚持以创新为引领、以企业为主体、以市场为导向。"),
         ("A为B、C为D", "建立企业为主体、市场为导向的体系。"),
         ("根本在A，关键在B，核心是C", "根本在改革，关键在落实，核心是人才。"),
         ("A是基础，B是关键", "教育是基础，科技是关键。"),
         ("把A作为B，把C作为D", "把创新作为第一动力，把人才作为第一资源。"),
         gate=_ROLE_GATE)
def _roles(sentence: str) -> list[dict]:
    found = []
    for group in _role_groups(sentence):
        if len(group) == 1 and group[0][1].groupdict().get("loose"):
            continue  # 以人民为中心 alone is no role statement from the list
        roles = [_role(m) for _, m in group]
        values = [_node(m["value"]) for _, m in group]
        subject = next((s for s, _ in group if s), "")
        span = (group[0][1].start(), group[-1][1].end())
        if len(group) >= 2:
            found.append(_row("triad", values, span, roles=roles, subject=subject))
        else:
            found.append(_row("role", [_node(subject), values[0]] if subject else values, span, roles=roles,
                              subject=subject))
    return found


# ---------------------------------------------------------------- relations (graph edges, not chains)

#: the verbs of 以A推动B, of A为B提供C, and the nouns of A是B的内在要求 (the patterns and their gate share them)
_BY_VERBS = "推动|引领|带动|催生|驱动|支撑|促进|赋能"
_FOR_VERBS = "提供|创造|注入|拓展"
_ROLE_NOUNS = "内在要求|必然选择|核心要素|关键载体|关键要素|基本路径|重要引擎|根本动力"
_RELATIONS = [
    re.compile(rf"以(?P<a>[^{_P}、“”]{{2,16}}?)(?P<verb>{_BY_VERBS})(?P<b>[^{_P}、“”]{{2,16}}?)(?=[{_P}、“”]|的|是|既|$)"),
    re.compile(rf"(?<![以为])(?P<a>[^{_P}、“”为以]{{2,10}}?)为(?P<b>[^{_P}、“”]{{2,12}}?)(?P<verb>{_FOR_VERBS})(?P<what>[^{_P}]{{2,16}}?)(?=[{_P}]|$)"),
    re.compile(rf"通过(?P<a>[^{_P}、“”]{{2,16}}?)(?P<verb>实现|推动|促进|带动)(?P<b>[^{_P}、“”]{{2,16}}?)(?=[{_P}、“”]|的|$)"),
    re.compile(rf"(?P<a>[^{_P}、“”]{{2,16}}?)(?:成为|是|为)(?P<b>[^{_P}、“”]{{2,16}}?)的(?P<verb>{_ROLE_NOUNS})"),
]
_RELATION_GATE = re.compile(rf"以.*?(?:{_BY_VERBS})|为.*?(?:{_FOR_VERBS})|通过|的(?:{_ROLE_NOUNS})", re.S).search
_ADVERBS = re.compile(r"(?:深度|全面|有效|加快|大力|持续|进一步|更好|充分)$")


@_family("relation", "以A推动B；通过A实现B；A为B提供C", "relation", "以数字技术赋能传统产业。",
         gate=_RELATION_GATE)
def _relations(sentence: str) -> list[dict]:
    found = []
    for pattern in _RELATIONS:
        for m in pattern.finditer(sentence):
            a, b = _ADVERBS.sub("", _node(m["a"])), _node(m["b"])
            a = re.sub(r"^(?:要|必须|需要|坚持|着力)+(?=..)", "", a)
            if len(a) >= 2 and len(b) >= 2 and not a.endswith("为"):
                found.append(_row("relation", [a, b], m, roles=[m["verb"]]))
    return found


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


def _sentence_chains(text: str) -> list[dict]:
    """Every chain of one sentence, overlapping sequences, cycles and mutuals resolved
    (earliest first, then longest)."""
    masked = _mask_markup(text)
    found = [dict(row, family=f.name, nodes=[n.replace("\x01", "") for n in row["nodes"]])
             for f in FAMILIES for row in f.scan(masked)]
    kept, taken = [], []
    for item in sorted(found, key=lambda r: (r["span"][0], -r["span"][1])):
        if item["kind"] in _SPANNING:
            if not _valid(item["nodes"], item["kind"]):
                continue
            start, end = item["span"]
            if any(start < e and end > b for b, e in taken):
                continue
            taken.append((start, end))
        kept.append(item)
    return kept


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
    for s in sentence_table(docs).itertuples():
        for item in _sentence_chains(s.text):
            key = (s.doc_id,) + _key(item["kind"], item["nodes"])
            if key in seen:
                seen[key]["count"] += 1
                continue
            start, end = item["span"]
            seen[key] = row = {
                "doc_id": s.doc_id, "doc": labels.get(s.doc_id, s.doc_id), "family": item["family"],
                "kind": item["kind"], "chain": _chain_text(item["kind"], item["nodes"], item["roles"]),
                "nodes": item["nodes"], "roles": item["roles"] or [], "subject": item["subject"], "surface": s.text[start:end],
                "sentence": s.text, "start": s.start + start, "end": s.start + end, "count": 1,
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
)


def chain_traps() -> pd.DataFrame:
    """The traps (:data:`TRAPS`) with what the rules find in each example (should be nothing
    among sequence, cycle, mutual and triad)."""
    rows = []
    for trap, example in TRAPS:
        table = extract_chains(example)
        chains = table[table["kind"].isin(["sequence", "cycle", "mutual", "triad"])]["chain"]
        rows.append({"trap": trap, "example": example, "extracts": "；".join(chains) or "（无）"})
    return pd.DataFrame(rows, columns=["trap", "example", "extracts"])


# ---------------------------------------------------------------- comparing and graphing chains

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
    :func:`node_synonyms`; each edge records its ``kinds``, ``docs`` and ``weight``."""
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


# ---------------------------------------------------------------- the moves of an argument

HEADING_WEIGHT = 10


def argument_moves() -> pd.DataFrame:
    """The cue words of the moves policy texts make (``zhpolicy/data/argument_moves.tsv``), one
    cue a row: ``move, cue, scope``. The moves come in the order of their first row; ``scope`` is
    ``heading`` for the moves recognised from headings only (导语, 结语), else ``any``."""
    return _word_table("argument_moves.tsv").copy()


def argument_outline(docs, moves: pd.DataFrame | None = None) -> pd.DataFrame:
    """Map each top-level section of each document to a move: 意义 (why it matters),
    要求 (requirements and goals), 问题 (problems, blockages), 路径 (measures), plus 导语 and
    结语 for introductions and conclusions.

    A cue word in a section's heading counts 10; in its body, once per 1,000 characters. The
    move with the highest score wins (ties: the order of the moves). Text before the first
    heading is ``导语``. Returns ``doc_id, section, heading, move, chars, start`` and one score
    column per move. The cue words are :func:`argument_moves`; pass an edited copy as *moves*
    to try other cues."""
    table = argument_moves() if moves is None else moves
    cues: dict[str, list[str]] = {}
    for move, cue in zip(table["move"], table["cue"]):
        cues.setdefault(move, []).append(cue)
    heading_only = set(table.loc[table["scope"] == "heading", "move"])
    order = list(cues)
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
                            + (0 if move in heading_only else 1000 * sum(body.count(w) for w in words) / chars), 2)
                for move, words in cues.items()
            }
            if not section or scores.get("导语"):
                move = "导语"
            elif scores.get("结语"):
                move = "结语"
            else:
                move = max(order, key=scores.__getitem__)  # ties: the first in order
            rows.append({"doc_id": doc_id, "section": section, "heading": heading, "move": move,
                         "chars": len(body), "start": int(part["start"].min()), **scores})
    return pd.DataFrame(rows, columns=["doc_id", "section", "heading", "move", "chars", "start", *order])
