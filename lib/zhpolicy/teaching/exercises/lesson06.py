"""Exercises for lesson 06: ``from zhpolicy.teaching.exercises import lesson06 as ex``.

The student codes five clauses by hand, then computes agreement with the rules; the other
questions recompute their answer from the coded clauses of any corpus. The likely mistakes
(a short type name or an invisible space in a code, the raw agreement, the chance agreement or
the ``types`` column where κ is asked, counts where shares are asked, clauses where codes are
counted, subtypes where types are counted, ``str.contains("|")`` read as a regular expression)
are recomputed and named. The first question has no right answer: its check says the codes are
recorded, not that they are right."""

from __future__ import annotations

import math

import pandas as pd

from . import PROPORTION_FOR_PERCENT, UNCHECKABLE, Exercise, number_feedback

TYPES = ("供给型", "环境型", "需求型", "无")
#: What students write for a type instead of its full name.
_NEAR_NAMES = {"供给": "供给型", "环境": "环境型", "需求": "需求型", "": "无", "none": "无", "None": "无",
               "非措施": "无", "没有": "无", "否": "无"}


def five_clauses(coded: pd.DataFrame, n: int = 5, seed: int = 4) -> pd.DataFrame:
    """*n* clauses (measures or not) for students to code by hand (fixed seed; fewer when the corpus
    has fewer). Only the text is returned: the rules' codes stay hidden until the student has coded."""
    picked = coded.sample(min(n, len(coded)), random_state=seed).sort_index() if len(coded) else coded
    return picked[["clause_id", "doc_id", "text"]].reset_index(drop=True)


def _your_codes(answer, five) -> tuple[bool, str]:
    if len(five) == 0:
        return UNCHECKABLE, "这个语料里没有条款，没有可编码的句子。"
    if len(answer) != len(five):
        return False, f"需要 {len(five)} 个编码（每句一个，按 five 表的顺序），你给了 {len(answer)} 个。"
    bad = [a for a in answer if a not in TYPES]
    spaced = [a for a in bad if isinstance(a, str) and a.strip() in TYPES]
    if spaced:
        return False, (f"{'、'.join(repr(a) for a in spaced)} 里多了空格（看不见的空格也是字符，和“{spaced[0].strip()}”不一样）："
                       "去掉引号里的空格。")
    near = [a for a in bad if str(a if a is not None else "None").strip() in _NEAR_NAMES]
    if near:
        fixes = "、".join(f"{a!r} → “{_NEAR_NAMES[str(a if a is not None else 'None').strip()]}”" for a in near)
        return False, f"编码要写全称：{fixes}（只能用 供给型、环境型、需求型、无）。"
    if bad:
        return False, f"这些编码不在允许的类别里：{bad}（只能用 供给型、环境型、需求型、无）。"
    return True, "编码没有标准答案，这里只检查了格式。下一题把你的编码和规则的编码比较。"


def rules_codes(five, coded) -> list[str]:
    """The rules' type of each of the *five* clauses, in order."""
    return coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()


def agreement_parts(mine, rules) -> tuple[float, float]:
    """Observed agreement p_o and chance agreement p_e of two codings of the same items."""
    a, b = pd.Series(list(mine), dtype=str), pd.Series(list(rules), dtype=str)
    p_o = float((a.to_numpy() == b.to_numpy()).mean()) if len(a) else float("nan")
    pa, pb = a.value_counts(normalize=True), b.value_counts(normalize=True)
    p_e = float(sum(pa.get(k, 0) * pb.get(k, 0) for k in set(pa.index) | set(pb.index)))
    return p_o, p_e


def _previous_codes_problem(my_codes, five) -> str | None:
    if my_codes is None or len(list(my_codes)) != len(five) or not len(five):
        return f"先完成上一题：my_codes 要是和 five 的 {len(five)} 个条款一一对应的列表。"
    return None


def kappa_diagnoses(my_codes, five, coded) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q2 (Cohen's κ of the student's codes and the rules' types) and the likely mistakes."""
    from ...extraction.instruments import cohen_kappa

    rules = rules_codes(five, coded)
    right = cohen_kappa(list(my_codes), rules)
    p_o, p_e = agreement_parts(my_codes, rules)
    every_type = coded.set_index("clause_id").loc[five["clause_id"], "types"].fillna("").tolist()
    mistakes = [
        (p_o, "这是一致率 p_o（一致的条款所占的比例）：κ 还要扣除偶然一致，κ = (p_o − p_e) / (1 − p_e)。"),
        (p_e, "这是偶然一致率 p_e：κ = (p_o − p_e) / (1 − p_e)。"),
        (p_o - p_e, "分子对了，还要除以 (1 − p_e)。"),
        (float(sum(a == b for a, b in zip(my_codes, rules))), "这是一致的条款数：κ 要从比例算起。"),
        (cohen_kappa(list(my_codes), every_type) if every_type != rules else None,
         "你比较的是 types 列（一个条款的全部类型，用“|”连起来）：题目要的是 type 列，每个条款一个主类型。"),
    ]
    return right, mistakes


def _kappa_with_rules(answer, my_codes, five, coded) -> tuple[bool, str]:
    problem = _previous_codes_problem(my_codes, five)
    if problem:
        return False, problem
    right, mistakes = kappa_diagnoses(my_codes, five, coded)
    rules = rules_codes(five, coded)
    agree = sum(a == b for a, b in zip(my_codes, rules))
    if math.isnan(right):
        if isinstance(answer, float) and math.isnan(answer):
            return True, "你和规则都只用了同一个类别，κ 没有定义（NaN）。"
        return False, "在这组编码上 κ 没有定义：两边都只用了同一个类别（p_e = 1）。用 float('nan') 作答。"
    if isinstance(answer, float) and math.isnan(answer):
        return False, "这组编码的 κ 是有定义的：两边用到了不止一个类别。"
    if (answer > 1 or answer < -1) and answer != agree:
        return False, "κ 一定在 -1 和 1 之间。"
    return number_feedback(answer, right, 2, mistakes, done=f"你和规则在 {agree}/{len(rules)} 个条款上一致。",
                           bigger="太大了。", smaller="太小了。")


def subtype_share_diagnoses(coded, subtype="策略性措施") -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q3 (the largest share of one subtype among a document's codes, in %) and the likely mistakes."""
    from ...extraction.instruments import instrument_mix

    mix = instrument_mix(coded, by="subtype", share=True)
    right = float(mix[subtype].max()) * 100
    counts = instrument_mix(coded, by="subtype")
    measures = coded[coded["measure"] == "是"]
    per_clause = measures["subtypes"].str.split("|").map(lambda s: subtype in s).groupby(measures["doc_id"]).mean()
    by_type = instrument_mix(coded, share=True)
    mistakes = [
        (right / 100, PROPORTION_FOR_PERCENT),
        (float(counts[subtype].max()), "这是编码次数：长文本的次数自然多。题目比的是占本文全部工具编码的比例（share=True）。"),
        (float(per_clause.max()) * 100 if len(per_clause) else None,
         "你算的是带这个子类的措施条款占措施条款的比例：题目的分母是本文全部工具编码（一个条款可以有几个编码）。"),
        (float(by_type["环境型"].max()) * 100 if "环境型" in by_type else None,
         "这是“环境型”整类的比例：题目问的是其中的子类“策略性措施”（by=\"subtype\"）。"),
    ]
    return right, mistakes


def _top_subtype_share(answer, coded, subtype="策略性措施") -> tuple[bool, str]:
    from ...extraction.instruments import instrument_mix

    mix = instrument_mix(coded, by="subtype", share=True)
    if mix.empty or subtype not in mix or mix[subtype].max() == 0:
        return False, f"这个语料里没有“{subtype}”编码。"
    right, mistakes = subtype_share_diagnoses(coded, subtype)
    return number_feedback(answer, right, 1, mistakes,
                           done=f"是 {mix[subtype].idxmax()}：它的工具编码中有 {right:.1f}% 是“{subtype}”。")


#: What ``str.contains("|")`` does: “|” is “or” in a regular expression, so the pattern matches the empty string everywhere.
REGEX_BAR = ("str.contains(\"|\") 把“|”当成正则表达式里的“或”，空字符串处处都能匹配，于是每一行都算进去了："
             "用 str.contains(\"|\", regex=False)，或者 str.count(r\"\\|\") >= 1。")


def mixed_types_diagnoses(coded) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q4 (clauses coded with two or three types) and the likely mistakes."""
    types = coded["types"].fillna("")
    right = int((types.str.count(r"\|") >= 1).sum())
    mistakes = [
        (int((coded["subtypes"].fillna("").str.count(r"\|") >= 1).sum()),
         "你数的是带两个以上子类（subtypes）的条款：同一类型的两个子类（例如人才和资金，都是供给型）不算“不同类型”。"
         "要看 types 列。"),
        (int((types != "").sum()), "这是至少有一种工具编码的条款数：题目要两种或三种不同类型的。"),
        (int((types.str.count(r"\|") >= 2).sum()), "你只数了三种类型都有的条款：两种的也要算。"),
        (int(types.str.count(r"\|").sum()), "你把“|”的个数加起来了：一个有三种类型的条款会被算两次。每个条款只算一次。"),
        (len(coded), REGEX_BAR),
        (int((coded["measure"] == "是").sum()), REGEX_BAR),
    ]
    return right, mistakes


def _mixed_types(answer, coded) -> tuple[bool, str]:
    if not len(coded):
        return UNCHECKABLE, "这个语料里没有条款。"
    right, mistakes = mixed_types_diagnoses(coded)
    measures = int((coded["measure"] == "是").sum())
    return number_feedback(answer, right, 0, mistakes, done=f"占全部措施条款的 {right / max(measures, 1):.0%}。",
                           bigger="太多了。", smaller="太少了。")


def chance_diagnoses(my_codes, five, coded) -> tuple[float, list[tuple[float | None, str]]]:
    """The right answer to q5 (the chance agreement p_e of the student's codes and the rules') and the likely mistakes."""
    rules = rules_codes(five, coded)
    p_o, right = agreement_parts(my_codes, rules)
    mine = pd.Series(list(my_codes), dtype=str).value_counts(normalize=True)
    theirs = pd.Series(rules, dtype=str).value_counts(normalize=True)
    mistakes = [
        (p_o, "这是一致率 p_o（逐句比较得到的）：p_e 只取决于两边各自用每个类别的频率，与逐句是否一致无关。"),
        (float((mine ** 2).sum()), "你只用了你自己这一边的比例（平方后相加）：每个类别要用“你的比例 × 规则的比例”。"),
        (float((theirs ** 2).sum()), "你只用了规则这一边的比例（平方后相加）：每个类别要用“你的比例 × 规则的比例”。"),
        (1 / max(len(set(mine.index) | set(theirs.index)), 1),
         "这是“每个类别机会均等”时的 1/类别数：p_e 要按两边实际用各类别的比例来算。"),
    ]
    return right, mistakes


def _chance_agreement(answer, my_codes, five, coded) -> tuple[bool, str]:
    problem = _previous_codes_problem(my_codes, five)
    if problem:
        return False, problem
    if answer > 1 or answer < 0:
        return False, "偶然一致率是一个 0 到 1 之间的比例。"
    right, mistakes = chance_diagnoses(my_codes, five, coded)
    mine = pd.Series(list(my_codes), dtype=str).value_counts(normalize=True)
    theirs = pd.Series(rules_codes(five, coded), dtype=str).value_counts(normalize=True)
    top = max(((mine.get(k, 0) * theirs.get(k, 0), k) for k in set(mine.index) | set(theirs.index)), default=(0, ""))
    return number_feedback(answer, right, 2, mistakes,
                           done=f"偶然一致率约 {right:.2f}，其中“{top[1]}”一类贡献最多（{top[0]:.2f}）。",
                           bigger="太大了。", smaller="太小了。")


q1 = Exercise(
    "读 five 表里的五个条款，按本课的编码表给每一句编一个工具类型（供给型、环境型、需求型，都不是就写“无”），"
    "按顺序写成一个列表。",
    _your_codes,
    ("先看句子里政府“做了什么”：直接给人、钱、技术、设施、服务是供给型；定规划、给金融税收、立规矩、改体制是环境型；"
     "采购、开放场景、培育市场、国际合作是需求型。",
     "一句里有几种工具时，按最主要的那一种（通常是第一个动作）编。",
     "列表要和 five 的行数一样长，例如 [\"供给型\", \"环境型\", …]。"),
    'my_codes = ["无", "环境型", "供给型", "供给型", "无"][:len(five)]  # 本课作者对种子语料这五句的编码',
    expects="list",
    ok_prefix="✅ 已记录（格式正确）。",
)

q2 = Exercise(
    "计算你在练习 1 的编码（my_codes）与规则编码（coded 里这五个条款的 type 列）之间的 Cohen's κ，保留两位小数。",
    _kappa_with_rules,
    ("规则的编码：coded.set_index(\"clause_id\").loc[five[\"clause_id\"], \"type\"]。",
     "本课的库里有一个函数可以直接算 κ：zhpolicy.extraction.instruments.cohen_kappa(甲, 乙)。",
     "也可以用 sklearn.metrics.cohen_kappa_score。五个条款的 κ 很不稳定，这正是要体会的地方。"),
    'rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()\n'
    'answer = round(I.cohen_kappa(my_codes, rules), 2)',
    expects="number",
    diagnoses=kappa_diagnoses,
)

q3 = Exercise(
    "“策略性措施”占一篇文本全部工具编码（按子类数，一个条款可有几个编码）的比例，最高的一篇是多少？"
    "回答一个百分数，保留一位小数（例如 31.9 表示 31.9%）。",
    _top_subtype_share,
    ("比例不是次数：长文本的次数自然多。",
     "instrument_mix(coded, by=\"subtype\", share=True) 每行加起来是 1。",
     "取“策略性措施”那一列的最大值，乘以 100，round(…, 1)。"),
    'strategic = I.instrument_mix(coded, by="subtype", share=True)["策略性措施"]\n'
    'answer = round(float(strategic.max()) * 100, 1)',
    expects="number",
    diagnoses=subtype_share_diagnoses,
)

q4 = Exercise(
    "有多少个措施条款同时带有两种或三种不同类型（供给型、环境型、需求型）的工具编码？回答一个整数。",
    _mixed_types,
    ("coded 的 types 列列出一个条款的全部类型，用“|”隔开。",
     "一个条款有两种类型时，types 里至少有一个“|”。",
     "coded[\"types\"].str.count(r\"\\|\") >= 1，再求和。"),
    'answer = int((coded["types"].str.count(r"\\|") >= 1).sum())',
    expects="integer",
    diagnoses=mixed_types_diagnoses,
)

q5 = Exercise(
    "练习 2 的 κ 里，偶然一致率 p_e 是多少（κ = (p_o − p_e) / (1 − p_e) 中的 p_e）？保留两位小数。",
    _chance_agreement,
    ("p_e 只取决于两边各自用每个类别的频率，和逐句是否一致无关。",
     "对每个类别，把你用它的比例乘以规则用它的比例，再把所有类别加起来。",
     "pd.Series(my_codes).value_counts(normalize=True) 给出你这一边的比例。"),
    'import pandas as pd\n'
    'rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()\n'
    'pa = pd.Series(my_codes).value_counts(normalize=True)\n'
    'pb = pd.Series(rules).value_counts(normalize=True)\n'
    'answer = round(float((pa * pb).fillna(0).sum()), 2)',
    expects="number",
    diagnoses=chance_diagnoses,
)
