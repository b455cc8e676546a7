"""The core flow in the browsers directors also use: Firefox ESR (WebDriver BiDi, puppeteer-core) and
WebKitGTK, Safari's engine (its WebDriver, with Selenium), both from Debian's packages.

The flow: answer, the score equals the native engine's, a reload keeps the answers, a share link opens.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

from .conftest import PROBES
from .test_checklist import expected, random_answers

pytestmark = pytest.mark.browser

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"  # webkit2gtk-driver's browser
TIMEOUT_S = 180  # a generous ceiling for a cold Pyodide boot in a browser without a warm cache; not a speed test


def present(*paths: str) -> None:
    """Skip on a laptop without these programs; fail in CI, where `make test` installs them."""
    missing = [p for p in paths if not (Path(p).is_file() or shutil.which(p))]
    if missing:
        message = f"not installed: {', '.join(missing)} (make test installs them with apt-get as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def flow_answers(definitions: dict, name: str, seed: int) -> dict[str, Any]:
    """A fixed, partly answered set with "don't know"s, so scores, coverage and blanks are all compared."""
    return random_answers(definitions[name], random.Random(seed))


def test_the_core_flow_in_firefox(site_url: str, definitions: dict, tmp_path: Path) -> None:
    present(FIREFOX, "node")
    answers = flow_answers(definitions, "leadership", 12)
    done = subprocess.run(
        [
            "node",
            str(ROOT / "tests/browser/firefox_flow.mjs"),
            site_url + "checklists/leadership/",
            json.dumps(answers),
            str(tmp_path / "profile"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "FIREFOX": FIREFOX},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    want = expected(definitions["leadership"], answers)
    assert report["scored"] == want and report["reloaded"] == want and report["shared"] == want
    assert report["kept"] and report["sharedReadOnly"]
    assert report["errors"] == []


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A virtual X display for WebKitGTK, which has no headless mode; Xvfb picks a free display number."""
    present("Xvfb")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as out:
        number = out.readline().strip()
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait()


@pytest.fixture
def webkit(display: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """WebKitGTK's MiniBrowser in automation mode (an ephemeral session), driven through WebKitWebDriver."""
    present(WEBKIT_DRIVER, MINIBROWSER)
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    monkeypatch.setenv("DISPLAY", display)
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    driver = webdriver.WebKitGTK(options=options, service=Service(executable_path=WEBKIT_DRIVER))
    yield driver
    driver.quit()


def probe(driver: Any, call: str, *args: Any) -> Any:
    """Run one of the shared page probes (probes.js) in the page."""
    return driver.execute_script(f"return ({PROBES}).{call}(...arguments)", *args)


def wait(driver: Any, script: str) -> None:
    """Wait until `script` (a JavaScript expression) is true in the page."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.25).until(lambda d: d.execute_script(f"return {script}"))


def ready(driver: Any) -> None:
    wait(driver, 'document.querySelector("form[data-cx-checklist]")?.dataset.cxEngineState === "ready"')
    wait(driver, f"({PROBES}).renders() > 0")


def test_the_core_flow_in_webkit(webkit: Any, site_url: str, definitions: dict) -> None:
    answers = flow_answers(definitions, "strategy-values", 7)
    want = expected(definitions["strategy-values"], answers)
    webkit.get(site_url + "en/checklists/strategy-values/")
    ready(webkit)
    before = probe(webkit, "renders")
    probe(webkit, "answer", answers)
    wait(webkit, f"({PROBES}).renders() > {before}")
    assert probe(webkit, "shown") == want

    webkit.refresh()
    ready(webkit)
    assert probe(webkit, "holds", answers) and probe(webkit, "shown") == want

    webkit.find_element("css selector", "[data-cx-share]").click()
    wait(webkit, 'document.querySelector("[data-cx-share-url]").value !== ""')
    link = webkit.execute_script('return document.querySelector("[data-cx-share-url]").value')
    webkit.get("about:blank")
    webkit.get(link)
    ready(webkit)
    wait(webkit, '!document.querySelector("[data-cx-shared]").hidden')
    assert probe(webkit, "shown") == want
    assert webkit.execute_script('return document.querySelector("[data-cx-answers]").disabled')
    # WebKit's WebDriver does not hand over console messages: the status line says whether the engine failed
    assert (
        webkit.execute_script('return document.querySelector("form[data-cx-checklist]").dataset.cxEngineState')
        == "ready"
    )
