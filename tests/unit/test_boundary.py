"""The worker's boundary is total: every request gets a result or a refusal that is a sentence in its language."""

from __future__ import annotations

import inspect
import json
import re
import string
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklists import api
from checklists.formats import FORMAT, MAX_BYTES, encode_share
from checklists.load import load_all
from checklists.strings import STRINGS

SUITE = load_all()
LEADERSHIP = SUITE["leadership"]
# every operation with the arguments it takes, read from the engine itself so that none is ever left out
OPERATIONS = {
    op: [name for name in inspect.signature(function).parameters if name != "lang"]
    for op, function in api._OPERATIONS.items()
}


def scored(section: str, n: int = 0) -> str:
    """The id of the nth statement of a leadership section that counts in the score (not a "say" statement)."""
    return [q.id for q in LEADERSHIP.section(section).questions if q.id not in LEADERSHIP.say_ids][n]


FIRST = scored("vision")


BIG = '"__a number of 5000 digits__"'


def dumps(value: Any) -> str:
    """JSON text of `value`, with BIG standing for a number too long for Python's own int conversion."""
    return json.dumps(value).replace(BIG, "9" * 5000)


def sentence_pattern(template: str) -> str:
    """A catalogue text as a regular expression: its placeholders match anything."""
    parts = [
        re.escape(literal) + ("(.|\n)*" if name else "") for literal, name, _, _ in string.Formatter().parse(template)
    ]
    return "".join(parts)


# the catalogue's refusals: every error reply and every refused team item says one of these
REFUSALS = [
    "too_large",
    "empty",
    "not_json",
    "too_complex",
    "foreign",
    "schema",
    "unknown_checklist",
    "other_checklist",
    "version",
    "newer_version",
    "answers",
    "role",
    "label",
    "bad_code",
    "code_version",
    "duplicate",
    "bad_request",
    "no_checklist",
    "bad_answers",
    "bad_definition",
    "engine_error",
]
SENTENCES = {lang: [re.compile(sentence_pattern(STRINGS[key].get(lang))) for key in REFUSALS] for lang in ("nl", "en")}


PYTHON_SPELLING = re.compile(r"\b(None|True|False)\b|\['|\{'|\(\)|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}")
"""How Python would print a value (`None`, `True`, `['board']`, escapes): never how a reader writes it."""


def is_sentence(message: Any, lang: str) -> bool:
    """Whether `message` is one of the catalogue's refusals in `lang`, its placeholders filled as a reader writes."""
    return (
        isinstance(message, str)
        and any(p.fullmatch(message) for p in SENTENCES[lang])
        and not PYTHON_SPELLING.search(message)
    )


@pytest.fixture(autouse=True)
def loaded() -> Iterator[None]:
    """The leadership checklist defined in the worker's session, and the session as it was afterwards."""
    before = dict(api._LOADED)
    api.define(LEADERSHIP.to_dict())
    yield
    api._LOADED.clear()
    api._LOADED.update(before)


def reply(op: str, args: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(api.handle(dumps({"op": op, "args": args})))
    assert set(out) in ({"result"}, {"error"}), out
    return out


def refused(op: str, args: dict[str, Any], lang: str) -> str:
    """The refusal's sentence, checked to be a catalogue sentence in `lang`."""
    out = reply(op, {**args, "lang": lang})
    assert "error" in out, out
    assert is_sentence(out["error"]["message"], lang), out["error"]["message"]
    return out["error"]["message"]


# every JSON value: deep, wide, huge and odd numbers, any unicode (lone surrogates too), long text
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([json.loads(BIG), -(10**400), 2**63])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec=None, categories=None), max_size=40)
    | st.sampled_from(["", "leadership", "nl", "en", "unknown", "x" * 100_000, "[" * 5000, "cx1.leadership.1.__.0"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25,
)


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, dict[str, Any], str]:
    op = draw(st.sampled_from(sorted(OPERATIONS)))
    names = OPERATIONS[op] + draw(st.lists(st.text(max_size=6), max_size=2))
    args = {name: draw(JSON_VALUES) for name in names if draw(st.booleans())}
    if "checklist_id" in OPERATIONS[op] and draw(st.booleans()):
        args["checklist_id"] = "leadership"
    lang = draw(st.sampled_from(["nl", "en"]))
    return op, {**args, "lang": lang}, lang


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(requests())
def test_every_request_gets_a_result_or_a_sentence_in_its_language(request: tuple[str, dict[str, Any], str]) -> None:
    op, args, lang = request
    out = json.loads(api.handle(dumps({"op": op, "args": args})))
    assert set(out) in ({"result"}, {"error"})
    if "error" in out:
        assert is_sentence(out["error"]["message"], lang), (op, out)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(st.characters(codec=None, categories=None)), JSON_VALUES.map(dumps)))
def test_any_text_at_all_gets_a_dutch_refusal_or_a_result(text: str) -> None:
    out = json.loads(api.handle(text))
    assert set(out) in ({"result"}, {"error"})
    if "error" in out:
        assert is_sentence(out["error"]["message"], "nl")


# --- the inputs a reader can send, by hand ---------------------------------------------------------------------------


def checksummed(body: str) -> str:
    return f"{body}.{zlib.crc32(body.encode()):08x}"


def export(**changes: Any) -> str:
    data = {"format": FORMAT, "schema": 1, "checklist": "leadership", "version": LEADERSHIP.version, "answers": {}}
    return dumps({**data, **changes})


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("code", "key"),
    [
        (checksummed("cx1.leadership." + "9" * 5000 + "." + "_" * len(LEADERSHIP.question_ids)), "bad_code"),
        (checksummed("cx1.leadership." + "9" * 30 + "." + "_" * len(LEADERSHIP.question_ids)), "code_version"),
        (checksummed("cx1.leadership.²." + "_" * len(LEADERSHIP.question_ids)), "bad_code"),
        ("cx1.leadership.1.\udc00\ud800." + "0" * 8, "bad_code"),
        ("#cx=" + "x" * 50_000, "bad_code"),
    ],
    ids=["5000-digit version", "30-digit version", "superscript version", "lone surrogates", "very long"],
)
def test_tampered_share_links_are_refused_in_the_page_language(code: str, key: str, lang: str) -> None:
    message = refused("share_decode", {"code": code}, lang)
    assert re.fullmatch(sentence_pattern(STRINGS[key].get(lang)), message), message


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("text", "key"),
    [
        (export(role=["board"]), "role"),
        (export(checklist={"id": "leadership"}), "unknown_checklist"),
        (export(answers={FIRST: json.loads(BIG)}), "too_complex"),
        ("[" * 100_000 + "]" * 100_000, "too_complex"),
        ('{"a": ' * 5000 + "1" + "}" * 5000, "too_complex"),
        (export(version=1.5).replace("1.5", "1e999"), "too_complex"),
        ('{"format": NaN}', "not_json"),
    ],
    ids=["role is a list", "checklist is an object", "huge number", "deep list", "deep object", "Infinity", "NaN"],
)
def test_bad_imports_are_refused_in_the_page_language(text: str, key: str, lang: str) -> None:
    message = refused("import", {"checklist_id": "leadership", "text": text}, lang)
    assert re.fullmatch(sentence_pattern(STRINGS[key].get(lang)), message), message


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        (export(checklist=None), "(leeg)", "(empty)"),
        (dumps({"format": FORMAT, "schema": 1, "answers": {}}), "(ontbreekt)", "(missing)"),
        (export(checklist=True), "(ja/nee-waarde)", "(a true/false value)"),
        (export(role=["board"]), "(een lijst)", "(a list)"),
        (export(checklist={"id": 1}), "(een groep velden)", "(a group of fields)"),
        (export(checklist="phase\nscan\x01"), "(“phase scan”)", "(“phase scan”)"),
        (export(checklist="x" * 500), "(“" + "x" * 40 + "…”)", "(“" + "x" * 40 + "…”)"),
        (export(version=2.5), "(2,5)", "(2.5)"),
        (export(version="2"), "(“2”)", "(“2”)"),
        (export(version=None), "(leeg)", "(empty)"),
    ],
    ids=["null", "missing", "boolean", "list", "object", "control characters", "long text", "decimal", "text", "nil"],
)
def test_a_refusal_names_the_value_as_a_reader_would_write_it(text: str, nl: str, en: str) -> None:
    for lang, expected in (("nl", nl), ("en", en)):
        message = refused("import", {"checklist_id": "leadership", "text": text}, lang)
        assert message.endswith(f"{expected}.") or f"{expected}." in message, message


def test_a_bad_team_item_is_refused_alone_and_the_rest_still_count() -> None:
    good = [{"name": f"{i}.json", "text": export(answers={FIRST: i}, date=f"d{i}")} for i in (1, 2, 3)]
    bad = [
        {"name": "deep.json", "text": "[" * 100_000},
        {"name": "list-role.json", "text": export(role=[1])},
        {"name": "huge.json", "text": export(version=json.loads(BIG))},
        {"name": "link", "text": "https://x/#cx=" + checksummed("cx1.leadership." + "9" * 5000 + ".__")},
        {"name": ["not", "a", "name"], "text": 7},
        "not even an object",
    ]
    out = reply("team", {"files": [bad[0], good[0], *bad[1:], good[1], good[2]], "lang": "en"})["result"]
    assert out["accepted"] == 3 and len(out["refused"]) == len(bad)
    assert all(is_sentence(r["message"], "en") for r in out["refused"])
    assert 'data-cx-respondents="3"' in out["html"]


def saved(**changes: Any) -> str:
    entry = {"schema": 1, "checklist": "leadership", "version": LEADERSHIP.version, "answers": {FIRST: 4}}
    return json.dumps({**entry, **changes})


def test_saved_data_that_no_longer_fits_is_dropped_with_one_notice_and_the_score_works() -> None:
    text = saved(
        answers={FIRST: 4, "retired-question": 3},
        role=["board"],
        updated=20261201,
        snapshots=[
            {
                "date": "2026-10-01",
                "version": LEADERSHIP.version,
                "answers": {"retired-question": 2, scored("culture"): 9},
            },
            {"date": "2026-11-01", "version": LEADERSHIP.version, "answers": {scored("culture"): 2}},
            "not a snapshot",
        ],
    )
    out = reply("restore", {"checklist_id": "leadership", "text": text, "lang": "en"})["result"]
    state = out["state"]
    assert state["answers"] == {FIRST: 4} and state["role"] is None and state["updated"] is None
    assert [s["date"] for s in state["snapshots"]] == ["2026-11-01"]
    assert state["snapshots"][0]["sections"]["culture"] == 25
    assert out["notice"] == (
        "Not everything this browser kept still fits the checklist; left out: answers to retired-question; "
        "an unknown role; an invalid date; 2 snapshots. " + STRINGS["kept_aside"].en
    )
    assert out["lossy"] and not out["newer"]
    score = reply("score", {"checklist_id": "leadership", "answers": state["answers"], "lang": "en"})
    assert score["result"]["overall"] == 75


@pytest.mark.parametrize(
    "text", ["{not json", "[1, 2]", json.dumps({"schema": 0}), "[" * 100_000, saved(checklist="other"), "{" * 10]
)
def test_unreadable_saved_data_is_kept_aside_with_a_notice(text: str) -> None:
    out = reply("restore", {"checklist_id": "leadership", "text": text, "lang": "nl"})["result"]
    assert out["state"]["answers"] == {} and out["notice"] == STRINGS["corrupt_saved"].nl
    assert out["lossy"] and not out["newer"]


def test_nothing_saved_restores_quietly() -> None:
    out = reply("restore", {"checklist_id": "leadership", "text": None, "lang": "en"})["result"]
    assert out == {"state": out["state"], "notice": None, "lossy": False, "held": False, "newer": False}
    assert out["state"]["answers"] == {}


def test_a_clean_entry_is_not_lossy() -> None:
    out = reply("restore", {"checklist_id": "leadership", "text": saved(role="board"), "lang": "en"})["result"]
    assert (out["notice"], out["lossy"], out["state"]["answers"], out["state"]["role"]) == (
        None,
        False,
        {FIRST: 4},
        "board",
    )


def snapshot(day: int) -> dict[str, Any]:
    answers = {q: 1 + (day + i) % 5 for i, q in enumerate(LEADERSHIP.question_ids[:6])}
    return {
        "date": f"2026-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}",
        "version": LEADERSHIP.version,
        "answers": answers,
    }


PLAN = {"understanding": {"owner": "Anna", "due": "2027-01-31"}}


def with_part(name: str, raw: str) -> str:
    """A saved entry with answers, role, team and plan, and one more part `name` as raw JSON text."""
    return saved(role="board", team="MT december", plan=PLAN)[:-1] + f', "{name}": {raw}}}'


@pytest.mark.parametrize(
    ("text", "dropped", "plan"),
    [
        (with_part("junk", json.dumps("x" * 4_500_000)), "unreadable or unknown parts: junk (4500 kB)", PLAN),
        (with_part("junk", json.dumps([["x" * 10] * 10] * 30_000)), "unreadable or unknown parts: junk", PLAN),
        (with_part("junk", "[" * 5000 + "]" * 5000), "unreadable or unknown parts: junk", PLAN),
        (with_part("notes", "1" + "0" * 30), "unreadable or unknown parts: notes", PLAN),
        (with_part("x" * 3000, "1"), "unreadable or unknown parts: " + "x" * 40, PLAN),
        (saved(role="board", team="MT december", plan={"a": "x" * 2_100_000}), "unreadable or unknown parts: plan", {}),
        (
            saved(role="board", team="MT december", plan=PLAN, updated=10**25),
            "unreadable or unknown parts: updated",
            PLAN,
        ),
    ],
    ids=["4.5 MB of text", "a huge list", "too deep", "a number too long", "a long key", "a part too large", "digits"],
)
def test_one_unreadable_part_never_costs_the_answers_role_team_or_plan(text: str, dropped: str, plan: dict) -> None:
    out = reply("restore", {"checklist_id": "leadership", "text": text, "lang": "en"})["result"]
    state = out["state"]
    assert state["answers"] == {FIRST: 4} and (state["role"], state["team"], state["plan"]) == (
        "board",
        "MT december",
        plan,
    )
    assert dropped in out["notice"] and STRINGS["kept_aside"].en in out["notice"] and out["lossy"]


def test_twenty_thousand_snapshots_keep_the_answers_and_the_latest_forty() -> None:
    snapshots = [snapshot(day) for day in range(20_000)]
    text = saved(team="MT", snapshots=snapshots)
    assert len(text) > 2_000_000
    out = reply("restore", {"checklist_id": "leadership", "text": text, "lang": "nl"})["result"]
    state = out["state"]
    assert state["answers"] == {FIRST: 4} and state["team"] == "MT" and len(state["snapshots"]) == 40
    assert [s["answers"] for s in state["snapshots"]] == [s["answers"] for s in snapshots[-40:]]
    assert "19960 momentopnamen" in out["notice"] and out["lossy"]


@pytest.mark.parametrize("change", [{"version": 99}, {"schema": 2}], ids=["checklist version", "schema"])
def test_an_entry_of_a_newer_site_is_not_read_over(change: dict[str, Any]) -> None:
    out = reply("restore", {"checklist_id": "leadership", "text": saved(**change), "lang": "en"})["result"]
    assert out["newer"] and out["lossy"] and out["notice"] == STRINGS["newer_saved"].en
    assert out["state"]["answers"] == {}


def test_negative_control_a_technical_message_is_not_a_sentence() -> None:
    assert not is_sentence("ValueError: Exceeds the limit (4300 digits)", "nl")
    assert is_sentence(STRINGS["bad_code"].en, "en") and not is_sentence(STRINGS["bad_code"].nl, "en")
    assert encode_share(LEADERSHIP, {}).startswith("cx2.leadership.")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_import_too_large_to_read_is_refused_by_its_size(lang: str) -> None:
    message = refused("import", {"checklist_id": "leadership", "text": None, "size": MAX_BYTES + 1}, lang)
    assert re.fullmatch(sentence_pattern(STRINGS["too_large"].get(lang)), message), message
    small = reply("import", {"checklist_id": "leadership", "text": None, "size": 10})  # not read, yet not too large
    assert small["error"]["code"] == "not_json"
