"""The two string catalogues (engine and build): every key in both languages, every sentence once."""

from __future__ import annotations

import re
import string
from collections import Counter

import pytest

from checklists.model import Text
from checklists.strings import COUNTED_BY, t
from checklists.strings import STRINGS as ENGINE
from macros.strings import STRINGS as BUILD

CATALOGUES = {"engine": ENGINE, "build": BUILD}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("side", sorted(CATALOGUES))
def test_every_key_has_both_languages_with_the_same_placeholders(side: str) -> None:
    for key, text in CATALOGUES[side].items():
        assert isinstance(text, Text) and text.nl.strip() and text.en.strip(), key
        assert fields(text.nl) == fields(text.en), key


def test_no_two_keys_hold_the_same_sentence_on_either_side() -> None:
    # across both catalogues: the build side falls back to the engine's keys instead of repeating them
    texts = Counter()
    for catalogue in CATALOGUES.values():
        for text in catalogue.values():
            texts[text.nl] += 1
            texts[text.en] += 0 if text.en == text.nl else 1
    assert [text for text, count in texts.items() if count > 1] == []


def test_the_build_side_does_not_shadow_engine_keys() -> None:
    assert set(BUILD) & set(ENGINE) == set()


def test_negative_control_a_repeated_sentence_is_found() -> None:
    repeated = {"a": Text("Lees verder", "Read more"), "b": Text("Lees verder", "Read on")}
    dutch = Counter(t.nl for t in repeated.values())
    assert [t for t, n in dutch.items() if n > 1] == ["Lees verder"]
    assert re.fullmatch(r"\w+", "Read") and fields("{a} van {b}") == {"a", "b"}


# a count written as "checklist(s)", "respondent(en)" or "momentopname(n)": a form, not a sentence
BRACKETED_PLURAL = re.compile(r"\w\((?:s|en|n)\)")


@pytest.mark.parametrize("side", sorted(CATALOGUES))
def test_no_sentence_writes_a_plural_in_brackets(side: str) -> None:
    found = [key for key, text in CATALOGUES[side].items() if BRACKETED_PLURAL.search(text.nl + " " + text.en)]
    assert found == []


def test_negative_control_a_bracketed_plural_is_found() -> None:
    assert BRACKETED_PLURAL.search("3 snapshot(s)") and BRACKETED_PLURAL.search("2 momentopname(n)")
    assert not BRACKETED_PLURAL.search("the sections (as drawn)")


def test_every_counted_sentence_has_its_singular_with_the_same_placeholders() -> None:
    for key, count in COUNTED_BY.items():
        one = ENGINE[f"{key}_one"]
        assert fields(one.nl) == fields(ENGINE[key].nl) and count in fields(one.nl), key


@pytest.mark.parametrize(
    ("key", "values", "nl", "en"),
    [
        ("waiting", {"missing": 1, "min": 3}, "Nog 1 respondent nodig.", "1 more respondent needed."),
        ("waiting", {"missing": 2, "min": 3}, "Nog 2 respondenten nodig.", "2 more respondents needed."),
        (
            "team_summary",
            {"accepted": 1, "refused": 0},
            "1 ingevulde checklist telt mee",
            "1 completed checklist counts",
        ),
        (
            "team_summary",
            {"accepted": 0, "refused": 1},
            "0 ingevulde checklists tellen",
            "0 completed checklists count",
        ),
        ("dropped_snapshots", {"detail": "1"}, "1 momentopname", "1 snapshot"),
        ("dropped_snapshots", {"detail": "12"}, "12 momentopnamen", "12 snapshots"),
    ],
)
def test_a_count_of_one_reads_in_the_singular(key: str, values: dict, nl: str, en: str) -> None:
    assert t(key, "nl", **values).startswith(nl) and t(key, "en", **values).startswith(en)
