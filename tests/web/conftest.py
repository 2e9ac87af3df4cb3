"""Web test fixtures: the app on a seeded database, once on SQLite and once on PostgreSQL.

PostgreSQL tests get a schema of their own (dropped afterwards), so parallel runs never collide.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from quizgen.settings import Settings
from web.app import create_app
from web.db import make_engine, upgrade
from web.seed import DeckBuild, save_build

PG_HOST, PG_PORT, PG_DB = "127.0.0.1", 5432, "test"


def _pg_user() -> str | None:
    """The first of postgres and root that the local server lets in (trust auth)."""
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, connect_timeout=3):
                return user
        except psycopg.OperationalError:
            continue
    return None


@pytest.fixture(scope="session")
def pg_user() -> str:
    user = _pg_user()
    if user is None:
        message = f"PostgreSQL does not answer on {PG_HOST}:{PG_PORT} (database {PG_DB}); run `make services`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return user


@dataclass
class Db:
    """A seeded database for one test: its URL and an engine to look inside."""

    kind: str
    url: str
    engine: Engine

    def session(self) -> Session:
        return Session(self.engine)


def pg_schema_url(user: str, schema: str) -> str:
    return f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{PG_DB}?options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(user: str) -> Iterator[str]:
    """A fresh, empty schema; its URL puts it first on the search path."""
    schema = f"qg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(user, schema)
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, seeded_sqlite: Path, deck_build: DeckBuild, tmp_path: Path) -> Iterator[Db]:
    """The bundled deck in a database of its own: a copy of the seeded SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "quizgen.db"
        shutil.copy(seeded_sqlite, path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        yield Db("sqlite", url, engine)
        engine.dispose()
        return
    with pg_schema(request.getfixturevalue("pg_user")) as url:
        engine = make_engine(url)
        upgrade(engine)
        with Session(engine) as session:
            save_build(session, deck_build)
        yield Db("postgres", url, engine)
        engine.dispose()


@pytest.fixture
def settings(db: Db, tmp_path: Path) -> Settings:
    empty = tmp_path / "no-decks"
    empty.mkdir()
    return Settings(database_url=db.url, decks_dir=empty, secret_key="test-secret")


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser without a name yet; it does not follow redirects, so tests see them."""
    with TestClient(app, follow_redirects=False) as c:
        yield c


@pytest.fixture
def learner(client: TestClient) -> TestClient:
    """The same client after giving the display name "Ada"."""
    r = client.post("/learner", data={"name": "Ada"})
    assert r.status_code == 303, r.text
    return client
