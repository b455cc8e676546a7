"""`mkdocs serve` rebuilds in one process: an edit must show in the next build without a restart."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .test_build import mini_site, valid_definition


def build_in_process(config: Path, site: Path) -> str:
    """One real build in this process, as `mkdocs serve` runs it; returns the checklist page's HTML."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # the mini site's own copy of the macros, not the project's (which another test may have imported already)
    project = {name: sys.modules.pop(name) for name in list(sys.modules) if name.partition(".")[0] == "macros"}
    try:
        build(load_config(str(config), site_dir=str(site)))
    finally:
        for name in [name for name in sys.modules if name.partition(".")[0] == "macros"]:
            del sys.modules[name]
        sys.modules.update(project)
    return (site / "checklists/leadership/index.html").read_text(encoding="utf-8")


def test_a_definition_edit_shows_in_the_next_build_of_the_same_process(tmp_path: Path) -> None:
    definition = valid_definition()
    config = mini_site(tmp_path, '# L\n\n{{ checklist("demo") }}\n', {"demo.yml": yaml.safe_dump(definition).encode()})
    first = build_in_process(config, tmp_path / "one")
    assert "Vraag" in first and "Herschreven vraag" not in first

    definition["sections"][0]["questions"][0]["text"]["nl"] = "Herschreven vraag"
    (tmp_path / "defs/demo.yml").write_text(yaml.safe_dump(definition, allow_unicode=True), encoding="utf-8")
    second = build_in_process(config, tmp_path / "two")
    assert "Herschreven vraag" in second, "the second build still shows the old definition"
