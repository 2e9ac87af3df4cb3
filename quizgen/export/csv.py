"""Term/definition rows that Quizlet imports (CSV, or tab-separated when OUT ends in .tsv).

No header row: Quizlet would import it as a card. Each row is one line, since Quizlet
splits cards at line breaks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from quizgen.export.common import ExportReport, all_questions, answer_text, one_line, pairs, write_text
from quizgen.models import Question, QuestionSet


def rows(question: Question) -> list[tuple[str, str]]:
    """The flashcards of one question: prompt -> answer, and one card per pair for matching."""
    if question.format == "matching":
        return pairs(question)
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
            cells = [one_line(term), one_line(definition)]  # one_line also removes tabs
            if tsv:
                buf.write("\t".join(cells) + "\n")  # Quizlet's paste box does not understand quoting
            else:
                writer.writerow(cells)
        report.count += 1
    write_text(out, buf.getvalue())
    return report
