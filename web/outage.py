"""The database gone (restarting, refusing connections, its file missing): 503 and "try again", never a 500.

Nothing here needs the database, so the page shows while it is away. The engine finds its way back by
itself: PostgreSQL connections idle for a while are pinged before use (web.db.make_engine), and a
connection that broke mid-request is dropped from the pool with every older one, so the requests after
the database returns are served.
"""

from __future__ import annotations

import logging

import psycopg
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import exc as sa_exc

from web.errors import is_api, unexpected
from web.templating import render

log = logging.getLogger("quizgen.web")

MESSAGE = "The database is not answering; try again in a moment."
RETRY_AFTER = "5"  # seconds: a restart or a fail-over takes about that long
FALLBACK = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Database not answering · quizgen"
            "</title></head><body><main><h1>Database not answering</h1><p>{message}</p></main></body></html>")


def is_outage(exc: BaseException) -> bool:
    """An error of reaching the database, not of the query: a refused or broken connection, a pool run dry."""
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError | sa_exc.TimeoutError | psycopg.OperationalError
                  | psycopg.InterfaceError):
        return True
    return isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated


def unavailable(request: Request) -> Response:
    headers = {"Retry-After": RETRY_AFTER}
    if is_api(request):
        return JSONResponse({"detail": MESSAGE}, status_code=503, headers=headers)
    # no learner or teacher in the page: showing their names would ask the database for them
    context = {"status": 503, "title": "Database not answering", "message": MESSAGE, "problems": [],
               "learner": None, "teacher": None}
    try:
        return render(request, "errors/error.html", context, block="error", status_code=503, headers=headers)
    except Exception:  # the page must show even if the template cannot be rendered
        log.exception("the outage page could not be rendered")
        return HTMLResponse(FALLBACK.format(message=MESSAGE), status_code=503, headers=headers)


async def database_error(request: Request, exc: Exception) -> Response:
    if not is_outage(exc):
        return await unexpected(request, exc)  # a failing query is a bug: the ordinary 500
    first_line = (str(exc).splitlines() or [""])[0]
    log.warning("database not answering on %s %s: %s", request.method, request.url.path, first_line)
    return unavailable(request)


def install(app: FastAPI) -> None:
    """Answer database outages with 503; other database errors keep the ordinary 500 page."""
    for kind in (sa_exc.DBAPIError, sa_exc.TimeoutError, psycopg.OperationalError, psycopg.InterfaceError):
        app.add_exception_handler(kind, database_error)
