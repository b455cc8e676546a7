"""Shared fixtures: the real definitions and one strict build of the whole site per test session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SUMMARY: list[str] = []


def _free_port() -> int:
    # a port for the browser tests' server, known before the build so that site_url names it
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SITE_PORT = _free_port()
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/REPO/"
"""Where the browser tests serve the built site: a project path, as GitHub Pages serves it, on its own port."""


def report(line: str) -> None:
    """Add a line to the trust summary printed at the end of the run (pages, requests, violations, links…)."""
    SUMMARY.append(line.strip())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # the whole-site checks' figures, after the test results
    if SUMMARY:
        terminalreporter.section("site checks")
        for line in SUMMARY:
            terminalreporter.write_line(line)


def mkdocs_build(
    config: Path, site_dir: Path, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict`; returns the finished process (check returncode)."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config),
        "--site-dir",
        str(site_dir),
    ]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, cwd=config.parent, env=environment, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bilingual site, built once with --strict for the site and browser tests."""
    site = tmp_path_factory.mktemp("site")
    done = mkdocs_build(ROOT / "mkdocs.yml", site, env={"SITE_URL": SITE_URL})
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout[-4000:]}\n{done.stderr[-6000:]}"
    return site


@pytest.fixture(scope="session")
def definitions() -> dict:
    """Every shipped checklist definition, validated."""
    from checklists.load import load_all

    return load_all()
