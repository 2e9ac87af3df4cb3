"""A set's results for its teacher: students' scores and times, questions' share of right answers, drawn as
bar charts, and the same as a CSV download."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from web import results
from web.deps import Id, SessionDep
from web.routes.teacher import TeacherDep, own_set
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
