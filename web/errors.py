"""Errors as pages (or JSON under /api): a clear 4xx naming the problem, never a traceback."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from quizgen.errors import QuizgenError
from web.learner import LearnerRequired
from web.problems import Invalid, NotFound, OutOfOrder, Problem, TooManyTries
from web.security import CsrfFailed
from web.teachers import TeacherRequired
from web.templating import is_htmx, render

log = logging.getLogger("quizgen.web")

TITLES = {400: "Bad request", 401: "Who are you?", 403: "Not yours", 404: "Not found", 405: "Not allowed here",
          409: "Already done", 413: "Too large", 422: "Please check your input", 429: "Too many tries",
          500: "Something went wrong"}


def is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def error_page(request: Request, status: int, message: str, problems: list[str] | None = None,
               headers: dict[str, str] | None = None, title: str | None = None) -> Response:
    if is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    context = {"status": status, "title": title or TITLES.get(status, "Error"), "message": message,
               "problems": problems or []}
    return render(request, "errors/error.html", context, block="error", status_code=status, headers=headers)


def _field(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    return ".".join(parts) or "request"


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    default = {404: "There is no such page.", 405: "That page cannot be used this way."}
    message = exc.detail if isinstance(exc.detail, str) else default.get(exc.status_code, "The request failed.")
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = "There is no such page."
    return error_page(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    errors = exc.errors()
    if errors and all(e["loc"] and e["loc"][0] == "path" for e in errors):
        # /articles/abc names no article: that is a missing page, not a form to correct
        return error_page(request, 404, "There is no such page.")
    if is_api(request):
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
    problems = [f"{_field(tuple(e['loc']))}: {e['msg']}" for e in errors]
    return error_page(request, 422, "The form was not filled in as expected.", problems)


async def learner_required(request: Request, exc: LearnerRequired) -> Response:
    if is_api(request):
        return JSONResponse({"detail": "Give a display name first: POST /api/learners {\"name\": ...}"},
                            status_code=401)
    target = str(request.app.url_path_for("learner_form")) + "?next=" + quote(exc.next_path, safe="/")
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
    return error_page(request, 403, "This form was not sent from this site's own page, or the page is too old. "
                      "Go back, reload the page and try again.", title="Form expired")


async def teacher_required(request: Request, exc: TeacherRequired) -> Response:
    target = str(request.app.url_path_for("login_form"))
    if exc.next_path is None:
        return error_page(request, 403, "Only a teacher who is logged in can do this. Log in with your teacher "
                          "account first.", title="Teachers only")
    target += "?next=" + quote(exc.next_path, safe="/")
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


# each refusal of a service, as the response it becomes
PROBLEM_STATUS: dict[type[Problem], int] = {NotFound: 404, OutOfOrder: 409, Invalid: 400, TooManyTries: 429}


async def problem(request: Request, exc: Problem) -> Response:
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyTries) else None
    return error_page(request, PROBLEM_STATUS.get(type(exc), 400), str(exc), headers=headers)


async def quizgen_error(request: Request, exc: QuizgenError) -> Response:
    return error_page(request, 400, str(exc))


async def unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_page(request, 500, "Something went wrong on our side. Please try again.")


def install(app: FastAPI) -> None:
    # Starlette types a handler as taking any Exception; each of these is called only with its own kind
    handlers: list[tuple[type[Exception], Any]] = [
        (StarletteHTTPException, http_error), (RequestValidationError, validation_error),
        (LearnerRequired, learner_required), (CsrfFailed, csrf_failed), (TeacherRequired, teacher_required),
        (QuizgenError, quizgen_error), (Problem, problem)]
    for kind, handler in handlers:
        app.add_exception_handler(kind, handler)
    app.add_exception_handler(Exception, unexpected)
