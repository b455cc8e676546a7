"""Every built page of both languages passes the Nu HTML checker (vnu.jar from npm, offline, one JVM run)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import ROOT, report

VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
CONTROL = '<!doctype html>\n<html lang="en"><head><title>control</title></head><body><img src="x.png"></body></html>\n'

# Errors caused by Material for MkDocs' own templates (not by this project's markup), matched with re.search
# against "<message> @ <extract with whitespace collapsed>", so each one is pinned to Material's exact markup.
SUPPRESSED: list[tuple[str, str]] = [
    # material/templates/partials/nav-item.html writes `tabindex="{{ tabindex }}"` where tabindex is only set
    # ("0") for collapsible groups; for navigation.sections headings it is undefined and renders as "".
    (
        r"^Bad value “” for attribute “tabindex” on element “label”: .* @ .*"
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        "Material nav-item.html: section labels get an empty tabindex (undefined Jinja variable)",
    ),
    # material/templates/base.html: the drawer and search toggles are hidden checkboxes with autocomplete="off",
    # there so that browsers (Firefox) do not restore their checked state on back/forward navigation.
    (
        r"^Attribute “autocomplete” is only allowed when the input type is .* @ .*"
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" '
        r'autocomplete="off">',
        "Material base.html: autocomplete=off on its drawer/search checkbox toggles (stops state restore)",
    ),
    # material/templates/partials/toc.html always labels the `__toc` toggle, but partials/nav-item.html only
    # renders <input id="__toc"> when the page is a plain nav entry; the home pages are section indexes
    # (navigation.indexes), so on them the label has no control.
    (
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\. @ .*"
        r'<label class="md-nav__title" for="__toc">',
        "Material toc.html: 'Table of contents' label for the __toc toggle, absent on section-index pages",
    ),
]


def run_vnu(*paths: Path) -> tuple[set[Path], list[dict]]:
    """One JVM run over every given directory/file: (the files vnu checked, its JSON messages)."""
    command = ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html", "--verbose"]
    done = subprocess.run(
        [*command, *map(str, paths)], capture_output=True, text=True, check=False, timeout=300, cwd=ROOT
    )
    assert done.returncode in (0, 1), f"vnu failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    checked = {Path(line).resolve() for line in done.stdout.splitlines() if line.strip()}  # --verbose lists them
    return checked, json.loads(done.stderr or '{"messages": []}')["messages"]


def message_file(message: dict) -> Path:
    return Path(unquote(urlsplit(message.get("url", "")).path)).resolve()


def describe(message: dict, site: Path) -> str:
    """`page:line:column message | extract`, the page relative to the built site."""
    path = message_file(message)
    page = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else str(path)
    extract = " ".join(message.get("extract", "").split())
    return (
        f"{page}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))} "
        f"{message['message']} | {extract}"
    )


def suppression(message: dict) -> str | None:
    """The SUPPRESSED pattern that covers this message, if any."""
    text = f"{message['message']} @ {' '.join(message.get('extract', '').split())}"
    return next((pattern for pattern, _ in SUPPRESSED if re.search(pattern, text)), None)


@pytest.fixture(scope="module")
def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.skip("java is not installed: the Nu HTML checker (vnu.jar) needs a Java 17+ runtime")
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `npm ci` in {ROOT}"
    return found


def test_every_page_passes_the_nu_html_checker(java: str, built_site: Path, tmp_path: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert (built_site / "index.html") in pages and (built_site / "en/index.html") in pages, "both languages"
    control = tmp_path / "control.html"  # proves, in the same JVM run, that vnu really reports errors
    control.write_text(CONTROL, encoding="utf-8")

    checked, messages = run_vnu(built_site, control)
    assert checked == {p.resolve() for p in [*pages, control]}, "vnu checked every built page, and the control"
    messages = [m for m in messages if m.get("type") != "info"]
    assert any(message_file(m) == control.resolve() and "alt" in m["message"] for m in messages), messages[:5]
    site_messages = [m for m in messages if message_file(m) != control.resolve()]
    errors: list[dict] = []
    suppressed: list[dict] = []
    for m in site_messages:  # anything but a plain error (e.g. an I/O "non-document-error") is never suppressed
        (suppressed if m.get("type") == "error" and suppression(m) else errors).append(m)
    report(f"vnu: {len(pages)} pages checked, {len(errors)} errors, {len(suppressed)} suppressed")

    problems = [describe(m, built_site) for m in errors]
    assert not problems, f"{len(problems)} HTML errors (page:line:column message | extract):\n" + "\n".join(problems)
    used = {suppression(m) for m in suppressed}
    stale = [pattern for pattern, _ in SUPPRESSED if pattern not in used]
    assert stale == [], f"suppressions that no longer match anything, remove them: {stale}"
