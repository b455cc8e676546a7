"""`make screenshots`: the reader's journey on a phone (390×844) and a laptop (1366×800), as PNGs for maintainers.

Home, a checklist, its result, a shared result, the team view and the first printed page, in the Dutch edition, from
the built site served under /REPO/ (as GitHub Pages serves it) in Debian Chromium. Not a test: a way to look.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from checklists.formats import encode_share
from checklists.load import load_all

from . import server
from .conftest import CHROMIUM_ARGS, ENGINE_TIMEOUT_MS, chromium_path

SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 800}}
A4 = {"width": 794, "height": 1123}


FILL = """answers => {
  for (const [q, v] of Object.entries(answers)) {
    document.querySelector(`input[name="${q}"][value="${v}"]`).checked = true;
  }
  document.querySelector("form[data-cx-checklist]").dispatchEvent(new Event("change", { bubbles: true }));
}"""
"""Tick the answers and fire one change event, as a person's last click would."""


HEADING_AT_TOP = "id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 64)"
"""Scroll a heading to just under the site's header."""


def shot(page: Any, path: Path, written: list[Path]) -> None:
    page.screenshot(path=str(path))
    written.append(path)


def ready(page: Any) -> None:
    page.wait_for_selector("[data-cx-engine-state=ready]", state="attached", timeout=ENGINE_TIMEOUT_MS)
    page.wait_for_timeout(400)


def journey(browser: Any, url: str, out: Path) -> list[Path]:
    """Every step, in each size; returns the files written."""
    leadership = load_all()["leadership"]
    answers = {q: 2 + i % 3 for i, q in enumerate(leadership.question_ids)}
    code = encode_share(leadership, answers, "employee", "MT december")
    links = [
        encode_share(leadership, {q: v for q in leadership.question_ids}, role, "MT december")
        for v, role in ((2, "board"), (3, "board"), (4, "employee"), (3, "employee"), (5, "manager"))
    ]
    written = []
    for size, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, is_mobile=size == "phone", has_touch=size == "phone")
        page = context.new_page()
        page.goto(url)
        shot(page, out / f"{size}-1-home.png", written)
        page.goto(url + "checklists/leadership/")
        ready(page)
        shot(page, out / f"{size}-2-checklist.png", written)
        page.select_option("[data-cx-role]", "board")
        page.fill("[data-cx-team]", "MT december")
        page.evaluate(FILL, answers)
        page.wait_for_selector("[data-cx-result] [data-cx-overall]")
        page.evaluate(HEADING_AT_TOP, "result")
        page.wait_for_timeout(300)
        shot(page, out / f"{size}-3-result.png", written)
        page.close()
        page = context.new_page()
        page.goto(url + f"checklists/leadership/#cx={code}")
        ready(page)
        page.wait_for_selector("[data-cx-result] [data-cx-overall]")
        shot(page, out / f"{size}-4-shared-result.png", written)
        page.goto(url + "checklists/team/")
        ready(page)
        page.fill("[data-cx-team-links]", "\n".join(f"{url}checklists/leadership/#cx={c}" for c in links))
        page.click("[data-cx-team-add]")
        page.wait_for_selector('[data-cx-team="leadership"][data-cx-respondents="5"]', state="attached")
        page.evaluate(HEADING_AT_TOP, "cx-team-result-title")
        page.wait_for_timeout(300)
        shot(page, out / f"{size}-5-team-view.png", written)
        context.close()
    context = browser.new_context(viewport=A4)  # the first printed page of a result, as print media lays it out
    page = context.new_page()
    page.goto(url + "checklists/leadership/")
    ready(page)
    page.evaluate(FILL, answers)
    page.wait_for_selector("[data-cx-result] [data-cx-overall]")
    page.emulate_media(media="print")
    shot(page, out / "print-6-first-page.png", written)
    context.close()
    return written


def main(out: Path, site: Path) -> None:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if not executable:
        sys.exit("Debian Chromium not found: run `make browsers` (as root) or set $CHROMIUM")
    out.mkdir(parents=True, exist_ok=True)
    httpd, url = server.start(site, "/REPO/")
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as cache:
            args = [*CHROMIUM_ARGS, f"--disk-cache-dir={cache}"]
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
            for path in journey(browser, url, out):
                print(path)
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else ".github/screenshots"),
        Path(sys.argv[2] if len(sys.argv) > 2 else "site"),
    )
