"""The course's JupyterLab: a Jupyter configuration folder in which JupyterLab shows Chinese on a
machine without any Chinese font, and the command that starts it.

    python -m zhpolicy.teaching.lab [--config-dir DIR] [JUPYTER-LAB-OPTIONS]   # what `python3 tasks.py lab` runs
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .webfonts import font_face_css, place_fonts
from ..paths import data_path, project_root


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


def prepare_lab(config_dir: str | Path | None = None) -> Path:
    """Write a Jupyter configuration folder in which JupyterLab shows Chinese without any system
    font, and return it. Start JupyterLab with ``JUPYTER_CONFIG_DIR`` set to it (``tasks.py lab`` does).

    - ``custom/``: ``custom.css`` (the ``@font-face`` rules of :mod:`.webfonts` followed by
      ``zhpolicy/data/lab_custom.css``), the fast subset of Noto Sans SC, the whole font and the symbol font;
    - ``templates/index.html``: JupyterLab's own page with a ``<link rel="preload">`` for the subset,
      so the browser fetches it while JupyterLab's scripts load;
    - ``lab/user-settings``: JupyterLab's news feed off (its prompt covers the lesson), unless set already;
    - ``jupyter_lab_config.json`` turning on ``LabApp.custom_css`` and pointing at that page and, on
      POSIX, ``jupyter_server_config.json`` running kernels over IPC sockets (no TCP warning)."""
    config_dir = Path(config_dir) if config_dir else default_lab_config_dir()
    custom = config_dir / "custom"
    custom.mkdir(parents=True, exist_ok=True)
    subset = place_fonts(custom, LAB_FONT, LAB_SYMBOLS, "NotoSansSC-OFL.txt")
    css = font_face_css(subset, subset.name, LAB_FONT, LAB_SYMBOLS) + data_path("lab_custom.css").read_text(encoding="utf-8")
    _write_if_changed(custom / "custom.css", css)
    lab_settings: dict = {"custom_css": True}
    news = config_dir / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    if not news.is_file():  # no "get notified about Jupyter news?" prompt over the lesson (a teacher may turn it on)
        _write_if_changed(news, json.dumps({"fetchNews": "false"}, indent=2) + "\n")
    page = preload_page(subset.name)
    if page is not None:
        _write_if_changed(config_dir / "templates" / "index.html", page)
        lab_settings["templates_dir"] = str(config_dir / "templates")
    wanted = {"jupyter_lab_config.json": {"LabApp": lab_settings}}
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


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


#: JupyterLab's page loads ``custom.css`` with this tag (jupyterlab/static/index.html, 3.x and 4.x).
_CUSTOM_CSS_TAG = '{% if custom_css %}'


def preload_page(subset_name: str) -> str | None:
    """JupyterLab's own page template with a preload of the font subset put before ``custom.css``, or
    None when the installed JupyterLab's page does not have the expected tag (the Lab then works
    without the preload)."""
    app_dir = os.environ.get("JUPYTERLAB_DIR") or Path(sys.prefix) / "share" / "jupyter" / "lab"  # jupyterlab's
    try:  # default application folder (importing jupyterlab to ask it would load all of jupyter_server: seconds)
        page = (Path(app_dir) / "static" / "index.html").read_text(encoding="utf-8")
    except OSError:
        return None
    if page.count(_CUSTOM_CSS_TAG) != 1:
        return None
    preload = ('{% if custom_css %}<link rel="preload" href="{{ base_url | escape }}custom/' + subset_name
               + '" as="font" type="font/woff2" crossorigin>{% endif %}')
    return page.replace(_CUSTOM_CSS_TAG, preload + _CUSTOM_CSS_TAG)


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
    """The command that runs JupyterLab from this Python environment (through :func:`serve`) with custom
    CSS on (and ``--allow-root`` when run as root, as in containers and some cloud machines)."""
    extra = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in options else []
    return [sys.executable, "-m", "zhpolicy.teaching.lab", SERVE, "--LabApp.custom_css=True", *extra, *options]


def start_lab(options: list[str], config_dir: Path | None = None) -> int:
    """Prepare the configuration folder and run JupyterLab in the project root until it stops.

    On POSIX this process becomes JupyterLab (``exec``), as ``tasks.py lab`` becomes this one: whoever
    stops the process that was started (Ctrl+C, ``kill``, a closed terminal) stops the server itself,
    and the server shuts its kernels down. Elsewhere JupyterLab runs as a child."""
    env = dict(os.environ, **{LAB_ENV: str(prepare_lab(config_dir))})
    print(f"JupyterLab 使用自带的中文字体（配置目录 {env[LAB_ENV]}）。按 Ctrl+C 两次停止。", flush=True)
    command = lab_command(options)
    if os.name == "posix":
        os.chdir(_root())
        os.execve(command[0], command, env)
    try:
        return subprocess.run(command, cwd=_root(), env=env).returncode
    except KeyboardInterrupt:
        return 0


#: First argument of ``python -m zhpolicy.teaching.lab`` that runs the server itself (:func:`serve`).
SERVE = "--serve"


def serve(options: list[str]) -> None:
    """Run JupyterLab in this process with *options*. A hang-up (SIGHUP: the terminal was closed) stops
    it as SIGTERM does, shutting the kernels down, rather than killing the server and leaving them; so
    does SIGINT when no terminal is attached (in a terminal the first Ctrl+C asks, the second stops)."""
    import signal

    from jupyterlab.labapp import LabApp

    def stop(signum, frame):  # Jupyter's own SIGTERM handler once the server runs; before, the default exit
        signal.raise_signal(signal.SIGTERM)

    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, stop)
    if not (sys.stdin and sys.stdin.isatty()):
        signal.signal(signal.SIGINT, stop)
    LabApp.launch_instance(argv=options)


def main(argv: list[str] | None = None) -> int:
    """``[--config-dir DIR] [JUPYTER-LAB-OPTIONS]``: start the course's JupyterLab."""
    rest = list(sys.argv[1:] if argv is None else argv)
    if rest and rest[0] == SERVE:
        serve(rest[1:])
        return 0
    if rest and rest[0] == "lab":
        rest = rest[1:]
    config = None
    if "--config-dir" in rest:
        k = rest.index("--config-dir")
        config, rest = Path(rest[k + 1]), rest[:k] + rest[k + 2:]
    return start_lab(rest, config)


if __name__ == "__main__":
    sys.exit(main())
