"""Scoring: hand-computed cases and properties that must hold for every answer set."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.answers import migrate
from checklists.model import UNKNOWN, Checklist, ChecklistError
from checklists.scoring import display, score

from .test_model import minimal


@pytest.fixture(scope="module")
def demo() -> Checklist:
    return Checklist.from_dict(minimal())


# one-a (weight 1), one-b (weight 2) in section one; two-a in section two; scale 1–5 -> 0, 25, 50, 75, 100
CASES = [
    ("all answered", {"one-a": 5, "one-b": 1, "two-a": 3}, (100 * 1 + 0 * 2) / 3, 50.0, ((100 / 3) + 50) / 2, 100.0),
    ("weights", {"one-a": 1, "one-b": 5, "two-a": 5}, (0 + 100 * 2) / 3, 100.0, ((200 / 3) + 100) / 2, 100.0),
    ("partial: one section empty", {"one-a": 4}, 75.0, None, 75.0, 100 / 3),
    ("don't know is left out", {"one-a": 2, "one-b": UNKNOWN, "two-a": 4}, 25.0, 75.0, 50.0, 200 / 3),
    ("all don't know", {"one-a": UNKNOWN, "one-b": UNKNOWN, "two-a": UNKNOWN}, None, None, None, 0.0),
    ("nothing answered", {}, None, None, None, 0.0),
    ("unequal sections, equal weight overall", {"one-a": 5, "one-b": 5, "two-a": 1}, 100.0, 0.0, 50.0, 100.0),
]


@pytest.mark.parametrize(
    ("answers", "one", "two", "overall", "coverage"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hand_computed(
    demo: Checklist,
    answers: dict[str, Any],
    one: float | None,
    two: float | None,
    overall: float | None,
    coverage: float,
) -> None:
    result = score(demo, answers)
    assert result.section("one").score == pytest.approx(one) if one is not None else result.section("one").score is None
    assert result.section("two").score == pytest.approx(two) if two is not None else result.section("two").score is None
    assert result.overall == pytest.approx(overall) if overall is not None else result.overall is None
    assert result.coverage == pytest.approx(coverage)


def test_weighted_overall_uses_section_weights() -> None:
    data = minimal()
    data["overall"] = "weighted"
    data["sections"][1]["weight"] = 3
    checklist = Checklist.from_dict(data)
    result = score(checklist, {"one-a": 5, "one-b": 5, "two-a": 1})
    assert result.overall == pytest.approx((100 * 1 + 0 * 3) / 4)


def test_levels_by_threshold(demo: Checklist) -> None:
    assert score(demo, {"one-a": 3}).level == 1  # 50 reaches the level that starts at 50
    assert score(demo, {"one-a": 2}).level == 0
    assert score(demo, {}).level is None


def test_cumulative_levels_stop_at_the_first_phase_below_the_pass_mark() -> None:
    data = minimal()
    data["level_rule"] = "cumulative"
    data["levels"] = [{"name": {"nl": f"F{i}", "en": f"P{i}"}, "description": {"nl": "x", "en": "x"}} for i in range(3)]
    checklist = Checklist.from_dict(data)
    assert score(checklist, {"one-a": 4, "one-b": 4, "two-a": 4}).level == 2
    assert score(checklist, {"one-a": 4, "one-b": 4, "two-a": 2}).level == 1
    assert score(checklist, {"one-a": 2, "one-b": 2, "two-a": 5}).level == 0
    assert score(checklist, {"two-a": 5}).level == 0  # phase one unanswered: not passed


def test_provisional_names_the_sections_lacking_answers(demo: Checklist) -> None:
    result = score(demo, {"one-a": 4, "one-b": 4})
    assert result.provisional  # 2 of 3 answered: 66.7% < 70%
    assert result.missing == ("two",)
    assert not score(demo, {"one-a": 4, "one-b": 4, "two-a": 1}).provisional


def three_sections(*weights: float, cumulative: bool = False) -> Checklist:
    """A checklist with sections a, b, c (two statements each, the first weighted as given), chapters a.md…"""
    data = minimal()
    data["sections"] = [
        {
            "id": name,
            "title": {"nl": name.upper(), "en": name.upper()},
            "chapter": f"blocks/{name}.md",
            "advice": {"nl": f"Doe {name}", "en": f"Do {name}"},
            "questions": [
                {"id": f"{name}-1", "text": {"nl": f"{name}1", "en": f"{name}1"}, "weight": weight},
                {"id": f"{name}-2", "text": {"nl": f"{name}2", "en": f"{name}2"}},
            ],
        }
        for name, weight in zip("abc", weights or (1, 1, 1), strict=True)
    ]
    if cumulative:
        data["level_rule"] = "cumulative"
        data["levels"] = [
            {"name": {"nl": f"F{i}", "en": f"P{i}"}, "description": {"nl": "x", "en": "x"}} for i in range(4)
        ]
    return Checklist.from_dict(data)


def focus(result: Any) -> list[tuple[str, tuple[str, ...], str]]:
    return [(f.id, f.low, f.kind) for f in result.focus]


def test_focus_areas_are_the_weakest_below_the_pass_mark_with_their_low_statements() -> None:
    checklist = three_sections()
    # a = (25 + 50) / 2 = 37.5, b = (0 + 25) / 2 = 12.5, c = 100: b then a; low statements (answered 1 or 2) named
    result = score(checklist, {"a-1": 2, "a-2": 3, "b-1": 1, "b-2": 2, "c-1": 5, "c-2": 5})
    assert focus(result) == [("b", ("b-1", "b-2"), "improve"), ("a", ("a-1",), "improve")]
    assert [f.link for f in result.focus] == ["blocks/b.md", "blocks/a.md"]


def test_focus_area_ties_keep_checklist_order_and_there_are_at_most_three() -> None:
    data = minimal()
    data["sections"] = [
        {
            "id": f"s{i}",
            "title": {"nl": f"S{i}", "en": f"S{i}"},
            "questions": [{"id": f"q{i}", "text": {"nl": "x", "en": "x"}}],
        }
        for i in range(5)
    ]
    checklist = Checklist.from_dict(data)
    result = score(checklist, {"q0": 3, "q1": 2, "q2": 3, "q3": 2, "q4": 3})  # 50, 25, 50, 25, 50
    assert [f.id for f in result.focus] == ["s1", "s3", "s0"]


def test_a_strong_result_keeps_its_lowest_section() -> None:
    checklist = three_sections()
    result = score(checklist, {"a-1": 4, "a-2": 4, "b-1": 4, "b-2": 5, "c-1": 4, "c-2": 4})  # 75, 87.5, 75
    assert focus(result) == [("a", (), "keep")]
    assert focus(score(checklist, dict.fromkeys(checklist.question_ids, 4))) == [("a", (), "keep")]


def test_every_result_with_a_score_has_a_next_step_and_nothing_answered_has_none() -> None:
    checklist = three_sections()
    assert focus(score(checklist, {"c-2": 5})) == [("c", (), "keep")]
    assert score(checklist, {}).focus == () and score(checklist, {"a-1": UNKNOWN}).focus == ()


def test_phase_focus_areas_follow_the_phases() -> None:
    checklist = three_sections(cumulative=True)
    result = score(checklist, {"a-1": 3, "a-2": 3, "b-1": 4, "b-2": 4, "c-1": 1, "c-2": 1})  # a 50, b 75, c 0
    assert [f.id for f in result.focus] == ["a", "c"]  # phase a blocks the rest: first, though c is weaker
    assert result.level == 0
    unanswered = score(checklist, {"b-1": 5, "b-2": 5, "c-1": 5, "c-2": 5})  # phase a not answered at all
    assert focus(unanswered) == [("a", (), "answer")] and unanswered.level == 0


@pytest.mark.parametrize(
    ("weight", "overall", "shown", "level"),
    # a-1 answered 4 (75), a-2 answered 1 (0): 75 w / (w + 1); the levels start at 0 and at 50
    [(1.96, 49.66, 50, 1), (1.9, 49.14, 49, 0), (2, 50.0, 50, 1)],
)
def test_level_is_decided_on_the_whole_number_shown(weight: float, overall: float, shown: int, level: int) -> None:
    checklist = three_sections(weight, 1, 1)
    result = score(checklist, {"a-1": 4, "a-2": 1})
    assert result.overall == pytest.approx(overall, abs=0.01)
    assert display(result.overall) == shown and result.level == level


@pytest.mark.parametrize("threshold", [40, 60, 80])
def test_every_threshold_is_reached_from_the_score_shown_half_below_it(threshold: int) -> None:
    data = minimal()
    data["levels"] = [
        {"min": m, "name": {"nl": str(m), "en": str(m)}, "description": {"nl": "x", "en": "x"}} for m in (0, 40, 60, 80)
    ]
    checklist = Checklist.from_dict(data)
    from checklists.scoring import level_for

    below, at = (2 * threshold - 1, 2), (2_000_000 * threshold - 1_000_001, 2_000_000)  # 79.5 → 80, 79.4999995 → 79
    index = [0, 40, 60, 80].index(threshold)
    assert display(below[0] / below[1]) == threshold and level_for(checklist, below, ()) == index
    assert display(at[0] / at[1]) == threshold - 1 and level_for(checklist, at, ()) == index - 1


def test_cumulative_phase_passes_on_the_shown_score() -> None:
    data = minimal()
    data["pass_mark"] = 60
    data["level_rule"] = "cumulative"
    data["levels"] = [{"name": {"nl": f"F{i}", "en": f"P{i}"}, "description": {"nl": "x", "en": "x"}} for i in range(3)]
    data["sections"][0]["questions"][1]["weight"] = 0.3  # one: (75 * 1 + 25 * 0.3) / 1.3 = 63.46 → 63; (50 + 25 * .3)…
    checklist = Checklist.from_dict(data)
    assert score(checklist, {"one-a": 4, "one-b": 2, "two-a": 4}).level == 2
    data["sections"][0]["questions"][1]["weight"] = 1.58  # (75 + 25 * 1.58) / 2.58 = 44.4 → 44: not passed
    assert score(Checklist.from_dict(data), {"one-a": 4, "one-b": 2, "two-a": 4}).level == 0


def test_say_statements_count_in_no_score_and_no_coverage() -> None:
    data = minimal()
    data["pairs"] = [{"say": "one-a", "do": "two-a", "finding": {"nl": "Gat", "en": "Gap"}}]
    checklist = Checklist.from_dict(data)
    result = score(checklist, {"one-a": 5, "one-b": 1, "two-a": 1})
    assert result.section("one").score == 0 and result.section("one").total == 1  # only one-b counts
    assert result.overall == 0 and result.coverage == 100
    assert score(checklist, {"one-a": 5}).overall is None and score(checklist, {"one-a": 5}).coverage == 0
    assert [(f.say, f.do, f.gap) for f in result.findings] == [("one-a", "two-a", 4)]


def test_say_do_gap_is_a_finding() -> None:
    data = minimal()
    data["pairs"] = [{"say": "one-a", "do": "two-a", "finding": {"nl": "Gat", "en": "Gap"}}]
    checklist = Checklist.from_dict(data)
    assert [(f.say, f.do, f.gap) for f in score(checklist, {"one-a": 5, "two-a": 3}).findings] == [
        ("one-a", "two-a", 2)
    ]
    assert score(checklist, {"one-a": 5, "two-a": 4}).findings == ()
    assert score(checklist, {"one-a": 5, "two-a": UNKNOWN}).findings == ()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"nope": 3}, "answers.nope: not a question of the checklist 'demo'"),
        ({"one-a": 6}, "answers.one-a: 6 is off the scale 1–5"),
        ({"one-a": 0}, "answers.one-a: 0 is off the scale 1–5"),
        ({"one-a": "3"}, "answers.one-a: '3' is off the scale 1–5"),
        ({"one-a": True}, "answers.one-a: True is off the scale 1–5"),
        ({"one-a": 2.5}, "answers.one-a: 2.5 is off the scale 1–5"),
        ([1, 2], "answers: expected a mapping of question ids to answers"),
    ],
)
def test_invalid_answers_raise_never_count_as_zero(demo: Checklist, answers: Any, message: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        score(demo, answers)
    assert str(caught.value) == message


def test_display_rounds_half_up() -> None:
    assert [display(x) for x in (0, 12.5, 62.5, 66.66, 99.5)] == [0, 13, 63, 67, 100]
    assert display(None) is None


def test_migration_keeps_matching_ids_and_flags_the_rest(demo: Checklist) -> None:
    old = {"one-a": 4, "gone": 2, "two-a": 9}
    data = minimal()
    data["version"] = 3
    migration = migrate(Checklist.from_dict(data), old, 2)
    assert migration.answers == {"one-a": 4}
    assert migration.dropped == ("gone", "two-a")
    assert migration.changed
    with pytest.raises(ChecklistError, match="newer than this site's version"):
        migrate(demo, {}, 2)


# --- properties over every answer set -------------------------------------------------------------------------------

VALUES = st.one_of(st.integers(min_value=1, max_value=5), st.just(UNKNOWN))


def answer_sets(checklist: Checklist) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(checklist.question_ids), VALUES)


DEMO = Checklist.from_dict(minimal())


@settings(max_examples=200)
@given(answer_sets(DEMO))
def test_scores_stay_within_0_and_100(answers: dict[str, Any]) -> None:
    result = score(DEMO, answers)
    values = [s.score for s in result.sections if s.score is not None]
    values += [result.overall] if result.overall is not None else []
    assert all(0 <= v <= 100 for v in values)
    assert 0 <= result.coverage <= 100


@settings(max_examples=200)
@given(answer_sets(DEMO), st.sampled_from(DEMO.question_ids), st.integers(min_value=1, max_value=4))
def test_raising_an_answer_never_lowers_a_score(answers: dict[str, Any], question: str, value: int) -> None:
    low = score(DEMO, {**answers, question: value})
    high = score(DEMO, {**answers, question: value + 1})
    for before, after in zip(low.sections, high.sections, strict=True):
        assert (after.score is None) == (before.score is None)
        if after.score is not None:
            assert after.score >= before.score - 1e-9
    assert high.overall >= low.overall - 1e-9  # both exist: `question` has a scale answer
    assert (high.level or 0) >= (low.level or 0)


@settings(max_examples=100)
@given(answer_sets(DEMO), st.randoms())
def test_order_of_answers_is_irrelevant(answers: dict[str, Any], rnd: Any) -> None:
    items = list(answers.items())
    rnd.shuffle(items)
    assert score(DEMO, dict(items)) == score(DEMO, answers)


@settings(max_examples=200)
@given(answer_sets(DEMO), st.sampled_from(DEMO.question_ids))
def test_dont_know_changes_only_coverage(answers: dict[str, Any], question: str) -> None:
    """Turning an unanswered question into "don't know" changes no score; turning it into an answer moves coverage."""
    without = {k: v for k, v in answers.items() if k != question}
    blank, unknown = score(DEMO, without), score(DEMO, {**without, question: UNKNOWN})
    assert [s.score for s in blank.sections] == [s.score for s in unknown.sections]
    assert (blank.overall, blank.level, blank.coverage) == (unknown.overall, unknown.level, unknown.coverage)
    answered = score(DEMO, {**without, question: 3})
    assert answered.coverage == pytest.approx(unknown.coverage + 100 / len(DEMO.question_ids))


def gated(**gate: Any) -> Checklist:
    """The demo checklist with a gate in front of `one-b` and `two-a` (e.g. "we have a CX lead")."""
    data = minimal()
    data["gates"] = [
        {
            "id": "has-lead",
            "text": {"nl": "Hebben jullie een lead?", "en": "Do you have a lead?"},
            "questions": ["one-b", "two-a"],
            "finding": {"nl": "Geen lead.", "en": "No lead."},
            **gate,
        }
    ]
    return Checklist.from_dict(data)


def test_a_gate_answered_no_takes_its_statements_out_of_every_score_and_the_coverage() -> None:
    checklist = gated()
    answers = {"one-a": 5, "one-b": 1, "two-a": 1}
    open_gate = score(checklist, {**answers, "has-lead": "yes"})
    assert open_gate.overall == pytest.approx(((100 + 0) / 3 + 0) / 2) and open_gate.not_applicable == ()
    closed = score(checklist, {**answers, "has-lead": "no"})
    one, two = closed.section("one"), closed.section("two")
    assert (one.score, one.total, two.total, two.applicable) == (100, 1, 0, False)
    assert (closed.overall, closed.coverage, closed.provisional, closed.missing) == (100, 100, False, ())
    assert closed.not_applicable == ("has-lead",) and [f.id for f in closed.focus] == ["one"]
    assert score(checklist, answers).overall == open_gate.overall  # unanswered: the statements apply


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"questions": ["nope"]}, "gates[0].questions[0]: unknown question 'nope'"),
        ({"id": "one"}, "gates[0].id: duplicate id 'one'"),
        ({"questions": ["one-b", "one-b"]}, "gates[0].questions[1]: 'one-b' is already behind a gate"),
        ({"finding": {"nl": "x"}}, "gates[0].finding.en: missing translation"),
    ],
)
def test_a_bad_gate_is_refused_with_its_key_path(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        gated(**change)
    assert str(caught.value) == message


def test_a_gate_takes_yes_or_no_only_and_survives_a_round_trip() -> None:
    checklist = gated()
    assert Checklist.from_dict(checklist.to_dict()) == checklist
    assert checklist.answer_ids[0] == "has-lead"
    with pytest.raises(ChecklistError, match=r"answers\.has-lead: 3 is not yes or no"):
        score(checklist, {"has-lead": 3})
    with pytest.raises(ChecklistError, match=r"answers\.one-a: 'no' is off the scale"):
        score(checklist, {"one-a": "no"})


def test_an_ask_note_round_trips_and_is_validated() -> None:
    data = minimal()
    data["sections"][0]["questions"][0]["ask"] = {"nl": "Vraag het twee medewerkers.", "en": "Ask two employees."}
    checklist = Checklist.from_dict(data)
    assert checklist.questions["one-a"].ask.en == "Ask two employees."
    assert Checklist.from_dict(checklist.to_dict()) == checklist
    data["sections"][0]["questions"][0]["ask"] = {"nl": "x"}
    with pytest.raises(ChecklistError, match=r"sections\[0\].questions\[0\].ask.en: missing translation"):
        Checklist.from_dict(data)


@pytest.mark.parametrize(("weights", "answers", "shown"), [((1, 1), (4, 5), 88), ((1, 3), (3, 4), 69)])
def test_scores_are_exact_so_a_true_half_is_rounded_up(weights: tuple, answers: tuple, shown: int) -> None:
    # (75 + 100) / 2 = 87.5 → 88; (50 + 3 × 75) / 4 = 68.75 → 69: computed with whole numbers, never 87.4999…
    data = minimal()
    data["sections"][0]["questions"][0]["weight"], data["sections"][0]["questions"][1]["weight"] = weights
    checklist = Checklist.from_dict(data)
    result = score(checklist, {"one-a": answers[0], "one-b": answers[1]})
    assert display(result.section("one").score) == shown == display(result.overall)


def test_a_true_half_is_stored_exactly_not_as_the_float_sum_below_it() -> None:
    # four sections answered [4], [5, 5, 1, 5], [5, 5, 3], [1, 2, 2]: exactly 62.5 overall, shown as 63; summing
    # floats section by section gives 62.49999999999999, which anything that rounds it again shows as 62
    sections = [[4], [5, 5, 1, 5], [5, 5, 3], [1, 2, 2]]
    data = minimal()
    data["sections"] = [
        {
            "id": f"s{i}",
            "title": {"nl": f"S{i}", "en": f"S{i}"},
            "questions": [{"id": f"s{i}-q{j}", "text": {"nl": "x", "en": "x"}} for j in range(4)],
        }
        for i in range(4)
    ]
    checklist = Checklist.from_dict(data)
    answers = {f"s{i}-q{j}": value for i, values in enumerate(sections) for j, value in enumerate(values)}
    result = score(checklist, answers)
    naive = sum(sum((v - 1) / 4 * 100 for v in values) / len(values) for values in sections) / len(sections)
    assert naive == 62.49999999999999 and int(naive + 0.5) == 62
    assert result.overall == 62.5 and display(result.overall) == 63
