"""Answer sets: validated against a checklist, and carried over from an older version of it.

Part of the model layer: scoring, records and formats all take answers through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import NO, Checklist, ChecklistError

Answer = int | str
"""A value on the checklist's scale, `UNKNOWN` ("don't know"), or `YES`/`NO` for a gate."""


def parse_answers(checklist: Checklist, answers: Any) -> dict[str, Answer]:
    """Validate an answer set: known ids, scale values or `UNKNOWN` for statements, `YES`/`NO` for gates."""
    if not isinstance(answers, Mapping):
        raise ChecklistError("answers", "expected a mapping of question ids to answers")
    known = set(checklist.answer_ids)
    for key, value in answers.items():
        if key not in known:
            raise ChecklistError(f"answers.{key}", f"not a question of the checklist {checklist.id!r}")
        if not checklist.accepts(key, value):
            scale = checklist.scale
            off = "is not yes or no" if key in checklist.gate_ids else f"is off the scale {scale.low}–{scale.high}"
            raise ChecklistError(f"answers.{key}", f"{value!r} {off}")
    return dict(answers)


def not_applicable(checklist: Checklist, answers: Mapping[str, Answer]) -> frozenset[str]:
    """The statements behind a gate answered "no": they do not apply, whatever their own answer."""
    return frozenset(q for gate in checklist.gates if answers.get(gate.id) == NO for q in gate.questions)


@dataclass(frozen=True)
class Migration:
    """Answers carried over from an older definition version, and the ones that could not be."""

    answers: dict[str, Answer]
    dropped: tuple[str, ...]
    from_version: int
    to_version: int

    @property
    def changed(self) -> bool:
        return self.from_version != self.to_version


def migrate(checklist: Checklist, answers: Any, version: Any, *, lenient: bool = False) -> Migration:
    """Carry answers saved under `version` over to the current definition, flagging what no longer fits.

    Answers of the current version must all fit, unless `lenient` (saved data, read back): then, as for an
    older version, what fits is kept and the rest is named as dropped.
    """
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ChecklistError("version", f"expected a definition version, got {version!r}")
    if version > checklist.version:
        raise ChecklistError(
            "version", f"version {version} of {checklist.id!r} is newer than this site's version {checklist.version}"
        )
    if version == checklist.version and not lenient:
        return Migration(parse_answers(checklist, answers), (), version, version)
    if not isinstance(answers, Mapping):
        raise ChecklistError("answers", "expected a mapping of question ids to answers")
    kept: dict[str, Answer] = {}
    dropped: list[str] = []
    for key, value in answers.items():
        if isinstance(key, str) and checklist.accepts(key, value):
            kept[key] = value
        else:
            dropped.append(str(key)[:80])
    return Migration(kept, tuple(dropped), version, checklist.version)
