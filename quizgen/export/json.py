"""JSON: the same document as `quizgen generate --format json`, whose keys are a public interface."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgen.export.common import ExportReport, write_text
from quizgen.models import QuestionSet


def document(sets: Sequence[QuestionSet]) -> dict[str, Any]:
    """One set as {"title", "questions"}; several as {"decks": [...]}."""
    return sets[0].to_dict() if len(sets) == 1 else {"decks": [s.to_dict() for s in sets]}


def export_json(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    text = json.dumps(document(sets), ensure_ascii=False, indent=2) + "\n"
    write_text(out, text)
    return ExportReport("json", out, sum(len(s.questions) for s in sets))
