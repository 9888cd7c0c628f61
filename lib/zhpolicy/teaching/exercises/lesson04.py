"""Exercises for lesson 04: ``from zhpolicy.teaching.exercises import lesson04 as ex``."""

from __future__ import annotations

from . import Exercise

SCORED = ("sequence", "cycle", "mutual", "triad")


def chain_density(chains, corpus):
    """Chains (of the four scored kinds) per 1,000 characters, per document (all documents)."""
    import pandas as pd

    chars = pd.Series([max(len(t), 1) for t in corpus["text"]], index=corpus["doc_id"])
    counts = chains[chains["kind"].isin(SCORED)].groupby("doc_id").size().reindex(chars.index, fill_value=0)
    return (1000 * counts / chars).sort_index()


def _densest(answer, chains, corpus) -> tuple[bool, str]:
    density = chain_density(chains, corpus)
    if str(answer) not in density.index:
        return False, f"“{answer}”不是语料里的 doc_id（用 doc_id 列里的写法）。"
    if density.max() == 0:
        return True, "这份语料里没有找到逻辑链，每篇都是 0。"
    best = density[density == density.max()].index
    if str(answer) in best:
        return True, f"每千字 {density.max():.2f} 条。"
    counts = chains[chains["kind"].isin(SCORED)].groupby("doc_id").size()
    if counts.get(str(answer), 0) == counts.max():
        return False, "这篇的链条数最多，但题目问的是每千字的条数：还要除以篇幅。"
    return False, f"这篇每千字 {density[str(answer)]:.2f} 条，还有更密的。"


_POSITIVES = ["推动产业从“制造”迈向“智造”。", "实现从“跟跑”迈向“领跑”。", "城市从“建设”迈向“治理”。"]
_NEGATIVES = ["推动产业迈向高端。", "从制造业来看，迈向高端是方向。", "从“十四五”开局之年起步，迈向“十五五”。",
              "模板写作从“”迈向“”，待填写。"]


def _pattern_catches(pattern) -> tuple[bool, str]:
    import re

    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return False, f"这不是合法的正则表达式：{exc}"
    missed = [t for t in _POSITIVES if not compiled.search(t)]
    wrong = [t for t in _NEGATIVES if compiled.search(t)]
    if not missed and not wrong:
        return True, f"{len(_POSITIVES)} 个正例都找到了，{len(_NEGATIVES)} 个反例都没有误报。"
    if missed:
        return False, f"漏掉了 {len(missed)} 个正例，例如：{missed[0]}"
    return False, f"误报了 {len(wrong)} 个反例，例如：{wrong[0]}"


_SERIES = [
    ("推动形成“研发—中试—量产”良性循环。", True),
    ("打通“原料—加工—销售”全链条。", True),
    ("构建“人才—技术—产业”联动机制。", True),
    ("推动创新链—产业链—资金链—人才链深度融合。", False),
    ("我国拥有深圳—香港—广州等科技创新集群。", False),
    ("分析“主体—要素—环境”的耦合。", False),
]


def _decides_flow(func) -> tuple[bool, str]:
    wrong = [(text, want) for text, want in _SERIES if bool(func(text)) != want]
    if not wrong:
        return True, f"{len(_SERIES)} 个句子全部判断正确。"
    text, want = wrong[0]
    what = "是链条（文本说它在流动或循环）" if want else "只是并列的集合"
    return False, f"{len(wrong)} 句判断错了，例如“{text}”{what}，你的函数判断反了。"


def _role_words_used(answer, chains) -> tuple[bool, str]:
    roles = chains[chains["kind"].isin(["triad", "role"])]["roles"]
    right = {r for rs in roles for r in rs}
    given = {str(a) for a in answer}
    if given == right:
        return True, f"一共 {len(right)} 个角色词。" if right else "这份语料里没有角色陈述，空列表是对的。"
    parts = []
    if right - given:
        parts.append(f"少了 {len(right - given)} 个")
    if given - right:
        parts.append(f"多了 {len(given - right)} 个（它们没有出现在 triad 或 role 的 roles 里）")
    return False, "，".join(parts) + "。"


q1 = Exercise(
    "按篇幅算，哪一篇文本的逻辑链（sequence、cycle、mutual、triad 四类）最密？"
    "回答它的 doc_id（每千字的条数最多的那篇）。",
    _densest,
    ("先数每篇有几条这四类的链，再看每篇有多少字：两者都要有。",
     "chains 按 doc_id 分组数行数；corpus['text'].str.len() 是每篇的字数；对齐 doc_id 以后相除再乘 1000。"),
    'import pandas as pd\n'
    'main = chains[chains["kind"].isin(["sequence", "cycle", "mutual", "triad"])]\n'
    'counts = main.groupby("doc_id").size()\n'
    'chars = pd.Series(corpus["text"].str.len().values, index=corpus["doc_id"])\n'
    'density = (1000 * counts.reindex(chars.index, fill_value=0) / chars)\n'
    'answer = density.idxmax()',
    expects="text",
)

q2 = Exercise(
    "写一个正则表达式，找出“从“A”迈向“B””这样的阶段转变（A、B 都在引号里，A、B 都不是空的）；"
    "不带引号或者没有“从”的句子不算。",
    _pattern_catches,
    ("先写出固定不变的字：从、迈向，和两对引号；再想引号中间可以是什么。",
     "引号中间是“不是右引号的任意字，至少一个”，用一个否定字符类加上 +。"),
    'import re\npattern = r"从“[^”]+”迈向“[^”]+”"',
    expects="pattern",
)

q3 = Exercise(
    "写一个函数 flows(text)：句子里用破折号连起来的一串词，如果文本说它们在流动或循环"
    "（闭环、循环、联动、链条……），返回 True；如果只是并列的一组（融合、集群、耦合……），返回 False。",
    _decides_flow,
    ("决定的依据不在破折号本身，而在这串词后面紧跟的那几个字。",
     "准备一个“流动词”列表，看破折号串后面的文字里有没有其中一个；用 re.search 找到最后一个破折号的位置。"),
    'import re\n\n'
    'FLOW_WORDS = ("闭环", "循环", "联动", "链条", "全链条", "传导", "流程")\n\n'
    'def flows(text):\n'
    '    last = max(text.rfind("—"), text.rfind("-"))\n'
    '    after = text[last + 1:]\n'
    '    return any(word in after for word in FLOW_WORDS)',
    expects="function",
)

q4 = Exercise(
    "这份语料的角色陈述（kind 为 triad 或 role 的行）一共用到了哪些角色词？回答一个不重复的列表，"
    "例如 [\"甲\", \"乙\"]（角色词本身要从数据里找）。",
    _role_words_used,
    ("角色词记在 chains 的 roles 列里，每一行是一个列表。",
     "先筛出 triad 和 role 两类的行，再把每行的 roles 列表展开合并，用 set 去重。"),
    'roles = chains.loc[chains["kind"].isin(["triad", "role"]), "roles"]\n'
    'answer = sorted({r for rs in roles for r in rs})',
    expects="list",
)
