"""A question while it is being made: templates fill it, distractors add choices, ranking scores it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from quizgen.extract.phrases import capitalize, inline
from quizgen.models import Answer, Question, Source
from quizgen.vocabulary import BLANK

__all__ = ["BLANK", "Draft", "capitalize", "inline", "norm", "stable_id"]



NOT_WORD = re.compile(r"[^a-z0-9' ]+")
MAX_TYPED_WORDS = 5  # nobody types a clause word for word: a longer answer is chosen from options


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """Lower case, plain quotes, words only: how answers and prompts are compared."""
    s = unicodedata.normalize("NFKC", s).lower().replace("\u2019", "'")
    return " ".join(NOT_WORD.sub(" ", s).split())


def stable_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class Draft:
    template: str
    format: str
    topic: str
    prompt: str
    answer: Answer
    sentence: str
    section: str
    key: str  # the fact asked about; with the template it makes the stable id
    kind: str = ""  # what kind of value the answer is, for wrong answers: date, person, effect ...
    choices: tuple[str, ...] = ()
    explanation: str = ""
    also_true: frozenset[str] = frozenset()  # normalised values the article also makes right
    features: dict[str, float] = field(default_factory=dict)
    position: int = 0  # article offset of the source, for ordering

    def to_question(self, article: str, score: float, difficulty: int, *, served: bool = True,
                    reason: str = "", features: dict[str, float] | None = None) -> Question:
        section_tag = self.section
        return Question(
            id=stable_id(article, self.template, self.key),
            format=self.format,
            topic=self.topic,
            prompt=self.prompt,
            answer=self.answer,
            choices=self.choices,
            explanation=self.explanation or self.sentence,
            source=Source(self.sentence, self.section),
            difficulty=difficulty,
            score=score,
            tags=(self.topic, section_tag),
            article=article,
            served=served,
            reason=reason,
            features=dict(features or {}),
        )
