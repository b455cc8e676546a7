"""The fast boot's bytecode: compiled inside Pyodide, traced, and backed by a fallback for any other import."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cx_engine", ROOT / "overrides/hooks/cx_engine.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_in_pyodide(stdlib: Path | None, engine: Path, options: dict, tmp: Path) -> dict:
    """Boot Pyodide under Node with this stdlib and engine zip (tests/site/pyodide_check.mjs) and report."""
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    (tmp / "options.json").write_text(json.dumps(options), encoding="utf-8")
    args = [str(ROOT / "node_modules/pyodide"), str(stdlib or ""), str(engine), str(tmp / "options.json")]
    command = ["node", str(Path(__file__).with_name("pyodide_check.mjs")), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-1500:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def built() -> Path:
    return hook().Engine(ROOT).build()


@pytest.fixture(scope="module")
def manifest(built: Path) -> dict:
    return json.loads((built / "manifest.json").read_text())


def real(definitions: dict) -> list[dict]:
    """Every shipped checklist as the page hands it to the worker."""
    return [checklist.to_dict() for checklist in definitions.values()]


def stdlib_modules(path: Path, suffix: str) -> set[str]:
    """The module names in a stdlib zip."""
    names = zipfile.ZipFile(path).namelist()
    return {n[: -len(suffix)].replace("/", ".").removesuffix(".__init__") for n in names if n.endswith(suffix)}


def test_the_traced_stdlib_is_what_start_up_and_every_operation_import(
    built: Path, manifest: dict, definitions: dict, tmp_path: Path
) -> None:
    shipped = stdlib_modules(built / "stdlib.zip", ".pyc")
    everything = stdlib_modules(ROOT / "node_modules/pyodide/python_stdlib.zip", ".py")
    assert set(manifest["modules"]) | {"cx_fallback"} == shipped
    assert set(manifest["traced"]) & everything == set(manifest["modules"]), "exactly the traced modules"
    assert set(manifest["boot"]) <= set(manifest["traced"]), "Pyodide's own start-up is part of the trace"
    assert {"statistics", "decimal", "fractions", "csv", "json", "html"} <= shipped, "the engine's imports"
    assert {"unittest", "pydoc", "email", "multiprocessing", "argparse"}.isdisjoint(shipped), "imported by nothing"
    assert set(manifest["missing"]) == everything - shipped, "the fallback knows every module left out"
    assert manifest["column_tables"] is False, "compiled without column tables (smaller bytecode)"
    # the real definitions, every operation, on the traced stdlib with the fallback installed: it is never needed
    options = {"modules": manifest["modules"], "definitions": real(definitions), "fallback": True}
    out = run_in_pyodide(built / "stdlib.zip", built / "engine.zip", options, tmp_path)
    engine = out["engine"]
    assert "error" not in engine, engine
    assert engine["requests"] > 5 * 30 and engine["score"] == 75 and "result" in engine["team"], engine
    assert engine["from"] == "/lib/cx_engine.zip/checklists/__init__.pyc"
    assert out["fallback"] == [] and out["requested"] == [] and out["warned"] == [], "nothing outside the trace"
    assert out["compiled_in_browser"] == [], "every module comes as bytecode"
    # some stdlib modules cannot be imported in Pyodide at all: those must fail the same way with Pyodide's
    # complete stdlib; anything that imports there must import from the traced zip too
    full = run_in_pyodide(None, built / "engine.zip", {"modules": manifest["modules"]}, tmp_path)
    assert out["failed"] == full["failed"]
    assert zipfile.ZipFile(built / "stdlib.zip").testzip() is None


FORCED = {
    # a module outside the trace, a package outside it, and a module of a package that is in it
    "tarfile": "module.TarInfo('cx.json').name",
    "email.mime.text": "module.MIMEText('hallo', 'plain', 'utf-8')['Content-Type']",
    "json.tool": "module.main.__module__",
}


def test_an_import_outside_the_traced_stdlib_loads_the_full_stdlib_once(
    built: Path, manifest: dict, definitions: dict, tmp_path: Path
) -> None:
    assert {"tarfile", "email", "json.tool"} <= set(manifest["missing"]) and "json" in manifest["modules"]
    options = {"definitions": [], "fallback": True, "force": FORCED}
    out = run_in_pyodide(built / "stdlib.zip", built / "engine.zip", options, tmp_path)
    assert out["forced"] == {
        "tarfile": "'cx.json'",
        "email.mime.text": "'text/plain; charset=\"utf-8\"'",
        "json.tool": "'json.tool'",
    }
    assert out["requested"] == ["https://example.invalid/REPO/assets/pyodide/314/python_stdlib.zip"], "once"
    assert len(out["warned"]) == 1 and "'tarfile' is not in the traced stdlib" in out["warned"][0]
    assert out["fallback"][0] == "tarfile" and {"email", "json.tool", "argparse"} <= set(out["fallback"])
    assert "error" not in out["engine"] and out["engine"]["requests"] > 30, "the engine works beside it"


def test_a_module_the_team_view_needs_is_found_by_the_fallback_or_missed(
    built: Path, manifest: dict, definitions: dict, tmp_path: Path
) -> None:
    # drop `statistics` (only the team view imports it): with the fallback the team view still works and the
    # console says why the full stdlib came; without it the same check fails, so the trace check can fail
    trimmed = tmp_path / "stdlib.zip"
    with zipfile.ZipFile(built / "stdlib.zip") as source, zipfile.ZipFile(trimmed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "statistics.pyc":
                out.writestr(info.filename, source.read(info.filename))
    options = {"modules": ["statistics"], "definitions": real(definitions)}
    caught = run_in_pyodide(trimmed, built / "engine.zip", {**options, "fallback": True}, tmp_path)
    assert caught["failed"] == [] and "error" not in caught["engine"], caught["engine"]
    assert caught["fallback"] == ["statistics"] and len(caught["requested"]) == 1
    assert "'statistics' is not in the traced stdlib" in caught["warned"][0]
    missed = run_in_pyodide(trimmed, built / "engine.zip", options, tmp_path)
    assert any(line.startswith("statistics:") for line in missed["failed"])
    assert "error" in missed["engine"], "the trace program's team request cannot run without statistics"


def test_the_engine_build_is_cached_by_the_content_of_every_input(tmp_path: Path) -> None:
    # a copy of the project's engine inputs; the two slow builders are replaced by fakes that count their calls
    module = hook()
    (tmp_path / "checklists").mkdir()
    for path in (ROOT / "checklists").glob("*.py"):
        shutil.copy2(path, tmp_path / "checklists" / path.name)
    (tmp_path / "node_modules").mkdir()
    shutil.copytree(ROOT / "node_modules/pyodide", tmp_path / "node_modules/pyodide", symlinks=True)
    calls: list[str] = []

    class Counting(module.Engine):
        def _wheel(self, staging: Path, out: Path) -> None:
            calls.append("wheel")
            out.mkdir(parents=True, exist_ok=True)
            (out / "cx_checklists-0-py3-none-any.whl").write_bytes(b"wheel")

        def _bytecode(self, staging: Path, out: Path) -> None:
            calls.append("bytecode")
            for name in module.OUTPUTS:
                (out / name).write_bytes(name.encode())

    engine = Counting(tmp_path)
    first = engine.build()
    assert first.name == engine.digest() and calls == ["wheel", "bytecode"]
    assert engine.build() == first and len(calls) == 2, "unchanged inputs: no second build"
    (tmp_path / "checklists/load.py").write_text("# build side only\n", encoding="utf-8")
    assert engine.build() == first and len(calls) == 2, "the YAML loader is not an input of the browser engine"
    scoring = tmp_path / "checklists/scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    second = engine.build()
    assert second != first and len(calls) == 4, "a changed engine module rebuilds"
    assert not first.exists(), "the previous inputs' build is removed"
    (tmp_path / "node_modules/pyodide/package.json").unlink()
    shutil.copy2(ROOT / "node_modules/pyodide/package.json", tmp_path / "node_modules/pyodide/package.json")
    assert engine.build() == second, "same content, new file: no rebuild"
