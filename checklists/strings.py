"""Every sentence the engine renders, in both languages, once: the one catalogue behind `t(key, lang)`.

The result panel, the team view, the charts, the CSV headers and every refusal of outside input read
from here; `tests/unit/test_strings.py` checks that each key has both languages and no two keys share a text.
"""

from __future__ import annotations

from .model import Text

STRINGS: dict[str, Text] = {
    # the result panel
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
    # roles a respondent may give
    "role_board": Text("Directie of bestuur", "Board"),
    "role_manager": Text("Manager", "Manager"),
    "role_employee": Text("Medewerker of klantcontactcentrum", "Employee or contact centre"),
    "role_other": Text("Anders", "Other"),
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
    # the team view
    "respondents": Text("{n} respondenten", "{n} respondents"),
    "waiting": Text(
        "Nog {missing} export(s) nodig. Om de anonimiteit te beschermen toont deze pagina de teamuitslag pas "
        "vanaf {min} respondenten.",
        "{missing} more export(s) needed. To protect anonymity, this page only shows the team result from "
        "{min} respondents on.",
    ),
    "team_overall": Text("Totaalscore van het team", "The team's overall score"),
    "overall_line": Text("mediaan {median}, van {low} tot {high}", "median {median}, from {low} to {high}"),
    "team_chart": Text(
        "Mediaan per onderdeel met de spreiding van het team", "Median per section with the team's spread"
    ),
    "sections": Text("Per onderdeel", "Per section"),
    "median": Text("Mediaan", "Median"),
    "range": Text("Laagste–hoogste", "Lowest–highest"),
    "iqr": Text("Middelste helft", "Middle half"),
    "discussion": Text("Bespreeklijst: waar jullie het minst eens zijn", "Discussion list: where you agree least"),
    "no_discussion": Text("Het team is het over alle vragen eens.", "The team agrees on every question."),
    "distribution": Text("Antwoorden", "Answers"),
    "team_gap": Text("Directie en managers tegenover medewerkers", "Board and managers versus staff"),
    "gap_intro": Text(
        "Positief: leidinggevenden zijn positiever dan medewerkers (mediaan per groep).",
        "Positive: leaders are more positive than staff (median per group).",
    ),
    "gap_none": Text(
        "Nog geen vergelijking: daarvoor zijn minstens twee leidinggevenden (directie of manager) en twee "
        "medewerkers met een rol nodig.",
        "No comparison yet: it needs at least two leaders (board or manager) and two employees with a role.",
    ),
    "leaders": Text("Leiding", "Leaders"),
    "staff": Text("Medewerkers", "Staff"),
    "difference": Text("Verschil", "Difference"),
    "questions": Text("Alle vragen", "All questions"),
    "question": Text("Vraag", "Question"),
    "unknown": Text("weet niet", "don't know"),
    "roles": Text("Rollen", "Roles"),
    "no_role": Text("geen rol", "no role"),
    "languages": Text("Talen", "Languages"),
    # CSV column headers (one text per sheet, `;`-separated)
    "csv_answers": Text(
        "onderdeel;onderdeelscore;vraag_id;vraag;antwoord;betekenis",
        "section;section_score;question_id;question;answer;meaning",
    ),
    "csv_team": Text(
        "onderdeel;vraag_id;vraag;aantal;mediaan;laagste;hoogste;q1;q3",
        "section;question_id;question;count;median;lowest;highest;q1;q3",
    ),
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (Dutch for an unknown language), with `values` filled in (not escaped)."""
    return STRINGS[key].get(lang).format(**values)
