"""Exercises with self-checks: ``ex.q1.check(answer)``, ``ex.q1.hint()``, ``ex.q1.solution()``.

One module per lesson (``lesson01`` … ``lesson06``), each defining ``q1``, ``q2`` … as
:class:`Exercise` objects::

    from zhpolicy.teaching.exercises import lesson01 as ex
    ex.q1.check(my_answer, corpus)

Each checker recomputes the right answer from the data it is given, so the exercises work on
any corpus. ``check`` never prints the answer or a hint: it says whether the answer is right
and, if not, what is off (wrong type, too big, missing items). Hints are graded and shown only
on request, one more each time ``hint()`` is called; ``solution()`` prints the reference code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from numbers import Real

#: Names a student understands for the answer types a question can expect.
KIND_NAMES: dict[str, str] = {
    "number": "一个数（int 或 float）",
    "integer": "一个整数（int）",
    "text": "一段文字（str）",
    "list": "一个列表（list），例如 [\"甲\", \"乙\"]",
    "function": "一个函数（用 def 定义，传函数名本身，不要加括号）",
    "table": "一张表（pandas DataFrame）",
    "pattern": "一个正则表达式字符串（str），例如 r\"从.+到.+\"",
}


def answer_kind_ok(answer, kind: str | None) -> bool:
    """Whether *answer* has the type a question of *kind* expects (bool never counts as a number)."""
    if kind is None:
        return True
    if kind in ("number", "integer"):
        if isinstance(answer, bool) or not isinstance(answer, Real):
            return False
        return kind == "number" or float(answer).is_integer()
    if kind in ("text", "pattern"):
        return isinstance(answer, str)
    if kind == "list":
        return isinstance(answer, (list, tuple, set))
    if kind == "function":
        return callable(answer)
    if kind == "table":
        import pandas as pd

        return isinstance(answer, pd.DataFrame)
    raise ValueError(f"unknown answer kind {kind!r}; use one of {sorted(KIND_NAMES)}")


@dataclass
class Exercise:
    """One exercise: a question, a checker returning ``(ok, message)``, graded hints, a solution.

    ``hints`` go from a nudge to a closer hint; none of them is the answer. ``expects`` names the
    answer's kind (a key of :data:`KIND_NAMES`); a wrong kind is a clear ❌ before any checking.
    """

    question: str
    checker: Callable[..., tuple[bool, str]]
    hints: Sequence[str] | str
    solution_code: str
    expects: str | None = None
    passed: bool = False
    hints_shown: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.hints, str):
            self.hints = (self.hints,)
        self.hints = tuple(self.hints)
        if self.expects is not None and self.expects not in KIND_NAMES:
            raise ValueError(f"unknown answer kind {self.expects!r}")

    def check(self, answer, *context) -> None:
        """Print whether *answer* is right and, if not, what is off; remember it in ``passed``."""
        self.passed = False
        if answer is None:
            print("✏️ 还没有作答：把 None 换成你的答案，再运行这个单元格。")
            return
        if not answer_kind_ok(answer, self.expects):
            print(f"❌ 答案的类型不对：这里需要{KIND_NAMES[self.expects]}，"
                  f"你给的是 {type(answer).__name__}。")
            return
        try:
            ok, message = self.checker(answer, *context)
        except Exception as exc:  # a student's function may raise anything
            ok, message = False, f"检查时出错：{type(exc).__name__}: {exc}"
        print(("✅ 正确！" if ok else "❌ 还不对。") + (f" {message}" if message else ""))
        if not ok and self.hints_shown < len(self.hints):
            print("需要提示时运行 .hint()（可以多次运行，提示一次比一次具体）。")
        self.passed = ok

    def hint(self) -> None:
        """Print the next hint (a nudge first, then closer ones); repeat the last when all are shown."""
        if not self.hints:
            print("这道题没有提示。")
            return
        index = min(self.hints_shown, len(self.hints) - 1)
        self.hints_shown = index + 1
        print(f"💡 提示 {index + 1}/{len(self.hints)}：{self.hints[index]}")

    def solution(self) -> None:
        """Print the reference solution (only when asked)."""
        print(self.solution_code)
