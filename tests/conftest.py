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

from quizgen import models as qm
from quizgen.ingest import load_article
from quizgen.settings import PROJECT_ROOT
from web.db import make_engine, upgrade
from web.seed import DeckBuild, save_build

DECK = PROJECT_ROOT / "decks" / "kirov-assassination"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _span(text: str, needle: str, section: str, after: int = 0) -> qm.Provenance:
    start = text.index(needle, after)
    sent_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    sent_end = text.index(".", start + len(needle)) + 1
    return qm.Provenance(section, text[sent_start:sent_end], sent_start, start, start + len(needle))


def sample_build() -> DeckBuild:
    """A hand-made deck over the bundled article, with one question of each format."""
    article = load_article(DECK / "article.txt")
    text = article.text
    lead = qm.LEAD_SECTION
    date = qm.DateFact("December 1, 1934", "1934-12-01", "1934-12-01", "day", "Sergei Kirov was assassinated",
                       _span(text, "December 1, 1934", lead))
    kirov = qm.Entity("person", "Sergei Kirov", ("Kirov",), "a veteran Bolshevik organizer",
                      (_span(text, "Sergei Kirov", lead),))
    stalin = qm.Entity("person", "Joseph Stalin", ("Stalin",), "", (_span(text, "Joseph Stalin", lead),))
    leningrad = qm.Entity("place", "Leningrad", (), "", (_span(text, "Leningrad", lead),))
    smolny = qm.Entity("place", "Smolny Institute", (), "", (_span(text, "Smolny Institute", lead),))
    cause = qm.CausalLink("The killing", "a chain of political events", "set in motion",
                          _span(text, "set in motion", lead))
    facts = qm.Facts(article, (date,), (kirov, stalin), (leningrad, smolny), (), (cause,))

    def q(qid: str, fmt: str, topic: str, prompt: str, answer: qm.Answer, choices: tuple[str, ...] = ()) -> qm.Question:
        where = date.where
        return qm.Question(qid, fmt, topic, prompt, answer, choices, where.sentence, qm.Source(where.sentence, lead),
                           2, 0.8, (topic, lead), article.title)

    questions = (
        q("q-mc", "multiple_choice", "date", "When was Sergei Kirov assassinated?", "December 1, 1934",
          ("March 5, 1934", "December 1, 1934", "July 4, 1936", "January 1, 1930")),
        q("q-tf", "true_false", "place", "Sergei Kirov was assassinated in Moscow.", "False", ("True", "False")),
        q("q-short", "short_answer", "place", "In which city was Sergei Kirov assassinated?", "Leningrad"),
        q("q-cloze", "cloze", "person", "In the aftermath, central authorities, led by _____, moved decisively.",
          "Joseph Stalin"),
        q("q-timeline", "timeline", "date", "Put these events in the order they happened.",
          ("Kirov rose in the party", "Kirov was assassinated", "The Great Purge began")),
        q("q-match", "matching", "person", "Match each person with their role.",
          (("Sergei Kirov", "Leningrad party leader"), ("Joseph Stalin", "Soviet leader"))),
    )
    qset = qm.QuestionSet(article.title, questions, tuple(s.name for s in article.sections))
    return DeckBuild(slug="kirov-assassination", title="Kirov Assassination", articles=((article, facts, qset),))


@pytest.fixture(scope="session")
def deck_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> DeckBuild:
    """The bundled deck through the pipeline, built once for all workers of this run."""
    base = tmp_path_factory.getbasetemp()
    root = base if worker_id == "master" else base.parent
    cached = root / "deck-build.pickle"
    with _locked(root / "deck-build.lock"):
        if not cached.exists():
            cached.write_bytes(pickle.dumps(sample_build()))
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
