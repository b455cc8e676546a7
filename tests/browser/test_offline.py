"""Offline: after one visit to a checklist page, the service worker lets a workshop go on without a network."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

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


def offline_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cx_offline_hook", ROOT / "overrides/hooks/offline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(ROOT / "overrides/hooks"))  # as MkDocs loads a hook: its siblings importable
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "overrides/hooks"))
    return module


def test_the_service_worker_is_versioned_by_the_content_of_the_site(built_site: Path, tmp_path: Path) -> None:
    worker = (built_site / "cx-sw.js").read_text(encoding="utf-8")
    settings = json.loads(worker[len("const CX = ") : worker.index(";\n")])
    hook = offline_hook()
    assert settings["version"] == hook._version(built_site), "the deployed worker names this site's content"
    assert not (built_site / "assets/javascripts/cx-sw.js").exists()
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    assert hook._version(copy) == settings["version"], "the same content, the same version"
    page = copy / "blocks/culture/index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited -->", encoding="utf-8")
    edited = hook._version(copy)
    assert edited != settings["version"], "one changed page changes the version"
    (copy / "cx-sw.js").write_text("changed", encoding="utf-8")
    engine = next((copy / "assets/engine").rglob("*.whl"))
    engine.write_bytes(engine.read_bytes() + b"x")
    assert hook._version(copy) == edited, "the worker itself and the immutable, content-named engine do not count"
    assert "assets/engine/" in settings["immutable"] and any(
        p.endswith("pyodide.asm.wasm") for p in settings["precache"]
    )
