"""Exercises with self-checks, in the style of ``q1.check()`` / ``q1.hint()`` / ``q1.solution()``.

Each check recomputes the right answer from the corpus it is given, so the exercises work
on any corpus, not only on the seed documents::

    from zhpolicy.exercises import lesson01 as ex
    ex.q1.check("003_dd093aed7fc08f9e", corpus)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace


@dataclass
class Exercise:
    """One exercise: a question, a checker returning (ok, message), a hint and a solution."""

    question: str
    checker: Callable[..., tuple[bool, str]]
    hint_text: str
    solution_code: str

    passed: bool = False

    def check(self, answer, *context) -> None:
        """Print whether *answer* is right (with a hint when it is not); remember it in ``passed``."""
        self.passed = False
        if answer is None:
            print("✏️ 还没有作答：把 None 换成你的答案，再运行这个单元格。")
            return
        try:
            ok, message = self.checker(answer, *context)
        except Exception as exc:  # a student's function may raise anything
            ok, message = False, f"检查时出错：{type(exc).__name__}: {exc}"
        print(("✅ 正确！" if ok else "❌ 还不对。") + (f" {message}" if message else ""))
        if not ok:
            print(f"💡 提示：{self.hint_text}")
        self.passed = ok

    def hint(self) -> None:
        print(f"💡 提示：{self.hint_text}")

    def solution(self) -> None:
        print(self.solution_code)


# ---------------------------------------------------------------- lesson 01


def _longest_sentences(answer, corpus) -> tuple[bool, str]:
    from .structure import document_stats

    stats = document_stats(corpus).sort_values(["mean_sentence_chars", "doc_id"], ascending=[False, True])
    right = stats.iloc[0]["doc_id"]
    if str(answer) == right:
        return True, f"平均句长 {stats.iloc[0]['mean_sentence_chars']} 字。"
    if str(answer) not in set(stats["doc_id"]):
        return False, f"“{answer}”不是语料里的 doc_id。"
    return False, ""


def _citation_count(answer, corpus) -> tuple[bool, str]:
    from .numbers import CITATION

    right = sum(len(CITATION.findall(t)) for t in corpus["text"])
    if int(answer) == right:
        return True, f"一共 {right} 个引用标号。"
    return False, f"你的答案是 {answer}，{'多' if int(answer) > right else '少'}了。"


_BRACKET_CASES = [
    ("【本文作者为某研究院研究员】", ""),
    ("正文第一句。【编者按：略】正文第二句。", "正文第一句。正文第二句。"),
    ("没有方括号的句子保持不变。", "没有方括号的句子保持不变。"),
    ("两处【甲】和【乙】都要删。", "两处和都要删。"),
    ("引用标号[1]不是全角方括号，要保留。", "引用标号[1]不是全角方括号，要保留。"),
]


def _strip_brackets(func) -> tuple[bool, str]:
    for text, expected in _BRACKET_CASES:
        got = func(text)
        if got != expected:
            return False, f"输入 {text!r} 应得到 {expected!r}，你的函数给出 {got!r}。"
    return True, f"{len(_BRACKET_CASES)} 个测试全部通过。"


lesson01 = SimpleNamespace(
    q1=Exercise(
        "哪一篇文本的平均句长最长？回答它的 doc_id。",
        _longest_sentences,
        "zp.document_stats(corpus) 有一列 mean_sentence_chars；用 sort_values 或 idxmax 找最大的一行。",
        'stats = zp.document_stats(corpus)\nstats.loc[stats["mean_sentence_chars"].idxmax(), "doc_id"]',
    ),
    q2=Exercise(
        "清洗后的语料里一共有多少个引用标号（形如 [1]、[10]）？",
        _citation_count,
        "用正则表达式 r\"\\[\\d+\\]\" 和 str.count / re.findall，在 corpus['text'] 的每一篇里数，再加起来。",
        'import re\nsum(len(re.findall(r"\\[\\d+\\]", t)) for t in corpus["text"])',
    ),
    q3=Exercise(
        "写一个清洗函数 strip_brackets(text)：删掉全角方括号【…】及其中的内容，其余文字不变。",
        _strip_brackets,
        "re.sub(r\"【[^】]*】\", \"\", text) 会删除每一对【】及中间不含】的文字。注意不要动半角的 [1]。",
        'import re\n\ndef strip_brackets(text):\n    return re.sub(r"【[^】]*】", "", text)',
    ),
)


# ---------------------------------------------------------------- lesson 02


def _top_term(answer, toks) -> tuple[bool, str]:
    from .terms import corpus_frequencies

    top = corpus_frequencies(toks).iloc[0]
    if str(answer).strip() == top["term"]:
        return True, f"它一共出现 {top['count']} 次。"
    return False, ""


def _rate_in_longest(answer, toks) -> tuple[bool, str]:
    from .terms import doc_lengths, term_frequencies

    longest = doc_lengths(toks).sort_values(ascending=False).index[0]
    freqs = term_frequencies(toks)
    row = freqs[(freqs["doc_id"] == longest) & (freqs["term"] == "科技创新")]
    right = float(row["per_10k"].iloc[0]) if len(row) else 0.0
    if abs(float(answer) - right) <= 0.01:
        return True, f"最长的是 {longest}，每万字 {right} 次。"
    return False, f"你的答案 {answer} 与正确值相差 {abs(float(answer) - right):.2f}。"


def _first_key_term(answer, toks) -> tuple[bool, str]:
    from .terms import keyness

    first = sorted(toks["doc_id"].unique())[0]
    table = keyness(toks, first)
    top = table[table["direction"] == "over"].iloc[0]
    if str(answer).strip() == top["term"]:
        return True, f"G² = {top['g2']}，在 {first} 中出现 {top['target_count']} 次，其余文本中 {top['reference_count']} 次。"
    return False, ""


lesson02 = SimpleNamespace(
    q1=Exercise(
        "去掉停用词和标点以后，整个语料中出现次数最多的词是什么？",
        _top_term,
        "zp.corpus_frequencies(toks) 已经按次数从高到低排好了，看第一行的 term。",
        'zp.corpus_frequencies(toks).iloc[0]["term"]',
    ),
    q2=Exercise(
        "在字数最多的那篇文本里，“科技创新”每万字出现多少次？（保留两位小数）",
        _rate_in_longest,
        "先用 zp.terms.doc_lengths(toks) 找到最长的文本，再在 zp.term_frequencies(toks) 里筛选这篇文本和这个词，读 per_10k 列。",
        'longest = zp.terms.doc_lengths(toks).idxmax()\nfreqs = zp.term_frequencies(toks)\n'
        'freqs.query("doc_id == @longest and term == \'科技创新\'")["per_10k"].iloc[0]',
    ),
    q3=Exercise(
        "与其余文本相比，第一篇文本（按 doc_id 排序）里关键性最高、被“多用”的词是什么？",
        _first_key_term,
        "zp.keyness(toks, 第一篇的doc_id) 的结果已经按“多用”程度排序，第一行就是。",
        'first = sorted(toks["doc_id"].unique())[0]\nzp.keyness(toks, first).iloc[0]["term"]',
    ),
)


# ---------------------------------------------------------------- lesson 05


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


lesson05 = SimpleNamespace(
    q1=Exercise(
        "语料中一共有多少个以“元”为单位的统计数字？",
        _count_yuan,
        "在 stats 表里筛选 stats['unit'] == '元'，再数行数（len 或 .sum()）。",
        'int((stats["unit"] == "元").sum())',
    ),
    q2=Exercise(
        "把“24590.7亿元”换算成以“元”为单位的数值（1亿 = 10的8次方）。",
        _convert_yi,
        "24590.7 × 100000000，在 Python 里写作 24590.7 * 10**8。",
        "24590.7 * 10**8",
    ),
    q3=Exercise(
        "一致性检查一共给出了多少条标记？",
        _count_flags,
        "flags 是一张表，每行一条标记；len(flags) 就是条数。",
        "len(flags)",
    ),
)


# ---------------------------------------------------------------- lesson 04


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


lesson04 = SimpleNamespace(
    q1=Exercise(
        "语料中一共抽取出多少条 kind 为 sequence 的逻辑链？",
        _count_kind,
        "在 chains 表中筛选 chains['kind'] == 'sequence'，再数行数。",
        'int((chains["kind"] == "sequence").sum())',
    ),
    q2=Exercise(
        "写一个正则表达式，找出“从“A”迈向“B””这样的阶段转变（A、B 都在引号里）。",
        _pattern_catches,
        "A、B 在引号里，可以写成 “[^”]+”；整体是 从“…”迈向“…”。",
        'r"从“[^”]+”迈向“[^”]+”"',
    ),
)


# ---------------------------------------------------------------- lesson 03


def _top_theme(answer, coded, themes_list) -> tuple[bool, str]:
    shares = (coded[themes_list] > 0).mean().sort_values(ascending=False)
    best = shares.index[0]
    if str(answer).strip() == best:
        return True, f"{shares.iloc[0]:.0%} 的段落编码了“{best}”。"
    return False, ""


def _new_theme(codebook) -> tuple[bool, str]:
    import pandas as pd

    if not isinstance(codebook, pd.DataFrame) or "theme" not in codebook.columns:
        return False, "请传入加了新主题之后的 codebook 表。"
    from .themes import read_codebook

    base = set(read_codebook()["theme"])
    added = [t for t in codebook["theme"] if t not in base]
    if not added:
        return False, "codebook 里还没有新主题。"
    row = codebook[codebook["theme"] == added[0]].iloc[0]
    if not list(row["terms"]):
        return False, f"新主题“{added[0]}”还没有词。"
    return True, f"新主题“{added[0]}”有 {len(row['terms'])} 个词。"


lesson03 = SimpleNamespace(
    q1=Exercise(
        "编码了最多段落的主题是哪一个？（按编码段落所占比例）",
        _top_theme,
        "(coded[主题列] > 0).mean() 给出每个主题编码了多大比例的段落，再用 idxmax 或 sort_values。",
        '(coded[themes_list] > 0).mean().idxmax()',
    ),
    q2=Exercise(
        "给编码表加一个新主题（例如“新质生产力”，词表至少一个词），把新的 codebook 交给 check。",
        _new_theme,
        "new = pd.concat([codebook, pd.DataFrame([{...}])], ignore_index=True)；terms、all_of、none_of 都是列表。",
        'new = pd.concat([codebook, pd.DataFrame([{"theme": "新质生产力", "terms": ["新质生产力"],\n'
        '    "all_of": [], "none_of": [], "description": "新质生产力"}])], ignore_index=True)',
    ),
)
