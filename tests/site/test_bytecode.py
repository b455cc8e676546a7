"""The fast boot's bytecode: compiled inside Pyodide, trimmed, and still complete for everything the engine imports."""

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


def run_in_pyodide(stdlib: Path | None, engine: Path, modules: list[str], definitions: dict, tmp: Path) -> dict:
    """Boot Pyodide under Node with this stdlib and engine zip (tests/site/pyodide_check.mjs) and report."""
    if not shutil.which("node"):
        pytest.skip("node is not installed")
    (tmp / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    (tmp / "definition.json").write_text(json.dumps(definitions["leadership"].to_dict()), encoding="utf-8")
    args = [str(ROOT / "node_modules/pyodide"), str(stdlib or ""), str(engine), str(tmp / "modules.json")]
    command = ["node", str(Path(__file__).with_name("pyodide_check.mjs")), *args, str(tmp / "definition.json")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-1500:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def built() -> Path:
    return hook().Engine(ROOT).build()


def test_every_module_the_engine_can_import_is_in_the_trimmed_stdlib(
    built: Path, definitions: dict, tmp_path: Path
) -> None:
    manifest = json.loads((built / "manifest.json").read_text())
    shipped = {
        n[:-4].replace("/", ".").removesuffix(".__init__") for n in zipfile.ZipFile(built / "stdlib.zip").namelist()
    }
    assert set(manifest["modules"]) == shipped
    assert {"statistics", "decimal", "fractions", "csv", "json", "html", "zlib"} - shipped <= {
        "zlib"
    }  # zlib is built in
    out = run_in_pyodide(built / "stdlib.zip", built / "engine.zip", manifest["modules"], definitions, tmp_path)
    # some stdlib modules cannot be imported in Pyodide at all (Windows consoles, …): those must fail the same way
    # with Pyodide's complete stdlib; anything that imports there must import from the trimmed zip too
    full = run_in_pyodide(None, built / "engine.zip", manifest["modules"], definitions, tmp_path)
    assert out["failed"] == full["failed"]
    assert not any(name.split(":")[0] in {"statistics", "decimal", "csv", "json", "html"} for name in out["failed"])
    engine = out["engine"]
    assert "error" not in engine, engine
    assert engine["define"]["result"]["id"] == "leadership" and engine["score"] == 75
    assert "result" in engine["team"], engine["team"]
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
    out = run_in_pyodide(trimmed, built / "engine.zip", manifest["modules"], definitions, tmp_path)
    assert out["engine"]["team"]["error"]["code"] == "engine_error", "the team view cannot run, and says so"
    assert any(line.startswith("statistics:") for line in out["failed"])


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
