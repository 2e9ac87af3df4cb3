"""First start: import the bundled decks (decks/<slug>/) and generate their questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine
from sqlmodel import Session

from quizgen import models as qm
from quizgen.errors import QuizgenError
from quizgen.ingest import ARTICLE_SUFFIXES
from web import crud
from web.convert import article_import, slugify
from web.models import Deck

Step = Callable[[str], None]


@dataclass(frozen=True)
class DeckBuild:
    """A deck run through the pipeline, ready to save: each article with its facts and questions."""

    slug: str
    title: str
    articles: tuple[tuple[qm.Article, qm.Facts, qm.QuestionSet], ...]


def deck_folders(decks_dir: Path) -> list[Path]:
    if not decks_dir.is_dir():
        return []
    return sorted(p for p in decks_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def build_deck(folder: Path, step: Step = lambda _: None) -> DeckBuild:
    """Read, extract and generate one deck folder (spaCy: a few seconds per article)."""
    from quizgen.decks import deck_title
    from quizgen.pipeline import analyse, load_articles, questions

    step("reading")
    articles = load_articles(folder)
    analyses = []
    for article in articles:
        step(f"extracting facts from {article.title}")
        analyses += analyse([article])
    step("generating questions")
    sets = questions(analyses)
    facts = [f for _, f in analyses]
    return DeckBuild(slug=slugify(folder.name), title=deck_title(folder), articles=tuple(zip(articles, facts, sets,
                                                                                             strict=True)))


def save_build(session: Session, build: DeckBuild) -> Deck:
    slugs: set[str] = set()
    imports = []
    for position, (article, facts, qset) in enumerate(build.articles):
        slug = base = slugify(article.title)
        n = 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.add(slug)
        imports.append(article_import(article, facts, qset, slug=slug, position=position))
    return crud.save_deck(session=session, deck=Deck(slug=build.slug, title=build.title), articles=imports)


def seed_if_empty(engine: Engine, decks_dir: Path, *, console: Console | None = None,
                  build: Callable[[Path, Step], DeckBuild] = build_deck) -> list[str]:
    """Import every deck folder when the database has no deck yet; returns the slugs imported."""
    with Session(engine) as session:
        if crud.has_decks(session=session):
            return []
    folders = deck_folders(decks_dir)
    if not folders:
        return []
    console = console or Console(stderr=True)
    done: list[str] = []
    columns: Sequence = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        for folder in folders:
            n_articles = sum(1 for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            task = progress.add_task(f"{folder.name}: starting", total=n_articles + 3)

            def step(what: str, task: TaskID = task, name: str = folder.name) -> None:
                progress.update(task, description=f"{name}: {what}", advance=1)

            try:
                deck_build = build(folder, step)
            except QuizgenError as exc:
                progress.update(task, description=f"{folder.name}: skipped ({exc})")
                continue
            with Session(engine) as session:
                save_build(session, deck_build)
            progress.update(task, description=f"{folder.name}: imported", completed=n_articles + 3)
            done.append(deck_build.slug)
    return done
