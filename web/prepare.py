"""Make a database ready to serve: migrate it to the newest schema and import the bundled decks if it is empty.

Several processes may start on one database at once (`quizgen serve --workers N`, or app servers on several
machines): each would migrate and import on its own, racing to create the same tables and decks. One of them
takes a lock held by the database (PostgreSQL) or beside its file (SQLite) and does the work; the others wait
for it and then find nothing left to do.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from web.db import upgrade
from web.seed import seed_if_empty

# pg_advisory_lock key: any fixed 64-bit number that nothing else on the server uses
LOCK_KEY = 0x7175697A67656E  # "quizgen"


@contextmanager
def exclusive(engine: Engine) -> Iterator[None]:
    """Hold the preparation lock of this database for the duration of the block."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # a private database: no other process can see it
        return
    with open(Path(database).with_name(Path(database).name + ".lock"), "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def prepare(engine: Engine, decks_dir: Path) -> list[str]:
    """Migrate, then import the decks of `decks_dir` if there are none yet; returns the slugs imported."""
    with exclusive(engine):
        upgrade(engine)
        return seed_if_empty(engine, decks_dir)
