"""What the hooks need to know about the build they run in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def serving(config: MkDocsConfig) -> bool:
    """Whether this is a `mkdocs serve` build: it alone builds into a temporary `mkdocs_*` folder."""
    site = Path(config.site_dir)
    return site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir())
