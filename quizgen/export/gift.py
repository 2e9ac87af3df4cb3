"""Moodle GIFT: multiple choice, true/false, short answer, matching, and missing word for cloze.
GIFT has no ordering question, so a timeline becomes a matching of each event with its place in time.

Question text, choices and feedback are HTML in Moodle, so they are HTML-escaped (a "<script>" in an
article shows as text); short-answer answers and matching answers are plain text Moodle compares
with what the student typed or picked, so they are not. Then GIFT's own control characters
(~ = # { } : and backslash) are escaped, and line breaks become \\n.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from quizgen.export.common import (
    ExportReport,
    all_questions,
    category_path,
    section_of,
    split_cloze,
    timeline_as_matching,
    write_text,
)
from quizgen.models import Question, QuestionSet
from quizgen.titles import html_title

GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})


def escape(text: str) -> str:
    """Plain text made safe inside GIFT."""
    return text.translate(GIFT_SPECIAL)


def escape_html(text: str) -> str:
    """Plain text shown as HTML in Moodle: HTML-escaped, then GIFT-escaped."""
    return escape(html.escape(text, quote=False))


def category_line(levels: list[str]) -> str:
    # Moodle splits categories at "/", and reads "//" as a slash inside a name.
    return "$CATEGORY: $course$/top/" + "/".join(escape(html_title(level)).replace("/", "//") for level in levels)


def fit(question: Question, others: Sequence[Question]) -> Question | str:
    """The question as GIFT carries it, or why it cannot."""
    if question.format == "timeline":
        question = timeline_as_matching(question)
    if question.format == "matching" and any("->" in left for left, _ in question.pairs()):
        return "a left item contains '->', which GIFT cannot escape"
    if question.format not in ("multiple_choice", "true_false", "matching", "cloze", "short_answer"):
        return f"GIFT has no {question.format} question"
    return question


def body(question: Question) -> str:
    """The question in GIFT, after its title."""
    prompt = "[html]" + escape_html(question.prompt)
    feedback = f"####{escape_html(question.explanation)}" if question.explanation else ""
    fmt = question.format
    if fmt == "multiple_choice":
        options = " ".join(("=" if c == question.answer else "~") + escape_html(c) for c in question.choices)
        return f"{prompt}{{{options}{feedback}}}"
    if fmt == "true_false":
        return f"{prompt}{{{'TRUE' if question.answer == 'True' else 'FALSE'}{feedback}}}"
    if fmt == "matching":
        matches = " ".join(f"={escape_html(left)} -> {escape(right)}" for left, right in question.pairs())
        return f"{prompt}{{{matches}{feedback}}}"
    gap = split_cloze(question.prompt) if fmt == "cloze" else None
    if gap and gap[1].strip():
        # Missing word: the answer block stands where the blank was.
        before, after = (escape_html(part) for part in gap)
        return f"[html]{before}{{={escape(str(question.answer))}{feedback}}}{after}"
    # Short answer; also a cloze whose blank ends the prompt, which Moodle's missing-word reader would drop.
    return f"{prompt}{{={escape(str(question.answer))}{feedback}}}"


def export_gift(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("gift", out)
    blocks: list[str] = []
    category: list[str] | None = None
    for qs, q in all_questions(sets, report, fit):
        levels = category_path(parent, qs.title, section_of(q))
        if levels != category:
            blocks.append(category_line(levels))
            category = levels
        blocks.append(f"::{escape(q.id)}::{body(q)}")
        report.count += 1
    titles = ", ".join(html_title(s.title) for s in sets)
    write_text(out, f"// {titles} (quizgen)\n\n" + "\n\n".join(blocks) + "\n")
    return report
