"""Downloads: every export format for each deck and each article."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from quizgen.export import ExportFormat
from web import crud, exports
from web.convert import to_question_set
from web.deps import Id, SessionDep, article_or_404, deck_or_404
from web.models import row_id
from web.routing import DatabaseRoute
from web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)


def format_or_404(name: str) -> ExportFormat:
    fmt = exports.find_format(name)
    if fmt is None:
        names = ", ".join(f.name for f in exports.formats())
        raise HTTPException(404, f"There is no export format “{name}”; the formats are {names}.")
    return fmt


def download(session: Session, fmt: ExportFormat, stem: str, *, deck_id: int, article_id: int | None,
             parent: str | None) -> Response:
    sets = [to_question_set(a, s, qs) for a, s, qs in
            crud.list_question_sets(session=session, deck_id=deck_id, article_id=article_id)]
    data = exports.export_bytes(sets, fmt, stem, parent=parent)
    filename = f"{stem}{fmt.suffix}"
    return Response(data, media_type=fmt.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


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
    deck = deck_or_404(session, slug)
    return download(session, format_or_404(fmt), deck.slug, deck_id=row_id(deck), article_id=None,
                    parent=deck.title)


@router.get("/articles/{article_id}/export/{fmt}", name="article_export")
def article_export(article_id: Id, fmt: str, session: SessionDep) -> Response:
    article = article_or_404(session, article_id)
    export_format = format_or_404(fmt)
    deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    return download(session, export_format, article.slug, deck_id=article.deck_id, article_id=article.id,
                    parent=deck.title if deck else None)
