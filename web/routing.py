"""Routes that give their database connection back before their worker thread does.

A sync route runs in a worker thread, and FastAPI then takes another worker thread to serialise what it
returned. A session still holding its connection across that wait ties the two pools together: with
every thread waiting for a connection and every connection waiting for a thread, nothing moves. So a
sync route here ends its session's transaction in its own thread, before it returns.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlmodel import Session

from web.db import release

T = TypeVar("T")


def _ends_its_transaction(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return endpoint(*args, **kwargs)
        finally:
            session = kwargs.get("session")
            if isinstance(session, Session):
                release(session)

    return run


async def in_thread(session: Session, work: Callable[[], T]) -> T:
    """Run an async route's database work in one worker thread and end its transaction there; the reply
    is then made in the event loop, with no second thread."""
    def run() -> T:
        try:
            return work()
        finally:
            release(session)

    return await run_in_threadpool(run)


class DatabaseRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            endpoint = _ends_its_transaction(endpoint)
        super().__init__(path, endpoint, **kwargs)


async def form_fields(request: Request) -> dict[str, str]:
    """A page's posted form, its text fields only (a file field has no place in an answer)."""
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}
