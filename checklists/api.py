"""The engine's message interface for the browser worker: JSON in, JSON out.

The worker keeps one Python session; a page defines its checklists once and then sends score,
export, import, share and team requests. Every reply is `{"result": …}` or `{"error": …}`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import ENGINE_VERSION
from .formats import answers_csv, decode_share, encode_share, export_dict, parse_export, shared_response
from .model import Checklist, ChecklistError
from .record import ImportProblem, Response, respond
from .report import announcement, render
from .scoring import display, score, shown
from .strings import t

_LOADED: dict[str, tuple[Checklist, dict[str, str]]] = {}


def _checklists() -> dict[str, Checklist]:
    return {name: checklist for name, (checklist, _) in _LOADED.items()}


def _get(checklist_id: str) -> tuple[Checklist, dict[str, str]]:
    if checklist_id not in _LOADED:
        raise ChecklistError("checklist", f"unknown checklist {checklist_id!r}")
    return _LOADED[checklist_id]


def define(definition: Any, links: Any = None, lang: str = "nl") -> dict[str, Any]:
    """Build a checklist from the page's definition (and its chapter links) and keep it for scoring."""
    checklist = Checklist.from_dict(definition)
    _LOADED[checklist.id] = (checklist, dict(links or {}))
    _warm_up(checklist)
    return {"id": checklist.id, "version": checklist.version, "engine": ENGINE_VERSION}


def _warm_up(checklist: Checklist) -> None:
    # score and render a full answer set once, so the reader's first answer runs warmed-up code
    middle = (checklist.scale.low + checklist.scale.high) // 2
    answers = dict.fromkeys(checklist.question_ids, checklist.scale.low)
    answers[checklist.question_ids[0]] = middle
    result = score(checklist, answers)
    render(checklist, result, "nl", {}, answers, previous=("", shown(result)))
    announcement(checklist, result, "en")


def _previous(previous: Any) -> tuple[str, dict[str, int | None]] | None:
    # an earlier date and the section scores shown then; numbers from the page are taken only when whole 0–100
    if not isinstance(previous, Mapping) or not isinstance(previous.get("sections"), Mapping):
        return None
    sections = {
        str(key): value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100 else None
        for key, value in previous["sections"].items()
    }
    return str(previous.get("date") or "")[:40], sections


def score_answers(checklist_id: str, answers: Any, lang: str, meta: Any = None, previous: Any = None) -> dict[str, Any]:
    """Score answers: the panel as HTML, a sentence to announce, the rounded overall and the shown section scores.

    `previous` is a snapshot's date and shown section scores, for the trend column; it is not scored again.
    """
    checklist, links = _get(checklist_id)
    result = score(checklist, answers)
    return {
        "overall": display(result.overall),
        "sections": shown(result),
        "html": render(checklist, result, lang, links, answers, meta=meta or {}, previous=_previous(previous)),
        "announce": announcement(checklist, result, lang),
    }


def export(
    checklist_id: str, answers: Any, lang: str, role: Any = None, team: Any = None, date: Any = None
) -> dict[str, Any]:
    """The answers as a JSON export and a CSV sheet, plus a file name stem."""
    checklist, _ = _get(checklist_id)
    made = respond(checklist, answers, language=lang, role=role, team=team, date=date, engine=ENGINE_VERSION)
    result = score(checklist, made.answers)
    stem = f"{checklist.id}-v{checklist.version}-{(date or 'export')[:10]}"
    return {
        "json": json.dumps(export_dict(made), ensure_ascii=False, indent=2),
        "csv": answers_csv(checklist, made.answers, result, lang),
        "stem": stem,
    }


def _migrated(made: Response, lang: str) -> str | None:
    # the sentence that says which answers an older version's file lost
    if made.from_version is None:
        return None
    return t("migrated", lang, value=made.from_version, dropped=", ".join(made.dropped) or "—")


def import_export(checklist_id: str, text: str, lang: str) -> dict[str, Any]:
    """Validate an export's text for this checklist page: the answers to adopt and what was left out."""
    made = parse_export(_checklists(), text, expected=checklist_id)
    return {
        "answers": made.answers,
        "role": made.role,
        "team": made.team,
        "date": made.date,
        "notice": _migrated(made, lang),
    }


def share_encode(checklist_id: str, answers: Any, lang: str = "nl") -> dict[str, Any]:
    """A share code for the answers (for the URL fragment)."""
    checklist, _ = _get(checklist_id)
    return {"code": encode_share(checklist, respond(checklist, answers, language="nl").answers)}


def share_decode(code: str, lang: str) -> dict[str, Any]:
    """The checklist id and answers in a share code."""
    checklist, answers = decode_share(_checklists(), code)
    return {"checklist": checklist.id, "answers": answers}


def team_view(files: Any, lang: str, date: Any = None) -> dict[str, Any]:
    """Aggregate dropped exports and pasted share links: per checklist the team view, plus what was refused."""
    # imported here: checklist pages never need statistics and friends, so their engine starts sooner
    from .team import aggregate
    from .teamview import render_team, team_csv, team_dict

    checklists = _checklists()
    accepted: dict[str, list[Response]] = {}
    refused: list[dict[str, str]] = []
    notes: list[dict[str, str]] = []
    seen: set[str] = set()
    for item in files:
        name, text = str(item.get("name", ""))[:200], str(item.get("text", ""))
        try:
            found = _read_team_item(checklists, text)
        except ImportProblem as problem:
            refused.append({"name": name, "message": t(problem.code, lang, **problem.details)})
            continue
        if found.fingerprint() in seen:
            refused.append({"name": name, "message": t("duplicate", lang)})
            continue
        seen.add(found.fingerprint())
        accepted.setdefault(found.checklist, []).append(found)
        note = _migrated(found, lang)
        if note:
            notes.append({"name": name, "message": note})
    views, downloads = [], {}
    for name, checklist in checklists.items():
        if name not in accepted:
            continue
        team = aggregate(checklist, accepted[name])
        views.append(render_team(checklist, team, lang))
        if not team.waiting:
            downloads[name] = {
                "json": json.dumps(team_dict(checklist, team, date=date), ensure_ascii=False, indent=2),
                "csv": team_csv(checklist, team, lang),
                "stem": f"team-{name}-v{checklist.version}-{str(date or 'export')[:10]}",
            }
    return {
        "html": "".join(views),
        "accepted": sum(len(v) for v in accepted.values()),
        "refused": refused,
        "notes": notes,
        "downloads": downloads,
    }


def _read_team_item(checklists: dict[str, Checklist], text: str) -> Response:
    # an export file, or a pasted share link/code
    stripped = text.strip()
    if stripped.startswith("{") or not stripped:
        return parse_export(checklists, text)
    if "cx1." in stripped:
        return shared_response(checklists, stripped)
    return parse_export(checklists, text)


def self_test() -> bool:
    """A known score, so a worker can check that the engine it booted (e.g. from a snapshot) answers correctly."""
    checklist = Checklist.from_dict(
        {
            "id": "self-test",
            "version": 1,
            "title": {"nl": "t", "en": "t"},
            "intro": {"nl": "t", "en": "t"},
            "sections": [
                {
                    "id": "s",
                    "title": {"nl": "s", "en": "s"},
                    "questions": [
                        {"id": "a", "text": {"nl": "a", "en": "a"}},
                        {"id": "b", "text": {"nl": "b", "en": "b"}, "weight": 3},
                    ],
                }
            ],
        }
    )
    return score(checklist, {"a": 5, "b": 3}).overall == 62.5


_OPERATIONS = {
    "define": define,
    "score": score_answers,
    "export": export,
    "import": import_export,
    "share_encode": share_encode,
    "share_decode": share_decode,
    "team": team_view,
}


def handle(request: str) -> str:
    """Run one request `{"op": …, "args": {…}}`; reply `{"result": …}` or `{"error": {…}}`."""
    message: Any = None
    try:
        message = json.loads(request)
        operation = _OPERATIONS[message["op"]]
        return json.dumps({"result": operation(**message.get("args", {}))})
    except ImportProblem as problem:
        lang = (message or {}).get("args", {}).get("lang", "nl")
        text = t(problem.code, lang, **problem.details)
        return json.dumps({"error": {"kind": "import", "code": problem.code, "message": text}})
    except ChecklistError as error:
        return json.dumps({"error": {"kind": "checklist", "path": error.path, "message": str(error)}})
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return json.dumps({"error": {"kind": "request", "message": f"{type(error).__name__}: {error}"}})
