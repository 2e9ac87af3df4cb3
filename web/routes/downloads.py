"""Downloads: every export format for each deck and each article."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from web import crud, exports, files
from web.convert import to_question_set
from web.deps import Id, SessionDep
from web.routing import DatabaseRoute
from web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)


@router.get("/downloads", response_class=HTMLResponse, name="downloads")
def downloads(request: Request, session: SessionDep) -> HTMLResponse:
    decks = []
    for deck in crud.list_decks(session=session):
        rows = crud.list_question_sets(session=session, deck_id=deck.id, article_id=None)
        articles = [(a, exports.tallies([to_question_set(a, s, qs)])) for a, s, qs in rows]
        decks.append((deck, exports.tallies([to_question_set(a, s, qs) for a, s, qs in rows]), articles))
    return render(request, "downloads/index.html", {"decks": decks})


@router.get("/decks/{slug}/export/{fmt}", name="deck_export")
def deck_export(slug: str, fmt: str, session: SessionDep) -> Response:
    return files.deck_file(session, slug, fmt)


@router.get("/articles/{article_id}/export/{fmt}", name="article_export")
def article_export(article_id: Id, fmt: str, session: SessionDep) -> Response:
    return files.article_file(session, article_id, fmt)
