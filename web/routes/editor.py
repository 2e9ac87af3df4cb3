"""The editor of a teacher's set: filter, approve and reject (one or many), edit in place, add, reorder,
regenerate wrong answers; the options a student's quiz follows; publishing; exports.

Every change answers htmx with the fragment it changed and a plain form with a redirect back, so the
editor works without JavaScript too. Problems come back as 422 with the message next to its field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from quizgen import models as qm
from quizgen.models import FORMATS, TOPICS
from quizgen.vocabulary import FORMAT_NAMES
from web import claims, crud, exports, jobs, setfile, sets
from web.deps import Id, SessionDep, TeacherDep, format_or_404, own_set
from web.models import ClassSet, SetQuestion, Teacher, row_id
from web.pages import building_page
from web.routing import DatabaseRoute, form_fields
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)

ACTIONS = {"approve": "approved", "reject": "rejected", "reset": "pending"}
STATUS_NAMES = {"approved": "Approved", "suggested": "Suggested", "pending": "To review", "rejected": "Rejected"}
DIFFICULTY_NAMES = {1: "easy", 2: "medium", 3: "hard"}


@dataclass
class Filters:
    formats: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    difficulties: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    min_score: float | None = None

    @staticmethod
    def of(request: Request) -> Filters:
        """The editor's filters from the query string; values that name nothing are left out."""
        q = request.query_params
        score = q.get("min_score", "").strip()
        try:
            min_score = float(score) if score else None
        except ValueError:
            min_score = None
        return Filters(
            formats=[f for f in q.getlist("format") if f in FORMATS],
            topics=[t for t in q.getlist("topic") if t in TOPICS],
            sections=[s[:300] for s in q.getlist("section")][:50],
            difficulties=[int(d) for d in q.getlist("difficulty") if d in ("1", "2", "3")],
            statuses=[s for s in q.getlist("status") if s in sets.STATUSES],
            min_score=min_score if min_score is not None and 0 <= min_score <= 1 else None,
        )

    @property
    def query(self) -> str:
        pairs: list[tuple[str, Any]] = [("format", f) for f in self.formats] + [("topic", t) for t in self.topics]
        pairs += [("section", s) for s in self.sections] + [("difficulty", d) for d in self.difficulties]
        pairs += [("status", s) for s in self.statuses]
        if self.min_score is not None:
            pairs.append(("min_score", f"{self.min_score:g}"))
        return urlencode(pairs)

    @property
    def active(self) -> bool:
        return bool(self.query)


def _base(request: Request, class_set: ClassSet) -> dict[str, Any]:
    return {"class_set": class_set, "format_names": FORMAT_NAMES, "status_names": STATUS_NAMES,
            "difficulty_names": DIFFICULTY_NAMES}


def _counts(questions: list[SetQuestion]) -> Counter[str]:
    return Counter(q.status for q in questions)


def editor_page(request: Request, session: Session, class_set: ClassSet, *, block: str | None = None,
                options_problems: dict[str, str] | None = None, option_values: dict[str, Any] | None = None,
                publish_error: str | None = None, status_code: int = 200) -> HTMLResponse:
    filters = Filters.of(request)
    everything = crud.list_set_questions(session=session, set_id=row_id(class_set))
    shown = crud.list_set_questions(session=session, set_id=row_id(class_set), formats=filters.formats,
                                    topics=filters.topics, sections=filters.sections,
                                    difficulties=filters.difficulties, min_score=filters.min_score,
                                    statuses=filters.statuses)
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    sections = list(dict.fromkeys(q.source_section for q in everything))
    context = {
        **_base(request, class_set),
        "questions": shown, "total": len(everything), "counts": _counts(everything), "filters": filters,
        "fq": filters.query, "articles": articles, "article_titles": {a.id: a.title for a in articles},
        "facets": {"format": [f for f in FORMATS if any(q.format == f for q in everything)],
                   "topic": [t for t in TOPICS if any(q.topic == t for q in everything)],
                   "section": sections, "difficulty": sorted({q.difficulty for q in everything})},
        "options": option_values or sets.options_of(class_set) | {"title": class_set.title},
        "options_problems": options_problems or {}, "publish_error": publish_error,
        "join_url": str(request.url_for("join_code", code=class_set.join_code)) if class_set.join_code else None,
        "export_tallies": exports.tallies(approved_sets(session, class_set)), "all_formats": FORMATS,
        "public_decks": sets.public_decks(session, class_set),
        "export_oob": block == "questions" and is_htmx(request),
    }
    return render(request, "teacher/editor.html", context, block=block, status_code=status_code)


def approved_sets(session: Session, class_set: ClassSet) -> list[qm.QuestionSet]:
    try:
        return sets.export_sets(session, class_set)
    except sets.SetProblem:  # nothing approved yet: every file would be empty
        return []


def back_to_editor(request: Request, class_set: ClassSet, *, anchor: str = "") -> RedirectResponse:
    fq = Filters.of(request).query
    url = str(request.app.url_path_for("set_page", set_id=str(class_set.id))) + (f"?{fq}" if fq else "") + anchor
    return RedirectResponse(url, status_code=303)


def row(request: Request, session: Session, class_set: ClassSet, q: SetQuestion, *,
        status_code: int = 200) -> HTMLResponse:
    """One question's row, with the status counts updated out of band."""
    everything = crud.list_set_questions(session=session, set_id=row_id(class_set))
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    context = {**_base(request, class_set), "q": q, "counts": _counts(everything), "total": len(everything),
               "oob": True, "fq": Filters.of(request).query, "article_titles": {a.id: a.title for a in articles},
               "show_article": len(articles) > 1}
    return render(request, "teacher/_row.html", context, status_code=status_code)


def ready_set(session: Session, teacher: Teacher, set_id: int) -> ClassSet:
    class_set = own_set(session, teacher, set_id)
    if class_set.status != "ready":
        raise HTTPException(409, "This set's questions are still being generated.")
    return class_set


def question_or_404(session: Session, class_set: ClassSet, question_id: int) -> SetQuestion:
    q = crud.get_set_question(session=session, set_id=row_id(class_set), question_id=question_id)
    if q is None:
        raise HTTPException(404, f"This set has no question number {question_id}.")
    return q


# --- the editor --------------------------------------------------------------------------------


@router.get("/teach/sets/{set_id}", response_class=HTMLResponse, name="set_page")
def set_page(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> HTMLResponse:
    class_set = own_set(session, teacher, set_id)
    if class_set.status != "ready":
        return building_page(request, class_set)
    return editor_page(request, session, class_set, block="questions")


@router.post("/teach/sets/{set_id}/questions/status", name="bulk_status")
def bulk_status(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep,
                action: Annotated[str, Form(max_length=20)] = "",
                ids: Annotated[list[int] | None, Form(max_length=5000)] = None) -> Response:
    class_set = ready_set(session, teacher, set_id)
    if action not in ACTIONS:
        raise HTTPException(400, "Choose approve or reject.")
    if not ids:
        raise HTTPException(422, "Tick the questions to approve or reject first.")
    crud.set_question_status(session=session, set_id=set_id, ids=ids, status=ACTIONS[action])
    if is_htmx(request):
        return editor_page(request, session, class_set, block="questions")
    return back_to_editor(request, class_set)


@router.post("/teach/sets/{set_id}/questions/{question_id}/status", name="question_status")
def question_status(request: Request, set_id: Id, question_id: Id, session: SessionDep, teacher: TeacherDep,
                    action: Annotated[str, Form(max_length=20)] = "") -> Response:
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    if action not in ACTIONS:
        raise HTTPException(400, "Choose approve or reject.")
    q.status = ACTIONS[action]
    q.reviewed = q.reviewed or q.status in ("approved", "rejected")  # the teacher's verdict, kept as a rating
    q = crud.save_set_question(session=session, question=q)
    if is_htmx(request):
        return row(request, session, class_set, q)
    return back_to_editor(request, class_set, anchor=f"#q-{q.id}")


@router.post("/teach/sets/{set_id}/questions/{question_id}/move", name="move_question")
def move_question(request: Request, set_id: Id, question_id: Id, session: SessionDep, teacher: TeacherDep,
                  direction: Annotated[str, Form(max_length=10)] = "to",
                  position: Annotated[int | None, Form(ge=1, le=10**6, description="the place to move to, 1 first")] = None,
                  ) -> Response:
    """Up or down one place, or (a drop, or the "Move" form) to a position in the whole set's order."""
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    offsets = {"up": -1, "down": 1, "top": -10**6, "bottom": 10**6}
    if direction == "to" and position is not None:
        offset = position - 1 - crud.set_question_index(session=session, set_id=set_id, question_id=row_id(q))
    elif direction in offsets:
        offset = offsets[direction]
    else:
        raise HTTPException(400, "Move a question up or down, or give the position to move it to.")
    crud.move_set_question(session=session, set_id=set_id, question_id=question_id, offset=offset)
    if is_htmx(request):
        return editor_page(request, session, class_set, block="questions")
    return back_to_editor(request, class_set, anchor=f"#q-{question_id}")


@router.get("/teach/sets/{set_id}/questions/{question_id}", response_class=HTMLResponse, name="question_row")
def question_row(request: Request, set_id: Id, question_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    if is_htmx(request):
        return row(request, session, class_set, q)
    return back_to_editor(request, class_set, anchor=f"#q-{q.id}")


def question_form(request: Request, session: Session, class_set: ClassSet, *, q: SetQuestion | None, fmt: str,
                  values: dict[str, str], problems: dict[str, str], status_code: int = 200,
                  notice: str | None = None) -> HTMLResponse:
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    sections = list(dict.fromkeys(s["heading"] or "Introduction" for a in articles for s in a.body["sections"]))
    context = {**_base(request, class_set), "q": q, "fmt": fmt, "values": values, "problems": problems,
               "topics": TOPICS, "articles": articles, "sections": sections, "fq": Filters.of(request).query,
               "formats": FORMATS, "limits": {"prompt": sets.MAX_PROMPT, "answer": sets.MAX_ANSWER,
                                              "explanation": sets.MAX_EXPLANATION},
               "mc_options": sets.MC_OPTIONS, "timeline": sets.TIMELINE_EVENTS, "matching": sets.MATCHING_PAIRS,
               "blank": sets.BLANK, "notice": notice}
    return render(request, "teacher/question.html", context, block="item", status_code=status_code)


@router.get("/teach/sets/{set_id}/questions/{question_id}/edit", response_class=HTMLResponse, name="edit_question")
def edit_question(request: Request, set_id: Id, question_id: Id, session: SessionDep,
                  teacher: TeacherDep) -> HTMLResponse:
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    return question_form(request, session, class_set, q=q, fmt=q.format, values=sets.form_values(q), problems={})


@router.post("/teach/sets/{set_id}/questions/{question_id}", name="save_question")
async def save_question(request: Request, set_id: Id, question_id: Id, session: SessionDep,
                        teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    checked = sets.check_question(await form_fields(request), q.format)
    if not checked.ok:
        return question_form(request, session, class_set, q=q, fmt=q.format, values=checked.values,
                             problems=checked.problems, status_code=422)
    sets.apply(q, checked)
    q.edited = q.reviewed = q.origin == "generated"  # an edit says the question was not fit as it was made
    q = crud.save_set_question(session=session, question=q)
    claims.regrade(session, q)  # answers already given follow the new answer and accepted answers
    if is_htmx(request):
        return row(request, session, class_set, q)
    return back_to_editor(request, class_set, anchor=f"#q-{q.id}")


@router.post("/teach/sets/{set_id}/questions/{question_id}/wrong-answers", name="regenerate_choices")
def regenerate_choices(request: Request, set_id: Id, question_id: Id, session: SessionDep,
                       teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    q = question_or_404(session, class_set, question_id)
    try:
        q.choices = jobs.new_wrong_answers(session, request.app.state.analyses, q, seed=f"{q.id}:{q.choices}")
    except sets.SetProblem as exc:
        if is_htmx(request):
            return question_form(request, session, class_set, q=q, fmt=q.format, values=sets.form_values(q),
                                 problems={"choices": str(exc)}, status_code=422)
        raise HTTPException(422, str(exc)) from None
    q.edited = q.origin == "generated"
    q = crud.save_set_question(session=session, question=q)
    if is_htmx(request):
        return row(request, session, class_set, q)
    return back_to_editor(request, class_set, anchor=f"#q-{q.id}")


@router.get("/teach/sets/{set_id}/add", response_class=HTMLResponse, name="add_question_form")
def add_question_form(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep,
                      format: Annotated[str, Query(max_length=20)] = "multiple_choice") -> HTMLResponse:
    class_set = ready_set(session, teacher, set_id)
    if format not in FORMATS:
        raise HTTPException(404, f"There is no question format “{format}”; the formats are {', '.join(FORMATS)}.")
    values = {"topic": "date" if format in ("timeline", "matching") else "person", "difficulty": "2",
              "prompt": f"{sets.BLANK}" if format == "cloze" else ""}
    return question_form(request, session, class_set, q=None, fmt=format, values=values, problems={})


@router.post("/teach/sets/{set_id}/add", name="add_question")
async def add_question(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    form = await form_fields(request)
    fmt = form.get("format", "")
    checked = sets.check_question(form, fmt)
    articles = crud.list_set_articles(session=session, set_id=set_id)
    article = next((a for a in articles if str(a.id) == form.get("article", "")), None)
    if article is None and len(articles) == 1:
        article = articles[0]
    if article is None:
        checked.problems["article"] = "Choose the article the question is about."
    if fmt not in FORMATS:
        raise HTTPException(400, f"Choose a question format: {', '.join(FORMATS)}.")
    if not checked.ok:
        checked.values["article"] = form.get("article", "")
        return question_form(request, session, class_set, q=None, fmt=fmt, values=checked.values,
                             problems=checked.problems, status_code=422)
    assert article is not None
    q = sets.added_question(checked, set_id=set_id, article=article,
                            position=crud.next_position(session=session, set_id=set_id))
    q = crud.save_set_question(session=session, question=q)
    return RedirectResponse(str(request.app.url_path_for("set_page", set_id=str(set_id))) + f"#q-{q.id}",
                            status_code=303)


# --- options and publishing ----------------------------------------------------------------------


@router.post("/teach/sets/{set_id}/options", name="set_options")
async def set_options(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    form = await form_fields(request)
    values, problems = sets.check_options(form)
    if problems:
        shown = {**sets.options_of(class_set), "title": class_set.title, **form}
        return editor_page(request, session, class_set, block="options", options_problems=problems,
                           option_values=shown, status_code=422)
    for name, value in values.items():
        setattr(class_set, name, value)
    class_set = crud.save_class_set(session=session, class_set=class_set)
    if is_htmx(request):
        return editor_page(request, session, class_set, block="options")
    return back_to_editor(request, class_set, anchor="#options")


@router.post("/teach/sets/{set_id}/publish", name="publish_set")
def publish_set(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    try:
        class_set = sets.publish(session, class_set)
    except sets.SetProblem as exc:
        return editor_page(request, session, class_set, block="publish", publish_error=str(exc), status_code=422)
    if is_htmx(request):
        return editor_page(request, session, class_set, block="publish")
    return back_to_editor(request, class_set, anchor="#publish")


@router.post("/teach/sets/{set_id}/private-copy", name="private_copy")
def private_copy(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    copy = sets.private_copy(session, ready_set(session, teacher, set_id))
    target = str(request.app.url_path_for("set_page", set_id=str(copy.id)))
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.post("/teach/sets/{set_id}/unpublish", name="unpublish_set")
def unpublish_set(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    class_set.published = False
    class_set = crud.save_class_set(session=session, class_set=class_set)
    if is_htmx(request):
        return editor_page(request, session, class_set, block="publish")
    return back_to_editor(request, class_set, anchor="#publish")


# --- exports -----------------------------------------------------------------------------------


@router.get("/teach/sets/{set_id}/export/{fmt}", name="set_export")
def set_export(set_id: Id, fmt: str, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    export_format = format_or_404(fmt)
    try:
        question_sets = sets.export_sets(session, class_set)
    except sets.SetProblem as exc:
        raise HTTPException(409, str(exc)) from None
    stem = class_set.slug or "questions"
    data = exports.export_bytes(question_sets, export_format, stem, parent=class_set.title)
    return Response(data, media_type=export_format.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{stem}{export_format.suffix}"'})


@router.get("/teach/sets/{set_id}/deck.toml", name="set_toml")
def set_toml(set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = ready_set(session, teacher, set_id)
    return Response(setfile.dump(session, class_set), media_type="application/toml; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="deck.toml"'})
