"""The editorial rules: every fact from the articles has a footnote, every story one home, every concept one word.

Each rule is a pure function over Markdown, run on every chapter and on a bad example (the negative control).
Issue #21 added the recurring quotations, the play cards, labelled glosses, one footnote per article, years,
sourced checklist pages and hover definitions, one board-questions title, footnotes in reference order with a
page's later footnotes in short form, and `who="Name, Organisation"`.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from checklists.model import Checklist, Text
from macros.editorial import Editorial, Quote, Source, Term, cited_sources
from macros.strings import t
from tests.conftest import ROOT

DOCS = ROOT / "docs"
EDITORIAL = Editorial.load()
# the sources page cites by its nature; the print page is assembled from the chapters
NO_FOOTNOTE_RULE = {"about/sources.md", "print.md"}
# pages about how the site is built may name its parts; reader pages may not
ENGINEERING = re.compile(r"\b(Python|Pyodide|JavaScript|WebAssembly|wasm|localStorage|[Ww]orker|module)\b")
ENGINEERING_ALLOWED = {"about/colophon.md", "about/privacy.md"}
CLOSING = ["on-monday", "board-questions", "checklist", "sources"]
HEADING_ID = re.compile(r"^#{2,6} .*\{ *#([a-z0-9-]+) *\}\s*$", re.M)
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
LINK = re.compile(r"\]\(([^)\s]+)\)")
EDITORIAL_PAGES = re.compile(r"^(blocks|organising|start|board|checklists|tools)/|^index\.md$")
"""The pages that retell the articles: the rules on glosses, second articles, years and the ledger apply to them."""
ARTICLES = sorted(i for i, s in EDITORIAL.sources.items() if s.kind == "article")


def lang_of(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "nl"


def source_name(path: Path) -> str:
    """The page's Dutch file name relative to docs (both editions share it)."""
    return path.relative_to(DOCS).as_posix().replace(".en.md", ".md")


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def body(markdown: str) -> str:
    """The Markdown without front matter, code, comments and footnote definitions."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", "", text, flags=re.M)


def sectioned_units(markdown: str) -> list[tuple[str, str, str]]:
    """Each unit of prose with the ids of its `##` section and of the nearest heading above it ("" for the opening)."""
    text = body(markdown)
    text = re.split(r"^#{2} .*\{ *#sources *\}.*$", text, flags=re.M)[0]
    found: list[tuple[str, str, str]] = []
    part = section = ""
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in (raw.strip() for raw in block.splitlines()):
            if current and (line.startswith("#") or re.match(r"^([-*+]|\d+\.|\|)\s", line)):
                found.append((part, section, " ".join(current)))
                current = []
            heading = re.match(r"^(#{1,6}) .*\{ *#([a-z0-9-]+) *\}$", line)
            if heading:
                section = heading.group(2)
                part = section if len(heading.group(1)) == 2 else part
            if line and not line.startswith(("#", "!!!", "???", "<div", "</div")):
                current.append(line)
        if current:
            found.append((part, section, " ".join(current)))
    return found


def units(markdown: str) -> list[str]:
    """Paragraphs, list items and table rows of prose (headings, admonition titles and the sources section left out)."""
    return [unit for _, _, unit in sectioned_units(markdown)]


def prose(unit: str) -> str:
    """A unit without link targets, heading ids, macro calls and markup: the words a reader reads."""
    unit = re.sub(r"\{\{.*?\}\}|\{ *[#.][^}]*\}|<[^>]+>", " ", unit)
    return LINK.sub("]", unit)


def unsourced(markdown: str) -> list[str]:
    """The units that name a person, organisation or example, or give a figure, from the articles without a footnote."""
    found = []
    for unit in units(markdown):
        text = prose(unit)
        named = any(p.search(text) for s in EDITORIAL.sources.values() for p in s.names)
        figure = any(re.search(p.pattern, text, re.I) for s in EDITORIAL.sources.values() for p in s.figures)
        if (named or figure) and not FOOTNOTE_REF.search(unit):
            found.append(text[:120])
    return found


def footnote_style(markdown: str) -> list[str]:
    """Footnote definitions that do not use the one citation style (`{{ cite(...) }}`)."""
    definitions = re.findall(r"^\[\^[^\]]+\]:.*$", markdown, flags=re.M)
    return [d for d in definitions if not re.match(r'^\[\^[^\]]+\]: \{\{ cite\("[a-z0-9-]+"', d)]


def raw_sentences(text: str) -> list[str]:
    """The sentences of a text as written; the footnote references after a full stop stay with their sentence."""
    parts = re.split(r"([.!?](?:\[\^[^\]]+\])*)\s+", text)
    joined = ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]
    return [s for s in joined if s]


def sentences(unit: str) -> list[str]:
    """The sentences of a unit's prose."""
    return raw_sentences(prose(unit))


def resolves_to(page: str, target: str, home: str) -> bool:
    """Whether a relative Markdown link on `page` points at `home` (page.md#anchor)."""
    path, _, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    return f"{resolved}#{anchor}" == home


def story_problems(story_id: str, files: dict[str, str], lang: str) -> list[str]:
    """For one story in one language: the home tells it at length, every other page in passing with a link home."""
    story = EDITORIAL.stories[story_id]
    home_page, _, anchor = story.home.partition("#")
    problems = []
    for page, markdown in files.items():
        touching = []
        for unit in units(markdown):
            hits = [s for s in sentences(unit) if any(m.search(s) for m in story.markers[lang])]
            linked = f'story_link("{story_id}")' in unit or any(
                resolves_to(page, t, story.home) for t in LINK.findall(unit)
            )
            touching += [(hit, linked) for hit in hits]
        if page == home_page:
            if len(touching) < 3:
                problems.append(
                    f"{page} ({lang}) is the home of {story_id} but tells it in {len(touching)} sentence(s)"
                )
            if anchor not in HEADING_ID.findall(markdown):
                problems.append(f"{page} ({lang}) has no heading #{anchor} for {story_id}")
        elif len(touching) > 2:
            problems.append(f"{page} ({lang}) retells {story_id} ({len(touching)} sentences); its home is {story.home}")
        elif any(not linked for _, linked in touching):
            problems.append(f"{page} ({lang}) mentions {story_id} without a link to {story.home}")
    return problems


def variants(text: str, lang: str) -> list[str]:
    """The variants to avoid (from the term list) that occur in `text`."""
    found = []
    for term in EDITORIAL.terms:
        for variant in term.avoid[lang]:
            if re.search(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text, re.I):
                found.append(f"{variant!r} (say {term.term.get(lang)!r})")
    return found


FOOTNOTE_LABEL = re.compile(r"\[\^([^\]]+)\](?!:)")
FOOTNOTE_CITE = re.compile(r'^\[\^([^\]]+)\]: \{\{ cite\("([a-z0-9-]+)"', re.M)
WHO = re.compile(r'\bwho="([^"]*)"')
WHO_FORM = re.compile(r"^[^,()]+, (?![^,]*\b(bij|at|of|van|voor|for|formerly|eerder|voorheen)\b)[^,()]+$")
"""`who="Name, Organisation"`: one comma, no role ("… bij Boels", "… at Boels") and no aside in brackets."""
QUESTION_BOX = re.compile(r'^\s*[!?]{3}\+? question "([^"]*)"', re.M)
YEAR = re.compile(r"\b(19|20)\d\d\b")
GLOSS_LABEL = {
    "nl": re.compile(r"dit playbook|van ons|onze (lezing|invulling|indeling|conclusie)|ons advies", re.I),
    "en": re.compile(
        r"this playbook|the playbook's|\bours\b|our (reading|addition|grouping|conclusion)|our advice", re.I
    ),
}
"""The words that say a sentence is the playbook's own, not the source's."""
SHARED_NAMES = {
    "politie": {"sustainable-contact", "cco-debate"},
    "police": {"sustainable-contact", "cco-debate"},
    "radar": {"delight-review", "sustainable-contact"},
}
"""Names two articles share: a unit citing either may use them (the police in the CCM article and the debate)."""
QUOTE_EXEMPT = {"about/sources.md", "print.md"}
MAX_CARD_ITEM_WORDS, MAX_CARD_WORDS = 20, 130
PLAY_PARTS = ("blocks", "organising", "board")
WORD = re.compile(r"[\wÀ-ÿ'’-]+")


def source_hits(source: Source, text: str) -> list[str]:
    """The names (case-sensitive) and figures (case-insensitive) of one source that `text` contains."""
    hits = [m.group(0) for p in source.names for m in p.finditer(text)]
    return hits + [m.group(0) for p in source.figures for m in re.finditer(p.pattern, text, re.I)]


def footnote_sources(markdown: str) -> dict[str, str]:
    """Each footnote label of a page and the source its `cite()` names."""
    return dict(FOOTNOTE_CITE.findall(markdown))


def quote_pages(quote: Quote, files: dict[str, str], lang: str) -> set[str]:
    """The pages (sources and print pages excepted) with a sentence of prose that tells the quotation."""
    return {
        page
        for page, markdown in files.items()
        if page not in QUOTE_EXEMPT
        and any(m.search(s) for u in units(markdown) for s in sentences(u) for m in quote.markers[lang])
    }


def quote_problems(quote: Quote, files: dict[str, str], lang: str) -> list[str]:
    """A recurring quotation told on a page its entry does not allow."""
    allowed = ", ".join(quote.pages)
    return [
        f"{page} ({lang}) tells the quotation {quote.id}; only {allowed} may"
        for page in sorted(quote_pages(quote, files, lang) - set(quote.pages))
    ]


def card_problems(card: dict[str, Any]) -> list[str]:
    """A play card with an item over 20 words, over 130 words in a language, or a source's name or figure."""
    found = []
    for lang in ("nl", "en"):
        items = [card["title"][lang]] + [item[lang] for key in ("actions", "questions") for item in card[key]]
        found += [f"{lang}: over {MAX_CARD_ITEM_WORDS} words: {i}" for i in items if len(WORD.findall(i)) > 20]
        total = sum(len(WORD.findall(item)) for item in items)
        if total > MAX_CARD_WORDS:
            found.append(f"{lang}: {total} words, at most {MAX_CARD_WORDS}")
        for item in items:
            found += [
                f"{lang}: {h!r} from {s.id}: {item}" for s in EDITORIAL.sources.values() for h in source_hits(s, item)
            ]
    return found


def unlabelled_glosses(markdown: str, lang: str) -> list[str]:
    """Sentences after a unit's last footnote that neither link, ask, nor say they are the playbook's own."""
    found = []
    for unit in units(markdown):
        parts = raw_sentences(unit)
        cited = [i for i, sentence in enumerate(parts) if FOOTNOTE_LABEL.search(sentence)]
        for sentence in parts[cited[-1] + 1 :] if cited else []:
            text = prose(sentence).strip().rstrip("*_) ")
            if LINK.search(sentence) or "story_link(" in sentence or text.endswith("?"):
                continue
            if not GLOSS_LABEL[lang].search(text):
                found.append(text[:120])
    return found


def uncited_articles(markdown: str) -> list[str]:
    """Units with a footnote that name something from an article they do not cite (a second article's own footnote)."""
    labels, found = footnote_sources(markdown), []
    for unit in units(markdown):
        cited = {labels.get(label) for label in FOOTNOTE_LABEL.findall(unit)}
        if not cited:
            continue  # a unit without any footnote: test_every_fact_from_the_articles_has_a_footnote
        text = prose(unit)
        for source in ARTICLES:
            if source in cited:
                continue
            hits = [
                h
                for h in source_hits(EDITORIAL.sources[source], text)
                if not SHARED_NAMES.get(h.lower(), set()) & cited
            ]
            if hits:
                found.append(f"{hits[0]!r} is from {source}, which the unit does not cite: {text[:80]}")
    return found


def undated(markdown: str, lang: str) -> list[str]:
    """Per `##` section and cited article: the first unit that names something from it, if it gives no year (`when`)."""
    labels, seen, found = footnote_sources(markdown), set(), []
    for part, _, unit in sectioned_units(markdown):
        text = prose(unit)
        for source_id in sorted({labels.get(label) for label in FOOTNOTE_LABEL.findall(unit)} & set(ARTICLES)):
            source = EDITORIAL.sources[source_id]
            if (part, source_id) in seen or not source_hits(source, text):
                continue
            seen.add((part, source_id))
            when = source.when.get(lang).lower() if source.when else None
            if not YEAR.search(text) and not (when and when in text.lower()):
                found.append(f"#{part or '(opening)'}: {source_id} without a year: {text[:80]}")
    return found


def checklist_texts(item: Any) -> list[Text]:
    """Every human string of a checklist definition (or of any part of one), wherever it sits."""
    if isinstance(item, Text):
        return [item]
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return [t for f in dataclasses.fields(item) for t in checklist_texts(getattr(item, f.name))]
    if isinstance(item, (tuple, list)):
        return [t for part in item for t in checklist_texts(part)]
    return []


def unsourced_checklist_page(markdown: str, checklist: Checklist, lang: str) -> list[str]:
    """A checklist page that names a source (in its text or its definition) without citing it in a sources section."""
    texts = [prose(u) for u in units(markdown)] + [text.get(lang) for text in checklist_texts(checklist)]
    named = sorted({s.id for s in EDITORIAL.sources.values() for text in texts if source_hits(s, text)})
    if not named:
        return []
    found = [f"names {source} but does not cite it" for source in named if source not in cited_sources(markdown)]
    ids = HEADING_ID.findall(markdown)
    if not ids or ids[-1] != "sources" or "{{ page_sources() }}" not in markdown:
        found.append("names a source but does not end with a sources section ({{ page_sources() }})")
    return found


def term_problems(terms: tuple[Term, ...]) -> list[str]:
    """Definitions that draw on a source without `source:`, or name it nowhere although they have it."""
    found = []
    for term in terms:
        for lang in ("nl", "en"):
            definition = term.definition.get(lang)
            drawn = [s.id for s in EDITORIAL.sources.values() if source_hits(s, definition)]
            if drawn and not term.source:
                found.append(f"{term.id} ({lang}) names {drawn[0]} but has no source:")
            if term.source:
                source = EDITORIAL.sources[term.source]
                named = (
                    source.short.get(lang).lower() in definition.lower()
                    if source.short
                    else source_hits(source, definition)
                )
                if not named:
                    found.append(f"{term.id} ({lang}) rests on {term.source} but does not name it")
    return found


def question_titles(markdown: str, lang: str) -> list[str]:
    """Question boxes whose title is not the one board-questions title of the play cards."""
    return [title for title in QUESTION_BOX.findall(markdown) if title != t("play_questions", lang)]


def footnote_order(markdown: str) -> list[str]:
    """The footnote definitions, if they do not follow the order of their first reference."""
    defined = re.findall(r"^\[\^([^\]]+)\]:", markdown, flags=re.M)
    referenced = list(dict.fromkeys(FOOTNOTE_LABEL.findall(body(markdown))))
    got, expected = [x for x in defined if x in referenced], [x for x in referenced if x in defined]
    return [] if got == expected else [f"definitions in the order {got}, first references in the order {expected}"]


def citation_forms(html: str) -> list[tuple[str, str]]:
    """For each footnote of a built page in order: the source it links to and whether it gives the full citation."""
    start = re.search(r'<div class="footnote"[^>]*>', html)
    footnotes = html[start.start() :] if start else ""
    found = []
    for item in re.findall(r'<li id="fn:[^"]+">(.*?)</li>', footnotes, flags=re.S):
        match = re.search(r'<a href="[^"]*#src-([a-z0-9-]+)">(.*?)</a>', item, flags=re.S)
        if match and match.group(1) in EDITORIAL.sources:
            source, text = EDITORIAL.sources[match.group(1)], re.sub(r"<[^>]+>", "", match.group(2))
            short = source.short is not None and text in (source.short_citation("nl"), source.short_citation("en"))
            found.append((source.id, "short" if short else "full"))
    return found


def citation_form_problems(forms: list[tuple[str, str]]) -> list[str]:
    """An article's first footnote on a page not in full, or a later one not in its short form."""
    seen: set[str] = set()
    found = []
    for number, (source, form) in enumerate(forms, 1):
        expected = "short" if source in seen and EDITORIAL.sources[source].short else "full"
        if form != expected:
            found.append(f"footnote {number} ({source}) is {form}, expected {expected}")
        seen.add(source)
    return found


def who_problems(markdown: str) -> list[str]:
    """`who=` strings that are not "Name, Organisation"."""
    return [who for who in WHO.findall(markdown) if not WHO_FORM.match(who)]


def editions(lang: str) -> dict[str, str]:
    """Every page of one language by its Dutch name."""
    return {source_name(p): p.read_text(encoding="utf-8") for p in pages() if lang_of(p) == lang}


# --- the rules on every page ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [p for p in pages() if source_name(p) not in NO_FOOTNOTE_RULE],  # not the sources and print pages
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_every_fact_from_the_articles_has_a_footnote(path: Path) -> None:
    assert unsourced(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_footnotes_use_the_one_citation_style(path: Path) -> None:
    assert footnote_style(path.read_text(encoding="utf-8")) == []




@pytest.mark.parametrize(
    "story", sorted(EDITORIAL.stories)
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_story_is_told_once_and_linked_elsewhere(story: str, lang: str) -> None:
    files = {source_name(p): p.read_text(encoding="utf-8") for p in pages() if lang_of(p) == lang}
    files = {name: text for name, text in files.items() if name != "print.md"}
    assert story_problems(story, files, lang) == []


@pytest.mark.parametrize("path", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_variant_to_avoid_in_the_chapters(path: Path) -> None:
    text = " ".join(prose(u) for u in units(path.read_text(encoding="utf-8")))
    assert variants(text, lang_of(path)) == []


def checklist_variants(checklist: Checklist) -> list[str]:
    """The variants to avoid in any human string of a definition: statements, anchors, asks, gates, levels, advice…"""
    texts = checklist_texts(checklist)
    return [f"{checklist.id}: {v}" for text in texts for lang in ("nl", "en") for v in variants(text.get(lang), lang)]


def test_no_variant_to_avoid_in_checklists_and_blocks(definitions: dict) -> None:
    found = [v for checklist in definitions.values() for v in checklist_variants(checklist)]
    for block in BLOCK_LIST:
        found += [f"blocks.yml: {v}" for lang in ("nl", "en") for v in variants(block["name"][lang], lang)]
    assert found == []


def test_the_term_test_reads_every_human_string_of_a_definition(definitions: dict) -> None:
    checklists = list(definitions.values())
    texts = {c.id: checklist_texts(c) for c in checklists}
    for c in checklists:
        expected = [c.title, c.intro, *([c.summary] if c.summary else []), *([c.respondent] if c.respondent else [])]
        expected += [lv.name for lv in c.levels] + [lv.description for lv in c.levels] + [p.finding for p in c.pairs]
        expected += [t for g in c.gates for t in (g.text, g.finding)] + [s.title for s in c.sections]
        expected += [t for s in c.sections for t in (s.advice,) if t]
        for q in (q for s in c.sections for q in s.questions):
            expected += [q.text, *([q.anchors.high, q.anchors.low] if q.anchors else []), *([q.ask] if q.ask else [])]
            expected += [q.advice] if q.advice else []
        assert [x for x in expected if x not in texts[c.id]] == [], c.id
    assert any(q.ask for c in checklists for s in c.sections for q in s.questions)
    assert any(c.gates for c in checklists)  # and `summary`, when a definition has one, is read like the intro


@pytest.mark.parametrize(
    "path",
    [p for p in pages() if source_name(p) not in ENGINEERING_ALLOWED],  # colophon and privacy explain the site
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_reader_pages_carry_no_engineering_talk(path: Path) -> None:
    text = " ".join(prose(u) for u in units(path.read_text(encoding="utf-8")))
    assert ENGINEERING.findall(text) == []


BLOCK_LIST = yaml.safe_load((ROOT / "macros/blocks.yml").read_text(encoding="utf-8"))


def test_building_blocks_have_one_name_in_the_list_and_the_checklist(definitions: dict) -> None:
    sections = {s.id: s.title for s in definitions["leadership"].sections}
    for block in BLOCK_LIST:
        for lang in ("nl", "en"):
            assert sections[block["section"]].get(lang) == block["name"][lang], (block["section"], lang)


@pytest.mark.parametrize("block", BLOCK_LIST, ids=lambda b: b["page"])
def test_each_building_block_chapter_carries_the_blocks_one_name(block: dict) -> None:
    for lang, suffix in (("nl", ".md"), ("en", ".en.md")):
        name = block["name"][lang]
        chapter = (DOCS / block["page"].replace(".md", suffix)).read_text(encoding="utf-8")
        assert re.search(rf"^title: {re.escape(name)}$", chapter, re.M), (block["page"], lang, "front matter")
        assert re.search(rf"^# {re.escape(name)}$", chapter, re.M), (block["page"], lang, "heading")


def test_each_checklist_page_carries_its_checklists_one_name(definitions: dict) -> None:
    for name, checklist in definitions.items():
        for lang, suffix in (("nl", ".md"), ("en", ".en.md")):
            page = (DOCS / f"checklists/{name}{suffix}").read_text(encoding="utf-8")
            title = checklist.title.get(lang)
            assert re.search(rf'^title: "?{re.escape(title)}"?$', page, re.M), (name, lang, "front matter")
            assert re.search(rf"^# {re.escape(title)}$", page, re.M), (name, lang, "heading")


CHAPTERS = sorted(
    p for part in ("start", "organising", "board") for p in (DOCS / part).glob("*.md") if not p.name.endswith(".en.md")
)


@pytest.mark.parametrize(
    "path", CHAPTERS, ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_chapters_end_with_the_fixed_closing_sections(path: Path) -> None:
    # start pages end with Monday actions and board questions; organising and board chapters have them on their card
    closing = CLOSING if source_name(path).startswith("start/") else CLOSING[2:]
    for edition in (path, path.with_name(path.stem + ".en.md")):
        text = edition.read_text(encoding="utf-8")
        assert HEADING_ID.findall(text)[-len(closing) :] == closing, edition
        assert "{{ chapter_checklist() }}" in text and "{{ page_sources() }}" in text, edition
        assert ("{{ play() }}" in text) == (closing != CLOSING), f"{edition}: a play card where the part has one"


def test_every_term_and_source_is_well_formed() -> None:
    assert {s.kind for s in EDITORIAL.sources.values()} >= {"article", "book"}
    for term in EDITORIAL.terms:
        for lang in ("nl", "en"):
            own = term.term.get(lang).lower()
            assert own not in (v.lower() for v in term.avoid[lang]), f"{term.id}: avoids its own term"


# --- the rules of issue #21 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", sorted(EDITORIAL.quotes))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_recurring_quotation_is_told_on_its_two_pages_only(quote: str, lang: str) -> None:
    assert quote_problems(EDITORIAL.quotes[quote], editions(lang), lang) == []


def test_every_page_a_quotation_names_exists_in_both_editions() -> None:
    listed = {page for quote in EDITORIAL.quotes.values() for page in quote.pages}
    missing = [p for p in sorted(listed) for e in (p, p.replace(".md", ".en.md")) if not (DOCS / e).is_file()]
    assert missing == []


PLAY_PAGES = sorted(
    source_name(p) for part in PLAY_PARTS for p in (DOCS / part).glob("*.md") if not p.name.endswith(".en.md")
)
PLAY_FILES = sorted((ROOT / "macros/plays").glob("*.yml"))


@pytest.mark.parametrize("page", PLAY_PAGES)
def test_every_block_organising_and_board_chapter_has_a_play_file(page: str) -> None:
    assert (ROOT / "macros/plays" / (page[:-3].replace("/", "-") + ".yml")).is_file()


def test_every_play_file_belongs_to_a_chapter() -> None:
    stems = {page[:-3].replace("/", "-") for page in PLAY_PAGES}
    assert [p.name for p in PLAY_FILES if p.stem not in stems] == []


@pytest.mark.parametrize("path", PLAY_FILES, ids=lambda p: p.name)
def test_a_play_card_is_short_and_names_no_source(path: Path) -> None:
    assert card_problems(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def editorial_pages() -> list[Path]:
    return [p for p in pages() if EDITORIAL_PAGES.search(source_name(p))]


@pytest.mark.parametrize(
    "path", editorial_pages(), ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_a_gloss_after_a_footnote_says_it_is_the_playbooks(path: Path) -> None:
    assert unlabelled_glosses(path.read_text(encoding="utf-8"), lang_of(path)) == []


@pytest.mark.parametrize("path", editorial_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_what_a_unit_takes_from_a_second_article_has_that_articles_footnote(path: Path) -> None:
    assert uncited_articles(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path", editorial_pages(), ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_each_section_dates_what_it_takes_from_an_article(path: Path) -> None:
    assert undated(path.read_text(encoding="utf-8"), lang_of(path)) == []


@pytest.mark.parametrize(
    "name",
    ["phase-scan", "strategy-values", "contact-centre", "board-voice", "leadership"],
)
def test_a_checklist_page_that_names_a_source_cites_it(name: str, definitions: dict) -> None:
    for lang, suffix in (("nl", ".md"), ("en", ".en.md")):
        markdown = (DOCS / f"checklists/{name}{suffix}").read_text(encoding="utf-8")
        assert unsourced_checklist_page(markdown, definitions[name], lang) == [], (name, lang)


def test_the_shipped_checklists_are_the_ones_the_page_test_reads(definitions: dict) -> None:
    assert sorted(definitions) == ["board-voice", "contact-centre", "leadership", "phase-scan", "strategy-values"]


def test_a_hover_definition_names_the_source_it_rests_on() -> None:
    assert term_problems(EDITORIAL.terms) == []


@pytest.mark.parametrize(
    "path", pages(), ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_every_board_questions_box_has_the_one_title(path: Path) -> None:
    assert question_titles(path.read_text(encoding="utf-8"), lang_of(path)) == []


@pytest.mark.parametrize(
    "path", pages(), ids=lambda p: p.relative_to(DOCS).as_posix()
)
def test_footnotes_are_defined_in_the_order_of_their_first_reference(path: Path) -> None:
    assert footnote_order(path.read_text(encoding="utf-8")) == []


def built_pages() -> list[str]:
    """Every page as built, by its Dutch source name and edition prefix."""
    return [source_name(p) for p in pages() if lang_of(p) == "nl"]


@pytest.mark.parametrize("page", built_pages())
def test_a_pages_first_footnote_per_source_is_full_and_the_later_ones_short(built_site: Path, page: str) -> None:
    url = page[:-3].removesuffix("index") + ("/" if not page.endswith("index.md") else "")
    for prefix in ("", "en/"):
        html = (built_site / prefix / url / "index.html").read_text(encoding="utf-8")
        assert citation_form_problems(citation_forms(html)) == [], prefix + url


def test_the_short_form_shows_on_a_page_that_cites_a_source_twice(built_site: Path) -> None:
    # the board-voice chapter cites the debate many times: one full citation, the rest "Het CCO-debat (rond 2015)"
    for prefix, short in (("", "Het CCO-debat (rond 2015)"), ("en/", "The CCO debate (around 2015)")):
        forms = citation_forms((built_site / prefix / "organising/board-voice/index.html").read_text(encoding="utf-8"))
        debate = [form for source, form in forms if source == "cco-debate"]
        assert debate[0] == "full" and set(debate[1:]) == {"short"} and len(debate) > 2, prefix
        html = (built_site / prefix / "organising/board-voice/index.html").read_text(encoding="utf-8")
        assert short in re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(
    "path",
    pages(),
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_who_names_a_person_and_an_organisation(path: Path) -> None:
    assert who_problems(path.read_text(encoding="utf-8")) == []


def test_a_title_that_is_a_description_is_printed_without_quotation_marks() -> None:
    described = [s for s in EDITORIAL.sources.values() if s.title_is_description]
    assert [s.id for s in described] == ["anchoring-cx"]
    for source in described:
        for lang in ("nl", "en"):
            citation = source.citation(lang)
            assert citation.startswith(source.title) and citation[len(source.title)] in ", ", citation
            assert not re.search('[“”‘’"*]', citation[: len(source.title) + 1]), citation


def test_the_glossary_leaves_out_the_house_style_terms(built_site: Path) -> None:
    for prefix, lang in (("", "nl"), ("en/", "en")):
        html = (built_site / prefix / "about/glossary/index.html").read_text(encoding="utf-8")
        for term in EDITORIAL.terms:
            cell = rf"<td>(<abbr[^>]*>)?{re.escape(term.term.get(lang))}(</abbr>)?</td>"
            assert bool(re.search(cell, html)) == term.glossary, (term.id, lang)


# --- negative controls: each rule catches a bad page ------------------------------------------------------------------

BAD_PAGE = """---
title: Bad
---
# Bad

Boels took its invoice apart with finance and fleet, and explained fuel costs.

About 90% of organisations are interested, which Forrester describes in phases.

A paragraph with a source.[^ok]

[^ok]: {{ cite("cco-debate", who="Robert Tans, Boels") }}
[^bad]: Adformatie, some debate, 2014.

## Sources { #sources }

- Boels is named here, which is fine.
"""


def test_negative_control_a_fact_without_a_footnote_is_caught() -> None:
    found = unsourced(BAD_PAGE)
    assert len(found) == 2 and found[0].startswith("Boels") and "90%" in found[1]


def test_negative_control_a_footnote_in_another_style_is_caught() -> None:
    assert footnote_style(BAD_PAGE) == ["[^bad]: Adformatie, some debate, 2014."]


def test_negative_control_a_retold_story_and_a_missing_link_are_caught() -> None:
    home = "The Boels story. Boels rebuilt its invoice. Boels explains costs.\n\n### Boels { #story-boels-invoice }\n"
    retold = "Boels had a problem. Boels fixed it. Then Boels explained costs."
    passing = "Boels once rebuilt an invoice."
    linked = "Boels once rebuilt an invoice ([story](../organising/board-voice.md#story-boels-invoice))."
    files = {"organising/board-voice.md": home, "blocks/a.md": retold, "blocks/b.md": passing, "blocks/c.md": linked}
    home_link = "organising/board-voice.md#story-boels-invoice"
    assert story_problems("boels-invoice", files, "en") == [
        f"blocks/a.md (en) retells boels-invoice (3 sentences); its home is {home_link}",
        f"blocks/b.md (en) mentions boels-invoice without a link to {home_link}",
    ]


def test_negative_control_a_variant_to_avoid_is_caught() -> None:
    assert variants("We judge staff on call time and werkplezier.", "en") == ["'call time' (say 'call duration')"]
    assert variants("Werkplezier telt.", "nl") == ["'werkplezier' (say 'werkgeluk')"]


def test_negative_control_engineering_talk_is_caught() -> None:
    assert ENGINEERING.findall("De score wordt berekend door een Python-module in je browser.") == ["Python", "module"]


# --- negative controls for the rules of issue #21 ---------------------------------------------------------------------


def test_negative_control_a_quotation_on_a_third_page_is_caught() -> None:
    quote = EDITORIAL.quotes["boels"]
    files = {
        "organising/board-voice.md": "Boels rebuilt its invoice.[^d]\n",
        "organising/measuring.md": "Boels measured across departments.[^d]\n",
        "blocks/resources.md": "Boels explained the costs.[^d]\n",
        "blocks/steering.md": 'An example is {{ story_link("boels-invoice") }}.[^d]\n',  # a story link is no quotation
        "about/sources.md": "Boels took part.\n",  # the sources page may name everyone
    }
    allowed = "organising/board-voice.md, organising/measuring.md"
    assert quote_problems(quote, files, "en") == [
        f"blocks/resources.md (en) tells the quotation boels; only {allowed} may"
    ]


def test_negative_control_a_third_page_or_a_bad_page_name_fails_the_quotation_list(tmp_path: Path) -> None:
    from checklists.model import ChecklistError

    for name in ("sources.yml", "terms.yml", "stories.yml"):
        (tmp_path / name).write_bytes((ROOT / "macros" / name).read_bytes())
    bad = [
        ("pages: [a.md, b.md, c.md]", "quotes.yml: [0].pages: expected a list of 1 to 2 pages"),
        ("pages: [blocks/vision.en.md]", "quotes.yml: [0].pages[0]: expected a Dutch docs page like blocks/vision.md"),
    ]
    for pages_line, message in bad:
        (tmp_path / "quotes.yml").write_text(f"- id: x\n  {pages_line}\n  markers: {{nl: [a], en: [a]}}\n")
        with pytest.raises(ChecklistError, match=re.escape(message)):
            Editorial.load(tmp_path)
    (tmp_path / "quotes.yml").write_text("[]\n")
    terms = (ROOT / "macros/terms.yml").read_text(encoding="utf-8").replace("source: cco-debate", "source: nope", 1)
    (tmp_path / "terms.yml").write_text(terms, encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"terms\.yml: \[\d+\]\.source: unknown source 'nope'"):
        Editorial.load(tmp_path)


def test_negative_control_a_long_card_item_or_a_source_name_on_a_card_is_caught() -> None:
    long = " ".join(["woord"] * 21)
    card = {
        "title": {"nl": "Kort", "en": "Short"},
        "actions": [{"nl": long, "en": "Do what Boels did with its invoice."}],
        "questions": [{"nl": "Vraag?", "en": "Question?"}],
    }
    assert card_problems(card) == [
        f"nl: over 20 words: {long}",
        "en: 'Boels' from cco-debate: Do what Boels did with its invoice.",
    ]


def test_negative_control_an_unlabelled_gloss_is_caught() -> None:
    assert unlabelled_glosses("Boels explained the costs.[^tans] So a process fixed it.\n", "en") == [
        "So a process fixed it."
    ]
    passing = (
        "Boels explained the costs.[^tans] This playbook concludes that a process fixed it.\n\n"
        "Boels explained the costs.[^tans] Read [the story](../x.md#y). Would yours?\n"
    )
    assert unlabelled_glosses(passing, "en") == []


def test_negative_control_a_second_article_without_its_footnote_is_caught() -> None:
    page = (
        "Forrester saw phases; Tans rebuilt the invoice.[^debate]\n\n"
        "De politie meldde terug, zei Geluk.[^debate]\n\n"  # the police: a name the debate and the CCM article share
        '[^debate]: {{ cite("cco-debate", who="Robert Tans, Boels") }}\n'
    )
    found = uncited_articles(page)
    assert len(found) == 1 and found[0].startswith("'Forrester' is from anchoring-cx")


def test_negative_control_a_section_without_a_year_is_caught() -> None:
    page = (
        "## One { #one }\n\nRobert Tans of Boels rebuilt the invoice.[^d]\n\nTans again.[^d]\n\n"
        "## Two { #two }\n\nIn the CCO debate of around 2015, Tans spoke.[^d] Later, Tans.[^d]\n\n"
        '[^d]: {{ cite("cco-debate") }}\n'
    )
    assert undated(page, "en") == ["#one: cco-debate without a year: Robert Tans of Boels rebuilt the invoice.[^d]"]


def test_negative_control_a_checklist_page_naming_a_source_without_citing_it_is_caught(definitions: dict) -> None:
    page = "# Fasescan\n\nDe fasen komen van Forrester.\n\n## Checklist { #checklist }\n\n{{ checklist_page('x') }}\n"
    assert unsourced_checklist_page(page, definitions["contact-centre"], "nl") == [
        "names anchoring-cx but does not cite it",
        "names a source but does not end with a sources section ({{ page_sources() }})",
    ]
    sourced = page.replace("Forrester.", "Forrester.[^b]") + (
        '\n## Bronnen { #sources }\n\n{{ page_sources() }}\n\n[^b]: {{ cite("anchoring-cx") }}\n'
    )
    assert unsourced_checklist_page(sourced, definitions["contact-centre"], "nl") == []


def test_negative_control_a_definition_that_does_not_name_its_source_is_caught() -> None:
    plain = {"nl": {"term": "x", "definition": "Gewoon in de VS.", "avoid": []}}
    unnamed = Term.from_dict(
        {"id": "a", "source": "cco-debate", **plain, "en": {**plain["nl"], "definition": "Common in the US."}}, ""
    )
    drawn = Term.from_dict(
        {"id": "b", "nl": {**plain["nl"], "definition": "Een model van Forrester."}, "en": plain["nl"]}, ""
    )
    assert term_problems((unnamed, drawn)) == [
        "a (nl) rests on cco-debate but does not name it",
        "a (en) rests on cco-debate but does not name it",
        "b (nl) names anchoring-cx but has no source:",
    ]


def test_negative_control_another_board_questions_title_is_caught() -> None:
    page = (
        '!!! question "Voor de volgende directievergadering"\n    - Vraag?\n\n!!! question "Vragen voor de directie"\n'
    )
    assert question_titles(page, "nl") == ["Voor de volgende directievergadering"]


def test_negative_control_footnotes_out_of_reference_order_are_caught() -> None:
    page = 'First.[^b] Then.[^a]\n\n[^a]: {{ cite("cco-debate") }}\n[^b]: {{ cite("anchoring-cx") }}\n'
    assert footnote_order(page) == ["definitions in the order ['a', 'b'], first references in the order ['b', 'a']"]


def test_negative_control_a_wrong_citation_form_is_caught() -> None:
    html = (
        '<div class="footnote" data-search-exclude><ol>'
        '<li id="fn:a"><p><a href="../x/#src-cco-debate">Het CCO-debat (rond 2015)</a>.</p></li>'
        '<li id="fn:b"><p><a href="../x/#src-cco-debate">“(Discussie) …”, Adformatie</a> — Robert Tans, Boels.</p></li>'
        "</ol></div>"
    )
    assert citation_forms(html) == [("cco-debate", "short"), ("cco-debate", "full")]
    assert citation_form_problems(citation_forms(html)) == [
        "footnote 1 (cco-debate) is short, expected full",
        "footnote 2 (cco-debate) is full, expected short",
    ]


def test_negative_control_a_role_in_who_is_caught() -> None:
    page = (
        '{{ cite("cco-debate", who="Robert Tans, CCO/sales director bij Boels") }}\n'
        '{{ cite("cco-debate", who="Jacob Middeldorp, Jmotion (formerly KPN)") }}\n'
        '{{ cite("cco-debate", who="Simone Geluk, strategic adviser, Dutch National Police") }}\n'
        '{{ cite("cco-debate", who="Robert Tans, Boels") }}\n'
    )
    assert who_problems(page) == [
        "Robert Tans, CCO/sales director bij Boels",
        "Jacob Middeldorp, Jmotion (formerly KPN)",
        "Simone Geluk, strategic adviser, Dutch National Police",
    ]


def test_negative_control_an_ordinary_title_keeps_its_quotation_marks() -> None:
    blog = EDITORIAL.sources["anchoring-cx"]
    quoted = dataclasses.replace(blog, title_is_description=False)
    assert quoted.citation("nl").startswith(f"“{blog.title}”") and blog.citation("nl").startswith(blog.title + ",")


# --- the build: short forms per page and per build, the board kicker --------------------------------------------------


def test_cite_is_full_once_per_page_and_build_then_short(tmp_path: Path) -> None:
    from tests.site.test_build import demo_definitions, mini_site
    from tests.site.test_reload import build_in_process

    twice = (
        'Een.[^a] Twee.[^b]\n\n[^a]: {{ cite("cco-debate", who="Robert Tans, Boels") }}\n'
        '[^b]: {{ cite("cco-debate", who="Frans Goenee, Efteling") }}\n'
    )
    config = mini_site(tmp_path, "# L\n\n" + twice, demo_definitions())
    (tmp_path / "docs/index.md").write_text("# Mini\n\n" + twice, encoding="utf-8")
    full = EDITORIAL.sources["cco-debate"].title.split()[0]
    for run in ("one", "two"):  # `mkdocs serve` rebuilds in the same process: the second build starts afresh
        build_in_process(config, tmp_path / run)
        for page in ("index.html", "checklists/leadership/index.html"):
            text = re.sub(r"<[^>]+>", "", (tmp_path / run / page).read_text(encoding="utf-8"))
            assert text.count(full) == 1 and text.count("Het CCO-debat (rond 2015) — Frans Goenee, Efteling.") == 1, (
                run,
                page,
            )


def test_a_board_page_plays_under_its_own_kicker(tmp_path: Path) -> None:
    from tests.conftest import mkdocs_build
    from tests.site.test_build import demo_definitions, mini_site

    config = mini_site(tmp_path, "# L\n", demo_definitions())
    (tmp_path / "docs/checklists/demo.md").write_text("# Demo\n", encoding="utf-8")
    (tmp_path / "docs/board").mkdir()
    page = "---\nchecklist: demo\n---\n# Geld\n\n{{ play() }}\n"
    (tmp_path / "docs/board/money.md").write_text(page, encoding="utf-8")
    card = "title: {nl: Reken, en: Count}\nactions: [{nl: Doe, en: Do}]\nquestions: [{nl: Vraag, en: Ask}]\n"
    (tmp_path / "macros/plays/board-money.yml").write_text(card, encoding="utf-8")
    done = mkdocs_build(config, tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    html = (tmp_path / "out/board/money/index.html").read_text(encoding="utf-8")
    assert f'<p class="cx-play__kicker">{t("play_board", "nl")}</p>' in html


def test_negative_control_a_variant_in_an_anchor_or_a_gate_is_caught(definitions: dict) -> None:
    from checklists.model import Anchors

    leadership = definitions["leadership"]
    section = leadership.sections[0]
    anchors = Anchors(Text("Het werkplezier is hoog.", "Staff enjoy it."), Text("Laag.", "Low."))
    question = dataclasses.replace(section.questions[0], anchors=anchors)
    section = dataclasses.replace(section, questions=(question, *section.questions[1:]))
    changed = dataclasses.replace(leadership, sections=(section, *leadership.sections[1:]))
    assert checklist_variants(changed) == ["leadership: 'werkplezier' (say 'werkgeluk')"]
    board_voice = definitions["board-voice"]
    gate = dataclasses.replace(board_voice.gates[0], finding=Text("Geen CX-lead.", "We steer by gut feeling."))
    changed = dataclasses.replace(board_voice, gates=(gate, *board_voice.gates[1:]))
    assert checklist_variants(changed) == ["board-voice: 'steer by' (say 'manage by')"]
