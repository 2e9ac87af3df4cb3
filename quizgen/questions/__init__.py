"""Questions from facts: templates make candidates, distractors add wrong answers, ranking keeps the
good ones, sorted by score within each section."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.errors import QuizgenError
from quizgen.extract.context import ArticleContext
from quizgen.models import FORMATS, TOPICS, Facts, Question, QuestionSet
from quizgen.questions.distractors import Pool
from quizgen.questions.rank import dedupe, difficulty, problems, score
from quizgen.questions.templates import TEMPLATES

Analysis = tuple[ArticleContext, Facts]


def _check(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = set(values)
    unknown = chosen - set(allowed)
    if unknown:
        raise QuizgenError(f"unknown {what} {', '.join(sorted(unknown))}; choose from {', '.join(allowed)}")
    return chosen


def questions_for(ctx: ArticleContext, facts: Facts, pool: Pool, *, formats: set[str] | None = None,
                  topics: set[str] | None = None, limit: int | None = None) -> QuestionSet:
    drafts = [d for template in TEMPLATES.values() for d in template(ctx, facts, pool)]
    drafts = [d for d in drafts if not problems(d)]
    drafts = [d for d in drafts if (formats is None or d.format in formats) and (topics is None or d.topic in topics)]
    scores = {id(d): score(d) for d in drafts}
    kept = dedupe(drafts, scores)
    order = {s.name: i for i, s in enumerate(ctx.article.sections)}
    kept.sort(key=lambda d: (order.get(d.section, len(order)), -scores[id(d)], d.position, d.prompt))
    if limit is not None:
        top = sorted(kept, key=lambda d: -scores[id(d)])[:limit]
        kept = [d for d in kept if d in top]
    questions: list[Question] = [d.to_question(ctx.article.title, scores[id(d)], difficulty(d)) for d in kept]
    return QuestionSet(ctx.article.title, tuple(questions), tuple(s.name for s in ctx.article.sections))


def check_options(formats: Iterable[str] | None, topics: Iterable[str] | None) -> None:
    """Refuse unknown formats or topics before any work is done."""
    _check(formats, FORMATS, "question format")
    _check(topics, TOPICS, "topic")


def generate_sets(analyses: Sequence[Analysis], *, formats: Iterable[str] | None = None,
                  topics: Iterable[str] | None = None, limit: int | None = None) -> list[QuestionSet]:
    fmt, top = _check(formats, FORMATS, "question format"), _check(topics, TOPICS, "topic")
    deck = [f for _, f in analyses]
    return [questions_for(ctx, facts, Pool.of(facts, deck), formats=fmt, topics=top, limit=limit)
            for ctx, facts in analyses]
