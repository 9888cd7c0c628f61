"""Reused passages (issue 26 §3): the shingle index gives exactly what comparing every pair of
documents gives, and its work grows with the corpus, not with the number of pairs."""

import itertools
import random
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhpolicy.analysis import reuse, themes


def every_pair(docs: dict, k: int) -> pd.DataFrame:
    """The reference: the plain method on every pair of documents (what the library did before)."""
    rows = []
    for (a, ta), (b, tb) in itertools.combinations(sorted(docs.items()), 2):
        for i, j, n in reuse.pair_passages(ta, tb, k):
            rows.append({"doc_a": a, "doc_b": b, "text": tb[j:j + n], "chars": n, "start_a": i, "start_b": j})
    table = pd.DataFrame(rows, columns=reuse.COLUMNS)
    return table.sort_values(["chars", "doc_a", "doc_b", "start_a"], ascending=[False, True, True, True]).reset_index(drop=True)


def test_the_plain_method_finds_maximal_passages_within_a_paragraph():
    a, b = "甲乙丙丁戊己庚\n辛壬癸", "子甲乙丙丁戊己庚\n辛壬"
    assert reuse.pair_passages(a, b, 3) == [(0, 1, 7)]  # never across the line break


@pytest.mark.parametrize("k", [5, 8, 18, 30])
def test_seeds_give_the_same_table_as_comparing_every_pair(corpus, k):
    docs = dict(zip(corpus["doc_id"], corpus["text"]))
    got = themes.reused_passages(corpus, min_chars=k)
    pd.testing.assert_frame_equal(got, every_pair(docs, k), check_dtype=False)
    assert len(got) > 0


ALPHABETS = st.sampled_from(["ab", "ab\n", "abc", "科技\n创", "产业创新，。"])


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_texts_give_the_same_table_as_comparing_every_pair(data):
    """Small alphabets make repeats, overlaps and ties everywhere (the hard cases of the walk)."""
    alphabet = data.draw(ALPHABETS)
    n_docs = data.draw(st.integers(2, 5))
    docs = {f"d{i}": data.draw(st.text(alphabet, max_size=60)) for i in range(n_docs)}
    k = data.draw(st.integers(1, 6))
    pd.testing.assert_frame_equal(reuse.reused_passages(docs, min_chars=k), every_pair(docs, k), check_dtype=False)


def test_hash_collisions_cannot_change_the_result(monkeypatch):
    """With hashes that collide all the time, every passage is checked against the texts and
    the pairs concerned are redone the plain way: the table stays exact."""
    monkeypatch.setattr(reuse, "_BASES", (np.uint64(0), np.uint64(0)))  # a window's hash is its last character
    rng = random.Random(4)
    for _ in range(40):
        docs = {f"d{i}": "".join(rng.choice("abc\n") for _ in range(rng.randint(0, 50))) for i in range(4)}
        k = rng.randint(2, 5)
        pd.testing.assert_frame_equal(reuse.reused_passages(docs, min_chars=k), every_pair(docs, k),
                                      check_dtype=False)


def test_no_pair_of_documents_is_compared(monkeypatch):
    """Documents that share nothing are never compared pairwise (the old cost: every pair)."""
    calls = []
    monkeypatch.setattr(reuse, "pair_passages", lambda *a: calls.append(a) or [])
    rng = random.Random(1)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    docs = {f"d{i:03d}": "".join(rng.choice(chars) for _ in range(300)) for i in range(300)}
    quote = "融合的基础是增加高质量科技供给，融合的关键是强化企业主体地位"
    docs["d007"] += quote
    docs["d123"] = quote + docs["d123"]
    table = reuse.reused_passages(docs)
    assert calls == []
    assert list(table[["doc_a", "doc_b", "text"]].itertuples(index=False, name=None)) == [("d007", "d123", quote)]


def _seconds(docs) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        reuse.reused_passages(docs)
        best = min(best, time.perf_counter() - start)
    return best


def test_work_grows_with_the_corpus_not_with_the_pairs():
    """Four times the documents (sixteen times the pairs) take about four times as long, not
    sixteen: a ratio measured side by side, generous for a shared machine. Each document quotes
    its neighbour, so the answer itself grows with the corpus."""
    rng = random.Random(2)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]

    def corpus(n):
        quotes = ["".join(rng.choice(chars) for _ in range(40)) for _ in range(n + 1)]
        return {f"d{i:05d}": "\n".join([quotes[i], "".join(rng.choice(chars) for _ in range(300)), quotes[i + 1]])
                for i in range(n)}

    small, large = corpus(500), corpus(2000)
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 9, f"4× the documents took {ratio:.1f}× as long"
