"""Teacher accounts (sign up, log in, log out) and making question sets: from a bundled deck, from a new
article (pasted, uploaded or fetched from a URL; generated in the background with progress in the page, the
fetch too), or from a deck.toml exported before."""

from __future__ import annotations

from functools import partial
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from quizgen.errors import InputError
from quizgen.ingest import EXTENSIONS, PARSERS
from web import crud, jobs, leases, paste, setfile, sets, teachers
from web.deps import Id, OptionalTeacher, SessionDep, TeacherDep, lease_of, own_set, settings_of
from web.fetch import FetchRefused, check_url_offline, fetch
from web.learner import safe_next
from web.models import ClassSet, SetQuestion, Teacher, row_id
from web.pages import building_page
from web.reading import read_article
from web.routing import DatabaseRoute
from web.templating import is_htmx, render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)

Text = Annotated[str, Form(max_length=2000)]
HOW = ("paste", "upload", "url")
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".wiki")
STILL_BUILDING = "The questions of this set are still being generated; wait for that to finish or fail."


def start_build(request: Request, set_id: int) -> bool:
    """Generate a set's questions in the background, fetching its article first if it was given by address;
    False when another build holds the set."""
    settings, state = settings_of(request), request.app.state
    fetcher = partial(fetch, max_bytes=settings.max_article_bytes, timeout=settings.fetch_timeout,
                      allow_loopback=settings.allow_loopback_urls, transport=state.fetch_transport)
    return jobs.start_build(state.engine, state.analyses, set_id, fetcher, lease_of(request))


def build_room_problem(request: Request, session: Session, teacher: Teacher) -> str | None:
    """Why the teacher may not start one more build now: as many of theirs are generating as a teacher may."""
    most = settings_of(request).max_builds_per_teacher
    if leases.running(session, row_id(teacher), lease_of(request)) >= most:
        return f"You already have {most} question sets being generated; start another when one of them is done."
    return None


def to_set(request: Request, class_set: ClassSet) -> RedirectResponse:
    return RedirectResponse(request.app.url_path_for("set_page", set_id=str(class_set.id)), status_code=303)


# --- accounts ----------------------------------------------------------------------------------


@router.get("/teach/signup", response_class=HTMLResponse, name="signup_form")
def signup_form(request: Request, teacher: OptionalTeacher) -> HTMLResponse:
    return render(request, "teacher/signup.html", {"values": {}, "problems": {}, "min_password": teachers.MIN_PASSWORD})


@router.post("/teach/signup", name="signup")
def signup(request: Request, session: SessionDep, email: Text = "", name: Text = "",
           password: Annotated[str, Form(max_length=teachers.MAX_PASSWORD * 4)] = "") -> Response:
    email = teachers.clean_email(email)
    problems = teachers.signup_problems(email, name, password, min_score=settings_of(request).password_min_score)
    if problems:
        context = {"values": {"email": email, "name": name}, "problems": problems,
                   "min_password": teachers.MIN_PASSWORD}
        return render(request, "teacher/signup.html", context, status_code=422)
    # the same answer whether the address is new or already has an account (which stays as it was), so sign-up
    # cannot be used to find out who has one; the new teacher then logs in
    crud.create_teacher(session=session, email=email, name=" ".join(name.split()),
                        password_hash=teachers.hasher(request).hash(password))
    return RedirectResponse(str(request.app.url_path_for("login_form")) + "?signed_up=1", status_code=303)


@router.get("/teach/login", response_class=HTMLResponse, name="login_form")
def login_form(request: Request, teacher: OptionalTeacher,
               next: Annotated[str | None, Query(max_length=2000)] = None,
               signed_up: Annotated[str | None, Query(max_length=10)] = None) -> HTMLResponse:
    context = {"email": "", "error": None, "next": safe_next(next, ""), "signed_up": signed_up is not None}
    return render(request, "teacher/login.html", context)


@router.post("/teach/login", name="login")
def login(request: Request, session: SessionDep, email: Text = "",
          password: Annotated[str, Form(max_length=teachers.MAX_PASSWORD * 4)] = "", next: Text = "") -> Response:
    settings = settings_of(request)
    account, ip = teachers.clean_email(email)[:254], teachers.client_ip(request)
    blocked = teachers.lockout(session, settings, account, ip)
    if blocked is not None:
        context = {"email": account, "next": safe_next(next, ""),
                   "error": f"Too many failed log-ins for this account from this network. "
                            f"Try again in {teachers.wait_text(blocked.retry_after)}.",
                   "locked": True}
        return render(request, "teacher/login.html", context, status_code=429,
                      headers={"Retry-After": str(blocked.retry_after)})
    teacher = crud.get_teacher_by_email(session=session, email=account)
    if not teachers.verify(request, teacher, password):
        teachers.note_failure(session, settings, account, ip)
        context = {"email": account, "next": safe_next(next, ""), "error": "That e-mail address and password do not match an account."}
        return render(request, "teacher/login.html", context, status_code=401)
    assert teacher is not None
    crud.clear_login_failures(session=session, account=account, ip=ip)
    ph = teachers.hasher(request)
    if ph.check_needs_rehash(teacher.password_hash):
        crud.update_password_hash(session=session, teacher=teacher, password_hash=ph.hash(password))
    teachers.log_in(request, teacher)
    return RedirectResponse(safe_next(next, str(request.app.url_path_for("teacher_home"))), status_code=303)


@router.post("/teach/logout", name="logout")
def logout(request: Request, session: SessionDep, teacher: OptionalTeacher) -> Response:
    teachers.log_out(request, session, teacher)
    return RedirectResponse(request.app.url_path_for("login_form"), status_code=303)


# --- the teacher's sets ------------------------------------------------------------------------


@router.get("/teach", response_class=HTMLResponse, name="teacher_home")
def teacher_home(request: Request, session: SessionDep, teacher: OptionalTeacher) -> Response:
    if teacher is None:
        return render(request, "teacher/welcome.html", {})
    summaries = crud.list_class_sets(session=session, teacher_id=row_id(teacher))
    return render(request, "teacher/home.html", {"summaries": summaries})


def new_page(request: Request, session: Session, *, errors: dict[str, str] | None = None,
             values: dict[str, str] | None = None, status_code: int = 200) -> HTMLResponse:
    context = {"decks": crud.list_decks(session=session), "errors": errors or {}, "values": values or {},
               "input_formats": list(PARSERS), "suffixes": UPLOAD_SUFFIXES,
               "max_mb": settings_of(request).max_article_bytes / (1024 * 1024)}
    return render(request, "teacher/new.html", context, status_code=status_code)


@router.get("/teach/sets/new", response_class=HTMLResponse, name="new_set")
def new_set(request: Request, session: SessionDep, teacher: TeacherDep) -> HTMLResponse:
    return new_page(request, session)


@router.post("/teach/sets/from-deck", name="set_from_deck")
def set_from_deck(request: Request, session: SessionDep, teacher: TeacherDep,
                  deck: Annotated[str, Form(max_length=120)] = "") -> Response:
    found = crud.get_deck(session=session, slug=deck)
    if found is None:
        return new_page(request, session, errors={"deck": "Choose one of the bundled decks."}, status_code=422)
    return to_set(request, sets.set_from_deck(session, teacher, found))


def _read_upload(file: UploadFile | None, limit: int) -> tuple[str, str, str]:
    """(content, input format, file name) of an uploaded article."""
    from quizgen.ingest import decode

    if file is None or not file.filename:
        raise InputError("Choose a file to upload.")
    name = PurePath(file.filename).name[:200]
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(f"{name}: upload a .txt, .md, .html or .wiki file.")
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: too large (the limit is {limit / (1024 * 1024):g} MB).")
    return decode(data, name), EXTENSIONS[suffix], name


@router.post("/teach/sets/from-article", name="set_from_article")
def set_from_article(
    request: Request,
    session: SessionDep,
    teacher: TeacherDep,
    how: Annotated[str, Form(max_length=10)] = "",
    text: Annotated[str, Form()] = "",  # as long as the form limit lets through (web.app); checked below
    title: Annotated[str, Form(max_length=300)] = "",
    input_format: Annotated[str, Form(max_length=20)] = "",
    url: Text = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    settings = settings_of(request)
    values = {"how": how, "text": text, "title": title, "url": url, "input_format": input_format}  # a refusal keeps the paste
    if how not in HOW:
        return new_page(request, session, errors={"how": "Paste the article, upload it, or give its address."},
                        values=values, status_code=422)
    if input_format and input_format not in PARSERS:
        return new_page(request, session, errors={how: f"Choose a layout: {', '.join(PARSERS)}."}, values=values,
                        status_code=422)
    busy = build_room_problem(request, session, teacher)
    if busy:
        return new_page(request, session, errors={how: busy}, values=values, status_code=429)
    try:
        if how == "url":
            # only what needs no network here: the build fetches the page, within the fetch deadline, and reads it
            check_url_offline(url, allow_loopback=settings.allow_loopback_urls)
            class_set = sets.set_to_fetch(session, teacher, url.strip(), input_format)
        else:
            if how == "paste":
                if len(text.encode()) > settings.max_article_bytes:
                    raise InputError(f"The text is too large (the limit is {settings.max_article_bytes / (1024 * 1024):g} MB).")
                if not text.strip():
                    raise InputError("Paste the article's text first.")
                content, fmt = paste.prepared(text.replace("\r\n", "\n"), title=title, input_format=input_format or None)
                source = "pasted text"
            else:
                content, fmt, source = _read_upload(file, settings.max_article_bytes)
                fmt = input_format or fmt
            article = paste.titled(read_article(content, input_format=fmt, source=source), title)  # in a child process
            class_set = sets.set_for_articles(session, teacher, article.title, [sets.article_row(article, source=source)])
    except (InputError, FetchRefused) as exc:
        return new_page(request, session, errors={how: str(exc)}, values=values, status_code=422)
    start_build(request, row_id(class_set))
    return to_set(request, class_set)


@router.post("/teach/sets/import", name="import_set")
def import_set(request: Request, session: SessionDep, teacher: TeacherDep,
               file: Annotated[UploadFile | None, File()] = None) -> Response:
    if file is None or not file.filename:
        return new_page(request, session, errors={"import": "Choose a deck.toml file to import."}, status_code=422)
    data = file.file.read(setfile.MAX_FILE_BYTES + 1)
    try:
        loaded = setfile.load(data)
    except setfile.SetFileError as exc:
        problems = exc.problems[:20] + ([f"… and {len(exc.problems) - 20} more"] if len(exc.problems) > 20 else [])
        return new_page(request, session, errors={"import": "This deck.toml cannot be imported: " + "; ".join(problems)},
                        status_code=422)
    busy = build_room_problem(request, session, teacher)
    if busy:
        return new_page(request, session, errors={"import": busy}, status_code=429)
    return to_set(request, import_file(request, session, teacher, loaded))


def import_file(request: Request, session: Session, teacher: Teacher, loaded: setfile.SetFile) -> ClassSet:
    """A set from a deck.toml: with the library's questions when its articles are unchanged bundled ones,
    else generated in the background; either way the file's customisations are applied."""
    rows = [sets.article_row(spec.article, source=spec.source, deck_slug=spec.deck_slug, article_slug=spec.article_slug)
            for spec in loaded.articles]
    library = library_questions(session, loaded.articles)
    class_set = sets.set_for_articles(session, teacher, loaded.title, rows, pending=loaded.custom,
                                      options=loaded.options)
    if library is None:
        start_build(request, row_id(class_set))
        return class_set
    questions: list[SetQuestion] = []
    for row, found in zip(rows, library, strict=True):
        questions += [sets.copy_question(q, set_id=row_id(class_set), article_id=row_id(row), position=len(questions) + i)
                      for i, q in enumerate(found)]
    jobs.finish(session, row_id(class_set), rows, questions)
    return class_set


def library_questions(session: Session, specs: list[setfile.ArticleSpec]) -> list[list[Any]] | None:
    """The generated questions of each article when every one is unchanged in the bundled library."""
    out = []
    for spec in specs:
        deck = crud.get_deck(session=session, slug=spec.deck_slug) if spec.deck_slug else None
        if deck is None:
            return None
        found = next((qs for article, _, qs in crud.list_question_sets(session=session, deck_id=deck.id,
                                                                         suggestions=True)
                      if article.slug == spec.article_slug and article.body == spec.article.to_dict()), None)
        if found is None:
            return None
        out.append(found)
    return out


# --- a set's page while its questions are generated ---------------------------------------------


@router.get("/teach/sets/{set_id}/progress", response_class=HTMLResponse, name="set_progress")
def set_progress(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = own_set(session, teacher, set_id)
    if class_set.status == "ready":
        target = str(request.app.url_path_for("set_page", set_id=str(set_id)))
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    return building_page(request, class_set)


@router.post("/teach/sets/{set_id}/retry", name="retry_build")
def retry_build(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = own_set(session, teacher, set_id)
    if class_set.status == "ready":
        return to_set(request, class_set)
    if leases.is_live(class_set, lease_of(request)):
        raise HTTPException(409, STILL_BUILDING)
    busy = build_room_problem(request, session, teacher)
    if busy:
        raise HTTPException(429, busy)
    if not start_build(request, set_id):  # another retry took it up a moment ago
        raise HTTPException(409, STILL_BUILDING)
    return to_set(request, class_set)


@router.post("/teach/sets/{set_id}/delete", name="delete_set")
def delete_set(request: Request, set_id: Id, session: SessionDep, teacher: TeacherDep) -> Response:
    class_set = own_set(session, teacher, set_id)
    if leases.is_live(class_set, lease_of(request)):
        raise HTTPException(409, STILL_BUILDING)
    crud.delete_class_set(session=session, class_set=class_set)
    home = str(request.app.url_path_for("teacher_home"))
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": home})
    return RedirectResponse(home, status_code=303)
