"""No import circle in the library (issue 29): the graph of zhpolicy's imports of its own modules, at
module level and inside functions alike, has no cycle, so no import inside a function hides one."""

from __future__ import annotations

import ast

import networkx as nx

from .conftest import ROOT

PACKAGE = ROOT / "lib" / "zhpolicy"


def _modules() -> dict[str, object]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _targets(name: str, path, node, modules) -> list[str]:
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        module = ".".join(base + ([node.module] if node.module else []))
    else:
        module = node.module or ""
    return [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]


def import_graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _targets(name, path, node, modules):
                while target and target not in modules:
                    target = target.rsplit(".", 1)[0] if "." in target else ""
                if target and target != name:
                    graph.add_edge(name, target)
    return graph


def test_the_graph_sees_the_library():
    graph = import_graph()
    assert graph.has_edge("zhpolicy.explorer.ui", "zhpolicy.explorer.panels")
    assert graph.number_of_nodes() > 50


def test_no_import_circle():
    circles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert not circles, f"import circles: {circles}"
