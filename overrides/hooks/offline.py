"""MkDocs hook: writes the service worker (cx-sw.js, at the site root) that makes the site work offline.

Only for `mkdocs build`: under `mkdocs serve` no worker is written, and the page unregisters any old
one, so editing never shows stale pages.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cx_site import serving
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SOURCE = Path(__file__).resolve().parents[1] / "assets" / "javascripts" / "cx-sw.js"
WORKER = "cx-sw.js"
# versioned paths whose files never change under the same name: served cache-first
IMMUTABLE = ("assets/pyodide/", "assets/engine/")
SHELL = (
    "assets/javascripts/bundle.*.min.js",
    "assets/javascripts/workers/search.*.min.js",
    "assets/stylesheets/*.min.css",
    "assets/javascripts/cx/*.mjs",
    "assets/javascripts/cx-worker.mjs",
    "assets/javascripts/cx-last.js",
    "assets/stylesheets/cx.css",
    "assets/images/favicon.png",
    "search/search_index.json",
    "404.html",
)
PAGES = ("", "checklists/", "checklists/*/", "en/", "en/checklists/", "en/checklists/*/")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # tell the template whether to register the worker: never under `mkdocs serve`
    config.extra["cx_offline"] = not serving(config)
    return config


def _precache(site: Path) -> list[str]:
    # the shell, the checklist and team pages (both languages), Pyodide and the engine wheel
    paths: list[str] = []
    for pattern in SHELL:
        paths += sorted(p.relative_to(site).as_posix() for p in site.glob(pattern) if p.is_file())
    for pattern in PAGES:
        for index in sorted(site.glob(pattern + "index.html")):
            folder = index.parent.relative_to(site).as_posix()
            paths.append("./" if folder == "." else folder + "/")
    for prefix in IMMUTABLE:
        paths += sorted(p.relative_to(site).as_posix() for p in (site / prefix).rglob("*") if p.is_file())
    return list(dict.fromkeys(paths))


def _version(site: Path) -> str:
    # a content hash of every page and asset: a new deploy gets a new runtime cache
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative != WORKER and not relative.startswith(IMMUTABLE):
            digest.update(relative.encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


@event_priority(-110)  # after the i18n plugin (-100), which builds the other languages and the search index
def on_post_build(*, config: MkDocsConfig) -> None:
    # write cx-sw.js at the root of the site, once every file of every language is written
    site = Path(config.site_dir)
    (site / "assets" / "javascripts" / "cx-sw.js").unlink(missing_ok=True)
    if not config.extra.get("cx_offline"):
        (site / WORKER).unlink(missing_ok=True)
        return
    settings = {"version": _version(site), "precache": _precache(site), "immutable": list(IMMUTABLE)}
    header = f"const CX = {json.dumps(settings, indent=1)};\n"
    (site / WORKER).write_text(header + SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
