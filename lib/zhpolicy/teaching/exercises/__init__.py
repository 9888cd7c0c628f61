"""Exercises with self-checks: ``ex.q1.check(answer)``, ``ex.q1.hint()``, ``ex.q1.solution()``.

One module per lesson (``lesson01`` … ``lesson06``), each defining ``q1``, ``q2`` … as
:class:`Exercise` objects::

    from zhpolicy.teaching.exercises import lesson01 as ex
    ex.q1.check(my_answer, corpus)

Each checker recomputes the right answer from the data it is given, so the exercises work on
any corpus. ``check`` never prints the answer or a hint: it says whether the answer is right
and, if not, what is off. Where a student's likely mistake can be recomputed (a proportion
given for a percentage, the wrong denominator, digits compared before converting units, too
few decimals), the checker recomputes it and names it; a wrong guess says nothing about the
other candidates. Hints are graded and shown only on request, one more each time ``hint()`` is
called; ``solution()`` prints the reference code.

The rules the lessons' exercises follow (tested in ``tests/test_exercises_lesson0N.py``):
no answer is one arithmetic step on printed values; a numeric question states its rounding;
every diagnosis is tested with the mistake it names; any list-like of ids is accepted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
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


def as_items(answer) -> list | None:
    """The items of a list-like *answer* as a plain list (list, tuple, set, a pandas Series,
    Index or array such as ``chosen["doc_id"].unique()``, a numpy array, dict keys …), or
    ``None`` when *answer* is not list-like (a string, a dict, a table, a number)."""
    import pandas as pd

    if answer is None or isinstance(answer, (str, bytes, dict, pd.DataFrame)) or not isinstance(answer, Iterable):
        return None
    tolist = getattr(answer, "tolist", None)
    items = tolist() if callable(tolist) else list(answer)
    return items if isinstance(items, list) else None


def _is_number(answer) -> bool:
    return isinstance(answer, Real) and not isinstance(answer, bool)


def kind_problem(answer, kind: str | None) -> str | None:
    """Why *answer* is not of the kind a question expects (a sentence naming the likely slip),
    or ``None`` when it is."""
    if kind is None:
        return None
    items = as_items(answer)
    if kind in ("number", "integer"):
        if _is_number(answer):
            if kind == "integer" and not float(answer).is_integer():
                return f"这里需要{KIND_NAMES['integer']}，你给的是 {answer}：数的是个数，不会有小数。"
            return None
        if isinstance(answer, str):
            try:
                float(answer)
            except ValueError:
                pass
            else:
                return f"你给的是带引号的文字 {answer!r}，这里需要{KIND_NAMES[kind]}：去掉引号。"
        if items is not None and len(items) == 1 and _is_number(items[0]):
            return (f"你给的是只有一项的 {type(answer).__name__}，这里需要其中那个数本身："
                    "用 .iloc[0] 或 .item() 取出来（或者 float(...)）。")
        if items is not None:
            return (f"你给的是有 {len(items)} 项的 {type(answer).__name__}，这里需要一个数：还差一步"
                    "（取最大值、求和或按题目选出一项）。")
    elif kind in ("text", "pattern"):
        if isinstance(answer, str):
            return None
        if items is not None and len(items) == 1 and isinstance(items[0], str):
            return (f"你给的是只有一项的 {type(answer).__name__}，这里需要其中那一个值本身："
                    "用 .iloc[0] 取出来（或者直接用 idxmax() 这类返回单个值的方法）。")
        if items is not None:
            return f"你给的是有 {len(items)} 项的 {type(answer).__name__}，这里只需要一个值。"
    elif kind == "list":
        if items is not None:
            return None
        if isinstance(answer, str):
            return f"你给的是一段文字 {answer!r}，这里需要{KIND_NAMES['list']}：每一项单独写、加上方括号。"
    elif kind == "function":
        if callable(answer):
            return None
    elif kind == "table":
        import pandas as pd

        if isinstance(answer, pd.DataFrame):
            return None
    else:
        raise ValueError(f"unknown answer kind {kind!r}; use one of {sorted(KIND_NAMES)}")
    return f"这里需要{KIND_NAMES[kind]}，你给的是 {type(answer).__name__}。"


def answer_kind_ok(answer, kind: str | None) -> bool:
    """Whether *answer* has the type a question of *kind* expects (bool never counts as a number;
    any list-like counts as a list)."""
    return kind_problem(answer, kind) is None


# ---------------------------------------------------------------- numbers: rounding and diagnoses


def decimals_of(value: float, most: int = 8) -> int:
    """How many decimals *value* is written with (``2.70`` → 1, ``3`` → 0), up to *most*."""
    for k in range(most + 1):
        scaled = value * 10 ** k
        if abs(scaled - round(scaled)) < 1e-6 * max(1.0, abs(scaled)):
            return k
    return most


def within(answer: float, value: float, decimals: int) -> bool:
    """Whether *answer* is *value* rounded to *decimals* places, or closer (round half either way)."""
    return abs(answer - value) <= 0.5 * 10 ** -decimals + 1e-9 * max(1.0, abs(value))


def number_feedback(answer, right: float, decimals: int, mistakes: Sequence[tuple[float | None, str]] = (),
                    *, done: str = "", bigger: str = "偏大了。", smaller: str = "偏小了。") -> tuple[bool, str]:
    """Check a numeric *answer* against *right*, asked to *decimals* places.

    Right when it is *right* rounded to *decimals* places (more decimals are fine). Otherwise,
    in this order: a ``(value, message)`` of *mistakes* whose value the answer matches at
    *decimals* places gets its message; an answer written with at least one decimal but fewer
    than asked that equals the right value at its own precision gets “只保留了 … 位小数” (so a
    whole number such as κ = 0 is never told its value is right); a mistake matched at the
    answer's own precision (one decimal or more) gets its message; else *bigger* or *smaller*,
    with a reminder of the decimals asked for when the answer is a whole number. A mistake whose
    value would itself be right is never named. *done* is said when the answer is right."""
    answer = float(answer)
    if math.isinf(answer):
        return False, "结果是无穷大：是不是除以了 0？"
    if math.isnan(right):
        return (math.isnan(answer), done if math.isnan(answer) else "这里的值没有定义（NaN）。")
    if math.isnan(answer):
        return False, "你给的是 NaN（没有定义的数）：检查有没有除以 0，或者筛选后一行也没有。"
    if within(answer, right, decimals):
        return True, done
    wrong = named_mistakes(right, decimals, mistakes)
    for value, message in wrong:  # a mistake the answer matches exactly
        if within(answer, value, decimals):
            return False, message
    places = decimals_of(answer)
    if 1 <= places < decimals and within(answer, right, places):
        return False, (f"数值对了，但只保留了 {places} 位小数；题目要求保留 {decimals} 位"
                       f"（例如 round(x, {decimals})）。")
    if places >= 1:
        for value, message in wrong:  # a mistake, rounded as far as the answer is
            if within(answer, value, places):
                return False, message
    verdict = bigger if answer > right else smaller
    if places == 0 and decimals >= 1:
        verdict += f"（另外，题目要求保留 {decimals} 位小数。）"
    return False, verdict


def named_mistakes(right: float, decimals: int, mistakes: Sequence[tuple[float | None, str]]) -> list[tuple[float, str]]:
    """The ``(value, message)`` of *mistakes* that can be told apart from the right answer at
    *decimals* places (a mistake that happens to give the right value on this corpus is left out)."""
    return [(float(value), message) for value, message in mistakes
            if value is not None and not math.isnan(float(value)) and not within(float(value), right, decimals)]


#: Diagnoses shared by questions asking for a percentage or a proportion.
PROPORTION_FOR_PERCENT = "你给的像是一个比例（0–1），题目要的是百分数：再乘以 100。"
PERCENT_FOR_PROPORTION = "你给的像是一个百分数，题目要的是 0 到 1 之间的比例：不要乘以 100。"

#: What a checker returns instead of True/False when the corpus itself leaves nothing to check
#: (no texts, no statistics, one document where two are needed): not the student's mistake.
UNCHECKABLE = None


def set_feedback(given: Iterable, right: Iterable, mistakes: Sequence[tuple[Iterable | None, str]] = (),
                 *, what: str = "项", done: str = "", counts: bool = True) -> tuple[bool, str]:
    """Compare a list-like answer with the right set, order and repeats ignored. A set of
    *mistakes* that the answer equals gets its message; otherwise how many are missing and how
    many are extra (never which). With ``counts=False`` only whether the answer has as many items
    as the right set is said, so that guessing one item at a time tells nothing about each one
    (for questions whose candidates are few, such as the documents of a corpus)."""
    given, right = {str(g).strip() for g in given}, {str(r) for r in right}
    if given == right:
        return True, done
    for value, message in mistakes:
        if value is not None and {str(v) for v in value} == given and given != right:
            return False, message
    if not counts:
        if len(given) == len(right):
            return False, f"个数对了（{len(given)} {what}），但其中有的不对。"
        return False, f"你给了 {len(given)} {what}，个数不对。"
    parts = []
    if right - given:
        parts.append(f"少了 {len(right - given)} {what}")
    if given - right:
        parts.append(f"多了 {len(given - right)} {what}")
    return False, "，".join(parts) + "。"


def same_set(value: Iterable | None, right: Iterable) -> bool:
    """Whether a named mistake *value* (a set) equals the *right* set (then it cannot be told apart)."""
    return value is not None and {str(v) for v in value} == {str(r) for r in right}


#: Quotation marks a student may type around a word answer (“加快”, "加快", 「加快」 …).
QUOTES = "“”‘’\"'「」『』《》"


def bare_text(answer: str) -> str:
    """A word answer without the spaces and quotation marks typed around it."""
    return str(answer).strip().strip(QUOTES).strip()


def labels_for_ids(given: Iterable, doc_ids: Iterable, labels: Iterable) -> str | None:
    """The diagnosis when a student answered with documents' labels (or the first three
    characters of their ids) where doc_ids were asked, else ``None``."""
    given = [str(g).strip() for g in given]
    ids = [str(d) for d in doc_ids]
    if not given or set(given) <= set(ids):
        return None
    if set(given) <= {str(label) for label in labels}:
        return "你给的是文本的名称（label），题目要的是 doc_id：用 doc_id 列里的写法。"
    if all(any(d.startswith(g) for d in ids) for g in given):
        return "你只给了 doc_id 的开头几个字符：请写完整的 doc_id（doc_id 列里的写法）。"
    return None


@dataclass
class Exercise:
    """One exercise: a question, a checker returning ``(ok, message)``, graded hints, a solution.

    ``hints`` go from a nudge to a closer hint; none of them is the answer. ``expects`` names the
    answer's kind (a key of :data:`KIND_NAMES`); a wrong kind is a clear ❌ before any checking,
    naming the likely slip (a one-item Series where a number is asked …). The checker receives
    list-like answers as plain lists (see :func:`as_items`). ``ok_prefix`` starts the message of
    an accepted answer (a question without a right answer says “已记录”, not “正确”).
    ``diagnoses``, when given, is the function the checker takes its named mistakes from: called
    with the check's context it returns ``(right, [(value, message), …])``, so a test can list
    which diagnoses the corpus at hand can show (a mistake that gives the right value cannot).
    """

    question: str
    checker: Callable[..., tuple[bool | None, str]]  # None: UNCHECKABLE on this corpus
    hints: Sequence[str] | str
    solution_code: str
    expects: str | None = None
    ok_prefix: str = "✅ 正确！"
    diagnoses: Callable[..., tuple] | None = field(default=None, repr=False)
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
        problem = kind_problem(answer, self.expects)
        if problem:
            print(f"❌ 答案的类型不对：{problem}")
            return
        if self.expects == "list":
            answer = as_items(answer)
        try:
            ok, message = self.checker(answer, *context)
        except Exception as exc:  # a student's function may raise anything
            ok, message = False, f"检查时出错：{type(exc).__name__}: {exc}"
        if ok is UNCHECKABLE:
            print(f"⚠️ 这份语料上这道题无法检查：{message}换一个文本更多的文件夹再做这道题（不是你的答案错了）。")
            return
        print((self.ok_prefix if ok else "❌ 还不对。") + (f" {message}" if message else ""))
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
