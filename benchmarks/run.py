"""The performance harness (`make bench`): what a reader feels, measured beside the bare Pyodide runtime.

Headless Debian Chromium (Playwright) against the built site on 127.0.0.1, served gzip-encoded with
`Cache-Control: max-age=600` like GitHub Pages; every figure is the median of RUNS interleaved runs. A phone on
slow 4G is emulated through the DevTools protocol; Lighthouse (npm) audits five pages, mobile and desktop
(benchmarks/lighthouse.py). The machine's load is recorded per step. Writes benchmarks/RESULTS.md and prints
it. Benchmarks report; the test suite times nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.lighthouse import audit, median_run  # noqa: E402
from benchmarks.server import Ledger, serve  # noqa: E402
from checklists.formats import export_dict  # noqa: E402
from checklists.load import load_all  # noqa: E402
from checklists.record import respond  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402

RUNS = 5
NETWORKS: dict[str, tuple[float, int] | None] = {
    "localhost": None,
    "100 Mbit/s, 20 ms": (100e6, 20),
    "20 Mbit/s, 40 ms": (20e6, 40),
}
READY_TARGETS = {
    "cold": {"localhost": 0.45, "100 Mbit/s, 20 ms": 0.50, "20 Mbit/s, 40 ms": 0.60},
    "warm": {"localhost": 0.40, "100 Mbit/s, 20 ms": 0.50, "20 Mbit/s, 40 ms": 0.70},
}
PHONE = {"name": "phone, slow 4G (1.6 Mbit/s, 150 ms, CPU 4×)", "network": (1.6e6, 150), "cpu": 4}
PHONE_RUNS = 3  # each cold run downloads a whole runtime at 1.6 Mbit/s: about half a minute
LIGHTHOUSE_PAGES = {
    "home (nl)": "",
    "home (en)": "en/",
    "chapter": "blocks/culture/",
    "checklist": "checklists/leadership/",
    "team view": "checklists/team/",
}
LIGHTHOUSE_RUNS = 3
CHECKLIST = "checklists/leadership/"
LONGTASKS = """
window.__longtasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""
LAST_SHOWN = """
window.__lastShownAt = null;
new MutationObserver((records, observer) => {
  if (!document.querySelector("[data-cx-from-last-visit]")) return;
  observer.disconnect();
  requestAnimationFrame(() => { window.__lastShownAt = performance.now(); });
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-cx-from-last-visit"] });
"""


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- building -------------------------------------------------------------------------------------------------------


def mkdocs_build(config: Path, out: Path, site_url: str = "http://127.0.0.1/REPO/") -> float:
    """Build a site (with the URL it is served at, as the Pages build has its own); returns wall-clock seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    return time.perf_counter() - start


def plain_config(directory: Path, content: bool = False) -> Path:
    """The same Markdown and navigation with plain Material: no overrides or hooks, and no macros unless `content`.

    With `content`, the macros still render what they put on the pages (play cards, citations, workshop cards, the
    sources page), so the two sites carry the same words and differ only by the project's own machinery.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^  custom_dir: overrides\n", "", text, flags=re.M)
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    if content:
        text = text.replace("module_name: macros", f"module_name: {ROOT / 'macros'}")
    else:
        text = re.sub(r"^  - macros:\n(?:      .*\n)+", "", text, flags=re.M)
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    config = directory / ("mkdocs-plain-content.yml" if content else "mkdocs-plain.yml")
    config.write_text(text, encoding="utf-8")
    return config


# --- the browser ------------------------------------------------------------------------------------------------------


class Lab:
    """One Playwright and Chromium; a fresh profile (cold) or the same one again (warm) per run."""

    def __init__(self, playwright: Any, executable: str, work: Path) -> None:
        self.playwright = playwright
        self.executable = executable
        self.work = work

    def profile(self, service_workers: str = "block") -> Any:
        directory = Path(tempfile.mkdtemp(prefix="profile-", dir=self.work))
        return self.playwright.chromium.launch_persistent_context(
            str(directory),
            executable_path=self.executable,
            headless=True,
            args=CHROMIUM_ARGS,
            service_workers=service_workers,
        )

    @contextmanager
    def fresh_page(self) -> Iterator[Any]:
        """A page in a fresh profile on localhost, closed (with its profile) afterwards."""
        context = self.profile()
        try:
            yield self.page(context, None)
        finally:
            context.close()

    @staticmethod
    def page(context: Any, network: tuple[float, int] | None, cpu: float = 1) -> Any:
        page = context.new_page()
        page.add_init_script(LONGTASKS)
        if cpu != 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu})
        if network:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            bits, latency = network
            cdp.send(
                "Network.emulateNetworkConditions",
                {"offline": False, "latency": latency, "downloadThroughput": bits / 8, "uploadThroughput": bits / 8},
            )
        return page


def ready_at(page: Any, url: str, bare: bool) -> float:
    """Navigate and return ms from navigation start until the engine answered its first request."""
    page.goto(url, wait_until="commit")
    selector = "body[data-ready-at]" if bare else "[data-cx-ready-at]"
    page.wait_for_selector(selector, state="attached", timeout=180_000)
    attribute = "data-ready-at" if bare else "data-cx-ready-at"
    return float(page.get_attribute(selector, attribute))


def keep_snapshot(page: Any) -> None:
    """Stay on the page until the worker kept the snapshot for the next visit, as a reader answering would."""
    worker = next(w for w in page.workers if "cx-worker" in w.url)
    deadline = time.monotonic() + 120
    while not worker.evaluate("self.cxSnapshotKept === true"):
        if time.monotonic() > deadline:
            raise TimeoutError("the worker did not keep the snapshot")
        time.sleep(0.25)


def blocking(page: Any, until: float) -> tuple[float, float]:
    """Long tasks on the main thread: while the engine loads (worker start → ready), and for the whole page."""
    tasks = page.evaluate("() => window.__longtasks")
    start = float(page.get_attribute("[data-cx-start-at]", "data-cx-start-at"))
    during = sum(duration for begin, duration in tasks if start <= begin < until)
    return during, sum(duration for begin, duration in tasks if begin < until)


WAIT_RENDER = """
async ([selector, index]) => {
  const panel = document.querySelector('[data-cx-result-for]');
  const before = Number(panel.dataset.cxRenders || 0);
  const inputs = document.querySelectorAll(selector);
  const t0 = performance.now();
  inputs[index].click();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (Number(panel.dataset.cxRenders || 0) > before) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(panel, { attributes: true, attributeFilter: ["data-cx-renders"] });
  });
  return performance.now() - t0;
}
"""


# --- measurements ----------------------------------------------------------------------------------------------------


def engine_ready(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """Measure 1 (and 4): engine ready, cold and warm, project vs bare, per network; main-thread blocking."""
    bare = f"{base}__bare/?{results['bare_query']}"
    for network_name, network in NETWORKS.items():
        figures: dict[tuple[str, str], list[float]] = {}
        blocked: list[tuple[float, float]] = []
        for _ in range(RUNS):
            for variant, url in (("project", base + CHECKLIST), ("bare", bare)):
                context = lab.profile()
                try:
                    for visit in ("cold", "warm"):
                        page = lab.page(context, network)
                        value = ready_at(page, url, variant == "bare")
                        figures.setdefault((variant, visit), []).append(value)
                        if variant == "project" and visit == "cold":
                            if network is None:
                                blocked.append(blocking(page, value))
                            keep_snapshot(page)
                        page.close()
                finally:
                    context.close()
        results["ready"][network_name] = {f"{v}/{w}": median(x) for (v, w), x in figures.items()}
        if blocked:
            results["blocking_ms"] = median([during for during, _ in blocked])
            results["page_long_tasks_ms"] = median([whole for _, whole in blocked])


def first_score(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """Measure 2: first score after a first answer given 3, 5 and 10 s after load."""
    scenarios = [("localhost", 3), ("localhost", 5), ("localhost", 10), ("20 Mbit/s, 40 ms", 10)]
    for network_name, seconds in scenarios:
        values = []
        for _ in range(RUNS):
            context = lab.profile()
            try:
                page = lab.page(context, NETWORKS[network_name])
                page.goto(base + CHECKLIST, wait_until="domcontentloaded")
                page.wait_for_function("ms => performance.now() >= ms", arg=seconds * 1000, polling=20, timeout=60_000)
                values.append(page.evaluate(WAIT_RENDER, ["form.cx-checklist input[type=radio]", 3]))
            finally:
                context.close()
        results["first_score"][f"{network_name} at {seconds} s"] = median(values)


def update_latency(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """Measure 3: input event → result in the DOM, p50/p95 over 200 changes, engine ready."""
    context = lab.profile()
    try:
        page = lab.page(context, None)
        ready_at(page, base + CHECKLIST, bare=False)
        # question i % 36, option (i // 36) % 6: every click changes that question's answer
        latencies = [
            page.evaluate(WAIT_RENDER, ["form.cx-checklist input[type=radio]", 6 * (i % 36) + (i // 36) % 6])
            for i in range(200)
        ]
    finally:
        context.close()
    ordered = sorted(latencies)
    results["update"] = {"p50": ordered[len(ordered) // 2], "p95": ordered[int(len(ordered) * 0.95) - 1]}


FIRST_ANSWER = """
window.__firstScoreAt = null;
document.addEventListener("DOMContentLoaded", () => {
  const panel = document.querySelector("[data-cx-result-for]");
  document.querySelectorAll("form.cx-checklist input[type=radio]")[3].click();
  new MutationObserver((records, observer) => {
    if (Number(panel.dataset.cxRenders || 0) < 1) return;
    observer.disconnect();
    window.__firstScoreAt = performance.now();
  }).observe(panel, { attributes: true, attributeFilter: ["data-cx-renders"] });
});
"""


def phone(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """A phone on slow 4G, cold: engine ready, project vs bare, and the first score of an answer given at once.

    Network and CPU are emulated through the DevTools protocol as Lighthouse's mobile profile describes them. The
    reader answers a first statement as soon as the page is parsed; the score counts when the engine's first
    result (which includes that answer) is on the page.
    """
    network, cpu = PHONE["network"], PHONE["cpu"]
    figures: dict[str, list[float]] = {"project": [], "bare": [], "first score": []}
    for _ in range(PHONE_RUNS):
        for variant in ("project", "bare"):
            context = lab.profile()
            try:
                page = lab.page(context, network, cpu)
                if variant == "project":
                    page.add_init_script(FIRST_ANSWER)
                    figures["project"].append(ready_at(page, base + CHECKLIST, bare=False))
                    page.wait_for_function("() => window.__firstScoreAt !== null", timeout=180_000)
                    figures["first score"].append(page.evaluate("() => window.__firstScoreAt"))
                else:
                    figures["bare"].append(ready_at(page, f"{base}__bare/?{results['bare_query']}", bare=True))
            finally:
                context.close()
    results["phone"] = {name: median(values) for name, values in figures.items()}


def lighthouse(base: str, chromium: str, results: dict[str, Any]) -> None:
    """Lighthouse, mobile and desktop, on the home pages, a chapter, the leadership checklist and the team view."""
    for form_factor in ("mobile", "desktop"):
        for name, path in LIGHTHOUSE_PAGES.items():
            runs = [audit(base + path, form_factor, chromium) for _ in range(LIGHTHOUSE_RUNS)]
            results["lighthouse"][f"{form_factor}/{name}"] = median_run(runs)


FIRST_PAINT = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null"


def repeat_visit(lab: Lab, base: str, plain_base: str, results: dict[str, Any]) -> None:
    """Measure 8: a repeat visit, navigation start → the last result on screen (and → the engine ready).

    For context, the first contentful paint of the same page and of plain Material's chapter page, warm: on a
    slow machine no page paints sooner than Material's own.
    """
    shown, ready, painted, plain = [], [], [], []
    for _ in range(RUNS):
        context = lab.profile()
        try:
            page = lab.page(context, None)
            ready_at(page, base + CHECKLIST, bare=False)
            page.evaluate(WAIT_RENDER, ["form.cx-checklist input[type=radio]", 3])  # an answer: its result is kept
            page.wait_for_function("() => Object.keys(localStorage).some((key) => key.endsWith(':last'))")
            page.close()
            page = lab.page(context, None)
            page.add_init_script(LAST_SHOWN)
            ready.append(ready_at(page, base + CHECKLIST, bare=False))
            page.wait_for_function("() => window.__lastShownAt !== null", timeout=60_000)
            page.wait_for_function(FIRST_PAINT)
            painted.append(page.evaluate(FIRST_PAINT))
            # on screen with the frame after its insertion, and never before the page's own first paint
            shown.append(max(page.evaluate("() => window.__lastShownAt"), painted[-1]))
        finally:
            context.close()
        context = lab.profile()
        try:
            for _visit in ("cold", "warm"):
                page = lab.page(context, None)
                page.goto(plain_base + "blocks/culture/", wait_until="load")
                page.wait_for_function(FIRST_PAINT)
                first_paint = page.evaluate(FIRST_PAINT)
                page.close()
            plain.append(first_paint)
        finally:
            context.close()
    results["repeat"] = {
        "last result": median(shown),
        "engine ready": median(ready),
        "first paint": median(painted),
        "after paint": median([on - paint for on, paint in zip(shown, painted, strict=True)]),
        "plain first paint": median(plain),
    }


def page_bytes(
    lab: Lab, base: str, ledger: Ledger, plains: dict[str, tuple[str, Ledger]], results: dict[str, Any]
) -> None:
    """Measure 5: bytes per page type, cold and warm, raw and gzip; chapter vs plain Material (on the same content,
    and on the bare Markdown); engine vs bare."""
    pages = {"chapter": "blocks/culture/", "checklist": CHECKLIST, "team view": "checklists/team/"}
    for name, path in pages.items():
        context = lab.profile()
        try:
            for visit in ("cold", "warm"):
                ledger.reset()
                page = lab.page(context, None)
                if name == "chapter":
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(1500)
                else:
                    ready_at(page, base + path, bare=False)
                    page.wait_for_timeout(500)
                raw, wire = ledger.totals()
                _, pyodide_wire = ledger.totals("/assets/pyodide/")
                _, engine_wire = ledger.totals("/assets/engine/")
                results["bytes"][f"{name}/{visit}"] = {
                    "raw": raw,
                    "gzip": wire,
                    "pyodide": pyodide_wire,
                    "engine": pyodide_wire + engine_wire,
                }
                page.close()
        finally:
            context.close()
    for name, (plain_base, plain_ledger) in plains.items():
        with lab.fresh_page() as page:
            plain_ledger.reset()
            page.goto(plain_base + pages["chapter"], wait_until="load")
            page.wait_for_timeout(1500)
            results["bytes"][f"{name}/cold"] = dict(zip(("raw", "gzip"), plain_ledger.totals(), strict=True))
    with lab.fresh_page() as page:
        ledger.reset()
        ready_at(page, f"{base}__bare/?{results['bare_query']}", bare=True)
        _, pyodide_wire = ledger.totals("/assets/pyodide/")
        _, engine_wire = ledger.totals("/assets/engine/")
        results["bytes"]["bare engine/cold"] = {"engine": pyodide_wire + engine_wire}


def offline_visit(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """Measure 6: a repeat visit with the network cut (service worker) vs the online warm visit."""
    online, offline = [], []
    for _ in range(RUNS):
        context = lab.profile(service_workers="allow")
        try:
            page = lab.page(context, None)
            ready_at(page, base + CHECKLIST, bare=False)
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
            page.evaluate("() => navigator.serviceWorker.ready")
            page.close()
            page = lab.page(context, None)
            online.append(ready_at(page, base + CHECKLIST, bare=False))
            page.close()
            context.set_offline(True)
            page = lab.page(context, None)
            offline.append(ready_at(page, base + CHECKLIST, bare=False))
        finally:
            context.close()
    results["offline"] = {"online warm": median(online), "offline": median(offline)}


def team_scale(lab: Lab, base: str, results: dict[str, Any]) -> None:
    """Measure 7: aggregate and render 10, 100 and 1,000 exports in the browser."""
    leadership = load_all()["leadership"]
    rnd = random.Random(7)
    roles = ["board", "manager", "employee", "employee", "other"]

    def files(count: int) -> list[dict[str, Any]]:
        made = []
        for i in range(count):
            answers = {q: rnd.choice([1, 2, 3, 4, 5, "unknown"]) for q in leadership.question_ids}
            export = respond(
                leadership,
                answers,
                language=rnd.choice(["nl", "en"]),
                role=roles[i % 5],
                date=f"2026-11-23T10:{i // 60:02d}:{i % 60:02d}.{i:04d}Z",
            )
            made.append(
                {
                    "name": f"r{i}.json",
                    "mimeType": "application/json",
                    "buffer": json.dumps(export_dict(export)).encode(),
                }
            )
        return made

    context = lab.profile()
    try:
        page = lab.page(context, None)
        page.on("dialog", lambda dialog: dialog.accept())  # "Start a new session?" before each round
        page.goto(base + "checklists/team/")
        page.wait_for_selector("[data-cx-teamview][data-cx-engine-state=ready]", state="attached", timeout=180_000)
        page.evaluate("""() => document.querySelector('[data-cx-team-files]').addEventListener(
            'change', () => { window.__changeAt = performance.now(); }, true)""")
        for count in (10, 100, 1000):
            payload = files(count)
            values = []
            for _ in range(RUNS):
                page.click("[data-cx-team-clear]")
                page.wait_for_timeout(200)
                before = int(page.get_attribute("[data-cx-teamview]", "data-cx-team-renders") or 0)
                page.set_input_files("[data-cx-team-files]", payload)
                page.wait_for_function(
                    "n => Number(document.querySelector('[data-cx-teamview]').dataset.cxTeamRenders) > n",
                    arg=before,
                    timeout=120_000,
                )
                values.append(
                    page.evaluate(
                        "() => Number(document.querySelector('[data-cx-teamview]').dataset.cxTeamRenderAt)"
                        " - window.__changeAt"
                    )
                )
            results["team"][count] = median(values)
    finally:
        context.close()


def builds(work: Path, results: dict[str, Any]) -> None:
    """Measure 9: the full bilingual build vs plain Material on the same Markdown (engine cached), and clean."""
    plain = plain_config(work)
    full, bare = [], []
    for _ in range(RUNS):
        full.append(mkdocs_build(ROOT / "mkdocs.yml", work / "build-full"))
        bare.append(mkdocs_build(plain, work / "build-plain"))
    cache = ROOT / ".cache"
    moved = work / "cache-aside"
    if cache.exists():
        shutil.move(str(cache), moved)
    try:
        clean = mkdocs_build(ROOT / "mkdocs.yml", work / "build-clean")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if moved.exists():
            shutil.move(str(moved), cache)
    results["build"] = {"full": median(full), "plain": median(bare), "clean": clean}


# --- report ----------------------------------------------------------------------------------------------------------


SAME_CONTENT = "plain chapter, same content/cold"
"""Plain Material's chapter built with the macros: the same words as the project's, without its machinery."""


def mark(value: float, target: float) -> str:
    return "pass" if value <= target else "**miss**"


def report(results: dict[str, Any], versions: dict[str, str]) -> str:
    """RESULTS.md: every figure with its target and a pass/miss mark."""
    lines = [
        "# Benchmark results",
        "",
        f"Measured {date.today().isoformat()} on {versions['machine']}; {versions['chromium']}; "
        f"Pyodide {versions['pyodide']}; engine {versions['engine']}. Medians of {RUNS} interleaved runs "
        f"({PHONE_RUNS} on the phone, {LIGHTHOUSE_RUNS} Lighthouse runs per page); "
        "served gzip-encoded with `Cache-Control: max-age=600` (like GitHub Pages); cold = fresh profile, "
        "warm = the same profile again (real HTTP cache). Ratios are against the bare runtime "
        "(`loadPyodide()` + `loadPackage(wheel)` in a module worker) measured in the same run.",
        "",
        "The machine is shared with other work, so its load is part of every figure. Load average (1 min) at the "
        "start and end of each step, and the step's duration: "
        + "; ".join(f"{name} {a:.1f} → {b:.1f} ({t / 60:.1f} min)" for name, (a, b, t) in results["load"].items())
        + "."
        + (
            " Measured again on their own after the full run (`--rerun`; both runs' figures in VARIANTS.md): "
            + ", ".join(f"{step} ({day})" for step, day in results["rerun"].items())
            + "."
            if results.get("rerun")
            else ""
        ),
        "",
        "## 1. Engine ready (navigation start → the engine answered its first request)",
        "",
        "| network | visit | project | bare | ratio | target | |",
        "|---|---|---|---|---|---|---|",
    ]
    for network, figures in results["ready"].items():
        for visit in ("cold", "warm"):
            project, bare = figures[f"project/{visit}"], figures[f"bare/{visit}"]
            ratio, target = project / bare, READY_TARGETS[visit][network]
            lines.append(
                f"| {network} | {visit} | {project / 1000:.2f} s | {bare / 1000:.2f} s | {ratio:.2f} | "
                f"≤ {target:.2f} | {mark(ratio, target)} |"
            )
    phone = results["phone"]
    ratio = phone["project"] / phone["bare"]
    lines += [
        "",
        f"A {PHONE['name']}, emulated through the DevTools protocol, cold (median of {PHONE_RUNS} runs); the first "
        "score is that of a statement answered as soon as the page is parsed. DevTools' CPU throttling slows the "
        "page's main thread only: the engine's worker, project and bare alike, runs at the machine's speed.",
        "",
        "| network | visit | project | bare | ratio | target | | first score |",
        "|---|---|---|---|---|---|---|---|",
        f"| {PHONE['name']} | cold | {phone['project'] / 1000:.1f} s | {phone['bare'] / 1000:.1f} s | {ratio:.2f} | "
        f"≤ 0.85 | {mark(ratio, 0.85)} | {phone['first score'] / 1000:.1f} s |",
    ]
    lines += [
        "",
        "## 2. First score after the first answer",
        "",
        "| answered | first score | target | |",
        "|---|---|---|---|",
    ]
    for scenario, value in results["first_score"].items():
        target = 50 if " at 3 s" in scenario else 20
        lines.append(f"| {scenario} | {value:.0f} ms | ≤ {target} ms | {mark(value, target)} |")
    update = results["update"]
    lines += [
        "",
        "## 3. Score update latency (input event → result in the DOM, 200 changes)",
        "",
        "| p50 | p95 | target (p95) | |",
        "|---|---|---|---|",
        f"| {update['p50']:.1f} ms | {update['p95']:.1f} ms | ≤ 16 ms | {mark(update['p95'], 16)} |",
        "",
        "## 4. Main-thread blocking while the engine loads (sum of long tasks, cold, localhost)",
        "",
        "From the worker's start to the engine's first answer. For context, the page's long tasks from "
        "navigation start (HTML parsing and Material's own start-up included) are listed too.",
        "",
        "| while the engine loads | whole page until ready | target | |",
        "|---|---|---|---|",
        f"| {results['blocking_ms']:.0f} ms | {results['page_long_tasks_ms']:.0f} ms | ≤ 100 ms | "
        f"{mark(results['blocking_ms'], 100)} |",
        "",
        "## 5. Bytes",
        "",
        "| page | visit | raw | gzip | of which Pyodide (gzip) |",
        "|---|---|---|---|---|",
    ]
    data = results["bytes"]
    for key, value in data.items():
        if "raw" in value:
            page, visit = key.split("/")
            lines.append(
                f"| {page} | {visit} | {value['raw'] / 1e3:,.0f} kB | {value['gzip'] / 1e3:,.0f} kB | "
                f"{value.get('pyodide', 0) / 1e3:,.0f} kB |"
            )
    chapter = data["chapter/cold"]["gzip"] / data[SAME_CONTENT]["gzip"]
    markdown = data["chapter/cold"]["gzip"] / data["plain chapter/cold"]["gzip"]
    engine = data["checklist/cold"]["engine"] / data["bare engine/cold"]["engine"]
    lines += [
        "",
        "| check | value | target | |",
        "|---|---|---|---|",
        f"| Pyodide bytes on a chapter page | {data['chapter/cold']['pyodide']} B | 0 | "
        f"{mark(data['chapter/cold']['pyodide'], 0)} |",
        f"| chapter page vs plain Material on the same content (gzip, cold) | {chapter:.2f}× | ≤ 1.2× | "
        f"{mark(chapter, 1.2)} |",
        f"| chapter page vs plain Material on the bare Markdown (macros unrendered: no play card, citations or "
        f"workshop cards, a smaller search index) | {markdown:.2f}× | — |  |",
        f"| first visit's engine bytes vs bare (gzip) | {engine:.2f}× "
        f"({data['checklist/cold']['engine'] / 1e6:.2f} vs {data['bare engine/cold']['engine'] / 1e6:.2f} MB) "
        f"| ≤ 0.85× | {mark(engine, 0.85)} |",
    ]
    offline = results["offline"]
    ratio = offline["offline"] / offline["online warm"]
    lines += [
        "",
        "## 6. Offline repeat visit (service worker, network cut)",
        "",
        "| online warm | offline | ratio | target | |",
        "|---|---|---|---|---|",
        f"| {offline['online warm'] / 1000:.2f} s | {offline['offline'] / 1000:.2f} s | {ratio:.2f} | ≤ 1.10 | "
        f"{mark(ratio, 1.10)} |",
        "",
        "## 7. Team view scale (files in → team view rendered)",
        "",
        "| exports | time | target | |",
        "|---|---|---|---|",
    ]
    for count, value in results["team"].items():
        target = 1000 if int(count) == 1000 else None
        lines.append(
            f"| {count} | {value:.0f} ms | {'≤ 1000 ms' if target else '—'} | {mark(value, target) if target else ''} |"
        )
    repeat = results["repeat"]
    lines += [
        "",
        "## 8. Repeat visit (navigation start → the last result on screen, localhost, warm)",
        "",
        "The result of the last visit is shown, marked as such, until the engine renders it anew. The target is "
        "its delay after the page's own first contentful paint (median of the per-run differences); plain "
        "Material's chapter page on a warm visit for context.",
        "",
        "| last result on screen | page's first paint | after the first paint | engine ready "
        "| plain Material's first paint | target | |",
        "|---|---|---|---|---|---|---|",
        f"| {repeat['last result']:.0f} ms | {repeat['first paint']:.0f} ms | {repeat['after paint']:.0f} ms | "
        f"{repeat['engine ready']:.0f} ms | {repeat['plain first paint']:.0f} ms | ≤ 20 ms | "
        f"{mark(repeat['after paint'], 20)} |",
    ]
    build = results["build"]
    ratio = build["full"] / build["plain"]
    lines += [
        "",
        "## 9. Build",
        "",
        "| full bilingual build | plain Material | ratio | target | | clean build |",
        "|---|---|---|---|---|---|",
        f"| {build['full']:.1f} s | {build['plain']:.1f} s | {ratio:.2f} | ≤ 2.0 | {mark(ratio, 2.0)} | "
        f"{build['clean']:.1f} s |",
    ]
    lines += lighthouse_report(results["lighthouse"])
    lines += ["", (ROOT / "benchmarks" / "VARIANTS.md").read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def lighthouse_report(figures: dict[str, dict[str, Any]]) -> list[str]:
    """Section 10: Lighthouse's scores and metrics per page, mobile and desktop, with the targets."""
    lines = [
        "",
        "## 10. Lighthouse",
        "",
        f"Lighthouse {next(iter(figures.values()))['lighthouse']} from npm against Debian Chromium through the "
        f"Pages-like server (fresh profile per run; mobile = Lighthouse's default simulated slow 4G and 4× CPU, "
        f"desktop = `--preset=desktop`). The run with the median performance score of {LIGHTHOUSE_RUNS}; TBT "
        "median over the runs beside it. Targets: accessibility, best practices and SEO 100 everywhere; mobile "
        "performance ≥ 90 on the home pages and the chapter, ≥ 85 on the checklist and the team view.",
        "",
        "| form | page | performance | accessibility | best practices | SEO | LCP | TBT (median) | CLS | targets | |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key, run in figures.items():
        form, page = key.split("/", 1)
        misses = [name for name in ("accessibility", "best-practices", "seo") if run[name] < 100]
        floor = 85 if page in ("checklist", "team view") else 90
        if form == "mobile" and run["performance"] < floor:
            misses.append(f"performance < {floor}")
        if run["offsite"]:
            misses.append("requests off the machine")
        verdict = "pass" if not misses else "**miss**: " + ", ".join(misses + run["failed"])
        lines.append(
            f"| {form} | {page} | {run['performance']} | {run['accessibility']} | {run['best-practices']} | "
            f"{run['seo']} | {run['LCP'] / 1000:.1f} s | {run['TBT']:.0f} ms ({run['TBT median']:.0f} ms) | "
            f"{run['CLS']:.3f} | {'≥ ' + str(floor) + ', 100' if form == 'mobile' else '100'} | {verdict} |"
        )
    chapter, checklist = figures["mobile/chapter"]["TBT median"], figures["mobile/checklist"]["TBT median"]
    ratio = checklist / chapter if chapter else float("inf")
    offsite = sorted({url for run in figures.values() for url in run["offsite"]})
    lines += [
        "",
        "| check | value | target | |",
        "|---|---|---|---|",
        f"| mobile TBT, checklist vs chapter (medians) | {ratio:.2f}× ({checklist:.0f} vs {chapter:.0f} ms) "
        f"| ≤ 1.5× | {mark(ratio, 1.5)} |",
        f"| requests off the machine | {len(offsite)} | 0 | {mark(len(offsite), 0)} |",
    ]
    return lines


RAW = ROOT / "benchmarks" / "results.json"
"""The last full run's figures, so that a disturbed step can be measured again and merged (`--rerun`)."""
STEP_KEYS = {
    "ready": ("ready", "blocking_ms", "page_long_tasks_ms"),
    "phone": ("phone",),
    "first": ("first_score",),
    "update": ("update",),
    "bytes": ("bytes",),
    "offline": ("offline",),
    "team": ("team",),
    "repeat": ("repeat",),
    "lighthouse": ("lighthouse",),
    "build": ("build",),
}


def merged(fresh: dict[str, Any], steps: list[str]) -> dict[str, Any]:
    """The last full run with these steps' figures (and load) replaced by the fresh ones."""
    results = json.loads(RAW.read_text(encoding="utf-8"))
    for step in steps:
        for key in STEP_KEYS[step]:
            results[key] = fresh[key]
        results["load"][step] = fresh["load"][step]
        results.setdefault("rerun", {})[step] = date.today().isoformat()
    return results


def main() -> int:
    global RUNS, PHONE_RUNS, LIGHTHOUSE_RUNS
    parser = argparse.ArgumentParser(description=__doc__)
    steps = "ready phone first update bytes offline team repeat lighthouse build"
    parser.add_argument("--only", nargs="*", help=f"measure only these: {steps}")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per figure (default {RUNS}; fewer only to try)")
    parser.add_argument(
        "--rerun",
        nargs="+",
        help="measure these steps again and merge them into the last full run (benchmarks/results.json), "
        "for rows a busy machine clearly disturbed; RESULTS.md says which were rerun",
    )
    parser.add_argument("--report", action="store_true", help="write RESULTS.md from results.json, measure nothing")
    args = parser.parse_args()
    if args.report:
        results = json.loads(RAW.read_text(encoding="utf-8"))
        text = report(results, results["versions"])
        (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
        print(text)
        return 0
    if args.rerun:
        args.only = args.rerun
    RUNS = args.runs
    PHONE_RUNS, LIGHTHOUSE_RUNS = min(PHONE_RUNS, RUNS), min(LIGHTHOUSE_RUNS, RUNS)
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if os.getloadavg()[0] > 1.5:
        print(f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: the figures will be noisy")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="cx-bench-") as tmp:
        work = Path(tmp)
        site, plain_site, content_site = work / "site", work / "plain", work / "plain-content"
        # served first, so that each site is built with the URL it is served at (canonical and language links)
        server, base, ledger = serve(site)
        plain_server, plain_base, plain_ledger = serve(plain_site)
        content_server, content_base, content_ledger = serve(content_site)
        print("building the site and plain Material …", flush=True)
        mkdocs_build(ROOT / "mkdocs.yml", site, base)
        mkdocs_build(plain_config(work), plain_site, plain_base)
        mkdocs_build(plain_config(work, content=True), content_site, content_base)
        plains = {
            "plain chapter": (plain_base, plain_ledger),
            "plain chapter, same content": (content_base, content_ledger),
        }
        shutil.copytree(ROOT / "benchmarks" / "bare", site / "__bare")
        config = json.loads(
            re.search(
                r'<script type="application/json" id="__cx_engine">(.*?)</script>',
                (site / CHECKLIST / "index.html").read_text(encoding="utf-8"),
            ).group(1)
        )
        results: dict[str, Any] = {
            "ready": {},
            "first_score": {},
            "bytes": {},
            "team": {},
            "lighthouse": {},
            "load": {},
            "bare_query": f"pyodide={config['pyodide'].strip('/').rsplit('/', 1)[1]}&wheel={config['wheel']}",
        }
        steps: dict[str, Callable[[], None]] = {}
        with sync_playwright() as playwright:
            lab = Lab(playwright, chromium, work)
            steps = {
                "ready": lambda: engine_ready(lab, base, results),
                "phone": lambda: phone(lab, base, results),
                "first": lambda: first_score(lab, base, results),
                "update": lambda: update_latency(lab, base, results),
                "bytes": lambda: page_bytes(lab, base, ledger, plains, results),
                "offline": lambda: offline_visit(lab, base, results),
                "team": lambda: team_scale(lab, base, results),
                "repeat": lambda: repeat_visit(lab, base, plain_base, results),
                "lighthouse": lambda: lighthouse(base, chromium, results),
            }
            for name, step in steps.items():
                if args.only and name not in args.only:
                    continue
                started, load = time.perf_counter(), os.getloadavg()[0]
                step()
                results["load"][name] = (load, os.getloadavg()[0], time.perf_counter() - started)
                print(f"{name}: {time.perf_counter() - started:.0f} s, load {load:.1f} → {os.getloadavg()[0]:.1f}")
            version = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            browser_version = version.version
            version.close()
        server.shutdown()
        plain_server.shutdown()
        content_server.shutdown()
        if not args.only or "build" in args.only:
            started, load = time.perf_counter(), os.getloadavg()[0]
            builds(work, results)
            results["load"]["build"] = (load, os.getloadavg()[0], time.perf_counter() - started)
            print(f"build: {time.perf_counter() - started:.0f} s", flush=True)
    if args.rerun:
        results = merged(results, args.rerun)
    elif args.only:
        print(json.dumps(results, indent=1, default=str))
        return 0
    versions = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform(terse=True)}",
        "chromium": f"Chromium {browser_version}",
        "pyodide": json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"],
        "engine": json.loads(json.dumps(__import__("checklists").__version__)),
    }
    results["versions"] = versions
    text = report(results, versions)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
    RAW.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
