"""Exports as downloads: quizgen's exporters write a file, the app sends its bytes."""

from __future__ import annotations

import mimetypes
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen import models as qm

# what each format is for, in the words a teacher would look for
LABELS = {
    "anki": ("Anki deck", "for spaced repetition in Anki"),
    "csv": ("CSV", "Quizlet and spreadsheets"),
    "kahoot": ("Kahoot", "spreadsheet to import into Kahoot"),
    "gift": ("Moodle GIFT", "text format for Moodle question banks"),
    "moodle-xml": ("Moodle XML", "Moodle question bank import"),
    "qti": ("QTI", "Canvas and other learning platforms"),
    "json": ("JSON", "every field, for programs"),
}
MEDIA_TYPES = {".apkg": "application/apkg", ".gift": "text/plain", ".xml": "application/xml",
               ".json": "application/json", ".csv": "text/csv"}


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    note: str
    suffix: str


def formats() -> list[Format]:
    from quizgen.export import EXPORTERS

    return [Format(name, *LABELS.get(name, (name, "")), getattr(exporter, "suffix", "." + name))
            for name, exporter in EXPORTERS.items()]


def find_format(name: str) -> Format | None:
    return next((f for f in formats() if f.name == name), None)


def export_bytes(sets: Sequence[qm.QuestionSet], fmt: Format, stem: str, *, parent: str | None) -> bytes:
    """The exported file's content; the file itself lives only in a temporary folder."""
    from quizgen.export import export

    with tempfile.TemporaryDirectory(prefix="quizgen-export-") as tmp:
        out = Path(tmp) / f"{stem}{fmt.suffix}"
        export(sets, fmt.name, out, parent=parent)
        return out.read_bytes()


def media_type(fmt: Format) -> str:
    return MEDIA_TYPES.get(fmt.suffix) or mimetypes.guess_type(f"x{fmt.suffix}")[0] or "application/octet-stream"
