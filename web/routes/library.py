"""The library (decks and their articles with question counts) and the article page."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from quizgen.models import FORMATS, TOPICS
from quizgen.vocabulary import FORMAT_NAMES
from web import crud, flashcards
from web.convert import to_article
from web.deps import Id, LearnerDep, SessionDep, article_or_404
from web.highlight import KINDS, sections
from web.models import Article, Deck, row_id
from web.routing import DatabaseRoute
from web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False, route_class=DatabaseRoute)



@dataclass
class ArticleSummary:
    article: Article
    by_format: Counter[str] = field(default_factory=Counter)
    by_topic: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_format.values())


@dataclass
class DeckSummary:
    deck: Deck
    articles: list[ArticleSummary]
    grid: dict[str, Counter[str]]  # topic -> format -> questions
    due: flashcards.Due | None

    @property
    def total(self) -> int:
        return sum(a.total for a in self.articles)

    @property
    def formats(self) -> list[str]:
        return [f for f in FORMATS if any(a.by_format[f] for a in self.articles)]

    @property
    def topics(self) -> list[str]:
        return [t for t in TOPICS if t in self.grid]


@router.get("/", response_class=HTMLResponse, name="library")
def library(request: Request, session: SessionDep, learner: LearnerDep) -> HTMLResponse:
    counts: dict[int, ArticleSummary] = {}
    grids: dict[int, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    articles = crud.list_articles(session=session)
    for a in articles:
        counts[row_id(a)] = ArticleSummary(a)
    for article_id, topic, fmt, n in crud.question_counts(session=session):
        counts[article_id].by_format[fmt] += n
        counts[article_id].by_topic[topic] += n
        grids[counts[article_id].article.deck_id][topic][fmt] += n
    decks = []
    now = datetime.now(UTC)
    for deck in crud.list_decks(session=session):
        due = None
        if learner is not None:
            cards = flashcards.card_questions(crud.list_questions(session=session, deck_id=deck.id))
            states = crud.card_states(session=session, learner_id=row_id(learner), question_ids=[row_id(q) for q in cards])
            due = flashcards.due_summary(cards, states, now)
        decks.append(DeckSummary(deck, [counts[row_id(a)] for a in articles if a.deck_id == deck.id],
                                 grids[row_id(deck)], due))
    return render(request, "library/index.html", {"decks": decks, "format_names": FORMAT_NAMES})


@dataclass(frozen=True)
class Listed:
    """One fact in the side lists: what it is, what it says, how often it is mentioned."""

    label: str
    detail: str
    mentions: int = 1
    key: str = ""


@router.get("/articles/{article_id}", response_class=HTMLResponse, name="article")
def article_page(request: Request, article_id: Id, session: SessionDep, learner: LearnerDep) -> HTMLResponse:
    row = article_or_404(session, article_id)
    deck = crud.get_deck_by_id(session=session, deck_id=row.deck_id)
    facts = crud.list_facts(session=session, article_id=article_id)
    lists: dict[str, list[Listed]] = {}
    for kind in KINDS:
        of_kind = [f for f in facts if f.kind == kind]
        if kind in ("person", "place", "organization"):
            seen = Counter(f.key for f in of_kind)
            firsts = {f.key: f for f in reversed(of_kind)}
            lists[kind] = [Listed(f.label, f.detail, seen[k], k) for k, f in sorted(firsts.items(), key=lambda kv: kv[1].start)]
        else:
            unique = {(f.label, f.key): f for f in reversed(of_kind)}
            ordered = sorted(unique.values(), key=lambda f: (f.key, f.start) if kind == "date" else (f.start,))
            lists[kind] = [Listed(f.label, f.detail, key=f.key) for f in ordered]
    questions = crud.list_questions(session=session, article_id=article_id)
    context = {
        "article": row,
        "deck": deck,
        "sections": sections(to_article(row), facts),
        "lists": lists,
        "kinds": KINDS,
        "questions": questions,
        "format_names": FORMAT_NAMES,
    }
    return render(request, "library/article.html", context)
