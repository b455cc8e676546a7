"""The team session: collected files and share links read one by one, grouped, aggregated, planned and followed up.

The facilitator's browser keeps the session (items, the groups left out, the team plan, team snapshots); every part of
it is outside input and is read here again on every request. Imported only by the team page's requests.
"""

from __future__ import annotations

import datetime
import json
import traceback
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import jsontext
from .formats import (
    CODE_PREFIX,
    MAX_BYTES,
    download,
    file_stem,
    file_text,
    parse_export,
    read_text,
    shared_response,
)
from .model import Checklist
from .record import PlanItem, Refusal, Response, Shown, read_history, read_plan
from .scoring import display
from .strings import refusal, t
from .team import TeamResult, aggregate
from .teamview import render_intake, render_team, team_csv, team_dict

MAX_FILES = 2000
"""The most items a team view reads (a download is a few kilobytes); later ones are refused one by one."""
SESSION_CHARS = 40_000_000
"""The most text of a kept session the engine reads (more than any browser's storage holds)."""
SCHEMA = 1


@dataclass
class Collected:
    """What became of the items handed in: accepted responses per checklist (with their names), refusals, notes."""

    accepted: dict[str, list[tuple[str, Response]]] = field(default_factory=dict)
    refused: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)


def group_of(response: Response) -> str:
    """The group a response belongs to: the checklist version it was given for and its team label."""
    return f"{response.from_version or response.version}:{response.team or ''}"


def read_item(checklists: Mapping[str, Checklist], text: Any, size: Any = None) -> Response:
    """One collected item: a downloaded file's text, a share link, or a file's text pasted; a spreadsheet download
    sent by mistake is named as such."""
    text = file_text(text, size)
    if not isinstance(text, str):
        raise Refusal("not_json")
    stripped = text.strip().lstrip("\ufeff")
    if (f"{CODE_PREFIX}." in stripped or "cx1." in stripped) and not stripped.startswith("{"):
        return shared_response(checklists, stripped)
    if not stripped.startswith(("{", "[")) and ";" in stripped.split("\n", 1)[0]:
        raise Refusal("csv_item")
    return parse_export(checklists, text)


def collect(checklists: Mapping[str, Checklist], files: Any, lang: str, migrated: Any) -> Collected:
    """Read every item on its own: a bad one is refused with its own sentence, the others still count."""
    if not isinstance(files, list):
        raise Refusal("bad_request")
    found = Collected()
    seen: set[str] = set()
    for index, item in enumerate(files):
        item = item if isinstance(item, Mapping) else {}
        name = str(item.get("name", ""))[:200]
        if index >= MAX_FILES:
            found.refused.append({"name": name, "message": t("too_many_files", lang, max=MAX_FILES)})
            continue
        try:
            response = read_item(checklists, item.get("text"), item.get("size"))
        except Refusal as problem:
            found.refused.append({"name": name, "message": refusal(problem.code, problem.details, lang)})
            continue
        except Exception:  # an item the engine cannot read must never stop the others
            traceback.print_exc()
            found.refused.append({"name": name, "message": t("engine_error", lang)})
            continue
        if response.fingerprint() in seen:
            found.refused.append({"name": name, "message": t("duplicate", lang)})
            continue
        seen.add(response.fingerprint())
        found.accepted.setdefault(response.checklist, []).append((name, response))
        notes = [migrated(response, lang), t("old_link", lang) if response.old_format else None]
        if any(notes):
            found.notes.append({"name": name, "message": " ".join(n for n in notes if n)})
    return found


def groups(collected: Collected, excluded: set[str]) -> list[dict[str, Any]]:
    """The groups of the collected responses (per checklist, version and team label), with whether each counts."""
    counts = Counter(
        (checklist, group_of(response)) for checklist, items in collected.accepted.items() for _, response in items
    )
    return [
        {
            "checklist": checklist,
            "key": key,
            "version": int(key.split(":", 1)[0]),
            "label": key.split(":", 1)[1],
            "count": count,
            "included": key not in excluded,
        }
        for (checklist, key), count in sorted(counts.items())
    ]


def title_of(responses: list[Response]) -> str | None:
    """The session's title: the team label most respondents gave (the first seen on a tie), if any gave one."""
    labels = Counter(r.team for r in responses if r.team)
    return max(labels, key=lambda label: (labels[label], -[r.team for r in responses].index(label))) if labels else None


def _excluded(value: Any) -> set[str]:
    # the groups the facilitator left out: group keys as the page sent them back
    return {str(key)[:200] for key in value} if isinstance(value, list) else set()


def _plans(checklists: Mapping[str, Checklist], value: Any) -> dict[str, dict[str, PlanItem]]:
    # the team plan per checklist, read like an individual plan (known sections, an owner, a real date)
    value = value if isinstance(value, Mapping) else {}
    return {name: read_plan(checklist, value.get(name))[0] for name, checklist in checklists.items()}


def _history(checklists: Mapping[str, Checklist], value: Any) -> dict[str, tuple[Shown, ...]]:
    # the team snapshots per checklist, oldest first, read like an individual's snapshots
    items = value if isinstance(value, list) else []
    return {
        name: read_history(checklist, [i for i in items if isinstance(i, Mapping) and i.get("checklist") == name])
        for name, checklist in checklists.items()
    }


def progress(history: tuple[Shown, ...], team: TeamResult) -> tuple[str, list[tuple[str, int | None, int | None]]]:
    """Since the latest team snapshot that holds a plan: each planned area's team median then and now."""
    for snapshot in reversed(history):
        if snapshot.plan:
            now = {s.id: display(s.spread.median) if s.spread else None for s in team.sections}
            return snapshot.date, [(area, snapshot.sections.get(area), now.get(area)) for area in snapshot.plan]
    return "", []


def _views(
    checklists: Mapping[str, Checklist], collected: Collected, excluded: set[str]
) -> dict[str, tuple[Checklist, TeamResult, list[Response]]]:
    # per checklist with items: the aggregation of the included groups
    views = {}
    for name, checklist in checklists.items():
        if name not in collected.accepted:
            continue
        responses = [r for _, r in collected.accepted[name] if group_of(r) not in excluded]
        views[name] = (checklist, aggregate(checklist, responses), responses)
    return views


def team_view(
    checklists: Mapping[str, Checklist],
    files: Any,
    lang: str,
    date: Any,
    exclude: Any,
    plan: Any,
    snapshots: Any,
    links: Mapping[str, Mapping[str, str]],
    migrated: Any,
) -> dict[str, Any]:
    """The team's picture per checklist (focus areas with the team plan and its progress), the intake, the groups
    to choose from, the session's title and the downloads for the minutes."""
    collected = collect(checklists, files, lang, migrated)
    excluded = _excluded(exclude)
    plans, history = _plans(checklists, plan), _history(checklists, snapshots)
    day = _day(date)
    html, downloads, counted = [], {}, []
    for name, (checklist, team, responses) in _views(checklists, collected, excluded).items():
        counted += responses
        since, moves = progress(history[name], team)
        html.append(render_team(checklist, team, lang, plans[name], (since, moves), links.get(name, {})))
        if not team.waiting:
            stem = (t("team_file", lang), checklist.title.get(lang), title_of(responses), day)
            data = team_dict(checklist, team, date=date if isinstance(date, str) else None, plan=plans[name])
            text = json.dumps(data, ensure_ascii=False, indent=2)
            downloads[f"{name}:json"] = download(file_stem(*stem), "json", text)
            downloads[f"{name}:csv"] = download(file_stem(*stem), "csv", team_csv(checklist, team, lang, plans[name]))
    found_groups = groups(collected, excluded)
    titles = {name: c.title.get(lang) for name, c in checklists.items()}
    return {
        "summary": t("team_summary", lang, accepted=len(counted), refused=len(collected.refused)),
        "intake": render_intake(collected.refused, collected.notes, found_groups, titles, list(downloads), lang),
        "html": "".join(html),
        "title": title_of(counted),
        "accepted": len(counted),
        "refused": collected.refused,
        "notes": collected.notes,
        "groups": found_groups,
        "files": downloads,
    }


def _day(date: Any) -> str:
    return "".join(c for c in date[:10] if c.isalnum() or c == "-") if isinstance(date, str) else ""


def team_snapshot(
    checklists: Mapping[str, Checklist], files: Any, lang: str, exclude: Any, plan: Any, snapshots: Any, migrated: Any
) -> dict[str, Any]:
    """The team snapshots with one more per checklist that has a team result: today's medians and team plan."""
    collected = collect(checklists, files, lang, migrated)
    plans = _plans(checklists, plan)
    kept = [s for s in (snapshots if isinstance(snapshots, list) else []) if isinstance(s, Mapping)]
    today = datetime.date.today().isoformat()
    for name, (_checklist, team, _) in _views(checklists, collected, _excluded(exclude)).items():
        if team.waiting:
            continue
        sections = {s.id: display(s.spread.median) if s.spread else None for s in team.sections}
        overall = display(team.overall.median) if team.overall else None
        plan_data = {k: v.to_dict() for k, v in plans[name].items()}
        kept.append({"date": today, "checklist": name, "score": overall, "sections": sections, "plan": plan_data})
    history = _history(checklists, kept)
    return {"snapshots": [_shown_dict(name, s) for name in checklists for s in history[name]]}


def _shown_dict(checklist: str, shown: Shown) -> dict[str, Any]:
    return {
        "date": shown.date,
        "checklist": checklist,
        "score": shown.overall,
        "sections": shown.sections,
        "plan": {k: v.to_dict() for k, v in shown.plan.items()},
    }


def team_restore(checklists: Mapping[str, Checklist], text: Any, items: Any, lang: str) -> dict[str, Any]:
    """A kept session read back from its two raw texts (the session, and its items, kept apart because they are
    large and change seldom): the items, the groups left out, the team plan and snapshots that can be read, with
    one notice when something could not be kept (the page then keeps the originals apart)."""
    empty = {"items": [], "exclude": [], "plan": {}, "snapshots": []}
    if not isinstance(text, str) and not isinstance(items, str):
        return {"state": empty, "notice": None, "lossy": False}
    data: dict[str, Any] = {}
    if isinstance(text, str):
        try:
            data = dict(_read_session(text))
        except jsontext.Unreadable:
            return {"state": empty, "notice": t("corrupt_session", lang), "lossy": True}
    if isinstance(items, str):
        try:
            data["items"] = [_read_or_none(item) for item in jsontext.elements(items)]
        except jsontext.Unreadable:
            return {"state": {**empty, **_rest(checklists, data)}, "notice": t("corrupt_session", lang), "lossy": True}
    raw_items = data.get("items") if isinstance(data.get("items"), list) else []
    found = [_item(i) for i in raw_items[:MAX_FILES]]
    kept = [i for i in found if i is not None]
    state = {"items": kept, **_rest(checklists, data)}
    lost = len(raw_items) - len(kept)
    notice = t("session_dropped", lang, n=lost) if lost else None
    return {"state": state, "notice": notice, "lossy": bool(lost)}


def _read_session(text: str) -> Mapping[str, Any]:
    # the session's text: whole within the limits, else part by part
    try:
        data = read_text(text, max_chars=SESSION_CHARS)
        if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
            raise Refusal("schema")
        return data
    except Refusal:
        return _salvage(text)


def _rest(checklists: Mapping[str, Checklist], data: Mapping[str, Any]) -> dict[str, Any]:
    # the groups left out, the team plan and the team snapshots of a kept session, read like a request's
    plans = {k: {a: p.to_dict() for a, p in v.items()} for k, v in _plans(checklists, data.get("plan")).items() if v}
    history = _history(checklists, data.get("snapshots"))
    return {
        "exclude": sorted(_excluded(data.get("exclude"))),
        "plan": plans,
        "snapshots": [_shown_dict(name, s) for name in checklists for s in history[name]],
    }


def _salvage(text: str) -> Mapping[str, Any]:
    # the readable parts of a session too large or too deep to read whole: each part and each item on its own
    data: dict[str, Any] = {}
    for key, raw in jsontext.members(text):
        try:
            if key == "items" and raw.startswith("["):
                data[key] = [_read_or_none(item) for item in jsontext.elements(raw)]
            elif key in ("schema", "exclude", "plan", "snapshots"):
                data[key] = jsontext.read(raw, max_chars=MAX_BYTES)
        except jsontext.Unreadable:
            continue
    return data


def _read_or_none(raw: str) -> Any:
    try:
        return jsontext.read(raw, max_chars=MAX_BYTES + 1000)
    except jsontext.Unreadable:
        return None


def _item(value: Any) -> dict[str, Any] | None:
    # a kept item: its name and its text (a file's text or a link), within the limits, else nothing
    if not isinstance(value, Mapping) or not isinstance(value.get("text"), str) or len(value["text"]) > MAX_BYTES:
        return None
    return {"name": str(value.get("name", ""))[:200], "text": value["text"]}
