"""The whole playbook prints to a clean PDF in each edition, with every chapter in it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import Session

pytestmark = pytest.mark.browser


def chapter_titles(built_site: Path, prefix: str) -> list[str]:
    """The chapter titles listed in the book's table of contents."""
    html = (built_site / prefix / "print/index.html").read_text(encoding="utf-8")
    toc = re.search(r'<nav class="cx-book__toc"><ol>(.*?)</ol></nav>', html, re.S).group(1)
    import html as html_lib

    return [html_lib.unescape(t) for t in re.findall(r"<a [^>]*>(.*?)</a>", toc)]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().lower()


@pytest.mark.parametrize(
    ("prefix", "cover"),
    [("", 'Van "de klant centraal" zeggen naar doen'), ("en/", 'From saying "customer first" to doing it')],
)
def test_each_edition_prints_every_chapter(
    session: Session, site_url: str, built_site: Path, prefix: str, cover: str
) -> None:
    titles = chapter_titles(built_site, prefix)
    assert len(titles) >= 20
    page = session.page()
    page.goto(site_url + prefix + "print/")
    page.emulate_media(media="print")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = normalise(" ".join(p.extract_text() or "" for p in pdf.pages))
    assert normalise(cover) in text
    missing = [t for t in titles if normalise(t) not in text]
    assert missing == []
    assert len(pdf.pages) > len(titles)
