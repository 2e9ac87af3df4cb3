"""Flashcards: the next due card of a library deck or of a teacher's published set, flip it, rate it
Again / Hard / Good / Easy (FSRS). Keyboard as in Anki: space shows the answer, 1-4 rate it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from web import crud, flashcards, sets
from web.deps import Id, RequiredLearner, SessionDep, deck_or_404
from web.models import Learner, Question, SetQuestion, row_id
from web.quiz import answer_lines
from web.routing import DatabaseRoute
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)

Code = Annotated[str, Path(max_length=20)]
KEYS = ("1", "2", "3", "4")  # Anki's keys for Again, Hard, Good, Easy


def humanise(delta: timedelta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = round(minutes / 60)
    if hours < 24:
        return f"{hours} h"
    days = round(hours / 24)
    return f"{days} day{'s' if days != 1 else ''}" if days < 60 else f"{round(days / 30)} months"


@dataclass(frozen=True)
class Source:
    """Where the cards come from: a library deck (`slug`) or a published set (`code`), and where the page links."""

    title: str
    questions: list[Any]  # Question or SetQuestion, in order
    of_sets: bool
    params: dict[str, str]  # the path parameters of the routes below
    page: str
    flip: str
    rate: str
    crumbs: list[tuple[str, str]] = field(default_factory=list)  # (label, url) before the title


@dataclass(frozen=True)
class CardView:
    question: Question | SetQuestion
    items: list[str]  # what the front lists: a timeline's events (sorted by name), a matching's left items
    back: list[str]
    choices: list[tuple[str, str, str, str]]  # (rating name, label, next interval, key)


def _card_view(question: Question | SetQuestion, state: Any, now: datetime) -> CardView:
    items: list[str] = []
    if question.format == "timeline":
        items = sorted(str(e) for e in question.answer)
    elif question.format == "matching":
        items = [str(a) for a, _ in question.answer]
    choices = []
    for (name, rating), key in zip(flashcards.RATINGS.items(), KEYS, strict=True):
        _, due, _ = flashcards.review(row_id(question), state, rating, now)
        choices.append((name, name.capitalize(), humanise(due - now), key))
    return CardView(question, items, answer_lines(question.format, question.answer), choices)


def _cards(session: Session, source: Source, learner: Learner) -> tuple[list[Any], dict[int, Any]]:
    cards = flashcards.card_questions(source.questions)
    states = crud.card_states(session=session, learner_id=row_id(learner), question_ids=[row_id(q) for q in cards],
                              of_sets=source.of_sets)
    return cards, states


def _page(request: Request, session: Session, source: Source, learner: Learner, *,
          flipped: Question | SetQuestion | None = None, status_code: int = 200) -> HTMLResponse:
    now = datetime.now(UTC)
    cards, states = _cards(session, source, learner)
    current = flipped or flashcards.next_card(cards, states, now)
    due = flashcards.due_summary(cards, states, now)
    context = {
        "source": source,
        "due": due,
        "card": _card_view(current, states.get(row_id(current)), now) if current else None,
        "flipped": flipped is not None,
        "reviews": crud.count_reviews(session=session, learner_id=row_id(learner), of_sets=source.of_sets),
        "next_in": humanise(due.next_due - now) if current is None and due.next_due is not None else None,
    }
    return render(request, "flashcards/deck.html", context, block="card", status_code=status_code)


def _card_of(session: Session, source: Source, learner: Learner, question_id: int) -> Question | SetQuestion:
    cards, _ = _cards(session, source, learner)
    for q in cards:
        if q.id == question_id:
            return q
    raise HTTPException(404, f"There is no flashcard number {question_id} in “{source.title}”.")


def _review(request: Request, session: Session, source: Source, learner: Learner, question_id: int,
            rating: str) -> Response:
    question = _card_of(session, source, learner, question_id)
    if rating not in flashcards.RATINGS:
        raise HTTPException(422, "Rate the card with Again, Hard, Good or Easy.")
    now = datetime.now(UTC)
    states = crud.card_states(session=session, learner_id=row_id(learner), question_ids=[question_id],
                              of_sets=source.of_sets)
    card, due, log = flashcards.review(question_id, states.get(question_id), flashcards.RATINGS[rating], now)
    crud.save_review(session=session, learner_id=row_id(learner), question_id=row_id(question), card=card, due=due,
                     rating=int(flashcards.RATINGS[rating]), reviewed_at=now, log=log, of_sets=source.of_sets)
    if is_htmx(request):
        return _page(request, session, source, learner)
    return RedirectResponse(request.app.url_path_for(source.page, **source.params), status_code=303)


# --- a deck of the library ------------------------------------------------------------------------


def deck_source(request: Request, session: Session, slug: str) -> Source:
    deck = deck_or_404(session, slug)
    return Source(deck.title, crud.list_questions(session=session, deck_id=deck.id), False, {"slug": deck.slug},
                  "flashcards", "flashcard_back", "review", [("Library", request.app.url_path_for("library"))])


@router.get("/decks/{slug}/flashcards", response_class=HTMLResponse, name="flashcards")
def flashcards_page(request: Request, slug: str, session: SessionDep, learner: RequiredLearner) -> HTMLResponse:
    return _page(request, session, deck_source(request, session, slug), learner)


@router.get("/decks/{slug}/flashcards/{question_id}", response_class=HTMLResponse, name="flashcard_back")
def flashcard_back(request: Request, slug: str, question_id: Id, session: SessionDep,
                   learner: RequiredLearner) -> HTMLResponse:
    """The card turned over: its answer and the rating buttons."""
    source = deck_source(request, session, slug)
    return _page(request, session, source, learner, flipped=_card_of(session, source, learner, question_id))


@router.post("/decks/{slug}/flashcards/{question_id}", name="review")
def review(request: Request, slug: str, question_id: Id, session: SessionDep, learner: RequiredLearner,
           rating: Annotated[str, Form(max_length=10)] = "") -> Response:
    return _review(request, session, deck_source(request, session, slug), learner, question_id, rating)


# --- a teacher's published set, opened from its share page ----------------------------------------


def set_source(request: Request, session: Session, code: str) -> Source:
    class_set = crud.get_class_set_by_code(session=session, code=sets.clean_code(code))
    if class_set is None or not class_set.published:
        raise HTTPException(404, "No published set has that code. Check it with your teacher.")
    approved = crud.list_set_questions(session=session, set_id=row_id(class_set), statuses=["approved"])
    return Source(class_set.title, approved, True, {"code": class_set.join_code or ""},
                  "set_flashcards", "set_flashcard_back", "set_review",
                  [(class_set.title, request.app.url_path_for("join_code", code=class_set.join_code))])


@router.get("/join/{code}/flashcards", response_class=HTMLResponse, name="set_flashcards")
def set_flashcards_page(request: Request, code: Code, session: SessionDep, learner: RequiredLearner) -> HTMLResponse:
    return _page(request, session, set_source(request, session, code), learner)


@router.get("/join/{code}/flashcards/{question_id}", response_class=HTMLResponse, name="set_flashcard_back")
def set_flashcard_back(request: Request, code: Code, question_id: Id, session: SessionDep,
                       learner: RequiredLearner) -> HTMLResponse:
    source = set_source(request, session, code)
    return _page(request, session, source, learner, flipped=_card_of(session, source, learner, question_id))


@router.post("/join/{code}/flashcards/{question_id}", name="set_review")
def set_review(request: Request, code: Code, question_id: Id, session: SessionDep, learner: RequiredLearner,
               rating: Annotated[str, Form(max_length=10)] = "") -> Response:
    return _review(request, session, set_source(request, session, code), learner, question_id, rating)
