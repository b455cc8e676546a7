"""One respondent's answers as a record: who answered (role, team label), when, with which versions.

The domain of exports, imports, share links and the team view, apart from their wire formats
(`formats.py`). Anything from outside that does not fit raises `ImportProblem` with a catalogue key.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import Answer, migrate
from .model import Checklist

ROLES = ("board", "manager", "employee", "other")
"""The roles a respondent may give; their names are `role_<id>` in the string catalogue."""
LEADERS = ("board", "manager")
STAFF = ("employee",)
MAX_LABEL = 80


class ImportProblem(ValueError):
    """Why outside input is refused: a catalogue key for the page's sentence, plus the details it names."""

    def __init__(self, code: str, **details: Any) -> None:
        self.code = code
        self.details = details
        super().__init__(f"{code}: {details}" if details else code)


@dataclass(frozen=True)
class Response:
    """One respondent's answers to one checklist (migrated to the current version), with what is known of them."""

    checklist: str
    version: int
    answers: dict[str, Answer]
    language: str = "nl"
    role: str | None = None
    team: str | None = None
    date: str | None = None
    engine: str | None = None
    dropped: tuple[str, ...] = ()
    from_version: int | None = None

    def fingerprint(self) -> str:
        """Identifies the same response added twice (answers, role, label and date)."""
        canonical = json.dumps([self.checklist, self.answers, self.role, self.team, self.date], sort_keys=True)
        return f"{zlib.crc32(canonical.encode()):08x}"


def clean_role(role: Any) -> str | None:
    """A known role id or None; anything else is refused."""
    if role in (None, ""):
        return None
    if not isinstance(role, str) or role not in ROLES:
        raise ImportProblem("role", value=str(role)[:MAX_LABEL])
    return role


def clean_label(label: Any) -> str | None:
    """A free-text team label: trimmed, at most MAX_LABEL characters, never markup-interpreted."""
    if label in (None, ""):
        return None
    if not isinstance(label, str):
        raise ImportProblem("label")
    return " ".join(label.split())[:MAX_LABEL] or None


def respond(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    *,
    language: str,
    role: Any = None,
    team: Any = None,
    date: str | None = None,
    engine: str | None = None,
) -> Response:
    """A response made of validated answers and their metadata."""
    migration = migrate(checklist, dict(answers), checklist.version)
    return Response(
        checklist.id,
        checklist.version,
        migration.answers,
        language if language in ("nl", "en") else "nl",
        clean_role(role),
        clean_label(team),
        date,
        engine,
    )
