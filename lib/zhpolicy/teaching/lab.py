"""The course's JupyterLab: a Jupyter configuration folder in which JupyterLab shows Chinese on a
machine without any Chinese font, and the command that starts it.

    python -m zhpolicy.teaching.lab [--config-dir DIR] [JUPYTER-LAB-OPTIONS]   # what `python3 tasks.py lab` runs
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .fonts import bundled_font_path
from ..paths import project_root


def _root() -> Path:
    return project_root() or Path.cwd()


#: File names of the fonts served next to ``custom.css`` (see ``zhpolicy/data/lab_custom.css``).
LAB_FONT = "zhpolicy-NotoSansSC-Regular.ttf"
LAB_SYMBOLS = "zhpolicy-symbols.ttf"
LAB_CSS_MARK = "zhpolicy: Chinese text in JupyterLab"
LAB_ENV = "JUPYTER_CONFIG_DIR"


def default_lab_config_dir() -> Path:
    """Where ``tasks.py lab`` keeps its Jupyter configuration: ``<venv>/etc/zhpolicy-jupyter`` (the
    environment's own folder, so nothing is written into the user's ``~/.jupyter``); when that
    folder cannot be written (a system-wide Python), the per-user data folder of zhpolicy."""
    folder = Path(sys.prefix) / "etc" / "zhpolicy-jupyter"
    if os.access(folder if folder.exists() else Path(sys.prefix), os.W_OK):
        return folder
    import platformdirs

    return Path(platformdirs.user_data_dir("zhpolicy")) / "jupyter"


def _copy_if_changed(source: Path, target: Path) -> None:
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        tmp = target.with_name(target.name + ".tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)


def prepare_lab(config_dir: str | Path | None = None) -> Path:
    """Write a Jupyter configuration folder in which JupyterLab shows Chinese without any system
    font: ``custom/custom.css`` (from ``zhpolicy/data/lab_custom.css``) with the bundled Noto Sans SC and a
    small symbol font beside it, ``jupyter_lab_config.json`` turning on ``LabApp.custom_css`` and, on
    POSIX, ``jupyter_server_config.json`` running kernels over IPC sockets (no TCP warning).
    Start JupyterLab with ``JUPYTER_CONFIG_DIR`` set to the returned folder (``tasks.py lab`` does)."""
    from .webfonts import build_symbol_font
    from ..paths import data_path

    config_dir = Path(config_dir) if config_dir else default_lab_config_dir()
    custom = config_dir / "custom"
    custom.mkdir(parents=True, exist_ok=True)
    css = data_path("lab_custom.css").read_text(encoding="utf-8")
    if not (custom / "custom.css").is_file() or (custom / "custom.css").read_text(encoding="utf-8") != css:
        (custom / "custom.css").write_text(css, encoding="utf-8")
    _copy_if_changed(bundled_font_path(), custom / LAB_FONT)
    licence = bundled_font_path().parent / "OFL.txt"
    if licence.is_file():
        _copy_if_changed(licence, custom / "NotoSansSC-OFL.txt")
    if not (custom / LAB_SYMBOLS).is_file():
        build_symbol_font(custom / LAB_SYMBOLS)
    wanted = {"jupyter_lab_config.json": {"LabApp": {"custom_css": True}}}
    server = config_dir / "jupyter_server_config.json"
    if ipc_sockets_fit():  # kernels over local IPC sockets: no “running over TCP without encryption” warning
        wanted[server.name] = {"KernelManager": {"transport": "ipc"}}
    elif server.is_file():
        server.unlink()
    for name, content in wanted.items():
        settings = config_dir / name
        if not settings.is_file() or json.loads(settings.read_text(encoding="utf-8") or "{}") != content:
            settings.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    return config_dir


#: Longest path a Unix-domain socket may have (108 bytes on Linux, 104 on macOS), with a margin.
SOCKET_PATH_MAX = 100


def ipc_sockets_fit(runtime_dir: str | Path | None = None) -> bool:
    """Whether Jupyter's kernels can talk over IPC sockets here: POSIX, and the socket files
    (``<runtime>/kernel-<36-character id>-ipc-<n>``) stay under :data:`SOCKET_PATH_MAX` bytes."""
    if os.name != "posix":
        return False
    if runtime_dir is None:
        from jupyter_core.paths import jupyter_runtime_dir

        runtime_dir = jupyter_runtime_dir()
    return len(os.fsencode(str(runtime_dir))) + len("/kernel--ipc-99") + 36 <= SOCKET_PATH_MAX


def lab_command(options: list[str]) -> list[str]:
    """The command that starts JupyterLab from this Python environment with custom CSS on (and
    ``--allow-root`` when run as root, as in containers and some cloud machines)."""
    extra = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in options else []
    return [sys.executable, "-m", "jupyterlab", "--LabApp.custom_css=True", *extra, *options]


def start_lab(options: list[str], config_dir: Path | None = None) -> int:
    """Prepare the configuration folder and run JupyterLab in the project root until it stops."""
    env = dict(os.environ, **{LAB_ENV: str(prepare_lab(config_dir))})
    print(f"JupyterLab 使用自带的中文字体（配置目录 {env[LAB_ENV]}）。按 Ctrl+C 两次停止。", flush=True)
    command = lab_command(options)
    if os.name == "posix":  # become JupyterLab: signals (Ctrl+C, SIGTERM) reach it directly
        os.chdir(_root())
        os.execve(command[0], command, env)
    try:
        return subprocess.run(command, cwd=_root(), env=env).returncode
    except KeyboardInterrupt:
        return 0


def main(argv: list[str] | None = None) -> int:
    """``[--config-dir DIR] [JUPYTER-LAB-OPTIONS]``: start the course's JupyterLab."""
    rest = list(sys.argv[1:] if argv is None else argv)
    if rest and rest[0] == "lab":
        rest = rest[1:]
    config = None
    if "--config-dir" in rest:
        k = rest.index("--config-dir")
        config, rest = Path(rest[k + 1]), rest[:k] + rest[k + 2:]
    return start_lab(rest, config)


if __name__ == "__main__":
    sys.exit(main())
