"""Markdown for the "how scoring works" page, generated from the definitions and the engine itself.

The worked example is computed by `checklists.score` at build time, so text and arithmetic cannot drift.
"""

from __future__ import annotations

from checklists.model import UNKNOWN, Checklist, Text
from checklists.scoring import display, score

T = {
    "value": Text("Antwoord", "Answer"),
    "label": Text("Betekenis", "Meaning"),
    "points": Text("Punten (0–100)", "Points (0–100)"),
    "question": Text("Vraag", "Question"),
    "weight": Text("Gewicht", "Weight"),
    "section": Text("Onderdeel", "Section"),
    "sum": Text("Berekening", "Calculation"),
    "score": Text("Score", "Score"),
    "level": Text("Niveau", "Level"),
    "from": Text("Vanaf", "From"),
    "description": Text("Betekenis", "Meaning"),
    "unknown_row": Text("telt niet mee", "left out"),
    "not_answered": Text("niet beantwoord", "not answered"),
    "overall": Text("Totaalscore", "Overall score"),
    "no_score": Text("geen score (niets beantwoord)", "no score (nothing answered)"),
    "coverage": Text("Dekking", "Coverage"),
    "provisional": Text("voorlopig (onder {n}%)", "provisional (below {n}%)"),
    "final": Text("definitief", "final"),
    "phase_rule": Text(
        "Fasenregel: je bereikt een fase als de score van die fase én van alle eerdere fasen minstens {n} is.",
        "Phase rule: you reach a phase when that phase and every earlier phase score at least {n}.",
    ),
    "phase": Text("Bereikt na", "Reached after"),
    "phase_none": Text("(geen fase gehaald)", "(no phase passed)"),
}

# the worked example: a realistic spread of answers over the first two sections, with one "don't know"
EXAMPLE = (4, 2, UNKNOWN, 5, 3, 3, 4, None)


def _t(key: str, lang: str) -> str:
    return T[key].get(lang)


def _num(value: float, lang: str) -> str:
    # one decimal, with a decimal comma in Dutch
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def scale_table(checklist: Checklist, lang: str) -> str:
    """The answer scale with the points each answer is worth."""
    scale = checklist.scale
    rows = [f"| {_t('value', lang)} | {_t('label', lang)} | {_t('points', lang)} |", "|---|---|---|"]
    for value, label in zip(scale.values, scale.labels, strict=True):
        rows.append(f"| {value} | {label.get(lang)} | {_num(scale.to_percent(value), lang)} |")
    rows.append(f"| ? | {scale.unknown.get(lang)} | {_t('unknown_row', lang)} |")
    return "\n".join(rows)


def worked_example(checklist: Checklist, lang: str) -> str:
    """A step-by-step calculation for the first two sections, computed by the engine."""
    sections = checklist.sections[:2]
    questions = [q for s in sections for q in s.questions]
    answers = {q.id: value for q, value in zip(questions, EXAMPLE * 3, strict=False) if value is not None}
    result = score(checklist, answers)
    rows = [
        f"| {_t('section', lang)} | {_t('question', lang)} | {_t('value', lang)} | {_t('points', lang)} | "
        f"{_t('weight', lang)} |",
        "|---|---|---|---|---|",
    ]
    for s_number, section in enumerate(sections, 1):
        for q_number, question in enumerate(section.questions, 1):
            value = answers.get(question.id)
            if value is None:
                shown, points = _t("not_answered", lang), "—"
            elif value == UNKNOWN:
                shown, points = checklist.scale.unknown.get(lang), _t("unknown_row", lang)
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
            if isinstance(answers.get(q.id), int)
        ]
        sum_text = " + ".join(f"{_num(w, lang)} × {_num(p, lang)}" for w, p in parts)
        weights = " + ".join(_num(w, lang) for w, _ in parts)
        value = result.section(section.id).score
        lines.append(f"- **{section.title.get(lang)}**: ({sum_text}) / ({weights}) = **{_num(value, lang)}**")
    overall = result.overall
    scored = [result.section(s.id).score for s in checklist.sections if result.section(s.id).score is not None]
    lines.append(
        f"- **{_t('overall', lang)}** ({'; '.join(_num(v, lang) for v in scored)}) / {len(scored)} = "
        f"**{_num(overall, lang)}**, {'afgerond' if lang == 'nl' else 'rounded'} **{display(overall)}**"
    )
    answered = sum(s.answered for s in result.sections)
    total = len(checklist.question_ids)
    status = (
        _t("provisional", lang).format(n=display(checklist.provisional_below))
        if result.provisional
        else _t("final", lang)
    )
    lines.append(f"- **{_t('coverage', lang)}**: {answered} / {total} = {_num(result.coverage, lang)}% → {status}")
    if result.level is not None:
        lines.append(f"- **{_t('level', lang)}**: {checklist.levels[result.level].name.get(lang)}")
    return "\n".join(lines)


def levels_table(checklist: Checklist, lang: str) -> str:
    """The levels of a checklist: thresholds (or the phase rule) with their descriptions."""
    if checklist.level_rule == "cumulative":
        rows = [
            _t("phase_rule", lang).format(n=display(checklist.pass_mark)),
            "",
            f"| {_t('phase', lang)} | {_t('level', lang)} | {_t('description', lang)} |",
            "|---|---|---|",
        ]
        for i, level in enumerate(checklist.levels):
            reached = checklist.sections[i - 1].title.get(lang) if i else _t("phase_none", lang)
            rows.append(f"| {reached} | {level.name.get(lang)} | {level.description.get(lang)} |")
        return "\n".join(rows)
    rows = [f"| {_t('from', lang)} | {_t('level', lang)} | {_t('description', lang)} |", "|---|---|---|"]
    for level in checklist.levels:
        rows.append(f"| {display(level.min)} | {level.name.get(lang)} | {level.description.get(lang)} |")
    return "\n".join(rows)
