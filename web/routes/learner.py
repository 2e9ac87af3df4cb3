"""The display name a learner gives once; it is kept in a signed cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import crud
from web.deps import LearnerDep, SessionDep
from web.learner import MAX_NAME, clean_name, forget, remember, safe_next
from web.routing import DatabaseRoute
from web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)


@router.get("/learner", response_class=HTMLResponse, name="learner_form")
def learner_form(request: Request, learner: LearnerDep,
                 next: Annotated[str | None, Query(max_length=2000)] = None) -> HTMLResponse:
    context = {"next": safe_next(next, ""), "name": learner.name if learner else "", "error": None,
               "max_name": MAX_NAME}
    return render(request, "learner/name.html", context)


@router.post("/learner", name="set_learner")
def set_learner(request: Request, session: SessionDep, learner: LearnerDep,
                name: Annotated[str, Form(max_length=1000)] = "",
                next: Annotated[str, Form(max_length=2000)] = "") -> Response:
    try:
        clean = clean_name(name)
    except ValueError as exc:
        context = {"next": safe_next(next, ""), "name": name[:MAX_NAME], "error": str(exc), "max_name": MAX_NAME}
        return render(request, "learner/name.html", context, status_code=422)
    if learner is None:
        learner = crud.create_learner(session=session, name=clean)
    else:
        learner = crud.rename_learner(session=session, learner=learner, name=clean)
    response = RedirectResponse(safe_next(next, str(request.app.url_path_for("library"))), status_code=303)
    remember(request, response, learner)
    return response


@router.post("/learner/forget", name="forget_learner")
def forget_learner(request: Request) -> Response:
    """Stop being this learner on this browser (their answers stay in the database)."""
    response = RedirectResponse(str(request.app.url_path_for("library")), status_code=303)
    forget(response)
    return response
