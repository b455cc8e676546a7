"""Run inside Pyodide (under Node) at build time: the engine as bytecode, and a stdlib of only the modules traced.

Pyodide's npm stdlib zip holds only sources, so every visit would compile what it imports. `main()` writes
(1) a stdlib zip of bytecode without docstrings or column tables, holding exactly the modules that Pyodide's
start-up, the engine's import and every engine operation imported at build time (`cx_engine_node.mjs` traces
them with `cx_engine_trace.py`), plus `cx_fallback`, which loads the full stdlib for any other import; and
(2) the engine package as a bytecode zip. `cx_engine.py` caches the result by a content hash of every input.
"""

from __future__ import annotations

import importlib._bootstrap_external as bootstrap
import json
import os
import sys
import zipfile

STDLIB = "/lib/python314.zip"  # where Pyodide mounts its stdlib
ENGINE_ZIP = "/lib/cx_engine.zip"  # where the worker mounts the engine (cx-worker.mjs)


def module_name(path: str) -> str:
    """`a/b/__init__.py` → `a.b`, `a/c.py` → `a.c`."""
    name = path[:-3].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def pyc(source: bytes, filename: str, optimize: int) -> bytes:
    """The bytecode file for `source`, as the import system would write it (column tables only if enabled)."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bootstrap._code_to_timestamp_pyc(code, 0, 0)


def main(stdlib_zip: str, engine_dir: str, fallback: str, traced: str, out: str) -> str:
    """Write `out`/stdlib.zip and `out`/engine.zip; return the manifest (JSON) of what was shipped."""
    record = json.loads(traced)
    needed = set(record["traced"])
    os.makedirs(out, exist_ok=True)
    shipped, missing = [], []
    src = zipfile.ZipFile(stdlib_zip)
    with zipfile.ZipFile(f"{out}/stdlib.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in src.infolist():
            name = module_name(info.filename) if info.filename.endswith(".py") else ""
            if name in needed:
                target.writestr(info.filename + "c", pyc(src.read(info.filename), f"{STDLIB}/{info.filename}", 2))
                shipped.append(name)
            elif name:
                missing.append(name)
        names = " ".join(sorted([*shipped, *missing]))
        with open(fallback, "rb") as handle:
            source = handle.read() + f"\nSTDLIB = frozenset({names!r}.split())\n".encode()
        target.writestr("cx_fallback.pyc", pyc(source, f"{STDLIB}/cx_fallback.py", 2))
    with zipfile.ZipFile(f"{out}/engine.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name in sorted(os.listdir(os.path.join(engine_dir, "checklists"))):
            with open(os.path.join(engine_dir, "checklists", name), "rb") as handle:
                code = pyc(handle.read(), f"{ENGINE_ZIP}/checklists/{name}", 0)
            target.writestr(f"checklists/{name}c", code)
    manifest = {
        "python": sys.version.split()[0],
        "column_tables": any(c is not None for _, _, c, _ in compile("x", "", "eval").co_positions()),
        **record,
        "modules": sorted(shipped),
        "missing": sorted(missing),
    }
    return json.dumps(manifest)
