"""Every input a reader can send gets a sentence in the page's language, and loses nothing: both editions."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from checklists.formats import export_dict
from checklists.record import respond
from checklists.strings import STRINGS

from .conftest import Session, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser

EDITIONS = [("nl", ""), ("en", "en/")]
LEADERSHIP_QUESTIONS = 36


def checksummed(body: str) -> str:
    return f"{body}.{zlib.crc32(body.encode()):08x}"


def key(site_url: str, name: str = "leadership") -> str:
    return f"cx-playbook:{urlsplit(site_url).path}:{name}"


def answered(page: Any, answers: dict[str, Any]) -> None:
    before = renders(page)
    set_answers(page, answers)
    wait_renders(page, before + 1)


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_tampered_share_links_get_a_sentence_and_the_own_answers_stay(
    session: Session, site_url: str, lang: str, prefix: str
) -> None:
    blanks = "_" * LEADERSHIP_QUESTIONS
    codes = {
        checksummed(f"cx1.leadership.{'9' * 5000}.{blanks}"): STRINGS["bad_code"],
        checksummed(f"cx1.leadership.\u00b2.{blanks}"): STRINGS["bad_code"],
        checksummed(f"cx1.leadership.77.{blanks}"): STRINGS["code_version"],
    }
    page = session.page()
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    answered(page, {"steering-chain": 4})
    for code, text in codes.items():
        page.goto(site_url + prefix + "checklists/leadership/#cx=" + code)
        page.reload()
        wait_ready(page)
        notice = page.locator("[data-cx-notice]")
        notice.wait_for(state="visible")
        expected = text.get(lang).split("{")[0]
        assert notice.inner_text().startswith(
            {"nl": "De deellink is niet geopend: ", "en": "The share link was not opened: "}[lang] + expected
        ), notice.inner_text()
        assert page.is_hidden("[data-cx-shared]") and page.is_checked("#cx-steering-chain-4")
        assert shown_result(page)["sections"]["steering"] == 75


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_bad_import_files_get_a_sentence_in_the_page_language(
    session: Session, site_url: str, tmp_path: Path, definitions: dict, lang: str, prefix: str
) -> None:
    good = export_dict(respond(definitions["leadership"], {"understanding-listen": 4}, language=lang))
    files = {
        "role-list.json": (json.dumps({**good, "role": ["board"]}), "role"),
        "checklist-object.json": (json.dumps({**good, "checklist": {"id": "leadership"}}), "unknown_checklist"),
        "long-number.json": (
            json.dumps(good).replace('"answers": {', '"answers": {"x": ' + "9" * 5000 + ", "),
            "too_complex",
        ),
        "nested.json": ("[" * 100_000 + "]" * 100_000, "too_complex"),
    }
    page = session.page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    answered(page, {"steering-chain": 2})
    for name, (text, reason) in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        page.set_input_files("[data-cx-import]", str(tmp_path / name))
        status = page.locator("[data-cx-action-status]")
        status.filter(has_text=name).wait_for()
        assert STRINGS[reason].get(lang).split("{")[0] in status.inner_text(), (name, status.inner_text())
        assert page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key(site_url))})).answers") == {
            "steering-chain": 2
        }


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_saved_data_that_no_longer_fits_never_blocks_the_score(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    version = definitions["leadership"].version  # the current version: what it holds must fit, or is dropped
    entry = {
        "schema": 1,
        "checklist": "leadership",
        "version": version,
        "answers": {"steering-chain": 4},
        "updated": 20261201,
        "snapshots": [
            {"date": "2026-11-01", "version": version, "answers": {"retired-question": 3, "steering-chain": 9}},
            {"date": "2026-11-15", "version": version, "answers": {"steering-kpis-long-term": 2}},
        ],
    }
    page = session.page()
    page.add_init_script(f"localStorage.setItem({json.dumps(key(site_url))}, {json.dumps(json.dumps(entry))})")
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    notice = page.inner_text("[data-cx-notice]")
    assert notice.startswith(STRINGS["restored"].get(lang).split("{")[0]), notice
    assert STRINGS["dropped_updated"].get(lang) in notice and "1 " in notice
    assert shown_result(page)["sections"]["steering"] == 75
    assert page.locator("[data-cx-snapshot-item]").count() == 1  # the one that still fits
    answered(page, {"steering-chain": 5, "steering-kpis-long-term": 5})
    assert shown_result(page)["sections"]["steering"] == 100


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_the_team_page_refuses_a_bad_item_alone_and_later_files_still_count(
    session: Session, site_url: str, tmp_path: Path, definitions: dict, lang: str, prefix: str
) -> None:
    board = definitions["board-voice"]
    people = [
        export_dict(respond(board, dict.fromkeys(board.question_ids, v), language=lang, date=f"2026-11-0{v}"))
        for v in (2, 3, 4)
    ]
    bad = {
        "role-list.json": json.dumps({**people[0], "role": ["board"], "date": "x"}),
        "checklist-object.json": json.dumps({**people[0], "checklist": {"id": "board-voice"}}),
        "long-number.json": json.dumps(people[0]).replace('"answers": {', '"answers": {"x": ' + "9" * 5000 + ", "),
        "nested.json": "[" * 100_000 + "]" * 100_000,
    }
    paths = []
    for name, text in [*bad.items(), ("one.json", json.dumps(people[0])), ("two.json", json.dumps(people[1]))]:
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    page = session.page()
    page.goto(site_url + prefix + "checklists/team/")
    page.wait_for_selector("[data-cx-teamview][data-cx-engine-state=ready]", state="attached", timeout=90_000)
    page.set_input_files("[data-cx-team-files]", [str(p) for p in paths])
    page.wait_for_selector('[data-cx-team="board-voice"][data-cx-waiting="true"]')
    refused = page.inner_text("[data-cx-team-refused]")
    for name in bad:
        assert f"{name}: " in refused, name
    link = site_url + prefix + "checklists/board-voice/#cx=" + checksummed(f"cx1.board-voice.{'9' * 5000}.___")
    page.fill("[data-cx-team-links]", link)
    page.click("[data-cx-team-add]")
    page.locator("[data-cx-team-refused] li").nth(len(bad)).wait_for()
    (tmp_path / "three.json").write_text(json.dumps(people[2]), encoding="utf-8")
    page.set_input_files("[data-cx-team-files]", str(tmp_path / "three.json"))  # a later file still counts
    page.wait_for_selector('[data-cx-team="board-voice"][data-cx-respondents="3"]')
    summary = {
        "nl": "3 ingevulde checklists tellen mee; niet meegeteld: 5.",
        "en": "3 completed checklists count; not counted: 5.",
    }[lang]
    assert page.inner_text("[data-cx-team-summary]") == summary
    assert page.locator("[data-cx-team-downloads] button").count() == 2
    # text with a lone surrogate, as a paste can carry it: refused with its own sentence too
    page.evaluate("() => { document.querySelector('[data-cx-team-links]').value = 'cx1.board-voice.2.\\ud800.0'; }")
    page.click("[data-cx-team-add]")
    page.locator("[data-cx-team-refused] li").nth(len(bad) + 1).wait_for()
    assert page.locator('[data-cx-team="board-voice"][data-cx-respondents="3"]').count() == 1
