"""The whole chain in Debian Chromium: form → worker → Pyodide → the Python engine → the page."""

from __future__ import annotations

import json
import random
from typing import Any
from urllib.parse import urlsplit

import pytest

from checklists.model import UNKNOWN
from checklists.scoring import display, score

from .conftest import Session, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser


def expected(checklist: Any, answers: dict[str, Any]) -> dict[str, Any]:
    """The native engine's result in the shape the page shows it."""
    result = score(checklist, answers)
    return {
        "overall": display(result.overall),
        "level": result.level,
        "coverage": display(result.coverage),
        "sections": {s.id: display(s.score) for s in result.sections},
    }


def random_answers(checklist: Any, rnd: random.Random) -> dict[str, Any]:
    """A random, sometimes sparse answer set with some "don't know"s."""
    fill = rnd.choice([0.3, 0.8, 1.0])
    values = [*checklist.scale.values, UNKNOWN]
    return {q: rnd.choice(values) for q in checklist.question_ids if rnd.random() < fill}


@pytest.mark.parametrize(
    ("name", "path", "rounds"),
    [
        ("leadership", "checklists/leadership/", 24),
        ("phase-scan", "checklists/phase-scan/", 8),
        ("contact-centre", "en/checklists/contact-centre/", 8),
        ("board-voice", "checklists/board-voice/", 8),
        ("strategy-values", "en/checklists/strategy-values/", 8),
    ],
)
def test_parity_with_native_scoring_for_random_answer_sets(
    session: Session, site_url: str, definitions: dict, name: str, path: str, rounds: int
) -> None:
    checklist = definitions[name]
    page = session.page()
    page.goto(site_url + path)
    wait_ready(page)
    rnd = random.Random(f"{name}-20261123")
    for _ in range(rounds):
        answers = random_answers(checklist, rnd)
        before = renders(page)
        set_answers(page, answers)
        wait_renders(page, before + 1)
        assert shown_result(page) == expected(checklist, answers), answers
    assert session.unexpected() == []


@pytest.mark.parametrize(
    ("path", "words"), [("checklists/leadership/", "van de 100"), ("en/checklists/leadership/", "out of 100")]
)
def test_both_languages_score_and_only_the_site_is_contacted(
    session: Session, site_url: str, definitions: dict, path: str, words: str
) -> None:
    page = session.page()
    page.goto(site_url + path)
    before = renders(page)
    page.check("#cx-culture-criticism-open-4")  # answered before the engine may be ready: the score follows when it is
    wait_renders(page, before + 1)
    assert shown_result(page)["overall"] == 75
    assert words in page.inner_text("[data-cx-result]")
    assert words in page.inner_text("[data-cx-announce]")
    hosts = {urlsplit(url).netloc for url in session.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(site_url).netloc}
    assert any(url.endswith("pyodide.asm.wasm") for url in session.requests), "worker requests are recorded too"
    assert session.unexpected() == []


def test_reload_keeps_the_answers(session: Session, site_url: str) -> None:
    page = session.page()
    page.goto(site_url + "checklists/leadership/")
    page.check("#cx-vision-decisions-tested-2")
    page.check("#cx-people-development-unknown")
    page.reload()
    assert page.is_checked("#cx-vision-decisions-tested-2")
    assert page.is_checked("#cx-people-development-unknown")
    wait_renders(page, 1)
    assert shown_result(page)["sections"]["vision"] == 25


def test_saved_answers_of_an_older_version_are_carried_over_with_a_notice(
    session: Session, site_url: str, definitions: dict
) -> None:
    # version 1 had vision-purpose; version 2 rewrote it, and every later version kept understanding-listen
    key = f"cx-playbook:{urlsplit(site_url).path}:leadership"
    saved = json.dumps({"schema": 1, "version": 1, "answers": {"understanding-listen": 4, "vision-purpose": 2}})
    page = session.page()
    page.add_init_script(  # seeded once: a reload must find what the page saved back
        f"sessionStorage.getItem('seeded') || (sessionStorage.setItem('seeded', 1), "
        f"localStorage.setItem({json.dumps(key)}, {json.dumps(saved)}))"
    )
    page.goto(site_url + "en/checklists/leadership/")
    wait_ready(page)
    assert page.is_checked("#cx-understanding-listen-4")
    notice = page.locator("[data-cx-notice-text]").inner_text()
    assert notice == (
        "Not everything this browser kept still fits the checklist; left out: answers to vision-purpose. "
        "This browser keeps a copy of what was saved apart; you can download it below."
    )
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(key + ':original')})") == saved, "the copy apart"
    entry = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key)}))")
    current = definitions["leadership"].version
    assert (entry["version"], entry["answers"]) == (current, {"understanding-listen": 4}), "saved back, migrated"
    page.reload()
    wait_ready(page)
    assert page.locator("[data-cx-notice]").is_hidden(), "the notice is given once"


def test_a_broken_engine_is_reported_plainly_and_answers_stay(session: Session, site_url: str) -> None:
    # the worker's module cannot load its dependency: the engine cannot start
    broken = 'import "./no-such-module.mjs";'
    session.context.route("**/cx-worker.mjs*", lambda route: route.fulfill(body=broken, content_type="text/javascript"))
    session.expect(r"cx: engine failed")  # the page says why, in the console too
    page = session.page()
    page.goto(site_url + "checklists/leadership/")
    page.check("#cx-culture-criticism-open-3")
    page.wait_for_selector("form[data-cx-engine-state=failed]", state="attached", timeout=90_000)
    assert "kan in deze browser niet worden berekend" in page.inner_text("[data-cx-status]")
    stored = page.evaluate("() => Object.entries(localStorage).map(([k, v]) => JSON.parse(v).answers)")
    assert {"culture-criticism-open": 3} in stored


def release(held: dict[str, Any], part: str) -> None:
    """Let the held request whose address contains `part` go through."""
    routes = [route for url, route in held.items() if part in url]
    assert routes, f"{part} was not requested"
    routes[0].continue_()


def test_what_a_quick_reader_does_before_the_engine_is_ready_is_kept(
    session: Session, site_url: str, definitions: dict
) -> None:
    # the checklist module and the engine's worker are held back while a saved entry waits: the reader ticks an
    # answer and names a team before the glue mounts, and chooses a role after it mounts, before the engine is ready
    key = f"cx-playbook:{urlsplit(site_url).path}:leadership"
    version = definitions["leadership"].version
    saved = {
        "schema": 1,
        "checklist": "leadership",
        "version": version,
        "answers": {"vision-goals-teams": 2},
        "role": "board",
        "team": "Directie",
    }
    held: dict[str, Any] = {}  # the held requests by address
    for name in ("checklist.mjs", "cx-worker.mjs"):
        session.context.route(f"**/javascripts/**/{name}*", lambda route: held.setdefault(route.request.url, route))
    page = session.page()
    page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(saved))})")
    page.goto(site_url + "checklists/leadership/", wait_until="domcontentloaded")
    page.wait_for_function("() => document.querySelector('form[data-cx-mounted]')")  # the module is asked for
    for _ in range(400):
        if any("/cx/checklist.mjs" in url for url in held):
            break
        page.wait_for_timeout(25)
    page.check("#cx-culture-criticism-open-3")
    page.fill("#cx-leadership-team", "MT")
    release(held, "/cx/checklist.mjs")
    page.wait_for_selector("form[data-cx-engine-state=loading]", state="attached")
    assert page.is_checked("#cx-vision-goals-teams-2"), "the saved answer is put back beside the early one"
    assert page.input_value("#cx-leadership-role") == "board"
    page.select_option("#cx-leadership-role", "manager")
    release(held, "/cx-worker.mjs")
    wait_ready(page)
    assert page.is_checked("#cx-culture-criticism-open-3"), "the early click stays"
    assert page.is_checked("#cx-vision-goals-teams-2")
    assert (page.input_value("#cx-leadership-role"), page.input_value("#cx-leadership-team")) == ("manager", "MT")
    answers = {"culture-criticism-open": 3, "vision-goals-teams": 2}
    assert shown_result(page) == expected(definitions["leadership"], answers)
    entry = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key)}))")
    assert (entry["answers"], entry["role"], entry["team"]) == (answers, "manager", "MT")


def worker_boot(page: Any) -> str:
    """Which path the engine worker booted by: "bytecode" (fast) or "wheel" (fallback)."""
    return next(w.evaluate("self.cxBoot") for w in page.workers if "cx-worker" in w.url)


def test_engine_boots_from_bytecode(session: Session, site_url: str) -> None:
    page = session.page()
    page.goto(site_url + "checklists/phase-scan/")
    wait_ready(page)
    assert worker_boot(page) == "bytecode"
    assert not any(url.endswith("pyodide-lock.json") for url in session.requests), "the lock file is inline"
    assert not any(url.endswith("python_stdlib.zip") for url in session.requests)


@pytest.mark.parametrize("missing", ["**/assets/engine/*/stdlib.zip", "**/assets/engine/*/checklists.zip"])
def test_engine_falls_back_to_the_wheel(session: Session, site_url: str, definitions: dict, missing: str) -> None:
    session.context.route(missing, lambda route: route.fulfill(status=404, body="gone"))
    # the fast boot fails first, loudly (Pyodide's own messages), and then the wheel boots
    session.expect(r"status of 404|^page error: (Error: )?Failed to load")
    session.expect(r"console: [\s\S]*\(http://[^)]*/assets/pyodide/[^)]*\)$")  # Pyodide's own messages
    page = session.page()
    page.goto(site_url + "en/checklists/leadership/")
    wait_ready(page)
    assert worker_boot(page) == "wheel"
    answers = {"culture-criticism-open": 5, "vision-goals-teams": 2}
    before = renders(page)
    set_answers(page, answers)
    wait_renders(page, before + 1)
    assert shown_result(page) == expected(definitions["leadership"], answers)


def wait_snapshot_kept(page: Any) -> None:
    """Wait until the worker has kept the snapshot for the next visit (it does so 3 s after a bytecode boot)."""
    page.wait_for_timeout(500)
    worker = next(w for w in page.workers if "cx-worker" in w.url)
    for _ in range(240):
        if worker.evaluate("self.cxSnapshotKept === true"):
            return
        page.wait_for_timeout(250)
    raise AssertionError("the snapshot was not kept")


def test_a_repeat_visit_boots_from_the_snapshot(session: Session, site_url: str, definitions: dict) -> None:
    page = session.page()
    page.goto(site_url + "checklists/leadership/")
    wait_ready(page)
    assert worker_boot(page) == "bytecode"
    wait_snapshot_kept(page)
    page.close()
    page = session.page()
    page.goto(site_url + "en/checklists/leadership/")
    wait_ready(page)
    assert worker_boot(page) == "snapshot"
    rnd = random.Random(3)
    for _ in range(3):
        answers = random_answers(definitions["leadership"], rnd)
        before = renders(page)
        set_answers(page, answers)
        wait_renders(page, before + 1)
        assert shown_result(page) == expected(definitions["leadership"], answers)


def test_a_broken_snapshot_is_dropped_and_the_bytecode_boots(session: Session, site_url: str) -> None:
    page = session.page()
    page.goto(site_url + "checklists/phase-scan/")
    wait_ready(page)
    snapshot = page.evaluate(
        "() => new URL(JSON.parse(document.getElementById('__cx_engine').textContent).memory, "
        "new URL('../../../', document.querySelector('script[src*=\"cx/main.mjs\"]').src)).href"
    )
    page.evaluate(
        "url => caches.open('cx-snapshot').then((c) => c.put(url, new Response(new Uint8Array(4096))))", snapshot
    )
    page.close()
    page = session.page()
    page.goto(site_url + "checklists/phase-scan/")
    wait_ready(page)
    assert worker_boot(page) == "bytecode"
    assert page.evaluate("() => caches.open('cx-snapshot').then((c) => c.keys()).then((k) => k.length)") == 0
