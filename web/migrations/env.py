"""Alembic environment: the target schema is the SQLModel metadata of web.models.

The app passes its engine in `config.attributes["engine"]` (see web.db.upgrade); from the alembic
command line set QUIZGEN_DATABASE_URL instead.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import web.models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata


def run() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        from quizgen.settings import Settings
        from web.db import make_engine

        engine = make_engine(Settings().database_url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
