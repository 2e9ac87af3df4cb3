"""The one way into the library: each paragraph of an article is parsed once, whether questions are made
by the CLI's pipeline or by the web app when it imports a deck."""

from __future__ import annotations

from pathlib import Path

import pytest

import quizgen.extract
from quizgen.pipeline import analyse, generate, load_articles, questions
from quizgen.settings import PROJECT_ROOT
from web.seed import build_deck

DECK = PROJECT_ROOT / "decks" / "kirov-assassination"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text given to the spaCy pipeline, in order (the real pipeline still parses them)."""
    seen: list[str] = []
    real = quizgen.extract.parse

    def counting(texts, **kw):
        texts = list(texts)
        seen.extend(texts)
        return real(texts, **kw)

    monkeypatch.setattr(quizgen.extract, "parse", counting)
    return seen


def expected_texts(folder: Path) -> int:
    return sum(len(a.blocks) + len(a.see_also) for a in load_articles(folder))


def test_generating_a_deck_parses_each_paragraph_once(parsed: list[str]) -> None:
    sets = generate(load_articles(DECK))
    assert sets and sets[0].questions
    assert len(parsed) == expected_texts(DECK) == len(set(parsed))


def test_importing_a_deck_in_the_web_app_parses_each_paragraph_once(parsed: list[str]) -> None:
    build = build_deck(DECK)
    assert build.articles and build.articles[0][2].questions
    assert len(parsed) == expected_texts(DECK)


def test_analysing_once_gives_the_questions_of_generate() -> None:
    articles = load_articles(DECK)
    assert [q.to_dict() for qs in questions(analyse(articles)) for q in qs.questions] == \
        [q.to_dict() for qs in generate(articles) for q in qs.questions]
