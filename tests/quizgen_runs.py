"""The pipeline runs that the extraction and question tests read, each made once per test process.

spaCy takes seconds per article, so every article is parsed once: the session fixtures of
test_extract.py and test_questions.py call these cached functions, and the two modules share
the parse of the test articles.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

from quizgen import cli
from quizgen.extract import analyze
from quizgen.extract.context import ArticleContext
from quizgen.ingest import load_article
from quizgen.models import Article, Facts, QuestionSet
from quizgen.pipeline import extract, generate_path
from quizgen.questions import generate_sets

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "kirov-assassination"
KIROV = DECK / "article.txt"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "kirov-assassination.gold.json"
SNAPSHOT = DATA / "kirov-assassination.questions.txt"
ARTICLES = DATA / "articles"
QUIZGEN = Path(sys.executable).parent / "quizgen"

# Short articles written for these tests: other eras and countries than the bundled one.
OWN_ARTICLES = {
    "peasants-revolt": ARTICLES / "peasants-revolt-1381.txt",
    "bengal": ARTICLES / "partition-of-bengal-1905.txt",
    "ionian-revolt": ARTICLES / "ionian-revolt.txt",
    "tupac-amaru": ARTICLES / "tupac-amaru-rebellion.txt",
    "meiji": ARTICLES / "meiji-restoration-1868.txt",
    "suez": ARTICLES / "suez-crisis.txt",
    "an-lushan": ARTICLES / "an-lushan-rebellion.txt",
    "satsuma": ARTICLES / "satsuma-rebellion.txt",
    "magna-carta": ARTICLES / "magna-carta.txt",
}


@cache
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@cache
def kirov_article() -> Article:
    return load_article(KIROV)


@cache
def kirov_facts() -> Facts:
    return extract(kirov_article())


@cache
def kirov_question_sets() -> tuple[QuestionSet, ...]:
    return tuple(generate_path(DECK))


@cache
def own_analyses() -> tuple[tuple[ArticleContext, Facts], ...]:
    return tuple(analyze([load_article(p) for p in OWN_ARTICLES.values()]))


@cache
def own_facts() -> dict[str, Facts]:
    return {key: facts for key, (_, facts) in zip(OWN_ARTICLES, own_analyses(), strict=True)}


@cache
def own_question_sets() -> dict[str, QuestionSet]:
    """Questions for the test articles as one deck (wrong answers may come from each other)."""
    sets = generate_sets(list(own_analyses()))
    return dict(zip(OWN_ARTICLES, sets, strict=True))


def run_parallel(commands: list[list[str]], timeout: float = 180) -> list[subprocess.CompletedProcess[str]]:
    """Run the commands side by side (each loads spaCy for seconds) and wait for all of them."""
    procs = [(c, subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT))
             for c in commands]
    done = []
    for cmd, p in procs:
        out, err = p.communicate(timeout=timeout)
        done.append(subprocess.CompletedProcess(cmd, p.returncode, out, err))
    return done


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    """`quizgen ARGS` through the console script's entry point, in this process (spaCy is loaded
    already): exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code: Any = 0
    with mock.patch.object(sys, "argv", ["quizgen", *map(str, args)]), redirect_stdout(out), redirect_stderr(err):
        try:
            cli.main()
        except SystemExit as exc:
            code = exc.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out.getvalue(), err.getvalue()
