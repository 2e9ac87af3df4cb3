"""The export formats, one record each: file ending, name for people, media type, which question
formats it carries, how it takes a question and how it writes the file. The CLI, `build` and the web
app read them from here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.export import gift, kahoot, moodle_xml, qti
from quizgen.export.anki import export_anki
from quizgen.export.common import Exporter, ExportReport, Fit, all_questions, as_is
from quizgen.export.csv import export_csv
from quizgen.export.json import export_json
from quizgen.models import QuestionSet


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as the CLI and URLs spell it
    suffix: str  # the file ending `build` and downloads give it
    label: str  # what a teacher would look for
    note: str  # what it is for
    media_type: str
    carries: str  # the question formats it takes, in words
    write: Exporter
    # how it takes each question (converted, or why not); None: every question as it is, malformed too
    fit: Fit | None = as_is

    def tally(self, sets: Sequence[QuestionSet]) -> ExportReport:
        """What the file would hold and what it would leave out, without writing it."""
        report = ExportReport(self.name, Path(f"questions{self.suffix}"))
        if self.fit is None:
            report.count = sum(len(qs.questions) for qs in sets)
        else:
            report.count = sum(1 for _ in all_questions(sets, report, self.fit))
        return report


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("anki", ".apkg", "Anki deck", "for spaced repetition in Anki", "application/apkg",
                 "every question", export_anki),
    ExportFormat("csv", ".csv", "CSV", "Quizlet and spreadsheets", "text/csv", "every question", export_csv),
    ExportFormat("kahoot", "-kahoot.xlsx", "Kahoot", "spreadsheet to import into Kahoot",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "multiple choice and true/false within Kahoot's lengths; typed answers as multiple choice "
                 "when the set has wrong answers to offer", kahoot.export_kahoot, kahoot.fit),
    # Moodle's file picker takes .txt for GIFT
    ExportFormat("gift", ".gift.txt", "Moodle GIFT", "text format for Moodle question banks", "text/plain",
                 "every question; a timeline as matching", gift.export_gift, gift.fit),
    ExportFormat("moodle-xml", "-moodle.xml", "Moodle XML", "Moodle question bank import", "application/xml",
                 "every question; a timeline as matching", moodle_xml.export_moodle_xml, moodle_xml.fit),
    ExportFormat("qti", "-qti.zip", "QTI", "Canvas and other learning platforms", "application/zip",
                 "every question; a timeline as matching", qti.export_qti, qti.fit),
    ExportFormat("json", ".json", "JSON", "every field, for programs", "application/json", "every question",
                 export_json, None),
)
BY_NAME = {f.name: f for f in FORMATS}
