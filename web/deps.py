"""Shared FastAPI dependencies for the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path
from sqlmodel import Session

from web import crud
from web.db import get_session
from web.learner import load_learner, require_learner, require_learner_id
from web.models import Article, Deck, Learner

SessionDep = Annotated[Session, Depends(get_session)]
LearnerDep = Annotated[Learner | None, Depends(load_learner)]
RequiredLearner = Annotated[Learner, Depends(require_learner)]
RequiredLearnerId = Annotated[int, Depends(require_learner_id)]


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
