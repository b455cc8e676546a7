"""The wire formats of a response: the JSON export file, the share code of a link, and CSV for spreadsheets.

Exports carry checklist id, definition version, language, role, team label, date and engine version;
share codes pack the answers into a URL fragment with a CRC-32; CSV is UTF-8 with BOM, `;`-separated,
every field quoted. Reading any of them validates through the model and refuses with `Refusal`.
"""

from __future__ import annotations

import base64
import csv
import io
import re
import unicodedata
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import jsontext
from .answers import Answer, not_applicable
from .model import NO, UNKNOWN, YES, Checklist, ChecklistError
from .record import MAX_LABEL, MISSING, Refusal, Response, clean_label, respond
from .scoring import Result, display
from .strings import t

FORMAT = "cx-playbook-export"
SCHEMA = 1
MAX_BYTES = 2_000_000
"""The largest export or team file accepted (a full export is a few kilobytes)."""
MAX_CODE = 1000
"""The longest share code or link read: one character per answer, plus a team label of at most 80 characters
in base64url (up to 428 characters for 80 four-byte characters) and the page's address."""
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv;charset=utf-8", "svg": "image/svg+xml"}


def download(stem: str, kind: str, text: str) -> dict[str, str]:
    """A file for the page to offer as a download: its name, its text and its media type."""
    return {"name": f"{stem}.{kind}", "text": text, "type": MEDIA_TYPES[kind]}


def _slug(text: str) -> str:
    # a label as part of a file name: ASCII letters and digits, accents dropped, words joined by hyphens
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:40].strip("-")


def file_stem(*parts: str | None) -> str:
    """A download's name from its parts (checklist, role, team label, date): colleagues' files never share a name."""
    return "-".join(slug for slug in (_slug(part) for part in parts if part) if slug) or "cx"


def migration_note(made: Response, lang: str) -> str | None:
    """The sentence that says which answers an older version's file lost (None when nothing was migrated)."""
    if made.from_version is None:
        return None
    return t("migrated", lang, value=made.from_version, dropped=", ".join(made.dropped) or "—")


def file_text(text: Any, size: Any) -> Any:
    """A file's text as the page sent it; a file too large for the page to read comes with its size only."""
    if text is None and isinstance(size, int) and size > MAX_BYTES:
        raise Refusal("too_large")
    return text


def read_text(text: Any, *, max_chars: int = MAX_BYTES) -> Any:
    """Outside JSON text as data, within the limits; anything else is a `Refusal` naming why."""
    try:
        return jsontext.read(text, max_chars=max_chars)
    except jsontext.Unreadable as problem:
        raise Refusal(problem.code) from None


def _short(value: str, limit: int) -> str:
    # a text field from outside (a date, an engine version), made short and printable
    return " ".join(value.split())[:limit]


def export_dict(response: Response) -> dict[str, Any]:
    """A response as the data of an export file."""
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "checklist": response.checklist,
        "version": response.version,
        "language": response.language,
        "role": response.role,
        "team": response.team,
        "date": response.date,
        "engine": response.engine,
        "answers": dict(response.answers),
        "plan": {area: item.to_dict() for area, item in response.plan.items()},
    }


def parse_export(checklists: Mapping[str, Checklist], text: str, *, expected: str | None = None) -> Response:
    """Parse and validate an export file's text; older versions are migrated, problems raise `Refusal`."""
    data = read_text(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Refusal("foreign")
    if data.get("schema") != SCHEMA:
        raise Refusal("schema")
    name = data.get("checklist", MISSING)
    if not isinstance(name, str):
        raise Refusal("unknown_checklist", value=name)
    if expected is not None and name != expected:
        raise Refusal("other_checklist", value=name)
    if name not in checklists:
        raise Refusal("unknown_checklist", value=name)
    checklist = checklists[name]
    version = data.get("version", MISSING)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Refusal("version", value=version)
    if version > checklist.version:
        raise Refusal("newer_version", value=version, current=checklist.version)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise Refusal("answers")
    try:
        return respond(
            checklist,
            answers,
            language=data.get("language"),
            role=data.get("role"),
            team=data.get("team"),
            date=_short(data["date"], 40) if isinstance(data.get("date"), str) and data["date"] else None,
            engine=_short(data["engine"], 20) if isinstance(data.get("engine"), str) and data["engine"] else None,
            plan=data.get("plan"),
            version=version,
        )
    except ChecklistError:
        raise Refusal("answers") from None


# --- share codes ----------------------------------------------------------------------------------------------------

CODE_PREFIX = "cx2"
"""Share codes carry answers, role and team label: `cx2.<id>.<version>.<answers>.<role>.<team>.<crc32>`."""
OLD_PREFIX = "cx1"
"""The first format, without role and team label (`cx1.<id>.<version>.<answers>.<crc32>`): still read, with a notice."""
PREFIXES = (CODE_PREFIX, OLD_PREFIX)
_DIGITS = "0123456789a"
_BLANK, _UNKNOWN = "_", "x"
_GATE = {YES: "y", NO: "n"}
_ROLE = {"board": "b", "manager": "m", "employee": "e", "other": "o"}


@dataclass(frozen=True)
class Shared:
    """What a share code holds: the checklist, the version it was made with, the answers, role and team label."""

    checklist: Checklist
    version: int
    answers: dict[str, Answer]
    role: str | None = None
    team: str | None = None
    old_format: bool = False


def _char(checklist: Checklist, answer_id: str, value: Answer | None) -> str:
    # one answer as one character: a gate's y/n, a scale value in base 11, x for don't know, _ for none
    if value is None:
        return _BLANK
    if answer_id in checklist.gate_ids:
        return _GATE[str(value)]
    return _UNKNOWN if value == UNKNOWN else _DIGITS[int(value)]


def encode_share(
    checklist: Checklist, answers: Mapping[str, Answer], role: str | None = None, team: str | None = None
) -> str:
    """A compact, checksummed code for a URL fragment: one character per answer in definition order, the role
    as one character and the team label in base64url (UTF-8); every single-character change breaks the CRC-32."""
    chars = "".join(_char(checklist, key, answers.get(key)) for key in checklist.answer_ids)
    label = base64.urlsafe_b64encode(team.encode()).decode().rstrip("=") if team else ""
    body = f"{CODE_PREFIX}.{checklist.id}.{checklist.version}.{chars}.{_ROLE.get(role or '', _BLANK)}.{label}"
    return f"{body}.{zlib.crc32(body.encode()):08x}"


def _fragment(code: Any) -> str:
    # the code itself, from a whole link, a fragment or the bare code; anything not short ASCII is refused
    if not isinstance(code, str) or len(code) > MAX_CODE or not code.isascii():
        raise Refusal("bad_code")
    code = code.strip()
    if "#" in code:
        code = code.split("#", 1)[1]
    return code.removeprefix("cx=")


def decode_share(checklists: Mapping[str, Checklist], code: str) -> Shared:
    """What a share code holds; a mistyped or tampered code raises `Refusal`.

    A code of an earlier version is read with that version's statements (the checklist's `history`); a code of
    the first format (no role, no team label) is read too and marked `old_format`.
    """
    parts = _fragment(code).split(".")
    if len(parts) not in (5, 7) or parts[0] not in PREFIXES or (len(parts) == 7) != (parts[0] == CODE_PREFIX):
        raise Refusal("bad_code")
    *body, checksum = parts
    if f"{zlib.crc32('.'.join(body).encode()):08x}" != checksum:
        raise Refusal("bad_code")
    prefix, name, version, payload = body[:4]
    if name not in checklists:
        raise Refusal("unknown_checklist", value=name)
    checklist = checklists[name]
    questions = checklist.questions_of(int(version)) if version.isdigit() and len(version) <= 6 else None
    if questions is None:
        raise Refusal("code_version", value=int(version) if version.isdigit() else version, current=checklist.version)
    if len(payload) != len(questions):
        raise Refusal("bad_code")
    answers = {key: _value(checklist, key, char) for key, char in zip(questions, payload, strict=True)}
    answers = {key: value for key, value in answers.items() if value is not None}
    if prefix == OLD_PREFIX:
        return Shared(checklist, int(version), answers, old_format=True)
    role, label = body[4:]
    roles = {char: role for role, char in _ROLE.items()}
    if role != _BLANK and role not in roles:
        raise Refusal("bad_code")
    return Shared(checklist, int(version), answers, roles.get(role), _label(label))


def _value(checklist: Checklist, answer_id: str, char: str) -> Answer | None:
    # one character back to an answer (None for blank); an answer id the current version no longer has is kept
    # as read, for the migration to name it as dropped
    if char == _BLANK:
        return None
    if answer_id in checklist.gate_ids:
        for value, mark in _GATE.items():
            if char == mark:
                return value
        raise Refusal("bad_code")
    if char == _UNKNOWN:
        return UNKNOWN
    if char not in _DIGITS or int(char, 16) not in checklist.scale.values:
        raise Refusal("bad_code")
    return int(char, 16)


def _label(text: str) -> str | None:
    # a team label from base64url, or a refusal when it is not valid UTF-8 or too long
    if not text:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        label = raw.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise Refusal("bad_code") from None
    if base64.urlsafe_b64encode(raw).decode().rstrip("=") != text or len(label) > MAX_LABEL:
        raise Refusal("bad_code")
    return clean_label(label)


def shared_response(checklists: Mapping[str, Checklist], code: str) -> Response:
    """The response a share link stands for, migrated to the current version (dated by its checksum: one per link)."""
    found = decode_share(checklists, code)
    return respond(
        found.checklist,
        found.answers,
        language="nl",
        role=found.role,
        team=found.team,
        date=f"share:{str(code).strip()[-8:]}",
        version=found.version,
        old_format=found.old_format,
    )


# --- CSV ------------------------------------------------------------------------------------------------------------


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


def answers_csv(checklist: Checklist, response: Response, result: Result, lang: str) -> str:
    """One row per question: section, its score, question, answer, the answer's meaning, and the section's plan;
    the gates first; then the overall score, level, coverage and whether the result is provisional."""
    rows: list[list[Any]] = [t("csv_answers", lang).split(";")]
    scale, answers = checklist.scale, response.answers
    off = not_applicable(checklist, answers)
    for gate in checklist.gates:
        value = answers.get(gate.id)
        shown_gate = t(f"gate_{value}", lang) if value in (YES, NO) else ""
        rows.append(["", "", gate.id, gate.text.get(lang), shown_gate, shown_gate, None, None])
    for section in checklist.sections:
        section_score = display(result.section(section.id).score)
        plan = response.plan.get(section.id)
        owner, due = (plan.owner, plan.due) if plan else (None, None)
        for question in section.questions:
            value = answers.get(question.id)
            if question.id in off:
                shown, meaning = "", t("csv_not_applicable", lang)
            elif value == UNKNOWN:
                shown, meaning = "?", scale.unknown.get(lang)
            elif value is None:
                shown, meaning = "", ""
            else:
                shown, meaning = value, scale.labels[int(value) - scale.low].get(lang)
            row = [section.title.get(lang), section_score, question.id, question.text.get(lang), shown, meaning]
            rows.append([*row, owner, due])
    level = checklist.levels[result.level].name.get(lang) if result.level is not None else ""
    rows += [
        [],
        [t("csv_overall", lang), display(result.overall)],
        [t("csv_level", lang), level],
        [t("csv_coverage", lang), display(result.coverage)],
        [t("csv_provisional", lang), t("gate_yes" if result.provisional else "gate_no", lang)],
    ]
    return to_csv(rows)
