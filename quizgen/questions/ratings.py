"""Blind ratings kept as data: which question of which article, the rater's labels and the question's
features as numbers. No text of an article or a question is kept (a hash of the prompt tells whether a
rated question is still the one a later run generates).

Rows come from rating sheets (`quizgen quality collect`), and from teachers' approvals and rejections
in the editor; `quizgen quality train` learns the model from them.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen.extract.context import ArticleContext
from quizgen.models import Facts
from quizgen.questions.draft import Draft, norm
from quizgen.questions.features import FEATURES, features

RATINGS_FILE = "data/ratings.csv"
LABEL_COLUMNS = ("source", "article", "question_id", "prompt_sha", "rater", "format", "topic", "acceptable", "worth")


@dataclass(frozen=True)
class Rating:
    source: str  # "blind:r1", "teacher:<school>"
    article: str  # the article's file name without extension, or a set's article id
    question_id: str
    prompt_sha: str
    rater: str
    format: str
    topic: str
    acceptable: bool
    worth: bool
    features: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> bool:
        """What the model predicts: acceptable and worth asking."""
        return self.acceptable and self.worth


def prompt_sha(prompt: str) -> str:
    return hashlib.sha1(norm(prompt).encode()).hexdigest()[:12]


def write_ratings(rows: Iterable[Rating], path: Path) -> int:
    rows = sorted(rows, key=lambda r: (r.source, r.article, r.question_id, r.rater))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([*LABEL_COLUMNS, *FEATURES])
        for r in rows:
            w.writerow([r.source, r.article, r.question_id, r.prompt_sha, r.rater, r.format, r.topic,
                        int(r.acceptable), int(r.worth), *(_num(r.features.get(n, 0.0)) for n in FEATURES)])
    return len(rows)


def _num(x: float) -> str:
    return f"{x:.6g}"


def _rows(lines: Iterable[str]) -> Iterator[Rating]:
    reader = csv.DictReader(lines)
    for d in reader:
        yield Rating(d["source"], d["article"], d["question_id"], d["prompt_sha"], d["rater"], d["format"],
                     d["topic"], d["acceptable"] == "1", d["worth"] == "1",
                     {n: float(d[n]) for n in FEATURES if d.get(n) not in (None, "")})


def read_ratings(path: Path | None = None) -> list[Rating]:
    """The shipped ratings, or those in `path`."""
    if path is None:
        text = resources.files("quizgen").joinpath(RATINGS_FILE).read_text(encoding="utf-8")
        return list(_rows(text.splitlines()))
    with path.open(encoding="utf-8", newline="") as f:
        return list(_rows(f))


def draft_of(q: dict[str, Any], facts: Facts) -> Draft:
    """A generated question (its JSON form) as a draft again, to compute its features."""
    answer = q["answer"]
    if isinstance(answer, list):
        answer = tuple(tuple(a) if isinstance(a, list) else a for a in answer)
    sentence = q.get("source", {}).get("sentence", "")
    text = facts.article.text
    position = text.find(sentence) if sentence else -1
    return Draft(template="", format=q["format"], topic=q["topic"], prompt=q["prompt"], answer=answer,
                 sentence=sentence, section=q.get("source", {}).get("section", ""), key=q.get("id", ""),
                 choices=tuple(q.get("choices") or ()), position=max(position, 0))


def features_of(q: dict[str, Any], ctx: ArticleContext, facts: Facts) -> dict[str, float]:
    return features(draft_of(q, facts), ctx, facts, norm(facts.article.text))
