"""`tasks.py explore --no-browser --port N` starts the explorer on 127.0.0.1 only, prints its URL,
serves the page, the font and the lessons, and stops cleanly on Ctrl+C, on SIGTERM and when
killed: no server, no child process and no temporary folder left behind."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("panel", reason="the explorer needs Panel (python3 tasks.py setup)")

from tests.conftest import ROOT  # noqa: E402

START_TIMEOUT = 180  # a shared CI machine: reading the seeds and importing Panel can be slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_url(process: subprocess.Popen, lines: list[str]) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                raise AssertionError("the explorer stopped while starting:\n" + "".join(lines))
            continue
        lines.append(line)
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return match.group(1)
    raise AssertionError("the explorer printed no URL:\n" + "".join(lines))


@contextmanager
def explorer(*options: str, env: dict | None = None):
    """Run ``python3 tasks.py explore --no-browser --port N [options]`` as a user would (its own
    process group); yields ``(process, url, printed lines)`` and kills whatever is left at the end."""
    port = free_port()
    command = [sys.executable, str(ROOT / "tasks.py"), "explore", "--no-browser", "--port", str(port), *options]
    environment = dict(os.environ, PYTHONUNBUFFERED="1", **(env or {}))
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=environment, start_new_session=True)
    lines: list[str] = []
    try:
        url = _wait_for_url(process, lines)
        yield process, url, lines
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _port_open(url: str) -> bool:
    host, port = re.search(r"//([\d.]+):(\d+)/", url).groups()
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex((host, int(port))) == 0


def _get(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read(), response.headers.get("Content-Type", "")


@pytest.mark.skipif(os.name != "posix", reason="signals and process groups as on Linux and macOS")
def test_explore_serves_on_localhost_and_stops_on_ctrl_c(tmp_path):
    with explorer("--work", str(tmp_path / "work")) as (process, url, lines):
        import psutil

        status, body, _ = _get(url)
        page = body.decode("utf-8")
        assert status == 200 and "中文政策文本浏览器" in page
        head = page.split("</head>")[0]  # the fast subset is preloaded and declared first-class, as in the Lab
        preload = re.search(r'<link rel="preload" href="/(zhpolicy-fonts/[^"]+\.woff2)" as="font"', head)
        assert preload and "font-display: block" in head and "unicode-range" in head
        status, subset, kind = _get(url + preload.group(1))
        assert status == 200 and subset[:4] == b"wOF2" and 300_000 < len(subset) < 3_000_000
        status, font, kind = _get(url + "zhpolicy-fonts/NotoSansSC-Regular.ttf")  # rarer characters
        assert status == 200 and len(font) > 1_000_000 and "font" in kind
        status, lesson, _ = _get(url + "lessons/05_statistics.html")
        assert status == 200 and "extract_statistics" in lesson.decode("utf-8") and "https://" not in lesson.decode("utf-8").split("<body>")[0]
        listening = {c.laddr.ip for c in psutil.Process(process.pid).net_connections(kind="inet") if c.status == "LISTEN"}
        assert listening == {"127.0.0.1"}
        assert psutil.Process(process.pid).children(recursive=True) == []  # one process: nothing to leave behind
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the terminal reaches the whole group
        assert process.wait(timeout=60) == 0
        output = "".join(lines) + process.stdout.read()
    assert "已停止" in output and not _port_open(url)
    assert (tmp_path / "work").is_dir()  # a working folder the user named is kept


@pytest.mark.skipif(os.name != "posix", reason="signals and process groups as on Linux and macOS")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_explorer_leaves_nothing_running(how, tmp_path):
    env = {"TMPDIR": str(tmp_path)}  # where its temporary working folder goes
    with explorer(env=env) as (process, url, lines):
        assert _get(url)[0] == 200
        work = [p for p in tmp_path.iterdir() if p.name.startswith("zhpolicy-explorer-")]
        assert len(work) == 1
        process.send_signal(how)  # the process tasks.py became, as `kill PID` would
        process.wait(timeout=60)
        deadline = time.monotonic() + 10
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(process.pid), "a process of the explorer is still running"
        assert not _port_open(url)
        if how == signal.SIGTERM:
            assert not work[0].exists(), "the temporary working folder was left behind"


def test_a_port_in_use_is_explained():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "zhpolicy.explorer", "--no-browser", "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "已被占用" in result.stderr


def test_a_missing_corpus_folder_is_explained(tmp_path):
    result = subprocess.run([sys.executable, "-m", "zhpolicy.explorer", "--no-browser", "--port", str(free_port()),
                             "--corpus", str(tmp_path / "没有这个文件夹")], capture_output=True, text=True, timeout=180)
    assert result.returncode == 2 and "没有这个文件夹" in result.stderr
    assert not [p for p in Path(tmp_path).iterdir()]
