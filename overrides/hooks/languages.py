"""MkDocs hook: the language links work under any site path, the project path of GitHub Pages included.

Material fetches `sitemap.xml` below every `<link rel="alternate">` to switch language on the same page.
mkdocs-static-i18n points those links at the page itself, or on the home pages at absolute paths (`/`,
`/en/`), which under `/REPO/` ask the origin root, another site's path. Here every alternate link in the
head points at its language's home, by its full URL below `site_url`, and every language's home gets the
sitemap; the 404 page, served at any path, links to the homes by their absolute path below `site_url`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from cx_site import serving
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ALTERNATE = re.compile(r'(<link rel="alternate" href=")[^"]*(" hreflang="([a-z]+)">)')
SELECTOR = re.compile(r'(<a href=")[^"]*(" hreflang="([a-z]+)" class="md-select__link">)')


def _homes(config: MkDocsConfig) -> dict[str, str]:
    # each built language's home, relative to the site root ("" for the default language)
    plugin = config.plugins.get("i18n")
    languages = plugin.config.languages if plugin else []
    return {lang.locale: "" if lang.default else f"{lang.locale}/" for lang in languages if lang.build}


def _relink(html: str, pattern: re.Pattern[str], homes: dict[str, str], make: Any) -> str:
    # point the href of every match at make(home of its language)
    def swap(match: re.Match[str]) -> str:
        lang = match.group(3)
        return f"{match.group(1)}{make(homes[lang])}{match.group(2)}" if lang in homes else match.group(0)

    return pattern.sub(swap, html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # the head's alternate links point at the language homes: absolute below `site_url` when the build has one
    # (search engines and Lighthouse's hreflang audit accept only full URLs; the Pages build sets it), else
    # relative to this page (and always under `mkdocs serve`, which may listen elsewhere than `site_url`)
    if config.site_url and not serving(config):
        return _relink(output, ALTERNATE, _homes(config), lambda home: _absolute(config.site_url, home))
    return _relink(output, ALTERNATE, _homes(config), lambda home: _relative(home, page.url))


def _absolute(site_url: str, home: str) -> str:
    # a home's full URL below the site's, always ending in a slash
    return urljoin(site_url if site_url.endswith("/") else f"{site_url}/", home)


def _relative(home: str, url: str) -> str:
    # a home's URL relative to a page's, always ending in a slash
    rel = get_relative_url(home or ".", url or ".")
    return rel if rel.endswith("/") else f"{rel}/"


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # the 404 page: its language links go to the homes, by their absolute path below the site's own
    if template_name != "404.html":
        return output_content
    base = PurePosixPath(urlsplit(config.site_url or "/").path or "/")
    absolute = lambda home: f"{(base / home).as_posix().rstrip('/')}/"  # noqa: E731 - a one-line mapping
    homes = _homes(config)
    return _relink(_relink(output_content, ALTERNATE, homes, absolute), SELECTOR, homes, absolute)


@event_priority(-110)  # after the i18n plugin (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    # every language's home gets the sitemap Material looks for below it (it lists the pages of all of them)
    site = Path(config.site_dir)
    for home in _homes(config).values():
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            source, target = site / name, site / home / name
            if home and source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
