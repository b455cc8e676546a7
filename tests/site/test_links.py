"""Offline link check of the whole built site: every internal URL and anchor resolves, external URLs are only links."""

from __future__ import annotations

from tests.conftest import report

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

# The elements and attributes that carry a URL, as the brief defines the check.
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}
# Schemes that leave the site; they are collected and reported, never fetched.
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
# Where a site without a canonical URL is assumed to live (the negative control).
FALLBACK_BASE = "http://site.invalid/"


@dataclass(frozen=True)
class Link:
    """One URL-carrying attribute on a page (page is its site-relative file path)."""

    page: str
    tag: str
    attr: str
    url: str
    rel: str = ""


@dataclass
class Page:
    """What the checker needs from one HTML file: its links and the fragment targets it defines."""

    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


@dataclass
class Scan:
    """The outcome of a whole-site check."""

    pages: int = 0
    internal: int = 0
    problems: list[str] = field(default_factory=list)
    external: list[Link] = field(default_factory=list)


class LinkParser(HTMLParser):
    """Collects the URL attributes of a, link, script, img, iframe and every id (and <a name>) of a page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.result = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.result.anchors.add(values["id"])
        if tag == "a" and "name" in values:  # the legacy fragment target (HTML "find a potential indicated element")
            self.result.anchors.add(values["name"])
        attr = URL_ATTRIBUTES.get(tag)
        if attr and attr in values:
            self.result.links.append(Link(self.page, tag, attr, values[attr].strip(), values.get("rel", "")))

    handle_startendtag = handle_starttag


def parse_page(html: str, page: str) -> Page:
    parser = LinkParser(page)
    parser.feed(html)
    parser.close()
    return parser.result


def site_base(site: Path) -> str:
    """The URL the site is published at, from the home page's canonical link (MkDocs writes it from site_url)."""
    home = site / "index.html"
    if home.is_file():
        for link in parse_page(home.read_text(encoding="utf-8"), "index.html").links:
            if link.tag == "link" and "canonical" in link.rel.split():
                return urljoin(link.url, "./")
    return FALLBACK_BASE


def page_url(base: str, page: str) -> str:
    """The URL of a built file; `x/index.html` resolves relative URLs exactly like the directory URL `x/`."""
    return urljoin(base, page)


def is_external(url: str, base: str) -> bool:
    """True for http(s)/mailto URLs that do not point into the site itself."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "mailto":
        return True
    return scheme in EXTERNAL_SCHEMES and not url.startswith(base)


def target_file(url: str, base: str) -> str | None:
    """The site-relative file an absolute internal URL names (`x/` means `x/index.html`), or None outside the site."""
    path = unquote(urlsplit(url).path)
    prefix = urlsplit(base).path
    if urlsplit(url).netloc != urlsplit(base).netloc or not path.startswith(prefix):
        return None
    relative = path[len(prefix) :]
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative


def external_host(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() == "mailto":
        return "mailto:" + parts.path.rpartition("@")[2].lower()
    return (parts.hostname or "").lower()


def check_site(site: Path, base: str | None = None) -> Scan:
    """Check every internal URL and fragment of every *.html under site; collect external URLs unvisited."""
    base = base or site_base(site)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    parsed: dict[str, Page] = {}

    def page(name: str) -> Page:
        if name not in parsed:
            parsed[name] = parse_page((site / name).read_text(encoding="utf-8"), name)
        return parsed[name]

    scan = Scan(pages=len(files))
    for name in files:
        here = page_url(base, name)
        for link in page(name).links:
            problem, external = check_link(link, here, base, site, page)
            if external:
                scan.external.append(link)
                continue
            scan.internal += 1
            if problem:
                scan.problems.append(f"{name}: <{link.tag} {link.attr}={link.url!r}>: {problem}")
    return scan


def check_link(link: Link, here: str, base: str, site: Path, page: Callable[[str], Page]) -> tuple[str | None, bool]:
    """(problem or None, is_external) for one link found on the page at URL `here`."""
    if is_external(link.url, base):
        return None, True
    resolved = urljoin(here, link.url)
    if urlsplit(resolved).scheme not in {"http", "https"}:
        return f"unsupported scheme {urlsplit(resolved).scheme!r}", False
    target = target_file(resolved, base)
    if target is None:
        return "points outside the site", False
    if (site / target).is_dir():  # `x` without a slash: the server redirects to `x/`
        target = f"{target}/index.html"
    if not (site / target).is_file():
        return f"missing file {target}", False
    fragment = unquote(urlsplit(resolved).fragment)
    # A bare `#` (empty fragment) means the top of the document in HTML, so it always resolves;
    # every other fragment, Material's `#__…` ones included, must name an id or <a name> on the target.
    if fragment and target.endswith(".html") and fragment not in page(target).anchors:
        return f"missing anchor #{fragment} in {target}", False
    return None, False


def external_resources(links: Iterable[Link]) -> list[Link]:
    """External URLs used as anything other than an <a href> (scripts, stylesheets, images, frames, <link>s)."""
    return [link for link in links if (link.tag, link.attr) != ("a", "href")]


def external_summary(links: list[Link]) -> str:
    hosts = sorted({external_host(link.url) for link in links})
    unique = len({link.url for link in links})
    pages = len({link.page for link in links})
    return (
        f"external URLs (not fetched): {len(links)} on {pages} pages, {unique} unique, "
        f"{len(hosts)} hosts: {', '.join(hosts) or '-'}"
    )


@pytest.fixture(scope="module")
def scan(built_site: Path) -> Scan:
    return check_site(built_site)


def test_the_whole_site_was_scanned(built_site: Path, scan: Scan) -> None:
    assert site_base(built_site) != FALLBACK_BASE, "the home page has a canonical link (site_url)"
    assert scan.pages >= 2 * len(list((built_site / "en").rglob("*.html"))), "both languages are checked"
    assert scan.internal > 0


def test_every_internal_url_and_anchor_resolves(scan: Scan) -> None:
    report(f"link check: {scan.pages} pages, {scan.internal} internal URLs, {len(scan.problems)} problems")
    assert scan.problems == [], "\n".join(scan.problems)


def test_external_urls_are_only_links_never_resources(scan: Scan) -> None:
    report(external_summary(scan.external))
    offenders = external_resources(scan.external)
    assert offenders == [], "\n".join(f"{x.page}: <{x.tag} {x.attr}={x.url!r}>" for x in offenders)


def test_checker_reports_exactly_a_broken_link_and_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good/index.html").write_text('<h2 id="there">There</h2><a name="old">old</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><a href="good/">ok</a> <a href="good">ok</a>'
        '<a href="good/#there">ok</a> <a href="good/index.html#old">ok</a> <a href="#">top</a>'
        '<a href="missing/">broken link</a> <a href="good/#nowhere">broken anchor</a>'
        '<a href="https://example.org/x">external</a> <img src="https://example.org/y.png" alt="">',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    scan = check_site(tmp_path)
    assert scan.problems == [
        "index.html: <a href='missing/'>: missing file missing/index.html",
        "index.html: <a href='good/#nowhere'>: missing anchor #nowhere in good/index.html",
    ]
    assert [x.url for x in external_resources(scan.external)] == ["https://example.org/y.png"]
    assert external_summary(scan.external).startswith("external URLs (not fetched): 2 on 1 pages")
