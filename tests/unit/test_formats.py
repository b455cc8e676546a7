"""Exports, imports, share codes and CSV: round trips, every refusal, spreadsheet-safe output."""

from __future__ import annotations

import csv
import io
import json
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.formats import (
    MAX_BYTES,
    answers_csv,
    decode_share,
    encode_share,
    export_dict,
    parse_export,
    shared_response,
    to_csv,
)
from checklists.load import load_all
from checklists.model import UNKNOWN
from checklists.record import Refusal, respond
from checklists.scoring import score

SUITE = load_all()
LEADERSHIP = SUITE["leadership"]


def exported(answers: dict[str, Any], **meta: Any) -> str:
    return json.dumps(export_dict(respond(LEADERSHIP, answers, language="en", **meta)))


def test_export_round_trip_keeps_everything() -> None:
    answers = {"vision-decisions-tested": 4, "culture-criticism-open": UNKNOWN}
    text = exported(answers, role="board", team="  Sales   team ", date="2026-11-23T10:00:00Z", engine="0.1.0")
    back = parse_export(SUITE, text, expected="leadership")
    assert (back.answers, back.role, back.team, back.date, back.language) == (
        answers,
        "board",
        "Sales team",
        "2026-11-23T10:00:00Z",
        "en",
    )
    assert back.version == LEADERSHIP.version and back.dropped == ()


def leadership_export(**fields: Any) -> str:
    """An export of the leadership checklist's version 1 with no answers, with `fields` set over it."""
    base = {"format": "cx-playbook-export", "schema": 1, "checklist": "leadership", "version": 1, "answers": {}}
    return json.dumps(base | fields)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("{not json", "not_json"),
        ("[1, 2]", "foreign"),
        (json.dumps({"format": "something-else"}), "foreign"),
        (json.dumps({"format": "cx-playbook-export", "schema": 7}), "schema"),
        (json.dumps({"format": "cx-playbook-export", "schema": 1, "checklist": "nope"}), "other_checklist"),
        (leadership_export(checklist="phase-scan"), "other_checklist"),
        (leadership_export(version=99), "newer_version"),
        (leadership_export(version="1"), "version"),
        (leadership_export(version=LEADERSHIP.version, answers={"vision-decisions-tested": 9}), "answers"),
        (leadership_export(version=LEADERSHIP.version, answers={"no-such-question": 3}), "answers"),
        (leadership_export(role="<img src=x onerror=alert(1)>"), "role"),
        (leadership_export(team=["x"]), "label"),
        ("x" * (MAX_BYTES + 1), "too_large"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(Refusal) as caught:
        parse_export(SUITE, text, expected="leadership")
    assert caught.value.code == code


def test_an_unknown_checklist_is_named() -> None:
    with pytest.raises(Refusal) as caught:
        parse_export(SUITE, json.dumps({"format": "cx-playbook-export", "schema": 1, "checklist": "nope"}))
    assert (caught.value.code, caught.value.details) == ("unknown_checklist", {"value": "nope"})


PAST = [(name, past.version) for name in sorted(SUITE) for past in SUITE[name].history]


@pytest.mark.parametrize(("name", "version"), PAST, ids=[f"{n} v{v}" for n, v in PAST])
def test_each_past_versions_answers_are_migrated_by_export_and_by_share_link(name: str, version: int) -> None:
    checklist = SUITE[name]
    past = checklist.questions_of(version)
    assert past is not None
    old = {q: "no" if q in checklist.gate_ids else 3 for q in past}
    kept = {q: v for q, v in old.items() if q in checklist.answer_ids}
    dropped = tuple(q for q in past if q not in checklist.answer_ids)
    assert dropped, "a new version changes the meaning of at least one statement"
    export = {"format": "cx-playbook-export", "schema": 1, "checklist": name, "version": version, "answers": old}
    back = parse_export(SUITE, json.dumps(export))
    assert (back.answers, back.dropped, back.from_version, back.version) == (kept, dropped, version, checklist.version)
    chars = "".join("n" if q in checklist.gate_ids else "3" for q in past)
    body = f"cx1.{name}.{version}.{chars}"
    shared = shared_response(SUITE, f"{body}.{zlib.crc32(body.encode()):08x}")
    assert (shared.answers, shared.dropped, shared.from_version) == (kept, dropped, version)


def test_every_checklist_keeps_the_statement_ids_of_its_past_versions() -> None:
    assert all(checklist.history for checklist in SUITE.values()), "every checklist was rewritten at least once"


def test_share_code_round_trip_carries_answers_role_and_team() -> None:
    answers = {"vision-decisions-tested": 5, "culture-criticism-open": UNKNOWN, "improving-rhythm-quarterly": 1}
    code = encode_share(LEADERSHIP, answers, "employee", "MT december · Zuid")
    assert code.startswith(f"cx2.leadership.{LEADERSHIP.version}.") and len(code) < 120
    found = decode_share(SUITE, code)
    assert (found.checklist, found.version, found.answers) == (LEADERSHIP, LEADERSHIP.version, answers)
    assert (found.role, found.team, found.old_format) == ("employee", "MT december · Zuid", False)
    link = decode_share(SUITE, f"https://example.org/REPO/checklists/leadership/#cx={code}")
    assert (link.answers, link.role, link.team) == (answers, "employee", "MT december · Zuid")
    response = shared_response(SUITE, code)
    assert (response.role, response.team, response.old_format) == ("employee", "MT december · Zuid", False)


def old_code(name: str, payload: str) -> str:
    """A share code of the first format (no role, no team label), as links made before carried them."""
    body = f"cx1.{name}.{SUITE[name].version}.{payload}"
    return f"{body}.{zlib.crc32(body.encode()):08x}"


def test_a_link_of_the_first_format_still_opens_and_says_so() -> None:
    payload = "5" + "_" * (len(LEADERSHIP.question_ids) - 1)
    found = decode_share(SUITE, old_code("leadership", payload))
    assert found.answers == {LEADERSHIP.question_ids[0]: 5}
    assert (found.role, found.team, found.old_format) == (None, None, True)
    assert shared_response(SUITE, old_code("leadership", payload)).old_format


@pytest.mark.parametrize(
    "code",
    [
        encode_share(
            LEADERSHIP, {"vision-decisions-tested": 5, "culture-criticism-open": UNKNOWN, "steering-kpis-long-term": 2}
        ),
        encode_share(LEADERSHIP, {"vision-decisions-tested": 5}, "board", "Sales MT"),
        old_code("leadership", "3" * len(LEADERSHIP.question_ids)),
    ],
    ids=["answers", "role and team", "first format"],
)
def test_every_single_character_change_of_a_share_code_is_rejected(code: str) -> None:
    alphabet = "0123456789abcdefx_.-clbmeoynABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i, original in enumerate(code):
        for replacement in alphabet:
            if replacement == original:
                continue
            tampered = code[:i] + replacement + code[i + 1 :]
            with pytest.raises(Refusal):
                decode_share(SUITE, tampered)
    for i in range(len(code)):
        with pytest.raises(Refusal):
            decode_share(SUITE, code[:i] + code[i + 1 :])


@pytest.mark.parametrize("label", ["é" * 81, "\udcff"])
def test_a_team_label_that_is_too_long_or_not_utf8_is_refused_even_with_a_valid_checksum(label: str) -> None:
    raw = label.encode("utf-8", "surrogatepass")
    encoded = __import__("base64").urlsafe_b64encode(raw).decode().rstrip("=")
    body = f"cx2.leadership.{LEADERSHIP.version}.{'_' * len(LEADERSHIP.question_ids)}._.{encoded}"
    with pytest.raises(Refusal):
        decode_share(SUITE, f"{body}.{zlib.crc32(body.encode()):08x}")


@settings(max_examples=200)
@given(
    st.sampled_from(sorted(SUITE)),
    st.data(),
    st.sampled_from([None, "board", "manager", "employee", "other"]),
    st.one_of(st.none(), st.text(min_size=1, max_size=80).map(lambda x: " ".join(x.split()) or None)),
)
def test_share_codes_round_trip_for_any_answers(name: str, data: st.DataObject, role: Any, team: Any) -> None:
    checklist = SUITE[name]
    answers = data.draw(
        st.dictionaries(st.sampled_from(checklist.question_ids), st.one_of(st.integers(1, 5), st.just(UNKNOWN)))
    )
    team = team.encode("utf-8", "replace").decode() if team else None
    found = decode_share(SUITE, encode_share(checklist, answers, role, team))
    assert (found.checklist, found.version, found.answers, found.role, found.team) == (
        checklist,
        checklist.version,
        answers,
        role,
        team,
    )


def test_csv_is_spreadsheet_safe() -> None:
    text = to_csv([["a;b", 'say "hi"', "=SUM(A1)", "line\nbreak", None, 3]])
    assert text.startswith("\ufeff")
    row = next(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert row == ["a;b", 'say "hi"', "'=SUM(A1)", "line\nbreak", "", "3"]
    assert text.endswith("\r\n")


def test_answers_csv_has_one_row_per_question_with_the_sections_plan() -> None:
    vision, culture, people = (
        next(q.id for q in LEADERSHIP.section(s).questions if q.id not in LEADERSHIP.say_ids)
        for s in ("vision", "culture", "people")
    )
    answers = {vision: 4, culture: UNKNOWN}
    plan = {"vision": {"owner": "Ann (CEO)", "due": "2027-03-31"}}
    text = answers_csv(
        LEADERSHIP, respond(LEADERSHIP, answers, language="nl", plan=plan), score(LEADERSHIP, answers), "nl"
    )
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == [
        "onderdeel",
        "onderdeelscore",
        "vraag_id",
        "vraag",
        "antwoord",
        "betekenis",
        "eigenaar",
        "klaar_op",
    ]
    assert len(rows) == 1 + len(LEADERSHIP.question_ids) + 5 and rows[-5] == []
    by_id = {r[2]: r for r in rows[1:-5]}
    assert by_id[vision][4:] == ["4", "Grotendeels", "Ann (CEO)", "2027-03-31"]
    assert by_id[vision][1] == "75"
    assert by_id[culture][4] == "?"
    assert by_id[people][4:] == ["", "", "", ""]
    totals = [
        ["totaalscore", "75"],
        ["niveau", "Stevig gegrond"],
        ["beantwoord (%)", "3"],
        ["voorlopige uitslag", "Ja"],
    ]
    assert rows[-4:] == totals


def test_answers_csv_names_the_gate_and_what_did_not_apply() -> None:
    from .test_scoring import gated

    checklist = gated()
    answers = {"has-lead": "no", "one-a": 5, "one-b": 1}
    text = answers_csv(checklist, respond(checklist, answers, language="en"), score(checklist, answers), "en")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[1][2:6] == ["has-lead", "Do you have a lead?", "No", "No"]
    by_id = {r[2]: r for r in rows[2:-5]}
    assert by_id["one-b"][4:6] == ["", "not applicable"] and by_id["one-a"][4:6] == ["5", "Fully"]
    assert rows[-4][:2] == ["overall score", "100"]


@pytest.mark.parametrize(("name", "version"), PAST, ids=[f"{n} v{v}" for n, v in PAST])
def test_each_past_versions_saved_answers_and_snapshots_migrate_with_a_notice(name: str, version: int) -> None:
    from checklists import api

    checklist = SUITE[name]
    api.define(checklist.to_dict())
    past = checklist.questions_of(version) or ()
    old = {q: "no" if q in checklist.gate_ids else 3 for q in past}
    dropped = [q for q in past if q not in checklist.answer_ids]
    snapshot = {"date": "2026-01-05", "version": version, "answers": old, "plan": {}}
    entry = {"schema": 1, "checklist": name, "version": version, "answers": old, "snapshots": [snapshot]}
    reply = api.restore(name, json.dumps(entry), "en")
    state, notice = reply["state"], reply["notice"]
    assert state["version"] == checklist.version
    assert state["answers"] == {q: v for q, v in old.items() if q in checklist.answer_ids}
    assert [s["answers"] for s in state["snapshots"]] == [state["answers"]]
    assert notice and f"answers to {', '.join(dropped)}" in notice and "1 snapshot" in notice
