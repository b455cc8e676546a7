"""The shipped checklist suite: golden cases per checklist, suite-wide properties, links that resolve."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.answers import migrate
from checklists.load import load_all
from checklists.model import UNKNOWN, Checklist, ChecklistError
from checklists.report import render
from checklists.scoring import display, score
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


def low_statements(checklist: Checklist, section: str, spec: Any) -> tuple[str, ...]:
    """The statements a golden focus area names as answered low: `all` counting ones of the section, `none`, or ids."""
    if spec == "all":
        return tuple(q.id for q in checklist.section(section).questions if q.id not in checklist.say_ids)
    return () if spec == "none" else tuple(spec)


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
        assert section.score == (None if wanted is None else pytest.approx(wanted, abs=1e-3)), section.id
    assert result.overall == (None if expect["overall"] is None else pytest.approx(expect["overall"], abs=1e-3))
    assert display(result.overall) == expect["shown"]
    assert result.level == expect["level"]
    assert result.coverage == pytest.approx(expect["coverage"], abs=1e-3)
    assert result.provisional is expect["provisional"]
    wanted = [(s, kind, low_statements(checklist, s, low)) for s, kind, low in expect["focus"]]
    assert [(f.id, f.kind, f.low) for f in result.focus] == wanted
    assert [f"{f.say}:{f.do}:{f.gap}" for f in result.findings] == expect["findings"]
    assert list(result.not_applicable) == expect.get("not_applicable", [])


def test_every_checklist_follows_the_rules_the_scoring_page_states() -> None:
    """The scoring page generates its rules from the leadership checklist's numbers: the others share them."""
    lead = SUITE["leadership"]
    numbers = (lead.pass_mark, lead.focus_areas, lead.low_answer, lead.provisional_below)
    assert numbers == (60, 3, 2, 70)
    for checklist in SUITE.values():
        assert (checklist.pass_mark, checklist.focus_areas, checklist.low_answer, checklist.provisional_below) == (
            numbers
        ), checklist.id
        assert checklist.overall == "mean" and checklist.pair_gap == 2
        assert (checklist.scale.low, checklist.scale.high) == (1, 5)


def test_every_leadership_statement_shows_what_a_5_and_a_1_look_like() -> None:
    missing = [q.id for q in SUITE["leadership"].questions.values() if not q.anchors]
    assert missing == []


@pytest.mark.parametrize("name", sorted(SUITE))
def test_one_respondent_named_in_the_introduction(name: str) -> None:
    checklist = SUITE[name]
    for lang in ("nl", "en"):
        respondent = checklist.respondent.get(lang)
        assert respondent.lower() in checklist.intro.get(lang).lower(), (name, lang)


@pytest.mark.parametrize("name", sorted(SUITE))
def test_every_section_still_has_statements_that_count(name: str) -> None:
    for section in SUITE[name].sections:
        assert [q for q in section.questions if q.id not in SUITE[name].say_ids], section.id


def anchors(page: Path) -> set[str]:
    if page.name.startswith("workshops.") and page.parent == DOCS / "tools":  # its headings are the cards' ids
        return {card.stem for card in (ROOT / "macros" / "workshops").glob("*.yml")}
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


def test_the_shipped_suite_refuses_an_id_used_in_two_checklists(tmp_path: Path) -> None:
    # the real definitions, one statement of the last file renamed to an id of the first: the load names both files
    files = sorted((ROOT / "checklists/definitions").glob("*.yml"))
    for path in files:
        shutil.copy2(path, tmp_path / path.name)
    assert set(load_all(tmp_path)) == set(SUITE), "the copies load as they are"
    first, last = SUITE[files[0].stem], files[-1]
    taken = first.question_ids[0]
    clash = SUITE[last.stem].question_ids[-1]
    text = last.read_text(encoding="utf-8").replace(f"id: {clash}\n", f"id: {taken}\n", 1)
    text = text.replace(f"{clash}", f"{taken}")  # the pairs and history that name it follow
    (tmp_path / last.name).write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match=rf"^{last.name}: id '{taken}' is also used in {files[0].name}$"):
        load_all(tmp_path)


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
    counting = {k: v for k, v in answers.items() if k not in checklist.say_ids}
    scale_answers = sum(1 for v in counting.values() if v != UNKNOWN)
    assert result.coverage == pytest.approx(
        100 * scale_answers / (len(checklist.question_ids) - len(checklist.say_ids))
    )
    assert sum(s.answered + s.unknown for s in result.sections) == len(counting)


@settings(max_examples=300)
@given(checklist_and_answers(), st.sampled_from(range(5)), st.integers(min_value=1, max_value=4))
def test_raising_answers_never_lowers_score_or_level(
    pair: tuple[Checklist, dict[str, Any]], pick: int, value: int
) -> None:
    checklist, answers = pair
    counting = [q for q in checklist.question_ids if q not in checklist.say_ids]
    question = counting[pick % len(counting)]
    low, high = score(checklist, {**answers, question: value}), score(checklist, {**answers, question: value + 1})
    assert high.overall >= low.overall - 1e-9
    assert high.level >= low.level


@settings(max_examples=300)
@given(
    st.sampled_from([c for c in SUITE.values() if c.level_rule == "threshold"]),
    st.integers(0, 100_000),
    st.integers(0, 100_000),
)
def test_threshold_level_is_a_non_decreasing_function_of_the_score(checklist: Checklist, a: int, b: int) -> None:
    from checklists.scoring import level_for

    low, high = sorted((a, b))  # exact scores in thousandths
    assert level_for(checklist, (low, 1000), ()) <= level_for(checklist, (high, 1000), ())


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


def sentences(html: str, names: set[str] = frozenset()) -> list[str]:
    """The texts of a rendered result that read as sentences: text between tags with four words or more.

    The chart's labels and the section names (`names`), which label a table row, a chart axis and a focus area
    alike, are names rather than sentences.
    """
    html = re.sub(r"<svg.*?</svg>", "", html, flags=re.S)
    texts = (" ".join(unescape(t).split()) for t in re.split(r"<[^>]+>", html))
    return [t for t in texts if len(t.split()) >= 4 and t not in names]


@settings(max_examples=300, deadline=None)
@given(checklist_and_answers(), st.sampled_from(["nl", "en"]))
def test_every_result_has_at_most_three_focus_areas_a_next_step_and_no_repeated_sentence(
    pair: tuple[Checklist, dict[str, Any]], lang: str
) -> None:
    checklist, answers = pair
    result = score(checklist, answers)
    assert len(result.focus) <= 3
    if any(v != UNKNOWN for k, v in answers.items() if k not in checklist.say_ids):
        assert result.focus, "every result with a score has a next step"
    links = {link: f"../{link}" for link in checklist.chapter_links()}
    html = render(checklist, result, lang, links)
    said = sentences(html, {s.title.get(lang) for s in checklist.sections})
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]


def test_negative_control_a_repeated_sentence_is_found() -> None:
    said = sentences("<p>Doe dit nu meteen, echt.</p><li>Doe dit nu meteen, echt.</li><td>4 van 4</td>")
    assert said == ["Doe dit nu meteen, echt.", "Doe dit nu meteen, echt."]
