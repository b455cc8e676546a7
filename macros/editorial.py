"""The editorial data behind the chapters: sources and citations, the term list, story homes, recurring quotations.

Read from `macros/sources.yml`, `terms.yml`, `stories.yml` and `quotes.yml` once per build; a mistake fails
the build with the file and key path, like a checklist definition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklists.load import parse_yaml
from checklists.model import LANGUAGES, ChecklistError, Text

HERE = Path(__file__).parent
SOURCE_KINDS = ("article", "book", "standard", "external")


def read_list(path: Path) -> list[Any]:
    """A YAML list, or an error naming the file."""
    data = parse_yaml(path.read_text(encoding="utf-8"), file=path.name)
    if not isinstance(data, list):
        raise ChecklistError("(top level)", "expected a list", file=path.name)
    return data


def fields(data: Any, path: str, required: set[str], optional: set[str]) -> Mapping[str, Any]:
    """A mapping with exactly the allowed keys, or an error naming the first key that is not."""
    if not isinstance(data, Mapping):
        raise ChecklistError(path, "expected a mapping")
    for key in data:
        if key not in required | optional:
            raise ChecklistError(f"{path}.{key}", "unknown key")
    for key in sorted(required - set(data)):
        raise ChecklistError(f"{path}.{key}", "missing")
    return data


def _patterns(value: Any, path: str) -> tuple[re.Pattern[str], ...]:
    # a list of regular expressions that compile
    if not isinstance(value, list):
        raise ChecklistError(path, "expected a list of regular expressions")
    compiled = []
    for i, item in enumerate(value):
        try:
            compiled.append(re.compile(str(item)))
        except re.error as error:
            raise ChecklistError(f"{path}[{i}]", f"bad regular expression: {error}") from None
    return tuple(compiled)


def _optional_text(data: Mapping[str, Any], key: str, path: str) -> Text | None:
    return Text.from_dict(data[key], f"{path}.{key}") if data.get(key) is not None else None


@dataclass(frozen=True)
class Source:
    """One source: an article, the book, a standard or an external model."""

    id: str
    kind: str
    title: str
    author: str | None = None
    gloss: str | None = None
    publisher: str | None = None
    year: int | None = None
    with_: str | None = None
    about: Text | None = None
    title_note: Text | None = None
    note: Text | None = None
    isbn: str | None = None
    names: tuple[re.Pattern[str], ...] = ()
    figures: tuple[re.Pattern[str], ...] = ()
    short: Text | None = None
    """The name in running text and in a page's later footnotes: "de recensie", "the review"."""
    when: Text | None = None
    """The year as the text gives it: "2013", "rond 2015", "zonder datum"."""
    seed: str | None = None
    """The article's file in ../shared/seeds (the fact ledger quotes it)."""
    title_is_description: bool = False
    """The title is the playbook's description of an untitled text: printed plain, without quotation marks."""

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Source:
        optional = {"author", "gloss", "publisher", "year", "with", "about", "title_note", "note", "isbn"}
        optional |= {"short", "when", "seed", "title_is_description"}
        data = fields(data, path, {"id", "kind", "title", "names", "figures"}, optional)
        if data["kind"] not in SOURCE_KINDS:
            raise ChecklistError(f"{path}.kind", f"expected one of {', '.join(SOURCE_KINDS)}")
        if data.get("seed") is not None and not re.fullmatch(r"[0-9]{3}_[0-9a-f]{16}\.txt", str(data["seed"])):
            raise ChecklistError(f"{path}.seed", "expected a seed file name like 000_0123456789abcdef.txt")
        if not isinstance(data.get("title_is_description", False), bool):
            raise ChecklistError(f"{path}.title_is_description", "expected true or false")
        plain = {key: (str(data[key]) if data.get(key) is not None else None) for key in ("author", "gloss", "isbn")}
        return cls(
            id=str(data["id"]),
            kind=data["kind"],
            title=str(data["title"]),
            publisher=str(data["publisher"]) if data.get("publisher") else None,
            year=int(data["year"]) if data.get("year") else None,
            with_=str(data["with"]) if data.get("with") else None,
            about=_optional_text(data, "about", path),
            title_note=_optional_text(data, "title_note", path),
            note=_optional_text(data, "note", path),
            names=_patterns(data["names"], f"{path}.names"),
            figures=_patterns(data["figures"], f"{path}.figures"),
            short=_optional_text(data, "short", path),
            when=_optional_text(data, "when", path),
            seed=str(data["seed"]) if data.get("seed") is not None else None,
            title_is_description=bool(data.get("title_is_description", False)),
            **plain,
        )

    @property
    def anchor(self) -> str:
        return f"src-{self.id}"

    def citation(self, lang: str) -> str:
        """The source in the playbook's one citation style (Markdown, Dutch title with an English gloss)."""
        if self.title_is_description:
            title = self.title
        else:
            title = f"*{self.title}*" if self.kind == "book" else f"“{self.title}”"
        if lang == "en" and self.gloss:
            title += f" ({self.gloss})"
        parts = [self.author, title]
        if self.about:
            parts.append(self.about.get(lang))
        parts += [self.publisher, str(self.year) if self.year else None]
        return ", ".join(part for part in parts if part)

    def short_citation(self, lang: str) -> str:
        """The short name that stands for the source after its first footnote on a page ("De recensie")."""
        if not self.short:
            return self.citation(lang)
        text = self.short.get(lang)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Term:
    """One concept: its preferred word and definition per language, and the variants to avoid."""

    id: str
    term: Text
    definition: Text
    avoid: Mapping[str, tuple[str, ...]]
    hover: bool = False
    glossary: bool = True
    """False for a house-style decision: enforced by the term test, left out of the glossary page."""
    source: str | None = None
    """The source the definition rests on; the definition then names it by its short form."""

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Term:
        data = fields(data, path, {"id", *LANGUAGES}, {"hover", "glossary", "source"})
        for key in ("hover", "glossary"):
            if not isinstance(data.get(key, False), bool):
                raise ChecklistError(f"{path}.{key}", "expected true or false")
        parts: dict[str, Mapping[str, Any]] = {}
        for lang in LANGUAGES:
            parts[lang] = fields(data[lang], f"{path}.{lang}", {"term", "definition", "avoid"}, set())
            if not isinstance(parts[lang]["avoid"], list):
                raise ChecklistError(f"{path}.{lang}.avoid", "expected a list")
        return cls(
            id=str(data["id"]),
            term=Text.from_dict({lang: parts[lang]["term"] for lang in LANGUAGES}, f"{path}.term"),
            definition=Text.from_dict({lang: parts[lang]["definition"] for lang in LANGUAGES}, f"{path}.definition"),
            avoid={lang: tuple(str(v) for v in parts[lang]["avoid"]) for lang in LANGUAGES},
            hover=bool(data.get("hover", False)),
            glossary=bool(data.get("glossary", True)),
            source=str(data["source"]) if data.get("source") is not None else None,
        )


@dataclass(frozen=True)
class Story:
    """An anecdote from the articles, told in full in one chapter (its home)."""

    id: str
    home: str
    title: Text
    markers: Mapping[str, tuple[re.Pattern[str], ...]]

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Story:
        data = fields(data, path, {"id", "home", "title", "markers"}, set())
        markers = fields(data["markers"], f"{path}.markers", set(LANGUAGES), set())
        if "#" not in str(data["home"]):
            raise ChecklistError(f"{path}.home", "expected page.md#anchor")
        return cls(
            id=str(data["id"]),
            home=str(data["home"]),
            title=Text.from_dict(data["title"], f"{path}.title"),
            markers={lang: _patterns(markers[lang], f"{path}.markers.{lang}") for lang in LANGUAGES},
        )


MAX_QUOTE_PAGES = 2
"""A recurring quotation is told on at most this many pages per edition (issue #21)."""


@dataclass(frozen=True)
class Quote:
    """A quotation from the articles that recurs: the pages (at most two) that may tell it, and how to find it."""

    id: str
    pages: tuple[str, ...]
    markers: Mapping[str, tuple[re.Pattern[str], ...]]

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Quote:
        data = fields(data, path, {"id", "pages", "markers"}, set())
        markers = fields(data["markers"], f"{path}.markers", set(LANGUAGES), set())
        pages = data["pages"]
        if not isinstance(pages, list) or not 1 <= len(pages) <= MAX_QUOTE_PAGES:
            raise ChecklistError(f"{path}.pages", f"expected a list of 1 to {MAX_QUOTE_PAGES} pages")
        for i, page in enumerate(pages):
            if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", str(page)) or str(page).endswith(".en.md"):
                raise ChecklistError(f"{path}.pages[{i}]", "expected a Dutch docs page like blocks/vision.md")
        if len(set(pages)) != len(pages):
            raise ChecklistError(f"{path}.pages", "a page is listed twice")
        return cls(
            id=str(data["id"]),
            pages=tuple(str(page) for page in pages),
            markers={lang: _patterns(markers[lang], f"{path}.markers.{lang}") for lang in LANGUAGES},
        )


@dataclass(frozen=True)
class Editorial:
    """Everything editorial that the build and the tests read, by id."""

    sources: Mapping[str, Source]
    terms: tuple[Term, ...]
    stories: Mapping[str, Story]
    quotes: Mapping[str, Quote]

    @classmethod
    def load(cls, directory: Path = HERE) -> Editorial:
        """Read and validate the four files; errors name the file and key path."""
        sources = _by_id(Source, directory / "sources.yml")
        terms = tuple(_by_id(Term, directory / "terms.yml").values())
        for i, term in enumerate(terms):
            if term.source is not None and term.source not in sources:
                raise ChecklistError(f"[{i}].source", f"unknown source {term.source!r}", file="terms.yml")
        return cls(
            sources=sources,
            terms=terms,
            stories=_by_id(Story, directory / "stories.yml"),
            quotes=_by_id(Quote, directory / "quotes.yml"),
        )


def _by_id(kind: Any, path: Path) -> dict[str, Any]:
    # the entries of one file, validated, with unique ids
    items: dict[str, Any] = {}
    for i, raw in enumerate(read_list(path)):
        try:
            item = kind.from_dict(raw, f"[{i}]")
        except ChecklistError as error:
            raise error.in_file(path.name) from None
        if item.id in items:
            raise ChecklistError(f"[{i}].id", f"duplicate id {item.id!r}", file=path.name)
        items[item.id] = item
    return items


CITE_CALL = re.compile(r"""\bcite\(\s*["']([a-z0-9-]+)["']""")


def cited_sources(markdown: str) -> list[str]:
    """The source ids a page's Markdown cites with `cite("…")`, in order of first use."""
    return list(dict.fromkeys(CITE_CALL.findall(markdown)))


def abbreviations(terms: tuple[Term, ...], lang: str) -> str:
    """Markdown abbreviation lines (`*[term]: definition`) for the hover definitions of `lang`."""
    lines = []
    for term in terms:
        if not term.hover:
            continue
        word, definition = term.term.get(lang), term.definition.get(lang).replace("\n", " ")
        for form in dict.fromkeys((word, word[:1].upper() + word[1:])):
            lines.append(f"*[{form}]: {definition}")
    return "\n".join(lines)
