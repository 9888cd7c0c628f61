"""Execute the lesson notebooks headlessly and check that their committed outputs are current.

    python -m zhpolicy.teaching.notebooks run [NOTEBOOK_OR_FOLDER ...]    # execute, write outputs back
    python -m zhpolicy.teaching.notebooks check [NOTEBOOK_OR_FOLDER ...]  # execute, compare, write nothing

A notebook fails when a cell raises, or when matplotlib reports a missing glyph (a Chinese
character drawn as a box). Executed notebooks are normalised so that a rerun on the same
inputs writes byte-identical files: stable cell ids, numbered execution counts, no timing
metadata.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import sys
import tempfile
from pathlib import Path

from ..paths import project_root

GLYPH_WARNING = re.compile(r"Glyph \d+ .*missing from (?:current )?font", re.IGNORECASE)
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


class NotebookFailure(RuntimeError):
    """A notebook raised an error or drew a character its font lacks."""


def notebook_paths(targets: list[str] | None = None) -> list[Path]:
    """Return the notebooks named by *targets* (files or folders), default ``notebooks/``."""
    root = project_root() or Path.cwd()
    targets = targets or [str(root / "notebooks")]
    found: list[Path] = []
    for target in map(Path, targets):
        if target.is_dir():
            found.extend(sorted(p for p in target.glob("*.ipynb") if not p.name.startswith(".")))
        elif target.suffix == ".ipynb" and target.is_file():
            found.append(target)
        else:
            raise FileNotFoundError(f"找不到笔记本：{target}")
    return found


def _coalesce_streams(outputs: list) -> list:
    """Merge consecutive stream outputs of the same name: how a kernel happens to split its
    stdout into messages depends on timing, and must not change the saved notebook."""
    merged: list = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] = merged[-1]["text"] + output["text"]
        else:
            merged.append(copy.copy(output))
    return merged


def normalise(nb) -> None:
    """Give cells stable ids and execution counts, merge split stream outputs and drop
    run-specific metadata (in place)."""
    count = 0
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index:03d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
            count += 1
            cell.execution_count = count if cell.outputs or cell.source.strip() else None
            for output in cell.outputs:
                if "execution_count" in output:
                    output["execution_count"] = count
                output.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)


def problems(nb) -> list[str]:
    """Return the errors and missing-glyph warnings found in an executed notebook's outputs."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and GLYPH_WARNING.search(output.text):
                found.append(f"cell {index}: missing glyph: {GLYPH_WARNING.search(output.text).group(0)}")
    return found


def prepare_environment() -> None:
    """Set what every kernel of a headless run inherits (once, before kernels start): a fixed
    hash seed, the inline plotting backend, and the same Jupyter configuration as `tasks.py lab`
    (the guide checks it)."""
    from .lab import LAB_ENV, prepare_lab

    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    if LAB_ENV not in os.environ:
        os.environ[LAB_ENV] = str(prepare_lab())


def execute(path: Path, timeout: int = 900):
    """Execute one notebook in its own folder; return the executed notebook (not written)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    prepare_environment()
    with tempfile.TemporaryDirectory(prefix="zhpolicy-kernel-") as sockets:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", allow_errors=True, record_timing=False,
            resources={"metadata": {"path": str(path.parent)}}, config=kernel_config(Path(sockets)),
        )
        client.execute()
    normalise(nb)
    return nb


def kernel_config(folder: Path):
    """Kernel settings for headless runs: on POSIX the kernel talks over local IPC sockets in
    *folder* (readable by this user only) instead of TCP, so ipykernel does not warn that the
    connection is unencrypted; elsewhere TCP on localhost as usual."""
    from traitlets.config import Config

    config = Config()
    if os.name == "posix" and len(os.fsencode(str(folder / "kernel-99"))) <= 100:
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = str(folder / "kernel")
    return config


def comparable_outputs(nb) -> list[list[tuple[str, str]]]:
    """Return each code cell's outputs as (kind, text) pairs, for comparing two runs.

    Text outputs are compared exactly (memory addresses masked); images by their presence
    only, since pixels depend on the font and FreeType version of the machine."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        items = []
        for output in _coalesce_streams(list(cell.outputs)):
            if output.output_type == "stream":
                items.append((output.name, _ADDRESS.sub(" at 0x…", output.text)))
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                if "image/png" in data or "image/svg+xml" in data:
                    items.append(("image", ""))
                elif "text/html" in data:
                    items.append(("html", _ADDRESS.sub(" at 0x…", "".join(data["text/html"]))))
                elif "text/plain" in data:
                    items.append(("text", _ADDRESS.sub(" at 0x…", "".join(data["text/plain"]))))
            elif output.output_type == "error":
                items.append(("error", output.ename))
        cells.append(items)
    return cells


def _run_one(path: Path, write: bool) -> list[str]:
    import nbformat

    nb = execute(path)
    found = [f"{path.name}: {p}" for p in problems(nb)]
    if write:
        if not found:
            nbformat.write(nb, path)
    else:
        committed = nbformat.read(path, as_version=4)
        if comparable_outputs(committed) != comparable_outputs(nb):
            found.append(f"{path.name}: committed outputs differ from a fresh run (run `python3 tasks.py run`)")
    return found


def expected_cost(path: Path) -> tuple[int, int]:
    """How long a notebook is expected to run, for ordering: the figures in its committed outputs,
    then its code cells (drawing is what the slow lessons do most). Read as plain JSON."""
    import json

    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return (0, 0)
    cells = nb.get("cells") if isinstance(nb, dict) else None
    code = [c for c in cells or [] if isinstance(c, dict) and c.get("cell_type") == "code"]
    outputs = [o for c in code for o in c.get("outputs") or [] if isinstance(o, dict)]
    figures = sum(1 for o in outputs if isinstance(o.get("data"), dict) and "image/png" in o["data"])
    return figures, len(code)


def run(paths: list[Path], write: bool = True, jobs: int | None = None) -> list[str]:
    """Execute notebooks; write them back (``write=True``) or compare with the committed copy.

    Runs *jobs* notebooks at a time (default: two on a machine with two or more cores; each has
    its own kernel process, and every notebook's output is the same as when run alone), the
    longest first (see :func:`expected_cost`), so that a long lesson does not start last: three
    cold runs of the seven lessons on a 2-core machine took 22.4–22.7 s this way, 22.6–26.0 s
    in name order.
    Returns a list of failures (empty when all is well), in the order of *paths*."""
    from concurrent.futures import ThreadPoolExecutor

    jobs = jobs or min(2, os.cpu_count() or 1)
    prepare_environment()
    order = sorted(range(len(paths)), key=lambda i: expected_cost(paths[i]), reverse=True)
    for i in order:
        print(f"▶ {paths[i].name}", flush=True)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = dict(zip(order, pool.map(lambda i: _run_one(paths[i], write), order)))
    return [failure for i in range(len(paths)) for failure in done[i]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zhpolicy.teaching.notebooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["run", "check"])
    parser.add_argument("targets", nargs="*")
    args = parser.parse_args(argv)
    # relative ZHPOLICY_CORPUS / ZHPOLICY_OUTPUT count from where the run was started, not notebooks/
    os.environ.setdefault("ZHPOLICY_LAUNCH_DIR", os.getcwd())
    failures = run(notebook_paths(args.targets), write=args.action == "run")
    for failure in failures:
        print(f"✗ {failure}", file=sys.stderr)
    if not failures:
        print("✓ all notebooks ran" + (" and match their committed outputs" if args.action == "check" else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
