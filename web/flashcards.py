"""Flashcards scheduled with FSRS (the `fsrs` package): which questions make cards, what is due, reviews."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fsrs import Card, Rating, Scheduler

from web.grading import normalise
from web.models import CardFields, Question, row_id

# true/false statements make poor cards (half of them are false); the rest read as question -> answer
CARD_FORMATS = ("short_answer", "cloze", "multiple_choice", "timeline", "matching")
RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}


def scheduler() -> Scheduler:
    # no fuzzing: the same reviews always give the same due dates
    return Scheduler(enable_fuzzing=False)


def card_questions(questions: Sequence[Question]) -> list[Question]:
    """One card per fact: of the questions with the same source sentence and answer, the best format."""
    best: dict[tuple[str, str], Question] = {}
    for q in questions:
        if q.format not in CARD_FORMATS:
            continue
        key = (normalise(q.source_sentence), normalise(str(q.answer)))
        if key not in best or CARD_FORMATS.index(q.format) < CARD_FORMATS.index(best[key].format):
            best[key] = q
    keep = {id(q) for q in best.values()}
    return [q for q in questions if id(q) in keep]


@dataclass(frozen=True)
class Due:
    new: int
    due: int
    total: int
    next_due: datetime | None  # the earliest review still to come, when nothing is due now

    @property
    def now(self) -> int:
        return self.new + self.due


def due_summary(cards: Sequence[Question], states: Mapping[int, CardFields], now: datetime) -> Due:
    known = [states[row_id(q)] for q in cards if row_id(q) in states]
    due = sum(1 for s in known if s.due <= now)
    new = len(cards) - len(known)
    later = [s.due for s in known if s.due > now]
    return Due(new=new, due=due, total=len(cards), next_due=min(later) if later else None)


def next_card(cards: Sequence[Question], states: Mapping[int, CardFields], now: datetime) -> Question | None:
    """Reviews that are due first (most overdue first), then new cards in article order."""
    due = sorted((states[row_id(q)].due, i) for i, q in enumerate(cards)
                 if row_id(q) in states and states[row_id(q)].due <= now)
    if due:
        return cards[due[0][1]]
    return next((q for q in cards if q.id not in states), None)


def review(
    question_id: int, state: CardFields | None, rating: Rating, now: datetime
) -> tuple[dict[str, Any], datetime, dict[str, Any]]:
    """Apply a rating: the card's new state, when it is due next, and the review log."""
    card = Card.from_dict(state.card) if state is not None else Card(card_id=question_id, due=now)  # type: ignore[arg-type]  # the JSON dict fsrs wrote
    card, log = scheduler().review_card(card, rating, review_datetime=now)
    return dict(card.to_dict()), card.due, dict(log.to_dict())
