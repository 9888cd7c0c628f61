"""Lesson 02 exercises: right answers pass; each typical mistake, computed the way a student
would, gets the diagnosis that names it (the denominator blamed for a wrong denominator, the
numerator for a wrong numerator); a wrong answer never shows the right one."""

import pytest

import zhpolicy as zp
from zhpolicy.teaching.exercises import lesson02
from .exercise_context import assert_named, check_printed as _run


@pytest.fixture(scope="module")
def toks(corpus):
    return zp.tokens(corpus)


def test_q1_share_of_the_two_terms(toks, corpus, capsys):
    content = zp.analysis.terms.content_tokens(toks)
    both = content["token"].isin(["科技创新", "产业创新"]).sum()
    right = both / len(content) * 100
    assert _run(lesson02.q1, round(right, 2), toks, capsys=capsys)[0]
    cases = [
        (right / 100, "百分数"),
        (both / len(toks) * 100, "你除以的是全部词"),
        (both / (~toks["is_punct"]).sum() * 100, "停用词也要去掉"),
        (both / content["token"].nunique() * 100, "nunique"),
        ((content["token"] == "科技创新").sum() / len(content) * 100, "分子只数了“科技创新”"),
        ((content["token"] == "产业创新").sum() / len(content) * 100, "分子只数了“产业创新”"),
        (sum(text.count(term) for text in corpus["text"] for term in ("科技创新", "产业创新")) / len(content) * 100,
         "分子数的是字串"),
        (round(right, 1), "只保留了 1 位小数"),
    ]
    for answer, says in cases:
        ok, out = _run(lesson02.q1, round(answer, 2) if says != "百分数" else round(answer, 4), toks, capsys=capsys)
        assert not ok and says in out, (answer, out)
        assert f"{right:.2f}" not in out
    for answer, says in cases[1:4]:  # a wrong denominator is never blamed on the numerator
        _, out = _run(lesson02.q1, round(answer, 2), toks, capsys=capsys)
        assert "分母用错了" in out and "分母对了" not in out
    ok, out = _run(lesson02.q1, "4.6", toks, capsys=capsys)
    assert not ok and "类型" in out


def test_q2_standardised_type_token_ratio(toks, capsys):
    content = zp.analysis.terms.content_tokens(toks)
    first = content.groupby("doc_id").head(200).groupby("doc_id")["token"]
    ttr = first.nunique() / first.size()
    right = float(ttr.max())
    ok, out = _run(lesson02.q2, round(right, 3), toks, capsys=capsys)
    assert ok and ttr.idxmax() in out
    whole = content.groupby("doc_id")["token"]
    with_stop = toks[~toks["is_punct"]].groupby("doc_id").head(200).groupby("doc_id")["token"]
    cases = [
        ((whole.nunique() / whole.size()).max(), "用全文算出"),
        ((first.size() / first.nunique()).max(), "颠倒"),
        (ttr.min(), "最低的"),
        ((with_stop.nunique() / with_stop.size()).max(), "还有停用词"),
        (content["token"].nunique() / len(content), "整个语料"),
        (round(right, 2), "只保留了 2 位小数"),
        (right * 100, "不要乘以 100"),
    ]
    # a wrong answer reveals neither the right value nor the right document
    assert assert_named(lesson02.q2, cases, right, toks, capsys=capsys, places=3, secrets=(ttr.idxmax(), f"{right:.3f}")) >= 5
    ok, _ = _run(lesson02.q2, ttr.idxmax(), toks, capsys=capsys)  # a doc_id is not the answer: it is a number
    assert not ok


def test_q3_least_used_term_of_the_last_document(toks, capsys):
    docs = sorted(toks["doc_id"].unique())
    table = zp.keyness(toks, docs[-1])
    under = table[table["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])
    right = under["term"].iloc[0]
    assert _run(lesson02.q3, right, toks, capsys=capsys)[0]
    ok, out = _run(lesson02.q3, table[table["direction"] == "over"]["term"].iloc[0], toks, capsys=capsys)
    assert not ok and "多用" in out and right not in out
    ok, out = _run(lesson02.q3, under["term"].iloc[-1], toks, capsys=capsys)
    assert not ok and "不是 G² 最大" in out
    first = zp.keyness(toks, docs[0])
    first_top = first[first["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])["term"].iloc[0]
    if first_top not in set(under.loc[under["g2"] == under["g2"].max(), "term"]):
        ok, out = _run(lesson02.q3, first_top, toks, capsys=capsys)
        assert not ok and "第一篇" in out
    by_ratio = under.sort_values(["log_ratio", "term"])["term"].iloc[0]
    if by_ratio not in set(under.loc[under["g2"] == under["g2"].max(), "term"]):
        ok, out = _run(lesson02.q3, by_ratio, toks, capsys=capsys)
        assert not ok and "对数比" in out


def test_q2_compares_the_whole_text_only_when_it_names_another_document(capsys):
    long_text = "科技 创新 产业 融合 发展。" * 60 + "".join(f"词{i}。" for i in range(40))
    toks = zp.tokens({"a": long_text, "b": "甲乙。丙丁。" * 30})
    ttr = lesson02.first_words_ttr(toks)
    whole = zp.analysis.terms.content_tokens(toks).groupby("doc_id")["token"]
    assert ttr.idxmax() == (whole.nunique() / whole.size()).idxmax()
    ok, out = _run(lesson02.q2, round(float(ttr.max()), 3), toks, capsys=capsys)
    assert ok and "用全文算时" not in out


def test_q3_ignores_quotes_and_spaces_typed_around_the_word(toks, capsys):
    docs = sorted(toks["doc_id"].unique())
    table = zp.keyness(toks, docs[-1])
    under = table[table["direction"] == "under"].sort_values(["g2", "term"], ascending=[False, True])
    right = under["term"].iloc[0]
    for typed in (f"“{right}”", f'"{right}"', f" {right} ", f"「{right}」"):
        assert _run(lesson02.q3, typed, toks, capsys=capsys)[0], typed


def test_q3_accepts_every_term_tied_for_the_largest_g2(capsys):
    toks = zp.tokens({"a": "甲乙丙。" * 3, "b": "丁戊。丁戊。丁戊。丁戊。丁戊。" + "甲乙丙。"})
    table = zp.keyness(toks, "b")
    under = table[table["direction"] == "under"]
    top = under[under["g2"] == under["g2"].max()]["term"]
    assert len(top) >= 2
    for term in top:
        assert _run(lesson02.q3, term, toks, capsys=capsys)[0]


def test_one_document_corpus_gets_a_sentence_not_a_crash(capsys):
    toks = zp.tokens({"only": "推动科技创新和产业创新深度融合。推动科技创新。"})
    ok, out = _run(lesson02.q3, "科技创新", toks, capsys=capsys)
    assert not ok and "只有一篇" in out
    assert "无法检查" in out and "❌" not in out  # the corpus, not the student, is short


def test_hints_are_graded_and_never_the_solution():
    for q in (lesson02.q1, lesson02.q2, lesson02.q3):
        assert len(q.hints) >= 2 and q.expects
        for hint in q.hints:
            assert q.solution_code.splitlines()[-1] not in hint
