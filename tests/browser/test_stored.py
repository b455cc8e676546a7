"""Stored data is outside input: answers survive what another site (or a rollback, or a full disk) leaves in storage,
the original is kept aside, the page says what happened in its language, and nothing in a kept result acts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import Session, kept_result, renders, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser

EDITIONS = [("nl", ""), ("en", "en/")]
WORDS = {
    "parts": {"nl": "onleesbare of onbekende delen: junk", "en": "unreadable or unknown parts: junk"},
    "full": {"nl": "te vol om het origineel apart te houden", "en": "too full to keep the original apart"},
    "snapshots": {"nl": "19960 momentopnamen", "en": "19960 snapshots"},
    "newer": {"nl": "nieuwere versie van deze site", "en": "newer version of this site"},
    "apart": {"nl": "houdt deze browser een kopie apart", "en": "this browser keeps a copy apart"},
}


def key_of(site_url: str, suffix: str = "") -> str:
    return f"cx-playbook:{urlsplit(site_url).path}:leadership{suffix}"


def plant(page: Any, key: str, text: str) -> None:
    """Put `text` under `key` once, before the page's scripts run (a reload finds what the page left)."""
    page.add_init_script(
        f"sessionStorage.getItem('planted') || (sessionStorage.setItem('planted', 1), "
        f"localStorage.setItem({json.dumps(key)}, {json.dumps(text)}))"
    )


def entry(definitions: dict, **parts: Any) -> dict[str, Any]:
    version = definitions["leadership"].version
    base = {"schema": 1, "checklist": "leadership", "version": version, "role": "board", "team": "MT december"}
    return {**base, "answers": {"understanding-listen": 4, "culture-criticism-open": 2}, **parts}


def stored(page: Any, key: str) -> str | None:
    return page.evaluate(f"() => localStorage.getItem({json.dumps(key)})")


def notice(page: Any) -> str:
    page.wait_for_selector("[data-cx-notice]:not([hidden])")
    return page.inner_text("[data-cx-notice-text]")


def answers_on_form(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("form[data-cx-checklist] input[type=radio]:checked")]
            .map((i) => [i.name, i.value]))"""
    )


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_megabytes_of_junk_beside_the_answers_cost_nothing_and_the_original_stays(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str, tmp_path: Path
) -> None:
    text = json.dumps(entry(definitions, junk="x" * 4_500_000))
    page = session.page()
    plant(page, key_of(site_url), text)
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    said = notice(page)
    assert WORDS["parts"][lang] in said and WORDS["full"][lang] in said  # a copy of 4.5 MB does not fit beside it
    assert answers_on_form(page) == {"understanding-listen": "4", "culture-criticism-open": "2"}
    assert page.input_value("[data-cx-team]") == "MT december" and page.input_value("[data-cx-role]") == "board"
    assert shown_result(page)["sections"]["understanding"] == 75
    assert stored(page, key_of(site_url)) == text, "not written over before the reader acts"
    with page.expect_download() as got:
        page.click("[data-cx-download-original]")
    assert Path(got.value.path()).read_text() == text

    before = renders(page)
    page.check("#cx-steering-chain-5")  # the reader acts: the change waits apart, the original stays
    wait_renders(page, before + 1)
    assert stored(page, key_of(site_url)) == text
    page.reload()
    wait_ready(page)
    assert answers_on_form(page)["steering-chain"] == "5" and answers_on_form(page)["understanding-listen"] == "4"

    page.click("[data-cx-start-afresh]")  # the reader chooses: save what could be read, and the changes
    saved = json.loads(stored(page, key_of(site_url)))
    assert "junk" not in saved and saved["answers"]["steering-chain"] == 5 and saved["team"] == "MT december"


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_twenty_thousand_snapshots_keep_the_answers_and_the_latest_forty(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    version = definitions["leadership"].version
    snapshots = [
        {"date": f"20{10 + i // 400 % 16}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}", "version": version, "answers": {}}
        for i in range(20_000)
    ]
    text = json.dumps(entry(definitions, snapshots=snapshots))
    page = session.page()
    plant(page, key_of(site_url), text)
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    assert WORDS["snapshots"][lang] in notice(page)
    assert stored(page, key_of(site_url + "", ":original")) == text, "kept aside"
    assert stored(page, key_of(site_url)) == text, "not written over before the reader acts"
    assert page.locator(".cx-result__snapshots li").count() == 40
    before = renders(page)
    page.check("#cx-steering-chain-4")
    wait_renders(page, before + 1)
    saved = json.loads(stored(page, key_of(site_url)))
    assert len(saved["snapshots"]) == 40 and saved["answers"]["understanding-listen"] == 4
    page.reload()
    wait_ready(page)
    assert page.locator("[data-cx-notice]").is_hidden() and answers_on_form(page)["steering-chain"] == "4"


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_an_entry_of_a_newer_site_is_kept_untouched_and_read_only(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    text = json.dumps(entry(definitions, version=definitions["leadership"].version + 5))
    page = session.page()
    plant(page, key_of(site_url), text)
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    assert WORDS["newer"][lang] in notice(page)
    before = renders(page)
    page.check("#cx-steering-chain-2")
    wait_renders(page, before + 1)
    assert stored(page, key_of(site_url)) == text, "never written over"
    page.click("[data-cx-start-afresh]")
    assert stored(page, key_of(site_url, ":original")) == text, "kept apart once the reader goes on"
    saved = json.loads(stored(page, key_of(site_url)))
    assert saved["version"] == definitions["leadership"].version and saved["answers"] == {"steering-chain": 2}


FORGED = """([key, kept]) => {
    const last = JSON.parse(localStorage.getItem(key));
    last.kept = kept;
    // what a forged entry might add: markup with the glue's hooks and links with control characters; never read
    last.html = '<button data-cx-snapshot-delete="0">Toon</button><a href="java\\tscript:alert(1)">x</a>'
      + '<a href="\\u0001javascript:alert(1)">y</a><img src=x onerror="window.__xss=1">';
    localStorage.setItem(key, JSON.stringify(last));
}"""


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_a_kept_result_is_data_checked_value_by_value_and_nothing_in_it_acts(
    session: Session, site_url: str, lang: str, prefix: str
) -> None:
    url = site_url + prefix + "checklists/leadership/"
    page = session.page()
    page.goto(url)
    wait_ready(page)
    before = renders(page)
    page.check("#cx-understanding-listen-5")
    wait_renders(page, before + 1)
    page.click("[data-cx-snapshot]")  # a snapshot the forged "Toon" button would try to delete
    page.wait_for_selector(".cx-result__snapshots li")
    page.wait_for_function(f"() => localStorage.getItem({json.dumps(key_of(site_url, ':last'))}) !== null")
    real = page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key_of(site_url, ':last'))})).kept")
    page.close()

    session.context.route("**/cx-worker.mjs*", lambda route: None)  # the engine held back: only the kept result
    cases = [
        ({**real, "score": 150}, False),
        ({**real, "level": 99}, False),
        ({**real, "sections": {"<img src=x>": 5}}, False),
        ({**real, "focus": [["understanding", "delete"]]}, False),
        ({**real, "coverage": "20"}, False),
        ({**real, "score": 42, "focus": [["culture", "improve"], ["understanding", "keep"]]}, True),
    ]
    for kept, shown in cases:
        page = session.page()
        page.goto(url)
        page.evaluate(FORGED, [key_of(site_url, ":last"), kept])
        page.reload()
        page.wait_for_load_state("domcontentloaded")
        body = page.locator("[data-cx-result]")
        if not shown:
            assert kept_result(page) is None, kept
        else:
            assert kept_result(page)["overall"] == 42 and kept_result(page)["focus"] == ["culture", "understanding"]
            assert body.locator("button, a, img, [onclick]").count() == 0
            hooks = page.evaluate(
                """() => [...document.querySelectorAll("[data-cx-result] *")]
                    .flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("data-cx"))"""
            )
            assert hooks == []
        assert page.evaluate("() => window.__xss") is None
        page.close()
    session.context.unroute("**/cx-worker.mjs*")

    page = session.page()  # with the engine: its own result replaces the kept one, and the snapshot is still there
    page.goto(url)
    wait_ready(page)
    assert kept_result(page) is None and shown_result(page)["overall"] == real["score"]
    assert page.locator(".cx-result__snapshots li").count() == 1
