"""Static HTML for the interactive parts: the checklist form with its tools, and the team view.

Everything is rendered at build time in the page's language; the glue (`cx/*.mjs`) only wires it up.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from checklists.model import Checklist, Question
from checklists.record import ROLES

from .strings import t

# the sentences the page's glue shows, passed to it as JSON in the page's language
MESSAGES = (
    "loading",
    "ready",
    "slow",
    "failed",
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


def _t(key: str, lang: str) -> str:
    return escape(t(key, lang))


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
    # what a 5 and a 1 look like (on demand), and a note on a "say" statement, which counts in no score
    parts = []
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


def _questions(checklist: Checklist, lang: str) -> str:
    # one fieldset per section, one radio group per question, the "don't know" option last
    scale = checklist.scale
    sections = []
    for number, section in enumerate(checklist.sections, 1):
        questions = []
        for q_number, question in enumerate(section.questions, 1):
            options = [(str(v), str(v), label.get(lang)) for v, label in zip(scale.values, scale.labels, strict=True)]
            options.append(("unknown", "?", scale.unknown.get(lang)))
            radios = "".join(
                f'<label class="cx-option" for="cx-{question.id}-{value}">'
                f'<input type="radio" id="cx-{question.id}-{value}" name="{question.id}" value="{value}">'
                f'<span class="cx-option__value" aria-hidden="true">{escape(mark)}</span>'
                f'<span class="cx-option__label">{escape(label)}</span></label>'
                for value, mark, label in options
            )
            questions.append(
                f'<fieldset class="cx-question" id="cx-q-{question.id}" data-cx-question="{question.id}">'
                f'<legend><span class="cx-question__number">{number}.{q_number}</span> '
                f"{escape(question.text.get(lang))}</legend>"
                f'<div class="cx-options" data-search-exclude>{radios}</div>'
                f"{_about(checklist, question, lang)}</fieldset>"
            )
        sections.append(
            f'<fieldset class="cx-section" id="{checklist.id}-{section.id}" data-cx-section="{section.id}">'
            f'<legend class="cx-section__title"><span class="cx-section__number">{number}</span> '
            f"{escape(section.title.get(lang))}</legend>{''.join(questions)}</fieldset>"
        )
    return "".join(sections)


def _tools(checklist: Checklist, lang: str) -> str:
    # export, import, share, print, snapshots and reset; hidden in print
    ident = checklist.id
    return (
        f'<div class="cx-actions" data-cx-actions-for="{ident}" data-search-exclude>'
        f'<h3 class="cx-actions__title" id="{ident}-tools">{_t("tools", lang)}</h3>'
        f'<p class="cx-actions__row">'
        f'<button type="button" class="md-button" data-cx-export="json">{_t("export_json", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-export="csv">{_t("export_csv", lang)}</button> '
        f'<label class="md-button cx-file" for="cx-{ident}-import">{_t("import", lang)}</label>'
        f'<input type="file" id="cx-{ident}-import" class="cx-file__input" accept=".json,application/json" '
        f"data-cx-import> "
        f'<button type="button" class="md-button" data-cx-share>{_t("share", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-print>{_t("print", lang)}</button></p>'
        f'<p class="cx-share" hidden data-cx-share-box><label for="cx-{ident}-share">{_t("share_label", lang)}</label>'
        f'<input type="text" id="cx-{ident}-share" readonly data-cx-share-url></p>'
        f'<p class="cx-actions__status" role="status" data-cx-action-status></p>'
        f'<p class="cx-actions__row">'
        f'<button type="button" class="md-button" data-cx-snapshot>{_t("snapshot", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-reset>{_t("reset", lang)}</button></p>'
        f"</div>"
    )


def render_form(checklist: Checklist, lang: str, links: dict[str, str]) -> str:
    """The checklist as a static, accessible form, its result panel and tools, and its definition as JSON."""
    ident = checklist.id
    result_id = f"{ident}-result"
    payload = {"definition": checklist.to_dict(), "links": links, "messages": _messages(lang)}
    shared = (
        f'<div class="cx-shared" hidden data-cx-shared><p>{_t("shared_banner", lang)}</p>'
        f'<p><button type="button" class="md-button md-button--primary" data-cx-adopt>{_t("adopt", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-leave>{_t("leave_shared", lang)}</button></p></div>'
    )
    return (
        f'<form class="cx-checklist" id="cx-{ident}" data-cx-checklist="{ident}" data-cx-version="{checklist.version}" '
        f'data-cx-lang="{lang}" autocomplete="off" novalidate>'
        f'<p class="cx-live" data-cx-announce aria-live="polite"></p>'
        f'<p class="cx-status" data-cx-status role="status"></p>'
        f'<p class="cx-notice" data-cx-notice role="alert" hidden></p>'
        f'<noscript><p class="cx-status">{_t("noscript", lang)}</p></noscript>'
        f'{shared}<fieldset class="cx-answers" data-cx-answers>{_respondent(checklist, lang)}'
        f"{_questions(checklist, lang)}</fieldset></form>"
        f'<section class="cx-result" id="{result_id}" data-cx-result-for="{ident}" aria-labelledby="{result_id}-title" '
        f"data-search-exclude>"
        f'<h2 class="cx-result__title" id="{result_id}-title">{escape(checklist.title.get(lang))}: '
        f"{_t('result', lang)}</h2>"
        f'<p class="cx-result__last" data-cx-last hidden>{_t("last_visit", lang)}</p>'
        f'<div class="cx-result__body" data-cx-result><p>{_t("result_wait", lang)}</p></div></section>'
        f"{_tools(checklist, lang)}" + _json_script(payload, "cx-definition", ident)
    )


def render_team_view(checklists: dict[str, Checklist], lang: str, links: dict[str, dict[str, str]]) -> str:
    """The team session tool: files and share links in, the team's picture out, nothing sent anywhere."""
    payload = {
        "definitions": [c.to_dict() for c in checklists.values()],
        "links": links,
        "messages": _messages(lang),
    }
    return (
        f'<div class="cx-teamview" data-cx-teamview data-cx-lang="{lang}">'
        f'<p class="cx-status" data-cx-status role="status"></p>'
        f'<div class="cx-drop" data-cx-drop>'
        f'<p><label for="cx-team-files">{_t("team_files", lang)}</label><br>'
        f'<input type="file" id="cx-team-files" multiple accept=".json,application/json" data-cx-team-files></p>'
        f'<p class="cx-hint">{_t("team_drop", lang)}</p></div>'
        f'<p><label for="cx-team-links">{_t("team_links", lang)}</label><br>'
        f'<textarea id="cx-team-links" rows="3" data-cx-team-links></textarea><br>'
        f'<button type="button" class="md-button" data-cx-team-add>{_t("team_add_links", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-team-clear>{_t("team_clear", lang)}</button></p>'
        f'<p class="cx-team__summary" role="status" data-cx-team-summary>{_t("team_empty", lang)}</p>'
        f'<div class="cx-team__intake" data-cx-team-intake></div>'
        f'<section class="cx-team__result" aria-labelledby="cx-team-result-title">'
        f'<h2 id="cx-team-result-title">{_t("team_result", lang)}</h2>'
        f"<div data-cx-team-result></div></section></div>" + _json_script(payload, "cx-team-definitions", "team")
    )
