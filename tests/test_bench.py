"""`quizgen bench`: every figure is there and is a positive number. Speed itself is judged by the
bench, not here: a shared test machine makes timing assertions flaky."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quizgen.bench import TARGETS, choose
from quizgen.bench.corpus import bundled_decks, copy_title, repeated, words
from quizgen.bench.export import QUESTIONS, replicated
from quizgen.errors import QuizgenError
from quizgen.export import EXPORTERS
from quizgen.models import Question, QuestionSet, Source

QUIZGEN = Path(sys.executable).parent / "quizgen"

FIGURES = ("words", "words_per_s", "spacy_words_per_s", "ratio", "cpu_ratio")
EXPECTED: dict[str, Any] = {
    "generation": {
        **dict.fromkeys((*FIGURES, "articles", "peak_rss_mb")),
        "decks": dict.fromkeys((*FIGURES, "rounds")),
        "one_deck": dict.fromkeys((*FIGURES, "articles")),
        "parallel": dict.fromkeys((*FIGURES, "workers", "peak_rss_mb", "worker_peak_rss_mb")),
    },
    "export": dict.fromkeys(["questions", *(f"{name.replace('-', '_')}_10k_s" for name in EXPORTERS)]),
}


def check_figures(expected: dict[str, Any], got: Any, where: str) -> None:
    assert isinstance(got, dict), f"{where} is not an object"
    missing = set(expected) - set(got)
    assert not missing, f"{where} lacks {sorted(missing)}"
    for key, sub in expected.items():
        if isinstance(sub, dict):
            check_figures(sub, got[key], f"{where}.{key}")
        else:
            value = got[key]
            assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}.{key} = {value!r}"
            assert value > 0, f"{where}.{key} = {value!r}"


def test_bench_json_has_every_figure_and_target() -> None:
    # one test for the one small run: under xdist a shared fixture could run it once per worker
    run = subprocess.run(
        [str(QUIZGEN), "bench", "--json", "--words", "3000", "--workers", "2", "--only", "generation,export"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)  # the progress bar went to stderr: stdout is one JSON object
    check_figures(EXPECTED, results, "bench")
    assert results["generation"]["words"] >= 3000
    assert results["generation"]["parallel"]["workers"] == 2
    assert results["export"]["questions"] == QUESTIONS
    targets = results["targets"]
    assert set(targets) == {t.path for t in TARGETS if t.path.split(".")[0] in ("generation", "export")}
    for t in targets.values():
        assert isinstance(t["met"], bool) and t["value"] > 0 and t["target"]


def test_unknown_benchmark_is_one_line_and_status_2() -> None:
    run = subprocess.run([str(QUIZGEN), "bench", "--only", "nosuch"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == ["quizgen: error: unknown benchmark nosuch; choose from generation, export, web"]
    assert run.stdout == ""


def test_choose_keeps_order_and_refuses_unknown() -> None:
    assert choose(["export", "generation", "export"]) == ["export", "generation"]
    assert choose(None) == ["generation", "export", "web"]
    with pytest.raises(QuizgenError):
        choose([])


def test_corpus_copies_have_distinct_titles_and_enough_words() -> None:
    decks = bundled_decks()
    corpus = repeated(decks, 5000)
    titles = [a.title for deck in corpus for a in deck]
    assert len(set(titles)) == len(titles)
    assert words(corpus) >= 5000
    assert words(corpus[:-len(decks)]) < 5000  # no more copies than needed
    # first and last words stay, so an article about one event stays one
    assert copy_title("Kirov Assassination", 3) == "Kirov 3 Assassination"
    assert copy_title("Kirov Assassination", 1) == "Kirov Assassination"


def test_replicated_questions_are_distinct() -> None:
    q = Question(id="q1", format="cloze", topic="date", prompt="Kirov was shot on _____.", answer="1 December 1934",
                 choices=(), explanation="", source=Source("s", "Background"), difficulty=2, score=0.5, tags=())
    sets = [QuestionSet("Kirov Assassination", (q, q.__class__(**{**q.__dict__, "id": "q2"})))]
    many = replicated(sets, 7)
    questions = [q for s in many for q in s.questions]
    assert len(questions) == 7
    assert len({q.id for q in questions}) == 7
    assert len({q.prompt for q in questions}) == 4  # one prompt per copy of the set
    assert len({s.title for s in many}) == len(many)
