"""Team aggregation: hand-computed medians and quartiles, the discussion list, the gap, the anonymity rule."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists import api
from checklists.formats import encode_share, export_dict
from checklists.model import UNKNOWN, Checklist
from checklists.record import Response, respond
from checklists.scoring import score
from checklists.team import MIN_RESPONDENTS, Spread, aggregate
from checklists.teamview import render_team, team_csv

from .test_model import minimal

pytestmark = pytest.mark.usefixtures("engine_session")

DEMO = Checklist.from_dict(minimal())


def person(answers: dict[str, Any], role: str | None = None, lang: str = "nl", date: str = "d") -> Response:
    return respond(DEMO, answers, language=lang, role=role, date=date)


def test_spread_by_hand() -> None:
    spread = Spread.of([0, 25, 50, 100])
    # inclusive quartiles: positions 1 + (n-1)/4 = 1.75 and 1 + 3(n-1)/4 = 3.25
    assert (spread.median, spread.low, spread.high) == (37.5, 0, 100)
    assert spread.q1 == pytest.approx(18.75) and spread.q3 == pytest.approx(62.5)
    assert Spread.of([]) is None
    single = Spread.of([40])
    assert (single.median, single.q1, single.q3, single.iqr) == (40, 40, 40, 0)


def test_fewer_than_three_respondents_wait() -> None:
    team = aggregate(DEMO, [person({"one-a": 5}), person({"one-a": 1}, date="e")])
    assert team.waiting and team.respondents == 2 and team.sections == () and team.overall is None
    assert MIN_RESPONDENTS == 3


def test_aggregates_by_hand() -> None:
    people = [
        person({"one-a": 5, "one-b": 5, "two-a": 1}, role="board", date="1"),
        person({"one-a": 1, "one-b": 1, "two-a": 5}, role="manager", date="2"),
        person({"one-a": 3, "one-b": 3, "two-a": 3}, role="employee", date="3"),
        person({"one-a": 3, "one-b": UNKNOWN, "two-a": 4}, role="employee", lang="en", date="4"),
    ]
    team = aggregate(DEMO, people)
    assert not team.waiting and team.respondents == 4
    one = team.sections[0].spread  # section scores: 100, 0, 50, 50
    assert (one.median, one.low, one.high, one.q1, one.q3) == (50, 0, 100, 37.5, 62.5)
    question = {q.id: q for q in team.questions}["one-a"]
    assert question.distribution == {"1": 1, "2": 0, "3": 2, "4": 0, "5": 1} and question.unknown == 0
    assert {q.id: q for q in team.questions}["one-b"].unknown == 1
    # one-a: 1,3,3,5 -> iqr 2.5-3.5... ranks by IQR then range
    assert team.discussion[0] in ("one-a", "two-a", "one-b")
    assert set(team.discussion) == {"one-a", "one-b", "two-a"}
    gaps = {g.id: g for g in team.gaps}
    # leaders' section one: 100 and 0 -> 50; staff: 50 and 50 -> 50
    assert gaps["one"].difference == 0
    # section two: leaders 0 and 100 -> 50; staff 50 and 75 -> 62.5
    assert gaps["two"].difference == pytest.approx(-12.5)
    assert team.roles == {"board": 1, "employee": 2, "manager": 1}
    assert team.languages == {"en": 1, "nl": 3}


def test_discussion_ranks_the_largest_disagreement_first() -> None:
    people = [
        person({"one-a": 1, "one-b": 3, "two-a": 4}, date="1"),
        person({"one-a": 5, "one-b": 3, "two-a": 4}, date="2"),
        person({"one-a": 5, "one-b": 4, "two-a": 4}, date="3"),
        person({"one-a": 1, "one-b": 3, "two-a": 4}, date="4"),
    ]
    team = aggregate(DEMO, people)
    assert team.discussion == ("one-a", "one-b")  # two-a: everyone agrees, not on the list


def test_no_gap_without_two_of_each_group() -> None:
    people = [person({"one-a": 5}, role="board", date=str(i)) for i in range(3)] + [
        person({"one-a": 1}, role="employee")
    ]
    assert aggregate(DEMO, people).gaps == ()


@settings(max_examples=100)
@given(
    st.lists(st.dictionaries(st.sampled_from(DEMO.question_ids), st.integers(1, 5)), min_size=3, max_size=8),
    st.randoms(),
)
def test_order_of_files_is_irrelevant(answer_sets: list[dict[str, Any]], rnd: Any) -> None:
    people = [person(a, date=str(i)) for i, a in enumerate(answer_sets)]
    shuffled = people[:]
    rnd.shuffle(shuffled)
    first, second = aggregate(DEMO, people), aggregate(DEMO, shuffled)
    assert (first.sections, first.questions, first.overall, first.discussion) == (
        second.sections,
        second.questions,
        second.overall,
        second.discussion,
    )


@settings(max_examples=100)
@given(st.dictionaries(st.sampled_from(DEMO.question_ids), st.integers(1, 5)))
def test_aggregate_of_one_equals_the_individual_result(answers: dict[str, Any]) -> None:
    # three identical respondents: every median is the individual's score
    team = aggregate(DEMO, [person(answers, date=str(i)) for i in range(3)])
    result = score(DEMO, answers)
    for section in team.sections:
        individual = result.section(section.id).score
        assert (section.spread.median if section.spread else None) == individual
    assert (team.overall.median if team.overall else None) == result.overall


def test_team_view_escapes_labels_and_exports_csv() -> None:
    hostile = minimal()
    hostile["sections"][0]["title"] = {"nl": "<script>x()</script>", "en": "<script>x()</script>"}
    checklist = Checklist.from_dict(hostile)
    people = [respond(checklist, {"one-a": v}, language="nl", date=str(v)) for v in (1, 3, 5)]
    html = render_team(checklist, aggregate(checklist, people), "en")
    assert "<script>" not in html and "&lt;script&gt;" in html
    text = team_csv(checklist, aggregate(checklist, people), "en")
    assert text.splitlines()[1].startswith('"&lt;script&gt;') is False  # CSV holds raw text, quoted
    assert '"<script>x()</script>";"one-a"' in text


def test_team_api_accepts_refuses_and_deduplicates() -> None:
    api.define(DEMO.to_dict())
    good = [json.dumps(export_dict(person({"one-a": v}, role="employee", date=str(v)))) for v in (1, 2, 4)]
    share = encode_share(DEMO, {"one-a": 5, "two-a": 3})
    files = [{"name": f"p{i}.json", "text": t} for i, t in enumerate(good)]
    files += [
        {"name": "again.json", "text": good[0]},
        {"name": "empty.json", "text": ""},
        {"name": "link", "text": f"https://x/#cx={share}"},
        {
            "name": "broken link",
            "text": f"https://x/#cx={share[:-1]}0" if share[-1] != "0" else f"https://x/#cx={share[:-1]}1",
        },
        {"name": "evil.json", "text": json.dumps({**json.loads(good[0]), "role": "<img src=x onerror=alert(1)>"})},
    ]
    reply = json.loads(
        api.handle(json.dumps({"op": "team", "args": {"files": files, "lang": "en", "date": "2026-11-23"}}))
    )
    out = reply["result"]
    assert out["accepted"] == 4
    reasons = {r["name"]: r["message"] for r in out["refused"]}
    assert reasons["again.json"] == "These answers have already been added."
    assert reasons["empty.json"] == "This file is empty."
    assert "share link" in reasons["broken link"]
    assert "<img src=x onerror=alert(1)>" in reasons["evil.json"]  # raw in data; the page inserts it as text
    assert 'data-cx-respondents="4"' in out["html"]
    assert set(out["files"]) == {"demo:json", "demo:csv"}
    assert out["files"]["demo:csv"]["name"] == "team-result-demo-2026-11-23.csv"
    assert out["files"]["demo:csv"]["type"].startswith("text/csv")
    assert out["notes"] == []
    # the intake: one line per refused item (escaped), a button per download, and the summary sentence
    assert out["summary"] == "4 completed checklists count; not counted: 4."
    assert out["intake"].count("<li>") == 4 and "<img" not in out["intake"] and "&lt;img" in out["intake"]
    assert 'data-cx-team-download="demo:json"' in out["intake"]
    assert "Team result as a spreadsheet: Demo" in out["intake"]
    assert "demo" not in out["intake"].replace('data-cx-team-download="demo:', "")  # no checklist id in a label


def test_a_file_the_page_did_not_read_is_refused_as_too_large() -> None:
    api.define(DEMO.to_dict())
    files = [{"name": "big.json", "text": None, "size": 50_000_000}, {"name": "odd.json", "text": None}]
    out = json.loads(api.handle(json.dumps({"op": "team", "args": {"files": files, "lang": "nl"}})))["result"]
    assert [r["message"] for r in out["refused"]] == [
        "Dit bestand is te groot voor een download van deze site.",
        "Dit is geen geldig JSON-bestand.",
    ]
    assert out["files"] == {} and 'data-cx-team-download="' not in out["intake"]


def test_team_api_flags_exports_from_an_older_version() -> None:
    data = minimal()
    data["version"] = 2
    api.define(data)
    old = [
        {
            "format": "cx-playbook-export",
            "schema": 1,
            "checklist": "demo",
            "version": 1,
            "date": str(i),
            "answers": {"one-a": i, "retired": 3},
        }
        for i in (1, 2, 3)
    ]
    files = [{"name": f"old{i}.json", "text": json.dumps(o)} for i, o in enumerate(old)]
    out = json.loads(api.handle(json.dumps({"op": "team", "args": {"files": files, "lang": "en"}})))["result"]
    assert out["accepted"] == 3 and out["refused"] == []
    assert out["notes"][0] == {
        "name": "old0.json",
        "message": "Carried over from version 1; answers that no longer fit were left out: retired.",
    }
    api.define(minimal())


def test_items_past_the_limit_are_refused_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    api.define(DEMO.to_dict())
    from checklists import session

    monkeypatch.setattr(session, "MAX_FILES", 3)
    files = [
        {"name": f"p{v}.json", "text": json.dumps(export_dict(person({"one-a": v}, date=str(v))))} for v in range(1, 6)
    ]
    out = json.loads(api.handle(json.dumps({"op": "team", "args": {"files": files, "lang": "en"}})))["result"]
    assert out["accepted"] == 3
    assert out["refused"] == [
        {"name": name, "message": "3 files have already been read; this one is not counted."}
        for name in ("p4.json", "p5.json")
    ]


def test_statements_the_team_disagrees_on_end_the_sentence_with_one_full_stop() -> None:
    data = minimal()
    for question, text in zip(data["sections"][0]["questions"], ("We listen.", "We act."), strict=False):
        question["text"] = {"nl": text, "en": text}
    checklist = Checklist.from_dict(data)
    people = [respond(checklist, {"one-a": v, "one-b": 6 - v}, language="en", date=str(v)) for v in (1, 1, 5, 5)]
    html = render_team(checklist, aggregate(checklist, people), "en")
    assert "“We listen”" in html and ".”" not in html
