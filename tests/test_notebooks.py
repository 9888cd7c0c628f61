"""The lesson notebooks run headlessly, draw every glyph, and their committed outputs are current."""

import nbformat
import pytest

from zhpolicy.teaching import notebooks

from .conftest import ROOT, SEEDS, folder_digest

NOTEBOOKS = notebooks.notebook_paths([str(ROOT / "notebooks")])
REQUIRED_SECTIONS = ["学习目标", "前置知识", "预计用时", "小结", "练习", "延伸阅读"]


def test_there_are_notebooks():
    assert any(p.name.startswith("01_") for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_structure_and_conventions(path):
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for section in REQUIRED_SECTIONS:
        assert section in markdown, f"{path.name} lacks {section}"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert "pip install" not in cell.source and "sys.path" not in cell.source
        assert len(cell.source.splitlines()) <= 20, f"{path.name}: a code cell this long belongs in lib/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_reruns_to_its_committed_outputs(path):
    before_notebooks, before_seeds = folder_digest(path.parent), folder_digest(SEEDS)
    failures = notebooks.run([path], write=False)
    assert failures == []
    assert folder_digest(path.parent) == before_notebooks, "executing must not create or change files in notebooks/"
    assert folder_digest(SEEDS) == before_seeds


def test_missing_glyph_warnings_are_failures():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("plot()")
    cell.outputs = [nbformat.v4.new_output(
        "stream", name="stderr",
        text="UserWarning: Glyph 31185 (\\N{CJK UNIFIED IDEOGRAPH-79D1}) missing from font(s) DejaVu Sans.",
    )]
    nb.cells = [cell]
    assert notebooks.problems(nb) and "missing glyph" in notebooks.problems(nb)[0]


def test_stale_outputs_are_detected():
    committed = nbformat.read(NOTEBOOKS[0], as_version=4)
    fresh = nbformat.read(NOTEBOOKS[0], as_version=4)
    for cell in fresh.cells:
        if cell.cell_type == "code" and cell.outputs:
            cell.outputs = []
            break
    assert notebooks.comparable_outputs(committed) != notebooks.comparable_outputs(fresh)


def test_headless_runs_do_not_warn_about_unencrypted_kernels(tmp_path):
    """`tasks.py run` must not alarm teachers with ipykernel's 'running over TCP without encryption'."""
    import os
    import subprocess
    import sys

    from nbformat.v4 import new_code_cell, new_notebook

    path = tmp_path / "tiny.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print('你好')")]), path)
    done = subprocess.run([sys.executable, "-m", "zhpolicy.teaching.notebooks", "run", str(path)], capture_output=True,
                          text=True, cwd=ROOT, env=dict(os.environ), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "without encryption" not in done.stdout + done.stderr
    assert "你好" in nbformat.read(path, as_version=4).cells[0].outputs[0]["text"]


def test_run_starts_the_longest_lessons_first_and_reports_in_the_given_order(tmp_path, monkeypatch):
    started = []

    def fake_run_one(path, write):
        started.append(path.name)
        return [f"{path.name}: failed"]

    monkeypatch.setattr(notebooks, "_run_one", fake_run_one)
    monkeypatch.setattr(notebooks, "prepare_environment", lambda: None)
    failures = notebooks.run(NOTEBOOKS, jobs=1)
    assert failures == [f"{p.name}: failed" for p in NOTEBOOKS]  # the order asked for
    costs = [notebooks.expected_cost(p) for p in NOTEBOOKS]
    by_cost = dict(zip([p.name for p in NOTEBOOKS], costs))
    assert [by_cost[n] for n in started] == sorted(costs, reverse=True)
    assert started[0] != NOTEBOOKS[0].name  # the guide draws no figure: it is not first
    broken = tmp_path / "broken.ipynb"
    for text, cost in [("not json", (0, 0)), ("[]", (0, 0)), ('{"cells": null}', (0, 0)),
                       ('{"cells": [{"cell_type": "code", "outputs": null}, {"cell_type": "code", '
                        '"outputs": [{"data": null}, {"data": {"image/png": ""}}]}]}', (1, 2))]:
        broken.write_text(text, encoding="utf-8")
        assert notebooks.expected_cost(broken) == cost, text
