"""The journey around the engine, as a director on a phone and a laptop meets it, in both editions: a share link
opens as a result, the result is one step away, the score bar stays readable, the effort is said up front, the scale
fits a phone, a printed result is a board pack, the tools are grouped, the words are a director's, and a slow
connection is told the truth. Geometry and text are asserted, never timings."""

from __future__ import annotations

import io
import json
import re
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from checklists.formats import encode_share
from checklists.scoring import display, score

from . import server
from .conftest import ENGINE_TIMEOUT_MS, Session, renders, set_answers, wait_ready, wait_renders

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 800}
EDITIONS = [("nl", ""), ("en", "en/")]


def open_page(session: Session, url: str, viewport: dict[str, int]) -> Any:
    page = session.page()
    page.set_viewport_size(viewport)
    page.goto(url)
    return page


def box(page: Any, selector: str) -> dict[str, float]:
    return page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect(); "
        "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width}; }",
        selector,
    )


def some_answers(checklist: Any, value: int = 2) -> dict[str, int]:
    """Every other statement answered `value`, so the result is scored but provisional-free."""
    return dict.fromkeys(checklist.question_ids, value)


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_share_link_opens_as_a_result(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str, viewport: dict[str, int]
) -> None:
    checklist = definitions["leadership"]
    answers = some_answers(checklist)
    code = encode_share(checklist, answers, "employee", "MT december")
    url = f"{site_url}{prefix}checklists/leadership/"
    page = open_page(session, url, viewport)  # the reader's own answers, first
    wait_ready(page)
    page.check("#cx-understanding-listen-5")
    key = f"cx-playbook:{urlsplit(site_url).path}:leadership"
    entry = f"() => JSON.parse(localStorage.getItem({json.dumps(key)}))?.answers"
    page.wait_for_function(entry)
    own = page.evaluate(entry)
    page.close()
    page = open_page(session, f"{url}#cx={code}", viewport)  # the colleague's link, opened as it arrives
    page.wait_for_selector("[data-cx-shared]:not([hidden])", state="visible")
    wait_ready(page)
    expected = display(score(checklist, answers).overall)
    page.wait_for_function(
        "n => document.querySelector('[data-cx-result] [data-cx-overall]')?.dataset.cxOverall == n", arg=str(expected)
    )
    assert page.evaluate("() => window.scrollY") == 0, "it opens at the top, where the notice and the result are"
    # the notice, then score, level and the first focus area, all on the first screen
    notice, overall = box(page, "[data-cx-shared]"), box(page, "[data-cx-result] .cx-result__overall")
    level, focus = box(page, "[data-cx-result] .cx-result__level"), box(page, "[data-cx-result] .cx-focus")
    assert notice["bottom"] <= overall["top"] < overall["bottom"] <= viewport["height"]
    assert level["bottom"] <= viewport["height"] and focus["top"] < viewport["height"]
    assert "MT december" in page.inner_text("[data-cx-shared-who]")
    assert page.locator(".cx-answers").is_hidden() and page.locator(".cx-intro").is_hidden()
    page.click("[data-cx-show-answers]")
    assert page.locator(".cx-answers").is_visible() and page.is_checked("#cx-understanding-listen-2")
    assert page.get_attribute("[data-cx-show-answers]", "aria-expanded") == "true"
    page.click("[data-cx-leave]")
    page.wait_for_selector("[data-cx-shared]", state="hidden")
    assert page.is_checked("#cx-understanding-listen-5"), "the reader's own answers are back, untouched"
    assert page.evaluate(entry) == own == {"understanding-listen": 5}


def test_while_the_engine_loads_the_place_of_a_shared_result_says_so(
    session: Session, site_url: str, definitions: dict
) -> None:
    code = encode_share(definitions["leadership"], some_answers(definitions["leadership"]))
    session.context.route("**/cx-worker.mjs*", lambda route: None)  # the engine never comes
    page = open_page(session, f"{site_url}checklists/leadership/#cx={code}", PHONE)
    page.wait_for_selector("[data-cx-result-wait]")
    page.wait_for_function("() => document.querySelector('[data-cx-result-wait]').textContent.includes('berekend')")
    wait = box(page, "[data-cx-result-wait]")
    assert wait["bottom"] <= PHONE["height"], "the place of the result is on the first screen, and says it is coming"
    session.context.unroute("**/cx-worker.mjs*")


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_the_result_is_one_step_away_and_the_score_bar_stays_readable(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    page = open_page(session, f"{site_url}{prefix}checklists/leadership/", LAPTOP)
    wait_ready(page)
    toc = page.locator(".md-sidebar--secondary a[href='#result']")
    assert toc.count() == 1, "the result has an entry in the page's contents"
    before = renders(page)
    set_answers(page, {"understanding-listen": 2, "vision-decisions-tested": 4})
    wait_renders(page, before + 1)
    bar = page.locator("[data-cx-scorebar]")
    assert bar.get_attribute("href") == "#result"
    assert ("voorlopig" if lang == "nl" else "provisional") in bar.inner_text(), "provisional, as the panel says"
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.evaluate("() => document.querySelector('#cx-q-culture-criticism-open').scrollIntoView()")
        page.mouse.wheel(0, 2400)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -600)  # scrolling up: Material shows its back-to-top button
        page.wait_for_timeout(400)
        rect = box(page, "[data-cx-scorebar]")
        assert rect["top"] >= 0 and rect["bottom"] <= viewport["height"], "the bar is on screen"
        corners = [(rect["left"] + 2, rect["top"] + 2), (rect["right"] - 2, rect["top"] + 2)]
        corners += [(rect["left"] + 2, rect["bottom"] - 2), (rect["right"] - 2, rect["bottom"] - 2)]
        for x, y in corners:
            hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('[data-cx-scorebar]')", [x, y])
            assert hit, f"something covers the score bar at {x:.0f},{y:.0f} ({viewport['width']} px)"
    page.set_viewport_size(LAPTOP)
    bar.click()
    page.wait_for_function("() => location.hash === '#result'")
    assert 0 <= box(page, "#result")["top"] < LAPTOP["height"]


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_the_effort_is_said_up_front(session: Session, site_url: str, lang: str, prefix: str) -> None:
    for viewport in (PHONE, LAPTOP):
        page = open_page(session, f"{site_url}{prefix}", viewport)
        cta = page.locator(".cx-start .md-button--primary")
        assert cta.count() == 1 and box(page, ".cx-start .md-button--primary")["bottom"] <= viewport["height"]
        assert cta.get_attribute("href").endswith("checklists/leadership/")
        page.close()
    page = open_page(session, f"{site_url}{prefix}checklists/", LAPTOP)
    cards = page.locator(".cx-checklists li")
    first = cards.nth(0).inner_text()
    assert ("Leiderschapschecklist" if lang == "nl" else "Leadership checklist") in first
    assert re.search(r"36 (uitspraken|statements) · (ongeveer|about) 15 (minuten|minutes)", first)
    for i in range(cards.count()):
        assert len(cards.nth(i).inner_text().splitlines()) <= 6, "a card is a title, a purpose and its effort"
    page = open_page(session, f"{site_url}{prefix}checklists/leadership/", LAPTOP)
    effort = page.inner_text(".cx-effort")
    assert re.search(r"36 (uitspraken|statements) · (ongeveer|about) 15 (minuten|minutes)", effort)
    assert box(page, "#cx-q-understanding-listen")["top"] < LAPTOP["height"], "the first statement on screen one"
    opening = page.inner_text(".cx-intro").split("\n")[0:3]
    assert not any(word in " ".join(opening).lower() for word in ("dekking", "rekenmodule", "coverage", "engine"))
    wait_ready(page)
    assert page.inner_text("[data-cx-status]") == "", "the status line goes once it has nothing more to say"


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_on_a_phone_the_scale_is_one_row_and_the_result_reads(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    page = open_page(session, f"{site_url}{prefix}checklists/leadership/", PHONE)
    tops = page.eval_on_selector_all(
        "#cx-q-understanding-listen .cx-option", "items => items.map((i) => i.getBoundingClientRect().top)"
    )
    assert len(tops) == 6 and len({round(t) for t in tops}) == 1, "1–5 and ? in one row"
    rects = page.eval_on_selector_all(
        "#cx-q-understanding-listen .cx-option",
        "items => items.map((i) => [i.getBoundingClientRect().left, i.getBoundingClientRect().right])",
    )
    gaps = [rects[i + 1][0] - rects[i][1] for i in range(5)]
    assert gaps[4] > max(gaps[:4]) + 4, "don't know stands apart from the scale"
    assert box(page, "#cx-q-understanding-listen")["height"] <= PHONE["height"] / 3
    wait_ready(page)
    before = renders(page)
    set_answers(page, dict.fromkeys(definitions["leadership"].question_ids, 3))
    wait_renders(page, before + 1)
    sizes = page.eval_on_selector_all(
        "[data-cx-result] svg.cx-chart .cx-chart__label",
        "items => items.filter((t) => t.getClientRects().length).map((t) => t.getBoundingClientRect().height)",
    )
    assert sizes and min(sizes) >= 11, f"chart labels at least 11 px on a phone, got {min(sizes or [0]):.1f}"
    heights = page.eval_on_selector_all(
        "[data-cx-result] .cx-result__table th[scope=row]",
        """items => items.map((i) => { const s = getComputedStyle(i);
            return (i.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom))
                / parseFloat(s.lineHeight); })""",
    )
    assert max(heights) < 2.5, "a block's name wraps into at most two lines"


def pdf_pages(page: Any) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_a_printed_result_is_a_board_pack(
    session: Session, site_url: str, definitions: dict, lang: str, prefix: str
) -> None:
    checklist = definitions["leadership"]
    page = open_page(session, f"{site_url}{prefix}checklists/leadership/", LAPTOP)
    wait_ready(page)
    page.select_option("[data-cx-role]", "board")
    page.fill("[data-cx-team]", "MT december")
    set_answers(page, some_answers(checklist))
    shown = str(display(score(checklist, some_answers(checklist)).overall))
    page.wait_for_function(
        "n => document.querySelector('[data-cx-result] [data-cx-overall]')?.dataset.cxOverall == n", arg=shown
    )
    first = page.locator("[data-cx-focus]").first.get_attribute("data-cx-focus")
    page.fill(f"#cx-plan-{first}-owner", "Anna")
    page.emulate_media(media="print")
    looks = page.evaluate(
        """first => ({
            date: getComputedStyle(document.querySelector(`#cx-plan-${first}-due`)).visibility,
            owner: getComputedStyle(document.querySelector(`#cx-plan-${first}-owner`)).visibility,
            line: getComputedStyle(document.querySelector(`#cx-plan-${first}-due`).parentElement).borderBottomStyle,
        })""",
        first,
    )
    assert looks == {"date": "hidden", "owner": "visible", "line": "solid"}, "an empty date prints as a line only"
    pages = pdf_pages(page)  # Chromium's PDF, in print media
    one = pages[0]
    title = checklist.title.get(lang)
    level = checklist.levels[score(checklist, some_answers(checklist)).level].name.get(lang)
    focus = checklist.section(first).title.get(lang)
    for wanted in (title, "MT december", shown, level, focus, "Anna"):
        assert wanted in one, f"{wanted!r} not on page 1 of the printed result"
    assert ("directie" if lang == "nl" else "board") in one.lower()
    assert not any(word in " ".join(pages) for word in ("Delen met je team", "Share with your team"))


@pytest.mark.parametrize(("lang", "prefix"), EDITIONS)
def test_the_tools_are_grouped_by_intent_with_the_reset_apart(
    session: Session, site_url: str, lang: str, prefix: str
) -> None:
    page = open_page(session, f"{site_url}{prefix}checklists/leadership/", LAPTOP)
    wait_ready(page)
    groups = page.locator(".cx-tool")
    assert groups.count() == 3
    for i in range(3):
        assert groups.nth(i).locator(".md-button--primary").count() == 1, "one primary action per group"
    reset = page.locator("[data-cx-reset]")
    assert reset.locator("xpath=ancestor::section[contains(@class,'cx-tool')]").count() == 0, "the reset is apart"
    color = page.evaluate("() => getComputedStyle(document.querySelector('[data-cx-reset]')).color")
    red, green, blue = (int(v) for v in re.findall(r"\d+", color)[:3])
    assert red > 150 and green < 80 and blue < 80, f"the reset looks destructive ({color})"
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    reset.click()
    assert asked, "the reset asks first"
    text = page.inner_text("article")
    assert "export" not in text.lower() and "json" not in text.lower().replace(".json", ""), "a director's words"


def test_a_slow_connection_is_told_the_truth(session: Session, site_server: Any, site_url: str) -> None:
    """At about 1 MB/s, progress shows within seconds, the page says it takes longer while bytes arrive, and the
    failure sentence never appears; then the engine is ready."""
    with server.throttled(site_server, rate=900_000):
        page = open_page(session, site_url + "checklists/leadership/", PHONE)
        said: list[str] = []
        deadline = time.monotonic() + ENGINE_TIMEOUT_MS / 1000
        while time.monotonic() < deadline:
            state = page.get_attribute("form[data-cx-checklist]", "data-cx-engine-state")
            said.append(f"{state}|{page.inner_text('[data-cx-status]')}")
            if state == "ready":
                break
            page.wait_for_timeout(250)
        states = {entry.split("|")[0] for entry in said}
        assert "ready" in states and "progress" in states and "slow" in states, states
        assert not states & {"stalled", "failed"}, said
        assert any(re.search(r"\d+,\d van \d+,\d MB geladen", entry) for entry in said), said
        assert any("langer dan gewoonlijk" in entry and "MB" in entry for entry in said), said


def test_a_stalled_download_says_so_with_what_to_do(session: Session, site_server: Any, site_url: str) -> None:
    with server.throttled(site_server, stall_on="pyodide.asm.wasm", stall_after=400_000):
        session.expect(r"cx: engine failed|Failed to fetch|net::")  # the page goes, the download with it
        page = open_page(session, site_url + "checklists/leadership/", PHONE)
        page.wait_for_selector("form[data-cx-engine-state=stalled]", state="attached", timeout=60_000)
        text = page.inner_text("[data-cx-status]")
        assert "staat stil" in text and "laad de pagina opnieuw" in text and "MB" in text
        page.check("#cx-understanding-listen-4")  # answering goes on
        assert page.evaluate("() => Object.keys(localStorage).some((k) => k.endsWith(':pending'))")
        page.close()


def test_the_team_view_prints_as_a_team_report(session: Session, site_url: str, definitions: dict) -> None:
    checklist = definitions["leadership"]
    page = open_page(session, site_url + "checklists/team/", LAPTOP)
    page.wait_for_selector("[data-cx-teamview][data-cx-engine-state=ready]", state="attached", timeout=90_000)
    links = [
        encode_share(checklist, dict.fromkeys(checklist.question_ids, v), role, "MT december")
        for v, role in ((2, "board"), (3, "manager"), (4, "employee"))
    ]
    page.fill("[data-cx-team-links]", "\n".join(f"{site_url}checklists/leadership/#cx={c}" for c in links))
    page.click("[data-cx-team-add]")
    page.wait_for_selector('[data-cx-team="leadership"][data-cx-respondents="3"]', state="attached")
    one = pdf_pages(page)[0]
    assert "Teamuitslag: MT december" in one and "Aandachtsgebieden van het team" in one
    assert "export" not in one.lower() and "Voeg de bestanden" not in one
    assert urlsplit(page.url).fragment == ""
