"""Students: join a published set by its link or code, give a name, take the quiz.

Like the library quiz, every answer is stored as given and checked on the server, reloading resumes at the
first unanswered question, and a question page never holds its answer. With feedback "at the end" the
answers are only shown once every question is answered.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from quizgen.vocabulary import FORMAT_NAMES
from web import claims, classroom, crud, sets
from web.attempts import MAX_QUESTIONS, answer_form, page_context
from web.deps import Id, LearnerDep, RequiredLearner, SessionDep
from web.learner import MAX_NAME, clean_name, remember
from web.models import ClassSet, Learner, row_id
from web.routing import DatabaseRoute, form_fields, in_thread
from web.teachers import client_ip
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)

Code = Annotated[str, Path(max_length=20)]


@router.get("/join", response_class=HTMLResponse, name="join")
def join(request: Request, session: SessionDep, learner: LearnerDep,
         code: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """The code form; with a code, the quiz it names."""
    if code is None:
        return render(request, "classroom/join.html", {"code": "", "error": None})
    clean = sets.clean_code(code)
    found = _find(request, session, clean) if clean else None
    if found is None:
        error = "Type the code your teacher gave you." if not clean else f"No quiz has the code {clean}. Check it and try again."
        return render(request, "classroom/join.html", {"code": code, "error": error},
                      status_code=422 if not clean else 404)
    return RedirectResponse(request.app.url_path_for("join_code", code=clean), status_code=303)


def _find(request: Request, session: Session, code: str) -> ClassSet | None:
    """The set with this code; a code that names none counts towards the client's limit (web.throttle)."""
    guesses, client = request.app.state.code_guesses, client_ip(request)
    guesses.check(client)
    found = crud.get_class_set_by_code(session=session, code=code)
    if found is None:
        guesses.missed(client)
    return found


def _set_or_404(request: Request, session: Session, code: str) -> ClassSet:
    found = _find(request, session, sets.clean_code(code))
    if found is None:
        raise HTTPException(404, "No quiz has that code. Check it with your teacher.")
    return found


def start_page(request: Request, session: Session, class_set: ClassSet, learner: Learner | None, *,
               name: str | None = None, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    mine = crud.list_learner_class_attempts(session=session, set_id=row_id(class_set),
                                            learner_id=row_id(learner)) if learner else []
    approved = crud.list_set_questions(session=session, set_id=row_id(class_set), statuses=["approved"])
    teacher = crud.get_teacher(session=session, teacher_id=class_set.teacher_id)
    context = {"class_set": class_set, "teacher_name": teacher.name if teacher else "",
               "count": min(class_set.question_count or len(approved), len(approved)),
               "resume": classroom.open_attempt(mine), "done": [a for a in mine if a.finished_at is not None],
               "left": classroom.attempts_left(class_set, classroom.attempts_by_name(session, class_set, learner.name)
                                               if learner else 0), "max_name": MAX_NAME,
               "name": name if name is not None else (learner.name if learner else ""), "error": error}
    return render(request, "classroom/start.html", context, status_code=status_code)


@router.get("/join/{code}", response_class=HTMLResponse, name="join_code")
def join_code(request: Request, code: Code, session: SessionDep, learner: LearnerDep) -> HTMLResponse:
    return start_page(request, session, _set_or_404(request, session, code), learner)


@router.post("/join/{code}", name="start_class_quiz")
def start_class_quiz(request: Request, code: Code, session: SessionDep, learner: LearnerDep,
                     name: Annotated[str, Form(max_length=1000)] = "") -> Response:
    class_set = _set_or_404(request, session, code)
    try:
        clean = clean_name(name)
    except ValueError as exc:
        return start_page(request, session, class_set, learner, name=name[:MAX_NAME], error=str(exc), status_code=422)
    if learner is None or learner.name != clean:
        # another name on this browser is another student (a shared classroom computer), not a rename
        learner = crud.create_learner(session=session, name=clean)
    try:
        attempt = classroom.start(session, class_set, learner, clean)
    except classroom.CannotStart as exc:
        response: Response = start_page(request, session, class_set, learner, error=str(exc), status_code=409)
    else:
        response = RedirectResponse(request.app.url_path_for("class_attempt", attempt_id=str(attempt.id)),
                                    status_code=303)
    remember(request, response, learner)
    return response


# --- taking ----------------------------------------------------------------------------------


def _page(request: Request, class_set: ClassSet, progress: classroom.ClassProgress, *, state: str,
          position: int | None = None, error: str | None = None, status_code: int = 200,
          reveal: bool = False) -> HTMLResponse:
    if state == "answered":
        assert position is not None
        context = {"attempt": progress.attempt, "progress": progress, "state": state, "position": position,
                   "view": progress.view_at(position)}
    else:
        context = page_context(progress, state, position, reveal=reveal)
    context.update({"class_set": class_set, "format_names": FORMAT_NAMES, "error": error,
                    "at_end": class_set.feedback == "end"})
    return render(request, "classroom/attempt.html", context, block="quiz", status_code=status_code)


def _step_url(request: Request, attempt_id: int, position: int) -> str:
    return str(request.app.url_path_for("class_feedback", attempt_id=str(attempt_id), position=str(position)))


@router.get("/class/{attempt_id}", response_class=HTMLResponse, name="class_attempt")
def class_attempt(request: Request, attempt_id: Id, session: SessionDep, learner: RequiredLearner,
                  reveal: bool = False) -> HTMLResponse:
    class_set, progress = classroom.progress(session, learner, attempt_id)
    return _page(request, class_set, progress, state="results" if progress.done else "question", reveal=reveal)


@router.post("/class/{attempt_id}/answers", name="class_answer")
async def class_answer(request: Request, attempt_id: Id, session: SessionDep, learner: RequiredLearner) -> Response:
    fields = await form_fields(request)
    return await in_thread(session, lambda: _answer(request, session, learner, attempt_id, fields))


def _answer(request: Request, session: Session, learner: Learner, attempt_id: int, fields: dict[str, str]) -> Response:
    class_set, progress = classroom.progress(session, learner, attempt_id)
    if not class_set.published and not progress.done:
        # closed by the teacher: an attempt under way ends where it is
        return _page(request, class_set, progress, state="question", error=classroom.CLOSED, status_code=409)
    position, error = answer_form(session, progress, fields)
    if error:
        return _page(request, class_set, progress, state="question", error=error, status_code=422)
    if class_set.feedback == "end":
        # no verdict until the end: straight on to the next question (or the results), at its own address
        following = (request.app.url_path_for("class_attempt", attempt_id=str(attempt_id)) if progress.done
                     else _step_url(request, attempt_id, progress.answered))
        if is_htmx(request):
            response = _page(request, class_set, progress, state="results" if progress.done else "question")
            response.headers["HX-Push-Url"] = str(following)
            return response
        return RedirectResponse(following, status_code=303)
    step = _step_url(request, attempt_id, position)
    if is_htmx(request):
        # the question's own address now shows its feedback: Back from the next question lands here
        response = _page(request, class_set, progress, state="feedback", position=position)
        response.headers["HX-Replace-Url"] = step
        return response
    return RedirectResponse(step, status_code=303)


@router.get("/class/{attempt_id}/answers/{position}", response_class=HTMLResponse, name="class_feedback")
def class_feedback(request: Request, attempt_id: Id, position: Annotated[int, Path(ge=0, le=MAX_QUESTIONS)],
                   session: SessionDep, learner: RequiredLearner) -> Response:
    """One question's own address: its feedback once answered (or "answered" while answers wait for the end), the
    question itself when it is the current one."""
    class_set, progress = classroom.progress(session, learner, attempt_id)
    if position >= progress.total:
        raise HTTPException(404, f"This quiz has {progress.total} questions.")
    if position == progress.answered:
        return _page(request, class_set, progress, state="question")
    if position > progress.answered:
        # not reached yet: back to the current question
        return RedirectResponse(request.app.url_path_for("class_attempt", attempt_id=str(attempt_id)), status_code=303)
    if class_set.feedback == "end" and not progress.done:
        return _page(request, class_set, progress, state="answered", position=position)
    return _page(request, class_set, progress, state="feedback", position=position)


@router.post("/class/{attempt_id}/answers/{position}/claim", name="class_claim")
def class_claim(request: Request, attempt_id: Id, position: Annotated[int, Path(ge=0, le=MAX_QUESTIONS)],
                session: SessionDep, learner: RequiredLearner) -> Response:
    """The student's "I was right" on a wrong typed answer, for the teacher to accept or decline."""
    class_set, progress = classroom.progress(session, learner, attempt_id)
    if class_set.feedback == "end" and not progress.done:
        raise HTTPException(409, "Your answers are shown at the end of the quiz; claim one from there.")
    try:
        claims.claim(session, progress, position)
    except claims.CannotClaim as exc:
        raise HTTPException(409, str(exc)) from None
    if is_htmx(request):
        context = {"f": progress.feedback(position),
                   "claim_url": request.app.url_path_for("class_attempt", attempt_id=str(attempt_id)) + "/answers"}
        return render(request, "quiz/_claim.html", context)
    return RedirectResponse(request.app.url_path_for("class_feedback", attempt_id=str(attempt_id),
                                                     position=str(position)), status_code=303)
