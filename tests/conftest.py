"""Fixtures shared by the web (tests/web) and browser (tests/browser) tests.

The bundled deck is run through the pipeline once per test run (the first xdist worker builds it,
the others read the pickle), and each worker keeps one seeded SQLite file that tests copy.
"""

from __future__ import annotations

import fcntl
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import Session

from quizgen.settings import PROJECT_ROOT
from web.db import make_engine, upgrade
from web.seed import DeckBuild, build_deck, save_build

DECK = PROJECT_ROOT / "decks" / "kirov-assassination"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def deck_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> DeckBuild:
    """The bundled deck through the real pipeline (spaCy), built once for all workers of this run."""
    base = tmp_path_factory.getbasetemp()
    root = base if worker_id == "master" else base.parent
    cached = root / "deck-build.pickle"
    with _locked(root / "deck-build.lock"):
        if not cached.exists():
            cached.write_bytes(pickle.dumps(build_deck(DECK)))
    return pickle.loads(cached.read_bytes())


@pytest.fixture(scope="session")
def seeded_sqlite(deck_build: DeckBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file holding the deck; tests copy it rather than write to it."""
    path = tmp_path_factory.mktemp("seeded") / "quizgen.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with Session(engine) as session:
        save_build(session, deck_build)
    engine.dispose()
    return path
