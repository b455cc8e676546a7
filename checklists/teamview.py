"""The team view as escaped HTML in the page's language, and the team result as JSON and CSV for the minutes."""

from __future__ import annotations

from html import escape
from typing import Any

from .charts import chart
from .formats import to_csv
from .model import Checklist
from .record import ROLES
from .scoring import display
from .strings import t
from .team import MIN_RESPONDENTS, Spread, TeamResult


def _spread_cells(spread: Spread | None, lang: str) -> str:
    # median, range and interquartile range as table cells
    if spread is None:
        return f"<td>{escape(t('none', lang))}</td><td></td><td></td>"
    return (
        f'<td data-cx-median="{display(spread.median)}">{display(spread.median)}</td>'
        f"<td>{display(spread.low)}–{display(spread.high)}</td><td>{display(spread.q1)}–{display(spread.q3)}</td>"
    )


def render_team(checklist: Checklist, team: TeamResult, lang: str) -> str:
    """The team's picture for one checklist: overall, chart, sections, discussion list, gap, all questions."""
    title = escape(checklist.title.get(lang))
    head = f'<h3 class="cx-team__title">{title}</h3><p class="cx-team__count">{escape(_who(team, lang))}</p>'
    if team.waiting:
        missing = MIN_RESPONDENTS - team.respondents
        text = t("waiting", lang, missing=missing, min=MIN_RESPONDENTS)
        opening = f'<section class="cx-team" data-cx-team="{checklist.id}" data-cx-waiting="true">'
        return f"{opening}{head}<p>{escape(text)}</p></section>"
    parts = [
        head,
        _overall(team, lang),
        _chart(checklist, team, lang),
        _sections(checklist, team, lang),
        _discussion(checklist, team, lang),
        _gap(checklist, team, lang),
        _questions(checklist, team, lang),
    ]
    opening = f'<section class="cx-team" data-cx-team="{checklist.id}" data-cx-respondents="{team.respondents}">'
    return f"{opening}{''.join(parts)}</section>"


def _who(team: TeamResult, lang: str) -> str:
    # number of respondents, their roles and languages
    roles = ", ".join(
        f"{(t(f'role_{r}', lang) if r in ROLES else t('no_role', lang)).lower()}: {n}" for r, n in team.roles.items()
    )
    languages = ", ".join(f"{code.upper()}: {n}" for code, n in team.languages.items())
    text = t("respondents", lang, n=team.respondents)
    return f"{text} · {t('roles', lang)}: {roles} · {t('languages', lang)}: {languages}" if team.respondents else text


def _overall(team: TeamResult, lang: str) -> str:
    if team.overall is None:
        return ""
    line = t(
        "overall_line",
        lang,
        median=display(team.overall.median),
        low=display(team.overall.low),
        high=display(team.overall.high),
    )
    return (
        f'<p class="cx-team__overall">{escape(t("team_overall", lang))}: '
        f'<strong data-cx-team-overall="{display(team.overall.median)}">{escape(line)}</strong></p>'
    )


def _chart(checklist: Checklist, team: TeamResult, lang: str) -> str:
    # section medians with the team's min–max range
    labels = [checklist.section(s.id).title.get(lang) for s in team.sections]
    medians = [s.spread.median if s.spread else None for s in team.sections]
    ranges = [(s.spread.low, s.spread.high) if s.spread else (0.0, 0.0) for s in team.sections]
    return chart(labels, medians, t("team_chart", lang), ranges=ranges)


def _sections(checklist: Checklist, team: TeamResult, lang: str) -> str:
    rows = "".join(
        f'<tr data-cx-team-section="{s.id}"><th scope="row">{escape(checklist.section(s.id).title.get(lang))}</th>'
        f"{_spread_cells(s.spread, lang)}</tr>"
        for s in team.sections
    )
    head = "".join(f'<th scope="col">{escape(t(k, lang))}</th>' for k in ("section", "median", "range", "iqr"))
    return (
        f'<table class="cx-team__sections"><caption>{escape(t("sections", lang))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _distribution(checklist: Checklist, stats: Any, lang: str) -> str:
    # "1: 0 · 2: 1 · … · ?: 1"
    parts = [f"{value}: {count}" for value, count in stats.distribution.items()]
    if stats.unknown:
        parts.append(f"{t('unknown', lang)}: {stats.unknown}")
    return " · ".join(parts)


def _discussion(checklist: Checklist, team: TeamResult, lang: str) -> str:
    heading = f'<h4 class="cx-team__heading">{escape(t("discussion", lang))}</h4>'
    if not team.discussion:
        return heading + f"<p>{escape(t('no_discussion', lang))}</p>"
    by_id = {q.id: q for q in team.questions}
    texts = checklist.questions
    items = "".join(
        f'<li data-cx-discuss="{q}"><strong>{escape(texts[q].text.get(lang))}</strong> '
        f"({escape(t('median', lang).lower())} {display(by_id[q].spread.median)}, "
        f"{escape(t('range', lang).lower())} {display(by_id[q].spread.low)}–{display(by_id[q].spread.high)}; "
        f"{escape(_distribution(checklist, by_id[q], lang))})</li>"
        for q in team.discussion
    )
    return heading + f'<ol class="cx-team__discussion">{items}</ol>'


def _gap(checklist: Checklist, team: TeamResult, lang: str) -> str:
    heading = f'<h4 class="cx-team__heading">{escape(t("team_gap", lang))}</h4>'
    if not team.gaps:
        return heading + f'<p data-cx-gap="none">{escape(t("gap_none", lang))}</p>'

    def cell(value: float | None) -> str:
        return "" if value is None else str(display(value))

    rows = "".join(
        f'<tr data-cx-gap="{g.id}"><th scope="row">{escape(checklist.section(g.id).title.get(lang))}</th>'
        f"<td>{cell(g.leaders)}</td><td>{cell(g.staff)}</td>"
        f'<td data-cx-gap-value="{cell(g.difference)}">{_signed(g.difference)}</td></tr>'
        for g in team.gaps
    )
    head = "".join(f'<th scope="col">{escape(t(k, lang))}</th>' for k in ("section", "leaders", "staff", "difference"))
    return (
        heading + f"<p>{escape(t('gap_intro', lang))}</p>"
        f'<table class="cx-team__gap"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _signed(value: float | None) -> str:
    return "" if value is None else f"{display(value):+d}"


def _questions(checklist: Checklist, team: TeamResult, lang: str) -> str:
    texts = checklist.questions
    rows = "".join(
        f'<tr><th scope="row">{escape(texts[q.id].text.get(lang))}</th>{_spread_cells(q.spread, lang)}'
        f"<td>{escape(_distribution(checklist, q, lang))}</td></tr>"
        for q in team.questions
    )
    head = "".join(
        f'<th scope="col">{escape(t(k, lang))}</th>' for k in ("question", "median", "range", "iqr", "distribution")
    )
    return (
        f'<details class="cx-team__all"><summary>{escape(t("questions", lang))}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
    )


# --- the team result for the minutes ---------------------------------------------------------------------------------


def _spread_dict(spread: Spread | None) -> dict[str, float] | None:
    if spread is None:
        return None
    return {
        "n": spread.n,
        "median": spread.median,
        "min": spread.low,
        "max": spread.high,
        "q1": spread.q1,
        "q3": spread.q3,
    }


def team_dict(checklist: Checklist, team: TeamResult, *, date: str | None = None) -> dict[str, Any]:
    """The team result as data (no individual answers)."""
    return {
        "format": "cx-playbook-team",
        "schema": 1,
        "checklist": checklist.id,
        "version": checklist.version,
        "date": date,
        "respondents": team.respondents,
        "roles": team.roles,
        "overall": _spread_dict(team.overall),
        "sections": [{"id": s.id, **(_spread_dict(s.spread) or {})} for s in team.sections],
        "questions": [
            {"id": q.id, "spread": _spread_dict(q.spread), "distribution": q.distribution, "unknown": q.unknown}
            for q in team.questions
        ],
        "discussion": list(team.discussion),
        "gaps": [{"id": g.id, "leaders": g.leaders, "staff": g.staff, "difference": g.difference} for g in team.gaps],
    }


def team_csv(checklist: Checklist, team: TeamResult, lang: str) -> str:
    """One row per question with the team's spread and distribution."""
    values = [str(v) for v in checklist.scale.values]
    head = t("csv_team", lang).split(";") + [f"n_{v}" for v in values] + ["n_?"]
    rows: list[list[Any]] = [head]
    by_id = {q.id: q for q in team.questions}
    for section in checklist.sections:
        for question in section.questions:
            stats = by_id.get(question.id)
            spread = stats.spread if stats else None
            numbers = (
                ["", "", "", "", ""]
                if spread is None
                else [_num(spread.median), _num(spread.low), _num(spread.high), _num(spread.q1), _num(spread.q3)]
            )
            counts = [stats.distribution.get(v, 0) if stats else 0 for v in values]
            rows.append(
                [
                    section.title.get(lang),
                    question.id,
                    question.text.get(lang),
                    spread.n if spread else 0,
                    *numbers,
                    *counts,
                    stats.unknown if stats else 0,
                ]
            )
    return to_csv(rows)


def _num(value: float) -> str:
    return f"{value:g}"


def render_intake(refused: list[dict[str, str]], notes: list[dict[str, str]], files: list[str], lang: str) -> str:
    """What became of the items handed in: those refused and why, what migration left out, the downloads."""

    def items(entries: list[dict[str, str]]) -> str:
        return "".join(f"<li>{escape(t('team_item', lang, name=e['name'], reason=e['message']))}</li>" for e in entries)

    buttons = " ".join(
        f'<button type="button" class="md-button" data-cx-team-download="{escape(key)}">'
        f"{escape(t('team_download_' + key.rsplit(':', 1)[1], lang, name=key.rsplit(':', 1)[0]))}</button>"
        for key in files
    )
    return (
        f'<ul class="cx-team__refused" data-cx-team-refused>{items(refused)}</ul>'
        f'<ul class="cx-team__notes" data-cx-team-notes>{items(notes)}</ul>'
        f'<p class="cx-team__downloads" data-cx-team-downloads>{buttons}</p>'
    )
