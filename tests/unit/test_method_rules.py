"""Every rule the scoring page states, exercised: for each sentence, answer sets that show the engine does what it says.

`RULE_TESTS` maps each rule key of `macros.method.RULES` to its test; a rule added to the page without one fails.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

from checklists import api
from checklists.load import load_all
from checklists.model import UNKNOWN, Checklist
from checklists.record import respond
from checklists.scoring import display, score
from checklists.team import DISAGREEMENTS, DISCUSSION_SIZE, GROUP_MIN, MIN_RESPONDENTS, aggregate
from macros.method import RULES

SUITE = load_all()


def demo(sections: list[list[float]], **extra: Any) -> Checklist:
    """A checklist with one section per list of statement weights (s0-q0, s0-q1, …), threshold levels 0/40/60/80."""
    levels = [
        {"min": m, "name": {"nl": f"L{m}", "en": f"L{m}"}, "description": {"nl": "d", "en": "d"}}
        for m in (0, 40, 60, 80)
    ]
    data = {
        "id": "rules",
        "version": 1,
        "title": {"nl": "R", "en": "R"},
        "intro": {"nl": "i", "en": "i"},
        "levels": levels,
        "sections": [
            {
                "id": f"s{i}",
                "title": {"nl": f"S{i}", "en": f"S{i}"},
                "advice": {"nl": f"doe {i}", "en": f"do {i}"},
                "questions": [
                    {"id": f"s{i}-q{j}", "text": {"nl": "x", "en": "x"}, "weight": w} for j, w in enumerate(weights)
                ],
            }
            for i, weights in enumerate(sections)
        ],
        **extra,
    }
    return Checklist.from_dict(data)


def phases(count: int = 4) -> Checklist:
    """A phase scan: the cumulative rule, one level per phase plus one."""
    base = demo([[1, 1]] * count)
    data = copy.deepcopy(base.to_dict())
    data["level_rule"] = "cumulative"
    data["levels"] = [{"name": {"nl": f"F{i}", "en": f"P{i}"}, "description": {"nl": "d", "en": "d"}} for i in range(5)]
    return Checklist.from_dict(data)


def rule_section() -> None:
    checklist = demo([[1, 3]])
    result = score(checklist, {"s0-q0": 5, "s0-q1": 3})  # (1 × 100 + 3 × 50) / 4 = 62.5, exactly
    assert Fraction(*result.section("s0").ratio) == Fraction(125, 2) and result.section("s0").score == 62.5


def rule_say() -> None:
    checklist = Checklist.from_dict(
        {**demo([[1, 1], [1]]).to_dict(), "pairs": [{"say": "s0-q0", "do": "s1-q0", "finding": {"nl": "f", "en": "f"}}]}
    )
    result = score(checklist, {"s0-q0": 5, "s0-q1": 1, "s1-q0": 1})
    assert result.section("s0").score == 0 and result.section("s0").total == 1 and result.coverage == 100


def rule_overall() -> None:
    checklist = demo([[1, 1, 1, 1], [1]])
    result = score(checklist, {"s0-q0": 5, "s0-q1": 5, "s0-q2": 5, "s0-q3": 5, "s1-q0": 1})
    assert result.overall == 50  # (100 + 0) / 2: each section weighs the same, however many statements it has


def rule_unknown() -> None:
    checklist = demo([[1, 1, 1, 1]])
    result = score(checklist, {"s0-q0": 5, "s0-q1": UNKNOWN})
    assert result.overall == 100 and result.coverage == 25


def rule_provisional() -> None:
    checklist = demo([[1] * 10, [1] * 10])
    full = {f"s0-q{j}": 3 for j in range(10)}
    nearly = score(checklist, {**full, **{f"s1-q{j}": 3 for j in range(4)}})  # 14 of 20 = 70%: not provisional
    assert not nearly.provisional and nearly.missing == (), (
        "the sections lacking answers are named only when provisional"
    )
    below = score(checklist, {**full, **{f"s1-q{j}": 3 for j in range(3)}})  # 13 of 20 = 65%
    assert below.provisional and below.missing == ("s1",)


def rule_rounding() -> None:
    checklist = demo([[1, 1]])
    half = score(checklist, {"s0-q0": 4, "s0-q1": 5})  # 87.5 → 88
    assert display(half.overall) == 88
    levels = demo([[1, 3]])  # (50 + 3 × 75) / 4 = 68.75 → 69; 79.5 from another mix:
    assert display(score(levels, {"s0-q0": 3, "s0-q1": 4}).overall) == 69
    from checklists.scoring import level_for

    assert level_for(demo([[1]]), (159, 2), ()) == 3  # 79.5 is shown as 80 and reaches the level from 80


def rule_nothing() -> None:
    result = score(demo([[1, 1]]), {"s0-q0": UNKNOWN})
    assert (result.overall, result.level, result.focus) == (None, None, ())


def rule_pairs() -> None:
    checklist = Checklist.from_dict(
        {**demo([[1, 1]]).to_dict(), "pairs": [{"say": "s0-q0", "do": "s0-q1", "finding": {"nl": "f", "en": "f"}}]}
    )
    assert [f.gap for f in score(checklist, {"s0-q0": 5, "s0-q1": 3}).findings] == [2]
    assert score(checklist, {"s0-q0": 4, "s0-q1": 3}).findings == ()
    assert score(checklist, {"s0-q0": 5, "s0-q1": UNKNOWN}).findings == ()


def rule_trend() -> None:
    checklist = SUITE["leadership"]
    api.define(checklist.to_dict())
    first = checklist.sections[0]
    plan = {first.id: {"owner": "Anna", "due": "2027-01-31"}}
    low = dict.fromkeys((q.id for q in first.questions), 1)
    snapshots = api.snapshot("leadership", low, plan, [], "en")["snapshots"]
    snapshots[0]["date"] = "2026-01-01"
    snapshots = api.snapshot("leadership", dict.fromkeys(low, 3), {}, snapshots, "en")["snapshots"]
    html = api.score_answers("leadership", dict.fromkeys(low, 5), "en", {"snapshots": snapshots})["html"]
    assert 'data-cx-trend="50"' in html  # since the latest snapshot (50) to now (100)
    assert f'data-cx-progress="{first.id}"' in html and "from 0 to 50 (+50)" in html


def rule_compare() -> None:
    checklist = SUITE["leadership"]
    api.define(checklist.to_dict())
    html = api.score_answers("leadership", {checklist.question_ids[0]: 3}, "en")["html"]
    assert "does not compare you with other organisations" in html


def rule_focus() -> None:
    checklist = demo([[1, 1], [1, 1], [1, 1], [1, 1], [1, 1]])
    answers = {"s0-q0": 3, "s0-q1": 3, "s1-q0": 1, "s1-q1": 2, "s2-q0": 2, "s2-q1": 2, "s3-q0": 5, "s3-q1": 5}
    answers |= {"s4-q0": 2, "s4-q1": 2}  # shown: 50, 13, 25, 100, 25
    focus = score(checklist, answers).focus
    assert [(f.id, f.kind) for f in focus] == [("s1", "improve"), ("s2", "improve"), ("s4", "improve")]
    assert focus[0].low == ("s1-q0", "s1-q1") and score(checklist, {"s0-q0": 3}).focus[0].low == ()


def rule_keep() -> None:
    checklist = demo([[1], [1], [1]])
    (focus,) = score(checklist, {"s0-q0": 5, "s1-q0": 4, "s2-q0": 4}).focus
    assert (focus.id, focus.kind, focus.low) == ("s1", "keep", ())


def rule_phase() -> None:
    checklist = phases()
    passed_first_only = {"s0-q0": 4, "s0-q1": 4, "s1-q0": 1, "s1-q1": 2, "s2-q0": 5, "s2-q1": 5}
    assert score(checklist, passed_first_only).level == 1  # phase 3 high, but phase 2 breaks the run
    gap = {"s0-q0": 4, "s0-q1": 4, "s2-q0": 5, "s2-q1": 5, "s3-q0": 5, "s3-q1": 5}
    assert score(checklist, gap).level == 1  # phase 2 without answers is not passed


def rule_phase_focus() -> None:
    checklist = phases()
    unanswered_later = {"s0-q0": 4, "s0-q1": 4, "s1-q0": 1, "s1-q1": 2}
    focus = score(checklist, unanswered_later).focus
    assert [(f.id, f.kind) for f in focus] == [("s1", "improve"), ("s2", "answer"), ("s3", "answer")]
    assert focus[0].low == ("s1-q0", "s1-q1") and focus[1].low == ()
    all_passed = dict.fromkeys(checklist.question_ids, 4)
    assert [(f.id, f.kind) for f in score(checklist, all_passed).focus] == [("s0", "keep")]
    first_only = {"s0-q0": 5, "s0-q1": 5}
    assert all(f.kind == "answer" for f in score(checklist, first_only).focus), "no strong-result area then"


def rule_gate() -> None:
    checklist = SUITE["board-voice"]
    (gate,) = checklist.gates
    answers = dict.fromkeys(checklist.question_ids, 1)
    closed = score(checklist, {**answers, gate.id: "no"})
    open_ = score(checklist, {**answers, gate.id: "yes"})
    assert closed.not_applicable == (gate.id,) and open_.not_applicable == ()
    assert sum(s.total for s in closed.sections) == sum(s.total for s in open_.sections) - len(gate.questions)
    gone = [s.id for s in closed.sections if not s.applicable]
    assert gone and not {f.id for f in closed.focus} & set(gone)
    api.define(checklist.to_dict())
    html = api.score_answers(checklist.id, {**answers, gate.id: "no"}, "en")["html"]
    assert "Not applicable" in html and all(f'data-cx-section="{s}"' not in html for s in gone)
    assert score(checklist, answers).overall == open_.overall  # unanswered: everything counts


def _team(checklist: Checklist, answer_sets: list[dict[str, Any]], roles: list[str | None] | None = None) -> Any:
    roles = roles or [None] * len(answer_sets)
    people = [
        respond(checklist, a, language="nl", role=r, date=str(i))
        for i, (a, r) in enumerate(zip(answer_sets, roles, strict=True))
    ]
    return aggregate(checklist, people)


def rule_team_min() -> None:
    checklist = demo([[1]])
    assert _team(checklist, [{"s0-q0": 3}] * (MIN_RESPONDENTS - 1)).waiting
    assert not _team(checklist, [{"s0-q0": v} for v in range(1, MIN_RESPONDENTS + 1)]).waiting


def rule_team_spread() -> None:
    team = _team(demo([[1]]), [{"s0-q0": v} for v in (1, 2, 4, 5)])
    spread = team.questions[0].spread
    assert (spread.median, spread.low, spread.high, spread.q1, spread.q3) == (3, 1, 5, 1.75, 4.25)  # inclusive


def rule_team_discussion() -> None:
    checklist = demo([[1] * (DISCUSSION_SIZE + 2)])
    ids = checklist.question_ids
    sets = [dict.fromkeys(ids, 3) for _ in range(3)]
    for question in ids[:-1]:  # every statement but the last differs, all alike: ties keep the checklist's order
        sets[0][question], sets[2][question] = 2, 4
    sets[0][ids[-2]], sets[2][ids[-2]] = 1, 5  # the widest spread comes first
    team = _team(checklist, sets)
    assert team.discussion == (ids[-2], *ids[: DISCUSSION_SIZE - 1]) and ids[-1] not in team.discussion


def rule_team_gap() -> None:
    checklist = demo([[1]])
    sets = [{"s0-q0": v} for v in (5, 5, 2, 2, 3)]
    few = _team(checklist, sets, ["board", "manager", "employee", "other", None])
    assert few.gaps == (), "one employee is not a group"
    both = _team(checklist, sets, ["board", "manager", "employee", "employee", None])
    assert [g.difference for g in both.gaps] == [(100 - 25)]  # medians 100 and 25


def rule_team_focus() -> None:
    checklist = demo([[1, 1, 1], [1]])
    sets = [
        {"s0-q0": 1, "s0-q1": 1, "s0-q2": 3, "s1-q0": 5},
        {"s0-q0": 1, "s0-q1": 5, "s0-q2": 1, "s1-q0": 5},
        {"s0-q0": 2, "s0-q1": 3, "s0-q2": 2, "s1-q0": 4},
    ]
    team = _team(checklist, sets)
    (focus,) = team.focus
    assert (focus.id, focus.kind) == ("s0", "improve") and len(focus.disagreements) == DISAGREEMENTS
    assert focus.disagreements[0] == "s0-q1"  # 1–5: the widest
    assert GROUP_MIN == 2


RULE_TESTS: dict[str, Callable[[], None]] = {
    name: function for name, function in globals().items() if name.startswith("rule_") and callable(function)
}


def test_every_rule_on_the_scoring_page_has_a_test() -> None:
    stated = {key for keys in RULES.values() for key in keys}
    assert stated == set(RULE_TESTS), f"untested: {stated - set(RULE_TESTS)}; unstated: {set(RULE_TESTS) - stated}"


@pytest.mark.usefixtures("engine_session")
@pytest.mark.parametrize("rule", sorted(RULE_TESTS))
def test_the_engine_does_what_the_rule_says(rule: str) -> None:
    RULE_TESTS[rule]()


def test_the_page_states_each_rule_in_both_languages() -> None:
    from macros.method import rules

    for lang in ("nl", "en"):
        text = rules(SUITE["leadership"], lang)
        assert text.count("\n- ") + 1 >= len(RULE_TESTS) - len(RULES) + 1
        assert json.dumps(text)  # plain text, no placeholder left unfilled
        assert "{" not in text
