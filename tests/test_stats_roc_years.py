"""Years of the Republic of China calendar (Taiwan's releases: 112年 = 2023) give a figure its year."""

import zhpolicy as zp


def _years(text: str) -> dict[str, str]:
    table = zp.extract_statistics(text)
    return dict(zip(table["surface"], table["year"]))


def test_a_taiwan_release_dates_its_figures_in_roc_years():
    years = _years("行政院主计总处今日公布，113年第2季实质GDP成长率为5.12%。预测114年经济成长率为3.26%。"
                   "112年上半年出口增加4.1%，111年全年为2.35%。")
    assert years == {"5.12%": "2024", "3.26%": "2025", "4.1%": "2023", "2.35%": "2022"}


def test_roc_years_after_minguo_and_in_pairs():
    years = _years("中华民国108年失业率为3.73%。110年及111年平均每户可支配所得分别为105.5万元、108.2万元。")
    assert years["3.73%"] == "2019"
    assert years["105.5万元"] in {"2021", "2022"}


def test_durations_of_a_hundred_years_are_not_roc_years():
    years = _years("建党100年来，全县人口增长12%。近110年的历史中，产量提高了30%。")
    assert "2011" not in years.values() and "2021" not in years.values()


def test_a_base_year_after_dui_is_not_the_figures_year():
    # 对上年同季 (Taiwan's wording for 比上年同期): the base of the growth rate, as after 比 or 较
    for text, year in (("2023年第1季实质GDP对上年同季成长率修正为-3.31%。", "2023"),
                       ("（一）112年第1季实质GDP对上年同季成长率修正为-3.31%（原为-2.87%）。", "2023"),
                       ("预测112年第3、4季经济成长率分别为2.54%及5.59%。", "2023")):
        years = set(zp.extract_statistics(text)["year"])
        assert years == {year}, text


def test_after_dui_next_year_is_the_figures_own_year():
    import pandas as pd
    corpus = pd.DataFrame({"doc_id": ["tw"], "date": ["2025-11-28"],
                           "text": ["至于对明年的经济展望，主计总处预测GDP成长3.54%。"]})
    assert list(zp.extract_statistics(corpus)["year"]) == ["2026"]


def test_roc_years_before_per_household_figures_and_a_start():
    years = _years("111年每户家庭可支配所得平均数为110.9万元。自113年起按年编布，首年样本增加5%。")
    assert years == {"110.9万元": "2022", "5%": "2024"}
