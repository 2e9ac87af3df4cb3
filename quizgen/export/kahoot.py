"""Kahoot's quiz spreadsheet template (.xlsx): question, up to four answers, time limit, correct answer.

Kahoot's quiz questions are multiple choice and true/false. A typed answer (cloze, short answer)
becomes multiple choice when the export holds other answers of its kind to offer as wrong ones.
Kahoot caps questions at 120 characters and answers at 75; a text that is too long is shortened only
by dropping words that carry no meaning (a leading "According to the article, ", an answer's leading
"the"), otherwise the question is left out and reported.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
import zlib
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from quizgen.export.common import (
    ExportReport,
    all_questions,
    export_time,
    looks_like_formula,
    normalize_zip,
    one_line,
    write_bytes,
)
from quizgen.models import Question, QuestionSet

MAX_QUESTION = 120
MAX_ANSWER = 75
HEADER_ROW = 8  # where Kahoot's own template puts the column titles
HEADERS = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
TIME_LIMITS = {1: 20, 2: 30, 3: 60}  # seconds by difficulty
# Openings that add no meaning to a question; dropping one keeps the question intact.
FILLER = re.compile(
    r"^(?:according to (?:the|this) (?:article|text|passage)|in (?:the|this) (?:article|text|passage)"
    r"|based on (?:the|this) (?:article|text|passage)),\s*",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)  # an answer's leading article, dropped to fit
TYPED = ("cloze", "short_answer")  # typed answers, asked in Kahoot as multiple choice


def fit_question(text: str) -> str | None:
    """The question within Kahoot's limit, or None when only cutting meaning would make it fit."""
    text = one_line(text)
    if len(text) <= MAX_QUESTION:
        return text
    shorter = FILLER.sub("", text)
    if shorter != text and shorter:
        shorter = shorter[0].upper() + shorter[1:]
        if len(shorter) <= MAX_QUESTION:
            return shorter
    return None


def fit_answer(text: str) -> str | None:
    """The answer within Kahoot's limit, or None when only cutting meaning would make it fit."""
    text = one_line(text)
    if len(text) <= MAX_ANSWER:
        return text
    shorter = ARTICLE.sub("", text)
    return shorter if len(shorter) <= MAX_ANSWER else None


def as_multiple_choice(question: Question, others: Sequence[Question]) -> Question | str:
    """A typed-answer question with up to three wrong answers: its own options when it has them, else the
    answers of the export's other questions on the same topic (other people for a person, dates for a date)."""
    answer = one_line(str(question.answer))
    if answer in question.choices and len(question.choices) >= 2:
        return dataclasses.replace(question, format="multiple_choice")
    taken = {answer.casefold()}
    wrong: list[str] = []
    for other in others:
        if other.topic != question.topic or other.format not in (*TYPED, "multiple_choice"):
            continue
        for option in (str(other.answer), *other.choices):
            option = one_line(option)
            key = option.casefold()
            if option and key not in taken and key not in answer.casefold() and answer.casefold() not in key:
                taken.add(key)
                wrong.append(option)
    wrong = [w for w in wrong if fit_answer(w) is not None][:3]
    if len(wrong) < 2:
        return f"a typed answer, and too few other {question.topic} answers in the export to choose from"
    choices = list(wrong)
    choices.insert(zlib.crc32(question.id.encode()) % (len(wrong) + 1), answer)  # the same place every export
    return dataclasses.replace(question, format="multiple_choice", answer=answer, choices=tuple(choices))


def fit(question: Question, others: Sequence[Question]) -> Question | str:
    """The question as a Kahoot quiz question, within Kahoot's limits, or why it cannot be one."""
    if question.format in TYPED:
        converted = as_multiple_choice(question, others)
        if isinstance(converted, str):
            return converted
        question = converted
    if question.format == "true_false":
        statement = one_line(question.prompt)
        labelled = f"True or false: {statement}"
        prompt = labelled if len(labelled) <= MAX_QUESTION else fit_question(statement)
        answers: list[str | None] = ["True", "False"]
    elif question.format == "multiple_choice":
        if not 2 <= len(question.choices) <= 4:
            return f"Kahoot takes 2 to 4 answers, not {len(question.choices)}"
        prompt = fit_question(question.prompt)
        answers = [fit_answer(c) for c in question.choices]
    else:
        return "Kahoot quizzes take only multiple choice and true/false"
    if prompt is None:
        return f"question over {MAX_QUESTION} characters"
    if None in answers:
        return f"an answer over {MAX_ANSWER} characters"
    correct = fit_answer(str(question.answer))
    if correct is None or correct not in answers:
        return "the answer is not among the choices"
    return dataclasses.replace(question, prompt=prompt, choices=tuple(a for a in answers if a), answer=correct)


def put(ws: Worksheet, row: int, column: int, value: Any) -> None:
    """Write a cell; text is stored as text, never as a formula (openpyxl would take "=1+1" for one), and text
    that starts like a formula is marked so that a spreadsheet keeps it text when it is edited."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        cell.quotePrefix = looks_like_formula(value)


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes with fixed dates, so the same questions give the same file."""
    from datetime import datetime

    stamp = datetime.fromtimestamp(export_time(), tz=UTC).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    # ExcelWriter rather than wb.save(), which would stamp the current time as "modified"
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)).save()
    return normalize_zip(buf.getvalue())


def export_kahoot(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("kahoot", out)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = "Sheet1"
    ws["B2"] = "Quiz template"
    ws["B2"].font = Font(bold=True, size=14)
    titles = ", ".join(s.title for s in sets)
    put(ws, 3, 2, f"{parent or titles}: questions from quizgen. In Kahoot: Add question > Import spreadsheet.")
    for col, title in enumerate(HEADERS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=title or None)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGH", (5, 60, 30, 30, 30, 30, 16, 16), strict=True):
        ws.column_dimensions[letter].width = width
    for _, q in all_questions(sets, report, fit):
        report.count += 1
        answers = [*q.choices, *[""] * (4 - len(q.choices))]
        cells = [report.count, q.prompt, *answers, TIME_LIMITS.get(q.difficulty, 30), answers.index(str(q.answer)) + 1]
        for col, value in enumerate(cells, start=1):
            put(ws, HEADER_ROW + report.count, col, value)
    write_bytes(out, workbook_bytes(wb))
    return report
