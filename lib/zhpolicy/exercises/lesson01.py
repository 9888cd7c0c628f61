"""Exercises for lesson 01: ``from zhpolicy.exercises import lesson01 as ex``."""

from __future__ import annotations

from . import Exercise


def _longest_sentences(answer, corpus) -> tuple[bool, str]:
    from ..structure import document_stats

    stats = document_stats(corpus).sort_values(["mean_sentence_chars", "doc_id"], ascending=[False, True])
    right = stats.iloc[0]["doc_id"]
    if str(answer) == right:
        return True, f"平均句长 {stats.iloc[0]['mean_sentence_chars']} 字。"
    if str(answer) not in set(stats["doc_id"]):
        return False, f"“{answer}”不是语料里的 doc_id。"
    return False, ""


def _citation_count(answer, corpus) -> tuple[bool, str]:
    from ..numbers import CITATION

    right = sum(len(CITATION.findall(t)) for t in corpus["text"])
    if int(answer) == right:
        return True, f"一共 {right} 个引用标号。"
    return False, f"你的答案是 {answer}，{'多' if int(answer) > right else '少'}了。"


_BRACKET_CASES = [
    ("【本文作者为某研究院研究员】", ""),
    ("正文第一句。【编者按：略】正文第二句。", "正文第一句。正文第二句。"),
    ("没有方括号的句子保持不变。", "没有方括号的句子保持不变。"),
    ("两处【甲】和【乙】都要删。", "两处和都要删。"),
    ("引用标号[1]不是全角方括号，要保留。", "引用标号[1]不是全角方括号，要保留。"),
]


def _strip_brackets(func) -> tuple[bool, str]:
    for text, expected in _BRACKET_CASES:
        got = func(text)
        if got != expected:
            return False, f"输入 {text!r} 应得到 {expected!r}，你的函数给出 {got!r}。"
    return True, f"{len(_BRACKET_CASES)} 个测试全部通过。"


q1 = Exercise(
    "哪一篇文本的平均句长最长？回答它的 doc_id。",
    _longest_sentences,
    "zp.document_stats(corpus) 有一列 mean_sentence_chars；用 sort_values 或 idxmax 找最大的一行。",
    'stats = zp.document_stats(corpus)\nstats.loc[stats["mean_sentence_chars"].idxmax(), "doc_id"]',
)

q2 = Exercise(
    "清洗后的语料里一共有多少个引用标号（形如 [1]、[10]）？",
    _citation_count,
    "用正则表达式 r\"\\[\\d+\\]\" 和 str.count / re.findall，在 corpus['text'] 的每一篇里数，再加起来。",
    'import re\nsum(len(re.findall(r"\\[\\d+\\]", t)) for t in corpus["text"])',
)

q3 = Exercise(
    "写一个清洗函数 strip_brackets(text)：删掉全角方括号【…】及其中的内容，其余文字不变。",
    _strip_brackets,
    "re.sub(r\"【[^】]*】\", \"\", text) 会删除每一对【】及中间不含】的文字。注意不要动半角的 [1]。",
    'import re\n\ndef strip_brackets(text):\n    return re.sub(r"【[^】]*】", "", text)',
)
