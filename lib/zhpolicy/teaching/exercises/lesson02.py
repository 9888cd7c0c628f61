"""Exercises for lesson 02: ``from zhpolicy.teaching.exercises import lesson02 as ex``.

Each question asks for something the lesson does not print; the checkers recompute the answer
from the student's own token table (``toks``), so they work on any corpus. The likely mistakes
(a proportion for a percentage or a percentage for a ratio, the wrong denominator, one term of
two, strings counted where words were asked, the whole text where its first words were asked,
the first document's keyness table for the last one's) are recomputed and named; quotation
marks typed around a word are ignored.
"""

from __future__ import annotations

from . import PROPORTION_FOR_PERCENT, UNCHECKABLE, Exercise, bare_text, number_feedback

PAIR = ("科技创新", "产业创新")
#: How many content words of each document the vocabulary question compares (a standardised TTR).
FIRST_WORDS = 200


def _content(toks):
    from ...analysis.terms import content_tokens

    return content_tokens(toks)


def _share(numerator: float, denominator: float) -> float | None:
    return 100 * numerator / denominator if denominator else None


def pair_share_diagnoses(toks) -> tuple[float | None, list[tuple[float | None, str]]]:
    """The right answer to q1 (the two terms' share of all content words, in %) and the likely mistakes."""
    content = _content(toks)
    both = int(content["token"].isin(PAIR).sum())
    right = _share(both, len(content))
    no_punct = toks[~toks["is_punct"]]
    first, second = (int((content["token"] == term).sum()) for term in PAIR)
    texts = _texts(toks)
    strings = sum(text.count(term) for text in texts for term in PAIR) if texts else None
    mistakes = [
        (right / 100 if right is not None else None, PROPORTION_FOR_PERCENT),
        (_share(both, len(toks)), "分子对了，分母用错了：你除以的是全部词（含停用词和标点），题目的分母是内容词。"),
        (_share(both, len(no_punct)), "分子对了，分母用错了：你只去掉了标点，停用词也要去掉。"),
        (_share(both, content["token"].nunique()),
         "分子对了，分母用错了：你除以的是不同内容词的个数（nunique），分母应该是内容词的总数（行数）。"),
        (_share(first, len(content)), f"分母对了，分子只数了“{PAIR[0]}”：两个词要加起来。"),
        (_share(second, len(content)), f"分母对了，分子只数了“{PAIR[1]}”：两个词要加起来。"),
        (_share(strings, len(content)) if strings is not None else None,
         "分母对了，分子数的是字串（str.count）：“科技创新”藏在更长的词里时也被数进去了（本课第 7 节的“字串与词”）。"
         "题目数的是分词表里的词：在内容词的 token 列里数。"),
    ]
    return right, mistakes


def _texts(toks) -> list[str]:
    """The documents' texts rebuilt from the token table (its tokens joined), for string counts."""
    return [("".join(part)) for _, part in toks.groupby("doc_id", sort=True)["token"]] if len(toks) else []


def _check_pair_share(answer, toks) -> tuple[bool, str]:
    if not len(_content(toks)):
        return UNCHECKABLE, "语料里没有内容词，无从计算。"
    right, mistakes = pair_share_diagnoses(toks)
    return number_feedback(answer, right, 2, mistakes, done=f"这两个词占全部内容词的 {right:.2f}%。")


def first_words_ttr(toks, n: int = FIRST_WORDS):
    """Per document, the type/token ratio of its first *n* content words (all of them when it has fewer)."""
    by_doc = _content(toks).groupby("doc_id").head(n).groupby("doc_id")["token"]
    return by_doc.nunique() / by_doc.size()


def _whole_text_ttr(toks):
    whole = _content(toks).groupby("doc_id")["token"]
    return whole.nunique() / whole.size()


def richest_diagnoses(toks) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q2 (the highest TTR of each document's first 200 content words) and the likely mistakes."""
    ttr = first_words_ttr(toks)
    right = float(ttr.max())
    content = _content(toks)
    with_stop = toks[~toks["is_punct"]].groupby("doc_id").head(FIRST_WORDS).groupby("doc_id")["token"]
    all_rows = toks.groupby("doc_id").head(FIRST_WORDS).groupby("doc_id")["token"]
    mistakes = [
        (right * 100, "TTR 是一个比值（不同词 ÷ 全部词），在 0 和 1 之间：不要乘以 100。"),
        (float(_whole_text_ttr(toks).max()),
         f"这是用全文算出的最高 TTR：题目只取每篇的前 {FIRST_WORDS} 个内容词，好让长短不同的文本可以比较。"),
        (float((ttr ** -1).max()), "你把分子分母颠倒了：TTR = 不同词的个数 ÷ 词的总数，不会大于 1。"),
        (float(ttr.min()) if len(ttr) > 1 else None, "这是最低的 TTR：题目问的是最高的。"),
        (float((with_stop.nunique() / with_stop.size()).max()),
         f"你取的前 {FIRST_WORDS} 个词里还有停用词：先用 content_tokens 去掉停用词和标点，再取前 {FIRST_WORDS} 个。"),
        (float((all_rows.nunique() / all_rows.size()).max()),
         f"你取的前 {FIRST_WORDS} 个词里还有停用词和标点：先用 content_tokens 只留内容词，再取前 {FIRST_WORDS} 个。"),
        (content["token"].nunique() / len(content),
         "这是整个语料的一个比值（全部不同词 ÷ 全部词）：题目要按文本分组（groupby），每篇算一个，再取最大的。"),
    ]
    return right, mistakes


def _check_richest(answer, toks) -> tuple[bool, str]:
    ttr = first_words_ttr(toks)
    if not len(ttr):
        return UNCHECKABLE, "语料里没有内容词，无法比较。"
    best = ttr.idxmax()
    right, mistakes = richest_diagnoses(toks)
    whole_best = _whole_text_ttr(toks).idxmax()
    done = f"是 {best}：它前 {FIRST_WORDS} 个内容词的 TTR 是 {right:.3f}。"
    if whole_best != best:
        done += f"用全文算时，最高的却是 {whole_best}——长文本里重复的词更多，全文的 TTR 偏低，所以要取同样多的词来比。"
    return number_feedback(answer, right, 3, mistakes, done=done)


def last_document_keyness(toks):
    """The keyness table of the last document (by doc_id) against the others."""
    from ...analysis.terms import keyness

    docs = sorted(toks["doc_id"].unique())
    return docs, (keyness(toks, docs[-1]) if len(docs) > 1 else None)


def _check_least(answer, toks) -> tuple[bool, str]:
    from ...analysis.terms import keyness

    docs, table = last_document_keyness(toks)
    if table is None:
        return UNCHECKABLE, "语料只有一篇文本，没有可以比较的参照文本。"
    under = table[table["direction"] == "under"]
    if under.empty:
        return UNCHECKABLE, "这篇文本没有“少用”的词（次数太少）。"
    answer = bare_text(answer)
    top = under[under["g2"] == under["g2"].max()]
    if answer in set(top["term"]):
        row = top[top["term"] == answer].iloc[0]
        return True, f"G² = {row['g2']}：它在这篇里出现 {row['target_count']} 次，在其余文本里 {row['reference_count']} 次。"
    first = keyness(toks, docs[0])
    first_under = first[first["direction"] == "under"]
    if len(first_under) and answer in set(first_under.loc[first_under["g2"] == first_under["g2"].max(), "term"]):
        return False, "这是第一篇文本“少用”得最显著的词（上面打印的那张表）：题目问的是按 doc_id 排序的最后一篇。"
    if answer in set(under.loc[under["log_ratio"] == under["log_ratio"].min(), "term"]):
        return False, "你按对数比（log_ratio）选的：题目要按 G²（g2 列）从大到小排。"
    if answer in set(table.loc[table["direction"] == "over", "term"]):
        return False, "这个词在这篇文本里是“多用”（over），不是“少用”。"
    if answer in set(under["term"]):
        return False, "它确实是“少用”的词，但不是 G² 最大的那个。"
    if answer not in set(table["term"]):
        return False, "关键性表里没有这个词（是不是停用词，或者全语料出现不到 2 次？）。"
    return False, ""


q1 = Exercise(
    "“科技创新”和“产业创新”两个词加起来，占整个语料全部内容词（去掉停用词和标点）的百分之几？"
    "回答一个百分数，保留两位小数（例如 3.51 表示 3.51%）。",
    _check_pair_share,
    ("全部内容词就是 zp.tokens() 表里既不是停用词、也不是标点的那些行；zp.analysis.terms.content_tokens(toks) 直接给出它们。",
     "在内容词表的 token 列里数出这两个词一共有几行（分子），再除以内容词的总行数（分母），最后乘以 100。"),
    'content = zp.analysis.terms.content_tokens(toks)\n'
    'answer = round(content["token"].isin(["科技创新", "产业创新"]).mean() * 100, 2)',
    expects="number",
    diagnoses=pair_share_diagnoses,
)

q2 = Exercise(
    f"类符/形符比（TTR，不同内容词的个数 ÷ 内容词总数）受篇幅影响：文本越长，重复的词越多，TTR 越低。"
    f"为了公平比较，每篇只取前 {FIRST_WORDS} 个内容词（不足 {FIRST_WORDS} 个的用全部）计算 TTR。"
    "各篇中最高的 TTR 是多少？保留三位小数。",
    _check_richest,
    ("先取出内容词（zp.analysis.terms.content_tokens(toks)），它们按原文顺序排列；按 doc_id 分组后 .head(200) 取每篇的前 200 个。",
     "对取出的词再按 doc_id 分组，token 列的 nunique() 是不同词的个数，size() 是总词数；两者相除得到每篇的 TTR，再取最大值。"),
    'content = zp.analysis.terms.content_tokens(toks)\n'
    f'first = content.groupby("doc_id").head({FIRST_WORDS}).groupby("doc_id")["token"]\n'
    'ttr = first.nunique() / first.size()\n'
    'answer = round(float(ttr.max()), 3)',
    expects="number",
    diagnoses=richest_diagnoses,
)

q3 = Exercise(
    "以最后一篇文本（按 doc_id 排序）为目标、其余文本为参照，它“少用”得最显著（direction 为 under、G² 最大）的词是什么？"
    "（G² 相同时，其中任何一个都算对。）",
    _check_least,
    ("zp.keyness(toks, 目标的 doc_id) 给出多用和少用的词；最后一篇是 sorted(toks[\"doc_id\"].unique()) 的最后一个。",
     "只看 direction == \"under\" 的行，按 g2 从大到小排，读第一行的 term。"),
    'last = sorted(toks["doc_id"].unique())[-1]\n'
    'key_last = zp.keyness(toks, last)\n'
    'under = key_last[key_last["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])\n'
    'answer = under["term"].iloc[0] if len(under) else ""',
    expects="text",
)
