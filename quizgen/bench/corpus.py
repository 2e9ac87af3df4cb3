"""The material every benchmark runs on: the bundled decks, and copies of them to reach a size."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.ingest import ARTICLE_SUFFIXES
from quizgen.models import Article
from quizgen.settings import get_settings

Deck = list[Article]


def deck_folders(root: Path | None = None) -> list[Path]:
    """decks/*/ folders that hold at least one article file, in name order."""
    root = Path(root or get_settings().decks_dir)
    folders = sorted(
        d for d in (root.iterdir() if root.is_dir() else [])
        if d.is_dir() and any(f.suffix.lower() in ARTICLE_SUFFIXES for f in d.iterdir())
    )
    if not folders:
        raise QuizgenError(f"{root}: no bundled decks to benchmark (decks/<slug>/article.txt)")
    return folders


def bundled_decks(root: Path | None = None) -> list[Deck]:
    from quizgen.pipeline import load_articles

    return [load_articles(folder) for folder in deck_folders(root)]


def words(decks: Sequence[Deck]) -> int:
    return sum(a.word_count for deck in decks for a in deck)


def copy_title(title: str, n: int) -> str:
    """A distinct title for copy `n` that keeps the first and last words, which tell whether the
    article is about one event ("Kirov Assassination" -> "Kirov 2 Assassination"), so a copy makes
    the same questions as its original."""
    if n == 1:
        return title
    first, _, rest = title.partition(" ")
    return f"{first} {n} {rest}" if rest else f"{title} {n}"


def repeated(decks: Sequence[Deck], min_words: int) -> list[Deck]:
    """Copies of the decks, each article with a distinct title, until there are `min_words` words.

    Each copy of a deck stays a deck of its own, as a user would generate them one after another.
    """
    per_round = words(decks)
    if per_round == 0:
        raise QuizgenError("the bundled decks have no words to benchmark")
    out: list[Deck] = []
    n = 0
    while n * per_round < min_words:
        n += 1
        out += [[dataclasses.replace(a, title=copy_title(a.title, n)) for a in deck] for deck in decks]
    return out
