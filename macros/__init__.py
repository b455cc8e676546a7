"""mkdocs-macros module: the playbook's macros, with their modules and data read anew for every build.

`define_env` reloads the modules below in dependency order, so `mkdocs serve` shows an edit to a macro,
a definition, `blocks.yml` or the editorial lists after its automatic rebuild, without a restart.
"""

from __future__ import annotations

import importlib
from typing import Any

PARTS = ("strings", "editorial", "plays", "site", "forms", "method", "pages")


def define_env(env: Any) -> None:
    """Register the playbook's macros over this build's data."""
    for part in PARTS:
        importlib.reload(importlib.import_module(f"{__name__}.{part}"))
    importlib.import_module(f"{__name__}.pages").register(env)


def on_pre_page_macros(env: Any) -> None:
    """Start a page: no source cited on it yet."""
    importlib.import_module(f"{__name__}.pages").start_page(env)


def on_post_page_macros(env: Any) -> None:
    """Append the term list's hover definitions to every page, in its language."""
    importlib.import_module(f"{__name__}.pages").append_abbreviations(env)
