"""Load checklist definitions from YAML files: build side only (the only module that imports YAML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Checklist, ChecklistError

DEFINITIONS = Path(__file__).parent / "definitions"


def _yaml() -> Any:
    # imported lazily: the browser engine never needs PyYAML
    import yaml

    class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: ten times faster
        """A safe loader that refuses a key given twice in one mapping."""

    def construct_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                line = key_node.start_mark.line + 1
                raise ChecklistError(f"line {line}", f"duplicate key {key!r}")
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return yaml, UniqueKeyLoader


def parse_yaml(text: str, *, file: str) -> Any:
    """Parse YAML text into plain data; syntax errors and duplicate keys name the file and line."""
    yaml, loader = _yaml()
    try:
        return yaml.load(text, Loader=loader)
    except ChecklistError as error:
        raise error.in_file(file) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f"line {mark.line + 1}" if mark else ""
        raise ChecklistError(line, f"YAML syntax error: {error.problem or error}", file=file) from None


def load_file(path: Path) -> Checklist:
    """Read, parse and validate one definition file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ChecklistError("", f"not UTF-8 text (byte {error.start})", file=path.name) from None
    checklist = Checklist.from_dict(parse_yaml(text, file=path.name), file=path.name)
    if checklist.id != path.stem:
        raise ChecklistError("id", f"{checklist.id!r} does not match the file name", file=path.name)
    return checklist


def load_all(directory: Path = DEFINITIONS) -> dict[str, Checklist]:
    """Every definition in `directory`, by id, with ids unique across the whole suite."""
    checklists: dict[str, Checklist] = {}
    owners: dict[str, str] = {}
    for path in sorted(directory.glob("*.yml")):
        checklist = load_file(path)
        for ident in (checklist.id, *(s.id for s in checklist.sections), *checklist.answer_ids):
            if ident in owners and owners[ident] != checklist.id:
                raise ChecklistError("", f"id {ident!r} is also used in {owners[ident]}.yml", file=path.name)
            owners.setdefault(ident, checklist.id)
        checklists[checklist.id] = checklist
    return checklists
