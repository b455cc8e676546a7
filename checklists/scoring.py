"""Scoring: answers in, a `Result` out (section scores, overall, level, focus areas, say–do findings).

Pure functions over the model; the same code runs natively and in Pyodide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .answers import Answer, not_applicable, parse_answers
from .model import NO, UNKNOWN, Checklist
from .record import Shown

Ratio = tuple[int, int]
"""An exact score as numerator and (positive) denominator: a true 79.5 stays 79.5 and is shown as 80."""


@dataclass(frozen=True)
class SectionScore:
    """The score of one section: no score when none of its applicable statements has a scale answer.

    `total` counts the statements that apply (say statements and statements behind a gate answered "no" do not);
    a section where none applies is not applicable as a whole.
    """

    id: str
    ratio: Ratio | None
    answered: int
    unknown: int
    total: int

    @property
    def score(self) -> float | None:
        """The exact score as the nearest float (never rounded twice)."""
        return None if self.ratio is None else self.ratio[0] / self.ratio[1]

    @property
    def applicable(self) -> bool:
        return self.total > 0

    @property
    def coverage(self) -> float:
        return self.answered * 100 / self.total if self.total else 100.0

    def below(self, percentage: float) -> bool:
        """Whether fewer than `percentage` percent of its applicable statements are answered on the scale (exact)."""
        return self.applicable and self.answered * 100 < percentage * self.total


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
    overall_ratio: Ratio | None
    coverage: float
    sections: tuple[SectionScore, ...]
    level: int | None
    provisional: bool
    missing: tuple[str, ...]
    focus: tuple[Focus, ...]
    findings: tuple[Finding, ...]
    not_applicable: tuple[str, ...] = ()
    """The gates answered "no": their statements count nowhere, and the result shows each gate's finding."""

    @property
    def overall(self) -> float | None:
        return None if self.overall_ratio is None else self.overall_ratio[0] / self.overall_ratio[1]

    def section(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.id == section_id)


def display(value: float | None) -> int | None:
    """Round half up to a whole number, the way the page shows scores (exact for the engine's scores)."""
    if value is None:
        return None
    whole = math.floor(value)
    return whole + 1 if value - whole >= 0.5 else whole


def score(checklist: Checklist, answers: Mapping[str, Answer]) -> Result:
    """Score an answer set; invalid answers raise `ChecklistError`, never count as zero.

    The "say" statements of say–do pairs feed only the findings, and statements behind a gate answered "no" are
    not applicable: neither counts in any score or coverage.
    """
    given = parse_answers(checklist, answers)
    off = not_applicable(checklist, given)
    answers = {key: value for key, value in given.items() if key not in off}
    sections = tuple(_section_score(checklist, section.id, answers, off) for section in checklist.sections)
    total = sum(s.total for s in sections)
    answered = sum(s.answered for s in sections)
    overall = _overall(checklist, sections)
    provisional = not total or answered * 100 < checklist.provisional_below * total
    return Result(
        checklist=checklist.id,
        version=checklist.version,
        overall_ratio=overall,
        coverage=answered * 100 / total if total else 0.0,
        sections=sections,
        level=level_for(checklist, overall, sections),
        provisional=provisional,
        missing=tuple(s.id for s in sections if s.below(checklist.provisional_below)) if provisional else (),
        focus=focus_areas(checklist, sections, answers),
        findings=_findings(checklist, answers),
        not_applicable=tuple(g.id for g in checklist.gates if given.get(g.id) == NO),
    )


def _section_score(
    checklist: Checklist, section_id: str, answers: Mapping[str, Answer], off: frozenset[str]
) -> SectionScore:
    # the weighted mean of the answered statements' points, exactly: 100 × Σ w(v − low) / ((high − low) × Σ w)
    section, scale, units = checklist.section(section_id), checklist.scale, checklist.weight_units
    points = weights = answered = unknown = total = 0
    for question in section.questions:
        if question.id in checklist.say_ids or question.id in off:
            continue
        total += 1
        value = answers.get(question.id)
        if value == UNKNOWN:
            unknown += 1
        elif isinstance(value, int):
            answered += 1
            points += units[question.id] * (value - scale.low)
            weights += units[question.id]
    ratio = (100 * points, (scale.high - scale.low) * weights) if weights else None
    return SectionScore(section.id, ratio, answered, unknown, total)


def _overall(checklist: Checklist, sections: tuple[SectionScore, ...]) -> Ratio | None:
    # the mean over the scored sections, exactly: equal weights, or the sections' weights
    scored = [s for s in sections if s.ratio is not None]
    if not scored:
        return None
    units = checklist.section_units if checklist.overall == "weighted" else {s.id: 1 for s in scored}
    common = math.lcm(*(s.ratio[1] for s in scored))
    numerator = sum(units[s.id] * s.ratio[0] * (common // s.ratio[1]) for s in scored)
    return numerator, common * sum(units[s.id] for s in scored)


def _shown(ratio: Ratio) -> int:
    # an exact score rounded half up, as the page shows it
    return (2 * ratio[0] + ratio[1]) // (2 * ratio[1])


def level_for(checklist: Checklist, overall: Ratio | None, sections: tuple[SectionScore, ...]) -> int | None:
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
    shown_overall = _shown(overall)
    return max(i for i, level in enumerate(checklist.levels) if level.min <= shown_overall)


def passed(checklist: Checklist, section: SectionScore) -> bool:
    """Whether a section's shown score reaches the pass mark; a section that does not apply at all passes.

    A section without a score (nothing answered on the scale) does not pass.
    """
    if not section.applicable:
        return True
    return section.ratio is not None and _shown(section.ratio) >= checklist.pass_mark


def focus_areas(
    checklist: Checklist, sections: tuple[SectionScore, ...], answers: Mapping[str, Answer]
) -> tuple[Focus, ...]:
    """The next steps' focus areas: at most `focus_areas` sections below the pass mark, else one to keep.

    Weakest first, ties in checklist order. With the cumulative (phase) rule they follow the phases in order,
    because a phase only counts once every phase before it passes; there a phase without answers is a focus
    area too (to answer first), and counts toward the maximum. With none below the pass mark (and, for the
    phases, none left unanswered), the lowest scored section is the one focus area, to keep. Sections that do
    not apply are never a focus area. Nothing scored: no focus area.
    """
    scored = [(i, s) for i, s in enumerate(sections) if s.ratio is not None]
    if not scored:
        return ()
    if checklist.level_rule == "cumulative":
        below = [(i, s) for i, s in enumerate(sections) if not passed(checklist, s)]
    else:
        below = sorted(
            ((i, s) for i, s in scored if not passed(checklist, s)), key=lambda x: (_shown(x[1].ratio), x[0])
        )
    if not below:
        lowest = min(scored, key=lambda item: (_shown(item[1].ratio), item[0]))[1]
        return (Focus(lowest.id, (), "keep", checklist.section(lowest.id).chapter),)
    return tuple(_focus(checklist, s, answers) for _, s in below[: checklist.focus_areas])


def _focus(checklist: Checklist, found: SectionScore, answers: Mapping[str, Answer]) -> Focus:
    # a section to improve (with its statements answered at or below the low answer), or a phase to answer first
    section = checklist.section(found.id)
    if found.ratio is None:
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
