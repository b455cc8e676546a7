"""The wire formats of a response: the JSON export file, the share code of a link, and CSV for spreadsheets.

Exports carry checklist id, definition version, language, role, team label, date and engine version;
share codes pack the answers into a URL fragment with a CRC-32; CSV is UTF-8 with BOM, `;`-separated,
every field quoted. Reading any of them validates through the model and refuses with `ImportProblem`.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Mapping
from typing import Any

from .answers import Answer, migrate
from .model import UNKNOWN, Checklist, ChecklistError
from .record import MAX_LABEL, ImportProblem, Response, clean_label, clean_role, respond
from .scoring import Result, display
from .strings import t

FORMAT = "cx-playbook-export"
SCHEMA = 1
MAX_BYTES = 2_000_000
"""The largest export or team file accepted (a full export is a few kilobytes)."""


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
    }


def parse_export(checklists: Mapping[str, Checklist], text: str, *, expected: str | None = None) -> Response:
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
    return Response(
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


def shared_response(checklists: Mapping[str, Checklist], code: str) -> Response:
    """The response a pasted share link stands for (dated by its checksum, so the same link counts once)."""
    checklist, answers = decode_share(checklists, code)
    return respond(checklist, answers, language="nl", date=f"share:{code.strip()[-8:]}")


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


def answers_csv(checklist: Checklist, answers: Mapping[str, Answer], result: Result, lang: str) -> str:
    """One row per question: section, its score, question, answer and the answer's meaning."""
    rows: list[list[Any]] = [t("csv_answers", lang).split(";")]
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
