"""Your own corpus, as it really comes (issue 12): every lesson runs on the mixed folder, and the
README's own-corpus command works exactly as written, from the project root, with relative paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .test_readers import build_mixed_folder

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))

def test_readme_command_works_as_written_with_relative_folders():
    """Copy the README's command (ZHPOLICY_CORPUS=my_texts ZHPOLICY_OUTPUT=my_results …), run it in a
    shell from the project root with folders given relative to it, on every lesson, with the mixed
    folder of issue 12 (Word, PDF, web page, GBK, Big5, Markdown with tags, README, .doc, scan, image)
    as my_texts: all six lessons run on it, and read it (not seeds/)."""
    import nbformat

    from zhpolicy.teaching.notebooks import problems

    name = f"my_texts_{uuid.uuid4().hex[:8]}"
    results = f"my_results_{uuid.uuid4().hex[:8]}"
    corpus = ROOT / name
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.exists():
        pytest.skip("jupyter is not installed next to this Python")
    try:
        build_mixed_folder(corpus)
        command = (f"ZHPOLICY_CORPUS={name} ZHPOLICY_OUTPUT={results} "
                   f"{os.path.relpath(jupyter, ROOT)} nbconvert --to notebook --execute notebooks/*.ipynb "
                   f"--output-dir {results}/")
        env = {k: v for k, v in os.environ.items() if k not in ("PWD", "ZHPOLICY_CORPUS", "ZHPOLICY_OUTPUT")}
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=1800)
        assert done.returncode == 0, done.stderr[-3000:]
        written = sorted(p.name for p in (ROOT / results).glob("*.ipynb"))
        assert written == [p.name for p in NOTEBOOKS], done.stderr[-3000:]
        for path in (ROOT / results).glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            assert problems(nb) == [], path.name
        out = (ROOT / results / "01_corpus.ipynb").read_text(encoding="utf-8")
        assert "找不到语料文件夹" not in out
        assert "实施意见" in out and "扫描件.pdf" in out  # the folder given was the one read
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(ROOT / results, ignore_errors=True)


@pytest.mark.parametrize("size", ["one_line", "300_documents"])
def test_lesson01_finishes_on_tiny_and_large_corpora(size, tmp_path, monkeypatch):
    from zhpolicy.teaching.notebooks import execute, problems

    folder = tmp_path / size
    folder.mkdir()
    if size == "one_line":
        (folder / "a.txt").write_text("只有一行字。", encoding="utf-8")
    else:
        for i in range(300):
            (folder / f"doc{i:03d}.txt").write_text(
                f"关于做好第{i}项工作的通知\n各单位：2024年完成投资{i}亿元，同比增长{i % 9}.5%。请认真落实。\n", encoding="utf-8")
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(folder))
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    nb = execute(ROOT / "notebooks" / "01_corpus.ipynb")
    assert problems(nb) == []
    text = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                   for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    if size == "300_documents":
        assert "只显示前 20 篇" in text and "只画字数最多的 30 篇" in text


def test_lesson01_on_a_folder_where_no_file_can_be_read(tmp_path, monkeypatch):
    """Issue 26 §5 / 25 §4: every file skipped (a README, an image, a legacy .doc, a broken .docx):
    lesson 01 lists every file with its whole reason and still runs to its end (so it is written)."""
    from zhpolicy.teaching.lessons import _reasons
    from zhpolicy.teaching.notebooks import execute, problems

    folder = tmp_path / "only_skipped"
    folder.mkdir()
    (folder / "README.md").write_text("# 说明\n", encoding="utf-8")
    (folder / "图片.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (folder / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 32)
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really a zip")
    reasons = _reasons(folder)
    assert {r["file"] for r in reasons} == {"README.md", "图片.png", "旧文件.doc", "坏文件.docx"}
    monkeypatch.setenv("ZHPOLICY_CORPUS", str(folder))
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    nb = execute(ROOT / "notebooks" / "01_corpus.ipynb")
    assert problems(nb) == []
    printed = "".join(str(o.get("text", "")) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    flat = printed.replace("\n", "").replace(" ", "")
    for row in reasons:  # whole, not cut at 40 characters (wrapped lines joined back)
        assert row["file"] in printed and row["reason"].replace(" ", "") in flat, row
    shown = "".join(str(o.get("data", {}).get("text/markdown", "")) for c in nb.cells for o in c.get("outputs", []))
    assert "范文网" not in shown and "阴和俊" not in shown  # the seeds' narrative is shown only for the seeds
