"""The whole flow in one place: article files -> analyses (parse and facts) -> QuestionSets.

The CLI and the web app call these functions; nothing else strings the stages together. Each paragraph
is parsed once: `analyse` keeps the parse with the facts, and `questions` makes the questions from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from quizgen.extract import analyze, extract_many
from quizgen.ingest import article_paths, load_article
from quizgen.models import Article, Facts, QuestionSet
from quizgen.questions import Analysis, check_options, generate_sets


def load_articles(path: str | Path, *, input_format: str | None = None) -> list[Article]:
    """An article file, or every article of a deck folder."""
    return [load_article(p, input_format=input_format) for p in article_paths(path)]


def extract(article: Article) -> Facts:
    return extract_many([article])[0]


def analyse(articles: Sequence[Article]) -> list[Analysis]:
    """Each article parsed once, with the facts read from the parse (questions are made from both)."""
    return analyze(list(articles))


def questions(
    analyses: Sequence[Analysis],
    *,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[QuestionSet]:
    """Questions for each analysed article; wrong answers are drawn from all of them (the deck)."""
    formats, topics = (list(formats) if formats else None), (list(topics) if topics else None)
    check_options(formats, topics)
    return generate_sets(analyses, formats=formats, topics=topics, limit=limit)


def generate(
    articles: Sequence[Article],
    *,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[QuestionSet]:
    """Questions for each article; wrong answers are drawn from all the articles given (the deck)."""
    check_options(formats, topics)  # before the parse, which takes seconds
    return questions(analyse(articles), formats=formats, topics=topics, limit=limit)


def generate_path(
    path: str | Path,
    *,
    input_format: str | None = None,
    formats: Iterable[str] | None = None,
    topics: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[QuestionSet]:
    """Questions for an article file or every article of a deck folder."""
    return generate(load_articles(path, input_format=input_format), formats=formats, topics=topics, limit=limit)
