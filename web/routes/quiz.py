"""Quizzes: start one on a deck or an article, answer one question at a time, see the score.

Every answer is stored as it is given, so reloading resumes at the first unanswered question.
The question page never holds the answer or its source sentence; they come with the feedback.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from quizgen.models import FORMATS
from quizgen.vocabulary import FORMAT_NAMES
from web import attempts, crud
from web.attempts import MAX_QUESTIONS
from web.deps import Id, RequiredLearner, SessionDep, article_or_404, deck_or_404
from web.models import Article, Deck, Learner, row_id
from web.routing import DatabaseRoute, form_fields, in_thread
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)

LENGTHS = (5, 10, 20, 50)

Count = Annotated[int, Form(ge=1, le=MAX_QUESTIONS, description="how many questions")]
Formats = Annotated[list[str] | None, Form(max_length=len(FORMATS))]


# --- starting --------------------------------------------------------------------------------


def _start_page(request: Request, session: Session, learner: Learner, deck: Deck, article: Article | None,
                *, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    questions = crud.list_questions(session=session, deck_id=deck.id, article_id=article.id if article else None)
    by_format = Counter(q.format for q in questions)
    resume = crud.open_attempt(session=session, learner_id=row_id(learner), deck_id=row_id(deck),
                               article_id=article.id if article else None)
    resume_at = len(crud.list_answers(session=session, attempt_id=row_id(resume))) if resume else 0
    action = (request.app.url_path_for("start_article_quiz", article_id=str(article.id)) if article
              else request.app.url_path_for("start_deck_quiz", slug=deck.slug))
    context = {
        "deck": deck, "article": article, "total": len(questions), "by_format": by_format,
        "formats": [f for f in FORMATS if by_format[f]], "format_names": FORMAT_NAMES,
        "lengths": [n for n in LENGTHS if n < len(questions)], "resume": resume, "resume_at": resume_at,
        "action": action, "error": error,
    }
    return render(request, "quiz/start.html", context, status_code=status_code)


def _start(request: Request, session: Session, learner: Learner, deck: Deck, article: Article | None,
           count: int, formats: list[str] | None) -> Response:
    try:
        attempt = attempts.start(session, learner, deck, article, count=count, formats=formats)
    except attempts.CannotStart as exc:
        return _start_page(request, session, learner, deck, article, status_code=422, error=str(exc))
    return RedirectResponse(request.app.url_path_for("attempt", attempt_id=str(attempt.id)), status_code=303)


@router.get("/decks/{slug}/quiz", response_class=HTMLResponse, name="deck_quiz")
def deck_quiz(request: Request, slug: str, session: SessionDep, learner: RequiredLearner) -> HTMLResponse:
    return _start_page(request, session, learner, deck_or_404(session, slug), None)


@router.post("/decks/{slug}/quiz", name="start_deck_quiz")
def start_deck_quiz(request: Request, slug: str, session: SessionDep, learner: RequiredLearner,
                    count: Count = 10, formats: Formats = None) -> Response:
    return _start(request, session, learner, deck_or_404(session, slug), None, count, formats)


@router.get("/articles/{article_id}/quiz", response_class=HTMLResponse, name="article_quiz")
def article_quiz(request: Request, article_id: Id, session: SessionDep, learner: RequiredLearner) -> HTMLResponse:
    article = article_or_404(session, article_id)
    deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    assert deck is not None  # an article goes with its deck
    return _start_page(request, session, learner, deck, article)


@router.post("/articles/{article_id}/quiz", name="start_article_quiz")
def start_article_quiz(request: Request, article_id: Id, session: SessionDep, learner: RequiredLearner,
                       count: Count = 10, formats: Formats = None) -> Response:
    article = article_or_404(session, article_id)
    deck = crud.get_deck_by_id(session=session, deck_id=article.deck_id)
    assert deck is not None  # an article goes with its deck
    return _start(request, session, learner, deck, article, count, formats)


# --- taking ----------------------------------------------------------------------------------


def _page(request: Request, session: Session, progress: attempts.Progress, *, state: str, position: int | None = None,
          error: str | None = None, status_code: int = 200, reveal: bool = False) -> HTMLResponse:
    attempt = progress.attempt
    deck = crud.get_deck_by_id(session=session, deck_id=attempt.deck_id)
    article = crud.get_article(session=session, article_id=attempt.article_id) if attempt.article_id else None
    context = {**attempts.page_context(progress, state, position, reveal=reveal), "deck": deck, "article": article,
               "format_names": FORMAT_NAMES, "error": error}
    return render(request, "quiz/attempt.html", context, block="quiz", status_code=status_code)


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse, name="attempt")
def attempt_page(request: Request, attempt_id: Id, session: SessionDep, learner: RequiredLearner,
                 reveal: bool = False) -> HTMLResponse:
    """The first unanswered question, or the score when every question is answered; `reveal` shows a
    self-marked question's answer."""
    progress = attempts.progress(session, row_id(learner), attempt_id)
    return _page(request, session, progress, state="results" if progress.done else "question", reveal=reveal)


@router.post("/attempts/{attempt_id}/answers", name="answer")
async def answer(request: Request, attempt_id: Id, session: SessionDep, learner: RequiredLearner) -> Response:
    fields = await form_fields(request)

    def work() -> Response:
        progress = attempts.progress(session, row_id(learner), attempt_id)
        position, error = attempts.answer_form(session, progress, fields)
        if error:
            return _page(request, session, progress, state="question", error=error, status_code=422)
        # a repeated post of an answered question gets the feedback of the first answer
        step = request.app.url_path_for("feedback", attempt_id=str(attempt_id), position=str(position))
        if is_htmx(request):
            # the question's own address now shows its feedback: Back from the next question lands here
            response = _page(request, session, progress, state="feedback", position=position)
            response.headers["HX-Replace-Url"] = step
            return response
        return RedirectResponse(step, status_code=303)

    return await in_thread(session, work)


@router.get("/attempts/{attempt_id}/answers/{position}", response_class=HTMLResponse, name="feedback")
def feedback_page(request: Request, attempt_id: Id, position: Annotated[int, Path(ge=0, le=MAX_QUESTIONS)],
                  session: SessionDep, learner: RequiredLearner) -> Response:
    """One question's own address: its feedback once answered, the question itself when it is the current one."""
    progress = attempts.progress(session, row_id(learner), attempt_id)
    if position >= progress.total:
        raise HTTPException(404, f"This quiz has {progress.total} questions.")
    if position == progress.answered:
        return _page(request, session, progress, state="question")
    if position > progress.answered:
        # not reached yet: no feedback (it would give the answer away), so back to the current question
        return RedirectResponse(request.app.url_path_for("attempt", attempt_id=str(attempt_id)), status_code=303)
    return _page(request, session, progress, state="feedback", position=position)


@router.post("/attempts/{attempt_id}/retry", name="retry")
def retry(request: Request, attempt_id: Id, session: SessionDep, learner: RequiredLearner) -> Response:
    """A new attempt at the same questions, in a new order."""
    attempt = attempts.retry(session, learner, attempts.progress(session, row_id(learner), attempt_id).attempt)
    return RedirectResponse(request.app.url_path_for("attempt", attempt_id=str(attempt.id)), status_code=303)
