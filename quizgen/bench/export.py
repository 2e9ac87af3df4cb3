"""Export speed: seconds to write 10,000 questions in every format.

The questions are the bundled decks' generated ones, copied as further articles (distinct titles,
ids and prompts) until there are 10,000, so every format sees the mix of kinds a real deck has.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.progress import Progress

from quizgen.bench.corpus import bundled_decks, copy_title
from quizgen.errors import QuizgenError
from quizgen.export import BY_NAME, EXPORTERS, export
from quizgen.models import Question, QuestionSet
from quizgen.pipeline import generate
from quizgen.vocabulary import slugify

QUESTIONS = 10_000
PARENT = "quizgen bench"


def copy_question(q: Question, n: int) -> Question:
    if n == 1:
        return q
    return dataclasses.replace(q, id=hashlib.sha1(f"{q.id}\x1f{n}".encode()).hexdigest()[:16],
                               prompt=f"{q.prompt} [{n}]")


def replicated(sets: Sequence[QuestionSet], count: int = QUESTIONS) -> list[QuestionSet]:
    """Exactly `count` questions: copies of `sets`, each copy an article of its own."""
    if not any(s.questions for s in sets):
        raise QuizgenError("the bundled decks give no questions to export")
    out: list[QuestionSet] = []
    left, n = count, 0
    while left > 0:
        n += 1
        for s in sets:
            qs = tuple(copy_question(q, n) for q in s.questions[:left])
            if qs:
                out.append(dataclasses.replace(s, title=copy_title(s.title, n), questions=qs))
                left -= len(qs)
    return out


def key(fmt: str, count: int = QUESTIONS) -> str:
    """"moodle-xml" -> "moodle_xml_10k_s"."""
    size = f"{count // 1000}k" if count % 1000 == 0 else str(count)
    return f"{fmt.replace('-', '_')}_{size}_s"


def run(progress: Progress) -> dict[str, Any]:
    sets = [s for deck in bundled_decks() for s in generate(deck)]
    many = replicated(sets)
    task = progress.add_task(f"export: {QUESTIONS:,} questions", total=len(EXPORTERS))
    out: dict[str, Any] = {"questions": sum(len(s.questions) for s in many)}
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        for fmt in EXPORTERS:
            path = Path(tmp) / f"{slugify(fmt)}{BY_NAME[fmt].suffix}"
            export(sets, fmt, path, parent=PARENT)  # warm-up: imports and lazy caches
            progress.update(task, description=f"export: {QUESTIONS:,} questions to {fmt}")
            start = time.perf_counter()
            export(many, fmt, path, parent=PARENT)
            out[key(fmt)] = round(time.perf_counter() - start, 3)
            progress.advance(task)
    progress.remove_task(task)
    return out
