"""mkdocs-macros module: turns checklist definitions and the building-block list into HTML.

Declarative only: every scoring rule lives in the `checklists` engine.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils import get_relative_url

from checklists.load import DEFINITIONS, load_all, parse_yaml
from checklists.model import Checklist, ChecklistError, Text

from . import method
from .editorial import Editorial, abbreviations, cited_sources
from .forms import render_form, render_team_view

BLOCKS_FILE = Path(__file__).parent / "blocks.yml"

UI = {
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
    "cited_none": Text("Deze pagina citeert geen bronnen.", "This page cites no sources."),
    "story_more": Text("het hele verhaal", "the full story"),
    "chapter_checklist": Text(
        "Toets waar jullie staan met de checklist {name}.", "See where you stand with the checklist {name}."
    ),
    "glossary_term": Text("Term", "Term"),
    "glossary_other": Text("English", "Nederlands"),
    "glossary_definition": Text("Betekenis", "Meaning"),
    "advice_title": Text("Adviezen en hoofdstukken", "Advice and chapters"),
}


@cache
def _load(directory: str, docs: str) -> dict[str, Checklist]:
    # every definition, validated once per build process, with its chapter links checked against the docs
    checklists = load_all(Path(directory))
    for checklist in checklists.values():
        check_links(checklist, Path(docs))
    return checklists


def check_links(checklist: Checklist, docs: Path) -> None:
    """Every chapter link must name an existing page (both editions) and, if given, an existing heading id."""
    places = [(f"sections[{i}].chapter", s.chapter) for i, s in enumerate(checklist.sections)]
    places += [
        (f"sections[{i}].questions[{j}].chapter", q.chapter)
        for i, s in enumerate(checklist.sections)
        for j, q in enumerate(s.questions)
    ]
    for path, link in places:
        if not link:
            continue
        page, _, anchor = link.partition("#")
        for edition in (docs / page, docs / page.replace(".md", ".en.md")):
            if not edition.is_file():
                message = f"links to {edition.relative_to(docs)}, which does not exist"
                raise ChecklistError(path, message, file=f"{checklist.id}.yml")
            if anchor and f"#{anchor}" not in re.findall(r"\{ *(#[a-z0-9-]+) *\}", edition.read_text(encoding="utf-8")):
                message = f"links to #{anchor}, which {edition.relative_to(docs)} does not have"
                raise ChecklistError(path, message, file=f"{checklist.id}.yml")


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


def _block(env: Any) -> dict[str, Any]:
    # the building block whose chapter is the current page
    src = env.page.file.src_uri
    name = src.rsplit(".", 2)[0] + ".md" if src.count(".") > 1 else src
    for block in _blocks():
        if block["page"] == name:
            return block
    raise ValueError(f"{src} is not a building-block chapter (see macros/blocks.yml)")


def define_env(env: Any) -> None:
    """Register the playbook's macros."""
    editorial = Editorial.load()

    def _checklists() -> dict[str, Checklist]:
        # the definitions directory can be overridden (extra.cx_definitions) for tests of broken definitions
        directory = env.conf["extra"].get("cx_definitions") or str(DEFINITIONS)
        return _load(str(Path(env.project_dir) / directory), env.conf["docs_dir"])

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
        """Render the checklist `name` as an accessible form with its result panel and tools."""
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
                '<div class="cx-noprint" markdown>',
                found.intro.get(lang),
                f"## {UI['how_title'].get(lang)} {{ #how-to-answer }}",
                how,
                f"## {UI['form_title'].get(lang)} {{ #the-checklist }}",
                "</div>",
                checklist(name),
                '<div class="cx-noprint" markdown>',
                f"## {UI['advice_title'].get(lang)} {{ #advice }}",
                checklist_advice(name),
                "</div>",
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
        checklists = _checklists()
        links = {name: {link: _url(env, link) for link in c.chapter_links()} for name, c in checklists.items()}
        return render_team_view(checklists, _lang(env), engine(), links)

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

    @env.macro
    def cite(source: str, who: str | None = None) -> str:
        """A footnote's text: the source in the one citation style, the person it names, and a link to it."""
        lang = _lang(env)
        if source not in editorial.sources:
            raise ValueError(f"unknown source {source!r} on {env.page.file.src_uri} (see macros/sources.yml)")
        found = editorial.sources[source]
        person = f" — {who}" if who else ""
        return f"[{found.citation(lang)}]({_link(env, 'about/sources.md#' + found.anchor)}){person}."

    @env.macro
    def page_sources() -> str:
        """The sources this page cites, as a list linking to the sources page."""
        lang = _lang(env)
        ids = cited_sources(env.markdown)
        if not ids:
            return UI["cited_none"].get(lang)
        found = [editorial.sources[i] for i in ids if i in editorial.sources]
        return "\n".join(f"- [{s.citation(lang)}]({_link(env, 'about/sources.md#' + s.anchor)})" for s in found)

    @env.macro
    def source_entry(source: str) -> str:
        """The full citation of one source for the sources page, with its notes."""
        lang = _lang(env)
        found = editorial.sources[source]
        lines = [found.citation(lang) + "."]
        for note in (found.title_note, found.note):
            if note:
                lines.append(f"({note.get(lang)})")
        if found.isbn:
            lines.append(f"ISBN {found.isbn}.")
        return " ".join(lines)

    @env.macro
    def story_link(story: str) -> str:
        """A Markdown link to the chapter that tells a story in full."""
        lang = _lang(env)
        if story not in editorial.stories:
            raise ValueError(f"unknown story {story!r} on {env.page.file.src_uri} (see macros/stories.yml)")
        found = editorial.stories[story]
        return f"[{found.title.get(lang)}]({_link(env, found.home)})"

    @env.macro
    def glossary() -> str:
        """The term list as a table: the term, its translation and its definition."""
        lang = _lang(env)
        other = "nl" if lang == "en" else "en"
        head = " | ".join(UI[key].get(lang) for key in ("glossary_term", "glossary_other", "glossary_definition"))
        rows = [f"| {head} |", "|---|---|---|"]
        for term in editorial.terms:
            rows.append(f"| {term.term.get(lang)} | {term.term.get(other)} | {term.definition.get(lang)} |")
        return "\n".join(rows)

    @env.macro
    def chapter_checklist() -> str:
        """The link from a chapter to its checklist: a block's leadership section, else front matter `checklist:`."""
        if env.page.file.src_uri.startswith("blocks/"):
            return block_checklist()
        lang = _lang(env)
        name = env.page.meta.get("checklist")
        if not name:
            raise ValueError(f"{env.page.file.src_uri} needs `checklist:` in its front matter for chapter_checklist()")
        found = _get(name)
        target = _link(env, f"checklists/{name}.md")
        title = found.title.get(lang)
        return f"{UI['chapter_checklist'].get(lang).format(name=f'[{title}]({target})')}"

    env.variables["cx_abbreviations"] = {lang: abbreviations(editorial.terms, lang) for lang in ("nl", "en")}


def on_post_page_macros(env: Any) -> None:
    """Append the term list's hover definitions in the page's language (Markdown abbreviations)."""
    env.markdown += "\n\n" + env.variables["cx_abbreviations"][_lang(env)] + "\n"
