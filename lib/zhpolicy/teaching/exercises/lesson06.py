"""Exercises for lesson 06: ``from zhpolicy.teaching.exercises import lesson06 as ex``."""

from __future__ import annotations

import math

import pandas as pd

from . import Exercise

TYPES = ("供给型", "环境型", "需求型", "无")


def five_clauses(coded: pd.DataFrame, n: int = 5, seed: int = 4) -> pd.DataFrame:
    """*n* clauses (measures or not) for students to code by hand (fixed seed; fewer when the corpus
    has fewer). Only the text is returned: the rules' codes stay hidden until the student has coded."""
    picked = coded.sample(min(n, len(coded)), random_state=seed).sort_index() if len(coded) else coded
    return picked[["clause_id", "doc_id", "text"]].reset_index(drop=True)


def _your_codes(answer, five) -> tuple[bool, str]:
    if len(five) == 0:
        return False, "这个语料里没有条款，没有可编码的句子。"
    if len(answer) != len(five):
        return False, f"需要 {len(five)} 个编码（每句一个），你给了 {len(answer)} 个。"
    bad = [a for a in answer if a not in TYPES]
    if bad:
        return False, f"这些编码不在允许的类别里：{bad}（只能用 供给型、环境型、需求型、无）。"
    return True, "编码格式正确。下一题计算你和规则的一致程度。"


def _kappa_with_rules(answer, my_codes, five, coded) -> tuple[bool, str]:
    from ...extraction.instruments import cohen_kappa

    rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()
    if not my_codes or len(my_codes) != len(rules):
        return False, "先完成上一题：my_codes 要和五个条款一一对应。"
    right = cohen_kappa(my_codes, rules)
    if math.isnan(right):
        if isinstance(answer, float) and math.isnan(answer):
            return True, "你和规则都只用了同一个类别，κ 没有定义（NaN）。"
        return False, "在这组编码上 κ 没有定义：两边都只用了同一个类别。用 float('nan') 作答。"
    if isinstance(answer, float) and math.isnan(answer):
        return False, "这组编码的 κ 是有定义的：两边用到了不止一个类别。"
    if abs(answer - right) < 0.005:
        agree = sum(a == b for a, b in zip(my_codes, rules))
        return True, f"你和规则在 {agree}/{len(rules)} 个条款上一致。"
    if answer > 1 or answer < -1:
        return False, "κ 一定在 -1 和 1 之间。"
    return False, "太大了。" if answer > right else "太小了。"


def _top_subtype_share(answer, coded, subtype="策略性措施") -> tuple[bool, str]:
    from ...extraction.instruments import instrument_mix

    mix = instrument_mix(coded, by="subtype", share=True)
    if mix.empty or mix[subtype].max() == 0:
        return False, f"这个语料里没有“{subtype}”编码。"
    best = mix[subtype].idxmax()
    if str(answer) == best:
        return True, f"它的工具编码中有 {mix.loc[best, subtype]:.0%} 是“{subtype}”。"
    if str(answer) not in mix.index:
        return False, "答案应是一个 doc_id（完整的文档编号）。"
    return False, "不是这篇：比较的是占本文全部工具编码的比例，不是次数。"


def _mixed_types(answer, coded) -> tuple[bool, str]:
    right = int((coded["types"].str.count(r"\|") >= 1).sum()) if len(coded) else 0
    if int(answer) == right:
        return True, f"占全部措施条款的 {right / max((coded['measure'] == '是').sum(), 1):.0%}。"
    return False, "太多了。" if answer > right else "太少了。"


def _chance_agreement(answer, matched) -> tuple[bool, str]:
    a, b = matched["human_type"].astype(str), matched["rules_type"].astype(str)
    if len(a) == 0:
        return False, "当前语料没有人工样本，这道题只能在种子语料上做。"
    pa, pb = a.value_counts(normalize=True), b.value_counts(normalize=True)
    right = float(sum(pa.get(k, 0) * pb.get(k, 0) for k in set(pa.index) | set(pb.index)))
    if abs(answer - right) < 0.005:
        parts = sorted(((pa.get(k, 0) * pb.get(k, 0), k) for k in set(pa.index) | set(pb.index)), reverse=True)
        return True, f"偶然一致率约 {right:.2f}，其中“{parts[0][1]}”一类贡献最多（{parts[0][0]:.2f}）。"
    if answer > 1 or answer < 0:
        return False, "偶然一致率是一个 0 到 1 之间的比例。"
    return False, "太大了。" if answer > right else "太小了。"


q1 = Exercise(
    "读 five 表里的五个条款，按本课的编码表给每一句编一个工具类型（供给型、环境型、需求型，都不是就写“无”），"
    "按顺序写成一个列表。",
    _your_codes,
    ("先看句子里政府“做了什么”：直接给人、钱、技术、设施、服务是供给型；定规划、给金融税收、立规矩、改体制是环境型；"
     "采购、开放场景、培育市场、国际合作是需求型。",
     "一句里有几种工具时，按最主要的那一种（通常是第一个动作）编。",
     "列表要和 five 的行数一样长，例如 [\"供给型\", \"环境型\", …]。"),
    'my_codes = ["供给型", "环境型", "环境型", "需求型", "供给型"]  # 你自己读句子后的判断',
    expects="list",
)

q2 = Exercise(
    "计算你在练习 1 的编码（my_codes）与规则编码（coded 里这五个条款的 type 列）之间的 Cohen's κ。",
    _kappa_with_rules,
    ("规则的编码：coded.set_index(\"clause_id\").loc[five[\"clause_id\"], \"type\"]。",
     "本课的库里有一个函数可以直接算 κ：zhpolicy.extraction.instruments.cohen_kappa(甲, 乙)。",
     "也可以用 sklearn.metrics.cohen_kappa_score。五个条款的 κ 很不稳定，这正是要体会的地方。"),
    'rules = coded.set_index("clause_id").loc[five["clause_id"], "type"].tolist()\n'
    'I.cohen_kappa(my_codes, rules)',
    expects="number",
)

q3 = Exercise(
    "哪一篇文本的工具编码中“策略性措施”所占的比例最高？给出 doc_id。",
    _top_subtype_share,
    ("比例不是次数：长文本的次数自然多。",
     "instrument_mix(coded, by=\"subtype\", share=True) 每行加起来是 1。",
     "取“策略性措施”那一列，再 idxmax()。"),
    'I.instrument_mix(coded, by="subtype", share=True)["策略性措施"].idxmax()',
    expects="text",
)

q4 = Exercise(
    "有多少个措施条款同时带有两种或三种不同类型的工具编码？",
    _mixed_types,
    ("coded 的 types 列列出一个条款的全部类型，用“|”隔开。",
     "一个条款有两种类型时，types 里至少有一个“|”。",
     "coded[\"types\"].str.count(r\"\\|\") >= 1，再求和。"),
    'int((coded["types"].str.count(r"\\|") >= 1).sum())',
    expects="integer",
)

q5 = Exercise(
    "在“工具类型”这一维上，人工编码与规则编码的偶然一致率 p_e 是多少？（κ = (p_o − p_e) / (1 − p_e) 中的 p_e）",
    _chance_agreement,
    ("p_e 只取决于两边各自用每个类别的频率，和逐句是否一致无关。",
     "对每个类别，把人工用它的比例乘以规则用它的比例，再把所有类别加起来。",
     "matched[\"human_type\"].value_counts(normalize=True) 给出人工这一边的比例。"),
    'pa = matched["human_type"].value_counts(normalize=True)\n'
    'pb = matched["rules_type"].value_counts(normalize=True)\n'
    'float((pa * pb).fillna(0).sum())',
    expects="number",
)
