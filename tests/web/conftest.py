"""Web test fixtures: the app on a seeded database, once on SQLite and once on PostgreSQL.

PostgreSQL tests get a schema of their own (dropped afterwards), so parallel runs never collide.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session
from webtests import ArticleHandler, Db, PageClient, SlowServer, pg_schema, pg_server_user

from quizgen.settings import Settings
from web.app import create_app
from web.db import make_engine, upgrade
from web.seed import DeckBuild, save_build


@pytest.fixture(scope="session")
def pg_user() -> str:
    user = pg_server_user()
    if user is None:
        message = "PostgreSQL does not answer on 127.0.0.1:5432 (database test); run `make services`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return user


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
    # cheap argon2 costs: the tests hash and check many passwords (the defaults take half a second each)
    return Settings(database_url=db.url, decks_dir=empty, secret_key="test-secret", password_time_cost=1,
                    password_memory_kib=1024)


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    app = create_app(settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser without a name yet; it does not follow redirects, so tests see them."""
    with PageClient(app, follow_redirects=False) as c:
        yield c


@pytest.fixture
def learner(client: TestClient) -> TestClient:
    """The same client after giving the display name "Ada"."""
    r = client.post("/learner", data={"name": "Ada"})
    assert r.status_code == 303, r.text
    return client


@pytest.fixture(scope="module")
def article_server() -> Iterator[str]:
    """A web server on 127.0.0.1 serving an article, a redirect, too-large and non-text answers (see ArticleHandler)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), ArticleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def slow_server() -> Iterator[SlowServer]:
    """A web server on 127.0.0.1 that sends its headers a byte a second, or redirects slowly (see SlowServer)."""
    server = SlowServer()
    yield server
    server.close()
