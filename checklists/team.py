"""Team aggregation without a server: medians, spread, distributions, disagreement and the board–staff gap.

Quartiles use the inclusive method (`statistics.quantiles(..., method="inclusive")`), so a reader can
recompute them by hand; aggregates are only shown from `MIN_RESPONDENTS` respondents on.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .answers import not_applicable
from .model import UNKNOWN, Checklist
from .record import LEADERS, STAFF, Response
from .scoring import Result, display, score

MIN_RESPONDENTS = 3
DISCUSSION_SIZE = 5
"""How many statements the discussion list holds."""
GROUP_MIN = 2
"""The board–staff gap is shown only when each group has at least this many respondents."""


@dataclass(frozen=True)
class Spread:
    """Median, range and interquartile range of a set of values (0–100 scores or scale answers)."""

    n: int
    median: float
    low: float
    high: float
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def range(self) -> float:
        return self.high - self.low

    @classmethod
    def of(cls, values: Sequence[Fraction | int]) -> Spread | None:
        """The spread of exact `values` (computed exactly, kept as the nearest floats), or None when there are none."""
        if not values:
            return None
        ordered = sorted(values)
        if len(ordered) == 1:
            q1 = q3 = ordered[0]
        else:
            q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        numbers = (statistics.median(ordered), ordered[0], ordered[-1], q1, q3)
        return cls(len(ordered), *(float(value) for value in numbers))


@dataclass(frozen=True)
class QuestionStats:
    """How the team answered one question."""

    id: str
    spread: Spread | None
    distribution: dict[str, int]
    unknown: int
    not_applicable: int = 0


@dataclass(frozen=True)
class SectionStats:
    """How the team scored one section (each respondent's section score)."""

    id: str
    spread: Spread | None


@dataclass(frozen=True)
class Gap:
    """Leaders (board and managers) minus staff, in points, for one section (median of each group)."""

    id: str
    leaders: float | None
    staff: float | None

    @property
    def difference(self) -> float | None:
        return None if self.leaders is None or self.staff is None else self.leaders - self.staff


@dataclass(frozen=True)
class TeamFocus:
    """A team focus area: a section whose team median is below the pass mark (or the lowest, to keep), with the
    statements of it the team disagrees on most (the ones to talk through before agreeing on an action)."""

    id: str
    kind: str
    median: float
    disagreements: tuple[str, ...]


@dataclass(frozen=True)
class TeamResult:
    """The team's picture for one checklist; `waiting` while fewer than MIN_RESPONDENTS have answered."""

    checklist: str
    respondents: int
    waiting: bool
    overall: Spread | None
    sections: tuple[SectionStats, ...]
    questions: tuple[QuestionStats, ...]
    discussion: tuple[str, ...]
    gaps: tuple[Gap, ...]
    roles: dict[str, int]
    languages: dict[str, int]
    focus: tuple[TeamFocus, ...] = ()


def aggregate(
    checklist: Checklist, responses: Sequence[Response], *, discussion_size: int = DISCUSSION_SIZE
) -> TeamResult:
    """Aggregate responses of one checklist (order-independent); details only from MIN_RESPONDENTS on."""
    responses = [e for e in responses if e.checklist == checklist.id]
    roles = _count(e.role or "none" for e in responses)
    languages = _count(e.language for e in responses)
    if len(responses) < MIN_RESPONDENTS:
        return TeamResult(checklist.id, len(responses), True, None, (), (), (), (), roles, languages)
    results = [score(checklist, e.answers) for e in responses]
    sections = tuple(
        SectionStats(s.id, Spread.of([_exact(r.section(s.id).ratio) for r in results if r.section(s.id).ratio]))
        for s in checklist.sections
    )
    off = [not_applicable(checklist, e.answers) for e in responses]
    questions = tuple(_question(checklist, q, responses, off) for q in checklist.question_ids)
    overall = Spread.of([_exact(r.overall_ratio) for r in results if r.overall_ratio is not None])
    return TeamResult(
        checklist=checklist.id,
        respondents=len(responses),
        waiting=False,
        overall=overall,
        sections=sections,
        questions=questions,
        discussion=_discussion(questions, discussion_size),
        gaps=_gaps(checklist, responses, results),
        roles=roles,
        languages=languages,
        focus=team_focus(checklist, sections, questions),
    )


DISAGREEMENTS = 2
"""How many of a focus area's statements a team focus area names as the ones the team disagrees on most."""


def team_focus(
    checklist: Checklist, sections: Sequence[SectionStats], questions: Sequence[QuestionStats]
) -> tuple[TeamFocus, ...]:
    """At most `checklist.focus_areas` sections whose team median, shown as a whole number, is below the pass mark,
    weakest first (ties in checklist order); with none below, the lowest one, to keep. Each names the statements of
    that section the team disagrees on most (as the discussion list ranks them), at most DISAGREEMENTS."""
    scored = [(i, s) for i, s in enumerate(sections) if s.spread is not None]
    if not scored:
        return ()
    ranked = sorted(scored, key=lambda item: (display(item[1].spread.median), item[0]))
    below = [s for _, s in ranked if display(s.spread.median) < checklist.pass_mark]
    chosen, kind = (below[: checklist.focus_areas], "improve") if below else ([ranked[0][1]], "keep")
    by_id = {q.id: q for q in questions}
    focus = []
    for stats in chosen:
        own = [by_id[q.id] for q in checklist.section(stats.id).questions if q.id in by_id]
        focus.append(TeamFocus(stats.id, kind, stats.spread.median, _discussion(own, DISAGREEMENTS)))
    return tuple(focus)


def _count(items: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return dict(sorted(counts.items()))


def _exact(ratio: tuple[int, int] | None) -> Fraction:
    # an exact score of the engine as a fraction, so medians and quartiles are exact too
    assert ratio is not None
    return Fraction(*ratio)


def _question(
    checklist: Checklist, question: str, responses: Sequence[Response], off: Sequence[frozenset[str]]
) -> QuestionStats:
    # the answers given on the scale, their spread and their distribution; where it did not apply, counted apart
    applies = [e for e, closed in zip(responses, off, strict=True) if question not in closed]
    values = [e.answers[question] for e in applies if isinstance(e.answers.get(question), int)]
    distribution = {str(v): sum(1 for x in values if x == v) for v in checklist.scale.values}
    unknown = sum(1 for e in applies if e.answers.get(question) == UNKNOWN)
    return QuestionStats(question, Spread.of(values), distribution, unknown, len(responses) - len(applies))


def _discussion(questions: Sequence[QuestionStats], size: int) -> tuple[str, ...]:
    # the questions the team disagrees on most: by interquartile range, then range; ties keep definition order
    candidates = [(i, q) for i, q in enumerate(questions) if q.spread and q.spread.n >= 2 and q.spread.range > 0]
    ranked = sorted(candidates, key=lambda item: (-item[1].spread.iqr, -item[1].spread.range, item[0]))
    return tuple(q.id for _, q in ranked[:size])


def _gaps(checklist: Checklist, responses: Sequence[Response], results: Sequence[Result]) -> tuple[Gap, ...]:
    # per section: the median section score of leaders minus that of staff (each group large enough)
    leaders = [r for e, r in zip(responses, results, strict=True) if e.role in LEADERS]
    staff = [r for e, r in zip(responses, results, strict=True) if e.role in STAFF]
    if len(leaders) < GROUP_MIN or len(staff) < GROUP_MIN:
        return ()

    def median(group: Sequence[Result], section: str) -> float | None:
        values = [_exact(r.section(section).ratio) for r in group if r.section(section).ratio is not None]
        return float(statistics.median(values)) if values else None

    return tuple(Gap(s.id, median(leaders, s.id), median(staff, s.id)) for s in checklist.sections)
