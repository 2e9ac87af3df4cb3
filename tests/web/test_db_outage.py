"""The database goes away while the app runs: pages and the API answer 503 with a clear message and
Retry-After, and the app serves again as soon as the database is back, without a restart."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import exc as sa_exc
from sqlmodel import Session
from webtests import PG_HOST, PG_PORT

from quizgen.settings import Settings
from web import db, outage
from web.app import create_app
from web.db import make_engine, upgrade
from web.seed import DeckBuild, save_build

MESSAGE = "The database is not answering; try again in a moment."


def make_app(url: str, tmp_path: Path) -> FastAPI:
    empty = tmp_path / "no-decks"
    empty.mkdir(exist_ok=True)
    app = create_app(Settings(database_url=url, decks_dir=empty, secret_key="test-secret"))
    assert app.exception_handlers[sa_exc.DBAPIError] is outage.database_error
    return app


def assert_serving(client: TestClient) -> None:
    r = client.get("/api/decks")
    assert r.status_code == 200, r.text
    assert r.json()[0]["slug"] == "kirov-assassination"
    assert client.get("/").status_code == 200


def assert_unavailable(client: TestClient) -> None:
    r = client.get("/api/decks")
    assert r.status_code == 503, r.text
    assert r.json() == {"detail": MESSAGE}
    assert r.headers["retry-after"] == outage.RETRY_AFTER
    page = client.get("/")
    assert page.status_code == 503
    assert page.headers["content-type"].startswith("text/html")
    assert MESSAGE in page.text and "Traceback" not in page.text
    assert page.headers["retry-after"] == outage.RETRY_AFTER


def test_sqlite_file_gone_then_back(seeded_sqlite: Path, tmp_path: Path) -> None:
    path, away = tmp_path / "quizgen.db", tmp_path / "away.db"
    shutil.copy(seeded_sqlite, path)
    app = make_app(f"sqlite:///{path}", tmp_path)
    with TestClient(app) as client:
        assert_serving(client)
        # the pool's open connections would go on reading the moved file; new ones find a folder in its place
        app.state.engine.dispose()
        path.rename(away)
        path.mkdir()
        assert_unavailable(client)
        path.rmdir()
        away.rename(path)
        assert_serving(client)


@pytest.fixture
def pg_database(pg_user: str) -> Iterator[tuple[str, psycopg.Connection]]:
    """A database of its own (connections to it are refused below, which a schema cannot do), and an admin
    connection to the server's `test` database."""
    name = f"qg_outage_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname="test", user=pg_user, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        try:
            yield f"postgresql+psycopg://{pg_user}@{PG_HOST}:{PG_PORT}/{name}", admin
        finally:
            admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_client(pg_database: tuple[str, psycopg.Connection], deck_build: DeckBuild,
              tmp_path: Path) -> Iterator[tuple[TestClient, str, psycopg.Connection]]:
    """A client of the app on that database, seeded with the bundled deck; the database's name; the admin
    connection."""
    url, admin = pg_database
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as session:
        save_build(session, deck_build)
    engine.dispose()
    app = make_app(url, tmp_path)
    try:
        with TestClient(app) as client:
            yield client, url.rsplit("/", 1)[1], admin
    finally:
        app.state.engine.dispose()


@pytest.mark.postgres
def test_postgres_refusing_connections_then_back(pg_client: tuple[TestClient, str, psycopg.Connection]) -> None:
    client, name, admin = pg_client
    assert_serving(client)
    # the server stays up for the other tests; only this database goes away, its open connections cut
    admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
    assert_unavailable(client)
    admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    assert_serving(client)


@pytest.mark.postgres
def test_postgres_restart_cuts_the_pools_connections(pg_client: tuple[TestClient, str, psycopg.Connection],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections cut while the database stays up (as by a quick restart): one idle in the pool is
    pinged and replaced, so the next request is served; one in steady use fails its one request with 503,
    and the pool is renewed for the next."""
    client, name, admin = pg_client
    cut = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s"
    assert_serving(client)
    admin.execute(cut, [name])
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)  # every connection counts as idle
    assert_serving(client)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 3600.0)  # none does
    admin.execute(cut, [name])
    statuses = [client.get("/api/decks").status_code for _ in range(3)]
    assert statuses[0] == 503 and statuses[1:] == [200, 200], statuses


def test_a_failing_query_is_still_a_500_not_an_outage() -> None:
    integrity = sa_exc.IntegrityError("INSERT", {}, Exception("duplicate key"))
    assert not outage.is_outage(integrity)
    assert outage.is_outage(sa_exc.OperationalError("SELECT 1", {}, Exception("connection refused")))
    assert outage.is_outage(psycopg.OperationalError("server closed the connection unexpectedly"))
