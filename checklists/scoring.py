"""Scoring: answers in, a `Result` out (section scores, overall, level, advice, findings).

Pure functions over the model; the same code runs natively and in Pyodide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import Answer, parse_answers
from .model import UNKNOWN, Checklist


@dataclass(frozen=True)
class SectionScore:
    """The score of one section: `None` when none of its questions has a scale answer."""

    id: str
    score: float | None
    answered: int
    unknown: int
    total: int

    @property
    def coverage(self) -> float:
        return self.answered / self.total * 100

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": self.score,
            "display": display(self.score),
            "answered": self.answered,
            "unknown": self.unknown,
            "total": self.total,
        }


@dataclass(frozen=True)
class Advice:
    """A next step: for a weak section or for a question answered low."""

    kind: str
    id: str
    link: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "link": self.link}


@dataclass(frozen=True)
class Finding:
    """A say–do gap: the organisation says more than it does."""

    say: str
    do: str
    gap: int

    def to_dict(self) -> dict[str, Any]:
        return {"say": self.say, "do": self.do, "gap": self.gap}


@dataclass(frozen=True)
class Result:
    """Everything the engine concludes from one answer set."""

    checklist: str
    version: int
    overall: float | None
    coverage: float
    sections: tuple[SectionScore, ...]
    level: int | None
    provisional: bool
    missing: tuple[str, ...]
    advice: tuple[Advice, ...]
    findings: tuple[Finding, ...]

    def section(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.id == section_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "checklist": self.checklist,
            "version": self.version,
            "overall": self.overall,
            "display": display(self.overall),
            "coverage": self.coverage,
            "coverage_display": display(self.coverage),
            "sections": [s.to_dict() for s in self.sections],
            "level": self.level,
            "provisional": self.provisional,
            "missing": list(self.missing),
            "advice": [a.to_dict() for a in self.advice],
            "findings": [f.to_dict() for f in self.findings],
        }


def display(value: float | None) -> int | None:
    """Round half up to a whole number, the way the page shows scores."""
    return None if value is None else math.floor(value + 0.5 + 1e-9)


def score(checklist: Checklist, answers: Mapping[str, Answer]) -> Result:
    """Score an answer set; invalid answers raise `ChecklistError`, never count as zero."""
    answers = parse_answers(checklist, answers)
    sections = tuple(_section_score(checklist, section.id, answers) for section in checklist.sections)
    overall = _overall(checklist, sections)
    total = len(checklist.question_ids)
    answered = sum(s.answered for s in sections)
    coverage = answered / total * 100
    missing = tuple(s.id for s in sections if s.coverage < checklist.provisional_below)
    return Result(
        checklist=checklist.id,
        version=checklist.version,
        overall=overall,
        coverage=coverage,
        sections=sections,
        level=level_for(checklist, overall, sections),
        provisional=coverage < checklist.provisional_below,
        missing=missing,
        advice=_advice(checklist, sections, answers),
        findings=_findings(checklist, answers),
    )


def _section_score(checklist: Checklist, section_id: str, answers: Mapping[str, Answer]) -> SectionScore:
    # weighted mean of the answered questions, mapped onto 0–100
    section = checklist.section(section_id)
    weighted = weights = 0.0
    answered = unknown = 0
    for question in section.questions:
        value = answers.get(question.id)
        if value == UNKNOWN:
            unknown += 1
        elif isinstance(value, int):
            answered += 1
            weighted += question.weight * checklist.scale.to_percent(value)
            weights += question.weight
    value = weighted / weights if weights else None
    return SectionScore(section.id, value, answered, unknown, len(section.questions))


def _overall(checklist: Checklist, sections: tuple[SectionScore, ...]) -> float | None:
    # mean over the scored sections: equal weights, or the sections' weights
    pairs = [
        (s.score, checklist.section(s.id).weight if checklist.overall == "weighted" else 1.0)
        for s in sections
        if s.score is not None
    ]
    if not pairs:
        return None
    return sum(value * weight for value, weight in pairs) / sum(weight for _, weight in pairs)


def level_for(checklist: Checklist, overall: float | None, sections: tuple[SectionScore, ...]) -> int | None:
    """The index of the level reached, by the checklist's rule; `None` without a score."""
    if overall is None or not checklist.levels:
        return None
    if checklist.level_rule == "cumulative":
        reached = 0
        for section in sections:
            if section.score is None or section.score < checklist.pass_mark:
                break
            reached += 1
        return reached
    return max(i for i, level in enumerate(checklist.levels) if level.min <= overall + 1e-9)


def _advice(
    checklist: Checklist, sections: tuple[SectionScore, ...], answers: Mapping[str, Answer]
) -> tuple[Advice, ...]:
    # the weakest sections below the pass mark, then every question answered low
    scored = [s for s in sections if s.score is not None and s.score < checklist.pass_mark]
    order = {s.id: i for i, s in enumerate(sections)}
    weakest = sorted(scored, key=lambda s: (s.score, order[s.id]))[: checklist.weakest]
    advice = [Advice("section", s.id, checklist.section(s.id).chapter) for s in weakest]
    for section in checklist.sections:
        for question in section.questions:
            value = answers.get(question.id)
            if isinstance(value, int) and value <= checklist.low_answer:
                advice.append(Advice("question", question.id, question.chapter or section.chapter))
    return tuple(advice)


def _findings(checklist: Checklist, answers: Mapping[str, Answer]) -> tuple[Finding, ...]:
    # say–do pairs whose gap reaches the checklist's threshold
    findings = []
    for pair in checklist.pairs:
        say, do = answers.get(pair.say), answers.get(pair.do)
        if isinstance(say, int) and isinstance(do, int) and say - do >= checklist.pair_gap:
            findings.append(Finding(pair.say, pair.do, say - do))
    return tuple(findings)


def shown(result: Result) -> dict[str, int | None]:
    """Each section's score as the page shows it (a whole number), by section id: what a snapshot keeps."""
    return {s.id: display(s.score) for s in result.sections}


def movement(before: Mapping[str, int | None], result: Result) -> dict[str, int | None]:
    """Whole points each section moved since an earlier shown score (None where either has no score)."""
    moved: dict[str, int | None] = {}
    for section in result.sections:
        earlier, now = before.get(section.id), display(section.score)
        moved[section.id] = None if earlier is None or now is None else now - earlier
    return moved
