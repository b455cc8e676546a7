"""The result panel as escaped HTML in the page's language: summary, chart, table, next steps, findings, history.

The browser inserts this HTML as it is; every text in it passes through `html.escape` here.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .charts import section_charts
from .model import Checklist
from .record import PlanItem, Shown
from .scoring import Result, display, movement, progress, shown
from .strings import quoted, t

FIRST_90_DAYS = "start/first-90-days.md"
"""The chapter every result links to (its URL on this page comes with the page's links)."""

FOCUS_KINDS = ("improve", "keep", "answer")


def kept(result: Result) -> dict[str, object]:
    """What a returning reader sees before the engine starts: numbers and ids only, never text or markup.

    The page keeps this (stamped) after each render and `cx-last.js` fills it into a template the build made.
    """
    return {
        "score": display(result.overall),
        "level": result.level,
        "coverage": display(result.coverage),
        "provisional": result.provisional,
        "sections": shown(result),
        "focus": [[focus.id, focus.kind] for focus in result.focus],
    }


def bar_text(checklist: Checklist, result: Result, lang: str) -> str:
    """The sticky score bar: score, level and, when so, that the result is provisional."""
    if result.overall is None:
        return t("bar_none", lang)
    parts = [t("bar_score", lang, score=display(result.overall))]
    if result.level is not None:
        parts.append(checklist.levels[result.level].name.get(lang))
    if result.provisional:
        parts.append(t("bar_provisional", lang))
    return " · ".join(parts)


def announcement(checklist: Checklist, result: Result, lang: str) -> str:
    """One short sentence for screen readers when the result changes."""
    coverage = t("coverage", lang, n=display(result.coverage))
    if result.overall is None:
        return f"{t('no_score', lang)} {coverage}"
    level = f" · {checklist.levels[result.level].name.get(lang)}" if result.level is not None else ""
    return f"{t('score', lang)} {display(result.overall)} {t('of', lang)}{level} · {coverage}"


def render(
    checklist: Checklist,
    result: Result,
    lang: str,
    links: Mapping[str, str] | None = None,
    *,
    meta: Mapping[str, str | None] | None = None,
    plan: Mapping[str, PlanItem] | None = None,
    history: tuple[Shown, ...] = (),
    own: bool = True,
) -> str:
    """The whole result panel for `result` as an HTML fragment.

    `plan` fills the action plan's fields of the focus areas; `history` (the reader's snapshots, oldest first)
    gives the trend column against the latest one, the progress of the latest plan, and the list to keep or delete.
    Someone else's answers (`own` false, from a share link) get neither plan fields nor the list of snapshots.
    """
    links = links or {}
    parts = [_meta(meta or {}, lang), _summary(checklist, result, lang)]
    parts.append(_next_steps(checklist, result, lang, links, plan or {}, own))
    if result.findings or result.not_applicable:
        parts.append(_findings(checklist, result, lang))
    if result.overall is not None:
        parts.append(_chart(checklist, result, lang))
    parts.append(_table(checklist, result, lang, history[-1] if history else None))
    parts.append(_progress(checklist, history, lang))
    if own:
        parts.append(_snapshots(history, lang))
    parts.append(f'<p class="cx-result__compare">{escape(t("no_comparison", lang))}</p>')
    if links.get(FIRST_90_DAYS):
        parts.append(
            f'<p class="cx-result__start"><a href="{escape(links[FIRST_90_DAYS])}">'
            f"{escape(t('first_90_days', lang))}</a></p>"
        )
    return "\n".join(part for part in parts if part)


def _summary(checklist: Checklist, result: Result, lang: str) -> str:
    # overall score, level, coverage and the provisional notice
    if result.overall is None:
        score = f'<p class="cx-result__overall" data-cx-overall="">{escape(t("no_score", lang))}</p>'
    else:
        score = (
            f'<p class="cx-result__overall">{escape(t("score", lang))}: '
            f'<strong data-cx-overall="{display(result.overall)}">{display(result.overall)}</strong> '
            f"{escape(t('of', lang))}</p>"
        )
    lines = [score]
    if result.level is not None:
        level = checklist.levels[result.level]
        lines.append(
            f'<p class="cx-result__level" data-cx-level="{result.level}">'
            f"<strong>{escape(level.name.get(lang))}</strong>"
            f" — {escape(level.description.get(lang))}</p>"
        )
    coverage = display(result.coverage)
    lines.append(
        f'<p class="cx-result__coverage" data-cx-coverage="{coverage}">{escape(t("coverage", lang, n=coverage))}</p>'
    )
    if result.provisional:
        names = ", ".join(checklist.section(s).title.get(lang) for s in result.missing)
        text = t("provisional", lang, n=display(checklist.provisional_below))
        if names:
            text += " " + t("missing", lang, names=names)
        lines.append(f'<p class="cx-result__provisional" data-cx-provisional="true">{escape(text)}</p>')
    return '<div class="cx-result__summary">' + "".join(lines) + "</div>"


def _meta(meta: Mapping[str, str | None], lang: str) -> str:
    # date, role and team label of the answers (shown on screen and in print), all escaped
    parts = []
    if meta.get("date"):
        parts.append(t("meta_date", lang, date=meta["date"]))
    if meta.get("role"):  # a known role: the record read it (record.read_meta)
        parts.append(t("meta_role", lang, role=t(f"role_{meta['role']}", lang).lower()))
    if meta.get("team"):
        parts.append(t("meta_team", lang, team=meta["team"]))
    return f'<p class="cx-result__meta">{escape(" · ".join(parts))}</p>' if parts else ""


def _table(checklist: Checklist, result: Result, lang: str, latest: Shown | None) -> str:
    # the numbers behind the chart (Material's table style), with the move since the latest snapshot
    rows = []
    moves = movement(latest.sections, result) if latest else {}
    for section in result.sections:
        if not section.applicable:  # every statement behind a gate answered "no": said under its own heading
            continue
        title = checklist.section(section.id).title.get(lang)
        value = display(section.score)
        shown = escape(t("none", lang)) if value is None else str(value)
        change = ""
        if latest:
            moved = moves[section.id]
            text = t("trend_none", lang) if moved is None else f"{moved:+d}"
            change = f'<td data-cx-trend="{"" if moved is None else moved}">{escape(text)}</td>'
        rows.append(
            f'<tr data-cx-section="{escape(section.id)}"><th scope="row">{escape(title)}</th>'
            f'<td data-cx-section-score="{"" if value is None else value}">{shown}</td>'
            f"<td>{escape(t('answered_n', lang, a=section.answered, t=section.total))}</td>{change}</tr>"
        )
    since = f'<th scope="col">{escape(t("trend", lang, date=latest.date))}</th>' if latest else ""
    head = (
        f'<thead><tr><th scope="col">{escape(t("section", lang))}</th><th scope="col">{escape(t("score", lang))}</th>'
        f'<th scope="col">{escape(t("answered", lang))}</th>{since}</tr></thead>'
    )
    table = f"<table><caption>{escape(t('table', lang))}</caption>{head}<tbody>{''.join(rows)}</tbody></table>"
    return f'<div class="md-typeset__scrollwrap cx-result__table"><div class="md-typeset__table">{table}</div></div>'


def _chart(checklist: Checklist, result: Result, lang: str) -> str:
    # the chart (a radar on wide screens, bars on narrow ones); the table after it carries the numbers
    return f'<figure class="cx-result__chart">{section_charts(checklist, result, lang)}</figure>'


def _next_steps(
    checklist: Checklist,
    result: Result,
    lang: str,
    links: Mapping[str, str],
    plan: Mapping[str, PlanItem],
    own: bool = True,
) -> str:
    # at most three focus areas, each with one first action, its low statements, its chapter and its plan
    heading = f'<h3 class="cx-result__heading">{escape(t("advice", lang))}</h3>'
    if not result.focus:  # nothing scored yet: the summary already asks for an answer on the scale
        return ""
    items = []
    questions = checklist.questions
    for focus in result.focus:
        section = checklist.section(focus.id)
        title = section.title.get(lang)
        steps = {"keep": t("keep_step", lang, section=title), "answer": t("answer_step", lang, section=title)}
        step = steps.get(focus.kind) or (section.advice.get(lang) if section.advice else "")
        parts = [f"<strong>{escape(title)}</strong>", f'<p class="cx-focus__step">{escape(step)}</p>']
        if focus.low:
            named = quoted([questions[q].text.get(lang) for q in focus.low])
            parts.append(f'<p class="cx-focus__low">{escape(t("low_named", lang, statements=named))}</p>')
        for link, key in ((section.workshop, "run_workshop"), (focus.link, "read_about")):
            if link and links.get(link):
                parts.append(f'<p><a href="{escape(links[link])}">{escape(t(key, lang, section=title))}</a></p>')
        if own:
            parts.append(_plan_fields(focus.id, title, plan.get(focus.id), lang))
        items.append(
            f'<li class="cx-focus" data-cx-focus="{escape(focus.id)}" data-cx-focus-kind="{focus.kind}">'
            f"{''.join(parts)}</li>"
        )
    return f'{heading}<ol class="cx-result__steps">{"".join(items)}</ol>'


def _plan_fields(area: str, title: str, item: PlanItem | None, lang: str) -> str:
    # the owner and target date of one focus area, as fields the reader fills in (saved with the answers)
    return plan_fields(f"cx-plan-{area}", "data-cx-plan", area, t("plan_legend", lang, section=title), item, lang)


def plan_fields(field: str, hook: str, key: str, legend: str, item: PlanItem | None, lang: str) -> str:
    """A plan's owner and date as fields (ids from `field`, the glue's `hook` attribute `key:owner` / `key:due`);
    each in a span that prints as a line when left empty."""
    owner, due = (item.owner or "", item.due or "") if item else ("", "")
    field, key = escape(field), escape(key)
    return (
        f'<fieldset class="cx-plan"><legend>{escape(legend)}</legend>'
        f'<label for="{field}-owner">{escape(t("plan_owner", lang))}</label> <span class="cx-plan__field">'
        f'<input type="text" id="{field}-owner" maxlength="80" autocomplete="off" {hook}="{key}:owner" '
        f'value="{escape(owner)}"></span> '
        f'<label for="{field}-due">{escape(t("plan_due", lang))}</label> <span class="cx-plan__field">'
        f'<input type="date" id="{field}-due" {hook}="{key}:due" value="{escape(due)}"></span>'
        "</fieldset>"
    )


def _progress(checklist: Checklist, history: tuple[Shown, ...], lang: str) -> str:
    # per planned focus area, how its score moved since the plan was made (once a later snapshot exists)
    found = progress(history)
    if not found:
        return ""
    lines = []
    for area, before, after in found.moves:  # planned areas are known sections (record.read_plan)
        moved = t("trend_none", lang) if before is None or after is None else f"{after - before:+d}"
        title = checklist.section(area).title.get(lang)
        text = t(
            "progress_line", lang, section=title, before=_number(before, lang), after=_number(after, lang), moved=moved
        )
        lines.append(f'<li data-cx-progress="{escape(area)}">{escape(text)}</li>')
    heading = f'<h3 class="cx-result__heading">{escape(t("progress_heading", lang, date=found.since))}</h3>'
    until = f"<p>{escape(t('progress_until', lang, date=found.until))}</p>"
    return f'<section class="cx-result__progress">{heading}<ul>{"".join(lines)}</ul>{until}</section>'


def _number(value: int | None, lang: str) -> str:
    return t("none", lang) if value is None else str(value)


def _snapshot_line(snapshot: Shown, lang: str) -> str:
    return t("snapshot_line", lang, date=snapshot.date, score=_number(snapshot.overall, lang))


def _snapshots(history: tuple[Shown, ...], lang: str) -> str:
    # the reader's snapshots, newest last, each with a button to delete it (hidden in print)
    heading = f'<h3 class="cx-result__heading">{escape(t("snapshots_heading", lang))}</h3>'
    if not history:
        return f'{heading}<p class="cx-result__snapshots">{escape(t("no_snapshots", lang))}</p>'
    items = "".join(
        f'<li data-cx-snapshot-item="{i}">{escape(_snapshot_line(s, lang))} '
        f'<button type="button" class="md-button cx-small cx-noprint" data-cx-snapshot-delete="{i}" '
        f'aria-label="{escape(t("snapshot_delete_label", lang, date=s.date))}">'
        f"{escape(t('snapshot_delete', lang))}</button></li>"
        for i, s in enumerate(history)
    )
    return f'{heading}<ol class="cx-result__snapshots">{items}</ol>'


def _listed(key: str, items: str, lang: str) -> str:
    # a heading of the result and its list of findings
    heading = f'<h3 class="cx-result__heading">{escape(t(key, lang))}</h3>'
    return f'{heading}<ul class="cx-result__findings">{items}</ul>'


def _findings(checklist: Checklist, result: Result, lang: str) -> str:
    # say–do gaps as findings, under their heading; what a gate answered "no" means, under its own
    by_pair = {(p.say, p.do): p for p in checklist.pairs}
    parts = []
    if result.findings:
        items = "".join(
            f'<li data-cx-finding="{escape(f.say)}:{escape(f.do)}">{escape(by_pair[(f.say, f.do)].finding.get(lang))} '
            f"({escape(t('gap', lang, n=f.gap))})</li>"
            for f in result.findings
        )
        parts.append(_listed("findings", items, lang))
    if result.not_applicable:
        gates = {g.id: g for g in checklist.gates}
        items = "".join(
            f'<li data-cx-not-applicable="{escape(g)}">{escape(gates[g].finding.get(lang))} '
            f"({escape(t('not_applicable_n', lang, n=len(gates[g].questions)))})</li>"
            for g in result.not_applicable
        )
        parts.append(_listed("not_applicable", items, lang))
    return "".join(parts)
