"""Teaching tools: student copies, the HTML book, and the whole series on another corpus."""

import html
import re
import tempfile

import nbformat
import pytest

from zhpolicy.teaching import book as htmlbook
from zhpolicy.teaching import course, lab, navigation, notebooks

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
    written = htmlbook.build_student_copies(ROOT / "notebooks", tmp_path)
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
                assert cell.source == htmlbook.PLACEHOLDER


def test_html_book(tmp_path):
    written = htmlbook.build_html_book(ROOT / "notebooks", tmp_path)
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


def test_html_book_fetches_nothing_from_the_internet_and_titles_each_page(tmp_path):
    """Classroom networks are often closed: no page of the book loads a script, style or font from
    another host (nbconvert's stock page loads require.js, MathJax and mermaid from cdnjs), and each
    page's <title> is its lesson's title, in a page marked as Chinese."""
    htmlbook.build_html_book(ROOT / "notebooks", tmp_path)
    for path in NOTEBOOKS:
        page = (tmp_path / path.with_suffix(".html").name).read_text(encoding="utf-8")
        remote = re.findall(r"""(?:<script[^>]+src|<link[^>]+href|import\()\s*=?\s*["']((?:https?:)?//[^"']+)""", page)
        assert remote == [], f"{path.name} fetches {remote[:3]}"
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        assert title == html.escape(navigation.lesson_title(nbformat.read(path, as_version=4)), quote=False)
        assert '<html lang="zh"' in page


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


# ---------------------------------------------------------------- JupyterLab shows Chinese without a system font


def test_lab_serves_the_css_and_the_fonts(tmp_path):
    """Start JupyterLab as `python3 tasks.py lab` does and fetch what a browser fetches."""
    from fontTools.ttLib import TTFont

    from tests.labserver import TOKEN, Lab, get
    from zhpolicy.teaching.fonts import bundled_font_path, covers, missing_glyphs
    from zhpolicy.teaching.webfonts import WEB_FAMILY, gb2312_characters, lesson_characters

    assert lab.ipc_sockets_fit(tempfile.mkdtemp(prefix="zr")) and not lab.ipc_sockets_fit("/tmp/" + "x" * 80)
    with Lab(tmp_path / "config") as server:
        status, _, page = get(server.url("lab"))
        assert status == 200 and b"custom/custom.css" in page, "the Lab page does not load custom.css"
        subset = re.search(rb'rel="preload" href="[^"]*custom/(zhpolicy-NotoSansSC-subset-\w+\.woff2)" as="font"', page)
        assert subset, "the Lab page does not preload the font subset"
        status, kind, css = get(f"{server.base}/custom/custom.css")
        css = css.decode("utf-8")
        assert status == 200 and "text/css" in kind
        assert css.count("@font-face {") == 3 and f'font-family: "{WEB_FAMILY}"' in css and "font-display: block" in css
        for name in (lab.LAB_FONT, lab.LAB_SYMBOLS, subset.group(1).decode()):
            assert name in css
        for variable in ("--jp-ui-font-family", "--jp-content-font-family", "--jp-code-font-family"):
            assert re.search(variable + r': "' + WEB_FAMILY + '"', css), f"{variable} must list the web fonts first"
        status, _, woff2 = get(f"{server.base}/custom/{subset.group(1).decode()}", timeout=30)
        (tmp_path / "subset.woff2").write_bytes(woff2)
        assert status == 200 and woff2[:4] == b"wOF2" and len(woff2) < 2_000_000
        wanted = gb2312_characters() + lesson_characters()
        assert missing_glyphs(tmp_path / "subset.woff2", wanted) == missing_glyphs(bundled_font_path(), wanted), \
            "the subset lacks a character of GB 2312 or of the lessons that the whole font has"
        assert TTFont(str(tmp_path / "subset.woff2"))["name"].getDebugName(6) == "NotoSansSC-zhpolicySubset"
        status, _, font = get(f"{server.base}/custom/{lab.LAB_FONT}", timeout=30)
        assert status == 200 and len(font) > 1_000_000
        (tmp_path / "served.ttf").write_bytes(font)
        assert covers(tmp_path / "served.ttf", "推动科技创新和产业创新深度融合，学习目标、预计用时。")
        status, _, symbols = get(f"{server.base}/custom/{lab.LAB_SYMBOLS}")
        (tmp_path / "symbols.ttf").write_bytes(symbols)
        assert status == 200 and covers(tmp_path / "symbols.ttf", "✅❌💡✏")
        assert _run_in_kernel(server.base, TOKEN) == "你好 2"
    assert "without encryption" not in server.log(), "the Lab's kernels should use IPC sockets (no TCP warning)"
    assert server.leftovers() == []


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_stopping_tasks_py_lab_stops_jupyterlab_and_its_kernels(tmp_path, signame):
    """A signal to the `tasks.py lab` process alone (as `kill PID` or a closed terminal sends it) leaves no
    Jupyter server and no kernel behind."""
    import os
    import signal
    import subprocess

    import psutil

    from tests.labserver import TOKEN, Lab

    with Lab(tmp_path / "config") as server:
        assert _run_in_kernel(server.base, TOKEN) == "你好 2"
        started = [p.pid for p in psutil.Process(server.process.pid).children(recursive=True)]
        assert started, "the kernel should be a child of the process tasks.py started"
        os.kill(server.process.pid, getattr(signal, signame))
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{signame}: the `tasks.py lab` process still runs 30 s later")
        _, still = psutil.wait_procs([psutil.Process(pid) for pid in started if psutil.pid_exists(pid)], timeout=15)
        assert [p.pid for p in still if p.status() != psutil.STATUS_ZOMBIE] == [], f"{signame}: kernels left running"
        assert server.leftovers() == [], f"{signame}: left running: {server.leftovers()}"


def _run_in_kernel(base: str, token: str) -> str:
    """Start a kernel through the server's REST API and run one line over its websocket."""
    import json
    import urllib.request
    import uuid

    import websocket

    request = urllib.request.Request(f"{base}/api/kernels", data=b'{"name": "python3"}', method="POST",
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        kernel = json.load(response)["id"]
    ws = websocket.create_connection(f"{base.replace('http', 'ws')}/api/kernels/{kernel}/channels?token={token}",
                                     timeout=60)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": "print('你好', 1 + 1)", "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False}}))
        while True:
            message = json.loads(ws.recv())
            if message.get("parent_header", {}).get("msg_id") == msg_id and message["msg_type"] == "stream":
                return message["content"]["text"].strip()
    finally:
        ws.close()


def test_environment_check_reads_the_lab_configuration(tmp_path, monkeypatch, corpus):
    import pandas as pd

    from zhpolicy.teaching.webfonts import subset_font

    monkeypatch.delenv(lab.LAB_ENV, raising=False)
    monkeypatch.setenv("JPY_SESSION_NAME", "00_guide.ipynb")  # a kernel of a Jupyter that is not the course's
    without = course.environment_check(corpus).set_index("item")["status"]
    assert (without == "problem").sum() >= 3, "outside the course Lab the check must say the Lab is not set up"
    monkeypatch.setenv(lab.LAB_ENV, str(lab.prepare_lab(tmp_path / "lab")))
    within = course.environment_check(corpus)
    assert set(within["status"]) == {"ok", course.BROWSER_ONLY}, within
    assert within["status"].iloc[-1] == course.BROWSER_ONLY and "浏览器" in within["detail"].iloc[-1]
    custom = tmp_path / "lab" / "custom"

    def status(table, item):
        return table.set_index("item").loc[item, "status"]

    # a corpus with a rare character (only the whole font has it) and one no font has
    rare = pd.concat([corpus, pd.DataFrame({"text": ["丂丄", "\U0003134a"]})], ignore_index=True)  # CJK Extension G: no font here
    table = course.environment_check(rare).set_index("item")
    assert table.loc["网页字体覆盖语料文字", "status"] == "problem" and "\U0003134a" in table.loc["网页字体覆盖语料文字", "detail"]
    rare = pd.concat([corpus, pd.DataFrame({"text": ["丂丄"]})], ignore_index=True)
    table = course.environment_check(rare).set_index("item")
    assert table.loc["网页字体覆盖语料文字", "status"] == "ok" and "丂" in table.loc["网页字体覆盖语料文字", "detail"]
    # a subset without the lessons' characters
    subset = next(custom.glob("*subset*.woff2"))
    thin = subset_font(tmp_path / "thin", characters="abc")
    subset.write_bytes(thin.read_bytes())
    assert status(course.environment_check(corpus), "快速网页字体覆盖课程文字") == "problem"
    # a font file the CSS points at is gone; the CSS lists the web fonts after the system's
    (custom / lab.LAB_FONT).unlink()
    assert status(course.environment_check(corpus), "网页字体文件（custom.css 指向的文件）") == "problem"
    css = (custom / "custom.css").read_text(encoding="utf-8")
    (custom / "custom.css").write_text(css.replace('--jp-content-font-family: "zhpolicy', '--jp-content-font-family: system-ui, "zhpolicy'),
                                       encoding="utf-8")
    assert status(course.environment_check(corpus), "JupyterLab 的中文样式（custom.css）") == "problem"


# ---------------------------------------------------------------- navigation, HTML book, student copies


def test_navigation_is_what_the_generator_writes():
    order = navigation.lesson_order(NOTEBOOKS)
    assert [name for name, _ in order] == sorted(p.name for p in NOTEBOOKS if re.match(r"\d\d_", p.name))
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        before = [c.source for c in nb.cells]
        navigation.with_navigation(nb, path.name, order)
        assert [c.source for c in nb.cells] == before, f"{path.name}: run `python3 tasks.py nav`"


def test_navigation_generator_follows_the_lesson_order(tmp_path):
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    for name, title in [("00_a.ipynb", "00 导读：甲"), ("01_b.ipynb", "01 语料：乙"), ("02_c.ipynb", "02 新课：丙")]:
        cells = [new_markdown_cell(f"# {title}\n\n| 项目 | 内容 |"), new_code_cell("x = 1"),
                 new_markdown_cell("## 小结\n\n---\n### 运行记录")]
        nbformat.write(new_notebook(cells=cells), tmp_path / name)
    paths = sorted(tmp_path.glob("*.ipynb"))
    changed = navigation.write_navigation(paths, paths)
    assert len(changed) == 3 and navigation.write_navigation(paths, paths) == []  # idempotent
    middle = nbformat.read(tmp_path / "01_b.ipynb", as_version=4)
    assert "上一课 [00 导读](00_a.ipynb) · 本课 01 语料 · 下一课 [02 新课](02_c.ipynb)" in middle.cells[0].source
    assert middle.cells[0].source.startswith("# 01 语料：乙\n\n**导航**：")
    assert "下一课 [02 新课](02_c.ipynb)\n" in middle.cells[-1].source and "### 运行记录" in middle.cells[-1].source
    last = nbformat.read(tmp_path / "02_c.ipynb", as_version=4)
    assert "下一课" not in last.cells[0].source and "第一课 [01 语料](01_b.ipynb)" in last.cells[-1].source


def test_html_books_link_their_own_pages_and_show_badges(tmp_path):
    teacher, student = tmp_path / "teacher", tmp_path / "student"
    htmlbook.build_html_book(ROOT / "notebooks", teacher)
    htmlbook.build_html_book(ROOT / "notebooks", student, student=True)
    assert (teacher / "fonts" / "zhpolicy-symbols.ttf").is_file()
    for path in NOTEBOOKS:
        page = path.with_suffix(".html").name
        for book in (teacher, student):
            text = (book / page).read_text(encoding="utf-8")
            assert "../README.md" not in text and not re.search(r'href="[^"]*\.ipynb', text), page
            assert not re.search("[✅❌💡]", text) and "zp-sym" in text or "check(" not in text, page
    lesson = next(p for p in NOTEBOOKS if p.name.startswith("02")).with_suffix(".html").name
    assert 'href="index.html"' in (teacher / lesson).read_text(encoding="utf-8")
    import html as html_module

    def plain(page):
        return html_module.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))

    student_text = "".join(plain(p) for p in student.glob("*.html"))
    teacher_text = "".join(plain(p) for p in teacher.glob("*.html"))
    assert "参考答案已移除" in student_text and "参考答案已移除" not in teacher_text
    assert "zp-ok" in "".join(p.read_text(encoding="utf-8") for p in teacher.glob("*.html"))
    for path in NOTEBOOKS:
        cells = nbformat.read(path, as_version=4).cells
        other = "\n".join(c.source for c in cells if "solution" not in c.metadata.get("tags", []))
        for cell in cells:
            if "solution" not in cell.metadata.get("tags", []):
                continue
            for line in cell.source.splitlines():
                line = line.strip()
                if len(line) >= 12 and not line.startswith("#") and line not in other:
                    assert line in teacher_text, f"{path.name}: {line}"
                    assert line not in student_text, f"{path.name}: the student book shows {line}"


def _fill_with_solutions(nb):
    """The student copy of *nb* with each exercise's ``answer = None`` replaced by the lesson
    module's reference solution (its last line assigned to the answer variable)."""
    import ast
    import importlib

    student = htmlbook.student_copy(nb)
    sources = "\n".join(c.source for c in student.cells if c.cell_type == "code")
    aliases = dict((alias, importlib.import_module(f"zhpolicy.teaching.exercises.{module}")) for module, alias in
                   re.findall(r"from zhpolicy\.teaching\.exercises import (lesson\d+) as (\w+)", sources))
    filled = 0
    for cell in student.cells:
        m = re.search(r"\b(\w+)\.(q\d+)\.check\(\s*(\w+)", cell.source)
        if cell.cell_type != "code" or not m or m.group(1) not in aliases:
            continue
        variable = m.group(3)
        solution = getattr(aliases[m.group(1)], m.group(2)).solution_code
        blank = re.search(rf"^{variable}\s*=\s*None\b.*$", cell.source, re.MULTILINE)
        stub = re.search(rf"^def {variable}\(.*?(?=^\S)", cell.source, re.MULTILINE | re.DOTALL)
        if not blank and stub:  # a function to write: the student's stub is replaced by the solution
            cell.source = cell.source[:stub.start()] + solution + "\n\n\n" + cell.source[stub.end():]
            filled += 1
            continue
        if not blank:
            continue
        tree = ast.parse(solution)
        last = tree.body[-1]
        lines = solution.splitlines()
        if isinstance(last, ast.Expr):
            head, tail = lines[:last.lineno - 1], "\n".join(lines[last.lineno - 1:])
            code = "\n".join(head + [f"{variable} = ({tail})"])
        else:
            name = getattr(last, "name", None)
            code = solution + (f"\n{variable} = {name}" if name else "")
        cell.source = cell.source[:blank.start()] + code + cell.source[blank.end():]
        filled += 1
    return student, filled


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_copy_runs_with_the_solutions_filled_in(path, tmp_path, monkeypatch):
    """Every exercise cell of the student copy works with only what the student copy has (no
    NameError from an import that lived in an emptied solution cell), and the reference
    solutions pass their own checks."""
    nb, filled = _fill_with_solutions(nbformat.read(path, as_version=4))
    if path.name.startswith("00"):
        return
    assert filled >= 1, f"{path.name}: no exercise cell with `answer = None` and `ex.qN.check(answer, ...)`"
    monkeypatch.setenv("ZHPOLICY_OUTPUT", str(tmp_path / "out"))
    copy = tmp_path / path.name
    nbformat.write(nb, copy)
    executed = notebooks.execute(copy)
    errors = [f"cell {i}: {o.ename}: {o.evalue}" for i, c in enumerate(executed.cells)
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == [], errors
    checks = [i for i, c in enumerate(executed.cells) if c.cell_type == "code" and re.search(r"\.q\d+\.check\(", c.source)
              and "solution" not in c.metadata.get("tags", [])]
    for i in checks:
        text = "".join(o.get("text", "") for o in executed.cells[i].outputs)
        assert "✅" in text, f"{path.name} cell {i}: the reference solution does not pass: {text[:300]}"


def test_markdown_has_no_literal_double_asterisks():
    """CommonMark does not close `**粗体**` when the closing `**` follows punctuation and is
    followed by a letter (`**boilerplate（版面杂质）**一列`): the reader sees the asterisks."""
    import mistune

    render = mistune.create_markdown()
    for path in NOTEBOOKS:
        for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "markdown":
                shown = re.sub(r"<code>.*?</code>", "", render(cell.source), flags=re.S)
                assert "**" not in shown, f"{path.name} cell {index}: {shown[max(shown.find('**') - 30, 0):][:80]}"


def test_lesson_table_reads_each_lesson_header_as_nbformat_does():
    table = course.lesson_table()
    lessons = [p for p in NOTEBOOKS if not p.name.startswith("00")]
    assert list(table.columns) == ["notebook", "title", "expected_time"]
    assert list(table["notebook"]) == [p.name for p in lessons]
    for row, path in zip(table.itertuples(), lessons):
        nb = nbformat.read(path, as_version=4)  # sources joined into strings, unlike the raw JSON
        assert row.title == navigation.lesson_title(nb) and row.title.startswith(path.name[:2])
        assert row.expected_time == navigation.lesson_time(nb) and "分钟" in row.expected_time


def test_every_function_a_lesson_calls_names_its_lesson():
    """d2l's "Defined in": each library function the lessons call says in its docstring which lesson
    teaches it (the first after the guide that calls it), and lesson_table lists them by lesson."""
    import importlib
    import re

    taught = course.lesson_functions()
    assert {"zhpolicy.analysis.terms.kwic", "zhpolicy.extraction.stats.table.extract_statistics"} <= set(taught["function"])
    assert taught.set_index("function").loc["zhpolicy.analysis.terms.kwic", "lesson"] == "02_term_frequency"
    missing = []
    for name, lesson in zip(taught["function"], taught["lesson"]):
        module, attr = name.rsplit(".", 1)
        doc = getattr(importlib.import_module(module), attr).__doc__ or ""
        if not re.search(rf"Taught in lesson {lesson[:2]}\b", doc):
            missing.append(f"{name} ({lesson})")
    assert not missing, "docstrings without 'Taught in lesson NN': " + ", ".join(missing)
    table = course.lesson_table(functions=True)
    assert "kwic" in table.set_index("notebook").loc["02_term_frequency.ipynb", "functions"].split(", ")
