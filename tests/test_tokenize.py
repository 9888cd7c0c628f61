import os
import subprocess
import sys

from zhpolicy import segmentation_check, stopwords, tokenize, tokens
from zhpolicy.paths import cache_dir
from zhpolicy.analysis.tokenize import tokenizer


def test_dictionary_terms_stay_whole():
    check = segmentation_check()
    assert check["whole_with"].all(), check[~check["whole_with"]]
    # the user dictionary matters: most of its terms are split by jieba's own dictionary
    assert check["split_without"].sum() >= len(check) // 2
    assert tokenize("推动科技创新和产业创新深度融合") == ["推动", "科技创新", "和", "产业创新", "深度融合"]
    assert tokenize("推动科技创新和产业创新深度融合", user_dict=False)[:3] == ["推动", "科技", "创新"]


def test_numbers_and_citations_stay_whole():
    words = tokenize("2024年全社会研发经费投入超过3.6万亿元，占比23.4%，达到635.4万人年，近41万件[1]")
    for number in ["2024年", "3.6万亿元", "23.4%", "635.4万人年", "41万件", "[1]"]:
        assert number in words
    assert "G322" in tokenize("【中图分类号】G322")


def test_tokens_table_has_offsets_and_flags(corpus):
    table = tokens(corpus)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    sample = table.sample(500, random_state=0)
    for row in sample.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.token
    assert table.loc[table["token"] == "的", "is_stopword"].all()
    assert table.loc[table["token"] == "，", "is_punct"].all()
    assert not table.loc[table["token"] == "科技创新", "is_stopword"].any()


def test_segmentation_is_deterministic(corpus):
    assert tokens(corpus).equals(tokens(corpus))


def test_stopwords_combine_package_and_policy_list():
    words = stopwords()
    assert {"的", "我们", "进一步", "切实"} <= words
    assert "科技创新" not in words and "推动" not in words


def test_jieba_cache_is_per_user_and_silent(tmp_path):
    import tempfile

    assert tokenizer().tmp_dir and tokenizer().tmp_dir != tempfile.gettempdir()
    assert cache_dir().is_dir()
    env = dict(os.environ, ZHPOLICY_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", "import zhpolicy; print(zhpolicy.tokenize('科技创新'))"],
        capture_output=True, text=True, env=env, check=True,
    )
    assert result.stdout.strip() == "['科技创新']"
    assert result.stderr == "", "jieba must not log to stderr"
    assert list((tmp_path / "cache").rglob("jieba*.cache")), "jieba's cache belongs in the user cache dir"
