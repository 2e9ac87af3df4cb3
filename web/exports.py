"""Exports as downloads: quizgen's exporters write a file, the app sends its bytes; and before the
download, how many questions each file will hold and what it leaves out."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen import models as qm
from quizgen.export import BY_NAME, FORMATS, ExportFormat


def formats() -> list[ExportFormat]:
    return list(FORMATS)


def find_format(name: str) -> ExportFormat | None:
    return BY_NAME.get(name)


def export_bytes(sets: Sequence[qm.QuestionSet], fmt: ExportFormat, stem: str, *, parent: str | None) -> bytes:
    """The exported file's content; the file itself lives only in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="quizgen-export-") as tmp:
        out = Path(tmp) / f"{stem}{fmt.suffix}"
        fmt.write(sets, out, parent=parent)
        return out.read_bytes()


@dataclass(frozen=True)
class Tally:
    """One format's file of some questions: "38 of 44", and what is left out and why."""

    format: ExportFormat
    count: int
    total: int
    left_out: str  # counted by kind: "6 timeline", "" when nothing is
    why: str  # the same, grouped by reason: "6 timeline (GIFT has no ordering question)"

    @property
    def brief(self) -> str:
        return f"{self.count} of {self.total} questions" + (f"; left out {self.left_out}" if self.left_out else "")


def tallies(sets: Sequence[qm.QuestionSet]) -> list[Tally]:
    """For every format, what its file of `sets` would hold."""
    out = []
    for fmt in FORMATS:
        report = fmt.tally(sets)
        out.append(Tally(fmt, report.count, report.total, report.left_out_kinds(), report.left_out_text()))
    return out
