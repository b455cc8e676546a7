"""MkDocs hook: assembles the "whole playbook" page of each edition from the rendered chapters, for print.

Chapters are taken in nav order after they are rendered; their ids and links are rewritten so one
page holds them all and every internal link lands inside it.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

PLACEHOLDER = '<div class="cx-book" data-cx-book></div>'
SKIP = ("print", "checklists/")  # the book itself and the interactive checklist pages
ID = re.compile(r'\sid="([^"]+)"')
LINK = re.compile(r'\s(href|src)="([^"]*)"')
BLOCKNAV = re.compile(r'<nav class="cx-blocknav".*?</nav>', re.DOTALL)


def _edition_root(book: Page) -> str:
    # the URL prefix of the book's language edition ("" for Dutch, "en/" for English)
    return book.url[: book.url.index("print/")] if "print/" in book.url else ""


def _slug(path: str) -> str:
    # a chapter's anchor in the book: its path in the edition with dashes
    return path.strip("/").replace("/", "-") or "home"


def _chapters(nav: Navigation, root: str) -> list[Page]:
    # every nav page that belongs in the book, in nav order
    return [p for p in nav.pages if not p.url[len(root) :].startswith(SKIP)]


def _rewrite(html: str, chapter: Page, book: Page, slugs: dict[str, str]) -> str:
    # prefix ids with the chapter's slug; point links to chapters at their place in the book; drop block navigation
    slug = slugs[chapter.url]
    html = BLOCKNAV.sub("", html)  # previous/next block: in the book, they are the neighbouring chapters
    html = ID.sub(lambda m: f' id="{slug}--{m.group(1)}"', html)

    def link(match: re.Match[str]) -> str:
        attr, url = match.groups()
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
            return match.group(0)
        if not parts.path:
            return f' {attr}="#{slug}--{parts.fragment}"' if parts.fragment else match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + chapter.url), parts.path))
        target = target.lstrip("/") + ("/" if parts.path.endswith("/") else "")
        target = "" if target in ("./", ".") else target
        if attr == "href" and target in slugs:
            anchor = f"{slugs[target]}--{parts.fragment}" if parts.fragment else slugs[target]
            return f' {attr}="#{anchor}"'
        relative = posixpath.relpath("/" + target, "/" + book.url)
        suffix = "/" if target.endswith("/") and not relative.endswith("/") else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f' {attr}="{relative}{suffix}{fragment}"'

    return LINK.sub(link, html)


def assemble(book: Page, chapters: list[Page]) -> str:
    """The table of contents and every chapter's content, rewritten for one page."""
    root = _edition_root(book)
    slugs = {p.url: _slug(p.url[len(root) :]) for p in chapters}
    toc = "".join(f'<li><a href="#{slugs[p.url]}">{escape(p.title or "")}</a></li>' for p in chapters)
    body = "".join(
        f'<section class="cx-book__chapter" id="{slugs[p.url]}">{_rewrite(p.content or "", p, book, slugs)}</section>'
        for p in chapters
    )
    return f'<nav class="cx-book__toc"><ol>{toc}</ol></nav>{body}'


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # fill the book page's placeholder once all chapters are rendered
    if page.content and PLACEHOLDER in page.content:
        page.content = page.content.replace(PLACEHOLDER, assemble(page, _chapters(nav, _edition_root(page))))
        context["page"] = page
    return context
