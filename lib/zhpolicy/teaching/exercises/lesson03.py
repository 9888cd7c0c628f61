"""Exercises for lesson 03: ``from zhpolicy.teaching.exercises import lesson03 as ex``.

Each question asks for something the lesson does not print; the checkers recompute the answer
from the student's own coded paragraphs, so they work on any corpus. The likely mistakes (the
pair that co-occurs most often or the two most frequent themes taken for the pair with the
highest Jaccard coefficient, the smaller theme as its denominator, hit counts summed where themes
were to be counted, the corpus-wide mean where a document's was asked, an AND rule that excludes
every paragraph) are recomputed and named; a codebook cell may be any list-like of words.
"""

from __future__ import annotations

import itertools

from . import UNCHECKABLE, Exercise, as_items, number_feedback


def pair_counts(coded, themes_list) -> dict[tuple[str, str], int]:
    """Paragraphs coded with both themes, for every pair of themes."""
    hits = coded[list(themes_list)] > 0
    return {(a, b): int((hits[a] & hits[b]).sum()) for a, b in itertools.combinations(themes_list, 2)}


def pair_jaccard(coded, themes_list) -> dict[tuple[str, str], tuple[int, int]]:
    """For every pair of themes: paragraphs coded with both, and with at least one of them
    (their ratio is the Jaccard coefficient, as the co-word network of section 6 computes it)."""
    hits = coded[list(themes_list)] > 0
    return {(a, b): (int((hits[a] & hits[b]).sum()), int((hits[a] | hits[b]).sum()))
            for a, b in itertools.combinations(themes_list, 2)}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _best(scores: dict) -> set[frozenset]:
    """The pairs (as frozensets) with the highest score."""
    top = max(scores.values(), default=None)
    return {frozenset(pair) for pair, score in scores.items() if top is not None and score == top}


def pair_diagnoses(coded, themes_list) -> tuple[set[frozenset], list[tuple[set[frozenset], str]]]:
    """The right answer to q1 (the pairs of themes with the highest Jaccard coefficient) and the
    likely mistakes, each ``(pairs it gives, message)``."""
    names = list(themes_list)
    jaccard = pair_jaccard(coded, names)
    right = _best({pair: _ratio(both, either) for pair, (both, either) in jaccard.items()})
    hits = coded[names] > 0
    size = hits.sum()
    frequent = size.sort_values(ascending=False, kind="stable").index[:2]
    by_share = hits.groupby(coded["doc_id"]).mean().mean().sort_values(ascending=False, kind="stable").index[:2]
    mistakes = [
        (_best({pair: both for pair, (both, _) in jaccard.items()}),
         "这一对同时出现的段落最多，但题目比的是 Jaccard 系数：还要除以至少编码了其中一个的段落数（用 | 连起来）。"
         "常见的主题和谁都常同时出现，除以并集才公平。"),
        ({frozenset(frequent), frozenset(by_share)} if len(frequent) == 2 else set(),
         "这是各自编码段落最多的两个主题（单独看每个主题的多少）：题目问的是两个主题一起出现的程度——要两列一起看，"
         "同时有（&）的段落数 ÷ 至少有一个（|）的段落数。"),
        (_best({pair: _ratio(both, min(size[pair[0]], size[pair[1]])) for pair, (both, _) in jaccard.items()}),
         "分母用错了：你除以的是两个主题中较少的那个的段落数；Jaccard 的分母是至少编码了其中一个的段落数（并集，用 |）。"),
    ]
    return right, mistakes


def _check_pair(answer, coded, themes_list) -> tuple[bool, str]:
    if len(answer) != 2 or not all(isinstance(a, str) for a in answer):
        return False, f"需要一个含两个主题名（字符串）的列表，你的列表有 {len(answer)} 项。"
    answer = [a.strip() for a in answer]
    unknown = [a for a in answer if a not in themes_list]
    if unknown:
        return False, f"{'、'.join(map(str, unknown))} 不是编码表里的主题名。"
    if answer[0] == answer[1]:
        return False, "两个主题要不同。"
    jaccard = pair_jaccard(coded, themes_list)
    if not jaccard:
        return UNCHECKABLE, "编码表里不到两个主题。"
    right, mistakes = pair_diagnoses(coded, themes_list)
    pair = frozenset(answer)
    key = tuple(answer) if tuple(answer) in jaccard else tuple(reversed(answer))
    both, either = jaccard[key]
    if pair in right:
        if both == 0:
            return True, "这份语料里没有两个主题同时出现在一个段落里，任何一对都一样（Jaccard 系数 0）。"
        return True, (f"这两个主题的 Jaccard 系数是 {both / either:.3f}：同时编码了两者的段落 {both} 个，"
                      f"至少编码了其中一个的 {either} 个。")
    for pairs, message in mistakes:
        if pair in pairs and not pairs & right:
            return False, message
    return False, "这一对的 Jaccard 系数不是最高的（同时编码了两者的段落数 ÷ 至少编码了其中一个的段落数）。"


_LIST_COLUMNS = ("terms", "all_of", "none_of")


def _check_new_theme(codebook, units) -> tuple[bool, str]:
    from ...analysis.themes import code_units, read_codebook

    missing = [c for c in ("theme", *_LIST_COLUMNS) if c not in codebook.columns]
    if missing:
        return False, f"表里缺少列：{'、'.join(missing)}（在 codebook 的基础上加一行）。"
    base = set(read_codebook()["theme"])
    kept = [t for t in base if t in set(codebook["theme"])]
    added = [t for t in codebook["theme"] if t not in base]
    if not added:
        if len(codebook) > len(base):
            return False, "你加的一行用了已有的主题名：新主题要起一个编码表里没有的名字。"
        return False, "编码表里还没有新主题（主题名要和已有的不同）。"
    if len(added) > 1:
        return False, f"一次只加一个主题；你加了 {len(added)} 个。"
    if len(kept) < len(base):
        return False, f"原来的主题少了 {len(base) - len(kept)} 个：在整张 codebook 后面接上新的一行（pd.concat），不要只交新的一行。"
    row = codebook[codebook["theme"] == added[0]].iloc[0]
    for column in _LIST_COLUMNS:
        value = row[column]
        items = as_items(value)
        if items is None or not all(isinstance(v, str) for v in items):
            return False, (f"“{column}”一格应该是字符串的列表，例如 [\"新质生产力\"]，"
                           f"你给的是 {type(value).__name__}。")
    if not row["terms"]:
        return False, f"新主题“{added[0]}”的 terms 还是空列表。"
    coded = code_units(units, codebook)
    n = int((coded[added[0]] > 0).sum())
    if n == 0:
        loose = codebook.copy()
        loose.loc[loose["theme"] == added[0], "all_of"] = loose.loc[loose["theme"] == added[0], "all_of"].map(lambda _: [])
        loose.loc[loose["theme"] == added[0], "none_of"] = loose.loc[loose["theme"] == added[0], "none_of"].map(lambda _: [])
        by_terms = int((code_units(units, loose)[added[0]] > 0).sum())
        if by_terms:
            return False, (f"terms 能命中 {by_terms} 个段落，但 all_of / none_of 把它们都排除了："
                           "all_of 里的词必须和 terms 出现在同一段落。")
        return False, f"新主题“{added[0]}”一个段落也没有编码：换一个语料里真正出现的词。"
    return True, f"新主题“{added[0]}”编码了 {n} 个段落（共 {len(coded)} 个）。"


def themes_per_paragraph(coded, themes_list):
    """Per document, the mean number of themes coded in a paragraph."""
    return (coded[list(themes_list)] > 0).sum(axis=1).groupby(coded["doc_id"]).mean()


def focused_diagnoses(coded, themes_list) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q3 (the smallest mean number of themes per paragraph) and the likely mistakes."""
    means = themes_per_paragraph(coded, themes_list)
    right = float(means.min())
    counts = (coded[list(themes_list)] > 0).sum(axis=1)
    hits = coded[list(themes_list)].sum(axis=1)
    coded_only = counts[counts > 0].groupby(coded["doc_id"]).mean()
    mistakes = [
        (float(hits.groupby(coded["doc_id"]).mean().min()),
         "你把命中次数加起来了（一个主题在一段里命中 3 次就算了 3 个）：先用 > 0 变成“有没有”，再数每段有几个主题。"),
        (float(means.max()) if len(means) > 1 else None, "这是最大的平均数：题目问的是最小的（最“专一”的）那篇。"),
        (float(counts.mean()), "这是整个语料所有段落的平均数：题目要按 doc_id 分组，每篇算一个平均数。"),
        (float(coded_only.min()) if len(coded_only) else None,
         "你把一个主题也没编码的段落去掉了：它们也是这篇文本的段落（0 个主题），要算进平均数。"),
        (float(counts.groupby(coded["doc_id"]).median().min()),
         "你用的是中位数（median）：题目要的是平均数（mean）。"),
    ]
    return right, mistakes


def _check_focused(answer, coded, themes_list) -> tuple[bool, str]:
    means = themes_per_paragraph(coded, themes_list)
    if not len(means):
        return UNCHECKABLE, "没有可编码的段落。"
    right, mistakes = focused_diagnoses(coded, themes_list)
    return number_feedback(answer, right, 2, mistakes,
                           done=f"是 {means.idxmin()}：平均每个段落编码了 {right:.2f} 个主题。")


q1 = Exercise(
    "哪两个主题最常一起出现？用第 6 节共词网络的 Jaccard 系数衡量：同时编码了两个主题的段落数 ÷ "
    "至少编码了其中一个的段落数。回答 Jaccard 系数最高的那一对，写成一个列表，例如 [\"甲\", \"乙\"]"
    "（系数相同时，其中任何一对都算对）。",
    _check_pair,
    ("(coded[主题] > 0) 标出每个段落有没有编码这个主题；两个这样的列用 & 连起来是“两者都有”，用 | 连起来是“至少有一个”。",
     "用 itertools.combinations(themes_list, 2) 列出所有主题对，逐对算 (甲 & 乙).sum() ÷ (甲 | 乙).sum()，取最大的一对。"),
    'import itertools\n'
    'hits = coded[themes_list] > 0\n'
    'jaccard = {(a, b): (hits[a] & hits[b]).sum() / max((hits[a] | hits[b]).sum(), 1)\n'
    '           for a, b in itertools.combinations(themes_list, 2)}\n'
    'answer = list(max(jaccard, key=jaccard.get)) if jaccard else []',
    expects="list",
    diagnoses=pair_diagnoses,
)

q2 = Exercise(
    "给编码表加一个新主题（例如“新质生产力”），它至少要编码语料中的一个段落。把加了新主题的整张编码表交给 check。",
    _check_new_theme,
    ("新的一行是一个字典，键和 codebook 的列名相同；用 pd.concat 把它接到 codebook 后面（ignore_index=True）。",
     "terms、all_of、none_of 三格都要写成列表：没有规则时用空列表 []，一个词也要写成 [\"词\"]。"),
    'import pandas as pd\n'
    'word = "新质生产力"\n'
    'if len(units) and not units["text"].str.contains(word).any():  # 语料里没有这个词：取第一个段落开头的四个字\n'
    '    word = units["text"].iloc[0][:4]\n'
    'new_row = {"theme": word, "terms": [word], "all_of": [], "none_of": [], "description": word}\n'
    'answer = pd.concat([codebook, pd.DataFrame([new_row])], ignore_index=True)',
    expects="table",
)

q3 = Exercise(
    "每个段落编码了几个主题（命中次数不算，只数编码了的主题）？按文本求这个数的平均值：最小的平均值是多少"
    "（那篇文本的段落最“专一”）？保留两位小数。",
    _check_focused,
    ("(coded[themes_list] > 0).sum(axis=1) 是每个段落编码了几个主题。",
     "把上面的结果按 coded[\"doc_id\"] 分组求平均，再取最小值，round(…, 2)。"),
    'per_paragraph = (coded[themes_list] > 0).sum(axis=1)\n'
    'means = per_paragraph.groupby(coded["doc_id"]).mean()\n'
    'answer = round(float(means.min()), 2)',
    expects="number",
    diagnoses=focused_diagnoses,
)
