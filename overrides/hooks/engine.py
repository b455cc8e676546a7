"""MkDocs hook: builds the engine wheel and ships it, with the self-hosted Pyodide core, into the site.

Pyodide comes from `node_modules/pyodide` (pinned in package.json); nothing of it is committed.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
ENGINE_SRC = ROOT / "checklists"
BUILD_ONLY = {"load.py"}  # imports YAML: never shipped to the browser
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
CACHE = ROOT / ".cache" / "engine"

# `mkdocs serve` guesses types from this table: module scripts and wasm need the right ones
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


def _engine_modules() -> list[Path]:
    # the stdlib-only modules of the engine package
    return sorted(p for p in ENGINE_SRC.glob("*.py") if p.name not in BUILD_ONLY)


def engine_hash() -> str:
    """A content hash of the engine's browser modules: names the wheel's immutable path."""
    digest = hashlib.sha256()
    for path in _engine_modules():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _pyodide_dir() -> Path:
    # node_modules/pyodide, or a build error that says how to get it
    directory = ROOT / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (directory / name).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide is not installed (missing node_modules/pyodide/{missing[0]}): "
            "run `make serve` or `make build` (they run `npm ci`) before building the site."
        )
    return directory


def pyodide_version() -> str:
    """The installed Pyodide version, from its package.json."""
    return json.loads((_pyodide_dir() / "package.json").read_text(encoding="utf-8"))["version"]


def _engine_version() -> str:
    # __version__ from the package, read without importing it
    for line in (ENGINE_SRC / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise PluginError("checklists/__init__.py has no __version__")


def build_wheel() -> Path:
    """Pack the stdlib-only engine as a py3-none-any wheel (PyPA build), cached by content hash."""
    target = CACHE / engine_hash()
    wheels = sorted(target.glob("*.whl"))
    if wheels:
        return wheels[0]
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        (staging / "checklists").mkdir()
        for path in _engine_modules():
            shutil.copy2(path, staging / "checklists" / path.name)
        (staging / "pyproject.toml").write_text(_wheel_pyproject(), encoding="utf-8")
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(target), str(staging)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"building the engine wheel failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return next(target.glob("*.whl"))


def _wheel_pyproject() -> str:
    # the metadata of the browser wheel: the engine package only, no dependencies
    return f"""[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "cx-checklists"
version = "{_engine_version()}"
description = "The CX playbook's checklist engine (stdlib only, for Pyodide)."
requires-python = ">=3.11"

[tool.setuptools]
packages = ["checklists"]
"""


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    # build (or reuse) the wheel and tell the macros where the engine lives
    wheel = build_wheel()
    config.extra["cx_engine"] = {
        "version": _engine_version(),
        "pyodide": pyodide_version(),
        "wheel": f"assets/engine/{wheel.parent.name}/{wheel.name}",
    }
    return config


def _copy(source: Path, target: Path) -> None:
    # copy unless an identical file is already there (the i18n plugin builds once per language)
    if target.is_file() and target.stat().st_size == source.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def on_post_build(*, config: MkDocsConfig) -> None:
    # the Pyodide core files and the wheel, under versioned paths of the site root
    site = Path(config.site_dir)
    pyodide = _pyodide_dir()
    version = pyodide_version()
    for name in PYODIDE_FILES:
        _copy(pyodide / name, site / "assets" / "pyodide" / version / name)
    wheel = build_wheel()
    _copy(wheel, site / "assets" / "engine" / wheel.parent.name / wheel.name)


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
    # rebuild on changes to the engine, the definitions and the macros
    for path in ("checklists", "macros", "overrides"):
        server.watch(str(ROOT / path))
    return server
