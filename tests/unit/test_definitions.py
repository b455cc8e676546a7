"""What makes a statement measurable, for every shipped checklist: anchors, and only what the respondent can see.

A survey designer's rules as tests: every statement shows what a 5 and a 1 look like (anchors that differ from
the statement and from every other anchor); a statement about what another group says, knows or feels, or about
what someone *can* do rather than does, carries a note telling the respondent whom to ask and how (`ask`).
"""

from __future__ import annotations

import re

import pytest

from checklists.load import load_all
from checklists.model import Checklist, Question, Text

SUITE = load_all()
QUESTIONS = [(name, q) for name, checklist in SUITE.items() for q in checklist.questions.values()]
IDS = [f"{name}/{q.id}" for name, q in QUESTIONS]

OTHER_GROUP = {
    "nl": re.compile(
        r"^(?:(?:elke|iedere|alle)\s+)?(?:medewerkers?|klanten?|managers?|leidinggevenden?|collega'?s|teams?|"
        r"afdelingen?|burgers?)\b.*\b(?:kunnen|kan|weten|weet|vinden|vindt|zeggen|zegt|noemen|noemt|ervaren|"
        r"ervaart|voelen|voelt|herkennen|herkent|delen|deelt)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^(?:(?:every|each|all)\s+)?(?:employees?|customers?|managers?|staff|colleagues?|teams?|departments?|"
        r"citizens?)\b.*\b(?:can|know|knows|feel|feels|say|says|name|names|think|thinks|experience|experiences|"
        r"recognise|recognises)\b",
        re.IGNORECASE,
    ),
}
"""A statement whose subject is another group, about what that group can say, knows or feels."""
CAPABILITY = {
    "nl": re.compile(r"\b(?:kan|kunnen)\b[^.]*\b(?:uitleggen|noemen|vertellen|beschrijven|aanwijzen)\b", re.I),
    "en": re.compile(r"\bcan\s+(?:\w+\s+){0,3}?(?:explain|name|tell|describe|point)\b", re.IGNORECASE),
}
"""A statement about what someone could say if asked, rather than what is done."""


def needs_ask(question: Question) -> list[str]:
    """Why a statement needs a "whom to ask" note (empty when it does not)."""
    reasons = []
    for lang in ("nl", "en"):
        text = question.text.get(lang)
        if OTHER_GROUP[lang].search(text):
            reasons.append(f"{lang}: asks what another group says, knows or feels")
        if CAPABILITY[lang].search(text):
            reasons.append(f"{lang}: asks what someone can say instead of what is done")
    return reasons


@pytest.mark.parametrize(("name", "question"), QUESTIONS, ids=IDS)
def test_every_statement_shows_what_a_5_and_a_1_look_like(name: str, question: Question) -> None:
    assert question.anchors, f"{name}/{question.id} has no anchors"
    for lang in ("nl", "en"):
        high, low, text = question.anchors.high.get(lang), question.anchors.low.get(lang), question.text.get(lang)
        assert high != low and text not in (high, low), f"{name}/{question.id} ({lang}): anchors repeat"


@pytest.mark.parametrize("name", sorted(SUITE))
def test_no_two_statements_share_an_anchor(name: str) -> None:
    seen: dict[str, str] = {}
    for question in SUITE[name].questions.values():
        for anchor in (question.anchors.high, question.anchors.low) if question.anchors else ():
            for lang in ("nl", "en"):
                text = anchor.get(lang)
                assert text not in seen, f"{question.id} and {seen.get(text)} share the anchor {text!r}"
                seen[text] = question.id


@pytest.mark.parametrize(("name", "question"), QUESTIONS, ids=IDS)
def test_a_statement_about_what_others_say_or_what_can_be_said_tells_whom_to_ask(name: str, question: Question) -> None:
    reasons = needs_ask(question)
    assert not reasons or question.ask, f"{name}/{question.id}: {'; '.join(reasons)}, and it has no `ask` note"


@pytest.mark.parametrize(
    ("nl", "en"),
    [
        ("Medewerkers kunnen gebaren van de directie noemen.", "Employees can name gestures of the board."),
        ("Elk directielid kan uitleggen waarom wij een CCO hebben.", "Every board member can explain why we have one."),
        ("Klanten voelen zich gehoord.", "Customers feel heard."),
    ],
)
def test_negative_control_a_statement_about_others_or_about_ability_is_caught(nl: str, en: str) -> None:
    question = Question("x", Text(nl, en))
    assert needs_ask(question)


@pytest.mark.parametrize(
    ("nl", "en"),
    [
        ("Wij bespreken elke maand een klantverhaal.", "Every month, we discuss a customer story."),
        ("Elk team werkt aan een klantdoel.", "Every team works towards a customer goal."),
    ],
)
def test_negative_control_a_statement_about_what_is_done_passes(nl: str, en: str) -> None:
    assert not needs_ask(Question("x", Text(nl, en)))


def test_every_checklist_says_whom_it_is_for_and_what_it_tells_in_one_line() -> None:
    for checklist in SUITE.values():
        assert isinstance(checklist, Checklist) and checklist.respondent and checklist.summary, checklist.id
        for lang in ("nl", "en"):
            assert len(checklist.summary.get(lang)) <= 140 and "\n" not in checklist.summary.get(lang), checklist.id
