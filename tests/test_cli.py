"""The command line (issue 16 §6, issue 12 §5): safe --csv targets, catalog drafts, batch, pipes."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from zhpolicy.cli import main

from .conftest import folder_digest

TEXT = "关于推进数字经济发展的通知\n发布时间：2025-03-06\n各区县人民政府：2024年全市数字经济增加值增长8.5%，达到1200亿元。\n"


@pytest.fixture
def folder(tmp_path):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "catalog.csv").write_text("file,title\na.txt,数字经济通知\n", encoding="utf-8")
    return corpus


@pytest.mark.parametrize("command", ["stats", "chains", "catalog"])
def test_csv_never_inside_an_input_folder_nor_over_an_input(folder, command, capsys):
    before = folder_digest(folder)
    for target in (folder / "catalog.csv", folder / "out.csv", folder / "sub" / "x.csv"):
        assert main([command, str(folder), "--csv", str(target)]) == 2
        err = capsys.readouterr().err
        assert "错误" in err and str(folder) in err
    assert folder_digest(folder) == before


def test_csv_over_an_input_file(folder, capsys):
    assert main(["stats", str(folder / "a.txt"), "--csv", str(folder / "a.txt")]) == 2
    assert "不会覆盖" in capsys.readouterr().err


def test_csv_into_a_missing_folder_or_unwritable_path(folder, tmp_path, capsys):
    missing = tmp_path / "nope" / "x.csv"
    assert main(["stats", str(folder), "--csv", str(missing)]) == 2
    assert str(missing.parent) in capsys.readouterr().err
    assert main(["stats", str(folder), "--csv", str(tmp_path)]) == 2
    assert "文件夹" in capsys.readouterr().err
    if os.geteuid() != 0:  # root can write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert main(["stats", str(folder), "--csv", str(locked / "x.csv")]) == 2
        assert "无法写入" in capsys.readouterr().err


def test_stats_and_chains_csv_carry_doc_id_and_doc(folder, tmp_path, capsys):
    out = tmp_path / "stats.csv"
    assert main(["stats", str(folder), "--csv", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table.columns[:2]) == ["doc_id", "doc"] and table["doc"].iloc[0] == "数字经济通知"
    out = tmp_path / "chains.csv"
    assert main(["chains", str(folder), "--csv", str(out)]) == 0
    assert list(pd.read_csv(out, encoding="utf-8-sig", nrows=0).columns[:2]) == ["doc_id", "doc"]


def test_catalog_draft(folder, tmp_path, capsys):
    (folder / "catalog.csv").unlink()
    out = tmp_path / "draft.csv"
    assert main(["catalog", str(folder), "--csv", str(out)]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert table.loc[0, "title"] == "关于推进数字经济发展的通知" and table.loc[0, "date"] == "2025-03-06"
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]  # nothing written into the folder


def test_missing_corpus_names_the_absolute_path(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "nope")]) == 2
    assert str(tmp_path / "nope") in capsys.readouterr().err


def test_batch_is_forwarded_or_explained(capsys, monkeypatch):
    import importlib.util

    if importlib.util.find_spec("zhpolicy.batch") is None:
        assert main(["batch", "--help"]) == 2
        assert "batch" in capsys.readouterr().err
    else:
        seen = {}
        monkeypatch.setattr("zhpolicy.batch.main", lambda argv: seen.setdefault("argv", argv) and 0)
        main(["batch", "x", "--y"])
        assert seen["argv"] == ["x", "--y"]


def test_output_piped_to_head_exits_quietly(folder):
    many = folder.parent / "many"
    many.mkdir()
    body = "".join(f"{2000 + k}年全市数字经济增加值增长{k}.5%，达到{k}00亿元。" for k in range(12))
    for i in range(100):  # well over a pipe buffer of output
        (many / f"d{i:03d}.txt").write_text(f"关于第{i}项工作的通知\n{body}\n", encoding="utf-8")
    script = f"{sys.executable} -m zhpolicy.cli stats {many} | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, timeout=300)
    full = subprocess.run([sys.executable, "-m", "zhpolicy.cli", "stats", str(many)], capture_output=True, timeout=300)
    assert len(full.stdout) > 70_000  # the pipe really was closed early
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
