"""Submodules imported on first use, so ``zp.analysis.terms.content_tokens`` works without an
import line and ``import zhpolicy`` stays fast."""

from __future__ import annotations

import importlib


def submodule(package: str, name: str):
    """The submodule *name* of *package*, imported now; AttributeError when there is none."""
    try:
        return importlib.import_module(f"{package}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{package}.{name}":
            raise
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


def lazy_submodules(package: str):
    """A module ``__getattr__`` for *package* that imports its submodules on first use."""
    return lambda name: submodule(package, name)
