"""Engine, sessions and migrations. The engine lives on app.state; nothing here runs at import."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from fastapi import Request
from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
PING_AFTER_IDLE_S = 2.0


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # SQLite enforces foreign keys (and so ON DELETE CASCADE) only when asked, per connection
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            # write-ahead log: readers no longer wait for a writer (nor it for them), so the workers of
            # `quizgen serve` do not queue behind each other's commits; kept in the file once set
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    engine = create_engine(url)

    # A connection that sat in the pool may have been cut (a database restart, a fail-over): one idle
    # for a while is pinged before use and replaced if dead. One in steady use is not, which saves a
    # round trip on every request; if the database restarts under it, that one request answers 503
    # and the pool drops every connection older than the failure.
    @event.listens_for(engine, "checkin")
    def _idle_since(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except engine.dialect.loaded_dbapi.Error:
            alive = False
        if not alive:
            raise sa_exc.DisconnectionError("connection lost while idle")  # the pool retries with a new one

    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a fresh database gets every table)."""
    command.upgrade(alembic_config(engine), "head")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """FastAPI dependency: one session per request.

    Async, so that making and closing it costs no trip to a worker thread: a session touches the database
    only when used, in the route's own thread. It is closed here, in the event loop, even when that rolls
    back a read: a close that waited for a worker thread while holding a connection could wait forever on
    threads that wait for connections."""
    # objects stay readable after a commit without a reload: a request ends soon after its commit
    session = Session(request.app.state.engine, expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()


def release(session: Session) -> None:
    """End the session's transaction, giving its connection back to the pool: what was loaded stays
    readable, detached; what was not committed is dropped, as at close. For work that is done with the
    database before it waits for a worker thread (see web.routing)."""
    if session.in_transaction():
        session.expunge_all()
        session.rollback()
