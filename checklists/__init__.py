"""The CX playbook's checklist engine: definitions, scoring and results, stdlib only.

Runs natively (tests, build) and unchanged in Pyodide (the reader's browser).
"""

from __future__ import annotations

from .answers import migrate
from .model import UNKNOWN, Checklist, ChecklistError
from .scoring import Result, score

__version__ = "0.1.0"
ENGINE_VERSION = __version__

__all__ = ["ENGINE_VERSION", "UNKNOWN", "Checklist", "ChecklistError", "Result", "migrate", "score"]
