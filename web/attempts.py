"""Quiz attempts, shared by the pages and the JSON API: start one, see where it stands, answer."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlmodel import Session

from quizgen.models import FORMATS
from web import crud
from web.grading import grade
from web.models import Answer, Article, Attempt, Deck, Learner, Question, row_id
from web.problems import Invalid, NotFound, OutOfOrder
from web.quiz import BadAnswer, QuestionView, answer_lines, read_response, view

MAX_QUESTIONS = 500


class CannotStart(ValueError):
    """No quiz can be made from what was asked (unknown format, no matching question)."""


def start(session: Session, learner: Learner, deck: Deck, article: Article | None, *, count: int,
          formats: Sequence[str] | None) -> Attempt:
    """A new attempt with `count` questions drawn at random (of the given formats, if any)."""
    unknown = sorted(set(formats or ()) - set(FORMATS))
    if unknown:
        raise CannotStart(f"Unknown question format: {', '.join(unknown)}.")
    ids = crud.list_question_ids(session=session, deck_id=deck.id, article_id=article.id if article else None,
                                 formats=formats or None)
    if not ids:
        raise CannotStart("No questions match that choice of formats; pick at least one that has questions.")
    return crud.create_attempt(session=session, learner_id=row_id(learner), deck_id=row_id(deck),
                               article_id=article.id if article else None,
                               question_ids=random.sample(ids, min(count, len(ids))))


def retry(session: Session, learner: Learner, attempt: Attempt) -> Attempt:
    """A new attempt at the same questions, in a new order."""
    ids = random.sample(attempt.question_ids, len(attempt.question_ids))
    return crud.create_attempt(session=session, learner_id=row_id(learner), deck_id=attempt.deck_id,
                               article_id=attempt.article_id, question_ids=ids)


@dataclass(frozen=True)
class Feedback:
    """One answered question: what was asked, what was given, what was expected, and where it comes from."""

    position: int
    question: Question
    correct: bool
    why: str  # web.grading's reason: "exact", "accepted: one letter off", "wrong", ...
    response: Any
    given: list[str]
    expected: list[str]
    claim: str = ""  # a class answer's "I was right": open, accepted, declined


@dataclass
class Progress:
    """Where an attempt stands: how many questions are answered, and the answers and questions loaded."""

    attempt: Attempt
    answered: int
    answers: dict[int, Answer]  # by position
    questions: dict[int, Question]  # by id

    answer_type: ClassVar[type[Answer]] = Answer

    @property
    def total(self) -> int:
        return len(self.attempt.question_ids)

    @property
    def done(self) -> bool:
        return self.answered >= self.total

    def question_at(self, position: int) -> Question:
        return self.questions[self.attempt.question_ids[position]]

    def view_at(self, position: int) -> QuestionView:
        """The question as the learner sees it; its shuffles are fixed per attempt, so reloading shows the same."""
        question = self.question_at(position)
        return view(question, seed=f"{self.attempt.id}:{question.id}")

    def feedback(self, position: int) -> Feedback:
        answer, question = self.answers[position], self.question_at(position)
        return Feedback(position, question, answer.correct, answer.why, answer.response,
                        answer_lines(question.format, answer.response), answer_lines(question.format, question.answer),
                        getattr(answer, "claim", ""))


def page_context(state: Progress, shown: str, position: int | None = None, *,
                 reveal: bool = False) -> dict[str, Any]:
    """What a quiz page shows of an attempt: the current question, the feedback on one answer, or the
    review of them all. With `reveal`, a self-marked question shows its answer, for the learner to mark."""
    context: dict[str, Any] = {"attempt": state.attempt, "progress": state, "state": shown}
    if shown == "question":
        context["position"] = state.answered
        context["view"] = state.view_at(state.answered)
        if reveal and context["view"].self_marked:
            question = state.question_at(state.answered)
            context["revealed"] = answer_lines(question.format, question.answer)
    elif shown == "feedback":
        assert position is not None
        context["position"] = position
        context["feedback"] = state.feedback(position)
    else:
        context["results"] = [state.feedback(i) for i in range(state.answered)]
    return context


def progress(session: Session, learner_id: int, attempt_id: int, *, window: int | None = None) -> Progress:
    """An attempt of this learner with its answers so far; 404 for anyone else's or a missing one.

    With `window`, only that many questions from the current one on are loaded, and no earlier answers
    (answering needs the current question and the next); by default everything, for a page that shows
    every answer."""
    if window is None:
        attempt = crud.get_attempt(session=session, attempt_id=attempt_id)
        answers = {} if attempt is None else {a.position: a for a in crud.list_answers(session=session,
                                                                                       attempt_id=attempt_id)}
        answered = len(answers)
    else:
        found = crud.get_attempt_counted(session=session, attempt_id=attempt_id)
        attempt, answered = found if found else (None, 0)  # type: ignore[assignment]  # the attempt, or none with nothing answered
        answers = {}
    if attempt is None or attempt.learner_id != learner_id:
        raise NotFound(f"There is no quiz number {attempt_id} of yours.")
    wanted = attempt.question_ids if window is None else attempt.question_ids[answered:answered + window]
    questions = crud.get_questions(session=session, ids=wanted)
    if len(questions) < len(set(wanted)):
        raise NotFound("This quiz's questions are no longer in the library.")
    return Progress(attempt, answered, answers, questions)


def check_position(state: Progress, position: int) -> None:
    """Only the current question may be answered; an answered one may be posted again (its answer stands)."""
    if position >= state.total:
        raise Invalid(f"This quiz has {state.total} questions; there is no question {position + 1}.")
    if position > state.answered:
        raise OutOfOrder("Answer the questions in order: that one is not the current question yet.")


def record(session: Session, state: Progress, position: int, response: Any) -> Answer:
    """Store the answer at `position` (the current one) and add it to `state`; if a racing post stored one
    first, that one stands."""
    question = state.question_at(position)
    decision = grade(question, response)
    answer = state.answer_type(attempt_id=row_id(state.attempt), position=position, question_id=row_id(question),
                               response=response, correct=decision.correct, why=decision.why)
    stored = crud.record_answer(session=session, attempt=state.attempt, answer=answer)
    state.answers[position] = stored  # type: ignore[assignment]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)
    state.answered = max(state.answered, position + 1)
    return stored  # type: ignore[return-value]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)


def answer_form(session: Session, state: Progress, fields: dict[str, str]) -> tuple[int, str | None]:
    """Take a page's answer form: the position it answers, and None once the answer is stored (or was
    stored before), or what is wrong with what was given."""
    raw_position = fields.get("position", "")
    if not raw_position.isdigit() or len(raw_position) > 6:
        raise Invalid("The answer does not say which question it is for.")
    position = int(raw_position)
    check_position(state, position)
    if position == state.answered:
        try:
            response = read_response(state.view_at(position), fields)
        except BadAnswer as exc:
            return position, str(exc)
        record(session, state, position, response)
    return position, None
