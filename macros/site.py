"""The data one build of the site renders from: the checklists, the nine building blocks, the editorial lists.

Read anew for every build (so `mkdocs serve` shows an edit after its reload), validated, and checked
against the chapters: a mistake fails the build with the file and key path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklists.load import load_all
from checklists.model import Checklist, ChecklistError, Text

from .editorial import Editorial, fields, read_list
from .plays import Play, load_plays
from .workshops import Workshop, load_workshops

HERE = Path(__file__).parent
HEADING_ID = re.compile(r"\{ *#([a-z0-9-]+) *\}")


@dataclass(frozen=True)
class Block:
    """One of the nine building blocks: its number, chapter, section of the leadership checklist and name."""

    number: int
    page: str
    section: str
    name: Text

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Block:
        data = fields(data, path, {"number", "page", "section", "name"}, set())
        return cls(int(data["number"]), str(data["page"]), str(data["section"]), Text.from_dict(data["name"], path))


@dataclass(frozen=True)
class SiteData:
    """Everything the macros render from, for one build."""

    checklists: dict[str, Checklist]
    blocks: tuple[Block, ...]
    editorial: Editorial
    plays: dict[str, Play]
    workshops: dict[str, Workshop]

    @classmethod
    def load(cls, definitions: Path, docs: Path) -> SiteData:
        """Read the definitions (links checked against `docs`), `blocks.yml` and the editorial lists."""
        checklists = load_all(definitions)
        for checklist in checklists.values():
            check_links(checklist, docs)
        workshops = load_workshops()
        for card in workshops.values():
            check_link(card.chapter, docs, "chapter", f"workshops/{card.id}.yml")
        for checklist in checklists.values():
            for i, section in enumerate(checklist.sections):
                page, _, anchor = (section.workshop or "").partition("#")
                if section.workshop and (page != WORKSHOPS or anchor not in workshops):
                    message = f"names {section.workshop}, which is not a card of {WORKSHOPS} (macros/workshops/)"
                    raise ChecklistError(f"sections[{i}].workshop", message, file=f"{checklist.id}.yml")
        return cls(checklists, load_blocks(HERE / "blocks.yml"), Editorial.load(HERE), load_plays(), workshops)

    def block_of(self, src_uri: str) -> Block:
        """The building block whose chapter is `src_uri` (either language edition)."""
        page = src_uri.replace(".en.md", ".md")
        for block in self.blocks:
            if block.page == page:
                return block
        raise ValueError(f"{src_uri} is not a building-block chapter (see macros/blocks.yml)")


def load_blocks(path: Path) -> tuple[Block, ...]:
    """The building-block list, in order."""
    try:
        return tuple(Block.from_dict(item, f"[{i}]") for i, item in enumerate(read_list(path)))
    except ChecklistError as error:
        raise error.in_file(path.name) from None


WORKSHOPS = "tools/workshops.md"
"""The page that holds every workshop card."""


def check_link(link: str, docs: Path, path: str, file: str) -> None:
    """A link to a page of the site must name an existing page (both editions) and, if given, an existing heading."""
    page, _, anchor = link.partition("#")
    for edition in (docs / page, docs / page.replace(".md", ".en.md")):
        if not edition.is_file():
            raise ChecklistError(path, f"links to {edition.relative_to(docs)}, which does not exist", file=file)
        if anchor and page != WORKSHOPS and anchor not in HEADING_ID.findall(edition.read_text(encoding="utf-8")):
            message = f"links to #{anchor}, which {edition.relative_to(docs)} does not have"
            raise ChecklistError(path, message, file=file)


def check_links(checklist: Checklist, docs: Path) -> None:
    """Every chapter link must name an existing page (both editions) and, if given, an existing heading id."""
    places = [(f"sections[{i}].chapter", s.chapter) for i, s in enumerate(checklist.sections)]
    places += [(f"sections[{i}].workshop", s.workshop) for i, s in enumerate(checklist.sections)]
    places += [
        (f"sections[{i}].questions[{j}].chapter", q.chapter)
        for i, s in enumerate(checklist.sections)
        for j, q in enumerate(s.questions)
    ]
    for path, link in places:
        if link:
            check_link(link, docs, path, f"{checklist.id}.yml")
