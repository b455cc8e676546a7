"""One respondent's result: export, import, share link, snapshots, reset, print, and every bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from checklists.formats import encode_share
from checklists.model import UNKNOWN

from .conftest import Session, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser

XSS = '<img src=x onerror="window.__xss=1">'
ANSWERS = {
    "understanding-listen": 4,
    "vision-decisions-tested": 2,
    "culture-criticism-open": 5,
    "culture-reward-appraisal": 1,
    "people-development": UNKNOWN,
}


def open_checklist(session: Session, site_url: str, path: str = "checklists/leadership/", fragment: str = "") -> Any:
    page = session.page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + path + fragment)
    wait_ready(page)
    return page


def answer(page: Any, answers: dict[str, Any]) -> None:
    before = renders(page)
    set_answers(page, answers)
    wait_renders(page, before + 1)


def stored(page: Any, site_url: str, name: str = "leadership") -> dict[str, Any]:
    key = f"cx-playbook:{urlsplit(site_url).path}:{name}"
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(key)}) || 'null')")


def downloaded(page: Any, selector: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_export_json_and_csv_with_role_and_escaped_label(session: Session, site_url: str, definitions: dict) -> None:
    page = open_checklist(session, site_url)
    page.select_option("[data-cx-role]", "board")
    page.fill("[data-cx-team]", XSS)
    answer(page, ANSWERS)
    meta = page.inner_text(".cx-result__meta")
    assert "rol: directie of bestuur" in meta and XSS in meta  # shown as text
    assert page.evaluate("() => window.__xss") is None and page.locator(".cx-result img").count() == 0

    name, text = downloaded(page, "[data-cx-export=json]")
    data = json.loads(text)
    assert name.startswith("leadership-directie-img-src-x-onerror") and name.endswith(".json")  # role, label, date
    assert data["checklist"] == "leadership" and data["version"] == definitions["leadership"].version
    assert (data["language"], data["role"], data["team"]) == ("nl", "board", XSS)
    assert data["answers"] == ANSWERS and data["engine"] and data["date"]

    name, text = downloaded(page, "[data-cx-export=csv]")
    assert name.endswith(".csv") and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert len(rows) == 1 + len(definitions["leadership"].question_ids) + 5  # the statements, then the totals
    assert {r[2]: r[4] for r in rows[1:-5] if len(r) > 4}["culture-criticism-open"] == "5"
    assert rows[-4][0] == "totaalscore" and rows[-3][0] == "niveau"
    assert session.unexpected() == []


def test_import_confirms_migrates_and_refuses_bad_files(
    session: Session, site_url: str, tmp_path: Path, definitions: dict
) -> None:
    page = open_checklist(session, site_url, "en/checklists/leadership/")
    answer(page, {"steering-chain": 3})
    good = {
        "format": "cx-playbook-export",
        "schema": 1,
        "checklist": "leadership",
        "version": definitions["leadership"].version,
        "language": "nl",
        "role": "employee",
        "team": "Ops",
        "answers": ANSWERS,
    }
    bad = {
        "corrupt.json": "{not json",
        "foreign.json": json.dumps({"hello": "world"}),
        "other.json": json.dumps({**good, "checklist": "phase-scan", "answers": {}}),
        "newer.json": json.dumps({**good, "version": 99}),
        "empty.json": "",
        "evil-role.json": json.dumps({**good, "role": XSS}),
        "role-list.json": json.dumps({**good, "role": ["board"]}),
        "checklist-object.json": json.dumps({**good, "checklist": {"id": "leadership"}}),
        "long-number.json": json.dumps(good).replace('"answers": {', '"answers": {"x": ' + "9" * 5000 + ", "),
        "nested.json": "[" * 100_000 + "]" * 100_000,
    }
    big = tmp_path / "huge.json"
    with big.open("wb") as handle:  # 50 MB, refused before it is read
        handle.truncate(50 * 1024 * 1024)
    expected = {
        "corrupt.json": "not a valid JSON file",
        "foreign.json": "not a download from this playbook",
        "other.json": "belongs to another checklist",
        "newer.json": "newer version of the checklist (99)",
        "empty.json": "This file is empty",
        "evil-role.json": "role in this file is unknown",
        "role-list.json": "role in this file is unknown",
        "checklist-object.json": "belongs to an unknown checklist",
        "long-number.json": "holds numbers too long",
        "nested.json": "nested too deeply",
        "huge.json": "too large",
    }
    for name, text in bad.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name, reason in expected.items():
        page.set_input_files("[data-cx-import]", str(tmp_path / name))
        status = page.locator("[data-cx-action-status]")
        status.filter(has_text=name).wait_for()
        assert reason in status.inner_text(), name
        assert stored(page, site_url)["answers"] == {"steering-chain": 3}, f"{name} changed the answers"
    assert page.locator("[data-cx-action-status] img").count() == 0 and page.evaluate("() => window.__xss") is None

    (tmp_path / "good.json").write_text(json.dumps(good), encoding="utf-8")
    before = renders(page)
    page.set_input_files("[data-cx-import]", str(tmp_path / "good.json"))  # the confirm dialog is accepted
    wait_renders(page, before + 1)
    assert stored(page, site_url)["answers"] == ANSWERS
    assert page.input_value("[data-cx-role]") == "employee" and page.input_value("[data-cx-team]") == "Ops"
    assert page.is_checked("#cx-culture-criticism-open-5")

    # an export of version 1: what still exists is carried over, what was rewritten is named
    old = {**good, "version": 1, "answers": {"understanding-listen": 2, "vision-purpose": 5}}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    before = renders(page)
    page.set_input_files("[data-cx-import]", str(tmp_path / "old.json"))
    wait_renders(page, before + 1)
    assert stored(page, site_url)["answers"] == {"understanding-listen": 2}
    assert "Carried over from version 1; answers that no longer fit were left out: vision-purpose." in (
        page.inner_text("[data-cx-action-status]")
    )
    assert session.unexpected() == []


def test_share_link_opens_read_only_and_can_be_adopted(session: Session, site_url: str, definitions: dict) -> None:
    page = open_checklist(session, site_url)
    answer(page, ANSWERS)
    page.click("[data-cx-share]")
    link = page.locator("[data-cx-share-url]")
    link.wait_for()
    url = link.input_value()
    code = url.split("#cx=", 1)[1]
    assert code == encode_share(definitions["leadership"], ANSWERS)
    assert urlsplit(url).path.endswith("/REPO/checklists/leadership/")

    # a colleague with answers of their own opens the link
    colleague = Session(page.context.browser)
    try:
        other = open_checklist(colleague, site_url)
        answer(other, {"improving-rhythm-quarterly": 2})
        other.goto(site_url + "checklists/leadership/#cx=" + code)
        other.reload()
        other.wait_for_selector("[data-cx-shared]:not([hidden])")
        wait_renders(other, 1)
        assert other.is_disabled("#cx-culture-criticism-open-5") and other.is_checked("#cx-culture-criticism-open-5")
        assert stored(other, site_url)["answers"] == {"improving-rhythm-quarterly": 2}, "viewing does not overwrite"
        before = renders(other)
        other.click("[data-cx-adopt]")
        wait_renders(other, before + 1)
        assert stored(other, site_url)["answers"] == ANSWERS
        assert "#cx=" not in other.url and not other.is_disabled("#cx-culture-criticism-open-5")
    finally:
        colleague.close()


def test_tampered_share_link_is_refused_and_answers_stay(session: Session, site_url: str, definitions: dict) -> None:
    code = encode_share(definitions["leadership"], ANSWERS)
    flipped = code[:20] + ("1" if code[20] != "1" else "2") + code[21:]
    page = open_checklist(session, site_url)
    answer(page, {"vision-goals-teams": 4})
    page.goto(site_url + "checklists/leadership/#cx=" + flipped)
    page.reload()
    notice = page.locator("[data-cx-notice]")
    notice.wait_for(state="visible")
    assert "deellink" in notice.inner_text().lower() and "veranderd" in notice.inner_text()
    assert page.is_hidden("[data-cx-shared]")
    assert stored(page, site_url)["answers"] == {"vision-goals-teams": 4}
    assert page.is_checked("#cx-vision-goals-teams-4")


def test_snapshots_show_the_trend_and_can_be_deleted_then_reset(session: Session, site_url: str) -> None:
    page = open_checklist(session, site_url)
    answer(page, {"culture-criticism-open": 2, "culture-reward-appraisal": 2})  # culture 25
    page.click("[data-cx-snapshot]")
    page.locator("[data-cx-snapshot-item]").first.wait_for()
    answer(page, {"culture-criticism-open": 4, "culture-reward-appraisal": 4})  # culture 75: +50 since the snapshot
    trend = page.locator('tr[data-cx-section="culture"] [data-cx-trend]')
    assert trend.get_attribute("data-cx-trend") == "50" and trend.inner_text() == "+50"
    saved = stored(page, site_url)
    assert len(saved["snapshots"]) == 1 and saved["snapshots"][0]["answers"] == {
        "culture-criticism-open": 2,
        "culture-reward-appraisal": 2,
    }

    page.reload()
    wait_ready(page)
    assert page.locator("[data-cx-snapshot-item]").count() == 1
    before = renders(page)
    page.click("[data-cx-snapshot-delete]")
    wait_renders(page, before + 1)
    assert page.locator("[data-cx-snapshot-item]").count() == 0
    assert page.locator("[data-cx-trend]").count() == 0

    before = renders(page)
    page.click("[data-cx-reset]")
    wait_renders(page, before + 1)
    assert stored(page, site_url)["answers"] == {}
    assert shown_result(page)["overall"] is None


def test_print_view_is_a_clean_report(session: Session, site_url: str) -> None:
    page = open_checklist(session, site_url)
    page.select_option("[data-cx-role]", "manager")
    answer(page, ANSWERS)
    page.emulate_media(media="print")
    for hidden in (".md-sidebar--primary", ".md-header", "form.cx-checklist", ".cx-actions", ".cx-noprint"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".cx-result svg.cx-chart", ".cx-result__table", ".cx-result__steps", ".cx-result__meta"):
        assert page.locator(shown).first.is_visible(), shown
    assert "rol: manager" in page.inner_text(".cx-result__meta")


@pytest.mark.parametrize("mode", ["full", "unavailable"])
def test_storage_full_or_unavailable_keeps_the_page_working(session: Session, site_url: str, mode: str) -> None:
    if mode == "full":
        script = """(() => {
            const set = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {
                if (key.endsWith(':probe')) return set.call(this, key, value);
                throw new DOMException('full', 'QuotaExceededError');
            };
        })()"""
        words = "vol"
    else:
        script = """Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('denied', 'SecurityError'); } })"""
        words = "bewaart niets"
    # Material's own scripts throw where storage is denied; ours must not (no frame of cx/ in the stack)
    session.expect(r"^page error: [^\n]*denied(?:(?!/cx/)[\s\S])*$")
    page = session.page()
    page.add_init_script(script)
    page.goto(site_url + "checklists/leadership/")
    wait_ready(page)
    answer(page, {"culture-criticism-open": 5})
    assert words in page.inner_text("[data-cx-notice]")
    assert shown_result(page)["sections"]["culture"] == 100
    assert page.is_checked("#cx-culture-criticism-open-5")
    assert session.unexpected() == []
