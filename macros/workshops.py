"""Workshop cards: an exercise a team runs, as a play (time, people, materials, steps with minutes, output, follow-up).

`macros/workshops/<id>.yml` holds one card in both languages; `{{ workshops() }}` renders them all on the workshops
page, each under a heading whose id is the card's id, which checklist sections name (`workshop:`) so that a focus
area points to the card to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from checklists.load import parse_yaml
from checklists.model import CHAPTER_LINK, ChecklistError, Text

from .editorial import fields

HERE = Path(__file__).parent / "workshops"
MAX_STEPS = 8


@dataclass(frozen=True)
class Step:
    minutes: int
    do: Text


@dataclass(frozen=True)
class Workshop:
    """One workshop card."""

    id: str
    title: Text
    purpose: Text
    minutes: int
    people: Text
    materials: tuple[Text, ...]
    steps: tuple[Step, ...]
    output: Text
    follow_up: Text
    chapter: str

    @classmethod
    def from_dict(cls, ident: str, data: Any) -> Workshop:
        keys = {"title", "purpose", "minutes", "people", "materials", "steps", "output", "follow_up", "chapter"}
        data = fields(data, "", keys, set())
        steps = data["steps"]
        if not isinstance(steps, list) or not 2 <= len(steps) <= MAX_STEPS:
            raise ChecklistError("steps", f"expected 2 to {MAX_STEPS} steps")
        parsed = tuple(_step(step, f"steps[{i}]") for i, step in enumerate(steps))
        minutes = _minutes(data["minutes"], "minutes")
        if sum(step.minutes for step in parsed) != minutes:
            raise ChecklistError("steps", f"the steps take {sum(s.minutes for s in parsed)} minutes, not {minutes}")
        materials = data["materials"]
        if not isinstance(materials, list) or not materials:
            raise ChecklistError("materials", "expected a list of at least one item")
        if not isinstance(data["chapter"], str) or not CHAPTER_LINK.fullmatch(data["chapter"]):
            raise ChecklistError("chapter", "expected a page of the site, e.g. blocks/culture.md#practices")
        return cls(
            ident,
            Text.from_dict(data["title"], "title"),
            Text.from_dict(data["purpose"], "purpose"),
            minutes,
            Text.from_dict(data["people"], "people"),
            tuple(Text.from_dict(item, f"materials[{i}]") for i, item in enumerate(materials)),
            parsed,
            Text.from_dict(data["output"], "output"),
            Text.from_dict(data["follow_up"], "follow_up"),
            data["chapter"],
        )


def _minutes(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 480:
        raise ChecklistError(path, "expected whole minutes from 1 to 480")
    return value


def _step(data: Any, path: str) -> Step:
    data = fields(data, path, {"minutes", "do"}, set())
    return Step(_minutes(data["minutes"], f"{path}.minutes"), Text.from_dict(data["do"], f"{path}.do"))


def load_workshops(directory: Path = HERE) -> dict[str, Workshop]:
    """Every workshop card, by id (its file's stem); a mistake names the file and key path."""
    found = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            found[path.stem] = Workshop.from_dict(
                path.stem, parse_yaml(path.read_text(encoding="utf-8"), file=path.name)
            )
        except ChecklistError as error:
            raise error.in_file(f"workshops/{path.name}") from None
    return found


def render(card: Workshop, lang: str, labels: dict[str, str], chapter_url: str) -> str:
    """One card as Markdown: the heading (its id is the card's), what it takes, the steps with minutes, the output."""
    steps = "\n".join(f"{i}. **{s.minutes} min** — {s.do.get(lang)}" for i, s in enumerate(card.steps, 1))
    materials = "; ".join(item.get(lang) for item in card.materials)
    meta = "<br>\n".join(  # one line each: time, people, materials
        [
            f"**{labels['time']}** {card.minutes} min",
            f"**{labels['people']}** {card.people.get(lang)}",
            f"**{labels['materials']}** {materials}",
        ]
    )
    return "\n\n".join(
        [
            f"## {card.title.get(lang)} {{ #{card.id} }}",
            '<div class="cx-workshop" markdown>',
            f'<p class="cx-workshop__purpose">{escape(card.purpose.get(lang))}</p>',
            f"{meta}\n{{: .cx-workshop__meta }}",
            f"**{labels['steps']}**",
            steps,
            f"**{labels['output']}** {card.output.get(lang)}",
            f"**{labels['follow_up']}** {card.follow_up.get(lang)}",
            f"[{labels['background']}]({chapter_url})",
            "</div>",
        ]
    )
