"""Unit fixtures: the worker's Python session, put back as it was after each test that defines checklists in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from checklists import api


@pytest.fixture
def engine_session() -> Iterator[None]:
    """`api`'s loaded checklists before the test, restored after it (tests define their own)."""
    before = dict(api._LOADED)
    api._LOADED.clear()
    yield
    api._LOADED.clear()
    api._LOADED.update(before)
