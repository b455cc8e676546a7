"""The workshop cards: each renders in both editions under its id with its steps and minutes, each is named by a
checklist section, and a focus area on a built checklist page (and in the team view) links to its card."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from checklists import api
from checklists.model import Checklist
from macros.site import WORKSHOPS
from macros.workshops import Workshop, load_workshops
from tests.site.test_editorial import EDITORIAL, variants

CARDS = load_workshops()
EDITIONS = {"nl": "tools/workshops/index.html", "en": "en/tools/workshops/index.html"}


def plain(markup: str) -> str:
    """Text as a reader reads it: tags (hover terms, bold) out, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", markup))).strip()


def card_html(page: str, ident: str) -> tuple[str, str] | None:
    """The heading and the body of one card on the built page, or None when no heading has that id."""
    found = re.search(rf'<h2 id="{re.escape(ident)}">(.*?)</h2>\s*<div class="cx-workshop">(.*?)</div>', page, re.S)
    return (found.group(1), found.group(2)) if found else None


def card_problems(page: str, card: Workshop, lang: str) -> list[str]:
    """What is missing or wrong in the rendering of one card: heading, purpose, time, steps with minutes, output."""
    found = card_html(page, card.id)
    if not found:
        return [f"no heading with id {card.id}"]
    heading, body = found
    problems = []
    if not plain(heading).startswith(card.title.get(lang)):
        problems.append(f"heading {plain(heading)!r}")
    text = plain(body)
    for label, wanted in (("purpose", card.purpose), ("output", card.output), ("follow_up", card.follow_up)):
        if wanted.get(lang) not in text:
            problems.append(f"{label} missing")
    meta = re.search(r'<p class="cx-workshop__meta">(.*?)</p>', body, re.S)
    if not meta or f"{card.minutes} min" not in plain(meta.group(1)):
        problems.append("the card's time is not in its meta line")
    steps = re.findall(r"<li>(.*?)</li>", body, re.S)
    if len(steps) != len(card.steps):
        problems.append(f"{len(steps)} steps shown, {len(card.steps)} defined")
    for i, (shown, step) in enumerate(zip(steps, card.steps, strict=False), 1):
        if plain(shown) != f"{step.minutes} min — {step.do.get(lang)}":
            problems.append(f"step {i}: {plain(shown)[:60]!r}")
    return problems


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("ident", sorted(CARDS))
def test_every_card_renders_with_its_steps_and_minutes(built_site: Path, ident: str, lang: str) -> None:
    page = (built_site / EDITIONS[lang]).read_text(encoding="utf-8")
    assert card_problems(page, CARDS[ident], lang) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_shows_every_card_once_and_nothing_else(built_site: Path, lang: str) -> None:
    page = (built_site / EDITIONS[lang]).read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    assert sorted(re.findall(r'<h2 id="([a-z0-9-]+)"', article)) == sorted(CARDS)
    assert article.count('<div class="cx-workshop">') == len(CARDS)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_cards_background_link_reaches_its_chapter_heading(built_site: Path, lang: str) -> None:
    page_path = built_site / EDITIONS[lang]
    page = page_path.read_text(encoding="utf-8")
    for ident in CARDS:
        _, body = card_html(page, ident) or ("", "")
        href = re.findall(r'<a href="([^"]+)">', body)[-1]
        target, _, anchor = href.partition("#")
        chapter = (page_path.parent / target / "index.html").resolve()
        assert chapter.is_file(), f"{ident}: {href}"
        assert anchor == CARDS[ident].chapter.partition("#")[2]
        assert not anchor or f'id="{anchor}"' in chapter.read_text(encoding="utf-8"), f"{ident}: {href}"


def test_negative_control_a_missing_step_or_a_wrong_minute_is_caught(built_site: Path) -> None:
    page = (built_site / EDITIONS["en"]).read_text(encoding="utf-8")
    card = CARDS[sorted(CARDS)[0]]
    _, body = card_html(page, card.id) or ("", "")
    dropped = page.replace(body, re.sub(r"<li>.*?</li>", "", body, count=1, flags=re.S))
    assert any("steps shown" in p for p in card_problems(dropped, card, "en"))
    wrong = page.replace(body, re.sub(r"<li><strong>\d+ min", "<li><strong>99 min", body, count=1))
    assert wrong != page and any(p.startswith("step 1") for p in card_problems(wrong, card, "en"))
    untimed = page.replace(body, body.replace(f"</strong> {card.minutes} min", "</strong> soon", 1))
    assert "the card's time is not in its meta line" in card_problems(untimed, card, "en")
    moved = page.replace(f'id="{card.id}"', 'id="elsewhere"')
    assert card_problems(moved, card, "en") == [f"no heading with id {card.id}"]


# --- every card is reached from a checklist ---------------------------------------------------------------------------


def named_cards(checklists: Mapping[str, Checklist]) -> set[str]:
    """The cards that at least one checklist section names."""
    return {s.workshop.partition("#")[2] for c in checklists.values() for s in c.sections if s.workshop}


def test_every_card_is_named_by_at_least_one_checklist_section(definitions: dict) -> None:
    assert set(CARDS) - named_cards(definitions) == set()


def test_every_named_card_lives_on_the_workshops_page(definitions: dict) -> None:
    links = {s.workshop for c in definitions.values() for s in c.sections if s.workshop}
    assert links and all(link.partition("#")[0] == WORKSHOPS for link in links)
    assert named_cards(definitions) <= set(CARDS)


def test_negative_control_a_card_no_section_names_is_caught(definitions: dict) -> None:
    # strip every reference to one card from every checklist: exactly that card is left unreached
    card = sorted(named_cards(definitions))[0]
    stripped = {}
    for name, checklist in definitions.items():
        data = checklist.to_dict()
        for section in data["sections"]:
            if section.get("workshop", "").endswith(f"#{card}"):
                del section["workshop"]
        stripped[name] = Checklist.from_dict(data)
    assert set(CARDS) - named_cards(stripped) == {card}


# --- a focus area on a built page links to its card ------------------------------------------------------------------


@pytest.fixture
def engine() -> Iterator[None]:
    """`api`'s loaded checklists, put back after the test."""
    before = dict(api._LOADED)
    yield
    api._LOADED.clear()
    api._LOADED.update(before)


def embedded(page: Path, cls: str) -> dict:
    """The JSON a built page carries for the engine (the definition and its links, or the team view's)."""
    found = re.search(rf'<script type="application/json" class="{cls}"[^>]*>(.*?)</script>', page.read_text("utf-8"))
    assert found, f"{page} carries no {cls}"
    return json.loads(found.group(1))


def lands_on_card(built_site: Path, page: Path, url: str, ident: str) -> bool:
    """Whether a URL on a built page points at the workshops page of the same edition, at the card's heading."""
    target, _, anchor = url.partition("#")
    resolved = (page.parent / target / "index.html").resolve()
    edition = "en/" if page.relative_to(built_site).as_posix().startswith("en/") else ""
    return anchor == ident and resolved == (built_site / edition / "tools/workshops/index.html").resolve()


def weakest(checklist: Checklist, section_id: str) -> dict[str, int]:
    """Answers that make one section the weakest: its statements at the bottom of the scale, the rest at the top."""
    low = {q.id for q in checklist.section(section_id).questions}
    return {q: checklist.scale.low if q in low else checklist.scale.high for q in checklist.question_ids}


def focus_item(html: str, area: str) -> str:
    found = re.search(rf'<li class="cx-focus" data-cx-focus="{re.escape(area)}".*?</li>', html, re.S)
    assert found, f"{area} is not a focus area"
    return found.group(0)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.usefixtures("engine")
def test_a_focus_area_on_a_built_checklist_page_links_to_its_card(
    built_site: Path, definitions: dict, lang: str
) -> None:
    edition, checked = ("en/" if lang == "en" else ""), 0
    for name in definitions:
        page = built_site / edition / "checklists" / name / "index.html"
        data = embedded(page, "cx-definition")
        checklist = Checklist.from_dict(data["definition"])
        api.define(data["definition"], data["links"], lang)
        for section in checklist.sections:
            if not section.workshop:
                continue
            ident = section.workshop.partition("#")[2]
            url = data["links"].get(section.workshop)
            assert url and lands_on_card(built_site, page, url, ident), f"{name}/{section.id}: {url}"
            html = api.score_answers(name, weakest(checklist, section.id), lang)["html"]
            assert f'href="{html_lib.escape(url)}"' in focus_item(html, section.id), f"{name}/{section.id}"
            checked += 1
    assert checked >= len(CARDS)


@pytest.mark.usefixtures("engine")
def test_negative_control_without_the_pages_url_the_focus_area_has_no_card_link(built_site: Path) -> None:
    page = built_site / "en/checklists/leadership/index.html"
    data = embedded(page, "cx-definition")
    checklist = Checklist.from_dict(data["definition"])
    section = next(s for s in checklist.sections if s.workshop)
    links = {k: v for k, v in data["links"].items() if k != section.workshop}
    api.define(data["definition"], links, "en")
    html = api.score_answers("leadership", weakest(checklist, section.id), "en")["html"]
    assert "tools/workshops/" not in focus_item(html, section.id)
    # and a URL to another card, or to the other edition's page, does not count as reaching the card
    ident, url = section.workshop.partition("#")[2], data["links"][section.workshop]
    assert lands_on_card(built_site, page, url, ident)
    assert not lands_on_card(built_site, page, url.replace(f"#{ident}", "#other"), ident)
    assert not lands_on_card(built_site, page, "../" + url, ident)  # from en/… up to the Dutch edition


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_team_view_carries_every_cards_url(built_site: Path, definitions: dict, lang: str) -> None:
    page = built_site / ("en/" if lang == "en" else "") / "checklists/team/index.html"
    links = embedded(page, "cx-team-definitions")["links"]
    for name, checklist in definitions.items():
        for section in checklist.sections:
            if section.workshop:
                url = links[name].get(section.workshop, "")
                assert lands_on_card(built_site, page, url, section.workshop.partition("#")[2]), f"{name}: {url}"


def in_edition(built_site: Path, page: Path, url: str) -> bool:
    """Whether a relative URL on a built page opens an existing page of that page's own edition."""
    resolved = (page.parent / url.partition("#")[0] / "index.html").resolve()
    english = page.relative_to(built_site).as_posix().startswith("en/")
    inside = resolved.relative_to(built_site.resolve()).as_posix().startswith("en/")
    return resolved.is_file() and inside == english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_link_the_engine_renders_stays_in_the_pages_edition(
    built_site: Path, definitions: dict, lang: str
) -> None:
    # the card links share their URLs with the chapter links and the block navigation: an English result must not
    # send its reader to the Dutch edition
    edition, wrong = ("en/" if lang == "en" else ""), []
    for name in definitions:
        page = built_site / edition / "checklists" / name / "index.html"
        wrong += [
            f"{name}: {u}"
            for u in embedded(page, "cx-definition")["links"].values()
            if not in_edition(built_site, page, u)
        ]
    team = built_site / edition / "checklists/team/index.html"
    for name, links in embedded(team, "cx-team-definitions")["links"].items():
        wrong += [f"team {name}: {u}" for u in links.values() if not in_edition(built_site, team, u)]
    block = built_site / edition / "blocks/vision/index.html"
    nav = re.findall(r'class="cx-blocknav__(?:prev|next)" href="([^"]+)"', block.read_text(encoding="utf-8"))
    wrong += [f"block nav: {u}" for u in nav if not in_edition(built_site, block, u)]
    assert len(nav) == 2 and wrong == []


def test_negative_control_a_link_into_the_other_edition_is_caught(built_site: Path) -> None:
    page = built_site / "en/checklists/leadership/index.html"
    assert in_edition(built_site, page, "../../blocks/culture/#practices")
    assert not in_edition(built_site, page, "../../../blocks/culture/#practices")  # the Dutch chapter
    assert not in_edition(built_site, page, "../../blocks/nowhere/")


# --- the cards follow the editorial rules -----------------------------------------------------------------------------


def card_texts(card: Workshop, lang: str) -> list[str]:
    texts = [card.title, card.purpose, card.people, *card.materials, *(s.do for s in card.steps), card.output]
    return [t.get(lang) for t in [*texts, card.follow_up]]


def source_marks(text: str) -> list[str]:
    """Names and figures from the articles: a card carries none (the chapter it links to tells and cites them)."""
    sources = EDITORIAL.sources.values()
    found = [p.pattern for s in sources for p in s.names if p.search(text)]
    return found + [p.pattern for s in sources for p in s.figures if re.search(p.pattern, text, re.I)]


@pytest.mark.parametrize("ident", sorted(CARDS))
def test_a_card_names_no_source_and_uses_the_preferred_terms(ident: str) -> None:
    for lang in ("nl", "en"):
        for text in card_texts(CARDS[ident], lang):
            assert source_marks(text) == [] and variants(text, lang) == [], text


@pytest.mark.parametrize("ident", sorted(CARDS))
def test_a_card_comes_back_every_quarter_and_says_whose_format_it_is(ident: str) -> None:
    card = CARDS[ident]
    assert "kwartaal" in card.follow_up.get("nl") and "quarter" in card.follow_up.get("en")
    assert "dit playbook" in card.purpose.get("nl") and "this playbook" in card.purpose.get("en")


def test_negative_control_a_source_name_and_a_variant_are_caught() -> None:
    assert source_marks("Zoals bij Ozvision, met 200 dollar per medewerker") != []
    assert variants("Loop de customer journey door met de back-office", "nl") != []
