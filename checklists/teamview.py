"""The team view as escaped HTML in the page's language, and the team result as JSON and CSV for the minutes.

A team's picture reads top-down like a session: who answered, the team's focus areas with the team plan (and how
each planned area moved since the last team snapshot), the chart with its legend, the sections, the discussion list,
board versus staff, and every statement with its answers drawn as a small bar strip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from .charts import chart
from .formats import to_csv
from .model import Checklist
from .record import ROLES, PlanItem
from .report import plan_fields
from .scoring import display
from .strings import quoted, t
from .team import MIN_RESPONDENTS, QuestionStats, Spread, TeamResult

Progress = tuple[str, Sequence[tuple[str, int | None, int | None]]]
"""The date of the team snapshot that holds the plan, and each planned area's team median then and now."""


def _table(caption: str, head: Sequence[str], rows: str, lang: str, css: str = "") -> str:
    # one table style for every table of the team view: Material's (it styles tables without a class)
    columns = "".join(f'<th scope="col">{escape(t(key, lang))}</th>' for key in head)
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    table = f"<table>{caption_html}<thead><tr>{columns}</tr></thead><tbody>{rows}</tbody></table>"
    return f'<div class="md-typeset__scrollwrap {css}"><div class="md-typeset__table">{table}</div></div>'


def _spread_cells(spread: Spread | None, lang: str) -> str:
    # median, range and interquartile range as table cells
    if spread is None:
        return f"<td>{escape(t('none', lang))}</td><td></td><td></td>"
    return (
        f'<td data-cx-median="{display(spread.median)}">{display(spread.median)}</td>'
        f"<td>{display(spread.low)}–{display(spread.high)}</td><td>{display(spread.q1)}–{display(spread.q3)}</td>"
    )


def render_team(
    checklist: Checklist,
    team: TeamResult,
    lang: str,
    plan: Mapping[str, PlanItem] | None = None,
    moved: Progress = ("", ()),
    links: Mapping[str, str] | None = None,
) -> str:
    """The team's picture for one checklist (or, under three respondents, how many more are needed and why)."""
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
        _focus(checklist, team, lang, plan or {}, links or {}),
        _progress(checklist, moved, lang),
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


def _focus(
    checklist: Checklist, team: TeamResult, lang: str, plan: Mapping[str, PlanItem], links: Mapping[str, str]
) -> str:
    # the team's focus areas: what to talk through (the largest disagreements) and, agreed in the session, who and when
    if not team.focus:
        return ""
    texts, items = checklist.questions, []
    for focus in team.focus:
        section = checklist.section(focus.id)
        title = section.title.get(lang)
        step = t("keep_step", lang, section=title) if focus.kind == "keep" else (section.advice or section.title)
        parts = [
            f"<strong>{escape(title)}</strong> ({escape(t('median', lang).lower())} {display(focus.median)})",
            f'<p class="cx-focus__step">{escape(step if isinstance(step, str) else step.get(lang))}</p>',
        ]
        if focus.disagreements:
            named = quoted([texts[q].text.get(lang) for q in focus.disagreements])
            parts.append(f'<p class="cx-focus__low">{escape(t("team_disagree", lang, statements=named))}</p>')
        for link, key in ((section.workshop, "run_workshop"), (section.chapter, "read_about")):
            if link and links.get(link):
                text = t(key, lang, section=title)
                parts.append(f'<p><a href="{escape(links[link])}">{escape(text)}</a></p>')
        parts.append(_plan_fields(checklist.id, focus.id, title, plan.get(focus.id), lang))
        items.append(
            f'<li class="cx-focus" data-cx-team-focus="{escape(focus.id)}" data-cx-focus-kind="{focus.kind}">'
            f"{''.join(parts)}</li>"
        )
    heading = f'<h4 class="cx-team__heading">{escape(t("team_focus", lang))}</h4>'
    intro = f'<p class="cx-team__plan-intro">{escape(t("team_plan_intro", lang))}</p>'
    return f'{heading}{intro}<ol class="cx-result__steps cx-team__focus">{"".join(items)}</ol>'


def _plan_fields(checklist: str, area: str, title: str, item: PlanItem | None, lang: str) -> str:
    # the owner and date the team agreed for one focus area (kept in this browser with the session)
    legend = t("team_plan_legend", lang, section=title)
    field, key = f"cx-team-plan-{checklist}-{area}", f"{checklist}:{area}"
    return plan_fields(field, "data-cx-team-plan", key, legend, item, lang)


def _progress(checklist: Checklist, moved: Progress, lang: str) -> str:
    # since the team snapshot that holds the plan: how each planned area's team median moved
    since, moves = moved
    if not moves:
        return ""
    lines = []
    for area, before, after in moves:
        change = t("trend_none", lang) if before is None or after is None else f"{after - before:+d}"
        shown = {k: t("none", lang) if v is None else str(v) for k, v in (("before", before), ("after", after))}
        text = t("progress_line", lang, section=checklist.section(area).title.get(lang), moved=change, **shown)
        lines.append(f'<li data-cx-team-progress="{escape(area)}">{escape(text)}</li>')
    heading = f'<h4 class="cx-team__heading">{escape(t("team_progress", lang, date=since))}</h4>'
    return f'<section class="cx-result__progress">{heading}<ul>{"".join(lines)}</ul></section>'


def _chart(checklist: Checklist, team: TeamResult, lang: str) -> str:
    # section medians with the team's lowest-to-highest band, and a legend that says which shape is which
    labels = [checklist.section(s.id).title.get(lang) for s in team.sections]
    medians = [s.spread.median if s.spread else None for s in team.sections]
    ranges = [(s.spread.low, s.spread.high) if s.spread else (0.0, 0.0) for s in team.sections]
    svg = chart(labels, medians, t("team_chart", lang), ranges=ranges)
    legend = (
        '<ul class="cx-legend">'
        f'<li><span class="cx-legend__swatch cx-legend__swatch--median" aria-hidden="true"></span>'
        f"{escape(t('legend_median', lang))}</li>"
        f'<li><span class="cx-legend__swatch cx-legend__swatch--range" aria-hidden="true"></span>'
        f"{escape(t('legend_range', lang))}</li></ul>"
    )
    return f'<figure class="cx-result__chart cx-team__chart">{svg}<figcaption>{legend}</figcaption></figure>'


def _sections(checklist: Checklist, team: TeamResult, lang: str) -> str:
    rows = "".join(
        f'<tr data-cx-team-section="{s.id}"><th scope="row">{escape(checklist.section(s.id).title.get(lang))}</th>'
        f"{_spread_cells(s.spread, lang)}</tr>"
        for s in team.sections
    )
    return _table(t("sections", lang), ("section", "median", "range", "iqr"), rows, lang, "cx-team__sections")


def strip(checklist: Checklist, stats: QuestionStats, lang: str) -> str:
    """How the team answered one statement, as a small bar per answer; the counts in words for screen readers."""
    values = list(stats.distribution.items())
    counts = [count for _, count in values] + [stats.unknown]
    top = max(counts) or 1
    labels = [label.get(lang).lower() for label in checklist.scale.labels] + [t("unknown", lang)]
    words = ", ".join(t("count_of", lang, n=count, label=label) for count, label in zip(counts, labels, strict=True))
    marks = [value for value, _ in values] + ["?"]
    bars = "".join(
        f'<rect class="cx-strip__bar{" cx-strip__bar--unknown" if mark == "?" else ""}" x="{i * 14}" '
        f'y="{20 - round(16 * count / top)}" width="10" height="{round(16 * count / top) or 0.5}"/>'
        f'<text class="cx-strip__mark" x="{i * 14 + 5}" y="30" text-anchor="middle">{escape(mark)}</text>'
        for i, (mark, count) in enumerate(zip(marks, counts, strict=True))
    )
    label = escape(t("strip_label", lang, counts=words))
    return (
        f'<svg class="cx-strip" viewBox="0 0 {len(marks) * 14} 32" role="img" aria-label="{label}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>{bars}</svg>'
    )


def _discussion(checklist: Checklist, team: TeamResult, lang: str) -> str:
    heading = f'<h4 class="cx-team__heading">{escape(t("discussion", lang))}</h4>'
    if not team.discussion:
        return heading + f"<p>{escape(t('no_discussion', lang))}</p>"
    by_id = {q.id: q for q in team.questions}
    texts = checklist.questions
    items = "".join(
        f'<li data-cx-discuss="{q}"><strong>{escape(texts[q].text.get(lang))}</strong> '
        f"({escape(t('median', lang).lower())} {display(by_id[q].spread.median)}, "
        f"{escape(t('range', lang).lower())} {display(by_id[q].spread.low)}–{display(by_id[q].spread.high)})"
        f"{strip(checklist, by_id[q], lang)}</li>"
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
    table = _table("", ("section", "leaders", "staff", "difference"), rows, lang, "cx-team__gap")
    return heading + f"<p>{escape(t('gap_intro', lang))}</p>{table}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{display(value):+d}"


def _questions(checklist: Checklist, team: TeamResult, lang: str) -> str:
    texts = checklist.questions
    rows = "".join(
        f'<tr><th scope="row">{escape(texts[q.id].text.get(lang))}</th>{_spread_cells(q.spread, lang)}'
        f"<td>{strip(checklist, q, lang)}</td></tr>"
        for q in team.questions
    )
    table = _table("", ("question", "median", "range", "iqr", "distribution"), rows, lang)
    return f'<details class="cx-team__all"><summary>{escape(t("questions", lang))}</summary>{table}</details>'


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


def team_dict(
    checklist: Checklist, team: TeamResult, *, date: str | None = None, plan: Mapping[str, PlanItem] | None = None
) -> dict[str, Any]:
    """The team result as data (no individual answers), with the team's focus areas and the plan agreed for them."""
    plan = plan or {}
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
        "focus": [
            {
                "id": f.id,
                "kind": f.kind,
                "median": f.median,
                "disagreements": list(f.disagreements),
                **(plan[f.id].to_dict() if f.id in plan else {"owner": None, "due": None}),
            }
            for f in team.focus
        ],
    }


def team_csv(checklist: Checklist, team: TeamResult, lang: str, plan: Mapping[str, PlanItem] | None = None) -> str:
    """One row per statement with the team's spread and distribution; then the team plan, one row per focus area."""
    plan = plan or {}
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
    if team.focus:
        rows += [[], t("csv_team_plan", lang).split(";")]
        for focus in team.focus:
            item = plan.get(focus.id)
            owner, due = (item.owner, item.due) if item else (None, None)
            rows.append([checklist.section(focus.id).title.get(lang), _num(focus.median), owner, due])
    return to_csv(rows)


def _num(value: float) -> str:
    return f"{value:g}"


def _group_line(group: Mapping[str, Any], lang: str) -> str:
    label = group["label"] or t("no_label", lang)
    return t("group_line", lang, label=label, version=group["version"], n=group["count"])


def render_intake(
    refused: list[dict[str, str]],
    notes: list[dict[str, str]],
    groups: list[dict[str, Any]],
    titles: Mapping[str, str],
    files: list[str],
    lang: str,
) -> str:
    """What became of the items handed in: refusals and notes by name, the groups to choose from when the collected
    answers carry different team labels or checklist versions, and the downloads (named by checklist title)."""

    def items(entries: list[dict[str, str]]) -> str:
        return "".join(f"<li>{escape(t('team_item', lang, name=e['name'], reason=e['message']))}</li>" for e in entries)

    choose = ""
    for checklist in dict.fromkeys(g["checklist"] for g in groups):
        own = [g for g in groups if g["checklist"] == checklist]
        if len(own) < 2:
            continue
        boxes = "".join(
            f'<li><label><input type="checkbox" data-cx-team-group="{escape(g["key"])}"'
            f"{' checked' if g['included'] else ''}> "
            f"{escape(_group_line(g, lang))}"
            f"</label></li>"
            for g in own
        )
        question = escape(t("groups_differ", lang, checklist=titles.get(checklist, checklist)))
        choose += f'<fieldset class="cx-team__groups"><legend>{question}</legend><ul>{boxes}</ul></fieldset>'
    buttons = " ".join(
        f'<button type="button" class="md-button" data-cx-team-download="{escape(key)}">'
        f"{escape(t('team_download_' + key.rsplit(':', 1)[1], lang, name=titles.get(key.rsplit(':', 1)[0], '')))}"
        f"</button>"
        for key in files
    )
    return (
        f'<div class="cx-team__choose" data-cx-team-groups>{choose}</div>'
        f'<ul class="cx-team__refused" data-cx-team-refused>{items(refused)}</ul>'
        f'<ul class="cx-team__notes" data-cx-team-notes>{items(notes)}</ul>'
        f'<p class="cx-team__downloads" data-cx-team-downloads>{buttons}</p>'
    )
