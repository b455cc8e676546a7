"""Loading YAML definitions: syntax errors, duplicate keys, encodings and suite-wide ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from checklists.load import DEFINITIONS, load_all, load_file
from checklists.model import Checklist, ChecklistError

from .test_model import minimal


def write(directory: Path, name: str, text: str | bytes) -> Path:
    path = directory / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yml", "id: demo\nversion: 1\ntitle: {nl: a, en: b\n")
    with pytest.raises(ChecklistError, match=r"^demo\.yml: line 4: YAML syntax error"):
        load_file(path)


def test_duplicate_yaml_key_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yml", "id: demo\nversion: 1\nid: again\n")
    with pytest.raises(ChecklistError, match=r"^demo\.yml: line 3: duplicate key 'id'$"):
        load_file(path)


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "demo.yml", "id: d\xe9mo\n".encode("latin-1"))
    with pytest.raises(ChecklistError, match=r"^demo\.yml: not UTF-8 text \(byte 5\)$"):
        load_file(path)


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "other.yml", yaml.safe_dump(minimal()))
    with pytest.raises(ChecklistError, match=r"^other\.yml: id: 'demo' does not match the file name$"):
        load_file(path)


def test_validation_errors_name_the_file(tmp_path: Path) -> None:
    data = minimal()
    del data["sections"][0]["questions"][1]["text"]["nl"]
    path = write(tmp_path, "demo.yml", yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(
        ChecklistError, match=r"^demo\.yml: sections\[0\]\.questions\[1\]\.text\.nl: missing translation$"
    ):
        load_file(path)


def test_ids_are_unique_across_the_suite(tmp_path: Path) -> None:
    write(tmp_path, "demo.yml", yaml.safe_dump(minimal()))
    other = minimal()
    other["id"] = "other"
    other["sections"][1]["id"] = "two-x"
    other["sections"][1]["questions"][0]["id"] = "one-b"
    other["sections"][0]["id"] = "first"
    other["sections"][0]["questions"] = [{"id": "fresh", "text": {"nl": "a", "en": "b"}}]
    write(tmp_path, "other.yml", yaml.safe_dump(other))
    with pytest.raises(ChecklistError, match=r"^other\.yml: id 'one-b' is also used in demo\.yml$"):
        load_all(tmp_path)


@pytest.mark.parametrize("path", sorted(DEFINITIONS.glob("*.yml")), ids=lambda p: p.name)
def test_every_shipped_definition_survives_the_trip_to_the_browser(path: Path) -> None:
    # the page embeds to_dict() as JSON and the worker rebuilds it: nothing may be lost or changed on the way
    checklist = load_file(path)
    assert Checklist.from_dict(json.loads(json.dumps(checklist.to_dict()))) == checklist
    assert checklist.levels and checklist.respondent, f"{path.name}: levels and a named respondent"


def test_a_definition_that_loses_a_field_on_the_way_is_caught(definitions: dict) -> None:
    # negative control: drop one statement's text in the JSON, as a lossy to_dict() would
    data = json.loads(json.dumps(definitions["leadership"].to_dict()))
    data["sections"][0]["questions"][0]["text"]["en"] = "changed"
    assert Checklist.from_dict(data) != definitions["leadership"]


def test_leadership_covers_the_nine_building_blocks(definitions: dict) -> None:
    leadership = definitions["leadership"]
    assert [s.id for s in leadership.sections] == [
        "understanding",
        "vision",
        "leadership",
        "culture",
        "experience",
        "people",
        "resources",
        "steering",
        "improving",
    ]
    assert all(4 <= len(s.questions) <= 6 for s in leadership.sections)
