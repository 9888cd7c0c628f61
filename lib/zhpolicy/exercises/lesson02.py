"""Exercises for lesson 02: ``from zhpolicy.exercises import lesson02 as ex``."""

from __future__ import annotations

from . import Exercise


def _top_term(answer, toks) -> tuple[bool, str]:
    from ..terms import corpus_frequencies

    top = corpus_frequencies(toks).iloc[0]
    if str(answer).strip() == top["term"]:
        return True, f"它一共出现 {top['count']} 次。"
    return False, ""


def _rate_in_longest(answer, toks) -> tuple[bool, str]:
    from ..terms import doc_lengths, term_frequencies

    longest = doc_lengths(toks).sort_values(ascending=False).index[0]
    freqs = term_frequencies(toks)
    row = freqs[(freqs["doc_id"] == longest) & (freqs["term"] == "科技创新")]
    right = float(row["per_10k"].iloc[0]) if len(row) else 0.0
    if abs(float(answer) - right) <= 0.01:
        return True, f"最长的是 {longest}，每万字 {right} 次。"
    return False, f"你的答案 {answer} 与正确值相差 {abs(float(answer) - right):.2f}。"


def _first_key_term(answer, toks) -> tuple[bool, str]:
    from ..terms import keyness

    first = sorted(toks["doc_id"].unique())[0]
    table = keyness(toks, first)
    top = table[table["direction"] == "over"].iloc[0]
    if str(answer).strip() == top["term"]:
        return True, f"G² = {top['g2']}，在 {first} 中出现 {top['target_count']} 次，其余文本中 {top['reference_count']} 次。"
    return False, ""


q1 = Exercise(
    "去掉停用词和标点以后，整个语料中出现次数最多的词是什么？",
    _top_term,
    "zp.corpus_frequencies(toks) 已经按次数从高到低排好了，看第一行的 term。",
    'zp.corpus_frequencies(toks).iloc[0]["term"]',
)

q2 = Exercise(
    "在字数最多的那篇文本里，“科技创新”每万字出现多少次？（保留两位小数）",
    _rate_in_longest,
    "先用 zp.terms.doc_lengths(toks) 找到最长的文本，再在 zp.term_frequencies(toks) 里筛选这篇文本和这个词，读 per_10k 列。",
    'longest = zp.terms.doc_lengths(toks).idxmax()\nfreqs = zp.term_frequencies(toks)\n'
    'freqs.query("doc_id == @longest and term == \'科技创新\'")["per_10k"].iloc[0]',
)

q3 = Exercise(
    "与其余文本相比，第一篇文本（按 doc_id 排序）里关键性最高、被“多用”的词是什么？",
    _first_key_term,
    "zp.keyness(toks, 第一篇的doc_id) 的结果已经按“多用”程度排序，第一行就是。",
    'first = sorted(toks["doc_id"].unique())[0]\nzp.keyness(toks, first).iloc[0]["term"]',
)
