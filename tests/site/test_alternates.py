"""The language alternates in every page's head: full URLs below `site_url`, as search engines require."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from tests.conftest import ROOT, SITE_URL

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([a-z]+)">')


def languages_hook() -> ModuleType:
    sys.path.insert(0, str(ROOT / "overrides/hooks"))
    try:
        return importlib.import_module("languages")
    finally:
        sys.path.remove(str(ROOT / "overrides/hooks"))


def test_every_page_names_both_language_homes_by_their_full_url(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts]
    assert len(pages) > 20
    for page in pages:
        found = ALTERNATE.findall(page.read_text(encoding="utf-8"))
        assert sorted(found) == [(SITE_URL, "nl"), (SITE_URL + "en/", "en")], page.relative_to(built_site)


def config(site_url: str, site_dir: str = "/srv/site") -> SimpleNamespace:
    """The parts of a MkDocs config the hook reads: the site URL and folder, and the i18n plugin's languages."""
    languages = [
        SimpleNamespace(locale="nl", default=True, build=True),
        SimpleNamespace(locale="en", default=False, build=True),
    ]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=languages))
    return SimpleNamespace(site_url=site_url, site_dir=site_dir, plugins={"i18n": i18n})


HEAD = '<link rel="alternate" href="/" hreflang="nl"><link rel="alternate" href="/en/" hreflang="en">'


@pytest.mark.parametrize(
    ("site_url", "site_dir", "expected"),
    [
        (
            "https://owner.github.io/REPO",
            "/srv/site",
            ["https://owner.github.io/REPO/", "https://owner.github.io/REPO/en/"],
        ),
        ("", "/srv/site", ["../../", "../../en/"]),  # no site_url: relative to the page, as before
        ("https://owner.github.io/REPO/", "/tmp/mkdocs_x1", ["../../", "../../en/"]),  # mkdocs serve
    ],
)
def test_alternates_are_absolute_only_with_a_site_url_outside_serve(
    site_url: str, site_dir: str, expected: list[str]
) -> None:
    hook = languages_hook()
    page = SimpleNamespace(url="blocks/culture/")
    out = hook.on_post_page(HEAD, page=page, config=config(site_url, site_dir))
    assert [href for href, _ in ALTERNATE.findall(out)] == expected
