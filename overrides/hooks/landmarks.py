"""MkDocs hook: gives two of Material's elements the accessible name they lack (found by axe).

The search overlay is a `role="dialog"` without a name, and a nav section with an index page is
labelled by its toggle, a `<label>` holding only an icon, so its `<nav>` landmark has an empty name.
The dialog takes the name of the search options it holds; the toggle gets the section's title as text
that only assistive technology reads (an `aria-label` is not allowed on a `<label>`).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')
SECTION = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a href="[^"]*" class="[^"]*">)(.*?)(</a>\s*'
    r'<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*_label"[^>]*>)',
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")


def _name(html: str) -> str:
    # the text of an element's content (already escaped)
    return " ".join(TAG.sub(" ", html).split())


def _named(output: str) -> str:
    # name the search dialog and every icon-only section toggle
    search = SEARCH_NAME.search(output)
    if search:
        output = output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{search.group(1)}">', 1)
    hidden = '<span class="cx-visually-hidden">{}</span>'
    return SECTION.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + hidden.format(_name(m.group(2))), output)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # every page
    return _named(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # the 404 page, which MkDocs renders as a template, not as a page
    return _named(output_content) if template_name == "404.html" else output_content
