"""The wire formats of a response: the JSON export file, the share code of a link, and CSV for spreadsheets.

Exports carry checklist id, definition version, language, role, team label, date and engine version;
share codes pack the answers into a URL fragment with a CRC-32; CSV is UTF-8 with BOM, `;`-separated,
every field quoted. Reading any of them validates through the model and refuses with `Refusal`.
"""

from __future__ import annotations

import csv
import io
import zlib
from collections.abc import Mapping
from typing import Any

from . import jsontext
from .answers import Answer
from .model import UNKNOWN, Checklist, ChecklistError
from .record import MAX_LABEL, Refusal, Response, respond
from .scoring import Result, display
from .strings import t

FORMAT = "cx-playbook-export"
SCHEMA = 1
MAX_BYTES = 2_000_000
"""The largest export or team file accepted (a full export is a few kilobytes)."""
MAX_CODE = 400
"""The longest share code or link read (a code has one character per question)."""
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv;charset=utf-8", "svg": "image/svg+xml"}


def download(stem: str, kind: str, text: str) -> dict[str, str]:
    """A file for the page to offer as a download: its name, its text and its media type."""
    return {"name": f"{stem}.{kind}", "text": text, "type": MEDIA_TYPES[kind]}


def read_text(text: Any, *, max_chars: int = MAX_BYTES) -> Any:
    """Outside JSON text as data, within the limits; anything else is a `Refusal` naming why."""
    try:
        return jsontext.read(text, max_chars=max_chars)
    except jsontext.Unreadable as problem:
        raise Refusal(problem.code) from None


def _shown(value: Any, limit: int) -> str:
    # a value from outside, made short and printable for a refusal's sentence
    return " ".join(str(value).split())[:limit]


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
    name = data.get("checklist")
    if not isinstance(name, str):
        raise Refusal("unknown_checklist", value=_shown(name, MAX_LABEL))
    if expected is not None and name != expected:
        raise Refusal("other_checklist", value=_shown(name, MAX_LABEL))
    if name not in checklists:
        raise Refusal("unknown_checklist", value=_shown(name, MAX_LABEL))
    checklist = checklists[name]
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Refusal("version", value=_shown(version, 20))
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
            date=_shown(data["date"], 40) if isinstance(data.get("date"), str) and data["date"] else None,
            engine=_shown(data["engine"], 20) if isinstance(data.get("engine"), str) and data["engine"] else None,
            plan=data.get("plan"),
            version=version,
        )
    except ChecklistError:
        raise Refusal("answers") from None


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


def decode_share(checklists: Mapping[str, Checklist], code: str) -> tuple[Checklist, int, dict[str, Answer]]:
    """The checklist, version and answers in a share code; a mistyped or tampered code raises `Refusal`.

    A code of an earlier version is read with that version's statements (the checklist's `history`).
    """
    if not isinstance(code, str) or len(code) > MAX_CODE or not code.isascii():
        raise Refusal("bad_code")
    code = code.strip()
    if "#" in code:
        code = code.split("#", 1)[1]
    code = code.removeprefix("cx=")
    parts = code.split(".")
    if len(parts) != 5 or parts[0] != CODE_PREFIX:
        raise Refusal("bad_code")
    prefix, name, version, payload, checksum = parts
    if f"{zlib.crc32(f'{prefix}.{name}.{version}.{payload}'.encode()):08x}" != checksum:
        raise Refusal("bad_code")
    if name not in checklists:
        raise Refusal("unknown_checklist", value=_shown(name, MAX_LABEL))
    checklist = checklists[name]
    questions = checklist.questions_of(int(version)) if version.isdigit() and len(version) <= 6 else None
    if questions is None:
        raise Refusal("code_version", value=_shown(version, 10), current=checklist.version)
    if len(payload) != len(questions):
        raise Refusal("bad_code")
    answers: dict[str, Answer] = {}
    for question, char in zip(questions, payload, strict=True):
        if char == _UNKNOWN:
            answers[question] = UNKNOWN
        elif char != _BLANK:
            if char not in _DIGITS or int(char, 16) not in checklist.scale.values:
                raise Refusal("bad_code")
            answers[question] = int(char, 16)
    return checklist, int(version), answers


def shared_response(checklists: Mapping[str, Checklist], code: str) -> Response:
    """The response a share link stands for, migrated to the current version (dated by its checksum: one per link)."""
    checklist, version, answers = decode_share(checklists, code)
    return respond(checklist, answers, language="nl", date=f"share:{str(code).strip()[-8:]}", version=version)


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
    """One row per question: section, its score, question, answer, the answer's meaning, and the section's plan."""
    rows: list[list[Any]] = [t("csv_answers", lang).split(";")]
    scale, answers = checklist.scale, response.answers
    for section in checklist.sections:
        section_score = display(result.section(section.id).score)
        plan = response.plan.get(section.id)
        owner, due = (plan.owner, plan.due) if plan else (None, None)
        for question in section.questions:
            value = answers.get(question.id)
            if value == UNKNOWN:
                shown, meaning = "?", scale.unknown.get(lang)
            elif value is None:
                shown, meaning = "", ""
            else:
                shown, meaning = value, scale.labels[int(value) - scale.low].get(lang)
            row = [section.title.get(lang), section_score, question.id, question.text.get(lang), shown, meaning]
            rows.append([*row, owner, due])
    return to_csv(rows)
