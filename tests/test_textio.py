import codecs

import pytest

from zhpolicy import CorpusError, read_text
from zhpolicy.reading.textio import decode_bytes

SAMPLE = "推动科技创新和产业创新深度融合，2024年研发经费投入超过3.6万亿元。"
TRADITIONAL = "推動科技創新和產業創新深度融合，要強化企業創新主體地位。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-32"), "utf-32"),
    ],
)
def test_decodes_each_encoding_exactly(tmp_path, data, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    text, found = read_text(path)
    assert found == encoding
    assert text == (TRADITIONAL if encoding == "big5" else SAMPLE)


def test_short_gbk_is_not_mistaken_for_big5():
    text, encoding = decode_bytes("科技创新和产业创新".encode("gbk"))
    assert (text, encoding) == ("科技创新和产业创新", "gb18030")


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "空"),
        (b"  \n\r\n ", "空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "不是文本文件"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "无法按此编码读取"),
        (bytes([0xFF, 0x30, 0xFF, 0x31]) * 5, "无法可靠地识别编码"),
        ("\x01\x02\x03\x04\x05文字".encode("utf-8") * 20, "控制字符"),
    ],
)
def test_bad_files_get_a_clear_error_naming_the_file(tmp_path, data, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(CorpusError) as info:
        read_text(path)
    assert words in str(info.value)
    assert "bad.txt" in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(CorpusError, match="找不到文件"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(CorpusError, match="文件夹"):
        read_text(tmp_path)
