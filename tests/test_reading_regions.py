"""Traditional texts from Taiwan and Hong Kong are converted to Simplified in Mainland vocabulary, so
that the extractors' cue lists (written the Mainland way) find their words; a Mainland text printed in
Traditional script is converted in script only; Simplified texts are never touched. Each family in a
file the test writes itself: a Big5 Taiwan text, a Big5-HKSCS Hong Kong text, a Mainland text in
Traditional script, a Taiwan text full of words OpenCC's tw2sp would turn into computer jargon."""

from __future__ import annotations

import warnings

import pytest

import zhpolicy as zp
from zhpolicy.analysis import themes
from zhpolicy.reading.clean import to_simplified
from zhpolicy.reading.regions import region_markers, simplify, text_region

TAIWAN = ("推動產業創新與科技研發深度融合，是本市未來十年的核心策略。政府將協助中小企業導入人工智慧與數位轉型，"
          "強化產學合作，提升產品品質與軟體、網路服務。113年本市研發經費達新臺幣四百二十億元，較前一年成長百分之八點五。"
          "未來將設立創新育成中心，培育新創企業，並保護智慧財產權。")
TAIWAN_SIMPLIFIED = ("推动产业创新与科技研发深度融合，是本市未来十年的核心策略。政府将协助中小企业导入人工智能与数字化转型，"
                     "强化产学研合作，提升产品质量与软件、网络服务。113年本市研发经费达新台币四百二十亿元，较前一年增长百分之八点五。"
                     "未来将设立创新孵化中心，培育初创企业，并保护知识产权。")

HONG_KONG = ("特區政府致力推動創科發展，支援初創企業，加強資訊科技基建。數碼港將推出數碼科技計劃，"
             "提升市民整體質素及服務質素，改善公共衞生。")
HONG_KONG_SIMPLIFIED = ("特区政府致力推动创新科技发展，支持初创企业，加强信息技术基础设施。数码港将推出数字科技计划，"
                        "提升市民整体素质及服务质量，改善公共卫生。")


def _load(folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = zp.load_corpus(folder)
    return corpus, [str(w.message) for w in caught]


def test_big5_taiwan_text_in_mainland_vocabulary(tmp_path):
    (tmp_path / "台灣說明.txt").write_bytes(("產業創新說明\n" + TAIWAN).encode("big5"))
    corpus, messages = _load(tmp_path)
    row = corpus.iloc[0]
    assert row["encoding"] == "big5"
    assert row["text"] == "产业创新说明\n" + TAIWAN_SIMPLIFIED
    assert row["raw"] == "產業創新說明\n" + TAIWAN  # the original stays
    audit = zp.cleaning_audit(corpus).set_index("step")
    detail = audit.loc["to_simplified", "detail"]
    assert detail.startswith("OpenCC tw2s + 台湾用语（标记：") and "人工智慧" in detail
    assert audit.loc["join_wrapped_lines", "detail"] == ""
    assert any("台湾的文本同时改用大陆用语" in m and "台灣說明.txt" in m for m in messages)
    # the codebook (Mainland vocabulary) now finds the text's digital, AI, incubator and university themes
    coded = themes.code_units(themes.theme_units(corpus))
    assert coded["数字化与人工智能"].sum() >= 2 and coded["产学研协同"].sum() >= 1


def test_big5_hkscs_hong_kong_text_in_mainland_vocabulary(tmp_path):
    (tmp_path / "創科.txt").write_bytes(("創科發展\n" + HONG_KONG + "佢哋嘅意見。").encode("big5hkscs"))
    row = _load(tmp_path)[0].iloc[0]
    assert row["encoding"] == "big5hkscs"
    assert row["text"] == "创新科技发展\n" + HONG_KONG_SIMPLIFIED + "佢哋嘅意见。"
    audit = zp.cleaning_audit(_load(tmp_path)[0]).set_index("step")
    assert audit.loc["to_simplified", "detail"].startswith("OpenCC hk2s + 香港用语")


def test_mainland_text_in_traditional_script_is_converted_in_script_only():
    text = ("國務院印發《關於深入實施「人工智能+」行動的意見》，建設智慧城市，加快數據中心和芯片產業發展。"
            "各地要建立健全執行機制，新增一批關鍵核心技術攻關項目，完善統計指標。")
    assert text_region(text) == ""
    assert to_simplified(text) == ("国务院印发《关于深入实施「人工智能+」行动的意见》，建设智慧城市，加快数据中心和芯片产业发展。"
                                   "各地要建立健全执行机制，新增一批关键核心技术攻关项目，完善统计指标。")


def test_taiwan_words_that_are_also_mainland_words_stay():
    # OpenCC's tw2sp would write 指针, 内核, 创建, 运行, 添加, 集成, 进程, 设置: software jargon, not policy
    text = "行政院推動數位轉型，建立主要指標，執行關鍵核心技術計畫，新增補助項目，整合申請程序，設定目標。"
    assert text_region(text) == "tw"
    assert simplify(text) == "行政院推动数字化转型，建立主要指标，执行关键核心技术计划，新增补助项目，整合申请程序，设定目标。"


@pytest.mark.parametrize("text, converted", [
    ("創新創業生態系", "创新创业生态系"),  # 新創 inside 創新創業 is not a start-up
    ("最新創下紀錄", "最新创下纪录"),
    ("衛生技術", "卫生技术"),  # 生技 inside 衛生技術 is not biotech
    ("生技產業", "生物技术产业"),
    ("物資安全與工資安排", "物资安全与工资安排"),  # 資安 inside 物資安全 is not information security
    ("資安產業", "信息安全产业"),
    ("資料來源：經濟部", "资料来源：经济部"),
    ("資料中心、開放資料", "数据中心、开放数据"),
    ("隨著經濟成長率達5%", "随着经济增长率达5%"),
    ("人才成長", "人才成长"),
])
def test_taiwan_phrases_only_where_they_are_words(text, converted):
    assert simplify(text, "tw") == converted


@pytest.mark.parametrize("text, converted", [
    ("數碼港", "数码港"), ("初創科技企業", "初创科技企业"), ("開創科技新局", "开创科技新局"), ("創科局", "创新科技局"),
    ("服務的質素", "服务的质量"), ("高質素的人才", "高素质的人才"), ("緊急支援", "紧急支援"), ("財政支援", "财政支持"),
])
def test_hong_kong_phrases(text, converted):
    assert simplify(text, "hk") == converted


def test_region_needs_two_different_markers_and_a_lead():
    assert text_region("人工智慧" * 5) == ""  # one marker, however often
    assert text_region("行政院今日宣布，113年5月20日起實施。") == "tw"  # an ROC date counts
    assert "民國紀年" in region_markers("中華民國113年5月20日")["tw"]
    assert text_region("立法會今日通過，特區政府將撥款。") == "hk"
    # Mainland words hold Taiwan back: 人工智能、國務院、芯片 against 行政院、數位
    assert text_region("國務院和行政院都談人工智能與數位、芯片。") == ""


def test_simplified_text_untouched():
    text = "推动科技创新和产业创新深度融合，加快建设现代化产业体系。台湾地区人工智慧产业"
    assert to_simplified(text) is text


def test_taiwan_front_matter_title_in_mainland_vocabulary(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: 人工智慧基本法草案說明\n---\n\n" + TAIWAN + "\n", encoding="utf-8")
    row = _load(tmp_path)[0].iloc[0]
    assert (row["title"], row["title_source"]) == ("人工智能基本法草案说明", "front_matter")
