"""A web page saved as one long line: the spaces that stand for its line breaks become breaks again."""

import zhpolicy as zp
from zhpolicy.reading.clean import LOST_BREAKS_MIN, normalize_whitespace

BODY = "全县坚持稳中求进工作总基调，着力扩大内需、优化结构、提振信心。" * 8


def test_title_and_run_in_headings_of_a_one_line_page():
    line = f"2023年某县国民经济和社会发展统计公报 2023年，{BODY} 一、综合 初步核算，全年生产总值276.29亿元。 二、农业 全年粮食产量10万吨。"
    assert len(line) >= LOST_BREAKS_MIN
    assert normalize_whitespace(line).split("\n") == [
        "2023年某县国民经济和社会发展统计公报", f"2023年，{BODY}", "一、综合", "初步核算，全年生产总值276.29亿元。",
        "二、农业", "全年粮食产量10万吨。"]


def test_traditional_title_before_conversion():
    line = f"2023年某縣國民經濟和社會發展統計公報 2023年，{BODY}"
    assert normalize_whitespace(line).split("\n")[0] == "2023年某縣國民經濟和社會發展統計公報"


def test_short_lines_and_other_spaces_stay():
    assert normalize_whitespace("通 知 一、综合 初步") == "通 知 一、综合 初步"
    long_row = "指标 2020年 2025年 属性 " + "地区生产总值 增长 6% 预期性 " * 20
    assert normalize_whitespace(long_row) == long_row.strip()


def test_the_years_of_a_one_line_bulletin_come_from_its_title(tmp_path):
    line = f"2023年某县国民经济和社会发展统计公报 2023年，{BODY} 一、综合 初步核算，全县实现地区生产总值276.29亿元。其中，第一产业增加值33.26亿元，增长4.0%。"
    (tmp_path / "bulletin.txt").write_text(line, encoding="utf-8")
    stats = zp.extract_statistics(zp.load_corpus(tmp_path))
    assert set(stats["year"]) == {"2023"}
