"""Run inside Pyodide by pyodide_check.mjs: import modules, use the engine on the real definitions, report as JSON."""

from __future__ import annotations

import importlib
import json
import sys


def _import_all(names: list[str]) -> list[str]:
    # every name imported; the failures as "name: error"
    failed = []
    for name in names:
        if name.endswith(".__main__"):
            continue  # scripts, not modules: importing one runs it
        try:
            importlib.import_module(name)
        except BaseException as error:
            failed.append(f"{name}: {type(error).__name__}: {error}")
    return failed


def _engine(definitions: list[dict]) -> dict[str, object]:
    # every operation on every real checklist (the build's trace program), then a few answers checked
    engine: dict[str, object] = {}
    try:
        from checklists import api

        import cx_engine_trace

        engine["requests"] = cx_engine_trace.exercise(definitions)
        if not any(d["id"] == "leadership" for d in definitions):
            return engine
        args = {"checklist_id": "leadership", "answers": {"vision-decisions-tested": 4}, "lang": "en"}
        engine["score"] = json.loads(api.handle(json.dumps({"op": "score", "args": args})))["result"]["overall"]
        team = {"op": "team", "args": {"files": [], "lang": "nl"}}
        engine["team"] = json.loads(api.handle(json.dumps(team)))
        engine["from"] = sys.modules["checklists"].__file__
    except BaseException as error:
        engine["error"] = f"{type(error).__name__}: {error}"
    return engine


def _forced(checks: dict[str, str]) -> dict[str, str]:
    # modules the engine never imports, each used by one expression: its value, or the error
    answers = {}
    for name, expression in checks.items():
        try:
            answers[name] = repr(eval(expression, {"module": importlib.import_module(name)}))
        except BaseException as error:
            answers[name] = f"{type(error).__name__}: {error}"
    return answers


def report(options: str) -> str:
    """Which modules fail to import, what the engine answers, what the fallback loaded, what was compiled here."""
    given = json.loads(options)
    fallback = None
    if given.get("fallback"):
        import cx_fallback

        fallback = cx_fallback.install("https://example.invalid/REPO/assets/pyodide/314/python_stdlib.zip")
    failed = _import_all(given.get("modules", []))
    engine = _engine(given.get("definitions", []))
    forced = _forced(given.get("force", {}))
    compiled = sorted(
        f"{n}: {m.__file__}"
        for n, m in sys.modules.items()
        if (getattr(m, "__file__", None) or "").endswith(".py")
        and getattr(m.__spec__, "origin", "") != "frozen"
        and not m.__file__.startswith("/lib/cx_trace/")
    )
    return json.dumps(
        {
            "failed": failed,
            "engine": engine,
            "forced": forced,
            "fallback": fallback.loaded if fallback else None,
            "compiled_in_browser": compiled,
        }
    )
