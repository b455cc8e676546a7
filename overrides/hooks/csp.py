"""MkDocs hook: a strict Content-Security-Policy per page, with the hashes of that page's inline scripts.

`overrides/main.html` puts a placeholder meta tag first in <head>; this hook fills it once the page's
final HTML exists, so Material's small inline scripts run and nothing else inline does.
"""

from __future__ import annotations

import base64
import hashlib
import re

from cx_site import serving
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

PLACEHOLDER = "cx-csp-placeholder"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks are never executed

POLICY = (
    # 'self', not 'none': Firefox prefetches the page Material names in <link rel="next">, under default-src
    "default-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "media-src 'none'",
    "font-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for every executable inline script in `html`, in order, without repeats."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = re.search(r'\btype="([^"]+)"', match.group("attrs"))
        if kind and kind.group(1) in DATA_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    """The page's policy: only the site itself, plus the hashes of its own inline scripts."""
    return "; ".join(POLICY).format(hashes=" ".join(script_hashes(html))).replace("  ", " ")


def _fill(html: str) -> str:
    # replace the placeholder meta content with the computed policy
    return html.replace(PLACEHOLDER, policy(html), 1) if PLACEHOLDER in html else html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # every Markdown page
    return _fill(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    # the theme's own pages (404.html)
    return _fill(output_content)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # the placeholder the template writes into <meta http-equiv="Content-Security-Policy">; none under
    # `mkdocs serve`, whose live-reload script is injected inline into every page after this hook ran
    config.extra["cx_csp_placeholder"] = None if serving(config) else PLACEHOLDER
    return config
