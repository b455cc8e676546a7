"""The team session: links that keep role and label, groups, the team's focus areas, the team plan and its follow-up."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from checklists import api
from checklists.formats import encode_share, export_dict
from checklists.load import load_all
from checklists.model import Checklist
from checklists.record import respond
from checklists.team import aggregate

from .test_model import minimal

LEADERSHIP = load_all()["leadership"]


def call(op: str, **args: Any) -> dict[str, Any]:
    out = json.loads(api.handle(json.dumps({"op": op, "args": {"lang": "en", **args}})))
    assert "result" in out, out
    return out["result"]


def link(answers: dict[str, Any], role: str | None = None, team: str | None = None) -> dict[str, str]:
    code = encode_share(LEADERSHIP, answers, role, team)
    return {"name": f"https://owner.github.io/REPO/checklists/leadership/#cx={code}", "text": f"#cx={code}"}


def file(answers: dict[str, Any], role: str | None = None, team: str | None = None, n: int = 0) -> dict[str, str]:
    made = respond(LEADERSHIP, answers, language="nl", role=role, team=team, date=f"2026-12-0{n}")
    return {"name": f"colleague-{n}.json", "text": json.dumps(export_dict(made))}


def every(value: int) -> dict[str, int]:
    return dict.fromkeys(LEADERSHIP.question_ids, value)


@pytest.fixture(autouse=True)
def leadership(engine_session: None) -> None:
    api.define(LEADERSHIP.to_dict(), {"tools/workshops.md#x": "../../tools/workshops/#x"})


def five() -> list[dict[str, str]]:
    """Five colleagues of "MT december": three send files, two send share links with their roles."""
    return [
        file(every(2), "board", "MT december", 1),
        file(every(3), "manager", "MT december", 2),
        file(every(4), "employee", "MT december", 3),
        link({**every(4), LEADERSHIP.question_ids[0]: 5}, "employee", "MT december"),
        link({**every(1), LEADERSHIP.question_ids[0]: 3}, "board", "MT december"),
    ]


def test_share_links_keep_role_and_label_so_board_and_staff_can_be_compared() -> None:
    out = call("team", files=five(), date="2026-12-04")
    assert out["accepted"] == 5 and out["refused"] == []
    assert out["title"] == "MT december"
    assert 'data-cx-gap="none"' not in out["html"] and 'data-cx-gap="understanding"' in out["html"]
    assert "board: 2" in out["html"].lower() and "employee or contact centre: 2" in out["html"].lower()


def test_a_link_of_the_first_format_counts_without_role_and_says_so() -> None:
    body = f"cx1.leadership.{LEADERSHIP.version}.{'3' * len(LEADERSHIP.answer_ids)}"
    import zlib

    old = {"name": "old link", "text": f"#cx={body}.{zlib.crc32(body.encode()):08x}"}
    out = call("team", files=[*five()[:2], old])
    assert out["accepted"] == 3
    message = "This link has the old form: it carries no role and no team label."
    assert out["notes"] == [{"name": "old link", "message": message}]


def test_different_labels_are_named_and_the_facilitator_chooses_what_counts() -> None:
    files = [*five(), file(every(5), "manager", "MT november", 7)]
    out = call("team", files=files)
    groups = {g["label"]: g for g in out["groups"]}
    assert groups["MT december"]["count"] == 5 and groups["MT november"]["count"] == 1
    assert all(g["included"] for g in groups.values()) and out["accepted"] == 6
    assert 'data-cx-team-group="' in out["intake"] and "MT november" in out["intake"]
    fewer = call("team", files=files, exclude=[groups["MT november"]["key"]])
    assert fewer["accepted"] == 5 and not {g["label"]: g for g in fewer["groups"]}["MT november"]["included"]
    assert 'data-cx-respondents="5"' in fewer["html"]


def test_one_label_and_one_version_ask_no_choice() -> None:
    assert 'data-cx-team-group="' not in call("team", files=five())["intake"]


def test_a_spreadsheet_sent_by_mistake_gets_its_own_sentence_and_the_rest_count() -> None:
    sheet = call("export", checklist_id="leadership", answers=every(3), date="2026-12-04")["csv"]["text"]
    out = call("team", files=[*five(), {"name": "anna.csv", "text": sheet}])
    assert out["accepted"] == 5
    assert out["refused"] == [
        {
            "name": "anna.csv",
            "message": "This is the spreadsheet download. Ask for the download for the team session, or for a "
            "share link.",
        }
    ]


def test_the_team_focus_areas_come_from_the_median_and_name_the_largest_disagreements() -> None:
    data = minimal()
    data["sections"][0]["questions"].append({"id": "one-c", "text": {"nl": "c", "en": "c"}})
    demo = Checklist.from_dict(data)
    # section one: medians 1 (one-a: 1, 1, 1), 3 (one-b: 1, 3, 5 — the widest spread), 2 (one-c: 1, 2, 3)
    answers = [{"one-a": 1, "one-b": 1, "one-c": 1, "two-a": 5}, {"one-a": 1, "one-b": 3, "one-c": 2, "two-a": 5}]
    answers.append({"one-a": 1, "one-b": 5, "one-c": 3, "two-a": 4})
    team = aggregate(demo, [respond(demo, a, language="nl", date=str(i)) for i, a in enumerate(answers)])
    (focus,) = team.focus
    assert (focus.id, focus.kind, focus.disagreements) == ("one", "improve", ("one-b", "one-c"))
    strong = aggregate(demo, [respond(demo, {"one-a": 5, "two-a": 4}, language="nl", date=str(i)) for i in range(3)])
    assert [(f.id, f.kind) for f in strong.focus] == [("two", "keep")]


def test_the_team_plan_goes_into_the_json_and_the_csv() -> None:
    out = call("team", files=five(), date="2026-12-04")
    focus = json.loads(out["files"]["leadership:json"]["text"])["focus"]
    assert focus and all(f["owner"] is None for f in focus)
    first = focus[0]["id"]
    plan = {"leadership": {first: {"owner": "Anna (COO)", "due": "2027-03-31"}, "no-such-section": {"owner": "x"}}}
    out = call("team", files=five(), date="2026-12-04", plan=plan)
    data = json.loads(out["files"]["leadership:json"]["text"])
    assert data["focus"][0] | {} == data["focus"][0] and (data["focus"][0]["owner"], data["focus"][0]["due"]) == (
        "Anna (COO)",
        "2027-03-31",
    )
    rows = list(csv.reader(io.StringIO(out["files"]["leadership:csv"]["text"][1:]), delimiter=";"))
    start = rows.index(["focus_area", "median", "owner", "due_by"])
    assert rows[start + 1][2:] == ["Anna (COO)", "2027-03-31"]
    assert 'value="Anna (COO)"' in out["html"] and 'data-cx-team-plan="leadership:' in out["html"]


def test_the_next_session_shows_how_each_planned_area_moved_since_the_team_snapshot() -> None:
    first = call("team", files=five())
    area = json.loads(first["files"]["leadership:json"]["text"])["focus"][0]["id"]
    plan = {"leadership": {area: {"owner": "Bram", "due": "2027-03-31"}}}
    taken = call("team_snapshot", files=five(), plan=plan)["snapshots"]
    assert len(taken) == 1 and taken[0]["checklist"] == "leadership" and taken[0]["plan"] == plan["leadership"]
    taken[0]["date"] = "2026-09-01"
    later = [file(every(5), "board", "MT maart", 1), file(every(4), "manager", "MT maart", 2)]
    later.append(file(every(4), "employee", "MT maart", 3))
    out = call("team", files=later, plan=plan, snapshots=taken)
    assert "Progress since the team snapshot of 2026-09-01" in out["html"]
    before = taken[0]["sections"][area]
    assert f'data-cx-team-progress="{area}"' in out["html"] and f"from {before} to 75 (+{75 - before})" in out["html"]


def test_a_kept_session_is_read_back_and_what_cannot_be_read_is_named() -> None:
    state = {"schema": 1, "exclude": ["2:MT"], "plan": {}}
    out = call("team_restore", text=json.dumps(state), items=json.dumps([*five(), {"name": "x", "text": 7}]))
    assert len(out["state"]["items"]) == 5 and out["state"]["exclude"] == ["2:MT"] and out["lossy"]
    assert "1 kept items of the team session could not be read" in out["notice"]
    bad = call("team_restore", text="{" * 50)
    assert bad["state"]["items"] == [] and bad["lossy"] and "could not be read" in bad["notice"]
    huge = json.dumps({"schema": 1, "items": five(), "junk": "x" * 45_000_000})
    assert len(call("team_restore", text=huge)["state"]["items"]) == 5  # one text holding all, as an older page kept
    assert call("team_restore", items="[" * 40)["lossy"]


def test_the_team_chart_has_a_legend_and_the_tables_take_materials_style() -> None:
    html = call("team", files=five())["html"]
    assert 'class="cx-legend"' in html and "the team&#x27;s median" in html
    assert "<table>" in html and "<table class=" not in html
    assert html.count('class="cx-strip"') >= len(LEADERSHIP.question_ids)
    # the first statement: answered 2, 3, 4, 5 and 3 → its strip says so in words for a screen reader
    assert 'aria-label="Answers: 0× not at all, 1× hardly, 2× partly, 1× largely, 1× fully, 0× don&#x27;t know"' in html
