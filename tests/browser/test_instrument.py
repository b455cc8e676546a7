"""The instrument as a director uses it: next steps, an action plan, snapshots and progress, the last result at
once on a second visit, the 5 and 1 of each statement, and the chart as a file for a slide. Both editions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from checklists.scoring import display, score

from .conftest import Session, kept_result, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser

EDITIONS = [("nl", ""), ("en", "en/")]


def counting(checklist: Any, section: str) -> list[str]:
    """The statements of a section that count in the score (not "say" statements)."""
    return [q.id for q in checklist.section(section).questions if q.id not in checklist.say_ids]


def answered(page: Any, answers: dict[str, Any]) -> None:
    before = renders(page)
    set_answers(page, answers)
    wait_renders(page, before + 1)


def wait_kept(page: Any, answers: dict[str, Any]) -> None:
    """Wait until the result of `answers` is kept for the next visit (it is written just after it is shown)."""
    page.wait_for_function(
        """answers => Object.keys(localStorage).some((key) => key.endsWith(':leadership:last')
            && JSON.parse(localStorage.getItem(key)).answers.includes(JSON.stringify(Object.entries(answers)[0])))""",
        arg=answers,
    )


def stored(page: Any, site_url: str) -> dict[str, Any]:
    key = f"cx-playbook:{urlsplit(site_url).path}:leadership"
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key)}))")


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_a_directors_whole_flow_from_answers_to_a_plan_and_its_progress(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    leadership = definitions["leadership"]
    answers = dict.fromkeys(leadership.question_ids, 4)
    for section, value in (("culture", 2), ("people", 1), ("resources", 2), ("steering", 3)):
        answers.update(dict.fromkeys(counting(leadership, section), value))
    page = session.page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    answered(page, answers)
    expected = score(leadership, answers)
    areas = page.eval_on_selector_all("[data-cx-focus]", "items => items.map((i) => i.dataset.cxFocus)")
    assert areas == [f.id for f in expected.focus] == ["people", "culture", "resources"]

    for area, owner, due in zip(
        areas, ("Anna, CEO", "Bram, HR", "Chris, COO"), ("2027-01-31", "2027-02-28", "2027-03-31"), strict=True
    ):
        for field, value in (("owner", owner), ("due", due)):
            page.fill(f'[data-cx-plan="{area}:{field}"]', value)
            page.locator(f'[data-cx-plan="{area}:{field}"]').dispatch_event("change")
    plan = stored(page, site_url)["plan"]
    assert plan["people"] == {"owner": "Anna, CEO", "due": "2027-01-31"} and len(plan) == 3

    before = renders(page)
    page.click("[data-cx-snapshot]")
    wait_renders(page, before + 1)
    better = {**answers, **dict.fromkeys(counting(leadership, "people"), 3)}
    answered(page, better)
    before = renders(page)
    page.click("[data-cx-snapshot]")
    wait_renders(page, before + 1)
    snapshots = stored(page, site_url)["snapshots"]
    assert len(snapshots) == 2 and snapshots[0]["plan"]["culture"]["owner"] == "Bram, HR"

    moves = page.eval_on_selector_all(
        "[data-cx-progress]", "items => items.map((i) => [i.dataset.cxProgress, i.textContent])"
    )
    assert [area for area, _ in moves] == areas
    people_before = display(expected.section("people").score)
    people_after = display(score(leadership, better).section("people").score)
    assert f"{people_before}" in moves[0][1] and f"{people_after}" in moves[0][1]
    assert f"+{people_after - people_before}" in moves[0][1]

    # the plan travels with the answers: the JSON and CSV exports and the printed report carry it
    with page.expect_download() as info:
        page.click("[data-cx-export=json]")
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["plan"]["resources"] == {"owner": "Chris, COO", "due": "2027-03-31"}
    with page.expect_download() as info:
        page.click("[data-cx-export=csv]")
    assert "Chris, COO" in Path(info.value.path()).read_text(encoding="utf-8")
    page.emulate_media(media="print")
    assert page.locator('[data-cx-plan="culture:owner"]').is_visible()
    assert page.input_value('[data-cx-plan="culture:owner"]') == "Bram, HR"


def test_a_strong_result_still_gets_a_next_step(session: Session, site_url: str, definitions: dict) -> None:
    page = session.page()
    page.goto(site_url + "checklists/leadership/")
    wait_ready(page)
    answered(page, dict.fromkeys(definitions["leadership"].question_ids, 4))
    kinds = page.eval_on_selector_all("[data-cx-focus]", "items => items.map((i) => i.dataset.cxFocusKind)")
    assert kinds == ["keep"]


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_a_second_visit_shows_the_last_result_at_once_and_never_for_other_answers(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    url = site_url + prefix + "checklists/leadership/"
    page = session.page()
    page.goto(url)
    wait_ready(page)
    answers = {"understanding-listen": 5, "vision-decisions-tested": 2}
    answered(page, answers)
    wait_kept(page, answers)
    shown = shown_result(page)  # the engine's result
    focus = page.eval_on_selector_all("[data-cx-focus]", "items => items.map((i) => i.dataset.cxFocus)")
    page.close()

    # the second visit, with the engine held back: the last result must already be there, from the build's template
    session.context.route("**/cx-worker.mjs*", lambda route: None)
    page = session.page()
    page.goto(url)
    page.wait_for_selector("[data-cx-result-for][data-cx-from-last-visit]", state="attached")
    # before the engine is ready (the glue may not even have started: the kept result is shown while parsing)
    assert page.get_attribute("form[data-cx-checklist]", "data-cx-engine-state") in (None, "loading", "progress")
    assert page.is_visible("[data-cx-last]")
    kept = kept_result(page)
    assert {k: kept[k] for k in ("overall", "level", "coverage", "sections")} == shown
    assert kept["focus"] == focus
    offer = page.locator("[data-cx-return-for]")  # offered where the reader lands, as a link to the result
    assert offer.is_visible() and str(shown["overall"]) in offer.inner_text()
    assert offer.locator("a").get_attribute("href") == "#result"
    page.check("#cx-steering-chain-3")  # other answers: the kept result no longer fits and goes
    page.wait_for_selector("[data-cx-result-for]:not([data-cx-from-last-visit])", state="attached")
    assert page.is_hidden("[data-cx-last]") and kept_result(page) is None
    page.close()
    session.context.unroute("**/cx-worker.mjs*")

    # with the engine: the fresh result replaces it, and the mark goes
    page = session.page()
    page.goto(url)
    wait_ready(page)
    page.wait_for_selector("[data-cx-result-for]:not([data-cx-from-last-visit])", state="attached")
    # the change made while the engine was held back was kept apart, and counts now
    changed = score(definitions["leadership"], {**answers, "steering-chain": 3})
    assert page.is_hidden("[data-cx-last]") and shown_result(page)["overall"] == display(changed.overall)


@pytest.mark.parametrize(
    ("lang", "prefix", "summary"), [("nl", "", "Hoe ziet een 5 eruit"), ("en", "en/", "What does a 5")]
)
def test_each_leadership_statement_shows_its_5_and_1_from_the_keyboard(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str, summary: str
) -> None:
    question = definitions["leadership"].question_ids[0]
    anchors = definitions["leadership"].questions[question].anchors
    page = session.page()
    page.goto(site_url + prefix + "checklists/leadership/")
    details = page.locator(f"#cx-q-{question} details.cx-anchors")
    assert summary in details.locator("summary").inner_text() and not details.locator("p").first.is_visible()
    page.focus(f"#cx-{question}-5")
    page.keyboard.press("Tab")  # from the question's options to its summary
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert anchors.high.get(lang) in details.inner_text() and anchors.low.get(lang) in details.inner_text()


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_the_chart_downloads_as_an_svg_with_the_checklists_name_and_the_date(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    page = session.page()
    page.goto(site_url + prefix + "checklists/leadership/")
    wait_ready(page)
    answered(page, {"understanding-listen": 5, "culture-criticism-open": 2})
    with page.expect_download() as info:
        page.click("[data-cx-chart-download]")
    download = info.value
    assert download.suggested_filename.startswith("leadership-") and download.suggested_filename.endswith(".svg")
    root = ElementTree.fromstring(Path(download.path()).read_bytes())
    title = root.find("{http://www.w3.org/2000/svg}title").text
    assert definitions["leadership"].title.get(lang) in title
    date = page.evaluate("() => new Date().toISOString().slice(0, 10)")
    assert date in title and root.get("width") and root.find("{http://www.w3.org/2000/svg}style") is not None


def test_the_result_table_follows_materials_style_and_the_dark_scheme(browser: Any, site_url: str) -> None:
    session = Session(browser, color_scheme="dark")
    try:
        page = session.page()
        page.goto(site_url + "checklists/leadership/")
        wait_ready(page)
        answered(page, {"understanding-listen": 4})
        table = page.locator("[data-cx-result] .md-typeset__table table")
        assert table.count() == 1
        colours = page.evaluate(
            """() => {
                const cell = document.querySelector('.cx-result .md-typeset__table td');
                const style = getComputedStyle(cell);
                return [style.color, getComputedStyle(document.body).backgroundColor, style.borderTopStyle];
            }"""
        )
        text, background, border = colours
        assert text != background and border != "none", colours  # readable on the dark background, Material's rules
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    finally:
        session.close()
