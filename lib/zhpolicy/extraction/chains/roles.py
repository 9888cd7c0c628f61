"""Rule families of role groups (triads), single roles and relations (graph edges)."""

from __future__ import annotations

import re

from .anchors import anchored_matches
from .cuepass import derive, need
from .cues import ROLES, _alt, _cues, _listed
from .nodes import _END, _LEAD, _P, _TITLE, _node
from .registry import _family, _row


# ---------------------------------------------------------------- role groups (triads) and roles

_ROLE = _alt(ROLES)
_DEGREE = rf"(?:{_listed('degree')})?"
#: cue lists made from the role words, so that the cue pass sends each pattern only the sentences it
#: can match: a role word said to be something (基础是, 关键在), a role word after 的 (的根本动力),
#: a role word named as one (为主体, 是关键)
_DEGREES = ("", *_cues("degree"))
_ROLE_SAID = need(derive("role_said", (r + s for r in ROLES for s in ("是", "在", "就是"))))
_OF_ROLE = need(derive("of_role", ("的" + d + r for d in _DEGREES for r in ROLES)))
_IS_ROLE = need(derive("is_role", (c + d + r for c in ("为", "是") for d in _DEGREES for r in ROLES)))
#: one-character roles after 为 (实体为本、创新为核、人才为要; 以治疗为主、医院为重): kept only as a group of two or more
_CHAR_ROLES = "本核魂根要先纲基重主辅体果"
_CHAR_ROLE_TWICE = need(derive("char_role", ("为" + c for c in _CHAR_ROLES)), 2)
_BY_FOR = need("by") | need("for")
_AS, _ROLE_WORD, _IS = need("as"), need("role"), need("is")
_ROLE_PATTERNS = [  # (pattern, the cue lists it needs)
    # role_of: 融合的基础是A / 关键在于B / 根本在C (subject optional)
    (re.compile(rf"(?:(?P<subject>[^{_P}、“”]{{1,20}}?)的|(?:^|(?<=[，；：、]))(?:{_listed('role_lead')})?)"
                rf"{_DEGREE}(?P<role>{_ROLE})(?:就是|在于|是|在)(?P<value>[^{_P}“”]{{2,30}}?){_END}"), _ROLE_SAID),
    # take_as: 以创新为引领、以企业为主体
    (re.compile(rf"以(?P<value>(?:{_TITLE}|成为|[^{_P}“”以为]){{1,40}}?)为(?P<role>[^{_P}、“”以为]{{0,3}}?(?:{_ROLE})(?:[和与](?:{_ROLE}))?)(?=[{_P}、“”]|的|$)"),
     _BY_FOR | _ROLE_WORD),
    # take_as with 把/将…作为: 把创新作为第一动力
    (re.compile(rf"(?:把|将)(?P<value>[^{_P}“”把将作]{{1,30}}?)作为(?P<role>[^{_P}、“”作为]{{0,8}}?(?:{_ROLE})){_END}"),
     _AS | _ROLE_WORD),
    # the same with a role noun not in the list: kept only inside a group
    (re.compile(rf"(?:把|将)(?P<value>[^{_P}“”把将作]{{1,30}}?)作为(?P<loose>[^{_P}、“”作为的]{{1,4}}){_END}"), _AS),
    # value first, subject named: 人才是创新的根基 (grouped only with the same subject)
    (re.compile(rf"(?:^|(?<=[，；、]))(?P<value>[^{_P}、“”是]{{1,16}}?)是(?P<subject>[^{_P}、“”是]{{1,16}}?)的{_DEGREE}"
                rf"(?P<role>{_ROLE}){_END}"), _OF_ROLE | _IS),
    # take_as with a role noun not in the list (以A为中心，以B为动力): kept only inside a group
    (re.compile(rf"以(?P<value>(?:{_TITLE}|[^{_P}“”以为]){{1,40}}?)为(?P<loose>[^{_P}、“”以为的]{{1,6}})(?=[{_P}、“”]|的|$)"), _BY_FOR),
    # one-character roles, value first (坚持实体为本、创新为核): kept only inside a group
    (re.compile(rf"(?:^|(?<=[，；、：]))(?:{_listed('list_lead')}){{0,2}}(?P<value>[^{_P}、“”以为是]{{1,8}}?)"
                rf"为(?P<loose>[{_CHAR_ROLES}])(?=[{_P}、“”]|的|$)"), _CHAR_ROLE_TWICE),
    # take_as continued or value first: 企业为主体、市场为导向; 教育是基础、科技是关键
    (re.compile(rf"(?:^|(?<=[，；、“「]))(?:{_listed('list_lead')})?(?P<value>[^{_P}、“”以为是]{{1,12}}?)"
                rf"(?:为|是|作为){_DEGREE}"
                rf"(?P<role>{_ROLE})(?=[{_P}、“”]|的|$)"), _IS_ROLE),
]
#: value first with a role noun not in the list (金融是杠杆): sought only where a listed value-first role
#: stands (A是前提), kept only in a parallel group with it (A是前提、B是杠杆、C是支撑), never alone
_FREE_ROLE = re.compile(rf"(?:^|(?<=[，；、：“「]))(?:{_listed('list_lead')})?(?P<value>[^{_P}、“”以为是]{{1,12}}?)是"
                        rf"(?P<free>[\u4e00-\u9fff]{{2,3}})(?=[，；、。;,]|$)")
_LISTED_VALUE_FIRST = _ROLE_PATTERNS[-1][0]
#: 为 and a one-character role, as the cue pass counts them (the pattern runs only where there are two)
_CHAR_ROLE_WORD = re.compile(f"为[{_CHAR_ROLES}]")
#: after 以A为主 (a role word that alone is none), a one-character role of the same group: 以治疗为主、医院为重,
#: 以预防为重、以社区为本
_CHAR_ROLE_NEXT = re.compile(rf"、以?[^{_P}、“”以为是]{{1,8}}?为[{_CHAR_ROLES}](?=[{_P}、“”]|的|$)")
#: one-character roles in a group (实体为本、创新为核): 本 and 重 count here, though 以人为本 alone is no role
_CHAR_ROLE_PATTERN = _ROLE_PATTERNS[-2][0]
#: the two value-first patterns (A是关键, A是杠杆): a group holding a free role noun is made of these only
_VALUE_FIRST = frozenset((_LISTED_VALUE_FIRST, _FREE_ROLE))
_QUESTION = re.compile(_listed("question"))
_PRONOUNS = set(_cues("pronoun"))
_NOT_ROLES = set(_cues("loose_not"))
_REPORTED = re.compile(rf"^.*?(?:{_listed('reporting_verb')})")
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.．、]|[a-zA-Z][.．]|[•*])\s*")
_GAP = re.compile(rf"^[，、；,;\s]*(?:{_listed('gap')}|以[^，。；为]{{1,30}}[，；、])?[，、；]?$")


_PATTERNS_FOR: dict[int, tuple[re.Pattern, ...]] = {}


def _patterns_for(cues: int) -> tuple[re.Pattern, ...]:
    """The role patterns whose cue lists a sentence holding *cues* holds (few distinct masks: cached)."""
    patterns = _PATTERNS_FOR.get(cues)
    if patterns is None:
        patterns = _PATTERNS_FOR[cues] = tuple(p for p, needs in _ROLE_PATTERNS if cues & needs == needs)
    return patterns


def _group(m: re.Match, name: str) -> str | None:
    """Group *name* of *m*, None when its pattern has no such group (``m.groupdict().get(name)``)."""
    return m[name] if name in m.re.groupindex else None


def _role_hits(sentence: str, cues: int) -> list[re.Match]:
    hits = [m for p in _patterns_for(cues)
            if p is not _CHAR_ROLE_PATTERN or len(_CHAR_ROLE_WORD.findall(sentence)) >= 2
            for m in p.finditer(sentence)]
    if any(m.re is _LISTED_VALUE_FIRST for m in hits):  # a free role noun counts only beside one (_framed)
        hits += _FREE_ROLE.finditer(sentence)
    if len(hits) > 1:
        hits.sort(key=_position)
    kept: list[re.Match] = []
    for m in hits:
        value = m["value"]
        if (kept and m.start() < kept[-1].end()) or value in _PRONOUNS or _QUESTION.search(value) \
                or (_group(m, "loose") in _NOT_ROLES and m.re is not _CHAR_ROLE_PATTERN
                    and not (_group(m, "loose") in _CHAR_ROLES and _CHAR_ROLE_NEXT.match(sentence, m.end()))):
            continue  # 融合的本质是什么？ asks, it does not state; 以此为契机 names nothing
        kept.append(m)
    return kept


def _position(m: re.Match) -> tuple[int, int]:
    return m.start(), -m.end()


def _role(m: re.Match) -> str:
    return _group(m, "role") or _group(m, "loose") or m["free"]


def _framed(group) -> bool:
    """Whether a group holding role nouns outside the list (free: 是杠杆) is a role group by its
    frame: a listed role among them and three items or more, or no more free items than listed."""
    free = sum(1 for _, m in group if _group(m, "free"))
    if not free:
        return True
    listed = sum(1 for _, m in group if _group(m, "role"))
    parallel = all(m.re in _VALUE_FIRST for _, m in group)  # every item A是R: the same frame
    return parallel and listed >= 1 and (len(group) >= 3 or free <= listed) and len({_role(m) for _, m in group}) == len(group)


def _subject(m: re.Match) -> str:
    subject = _group(m, "subject")
    if not subject:
        return ""
    subject = subject.strip("“”")
    return _LIST_MARK.sub("", _REPORTED.sub("", subject))


def _role_groups(sentence: str, cues: int) -> list[list[tuple[str, re.Match]]]:
    groups: list[list[tuple[str, re.Match]]] = []
    for m in _role_hits(sentence, cues):
        subject = _subject(m)
        if groups:
            last_subject, last = groups[-1][-1]
            same = not subject or not last_subject or last_subject.endswith(subject) or subject.endswith(last_subject)
            if same and _GAP.match(sentence[last.end():m.start()]):
                groups[-1].append((subject or last_subject, m))
                continue
        groups.append([(subject, m)])
    return groups


#: a short quoted term; its quotes are read as asides (\x01, which nodes drop) so that a role's value may be one
_QUOTED_TERM = re.compile(r"[“「]([^“”「」，,。；;：:、]{1,30})[”」]")


def _unquoted(m: re.Match) -> str:
    return "\x01" + m[1] + "\x01"


#: A value ending so that its 为 is 互为 (两者互为支撑): a two-way relation, no role.
_MUTUAL_BEFORE = ("互", "相互")


@_family("role_group", "X的基础是A，关键是B，根本在于C", "triad",
         "乡村振兴的基础是产业兴旺，关键是人才振兴，根本在于深化改革。",
         ("以A为引领、以B为主体", "坚持以创新为引领、以企业为主体、以市场为导向。"),
         ("A为B、C为D", "建立企业为主体、市场为导向的体系。"),
         ("根本在A，关键在B，核心是C", "根本在改革，关键在落实，核心是人才。"),
         ("A是基础，B是关键", "教育是基础，科技是关键。"),
         ("把A作为B，把C作为D", "把创新作为第一动力，把人才作为第一资源。"),
         ("A是前提、B是杠杆、C是支撑（并列句式里有一个词表里的角色词，其余角色词不在词表里也算）",
          "数据是基石、算力是底座、场景是引擎。"),
         ("“A”是前提，“B”是关键（值是引号里的说法）", "“稳就业”是前提，“保民生”是关键，“促发展”是根本。"),
         ("A为本、B为核（一个字的角色，至少两项并列）", "坚持实体为本、创新为核、人才为要。"),
         needs=(("role_said",), ("by", "for"), ("as",), ("of_role", "is"), ("is_role",), ("char_role*2",)))
def _roles(sentence: str, cues: int) -> list[dict]:
    found = []
    if "“" in sentence or "「" in sentence:
        sentence = _QUOTED_TERM.sub(_unquoted, sentence)  # “不敢腐”是前提: the quoted term is the value
    for group in _role_groups(sentence, cues):
        group = [(s, m) for s, m in group if not m["value"].endswith(_MUTUAL_BEFORE)]  # 两者互为支撑: two-way
        if not group:
            continue
        if len(group) == 1 and (_group(group[0][1], "loose") or _group(group[0][1], "free")):
            continue  # 以人民为中心 alone is no role statement from the list
        if not _framed(group):
            continue  # 今天是周一、明天是周二: no role among them
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


# family: role groups whose role word follows the node (科技是第一生产力、人才是第一资源、创新是第一动力)
_FIRST_ROLE = re.compile(rf"(?:^|(?<=[，；：、]))(?P<value>[^{_P}、“”是为]{{1,14}}?)(?:是|为)?"
                         rf"(?P<role>{_listed('first_role')})(?=[{_P}、“”]|的|$)")


@_family("first_roles", "X是第一生产力、Y是第一资源、Z是第一动力", "triad",
         "坚持人才是第一资源、创新是第一动力。",
         ("X第一生产力、Y第一资源（短式）", "教育第一生产力、人才第一资源。"),
         needs=(("first_role*2",),))
def _first_roles(sentence: str, cues: int) -> list[dict]:
    return _role_runs(sentence, _FIRST_ROLE.finditer(sentence), _GAP.match, 2)


def _role_runs(sentence: str, matches, joined, fewest: int, distinct: bool = False) -> list[dict]:
    """Triads of role matches (groups ``value`` and ``role``) that follow one another, *joined* telling
    whether the text between two of them joins them; a run of at least *fewest* (with *distinct* values)."""
    groups: list[list[re.Match]] = []
    for m in matches:
        if groups and joined(sentence[groups[-1][-1].end():m.start()]):
            groups[-1].append(m)
        else:
            groups.append([m])
    found = []
    for group in groups:
        values = [_LEAD.sub("", _node(m["value"])) for m in group]
        if len(group) >= fewest and all(values) and (not distinct or len(set(values)) == len(values)):
            found.append(_row("triad", values, (group[0].start(), group[-1].end()), roles=[m["role"] for m in group]))
    return found


# family: subjects each given a role by a verb and a role noun (传统产业承担基础支撑功能，新兴产业扮演战略支柱角色，
# 未来产业肩负前沿突破使命; 政府发挥引导作用、企业发挥主体作用、社会发挥协同作用)
_CARRIED_ROLE = re.compile(rf"(?P<value>[^{_P}、“”]{{2,12}}?)(?:{_listed('role_carrier')})(?:着|了)?"
                           rf"(?P<role>[^{_P}、“”的]{{2,8}}?)(?:的)?(?:{_listed('role_kind')})(?=[{_P}、]|$)")


@_family("role_carriers", "A承担X功能，B扮演Y角色，C肩负Z使命", "triad",
         "传统产业承担基础支撑功能，新兴产业扮演战略支柱角色，未来产业肩负前沿突破使命。",
         ("A发挥X作用、B发挥Y作用、C发挥Z作用", "政府发挥引导作用、企业发挥主体作用、社会发挥协同作用。"),
         needs=(("role_carrier*3", "role_kind*3"),))
def _role_carriers(sentence: str, cues: int) -> list[dict]:
    return _role_runs(sentence, _CARRIED_ROLE.finditer(sentence), _CARRIER_JOIN.fullmatch, 3, distinct=True)


#: what joins two carried roles: a comma, a 、 or a semicolon
_CARRIER_JOIN = re.compile(r"\s*[，,、；;]\s*")


# family: role statements that open consecutive sentences (产业振兴是根基，……。人才振兴是关键，……), or
# sentences an ordinal series opens (首先，A是X的基础。……其次，B是X的关键。), one subject for all
_ORDINAL = _listed("ordinal")
_OPENING_ROLE = re.compile(rf"^(?P<ordinal>(?:{_ORDINAL})[，,、])?(?P<value>[^{_P}、“”是]{{2,12}}?)是"
                           rf"(?:(?P<subject>[^{_P}、“”是的]{{2,12}})的)?{_DEGREE}(?P<role>{_ROLE})(?=[，,。；;！!]|$)")
#: a sentence that is nothing but one 以A为<role> with a lead (应坚持以基层为重点。): a paragraph's
#: opener; openers with the same lead a few paragraphs apart make a role group
_HEADING_ROLE = re.compile(rf"^(?P<ordinal>(?:{_ORDINAL})[，,、])?(?P<lead>[^{_P}、“”以]{{1,6}}?)以"
                           rf"(?P<value>[^{_P}“”以为]{{1,20}}?)为(?P<role>{_ROLE})[。；;！!]?$")
_OF_ROLE_IS = _OF_ROLE | _IS
#: where the 是 of an opening role statement stands at the latest (an ordinal, a value of 12), and how
#: long a sentence that is one 以A为<role> can be (a lead of 6, a value of 20, the role and a stop)
_OPENING_LONGEST, _HEADING_LONGEST = 18, 40
#: how many sentences may stand between two role statements that ordinals open (a paragraph each)
_ORDINAL_GAP = 12


@_family("role_sentences", "A是根基，……。B是关键，……（各句开头）", "triad",
         "产业兴旺是根基，要发展特色产业。人才振兴是关键，要引育并举。",
         ("首先，A是X的基础。……其次，B是X的关键。（序数词开头，中间可隔几句）",
          "首先，人才是城市更新的基础。要引进人才。其次，资金是城市更新的关键。"),
         ("应坚持以A为重点。……应坚持以B为动力。（各段开头的同一句式）",
          "应坚持以社区为重点。要下沉资源。应坚持以数字化为动力。要建设平台。"),
         needs=(("is_role",), ("of_role", "is")), scope="document")
def _role_sentences(sentences: list[tuple[int, str, int]]) -> list[dict]:
    """*sentences*: ``(offset, text, cues)`` of one document, in order. Two or more sentences in a
    row that each open with ``A是<role>`` make one role group, spanning them; so do sentences that
    ordinals open (首先…其次…最后), up to :data:`_ORDINAL_GAP` sentences apart. Subjects named
    (A是X的基础) must be the same."""
    found, group, last = [], [], -2
    for i, (offset, text, cues) in enumerate(sentences):
        if not (cues & _IS_ROLE or cues & _OF_ROLE_IS == _OF_ROLE_IS):
            continue
        m = _OPENING_ROLE.match(text) if "是" in text[:_OPENING_LONGEST] else None
        if m is None and len(text) <= _HEADING_LONGEST and "以" in text:
            m = _HEADING_ROLE.match(text)
        if m is None or m["value"] in _PRONOUNS:
            continue
        if not group or not _continues(group[-1][1], m, i - last):
            found += _opening_group(group)
            group = []
        group.append((offset, m))
        last = i
    return found + _opening_group(group)


def _continues(previous: re.Match, m: re.Match, step: int) -> bool:
    """Whether the opening role statement *m*, *step* sentences after *previous*, joins its group."""
    if _group(previous, "subject") != _group(m, "subject") or _group(previous, "lead") != _group(m, "lead"):
        return False
    if step == 1:
        return True
    parallel = bool(previous["ordinal"] and m["ordinal"]) or _group(m, "lead") is not None
    return parallel and step <= _ORDINAL_GAP


def _opening_group(group) -> list[dict]:
    if len(group) < 2:
        return []
    values = [_LEAD.sub("", _node(m["value"])) for _, m in group]
    span = (group[0][0] + group[0][1].start("value"), group[-1][0] + group[-1][1].end())
    return [_row("triad", values, span, roles=[m["role"] for _, m in group], subject=_group(group[0][1], "subject") or "")]


# ---------------------------------------------------------------- relations (graph edges, not chains)

#: the verbs of 以A推动B, of A为B提供C, and the nouns of A是B的内在要求 (the patterns and their gate share them)
_BY_VERBS = _listed("by_verb")
_FOR_VERBS = _listed("for_verb")
_ROLE_NOUNS = _listed("role_noun")
#: A of A为B提供C: no 为 or 以 in it, so it ends at the first 为 (see :mod:`.anchors`)
_FOR_SIDE_CHAR = rf"[^{_P}、“”为以]"
_RELATIONS = [  # (pattern, the cue lists it needs)
    (re.compile(rf"以(?P<a>[^{_P}、“”]{{2,16}}?)(?P<verb>{_BY_VERBS})(?P<b>[^{_P}、“”]{{2,16}}?)(?=[{_P}、“”]|的|是|既|$)"), need("by") | need("by_verb")),
    (re.compile(rf"(?<![以为])(?P<a>{_FOR_SIDE_CHAR}{{2,10}}?)为(?P<b>[^{_P}、“”]{{2,12}}?)(?P<verb>{_FOR_VERBS})(?P<what>[^{_P}]{{2,16}}?)(?=[{_P}]|$)"), need("for") | need("for_verb")),
    (re.compile(rf"通过(?P<a>[^{_P}、“”]{{2,16}}?)(?P<verb>{_listed('through_verb')})(?P<b>[^{_P}、“”]{{2,16}}?)(?=[{_P}、“”]|的|$)"), need("through")),
    (re.compile(rf"(?P<a>[^{_P}、“”]{{2,16}}?)(?:成为|是|为)(?P<b>[^{_P}、“”]{{2,16}}?)的(?P<verb>{_ROLE_NOUNS})"), need("role_noun")),
]
_FOR_ANCHOR, _IS_FOR_SIDE_CHAR = re.compile("为"), re.compile(_FOR_SIDE_CHAR).match


def _relation_matches(pattern: re.Pattern, sentence: str):
    """``pattern.finditer(sentence)``; A为B提供C tried only before each 为."""
    if pattern is _RELATIONS[1][0]:
        return anchored_matches(pattern, sentence, _FOR_ANCHOR, _IS_FOR_SIDE_CHAR, 10, not_after="以为")
    return pattern.finditer(sentence)


_ADVERBS = re.compile(rf"(?:{_listed('adverb')})$")
#: a side that is only an adverb and a modal verb (而就业扩大，也会为经济增长提供…: 也会 names nothing)
_MODAL_ONLY = re.compile(r"(?:也|还|更|都|就|又|才|将|亦|必|则)?(?:会|将会|能|能够|可以|可|要|需要|应|应当|将|必将)")
#: 二者/两者…: a pronoun, no node of a relation (以二者的双向赋能激发活力)
_BOTH = _cues("both")
_RELATION_LEAD = re.compile(rf"^(?:{_listed('relation_lead')})+(?=..)")


@_family("relation", "以A推动B；通过A实现B；A为B提供C", "relation", "以数字技术赋能传统产业。",
         needs=(("by", "by_verb"), ("for", "for_verb"), ("through",), ("role_noun",)))
def _relations(sentence: str, cues: int) -> list[dict]:
    found = []
    for pattern, needs in _RELATIONS:
        if cues & needs != needs:
            continue
        for m in _relation_matches(pattern, sentence):
            a, b = _ADVERBS.sub("", _node(m["a"])), _node(m["b"])
            a = _RELATION_LEAD.sub("", a)
            if len(a) >= 2 and len(b) >= 2 and not a.endswith("为") and not a.startswith(_BOTH) and not _MODAL_ONLY.fullmatch(a):
                found.append(_row("relation", [a, b], m, roles=[m["verb"]]))
    return found
