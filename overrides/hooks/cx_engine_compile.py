"""Run inside Pyodide (under Node) at build time: the engine as bytecode, and a stdlib trimmed to what it needs.

Pyodide's npm stdlib zip holds only sources, so every visit would compile ~150 modules. `main()` writes
(1) a stdlib zip of bytecode without docstrings, trimmed to what Pyodide's own start-up and the engine can
import (modulefinder's closure, so lazy imports are kept), and (2) the engine package as a bytecode zip.
`cx_engine_node.mjs` calls it; `cx_engine.py` caches the result by a content hash of every input.
"""

from __future__ import annotations

import contextlib
import importlib._bootstrap_external as bootstrap
import json
import modulefinder
import os
import sys
import zipfile

STDLIB = "/lib/python314.zip"  # where Pyodide mounts its stdlib
ENGINE_ZIP = "/lib/cx_engine.zip"  # where the worker mounts the engine (cx-worker.mjs)
# imports modulefinder cannot see: made from C (_ctypes imports ctypes._layout) or by a computed name
HIDDEN = {"ctypes": ["ctypes._layout"], "sysconfig": ["_sysconfigdata__emscripten_wasm32-emscripten"]}


def module_name(path: str) -> str:
    """`a/b/__init__.py` → `a.b`, `a/c.py` → `a.c`."""
    name = path[:-3].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def pyc(source: bytes, filename: str, optimize: int) -> bytes:
    """The bytecode file for `source`, as the import system would write it."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bootstrap._code_to_timestamp_pyc(code, 0, 0)


def needed_modules(sources: str, engine_dir: str, engine: list[str], boot: list[str]) -> set[str]:
    """Every stdlib module that Pyodide's start-up or the engine can import, by name."""
    finder = modulefinder.ModuleFinder(path=[engine_dir, sources])
    for name in boot + engine:
        with contextlib.suppress(ImportError):  # a builtin or frozen module: nothing to ship
            finder.import_hook(name)
    needed = {n for n, m in finder.modules.items() if (m.__file__ or "").startswith(sources + "/")} | set(boot)
    for parent, children in HIDDEN.items():
        if parent in needed:
            for child in children:
                finder.import_hook(child)
    return needed | {n for n, m in finder.modules.items() if (m.__file__ or "").startswith(sources + "/")}


def main(stdlib_zip: str, engine_dir: str, out: str) -> str:
    """Write `out`/stdlib.zip and `out`/engine.zip; return the manifest (JSON) of what was shipped."""
    boot = sorted(n for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").startswith(STDLIB))
    package = os.path.join(engine_dir, "checklists")
    names = sorted(os.listdir(package))
    engine = ["checklists" if f == "__init__.py" else "checklists." + f[:-3] for f in names]
    sources = "/tmp/stdsrc"
    zipfile.ZipFile(stdlib_zip).extractall(sources)
    needed = needed_modules(sources, engine_dir, engine, boot)
    os.makedirs(out, exist_ok=True)
    shipped = []
    src = zipfile.ZipFile(stdlib_zip)
    with zipfile.ZipFile(f"{out}/stdlib.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in src.infolist():
            name = module_name(info.filename) if info.filename.endswith(".py") else ""
            if name in needed:
                target.writestr(info.filename + "c", pyc(src.read(info.filename), f"{STDLIB}/{info.filename}", 2))
                shipped.append(name)
    with zipfile.ZipFile(f"{out}/engine.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in names:
            with open(os.path.join(package, name), "rb") as handle:
                code = pyc(handle.read(), f"{ENGINE_ZIP}/checklists/{name}", 0)
            target.writestr(f"checklists/{name}c", code)
    return json.dumps({"python": sys.version.split()[0], "boot": boot, "engine": engine, "modules": sorted(shipped)})
