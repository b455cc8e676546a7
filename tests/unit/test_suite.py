"""The shipped checklist suite: golden cases per checklist, suite-wide properties, links that resolve."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.answers import migrate
from checklists.load import load_all
from checklists.model import UNKNOWN, Checklist
from checklists.scoring import score
from tests.conftest import ROOT

GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "golden.yml").read_text(encoding="utf-8"))
SUITE = load_all()
DOCS = ROOT / "docs"


def expand(checklist: Checklist, spec: dict[str, Any]) -> dict[str, Any]:
    """The answer set a golden case describes."""
    answers: dict[str, Any] = {}
    if "all" in spec:
        answers.update(dict.fromkeys(checklist.question_ids, spec["all"]))
    for section_id, value in spec.get("sections", {}).items():
        answers.update({q.id: value for q in checklist.section(section_id).questions})
    answers.update(spec.get("questions", {}))
    return answers


def advised_questions(checklist: Checklist, spec: Any) -> list[str]:
    if spec == "all":
        return list(checklist.question_ids)
    if spec == "none":
        return []
    if isinstance(spec, dict):
        return [q.id for s in spec["sections"] for q in checklist.section(s).questions]
    return list(spec)


CASES = [(name, case) for name, cases in GOLDEN.items() for case in cases]


def test_golden_cases_cover_every_checklist() -> None:
    assert set(GOLDEN) == set(SUITE)


@pytest.mark.parametrize(("name", "case"), CASES, ids=[f"{n}: {c['name']}" for n, c in CASES])
def test_golden_case(name: str, case: dict[str, Any]) -> None:
    checklist = SUITE[name]
    expect = case["expect"]
    result = score(checklist, expand(checklist, case["answers"]))
    default = expect["sections"].get("all")
    for section in result.sections:
        wanted = expect["sections"].get(section.id, default)
        assert section.score == (None if wanted is None else pytest.approx(wanted)), section.id
    assert result.overall == (None if expect["overall"] is None else pytest.approx(expect["overall"]))
    assert result.level == expect["level"]
    assert result.coverage == pytest.approx(expect["coverage"], abs=1e-3)
    assert result.provisional is expect["provisional"]
    assert [a.id for a in result.advice if a.kind == "section"] == expect["advice_sections"]
    assert [a.id for a in result.advice if a.kind == "question"] == advised_questions(
        checklist, expect["advice_questions"]
    )
    assert [f"{f.say}:{f.do}:{f.gap}" for f in result.findings] == expect["findings"]


def test_every_checklist_follows_the_documented_method() -> None:
    """docs/checklists/method.md states these numbers in prose: keep data and text together."""
    for checklist in SUITE.values():
        assert (checklist.pass_mark, checklist.weakest, checklist.low_answer, checklist.provisional_below) == (
            60,
            2,
            2,
            70,
        ), checklist.id
        assert checklist.overall == "mean" and checklist.pair_gap == 2
        assert (checklist.scale.low, checklist.scale.high) == (1, 5)


def anchors(page: Path) -> set[str]:
    return set(re.findall(r"\{ *#([a-z0-9-]+) *\}", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(SUITE))
def test_every_chapter_link_resolves_in_both_languages(name: str) -> None:
    for link in SUITE[name].chapter_links():
        page, _, anchor = link.partition("#")
        for edition in (DOCS / page, DOCS / page.replace(".md", ".en.md")):
            assert edition.is_file(), f"{name}: {link} -> {edition} does not exist"
            if anchor:
                assert anchor in anchors(edition), f"{name}: {link} -> no #{anchor} in {edition.name}"


@pytest.mark.parametrize("name", sorted(SUITE))
def test_every_section_has_advice_and_a_chapter(name: str) -> None:
    for section in SUITE[name].sections:
        assert section.advice and section.chapter, f"{name}/{section.id}"


def test_ids_are_unique_across_the_suite() -> None:
    seen: list[str] = []
    for checklist in SUITE.values():
        seen += [checklist.id, *(s.id for s in checklist.sections), *checklist.question_ids]
    duplicates = {i for i in seen if seen.count(i) > 1 and i not in SUITE}
    assert duplicates == set()


# --- properties over the whole suite --------------------------------------------------------------------------------


@st.composite
def checklist_and_answers(draw: st.DrawFn) -> tuple[Checklist, dict[str, Any]]:
    checklist = SUITE[draw(st.sampled_from(sorted(SUITE)))]
    values = st.one_of(st.integers(min_value=1, max_value=5), st.just(UNKNOWN))
    return checklist, draw(st.dictionaries(st.sampled_from(checklist.question_ids), values))


@settings(max_examples=300)
@given(checklist_and_answers())
def test_scores_are_in_range_and_coverage_adds_up(pair: tuple[Checklist, dict[str, Any]]) -> None:
    checklist, answers = pair
    result = score(checklist, answers)
    assert all(0 <= s.score <= 100 for s in result.sections if s.score is not None)
    scale_answers = sum(1 for v in answers.values() if v != UNKNOWN)
    assert result.coverage == pytest.approx(100 * scale_answers / len(checklist.question_ids))
    assert sum(s.answered + s.unknown for s in result.sections) == len(answers)


@settings(max_examples=300)
@given(checklist_and_answers(), st.sampled_from(range(5)), st.integers(min_value=1, max_value=4))
def test_raising_answers_never_lowers_score_or_level(
    pair: tuple[Checklist, dict[str, Any]], pick: int, value: int
) -> None:
    checklist, answers = pair
    question = checklist.question_ids[pick % len(checklist.question_ids)]
    low, high = score(checklist, {**answers, question: value}), score(checklist, {**answers, question: value + 1})
    assert high.overall >= low.overall - 1e-9
    assert high.level >= low.level


@settings(max_examples=300)
@given(
    st.sampled_from([c for c in SUITE.values() if c.level_rule == "threshold"]), st.floats(0, 100), st.floats(0, 100)
)
def test_threshold_level_is_a_non_decreasing_function_of_the_score(checklist: Checklist, a: float, b: float) -> None:
    from checklists.scoring import level_for

    low, high = sorted((a, b))
    assert level_for(checklist, low, ()) <= level_for(checklist, high, ())


@settings(max_examples=300)
@given(
    checklist_and_answers(),
    st.dictionaries(
        st.text(min_size=1, max_size=12), st.one_of(st.integers(-3, 9), st.just(UNKNOWN), st.text(max_size=3))
    ),
)
def test_migration_never_invents_answers(pair: tuple[Checklist, dict[str, Any]], noise: dict[str, Any]) -> None:
    checklist, answers = pair
    old = {**noise, **answers}
    migration = migrate(checklist, old, 1) if checklist.version > 1 else migrate(_bumped(checklist), old, 1)
    assert set(migration.answers.items()) <= set(old.items())
    assert set(migration.answers) | set(migration.dropped) == set(old)
    assert set(migration.answers) & set(migration.dropped) == set()
    assert answers.items() <= migration.answers.items()


def _bumped(checklist: Checklist) -> Checklist:
    data = checklist.to_dict()
    data["version"] = checklist.version + 1
    return Checklist.from_dict(data)
