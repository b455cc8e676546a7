"""The engine's message interface for the browser worker: JSON in, JSON out, for any input.

The worker keeps one Python session; a page defines its checklists once and then sends score,
export, import, share, restore and team requests. `handle` is total: whatever text it is given, it
replies `{"result": …}` or `{"error": {"kind", "code", "message"}}`, the message a sentence in the
request's language. Outside text (files, links, saved entries) is read with limits (`jsontext`).
"""

from __future__ import annotations

import datetime
import json
import re
import traceback
from collections.abc import Mapping
from typing import Any

from . import ENGINE_VERSION, jsontext
from .answers import parse_answers
from .charts import chart_file, section_chart
from .formats import (
    answers_csv,
    download,
    encode_share,
    export_dict,
    file_stem,
    file_text,
    migration_note,
    parse_export,
    read_text,
    shared_response,
)
from .model import LANGUAGES, Checklist, ChecklistError
from .record import (
    SCHEMA,
    Refusal,
    Saved,
    clean_label,
    clean_role,
    read_history,
    read_meta,
    read_plan,
    read_saved,
    read_saved_text,
    respond,
)
from .report import announcement, bar_text, kept, render
from .scoring import display, score, shown
from .strings import refusal, t

REQUEST_CHARS = 64_000_000
"""A team request carries its files as text; nothing else comes near this size."""
LINK = re.compile(r"[A-Za-z0-9._~/%-]*(#[A-Za-z0-9_-]*)?")
"""A chapter URL as the build writes it: relative, no scheme."""

_LOADED: dict[str, tuple[Checklist, dict[str, str]]] = {}


def _checklists() -> dict[str, Checklist]:
    return {name: checklist for name, (checklist, _) in _LOADED.items()}


def _get(checklist_id: Any) -> tuple[Checklist, dict[str, str]]:
    if not isinstance(checklist_id, str) or checklist_id not in _LOADED:
        raise Refusal("no_checklist")
    return _LOADED[checklist_id]


def _mapping(value: Any) -> Mapping[str, Any]:
    # an optional object argument
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise Refusal("bad_request")
    return value


def define(definition: Any, links: Any = None, lang: str = "nl") -> dict[str, Any]:
    """Build a checklist from the page's definition (and its chapter URLs) and keep it for scoring."""
    checklist = Checklist.from_dict(definition)
    urls = {str(k): v for k, v in _mapping(links).items() if isinstance(v, str) and LINK.fullmatch(v)}
    _LOADED[checklist.id] = (checklist, urls)
    _warm_up(checklist)
    return {"id": checklist.id, "version": checklist.version, "engine": ENGINE_VERSION}


def _warm_up(checklist: Checklist) -> None:
    # score and render a full answer set once, so the reader's first answer runs warmed-up code
    middle = (checklist.scale.low + checklist.scale.high) // 2
    answers = dict.fromkeys(checklist.question_ids, checklist.scale.low)
    answers[checklist.question_ids[0]] = middle
    result = score(checklist, answers)
    history = read_history(checklist, [{"date": "2026-01-01", "sections": shown(result), "score": 50}])
    render(checklist, result, "nl", {}, history=history)
    announcement(checklist, result, "en")


def score_answers(checklist_id: Any, answers: Any, lang: str = "nl", saved: Any = None) -> dict[str, Any]:
    """Score answers: the panel as HTML, a sentence to announce, the rounded overall and the shown section scores.

    `saved` is the reader's own entry as restored (none for a share link's answers): its date, role and team
    head the result, its plan fills the focus areas' fields, and its snapshots (with the scores they showed,
    never scored again) give the trend, the plan's progress and the list.
    """
    checklist, links = _get(checklist_id)
    result = score(checklist, answers)
    if saved is None:  # a share link's answers: no date, plan or snapshots of the reader's own (read-only)
        html = render(checklist, result, lang, links, own=False)
    else:
        entry = _mapping(saved)
        (role, team, updated), _ = read_meta(entry)  # lenient: a result is never refused for these
        day = updated[:10] if updated else datetime.date.today().isoformat()
        plan, _ = read_plan(checklist, entry.get("plan"))
        history = read_history(checklist, entry.get("snapshots"))
        meta = {"date": day, "role": role, "team": team}
        html = render(checklist, result, lang, links, meta=meta, plan=plan, history=history)
    return {
        "overall": display(result.overall),
        "sections": shown(result),
        "html": html,
        "announce": announcement(checklist, result, lang),
        "bar": bar_text(checklist, result, lang),
        "kept": kept(result),
    }


def chart(checklist_id: Any, answers: Any, lang: str = "nl", date: Any = None) -> dict[str, Any]:
    """The chart of the answers as an SVG file for a slide, titled with the checklist's name and the date."""
    checklist, _ = _get(checklist_id)
    result = score(checklist, answers)
    day = _day(date)
    heading = t("chart_file_title", lang, checklist=checklist.title.get(lang), date=day)
    svg = chart_file(section_chart(checklist, result, lang), heading)
    return {"file": download(f"{checklist.id}-{day or 'chart'}", "svg", svg)}


def _day(date: Any) -> str:
    # the day of an ISO date from the page, fit for a file name ("" when there is none)
    return re.sub(r"[^0-9A-Za-z-]", "", date[:10]) if isinstance(date, str) else ""


def export(checklist_id: Any, answers: Any, lang: str = "nl", saved: Any = None, date: Any = None) -> dict[str, Any]:
    """The answers as a JSON export and a CSV sheet to download, with the role, team and plan of `saved`."""
    checklist, _ = _get(checklist_id)
    own, date = _mapping(saved), date if isinstance(date, str) else None
    role, team, plan = own.get("role"), own.get("team"), own.get("plan")
    made = respond(checklist, answers, language=lang, role=role, team=team, date=date, engine=ENGINE_VERSION, plan=plan)
    result = score(checklist, made.answers)
    stem = file_stem(checklist.id, made.role and t(f"role_short_{made.role}", lang), made.team, _day(date))
    return {
        "json": download(stem, "json", json.dumps(export_dict(made), ensure_ascii=False, indent=2)),
        "csv": download(stem, "csv", answers_csv(checklist, made, result, lang)),
    }


def import_export(checklist_id: Any, text: Any, lang: str = "nl", size: Any = None) -> dict[str, Any]:
    """Validate an export's text for this checklist page: the answers to adopt and what was left out."""
    _get(checklist_id)
    made = parse_export(_checklists(), file_text(text, size), expected=checklist_id)
    return {
        "answers": made.answers,
        "role": made.role,
        "team": made.team,
        "date": made.date,
        "plan": {k: v.to_dict() for k, v in made.plan.items()},
        "notice": migration_note(made, lang),
    }


def share_encode(
    checklist_id: Any, answers: Any, lang: str = "nl", role: Any = None, team: Any = None
) -> dict[str, Any]:
    """A share code for the answers, with the respondent's role and team label (for the URL fragment)."""
    checklist, _ = _get(checklist_id)
    return {"code": encode_share(checklist, parse_answers(checklist, answers), clean_role(role), clean_label(team))}


def share_decode(code: Any, lang: str = "nl") -> dict[str, Any]:
    """The checklist, answers, role and team label in a share code (of this or an earlier version or format),
    and one notice naming what no longer fits or what an old link could not carry."""
    made = shared_response(_checklists(), code)
    notices = [migration_note(made, lang), t("old_link", lang) if made.old_format else None]
    return {
        "checklist": made.checklist,
        "answers": made.answers,
        "role": made.role,
        "team": made.team,
        "notice": " ".join(n for n in notices if n) or None,
    }


def restore(checklist_id: Any, text: Any = None, lang: str = "nl") -> dict[str, Any]:
    """A browser's saved entry (its raw text), validated and carried over: the state to keep and one notice.

    `lossy` says the entry holds something the state leaves out (the page keeps the original apart); `held` says the
    engine could not read all of it (the page then writes nothing over it before the reader acts); `newer` says a
    newer version of the site wrote it (the page leaves it untouched and saves nothing until the reader chooses).
    """
    checklist, _ = _get(checklist_id)
    if not isinstance(text, str):
        restored = read_saved(checklist, {"schema": SCHEMA})
        return {
            "state": _state(checklist, restored.saved),
            "notice": None,
            "lossy": False,
            "held": False,
            "newer": False,
        }
    restored = read_saved_text(checklist, text)
    if restored.newer:
        notice = t("newer_saved", lang)
    elif restored.corrupt:
        notice = t("corrupt_saved", lang)
    elif restored.dropped:
        parts = "; ".join(t(key, lang, detail=detail) for key, detail in restored.dropped)
        notice = f"{t('restored', lang, what=parts)} {t('kept_aside' if restored.held else 'copy_apart', lang)}"
    else:
        notice = None
    state = _state(checklist, restored.saved)
    return {"state": state, "notice": notice, "lossy": restored.lossy, "held": restored.held, "newer": restored.newer}


def snapshot(
    checklist_id: Any, answers: Any, plan: Any = None, snapshots: Any = None, lang: str = "nl"
) -> dict[str, Any]:
    """The snapshots with one more: today's answers and plan, with the scores they show (the oldest drop off)."""
    checklist, _ = _get(checklist_id)
    today = {"date": datetime.date.today().isoformat(), "version": checklist.version, "answers": answers, "plan": plan}
    entry = {"schema": SCHEMA, "snapshots": [*(snapshots if isinstance(snapshots, list) else []), today]}
    return {"snapshots": _state(checklist, read_saved(checklist, entry).saved)["snapshots"]}


def _state(checklist: Checklist, saved: Saved) -> dict[str, Any]:
    # a saved entry as the page keeps it; each snapshot with the scores it showed, computed once here
    snapshots = []
    for snapshot in saved.snapshots:
        result = score(checklist, snapshot.answers)
        snapshots.append(
            {
                "date": snapshot.date,
                "version": snapshot.version,
                "answers": snapshot.answers,
                "plan": {k: v.to_dict() for k, v in snapshot.plan.items()},
                "score": display(result.overall),
                "sections": shown(result),
            }
        )
    return {
        "schema": SCHEMA,
        "checklist": checklist.id,
        "version": checklist.version,
        "answers": saved.answers,
        "role": saved.role,
        "team": saved.team,
        "updated": saved.updated,
        "plan": {k: v.to_dict() for k, v in saved.plan.items()},
        "snapshots": snapshots,
    }


# the team session's requests: the module is imported only when the team page asks (checklist pages start sooner)


def _links() -> dict[str, dict[str, str]]:
    return {name: urls for name, (_, urls) in _LOADED.items()}


def team_view(
    files: Any, lang: str = "nl", date: Any = None, exclude: Any = None, plan: Any = None, snapshots: Any = None
) -> dict[str, Any]:
    """The team's picture from collected files and share links, with the groups to include, the team plan and its
    progress since the last team snapshot. Each item is read on its own: a bad one is refused alone."""
    from .session import team_view as view

    return view(_checklists(), files, lang, date, exclude, plan, snapshots, _links(), migration_note)


def team_snapshot(
    files: Any, lang: str = "nl", exclude: Any = None, plan: Any = None, snapshots: Any = None
) -> dict[str, Any]:
    """The team snapshots with today's added (the team medians and the team plan, per checklist)."""
    from .session import team_snapshot as take

    return take(_checklists(), files, lang, exclude, plan, snapshots, migration_note)


def team_restore(text: Any = None, lang: str = "nl", items: Any = None) -> dict[str, Any]:
    """A kept team session (its text and its items' text) read back: what can be kept, and a notice if not all."""
    from .session import team_restore as read

    return read(_checklists(), text, items, lang)


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
    "restore": restore,
    "snapshot": snapshot,
    "chart": chart,
    "team": team_view,
    "team_snapshot": team_snapshot,
    "team_restore": team_restore,
}


def _fits(operation: Any, args: Mapping[str, Any]) -> bool:
    # whether the arguments name exactly parameters of the operation, the required ones included
    code = operation.__code__
    names = code.co_varnames[: code.co_argcount]
    required = names[: code.co_argcount - len(operation.__defaults__ or ())]
    return set(args) <= set(names) and set(required) <= set(args)


def _refusal(code: str, lang: str, kind: str = "refusal", **details: Any) -> str:
    # the error reply: a catalogue sentence in the request's language
    return json.dumps({"error": {"kind": kind, "code": code, "message": refusal(code, details, lang)}})


def _language(request: Any) -> str:
    # the language a request asks for, even when the request cannot be read as a whole
    found = re.search(r'"lang"\s*:\s*"(nl|en)"', request[:REQUEST_CHARS]) if isinstance(request, str) else None
    return found.group(1) if found else "nl"


def handle(request: Any) -> str:
    """Run one request `{"op": …, "args": {…}}` (JSON text); reply `{"result": …}` or `{"error": {…}}`, always."""
    lang = _language(request)
    try:
        try:
            message = read_text(request, max_chars=REQUEST_CHARS)
        except Refusal:  # the envelope is the glue's own: if it cannot be read, the request is not understood
            raise Refusal("bad_request") from None
        args = message.get("args", {}) if isinstance(message, dict) else None
        if not isinstance(args, dict):
            raise Refusal("bad_request")
        lang = args["lang"] if args.get("lang") in LANGUAGES else "nl"
        operation = _OPERATIONS.get(message.get("op")) if isinstance(message.get("op"), str) else None
        if operation is None or not _fits(operation, args):
            raise Refusal("bad_request")
        return json.dumps({"result": operation(**{**args, "lang": lang})})
    except Refusal as problem:
        return _refusal(problem.code, lang, "import", **problem.details)
    except ChecklistError as error:
        code = "bad_answers" if error.path.startswith("answers") else "bad_definition"
        return _refusal(code, lang, "checklist", path=jsontext.clean(error.path)[:200])
    except Exception:  # the boundary: whatever went wrong, the page gets a sentence, the console the details
        traceback.print_exc()
        return _refusal("engine_error", lang, "engine")
