"""Shipped in the traced stdlib (issue 22): an import outside it loads Pyodide's full stdlib once, and says so.

The fast boot's stdlib holds only the modules the build saw Pyodide and the engine import
(`cx_engine_node.mjs`). `install(url)` appends a finder to `sys.meta_path`: the first import of a stdlib
module that the zip lacks fetches Pyodide's own `python_stdlib.zip` from `url` (a synchronous request,
which a worker may make), mounts it, and tells the console; that import and every later one are then served
from it. `STDLIB` (every module name of the full stdlib) is appended by `cx_engine_compile.py` at build time.
"""

from __future__ import annotations

import sys
import zipimport
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

FULL = "/lib/cx_full_stdlib.zip"
STDLIB: frozenset[str] = frozenset()


def _fetch(url: str) -> bytes:
    # the browser's way: a synchronous request from the worker
    from js import XMLHttpRequest

    request = XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send()
    if request.status != 200:
        raise ImportError(f"the full stdlib could not be loaded from {url}: HTTP {request.status}")
    return request.response.to_bytes()


def _say(text: str) -> None:
    # the console of the worker (print would reach it too, but only as a plain log line)
    from js import console

    console.warn(text)


class Fallback:
    """A finder of last resort for the stdlib modules the traced zip leaves out."""

    def __init__(self, url: str, fetch: Callable[[str], bytes] = _fetch, say: Callable[[str], None] = _say) -> None:
        self.url, self.fetch, self.say = url, fetch, say
        self.loaded: list[str] = []  # the imports that needed the full stdlib, in order

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in STDLIB:  # not a stdlib module: not ours to find (it is asked last, after the zip)
            return None
        if not self.loaded:
            data = self.fetch(self.url)
            with open(FULL, "wb") as handle:
                handle.write(data)
            self.say(
                f"cx: '{name}' is not in the traced stdlib; loaded Pyodide's full stdlib ({len(data):,} bytes) once"
            )
        self.loaded.append(name)
        parent = name.rpartition(".")[0]
        return zipimport.zipimporter(f"{FULL}/{parent.replace('.', '/')}/" if parent else FULL).find_spec(name)


def install(url: str) -> Fallback:
    """Put the fallback finder last on `sys.meta_path` (once) and return it."""
    for finder in sys.meta_path:
        if isinstance(finder, Fallback):
            return finder
    finder = Fallback(url)
    sys.meta_path.append(finder)
    return finder
