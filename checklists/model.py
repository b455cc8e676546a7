"""Checklist definitions as frozen dataclasses, built and validated by `Checklist.from_dict`.

Stdlib only: the same module validates YAML on the build side and JSON in the browser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

LANGUAGES = ("nl", "en")
UNKNOWN = "unknown"
"""The answer value for "don't know / not applicable"."""


class ChecklistError(ValueError):
    """A definition, answer set or import that is not valid; names the file and key path."""

    def __init__(self, path: str, message: str, *, file: str | None = None) -> None:
        self.path = path
        self.message = message
        self.file = file
        super().__init__(self._render())

    def _render(self) -> str:
        where = ": ".join(part for part in (self.file, self.path) if part)
        return f"{where}: {self.message}" if where else self.message

    def in_file(self, file: str) -> ChecklistError:
        """The same error, attributed to `file`."""
        return ChecklistError(self.path, self.message, file=file)


def _join(path: str, key: str | int) -> str:
    # key paths read like `sections[3].questions[2].text.en`
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _mapping(data: Any, path: str) -> Mapping[str, Any]:
    # a mapping whose keys are all strings, or an error naming `path`
    if not isinstance(data, Mapping):
        raise ChecklistError(path or "(top level)", f"expected a mapping, got {_kind(data)}")
    for key in data:
        if not isinstance(key, str):
            raise ChecklistError(_join(path, str(key)), "keys must be strings")
    return data


def _kind(value: Any) -> str:
    # a reader-friendly name of a YAML/JSON value's type
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list"}
    if value is None:
        return "nothing"
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a mapping" if isinstance(value, Mapping) else type(value).__name__


def _keys(data: Mapping[str, Any], path: str, required: set[str], optional: set[str]) -> None:
    # reject unknown keys and report the first missing one
    for key in data:
        if key not in required and key not in optional:
            raise ChecklistError(_join(path, key), "unknown key")
    for key in sorted(required):
        if key not in data:
            raise ChecklistError(_join(path, key), "missing")


def _string(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ChecklistError(path, f"expected non-empty text, got {_kind(value)}")
    return value.strip()


def _identifier(value: Any, path: str) -> str:
    text = _string(value, path)
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-")
    if not set(text) <= allowed or text[0] == "-" or text[-1] == "-":
        raise ChecklistError(path, f"invalid id {text!r}: use lowercase letters, digits and hyphens")
    return text


def _positive_int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ChecklistError(path, f"expected a whole number of at least 1, got {value!r}")
    return value


def _weight(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ChecklistError(path, f"bad weight {value!r}: expected a number")
    if not math.isfinite(value) or not 0 < value <= 100:
        raise ChecklistError(path, f"bad weight {value!r}: must be above 0 and at most 100")
    return float(value)


def _percentage(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ChecklistError(path, f"expected a number from 0 to 100, got {value!r}")
    return float(value)


def _list(value: Any, path: str, *, empty_ok: bool = False) -> Sequence[Any]:
    if not isinstance(value, list):
        raise ChecklistError(path, f"expected a list, got {_kind(value)}")
    if not value and not empty_ok:
        raise ChecklistError(path, "must not be empty")
    return value


CHAPTER_LINK = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md(?:#[a-z0-9][a-z0-9-]*)?")
"""A chapter link: a page of the site relative to `docs/` (never a scheme, host, absolute path or `..`)."""


def _link(value: Any, path: str) -> str:
    # a chapter link, safe by construction: only a relative link to a page of the site passes
    text = _string(value, path)
    if not CHAPTER_LINK.fullmatch(text):
        raise ChecklistError(
            path, f"invalid chapter link {text!r}: expected a page of the site, e.g. blocks/culture.md#practices"
        )
    return text


@dataclass(frozen=True)
class Text:
    """One human string in every language of the site."""

    nl: str
    en: str

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Text:
        """Build from `{nl: …, en: …}`; both translations are required."""
        data = _mapping(data, path)
        for key in data:
            if key not in LANGUAGES:
                raise ChecklistError(_join(path, key), "unknown language (expected nl and en)")
        values = {}
        for lang in LANGUAGES:
            if lang not in data or data[lang] is None or (isinstance(data[lang], str) and not data[lang].strip()):
                raise ChecklistError(_join(path, lang), "missing translation")
            values[lang] = _string(data[lang], _join(path, lang))
        return cls(**values)

    def get(self, lang: str) -> str:
        """The text in `lang` (Dutch for an unknown language)."""
        return self.en if lang == "en" else self.nl

    def to_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}


DEFAULT_LABELS = (
    Text("Helemaal niet", "Not at all"),
    Text("Nauwelijks", "Hardly"),
    Text("Deels", "Partly"),
    Text("Grotendeels", "Largely"),
    Text("Volledig", "Fully"),
)
DEFAULT_UNKNOWN = Text("Weet ik niet / n.v.t.", "Don't know / not applicable")


@dataclass(frozen=True)
class Scale:
    """The answer scale: whole numbers from `low` to `high`, one label each, plus "don't know"."""

    low: int = 1
    high: int = 5
    labels: tuple[Text, ...] = DEFAULT_LABELS
    unknown: Text = DEFAULT_UNKNOWN

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Scale:
        data = _mapping(data, path)
        _keys(data, path, {"labels"}, {"min", "max", "unknown"})
        low, high = data.get("min", 1), data.get("max", 5)
        for key, value in (("min", low), ("max", high)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ChecklistError(_join(path, key), f"bad scale value {value!r}: expected a whole number")
        if not 0 <= low < high <= 10:
            raise ChecklistError(path, f"bad scale {low}–{high}: need 0 <= min < max <= 10")
        labels = _list(data["labels"], _join(path, "labels"))
        if len(labels) != high - low + 1:
            raise ChecklistError(
                _join(path, "labels"), f"expected {high - low + 1} labels for the scale {low}–{high}, got {len(labels)}"
            )
        texts = tuple(Text.from_dict(label, _join(_join(path, "labels"), i)) for i, label in enumerate(labels))
        unknown = Text.from_dict(data["unknown"], _join(path, "unknown")) if "unknown" in data else DEFAULT_UNKNOWN
        return cls(low, high, texts, unknown)

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def to_percent(self, value: float) -> float:
        """Map a scale value onto 0–100."""
        return (value - self.low) / (self.high - self.low) * 100

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": self.low,
            "max": self.high,
            "labels": [label.to_dict() for label in self.labels],
            "unknown": self.unknown.to_dict(),
        }


def _guidance(data: Mapping[str, Any], path: str) -> dict[str, Any]:
    # the optional weight, chapter link and advice that questions and sections share
    return {
        "weight": _weight(data.get("weight", 1), _join(path, "weight")),
        "chapter": _link(data["chapter"], _join(path, "chapter")) if "chapter" in data else None,
        "advice": Text.from_dict(data["advice"], _join(path, "advice")) if "advice" in data else None,
    }


def _guidance_dict(item: Question | Section) -> dict[str, Any]:
    # the same fields as plain data, leaving out what is not set
    out: dict[str, Any] = {"weight": item.weight}
    if item.chapter:
        out["chapter"] = item.chapter
    if item.advice:
        out["advice"] = item.advice.to_dict()
    return out


@dataclass(frozen=True)
class Anchors:
    """What the ends of the scale look like for one statement, so that two respondents mean the same by a 4."""

    high: Text
    low: Text

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Anchors:
        data = _mapping(data, path)
        _keys(data, path, {"high", "low"}, set())
        return cls(Text.from_dict(data["high"], _join(path, "high")), Text.from_dict(data["low"], _join(path, "low")))

    def to_dict(self) -> dict[str, Any]:
        return {"high": self.high.to_dict(), "low": self.low.to_dict()}


@dataclass(frozen=True)
class Question:
    """One statement, answered on the checklist's scale."""

    id: str
    text: Text
    weight: float = 1.0
    chapter: str | None = None
    advice: Text | None = None
    anchors: Anchors | None = None
    ask: Text | None = None
    """Whom the respondent asks, and how, before answering a statement about what others see or do."""

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Question:
        data = _mapping(data, path)
        _keys(data, path, {"id", "text"}, {"weight", "chapter", "advice", "anchors", "ask"})
        anchors = Anchors.from_dict(data["anchors"], _join(path, "anchors")) if "anchors" in data else None
        return cls(
            id=_identifier(data["id"], _join(path, "id")),
            text=Text.from_dict(data["text"], _join(path, "text")),
            anchors=anchors,
            ask=Text.from_dict(data["ask"], _join(path, "ask")) if "ask" in data else None,
            **_guidance(data, path),
        )

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"anchors": self.anchors.to_dict()} if self.anchors else {}
        if self.ask:
            extra["ask"] = self.ask.to_dict()
        return {"id": self.id, "text": self.text.to_dict(), **_guidance_dict(self), **extra}


@dataclass(frozen=True)
class Section:
    """A group of questions with its own score (a building block, a phase, a theme)."""

    id: str
    title: Text
    questions: tuple[Question, ...]
    weight: float = 1.0
    chapter: str | None = None
    advice: Text | None = None
    workshop: str | None = None
    """The workshop card to run when this section is a focus area (a page of the site, like `chapter`)."""

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Section:
        data = _mapping(data, path)
        _keys(data, path, {"id", "title", "questions"}, {"weight", "chapter", "advice", "workshop"})
        items = _list(data["questions"], _join(path, "questions"))
        return cls(
            id=_identifier(data["id"], _join(path, "id")),
            title=Text.from_dict(data["title"], _join(path, "title")),
            questions=tuple(Question.from_dict(q, _join(_join(path, "questions"), i)) for i, q in enumerate(items)),
            workshop=_link(data["workshop"], _join(path, "workshop")) if "workshop" in data else None,
            **_guidance(data, path),
        )

    def to_dict(self) -> dict[str, Any]:
        questions = [q.to_dict() for q in self.questions]
        workshop = {"workshop": self.workshop} if self.workshop else {}
        title = self.title.to_dict()
        return {"id": self.id, "title": title, "questions": questions, **_guidance_dict(self), **workshop}


@dataclass(frozen=True)
class Level:
    """A named band of the overall score, from `min` up to the next level's `min`."""

    min: float
    name: Text
    description: Text

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Level:
        data = _mapping(data, path)
        _keys(data, path, {"name", "description"}, {"min"})
        return cls(
            min=_percentage(data.get("min", 0), _join(path, "min")),
            name=Text.from_dict(data["name"], _join(path, "name")),
            description=Text.from_dict(data["description"], _join(path, "description")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "name": self.name.to_dict(), "description": self.description.to_dict()}


@dataclass(frozen=True)
class Pair:
    """A say–do pair: what the organisation says and what it does; a gap is a finding."""

    say: str
    do: str
    finding: Text

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Pair:
        data = _mapping(data, path)
        _keys(data, path, {"say", "do", "finding"}, set())
        return cls(
            say=_identifier(data["say"], _join(path, "say")),
            do=_identifier(data["do"], _join(path, "do")),
            finding=Text.from_dict(data["finding"], _join(path, "finding")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"say": self.say, "do": self.do, "finding": self.finding.to_dict()}


YES, NO = "yes", "no"
"""The answers to a gate."""


@dataclass(frozen=True)
class Gate:
    """A yes/no question that decides whether some statements apply (e.g. "We have a CX lead").

    Answered "no", its statements are not applicable: they count in no score and no coverage, and the result
    shows the gate's finding instead. Unanswered or "yes", they apply as usual.
    """

    id: str
    text: Text
    questions: tuple[str, ...]
    finding: Text

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Gate:
        data = _mapping(data, path)
        _keys(data, path, {"id", "text", "questions", "finding"}, set())
        items = _list(data["questions"], _join(path, "questions"))
        return cls(
            id=_identifier(data["id"], _join(path, "id")),
            text=Text.from_dict(data["text"], _join(path, "text")),
            questions=tuple(_identifier(q, _join(_join(path, "questions"), i)) for i, q in enumerate(items)),
            finding=Text.from_dict(data["finding"], _join(path, "finding")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text.to_dict(),
            "questions": list(self.questions),
            "finding": self.finding.to_dict(),
        }


@dataclass(frozen=True)
class PastVersion:
    """An earlier version of a checklist: its statement ids in order, so that its share links can still be read."""

    version: int
    questions: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: Any, path: str) -> PastVersion:
        data = _mapping(data, path)
        _keys(data, path, {"version", "questions"}, set())
        items = _list(data["questions"], _join(path, "questions"))
        questions = tuple(_identifier(q, _join(_join(path, "questions"), i)) for i, q in enumerate(items))
        if len(set(questions)) != len(questions):
            raise ChecklistError(_join(path, "questions"), "a statement id is listed twice")
        return cls(_positive_int(data["version"], _join(path, "version")), questions)

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "questions": list(self.questions)}


LEVEL_RULES = ("threshold", "cumulative")
OVERALL_RULES = ("mean", "weighted")


@dataclass(frozen=True)
class Checklist:
    """A whole checklist definition: the data that configures the one scoring engine."""

    id: str
    version: int
    title: Text
    intro: Text
    sections: tuple[Section, ...]
    respondent: Text | None = None
    summary: Text | None = None
    """One line of purpose: what the checklist tells its respondent (the overview's card, the page's opening)."""
    levels: tuple[Level, ...] = ()
    scale: Scale = field(default_factory=Scale)
    level_rule: str = "threshold"
    pass_mark: float = 60.0
    overall: str = "mean"
    provisional_below: float = 70.0
    focus_areas: int = 3
    low_answer: int = 2
    pairs: tuple[Pair, ...] = ()
    pair_gap: int = 2
    gates: tuple[Gate, ...] = ()
    history: tuple[PastVersion, ...] = ()

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> Checklist:
        """Validate `data` (parsed YAML or JSON) and build the checklist; errors name `file`."""
        try:
            return cls._build(data)
        except ChecklistError as error:
            if file:
                raise error.in_file(file) from None
            raise

    @classmethod
    def _build(cls, data: Any) -> Checklist:
        data = _mapping(data, "")
        _keys(
            data,
            "",
            {"id", "version", "title", "intro", "sections"},
            {
                "respondent",
                "summary",
                "scale",
                "levels",
                "level_rule",
                "pass_mark",
                "overall",
                "provisional_below",
                "focus_areas",
                "low_answer",
                "pairs",
                "pair_gap",
                "gates",
                "history",
            },
        )
        sections = tuple(
            Section.from_dict(s, _join("sections", i)) for i, s in enumerate(_list(data["sections"], "sections"))
        )
        checklist = cls(
            id=_identifier(data["id"], "id"),
            version=_positive_int(data["version"], "version"),
            title=Text.from_dict(data["title"], "title"),
            intro=Text.from_dict(data["intro"], "intro"),
            sections=sections,
            respondent=Text.from_dict(data["respondent"], "respondent") if "respondent" in data else None,
            summary=Text.from_dict(data["summary"], "summary") if "summary" in data else None,
            levels=tuple(
                Level.from_dict(x, _join("levels", i))
                for i, x in enumerate(_list(data.get("levels", []), "levels", empty_ok=True))
            ),
            scale=Scale.from_dict(data["scale"], "scale") if "scale" in data else Scale(),
            level_rule=_choice(data.get("level_rule", "threshold"), "level_rule", LEVEL_RULES),
            pass_mark=_percentage(data.get("pass_mark", 60), "pass_mark"),
            overall=_choice(data.get("overall", "mean"), "overall", OVERALL_RULES),
            provisional_below=_percentage(data.get("provisional_below", 70), "provisional_below"),
            focus_areas=_positive_int(data.get("focus_areas", 3), "focus_areas"),
            low_answer=_whole(data.get("low_answer", 2), "low_answer"),
            pairs=tuple(
                Pair.from_dict(p, _join("pairs", i))
                for i, p in enumerate(_list(data.get("pairs", []), "pairs", empty_ok=True))
            ),
            pair_gap=_positive_int(data.get("pair_gap", 2), "pair_gap"),
            gates=tuple(
                Gate.from_dict(g, _join("gates", i))
                for i, g in enumerate(_list(data.get("gates", []), "gates", empty_ok=True))
            ),
            history=tuple(
                PastVersion.from_dict(h, _join("history", i))
                for i, h in enumerate(_list(data.get("history", []), "history", empty_ok=True))
            ),
        )
        checklist._check_ids()
        checklist._check_levels()
        checklist._check_pairs()
        checklist._check_gates()
        checklist._check_history()
        return checklist

    def _check_ids(self) -> None:
        seen: dict[str, str] = {}
        for i, section in enumerate(self.sections):
            _unique(seen, section.id, f"sections[{i}].id")
            for j, question in enumerate(section.questions):
                _unique(seen, question.id, f"sections[{i}].questions[{j}].id")
        if not self.scale.low <= self.low_answer <= self.scale.high:
            raise ChecklistError(
                "low_answer", f"{self.low_answer} is not on the scale {self.scale.low}–{self.scale.high}"
            )

    def _check_levels(self) -> None:
        if not self.levels:
            return
        if self.level_rule == "cumulative":
            if len(self.levels) != len(self.sections) + 1:
                raise ChecklistError(
                    "levels", f"the cumulative rule needs one level per section plus one, got {len(self.levels)}"
                )
            return
        if self.levels[0].min != 0:
            raise ChecklistError("levels[0].min", "the first level must start at 0")
        for i in range(1, len(self.levels)):
            if self.levels[i].min <= self.levels[i - 1].min:
                raise ChecklistError(f"levels[{i}].min", "levels must be in ascending order of min")

    def _check_pairs(self) -> None:
        ids = set(self.question_ids)
        for i, pair in enumerate(self.pairs):
            for key in ("say", "do"):
                if getattr(pair, key) not in ids:
                    raise ChecklistError(f"pairs[{i}].{key}", f"unknown question {getattr(pair, key)!r}")
            if pair.say == pair.do:
                raise ChecklistError(f"pairs[{i}]", "say and do must be different questions")

    def _check_gates(self) -> None:
        ids = set(self.question_ids)
        seen = {s.id for s in self.sections} | ids
        gated: set[str] = set()
        for i, gate in enumerate(self.gates):
            if gate.id in seen:
                raise ChecklistError(f"gates[{i}].id", f"duplicate id {gate.id!r}")
            seen.add(gate.id)
            for j, question in enumerate(gate.questions):
                if question not in ids:
                    raise ChecklistError(f"gates[{i}].questions[{j}]", f"unknown question {question!r}")
                if question in gated:
                    raise ChecklistError(f"gates[{i}].questions[{j}]", f"{question!r} is already behind a gate")
                gated.add(question)

    def _check_history(self) -> None:
        seen: set[int] = set()
        for i, past in enumerate(self.history):
            if past.version >= self.version or past.version in seen:
                raise ChecklistError(f"history[{i}].version", f"expected an earlier version than {self.version}, once")
            seen.add(past.version)

    def questions_of(self, version: int) -> tuple[str, ...] | None:
        """The answer ids (gates, then statements), in order, of `version` (this one or one in the history)."""
        if version == self.version:
            return self.answer_ids
        return next((past.questions for past in self.history if past.version == version), None)

    @cached_property
    def weight_units(self) -> Mapping[str, int]:
        """Each statement's weight as a whole number over one common denominator, for exact scoring."""
        return MappingProxyType(_units({q.id: q.weight for s in self.sections for q in s.questions}))

    @cached_property
    def section_units(self) -> Mapping[str, int]:
        """Each section's weight as a whole number over one common denominator (the weighted overall rule)."""
        return MappingProxyType(_units({s.id: s.weight for s in self.sections}))

    @cached_property
    def answer_ids(self) -> tuple[str, ...]:
        """Every id an answer set may hold: the gates first, then the statements in order."""
        return tuple(g.id for g in self.gates) + self.question_ids

    @cached_property
    def gate_of(self) -> Mapping[str, Gate]:
        """The gate each gated statement sits behind, by statement id."""
        return MappingProxyType({q: g for g in self.gates for q in g.questions})

    @cached_property
    def gate_ids(self) -> frozenset[str]:
        return frozenset(g.id for g in self.gates)

    def accepts(self, answer_id: str, value: Any) -> bool:
        """Whether `value` is a valid answer to `answer_id`: yes/no for a gate, a scale value or UNKNOWN else."""
        if answer_id in self.gate_ids:
            return value in (YES, NO)
        if answer_id not in self.questions:
            return False
        return value == UNKNOWN or (
            isinstance(value, int) and not isinstance(value, bool) and value in self.scale.values
        )

    # computed once per checklist (the model is frozen): scoring asks for these for every answer set

    @cached_property
    def say_ids(self) -> frozenset[str]:
        """The "say" statements of the say–do pairs: they feed the findings, never the score."""
        return frozenset(pair.say for pair in self.pairs)

    @cached_property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for s in self.sections for q in s.questions)

    @cached_property
    def questions(self) -> Mapping[str, Question]:
        return MappingProxyType({q.id: q for s in self.sections for q in s.questions})

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def chapter_links(self) -> tuple[str, ...]:
        """Every chapter link the definition names, in order, without repeats."""
        links = [s.chapter for s in self.sections] + [q.chapter for s in self.sections for q in s.questions]
        links += [s.workshop for s in self.sections]
        return tuple(dict.fromkeys(link for link in links if link))

    def to_dict(self) -> dict[str, Any]:
        """The definition as plain data; `from_dict(to_dict())` gives an equal checklist."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.to_dict(),
            "intro": self.intro.to_dict(),
            **({"respondent": self.respondent.to_dict()} if self.respondent else {}),
            **({"summary": self.summary.to_dict()} if self.summary else {}),
            "scale": self.scale.to_dict(),
            "levels": [level.to_dict() for level in self.levels],
            "level_rule": self.level_rule,
            "pass_mark": self.pass_mark,
            "overall": self.overall,
            "provisional_below": self.provisional_below,
            "focus_areas": self.focus_areas,
            "low_answer": self.low_answer,
            "pairs": [pair.to_dict() for pair in self.pairs],
            "pair_gap": self.pair_gap,
            "gates": [gate.to_dict() for gate in self.gates],
            "history": [past.to_dict() for past in self.history],
            "sections": [s.to_dict() for s in self.sections],
        }


def _units(weights: Mapping[str, float]) -> dict[str, int]:
    # weights as whole numbers in the same proportions, exactly (a float's own ratio, one common denominator)
    ratios = {key: value.as_integer_ratio() for key, value in weights.items()}
    common = math.lcm(*(den for _, den in ratios.values())) if ratios else 1
    return {key: num * (common // den) for key, (num, den) in ratios.items()}


def _unique(seen: dict[str, str], ident: str, path: str) -> None:
    if ident in seen:
        raise ChecklistError(path, f"duplicate id {ident!r} (first used at {seen[ident]})")
    seen[ident] = path


def _choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ChecklistError(path, f"expected one of {', '.join(choices)}, got {value!r}")
    return value


def _whole(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ChecklistError(path, f"expected a whole number, got {value!r}")
    return value
