"""`quizgen generate`: JSON that is the same on every run, the --formats/--topics/--limit filters,
a clear refusal of an unknown format, the numbered text listing, a deck folder of several
articles, and the reviewed listing of the bundled deck (tests/data/kirov-assassination.questions.txt).

The runs that must be separate processes (two runs compared byte for byte, the exit status and
stderr of a refusal) are subprocesses started side by side; the others call the CLI's entry point
in this process, which has spaCy loaded already.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from question_checks import CHECKS, failures
from quizgen_runs import DECK, OWN_ARTICLES, QUIZGEN, SNAPSHOT, run_cli, run_parallel

from quizgen.ingest import load_article
from quizgen.models import FORMATS, Question


def generated(args: tuple[str | Path, ...]) -> dict[str, Any]:
    code, out, err = run_cli("generate", *args)
    assert code == 0, err
    return json.loads(out)


def questions_of(data: dict[str, Any]) -> list[Question]:
    return [Question.from_dict(q) for q in data["questions"]]


@pytest.fixture(scope="session")
def subprocess_runs() -> dict[str, subprocess.CompletedProcess[str]]:
    small = OWN_ARTICLES["ionian-revolt"]
    runs = run_parallel([
        [str(QUIZGEN), "generate", str(DECK), "--format", "json", "--all"],
        [str(QUIZGEN), "generate", str(DECK), "--format", "json", "--all"],
        [str(QUIZGEN), "generate", str(small), "--formats", "nonsense"],
    ])
    return dict(zip(("json", "json again", "nonsense"), runs, strict=True))


@pytest.fixture(scope="session")
def kirov_text() -> str:
    code, out, err = run_cli("generate", DECK, "--format", "text")
    assert code == 0, err
    return out


def test_json_is_byte_identical_across_runs(subprocess_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    first, second = subprocess_runs["json"], subprocess_runs["json again"]
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["title"] == "Kirov Assassination" and len(data["questions"]) >= 6
    # --all adds the suggestions, each with the model's estimate and the reason against it
    assert len(data["questions"]) + len(data["suggestions"]) >= 40
    assert all(not q["served"] and q["reason"] and 0 <= q["score"] < 1 for q in data["suggestions"])


def test_json_questions_have_the_design_keys(subprocess_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    data = json.loads(subprocess_runs["json"].stdout)
    keys = {"id", "format", "topic", "prompt", "answer", "choices", "explanation", "source", "difficulty", "score", "tags"}
    for q in data["questions"]:
        assert keys <= set(q), q
        assert {"sentence", "section"} <= set(q["source"])
        assert q["format"] in FORMATS


def test_unknown_format_is_refused_with_one_line(subprocess_runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    run = subprocess_runs["nonsense"]
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1, run.stderr
    assert "nonsense" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_formats_and_topics_filter() -> None:
    data = generated((DECK, "--formats", "cloze", "--topics", "person", "--format", "json"))
    found = {(q["format"], q["topic"]) for q in data["questions"]}
    assert found == {("cloze", "person")}


def test_limit_keeps_at_most_that_many() -> None:
    data = generated((DECK, "--limit", "5", "--format", "json"))
    assert 1 <= len(data["questions"]) <= 5


def test_text_lists_numbered_questions_with_answer_and_source(kirov_text: str) -> None:
    lines = kirov_text.splitlines()
    assert lines[0] == "Kirov Assassination"
    numbers = [int(m.group(1)) for line in lines if (m := re.match(r"(\d+)\. \S", line))]
    assert len(numbers) >= 6 and numbers == list(range(1, len(numbers) + 1))
    assert sum(line.strip().startswith("Answer: ") for line in lines) == len(numbers)
    assert sum(line.strip().startswith("Source: ") for line in lines) == len(numbers)


def test_text_matches_the_reviewed_listing(kirov_text: str) -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    current = kirov_text.splitlines()
    if current != expected:
        diff = "\n".join(difflib.unified_diff(expected, current, str(SNAPSHOT.name), "quizgen generate (now)", lineterm=""))
        pytest.fail(
            "the questions of the bundled deck changed. Read the diff; if the new questions are right, regenerate with\n"
            f"  .venv/bin/quizgen generate decks/kirov-assassination --format text > tests/data/{SNAPSHOT.name}\n"
            f"and review that file.\n{diff}"
        )


@pytest.fixture(scope="session")
def deck_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, Any]]:
    deck = tmp_path_factory.mktemp("deck")
    chosen = [OWN_ARTICLES["peasants-revolt"], OWN_ARTICLES["bengal"]]
    for path in chosen:
        shutil.copy(path, deck / path.name)
    return chosen, generated((deck, "--format", "json"))


def test_deck_folder_gives_a_set_per_article(deck_run: tuple[list[Path], dict[str, Any]]) -> None:
    chosen, data = deck_run
    assert set(data) == {"decks"}
    titles = sorted(s["title"] for s in data["decks"])
    assert titles == sorted(load_article(p).title for p in chosen)
    assert all(len(s["questions"]) >= 3 for s in data["decks"])


@pytest.mark.parametrize("check", list(CHECKS))
def test_deck_folder_questions_pass_the_hard_filters(deck_run: tuple[list[Path], dict[str, Any]], check: str) -> None:
    chosen, data = deck_run
    texts = {(a := load_article(p)).title: a.text for p in chosen}
    for s in data["decks"]:
        assert not failures(CHECKS[check], questions_of(s), texts[s["title"]])
