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
        ("checklists/method/index.html", ["66,7", "58,3", "62,5", "16,7%"], "Stevig gegrond"),
        ("en/checklists/method/index.html", ["66.7", "58.3", "62.5", "16.7%"], "Well grounded"),
    ],
)
def test_worked_example_matches_a_hand_calculation(built_site: Path, page: str, numbers: list[str], level: str) -> None:
    # understanding 4, 2, don't know, 5 -> (75 + 25 + 100) / 3 = 66.7; vision 3, 3, 4, empty -> 175 / 3 = 58.3;
    # overall (66.7 + 58.3) / 2 = 62.5 -> 63; 6 of 36 answered = 16.7%, provisional
    text = text_of(built_site, page)
    for number in numbers:
        assert number in text, number
    assert re.search(r"(afgerond|rounded) 63", text)
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
