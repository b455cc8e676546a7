"""The result panel as escaped HTML in the page's language: summary, chart, table, advice, findings.

The browser inserts this HTML as it is; every text in it passes through `html.escape` here.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .charts import section_chart
from .model import Checklist
from .record import ROLES
from .scoring import Result, display, movement
from .strings import t


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
    answers: Mapping[str, object] | None = None,
    *,
    meta: Mapping[str, str | None] | None = None,
    previous: tuple[str, dict[str, int | None]] | None = None,
) -> str:
    """The whole result panel for `result` as an HTML fragment; `previous` is a date and the scores shown then."""
    links = links or {}
    answers = answers or {}
    parts = [_meta(meta or {}, lang), _summary(checklist, result, lang)]
    if result.overall is not None:
        parts.append(section_chart(checklist, result, lang))
    parts.append(_table(checklist, result, lang, previous))
    if result.advice:
        parts.append(_advice(checklist, result, lang, links, answers))
    if result.findings:
        parts.append(_findings(checklist, result, lang))
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
    if meta.get("role") in ROLES:
        parts.append(t("meta_role", lang, role=t(f"role_{meta['role']}", lang).lower()))
    if meta.get("team"):
        parts.append(t("meta_team", lang, team=meta["team"]))
    return f'<p class="cx-result__meta">{escape(" · ".join(parts))}</p>' if parts else ""


def _table(
    checklist: Checklist, result: Result, lang: str, previous: tuple[str, dict[str, int | None]] | None = None
) -> str:
    # the numbers behind the chart, for everyone and for screen readers
    rows = []
    moves = movement(previous[1], result) if previous else {}
    for section in result.sections:
        title = checklist.section(section.id).title.get(lang)
        value = display(section.score)
        shown = escape(t("none", lang)) if value is None else str(value)
        change = ""
        if previous:
            moved = moves[section.id]
            text = t("trend_none", lang) if moved is None else f"{moved:+d}"
            change = f'<td data-cx-trend="{"" if moved is None else moved}">{escape(text)}</td>'
        rows.append(
            f'<tr data-cx-section="{escape(section.id)}"><th scope="row">{escape(title)}</th>'
            f'<td data-cx-section-score="{"" if value is None else value}">{shown}</td>'
            f"<td>{escape(t('answered_n', lang, a=section.answered, t=section.total))}</td>{change}</tr>"
        )
    since = f'<th scope="col">{escape(t("trend", lang, date=previous[0]))}</th>' if previous else ""
    head = (
        f'<thead><tr><th scope="col">{escape(t("section", lang))}</th><th scope="col">{escape(t("score", lang))}</th>'
        f'<th scope="col">{escape(t("answered", lang))}</th>{since}</tr></thead>'
    )
    return (
        f'<table class="cx-result__table"><caption>{escape(t("table", lang))}</caption>{head}'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _advice(
    checklist: Checklist, result: Result, lang: str, links: Mapping[str, str], answers: Mapping[str, object]
) -> str:
    # next steps for weak sections and low answers, each with its chapter link
    questions = checklist.questions
    items = []
    for advice in result.advice:
        if advice.kind == "section":
            section = checklist.section(advice.id)
            head = section.title.get(lang)
            body = section.advice.get(lang) if section.advice else ""
        else:
            question = questions[advice.id]
            section = next(s for s in checklist.sections if question in s.questions)
            head = t("low", lang, v=answers.get(advice.id, ""), q=question.text.get(lang))
            guidance = question.advice or section.advice
            body = guidance.get(lang) if guidance else ""
        link = links.get(advice.link or "")
        more = f' <a href="{escape(link)}">{escape(t("read_more", lang))}</a>' if link else ""
        items.append(
            f'<li data-cx-advice="{escape(advice.kind)}:{escape(advice.id)}"><strong>{escape(head)}</strong>'
            f"{' ' + escape(body) if body else ''}{more}</li>"
        )
    heading = f'<h3 class="cx-result__heading">{escape(t("advice", lang))}</h3>'
    return f'{heading}<ul class="cx-result__advice">{"".join(items)}</ul>'


def _findings(checklist: Checklist, result: Result, lang: str) -> str:
    # say–do gaps as findings
    by_pair = {(p.say, p.do): p for p in checklist.pairs}
    items = "".join(
        f'<li data-cx-finding="{escape(f.say)}:{escape(f.do)}">{escape(by_pair[(f.say, f.do)].finding.get(lang))} '
        f"({escape(t('gap', lang, n=f.gap))})</li>"
        for f in result.findings
    )
    heading = f'<h3 class="cx-result__heading">{escape(t("findings", lang))}</h3>'
    return f'{heading}<ul class="cx-result__findings">{items}</ul>'
