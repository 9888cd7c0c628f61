"""Exercises for lesson 05: ``from zhpolicy.teaching.exercises import lesson05 as ex``.

Each question asks for something the lesson does not print: the share of a document's figures
whose year the text does not give, a set of documents, the spread of the amounts one document
cites. The checkers recompute the answer from the table they are given, so they work on any
corpus, and name the likely mistakes: ``isna()`` where the empty year is ``""``, the wrong
denominator, a count for a share, labels for doc_ids, an exact match where a prefix was meant,
digits compared before converting units, min over max, 美元 taken with 元, zero amounts divided
by, too few decimals. A wrong list of documents says only whether it has as many as the right
one, so single guesses tell nothing about each document."""

from __future__ import annotations

from . import PROPORTION_FOR_PERCENT, UNCHECKABLE, Exercise, labels_for_ids, number_feedback, set_feedback

def _undated(stats):
    """Whether each figure's year is left empty (the text gives none): ``year`` is ``""``, not NaN."""
    return stats["year"].fillna("").astype(str).str.strip() == ""


def undated_shares(stats):
    """Per document citing at least one figure: the share of its figures without a year, in %."""
    return _undated(stats).groupby(stats["doc_id"]).mean() * 100


def undated_diagnoses(stats) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q1 (the largest share of undated figures in a document, in %) and the likely mistakes."""
    undated = _undated(stats)
    shares = undated_shares(stats)
    right = float(shares.max())
    counts = undated.groupby(stats["doc_id"]).sum()
    mistakes = [
        (float((stats["year"].isna().groupby(stats["doc_id"]).mean() * 100).max()),
         "year 列空着的地方是空字符串 \"\"，不是 NaN：isna() / isnull() 一个也找不到。用 stats[\"year\"] == \"\" 判断。"),
        (right / 100, PROPORTION_FOR_PERCENT),
        (100 * float(undated.mean()), "这是整个语料的比例：题目要按文本（doc_id）分组，每篇算一个比例，再取最大的。"),
        (float(counts.max()), "这是没有年份的数字的个数：题目问的是占这篇文本全部统计数字的百分之几。"),
        (100 * float(counts.max()) / len(stats) if len(stats) else None,
         "分母用错了：你除以的是整个语料的统计数字，题目的分母是这篇文本自己的统计数字。"),
        (float((100 - shares).max()), "这是有年份的数字所占的比例：题目问的是没有年份（year 为空）的。"),
    ]
    return right, mistakes


def _undated_share(answer, stats) -> tuple[bool, str]:
    if stats.empty:
        return UNCHECKABLE, "这个语料里没有统计数字，无从计算。"
    right, mistakes = undated_diagnoses(stats)
    best = undated_shares(stats).idxmax()
    done = (f"是 {best}：它引用的统计数字中有 {right:.1f}% 没有年份：文本没有说这些数字是哪一年的。" if right
            else "这份语料里每个统计数字都有年份，答 0 是对的。")
    return number_feedback(answer, right, 1, mistakes, done=done)


def context_docs_diagnoses(stats) -> tuple[set, list[tuple[set | None, str]]]:
    """The right answer to q2 (the documents with a year taken from a heading or a relative word)
    and the likely mistakes, each ``(documents it gives, message)``."""
    source = stats["year_source"].astype(str)
    right = set(stats.loc[(source == "heading") | source.str.startswith("relative"), "doc_id"])
    mistakes = [
        (set(stats.loc[source == "heading", "doc_id"]),
         "你只找到了章节标题（heading）推出的年份：相对词的来源写成 relative:今年、relative:去年 这样，"
         "用 == \"relative\" 一个也找不到，要用 .str.startswith(\"relative\")。"),
        (set(stats.loc[source.str.startswith("relative"), "doc_id"]), "你只找了相对词（relative…）：章节标题（heading）推出的年份也要算。"),
        (set(stats.loc[(source == "heading") | source.str.startswith("relative") | (source == "document_date"), "doc_id"]),
         "document_date（按文件日期补上的年份）不在题目要的两类里：只要 heading 和 relative…。"),
        (set(stats.loc[~source.isin(["clause", "sentence"]), "doc_id"]),
         "你选的是“年份不在本句里”的所有数字，包括年份留空（year_source 为空）的：题目只要 heading 和 relative…。"),
    ]
    return right, mistakes


def _context_docs(answer, stats, corpus=None) -> tuple[bool, str]:
    answer = [str(a).strip() for a in answer]
    ids = list(stats["doc_id"]) + (list(corpus["doc_id"]) if corpus is not None else [])
    labels = list(stats["doc"]) if "doc" in stats else []
    if corpus is not None:
        labels += list(corpus["label"])
    wrong_form = labels_for_ids(answer, ids, labels)
    if wrong_form and answer:
        return False, wrong_form
    right, mistakes = context_docs_diagnoses(stats)
    done = f"共 {len(right)} 篇文本。" if right else "这个语料里没有这样的数字，空列表是对的。"
    return set_feedback(answer, right, mistakes, what="篇", done=done, counts=False)


def amount_spreads(stats, values=None):
    """Per document citing at least two amounts in 元 above zero: the largest over the smallest
    (of the converted ``value``, or of *values* given for the same rows)."""
    money = stats["unit"] == "元"
    values = (stats["value"] if values is None else values).astype(float)
    part = values[money & (values > 0)].groupby(stats.loc[money & (values > 0), "doc_id"])
    spread = part.max() / part.min()
    return spread[part.size() >= 2]


def _digits(stats):
    """The number written in each figure's surface, without its magnitude (万、亿) or unit."""
    return stats["surface"].astype(str).str.extract(r"(\d+(?:\.\d+)?)")[0].astype(float)


def money_spread_diagnoses(stats) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q3 (the largest spread of one document's amounts in 元) and the likely mistakes."""
    spreads = amount_spreads(stats)
    right = float(spreads.max()) if len(spreads) else 0.0
    money = stats[stats["unit"] == "元"]
    positive = money["value"].astype(float)[lambda v: v > 0]
    digit_spreads = amount_spreads(stats, _digits(stats))
    currencies = stats.assign(unit=stats["unit"].where(~stats["unit"].astype(str).str.contains("元"), "元"))
    any_yuan = amount_spreads(currencies)
    mistakes = [
        (float(digit_spreads.max()) if len(digit_spreads) else None,
         "你比较的是原文写法里的数字部分（万亿、亿还没有换算）：“24590.7亿元”的数字部分大，换算成元反而小。"
         "要用换算后的 value 列。"),
        (float(positive.max() / positive.min()) if len(positive) >= 2 else None,
         "你比较的是整个语料里最大和最小的金额：题目要按文本分组（groupby(\"doc_id\")），每篇算一个倍数，再取最大的。"),
        (float(spreads.min()) if len(spreads) > 1 else None, "这是倍数最小的一篇：题目问的是最大的。"),
        (1 / right if right else None, "你用最小金额除以最大金额了（min / max）：倍数是最大 ÷ 最小，不会小于 1。"),
        (float(1 / spreads.min()) if len(spreads) > 1 else None,
         "你用最小金额除以最大金额了（min / max）：倍数是最大 ÷ 最小，不会小于 1。"),
        (float(any_yuan.max()) if len(any_yuan) else None,
         "你把“美元”（或别的“…元”）也算进来了：str.contains(\"元\") 也会匹配“美元”“港元”。元和美元不能直接比较，"
         "要用 unit == \"元\"。"),
        (1.0 if right != 1.0 and len(spreads) else None,
         "倍数是 1：是不是把只有一个金额的文本也算进来了，或者用了 max() / max()？"),
    ]
    return right, mistakes


def _money_spread(answer, stats) -> tuple[bool, str]:
    spreads = amount_spreads(stats)
    if float(answer) in (float("inf"), float("-inf")):
        return False, "结果是无穷大：除以了 0（有的金额是“0.00元”）。先筛选 value > 0 的行，再求最大和最小。"
    right, mistakes = money_spread_diagnoses(stats)
    done = (f"是 {spreads.idxmax()}：它引用的最大金额是最小金额的 {right:.2f} 倍——换算到同一单位之后，这个倍数才有意义。"
            if len(spreads) else "这个语料里没有哪篇文本引用了两个以上的金额，答 0 是对的。")
    return number_feedback(answer, right, 2, mistakes, done=done)


q1 = Exercise(
    "文本给出年份的数字，读者才知道它是哪一年的。按文本计算：没有年份（year 为空）的统计数字占这篇文本全部统计数字的"
    "百分之几？各篇中最高的是多少？回答一个百分数，保留一位小数（例如 12.5 表示 12.5%）。",
    _undated_share,
    ("年份留空的地方，year 列是空字符串 \"\"；先做一列“是不是没有年份”的真假值。",
     "把这列真假值按 doc_id 分组求平均（True 算 1、False 算 0，平均数就是 True 所占的比例），乘以 100，再取最大值，round(…, 1)。"),
    'undated = stats["year"].astype(str) == ""\n'
    'answer = round(float(undated.groupby(stats["doc_id"]).mean().max()) * 100, 1) if len(stats) else 0.0',
    expects="number",
    diagnoses=undated_diagnoses,
)

q2 = Exercise(
    "哪些文本里有数字的年份是从章节标题（year_source 为 heading）或相对词（year_source 以 relative 开头，"
    "如 relative:今年）推出来的？回答 doc_id 的列表（顺序不限）。",
    _context_docs,
    ("看 year_source 列：句内给出的年份是 clause/sentence/paragraph，别的来源各有名字。",
     "相对词的来源写成 relative:今年 这样，要用 .str.startswith(\"relative\") 判断；两个条件用 | 连接，再取 doc_id 去重。"),
    'source = stats["year_source"].astype(str)\n'
    'chosen = stats[(source == "heading") | source.str.startswith("relative")]\n'
    'answer = chosen["doc_id"].unique()',
    expects="list",
    diagnoses=context_docs_diagnoses,
)

q3 = Exercise(
    "一篇文本引用的金额相差多大？对每篇至少引用了两个以“元”为单位、大于 0 的数字的文本，"
    "求最大金额是最小金额的多少倍（用换算后的 value）；各篇中最大的倍数是多少？保留两位小数"
    "（没有这样的文本时答 0）。",
    _money_spread,
    ("先筛选 unit 等于“元”、value 大于 0 的行，再按 doc_id 分组。",
     "每组的 value.max() / value.min() 是这篇的倍数；只留下至少有两个金额的文本（size() >= 2），再取最大值。"),
    'money = stats[(stats["unit"] == "元") & (stats["value"] > 0)].groupby("doc_id")["value"]\n'
    'spread = (money.max() / money.min())[money.size() >= 2]\n'
    'answer = round(float(spread.max()), 2) if len(spread) else 0.0',
    expects="number",
    diagnoses=money_spread_diagnoses,
)
