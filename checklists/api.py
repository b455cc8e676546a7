"""The engine's message interface for the browser worker: JSON in, JSON out.

The worker keeps one Python session; definitions are validated once per page and cached here.
"""

from __future__ import annotations

import json
from typing import Any

from . import ENGINE_VERSION
from .model import Checklist, ChecklistError
from .report import announcement, render
from .scoring import score

_LOADED: dict[str, tuple[Checklist, dict[str, str]]] = {}


def define(definition: Any, links: Any = None) -> dict[str, Any]:
    """Validate a definition (and its chapter links for this page) and keep it for scoring."""
    checklist = Checklist.from_dict(definition)
    _LOADED[checklist.id] = (checklist, dict(links or {}))
    return {"id": checklist.id, "version": checklist.version, "engine": ENGINE_VERSION}


def score_answers(checklist_id: str, answers: Any, lang: str) -> dict[str, Any]:
    """Score answers for a defined checklist: the result as data plus the panel as HTML."""
    if checklist_id not in _LOADED:
        raise ChecklistError("checklist", f"unknown checklist {checklist_id!r}")
    checklist, links = _LOADED[checklist_id]
    result = score(checklist, answers)
    return {
        "result": result.to_dict(),
        "html": render(checklist, result, lang, links, answers),
        "announce": announcement(checklist, result, lang),
    }


_OPERATIONS = {"define": define, "score": score_answers}


def handle(request: str) -> str:
    """Run one request `{"op": …, "args": {…}}`; reply `{"result": …}` or `{"error": {…}}`."""
    try:
        message = json.loads(request)
        operation = _OPERATIONS[message["op"]]
        return json.dumps({"result": operation(**message.get("args", {}))})
    except ChecklistError as error:
        return json.dumps({"error": {"kind": "checklist", "path": error.path, "message": str(error)}})
    except (KeyError, TypeError, ValueError) as error:
        return json.dumps({"error": {"kind": "request", "message": f"{type(error).__name__}: {error}"}})
