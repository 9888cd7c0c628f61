"""Read a text file whatever its encoding: UTF-8 (with or without BOM), UTF-16/32 with BOM,
GB18030/GBK/GB2312, Big5. Never decode silently with replacement characters: a file that
cannot be read exactly gets a :class:`CorpusError` naming the file."""

from __future__ import annotations

import codecs
import math
import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from ..errors import CorpusError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

#: Legacy Chinese encodings tried when a file is not UTF-8 (Big5-HKSCS extends Big5 with
#: Hong Kong characters such as 嘅 and 喺).
LEGACY_ENCODINGS = ("gb18030", "big5", "big5hkscs")

#: Share of control/unassigned characters above which decoded text is taken to be binary.
MAX_CONTROL_SHARE = 0.01

#: Mean log-frequency (per Han character, see :func:`chinese_score`) a legacy decoding must
#: reach to be accepted as Chinese, and the lead it needs over a second plausible reading.
MIN_CHINESE_SCORE = -9.0
MIN_LEAD = 1.0
#: Stricter floor for readings with fewer than :data:`SHORT_HAN` Han characters (a few random
#: characters can look like Chinese by chance).
MIN_SHORT_SCORE = -7.8
SHORT_HAN = 8


#: Characters that never occur in a text file: C0/C1 controls (tab, line breaks and form feed
#: aside), private-use code points and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
_CJK = "\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\U00020000-\U0003134f"
_CJK_LETTER = "\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
#: Characters a Chinese text decoded from GB/Big5 bytes hardly ever contains: Latin-1 letters,
#: Greek, Cyrillic, box drawing, rare symbols of the legacy code pages.
_ODD = re.compile("[\u00a0-\u024f\u0370-\u052f\u2500-\u257f\u2160-\u2190\u3100-\u312f\ufe30-\ufe4f]")
#: Scripts that a short non-Chinese UTF-8 reading of GBK bytes turns into (Hebrew, Arabic …).
_UTF8_SUSPECT = re.compile("[\u0370-\u07ff]")


def _control_share(text: str) -> float:
    """Return the share of characters that never occur in a text file."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


@lru_cache(maxsize=1)
def _char_log_freq() -> tuple[dict[str, float], float]:
    """Log relative frequency of each Han character, counted from jieba's dictionary (word
    frequencies spread over their characters); plus the value used for unseen characters."""
    import jieba

    counts: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, freq = line.split(" ", 2)[:2]
            n = int(freq)
            for ch in word:
                counts[ch] = counts.get(ch, 0) + n
    total = sum(counts.values())
    return {ch: math.log(n / total) for ch, n in counts.items()}, math.log(0.5 / total)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def chinese_score(text: str, traditional: bool = False) -> float:
    """How much *text* reads like Chinese: the mean log-frequency of its Han characters (common
    characters score about -6, rare ones below -12), minus a penalty for characters a Chinese
    text hardly contains (kana, hangul, Greek, Cyrillic, box drawing, Latin-1 letters glued to
    Chinese). ``-inf`` when there is no Han character. Traditional text is scored after
    conversion to Simplified."""
    sample = text[:4000]
    if traditional:
        sample = _t2s().convert(sample)
    han = _HAN.findall(sample)
    if not han:
        return float("-inf")
    logf, unseen = _char_log_freq()
    mean = sum(logf.get(ch, unseen) for ch in han) / len(han)
    odd = len(_KANA.findall(sample)) + len(_HANGUL.findall(sample)) + len(_ODD.findall(sample))
    return mean - 20.0 * odd / len(han)


def _diagnose(data: bytes, utf8_error: UnicodeDecodeError | None) -> str:
    """Name what undecodable or implausible bytes probably are, in Chinese."""
    if utf8_error is not None:
        bad = data.decode("utf-8", errors="replace").count("\ufffd")
        if bad <= max(2, len(data) // 200):
            return (f"看起来是 UTF-8 文件，但第 {utf8_error.start + 1} 字节处已损坏（缺字节或被截断）。"
                    "请找回完整的原文件，或用编辑器打开后检查该处再另存为 UTF-8。")
    for enc, what in (("shift_jis", "日文编码（Shift-JIS）"), ("euc_jp", "日文编码（EUC-JP）"),
                      ("euc_kr", "韩文编码（EUC-KR）")):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _KANA.search(text) or _HANGUL.search(text):
            return f"看起来是{what}，不是中文。本课程只分析中文文本；如果确实是中文，请另存为 UTF-8。"
    high = sum(b >= 0x80 for b in data)
    if high and high <= len(data) // 4:
        return ("看起来是西文编码（Windows-1252/Latin-1）的文字，不是中文。"
                "如果确实是中文，请用记事本或 VS Code 另存为 UTF-8。")
    return ("无法确定编码（不像 UTF-8、GB18030/GBK 或 Big5 编码的中文；也可能是文件太短，无法判断，"
            "或文件已损坏）。请用记事本或 VS Code 另存为 UTF-8。")


#: One ASCII character (0x40-0x7E: also a valid second byte of GBK/Big5) between two Chinese
#: characters: what a double-byte character that lost its first byte leaves behind.
_X = "[@A-Z\\\\^_`a-z{|}~]"
_LONE_ASCII = re.compile(
    f"(?<=[{_CJK_LETTER}]){_X}(?=[{_CJK}0-9]|\\s*$)|(?<=[{_CJK}])(?:{_X}|[\\[\\]])(?=[{_CJK_LETTER}])|^{_X}(?=[{_CJK}])"
)


def _plain_capital(char: str, encoding: str) -> bool:
    """A capital letter between Chinese characters read as GB18030 is ordinary text (A股, B类,
    3A级景区): the characters GB2312 covers, which make up almost all of a text, have both bytes
    at 0xA1 or above, so a lost first byte leaves garbage behind, not a capital letter."""
    return encoding == "gb18030" and "A" <= char <= "Z"


def _choose_legacy(data: bytes) -> tuple[str, str] | str | None:
    """Decode bytes that are not UTF-8 as GB18030, Big5 or Big5-HKSCS; return (text, encoding)
    when exactly one reading is plausible Chinese (see :func:`chinese_score`), a reason (str)
    when the plausible reading shows a broken character, else None."""
    scored = []
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "big5hkscs" and any(item[1] == "big5" for item in scored):
            continue  # Big5 read it already; HKSCS only adds characters
        if _control_share(text) > 0:
            continue
        score = chinese_score(text, traditional=enc != "gb18030")
        n_han = len(_HAN.findall(text[:4000]))
        floor = MIN_CHINESE_SCORE if n_han >= SHORT_HAN else MIN_SHORT_SCORE
        if n_han < SHORT_HAN and (n_han < 2 or re.search(r"[^\S\r\n]", text)):
            # a few words with spaces between them (line breaks aside: a short CSV) can be Korean read as Chinese: too little to tell,
            # except that valid GB bytes of common Chinese words (a short catalog saved by Excel) win
            runs = re.findall(f"[{_CJK_LETTER}]+", text)
            if not (enc == "gb18030" and n_han >= 4 and all(len(r) >= 2 for r in runs) and max(map(len, runs)) >= 3
                    and chinese_score(text) >= MIN_SHORT_SCORE):
                continue
        scored.append((score, enc, text, floor))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < scored[0][3]:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[1][3] and scored[0][0] - scored[1][0] < MIN_LEAD:
        return None  # two readings are both plausible: refuse rather than guess
    _, enc, text, _ = scored[0]
    lone = next((m for m in _LONE_ASCII.finditer(text) if not _plain_capital(m.group(), enc)), None)
    if lone:
        at = len(text[: lone.start()].encode(enc, errors="replace")) + 1
        return (f"按 {enc.upper()} 读出的文字在第 {at} 字节附近有一个夹在汉字中间的西文字符"
                f"（“{text[max(0, lone.start() - 4): lone.end() + 4]}”），像是一个双字节汉字丢了一个字节，"
                "文件可能已损坏。请找回完整的文件；如果原文确实如此（如“A股”），请另存为 UTF-8。")
    return text, enc


def legacy_reading(data: bytes) -> tuple[str, str] | None:
    """The one plausible reading of non-UTF-8 bytes as GB18030, Big5 or Big5-HKSCS, ``(text, encoding)``,
    or None when none or more than one is plausible (see :func:`chinese_score`)."""
    found = _choose_legacy(data)
    return found if isinstance(found, tuple) else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a byte-order mark (as some Windows tools save it): zero bytes
    at every other position for ASCII, and a strict decoding with no control characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if other == 0 and zeros >= 0.1 * len(sample) / 2:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _control_share(text) == 0 and text.strip():
                return text, enc
    if b"\x00" not in sample:
        return None
    for enc in ("utf-16-le", "utf-16-be"):  # Chinese-only UTF-16 has zero bytes only now and then
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_share(text) == 0 and len(_HAN.findall(text)) >= 0.5 * len(text.strip()) and chinese_score(text) > MIN_CHINESE_SCORE:
            return text, enc
    return None


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``.

    UTF-8/16/32 with a byte-order mark and valid UTF-8 are taken as they are. Other bytes are
    read as GB18030/GBK, Big5 or Big5-HKSCS, and a reading is accepted only when it is plausible
    Chinese (:func:`chinese_score`) and clearly better than the others. Otherwise — Japanese,
    Korean or Western code pages, corrupted UTF-8, texts too short to tell GBK from Big5 — a
    :class:`CorpusError` says what the file probably is and what to do. Never guesses silently.
    """
    if not data.strip():
        raise CorpusError(f"文件是空的，没有可分析的文字：{name}（empty file）")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"文件开头标明是 {enc.upper()} 编码，但第 {exc.start + 1} 字节处无法按此编码读取"
                    f"（文件可能已损坏或被截断）：{name}（{exc.reason}）"
                ) from None
            encoding = "utf-8-sig" if enc == "utf-8-sig" else enc
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            text, encoding = utf16
        elif b"\x00" in data:
            raise CorpusError(
                f"这不是文本文件（含二进制内容，可能是 Word/PDF/图片）：{name}。"
                "请先另存为 .txt（UTF-8）再放入语料文件夹。（binary file）"
            )
        utf8_error = None
        if utf16 is not None:
            pass
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError as exc:
                utf8_error, text, encoding = exc, None, None
        if text is not None and not _HAN.search(text) and _UTF8_SUSPECT.search(text):
            # a short GBK text can be valid UTF-8 by chance (Hebrew, Arabic …): ask the legacy readers
            legacy = _choose_legacy(data)
            if isinstance(legacy, tuple):
                text, encoding = legacy
        if text is None:
            legacy = _choose_legacy(data)
            if isinstance(legacy, str):
                raise CorpusError(f"无法可靠地读取：{name}。{legacy}（damaged file）")
            if legacy is None:
                raise CorpusError(f"无法可靠地识别编码：{name}。{_diagnose(data, utf8_error)}（unknown encoding）")
            text, encoding = legacy
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise CorpusError(
            f"这不是文本文件（读出大量控制字符，可能是二进制文件）：{name}（binary file）"
        )
    if not text.strip():
        raise CorpusError(f"文件是空的，没有可分析的文字：{name}（empty file）")
    return text, encoding


def read_bytes(path: str | Path) -> bytes:
    """Return the bytes of a regular file, or raise :class:`CorpusError` saying (with the
    absolute path) why it cannot be read: missing, a broken link, a folder, a pipe or device."""
    path = Path(path)
    shown = os.path.abspath(path)
    if path.is_symlink() and not path.exists():
        raise CorpusError(f"这是一个快捷方式（符号链接），但它指向的文件不存在或链接绕成了圈：{shown}（broken or looping link）")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CorpusError(f"找不到文件：{shown}（file not found）") from None
    except OSError as exc:
        raise CorpusError(f"无法打开文件：{shown}（{exc.strerror}）") from None
    if stat.S_ISDIR(info.st_mode):
        raise CorpusError(f"这是一个文件夹，不是文件：{shown}（is a directory）")
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError(f"这不是普通文件（可能是管道或设备），不读取：{shown}（not a regular file）")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"无法打开文件（权限或磁盘问题）：{shown}（{exc.strerror}）") from None


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a text file; return ``(text, encoding)``. See :func:`decode_bytes` for the rules."""
    return decode_bytes(read_bytes(path), str(path))


#: Frequent characters that exist only in Traditional Chinese (their simplified forms differ).
TRADITIONAL_ONLY = frozenset(
    "們這個來對發時實說經過還點開關與產業創術導國會學應該體現動態機構將從長門問間題務際認識區電資環變農書樣頭"
    "風親幾處斷標準華東車軍無結壓論權歷劃團隊專傳衛選舉議員條規費種類數據織組網絡線續級紀紅統驗證護讓講課請調"
    "質讀貿賣買購賽趨轉輪輕載辦邊連運進遠適醫鐵銀錢鋼錯閱陸陽階隨險難雖雙雜需顯飛養館馬鬥麼黨齊龍億優價儲兒兩"
    "內則剛劇勞勢勝協單廣廠復徵戰擇擊擁擴樂歐歲氣滅漢濟為熱狀獨畫盡監確礎禮穩積競筆範築簡糧約紙絕綜緊總罰義習"
    "聯聲職腦興衝補製複視覺覽觀計訊記設許診評試詳語負貢財責貨貴賓輸遊達遺郵鄉釋錄鎮陣隻離靜預領頻類顧飯"
    "報幣臺額績萬並後號層屬營縣藝裝貼較輔鏈陳須頒齡"  # frequent in short releases and budget lines
)


_BASIC_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_TRADITIONAL = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")


#: A text this short (a headline, a one-line release) may show fewer than ``min_count`` Traditional-only characters.
_SHORT_TEXT = 200


def looks_traditional(text: str, min_share: float = 0.05, min_count: int = 5) -> bool:
    """True when *text* reads as Traditional Chinese: at least *min_count* characters, and
    *min_share* of its Han characters, exist only in the traditional script."""
    traditional = len(_TRADITIONAL.findall(text))
    if traditional < min_count:
        if traditional >= 2 and len(text) <= _SHORT_TEXT:  # a one-line release: a tenth of its Han characters
            han = _han_count(text)
            return han > 0 and traditional / han >= 2 * min_share
        return False  # most texts: the Han characters need not be counted
    if min_share > 0:  # in a Simplified text, the Han characters of an opening stretch are already too many
        head = text[:int(traditional / min_share) * 2 + 64]
        if len(head) < len(text):
            han = _han_count(head)
            if han and traditional / han < min_share:
                return False  # the whole text holds at least as many
    han = _han_count(text)
    return han > 0 and traditional / han >= min_share


def _han_count(text: str) -> int:
    """The basic Han characters of *text* (counted in C: runs of them removed)."""
    return len(text) - len(_BASIC_HAN_RUN.sub("", text))
