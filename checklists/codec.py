"""Exports, imports and share codes: answers in and out of the browser, validated by the model.

JSON exports carry checklist id, definition version, language, role, team label, date and engine
version; share codes pack the answers into a URL fragment with a CRC-32 checksum; CSV is for
spreadsheets (UTF-8 with BOM, `;`-separated, every field quoted).
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import UNKNOWN, Checklist, ChecklistError, Text
from .scoring import Answer, Result, display, migrate

FORMAT = "cx-playbook-export"
SCHEMA = 1
MAX_BYTES = 2_000_000
"""The largest export or team file accepted (a full export is a few kilobytes)."""
MAX_LABEL = 80
ROLES = {
    "board": Text("Directie of bestuur", "Board"),
    "manager": Text("Manager", "Manager"),
    "employee": Text("Medewerker of contactcentrum", "Employee or contact centre"),
    "other": Text("Anders", "Other"),
}
LEADERS = ("board", "manager")
STAFF = ("employee",)


class ImportProblem(ValueError):
    """Why an import, share code or team file is refused: a code for the page's message, plus details."""

    def __init__(self, code: str, **details: Any) -> None:
        self.code = code
        self.details = details
        super().__init__(f"{code}: {details}" if details else code)


@dataclass(frozen=True)
class Export:
    """One respondent's answers to one checklist, as exported (after migration to the current version)."""

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
        """Identifies the same export uploaded twice (answers, role, label and date)."""
        canonical = json.dumps([self.checklist, self.answers, self.role, self.team, self.date], sort_keys=True)
        return f"{zlib.crc32(canonical.encode()):08x}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema": SCHEMA,
            "checklist": self.checklist,
            "version": self.version,
            "language": self.language,
            "role": self.role,
            "team": self.team,
            "date": self.date,
            "engine": self.engine,
            "answers": dict(self.answers),
        }


def clean_role(role: Any) -> str | None:
    """A known role id or None; anything else is refused."""
    if role in (None, ""):
        return None
    if role not in ROLES:
        raise ImportProblem("role", value=str(role)[:MAX_LABEL])
    return role


def clean_label(label: Any) -> str | None:
    """A free-text team label: trimmed, at most MAX_LABEL characters, never markup-interpreted."""
    if label in (None, ""):
        return None
    if not isinstance(label, str):
        raise ImportProblem("label")
    return " ".join(label.split())[:MAX_LABEL] or None


def make_export(
    checklist: Checklist,
    answers: Mapping[str, Answer],
    *,
    language: str,
    role: Any = None,
    team: Any = None,
    date: str | None = None,
    engine: str | None = None,
) -> Export:
    """An export of validated answers with its metadata."""
    migration = migrate(checklist, dict(answers), checklist.version)
    return Export(
        checklist.id,
        checklist.version,
        migration.answers,
        language if language in ("nl", "en") else "nl",
        clean_role(role),
        clean_label(team),
        date,
        engine,
    )


def parse_export(checklists: Mapping[str, Checklist], text: str, *, expected: str | None = None) -> Export:
    """Parse and validate an export file's text; older versions are migrated, problems raise `ImportProblem`."""
    if len(text.encode("utf-8", errors="replace")) > MAX_BYTES:
        raise ImportProblem("too_large")
    if not text.strip():
        raise ImportProblem("empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise ImportProblem("not_json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportProblem("foreign")
    if data.get("schema") != SCHEMA:
        raise ImportProblem("schema")
    name = data.get("checklist")
    if expected is not None and name != expected and isinstance(name, str):
        raise ImportProblem("other_checklist", value=name[:MAX_LABEL])
    if name not in checklists:
        raise ImportProblem("unknown_checklist", value=str(name)[:MAX_LABEL])
    checklist = checklists[name]
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportProblem("version", value=str(version)[:20])
    if version > checklist.version:
        raise ImportProblem("newer_version", value=version, current=checklist.version)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise ImportProblem("answers")
    try:
        migration = migrate(checklist, answers, version)
    except ChecklistError:
        raise ImportProblem("answers") from None
    return Export(
        checklist=name,
        version=checklist.version,
        answers=migration.answers,
        language=data.get("language") if data.get("language") in ("nl", "en") else "nl",
        role=clean_role(data.get("role")),
        team=clean_label(data.get("team")),
        date=str(data["date"])[:40] if data.get("date") else None,
        engine=str(data["engine"])[:20] if data.get("engine") else None,
        dropped=migration.dropped,
        from_version=version if migration.changed else None,
    )


# --- share codes ----------------------------------------------------------------------------------------------------

CODE_PREFIX = "cx1"
_DIGITS = "0123456789a"
_BLANK, _UNKNOWN = "_", "x"


def encode_share(checklist: Checklist, answers: Mapping[str, Answer]) -> str:
    """A compact, checksummed code for a URL fragment: one character per question, in definition order."""
    chars = []
    for question in checklist.question_ids:
        value = answers.get(question)
        chars.append(_BLANK if value is None else _UNKNOWN if value == UNKNOWN else _DIGITS[int(value)])
    body = f"{CODE_PREFIX}.{checklist.id}.{checklist.version}.{''.join(chars)}"
    return f"{body}.{zlib.crc32(body.encode()):08x}"


def decode_share(checklists: Mapping[str, Checklist], code: str) -> tuple[Checklist, dict[str, Answer]]:
    """The checklist and answers in a share code; a mistyped or tampered code raises `ImportProblem`."""
    code = code.strip()
    if "#" in code:
        code = code.split("#", 1)[1]
    code = code.removeprefix("cx=")
    parts = code.split(".")
    if len(parts) != 5 or parts[0] != CODE_PREFIX:
        raise ImportProblem("bad_code")
    prefix, name, version, payload, checksum = parts
    if f"{zlib.crc32(f'{prefix}.{name}.{version}.{payload}'.encode()):08x}" != checksum:
        raise ImportProblem("bad_code")
    if name not in checklists:
        raise ImportProblem("unknown_checklist", value=name[:MAX_LABEL])
    checklist = checklists[name]
    if not version.isdigit() or int(version) != checklist.version:
        raise ImportProblem("code_version", value=version[:10], current=checklist.version)
    if len(payload) != len(checklist.question_ids):
        raise ImportProblem("bad_code")
    answers: dict[str, Answer] = {}
    for question, char in zip(checklist.question_ids, payload, strict=True):
        if char == _UNKNOWN:
            answers[question] = UNKNOWN
        elif char != _BLANK:
            if char not in _DIGITS or int(char, 16) not in checklist.scale.values:
                raise ImportProblem("bad_code")
            answers[question] = int(char, 16)
    return checklist, answers


# --- CSV ------------------------------------------------------------------------------------------------------------

CSV_HEAD = {
    "nl": ["onderdeel", "onderdeelscore", "vraag_id", "vraag", "antwoord", "betekenis"],
    "en": ["section", "section_score", "question_id", "question", "answer", "meaning"],
}


def _cell(value: Any) -> str:
    # spreadsheet-safe text: no formula injection from text starting with = + - @
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[list[Any]]) -> str:
    """CSV for spreadsheets: BOM, `;` separator, every field quoted, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()


def answers_csv(checklist: Checklist, answers: Mapping[str, Answer], result: Result, lang: str) -> str:
    """One row per question: section, its score, question, answer and the answer's meaning."""
    rows: list[list[Any]] = [CSV_HEAD["en" if lang == "en" else "nl"]]
    scale = checklist.scale
    for section in checklist.sections:
        section_score = display(result.section(section.id).score)
        for question in section.questions:
            value = answers.get(question.id)
            if value == UNKNOWN:
                shown, meaning = "?", scale.unknown.get(lang)
            elif value is None:
                shown, meaning = "", ""
            else:
                shown, meaning = value, scale.labels[int(value) - scale.low].get(lang)
            rows.append([section.title.get(lang), section_score, question.id, question.text.get(lang), shown, meaning])
    return to_csv(rows)
