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
from typing import Any

from fastapi.routing import APIRoute
from sqlmodel import Session


def _ends_its_transaction(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return endpoint(*args, **kwargs)
        finally:
            session = kwargs.get("session")
            if isinstance(session, Session) and session.in_transaction():
                # what was loaded stays readable, detached; what was not committed is dropped, as at close
                session.expunge_all()
                session.rollback()

    return run


class DatabaseRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            endpoint = _ends_its_transaction(endpoint)
        super().__init__(path, endpoint, **kwargs)
