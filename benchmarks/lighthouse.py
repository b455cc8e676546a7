"""Lighthouse (npm, pinned in package.json) against Debian Chromium: one audit of one page, summed up.

Each run launches Chromium through Lighthouse's own launcher with a fresh profile and the test suite's flags,
mobile (Lighthouse's default: simulated slow 4G and a 4× slower CPU) or desktop (`--preset=desktop`). Every
request the page made is checked to stay on 127.0.0.1: Lighthouse may not reach off the machine.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"LCP": "largest-contentful-paint", "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift"}
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-dev-shm-usage"
)


def audit(url: str, form_factor: str, chromium: str) -> dict[str, Any]:
    """One Lighthouse run: the four category scores (0–100), LCP and TBT (ms), CLS, and what it complained of."""
    with tempfile.TemporaryDirectory(prefix="cx-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={FLAGS}",
            "--max-wait-for-load=90000",
            *(["--preset=desktop"] if form_factor == "desktop" else []),
        ]
        # HOME in the temporary folder: Lighthouse keeps no settings between runs
        env = {**os.environ, "CHROME_PATH": chromium, "HOME": tmp, "CI": "1"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
        if done.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    return summary(report)


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """The figures RESULTS.md shows, from a Lighthouse JSON report."""
    audits = report["audits"]
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    metrics = {short: audits[key]["numericValue"] for short, key in METRICS.items()}
    failed = sorted(
        ref["id"]
        for name in CATEGORIES
        if name != "performance"
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    )
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    offsite = sorted(
        {
            r["url"]
            for r in requests
            if not r["url"].startswith(("http://127.0.0.1:", "data:", "blob:", "chrome-extension:"))
        }
    )
    return {
        **scores,
        **metrics,
        "failed": failed,
        "offsite": offsite,
        "lighthouse": report["lighthouseVersion"],
        "benchmark index": report["environment"]["benchmarkIndex"],
    }


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median performance score (its own LCP, TBT and CLS), plus what any run complained of."""
    ordered = sorted(runs, key=lambda run: (run["performance"], -run["TBT"]))
    chosen = dict(ordered[len(ordered) // 2])
    chosen["failed"] = sorted({audit for run in runs for audit in run["failed"]})
    chosen["offsite"] = sorted({url for run in runs for url in run["offsite"]})
    chosen["TBT median"] = statistics.median(run["TBT"] for run in runs)
    chosen["runs"] = len(runs)
    return chosen
