"""One respondent's answers as a record: who answered (role, team label), when, with which versions.

The domain of exports, imports, share links and the team view, apart from their wire formats
(`formats.py`). Anything from outside that does not fit raises `Refusal` with a catalogue key.
"""

from __future__ import annotations

import datetime
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import jsontext
from .answers import Answer, migrate
from .model import LANGUAGES, Checklist, ChecklistError

ROLES = ("board", "manager", "employee", "other")
"""The roles a respondent may give; their names are `role_<id>` in the string catalogue."""
LEADERS = ("board", "manager")
STAFF = ("employee",)
MAX_LABEL = 80
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
"""A field that is absent from outside data (as opposed to present and empty): refusals name it as missing."""


class Refusal(ValueError):
    """Why outside input is refused: a catalogue key for the page's sentence, plus the details it names.

    A `value` detail is the offending value as it came; the sentence describes it in the page's language
    (`strings.refusal`), so nothing here decides how a value is shown.
    """

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
    plan: dict[str, PlanItem] = field(default_factory=dict)
    old_format: bool = False
    """Read from a share link of the first format, which carried no role and no team label."""

    def fingerprint(self) -> str:
        """Identifies the same response added twice (answers, role, label and date)."""
        canonical = json.dumps([self.checklist, self.answers, self.role, self.team, self.date], sort_keys=True)
        return f"{zlib.crc32(canonical.encode()):08x}"


def clean_role(role: Any) -> str | None:
    """A known role id or None; anything else is refused."""
    if role in (None, ""):
        return None
    if not isinstance(role, str) or role not in ROLES:
        raise Refusal("role", value=role)
    return role


def clean_label(label: Any) -> str | None:
    """A free-text team label: trimmed, at most MAX_LABEL characters, never markup-interpreted."""
    if label in (None, ""):
        return None
    if not isinstance(label, str):
        raise Refusal("label")
    return " ".join(label.split())[:MAX_LABEL] or None


def respond(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    *,
    language: Any,
    role: Any = None,
    team: Any = None,
    date: str | None = None,
    engine: str | None = None,
    plan: Any = None,
    version: int | None = None,
    old_format: bool = False,
) -> Response:
    """A response made of answers (of `version`, by default the current one, migrated) and their metadata."""
    version = checklist.version if version is None else version
    migration = migrate(checklist, answers, version)
    return Response(
        checklist.id,
        checklist.version,
        migration.answers,
        language if language in LANGUAGES else "nl",
        clean_role(role),
        clean_label(team),
        date,
        engine,
        migration.dropped,
        version if migration.changed else None,
        read_plan(checklist, plan)[0],
        old_format,
    )


# --- what a browser keeps of one checklist ---------------------------------------------------------------------------

SCHEMA = 1
"""The version of the saved entry's own shape (not of the checklist)."""
MIGRATED = ("dropped_answers", "dropped_snapshot_answers")
"""What carrying answers over to the current version leaves out as a matter of course (named, but not held)."""
MAX_SNAPSHOTS = 40


@dataclass(frozen=True)
class PlanItem:
    """The action plan for one focus area: who owns it and by when (both optional)."""

    owner: str | None = None
    due: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"owner": self.owner, "due": self.due}


@dataclass(frozen=True)
class Snapshot:
    """Answers kept with a date (and the plan of that moment), to see the trend later."""

    date: str
    version: int
    answers: dict[str, Answer]
    plan: dict[str, PlanItem]


@dataclass(frozen=True)
class Saved:
    """One checklist's saved entry, as the engine accepts it: validated and carried over to the current version."""

    answers: dict[str, Answer]
    role: str | None = None
    team: str | None = None
    updated: str | None = None
    plan: dict[str, PlanItem] = field(default_factory=dict)
    snapshots: tuple[Snapshot, ...] = ()


@dataclass(frozen=True)
class Restored:
    """A saved entry read back: what is kept, what was dropped (catalogue keys, details), whether it was unreadable,
    and whether a newer version of the site wrote it (then it is kept as it is, never read over)."""

    saved: Saved
    dropped: tuple[tuple[str, str], ...] = ()
    corrupt: bool = False
    newer: bool = False

    @property
    def lossy(self) -> bool:
        """Whether the entry as saved holds anything the page will not keep: then the original is kept aside."""
        return self.corrupt or self.newer or bool(self.dropped)

    @property
    def held(self) -> bool:
        """Whether the page must not write over the entry until the reader acts: it could not read all of it (only
        answers an older version carried, or that no longer fit, are left out as a matter of course)."""
        return self.corrupt or self.newer or any(key not in MIGRATED for key, _ in self.dropped)


def valid_date(value: Any) -> str | None:
    """A calendar date as `YYYY-MM-DD`, or None."""
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def read_plan(checklist: Checklist, data: Any) -> tuple[dict[str, PlanItem], int]:
    """The plan items that fit the checklist (a known section, an owner as a team label is kept, a real date)."""
    if not isinstance(data, Mapping):
        return {}, 0 if data in (None, {}) else 1
    sections = {s.id for s in checklist.sections}
    plan: dict[str, PlanItem] = {}
    for key, item in data.items():
        if key not in sections or not isinstance(item, Mapping):
            continue
        owner = clean_label(item["owner"]) if isinstance(item.get("owner"), str) else None
        due = valid_date(item.get("due"))
        if owner or due:
            plan[key] = PlanItem(owner, due)
    return plan, len(data) - len(plan)


def _snapshot(checklist: Checklist, data: Any) -> tuple[Snapshot | None, tuple[str, ...]]:
    # one saved snapshot carried over to the current version, or None when it cannot be
    if not isinstance(data, Mapping) or not valid_date(str(data.get("date", ""))[:10]):
        return None, ()
    version = data.get("version", checklist.version)
    try:
        migration = migrate(checklist, data.get("answers"), version, lenient=True)
    except ChecklistError:
        return None, ()
    plan, _ = read_plan(checklist, data.get("plan"))
    return Snapshot(str(data["date"])[:10], checklist.version, migration.answers, plan), migration.dropped


def _whole(value: Any) -> int | None:
    # a whole number of a saved entry (schema, version), or None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def read_saved(checklist: Checklist, data: Any, dropped_before: tuple[tuple[str, str], ...] = ()) -> Restored:
    """Read a saved entry (any JSON value): keep what fits the current checklist, name what does not.

    An entry of a newer schema or checklist version (a site rolled back) is not read at all: `newer`.
    """
    if not isinstance(data, Mapping) or data.get("checklist", checklist.id) != checklist.id:
        return Restored(Saved({}), corrupt=True)
    schema, version = _whole(data.get("schema")), _whole(data.get("version", checklist.version))
    if (schema or 0) > SCHEMA or (version or 0) > checklist.version:
        return Restored(Saved({}), newer=True)
    if schema != SCHEMA:
        return Restored(Saved({}), corrupt=True)
    dropped: list[tuple[str, str]] = list(dropped_before)
    unknown = [str(key)[:40] for key in data if key not in PARTS]
    if unknown and not any(key == "dropped_parts" for key, _ in dropped):
        dropped.append(("dropped_parts", ", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else "")))
    version = data.get("version", checklist.version)
    try:
        migration = migrate(checklist, data.get("answers", {}), version, lenient=True)
        answers = migration.answers
        if migration.dropped:
            dropped.append(("dropped_answers", ", ".join(migration.dropped)))
    except ChecklistError:
        answers = {}
        if data.get("answers"):
            dropped.append(("dropped_all_answers", ""))
    (role, team, updated), lost_meta = read_meta(data)
    dropped.extend(lost_meta)
    plan, lost = read_plan(checklist, data.get("plan"))
    if lost:
        dropped.append(("dropped_plan", str(lost)))
    snapshots, unread, reduced = _snapshots(checklist, data.get("snapshots"))
    unread += sum(int(detail) for key, detail in dropped_before if key == "dropped_snapshots")
    dropped = [item for item in dropped if item[0] != "dropped_snapshots"]
    if unread:
        dropped.append(("dropped_snapshots", str(unread)))
    if reduced:
        dropped.append(("dropped_snapshot_answers", str(reduced)))
    saved = Saved(answers, role, team, updated, plan, snapshots)
    return Restored(saved, tuple(dropped))


SAVED_CHARS = 20_000_000
"""The most text of one saved entry the engine looks at (more than any browser's storage holds)."""
WHOLE_CHARS = 2_000_000
"""A saved entry up to this size is read whole; a larger one only part by part."""
PART_CHARS = 200_000
"""The most text one part of a saved entry may hold (its answers, its plan, one snapshot)."""
PARTS = ("schema", "checklist", "version", "answers", "role", "team", "updated", "plan", "snapshots")


def read_saved_text(checklist: Checklist, text: str) -> Restored:
    """Read a saved entry's text: whole when it is within the limits, else part by part, so that one part too
    large, too deep or too long a number (or megabytes of unknown data beside it) never costs the answers."""
    try:
        return read_saved(checklist, jsontext.read(text, max_chars=WHOLE_CHARS))
    except jsontext.Unreadable as problem:
        if problem.code == "empty" or not isinstance(text, str) or len(text) > SAVED_CHARS:
            return Restored(Saved({}), corrupt=True)
    try:
        parts = jsontext.members(text)
    except jsontext.Unreadable:
        return Restored(Saved({}), corrupt=True)
    data: dict[str, Any] = {}
    unread: list[str] = []
    older = 0
    for key, raw in parts:
        if key == "snapshots" and raw.startswith("["):
            data[key], older = _latest_snapshots(raw)
            continue
        try:
            if key not in PARTS:
                raise jsontext.Unreadable("unknown")
            data[key] = jsontext.read(raw, max_chars=PART_CHARS)
        except jsontext.Unreadable:
            unread.append(f"{key[:40]} ({_size(len(raw))})")
    dropped = [("dropped_parts", ", ".join(unread))] if unread else []
    if older:
        dropped.append(("dropped_snapshots", str(older)))
    return read_saved(checklist, data, tuple(dropped))


def _latest_snapshots(raw: str) -> tuple[list[Any], int]:
    # the most recent snapshots that can be read (at most MAX_SNAPSHOTS), and how many others were left out
    try:
        items = jsontext.elements(raw)
    except jsontext.Unreadable:
        return [], 1
    kept: list[Any] = []
    for item in reversed(items):
        if len(kept) == MAX_SNAPSHOTS:
            break
        try:
            kept.append(jsontext.read(item, max_chars=PART_CHARS))
        except jsontext.Unreadable:
            continue
    return kept[::-1], len(items) - len(kept)


def _size(chars: int) -> str:
    # a part's size, the same in both languages
    return f"{max(1, round(chars / 1000))} kB"


def read_meta(data: Mapping[str, Any]) -> tuple[tuple[str | None, str | None, str | None], tuple[tuple[str, str], ...]]:
    """Role, team label and last update of a saved entry, leniently: what does not fit is None, and named."""
    dropped: list[tuple[str, str]] = []
    role = _kept(clean_role, data.get("role"), "dropped_role", dropped)
    team = _kept(clean_label, data.get("team"), "dropped_team", dropped)
    stamp = data.get("updated")
    updated = stamp[:40] if isinstance(stamp, str) and valid_date(stamp[:10]) else None
    if stamp is not None and updated is None:
        dropped.append(("dropped_updated", ""))
    return (role, team, updated), tuple(dropped)


def _kept(clean: Any, value: Any, key: str, dropped: list[tuple[str, str]]) -> Any:
    # a cleaned field, or None with a note of what was dropped
    try:
        return clean(value)
    except Refusal:
        dropped.append((key, ""))
        return None


def _snapshots(checklist: Checklist, data: Any) -> tuple[tuple[Snapshot, ...], int, int]:
    # the snapshots that can be carried over (the most recent MAX_SNAPSHOTS), how many could not, how many lost answers
    if not isinstance(data, list):
        return (), 0 if data is None else 1, 0
    read = [_snapshot(checklist, item) for item in data[-MAX_SNAPSHOTS:]]
    kept = [s for s, lost in read if s is not None and (s.answers or not lost)]
    reduced = sum(1 for s, lost in read if s is not None and s.answers and lost)
    return tuple(kept), len(data) - len(kept), reduced


@dataclass(frozen=True)
class Shown:
    """A snapshot as the result panel uses it: its date, the scores it showed then, and the plan of that moment."""

    date: str
    overall: int | None
    sections: dict[str, int | None]
    plan: dict[str, PlanItem]


def _whole_score(value: Any) -> int | None:
    # a shown score: a whole number from 0 to 100, else nothing
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100 else None


def read_history(checklist: Checklist, data: Any) -> tuple[Shown, ...]:
    """The page's snapshots (as restored by the engine) in order; anything malformed is left out, never trusted."""
    if not isinstance(data, list):
        return ()
    history = []
    for item in data[-MAX_SNAPSHOTS:]:
        if (
            not isinstance(item, Mapping)
            or not valid_date(item.get("date"))
            or not isinstance(item.get("sections"), Mapping)
        ):
            continue
        sections = {s.id: _whole_score(item["sections"].get(s.id)) for s in checklist.sections}
        plan, _ = read_plan(checklist, item.get("plan"))
        history.append(Shown(item["date"], _whole_score(item.get("score")), sections, plan))
    return tuple(history)
