"""Question generation (being written)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.models import Facts, QuestionSet


def generate_sets(facts: Sequence[Facts], *, formats: Iterable[str] | None = None,
                  topics: Iterable[str] | None = None, limit: int | None = None) -> list[QuestionSet]:
    raise NotImplementedError
