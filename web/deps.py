"""Shared FastAPI dependencies for the routes."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from sqlmodel import Session

from quizgen.export import ExportFormat
from quizgen.settings import Settings
from web import crud, exports, teachers
from web.db import get_session
from web.learner import load_learner, require_learner, require_learner_id
from web.models import Article, ClassSet, Deck, Learner, Teacher

SessionDep = Annotated[Session, Depends(get_session)]
LearnerDep = Annotated[Learner | None, Depends(load_learner)]
RequiredLearner = Annotated[Learner, Depends(require_learner)]
RequiredLearnerId = Annotated[int, Depends(require_learner_id)]
TeacherDep = Annotated[Teacher, Depends(teachers.require_teacher)]
OptionalTeacher = Annotated[Teacher | None, Depends(teachers.load_teacher)]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def lease_of(request: Request) -> timedelta:
    return timedelta(seconds=settings_of(request).build_lease_seconds)


def own_set(session: Session, teacher: Teacher, set_id: int) -> ClassSet:
    """The teacher's set; anyone else's is as missing as one that does not exist."""
    class_set = crud.get_class_set(session=session, set_id=set_id)
    if class_set is None or class_set.teacher_id != teacher.id:
        raise HTTPException(404, f"There is no question set number {set_id} of yours.")
    return class_set


def format_or_404(name: str) -> ExportFormat:
    fmt = exports.find_format(name)
    if fmt is None:
        names = ", ".join(f.name for f in exports.formats())
        raise HTTPException(404, f"There is no export format “{name}”; the formats are {names}.")
    return fmt



def deck_or_404(session: Session, slug: str) -> Deck:
    deck = crud.get_deck(session=session, slug=slug)
    if deck is None:
        raise HTTPException(404, f"There is no deck called “{slug}”.")
    return deck


def article_or_404(session: Session, article_id: int) -> Article:
    article = crud.get_article(session=session, article_id=article_id)
    if article is None:
        raise HTTPException(404, f"There is no article number {article_id}.")
    return article

# row ids are 32-bit on PostgreSQL; larger numbers cannot name a row (and would overflow the driver)
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
