"""Trust, over the whole site: no third-party request, no CSP violation, axe-clean pages, keyboard-only use,
small screens, and outside text that stays text."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from checklists.scoring import display, score
from tests.conftest import ROOT, report

from .conftest import Session, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG A/AA and axe's best practices, every impact: no finding is filtered out
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CSP_RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def site_pages(built_site: Path) -> list[str]:
    """Every built page as a URL path below the site root ("" for the home page)."""
    pages = []
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site).as_posix()
        pages.append(relative if html.name != "index.html" else relative[: -len("index.html")])
    return pages


def test_every_page_is_private_and_within_the_csp(session: Session, site_url: str, built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) >= 60, "both editions of every chapter"
    page = session.page()
    page.add_init_script(CSP_RECORDER)
    violations: dict[str, list[str]] = {}
    for path in pages:
        page.goto(site_url + path)
        if page.locator("form[data-cx-checklist], [data-cx-teamview]").count():
            page.wait_for_selector("[data-cx-engine-state=ready]", state="attached", timeout=90_000)
        if path == "en/checklists/leadership/":  # a session with an export, as a reader would
            before = renders(page)
            set_answers(page, {"culture-criticism-open": 4})
            wait_renders(page, before + 1)
            with page.expect_download():
                page.click("[data-cx-export=json]")
        found = page.evaluate("() => window.__csp")
        if found:
            violations[path] = found
    hosts = {urlsplit(url).netloc for url in session.requests if urlsplit(url).scheme in ("http", "https")}
    report(
        f"privacy/CSP crawl: {len(pages)} pages, {len(session.requests)} requests, hosts {sorted(hosts)}, "
        f"{sum(map(len, violations.values()))} CSP violations"
    )
    assert hosts == {urlsplit(site_url).netloc}
    assert violations == {}
    assert any(u.endswith(".wasm") for u in session.requests) and any("/assets/engine/" in u for u in session.requests)


def test_axe_finds_no_violations_on_any_page(browser: Any, site_url: str, built_site: Path) -> None:
    # axe is injected as an inline script, which the site's own CSP rightly forbids: this context bypasses it
    context = browser.new_context(bypass_csp=True, service_workers="block")
    try:
        page = context.new_page()
        failures: dict[str, list[str]] = {}
        pages = site_pages(built_site)
        for path in pages:
            page.goto(site_url + path)
            if path in ("checklists/leadership/", "en/checklists/team/"):
                page.wait_for_selector("[data-cx-engine-state=ready]", state="attached", timeout=90_000)
                if path == "checklists/leadership/":  # the result panel, chart and advice are checked too
                    before = renders(page)
                    set_answers(
                        page, {"culture-criticism-open": 5, "culture-reward-appraisal": 1, "vision-goals-teams": 2}
                    )
                    wait_renders(page, before + 1)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
            found = [
                f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]
            ]
            if found:
                failures[path] = found
        report(f"axe: {len(pages)} pages checked, {sum(map(len, failures.values()))} violations")
        assert failures == {}
    finally:
        context.close()


def test_a_whole_checklist_with_the_keyboard_only(session: Session, site_url: str, definitions: dict) -> None:
    checklist = definitions["strategy-values"]
    page = session.page()
    page.goto(site_url + "en/checklists/strategy-values/")
    wait_ready(page)
    focused = """() => {
        const e = document.activeElement;
        const inForm = !!(e && e.closest('form.cx-checklist'));
        return [inForm ? 'form' : 'page', e && e.type || '', e && e.name || ''];
    }"""
    for _ in range(300):  # past the header, the navigation and the optional role and team fields
        page.keyboard.press("Tab")
        if page.evaluate(focused)[:2] == ["form", "radio"]:
            break
    answered = []
    while True:
        where, kind, name = page.evaluate(focused)
        if where != "form":
            break
        if kind != "radio" or name in answered:  # what a 5 and a 1 look like: a stop of its own, passed by
            page.keyboard.press("Tab")
            continue
        page.keyboard.press("Space")  # picks the focused option (1)
        for _ in range(3):
            page.keyboard.press("ArrowRight")  # …and moves the choice to 4
        outline = page.evaluate("() => getComputedStyle(document.activeElement.closest('label')).outlineStyle")
        assert outline != "none", f"no visible focus on {name}"
        answered.append(name)
        page.keyboard.press("Tab")
    assert answered == list(checklist.question_ids)
    wait_renders(page, 1)
    page.wait_for_function(
        "n => document.querySelector('[data-cx-overall]')?.dataset.cxOverall == n",
        arg=str(display(score(checklist, dict.fromkeys(answered, 4)).overall)),
    )
    for _ in range(80):
        if page.evaluate("() => document.activeElement.dataset.cxExport") == "json":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.cxExport") == "json"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert json.loads(Path(info.value.path()).read_text())["answers"] == dict.fromkeys(answered, 4)


@pytest.mark.parametrize("width", [320, 640])  # a phone, and 1280 px at 200% zoom
def test_no_horizontal_scrolling_on_small_screens(session: Session, site_url: str, width: int) -> None:
    page = session.page()
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("checklists/leadership/", "en/checklists/team/", "blocks/culture/"):
        page.goto(site_url + path)
        if path == "checklists/leadership/":
            wait_ready(page)
            before = renders(page)
            set_answers(page, {"culture-criticism-open": 5, "people-development": 2})
            wait_renders(page, before + 1)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        for selector in ("form.cx-checklist", ".cx-result", ".cx-teamview"):
            if page.locator(selector).count():
                box = page.locator(selector).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (path, selector)


def test_text_from_storage_reaches_the_page_as_text(session: Session, site_url: str) -> None:
    key = f"cx-playbook:{urlsplit(site_url).path}:leadership"
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    entry = {
        "schema": 1,
        "version": 1,
        "answers": {"vision-goals-teams": 3},
        "team": payload,
        "role": payload,
        "snapshots": [{"date": payload, "answers": {}, "score": payload}],
    }
    page = session.page()
    page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(entry))})")
    page.goto(site_url + "checklists/leadership/")
    wait_ready(page)
    assert payload[:40] in page.inner_text(".cx-result__meta")
    assert page.input_value("[data-cx-team]") == payload[:80]  # a label is text: kept, shown as text
    assert page.input_value("[data-cx-role]") == ""  # an unknown role is not taken over
    notice = page.inner_text("[data-cx-notice]")
    assert "een onbekende rol" in notice and "1 momentopname" in notice
    assert page.locator("main img, .cx-result script").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert shown_result(page)["sections"]["vision"] == 50


def test_forget_everything_clears_only_this_sites_keys(session: Session, site_url: str) -> None:
    prefix = f"cx-playbook:{urlsplit(site_url).path}"
    page = session.page()
    page.add_init_script(f"""(() => {{
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem({json.dumps(prefix + ":leadership")}, '{{"schema":1,"answers":{{}}}}');
        localStorage.setItem({json.dumps(prefix + ":phase-scan")}, '{{"schema":1,"answers":{{}}}}');
        localStorage.setItem('someone-else', 'keep me');
    }})()""")
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + "en/about/privacy/")
    page.click("[data-cx-forget]")
    page.wait_for_function("() => document.querySelector('[data-cx-forget-status]').textContent !== ''")
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert keys == ["someone-else"]  # ours and Material's palette choice are gone; another site's key stays


def test_the_csp_is_filled_and_blocks_an_injected_inline_script(session: Session, site_url: str) -> None:
    page = session.page()
    page.add_init_script(CSP_RECORDER)
    page.goto(site_url + "checklists/leadership/")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "placeholder" not in policy and "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    inline = page.evaluate(
        "() => [...document.querySelectorAll('script:not([src]):not([type])')].map((s) => s.textContent)"
    )
    assert inline, "the page's own inline scripts (Material's and the engine starter) are hashed"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    session.expect(r"Content Security Policy")  # the browser reports the refused script: that is the point
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.append(script);
    }""")
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("() => window.__injected") is None
    assert any(v.startswith("script-src") for v in page.evaluate("() => window.__csp"))


@pytest.mark.parametrize(
    ("start", "other", "lang"),
    [
        ("checklists/leadership/", "en/checklists/leadership/", "en"),
        ("en/blocks/culture/", "blocks/culture/", "nl"),
    ],
)
def test_the_language_switch_keeps_the_page_and_asks_only_the_sites_own_paths(
    session: Session, site_url: str, start: str, other: str, lang: str
) -> None:
    page = session.page()
    page.goto(site_url + start)
    page.wait_for_load_state("networkidle")
    sitemaps = [u for u in session.requests if u.endswith("sitemap.xml")]
    assert sitemaps and all(u in (site_url + "sitemap.xml", site_url + "en/sitemap.xml") for u in sitemaps), sitemaps
    page.hover(".md-header .md-select")  # the language menu opens on hover or focus
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_url(site_url + other)


def test_the_404_page_links_each_language_to_its_home(session: Session, site_url: str) -> None:
    page = session.page()
    session.expect(r"status of 404")  # the missing page itself
    response = page.goto(site_url + "en/no/such/page/")
    assert response.status == 404
    links = page.eval_on_selector_all(
        ".md-select__link, link[rel=alternate]", "els => els.map((e) => [e.getAttribute('hreflang'), e.href])"
    )
    path = urlsplit(site_url).path
    assert links and {href for _, href in links} <= {site_url, site_url + "en/"}, links
    assert {lang for lang, _ in links} == {"nl", "en"} and path == "/REPO/"
