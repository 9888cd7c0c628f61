"""Exercises for lesson 04: ``from zhpolicy.exercises import lesson04 as ex``."""

from __future__ import annotations

from . import Exercise


def _count_kind(answer, chains) -> tuple[bool, str]:
    right = int((chains["kind"] == "sequence").sum())
    if int(answer) == right:
        return True, f"一共 {right} 条 sequence。"
    return False, f"你的答案是 {answer}。"


def _pattern_catches(pattern) -> tuple[bool, str]:
    import re

    positives = ["推动产业从“制造”迈向“智造”。", "实现从“跟跑”迈向“领跑”。"]
    negatives = ["推动产业迈向高端。", "从制造业来看，迈向高端是方向。"]
    compiled = re.compile(pattern)
    caught = [bool(compiled.search(t)) for t in positives]
    wrong = [t for t in negatives if compiled.search(t)]
    if all(caught) and not wrong:
        return True, "两个正例都找到了，两个反例都没有误报。"
    if not all(caught):
        return False, f"漏掉了：{[t for t, c in zip(positives, caught) if not c]}"
    return False, f"误报了：{wrong}"


q1 = Exercise(
    "语料中一共抽取出多少条 kind 为 sequence 的逻辑链？",
    _count_kind,
    "在 chains 表中筛选 chains['kind'] == 'sequence'，再数行数。",
    'int((chains["kind"] == "sequence").sum())',
)

q2 = Exercise(
    "写一个正则表达式，找出“从“A”迈向“B””这样的阶段转变（A、B 都在引号里）。",
    _pattern_catches,
    "A、B 在引号里，可以写成 “[^”]+”；整体是 从“…”迈向“…”。",
    'r"从“[^”]+”迈向“[^”]+”"',
)
