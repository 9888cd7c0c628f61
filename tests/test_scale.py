"""Caching and parallel segmentation: same results, safe cache files."""

import importlib

import numpy as np
import pytest

import zhpolicy as zp

tk = importlib.import_module("zhpolicy.analysis.tokenize")
tk_cache = importlib.import_module("zhpolicy.analysis.token_cache")
tk_words = importlib.import_module("zhpolicy.analysis.tokenizers")


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
    key = tk_cache._cache_key(text, True)
    path = tk_cache._cache_path(key)
    path.write_bytes(b"not a numpy file at all")
    assert zp.tokens(text).equals(expected)
    assert tk_cache._load_cached(key) is not None, "the corrupt file was replaced"
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # truncated
    assert tk_cache._load_cached(key) is None
    tk_cache._save_cached("ff" + "0" * 47, np.array([0]), np.array([1]))  # a valid file for another key…
    path.write_bytes(tk_cache._cache_path("ff" + "0" * 47).read_bytes())  # …copied under this name
    assert tk_cache._load_cached(key) is None
    assert zp.tokens(text).equals(expected)
    np.save(path, np.array([object()], dtype=object), allow_pickle=True)
    assert tk_cache._load_cached(key) is None, "object arrays are never unpickled"
    assert zp.tokens(text).equals(expected)


def test_a_crash_mid_write_leaves_no_cache_file(private_cache, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        tk_cache._save_cached("ab" + "0" * 30 + "-x", np.array([0]), np.array([1]))
    assert not list(private_cache.rglob("*.npy")) and not list(private_cache.rglob(".tmp-*"))


def test_cache_key_changes_with_the_dictionary(monkeypatch):
    one = tk_cache._cache_key("科技创新", True)
    assert one != tk_cache._cache_key("科技创新", False)
    from zhpolicy import paths

    original = paths.data_path

    def other_dict(name):
        return original("stopwords_policy.txt") if name == "userdict.txt" else original(name)

    monkeypatch.setattr(tk_words, "data_path", other_dict)
    assert tk_cache._cache_key("科技创新", True) != one


VARIED = {
    "numbers": "2024年研发经费投入3.6万亿元，增长8.3%，占GDP的2.68%[1]；第1,234项，排名前10位，7-1、a_b、Z.Y、5-5。",
    "latin": "推进AI+制造、5G网络和C++/Python人才培养，IPv6、COVID-19、U.S.与e-commerce并列。",
    "traditional": "推動科技創新和產業創新深度融合，加快建設現代化產業體系。",
    "ext_b": "政策𠀀𡃁文本分析𠀀中国𪚥𫝆𬺰，㐀䶵鿖鿪豈﨎等字也要切分一致。",
    "spaces": "科技\u3000创新\t产业\r\n融合  发展\xa0政策\n\n",
    "long_line": "加快实现高水平科技自立自强，2035年建成科技强国，" * 3000,
}


def _random_texts(n=600, seed=7):
    import random

    alphabet = ("科技创新产业深度融合政策发展中国人民经济推动" "abcXYZ0123456789+#&._%-" " \t\u3000\n\r，。、；：！？“”（）《》"
                ",;:!?()[]/\"'@$*=<>~^|\\" "あカ한ж０Ａ①\xa0臺灣万亿元年%" "\u3400\u9fd6\uf900𠀀𡃁𪚥")
    rng = random.Random(seed)
    return {f"r{i}": "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for i in range(n)}


def _reference_spans(text, user_dict=True):
    """The library's segmentation as it was first written: jieba's ``tokenize`` on each stretch
    between protected numbers and citation marks, whitespace dropped (the reference)."""
    jieba_tk = tk.tokenizer() if user_dict else tk.plain_tokenizer()
    out, pos = [], 0

    def run(segment, base):
        for word, start, end in jieba_tk.tokenize(segment):
            if not word.isspace():
                out.append((word, base + start, base + end))

    for m in tk_words._PROTECTED.finditer(text):
        run(text[pos:m.start()], pos)
        out.append((m.group(0), m.start(), m.end()))
        pos = m.end()
    run(text[pos:], pos)
    return out


@pytest.mark.parametrize("name", ["jieba", "rjieba"])
def test_both_backends_give_the_reference_tokens(name, corpus, monkeypatch):
    if name == "rjieba":
        pytest.importorskip("rjieba")
    monkeypatch.setenv("ZHPOLICY_BACKEND", name)
    texts = {**dict(zip(corpus["doc_id"], corpus["text"])), **VARIED, **_random_texts()}
    for doc_id, text in texts.items():
        for user_dict in (True, False):
            assert tk._spans(text, user_dict) == _reference_spans(text, user_dict), (name, doc_id, user_dict)


def test_rjieba_is_the_default_and_matches_jieba_tables(corpus, private_cache, monkeypatch):
    pytest.importorskip("rjieba")
    monkeypatch.delenv("ZHPOLICY_BACKEND", raising=False)
    assert tk.backend() == "rjieba"
    docs = {**dict(zip(corpus["doc_id"], corpus["text"])), **VARIED}
    fast = zp.tokens(docs, cache=False)
    fast_key = tk_cache._cache_key("科技创新", True)
    monkeypatch.setenv("ZHPOLICY_BACKEND", "jieba")
    reference = zp.tokens(docs, cache=False)
    assert fast.equals(reference)
    assert tk_cache._cache_key("科技创新", True) != fast_key
    ext_b = reference[reference["doc_id"] == "ext_b"]["token"].tolist()
    assert "𠀀" in ext_b and "𡃁" in ext_b, "jieba keeps Extension-B characters apart; so must rjieba"


def test_unknown_backend_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("ZHPOLICY_BACKEND", "spacy")
    with pytest.raises(ValueError, match="ZHPOLICY_BACKEND"):
        zp.tokenize("科技创新")
