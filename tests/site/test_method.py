"""The "how scoring works" page: generated from the definitions, with a worked example a reader can redo."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest


def text_of(built_site: Path, page: str) -> str:
    html = (built_site / page).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


@pytest.mark.parametrize(
    ("page", "numbers", "level"),
    [
        (
            "checklists/method/index.html",
            [
                "66,7, in de uitslag 67",
                "62,5, in de uitslag 63",
                "64,6, in de uitslag 65",
                "14,7%, in de uitslag 15%",
                "zeggen: telt niet mee",
            ],
            "Stevig gegrond",
        ),
        (
            "en/checklists/method/index.html",
            ["66.7, shown as 67", "62.5, shown as 63", "64.6, shown as 65", "14.7%, shown as 15%", "say: left out"],
            "Well grounded",
        ),
    ],
)
def test_worked_example_matches_a_hand_calculation(built_site: Path, page: str, numbers: list[str], level: str) -> None:
    # understanding 4, 2, don't know, 5 -> (75 + 25 + 100) / 3 = 66.7, shown 67; vision: its first statement is a
    # "say" statement (3, left out), then 3, 4, empty -> (50 + 75) / 2 = 62.5, shown 63;
    # overall (66.7 + 62.5) / 2 = 64.6, shown 65: level from 60; 5 of 34 counting statements = 14.7%, provisional
    text = text_of(built_site, page)
    for number in numbers:
        assert number in text, number
    assert re.search(r"(Niveau|Level) : (Stevig gegrond|Well grounded)", text)
    assert level in text


@pytest.mark.parametrize("page", ["checklists/method/index.html", "en/checklists/method/index.html"])
def test_every_checklist_levels_are_listed(built_site: Path, page: str, definitions: dict) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    text = text_of(built_site, page)  # without tags: terms in names carry hover definitions (<abbr>)
    lang = "en" if page.startswith("en/") else "nl"
    for name, checklist in definitions.items():
        assert f'id="levels-{name}"' in html
        for level in checklist.levels:
            assert level.name.get(lang) in html_lib.unescape(text)


@pytest.mark.parametrize(
    ("page", "rules"),
    [
        (
            "checklists/method/index.html",
            [
                "onder de 60",
                "Aandachtsgebieden : hooguit 3",
                "met 2 of lager",
                "lager dan 70%",
                "en alleen dan noemt de uitslag",
                "minstens 2 stappen",
                "een 79,5 staat er als 80",
                "een fase zonder antwoorden op de schaal is niet gehaald",
                "in de volgorde van de fasen",
                "Zeggen telt niet mee",
                "Niets beantwoord",
                "Sterke uitslag",
                "Niet van toepassing",
                "Vanaf 3 respondenten",
                "minstens 2 respondenten met die rol",
                "Geen vergelijking met andere organisaties",
            ],
        ),
        (
            "en/checklists/method/index.html",
            [
                "below 60",
                "Focus areas : at most 3",
                "2 or lower",
                "below 70%",
                "and only then does it name",
                "at least 2 steps",
                "a 79.5 is shown as 80",
                "a phase without answers on the scale is not passed",
                "in the order of the phases",
                "Saying does not count",
                "Nothing answered",
                "Strong result",
                "Not applicable",
                "From 3 respondents",
                "at least 2 respondents with that role",
                "No comparison with other organisations",
            ],
        ),
    ],
)
def test_the_page_states_every_rule_with_the_checklists_numbers(built_site: Path, page: str, rules: list[str]) -> None:
    text = text_of(built_site, page)
    for rule in rules:
        assert rule in text, rule
