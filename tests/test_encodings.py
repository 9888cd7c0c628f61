"""Decoding never guesses wrong silently (issue 16 §1).

A table over encodings × text lengths × (intact, one byte dropped, cut off mid-character):
every cell is either decoded exactly right or refused with a reason; never garbled text."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from zhpolicy.errors import CorpusError
from zhpolicy.reading.textio import _LONE_ASCII, decode_bytes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

OWN_SIMPLIFIED = (
    "政策发展各地区各部门要坚持稳中求进工作总基调，加快建设现代化产业体系，推动科技创新和产业创新深度融合。"
    "今年国内生产总值增长5%左右，城镇新增就业1200万人以上，居民消费价格涨幅2%左右。"
    "深化重点领域改革，优化营商环境，扩大高水平对外开放，切实保障和改善民生。"
)
OWN_HONG_KONG = (
    "政府會繼續推動創新科技發展，佢哋喺社區度做咗好多工作，呢個計劃嘅目標係提升市民生活質素。"
    "特區政府將加強與內地合作，推動經濟多元發展，令香港成為國際創新科技中心。"
)
JAPANESE = "これは日本語の文書です。政府は経済対策をまとめ、物価高への対応を進めると発表しました。"
KOREAN = "정부는 경제 정책을 발표했습니다. 올해 성장률 목표는 5퍼센트입니다. 지역 발전을 추진합니다."
WESTERN = "It’s the government’s plan: café, naïve résumé — “quoted” text… über straße déjà vu. "

LENGTHS = (2, 3, 5, 8, 20, 100, 500, 2000)
#: Where in the source text each sample starts (several, so short samples differ).
STARTS = (0, 37, 211, 1009, 4111)


def _repeat(text: str, n: int) -> str:
    return (text * (n // len(text) + 1))[:n]


def _simplified() -> str:
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return OWN_SIMPLIFIED + seeds


def _traditional(hk: bool = False) -> str:
    import opencc

    text = opencc.OpenCC("s2hk" if hk else "s2tw").convert(_simplified()[:6000])
    if hk:
        text = OWN_HONG_KONG + text
    enc = "big5hkscs" if hk else "big5"
    return "".join(ch for ch in text if _encodable(ch, enc))


def _encodable(ch: str, enc: str) -> bool:
    try:
        ch.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def _sources():
    simplified = _simplified()
    return {
        "utf-8": (simplified, "utf-8"),
        "utf-8-bom": (simplified, "utf-8-sig"),
        "gb18030": (simplified, "gb18030"),
        "gbk": ("".join(ch for ch in simplified if _encodable(ch, "gbk")), "gbk"),
        "big5": (_traditional(), "big5"),
        "big5-hkscs": (_traditional(hk=True), "big5hkscs"),
        "utf-16": (simplified, "utf-16"),
        "shift-jis": (JAPANESE, "shift_jis"),
        "euc-kr": (KOREAN, "euc_kr"),
        "cp1252": (WESTERN, "cp1252"),
    }


def _variants(data: bytes, skip: int):
    yield "intact", data
    body = len(data) - skip
    if body >= 2:
        middle = skip + body // 2
        yield "byte dropped", data[:middle] + data[middle + 1:]
        yield "cut off", data[:-1]


def _cell(text: str, codec: str, variant: str, data: bytes):
    try:
        decoded, _ = decode_bytes(data, "x.txt")
    except CorpusError as exc:
        return "refused", str(exc)
    if decoded == text:
        return "exact", ""
    if variant != "intact" and len(decoded) == len(text) - 1 and any(
        text[:i] + text[i + 1:] == decoded for i in range(len(text))
    ):
        # the dropped byte was a whole character (or the cut-off last one): the rest is exact
        return "exact", ""
    return "garbled", decoded[:40]


def test_encoding_table(capsys):
    counts = collections.Counter()
    garbled, refused_intact, reasons = [], [], collections.defaultdict(set)
    for name, (source, codec) in _sources().items():
        for n, start in ((n, start) for n in LENGTHS for start in STARTS):
            flat = source.replace("\n", "")
            text = _repeat(flat[start % len(flat):] + flat, n)
            data = text.encode(codec)
            skip = 3 if codec == "utf-8-sig" else 2 if codec == "utf-16" else 0
            for variant, blob in _variants(data, skip):
                outcome, detail = _cell(text, codec, variant, blob)
                counts[(name, outcome)] += 1
                counts[(name, "intact" if variant == "intact" else "damaged", outcome)] += 1
                if outcome == "garbled":
                    garbled.append((name, n, variant, text[:20], detail))
                elif outcome == "refused":
                    reasons[name].add(detail.split("。")[1] if "。" in detail else detail)
                    if (variant == "intact" and n >= 20 and name not in ("shift-jis", "euc-kr", "cp1252")
                            and not (codec not in ("utf-8", "utf-8-sig", "utf-16") and _LONE_ASCII.search(text))):
                        # (a legacy-encoded text with a Latin letter between two Han characters, like
                        # "占G党P", is refused on purpose: it looks like a character that lost a byte)
                        refused_intact.append((name, n))
    lines = ["encoding     | intact: exact refused | damaged: exact refused | garbled"]
    for name in _sources():
        lines.append(f"{name:12} | {counts[(name, 'intact', 'exact')]:13} {counts[(name, 'intact', 'refused')]:7} "
                     f"| {counts[(name, 'damaged', 'exact')]:14} {counts[(name, 'damaged', 'refused')]:7} "
                     f"| {counts[(name, 'garbled')]:7}")
    with capsys.disabled():  # shown on the terminal whether or not pytest runs with -s
        print("\n" + "\n".join(lines))
    for g in garbled:
        print("GARBLED", g)  # shown with the failure
    assert not garbled, garbled[:10]
    # refusing everything would pass the first check: intact Chinese of 20+ characters is read
    assert not refused_intact, refused_intact
    assert any("日文" in r for r in reasons["shift-jis"]), reasons["shift-jis"]
    assert any("韩文" in r for r in reasons["euc-kr"]), reasons["euc-kr"]
    assert any("西文" in r for r in reasons["cp1252"]), reasons["cp1252"]
    assert any("UTF-8" in r and "字节" in r for r in reasons["utf-8"]), reasons["utf-8"]


@pytest.mark.parametrize("text", ["政策", "发展", "改革", "就业", "经济", "民生", "开放", "创新"])
def test_short_gbk_words_are_not_read_as_big5_or_utf8(text):
    try:
        decoded, _ = decode_bytes(text.encode("gbk"))
    except CorpusError:
        return  # refusing a two-character file is allowed; guessing wrong is not
    assert decoded == text


def test_hong_kong_characters_are_read():
    text = OWN_HONG_KONG * 3
    decoded, encoding = decode_bytes(text.encode("big5hkscs"))
    assert decoded == text and encoding == "big5hkscs"


def test_western_apostrophe_is_not_chinese():
    with pytest.raises(CorpusError, match="西文"):
        decode_bytes("It’s a plan for 2024. ".encode("cp1252") * 3)


@pytest.mark.parametrize("text", ["推动A股市场健康发展，支持企业在A股上市。", "加快建设B类项目和3A级景区。"])
def test_capital_letters_between_chinese_characters_in_gbk_are_read(text):
    assert decode_bytes(text.encode("gbk"), "report.txt") == (text, "gb18030")


@pytest.mark.parametrize("titles", [["通知"], ["科技", "创新"], ["中国"], ["关于推动科技创新的意见"]])
def test_a_short_gbk_catalog_is_read_as_gbk(tmp_path, titles):
    """A catalog saved by Excel in GBK with a few short titles, one per line: line breaks are a CSV's
    structure, not the spaces between Korean words (issue 26, re-probed: 通知 came out as ֪ͨ)."""
    import warnings

    import zhpolicy as zp

    for i in range(len(titles)):
        (tmp_path / f"doc{i}.txt").write_text("关于推动科技创新的意见。\n正文。", encoding="utf-8")
    rows = "".join(f"doc{i}.txt,{t}\r\n" for i, t in enumerate(titles))
    (tmp_path / "catalog.csv").write_bytes(("file,title\r\n" + rows).encode("gbk"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = zp.load_corpus(tmp_path)
    assert list(corpus["title"]) == titles and set(corpus["title_source"]) == {"catalog"}


def test_big5_bytes_declared_gb2312_are_read_as_big5(tmp_path):
    """Big5 bytes also decode as GB18030 (as nonsense): a page's wrong declaration yields to its bytes."""
    from zhpolicy.reading.web import decode_page

    text = "推動科技創新和產業創新深度融合，2024年研發投入達到120億元。"
    page = f"<html><head><meta charset='gb2312'></head><body><p>{text}</p></body></html>".encode("big5")
    decoded, encoding = decode_page(page, "a.html")
    assert text in decoded and encoding.startswith("big5")
    gb = f"<html><head><meta charset='gb2312'></head><body><p>{text}</p></body></html>".encode("gb18030")
    assert decode_page(gb, "b.html") == (gb.decode("gb18030"), "gb18030")  # a right declaration stays
