"""Caching and parallel segmentation: same results, safe cache files."""

import importlib

import numpy as np
import pytest

import zhpolicy as zp

tk = importlib.import_module("zhpolicy.tokenize")  # the module (zhpolicy.tokenize is also a function)


@pytest.fixture()
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_parallel_equals_serial_in_the_same_order(corpus, private_cache, monkeypatch):
    monkeypatch.setattr(tk, "PIECE_CHARS", 500)  # many pieces per document, cut at line breaks
    serial = zp.tokens(corpus, cache=False)
    parallel = zp.tokens(corpus, workers=2, cache=False)
    assert serial.equals(parallel)


def test_pieces_cut_only_at_line_breaks():
    text = "第一行，很长。\n第二行。\n第三行。"
    pieces = tk._pieces(text, size=3)
    assert "".join(p for _, p in pieces) == text
    assert all(p.endswith("\n") for _, p in pieces[:-1])
    assert [o for o, _ in pieces] == [0, text.index("第二"), text.index("第三")]


def test_second_run_reads_the_cache(private_cache, monkeypatch):
    docs = {"a": "推动科技创新和产业创新深度融合。", "b": "研发经费投入超过3.6万亿元。"}
    first = zp.tokens(docs)
    assert len(list(private_cache.rglob("*.npy"))) == 2

    def boom(*args, **kwargs):
        raise AssertionError("segmented again instead of reading the cache")

    monkeypatch.setattr(tk, "_piece_spans", boom)
    assert zp.tokens(docs).equals(first)


def test_corrupt_or_foreign_cache_files_are_ignored_and_rebuilt(private_cache):
    text = "科技创新推动产业创新。"
    expected = zp.tokens(text)
    key = tk._cache_key(text, True)
    path = tk._cache_path(key)
    path.write_bytes(b"not a numpy file at all")
    assert zp.tokens(text).equals(expected)
    assert tk._load_cached(key) is not None, "the corrupt file was replaced"
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # truncated
    assert tk._load_cached(key) is None
    tk._save_cached("ff" + "0" * 47, np.array([0]), np.array([1]))  # a valid file for another key…
    path.write_bytes(tk._cache_path("ff" + "0" * 47).read_bytes())  # …copied under this name
    assert tk._load_cached(key) is None
    assert zp.tokens(text).equals(expected)
    np.save(path, np.array([object()], dtype=object), allow_pickle=True)
    assert tk._load_cached(key) is None, "object arrays are never unpickled"
    assert zp.tokens(text).equals(expected)


def test_a_crash_mid_write_leaves_no_cache_file(private_cache, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        tk._save_cached("ab" + "0" * 30 + "-x", np.array([0]), np.array([1]))
    assert not list(private_cache.rglob("*.npy")) and not list(private_cache.rglob(".tmp-*"))


def test_cache_key_changes_with_the_dictionary(monkeypatch):
    one = tk._cache_key("科技创新", True)
    assert one != tk._cache_key("科技创新", False)
    from zhpolicy import paths

    original = paths.data_path

    def other_dict(name):
        return original("stopwords_policy.txt") if name == "userdict.txt" else original(name)

    monkeypatch.setattr(tk, "data_path", other_dict)
    assert tk._cache_key("科技创新", True) != one


def test_rjieba_backend_segments_the_seeds_identically(corpus, private_cache, monkeypatch):
    pytest.importorskip("rjieba")
    default = zp.tokens(corpus, cache=False)
    monkeypatch.setenv("ZHPOLICY_BACKEND", "rjieba")
    fast = zp.tokens(corpus, cache=False)
    assert fast.equals(default)
    assert tk._cache_key("科技创新", True) != (monkeypatch.delenv("ZHPOLICY_BACKEND") or tk._cache_key("科技创新", True))


def test_unknown_backend_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("ZHPOLICY_BACKEND", "spacy")
    with pytest.raises(ValueError, match="ZHPOLICY_BACKEND"):
        zp.tokenize("科技创新")
