"""MkDocs hook: a fast boot for the engine, built inside Pyodide (under Node) at build time.

Pyodide's npm stdlib zip holds only sources, so every visit compiles ~150 modules. This hook runs
Pyodide once in Node to write (1) a stdlib zip of bytecode without docstrings, trimmed to what
Pyodide's own start-up and the engine can import (modulefinder's closure, so lazy imports are kept),
and (2) the engine as a bytecode zip. Both are cached by a content hash of their inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
ENGINE = ROOT / "checklists"
CACHE = ROOT / ".cache" / "bytecode"
BUILD_ONLY = {"load.py"}

# Runs in Node: boots the npm Pyodide, hands it the inputs, runs BUILD_PY, writes the outputs.
NODE_PROGRAM = r"""
import { loadPyodide } from process.env.CX_PYODIDE_MJS;
import fs from "node:fs";
const py = await loadPyodide({ indexURL: process.env.CX_PYODIDE_DIR });
py.FS.writeFile("/tmp/src.zip", fs.readFileSync(process.env.CX_PYODIDE_DIR + "python_stdlib.zip"));
py.FS.mkdirTree("/engine/checklists");
for (const name of JSON.parse(process.env.CX_ENGINE_FILES)) {
  py.FS.writeFile(`/engine/checklists/${name}`, fs.readFileSync(`${process.env.CX_ENGINE_DIR}/${name}`));
}
const manifest = py.runPython(process.env.CX_BUILD_PY);
const out = process.env.CX_OUT;
fs.writeFileSync(out + "/stdlib.zip", py.FS.readFile("/out/stdlib.zip"));
fs.writeFileSync(out + "/engine.zip", py.FS.readFile("/out/engine.zip"));
fs.writeFileSync(out + "/manifest.json", manifest);
// A memory snapshot of Pyodide booted from those two zips, with the engine imported: repeat visits boot from it.
const lock = JSON.parse(fs.readFileSync(process.env.CX_PYODIDE_DIR + "pyodide-lock.json", "utf8"));
const engine = fs.readFileSync(out + "/engine.zip");
const maker = await loadPyodide({
  indexURL: process.env.CX_PYODIDE_DIR,
  stdLibURL: out + "/stdlib.zip",
  lockFileContents: { info: lock.info, packages: {} },
  packageBaseUrl: process.env.CX_PYODIDE_DIR,
  env: { PYTHONPATH: "/lib/cx_engine.zip", LANG: "en_US.UTF-8" },
  fsInit: async (FS) => FS.writeFile("/lib/cx_engine.zip", new Uint8Array(engine)),
  _makeSnapshot: true,
  _sysExecutable: "./this.program",
});
maker.runPython("import checklists.api");
const zlib = await import("node:zlib");
fs.writeFileSync(out + "/snapshot.bin.gz", zlib.gzipSync(maker.makeMemorySnapshot(), { level: 9 }));
"""

BUILD_PY = r"""
import importlib._bootstrap_external as bootstrap
import json, modulefinder, os, sys, zipfile

STDLIB = "/lib/python314.zip"
boot = sorted(n for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").startswith(STDLIB))
names = os.listdir("/engine/checklists")
engine = sorted("checklists." + f[:-3] if f != "__init__.py" else "checklists" for f in names)
zipfile.ZipFile("/tmp/src.zip").extractall("/tmp/stdsrc")
finder = modulefinder.ModuleFinder(path=["/engine", "/tmp/stdsrc"])
for name in boot + engine:
    try:
        finder.import_hook(name)
    except ImportError:
        pass  # a builtin or frozen module: nothing to ship
needed = {n for n, m in finder.modules.items() if (m.__file__ or "").startswith("/tmp/stdsrc/")} | set(boot)
# imports modulefinder cannot see: made from C (_ctypes imports ctypes._layout) or by a computed name
HIDDEN = {"ctypes": ["ctypes._layout"], "sysconfig": ["_sysconfigdata__emscripten_wasm32-emscripten"]}
for parent, children in HIDDEN.items():
    if parent in needed:
        for child in children:
            finder.import_hook(child)
needed |= {n for n, m in finder.modules.items() if (m.__file__ or "").startswith("/tmp/stdsrc/")}


def module_name(path):
    name = path[:-3].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def pyc(source, filename, optimize):
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bootstrap._code_to_timestamp_pyc(code, 0, 0)


os.makedirs("/out", exist_ok=True)
src = zipfile.ZipFile("/tmp/src.zip")
shipped = []
with zipfile.ZipFile("/out/stdlib.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in src.infolist():
        name = module_name(info.filename) if info.filename.endswith(".py") else ""
        if name in needed:
            out.writestr(info.filename + "c", pyc(src.read(info.filename), STDLIB + "/" + info.filename, 2))
            shipped.append(name)
with zipfile.ZipFile("/out/engine.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for name in sorted(os.listdir("/engine/checklists")):
        source = open("/engine/checklists/" + name, "rb").read()
        out.writestr("checklists/" + name + "c", pyc(source, "/lib/cx_engine.zip/checklists/" + name, 0))
json.dumps({"python": sys.version.split()[0], "boot": boot, "engine": engine, "modules": sorted(shipped)})
"""


def _engine_files() -> list[Path]:
    return sorted(p for p in ENGINE.glob("*.py") if p.name not in BUILD_ONLY)


def inputs_hash() -> str:
    """A content hash of everything the bytecode depends on: Pyodide, its stdlib, the engine, this recipe."""
    digest = hashlib.sha256()
    for path in (PYODIDE / "package.json", PYODIDE / "python_stdlib.zip", *_engine_files()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(NODE_PROGRAM.encode() + BUILD_PY.encode())
    return digest.hexdigest()[:12]


def build() -> Path:
    """The cached directory with stdlib.zip, engine.zip and manifest.json, built in Node if missing."""
    target = CACHE / inputs_hash()
    if (target / "snapshot.bin.gz").is_file():
        return target
    node = shutil.which("node")
    if not node:
        raise PluginError("Node.js is needed to compile Pyodide's bytecode: run `make serve` on a set-up machine.")
    work = target.with_name(target.name + ".tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = {
        **os.environ,
        "CX_PYODIDE_MJS": (PYODIDE / "pyodide.mjs").as_uri(),
        "CX_PYODIDE_DIR": str(PYODIDE) + "/",
        "CX_ENGINE_DIR": str(ENGINE),
        "CX_ENGINE_FILES": json.dumps([p.name for p in _engine_files()]),
        "CX_BUILD_PY": BUILD_PY,
        "CX_OUT": str(work),
    }
    program = NODE_PROGRAM.replace("from process.env.CX_PYODIDE_MJS", f"from {json.dumps(env['CX_PYODIDE_MJS'])}")
    done = subprocess.run(
        [node, "--input-type=module", "-e", program], env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if done.returncode != 0:
        raise PluginError(f"compiling the bytecode in Pyodide failed:\n{done.stderr[-3000:]}")
    shutil.rmtree(target, ignore_errors=True)
    work.rename(target)
    for old in CACHE.iterdir():  # keep only the current inputs' build
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    # after the engine hook: add the bytecode files to what the worker loads
    built = build()
    engine = config.extra["cx_engine"]
    version = engine["pyodide"]
    engine["stdlib"] = f"assets/pyodide/{version}/cx-stdlib-{built.name}.zip"
    engine["bytecode"] = f"{engine['wheel'].rsplit('/', 1)[0]}/checklists-{built.name}.zip"
    engine["memory"] = f"{engine['wheel'].rsplit('/', 1)[0]}/snapshot-{built.name}.bin.gz"
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    engine["lock"] = json.dumps(lock["info"], separators=(",", ":"))
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    # ship both zips under their content-hashed names
    built = build()
    site = Path(config.site_dir)
    engine = config.extra["cx_engine"]
    shipped = (("stdlib.zip", "stdlib"), ("engine.zip", "bytecode"), ("snapshot.bin.gz", "memory"))
    for source, target in ((built / name, engine[key]) for name, key in shipped):
        destination = site / target
        if not destination.is_file():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
