"""Questions from facts: templates make candidates, distractors add wrong answers, ranking keeps the
good ones, sorted by score within each section."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.errors import QuizgenError
from quizgen.extract.context import ArticleContext
from quizgen.models import FORMATS, TOPICS, Facts, Question, QuestionSet
from quizgen.questions.distractors import Pool
from quizgen.questions.draft import Draft
from quizgen.questions.features import features
from quizgen.questions.quality import QualityModel, blocked, load_model
from quizgen.questions.rank import dedupe, difficulty, problems
from quizgen.questions.serve import PER_300_WORDS, Rated, passed_over, select
from quizgen.questions.templates import TEMPLATES
from quizgen.settings import get_settings

Analysis = tuple[ArticleContext, Facts]


def _check(values: Iterable[str] | None, allowed: tuple[str, ...], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = set(values)
    unknown = chosen - set(allowed)
    if unknown:
        raise QuizgenError(f"unknown {what} {', '.join(sorted(unknown))}; choose from {', '.join(allowed)}")
    return chosen


def rate(ctx: ArticleContext, facts: Facts, pool: Pool, drafts: list[Draft], model: QualityModel) -> list[Rated]:
    """Each candidate with the model's estimate and the main reason against it."""
    out = []
    for d in drafts:
        f = features(d, ctx, facts, pool.deck_text)
        estimate, reason = model.judge(f)
        out.append(Rated(d, round(estimate, 3), reason, blocked(f), f))
    return out


def questions_for(ctx: ArticleContext, facts: Facts, pool: Pool, *, formats: set[str] | None = None,
                  topics: set[str] | None = None, limit: int | None = None,
                  model: QualityModel | None = None) -> QuestionSet:
    """The served questions of one article, in article order, and the other candidates as suggestions."""
    drafts = [d for template in TEMPLATES.values() for d in template(ctx, facts, pool)]
    drafts = [d for d in drafts if not problems(d)]
    drafts = [d for d in drafts if (formats is None or d.format in formats) and (topics is None or d.topic in topics)]
    model = model or load_model(str(get_settings().quality_model) if get_settings().quality_model else None)
    rated = rate(ctx, facts, pool, drafts, model)
    estimates = {id(r.draft): r.estimate for r in rated}
    kept = {id(d) for d in dedupe([r.draft for r in rated], estimates)}
    rated = [r for r in rated if id(r.draft) in kept]
    minimum = round(PER_300_WORDS * ctx.article.word_count / 300)
    served = select(rated, model.threshold, limit, minimum)
    served_ids = {id(r.draft) for r in served}
    order = {s.name: i for i, s in enumerate(ctx.article.sections)}

    def in_article_order(rs: list[Rated]) -> list[Rated]:
        return sorted(rs, key=lambda r: (order.get(r.draft.section, len(order)), r.draft.position, -r.estimate,
                                         r.draft.prompt))

    def question(r: Rated, is_served: bool) -> Question:
        reason = "" if is_served else (passed_over(r, served, model.threshold) or r.reason
                                       or "below the threshold of the quality model")
        return r.draft.to_question(ctx.article.title, r.estimate, difficulty(r.draft), served=is_served,
                                   reason=reason, features=r.features)

    return QuestionSet(ctx.article.title, tuple(question(r, True) for r in in_article_order(served)),
                       tuple(s.name for s in ctx.article.sections),
                       suggestions=tuple(question(r, False) for r in sorted(
                           (r for r in rated if id(r.draft) not in served_ids),
                           key=lambda r: (-r.estimate, r.draft.position, r.draft.prompt))))


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
