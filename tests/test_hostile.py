"""Hostile input: arbitrary Unicode never crashes the pipeline and offsets stay valid; awkward
files get a clear message or correct output; the input folder is never modified."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhpolicy as zp
from zhpolicy import CorpusError, clean_text

from .conftest import folder_digest

# Text built from the pieces that matter: Chinese, punctuation of both widths, digits,
# units, outline markers, brackets, quotes, dashes, spaces and line breaks of every kind.
PIECES = st.sampled_from([
    "科技创新", "产业", "融合", "的", "是", "从", "到", "走向", "为", "提供", "，", "。", "、", "；", "：", ",", ":", ";",
    "(", ")", "（", "）", "“", "”", "《", "》", "[1]", "【", "】", "—", "-", "…", "...", "2024年", "3.6万亿元", "23.4%",
    "第10位", "世界第一", "一、", "（一）", "1. ", "a. ", "一是", "二是", "\n", "\r\n", "\r", " ", "\u3000", "\t",
    "\u200b", "０", "１", "％", "<", ">", "G党P", "□", "亿", "万", "元", "人年", "左右", "超过", "近", "闭环",
])
TEXT = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=200))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(TEXT)
def test_cleaning_never_crashes_and_is_idempotent(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert "\r" not in cleaned and "\n\n" not in cleaned


@PROPERTY
@given(TEXT)
def test_structure_offsets_are_valid(text):
    cleaned = clean_text(text)
    for table in (zp.paragraphs(cleaned), zp.sentences(cleaned)):
        for row in table.itertuples():
            assert cleaned[row.start:row.end] == row.text
    for row in zp.outline(cleaned).itertuples():
        assert cleaned[row.start:row.end] == row.heading


@PROPERTY
@given(TEXT)
def test_tokens_cover_every_character(text):
    cleaned = clean_text(text)
    toks = zp.tokens(cleaned, cache=False)
    assert all(cleaned[r.start:r.end] == r.token for r in toks.itertuples())
    assert "".join(toks["token"]) == "".join(cleaned.split())


@PROPERTY
@given(TEXT)
def test_statistics_and_chains_never_crash(text):
    cleaned = clean_text(text)
    stats = zp.extract_statistics(cleaned)
    for row in stats.itertuples():
        assert cleaned[row.start:row.end] == row.surface
    zp.check_consistency(stats)
    for row in zp.extract_chains(cleaned).itertuples():
        assert cleaned[row.start:row.end] == row.surface


SAMPLE = "推动科技创新和产业创新深度融合。\n2024年研发经费投入超过3.6万亿元。\n"


def test_awkward_files_in_one_folder(tmp_path):
    (tmp_path / "gb.txt").write_bytes(SAMPLE.encode("gb18030"))
    (tmp_path / "big5.txt").write_bytes("推動科技創新和產業創新深度融合，要強化企業創新主體地位。".encode("big5"))
    (tmp_path / "utf16.txt").write_bytes(SAMPLE.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    (tmp_path / "mixed.txt").write_bytes(b"\xe7\xac\xac\xe4\xb8\x80\xe8\xa1\x8c\r\n\xe7\xac\xac\xe4\xba\x8c\xe8\xa1\x8c\r\xe7\xac\xac\xe4\xb8\x89\xe8\xa1\x8c\n")
    (tmp_path / "punct.txt").write_text("，。、；：？！……——“”《》", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "folder.txt").mkdir()
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    before = folder_digest(tmp_path)
    with pytest.warns(UserWarning) as caught:
        corpus = zp.load_corpus(tmp_path)
    messages = " ".join(str(w.message) for w in caught)
    for name in ["empty.txt", "binary.txt", "folder.txt", "loop.txt", "dangling.txt", "big5.txt"]:
        assert name in messages, name
    assert "繁体" in messages  # the Big5 file loads, with a warning about the script
    loaded = dict(zip(corpus["doc_id"], corpus["encoding"]))
    assert loaded == {"big5": "big5", "bom": "utf-8-sig", "gb": "gb18030", "mixed": "utf-8", "punct": "utf-8",
                      "utf16": "utf-16"}
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    assert texts["mixed"] == "第一行\n第二行\n第三行"
    assert texts["gb"] == texts["utf16"] == texts["bom"]
    assert zp.extract_statistics(corpus.query("doc_id == 'punct'")).empty
    assert zp.tokens(corpus.query("doc_id == 'punct'"))["is_punct"].all()
    assert folder_digest(tmp_path) == before, "the input folder was modified"


def test_a_50_mb_single_line_file(tmp_path):
    line = "推动科技创新和产业创新深度融合，研发经费投入超过3.6万亿元，稳居世界首位。"
    data = (line * (50_000_000 // len(line.encode("utf-8")) + 1)).encode("utf-8")[:50_000_000]
    data = data.decode("utf-8", "ignore").encode("utf-8")  # cut at a character boundary
    (tmp_path / "big.txt").write_bytes(data)
    corpus = zp.load_corpus(tmp_path)
    assert corpus.iloc[0]["n_chars"] == corpus.iloc[0]["n_chars_raw"] > 16_000_000
    assert "\n" not in corpus.iloc[0]["text"]


def test_unreadable_paths_get_a_clear_error(tmp_path):
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    with pytest.raises(CorpusError, match="loop.txt"):
        zp.read_text(tmp_path / "loop.txt")


def test_teaser_removal_never_deletes_real_lines_and_is_linear():
    """Issue 16 §3 (reading): a list of lines ending in …… that resemble the next one is content,
    not a teaser; only a truncated copy of the opening, at the top, is dropped; time is linear."""
    import time

    from zhpolicy.reading.clean import drop_truncated_teaser

    lines = [f"第{i}项：2024年全市数字经济增加值增长{i % 10}.5%，达到{i}亿元……" for i in range(64_000)]
    text = "\n".join(lines)
    start = time.perf_counter()
    assert drop_truncated_teaser(text) == text
    assert time.perf_counter() - start < 2.0
    body = "2025年底召开的中央经济工作会议将“以科技创新引领现代化产业体系建设”列为九项重点任务之首。"
    teaser = "2024年底召开的中央经济工作会议将“以科技创新引领现代化产业体系建设”列为九项..."
    assert drop_truncated_teaser(f"标题\n{teaser}\n{body}\n" + text) == f"标题\n{body}\n" + text
    far_down = "\n".join(["标题"] + ["正文，内容。"] * 20 + [teaser, body])
    assert drop_truncated_teaser(far_down) == far_down  # not near the top: kept
# ---------------------------------------------------------------- backends agree (scale)

_ODD_PIECES = st.sampled_from(["𠀀", "𡃁", "𪚥", "㐀", "䶵", "鿖", "鿿", "豈", "﨎", "a-b", "7-1", "Z.Y", "x_y", "C++",
                               "AT&T", "50%", "e.g.", "😀", "臺灣", "\xa0", "\r\n"])


@PROPERTY
@given(st.one_of(TEXT, st.lists(st.one_of(PIECES, _ODD_PIECES), max_size=60).map("".join)))
def test_rjieba_and_jieba_backends_give_the_same_tokens_on_any_text(text):
    import importlib

    import numpy as np

    pytest.importorskip("rjieba")
    tk_fast = importlib.import_module("zhpolicy.analysis.segment_fast")
    for user_dict in (True, False):
        fast, slow = tk_fast._segment(text, user_dict, "rjieba"), tk_fast._segment(text, user_dict, "jieba")
        assert np.array_equal(fast[0], slow[0]) and np.array_equal(fast[1], slow[1]), text
