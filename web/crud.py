"""Every query of the web app. Functions are keyword-only and take the session first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, case, delete, func, insert, null, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, SQLModel, col, select

from web.models import (
    Answer,
    Article,
    ArticleFact,
    Attempt,
    CardFields,
    CardState,
    ClassAnswer,
    ClassAttempt,
    ClassSet,
    Deck,
    Learner,
    LoginFailure,
    Question,
    QuestionSet,
    ReviewLog,
    SetArticle,
    SetCardState,
    SetQuestion,
    SetReviewLog,
    Teacher,
    row_id,
    utcnow,
)

Row = TypeVar("Row", bound=SQLModel)


def _saved(session: Session, row: Row) -> Row:
    """The row written in its own commit, read back as the database now has it."""
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


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
        item.article.deck_id = row_id(deck)
        session.add(item.article)
        session.flush()
        for fact in item.facts:
            fact.article_id = row_id(item.article)
        session.add_all(item.facts)
        item.question_set.article_id = row_id(item.article)
        session.add(item.question_set)
        session.flush()
        for q in item.questions:
            q.question_set_id = row_id(item.question_set)
        session.add_all(item.questions)
    session.commit()
    session.refresh(deck)
    return deck


def list_decks(*, session: Session) -> list[Deck]:
    return list(session.exec(select(Deck).order_by(col(Deck.title))))


def get_deck(*, session: Session, slug: str) -> Deck | None:
    return session.exec(select(Deck).where(Deck.slug == slug)).first()


def get_deck_by_id(*, session: Session, deck_id: int) -> Deck | None:
    return session.get(Deck, deck_id)


def list_articles(*, session: Session, deck_id: int | None = None) -> list[Article]:
    query = select(Article).order_by(col(Article.deck_id), col(Article.position))
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    return list(session.exec(query))


def get_article(*, session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def list_facts(*, session: Session, article_id: int) -> list[ArticleFact]:
    query = select(ArticleFact).where(ArticleFact.article_id == article_id).order_by(col(ArticleFact.start), col(ArticleFact.id))
    return list(session.exec(query))


# --- questions ----------------------------------------------------------------------------------


def question_counts(*, session: Session) -> list[tuple[int, str, str, int]]:
    """(article id, topic, format, number of served questions) for every article."""
    query = (
        select(QuestionSet.article_id, Question.topic, Question.format, func.count(col(Question.id)))
        .join(QuestionSet, col(Question.question_set_id) == QuestionSet.id)
        .where(col(Question.served))
        .group_by(col(QuestionSet.article_id), col(Question.topic), col(Question.format))
    )
    return [(a, t, f, n) for a, t, f, n in session.exec(query)]


def _questions_query(what: Any, *, deck_id: int | None, article_id: int | None, formats: Iterable[str] | None,
                     topics: Iterable[str] | None) -> Any:
    query = (
        select(what)
        .join(QuestionSet, col(Question.question_set_id) == QuestionSet.id)
        .join(Article, col(QuestionSet.article_id) == Article.id)
        .where(col(Question.served))  # the library serves what the quality model picked
        .order_by(col(Article.position), col(Article.id), col(Question.position))
    )
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    if article_id is not None:
        query = query.where(Article.id == article_id)
    if formats:
        query = query.where(col(Question.format).in_(list(formats)))
    if topics:
        query = query.where(col(Question.topic).in_(list(topics)))
    return query


def list_questions(
    *,
    session: Session,
    deck_id: int | None = None,
    article_id: int | None = None,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
) -> list[Question]:
    """Questions in article order, then in the order they were generated."""
    query = _questions_query(Question, deck_id=deck_id, article_id=article_id, formats=formats, topics=topics)
    return list(session.exec(query))


def list_question_ids(*, session: Session, deck_id: int | None = None, article_id: int | None = None,
                      formats: Iterable[str] | None = None) -> list[int]:
    """The ids of list_questions, without reading the questions."""
    query = _questions_query(Question.id, deck_id=deck_id, article_id=article_id, formats=formats, topics=None)
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
    *, session: Session, deck_id: int | None = None, article_id: int | None = None, suggestions: bool = False
) -> list[tuple[Article, QuestionSet, list[Question]]]:
    """Each article of a deck (or one article) with its question set and served questions (and with
    `suggestions`, the rest after them)."""
    query = select(Article, QuestionSet).join(QuestionSet, col(QuestionSet.article_id) == Article.id)
    if deck_id is not None:
        query = query.where(Article.deck_id == deck_id)
    if article_id is not None:
        query = query.where(Article.id == article_id)
    out = []
    for article, qset in session.exec(query.order_by(col(Article.position), col(Article.id))):
        asked = select(Question).where(Question.question_set_id == qset.id)
        if not suggestions:
            asked = asked.where(col(Question.served))
        questions = session.exec(asked.order_by(col(Question.served).desc(), col(Question.position)))
        out.append((article, qset, list(questions)))
    return out


# --- learners -----------------------------------------------------------------------------------


def create_learner(*, session: Session, name: str) -> Learner:
    learner = Learner(name=name)
    return _saved(session, learner)


def get_learner(*, session: Session, learner_id: int) -> Learner | None:
    return session.get(Learner, learner_id)


def rename_learner(*, session: Session, learner: Learner, name: str) -> Learner:
    learner.name = name
    return _saved(session, learner)


# --- quiz attempts ------------------------------------------------------------------------------


def create_attempt(
    *, session: Session, learner_id: int, deck_id: int, article_id: int | None, question_ids: Sequence[int]
) -> Attempt:
    attempt = Attempt(learner_id=learner_id, deck_id=deck_id, article_id=article_id, question_ids=list(question_ids))
    session.add(attempt)
    session.commit()
    return attempt


def get_attempt(*, session: Session, attempt_id: int) -> Attempt | None:
    return session.get(Attempt, attempt_id)


# the table of answers to each kind of attempt
ANSWERS_TO: dict[type[Attempt] | type[ClassAttempt], type[Answer] | type[ClassAnswer]] = {
    Attempt: Answer, ClassAttempt: ClassAnswer}


def get_attempt_counted(*, session: Session, attempt_id: int,
                        kind: type[Attempt] | type[ClassAttempt] = Attempt) -> tuple[Attempt | ClassAttempt, int] | None:
    """An attempt and how many of its questions are answered, in one query."""
    answers = ANSWERS_TO[kind]
    given = select(func.count()).where(answers.attempt_id == kind.id).scalar_subquery()
    row = session.exec(select(kind, given).where(kind.id == attempt_id)).first()
    if row is None:
        return None
    attempt = row[0]
    assert isinstance(attempt, Attempt | ClassAttempt)
    return attempt, int(row[1])


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
    query = select(Answer).where(Answer.attempt_id == attempt_id).order_by(col(Answer.position))
    return list(session.exec(query))


def get_answer(*, session: Session, attempt_id: int, position: int) -> Answer | None:
    query = select(Answer).where(Answer.attempt_id == attempt_id, Answer.position == position)
    return session.exec(query).first()


def table_of(model: type[SQLModel]) -> Table:
    """The table a model class maps (SQLModel sets __table__ at run time, where type checkers do not see it)."""
    table = sa_inspect(model).local_table
    assert isinstance(table, Table)
    return table


def record_answer(*, session: Session, attempt: Attempt | ClassAttempt, answer: Answer | ClassAnswer) -> Answer | ClassAnswer:
    """Store an answer of a library or class attempt; the first answer to a position stands (a repeated
    post gets it back). The attempt's score and end are counted by the database in the same transaction,
    so two posts racing each other cannot lose a point. Two statements on the connection, no unit of work:
    this runs for every answer."""
    answers, attempts = type(answer), type(attempt)
    table, attempts_table = table_of(answers), table_of(attempts)
    conn = session.connection()
    try:
        answer.id = conn.execute(insert(table).values(**answer.model_dump(exclude={"id"}))
                                 .returning(table.c.id)).scalar_one()
    except IntegrityError:
        session.rollback()
        existing = session.exec(select(answers).where(answers.attempt_id == attempt.id,
                                                      answers.position == answer.position)).first()
        assert isinstance(existing, Answer | ClassAnswer)
        return existing
    mine = answers.attempt_id == attempts.id
    right = select(func.count()).where(mine, col(answers.correct).is_(True)).scalar_subquery()
    given = select(func.count()).where(mine).scalar_subquery()
    now = bindparam("now", utcnow(), type_=attempts_table.c.finished_at.type)
    finished = func.coalesce(attempts.finished_at, case((given >= len(attempt.question_ids), now), else_=None))
    row = conn.execute(update(attempts_table).where(attempts_table.c.id == attempt.id)
                       .values(correct=right, finished_at=finished)
                       .returning(attempts_table.c.correct, attempts_table.c.finished_at)).one()
    session.commit()
    set_committed_value(attempt, "correct", row.correct)
    set_committed_value(attempt, "finished_at", row.finished_at)
    return answer


# --- flashcards ---------------------------------------------------------------------------------


# Flashcards of the library's decks keep their state in CardState and ReviewLog, those of a teacher's set in
# SetCardState and SetReviewLog: the same columns, so the same functions serve both (`of_sets`).
def _card_tables(of_sets: bool) -> tuple[type[CardState] | type[SetCardState], type[ReviewLog] | type[SetReviewLog]]:
    return (SetCardState, SetReviewLog) if of_sets else (CardState, ReviewLog)


def card_states(*, session: Session, learner_id: int, question_ids: Iterable[int] | None = None,
                of_sets: bool = False) -> dict[int, CardFields]:
    state_table, _ = _card_tables(of_sets)
    query = select(state_table).where(state_table.learner_id == learner_id)
    if question_ids is not None:
        query = query.where(col(state_table.question_id).in_(list(question_ids)))
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
    of_sets: bool = False,
) -> CardFields:
    """Store a card's new FSRS state and the review that led to it."""
    state_table, log_table = _card_tables(of_sets)
    state = session.exec(
        select(state_table).where(state_table.learner_id == learner_id, state_table.question_id == question_id)
    ).first()
    if state is None:
        state = state_table(learner_id=learner_id, question_id=question_id, due=due, card=card)
    else:
        state.due, state.card = due, card
    session.add(state)
    session.add(log_table(learner_id=learner_id, question_id=question_id, rating=rating, reviewed_at=reviewed_at,
                          due_after=due, log=log))
    session.commit()
    session.refresh(state)
    return state


def count_reviews(*, session: Session, learner_id: int, of_sets: bool = False) -> int:
    _, log_table = _card_tables(of_sets)
    query = select(func.count(col(log_table.id))).where(log_table.learner_id == learner_id)
    return session.exec(query).one()


# --- teachers -----------------------------------------------------------------------------------


def create_teacher(*, session: Session, email: str, name: str, password_hash: str) -> Teacher | None:
    """A new account, or None when the e-mail address already has one."""
    teacher = Teacher(email=email, name=name, password_hash=password_hash)
    session.add(teacher)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    session.refresh(teacher)
    return teacher


def get_teacher(*, session: Session, teacher_id: int) -> Teacher | None:
    return session.get(Teacher, teacher_id)


def get_teacher_by_email(*, session: Session, email: str) -> Teacher | None:
    return session.exec(select(Teacher).where(Teacher.email == email)).first()


def end_sessions(*, session: Session, teacher_id: int) -> None:
    """Move the teacher's session generation on, in one statement (two log-outs at once both count)."""
    session.execute(update(Teacher).where(col(Teacher.id) == teacher_id)
                    .values(session_generation=Teacher.session_generation + 1))
    session.commit()


def update_password_hash(*, session: Session, teacher: Teacher, password_hash: str) -> None:
    teacher.password_hash = password_hash
    session.add(teacher)
    session.commit()


@dataclass(frozen=True)
class FailureCounts:
    by_pair: int  # this account from this address
    pair_latest: datetime | None
    by_ip: int  # any account from this address
    ip_oldest: datetime | None


def count_login_failures(*, session: Session, account: str, ip: str, since: datetime) -> FailureCounts:
    """Failed log-ins since `since` for this account from this address (with the latest), and from this address
    for any account (with the oldest)."""
    recent = LoginFailure.at >= since
    query = select(func.count(col(LoginFailure.id)), func.max(LoginFailure.at))
    by_pair, pair_latest = session.exec(query.where(LoginFailure.account == account, LoginFailure.ip == ip, recent)).one()
    query = select(func.count(col(LoginFailure.id)), func.min(LoginFailure.at))
    by_ip, ip_oldest = session.exec(query.where(LoginFailure.ip == ip, recent)).one()
    return FailureCounts(by_pair, pair_latest, by_ip, ip_oldest)


def record_login_failure(*, session: Session, account: str, ip: str, forget_before: datetime) -> None:
    """Count one failure; failures older than the window are dropped on the way."""
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) < forget_before))
    session.add(LoginFailure(account=account, ip=ip))
    session.commit()


def clear_login_failures(*, session: Session, account: str, ip: str) -> None:
    """Forget the account's failures from this address (someone else's elsewhere still count)."""
    session.exec(delete(LoginFailure).where(col(LoginFailure.account) == account,
                                            col(LoginFailure.ip) == ip))
    session.commit()


# --- class sets ---------------------------------------------------------------------------------


def create_class_set(*, session: Session, class_set: ClassSet, articles: Sequence[SetArticle]) -> ClassSet:
    """A new set with its articles (their ids are filled in)."""
    session.add(class_set)
    session.flush()
    for position, article in enumerate(articles):
        article.set_id, article.position = row_id(class_set), position
    session.add_all(articles)
    session.commit()
    session.refresh(class_set)
    for article in articles:
        session.refresh(article)
    return class_set


def add_fetched_article(*, session: Session, set_id: int, owner: str, title: str, slug: str,
                        article: SetArticle) -> bool:
    """Save the article fetched for a set made from a URL, if the build still holds the set; the set takes its
    title and forgets the address. False (and nothing saved) when the build lost its lease."""
    done = session.exec(update(ClassSet).where(*held(set_id, owner)).values(
        title=title, slug=slug, fetch_url="", fetch_format="", updated_at=utcnow()))
    if done.rowcount != 1:
        session.rollback()
        return False
    article.set_id, article.position = set_id, 0
    session.add(article)
    session.commit()
    return True


def finish_build(*, session: Session, set_id: int, owner: str | None, questions: Sequence[SetQuestion],
                 notice: str) -> bool:
    """Save a set's generated questions and mark it ready, in one transaction, if the build still holds it (any
    build when `owner` is None: questions copied within the request). False (nothing saved) otherwise."""
    where = held(set_id, owner) if owner is not None else [col(ClassSet.id) == set_id]
    done = session.exec(update(ClassSet).where(*where).values(
        status="ready", pending=null(), notice=notice, progress_step="done", progress_done=ClassSet.progress_total,
        lease_owner="", lease_until=None, updated_at=utcnow()))
    if done.rowcount != 1:
        session.rollback()
        return False
    session.add_all(questions)
    session.commit()
    return True


def held(set_id: int, owner: str) -> list[Any]:
    """The set's row while the build `owner` holds its lease."""
    return [col(ClassSet.id) == set_id, col(ClassSet.lease_owner) == owner, col(ClassSet.status) == "building"]


def add_set_questions(*, session: Session, questions: Sequence[SetQuestion]) -> None:
    session.add_all(questions)
    session.commit()


def get_class_set(*, session: Session, set_id: int) -> ClassSet | None:
    return session.get(ClassSet, set_id)


def get_class_set_by_code(*, session: Session, code: str) -> ClassSet | None:
    return session.exec(select(ClassSet).where(ClassSet.join_code == code)).first()


def save_class_set(*, session: Session, class_set: ClassSet) -> ClassSet:
    class_set.updated_at = utcnow()
    return _saved(session, class_set)


def set_progress(*, session: Session, set_id: int, owner: str, step: str, done: int, total: int) -> bool:
    """What a background build is doing, for the progress page; False when the build lost its lease."""
    changed = session.exec(update(ClassSet).where(*held(set_id, owner)).values(
        progress_step=step[:300], progress_done=done, progress_total=total, updated_at=utcnow()))
    session.commit()
    return bool(changed.rowcount == 1)


def fail_build(*, session: Session, set_id: int, owner: str, error: str) -> None:
    """Mark the set failed, saying why, if the build still holds it."""
    session.exec(update(ClassSet).where(*held(set_id, owner)).values(
        status="failed", error=error, lease_owner="", lease_until=None, updated_at=utcnow()))
    session.commit()


def delete_class_set(*, session: Session, class_set: ClassSet) -> None:
    session.delete(class_set)
    session.commit()


@dataclass(frozen=True)
class SetSummary:
    class_set: ClassSet
    approved: int
    rejected: int
    pending: int
    students: int


def list_class_sets(*, session: Session, teacher_id: int) -> list[SetSummary]:
    """A teacher's sets, newest first, with how many questions are in each state and how many students took it."""
    sets = list(session.exec(select(ClassSet).where(ClassSet.teacher_id == teacher_id)
                             .order_by(col(ClassSet.created_at).desc(), col(ClassSet.id).desc())))
    ids = [s.id for s in sets]
    states: dict[tuple[int, str], int] = {}
    takers: dict[int, int] = {}
    if ids:
        query = (select(SetQuestion.set_id, SetQuestion.status, func.count(col(SetQuestion.id)))
                 .where(col(SetQuestion.set_id).in_(ids)).group_by(col(SetQuestion.set_id), col(SetQuestion.status)))
        states = {(set_id, status): n for set_id, status, n in session.exec(query)}
        query2 = (select(ClassAttempt.set_id, func.count(func.distinct(ClassAttempt.learner_id)))
                  .where(col(ClassAttempt.set_id).in_(ids)).group_by(col(ClassAttempt.set_id)))
        takers = dict(session.exec(query2).all())
    return [SetSummary(s, states.get((row_id(s), "approved"), 0), states.get((row_id(s), "rejected"), 0),
                       states.get((row_id(s), "pending"), 0), takers.get(row_id(s), 0)) for s in sets]


def code_in_use(*, session: Session, code: str) -> bool:
    return session.exec(select(ClassSet.id).where(ClassSet.join_code == code)).first() is not None


def list_set_articles(*, session: Session, set_id: int) -> list[SetArticle]:
    query = select(SetArticle).where(SetArticle.set_id == set_id).order_by(col(SetArticle.position), col(SetArticle.id))
    return list(session.exec(query))


def list_set_questions(
    *,
    session: Session,
    set_id: int,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    sections: Iterable[str] | None = None,
    difficulties: Iterable[int] | None = None,
    min_score: float | None = None,
    statuses: Iterable[str] | None = None,
) -> list[SetQuestion]:
    """A set's questions in the teacher's order, narrowed by any filter given."""
    query = select(SetQuestion).where(SetQuestion.set_id == set_id).order_by(col(SetQuestion.position), col(SetQuestion.id))
    if formats:
        query = query.where(col(SetQuestion.format).in_(list(formats)))
    if topics:
        query = query.where(col(SetQuestion.topic).in_(list(topics)))
    if sections:
        query = query.where(col(SetQuestion.source_section).in_(list(sections)))
    if difficulties:
        query = query.where(col(SetQuestion.difficulty).in_(list(difficulties)))
    if min_score is not None:
        query = query.where(SetQuestion.score >= min_score)
    if statuses:
        query = query.where(col(SetQuestion.status).in_(list(statuses)))
    return list(session.exec(query))


def get_set_question(*, session: Session, set_id: int, question_id: int) -> SetQuestion | None:
    question = session.get(SetQuestion, question_id)
    return question if question is not None and question.set_id == set_id else None


def get_set_questions(*, session: Session, ids: Iterable[int]) -> dict[int, SetQuestion]:
    wanted = list(ids)
    if not wanted:
        return {}
    return {q.id: q for q in session.exec(select(SetQuestion).where(col(SetQuestion.id).in_(wanted)))
            if q.id is not None}


def save_set_question(*, session: Session, question: SetQuestion) -> SetQuestion:
    return _saved(session, question)


def set_question_status(*, session: Session, set_id: int, ids: Iterable[int], status: str) -> int:
    """Approve or reject several questions of one set at once; returns how many changed."""
    wanted = list(ids)
    if not wanted:
        return 0
    # a verdict of approve or reject is the teacher's review, kept as a rating of the question
    result = session.exec(update(SetQuestion)
                          .where(col(SetQuestion.set_id) == set_id, col(SetQuestion.id).in_(wanted))
                          .values(status=status, reviewed=status in ("approved", "rejected")))
    session.commit()
    return result.rowcount or 0


def reviewed_questions(*, session: Session) -> list[tuple[SetQuestion, SetArticle]]:
    """Every generated question a teacher approved, rejected or edited, with its article: their verdicts,
    to be kept as ratings for the quality model."""
    query = (select(SetQuestion, SetArticle)
             .join(SetArticle, col(SetQuestion.set_article_id) == SetArticle.id)
             .where(col(SetQuestion.reviewed), SetQuestion.origin == "generated")
             .order_by(col(SetQuestion.set_id), col(SetQuestion.id)))
    return [(q, a) for q, a in session.exec(query)]


def _set_order(session: Session, set_id: int) -> list[SetQuestion]:
    return list(session.exec(select(SetQuestion).where(SetQuestion.set_id == set_id)
                             .order_by(col(SetQuestion.position), col(SetQuestion.id))))


def set_question_index(*, session: Session, set_id: int, question_id: int) -> int:
    """Where a question stands in its set's order (0 first)."""
    return next(i for i, q in enumerate(_set_order(session, set_id)) if q.id == question_id)


def move_set_question(*, session: Session, set_id: int, question_id: int, offset: int) -> bool:
    """Move a question `offset` places in the set's order (negative: earlier); False at either end."""
    order = _set_order(session, set_id)
    index = next((i for i, q in enumerate(order) if q.id == question_id), None)
    if index is None:
        return False
    target = min(max(index + offset, 0), len(order) - 1)
    if target == index:
        return False
    order.insert(target, order.pop(index))
    for position, q in enumerate(order):
        if q.position != position:
            q.position = position
            session.add(q)
    session.commit()
    return True


def next_position(*, session: Session, set_id: int) -> int:
    top = session.exec(select(func.max(SetQuestion.position)).where(SetQuestion.set_id == set_id)).one()
    return 0 if top is None else top + 1


# --- class attempts -----------------------------------------------------------------------------


def create_class_attempt(*, session: Session, set_id: int, learner_id: int, name: str,
                         question_ids: Sequence[int]) -> ClassAttempt:
    attempt = ClassAttempt(set_id=set_id, learner_id=learner_id, name=name, question_ids=list(question_ids))
    return _saved(session, attempt)


def get_class_attempt(*, session: Session, attempt_id: int) -> ClassAttempt | None:
    return session.get(ClassAttempt, attempt_id)


def list_learner_class_attempts(*, session: Session, set_id: int, learner_id: int) -> list[ClassAttempt]:
    """A student's attempts at a set, oldest first."""
    query = (select(ClassAttempt).where(ClassAttempt.set_id == set_id, ClassAttempt.learner_id == learner_id)
             .order_by(col(ClassAttempt.started_at), col(ClassAttempt.id)))
    return list(session.exec(query))


def private_uids(*, session: Session, deck_slug: str) -> set[str]:
    """The uids of a bundled deck's questions that a set with private answers holds."""
    query = (select(SetQuestion.uid).join(SetArticle, col(SetArticle.id) == SetQuestion.set_article_id)
             .join(ClassSet, col(ClassSet.id) == SetQuestion.set_id)
             .where(SetArticle.deck_slug == deck_slug, col(ClassSet.private_answers)))
    return set(session.exec(query))


def list_class_attempt_names(*, session: Session, set_id: int) -> list[str]:
    """The name given with each attempt at a set."""
    return list(session.exec(select(ClassAttempt.name).where(ClassAttempt.set_id == set_id)))


def list_class_answers(*, session: Session, attempt_id: int) -> list[ClassAnswer]:
    query = select(ClassAnswer).where(ClassAnswer.attempt_id == attempt_id).order_by(col(ClassAnswer.position))
    return list(session.exec(query))


def list_class_attempts(*, session: Session, set_id: int) -> list[ClassAttempt]:
    query = select(ClassAttempt).where(ClassAttempt.set_id == set_id).order_by(col(ClassAttempt.started_at), col(ClassAttempt.id))
    return list(session.exec(query))


def list_set_answers(*, session: Session, set_id: int) -> list[ClassAnswer]:
    """Every answer given to a set, for the results page and its CSV."""
    query = (select(ClassAnswer).join(ClassAttempt, col(ClassAnswer.attempt_id) == ClassAttempt.id)
             .where(ClassAttempt.set_id == set_id).order_by(col(ClassAnswer.attempt_id), col(ClassAnswer.position)))
    return list(session.exec(query))


def question_results(*, session: Session, set_id: int) -> dict[int, tuple[int, int]]:
    """Per question of a set: (answers given, answers right)."""
    right = func.sum(case((col(ClassAnswer.correct), 1), else_=0))
    query = (select(ClassAnswer.question_id, func.count(col(ClassAnswer.id)), right)
             .join(ClassAttempt, col(ClassAnswer.attempt_id) == ClassAttempt.id)
             .where(ClassAttempt.set_id == set_id).group_by(col(ClassAnswer.question_id)))
    return {qid: (n, int(r or 0)) for qid, n, r in session.exec(query)}


# --- claims and regrading ------------------------------------------------------------------------------------


def save_claim(*, session: Session, answer: ClassAnswer, claim: str) -> ClassAnswer:
    answer.claim = claim
    return _saved(session, answer)


def get_set_answer(*, session: Session, set_id: int, answer_id: int) -> ClassAnswer | None:
    """An answer given to this set (None for another set's)."""
    query = (select(ClassAnswer).join(ClassAttempt, col(ClassAnswer.attempt_id) == ClassAttempt.id)
             .where(ClassAnswer.id == answer_id, ClassAttempt.set_id == set_id))
    return session.exec(query).first()


def list_claims(*, session: Session, set_id: int) -> list[tuple[ClassAnswer, ClassAttempt]]:
    """The set's open claims, oldest first, each with its attempt (the student's name)."""
    query = (select(ClassAnswer, ClassAttempt).join(ClassAttempt, col(ClassAnswer.attempt_id) == ClassAttempt.id)
             .where(ClassAttempt.set_id == set_id, ClassAnswer.claim == "open").order_by(col(ClassAnswer.id)))
    return list(session.exec(query))


def list_question_answers(*, session: Session, question_id: int) -> list[ClassAnswer]:
    return list(session.exec(select(ClassAnswer).where(ClassAnswer.question_id == question_id)
                             .order_by(col(ClassAnswer.id))))


def save_regrade(*, session: Session, question: SetQuestion, answers: Sequence[ClassAnswer]) -> None:
    """A question (its accepted answers) and its regraded answers, with every attempt that holds one of them
    counted again, in one transaction."""
    session.add(question)
    session.add_all(answers)
    session.flush()
    attempt_ids = {a.attempt_id for a in answers}
    if attempt_ids:
        right = (select(func.count()).where(ClassAnswer.attempt_id == ClassAttempt.id,
                                            col(ClassAnswer.correct).is_(True)).scalar_subquery())
        session.exec(update(ClassAttempt).where(col(ClassAttempt.id).in_(attempt_ids))
                     .values(correct=right))
    session.commit()
