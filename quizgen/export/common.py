"""What every exporter shares: the report, atomic writes, deterministic zips, question helpers."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from quizgen.errors import QuizgenError
from quizgen.models import LEAD_SECTION, Question, QuestionSet
from quizgen.settings import get_settings
from quizgen.titles import plain_title

GAP = re.compile(r"_{3,}")  # the gap of a cloze prompt (BLANK), or a longer one a teacher typed
REASON = re.compile(r"^(.*?) \((.*)\)$")  # "timeline (GIFT has no ordering question)"


@dataclass
class ExportReport:
    """What one export wrote, and which questions the target format could not carry."""

    format: str
    path: Path
    count: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (question id, reason)

    def leave_out(self, question: Question, why: str) -> None:
        # Reasons start with the question format so that summary() can count them by kind.
        self.left_out.append((question.id, f"{format_label(question.format)} ({why})"))

    @property
    def total(self) -> int:
        return self.count + len(self.left_out)

    def summary(self) -> str:
        """One line: what was written, and what was left out, counted by kind and grouped by why."""
        line = f"{self.format}: {self.count} question{'s' if self.count != 1 else ''} -> {self.path}"
        return f"{line}; left out {len(self.left_out)}: {self.left_out_text()}" if self.left_out else line

    def left_out_kinds(self) -> str:
        """What was left out, counted by kind: "7 cloze, 1 true/false"."""
        kinds = Counter((m.group(1) if (m := REASON.match(reason)) else reason) for _, reason in self.left_out)
        return ", ".join(f"{n} {kind}" for kind, n in kinds.items())

    def left_out_text(self) -> str:
        """What was left out, counted by kind and grouped by why: "2 timeline (GIFT has no ...); 1 cloze"."""
        by_why: dict[str, Counter[str]] = {}
        for _, reason in self.left_out:
            m = REASON.match(reason)
            kind, why = (m.group(1), m.group(2)) if m else (reason, "")
            by_why.setdefault(why, Counter())[kind] += 1
        groups = []
        for why, kinds in by_why.items():
            counted = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
            groups.append(f"{counted} ({why})" if why else counted)
        return "; ".join(groups)


class Exporter(Protocol):
    def __call__(self, sets: Sequence[QuestionSet], out: Path, *, parent: str | None) -> ExportReport: ...


# How a format takes one question: the question as the file will hold it (converted where the format
# needs it), or why it cannot. `others` are all the questions of the export (Kahoot draws options there).
Fit = Callable[[Question, Sequence[Question]], "Question | str"]


def as_is(question: Question, others: Sequence[Question]) -> Question | str:
    return question


# ---- writing files ---------------------------------------------------------------------------

def _cannot_write(out: Path, exc: OSError) -> QuizgenError:
    return QuizgenError(f"cannot write {out}: {exc.strerror or exc}")


@contextlib.contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary file beside `out` that replaces `out` only once it is completely written.

    On any error the temporary file is removed and `out` is left as it was.
    """
    out = Path(out)
    if out.is_dir():
        raise QuizgenError(f"{out}: is a folder; give a file name")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise _cannot_write(out, exc) from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp makes the file private; an export is meant to be shared
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot_write(out, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(out: Path, data: bytes) -> None:
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)


def write_text(out: Path, text: str) -> None:
    write_bytes(out, text.encode("utf-8"))


def export_time() -> float:
    """The timestamp stamped into exported files: fixed by settings so output is reproducible."""
    fixed = get_settings().export_timestamp
    return time.time() if fixed is None else fixed


def zip_bytes(entries: Sequence[tuple[str, bytes]], *, timestamp: float | None = None) -> bytes:
    """A zip of `entries` whose bytes depend only on the entries and the timestamp."""
    stamp = time.gmtime(export_time() if timestamp is None else timestamp)
    date_time = (max(stamp.tm_year, 1980), *stamp[1:6])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buf.getvalue()


def normalize_zip(data: bytes, *, timestamp: float | None = None) -> bytes:
    """Rewrite a zip made by another library with fixed entry times (for reproducible output)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_bytes(entries, timestamp=timestamp)


# ---- reading questions -----------------------------------------------------------------------

def format_label(fmt: str) -> str:
    return "true/false" if fmt == "true_false" else fmt.replace("_", " ")


def section_of(question: Question) -> str:
    return question.source.section or LEAD_SECTION


def all_questions(sets: Sequence[QuestionSet], report: ExportReport, fit: Fit = as_is, *,
                  among: Sequence[QuestionSet] | None = None) -> Iterator[tuple[QuestionSet, Question]]:
    """Every question with its set, as `fit` makes it; malformed ones, and those `fit` refuses, are left out
    and noted in `report`. `among`: the whole export, when `sets` is a part of it."""
    others = [q for qs in (among or sets) for q in qs.questions]
    for qs in sets:
        for q in qs.questions:
            fitted = malformed(q) or fit(q, others)
            if isinstance(fitted, str):
                report.leave_out(q, fitted)
            else:
                yield qs, fitted


ORDINALS = ("1st", "2nd", "3rd")


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if n <= len(ORDINALS) else f"{n}th"


def timeline_as_matching(question: Question) -> Question:
    """A timeline for formats without an ordering question: match each event with its place in time."""
    events = [str(event) for event in question.answer]
    places = tuple(ordinal(n) for n in range(1, len(events) + 1))
    prompt = f"{question.prompt.rstrip()} Match each event with its place in time (1st = earliest)."
    return dataclasses.replace(question, format="matching", prompt=prompt,
                               answer=tuple(zip(events, places, strict=True)), choices=places)


def split_cloze(prompt: str) -> tuple[str, str] | None:
    """The text before and after a cloze prompt's blank, or None when it has no blank."""
    m = GAP.search(prompt)
    return (prompt[: m.start()], prompt[m.end():]) if m else None


def answer_text(question: Question) -> str:
    """The answer as one line of text, whatever the format."""
    a = question.answer
    if isinstance(a, str):
        return a
    if question.format == "matching":
        return "; ".join(f"{left} → {right}" for left, right in question.pairs())
    return " → ".join(str(x) for x in a)


def malformed(question: Question) -> str | None:
    """What breaks the question's shape (see models.py), or None when it is sound."""
    a = question.answer
    if question.format == "multiple_choice" and a not in question.choices:
        return "its answer is not among its choices"
    if question.format == "true_false" and a not in ("True", "False"):
        return "its answer is neither True nor False"
    if question.format == "matching" and (not isinstance(a, tuple) or not a or any(len(p) != 2 for p in a)):
        return "its answer is not a list of pairs"
    if question.format == "timeline" and (not isinstance(a, tuple) or len(a) < 2):
        return "its answer is not a list of events"
    if question.format in ("cloze", "short_answer") and not isinstance(a, str):
        return "its answer is not text"
    return None


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text without the control characters XML 1.0 cannot hold (lxml refuses them)."""
    return XML_INVALID.sub("", text)


# what makes a spreadsheet read a cell as a formula (=1+1, =HYPERLINK(...), @SUM(...), +1, -1; tab and CR too)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def spreadsheet_cell(value: object) -> str:
    """A CSV cell that no spreadsheet runs: one that starts like a formula gets a leading ' (as OWASP advises)."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def one_line(text: str) -> str:
    return " ".join(text.split())


def category_path(parent: str | None, article: str, section: str) -> list[str]:
    """The levels a question sits under: parent deck, article, section.

    The article level is dropped when it repeats the parent (a one-article deck named after it).
    """
    levels = [parent] if parent else []
    if not parent or parent.strip().casefold() != article.strip().casefold():
        levels.append(article)
    levels.append(section)
    return [plain_title(level) for level in levels]


