"""Write question sets to the formats teachers and learners use: Anki, Quizlet CSV, Kahoot,
Moodle GIFT and XML, QTI for Canvas, and JSON.

Every exporter is `(sets, out, *, parent) -> ExportReport` and has one record in `formats.FORMATS`, so
adding a format is one function and one record. What a format cannot carry is left out and reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.export.common import Exporter, ExportReport
from quizgen.export.formats import BY_NAME, FORMATS, ExportFormat
from quizgen.models import QuestionSet
from quizgen.vocabulary import slugify

__all__ = ["BY_NAME", "EXPORTERS", "FORMATS", "ExportFormat", "ExportReport", "Exporter", "build", "export"]

EXPORTERS: dict[str, Exporter] = {f.name: f.write for f in FORMATS}


def export(sets: Sequence[QuestionSet], to: str, out: Path, *, parent: str | None = None) -> ExportReport:
    """Write `sets` to `out` in format `to`."""
    try:
        fmt = BY_NAME[to]
    except KeyError:
        raise QuizgenError(f"unknown export format {to!r}; choose one of {', '.join(BY_NAME)}") from None
    return fmt.write(sets, Path(out), parent=parent)


def build(sets: Sequence[QuestionSet], dist: Path, *, parent: str | None = None) -> list[ExportReport]:
    """Every format into `dist`, named after the deck (`parent`) or the first article."""
    dist = Path(dist)
    try:
        dist.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"cannot create {dist}: {exc.strerror or exc}") from None
    stem = slugify(parent or (sets[0].title if sets else "questions"))
    return [fmt.write(sets, dist / f"{stem}{fmt.suffix}", parent=parent) for fmt in FORMATS]
