"""Engine, sessions and migrations. The engine lives on app.state; nothing here runs at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from fastapi import Request
from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            # SQLite enforces foreign keys (and so ON DELETE CASCADE) only when asked, per connection
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            # write-ahead log: readers no longer wait for a writer (nor it for them), so the workers of
            # `quizgen serve` do not queue behind each other's commits; kept in the file once set
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


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
    """End a read, giving the connection back to the pool while what was loaded stays readable: for a
    dependency whose request waits for another worker thread before it uses the database again."""
    session.commit()
