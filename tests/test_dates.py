"""A document's own date (header, dateline, signature) and date normalising: zhpolicy.reading.dates."""

from __future__ import annotations

import pytest

from zhpolicy.reading.dates import find_date, normalise_date


@pytest.mark.parametrize(
    "text, date",
    [
        ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n正文。", "2024-03-05"),
        ("关于某事的通知\n发布时间：2025-03-06 10:30\n正文。", "2025-03-06"),
        ("关于某事的通知\n正文，内容很长。\n某某市人民政府\n2019年3月4日", "2019-03-04"),
        ("关于某事的通知\n正文。\n某某市人民政府\n二〇二四年十二月二十日", "2024-12-20"),
        ("关于某事的通知\n正文。", ""),
        # a web page's metadata line: the date among other labelled fields, not always first
        ("某市经济运行情况\n【字体：大 中 小】 2024-03-05 来源：市政府办\n正文。", "2024-03-05"),
        ("某市经济运行情况\n新华社北京3月5日电 发布时间：2024-03-05 10:20\n正文。", "2024-03-05"),
        ("某市经济运行情况\n作者：张三 发布日期：2024年3月5日 浏览次数：120\n正文。", "2024-03-05"),
        ("某縣經濟概況\n發布時間：2024-03-05 | 點擊：88\n正文。", "2024-03-05"),
    ],
)
def test_dates_from_header_and_signature(text, date):
    assert find_date(text) == date


def test_a_date_inside_a_long_paragraph_is_not_the_documents_date():
    body = "2023年10月1日以来，" + "各地区各部门认真落实各项政策措施，取得了明显成效，" * 5
    assert find_date(f"标题\n{body}") == ""


@pytest.mark.parametrize("value, iso", [("2024年3月5日", "2024-03-05"), ("2024/3/5", "2024-03-05"),
                                         ("2024-03", "2024-03"), ("2024", "2024"), ("2024年3月", "2024-03"),
                                         ("不是日期", "")])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso
