"""Term/definition rows that Quizlet imports (CSV, or tab-separated when OUT ends in .tsv).

No header row: Quizlet would import it as a card. Each row is one line, since Quizlet
splits cards at line breaks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from quizgen.export.common import (
    ExportReport,
    all_questions,
    answer_text,
    one_line,
    spreadsheet_cell,
    write_text,
)
from quizgen.models import Question, QuestionSet


def rows(question: Question) -> list[tuple[str, str]]:
    """The flashcards of one question: prompt -> answer, and one card per pair for matching."""
    if question.format == "matching":
        return question.pairs()
    definition = answer_text(question)
    if question.format == "true_false" and definition == "False" and question.explanation:
        definition = f"False. {question.explanation}"  # a bare "False" teaches nothing
    return [(question.prompt, definition)]


def export_csv(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("csv", out)
    buf = io.StringIO()
    tsv = Path(out).suffix.lower() == ".tsv"
    writer = csv.writer(buf, lineterminator="\n")
    for _, q in all_questions(sets, report):
        for term, definition in rows(q):
            # one_line also removes tabs; a cell that starts like a formula is kept as text
            cells = [spreadsheet_cell(one_line(term)), spreadsheet_cell(one_line(definition))]
            if tsv:
                buf.write("\t".join(cells) + "\n")  # Quizlet's paste box does not understand quoting
            else:
                writer.writerow(cells)
        report.count += 1
    write_text(out, buf.getvalue())
    return report
