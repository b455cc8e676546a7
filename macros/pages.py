"""The macros the chapters call: checklists, building blocks, citations, stories, the glossary.

Declarative only: every scoring rule lives in the `checklists` engine, every sentence in `strings.py`.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.utils import get_relative_url

from checklists.load import DEFINITIONS
from checklists.model import LANGUAGES, Checklist
from checklists.report import FIRST_90_DAYS

from . import forms, method, plays
from .editorial import abbreviations, cited_sources
from .forms import render_team_view
from .site import SiteData
from .strings import t
from .workshops import render as workshop_card


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


def _page_url(page: str) -> str:
    # a docs page's URL in the default edition: "blocks/culture.md" -> "blocks/culture/", "index.md" -> ""
    url = page[:-3] + "/" if page.endswith(".md") else page
    return url[: -len("index/")] if url.endswith("index/") else url


def _url(env: Any, target: str) -> str:
    # the URL of a docs page (with anchor) in the current page's edition, relative to the current page's URL
    page, _, anchor = target.partition("#")
    here = env.page.url or ""
    own = _page_url(re.sub(r"\.[a-z]{2}\.md$", ".md", env.page.file.src_uri))  # this page in the default edition
    edition = here[: len(here) - len(own)] if here.endswith(own) else ""  # "en/" on an English page, else ""
    rel = get_relative_url(edition + _page_url(page) or ".", here or ".")
    rel = rel if rel.endswith("/") else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


WORKSHOP_LABELS = ("time", "people", "materials", "steps", "output", "follow_up", "background")
SECONDS_PER_STATEMENT = 25
"""How long a considered answer takes, anchors read: 36 statements take about a quarter of an hour."""


def minutes(checklist: Checklist) -> int:
    """The time a checklist takes, in whole five minutes (at least five)."""
    seconds = len(checklist.answer_ids) * SECONDS_PER_STATEMENT
    return max(5, -(-seconds // 300) * 5)


def load(env: Any) -> SiteData:
    """This build's data; `extra.cx_definitions` can point at other definitions (tests of broken ones)."""
    directory = env.conf["extra"].get("cx_definitions") or str(DEFINITIONS)
    return SiteData.load(Path(env.project_dir) / directory, Path(env.conf["docs_dir"]))


def append_abbreviations(env: Any) -> None:
    """Append the term list's hover definitions in the page's language (Markdown abbreviations)."""
    env.markdown += "\n\n" + env.variables["cx_abbreviations"][_lang(env)] + "\n"


def start_page(env: Any) -> None:
    """Before a page's macros run: no source cited on it yet (so its first footnote per source is the full one)."""
    env.variables["cx_cited"][env.page.file.src_uri] = set()


def register(env: Any) -> None:
    """Register every macro over this build's data."""
    site = load(env)
    env.variables["cx_abbreviations"] = {lang: abbreviations(site.editorial.terms, lang) for lang in LANGUAGES}
    # the sources already cited on each page, by source file: new for every build, reset before every page
    env.variables["cx_cited"] = {}

    def _get(name: str) -> Checklist:
        # a shipped checklist by id, or a build error naming the page
        if name not in site.checklists:
            known = ", ".join(sorted(site.checklists))
            raise ValueError(f"unknown checklist {name!r} on {env.page.file.src_uri} (known: {known})")
        return site.checklists[name]

    def _links(found: Checklist) -> dict[str, str]:
        # every chapter the result may link to, as a URL relative to this page
        pages = (*found.chapter_links(), FIRST_90_DAYS)  # every result ends with the way to start
        return {link: _url(env, link) for link in pages}

    @env.macro
    def checklist(name: str) -> str:
        """The checklist's form, its result (with a table-of-contents entry) and its tools, as Markdown."""
        found, lang = _get(name), _lang(env)
        return "\n\n".join(
            [
                '<div class="cx-run" markdown>',
                forms.shared(found, lang),
                forms.shared_answers(found, lang),
                forms.form(found, lang),
                f"## {t('result', lang)} {{ #result .cx-result__title }}",
                forms.panel(found, lang),
                f"## {t('tools_title', lang)} {{ #tools .cx-noprint }}",
                forms.tools(found, lang),
                "</div>",
                forms.payload(found, lang, _links(found)),
            ]
        )

    @env.macro
    def checklist_page(name: str) -> str:
        """A whole checklist page below its title: what it is and what it takes, the form, the result, the advice."""
        found, lang = _get(name), _lang(env)
        scale = found.scale
        how = t(
            "how",
            lang,
            low=scale.low,
            high=scale.high,
            low_label=scale.labels[0].get(lang).lower(),
            high_label=scale.labels[-1].get(lang).lower(),
            unknown=scale.unknown.get(lang).lower(),
            method=_link(env, "checklists/method.md"),
        )
        how_block = "\n\n".join([found.intro.get(lang), how])
        how_block = "\n".join("    " + line if line else "" for line in how_block.splitlines())
        lede = f'<p class="cx-lede">{escape(found.summary.get(lang))}</p>' if found.summary else ""
        effort = t("effort", lang, n=len(found.question_ids), minutes=minutes(found))
        back = (
            f'<p class="cx-return" data-cx-return-for="{found.id}" hidden><a href="#result">'
            f"{escape(t('return_visit', lang))} <strong data-cx-return-text></strong></a></p>"
        )
        return "\n\n".join(
            [
                f'<div class="cx-intro cx-noprint" markdown>\n\n{lede}\n\n{effort}\n{{: .cx-effort }}\n\n{back}',
                f'??? info "{t("how_summary", lang)}"\n\n{how_block}',
                "</div>",
                checklist(name),
                '<div class="cx-noprint" markdown>',
                f"## {t('advice_title', lang)} {{ #advice }}",
                checklist_advice(name),
                "</div>",
            ]
        )

    @env.macro
    def checklist_advice(name: str) -> str:
        """Every advice of a checklist with its chapter links, as Markdown the strict build checks."""
        found, lang = _get(name), _lang(env)
        more = t("read_more", lang)
        lines = [f'??? tip "{t("advice_all", lang)}"', ""]
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
        links = {name: {link: _url(env, link) for link in c.chapter_links()} for name, c in site.checklists.items()}
        return render_team_view(site.checklists, _lang(env), links)

    @env.macro
    def forget_button() -> str:
        """A button that erases every localStorage key of this site, after confirmation."""
        lang = _lang(env)
        return (
            f'<p><button type="button" class="md-button cx-forget" data-cx-forget '
            f'data-cx-confirm="{escape(t("forget_confirm", lang))}" '
            f'data-cx-done="{escape(t("forget_done", lang))}">{escape(t("forget", lang))}</button></p>'
            '<p class="cx-forget__status" role="status" data-cx-forget-status></p>'
        )

    @env.macro
    def method_scale(name: str = "leadership") -> str:
        """The answer scale of a checklist and the points per answer, as a table."""
        return method.scale_table(_get(name), _lang(env))

    @env.macro
    def method_rules(name: str = "leadership") -> str:
        """Every scoring rule the engine applies, with the checklist's own numbers."""
        return method.rules(_get(name), _lang(env))

    @env.macro
    def method_example(name: str = "leadership") -> str:
        """A worked example computed by the engine at build time."""
        return method.worked_example(_get(name), _lang(env))

    @env.macro
    def method_levels() -> str:
        """Every checklist's levels, with a heading per checklist and a link to its page."""
        lang, parts = _lang(env), []
        for name, found in site.checklists.items():
            parts.append(f"### {found.title.get(lang)} {{ #levels-{name} }}")
            parts.append(f"[{found.title.get(lang)}]({_link(env, f'checklists/{name}.md')})")
            parts.append(method.levels_table(found, lang))
        return "\n\n".join(parts)

    def _in_order() -> list[Checklist]:
        # the checklists as the overview offers them: the leadership checklist first, the rest as defined
        return sorted(site.checklists.values(), key=lambda found: found.id != "leadership")

    def _effort(found: Checklist, lang: str) -> str:
        # "36 statements · about 15 minutes · for the board"
        who = t("for_whom", lang, who=found.respondent.get(lang)) if found.respondent else ""
        parts = [t("effort_short", lang, n=len(found.question_ids), minutes=minutes(found)), who]
        return " · ".join(part for part in parts if part)

    @env.macro
    def checklist_overview() -> str:
        """A card per checklist: its title, one line of purpose, how many statements, how long, and who answers."""
        lang = _lang(env)
        cards = []
        for found in _in_order():
            page = f"checklists/{found.id}.md"
            purpose = f"{found.summary.get(lang)}\n\n    " if found.summary else ""
            cards.append(
                f"-   __[{found.title.get(lang)}]({_link(env, page)})__\n\n    {purpose}"
                f'<span class="cx-card__effort">{escape(_effort(found, lang))}</span>'
            )
        return '<div class="grid cards cx-checklists" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"

    @env.macro
    def start_here() -> str:
        """The home page's one call to action: the leadership checklist, with what it takes."""
        lang, found = _lang(env), _get("leadership")
        target = _link(env, "checklists/leadership.md")
        button = f"[{t('start_here', lang)}]({target}){{ .md-button .md-button--primary }}"
        return f'{button} <span class="cx-start__effort">{escape(_effort(found, lang))}</span>\n{{: .cx-start }}'

    @env.macro
    def blocks_overview() -> str:
        """The nine building blocks as a clickable grid of cards."""
        lang = _lang(env)
        cards = [f"-   __{b.number}. [{b.name.get(lang)}]({_link(env, b.page)})__" for b in site.blocks]
        return '<div class="grid cards cx-blocks" markdown>\n\n' + "\n".join(cards) + "\n\n</div>"

    @env.macro
    def block_checklist() -> str:
        """The sentence and link from a building-block chapter to its section of the leadership checklist."""
        block, lang = site.block_of(env.page.file.src_uri), _lang(env)
        name = block.name.get(lang)
        target = _link(env, f"checklists/leadership.md#leadership-{block.section}")
        button = f"[{t('to_checklist', lang, name=name)}]({target}){{ .md-button }}"
        return f"{t('checklist_block', lang, name=name)}\n\n{button}"

    @env.macro
    def chapter_checklist() -> str:
        """The link from a chapter to its checklist: a block's leadership section, else front matter `checklist:`."""
        if env.page.file.src_uri.startswith("blocks/"):
            return block_checklist()
        name = env.page.meta.get("checklist")
        if not name:
            raise ValueError(f"{env.page.file.src_uri} needs `checklist:` in its front matter for chapter_checklist()")
        found, lang = _get(name), _lang(env)
        title = f"[{found.title.get(lang)}]({_link(env, f'checklists/{name}.md')})"
        return t("chapter_checklist", lang, name=title)

    @env.macro
    def play() -> str:
        """The chapter's play card, from `macros/plays/<part>-<name>.yml`, under the chapter's title."""
        page, lang = env.page.file.src_uri, _lang(env)
        key = plays.file_of(page).stem
        if key not in site.plays:
            raise ValueError(f"{page} calls play() but macros/plays/{key}.yml does not exist")
        if page.startswith("blocks/"):
            block = site.block_of(page)
            kicker = t("play_block", lang, number=block.number, total=len(site.blocks))
            target, name = f"checklists/leadership.md#leadership-{block.section}", block.name.get(lang)
        else:
            found = _get(env.page.meta.get("checklist") or "")
            # the organising chapters' kicker, or the part's own (`play_board` for board/ pages)
            kicker = t("play_board" if page.startswith("board/") else "play_chapter", lang)
            target, name = f"checklists/{found.id}.md", found.title.get(lang)
        link = f"[{t('play_checklist', lang, name=name)}]({_link(env, target)}){{ .md-button .md-button--primary }}"
        labels = (t("play_actions", lang), t("play_questions", lang))
        return plays.render(site.plays[key], lang, kicker, labels, link)

    @env.macro
    def workshops() -> str:
        """Every workshop card (macros/workshops/), in the order of their files, each under its own heading."""
        lang = _lang(env)
        labels = {key: t(f"workshop_{key}", lang) for key in WORKSHOP_LABELS}
        cards = [workshop_card(card, lang, labels, _link(env, card.chapter)) for card in site.workshops.values()]
        return "\n\n".join(cards)

    @env.macro
    def block_nav() -> str:
        """Previous/next links between the building-block chapters."""
        block, lang = site.block_of(env.page.file.src_uri), _lang(env)
        index = site.blocks.index(block)
        links = []
        for step, direction, rel in ((-1, "previous", "prev"), (1, "next", "next")):
            if 0 <= index + step < len(site.blocks):
                other = site.blocks[index + step]
                links.append(
                    f'<a class="cx-blocknav__{rel}" href="{escape(_url(env, other.page))}" rel="{rel}">'
                    f'<span class="cx-blocknav__dir">{escape(t(direction, lang))}</span> '
                    f"{other.number}. {escape(other.name.get(lang))}</a>"
                )
        return f'<nav class="cx-blocknav" aria-label="{escape(t("blocks_nav", lang))}">{"".join(links)}</nav>'

    @env.macro
    def cite(source: str, who: str | None = None) -> str:
        """A footnote's text: the source (in full the first time on a page, then by its short name), who, a link."""
        page = env.page.file.src_uri
        if source not in site.editorial.sources:
            raise ValueError(f"unknown source {source!r} on {page} (see macros/sources.yml)")
        found, lang = site.editorial.sources[source], _lang(env)
        seen = env.variables["cx_cited"].setdefault(page, set())
        text = found.short_citation(lang) if source in seen else found.citation(lang)
        seen.add(source)
        person = f" — {who}" if who else ""
        return f"[{text}]({_link(env, 'about/sources.md#' + found.anchor)}){person}."

    @env.macro
    def page_sources() -> str:
        """The sources this page cites, as a list linking to the sources page."""
        lang = _lang(env)
        found = [site.editorial.sources[i] for i in cited_sources(env.markdown) if i in site.editorial.sources]
        if not found:
            return t("cited_none", lang)
        items = "\n".join(f"- [{s.citation(lang)}]({_link(env, 'about/sources.md#' + s.anchor)})" for s in found)
        # out of the search index, as the footnotes are (overrides/hooks/search.py): the sources page has them
        return f'<div class="cx-sources" data-search-exclude markdown>\n\n{items}\n\n</div>'

    @env.macro
    def source_entry(source: str) -> str:
        """The full citation of one source for the sources page, with its notes."""
        lang, found = _lang(env), site.editorial.sources[source]
        lines = [found.citation(lang) + "."]
        lines += [f"({note.get(lang)})" for note in (found.title_note, found.note) if note]
        if found.isbn:
            lines.append(f"ISBN {found.isbn}.")
        return " ".join(lines)

    @env.macro
    def story_link(story: str) -> str:
        """A Markdown link to the chapter that tells a story in full."""
        if story not in site.editorial.stories:
            raise ValueError(f"unknown story {story!r} on {env.page.file.src_uri} (see macros/stories.yml)")
        found = site.editorial.stories[story]
        return f"[{found.title.get(_lang(env))}]({_link(env, found.home)})"

    @env.macro
    def glossary() -> str:
        """The term list as a table: the term, its translation and its definition."""
        lang = _lang(env)
        other = "nl" if lang == "en" else "en"
        head = " | ".join(t(key, lang) for key in ("term", "other_language", "meaning"))
        rows = [f"| {head} |", "|---|---|---|"]
        rows += [
            f"| {x.term.get(lang)} | {x.term.get(other)} | {x.definition.get(lang)} |"
            for x in site.editorial.terms
            if x.glossary  # house-style decisions are enforced by the term test, not listed
        ]
        return "\n".join(rows)
