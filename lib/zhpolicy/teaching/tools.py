"""The authoring tools' command line (what ``tasks.py student|html|nav|lab`` run).

    python -m zhpolicy.teaching.tools lab [JUPYTER-LAB-OPTIONS]     # the course JupyterLab (zhpolicy.teaching.lab)
    python -m zhpolicy.teaching.tools student [--out build/student] # solutions emptied, outputs cleared
    python -m zhpolicy.teaching.tools html [--student] [--out DIR]  # the executed series as HTML pages
    python -m zhpolicy.teaching.tools nav [NOTEBOOK ...]            # rewrite the 导航 lines from the lesson order

``student`` and ``html`` read the notebooks in ``notebooks/`` and never change them; ``nav``
rewrites only the navigation lines of the notebooks it is given. ``python -m zhpolicy.teaching.course``
takes the same actions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .book import build_html_book, build_student_copies
from .lab import main as lab_main
from .navigation import write_navigation
from .notebooks import notebook_paths


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "lab":
        return lab_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m zhpolicy.teaching.course", description=__doc__.split("\n\n")[0],
                                     epilog="lab [--config-dir DIR] [JUPYTER-LAB-OPTIONS]: JupyterLab that shows "
                                            "Chinese on any machine (its options go to jupyter lab unchanged)")
    parser.add_argument("action", choices=["student", "html", "nav"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="nav: notebooks to rewrite (default: all)")
    parser.add_argument("--out", type=Path, help="output folder (default build/student, build/html, build/html-student)")
    parser.add_argument("--src", type=Path, help="folder of notebooks (default notebooks/)")
    parser.add_argument("--student", action="store_true", help="html: the student book, without solutions")
    args = parser.parse_args(argv)
    if args.action == "nav":
        series = notebook_paths([str(args.src)] if args.src else None)
        changed = write_navigation(args.notebooks or None, series)
        print(f"导航已更新：{len(changed)} 个笔记本" + (f"（{', '.join(p.name for p in changed)}）" if changed else "（都已是最新）"))
        return 0
    if args.action == "student":
        written = build_student_copies(args.src, args.out)
    else:
        written = build_html_book(args.src, args.out, student=args.student)
    print(f"已生成 {len(written)} 个文件：{written[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
