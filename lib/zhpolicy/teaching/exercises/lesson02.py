"""Exercises for lesson 02: ``from zhpolicy.teaching.exercises import lesson02 as ex``.

Each question asks for something the lesson does not print; the checkers recompute the answer
from the student's own token table (``toks``), so they work on any corpus.
"""

from __future__ import annotations

from . import Exercise

PAIR = ("科技创新", "产业创新")


def _content(toks):
    from ...analysis.terms import content_tokens

    return content_tokens(toks)


def _pair_share(toks) -> float:
    content = _content(toks)
    return float(content["token"].isin(PAIR).mean() * 100) if len(content) else 0.0


def _check_pair_share(answer, toks) -> tuple[bool, str]:
    right = _pair_share(toks)
    if 0 < answer <= 1 and right > 1.5:
        return False, "你给的像是一个比例（0–1），题目要的是百分数：再乘以 100。"
    if abs(answer - right) <= 0.05:
        return True, f"这两个词占全部内容词的 {right:.2f}%。"
    if answer > right:
        return False, "偏大了。分母是不是只数了一部分词？"
    return False, "偏小了。分子是不是只数了其中一个词？"


def _ttr(toks):
    content = _content(toks)
    by_doc = content.groupby("doc_id")["token"]
    return (by_doc.nunique() / by_doc.size()).round(6)


def _check_richest(answer, toks) -> tuple[bool, str]:
    ttr = _ttr(toks)
    if not len(ttr):
        return False, "语料里没有内容词，无法比较。"
    answer = str(answer).strip()
    if answer not in ttr.index:
        return False, f"“{answer}”不是语料里的 doc_id（doc_id 形如 {ttr.index[0]}）。"
    best = ttr.max()
    if ttr[answer] == best:
        return True, f"它的类符/形符比是 {best:.3f}。想一想：这和它的长度有什么关系？"
    return False, f"这篇的类符/形符比是 {ttr[answer]:.3f}，还有更高的。"


def _check_least(answer, toks) -> tuple[bool, str]:
    from ...analysis.terms import keyness

    docs = sorted(toks["doc_id"].unique())
    if len(docs) < 2:
        return False, "语料只有一篇文本，没有可以比较的参照文本。"
    table = keyness(toks, docs[-1])
    under = table[table["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])
    if under.empty:
        return False, "这篇文本没有“少用”的词（次数太少）。"
    answer = str(answer).strip()
    if answer == under.iloc[0]["term"]:
        return True, f"G² = {under.iloc[0]['g2']}：它在这篇里出现 {under.iloc[0]['target_count']} 次。"
    if answer in set(table.loc[table["direction"] == "over", "term"]):
        return False, "这个词在这篇文本里是“多用”（over），不是“少用”。"
    if answer in set(under["term"]):
        return False, "它确实是“少用”的词，但不是 G² 最大的那个。"
    if answer not in set(table["term"]):
        return False, "关键性表里没有这个词（是不是停用词，或者全语料出现不到 2 次？）。"
    return False, ""


q1 = Exercise(
    "“科技创新”和“产业创新”两个词加起来，占整个语料全部内容词（去掉停用词和标点）的百分之几？"
    "回答一个百分数（例如 3.5 表示 3.5%），保留两位小数。",
    _check_pair_share,
    ("全部内容词就是 zp.tokens() 表里既不是停用词、也不是标点的那些行；zp.analysis.terms.content_tokens(toks) 直接给出它们。",
     "在内容词表的 token 列里数出这两个词一共有几行，再除以内容词的总行数，最后乘以 100。"),
    'content = zp.analysis.terms.content_tokens(toks)\n'
    'round(content["token"].isin(["科技创新", "产业创新"]).mean() * 100, 2)',
    expects="number",
)

q2 = Exercise(
    "哪一篇文本用词最丰富？用“类符/形符比”（不同内容词的个数 ÷ 内容词总数）来比较，回答这篇文本的 doc_id。",
    _check_richest,
    ("先取出内容词（zp.analysis.terms.content_tokens(toks)），再按 doc_id 分组。",
     "每组里 token 列的 nunique() 是不同词的个数，size() 是总词数；两者相除，再找最大值所在的 doc_id。"),
    'content = zp.analysis.terms.content_tokens(toks)\n'
    'by_doc = content.groupby("doc_id")["token"]\n'
    'ttr = by_doc.nunique() / by_doc.size()\n'
    'ttr.idxmax() if len(ttr) else ""',
    expects="text",
)

q3 = Exercise(
    "以最后一篇文本（按 doc_id 排序）为目标、其余文本为参照，它“少用”得最显著（direction 为 under、G² 最大）的词是什么？",
    _check_least,
    ("zp.keyness(toks, 目标的 doc_id) 给出多用和少用的词；最后一篇是 sorted(toks[\"doc_id\"].unique()) 的最后一个。",
     "只看 direction == \"under\" 的行，按 g2 从大到小排，读第一行的 term。"),
    'last = sorted(toks["doc_id"].unique())[-1]\n'
    'key_last = zp.keyness(toks, last)\n'
    'under = key_last[key_last["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])\n'
    'under["term"].iloc[0] if len(under) else ""',
    expects="text",
)
