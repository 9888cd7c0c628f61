"""Exercises for lesson 01: ``from zhpolicy.teaching.exercises import lesson01 as ex``.

Each question asks for something the lesson does not print; each checker recomputes the answer
from the corpus it is given, so the exercises work on the seeds and on any folder of one's own."""

from __future__ import annotations

from . import Exercise


def _chars_removed(answer, corpus) -> tuple[bool, str]:
    from ...reading.clean import cleaning_audit

    right = int(cleaning_audit(corpus)["chars_removed"].sum())
    if int(answer) == right:
        return True, f"清洗一共删掉了 {right} 个字符（含换行）。"
    off = abs(int(answer) - right) / max(right, 1)
    side = "多" if int(answer) > right else "少"
    near = "很接近了，检查是不是漏了某一步或某一篇" if off < 0.1 else "差得较多"
    return False, f"{side}了，{near}。"


def _most_shrunk(answer, corpus) -> tuple[bool, str]:
    share = 1 - corpus["n_chars"] / corpus["n_chars_raw"].where(corpus["n_chars_raw"] > 0)
    table = corpus.assign(share=share.fillna(0)).sort_values(["share", "doc_id"], ascending=[False, True])
    right = table.iloc[0]["doc_id"]
    if str(answer) == right:
        return True, f"这篇清洗后少了 {table.iloc[0]['share']:.1%} 的字。"
    if str(answer) not in set(corpus["doc_id"]):
        return False, f"“{answer}”不是语料里的 doc_id（doc_id 区分大小写，子文件夹里的文件带着文件夹名）。"
    mine = table.set_index("doc_id").loc[str(answer), "share"]
    return False, f"这篇只少了 {mine:.1%}，还有减少比例更大的一篇。比较的是比例，不是删掉的字数。"


_BRACKET_CASES = [
    ("【本文作者为某研究院研究员】", ""),
    ("正文第一句。【编者按：略】正文第二句。", "正文第一句。正文第二句。"),
    ("没有方括号的句子保持不变。", "没有方括号的句子保持不变。"),
    ("两处【甲】和【乙】都要删。", "两处和都要删。"),
    ("引用标号[1]不是全角方括号，要保留。", "引用标号[1]不是全角方括号，要保留。"),
]


def _strip_brackets(func) -> tuple[bool, str]:
    for text, expected in _BRACKET_CASES:
        try:
            got = func(text)
        except Exception as exc:  # noqa: BLE001 - report a student's error as a message
            return False, f"输入 {text!r} 时函数出错：{type(exc).__name__}: {exc}"
        if not isinstance(got, str):
            return False, f"函数应返回一段文字（str），而不是 {type(got).__name__}。"
        if got != expected:
            if len(got) > len(expected):
                why = "留下了应该删掉的文字"
            elif len(got) < len(expected):
                why = "删多了：【】以外的文字也不见了（是不是把两对【】之间的文字也删了？）"
            else:
                why = "结果不一样"
            return False, f"输入 {text!r} 时{why}。"
    return True, f"{len(_BRACKET_CASES)} 个测试全部通过。"


q1 = Exercise(
    "清洗一共删掉了多少个字符？把所有文档、所有清洗步骤删掉的字符数加起来（整数）。",
    _chars_removed,
    ("清洗审计表 audit 里每一行是“一篇文档 × 一个步骤”。",
     "有一列记录每一步删掉的字符数；对整列求和即可。"),
    'audit = zp.cleaning_audit(corpus)\nint(audit["chars_removed"].sum())',
    expects="integer",
)

q2 = Exercise(
    "哪一篇文本在清洗中减少的比例最大（1 − 清洗后字数 ÷ 原始字数）？回答它的 doc_id。",
    _most_shrunk,
    ("corpus 里有两列字数：清洗前的 n_chars_raw 和清洗后的 n_chars。",
     "先算出每篇的减少比例（一列新的 Series），再找最大值所在的行。"),
    'share = 1 - corpus["n_chars"] / corpus["n_chars_raw"]\ncorpus.loc[share.idxmax(), "doc_id"]',
    expects="text",
)

q3 = Exercise(
    "写一个清洗函数 strip_brackets(text)：删掉全角方括号【…】及其中的内容，其余文字不变。",
    _strip_brackets,
    ("用 re.sub(模式, \"\", text) 把匹配到的部分替换成空字符串。",
     "模式从【开始、到】结束；中间的字符不能包括】，否则两对【】会被当成一对。",
     "半角的 [1] 是引用标号，模式里只写全角的【和】。"),
    'import re\n\ndef strip_brackets(text):\n    return re.sub(r"【[^】]*】", "", text)',
    expects="function",
)
