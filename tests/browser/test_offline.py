"""Offline: after one visit to a checklist page, the service worker lets a workshop go on without a network."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Session, renders, set_answers, shown_result, wait_ready, wait_renders

pytestmark = pytest.mark.browser


def test_checklist_scores_offline_after_one_visit(browser: object, site_url: str) -> None:
    session = Session(browser, service_workers="allow")
    try:
        page = session.page()
        page.goto(site_url + "en/checklists/contact-centre/")
        wait_ready(page)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        session.context.set_offline(True)
        served = []
        page.on("response", lambda response: served.append((response.url, response.from_service_worker)))
        response = page.reload()
        assert response.from_service_worker, "the page itself comes from the service worker's cache"
        wait_ready(page)
        assert any(url.endswith("cx/main.mjs") and sw for url, sw in served)
        before = renders(page)
        first = page.eval_on_selector("fieldset[data-cx-question]", "f => f.dataset.cxQuestion")
        set_answers(page, {first: 4})
        wait_renders(page, before + 1)
        assert shown_result(page)["overall"] == 75
        # another page that was precached works too, in the other language
        response = page.goto(site_url + "checklists/leadership/")
        assert response.from_service_worker
        wait_ready(page)
    finally:
        session.close()


def test_the_service_worker_is_versioned_by_content(built_site: Path) -> None:
    worker = (built_site / "cx-sw.js").read_text(encoding="utf-8")
    assert '"version": "' in worker and "cx-runtime-" in worker
    assert "assets/engine/" in worker and "pyodide.asm.wasm" in worker
    assert not (built_site / "assets/javascripts/cx-sw.js").exists()
