"""Read a text file whatever its encoding: UTF-8 (with or without BOM), UTF-16/32 with BOM,
GB18030/GBK/GB2312, Big5. Never decode silently with replacement characters: a file that
cannot be read exactly gets a :class:`CorpusError` naming the file."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .errors import CorpusError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

#: Legacy Chinese encodings tried, in this order, when a file is not UTF-8.
LEGACY_ENCODINGS = ("gb18030", "big5")

#: Share of control/unassigned characters above which decoded text is taken to be binary.
MAX_CONTROL_SHARE = 0.01


#: Characters that never occur in a text file: C0/C1 controls (tab, line breaks and form feed
#: aside), private-use code points and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _control_share(text: str) -> float:
    """Return the share of characters that never occur in a text file."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _choose_legacy(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8 as GB18030 or Big5; return (text, encoding) or None."""
    decoded = {}
    for enc in LEGACY_ENCODINGS:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not decoded:
        return None
    if len(decoded) > 1:
        # Both decode without error (common for short texts): let charset-normalizer
        # judge which reading is coherent Chinese.
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(decoded)).best()
        enc = best.encoding if best is not None and best.encoding in decoded else LEGACY_ENCODINGS[0]
        return decoded[enc], enc
    enc = next(iter(decoded))
    return decoded[enc], enc


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``.

    Raises :class:`CorpusError` for empty, binary or undecodable content.
    """
    if not data.strip():
        raise CorpusError(f"文件是空的，没有可分析的文字：{name}（empty file）")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"文件开头标明是 {enc.upper()} 编码，但内容无法按此编码读取：{name}（{exc.reason}）"
                ) from None
            encoding = "utf-8-sig" if enc == "utf-8-sig" else enc
            break
    else:
        if b"\x00" in data:
            raise CorpusError(
                f"这不是文本文件（含二进制内容，可能是 Word/PDF/图片）：{name}。"
                "请先另存为 .txt（UTF-8）再放入语料文件夹。（binary file）"
            )
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            legacy = _choose_legacy(data)
            if legacy is None:
                raise CorpusError(
                    f"无法识别文件编码（不是 UTF-8、GB18030/GBK 或 Big5）：{name}。"
                    "请用记事本或 VS Code 另存为 UTF-8 编码。（unknown encoding）"
                ) from None
            text, encoding = legacy
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise CorpusError(
            f"这不是文本文件（读出大量控制字符，可能是二进制文件）：{name}（binary file）"
        )
    if not text.strip():
        raise CorpusError(f"文件是空的，没有可分析的文字：{name}（empty file）")
    return text, encoding


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a text file; return ``(text, encoding)``. See :func:`decode_bytes` for the rules."""
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise CorpusError(f"这是一个快捷方式（符号链接），但它指向的文件不存在或链接绕成了圈：{path}（broken or looping link）")
    if not path.exists():
        raise CorpusError(f"找不到文件：{path}（file not found）")
    if path.is_dir():
        raise CorpusError(f"这是一个文件夹，不是文件：{path}（is a directory）")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"无法打开文件（权限或磁盘问题）：{path}（{exc.strerror}）") from None
    return decode_bytes(data, str(path))


#: Frequent characters that exist only in Traditional Chinese (their simplified forms differ).
TRADITIONAL_ONLY = frozenset(
    "們這個來對發時實說經過還點開關與產業創術導國會學應該體現動態機構將從長門問間題務際認識區電資環變農書樣頭"
    "風親幾處斷標準華東車軍無結壓論權歷劃團隊專傳衛選舉議員條規費種類數據織組網絡線續級紀紅統驗證護讓講課請調"
    "質讀貿賣買購賽趨轉輪輕載辦邊連運進遠適醫鐵銀錢鋼錯閱陸陽階隨險難雖雙雜需顯飛養館馬鬥麼黨齊龍億優價儲兒兩"
    "內則剛劇勞勢勝協單廣廠復徵戰擇擊擁擴樂歐歲氣滅漢濟為熱狀獨畫盡監確礎禮穩積競筆範築簡糧約紙絕綜緊總罰義習"
    "聯聲職腦興衝補製複視覺覽觀計訊記設許診評試詳語負貢財責貨貴賓輸遊達遺郵鄉釋錄鎮陣隻離靜預領頻類顧飯"
)


def looks_traditional(text: str, min_share: float = 0.05, min_count: int = 5) -> bool:
    """True when *text* reads as Traditional Chinese: at least *min_count* characters, and
    *min_share* of its Han characters, exist only in the traditional script."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    traditional = sum(1 for ch in text if ch in TRADITIONAL_ONLY)
    return traditional >= min_count and han > 0 and traditional / han >= min_share
