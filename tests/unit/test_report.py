"""The result panel and the worker interface: escaped HTML, JSON replies, errors as data."""

from __future__ import annotations

import datetime
import json
import random
from xml.etree import ElementTree

import pytest

from checklists import ENGINE_VERSION, api
from checklists.charts import bars, radar
from checklists.load import load_all
from checklists.model import Checklist
from checklists.record import PlanItem, read_history
from checklists.report import FOCUS_KINDS, render
from checklists.scoring import score

from .test_model import minimal

pytestmark = pytest.mark.usefixtures("engine_session")

PAYLOAD = '<img src=x onerror="alert(1)">'


def hostile() -> Checklist:
    data = minimal()
    data["sections"][0]["title"] = {"nl": PAYLOAD, "en": PAYLOAD}
    data["sections"][0]["advice"] = {"nl": PAYLOAD, "en": PAYLOAD}
    data["sections"][0]["questions"][0]["text"] = {"nl": PAYLOAD, "en": PAYLOAD}
    return Checklist.from_dict(data)


def test_every_text_in_the_panel_is_escaped() -> None:
    checklist = hostile()
    history = read_history(checklist, [{"date": "2026-11-01", "score": 10, "sections": {"one": 0}, "plan": {}}])
    plan = {"one": PlanItem(PAYLOAD, "2026-12-31")}
    html = render(checklist, score(checklist, {"one-a": 1, "one-b": 1}), "nl", {}, plan=plan, history=history)
    assert "<img" not in html and html.count("&lt;img src=x") >= 4  # title, step, low statement, owner field
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_links_come_only_from_the_page_map() -> None:
    data = minimal()
    data["sections"][0]["chapter"] = "blocks/one.md#practices"
    data["sections"][0]["advice"] = {"nl": "Doe dit", "en": "Do this"}
    checklist = Checklist.from_dict(data)
    result = score(checklist, {"one-a": 1, "one-b": 1})
    with_link = render(checklist, result, "en", {"blocks/one.md#practices": "../../blocks/one/#practices"})
    assert 'href="../../blocks/one/#practices"' in with_link
    assert "href" not in render(checklist, result, "en", {})


def test_charts_are_well_formed_svg_with_escaped_labels() -> None:
    labels = [PAYLOAD, "B & C", "D", "E", "F"]
    for svg in (bars(labels[:3], [10, None, 90], "t<"), radar(labels, [0, 50, None, 75, 100], "t<")):
        root = ElementTree.fromstring(svg)
        assert root.tag.endswith("svg")
        assert root.get("role") == "img"
        assert "<img" not in svg


def test_api_define_then_score_in_both_languages() -> None:
    definition = Checklist.from_dict(minimal()).to_dict()
    reply = json.loads(api.handle(json.dumps({"op": "define", "args": {"definition": definition}})))
    assert reply == {"result": {"id": "demo", "version": 1, "engine": ENGINE_VERSION}}
    for lang, word in (("nl", "van de 100"), ("en", "out of 100")):
        args = {"checklist_id": "demo", "answers": {"one-a": 5}, "lang": lang}
        out = json.loads(api.handle(json.dumps({"op": "score", "args": args})))["result"]
        assert out["overall"] == 100
        assert word in out["html"] and word in out["announce"]


def test_api_reports_errors_as_data() -> None:
    api.handle(json.dumps({"op": "define", "args": {"definition": Checklist.from_dict(minimal()).to_dict()}}))
    bad = json.loads(
        api.handle(json.dumps({"op": "score", "args": {"checklist_id": "demo", "answers": {"x": 1}, "lang": "nl"}}))
    )
    assert bad["error"]["kind"] == "checklist" and bad["error"]["code"] == "bad_answers"
    assert bad["error"]["message"] == "Deze antwoorden passen niet bij de checklist: answers.x."
    unknown = json.loads(api.handle(json.dumps({"op": "explode", "args": {"lang": "en"}})))
    assert unknown["error"]["message"] == "The scoring engine did not understand this request; nothing has changed."
    assert json.loads(api.handle("{not json"))["error"]["code"] == "bad_request"


def call(op: str, **args: object) -> dict:
    """One request through the worker's interface; its result (the test fails on a refusal)."""
    reply = json.loads(api.handle(json.dumps({"op": op, "args": args})))
    assert "result" in reply, reply
    return reply["result"]


def test_the_result_reads_who_when_and_the_plan_from_the_saved_entry() -> None:
    api.define(Checklist.from_dict(minimal()).to_dict())
    saved = {
        "role": "board",
        "team": "  Sales   NL ",
        "updated": "2026-10-05T09:00:00Z",
        "plan": {"one": {"owner": "Ann"}},
    }
    own = call("score", checklist_id="demo", answers={"one-a": 1}, lang="en", saved=saved)["html"]
    assert "2026-10-05" in own and "board" in own and "Sales NL" in own and 'value="Ann"' in own
    # a share link's answers carry nobody's name or plan; an odd saved role or team never refuses a result
    shared = call("score", checklist_id="demo", answers={"one-a": 1}, lang="en")["html"]
    assert "Sales" not in shared and "Ann" not in shared
    odd = call("score", checklist_id="demo", answers={"one-a": 1}, lang="en", saved={"role": ["x"], "team": 5})
    assert "overall" in odd


def test_an_export_carries_the_saved_role_team_and_plan() -> None:
    api.define(Checklist.from_dict(minimal()).to_dict())
    saved = {"role": "manager", "team": "Care", "plan": {"one": {"owner": "Ann", "due": "2027-01-31"}}}
    made = call("export", checklist_id="demo", answers={"one-a": 4}, saved=saved, date="2026-12-01T10:00:00Z")
    data = json.loads(made["json"]["text"])
    assert (data["role"], data["team"], data["plan"]) == (
        "manager",
        "Care",
        {"one": {"owner": "Ann", "due": "2027-01-31"}},
    )
    assert made["json"]["name"] == "demo-manager-care-2026-12-01.json" and made["csv"]["type"].startswith("text/csv")
    saved = {"role": "employee", "team": "MT december · Zuid-Oost"}
    made = call("export", checklist_id="demo", answers={}, saved=saved, date="2026-12-04T10:00:00Z", lang="nl")
    assert made["csv"]["name"] == "demo-medewerker-mt-december-zuid-oost-2026-12-04.csv"


def test_a_snapshot_is_added_scored_and_the_oldest_drop_off() -> None:
    api.define(Checklist.from_dict(minimal()).to_dict())
    days = [(datetime.date(2026, 1, 1) + datetime.timedelta(days=i)).isoformat() for i in range(40)]
    older = [{"date": day, "version": 1, "answers": {"one-a": 1}, "plan": {}} for day in days]
    made = call("snapshot", checklist_id="demo", answers={"one-a": 5}, plan={"one": {"owner": "Ann"}}, snapshots=older)
    kept = made["snapshots"]
    assert len(kept) == 40 and kept[0]["date"] == days[1]  # at most 40: the oldest one dropped
    assert (
        kept[-1]["answers"] == {"one-a": 5} and kept[-1]["score"] == 100 and kept[-1]["plan"]["one"]["owner"] == "Ann"
    )
    assert kept[0]["score"] == 0  # each snapshot carries the score it showed
    # snapshots that no longer fit are left out, never trusted
    bad = call("snapshot", checklist_id="demo", answers={"one-a": 2}, snapshots=[{"date": "x", "answers": 5}, 7])
    assert [s["answers"] for s in bad["snapshots"]] == [{"one-a": 2}]


def strings_in(value: object) -> set[str]:
    """Every string in a JSON-like value, keys included."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(k) | strings_in(v) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def test_a_kept_result_is_numbers_and_ids_only_never_text_or_markup() -> None:
    rng = random.Random(7)
    for checklist in load_all().values():
        api.define(checklist.to_dict())
        ids = {s.id for s in checklist.sections} | set(FOCUS_KINDS)
        for _ in range(20):
            values = [*checklist.scale.values, "unknown"]
            answers = {q: rng.choice(values) for q in checklist.question_ids if rng.random() < 0.7}
            for lang in ("nl", "en"):
                reply = api.score_answers(checklist.id, answers, lang)
                data = reply["kept"]
                assert set(data) == {"score", "level", "coverage", "provisional", "sections", "focus"}
                assert strings_in(data["sections"]) | strings_in(data["focus"]) <= ids, checklist.id
                assert not strings_in([data["score"], data["level"], data["coverage"], data["provisional"]])
                assert data["score"] == reply["overall"] and data["sections"] == reply["sections"]
                assert all(v is None or (isinstance(v, int) and 0 <= v <= 100) for v in data["sections"].values())


def test_statements_named_in_a_focus_area_end_the_sentence_with_one_full_stop() -> None:
    # "Laag beantwoord: “A”; “B”." — not “A.”; “B.”. (the statements' own full stops dropped inside the quotes)
    data = minimal()
    data["sections"][0]["questions"][0]["text"] = {"nl": "Wij luisteren.", "en": "We listen."}
    data["sections"][0]["questions"][1]["text"] = {"nl": "Wij handelen", "en": "We act"}
    checklist = Checklist.from_dict(data)
    html = render(checklist, score(checklist, {"one-a": 1, "one-b": 1}), "en", {})
    assert "Answered low: “We listen”; “We act”.</p>" in html
    assert ".”" not in html
