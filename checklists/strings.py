"""Every sentence the engine renders, in both languages, once: the one catalogue behind `t(key, lang)`.

The result panel, the team view, the charts, the CSV headers and every refusal of outside input read
from here; `tests/unit/test_strings.py` checks that each key has both languages and no two keys share a text.
"""

from __future__ import annotations

from .model import Text
from .record import MISSING

STRINGS: dict[str, Text] = {
    # the result panel
    "bar_score": Text("Score {score} van de 100", "Score {score} out of 100"),
    "bar_none": Text("Nog geen score", "No score yet"),
    "bar_provisional": Text("voorlopig", "provisional"),
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
    "read_about": Text("Lees verder over {section}", "Read more about {section}"),
    "run_workshop": Text("Werk het uit in een werksessie over {section}", "Work it out in a workshop on {section}"),
    "low_named": Text("Laag beantwoord: {statements}.", "Answered low: {statements}."),
    "keep_step": Text(
        "Geen onderdeel ligt onder de norm. Houd vast wat werkt in {section}, je laagste onderdeel, en laat andere "
        "teams zien hoe het daar gaat.",
        "No section is below the pass mark. Keep what works in {section}, your lowest section, and show other "
        "teams how it is done there.",
    ),
    "answer_step": Text(
        "Beantwoord eerst de uitspraken van {section}: zonder antwoorden telt deze fase als niet gehaald, en tellen "
        "de fasen erna niet mee.",
        "First answer the statements of {section}: without answers this phase counts as not passed, and the "
        "phases after it do not count.",
    ),
    "plan_legend": Text("Actieplan voor {section}", "Action plan for {section}"),
    "plan_owner": Text("Eigenaar", "Owner"),
    "plan_due": Text("Klaar op", "Due by"),
    "progress_heading": Text("Voortgang sinds het plan van {date}", "Progress since the plan of {date}"),
    "progress_line": Text(
        "{section}: van {before} naar {after} ({moved})", "{section}: from {before} to {after} ({moved})"
    ),
    "progress_until": Text("Gemeten met de momentopname van {date}.", "Measured with the snapshot of {date}."),
    "chart_download": Text("Download de grafiek als SVG", "Download the chart as SVG"),
    "chart_file_title": Text("{checklist}, ingevuld op {date}", "{checklist}, filled in on {date}"),
    "snapshots_heading": Text("Momentopnamen", "Snapshots"),
    "no_snapshots": Text(
        "Nog geen momentopnamen. Bewaar er elk kwartaal één om de trend te zien.",
        "No snapshots yet. Save one every quarter to see the trend.",
    ),
    "no_comparison": Text(
        "Deze uitslag vergelijkt je niet met andere organisaties: je antwoorden verlaten je browser niet. Vergelijk "
        "met je eigen momentopnamen, en in een teamsessie met de spreiding in je team.",
        "This result does not compare you with other organisations: your answers never leave your browser. Compare "
        "with your own snapshots, and in a team session with your team's spread.",
    ),
    "snapshot_line": Text("{date}: score {score}", "{date}: score {score}"),
    "snapshot_delete": Text("Verwijder", "Delete"),
    "snapshot_delete_label": Text("Verwijder de momentopname van {date}", "Delete the snapshot of {date}"),
    "first_90_days": Text(
        "Wil je als directie echt beginnen? Lees hoe je de eerste 90 dagen aanpakt.",
        "Ready to start as a board? Read how to approach the first 90 days.",
    ),
    "findings": Text("Zeggen en doen", "Saying and doing"),
    "gap": Text("verschil van {n} stappen op de schaal", "a gap of {n} steps on the scale"),
    "not_applicable": Text("Niet van toepassing", "Not applicable"),
    "not_applicable_n": Text(
        "{n} uitspraken niet van toepassing: ze tellen niet mee", "{n} statements not applicable: they do not count"
    ),
    "gate_yes": Text("Ja", "Yes"),
    "gate_no": Text("Nee", "No"),
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
    "role_short_board": Text("directie", "board"),
    "role_short_manager": Text("manager", "manager"),
    "role_short_employee": Text("medewerker", "employee"),
    "role_short_other": Text("overig", "other-role"),
    # why an import, share link or team file is refused
    "too_large": Text(
        "Dit bestand is te groot voor een download van deze site.",
        "This file is too large to be a download from this site.",
    ),
    "empty": Text("Dit bestand is leeg.", "This file is empty."),
    "not_json": Text("Dit is geen geldig JSON-bestand.", "This is not a valid JSON file."),
    "foreign": Text(
        "Dit bestand is geen download van dit playbook.", "This file is not a download from this playbook."
    ),
    "schema": Text("Dit bestand heeft een onbekende opbouw.", "This file has an unknown structure."),
    "unknown_checklist": Text(
        "Dit bestand hoort bij een onbekende checklist ({value}).",
        "This file belongs to an unknown checklist ({value}).",
    ),
    "other_checklist": Text(
        "Dit bestand hoort bij een andere checklist ({value}).", "This file belongs to another checklist ({value})."
    ),
    "version": Text(
        "Dit bestand heeft een ongeldig versienummer ({value}).", "This file has an invalid version number ({value})."
    ),
    "newer_version": Text(
        "Dit bestand komt van een nieuwere versie van de checklist ({value}) dan deze site kent ({current}).",
        "This file comes from a newer version of the checklist ({value}) than this site knows ({current}).",
    ),
    "answers": Text(
        "De antwoorden in dit bestand kloppen niet met de checklist.",
        "The answers in this file do not match the checklist.",
    ),
    "role": Text("De rol in dit bestand is onbekend ({value}).", "The role in this file is unknown ({value})."),
    "label": Text("Het teamlabel in dit bestand is ongeldig.", "The team label in this file is invalid."),
    "csv_item": Text(
        "Dit is de spreadsheet-download. Vraag om de download voor de teamsessie of om een deellink.",
        "This is the spreadsheet download. Ask for the download for the team session, or for a share link.",
    ),
    "bad_code": Text(
        "Deze deellink is niet compleet of is veranderd. Vraag om een nieuwe link.",
        "This share link is incomplete or has been changed. Ask for a new link.",
    ),
    "old_link": Text(
        "Deze link heeft nog de oude vorm: hij draagt geen rol en geen teamlabel.",
        "This link has the old form: it carries no role and no team label.",
    ),
    "code_version": Text(
        "Deze deellink hoort bij versie {value} van de checklist; deze site heeft versie {current}.",
        "This share link belongs to version {value} of the checklist; this site has version {current}.",
    ),
    "duplicate": Text("Deze antwoorden zijn al toegevoegd.", "These answers have already been added."),
    "too_many_files": Text(
        "Er zijn al {max} bestanden ingelezen; dit bestand telt niet meer mee.",
        "{max} files have already been read; this one is not counted.",
    ),
    "too_complex": Text(
        "Dit bestand is te diep genest of bevat te lange getallen om een download van dit playbook te zijn.",
        "This file is nested too deeply or holds numbers too long to be a download from this playbook.",
    ),
    # why the worker refuses a request (never shown for a working page; said in the page's language all the same)
    "bad_request": Text(
        "De rekenmodule begreep dit verzoek niet; er is niets veranderd.",
        "The scoring engine did not understand this request; nothing has changed.",
    ),
    "no_checklist": Text(
        "Deze checklist is op deze pagina niet geladen.", "This checklist has not been loaded on this page."
    ),
    "bad_answers": Text(
        "Deze antwoorden passen niet bij de checklist: {path}.", "These answers do not fit the checklist: {path}."
    ),
    "bad_definition": Text(
        "De beschrijving van deze checklist klopt niet: {path}.", "This checklist's description is not valid: {path}."
    ),
    "engine_error": Text(
        "De rekenmodule kon dit niet verwerken; je antwoorden zijn niet veranderd.",
        "The scoring engine could not process this; your answers have not changed.",
    ),
    # what the engine could not keep of a browser's saved entry (one notice, naming each part)
    "corrupt_saved": Text(
        "Wat deze browser eerder bewaarde, kon niet worden gelezen. Het origineel blijft ongewijzigd bewaard tot je "
        "zelf iets verandert; je kunt het hieronder downloaden.",
        "What this browser saved earlier could not be read. The original stays as it is until you change something "
        "yourself; you can download it below.",
    ),
    "newer_saved": Text(
        "Deze antwoorden zijn bewaard door een nieuwere versie van deze site. Deze pagina laat ze onaangeroerd en "
        "bewaart niets over ze heen. Download ze, of kies ‘Bewaar vanaf nu weer’: dan blijven ze apart bewaard.",
        "These answers were saved by a newer version of this site. This page leaves them untouched and saves "
        "nothing over them. Download them, or choose ‘Save again from now on’: they are then kept apart.",
    ),
    "copy_apart": Text(
        "Deze browser houdt een kopie van wat er bewaard was apart; je kunt die hieronder downloaden.",
        "This browser keeps a copy of what was saved apart; you can download it below.",
    ),
    "kept_aside": Text(
        "Het origineel blijft bewaard tot je zelf iets verandert; daarna houdt deze browser een kopie apart. "
        "Je kunt het hieronder downloaden.",
        "The original is kept as it was until you change something yourself; after that, this browser keeps a copy "
        "apart. You can download it below.",
    ),
    "restored": Text(
        "Niet alles wat deze browser bewaarde past nog bij de checklist; weggelaten: {what}.",
        "Not everything this browser kept still fits the checklist; left out: {what}.",
    ),
    "dropped_answers": Text("antwoorden op {detail}", "answers to {detail}"),
    "dropped_parts": Text("onleesbare of onbekende delen: {detail}", "unreadable or unknown parts: {detail}"),
    "dropped_all_answers": Text(
        "de antwoorden, die bij een andere versie van de checklist hoorden",
        "the answers, which belonged to another version of the checklist",
    ),
    "dropped_role": Text("een onbekende rol", "an unknown role"),
    "dropped_team": Text("een ongeldig teamlabel", "an invalid team label"),
    "dropped_updated": Text("een ongeldige datum", "an invalid date"),
    "dropped_plan": Text("{detail} regels van het actieplan", "{detail} lines of the action plan"),
    "dropped_plan_one": Text("{detail} regel van het actieplan", "{detail} line of the action plan"),
    "dropped_snapshots": Text("{detail} momentopnamen", "{detail} snapshots"),
    "dropped_snapshots_one": Text("{detail} momentopname", "{detail} snapshot"),
    "dropped_snapshot_answers": Text(
        "niet meer passende antwoorden in {detail} momentopnamen",
        "answers that no longer fit in {detail} snapshots",
    ),
    "dropped_snapshot_answers_one": Text(
        "niet meer passende antwoorden in {detail} momentopname",
        "answers that no longer fit in {detail} snapshot",
    ),
    "migrated": Text(
        "Overgenomen van versie {value}; niet meer passende antwoorden weggelaten: {dropped}.",
        "Carried over from version {value}; answers that no longer fit were left out: {dropped}.",
    ),
    # the team view
    "respondents": Text("{n} respondenten", "{n} respondents"),
    "respondents_one": Text("{n} respondent", "{n} respondent"),
    "waiting": Text(
        "Nog {missing} respondenten nodig. Om de anonimiteit te beschermen toont deze pagina de teamuitslag pas "
        "vanaf {min} respondenten.",
        "{missing} more respondents needed. To protect anonymity, this page only shows the team result from "
        "{min} respondents on.",
    ),
    "waiting_one": Text(
        "Nog {missing} respondent nodig. Om de anonimiteit te beschermen toont deze pagina de teamuitslag pas "
        "vanaf {min} respondenten.",
        "{missing} more respondent needed. To protect anonymity, this page only shows the team result from "
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
    "team_summary": Text(
        "{accepted} ingevulde checklists tellen mee; niet meegeteld: {refused}.",
        "{accepted} completed checklists count; not counted: {refused}.",
    ),
    "team_summary_one": Text(
        "{accepted} ingevulde checklist telt mee; niet meegeteld: {refused}.",
        "{accepted} completed checklist counts; not counted: {refused}.",
    ),
    "team_download_json": Text("Download de teamuitslag: {name}", "Download the team result: {name}"),
    "team_download_csv": Text("Teamuitslag als spreadsheet: {name}", "Team result as a spreadsheet: {name}"),
    "team_file": Text("teamuitslag", "team-result"),
    "team_focus": Text("Aandachtsgebieden van het team", "The team's focus areas"),
    "team_plan_intro": Text(
        "Bespreek eerst de uitspraken waarover jullie het minst eens zijn; spreek daarna per aandachtsgebied af wie "
        "het oppakt en wanneer het klaar is. Deze browser bewaart het plan bij de sessie.",
        "First talk through the statements you agree on least; then agree for each focus area who takes it on and "
        "when it is done. This browser keeps the plan with the session.",
    ),
    "team_disagree": Text("Hier lopen jullie het verst uiteen: {statements}.", "Where you differ most: {statements}."),
    "team_plan_legend": Text("Teamplan voor {section}", "Team plan for {section}"),
    "team_progress": Text(
        "Voortgang sinds de teammomentopname van {date}", "Progress since the team snapshot of {date}"
    ),
    "legend_median": Text("mediaan van het team", "the team's median"),
    "legend_range": Text("van laagste tot hoogste score", "from the lowest to the highest score"),
    "count_of": Text("{n}× {label}", "{n}× {label}"),
    "strip_label": Text("Antwoorden: {counts}", "Answers: {counts}"),
    "group_line": Text(
        "{label}, versie {version} van de checklist: {n} respondenten",
        "{label}, version {version} of the checklist: {n} respondents",
    ),
    "group_line_one": Text(
        "{label}, versie {version} van de checklist: {n} respondent",
        "{label}, version {version} of the checklist: {n} respondent",
    ),
    "no_label": Text("zonder teamlabel", "no team label"),
    "groups_differ": Text(
        "De verzamelde antwoorden voor {checklist} hebben verschillende teamlabels of versies. Kies wat meetelt:",
        "The answers collected for {checklist} carry different team labels or versions. Choose what counts:",
    ),
    "corrupt_session": Text(
        "De bewaarde teamsessie kon niet worden gelezen; het origineel blijft apart bewaard.",
        "The kept team session could not be read; the original is kept apart.",
    ),
    "session_dropped": Text(
        "{n} bewaarde onderdelen van de teamsessie konden niet worden gelezen; het origineel blijft apart bewaard.",
        "{n} kept items of the team session could not be read; the original is kept apart.",
    ),
    "team_item": Text("{name}: {reason}", "{name}: {reason}"),
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
        "onderdeel;onderdeelscore;vraag_id;vraag;antwoord;betekenis;eigenaar;klaar_op",
        "section;section_score;question_id;question;answer;meaning;owner;due_by",
    ),
    "csv_overall": Text("totaalscore", "overall score"),
    "csv_level": Text("niveau", "level"),
    "csv_coverage": Text("beantwoord (%)", "answered (%)"),
    "csv_provisional": Text("voorlopige uitslag", "provisional result"),
    "csv_not_applicable": Text("niet van toepassing", "not applicable"),
    "csv_team_plan": Text("aandachtsgebied;mediaan;eigenaar;klaar_op", "focus_area;median;owner;due_by"),
    "csv_team": Text(
        "onderdeel;vraag_id;vraag;aantal;mediaan;laagste;hoogste;q1;q3",
        "section;question_id;question;count;median;lowest;highest;q1;q3",
    ),
}


VALUE_WORDS: dict[str, Text] = {
    "missing": Text("ontbreekt", "missing"),
    "null": Text("leeg", "empty"),
    "empty_text": Text("lege tekst", "empty text"),
    "boolean": Text("ja/nee-waarde", "a true/false value"),
    "list": Text("een lijst", "a list"),
    "object": Text("een groep velden", "a group of fields"),
    "other": Text("onleesbare waarde", "an unreadable value"),
}
"""How a refusal names a value that is not text or a number, in the page's language."""
QUOTED = 40
"""The longest text a refusal quotes (longer text is shortened with an ellipsis)."""


def describe(value: object, lang: str) -> str:
    """A value from outside as a reader would write it in a sentence: text quoted and shortened, a number as
    written in the page's language, anything else (missing, empty, true/false, a list, fields) named."""
    if isinstance(value, bool):
        return VALUE_WORDS["boolean"].get(lang)
    if isinstance(value, (int, float)):
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return text.replace(".", ",") if lang == "nl" else text
    if isinstance(value, str):
        text = "".join(c if c.isprintable() else " " for c in value)
        text = " ".join(text.split())
        if not text:
            return VALUE_WORDS["empty_text"].get(lang)
        return f"“{text[:QUOTED]}…”" if len(text) > QUOTED else f"“{text}”"
    if value is None:
        return VALUE_WORDS["null"].get(lang)
    kind = "list" if isinstance(value, list) else "object" if isinstance(value, dict) else None
    if kind:
        return VALUE_WORDS[kind].get(lang)
    return VALUE_WORDS["missing" if value is MISSING else "other"].get(lang)


def quoted(statements: list[str]) -> str:
    """Statements named in a sentence: each in quotation marks without its own closing full stop, joined by
    semicolons, so that the sentence's full stop is the only one at the end."""
    return "; ".join(f"“{text.strip().removesuffix('.')}”" for text in statements)


def refusal(code: str, details: dict[str, object], lang: str) -> str:
    """The sentence for a refusal, with its `value` (the offending value as it came) described by `describe`."""
    values = {key: describe(value, lang) if key == "value" else value for key, value in details.items()}
    return t(code, lang, **values)


COUNTED_BY = {
    "dropped_plan": "detail",
    "dropped_snapshots": "detail",
    "dropped_snapshot_answers": "detail",
    "respondents": "n",
    "waiting": "missing",
    "team_summary": "accepted",
    "group_line": "n",
}
"""Sentences that count something, with the value that counts: a count of 1 takes the key's `_one` sentence."""


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (Dutch for an unknown language), with `values` filled in (not escaped); the
    singular sentence when the value a sentence counts by is 1."""
    if key in COUNTED_BY and str(values.get(COUNTED_BY[key])) == "1":
        key = f"{key}_one"
    return STRINGS[key].get(lang).format(**values)
