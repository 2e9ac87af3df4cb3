"""The JSON API under /api (OpenAPI docs at /api/docs): decks, questions, attempts and answers, exports.

A learner is the same signed cookie as on the pages: POST /api/learners once, then keep the cookie.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field

from quizgen.models import FORMATS, TOPICS
from web import attempts, crud, exports, files
from web.attempts import MAX_QUESTIONS
from web.deps import Id, RequiredLearner, RequiredLearnerId, SessionDep, article_or_404, deck_or_404
from web.learner import MAX_NAME, clean_name, remember
from web.models import Article, Question, row_id
from web.quiz import BadAnswer, parse_api_response
from web.routing import DatabaseRoute, in_thread


def operation_id(route: APIRoute) -> str:
    """The route's own name as its OpenAPI operationId, not one made up from its path and method."""
    return route.name


router = APIRouter(prefix="/api", route_class=DatabaseRoute, generate_unique_id_function=operation_id)


def example(**fields: Any) -> ConfigDict:
    """A model's example, shown in /api/docs."""
    return ConfigDict(json_schema_extra={"examples": [fields]})


KIROV_REF = {"id": 1, "slug": "kirov-assassination", "title": "Kirov Assassination", "questions": 12}
SOURCE = {"sentence": "Sergei Kirov was assassinated in Leningrad on December 1, 1934.", "section": "Lead"}
CURRENT = {"position": 0, "id": 7, "format": "multiple_choice", "topic": "place",
           "prompt": "Where was Sergei Kirov assassinated?", "options": ["Moscow", "Leningrad", "Kiev", "Minsk"],
           "events": [], "lefts": [], "rights": []}
ANSWER = {"position": 0, "question_id": 7, "correct": True, "response": "Leningrad", "expected": "Leningrad",
          "explanation": SOURCE["sentence"], "source": SOURCE}


class ArticleRef(BaseModel):
    model_config = example(**KIROV_REF)

    id: int
    slug: str
    title: str
    questions: int


class DeckOut(BaseModel):
    model_config = example(slug="kirov-assassination", title="Kirov Assassination", questions=12, articles=[KIROV_REF])

    slug: str
    title: str
    questions: int
    articles: list[ArticleRef]


class SectionOut(BaseModel):
    model_config = example(heading="Aftermath", paragraphs=["The NKVD expanded its powers."])

    heading: str
    paragraphs: list[str]


class ArticleOut(ArticleRef):
    model_config = example(**KIROV_REF, deck="kirov-assassination", sections=[
        {"heading": "", "paragraphs": ["Sergei Kirov was assassinated in Leningrad on December 1, 1934."]}])

    deck: str
    sections: list[SectionOut]


class SourceOut(BaseModel):
    model_config = example(**SOURCE)

    sentence: str
    section: str


class QuestionOut(BaseModel):
    """A question with its answer (the same fields as `quizgen generate --format json`)."""

    model_config = example(id=7, uid="3f9c2a7d1e0b4c55", article_id=1, format="multiple_choice", topic="place",
                           prompt="Where was Sergei Kirov assassinated?", answer="Leningrad",
                           choices=["Moscow", "Leningrad", "Kiev", "Minsk"], explanation=SOURCE["sentence"],
                           source=SOURCE, difficulty=1, score=0.81, tags=["place", "Lead"])

    id: int
    uid: str = Field(description="quizgen's stable id")
    article_id: int
    format: str
    topic: str
    prompt: str
    answer: Any = Field(description="a string; for timeline the events in order; for matching [left, right] pairs")
    choices: list[str]
    explanation: str
    source: SourceOut
    difficulty: int
    score: float
    tags: list[str]


class LearnerIn(BaseModel):
    model_config = example(name="Ada")

    name: str = Field(max_length=1000, description="the name a teacher knows the learner by")


class LearnerOut(BaseModel):
    model_config = example(id=1, name="Ada")

    id: int
    name: str


class AttemptIn(BaseModel):
    model_config = example(deck="kirov-assassination", count=10, formats=["multiple_choice", "true_false"])

    deck: str | None = Field(None, description="a deck slug, for a quiz on the whole deck")
    article_id: int | None = Field(None, ge=1, le=2**31 - 1, description="an article id, for a quiz on one article")
    count: int = Field(10, ge=1, le=MAX_QUESTIONS)
    formats: list[str] | None = Field(None, max_length=len(FORMATS), description=f"any of {', '.join(FORMATS)}")


class CurrentQuestion(BaseModel):
    """The question to answer now, without its answer."""

    model_config = example(**CURRENT)

    position: int
    id: int
    format: str
    topic: str
    prompt: str
    options: list[str] = Field(description="multiple choice and true/false: answer with one of these")
    events: list[str] = Field(description="timeline: answer with these in time order")
    lefts: list[str] = Field(description="matching: answer with [left, right] pairs")
    rights: list[str]
    self_marked: bool = Field(description="an answer too long to type: answer true if you had it, false if not "
                                          "(a typed answer is graded as usual)")


class AnswerIn(BaseModel):
    model_config = example(position=0, response="Leningrad")

    position: int = Field(ge=0, le=MAX_QUESTIONS, description="which question (0 is the first)")
    response: (bool | Annotated[str, Field(max_length=MAX_QUESTIONS)]
               | Annotated[list[str], Field(max_length=MAX_QUESTIONS)]
               | Annotated[list[list[str]], Field(max_length=MAX_QUESTIONS)]) = Field(
        description="a string; for timeline the events in order; for matching [left, right] pairs; for a question "
                    "the learner marks (self_marked), true or false")


class AnswerOut(BaseModel):
    model_config = example(**ANSWER)

    position: int
    question_id: int
    correct: bool
    why: str = Field(description='why it was graded so: "exact", "accepted: one letter off", "accepted: surname", '
                                 '"accepted: same date", "self-marked", "wrong", ...')
    response: Any
    expected: Any
    explanation: str
    source: SourceOut


class AnswerReply(AnswerOut):
    """The answer just given, checked, and what to answer now."""

    model_config = example(**ANSWER, next={**CURRENT, "position": 1, "id": 9})

    next: CurrentQuestion | None = Field(description="the question to answer now; null when the quiz is finished")


class AttemptOut(BaseModel):
    model_config = example(id=3, deck="kirov-assassination", article_id=None, total=10, answered=1, correct=1,
                           finished=False, current={**CURRENT, "position": 1, "id": 9}, answers=[ANSWER])

    id: int
    deck: str
    article_id: int | None
    total: int
    answered: int
    correct: int
    finished: bool
    current: CurrentQuestion | None
    answers: list[AnswerOut]


class FormatOut(BaseModel):
    model_config = example(name="gift", label="Moodle GIFT", suffix=".gift.txt", media_type="text/plain",
                           carries="every question; a timeline as matching")

    name: str = Field(description="as the export URLs spell it")
    label: str
    suffix: str = Field(description="the end of the file's name")
    media_type: str
    carries: str = Field(description="the question formats the file takes; the others are left out")


def _question_out(q: Question, article_id: int) -> QuestionOut:
    return QuestionOut(id=row_id(q), uid=q.uid, article_id=article_id, format=q.format, topic=q.topic,
                       prompt=q.prompt, answer=q.answer, choices=q.choices, explanation=q.explanation,
                       source=SourceOut(sentence=q.source_sentence, section=q.source_section),
                       difficulty=q.difficulty, score=q.score, tags=q.tags)


def _article_refs(session: SessionDep, articles: list[Article]) -> list[ArticleRef]:
    counts: dict[int, int] = {}
    for article_id, _, _, n in crud.question_counts(session=session):
        counts[article_id] = counts.get(article_id, 0) + n
    return [ArticleRef(id=row_id(a), slug=a.slug, title=a.title, questions=counts.get(row_id(a), 0)) for a in articles]


def _deck_out(session: SessionDep, deck: Any) -> DeckOut:
    refs = _article_refs(session, crud.list_articles(session=session, deck_id=deck.id))
    return DeckOut(slug=deck.slug, title=deck.title, questions=sum(r.questions for r in refs), articles=refs)


@router.get("/decks", response_model=list[DeckOut], tags=["decks"], summary="List the decks",
             description="Every deck of the library with its articles and how many questions each has.")
def list_decks(session: SessionDep) -> list[DeckOut]:
    return [_deck_out(session, d) for d in crud.list_decks(session=session)]


@router.get("/decks/{slug}", response_model=DeckOut, tags=["decks"], summary="Get one deck",
             description="A deck by its slug (as in `/api/decks`), with its articles; 404 when there is none.")
def get_deck(slug: str, session: SessionDep) -> DeckOut:
    return _deck_out(session, deck_or_404(session, slug))


Filter = Annotated[list[str] | None, Query(max_length=10)]


def _withheld(session: SessionDep, deck_id: int) -> set[str]:
    """The uids of the deck's questions that a teacher's private copy holds: they are not given out here."""
    deck = crud.get_deck_by_id(session=session, deck_id=deck_id)
    return crud.private_uids(session=session, deck_slug=deck.slug) if deck else set()


def _questions(session: SessionDep, *, deck_id: int, article_id: int | None = None,
               format: list[str] | None = None, topic: list[str] | None = None) -> list[QuestionOut]:
    for value, allowed, what in ((format, FORMATS, "format"), (topic, TOPICS, "topic")):
        bad = sorted(set(value or ()) - set(allowed))
        if bad:
            raise HTTPException(422, f"unknown {what} {', '.join(bad)}; choose from {', '.join(allowed)}")
    questions = crud.list_questions(session=session, deck_id=deck_id, article_id=article_id, formats=format,
                                    topics=topic)
    withheld = _withheld(session, deck_id)
    questions = [q for q in questions if q.uid not in withheld]
    articles = crud.question_articles(session=session, ids=[row_id(q) for q in questions])
    return [_question_out(q, row_id(articles[row_id(q)])) for q in questions]


@router.get("/decks/{slug}/questions", response_model=list[QuestionOut], tags=["questions"], summary="List a deck's questions",
             description="The questions a quiz on the deck draws from, with their answers and source sentences. Filter with `format` and `topic` (each may be repeated).")
def deck_questions(slug: str, session: SessionDep, format: Filter = None, topic: Filter = None) -> list[QuestionOut]:
    deck = deck_or_404(session, slug)
    return _questions(session, deck_id=row_id(deck), format=format, topic=topic)


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["decks"], summary="Get one article",
             description="An article of a deck with its sections and paragraphs, the text the questions come from.")
def get_article(article_id: Id, session: SessionDep) -> ArticleOut:
    article = article_or_404(session, article_id)
    deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    ref = _article_refs(session, [article])[0]
    return ArticleOut(**ref.model_dump(), deck=deck.slug if deck else "",
                      sections=[SectionOut(**s) for s in article.body["sections"]])


@router.get("/articles/{article_id}/questions", response_model=list[QuestionOut], tags=["questions"], summary="List an article's questions",
             description="The questions of one article; filter with `format` and `topic` as for a deck.")
def article_questions(article_id: Id, session: SessionDep, format: Filter = None,
                      topic: Filter = None) -> list[QuestionOut]:
    article = article_or_404(session, article_id)
    return _questions(session, deck_id=article.deck_id, article_id=article_id, format=format, topic=topic)


@router.get("/questions/{question_id}", response_model=QuestionOut, tags=["questions"], summary="Get one question",
             description="A question by its id, with its answer, options and source sentence.")
def get_question(question_id: Id, session: SessionDep) -> QuestionOut:
    question = crud.get_question(session=session, question_id=question_id)
    article = crud.question_articles(session=session, ids=[question_id]).get(question_id) if question else None
    if question is None or article is None or question.uid in _withheld(session, article.deck_id):
        raise HTTPException(404, f"There is no question number {question_id}.")
    return _question_out(question, row_id(article))


@router.post("/learners", response_model=LearnerOut, status_code=201, tags=["attempts"], summary="Become a learner")
def create_learner(body: LearnerIn, request: Request, response: Response, session: SessionDep) -> LearnerOut:
    """Become a learner: the answer sets the signed cookie that the attempt endpoints need."""
    try:
        name = clean_name(body.name)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    learner = crud.create_learner(session=session, name=name[:MAX_NAME])
    remember(request, response, learner)
    return LearnerOut(id=row_id(learner), name=learner.name)


@router.get("/learners/me", response_model=LearnerOut, tags=["attempts"], summary="Who am I",
             description="The learner the cookie names; 401 without one (POST /api/learners first).")
def who_am_i(learner: RequiredLearner) -> LearnerOut:
    return LearnerOut(id=row_id(learner), name=learner.name)


def _answer_out(f: attempts.Feedback) -> AnswerOut:
    return AnswerOut(position=f.position, question_id=row_id(f.question), correct=f.correct, why=f.why, response=f.response,
                     expected=f.question.answer, explanation=f.question.explanation,
                     source=SourceOut(sentence=f.question.source_sentence, section=f.question.source_section))


def _current(state: attempts.Progress) -> CurrentQuestion | None:
    if state.done:
        return None
    v = state.view_at(state.answered)
    return CurrentQuestion(position=state.answered, id=v.id, format=v.format, topic=v.topic, prompt=v.prompt,
                           options=v.options, events=v.events, lefts=v.lefts, rights=v.rights,
                           self_marked=v.self_marked)


def _attempt_out(session: SessionDep, state: attempts.Progress) -> AttemptOut:
    deck = crud.get_deck_by_id(session=session, deck_id=state.attempt.deck_id)
    current = _current(state)
    answers = [_answer_out(state.feedback(i)) for i in range(state.answered)]
    return AttemptOut(id=row_id(state.attempt), deck=deck.slug if deck else "", article_id=state.attempt.article_id,
                      total=state.total, answered=state.answered, correct=state.attempt.correct, finished=state.done,
                      current=current, answers=answers)


@router.post("/attempts", response_model=AttemptOut, status_code=201, tags=["attempts"], summary="Start a quiz")
def create_attempt(body: AttemptIn, session: SessionDep, learner: RequiredLearner) -> AttemptOut:
    """Start a quiz on a deck (`deck`) or on one article (`article_id`)."""
    if (body.deck is None) == (body.article_id is None):
        raise HTTPException(422, "Give either a deck or an article_id.")
    if body.article_id is not None:
        article = article_or_404(session, body.article_id)
        deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    else:
        article, deck = None, deck_or_404(session, body.deck or "")
    if deck is None:  # an article goes with its deck
        raise HTTPException(404, "That article's deck is gone.")
    try:
        attempt = attempts.start(session, learner, deck, article, count=body.count, formats=body.formats)
    except attempts.CannotStart as exc:
        raise HTTPException(422, str(exc)) from None
    return _attempt_out(session, attempts.progress(session, row_id(learner), row_id(attempt), window=1))


@router.get("/attempts/{attempt_id}", response_model=AttemptOut, tags=["attempts"], summary="Get a quiz",
             description="One of your quizzes: the question to answer now (without its answer) and the answers given so far, checked. 404 for anyone else's.")
def get_attempt(attempt_id: Id, session: SessionDep, learner_id: RequiredLearnerId) -> AttemptOut:
    return _attempt_out(session, attempts.progress(session, learner_id, attempt_id))


@router.post("/attempts/{attempt_id}/answers", response_model=AnswerReply, tags=["attempts"], summary="Answer the current question")
async def answer_question(attempt_id: Id, body: AnswerIn, session: SessionDep,
                          learner_id: RequiredLearnerId) -> AnswerReply:
    """Answer the current question; the reply says whether it was right, with the answer and its source,
    and gives the next question (so a client needs no GET of the attempt between answers)."""
    def work() -> AnswerReply:
        state = attempts.progress(session, learner_id, attempt_id, window=2)  # this question and the next
        attempts.check_position(state, body.position)
        if body.position < state.answered:  # posted again: the first answer stands
            state = attempts.progress(session, learner_id, attempt_id)
        else:
            try:
                response = parse_api_response(state.view_at(body.position), body.response)
            except BadAnswer as exc:
                raise HTTPException(422, str(exc)) from None
            attempts.record(session, state, body.position, response)
        return AnswerReply(**dict(_answer_out(state.feedback(body.position))), next=_current(state))

    return await in_thread(session, work)  # the busiest route: one worker thread, not two


@router.get("/exports", response_model=list[FormatOut], tags=["exports"], summary="List the export formats",
             description="Each format a deck or article downloads in, and which questions it carries.")
def export_formats() -> list[FormatOut]:
    return [FormatOut(name=f.name, label=f.label, suffix=f.suffix, media_type=f.media_type, carries=f.carries)
            for f in exports.formats()]


FILE: dict[int | str, dict[str, Any]] = {200: {"description": "the exported file",
                                                "content": {"application/octet-stream": {}}}}


@router.get("/decks/{slug}/exports/{fmt}", tags=["exports"], response_class=Response, responses=FILE, summary="Download a deck",
             description="The whole deck as a file in format `fmt` (a `name` from `/api/exports`).")
def export_deck(slug: str, fmt: str, session: SessionDep) -> Response:
    return files.deck_file(session, slug, fmt)


@router.get("/articles/{article_id}/exports/{fmt}", tags=["exports"], response_class=Response, responses=FILE, summary="Download an article",
             description="One article as a file in format `fmt` (a `name` from `/api/exports`).")
def export_article(article_id: Id, fmt: str, session: SessionDep) -> Response:
    return files.article_file(session, article_id, fmt)
