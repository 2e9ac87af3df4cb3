"""The web app's tables. Schema changes go through Alembic (web/migrations), never create_all.

Times are stored as naive UTC (SQLite keeps no time zone, so both backends store the same thing)
and read back as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import JSON, Column, DateTime, Dialect, Text, TypeDecorator, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use aware UTC datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def row_id(row: SQLModel) -> int:
    """The id of a row read from (or saved to) the database, which always has one."""
    value = getattr(row, "id", None)
    if value is None:
        raise ValueError(f"{type(row).__name__} has not been saved")
    return int(value)


def when(*, nullable: bool = False, index: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_type=UTCDateTime, nullable=True, index=index)
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=index)


def fk(target: str, *, nullable: bool = False) -> Any:
    """An indexed foreign key that goes with its parent row (deleting a deck deletes its articles, ...)."""
    if nullable:
        return Field(default=None, foreign_key=target, ondelete="CASCADE", nullable=True, index=True)
    return Field(foreign_key=target, ondelete="CASCADE", index=True)


def why_field() -> Any:
    """Why an answer was graded as it was (web.grading.Decision.why)."""
    return Field(default="", max_length=60, sa_column_kwargs={"server_default": ""})


class Deck(SQLModel, table=True):
    __tablename__ = "decks"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True, index=True)
    title: str = Field(max_length=300)
    created_at: datetime = when()


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("deck_id", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    deck_id: int = fk("decks.id")
    slug: str = Field(max_length=120)
    title: str = Field(max_length=300)
    position: int = 0
    source: str = Field(default="", max_length=1000)
    # quizgen.models.Article.to_dict(): sections and see-also, from which Article.text is rebuilt
    body: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class ArticleFact(SQLModel, table=True):
    """One highlighted span of an article: a date, a mention of a person, place or organization, a causal link."""

    __tablename__ = "article_facts"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = fk("articles.id")
    kind: str = Field(max_length=20)  # date, person, place, organization, cause
    key: str = Field(max_length=300)  # ISO start of a date, canonical name of an entity, cue of a causal link
    label: str = Field(sa_column=Column(Text, nullable=False))  # as shown: "December 1, 1934", "Sergei Kirov"
    detail: str = Field(sa_column=Column(Text, nullable=False))  # a date's event, a person's description, ...
    start: int
    end: int
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    section: str = Field(max_length=300)


class QuestionSet(SQLModel, table=True):
    __tablename__ = "question_sets"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = fk("articles.id")
    title: str = Field(max_length=300)
    generated_at: datetime = when()


def long_text(*, default: str | None = None) -> Any:
    """A text column of any length; sa_type (not a shared sa_column) so each table that inherits it gets its own."""
    if default is None:
        return Field(sa_type=Text, nullable=False)
    return Field(default=default, sa_type=Text, nullable=False, sa_column_kwargs={"server_default": default})


def json_column(*, nullable: bool = False) -> Any:
    return Field(default=None, sa_type=JSON, nullable=True) if nullable else Field(sa_type=JSON, nullable=False)


class QuestionFields(SQLModel):
    """What a library question and a teacher's set question both hold, declared once."""

    uid: str = Field(max_length=64)  # quizgen's stable id (also the Anki GUID seed), or "added-..." for a teacher's
    position: int
    format: str = Field(max_length=20)
    topic: str = Field(max_length=20)
    prompt: str = long_text()
    answer: Any = json_column()  # str, or a list for timeline/matching
    choices: list[str] = json_column()
    explanation: str = long_text()
    source_sentence: str = long_text()
    source_section: str = Field(max_length=300)
    difficulty: int = 2
    score: float = 0.5
    tags: list[str] = json_column()
    # what counts most against it, for a question the quality model would not serve; and what the model read
    reason: str = long_text(default="")
    features: dict[str, float] | None = json_column(nullable=True)


class AttemptFields(SQLModel):
    """A run through a quiz, in the library or in a class; its questions are fixed when it starts."""

    learner_id: int = fk("learners.id")
    question_ids: list[int] = json_column()
    started_at: datetime = when()
    finished_at: datetime | None = when(nullable=True)
    correct: int = 0


class AnswerFields(SQLModel):
    # each table names the attempt and question tables it refers to
    attempt_id: int
    question_id: int
    position: int  # index into the attempt's question_ids
    response: Any = json_column()  # what the learner gave, as given
    correct: bool
    why: str = why_field()
    answered_at: datetime = when()


class Question(QuestionFields, table=True):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("question_set_id", "uid"),)

    id: int | None = Field(default=None, primary_key=True)
    question_set_id: int = fk("question_sets.id")
    # the library is searched by these
    uid: str = Field(max_length=64, index=True)
    format: str = Field(max_length=20, index=True)
    topic: str = Field(max_length=20, index=True)
    # a suggestion the quality model does not expect a teacher to keep: the library's quizzes leave it out,
    # a teacher's set from the deck offers it in the editor
    served: bool = Field(default=True, index=True)


class Learner(SQLModel, table=True):
    __tablename__ = "learners"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=60)
    created_at: datetime = when()


class Attempt(AttemptFields, table=True):
    """One run through a library quiz."""

    __tablename__ = "attempts"

    id: int | None = Field(default=None, primary_key=True)
    deck_id: int = fk("decks.id")
    article_id: int | None = fk("articles.id", nullable=True)  # None: the whole deck


class Answer(AnswerFields, table=True):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = fk("attempts.id")
    question_id: int = fk("questions.id")


class CardFields(SQLModel):
    """A learner's FSRS state for one flashcard; no row means the card is new."""

    learner_id: int = fk("learners.id")
    question_id: int  # each table names the question table it refers to
    due: datetime = when(index=True)
    card: dict[str, Any] = json_column()  # fsrs.Card.to_dict()


class ReviewFields(SQLModel):
    """One review of a flashcard, as FSRS logged it."""

    learner_id: int = fk("learners.id")
    question_id: int  # each table names the question table it refers to
    rating: int  # fsrs.Rating: 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: datetime = when()
    due_after: datetime = when()
    log: dict[str, Any] = json_column()  # fsrs.ReviewLog.to_dict()


class CardState(CardFields, table=True):
    """A flashcard of the library (a question of a deck)."""

    __tablename__ = "card_states"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = fk("questions.id")


class ReviewLog(ReviewFields, table=True):
    __tablename__ = "review_logs"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = fk("questions.id")


# --- teachers and their question sets -------------------------------------------------------------


class Teacher(SQLModel, table=True):
    __tablename__ = "teachers"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)  # stored lower-cased
    name: str = Field(max_length=60)
    password_hash: str = Field(max_length=300)  # argon2id, as PasswordHasher writes it
    # written into the session cookie at log-in; log-out moves it on, so every cookie signed before is refused
    session_generation: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = when()


class LoginFailure(SQLModel, table=True):
    """One failed log-in; counted per account and per address so the limit holds across workers."""

    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(max_length=254, index=True)
    ip: str = Field(max_length=64, index=True)
    at: datetime = when(index=True)


class ClassSet(SQLModel, table=True):
    """A teacher's own copy of questions from a deck or an article: reviewed, edited, published to a class."""

    __tablename__ = "class_sets"

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = fk("teachers.id")
    title: str = Field(max_length=300)
    slug: str = Field(max_length=120)
    # building (questions being generated in the background), ready, failed
    status: str = Field(default="ready", max_length=20)
    progress_step: str = Field(default="", max_length=300)
    progress_done: int = 0
    progress_total: int = 0
    error: str = Field(default="", sa_column=Column(Text, nullable=False))
    notice: str = Field(default="", sa_column=Column(Text, nullable=False))  # e.g. what an import could not apply
    # customisations from an imported deck.toml, applied once its questions are generated
    pending: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # an article still to be fetched by the build (its address, and the layout the teacher chose or ""); cleared
    # once the article is read, so a retry after a failed fetch fetches again
    fetch_url: str = Field(default="", max_length=2000)
    fetch_format: str = Field(default="", max_length=20)
    # the build that holds the set while it is "building", and until when (web.leases); its heartbeat renews it
    lease_owner: str = Field(default="", max_length=64)
    lease_until: datetime | None = when(nullable=True)
    # what a student gets
    question_count: int = 10  # drawn from the approved questions; 0 means all of them
    shuffle_questions: bool = False  # False: every student gets the teacher's order
    shuffle_choices: bool = True
    feedback: str = Field(default="immediate", max_length=20)  # immediate, end
    attempts_allowed: int = 1  # 0 means no limit
    join_code: str | None = Field(default=None, max_length=12, unique=True, index=True)
    published: bool = False
    # a private copy of bundled questions: the public API withholds the deck's questions that it holds
    private_answers: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    created_at: datetime = when()
    updated_at: datetime = when()


class SetArticle(SQLModel, table=True):
    """An article a set was made from (a copy, so the set stands alone and can be exported whole)."""

    __tablename__ = "set_articles"

    id: int | None = Field(default=None, primary_key=True)
    set_id: int = fk("class_sets.id")
    position: int = 0
    title: str = Field(max_length=300)
    source: str = Field(default="", max_length=1000)  # file name, URL, or "pasted text"
    deck_slug: str = Field(default="", max_length=120)  # the bundled deck it came from, if any
    article_slug: str = Field(default="", max_length=120)
    body: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # quizgen Article.to_dict()


class SetQuestion(QuestionFields, table=True):
    __tablename__ = "set_questions"
    __table_args__ = (UniqueConstraint("set_id", "uid"),)

    id: int | None = Field(default=None, primary_key=True)
    set_id: int = fk("class_sets.id")
    set_article_id: int = fk("set_articles.id")
    origin: str = Field(default="generated", max_length=20)  # generated, added
    # approved (the quality model's pick, or the teacher's), suggested (left out, with the reason), pending, rejected
    status: str = Field(default="pending", max_length=20, index=True)
    edited: bool = False
    # the teacher approved, rejected or edited it: their verdict, kept as a rating for the quality model
    reviewed: bool = False
    # typed answers the teacher also accepts (web.grading)
    accepted: list[str] = Field(default_factory=list,
                                sa_column=Column(JSON, nullable=False, server_default=text("'[]'")))


class ClassAttempt(AttemptFields, table=True):
    """A student's run through a published set."""

    __tablename__ = "class_attempts"

    id: int | None = Field(default=None, primary_key=True)
    set_id: int = fk("class_sets.id")
    name: str = Field(max_length=60)  # the name given when starting, as the teacher sees it


class ClassAnswer(AnswerFields, table=True):
    __tablename__ = "class_answers"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = fk("class_attempts.id")
    question_id: int = fk("set_questions.id")
    # the student's "I was right" on a wrong answer: open, then accepted or declined by the teacher
    claim: str = Field(default="", max_length=20, sa_column_kwargs={"server_default": ""})


class SetCardState(CardFields, table=True):
    """A flashcard of a published set (a question of the set)."""

    __tablename__ = "set_card_states"
    __table_args__ = (UniqueConstraint("learner_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = fk("set_questions.id")


class SetReviewLog(ReviewFields, table=True):
    __tablename__ = "set_review_logs"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = fk("set_questions.id")
