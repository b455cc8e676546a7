"""A returning reader's kept result is in the checklist page's first frame, not painted a frame after it."""

from __future__ import annotations

import pytest

from .conftest import Session, renders, set_answers, wait_ready, wait_renders

pytestmark = pytest.mark.browser

FIRST_FRAME = """
window.__firstFrame = null;
requestAnimationFrame(() => {
  window.__firstFrame = {
    kept: document.querySelector("[data-cx-from-last-visit]") !== null,
    hold: document.querySelector("link[rel=expect][blocking=render]") !== null,
  };
});
"""


def test_the_kept_result_is_in_the_first_frame_and_a_first_visit_is_not_held(session: Session, site_url: str) -> None:
    page = session.page()
    page.add_init_script(FIRST_FRAME)
    page.goto(site_url + "checklists/leadership/")
    page.wait_for_function("() => window.__firstFrame !== null")
    assert page.evaluate("() => window.__firstFrame") == {"kept": False, "hold": False}, "nothing kept: no hold"
    wait_ready(page)
    before = renders(page)
    set_answers(page, {"vision-goals-teams": 4})
    wait_renders(page, before + 1)
    page.wait_for_function("() => Object.keys(localStorage).some((key) => key.endsWith(':last'))")
    page.close()
    page = session.page()
    page.add_init_script(FIRST_FRAME)
    page.goto(site_url + "checklists/leadership/")
    page.wait_for_function("() => window.__firstFrame !== null")
    assert page.evaluate("() => window.__firstFrame") == {"kept": True, "hold": True}
