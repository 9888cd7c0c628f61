"""Exercises for lesson 04: ``from zhpolicy.teaching.exercises import lesson04 as ex``.

The checkers recompute the answer from the student's own chains and corpus. The likely mistakes
(every kind counted, occurrences summed, counts not divided by length, per 10,000 characters
where per 1,000 was asked, a pattern that lets the quoted text run past its closing quote or
never checks that B is quoted and not empty, a flow word looked for anywhere in the sentence,
only one of the two role kinds) are recomputed or tested and named."""

from __future__ import annotations

import json

from . import UNCHECKABLE, Exercise, bare_text, number_feedback
from ...extraction.chains.kinds import SCORED_KINDS

SCORED = SCORED_KINDS


def chain_density(chains, corpus, *, kinds=SCORED, chars=None):
    """Chains of *kinds* per 1,000 characters (``n_chars``, or *chars* given per doc_id), per document (all documents)."""
    import pandas as pd

    size = chars if chars is not None else pd.Series(corpus["n_chars"].values, index=corpus["doc_id"])
    size = size.where(size > 0)
    counts = chains[chains["kind"].isin(kinds)].groupby("doc_id").size().reindex(size.index, fill_value=0)
    return (1000 * counts / size).sort_index()


def densest_diagnoses(chains, corpus) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q1 (the highest density of scored chains per 1,000 characters) and the likely mistakes."""
    import pandas as pd

    density = chain_density(chains, corpus)
    right = float(density.max())
    main = chains[chains["kind"].isin(SCORED)]
    size = pd.Series(corpus["n_chars"].values, index=corpus["doc_id"]).where(lambda s: s > 0)
    occurrences = main.groupby("doc_id")["count"].sum().reindex(size.index, fill_value=0)
    counts = main.groupby("doc_id").size()
    mistakes = [
        (float(chain_density(chains, corpus, kinds=tuple(chains["kind"].unique())).max()),
         "你把所有类型的行都数进去了：题目只数 sequence、cycle、mutual、triad 四类（role 和 relation 不是链）。"),
        (float(counts.max()) if len(counts) else None,
         "这是链条的条数：题目问的是每千字的条数，还要除以篇幅（n_chars）再乘以 1000。"),
        (float((1000 * occurrences / size).max()),
         "你把 count 列（同一条链出现的次数）加起来了：题目数的是链条，一行算一条。"),
        (right / 1000, "这是每个字的条数：还要乘以 1000，才是每千字。"),
        (right * 10, "这是每万字的条数（乘了 10000）：题目要每千字，乘以 1000。"),
        (float(chain_density(chains, corpus, chars=pd.Series(corpus["text"].str.len().values,
                                                               index=corpus["doc_id"])).max()),
         "你用 text 列的长度当字数，它还包括换行和空格：题目的字数是 n_chars 列（不计空白）。"),
    ]
    return right, mistakes


def _densest(answer, chains, corpus) -> tuple[bool, str]:
    density = chain_density(chains, corpus)
    if not density.notna().any():
        return UNCHECKABLE, "语料里没有文本。"
    right, mistakes = densest_diagnoses(chains, corpus)
    if right == 0:
        return number_feedback(answer, right, 2, mistakes, done="这份语料里没有找到这四类逻辑链，每篇都是 0。")
    return number_feedback(answer, right, 2, mistakes, done=f"是 {density.idxmax()}：每千字 {right:.2f} 条。")


_POSITIVES = ["推动产业从“制造”迈向“智造”。", "实现从“跟跑”迈向“领跑”。", "城市从“建设”迈向“治理”。"]
_NEGATIVES = [
    ("推动产业迈向高端。", "plain"),
    ("从制造业来看，迈向高端是方向。", "plain"),
    ("从“十四五”开局之年起步，迈向“十五五”。", "far"),
    ("模板写作从“”迈向“”，待填写。", "empty"),
    ("从“研发”走向“应用”，“中试”迈向“量产”。", "runs_past"),
    ("推动产业从“制造”迈向高端。", "b_unquoted"),
    ("推动产业从“制造”迈向“”，待填写。", "b_empty"),
]
_NEGATIVE_WHY = {
    "plain": "没有引号的句子也匹配了：A 和 B 都要在引号“”里。",
    "far": "“从“A”……迈向“B””中间隔了别的字也匹配了：右引号”后面要紧跟“迈向”。",
    "empty": "引号里是空的也匹配了：引号中间至少要有一个字（用 + 而不是 *）。",
    "runs_past": "引号里的内容越过了右引号”：用 .+ 会一直匹配下去，应该写“不是右引号的字”[^”]+。",
    "b_unquoted": "“迈向”后面没有引号的句子也匹配了：B 也要在引号“”里，模式在“迈向”之后还要写出 B 的两个引号。",
    "b_empty": "B 的引号里是空的也匹配了：B 和 A 一样，引号中间至少要有一个字（用 + 而不是 *）。",
}


def _pattern_catches(pattern) -> tuple[bool, str]:
    import re

    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return False, f"这不是合法的正则表达式：{exc}"
    missed = [t for t in _POSITIVES if not compiled.search(t)]
    wrong = [(t, why) for t, why in _NEGATIVES if compiled.search(t)]
    if not missed and not wrong:
        return True, f"{len(_POSITIVES)} 个正例都找到了，{len(_NEGATIVES)} 个反例都没有误报。"
    if missed:
        if "“" not in pattern and "\u201c" not in pattern:
            return False, f"漏掉了 {len(missed)} 个正例，例如：{missed[0]}——模式里要写出中文引号“和”。"
        return False, f"漏掉了 {len(missed)} 个正例，例如：{missed[0]}"
    text, why = wrong[0]
    return False, f"误报了 {len(wrong)} 个反例，例如：{text}。{_NEGATIVE_WHY[why]}"


_SERIES = [
    ("推动形成“研发—中试—量产”良性循环。", True, ""),
    ("打通“原料—加工—销售”全链条。", True, ""),
    ("构建“人才—技术—产业”联动机制。", True, ""),
    ("推动创新链—产业链—资金链—人才链深度融合。", False, "fuse"),
    ("我国拥有深圳—香港—广州等科技创新集群。", False, "fuse"),
    ("分析“主体—要素—环境”的耦合。", False, "fuse"),
    ("在循环经济领域，推动“高校—企业—园区”协同融合。", False, "before"),
]


def _decides_flow(func) -> tuple[bool, str]:
    wrong = []
    for text, want, case in _SERIES:
        try:
            got = func(text)
        except Exception as exc:  # noqa: BLE001 - report a student's error as a message
            return False, f"输入 {text!r} 时函数出错：{type(exc).__name__}: {exc}"
        if bool(got) != want:
            wrong.append((text, want, case))
    if not wrong:
        return True, f"{len(_SERIES)} 个句子全部判断正确。"
    if all(not want for _, want, _ in wrong) and len(wrong) == sum(not w for _, w, _ in _SERIES):
        return False, "凡是有破折号的句子都判成了链条：要看破折号串后面紧跟的词是“流动”还是“并列”。"
    if all(want for _, want, _ in wrong) and len(wrong) == sum(w for _, w, _ in _SERIES):
        return False, "一个链条也没有认出来：看破折号串后面的文字里有没有闭环、循环、联动、链条这类词。"
    text, want, case = wrong[0]
    if case == "before":
        return False, (f"“{text}”里的“循环”在破折号串前面，说的不是这串词：只看最后一个破折号之后的文字。")
    what = "是链条（文本说它在流动或循环）" if want else "只是并列的集合"
    return False, f"{len(wrong)} 句判断错了，例如“{text}”{what}，你的函数判断反了。"


def role_words_diagnoses(chains) -> tuple[set, list[tuple[set | None, str]]]:
    """The right answer to q4 (the role words the corpus's role statements use) and the likely mistakes."""
    roles = chains["roles"]
    right = {r for rs in roles[chains["kind"].isin(["triad", "role"])] for r in rs}
    mistakes = [
        ({r for rs in roles[chains["kind"] == "triad"] for r in rs}, "你只看了 triad（角色组）一类：kind 为 role 的单个角色也要算进去。"),
        ({r for rs in roles[chains["kind"] == "role"] for r in rs}, "你只看了 role（单个角色）一类：kind 为 triad 的角色组也要算进去。"),
        ({n for ns in chains.loc[chains["kind"].isin(["triad", "role"]), "nodes"] for n in ns},
         "这些是节点（角色后面的内容），不是角色词：角色词在 roles 列里。"),
    ]
    try:
        from ...extraction.chains import role_words

        mistakes.append((set(role_words()["role"]), "这是角色词表里的全部词：题目问的是这份语料实际用到了哪些。"))
    except Exception:  # noqa: BLE001 - the word list is only a diagnosis
        pass
    return right, mistakes


def _role_words_used(answer, chains) -> tuple[bool, str]:
    from . import set_feedback

    if any(isinstance(a, (list, tuple)) for a in answer):
        return False, "列表里的每一项应该是一个角色词，而你的列表里有列表：先把每行的 roles 展开、合并成一个列表。"
    right, mistakes = role_words_diagnoses(chains)
    done = f"一共 {len(right)} 个角色词。" if right else "这份语料里没有角色陈述，空列表是对的。"
    return set_feedback([bare_text(a) for a in answer], right, mistakes, what="个", done=done)


q1 = Exercise(
    f"按篇幅算，哪一篇文本的逻辑链（{'、'.join(SCORED_KINDS)} 四类，一行算一条）最密？"
    "回答它的密度：每千字多少条（字数用 corpus 的 n_chars 列），保留两位小数。",
    _densest,
    ("先数每篇有几条这四类的链，再看每篇有多少字：两者都要有。",
     "chains 按 doc_id 分组数行数；corpus 的 n_chars 是每篇的字数；对齐 doc_id 以后相除再乘 1000，取最大值。"),
    'import pandas as pd\n'
    f'main = chains[chains["kind"].isin({json.dumps(list(SCORED_KINDS))})]\n'
    'counts = main.groupby("doc_id").size()\n'
    'chars = pd.Series(corpus["n_chars"].values, index=corpus["doc_id"])\n'
    'density = 1000 * counts.reindex(chars.index, fill_value=0) / chars\n'
    'answer = round(float(density.max()), 2)',
    expects="number",
    diagnoses=densest_diagnoses,
)

q2 = Exercise(
    "写一个正则表达式，找出“从“A”迈向“B””这样的阶段转变（A、B 都在引号里，A、B 都不是空的，"
    "右引号后面紧跟“迈向”）；不带引号或者没有“从”的句子不算。",
    _pattern_catches,
    ("先写出固定不变的字：从、迈向，和两对引号；再想引号中间可以是什么。",
     "引号中间是“不是右引号的任意字，至少一个”，用一个否定字符类加上 +。"),
    'import re\npattern = r"从“[^”]+”迈向“[^”]+”"',
    expects="pattern",
)

q3 = Exercise(
    "写一个函数 flows(text)：句子里用破折号连起来的一串词，如果文本说它们在流动或循环"
    "（紧跟在这串词后面的是闭环、循环、联动、链条……），返回 True；如果只是并列的一组（融合、集群、耦合……），返回 False。",
    _decides_flow,
    ("决定的依据不在破折号本身，而在这串词后面紧跟的那几个字。",
     "准备一个“流动词”列表，看最后一个破折号之后的文字里有没有其中一个；text.rfind(\"—\") 给出最后一个破折号的位置。"),
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
    diagnoses=role_words_diagnoses,
)
