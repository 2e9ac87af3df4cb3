"""A student's "I was right" on a wrong typed answer, kept as a claim for the teacher; the teacher's accepting
it adds the answer to the question's accepted answers and regrades every answer to that question, so scores,
the results page and the CSV follow."""

from __future__ import annotations

from sqlmodel import Session

from web import crud
from web.attempts import Progress
from web.grading import SELF_MARKED, TEXT_FORMATS, grade, normalise
from web.models import ClassAnswer, ClassSet, SetQuestion, row_id

OPEN, ACCEPTED, DECLINED = "open", "accepted", "declined"


class CannotClaim(ValueError):
    """The answer cannot be claimed (it was right, it is not typed, ...); the message says why."""


def claimable(question: SetQuestion, answer: ClassAnswer) -> bool:
    return question.format in TEXT_FORMATS and not answer.correct and answer.why != SELF_MARKED


def claim(session: Session, state: Progress, position: int) -> ClassAnswer:
    """Record the student's claim on their answer at `position` (again: it stands as it is)."""
    answer = state.answers.get(position)
    if answer is None:
        raise CannotClaim("That question is not answered yet.")
    if not claimable(state.question_at(position), answer):  # type: ignore[arg-type]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)
        raise CannotClaim("Only a typed answer marked wrong can be claimed.")
    if answer.claim:  # type: ignore[attr-defined]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)
        return answer  # type: ignore[return-value]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)
    return crud.save_claim(session=session, answer=answer, claim=OPEN)  # type: ignore[arg-type]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)


def regrade(session: Session, question: SetQuestion) -> int:
    """Grade every answer to `question` again (after its answer or accepted answers changed) and recount the
    attempts they belong to; open claims now right are settled as accepted. Returns how many answers changed."""
    changed = []
    for answer in crud.list_question_answers(session=session, question_id=row_id(question)):
        if answer.why == SELF_MARKED:
            continue  # the student's own mark stands
        decision = grade(question, answer.response)
        if (decision.correct, decision.why) != (answer.correct, answer.why):
            answer.correct, answer.why = decision.correct, decision.why
            if answer.claim == OPEN and decision.correct:
                answer.claim = ACCEPTED
            changed.append(answer)
    crud.save_regrade(session=session, question=question, answers=changed)
    return len(changed)


def decide(session: Session, class_set: ClassSet, answer_id: int, *, accept: bool) -> ClassAnswer | None:
    """The teacher's answer to a claim; None when the set has no such answer."""
    answer = crud.get_set_answer(session=session, set_id=row_id(class_set), answer_id=answer_id)
    if answer is None:
        return None
    if not accept:
        return crud.save_claim(session=session, answer=answer, claim=DECLINED)
    question = crud.get_set_question(session=session, set_id=row_id(class_set), question_id=answer.question_id)
    assert question is not None
    typed = str(answer.response)
    if all(normalise(typed) != normalise(a) for a in question.accepted):
        question.accepted = [*question.accepted, typed]  # a new list, so the JSON column is written
    answer.claim = ACCEPTED
    session.add(answer)
    regrade(session, question)
    session.refresh(answer)
    return answer
