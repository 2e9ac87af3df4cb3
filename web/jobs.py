"""Work that needs the language model: generating a new set's questions (in a background thread that writes
its progress to the database, which the page polls; for a set made from a URL the thread first fetches and
reads the article, so no request waits on another server), and new wrong answers for one question.

A build holds its set by a lease (web.leases) that its heartbeat renews; one that lost it writes nothing more,
so a set is never built twice at once, and one whose process died leaves a set that is soon marked failed.

The spaCy pipeline is shared, so one lock (made by create_app) lets one article be parsed at a time.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import Engine
from sqlmodel import Session

from quizgen import models as qm
from quizgen import pipeline
from quizgen.errors import QuizgenError
from quizgen.pipeline import Analysis
from web import crud, leases, setfile, sets
from web.fetch import Fetched
from web.models import ClassSet, SetArticle, SetQuestion, row_id
from web.reading import read_article

log = logging.getLogger("quizgen.web")

CACHE_SIZE = 8
Fetcher = Callable[[str], Fetched]  # web.fetch.fetch with the app's limits
FETCH_STEPS = 2  # fetching, reading


class Analyses:
    """Parsed articles, kept for a while: regenerating wrong answers again and again parses only once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # one spaCy pipeline per process: one parse at a time
        self._cache: OrderedDict[str, Analysis] = OrderedDict()

    def of(self, article: qm.Article) -> Analysis:
        key = json.dumps(article.to_dict(), sort_keys=True)
        with self.lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            result = pipeline.analyse([article])[0]
            self._cache[key] = result
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            return result


class LeaseLost(Exception):
    """The build no longer holds its set (deleted, or taken up by another build after its lease ran out)."""


@dataclass(frozen=True)
class Build:
    """One build of one set: the lease it holds, and its heartbeat."""

    set_id: int
    owner: str
    beat: leases.Heartbeat

    def progress(self, session: Session, step: str, done: int, total: int) -> None:
        if self.beat.lost.is_set() or not crud.set_progress(session=session, set_id=self.set_id, owner=self.owner,
                                                              step=step, done=done, total=total):
            raise LeaseLost


def start_build(engine: Engine, analyses: Analyses, set_id: int, fetcher: Fetcher, lease: timedelta) -> bool:
    """Take up the set's build and run it in the background (fetching its article first if it has an address);
    the set says how far it got. False when another build holds a live lease on it."""
    owner = leases.claim(engine, set_id, lease)
    if owner is None:
        return False
    threading.Thread(target=build, args=(engine, analyses, set_id, fetcher, owner, lease),
                     name=f"quizgen-build-{set_id}", daemon=True).start()
    return True


def build(engine: Engine, analyses: Analyses, set_id: int, fetcher: Fetcher, owner: str, lease: timedelta) -> None:
    with leases.Heartbeat(engine, set_id, owner, lease) as beat:
        job = Build(set_id, owner, beat)
        try:
            _build(engine, analyses, job, fetcher)
        except LeaseLost:
            log.info("the build of set %s lost its lease and stopped", set_id)
        except QuizgenError as exc:
            _fail(engine, job, str(exc))
        except Exception:
            log.exception("generating the questions of set %s failed", set_id)
            _fail(engine, job, "Something went wrong while generating the questions. Please try again.")


def _fail(engine: Engine, job: Build, message: str) -> None:
    with Session(engine) as session:
        crud.fail_build(session=session, set_id=job.set_id, owner=job.owner, error=message)


def _build(engine: Engine, analyses: Analyses, job: Build, fetcher: Fetcher) -> None:
    set_id = job.set_id
    with Session(engine) as session:
        class_set = crud.get_class_set(session=session, set_id=set_id)
        if class_set is None:
            return  # deleted before it started
        done = 0
        if class_set.fetch_url:
            fetch_article(session, class_set, job, fetcher)
            done = FETCH_STEPS
        rows = crud.list_set_articles(session=session, set_id=set_id)
        articles = [sets.quizgen_article(a) for a in rows]
        total = done + len(articles) + 3

        def step(what: str, at: int) -> None:
            job.progress(session, what, done + at, total)

        step("Loading the language model", 1)
        with analyses.lock:
            pipeline.load_model()
        parsed: list[Analysis] = []
        for i, article in enumerate(articles):
            step(f"Finding dates, people, places and causes in “{article.title}”", 2 + i)
            parsed.append(analyses.of(article))
        step("Writing questions and wrong answers", len(articles) + 2)
        generated = pipeline.questions(parsed)
        questions: list[SetQuestion] = []
        for row, qset in zip(rows, generated, strict=True):
            questions += [sets.generated_question(q, set_id=set_id, article_id=row_id(row), position=len(questions) + i)
                          for i, q in enumerate(qset.questions + qset.suggestions)]
        if not finish(session, set_id, rows, questions, owner=job.owner):
            raise LeaseLost


def fetch_article(session: Session, class_set: ClassSet, job: Build, fetcher: Fetcher) -> None:
    """Fetch and read the article at the set's address; the set gets it, and its title."""
    url, chosen_format = class_set.fetch_url, class_set.fetch_format
    total = FETCH_STEPS + 1 + 3  # one article
    host = urlsplit(url).hostname or url
    # progress commits: no transaction stays open while the other server takes its time
    job.progress(session, f"Fetching the article from {host}", 0, total)
    fetched = fetcher(url)
    job.progress(session, "Reading the article", 1, total)
    article = read_article(fetched.content, input_format=chosen_format or fetched.input_format, source=fetched.url)
    if not sets.add_fetched(session, job.set_id, job.owner, article, source=fetched.url):
        raise LeaseLost


def finish(session: Session, set_id: int, articles: Sequence[SetArticle], questions: list[SetQuestion], *,
           owner: str | None = None) -> bool:
    """Save a set's questions, with an imported file's customisations applied, and mark it ready: if the build
    `owner` still holds it (any time when None, for questions copied within the request)."""
    class_set = crud.get_class_set(session=session, set_id=set_id)
    if class_set is None:
        return False
    notes: list[str] = []
    if class_set.pending:
        questions, notes = setfile.customise(questions, class_set.pending, articles, set_id)
    if not questions:
        raise QuizgenError("No questions could be made from this article: it needs dated events, people or "
                           "places in full sentences.")
    return crud.finish_build(session=session, set_id=set_id, owner=owner, questions=questions, notice=" ".join(notes))


# --- new wrong answers for one multiple-choice question ------------------------------------------


def new_wrong_answers(session: Session, analyses: Analyses, question: SetQuestion, *, seed: str) -> list[str]:
    """The question's options with three other wrong answers, drawn by quizgen's distractor strategies from
    the set's articles, their deck and the bundled lists; SetProblem when there are not enough."""
    if question.format != "multiple_choice" or not isinstance(question.answer, str):
        raise sets.SetProblem("Only multiple-choice questions have wrong answers to regenerate.")
    rows = crud.list_set_articles(session=session, set_id=question.set_id)
    parsed = [analyses.of(sets.quizgen_article(a)) for a in rows]
    facts = [f for _, f in parsed]
    mine = next((f for row, f in zip(rows, facts, strict=True) if row.id == question.set_article_id), facts[0])
    candidates = pipeline.wrong_answers(mine, facts, topic=question.topic, prompt=question.prompt,
                                        answer=question.answer, sentence=question.source_sentence,
                                        section=question.source_section, key=question.uid)
    current = {pipeline.normalised(c) for c in question.choices if c != question.answer}
    fresh = [c for c in candidates if pipeline.normalised(c) not in current]
    if len(candidates) < 3 or not fresh:
        raise sets.SetProblem("The article and its deck hold no other values of this kind to make new wrong "
                              "answers from; edit them by hand instead.")
    rng = random.Random(seed)
    wrong = rng.sample(fresh, 3) if len(fresh) >= 3 else fresh + rng.sample(
        [c for c in candidates if c not in fresh], 3 - len(fresh))
    options = [question.answer, *wrong]
    rng.shuffle(options)
    return options
