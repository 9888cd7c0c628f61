"""Teaching tools: student copies, the HTML book, and the whole series on another corpus."""

import re

import nbformat
import pytest

from zhpolicy import notebooks, teaching

from .conftest import ROOT, SEEDS, folder_digest

NOTEBOOKS = notebooks.notebook_paths([str(ROOT / "notebooks")])


def test_every_lesson_has_exercises_with_checks_and_tagged_solutions():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        if path.name.startswith("00"):
            continue
        sources = [c.source for c in nb.cells if c.cell_type == "code"]
        assert any(".check(" in s for s in sources), path.name
        assert any("solution" in c.metadata.get("tags", []) for c in nb.cells), path.name
        assert any("parameters" in c.metadata.get("tags", []) for c in nb.cells), path.name
        assert "run_record" in sources[-1], f"{path.name} must end with the run record"


def test_student_copies_have_no_solutions_and_no_outputs(tmp_path):
    written = teaching.build_student_copies(ROOT / "notebooks", tmp_path)
    assert {p.name for p in written} == {p.name for p in NOTEBOOKS}
    for path in NOTEBOOKS:
        original = nbformat.read(path, as_version=4)
        student = nbformat.read(tmp_path / path.name, as_version=4)
        assert len(student.cells) == len(original.cells)
        solutions = [c.source for c in original.cells if "solution" in c.metadata.get("tags", [])]
        text = "\n".join(c.source for c in student.cells)
        for solution in solutions:
            assert solution not in text
        for cell in student.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None
            if "solution" in cell.metadata.get("tags", []):
                assert cell.source == teaching.PLACEHOLDER


def test_html_book(tmp_path):
    written = teaching.build_html_book(ROOT / "notebooks", tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        page = path.with_suffix(".html").name
        assert f'href="{page}"' in index
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert "zp-nav" in html and "NotoSansSC-Regular.ttf" in html
    second = (tmp_path / NOTEBOOKS[1].with_suffix(".html").name).read_text(encoding="utf-8")
    assert NOTEBOOKS[0].with_suffix(".html").name in second and NOTEBOOKS[2].with_suffix(".html").name in second
    assert "data:image/png;base64" in second, "figures are embedded"
    assert (tmp_path / "fonts" / "NotoSansSC-Regular.ttf").stat().st_size > 1_000_000
    assert len(written) == len(NOTEBOOKS) + 1


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("my_texts")
    (folder / "意见.txt").write_text(
        "关于加快发展数字经济的若干意见\n一、总体要求\n坚持创新驱动，推动数字技术与实体经济深度融合。"
        "到2027年，数字经济核心产业增加值占比达到12%左右。\n二、重点任务\n要加快建设算力基础设施，"
        "培育数据要素市场，强化企业创新主体地位。\n", encoding="utf-8")
    (folder / "通知.txt").write_bytes(
        "市政府办公室关于支持中小企业创新的通知\n各区要落实支持政策，鼓励企业加大研发投入，推动科技成果转化。"
        "去年全市技术合同成交额突破200亿元。\n".encode("gb18030"))
    return folder


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_series_reruns_on_another_corpus(path, own_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(own_corpus))
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    before = (folder_digest(own_corpus), folder_digest(path.parent), folder_digest(SEEDS))
    nb = notebooks.execute(path)
    assert notebooks.problems(nb) == []
    record = nb.cells[-1].outputs[0]["data"]["text/plain"]
    assert re.search(r"documents\s+2\n", record) and "seeds" not in record
    assert (folder_digest(own_corpus), folder_digest(path.parent), folder_digest(SEEDS)) == before
