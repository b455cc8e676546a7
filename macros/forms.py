"""Static HTML for the interactive parts: the checklist form with its tools, and the team view.

Everything is rendered at build time in the page's language; the glue (`cx/*.mjs`) only wires it up.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from checklists.model import NO, YES, Checklist, Gate, Question
from checklists.record import ROLES
from checklists.scoring import display

from .strings import t

TEAM_MESSAGES = ("team_saved_snapshot", "team_cleared", "team_confirm_clear", "team_title_sep", "team_not_saved")
"""The team page's own sentences for its glue."""

# the sentences the page's glue shows, passed to it as JSON in the page's language
MESSAGES = (
    "loading",
    "progress",
    "slow",
    "preparing",
    "stalled",
    "failed",
    "not_saving",
    "started_afresh",
    "aside_full",
    "show_answers",
    "hide_answers",
    "result_wait",
    "shared_wait",
    "original_file",
    "storage",
    "storage_full",
    "confirm_import",
    "confirm_adopt",
    "confirm_reset",
    "imported",
    "import_cancelled",
    "import_failed",
    "shared_failed",
    "shared_other",
    "adopted",
    "share_ready",
    "share_made",
    "snapshot_saved",
    "snapshot_deleted",
    "reset_done",
)


def _json_script(data: Any, cls: str, for_id: str) -> str:
    # JSON inside <script>: "</" and "<!--" can't end or confuse the element
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" class="{cls}" data-cx-for="{escape(for_id)}">{text}</script>'


def _messages(lang: str) -> dict[str, str]:
    return {key: t(key, lang) for key in MESSAGES}


def _t(key: str, lang: str, **values: object) -> str:
    return escape(t(key, lang, **values))


def _respondent(checklist: Checklist, lang: str) -> str:
    # optional role and team label
    options = f'<option value="">{_t("no_role_option", lang)}</option>' + "".join(
        f'<option value="{role}">{_t(f"role_{role}", lang)}</option>' for role in ROLES
    )
    return (
        f'<fieldset class="cx-respondent" data-search-exclude><legend>{_t("about_you", lang)}</legend>'
        f'<label for="cx-{checklist.id}-role">{_t("role_label", lang)}</label> '
        f'<select id="cx-{checklist.id}-role" name="cx-role" data-cx-role>{options}</select> '
        f'<label for="cx-{checklist.id}-team">{_t("team", lang)}</label> '
        f'<input type="text" id="cx-{checklist.id}-team" name="cx-team" maxlength="80" autocomplete="off" '
        f'aria-describedby="cx-{checklist.id}-team-hint" data-cx-team>'
        f'<span class="cx-hint" id="cx-{checklist.id}-team-hint">{_t("team_hint", lang)}</span></fieldset>'
    )


def _about(checklist: Checklist, question: Question, lang: str) -> str:
    # whom to ask first, a note on a "say" statement (it counts in no score), and what a 5 and a 1 look like
    parts = []
    if question.ask:
        parts.append(
            f'<p class="cx-question__ask"><strong>{_t("ask_first", lang)}</strong> {escape(question.ask.get(lang))}</p>'
        )
    if question.id in checklist.say_ids:
        parts.append(f'<p class="cx-question__say">{_t("say_note", lang)}</p>')
    if question.anchors:
        high, low = (escape(text.get(lang)) for text in (question.anchors.high, question.anchors.low))
        top, bottom = checklist.scale.high, checklist.scale.low
        parts.append(
            f'<details class="cx-anchors" data-search-exclude><summary>{_t("anchors", lang)}</summary>'
            f"<p><strong>{top}</strong> {high}</p><p><strong>{bottom}</strong> {low}</p></details>"
        )
    return "".join(parts)


def _gate(gate: Gate, lang: str) -> str:
    # a yes/no question in front of the statements it decides on
    radios = "".join(
        f'<label class="cx-option cx-option--gate" for="cx-{gate.id}-{value}">'
        f'<input type="radio" id="cx-{gate.id}-{value}" name="{gate.id}" value="{value}">'
        f'<span class="cx-option__word">{_t(f"gate_{value}", lang)}</span></label>'
        for value in (YES, NO)
    )
    return (
        f'<fieldset class="cx-gate" id="cx-q-{gate.id}" data-cx-gate="{gate.id}"><legend>{escape(gate.text.get(lang))}'
        f'</legend><div class="cx-options" data-search-exclude>{radios}</div>'
        f'<p class="cx-hint">{_t("gate_hint", lang, n=len(gate.questions))}</p></fieldset>'
    )


def _options(checklist: Checklist, question: Question, lang: str) -> str:
    # the scale's values in one row, "don't know" apart; each label's words are the radio's accessible name
    scale = checklist.scale
    options = [(str(v), str(v), label.get(lang)) for v, label in zip(scale.values, scale.labels, strict=True)]
    options.append(("unknown", "?", scale.unknown.get(lang)))
    return "".join(
        f'<label class="cx-option{" cx-option--unknown" if value == "unknown" else ""}" for="cx-{question.id}-{value}">'
        f'<input type="radio" id="cx-{question.id}-{value}" name="{question.id}" value="{value}">'
        f'<span class="cx-option__value" aria-hidden="true">{escape(mark)}</span>'
        f'<span class="cx-option__label">{escape(label)}</span></label>'
        for value, mark, label in options
    )


def _scale_key(checklist: Checklist, lang: str) -> str:
    # what the numbers mean, for screens too narrow to show every label (hidden for screen readers: each radio
    # has its label as its name)
    scale = checklist.scale
    text = t(
        "scale_key",
        lang,
        low=scale.low,
        low_label=scale.labels[0].get(lang).lower(),
        high=scale.high,
        high_label=scale.labels[-1].get(lang).lower(),
        unknown=scale.unknown.get(lang).lower(),
    )
    return f'<p class="cx-scale-key" aria-hidden="true">{escape(text)}</p>'


def _questions(checklist: Checklist, lang: str) -> str:
    # one fieldset per section, one radio group per statement; a gate before the first statement it decides on
    sections, placed = [], set()
    for number, section in enumerate(checklist.sections, 1):
        questions = []
        for q_number, question in enumerate(section.questions, 1):
            gate = checklist.gate_of.get(question.id)
            if gate and gate.id not in placed:
                placed.add(gate.id)
                questions.append(_gate(gate, lang))
            gated = f' data-cx-gated-by="{gate.id}"' if gate else ""
            questions.append(
                f'<fieldset class="cx-question" id="cx-q-{question.id}" data-cx-question="{question.id}"{gated}>'
                f'<legend><span class="cx-question__number">{number}.{q_number}</span> '
                f"{escape(question.text.get(lang))}</legend>"
                f'<div class="cx-options" data-search-exclude>{_options(checklist, question, lang)}</div>'
                f"{_about(checklist, question, lang)}</fieldset>"
            )
        sections.append(
            f'<fieldset class="cx-section" id="{checklist.id}-{section.id}" data-cx-section="{section.id}">'
            f'<legend class="cx-section__title"><span class="cx-section__number">{number}</span> '
            f"{escape(section.title.get(lang))}</legend>{_scale_key(checklist, lang)}{''.join(questions)}</fieldset>"
        )
    return "".join(sections)


def _button(key: str, lang: str, hook: str, primary: bool = False) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return f'<button type="button" class="{kind}" {hook}>{_t(key, lang)}</button>'


def tools(checklist: Checklist, lang: str) -> str:
    """What a reader does with a result, grouped as a reader thinks: share with the team, keep for later, print;
    one primary action per group, and erasing the answers apart (hidden in print)."""
    ident = checklist.id
    groups = [
        (
            "tools_share",
            _button("share", lang, "data-cx-share", True) + " " + _button("export_json", lang, 'data-cx-export="json"'),
            f'<p class="cx-share" hidden data-cx-share-box><label for="cx-{ident}-share">{_t("share_label", lang)}'
            f'</label><input type="text" id="cx-{ident}-share" readonly data-cx-share-url></p>',
        ),
        (
            "tools_keep",
            _button("snapshot", lang, "data-cx-snapshot", True)
            + " "
            + _button("export_csv", lang, 'data-cx-export="csv"')
            + f' <label class="md-button cx-file" for="cx-{ident}-import">{_t("import", lang)}</label>'
            f'<input type="file" id="cx-{ident}-import" class="cx-file__input" accept=".json,application/json" '
            f"data-cx-import>",
            "",
        ),
        (
            "tools_print",
            _button("print", lang, "data-cx-print", True)
            + " "
            + _button("chart_download", lang, "data-cx-chart-download"),
            "",
        ),
    ]
    cards = "".join(
        f'<section class="cx-tool" aria-labelledby="{ident}-{key}"><h3 id="{ident}-{key}">{_t(key, lang)}</h3>'
        f'<p class="cx-tool__what">{_t(key + "_what", lang)}</p><p class="cx-tool__buttons">{buttons}</p>{extra}'
        f"</section>"
        for key, buttons, extra in groups
    )
    return (
        f'<div class="cx-actions" data-cx-actions-for="{ident}" data-search-exclude><div class="cx-tools">{cards}</div>'
        f'<p class="cx-actions__status" role="status" data-cx-action-status></p>'
        f'<p class="cx-reset"><button type="button" class="md-button cx-button--danger" data-cx-reset>'
        f"{_t('reset', lang)}</button></p></div>"
    )


def form(checklist: Checklist, lang: str) -> str:
    """The checklist as a static, accessible form, with its status, notices and the sticky score bar."""
    ident = checklist.id
    notice = (
        f'<div class="cx-notice" data-cx-notice role="alert" hidden><p data-cx-notice-text></p>'
        f'<p class="cx-notice__actions" data-cx-notice-actions hidden>'
        f"{_button('download_original', lang, 'data-cx-download-original')} "
        f"{_button('start_afresh', lang, 'data-cx-start-afresh')}</p></div>"
    )
    return (
        f'<form class="cx-checklist" id="cx-{ident}" data-cx-checklist="{ident}" data-cx-version="{checklist.version}" '
        f'data-cx-lang="{lang}" autocomplete="off" novalidate>'
        f'<p class="cx-visually-hidden" data-cx-announce aria-live="polite"></p>'
        f'<p class="cx-status" data-cx-status role="status"></p>{notice}'
        f'<noscript><p class="cx-status">{_t("noscript", lang)}</p></noscript>'
        f'<fieldset class="cx-answers" data-cx-answers>{_respondent(checklist, lang)}'
        f"{_questions(checklist, lang)}</fieldset>"
        f'<a class="cx-scorebar" href="#result" data-cx-scorebar hidden></a></form>'
    )


def shared(checklist: Checklist, lang: str) -> str:
    """The notice of a shared result, with its two actions (shown when a share link opens the page)."""
    return (
        f'<div class="cx-shared" hidden data-cx-shared data-search-exclude><p><strong>{_t("shared_banner", lang)}'
        f'</strong><span class="cx-shared__who" data-cx-shared-who hidden></span>. {_t("shared_own", lang)}</p>'
        f'<p class="cx-shared__actions">{_button("adopt", lang, "data-cx-adopt", True)} '
        f"{_button('leave_shared', lang, 'data-cx-leave')}</p></div>"
    )


def shared_answers(checklist: Checklist, lang: str) -> str:
    """In a shared result, the statements are folded below the result: this opens them."""
    return (
        f'<p class="cx-shared__answers" data-search-exclude><button type="button" class="md-button" '
        f'data-cx-show-answers aria-expanded="false" aria-controls="cx-{checklist.id}">{_t("show_answers", lang)}'
        f"</button></p>"
    )


def _last_template(checklist: Checklist, lang: str) -> str:
    # the last visit's result as the build lays it out; cx-last.js fills in numbers and shows the parts that apply,
    # with textContent only: nothing from storage is ever markup
    levels = "".join(
        f'<p class="cx-result__level" data-slot-level="{i}" hidden><strong>{escape(level.name.get(lang))}</strong>'
        f" — {escape(level.description.get(lang))}</p>"
        for i, level in enumerate(checklist.levels)
    )
    rows = "".join(
        f'<tr data-slot-section="{s.id}"><th scope="row">{escape(s.title.get(lang))}</th>'
        '<td data-slot="value"></td></tr>'
        for s in checklist.sections
    )
    coverage = [escape(part) for part in t("coverage", lang, n="\0").split("\0")]
    focus = "".join(
        f'<li class="cx-focus" data-slot-focus="{s.id}" hidden><strong>{escape(s.title.get(lang))}</strong></li>'
        for s in checklist.sections
    )
    return (
        f'<div class="cx-last-template" data-cx-last-template hidden><div class="cx-result__summary">'
        f'<p class="cx-result__overall">{_t("score", lang)}: <strong data-slot="score"></strong> {_t("of", lang)}</p>'
        f'<p class="cx-result__overall" data-slot="no-score" hidden>{_t("no_score", lang)}</p>{levels}'
        f'<p class="cx-result__coverage">{coverage[0]}<span data-slot="coverage"></span>{coverage[1]}</p>'
        f'<p class="cx-result__provisional" data-slot="provisional" hidden>'
        f"{_t('provisional', lang, n=display(checklist.provisional_below))}</p></div>"
        f'<p class="cx-result__heading" role="heading" aria-level="3">{_t("advice", lang)}</p>'
        f'<ol class="cx-result__steps" data-slot="focus">'
        f'{focus}</ol><div class="cx-result__table"><table><caption>{_t("table", lang)}</caption><thead><tr>'
        f'<th scope="col">{_t("section", lang)}</th><th scope="col">{_t("score", lang)}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></div>"
    )


def panel(checklist: Checklist, lang: str) -> str:
    """The result panel: the engine's result once it is ready, the last visit's result (from its template) before."""
    ident = checklist.id
    return (
        f'<section class="cx-result" id="{ident}-result" data-cx-result-for="{ident}" aria-labelledby="result" '
        f"data-search-exclude>"
        f'<p class="cx-result__last" data-cx-last hidden>{_t("last_visit", lang)}</p>'
        f'<div class="cx-result__body" data-cx-result><p class="cx-result__wait" data-cx-result-wait>'
        f"{_t('result_wait', lang)}</p></div>{_last_template(checklist, lang)}</section>"
    )


def payload(checklist: Checklist, lang: str, links: dict[str, str]) -> str:
    """The definition the build validated, its chapter links and the glue's messages, as JSON on the page."""
    data = {"definition": checklist.to_dict(), "links": links, "messages": _messages(lang)}
    return _json_script(data, "cx-definition", checklist.id)


def render_team_view(checklists: dict[str, Checklist], lang: str, links: dict[str, dict[str, str]]) -> str:
    """The team session tool: files, share links and pasted text in one place, the team's picture out, the team plan
    kept in this browser with the session; nothing is sent anywhere."""
    payload = {
        "definitions": [c.to_dict() for c in checklists.values()],
        "links": links,
        "messages": _messages(lang) | {key: t(key, lang) for key in TEAM_MESSAGES},
    }
    notice = (
        f'<div class="cx-notice" data-cx-notice role="alert" hidden><p data-cx-notice-text></p>'
        f'<p class="cx-notice__actions" data-cx-notice-actions hidden>'
        f"{_button('download_original', lang, 'data-cx-download-original')}</p></div>"
    )
    collect = (
        f'<section class="cx-team__collect" aria-labelledby="cx-team-collect-title">'
        f'<h2 id="cx-team-collect-title">{_t("team_collect", lang)}</h2>'
        f'<div class="cx-drop" data-cx-drop>'
        f'<p><label for="cx-team-files">{_t("team_files", lang)}</label><br>'
        f'<input type="file" id="cx-team-files" multiple accept=".json,.csv,application/json,text/csv" '
        f'data-cx-team-files></p><p class="cx-hint">{_t("team_drop", lang)}</p>'
        f'<p><label for="cx-team-links">{_t("team_links", lang)}</label><br>'
        f'<textarea id="cx-team-links" rows="3" data-cx-team-links></textarea><br>'
        f"{_button('team_add_links', lang, 'data-cx-team-add')}</p></div>"
        f'<p class="cx-team__summary" role="status" data-cx-team-summary>{_t("team_empty", lang)}</p>'
        f'<div class="cx-team__intake" data-cx-team-intake></div>'
        f'<p class="cx-team__clear"><button type="button" class="md-button cx-button--danger" data-cx-team-clear>'
        f"{_t('team_clear', lang)}</button></p></section>"
    )
    result = (
        f'<section class="cx-team__result" aria-labelledby="cx-team-result-title">'
        f'<h2 id="cx-team-result-title">{_t("team_result", lang)}<span class="cx-team__session" data-cx-team-title>'
        f'</span></h2><p class="cx-team__date" data-cx-team-date></p><div data-cx-team-result></div>'
        f'<p class="cx-team__actions" data-cx-team-actions hidden>'
        f"{_button('team_snapshot', lang, 'data-cx-team-snapshot', True)} "
        f"{_button('team_print', lang, 'data-cx-team-print')}</p>"
        f'<p class="cx-actions__status" role="status" data-cx-team-status></p></section>'
    )
    return (
        f'<div class="cx-teamview" data-cx-teamview data-cx-lang="{lang}" data-search-exclude>'
        f'<p class="cx-status" data-cx-status role="status"></p>{notice}{collect}{result}</div>'
        + _json_script(payload, "cx-team-definitions", "team")
    )
