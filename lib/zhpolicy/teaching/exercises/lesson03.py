"""Exercises for lesson 03: ``from zhpolicy.teaching.exercises import lesson03 as ex``.

Each question asks for something the lesson does not print; the checkers recompute the answer
from the student's own coded paragraphs, so they work on any corpus.
"""

from __future__ import annotations

import itertools

from . import Exercise


def _pair_counts(coded, themes_list) -> dict[tuple[str, str], int]:
    hits = coded[list(themes_list)] > 0
    return {(a, b): int((hits[a] & hits[b]).sum()) for a, b in itertools.combinations(themes_list, 2)}


def _check_pair(answer, coded, themes_list) -> tuple[bool, str]:
    answer = list(answer)
    if len(answer) != 2 or not all(isinstance(a, str) for a in answer):
        return False, f"需要一个含两个主题名（字符串）的列表，你的列表有 {len(answer)} 项。"
    unknown = [a for a in answer if a not in themes_list]
    if unknown:
        return False, f"{'、'.join(map(str, unknown))} 不是编码表里的主题名。"
    if answer[0] == answer[1]:
        return False, "两个主题要不同。"
    counts = _pair_counts(coded, themes_list)
    if not counts:
        return False, "编码表里不到两个主题。"
    best = max(counts.values())
    got = counts.get(tuple(answer), counts.get(tuple(reversed(answer)), 0))
    if got == best:
        return True, f"这两个主题同时出现在 {got} 个段落中。"
    return False, f"这两个主题同时出现在 {got} 个段落中；还有同时出现得更多的一对。"


_LIST_COLUMNS = ("terms", "all_of", "none_of")


def _check_new_theme(codebook, units) -> tuple[bool, str]:
    from ...analysis.themes import code_units, read_codebook

    missing = [c for c in ("theme", *_LIST_COLUMNS) if c not in codebook.columns]
    if missing:
        return False, f"表里缺少列：{'、'.join(missing)}（在 codebook 的基础上加一行）。"
    base = set(read_codebook()["theme"])
    added = [t for t in codebook["theme"] if t not in base]
    if not added:
        return False, "编码表里还没有新主题（主题名要和已有的不同）。"
    if len(added) > 1:
        return False, f"一次只加一个主题；你加了 {len(added)} 个。"
    row = codebook[codebook["theme"] == added[0]].iloc[0]
    for column in _LIST_COLUMNS:
        value = row[column]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return False, (f"“{column}”一格应该是字符串的列表，例如 [\"新质生产力\"]，"
                           f"你给的是 {type(value).__name__}。")
    if not row["terms"]:
        return False, f"新主题“{added[0]}”的 terms 还是空列表。"
    coded = code_units(units, codebook)
    n = int((coded[added[0]] > 0).sum())
    if n == 0:
        return False, f"新主题“{added[0]}”一个段落也没有编码：换一个语料里真正出现的词。"
    return True, f"新主题“{added[0]}”编码了 {n} 个段落（共 {len(coded)} 个）。"


def _themes_per_paragraph(coded, themes_list):
    return (coded[list(themes_list)] > 0).sum(axis=1).groupby(coded["doc_id"]).mean().round(6)


def _check_focused(answer, coded, themes_list) -> tuple[bool, str]:
    means = _themes_per_paragraph(coded, themes_list)
    if not len(means):
        return False, "没有可编码的段落。"
    answer = str(answer).strip()
    if answer not in means.index:
        return False, f"“{answer}”不是有段落的 doc_id（doc_id 形如 {means.index[0]}）。"
    if means[answer] == means.min():
        return True, f"这篇平均每个段落编码了 {means[answer]:.2f} 个主题。"
    return False, f"这篇平均每个段落编码了 {means[answer]:.2f} 个主题，还有更少的。"


q1 = Exercise(
    "哪两个主题最常出现在同一个段落里？回答一个列表，包含这两个主题的名字，例如 [\"甲\", \"乙\"]。",
    _check_pair,
    ("(coded[主题] > 0) 标出每个段落有没有编码这个主题；两个这样的列用 & 连起来再求和，就是两者同时出现的段落数。",
     "用 itertools.combinations(themes_list, 2) 列出所有主题对，逐对计算同时出现的段落数，取最大的一对。"),
    'import itertools\n'
    'hits = coded[themes_list] > 0\n'
    'pairs = {(a, b): int((hits[a] & hits[b]).sum()) for a, b in itertools.combinations(themes_list, 2)}\n'
    'list(max(pairs, key=pairs.get)) if pairs else []',
    expects="list",
)

q2 = Exercise(
    "给编码表加一个新主题（例如“新质生产力”），它至少要编码语料中的一个段落。把加了新主题的整张编码表交给 check。",
    _check_new_theme,
    ("新的一行是一个字典，键和 codebook 的列名相同；用 pd.concat 把它接到 codebook 后面（ignore_index=True）。",
     "terms、all_of、none_of 三格都要写成列表：没有规则时用空列表 []，一个词也要写成 [\"词\"]。"),
    'import pandas as pd\n'
    'new_row = {"theme": "新质生产力", "terms": ["新质生产力"], "all_of": [], "none_of": [], "description": "新质生产力"}\n'
    'pd.concat([codebook, pd.DataFrame([new_row])], ignore_index=True)',
    expects="table",
)

q3 = Exercise(
    "平均每个段落编码了几个主题？哪一篇文本的这个平均数最小（它的段落最“专一”）？回答这篇文本的 doc_id。",
    _check_focused,
    ("(coded[themes_list] > 0).sum(axis=1) 是每个段落编码了几个主题。",
     "把上面的结果按 coded[\"doc_id\"] 分组求平均，再找最小值所在的 doc_id（idxmin）。"),
    'means = (coded[themes_list] > 0).sum(axis=1).groupby(coded["doc_id"]).mean()\n'
    'means.idxmin() if len(means) else ""',
    expects="text",
)
