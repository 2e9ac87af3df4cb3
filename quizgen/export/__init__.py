"""Write question sets to the formats teachers and learners use: Anki, Quizlet CSV, Kahoot,
Moodle GIFT and XML, QTI for Canvas, and JSON.

Every exporter is `(sets, out, *, parent) -> ExportReport` and is registered in `EXPORTERS`, so adding
a format is one function and one line. What a format cannot carry is left out and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.export.anki import export_anki
from quizgen.export.common import Exporter, ExportReport, file_suffix
from quizgen.export.csv import export_csv
from quizgen.export.gift import export_gift
from quizgen.export.json import export_json
from quizgen.export.kahoot import export_kahoot
from quizgen.export.moodle_xml import export_moodle_xml
from quizgen.export.qti import export_qti
from quizgen.models import QuestionSet
from quizgen.vocabulary import slugify

__all__ = ["EXPORTERS", "ExportReport", "Exporter", "build", "export", "file_suffix"]

EXPORTERS: dict[str, Exporter] = {
    "anki": export_anki,
    "csv": export_csv,
    "kahoot": export_kahoot,
    "gift": export_gift,
    "moodle-xml": export_moodle_xml,
    "qti": export_qti,
    "json": export_json,
}


def export(sets: Sequence[QuestionSet], to: str, out: Path, *, parent: str | None = None) -> ExportReport:
    """Write `sets` to `out` in format `to`."""
    try:
        exporter = EXPORTERS[to]
    except KeyError:
        raise QuizgenError(f"unknown export format {to!r}; choose one of {', '.join(EXPORTERS)}") from None
    return exporter(sets, Path(out), parent=parent)


def build(sets: Sequence[QuestionSet], dist: Path, *, parent: str | None = None) -> list[ExportReport]:
    """Every format into `dist`, named after the deck (`parent`) or the first article."""
    dist = Path(dist)
    try:
        dist.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"cannot create {dist}: {exc.strerror or exc}") from None
    stem = slugify(parent or (sets[0].title if sets else "questions"))
    return [
        exporter(sets, dist / f"{stem}{getattr(exporter, 'suffix', '.' + name)}", parent=parent)
        for name, exporter in EXPORTERS.items()
    ]
