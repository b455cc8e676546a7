"""The editorial data behind the chapters: sources and citations, the term list, story homes.

Read from `macros/sources.yml`, `terms.yml` and `stories.yml` once per build; a mistake fails the
build with the file and key path, like a checklist definition.
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

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Source:
        optional = {"author", "gloss", "publisher", "year", "with", "about", "title_note", "note", "isbn"}
        data = fields(data, path, {"id", "kind", "title", "names", "figures"}, optional)
        if data["kind"] not in SOURCE_KINDS:
            raise ChecklistError(f"{path}.kind", f"expected one of {', '.join(SOURCE_KINDS)}")
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
            **plain,
        )

    @property
    def anchor(self) -> str:
        return f"src-{self.id}"

    def citation(self, lang: str) -> str:
        """The source in the playbook's one citation style (Markdown, Dutch title with an English gloss)."""
        title = f"*{self.title}*" if self.kind == "book" else f"“{self.title}”"
        if lang == "en" and self.gloss:
            title += f" ({self.gloss})"
        parts = [self.author, title]
        if self.about:
            parts.append(self.about.get(lang))
        parts += [self.publisher, str(self.year) if self.year else None]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Term:
    """One concept: its preferred word and definition per language, and the variants to avoid."""

    id: str
    term: Text
    definition: Text
    avoid: Mapping[str, tuple[str, ...]]
    hover: bool = False

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Term:
        data = fields(data, path, {"id", *LANGUAGES}, {"hover"})
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


@dataclass(frozen=True)
class Editorial:
    """Everything editorial that the build and the tests read, by id."""

    sources: Mapping[str, Source]
    terms: tuple[Term, ...]
    stories: Mapping[str, Story]

    @classmethod
    def load(cls, directory: Path = HERE) -> Editorial:
        """Read and validate the three files; errors name the file and key path."""
        return cls(
            sources=_by_id(Source, directory / "sources.yml"),
            terms=tuple(_by_id(Term, directory / "terms.yml").values()),
            stories=_by_id(Story, directory / "stories.yml"),
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
