"""The export files of a deck or an article, as downloads (for the pages and the API alike)."""

from __future__ import annotations

from fastapi.responses import Response
from sqlmodel import Session

from quizgen.export import ExportFormat
from web import crud, exports
from web.convert import to_question_set
from web.deps import article_or_404, deck_or_404, format_or_404
from web.models import row_id


def download(session: Session, fmt: ExportFormat, stem: str, *, deck_id: int, article_id: int | None,
             parent: str | None) -> Response:
    sets = [to_question_set(a, s, qs) for a, s, qs in
            crud.list_question_sets(session=session, deck_id=deck_id, article_id=article_id)]
    data = exports.export_bytes(sets, fmt, stem, parent=parent)
    filename = f"{stem}{fmt.suffix}"
    return Response(data, media_type=fmt.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def deck_file(session: Session, slug: str, fmt: str) -> Response:
    """The whole deck as a file in export format `fmt`."""
    deck = deck_or_404(session, slug)
    return download(session, format_or_404(fmt), deck.slug, deck_id=row_id(deck), article_id=None,
                    parent=deck.title)


def article_file(session: Session, article_id: int, fmt: str) -> Response:
    """One article as a file in export format `fmt`, its deck named as the parent."""
    article = article_or_404(session, article_id)
    export_format = format_or_404(fmt)
    deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    return download(session, export_format, article.slug, deck_id=article.deck_id, article_id=row_id(article),
                    parent=deck.title if deck else None)
