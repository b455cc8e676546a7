"""The engine's layers import only downward: model ← scoring ← render ← api (and nothing imports YAML)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "checklists"
LAYERS = {
    "jsontext": 0,
    "model": 0,
    "answers": 0,
    "record": 0,
    "scoring": 1,
    "team": 1,
    "strings": 2,
    "charts": 2,
    "report": 2,
    "teamview": 2,
    "formats": 2,
    "session": 3,
    "api": 3,
    "__init__": 3,
}
BUILD_SIDE = {"load"}


def imports(path: Path) -> set[str]:
    """The sibling modules `path` imports (relative imports of the package)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module)
            else:  # `from . import x`: a sibling module x, or a name from the package's __init__
                found |= {a.name if (PACKAGE / f"{a.name}.py").is_file() else "__init__" for a in node.names}
    return found


def violations(layers: dict[str, int], graph: dict[str, set[str]]) -> list[str]:
    """Imports that go up a layer, or sideways to an unknown module."""
    return [
        f"{module} imports {other}"
        for module, targets in graph.items()
        for other in sorted(targets)
        if other not in layers or layers[other] > layers[module] or (other == module)
    ]


def test_every_engine_module_has_a_layer() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")} - BUILD_SIDE
    assert modules == set(LAYERS)


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_go_only_downward(module: str) -> None:
    assert violations(LAYERS, {module: imports(PACKAGE / f"{module}.py")}) == []


def test_the_browser_engine_never_imports_yaml() -> None:
    for module in LAYERS:
        assert "yaml" not in (PACKAGE / f"{module}.py").read_text(encoding="utf-8"), module


def test_negative_control_an_upward_import_is_caught() -> None:
    assert violations(LAYERS, {"scoring": {"report", "model"}}) == ["scoring imports report"]
