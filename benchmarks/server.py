"""A benchmark server that behaves like GitHub Pages: gzip-encoded, `Cache-Control: max-age=600`, under /REPO/.

It also counts what it sends (raw file bytes and bytes on the wire), so page weights need no browser hooks.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

from tests.browser.server import QuietServer

mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "image/svg+xml",
    "application/xml",
)


class Ledger:
    """Bytes served since the last reset, by URL path (raw size and size on the wire)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.raw: Counter[str] = Counter()
        self.wire: Counter[str] = Counter()

    def add(self, path: str, raw: int, wire: int) -> None:
        with self.lock:
            self.raw[path] += raw
            self.wire[path] += wire

    def reset(self) -> None:
        with self.lock:
            self.raw.clear()
            self.wire.clear()

    def totals(self, prefix: str = "") -> tuple[int, int]:
        """Raw and wire bytes of the paths containing `prefix`."""
        with self.lock:
            return (
                sum(v for k, v in self.raw.items() if prefix in k),
                sum(v for k, v in self.wire.items() if prefix in k),
            )


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD for files under `root`, served at `prefix`, gzip when the client accepts it."""

    root: ClassVar[Path]
    prefix: ClassVar[str]
    ledger: ClassVar[Ledger]
    cache: ClassVar[dict[Path, bytes]] = {}
    protocol_version = "HTTP/1.1"

    def _file(self) -> Path | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return None
        target = (self.root / path[len(self.prefix) :]).resolve()
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() and self.root in target.parents else None

    def do_HEAD(self) -> None:
        self.do_GET(body=False)

    def do_GET(self, body: bool = True) -> None:
        target = self._file()
        if target is None:
            payload = b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if body:
                self.wfile.write(payload)
            return
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        encoded = data
        zipped = kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            if target not in self.cache:
                self.cache[target] = gzip.compress(data, compresslevel=6)
            encoded = self.cache[target]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(encoded)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if body:
            self.wfile.write(encoded)
            self.ledger.add(self.path.split("?", 1)[0], len(data), len(encoded))

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(root: Path, prefix: str = "/REPO/") -> tuple[QuietServer, str, Ledger]:
    """Start serving `root` at `prefix`; returns the server, the base URL and the byte ledger."""
    ledger = Ledger()
    handler = type(
        "BenchHandler", (Handler,), {"root": root.resolve(), "prefix": prefix, "ledger": ledger, "cache": {}}
    )
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}", ledger
