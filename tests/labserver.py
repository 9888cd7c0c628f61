"""The course's JupyterLab started as `python3 tasks.py lab` starts it, for the tests: on a free port of
127.0.0.1 with a token, a configuration folder of its own, and stopped for sure afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "zhpolicy-test-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 5.0):
    """``(status, content type, body)`` of a GET."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


class Lab:
    """``python3 tasks.py lab --config-dir CONFIG --no-browser --port=P --ip=127.0.0.1 --IdentityProvider.token=T``
    in a session of its own (so that :meth:`stop` can end all it started), its output in ``log``."""

    def __init__(self, config: Path, env: dict | None = None, options: tuple[str, ...] = ()):
        self.config, self.port, self.options = Path(config), free_port(), list(options)
        self.base = f"http://127.0.0.1:{self.port}"
        self.runtime = tempfile.mkdtemp(prefix="zr")  # short, as ~/.local/share/jupyter/runtime usually is
        self.env = dict(os.environ, JUPYTER_RUNTIME_DIR=self.runtime,
                        JUPYTER_DATA_DIR=str(self.config.parent / "jupyter-data"), **(env or {}))
        self.log_path = self.config.parent / f"lab-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 180) -> "Lab":
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tasks.py"), "lab", "--config-dir", str(self.config), "--no-browser",
             f"--port={self.port}", "--ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", *self.options],
            cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        log.close()
        deadline = time.time() + timeout
        while True:
            try:
                get(f"{self.base}/api/status?token={TOKEN}")
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"JupyterLab stopped while starting:\n{self.log()[-3000:]}")
                if time.time() > deadline:
                    raise RuntimeError(f"JupyterLab did not start within {timeout:.0f} s:\n{self.log()[-3000:]}")
                time.sleep(0.5)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}{'&' if '?' in path else '?'}token={TOKEN}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def leftovers(self) -> list[str]:
        """Processes still running that this Lab started: the server (its command line names the port)
        and anything in its session."""
        import psutil

        found = []
        for proc in psutil.process_iter(["pid", "cmdline", "status"]):
            try:
                if proc.info["status"] == psutil.STATUS_ZOMBIE:
                    continue
                mine = self.process is not None and os.getsid(proc.info["pid"]) == self.process.pid
                if mine or f"--port={self.port}" in (proc.info["cmdline"] or []):
                    found.append(f"{proc.info['pid']}: {' '.join(proc.info['cmdline'] or [])[:160]}")
            except (psutil.Error, OSError):
                continue
        return found

    def stop(self) -> None:
        """SIGTERM to the whole session, SIGKILL after 20 s; the runtime folder removed."""
        import shutil

        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process is not None:
            try:  # kernels of a server that died on its own
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        shutil.rmtree(self.runtime, ignore_errors=True)

    def __enter__(self) -> "Lab":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
