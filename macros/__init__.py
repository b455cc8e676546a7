"""mkdocs-macros module: turns checklist definitions and the building-block list into HTML.

Declarative only: every scoring rule lives in the `checklists` engine.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils import get_relative_url

from checklists import ENGINE_VERSION
from checklists.load import DEFINITIONS, load_all, parse_yaml
from checklists.model import Checklist, Text

from . import method

BLOCKS_FILE = Path(__file__).parent / "blocks.yml"

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
    "checklist_block": Text(
        "Toets dit onderdeel met de vragen van de leiderschapschecklist over {name}:",
        "Check this part with the leadership checklist's questions on {name}:",
    ),
    "to_checklist": Text("Naar de checklist: {name}", "To the checklist: {name}"),
    "previous": Text("Vorige bouwsteen", "Previous building block"),
    "next": Text("Volgende bouwsteen", "Next building block"),
    "block": Text("Bouwsteen {n}", "Building block {n}"),
    "blocks_nav": Text("Bouwstenen", "Building blocks"),
    "advice_all": Text("Alle adviezen van deze checklist", "All advice in this checklist"),
    "read_more": Text("Lees verder", "Read more"),
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
        "beoordelen: dat telt niet mee in de score, wel in de dekking.\n"
        "- Je antwoorden worden bij elke keuze in deze browser bewaard en nergens heen gestuurd. "
        "Hoe de score wordt berekend, lees je op [Zo werkt de score]({method}).",
        "- Judge what you see happening, not what plans say.\n"
        "- {low} means *{low_label}*, {high} *{high_label}*. Choose *{unknown}* if you really cannot judge: "
        "it does not count towards the score, only towards the coverage.\n"
        "- Your answers are saved in this browser with every choice and sent nowhere. "
        "How the score is calculated is explained in [How scoring works]({method}).",
    ),
    "form_title": Text("De vragen", "The questions"),
    "advice_title": Text("Adviezen en hoofdstukken", "Advice and chapters"),
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
    "rejected": Text(
        "Een deel van de bewaarde antwoorden past niet bij deze checklist en is genegeerd.",
        "Some saved answers do not fit this checklist and have been ignored.",
    ),
}


@cache
def _checklists() -> dict[str, Checklist]:
    # every definition, validated once per build process
    return load_all(DEFINITIONS)


@cache
def _blocks() -> tuple[dict[str, Any], ...]:
    # the building-block list, with its names as Text
    data = parse_yaml(BLOCKS_FILE.read_text(encoding="utf-8"), file=BLOCKS_FILE.name)
    return tuple({**b, "name": Text.from_dict(b["name"], f"[{i}].name")} for i, b in enumerate(data))


def _lang(env: Any) -> str:
    # the page's language: the i18n plugin's file locale, else the theme language
    locale = getattr(env.page.file, "locale", None) if env.page else None
    return locale or env.conf["theme"]["language"] or "nl"


def _link(env: Any, target: str) -> str:
    # a docs-relative Markdown path made relative to the current page's source file
    current = PurePosixPath(env.page.file.src_uri).parent
    page, _, anchor = target.partition("#")
    rel = get_relative_url(page, str(current) if str(current) != "." else "")
    return rel + (f"#{anchor}" if anchor else "")


def _url(env: Any, target: str) -> str:
    # the URL of a docs page (with anchor) relative to the current page's URL
    page, _, anchor = target.partition("#")
    url = page[:-3] + "/" if page.endswith(".md") else page
    url = url[: -len("index/")] if url.endswith("index/") else url
    rel = get_relative_url(url or ".", env.page.url or ".")
    rel = rel if rel.endswith("/") else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def _json_script(data: Any, cls: str, for_id: str) -> str:
    # JSON inside <script>: "</" and "<!--" can't end or confuse the element
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/").replace("<!--", "<\\!--")
    return f'<script type="application/json" class="{cls}" data-cx-for="{escape(for_id)}">{text}</script>'


def _block(env: Any) -> dict[str, Any]:
    # the building block whose chapter is the current page
    src = env.page.file.src_uri
    name = src.rsplit(".", 2)[0] + ".md" if src.count(".") > 1 else src
    for block in _blocks():
        if block["page"] == name:
            return block
    raise ValueError(f"{src} is not a building-block chapter (see macros/blocks.yml)")


def render_form(checklist: Checklist, lang: str, engine: dict[str, str], links: dict[str, str]) -> str:
    """The checklist as a static, accessible form plus its definition as JSON."""
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
    result_id = f"{checklist.id}-result"
    messages = {key: text.get(lang) for key, text in MESSAGES.items()}
    payload = {"definition": checklist.to_dict(), "links": links, "messages": messages}
    return (
        f'<form class="cx-checklist" id="cx-{checklist.id}" data-cx-checklist="{checklist.id}" '
        f'data-cx-version="{checklist.version}" data-cx-lang="{lang}" data-cx-pyodide="{escape(engine["pyodide"])}" '
        f'data-cx-wheel="{escape(engine["wheel"])}" data-cx-engine="{ENGINE_VERSION}" novalidate>'
        f'<p class="cx-live" data-cx-announce aria-live="polite"></p>'
        f'<p class="cx-status" data-cx-status role="status"></p>'
        f'<p class="cx-notice" data-cx-notice role="alert" hidden></p>'
        f'<noscript><p class="cx-status">{escape(UI["noscript"].get(lang))}</p></noscript>'
        f"{''.join(sections)}</form>"
        f'<section class="cx-result" id="{result_id}" data-cx-result-for="{checklist.id}" '
        f'aria-labelledby="{result_id}-title">'
        f'<h2 class="cx-result__title" id="{result_id}-title">{escape(UI["result"].get(lang))}</h2>'
        f'<div class="cx-result__body" data-cx-result><p>{escape(UI["result_wait"].get(lang))}</p></div></section>'
        + _json_script(payload, "cx-definition", checklist.id)
    )


def define_env(env: Any) -> None:
    """Register the playbook's macros."""

    def engine() -> dict[str, str]:
        info = env.conf["extra"].get("cx_engine")
        if not info:
            raise ValueError("the engine hook (overrides/hooks/engine.py) did not run: check `hooks:` in mkdocs.yml")
        return info

    def _get(name: str) -> Checklist:
        # a shipped checklist by id, or a build error naming the page
        checklists = _checklists()
        if name not in checklists:
            known = ", ".join(sorted(checklists))
            raise ValueError(f"unknown checklist {name!r} on {env.page.file.src_uri} (known: {known})")
        return checklists[name]

    @env.macro
    def checklist(name: str) -> str:
        """Render the checklist `name` as an accessible form with its result panel."""
        found = _get(name)
        links = {link: _url(env, link) for link in found.chapter_links()}
        return render_form(found, _lang(env), engine(), links)

    @env.macro
    def checklist_page(name: str) -> str:
        """A whole checklist page below its title: intro, how to answer, the form and all advice."""
        found, lang = _get(name), _lang(env)
        scale = found.scale
        how = (
            UI["how"]
            .get(lang)
            .format(
                low=scale.low,
                high=scale.high,
                low_label=scale.labels[0].get(lang).lower(),
                high_label=scale.labels[-1].get(lang).lower(),
                unknown=scale.unknown.get(lang).lower(),
                method=_link(env, "checklists/method.md"),
            )
        )
        return "\n\n".join(
            [
                found.intro.get(lang),
                f"## {UI['how_title'].get(lang)} {{ #how-to-answer }}",
                how,
                f"## {UI['form_title'].get(lang)} {{ #the-checklist }}",
                checklist(name),
                f"## {UI['advice_title'].get(lang)} {{ #advice }}",
                checklist_advice(name),
            ]
        )

    @env.macro
    def checklist_advice(name: str) -> str:
        """Every advice of a checklist with its chapter links, as Markdown the strict build checks."""
        found, lang = _get(name), _lang(env)
        more = UI["read_more"].get(lang)
        lines = [f'??? tip "{UI["advice_all"].get(lang)}"', ""]
        for number, section in enumerate(found.sections, 1):
            link = f" [{more}]({_link(env, section.chapter)})" if section.chapter else ""
            advice = section.advice.get(lang) if section.advice else ""
            lines.append(f"    {number}. **{section.title.get(lang)}.** {advice}{link}")
            for q_number, question in enumerate(section.questions, 1):
                if question.chapter and question.chapter != section.chapter:
                    target = _link(env, question.chapter)
                    lines.append(f"        - {number}.{q_number} [{question.text.get(lang)}]({target})")
        return "\n".join(lines) + "\n"

    @env.macro
    def team_view() -> str:
        """The team session tool: drop exports in, see the team's picture (built in the browser)."""
        return ""

    @env.macro
    def forget_button() -> str:
        """A button that erases every localStorage key of this site, after confirmation."""
        lang = _lang(env)
        return (
            f'<p><button type="button" class="md-button cx-forget" data-cx-forget '
            f'data-cx-confirm="{escape(UI["forget_confirm"].get(lang))}" '
            f'data-cx-done="{escape(UI["forget_done"].get(lang))}">{escape(UI["forget"].get(lang))}</button></p>'
            '<p class="cx-forget__status" role="status" data-cx-forget-status></p>'
        )

    @env.macro
    def method_scale(name: str = "leadership") -> str:
        """The answer scale of a checklist and the points per answer, as a table."""
        return method.scale_table(_get(name), _lang(env))

    @env.macro
    def method_example(name: str = "leadership") -> str:
        """A worked example computed by the engine at build time."""
        return method.worked_example(_get(name), _lang(env))

    @env.macro
    def method_levels() -> str:
        """Every checklist's levels, with a heading per checklist and a link to its page."""
        lang, parts = _lang(env), []
        for name, found in _checklists().items():
            parts.append(f"### {found.title.get(lang)} {{ #levels-{name} }}")
            parts.append(f"[{found.title.get(lang)}]({_link(env, f'checklists/{name}.md')})")
            parts.append(method.levels_table(found, lang))
        return "\n\n".join(parts)

    @env.macro
    def checklist_overview() -> str:
        """A card per checklist page that exists, with its title and intro."""
        lang = _lang(env)
        cards = []
        for name, found in _checklists().items():
            page = f"checklists/{name}.md"
            cards.append(f"-   __[{found.title.get(lang)}]({_link(env, page)})__\n\n    {found.intro.get(lang)}")
        return '<div class="grid cards cx-checklists" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"

    @env.macro
    def blocks_overview() -> str:
        """The nine building blocks as a clickable grid of cards."""
        lang = _lang(env)
        cards = [f"-   __{b['number']}. [{b['name'].get(lang)}]({_link(env, b['page'])})__" for b in _blocks()]
        return '<div class="grid cards cx-blocks" markdown>\n\n' + "\n".join(cards) + "\n\n</div>"

    @env.macro
    def block_checklist() -> str:
        """The sentence and link from a building-block chapter to its section of the leadership checklist."""
        block, lang = _block(env), _lang(env)
        name = block["name"].get(lang)
        target = _link(env, f"checklists/leadership.md#leadership-{block['section']}")
        sentence = UI["checklist_block"].get(lang).format(name=name)
        button = UI["to_checklist"].get(lang).format(name=name)
        return f"{sentence}\n\n[{button}]({target}){{ .md-button }}"

    @env.macro
    def block_nav() -> str:
        """Previous/next links between the building-block chapters."""
        block, lang = _block(env), _lang(env)
        blocks = _blocks()
        index = blocks.index(block)
        links = []
        if index > 0:
            prev = blocks[index - 1]
            links.append(
                f'<a class="cx-blocknav__prev" href="{escape(_url(env, prev["page"]))}" rel="prev">'
                f'<span class="cx-blocknav__dir">{escape(UI["previous"].get(lang))}</span> '
                f"{prev['number']}. {escape(prev['name'].get(lang))}</a>"
            )
        if index < len(blocks) - 1:
            nxt = blocks[index + 1]
            links.append(
                f'<a class="cx-blocknav__next" href="{escape(_url(env, nxt["page"]))}" rel="next">'
                f'<span class="cx-blocknav__dir">{escape(UI["next"].get(lang))}</span> '
                f"{nxt['number']}. {escape(nxt['name'].get(lang))}</a>"
            )
        label = escape(UI["blocks_nav"].get(lang))
        return f'<nav class="cx-blocknav" aria-label="{label}">{"".join(links)}</nav>'
