"""Rule families of two-way relations (and the cycle told clause by clause)."""

from __future__ import annotations

import re
from functools import lru_cache

from .cuepass import need
from .anchors import anchored_matches
from .cues import _alt, _cues, _listed
from .nodes import _LEAD, _P, _node, _same, _shorter
from .registry import BLOCK, _family, _row


# ---------------------------------------------------------------- mutual relations


def _side(text: str) -> str:
    """One side of a two-way relation, tidied: no quotes, no leading 要/坚持/推动…"""
    return _LEAD.sub("", _node(text))


def _first_side(a: str, b: str) -> tuple[str, str]:
    """The tidied A and B of the first clause (A before its verb, B after it)."""
    return _side(a.split("“")[-1]), _side(b)  # “科技赋能工业、工业反哺科技”的良性循环


def _second_side(b2: str, a2: str) -> tuple[str, str]:
    """The tidied B and A of the second clause (B before its verb, A after it)."""
    return _side(b2), _side(a2.split("”")[0])


def _answered(a, b, b2, a2, span, shortest: int = 2):
    """A mutual row when the tidied A…B is answered by B…A (names may be shortened), else None."""
    if min(len(a), len(b)) < shortest or not (_same(b, b2) and _same(a, a2)) or _same(a, b):
        return None
    first, second = _shorter(a, a2), _shorter(b, b2)
    return _row("mutual", [first, second, first], span)


_GENERIC = set(_cues("generic"))


def _core(x: str, y: str) -> str:
    """The longest run of two or more characters two names share, when it is not a word too
    general to tie them (发展, 建设…); else ''."""
    core = _common(x, y)
    return core if core and core not in _GENERIC else ""


#: two names joined by a dash (教育—科技融汇)
_DASH_JOINED = re.compile(r"[\u4e00-\u9fff][—–－-]+[\u4e00-\u9fff]")


def _answered_by_cores(a, b, b2, a2, span, shortest: int = 2):
    """A mutual row when A…B is answered by B'…A' whose names differ but share a core
    (以数字技术赋能制造业、以制造业场景牵引技术迭代), else None."""
    if min(len(a), len(b), len(a2), len(b2)) < shortest or _DASH_JOINED.search(a + " " + b + " " + a2 + " " + b2):
        return None  # 科技支撑教育学科专业—人才培养结构优化: a dash-joined pair is two things, not its core
    same_a, same_b = _same(a, a2), _same(b, b2)
    # one side named alike lets the other share any core; else both cores must be specific
    core_a = _common(a, a2) if same_b else _core(a, a2)
    core_b = _common(b, b2) if same_a else _core(b, b2)
    if not core_a or not core_b or core_a in core_b or core_b in core_a or _same(a, b):
        return None
    first = _shorter(a, a2) if same_a else core_a  # names that differ are named by what they share
    second = _shorter(b, b2) if same_b else core_b
    return _row("mutual", [first, second, first], span)


def _pair(a, b, b2, a2, span, *, shortest: int = 2):
    """A mutual row when A…B is answered by B…A (names may be shortened), else None."""
    return _answered(*_first_side(a, b), *_second_side(b2, a2), span, shortest)


_CLAUSE = re.compile(rf"[^，；、,;{_P}]+")


@lru_cache(maxsize=BLOCK)
def _clause_matches(sentence: str) -> tuple[re.Match, ...]:
    """The clauses of a sentence, as matches (cached: five families read them)."""
    return tuple(_CLAUSE.finditer(sentence))


@lru_cache(maxsize=BLOCK)
def _clause_texts(sentence: str) -> tuple[str, ...]:
    """The clauses of a sentence as texts (cached for a block of sentences: reciprocal_verbs,
    swapped_short and paired_roles read the same sentences' clauses, one family after the other)."""
    return tuple(_CLAUSE.findall(sentence))


@lru_cache(maxsize=BLOCK)
def _echoes(sentence: str) -> tuple[tuple[int, bool], ...]:
    """The clause pairs (k, k + 1) whose second clause opens with two characters (or its one) found in
    the first, each with whether they are found after the first's first character: what A…B, B…A
    needs, tested once for the two families that ask (reciprocal_verbs, swapped_short)."""
    texts = _clause_texts(sentence)
    found = []
    for k in range(len(texts) - 1):
        head, first = texts[k + 1][:2], texts[k]
        at = first.find(head)
        if at >= 0:
            found.append((k, at > 0 or first.find(head, 1) > 0))
    return tuple(found)


@lru_cache(maxsize=8)
def _clause_spans(sentence: str) -> tuple[tuple[str, ...], list[int], list[int]]:
    """The clauses of a sentence as three lists: texts, starts and ends (cached)."""
    texts = _clause_texts(sentence)
    starts, ends, end = [], [], 0
    for text in texts:
        start = sentence.index(text, end)  # between two clauses stand only separators
        end = start + len(text)
        starts.append(start)
        ends.append(end)
    return texts, starts, ends


def _clauses(sentence: str, *, window: int = 2):
    """Pairs of clauses (the second at most *window* clauses after the first), as matches."""
    parts = _clause_matches(sentence)
    for i, one in enumerate(parts):
        for two in parts[i + 1:i + 1 + window]:
            yield one, two


# family: A为B提供…，B为A创造…
_PROVIDE = _alt(_cues("provide"))
_FOR_ONE = re.compile(rf"^(?P<a>.{{1,20}}?)为(?P<b>.{{1,20}}?)(?:{_PROVIDE})")
_FOR_TWO = re.compile(r"^(?P<b>.{1,20}?)为(?P<rest>.+)$")
_PROVIDE_LEAD = re.compile(rf"^.*?(?:{_listed('provide_lead')})")


@_family("provide_for", "A为B提供…，B为A…", "mutual", "高校为企业输送创新人才，企业为高校开放实践岗位。",
         needs=(("for*2", "provide"),))
def _provide_for(sentence: str, cues: int) -> list[dict]:
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
#: the two-way verbs, each guarded (创造 but not 创造性: an adjective, no verb)
_MUTUAL_VERB = re.compile(_listed("mutual_verb"))
#: 以A促进B, 围绕A部署B: the text up to 以/围绕 is no part of A
_BEFORE_BY = re.compile(r"^.*(?:围绕|以)")
_TWO_VERBS = need("mutual_verb", 2)
_SHORTEST_VERB = min(map(len, _cues("mutual_verb")))
_FIRST_VERB = _MUTUAL_VERB.search
_LONGEST_VERB = max(map(len, _cues("mutual_verb")))


def _before_by(text: str) -> str:
    """*text* after its last 以 or 围绕 (the text itself when it holds neither)."""
    return _BEFORE_BY.sub("", text) if "以" in text or "围绕" in text else text


def _span(sentence: str, k: int) -> tuple[int, int]:
    """From the start of clause *k* to the end of clause *k + 1*."""
    _, starts, ends = _clause_spans(sentence)
    return starts[k], ends[k + 1]


@_family("reciprocal_verbs", "A促进B，B保障A", "mutual", "绿色转型促进产业升级，产业升级支撑绿色转型。",
         ("以A赋能B、以B牵引A（名称不全相同：取共同的核心词）", "以数字技术赋能制造业、以制造业场景牵引技术迭代。"),
         needs=(("mutual_verb",),))
def _reciprocal_verbs(sentence: str, cues: int) -> list[dict]:
    """The first clause pair (in order) where A…B is answered by B…A: with a verb of the list in
    each clause, else by the crossing order of :func:`_crossing`."""
    texts = _clause_texts(sentence)
    pairs = range(len(texts) - 1)
    # what _crossing checks first: the second clause starts with a piece of the first, after its start
    crossing = [k for k, inside in _echoes(sentence) if inside]
    if cues & _TWO_VERBS:  # else no two clauses hold a verb each: only the crossing order can tell
        verbs = list(map(_FIRST_VERB, texts))
        # what _verb_pairs checks first: the text after the first clause's first verb shares a
        # character with the second clause before its last verb (which ends it at the latest)
        paired = [k for k in pairs if verbs[k] and verbs[k + 1]
                  and not set(texts[k][verbs[k].end():]).isdisjoint(texts[k + 1][:-_SHORTEST_VERB])]
    else:
        paired = ()
    if not paired and not crossing:
        return []
    for k in sorted({*crossing, *paired}):
        t1, t2 = texts[k], texts[k + 1]
        found = []
        if k in paired:
            found = _verb_pairs(sentence, k, t1, t2, _verb_spans(t1, verbs[k]), _verb_spans(t2, verbs[k + 1]))
        if not found and k in crossing:
            found = _crossing(t1, t2, _span(sentence, k))
        if found:
            return found[:1]
    return []


def _verb_spans(text: str, first: re.Match) -> list[tuple[int, int]]:
    """The spans of the verbs in a clause whose first verb is *first* (as finditer gives them)."""
    return [first.span(), *(m.span() for m in _MUTUAL_VERB.finditer(text, first.end()))]


def _verb_pairs(sentence: str, k: int, t1: str, t2: str, verbs1, verbs2) -> list[dict]:
    """Mutual rows of clauses *k* and *k + 1* (texts *t1*, *t2*, with their verbs), on the
    conditions of :func:`_pair` taken in a cheaper order: B after a verb of the first clause and B
    before a verb of the second must share a character (tidying only drops characters), and so must
    A before the first verb and A after the second, before the sides are tidied and compared."""
    found = []
    seconds = [(end, _before_by(t2[:start])) for start, end in verbs2]
    for begin, first_end in verbs1:
        b = t1[first_end:]
        a = None
        for end, b2 in seconds:
            if set(b).isdisjoint(b2):
                continue
            if a is None:
                a = _before_by(t1[:begin])
            a2 = t2[end:]
            if set(a).isdisjoint(a2):
                continue
            side_b, side_b2 = _side(b), _side(b2)
            same_b = _same(side_b, side_b2)
            if not same_b and not _common(side_b, side_b2):
                continue
            side_a, side_a2 = _side(a.split("“")[-1]), _side(a2.split("”")[0])
            span = _span(sentence, k)
            row = _answered(side_a, side_b, side_b2, side_a2, span) if same_b else None
            if row is None:
                row = _answered_by_cores(side_a, side_b, side_b2, side_a2, span)
            if row and len(a2) <= len(a) + 8:
                found.append(row)
    return found


def _crossing(c1: str, c2: str, span: tuple[int, int]) -> list[dict]:
    """Verb-free A…B / B…A: the second clause starts with the first's end and ends with its start."""
    if c2[:2] not in c1[1:]:
        return []  # no B: the second clause does not start with a piece of the first
    c1 = _LEAD.sub("", c1)
    if c1[:2] not in c2:
        return []  # no A: the second clause does not end with the first's start
    b = next((c1[i:] for i in range(1, len(c1) - 1) if c2.startswith(c1[i:])), "")
    a = next((c1[:i] for i in range(len(c1) - len(b), 1, -1) if c2.endswith(c1[:i])), "")
    gaps = (len(c1) - len(a) - len(b), len(c2) - len(a) - len(b))
    if len(a) >= 2 and len(b) >= 2 and all(1 <= g <= 4 for g in gaps):
        return [_row("mutual", [a, b, a], span)]
    return []


# family: paired locative clauses (在发展中保障安全，在安全中促进发展)
_IN = re.compile(r"在(?P<a>[^在中]{1,10})中(?P<rest>.{1,20})$")


# family: A acts on B in one half of a sentence and B back on A in the other, the subjects swapped
# (经济增长得好，就能创造更多就业岗位；而就业扩大，也会为经济增长提供劳动力支撑)
_HALF_OPENER = re.compile(r"(?:一方面|另一方面|同时|与此同时|反过来|反之|而且|而)?[，,]?\s*")
#: a verb of the second half: a two-way verb, or 为 with a verb of providing after it (为A提供…)
_HALF_VERB = re.compile(rf"{_listed('mutual_verb')}|为(?=[^{_P}为]{{2,16}}?(?:{_PROVIDE}))")
#: how far into its half (after an opener) a subject may begin
_SUBJECT_REACH = 4
#: what parts the halves (and ends the second)
_HALF_MARK = re.compile("[；;。]")


@_family("swapped_halves", "A…促进B；B…为A提供…（分号前后两半，主语互换）", "mutual",
         "经济增长得好，就能创造更多就业岗位；而就业扩大，也会为经济增长提供劳动力支撑。",
         ("一方面，A为B提供…；另一方面，B推动A…", "一方面，高校为企业输送人才；另一方面，企业推动高校课程改革。"),
         needs=(("mutual_verb*2",), ("mutual_verb", "for", "provide"), ("for*2", "provide")),
         gate=lambda s: "；" in s or ";" in s)
def _swapped_halves(sentence: str, cues: int) -> list[dict]:
    cut = _HALF_MARK.search(sentence)
    if cut is None or sentence[cut.start()] == "。":
        return []
    after = _HALF_MARK.search(sentence, cut.end())
    end = after.start() if after else len(sentence)
    parts = []
    for start, stop in ((0, cut.start()), (cut.end(), end)):  # the two halves
        opened = _HALF_OPENER.match(sentence, start, stop).end()
        verb = _HALF_VERB.search(sentence, opened, stop)
        if verb is None:
            return []
        parts.append((sentence[opened:verb.start()], sentence[verb.end():stop]))
    (left1, right1), (left2, right2) = parts
    a, b = _subject_named(left1, right2), _subject_named(left2, right1)
    if not (a and b) or a in b or b in a:
        return []
    return [_row("mutual", [a, b, a], (0, end))]


def _subject_named(left: str, other: str) -> str:
    """The longest run of two or more characters that begins near the start of *left* (the subject of a
    half) and stands in *other* (the object of the other half), unless too general (发展, 建设); else ''."""
    best = ""
    for i in range(min(_SUBJECT_REACH, len(left) - 1) + 1):
        size = max(2, len(best) + 1)
        while i + size <= len(left) and left[i:i + size] in other:
            best, size = left[i:i + size], size + 1
    return best if best and best not in _GENERIC else ""


@_family("paired_in", "在A中B，在B中A", "mutual", "在保护中开发，在开发中保护。",
         needs=(("in*2",),), gate=lambda s: "中" in s)
def _paired_in(sentence: str, cues: int) -> list[dict]:
    found = []
    for one, two in _clauses(sentence, window=1):
        m1, m2 = _IN.search(one.group()), _IN.search(two.group())
        if m1 and m2 and m2["a"] in m1["rest"] and m1["a"] in m2["rest"] and m1["a"] != m2["a"]:
            found.append(_row("mutual", [m1["a"], m2["a"], m1["a"]], (one.start(), two.end())))
    return found


# family: 以A促B、以B带A (short nodes allowed: the frame is strict)
_BY = re.compile(rf"以(?P<a>.{{1,8}}?)(?:{_alt(_cues('short_verb') + _cues('mutual_verb'))})(?P<b>.{{1,8}})$")


@_family("paired_by", "以A促B、以B带A", "mutual", "坚持以大带小、以小促大。",
         ("以A塑B、以B彰A（任意动词，名称互换）", "坚持以文塑旅、以旅彰文。"),
         needs=(("by*2",),))
def _paired_by(sentence: str, cues: int) -> list[dict]:
    found = _paired_clauses(sentence, _BY)
    if not found and ("、以" in sentence or "，以" in sentence):  # a clause opening 以 after one holding it
        found = _swapped_by(sentence)
    return found


_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _swapped_by(sentence: str) -> list[dict]:
    """以A<verb>B、以B<verb>A with any verbs of one or two characters: the names swap exactly (以文塑旅、
    以旅彰文; 以体育聚人气、以人气旺体育), which is what makes it two-way (以工补农、以城带乡 is not)."""
    parts = _clause_matches(sentence)
    found = []
    for one, two in zip(parts, parts[1:]):
        c1, c2 = one.group(), two.group().strip()
        if "以" not in c1 or not c2.startswith("以"):
            continue
        pair = _swap_around_verbs(c1[c1.rfind("以") + 1:], c2[1:])
        if pair:
            found.append(_row("mutual", [pair[0], pair[1], pair[0]], (one.start() + one.group().rfind("以"), two.end())))
    return found


def _swap_around_verbs(s1: str, s2: str) -> tuple[str, str] | None:
    """(A, B) when *s1* reads A v B and *s2* reads B v′ A, each verb one or two characters, the names
    at most eight; the shortest A first."""
    if not (_HAN.fullmatch(s1) and _HAN.fullmatch(s2)):
        return None
    for la in range(1, min(8, len(s1) - 2) + 1):
        a = s1[:la]
        if not s2.endswith(a):
            continue
        for lv in (1, 2):
            b = s1[la + lv:]
            if 1 <= len(b) <= 8 and b != a and s2.startswith(b) and 1 <= len(s2) - len(a) - len(b) <= 2:
                return a, b
    return None


def _paired_clauses(sentence: str, frame: re.Pattern) -> list[dict]:
    """Mutual rows of two clauses in a row that both fit *frame* (groups a, b) with A…B answered by B…A."""
    found = []
    for one, two in _clauses(sentence, window=1):
        m1, m2 = frame.search(one.group()), frame.search(two.group())
        if m1 and m2:
            row = _pair(m1["a"], m1["b"], m2["a"], m2["b"], (one.start(), two.end()), shortest=1)
            if row:
                found.append(row)
    return found


# family: A给B以X，B给A以Y (人给洪水以出路，洪水给人以活路)
_GIVE_WITH = re.compile(rf"^(?P<a>[^给以]{{1,10}}?)(?:{_listed('give')})(?P<b>[^给以]{{1,10}}?)以[^给以]{{1,6}}$")


@_family("paired_give", "A给B以X，B给A以Y", "mutual", "城市给青年以舞台，青年给城市以活力。",
         needs=(("give*2",),), gate=lambda s: "以" in s)
def _paired_give(sentence: str, cues: int) -> list[dict]:
    return _paired_clauses(sentence, _GIVE_WITH)


# family: a compact two-clause mutual, the names swapped around short verbs (创新带应用、应用促创新)
_SWAP_VERB = re.compile(_alt(_cues("short_verb") + _cues("mutual_verb")))
_SWAP_VERBS = tuple(sorted(set(_cues("short_verb") + _cues("mutual_verb")), key=len, reverse=True))


def _swapped(c1: str, c2: str) -> tuple[str, str] | None:
    """(A, B) when clause *c1* ends ``A verb B`` and clause *c2* reads ``B verb A`` (then nothing,
    or 的…): the same names, swapped, each of two characters or more."""
    for v2 in _SWAP_VERB.finditer(c2):
        b = c2[:v2.start()]
        if len(b) < 2 or not c1.endswith(b):
            continue
        head = c1[:-len(b)]
        verb = next((v for v in _SWAP_VERBS if head.endswith(v) and len(head) > len(v)), None)
        if verb is None:
            continue
        left, rest = head[:-len(verb)], c2[v2.end():]
        a = next((rest[:k] for k in range(min(len(left), len(rest)), 1, -1)
                  if left.endswith(rest[:k]) and (k == len(rest) or rest[k] == "的")), "")
        if a and a != b and not _same(a, b):
            return a, b
    return None


@_family("swapped_short", "A带B、B促A（短句，名称互换）", "mutual", "形成“研发带产业、产业促研发”的格局。",
         needs=(("short_verb*2",), ("mutual_verb*2",), ("short_verb", "mutual_verb")))
def _swapped_short(sentence: str, cues: int) -> list[dict]:
    texts = _clause_texts(sentence)
    found = []
    for k, _ in _echoes(sentence):  # c2 opens with B, which ends c1 (cheap first test)
        c1, c2 = texts[k].split("“")[-1], texts[k + 1].split("”")[0]
        if len(c1) <= 16 and len(c2) <= 20 and (pair := _swapped(c1, c2)):
            found.append(_row("mutual", [pair[0], pair[1], pair[0]], _span(sentence, k)))
    return found


# family: A因B而X，B因A而Y (人才因产业而聚，产业因人才而兴; short nodes allowed: the frame is strict)
_BECAUSE = re.compile(rf"^(?P<a>[^因而]{{1,10}}?)(?:{_listed('because')})(?P<b>[^因而]{{1,10}}?)而[^因而]{{1,4}}$")


@_family("paired_because", "A因B而X，B因A而Y", "mutual", "城市因产业而兴，产业因城市而旺。",
         needs=(("because*2",),), gate=lambda s: "而" in s)
def _paired_because(sentence: str, cues: int) -> list[dict]:
    return _paired_clauses(sentence, _BECAUSE)


# family: a pair of one-character sides glued to a two-way word (工农互促, 城乡互补, 产教互融)
_CHAR_PAIR = re.compile(rf"(?P<pair>{_listed('char_pair')})(?:{_listed('char_pair_word')})")


@_family("char_pair", "工农互促、城乡互补（一个字一方的一对，后接互促、互补等）", "mutual",
         "推动形成工农互促、城乡互补、协调发展、共同繁荣的新型工农城乡关系。",
         needs=(("char_pair_word", "char_pair"),))
def _char_pair(sentence: str, cues: int) -> list[dict]:
    return [_row("mutual", [m["pair"][0], m["pair"][1], m["pair"][0]], m) for m in _CHAR_PAIR.finditer(sentence)]


# family: words that state reciprocity (A与B相互促进, A和B互为支撑, 良性互动, 双向赋能)
_RECIPROCITY = _alt(_cues("reciprocity"))
_RECIPROCITY_LEAD = re.compile(rf"^.*?(?:{_listed('reciprocity_lead')})")
_SIDE_CHAR = rf"[^{_P}、“”与和同]"
#: what may stand between B and the two-way word: 之间X和Y, or a tie and 、 (紧密联系、相互支撑)
_LINKED = (rf"(?:[^{_P}、与和]{{1,6}}?[与和]|(?:{_listed('close_tie')})、|(?:互相|相互)[^{_P}、与和]{{1,3}}、"
           # 青年与城市在一次次交流合作中实现“双向奔赴”: where the two meet, then the word (quoted or not)
           rf"|在[^{_P}、“”与和]{{1,16}}?中(?:实现|形成|达成|走向)?了?“?"
           # 行政与司法是应该相互制衡: a modal between the pair and the word
           rf"|是?(?:应该|应当|必须|需要))?")
_RECIPROCAL = re.compile(
    rf"(?P<a>{_SIDE_CHAR}{{2,16}}?)(?:与|和|同)(?P<b>{_SIDE_CHAR}{{2,16}}?)(?:之间)?的?{_LINKED}"
    rf"(?:{_RECIPROCITY})"
)
#: A是…，与B紧密联系、相互支撑: the pair's first side is the subject of the clause before (A是…)
_WITH_SUBJECT = re.compile(
    rf"(?<=[，,])与(?P<b>[^{_P}、“”与和同]{{2,16}}?)(?:之间)?的?{_LINKED}(?:{_RECIPROCITY})")
_SUBJECT_IS = re.compile(rf"(?:^|[{_P}])(?:[^{_P}]*?(?:{_listed('reporting_verb')})了?)?(?P<a>[^{_P}、“”是]{{2,8}})是[^{_P}]+[，,]$")


#: an adverb ending A (卫生工作始终与时代同频共振), or all of it (始终与时代同频共振: no A)
_ADVERB_AFTER = re.compile(r"(?:始终|一直|始终要|要|将|必须)$")
#: B ending in a count of more than two (三者, 四者): the word speaks of more than a pair
_MANY = ("三者", "四者", "五者", "多者")
_BOTH_AFTER = re.compile(rf"(?<=..)(?:{_listed('both')})$")


_ITEM_START = re.compile(rf".*[{_P}]", re.S)
_RECIPROCITY_RE = re.compile(_RECIPROCITY)


def _listed_before(sentence: str, start: int) -> bool:
    """Whether A (at *start*) is the last of a list of names (时代发展、技术进步与能源转型相互促进): a 、 right
    before it, after an item that states no two-way relation of its own (not 企业双向奔赴、高校和企业双向赋能)."""
    if not sentence.startswith("、", start - 1):
        return False
    opening = _ITEM_START.match(sentence, 0, start - 1)
    return not _RECIPROCITY_RE.search(sentence, opening.end() if opening else 0, start - 1)


#: A of A与B ends at the first 与/和/同 (see :mod:`.anchors`)
_AND = re.compile("[与和同]")
_IS_SIDE_CHAR = re.compile(_SIDE_CHAR).match


# …and two halves of one pair (国内国际双循环相互促进, 线上线下两个渠道互为补充)
_PAIR_RECIPROCAL = re.compile(
    rf"(?P<a>[^{_P}、“”与和同的]{{2}})(?P<b>[^{_P}、“”与和同的]{{2}})(?:{_listed('pair_word')})[^{_P}、“”]{{1,3}}?"
    rf"(?:{_RECIPROCITY})"
)


@_family("reciprocity_word", "A与B相互促进/互为支撑/良性互动/双向赋能", "mutual", "推动数字经济与实体经济相互促进。",
         ("AB双循环相互促进", "推动线上线下两个渠道互为补充。"),
         needs=(("reciprocity",),))
def _reciprocity(sentence: str, cues: int) -> list[dict]:
    found = [_row("mutual", [m["a"], m["b"], m["a"]], m) for m in _PAIR_RECIPROCAL.finditer(sentence)
             if m["a"] != m["b"]]
    for m in anchored_matches(_RECIPROCAL, sentence, _AND, _IS_SIDE_CHAR, 16):
        a, b = _LEAD.sub("", _node(m["a"])), _BOTH_AFTER.sub("", _node(m["b"]))  # 科技与产业二者相互促进
        a = _LEAD.sub("", _RECIPROCITY_LEAD.sub("", a) or a)
        if b.endswith(_MANY) or _listed_before(sentence, m.start("a")) and a == _node(m["a"]):
            continue  # 港口、产业与城市三者相互依存, 时代发展、技术进步与能源转型相互促进: more than a pair
        a = _ADVERB_AFTER.sub("", a)  # 卫生工作始终与时代同频共振: 始终 is no part of A
        if len(a) >= 2 and len(b) >= 2 and not _same(a, b):
            found.append(_row("mutual", [a, b, a], m))
    for m in _WITH_SUBJECT.finditer(sentence) if "与" in sentence else ():
        subject = _SUBJECT_IS.search(sentence, 0, m.start())
        if subject:
            a, b = _LEAD.sub("", _node(subject["a"])), _node(m["b"])
            if len(a) >= 2 and len(b) >= 2 and not _same(a, b):
                found.append(_row("mutual", [a, b, a], (subject.start("a"), m.end())))
    return found


# family: a pair named, then said to act both ways by a pronoun (打破科技与产业之间的壁垒，以二者的双向互促…)
_BOTH_RECIPROCAL = re.compile(rf"(?:{_listed('both')})的?[^{_P}]{{0,6}}?(?:{_RECIPROCITY})")
_PAIR = re.compile(rf"(?P<a>[^{_P}、“”与和同]{{2,16}}?)(?:与|和|同)(?P<b>[^{_P}、“”与和同]{{2,16}})")
_PAIR_END = re.compile(rf"(?<=..)(?:{_listed('pair_end')})")
_CLAUSE_BREAK = re.compile(r"[，；,;]")
#: what comes before A in its clause: up to the last copula or list verb (本质上是打破科技与产业… → 科技)
_BEFORE_PAIR = re.compile(rf"^.*(?:是|{_listed('leading_verb')})")


def _named_pair(text: str) -> tuple[str, str, int] | None:
    """The last 'A与B' of *text* as (A, B, where it starts): A without the verb that leads its clause,
    B up to 之间/的/深度… (科技与产业之间的壁垒 → 科技, 产业)."""
    pairs = list(_PAIR.finditer(text))
    if not pairs:
        return None
    m = pairs[-1]
    a = _BEFORE_PAIR.sub("", m["a"])
    a = a if len(a) >= 2 else m["a"]
    end = _PAIR_END.search(m["b"])
    b = m["b"][:end.start()] if end else m["b"]
    return _node(a), _node(b), m.start()


@_family("both_reciprocity", "A与B…，二者相互促进", "mutual", "打破高校与企业之间的围墙，以二者的双向赋能激发创新活力。",
         needs=(("both", "reciprocity"),), gate=lambda s: "与" in s or "和" in s or "同" in s)
def _both_reciprocity(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _BOTH_RECIPROCAL.finditer(sentence):
        clauses = _CLAUSE_BREAK.split(sentence[:m.start()])
        starts = [m.start() - len(clauses[-1])]
        pair = _named_pair(clauses[-1])  # 科技与产业二者相互促进; else the clause before: A与B…，二者…
        if pair is None and len(clauses) > 1:
            starts.append(starts[0] - 1 - len(clauses[-2]))
            pair = _named_pair(clauses[-2])
        if pair is None:
            continue
        a, b, at = pair
        if len(a) >= 2 and len(b) >= 2 and not _same(a, b):
            found.append(_row("mutual", [a, b, a], (starts[-1] + at, m.end())))
    return found


# family: each is the other's role (A是B发展的动力源…；B是A落地的载体)
_IS_OF = re.compile(r"^(?P<a>[^是为]{2,12}?)(?:作为|是|为|成为)(?P<rest>.{2,30})的[^的]{1,8}$")


@_family("paired_roles", "A是B的X，B是A的Y", "mutual", "人才是产业发展的第一资源，产业是人才成长的广阔舞台。",
         needs=(("is*2",), ("for*2",), ("is", "for")),
         gate=lambda s: "的" in s and s.count("是") + s.count("为") >= 2)
def _paired_roles(sentence: str, cues: int) -> list[dict]:
    texts = _clause_texts(sentence)
    if sum(map(_may_say_of, texts)) < 2:
        return []  # a pair needs two clauses that say A是/为B的X
    parts = _clause_matches(sentence)
    said = [_IS_OF.match(_LEAD.sub("", c.group())) if _may_say_of(c.group()) else None for c in parts]
    found = []
    for i, m1 in enumerate(said):
        if m1 is None:
            continue
        for j in range(i + 1, min(i + 5, len(parts))):
            m2 = said[j]
            if m2 and m1["rest"].startswith(m2["a"]) and m2["rest"].startswith(m1["a"]) and m1["a"] != m2["a"]:
                found.append(_row("mutual", [m1["a"], m2["a"], m1["a"]], (parts[i].start(), parts[j].end())))
    return found


#: how many sentences apart the two halves of A是B的X。……B是A的Y。 may stand
ROLES_REACH = 3
_IS_OR_FOR = (need("is"), need("for"))


@_family("paired_roles_across", "A是B的X。……B是A的Y。（同一段里两句开头，相隔不超过三句）", "mutual",
         "人才是产业发展的第一资源，要引育并举。产业是人才成长的广阔舞台，要搭建平台。",
         needs=(("is",), ("for",)), scope="document")
def _paired_roles_across(sentences: list[tuple[int, str, int]]) -> list[dict]:
    """*sentences*: ``(offset, text, cues)`` of one document. Two sentences of one paragraph at most
    :data:`ROLES_REACH` apart that open A是B的X and B是A的Y (高质量发展是高水平保护的支撑，……。
    高水平保护是高质量发展的条件，……): one mutual relation, spanning both openings."""
    said = []
    is_or_for = _IS_OR_FOR[0] | _IS_OR_FOR[1]
    for i, (offset, text, cues) in enumerate(sentences):
        # cheap tests first: 是 or 为 where an opening A是B的X can hold it (after a lead and A), then a 的
        if not cues & is_or_for or (text.find("是", 2, _VERB_REACH) < 0 and text.find("为", 2, _VERB_REACH) < 0) \
                or text.find("的", 4, _OPENING_REACH) < 0:
            continue
        first = _CLAUSE.match(text)
        if first is None or not _may_say_of(first.group()):
            continue
        m = _IS_OF.match(_LEAD.sub("", first.group()))
        if m is not None:
            said.append((i, offset, first.end(), m))
    found = []
    for k, (i, offset, _, m1) in enumerate(said):
        for j, offset2, end2, m2 in said[k + 1:]:
            if j - i > ROLES_REACH or not _one_paragraph(sentences, i, j):
                break  # the two halves stand in one paragraph, a few sentences apart
            if m1["rest"].startswith(m2["a"]) and m2["rest"].startswith(m1["a"]) and m1["a"] != m2["a"]:
                found.append(_row("mutual", [m1["a"], m2["a"], m1["a"]], (offset, offset2 + end2)))
                break
    return found


#: the longest opening A是B的X (A up to 12, the verb, B up to 30, 的, X up to 8) and its lead, and
#: where its verb stands at the latest
_OPENING_REACH, _VERB_REACH = 64, 24


def _one_paragraph(sentences: list[tuple[int, str, int]], i: int, j: int) -> bool:
    """Whether sentences *i* to *j* follow each other with nothing between (a gap is a paragraph break)."""
    return all(sentences[k + 1][0] == sentences[k][0] + len(sentences[k][1]) for k in range(i, j))


def _may_say_of(clause: str) -> bool:
    """What :data:`_IS_OF` needs: 的, and 是 or 为 (成为)."""
    return "的" in clause and ("是" in clause or "为" in clause)


# family: a cycle told clause by clause (A促进B，B促进C，C又提升A)
_ACTS = re.compile(rf"^(?P<x>.{{2,24}}?)(?:{_listed('act_adverb')})*(?:{_alt(_cues('mutual_verb'))})(?P<y>.{{2,16}})$")


#: the clauses of a cycle told clause by clause (、 does not part them)
_STEP = re.compile(rf"[^，；,;{_P}]+")
_DASH_IN_STEP = re.compile("[—–-]")


def _common(a: str, b: str) -> str:
    """The longest run of two or more characters that *a* and *b* share (else '')."""
    if not any(a[i:i + 2] in b for i in range(len(a) - 1)):
        return ""  # no two characters in a row shared: the common case, found fast
    for size in range(min(len(a), len(b)), 1, -1):
        for i in range(len(a) - size + 1):
            if a[i:i + size] in b:
                return a[i:i + size]
    return ""


def _act(step: str) -> re.Match | None:
    """A step of a cycle, ``x verb y``; first, cheaply, what :data:`_ACTS` needs: a verb at least two
    characters in that ends 2 to 16 characters before the end."""
    start = len(step) - 16 - _LONGEST_VERB
    if _MUTUAL_VERB.search(step, start if start > 2 else 2, len(step) - 2) is None:
        return None
    return _ACTS.match(step)


@_family("clause_cycle", "A促进B，B带动C，C又提升A", "cycle", "教育培养人才，人才推动科技创新，科技进步又提升教育水平。",
         needs=(("mutual_verb*3",),))
def _clause_cycle(sentence: str, cues: int) -> list[dict]:
    texts = _STEP.findall(sentence)
    verbs = list(map(_FIRST_VERB, texts))
    # a step needs a verb: a cycle starts where three steps in a row hold one each
    starts = [i for i in range(len(texts) - 2) if verbs[i] and verbs[i + 1] and verbs[i + 2]]
    if not starts:
        return []
    acts: dict[int, re.Match | None] = {}
    for i in starts:
        for n in (4, 3):
            if i + n > len(texts) or not verbs[i + n - 1]:
                continue
            steps = [acts[j] if j in acts else acts.setdefault(j, _act(texts[j])) for j in range(i, i + n)]
            if not all(steps) or any(_DASH_IN_STEP.search(m.group()) for m in steps):
                continue  # a dash-joined object (教育—人才) is a pair, not a node
            links = [_common(steps[k]["y"], steps[(k + 1) % n]["x"]) for k in range(n)]
            if all(links):
                nodes = [links[-1]] + links[:-1]
                clauses = list(_STEP.finditer(sentence))
                return [_row("cycle", nodes, (clauses[i].start(), clauses[i + n - 1].end()))]
    return []


# family: a chain told clause by clause, each leaning on the next (创新要靠人才，人才要靠教育)
_DEPENDS = re.compile(rf"^(?P<x>[^，；,;]{{1,16}}?)(?:要|必须|需要|又|也|还|都|主要|归根到底)*(?:{_listed('depend_verb')})"
                      rf"(?P<y>[^，；,;]{{1,16}})$")


@_family("clause_chain", "A要依靠B，B要依靠C", "sequence", "质量提升要依靠标准，标准要依靠检测。",
         needs=(("depend_verb*2",),))
def _clause_chain(sentence: str, cues: int) -> list[dict]:
    return _linked_steps(sentence, _DEPENDS)


# family: conditions told clause by clause, each bringing the next (有接触才会有了解，有了解才会有支持)
_CONDITION = re.compile(rf"^(?:只有|唯有)?有(?P<x>[^，；,;]{{1,12}}?)(?:{_listed('only_then')})(?P<y>[^，；,;]{{1,12}})$")


@_family("condition_chain", "有A才有B，有B才有C", "sequence", "有交流才会有理解，有理解才会有合作。",
         needs=(("only_then*2",),))
def _condition_chain(sentence: str, cues: int) -> list[dict]:
    return _linked_steps(sentence, _CONDITION)


def _linked_steps(sentence: str, step: re.Pattern) -> list[dict]:
    """Sequences of clauses ``x verb y`` (*step*) in a row, each one's x naming the previous one's y."""
    parts = list(_STEP.finditer(sentence))
    steps = [step.match(_LEAD.sub("", c.group())) for c in parts]
    found, i = [], 0
    while i < len(steps) - 1:
        j = i
        while j + 1 < len(steps) and steps[j] and steps[j + 1] and _same(_node(steps[j]["y"]), _node(steps[j + 1]["x"])):
            j += 1
        if j > i:
            nodes = [_node(steps[i]["x"])] + [_node(steps[k]["y"]) for k in range(i, j + 1)]
            found.append(_row("sequence", nodes, (parts[i].start(), parts[j].end())))
        i = j + 1
    return found

