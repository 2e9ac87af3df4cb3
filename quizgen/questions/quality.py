"""The quality model: P(a teacher finds the question acceptable and worth asking), learned from blind
ratings (`quizgen quality train`) and shipped as plain JSON, read here without scikit-learn.

The model is a logistic regression over the standardised features of `features.py`; its file keeps
the feature names, their means and scales, the weights, the serving threshold chosen in
cross-validation, and how it was measured.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen.errors import QuizgenError
from quizgen.questions.features import REASONS

MODEL_FILE = "data/quality_model.json"

# what makes a question unfit by definition: never served, whatever the model says
BLOCKERS: dict[str, str] = {
    "answer_in_title": "the answer is a word of the article's title",
    "answer_stem_in_prompt": REASONS["answer_stem_in_prompt"],
    "answer_repeated_in_prompt": REASONS["answer_repeated_in_prompt"],
    "option_in_prompt": REASONS["option_in_prompt"],
    "unresolved_pronoun": REASONS["unresolved_pronoun"],
    "leading_connective": REASONS["leading_connective"],
    "unbalanced": REASONS["unbalanced"],
    "odd_characters": REASONS["odd_characters"],
    "options_nested": REASONS["options_nested"],
    "answer_pronoun": REASONS["answer_pronoun"],
    "subject_pronoun": REASONS["subject_pronoun"],
    "relative_time": REASONS["relative_time"],
    "it_subject": REASONS["it_subject"],
    "date_modifier": REASONS["date_modifier"],
    "unnamed_place": REASONS["unnamed_place"],
    "main_place": REASONS["main_place"],
    "no_main_verb": REASONS["no_main_verb"],
    "hedged": REASONS["hedged"],
    "subject_back": REASONS["subject_back"],
    "date_given_away": REASONS["date_given_away"],
    "points_back": REASONS["points_back"],
    "unnamed_thing": REASONS["unnamed_thing"],
    "answer_abbreviated": REASONS["answer_abbreviated"],
}


@dataclass(frozen=True)
class QualityModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def contributions(self, f: dict[str, float]) -> list[tuple[str, float]]:
        return [(n, c * (f.get(n, 0.0) - m) / s)
                for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True)]

    def estimate(self, f: dict[str, float]) -> float:
        return self.judge(f)[0]

    def reason(self, f: dict[str, float]) -> str:
        return self.judge(f)[1]

    def judge(self, f: dict[str, float]) -> tuple[float, str]:
        """The estimate, and what counts most against the question in words ("" when nothing explainable
        does): a veto first, else the feature with the most of what the model holds against it."""
        z, worst, reason = self.intercept, 0.0, ""
        for n, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            x = f.get(n, 0.0)
            v = c * (x - m) / s
            z += v
            if v < worst and c < 0 and x > m and n in REASONS:
                worst, reason = v, REASONS[n]
        for name, text in BLOCKERS.items():
            if f.get(name, 0.0) > 0:
                reason = text
                break
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z)))), reason

    def to_dict(self) -> dict[str, Any]:
        return {"names": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold, "meta": self.meta}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> QualityModel:
        return QualityModel(tuple(d["names"]), tuple(d["mean"]), tuple(d["scale"]), tuple(d["coef"]),
                            float(d["intercept"]), float(d["threshold"]), dict(d.get("meta", {})))


def blocked(f: dict[str, float]) -> bool:
    return any(f.get(n, 0.0) > 0 for n in BLOCKERS)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> QualityModel:
    """The shipped model, or the one at `path` (a school's retrained model)."""
    try:
        text = Path(path).read_text(encoding="utf-8") if path else \
            resources.files("quizgen").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        return QualityModel.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError) as exc:
        raise QuizgenError(f"quality model {path or MODEL_FILE} cannot be read: {exc}") from None
