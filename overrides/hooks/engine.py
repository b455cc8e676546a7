"""MkDocs hook: the scoring engine in the site, through thin entry points over `cx_engine.Engine`.

`on_config` builds (or reuses) the engine and puts its config in `extra.cx_engine`, which
`overrides/main.html` emits once per engine page; `on_post_build` ships it with Pyodide's core.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from cx_engine import ROOT, Engine
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # build or reuse the engine; its config reaches the template and the macros
    engine = Engine(ROOT)
    config.extra["cx_engine"] = engine.config(engine.build())
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # the build programs next to the hooks live in the theme folder, but never in the site
    for file in [f for f in files if f.src_uri.startswith("hooks/")]:
        files.remove(file)
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    # Pyodide's core files and the engine, under versioned paths of the site root
    engine = Engine(ROOT)
    engine.ship(engine.build(), Path(config.site_dir))


def on_serve(server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
    # `mkdocs serve` rebuilds on changes to the engine, the definitions and the macros, and serves modules right
    mimetypes.add_type("text/javascript", ".mjs")
    mimetypes.add_type("application/wasm", ".wasm")
    for path in ("checklists", "macros", "overrides"):
        server.watch(str(ROOT / path))
    return server
