"""A static server for the built site under a sub-path, like GitHub Pages serves a project site.

Used by the browser tests and the benchmarks; serves only 127.0.0.1.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` at `prefix` (e.g. /REPO/), 404 elsewhere, quietly."""

    prefix = "/"
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # as GitHub Pages does: a missing page gets the site's own 404.html (with the 404 status)
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class ThrottledHandler(SubPathHandler):
    """Sends files at `rate` bytes a second (a slow connection), and stops for good after `stall_after` bytes of a
    file whose name ends with `stall_on` (a download that stalls)."""

    rate = 0
    stall_on = ""
    stall_after = 0
    chunk = 16_384

    def copyfile(self, source: object, outputfile: object) -> None:
        import time

        stalls = bool(self.stall_on) and self.path.split("?")[0].endswith(self.stall_on)
        sent = 0
        while block := source.read(self.chunk):  # type: ignore[attr-defined]
            if stalls and sent + len(block) > self.stall_after:
                time.sleep(3600)  # the server thread is a daemon: it goes when the test ends
            outputfile.write(block)  # type: ignore[attr-defined]
            sent += len(block)
            if self.rate:
                time.sleep(len(block) / self.rate)


class QuietServer(ThreadingHTTPServer):
    """A threading server that ignores clients hanging up mid-response (aborted fetches)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def start(
    directory: Path, prefix: str = "/REPO/", port: int = 0, **throttle: object
) -> tuple[ThreadingHTTPServer, str]:
    """Start serving in a daemon thread; returns the server and the site's base URL. `throttle` sets the attributes
    of `ThrottledHandler` (rate, stall_on, stall_after) for a slow or stalling connection; `throttled` changes them
    for a while."""
    handler = type("Handler", (ThrottledHandler,), {"prefix": prefix, **throttle})
    server = QuietServer(("127.0.0.1", port), partial(handler, directory=str(directory)))
    server.handler = handler  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@contextmanager
def throttled(server: ThreadingHTTPServer, **throttle: object) -> Iterator[None]:
    """The same server (so the same origin as `site_url`, which the build names) slow or stalling for a while."""
    handler = server.handler  # type: ignore[attr-defined]
    before = {name: getattr(handler, name) for name in throttle}
    for name, value in throttle.items():
        setattr(handler, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(handler, name, value)
