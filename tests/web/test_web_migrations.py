"""The Alembic migrations build exactly the schema of the SQLModel tables, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel
from webtests import pg_schema

import web.models  # noqa: F401  (the tables)
from web.db import make_engine, upgrade


def schema_diff(url: str) -> list:
    engine = make_engine(url)
    try:
        upgrade(engine)
        upgrade(engine)  # running it again changes nothing
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert set(SQLModel.metadata.tables) <= tables
    return diff


def test_sqlite_migrations_match_the_models(tmp_path: Path) -> None:
    assert schema_diff(f"sqlite:///{tmp_path / 'fresh.db'}") == []


@pytest.mark.postgres
def test_postgres_migrations_match_the_models(pg_user: str) -> None:
    with pg_schema(pg_user) as url:
        assert schema_diff(url) == []
