"""Browser fixtures: one server for the built site under /REPO/, one Debian Chromium, fresh contexts per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ENGINE_TIMEOUT_MS = 90_000  # a generous ceiling for a cold Pyodide boot on a busy 2-core machine; not a speed test


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM), if present."""
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() else shutil.which("chromium")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 under a GitHub-Pages-like project path."""
    httpd, url = server.start(built_site, "/REPO/")
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the whole session; a skip on a laptop without it, a failure in CI."""
    executable = chromium_path()
    if not executable:
        message = "Debian Chromium not found (apt-get install chromium, or set $CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": browser tests must run in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # a fresh, throwaway profile: no state and no phoning home
        args = [*CHROMIUM_ARGS, f"--disk-cache-dir={tmp_path_factory.mktemp('chromium-cache')}"]
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
        yield launched
        launched.close()


class Session:
    """A browser context that records every request, console error and page error."""

    def __init__(self, browser: Any, *, service_workers: str = "block") -> None:
        # the offline service worker is tested on its own; elsewhere it would hide requests from routing
        self.context = browser.new_context(service_workers=service_workers)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("weberror", lambda error: self.errors.append(str(error.error)))

    def page(self) -> Any:
        page = self.context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("worker", lambda worker: worker.on("console", lambda m: None))
        page.on("pageerror", lambda error: self.errors.append(error.stack or str(error)))
        return page

    def our_errors(self) -> list[str]:
        """Page errors raised in the project's own scripts."""
        return [e for e in self.errors if "cx-" in e]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(browser: Any) -> Iterator[Session]:
    """A fresh context (empty localStorage) per test."""
    created = Session(browser)
    yield created
    created.close()


def wait_ready(page: Any) -> None:
    """Wait until the page's engine has answered its first request and the first result is on the page."""
    page.wait_for_selector("form[data-cx-engine-state=ready]", state="attached", timeout=ENGINE_TIMEOUT_MS)
    wait_renders(page, 1)  # the initial result: later waits then count only the renders a test causes


def wait_renders(page: Any, count: int) -> None:
    """Wait until the result panel has been rendered `count` times."""
    page.wait_for_function(
        "n => Number(document.querySelector('[data-cx-result-for]').dataset.cxRenders || 0) >= n",
        arg=count,
        timeout=ENGINE_TIMEOUT_MS,
    )


def renders(page: Any) -> int:
    return page.evaluate("() => Number(document.querySelector('[data-cx-result-for]').dataset.cxRenders || 0)")


def set_answers(page: Any, answers: dict[str, Any]) -> None:
    """Clear the form, tick the given answers and fire one change event, as a person's last click would."""
    page.evaluate(
        """answers => {
            const form = document.querySelector('form[data-cx-checklist]');
            for (const input of form.querySelectorAll('input[type=radio]')) input.checked = false;
            for (const [q, v] of Object.entries(answers)) {
                form.querySelector(`input[name="${q}"][value="${v}"]`).checked = true;
            }
            form.dispatchEvent(new Event('change', {bubbles: true}));
        }""",
        answers,
    )


def shown_result(page: Any) -> dict[str, Any]:
    """What the page shows: overall, level, coverage and each section's score (None where blank)."""
    return page.evaluate(
        """() => {
            const panel = document.querySelector('[data-cx-result-for]');
            const num = (v) => v === '' || v === undefined || v === null ? null : Number(v);
            const overall = panel.querySelector('[data-cx-overall]');
            const level = panel.querySelector('[data-cx-level]');
            const sections = {};
            for (const row of panel.querySelectorAll('tr[data-cx-section]')) {
                const cell = row.querySelector('[data-cx-section-score]');
                sections[row.dataset.cxSection] = num(cell.dataset.cxSectionScore);
            }
            return {
                overall: num(overall && overall.dataset.cxOverall),
                level: level ? Number(level.dataset.cxLevel) : null,
                coverage: num(panel.querySelector('[data-cx-coverage]').dataset.cxCoverage),
                sections,
            };
        }"""
    )
