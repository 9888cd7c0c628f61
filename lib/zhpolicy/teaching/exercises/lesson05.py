"""Exercises for lesson 05: ``from zhpolicy.teaching.exercises import lesson05 as ex``.

Each question asks for something the lesson does not print: a share among dated figures, a set
of documents, the spread of the amounts one document cites. The checkers recompute the answer
from the table they are given, so they work on any corpus, and name the likely mistakes: the
wrong denominator, one kind of two, labels for doc_ids, an exact match where a prefix was
meant, digits compared before converting units, zero amounts divided by, too few decimals."""

from __future__ import annotations

from . import PROPORTION_FOR_PERCENT, Exercise, labels_for_ids, number_feedback, set_feedback

#: The kinds of figure that speak of the future (lesson 05, section 2a).
FUTURE_KINDS = ("target", "plan")


def _share(part, whole) -> float | None:
    return 100 * float(part.sum()) / len(whole) if len(whole) else None


def _future_share(answer, stats) -> tuple[bool, str]:
    dated = stats[stats["year"].astype(str) != ""]
    if dated.empty:
        return False, "这个语料里没有带年份的统计数字，无从计算。"
    right = _share(dated["kind"].isin(FUTURE_KINDS), dated)
    mistakes = [
        (right / 100, PROPORTION_FOR_PERCENT),
        (_share(stats["kind"].isin(FUTURE_KINDS), stats),
         "分母用错了：你除以的是全部数字，题目的分母只算有年份（year 不为空）的数字。"),
        (_share(dated["kind"] == "target", dated), "你只数了 target（目标）：plan（安排、计划）也说的是将来，要一起算。"),
        (_share(dated["kind"] == "plan", dated), "你只数了 plan（安排）：target（目标）也要一起算。"),
        (100 - right, "这是其余各类（完成、比较……）的比例：题目问的是目标和安排。"),
    ]
    return number_feedback(answer, right, 1, mistakes,
                           done=f"有年份的数字里，{right:.1f}% 说的是将来（目标或安排）。")


def _context_docs(answer, stats, corpus=None) -> tuple[bool, str]:
    source = stats["year_source"].astype(str)
    chosen = stats[(source == "heading") | source.str.startswith("relative")]
    right = set(chosen["doc_id"])
    answer = [str(a).strip() for a in answer]
    ids = list(stats["doc_id"]) + (list(corpus["doc_id"]) if corpus is not None else [])
    labels = list(stats["doc"]) if "doc" in stats else []
    if corpus is not None:
        labels += list(corpus["label"])
    wrong_form = labels_for_ids(answer, ids, labels)
    if wrong_form and answer:
        return False, wrong_form
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
    done = f"共 {len(right)} 篇文本。" if right else "这个语料里没有这样的数字，空列表是对的。"
    return set_feedback(answer, right, mistakes, what="篇", done=done)


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


def _money_spread(answer, stats) -> tuple[bool, str]:
    spreads = amount_spreads(stats)
    if spreads.empty:
        right, best = 0.0, None
    else:
        right, best = float(spreads.max()), spreads.idxmax()
    money = stats[stats["unit"] == "元"]
    values = money["value"].astype(float)
    positive = values[values > 0]
    digit_spreads = amount_spreads(stats, _digits(stats))
    mistakes = [
        (float(digit_spreads.max()) if len(digit_spreads) else None,
         "你比较的是原文写法里的数字部分（万亿、亿还没有换算）：“24590.7亿元”的数字部分大，换算成元反而小。"
         "要用换算后的 value 列。"),
        (float(positive.max() / positive.min()) if len(positive) >= 2 else None,
         "你比较的是整个语料里最大和最小的金额：题目要按文本分组（groupby(\"doc_id\")），每篇算一个倍数，再取最大的。"),
        (float(spreads.min()) if len(spreads) > 1 else None, "这是倍数最小的一篇：题目问的是最大的。"),
        (1.0 if right != 1.0 and len(spreads) else None,
         "倍数是 1：是不是把只有一个金额的文本也算进来了，或者用了 max() / max()？"),
    ]
    if float(answer) in (float("inf"), float("-inf")):
        return False, "结果是无穷大：除以了 0（有的金额是“0.00元”）。先筛选 value > 0 的行，再求最大和最小。"
    done = (f"是 {best}：它引用的最大金额是最小金额的 {right:.2f} 倍——换算到同一单位之后，这个倍数才有意义。"
            if best is not None else "这个语料里没有哪篇文本引用了两个以上的金额，答 0 是对的。")
    return number_feedback(answer, right, 2, mistakes, done=done)


q1 = Exercise(
    "有年份（year 不为空）的统计数字中，说的是将来的——kind 为 target（目标）或 plan（安排）——占百分之几？"
    "回答一个百分数，保留一位小数（例如 12.5 表示 12.5%）。",
    _future_share,
    ("先想清楚分子和分母：分母是有年份的数字（year 列不是空字符串），分子是其中 kind 为 target 或 plan 的。",
     "先筛出 stats[stats[\"year\"] != \"\"]，再对 kind 列用 .isin([\"target\", \"plan\"])；一个布尔列的平均值就是 True 所占的比例。"),
    'dated = stats[stats["year"].astype(str) != ""]\n'
    'answer = round(float(dated["kind"].isin(["target", "plan"]).mean()) * 100, 1) if len(dated) else 0.0',
    expects="number",
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
)
