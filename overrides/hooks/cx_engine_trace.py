"""Run inside Pyodide (under Node) at build time: every engine operation once, so the import system can be watched.

`exercise()` sends the worker's requests through `checklists.api.handle` (define, restore, score, chart, export,
import, share links, snapshots, the team view, refusals, an engine error's traceback) for two checklists that
use every feature of a definition. `cx_engine_node.mjs` records which stdlib modules were imported on the way.
"""

from __future__ import annotations

import json
import traceback
from typing import Any


def _text(word: str) -> dict[str, str]:
    # both languages, with the characters real definitions use (accents, quotes, dashes)
    return {"nl": f"{word} — één ‘klant’", "en": f"{word} — one ‘customer’"}


def _section(sid: str, questions: list[str], **extra: Any) -> dict[str, Any]:
    items = [{"id": q, "text": _text(q)} for q in questions]
    return {"id": sid, "title": _text(sid), "questions": items, **extra}


def definitions() -> list[dict[str, Any]]:
    """A threshold checklist (anchors, weights, links, advice, a say–do pair, an older version) and a cumulative one."""
    first = _section("vision", ["v-say", "v-do", "v-three"], chapter="blocks/vision.md#practices", advice=_text("a"))
    first["questions"][1] |= {"weight": 2, "anchors": {"high": _text("high"), "low": _text("low")}}
    first["questions"][2] |= {"chapter": "blocks/vision.md", "advice": _text("q")}
    threshold = {
        "id": "trace-threshold",
        "version": 2,
        "title": _text("title"),
        "intro": _text("intro"),
        "respondent": _text("board"),
        "overall": "weighted",
        "levels": [
            {"min": 0, "name": _text("low"), "description": _text("d")},
            {"min": 50, "name": _text("high"), "description": _text("d")},
        ],
        "sections": [first, _section("people", ["p-one", "p-two"], weight=2), _section("data", ["d-one", "d-two"])],
        "pairs": [{"say": "v-say", "do": "v-do", "finding": _text("gap")}],
        "history": [{"version": 1, "questions": ["v-say", "v-do", "p-one", "old"]}],
    }
    cumulative = {
        "id": "trace-cumulative",
        "version": 1,
        "title": _text("phases"),
        "intro": _text("intro"),
        "level_rule": "cumulative",
        "pass_mark": 60,
        "levels": [{"name": _text(f"phase {i}"), "description": _text("d")} for i in range(4)],
        "sections": [_section(f"phase-{i}", [f"c{i}-a", f"c{i}-b"]) for i in range(3)],
    }
    return [threshold, cumulative]


def _call(op: str, lang: str = "en", refused: bool = False, **args: Any) -> Any:
    # one request as the worker sends it; its result, or its refusal when one is expected (anything else stops the
    # build: a request that fails half-way would leave the rest of its imports untraced)
    reply = json.loads(_handle(json.dumps({"op": op, "args": {**args, "lang": lang}})))
    if ("error" in reply) != refused or (refused and reply["error"]["kind"] == "engine"):
        raise RuntimeError(f"{op}: {reply.get('error') or 'a result where a refusal was expected'}")
    return reply.get("error") if refused else reply["result"]


def _handle(text: str) -> str:
    from checklists import api

    return api.handle(text)


def exercise(given: list[dict[str, Any]] | None = None) -> int:
    """Every operation of the engine, in both languages, on every checklist given; returns the requests sent."""
    from checklists import api

    sent = 0
    assert api.self_test()
    for definition in given or definitions():
        questions = [q["id"] for s in definition["sections"] for q in s["questions"]]
        cid = definition["id"]
        for lang in ("nl", "en"):
            _call("define", lang, definition=definition, links={"x": "blocks/vision/#practices"})
            low, high = definition.get("scale", {}).get("min", 1), definition.get("scale", {}).get("max", 5)
            answers = {q: low + i % (high - low + 1) for i, q in enumerate(questions)}
            answers[questions[-1]] = "unknown"
            plan = {definition["sections"][0]["id"]: {"owner": "Ann", "due": "2026-12-31"}}
            saved = {"schema": 1, "checklist": cid, "version": definition["version"], "answers": answers}
            saved |= {"role": "board", "team": "Noord", "updated": "2026-11-30T10:00:00Z", "plan": plan}
            state = _call("restore", lang, checklist_id=cid, text=json.dumps(saved))["state"]
            _call("restore", lang, checklist_id=cid, text=None)
            _call("restore", lang, checklist_id=cid, text="{not json")
            old = {**saved, "version": 1, "answers": {"old": 3, "v-say": 4}, "role": "nobody", "plan": [1]}
            _call("restore", lang, checklist_id=cid, text=json.dumps(old))
            state["snapshots"] = _call("snapshot", lang, checklist_id=cid, answers=answers, plan=plan)["snapshots"]
            _call("score", lang, checklist_id=cid, answers=answers, saved=state)
            _call("score", lang, checklist_id=cid, answers={})
            _call("chart", lang, checklist_id=cid, answers=answers, date="2026-12-01T09:00:00Z")
            files = _call("export", lang, checklist_id=cid, answers=answers, saved=state, date="2026-12-01")
            exported = files["json"]["text"]
            _call("import", lang, checklist_id=cid, text=exported, size=len(exported))
            code = _call("share_encode", lang, checklist_id=cid, answers=answers)["code"]
            _call("share_decode", lang, code=f"https://example.org/x/#cx={code}")
            _call("share_decode", lang, refused=True, code=code[:-1] + ("1" if code.endswith("0") else "0"))
            items = [{"name": "a.json", "text": exported}, {"name": "link", "text": code}]
            for i, role in enumerate(("board", "board", "employee", "employee", "manager")):
                one = {**answers, questions[i % len(questions)]: "unknown"}
                made = _call("export", lang, checklist_id=cid, answers=one, saved={"role": role, "team": f"t{i}"})
                items.append({"name": f"{i}.json", "text": made["json"]["text"]})
            items += [
                {"name": "dup.json", "text": exported},
                {"name": "bad", "text": "[]"},
                {"name": "big", "size": 9_000_000_000},
            ]
            _call("team", lang, files=items, date="2026-12-01T09:00:00Z")
            sent += 17 + len(items)
    for broken in ("", "[", '{"op": "nope", "args": {}}', '{"op": "score", "args": {"x": 1e999}}', "[" * 6000):
        _handle(broken)
    try:  # an engine error at the boundary prints its traceback (api.handle's last resort)
        raise RuntimeError("trace")
    except RuntimeError:
        traceback.print_exc(file=_Sink())
    return sent + 5


class _Sink:
    # a stream that keeps nothing: the traceback is formatted, not shown
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
