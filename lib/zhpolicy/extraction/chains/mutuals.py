"""Rule families of two-way relations (and the cycle told clause by clause)."""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import _alt, _cues, _listed
from .nodes import _LEAD, _P, _node, _same, _shorter
from .registry import _family, _row


# ---------------------------------------------------------------- mutual relations


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
_PROVIDE_LEAD = re.compile(rf"^.*?(?:{_listed('provide_lead')})")


@_family("provide_for", "A为B提供…，B为A…", "mutual", "高校为企业输送创新人才，企业为高校开放实践岗位。",
         gate=lambda s: s.count("为") >= 2 and _HAS_PROVIDE(s))
def _provide_for(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence):
        m1, m2 = _FOR_ONE.match(one.group()), _FOR_TWO.match(two.group())
        if not (m1 and m2):
            continue
        a = _PROVIDE_LEAD.sub("", m1["a"])
        a2 = m2["rest"][:len(_node(a)) + 2]
        row = _pair(a, m1["b"], m2["b"], a2 if _same(_node(a), a2[:len(_node(a))]) else "", (one.start(), two.end()))
        if row:
            found.append(row)
    return found


# family: A acts on B, B acts back on A (A促进B，B保障A; 需求牵引供给、供给创造需求)
_MUTUAL_VERB = re.compile(_alt(_cues("mutual_verb")))
#: 以A促进B, 围绕A部署B: the text up to 以/围绕 is no part of A
_BEFORE_BY = re.compile(r"^.*(?:围绕|以)")


@_family("reciprocal_verbs", "A促进B，B保障A", "mutual", "绿色转型促进产业升级，产业升级支撑绿色转型。")
def _reciprocal_verbs(sentence: str) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=1):
        for v1 in _MUTUAL_VERB.finditer(one.group()):
            for v2 in _MUTUAL_VERB.finditer(two.group()):
                a, b = one.group()[:v1.start()], one.group()[v1.end():]
                b2, a2 = two.group()[:v2.start()], two.group()[v2.end():]
                a = _BEFORE_BY.sub("", a)
                row = _pair(a, b, _BEFORE_BY.sub("", b2), a2, (one.start(), two.end()))
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
_RECIPROCITY_LEAD = re.compile(rf"^.*?(?:{_listed('reciprocity_lead')})")
_RECIPROCAL = re.compile(
    rf"(?P<a>[^{_P}、“”与和同]{{2,16}}?)(?:与|和|同)(?P<b>[^{_P}、“”与和同]{{2,16}}?)(?:之间)?的?(?:[^{_P}、与和]{{1,6}}?[与和])?"
    rf"(?:{_RECIPROCITY})"
)


# …and two halves of one pair (国内国际双循环相互促进, 线上线下两个渠道互为补充)
_PAIR_RECIPROCAL = re.compile(
    rf"(?P<a>[^{_P}、“”与和同的]{{2}})(?P<b>[^{_P}、“”与和同的]{{2}})(?:{_listed('pair_word')})[^{_P}、“”]{{1,3}}?"
    rf"(?:{_RECIPROCITY})"
)


@_family("reciprocity_word", "A与B相互促进/互为支撑/良性互动/双向赋能", "mutual", "推动数字经济与实体经济相互促进。",
         ("AB双循环相互促进", "推动线上线下两个渠道互为补充。"), gate=_HAS_RECIPROCITY)
def _reciprocity(sentence: str) -> list[dict]:
    found = [_row("mutual", [m["a"], m["b"], m["a"]], m) for m in _PAIR_RECIPROCAL.finditer(sentence)
             if m["a"] != m["b"]]
    for m in _RECIPROCAL.finditer(sentence):
        a, b = _LEAD.sub("", _node(m["a"])), _node(m["b"])
        a = _LEAD.sub("", _RECIPROCITY_LEAD.sub("", a) or a)
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
_ACTS = re.compile(rf"^(?P<x>.{{2,24}}?)(?:{_listed('act_adverb')})*(?:{_alt(_cues('mutual_verb'))})(?P<y>.{{2,16}})$")


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
