"""The team view: five respondents in two languages export, a facilitator sees the team's picture."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from checklists.formats import encode_share, export_dict, parse_export
from checklists.record import respond
from checklists.scoring import display
from checklists.team import aggregate

from .conftest import Session, renders, set_answers, wait_ready, wait_renders

pytestmark = pytest.mark.browser

TEAM = [("board", "nl"), ("manager", "en"), ("employee", "nl"), ("employee", "en"), ("employee", "nl")]


def team_page(session: Session, site_url: str, prefix: str = "") -> Any:
    page = session.page()
    page.goto(site_url + prefix + "checklists/team/")
    page.wait_for_selector("[data-cx-teamview][data-cx-engine-state=ready]", state="attached", timeout=90_000)
    return page


def team_renders(page: Any) -> int:
    return page.evaluate("() => Number(document.querySelector('[data-cx-teamview]').dataset.cxTeamRenders || 0)")


def wait_team(page: Any, count: int) -> None:
    page.wait_for_function(
        "n => Number(document.querySelector('[data-cx-teamview]').dataset.cxTeamRenders || 0) >= n", arg=count
    )


def test_a_mixed_language_team_of_five_from_files_and_links_to_a_team_plan(
    browser: Any, session: Session, site_url: str, definitions: dict, tmp_path: Path
) -> None:
    """Five colleagues of "MT december" answer alone: three send their file, two a share link (with their role).
    The facilitator adds it all, and a spreadsheet sent by mistake; the team plan survives a reload and is printed."""
    leadership = definitions["leadership"]
    rnd = random.Random(5)
    files, links, sheet = [], [], None
    for number, (role, lang) in enumerate(TEAM):
        respondent = Session(browser)  # everyone on their own computer
        try:
            page = respondent.page()
            page.goto(site_url + ("en/" if lang == "en" else "") + "checklists/leadership/")
            wait_ready(page)
            page.select_option("[data-cx-role]", role)
            page.fill("[data-cx-team]", "MT december")
            answers = {q: rnd.randint(1, 5) for q in leadership.question_ids}
            before = renders(page)
            set_answers(page, answers)
            wait_renders(page, before + 1)
            if number >= 3:
                page.click("[data-cx-share]")
                page.wait_for_function("() => document.querySelector('[data-cx-share-url]').value.includes('#cx=')")
                links.append(page.input_value("[data-cx-share-url]"))
                continue
            with page.expect_download() as info:
                page.click("[data-cx-export=json]")
            path = tmp_path / info.value.suggested_filename
            info.value.save_as(path)
            files.append(path)
            if number == 0:
                with page.expect_download() as info:
                    page.click("[data-cx-export=csv]")
                sheet = tmp_path / info.value.suggested_filename
                info.value.save_as(sheet)
        finally:
            respondent.close()
    assert len({p.name for p in files}) == 3, "colleagues' files never share a name"

    page = team_page(session, site_url)
    page.set_input_files("[data-cx-team-files]", [str(p) for p in (*files, sheet)])
    page.wait_for_selector('[data-cx-team="leadership"][data-cx-respondents="3"]')
    before = team_renders(page)
    page.fill("[data-cx-team-links]", "\n".join(links))
    page.click("[data-cx-team-add]")
    wait_team(page, before + 1)
    page.wait_for_selector('[data-cx-team="leadership"][data-cx-respondents="5"]')
    assert page.inner_text("[data-cx-team-summary]") == "5 ingevulde checklists tellen mee; niet meegeteld: 1."
    assert f"{sheet.name}: Dit is de spreadsheet-download" in page.inner_text("[data-cx-team-refused]")
    assert page.inner_text("#cx-team-result-title") == "Teamuitslag: MT december"
    assert page.locator(".cx-team .cx-legend").is_visible()

    exports = [parse_export(definitions, p.read_text(encoding="utf-8")) for p in files]
    from checklists.formats import shared_response

    people = exports + [shared_response(definitions, link) for link in links]
    assert sorted(p.role for p in people) == sorted(role for role, _ in TEAM), "the links kept their roles"
    team = aggregate(leadership, people)
    shown = int(page.get_attribute("[data-cx-team-overall]", "data-cx-team-overall"))
    assert shown == display(team.overall.median)
    medians = page.eval_on_selector_all(
        "tr[data-cx-team-section]",
        "rows => rows.map(r => [r.dataset.cxTeamSection, r.querySelector('[data-cx-median]').dataset.cxMedian])",
    )
    assert medians == [[s.id, str(display(s.spread.median))] for s in team.sections]
    discussed = page.eval_on_selector_all("[data-cx-discuss]", "items => items.map(i => i.dataset.cxDiscuss)")
    assert discussed == list(team.discussion) and len(discussed) == 5
    gaps = page.eval_on_selector_all("[data-cx-gap-value]", "cells => cells.map(c => c.dataset.cxGapValue)")
    assert gaps and gaps == [str(display(g.difference)) for g in team.gaps], "board versus staff, links included"
    focus = page.eval_on_selector_all("[data-cx-team-focus]", "items => items.map(i => i.dataset.cxTeamFocus)")
    assert focus == [f.id for f in team.focus]

    page.fill(f"#cx-team-plan-leadership-{focus[0]}-owner", "Anna (COO)")
    page.fill(f"#cx-team-plan-leadership-{focus[0]}-due", "2027-03-31")
    page.reload()  # the facilitator closes the tab and comes back
    page.wait_for_selector('[data-cx-team="leadership"][data-cx-respondents="5"]', state="attached", timeout=90_000)
    assert page.input_value(f"#cx-team-plan-leadership-{focus[0]}-owner") == "Anna (COO)"
    with page.expect_download() as info:
        page.click("[data-cx-team-download='leadership:json']")
    minutes = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert minutes["respondents"] == 5 and minutes["discussion"] == list(team.discussion)
    assert (minutes["focus"][0]["owner"], minutes["focus"][0]["due"]) == ("Anna (COO)", "2027-03-31")
    with page.expect_download() as info:
        page.click("[data-cx-team-download='leadership:csv']")
    assert "Anna (COO)" in Path(info.value.path()).read_text(encoding="utf-8")
    printed = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Anna (COO)" in printed and "Teamuitslag: MT december" in printed
    assert session.unexpected() == []


def test_team_waits_for_three_and_refuses_bad_input(
    session: Session, site_url: str, definitions: dict, tmp_path: Path
) -> None:
    board = definitions["board-voice"]
    people = [
        respond(
            board, {q: (i % 5) + 1 for q in board.question_ids}, language="en", role="employee", date=f"2026-11-0{i}"
        )
        for i in range(1, 4)
    ]
    texts = [json.dumps(export_dict(p)) for p in people]
    paths = {}
    for name, text in {
        "a.json": texts[0],
        "b.json": texts[1],
        "a-again.json": texts[0],
        "broken.json": "{oops",
        "evil.json": json.dumps({**export_dict(people[2]), "role": '<img src=x onerror="window.__xss=1">'}),
    }.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    big = tmp_path / "huge.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)

    page = team_page(session, site_url, "en/")
    before = team_renders(page)
    page.set_input_files("[data-cx-team-files]", [str(p) for p in (*paths.values(), big)])
    wait_team(page, before + 1)
    page.wait_for_selector('[data-cx-team="board-voice"][data-cx-waiting="true"]')
    assert "1 more respondent needed" in page.inner_text('[data-cx-team="board-voice"]')
    assert page.locator("[data-cx-team-downloads] button").count() == 0
    refused = page.inner_text("[data-cx-team-refused]")
    assert "a-again.json: These answers have already been added." in refused
    assert "broken.json: This is not a valid JSON file." in refused
    assert "evil.json: The role in this file is unknown (“<img" in refused
    assert "huge.json: This file is too large" in refused
    assert page.locator("[data-cx-team-refused] img").count() == 0 and page.evaluate("() => window.__xss") is None

    # a third respondent arrives as a pasted share link
    code = encode_share(board, {q: 2 for q in board.question_ids})
    before = team_renders(page)
    page.fill("[data-cx-team-links]", f"{site_url}en/checklists/board-voice/#cx={code}")
    page.click("[data-cx-team-add]")
    wait_team(page, before + 1)
    page.wait_for_selector('[data-cx-team="board-voice"][data-cx-respondents="3"]')
    assert "3 completed checklists count; not counted: 4." in page.inner_text("[data-cx-team-summary]")
    assert page.locator("[data-cx-team-downloads] button").count() == 2
