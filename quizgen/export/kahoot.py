"""Kahoot's quiz spreadsheet template (.xlsx): question, up to four answers, time limit, correct answer.

Only multiple choice and true/false fit Kahoot's quiz questions. Kahoot caps questions at 120
characters and answers at 75; a question that is too long is shortened only by dropping words that
carry no meaning (a leading "According to the article, "), otherwise it is left out and reported.
"""

from __future__ import annotations

import io
import re
import zipfile
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
    file_suffix,
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


def row(question: Question) -> list[str | int] | str:
    """A spreadsheet row (without its number) for the question, or why it cannot be one."""
    if question.format == "true_false":
        answers = ["True", "False"]
        statement = one_line(question.prompt)
        labelled = f"True or false: {statement}"
        prompt = labelled if len(labelled) <= MAX_QUESTION else fit_question(statement)
    elif question.format == "multiple_choice":
        answers = [one_line(c) for c in question.choices]
        prompt = fit_question(question.prompt)
        if not 2 <= len(answers) <= 4:
            return f"Kahoot takes 2 to 4 answers, not {len(answers)}"
    else:
        return "Kahoot quizzes take only multiple choice and true/false"
    if prompt is None:
        return f"question over {MAX_QUESTION} characters"
    if any(len(a) > MAX_ANSWER for a in answers):
        return f"an answer over {MAX_ANSWER} characters"
    correct = one_line(str(question.answer))
    if correct not in answers:
        return "the answer is not among the choices"
    answers += [""] * (4 - len(answers))
    return [prompt, *answers, TIME_LIMITS.get(question.difficulty, 30), answers.index(correct) + 1]


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


@file_suffix("-kahoot.xlsx")
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
    for _, q in all_questions(sets, report):
        result = row(q)
        if isinstance(result, str):
            report.leave_out(q, result)
            continue
        report.count += 1
        for col, value in enumerate([report.count, *result], start=1):
            put(ws, HEADER_ROW + report.count, col, value)
    write_bytes(out, workbook_bytes(wb))
    return report
