"""The playbook's content: both editions complete and aligned, chapters in shape, nav complete, prose original."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DOCS = ROOT / "docs"
HEADING_ID = re.compile(r"^#{2,6} .*\{ *#([a-z0-9-]+) *\}\s*$", re.M)
BLOCK_SECTIONS = ["play", "the-idea", "what-good-looks-like", "warning-signs", "practices", "checklist", "sources"]
PLAY_CHAPTERS = sorted(
    str(p.relative_to(DOCS))
    for part in ("blocks", "organising")
    for p in (DOCS / part).glob("*.md")
    if not p.name.endswith(".en.md")
)
CARD_CHAPTERS = PLAY_CHAPTERS + sorted(
    str(p.relative_to(DOCS)) for p in (DOCS / "board").glob("*.md") if not p.name.endswith(".en.md")
)
"""Every chapter that opens with a play card: the counted block and organising chapters and the board/ pages."""
WORDS_BEFORE = {"nl": 15548, "en": 16285}
"""Prose words of the block and organising chapters on 2026-12-04 (`chapter_words`), before the plays."""


def section_ids(text: str) -> list[str]:
    """A chapter's section ids in order: the play card's `play` (from its macro) and every heading id."""
    return (["play"] if "{{ play() }}" in text else []) + HEADING_ID.findall(text)


def dutch_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))


def english(path: Path) -> Path:
    return path.with_name(path.stem + ".en.md")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1))


def prose_words(path: Path) -> int:
    """Words of running text: without front matter, macros, HTML, link targets and ids."""
    text = re.sub(r"^---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{ *#[^}]*\}|<[^>]+>|\]\([^)]*\)", " ", text)
    return len(re.findall(r"[\wÀ-ÿ'’-]+", text))


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(config["nav"])
    return found


BLOCKS = [b["page"] for b in yaml.safe_load((ROOT / "macros/blocks.yml").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", [str(p.relative_to(DOCS)) for p in dutch_pages()])
def test_every_page_exists_in_both_editions_with_the_same_heading_ids(page: str) -> None:
    nl, en = DOCS / page, english(DOCS / page)
    assert en.is_file(), f"{page} has no English edition"
    assert HEADING_ID.findall(nl.read_text(encoding="utf-8")) == HEADING_ID.findall(en.read_text(encoding="utf-8"))
    for path in (nl, en):
        meta = front_matter(path)
        assert meta.get("title") and meta.get("description"), path


def test_no_english_page_without_a_dutch_one() -> None:
    orphans = [p for p in DOCS.rglob("*.en.md") if not p.with_name(p.name.replace(".en.md", ".md")).is_file()]
    assert orphans == []


def test_every_page_is_reachable_from_the_nav() -> None:
    assert sorted(nav_files()) == sorted(str(p.relative_to(DOCS)) for p in dutch_pages())


@pytest.mark.parametrize("page", BLOCKS)
def test_building_block_chapters_have_the_fixed_closing_sections(page: str) -> None:
    for path in (DOCS / page, english(DOCS / page)):
        text = path.read_text(encoding="utf-8")
        ids = section_ids(text)
        assert [i for i in ids if i in BLOCK_SECTIONS] == BLOCK_SECTIONS, path
        assert ids[-1] == "sources" and not {"on-monday", "board-questions"} & set(ids), path
        assert "{{ chapter_checklist() }}" in text and text.rstrip().endswith("{{ block_nav() }}"), path
        assert 400 <= prose_words(path) <= 1200, f"{path}: {prose_words(path)} words"


ORGANISING = [page for page in PLAY_CHAPTERS if page.startswith("organising/")]


@pytest.mark.parametrize("page", ORGANISING)
def test_organising_chapters_have_the_expected_length_and_sources(page: str) -> None:
    for path in (DOCS / page, english(DOCS / page)):
        assert 300 <= prose_words(path) <= 1000, f"{path}: {prose_words(path)} words"
        ids = section_ids(path.read_text(encoding="utf-8"))
        assert ids[0] == "play" and ids[-2:] == ["checklist", "sources"], path


def chapter_words(path: Path) -> int:
    """Prose words as the issue counts them: without front matter, footnote texts, macros, HTML and link targets."""
    text = re.sub(r"^---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"\{\{.*?\}\}|\{ *#[^}]*\}|<[^>]+>|\]\([^)]*\)|\[\^[^\]]+\]", " ", text)
    return len(re.findall(r"[\wÀ-ÿ'’-]+", text))


def play_words(page: str, lang: str) -> int:
    """The words of a chapter's play card (its data file), in one language."""
    data = yaml.safe_load((ROOT / "macros" / "plays" / (page[:-3].replace("/", "-") + ".yml")).read_text())
    texts = [data["title"][lang]] + [item[lang] for key in ("actions", "questions") for item in data[key]]
    return sum(len(re.findall(r"[\wÀ-ÿ'’-]+", text)) for text in texts)


@pytest.mark.parametrize("page", CARD_CHAPTERS)
def test_every_block_and_organising_chapter_opens_with_its_play(page: str) -> None:
    for path in (DOCS / page, english(DOCS / page)):
        body = re.sub(r"^---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S).lstrip()
        assert re.match(r"# [^\n]+\n+\{\{ play\(\) \}\}\n", body), f"{path}: the play must follow the title"


@pytest.mark.parametrize("page", CARD_CHAPTERS)
def test_a_play_card_has_a_title_at_most_five_actions_and_questions_and_the_checklist(
    built_site: Path, page: str
) -> None:
    for prefix in ("", "en/"):
        html = (built_site / prefix / page[:-3] / "index.html").read_text(encoding="utf-8")
        card = html[html.index('<div class="cx-play">') :]
        card = card[: card.index('<p class="cx-play__checklist">') + 400]
        assert '<h2 id="play">' in card
        assert 1 <= card.count("<li>", card.index("cx-play__actions"), card.index("cx-play__questions")) <= 5
        assert 1 <= card[card.index("cx-play__questions") :].count("<li>") <= 5
        assert 'class="md-button md-button--primary" href="../../checklists/' in card


def test_the_chapters_are_a_fifth_shorter_plays_included() -> None:
    for lang, before in WORDS_BEFORE.items():
        now = sum(
            chapter_words(DOCS / page if lang == "nl" else english(DOCS / page)) + play_words(page, lang)
            for page in PLAY_CHAPTERS
        )
        assert now <= 0.8 * before, f"{lang}: {now} words, at most {0.8 * before:.0f}"


def test_home_page_links_every_building_block(built_site: Path) -> None:
    for prefix in ("", "en/"):
        html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        for page in BLOCKS:
            assert f'href="{page[:-3]}/"' in html, (prefix, page)


@pytest.mark.parametrize("page", BLOCKS)
def test_each_block_links_to_its_checklist_section_and_back(built_site: Path, page: str, definitions: dict) -> None:
    section = yaml.safe_load((ROOT / "macros/blocks.yml").read_text())[BLOCKS.index(page)]["section"]
    assert section in [s.id for s in definitions["leadership"].sections]
    for prefix in ("", "en/"):
        html = (built_site / prefix / page[:-3] / "index.html").read_text(encoding="utf-8")
        assert f'href="../../checklists/leadership/#leadership-{section}"' in html
        checklist = (built_site / prefix / "checklists/leadership/index.html").read_text(encoding="utf-8")
        assert f'id="leadership-{section}"' in checklist


def test_built_editions_have_the_same_heading_ids(built_site: Path) -> None:
    for page in dutch_pages():
        rel = str(page.relative_to(DOCS))[:-3]
        rel = "" if rel == "index" else rel.removesuffix("/index") + "/"
        ids = [
            re.findall(r'<h[2-6] id="([^"]+)"', (built_site / p / "index.html").read_text(encoding="utf-8"))
            for p in (rel, "en/" + rel)
        ]
        assert ids[0] == ids[1], rel


def test_prose_is_original() -> None:
    tool = ROOT.parent / "shared" / "tools" / "originality"
    if not tool.is_file():
        pytest.skip("../shared/tools/originality is not next to this checkout")
    done = subprocess.run([str(tool)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "originality: 0 run(s)" in done.stdout
