"""The traced stdlib in the browser: never more than the engine needs, and an import outside it still works."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from checklists.formats import export_dict, parse_export
from checklists.record import respond
from checklists.scoring import display
from checklists.team import aggregate

from .conftest import ENGINE_TIMEOUT_MS, Session

pytestmark = pytest.mark.browser
FULL_STDLIB = "python_stdlib.zip"


def team_files(definitions: dict) -> list[dict[str, Any]]:
    """Three exports of the board checklist, as files for the team view's file input."""
    board = definitions["board-voice"]
    made = [
        respond(board, {q: (i + n) % 5 + 1 for n, q in enumerate(board.question_ids)}, language="nl", role="employee")
        for i in range(3)
    ]
    return [
        {"name": f"{i}.json", "mimeType": "application/json", "buffer": json.dumps(export_dict(m)).encode()}
        for i, m in enumerate(made)
    ]


def team_view(session: Session, site_url: str, definitions: dict) -> Any:
    """The team view with three exports added; returns the page once the team's overall score is shown."""
    page = session.page()
    warnings: list[str] = []
    page.on("worker", lambda worker: worker.on("console", lambda m: warnings.append(m.text)))
    page.goto(site_url + "checklists/team/")
    page.wait_for_selector(
        "[data-cx-teamview][data-cx-engine-state=ready]", state="attached", timeout=ENGINE_TIMEOUT_MS
    )
    page.set_input_files("[data-cx-team-files]", team_files(definitions))
    page.wait_for_selector('[data-cx-team="board-voice"][data-cx-respondents="3"]', timeout=ENGINE_TIMEOUT_MS)
    page.warnings = warnings
    return page


def pyodide_folder(site: Path) -> str:
    """The Pyodide version folder the site ships."""
    return next(site.glob(f"assets/pyodide/*/{FULL_STDLIB}")).parent.name


def expected_overall(definitions: dict) -> str:
    """The team's overall median as the native engine computes it from the same three exports."""
    exports = [parse_export(definitions, f["buffer"].decode()) for f in team_files(definitions)]
    return str(display(aggregate(definitions["board-voice"], exports).overall.median))


def test_the_team_view_needs_nothing_outside_the_traced_stdlib(
    session: Session, site_url: str, definitions: dict
) -> None:
    page = team_view(session, site_url, definitions)
    assert page.get_attribute("[data-cx-team-overall]", "data-cx-team-overall") == expected_overall(definitions)
    assert not any(url.endswith(FULL_STDLIB) for url in session.requests), "the fallback was not needed"
    assert not any("traced stdlib" in text for text in page.warnings)


def test_a_module_left_out_of_the_stdlib_is_loaded_from_the_full_one(
    session: Session, site_url: str, built_site: Path, definitions: dict
) -> None:
    # the site's traced stdlib without `statistics`, which only the team view imports
    original = next(built_site.glob("assets/engine/*/stdlib.zip")).read_bytes()
    trimmed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(trimmed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "statistics.pyc":
                out.writestr(info, source.read(info.filename))
    body = trimmed.getvalue()
    session.context.route(
        "**/assets/engine/*/stdlib.zip", lambda route: route.fulfill(body=body, content_type="application/zip")
    )
    page = team_view(session, site_url, definitions)
    assert page.get_attribute("[data-cx-team-overall]", "data-cx-team-overall") == expected_overall(definitions)
    fetched = {url for url in session.requests if url.endswith(FULL_STDLIB)}
    assert fetched == {f"{site_url}assets/pyodide/{pyodide_folder(built_site)}/{FULL_STDLIB}"}, "from the site"
    said = [text for text in page.warnings if "traced stdlib" in text]
    assert len(said) == 1 and "'statistics' is not in the traced stdlib" in said[0], "loaded once, and said so"
