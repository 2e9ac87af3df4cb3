"""Every query of the web app. Functions are keyword-only and take the session first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from web.models import (
    Answer,
    Article,
    ArticleFact,
    Attempt,
    CardState,
    Deck,
    Learner,
    Question,
    QuestionSet,
    ReviewLog,
    utcnow,
)

# --- decks and articles -------------------------------------------------------------------------


@dataclass
class ArticleImport:
    """The rows of one article to save together (ids are filled in by save_deck)."""

    article: Article
    facts: list[ArticleFact]
    question_set: QuestionSet
    questions: list[Question]


def has_decks(*, session: Session) -> bool:
    return session.exec(select(Deck.id).limit(1)).first() is not None


def save_deck(*, session: Session, deck: Deck, articles: Sequence[ArticleImport]) -> Deck:
    """Insert a deck with its articles, facts and questions in one transaction."""
    session.add(deck)
    session.flush()
    for item in articles:
        item.article.deck_id = deck.id  # type: ignore[assignment]
        session.add(item.article)
        session.flush()
        for fact in item.facts:
            fact.article_id = item.article.id  # type: ignore[assignment]
        session.add_all(item.facts)
        item.question_set.article_id = item.article.id  # type: ignore[assignment]
        session.add(item.question_set)
        session.flush()
        for q in item.questions:
            q.question_set_id = item.question_set.id  # type: ignore[assignment]
        session.add_all(item.questions)
    session.commit()
    session.refresh(deck)
    return deck


def list_decks(*, session: Session) -> list[Deck]:
    return list(session.exec(select(Deck).order_by(Deck.title)))


def get_deck(*, session: Session, slug: str) -> Deck | None:
    return session.exec(select(Deck).where(Deck.slug == slug)).first()


def get_deck_by_id(*, session: Session, deck_id: int) -> Deck | None:
    return session.get(Deck, deck_id)


def list_articles(*, session: Session, deck_id: int | None = None) -> list[Article]:
    query = select(Article).order_by(Article.deck_id, Article.position)
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    return list(session.exec(query))


def get_article(*, session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def list_facts(*, session: Session, article_id: int) -> list[ArticleFact]:
    query = select(ArticleFact).where(ArticleFact.article_id == article_id).order_by(ArticleFact.start, ArticleFact.id)
    return list(session.exec(query))


# --- questions ----------------------------------------------------------------------------------


def question_counts(*, session: Session) -> list[tuple[int, str, str, int]]:
    """(article id, topic, format, number of questions) for every article."""
    query = (
        select(QuestionSet.article_id, Question.topic, Question.format, func.count(col(Question.id)))
        .join(QuestionSet, col(Question.question_set_id) == QuestionSet.id)
        .group_by(QuestionSet.article_id, Question.topic, Question.format)
    )
    return [(a, t, f, n) for a, t, f, n in session.exec(query)]


def list_questions(
    *,
    session: Session,
    deck_id: int | None = None,
    article_id: int | None = None,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """Questions in article order, then in the order they were generated."""
    query = (
        select(Question)
        .join(QuestionSet, col(Question.question_set_id) == QuestionSet.id)
        .join(Article, col(QuestionSet.article_id) == Article.id)
        .order_by(Article.position, Article.id, Question.position)
    )
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    if article_id is not None:
        query = query.where(Article.id == article_id)
    if formats:
        query = query.where(col(Question.format).in_(list(formats)))
    if topics:
        query = query.where(col(Question.topic).in_(list(topics)))
    return list(session.exec(query))


def get_question(*, session: Session, question_id: int) -> Question | None:
    return session.get(Question, question_id)


def get_questions(*, session: Session, ids: Iterable[int]) -> dict[int, Question]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.exec(select(Question).where(col(Question.id).in_(wanted)))
    return {q.id: q for q in rows if q.id is not None}


def question_articles(*, session: Session, ids: Iterable[int]) -> dict[int, Article]:
    """The article of each question."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = (
        select(Question.id, Article)
        .join(QuestionSet, col(Question.question_set_id) == QuestionSet.id)
        .join(Article, col(QuestionSet.article_id) == Article.id)
        .where(col(Question.id).in_(wanted))
    )
    return {qid: article for qid, article in session.exec(query) if qid is not None}


def list_question_sets(
    *, session: Session, deck_id: int | None = None, article_id: int | None = None
) -> list[tuple[Article, QuestionSet, list[Question]]]:
    """Each article of a deck (or one article) with its question set and questions."""
    query = select(Article, QuestionSet).join(QuestionSet, col(QuestionSet.article_id) == Article.id)
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    if article_id is not None:
        query = query.where(Article.id == article_id)
    out = []
    for article, qset in session.exec(query.order_by(Article.position, Article.id)):
        questions = session.exec(
            select(Question).where(Question.question_set_id == qset.id).order_by(Question.position)
        )
        out.append((article, qset, list(questions)))
    return out


# --- learners -----------------------------------------------------------------------------------


def create_learner(*, session: Session, name: str) -> Learner:
    learner = Learner(name=name)
    session.add(learner)
    session.commit()
    session.refresh(learner)
    return learner


def get_learner(*, session: Session, learner_id: int) -> Learner | None:
    return session.get(Learner, learner_id)


def rename_learner(*, session: Session, learner: Learner, name: str) -> Learner:
    learner.name = name
    session.add(learner)
    session.commit()
    session.refresh(learner)
    return learner


# --- quiz attempts ------------------------------------------------------------------------------


def create_attempt(
    *, session: Session, learner_id: int, deck_id: int, article_id: int | None, question_ids: Sequence[int]
) -> Attempt:
    attempt = Attempt(learner_id=learner_id, deck_id=deck_id, article_id=article_id, question_ids=list(question_ids))
    session.add(attempt)
    session.commit()
    session.refresh(attempt)
    return attempt


def get_attempt(*, session: Session, attempt_id: int) -> Attempt | None:
    return session.get(Attempt, attempt_id)


def open_attempt(*, session: Session, learner_id: int, deck_id: int, article_id: int | None) -> Attempt | None:
    """The learner's latest unfinished quiz on this deck or article, to offer resuming it."""
    query = select(Attempt).where(
        Attempt.learner_id == learner_id,
        Attempt.deck_id == deck_id,
        col(Attempt.finished_at).is_(None),
    )
    if article_id is None:
        query = query.where(col(Attempt.article_id).is_(None))
    else:
        query = query.where(Attempt.article_id == article_id)
    return session.exec(query.order_by(col(Attempt.id).desc()).limit(1)).first()


def list_answers(*, session: Session, attempt_id: int) -> list[Answer]:
    query = select(Answer).where(Answer.attempt_id == attempt_id).order_by(Answer.position)
    return list(session.exec(query))


def get_answer(*, session: Session, attempt_id: int, position: int) -> Answer | None:
    query = select(Answer).where(Answer.attempt_id == attempt_id, Answer.position == position)
    return session.exec(query).first()


def record_answer(
    *, session: Session, attempt: Attempt, position: int, question_id: int, response: Any, correct: bool
) -> Answer:
    """Store an answer; the first answer to a position stands (a repeated post gets it back)."""
    answer = Answer(attempt_id=attempt.id, position=position, question_id=question_id, response=response,
                    correct=correct)
    session.add(answer)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        existing = get_answer(session=session, attempt_id=attempt.id, position=position)  # type: ignore[arg-type]
        assert existing is not None
        return existing
    answers = list_answers(session=session, attempt_id=attempt.id)  # type: ignore[arg-type]
    attempt.correct = sum(a.correct for a in answers)
    if len(answers) >= len(attempt.question_ids):
        attempt.finished_at = utcnow()
    session.add(attempt)
    session.commit()
    session.refresh(answer)
    session.refresh(attempt)
    return answer


# --- flashcards ---------------------------------------------------------------------------------


def card_states(*, session: Session, learner_id: int, question_ids: Iterable[int] | None = None) -> dict[int, CardState]:
    query = select(CardState).where(CardState.learner_id == learner_id)
    if question_ids is not None:
        query = query.where(col(CardState.question_id).in_(list(question_ids)))
    return {s.question_id: s for s in session.exec(query)}


def save_review(
    *,
    session: Session,
    learner_id: int,
    question_id: int,
    card: dict[str, Any],
    due: datetime,
    rating: int,
    reviewed_at: datetime,
    log: dict[str, Any],
) -> CardState:
    """Store a card's new FSRS state and the review that led to it."""
    state = session.exec(
        select(CardState).where(CardState.learner_id == learner_id, CardState.question_id == question_id)
    ).first()
    if state is None:
        state = CardState(learner_id=learner_id, question_id=question_id, due=due, card=card)
    else:
        state.due, state.card = due, card
    session.add(state)
    session.add(ReviewLog(learner_id=learner_id, question_id=question_id, rating=rating, reviewed_at=reviewed_at,
                          due_after=due, log=log))
    session.commit()
    session.refresh(state)
    return state


def count_reviews(*, session: Session, learner_id: int) -> int:
    query = select(func.count(col(ReviewLog.id))).where(ReviewLog.learner_id == learner_id)
    return session.exec(query).one()
