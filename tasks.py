#!/usr/bin/env python3
"""Set up the project and run its two jobs, on any machine with Python >= 3.10.

    python3 tasks.py run    # create .venv, install requirements.txt, execute every notebook
    python3 tasks.py test   # create .venv, install requirements.txt, run the tests (pytest)

and, for teachers:

    python3 tasks.py student   # student copies (solutions emptied, outputs cleared) in build/student/
    python3 tasks.py html      # the executed lessons as a static HTML book in build/html/

Uses only the standard library. The virtual environment lives in .venv/ (ignored by git)
and is reinstalled only when requirements.txt or pyproject.toml change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".zhpolicy-requirements.sha256"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def requirements_hash() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> Path:
    """Create .venv and install requirements.txt into it (only when they changed)."""
    if sys.version_info < (3, 10):
        sys.exit(f"需要 Python 3.10 或更新版本（当前 {sys.version.split()[0]}）。Python >= 3.10 is required.")
    if not venv_python().exists():
        print("创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = requirements_hash()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("安装依赖（requirements.txt）…", flush=True)
        subprocess.run(
            [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-r", str(ROOT / "requirements.txt")],
            check=True, cwd=ROOT,
        )
        STAMP.write_text(wanted)
    return venv_python()


def main(argv: list[str]) -> int:
    job = argv[0] if argv else "help"
    rest = argv[1:]
    if job == "setup":
        setup()
        return 0
    if job == "run":
        python = setup()
        return subprocess.run([str(python), "-m", "zhpolicy.notebooks", "run", *rest], cwd=ROOT).returncode
    if job in ("student", "html"):
        python = setup()
        return subprocess.run([str(python), "-m", "zhpolicy.teaching", job, *rest], cwd=ROOT).returncode
    if job == "test":
        python = setup()
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT).returncode
    print(__doc__)
    return 0 if job in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
