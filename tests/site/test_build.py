"""The real strict build: both languages, the accessible form, the shipped engine, and a failing control."""

from __future__ import annotations

import json
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SITE_URL, mkdocs_build


class Collector(HTMLParser):
    """Collects the elements of a page as (tag, attributes) in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collector()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_both_languages_are_built(built_site: Path) -> None:
    for page, lang in (
        ("index.html", "nl"),
        ("en/index.html", "en"),
        ("checklists/leadership/index.html", "nl"),
        ("en/checklists/leadership/index.html", "en"),
    ):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, page
    english = (built_site / "en/checklists/leadership/index.html").read_text(encoding="utf-8")
    assert "Understanding the customer" in english and "Don&#x27;t know / not applicable" in english


@pytest.mark.parametrize("page", ["checklists/leadership/index.html", "en/checklists/leadership/index.html"])
def test_form_has_one_labelled_radio_group_per_question(built_site: Path, page: str, definitions: dict) -> None:
    found = elements(built_site / page)
    leadership = definitions["leadership"]
    radios = [
        a
        for tag, a in found
        if tag == "input" and a.get("type") == "radio" and a.get("name") in leadership.question_ids
    ]
    labels = {a.get("for") for tag, a in found if tag == "label"}
    groups = {a["name"] for a in radios}
    assert groups == set(leadership.question_ids)
    options = len(leadership.scale.values) + 1  # the scale plus "don't know"
    assert len(radios) == options * len(groups)
    assert all(a["id"] in labels for a in radios), "every radio has a <label for>"
    question_sets = [a for tag, a in found if tag == "fieldset" and "data-cx-question" in a]
    assert len(question_sets) == len(groups)
    # one legend per question, per section, and one for the optional "about you" group
    assert sum(1 for tag, _ in found if tag == "legend") == len(groups) + len(leadership.sections) + 1
    live = [a for tag, a in found if a.get("aria-live") == "polite"]
    assert live, "the result is announced through an aria-live region"


def test_definition_json_on_the_page_is_the_validated_one(built_site: Path, definitions: dict) -> None:
    from checklists.model import Checklist

    html = (built_site / "checklists/leadership/index.html").read_text(encoding="utf-8")
    raw = re.search(
        r'<script type="application/json" class="cx-definition" data-cx-for="leadership">(.*?)</script>', html, re.S
    )
    assert raw, "the definition is embedded as JSON"
    payload = json.loads(raw.group(1))
    assert Checklist.from_dict(payload["definition"]) == definitions["leadership"]
    assert payload["links"]["blocks/culture.md#practices"] == "../../blocks/culture/#practices"


def test_no_unrendered_template_syntax(built_site: Path) -> None:
    leftovers = [
        str(p.relative_to(built_site))
        for p in html_pages(built_site)
        if re.search(r"\{\{|\{%", p.read_text(encoding="utf-8"))
    ]
    assert leftovers == []


def test_engine_wheel_and_pyodide_are_shipped(built_site: Path) -> None:
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    core = built_site / "assets" / "pyodide" / version
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (core / name).stat().st_size > 0, name
    wheels = list((built_site / "assets" / "engine").glob("*/cx_checklists-*-py3-none-any.whl"))
    assert len(wheels) == 1
    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "checklists/scoring.py" in names and "checklists/model.py" in names
    assert "checklists/load.py" not in names, "the YAML loader is build-side only"
    assert not any(n.startswith("checklists/definitions") for n in names)
    form = (built_site / "checklists/leadership/index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script type="application/json" id="__cx_engine">(.*?)</script>', form).group(1))
    assert config["pyodide"] == f"assets/pyodide/{version}/"
    assert config["wheel"] == f"assets/engine/{wheels[0].parent.name}/{wheels[0].name}"
    assert form.count('id="__cx_engine"') == 1, "the engine config is on the page once"
    for key in ("stdlib", "bytecode", "memory"):
        assert (built_site / config[key]).stat().st_size > 0, key


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1)""", re.I)


def test_no_third_party_resources_in_built_pages(built_site: Path) -> None:
    offenders = []
    for page in html_pages(built_site):
        for tag, attrs in elements(page):
            url = attrs.get("src") or (attrs.get("href") if tag == "link" else None) or ""
            if re.match(r"(?:https?:)?//", url) and not url.startswith(SITE_URL):
                offenders.append(f"{page.relative_to(built_site)}: <{tag}> {url}")
    assert offenders == []
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".mjs"}:
            assert "fonts.googleapis" not in path.read_text(encoding="utf-8", errors="replace"), path


def unnamed(html: str) -> list[str]:
    """Dialogs and navs labelled by an element without text or aria-label, in a page's HTML."""
    found = [m.group(0) for m in re.finditer(r'<div[^>]*role="dialog"(?![^>]*aria-label="[^"]+")[^>]*>', html)]
    for ref in re.findall(r'<nav[^>]*aria-labelledby="([^"]+)"', html):
        label = re.search(rf'<(\w+)([^>]*\sid="{re.escape(ref)}"[^>]*)>(.*?)</\1>', html, re.DOTALL)
        text = label and (re.search(r'aria-label="[^"]+"', label.group(2)) or re.sub(r"<[^>]+>|\s", "", label.group(3)))
        if not text:
            found.append(ref)
    return found


def test_every_dialog_and_nav_has_a_name(built_site: Path) -> None:
    assert {p.relative_to(built_site).as_posix(): unnamed(p.read_text()) for p in html_pages(built_site)} == {
        p.relative_to(built_site).as_posix(): [] for p in html_pages(built_site)
    }
    # negative control: Material's own markup, before overrides/hooks/landmarks.py names it
    material = (
        '<div class="md-search" data-md-component="search" role="dialog"></div>'
        '<label class="md-nav__link" for="__nav_1" id="__nav_1_label"><span class="md-icon"></span></label>'
        '<nav class="md-nav" aria-labelledby="__nav_1_label"></nav>'
    )
    assert len(unnamed(material)) == 2


def mini_site(tmp_path: Path, page: str, definitions: dict[str, bytes] | None = None) -> Path:
    """A one-page site using the project's theme overrides, hook and macros (and optionally its own definitions)."""
    docs = tmp_path / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "index.md").write_text("# Mini\n", encoding="utf-8")
    (docs / "checklists" / "leadership.md").write_text(page, encoding="utf-8")
    # the workshop cards link to chapters this one-page site does not have
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("workshops"))
    extra = ""
    if definitions is not None:
        (tmp_path / "defs").mkdir()
        for name, content in definitions.items():
            (tmp_path / "defs" / name).write_bytes(content)
        extra = "extra:\n  cx_definitions: defs\n"
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"""site_name: Mini
theme:
  name: material
  custom_dir: {ROOT / "overrides"}
  language: nl
  font: false
hooks:
  - {ROOT / "overrides/hooks/engine.py"}
plugins:
  - macros:
      module_name: macros
      on_error_fail: true
      on_undefined: strict
markdown_extensions: [attr_list, admonition, md_in_html, pymdownx.details]
{extra}""",
        encoding="utf-8",
    )
    return config


def demo_definitions() -> dict[str, bytes]:
    import yaml

    return {"demo.yml": yaml.safe_dump(valid_definition()).encode()}


def test_known_checklist_builds(tmp_path: Path) -> None:
    done = mkdocs_build(mini_site(tmp_path, '# L\n\n{{ checklist("demo") }}\n', demo_definitions()), tmp_path / "out")
    assert done.returncode == 0, done.stderr[-3000:]
    assert 'data-cx-checklist="demo"' in (tmp_path / "out/checklists/leadership/index.html").read_text()


def test_unknown_checklist_fails_the_build(tmp_path: Path) -> None:
    page = '# L\n\n{{ checklist("no-such-list") }}\n'
    done = mkdocs_build(mini_site(tmp_path, page, demo_definitions()), tmp_path / "out")
    assert done.returncode != 0
    assert "unknown checklist 'no-such-list'" in done.stderr + done.stdout


def test_undefined_variable_fails_the_build(tmp_path: Path) -> None:
    done = mkdocs_build(mini_site(tmp_path, "# L\n\n{{ not_a_macro }}\n", demo_definitions()), tmp_path / "out")
    assert done.returncode != 0


def test_build_without_pyodide_says_how_to_set_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("cx_engine", ROOT / "overrides/hooks/cx_engine.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"Pyodide is not installed .*run `make serve` or `make build`"):
        module.Engine(tmp_path).pyodide_version()


def valid_definition(**changes: object) -> dict:
    data = {
        "id": "demo",
        "version": 1,
        "title": {"nl": "Demo", "en": "Demo"},
        "intro": {"nl": "Inleiding", "en": "Intro"},
        "levels": [{"name": {"nl": "Laag", "en": "Low"}, "description": {"nl": "a", "en": "a"}}],
        "sections": [
            {
                "id": "one",
                "title": {"nl": "Een", "en": "One"},
                "questions": [{"id": "one-a", "text": {"nl": "Vraag", "en": "Question"}}],
            }
        ],
    }
    data.update(changes)
    return data


BROKEN_DEFINITIONS = [
    ("yaml syntax", b"id: demo\nversion: 1\ntitle: {nl: a, en: b\n", "demo.yml: line 4: YAML syntax error"),
    ("duplicate key", b"id: demo\nversion: 1\nversion: 2\n", "demo.yml: line 3: duplicate key 'version'"),
    ("not utf-8", "id: démo\n".encode("latin-1"), "demo.yml: not UTF-8 text"),
    ("missing translation", None, "demo.yml: sections[0].questions[0].text.en: missing translation"),
    ("link to a missing page", None, "demo.yml: sections[0].chapter: links to blocks/nope.md, which does not exist"),
    (
        "javascript link",
        yaml.safe_dump(
            {**valid_definition(), "sections": [{**valid_definition()["sections"][0], "chapter": "javascript:x//a.md"}]}
        ).encode(),
        "demo.yml: sections[0].chapter: invalid chapter link 'javascript:x//a.md'",
    ),
]


@pytest.mark.parametrize(
    ("content", "message"), [(c, m) for _, c, m in BROKEN_DEFINITIONS], ids=[n for n, _, _ in BROKEN_DEFINITIONS]
)
def test_a_broken_definition_fails_the_build_naming_file_and_key_path(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    import yaml

    if content is None and "translation" in message:
        data = valid_definition()
        data["sections"][0]["questions"][0]["text"] = {"nl": "Vraag"}
        content = yaml.safe_dump(data).encode()
    elif content is None:
        data = valid_definition()
        data["sections"][0]["chapter"] = "blocks/nope.md"
        content = yaml.safe_dump(data).encode()
    done = mkdocs_build(
        mini_site(tmp_path, '# L\n\n{{ checklist("demo") }}\n', {"demo.yml": content}), tmp_path / "out"
    )
    assert done.returncode != 0
    assert message in done.stdout + done.stderr


def test_footnotes_stay_out_of_the_search_index(built_site: Path) -> None:
    # the citations are listed on the sources page; in every chapter's index entry they would only be noise
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    chapter = [d["text"] for d in index["docs"] if d["location"].startswith("blocks/culture/")]
    page = (built_site / "blocks" / "culture" / "index.html").read_text(encoding="utf-8")
    assert '<div class="footnote" data-search-exclude>' in page
    assert "voor dit playbook niet gelezen" in page  # a citation's words, on the page…
    assert chapter and not any("voor dit playbook niet gelezen" in text for text in chapter)  # …not in the index
    # the statements of a checklist are searchable, its answer options and tools are not
    form = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("checklists/leadership/"))
    assert form and "Helemaal niet" not in form and "Download als JSON" not in form
