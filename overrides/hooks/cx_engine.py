"""The scoring engine in the site: the browser wheel, the fast-boot bytecode and snapshot, and their config.

One build, cached in `.cache/engine/<hash>/` by a content hash of every input (the engine's modules,
Pyodide's package and stdlib, the build programs next to this file). Pyodide itself comes from
`node_modules/pyodide` (pinned in package.json); nothing of it is committed.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BUILD_ONLY = {"load.py"}  # imports YAML: never shipped to the browser
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PROGRAMS = ("cx_engine_node.mjs", "cx_engine_trace.py", "cx_engine_compile.py", "cx_fallback.py")
OUTPUTS = ("stdlib.zip", "engine.zip", "snapshot.bin.gz", "manifest.json")


@dataclass(frozen=True)
class Engine:
    """Where one build of the engine lives: its inputs, its cache and the paths it is shipped under."""

    root: Path

    @property
    def package(self) -> Path:
        return self.root / "checklists"

    @property
    def pyodide(self) -> Path:
        return self.root / "node_modules" / "pyodide"

    def modules(self) -> list[Path]:
        """The stdlib-only modules of the engine package (everything but the build-side loader)."""
        return sorted(p for p in self.package.glob("*.py") if p.name not in BUILD_ONLY)

    def version(self) -> str:
        """`__version__` of the package, read without importing it."""
        for line in (self.package / "__init__.py").read_text(encoding="utf-8").splitlines():
            if line.startswith("__version__"):
                return line.split("=", 1)[1].strip().strip("\"'")
        raise PluginError("checklists/__init__.py has no __version__")

    def pyodide_version(self) -> str:
        """The installed Pyodide version, or a build error that says how to install it."""
        missing = [name for name in PYODIDE_FILES if not (self.pyodide / name).is_file()]
        if missing:
            raise PluginError(
                f"Pyodide is not installed (missing node_modules/pyodide/{missing[0]}): "
                "run `make serve` or `make build` (they run `npm ci`) before building the site."
            )
        return json.loads((self.pyodide / "package.json").read_text(encoding="utf-8"))["version"]

    def digest(self) -> str:
        """A content hash of every input: names the cache and the shipped engine's immutable path."""
        digest = hashlib.sha256()
        inputs = [*self.modules(), self.pyodide / "package.json", self.pyodide / "python_stdlib.zip"]
        for path in [*inputs, *(HERE / name for name in PROGRAMS)]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()[:12]

    def build(self) -> Path:
        """The cache directory with the wheel and the fast-boot files, built if missing."""
        self.pyodide_version()
        cache = self.root / ".cache" / "engine"
        target = cache / self.digest()
        if all((target / name).is_file() for name in OUTPUTS) and list(target.glob("*.whl")):
            return target
        cache.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="engine-build-", dir=cache.parent))
        try:
            staging = self._stage(work / "src")
            self._wheel(staging, work / "out")
            self._bytecode(staging, work / "out")
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(str(work / "out"), target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        for old in cache.iterdir():  # keep only the current inputs' build
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        return target

    def _stage(self, staging: Path) -> Path:
        # the browser package on its own, with the metadata of its wheel
        (staging / "checklists").mkdir(parents=True)
        for path in self.modules():
            shutil.copy2(path, staging / "checklists" / path.name)
        (staging / "pyproject.toml").write_text(_wheel_metadata(self.version()), encoding="utf-8")
        return staging

    def _wheel(self, staging: Path, out: Path) -> None:
        # a py3-none-any wheel with PyPA build: the fallback boot installs it with loadPackage
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(staging)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"building the engine wheel failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")

    def _bytecode(self, staging: Path, out: Path) -> None:
        # the traced stdlib, the engine's bytecode and the memory snapshot, made inside Pyodide under Node
        node = shutil.which("node")
        if not node:
            raise PluginError("Node.js is needed to compile Pyodide's bytecode: run `make serve` on a set-up machine.")
        command = [node, str(HERE / "cx_engine_node.mjs"), str(self.pyodide), str(staging), str(out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
        if done.returncode != 0:
            raise PluginError(f"compiling the bytecode in Pyodide failed:\n{done.stderr[-3000:]}")

    def config(self, built: Path) -> dict[str, Any]:
        """The engine config every engine page carries (site-root-relative paths; see overrides/main.html)."""
        from checklists.formats import MAX_BYTES
        from checklists.record import SCHEMA

        folder = f"assets/engine/{built.name}"
        lock = json.loads((self.pyodide / "pyodide-lock.json").read_text(encoding="utf-8"))
        return {
            "version": self.version(),
            "build": built.name,
            "schema": SCHEMA,
            "pyodide": f"assets/pyodide/{self.pyodide_version()}/",
            "wheel": f"{folder}/{next(built.glob('*.whl')).name}",
            "stdlib": f"{folder}/stdlib.zip",
            "bytecode": f"{folder}/checklists.zip",
            "memory": f"{folder}/snapshot.bin.gz",
            "lock": lock["info"],
            "max_bytes": MAX_BYTES,
            "download": self.download_bytes(built),
        }

    def download_bytes(self, built: Path) -> int:
        """What a first visit's worker fetches on the bytecode path (Pyodide's wasm, the stdlib, the engine), unpacked:
        the total the page's progress counts towards."""
        files = (self.pyodide / "pyodide.asm.wasm", built / "stdlib.zip", built / "engine.zip")
        return sum(path.stat().st_size for path in files if path.is_file())

    def ship(self, built: Path, site: Path) -> None:
        """Copy Pyodide's core files and the engine build into the site under their versioned paths."""
        config = self.config(built)
        for name in PYODIDE_FILES:
            _copy(self.pyodide / name, site / config["pyodide"] / name)
        shipped = {"wheel": next(built.glob("*.whl")), "stdlib": built / "stdlib.zip"}
        shipped |= {"bytecode": built / "engine.zip", "memory": built / "snapshot.bin.gz"}
        for key, source in shipped.items():
            _copy(source, site / config[key])


def _wheel_metadata(version: str) -> str:
    # the metadata of the browser wheel: the engine package only, no dependencies
    return f"""[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "cx-checklists"
version = "{version}"
description = "The CX playbook's checklist engine (stdlib only, for Pyodide)."
requires-python = ">=3.11"

[tool.setuptools]
packages = ["checklists"]
"""


def _copy(source: Path, target: Path) -> None:
    # copy unless an identical file is already there (the i18n plugin builds once per language)
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
