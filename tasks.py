#!/usr/bin/env python3
"""中文政策文本分析课程的任务脚本（只用 Python 标准库，Python >= 3.10）。
Task runner of the zhpolicy course (standard library only, Python >= 3.10).

用法 / usage:  python3 tasks.py 任务 [参数]

    python3 tasks.py setup     # 创建 .venv 并安装 requirements.txt        create .venv, install requirements
    python3 tasks.py run       # 执行全部笔记本，把结果写回笔记本           execute every notebook, write outputs back
    python3 tasks.py test      # 运行测试（pytest，可加 pytest 参数）         run the tests (pytest options allowed)
    python3 tasks.py lab       # 启动 JupyterLab（自带中文字体，无需安装）    start JupyterLab with the bundled Chinese font
    python3 tasks.py explore   # 在浏览器里分析文本，不用写代码（--port N、--no-browser、--corpus 文件夹）
                               # the explorer: the analyses in a local web page, no code

教师用 / for teachers:

    python3 tasks.py student          # 学生版笔记本（清空参考答案和输出）→ build/student/
                                      # student copies (solutions emptied, outputs cleared)
    python3 tasks.py html             # 教师版网页书（含参考答案）→ build/html/
                                      # the executed lessons as a static HTML book (with solutions)
    python3 tasks.py html --student   # 学生版网页书（不含参考答案）→ build/html-student/
                                      # the student HTML book, without solutions
    python3 tasks.py nav              # 按课程顺序重写每课开头和结尾的“导航”
                                      # rewrite every lesson's previous/next navigation from the lesson order

虚拟环境在 .venv/（git 忽略），只在 requirements.txt 或 pyproject.toml 改变时重装。
The virtual environment lives in .venv/ (ignored by git) and is reinstalled only when
requirements.txt or pyproject.toml change.
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


def explore(python: Path, options: list[str]) -> int:
    """Start the explorer (``python -m zhpolicy.explorer``). On POSIX this process becomes the
    server, so Ctrl+C and a kill of this process stop it and leave nothing running."""
    command = [str(python), "-m", "zhpolicy.explorer", *options]
    env = dict(os.environ, ZHPOLICY_LAUNCH_DIR=os.getcwd())  # --corpus my_texts: from where the command was typed
    if os.name == "posix":
        sys.stdout.flush()
        os.execve(command[0], command, env)
    try:
        return subprocess.run(command, env=env).returncode
    except KeyboardInterrupt:
        return 130


def main(argv: list[str]) -> int:
    job = argv[0] if argv else "help"
    rest = argv[1:]
    if job == "setup":
        setup()
        return 0
    if job == "run":
        python = setup()
        return subprocess.run([str(python), "-m", "zhpolicy.teaching.notebooks", "run", *rest], cwd=ROOT).returncode
    if job == "lab":
        python = setup()
        command = [str(python), "-m", "zhpolicy.teaching.lab", *rest]
        if os.name == "posix":  # become the Lab: stopping this process (Ctrl+C, kill, hang-up) stops JupyterLab
            os.chdir(ROOT)
            os.execv(command[0], command)
        try:
            return subprocess.run(command, cwd=ROOT).returncode
        except KeyboardInterrupt:
            return 130
    if job in ("student", "html", "nav"):
        python = setup()
        try:
            return subprocess.run([str(python), "-m", "zhpolicy.teaching.course", job, *rest], cwd=ROOT).returncode
        except KeyboardInterrupt:
            return 130
    if job == "explore":
        return explore(setup(), rest)
    if job == "test":
        python = setup()
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT).returncode
    if job not in ("help", "-h", "--help"):
        print(f"未知的任务：{job}（unknown task）\n", file=sys.stderr)
    print(__doc__)
    return 0 if job in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
