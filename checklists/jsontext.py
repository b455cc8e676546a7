"""Outside text read as JSON with limits, before any of it reaches the model.

Files, links, saved data and the worker's own requests are text from outside. `read()` refuses text
that is too large, nested too deep or holds numbers too long to be ours, and gives back plain data in
which every string is valid Unicode: nothing past this point can overflow a stack, spend seconds on a
number, or fail to encode.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # a JSON string, unrolled: fast on megabytes of text
BRACKET = re.compile(r"[\[\]{}]")
SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
"""What a lone surrogate can come from: an escape of one, or one in the text itself."""


class Unreadable(ValueError):
    """Why a text is not read: `code` is a key of the string catalogue."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text (strings skipped), without parsing it."""
    deepest = level = 0
    for match in BRACKET.finditer(STRING.sub("", text)):
        level += 1 if match.group() in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def clean(value: Any) -> Any:
    """`value` with every string (keys too) made valid Unicode: lone surrogates become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8") if not value.isascii() else value
    if isinstance(value, list):
        return [clean(item) for item in value]
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    return value


def _number(limit: int) -> tuple[Any, Any]:
    # parse_int and parse_float hooks that refuse long digit strings and non-finite floats
    def whole(text: str) -> int:
        if len(text.lstrip("-")) > limit:
            raise Unreadable("too_complex")
        return int(text)

    def real(text: str) -> float:
        if len(text) > limit * 2:
            raise Unreadable("too_complex")
        value = float(text)
        if not math.isfinite(value):
            raise Unreadable("too_complex")
        return value

    return whole, real


def read(text: Any, *, max_chars: int, max_depth: int = 32, max_digits: int = 20) -> Any:
    """Parse JSON text within the limits, or raise `Unreadable` (too_large, empty, not_json, too_complex)."""
    if not isinstance(text, str):
        raise Unreadable("not_json")
    if len(text) > max_chars:
        raise Unreadable("too_large")
    if not text.strip():
        raise Unreadable("empty")
    if text.count("[") + text.count("{") > max_depth and depth(text) > max_depth:  # fewer cannot nest deeper
        raise Unreadable("too_complex")
    whole, real = _number(max_digits)
    try:
        data = json.loads(text, parse_int=whole, parse_float=real, parse_constant=_constant)
    except (json.JSONDecodeError, UnicodeError):
        raise Unreadable("not_json") from None
    return clean(data) if SURROGATE.search(text) else data


def _constant(name: str) -> float:
    # NaN and Infinity are not JSON
    raise Unreadable("not_json")


# --- reading the parts of a text too large or too deep to read whole (a saved entry worth salvaging) -----------------

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_SPACE = re.compile(r"\s*")
_SCALAR = re.compile(r"[^\s,\]}]+")


def _value_end(text: str, start: int) -> int:
    # where the JSON value that starts at `start` ends (strings skipped, brackets counted), without parsing it
    if start >= len(text):
        raise Unreadable("not_json")
    if text[start] == '"':
        match = STRING.match(text, start)
        if not match:
            raise Unreadable("not_json")
        return match.end()
    if text[start] not in "[{":
        match = _SCALAR.match(text, start)
        if not match:
            raise Unreadable("not_json")
        return match.end()
    level = 0
    for token in _TOKEN.finditer(text, start):
        mark = token.group()
        if mark in "[{":
            level += 1
        elif mark in "]}":
            level -= 1
            if level == 0:
                return token.end()
    raise Unreadable("not_json")


def _items(text: str, opening: str, closing: str, keyed: bool) -> list[tuple[str | None, str]]:
    # the top-level items of an object or array text: (key, raw value) pairs, values left unparsed
    at = _SPACE.match(text).end()
    if text[at : at + 1] != opening:
        raise Unreadable("not_json")
    at = _SPACE.match(text, at + 1).end()
    found: list[tuple[str | None, str]] = []
    if text[at : at + 1] == closing:
        return found
    while True:
        key = None
        if keyed:
            match = STRING.match(text, at)
            if not match:
                raise Unreadable("not_json")
            key = read(match.group(), max_chars=1000)
            at = _SPACE.match(text, match.end()).end()
            if text[at : at + 1] != ":":
                raise Unreadable("not_json")
            at = _SPACE.match(text, at + 1).end()
        end = _value_end(text, at)
        found.append((key, text[at:end]))
        at = _SPACE.match(text, end).end()
        if text[at : at + 1] == closing:
            return found
        if text[at : at + 1] != ",":
            raise Unreadable("not_json")
        at = _SPACE.match(text, at + 1).end()


def members(text: str) -> list[tuple[str, str]]:
    """The members of a JSON object text as (key, raw value text), the values unparsed: for salvaging the parts
    of a text that cannot be read whole. Raises `Unreadable("not_json")` when the object itself is malformed."""
    return [(str(key), value) for key, value in _items(text, "{", "}", keyed=True)]


def elements(text: str) -> list[str]:
    """The elements of a JSON array text as raw texts, unparsed (see `members`)."""
    return [value for _, value in _items(text, "[", "]", keyed=False)]
