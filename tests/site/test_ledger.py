"""The fact ledger: each footnoted claim from an article has an entry quoting the seed sentence it rests on (issue #21).

`tests/site/ledger/<part>-<name>.yml` (`index.yml` for the home page) lists, per unit of prose and footnote, the
claim and the sentences of the article it rests on; `ideas.yml` gives every idea of the articles its one home. The
ledger lives under tests/ because it quotes the seeds word for word. Every check is a pure function over the files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.site.test_editorial import (
    ARTICLES,
    DOCS,
    EDITORIAL,
    EDITORIAL_PAGES,
    FOOTNOTE_LABEL,
    HEADING_ID,
    cited_sources,
    footnote_sources,
    prose,
    sectioned_units,
)

LEDGER = ROOT / "tests/site/ledger"
SEEDS = Path(os.environ.get("CX_SEEDS") or ROOT.parent / "shared" / "seeds")
"""The five articles: ../shared/seeds next to the checkout, or `CX_SEEDS` for a checkout elsewhere (a worktree)."""
IDEAS = yaml.safe_load((LEDGER / "ideas.yml").read_text(encoding="utf-8"))
SEED_FILES = {EDITORIAL.sources[source].seed: source for source in ARTICLES}
ENTRY_KEYS, ENTRY_OPTIONAL = {"section", "starts", "footnote", "claim", "seed", "rests_on"}, {"ideas", "own"}
IDEA_ID = re.compile(r"^[VRCDB]\d\d$")
LANG_SUFFIX = (("nl", ".md"), ("en", ".en.md"))
QUOTES = str.maketrans({c: "'" for c in '‘’‚‛“”„"`´'})


def ledger_name(page: str) -> str:
    """The ledger file of a page: `blocks/understanding.md` → `blocks-understanding`, the home page → `index`."""
    return page[:-3].replace("/", "-")


def editions(page: str) -> dict[str, str]:
    """Both editions of a page's Markdown, by language."""
    return {lang: (DOCS / page.replace(".md", suffix)).read_text(encoding="utf-8") for lang, suffix in LANG_SUFFIX}


def ledger_pages() -> list[str]:
    """The pages that retell the articles and cite one of them: each needs a ledger."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        page = path.relative_to(DOCS).as_posix()
        if page.endswith(".en.md") or not EDITORIAL_PAGES.search(page):
            continue
        if any(set(cited_sources(text)) & set(ARTICLES) for text in editions(page).values()):
            found.append(page)
    return found


def ledger_problems(data: Any) -> list[str]:
    """A ledger file that is not `page:` and `entries:` of the documented form."""
    if not isinstance(data, Mapping) or set(data) != {"page", "entries"} or not isinstance(data["entries"], list):
        return ["expected `page:` and a list of `entries:`"]
    found = []
    for i, entry in enumerate(data["entries"]):
        keys = set(entry) if isinstance(entry, Mapping) else set()
        if not ENTRY_KEYS <= keys <= ENTRY_KEYS | ENTRY_OPTIONAL:
            found.append(f"entries[{i}]: keys {sorted(keys)}, expected {sorted(ENTRY_KEYS)} and maybe ideas, own")
            continue
        if not isinstance(entry["starts"], Mapping) or set(entry["starts"]) != {"nl", "en"}:
            found.append(f"entries[{i}].starts: expected {{nl: …, en: …}}")
        if not isinstance(entry["rests_on"], list) or not entry["rests_on"]:
            found.append(f"entries[{i}].rests_on: expected a list of seed sentences")
        if entry["seed"] not in SEED_FILES:
            found.append(f"entries[{i}].seed: {entry['seed']!r} is not one of the five articles")
        if any(not IDEA_ID.match(str(idea)) for idea in entry.get("ideas") or []):
            found.append(f"entries[{i}].ideas: expected ids like R08")
    return found


def lead(text: str) -> str:
    """Text compared by its first words: no footnote references, list or table markers, emphasis or brackets."""
    text = FOOTNOTE_LABEL.sub("", text)
    text = re.sub(r"^\s*([-*+]|\d+\.|\|)\s+", "", text)
    return " ".join(re.sub(r"[*_`\[\]]", "", text).split())


def claims(markdown: str) -> list[tuple[str, str, str]]:
    """Each (section id, unit, footnote label) whose footnote cites an article."""
    labels = footnote_sources(markdown)
    return [
        (section, unit, label)
        for _, section, unit in sectioned_units(markdown)
        for label in dict.fromkeys(FOOTNOTE_LABEL.findall(unit))
        if labels.get(label) in ARTICLES
    ]


def matches(entry: Mapping[str, Any], section: str, unit: str, lang: str) -> bool:
    """Whether an entry stands for a unit: same section, and the unit's prose starts with the entry's first words."""
    return entry["section"] == section and lead(prose(unit)).startswith(lead(str(entry["starts"][lang])))


def missing_entries(markdown: str, lang: str, entries: list[Mapping[str, Any]]) -> list[str]:
    """Footnoted claims from an article without exactly one ledger entry."""
    found = []
    for section, unit, label in claims(markdown):
        count = sum(1 for e in entries if e["footnote"] == label and matches(e, section, unit, lang))
        if count != 1:
            found.append(f"{lang} #{section or '(opening)'} [^{label}]: {count} entries for {lead(prose(unit))[:70]!r}")
    return found


def stale_entries(markdown: str, lang: str, entries: list[Mapping[str, Any]]) -> list[str]:
    """Entries that no longer stand for a unit carrying their footnote."""
    units = [(section, unit) for _, section, unit in sectioned_units(markdown)]
    return [
        f"{lang} #{e['section'] or '(opening)'} [^{e['footnote']}] {e['starts'][lang]!r}: no unit with that footnote"
        for e in entries
        if not any(matches(e, s, u, lang) and f"[^{e['footnote']}]" in u for s, u in units)
    ]


def wrong_seeds(markdown: str, entries: list[Mapping[str, Any]]) -> list[str]:
    """Entries whose seed is not the article that the footnote's `cite()` names on the page."""
    labels = footnote_sources(markdown)
    found = []
    for e in entries:
        cited = labels.get(str(e["footnote"]))
        if SEED_FILES.get(e["seed"]) != cited:
            found.append(f"[^{e['footnote']}] cites {cited}, but the entry rests on {e['seed']}")
    return found


def normalised(text: str) -> str:
    """Text with its quotation marks and whitespace made uniform."""
    return " ".join(text.translate(QUOTES).split())


def unquoted(entries: list[Mapping[str, Any]], seeds: Mapping[str, str]) -> list[str]:
    """`rests_on` sentences that do not occur in their seed word for word (quotation marks and spacing aside)."""
    return [
        f"{e['seed']}: {quote[:70]!r}"
        for e in entries
        for quote in e["rests_on"]
        if normalised(str(quote)) not in normalised(seeds[e["seed"]])
    ]


def idea_problems(ideas: list[Mapping[str, Any]]) -> list[str]:
    """An idea list that repeats an id, names a seed that is not an article, or has no home and no reason."""
    found, seen = [], set()
    for idea in ideas:
        if not IDEA_ID.match(str(idea.get("id"))) or idea["id"] in seen:
            found.append(f"{idea.get('id')}: not a new id like R08")
        seen.add(idea.get("id"))
        if idea.get("seed") not in SEED_FILES or str(idea["id"])[0] != "VRCDB"[sorted(SEED_FILES).index(idea["seed"])]:
            found.append(f"{idea['id']}: seed {idea.get('seed')!r} is not the article its letter stands for")
        home = str(idea.get("home"))
        if home == "none" and not idea.get("why"):
            found.append(f"{idea['id']}: no home and no `why`")
        if home != "none" and not re.fullmatch(r"[a-z0-9/-]+\.md(#[a-z0-9-]+)?", home):
            found.append(f"{idea['id']}: home {home!r} is not page.md or page.md#anchor")
    return found


def homeless(ideas: list[Mapping[str, Any]], page: str, entries: list[Mapping[str, Any]]) -> list[str]:
    """The ideas whose home is `page` that no entry of the page's ledger carries."""
    carried = {idea for e in entries for idea in e.get("ideas") or []}
    return [i["id"] for i in ideas if str(i["home"]).partition("#")[0] == page and i["id"] not in carried]


def read_ledger(page: str) -> list[Mapping[str, Any]]:
    """The entries of a page's ledger (the file must exist)."""
    return yaml.safe_load((LEDGER / f"{ledger_name(page)}.yml").read_text(encoding="utf-8"))["entries"]


# --- the ledger and the ideas --------------------------------------------------------------------------------------


LEDGER_FILES = sorted(p for p in LEDGER.glob("*.yml") if p.name != "ideas.yml")


def test_the_idea_list_is_well_formed() -> None:
    assert idea_problems(IDEAS) == []
    assert {i["id"][0] for i in IDEAS} == set("VRCDB")


@pytest.mark.parametrize(
    "idea",
    [i for i in IDEAS if i["home"] != "none"],
    ids=lambda i: i["id"],
)
def test_every_ideas_home_exists_in_both_editions(idea: dict) -> None:
    page, _, anchor = idea["home"].partition("#")
    for text in editions(page).values():
        assert not anchor or anchor in HEADING_ID.findall(text), idea["home"]


@pytest.mark.parametrize("path", LEDGER_FILES, ids=lambda p: p.name)
def test_a_ledger_file_has_the_documented_form_and_names_its_page(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert ledger_problems(data) == []
    assert path.stem == ledger_name(str(data["page"])) and data["page"] in ledger_pages(), data["page"]


@pytest.mark.parametrize("page", ledger_pages())
def test_every_footnoted_claim_from_an_article_has_one_ledger_entry(page: str) -> None:
    assert (LEDGER / f"{ledger_name(page)}.yml").is_file(), f"no ledger tests/site/ledger/{ledger_name(page)}.yml"
    entries = read_ledger(page)
    assert [p for lang, text in editions(page).items() for p in missing_entries(text, lang, entries)] == []


@pytest.mark.parametrize("path", LEDGER_FILES, ids=lambda p: p.name)
def test_no_ledger_entry_is_stale_and_each_names_its_footnotes_article(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages = editions(data["page"])
    assert [p for lang, text in pages.items() for p in stale_entries(text, lang, data["entries"])] == []
    assert [p for text in pages.values() for p in wrong_seeds(text, data["entries"])] == []


@pytest.mark.parametrize("path", LEDGER_FILES, ids=lambda p: p.name)
def test_every_seed_sentence_in_the_ledger_is_quoted_word_for_word(path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not next to this checkout (set CX_SEEDS to the seeds' directory)")
    seeds = {name: (SEEDS / name).read_text(encoding="utf-8") for name in SEED_FILES}
    assert unquoted(yaml.safe_load(path.read_text(encoding="utf-8"))["entries"], seeds) == []


HOME_PAGES = sorted({str(i["home"]).partition("#")[0] for i in IDEAS} - {"none"})


@pytest.mark.parametrize("page", [p for p in HOME_PAGES if p in ledger_pages() or p.startswith("board/")])
def test_every_idea_is_carried_by_an_entry_of_its_home_pages_ledger(page: str) -> None:
    assert (LEDGER / f"{ledger_name(page)}.yml").is_file(), f"no ledger tests/site/ledger/{ledger_name(page)}.yml"
    assert homeless(IDEAS, page, read_ledger(page)) == []


def test_idea_homes_without_a_ledger_are_only_the_sources_page() -> None:
    assert [p for p in HOME_PAGES if p not in ledger_pages()] == ["about/sources.md"]


# --- negative controls ------------------------------------------------------------------------------------------------

PAGE = """# Titel

## Het idee { #the-idea }

De klant heeft behoeften.[^review] Hij verwacht iets.[^review]

- **Tans** sprak.[^debate] Een tweede bron.[^ccm]

[^review]: {{ cite("delight-review") }}
[^debate]: {{ cite("cco-debate", who="Robert Tans, Boels") }}
[^ccm]: {{ cite("sustainable-contact") }}
"""
ENTRY = {
    "section": "the-idea",
    "starts": {"nl": "De klant heeft", "en": "The customer has"},
    "footnote": "review",
    "claim": "Customers have needs.",
    "seed": "001_49efd7041e5c3069.txt",
    "rests_on": ["De klant heeft behoeften en wensen."],
}


def test_negative_control_a_claim_without_an_entry_is_caught() -> None:
    debate = {**ENTRY, "starts": {"nl": "Tans sprak", "en": "Tans spoke"}, "footnote": "debate"}
    debate["seed"] = "003_fe3ad716bea7dc4c.txt"
    assert missing_entries(PAGE, "nl", [ENTRY, debate]) == [
        "nl #the-idea [^ccm]: 0 entries for 'Tans sprak. Een tweede bron.'"
    ]
    assert missing_entries(PAGE, "nl", [ENTRY, ENTRY, debate])[0].startswith("nl #the-idea [^review]: 2 entries")


def test_negative_control_a_stale_entry_and_a_wrong_seed_are_caught() -> None:
    moved = {**ENTRY, "section": "practices"}
    assert stale_entries(PAGE, "nl", [ENTRY, moved]) == [
        "nl #practices [^review] 'De klant heeft': no unit with that footnote"
    ]
    wrong = {**ENTRY, "seed": "002_b5ff133cc13afb1f.txt"}
    assert wrong_seeds(PAGE, [ENTRY, wrong]) == [
        "[^review] cites delight-review, but the entry rests on 002_b5ff133cc13afb1f.txt"
    ]


def test_negative_control_a_sentence_not_in_its_seed_is_caught() -> None:
    seeds = {"001_49efd7041e5c3069.txt": "Intro. De klant heeft  behoeften en wensen. Op basis daarvan ‘iets’."}
    quoted = {**ENTRY, "rests_on": ["De klant heeft behoeften en wensen.", "Op basis daarvan 'iets'."]}
    assert unquoted([quoted], seeds) == []
    assert unquoted([{**ENTRY, "rests_on": ["De klant wil alles."]}], seeds) == [
        "001_49efd7041e5c3069.txt: 'De klant wil alles.'"
    ]


def test_negative_control_a_bad_ledger_file_and_idea_list_are_caught() -> None:
    assert ledger_problems({"page": "x.md"}) == ["expected `page:` and a list of `entries:`"]
    bad = {**ENTRY, "seed": "README.md", "ideas": ["r8"]}
    assert ledger_problems({"page": "x.md", "entries": [bad]}) == [
        "entries[0].seed: 'README.md' is not one of the five articles",
        "entries[0].ideas: expected ids like R08",
    ]
    ideas = [
        {"id": "R08", "seed": "001_49efd7041e5c3069.txt", "home": "blocks/understanding.md#the-idea"},
        {"id": "R08", "seed": "000_ce771fadece5ec21.txt", "home": "none"},
    ]
    assert idea_problems(ideas) == [
        "R08: not a new id like R08",
        "R08: seed '000_ce771fadece5ec21.txt' is not the article its letter stands for",
        "R08: no home and no `why`",
    ]
    assert homeless(ideas[:1], "blocks/understanding.md", [ENTRY]) == ["R08"]
    assert homeless(ideas[:1], "blocks/understanding.md", [{**ENTRY, "ideas": ["R08"]}]) == []
