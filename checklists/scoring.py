"""Scoring: answers in, a `Result` out (section scores, overall, level, focus areas, say–do findings).

Pure functions over the model; the same code runs natively and in Pyodide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .answers import Answer, parse_answers
from .model import UNKNOWN, Checklist
from .record import Shown


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


@dataclass(frozen=True)
class Focus:
    """A focus area of the next steps: a section to improve, to keep (a strong result), or a phase to answer first.

    `low` names the section's statements answered at or below the checklist's low answer (only to improve).
    """

    id: str
    low: tuple[str, ...]
    kind: str
    link: str | None


@dataclass(frozen=True)
class Finding:
    """A say–do gap: the organisation says more than it does."""

    say: str
    do: str
    gap: int


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
    focus: tuple[Focus, ...]
    findings: tuple[Finding, ...]

    def section(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.id == section_id)


def display(value: float | None) -> int | None:
    """Round half up to a whole number, the way the page shows scores."""
    return None if value is None else math.floor(value + 0.5 + 1e-9)


def score(checklist: Checklist, answers: Mapping[str, Answer]) -> Result:
    """Score an answer set; invalid answers raise `ChecklistError`, never count as zero.

    The "say" statements of say–do pairs feed only the findings: they count in no score and no coverage.
    """
    answers = parse_answers(checklist, answers)
    sections = tuple(_section_score(checklist, section.id, answers) for section in checklist.sections)
    overall = _overall(checklist, sections)
    total = sum(s.total for s in sections)
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
        focus=focus_areas(checklist, sections, answers),
        findings=_findings(checklist, answers),
    )


def _section_score(checklist: Checklist, section_id: str, answers: Mapping[str, Answer]) -> SectionScore:
    # weighted mean of the answered questions, mapped onto 0–100
    section = checklist.section(section_id)
    weighted = weights = 0.0
    answered = unknown = 0
    scored = [q for q in section.questions if q.id not in checklist.say_ids]
    for question in scored:
        value = answers.get(question.id)
        if value == UNKNOWN:
            unknown += 1
        elif isinstance(value, int):
            answered += 1
            weighted += question.weight * checklist.scale.to_percent(value)
            weights += question.weight
    value = weighted / weights if weights else None
    return SectionScore(section.id, value, answered, unknown, len(scored))


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
    """The index of the level reached, by the checklist's rule, decided on the whole numbers the page shows."""
    if overall is None or not checklist.levels:
        return None
    if checklist.level_rule == "cumulative":
        reached = 0
        for section in sections:
            if not passed(checklist, section):
                break
            reached += 1
        return reached
    shown_overall = display(overall)
    return max(i for i, level in enumerate(checklist.levels) if level.min <= shown_overall)


def passed(checklist: Checklist, section: SectionScore) -> bool:
    """Whether a section's shown score reaches the pass mark (an unscored section does not)."""
    return section.score is not None and display(section.score) >= checklist.pass_mark


def focus_areas(
    checklist: Checklist, sections: tuple[SectionScore, ...], answers: Mapping[str, Answer]
) -> tuple[Focus, ...]:
    """The next steps' focus areas: at most `focus_areas` sections below the pass mark, else one to keep.

    Weakest first, ties in checklist order. With the cumulative (phase) rule they follow the phases, because a
    phase only counts once every phase before it passes; there a phase without answers is a focus area too (to
    answer first). With none below the pass mark, the lowest scored section is the one focus area, with the step
    to keep and spread what works. Nothing scored: no focus area.
    """
    scored = [(i, s) for i, s in enumerate(sections) if s.score is not None]
    if not scored:
        return ()
    if checklist.level_rule == "cumulative":
        below = [(i, s) for i, s in enumerate(sections) if not passed(checklist, s)]
    else:
        below = sorted(
            ((i, s) for i, s in scored if not passed(checklist, s)), key=lambda x: (display(x[1].score), x[0])
        )
    if not below:
        lowest = min(scored, key=lambda item: (display(item[1].score), item[0]))[1]
        return (Focus(lowest.id, (), "keep", checklist.section(lowest.id).chapter),)
    return tuple(_focus(checklist, s, answers) for _, s in below[: checklist.focus_areas])


def _focus(checklist: Checklist, found: SectionScore, answers: Mapping[str, Answer]) -> Focus:
    # a section to improve (with its statements answered at or below the low answer), or a phase to answer first
    section = checklist.section(found.id)
    if found.score is None:
        return Focus(section.id, (), "answer", section.chapter)
    low = tuple(
        q.id
        for q in section.questions
        if q.id not in checklist.say_ids
        and isinstance(answers.get(q.id), int)
        and answers[q.id] <= checklist.low_answer
    )
    return Focus(section.id, low, "improve", section.chapter)


def _findings(checklist: Checklist, answers: Mapping[str, Answer]) -> tuple[Finding, ...]:
    # say–do pairs whose gap reaches the checklist's threshold
    findings = []
    for pair in checklist.pairs:
        say, do = answers.get(pair.say), answers.get(pair.do)
        if isinstance(say, int) and isinstance(do, int) and say - do >= checklist.pair_gap:
            findings.append(Finding(pair.say, pair.do, say - do))
    return tuple(findings)


@dataclass(frozen=True)
class Progress:
    """How each planned focus area moved between the snapshot that holds the plan and the latest one."""

    since: str
    until: str
    moves: tuple[tuple[str, int | None, int | None], ...]


def progress(history: tuple[Shown, ...]) -> Progress | None:
    """The movement of the most recent plan, once a later snapshot exists (else None)."""
    for index in range(len(history) - 2, -1, -1):
        planned = history[index]
        if planned.plan:
            latest = history[-1]
            moves = tuple((area, planned.sections.get(area), latest.sections.get(area)) for area in planned.plan)
            return Progress(planned.date, latest.date, moves)
    return None


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
