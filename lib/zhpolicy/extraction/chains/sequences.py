"""Rule families of ordered chains: 从A到B, 由A向B, dash-joined series, stages, listed cycles."""

from __future__ import annotations

import re
from functools import lru_cache

from .cuepass import need
from .cues import _alt, _chars, _cues, _listed
from .nodes import _ONE_HAN, _P, _TITLE, _node, _strip_lead
from .registry import BLOCK, _family, _row


# ---------------------------------------------------------------- sequences: 从A到B, 由A向B, stages

_FROM_TRAPS = _cues("from_trap")
_FROM_OK = _cues("from_ok")
_BY_TRAPS = _cues("by_trap")


def _trap_words(traps: tuple[str, ...], char: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The trap words holding *char*, grouped by where *char* first stands in them."""
    by_offset: dict[int, list[str]] = {}
    for word in traps:
        if char in word:
            by_offset.setdefault(word.index(char), []).append(word)
    return tuple((offset, tuple(words)) for offset, words in by_offset.items())


_TRAPS_AT = {char: _trap_words(_FROM_TRAPS if char == "从" else _BY_TRAPS, char) for char in _cues("from")}


def _trap_at(sentence: str, i: int) -> bool:
    """Whether the 从/由 at *i* is inside a word (从严, 服从, 由于…) rather than starting a chain."""
    if sentence.startswith(_FROM_OK, i):
        return False
    char = sentence[i]
    groups = _TRAPS_AT.get(char)
    if groups is None:
        groups = _trap_words(_FROM_TRAPS if char == "从" else _BY_TRAPS, char)
    return any(i >= offset and sentence.startswith(words, i - offset) for offset, words in groups)


def _past_traps(pattern: re.Pattern, sentence: str, inside=None):
    """The matches of *pattern*, as finditer gives them, except that a match starting at a trap
    word (从而打通从A到B) is dropped and the search goes on from the next character; so is a
    match for which *inside* is true (从「由乱到治」: the chain is inside the quotes)."""
    pos = 0
    while (m := pattern.search(sentence, pos)) is not None:
        if _trap_at(sentence, m.start()) or (inside is not None and inside(m)):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


# family: from … to … (again to …); in A a bracketed aside (masked as a run of \x01) counts as one character
#: a masked aside, taken whole: never split between repetitions of the group around it (a sentence with
#: two long asides after 由 took seconds: each run of n \x01 could be split 2^(n-1) ways, all tried)
_ASIDE_RUN = r"\x01+(?!\x01)"
#: after 从A到B, how long it takes (新药从研发到成品要10年以上)
_TAKES = rf"(?:{_listed('takes_verb')})(?=[\d一二三四五六七八九十几数多近约])|{_listed('takes_scope')}"
_FROM, _TO = _chars("from"), _chars("to")
_FROM_TO_END = _listed("from_to_end")
_STATE_TAIL = _listed("state_tail")
#: a node never runs past these (从1到100特别是从1到10 is two chains)
_CONNECTIVE = _listed("connective")
#: A may be a list of stages, each item up to 20 characters (从A、B、C到D)
_LISTED_A = rf"(?:(?:{_ASIDE_RUN}|[^{_P}{_TO}\x01、]){{1,20}}、){{0,4}}"
#: a 到 that ends a word (得到, 达到, 直到) or a verb of coming or spreading (来到, 吹到, 蔓延到: a move between places, not
#: a stage): no boundary between A and B (从需求得到满足到…; 从中小城市吹到一线城市 is no chain)
_TO_WORD_HEAD = "[得达直吹刮飘蔓]"
_TO_IN_WORD = rf"(?:(?<={_TO_WORD_HEAD})|(?<=(?<![起未后原])来))[{_TO}]"
#: where a 到 parting A from B may stand: not at the end of such a word (nor 来到, but 站起来到, 未来到 part)
_NOT_IN_WORD = rf"(?<!{_TO_WORD_HEAD})(?<!(?<![起未后原])来)"
#: what opens a further stage after 从A到B: 再到C, 最后到D (由补偿到保障再到弹性最后到内生激活)
_AGAIN_TO = "(?:再到|最后到|最终到|然后到|进而到|进而(?=[“「]))"  # 由“吃不饱”到“吃得饱”进而“吃得好”
_AGAIN_TO_RE = re.compile(_AGAIN_TO)
_AGAIN_NODES = re.compile(rf"{_AGAIN_TO}((?:(?!{_AGAIN_TO})[^，])+?)(?=，?{_AGAIN_TO}|$)")
#: a further 到 that opens a new frame (从由乱到治到由治及兴): B ends before it
_NEW_FRAME = rf"[{_TO}][{_FROM}]"
_FROM_TO = re.compile(
    rf"[{_FROM}](?P<a>(?:{_TITLE}|{_ASIDE_RUN}|{_TO_IN_WORD}|[^{_P}{_TO}\x01]){{1,20}}?){_NOT_IN_WORD}[{_TO}](?P<b>(?:{_TITLE}|(?!、[{_FROM}]|{_CONNECTIVE}|{_NEW_FRAME})[^{_P}]){{1,40}}?)(?P<more>(?:，?{_AGAIN_TO}(?:{_TITLE}|[^{_P}]){{1,16}}?)*)"
    rf"(?=的|[{_P}]|$|{_FROM_TO_END}|、[{_FROM}]|{_TAKES}|{_CONNECTIVE}|{_NEW_FRAME})"
)
#: the same where A may be a list (从A、B、C到D): only a sentence holding 、 needs it
_FROM_TO_LISTED = re.compile(
    rf"[{_FROM}](?P<a>{_LISTED_A}(?:{_TITLE}|{_ASIDE_RUN}|{_TO_IN_WORD}|[^{_P}{_TO}\x01]){{1,20}}?){_NOT_IN_WORD}[{_TO}](?P<b>(?:{_TITLE}|(?!、[{_FROM}]|{_CONNECTIVE}|{_NEW_FRAME})[^{_P}]){{1,40}}?)(?P<more>(?:，?{_AGAIN_TO}(?:{_TITLE}|[^{_P}]){{1,16}}?)*)"
    rf"(?=的|[{_P}]|$|{_FROM_TO_END}|、[{_FROM}]|{_TAKES}|{_CONNECTIVE}|{_NEW_FRAME})"
)
# the same with 再到, whose B may hold a 的 (从A到技术的开发、生产再到产业化)
_FROM_TO_AGAIN = re.compile(
    rf"[{_FROM}](?P<a>(?:{_TITLE}|{_ASIDE_RUN}|{_TO_IN_WORD}|[^{_P}{_TO}\x01]){{1,20}}?){_NOT_IN_WORD}[{_TO}](?P<b>(?:{_TITLE}|(?!、[{_FROM}]|{_AGAIN_TO}|{_CONNECTIVE})[^{_P}]){{1,40}}?)(?P<more>(?:，?{_AGAIN_TO}(?:{_TITLE}|[^{_P}]){{1,16}}?)+)"
    rf"(?=的|[{_P}]|$|{_FROM_TO_END}|、[{_FROM}]|{_TAKES}|{_CONNECTIVE})"
)


_RISE = re.compile(rf"(?<=..)(?:{_listed('rise')})$")


#: B after 向, up to the word that ends it, 的 included (质的提升 of 向质的提升转变)
_TO_TAIL = re.compile(rf"[^{_P}]{{2,24}}?(?={_alt(_cues('toward_tail'))})")
#: B up to the next stop, 的 included (for 质的飞跃 after 从量的积累到)
_WHOLE = re.compile(rf"[^{_P}]{{2,24}}?(?={_STATE_TAIL}|[{_P}]|$|{_CONNECTIVE}|、)")
_QUOTE = re.compile(r"[“「『][^”」』]{1,12}[”」』]")


def _whole(sentence: str, start: int) -> str:
    m = _WHOLE.match(sentence, start)
    return m.group() if m else ""


#: the head noun phrase after 的: up to the next stop (or 的转变/的跨越…), no 的 or 、 in it
_HEAD = re.compile(rf"的(?P<head>[^{_P}、“”的]{{2,10}}?|“[^{_P}、“”的]{{2,10}}”[^{_P}、“”的]{{0,4}}?)(?=[{_P}、]|$|的(?:{_FROM_TO_END}|{_STATE_TAIL}))")
#: the time words a change is told between (曾经的A迈向如今的B): B names a time, the state follows its 的
_NOW_WORDS = ("如今", "现在", "今天", "当下", "目前")
_THEN_LEAD = re.compile(r"^(?:曾经|过去|过往|以往|昔日|当年)的(?=..)")


_QUOTED_HEAD = re.compile(r"“[^“”「」、，。]{2,10}”[^“”「」、，。的]{1,4}")


def _head(sentence: str, end: int) -> str:
    """The noun phrase after the 的 at *end* that a target node stops at, when it runs to a stop
    (从A升级为……的核心引擎: 核心引擎), else ''."""
    m = _HEAD.match(sentence, end)
    return m["head"] if m else ""


def _parallel_head(a: str, head: str) -> bool:
    """Whether *head* parallels the source *a* (the same opening and ending, three characters at
    least together): 从城乡经济协调发展到“五位一体”的城乡全面协调发展, where B is the head noun."""
    a = _node(a)
    prefix = next(k for k in range(min(len(a), len(head)), -1, -1) if a[:k] == head[:k])
    suffix = next(k for k in range(min(len(a), len(head)), -1, -1) if k == 0 or a[-k:] == head[-k:])
    return prefix >= 1 and suffix >= 1 and prefix + suffix >= 3 and prefix + suffix < min(len(a), len(head))


def _one_han_before_de(b: str, sentence: str, end: int) -> bool:
    """Whether B stopped at 的 after one unquoted character (质 of 质的飞跃)."""
    return bool(_ONE_HAN.fullmatch(_node(b))) and sentence.startswith("的", end) and not _quoted(b)


def _half_quoted(a: str, b: str) -> bool:
    """Whether A opens a quote that B closes (从「由乱到治」的转折: the chain, if any, is inside the
    quotes; “从0到1”, quoted whole, is a chain)."""
    return a.count("「") > a.count("」") or a.count("“") > a.count("”")


def _quotes_a_chain(m: re.Match) -> bool:
    """Whether the from-to match *m* opens a quote in A that B closes (see :func:`_half_quoted`)."""
    return _half_quoted(m["a"], m["b"])


def _quotes_a_transition(m: re.Match) -> bool:
    """The same for a from-towards match (B is ``b`` or ``b2``)."""
    return _half_quoted(m["a"], m["b"] or m["b2"])


def _quoted(*texts: str) -> bool:
    """Whether every node is written in quotes (从“治”到“兴”: terms, even of one character)."""
    return all(_QUOTE.fullmatch(t.strip()) for t in texts)


def _before_unopened_close(b: str) -> str:
    """*b* up to its first closing quote that no quote in *b* opened (*b* itself when there is none)."""
    depth = 0
    for i, ch in enumerate(b):
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            if not depth:
                return b[:i]
            depth -= 1
    return b


#: stages written as quoted terms side by side, without 、 (“跟跑”“并跑”)
_ADJACENT_QUOTES = re.compile(r"(?:[“「][^“”「」]{1,12}[”」]){2,}")
_QUOTED_PARTS = re.compile(r"[“「][^“”「」]{1,12}[”」]")


def _earlier(a: str) -> list[str]:
    """从A、B到C: the stages before 到, each a node when every one is a word (从站起来、富起来到强起来);
    a rise word ending the last one is dropped (从…提升到…)."""
    parts = a.split("、") if not _QUOTE.fullmatch(a.strip()) else [a]  # 从“千村示范、万村整治”到…: one quoted stage
    if len(parts) < 2 and _ADJACENT_QUOTES.fullmatch(a.strip()):
        parts = _QUOTED_PARTS.findall(a)  # 从“跟跑”“并跑”到“领跑”: quoted stages side by side
    if len(parts) < 2 or not all(len(_node(p)) >= 2 for p in parts):
        parts = [a]
    return [*parts[:-1], _RISE.sub("", _node(parts[-1]))]


def _again(b: str) -> str:
    """从A到B到C: a further 到 in B starts a node when both sides are words (not 落实到位)."""
    parts = _FURTHER_TO.split(b)
    return "、".join(parts) if len(parts) > 1 and all(len(p) >= 2 for p in parts) else b


def _later(b: str) -> list[str]:
    """The stages of B: split at 、 (从A到B、C), but a quoted stage is one (到“千村精品、万村美丽”)."""
    b = _again(b)
    return [b] if _QUOTE.fullmatch(b.strip()) else b.split("、")


#: a 到 that may start a further node (not the end of a word: 得到, 达到)
_FURTHER_TO = re.compile(rf"{_NOT_IN_WORD}到")


#: 由A及B with one character a side (由治及兴): the four-character form of a transition
_BY_AND = re.compile(r"由(?P<a>[\u4e00-\u9fff])及(?P<b>[\u4e00-\u9fff])")
_AND_TO = need("and_to")
_TO_WORDS = _cues("to")
_RANGE_TO = _cues("range_to")
_MOVE_VERBS = _cues("move_verb")
#: B ending 等N大…/等领域: the items are a range of examples
_RANGE_END = re.compile(rf"等(?:[0-9一二三四五六七八九十两几多数]+[大个类种项]|[\u4e00-\u9fff]{{0,2}}?(?:{_listed('range_end')}))")


@_family("from_to", "从A到B（再到C）", "sequence", "推动创新链条实现从实验室到生产线再到市场的贯通。",
         ("实现从A到B的跨越", "实现从跟跑到领跑的跨越。"),
         ("由A到B、由B及C（一个字一个阶段）", "香港已进入从由乱到治到由治及兴的新阶段。"),
         ("从《A》到《B》，再到《C》（前后几份文件）", "从《纲要》到《规划》，再到《行动方案》，部署层层推进。"),
         needs=(("from", "to"), ("from", "and_to")))
def _from_to(sentence: str, cues: int) -> list[dict]:
    found = [_row("sequence", [m["a"], m["b"]], m) for m in _past_traps(_BY_AND, sentence)] if cues & _AND_TO else []
    if not any(word in sentence for word in _TO_WORDS):
        return found
    again = _past_traps(_FROM_TO_AGAIN, sentence, _quotes_a_chain) if _AGAIN_TO_RE.search(sentence) else ()
    matches = [*again, *_past_traps(_FROM_TO_LISTED if "、" in sentence else _FROM_TO, sentence, _quotes_a_chain)]
    ranges = _parallel_ranges(sentence, matches) if len(matches) > 1 else ()
    for m in matches:
        if m.start() in ranges:
            continue
        b = m["b"]
        if "”" in b or "」" in b or "』" in b:
            b = _before_unopened_close(b)  # “从站起来到强起来”论断: B ends with the quote around the chain
        if b == m["b"] and not m["more"] and "的" in m["a"] and sentence.startswith("的", m.end("b")):
            b = _parallel_end(m["a"], sentence, m.start("b")) or b  # 从A的X得到满足到B的Y得到满足: B ends as A does
        if b is m["b"] and not m["more"] and _one_han_before_de(b, sentence, m.end()):
            b = _whole(sentence, m.start("b")) or b  # 从量的积累到质的飞跃: B holds a 的
        if b.startswith(_RANGE_TO):
            continue  # 从最高决策层到各地方: a range of actors, not a chain
        if m["a"].endswith(_MOVE_VERBS):
            continue  # 从启德搬到赤鱲角机场: a move from one place to another, not stages
        end_b = m.start("b") + len(b)
        if b == m["b"] and not m["more"] and b in _NOW_WORDS and (head := _head(sentence, end_b)):
            # 从过往的工业化到今天的服务型经济: the states, not the times
            found.append(_row("sequence", [_node(_THEN_LEAD.sub("", m["a"]) or m["a"]), _node(head)],
                              (m.start(), end_b + 1 + len(head))))
            continue
        if b == m["b"] and not m["more"] and (head := _head(sentence, end_b)) and _parallel_head(_earlier(m["a"])[-1], head):
            b = head  # 从A到“X”的A′: what B names is the head noun after 的, parallel to A
            end_b = end_b + 1 + len(head)
        earlier, later = _earlier(m["a"]), _later(b)
        span_start = m.start()
        if len(earlier) > 1 and earlier[-1][:1] in _FROM:
            # 由表及里、由浅入深、由自然自发到自觉自为: phrases of their own before it, the chain is the last one's
            span_start = m.start("a") + m["a"].rfind(earlier[-1])
            earlier = [earlier[-1][1:]]
        if (len(earlier) > 1 and len(later) > 1) or _RANGE_END.search(b) or (
                len(later) > 1 and (b.endswith(("……", "...")) or sentence.startswith(("……", "...", "等"), end_b))):
            continue  # 从A、B到C、D(等四大技术), 从A到B、C、D……: a range of examples, not the stages of one process
        nodes = [_node(x) for x in earlier] + [_node(x) for x in later]
        # …到D的过程/历程/转变, …到D等环节: stages
        told_as_change = _CHANGE_NOUN.search(sentence, end_b, end_b + 12) or _STAGE_TAIL_RE.search(
            sentence, end_b - len(b), end_b + 8)
        if _RANGE_AFTER.match(sentence, m.end()) or not told_as_change and (
                len(earlier) >= 3 or len(earlier) > 1 and _SCOPE_LATER.match(sentence, end_b)):
            continue  # 从时尚潮流到影视娱乐，到各个艺术展演……，都…; 从晶圆、机械、电子、服饰到食品加工: examples
        nodes += [_node(x) for x in _AGAIN_NODES.findall(m["more"])]
        span = (span_start, end_b if b is not m["b"] else m.end())
        found.append(_row("sequence", nodes, span, terms=_quoted(m["a"], b)))
    return found


#: after a listed 从A、B到C, a word of scope in the next clause (从NIKE、adidas到Lululemon，背后都有…): examples
_SCOPE_LATER = re.compile(rf"[^。；;！？]{{0,4}}[，,][^。；;！？，,]{{0,16}}?(?:{_listed('range_scope')})")


#: after 从A到B, more items opened by 到 and then a word of scope (，到C、D，都……): the items are a range
_RANGE_AFTER = re.compile(rf"(?:[，,、]到[^。；;！？]{{1,40}}?)+[，,](?:{_listed('range_scope')})")


def _parallel_end(a: str, sentence: str, start: int, reach: int = 40) -> str:
    """B from *start* up to the ending it shares with *a* (its last two to four characters, without
    a 的), within its clause: 从最基本的生存需求得到满足到最终的自我实现需求得到满足; else ''."""
    stop = _CLAUSE_END.search(sentence, start)
    limit = min(stop.start() if stop else len(sentence), start + reach)
    for k in (4, 3, 2):
        ending = a[-k:]
        if len(ending) < k or "的" in ending:
            continue
        at = sentence.find(ending, start + 1, limit)
        if at >= 0:
            return sentence[start:at + k]
    return ""


_CLAUSE_END = re.compile(f"[{_P}]")
# family: one-character states, then the word that names the change (由大到强的转变, 由多向优、由大到强的跨越)
_ONE_CHAR_CHANGE = f"(?:{_listed('one_char_change')})"
_ONE_CHAR_SHIFT = re.compile(rf"[由从](?P<a>[\u4e00-\u9fff])(?:到|向)(?P<b>[\u4e00-\u9fff])"
                             rf"(?=(?:、[由从][\u4e00-\u9fff](?:到|向)[\u4e00-\u9fff])*的?{_ONE_CHAR_CHANGE})")


@_family("one_char_shift", "由A到B的转变（A、B各一个字，后面说明是转变、跨越）", "sequence",
         "推动产业由大到强的转变。", ("由A向B、由C到D的跨越", "实现由多向优、由大到强的跨越。"),
         needs=(("from",),), gate=lambda s: "到" in s or "向" in s)
def _one_char_shift(sentence: str, cues: int) -> list[dict]:
    return [_row("sequence", [m["a"], m["b"]], m, terms=True) for m in _ONE_CHAR_SHIFT.finditer(sentence)
            if m["a"] != m["b"]]


# family: 从A，到B，再到C with a clause for each stage, each told at length (从1978年前的“粮食短缺”，到1997年
# 的“供求基本平衡”，再到目前的“…”; 从早期所追求的实物型财富，到…的金银类财富，再到…的资本类财富)
_STAGE_PART = r"(?:[“「][^“”「」]{1,30}[”」]|[^，,。；;：:！？“”「」])"
#: what may follow the last stage, naming the whole a course of stages (…再到区域化党建的发展阶段)
_STAGE_NOUNS = "(?:发展|演变|演进|变迁)?(?:阶段|历程|过程|路径)"
_FROM_TO_CLAUSES = re.compile(rf"从(?P<a>{_STAGE_PART}{{2,40}}?)[，,]\s*到(?P<b>{_STAGE_PART}{{2,40}}?)"
                              rf"(?:[，,]\s*再到(?P<c>{_STAGE_PART}{{2,40}}?))?(?=[，,。；;]|$|(?P<named>的?{_STAGE_NOUNS}))")


@_family("from_to_clauses", "从A，到B，再到C（每个阶段一个分句，说得较长）", "sequence",
         "从早年的“吃饱穿暖”，到后来的“吃好穿好”，再到如今的“吃得健康”。",
         ("各段都是“……的某某”时取同类的中心词", "从手工时代的家庭工厂，到机器时代的大工厂，再到数字时代的智能工厂。"),
         needs=(("from", "to"),), gate=lambda s: "，到" in s or ",到" in s)
def _from_to_clauses(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _FROM_TO_CLAUSES.finditer(sentence):
        parts = [m[g] for g in ("a", "b", "c") if m[g]]
        quoted = [_QUOTED_STAGE.findall(p) for p in parts]
        if all(quoted):
            # each stage named by its quoted term: the last (…的“A”的“B”), the first of a list (“A”、“B”、“C”)
            nodes = [_node(q[0] if len(q) > 1 and _QUOTES_LISTED.search(p) else q[-1]) for p, q in zip(parts, quoted)]
        elif m["c"] and m["named"]:
            nodes = [_node(p) for p in parts]  # …再到C的发展阶段: the text names the stages as such
        elif m["c"] and all("的" not in p for p in parts) and all(_same_kind(parts[0], p) for p in parts[1:]):
            nodes = [_node(p) for p in parts]  # 从物质生产力，到社会生产力，再到自然生产力: three of one kind
        elif m["c"]:
            heads = [_node(p.rsplit("的", 1)[-1]) for p in parts]
            if not all("的" in p for p in parts) or not all(_same_kind(heads[0], h) or heads[0] == h for h in heads[1:]):
                continue
            nodes = [_node(h) for h in heads]  # 实物型财富 > 金银类财富 > 资本类财富: heads of one kind
        else:
            continue  # two plain clauses (从城市，到乡村): a range of places as often as stages
        if len(set(nodes)) == len(nodes):
            found.append(_row("sequence", nodes, (m.start(), m.end())))
    return found


_QUOTED_STAGE = re.compile(r"[“「]([^“”「」]{2,30})[”」]")
_QUOTES_LISTED = re.compile(r"[”」]、[“「]")


_CLAUSE_STOPS = "，,；;：:"
_RANGE_SCOPE = re.compile(rf"[{_CLAUSE_STOPS}](?:{_listed('range_scope')})")


def _parallel_ranges(sentence: str, matches: list[re.Match]) -> set[int]:
    """Where the from-to matches that are ranges start: runs of clauses that are each nothing but
    从A到B, three or more, or two followed by 处处/都… (从原野到都市，从车间到实验室，处处……); or two or
    more that each end B的N, a noun that names no change (从古城的演唱到乡村的球赛，从木塔的游戏到
    汉服的体验: examples of one thing, not the stages of a process)."""
    bare = []
    for m in matches:
        if m.start() and sentence[m.start() - 1] not in _CLAUSE_STOPS:
            continue
        end, tailed = m.end(), False
        if end < len(sentence) and sentence[end] not in _CLAUSE_STOPS:
            tail = _EXAMPLE_TAIL.match(sentence, end)
            if tail is None or _CHANGE_NOUN.search(tail.group()):
                continue
            end, tailed = tail.end(), True
        bare.append((m.start(), end, m["a"], m["b"], tailed))
    bare.sort()
    runs: list[list[tuple]] = []
    for clause in bare:
        if runs and clause[0] == runs[-1][-1][1] + 1 and clause[2] != runs[-1][-1][3]:
            runs[-1].append(clause)  # 从A到B，从B到C is one progression told in steps, not a range
        else:
            runs.append([clause])
    return {clause[0] for run in runs
            if len(run) >= 3 or (len(run) == 2 and (_RANGE_SCOPE.match(sentence, run[-1][1])
                                                     or all(clause[4] for clause in run)))
            for clause in run}


#: what may end a from-to clause after B: 的 and a short noun (贵州村超的非遗展演)
_EXAMPLE_TAIL = re.compile(r"的[^，,；;。：:、！？]{1,8}(?=[，,；;。：:！？]|$)")
#: a noun naming a change (从A到B的转变/历程/飞跃): such clauses are transitions, not examples
_CHANGE_NOUN = re.compile(_alt(_cues("toward_tail") + _cues("from_to_end") + _cues("change_noun")))


# family: from … towards … (从A走向B, 由A转向B, 从A向B转变)
_TOWARD = _chars("toward")
_SHIFT = _alt(w for w in _cues("shift") if w not in _cues("toward"))
_TOWARD_TAIL = _alt(_cues("toward_tail"))
_SHIFT_ADVERB = re.compile(rf"(?:{_listed('shift_adverb')})$")
#: the endings of a shift verb that names what A becomes (升级为, 转变成): a list after it modifies B's head noun
_NAMING = ("为", "成")
#: a term in corner quotes is one unit of a node, as a title is (从「开采、制造、使用」直线式的线性经济)
_CORNER_TERM = r"「[^「」\n]{1,20}」"
_FROM_TOWARDS = re.compile(
    rf"[{_FROM}](?P<a>(?:{_CORNER_TERM}|{_ASIDE_RUN}|[^{_P}\x01]){{1,28}}?)(?:[，,]?(?P<verb>{_SHIFT})了?(?P<b>(?:(?!{_CONNECTIVE}|、[{_FROM}])[^{_P}]){{1,24}}?)"
    rf"(?=的|{_STATE_TAIL}|[{_P}]|$|{_CONNECTIVE}|、[{_FROM}])"
    rf"|[{_TOWARD}](?P<b2>(?:(?!{_CONNECTIVE}|、[{_FROM}])[^{_P}]){{1,24}}?)(?=(?:的[^{_P}]{{0,4}}?)?(?:{_TOWARD_TAIL})"
    # 从人治向法治、从依法治国向全面依法治国的转变: pairs listed before one tail, each its own transition
    rf"|、[{_FROM}][^{_P}]{{2,50}}?(?:的[^{_P}]{{0,4}}?)?(?:{_TOWARD_TAIL})))"
)


@_family("from_towards", "从A走向B / 由A向B转变", "sequence", "推动发展方式由规模扩张向质量效益转变。",
         ("从「A」转变为「B、C」的……（两边都是引号里的说法）", "服务要从「以机构为中心」转变为「以人为本、以家庭为中心」的体系。"),
         ("从……的A转型为……的B（两边都带修饰语，取同类的中心词）", "推动城市从以工业为主的生产型城市，转型为宜居宜业的服务型城市。"),
         ("由A变为B，再变成C，然后转型为D（一次转变的几步，各占一个分句）", "这座城市由渔村变为商埠，再变成工业重镇，然后转型为金融中心。"),
         ("从A向B、从C向D的转变（并列的几组，各是一条）", "我国实现了从人治向法治、从依法治国向全面依法治国的转变。"),
         needs=(("from",),))
def _from_towards(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _past_traps(_FROM_TOWARDS, sentence, _quotes_a_transition):
        if "到" in m["a"]:
            continue  # 由A到B的…向C转变 is handled by the state-change rule
        b, span = m["b"] or m["b2"], m
        if b.startswith(_BY_WAY_OF):
            continue  # 从「A」模式改变为透过整合…: what follows is the way, not the state reached
        if m["b"] and (inner := _TAIL_IN_LIST.match(sentence, m.end("b"))):
            # 演变为涵盖A、产业转型与环境永续的复杂工程: 转型 is a word of B's list, not the end of the change
            end = _CLAUSE_END.search(sentence, inner.end())
            b = sentence[m.start("b"):end.start() if end else len(sentence)]
            span = (m.start(), m.start("b") + len(b))
            found.append(_row("sequence", [_node(_ORIGIN_LEAD.sub("", m["a"]) or m["a"]), _node(b)], span))
            continue
        a = _SHIFT_ADVERB.sub("", m["a"]) or m["a"]  # 从A逐步趋向于B: the adverb is no part of A
        quoted = _quoted_target(sentence, a, m.start("b")) if m["b"] else ""
        if quoted:  # 从「A」转变为「B、C」的体系: both sides quoted terms, B is its quote whole
            span = (m.start(), m.start("b") + len(quoted))
            found.append(_row("sequence", [_node(a), _node(quoted)], span, terms=True))
            continue
        head = _head(sentence, m.end("b")) if m["b"] else ""
        if head and _QUOTE.fullmatch(head) and (_QUOTE.fullmatch(a.strip()) or len(b) > 4):
            # 从“黑臭湖”逐渐变成美丽的“水下森林”, 从追求低成本，转向贴近市场的「场景导向」: the quoted state is B
            found.append(_row("sequence", [_node(a), _node(head)], (m.start(), m.end("b") + 1 + len(head)), terms=True))
            continue
        if m["b2"]:
            b = _MANNER_AFTER.sub("", b.removeprefix("着")) or b  # 从A向着B奋力前行: neither 着 nor the manner is B
        if head and b in _NOW_WORDS:  # 从曾经的“冬季限定”迈向如今的“四季常青”: the states, not the times
            found.append(_row("sequence", [_node(_THEN_LEAD.sub("", a) or a), _node(head)],
                              (m.start(), m.end("b") + 1 + len(head))))
            continue
        a_head = _head_noun(a)
        whole = _parallel_end(a, sentence, m.start("b"), 60) if m["b"] and a_head and "、" in sentence[m.start("b"):] else ""
        if len(whole) > len(b) and whole.endswith(a_head):
            # 从…的状态，转向A、B、…的正常、经常的状态: B runs, lists and all, to the head it shares with A
            found.append(_row("sequence", [_node(_ORIGIN_LEAD.sub("", a) or a), _node(whole)],
                              (m.start(), m.start("b") + len(whole))))
            continue
        if head and a_head and "、" not in b:
            # 从……的线性经济，转型为……的循环经济: both sides are modified nouns; of one kind, they are named
            # by their heads, else whole (从粗放式的规模扩张转向精细化的质量提升)
            nodes = [_node(a_head), _node(head)] if _same_kind(a_head, head) else [_node(_ORIGIN_LEAD.sub("", a) or a), _node(b) + "的" + head]
            found.append(_row("sequence", *_with_later(sentence, nodes, m.start(), m.end("b") + 1 + len(head))))
            continue
        if head and (("、" in b and m["verb"].endswith(_NAMING)) or _parallel_head(m["a"], head)):
            b, span = head, (m.start(), m.end("b") + 1 + len(head))  # 升级为X、Y、Z的核心引擎: B is the head noun
        elif head and "、" in b and m["b"]:
            # 转向追求高质量、可持续的新发展范式: the listed words qualify one state, which ends at its head noun
            found.append(_row("sequence", [_node(_ORIGIN_LEAD.sub("", a) or a), _node(b + "的" + head)],
                              (m.start(), m.end("b") + 1 + len(head))))
            continue
        elif m["b"] and _one_han_before_de(b, sentence, m.end()):
            b = _whole(sentence, m.start("b")) or b  # 从量的积累迈向质的飞跃: B holds a 的
            span = (m.start(), m.start("b") + len(b))
        elif m["b2"] and _one_han_before_de(b, sentence, m.end("b2")):
            whole = _TO_TAIL.match(sentence, m.start("b2"))  # 从量的增长向质的提升转变
            b = whole.group() if whole else b
        nodes = [_node(_ORIGIN_LEAD.sub("", a) or a), *_targets(b)]
        if m["b"]:  # 由渔村变为商埠，再变成工业重镇，然后转型为金融中心
            nodes, span = _with_later(sentence, nodes, m.start(), span.end() if span is m else span[1], m["verb"])
        found.append(_row("sequence", nodes, span, terms=_quoted(m["a"], b)))
    return found


#: how a move towards B is made, between B and the word that ends it (向着B奋力前行, 向B加速迈进)
_MANNER_AFTER = re.compile(r"(?:奋力|加速|加快|大步|阔步|稳步|坚定|不断|持续)$")


#: a state-tail word inside B's list (…产业转型与环境永续的…): followed by 与/和/及/、 and more of B
_TAIL_IN_LIST = re.compile(rf"(?:{_listed('state_tail')})(?:与|和|及|、)[^{_P}]{{2,}}?的")
#: what opens A telling where a change began (由最初主要是A，拓展为B): no part of A
_ORIGIN_LEAD = re.compile(r"^(?:最初|起初|早期|原先|原来|当初|过去|以往|目前)(?:主要)?(?:是|为)?(?=..)")
#: A later step of one transition, in a clause of its own: ，再变成C / ，然后转型为D (after 由A变为B).
_LATER_STEP = re.compile(rf"[，,]\s*(?:{_listed('then')})+(?:{_SHIFT}|到)了?(?P<c>(?:(?!{_CONNECTIVE})[^{_P}、“”]){{2,24}}?)(?=[{_P}]|$)")
#: the same verb again, without 再 (从管治走向治理，走向善治)
_SAME_VERB_STEP = r"[，,]\s*{verb}了?(?P<c>(?:(?!{conn})[^{p}、“”]){{2,24}}?)(?=[{p}]|$)"


def _with_later(sentence: str, nodes: list[str], start: int, end: int, verb: str = "") -> tuple[list[str], tuple[int, int]]:
    """*nodes* (a transition from *start* to *end*, told with *verb*) with the later steps told after it,
    and their span."""
    later = _later_steps(sentence, end, verb)
    return [*nodes, *(_node(c.group("c")) for c in later)], (start, later[-1].end("c") if later else end)


def _later_steps(sentence: str, end: int, verb: str = "") -> list[re.Match]:
    """The later steps told clause by clause right after a transition that ends at *end*: after 再, 然后 …
    (…，再变成C), or with the transition's own verb again (从A走向B，走向C)."""
    again = re.compile(_SAME_VERB_STEP.format(verb=re.escape(verb), conn=_CONNECTIVE, p=_P)) if len(verb) >= 2 else None
    steps = []
    while (m := _LATER_STEP.match(sentence, end) or (again.match(sentence, end) if again else None)) is not None:
        steps.append(m)
        end = m.end()
    return steps


#: B opening with these tells how, not what A becomes (改变为透过整合…, 转变为通过…)
_BY_WAY_OF = ("透过", "通过", "经过", "借助", "依靠", "藉由")


def _head_noun(a: str) -> str:
    """The noun after the last 的 of a source that ends in one (「A、B」直线式的线性经济 → 线性经济), else ''."""
    head = a.rsplit("的", 1)[-1] if "的" in a else ""
    if _QUOTED_HEAD.fullmatch(head):
        return head  # 以优惠政策为主的“筑巢引凤”思维 → “筑巢引凤”思维: a quoted name and its noun
    return head if 2 <= len(head) <= 8 and not any(ch in head for ch in "「」“”、") else ""


def _same_kind(x: str, y: str) -> bool:
    """Two different nouns of one kind: the same last two characters (线性经济 / 循环经济)."""
    return x != y and len(x) >= 3 and len(y) >= 3 and x[-2:] == y[-2:]


_CLOSING = {"「": "」", "“": "”", "『": "』"}


def _quoted_target(sentence: str, a: str, start: int) -> str:
    """The quoted target at *start* (「以人为本、以社区为中心」, up to 40 characters, within a clause)
    when the source *a* is a quoted term as well; else ''."""
    a = a.strip()
    close = _CLOSING.get(sentence[start:start + 1])
    if close is None or a[:1] not in _CLOSING or a[-1:] != _CLOSING[a[0]]:
        return ""
    end = sentence.find(close, start + 1, start + 42)
    if end < 0 or any(ch in sentence[start:end] for ch in "。；;：:！？"):
        return ""
    return sentence[start:end + 1]


def _targets(b: str) -> list[str]:
    """由A向B、C转型: a list of short items after the shift is the later stages, in order (the seeds'
    从A到B、C、D); else B is one node."""
    items = [_node(x) for x in b.split("、")]
    if any("为" in x for x in items[1:]):
        return [_node(b)]  # 转向以预防为先、社区为本: one state told as a role group, not stages
    return items if len(items) > 1 and all(2 <= len(x) <= 8 for x in items) else [_node(b)]


# family: a transition without 从 whose two sides are parallel phrases (以A为中心走向以B为中心)
_BARE_SHIFT = re.compile(_alt(_cues("bare_shift")))
_SIDE_STOP = re.compile(rf"[{_P}、“”的]")


def _parallel(left: str, b: str) -> str:
    """The end of *left* that parallels *b*: the same first character and the same ending (one
    character or more each, three at least together), with a part of its own between them."""
    best, frame = "", 0
    for i in range(max(0, len(left) - len(b) - 3), len(left)):
        a = left[i:]
        if a[0] != b[0] or abs(len(a) - len(b)) > 3:
            continue
        suffix = next(k for k in range(min(len(a), len(b)), -1, -1) if k == 0 or a[-k:] == b[-k:])
        if suffix and 1 + suffix >= 3 and len(a) - suffix > 1 and len(b) - suffix > 1 and 1 + suffix > frame:
            best, frame = a, 1 + suffix
    return best


@_family("parallel_shift", "以A为中心走向以B为中心（两边句式相同）", "sequence", "治理方式要以管理为中心走向以服务为中心。",
         needs=(("bare_shift",),))
def _parallel_shift(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _BARE_SHIFT.finditer(sentence):
        stop = _SIDE_STOP.search(sentence, m.end())
        b = sentence[m.end():stop.start() if stop else len(sentence)]
        starts = [s.end() for s in _SIDE_STOP.finditer(sentence, 0, m.start())]
        left = sentence[starts[-1] if starts else 0:m.start()]
        if len(b) < 3 or any(ch in left for ch in _FROM):
            continue  # 从A走向B is the from-towards family's
        a = _parallel(left, b)
        if a:
            found.append(_row("sequence", [a, b], (m.start() - len(a), m.end() + len(b))))
    return found


# family: a state changes (…的A向B转变, 实现A向B转型)
#: what follows the 向 of a state change: B and its tail (…向数字政府的转变, …向自由贸易园区发展)
_STATE_AFTER = re.compile(rf"(?P<b>[^{_P}、“”的]{{2,12}}?)的?(?P<tail>{_STATE_TAIL}|{_listed('state_kin')})")
#: what A may hold (2 to 12 characters, no stop, quote or 的)
_STATE_SIDE = re.compile(rf"[^{_P}、“”的]{{2,12}}")
#: what stands just before A: a 的 or 进入/实现 (a state), or a verb that sets a thing moving (推动A向B…: loose)
_STATE_LEADS = ("的", "进入", "实现")
_STATE_VERB_LEADS = ("推动", "促进", "加快", "引导", "带动", "加速", "打通", "畅通")
_STATE_KIN = frozenset(_cues("state_kin"))
_TOWARD_CHAR = re.compile(f"[{_TOWARD}]")


def _one_thing(a: str, b: str) -> bool:
    """Two states of one thing: different nouns of three characters or more with the same last character,
    which is no suffix of manner (传统政府 / 数字政府, 综合保税区 / 自由贸易园区; not 高端化, 智能化)."""
    return a != b and len(a) >= 3 and len(b) >= 3 and a[-1] == b[-1] and a[-1] not in "化性型式"


@_family("state_change", "…的A向B转变", "sequence", "推动经济增长的要素驱动向创新驱动转变。",
         ("实现A向B的转变；推动A向B发展（A、B是同一事物的两种状态）", "推动传统政府向数字政府转变，推动综合保税区向自由贸易园区发展。"),
         ("实现“A”模式向“B”模式的转型（引号里的两种状态，后面是同一个名词）", "推动生产方式实现“高投入、高消耗”模式向“低投入、低消耗”模式的转型。"),
         needs=(("toward", "state_tail"), ("toward", "state_kin")))
def _state_change(sentence: str, cues: int) -> list[dict]:
    # found from each 向 (a pattern opening with look-behinds would be tried at every position): A is the
    # longest stretch before it that a lead opens. A holding a verb (…的生活环境推动产业结构向…转型) is no
    # state; after a verb (推动A向B…) or before a looser tail (发展, 升级), A and B must be two states of one thing
    found, done = [], 0
    for m in (_QUOTED_STATES.finditer(sentence) if "向“" in sentence or "向「" in sentence else ()):
        # 实现“高投入、高消耗”模式向“低投入、低消耗”模式的转型: two quoted states of one thing
        found.append(_row("sequence", [m["a"] + m["x"], m["b"] + m["x"]], (m.start("a") - 1, m.end())))
        done = m.end()
    for toward in _TOWARD_CHAR.finditer(sentence):
        at = toward.start()
        after = _STATE_AFTER.match(sentence, at + 1)
        if after is None or at < done:
            continue
        for start in range(max(done, at - 12), at - 1):
            a = sentence[start:at]
            loose = sentence.endswith(_STATE_VERB_LEADS, 0, start)
            if not (loose or sentence.endswith(_STATE_LEADS, 0, start)) or not _STATE_SIDE.fullmatch(a):
                continue
            loose = loose or after["tail"] in _STATE_KIN
            if _VERB_IN_STATE.search(a, 0 if sentence.endswith(_STATE_VERB_LEADS, 0, start) else 1):
                continue  # 加快实现A向B的转变: try the lead after 加快, where 实现 stands
            if loose and not _one_thing(a, after["b"]):
                continue
            found.append(_row("sequence", [_node(a), _node(after["b"])], (start, after.end())))
            done = after.end()
            break
    return found


#: two quoted states of one thing, the same noun after each quote: “A”模式向“B”模式的转型
_QUOTED_STATES = re.compile(
    rf"(?:{'|'.join(_STATE_LEADS + _STATE_VERB_LEADS)})[“「](?P<a>[^“”「」{_P}]{{2,16}})[”」](?P<x>[^{_P}、“”「」的向]{{0,4}})"
    rf"向[“「](?P<b>[^“”「」{_P}]{{2,16}})[”」](?P=x)的?(?:{_STATE_TAIL})")


#: the verbs of two characters or more that lead a clause (推动, 促进, 实现…)
_VERB_IN_STATE = re.compile(_alt(w for w in _cues("leading_verb") if len(w) >= 2))


# families: dash-joined terms that flow (sequence) or loop (cycle); otherwise a set, not a chain
_DASH, _ARROW = _chars("dash"), _listed("arrow")
_PART_CHAR = rf"[^，。；：、,;“”「」\s{_DASH}{_chars('arrow')}\x00\x01<>]"
#: a part of a series: 1 to this many characters (and an aside)
_PART_LONGEST = 12
_PART = rf"{_PART_CHAR}{{1,{_PART_LONGEST}}}\x01*"
_JOIN = rf"\s*(?:[{_DASH}]{{1,2}}|{_ARROW})\s*"
_DASHED = re.compile(rf"[“「]?(?P<body>{_PART}(?:{_JOIN}{_PART}){{1,8}})[”」]?(?P<after>.{{0,8}})")
#: where a join can begin (every character of a dash or an arrow cue: a superset)
_JOIN_FIRST = re.compile(rf"[{_DASH}{_chars('arrow')}]")
_IS_PART_CHAR = re.compile(_PART_CHAR).match
_IS_SPACE = re.compile(r"\s").match


def _dashed_matches(sentence: str):
    """What ``_DASHED.finditer(sentence)`` finds, trying one start a join: a series starts with a
    part that runs up to its first join (1 to :data:`_PART_LONGEST` characters, an aside and spaces
    between); whatever follows is the same wherever in that run the series starts, so only the
    earliest possible start (or the quote just before it) is tried, not every character."""
    pos = 0
    for join in _JOIN_FIRST.finditer(sentence):
        end = join.start()
        if end < pos:
            continue
        while end > pos and _IS_SPACE(sentence, end - 1):
            end -= 1
        while end > pos and sentence[end - 1] == "\x01":
            end -= 1
        start = end
        while start > pos and end - start < _PART_LONGEST and _IS_PART_CHAR(sentence, start - 1):
            start -= 1
        if start == end:
            continue
        if start > pos and sentence[start - 1] in "“「":
            start -= 1
        m = _DASHED.match(sentence, start)
        if m is not None:
            yield m
            pos = m.end()
_FLOW = _cues("flow")
_CYCLE = _cues("cycle")
_FLOW_OR_CYCLE_LONGEST_FIRST = tuple(sorted(_FLOW + _CYCLE, key=len, reverse=True))
_FLOW_AFTER = re.compile(rf"(?:为|作为)?[^，。；、“”]{{0,4}}?(?:{_alt(_FLOW)})")
#: the cycle words with their guards (循环 but not 循环利用: a kind of use, no loop)
_CYCLE_WORD = _listed("cycle")
_LOOPS = re.compile(rf"“?[^，。；、“”]{{0,4}}?(?:{_CYCLE_WORD})")


#: after a dashed series, the text calling its parts steps: 立法——执法——司法——守法，是…的基本环节
_STEPS_SAID = re.compile(r"[”」]?[，,]?\s*(?:是|为|构成|组成|这)[^。；：]{0,16}?(?:环节|步骤|阶段|流程|工序|链条)")


def _closed(nodes: list[str]) -> list[str]:
    """A cycle's nodes, each once: a last node that is the first again with 再 (研发—转化—再研发)
    closes the loop and is dropped, as a repeated first node is (需求→研发→产品→需求)."""
    return nodes[:-1] if len(nodes) >= 3 and nodes[-1] == "再" + nodes[0] else nodes

@lru_cache(maxsize=BLOCK)
def _dashed(sentence: str) -> tuple[tuple[str, list[str], tuple[int, int]], ...]:
    """Dash-joined series with what the text says about them: ``cycle``, ``sequence`` or ``set``.
    Cached for the sentence at hand: the cycle and the flow families both read it."""
    out = []
    for m in _dashed_matches(sentence):
        arrows = re.search(_ARROW, m["body"]) is not None
        parts = re.split(_JOIN, m["body"])
        flow = next((w for w in _FLOW_OR_CYCLE_LONGEST_FIRST
                     if parts[-1].endswith(w) and len(parts[-1]) > len(w)), "")
        after = flow + m["after"]
        parts[-1] = parts[-1][:len(parts[-1]) - len(flow)]
        parts[-1] = parts[-1].split("的")[0]  # 销售的产业链条: the series ends before its head noun
        parts = [_node(p) for p in [_strip_lead(parts[0])] + parts[1:]]
        after = re.sub(r"^[”」\"]?\s*[的等]?", "", after)
        named = after  # “A—B—C”的良性互动: the flow word may start with 良性
        after = re.sub(r"^(?:完整|良性)", "", after)
        # …的螺旋上升过程, 为逻辑主线: a word before the flow word
        flows = _FLOW_AFTER.match(after) is not None or _FLOW_AFTER.match(named) is not None
        span = (m.start(), m.end("body") + (sentence[m.end("body"):].startswith(("”", "」"))))
        if len(parts) >= 4 and parts[0] == parts[-1] and (arrows or after):
            out.append(("cycle", parts[:-1], span))  # 需求→研发→产品→需求 comes back to its start
        elif _LOOPS.match(after):
            out.append(("cycle", _closed(parts), span))
        elif len(parts) >= 3 and (arrows or flows or _STEPS_SAID.match(sentence, m.end("body")) is not None):
            out.append(("sequence", parts, span))  # a pair such as “科技—产业” is a collaboration, not a chain
    return tuple(out)


@_family("dashed_cycle", "“A—B—C”闭环/良性循环", "cycle", "推动形成“研发—转化—再研发”的良性循环。",
         ("A→B→C→A（回到起点）", "形成需求→研发→产品→需求的链条。"),
         ("「A──B──C」良性三角循环（直角引号、框线）", "构建「研发──制造──服务」良性三角循环。"), needs=(("dash",), ("arrow",)))
def _dashed_cycles(sentence: str, cues: int) -> list[dict]:
    return [_row(kind, list(parts), m) for kind, parts, m in _dashed(sentence) if kind == "cycle"]


@_family("dashed_flow", "“A—B—C”联动/链条", "sequence", "打通“基础研究—技术攻关—成果转化”全链条。",
         ("A→B→C", "形成原料→加工→物流→销售的产业链条。"),
         ("A——B——C——D，是…的基本环节（文本说它们是环节、步骤、阶段）", "种植——加工——销售——回收，是这条产业链的四个基本环节。"),
         needs=(("dash",), ("arrow",)))
def _dashed_flows(sentence: str, cues: int) -> list[dict]:
    return [_row(kind, list(parts), m) for kind, parts, m in _dashed(sentence) if kind == "sequence"]


# family: enumerations named as stages (A、B、C各环节/全过程, …等阶段, 经历A、B、C过程, …等多个阶段,
# …4个验证阶段, “A、B、C”的环节)
_STAGE_NOUN = _alt(_cues("stage_noun"))
_COUNT = r"(?:[0-9]+|[一二三四五六七八九十几多]+)个[\u4e00-\u9fff]{0,2}?"
_STAGE_TAILS = (rf"(?:{_alt(_cues('stage_tail'))}|(?:等|各)?{_COUNT}(?:{_STAGE_NOUN})"
                rf"|(?<=[”」])的?(?:等|各)?[\u4e00-\u9fff]{{0,2}}?(?:{_STAGE_NOUN}))")
#: the first item of a listed series (stages, a listed cycle): 2 to this many characters, then 、
_FIRST_LONGEST = 30
_FIRST_ITEM = rf"[^，。；：、“”\x00]{{2,{_FIRST_LONGEST}}}"
_STAGES = re.compile(
    rf"(?P<body>{_FIRST_ITEM}(?:、[^，。；：、“”\x00]{{2,20}}?){{1,}}?(?:(?:和|及|与|以及)[^，。；：、“”\x00]{{2,16}}?)?)"
    rf"[”」]?(?:{_STAGE_TAILS})"
)


#: what every stage tail holds: a stage_tail word or a stage noun (one literal alternation: a faster
#: search than the tails themselves, and as good a test of which runs to try)
_STAGE_TAIL_RE = re.compile(_alt(_cues("stage_tail") + _cues("stage_noun")))


#: the runs that hold a 、 (the run starts after a stop or at the start of the sentence)
_RUN_WITH_COMMA = re.compile("(?<![^，。；：“”\x00])[^，。；：“”\x00]*、[^，。；：“”\x00]*")


def _in_runs(pattern: re.Pattern, sentence: str, tail: re.Pattern):
    """``pattern.finditer(sentence)`` for a pattern that starts with :data:`_FIRST_ITEM`, searched
    only in the runs (between ，。；：“”) that hold a 、 and a match of *tail*, which every match's tail
    holds (in the run or just after its closing quote: “A、B、C”的环节): the same matches, found without
    scanning the other runs."""
    for run in _RUN_WITH_COMMA.finditer(sentence):
        start, end = run.span()
        reach = min(len(sentence), end + _TAIL_REACH)
        if tail.search(sentence, start, reach):
            yield from _item_matches(pattern, sentence, start, end, reach)


def _item_matches(pattern: re.Pattern, sentence: str, start: int, end: int, reach: int):
    """What ``pattern.finditer(sentence, start, reach)`` finds starting before *end* (a run), trying
    one position an item: a match starts with a first item that runs up to a 、 (2 to
    :data:`_FIRST_LONGEST` characters), and whatever follows that 、 is the same wherever in the item the
    match starts, so if the item's earliest possible start fails, so does every later one."""
    pos = item = start
    while (comma := sentence.find("、", item, end)) >= 0:
        first = comma - _FIRST_LONGEST  # (max() is slow on this path)
        first = pos if pos > first else first
        first = item if item > first else first
        if comma - first >= 2:
            m = pattern.match(sentence, first, reach)
            if m is not None:
                yield m
                pos = m.end()
        item = comma + 1


#: how far after a run its tail may end (a closing quote, 的 and the longest tail)
_TAIL_REACH = 16


#: 、 between items, or 和/及/与 before the last one (not inside a word: 普及, 参与者)
_LAST_JOIN = re.compile(r"、|(?<=[^、]{2})(?:以及|和|及|与)(?=[^、]{2,}$)")
_JOINS = ("以及", "和", "及", "与")


def _items(body: str) -> list[str]:
    """The items of a listed series: split at 、, and at 和/及/与 before the last item unless an
    earlier item is built with the same word (中试与熟化、公司与市场化: each item is a pair)."""
    parts = _LAST_JOIN.split(body)
    if len(parts) > body.count("、") + 1:  # the last item was split at a joining word
        earlier = body.rsplit("、", 1)[0] if "、" in body else ""
        if any(word in earlier for word in _JOINS):
            parts = body.split("、")
    return parts


@_family("stages", "A、B、C各环节/全过程/等阶段", "sequence", "贯通研发设计、生产制造、市场推广各环节。",
         ("经历A、B、C三个阶段", "经历试点、推广、普及三个阶段。"),
         ("A、B、C等多个阶段；“A、B、C”的环节", "打通“科技发现、技术研发、产业应用”的环节堵点。"),
         needs=(("stage_tail",), ("stage_noun",)), gate=lambda s: "、" in s)
def _stages(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _in_runs(_STAGES, sentence, _STAGE_TAIL_RE):
        if m.group().endswith("过程") and sentence.startswith("中", m.end()):
            continue  # 在推进A、B、C过程中: things done side by side, not stages
        first, _, rest = m["body"].partition("、")
        if any(ch in first for ch in _FROM) and any(word in rest for word in _TO_WORDS):
            continue  # 经历了从A、B到C的过程: the from-to family reads the stages
        body = _strip_lead(first) + "、" + rest
        items = [_node(x) for x in _items(body)]
        if any("的" in x for x in items[:-1]):
            continue  # …养成的正常、经常、平常的状态和可控、可测…的过程: a list of qualities run together
        if _shared_prefix([x.rsplit("是", 1)[-1] for x in items]):
            continue  # 是多方合作、多点发力、多维推进的过程: parallel attributes, not stages
        if len(items) >= 3 and all(2 <= len(x) <= 16 for x in items):
            found.append(_row("sequence", items, m))
    for m in (_CHAR_STAGES.finditer(sentence) if "“" in sentence or "「" in sentence else ()):
        items = m["body"].split("、")  # “说、商、办、评”四个环节: one-character steps, quoted and counted
        if _counted(m["n"]) in (None, len(items)):
            found.append(_row("sequence", items, m, terms=True))
    return found


#: one-character steps in quotes, then how many and what they are: “说、商、办、评”四个环节
_CHAR_STAGES = re.compile(rf"[“「](?P<body>[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){{2,}})[”」]的?"
                          rf"(?:(?P<n>[0-9]+|[一二三四五六七八九十])个)?(?:{_STAGE_NOUN})")


def _counted(n: str | None) -> int | None:
    """A count written in digits or one Chinese numeral (4, 四, 两), None when there is none."""
    if not n:
        return None
    return int(n) if n.isdigit() else _NUMERALS[n]


_ATTRIBUTE_PREFIX = _cues("attribute_prefix")


def _shared_prefix(items: list[str]) -> bool:
    """Whether every item opens with the same attribute prefix (多方…、多点…、多维…)."""
    return bool(items) and all(x[:1] == items[0][:1] for x in items) and items[0][:1] in _ATTRIBUTE_PREFIX


# family: a list announced before a colon as counted stages (分为三个阶段：A、B、C; 三重递进逻辑：A、B、C)
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_STAGE_HEADER = re.compile(
    rf"(?P<count>[0-9]{{1,2}}|[一二两三四五六七八九十])(?:重|个|步|大|层)?[\u4e00-\u9fff]{{0,4}}?"
    rf"(?:{_listed('stage_header')})[\u4e00-\u9fff]{{0,4}}[：:](?P<body>[^。；;！？!?：:\n]+)")


@_family("stage_header", "分为N个阶段：A、B、C（数目与列举的项数相同）", "sequence", "这一过程分为三个阶段：试点探索、扩大推广、全面实施。",
         ("N重递进逻辑：A、B、C", "改革遵循三重递进逻辑：制度的建立、制度的完善、制度的定型。"),
         ("经历了N个阶段：从A到B，到C，再从D到E（数目与各段相同）", "改革经历了三个阶段：从试点探索到扩大推广，再到全面实施。"),
         needs=(("stage_header",),), gate=lambda s: ("：" in s or ":" in s) and ("、" in s or "到" in s))
def _stage_header(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _STAGE_HEADER.finditer(sentence):
        count = _counted(m["count"])
        items = [_node(x) for x in _items(m["body"].rstrip("等"))]
        if len(items) != count:
            items = _staged_from_to(m["body"])  # 经历了五个阶段：从A到B，到C，再从D到E
        if len(items) != count:
            continue  # the count announces the list: a list of another length is something else
        if all(2 <= len(x) <= 20 for x in items):
            found.append(_row("sequence", items, m))
    return found


#: the joints of stages told as 从A到B，到C，再从D到E
_STAGE_JOINT = re.compile(r"^\s*[从由]|[，,]?\s*再?(?:[从由]|到)")


def _staged_from_to(body: str) -> list[str]:
    """The stages of a body that opens with 从 and joins them with 到 / 再到 / 再从 (each named by what follows
    its last 的: 二十一世纪初期的可持续发展 → 可持续发展); [] when it is no such body."""
    if not re.match(r"\s*[从由]", body) or "到" not in body:
        return []
    parts = [p.strip() for p in _STAGE_JOINT.split(body) if p.strip()]
    return [_node(p.rsplit("的", 1)[-1]) for p in parts]


# family: a list told to build on one another (层层递进，实现A、B、C; “A、B、C”……。这是一个层层递进的…)
_PROGRESSIVE = re.compile(_listed("progressive"))
#: a 、-list of short items in a clause (the first item after the clause's lead verb)
_LIST_IN_CLAUSE = re.compile(r"[^，。；：、“”「」\x00,;:]{1,30}(?:、[^，。；：、“”「」\x00,;:]{1,16}){2,}")
#: what may stand between the progressive word and the list it leads (层层递进，实现A、B、C: the verb is the first item's lead)
_PROGRESSIVE_GAP = re.compile(r"[，,：:]?")
#: a quoted 、-list (“不敢腐、不能腐、不想腐”)
_QUOTED_LIST = re.compile(r"[“「](?P<body>[^“”「」，。；：、]{1,16}(?:、[^“”「」，。；：、]{1,16}){2,})[”」]")
#: a sentence that opens by naming what was just said a progression (这是一个层层递进的…)
_THIS_PROGRESSIVE = re.compile(rf"^(?:这|此|这些|三者|以上)[^，。；]{{0,6}}?(?:{_listed('progressive')})")


def _progressive_items(body: str) -> list[str]:
    """The items of a progressive list (each a node), [] unless they are three or more alike in size:
    all one character, or all 2 to 16 characters."""
    first, _, rest = body.partition("、")
    lead = _strip_lead(first)
    if lead != first and lead[:1] in "了着" and len(lead) > 2:
        lead = lead[1:]  # 实现了摸底: the aspect word belongs to the verb dropped
    items = [_node(x) for x in [lead, *_items(rest)]]
    if len(items) < 3:
        return []
    if all(len(x) == 1 for x in items) or all(2 <= len(x) <= 16 for x in items):
        return items
    return []


@_family("progressive_list", "层层递进，实现A、B、C（列举的各项逐层推进）", "sequence",
         "这项工作层层递进，实现了摸底、建档、跟踪。",
         ("A、B、C层层递进", "调研、试点、推广层层递进。"),
         needs=(("progressive",),), gate=lambda s: "、" in s)
def _progressive_list(sentence: str, cues: int) -> list[dict]:
    word = _PROGRESSIVE.search(sentence)
    if word is None:
        return []
    after = _LIST_IN_CLAUSE.search(sentence, word.end())
    if after is not None and _PROGRESSIVE_GAP.fullmatch(sentence, word.end(), after.start()):
        items = _progressive_items(after.group())
        if items:
            return [_row("sequence", items, (word.start(), after.end()))]
    clause_start = max(sentence.rfind(c, 0, word.start()) for c in "，,；;：:") + 1
    before = [m for m in _LIST_IN_CLAUSE.finditer(sentence, clause_start, word.start())]
    if before and word.start() - before[-1].end() <= 2:
        items = _progressive_items(before[-1].group().rstrip("”」"))
        if items:
            return [_row("sequence", items, (before[-1].start(), word.end()))]
    return []


@_family("progressive_next", "“A、B、C”……。这是一个层层递进的……（下一句说前一句的列举逐层推进）", "sequence",
         "着力构建“摸底、建档、跟踪”工作机制。这是一个层层递进的过程。",
         needs=(("progressive",),), scope="document")
def _progressive_next(sentences: list[tuple[int, str, int]]) -> list[dict]:
    found = []
    bit = need("progressive")
    for i in range(1, len(sentences)):
        offset, text, cues = sentences[i]
        if not cues & bit or not _THIS_PROGRESSIVE.match(text):
            continue
        before_offset, before, _ = sentences[i - 1]
        lists = list(_QUOTED_LIST.finditer(before))
        if len(lists) == 1:
            items = _progressive_items(lists[0]["body"])
            if items:
                found.append(_row("sequence", items, (before_offset + lists[0].start(), offset + len(text))))
    return found


# family: 不再A，而是B (a state left for another: 不再满足于A，转而追求B; B，而不再只是A)
_NO_LONGER = re.compile(r"(?:不再(?:只是|仅仅是|仅是|是)?|摆脱了?)(?P<a>[^，,。；;！？]{2,40}?)[，,]\s*(?:而是|转而|而转为|而转向|转向|转为)(?P<b>[^，,。；;！？]{2,40}?)(?=[，,。；;！？]|$)")
_NO_LONGER_AFTER = re.compile(r"(?P<b>[^，,。；;！？]{2,40}?)[，,]\s*而不再(?:只是|仅仅是|仅是|是)?(?P<a>[^，,。；;！？]{2,40}?)(?=[，,。；;！？]|$)")
#: where the new state begins in a clause told before 而不再 (…逐渐被视为B): after the last of these
_SEEN_AS = re.compile(r"^.*(?:被视为|视为|成为|变成|转为)")


@_family("no_longer", "不再A，而是B（离开一种状态，转到另一种）", "sequence", "居民不再满足于吃饱，转而追求吃好。",
         ("B，而不再只是A", "数据逐渐被视为生产要素，而不再只是业务记录。"),
         ("摆脱A，转向B；不再A，而转为B", "企业摆脱了低价竞争的老路，转向以品质取胜的新路。"),
         needs=(("no_longer",),))
def _no_longer(sentence: str, cues: int) -> list[dict]:
    found = [_row("sequence", [_node(m["a"]), _node(m["b"])], (m.start(), m.end())) for m in _NO_LONGER.finditer(sentence)
             if not sentence.startswith("不再是", m.start())]  # 不再是A，而是B: what a thing is, contrasted (no change told)
    for m in _NO_LONGER_AFTER.finditer(sentence):
        b = _SEEN_AS.sub("", m["b"]) or m["b"]
        found.append(_row("sequence", [_node(m["a"]), _node(b)], (m.start("b") + len(m["b"]) - len(b), m.end())))
    return found


# family: the stages a whole went through, each named …阶段 (经历了1997—2007年的A阶段，2007—2012年的B阶段，…的C阶段)
_LIVED = re.compile(r"(?:经历了?|历经了?|(?:历程|过程|进程)[^。；;，,]{0,6}?(?:分为|划分为))(?P<body>[^。；;！？]{6,200})")
_LIVED_ITEM = re.compile(r"[，,、]|(?<=阶段)(?:和|与|以及)|(?<=[)）\x01])(?:和|与|以及)")
#: an item that counts the stages (四个主要时期) rather than naming one
_COUNTED = re.compile(r"[一二三四五六七八九十两几\d]+个")
#: the years a stage is dated by, after it: 萌芽期(1986—1999年)
_YEARS_AFTER = re.compile(r"[（(][^（）()]{2,16}[)）]$")


@_family("lived_stages", "经历了A阶段、B阶段、C阶段（每项都叫“……阶段”）", "sequence",
         "这项改革经历了2001—2005年的试点阶段，2006—2010年的推广阶段，2011年以来的深化阶段。",
         ("经历了N个时期，包括A的萌芽期（年份）、B的探索期（年份）和C的成熟期", "这个组织经历了三个时期，包括初创的萌芽期(1990—1999年)、扩张的成长期(2000—2009年)和转型的成熟期(2010年至今)。"),
         needs=(("went_through",),), gate=lambda s: "阶段" in s or ("期" in s and "、" in s))
def _lived_stages(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _LIVED.finditer(sentence):
        parts, stages, end = _LIVED_ITEM.split(m["body"]), [], m.start("body")
        pos = m.start("body")
        for part in parts:
            at = sentence.find(part, pos)
            pos = at + len(part)
            item = _YEARS_AFTER.sub("", part.strip().rstrip("\x01")).removesuffix("等")
            if not item.endswith(("阶段", "时期", "期")) or _COUNTED.match(item):
                if stages:
                    break
                continue  # 经历四个时期，包括……的萌芽期(1986—1999年)、……: the count before the list
            stages.append(item.rsplit("的", 1)[-1])
            end = pos
        if len(stages) >= 3 and all(2 <= len(x) <= 14 for x in stages) and len(set(stages)) == len(stages):
            found.append(_row("sequence", stages, (m.start(), end)))
    return found


# family: a quoted state that became another (曾经的“A”，渐渐变成了“B”), and a thing remade (将A改造成B)
_QUOTED_SHIFT = re.compile(r"[“「](?P<a>[^“”「」，。；]{2,16})[”」][，,]?[^，。；“”「」]{0,8}?(?:变成|变为|演变为|演变成|转变为|转变成)了?"
                           r"[“「](?P<b>[^“”「」，。；]{2,16})[”」]")
_REMADE = re.compile(rf"(?:将|把)(?P<a>[^。；;“”]{{2,30}}?)(?:改造成|改造为|改建成|改建为)(?P<b>[^{_P}]{{2,20}}?)(?=[{_P}]|$)")


@_family("quoted_shift", "“A”……变成了“B”；将A改造成B", "sequence", "这片滩涂曾经的“芦苇荡”，渐渐变成了“稻花香”。",
         ("将A改造成B", "将废弃厂房改造成文化街区。"),
         needs=(("remake",),), gate=lambda s: "“" in s or "「" in s or "改造" in s or "改建" in s)
def _quoted_shift(sentence: str, cues: int) -> list[dict]:
    found = [_row("sequence", [m["a"], m["b"]], m, terms=True) for m in _QUOTED_SHIFT.finditer(sentence)]
    for m in _REMADE.finditer(sentence):
        a = m["a"].rsplit("，", 1)[-1].rsplit(",", 1)[-1]
        found.append(_row("sequence", [_node(a), _node(m["b"])], (m.start(), m.end())))
    return found


# family: counted stages told one sentence each (经历了三个阶段。一是A阶段……。二是B阶段……。三是C阶段……)
_COUNTED_STAGES = re.compile(rf"(?:经历了?|历经了?|分为|划分为|分成)(?P<count>[0-9]|[一二两三四五六七八九十])个(?:主要|重要|发展)?(?:阶段|时期)[。：:]?\s*$")
_ORDINAL_STAGE = re.compile(r"^\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]?|其[一二三四五六]|[（(][一二三四五六七八九十][)）])"
                            r"(?P<name>[^，。；：,;:（(]{2,24}?(?:阶段|时期))")


@_family("counted_stages", "经历了N个阶段。一是A阶段……。二是B阶段……（每个阶段一句，数目与句数相同）", "sequence",
         "改革大致经历了三个阶段。一是试点探索阶段，摸索经验。二是全面推开阶段，扩大范围。三是巩固深化阶段，提高质量。",
         needs=(("stage_header",),), scope="document")
def _counted_stages(sentences: list[tuple[int, str, int]]) -> list[dict]:
    found = []
    for i, (offset, text, cues) in enumerate(sentences):
        m = _COUNTED_STAGES.search(text) if "个" in text and ("阶段" in text or "时期" in text) else None
        if m is None:
            continue
        count = _counted(m["count"])
        names, end = [], offset + len(text)
        for j in range(i + 1, min(i + 1 + count, len(sentences))):
            stage = _ORDINAL_STAGE.match(sentences[j][1])
            if stage is None:
                break
            names.append(_node(stage["name"]))
            end = sentences[j][0] + stage.end()
        if len(names) == count >= 2:
            found.append(_row("sequence", names, (offset + m.start(), end)))
    return found


# family: a quoted state to another without 从 (解决“有学上”到“上好学”问题)
_QUOTED_TO = re.compile(r"[“「](?P<a>[^“”「」，。；、]{1,12})[”」]\s*(?:到|向)\s*[“「](?P<b>[^“”「」，。；、]{1,12})[”」]")


@_family("quoted_to", "“A”到“B”（两边都是引号里的说法，前面没有“从”）", "sequence", "着力解决“有没有”到“好不好”的问题。",
         ("“A”向“B”转变", "行业正处于“经验医疗”向“精准医疗”过渡的阶段。"),
         needs=(("to",), ("toward",)), gate=lambda s: "“" in s or "「" in s)
def _quoted_to(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _QUOTED_TO.finditer(sentence):
        clause = sentence[_after_last(_CLAUSE_END, sentence, m.start()):m.start()]
        if "从" in clause or "由" in clause:
            continue  # 从“A”到“B”: the from-to family reads it
        found.append(_row("sequence", [m["a"], m["b"]], m, terms=True))
    return found


# family: a list the text says loops (畅通教育、科技、人才的良性循环)
_CYCLE_RE = re.compile(_alt(_CYCLE + _cues("loop_word")))
_LISTED_CYCLE = re.compile(
    rf"(?P<body>{_FIRST_ITEM}(?:、[^，。；：、“”\x00]{{1,16}}?){{1,}}(?:(?:和|与|及)[^，。；：、“”\x00]{{1,16}}?)?)[”」]?"
    rf"(?:(?:之间)?的(?:{_CYCLE_WORD})|(?:形成|构成)?(?:良性循环|闭环)|[，,](?:{_listed('loop_word')}))"
)
#: what a listed series starts after when it follows the word that names it (恶性循环──A、B、C、再A)
_SERIES_OPENER = re.compile(rf"^.*[{_DASH}:：]")


@_family("listed_cycle", "A、B、C的良性循环", "cycle", "推动资金、技术、人才的良性循环。",
         ("A、B、再A、再B，循环往复", "调研、决策、再调研、再决策，循环往复。"),
         ("循环……：A、B、C、再A（最后一项回到第一项）", "陷入恶性循环：失业、负债、失眠、再失业。"),
         needs=(("cycle",), ("loop_word",)), gate=lambda s: "、" in s)
def _listed_cycle(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _in_runs(_LISTED_CYCLE, sentence, _CYCLE_RE):
        first, _, rest = m["body"].partition("、")
        items = [_node(x) for x in [_strip_lead(first)] + _items(rest)]
        if _pairs([_node(x) for x in [_strip_lead(first), *rest.split("、")]]):
            continue  # 国内市场和生产主体、金融和实体经济的良性循环: each pair loops (paired_cycle)
        if len(items) >= 3 and all(2 <= len(x) <= 16 for x in items) or (
                len(items) == 2 and all(2 <= len(x) <= 4 and not _CLAUSE_WORDS.search(x) for x in items)
                and not _SWAP.search(m["body"])):  # 失业、贫穷的恶性循环 (not 林养人、人养林: paired_cycle)
            found.append(_row("cycle", items, m))
    if not found and "、" in sentence:
        found = [_row("cycle", m["body"].split("、"), m) for m in _CHAR_CYCLE.finditer(sentence)
                 if sentence[m.start() - 1:m.start()] == "的"
                 or len(_strip_lead(_RUN_START.split(sentence[:m.start() + 1])[-1])) == 1]
    return found or (_returning(sentence) if "再" in sentence and _SAYS_LOOP.search(sentence) else found)


#: words that make a listed item a clause of its own (开发即破坏、破坏再治理: a slogan, not two named things)
_CLAUSE_WORDS = re.compile("[即再又就则]")
#: a loop of one-character steps (识、研、立、行、化的循环往复): each a word's first character, all of one size
#: (the first step is one character once the clause's lead verb is dropped: 形成识、研… but not 资金、技…)
_CHAR_CYCLE = re.compile(rf"(?<![\u4e00-\u9fff]、)(?P<body>[\u4e00-\u9fff](?:、[\u4e00-\u9fff]){{2,}})"
                         rf"[”」]?(?:(?:之间)?的)?(?:{_CYCLE_WORD}|良性循环|闭环|循环往复)")
_RUN_START = re.compile("[，。；：“”「」\x00,;:]")


#: a word saying a list loops (恶性循环, 循环往复): what a returning list needs in its sentence
_SAYS_LOOP = re.compile(f"{_listed('cycle')}|{_listed('loop_word')}")


def _returning(sentence: str) -> list[dict]:
    """A 、-list whose last item is its first again with 再 (跌倒、骨折、住院、再跌倒): a loop, each node
    once (the sentence holds a cycle word: 恶性循环不断重播──…)."""
    found = []
    for run in _RUN_WITH_COMMA.finditer(sentence):
        parts = run.group().split("、")
        first = _SERIES_OPENER.sub("", parts[0]).strip()
        if len(parts) >= 4 and parts[-1].startswith("再" + first) and all(2 <= len(x) <= 16 for x in parts[1:-1]) \
                and 2 <= len(first) <= 16:
            start = run.start() + len(parts[0]) - len(first)
            found.append(_row("cycle", [first, *map(_node, parts[1:-1])], (start, run.start() + run.group().rindex("再") + 1 + len(first))))
    return found


_PAIR_JOIN = re.compile("和|与|及")


#: one-character names a pair may hold beside a longer one (工作及人的良性循环, 产业与城的良性循环)
_ONE_CHAR_NAMES = frozenset("人城产地水山林田钱")


def _pairs(items: list[str], one_char: bool = False) -> list[tuple[str, str]]:
    """Every item as a pair of two names (金融和实体经济 → 金融, 实体经济), or [] when one is no pair;
    *one_char*: a side may be one of :data:`_ONE_CHAR_NAMES` when the other is a word (工作及人)."""
    pairs = []
    for item in items:
        sides = _PAIR_JOIN.split(item)
        if len(sides) != 2 or not all(2 <= len(s) <= 12 or (one_char and s in _ONE_CHAR_NAMES) for s in sides) \
                or all(len(s) == 1 for s in sides):
            return []
        pairs.append((sides[0], sides[1]))
    return pairs


# family: named pairs said to loop, each pair a two-node cycle (金融和实体经济的良性循环; A和B、C和D的良性循环)
_NAMED_LOOPS = _cues("named_loop")
_LOOP_RUN_STOPS = re.compile(r"[，。；：“「\x00,;:]")
_LOOP_BODY_END = re.compile(r"[”」]?(?:之?间)?(?:[需要应]?(?:形成|构成)了?)?的?$")  # A与B形成闭环: 形成 is no part of B
_LOOP_CLAUSE_STOPS = re.compile(r"[，。；：\x00,;:]")
#: 人养山、山养人: a pair told twice with its names swapped around one verb (each swap a two-node loop)
_SWAP = re.compile(r"(?P<x>[^、，“”「」\s]{1,4}?)(?P<v>[^、，“”「」\s])(?P<y>[^、，“”「」\s]{1,4})、(?P=y)(?P=v)(?P=x)")


@_family("paired_cycle", "A和B、C和D的良性循环（每一对是一个循环）", "cycle", "促进金融和实体经济的良性循环。",
         ("实现A与B良性循环；“A养B、B养A”的良性循环", "实现金融体系与实体经济良性循环，形成“林养人、人养林”的良性循环。"),
         needs=(("named_loop",),), gate=lambda s: "和" in s or "与" in s or "及" in s or "、" in s)
def _paired_cycle(sentence: str, cues: int) -> list[dict]:
    found = []
    for word in _NAMED_LOOPS:
        at = sentence.find(word)
        while at >= 0:
            swaps = [_row("cycle", [m["x"], m["y"]], m.span())
                     for m in _SWAP.finditer(sentence, _after_last(_LOOP_CLAUSE_STOPS, sentence, at), at)]
            if swaps:
                found += swaps
            else:
                start = _after_last(_LOOP_RUN_STOPS, sentence, at)
                body = sentence[start:at]
                body = body[:_LOOP_BODY_END.search(body).start()]  # 科技与产业间的良性循环: 间 is no part of B
                found += _pair_cycles(body, start)
            at = sentence.find(word, at + len(word))
    return found


def _after_last(stops: re.Pattern, sentence: str, end: int) -> int:
    """Where the text after the last of *stops* before *end* starts (0 when there is none)."""
    return max((m.end() for m in stops.finditer(sentence, 0, end)), default=0)


_MODAL_END = re.compile(r"(?<=..)[需要应]$")


def _pair_cycles(body: str, start: int) -> list[dict]:
    """Each item of *body* (at *start*) a pair A和B: a two-node cycle spanning its item; else none."""
    items = body.split("、")
    lead = len(items[0]) - len(_strip_lead(items[0]))
    items[0] = items[0][lead:]
    pairs = _pairs([_node(x) for x in items], one_char=True)
    pairs = [(_MODAL_END.sub("", a) or a, b) for a, b in pairs]  # 决策权需与执行力形成闭环: 需 is no part of A
    start += lead
    found = []
    for (a, b), item in zip(pairs, items):  # each pair its own span (so none overlaps another)
        found.append(_row("cycle", [a, b], (start, start + len(item))))
        start += len(item) + 1
    return found


# family: building one stage on another (在突破“A”的基础上逐步突破“B”“C”)
_BUILD = _listed("build_verb")
_BUILD_ON = re.compile(rf"在(?:{_BUILD})?(?P<a>“[^”]{{1,12}}”)(?:{_listed('build_on')})(?:逐步|进一步|再)?(?:{_BUILD})?"
                       rf"(?P<rest>(?:“[^”]{{1,12}}”[、和]?){{1,5}})")


@_family("build_on", "在“A”的基础上突破“B”“C”", "sequence", "在攻克“材料关”的基础上逐步攻克“工艺关”“成本关”。",
         needs=(("build_on",),))
def _build_on(sentence: str, cues: int) -> list[dict]:
    found = []
    for m in _BUILD_ON.finditer(sentence):
        rest = [_node(x) for x in re.findall(r"“[^”]+”", m["rest"])]
        found.append(_row("sequence", [_node(m["a"])] + rest, m))
    return found
