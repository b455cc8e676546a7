"""Exports, imports, share codes and CSV: round trips, every refusal, spreadsheet-safe output."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.formats import MAX_BYTES, answers_csv, decode_share, encode_share, export_dict, parse_export, to_csv
from checklists.load import load_all
from checklists.model import UNKNOWN, Checklist
from checklists.record import ImportProblem, respond
from checklists.scoring import score

SUITE = load_all()
LEADERSHIP = SUITE["leadership"]


def exported(answers: dict[str, Any], **meta: Any) -> str:
    return json.dumps(export_dict(respond(LEADERSHIP, answers, language="en", **meta)))


def test_export_round_trip_keeps_everything() -> None:
    answers = {"vision-purpose": 4, "culture-values": UNKNOWN}
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
        (
            json.dumps(
                {"format": "cx-playbook-export", "schema": 1, "checklist": "phase-scan", "version": 1, "answers": {}}
            ),
            "other_checklist",
        ),
        (
            json.dumps(
                {"format": "cx-playbook-export", "schema": 1, "checklist": "leadership", "version": 99, "answers": {}}
            ),
            "newer_version",
        ),
        (
            json.dumps(
                {"format": "cx-playbook-export", "schema": 1, "checklist": "leadership", "version": "1", "answers": {}}
            ),
            "version",
        ),
        (
            json.dumps(
                {
                    "format": "cx-playbook-export",
                    "schema": 1,
                    "checklist": "leadership",
                    "version": 1,
                    "answers": {"vision-purpose": 9},
                }
            ),
            "answers",
        ),
        (
            json.dumps(
                {
                    "format": "cx-playbook-export",
                    "schema": 1,
                    "checklist": "leadership",
                    "version": 1,
                    "answers": {"no-such-question": 3},
                }
            ),
            "answers",
        ),
        (
            json.dumps(
                {
                    "format": "cx-playbook-export",
                    "schema": 1,
                    "checklist": "leadership",
                    "version": 1,
                    "answers": {},
                    "role": "<img src=x onerror=alert(1)>",
                }
            ),
            "role",
        ),
        (
            json.dumps(
                {
                    "format": "cx-playbook-export",
                    "schema": 1,
                    "checklist": "leadership",
                    "version": 1,
                    "answers": {},
                    "team": ["x"],
                }
            ),
            "label",
        ),
        ("x" * (MAX_BYTES + 1), "too_large"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(ImportProblem) as caught:
        parse_export(SUITE, text, expected="leadership")
    assert caught.value.code == code


def test_an_unknown_checklist_is_named() -> None:
    with pytest.raises(ImportProblem) as caught:
        parse_export(SUITE, json.dumps({"format": "cx-playbook-export", "schema": 1, "checklist": "nope"}))
    assert (caught.value.code, caught.value.details) == ("unknown_checklist", {"value": "nope"})


def test_an_older_version_is_migrated_and_flagged() -> None:
    data = LEADERSHIP.to_dict()
    data["version"] = 2
    newer = {**SUITE, "leadership": Checklist.from_dict(data)}
    old = {
        "format": "cx-playbook-export",
        "schema": 1,
        "checklist": "leadership",
        "version": 1,
        "answers": {"vision-purpose": 3, "retired": 4},
    }
    back = parse_export(newer, json.dumps(old))
    assert back.answers == {"vision-purpose": 3}
    assert back.dropped == ("retired",) and back.from_version == 1 and back.version == 2


def test_share_code_round_trip() -> None:
    answers = {"vision-purpose": 5, "culture-values": UNKNOWN, "improving-rhythm": 1}
    code = encode_share(LEADERSHIP, answers)
    assert code.startswith("cx1.leadership.1.") and len(code) < 80
    assert decode_share(SUITE, code) == (LEADERSHIP, answers)
    assert decode_share(SUITE, f"https://example.org/REPO/checklists/leadership/#cx={code}")[1] == answers


def test_every_single_character_change_of_a_share_code_is_rejected() -> None:
    code = encode_share(LEADERSHIP, {"vision-purpose": 5, "culture-values": UNKNOWN, "steering-kpis": 2})
    alphabet = "0123456789abcdefx_.-cl"
    for i, original in enumerate(code):
        for replacement in alphabet:
            if replacement == original:
                continue
            tampered = code[:i] + replacement + code[i + 1 :]
            with pytest.raises(ImportProblem):
                decode_share(SUITE, tampered)
    for i in range(len(code)):
        with pytest.raises(ImportProblem):
            decode_share(SUITE, code[:i] + code[i + 1 :])


@settings(max_examples=200)
@given(st.sampled_from(sorted(SUITE)), st.data())
def test_share_codes_round_trip_for_any_answers(name: str, data: st.DataObject) -> None:
    checklist = SUITE[name]
    answers = data.draw(
        st.dictionaries(st.sampled_from(checklist.question_ids), st.one_of(st.integers(1, 5), st.just(UNKNOWN)))
    )
    assert decode_share(SUITE, encode_share(checklist, answers)) == (checklist, answers)


def test_csv_is_spreadsheet_safe() -> None:
    text = to_csv([["a;b", 'say "hi"', "=SUM(A1)", "line\nbreak", None, 3]])
    assert text.startswith("\ufeff")
    row = next(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert row == ["a;b", 'say "hi"', "'=SUM(A1)", "line\nbreak", "", "3"]
    assert text.endswith("\r\n")


def test_answers_csv_has_one_row_per_question() -> None:
    answers = {"vision-purpose": 4, "culture-values": UNKNOWN}
    text = answers_csv(LEADERSHIP, answers, score(LEADERSHIP, answers), "nl")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["onderdeel", "onderdeelscore", "vraag_id", "vraag", "antwoord", "betekenis"]
    assert len(rows) == 1 + len(LEADERSHIP.question_ids)
    by_id = {r[2]: r for r in rows[1:]}
    assert by_id["vision-purpose"][4:] == ["4", "Grotendeels"]
    assert by_id["vision-purpose"][1] == "75"
    assert by_id["culture-values"][4] == "?"
    assert by_id["people-hiring"][4:] == ["", ""]
