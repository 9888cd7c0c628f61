"""Exercises for lesson 01: ``from zhpolicy.teaching.exercises import lesson01 as ex``.

Each question asks for something the lesson does not print; each checker recomputes the answer
from the corpus it is given, so the exercises work on the seeds and on any folder of one's own.
The likely mistakes are recomputed and named: the net change, the difference of lengths or of
character counts where the deleted characters are asked; the kept share, a proportion, a count
or ``len()`` where the removed percentage of ``n_chars`` is asked; a bracket pattern that deletes
too much or too little."""

from __future__ import annotations

from . import PROPORTION_FOR_PERCENT, UNCHECKABLE, Exercise, number_feedback

#: The removal steps lesson 01 names in its own code (``removal_steps``).
REMOVAL_STEPS = ("strip_boilerplate", "drop_truncated_teaser", "drop_repeated_lines")


def chars_removed_diagnoses(corpus) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q1 (characters removed by cleaning, all documents and steps) and the
    likely mistakes, each ``(value, message)``."""
    from ...reading.clean import cleaning_audit

    audit = cleaning_audit(corpus)
    right = int(audit["chars_removed"].sum())
    by_doc = audit.groupby("doc_id")["chars_removed"].sum()
    mistakes = [
        (right - int(audit["chars_added"].sum()),
         "你减去了清洗加进来的字符（chars_added）：题目只问删掉了多少，不扣除增加的。"),
        (int((corpus["raw"].str.len() - corpus["text"].str.len()).sum()) if "raw" in corpus else None,
         "这是原文和清洗后文本的长度之差（len(raw) − len(text)）：一处替换（删一个、加一个）在差里抵消了，"
         "全角标点换成半角也不改变长度。题目要的是审计表里删掉的字符数（chars_removed）。"),
        (int((corpus["n_chars_raw"] - corpus["n_chars"]).sum()),
         "这是清洗前后字数（n_chars_raw − n_chars）之差：这两列不计空白和换行，而且一处替换（删一个、加一个）"
         "在差里抵消了。题目要的是审计表里删掉的字符数。"),
        (int(audit["changes"].sum()), "你加起来的是改动处数（changes），不是删掉的字符数（chars_removed）。"),
        (int(audit.loc[audit["step"].isin(REMOVAL_STEPS), "chars_removed"].sum()),
         "你只算了删除杂质的三个步骤（removal_steps）；题目要的是所有步骤删掉的字符，包括换行、空格和被替换的标点。"),
    ]
    if len(by_doc) > 1:
        mistakes += [(int(v), "这只是其中一篇文本删掉的字符数：题目要把所有文档加起来。") for v in by_doc]
    return right, mistakes


def _chars_removed(answer, corpus) -> tuple[bool, str]:
    if corpus.empty:
        return UNCHECKABLE, "语料里没有文本。"
    right, mistakes = chars_removed_diagnoses(corpus)
    return number_feedback(answer, right, 0, mistakes, done=f"清洗一共删掉了 {right} 个字符（含换行和空格）。",
                           bigger="多了。", smaller="少了。")


def shrink_shares(corpus):
    """Per document, the share of characters cleaning removed (1 − n_chars ÷ n_chars_raw), in %."""
    raw = corpus["n_chars_raw"].where(corpus["n_chars_raw"] > 0)
    return ((1 - corpus["n_chars"] / raw).fillna(0) * 100).set_axis(corpus["doc_id"])


def most_shrunk_diagnoses(corpus) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q2 (the largest share of characters removed, in %) and the likely mistakes."""
    shares = shrink_shares(corpus)
    right = float(shares.max())
    removed = (corpus["n_chars_raw"] - corpus["n_chars"]).set_axis(corpus["doc_id"])
    over_clean = (removed / corpus["n_chars"].where(corpus["n_chars"] > 0).set_axis(corpus["doc_id"])) * 100
    by_len = None
    if "raw" in corpus and "text" in corpus:
        lengths = corpus["raw"].str.len().where(lambda n: n > 0)
        by_len = float(((1 - corpus["text"].str.len() / lengths).fillna(0) * 100).max())
    mistakes = [
        (right / 100, PROPORTION_FOR_PERCENT),
        (100 - right, "这是清洗后保留下来的比例（n_chars ÷ n_chars_raw）：题目问的是减少的比例，用 1 减去它。"),
        (float(over_clean.max()) if over_clean.notna().any() else None,
         "分母用错了：比例要除以清洗前的字数 n_chars_raw，而不是清洗后的 n_chars。"),
        (by_len, "你用 len() 数了字数（len(raw)、len(text)），它把空格和换行也算进去了：题目用 n_chars_raw 和 "
                 "n_chars 两列（不计空白）。"),
        (float(removed.max()), "这是删掉的字数（n_chars_raw − n_chars）：题目问的是占原有字数的百分之几，还要除以 n_chars_raw。"),
        (float(shares.get(removed.idxmax(), float("nan"))),
         "这是删掉的字数最多的那一篇：题目比的是比例（删掉的 ÷ 原有的），不是字数；长文本删掉的字数自然多。"),
        (float(shares.min()) if len(shares) > 1 else None, "这是减少比例最小的一篇：题目问的是最大的。"),
    ]
    return right, mistakes


def _most_shrunk(answer, corpus) -> tuple[bool, str]:
    shares = shrink_shares(corpus)
    if shares.empty:
        return UNCHECKABLE, "语料里没有文本。"
    right, mistakes = most_shrunk_diagnoses(corpus)
    return number_feedback(answer, right, 1, mistakes,
                           done=f"是 {shares.idxmax()}：清洗后少了 {right:.1f}% 的字（不计空白）。")


_BRACKET_CASES = [
    ("【本文作者为某研究院研究员】", "", "whole"),
    ("正文第一句。【编者按：略】正文第二句。", "正文第一句。正文第二句。", "inside"),
    ("没有方括号的句子保持不变。", "没有方括号的句子保持不变。", "none"),
    ("两处【甲】和【乙】都要删。", "两处和都要删。", "two"),
    ("引用标号[1]不是全角方括号，要保留。", "引用标号[1]不是全角方括号，要保留。", "halfwidth"),
]


def _bracket_problem(text: str, expected: str, case: str, got) -> str:
    """What a strip_brackets function that returned *got* for *text* most likely did wrong."""
    if got is None:
        return "函数没有返回结果（是不是忘了写 return？）。"
    if not isinstance(got, str):
        return f"函数应返回一段文字（str），而不是 {type(got).__name__}。"
    if got == text:
        return f"输入 {text!r} 时函数什么也没改：【…】还在。"
    if case == "halfwidth":
        return f"输入 {text!r} 时把半角方括号 [1] 也删了：题目只删全角的【】，引用标号要保留。"
    if case == "two" and got == "两处都要删。":
        return (f"输入 {text!r} 时删多了：两对【】之间的“和”也被删掉了——.* 会一直匹配到最后一个】。"
                "中间的字符不能包括】。")
    if got == text.replace("【", "").replace("】", ""):
        return f"输入 {text!r} 时只删了括号本身，括号里的文字还在：要连同里面的内容一起删。"
    if len(got) > len(expected):
        return f"输入 {text!r} 时留下了应该删掉的文字。"
    if len(got) < len(expected):
        return f"输入 {text!r} 时删多了：【】以外的文字也不见了。"
    return f"输入 {text!r} 时结果不一样（看看返回的文字有什么不同）。"


def _strip_brackets(func) -> tuple[bool, str]:
    for text, expected, case in _BRACKET_CASES:
        try:
            got = func(text)
        except Exception as exc:  # noqa: BLE001 - report a student's error as a message
            return False, f"输入 {text!r} 时函数出错：{type(exc).__name__}: {exc}"
        if got != expected:
            return False, _bracket_problem(text, expected, case, got)
    return True, f"{len(_BRACKET_CASES)} 个测试全部通过。"


q1 = Exercise(
    "清洗一共删掉了多少个字符？把所有文档、所有清洗步骤删掉的字符数加起来（包括换行和空格；"
    "被替换的字符也算删掉了一个）。回答一个整数。",
    _chars_removed,
    ("清洗审计表 audit 里每一行是“一篇文档 × 一个步骤”，有一列记录这一步删掉了几个字符。",
     "不要用 n_chars_raw − n_chars：这两列不计空白。对审计表里“删掉的字符”那一整列求和。"),
    'audit = zp.cleaning_audit(corpus)\nanswer = int(audit["chars_removed"].sum()) if len(audit) else 0',
    expects="integer",
    diagnoses=chars_removed_diagnoses,
)

q2 = Exercise(
    "清洗时字数减少的比例（1 − 清洗后字数 n_chars ÷ 原始字数 n_chars_raw）最大的那篇文本，"
    "减少了百分之几？回答一个百分数，保留一位小数（例如 5.3 表示 5.3%）。",
    _most_shrunk,
    ("corpus 里有两列字数：清洗前的 n_chars_raw 和清洗后的 n_chars；每篇算一个比例，再取最大的。",
     "两列相除得到一列（每篇一个数），用 1 减去它、乘以 100，再用 .max()；最后 round(…, 1)。"),
    'share = 1 - corpus["n_chars"] / corpus["n_chars_raw"]\nanswer = round(float(share.max()) * 100, 1)',
    expects="number",
    diagnoses=most_shrunk_diagnoses,
)

q3 = Exercise(
    "写一个清洗函数 strip_brackets(text)：删掉全角方括号【…】及其中的内容，其余文字不变"
    "（半角的 [1] 是引用标号，要保留）。",
    _strip_brackets,
    ("用 re.sub(模式, \"\", text) 把匹配到的部分替换成空字符串。",
     "模式从【开始、到】结束；中间的字符不能包括】，否则两对【】会被当成一对。",
     "半角的 [1] 是引用标号，模式里只写全角的【和】。"),
    'import re\n\n\ndef strip_brackets(text):\n    return re.sub(r"【[^】]*】", "", text)',
    expects="function",
)
