"""A rule family that reads across sentences: a two-way relation told in two halves.

``一方面，A为B提供……；另一方面，B推动A……`` (in one sentence or in two, a few sentences apart) is one
mutual chain A ⇄ B whose span covers both halves. Each half names who acts (its subject) and on what
(the objects of its verbs, or B of ``为B提供``); the halves make a pair when each one's subject is
what the other acts on (names may differ but share a core: 新型城镇化建设 / 城镇化建设). The second
half opens with 另一方面; 同时, 与此同时 and 反过来 count only when a two-way word (相辅相成, 良性互动…)
or 二者/两者 stands in that sentence or the next.
"""

from __future__ import annotations

import re

from .cuepass import need
from .cues import _listed
from .mutuals import _GENERIC, _common, _side
from .nodes import _node, _same
from .registry import _family, _row

_ONE_SIDE = re.compile(rf"(?:{_listed('one_side')})[，,]?")
_OTHER_SIDE = re.compile(rf"(?:{_listed('other_side')})[，,]?")
_STRONG_OTHER = "另一方面"
_CONFIRM = re.compile(rf"{_listed('both')}|{_listed('reciprocity')}")
_ACT = re.compile(_listed("act_verb"))
_PROVIDE_FOR = re.compile(rf"为(?P<who>[^，,；;。]{{2,20}}?)(?:{_listed('provide')})")
_CUT = re.compile(rf"{_listed('side_cut')}|为|[“”]")
_SETTING = re.compile(r"^在[^，,]{1,20}?(?:中|下|上|里|时)[，,]")
_CLAUSE_END = re.compile(r"[，,；;。！？]")
_ONE_BIT, _OTHER_BIT = need("one_side"), need("other_side")
#: how many sentences after the first half the second may stand
REACH = 8


def _half(text: str) -> tuple[str, list[str]]:
    """The subject of a half and what its verbs act on."""
    text = _SETTING.sub("", text)
    first = _CLAUSE_END.split(text, 1)[0]
    cut = _CUT.search(first)
    verb = _ACT.search(first)
    end = min(m.start() for m in (cut, verb) if m) if (cut or verb) else len(first)
    subject = _side(first[:end])
    objects = [_side(m["who"]) for m in _PROVIDE_FOR.finditer(text)]
    for m in _ACT.finditer(text):
        tail = _CLAUSE_END.split(text[m.end():], 1)[0]
        objects.append(_side(re.sub(r"^(?:了|着|到|至)", "", tail)))
    return subject, [o for o in objects if len(o) >= 2]


def _shares(x: str, y: str) -> bool:
    """Whether two names are one (one inside the other) or share a specific core (not 发展, 建设…)."""
    if _same(x, y):
        return True
    core = _common(_node(x), _node(y))
    return bool(core) and core not in _GENERIC


def _pair_of_halves(one: str, two: str) -> tuple[str, str] | None:
    subject1, objects1 = _half(one)
    subject2, objects2 = _half(two)
    if len(subject1) < 2 or len(subject2) < 2 or _shares(subject1, subject2):
        return None
    if any(_shares(subject1, o) for o in objects2) and any(_shares(subject2, o) for o in objects1):
        return subject1, subject2
    return None


def _second_halves(sentences, i: int, start: int):
    """Where the second half may stand: later in sentence *i* (after *start*), then in the next
    sentences; yields (sentence index, match of its opening word)."""
    for j in range(i, min(i + REACH + 1, len(sentences))):
        text = sentences[j][1]
        if not sentences[j][2] & _OTHER_BIT:
            continue
        for m in _OTHER_SIDE.finditer(text, start if j == i else 0):
            yield j, m


@_family("two_sides", "一方面，A为B提供……；另一方面，B推动A……", "mutual",
         "一方面，高校为企业输送人才。另一方面，企业反哺高校的科研。",
         ("……；同时，B推动A……，二者良性互动", "数据要素为数字产业提供原料；同时，数字产业激活数据要素，二者良性互动。"),
         needs=(("one_side",), ("other_side", "both"), ("other_side", "reciprocity")), scope="document")
def _two_sides(sentences: list[tuple[int, str, int]]) -> list[dict]:
    """*sentences*: ``(offset, text, cues)`` of one document, in order. Rows carry their span in
    the document's text."""
    found, answered = [], set()
    for i, (offset, text, cues) in enumerate(sentences):
        if not cues & _ONE_BIT:
            continue
        for one in _ONE_SIDE.finditer(text):
            end_one = _CLAUSE_END.search(text, one.end())
            half_one = text[one.end():]
            for j, other in _second_halves(sentences, i, one.end()):
                if j == i and end_one and other.start() < end_one.end():
                    continue  # the second half starts after the first one's clause
                strong = other.group().startswith(_STRONG_OTHER)
                if not strong and not _confirmed(sentences, j, other.end()):
                    continue
                text_j = sentences[j][1]
                first = half_one[:other.start() - one.end()] if j == i else half_one
                pair = _pair_of_halves(first, text_j[other.end():])
                if pair:
                    answered.add((j, other.start()))
                    found.append(_mutual(pair, offset + one.start(), sentences[j][0] + len(text_j)))
                    break
                if strong:
                    answered.add((j, other.start()))
                    break  # 另一方面 answers this 一方面, paired or not
    # a second half with no 一方面 before it: the first half is what comes just before, and a
    # two-way word or 二者 must say the relation runs both ways
    for j, (offset, text, cues) in enumerate(sentences):
        if not cues & _OTHER_BIT:
            continue
        for other in _OTHER_SIDE.finditer(text):
            if (j, other.start()) in answered or not _confirmed(sentences, j, other.end()):
                continue
            before = text[:other.start()].rstrip("，,；;")
            start = offset
            if len(before) < 4 and j > 0:
                start, before = sentences[j - 1][0], sentences[j - 1][1]
            pair = _pair_of_halves(_last_statement(before), text[other.end():])
            if pair:
                found.append(_mutual(pair, start, offset + len(text)))
    return found


def _last_statement(text: str) -> str:
    """The last clause group of *text* (after its last ；), where a first half without 一方面 stands."""
    return re.split(r"[；;]", text)[-1]


def _confirmed(sentences, j: int, start: int) -> bool:
    """Whether 二者/两者 or a two-way word stands after *start* in sentence *j* or in the next one."""
    following = sentences[j + 1][1] if j + 1 < len(sentences) else ""
    return bool(_CONFIRM.search(sentences[j][1], start) or _CONFIRM.search(following))


def _mutual(pair: tuple[str, str], start: int, end: int) -> dict:
    a, b = pair
    return _row("mutual", [a, b, a], (start, end))


# family: two clauses whose subjects swap (杭州帮恩施卖茶叶，恩施则帮杭州卖鸡蛋), said to run both ways by a
# two-way word or 二者 in that sentence or the next (双向互动): one mutual chain of the two names
_SWAP_OPENER = re.compile(r"^(?:而|同时|反过来|与此同时)?[，,]?")
_AFTER_SUBJECT = ("则", "也", "又", "还", "就", "亦")
_OPENERS = ("而", "同时", "反过来", "与此同时", "，", ",")
_CLAUSES = re.compile(r"[^，,；;。！？!?]+")
_CONFIRM_BIT = need("both") | need("reciprocity")


def _swapped_names(one: str, two: str) -> tuple[str, str] | None:
    """(X, Y) when clause *one* opens with X and names Y later, and clause *two* opens with Y and names
    X later (names of 2 to 4 characters, neither inside the other, not general words)."""
    if two.startswith(_OPENERS):
        two = _SWAP_OPENER.sub("", two)
    if two[:2] not in one[2:] or one[:2] not in two:
        return None  # (a quick test: Y must stand in one, X in two)
    for k in range(4, 1, -1):
        y = two[:k]
        rest_two = two[k:]
        if rest_two.startswith(_AFTER_SUBJECT):
            rest_two = rest_two[1:]
        if len(y) < k or y not in one[2:] or not rest_two:
            continue
        for j in range(4, 1, -1):
            x = one[:j]
            if len(x) == j and x in rest_two and x not in y and y not in x and y not in one[:j + 1] \
                    and x not in _GENERIC and y not in _GENERIC:
                return x, y
    return None


@_family("swapped_subjects", "A帮B……，B则帮A……（主语互换），二者双向互动", "mutual",
         "甲市帮乙县卖茶叶，乙县则帮甲市招工人。两地双向互动、共同发展。",
         needs=(("both",), ("reciprocity",)), scope="document")
def _swapped_subjects(sentences: list[tuple[int, str, int]]) -> list[dict]:
    found = []
    confirmed = [i for i, (_, _, cues) in enumerate(sentences) if cues & _CONFIRM_BIT]
    near = sorted({j for i in confirmed for j in (i - 1, i) if j >= 0})  # the sentence itself or the one before
    for i in near:
        offset, text, cues = sentences[i]
        if not ("，" in text or "," in text or "；" in text):
            continue
        clauses = list(_CLAUSES.finditer(text))
        for one, two in zip(clauses, clauses[1:]):
            pair = _swapped_names(one.group().strip(" “”「」"), two.group().strip(" “”「」"))
            if pair is None:
                continue
            if not (_CONFIRM.search(text, two.end()) or (i + 1 < len(sentences)
                                                         and _CONFIRM.search(sentences[i + 1][1]))):
                continue
            found.append(_mutual(pair, offset + one.start(), offset + two.end()))
            break
    return found


# family: 既…A…B…，又…B…A… (既能将城市的要素转化为乡村发展动能，又能通过乡村资源为城市发展提供支撑): two halves
# of one sentence, the second naming the two places or actors of the first in the other order, each half with a
# verb that carries one to the other; one mutual chain
_BOTH_HALVES = re.compile(r"既(?P<one>[^。；;！？]{4,60}?)[，,]\s*(?:又|也|还)(?P<two>[^，,。；;！？]{4,60})")
_CARRY = re.compile(rf"{_listed('mutual_verb')}|转化为|转变为|为[^，,。]{{1,20}}?(?:{_listed('provide')})")
#: the characters a name may not hold (a name is a run of Han characters without a function word)
_NOT_IN_NAME = re.compile(r"[的了和与及为将把对在以从向通过能要是也又还使让]")


def _crossed_names(one: str, two: str) -> tuple[str, str] | None:
    """(A, B): names of 2 to 4 characters, each once in both halves, A before B in *one* and after it in
    *two*, neither general nor inside the other; the longest such pair."""
    best = None
    for size_a in range(4, 1, -1):
        for i in range(len(one) - size_a + 1):
            a = one[i:i + size_a]
            if _NOT_IN_NAME.search(a) or a in _GENERIC or one.count(a) != 1 or two.count(a) != 1:
                continue
            for size_b in range(4, 1, -1):
                for j in range(i + size_a, len(one) - size_b + 1):
                    b = one[j:j + size_b]
                    if _NOT_IN_NAME.search(b) or b in _GENERIC or a in b or b in a or one.count(b) != 1 \
                            or two.count(b) != 1 or not two.index(b) < two.index(a):
                        continue
                    if best is None or size_a + size_b > len(best[0]) + len(best[1]):
                        best = (a, b)
    return best


@_family("crossed_halves", "既……A……B……，又……B……A……（两半句名称次序互换，各有一个作用的动词）", "mutual",
         "既能把高校的人才转化为企业的创新动能，又能通过企业的需求为高校科研提供方向。",
         needs=(("both_halves", "mutual_verb"), ("both_halves", "provide")))
def _crossed_halves(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _BOTH_HALVES.finditer(sentence):
        one, two = m["one"], m["two"]
        if not (_CARRY.search(one) and _CARRY.search(two)):
            continue
        pair = _crossed_names(one, two)
        if pair is not None:
            found.append(_mutual(pair, m.start(), m.end()))
    return found
