"""The fast segmentation path gives exactly the tokens of the general one, and segmenting
documents in batches gives exactly the tokens of segmenting them one by one."""

import importlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhpolicy as zp

tk = importlib.import_module("zhpolicy.analysis.tokenize")
tk_general = importlib.import_module("zhpolicy.analysis.segment")
tk_fast = importlib.import_module("zhpolicy.analysis.segment_fast")
tk_table = importlib.import_module("zhpolicy.analysis.token_table")

# the pieces that steer the fast path: numbers and citations (protected spans), the symbols
# and ideographs where rjieba differs from jieba, white space of every kind next to them
PIECES = st.sampled_from([
    "科技创新", "产业", "的", "和", "，", "。", "、", "2024年", "3.6万亿元", "23.4%", "1,234", "1,2345", "0.5",
    "[1]", "[2,3]", "[", "]", "7-1", "a-b", "Z.Y", "x_y", "C++", "AT&T", "e.g.", "v1.2.3", "-", ".", "%", "+",
    "a", "Z", "5G", "3a", "a3", "㐀", "鿖", "豈", "\n", "\r\n", "\r", " ", "\u3000", "\t", "\xa0", "１２", "٣",
])
TEXT = st.lists(PIECES, max_size=40).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(TEXT)
def test_fast_path_matches_the_general_path(text):
    pytest.importorskip("rjieba")
    codes = tk_general._bmp_codes(text)
    assert codes is not None
    for name in ("rjieba", "jieba"):
        fast = tk_fast._segment_bmp(text, codes, True, name)
        slow = tk_general._segment_general(text, True, name)
        assert np.array_equal(fast[0], slow[0]) and np.array_equal(fast[1], slow[1]), (name, text)


@PROPERTY
@given(st.lists(TEXT, min_size=1, max_size=8), st.sampled_from([1, 3, 20, 80]))
def test_rjieba_cut_in_pieces_gives_the_tokens_of_one_cut(lines, size):
    """rjieba is given a long text a few lines at a time (``CUT_CHARS``): any piece size gives
    the tokens of cutting the text whole, on both paths, also beside a line jieba segments."""
    pytest.importorskip("rjieba")
    text = "\n".join(lines)
    codes = tk_general._bmp_codes(text)
    saved = tk_general.CUT_CHARS
    for segment in (lambda: tk_fast._segment_bmp(text, codes, True, "rjieba"),
                    lambda: tk_general._segment_general(text, True, "rjieba"),  # the path of texts beyond U+FFFF
                    lambda: tk_general._segment_general(text + "\n𠀀", True, "rjieba")):  # its line goes to jieba
        try:
            tk_general.CUT_CHARS = 10**9
            whole = segment()
            tk_general.CUT_CHARS = size
            pieces = segment()
        finally:
            tk_general.CUT_CHARS = saved
        assert np.array_equal(whole[0], pieces[0]) and np.array_equal(whole[1], pieces[1]), (size, text)


@PROPERTY
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_batches_give_the_tokens_of_each_document_alone(texts):
    pytest.importorskip("rjieba")
    batch = [(i, 0, text) for i, text in enumerate(texts)]
    starts, ends, counts, found = tk._segment_batch(batch, True, "rjieba", with_bytes=True)
    assert sum(counts) == len(starts) == len(found[1])
    at = 0
    for text, count in zip(texts, counts):
        alone = tk_fast._segment(text, True, "rjieba")
        assert np.array_equal(starts[at:at + count], alone[0]) and np.array_equal(ends[at:at + count], alone[1])
        at += count
    words = [text[s:e].encode("utf-8") for text, count, offset in zip(texts, counts, np.cumsum([0] + counts))
             for s, e in zip(starts[offset:offset + count], ends[offset:offset + count])]
    assert bytes(found[0]) == b"".join(words) and list(found[1]) == [len(w) for w in words]


def test_table_is_the_same_for_any_batch_size(monkeypatch):
    docs = {f"d{i}": f"第{i}条　2024年投入{i}.5亿元[1]，AT&T和C++、7-1。\n㐀豈\r\n" * (i % 3 + 1) for i in range(40)}
    docs["empty"] = ""
    docs["ext_b"] = "𠀀𡃁是扩展B区汉字，2025年增长5%。"
    docs["long"] = "推动科技创新和产业创新深度融合，2025年增长5.2%。\n" * 400
    monkeypatch.setattr(tk, "BATCH_CHARS", 1_000_000)
    reference = zp.tokens(docs, cache=False)
    assert all(reference[c].dtype == np.int32 for c in ("position", "start", "end"))  # as token_spans gives
    for size in (1, 50, 700, 5000):
        monkeypatch.setattr(tk, "BATCH_CHARS", size)
        table = zp.tokens(docs, cache=False)
        assert table.equals(reference) and list(table.dtypes) == list(reference.dtypes), size
        spans = zp.token_spans(docs, cache=False)
        for doc_id, (starts, ends) in spans.items():
            part = reference[reference["doc_id"] == doc_id]
            assert starts.dtype == np.int32 and list(starts) == list(part["start"]) and list(ends) == list(part["end"])
    texts = dict(docs)
    assert all(texts[row.doc_id][row.start:row.end] == row.token for row in reference.itertuples())


@pytest.mark.parametrize("counts", [[3, 0, 1, 2], [0, 0, 0, 5], [200_000, 1, 70_000, 0]])
def test_repeated_ids_are_each_id_repeated(counts):
    import pyarrow as pa

    values = ["doc_1.txt", "", "政策/通知 (2).html", "é"]  # empty, non-ASCII; the last counts cross 1 MB chunks
    got = tk_table._repeated(values, np.array(counts, dtype=np.int64))
    want = pa.array([v for v, c in zip(values, counts) for _ in range(c)], type=pa.large_string())
    assert got.equals(want)


def test_token_table_restores_numpys_huge_page_advice():
    """tokens() switches numpy's huge-page advice off while it builds the table, and puts back
    whatever the caller had, also when it fails."""
    switch = pytest.importorskip("numpy._core.multiarray")._set_madvise_hugepage
    original = switch(True)
    seen = []
    real = tk._token_table

    def spy(*args, **kwargs):
        seen.append(switch(False))  # the state inside (setting False again changes nothing)
        return real(*args, **kwargs)

    for before in (True, False):
        switch(before)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(tk, "_token_table", spy)
            zp.tokens({"a": "推动科技创新和产业创新深度融合，2025年增长5.2%。"}, cache=False)
            assert switch(before) is before and seen[-1] is False
            mp.setattr(tk, "_token_table", lambda *a, **k: 1 / 0)
            with pytest.raises(ZeroDivisionError):
                zp.tokens({"a": "文本"}, cache=False)
            assert switch(before) is before
    switch(original)
