"""A focus area whose section names a workshop card links to it, on an individual result and in the team's picture."""

from __future__ import annotations

import re
from typing import Any

import pytest

from checklists.model import Checklist, ChecklistError
from checklists.record import respond
from checklists.report import render
from checklists.scoring import score
from checklists.team import aggregate
from checklists.teamview import render_team

from .test_model import minimal

CARD = "tools/workshops.md#day-test"
URL = "../../tools/workshops/#day-test"
LINE = {"nl": "Werk het uit in een werksessie over Een", "en": "Work it out in a workshop on One"}


def with_card(workshop: str | None = CARD) -> Checklist:
    """The small definition, its first section naming a card (or not); the second section never does."""
    data: dict[str, Any] = minimal()
    if workshop:
        data["sections"][0]["workshop"] = workshop
    return Checklist.from_dict(data)


def focus_item(html: str, area: str, attribute: str = "data-cx-focus") -> str:
    """The list item of one focus area (the test fails if it is not a focus area)."""
    found = re.search(rf'<li class="cx-focus" {attribute}="{area}".*?</li>', html, re.S)
    assert found, f"{area} is not a focus area"
    return found.group(0)


def low_first() -> dict[str, int]:
    # section one scores lowest, so it is the first focus area; two follows as the next
    return {"one-a": 1, "one-b": 1, "two-a": 3}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_result_links_the_focus_area_to_its_card_when_the_page_passes_the_url(lang: str) -> None:
    checklist = with_card()
    html = render(checklist, score(checklist, low_first()), lang, {CARD: URL})
    item = focus_item(html, "one")
    assert f'<a href="{URL}">{LINE[lang]}</a>' in item
    assert URL not in focus_item(html, "two")  # the section without a card gets no card link
    assert html.count(URL) == 1


def test_a_result_shows_no_card_link_without_the_pages_url() -> None:
    # negative control: the definition names the card, but the page passed no URL for it (or another card's)
    checklist = with_card()
    result = score(checklist, low_first())
    for links in ({}, {"tools/workshops.md#effect-chain": "../../tools/workshops/#effect-chain"}):
        html = render(checklist, result, "en", links)
        assert "workshop" not in html.lower() and "href" not in focus_item(html, "one")


def test_a_result_shows_no_card_link_when_the_section_names_none() -> None:
    # negative control: the page's links hold the card's URL, but no section names it
    checklist = with_card(None)
    html = render(checklist, score(checklist, low_first()), "en", {CARD: URL})
    assert URL not in html and LINE["en"] not in html


def team_of(checklist: Checklist) -> Any:
    people = [respond(checklist, low_first() | {"two-a": v}, language="en", date=f"2026-01-0{v}") for v in (3, 4, 5)]
    return aggregate(checklist, people)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_teams_focus_area_links_to_its_card_when_the_page_passes_the_url(lang: str) -> None:
    checklist = with_card()
    html = render_team(checklist, team_of(checklist), lang, links={CARD: URL})
    assert f'<a href="{URL}">{LINE[lang]}</a>' in focus_item(html, "one", "data-cx-team-focus")
    assert html.count(URL) == 1


def test_the_teams_focus_area_shows_no_card_link_without_the_url_or_the_card() -> None:
    # negative controls: no URL from the page; a URL but no section that names the card
    html = render_team(with_card(), team_of(with_card()), "en", links={})
    assert LINE["en"] not in html and "tools/workshops" not in html
    plain = with_card(None)
    html = render_team(plain, team_of(plain), "en", links={CARD: URL})
    assert URL not in html


def test_the_card_is_among_the_links_a_page_must_pass() -> None:
    # the page builds its URL map from chapter_links(): a card left out of it would never be linked
    assert CARD in with_card().chapter_links()
    assert CARD not in with_card(None).chapter_links()


@pytest.mark.parametrize("bad", ["https://example.org/x.md", "../tools/workshops.md#x", "tools/workshops.md#X y"])
def test_a_workshop_link_must_be_a_page_of_the_site(bad: str) -> None:
    with pytest.raises(ChecklistError, match=r"sections\[0\]\.workshop"):
        with_card(bad)
