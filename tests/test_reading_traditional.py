"""Traditional-script texts from Hong Kong and Taiwan (issue 23, second round), each in a file the test
writes itself: a Big5 web page with 發布日期 and an ROC date, a UTF-8 Markdown file with front matter, a
Big5 .txt with 時　　間 and 中華民國101年…, ROC and month-only dates, titles found under Traditional
labels and given in Simplified like the text; plus the title and Markdown families met on the way."""

from __future__ import annotations

import warnings

import pytest

import zhpolicy as zp
from zhpolicy.reading.dates import find_date_with_place, normalise_date
from zhpolicy.reading.titles import clean_site_title, find_title


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zp.load_corpus(folder)


@pytest.mark.parametrize("value, iso", [
    ("中華民國113年5月20日", "2024-05-20"), ("民國113年5月20日（星期一）", "2024-05-20"), ("中华民国101年10月26日", "2012-10-26"),
    ("113年5月20日", "2024-05-20"), ("113/05/20", "2024-05-20"), ("113.5.20", "2024-05-20"),
    ("發布日期：113-05-20", "2024-05-20"), ("民國一百十三年五月二十日", "2024-05-20"), ("民国九十九年一月五日", "2010-01-05"),
    ("民國99年1月5日", "2010-01-05"), ("113年5月", "2024-05"),
    ("2024年5月20日（民國113年5月20日）", "2024-05-20"),  # the first date counts
    ("99年1月5日", ""),  # a two-digit year without 民国 is not read as ROC
    ("共113项，1,113.5万元", ""), ("2024年3月5日", "2024-03-05"), ("二〇二四年三月五日", "2024-03-05"),
])
def test_roc_and_gregorian_dates(value, iso):
    assert normalise_date(value) == iso


def test_month_only_dates_under_the_title_and_in_the_signature():
    assert find_date_with_place("宪法与基本法\n2020年7月版本\n重要告示\n本小册子只供参考。") == ("2020-07", "text_header")
    text = "关于运作原则及指引\n一、概论\n" + "本指引为警务人员提供运作原则。\n" * 6 + "2020 年 7 月 保安局局长"
    assert find_date_with_place(text) == ("2020-07", "text_end")
    # a month inside a title is what the text talks about, not its date
    assert find_date_with_place("2024年3月份全市经济运行情况\n全市经济运行总体平稳。") == ("", "")
    assert find_date_with_place("2024年3月全市经济运行简况\n全市经济运行总体平稳。") == ("", "")


BIG5_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>行政院會通過科技基本法修正草案 - 行政院全球資訊網</title></head><body>
<div class="nav">首頁 &gt; 新聞與公告 &gt; 本院新聞</div>
<div class="cp"><h2>行政院會通過科技基本法修正草案</h2>
<p>發布日期：中華民國113年5月20日</p>
<p>行政院會今日通過國家科學及技術委員會擬具的科技基本法修正草案，將送請立法院審議。</p>
<p>院長表示，科技發展是國家發展的重要基礎，政府將持續增加研發經費投入，推動產業創新。</p>
<p>責任編輯：王小明</p></div>
<div class="footer">本網站著作權屬於行政院</div></body></html>"""


def test_big5_page_with_roc_date_and_traditional_labels(tmp_path):
    (tmp_path / "新聞稿.html").write_bytes(BIG5_PAGE.encode("big5"))
    row = _load(tmp_path).iloc[0]
    assert row["encoding"] == "html (big5)"
    assert (row["title"], row["title_source"]) == ("行政院会通过科技基本法修正草案", "html_title")
    assert (row["date"], row["date_source"]) == ("2024-05-20", "html_text")
    assert row["text"].split("\n") == [  # the date line and the editor's credit are furniture
        "行政院会通过科技基本法修正草案",
        "行政院会今日通过国家科学及技术委员会拟具的科技基本法修正草案，将送请立法院审议。",
        "院长表示，科技发展是国家发展的重要基础，政府将持续增加研发经费投入，推动产业创新。"]
    assert "發布日期" in row["raw"]  # the original stays in raw


def test_traditional_markdown_front_matter_title_in_simplified(tmp_path):
    (tmp_path / "新聞.md").write_text(
        "---\ntitle: \"准許回報率下調至8%　政府料電費可減\"\ndate: \"2017-04-25\"\nauthor: \"記者\"\n---\n\n"
        "# 准許回報率下調至8%　政府料電費可減\n\n政府與兩間電力公司簽定新協議，將准許回報率由9.99%下調至8%。\n\n"
        "---\n\n請加入成為本報的月費訂戶，長期支持我們的工作。\n\n月費訂戶 [網址：example.org/subscribe](/subscribe)\n",
        encoding="utf-8")
    row = _load(tmp_path).iloc[0]
    assert (row["title"], row["title_source"]) == ("准许回报率下调至8%　政府料电费可减", "front_matter")
    assert (row["date"], row["date_source"]) == ("2017-04-25", "front_matter")
    assert row["author"] == "记者"
    assert row["text"].split("\n") == ["准许回报率下调至8% 政府料电费可减", "政府与两间电力公司签定新协议，将准许回报率由9.99%下调至8%。"]


GAZETTE = """院會紀錄
立法院公報　第101卷　第63期　院會紀錄
院會紀錄
立法院第8屆第2會期第6次會議紀錄
時　　間　中華民國101年10月26日（星期五）上午10時
地　　點　本院議場
主席：現在開會，進行報告事項。
報告事項
一、宣讀第8屆第2會期第5次會議議事錄。
主席：報告院會，議事錄確定。
二、本院委員擬具「勞工保險條例第六十九條條文修正草案」，請審議案。
主席：照程序委員會意見辦理。
散會
"""


def test_big5_gazette_with_spaced_time_label_and_roc_date(tmp_path):
    (tmp_path / "公報.txt").write_bytes(GAZETTE.encode("big5"))
    row = _load(tmp_path).iloc[0]
    assert row["encoding"] == "big5"
    # 院会纪录 (printed twice: a section name) and the issue line 第101卷第63期 are not the title
    assert (row["title"], row["title_source"]) == ("立法院第8届第2会期第6次会议纪录", "heading")
    assert (row["date"], row["date_source"]) == ("2012-10-26", "text_header")


def test_markdown_data_fences_are_not_text(tmp_path):
    (tmp_path / "纪录.md").write_text(
        "# 院会纪录\n\n```json\n{\"sitting\": 6, \"speaker\": \"主席\"}\n```\n\n主席：现在开会。\n\n"
        "```\n引用的原文段落保留。\n```\n", encoding="utf-8")
    assert _load(tmp_path).iloc[0]["text"].split("\n") == ["院会纪录", "主席：现在开会。", "引用的原文段落保留。"]


def test_agenda_page_title_from_short_lines_not_a_document_code(tmp_path):
    page = ("<html><body><p>A 13/14-24</p><p>立法會</p><p>議程</p><p>2014年4月30日星期三上午11時正</p>"
            "<p>據報，郵輪碼頭自去年啟用以來，交通配套一直為人詬病。</p></body></html>")
    (tmp_path / "議程.html").write_text(page, encoding="utf-8")
    row = _load(tmp_path).iloc[0]
    assert (row["title"], row["date"]) == ("立法会议程", "2014-04-30")


def test_title_skips_notice_numbers_and_loses_book_title_marks():
    assert find_title("2020 年第 136 号法律公告\n《2020 年全国性法律公布》\n鉴于基本法第十八条规定，现公布。") == \
        "《2020 年全国性法律公布》"
    from zhpolicy.reading.titles import unbracket
    assert unbracket("《2020 年全国性法律公布》") == "2020 年全国性法律公布"
    assert unbracket("《宪法》与《基本法》") == "《宪法》与《基本法》"
    assert clean_site_title("人工智能 - 维基百科，自由的百科全书") == "人工智能"
    assert clean_site_title("1-10月德清县固定资产投资结构趋稳趋优_德清县人民政府") == "1-10月德清县固定资产投资结构趋稳趋优"
