"""The whole flow in one place: article text or files -> analyses (parse and facts) -> QuestionSets ->
wrong answers and exports.

The CLI, the web app and the benchmarks call these functions; nothing else strings the stages together.
Each paragraph is parsed once: `analyse` keeps the parse with the facts, and `questions` and
`wrong_answers` work from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from quizgen.export import EXPORTERS, ExportReport
from quizgen.export import export as _export
from quizgen.extract import analyze, extract_many
from quizgen.ingest import article_paths, load_article, parse_article
from quizgen.models import Article, Facts, QuestionSet
from quizgen.nlp import get_nlp
from quizgen.questions import Analysis, check_options, generate_sets
from quizgen.questions.distractors import Pool, choose
from quizgen.questions.draft import Draft
from quizgen.questions.draft import norm as normalised
from quizgen.vocabulary import Format

__all__ = ["EXPORTERS", "Analysis", "ExportReport", "analyse", "export", "extract", "generate", "generate_path",
           "load_articles", "load_model", "normalised", "questions", "read_article", "wrong_answers"]

# what a topic's wrong answers are drawn as: a definition asks for a person
WRONG_ANSWER_KINDS = {"definition": "person"}


def load_articles(path: str | Path, *, input_format: str | None = None) -> list[Article]:
    """An article file, or every article of a deck folder."""
    return [load_article(p, input_format=input_format) for p in article_paths(path)]


def read_article(content: str, *, input_format: str | None = None, source: str = "<text>") -> Article:
    """An article from its text (pasted, uploaded or fetched); the format is sniffed unless given."""
    return parse_article(content, input_format=input_format, source=source)


def load_model() -> None:
    """Load the spaCy pipeline now (it takes seconds), before the first article needs it."""
    get_nlp()


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


def wrong_answers(mine: Facts, deck: Sequence[Facts], *, topic: str, prompt: str, answer: str, sentence: str = "",
                  section: str = "", key: str = "", n: int = 30) -> list[str]:
    """Up to n wrong answers for a multiple-choice question on `mine`, best first: drawn from that article,
    then the rest of its deck and the bundled lists, by the strategies the generated questions use."""
    draft = Draft(template="teacher", format=Format.MULTIPLE_CHOICE, topic=topic, prompt=prompt, answer=answer,
                  sentence=sentence, section=section, key=key, kind=WRONG_ANSWER_KINDS.get(topic, topic))
    return choose(draft, Pool.of(mine, list(deck)), n=n)


def export(sets: Sequence[QuestionSet], to: str, out: Path, *, parent: str | None = None) -> ExportReport:
    """Write the question sets to `out` in export format `to` (one of EXPORTERS)."""
    return _export(sets, to, out, parent=parent)
