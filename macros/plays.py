"""The play on top of each chapter: an action title, at most five actions and five board questions, one file each.

`macros/plays/<part>-<name>.yml` holds the play of `docs/<part>/<name>.md` in both languages; `{{ play() }}`
renders it as Markdown under the chapter's title, with the chapter's checklist as the card's one primary action.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from checklists.load import parse_yaml
from checklists.model import ChecklistError, Text

from .editorial import fields

HERE = Path(__file__).parent / "plays"
MAX_ITEMS = 5


@dataclass(frozen=True)
class Play:
    """One chapter's play: what to do and what a board asks, in both languages."""

    title: Text
    actions: tuple[Text, ...]
    questions: tuple[Text, ...]

    @classmethod
    def from_dict(cls, data: Any) -> Play:
        data = fields(data, "", {"title", "actions", "questions"}, set())
        return cls(Text.from_dict(data["title"], "title"), _items(data, "actions"), _items(data, "questions"))


def _items(data: Any, key: str) -> tuple[Text, ...]:
    # one to five lines, each in both languages
    items = data[key]
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS:
        raise ChecklistError(key, f"expected a list of 1 to {MAX_ITEMS} items")
    return tuple(Text.from_dict(item, f"{key}[{i}]") for i, item in enumerate(items))


def file_of(page: str) -> Path:
    """The play file of a chapter, by its Dutch source path (e.g. `blocks/understanding.md`)."""
    return HERE / (page.replace(".en.md", ".md").removesuffix(".md").replace("/", "-") + ".yml")


def load_plays(directory: Path = HERE) -> dict[str, Play]:
    """Every play, by its file's stem (`blocks-understanding`); a mistake names the file and key path."""
    plays = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            plays[path.stem] = Play.from_dict(parse_yaml(path.read_text(encoding="utf-8"), file=path.name))
        except ChecklistError as error:
            raise error.in_file(f"plays/{path.name}") from None
    return plays


def render(play: Play, lang: str, kicker: str, labels: tuple[str, str], checklist: str) -> str:
    """The play card as Markdown (md_in_html): kicker, title (`#play`), actions, questions, the checklist link."""
    actions = "\n".join(f"{i}. {action.get(lang)}" for i, action in enumerate(play.actions, 1))
    questions = "\n".join(f"- {question.get(lang)}" for question in play.questions)
    return "\n\n".join(
        [
            '<div class="cx-play" markdown>',
            f'<p class="cx-play__kicker">{escape(kicker)}</p>',
            f"## {play.title.get(lang)} {{ #play }}",
            '<div class="cx-play__cols" markdown>',
            f'<div class="cx-play__actions" markdown>\n\n**{labels[0]}**\n\n{actions}\n\n</div>',
            f'<div class="cx-play__questions" markdown>\n\n**{labels[1]}**\n\n{questions}\n\n</div>',
            "</div>",
            f'<p class="cx-play__checklist" markdown>{checklist}</p>',
            "</div>",
        ]
    )
