"""Definition validation: every malformed definition is refused with the exact key path."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from checklists.model import Checklist, ChecklistError, Scale


def minimal() -> dict[str, Any]:
    """A small valid definition to break in one place per test."""
    return {
        "id": "demo",
        "version": 1,
        "title": {"nl": "Demo", "en": "Demo"},
        "intro": {"nl": "Inleiding", "en": "Introduction"},
        "levels": [
            {"min": 0, "name": {"nl": "Laag", "en": "Low"}, "description": {"nl": "a", "en": "a"}},
            {"min": 50, "name": {"nl": "Hoog", "en": "High"}, "description": {"nl": "b", "en": "b"}},
        ],
        "sections": [
            {
                "id": "one",
                "title": {"nl": "Een", "en": "One"},
                "questions": [
                    {"id": "one-a", "text": {"nl": "Vraag a", "en": "Question a"}},
                    {"id": "one-b", "text": {"nl": "Vraag b", "en": "Question b"}, "weight": 2},
                ],
            },
            {
                "id": "two",
                "title": {"nl": "Twee", "en": "Two"},
                "questions": [{"id": "two-a", "text": {"nl": "Vraag c", "en": "Question c"}}],
            },
        ],
    }


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(minimal())
    change(data)
    return data


def _del(container: dict[str, Any], key: str) -> None:
    del container[key]


LINK_HINT = "expected a page of the site, e.g. blocks/culture.md#practices"
MALFORMED = [
    ("unknown top-level key", lambda d: d.update(colour="red"), "colour: unknown key"),
    ("missing id", lambda d: _del(d, "id"), "id: missing"),
    (
        "missing translation",
        lambda d: _del(d["sections"][1]["questions"][0]["text"], "en"),
        "sections[1].questions[0].text.en: missing translation",
    ),
    ("empty translation", lambda d: d["title"].update(nl="  "), "title.nl: missing translation"),
    (
        "unknown language",
        lambda d: d["intro"].update(de="Einleitung"),
        "intro.de: unknown language (expected nl and en)",
    ),
    (
        "duplicate question id",
        lambda d: d["sections"][1]["questions"][0].update(id="one-a"),
        "sections[1].questions[0].id: duplicate id 'one-a' (first used at sections[0].questions[0].id)",
    ),
    (
        "section id reused as question id",
        lambda d: d["sections"][1].update(id="one-b"),
        "sections[1].id: duplicate id 'one-b' (first used at sections[0].questions[1].id)",
    ),
    ("empty section", lambda d: d["sections"][1].update(questions=[]), "sections[1].questions: must not be empty"),
    ("no sections", lambda d: d.update(sections=[]), "sections: must not be empty"),
    (
        "zero weight",
        lambda d: d["sections"][0]["questions"][1].update(weight=0),
        "sections[0].questions[1].weight: bad weight 0: must be above 0 and at most 100",
    ),
    (
        "negative weight",
        lambda d: d["sections"][0].update(weight=-1),
        "sections[0].weight: bad weight -1: must be above 0 and at most 100",
    ),
    (
        "text weight",
        lambda d: d["sections"][0]["questions"][0].update(weight="heavy"),
        "sections[0].questions[0].weight: bad weight 'heavy': expected a number",
    ),
    (
        "boolean weight",
        lambda d: d["sections"][0]["questions"][0].update(weight=True),
        "sections[0].questions[0].weight: bad weight True: expected a number",
    ),
    (
        "scale min above max",
        lambda d: d.update(scale={"min": 5, "max": 1, "labels": []}),
        "scale: bad scale 5–1: need 0 <= min < max <= 10",
    ),
    (
        "scale value not whole",
        lambda d: d.update(scale={"min": 1.5, "max": 5, "labels": []}),
        "scale.min: bad scale value 1.5: expected a whole number",
    ),
    (
        "too few scale labels",
        lambda d: d.update(scale={"min": 1, "max": 3, "labels": [{"nl": "a", "en": "a"}]}),
        "scale.labels: expected 3 labels for the scale 1–3, got 1",
    ),
    (
        "bad id characters",
        lambda d: d["sections"][0].update(id="Eén"),
        "sections[0].id: invalid id 'Eén': use lowercase letters, digits and hyphens",
    ),
    ("version zero", lambda d: d.update(version=0), "version: expected a whole number of at least 1, got 0"),
    (
        "levels out of order",
        lambda d: d["levels"][1].update(min=0),
        "levels[1].min: levels must be in ascending order of min",
    ),
    ("first level not at 0", lambda d: d["levels"][0].update(min=10), "levels[0].min: the first level must start at 0"),
    (
        "unknown level rule",
        lambda d: d.update(level_rule="vibes"),
        "level_rule: expected one of threshold, cumulative, got 'vibes'",
    ),
    (
        "cumulative with wrong level count",
        lambda d: d.update(level_rule="cumulative"),
        "levels: the cumulative rule needs one level per section plus one, got 2",
    ),
    (
        "pair names unknown question",
        lambda d: d.update(pairs=[{"say": "one-a", "do": "nope", "finding": {"nl": "x", "en": "x"}}]),
        "pairs[0].do: unknown question 'nope'",
    ),
    *(
        (name, change, f"{where}: invalid chapter link {link!r}: {LINK_HINT}")
        for name, change, where, link in (
            (
                "absolute chapter link",
                lambda d: d["sections"][0].update(chapter="/blocks/culture.md"),
                "sections[0].chapter",
                "/blocks/culture.md",
            ),
            (
                "javascript chapter link",
                lambda d: d["sections"][0]["questions"][0].update(chapter="javascript:alert(1)//blocks/culture.md"),
                "sections[0].questions[0].chapter",
                "javascript:alert(1)//blocks/culture.md",
            ),
            (
                "chapter link to another site",
                lambda d: d["sections"][0].update(chapter="https://example.org/x.md"),
                "sections[0].chapter",
                "https://example.org/x.md",
            ),
            (
                "chapter link out of the docs",
                lambda d: d["sections"][0].update(chapter="../secrets.md"),
                "sections[0].chapter",
                "../secrets.md",
            ),
        )
    ),
    (
        "question not a mapping",
        lambda d: d["sections"][0]["questions"].append("why?"),
        "sections[0].questions[2]: expected a mapping, got a string",
    ),
    (
        "unknown question key",
        lambda d: d["sections"][0]["questions"][0].update(hint="x"),
        "sections[0].questions[0].hint: unknown key",
    ),
]


@pytest.mark.parametrize(("change", "message"), [(c, m) for _, c, m in MALFORMED], ids=[n for n, _, _ in MALFORMED])
def test_malformed_definition_names_the_key_path(change: Any, message: str) -> None:
    with pytest.raises(ChecklistError) as caught:
        Checklist.from_dict(broken(change), file="demo.yml")
    assert str(caught.value) == f"demo.yml: {message}"


def test_error_without_file_has_only_the_path() -> None:
    with pytest.raises(ChecklistError, match=r"^version: missing$"):
        Checklist.from_dict(broken(lambda d: _del(d, "version")))


def test_not_a_mapping_at_the_top() -> None:
    with pytest.raises(ChecklistError, match=r"^x\.yml: \(top level\): expected a mapping, got a list$"):
        Checklist.from_dict([], file="x.yml")


def test_valid_definition_round_trips() -> None:
    checklist = Checklist.from_dict(minimal())
    assert Checklist.from_dict(checklist.to_dict()) == checklist
    assert checklist.question_ids == ("one-a", "one-b", "two-a")
    assert checklist.scale == Scale()
    assert checklist.sections[0].questions[1].weight == 2.0


def test_definitions_are_frozen() -> None:
    checklist = Checklist.from_dict(minimal())
    with pytest.raises(AttributeError):
        checklist.version = 2  # type: ignore[misc]
