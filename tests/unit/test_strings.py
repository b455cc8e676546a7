"""The two string catalogues (engine and build): every key in both languages, every sentence once."""

from __future__ import annotations

import re
import string
from collections import Counter

import pytest

from checklists.model import Text
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
