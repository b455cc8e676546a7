"""Markdown for the "how scoring works" page, generated from the definitions and the engine itself.

The worked example is computed by `checklists.score` at build time, so text and arithmetic cannot drift.
"""

from __future__ import annotations

from checklists.model import UNKNOWN, Checklist
from checklists.scoring import display, score

from .strings import t

# the worked example: a realistic spread of answers over the first two sections, with one "don't know"
EXAMPLE = (4, 2, UNKNOWN, 5, 3, 3, 4, None)


def _num(value: float, lang: str) -> str:
    # one decimal, with a decimal comma in Dutch
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def scale_table(checklist: Checklist, lang: str) -> str:
    """The answer scale with the points each answer is worth."""
    scale = checklist.scale
    rows = [f"| {t('value', lang)} | {t('meaning', lang)} | {t('points', lang)} |", "|---|---|---|"]
    for value, label in zip(scale.values, scale.labels, strict=True):
        rows.append(f"| {value} | {label.get(lang)} | {_num(scale.to_percent(value), lang)} |")
    rows.append(f"| ? | {scale.unknown.get(lang)} | {t('unknown_row', lang)} |")
    return "\n".join(rows)


RULES = {
    "rules_all": (
        "rule_section",
        "rule_say",
        "rule_overall",
        "rule_unknown",
        "rule_provisional",
        "rule_rounding",
        "rule_nothing",
        "rule_pairs",
        "rule_trend",
        "rule_compare",
    ),
    "rules_threshold": ("rule_focus", "rule_keep"),
    "rules_phase": ("rule_phase", "rule_phase_focus"),
    "rules_gate": ("rule_gate",),
    "rules_team": ("rule_team_min", "rule_team_spread", "rule_team_discussion", "rule_team_gap", "rule_team_focus"),
}
"""Every rule the engine applies, once, grouped by the kind of checklist (and the team view) it applies to."""


def rules(checklist: Checklist, lang: str) -> str:
    """Every rule the engine applies, grouped by checklist kind, with the suite's own numbers (one set for all)."""
    from checklists.team import DISAGREEMENTS, DISCUSSION_SIZE, GROUP_MIN, MIN_RESPONDENTS

    values = {
        "pass": display(checklist.pass_mark),
        "low": checklist.low_answer,
        "gap": checklist.pair_gap,
        "n": display(checklist.provisional_below),
        "areas": checklist.focus_areas,
        "min": MIN_RESPONDENTS,
        "group": GROUP_MIN,
        "size": DISCUSSION_SIZE,
        "disagree": DISAGREEMENTS,
    }
    parts = []
    for heading, keys in RULES.items():
        items = "\n".join(f"- {t(key, lang, **values)}" for key in keys)
        parts.append(f"**{t(heading, lang)}**\n\n{items}")
    return "\n\n".join(parts)


def worked_example(checklist: Checklist, lang: str) -> str:
    """A step-by-step calculation for the first two sections, computed by the engine."""
    sections = checklist.sections[:2]
    questions = [q for s in sections for q in s.questions]
    answers = {q.id: value for q, value in zip(questions, EXAMPLE * 3, strict=False) if value is not None}
    result = score(checklist, answers)
    rows = [
        f"| {t('section', lang)} | {t('question', lang)} | {t('value', lang)} | {t('points', lang)} | "
        f"{t('weight', lang)} |",
        "|---|---|---|---|---|",
    ]
    for s_number, section in enumerate(sections, 1):
        for q_number, question in enumerate(section.questions, 1):
            value = answers.get(question.id)
            if value is None:
                shown, points = t("not_answered", lang), "—"
            elif question.id in checklist.say_ids:
                shown, points = str(value), t("say_row", lang)
            elif value == UNKNOWN:
                shown, points = checklist.scale.unknown.get(lang), t("unknown_row", lang)
            else:
                shown, points = str(value), _num(checklist.scale.to_percent(value), lang)
            rows.append(
                f"| {section.title.get(lang)} | {s_number}.{q_number} | {shown} | {points} | "
                f"{_num(question.weight, lang)} |"
            )
    lines = ["\n".join(rows), ""]
    for section in sections:
        parts = [
            (q.weight, checklist.scale.to_percent(answers[q.id]))
            for q in section.questions
            if isinstance(answers.get(q.id), int) and q.id not in checklist.say_ids
        ]
        sum_text = " + ".join(f"{_num(w, lang)} × {_num(p, lang)}" for w, p in parts)
        weights = " + ".join(_num(w, lang) for w, _ in parts)
        value = result.section(section.id).score
        shown = t("shown_as", lang, n=display(value))
        lines.append(f"- **{section.title.get(lang)}**: ({sum_text}) / ({weights}) = {_num(value, lang)}, {shown}")
    overall = result.overall
    scored = [result.section(s.id).score for s in checklist.sections if result.section(s.id).score is not None]
    lines.append(
        f"- **{t('method_overall', lang)}** ({'; '.join(_num(v, lang) for v in scored)}) / {len(scored)} = "
        f"{_num(overall, lang)}, {t('shown_as', lang, n=display(overall))}"
    )
    answered = sum(s.answered for s in result.sections)
    total = sum(s.total for s in result.sections)
    status = (
        t("method_provisional", lang, n=display(checklist.provisional_below))
        if result.provisional
        else t("method_final", lang)
    )
    coverage = _num(result.coverage, lang)
    lines.append(
        f"- **{t('method_coverage', lang)}**: {answered} / {total} = {coverage}%, "
        f"{t('shown_as', lang, n=f'{display(result.coverage)}%')} → {status}"
    )
    if result.level is not None:
        lines.append(f"- **{t('level', lang)}**: {checklist.levels[result.level].name.get(lang)}")
    return "\n".join(lines)


def levels_table(checklist: Checklist, lang: str) -> str:
    """The levels of a checklist: thresholds (or the phase rule) with their descriptions."""
    if checklist.level_rule == "cumulative":
        rows = [
            t("phase_rule", lang, n=display(checklist.pass_mark)),
            "",
            f"| {t('phase', lang)} | {t('level', lang)} | {t('meaning', lang)} |",
            "|---|---|---|",
        ]
        for i, level in enumerate(checklist.levels):
            reached = checklist.sections[i - 1].title.get(lang) if i else t("phase_none", lang)
            rows.append(f"| {reached} | {level.name.get(lang)} | {level.description.get(lang)} |")
        return "\n".join(rows)
    rows = [f"| {t('from', lang)} | {t('level', lang)} | {t('meaning', lang)} |", "|---|---|---|"]
    for level in checklist.levels:
        rows.append(f"| {display(level.min)} | {level.name.get(lang)} | {level.description.get(lang)} |")
    return "\n".join(rows)
