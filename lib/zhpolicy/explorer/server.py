"""``python -m zhpolicy.explorer``: start the explorer on 127.0.0.1 and open it in the browser.

    python -m zhpolicy.explorer [--port N] [--no-browser] [--corpus FOLDER] [--work FOLDER]

One process, no child processes: Ctrl+C or SIGTERM stops the server and removes the temporary
working folder; a killed process (SIGKILL) leaves no server behind either (the browser only loses
its connection).
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import socket
import sys
import webbrowser

DEFAULT_PORT = 8765
HOST = "127.0.0.1"
#: Largest upload (bytes) the page may send at once: a .zip of a few hundred documents.
MAX_UPLOAD = 512 * 1024**2


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tasks.py explore", description="中文政策文本浏览器（zhpolicy explorer）：在浏览器里分析文本，不用写代码。")
    parser.add_argument("--port", type=int, default=None, help=f"端口（默认 {DEFAULT_PORT}，被占用时依次试后面的端口）")
    parser.add_argument("--no-browser", action="store_true", help="不自动打开浏览器（只打印网址）")
    parser.add_argument("--corpus", metavar="FOLDER", default=None,
                        help="打开时的语料文件夹（默认：环境变量 ZHPOLICY_CORPUS，否则示例语料 seeds/）")
    parser.add_argument("--work", metavar="FOLDER", default=None,
                        help="保存上传文件的工作文件夹（默认：一个临时文件夹，退出时删除）")
    return parser.parse_args(argv)


def free_port(port: int | None) -> int:
    """*port* if it can be listened on at 127.0.0.1; without an explicit port, the first free one
    from :data:`DEFAULT_PORT` on. Raises SystemExit with a message when the port is taken."""
    candidates = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + 20)
    for candidate in candidates:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, candidate))
            except OSError as exc:
                if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                    continue
                raise
            return candidate
    where = f"端口 {port}" if port is not None else f"端口 {DEFAULT_PORT}–{DEFAULT_PORT + 19}"
    raise SystemExit(f"{where} 已被占用：浏览器可能已经开着（看看之前的终端窗口），或换一个端口：--port 8899。（port in use）")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    port = free_port(args.port)
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning)
    import panel as pn

    import zhpolicy as zp
    from zhpolicy.errors import CorpusError

    from . import lessons
    from .files import FONT_ROUTE, WorkingFolder, inside, page_fonts
    from .ui import EXECUTOR, Explorer, page, page_css, rehearse, without_mathjax

    folder = zp.paths.resolve_user_path(args.corpus) if args.corpus else zp.paths.default_corpus_dir()
    if args.work and inside(args.work, folder):
        raise SystemExit(f"工作文件夹不能放在语料文件夹里面：{os.path.abspath(args.work)}。（work folder inside the corpus）")
    work = WorkingFolder(args.work)
    explorer = Explorer(default_folder=folder, work=work)
    print("正在读取语料……", flush=True)
    try:
        explorer.load(folder)  # the first page opens with its table ready (the rest is warmed once it is shown)
    except CorpusError as exc:
        work.cleanup()
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        work.cleanup()
        return 130
    fonts = page_fonts()  # built once (about half a minute) the first time, then kept in the cache folder
    pn.extension("tabulator", raw_css=[page_css()], notifications=False)
    without_mathjax()
    rehearse(explorer)
    server = pn.serve(
        {"/": lambda: page(explorer)}, port=port, address=HOST, show=False, start=False,
        websocket_origin=[f"{HOST}:{port}", f"localhost:{port}"], title="中文政策文本浏览器",
        static_dirs={FONT_ROUTE: str(fonts.folder)}, extra_patterns=[(r"/lessons/(.*)", lessons.handler())],
        websocket_max_message_size=MAX_UPLOAD, verbose=False,
    )
    url = f"http://{HOST}:{port}/"
    loop = server.io_loop

    def stop(*_):
        explorer.stop.set()
        loop.add_callback_from_signal(loop.stop)

    signal.signal(signal.SIGTERM, stop)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, stop)
    server.start()
    print(f"中文政策文本浏览器已启动：{url}\n按 Ctrl+C 停止。（explorer running at {url}; Ctrl+C stops it）", flush=True)
    if not args.no_browser:
        loop.add_callback(lambda: webbrowser.open(url))
    try:
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        explorer.stop.set()
        server.stop()
        EXECUTOR.shutdown(wait=False, cancel_futures=True)
        work.cleanup()
        print("浏览器已停止。（explorer stopped）", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
