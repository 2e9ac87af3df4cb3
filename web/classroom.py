"""A published set taken by a student: the same machinery as the library quiz (web.attempts: progress,
answering in order, checking on the server, resuming), with the teacher's options."""

from __future__ import annotations

import random

from sqlmodel import Session

from web import crud
from web.attempts import Progress
from web.learner import name_key
from web.models import ClassAnswer, ClassAttempt, ClassSet, Learner, SetQuestion, row_id
from web.problems import NotFound
from web.quiz import QuestionView, view

CLOSED = "This quiz is closed: your teacher is not taking answers to it now."


class CannotStart(ValueError):
    """The student cannot start (no questions, no attempts left); the message says why."""


class ClassProgress(Progress):
    """An attempt at a set; its options decide whether choices are mixed."""

    shuffle_choices: bool = False
    answer_type = ClassAnswer  # type: ignore[assignment]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)

    def view_at(self, position: int) -> QuestionView:
        question = self.question_at(position)
        return view(question, seed=f"class:{self.attempt.id}:{question.id}",
                    shuffle_choices=self.shuffle_choices)


def fact_keys(question: SetQuestion) -> set[tuple[object, ...]]:
    """What a question is about: its source sentence and, for a one-part answer, that answer. Two questions that
    share one give each other away (the sentence of one is the answer of the other)."""
    keys: set[tuple[object, ...]] = set()
    for kind, text in (("sentence", question.source_sentence),
                       ("answer", question.answer if isinstance(question.answer, str) else "")):
        if text.strip():
            keys.add((kind, question.set_article_id, " ".join(text.casefold().split())))
    return keys


DRAW_TRIES = 20


def draw(questions: list[SetQuestion], count: int, rng: random.Random) -> list[SetQuestion]:
    """`count` questions at random, no two on the same fact; fewer when the set holds fewer facts. A random
    pass can block itself, so the fullest of a few passes is kept."""
    best: list[SetQuestion] = []
    for _ in range(DRAW_TRIES):
        chosen: list[SetQuestion] = []
        taken: set[tuple[object, ...]] = set()
        for question in rng.sample(questions, len(questions)):
            keys = fact_keys(question)
            if not keys & taken:
                chosen.append(question)
                taken |= keys
                if len(chosen) == count:
                    return chosen
        best = max(best, chosen, key=len)
    return best


def attempts_left(class_set: ClassSet, used: int) -> int | None:
    """None when there is no limit."""
    return None if class_set.attempts_allowed == 0 else max(0, class_set.attempts_allowed - used)


def attempts_by_name(session: Session, class_set: ClassSet, name: str) -> int:
    """Attempts at the set under this name, however it was typed (web.learner.name_key): the limit is per
    student, and a student is their name, not the browser or the spelling."""
    key = name_key(name)
    return sum(name_key(given) == key for given in crud.list_class_attempt_names(session=session, set_id=row_id(class_set)))


def open_attempt(attempts: list[ClassAttempt]) -> ClassAttempt | None:
    return next((a for a in reversed(attempts) if a.finished_at is None), None)


def start(session: Session, class_set: ClassSet, learner: Learner, name: str) -> ClassAttempt:
    """The student's unfinished attempt, or a new one drawn from the approved questions."""
    mine = crud.list_learner_class_attempts(session=session, set_id=row_id(class_set), learner_id=row_id(learner))
    current = open_attempt(mine)
    if current is not None:
        return current
    if not class_set.published:
        raise CannotStart(CLOSED)
    if attempts_left(class_set, attempts_by_name(session, class_set, name)) == 0:
        raise CannotStart(f"You have used all {class_set.attempts_allowed} attempt"
                          f"{'s' if class_set.attempts_allowed != 1 else ''} at this quiz.")
    approved = crud.list_set_questions(session=session, set_id=row_id(class_set), statuses=["approved"])
    if not approved:
        raise CannotStart("This quiz has no questions yet.")
    count = min(class_set.question_count or len(approved), len(approved))
    rng = random.Random()
    chosen = list(approved) if count == len(approved) else draw(approved, count, rng)
    if class_set.shuffle_questions:
        rng.shuffle(chosen)
    else:
        chosen.sort(key=lambda q: (q.position, q.id))
    return crud.create_class_attempt(session=session, set_id=row_id(class_set), learner_id=row_id(learner),
                                     name=name, question_ids=[row_id(q) for q in chosen])


def progress(session: Session, learner: Learner, attempt_id: int) -> tuple[ClassSet, ClassProgress]:
    """A student's own attempt with its answers; 404 for anyone else's."""
    attempt = crud.get_class_attempt(session=session, attempt_id=attempt_id)
    if attempt is None or attempt.learner_id != learner.id:
        raise NotFound(f"There is no class quiz number {attempt_id} of yours.")
    class_set = crud.get_class_set(session=session, set_id=attempt.set_id)
    assert class_set is not None
    answers = {a.position: a for a in crud.list_class_answers(session=session, attempt_id=attempt_id)}
    questions = crud.get_set_questions(session=session, ids=attempt.question_ids)
    state = ClassProgress(attempt, len(answers), answers, questions)  # type: ignore[arg-type]  # a class attempt holds ClassAnswers where a library one holds Answers (Progress serves both)
    state.shuffle_choices = class_set.shuffle_choices
    return class_set, state


