"""The fast boot's bytecode: compiled inside Pyodide, trimmed, and still complete for everything the engine imports."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

CHECK = r"""
import { loadPyodide } from "PYODIDE_MJS";
import fs from "node:fs";
const [stdlib, engine, modules, definition] = JSON.parse(process.env.CX_ARGS);
const py = await loadPyodide({
  indexURL: process.env.CX_PYODIDE_DIR,
  ...(stdlib ? { stdLibURL: stdlib } : {}),
  lockFileContents: JSON.parse(process.env.CX_LOCK),
  packageBaseUrl: process.env.CX_PYODIDE_DIR,
  env: { PYTHONPATH: "/lib/cx_engine.zip" },
  fsInit: async (FS) => FS.writeFile("/lib/cx_engine.zip", fs.readFileSync(engine)),
});
py.globals.set("MODULES", py.toPy(modules));
py.globals.set("DEFINITION", definition);
console.log(py.runPython(`
import importlib, json, sys
failed = []
for name in MODULES:
    if name.endswith(".__main__"):
        continue  # scripts, not modules: importing one runs it
    try:
        importlib.import_module(name)
    except BaseException as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
engine = {}
try:
    from checklists import api
    engine["define"] = json.loads(api.handle(json.dumps({"op": "define", "args": {"definition": json.loads(DEFINITION)}})))
    args = {"checklist_id": "leadership", "answers": {"vision-purpose": 4}, "lang": "en"}
    engine["score"] = json.loads(api.handle(json.dumps({"op": "score", "args": args})))["result"]["overall"]
    engine["team"] = "result" in json.loads(api.handle(json.dumps({"op": "team", "args": {"files": [], "lang": "nl"}})))
    engine["from"] = sys.modules["checklists"].__file__
except BaseException as error:
    engine["error"] = f"{type(error).__name__}: {error}"
compiled = sorted(
    n for n, m in sys.modules.items()
    if (getattr(m, "__file__", None) or "").endswith(".py") and getattr(m.__spec__, "origin", "") != "frozen"
)
json.dumps({"failed": failed, "engine": engine, "compiled_in_browser": compiled})
`));
"""


def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bytecode_hook", ROOT / "overrides/hooks/bytecode.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_in_pyodide(stdlib: Path | None, engine: Path, modules: list[str], definitions: dict) -> dict:
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    pyodide = ROOT / "node_modules" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    env = {
        "CX_PYODIDE_DIR": str(pyodide) + "/",
        "CX_LOCK": json.dumps({"info": lock["info"], "packages": {}}),
        "CX_ARGS": json.dumps([str(stdlib) if stdlib else None, str(engine), modules, json.dumps(definitions["leadership"].to_dict())]),
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    program = CHECK.replace("PYODIDE_MJS", (pyodide / "pyodide.mjs").as_uri())
    done = subprocess.run(["node", "--input-type=module", "-e", program], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-1500:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def built() -> Path:
    return hook().build()


def test_every_module_the_engine_can_import_is_in_the_trimmed_stdlib(built: Path, definitions: dict) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    shipped = {n[:-4].replace("/", ".").removesuffix(".__init__") for n in zipfile.ZipFile(built / "stdlib.zip").namelist()}
    assert set(manifest["modules"]) == shipped
    assert {"statistics", "decimal", "fractions", "csv", "json", "html", "zlib"} - shipped <= {"zlib"}  # zlib is built in
    out = run_in_pyodide(built / "stdlib.zip", built / "engine.zip", manifest["modules"], definitions)
    # some stdlib modules cannot be imported in Pyodide at all (Windows consoles, …): those must fail the same way
    # with Pyodide's complete stdlib; anything that imports there must import from the trimmed zip too
    full = run_in_pyodide(None, built / "engine.zip", manifest["modules"], definitions)
    assert out["failed"] == full["failed"]
    assert not any(name.split(":")[0] in {"statistics", "decimal", "csv", "json", "html"} for name in out["failed"])
    engine = out["engine"]
    assert "error" not in engine, engine
    assert engine["define"]["result"]["id"] == "leadership" and engine["score"] == 75 and engine["team"]
    assert out["compiled_in_browser"] == [], "every module comes as bytecode"
    assert engine["from"] == "/lib/cx_engine.zip/checklists/__init__.pyc"
    assert zipfile.ZipFile(built / "stdlib.zip").testzip() is None
    source = ROOT / "node_modules/pyodide/python_stdlib.zip"
    assert len(shipped) < len([n for n in zipfile.ZipFile(source).namelist() if n.endswith(".py")])


def test_a_missing_module_is_caught(built: Path, definitions: dict, tmp_path: Path) -> None:
    # negative control: drop `statistics` (the team view needs it) and the same check must fail
    trimmed = tmp_path / "stdlib.zip"
    with zipfile.ZipFile(built / "stdlib.zip") as source, zipfile.ZipFile(trimmed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "statistics.pyc":
                out.writestr(info.filename, source.read(info.filename))
    manifest = json.loads((built / "manifest.json").read_text())
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    out = run_in_pyodide(trimmed, built / "engine.zip", manifest["modules"], definitions)
    assert "No module named 'statistics'" in out["engine"]["error"]
    assert any(line.startswith("statistics:") for line in out["failed"])


def test_bytecode_is_cached_by_its_inputs(built: Path) -> None:
    module = hook()
    assert built.name == module.inputs_hash()
    assert module.build() == built  # no second compile
