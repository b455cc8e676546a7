"""A play is one screen: on a laptop, every chapter's play card, from its title to its checklist button, is on the
first screen, in both editions; on a phone it opens the chapter, right under the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Session

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
CHAPTERS = sorted(
    str(p.relative_to(DOCS))[:-3]
    for part in ("blocks", "organising", "board")
    for p in (DOCS / part).glob("*.md")
    if not p.name.endswith(".en.md")
)


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["nl", "en"])
def test_every_play_card_fits_the_first_screen_of_a_laptop(session: Session, site_url: str, prefix: str) -> None:
    page = session.page()
    page.set_viewport_size({"width": 1366, "height": 800})
    too_tall = []
    for chapter in CHAPTERS:
        page.goto(f"{site_url}{prefix}{chapter}/")
        card = page.evaluate(
            """() => {
                const card = document.querySelector(".cx-play");
                const title = document.querySelector("h1").getBoundingClientRect();
                const r = card.getBoundingClientRect();
                const button = card.querySelector(".md-button--primary").getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, button: button.bottom, title: title.bottom};
            }"""
        )
        assert card["top"] >= card["title"], f"{chapter}: the card sits under the title"
        if card["bottom"] > 800 or card["button"] > 800:
            too_tall.append(f"{chapter} ({card['bottom']:.0f} px)")
    assert too_tall == [], f"play cards taller than one laptop screen: {too_tall}"
