"""Policy instruments: codebook files, clauses, coding, intensity, agreement and the coding sheet.

All sentences here are written for the tests in the style of policy texts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from zhpolicy.extraction import instruments as I

DOC = "\n".join([
    "关于加快科技成果转化的若干措施",
    "一、总体要求",
    "当前，我国科技成果转化正处于关键时期。",
    "到2030年，基本建成覆盖全链条的成果转化服务体系。",
    "二、重点任务",
    "（一）加大投入。设立省级科技成果转化专项资金，对中试项目给予后补助。"
    "鼓励金融机构开发知识产权质押贷款产品。",
    "（二）开放场景。一是实行首台套产品政府采购；二是开放城市应用场景，支持新技术先试先用。",
    "（三）严格监管。严禁以任何名义截留转化收益，各地不得设置地方保护门槛。",
    "（四）探索试点。有条件的地区可以探索职务科技成果赋权改革试点。",
])


@pytest.fixture(scope="module")
def coded():
    return I.code_clauses(I.policy_clauses({"d1": DOC}))


def by_text(coded, fragment):
    rows = coded[coded["text"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, (fragment, list(coded["text"]))
    return rows.iloc[0]


# ---------------------------------------------------------------- data files


def test_codebook_has_three_types_and_the_subtypes_of_the_framework():
    book = I.read_instrument_codebook()
    assert list(dict.fromkeys(book["type"])) == ["供给型", "环境型", "需求型"]
    assert set(book.loc[book["type"] == "供给型", "subtype"]) == {"人才培养与引进", "资金投入", "技术支持与平台", "基础设施",
                                                              "公共服务与信息"}
    assert set(book.loc[book["type"] == "需求型", "subtype"]) == {"政府采购", "应用示范与场景开放", "市场培育",
                                                              "国际合作与贸易", "服务外包"}
    assert {"目标规划", "金融支持", "税收优惠", "法规与标准", "知识产权", "策略性措施"} == set(
        book.loc[book["type"] == "环境型", "subtype"])
    assert all(isinstance(t, list) and t for t in book["terms"])
    assert all(d.strip() for d in book["description"])
    assert book["subtype"].is_unique


def test_codebook_parser_reads_and_not_rules(tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("type,theme,terms,all_of,none_of,description\n"
                    "供给型,平台,平台|实验室,建设,平台经济,建设平台\n", encoding="utf-8")
    book = I.read_instrument_codebook(path)
    row = book.iloc[0]
    assert (row["type"], row["subtype"]) == ("供给型", "平台")
    assert row["terms"] == ["平台", "实验室"] and row["all_of"] == ["建设"] and row["none_of"] == ["平台经济"]
    clauses = pd.DataFrame({"clause_id": ["a", "b", "c"],
                            "text": ["建设一批创新平台。", "发展平台经济，建设数字中国。", "用好现有平台。"]})
    hits = I.instrument_hits(clauses, book)
    assert list(hits["clause_id"]) == ["a"]  # b: NOT rule removes 平台经济; c: AND rule needs 建设


def test_stage_and_intensity_files():
    stages = I.read_stages()
    assert list(stages["stage"]) == ["基础研究", "技术攻关/应用研究", "中试与成果转化", "产业化与市场应用", "全链条/生态"]
    tiers = I.read_intensity()
    assert list(tiers["tier"]) == [4, 3, 1, 2]  # hedges (1) are checked before tier 2
    by_tier = tiers.set_index("tier")
    assert {"必须", "严禁", "不得"} <= set(by_tier.loc[4, "terms"])
    assert {"鼓励", "支持", "引导"} <= set(by_tier.loc[2, "terms"])
    assert {"探索", "试点"} <= set(by_tier.loc[1, "terms"])
    assert all(d.strip() for d in tiers["description"])


def test_fired_cues_lists_words_in_order_and_drops_nested_ones():
    assert I.fired_cues("开展试点示范，建设示范区", ["示范区", "试点", "示范"]) == ["试点", "示范", "示范区"]
    assert I.fired_cues("推进先行先试", ["先行先试", "先试"]) == ["先行先试"]
    assert I.fired_cues("重要的是", ["要"], none_of=["重要"]) == []


# ---------------------------------------------------------------- clauses


def test_clauses_leave_out_titles_and_headings_and_cut_enumerations(coded):
    texts = list(coded["text"])
    assert not any(t.startswith(("关于加快", "一、", "二、")) for t in texts)
    assert not any(t in ("加大投入。", "（一）加大投入。") for t in texts)
    first = by_text(coded, "一是实行")
    second = by_text(coded, "二是开放")
    assert first["marker"] == "一是" and second["marker"] == "二是"
    assert DOC[first["start"]:first["end"]] == first["text"]
    assert DOC[second["start"]:second["end"]] == second["text"]
    assert coded["clause_id"].is_unique
    assert first["section_path"] == "重点任务 > 开放场景"
    assert by_text(coded, "正处于关键时期")["section_path"] == "总体要求"


def test_narrative_sentences_are_not_measures(coded):
    assert by_text(coded, "正处于关键时期")["measure"] == "否"
    assert by_text(coded, "正处于关键时期")["narrative_cue"] == "正处于、关键时期"
    assert by_text(coded, "设立省级")["measure"] == "是"


def test_clause_ids_stay_unique_when_document_names_share_their_start():
    text = "二、重点任务\n设立省级科技成果转化专项资金，对中试项目给予后补助。"
    docs = {"national_gwr_2023": text, "national_gwr_2024": text, "d1": text}
    coded = I.code_clauses(I.policy_clauses(docs))  # raised InvalidIndexError on duplicate ids
    assert coded["clause_id"].is_unique and len(coded) == 3
    assert coded["clause_id"].str.startswith(("national_gwr_2023:", "national_gwr_2024:", "d1:")).all()
    assert (coded["subtype"] == "资金投入").all()


def _rules_one_by_one(text, table, label):
    """The rule coding as the codebook reads, rule after rule (what ``_Rules.fired`` must equal)."""
    from zhpolicy.analysis.themes import theme_hits

    return [(i, theme_hits(text, r.terms, r.all_of, r.none_of), I.fired_cues(text, r.terms, r.all_of, r.none_of))
            for i, r in enumerate(table.itertuples()) if theme_hits(text, r.terms, r.all_of, r.none_of)]


def test_matching_only_rules_whose_cue_words_occur_changes_no_code():
    """Clauses made of cue words, NOT phrases and AND words of every rule table, glued with filler: the
    prepared rules fire exactly as each rule checked one by one."""
    import random

    tables = [(I.read_instrument_codebook(), "subtype"), (I.read_stages(), "stage"), (I.read_intensity(), "label"),
              (I.read_narrative_cues(), "kind")]
    words = sorted({w for table, _ in tables for col in ("terms", "all_of", "none_of") for cell in table[col] for w in cell})
    rng = random.Random(0)
    texts = ["".join(rng.choice(words + ["，", "的", "和", "。", "重"]) for _ in range(rng.randint(1, 12))) for _ in range(600)]
    texts += ["", "设立省级科技成果转化专项资金", "严禁以任何名义截留"]
    for table, label in tables:
        prepared = I._Rules(table, label)
        assert prepared.automaton is not None  # ahocorasick-rs is a dependency
        fired = prepared.fired(texts)
        assert fired == [_rules_one_by_one(t, table, label) for t in texts]
        assert sum(map(len, fired)) > 100  # the texts do fire rules
        prepared.automaton = None  # the fallback without the automaton: blocks of clauses
        assert prepared.fired(texts) == fired


# ---------------------------------------------------------------- coding


def test_coding_of_hand_made_clauses(coded):
    fund = by_text(coded, "设立省级")
    assert fund["type"] == "供给型" and fund["subtype"] == "资金投入"
    assert "资金投入：专项资金、后补助" in fund["cues"]
    assert fund["stage"] == "中试与成果转化"
    loan = by_text(coded, "质押贷款")
    assert set(loan["subtypes"].split("|")) == {"金融支持", "知识产权"}  # several codes on one clause
    assert loan["types"] == "环境型"
    buy = by_text(coded, "一是实行")
    assert (buy["type"], buy["subtype"]) == ("需求型", "政府采购")
    scene = by_text(coded, "二是开放")
    assert (scene["type"], scene["subtype"]) == ("需求型", "应用示范与场景开放")
    ban = by_text(coded, "严禁")
    assert "法规与标准" not in ban["subtypes"] or ban["type"] == "环境型"
    assert "策略性措施" in ban["subtypes"]  # 地方保护


def test_a_clause_without_cues_is_coded_none():
    coded = I.code_clauses(I.policy_clauses({"x": "要认真做好各项工作，确保取得实效。"}))
    row = coded.iloc[0]
    assert row["measure"] == "是" and row["type"] == I.NONE and row["subtype"] == I.NONE and row["stage"] == I.NONE


def test_full_chain_when_three_stages_are_named():
    coded = I.code_clauses(I.policy_clauses({"x": "支持基础研究、关键核心技术攻关和成果转化。"}))
    assert coded.iloc[0]["stage"] == I.FULL_CHAIN


# ---------------------------------------------------------------- intensity


@pytest.mark.parametrize("text, tier", [
    ("严禁违规使用财政资金。", 4),
    ("各地必须落实主体责任。", 4),
    ("要加快建设国家实验室。", 3),
    ("全面深化科技体制改革。", 3),
    ("鼓励企业加大研发投入。", 2),
    ("支持高校建设概念验证中心。", 2),
    ("探索科研经费包干制。", 1),
    ("有条件的地区开展试点。", 1),  # the hedge qualifies 开展 (tier 2)
    ("探索建立概念验证机制。", 1),
    ("要积极探索新机制。", 3),  # but not 要 (tier 3)
    ("推广试点经验。", 0),  # 试点经验 is a noun (NOT rule); 推广 is no tier word
    ("这是一项重要的工作。", 0),  # 重要 is not 要 (NOT rule)
    ("主要任务和要素保障。", 0),
])
def test_intensity_tiers(text, tier):
    table = I.clause_intensity(pd.DataFrame({"clause_id": ["c"], "text": [text]}))
    assert int(table.iloc[0]["tier"]) == tier


def test_intensity_per_document_and_type(coded):
    per_doc = I.intensity_by_document(coded)
    measures = coded[coded["measure"] == "是"]
    assert per_doc.loc["d1", "measures"] == len(measures)
    assert per_doc.loc["d1", "mean_intensity"] == pytest.approx(round(measures["intensity"].mean(), 2))
    assert per_doc.loc["d1", "tier_4"] == (measures["intensity"] == 4).sum() == 1
    per_type = I.intensity_by_type(coded)
    assert list(per_type.index) == ["供给型", "环境型", "需求型"]
    assert per_type.loc["需求型", "measures"] >= 2


def test_mix_and_type_stage_tables(coded):
    mix = I.instrument_mix(coded)
    assert list(mix.columns) == ["供给型", "环境型", "需求型"] and list(mix.index) == ["d1"]
    assert mix.loc["d1", "需求型"] == 2
    share = I.instrument_mix(coded, share=True)
    assert share.sum(axis=1).iloc[0] == pytest.approx(1.0, abs=0.01)
    sub = I.instrument_mix(coded, by="subtype")
    assert sub.loc["d1", "政府采购"] == 1 and len(sub.columns) == 16
    grid = I.type_stage_table(coded)
    assert grid.shape == (3, 5) and grid.values.sum() >= 1


def test_empty_corpus_gives_empty_tables():
    coded = I.code_clauses(I.policy_clauses({"x": "标题"}))
    assert coded.empty
    assert I.instrument_mix(coded).shape == (0, 3)
    assert I.type_stage_table(coded).values.sum() == 0
    assert len(I.coding_sheet(coded, 10)) == 0


# ---------------------------------------------------------------- agreement


def test_kappa_against_a_hand_computation():
    a = ["供给型", "供给型", "环境型", "环境型", "需求型", "供给型", "环境型", "需求型", "供给型", "环境型"]
    b = ["供给型", "环境型", "环境型", "环境型", "需求型", "供给型", "供给型", "需求型", "供给型", "需求型"]
    # observed agreement 7/10; chance: A = (4, 4, 2)/10, B = (4, 3, 3)/10 -> pe = .16 + .12 + .06 = .34
    assert I.percent_agreement(a, b) == pytest.approx(0.7)
    assert I.cohen_kappa(a, b) == pytest.approx((0.7 - 0.34) / (1 - 0.34))
    table = I.confusion_table(a, b, names=("甲", "乙"))
    assert table.loc["环境型", "供给型"] == 1 and table.loc["环境型", "需求型"] == 1 and int(table.values.trace()) == 7


def test_kappa_is_nan_when_undefined_and_numbers_compare_as_text():
    assert math.isnan(I.cohen_kappa(["是", "是"], ["是", "是"]))
    assert I.percent_agreement([3, 2.0, "1"], ["3", "2", "1.0"]) == 1.0


def test_agreement_table_skips_uncoded_rows_and_lists_disagreements():
    sheet = pd.DataFrame({"clause_id": ["a", "b", "c", "d"], "text": ["甲句", "乙句", "丙句", "丁句"],
                          "c1_type": ["供给型", "环境型", "需求型", ""], "c2_type": ["供给型", "需求型", "需求型", "供给型"]})
    table = I.agreement_table(sheet, "c1", "c2")
    assert list(table["dimension"]) == ["type"]
    assert table.iloc[0]["clauses"] == 3 and table.iloc[0]["agreement"] == pytest.approx(0.667)
    diff = I.disagreements(sheet, "type", "c1", "c2")
    assert list(diff["text"]) == ["乙句"]


# ---------------------------------------------------------------- coding sheets


def test_coding_sheet_is_stratified_and_reproducible():
    docs = {f"d{i}": "\n".join(f"第{j}条：要加强第{i}{j}项工作。" for j in range(20)) for i in range(3)}
    coded = I.code_clauses(I.policy_clauses(docs))
    sheet = I.coding_sheet(coded, 12, seed=1)
    assert sheet["doc_id"].value_counts().to_dict() == {"d0": 4, "d1": 4, "d2": 4}
    assert sheet.equals(I.coding_sheet(coded, 12, seed=1))
    assert not sheet.equals(I.coding_sheet(coded, 12, seed=2))
    assert {"coder1_type", "coder2_stage", "note"} <= set(sheet.columns)
    assert "type" not in sheet.columns  # coders do not see the rules
    assert (sheet["coder1_type"] == "").all()
    assert I.coding_sheet(coded, 2, seed=1)["doc_id"].nunique() == 2  # fewer clauses than documents
    assert len(I.coding_sheet(coded, 7, seed=1)) == 7
    assert I.coding_sheet(coded, 7, seed=1)["doc_id"].value_counts().sort_index().tolist() == [3, 2, 2]


def test_top_documents_keeps_the_largest_in_document_order():
    docs = {"a": "要加强平台建设。", "b": "要加强平台建设。要加快人才培养。", "c": "当前形势正处于关键时期。"}
    coded = I.code_clauses(I.policy_clauses(docs))
    assert I.top_documents(coded, 5) == ["a", "b", "c"]
    assert I.top_documents(coded, 2) == ["a", "b"]
    assert I.top_documents(coded, 1) == ["b"]


def test_xlsx_and_csv_round_trip(tmp_path, coded):
    sheet = I.coding_sheet(coded, 5, seed=0)
    sheet.loc[0, ["coder1_type", "coder2_type", "coder1_intensity", "coder2_intensity"]] = ["供给型", "环境型", "3", "3"]
    paths = I.export_coding_sheet(sheet, "sheet", folder=tmp_path)
    assert [p.name for p in paths] == ["sheet.xlsx", "sheet.csv"]
    for path in paths:
        back = I.read_coding_sheet(path)
        assert list(back.columns) == list(sheet.columns)
        assert list(back["text"]) == list(sheet["text"])
        assert list(back["start"]) == list(sheet["start"])
        assert back.loc[0, "coder1_type"] == "供给型" and back.loc[1, "coder1_type"] == ""
        assert back.loc[0, "coder2_intensity"] == "3"
    from openpyxl import load_workbook

    book = load_workbook(paths[0])
    assert book.sheetnames == ["coding", "codebook"]
    assert book["coding"].data_validations.dataValidation  # drop-down lists of allowed codes


def test_a_clause_that_looks_like_a_formula_reads_back_as_written(tmp_path):
    """The CSV puts a ' before text Excel would calculate; read_coding_sheet takes it off again, so the
    CSV and the .xlsx read back the same clauses as were written (issue 27)."""
    texts = ["=1+1 设立专项资金", "-加大财政支持", "+86 热线", "@所有人 注意", "＝全角等号", "'=原来就有撇号",
             "''+两个撇号", "'普通的撇号", "正常的条款"]
    sheet = pd.DataFrame({"clause_id": [f"d:{i}" for i in range(len(texts))], "text": texts,
                          "coder1_type": ["供给型"] + [""] * (len(texts) - 1), "=note": [""] * len(texts)})
    xlsx, csv = I.export_coding_sheet(sheet, "formulas", folder=tmp_path)
    raw = pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert raw["text"].iloc[0] == "'=1+1 设立专项资金" and raw["text"].iloc[5] == "''=原来就有撇号"  # safe in Excel
    for path in (csv, xlsx):
        back = I.read_coding_sheet(path)
        assert back["text"].tolist() == texts, path.suffix
        assert list(back.columns) == list(sheet.columns)


def test_hand_sample_matches_the_seeds(corpus):
    sample = I.hand_sample()
    assert len(sample) >= 60
    assert set(sample["human_measure"]) == {"是", "否"}
    assert sample.loc[sample["human_measure"] == "否", "human_type"].eq(I.NONE).all()
    book = I.read_instrument_codebook()
    known = dict(zip(book["subtype"], book["type"]))
    measures = sample[sample["human_measure"] == "是"]
    assert all(known[s] == t for s, t in zip(measures["human_subtype"], measures["human_type"]))
    coded = I.code_clauses(I.policy_clauses(corpus))
    matched = I.match_sample(sample, coded)
    assert len(matched) == len(sample)  # every hand-coded clause is found again
    table = I.agreement_table(matched, "human", "rules")
    assert set(table["dimension"]) == set(I.DIMENSIONS)
    assert (table["kappa"] > 0).all()
