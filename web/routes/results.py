"""A set's results for its teacher: students' scores and times, questions' share of right answers, drawn as
bar charts, and the same as a CSV download."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from web import claims, results
from web.deps import Id, SessionDep, TeacherDep, own_set
from web.routing import DatabaseRoute
from web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)


@router.get("/teach/sets/{set_id}/results", response_class=HTMLResponse, name="set_results")
def set_results(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> HTMLResponse:
    class_set = own_set(session, teacher, set_id)
    return render(request, "teacher/results.html", {"class_set": class_set, "r": results.results(session, class_set)})


@router.get("/teach/sets/{set_id}/results.csv", name="set_results_csv")
def set_results_csv(set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = own_set(session, teacher, set_id)
    stem = class_set.slug or "results"
    # a byte order mark so spreadsheet programs read the names as UTF-8
    return Response("\ufeff" + results.csv_text(session, class_set), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{stem}-results.csv"'})


@router.post("/teach/sets/{set_id}/claims/{answer_id}", name="decide_claim")
def decide_claim(request: Request, set_id: Id, answer_id: Id, session: SessionDep, teacher: TeacherDep,
                 decision: Annotated[str, Form(max_length=20)] = "") -> Response:
    """Accept a student's claim (the answer joins the question's accepted answers and every answer to the
    question is graded again) or decline it."""
    class_set = own_set(session, teacher, set_id)
    if decision not in ("accept", "decline"):
        raise HTTPException(422, "Accept or decline the claim.")
    if claims.decide(session, class_set, answer_id, accept=decision == "accept") is None:
        raise HTTPException(404, "This set has no such answer.")
    return RedirectResponse(str(request.app.url_path_for("set_results", set_id=str(set_id))) + "#claims",
                            status_code=303)
