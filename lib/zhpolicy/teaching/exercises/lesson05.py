"""Exercises for lesson 05: ``from zhpolicy.teaching.exercises import lesson05 as ex``.

Each question asks for something the lesson does not print: a share, a set of documents, a
ratio. The checkers recompute the answer from the table they are given, so they work on any corpus."""

from __future__ import annotations

from . import Exercise


def _target_share(answer, stats) -> tuple[bool, str]:
    right = float((stats["kind"] == "target").mean()) if len(stats) else 0.0
    if not 0 <= float(answer) <= 1:
        return False, "比例应在 0 和 1 之间（不是百分数）。"
    if abs(float(answer) - right) < 0.005:
        return True, "这就是“目标”类数字所占的比例。"
    return False, "偏大了。" if float(answer) > right else "偏小了。"


def _context_docs(answer, stats) -> tuple[bool, str]:
    source = stats["year_source"].astype(str)
    chosen = stats[(source == "heading") | source.str.startswith("relative")]
    right = sorted(set(chosen["doc_id"]))
    given = sorted(set(map(str, answer)))
    if given == right:
        return True, f"共 {len(right)} 篇文本。" if right else "这个语料里没有这样的数字，空列表是对的。"
    missing, extra = set(right) - set(given), set(given) - set(right)
    parts = []
    if missing:
        parts.append(f"漏了 {len(missing)} 篇")
    if extra:
        parts.append(f"多了 {len(extra)} 篇（这些文本的年份都不是从标题或相对词得来的）")
    return False, "；".join(parts) + "。"


def _money_spread(answer, stats) -> tuple[bool, str]:
    money = stats.loc[stats["unit"] == "元", "value"].astype(float)
    money = money[money > 0]
    if len(money) < 2:
        return True, "这个语料里以“元”为单位的数字不到两个，无从比较；任何答案都算对。"
    right = money.max() / money.min()
    if abs(float(answer) - right) <= 0.01 * right:
        return True, "注意：只有换算到同一单位之后，这个倍数才有意义。"
    return False, "偏大了。" if float(answer) > right else "偏小了（是否只比较了数字部分，没有换算量级？）。"


q1 = Exercise(
    "在 stats 表里，kind 为 target（目标）的数字占全部数字的比例是多少？答一个 0 到 1 之间的小数。",
    _target_share,
    ("先想清楚分子和分母：分子是目标类数字的个数，分母是全部数字的个数。",
     "一个布尔列（True/False）的平均值就是 True 所占的比例。"),
    'float((stats["kind"] == "target").mean())',
    expects="number",
)

q2 = Exercise(
    "哪些文本里有数字的年份是从章节标题或相对词（今年、去年、全年……）推出来的？答 doc_id 的列表。",
    _context_docs,
    ("看 year_source 列：句内给出的年份是 clause/sentence/paragraph，别的来源各有名字。",
     "相对词的来源以 relative 开头，可以用 .str.startswith 判断；两个条件用 | 连接，再取 doc_id 去重。"),
    'source = stats["year_source"].astype(str)\n'
    'sorted(set(stats.loc[(source == "heading") | source.str.startswith("relative"), "doc_id"]))',
    expects="list",
)

q3 = Exercise(
    "以“元”为单位的数字中，最大的一个是最小的一个的多少倍？（用换算后的 value 计算）",
    _money_spread,
    ("先筛选 unit 等于“元”的行，再看 value 列。",
     "最大值和最小值分别用 .max() 和 .min()，倍数是两者相除。"),
    'money = stats.loc[stats["unit"] == "元", "value"]\nmoney.max() / money.min()',
    expects="number",
)
