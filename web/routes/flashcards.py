"""Flashcards: the next due card of a deck, flip it, rate it Again / Hard / Good / Easy (FSRS)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from web import crud, flashcards
from web.deps import Id, RequiredLearner, SessionDep, deck_or_404
from web.models import CardState, Deck, Learner, Question
from web.quiz import answer_lines
from web.routing import DatabaseRoute
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)


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
class CardView:
    question: Question
    items: list[str]  # what the front lists: a timeline's events (sorted by name), a matching's left items
    back: list[str]
    choices: list[tuple[str, str, str]]  # (rating name, label, next interval)


def _card_view(question: Question, state: CardState | None, now: datetime) -> CardView:
    items: list[str] = []
    if question.format == "timeline":
        items = sorted(str(e) for e in question.answer)
    elif question.format == "matching":
        items = [str(a) for a, _ in question.answer]
    choices = []
    for name, rating in flashcards.RATINGS.items():
        _, due, _ = flashcards.review(question.id, state, rating, now)  # type: ignore[arg-type]
        choices.append((name, name.capitalize(), humanise(due - now)))
    return CardView(question, items, answer_lines(question.format, question.answer), choices)


def _deck_cards(session: Session, deck: Deck, learner: Learner) -> tuple[list[Question], dict]:
    cards = flashcards.card_questions(crud.list_questions(session=session, deck_id=deck.id))
    states = crud.card_states(session=session, learner_id=learner.id, question_ids=[q.id for q in cards])  # type: ignore[arg-type, misc]
    return cards, states


def _page(request: Request, session: Session, deck: Deck, learner: Learner, *, flipped: Question | None = None,
          status_code: int = 200) -> HTMLResponse:
    now = datetime.now(UTC)
    cards, states = _deck_cards(session, deck, learner)
    current = flipped or flashcards.next_card(cards, states, now)
    context = {
        "deck": deck,
        "due": flashcards.due_summary(cards, states, now),
        "card": _card_view(current, states.get(current.id), now) if current else None,
        "flipped": flipped is not None,
        "reviews": crud.count_reviews(session=session, learner_id=learner.id),  # type: ignore[arg-type]
        "next_in": None,
    }
    if current is None and context["due"].next_due is not None:
        context["next_in"] = humanise(context["due"].next_due - now)
    return render(request, "flashcards/deck.html", context, block="card", status_code=status_code)


def _card_of_deck(session: Session, deck: Deck, learner: Learner, question_id: int) -> Question:
    cards, _ = _deck_cards(session, deck, learner)
    for q in cards:
        if q.id == question_id:
            return q
    raise HTTPException(404, f"There is no flashcard number {question_id} in “{deck.title}”.")


@router.get("/decks/{slug}/flashcards", response_class=HTMLResponse, name="flashcards")
def flashcards_page(request: Request, slug: str, session: SessionDep, learner: RequiredLearner) -> HTMLResponse:
    return _page(request, session, deck_or_404(session, slug), learner)


@router.get("/decks/{slug}/flashcards/{question_id}", response_class=HTMLResponse, name="flashcard_back")
def flashcard_back(request: Request, slug: str, question_id: Id, session: SessionDep,
                   learner: RequiredLearner) -> HTMLResponse:
    """The card turned over: its answer and the rating buttons."""
    deck = deck_or_404(session, slug)
    return _page(request, session, deck, learner, flipped=_card_of_deck(session, deck, learner, question_id))


@router.post("/decks/{slug}/flashcards/{question_id}", name="review")
def review(request: Request, slug: str, question_id: Id, session: SessionDep, learner: RequiredLearner,
           rating: Annotated[str, Form(max_length=10)] = "") -> Response:
    deck = deck_or_404(session, slug)
    question = _card_of_deck(session, deck, learner, question_id)
    if rating not in flashcards.RATINGS:
        raise HTTPException(422, "Rate the card with Again, Hard, Good or Easy.")
    now = datetime.now(UTC)
    state = crud.card_states(session=session, learner_id=learner.id, question_ids=[question_id]).get(question_id)  # type: ignore[arg-type]
    card, due, log = flashcards.review(question_id, state, flashcards.RATINGS[rating], now)
    crud.save_review(session=session, learner_id=learner.id, question_id=question.id, card=card, due=due,  # type: ignore[arg-type]
                     rating=int(flashcards.RATINGS[rating]), reviewed_at=now, log=log)
    if is_htmx(request):
        return _page(request, session, deck, learner)
    return RedirectResponse(request.app.url_path_for("flashcards", slug=deck.slug), status_code=303)
