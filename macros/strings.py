"""Every sentence the build renders into pages, in both languages, once: the catalogue behind `t(key, lang)`.

Keys it does not hold fall back to the engine's catalogue (`checklists.strings`), so a sentence both sides show
(a role, a refusal, "Read more") is written once. `tests/unit/test_strings.py` checks both catalogues.
"""

from __future__ import annotations

from checklists.model import Text
from checklists.strings import STRINGS as ENGINE

STRINGS: dict[str, Text] = {
    # chapters and pages
    "checklist_block": Text(
        "Toets dit onderdeel met de vragen van de leiderschapschecklist over {name}:",
        "Check this part with the leadership checklist's questions on {name}:",
    ),
    "to_checklist": Text("Naar de checklist: {name}", "To the checklist: {name}"),
    "previous": Text("Vorige bouwsteen", "Previous building block"),
    "next": Text("Volgende bouwsteen", "Next building block"),
    "blocks_nav": Text("Bouwstenen", "Building blocks"),
    "advice_all": Text("Alle adviezen van deze checklist", "All advice in this checklist"),
    "forget": Text("Wis alles wat deze site bewaarde", "Erase everything this site stored"),
    "forget_confirm": Text(
        "Alle bewaarde antwoorden van deze site in deze browser wissen? Dit kun je niet ongedaan maken.",
        "Erase all answers this site saved in this browser? This cannot be undone.",
    ),
    "forget_done": Text("Gewist: {n} bewaarde onderdelen.", "Erased: {n} saved items."),
    "how_title": Text("Hoe je invult", "How to answer"),
    "how": Text(
        "- Beoordeel wat je ziet gebeuren, niet wat in plannen staat.\n"
        "- {low} betekent *{low_label}*, {high} *{high_label}*. Kies *{unknown}* als je het echt niet kunt "
        "beoordelen: dat telt niet mee in de score en ook niet in de dekking.\n"
        "- Je antwoorden worden bij elke keuze in deze browser bewaard en nergens heen gestuurd. "
        "Hoe de score wordt berekend, lees je op [Zo werkt de score]({method}).",
        "- Judge what you see happening, not what plans say.\n"
        "- {low} means *{low_label}*, {high} *{high_label}*. Choose *{unknown}* if you really cannot judge: "
        "it counts neither towards the score nor towards the coverage.\n"
        "- Your answers are saved in this browser with every choice and sent nowhere. "
        "How the score is calculated is explained in [How scoring works]({method}).",
    ),
    "form_title": Text("De vragen", "The questions"),
    "anchors": Text("Hoe ziet een 5 eruit, en een 1?", "What does a 5 look like, and a 1?"),
    "say_note": Text(
        "Deze uitspraak gaat over wat jullie zeggen. Ze telt niet mee in de score; de uitslag vergelijkt haar met "
        "wat jullie doen.",
        "This statement is about what you say. It does not count in the score; the result compares it with what "
        "you do.",
    ),
    "play_block": Text("Bouwsteen {number} van {total} · de play", "Building block {number} of {total} · the play"),
    "play_chapter": Text("Organiseren · de play", "Organising · the play"),
    "play_board": Text("Besluiten en toezicht · de play", "Decisions and oversight · the play"),
    "play_actions": Text("Wat je doet", "What to do"),
    "play_questions": Text("Vragen voor de directie", "Questions for the board"),
    "play_checklist": Text("Toets waar jullie staan: {name}", "See where you stand: {name}"),
    "workshop_time": Text("Tijd:", "Time:"),
    "workshop_people": Text("Wie:", "Who:"),
    "workshop_materials": Text("Nodig:", "You need:"),
    "workshop_steps": Text("Zo verloopt het", "How it runs"),
    "workshop_output": Text("Wat het oplevert:", "What it produces:"),
    "workshop_follow_up": Text("Daarna:", "Afterwards:"),
    "workshop_background": Text("Waar het idee vandaan komt", "Where the idea comes from"),
    "cited_none": Text("Deze pagina citeert geen bronnen.", "This page cites no sources."),
    "chapter_checklist": Text(
        "Toets waar jullie staan met de checklist {name}.", "See where you stand with the checklist {name}."
    ),
    "other_language": Text("English", "Nederlands"),
    "advice_title": Text("Adviezen en hoofdstukken", "Advice and chapters"),
    # the checklist form, its tools and the team view
    "result": Text("Je uitslag", "Your result"),
    "result_wait": Text(
        "Beantwoord de uitspraken: je uitslag verschijnt hier, met je aandachtsgebieden.",
        "Answer the statements: your result appears here, with your focus areas.",
    ),
    "shared_wait": Text(
        "De uitslag van deze gedeelde antwoorden wordt berekend.",
        "The result of these shared answers is being worked out.",
    ),
    "effort": Text(
        "{n} uitspraken · ongeveer {minutes} minuten · je uitslag verschijnt [hieronder](#result)",
        "{n} statements · about {minutes} minutes · your result appears [below](#result)",
    ),
    "effort_short": Text("{n} uitspraken · ongeveer {minutes} minuten", "{n} statements · about {minutes} minutes"),
    "for_whom": Text("voor {who}", "for {who}"),
    "start_here": Text("Begin met de leiderschapschecklist", "Start with the leadership checklist"),
    "return_visit": Text("Naar je uitslag:", "Go to your result:"),
    "original_file": Text("bewaard-origineel", "saved-original"),
    "how_summary": Text(
        "Hoe je invult, en wat er met je antwoorden gebeurt", "How to answer, and what happens to your answers"
    ),
    "tools_title": Text("Delen, bewaren en afdrukken", "Share, keep and print"),
    "ask_first": Text("Vraag eerst:", "Ask first:"),
    "gate_hint": Text(
        "Bij ‘nee’ tellen de {n} uitspraken hierover niet mee: ze zijn dan niet van toepassing.",
        "If ‘no’, the {n} statements about it do not count: they do not apply.",
    ),
    "scale_key": Text(
        "{low} = {low_label} · {high} = {high_label} · ? = {unknown}",
        "{low} = {low_label} · {high} = {high_label} · ? = {unknown}",
    ),
    "noscript": Text(
        "Voor de score is JavaScript nodig. De vragen kun je ook zonder lezen en bespreken.",
        "The score needs JavaScript. You can still read and discuss the questions without it.",
    ),
    "about_you": Text("Over jou (optioneel, geen naam nodig)", "About you (optional, no name needed)"),
    "role_label": Text("Rol", "Role"),
    "no_role_option": Text("— geen rol —", "— no role —"),
    "team": Text("Teamlabel", "Team label"),
    "team_hint": Text(
        "Bijvoorbeeld ‘MT sales, november’. Zo herkent wie de teamsessie leidt je antwoorden.",
        "For example ‘Sales MT, November’. It lets whoever runs the team session recognise your answers.",
    ),
    "tools_share": Text("Delen met je team", "Share with your team"),
    "tools_share_what": Text(
        "Stuur je antwoorden naar wie de teamsessie leidt: als link of als bestand. Je rol en teamlabel gaan mee.",
        "Send your answers to whoever runs the team session, as a link or a file. Your role and team label go along.",
    ),
    "tools_keep": Text("Bewaren voor later", "Keep for later"),
    "tools_keep_what": Text(
        "Leg vast waar jullie nu staan: over een kwartaal zie je wat er bewoog.",
        "Record where you stand now: in a quarter you will see what moved.",
    ),
    "tools_print": Text("Afdrukken", "Print"),
    "tools_print_what": Text(
        "Een rapport voor het directieoverleg: uitslag, aandachtsgebieden, plan en grafiek.",
        "A report for the board meeting: result, focus areas, plan and chart.",
    ),
    "export_json": Text("Download voor de teamsessie", "Download for the team session"),
    "export_csv": Text("Download als spreadsheet", "Download as a spreadsheet"),
    "import": Text("Open een gedownload bestand", "Open a downloaded file"),
    "share": Text("Maak een deellink", "Create a share link"),
    "download_original": Text("Download wat er bewaard was", "Download what was saved"),
    "start_afresh": Text("Bewaar vanaf nu weer", "Save again from now on"),
    "share_label": Text(
        "Deellink (de antwoorden staan in de link zelf, na de #)",
        "Share link (the answers are in the link itself, after the #)",
    ),
    "print": Text("Afdrukken als rapport", "Print as a report"),
    "snapshot": Text("Bewaar als momentopname", "Save as a snapshot"),
    "reset": Text("Alle antwoorden wissen", "Clear all answers"),
    "shared_banner": Text(
        "Je bekijkt de uitslag van gedeelde antwoorden", "You are viewing the result of shared answers"
    ),
    "shared_own": Text(
        "Ze zijn alleen te lezen; je eigen antwoorden blijven bewaard.",
        "They are read-only; your own answers stay saved.",
    ),
    "show_answers": Text("Toon de antwoorden", "Show the answers"),
    "hide_answers": Text("Verberg de antwoorden", "Hide the answers"),
    "adopt": Text("Neem deze antwoorden over", "Adopt these answers"),
    "leave_shared": Text("Terug naar mijn eigen antwoorden", "Back to my own answers"),
    "team_collect": Text("Antwoorden verzamelen", "Collect the answers"),
    "team_files": Text(
        "Voeg de bestanden van je collega's toe (hun download voor de teamsessie; meerdere tegelijk)",
        "Add your colleagues' files (their download for the team session; several at once)",
    ),
    "team_drop": Text("Of sleep de bestanden hierheen.", "Or drop the files here."),
    "team_links": Text(
        "Of plak hier deellinks (één per regel) of de tekst van een download",
        "Or paste share links here (one per line), or the text of a download",
    ),
    "team_add_links": Text("Toevoegen", "Add"),
    "team_clear": Text("Begin een nieuwe sessie", "Start a new session"),
    "team_confirm_clear": Text(
        "Alle verzamelde antwoorden en het teamplan van deze sessie wissen? Teammomentopnamen blijven bewaard.",
        "Erase all collected answers and the team plan of this session? Team snapshots are kept.",
    ),
    "team_cleared": Text(
        "Een nieuwe sessie: de verzamelde antwoorden zijn gewist.", "A new session: the collected answers are erased."
    ),
    "team_result": Text("Teamuitslag", "Team result"),
    "team_title_sep": Text(": ", ": "),
    "team_empty": Text("Nog niets toegevoegd.", "Nothing added yet."),
    "team_snapshot": Text("Bewaar als teammomentopname", "Save as a team snapshot"),
    "team_saved_snapshot": Text(
        "Teammomentopname bewaard: bij de volgende sessie zie je hoe elk gepland aandachtsgebied bewoog.",
        "Team snapshot saved: at the next session you will see how each planned focus area moved.",
    ),
    "team_print": Text("Afdrukken als teamrapport", "Print as a team report"),
    "team_not_saved": Text(
        "Deze browser kan de sessie niet bewaren: sluit je de pagina, dan is ze weg. Download de teamuitslag.",
        "This browser cannot keep the session: if you close the page, it is gone. Download the team result.",
    ),
    # messages the page's glue shows (passed to it as JSON)
    "loading": Text("De score wordt voorbereid…", "Getting the score ready…"),
    "progress": Text(
        "De score wordt voorbereid: {loaded} van {total} MB geladen.",
        "Getting the score ready: {loaded} of {total} MB loaded.",
    ),
    "slow": Text(
        "Dit duurt langer dan gewoonlijk: {loaded} van {total} MB geladen. Je kunt gewoon doorgaan met invullen; "
        "je antwoorden worden bewaard.",
        "This is taking longer than usual: {loaded} of {total} MB loaded. You can keep answering; your answers are "
        "saved.",
    ),
    "preparing": Text("Bijna klaar: de score wordt voorbereid.", "Nearly there: getting the score ready."),
    "stalled": Text(
        "Het laden staat stil ({loaded} van {total} MB). Je antwoorden blijven bewaard. Controleer je verbinding en "
        "laad de pagina opnieuw.",
        "Loading has stopped ({loaded} of {total} MB). Your answers stay saved. Check your connection and reload the "
        "page.",
    ),
    "failed": Text(
        "De score kan in deze browser niet worden berekend. Je antwoorden blijven bewaard; probeer het later opnieuw "
        "of in een andere browser.",
        "The score cannot be worked out in this browser. Your answers stay saved; try again later or in another "
        "browser.",
    ),
    "not_saving": Text(
        "Wat je nu verandert, wordt nog niet bewaard: download eerst wat er bewaard was, of kies "
        "‘Bewaar vanaf nu weer’.",
        "What you change now is not saved yet: first download what was saved, or choose ‘Save again from now on’.",
    ),
    "started_afresh": Text(
        "Je begint opnieuw. Wat er bewaard was, houdt deze browser apart; je kunt het nog downloaden.",
        "You are starting afresh. This browser keeps what was saved apart; you can still download it.",
    ),
    "aside_full": Text(
        "De opslag van deze browser is te vol om het origineel apart te houden: het blijft staan tot je kiest.",
        "This browser's storage is too full to keep the original apart: it stays as it is until you choose.",
    ),
    "storage": Text(
        "Deze browser bewaart niets: je antwoorden gaan verloren als je de pagina sluit.",
        "This browser does not save anything: your answers are lost when you close the page.",
    ),
    "storage_full": Text(
        "De opslag van deze browser is vol: je laatste wijziging is niet bewaard. Download je antwoorden.",
        "This browser's storage is full: your last change was not saved. Download your answers.",
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
    "snapshot_deleted": Text("Momentopname verwijderd.", "Snapshot deleted."),
    "last_visit": Text(
        "Dit is de uitslag van je vorige bezoek; hij wordt bijgewerkt zodra de rekenmodule klaar is.",
        "This is the result of your last visit; it is updated as soon as the scoring engine is ready.",
    ),
    "reset_done": Text("Alle antwoorden zijn gewist.", "All answers have been cleared."),
    # the scoring page
    "value": Text("Antwoord", "Answer"),
    "points": Text("Punten (0–100)", "Points (0–100)"),
    "weight": Text("Gewicht", "Weight"),
    "level": Text("Niveau", "Level"),
    "from": Text("Vanaf", "From"),
    "unknown_row": Text("telt niet mee", "left out"),
    "not_answered": Text("niet beantwoord", "not answered"),
    "method_overall": Text("Totaalscore", "Overall score"),
    "method_coverage": Text("Dekking", "Coverage"),
    "method_provisional": Text("voorlopig (onder {n}%)", "provisional (below {n}%)"),
    "method_final": Text("definitief", "final"),
    "phase_rule": Text(
        "Fasenregel: je bereikt een fase als de score van die fase én van alle eerdere fasen minstens {n} is.",
        "Phase rule: you reach a phase when that phase and every earlier phase score at least {n}.",
    ),
    "phase": Text("Bereikt na", "Reached after"),
    "phase_none": Text("(geen fase gehaald)", "(no phase passed)"),
    "say_row": Text("zeggen: telt niet mee", "say: left out"),
    "shown_as": Text("in de uitslag {n}", "shown as {n}"),
    # the rules of the scoring page, generated with each checklist's own numbers
    "rules_all": Text("Voor elke checklist", "For every checklist"),
    "rules_threshold": Text(
        "Volgende stappen in de checklists met vaste niveaugrenzen",
        "Next steps in the checklists with fixed level bounds",
    ),
    "rules_phase": Text("Alleen in de fasescan", "In the phase scan only"),
    "rules_gate": Text(
        "Waar een checklist eerst een ja-neevraag stelt", "Where a checklist first asks a yes-or-no question"
    ),
    "rules_team": Text("In de teamweergave", "In the team view"),
    "rule_section": Text(
        "**Per onderdeel**: het gewogen gemiddelde van de punten van de uitspraken die je op de schaal beantwoordde "
        "(elke uitspraak weegt 1, tenzij de checklist anders zegt). De rekenmodule rekent met breuken, zonder "
        "tussentijds af te ronden.",
        "**Per section**: the weighted mean of the points of the statements you answered on the scale (each "
        "statement weighs 1 unless the checklist says otherwise). The engine computes with fractions, never rounding "
        "on the way.",
    ),
    "rule_say": Text(
        "**Zeggen telt niet mee**: in een zeggen–doen-paar dient de uitspraak over wat jullie zeggen alleen voor de "
        "vergelijking met wat jullie doen. Ze telt niet mee in een score en niet in de dekking, zodat praten geen "
        "punten oplevert.",
        "**Saying does not count**: in a say–do pair, the statement about what you say serves only the comparison "
        "with what you do. It counts in no score and not in the coverage, so that talk earns no points.",
    ),
    "rule_overall": Text(
        "**De totaalscore** is het gemiddelde van de onderdelen die een score hebben; elk onderdeel weegt even zwaar.",
        "**The overall score** is the mean of the sections that have a score; every section weighs the same.",
    ),
    "rule_unknown": Text(
        "**Weet ik niet en lege uitspraken** tellen niet mee in de deling: ze verlagen geen score. De **dekking** is "
        "het deel van de meetellende uitspraken dat je op de schaal beantwoordde.",
        "**Don't know and blank statements** are left out of the division: they lower no score. The **coverage** is "
        "the share of the counting statements that you answered on the scale.",
    ),
    "rule_provisional": Text(
        "**Voorlopig**: is de dekking lager dan {n}%, dan heet de uitslag voorlopig, en alleen dan noemt de uitslag "
        "elk onderdeel waarvan zelf minder dan {n}% is beantwoord.",
        "**Provisional**: when the coverage is below {n}%, the result is provisional, and only then does it name "
        "every section of which less than {n}% has been answered.",
    ),
    "rule_rounding": Text(
        "**Afronden**: de uitslag toont hele punten, 0,5 naar boven afgerond. Het niveau en elk oordeel over de norm "
        "van {pass} hangen af van dat hele getal: een 79,5 staat er als 80 en haalt het niveau dat bij 80 begint.",
        "**Rounding**: the result shows whole points, rounding 0.5 up. The level and every judgement against the "
        "mark of {pass} follow that whole number: a 79.5 is shown as 80 and reaches the level that starts at 80.",
    ),
    "rule_nothing": Text(
        "**Niets beantwoord**: zolang geen enkele meetellende uitspraak op de schaal is beantwoord, is er geen "
        "score, geen niveau en geen aandachtsgebied; de uitslag vraagt dan om één antwoord op de schaal.",
        "**Nothing answered**: as long as no counting statement has been answered on the scale, there is no score, "
        "no level and no focus area; the result then asks for one answer on the scale.",
    ),
    "rule_compare": Text(
        "**Geen vergelijking met andere organisaties**: je antwoorden verlaten je browser niet, dus er is geen "
        "gemiddelde van anderen om je tegen af te zetten. Vergelijk met je eigen trend (momentopnamen) en met de "
        "spreiding in je team (teamweergave).",
        "**No comparison with other organisations**: your answers never leave your browser, so there is no average "
        "of others to hold yours against. Compare with your own trend (snapshots) and your team's spread (team view).",
    ),
    "rule_focus": Text(
        "**Aandachtsgebieden**: hooguit {areas}, de onderdelen met een getoonde score onder de {pass}; de laagste "
        "eerst, bij gelijke score in de volgorde van de checklist. Elk krijgt één eerste actie, noemt de uitspraken "
        "die je met {low} of lager beantwoordde (soms geen), verwijst naar het hoofdstuk en, waar die er is, naar een "
        "werksessie, en heeft velden voor een eigenaar en een datum.",
        "**Focus areas**: at most {areas}, the sections whose shown score is below {pass}; the lowest first, ties in "
        "the checklist's order. Each gets one first action, names the statements you answered {low} or lower "
        "(sometimes none), links to its chapter and, where there is one, to a workshop, and has fields for an owner "
        "and a date.",
    ),
    "rule_keep": Text(
        "**Sterke uitslag**: ligt geen onderdeel onder de {pass}, dan is het onderdeel met de laagste getoonde score "
        "(bij gelijke score het eerste) het ene aandachtsgebied, met de stap om vast te houden wat werkt; het noemt "
        "geen uitspraken.",
        "**Strong result**: when no section is below {pass}, the section with the lowest shown score (on a tie, the "
        "first) is the one focus area, with the step to keep what works; it names no statements.",
    ),
    "rule_phase": Text(
        "**Fasen**: een fase is gehaald als haar getoonde score minstens {pass} is. Je niveau is het aantal fasen dat "
        "vanaf fase 1 zonder onderbreking gehaald is; een fase zonder antwoorden op de schaal is niet gehaald, en de "
        "fasen erna tellen dan niet mee, hoe hoog ze ook scoren.",
        "**Phases**: a phase is passed when its shown score is at least {pass}. Your level is the number of phases "
        "passed without a break from phase 1; a phase without answers on the scale is not passed, and the phases "
        "after it then do not count, however high they score.",
    ),
    "rule_phase_focus": Text(
        "**Aandachtsgebieden in de fasescan**: hooguit {areas}, de fasen die niet gehaald zijn, in de volgorde van de "
        "fasen (niet de laagste eerst). Een fase met een score onder de {pass} krijgt haar eerste actie en noemt de "
        "uitspraken die je met {low} of lager beantwoordde; een fase zonder antwoorden krijgt de stap ‘beantwoord "
        "deze eerst’ en telt mee in de {areas}. Alleen als elke fase gehaald is, volgt de sterke uitslag hierboven.",
        "**Focus areas in the phase scan**: at most {areas}, the phases not passed, in the order of the phases (not "
        "the lowest first). A phase scoring below {pass} gets its first action and names the statements you "
        "answered {low} or lower; a phase without answers gets the step ‘answer these first’ and counts towards the "
        "{areas}. Only when every phase is passed does the strong result above apply.",
    ),
    "rule_gate": Text(
        "**Niet van toepassing**: beantwoord je de vraag vooraf met ‘nee’, dan tellen de uitspraken erachter niet "
        "mee, in geen score en niet in de dekking, wat je er ook invulde. Een onderdeel waarin dan niets meer meetelt, "
        "verdwijnt uit de tabel, de grafiek en de aandachtsgebieden; de uitslag zegt onder ‘niet van toepassing’ wat "
        "dat betekent. Onbeantwoord of ‘ja’: alles telt mee.",
        "**Not applicable**: answer the question in front with ‘no’, and the statements behind it count nowhere, in "
        "no score and not in the coverage, whatever you filled in. A section in which nothing counts any more leaves "
        "the table, the chart and the focus areas; the result says under ‘not applicable’ what that means. "
        "Unanswered or ‘yes’: everything counts.",
    ),
    "rule_pairs": Text(
        "**Zeggen en doen**: het verschil wordt geteld in stappen op de schaal van 1 tot 5. Ligt het zeggen "
        "minstens {gap} stappen boven het doen, dan meldt de uitslag dat; alleen als beide op de schaal zijn "
        "beantwoord.",
        "**Saying and doing**: the gap is counted in steps on the 1 to 5 scale. When saying is at least {gap} steps "
        "above doing, the result reports it; only when both are answered on the scale.",
    ),
    "rule_trend": Text(
        "**Trend en plan**: bewaar je een momentopname, dan toont de uitslag per onderdeel hoeveel hele punten het "
        "sindsdien bewoog. Bewaar je een momentopname met een actieplan en later nog een, dan toont de uitslag per "
        "gepland aandachtsgebied hoe de score tussen die twee bewoog.",
        "**Trend and plan**: once you save a snapshot, the result shows per section how many whole points it has "
        "moved since. Save a snapshot with an action plan and a later one, and the result shows per planned focus "
        "area how its score moved between the two.",
    ),
    "rule_team_min": Text(
        "**Vanaf {min} respondenten**: daaronder toont de teamweergave alleen hoeveel er nog nodig zijn, zodat "
        "niemand de antwoorden van één collega kan terugzien.",
        "**From {min} respondents**: below that, the team view only says how many more are needed, so that nobody "
        "can read back a single colleague's answers.",
    ),
    "rule_team_spread": Text(
        "**Mediaan en spreiding**: per onderdeel en per uitspraak de mediaan, de laagste en hoogste waarde en de "
        "middelste helft (kwartielen met de inclusieve methode, na te rekenen met de hand).",
        "**Median and spread**: per section and per statement the median, the lowest and highest value and the "
        "middle half (quartiles by the inclusive method, which you can redo by hand).",
    ),
    "rule_team_discussion": Text(
        "**Bespreeklijst**: de {size} uitspraken waarover de antwoorden het verst uiteenlopen, eerst naar de middelste "
        "helft, dan naar laagste–hoogste, bij gelijkspel in de volgorde van de checklist; een uitspraak waarop "
        "iedereen hetzelfde antwoordde, staat er niet op.",
        "**Discussion list**: the {size} statements on which the answers differ most, first by the middle half, then "
        "by lowest–highest, ties in the checklist's order; a statement everyone answered alike is not on it.",
    ),
    "rule_team_gap": Text(
        "**Leiding en medewerkers**: de mediaan per onderdeel van directie en managers samen min die van "
        "medewerkers, alleen als elke groep minstens {group} respondenten met die rol telt; ‘anders’ en geen rol "
        "tellen in geen van beide groepen.",
        "**Leaders and staff**: per section the median of board members and managers together minus that of "
        "employees, only when each group counts at least {group} respondents with that role; ‘other’ and no role "
        "count in neither group.",
    ),
    "rule_team_focus": Text(
        "**Aandachtsgebieden van het team**: hooguit {areas}, de onderdelen waarvan de getoonde teammediaan onder de "
        "{pass} ligt, de laagste eerst; elk noemt de {disagree} uitspraken ervan waarover het team het minst eens is. "
        "Ligt er geen onder de {pass}, dan is het onderdeel met de laagste mediaan het ene aandachtsgebied, om vast "
        "te houden. Eigenaar en datum spreekt het team af; een teammomentopname bewaart ze, en de volgende sessie "
        "toont per gepland gebied hoe de teammediaan sindsdien bewoog.",
        "**The team's focus areas**: at most {areas}, the sections whose shown team median is below {pass}, the "
        "lowest first; each names the {disagree} statements of it the team agrees on least. With none below {pass}, "
        "the section with the lowest median is the one focus area, to keep. The team agrees owner and date; a team "
        "snapshot keeps them, and the next session shows per planned area how the team median moved since.",
    ),
    "term": Text("Term", "Term"),
    "meaning": Text("Betekenis", "Meaning"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (this catalogue, else the engine's), with `values` filled in (not escaped)."""
    text = STRINGS[key] if key in STRINGS else ENGINE[key]
    return text.get(lang).format(**values) if values else text.get(lang)
