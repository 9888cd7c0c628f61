"""The fast paths of reading, structure, tokens and themes give exactly what the plain ways of
computing the same thing give (each reference below is the earlier, slower code)."""

from __future__ import annotations

import random
import re

import pandas as pd
import pytest

import zhpolicy as zp
from zhpolicy.analysis import themes
from zhpolicy.analysis import tokenize as tok
from zhpolicy.analysis.terms import content_tokens
from zhpolicy.reading import clean, structure, textio


def _strings(pool: str, count: int, longest: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, longest))) for _ in range(count)]


# ---------------------------------------------------------------- cleaning


def _unify_reference(text: str) -> str:
    text = clean._FULL_FORMS.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    while True:
        before = text
        text = clean._ASCII_PUNCT.sub(clean._to_full_width, text)
        text = re.sub(r"\(([^()（）\n]*)）", r"（\1）", text)
        text = re.sub(r"（([^()（）\n]*)\)", r"（\1）", text)
        text = re.sub(f" +(?=[{clean._FULL_PUNCT_NO_SPACE}])", "", text)
        text = re.sub(f"(?<=[{clean._FULL_PUNCT_NO_SPACE}]) +", "", text)
        if text == before:
            return text


def _whitespace_reference(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = clean._BLANKS.sub(" ", clean._ZERO_WIDTH.sub("", text))
    lines = (re.sub(" {2,}", " ", line.strip()) for line in text.split("\n"))
    return "\n".join(clean.restore_lost_breaks(line) if len(line) >= clean.LOST_BREAKS_MIN and " " in line else line
                     for line in lines if line)


def _boilerplate_reference(text: str) -> str:
    for rule in clean.boilerplate_rules():
        if rule.scope == "line":
            text = "\n".join(line for line in text.split("\n") if not rule.pattern.match(line.strip()))
        else:
            text = "\n".join(rule.pattern.sub("", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in text.split("\n") if line)


def test_punctuation_and_white_space_as_the_plain_passes_give_them():
    for text in _strings(" ，。、；：？！（）“”《》,;:?!()中a1\n％Ａ　\u200b\u00a0\t\x85", 20_000, 14):
        assert clean.unify_punctuation(text) == _unify_reference(text), repr(text)
        assert clean.normalize_whitespace(text) == _whitespace_reference(text), repr(text)
    heading = "国民经济和社会发展统计公报 2023年，全县上下回升向好。 一、综合 初步核算，  增长5%。"
    for text in _strings(heading + "　\u200b\n ", 300, 400, seed=6):
        assert clean.normalize_whitespace(text) == _whitespace_reference(text), repr(text)


def test_boilerplate_as_rule_by_rule():
    lines = ["来源：新华社", "责任编辑：张三", "科技创新是核心。", "  【打印】 【关闭】", "扫一扫在手机打开当前页",
             "京ICP备12345678号", "首页 > 新闻 > 正文", "（下转第3版）正文继续。", "[bookmark: _Toc1]标题", "推动产业升级"]
    rng = random.Random(1)
    for _ in range(2000):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 6)))
        assert clean.strip_boilerplate(text) == _boilerplate_reference(text), repr(text)


def test_display_width_and_traditional_test():
    for line in _strings(" a中\u2e80\u2e81\U00020000\x85\t", 5000, 10):
        assert clean._width(line) == sum(2 if ord(ch) > 0x2e80 else 1 for ch in line.strip())
    trad = "".join(sorted(textio.TRADITIONAL_ONLY))[:40]
    for text in _strings(trad + "中国科技创新产业ab，。" * 3, 5000, 300, seed=2):
        han = len(text) - len(textio._BASIC_HAN_RUN.sub("", text))
        count = len(textio._TRADITIONAL.findall(text))
        short = 2 <= count < 5 and len(text) <= textio._SHORT_TEXT and han > 0 and count / han >= 0.1
        assert textio.looks_traditional(text) == (count >= 5 and han > 0 and count / han >= 0.05 or short)


# ---------------------------------------------------------------- structure


def test_markers_and_sentence_spans_as_before():
    for line in _strings("第一二三十百零〇编章节条之、（()）.．12aZ)　 中文。！？”[1]", 20_000, 10, seed=3):
        expected = next(((name, m.group(0).strip()) for name, p in structure._MARKERS if (m := p.match(line))), ("", ""))
        assert structure._marker(line) == expected
        spans, start = [], 0
        for m in structure._SENTENCE_END.finditer(line):
            spans.append((start, m.end()))
            start = m.end()
        if start < len(line):
            spans.append((start, len(line)))
        assert structure._split_sentences(line) == [(s, e) for s, e in spans if line[s:e].strip()]


def _points_reference(para: str) -> list[tuple[str, int, str]]:
    """The markers found with the look-behind patterns, as before."""
    return structure._point_entries(para, [list(p.finditer(para)) for p in structure._POINT_FAMILIES.values()])


def test_enumeration_points_only_at_clause_starts():
    para = "一是加强基础研究；二是推进成果转化。此外三是不算，第一，先做；第二、再做。"
    # 三是 and 第一 follow no clause end: 第二 is left alone in its family, and a family needs two
    assert [m for m, _, _ in structure._points(para)] == ["一是", "二是"]
    for text in _strings("一二三是其第首先次再最后，、。；：加", 20_000, 16, seed=5):
        assert structure._points(text) == _points_reference(text), repr(text)


# ---------------------------------------------------------------- tokens and themes


@pytest.mark.parametrize("docs", [
    "seeds",
    {"a": "", "b": "科技创新。[1] 1. a. 的"},
    {"z": "创新", "a": "。", "m": "产业 创新 2024年 𠀀😀"},
])
def test_token_counts_are_the_token_table_grouped(docs):
    if docs == "seeds":
        docs = zp.load_corpus()
    part = docs if isinstance(docs, pd.DataFrame) else pd.DataFrame({"doc_id": list(docs), "text": list(docs.values())})
    toks = tok.tokens(part, cache=False)
    lengths = toks.assign(n=toks["token"].str.len()).groupby("doc_id", sort=False).agg(
        n_tokens=("n", "size"), token_chars=("n", "sum"))
    expected = lengths.reindex(part["doc_id"], fill_value=0).reset_index()
    counts = content_tokens(toks).groupby(["doc_id", "token"], sort=True).size()
    expected_counts = counts.rename("count").reset_index().rename(columns={"token": "term"})
    found, found_counts = tok.token_counts(part, cache=False)
    found = found.set_index("doc_id").reindex(part["doc_id"], fill_value=0).reset_index()
    pd.testing.assert_frame_equal(found, expected)
    pd.testing.assert_frame_equal(found_counts, expected_counts)


def test_theme_coding_of_all_units_at_once_as_unit_by_unit():
    rng = random.Random(4)
    letters = "abc□"

    def word():
        return "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))

    for i in range(500):
        codebook = pd.DataFrame([{"theme": f"t{k}", "terms": [word() for _ in range(rng.randint(0, 3))],
                                  "all_of": [word() for _ in range(rng.randint(0, 2))],
                                  "none_of": [word() for _ in range(rng.randint(0, 2))], "description": ""}
                                 for k in range(3)])
        texts = _strings(letters + "\n" * (i % 2), rng.randint(1, 6), 10, seed=i)  # a unit with a line break: unit by unit
        coded = themes.code_units(pd.DataFrame({"text": texts}), codebook)
        for rule in codebook.itertuples():
            assert coded[rule.theme].tolist() == [themes.theme_hits(t, rule.terms, rule.all_of, rule.none_of)
                                                  for t in texts]


def test_theme_units_are_the_paragraph_table_filtered():
    corpus = zp.load_corpus()
    paras = structure.paragraphs(corpus)
    keep = ~paras["kind"].isin(["title", "front", "meta", "signature"]) & (paras["text"].str.len() >= 20)
    expected = paras[keep].reset_index(drop=True)
    expected["top_section"] = expected["section"].str.split(".").str[0]
    starts = paras[paras["section"] != ""].drop_duplicates(["doc_id", "section"])
    titles = dict(zip(zip(starts["doc_id"], starts["section"]), starts["section_title"]))
    expected["top_section_title"] = [titles.get((d, s), "") for d, s in zip(expected["doc_id"], expected["top_section"])]
    pd.testing.assert_frame_equal(themes.theme_units(corpus), expected)


def test_the_run_record_gives_each_stage_its_cpu_seconds(tmp_path):
    import json

    from zhpolicy.batch import STAGES, run_batch

    run_batch(zp.paths.default_corpus_dir(), tmp_path / "out", scheduler="serial", progress=False, cache=False)
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    cpu = record["stage_cpu_seconds_per_mb"]
    assert list(cpu) == list(STAGES) and all(value > 0 for value in cpu.values())


# ---------------------------------------------------------------- statistics


_STAT_POOL = "2020年5月1日-/.《》[]〔〕12345第三五十万亿元%，：；去今明上半年全年近过一二〇零○我省市Ab GDP"


def test_masking_patterns_run_only_where_they_can_match():
    """_masked_spans skips a pattern when none of the characters every match holds is present."""
    from zhpolicy.extraction.stats import figures

    sentences = _strings(_STAT_POOL, 4000, 40, seed=3) + ["《2025年工作要点》指出[3]，5月1日-6月30日", "二〇二四年"]
    for pattern, needs in figures._MASK_NEEDS:
        for s in sentences:
            if not any(ch in s for ch in needs):
                assert pattern.search(s) is None, (pattern.pattern, s)
    assert any(figures._masked_spans(s) for s in sentences)


def test_year_lead_hint_as_one_alternation():
    """The two patterns of the year lead's quick test find a match where the single alternation did."""
    from zhpolicy.extraction.stats import scopes
    from zhpolicy.extraction.stats.years import relative_year_words

    words = [w for w, rule in relative_year_words().items()
             if not rule.startswith(("reporting", "period:", "date", "now", "anchor"))]
    single = re.compile(r"\d{4}\s*年|[〇零○]|五|" + "|".join(map(re.escape, words)))
    years, named = scopes._lead_hint()
    pool = _STAT_POOL + "".join(words)
    sentences = _strings(pool, 4000, 60, seed=5) + [w + "，全省" for w in words]
    for s in sentences:
        expected = bool(single.search(s, 0, scopes._LEAD_CHARS))
        assert bool(years.search(s, 0, scopes._LEAD_CHARS) or named.search(s, 0, scopes._LEAD_CHARS)) == expected


def test_figure_pieces_found_where_the_plain_alternation_finds_them():
    from zhpolicy.extraction.stats import table

    plain = re.compile("|".join(opening + rest for opening, rest in table._NEEDED_PIECES))
    pool = "第首位榜前分之翻番破过超到达逾近上零〇○一二两三四五六七八九十百千廿卅卌万亿兆倍成强点 \u3000\u00a0年的7"
    texts = _strings(pool, 20000, 12, seed=7) + ["第", "首位", "前 十", "三 万", "○点五", "突破万亿", "翻番", "三分之一",
                                                 "三○○○元", "2"]
    for text in texts:
        assert bool(table._ANY_FIGURE_PIECE.search(text)) == bool(plain.search(text)), text
    assert not table._may_hold_figure("坚持创新驱动，形成良性循环。")


def test_segment_start_as_the_last_mark_found_by_rfind():
    from zhpolicy.extraction.stats import years

    for text in _strings("；;：:，年2", 3000, 20, seed=9):
        for end in range(len(text) + 1):
            assert years._after_last(years._UP_TO_SEGMENT, text, end) == max(text.rfind(ch, 0, end) for ch in "；;") + 1
            assert (years._after_last(years._UP_TO_SEGMENT_OR_COLON, text, end)
                    == max(text.rfind(ch, 0, end) for ch in "；;：:") + 1)
