"""Save tables and figures into the output folder (``output/`` at the project root, or
``$ZHPOLICY_OUTPUT``), never into ``seeds/``. Files carry no timestamps, so a rerun writes
identical files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..paths import output_dir


def export_table(table: pd.DataFrame, name: str) -> Path:
    """Write *table* as ``<output>/<name>.csv`` (UTF-8 with BOM so that Excel shows Chinese)."""
    path = output_dir() / f"{name}.csv"
    table.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def export_figure(fig, name: str, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write a matplotlib figure as ``<output>/<name>.png`` and ``.svg``."""
    import matplotlib as mpl

    paths = []
    with mpl.rc_context({"svg.hashsalt": "zhpolicy", "svg.fonttype": "path"}):
        for fmt in formats:
            path = output_dir() / f"{name}.{fmt}"
            meta = {"Date": None} if fmt in ("svg", "pdf") else {}
            fig.savefig(path, format=fmt, dpi=150, bbox_inches="tight", metadata=meta)
            paths.append(path)
    return paths


def export_wordcloud(cloud, name: str) -> Path:
    """Write a :class:`wordcloud.WordCloud` image as ``<output>/<name>.png``."""
    path = output_dir() / f"{name}.png"
    cloud.to_image().save(path, format="PNG")
    return path
