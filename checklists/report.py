"""The result panel as escaped HTML in the page's language: summary, chart, table, advice, findings.

The browser inserts this HTML as it is; every text in it passes through `html.escape` here.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from .charts import section_chart
from .model import Checklist, Text
from .scoring import Result, display

UI = {
    "score": Text("Score", "Score"),
    "of": Text("van de 100", "out of 100"),
    "no_score": Text(
        "Nog geen score: beantwoord minstens één vraag op de schaal.",
        "No score yet: answer at least one question on the scale.",
    ),
    "coverage": Text("Beantwoord: {n}% van de vragen", "Answered: {n}% of the questions"),
    "provisional": Text(
        "Voorlopige uitslag: minder dan {n}% beantwoord.", "Provisional result: less than {n}% answered."
    ),
    "missing": Text("Nog te weinig antwoorden bij: {names}.", "Too few answers yet for: {names}."),
    "table": Text("Score per onderdeel", "Score per section"),
    "section": Text("Onderdeel", "Section"),
    "answered": Text("Beantwoord", "Answered"),
    "answered_n": Text("{a} van {t}", "{a} of {t}"),
    "none": Text("geen score", "no score"),
    "advice": Text("Volgende stappen", "Next steps"),
    "read_more": Text("Lees verder", "Read more"),
    "findings": Text("Zeggen en doen", "Saying and doing"),
    "gap": Text("verschil van {n} punten", "a gap of {n} points"),
    "low": Text("Je antwoordde {v} op: “{q}”", "You answered {v} to: “{q}”"),
    "meta_date": Text("Ingevuld op {date}", "Filled in on {date}"),
    "meta_role": Text("rol: {role}", "role: {role}"),
    "meta_team": Text("team: {team}", "team: {team}"),
    "trend": Text("Sinds {date}", "Since {date}"),
    "trend_none": Text("—", "—"),
    # why an import, share link or team file is refused
    "too_large": Text(
        "Dit bestand is te groot voor een export van deze site.", "This file is too large to be an export of this site."
    ),
    "empty": Text("Dit bestand is leeg.", "This file is empty."),
    "not_json": Text("Dit is geen geldig JSON-bestand.", "This is not a valid JSON file."),
    "foreign": Text("Dit bestand is geen export van dit playbook.", "This file is not an export of this playbook."),
    "schema": Text("Deze export heeft een onbekende opbouw.", "This export has an unknown structure."),
    "unknown_checklist": Text(
        "Deze export hoort bij een onbekende checklist ({value}).",
        "This export belongs to an unknown checklist ({value}).",
    ),
    "other_checklist": Text(
        "Deze export hoort bij een andere checklist ({value}).", "This export belongs to another checklist ({value})."
    ),
    "version": Text(
        "Deze export heeft een ongeldig versienummer ({value}).", "This export has an invalid version number ({value})."
    ),
    "newer_version": Text(
        "Deze export komt van een nieuwere versie ({value}) dan deze site kent ({current}).",
        "This export comes from a newer version ({value}) than this site knows ({current}).",
    ),
    "answers": Text(
        "De antwoorden in deze export kloppen niet met de checklist.",
        "The answers in this export do not match the checklist.",
    ),
    "role": Text("De rol in deze export is onbekend: {value}", "The role in this export is unknown: {value}"),
    "label": Text("Het teamlabel in deze export is ongeldig.", "The team label in this export is invalid."),
    "bad_code": Text(
        "Deze deellink is niet compleet of is veranderd. Vraag om een nieuwe link.",
        "This share link is incomplete or has been changed. Ask for a new link.",
    ),
    "code_version": Text(
        "Deze deellink hoort bij versie {value} van de checklist; deze site heeft versie {current}.",
        "This share link belongs to version {value} of the checklist; this site has version {current}.",
    ),
    "duplicate": Text("Deze export is al toegevoegd.", "This export has already been added."),
    "migrated": Text(
        "Overgenomen van versie {value}; niet meer passende antwoorden weggelaten: {dropped}.",
        "Carried over from version {value}; answers that no longer fit were left out: {dropped}.",
    ),
}


def ui(key: str, lang: str, **values: object) -> str:
    """A user-interface string in `lang`, with `values` filled in (not escaped)."""
    return UI[key].get(lang).format(**values)


def announcement(checklist: Checklist, result: Result, lang: str) -> str:
    """One short sentence for screen readers when the result changes."""
    coverage = ui("coverage", lang, n=display(result.coverage))
    if result.overall is None:
        return f"{ui('no_score', lang)} {coverage}"
    level = f" · {checklist.levels[result.level].name.get(lang)}" if result.level is not None else ""
    return f"{ui('score', lang)} {display(result.overall)} {ui('of', lang)}{level} · {coverage}"


def problem_message(code: str, lang: str, **details: object) -> str:
    """The page-language sentence for an import problem (details are filled in, not escaped)."""
    return ui(code, lang, **details)


def render(
    checklist: Checklist,
    result: Result,
    lang: str,
    links: Mapping[str, str] | None = None,
    answers: Mapping[str, object] | None = None,
    *,
    meta: Mapping[str, str | None] | None = None,
    previous: tuple[str, Result] | None = None,
) -> str:
    """The whole result panel for `result` as an HTML fragment; `previous` is a dated earlier result."""
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
        score = f'<p class="cx-result__overall" data-cx-overall="">{escape(ui("no_score", lang))}</p>'
    else:
        score = (
            f'<p class="cx-result__overall">{escape(ui("score", lang))}: '
            f'<strong data-cx-overall="{display(result.overall)}">{display(result.overall)}</strong> '
            f"{escape(ui('of', lang))}</p>"
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
        f'<p class="cx-result__coverage" data-cx-coverage="{coverage}">{escape(ui("coverage", lang, n=coverage))}</p>'
    )
    if result.provisional:
        names = ", ".join(checklist.section(s).title.get(lang) for s in result.missing)
        text = ui("provisional", lang, n=display(checklist.provisional_below))
        if names:
            text += " " + ui("missing", lang, names=names)
        lines.append(f'<p class="cx-result__provisional" data-cx-provisional="true">{escape(text)}</p>')
    return '<div class="cx-result__summary">' + "".join(lines) + "</div>"


def _meta(meta: Mapping[str, str | None], lang: str) -> str:
    # date, role and team label of the answers (shown on screen and in print), all escaped
    from .codec import ROLES

    parts = []
    if meta.get("date"):
        parts.append(ui("meta_date", lang, date=meta["date"]))
    if meta.get("role") in ROLES:
        parts.append(ui("meta_role", lang, role=ROLES[str(meta["role"])].get(lang).lower()))
    if meta.get("team"):
        parts.append(ui("meta_team", lang, team=meta["team"]))
    return f'<p class="cx-result__meta">{escape(" · ".join(parts))}</p>' if parts else ""


def trend(previous: Result, current: Result, section_id: str) -> int | None:
    """Whole points a section moved since the previous result (None when either has no score)."""
    before, after = previous.section(section_id).score, current.section(section_id).score
    return None if before is None or after is None else display(after) - display(before)


def _table(checklist: Checklist, result: Result, lang: str, previous: tuple[str, Result] | None = None) -> str:
    # the numbers behind the chart, for everyone and for screen readers
    rows = []
    for section in result.sections:
        title = checklist.section(section.id).title.get(lang)
        value = display(section.score)
        shown = escape(ui("none", lang)) if value is None else str(value)
        change = ""
        if previous:
            moved = trend(previous[1], result, section.id)
            text = ui("trend_none", lang) if moved is None else f"{moved:+d}"
            change = f'<td data-cx-trend="{"" if moved is None else moved}">{escape(text)}</td>'
        rows.append(
            f'<tr data-cx-section="{escape(section.id)}"><th scope="row">{escape(title)}</th>'
            f'<td data-cx-section-score="{"" if value is None else value}">{shown}</td>'
            f"<td>{escape(ui('answered_n', lang, a=section.answered, t=section.total))}</td>{change}</tr>"
        )
    since = f'<th scope="col">{escape(ui("trend", lang, date=previous[0]))}</th>' if previous else ""
    head = (
        f'<thead><tr><th scope="col">{escape(ui("section", lang))}</th><th scope="col">{escape(ui("score", lang))}</th>'
        f'<th scope="col">{escape(ui("answered", lang))}</th>{since}</tr></thead>'
    )
    return (
        f'<table class="cx-result__table"><caption>{escape(ui("table", lang))}</caption>{head}'
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
            head = ui("low", lang, v=answers.get(advice.id, ""), q=question.text.get(lang))
            guidance = question.advice or section.advice
            body = guidance.get(lang) if guidance else ""
        link = links.get(advice.link or "")
        more = f' <a href="{escape(link)}">{escape(ui("read_more", lang))}</a>' if link else ""
        items.append(
            f'<li data-cx-advice="{escape(advice.kind)}:{escape(advice.id)}"><strong>{escape(head)}</strong>'
            f"{' ' + escape(body) if body else ''}{more}</li>"
        )
    heading = f'<h3 class="cx-result__heading">{escape(ui("advice", lang))}</h3>'
    return f'{heading}<ul class="cx-result__advice">{"".join(items)}</ul>'


def _findings(checklist: Checklist, result: Result, lang: str) -> str:
    # say–do gaps as findings
    by_pair = {(p.say, p.do): p for p in checklist.pairs}
    items = "".join(
        f'<li data-cx-finding="{escape(f.say)}:{escape(f.do)}">{escape(by_pair[(f.say, f.do)].finding.get(lang))} '
        f"({escape(ui('gap', lang, n=f.gap))})</li>"
        for f in result.findings
    )
    heading = f'<h3 class="cx-result__heading">{escape(ui("findings", lang))}</h3>'
    return f'{heading}<ul class="cx-result__findings">{items}</ul>'
