"""Browser fixtures: one server for the built site under /REPO/, one Debian Chromium, fresh contexts per test."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SITE_PORT

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
PROBES = (Path(__file__).parent / "probes.js").read_text(encoding="utf-8")  # shared with the other browsers
ENGINE_TIMEOUT_MS = 90_000  # a generous ceiling for a cold Pyodide boot on a busy 2-core machine; not a speed test


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM), if present."""
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() else shutil.which("chromium")


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[Any]:
    """The built site, served on 127.0.0.1 under a GitHub-Pages-like project path, at the URL the build names."""
    httpd, _ = server.start(built_site, "/REPO/", port=SITE_PORT)
    yield httpd
    httpd.shutdown()


@pytest.fixture(scope="session")
def site_url(site_server: Any) -> str:
    """The served site's base URL."""
    return f"http://127.0.0.1:{site_server.server_address[1]}/REPO/"


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
    """A fresh browser context that records every request, and fails on any page error or console error.

    A test that provokes an error on purpose names it with `expect(pattern)`; every other error fails the
    test when the session closes (the `session` fixture closes it after the test).
    """

    def __init__(self, browser: Any, *, service_workers: str = "block", **options: Any) -> None:
        # the offline service worker is tested on its own; elsewhere it would hide requests from routing
        self.context = browser.new_context(service_workers=service_workers, **options)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.expected: list[re.Pattern[str]] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("weberror", lambda error: self.errors.append(f"page error: {error.error.stack or error.error}"))

    def _console(self, where: str, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{where} console: {message.text} ({message.location.get('url', '')})")

    def page(self) -> Any:
        page = self.context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self._console("page", message))
        page.on("worker", lambda worker: worker.on("console", lambda message: self._console("worker", message)))
        return page

    def expect(self, pattern: str) -> None:
        """Allow errors matching `pattern` (a regular expression), which this test provokes on purpose."""
        self.expected.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        """The errors no `expect()` allows."""
        return [e for e in self.errors if not any(p.search(e) for p in self.expected)]

    def close(self) -> None:
        self.context.close()
        assert self.unexpected() == [], "page or console errors"


@pytest.fixture
def session(browser: Any) -> Iterator[Session]:
    """A fresh context (empty storage) per test; any page or console error the test did not expect fails it."""
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
        f"n => ({PROBES}).renders() >= n",
        arg=count,
        timeout=ENGINE_TIMEOUT_MS,
    )


def renders(page: Any) -> int:
    return page.evaluate(f"({PROBES}).renders()")


def set_answers(page: Any, answers: dict[str, Any]) -> None:
    """Clear the form, tick the given answers and fire one change event, as a person's last click would."""
    page.evaluate(f"answers => ({PROBES}).answer(answers)", answers)


def kept_result(page: Any) -> dict[str, Any] | None:
    """The last visit's result as the page shows it before the engine renders (None when none is shown)."""
    return page.evaluate(f"({PROBES}).kept()")


def shown_result(page: Any) -> dict[str, Any]:
    """What the page shows: overall, level, coverage and each section's score (None where blank)."""
    return page.evaluate(f"({PROBES}).shown()")
