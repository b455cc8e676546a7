"""Run inside Pyodide by pyodide_check.mjs: import every shipped module and use the engine, then report as JSON."""

from __future__ import annotations

import importlib
import json
import sys


def report(modules: str, definition: str) -> str:
    """Which modules fail to import, what the engine answers, and which modules were compiled from source."""
    failed = []
    for name in json.loads(modules):
        if name.endswith(".__main__"):
            continue  # scripts, not modules: importing one runs it
        try:
            importlib.import_module(name)
        except BaseException as error:
            failed.append(f"{name}: {type(error).__name__}: {error}")
    engine: dict[str, object] = {}
    try:
        from checklists import api

        request = {"op": "define", "args": {"definition": json.loads(definition)}}
        engine["define"] = json.loads(api.handle(json.dumps(request)))
        args = {"checklist_id": "leadership", "answers": {"vision-decisions-tested": 4}, "lang": "en"}
        engine["score"] = json.loads(api.handle(json.dumps({"op": "score", "args": args})))["result"]["overall"]
        team = {"op": "team", "args": {"files": [], "lang": "nl"}}
        engine["team"] = json.loads(api.handle(json.dumps(team)))
        engine["from"] = sys.modules["checklists"].__file__
    except BaseException as error:
        engine["error"] = f"{type(error).__name__}: {error}"
    compiled = sorted(
        n
        for n, m in sys.modules.items()
        if (getattr(m, "__file__", None) or "").endswith(".py") and getattr(m.__spec__, "origin", "") != "frozen"
    )
    return json.dumps({"failed": failed, "engine": engine, "compiled_in_browser": compiled})
