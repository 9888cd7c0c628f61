"""Nodes: the boundaries no node crosses, tidying a node, and telling two names of one node apart."""

from __future__ import annotations

import re

from .cues import _cues, _listed

# \x00 marks HTML left in a text (see _mask_markup): like punctuation, no node crosses it.
_PUNCT = "，,。；;：:！？!?（）()《》【】<>\x00"
_P = re.escape(_PUNCT)
_END = rf"(?=[{_P}、“”]|$)"
#: a document's title in 《》 is one unit of a node (以《规划纲要》为引领, 从《决定》到《纲要》), whatever it holds
_TITLE = r"《[^《》\n]{1,40}》"
_MARKUP = re.compile(r"<[^<>\n]{0,200}>|&(?:[a-zA-Z]{2,8}|#\d{1,5});")


_ASIDE = re.compile(r"（[^（）\n]{1,60}）|\([^()\n]{1,60}\)")  # full-width or ASCII brackets


def _mask_markup(text: str) -> str:
    """Replace HTML tags and entities by \\x00 of the same length (offsets stay right), and short
    asides in brackets, full-width or ASCII (``技术的开发（或引进、消化吸收）、生产``, ``从概念验证(Proof
    of Concept)到商业化``) by \\x01, which nodes may span and which :func:`_node` drops."""
    text = _MARKUP.sub(lambda m: "\x00" * len(m.group()), text)
    return _ASIDE.sub(lambda m: "\x01" * len(m.group()), text)


_BAD_NODE = re.compile(r"(?:19|20)\d{2}年|\d+(?:\.\d+)?(?:万亿|亿|万)?(?:元|美元|%|人|件|个|年|月|日|号|天|周|季度)|[<>\x00]")


_CITATION = re.compile(r"\[\d+\]|[\x01“”「」『』\"]")
_TRAILING = re.compile(r"(?:的|等)$")
_QUOTES = "“”\"' "


def _node(text: str) -> str:
    """Tidy a node: drop quotes, citation marks, bracketed asides and a trailing 的/等."""
    if "[" in text or "\x01" in text or "“" in text or "”" in text or "「" in text or "」" in text or '"' in text:
        text = _CITATION.sub("", text)
    text = text.strip(_QUOTES)
    if text.endswith(("的", "等")):
        text = text[:-1]
    elif text.endswith("\n"):
        text = _TRAILING.sub("", text)  # $ also stands before a last newline
    return text.strip(_QUOTES)


def _valid(nodes: list[str], kind: str = "", terms: bool = False) -> bool:
    # one search over the nodes joined by a newline, which no bad-node match holds or crosses
    return (len(nodes) >= 2 and all(nodes) and not _BAD_NODE.search("\n".join(nodes)) and len(set(nodes)) > 1
            and not (kind == "sequence" and not terms and _one_character_misfit(nodes)))


def _one_character_misfit(nodes: list[str]) -> bool:
    """A one-character step that is a degree word, or that stands beside a longer step (从春到秋都要巡查:
    the one-character stage is a time or an idiom, and B ran on to the end of the clause)."""
    one = [bool(_ONE_HAN.fullmatch(n)) for n in nodes]
    return any(n in _DEGREE for n in nodes) or (any(one) and not all(one))


#: Trap (degree idioms and ranges): a sequence step of one character of degree, size, direction,
#: position, order, a pronoun or an administrative level is no stage — 从无到有、从小到大、从大到强
#: describe growth, 由表及里、由近及远 a method, 从省到县 a range. Other one-character stages count:
#: 由乱到治、由治及兴 name the stages of a history; quoted ones are terms (从“治”到“兴”). (Digits
#: stay: 从0到1 names a stage of innovation; two-way relations keep one-character sides: 以城带乡.)
#: A one-character stage counts only when every stage has one character (由乱到治, not 从量到质实现飞跃).
_DEGREE = frozenset(_cues("degree_char"))
_ONE_HAN = re.compile(r"[\u4e00-\u9fff]")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _same(a: str, b: str) -> bool:
    """One name inside the other (需求 / 需求的循环), or an abridged form that keeps both ends
    (产业发展 / 产业高质量发展) — but not 创新 / 创造新价值."""
    a, b = _node(a), _node(b)
    short, long = (b, a) if len(b) < len(a) else (a, b)
    if not short:
        return False
    return short in long or (long[0] == short[0] and long[-1] == short[-1] and _subsequence(short, long))


def _shorter(a: str, b: str) -> str:
    a, b = _node(a), _node(b)
    return a if len(a) <= len(b) else b


#: Verbs that introduce a list: strong ones anywhere in the first item, weak ones only at its start.
_LIST_VERBS = re.compile(_listed("list_verb"))
_LEADING_VERBS = re.compile(rf"^(?:{_listed('leading_verb')})+")


def _strip_lead(first: str) -> str:
    """Drop the verb that introduces a list (要经历概念验证 → 概念验证, 推动科技 → 科技)."""
    quote = max(first.rfind("“"), first.rfind("「"))
    if quote >= 0:
        return first[quote + 1:]
    hits = list(_LIST_VERBS.finditer(first))
    if hits:
        first = first[hits[-1].end():]
        if first.startswith("了") and len(first) > 2:
            first = first[1:]  # 经历了一元化: the aspect word belongs to the verb
    return _LEADING_VERBS.sub("", first) or first


#: words that lead a clause and belong to no node (要, 坚持, 推动, 以…), dropped from the sides of a relation
_LEAD = re.compile(rf"^(?:{_listed('lead')})+(?=..)")
