"""Exercises for lesson 05: ``from zhpolicy.exercises import lesson05 as ex``."""

from __future__ import annotations

from . import Exercise


def _count_yuan(answer, stats) -> tuple[bool, str]:
    right = int((stats["unit"] == "元").sum())
    if int(answer) == right:
        return True, f"一共 {right} 个。"
    return False, f"你的答案是 {answer}。注意要数的是 unit 列等于“元”的行。"


def _convert_yi(answer) -> tuple[bool, str]:
    right = 24590.7 * 10**8
    if abs(float(answer) - right) < 1:
        return True, f"24590.7亿元 = {right:,.0f} 元，约 2.46 万亿元。"
    return False, f"你的答案是 {float(answer):,.0f}，差了 {right / float(answer):g} 倍。" if float(answer) else ""


def _count_flags(answer, flags) -> tuple[bool, str]:
    right = len(flags)
    if int(answer) == right:
        return True, f"共 {right} 条，分属 {flags['check'].nunique()} 类检查。"
    return False, ""


q1 = Exercise(
    "语料中一共有多少个以“元”为单位的统计数字？",
    _count_yuan,
    "在 stats 表里筛选 stats['unit'] == '元'，再数行数（len 或 .sum()）。",
    'int((stats["unit"] == "元").sum())',
)

q2 = Exercise(
    "把“24590.7亿元”换算成以“元”为单位的数值（1亿 = 10的8次方）。",
    _convert_yi,
    "24590.7 × 100000000，在 Python 里写作 24590.7 * 10**8。",
    "24590.7 * 10**8",
)

q3 = Exercise(
    "一致性检查一共给出了多少条标记？",
    _count_flags,
    "flags 是一张表，每行一条标记；len(flags) 就是条数。",
    "len(flags)",
)
