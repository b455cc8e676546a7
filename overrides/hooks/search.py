"""MkDocs hook: keeps the search index to what a reader searches for.

Footnotes hold the citations, which the sources page lists in full: left out of the index, they no
longer make every chapter a hit for an author's name, and the index every page loads stays small.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FOOTNOTES = '<div class="footnote">'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Material's search plugin skips any element marked data-search-exclude
    return html.replace(FOOTNOTES, '<div class="footnote" data-search-exclude>')
