"""Static HTML for the interactive parts: the checklist form with its tools, and the team view.

Everything is rendered at build time in the page's language; `cx-checklist.js` only wires it up.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from checklists import ENGINE_VERSION
from checklists.codec import MAX_BYTES, ROLES
from checklists.model import Checklist, Text
from checklists.report import UI as ENGINE_UI

UI = {
    "result": Text("Uitslag", "Result"),
    "result_wait": Text(
        "Beantwoord de vragen: je score verschijnt hier zodra de rekenmodule klaar is.",
        "Answer the questions: your score appears here as soon as the scoring engine is ready.",
    ),
    "noscript": Text(
        "Voor de score is JavaScript nodig. De vragen kun je ook zonder lezen en bespreken.",
        "The score needs JavaScript. You can still read and discuss the questions without it.",
    ),
    "about_you": Text("Over jou (optioneel, geen naam nodig)", "About you (optional, no name needed)"),
    "role": Text("Rol", "Role"),
    "no_role": Text("— geen rol —", "— no role —"),
    "team": Text("Teamlabel", "Team label"),
    "team_hint": Text(
        "Bijvoorbeeld ‘MT sales, november’. Helpt de facilitator exports te herkennen.",
        "For example ‘Sales MT, November’. Helps the facilitator recognise exports.",
    ),
    "tools": Text("Bewaren, delen en vergelijken", "Keep, share and compare"),
    "export_json": Text("Download als JSON", "Download as JSON"),
    "export_csv": Text("Download als CSV", "Download as CSV"),
    "import": Text("JSON-export inlezen", "Import a JSON export"),
    "share": Text("Maak een deellink", "Create a share link"),
    "share_label": Text(
        "Deellink (de antwoorden staan in de link zelf, na de #)",
        "Share link (the answers are in the link itself, after the #)",
    ),
    "print": Text("Afdrukken als rapport", "Print as a report"),
    "snapshot": Text("Bewaar als momentopname", "Save as a snapshot"),
    "reset": Text("Alle antwoorden wissen", "Clear all answers"),
    "snapshots": Text("Momentopnamen", "Snapshots"),
    "no_snapshots": Text(
        "Nog geen momentopnamen. Bewaar er elk kwartaal één om de trend te zien.",
        "No snapshots yet. Save one every quarter to see the trend.",
    ),
    "shared_banner": Text(
        "Je bekijkt gedeelde antwoorden. Ze zijn alleen te lezen; je eigen antwoorden blijven bewaard.",
        "You are viewing shared answers. They are read-only; your own answers stay saved.",
    ),
    "adopt": Text("Neem deze antwoorden over", "Adopt these answers"),
    "leave_shared": Text("Terug naar mijn eigen antwoorden", "Back to my own answers"),
    "team_files": Text(
        "Exports toevoegen (JSON-bestanden, meerdere tegelijk)", "Add exports (JSON files, several at once)"
    ),
    "team_drop": Text("Of sleep de bestanden hierheen.", "Or drop the files here."),
    "team_links": Text("Of plak deellinks, één per regel", "Or paste share links, one per line"),
    "team_add_links": Text("Links toevoegen", "Add links"),
    "team_clear": Text("Opnieuw beginnen", "Start again"),
    "team_result": Text("Teamuitslag", "Team result"),
    "team_empty": Text("Nog geen exports toegevoegd.", "No exports added yet."),
}

MESSAGES = {
    "loading": Text("De rekenmodule wordt geladen…", "Loading the scoring engine…"),
    "ready": Text("De rekenmodule is klaar.", "The scoring engine is ready."),
    "slow": Text(
        "De rekenmodule start niet (na 30 seconden). Je antwoorden blijven in deze browser bewaard; "
        "probeer de pagina later opnieuw te laden.",
        "The scoring engine did not start (after 30 seconds). Your answers stay saved in this browser; "
        "try reloading the page later.",
    ),
    "failed": Text(
        "De rekenmodule werkt niet in deze browser. Je antwoorden blijven bewaard.",
        "The scoring engine does not work in this browser. Your answers stay saved.",
    ),
    "corrupt": Text(
        "Eerder bewaarde antwoorden konden niet worden gelezen en zijn genegeerd.",
        "Previously saved answers could not be read and have been ignored.",
    ),
    "storage": Text(
        "Deze browser bewaart niets: je antwoorden gaan verloren als je de pagina sluit.",
        "This browser does not save anything: your answers are lost when you close the page.",
    ),
    "storage_full": Text(
        "De opslag van deze browser is vol: je laatste wijziging is niet bewaard. Exporteer je antwoorden.",
        "This browser's storage is full: your last change was not saved. Export your answers.",
    ),
    "rejected": Text(
        "Een deel van de bewaarde antwoorden past niet bij deze checklist en is genegeerd.",
        "Some saved answers do not fit this checklist and have been ignored.",
    ),
    "confirm_import": Text(
        "Je huidige antwoorden vervangen door die uit het bestand?",
        "Replace your current answers with those from the file?",
    ),
    "confirm_adopt": Text(
        "Je huidige antwoorden vervangen door de gedeelde antwoorden?",
        "Replace your current answers with the shared answers?",
    ),
    "confirm_reset": Text(
        "Al je antwoorden op deze checklist wissen? Momentopnamen blijven bewaard.",
        "Clear all your answers to this checklist? Snapshots are kept.",
    ),
    "imported": Text("Antwoorden ingelezen uit {name}.", "Answers imported from {name}."),
    "import_cancelled": Text(
        "Inlezen geannuleerd; je antwoorden zijn niet veranderd.", "Import cancelled; your answers have not changed."
    ),
    "import_failed": Text("{name} is niet ingelezen: {reason}", "{name} was not imported: {reason}"),
    "shared_failed": Text("De deellink is niet geopend: {reason}", "The share link was not opened: {reason}"),
    "shared_other": Text(
        "Deze deellink hoort bij een andere checklist.", "This share link belongs to another checklist."
    ),
    "adopted": Text("De gedeelde antwoorden zijn nu je eigen antwoorden.", "The shared answers are now your own."),
    "share_ready": Text("Deellink gemaakt en gekopieerd.", "Share link created and copied."),
    "share_made": Text("Deellink gemaakt: kopieer hem uit het veld.", "Share link created: copy it from the field."),
    "snapshot_saved": Text("Momentopname bewaard.", "Snapshot saved."),
    "snapshot_delete": Text("Verwijder", "Delete"),
    "snapshot_item": Text("{date}: score {score}", "{date}: score {score}"),
    "reset_done": Text("Alle antwoorden zijn gewist.", "All answers have been cleared."),
    "too_large": ENGINE_UI["too_large"],
    "team_summary": Text(
        "{accepted} export(s) geaccepteerd, {refused} geweigerd.", "{accepted} export(s) accepted, {refused} refused."
    ),
    "team_download_json": Text("Teamuitslag {name} als JSON", "Team result {name} as JSON"),
    "team_download_csv": Text("Teamuitslag {name} als CSV", "Team result {name} as CSV"),
    "team_refused": Text("{name}: {reason}", "{name}: {reason}"),
}


def _json_script(data: Any, cls: str, for_id: str) -> str:
    # JSON inside <script>: "</" and "<!--" can't end or confuse the element
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" class="{cls}" data-cx-for="{escape(for_id)}">{text}</script>'


def _engine_attrs(engine: dict[str, str], lang: str) -> str:
    # where the worker finds Pyodide, the bytecode and the engine wheel, relative to the site root
    optional = "".join(
        f' data-cx-{key}="{escape(engine[key])}"' for key in ("stdlib", "bytecode", "lock", "memory") if engine.get(key)
    )
    return (
        f'data-cx-lang="{lang}" data-cx-pyodide="{escape(engine["pyodide"])}" '
        f'data-cx-wheel="{escape(engine["wheel"])}" data-cx-engine="{ENGINE_VERSION}" '
        f'data-cx-max-bytes="{MAX_BYTES}"{optional}'
    )


def _messages(lang: str) -> dict[str, str]:
    return {key: text.get(lang) for key, text in MESSAGES.items()}


def _t(key: str, lang: str) -> str:
    return escape(UI[key].get(lang))


def _respondent(checklist: Checklist, lang: str) -> str:
    # optional role and team label
    options = f'<option value="">{_t("no_role", lang)}</option>' + "".join(
        f'<option value="{role}">{escape(text.get(lang))}</option>' for role, text in ROLES.items()
    )
    return (
        f'<fieldset class="cx-respondent"><legend>{_t("about_you", lang)}</legend>'
        f'<label for="cx-{checklist.id}-role">{_t("role", lang)}</label> '
        f'<select id="cx-{checklist.id}-role" name="cx-role" data-cx-role>{options}</select> '
        f'<label for="cx-{checklist.id}-team">{_t("team", lang)}</label> '
        f'<input type="text" id="cx-{checklist.id}-team" name="cx-team" maxlength="80" autocomplete="off" '
        f'aria-describedby="cx-{checklist.id}-team-hint" data-cx-team>'
        f'<span class="cx-hint" id="cx-{checklist.id}-team-hint">{_t("team_hint", lang)}</span></fieldset>'
    )


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
                f'<div class="cx-options">{radios}</div></fieldset>'
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
        f'<div class="cx-actions" data-cx-actions-for="{ident}">'
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
        f'<h4 class="cx-actions__title">{_t("snapshots", lang)}</h4>'
        f'<p class="cx-actions__row">'
        f'<button type="button" class="md-button" data-cx-snapshot>{_t("snapshot", lang)}</button> '
        f'<button type="button" class="md-button" data-cx-reset>{_t("reset", lang)}</button></p>'
        f'<p data-cx-no-snapshots>{_t("no_snapshots", lang)}</p><ul class="cx-snapshots" data-cx-snapshots></ul>'
        f"</div>"
    )


def render_form(checklist: Checklist, lang: str, engine: dict[str, str], links: dict[str, str]) -> str:
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
        f"{_engine_attrs(engine, lang)} novalidate>"
        f'<p class="cx-live" data-cx-announce aria-live="polite"></p>'
        f'<p class="cx-status" data-cx-status role="status"></p>'
        f'<p class="cx-notice" data-cx-notice role="alert" hidden></p>'
        f'<noscript><p class="cx-status">{_t("noscript", lang)}</p></noscript>'
        f'{shared}<fieldset class="cx-answers" data-cx-answers>{_respondent(checklist, lang)}'
        f"{_questions(checklist, lang)}</fieldset></form>"
        f'<section class="cx-result" id="{result_id}" data-cx-result-for="{ident}" aria-labelledby="{result_id}-title">'
        f'<h2 class="cx-result__title" id="{result_id}-title">{escape(checklist.title.get(lang))}: '
        f"{_t('result', lang)}</h2>"
        f'<div class="cx-result__body" data-cx-result><p>{_t("result_wait", lang)}</p></div></section>'
        f"{_tools(checklist, lang)}" + _json_script(payload, "cx-definition", ident)
    )


def render_team_view(
    checklists: dict[str, Checklist], lang: str, engine: dict[str, str], links: dict[str, dict[str, str]]
) -> str:
    """The team session tool: files and share links in, the team's picture out, nothing sent anywhere."""
    payload = {
        "definitions": [c.to_dict() for c in checklists.values()],
        "links": links,
        "messages": _messages(lang),
    }
    return (
        f'<div class="cx-teamview" data-cx-teamview {_engine_attrs(engine, lang)}>'
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
        f'<ul class="cx-team__refused" data-cx-team-refused></ul>'
        f'<ul class="cx-team__notes" data-cx-team-notes></ul>'
        f'<p class="cx-team__downloads" data-cx-team-downloads></p>'
        f'<section class="cx-team__result" aria-labelledby="cx-team-result-title">'
        f'<h2 id="cx-team-result-title">{_t("team_result", lang)}</h2>'
        f"<div data-cx-team-result></div></section></div>" + _json_script(payload, "cx-team-definitions", "team")
    )
